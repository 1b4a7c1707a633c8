"""Choose, create or delete a local profile. A nickname stays on this computer."""
from __future__ import annotations

import pygame

from game.i18n import _, tr
from game.input.actions import A, Action
from game.scenes import flow
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, escape, flow_rects, menu_rects

MAX_SHOWN = 6


class ProfilesScene(Scene):
    name = "profiles"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), seed=5)
        self.deleting = False
        self.summaries = []

    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.clear_ui()
        self.build()

    def build(self) -> None:
        ui = self.ui
        cx = SCREEN_W // 2
        heading = _("Which profile should we delete?") if self.deleting else _("Who's playing?")
        box, h = ui.wrapped(heading, cx - 440, 50, 880, style="title", center=True)
        self.track(box)
        top = 50 + h + 20
        bh = ui.button_h(56)
        self.summaries = self.ctx.profiles.list_profiles()[:MAX_SHOWN]
        # the action buttons at the bottom, then the profiles in the space between
        if self.deleting:
            actions = [("cancel_delete", _("Don't delete anything"))]
        else:
            actions = [("new", _("New profile"))] + ([("delete", _("Delete a profile…"))] if self.summaries else [])
            actions.append(("back", _("Back")))
        widths = [ui.button_w(t, 300) for _bid, t in actions]
        act_rects = flow_rects(widths, bh, pygame.Rect(60, top, SCREEN_W - 120, SCREEN_H - 30 - top), gap=16,
                               align="center_bottom")
        area = pygame.Rect(60, top, SCREEN_W - 120, min(r.y for r in act_rects) - 24 - top)
        total = max(7, len(self.ctx.levels))
        rects = menu_rects(len(self.summaries), 640, bh, area, gap=12, max_cols=2)
        for s, rect in zip(self.summaries, rects):
            if s.status in ("ok", "recovered"):
                extra = "  " + _("(restored)") if s.status == "recovered" else ""
                levels = tr("{done} of {total} levels", done=s.levels_completed, total=total)
                text = ui.fit_text([f"{s.nickname}  ·  {levels}{extra}",
                                    f"{s.nickname} · {s.levels_completed}/{total}{extra}",
                                    f"{s.nickname} · {s.levels_completed}/{total}", s.nickname], rect.w)
            else:
                text = ui.fit_text([tr("Damaged save: {reason}", reason=_(s.message)), _("Damaged save")], rect.w)
            btn = self.add_button(f"p:{s.profile_id}", text, rect,
                                  tooltip=None if s.status in ("ok", "recovered") else _(s.message))
            if s.status not in ("ok", "recovered") and not self.deleting:
                btn.disable()
        for (bid, text), rect in zip(actions, act_rects):
            self.add_button(bid, text, rect)
        if self.focus_order and self.buttons[self.focus_order[0]].is_enabled is False:
            self.move_focus(+1)

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("cancel_delete" if self.deleting else "back")
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        from game.scenes.message import MessageScene
        from game.scenes.title import TitleScene

        if button_id.startswith("p:"):
            pid = button_id[2:]
            summary = next((s for s in self.summaries if s.profile_id == pid), None)
            if self.deleting:
                ok = summary is not None and summary.status in ("ok", "recovered")

                def really_delete() -> None:
                    self.ctx.delete_profile(pid)
                    self.deleting = False

                question = (tr("Delete {name}?", name=summary.nickname) if ok else _("Delete this damaged save?"))
                self.app.stack.push(MessageScene(
                    self.app, question + " " + _("Their progress, journal and plans on this computer will be "
                                                 "removed. This can't be undone."),
                    title=_("Delete profile?"), ok=_("Yes, delete"), cancel=_("No, keep it"),
                    on_ok=really_delete))
                return
            try:
                profile = self.ctx.profiles.load(pid)
            except ValueError as e:
                self.app.stack.push(MessageScene(self.app, _(str(e))))
                return
            self.app.audio.play("confirm")
            self.ctx.activate_profile(profile)
            flow.start_session(self.app)
        elif button_id == "new":
            self.app.stack.push(NewProfileScene(self.app))
        elif button_id == "delete":
            self.deleting = True
            self.clear_ui()
            self.build()
        elif button_id == "cancel_delete":
            self.deleting = False
            self.clear_ui()
            self.build()
        elif button_id == "back":
            self.app.audio.play("back")
            self.app.stack.clear_to(TitleScene(self.app))

    def update(self, dt: float) -> None:
        self.backdrop.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)


class NewProfileScene(Scene):
    name = "new_profile"
    opaque = False

    def __init__(self, app) -> None:
        super().__init__(app)
        self.rect = pygame.Rect(0, 0, 760, 420)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2)
        self.error = ""

    def enter(self) -> None:
        self.build()
        self.entry.focus()
        self.set_focus("create")

    def relayout(self) -> None:
        typed = self.entry.get_text()
        error = self.error
        focus = self.focused()
        self.clear_ui()
        self.build()
        self.entry.set_text(typed)
        self.error = error
        self.error_label.set_text(escape(error))
        self.entry.focus()
        if focus:
            self.set_focus(focus)

    def build(self) -> None:
        ui = self.ui
        bh, eh = ui.button_h(58), ui.entry_h()
        w = min(SCREEN_W - 80, max(760, int(760 * min(ui.text_scale, 1.5))))
        inner = w - 60
        title = _("Pick a nickname")
        title_h = ui.text_h(title, inner, "title", True)
        note = _("Not your real name. It stays on this computer.")
        note_h = ui.text_h(note, inner, "small")
        err_h = ui.text_h(_("That nickname is too long. Try one with at most 20 letters."), inner, "small")
        h = 24 + title_h + 6 + note_h + 16 + eh + 10 + err_h + 16 + bh + 28
        self.rect = pygame.Rect(0, 0, w, min(SCREEN_H - 20, h))
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2)
        r = self.rect
        y = r.y + 24
        self.track(ui.wrapped(title, r.x + 30, y, inner, style="title")[0])
        y += title_h + 6
        self.track(ui.wrapped(note, r.x + 30, y, inner, style="muted")[0])
        y += note_h + 16
        self.entry = self.track(ui.entry(pygame.Rect(r.x + 80, y, r.w - 160, eh), object_id="#nickname"))
        y += eh + 10
        self.error_label = self.track(ui.textbox("", pygame.Rect(r.x + 30, y, inner, err_h), object_id="#plain_muted"))
        back, start = _("Back"), _("Start")
        bw = min((r.w - 100) // 2, max(280, ui.button_w(back), ui.button_w(start)))
        self.add_button("back", back, pygame.Rect(r.x + 40, r.bottom - 28 - bh, bw, bh))
        self.add_button("create", start, pygame.Rect(r.right - 40 - bw, r.bottom - 28 - bh, bw, bh))

    def handle(self, action: Action) -> bool:
        if action.kind is A.TEXT:
            self.entry.set_text(action.value or "")
            return True
        if action.kind is A.CANCEL:
            self.on_button("back")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:

        if button_id == "back":
            self.back_out()
            return
        try:
            profile = self.ctx.profiles.create(self.entry.get_text())
        except ValueError as e:
            self.error = _(str(e))
            self.error_label.set_text(escape(self.error))
            self.app.audio.play("wrong")
            return
        self.app.audio.play("confirm")
        self.ctx.activate_profile(profile)
        flow.start_session(self.app)

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 120)
        draw.panel(surface, self.rect)
