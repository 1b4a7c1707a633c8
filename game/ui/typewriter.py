"""A page of text that types itself out: the body of the dialogue box.

A pygame_gui element (a ``UIImage``: layered with the other widgets, hidden and shown with its
scene) whose lines are wrapped and rendered once per page with the game's own fonts. Revealing
characters only re-composes the image from those line images, so a page turn costs a few line
renders and a typing frame a few blits. (pygame_gui's ``UITextBox`` lays out and renders its HTML
again on ``set_text``: 2-3 ms a page, the slowest thing in a frame.)
"""
from __future__ import annotations

import pygame
from pygame_gui.elements import UIImage

from game.ui.draw import hex_rgb, wrap

PAD_X, PAD_Y = 24, 16          # inside the box
LINE_SPACING = 1.3             # line pitch, as a multiple of the font's line size


def line_pitch(font: pygame.font.Font) -> int:
    return int(round(font.get_linesize() * LINE_SPACING))


_WRAPPED: dict[tuple, list[str]] = {}


def page_lines(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """``text`` wrapped to fit a box ``width`` wide (padding included). Cached: a dialogue is laid
    out when it opens and again for every page; the level warms the cache when it loads."""
    key = (font, text, width)           # the font itself (kept alive here), not its id: see draw.rendered
    lines = _WRAPPED.get(key)
    if lines is None:
        if len(_WRAPPED) > 2000:
            _WRAPPED.clear()
        lines = _WRAPPED[key] = wrap(font, text, max(10, width - 2 * PAD_X))
    return list(lines)


def page_height(font: pygame.font.Font, lines: int) -> int:
    """Height of a box that shows ``lines`` lines (padding included)."""
    return 2 * PAD_Y + max(1, lines - 1) * line_pitch(font) + font.get_linesize()


class TypedText(UIImage):
    """Plain text in ``rect``: ``set_text`` lays out a page, ``reveal(n)`` shows its first n characters."""

    def __init__(self, rect: pygame.Rect, manager, font: pygame.font.Font, colour: str,
                 container=None) -> None:
        self._font = font
        self._colour = hex_rgb(colour)
        self._canvas = pygame.Surface(rect.size, pygame.SRCALPHA)
        self._lines: list[tuple[str, pygame.Surface]] = []
        self._shown = 0
        self.text = ""
        super().__init__(pygame.Rect(rect), self._canvas, manager=manager, container=container,
                         image_is_alpha_premultiplied=True)

    # ---------------------------------------------------------------- content
    @property
    def font(self) -> pygame.font.Font:
        return self._font

    @property
    def lines(self) -> list[str]:
        return [s for s, _ in self._lines]

    def set_text(self, text: str, reveal: int | None = None) -> None:
        """A new page; ``reveal``: characters shown at first (None: all of them)."""
        self.text = text
        self._lines = []
        for s in page_lines(self._font, text, self.rect.w):
            img = self._font.render(s, True, self._colour) if s else None
            self._lines.append((s, img.premul_alpha() if img is not None else None))
        self.reveal(self.letter_count() if reveal is None else reveal, force=True)

    def letter_count(self) -> int:
        return sum(len(s) for s, _ in self._lines)

    def reveal(self, n: int, force: bool = False) -> None:
        n = max(0, min(int(n), self.letter_count()))
        if n == self._shown and not force:
            return
        self._shown = n
        canvas = self._canvas
        canvas.fill((0, 0, 0, 0))
        y, pitch, left = PAD_Y, line_pitch(self._font), n
        for s, img in self._lines:
            if left <= 0:
                break
            if img is not None:
                area = None if left >= len(s) else pygame.Rect(0, 0, self._font.size(s[:left])[0], img.get_height())
                canvas.blit(img, (PAD_X, y), area, special_flags=pygame.BLEND_PREMULTIPLIED)
            left -= len(s)
            y += pitch
        self.set_image(canvas, image_is_alpha_premultiplied=True)

    @property
    def shown(self) -> int:
        return self._shown
