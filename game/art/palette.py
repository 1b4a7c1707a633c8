"""Glimmer's single limited palette (34 named colours).

Every pixel the art generators draw comes from here (plus alpha for soft
shadows and glows).  Light always comes from the top-left, so each material
has a light / base / shade ramp taken from these entries.
"""

from __future__ import annotations

RGB = tuple[int, int, int]

PALETTE: dict[str, RGB] = {
    # darks and neutrals
    "outline": (36, 26, 42),
    "plum": (70, 48, 74),
    "grey_d": (96, 88, 104),
    "grey": (140, 134, 142),
    "grey_l": (190, 182, 178),
    "cream": (246, 238, 214),
    # wood / earth ramp (also the deeper skin tones)
    "wood_dd": (64, 38, 36),
    "wood_d": (98, 58, 44),
    "wood": (140, 86, 56),
    "wood_l": (184, 122, 76),
    "skin_tan": (214, 156, 108),
    "skin_peach": (240, 194, 150),
    "skin_light": (252, 222, 192),
    "sand_d": (210, 170, 110),
    "sand": (236, 206, 144),
    # greens
    "leaf_dd": (30, 72, 62),
    "leaf_d": (46, 108, 70),
    "grass": (90, 156, 76),
    "grass_l": (146, 196, 88),
    "lime": (206, 224, 120),
    # water and blues
    "water_d": (38, 84, 136),
    "water": (58, 132, 182),
    "water_l": (110, 188, 216),
    "foam": (206, 238, 236),
    "navy": (52, 56, 110),
    "blue": (84, 122, 196),
    "teal": (56, 158, 146),
    # warm accents
    "purple": (128, 86, 158),
    "pink": (236, 140, 160),
    "red_d": (150, 44, 60),
    "red": (212, 78, 72),
    "orange": (236, 138, 66),
    "yellow": (250, 204, 86),
    "yellow_l": (255, 238, 164),
}

# Globals so callers can write ``P["grass"]`` or ``palette.GRASS``.
P = PALETTE
globals().update({k.upper(): v for k, v in PALETTE.items()})

# light -> base -> shade for clothing colours (base name -> (light, shade))
RAMPS: dict[str, tuple[str, str, str]] = {
    "red": ("orange", "red", "red_d"),
    "orange": ("yellow", "orange", "red"),
    "yellow": ("yellow_l", "yellow", "sand_d"),
    "green": ("grass_l", "grass", "leaf_d"),
    "forest": ("grass", "leaf_d", "leaf_dd"),
    "teal": ("water_l", "teal", "leaf_d"),
    "blue": ("water_l", "blue", "navy"),
    "navy": ("blue", "navy", "outline"),
    "purple": ("pink", "purple", "plum"),
    "pink": ("skin_peach", "pink", "purple"),
    "cream": ("cream", "cream", "grey_l"),
    "grey": ("grey_l", "grey", "grey_d"),
    "charcoal": ("grey", "grey_d", "plum"),
    "brown": ("wood_l", "wood", "wood_d"),
    "denim": ("blue", "water_d", "navy"),
}


def ramp(name: str) -> tuple[RGB, RGB, RGB]:
    """(light, base, shade) colours of a named ramp."""
    a, b, c = RAMPS[name]
    return PALETTE[a], PALETTE[b], PALETTE[c]


def with_alpha(colour: RGB, alpha: int) -> tuple[int, int, int, int]:
    return (colour[0], colour[1], colour[2], alpha)
