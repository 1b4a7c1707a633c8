"""48x48 icons (16x16 art pixels, scaled 3x): activities, UI, mood faces and
the six 'thought creatures' (one per core thinking trap).

``make_icon(key)`` returns a 48x48 surface; ``ICON_KEYS`` lists every key.
"""

from __future__ import annotations

import math

import pygame

from . import canvas as cv
from .canvas import disc, ellipse, hline, line, new, put, rect, vline
from .palette import PALETTE as PAL

# ASCII colour codes shared by the hand-drawn icons
C = {
    "k": "outline", "w": "cream", "y": "yellow", "Y": "yellow_l", "o": "orange",
    "r": "red", "R": "red_d", "p": "pink", "u": "purple", "U": "plum", "b": "blue",
    "B": "navy", "c": "water_l", "C": "water", "D": "water_d", "g": "grass", "G": "leaf_d",
    "l": "grass_l", "t": "teal", "n": "wood", "N": "wood_d", "m": "wood_l", "s": "skin_peach",
    "S": "skin_tan", "a": "grey_l", "A": "grey", "d": "grey_d", "f": "foam", "h": "sand",
    "H": "sand_d", "e": "lime", "z": "skin_light",
}


def _ascii(rows, extra=None):
    s = new()
    cmap = dict(C)
    if extra:
        cmap.update(extra)
    cv.ascii_art(s, rows, cmap)
    return s


def _poly(s, pts, c):
    pygame.draw.polygon(s, cv.col(c), pts)


def _fin(s, ol="outline"):
    cv.outline(s, ol)
    return s


def _rrect(s, x, y, w, h, c):
    rect(s, x + 1, y, w - 2, h, c)
    rect(s, x, y + 1, w, h - 2, c)


# --------------------------------------------------------------------------
# activities
# --------------------------------------------------------------------------

def icon_walk():
    return _fin(_ascii([
        "................",
        "..........nm....",
        ".........nmmn...",
        ".........nmmn...",
        "..mn.....nmmn...",
        ".nmmn....nmmn...",
        ".nmmn.....nn....",
        ".nmmn...........",
        ".nmmn.....mm....",
        "..nn.....nmmn...",
        "..........nn....",
        "..mm............",
        ".nmmn...........",
        "..nn............",
        "................",
        "................",
    ]))


def icon_run():
    return _fin(_ascii([
        "................",
        "................",
        "................",
        ".......rrr......",
        "......rrorr.....",
        ".....rrwrrrr....",
        "....rrwrrrrrr...",
        "aa..rwrrrrrrrrr.",
        "...rrrrrrrrrrrro",
        "aa.rrrrrrrrrrrrr",
        "...wwwwwwwwwwwww",
        "....aaaaaaaaaaa.",
        "................",
        "................",
        "................",
        "................",
    ]))


def icon_dog():
    return _fin(_ascii([
        "................",
        "................",
        "....mmmmmmmm....",
        "..NNmmmmmmmmNN..",
        ".NnNmmmmmmmmNnN.",
        ".NnNmmmmmmmmNnN.",
        ".NnNmkmmmmkmNnN.",
        ".NnNmkmmmmkmNnN.",
        ".NNNmmmmmmmmNNN.",
        "..N.mmmwwmmm.N..",
        "....mmwkkwmm....",
        "....mmwwwwmm....",
        ".....mwppwm.....",
        "......mppm......",
        ".......pp.......",
        "................",
    ]))


def icon_phone():
    s = new()
    _rrect(s, 4, 1, 8, 14, "plum")
    rect(s, 5, 3, 6, 9, "water_l")
    rect(s, 5, 8, 6, 4, "blue")
    put(s, 6, 4, "foam"); put(s, 5, 5, "foam")
    hline(s, 7, 8, 13, "grey_d")
    hline(s, 7, 8, 2, "grey_d")
    # heart message
    put(s, 7, 6, "pink"); put(s, 9, 6, "pink"); hline(s, 7, 9, 7, "pink"); put(s, 8, 8, "pink")
    return _fin(s)


def icon_chat():
    s = new()
    _rrect(s, 1, 2, 10, 7, "cream")
    put(s, 3, 9, "cream"); put(s, 2, 10, "cream")
    hline(s, 3, 8, 4, "grey_l"); hline(s, 3, 6, 6, "grey_l")
    _fin(s)
    t = new()
    _rrect(t, 6, 6, 9, 7, "water_l")
    put(t, 12, 13, "water_l"); put(t, 13, 14, "water_l")
    put(t, 8, 9, "blue"); put(t, 10, 9, "blue"); put(t, 12, 9, "blue")
    _fin(t)
    s.blit(t, (0, 0))
    return s


def icon_homework():
    s = new()
    rect(s, 2, 1, 10, 14, "cream")
    vline(s, 11, 1, 14, "grey_l"); hline(s, 2, 11, 14, "grey_l")
    for y in (4, 7, 10):
        hline(s, 5, 9, y, "water_l")
        put(s, 3, y, "grass"); put(s, 4, y - 1, "grass")
    hline(s, 2, 11, 1, "red")
    _fin(s)
    p = new()
    line(p, 9, 13, 14, 4, "yellow"); line(p, 10, 13, 15, 4, "orange")
    put(p, 9, 14, "skin_tan"); put(p, 14, 3, "pink"); put(p, 15, 3, "pink")
    _fin(p)
    s.blit(p, (0, 0))
    return s


def icon_book():
    return _fin(_ascii([
        "................",
        "................",
        "..bbbbbbbbbbb...",
        "..bcbbbbbbbbbB..",
        "..bcbwwwwwbbbB..",
        "..bcbbbbbbbbbB..",
        "..bcbwwwwbbbbB..",
        "..bcbbbbbbbbbB..",
        "..bcbbbbbbbbbB..",
        "..bcbbbbbbrbbB..",
        "..bcbbbbbbrbbB..",
        "..bBBBBBBBrBBB..",
        "..wwwwwwwwrrww..",
        "...aaaaaaaRaaa..",
        "................",
        "................",
    ]))


def icon_music():
    return _fin(_ascii([
        "................",
        "......uuuuuuuu..",
        "......uuuuuuuu..",
        "......u......u..",
        "......u......u..",
        "......u......u..",
        "......u......u..",
        "......u......u..",
        "......u...uppu..",
        "......u..uppppu.",
        "...uppu..upppu..",
        "..uppppu..uuu...",
        "..upppu.........",
        "...uuu..........",
        "................",
        "................",
    ]))


def icon_guitar():
    return _fin(_ascii([
        ".............NN.",
        "............NnN.",
        "...........NnN..",
        "..........nNN...",
        ".........nN.....",
        "........nN......",
        "...ooo.nN.......",
        "..oyyyonooo.....",
        ".oyyyyyNNyo.....",
        ".oyyyoNNyyo.....",
        ".oyyoNNoyyo.....",
        "..oyyyyyyyo.....",
        ".oyyyyyyyo......",
        ".oyyyyyyo.......",
        "..ooooo.........",
        "................",
    ]))


def icon_draw():
    s = new()
    ellipse(s, 7.5, 9, 6.5, 5.5, "sand")
    ellipse(s, 6.5, 8, 4.5, 3.5, "cream")
    disc(s, 10, 12, 1.6, (0, 0, 0, 0))
    for (x, y, c) in ((4, 7, "red"), (7, 5, "yellow"), (10, 7, "blue"), (5, 11, "grass")):
        rect(s, x, y, 2, 2, c)
    _fin(s)
    b = new()
    line(b, 9, 12, 14, 2, "wood_l"); line(b, 10, 12, 15, 2, "wood")
    rect(b, 8, 12, 2, 2, "grey_l"); put(b, 8, 14, "purple"); put(b, 7, 15, "purple")
    _fin(b)
    s.blit(b, (0, 0))
    return s


def icon_ball():
    s = new()
    disc(s, 8, 8, 6.5, "orange")
    disc(s, 7, 7, 4.5, "yellow")
    disc(s, 6, 5.8, 1.6, "yellow_l")
    vline(s, 8, 2, 14, "red_d"); hline(s, 2, 14, 8, "red_d")
    for y in range(2, 15):
        t = (y - 8) / 6.5
        off = int(round(4.2 * (1 - t * t) ** 0.5))
        put(s, 8 - off, y, "red_d"); put(s, 8 + off, y, "red_d")
    return _fin(s)


def icon_bike():
    s = new()
    for cx in (4, 12):
        disc(s, cx, 11, 3.5, "grey_d")
        disc(s, cx, 11, 2.4, (0, 0, 0, 0))
        put(s, cx, 11, "grey")
    line(s, 4, 11, 7, 6, "teal"); line(s, 7, 6, 11, 6, "teal"); line(s, 11, 6, 12, 11, "teal")
    line(s, 7, 6, 8, 11, "teal"); line(s, 4, 11, 8, 11, "teal")
    hline(s, 6, 8, 4, "wood_d")      # seat
    line(s, 11, 6, 12, 3, "grey"); hline(s, 11, 13, 3, "grey")
    put(s, 8, 11, "grey_l")
    return _fin(s)


def icon_cook():
    s = new()
    rect(s, 2, 7, 12, 7, "grey")
    rect(s, 2, 7, 12, 2, "grey_l")
    vline(s, 3, 9, 13, "grey_l"); vline(s, 13, 8, 13, "grey_d")
    hline(s, 1, 14, 6, "grey_d")
    rect(s, 6, 4, 4, 2, "grey_d"); hline(s, 6, 9, 4, "grey")
    put(s, 0, 8, "grey_d"); put(s, 15, 8, "grey_d")
    hline(s, 3, 12, 10, "red"); hline(s, 3, 12, 11, "red_d")
    _fin(s)
    st = new()
    for x in (4, 8, 12):
        put(st, x, 2, "cream"); put(st, x + 1, 1, "cream"); put(st, x, 0, "cream")
    s.blit(st, (0, 0))
    return s


def icon_clean():
    s = new()
    rect(s, 2, 8, 10, 6, "yellow")
    rect(s, 2, 8, 10, 2, "grass")
    hline(s, 2, 11, 8, "grass_l"); hline(s, 2, 11, 13, "sand_d"); vline(s, 11, 10, 13, "sand_d")
    put(s, 5, 11, "sand_d"); put(s, 8, 12, "sand_d")
    _fin(s)
    b = new()
    for cx, cy, r in ((12, 5, 2.6), (7, 3.5, 1.8), (14, 10, 1.5)):
        disc(b, cx, cy, r, "water_l")
        put(b, int(cx - r / 2), int(cy - r / 2), "foam")
    _fin(b, "water")
    s.blit(b, (0, 0))
    return s


def icon_plant():
    s = new()
    _leafy = [(5, 6, 3.2), (11, 5, 3.2), (8, 3.5, 3)]
    for cx, cy, r in _leafy:
        disc(s, cx, cy, r, "leaf_d")
        disc(s, cx - .7, cy - .7, r - 1, "grass")
        put(s, int(cx - 1), int(cy - 1), "grass_l")
    vline(s, 8, 6, 9, "leaf_d")
    rect(s, 4, 9, 8, 6, "orange")
    rect(s, 3, 9, 10, 2, "red")
    hline(s, 3, 12, 9, "orange")
    vline(s, 4, 11, 14, "yellow"); vline(s, 11, 11, 14, "red")
    return _fin(s)


def icon_game():
    return _fin(_ascii([
        "................",
        "................",
        "................",
        "...uuuuuuuuuu...",
        "..uppppppppppu..",
        ".upppppppppppUu.",
        ".uppwppppprpppu.",
        ".upwwwpppyprppu.",
        ".uppwpppppypppu.",
        ".upppppppppppUu.",
        ".upppUuuuuUpppu.",
        ".uppU......UppU.",
        "..uu........uu..",
        "................",
        "................",
        "................",
    ]))


def icon_film():
    return _film()


def _film():
    s = new()
    rect(s, 2, 6, 12, 8, "grey_d")
    rect(s, 3, 7, 10, 6, "plum")
    hline(s, 2, 13, 6, "grey")
    # clapper
    _poly(s, [(2, 2), (13, 0), (14, 3), (2, 5)], cv.col("cream"))
    for x0 in (4, 8, 12):
        _poly(s, [(x0, 1), (x0 + 2, 1), (x0, 4), (x0 - 2, 4)], cv.col("outline"))
    put(s, 5, 9, "yellow"); hline(s, 5, 10, 10, "grey_l"); hline(s, 5, 8, 11, "grey")
    return _fin(s)


def icon_photo():
    s = new()
    _rrect(s, 1, 4, 14, 10, "grey_d")
    rect(s, 1, 6, 14, 6, "grey")
    rect(s, 4, 2, 4, 2, "grey_d")
    put(s, 12, 5, "red")
    disc(s, 8, 9, 3.6, "outline")
    disc(s, 8, 9, 2.6, "blue")
    disc(s, 7.5, 8.5, 1.4, "water_l")
    put(s, 7, 8, "foam")
    hline(s, 2, 13, 4, "grey")
    return _fin(s)


def icon_swim():
    s = new()
    for i, y in enumerate((9, 12)):
        for x in range(0, 16):
            yy = y + (0 if (x // 2) % 2 == 0 else 1)
            put(s, x, yy, "water" if i else "water_l")
            put(s, x, yy + 1, "water_d" if i else "water")
    disc(s, 8, 6, 3.5, "skin_tan")
    rect(s, 4, 3, 8, 2, "red")
    hline(s, 5, 10, 2, "red")
    rect(s, 5, 5, 2, 2, "water_l"); rect(s, 9, 5, 2, 2, "water_l")
    hline(s, 7, 8, 5, "outline")
    s2 = new()
    line(s2, 12, 8, 14, 4, "skin_tan"); put(s2, 14, 3, "skin_peach")
    _fin(s2)
    _fin(s)
    s.blit(s2, (0, 0))
    return s


def icon_dance():
    s = new()
    vline(s, 8, 0, 2, "grey")
    disc(s, 8, 8.5, 5.5, "grey")
    for y in range(3, 15):
        for x in range(2, 15):
            if s.get_at((x, y))[3] and (x + y) % 2 == 0:
                put(s, x, y, "grey_l")
            if s.get_at((x, y))[3] and (x % 3 == 0 or y % 3 == 0):
                put(s, x, y, "purple" if x > 8 else "grey")
    rect(s, 5, 5, 2, 2, "cream"); put(s, 9, 9, "water_l"); put(s, 6, 11, "pink")
    _fin(s)
    for x, y, c in ((1, 3, "yellow"), (14, 4, "pink"), (13, 13, "water_l")):
        put(s, x, y, c); put(s, x - 1, y, c); put(s, x + 1, y, c); put(s, x, y - 1, c); put(s, x, y + 1, c)
    return s


def icon_sleep():
    s = new()
    disc(s, 7, 9, 6, "yellow")
    disc(s, 10, 7, 5, (0, 0, 0, 0))
    disc(s, 5, 11, 1.5, "sand_d")
    put(s, 3, 8, "yellow_l"); put(s, 3, 9, "yellow_l")
    _fin(s)
    z = _ascii([
        ".........wwww...",
        "...........w....",
        "..........w.....",
        ".........wwww...",
        "..............ww",
        ".............w..",
        ".............ww.",
    ], None)
    _fin(z, "navy")
    s.blit(z, (0, 0))
    return s


def icon_sun():
    s = new()
    for a in range(8):
        ang = a * math.pi / 4
        x, y = 8 + 6.5 * math.cos(ang), 8 + 6.5 * math.sin(ang)
        rect(s, int(x) - 1 + (1 if x > 8 else 0), int(y) - 1 + (1 if y > 8 else 0), 2, 2, "orange")
    disc(s, 8, 8, 4.6, "orange")
    disc(s, 7.6, 7.6, 3.8, "yellow")
    disc(s, 6.8, 6.8, 1.8, "yellow_l")
    return _fin(s)


def icon_heart():
    return _heart()


def _heart(c1="red", c2="red_d", c3="pink"):
    s = _ascii([
        "................",
        "................",
        "...111....111...",
        "..13311..11112..",
        ".1331111111112..",
        ".13111111111112.",
        ".11111111111112.",
        ".11111111111122.",
        "..111111111122..",
        "...1111111122...",
        "....11111122....",
        ".....111122.....",
        "......1122......",
        ".......22.......",
        "................",
        "................",
    ], {"1": c1, "2": c2, "3": c3})
    return _fin(s)


def icon_star():
    s = new()
    pts = []
    for i in range(10):
        ang = -math.pi / 2 + i * math.pi / 5
        r = 7.4 if i % 2 == 0 else 3.2
        pts.append((8 + r * math.cos(ang), 8.6 + r * math.sin(ang)))
    _poly(s, pts, cv.col("yellow"))
    for y in range(16):
        for x in range(16):
            if s.get_at((x, y))[3] and (x > 8 or y > 10):
                put(s, x, y, "orange")
    put(s, 7, 5, "yellow_l"); put(s, 7, 6, "yellow_l"); put(s, 6, 7, "yellow_l"); put(s, 4, 7, "yellow_l")
    return _fin(s)


def icon_help():
    """Lifebuoy: the always-visible help button."""
    s = new()
    for y in range(16):
        for x in range(16):
            d = math.hypot(x + .5 - 8, y + .5 - 8)
            if 3.2 <= d <= 7.2:
                ang = math.atan2(y + .5 - 8, x + .5 - 8)
                seg = int(((ang + math.pi / 4) % (2 * math.pi)) / (math.pi / 2))
                c = "red" if seg % 2 == 0 else "cream"
                if d > 6.2 and (x + y) > 15:
                    c = "red_d" if c == "red" else "grey_l"
                put(s, x, y, c)
    put(s, 4, 4, "cream"); put(s, 5, 3, "foam")
    return _fin(s)


def _head(s, cx, cy, skin, hair, r=2.6):
    disc(s, cx, cy, r, skin)
    for y in range(16):
        for x in range(16):
            if (x + .5 - cx) ** 2 + (y + .5 - cy) ** 2 <= r * r and y + .5 < cy - .4:
                put(s, x, y, hair)
    put(s, int(cx - 1), int(cy + .5), "outline"); put(s, int(cx + .8), int(cy + .5), "outline")


def _person(s, cx, top, skin, hair, shirt, w=5, r=2.6):
    rect(s, int(cx - w / 2 + .5), top + 5, w, 16 - top - 5, shirt)
    _head(s, cx, top + 2.5, skin, hair, r)


def icon_family():
    s = new()
    _person(s, 4, 3, "skin_peach", "wood_d", "teal")
    _person(s, 12, 3, "wood_l", "plum", "orange")
    _fin(s)
    k = new()
    _person(k, 8, 7, "skin_tan", "wood", "yellow", w=4, r=2.2)
    _fin(k)
    s.blit(k, (0, 0))
    return s


def icon_friends():
    s = new()
    _person(s, 5, 4, "wood", "outline", "purple")
    _fin(s)
    t = new()
    _person(t, 11, 4, "skin_light", "orange", "grass")
    _fin(t)
    s.blit(t, (0, 0))
    h = _heart()
    s.blit(pygame.transform.scale(h, (8, 8)), (4, -1))
    return s


def icon_write():
    s = new()
    rect(s, 1, 3, 11, 12, "cream")
    hline(s, 1, 11, 14, "grey_l"); vline(s, 11, 3, 14, "grey_l")
    for y in (6, 8, 10, 12):
        hline(s, 3, 8 if y != 12 else 6, y, "blue")
    _fin(s)
    p = new()
    line(p, 8, 12, 14, 2, "purple"); line(p, 9, 12, 15, 2, "plum")
    put(p, 8, 13, "cream"); put(p, 7, 14, "outline"); put(p, 14, 1, "grey_l")
    _fin(p)
    s.blit(p, (0, 0))
    return s


def icon_puzzle():
    s = new()
    rect(s, 3, 5, 9, 9, "grass")
    disc(s, 7.5, 4, 2.2, "grass")
    disc(s, 12.5, 9.5, 2.2, "grass")
    disc(s, 3, 9.5, 1.8, (0, 0, 0, 0))
    for y in range(16):
        for x in range(16):
            if s.get_at((x, y))[3] and (x >= 11 or y >= 12):
                put(s, x, y, "leaf_d")
    hline(s, 4, 10, 5, "grass_l"); put(s, 7, 2, "lime"); put(s, 6, 3, "grass_l")
    vline(s, 4, 5, 7, "grass_l")
    return _fin(s)


def icon_tidy():
    s = new()
    rect(s, 2, 7, 12, 8, "wood_l")
    rect(s, 2, 7, 12, 1, "skin_tan")
    vline(s, 13, 8, 14, "wood"); hline(s, 2, 13, 14, "wood")
    rect(s, 6, 9, 4, 2, "wood")
    # folded clothes on top
    rect(s, 3, 4, 10, 3, "teal"); hline(s, 3, 12, 4, "water_l")
    rect(s, 4, 2, 8, 2, "pink"); hline(s, 4, 11, 2, "skin_light")
    _fin(s)
    for x, y in ((1, 1), (14, 3)):
        put(s, x, y, "yellow"); put(s, x - 1, y, "yellow_l"); put(s, x + 1, y, "yellow_l")
        put(s, x, y - 1, "yellow_l"); put(s, x, y + 1, "yellow_l")
    return s


def icon_water():
    s = new()
    for y in range(16):
        for x in range(16):
            t = (y - 2) / 12.0
            if 0 <= t <= 1:
                if t < 0.5:
                    w = 1 + t * 9
                else:
                    w = 5.5 * math.sqrt(max(0.0, 1 - ((t - 0.6) / 0.42) ** 2))
                if abs(x + .5 - 8) <= w:
                    put(s, x, y, "water")
    for y in range(16):
        for x in range(16):
            if s.get_at((x, y))[3] and (x > 9 or y > 12):
                put(s, x, y, "water_d")
    put(s, 6, 8, "foam"); put(s, 5, 9, "foam"); put(s, 5, 10, "water_l"); put(s, 7, 6, "water_l")
    return _fin(s)


# --------------------------------------------------------------------------
# UI icons
# --------------------------------------------------------------------------

def icon_check():
    s = new()
    pts = [(1, 8), (4, 5), (7, 8), (13, 2), (15, 5), (7, 13)]
    _poly(s, pts, cv.col("grass"))
    line(s, 2, 8, 4, 6, "grass_l"); line(s, 7, 9, 13, 3, "grass_l")
    return _fin(s)


def icon_cross():
    s = new()
    for d in (-1, 0, 1):
        line(s, 3 + d, 3, 12 + d, 12, "red")
        line(s, 12 + d, 3, 3 + d, 12, "red")
    line(s, 3, 3, 8, 8, "orange"); line(s, 12, 2, 12, 2, "orange")
    return _fin(s)


def icon_lock():
    s = new()
    for y in range(1, 9):
        for x in range(3, 13):
            d = math.hypot(x + .5 - 8, y + .5 - 7)
            if 3 <= d <= 4.8 and y <= 8:
                put(s, x, y, "grey_l")
    rect(s, 2, 7, 12, 8, "yellow")
    hline(s, 2, 13, 7, "yellow_l"); vline(s, 13, 8, 14, "orange"); hline(s, 2, 13, 14, "orange")
    rect(s, 7, 9, 2, 2, "wood_d"); vline(s, 7, 11, 12, "wood_d")
    return _fin(s)


MOOD_COLOURS = ["navy", "blue", "blue", "teal", "teal", "grass", "grass_l", "lime", "yellow", "yellow", "orange"]


def icon_mood(level: int):
    """Face for a 0..10 mood rating: cool and low on the left, warm and bright on the right."""
    level = max(0, min(10, int(level)))
    base = MOOD_COLOURS[level]
    light = {"navy": "blue", "blue": "water_l", "teal": "water_l", "grass": "grass_l",
             "grass_l": "lime", "lime": "yellow_l", "yellow": "yellow_l", "orange": "yellow"}[base]
    s = new()
    disc(s, 8, 8, 7, base)
    disc(s, 7.3, 7.3, 5.6, light if level >= 5 else base)
    disc(s, 5, 4.5, 1.4, light if level < 5 else "cream")
    # eyes
    ey = 6
    for ex in (5, 10):
        if level >= 9:       # happy closed arcs
            put(s, ex - 1, ey + 1, "outline"); put(s, ex, ey, "outline"); put(s, ex + 1, ey + 1, "outline")
        else:
            rect(s, ex, ey, 1, 2, "outline")
    if level <= 2:  # worried brows
        put(s, 4, 4, "outline"); put(s, 6, 4, "outline"); put(s, 9, 4, "outline")
    # mouth: curvature from -1 (frown) to +1 (smile)
    curve = (level - 5) / 5.0
    for x in range(5, 11):
        t = (x - 7.5) / 2.5
        y = 10 + round(curve * 1.6 * (1 - t * t))
        put(s, x, int(y), "outline")
    if level >= 8:
        hline(s, 6, 9, 12, "red")
        put(s, 3, 9, "pink"); put(s, 12, 9, "pink")
    if level <= 1:  # a small tear
        put(s, 4, 9, "water_l"); put(s, 4, 10, "foam")
    return _fin(s)


TRAPS = {
    # key: (body colour, shade, light, game name)
    "mind_reading": ("purple", "plum", "pink"),
    "fortune_telling": ("blue", "navy", "water_l"),
    "catastrophising": ("red", "red_d", "orange"),
    "overgeneralising": ("teal", "leaf_dd", "water_l"),
    "all_or_nothing": ("grey_l", "grey_d", "cream"),
    "labelling": ("orange", "wood", "yellow"),
}


def icon_trap(trap: str, frame: int = 0):
    """A small storm-cloud 'thought creature', tinted and accessorised per trap."""
    body, shade, light = TRAPS[trap]
    s = new()
    bob = (0, -1)[frame % 2]
    blobs = [(5, 8.5, 3.6), (9, 6.5, 4.2), (12, 9, 3.0), (8, 10, 4.0)]
    for cx, cy, r in blobs:
        disc(s, cx, cy + bob, r, shade)
    for cx, cy, r in blobs:
        disc(s, cx - .6, cy - .8 + bob, r - 1, body)
    disc(s, 7.5, 5 + bob, 1.6, light)
    put(s, 4, 7 + bob, light)
    if trap == "all_or_nothing":   # half dark, half light
        for y in range(16):
            for x in range(8, 16):
                c = s.get_at((x, y))
                if c[3]:
                    put(s, x, y, "grey_d" if c[:3] != PAL["grey_d"] else "plum")
    # eyes (worried little eyes with a white glint)
    for ex in (6, 10):
        rect(s, ex, 8 + bob, 2, 2, "outline")
        put(s, ex, 8 + bob, "cream")
    hline(s, 7, 9, 12 + bob, "outline")
    put(s, 6, 11 + bob, "outline") if trap in ("catastrophising", "labelling") else None
    put(s, 10, 11 + bob, "outline") if trap in ("catastrophising", "labelling") else None
    # feet drips / rain
    _fin(s)
    if trap == "mind_reading":       # antenna reading others' thoughts
        vline(s, 9, 0, 2, "plum"); put(s, 9, 0, "pink"); put(s, 8, 0, "pink"); put(s, 10, 0, "pink")
    elif trap == "fortune_telling":  # crystal-ball sparkle
        disc(s, 13.5, 2.5, 2, "water_l"); put(s, 13, 2, "foam"); put(s, 12, 4, "navy"); put(s, 15, 4, "navy")
    elif trap == "catastrophising":  # lightning bolt
        for x, y in ((13, 11), (12, 12), (13, 12), (14, 12), (13, 13), (12, 14)):
            put(s, x, y + 1, "yellow")
    elif trap == "overgeneralising":  # echo rings
        for y in range(4, 12):
            put(s, 15, y, "water_l") if y % 2 == 0 else None
        for y in range(6, 10):
            put(s, 0, y, "water_l") if y % 2 == 0 else None
    elif trap == "labelling":       # name tag
        rect(s, 1, 12, 5, 3, "cream"); hline(s, 2, 4, 13, "red"); cv.outline(s, "outline")
    elif trap == "all_or_nothing":  # goggles glint
        put(s, 3, 3, "cream"); put(s, 13, 3, "outline")
    # rain drops below for every creature (storm cloud)
    for x, y in ((4, 14), (8, 15), (11, 14)):
        if not s.get_at((x, y))[3]:
            put(s, x, y, "water_l")
    return s


ACTIVITY_KEYS = [
    "walk", "dog", "phone", "chat", "homework", "book", "music", "guitar", "draw", "ball",
    "bike", "cook", "clean", "plant", "game", "film", "photo", "run", "swim", "dance",
    "sleep", "sun", "heart", "star", "help", "family", "friends", "write", "puzzle", "tidy",
    "water",
]
UI_KEYS = ["check", "cross", "lock"]
MOOD_KEYS = [f"mood_{i}" for i in range(11)]
TRAP_KEYS = [f"trap_{t}" for t in TRAPS]
ICON_KEYS = ACTIVITY_KEYS + UI_KEYS + MOOD_KEYS + TRAP_KEYS


def make_icon_art(key: str) -> pygame.Surface:
    """16x16 art-pixel version of an icon."""
    if key.startswith("mood_"):
        return icon_mood(int(key[5:]))
    if key.startswith("trap_"):
        return icon_trap(key[5:])
    fn = globals().get(f"icon_{key}")
    if fn is None:
        raise KeyError(f"unknown icon {key!r}")
    return fn()


def make_icon(key: str) -> pygame.Surface:
    """48x48 icon."""
    return cv.scale(make_icon_art(key))
