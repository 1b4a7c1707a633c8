"""My journal: the player's own finished thought records, one a page, newest first.

Opened from the pause menu. Read-only; everything shown comes from the profile (this computer).
"""
from __future__ import annotations

import pygame

from game.i18n import _, tr
from game.input.actions import A, Action
from game.mechanics.progression import MONTH_NAMES
from game.mechanics.thinking import feeling_name
from game.scenes.base import Scene
from game.scenes.thoughts_ui import blit_text, card, draw_lines, fit_lines, text_in_box
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W
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
    name = "journal"
    opaque = False

    def __init__(self, app, play=None) -> None:
        super().__init__(app)
        self.play = play
        self.entries = thought_records(app.ctx.profile)
        self.index = 0

    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        self.clear_ui()
        y = PANEL.bottom - 74
        n = len(self.entries)
        if n > 1:
            self.add_button("newer", _("« Newer"), pygame.Rect(PANEL.x + 30, y, 200, 54))
            self.add_button("older", _("Older »"), pygame.Rect(PANEL.right - 230, y, 200, 54))
            if self.index == 0:
                self.buttons["newer"].disable()
            if self.index >= n - 1:
                self.buttons["older"].disable()
        self.add_button("close", _("Close"), pygame.Rect(PANEL.centerx - 120, y, 240, 54))
        self.set_focus("older" if n > 1 and self.index < n - 1 else "close")

    def handle(self, action: Action) -> bool:
        if action.kind in (A.CANCEL, A.PAUSE):
            self.on_button("close")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        if button_id == "close":
            self.app.audio.play("back")
            self.app.stack.pop()
        elif button_id in ("older", "newer"):
            step = 1 if button_id == "older" else -1
            new = max(0, min(len(self.entries) - 1, self.index + step))
            if new != self.index:
                self.index = new
                self.app.audio.play("move")
                self.build()
                if button_id in self.buttons and self.buttons[button_id].is_enabled:
                    self.set_focus(button_id)

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 190)
        draw.panel(surface, PANEL)
        ui = self.ui
        draw.text(surface, ui.font("title", bold=True), _("My journal"), (PANEL.x + 30, PANEL.y + 18))
        n = len(self.entries)
        small = ui.font("small")
        if n == 0:
            text_in_box(surface, ui.font("body"), _("Your journal is empty for now. Finish a case file in Detective Mode "
                                                    "and your thought record will be kept here, just for you."),
                        PANEL.inflate(-160, -260), colour=COLOURS["muted"], max_lines=3, center=True)
            return
        e = self.entries[self.index]
        right = tr("Record {n} of {total}", n=self.index + 1, total=n)
        date = nice_date(e.get("date", ""))
        if date:
            right = f"{date}  ·  {right}"
        blit_text(surface, small, right, (PANEL.right - 30 - small.size(right)[0], PANEL.y + 30), COLOURS["muted"])
        x, w = PANEL.x + 30, PANEL.w - 60
        y = PANEL.y + 74
        body, bold = ui.font(20), ui.font("small", bold=True)
        y = draw_lines(surface, small, fit_lines(small, e.get("situation", ""), w, 1), x, y, COLOURS["muted"])
        thought = pygame.Rect(x, y + 2, w, 56)
        card(surface, thought, fill="#FFF6E5", radius=14)
        text_in_box(surface, ui.font(22, bold=True), f"“{e.get('thought', '')}”", thought.inflate(-32, -8),
                    colour="#2B2140", max_lines=2)
        y = thought.bottom + 14
        feeling = feeling_name(str(e.get("feeling", "")))
        facts = [(_("Trap"), _(e.get("trap_name", ""))),
                 (_("Belief"), tr("{before} to {after}", before=e.get('belief_before', '?'),
                                  after=e.get('belief_after', '?'))),
                 (tr("Feeling {feeling}", feeling=feeling),
                  tr("{before} to {after}", before=e.get('feeling_before', '?'), after=e.get('feeling_after', '?')))]
        cx = x
        for label, value in facts:
            chip_text = f"{label}: {value}"
            cw = bold.size(chip_text)[0] + 28
            chip = pygame.Rect(cx, y, cw, 34)
            card(surface, chip, fill="#4A3A6B", radius=17)
            text_in_box(surface, bold, chip_text, chip, center=True, max_lines=1)
            cx += cw + 12
        y += 48
        col_w = (w - 20) // 2
        bottom = y
        for i, (title, items, colour) in enumerate(((_("Supports the thought"), e.get("evidence_for", []), "#C46A4A"),
                                                    (_("Doesn't support it"), e.get("evidence_against", []), "#3E8F86"))):
            cxx = x + i * (col_w + 20)
            blit_text(surface, bold, title.upper(), (cxx, y), COLOURS["muted"])
            yy = y + 28
            shown = list(items)[:3] or [_("(none chosen)")]
            for text in shown:
                pygame.draw.circle(surface, draw.hex_rgb(colour), (cxx + 7, yy + 12), 6)
                yy = draw_lines(surface, body, fit_lines(body, str(text), col_w - 24, 2), cxx + 22, yy, gap=1.15) + 4
            bottom = max(bottom, yy)
        y = bottom + 8
        draw.text(surface, bold, (_("MY OWN NEW THOUGHT") if e.get("wrote_own") else _("MY NEW THOUGHT")), (x, y),
                  COLOURS["muted"], shadow=False)
        bal = pygame.Rect(x, y + 26, w, 56)
        card(surface, bal, fill="#33284D", border=COLOURS["good"], radius=14)
        text_in_box(surface, ui.font(22, bold=True), str(e.get("balanced_thought", "")), bal.inflate(-32, -8), max_lines=2)

    def help_screen_name(self) -> str:
        return "journal"
