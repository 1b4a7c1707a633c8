"""About: what Glimmer is (and is not), the version and the build."""
from __future__ import annotations

import pygame

from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W
from game.version import APP_VERSION, build_id

ABOUT = (
    "Glimmer is a game about skills for handling low moods and stress: noticing thoughts, "
    "checking them, and planning things that lift your mood.\n\n"
    "It is a skills programme, not treatment. Nobody reads your answers while you play. "
    "Your nickname stays on this computer.\n\n"
    "Art, sounds and code are open source. Fonts: Noto Sans and OpenDyslexic (open licences)."
)


class AboutScene(Scene):
    name = "about"
    opaque = False

    def enter(self) -> None:
        r = pygame.Rect(0, 0, 860, 520)
        r.center = (SCREEN_W // 2, SCREEN_H // 2)
        self.rect = r
        self.track(self.ui.label("About Glimmer", pygame.Rect(r.x + 30, r.y + 22, r.w - 60, 50), object_id="#title_label"))
        self.track(self.ui.textbox(ABOUT + f"\n\nVersion {APP_VERSION} · build {build_id()}",
                                   pygame.Rect(r.x + 30, r.y + 80, r.w - 60, r.h - 170)))
        self.add_button("back", "Back", pygame.Rect(r.centerx - 150, r.bottom - 76, 300, 56))

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("back")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        self.app.audio.play("back")
        self.app.stack.pop()

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 150)
        draw.panel(surface, self.rect)
