"""Shared pieces of the thought screens: creature art, trap cards, text cards and the header.

Drawing only; no rules (those are in ``game.mechanics.thinking``) and no file access beyond the
cached sprite loader the world already uses.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Any, Sequence

import pygame

from game.input.actions import A, Action
from game.ui import draw
from game.ui.manager import SCREEN_W
from game.ui.slider import ensure_theme
from game.ui.theme import COLOURS

# A button with no fill of its own: the scene draws the card (wrapped text, icons) beneath it and
# the button gives it hover, focus ring and clicks.
CARD_THEME = {
    "#card_button": {
        "colours": {"normal_bg": "#00000000", "hovered_bg": "#FFFFFF1A", "active_bg": "#FFFFFF2A",
                    "selected_bg": "#FFFFFF1A", "disabled_bg": "#00000000",
                    "normal_border": "#6E5A96", "hovered_border": COLOURS["focus"],
                    "active_border": COLOURS["focus"], "selected_border": COLOURS["focus"],
                    "disabled_border": "#4A4058", "normal_text": COLOURS["text"]},
        "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "12", "border_width": "3",
                 "shadow_width": "0"},
    },
}

HELP_SAFE_X = SCREEN_W - 150   # the global Help button lives to the right of this


def use_card_theme(ui: Any) -> None:
    ensure_theme(ui, "cards", CARD_THEME)


def rgb(h: str) -> tuple[int, int, int]:
    return draw.hex_rgb(h)


# ------------------------------------------------------------------------------------ creature art
@lru_cache(maxsize=32)
def creature_frames(trap: str | None, size: int) -> tuple[pygame.Surface, pygame.Surface]:
    """Two idle frames of a thought creature, ``size`` px square. ``trap=None``: the hidden one
    (a smoky silhouette with glowing eyes, so the look never gives the answer away)."""
    from game.world.render import load_sheet

    sheet = load_sheet(f"thought_{trap or 'all_or_nothing'}")
    fw = sheet.get_width() // 4
    frames = []
    for c in (0, 1):
        f = sheet.subsurface((c * fw, 0, fw, fw)).copy()
        if trap is None:
            f = _silhouette(f, c)
        frames.append(pygame.transform.scale(f, (size, size)))
    return frames[0], frames[1]


def _silhouette(frame: pygame.Surface, c: int) -> pygame.Surface:
    w, h = frame.get_size()
    out = pygame.Surface((w, h), pygame.SRCALPHA)
    body = rgb("#5B4B7E")
    for y in range(h):
        for x in range(w):
            a = frame.get_at((x, y))[3]
            if a:
                out.set_at((x, y), (*body, 235))
    px = w // 16  # one art pixel
    bob = -px if c == 1 else 0
    for ex in (6, 10):
        pygame.draw.rect(out, rgb("#FFE08A"), (ex * px, 8 * px + bob, 2 * px, 2 * px))
    return out


def draw_creature(surface: pygame.Surface, centre: tuple[int, int], trap: str | None, t: float, *,
                  size: int = 192, scale: float = 1.0, alpha: int = 255, shake: float = 0.0,
                  flash: float = 0.0) -> pygame.Rect:
    f0, f1 = creature_frames(trap, size)
    img = f1 if int(t * 2.5) % 2 else f0
    if scale != 1.0:
        s = max(8, int(size * scale))
        img = pygame.transform.scale(img, (s, s))
    if flash > 0:
        glow = pygame.mask.from_surface(img).to_surface(
            setcolor=(255, 255, 255, int(210 * min(1.0, flash))), unsetcolor=(0, 0, 0, 0))
        img = img.copy()
        img.blit(glow, (0, 0))
    if alpha < 255:
        img = img.copy()
        img.set_alpha(alpha)
    dx = math.sin(t * 55) * 10 * shake
    dy = math.sin(t * 2.4) * 6
    rect = img.get_rect(center=(int(centre[0] + dx), int(centre[1] + dy)))
    surface.blit(img, rect)
    return rect


def draw_hp(surface: pygame.Surface, centre_x: int, y: int, hp: int, max_hp: int) -> None:
    """Little storm drops: full ones for the creature's strength left, hollow ones for lost."""
    gap = 30
    x0 = centre_x - (max_hp - 1) * gap // 2
    for i in range(max_hp):
        c = (x0 + i * gap, y)
        if i < hp:
            pygame.draw.circle(surface, rgb("#9C7BD6"), c, 10)
            pygame.draw.circle(surface, rgb("#E9DDFF"), (c[0] - 3, c[1] - 3), 3)
        pygame.draw.circle(surface, rgb("#E9DDFF"), c, 10, 2)


class Sparks:
    """A small burst of glimmers (right answers)."""

    def __init__(self) -> None:
        self.items: list[list[float]] = []

    def burst(self, centre: tuple[int, int], n: int = 18) -> None:
        for i in range(n):
            ang = i / n * math.tau
            speed = 160 + (i * 37) % 90
            self.items.append([centre[0], centre[1], math.cos(ang) * speed, math.sin(ang) * speed, 0.8])

    def update(self, dt: float) -> None:
        for p in self.items:
            p[0] += p[2] * dt
            p[1] += p[3] * dt
            p[3] += 220 * dt
            p[4] -= dt
        self.items = [p for p in self.items if p[4] > 0]

    def draw(self, surface: pygame.Surface) -> None:
        for x, y, _, _, life in self.items:
            r = max(1, int(6 * life))
            pygame.draw.circle(surface, (255, 214, 110), (int(x), int(y)), r)


# ------------------------------------------------------------------------------------ text helpers
# Wrapping and rendering text every frame is the costly part of these screens: both are cached.
_WRAP: dict[tuple, list[str]] = {}
_RENDER: dict[tuple, pygame.Surface] = {}
_CACHE_MAX = 600


def _remember(cache: dict, key: tuple, value: Any) -> Any:
    if len(cache) >= _CACHE_MAX:
        cache.clear()
    cache[key] = value
    return value


def fit_lines(font: pygame.font.Font, text: str, width: int, max_lines: int) -> list[str]:
    key = (id(font), text, width, max_lines)
    hit = _WRAP.get(key)
    if hit is not None:
        return hit
    return _remember(_WRAP, key, draw.fit_lines(font, text, width, max_lines))


def render(font: pygame.font.Font, text: str, colour: str) -> pygame.Surface:
    key = (id(font), text, colour)
    hit = _RENDER.get(key)
    if hit is None:
        hit = _remember(_RENDER, key, font.render(text, True, rgb(colour)))
    return hit


def blit_text(surface: pygame.Surface, font: pygame.font.Font, text: str, pos: tuple[int, int],
              colour: str = COLOURS["text"], center: bool = False) -> pygame.Rect:
    img = render(font, text, colour)
    rect = img.get_rect(center=pos) if center else img.get_rect(topleft=pos)
    surface.blit(img, rect)
    return rect


def draw_lines(surface: pygame.Surface, font: pygame.font.Font, lines: Sequence[str], x: int, y: int,
               colour: str = COLOURS["text"], gap: float = 1.25, center_x: int | None = None) -> int:
    lh = int(font.get_linesize() * gap)
    for line in lines:
        if center_x is not None:
            blit_text(surface, font, line, (center_x, y + lh // 2), colour, center=True)
        else:
            blit_text(surface, font, line, (x, y), colour)
        y += lh
    return y


def text_in_box(surface: pygame.Surface, font: pygame.font.Font, text: str, rect: pygame.Rect,
                colour: str = COLOURS["text"], max_lines: int = 3, center: bool = False) -> None:
    """Wrapped text, vertically centred in ``rect``."""
    lines = fit_lines(font, text, rect.width, max_lines)
    lh = int(font.get_linesize() * 1.2)
    y = rect.centery - lh * len(lines) // 2
    draw_lines(surface, font, lines, rect.x, y, colour, 1.2, center_x=rect.centerx if center else None)


def card(surface: pygame.Surface, rect: pygame.Rect, fill: str = "#3A2D57", border: str | None = None,
         radius: int = 12, width: int = 0) -> None:
    pygame.draw.rect(surface, rgb(fill), rect, border_radius=radius)
    if border:
        pygame.draw.rect(surface, rgb(border), rect, width=width or 3, border_radius=radius)


def header(scene: Any, surface: pygame.Surface, title: str, sub: str = "") -> None:
    ui = scene.ui
    draw.text(surface, ui.font("title", bold=True), title, (40, 16))
    if sub:
        draw.text(surface, ui.font("small"), sub, (42, 62), COLOURS["muted"], shadow=False)


# ------------------------------------------------------------------------------------ trap cards
@lru_cache(maxsize=32)
def trap_icon(trap: str) -> pygame.Surface:
    from game.paths import resource

    try:
        return pygame.image.load(str(resource("assets", "icons", f"trap_{trap}.png"))).convert_alpha()
    except (FileNotFoundError, pygame.error):
        surf = pygame.Surface((48, 48), pygame.SRCALPHA)
        pygame.draw.circle(surf, rgb("#9C7BD6"), (24, 24), 18)
        return surf


class TrapCards:
    """A grid of trap cards: an icon drawn beside each button. Arrow keys move in the grid."""

    def __init__(self, scene: Any, trap_ids: Sequence[str], catalogue: Any, top: int, *,
                 cols: int = 3, height: int = 52, gap: int = 12, left: int = 40, right: int = SCREEN_W - 40,
                 prefix: str = "trap:") -> None:
        self.scene = scene
        self.ids = list(trap_ids)
        self.prefix = prefix
        self.cols = cols
        self.icons: dict[str, pygame.Rect] = {}
        cell_w = (right - left - gap * (cols - 1)) // cols
        self.bottom = top
        for i, tid in enumerate(self.ids):
            r, c = divmod(i, cols)
            x = left + c * (cell_w + gap)
            y = top + r * (height + gap)
            icon = pygame.Rect(x, y + (height - 48) // 2, 48, 48)
            self.icons[tid] = icon
            scene.add_button(prefix + tid, catalogue.get(tid).name, pygame.Rect(x + 56, y, cell_w - 56, height))
            self.bottom = y + height

    def button_ids(self) -> list[str]:
        return [self.prefix + t for t in self.ids]

    def draw(self, surface: pygame.Surface) -> None:
        for tid, rect in self.icons.items():
            btn = self.scene.buttons.get(self.prefix + tid)
            if btn is None or not btn.visible:
                continue
            img = trap_icon(tid)
            if not btn.is_enabled:
                img = img.copy()
                img.set_alpha(90)
            surface.blit(img, rect)

    def handle_grid(self, action: Action) -> bool:
        """Up/Down jump a row inside the grid (Left/Right step through it, as everywhere)."""
        return grid_move(self.scene, self.button_ids(), self.cols, action)


def grid_move(sc: Any, ids: Sequence[str], cols: int, action: Action) -> bool:
    """Up/Down by a whole row in a grid of buttons ``ids``; out of the grid's top or bottom edge
    to the previous/next focusable thing. Returns True if the action was used."""
    current = sc.focused()
    ids = list(ids)
    if current not in ids or action.kind not in (A.UP, A.DOWN) or cols < 1:
        return False
    step = cols if action.kind is A.DOWN else -cols
    j = ids.index(current) + step
    while 0 <= j < len(ids):
        btn = sc.buttons.get(ids[j])
        if btn is not None and btn.is_enabled:
            sc.set_focus(ids[j])
            sc.app.audio.play("move")
            return True
        j += step
    order = sc.focus_order
    if action.kind is A.DOWN:
        outside = [b for b in order[order.index(ids[-1]) + 1:] if b not in ids]
    else:
        outside = [b for b in reversed(order[:order.index(ids[0])]) if b not in ids]
    for b in outside:
        btn = sc.buttons.get(b)
        if btn is not None and btn.is_enabled:
            sc.set_focus(b)
            sc.app.audio.play("move")
            return True
    return True
