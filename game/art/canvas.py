"""Tiny pixel-art helpers: 16x16 'art pixel' canvases scaled 3x to 48x48."""

from __future__ import annotations

import pygame

from .palette import PALETTE

ART = 16          # art pixels per tile side
SCALE = 3         # every art pixel becomes SCALE x SCALE screen pixels
TILE = ART * SCALE

Colour = tuple  # (r, g, b) or (r, g, b, a)


def col(c) -> Colour:
    """Accept a palette name or a colour tuple."""
    if isinstance(c, str):
        return PALETTE[c]
    return c


def new(w: int = ART, h: int = ART) -> pygame.Surface:
    s = pygame.Surface((w, h), pygame.SRCALPHA, 32)
    s.fill((0, 0, 0, 0))
    return s


def put(s: pygame.Surface, x: int, y: int, c) -> None:
    w, h = s.get_size()
    if 0 <= x < w and 0 <= y < h:
        s.set_at((x, y), col(c))


def get(s: pygame.Surface, x: int, y: int):
    w, h = s.get_size()
    if 0 <= x < w and 0 <= y < h:
        return tuple(s.get_at((x, y)))
    return (0, 0, 0, 0)


def opaque(s: pygame.Surface, x: int, y: int) -> bool:
    return get(s, x, y)[3] > 127


def rect(s, x, y, w, h, c) -> None:
    c = col(c)
    for yy in range(y, y + h):
        for xx in range(x, x + w):
            put(s, xx, yy, c)


def hline(s, x0, x1, y, c) -> None:
    for x in range(min(x0, x1), max(x0, x1) + 1):
        put(s, x, y, c)


def vline(s, x, y0, y1, c) -> None:
    for y in range(min(y0, y1), max(y0, y1) + 1):
        put(s, x, y, c)


def line(s, x0, y0, x1, y1, c) -> None:
    """Bresenham line."""
    dx, dy = abs(x1 - x0), -abs(y1 - y0)
    sx = 1 if x0 < x1 else -1
    sy = 1 if y0 < y1 else -1
    err = dx + dy
    while True:
        put(s, x0, y0, c)
        if x0 == x1 and y0 == y1:
            break
        e2 = 2 * err
        if e2 >= dy:
            err += dy
            x0 += sx
        if e2 <= dx:
            err += dx
            y0 += sy


def disc(s, cx: float, cy: float, r: float, c) -> None:
    """Filled circle centred on (cx, cy) in art pixels (pixel centres at +0.5)."""
    c = col(c)
    w, h = s.get_size()
    for y in range(h):
        for x in range(w):
            if (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r:
                s.set_at((x, y), c)


def ellipse(s, cx: float, cy: float, rx: float, ry: float, c) -> None:
    c = col(c)
    w, h = s.get_size()
    for y in range(h):
        for x in range(w):
            if ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1.0:
                s.set_at((x, y), c)


def ascii_art(s, rows, cmap: dict, ox: int = 0, oy: int = 0) -> None:
    """Paint a list of strings; '.' and ' ' are transparent (skipped)."""
    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            if ch in ". ":
                continue
            c = cmap.get(ch)
            if c is None:
                raise KeyError(f"no colour for {ch!r}")
            if c == "clear":
                put(s, x + ox, y + oy, (0, 0, 0, 0))
            else:
                put(s, x + ox, y + oy, c)


def outline(s: pygame.Surface, c="outline", diagonal: bool = False) -> None:
    """Paint every transparent pixel touching an opaque one."""
    c = col(c)
    w, h = s.get_size()
    solid = [[s.get_at((x, y))[3] > 127 for x in range(w)] for y in range(h)]
    nbrs = [(1, 0), (-1, 0), (0, 1), (0, -1)]
    if diagonal:
        nbrs += [(1, 1), (-1, -1), (1, -1), (-1, 1)]
    for y in range(h):
        for x in range(w):
            if solid[y][x]:
                continue
            for dx, dy in nbrs:
                xx, yy = x + dx, y + dy
                if 0 <= xx < w and 0 <= yy < h and solid[yy][xx]:
                    s.set_at((x, y), c)
                    break


def shadow(s, cx, cy, rx, ry, alpha: int = 70) -> None:
    """Soft ground shadow (outline colour, translucent), only on empty pixels."""
    base = PALETTE["outline"]
    w, h = s.get_size()
    for y in range(h):
        for x in range(w):
            if ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1.0:
                if s.get_at((x, y))[3] == 0:
                    s.set_at((x, y), (*base, alpha))


def blit_over(dst, src, x=0, y=0) -> None:
    dst.blit(src, (x, y))


def scale(s: pygame.Surface, k: int = SCALE) -> pygame.Surface:
    """Nearest-neighbour upscale (pygame.transform.scale never smooths)."""
    w, h = s.get_size()
    return pygame.transform.scale(s, (w * k, h * k))


def flip_x(s: pygame.Surface) -> pygame.Surface:
    return pygame.transform.flip(s, True, False)
