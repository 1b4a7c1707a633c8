"""Pause: resume, save and leave the level, or quit the game. Everything is saved either way."""
from __future__ import annotations

from typing import Callable

import pygame

from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W


# Extra menu entries features add (journal, mood chart ...): (button id, label, factory(app, play) -> Scene).
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
        r = self.rect
        self.track(self.ui.label("Paused", pygame.Rect(r.x, r.y + 24, r.w, 50), object_id="#title_label"))
        self.track(self.ui.label("Your progress is saved.", pygame.Rect(r.x, r.y + 74, r.w, 32), object_id="#muted_label"))
        y = r.y + 130
        items = [("resume", "Resume")] + [(bid, text) for bid, text, _ in PAUSE_ITEMS]
        items += [("leave", "Save and leave the level"), ("quit", "Save and quit the game")]
        for bid, text in items:
            self.add_button(bid, text, pygame.Rect(r.x + 60, y, r.w - 120, 58))
            y += 74

    def handle(self, action: Action) -> bool:
        if action.kind in (A.CANCEL, A.PAUSE):
            self.on_button("resume")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        from game.scenes.journey import JourneyScene

        extra = next((f for bid, _, f in PAUSE_ITEMS if bid == button_id), None)
        if extra is not None:
            self.app.audio.play("confirm")
            self.app.stack.push(extra(self.app, self.play))
        elif button_id == "resume":
            self.app.audio.play("back")
            self.app.stack.pop()
        elif button_id == "leave":
            self.app.audio.play("confirm")
            self.app.stack.clear_to(JourneyScene(self.app))
        elif button_id == "quit":
            self.app.stack.pop()
            self.app.stack.pop()
            self.app.quit("quit")

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 150)
        draw.panel(surface, self.rect)
