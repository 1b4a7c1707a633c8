"""Make the program icons from our own art (the guide, Glim): PNG, Windows .ico and macOS .icns.

    python tools/make_icons.py          # writes assets/app/glimmer.{png,ico,icns}
    python tools/make_icons.py --check  # exit 1 if the committed files differ from what it makes

ICO and ICNS both hold PNG images directly (Windows Vista+, macOS 10.7+), so no image library
beyond pygame is needed.
"""
from __future__ import annotations

import io
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "app"

import pygame  # noqa: E402


def icon_surface(size: int) -> pygame.Surface:
    """Glim on a rounded night-purple tile with a warm glow."""
    sheet = pygame.image.load(str(ROOT / "assets" / "sprites" / "guide.png"))
    fw, fh = sheet.get_width() // 4, sheet.get_height() // 4
    frame = sheet.subsurface((0, 0, fw, fh)).copy()
    box = frame.get_bounding_rect()
    frame = frame.subsurface(box).copy()
    tile = pygame.Surface((size, size), pygame.SRCALPHA)
    radius = max(2, size // 5)
    pygame.draw.rect(tile, (43, 33, 64, 255), tile.get_rect(), border_radius=radius)
    glow = pygame.Surface((size, size), pygame.SRCALPHA)
    for i in range(24, 0, -1):  # a soft warm glow behind Glim
        pygame.draw.circle(glow, (255, 200, 110, 9), (size // 2, size // 2), int(size * (0.12 + 0.0155 * i)))
    tile.blit(glow, (0, 0))
    scale = max(1, int(size * 0.72) // max(box.w, box.h))
    art = pygame.transform.scale(frame, (box.w * scale, box.h * scale))
    tile.blit(art, art.get_rect(center=(size // 2, size // 2)))
    if size >= 32:
        pygame.draw.rect(tile, (255, 205, 90, 255), tile.get_rect(), width=max(1, size // 40), border_radius=radius)
    return tile


def png_bytes(surf: pygame.Surface) -> bytes:
    buf = io.BytesIO()
    pygame.image.save(surf, buf, "png")
    return buf.getvalue()


def ico_bytes(sizes=(16, 24, 32, 48, 64, 128, 256)) -> bytes:
    images = [png_bytes(icon_surface(s)) for s in sizes]
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for s, img in zip(sizes, images):
        entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(img), offset + len(data))
        data += img
    return head + entries + data


def icns_bytes() -> bytes:
    parts = b""
    for kind, s in ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512)):
        img = png_bytes(icon_surface(s))
        parts += kind + struct.pack(">I", len(img) + 8) + img
    return b"icns" + struct.pack(">I", len(parts) + 8) + parts


def outputs() -> dict[str, bytes]:
    pygame.display.init()
    return {"glimmer.png": png_bytes(icon_surface(256)), "glimmer.ico": ico_bytes(), "glimmer.icns": icns_bytes()}


def main(argv: list[str]) -> int:
    files = outputs()
    if "--check" in argv:
        stale = [n for n, b in files.items() if not (OUT / n).exists() or (OUT / n).read_bytes() != b]
        if stale:
            print("out of date: " + ", ".join(stale) + " (run python tools/make_icons.py)")
            return 1
        print("icons up to date")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"wrote assets/app/{name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
