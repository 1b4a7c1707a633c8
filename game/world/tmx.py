"""Tiled map lint and loading.

``lint_tmx`` reads the XML itself (before pytmx, whose errors are cryptic): Tiled 1.8+ orthogonal,
finite, no object templates, no custom property called ``type``/``name``/``id`` (pytmx refuses
them), every object typed (``type`` or Tiled 1.9+ ``class``), a fully painted ``ground`` layer and
an ``objects`` layer. ``load_map`` then loads it with pytmx and builds the collision grid and the
objects.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.errors import ContentError, ContentIssue, display_path
from game.world.objects import ContentRefs, MapObject, MapObjectError, resolve

FORBIDDEN_PROPS = {"type", "name", "id", "class", "x", "y", "width", "height", "gid", "visible", "rotation"}
REQUIRED_LAYERS = ("ground", "objects")


def _props(el: ET.Element) -> dict[str, str]:
    out = {}
    pnode = el.find("properties")
    if pnode is not None:
        for p in pnode.findall("property"):
            out[p.get("name", "")] = p.get("value", p.text or "")
    return out


def lint_tmx(path: Path) -> list[ContentIssue]:
    name = display_path(path)
    issues: list[ContentIssue] = []

    def bad(msg: str) -> None:
        issues.append(ContentIssue(name, None, msg))

    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        return [ContentIssue(name, None, "map file is missing")]
    except ET.ParseError as e:
        return [ContentIssue(name, e.position[0] if e.position else None, f"not a valid Tiled map: {e}")]
    if root.tag != "map":
        return [ContentIssue(name, None, "not a Tiled map (no <map> element)")]
    if root.get("orientation") != "orthogonal":
        bad(f"orientation must be orthogonal, not {root.get('orientation')!r}")
    if root.get("infinite", "0") != "0":
        bad("infinite maps are not supported: in Tiled, Map > Map Properties > untick Infinite")
    for ts in root.findall("tileset"):
        src = ts.get("source")
        if src and not (path.parent / src).exists():
            bad(f"tileset {src!r} is missing")
    for el in root.iter():
        if el.get("template"):
            bad(f"object {el.get('name') or el.get('id')!r} uses a template ({el.get('template')}); templates are not supported: detach it in Tiled")
        for prop in _props(el):
            if prop in FORBIDDEN_PROPS:
                bad(f"{el.tag} {el.get('name') or el.get('id')!r} has a custom property called {prop!r}; use g_{prop}")
    layers = {lay.get("name"): lay for lay in root.iter() if lay.tag in ("layer", "objectgroup")}
    for req in REQUIRED_LAYERS:
        if req not in layers:
            bad(f"the map needs a layer called {req!r}")
    ground = layers.get("ground")
    if ground is not None and ground.tag == "layer":
        data = ground.find("data")
        if data is None or data.get("encoding") != "csv":
            if data is not None and data.get("encoding") not in ("csv", "base64"):
                bad("tile layer data must be CSV or base64 encoded")
        elif "0" in [c.strip() for c in (data.text or "").replace("\n", "").split(",")]:
            bad("the ground layer has unpainted cells: paint every cell (unpainted cells streak when scrolling)")
    for og in root.findall(".//objectgroup"):
        for obj in og.findall("object"):
            if not (obj.get("type") or obj.get("class")):
                bad(f"object {obj.get('name') or obj.get('id')!r} in layer {og.get('name')!r} has no type (class)")
    return issues


@dataclass
class LoadedMap:
    path: Path
    tmx: Any                          # pytmx.TiledMap
    width: int
    height: int
    tile: int
    solid: list[list[bool]]           # [y][x]
    objects: list[MapObject] = field(default_factory=list)
    spawn: tuple[int, int] = (0, 0)
    sprite_layer: int = 1

    def in_bounds(self, x: int, y: int) -> bool:
        return 0 <= x < self.width and 0 <= y < self.height


def load_map(path: Path, refs: ContentRefs) -> LoadedMap:
    """Load a linted map with pytmx (needs a display mode set, for convert())."""
    import pytmx

    issues = lint_tmx(path)
    if issues:
        raise ContentError(issues)
    name = display_path(path)
    try:
        tmx = pytmx.load_pygame(str(path))
    except Exception as e:  # pytmx raises bare Exceptions
        raise ContentError(ContentIssue(name, None, f"Tiled map could not be loaded: {e}")) from None
    w, h, t = tmx.width, tmx.height, tmx.tilewidth
    solid = [[False] * w for _ in range(h)]
    layer_names = []
    for li, layer in enumerate(tmx.visible_layers):
        layer_names.append(getattr(layer, "name", ""))
        if not isinstance(layer, pytmx.TiledTileLayer) or layer.name == "above":
            continue
        for x, y, gid in layer:
            if gid:
                props = tmx.get_tile_properties_by_gid(gid) or {}
                if props.get("collides") in (True, "true", "1", 1):
                    solid[y][x] = True
    objects: list[MapObject] = []
    spawns = []
    errors: list[ContentIssue] = []
    for group in tmx.objectgroups:
        for o in group:
            kind = getattr(o, "type", None) or getattr(o, "class", None)
            label = o.name or f"#{o.id}"
            x0, y0 = int(o.x // t), int(o.y // t)
            x1 = max(x0, int((o.x + max(o.width, 1) - 1) // t))
            y1 = max(y0, int((o.y + max(o.height, 1) - 1) // t))
            cells = [(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]
            mo = MapObject(str(kind), label, cells, dict(o.properties))
            try:
                resolve(mo, refs)
            except MapObjectError as e:
                errors.append(ContentIssue(name, None, str(e)))
                continue
            if any(not (0 <= cx < w and 0 <= cy < h) for cx, cy in cells):
                errors.append(ContentIssue(name, None, f"object {label!r} lies outside the map"))
                continue
            if mo.kind == "spawn":
                spawns.append(cells[0])
            elif mo.kind in ("npc", "exit", "checkpoint", "thought") and any(solid[cy][cx] for cx, cy in cells):
                errors.append(ContentIssue(name, None, f"object {label!r} ({mo.kind}) stands on a solid tile"))
                continue
            objects.append(mo)
    if len(spawns) != 1:
        errors.append(ContentIssue(name, None, f"the map needs exactly one spawn object (found {len(spawns)})"))
    if errors:
        raise ContentError(errors)
    sprite_layer = layer_names.index("decor") if "decor" in layer_names else 0
    return LoadedMap(path, tmx, w, h, t, solid, objects, spawns[0], sprite_layer)
