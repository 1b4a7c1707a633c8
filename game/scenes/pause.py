"""Pause: resume, save and leave the level, or quit the game. Everything is saved either way."""
from __future__ import annotations

from typing import Callable

import pygame

from game.i18n import _
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect, menu_rects


# Extra menu entries features add (journal, mood chart ...): (button id, label, factory(app, play) -> Scene).
# Labels are English, marked with N_("..."); the menu shows them through _().
PAUSE_ITEMS: list[tuple[str, str, Callable]] = []


class PauseScene(Scene):
    name = "pause"
    opaque = False

    def __init__(self, app, play) -> None:
        super().__init__(app)
        self.play = play
        self.rect = pygame.Rect(0, 0, 520, 420 + 74 * len(PAUSE_ITEMS))
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2)

    def enter(self) -> None:
        self.ctx.checkpoint()
        self.build()

    def build(self) -> None:
        """The panel grows with the text; the buttons go into two columns when one is too tall."""
        ui = self.ui
        items = [("resume", _("Resume"))] + [(bid, _(text)) for bid, text, _f in PAUSE_ITEMS]
        items += [("leave", _("Save and leave the level")), ("quit", _("Save and quit the game"))]
        bh, gap = ui.button_h(58), 16
        bw = max([400] + [ui.button_w(t) for _bid, t in items])
        title, note = _("Paused"), _("Your progress is saved.")
        title_h = ui.text_h(title, 600, "title", True)
        note_h = ui.text_h(note, 600, "small")
        head = 24 + title_h + note_h + 20
        avail = SCREEN_H - 40 - head - 30
        cols = 1
        while (len(items) + cols - 1) // cols * (bh + gap) - gap > avail and cols < 3:
            cols += 1
        bw = min(bw, (SCREEN_W - 80 - 120 - (cols - 1) * gap) // cols)
        rows = (len(items) + cols - 1) // cols
        w = max(520, cols * bw + (cols - 1) * gap + 120)
        h = min(SCREEN_H - 40, head + rows * (bh + gap) - gap + 34)
        self.rect = pygame.Rect(0, 0, w, h)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2)
        r = self.rect
        hr = help_rect(self.app)
        self.track(ui.wrapped(title, r.x + 30, r.y + 24, r.w - 60, style="title", center=True, avoid=hr)[0])
        self.track(ui.wrapped(note, r.x + 30, r.y + 24 + title_h, r.w - 60, style="muted",
                              center=True, avoid=hr)[0])
        area = pygame.Rect(r.x + 60, r.y + head, r.w - 120, r.h - head - 34)
        shorter = {"leave": [_("Leave the level"), _("Leave")], "quit": [_("Quit the game"), _("Quit")]}
        for (bid, text), rect in zip(items, menu_rects(len(items), bw, bh, area, gap=gap, max_cols=cols)):
            self.add_button(bid, ui.fit_text([text] + shorter.get(bid, []), rect.w), rect)

    def handle(self, action: Action) -> bool:
        if action.kind in (A.CANCEL, A.PAUSE):
            self.on_button("resume")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        from game.scenes.journey import JourneyScene

        extra = next((f for bid, _label, f in PAUSE_ITEMS if bid == button_id), None)
        if extra is not None:
            self.app.audio.play("confirm")
            self.app.stack.push(extra(self.app, self.play))
        elif button_id == "resume":
            self.back_out()
        elif button_id == "leave":
            self.app.audio.play("confirm")
            self.app.stack.clear_to(JourneyScene(self.app))
        elif button_id == "quit":
            from game.scenes import flow

            def finish() -> None:
                self.app.stack.pop()
                self.app.stack.pop()
                self.app.quit("quit")

            flow.end_session(self.app, finish)  # the session-end check-in first (skippable)

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 150)
        draw.panel(surface, self.rect)
