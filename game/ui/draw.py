"""Shared drawing for scenes: backdrop, panels, wrapped text.

Reduced motion (a player setting): ``reduced_motion()`` is True when the player asked for no
moving decoration. The shared code respects it (the ``Backdrop`` fireflies stand still and stop
twinkling; the dialogue shows text at once); feature scenes should read it too (or
``app.reduced_motion``) before shaking, flashing or scrolling anything. Colours are read from
``theme.COLOURS`` when drawing, so high contrast reaches everything drawn here.
"""
from __future__ import annotations

import math
import random
from functools import lru_cache
from typing import Callable

import pygame

from game.ui.theme import COLOURS


def hex_rgb(h: str) -> tuple[int, int, int]:
    h = h.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


_MOTION = {"reduced": False}


def set_reduced_motion(on: bool) -> None:
    """Set by the app from the player's settings."""
    _MOTION["reduced"] = bool(on)


def reduced_motion() -> bool:
    """True when the player asked for reduced motion: no shakes, flashes, drifting or scrolling text."""
    return _MOTION["reduced"]


@lru_cache(maxsize=4)
def _gradient(size: tuple[int, int], top: str, bottom: str) -> pygame.Surface:
    w, h = size
    surf = pygame.Surface((1, h))
    a, b = hex_rgb(top), hex_rgb(bottom)
    for y in range(h):
        t = y / max(1, h - 1)
        surf.set_at((0, y), tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3)))
    return pygame.transform.scale(surf, (w, h)).convert()


@lru_cache(maxsize=4)
def _hills(size: tuple[int, int], colours: str = "#3B2F5C,#2A2245,#1C1630", window: str = "#FFCF7A") -> pygame.Surface:
    w, h = size
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    rnd = random.Random(3)
    cols = [hex_rgb(c) for c in colours.split(",")]
    for layer, (col, base, amp) in enumerate(((cols[0], 0.70, 40), (cols[1], 0.80, 30),
                                              (cols[2], 0.90, 22))):
        pts = [(0, h)]
        phase = rnd.uniform(0, 6)
        for x in range(0, w + 16, 16):
            y = h * base - amp * math.sin(x / (170 + 60 * layer) + phase) - amp * 0.4 * math.sin(x / 53 + phase * 2)
            pts.append((x, int(y)))
        pts.append((w, h))
        pygame.draw.polygon(surf, col, pts)
    # a few warm windows on the far hills
    for _ in range(26):
        x = rnd.randrange(20, w - 20)
        y = int(h * 0.78 + rnd.uniform(-8, 30))
        pygame.draw.rect(surf, hex_rgb(window), (x, y, 4, 5))
    return surf


class Backdrop:
    """Dusk sky, hills and drifting glimmers (fireflies): the title and menu background."""

    def __init__(self, size: tuple[int, int], count: int = 46, seed: int = 11) -> None:
        self.size = size
        rnd = random.Random(seed)
        self.flies = [(rnd.uniform(0, size[0]), rnd.uniform(size[1] * 0.1, size[1] * 0.85),
                       rnd.uniform(0.5, 1.6), rnd.uniform(0, 6.28), rnd.uniform(1.5, 3.5)) for _ in range(count)]
        self.t = 0.0
        self._glows: dict[str, pygame.Surface] = {}

    @staticmethod
    def _glow(colour: str) -> pygame.Surface:
        s = pygame.Surface((24, 24), pygame.SRCALPHA)
        rgb = hex_rgb(colour)
        for r, a in ((12, 30), (8, 60), (5, 120), (3, 255)):
            pygame.draw.circle(s, (*rgb, a), (12, 12), r)
        return s

    @property
    def glow(self) -> pygame.Surface:
        col = COLOURS["firefly"]
        g = self._glows.get(col)
        if g is None:
            g = self._glows[col] = self._glow(col)
        return g

    def update(self, dt: float, motion: bool = True) -> None:
        """Fireflies drift and twinkle, unless ``motion`` is False or reduced motion is on."""
        if motion and not reduced_motion():
            self.t += dt

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(_gradient(self.size, COLOURS["backdrop_top"], COLOURS["backdrop_bottom"]), (0, 0))
        surface.blit(_hills(self.size, COLOURS["hills"], COLOURS["window"]), (0, 0))
        still = reduced_motion()
        glow = self.glow
        for x, y, speed, phase, amp in self.flies:
            px = (x + math.sin(self.t * 0.3 * speed + phase) * 30) % self.size[0]
            py = y + math.sin(self.t * speed + phase) * amp * 4
            a = 0.8 if still else 0.55 + 0.45 * math.sin(self.t * 2.2 * speed + phase)
            g = glow.copy() if a < 0.99 else glow
            g.set_alpha(int(255 * max(0.15, a)))
            surface.blit(g, (px - 12, py - 12))


_SURFACES: dict[tuple, pygame.Surface] = {}   # panels and shades, built once per look and size


def _cached(key: tuple, build) -> pygame.Surface:
    surf = _SURFACES.get(key)
    if surf is None:
        if len(_SURFACES) > 256:
            _SURFACES.clear()
        surf = _SURFACES[key] = build()
    return surf


def clear_cache() -> None:
    """Forget built panels (after the colours change, e.g. high contrast)."""
    _SURFACES.clear()


def panel(surface: pygame.Surface, rect: pygame.Rect, alpha: int = 235, border: str | None = None) -> None:
    """A rounded panel. In high contrast it is opaque and always has the high-contrast border."""
    from game.ui.theme import LOOK

    fill, edge = COLOURS["panel"], border or COLOURS["panel_border"]
    if LOOK["high_contrast"]:
        alpha, edge = 255, COLOURS["panel_border"]

    def build() -> pygame.Surface:
        body = pygame.Surface((rect.w, rect.h + 6), pygame.SRCALPHA)
        pygame.draw.rect(body, (0, 0, 0, 90), pygame.Rect(0, 6, rect.w, rect.h), border_radius=18)
        face = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(face, (*hex_rgb(fill), alpha), face.get_rect(), border_radius=18)
        pygame.draw.rect(face, hex_rgb(edge), face.get_rect(), width=3, border_radius=18)
        body.blit(face, (0, 0))
        return body

    surface.blit(_cached(("panel", rect.size, alpha, fill, edge), build), rect.topleft)


def dim(surface: pygame.Surface, alpha: int = 150) -> None:
    shade_colour = COLOURS["shade"]

    def build() -> pygame.Surface:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((*hex_rgb(shade_colour), alpha))
        return shade

    surface.blit(_cached(("dim", surface.get_size(), alpha, shade_colour), build), (0, 0))


def wrap(font: pygame.font.Font, text: str, width: "int | Callable[[int], int]") -> list[str]:
    """Word wrap to ``width``; or line ``i`` ``width(i)`` wide (text that flows around buttons)."""
    width_of = width if callable(width) else (lambda _i: width)
    lines: list[str] = []
    for para in str(text).split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if font.size(trial)[0] <= width_of(len(lines)) or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def text(surface: pygame.Surface, font: pygame.font.Font, s: str, pos: tuple[int, int],
         colour: str | None = None, center: bool = False, shadow: bool = True) -> pygame.Rect:
    img = font.render(s, True, hex_rgb(colour or COLOURS["text"]))
    rect = img.get_rect(center=pos) if center else img.get_rect(topleft=pos)
    if shadow:
        sh = font.render(s, True, (10, 6, 20))
        surface.blit(sh, rect.move(2, 2))
    surface.blit(img, rect)
    return rect


def text_block(surface: pygame.Surface, font: pygame.font.Font, s: str, rect: pygame.Rect,
               colour: str | None = None, line_gap: float = 1.35, center: bool = False) -> int:
    """Draw wrapped text in rect; returns the height used."""
    y = rect.top
    lh = int(font.get_linesize() * line_gap)
    for line in wrap(font, s, rect.width):
        if center:
            text(surface, font, line, (rect.centerx, y + lh // 2), colour, center=True, shadow=False)
        else:
            text(surface, font, line, (rect.left, y), colour, shadow=False)
        y += lh
    return y - rect.top


_RENDERED: dict[tuple, pygame.Surface] = {}


def rendered(font: pygame.font.Font, s: str, colour: str) -> pygame.Surface:
    """``font.render`` once per (font, text, colour): screens that redraw every frame reuse it.
    Keyed by the font object itself, not its id: the cache keeps the font alive, so after a text
    size change a new font can't take a dropped one's id and get its old-size images."""
    key = (font, s, colour)
    img = _RENDERED.get(key)
    if img is None:
        if len(_RENDERED) > 800:
            _RENDERED.clear()
        img = _RENDERED[key] = font.render(s, True, hex_rgb(colour))
    return img


def fit_lines(font: pygame.font.Font, s: str, width: int, max_lines: int) -> list[str]:
    """Wrap ``s`` to ``width``; past ``max_lines`` the last line ends with an ellipsis."""
    lines = wrap(font, s, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.size(last + "…")[0] > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines
