"""Assertive replies (level 6, Allies): passive, aggressive or assertive words in a few situations.

Pure rules, no pygame. Each situation offers one reply of each style; the player picks one and gets
kind feedback from the content. A passive or aggressive pick is never "wrong" in tone: the
feedback says what it might lead to, and the player tries again until they find the assertive
reply. ``assertive_reply_chosen`` carries the situation, the style and the attempt number.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STYLES = ("passive", "aggressive", "assertive")


class AssertiveError(ValueError):
    pass


@dataclass(frozen=True)
class Reply:
    id: str
    style: str
    text: str
    feedback: str


@dataclass(frozen=True)
class Situation:
    id: str
    speaker: str
    setup: str
    replies: tuple[Reply, ...]
    portrait: str | None = None

    def reply(self, reply_id: str) -> Reply:
        for r in self.replies:
            if r.id == reply_id:
                return r
        raise AssertiveError(f"unknown reply {reply_id!r} in situation {self.id!r}")


def situation_problems(s: Situation) -> list[str]:
    """What makes a situation unusable: one reply of each style, ids unique."""
    out = []
    styles = [r.style for r in s.replies]
    for st in STYLES:
        n = styles.count(st)
        if n != 1:
            out.append(f"situation {s.id!r} needs exactly one {st} reply (has {n})")
    for st in styles:
        if st not in STYLES:
            out.append(f"situation {s.id!r}: unknown style {st!r} (use {', '.join(STYLES)})")
    ids = [r.id for r in s.replies]
    if len(set(ids)) != len(ids):
        out.append(f"situation {s.id!r}: reply ids must be different")
    return out


@dataclass(frozen=True)
class ReplyResult:
    situation_id: str
    reply_id: str
    style: str
    attempt: int
    assertive: bool
    feedback: str

    def payload(self) -> dict[str, Any]:
        return {"situation_id": self.situation_id, "reply_id": self.reply_id, "style": self.style,
                "attempt": self.attempt}


@dataclass
class AssertivePractice:
    situations: tuple[Situation, ...]
    index: int = 0
    attempts: int = 0
    tried: list[str] = field(default_factory=list)          # reply ids tried in this situation
    solved: bool = False                                     # the assertive reply was found here
    first_try: int = 0                                       # situations solved on the first attempt
    styles_picked: dict[str, int] = field(default_factory=lambda: {s: 0 for s in STYLES})

    def __post_init__(self) -> None:
        if not self.situations:
            raise AssertiveError("no situations")
        for s in self.situations:
            probs = situation_problems(s)
            if probs:
                raise AssertiveError(probs[0])

    @property
    def current(self) -> Situation:
        return self.situations[self.index]

    @property
    def finished(self) -> bool:
        return self.index >= len(self.situations) - 1 and self.solved

    def choose(self, reply_id: str) -> ReplyResult:
        if self.solved:
            raise AssertiveError("this situation is done: move on")
        s = self.current
        r = s.reply(reply_id)
        self.attempts += 1
        if reply_id not in self.tried:
            self.tried.append(reply_id)
        self.styles_picked[r.style] += 1
        ok = r.style == "assertive"
        if ok:
            self.solved = True
            if self.attempts == 1:
                self.first_try += 1
        return ReplyResult(s.id, r.id, r.style, self.attempts, ok, r.feedback)

    def next(self) -> bool:
        """Go to the next situation; False when there is none (the practice is over)."""
        if not self.solved:
            raise AssertiveError("find the assertive reply first")
        if self.index >= len(self.situations) - 1:
            return False
        self.index += 1
        self.attempts = 0
        self.tried = []
        self.solved = False
        return True
