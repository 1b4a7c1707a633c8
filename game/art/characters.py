"""Character sprite sheets (4 rows x 4 columns of 48x48 frames).

Rows: down, left, right, up.  Columns: stand, step-A, stand, step-B.
Characters are composed on a 16x16 character grid from ASCII templates
(body per direction/frame, head per direction, hair per style/direction),
then reshaped for the body type, coloured from the palette, outlined and
scaled 3x.  Left-facing frames are mirrored right-facing ones.
"""

from __future__ import annotations


import pygame

from . import canvas as cv
from .palette import PALETTE as PAL, RAMPS

FRAME = cv.TILE  # 48
DIRECTIONS = ("down", "left", "right", "up")
FRAMES = ("stand", "step_a", "stand", "step_b")

# --------------------------------------------------------------------------
# public option lists
# --------------------------------------------------------------------------

BODIES = ["slim", "broad", "short", "round"]  # append only: avatar events log indices

# name -> (base, shade, blush)
SKIN_TONES: dict[str, tuple[str, str, str]] = {
    "fair": ("skin_light", "skin_peach", "pink"),
    "peach": ("skin_peach", "skin_tan", "pink"),
    "golden": ("sand_d", "skin_tan", "orange"),
    "tan": ("skin_tan", "wood_l", "red"),
    "brown": ("wood_l", "wood", "red"),
    "deep": ("wood", "wood_d", "red_d"),
}

HAIR_STYLES = ["short", "long", "curly", "bun", "buzz", "ponytail", "headscarf"]

# name -> (light, base, shade)
HAIR_COLOURS: dict[str, tuple[str, str, str]] = {
    "black": ("grey_d", "plum", "outline"),
    "dark_brown": ("wood", "wood_d", "wood_dd"),
    "brown": ("wood_l", "wood", "wood_d"),
    "auburn": ("orange", "red_d", "wood_dd"),
    "ginger": ("yellow", "orange", "red"),
    "blonde": ("yellow_l", "sand", "sand_d"),
    "grey": ("cream", "grey_l", "grey"),
    "blue": ("water_l", "blue", "navy"),
    "pink": ("skin_light", "pink", "purple"),
}

# clothing colour name -> palette ramp name (see palette.RAMPS)
CLOTHING_COLOURS: dict[str, str] = {
    "red": "red", "orange": "orange", "yellow": "yellow", "green": "green",
    "forest": "forest", "teal": "teal", "blue": "blue", "navy": "navy",
    "denim": "denim", "purple": "purple", "pink": "pink", "cream": "cream",
    "grey": "grey", "charcoal": "charcoal", "brown": "brown",
}

# --------------------------------------------------------------------------
# templates (right-facing for side views)
# --------------------------------------------------------------------------

HEAD = {
    "down": [
        "................",
        ".....ssssss.....",
        "....sssssssS....",
        "....sssssssS....",
        "....sssssssS....",
        "....ssessesS....",
        "....ssessesS....",
        "....sbssssbS....",
        ".....sSSSSS.....",
    ],
    "side": [
        "................",
        ".....ssssss.....",
        "....ssssssss....",
        "....ssssssss....",
        "....ssssssss....",
        "....sssssses....",
        "....ssssssesn...",
        "....ssSssbss....",
        ".....SSsssS.....",
    ],
    "up": [
        "................",
        ".....ssssss.....",
        "....sssssssS....",
        "....sssssssS....",
        "....sssssssS....",
        "....sssssssS....",
        "....sssssssS....",
        "....sssssssS....",
        ".....sSSSSS.....",
    ],
}

# rows 9..14 of the body, per view and frame
BODY = {
    ("down", "stand"): [
        "....tttttttT....",
        "....tTttttTT....",
        "....sTttttTS....",
        ".....ppppPP.....",
        ".....pP..pP.....",
        ".....ff..ff.....",
    ],
    ("down", "step_a"): [
        "....tttttttT....",
        "....tTttttTT....",
        "....sTttttTT....",
        ".....ppppPPS....",
        ".....pP..ff.....",
        ".....ff.........",
    ],
    ("down", "step_b"): [
        "....tttttttT....",
        "....tTttttTT....",
        "....tTttttTS....",
        "...s.ppppPP.....",
        ".....ff..pP.....",
        ".........ff.....",
    ],
    ("side", "stand"): [
        ".....tttttT.....",
        ".....ttTtTT.....",
        ".....tTsTTT.....",
        ".....ppppPP.....",
        "......pPp.......",
        "......ffff......",
    ],
    ("side", "step_a"): [
        ".....tttttT.....",
        ".....tttTtT.....",
        ".....ttTTsT.....",
        ".....ppppPP.....",
        "....pP...pP.....",
        "...ff.....ff....",
    ],
    ("side", "step_b"): [
        ".....tttttT.....",
        ".....tTttTT.....",
        "....sTTtTTT.....",
        ".....ppppPP.....",
        "....PP...pp.....",
        "...ff.....ff....",
    ],
    ("up", "stand"): [
        "....tttttttT....",
        "....tTttttTT....",
        "....sTttttTS....",
        ".....ppppPP.....",
        ".....pP..pP.....",
        ".....ff..ff.....",
    ],
    ("up", "step_a"): [
        "....tttttttT....",
        "....tTttttTT....",
        "....tTttttTS....",
        ".....ppppPP.....",
        ".....pP..ff.....",
        ".....ff.........",
    ],
    ("up", "step_b"): [
        "....tttttttT....",
        "....tTttttTT....",
        "....sTttttTT....",
        ".....ppppPP.....",
        ".....ff..pP.....",
        ".........ff.....",
    ],
}

# hair overlays: rows 0..10; 'x' clears the pixel below, '.' leaves it.
HAIR = {
    "short": {
        "down": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhh....",
            "...hLhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hh......hH...",
            "...x........x...",
        ],
        "side": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhhh...",
            "...hLhhhhhhhhh..",
            "...hhhhhhhhh.h..",
            "...hhhhs........",
            "...hhhhH........",
            "....hh..........",
        ],
        "up": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhh....",
            "...hLhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhHH...",
            "....hHhhhhHH....",
        ],
    },
    "long": {
        "down": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhh....",
            "...hLhhhhhhhH...",
            "...hhhhh.hhhH...",
            "...hh......hH...",
            "...hh......hH...",
            "...hh......hH...",
            "...hH......hH...",
            "...hH......HH...",
            "...HH......HH...",
        ],
        "side": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhhh...",
            "...hLhhhhhhhhh..",
            "...hhhhhhhhh.h..",
            "...hhhhs........",
            "...hhhhH........",
            "...hhhh.........",
            "...hhhh.........",
            "...hhHH.........",
            "...HHH..........",
        ],
        "up": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhh....",
            "...hLhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhHH...",
            "....HHhhhhHH....",
        ],
    },
    "curly": {
        "down": [
            "................",
            "....hhLhhhhh....",
            "...hLLhHhhhhH...",
            "..hLhHhhhhHhhH..",
            "..hhhhhHhhhhhH..",
            "..hHhh.hh.hhHH..",
            "..hhH......hHH..",
            "..hHh......HhH..",
            "...HH......HH...",
        ],
        "side": [
            "................",
            "....hhLhhhhh....",
            "...hLLhHhhhhh...",
            "..hLhHhhhhHhhh..",
            "..hhhhhHhhhhhh..",
            "..hHhhhhhh.hH...",
            "..hhHhhs........",
            "..hHhhhH........",
            "...HHHH.........",
        ],
        "up": [
            "................",
            "....hhLhhhhh....",
            "...hLLhHhhhhH...",
            "..hLhHhhhhHhhH..",
            "..hhhhhHhhhhhH..",
            "..hHhhhhhHhhHH..",
            "..hhHhhHhhhhHH..",
            "..hHhhhhhHhHhH..",
            "...HHhHHhHHHH...",
        ],
    },
    "bun": {
        "down": [
            "................",
            ".....xhLhhx.....",
            "....xhhhhhhx....",
            "....hLhhhhhH....",
            "...hLhhhhhhhH...",
            "...hhh....hhH...",
            "...h........H...",
        ],
        "side": [
            "................",
            ".....hhhhhh.....",
            "..hLhLLhhhhhh...",
            ".hLhhLhhhhhhhh..",
            ".hhhhhhhhhhh.h..",
            ".hhHhhhs........",
            "..HHhhhH........",
            "....hh..........",
        ],
        "up": [
            "................",
            ".....hLLhh......",
            "....hLhhhhH.....",
            "....hhLLhhHH....",
            "...hLhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhhH...",
            "....hhhhhhHH....",
        ],
    },
    "buzz": {
        "down": [
            "................",
            ".....hHhHhh.....",
            "....hhHhhhHh....",
            "....hLhHhhhH....",
            "....h.h.h.h.....",
        ],
        "side": [
            "................",
            ".....hhHhHh.....",
            "....hhHhhhHh....",
            "....hLhhHhhhh...",
            "....hhhHhh.h....",
            "....hhhs........",
            "....hhh.........",
        ],
        "up": [
            "................",
            ".....hHhHhh.....",
            "....hhHhhhHh....",
            "....hLhHhhhH....",
            "....hhhhHhhH....",
            "....hHhhhhHH....",
            "....hhhHhhhH....",
            ".....hHhHhH.....",
        ],
    },
    "ponytail": {
        "down": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhh....",
            "...hLhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hh......hH...",
            "...h.........hH.",
            "..............H.",
        ],
        "side": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhhh...",
            "..hhLhhhhhhhhh..",
            ".hLhhhhhhhhh.h..",
            ".hh.hhhs........",
            ".hH.hhhH........",
            ".HH..hh.........",
            "..H.............",
        ],
        "up": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhh....",
            "...hLhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhLLhhhH...",
            "...hhhhhHhhHH...",
            "....hHhhhhHH....",
            ".......hH.......",
            ".......HH.......",
        ],
    },
    "headscarf": {
        "down": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhh....",
            "...hLhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hh......hH...",
            "...hh......hH...",
            "...hh......hH...",
            "...hhh....hHH...",
            "...hhhhhhhhHH...",
            "....hhhhhhHH....",
        ],
        "side": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhhh...",
            "...hLhhhhhhhhh..",
            "...hhhhhhhhh.h..",
            "...hhhhhh.......",
            "...hhhhhh.......",
            "...hhhhhh.......",
            "...hhhhhhh......",
            "...hhhhhhhH.....",
            "....hhhhHH......",
        ],
        "up": [
            "................",
            ".....hhhhhh.....",
            "....hLLhhhhh....",
            "...hLhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhhH...",
            "...hhhhhhhhHH...",
            "....hhhhhhHH....",
        ],
    },
}


def _grid(rows):
    g = [["."] * 16 for _ in range(16)]
    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            if ch != ".":
                g[y][x] = ch
    return g


def _overlay(g, rows, oy=0):
    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            if ch == ".":
                continue
            yy = y + oy
            if 0 <= yy < 16:
                g[yy][x] = "." if ch == "x" else ch


def compose_grid(view: str, frame: str, hair_style: str, body: str) -> list[list[str]]:
    g = _grid([])
    _overlay(g, BODY[(view, frame)], 9)
    _overlay(g, HEAD[view], 0)
    _overlay(g, HAIR[hair_style][view], 0)
    if body in ("broad", "round"):
        for y in range(9, 16):
            row = g[y]
            if view == "side":
                g[y] = row[0:8] + [row[7]] + row[8:15]
            else:
                g[y] = row[1:8] + [row[7], row[8]] + row[8:15]
    if body in ("short", "round"):
        g = [["."] * 16, ["."] * 16] + [r for i, r in enumerate(g) if i not in (10, 12)]
    if frame != "stand":  # bob: lift the upper body one art pixel
        cut = 12 if body != "short" else 12
        g = g[1:cut + 1] + [list(g[cut])] + g[cut + 1:]
    return g


def _colour_map(skin, hair_colour, top, bottom):
    sb, ss, blush = SKIN_TONES[skin]
    if hair_colour in HAIR_COLOURS:
        hl, hb, hs = HAIR_COLOURS[hair_colour]
    else:
        hl, hb, hs = RAMPS[CLOTHING_COLOURS[hair_colour]]
    tl, tb, ts = RAMPS[CLOTHING_COLOURS[top]]
    bl, bb, bs = RAMPS[CLOTHING_COLOURS[bottom]]
    eye = "outline"
    return {
        "s": PAL[sb], "S": PAL[ss], "b": PAL[blush], "n": PAL[sb],
        "e": PAL[eye],
        "h": PAL[hb], "H": PAL[hs], "L": PAL[hl],
        "t": PAL[tb], "T": PAL[ts], "l": PAL[tl],
        "p": PAL[bb], "P": PAL[bs],
        "f": PAL["plum"] if bottom not in ("navy", "charcoal") else PAL["wood_dd"],
    }


def _render_grid(g, cmap) -> pygame.Surface:
    s = cv.new()
    for y in range(16):
        for x in range(16):
            ch = g[y][x]
            if ch != ".":
                s.set_at((x, y), cmap[ch])
    cv.outline(s, "outline")
    out = cv.new()
    # ground shadow under the feet, then the figure
    cv.shadow(out, 8, 14.8, 5.5, 1.6, alpha=70)
    out.blit(s, (0, 0))
    return out


def make_frame(view, frame, body, skin, hair_style, hair_colour, top_colour, bottom_colour) -> pygame.Surface:
    g = compose_grid(view, frame, hair_style, body)
    return _render_grid(g, _colour_map(skin, hair_colour, top_colour, bottom_colour))


def _sheet(frame_fn) -> pygame.Surface:
    """frame_fn(direction, column_index) -> 16x16 art surface."""
    sheet = pygame.Surface((FRAME * 4, FRAME * 4), pygame.SRCALPHA, 32)
    sheet.fill((0, 0, 0, 0))
    for r, d in enumerate(DIRECTIONS):
        for c in range(4):
            sheet.blit(cv.scale(frame_fn(d, c)), (c * FRAME, r * FRAME))
    return sheet


def make_character_sheet(body: str = "slim", skin: str = "peach", hair_style: str = "short",
                         hair_colour: str = "brown", top_colour: str = "teal",
                         bottom_colour: str = "denim") -> pygame.Surface:
    """A 192x192 sheet: rows down/left/right/up, columns stand/step-A/stand/step-B."""
    for value, options, label in ((body, BODIES, "body"), (skin, SKIN_TONES, "skin"),
                                  (hair_style, HAIR_STYLES, "hair_style")):
        if value not in options:
            raise ValueError(f"unknown {label} {value!r}; choose from {list(options)}")
    if hair_colour not in HAIR_COLOURS and hair_colour not in CLOTHING_COLOURS:
        raise ValueError(f"unknown hair_colour {hair_colour!r}")
    for value in (top_colour, bottom_colour):
        if value not in CLOTHING_COLOURS:
            raise ValueError(f"unknown clothing colour {value!r}; choose from {list(CLOTHING_COLOURS)}")

    def fn(direction, col):
        frame = FRAMES[col]
        view = {"down": "down", "up": "up", "left": "side", "right": "side"}[direction]
        s = make_frame(view, frame, body, skin, hair_style, hair_colour, top_colour, bottom_colour)
        return cv.flip_x(s) if direction == "left" else s

    return _sheet(fn)


# --------------------------------------------------------------------------
# Glim, the guide: a small glowing lantern-firefly spirit
# --------------------------------------------------------------------------

def _glim_frame(direction: str, col: int) -> pygame.Surface:
    bob = (0, -1, 0, 1)[col]
    flap = col % 2 == 1
    s = cv.new()
    # soft glow halo (drawn first, translucent)
    for r, a in ((7.6, 30), (6.4, 45), (5.2, 70)):
        for y in range(16):
            for x in range(16):
                if (x + .5 - 8) ** 2 + (y + .5 - 8 - bob) ** 2 <= r * r and s.get_at((x, y))[3] < a:
                    s.set_at((x, y), (*PAL["yellow_l"], a))
    body = cv.new()
    cy = 8 + bob
    # wings (behind body)
    wing = "foam"
    if direction in ("down", "up"):
        wy = cy - (3 if flap else 2)
        cv.ellipse(body, 3.5, wy, 2.2, 1.8 if flap else 2.4, wing)
        cv.ellipse(body, 12.5, wy, 2.2, 1.8 if flap else 2.4, wing)
    else:
        wy = cy - (3 if flap else 2)
        cv.ellipse(body, 5, wy - 1, 2.6, 1.8 if flap else 2.4, wing)
    # round body
    cv.disc(body, 8, cy, 4.6, "orange")
    cv.disc(body, 7.6, cy - .4, 4.0, "yellow")
    cv.disc(body, 7.0, cy - 1.0, 2.4, "yellow_l")
    cv.put(body, 6, cy - 3, "cream")
    # antennae with glowing tips
    if direction != "up":
        ax = 0 if direction == "down" else (1 if direction == "right" else -1)
    else:
        ax = 0
    cv.put(body, 6 + ax, cy - 5, "orange"); cv.put(body, 5 + ax, cy - 6, "yellow_l")
    cv.put(body, 10 + ax, cy - 5, "orange"); cv.put(body, 11 + ax, cy - 6, "yellow_l")
    # face
    if direction == "down":
        for ex in (6, 9):
            cv.put(body, ex, cy, "outline"); cv.put(body, ex, cy + 1, "outline")
        cv.put(body, 5, cy + 2, "pink"); cv.put(body, 10, cy + 2, "pink")
        cv.put(body, 7, cy + 2, "wood_d"); cv.put(body, 8, cy + 2, "wood_d")
    elif direction in ("left", "right"):
        ex = 10 if direction == "right" else 5
        cv.put(body, ex, cy, "outline"); cv.put(body, ex, cy + 1, "outline")
        cv.put(body, ex + (1 if direction == "right" else -1) * 0, cy + 2, "pink")
    else:  # up: a little tail light
        cv.put(body, 8, cy + 3, "yellow_l"); cv.put(body, 7, cy + 3, "cream")
    cv.outline(body, "wood_d")
    if direction == "left":
        # wings were drawn for right-facing; mirror the whole creature instead
        pass
    s.blit(body, (0, 0))
    # tiny sparkles
    sp = [(2, 3), (13, 12), (3, 13), (13, 2)][col]
    cv.put(s, sp[0], sp[1] + bob, "yellow_l")
    # shadow far below (it floats)
    sh = cv.new()
    cv.shadow(sh, 8, 15, 3.0 - 0.5 * bob, 0.9, alpha=55)
    sh.blit(s, (0, 0))
    return sh


def make_guide_sheet() -> pygame.Surface:
    def fn(direction, col):
        if direction == "left":
            return cv.flip_x(_glim_frame("right", col))
        return _glim_frame(direction, col)
    return _sheet(fn)


# NPC presets used by tools/make_art.py (name -> kwargs)
PRESETS: dict[str, dict] = {
    "player_default": dict(body="slim", skin="peach", hair_style="short", hair_colour="brown",
                           top_colour="teal", bottom_colour="denim"),
    "npc_maya": dict(body="slim", skin="tan", hair_style="long", hair_colour="black",
                     top_colour="orange", bottom_colour="navy"),
    "npc_sam": dict(body="broad", skin="fair", hair_style="short", hair_colour="ginger",
                    top_colour="green", bottom_colour="brown"),
    "npc_amir": dict(body="slim", skin="golden", hair_style="curly", hair_colour="black",
                     top_colour="blue", bottom_colour="charcoal"),
    "npc_lena": dict(body="short", skin="fair", hair_style="ponytail", hair_colour="blonde",
                     top_colour="pink", bottom_colour="denim"),
    "npc_jayden": dict(body="broad", skin="deep", hair_style="buzz", hair_colour="black",
                       top_colour="red", bottom_colour="denim"),
    "npc_priya": dict(body="slim", skin="brown", hair_style="bun", hair_colour="dark_brown",
                      top_colour="purple", bottom_colour="cream"),
    "npc_tomas": dict(body="short", skin="peach", hair_style="short", hair_colour="dark_brown",
                      top_colour="yellow", bottom_colour="forest"),
    "npc_zoe": dict(body="slim", skin="deep", hair_style="curly", hair_colour="dark_brown",
                    top_colour="teal", bottom_colour="purple"),
    "npc_kofi": dict(body="broad", skin="brown", hair_style="short", hair_colour="black",
                     top_colour="cream", bottom_colour="navy"),
    "npc_mei": dict(body="short", skin="fair", hair_style="bun", hair_colour="black",
                    top_colour="red", bottom_colour="grey"),
    "npc_nadia": dict(body="slim", skin="tan", hair_style="headscarf", hair_colour="teal",
                      top_colour="cream", bottom_colour="navy"),
    "npc_leo": dict(body="broad", skin="golden", hair_style="long", hair_colour="auburn",
                    top_colour="grey", bottom_colour="brown"),
}


# --------------------------------------------------------------------------
# the player's avatar (chosen in game.scenes.avatar, saved in profile["avatar"])
# --------------------------------------------------------------------------

# The options the avatar screen offers, in order. Events log indices into these lists, so
# only ever append to them.
AVATAR_OPTIONS: dict[str, list[str]] = {
    "body": list(BODIES),
    "skin": list(SKIN_TONES),
    "hair_style": list(HAIR_STYLES),
    "hair_colour": list(HAIR_COLOURS),
    "top_colour": list(CLOTHING_COLOURS),
    "bottom_colour": list(CLOTHING_COLOURS),
}
AVATAR_DEFAULT: dict[str, str] = dict(PRESETS["player_default"])


def avatar_look(avatar: dict | None) -> dict[str, str]:
    """The ``make_character_sheet`` arguments for a saved avatar; unknown or missing values (an old
    or damaged save) fall back to the default look, so a save can never break the world."""
    look = dict(AVATAR_DEFAULT)
    for key, options in AVATAR_OPTIONS.items():
        value = (avatar or {}).get(key)
        if isinstance(value, str) and value in options:
            look[key] = value
    return look


_AVATAR_SHEETS: dict[tuple, pygame.Surface] = {}


def avatar_sheet(avatar: dict | None) -> pygame.Surface:
    """The player's 4x4 walk sheet, built in memory (~5 ms) once per look and cached."""
    look = avatar_look(avatar)
    key = tuple(look[k] for k in AVATAR_OPTIONS)
    sheet = _AVATAR_SHEETS.get(key)
    if sheet is None:
        sheet = make_character_sheet(**look)
        if pygame.display.get_surface() is not None:
            sheet = sheet.convert_alpha()
        if len(_AVATAR_SHEETS) >= 32:   # the avatar screen previews many looks
            _AVATAR_SHEETS.clear()
        _AVATAR_SHEETS[key] = sheet
    return sheet
