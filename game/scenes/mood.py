"""Mood check-ins (0-10 faces, one action), the low-mood message, and the mood-and-activity chart.

The rules live in ``game.mechanics.mood`` (scale words, the low-mood rule, the support message) and
``game.mechanics.activities.chart_data``; this module only shows them and publishes what happened.
The flow steps are registered by ``game.scenes.planner.register``.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

import pygame

from game.i18n import N_, _, language, tr
from game.input.actions import A, Action
from game.mechanics.activities import chart_data
from game.mechanics.mood import MOOD_SCALE, CheckinResult, MoodCheckin, MoodHistory, local_date, support_message
from game.scenes.base import Scene
from game.scenes.help import HelpScene
from game.ui import draw
from game.ui.draw import hex_rgb
from game.ui.manager import SCREEN_H, SCREEN_W
from game.ui.scale import CHOSEN, ScalePicker, icon
from game.ui.theme import COLOURS

PROMPTS = {
    "session_start": (N_("How are you feeling right now?"), N_("A quick check-in before you start.")),
    "level_start": (N_("How are you feeling right now?"), N_("A quick check-in before this level.")),
    "level_end": (N_("How are you feeling now?"), N_("You finished the level. A quick check-in.")),
    "session_end": (N_("How are you feeling now?"), N_("Before you go: a quick check-in.")),
}
DAY_NAMES = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
MOOD_ENDS = (N_("really low"), N_("brilliant"))


def decimal(x: float) -> str:
    """``x`` with one decimal, written the way the current language writes it (3.5 / 3,5)."""
    s = f"{x:.1f}"
    return s.replace(".", ",") if language() == "nl" else s


# ---------------------------------------------------------------------- the profile's mood history
def mood_history(profile) -> MoodHistory:
    out = []
    for raw in profile.data.get("mood_history", []) if profile is not None else []:
        try:
            out.append(MoodCheckin.from_dict(raw))
        except ValueError:
            continue   # a damaged entry never stops play
    return MoodHistory(out)


def record_checkin(ctx, value: int, moment: str) -> CheckinResult:
    """Save a check-in in the profile, publish it, apply the low-mood rule (published too)."""
    history = mood_history(ctx.profile)
    result = history.record(value, moment, local_date(ctx.clock), ctx.bus.level_id)
    if ctx.profile is not None:
        ctx.profile.data.setdefault("mood_history", []).append(result.checkin.to_dict())
    ctx.bus.publish("mood_checkin", value=value, moment=moment)
    if result.rule:
        ctx.bus.publish("low_mood_message_shown", value=value, rule=result.rule)
    ctx.checkpoint()
    return result


# ---------------------------------------------------------------------- check-in
def mood_faces(size: int = 96) -> dict[int, pygame.Surface | None]:
    return {v: icon(f"mood_{v}", size) for v in range(11)}


class MoodCheckinScene(Scene):
    """One screen, one action: click a face (or arrows + Enter). Esc or the Skip button skips."""

    name = "mood_checkin"
    opaque = False

    def __init__(self, app, moment: str, done: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.moment = moment
        self.done = done
        self.rect = pygame.Rect(0, 0, 1220, 440)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 20)
        last = mood_history(self.ctx.profile).last
        self.picker = ScalePicker(pygame.Rect(self.rect.x + 40, self.rect.y + 130, self.rect.w - 80, 108),
                                  icons=mood_faces(), word=MOOD_SCALE.word, ends=MOOD_ENDS,
                                  start=last.value if last else 5)
        self.finished = False

    def enter(self) -> None:
        r = self.rect
        title, sub = PROMPTS.get(self.moment, PROMPTS["level_start"])
        self.track(self.ui.label(_(title), pygame.Rect(r.x + 30, r.y + 16, r.w - 60, 62), object_id="#title_label"))
        self.track(self.ui.label(_(sub), pygame.Rect(r.x + 30, r.y + 78, r.w - 60, 36), object_id="#muted_label"))
        self.add_button("skip", _("Skip"), pygame.Rect(r.right - 200, r.bottom - 76, 170, 52), focusable=False,
                        tooltip=_("Skip this check-in (Esc)"))

    def handle(self, action: Action) -> bool:
        if self.finished:
            return True
        if action.kind is A.CANCEL or (action.kind is A.PRESS and action.value == "skip"):
            self.finish(None)
            return True
        if self.picker.handle(action) == CHOSEN:
            self.finish(self.picker.value)
        return True   # modal: one question, nothing else moves

    def finish(self, value: int | None) -> None:
        self.finished = True
        self.app.stack.pop()
        if value is None:
            self.app.audio.play("back")
            if self.done:
                self.done()
            return
        self.app.audio.play("confirm")
        result = record_checkin(self.ctx, value, self.moment)
        if result.rule:
            self.app.stack.push(LowMoodScene(self.app, result.rule, value, self.done))
        elif self.done:
            self.done()

    def autoplay_actions(self) -> list[Action]:
        """What a scripted player that is not testing check-ins does here: skip."""
        return [Action(A.PRESS, "skip")]

    def engaged_actions(self) -> list[Action]:
        """A player who answers: one step up from where the faces start, then Enter."""
        return [Action(A.RIGHT), Action(A.CONFIRM)]

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 160)
        draw.panel(surface, self.rect)
        self.picker.draw(surface, self.ui)
        hint = _("Click a face, or use the arrow keys and Enter. Esc to skip.")
        draw.text(surface, self.ui.font("small"), hint, (self.rect.x + 40, self.rect.bottom - 58),
                  COLOURS["muted"], shadow=False)


class LowMoodScene(HelpScene):
    """The warm message that it's OK to ask for help, with the same help content as F1."""

    name = "low_mood"

    def __init__(self, app, rule: str, value: int, done: Callable[[], None] | None = None) -> None:
        msg = support_message(rule)
        super().__init__(app, title=msg.title, intro=msg.lead)
        self.message = msg
        self.done = done

    def enter(self) -> None:
        super().enter()
        # the same help content as F1, shown because of the check-in
        self.ctx.bus.publish("help_opened", screen="mood_checkin", via="low_mood")
        self.buttons["back"].set_text(self.message.continue_button)

    def on_button(self, button_id: str) -> None:
        if button_id == "back":
            self.app.audio.play("confirm")
            self.app.stack.pop()
            if self.done:
                self.done()

    def autoplay_actions(self) -> list[Action]:
        return [Action(A.PRESS, "back")]


# ---------------------------------------------------------------------- steps
def checkin_step(moment: str):
    def step(app, done, **info):
        if app.ctx.profile is None:
            return None
        return MoodCheckinScene(app, moment, done)
    step.__name__ = f"mood_checkin_{moment}"
    return step


session_start_checkin = checkin_step("session_start")
level_start_checkin = checkin_step("level_start")
level_end_checkin = checkin_step("level_end")
session_end_checkin = checkin_step("session_end")


# ---------------------------------------------------------------------- chart
def profile_chart(ctx, days: int = 14):
    """Chart data for the last ``days`` days up to today (mood check-ins and activities done)."""
    from game.scenes.planner import plan_book

    today = date.fromisoformat(local_date(ctx.clock))
    start = (today - timedelta(days=days - 1)).isoformat()
    return chart_data(mood_history(ctx.profile), plan_book(ctx.profile).plans, start=start, end=today.isoformat())


def chart_insight(data) -> str:
    """One kind line comparing mood on days with and without activities (only when both exist)."""
    with_act = [d.mood for d in data.days if d.mood is not None and d.activities]
    without = [d.mood for d in data.days if d.mood is not None and not d.activities]
    if not with_act or not without:
        return ""
    a, b = sum(with_act) / len(with_act), sum(without) / len(without)
    if a - b >= 0.5:
        return tr("On days you did an activity, your mood was {with_activity} on average; on other days {without}.",
                  with_activity=decimal(a), without=decimal(b))
    return _("Keep noticing: sometimes activities lift mood later, or in small ways.")


class MoodChartScene(Scene):
    """Your mood (line and dots, 0-10) and the activities you did (marks per day), over two weeks."""

    name = "mood_chart"
    opaque = False

    def __init__(self, app, days: int = 14) -> None:
        super().__init__(app)
        self.rect = pygame.Rect(30, 72, SCREEN_W - 60, SCREEN_H - 88)
        self.data = profile_chart(self.ctx, days)
        self.plot = pygame.Rect(self.rect.x + 130, self.rect.y + 122, self.rect.w - 170, 226)
        self.acts = pygame.Rect(self.plot.x, self.plot.bottom + 60, self.plot.w, 60)
        self._surface: pygame.Surface | None = None

    def enter(self) -> None:
        r = self.rect
        self.add_button("back", _("Back"), pygame.Rect(r.right - 230, r.bottom - 72, 200, 52))

    def handle(self, action: Action) -> bool:
        if action.kind in (A.CANCEL, A.PAUSE):
            self.on_button("back")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        if button_id == "back":
            self.app.audio.play("back")
            self.app.stack.pop()

    def day_x(self, i: int) -> int:
        n = max(1, len(self.data.days))
        return int(self.plot.x + (i + 0.5) * self.plot.w / n)

    def mood_y(self, v: float) -> int:
        return int(self.plot.bottom - v / 10 * self.plot.h)

    def build_surface(self) -> pygame.Surface:
        surf = pygame.Surface((SCREEN_W, SCREEN_H), pygame.SRCALPHA)
        small = self.ui.font("small")
        bold = self.ui.font("small", bold=True)
        body = self.ui.font("body")
        p = self.plot
        draw.text(surf, self.ui.font("title", bold=True), _("Your mood and activities"), (self.rect.x + 30, self.rect.y + 16))
        draw.text(surf, small, _("The last two weeks. Each dot is one check-in; the line joins the days."),
                  (self.rect.x + 32, self.rect.y + 60), COLOURS["muted"], shadow=False)
        # background bands and grid
        pygame.draw.rect(surf, (*hex_rgb("#241B38"), 255), p.inflate(0, 8), border_radius=8)
        for v in (0, 5, 10):
            y = self.mood_y(v)
            pygame.draw.line(surf, hex_rgb("#4A3D66"), (p.x, y), (p.right, y), 1)
            face = icon(f"mood_{v}", 48)
            if face:
                surf.blit(face, face.get_rect(midright=(p.x - 12, y)))
            draw.text(surf, small, str(v), (p.x - 100, y - 12), COLOURS["muted"], shadow=False)
        # day labels (and today marked)
        today = self.data.days[-1].date if self.data.days else None
        for i, d in enumerate(self.data.days):
            x = self.day_x(i)
            dd = date.fromisoformat(d.date)
            font = bold if d.date == today else small
            colour = COLOURS["focus"] if d.date == today else COLOURS["text"]
            draw.text(surf, font, _("Today") if d.date == today else _(DAY_NAMES[dd.weekday()]), (x, p.bottom + 18), colour,
                      center=True, shadow=False)
            draw.text(surf, small, str(dd.day), (x, p.bottom + 40), COLOURS["muted"], center=True, shadow=False)
        # activities done: a band of marks under the days
        a = self.acts
        pygame.draw.rect(surf, hex_rgb("#241B38"), a, border_radius=8)
        draw.text(surf, small, _("Activities"), (self.rect.x + 24, a.y + 6), COLOURS["good"], shadow=False)
        draw.text(surf, small, _("done"), (self.rect.x + 24, a.y + 30), COLOURS["good"], shadow=False)
        from game.scenes.planner import catalogue

        cat = catalogue()
        for i, d in enumerate(self.data.days):
            if not d.activity_ids:
                continue
            x = self.day_x(i)
            first = cat.get(d.activity_ids[0]) if cat is not None else None
            pic = icon(first.picture, 48) if first is not None else icon("check", 48)
            if pic is not None:
                surf.blit(pic, pic.get_rect(center=(x, a.centery)))
            if len(d.activity_ids) > 1:
                draw.text(surf, bold, f"+{len(d.activity_ids) - 1}", (x + 18, a.y + 2), COLOURS["good"])
        # mood line (daily mean) and dots (each check-in)
        pts = [(self.day_x(i), self.mood_y(d.mood)) for i, d in enumerate(self.data.days) if d.mood is not None]
        if len(pts) > 1:
            pygame.draw.lines(surf, hex_rgb(COLOURS["focus"]), False, pts, 4)
        for i, v in self.data.mood_points:
            c = (self.day_x(i), self.mood_y(v))
            pygame.draw.circle(surf, hex_rgb("#1C1630"), c, 9)
            pygame.draw.circle(surf, hex_rgb(COLOURS["accent"]), c, 7)
        # legend, insight or the empty state
        ly = a.bottom + 22
        pygame.draw.line(surf, hex_rgb(COLOURS["focus"]), (p.x, ly + 12), (p.x + 36, ly + 12), 4)
        pygame.draw.circle(surf, hex_rgb(COLOURS["accent"]), (p.x + 18, ly + 12), 7)
        draw.text(surf, small, _("your mood (0 really low, 10 brilliant)"), (p.x + 48, ly), COLOURS["text"], shadow=False)
        pic = icon("check", 48)
        if pic is not None:
            surf.blit(pygame.transform.scale(pic, (24, 24)), (p.x + 430, ly))
        draw.text(surf, small, _("an activity you did (from your week plan)"), (p.x + 462, ly), COLOURS["text"], shadow=False)
        if self.data.empty:
            msg = _("Nothing here yet. Your chart fills in as you check in and try the activities you plan.")
        else:
            msg = chart_insight(self.data)
        if msg:
            draw.text_block(surf, body, msg, pygame.Rect(self.rect.x + 30, ly + 36, self.rect.w - 300, 60))
        return surf

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 170)
        draw.panel(surface, self.rect)
        if self._surface is None:
            self._surface = self.build_surface()
        surface.blit(self._surface, (0, 0))

    def help_screen_name(self) -> str:
        return "mood_chart"
