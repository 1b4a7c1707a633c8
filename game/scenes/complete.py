"""Level complete: what you practised, the real-world challenge, and on to the journey."""
from __future__ import annotations

import pygame

from game.content.level import Level
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W


class LevelCompleteScene(Scene):
    name = "level_complete"

    def __init__(self, app, level: Level) -> None:
        super().__init__(app)
        self.level = level
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), count=80, seed=21)

    def enter(self) -> None:
        c = self.level.content
        cx = SCREEN_W // 2
        self.track(self.ui.label("Level complete!", pygame.Rect(cx - 450, 50, 900, 100), object_id="#hero_label"))
        self.track(self.ui.label(f"{c.number}. {c.title} · {c.place}", pygame.Rect(cx - 400, 150, 800, 40)))
        lines = list(c.summary) or [f"You practised: {c.skill}."]
        body = "\n".join(f"• {s}" for s in lines)
        if c.challenge is not None:
            body += f"\n\nYour challenge for this week:\n{c.challenge.text}"
        self.track(self.ui.textbox(body, pygame.Rect(cx - 420, 210, 840, 320)))
        self.add_button("continue", "Continue", pygame.Rect(cx - 170, 560, 340, 60))

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("continue")
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        from game.scenes.journey import JourneyScene

        self.app.audio.play("confirm")
        self.app.stack.clear_to(JourneyScene(self.app))

    def update(self, dt: float) -> None:
        self.backdrop.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
