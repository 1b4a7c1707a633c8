"""Map objects name their behaviour with their Tiled type (``type`` or Tiled 1.9+ ``class``).

The registry below is explicit (no folder scanning: it breaks in frozen builds). Each behaviour
checks its custom properties (always prefixed ``g_``) when the level loads, so an unknown type or
a reference to missing content fails at load, naming the file and the object.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

PROP_PREFIX = "g_"
FACINGS = ("down", "up", "left", "right")


class MapObjectError(ValueError):
    pass


@dataclass
class MapObject:
    kind: str
    label: str                      # Tiled object name, for messages
    tiles: list[tuple[int, int]]    # cells covered
    props: dict[str, Any] = field(default_factory=dict)
    solid: bool = False             # blocks walking (NPCs)
    interact: bool = False          # Enter/Space when facing it
    on_enter: bool = False          # fires when the player steps onto one of its tiles

    def prop(self, key: str, default: Any = None) -> Any:
        return self.props.get(PROP_PREFIX + key, default)


@dataclass
class ContentRefs:
    """What content a level offers, for checking references at load."""

    dialogue: set[str]
    encounters: set[str] = field(default_factory=set)
    boards: set[str] = field(default_factory=set)
    sprites: set[str] = field(default_factory=set)
    strict_encounters: bool = False
    keyed: dict[str, set[str]] = field(default_factory=dict)   # kind -> content keys (sorting, breathing ...)


def _require(obj: MapObject, key: str) -> str:
    value = obj.prop(key)
    if value is None or str(value).strip() == "":
        raise MapObjectError(f"object {obj.label!r} ({obj.kind}) needs the property {PROP_PREFIX}{key}")
    return str(value)


def _check_dialogue(obj: MapObject, refs: ContentRefs) -> None:
    did = _require(obj, "dialogue")
    if did not in refs.dialogue:
        raise MapObjectError(f"object {obj.label!r} names dialogue {did!r}, which the level content does not have")


def _spawn(obj: MapObject, refs: ContentRefs) -> None:
    pass


def _npc(obj: MapObject, refs: ContentRefs) -> None:
    _check_dialogue(obj, refs)
    sprite = _require(obj, "sprite")
    if refs.sprites and sprite not in refs.sprites:
        raise MapObjectError(f"object {obj.label!r} uses sprite {sprite!r}, which is not in assets/sprites")
    facing = obj.prop("facing", "down")
    if facing not in FACINGS:
        raise MapObjectError(f"object {obj.label!r}: g_facing must be one of {', '.join(FACINGS)}")
    obj.solid = obj.interact = True


def _sign(obj: MapObject, refs: ContentRefs) -> None:
    _check_dialogue(obj, refs)
    obj.interact = True


def _known(refs: ContentRefs, kind: str) -> set[str] | None:
    if kind == "thought":
        return refs.encounters
    if kind == "planner":
        return refs.boards
    return refs.keyed.get(kind)


def _exit(obj: MapObject, refs: ContentRefs) -> None:
    """``g_requires``: comma-separated dialogue ids (read them) and ``kind:key`` items (do them),
    e.g. ``guide_intro, sorting:moments, breathing:pier``."""
    req = [r.strip() for r in str(obj.prop("requires", "") or "").split(",") if r.strip()]
    for r in req:
        if ":" in r:
            kind, key = r.split(":", 1)
            known = _known(refs, kind)
            if known is None or key not in known:
                raise MapObjectError(f"exit {obj.label!r} requires {r!r}, which the level content does not have")
        elif r not in refs.dialogue:
            raise MapObjectError(f"exit {obj.label!r} requires dialogue {r!r}, which the level content does not have")
    obj.props["_requires"] = req
    obj.on_enter = True


def _checkpoint(obj: MapObject, refs: ContentRefs) -> None:
    _require(obj, "checkpoint")
    obj.on_enter = True


def _thought(obj: MapObject, refs: ContentRefs) -> None:
    enc = _require(obj, "encounter")
    if refs.strict_encounters and enc not in refs.encounters:
        raise MapObjectError(f"object {obj.label!r} names encounter {enc!r}, which the level content does not have")
    obj.solid = obj.interact = True


def _planner(obj: MapObject, refs: ContentRefs) -> None:
    board = _require(obj, "board")
    if refs.strict_encounters and board not in refs.boards:
        raise MapObjectError(f"object {obj.label!r} names board {board!r}, which the level content does not have")
    obj.interact = True


def keyed(kind: str) -> Callable[[MapObject, ContentRefs], None]:
    """An interactive object whose ``g_<kind>`` names an entry of the level's ``<kind>:`` section."""

    def check(obj: MapObject, refs: ContentRefs) -> None:
        key = _require(obj, kind)
        known = refs.keyed.get(kind)
        if known is not None and key not in known:
            raise MapObjectError(f"object {obj.label!r} names {kind} {key!r}, which the level content does not have")
        obj.interact = True
        obj.solid = bool(obj.prop("solid", False))

    return check


REGISTRY: dict[str, Callable[[MapObject, ContentRefs], None]] = {
    "spawn": _spawn,
    "npc": _npc,
    "sign": _sign,
    "exit": _exit,
    "checkpoint": _checkpoint,
    "thought": _thought,
    "planner": _planner,
    "sorting": keyed("sorting"),        # level 1: sort moments into thought / feeling / action
    "breathing": keyed("breathing"),    # level 1: paced breathing
    "practice": keyed("practice"),      # levels 5-7: problem solving, assertive replies, ally map, review, toolkit
}


def resolve(obj: MapObject, refs: ContentRefs) -> MapObject:
    check = REGISTRY.get(obj.kind)
    if check is None:
        known = ", ".join(sorted(REGISTRY))
        raise MapObjectError(f"object {obj.label!r} has unknown type {obj.kind!r} (known: {known})")
    check(obj, refs)
    return obj
