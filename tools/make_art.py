#!/usr/bin/env python3
"""Generate Glimmer's pixel art from game/art/ (deterministic; run from anywhere).

Writes:
  assets/tiles/overworld.png      tileset sheet, 48x48 tiles, 8 columns, no margin/spacing
  assets/tiles/tile_names.json    tile name -> local tile id (0-based)
  levels/tilesets/overworld.tsx   Tiled 1.8 external tileset (per-tile `collides`, `g_tile`, `g_layer`)
  assets/sprites/<name>.png       4x4 character sheets (rows down/left/right/up; stand, step, stand, step)
  assets/icons/<key>.png          48x48 icons

Usage:  python tools/make_art.py [--check]
  --check   regenerate in memory and exit 1 if any file on disk differs.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game import art  # noqa: E402
from game.art import characters  # noqa: E402

TILE = 48
COLUMNS = 8


def png_bytes(surface: pygame.Surface) -> bytes:
    buf = io.BytesIO()
    pygame.image.save(surface, buf, "png")
    return buf.getvalue()


def build_outputs() -> dict[Path, bytes]:
    out: dict[Path, bytes] = {}
    tiles = art.build_tiles()
    rows = (len(tiles) + COLUMNS - 1) // COLUMNS
    sheet = pygame.Surface((COLUMNS * TILE, rows * TILE), pygame.SRCALPHA, 32)
    sheet.fill((0, 0, 0, 0))
    for i, t in enumerate(tiles):
        sheet.blit(t.image(), ((i % COLUMNS) * TILE, (i // COLUMNS) * TILE))
    out[ROOT / "assets/tiles/overworld.png"] = png_bytes(sheet)

    names = {t.name: i for i, t in enumerate(tiles)}
    out[ROOT / "assets/tiles/tile_names.json"] = (json.dumps(names, indent=1) + "\n").encode()

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="1.8" tiledversion="1.8.2" name="overworld" tilewidth="{TILE}" '
        f'tileheight="{TILE}" tilecount="{len(tiles)}" columns="{COLUMNS}">',
        f' <image source="../../assets/tiles/overworld.png" width="{COLUMNS * TILE}" height="{rows * TILE}"/>',
    ]
    for i, t in enumerate(tiles):
        lines += [
            f' <tile id="{i}">',
            "  <properties>",
            f'   <property name="collides" type="bool" value="{"true" if t.collides else "false"}"/>',
            f"   <property name=\"g_layer\" value={quoteattr(t.layer)}/>",
            f"   <property name=\"g_tile\" value={quoteattr(t.name)}/>",
            "  </properties>",
            " </tile>",
        ]
    lines.append("</tileset>")
    out[ROOT / "levels/tilesets/overworld.tsx"] = ("\n".join(lines) + "\n").encode()

    for name, kw in characters.PRESETS.items():
        out[ROOT / f"assets/sprites/{name}.png"] = png_bytes(art.make_character_sheet(**kw))
    out[ROOT / "assets/sprites/guide.png"] = png_bytes(art.make_guide_sheet())
    for trap in art.TRAPS:
        out[ROOT / f"assets/sprites/thought_{trap}.png"] = png_bytes(art.make_thought_sheet(trap))

    for key in art.ICON_KEYS:
        out[ROOT / f"assets/icons/{key}.png"] = png_bytes(art.make_icon(key))
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    outputs = build_outputs()
    stale = []
    for path, data in sorted(outputs.items()):
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    if check:
        for p in stale:
            print(f"stale: {p.relative_to(ROOT)}")
        return 1 if stale else 0
    print(f"wrote {len(outputs)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
