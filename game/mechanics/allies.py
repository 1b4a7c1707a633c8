"""The ally map (level 6, Allies): who can I turn to, for what.

Pure rules, no pygame. The player places *kinds* of people ("a friend", "a teacher", ...) into the
kinds of help they might need ("to talk about feelings", "if something serious happens", ...).
Never a name: the map holds type ids only, and the ``ally_map_saved`` event carries counts only.
The type and need ids are fixed here (they are columns in the research data); the level content
gives them their words and pictures.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

ALLY_TYPES = ("friend", "parent", "sibling", "relative", "teacher", "coach", "counsellor", "helpline")
NEEDS = ("talk", "school", "fun", "serious")
MAX_PER_NEED = 6
# People who can help when something serious happens (the nudge suggests them if that need is empty).
TRUSTED_FOR_SERIOUS = ("parent", "relative", "teacher", "coach", "counsellor", "helpline")


class AllyError(ValueError):
    pass


@dataclass
class AllyMap:
    placements: dict[str, list[str]] = field(default_factory=lambda: {n: [] for n in NEEDS})

    @classmethod
    def from_pairs(cls, pairs: Iterable[Any]) -> "AllyMap":
        """Rebuild from saved ``[need, type]`` pairs, skipping anything unknown (a damaged save never stops play)."""
        m = cls()
        for pair in pairs or []:
            try:
                need, kind = pair
                m.place(str(need), str(kind))
            except (AllyError, TypeError, ValueError):
                continue
        return m

    def pairs(self) -> list[list[str]]:
        return [[n, t] for n in NEEDS for t in self.placements[n]]

    def _check(self, need: str, kind: str) -> None:
        if need not in NEEDS:
            raise AllyError(f"unknown need {need!r}")
        if kind not in ALLY_TYPES:
            raise AllyError(f"unknown kind of person {kind!r}")

    def has(self, need: str, kind: str) -> bool:
        self._check(need, kind)
        return kind in self.placements[need]

    def place(self, need: str, kind: str) -> None:
        self._check(need, kind)
        if kind in self.placements[need]:
            return
        if len(self.placements[need]) >= MAX_PER_NEED:
            raise AllyError(f"at most {MAX_PER_NEED} people for one kind of help")
        self.placements[need].append(kind)

    def remove(self, need: str, kind: str) -> None:
        self._check(need, kind)
        if kind in self.placements[need]:
            self.placements[need].remove(kind)

    def toggle(self, need: str, kind: str) -> bool:
        """Place or take away; returns whether the person is now placed there."""
        if self.has(need, kind):
            self.remove(need, kind)
            return False
        self.place(need, kind)
        return True

    def full(self, need: str) -> bool:
        return len(self.placements[need]) >= MAX_PER_NEED

    # ---------------------------------------------------------------- summaries
    @property
    def total(self) -> int:
        return sum(len(v) for v in self.placements.values())

    def count_by_type(self) -> dict[str, int]:
        return {t: sum(1 for n in NEEDS if t in self.placements[n]) for t in ALLY_TYPES}

    def count_by_need(self) -> dict[str, int]:
        return {n: len(self.placements[n]) for n in NEEDS}

    def types_used(self) -> list[str]:
        c = self.count_by_type()
        return [t for t in ALLY_TYPES if c[t]]

    def needs_covered(self) -> int:
        return sum(1 for n in NEEDS if self.placements[n])

    def ready(self) -> bool:
        return self.total > 0

    def empty_needs(self) -> list[str]:
        return [n for n in NEEDS if not self.placements[n]]

    def nudge(self) -> str | None:
        """Which gentle nudge applies before saving: 'serious' (no one for serious things), 'empty', or None."""
        if not self.ready():
            return "empty"
        if not any(t in TRUSTED_FOR_SERIOUS for t in self.placements["serious"]):
            return "serious"
        return None

    def payload(self) -> dict[str, Any]:
        """``ally_map_saved``: counts only (never who, never a name)."""
        out: dict[str, Any] = {"total": self.total, "types_count": len(self.types_used()),
                               "needs_covered": self.needs_covered()}
        out.update({f"need_{n}": c for n, c in self.count_by_need().items()})
        out.update({f"type_{t}": c for t, c in self.count_by_type().items()})
        return out

    def journal_entry(self, date: str) -> dict[str, Any]:
        return {"kind": "ally_map", "date": str(date), "placements": self.pairs()}


def latest_ally_map(journal: Iterable[Any]) -> AllyMap | None:
    maps = [e for e in journal or [] if isinstance(e, dict) and e.get("kind") == "ally_map"]
    return AllyMap.from_pairs(maps[-1].get("placements", [])) if maps else None
