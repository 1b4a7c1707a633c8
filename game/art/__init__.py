"""Glimmer's generated pixel art.

Pure pygame drawing, deterministic, no file I/O: ``tools/make_art.py`` calls
these functions and writes the PNGs / Tiled tileset.  Everything is drawn on
16x16 'art pixel' canvases from one ~32-colour palette (``palette.PALETTE``)
with light from the top-left, then scaled 3x (nearest) to 48x48.
"""

from .palette import PALETTE, RAMPS
from .tiles import TileDef, build_tiles
from .characters import (BODIES, CLOTHING_COLOURS, HAIR_COLOURS, HAIR_STYLES, PRESETS,
                         SKIN_TONES, make_character_sheet, make_guide_sheet)
from .icons import ICON_KEYS, ACTIVITY_KEYS, MOOD_KEYS, TRAP_KEYS, UI_KEYS, TRAPS, make_icon

__all__ = [
    "PALETTE", "RAMPS", "TileDef", "build_tiles", "BODIES", "CLOTHING_COLOURS", "HAIR_COLOURS",
    "HAIR_STYLES", "PRESETS", "SKIN_TONES", "make_character_sheet", "make_guide_sheet",
    "ICON_KEYS", "ACTIVITY_KEYS", "MOOD_KEYS", "TRAP_KEYS", "UI_KEYS", "TRAPS", "make_icon",
    "make_thought_sheet",
]


def make_thought_sheet(trap: str):
    """A 4x4 sheet (same layout as characters) of a bobbing thought creature."""
    import pygame

    from . import canvas as cv
    from .icons import icon_trap

    sheet = pygame.Surface((192, 192), pygame.SRCALPHA, 32)
    sheet.fill((0, 0, 0, 0))
    frames = [icon_trap(trap, 0), icon_trap(trap, 1)]
    for r in range(4):
        for c in range(4):
            art = frames[c % 2]
            if r == 1:
                art = cv.flip_x(art)
            sheet.blit(cv.scale(art), (c * 48, r * 48))
    return sheet
