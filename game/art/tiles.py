"""Overworld tiles: 16x16 art pixels each, upscaled 3x to 48x48.

``build_tiles()`` returns an ordered list of :class:`TileDef`; the order is the
tile id order in ``assets/tiles/overworld.png``.  Everything is deterministic:
texture noise comes from ``random.Random`` seeded with fixed strings.

Naming:
  * ``<mat>_edge_<sides>`` – a ground tile of material *mat* whose listed sides
    (n, e, s, w) border another material (grass for path/sand, sand for water).
  * ``<mat>_inner_<corner>`` – only the diagonal neighbour differs.
  * ``*_canopy`` / ``*_top`` tiles belong on the ``above`` layer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pygame

from . import canvas as cv
from .canvas import disc, ellipse, hline, new, put, rect, vline
from .palette import PALETTE as PAL

SIDES = "nesw"


@dataclass
class TileDef:
    name: str
    art: pygame.Surface          # 16x16 art-pixel surface
    collides: bool = False
    layer: str = "ground"       # suggested layer: ground / decor / above
    extra: dict = field(default_factory=dict)

    def image(self) -> pygame.Surface:
        return cv.scale(self.art)


def _rng(tag: str) -> random.Random:
    return random.Random("glimmer-tiles:" + tag)


def _wrap_put(s, x, y, c):
    put(s, x % 16, y % 16, c)


# --------------------------------------------------------------------------
# ground materials
# --------------------------------------------------------------------------

def _blade(s, x, y, dark="leaf_d", light="grass_l"):
    """A little 'v' of grass, lit from the top-left."""
    _wrap_put(s, x, y, dark)
    _wrap_put(s, x + 1, y - 1, dark)
    _wrap_put(s, x - 1, y - 1, dark)
    _wrap_put(s, x - 1, y - 2, light)


def _flower(s, x, y, petal="cream", centre="yellow"):
    _wrap_put(s, x + 1, y + 2, "leaf_d")
    _wrap_put(s, x, y + 1, "leaf_d")
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        _wrap_put(s, x + dx, y + dy, petal)
    _wrap_put(s, x, y, centre)


def grass(variant: int) -> pygame.Surface:
    s = new()
    rect(s, 0, 0, 16, 16, "grass")
    r = _rng(f"grass{variant}")
    # soft mottling: a few 2x1 lighter and darker patches
    for _ in range(5):
        x, y = r.randrange(16), r.randrange(16)
        _wrap_put(s, x, y, "grass_l")
        _wrap_put(s, x + 1, y, "grass_l")
    for _ in range(3):
        x, y = r.randrange(16), r.randrange(16)
        _wrap_put(s, x, y, "leaf_d")
    spots = [(3, 4), (11, 3), (7, 10), (14, 12), (2, 13)]
    r.shuffle(spots)
    for x, y in spots[:3]:
        _blade(s, x + r.randrange(-1, 2), y + r.randrange(-1, 2))
    if variant == 1:   # tuft
        for x, y in ((6, 9), (8, 8), (10, 9)):
            _blade(s, x, y)
            _wrap_put(s, x, y - 2, "leaf_d")
        hline(s, 5, 11, 10, "leaf_d")
        put(s, 7, 6, "lime")
    elif variant == 2:  # small white & yellow flowers
        _flower(s, 4, 5, "cream", "yellow")
        _flower(s, 11, 10, "yellow", "orange")
        put(s, 13, 3, "cream")
    elif variant == 3:  # pink clover
        _flower(s, 10, 4, "pink", "cream")
        _flower(s, 4, 11, "pink", "yellow")
    return s


def dirt(variant: int) -> pygame.Surface:
    s = new()
    rect(s, 0, 0, 16, 16, "skin_tan")
    r = _rng(f"dirt{variant}")
    for _ in range(10):
        _wrap_put(s, r.randrange(16), r.randrange(16), "wood_l")
    for _ in range(6):
        _wrap_put(s, r.randrange(16), r.randrange(16), "skin_peach")
    n = 0 if variant == 0 else 2
    for _ in range(n):  # pebbles
        x, y = r.randrange(1, 14), r.randrange(1, 14)
        put(s, x, y, "grey_l")
        put(s, x + 1, y, "cream")
        put(s, x, y + 1, "grey")
        put(s, x + 1, y + 1, "grey")
        put(s, x + 2, y + 1, "wood_l")
    return s


def sand(variant: int) -> pygame.Surface:
    s = new()
    rect(s, 0, 0, 16, 16, "sand")
    r = _rng(f"sand{variant}")
    for _ in range(12):
        _wrap_put(s, r.randrange(16), r.randrange(16), "sand_d")
    for _ in range(6):
        _wrap_put(s, r.randrange(16), r.randrange(16), "cream")
    if variant == 1:  # a shell and a ripple
        put(s, 10, 5, "pink"); put(s, 11, 5, "cream"); put(s, 10, 6, "purple"); put(s, 11, 6, "pink")
        hline(s, 2, 5, 11, "sand_d"); hline(s, 3, 6, 12, "cream")
    return s


def water(variant: int) -> pygame.Surface:
    s = new()
    rect(s, 0, 0, 16, 16, "water")
    r = _rng(f"water{variant}")
    # gentle dither of deeper water in the lower half of each wave band
    for y in (3, 11):
        for x in range(16):
            if (x + y) % 4 == 0:
                _wrap_put(s, x, y + 2, "water_d")
    waves = [(2, 3), (10, 7), (5, 12), (13, 14)]
    for i, (x, y) in enumerate(waves[: 3 + variant]):
        x += r.randrange(-1, 2)
        for k in range(3):
            _wrap_put(s, x + k, y, "water_l")
        _wrap_put(s, x + 3, y + 1, "water_l")
        _wrap_put(s, x - 1, y + 1, "water_l")
    for _ in range(2):
        _wrap_put(s, r.randrange(16), r.randrange(16), "foam")
    return s


def plaza(variant: int) -> pygame.Surface:
    s = new()
    rect(s, 0, 0, 16, 16, "grey_l")
    r = _rng(f"plaza{variant}")
    stones = [(0, 0, 8, 8), (8, 0, 8, 8), (4, 8, 8, 8), (12, 8, 8, 8)]
    for i, (x0, y0, w, h) in enumerate(stones):
        tint = "grey_l"
        if variant == 3:
            tint = "sand" if i in (0, 3) else "skin_peach"
        if variant == 1 and i == 2:
            tint = "sand"
        if variant == 2 and i == 1:
            tint = "skin_peach"
        for y in range(y0, y0 + h):
            for x in range(x0, x0 + w):
                c = tint
                grout = "sand_d" if variant == 3 else "grey"
                if y == y0 + h - 1 or x == x0 + w - 1:
                    c = "wood_l" if variant == 3 else "grey"   # grout (bottom/right)
                elif y == y0 or x == x0:
                    c = "cream"           # lit edge (top/left)
                elif y == y0 + h - 2 or x == x0 + w - 2:
                    c = grout if (x + y) % 2 == 0 else tint
                _wrap_put(s, x, y, c)
    for _ in range(3):
        x, y = r.randrange(16), r.randrange(16)
        if s.get_at((x, y))[:3] == PAL["grey_l"]:
            put(s, x, y, "grey")
    if variant == 2:
        put(s, 3, 11, "grass"); put(s, 4, 12, "grass_l"); put(s, 11, 15, "grass")
    return s


def planks(vertical_boards: bool, base="wood", light="wood_l", dark="wood_d", tag="bw") -> pygame.Surface:
    """Boards 4 art-px wide; ``vertical_boards`` => seams run north-south."""
    s = new()
    r = _rng("planks" + tag)
    for b in range(4):
        joint = r.randrange(3, 13)
        for u in range(16):          # along the board
            for v in range(4):       # across the board
                c = base
                if v == 0:
                    c = light
                elif v == 3:
                    c = dark
                if u == joint:
                    c = dark
                elif u == joint + 1 and v not in (0, 3):
                    c = light
                if v == 1 and (u * 7 + b * 3) % 11 == 0:
                    c = dark if c == base else c   # grain
                x, y = (b * 4 + v, u) if vertical_boards else (u, b * 4 + v)
                put(s, x, y, c)
        # nails
        for u in (1, 14):
            x, y = (b * 4 + 1, u) if vertical_boards else (u, b * 4 + 1)
            put(s, x, y, "wood_dd")
    return s


def floor_wood() -> pygame.Surface:
    return planks(False, base="wood_l", light="skin_tan", dark="wood", tag="floor")


def water_stone() -> pygame.Surface:
    s = water(0)
    ellipse(s, 8, 9.5, 6.5, 4.5, "water_l")   # ripple ring
    ellipse(s, 8, 9.5, 5.5, 3.5, "foam")
    ellipse(s, 8, 9, 5, 3.5, "grey")
    ellipse(s, 7.5, 8, 4.2, 2.8, "grey_l")
    hline(s, 5, 8, 7, "cream")
    put(s, 4, 8, "cream")
    hline(s, 6, 11, 12, "grey_d")
    put(s, 11, 11, "grey_d")
    return s


# --------------------------------------------------------------------------
# edge / transition tiles
# --------------------------------------------------------------------------

_WOBBLE = [0, 0, 1, 0, 0, -1, 0, 0, 1, 1, 0, 0, 0, -1, 0, 0]


def _border_mask(sides: str, inner: str = "", depth: int = 3):
    m = [[False] * 16 for _ in range(16)]
    for y in range(16):
        for x in range(16):
            b = False
            if "n" in sides and y < depth + _WOBBLE[x]:
                b = True
            if "s" in sides and 15 - y < depth + _WOBBLE[(x + 5) % 16]:
                b = True
            if "w" in sides and x < depth + _WOBBLE[(y + 3) % 16]:
                b = True
            if "e" in sides and 15 - x < depth + _WOBBLE[(y + 9) % 16]:
                b = True
            # rounded outer corners
            for c, (cx, cy) in {"nw": (0, 0), "ne": (15, 0), "sw": (0, 15), "se": (15, 15)}.items():
                if c[0] in sides and c[1] in sides and abs(x - cx) + abs(y - cy) < depth + 3:
                    b = True
                if c in inner and (x - cx) ** 2 + (y - cy) ** 2 < (depth - 0.5) ** 2 + 1:
                    b = True
            m[y][x] = b
    return m


def transition(base: pygame.Surface, border: pygame.Surface, sides: str, inner: str,
               kind: str, rim: str = "wood_l") -> pygame.Surface:
    """Paint ``border`` over ``base`` where the other material intrudes."""
    m = _border_mask(sides, inner)
    s = base.copy()
    for y in range(16):
        for x in range(16):
            if m[y][x]:
                s.set_at((x, y), border.get_at((x, y)))

    def inside(x, y):
        return 0 <= x < 16 and 0 <= y < 16

    def b_at(x, y):
        # outside the tile: continue the border across the seam where that side borders
        if inside(x, y):
            return m[y][x]
        if y < 0:
            return "n" in sides
        if y > 15:
            return "s" in sides
        if x < 0:
            return "w" in sides
        return "e" in sides

    first = [[False] * 16 for _ in range(16)]
    for y in range(16):
        for x in range(16):
            nb = [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)]
            if m[y][x]:
                # border pixel touching base material
                touching = [(xx, yy) for xx, yy in nb if inside(xx, yy) and not m[yy][xx]]
                if touching:
                    base_below_or_right = any(yy > y or xx > x for xx, yy in touching)
                    if kind == "grass":
                        s.set_at((x, y), PAL["leaf_d"] if base_below_or_right else PAL["grass_l"])
                    elif kind == "sand":
                        s.set_at((x, y), PAL["sand_d"])
            else:
                if any(b_at(xx, yy) for xx, yy in nb):
                    first[y][x] = True
                    if kind == "grass":
                        s.set_at((x, y), PAL[rim])
                    elif kind == "sand":
                        s.set_at((x, y), PAL["foam"])
    if kind == "sand":   # second ring: shallow water
        for y in range(16):
            for x in range(16):
                if m[y][x] or first[y][x]:
                    continue
                nb = [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)]
                if any(inside(xx, yy) and first[yy][xx] for xx, yy in nb):
                    if (x + y) % 2 == 0 or True:
                        s.set_at((x, y), PAL["water_l"])
    return s


def side_combos():
    """All non-empty subsets of n,e,s,w in a stable order."""
    out = []
    for mask in range(1, 16):
        out.append("".join(ch for i, ch in enumerate(SIDES) if mask & (1 << i)))
    return out


# --------------------------------------------------------------------------
# nature props (transparent background, placed on 'decor' / 'above')
# --------------------------------------------------------------------------

def _leafy_blob(s, discs, base="leaf_d", mid="grass", light="grass_l", dark="leaf_dd", seed="tree"):
    """Foliage lit from the top-left, with clustered leaf texture."""
    w, h = s.get_size()
    inside = [[any((x + .5 - cx) ** 2 + (y + .5 - cy) ** 2 <= r * r for cx, cy, r in discs)
               for x in range(w)] for y in range(h)]
    lit = [[any((x + .5 - cx + 1.5) ** 2 + (y + .5 - cy + 1.5) ** 2 <= (r - 1.2) ** 2 for cx, cy, r in discs)
            for x in range(w)] for y in range(h)]
    hi = [[any((x + .5 - cx + 2.5) ** 2 + (y + .5 - cy + 2.8) ** 2 <= (r - 3.6) ** 2 for cx, cy, r in discs)
           for x in range(w)] for y in range(h)]
    r = _rng(seed)
    for y in range(h):
        for x in range(w):
            if not inside[y][x]:
                continue
            c = base
            if lit[y][x]:
                c = mid
            if hi[y][x]:
                c = light
            s.set_at((x, y), PAL[c])
    # leaf clusters: little dark 'smiles' in mid tones, light specks on highlights
    for _ in range(int(w * h / 18)):
        x, y = r.randrange(w), r.randrange(h)
        if inside[y][x] and lit[y][x] and not hi[y][x]:
            put(s, x, y, base)
            if x + 1 < w and inside[y][x + 1]:
                put(s, x + 1, y, base)
    for _ in range(int(w * h / 40)):
        x, y = r.randrange(w), r.randrange(h)
        if hi[y][x]:
            put(s, x, y, "lime")
    # dark rim
    for y in range(h):
        for x in range(w):
            if inside[y][x]:
                continue
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                xx, yy = x + dx, y + dy
                if 0 <= xx < w and 0 <= yy < h and inside[yy][xx]:
                    s.set_at((x, y), PAL[dark])
                    break


def _trunk(s, y0, y1, cx=8):
    cv.shadow(s, cx, y1 - 0.5, 6, 2.2, alpha=80)
    for y in range(y0, y1):
        put(s, cx - 2, y, "wood_l")
        put(s, cx - 1, y, "wood")
        put(s, cx, y, "wood")
        put(s, cx + 1, y, "wood_d")
    put(s, cx - 3, y1 - 1, "wood"); put(s, cx + 2, y1 - 1, "wood_d")
    put(s, cx - 1, y0 + 3, "wood_d"); put(s, cx, y0 + 6, "wood_l")
    vline(s, cx - 3, y0, y1 - 2, "wood_dd"); vline(s, cx + 2, y0, y1 - 2, "wood_dd")
    put(s, cx - 4, y1 - 1, "wood_dd"); put(s, cx + 3, y1 - 1, "wood_dd")
    hline(s, cx - 4, cx + 3, y1, "wood_dd")


def tree_round(kind: str = "plain"):
    s = new(16, 32)
    _trunk(s, 17, 29)
    base, mid, light, dark = "leaf_d", "grass", "grass_l", "leaf_dd"
    if kind == "blossom":
        base, mid, light, dark = "purple", "pink", "skin_light", "plum"
    _leafy_blob(s, [(8, 10.5, 7.0), (4.2, 14, 3.8), (11.8, 14, 3.8), (8, 16, 4.5)],
                base, mid, light, dark, seed="tree" + kind)
    if kind == "fruit":
        for x, y in ((5, 9), (10, 7), (12, 13), (6, 15), (9, 12)):
            put(s, x, y, "red"); put(s, x + 1, y, "red_d"); put(s, x, y - 1, "orange")
    if kind == "blossom":
        r = _rng("blossom")
        for _ in range(10):
            x, y = r.randrange(3, 13), r.randrange(5, 17)
            if s.get_at((x, y))[3]:
                put(s, x, y, "cream")
    return s.subsurface((0, 0, 16, 16)).copy(), s.subsurface((0, 16, 16, 16)).copy()


def tree_pine():
    s = new(16, 32)
    _trunk(s, 21, 29)
    tiers = [(2, 10, 4.5), (7, 16, 6.0), (12, 22, 7.5)]
    mask = [[False] * 16 for _ in range(32)]
    for top, bot, half in tiers:
        for y in range(top, bot + 1):
            t = (y - top) / max(1, bot - top)
            w = 1 + t * half
            for x in range(16):
                if abs(x + 0.5 - 8) <= w:
                    mask[y][x] = True
    for y in range(32):
        for x in range(16):
            if not mask[y][x]:
                continue
            c = "leaf_d"
            if x < 8:
                c = "teal" if (x + y) % 5 == 0 else "leaf_d"
            if x <= 6 and (y % 5) in (1, 2):
                c = "grass"
            if x > 9:
                c = "leaf_dd" if (y % 5) in (3, 4) else "leaf_d"
            put(s, x, y, c)
    # tier undersides (shadow of the tier above)
    for top, bot, half in tiers[1:]:
        for x in range(16):
            if mask[top][x] and top > 0 and not mask[top - 1][x]:
                pass
        hline(s, 4, 11, top + 1, "leaf_dd")
    for top, bot, half in tiers:
        for x in range(16):
            if mask[bot][x]:
                put(s, x, bot, "leaf_dd")
    put(s, 7, 3, "grass_l"); put(s, 6, 5, "grass_l"); put(s, 5, 10, "grass_l"); put(s, 4, 15, "grass_l")
    cv.outline(s, "leaf_dd")
    return s.subsurface((0, 0, 16, 16)).copy(), s.subsurface((0, 16, 16, 16)).copy()


def bush(berries: bool = False):
    s = new()
    cv.shadow(s, 8, 14, 7, 2, alpha=80)
    _leafy_blob(s, [(8, 9, 6.0), (4, 10.5, 3.5), (12, 10.5, 3.5)], seed="bush" + str(berries))
    if berries:
        for x, y in ((5, 8), (10, 6), (11, 11), (7, 12)):
            put(s, x, y, "red"); put(s, x + 1, y + 1, "red_d")
    else:
        for x, y in ((5, 7), (11, 10)):
            put(s, x, y, "yellow_l")
    return s


def flower_bed():
    s = new()
    cv.shadow(s, 8, 14.5, 8, 1.8, alpha=70)
    rect(s, 1, 6, 14, 8, "wood_dd")
    rect(s, 2, 6, 12, 7, "wood_d")
    hline(s, 1, 14, 5, "wood_l")
    hline(s, 1, 14, 13, "wood")
    vline(s, 1, 5, 13, "wood_l")
    vline(s, 14, 5, 13, "wood")
    r = _rng("bed")
    cols = [("red", "orange"), ("yellow", "yellow_l"), ("pink", "cream"), ("purple", "pink")]
    for i, x in enumerate((3, 6, 9, 12)):
        a, b = cols[i % 4]
        y = 7 + (i % 2)
        put(s, x, y + 3, "leaf_d"); put(s, x + 1, y + 2, "grass")
        put(s, x - 1, y + 1, a); put(s, x + 1, y + 1, a); put(s, x, y, a); put(s, x, y + 2, a)
        put(s, x, y + 1, b)
        put(s, x - 1, y + 3, "grass")
    for x in range(2, 14):
        if r.random() < .35:
            put(s, x, 4, "grass")
    return s


def flowers_decor(kind=0):
    s = new()
    pts = [(4, 6), (10, 4), (7, 11), (12, 10)] if kind == 0 else [(3, 10), (8, 6), (12, 12)]
    cols = [("yellow", "orange"), ("cream", "yellow"), ("pink", "cream"), ("red", "yellow")]
    if kind == 1:
        cols = [("purple", "yellow_l"), ("pink", "cream"), ("yellow", "orange")]
    for (x, y), (p, c) in zip(pts, cols):
        put(s, x, y + 2, "leaf_d"); put(s, x + 1, y + 3, "leaf_d"); put(s, x - 1, y + 3, "grass")
        put(s, x, y - 1, p); put(s, x - 1, y, p); put(s, x + 1, y, p); put(s, x, y + 1, p)
        put(s, x, y, c)
        put(s, x + 1, y + 1, "leaf_dd" if p != "cream" else "grey_l")
    return s


def rock(big: bool = True):
    s = new()
    if big:
        cv.shadow(s, 8.5, 13.5, 7, 2.2, alpha=90)
        ellipse(s, 8, 9.5, 6.5, 5, "grey")
        ellipse(s, 7, 8.5, 5, 3.8, "grey_l")
        ellipse(s, 6, 7.5, 2.5, 1.5, "cream")
        for x in range(3, 14):
            put(s, x, 13, "grey_d") if s.get_at((x, 13))[3] else None
        put(s, 11, 11, "grey_d"); put(s, 12, 10, "grey_d"); put(s, 10, 12, "grey_d")
        put(s, 9, 9, "grey"); put(s, 10, 8, "grey")
        put(s, 4, 12, "grass"); put(s, 5, 13, "leaf_d")
        cv.outline(s, "plum")
    else:
        for (x, y) in ((4, 10), (10, 6), (11, 12)):
            put(s, x, y, "grey_l"); put(s, x + 1, y, "grey"); put(s, x, y + 1, "grey"); put(s, x + 1, y + 1, "grey_d")
    return s


def stump():
    s = new()
    cv.shadow(s, 8, 13, 6.5, 2, alpha=80)
    rect(s, 4, 7, 8, 6, "wood")
    vline(s, 4, 7, 12, "wood_l"); vline(s, 11, 7, 12, "wood_d"); vline(s, 10, 8, 12, "wood_d")
    put(s, 3, 12, "wood"); put(s, 12, 12, "wood_d")
    ellipse(s, 8, 6.5, 4, 2, "skin_tan")
    ellipse(s, 8, 6.5, 2.2, 1, "wood_l")
    put(s, 8, 6, "wood")
    cv.outline(s, "wood_dd")
    return s


def log_h():
    s = new()
    cv.shadow(s, 8, 13, 8, 2, alpha=80)
    rect(s, 1, 7, 13, 5, "wood")
    hline(s, 1, 13, 7, "wood_l"); hline(s, 1, 13, 11, "wood_d")
    hline(s, 3, 6, 9, "wood_d"); hline(s, 8, 11, 8, "wood_d")
    ellipse(s, 13.5, 9.5, 2, 2.7, "skin_tan")
    put(s, 13, 9, "wood_l")
    put(s, 4, 6, "grass"); put(s, 5, 6, "grass_l")
    cv.outline(s, "wood_dd")
    return s


def mushrooms():
    s = new()
    for x, y, big in ((5, 9, True), (10, 11, False), (12, 6, False)):
        vline(s, x, y, y + 2, "cream")
        put(s, x + 1, y + 2, "grey_l")
        w = 2 if big else 1
        hline(s, x - w, x + w, y - 1, "red")
        hline(s, x - w + 1, x + w - 1, y - 2, "red")
        put(s, x - w + 1, y - 2, "orange")
        put(s, x, y - 1, "cream")
        put(s, x + w, y - 1, "red_d")
    cv.outline(s, "wood_dd")
    return s


def reeds():
    s = new()
    for x, h in ((4, 9), (6, 12), (9, 8), (11, 11), (13, 7)):
        vline(s, x, 15 - h, 14, "leaf_d")
        put(s, x - 1, 15 - h + 4, "grass")
        if h > 9:
            vline(s, x, 15 - h, 15 - h + 2, "wood")
            put(s, x, 15 - h, "wood_l")
    return s


def lilypad():
    s = new()
    for cx, cy, r in ((6, 6, 3.2), (11, 11, 2.5)):
        disc(s, cx, cy, r, "grass")
        disc(s, cx - .6, cy - .6, r - 1.2, "grass_l")
        put(s, int(cx), int(cy), "water")
        put(s, int(cx) + 1, int(cy) + 1, "water")
    put(s, 5, 5, "pink"); put(s, 6, 4, "pink"); put(s, 6, 5, "cream"); put(s, 5, 4, "cream")
    return s


# --------------------------------------------------------------------------
# built props
# --------------------------------------------------------------------------

def fence(kind: str):
    s = new()
    wood, light, dark, ol = "cream", "cream", "grey_l", "wood_d"
    if kind == "h":
        cv.shadow(s, 8, 13.5, 9, 1.5, alpha=60)
        for y in (6, 10):
            hline(s, 0, 15, y, "cream"); hline(s, 0, 15, y + 1, "grey_l")
        for x in (3, 11):
            rect(s, x, 3, 2, 11, "cream")
            vline(s, x + 1, 4, 13, "grey_l")
            put(s, x, 3, "skin_light"); put(s, x + 1, 3, "cream")
        cv.outline(s, "wood_d")
    elif kind == "v":
        cv.shadow(s, 9, 8, 2.5, 8, alpha=50)
        # two thin rails running north-south, one post per tile
        vline(s, 6, 0, 15, "cream"); vline(s, 9, 0, 15, "cream")
        vline(s, 7, 0, 15, "grey_l"); vline(s, 8, 0, 15, (0, 0, 0, 0))
        rect(s, 5, 5, 6, 7, "cream")
        vline(s, 10, 5, 11, "grey_l"); hline(s, 5, 10, 11, "grey_l")
        hline(s, 5, 10, 5, "skin_light"); put(s, 5, 5, "cream")
        cv.outline(s, "wood_d")
    else:  # post
        cv.shadow(s, 8, 13.5, 3.5, 1.5, alpha=60)
        rect(s, 7, 3, 2, 11, "cream"); vline(s, 8, 4, 13, "grey_l")
        cv.outline(s, "wood_d")
    return s


def bench():
    s = new()
    cv.shadow(s, 8, 14, 8, 1.8, alpha=70)
    # backrest
    rect(s, 1, 3, 14, 2, "wood_l"); hline(s, 1, 14, 4, "wood")
    rect(s, 1, 6, 14, 2, "wood_l"); hline(s, 1, 14, 7, "wood")
    # seat
    rect(s, 1, 9, 14, 3, "skin_tan"); hline(s, 1, 14, 11, "wood_l"); hline(s, 1, 14, 9, "skin_peach")
    # legs / arm rests
    for x in (2, 13):
        vline(s, x, 2, 14, "grey_d")
        put(s, x, 2, "grey")
    cv.outline(s, "wood_dd")
    return s


def lamp():
    """Tall lamp: returns (top, base)."""
    s = new(16, 32)
    cv.shadow(s, 8, 29.5, 4, 1.5, alpha=80)
    # glow
    for r, a in ((7.5, 28), (6, 40), (4.5, 55)):
        for y in range(0, 16):
            for x in range(16):
                if (x + .5 - 8) ** 2 + (y + .5 - 8) ** 2 <= r * r and s.get_at((x, y))[3] < a:
                    s.set_at((x, y), (*PAL["yellow_l"], a))
    vline(s, 7, 12, 28, "navy"); vline(s, 8, 12, 28, "plum")
    put(s, 7, 15, "blue")
    rect(s, 6, 27, 4, 2, "navy"); hline(s, 5, 10, 29, "plum")
    # lantern
    rect(s, 5, 5, 6, 6, "yellow")
    rect(s, 6, 6, 2, 3, "yellow_l")
    vline(s, 10, 5, 10, "orange")
    hline(s, 4, 11, 4, "navy"); hline(s, 5, 10, 3, "navy"); put(s, 7, 2, "navy"); put(s, 8, 2, "navy")
    hline(s, 5, 10, 11, "navy")
    vline(s, 4, 5, 10, "navy"); vline(s, 11, 5, 10, "navy")
    vline(s, 8, 5, 10, "navy")
    # crisp outline only around solid pixels
    solid = new(16, 32)
    for y in range(32):
        for x in range(16):
            c = s.get_at((x, y))
            if c[3] == 255:
                solid.set_at((x, y), c)
    cv.outline(solid, "outline")
    for y in range(32):
        for x in range(16):
            c = solid.get_at((x, y))
            if c[3] == 255:
                s.set_at((x, y), c)
    return s.subsurface((0, 0, 16, 16)).copy(), s.subsurface((0, 16, 16, 16)).copy()


def signpost():
    s = new()
    cv.shadow(s, 8, 14, 4, 1.5, alpha=80)
    vline(s, 7, 6, 14, "wood"); vline(s, 8, 6, 14, "wood_d")
    # arrow board
    rect(s, 2, 3, 11, 5, "skin_tan")
    put(s, 13, 4, "skin_tan"); put(s, 13, 5, "skin_tan"); put(s, 13, 6, "skin_tan"); put(s, 14, 5, "skin_tan")
    hline(s, 2, 12, 3, "skin_peach")
    hline(s, 2, 13, 7, "wood_l")
    hline(s, 4, 9, 5, "wood_d"); hline(s, 10, 11, 5, "wood")
    cv.outline(s, "wood_dd")
    return s


def notice_board():
    s = new()
    cv.shadow(s, 8, 14.5, 7, 1.5, alpha=80)
    vline(s, 2, 10, 14, "wood"); vline(s, 13, 10, 14, "wood_d")
    # roof cap
    hline(s, 0, 15, 1, "red_d"); hline(s, 1, 14, 0, "red")
    # board
    rect(s, 1, 2, 14, 9, "wood")
    rect(s, 2, 3, 12, 7, "wood_l")
    hline(s, 1, 14, 10, "wood_d")
    # notes
    rect(s, 3, 4, 3, 3, "cream"); hline(s, 3, 5, 5, "grey")
    rect(s, 7, 3, 3, 4, "yellow_l"); put(s, 8, 3, "red")
    hline(s, 7, 9, 5, "sand_d")
    rect(s, 11, 5, 2, 3, "pink"); put(s, 11, 5, "red")
    rect(s, 4, 8, 4, 1, "water_l")
    put(s, 10, 8, "teal"); put(s, 11, 8, "teal")
    cv.outline(s, "wood_dd")
    return s


def crate():
    s = new()
    cv.shadow(s, 9, 14, 7, 1.8, alpha=80)
    rect(s, 2, 3, 12, 11, "wood_l")
    for y in (3, 8, 13):
        hline(s, 2, 13, y, "wood")
    vline(s, 2, 3, 13, "skin_tan"); vline(s, 13, 3, 13, "wood")
    line = cv.line
    line(s, 3, 4, 12, 12, "wood")
    hline(s, 3, 12, 4, "skin_peach")
    cv.outline(s, "wood_dd")
    return s


def barrel():
    s = new()
    cv.shadow(s, 8.5, 14, 6, 1.8, alpha=80)
    ellipse(s, 8, 9, 5.5, 5.5, "wood")
    rect(s, 3, 5, 10, 9, "wood")
    vline(s, 4, 5, 13, "wood_l"); vline(s, 5, 5, 13, "skin_tan")
    vline(s, 11, 5, 13, "wood_d"); vline(s, 12, 6, 12, "wood_d")
    for y in (6, 11):
        hline(s, 3, 12, y, "grey_d")
        put(s, 4, y, "grey")
    ellipse(s, 8, 4.5, 5, 1.8, "wood_l")
    hline(s, 5, 10, 4, "wood")
    cv.outline(s, "wood_dd")
    return s


def planter():
    s = new()
    cv.shadow(s, 8, 14, 5.5, 1.5, alpha=80)
    rect(s, 4, 9, 8, 5, "orange")
    vline(s, 4, 9, 13, "yellow"); vline(s, 11, 9, 13, "red")
    hline(s, 3, 12, 8, "red"); hline(s, 3, 12, 7, "orange")
    _leafy_blob(s, [(8, 5, 3.8), (5, 6, 2.2), (11, 6, 2.2)], seed="planter")
    put(s, 6, 3, "pink"); put(s, 10, 4, "yellow"); put(s, 8, 2, "cream")
    cv.outline(s, "wood_dd")
    return s


def pier_post():
    s = new()
    ellipse(s, 8, 11.5, 5.5, 2.5, "foam")
    ellipse(s, 8, 11.5, 4.5, 1.5, "water_l")
    rect(s, 6, 3, 4, 9, "wood")
    vline(s, 6, 3, 11, "wood_l"); vline(s, 9, 3, 11, "wood_d")
    ellipse(s, 8, 3, 2, 1, "skin_tan")
    put(s, 7, 3, "wood_l")
    hline(s, 6, 9, 9, "leaf_d")  # algae line
    hline(s, 6, 9, 10, "teal")
    # outline only the post
    post = new()
    for y in range(16):
        for x in range(6, 10):
            if 2 <= y <= 11:
                post.set_at((x, y), s.get_at((x, y)))
    cv.outline(post, "wood_dd")
    for y in range(16):
        for x in range(16):
            c = post.get_at((x, y))
            if c[3] and c[:3] == PAL["wood_dd"]:
                s.set_at((x, y), c)
    return s


def boat():
    s = new(32, 16)
    ellipse(s, 16, 12, 15, 3, (*PAL["foam"], 140))  # wake on the water
    hull = new(32, 16)
    # hull outline shape: square stern (left), pointed bow (right)
    for x in range(3, 30):
        t = (x - 3) / 26.0
        half = 5.5 if t < 0.6 else 5.5 * max(0.0, 1 - ((t - 0.6) / 0.42) ** 1.6)
        for y in range(16):
            if abs(y + .5 - 8) <= half:
                hull.set_at((x, y), PAL["cream"])
    # interior
    for y in range(16):
        for x in range(16 + 16):
            if hull.get_at((x, y))[3]:
                inner = all(hull.get_at((xx, yy))[3] for xx, yy in
                            ((x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1), (x + 1, y + 1), (x - 1, y - 1)))
                if inner and 0 < x < 31 and 0 < y < 15:
                    hull.set_at((x, y), PAL["wood_l"] if y % 3 else PAL["wood"])
    for x in range(3, 30):   # lit rim top, red stripe bottom
        for y in range(16):
            if hull.get_at((x, y))[3] and not hull.get_at((x, y - 1))[3]:
                hull.set_at((x, y), PAL["cream"])
            if hull.get_at((x, y))[3] and (y + 1 > 15 or not hull.get_at((x, y + 1))[3]):
                hull.set_at((x, y), PAL["red"])
                if y - 1 >= 0:
                    hull.set_at((x, y - 1), PAL["red_d"] if hull.get_at((x, y - 2))[3] else PAL["red"])
    for x0 in (10, 19):   # seats
        for y in range(4, 12):
            if hull.get_at((x0, y))[3] and hull.get_at((x0, y))[:3] in (PAL["wood_l"], PAL["wood"]):
                hull.set_at((x0, y), PAL["skin_tan"]); hull.set_at((x0 + 1, y), PAL["wood_d"])
    cv.line(hull, 13, 6, 22, 9, "skin_peach")  # oar
    cv.line(hull, 13, 7, 22, 10, "wood")
    cv.outline(hull, "outline")
    s.blit(hull, (0, 0))
    return s.subsurface((0, 0, 16, 16)).copy(), s.subsurface((16, 0, 16, 16)).copy()


def rug():
    s = new()
    rect(s, 1, 2, 14, 12, "red_d")
    rect(s, 2, 3, 12, 10, "red")
    rect(s, 3, 4, 10, 8, "orange")
    rect(s, 4, 5, 8, 6, "red")
    for x in range(4, 12, 2):
        put(s, x, 7, "yellow"); put(s, x + 1, 8, "yellow")
    for x in range(1, 15, 2):
        put(s, x, 1, "cream"); put(s, x, 14, "cream")
    return s


def fountain():
    s = new(32, 32)
    cv.shadow(s, 16, 27, 15, 3.5, alpha=80)
    ellipse(s, 16, 18, 15, 9.5, "grey")
    ellipse(s, 16, 17, 15, 9, "grey_l")
    ellipse(s, 16, 16.5, 14, 8, "cream")
    ellipse(s, 16, 17, 12.5, 7, "grey")
    ellipse(s, 16, 17.5, 12, 6.5, "water")
    ellipse(s, 15, 16.5, 9, 4, "water_l")
    ellipse(s, 16, 17.5, 7, 3.5, "water")
    for x, y in ((8, 18), (22, 16), (19, 20), (11, 15)):
        hline(s, x, x + 2, y, "foam")
    # centre column + spray
    rect(s, 14, 8, 4, 10, "grey_l")
    vline(s, 14, 8, 17, "cream"); vline(s, 17, 8, 17, "grey")
    ellipse(s, 16, 8, 4, 1.6, "grey")
    ellipse(s, 16, 7.6, 3.2, 1.1, "water_l")
    for x, y in ((16, 2), (15, 3), (17, 3), (13, 4), (19, 4), (12, 6), (20, 6), (16, 4), (16, 5)):
        put(s, x, y, "foam")
    put(s, 11, 8, "water_l"); put(s, 21, 8, "water_l")
    cv.outline(s, "grey_d")
    parts = [s.subsurface((x, y, 16, 16)).copy() for y in (0, 16) for x in (0, 16)]
    return parts  # tl, tr, bl, br


# --------------------------------------------------------------------------
# houses
# --------------------------------------------------------------------------

def wall(material: str, feature: str = "", eave: bool = True, foundation: bool = True) -> pygame.Surface:
    s = new()
    if material == "wood":
        for y in range(16):
            band = y % 4
            c = {0: "skin_tan", 1: "wood_l", 2: "wood_l", 3: "wood"}[band]
            hline(s, 0, 15, y, c)
        for y in (1, 9):
            put(s, 5, y, "wood"); put(s, 12, y + 4, "wood")
        vline(s, 0, 0, 15, "wood"); vline(s, 15, 0, 15, "wood_d")
    else:  # brick
        rect(s, 0, 0, 16, 16, "grey_l")
        for row in range(6):
            y = 1 + row * 3
            off = 0 if row % 2 == 0 else 4
            for bx in range(-1, 3):
                x = bx * 8 + off
                for yy in (y, y + 1):
                    for xx in range(x, x + 7):
                        if 0 <= xx < 16 and yy < 16:
                            put(s, xx, yy, "red")
                for xx in range(x, x + 7):
                    if 0 <= xx < 16 and y + 1 < 16:
                        put(s, xx, y + 1, "red_d")
                if 0 <= x < 16:
                    put(s, x, y, "orange")
    if foundation:
        hline(s, 0, 15, 14, "grey"); hline(s, 0, 15, 15, "grey_d")
        for x in (2, 7, 12):
            put(s, x, 14, "grey_l")
    if eave:
        hline(s, 0, 15, 0, "outline"); hline(s, 0, 15, 1, "wood_d" if material == "wood" else "red_d")
    if feature == "window":
        rect(s, 3, 3, 10, 8, "cream")
        rect(s, 4, 4, 8, 6, "water_l")
        rect(s, 4, 7, 8, 3, "blue")
        put(s, 5, 5, "foam"); put(s, 6, 4, "foam"); put(s, 4, 6, "foam")
        vline(s, 8, 4, 9, "cream"); hline(s, 4, 11, 6, "cream")
        vline(s, 12, 3, 10, "grey_l"); hline(s, 3, 12, 10, "grey_l")
        # flower box
        rect(s, 2, 11, 12, 2, "wood_d"); hline(s, 2, 13, 11, "wood")
        for x, c in ((3, "red"), (5, "pink"), (8, "yellow"), (10, "red"), (12, "pink")):
            put(s, x, 10, c); put(s, x + 1, 10, "grass")
        put(s, 7, 10, "grass")
    elif feature == "door":
        door_c = ("teal", "leaf_d", "water_l") if material == "wood" else ("leaf_d", "leaf_dd", "grass")
        rect(s, 3, 3, 10, 13, "wood_dd")
        rect(s, 4, 4, 8, 11, door_c[0])
        vline(s, 4, 4, 14, door_c[2])
        vline(s, 11, 4, 14, door_c[1])
        rect(s, 5, 5, 2, 3, door_c[1]); rect(s, 9, 5, 2, 3, door_c[1])
        rect(s, 5, 10, 2, 3, door_c[1]); rect(s, 9, 10, 2, 3, door_c[1])
        put(s, 10, 9, "yellow"); put(s, 10, 10, "orange")
        hline(s, 2, 13, 15, "grey_l"); hline(s, 3, 12, 15, "cream")  # step
        # little lamp above door
        put(s, 13, 3, "yellow_l"); put(s, 13, 4, "yellow"); put(s, 14, 3, "outline")
    return s


def roof(colour: str, row: str, colpos: str, chimney: bool = False) -> pygame.Surface:
    light, base, dark = {"red": ("orange", "red", "red_d"),
                         "blue": ("water_l", "blue", "navy"),
                         "teal": ("grass_l", "teal", "leaf_dd")}[colour]
    s = new()
    y0 = 0
    if row == "top":
        y0 = 6
    for y in range(y0, 16):
        band = (y - y0) % 4
        off = 0 if ((y - y0) // 4) % 2 == 0 else 2
        for x in range(16):
            c = base
            if band == 0:
                c = light if x % 4 != (off + 3) % 4 else base
            elif band == 3:
                c = dark
            elif x % 4 == off:
                c = dark
            put(s, x, y, c)
    if row in ("top", "bot"):
        for y in range(y0, 16):
            for x in range(16):
                c = tuple(s.get_at((x, y)))[:3]
                if row == "top" and c == PAL[base] and (x + y) % 2 == 0:
                    put(s, x, y, light)
                if row == "bot" and c == PAL[base] and (x + y) % 2 == 0 and y > 8:
                    put(s, x, y, dark)
    if row == "top":
        hline(s, 0, 15, y0 - 2, "outline")
        hline(s, 0, 15, y0 - 1, dark)
        hline(s, 0, 15, y0, light)
        for x in range(1, 16, 4):
            put(s, x, y0 - 1, base)
        if chimney:
            rect(s, 9, 0, 4, 7, "grey_l")
            vline(s, 12, 0, 6, "grey"); hline(s, 9, 12, 0, "cream")
            for yy in (2, 4):
                hline(s, 9, 11, yy, "red")
            vline(s, 8, 0, 6, "outline"); vline(s, 13, 0, 6, "outline")
    if row == "bot":
        hline(s, 0, 15, 13, dark)
        hline(s, 0, 15, 14, "cream")
        hline(s, 0, 15, 15, "outline")
    if colpos == "l":
        vline(s, 0, y0 - 2 if row == "top" else 0, 15, "outline")
        vline(s, 1, y0 - 1 if row == "top" else 0, 14, "cream")
    if colpos == "r":
        vline(s, 15, y0 - 2 if row == "top" else 0, 15, "outline")
        vline(s, 14, y0 - 1 if row == "top" else 0, 14, "grey_l")
    return s


def stall(colour: str):
    """Market stall pieces: returns dict pos -> (awning, counter)."""
    stripe = {"red": "red", "teal": "teal"}[colour]
    stripe_d = {"red": "red_d", "teal": "leaf_d"}[colour]
    s = new(48, 32)
    # posts
    for x in (2, 45):
        vline(s, x, 10, 24, "wood_d")
    # counter
    cv.shadow(s, 24, 30.5, 24, 1.8, alpha=80)
    rect(s, 1, 21, 46, 9, "wood_l")
    for y in (24, 27):
        hline(s, 1, 46, y, "wood")
    hline(s, 1, 46, 21, "skin_peach"); hline(s, 1, 46, 29, "wood_d")
    rect(s, 1, 19, 46, 2, "skin_tan")
    # produce baskets
    goods = [("red", "orange"), ("orange", "yellow"), ("grass", "grass_l"),
             ("yellow", "yellow_l"), ("purple", "pink"), ("red", "pink")]
    for i, (a, b) in enumerate(goods):
        x = 3 + i * 7 + (1 if i >= 3 else 0)
        rect(s, x, 17, 6, 3, "wood"); hline(s, x, x + 5, 17, "wood_l")
        for k in range(3):
            put(s, x + 1 + 2 * k - (k // 2), 16, a)
            put(s, x + 1 + 2 * k, 15, b if k == 1 else a)
            put(s, x + 2 * k, 16, b)
    # awning
    for y in range(2, 11):
        for x in range(0, 48):
            c = stripe if (x // 4) % 2 == 0 else "cream"
            if y == 2:
                c = "orange" if c == stripe and colour == "red" else ("water_l" if c == stripe else "cream")
            if y >= 9:
                c = stripe_d if c == stripe else "grey_l"
            put(s, x, y, c)
    for x in range(0, 48):   # scalloped edge
        if x % 4 in (1, 2):
            put(s, x, 11, stripe_d if (x // 4) % 2 == 0 else "grey_l")
    hline(s, 0, 47, 1, "outline")
    cv.outline(s, "outline")
    pieces = {}
    for i, pos in enumerate(("l", "m", "r")):
        top = new(); bot = new()
        top.blit(s, (0, 0), (i * 16, 0, 16, 16))
        bot.blit(s, (0, 0), (i * 16, 16, 16, 16))
        pieces[pos] = (top, bot)
    return pieces


# --------------------------------------------------------------------------
# registry
# --------------------------------------------------------------------------

def build_tiles() -> list[TileDef]:
    t: list[TileDef] = []

    def add(name, art, collides=False, layer="ground", **extra):
        t.append(TileDef(name, art, collides, layer, extra))

    # ground
    for i in range(4):
        add(f"grass_{i}", grass(i))
    add("path", dirt(0)); add("path_2", dirt(1))
    add("sand", sand(0)); add("sand_2", sand(1))
    add("water", water(0), True); add("water_2", water(1), True)
    add("plaza", plaza(0)); add("plaza_2", plaza(1)); add("plaza_3", plaza(2)); add("plaza_warm", plaza(3))
    add("boardwalk_h", planks(True)); add("boardwalk_v", planks(False, tag="bwv"))
    add("floor_wood", floor_wood())
    add("water_stone", water_stone())
    g0, d0, s0, w0 = grass(0), dirt(0), sand(0), water(0)
    for sides in side_combos():
        add(f"path_edge_{sides}", transition(d0, g0, sides, "", "grass"))
    for c in ("nw", "ne", "sw", "se"):
        add(f"path_inner_{c}", transition(d0, g0, "", c, "grass"))
    for sides in side_combos():
        add(f"sand_edge_{sides}", transition(s0, g0, sides, "", "grass", "sand_d"))
    for c in ("nw", "ne", "sw", "se"):
        add(f"sand_inner_{c}", transition(s0, g0, "", c, "grass", "sand_d"))
    p0 = plaza(0)
    for sides in side_combos():
        add(f"plaza_edge_{sides}", transition(p0, g0, sides, "", "grass", "grey"))
    for c in ("nw", "ne", "sw", "se"):
        add(f"plaza_inner_{c}", transition(p0, g0, "", c, "grass", "grey"))
    for sides in side_combos():
        add(f"water_edge_{sides}", transition(w0, s0, sides, "", "sand"), True)
    for c in ("nw", "ne", "sw", "se"):
        add(f"water_inner_{c}", transition(w0, s0, "", c, "sand"), True)

    # nature
    for kind in ("plain", "fruit", "blossom"):
        top, bot = tree_round(kind)
        prefix = "tree" if kind == "plain" else f"tree_{kind}"
        add(f"{prefix}_canopy", top, False, "above")
        add(f"{prefix}_trunk", bot, True, "decor")
    top, bot = tree_pine()
    add("pine_canopy", top, False, "above"); add("pine_trunk", bot, True, "decor")
    add("bush", bush(False), True, "decor")
    add("bush_berries", bush(True), True, "decor")
    add("flower_bed", flower_bed(), True, "decor")
    add("flowers", flowers_decor(0), False, "decor")
    add("flowers_2", flowers_decor(1), False, "decor")
    add("rock", rock(True), True, "decor")
    add("pebbles", rock(False), False, "decor")
    add("stump", stump(), True, "decor")
    add("log", log_h(), True, "decor")
    add("mushrooms", mushrooms(), False, "decor")
    add("reeds", reeds(), False, "decor")
    add("lilypad", lilypad(), False, "decor")

    # built
    add("fence_h", fence("h"), True, "decor")
    add("fence_v", fence("v"), True, "decor")
    add("fence_post", fence("post"), True, "decor")
    add("bench", bench(), True, "decor")
    top, bot = lamp()
    add("lamp_top", top, False, "above"); add("lamp_post", bot, True, "decor")
    add("signpost", signpost(), True, "decor")
    add("notice_board", notice_board(), True, "decor")
    add("crate", crate(), True, "decor")
    add("barrel", barrel(), True, "decor")
    add("planter", planter(), True, "decor")
    add("pier_post", pier_post(), True, "decor")
    bl, br = boat()
    add("boat_l", bl, True, "decor"); add("boat_r", br, True, "decor")
    add("rug", rug(), False, "decor")
    for name, part in zip(("fountain_tl", "fountain_tr", "fountain_bl", "fountain_br"), fountain()):
        add(name, part, True, "decor")

    # houses
    for mat in ("wood", "brick"):
        # single-row walls (eave shadow + foundation)
        add(f"wall_{mat}", wall(mat), True, "decor")
        add(f"wall_{mat}_window", wall(mat, "window"), True, "decor")
        add(f"door_{mat}", wall(mat, "door"), True, "decor")
        # two-row walls: upper row (eave shadow), lower row (foundation)
        add(f"wall_{mat}_upper", wall(mat, "", True, False), True, "decor")
        add(f"wall_{mat}_upper_window", wall(mat, "window", True, False), True, "decor")
        add(f"wall_{mat}_lower", wall(mat, "", False, True), True, "decor")
        add(f"wall_{mat}_lower_window", wall(mat, "window", False, True), True, "decor")
        add(f"door_{mat}_lower", wall(mat, "door", False, True), True, "decor")
    for colour in ("red", "blue", "teal"):
        for row in ("top", "mid", "bot"):
            for pos in ("l", "m", "r"):
                # the ridge row is walk-behind scenery; lower rows sit over walls
                add(f"roof_{colour}_{row}_{pos}", roof(colour, row, pos), row != "top", "above")
        add(f"roof_{colour}_chimney", roof(colour, "top", "m", chimney=True), False, "above")

    # market stalls
    for colour in ("red", "teal"):
        pieces = stall(colour)
        for pos in ("l", "m", "r"):
            add(f"awning_{colour}_{pos}", pieces[pos][0], False, "above")
        for pos in ("l", "m", "r"):
            add(f"counter_{colour}_{pos}", pieces[pos][1], True, "decor")

    names = [d.name for d in t]
    assert len(names) == len(set(names)), "duplicate tile names"
    return t
