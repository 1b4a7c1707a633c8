"""My journal: the player's own finished thought records, one a page, newest first.

Opened from the pause menu. Read-only; everything shown comes from the profile (this computer).
"""
from __future__ import annotations

from typing import Callable

import pygame

from game.i18n import _, tr
from game.input.actions import A, Action
from game.mechanics.progression import MONTH_NAMES
from game.mechanics.thinking import feeling_name
from game.scenes.base import Scene
from game.scenes.thoughts_ui import blit_text, card, draw_lines
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect
from game.ui.theme import COLOURS

PANEL = pygame.Rect(60, 80, SCREEN_W - 120, SCREEN_H - 110)

def thought_records(profile) -> list[dict]:
    """The profile's thought records, newest first (other journal kinds are left alone)."""
    if profile is None:
        return []
    out = [e for e in profile.data.get("journal", []) or []
           if isinstance(e, dict) and e.get("kind", "thought_record") == "thought_record" and e.get("thought")]
    return list(reversed(out))


def nice_date(iso: str) -> str:
    import datetime as dt

    try:
        d = dt.date.fromisoformat(str(iso)[:10])
    except ValueError:
        return ""
    return tr("{day} {month} {year}", day=d.day, month=_(MONTH_NAMES[d.month - 1]), year=d.year)


class JournalScene(Scene):
    """One record a page. Laid out from the font metrics; at a big text size a record that doesn't
    fit the panel goes on over more pages (« Back / Next » inside a record, « Newer / Older »
    between records)."""

    name = "journal"
    opaque = False

    def __init__(self, app, play=None) -> None:
        super().__init__(app)
        self.play = play
        self.entries = thought_records(app.ctx.profile)
        self.index = 0
        self.part = 0                  # the page of this record (-1: its last page)
        self.parts: list[list[tuple[int, Callable, bool, str]]] = [[]]
        self.anchor: str | None = None  # the part of the record the player paged to (kept over relayouts)
        self.panel = PANEL.copy()
        self.header: dict = {}
        self.empty_lines: list[str] = []

    def enter(self) -> None:
        self.build()

    # ---------------------------------------------------------------- layout
    def px(self, n: int) -> int:
        """A pixel size drawn at 100 %, at the player's text size."""
        return max(10, int(round(n * getattr(self.ui, "text_scale", 1.0))))

    def build(self) -> None:
        self.clear_ui()
        ui = self.ui
        big = ui.line_h("small") > 30
        self.panel = PANEL.copy() if not big else pygame.Rect(20, 10, SCREEN_W - 40, SCREEN_H - 20)
        P = self.panel
        n = len(self.entries)
        bh = ui.button_h(54)
        by = P.bottom - 20 - bh
        # the header: the title, and the date and record number beside it (or under it)
        title_f, small = ui.font("title", bold=True), ui.font("small")
        title_w, title_h = title_f.size(_("My journal"))
        right = ""
        if n:
            e = self.entries[self.index]
            right = tr("Record {n} of {total}", n=self.index + 1, total=n)
            date = nice_date(e.get("date", ""))
            if date:
                right = f"{date}  ·  {right}"
        limit = min(P.right - 30, help_rect(self.app).x - 10 if P.y < help_rect(self.app).bottom else P.right - 30)
        beside = P.x + 30 + title_w + 40 + small.size(right)[0] <= limit
        top = P.y + 18 + title_h + (12 if beside or not right else small.get_linesize() + 12)
        self.header = {"title": (P.x + 30, P.y + 18),
                       "right": ((limit - small.size(right)[0], P.y + 18 + title_h - small.get_linesize() - 4) if beside
                                 else (P.x + 30, P.y + 18 + title_h + 2)),
                       "text": right}
        if not n:
            w = P.w - 160
            self.empty_lines = ui.wrap(_("Your journal is empty for now. Finish a case file in Detective Mode "
                                         "and your thought record will be kept here, just for you."), w, "body")
            self.empty_rect = pygame.Rect(P.x + 80, top, w, by - 10 - top)
        else:
            sections = self.sections(self.entries[self.index], P.x + 30, P.w - 60)
            self.parts = paginate(sections, by - 12 - top)
            self.content_top = top
            if self.part < 0:
                self.part = len(self.parts) - 1
            elif self.anchor is not None:        # laid out again: the page with what was on top
                base = self.anchor.split(":")[0]
                keys = (self.anchor, base, "for") if base in ("for", "against") else (self.anchor,)
                self.part = next((i for k in keys for i, part in enumerate(self.parts)
                                  if any(sec[3] == k for sec in part)), 0)
            else:
                self.part = min(self.part, len(self.parts) - 1)
        # the buttons: « Newer  Close  Older » (« Back / Next » inside a record of several pages)
        last = len(self.parts) - 1 if n else 0
        left = _("« Back") if n and self.part > 0 else _("« Newer")
        right_b = _("Next »") if n and self.part < last else _("Older »")
        side_w = max(ui.button_w(t, 200) for t in (_("« Newer"), _("Older »"), _("« Back"), _("Next »")))
        close_w = ui.button_w(_("Close"), 240)
        if n > 1 or last > 0:
            self.add_button("newer", left, pygame.Rect(P.x + 30, by, side_w, bh))
            self.add_button("older", right_b, pygame.Rect(P.right - 30 - side_w, by, side_w, bh))
            if self.index == 0 and self.part == 0:
                self.buttons["newer"].disable()
            if self.index >= n - 1 and self.part >= last:
                self.buttons["older"].disable()
        self.add_button("close", _("Close"), pygame.Rect(P.centerx - close_w // 2, by, close_w, bh))
        older = self.buttons.get("older")
        self.set_focus("older" if older is not None and older.is_enabled else "close")

    def sections(self, e: dict, x: int, w: int) -> list[tuple[int, Callable, bool, str]]:
        """The parts of a record, top to bottom: (height, draw(surface, y), glued to the next, what)."""
        ui = self.ui
        small, bold = ui.font("small"), ui.font("small", bold=True)
        body, strong = ui.font(self.px(20)), ui.font(self.px(22), bold=True)
        out: list[tuple[int, Callable, bool, str]] = []

        def lines_h(font, lines, gap: float) -> int:
            return int(font.get_linesize() * gap) * len(lines)

        situation = str(e.get("situation", ""))
        if situation:
            lines = draw.wrap(small, situation, w)
            out.append((lines_h(small, lines, 1.25),
                        lambda s, y, L=lines: draw_lines(s, small, L, x, y, COLOURS["muted"]), False, "situation"))

        def text_card(text: str, fill: str, colour: str, border: str | None = None):
            lines = draw.wrap(strong, text, w - 32)
            lh = int(strong.get_linesize() * 1.2)
            h = max(56, lh * len(lines) + 12)

            def paint(s, y, L=lines, h=h):
                r = pygame.Rect(x, y, w, h)
                card(s, r, fill=fill, border=border, radius=14)
                draw_lines(s, strong, L, r.x + 16, r.centery - lh * len(L) // 2, colour, 1.2)
            return h, paint

        h, paint = text_card(f"“{e.get('thought', '')}”", "#FFF6E5", "#2B2140")
        out.append((h + 14, lambda s, y, p=paint: p(s, y + 2), False, "thought"))
        # the facts as chips, on more rows when they don't fit one
        feeling = feeling_name(str(e.get("feeling", "")))
        facts = [(_("Trap"), _(e.get("trap_name", ""))),
                 (_("Belief"), tr("{before} to {after}", before=e.get('belief_before', '?'),
                                  after=e.get('belief_after', '?'))),
                 (tr("Feeling {feeling}", feeling=feeling),
                  tr("{before} to {after}", before=e.get('feeling_before', '?'), after=e.get('feeling_after', '?')))]
        chip_h = max(34, bold.get_linesize() + 8)
        chips, cx, row = [], 0, 0
        for label, value in facts:
            t = f"{label}: {value}"
            cw = min(w, bold.size(t)[0] + 28)
            if cx and cx + cw > w:
                cx, row = 0, row + 1
            chips.append((t, pygame.Rect(cx, row * (chip_h + 10), cw, chip_h)))
            cx += cw + 12

        def paint_chips(s, y):
            for t, r in chips:
                r = r.move(x, y)
                card(s, r, fill="#4A3A6B", radius=17)
                blit_text(s, bold, t, r.center, center=True)
        out.append(((row + 1) * (chip_h + 10) + 4, paint_chips, False, "facts"))
        # what supports the thought and what doesn't: two columns, or one under the other
        columns = ((_("Supports the thought"), e.get("evidence_for", []), "#C46A4A"),
                   (_("Doesn't support it"), e.get("evidence_against", []), "#3E8F86"))
        head_h = bold.get_linesize() + 4
        col_w = (w - 20) // 2
        two = body.size("x" * 30)[0] <= col_w - 24
        item_gap = 1.15

        def item(text: str, colour: str, cw: int):
            lines = draw.wrap(body, str(text), cw - 24)
            h = int(body.get_linesize() * item_gap) * len(lines) + 4

            def paint(s, y, cx, L=lines):
                pygame.draw.circle(s, draw.hex_rgb(colour), (cx + 7, y + body.get_linesize() // 2), 6)
                draw_lines(s, body, L, cx + 22, y, gap=item_gap)
            return h, paint

        if two:
            cols = []
            for title, items, colour in columns:
                cols.append((title, [item(t, colour, col_w) for t in (list(items)[:3] or [_("(none chosen)")])]))
            height = max(head_h + sum(h for h, _p in its) for _t, its in cols) + 8

            def paint_cols(s, y):
                for i, (title, its) in enumerate(cols):
                    cxx = x + i * (col_w + 20)
                    blit_text(s, bold, title.upper(), (cxx, y), COLOURS["muted"])
                    yy = y + head_h
                    for h, p in its:
                        p(s, yy, cxx)
                        yy += h
            out.append((height, paint_cols, False, "for"))
        else:
            for (title, items, colour), key in zip(columns, ("for", "against")):
                out.append((head_h, lambda s, y, t=title: blit_text(s, bold, t.upper(), (x, y), COLOURS["muted"]), True,
                            key))
                for n, t in enumerate(list(items)[:3] or [_("(none chosen)")]):
                    h, p = item(t, colour, w)
                    out.append((h, lambda s, y, p=p: p(s, y, x), False, f"{key}:{n}"))
                out[-1] = (out[-1][0] + 8, out[-1][1], False, out[-1][3])
        label = _("MY OWN NEW THOUGHT") if e.get("wrote_own") else _("MY NEW THOUGHT")
        out.append((bold.get_linesize() + 2,
                    lambda s, y: draw.text(s, bold, label, (x, y), COLOURS["muted"], shadow=False), True, "new"))
        # (the card under it is "new:card": a page never starts with it, the label is glued to it)
        h, paint = text_card(str(e.get("balanced_thought", "")), "#33284D", COLOURS["text"], COLOURS["good"])
        out.append((h, paint, False, "new:card"))
        return out

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if action.kind in (A.CANCEL, A.PAUSE):
            self.on_button("close")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        if button_id == "close":
            self.back_out()
        elif button_id in ("older", "newer"):
            index, part = self.index, self.part
            if button_id == "older":
                if part < len(self.parts) - 1:
                    part += 1
                elif index < len(self.entries) - 1:
                    index, part = index + 1, 0
            else:
                if part > 0:
                    part -= 1
                elif index > 0:
                    index, part = index - 1, -1          # the newer record's last page
            if (index, part) != (self.index, self.part):
                self.index, self.part, self.anchor = index, part, None
                self.app.audio.play("move")
                self.build()
                if self.entries and self.parts[self.part]:
                    self.anchor = self.parts[self.part][0][3]
                if button_id in self.buttons and self.buttons[button_id].is_enabled:
                    self.set_focus(button_id)

    # ---------------------------------------------------------------- draw
    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 190)
        P = self.panel
        draw.panel(surface, P)
        ui = self.ui
        head = self.header or {"title": (P.x + 30, P.y + 18), "right": (P.x + 30, P.y + 60), "text": ""}
        draw.text(surface, ui.font("title", bold=True), _("My journal"), head["title"])
        if not self.entries:
            font = ui.font("body")
            lines = self.empty_lines
            lh = int(font.get_linesize() * 1.2)
            r = self.empty_rect
            draw_lines(surface, font, lines, r.x, r.centery - lh * len(lines) // 2, COLOURS["muted"], 1.2,
                       center_x=r.centerx)
            return
        if head["text"]:
            blit_text(surface, ui.font("small"), head["text"], head["right"], COLOURS["muted"])
        y = self.content_top
        for h, paint, _glued, _what in self.parts[self.part]:
            paint(surface, y)
            y += h

    def help_screen_name(self) -> str:
        return "journal"


def paginate(sections: list[tuple[int, Callable, bool, str]], height: int) -> list[list[tuple[int, Callable, bool, str]]]:
    """Sections in pages at most ``height`` high; a glued section (a heading) goes with the next."""
    pages: list[list] = [[]]
    used = 0
    i = 0
    while i < len(sections):
        group = [sections[i]]
        while group[-1][2] and i + len(group) < len(sections):
            group.append(sections[i + len(group)])
        gh = sum(sec[0] for sec in group)
        if pages[-1] and used + gh > height:
            pages.append([])
            used = 0
        pages[-1].extend(group)
        used += gh
        i += len(group)
    return pages
