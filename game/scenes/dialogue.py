"""A paginated dialogue box (pygame_gui): Enter, Space, a click or the Next button turns the page."""
from __future__ import annotations

from typing import Callable

import pygame

from game.content.level import Dialogue
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, escape

BOX = pygame.Rect(140, SCREEN_H - 230, SCREEN_W - 280, 200)


class DialogueScene(Scene):
    name = "dialogue"
    opaque = False

    def __init__(self, app, dialogue: Dialogue, dialogue_id: str,
                 on_done: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.dialogue = dialogue
        self.dialogue_id = dialogue_id
        self.on_done = on_done
        self.page = 0

    def enter(self) -> None:
        speaker = self.dialogue.speaker
        self.box = self.track(self.ui.textbox(self.dialogue.pages[0], BOX.copy(), object_id="#dialogue_box"))
        self.tag: pygame.Rect | None = None
        if speaker:
            w = self.ui.font("body", bold=True).size(speaker)[0] + 40
            self.tag = pygame.Rect(BOX.x + 24, BOX.y - 42, w, 44)
            self.track(self.ui.label(speaker, self.tag.copy(), object_id="#speaker_label"))
        self.add_button("next", self._next_label(), pygame.Rect(BOX.right - 200, BOX.bottom - 62, 180, 48))
        self.app.audio.play("blip")

    def _next_label(self) -> str:
        return "Next »" if self.page < len(self.dialogue.pages) - 1 else "Close"

    def handle(self, action: Action) -> bool:
        if action.kind in (A.CONFIRM,) or (action.kind is A.PRESS and action.value == "next"):
            self.advance()
            return True
        if action.kind is A.CANCEL:
            self.page = len(self.dialogue.pages) - 1
            self.advance()
            return True
        return True  # modal: the world waits

    def advance(self) -> None:
        self.page += 1
        if self.page >= len(self.dialogue.pages):
            self.app.stack.pop()
            if self.on_done:
                self.on_done()
            return
        self.app.audio.play("blip")
        self.box.set_text(escape(self.dialogue.pages[self.page]))
        self.buttons["next"].set_text(self._next_label())

    def draw(self, surface: pygame.Surface) -> None:
        draw.panel(surface, BOX, alpha=240)  # under the transparent pygame_gui text box
        if self.tag is not None:
            draw.panel(surface, self.tag, alpha=250, border=draw.COLOURS["focus"])

    def help_screen_name(self) -> str:
        return "dialogue"
