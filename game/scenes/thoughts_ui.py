"""Shared pieces of the thought screens: creature art, trap cards, text cards and the header.

Drawing only; no rules (those are in ``game.mechanics.thinking``) and no file access beyond the
cached sprite loader the world already uses.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

import pygame

from game.input.actions import A, Action
from game.ui import draw, theme
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
_CACHE_MAX = 600


def _remember(cache: dict, key: tuple, value: Any) -> Any:
    if len(cache) >= _CACHE_MAX:
        cache.clear()
    cache[key] = value
    return value


def px(ui: Any, base: int, heading: bool = False) -> int:
    """A pixel size chosen at 100 % text size, grown with the player's text size (and drawn a little
    smaller in the dyslexia font, like the theme's sizes). ``heading``: grows no more than titles."""
    scale = float(getattr(ui, "text_scale", 1.0))
    if heading:
        scale = min(scale, theme.MAX_SCALE["title"])
    factor = 0.86 if getattr(ui, "dyslexia", False) else 1.0
    return max(10, int(round(base * scale * factor)))


def font_px(ui: Any, base: int, bold: bool = False, heading: bool = False) -> pygame.font.Font:
    """``ui.font`` for a 100 % pixel size (see ``px``)."""
    return ui.font(px(ui, base, heading), bold)


def wrap_lines(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width``, every word kept (cached)."""
    return fit_lines(font, text, width, 10_000)


def lines_h(font: pygame.font.Font, n: int, gap: float = 1.2) -> int:
    """Height of ``n`` lines drawn ``gap`` line heights apart (the last one only its own height)."""
    if n <= 0:
        return 0
    return int(font.get_linesize() * gap) * (n - 1) + font.get_linesize()


def fit_lines(font: pygame.font.Font, text: str, width: int, max_lines: int) -> list[str]:
    key = (font, text, width, max_lines)      # the font itself, not its id (see draw.rendered)
    hit = _WRAP.get(key)
    if hit is not None:
        return hit
    return _remember(_WRAP, key, draw.fit_lines(font, text, width, max_lines))


def render(font: pygame.font.Font, text: str, colour: str) -> pygame.Surface:
    return draw.rendered(font, text, colour)


def blit_text(surface: pygame.Surface, font: pygame.font.Font, text: str, pos: tuple[int, int],
              colour: str | None = None, center: bool = False) -> pygame.Rect:
    img = render(font, text, colour or COLOURS["text"])
    rect = img.get_rect(center=pos) if center else img.get_rect(topleft=pos)
    surface.blit(img, rect)
    return rect


def draw_lines(surface: pygame.Surface, font: pygame.font.Font, lines: Sequence[str], x: int, y: int,
               colour: str | None = None, gap: float = 1.25, center_x: int | None = None) -> int:
    lh = int(font.get_linesize() * gap)
    for line in lines:
        if center_x is not None:
            blit_text(surface, font, line, (center_x, y + lh // 2), colour, center=True)
        else:
            blit_text(surface, font, line, (x, y), colour)
        y += lh
    return y


def text_in_box(surface: pygame.Surface, font: pygame.font.Font, text: str, rect: pygame.Rect,
                colour: str | None = None, max_lines: int = 3, center: bool = False) -> None:
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


@dataclass(frozen=True)
class GridSpec:
    """Where a grid of trap cards goes: ``cols`` columns of cells ``cell_w`` wide from ``left``; each
    cell is the icon (``icon_w`` with its gap) and a button ``h`` high; rows ``gap`` apart."""
    cols: int
    rows: int
    left: int
    cell_w: int
    icon_w: int
    h: int
    gap: int

    def row_top(self, top: int, r: int) -> int:
        return top + r * (self.h + self.gap)

    def height(self, rows: int | None = None) -> int:
        rows = self.rows if rows is None else rows
        return rows * self.h + max(0, rows - 1) * self.gap


def trap_grid(ui: Any, names: Sequence[str], *, cols: int = 3, height: int = 52, gap: int = 12,
              left: int = 40, right: int = SCREEN_W - 40, compact: bool = False) -> GridSpec:
    """The most columns (up to ``cols``) in which every trap name fits its button. At big text the
    grid may use more of the screen's width (and ``compact``: buttons just tall enough)."""
    h = max(height, ui.line_h("button", True) + (8 if compact else 18))
    need = max((ui.text_w(n, "button", True) for n in names), default=0)
    tries = [(left, right, gap, 56, 32), (min(left, 16), max(right, SCREEN_W - 16), min(gap, 10), 54, 16)]
    for c in range(max(1, cols), 0, -1):
        for lft, rgt, g, icon_w, pad in tries:
            cell = (rgt - lft - g * (c - 1)) // c
            if cell - icon_w >= need + pad or c == 1:
                rows = math.ceil(len(names) / c)
                return GridSpec(c, rows, lft, cell, icon_w, h, g if c > 1 else gap)
    raise AssertionError("unreachable")


class TrapCards:
    """A grid of trap cards: an icon drawn beside each button. Arrow keys move in the grid.

    The grid is laid out from the font (``trap_grid``); ``rows`` builds only some of its rows (a
    page that shows the grid in two parts)."""

    def __init__(self, scene: Any, trap_ids: Sequence[str], catalogue: Any, top: int, *,
                 cols: int = 3, height: int = 52, gap: int = 12, left: int = 40, right: int = SCREEN_W - 40,
                 prefix: str = "trap:", rows: range | None = None, spec: GridSpec | None = None) -> None:
        self.scene = scene
        self.all_ids = list(trap_ids)
        self.prefix = prefix
        names = [catalogue.get(t).name for t in self.all_ids]
        self.spec = spec or trap_grid(scene.ui, names, cols=cols, height=height, gap=gap, left=left, right=right)
        sp = self.spec
        self.cols = sp.cols
        self.icons: dict[str, pygame.Rect] = {}
        rows = rows if rows is not None else range(sp.rows)
        self.ids = [t for i, t in enumerate(self.all_ids) if i // sp.cols in rows]
        self.bottom = top
        for i, tid in enumerate(self.all_ids):
            r, c = divmod(i, sp.cols)
            if r not in rows:
                continue
            x = sp.left + c * (sp.cell_w + sp.gap)
            y = sp.row_top(top, r - rows.start)
            self.icons[tid] = pygame.Rect(x, y + (sp.h - 48) // 2, 48, 48)
            scene.add_button(prefix + tid, catalogue.get(tid).name, pygame.Rect(x + sp.icon_w, y, sp.cell_w - sp.icon_w, sp.h))
            self.bottom = y + sp.h

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


# ------------------------------------------------------------------------------------ pages in parts
@dataclass
class Block:
    """One piece of a page, laid out top to bottom: ``h`` high, ``gap`` below the piece before it.

    ``build(y)`` makes its widgets and ``draw(surface, y)`` draws it, ``y`` being its top. When a
    page is too tall for the screen (big text) its blocks are spread over parts (``pack``)."""
    h: int
    draw: Callable[[pygame.Surface, int], None] | None = None
    build: Callable[[int], None] | None = None
    gap: int = 12
    key: str = ""                 # names the block (find the part that shows it)
    group: str = ""               # neighbouring blocks of one group stay on one part when they can
    lead: bool = False            # shown again at the top of a later part, unless ``key`` is shown there
    sticky: bool = False          # shown at the top of every part after it too (the page's question)
    keep: bool = False            # on the same part as the block after it (a heading)
    y: int = 0


def pack(blocks: Sequence[Block], height: int, later: int | None = None, first_shows: bool = False) -> list[list[Block]]:
    """Spread ``blocks`` over as few parts as needed, the first at most ``height`` high and the
    others at most ``later`` (default: the same). A block taller than that gets a part of its own.
    ``first_shows``: the first part shows something of its own above the blocks (it may keep none)."""
    blocks = list(blocks)
    later = height if later is None else later
    parts: list[list[Block]] = [[]]
    used = 0
    sticky: list[Block] = []

    def stack_h(bs: Sequence[Block]) -> int:
        return sum(b.h for b in bs) + sum(b.gap for b in bs[1:])

    def run_h(j: int) -> int:        # the block and the rest of its group (and what it is kept with)
        h, k = blocks[j].h, j + 1
        while k < len(blocks) and (blocks[k - 1].keep or (blocks[k].group and blocks[k].group == blocks[k - 1].group)):
            h += blocks[k].gap + blocks[k].h
            k += 1
        return h

    for j, b in enumerate(blocks):
        cur = parts[-1]
        cap = height if len(parts) == 1 else later
        if b.lead and any(o.key == b.key for o in cur) and used + run_h(j) - b.h <= cap:
            continue                 # what it repeats is on this part already, and the rest fits here
        if any(o not in sticky for o in cur) or (first_shows and len(parts) == 1):
            starts_group = bool(b.group) and (j == 0 or blocks[j - 1].group != b.group)
            fresh = later - stack_h(sticky) - (b.gap if sticky else 0)
            need = run_h(j) if (starts_group or b.lead or b.keep) and run_h(j) <= fresh else b.h
            if used + b.gap + need > cap:
                parts.append(list(sticky))
                cur, used = parts[-1], stack_h(sticky)
        used += (b.gap if cur else 0) + b.h
        cur.append(b)
        if b.sticky:
            sticky.append(b)
    return [p for i, p in enumerate(parts) if p or (i == 0 and first_shows)]


def place(part: Sequence[Block], top: int) -> int:
    """Give each block of a part its top; returns the bottom."""
    y = top
    for i, b in enumerate(part):
        if i:
            y += b.gap
        b.y = y
        y += b.h
    return y


def grid_move(sc: Any, ids: Sequence[str], cols: int, action: Action) -> bool:
    """Up/Down by a whole row in a grid of buttons ``ids``; out of the grid's top or bottom edge
    to the previous/next focusable thing. Returns True if the action was used."""
    current = sc.focused()
    ids = [i for i in ids if i in sc.focus_order]     # the ones on screen (a grid may be shown in parts)
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
