"""A 0-10 (or any small range) picker drawn by the scene: faces or numbers in a row, with a word.

Generic: the mood check-in uses it with the mood faces and words, the planner and the follow-up
use it with numbers for enjoyment. It takes game ``Action``s only:

* LEFT / RIGHT move the highlight, CONFIRM chooses it (keyboard and gamepad);
* POINTER_DOWN / POINTER_MOVE preview a value under the pointer, POINTER_UP on a value chooses it
  (one click is one action).

``handle()`` returns ``"moved"``, ``"chosen"`` or ``None`` (not for this widget); the chosen value
is ``picker.value``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Mapping

import pygame

from game.i18n import _
from game.input.actions import A, Action, pointer_pos
from game.ui.draw import hex_rgb, rendered
from game.ui.theme import COLOURS

MOVED, CHOSEN = "moved", "chosen"
FACE = 96            # the mood faces' size (mood.mood_faces)


def row_height(ui, icons: bool) -> int:
    """The row's height at the player's text size: a face with its number, or a number."""
    if icons:
        small = ui.line_h("small")
        return 108 if small <= 26 else FACE + small + 12     # big text: the number under the face
    return max(64, ui.line_h("title", bold=True) + 16)


def word_offset(ui) -> int:
    """From the end labels' top to the centre of the chosen value's word under them."""
    return max(44, ui.line_h("small") + 8 + (ui.line_h("body", bold=True) + 1) // 2)


def extent(ui, row_h: int) -> int:
    """How far a picker with a row ``row_h`` high draws below its top (row, end labels, word)."""
    return row_h + 12 + max(ui.line_h("small"), word_offset(ui) + (ui.line_h("body", bold=True) + 1) // 2)


@lru_cache(maxsize=256)
def icon(name: str, size: int = 48) -> pygame.Surface | None:
    """An icon from assets/icons at ``size`` px (pixel art: scaled without smoothing); None if missing."""
    from game.paths import resource

    try:
        img = pygame.image.load(str(resource("assets", "icons", f"{name}.png")))
    except (FileNotFoundError, pygame.error):
        return None
    if pygame.display.get_surface() is not None:
        img = img.convert_alpha()
    if img.get_width() != size:
        img = pygame.transform.scale(img, (size, size))
    return img


class ScalePicker:
    def __init__(self, rect: pygame.Rect, minimum: int = 0, maximum: int = 10, value: int | None = None,
                 icons: Mapping[int, pygame.Surface | None] | None = None,
                 word: Callable[[int], str] | None = None,
                 ends: tuple[str, str] = ("", ""), start: int | None = None) -> None:
        if maximum <= minimum:
            raise ValueError("maximum must be above minimum")
        self.rect = pygame.Rect(rect)
        self.minimum, self.maximum = minimum, maximum
        self.value = value                       # the chosen value (None until chosen)
        self.cursor = value if value is not None else (start if start is not None else (minimum + maximum) // 2)
        self.icons = dict(icons or {})
        self.word = word          # value -> word; English (marked with N_) or already translated
        self.ends = ends          # the end labels: English (marked with N_) or already translated
        self._pressed: int | None = None
        self._looks: dict[int, pygame.Surface] = {}     # cursor value -> the drawn picker

    # ---------------------------------------------------------------- geometry
    @property
    def count(self) -> int:
        return self.maximum - self.minimum + 1

    @property
    def row_height(self) -> int:
        """The rect's height (callers size it with ``row_height(ui, icons)``), at least 64 px."""
        return max(64, self.rect.h)

    def cell(self, value: int) -> pygame.Rect:
        w = self.rect.w / self.count
        x = self.rect.x + int((value - self.minimum) * w)
        return pygame.Rect(x + 3, self.rect.y, int(w) - 6, self.row_height)

    def hit(self, pos: tuple[int, int]) -> int | None:
        for v in range(self.minimum, self.maximum + 1):
            if self.cell(v).inflate(6, 0).collidepoint(pos):
                return v
        return None

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> str | None:
        if action.kind is A.LEFT:
            self.cursor = max(self.minimum, self.cursor - 1)
            return MOVED
        if action.kind is A.RIGHT:
            self.cursor = min(self.maximum, self.cursor + 1)
            return MOVED
        if action.kind is A.CONFIRM:
            self.value = self.cursor
            return CHOSEN
        pos = pointer_pos(action)
        if pos is None:
            return None
        v = self.hit(pos)
        if action.kind is A.POINTER_DOWN:
            self._pressed = v
            if v is not None:
                self.cursor = v
                return MOVED
            return None
        if action.kind is A.POINTER_MOVE:
            if v is not None and self._pressed is not None and v != self.cursor:
                self.cursor = v
                return MOVED
            return None
        # POINTER_UP: a click (or a drag ending) on a value chooses it
        pressed, self._pressed = self._pressed, None
        if v is not None and pressed is not None:
            self.cursor = self.value = v
            return CHOSEN
        return None

    # ---------------------------------------------------------------- draw
    def draw(self, surface: pygame.Surface, ui) -> None:
        """Blit the picker (each look is drawn once and kept: no text rendering on most frames)."""
        cache = self._looks
        img = cache.get(self.cursor)
        if img is None:
            area = pygame.Rect(self.rect.x - 4, self.rect.y - 4, self.rect.w + 8, extent(ui, self.row_height) + 8)
            img = pygame.Surface(area.size, pygame.SRCALPHA)
            self._paint(img, ui, (-area.x, -area.y))
            cache[self.cursor] = img
        surface.blit(img, (self.rect.x - 4, self.rect.y - 4))

    def _paint(self, surface: pygame.Surface, ui, offset: tuple[int, int]) -> None:
        ox, oy = offset
        saved = self.rect
        self.rect = self.rect.move(ox, oy)
        try:
            self._draw_all(surface, ui)
        finally:
            self.rect = saved

    def texts(self, ui) -> list[tuple[str, pygame.font.Font, pygame.Rect, str]]:
        """Every text the picker draws: (text, font, rect, colour), laid out from the fonts."""
        number_font = ui.font("title", bold=True)
        word_font = ui.font("body", bold=True)
        small = ui.font("small")
        out = []
        for v in range(self.minimum, self.maximum + 1):
            r = self.cell(v)
            on = v == self.cursor
            if self.icons.get(v) is not None:
                size = small.size(str(v))
                # under the face when the text is big, on its lower edge (as drawn at 100 %) when not
                cy = r.bottom - 14 if small.get_linesize() <= 26 else r.bottom - 6 - small.get_linesize() // 2
                out.append((str(v), small, pygame.Rect(0, 0, *size).move(r.centerx - size[0] // 2, cy - size[1] // 2),
                            COLOURS["muted"] if not on else "#FFFFFF"))
            else:
                size = number_font.size(str(v))
                out.append((str(v), number_font, pygame.Rect(0, 0, *size).move(r.centerx - size[0] // 2,
                                                                               r.centery - size[1] // 2),
                            "#FFFFFF" if on else COLOURS["text"]))
        y = self.rect.y + self.row_height + 12
        if self.ends[0]:
            left = _(self.ends[0])
            out.append((left, small, pygame.Rect(self.cell(self.minimum).x, y, *small.size(left)), COLOURS["muted"]))
        if self.ends[1]:
            right = _(self.ends[1])
            w, h = small.size(right)
            out.append((right, small, pygame.Rect(self.cell(self.maximum).right - w, y, w, h), COLOURS["muted"]))
        if self.word is not None:
            label = f"{self.cursor} · {_(self.word(self.cursor))}"
            w, h = word_font.size(label)
            out.append((label, word_font, pygame.Rect(self.rect.centerx - w // 2, y + word_offset(ui) - h // 2, w, h),
                        COLOURS["focus"]))
        return out

    def _draw_all(self, surface: pygame.Surface, ui) -> None:
        for v in range(self.minimum, self.maximum + 1):
            r = self.cell(v)
            on = v == self.cursor
            bg = COLOURS["button_hover"] if on else COLOURS["button"]
            pygame.draw.rect(surface, hex_rgb(bg), r, border_radius=12)
            pygame.draw.rect(surface, hex_rgb(COLOURS["focus"] if on else "#6E5A96"), r,
                             width=4 if on else 2, border_radius=12)
            img = self.icons.get(v)
            if img is not None:
                top = r.centery - 4 if ui.line_h("small") <= 26 else r.y + 6 + img.get_height() // 2
                surface.blit(img, img.get_rect(center=(r.centerx, top)))
        small = ui.font("small")
        for s, font, rect, colour in self.texts(ui):
            if font is not small:                  # the numbers and the word: with a soft shadow
                surface.blit(rendered(font, s, "#0A0614"), rect.move(2, 2))
            surface.blit(rendered(font, s, colour), rect)

    def height(self, ui) -> int:
        """Height of the row, the end labels and the word line."""
        return extent(ui, self.row_height)
