"""A short message with one or two buttons (storage warnings, confirmations)."""
from __future__ import annotations

from typing import Callable

import pygame

from game.i18n import _
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect, scroll_box


class MessageScene(Scene):
    name = "message"
    opaque = False

    def __init__(self, app, text: str, title: str | None = None, ok: str | None = None,
                 cancel: str | None = None, on_ok: Callable[[], None] | None = None,
                 on_cancel: Callable[[], None] | None = None) -> None:
        """``text``, ``title``, ``ok`` and ``cancel`` come already translated (``_()`` / ``tr()``);
        the default title and OK are in the current language."""
        super().__init__(app)
        self.text, self.cancel_text = text, cancel
        self.title = title if title is not None else _("Good to know")
        self.ok_text = ok if ok is not None else _("OK")
        self.on_ok, self.on_cancel = on_ok, on_cancel
        self.rect = pygame.Rect(0, 0, 720, 340)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2)

    def enter(self) -> None:
        self.build()
        if self.cancel_text:
            self.set_focus("cancel")

    def build(self) -> None:
        """Sized to the text: wider and taller with big text; a text that still doesn't fit scrolls."""
        ui = self.ui
        w = min(SCREEN_W - 60, int(720 * max(1.0, min(ui.text_scale, 1.6))))
        inner = w - 60
        title_h = ui.text_h(self.title, inner, "title", True)
        bh = ui.button_h(56)
        labels = [t for t in (self.cancel_text, self.ok_text) if t]
        bw = max([300] + [ui.button_w(t) for t in labels])
        two_rows = len(labels) == 2 and 2 * bw + 40 > w - 80
        if len(labels) == 2 and not two_rows:
            bw = min(bw, (w - 120) // 2)
        buttons_h = bh * (2 if two_rows else 1) + (14 if two_rows else 0)
        fixed = 18 + title_h + 8 + 18 + buttons_h + 22
        text_h = min(ui.box_h(self.text, inner), SCREEN_H - 30 - fixed)
        self.rect = pygame.Rect(0, 0, w, max(340 if ui.text_scale <= 1.0 else 0, fixed + text_h))
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2)
        r = self.rect
        self.track(ui.wrapped(self.title, r.x + 30, r.y + 18, inner, style="title", avoid=help_rect(self.app))[0])
        box_top = r.y + 18 + title_h + 8
        self.box = self.track(ui.textbox(self.text, pygame.Rect(r.x + 30, box_top, inner,
                                                                r.bottom - 22 - buttons_h - 18 - box_top)))
        by = r.bottom - 22 - bh
        if self.cancel_text:
            if two_rows:
                bw = min(w - 80, bw)
                self.add_button("cancel", self.cancel_text, pygame.Rect(r.centerx - bw // 2, by - bh - 14, bw, bh))
                self.add_button("ok", self.ok_text, pygame.Rect(r.centerx - bw // 2, by, bw, bh))
            else:
                self.add_button("cancel", self.cancel_text, pygame.Rect(r.x + 40, by, bw, bh))
                self.add_button("ok", self.ok_text, pygame.Rect(r.right - 40 - bw, by, bw, bh))
        else:
            self.add_button("ok", self.ok_text, pygame.Rect(r.centerx - bw // 2, by, bw, bh))

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("cancel" if self.cancel_text else "ok")
            return True
        if action.kind in (A.UP, A.DOWN) and scroll_box(self.box, -1 if action.kind is A.UP else 1):
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
