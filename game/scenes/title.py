"""Title screen: continue, play (choose or create a profile), about, quit."""
from __future__ import annotations

import pygame

from game.input.actions import A, Action
from game.scenes import flow
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W


class TitleScene(Scene):
    name = "title"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H))
        self.last = None

    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.clear_ui()
        self.build()

    def build(self) -> None:
        profiles = [p for p in self.ctx.profiles.list_profiles() if p.status in ("ok", "recovered")]
        self.last = profiles[0] if profiles else None
        cx = SCREEN_W // 2
        title = getattr(self.ctx.deployment, "programme_name", None) or "Glimmer"
        self.track(self.ui.label(title, pygame.Rect(cx - 400, 120, 800, 90), object_id="#hero_label"))
        self.track(self.ui.label("Skills for tough moods and stressful days", pygame.Rect(cx - 400, 210, 800, 40)))
        y = 300
        if self.last is not None:
            self.add_button("continue", f"Continue as {self.last.nickname}", pygame.Rect(cx - 200, y, 400, 60))
            y += 76
        self.add_button("play", "Choose or make a profile" if self.last else "New game", pygame.Rect(cx - 200, y, 400, 60))
        y += 76
        self.add_button("about", "About Glimmer", pygame.Rect(cx - 200, y, 400, 60))
        y += 76
        self.add_button("quit", "Quit", pygame.Rect(cx - 200, y, 400, 60))
        self.app.mark_ready()

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        from game.scenes.about import AboutScene
        from game.scenes.profiles import ProfilesScene

        self.app.audio.play("confirm")
        if button_id == "continue" and self.last is not None:
            try:
                profile = self.ctx.profiles.load(self.last.profile_id)
            except ValueError:
                self.app.stack.push(ProfilesScene(self.app))
                return
            self.ctx.activate_profile(profile)
            flow.start_session(self.app)
        elif button_id == "play":
            self.app.stack.push(ProfilesScene(self.app))
        elif button_id == "about":
            self.app.stack.push(AboutScene(self.app))
        elif button_id == "quit":
            self.app.quit("quit")

    def update(self, dt: float) -> None:
        self.backdrop.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        f = self.ui.font("small")
        draw.text(surface, f, "Arrow keys or mouse to choose · Enter to select · F1 for help anytime",
                  (SCREEN_W // 2, SCREEN_H - 34), "#D9CBB8", center=True)
