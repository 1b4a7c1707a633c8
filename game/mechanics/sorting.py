"""Level 1 "The Mood Map": sort moments into thought, feeling or action.

Pure rules, no pygame, no files; the moments are content (``sorting:`` in a level file) and
randomness and time are injected. A wrong answer gets a short, kind explanation and another try;
a moment missed on the first try comes back once at the end of the round, so the player finishes
on a right answer.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Sequence

from game.i18n import N_, _, tr

KINDS: tuple[str, ...] = ("thought", "feeling", "action")
# Player-facing texts stay English here (marked for translation with N_) and are translated
# with ``_()`` where they are used, so a language switch takes effect at once.
KIND_NAMES = {"thought": N_("a thought"), "feeling": N_("a feeling"), "action": N_("an action")}
HINTS = {
    "thought": N_("Thoughts are words in your head, like a sentence you tell yourself."),
    "feeling": N_("Feelings are emotions or body signals: sad, tense, excited, a tight chest."),
    "action": N_("Actions are things you do that someone else could see."),
}


class SortingError(ValueError):
    pass


@dataclass(frozen=True)
class Moment:
    id: str
    text: str
    kind: str
    why: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise SortingError(f"moment {self.id!r}: kind must be one of {', '.join(KINDS)}")


@dataclass(frozen=True)
class SortResult:
    moment_id: str
    chosen: str
    correct: bool
    attempt: int
    reaction_ms: int
    feedback: str
    item_done: bool       # move on to the next moment
    revealed: bool = False  # the right answer was shown after the last try


@dataclass
class SortRound:
    """One round over ``moments`` (shuffled with ``rng``). Call ``next_moment()``, then ``answer()``
    until the result says ``item_done``. ``max_attempts`` tries per showing; after that the right
    answer is shown and the moment comes back once more at the end."""

    moments: Sequence[Moment]
    rng: random.Random
    max_attempts: int = 2
    queue: list[Moment] = field(default_factory=list)
    current: Moment | None = None
    attempt: int = 0
    results: list[SortResult] = field(default_factory=list)
    _shown_at: float = 0.0
    _requeued: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not self.moments:
            raise SortingError("a sorting round needs at least one moment")
        kinds = {m.kind for m in self.moments}
        if kinds != set(KINDS):
            missing = ", ".join(sorted(set(KINDS) - kinds))
            raise SortingError(f"a sorting round needs every kind; missing: {missing}")
        self.queue = list(self.moments)
        self.rng.shuffle(self.queue)

    def next_moment(self, now: float = 0.0) -> Moment | None:
        if self.current is not None and not self._done_with_current():
            return self.current
        self.current = self.queue.pop(0) if self.queue else None
        self.attempt = 0
        self._shown_at = now
        return self.current

    def _done_with_current(self) -> bool:
        return bool(self.results) and self.results[-1].moment_id == self.current.id and self.results[-1].item_done

    @property
    def finished(self) -> bool:
        return self.current is None and not self.queue

    def answer(self, kind: str, now: float = 0.0) -> SortResult:
        if self.current is None:
            raise SortingError("no moment is showing")
        if kind not in KINDS:
            raise SortingError(f"unknown kind {kind!r}")
        m = self.current
        self.attempt += 1
        correct = kind == m.kind
        rt = max(0, int(round((now - self._shown_at) * 1000)))
        revealed = False
        if correct:
            feedback = m.why or tr("Yes, that's {kind}.", kind=_(KIND_NAMES[m.kind]))
            done = True
        elif self.attempt >= self.max_attempts:
            feedback = (tr("This one is {kind}.", kind=_(KIND_NAMES[m.kind])) + " " + m.why).strip()
            done, revealed = True, True
            if m.id not in self._requeued:
                self._requeued.add(m.id)
                self.queue.append(m)
        else:
            feedback = tr("Not quite: that's not {kind}.", kind=_(KIND_NAMES[kind])) + " " + _(HINTS[m.kind])
            done = False
        result = SortResult(m.id, kind, correct, self.attempt, rt, feedback, done, revealed)
        self.results.append(result)
        return result

    def first_try_right(self) -> int:
        firsts = {}
        for r in self.results:
            firsts.setdefault(r.moment_id, r.correct and r.attempt == 1)
        return sum(firsts.values())
