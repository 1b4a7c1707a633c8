"""Thinking traps and thoughts: schemas and loaders for ``levels/shared/traps.yaml`` and
``levels/shared/thoughts.yaml`` (and any level file with a ``thoughts:`` list).

Every problem is reported as a ``ContentError`` naming the file and line. ``check_thoughts``
collects problems as ``ContentIssue`` objects for the ``check`` command.
"""
from __future__ import annotations

import string
from pathlib import Path
from typing import Annotated, Any, Iterable, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from game.content.errors import ContentError, ContentIssue, display_path
from game.content.yamlload import load_yaml, validate
from game.mechanics.thinking import (
    FEELINGS, QUALITIES, TOPICS, BalancedOption, EvidenceOption, FeedbackLines, ThoughtItem, Trap,
    TrapCatalogue,
)
from game.research.schema import TRAPS as SCHEMA_TRAPS

MAX_WORDS = 25
MIN_PER_SIDE, MAX_PER_SIDE = 2, 4
DEFAULT_TRAPS = ("levels", "shared", "traps.yaml")
DEFAULT_THOUGHTS = ("levels", "shared", "thoughts.yaml")


def word_count(text: str) -> int:
    return len(text.split())


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("text is empty")
    n = word_count(value)
    if n > MAX_WORDS:
        raise ValueError(f"text has {n} words; at most {MAX_WORDS} allowed: {value[:40]!r}...")
    return value


Text = Annotated[str, AfterValidator(_text)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9_]+$", min_length=1, max_length=64)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class TrapModel(_Model):
    id: Id
    name: Text
    meaning: Text
    example: Text
    check: Text
    core: bool = False


class LinesModel(_Model):
    correct: Optional[Text] = None
    try_again: Optional[Text] = None
    wrong_fallback: Optional[Text] = None
    reveal: Optional[Text] = None
    why_balanced: Optional[Text] = None
    why_still_negative: Optional[Text] = None
    why_over_positive: Optional[Text] = None
    why_own: Optional[Text] = None
    belief_change: Optional[Text] = None
    feeling_change: Optional[Text] = None
    no_change: Optional[Text] = None


class TrapsFile(_Model):
    traps: list[TrapModel] = Field(min_length=1)
    lines: Optional[LinesModel] = None


class EvidenceModel(_Model):
    id: Id
    text: Text
    side: Literal["for", "against"]


class OptionModel(_Model):
    id: Id
    text: Text
    quality: Literal["balanced", "still_negative", "over_positive"]
    feedback: Text


class ThoughtModel(_Model):
    id: Id
    topic: Literal["school", "friends", "family", "online", "hobbies"]
    situation: Text
    thought: Text
    traps: list[str] = Field(min_length=1)
    feelings: list[str] = Field(min_length=1)
    evidence: list[EvidenceModel]
    friend_test: Text
    balanced: list[OptionModel]
    explain: dict[str, Text] = Field(default_factory=dict)


class ThoughtsFile(_Model):
    thoughts: list[ThoughtModel] = Field(min_length=1)


assert set(TOPICS) == {"school", "friends", "family", "online", "hobbies"}
assert set(QUALITIES) == {"balanced", "still_negative", "over_positive"}

_TEMPLATE_KEYS = {
    "correct": {"name", "meaning", "check"}, "wrong_fallback": {"name", "meaning", "check"},
    "reveal": {"name", "meaning", "check"}, "belief_change": {"before", "after"},
    "feeling_change": {"feeling", "before", "after"},
}


def _line(node: Any, *keys: Any) -> int | None:
    """Line of the deepest node along ``keys`` that has one."""
    line = getattr(node, "line", None)
    cur = node
    for k in keys:
        try:
            cur = cur[k]
        except (KeyError, IndexError, TypeError):
            break
        line = getattr(cur, "line", line)
    return line


def _load_mapping(path: Path) -> Any:
    data = load_yaml(path)
    if data is None:
        raise ContentError(ContentIssue(display_path(path), None, "file is empty"))
    return data


# --------------------------------------------------------------------------------------------
# Traps
# --------------------------------------------------------------------------------------------
def parse_traps(data: Any, path: str | Path) -> TrapCatalogue:
    model = validate(TrapsFile, data, path)
    name = display_path(path)
    issues: list[ContentIssue] = []
    seen: set[str] = set()
    for i, t in enumerate(model.traps):
        if t.id in seen:
            issues.append(ContentIssue(name, _line(data, "traps", i), f"duplicate trap id {t.id!r}"))
        seen.add(t.id)
        if t.id not in SCHEMA_TRAPS:
            issues.append(ContentIssue(name, _line(data, "traps", i),
                                       f"trap id {t.id!r} is not in the event schema: {list(SCHEMA_TRAPS)}"))
    lines = FeedbackLines()
    if model.lines is not None:
        overrides = {k: v for k, v in model.lines.model_dump().items() if v is not None}
        for key, tmpl in overrides.items():
            used = {f for _, f, _, _ in string.Formatter().parse(tmpl) if f}
            bad = used - _TEMPLATE_KEYS.get(key, set())
            if bad:
                issues.append(ContentIssue(name, _line(data, "lines"),
                                           f"lines.{key}: unknown placeholder(s) {sorted(bad)}"))
        if not issues:
            lines = FeedbackLines(**overrides)
    if issues:
        raise ContentError(issues)
    traps = tuple(Trap(t.id, t.name, t.meaning, t.example, t.check, t.core) for t in model.traps)
    return TrapCatalogue(traps, lines)


def load_traps(path: str | Path | None = None) -> TrapCatalogue:
    """Load the trap catalogue (default: ``levels/shared/traps.yaml``)."""
    from game.paths import resource

    path = Path(path) if path is not None else resource(*DEFAULT_TRAPS)
    return parse_traps(_load_mapping(path), path)


# --------------------------------------------------------------------------------------------
# Thoughts
# --------------------------------------------------------------------------------------------
def _check_thought(t: ThoughtModel, raw: Any, i: int, name: str, traps: TrapCatalogue) -> list[ContentIssue]:
    issues: list[ContentIssue] = []
    where = f"thought {t.id!r}"

    def add(line: int | None, msg: str) -> None:
        issues.append(ContentIssue(name, line, f"{where}: {msg}"))

    item_line = _line(raw, "thoughts", i)
    seen_traps: set[str] = set()
    for j, tid in enumerate(t.traps):
        if tid not in traps:
            add(_line(raw, "thoughts", i, "traps"), f"unknown trap {tid!r} (known: {', '.join(traps.ids)})")
        if tid in seen_traps:
            add(_line(raw, "thoughts", i, "traps"), f"trap {tid!r} is listed twice")
        seen_traps.add(tid)
    for f in t.feelings:
        if f not in FEELINGS:
            add(_line(raw, "thoughts", i, "feelings"), f"unknown feeling {f!r} (known: {', '.join(FEELINGS)})")
    for key in t.explain:
        if key not in traps:
            add(_line(raw, "thoughts", i, "explain"), f"explain: unknown trap {key!r}")
        elif key in t.traps:
            add(_line(raw, "thoughts", i, "explain"),
                f"explain: {key!r} is a right answer here; explain is for wrong picks")

    ids: set[str] = set()
    for j, e in enumerate(t.evidence):
        if e.id in ids:
            add(_line(raw, "thoughts", i, "evidence", j), f"duplicate evidence id {e.id!r}")
        ids.add(e.id)
    ev_line = _line(raw, "thoughts", i, "evidence")
    for side, label in (("for", "supports the thought"), ("against", "doesn't support it")):
        n = sum(1 for e in t.evidence if e.side == side)
        if not MIN_PER_SIDE <= n <= MAX_PER_SIDE:
            add(ev_line, f"needs {MIN_PER_SIDE}-{MAX_PER_SIDE} evidence options with side '{side}' "
                         f"({label}); found {n}")

    opt_ids: set[str] = set()
    for j, o in enumerate(t.balanced):
        if o.id in opt_ids:
            add(_line(raw, "thoughts", i, "balanced", j), f"duplicate balanced option id {o.id!r}")
        opt_ids.add(o.id)
    b_line = _line(raw, "thoughts", i, "balanced") or item_line
    n_bal = sum(1 for o in t.balanced if o.quality == "balanced")
    if n_bal == 0:
        add(b_line, "no balanced option: exactly one option needs quality 'balanced'")
    elif n_bal > 1:
        add(b_line, f"{n_bal} options have quality 'balanced'; exactly one must")
    if len(t.balanced) != 3:
        add(b_line, f"needs exactly 3 balanced-thought options; found {len(t.balanced)}")
    for q in ("still_negative", "over_positive"):
        n = sum(1 for o in t.balanced if o.quality == q)
        if n != 1:
            add(b_line, f"needs exactly one option with quality '{q}'; found {n}")
    return issues


def parse_thoughts(data: Any, path: str | Path, traps: TrapCatalogue) -> list[ThoughtItem]:
    """Validate already-loaded data (a mapping with ``thoughts:``) and build the items."""
    model = validate(ThoughtsFile, data, path)
    name = display_path(path)
    issues: list[ContentIssue] = []
    seen: dict[str, int | None] = {}
    for i, t in enumerate(model.thoughts):
        line = _line(data, "thoughts", i)
        if t.id in seen:
            issues.append(ContentIssue(name, line, f"duplicate thought id {t.id!r} (first at line {seen[t.id]})"))
        else:
            seen[t.id] = line
        issues.extend(_check_thought(t, data, i, name, traps))
    if issues:
        raise ContentError(issues)
    return [
        ThoughtItem(
            id=t.id, topic=t.topic, situation=t.situation, thought=t.thought, traps=tuple(t.traps),
            feelings=tuple(t.feelings),
            evidence=tuple(EvidenceOption(e.id, e.text, e.side) for e in t.evidence),
            friend_test=t.friend_test,
            balanced=tuple(BalancedOption(o.id, o.text, o.quality, o.feedback) for o in t.balanced),
            explain=dict(t.explain),
        )
        for t in model.thoughts
    ]


def load_thoughts(path: str | Path | None, traps: TrapCatalogue) -> list[ThoughtItem]:
    """Load thoughts (default: ``levels/shared/thoughts.yaml``), checked against ``traps``."""
    from game.paths import resource

    path = Path(path) if path is not None else resource(*DEFAULT_THOUGHTS)
    return parse_thoughts(_load_mapping(path), path, traps)


def check_thoughts(paths: Iterable[str | Path] | None = None,
                   traps_path: str | Path | None = None) -> list[ContentIssue]:
    """Every problem in the trap catalogue and the thought files (empty list: all good).

    Also reports thought ids used in more than one file.
    """
    from game.paths import resource

    traps_path = Path(traps_path) if traps_path is not None else resource(*DEFAULT_TRAPS)
    try:
        catalogue = load_traps(traps_path)
    except ContentError as e:
        return list(e.issues)
    paths = [Path(p) for p in paths] if paths is not None else [resource(*DEFAULT_THOUGHTS)]
    issues: list[ContentIssue] = []
    owner: dict[str, str] = {}
    for p in paths:
        try:
            items = load_thoughts(p, catalogue)
        except ContentError as e:
            issues.extend(e.issues)
            continue
        name = display_path(p)
        for it in items:
            if it.id in owner and owner[it.id] != name:
                issues.append(ContentIssue(name, None, f"thought id {it.id!r} is also used in {owner[it.id]}"))
            owner.setdefault(it.id, name)
    return issues


# --------------------------------------------------------------------------------------------
# The shared bank (for scenes) and level encounters
# --------------------------------------------------------------------------------------------
class ThoughtBank:
    """The trap catalogue and every shared thought by id (loaded once; scenes never read files)."""

    def __init__(self, catalogue: TrapCatalogue, items: Iterable[ThoughtItem]) -> None:
        self.catalogue = catalogue
        self.items = {it.id: it for it in items}

    def get(self, thought_id: str) -> ThoughtItem:
        try:
            return self.items[thought_id]
        except KeyError:
            raise ContentError(ContentIssue(display_path(Path(*DEFAULT_THOUGHTS)), None,
                                            f"unknown thought id {thought_id!r}")) from None

    def many(self, ids: Iterable[str]) -> list[ThoughtItem]:
        return [self.get(i) for i in ids]


_BANK: ThoughtBank | None = None


def shared_bank() -> ThoughtBank:
    """The shipped traps and thoughts, loaded on first use and then kept."""
    global _BANK
    if _BANK is None:
        catalogue = load_traps()
        _BANK = ThoughtBank(catalogue, load_thoughts(None, catalogue))
    return _BANK


ENCOUNTER_MODES = ("spot", "record")


def check_encounters(level: Any, bank: ThoughtBank) -> list[ContentIssue]:
    """Every encounter of a level names a known mode and thought ids that exist in the bank.

    A ``spot`` round may only use thoughts whose traps are all core traps (the cards on screen).
    """
    from game.content.yamlload import line_of

    path = level.content_path
    name = display_path(path)
    try:
        raw = load_yaml(path)
    except ContentError:
        raw = None
    issues: list[ContentIssue] = []
    core = {t.id for t in bank.catalogue.core}
    for key, enc in level.content.encounters.items():
        line = line_of(raw, ("encounters", key)) if raw is not None else None
        if enc.mode not in ENCOUNTER_MODES:
            issues.append(ContentIssue(name, line, f"encounter {key!r}: mode must be one of "
                                                   f"{', '.join(ENCOUNTER_MODES)}, not {enc.mode!r}"))
        for tid in enc.thoughts:
            item = bank.items.get(tid)
            tline = line_of(raw, ("encounters", key, "thoughts")) if raw is not None else line
            if item is None:
                issues.append(ContentIssue(name, tline, f"encounter {key!r} names thought {tid!r}, which "
                                                        f"is not in levels/shared/thoughts.yaml"))
            elif enc.mode == "spot" and not set(item.traps) <= core:
                extra = sorted(set(item.traps) - core)
                issues.append(ContentIssue(name, tline, f"encounter {key!r}: thought {tid!r} uses trap(s) "
                                                        f"{extra} that are not on the spotting cards"))
    return issues
