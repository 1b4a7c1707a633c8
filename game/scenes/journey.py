"""The journey: the seven places, which are open, which are done. Levels unlock in order."""
from __future__ import annotations

import pygame

from game.i18n import _, tr
from game.input.actions import A, Action
from game.mechanics.progression import (DONE, IN_PROGRESS, LOCKED, OPEN, WAITING, LevelAccess, level_access,
                                       opens_text)
from game.scenes import flow
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, flow_rects, help_rect


def access(ctx) -> list[LevelAccess]:
    """Each level's status for the active profile: in order, replays free, the deployment's pacing."""
    p = ctx.profile
    states = {lv.id: (p.level_state(lv.id) if p else {}) for lv in ctx.levels}
    return level_access([lv.id for lv in ctx.levels], states, getattr(ctx.deployment, "pacing_days", None),
                        ctx.clock.local_today(), ctx.clock.tz_offset_min())


class JourneyScene(Scene):
    name = "journey"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), seed=8)

    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.clear_ui()
        self.build()

    def build(self) -> None:
        ui = self.ui
        p = self.ctx.profile
        nick = p.nickname if p else ""
        bh = ui.button_h(52)
        # "My look" (with the avatar beside it) under the global Help button
        look = _("My look")
        look_w = ui.button_w(look, 200)
        hr = help_rect(self.app)
        if ui.text_scale <= 1.0:
            self.look_rect = pygame.Rect(SCREEN_W - 60 - look_w, max(80, hr.bottom + 4), look_w, bh)
        else:       # big text: beside the Help button, so the places get the height
            self.look_rect = pygame.Rect((hr.x or SCREEN_W - 140) - look_w - 4, 16, look_w, bh)
        head_w = self.look_rect.x - 60 - 70
        box, h = ui.wrapped(tr("Your journey, {nickname}", nickname=nick), 60, 40, head_w, style="title")
        self.track(box)
        y = 40 + h + 2
        sub_w = head_w if y < self.look_rect.bottom + 4 else SCREEN_W - 120
        box, h = ui.wrapped(_("Each place teaches one skill. About 20 minutes each."), 60, y, sub_w, style="muted")
        self.track(box)
        top = max(y + h + 16, self.look_rect.bottom + 14) if ui.text_scale <= 1.0 else y + h + 14
        # the bottom row: research (if on), back to the title, mood chart; shorter words for big text
        full = [("title", _("Back to the title screen")), ("mood_chart", _("My mood chart"))]
        short = [("title", _("Title screen")), ("mood_chart", _("Mood chart"))]
        if self.ctx.research_on():
            full.insert(0, ("research", _("Research study")))
            short.insert(0, ("research", _("Research")))
        bottom_area = pygame.Rect(60, top, SCREEN_W - 120, SCREEN_H - 24 - top)
        widths = [ui.button_w(t, 300) for _bid, t in full]
        items = full if sum(widths) + 16 * (len(full) - 1) <= bottom_area.w else short
        widths = [ui.button_w(t, 260) for _bid, t in items]
        rects = flow_rects(widths, ui.button_h(56), bottom_area, gap=16, align="center_bottom")
        bottom_rects = dict(zip([b for b, _t in items], rects))
        grid_bottom = min(r.y for r in rects) - 16
        # the places, two columns
        n = len(self.ctx.levels)
        rows = max(1, (n + 1) // 2)
        gap = 12 if ui.text_scale <= 1.5 else 8
        cell_h = max(bh, min(100, (grid_bottom - top - (rows - 1) * gap) // rows))
        col_w = (SCREEN_W - 120 - 30) // 2
        first_open = None
        self.access = {a.level_id: a for a in access(self.ctx)}
        today = self.ctx.clock.local_today()
        for i, lv in enumerate(self.ctx.levels):
            col, row = i % 2, i // 2
            rect = pygame.Rect(60 + col * (col_w + 30), top + row * (cell_h + gap), col_w, cell_h)
            acc = self.access[lv.id]
            mark = {DONE: _("Done · play again"), IN_PROGRESS: _("Carry on"), OPEN: _("Open"),
                    LOCKED: _("Locked")}.get(acc.status)
            short_mark = {DONE: _("done"), IN_PROGRESS: _("carry on"), OPEN: _("open"),
                          LOCKED: _("locked")}.get(acc.status)
            if acc.status == WAITING:
                mark = tr("Opens {when}", when=opens_text(acc.opens_on, today))
                short_mark = _("not yet")
            c = lv.content
            text = ui.fit_text([f"{c.number}. {c.title}  ·  {mark}", f"{c.number}. {c.title} · {short_mark}",
                                f"{c.number}. {c.title}"], rect.w)
            btn = self.add_button(f"level:{lv.id}", text, rect, tooltip=f"{c.place}: {c.skill} ({mark})")
            if acc.status == LOCKED:
                btn.disable()
            elif acc.status in (OPEN, IN_PROGRESS) and first_open is None:
                first_open = f"level:{lv.id}"
        for bid, text in items:
            tip = {"research": _("Your choice about the research study"),
                   "mood_chart": _("Your mood and activities over time")}.get(bid)
            self.add_button(bid, text, bottom_rects[bid], tooltip=tip)
        self.add_button("avatar", look, self.look_rect,
                        tooltip=_("Change how you look and what the guide calls you"))
        if first_open:
            self.set_focus(first_open)
            # its music is made in the background now, while the player looks at the map
            self.app.audio.prefetch_level(self.ctx.level(first_open.split(":", 1)[1]))

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("title")
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        from game.scenes.play import PlayScene
        from game.scenes.title import TitleScene

        if button_id.startswith("level:"):
            level = self.ctx.level(button_id.split(":", 1)[1])
            acc = self.access.get(level.id) if level is not None else None
            if acc is not None and acc.status == WAITING:
                from game.scenes.message import MessageScene

                today = self.ctx.clock.local_today()
                self.app.audio.play("back")
                self.app.stack.push(MessageScene(
                    self.app, tr("{title} opens {when}. Your school plays one place at a time, so each skill has "
                                 "time to settle. Try this week's challenge until then!",
                                 title=level.content.title, when=opens_text(acc.opens_on, today)),
                    title=_("Not open yet")))
                return
            if level is not None and acc is not None and acc.playable:
                self.app.audio.play("confirm")
                self.app.stack.replace(PlayScene(self.app, level))
        elif button_id == "research":
            from game.scenes.research import ResearchScene

            self.app.audio.play("confirm")
            self.app.stack.push(ResearchScene(self.app))
        elif button_id == "avatar":
            from game.scenes.avatar import AvatarScene

            self.app.audio.play("confirm")
            self.app.stack.push(AvatarScene(self.app))
        elif button_id == "mood_chart":
            from game.scenes.mood import MoodChartScene

            self.app.audio.play("confirm")
            self.app.stack.push(MoodChartScene(self.app))
        elif button_id == "title":
            self.app.audio.play("back")

            def finish() -> None:
                self.ctx.end_session("quit")
                self.app.stack.clear_to(TitleScene(self.app))

            flow.end_session(self.app, finish)  # the session-end check-in first

    def move_focus(self, step: int) -> None:
        super().move_focus(step)

    def update(self, dt: float) -> None:
        self.backdrop.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        if self.ctx.profile is not None and self.ctx.profile.data.get("avatar"):  # beside "My look"
            from game.art.characters import avatar_sheet

            r = getattr(self, "look_rect", pygame.Rect(SCREEN_W - 320, 80, 260, 52))
            surface.blit(avatar_sheet(self.ctx.profile.data["avatar"]), (r.x - 60, r.centery - 24), (0, 0, 48, 48))
