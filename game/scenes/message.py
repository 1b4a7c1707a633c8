"""A short message with one or two buttons (storage warnings, confirmations)."""
from __future__ import annotations

from typing import Callable

import pygame

from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W


class MessageScene(Scene):
    name = "message"
    opaque = False

    def __init__(self, app, text: str, title: str = "Good to know", ok: str = "OK",
                 cancel: str | None = None, on_ok: Callable[[], None] | None = None,
                 on_cancel: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.text, self.title, self.ok_text, self.cancel_text = text, title, ok, cancel
        self.on_ok, self.on_cancel = on_ok, on_cancel
        self.rect = pygame.Rect(0, 0, 720, 340)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2)

    def enter(self) -> None:
        r = self.rect
        self.track(self.ui.label(self.title, pygame.Rect(r.x + 30, r.y + 18, r.w - 60, 54), object_id="#title_label"))
        self.track(self.ui.textbox(self.text, pygame.Rect(r.x + 30, r.y + 76, r.w - 60, 170)))
        if self.cancel_text:
            self.add_button("cancel", self.cancel_text, pygame.Rect(r.x + 40, r.bottom - 78, 300, 56))
            self.add_button("ok", self.ok_text, pygame.Rect(r.right - 340, r.bottom - 78, 300, 56))
            self.set_focus("cancel")
        else:
            self.add_button("ok", self.ok_text, pygame.Rect(r.centerx - 150, r.bottom - 78, 300, 56))

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("cancel" if self.cancel_text else "ok")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        self.app.stack.pop()
        cb = self.on_ok if button_id == "ok" else self.on_cancel
        self.app.audio.play("confirm" if button_id == "ok" else "back")
        if cb:
            cb()

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 140)
        draw.panel(surface, self.rect)
