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
from game.ui import draw, scale
from game.ui.draw import hex_rgb
from game.ui.manager import SCREEN_H, SCREEN_W, flow_rects, help_rect
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


def picker_extent(ui, row_h: int) -> int:
    """How far a ``ScalePicker`` with a row ``row_h`` high draws below its top (see game/ui/scale.py)."""
    return scale.extent(ui, row_h)


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
        self.start = last.value if last else 5
        self.picker = ScalePicker(pygame.Rect(self.rect.x + 40, self.rect.y + 130, self.rect.w - 80,
                                              scale.row_height(self.ui, icons=True)),
                                  icons=mood_faces(), word=MOOD_SCALE.word, ends=MOOD_ENDS, start=self.start)
        self.hint = ""
        self.hint_rect = pygame.Rect(self.rect.x + 40, self.rect.bottom - 58, self.rect.w - 300, 30)
        self.finished = False

    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        """Title, faces, hint and Skip, each as tall as its text: the panel grows with the text size."""
        ui = self.ui
        title, sub = PROMPTS.get(self.moment, PROMPTS["level_start"])
        title, sub = _(title), _(sub)
        w = 1220
        x0 = (SCREEN_W - w) // 2
        inner = w - 60
        title_h = ui.text_h(title, inner, "title", True)
        sub_h = ui.text_h(sub, inner, "small")
        bh = ui.button_h(52)
        skip = _("Skip")
        bw = ui.button_w(skip, 170)
        hint = _("Click a face, or use the arrow keys and Enter. Esc to skip.")
        hint_w = w - 80 - bw - 50
        hint_h = len(ui.wrap(hint, hint_w, "small")) * int(ui.line_h("small") * 1.2)
        # the faces' row, the end words under it and the chosen word (drawn by the picker)
        picker_h = picker_extent(ui, scale.row_height(ui, icons=True))
        h = 16 + title_h + sub_h + 14 + picker_h + 18 + max(bh, hint_h) + 24
        self.rect = pygame.Rect(x0, 0, w, h)
        self.rect.centery = SCREEN_H // 2 + 20
        self.rect.top = max(8, min(self.rect.top, SCREEN_H - 8 - h))
        r = self.rect
        avoid = help_rect(self.app)
        y = r.y + 16
        self.track(ui.wrapped(title, r.x + 30, y, inner, style="title", center=True, avoid=avoid)[0])
        y += title_h
        self.track(ui.wrapped(sub, r.x + 30, y, inner, style="muted", center=True, avoid=avoid)[0])
        y += sub_h + 14
        cursor = self.picker.cursor
        self.picker = ScalePicker(pygame.Rect(r.x + 40, y, r.w - 80, scale.row_height(ui, icons=True)),
                                  icons=mood_faces(), word=MOOD_SCALE.word,
                                  ends=MOOD_ENDS, start=cursor)
        y += picker_h + 18
        row_h = max(bh, hint_h)
        self.hint = hint
        self.hint_rect = pygame.Rect(r.x + 40, y + (row_h - hint_h) // 2, hint_w, hint_h)
        self.add_button("skip", skip, pygame.Rect(r.right - 30 - bw, y + (row_h - bh) // 2, bw, bh), focusable=False,
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
        draw.text_block(surface, self.ui.font("small"), self.hint, self.hint_rect, COLOURS["muted"], line_gap=1.2)


class LowMoodScene(HelpScene):
    """The warm message that it's OK to ask for help, with the same help content as F1.

    The whole message fits without scrolling: the panel widens first, and at a big text size the
    text is spread over pages (« Back / Next », or Up/Down), split between paragraphs."""

    name = "low_mood"

    def __init__(self, app, rule: str, value: int, done: Callable[[], None] | None = None) -> None:
        msg = support_message(rule)
        super().__init__(app, title=msg.title, intro=msg.lead)
        self.message = msg
        self.done = done
        self.page = 0
        self.pages: list[str] = []
        self.anchor = ""        # the first line of the page the player turned to (kept over relayouts)

    def enter(self) -> None:
        super().enter()
        # the same help content as F1, shown because of the check-in
        self.ctx.bus.publish("help_opened", screen="mood_checkin", via="low_mood")

    def build(self) -> None:
        ui = self.ui
        from game.scenes.help import help_text

        body = (self.intro + "\n\n" if self.intro else "") + help_text(self.ctx.deployment)
        title = self.title or _("Need someone to talk to?")
        bh = ui.button_h(56)
        avoid = help_rect(self.app)
        for w in (980, SCREEN_W - 40):
            x = (SCREEN_W - w) // 2
            th = ui.text_h(title, w - 60, "title", True)
            if avoid.colliderect(pygame.Rect(x + 30, 10 + 16, w - 60, th)):     # it will wrap narrower
                th = ui.text_h(title, avoid.x - x - 30, "title", True)
            avail = SCREEN_H - 20 - 16 - th - 8 - 12 - bh - 16
            self.pages = paginate(ui, body, w - 60, avail)
            if len(self.pages) == 1:
                break
        self.page = max(0, min(self.page, len(self.pages) - 1))
        if self.anchor:
            self.page = next((i for i, p in enumerate(self.pages) if self.anchor in p.split("\n")), self.page)
        box_h = max(ui.box_h(p, w - 60) for p in self.pages)
        h = 16 + th + 8 + box_h + 12 + bh + 16
        self.rect = pygame.Rect(0, 0, w, h)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 10)
        self.rect.bottom = min(self.rect.bottom, SCREEN_H - 10)
        r = self.rect
        self.track(ui.wrapped(title, r.x + 30, r.y + 16, r.w - 60, style="title", avoid=avoid)[0])
        top = r.y + 16 + th + 8
        self.box = self.track(ui.textbox(self.pages[self.page], pygame.Rect(r.x + 30, top, r.w - 60, box_h)))
        keep = self.message.continue_button
        items = [("back", keep, ui.button_w(keep, 340))]
        if len(self.pages) > 1:
            items = [("prev", _("« Back"), ui.button_w(_("« Back"), 180))] + items + \
                    [("next", _("Next »"), ui.button_w(_("Next »"), 180))]
        rects = flow_rects([bw for _b, _t, bw in items], bh, pygame.Rect(r.x + 30, r.bottom - 16 - bh, r.w - 60, bh))
        for (bid, text, _bw), rect in zip(items, rects):
            self.add_button(bid, text, rect)
        if len(self.pages) > 1:
            if self.page == 0:
                self.buttons["prev"].disable()
            if self.page == len(self.pages) - 1:
                self.buttons["next"].disable()
            self.set_focus("next" if self.page < len(self.pages) - 1 else "back")

    def turn(self, step: int) -> bool:
        new = max(0, min(len(self.pages) - 1, self.page + step))
        if new == self.page:
            return False
        self.page = new
        self.anchor = next((line for line in self.pages[new].split("\n") if line.strip()), "")
        self.app.audio.play("move")
        focus = self.focused()
        self.clear_ui()
        self.build()
        if focus in self.buttons and self.buttons[focus].is_enabled:
            self.set_focus(focus)
        return True

    def handle(self, action: Action) -> bool:
        if action.kind in (A.UP, A.DOWN):       # the next or previous part of the message
            self.turn(-1 if action.kind is A.UP else 1)
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        if button_id in ("prev", "next"):
            self.turn(-1 if button_id == "prev" else 1)
        elif button_id == "back":
            self.app.audio.play("confirm")
            self.app.stack.pop()
            if self.done:
                self.done()

    def autoplay_actions(self) -> list[Action]:
        return [Action(A.PRESS, "back")]


def paginate(ui, text: str, width: int, height: int) -> list[str]:
    """``text`` in parts that each fit a text box ``width`` x ``height`` without a scroll bar; a
    part ends at a blank line (between paragraphs) when that fills most of the box, else between
    lines."""
    lines = text.split("\n")
    pages: list[list[str]] = []
    page: list[str] = []

    def fits(part: list[str]) -> bool:
        return ui.box_h("\n".join(part).strip("\n"), width) <= height

    for line in lines:
        trial = page + [line]
        if not page or fits(trial):
            page = trial
            continue
        blanks = [i for i, x in enumerate(page) if not x.strip() and any(y.strip() for y in page[:i])]
        cut = len(page)
        if blanks and ui.box_h("\n".join(page[:blanks[-1]]), width) >= 0.6 * height:
            cut = blanks[-1]        # between paragraphs, unless that leaves the page half empty
        pages.append(page[:cut])
        page = page[cut:] + [line]
        if not fits(page):
            pages.append(page[:-1])
            page = [line]
    pages.append(page)
    out = ["\n".join(p).strip("\n") for p in pages]
    return [p for p in out if p.strip()] or [""]


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
    """Your mood (line and dots, 0-10) and the activities you did (marks per day), over two weeks.

    Laid out from the font metrics. When the chart and its explanation don't fit one screen (big
    text), they are two pages: the chart, and what it shows (the legend and the insight)."""

    name = "mood_chart"
    opaque = False

    def __init__(self, app, days: int = 14) -> None:
        super().__init__(app)
        self.rect = pygame.Rect(30, 72, SCREEN_W - 60, SCREEN_H - 88)
        self.data = profile_chart(self.ctx, days)
        self.plot = pygame.Rect(self.rect.x + 130, self.rect.y + 122, self.rect.w - 170, 226)
        self.acts = pygame.Rect(self.plot.x, self.plot.bottom + 60, self.plot.w, 60)
        self.page = 0
        self.wanted_page = 0    # the page the player chose (a relayout to one page and back keeps it)
        self.pages = 1
        self.look: dict = {}
        self._surface: pygame.Surface | None = None

    def enter(self) -> None:
        self.build()

    def message(self) -> str:
        if self.data.empty:
            return _("Nothing here yet. Your chart fills in as you check in and try the activities you plan.")
        return chart_insight(self.data)

    def build(self) -> None:
        ui = self.ui
        self._surface = None
        small_h, body_h = ui.line_h("small"), ui.line_h("body")
        title_h = ui.line_h("title", True)
        bh = ui.button_h(52)
        back = _("Back")
        bw = ui.button_w(back, 200)
        numw = ui.text_w("10", "small")
        margin = max(130, 18 + numw + 8 + 48 + 12)      # the 0/5/10 numbers and faces left of the plot
        act_words = (_("Activities"), _("done"))
        act_label_w = max(ui.text_w(t, "small") for t in act_words)
        label_aside = act_label_w + 24 + 10 <= margin and 30 + small_h <= 64   # two lines left of the band
        days_h = 6 + 2 * small_h
        sub = _("The last two weeks. Each dot is one check-in; the line joins the days.")
        legend = (_("your mood (0 really low, 10 brilliant)"), _("an activity you did (from your week plan)"))
        msg = self.message()

        def legend_rows(x0: int, width: int) -> list[tuple[int, int]]:
            """(x, y offset) of each legend item: side by side when they fit, else one per row."""
            w1 = 48 + ui.text_w(legend[0], "small")
            second = max(430, w1 + 40)
            if second + 48 + ui.text_w(legend[1], "small") <= width:
                return [(x0, 0), (x0 + second, 0)]
            return [(x0, 0), (x0, small_h + 6)]

        acts_label_h = 0 if label_aside else small_h + 4
        chart_h = days_h + 8 + acts_label_h + 60        # below the plot: the days and the activities
        for rect in (pygame.Rect(30, 72, SCREEN_W - 60, SCREEN_H - 88), pygame.Rect(20, 10, SCREEN_W - 40, SCREEN_H - 20)):
            inner = rect.w - 60
            top = rect.y + 16 + title_h + 4
            sub_h = ui.text_h(sub, inner, "small")
            plot_x = rect.x + margin
            plot_w = rect.right - 40 - plot_x
            msg_w = inner - bw - 30                      # the insight sits left of the Back button
            msg_h = len(ui.wrap(msg, msg_w, "body")) * int(body_h * 1.35) if msg else 0
            rows = legend_rows(plot_x, rect.right - 30 - plot_x)
            legend_h = rows[-1][1] + small_h
            plot_top = top + sub_h + 24
            below = chart_h + 22 + legend_h
            plot_h = min(226, rect.bottom - 16 - msg_h - 14 - below - plot_top,
                         rect.bottom - 20 - bh - 8 - below - plot_top)
            if plot_h >= 150:
                self.pages = 1
                break
        else:
            # two pages: the chart, then what it shows
            self.pages = 2
            rect = pygame.Rect(20, 10, SCREEN_W - 40, SCREEN_H - 20)
            inner = rect.w - 60
            top = rect.y + 16 + title_h + 8
            plot_x = rect.x + margin
            plot_w = rect.right - 40 - plot_x
            plot_top = top + 16
            plot_h = max(120, min(300, rect.bottom - 20 - bh - 16 - chart_h - plot_top))
            rows = legend_rows(rect.x + 30, inner)
            sub_h = ui.text_h(sub, inner, "small")
            msg_w = inner
        self.page = min(self.wanted_page, self.pages - 1)
        self.rect = rect
        self.plot = pygame.Rect(plot_x, plot_top, plot_w, plot_h)
        acts_top = self.plot.bottom + days_h + 8 + acts_label_h
        self.acts = pygame.Rect(plot_x, acts_top, plot_w, 60)
        n = max(1, len(self.data.days))
        col = plot_w / n
        widest = max([ui.text_w(_(d), "small") for d in DAY_NAMES] + [ui.text_w(_("Today"), "small", True) - 10])
        step = 1
        while (widest + 8) > step * col and step < n:
            step += 1
        legend_top = self.acts.bottom + 22 if self.pages == 1 else top + sub_h + 24
        self.look = {"title_y": rect.y + 16, "sub_y": top, "sub_w": inner, "label_aside": label_aside,
                     "margin_x": rect.x + 24, "step": step, "legend": [(x, legend_top + dy) for x, dy in rows],
                     "msg_rect": pygame.Rect(rect.x + 30, legend_top + rows[-1][1] + small_h + 14, msg_w, 400),
                     "days_y": self.plot.bottom + 6}
        bx = rect.right - 30 - bw
        by = rect.bottom - 20 - bh
        if self.pages > 1:
            other = _("What the chart shows") if self.page == 0 else _("Show the chart")
            ow = ui.button_w(other, 200)
            self.add_button("page", other, pygame.Rect(bx - 16 - ow, by, ow, bh))
        self.add_button("back", back, pygame.Rect(bx, by, bw, bh))
        self.set_focus("back")

    def handle(self, action: Action) -> bool:
        if action.kind in (A.CANCEL, A.PAUSE):
            self.on_button("back")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        if button_id == "back":
            self.back_out()
        elif button_id == "page" and self.pages > 1:
            self.app.audio.play("move")
            self.page = self.wanted_page = 1 - self.page
            self.clear_ui()
            self.build()
            self.set_focus("page")

    def day_x(self, i: int) -> int:
        n = max(1, len(self.data.days))
        return int(self.plot.x + (i + 0.5) * self.plot.w / n)

    def mood_y(self, v: float) -> int:
        return int(self.plot.bottom - v / 10 * self.plot.h)

    def build_surface(self) -> pygame.Surface:
        surf = pygame.Surface((SCREEN_W, SCREEN_H), pygame.SRCALPHA)
        look = self.look or {}
        small = self.ui.font("small")
        draw.text(surf, self.ui.font("title", bold=True), _("Your mood and activities"),
                  (self.rect.x + 30, look.get("title_y", self.rect.y + 16)))
        if self.pages == 1 or self.page == 0:
            self.draw_chart(surf)
        if self.pages == 1 or self.page == 1:
            sub = _("The last two weeks. Each dot is one check-in; the line joins the days.")
            draw.text_block(surf, small, sub, pygame.Rect(self.rect.x + 32, look.get("sub_y", self.rect.y + 60),
                                                          look.get("sub_w", self.rect.w - 60), 60),
                            COLOURS["muted"], line_gap=1.2)
            self.draw_legend(surf)
        return surf

    def draw_chart(self, surf: pygame.Surface) -> None:
        look = self.look
        small = self.ui.font("small")
        bold = self.ui.font("small", bold=True)
        p = self.plot
        # background bands and grid
        pygame.draw.rect(surf, (*hex_rgb("#241B38"), 255), p.inflate(0, 8), border_radius=8)
        for v in (0, 5, 10):
            y = self.mood_y(v)
            pygame.draw.line(surf, hex_rgb("#4A3D66"), (p.x, y), (p.right, y), 1)
            face = icon(f"mood_{v}", 48)
            if face:
                surf.blit(face, face.get_rect(midright=(p.x - 12, y)))
            w, h = small.size(str(v))
            draw.text(surf, small, str(v), (p.x - 12 - 48 - 8 - w, y - h // 2), COLOURS["muted"], shadow=False)
        # day labels (and today marked); with big text every other weekday, counted back from today
        today = self.data.days[-1].date if self.data.days else None
        step = look.get("step", 1)
        y0 = look.get("days_y", p.bottom + 6)
        lh = small.get_linesize()
        n = len(self.data.days)
        for i, d in enumerate(self.data.days):
            x = self.day_x(i)
            dd = date.fromisoformat(d.date)
            is_today = d.date == today
            font = bold if is_today else small
            colour = COLOURS["focus"] if is_today else COLOURS["text"]
            if (n - 1 - i) % step == 0:
                draw.text(surf, font, _("Today") if is_today else _(DAY_NAMES[dd.weekday()]), (x, y0 + lh // 2), colour,
                          center=True, shadow=False)
            draw.text(surf, bold if is_today else small, str(dd.day), (x, y0 + lh + lh // 2 - 3),
                      COLOURS["focus"] if is_today else COLOURS["muted"], center=True, shadow=False)
        # activities done: a band of marks under the days
        a = self.acts
        pygame.draw.rect(surf, hex_rgb("#241B38"), a, border_radius=8)
        if look.get("label_aside", True):
            draw.text(surf, small, _("Activities"), (self.rect.x + 24, a.y + 6), COLOURS["good"], shadow=False)
            draw.text(surf, small, _("done"), (self.rect.x + 24, a.y + 30), COLOURS["good"], shadow=False)
        else:
            draw.text(surf, small, f"{_('Activities')} {_('done')}", (a.x, a.y - lh - 4), COLOURS["good"], shadow=False)
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

    def draw_legend(self, surf: pygame.Surface) -> None:
        """The legend, then the insight or the empty state."""
        small = self.ui.font("small")
        lh = small.get_linesize()
        (x1, y1), (x2, y2) = self.look.get("legend", [(self.plot.x, self.acts.bottom + 22),
                                                      (self.plot.x + 430, self.acts.bottom + 22)])
        mid = lh // 2
        pygame.draw.line(surf, hex_rgb(COLOURS["focus"]), (x1, y1 + mid), (x1 + 36, y1 + mid), 4)
        pygame.draw.circle(surf, hex_rgb(COLOURS["accent"]), (x1 + 18, y1 + mid), 7)
        draw.text(surf, small, _("your mood (0 really low, 10 brilliant)"), (x1 + 48, y1), COLOURS["text"], shadow=False)
        pic = icon("check", 48)
        if pic is not None:
            surf.blit(pygame.transform.scale(pic, (24, 24)), (x2 + 6, y2 + mid - 12))
        draw.text(surf, small, _("an activity you did (from your week plan)"), (x2 + 48, y2), COLOURS["text"], shadow=False)
        msg = self.message()
        if msg:
            draw.text_block(surf, self.ui.font("body"), msg, self.look.get("msg_rect", pygame.Rect(
                self.rect.x + 30, y1 + 36, self.rect.w - 300, 60)))

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 170)
        draw.panel(surface, self.rect)
        if self._surface is None:
            self._surface = self.build_surface()
        surface.blit(self._surface, (0, 0))

    def help_screen_name(self) -> str:
        return "mood_chart"
