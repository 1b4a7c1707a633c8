"""One pygame_gui manager for the whole game, with the theme, bundled fonts and shared widgets."""
from __future__ import annotations

import html
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UIPanel, UITextBox, UITextEntryLine

from game.ui import theme

SCREEN_W, SCREEN_H = 1280, 720


def escape(text: str) -> str:
    """Plain text for pygame_gui's HTML-ish text boxes (a typed '<' must show as '<')."""
    return html.escape(str(text), quote=False).replace("\n", "<br>")


class UI:
    def __init__(self, size: tuple[int, int] = (SCREEN_W, SCREEN_H), text_scale: float = 1.0) -> None:
        self.size = size
        self.text_scale = text_scale
        self.manager = pygame_gui.UIManager(size, theme_path=theme.build_theme(text_scale),
                                            enable_live_theme_updates=False)
        paths = theme.font_paths()
        self.manager.add_font_paths(theme.FONT_NAME, paths["regular"], paths["bold"], paths["italic"], paths["bold"])
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}

    # ---------------------------------------------------------------- fonts for scene-drawn text
    def font(self, size_name_or_px: str | int, bold: bool = False) -> pygame.font.Font:
        px = theme.size(size_name_or_px, self.text_scale) if isinstance(size_name_or_px, str) else int(size_name_or_px)
        key = (px, bold)
        f = self._fonts.get(key)
        if f is None:
            path = theme.font_paths()["bold" if bold else "regular"]
            f = pygame.font.Font(path, px)
            self._fonts[key] = f
        return f

    # ---------------------------------------------------------------- widgets
    def button(self, text: str, rect: pygame.Rect, object_id: str | None = None,
               tooltip: str | None = None, container: Any = None) -> UIButton:
        return UIButton(rect, text, manager=self.manager, object_id=object_id,
                        tool_tip_text=tooltip, container=container)

    def label(self, text: str, rect: pygame.Rect, object_id: str | None = None, container: Any = None) -> UILabel:
        return UILabel(rect, text, manager=self.manager, object_id=object_id, container=container)

    def textbox(self, text: str, rect: pygame.Rect, object_id: str | None = None, container: Any = None) -> UITextBox:
        return UITextBox(escape(text), rect, manager=self.manager, object_id=object_id, container=container)

    def panel(self, rect: pygame.Rect, object_id: str | None = None) -> UIPanel:
        return UIPanel(rect, manager=self.manager, object_id=object_id)

    def entry(self, rect: pygame.Rect, initial: str = "", object_id: str | None = None, max_len: int = 20) -> UITextEntryLine:
        e = UITextEntryLine(rect, manager=self.manager, object_id=object_id, initial_text=initial)
        e.set_text_length_limit(max_len)
        return e

    def text_input_active(self) -> bool:
        focus = self.manager.get_focus_set() or set()
        return any(isinstance(el, UITextEntryLine) for el in focus)

    # ---------------------------------------------------------------- frame
    def process(self, ev: pygame.event.Event) -> bool:
        return bool(self.manager.process_events(ev))

    def update(self, dt: float) -> None:
        self.manager.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.manager.draw_ui(surface)
