"""Challenge negative thoughts: the rules behind "Spot the Trap" and "Detective Mode".

Pure rules, no pygame, no files. Content (traps and thoughts) is loaded by
``game.content.thoughts`` into the dataclasses below; time and randomness are injected.

* ``TrapCatalogue`` / ``Trap``: the thinking traps with our game names.
* ``ThoughtItem``: one automatic thought with its situation, traps, evidence and balanced options.
* ``check_trap``, ``score_evidence``, ``balanced_feedback``: scoring with kind feedback.
* ``TrapRound``: a trap-spotting round with second tries, a creature to weaken and adaptive
  (spaced-repetition) drawing of the next thought. Produces ``trap_answered`` payloads.
* ``ThoughtRecord``: the catch -> check -> change state machine. Produces a
  ``thought_record_completed`` payload (never any free text), a journal entry and a summary.
"""
from __future__ import annotations

import enum
import random
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Protocol, Sequence

from game.i18n import N_, _

TOPICS: tuple[str, ...] = ("school", "friends", "family", "online", "hobbies")
SIDES: tuple[str, ...] = ("for", "against")
QUALITIES: tuple[str, ...] = ("balanced", "still_negative", "over_positive")
OWN = "own"
OWN_TEXT_MAX = 140
# The fixed list of feelings a player can name (the event log stores one of these keys).
FEELINGS: tuple[str, ...] = (
    "worried", "sad", "embarrassed", "angry", "lonely", "frustrated", "nervous", "hurt",
    "guilty", "disappointed", "jealous", "left_out", "stressed", "ashamed", "hopeless", "annoyed",
)
# What the player reads for each feeling key (English here; ``feeling_name`` translates).
FEELING_NAMES: dict[str, str] = {
    "worried": N_("worried"), "sad": N_("sad"), "embarrassed": N_("embarrassed"), "angry": N_("angry"),
    "lonely": N_("lonely"), "frustrated": N_("frustrated"), "nervous": N_("nervous"), "hurt": N_("hurt"),
    "guilty": N_("guilty"), "disappointed": N_("disappointed"), "jealous": N_("jealous"),
    "left_out": N_("left out"), "stressed": N_("stressed"), "ashamed": N_("ashamed"),
    "hopeless": N_("hopeless"), "annoyed": N_("annoyed"),
}


def feeling_name(key: str) -> str:
    """A feeling key as the player reads it, in the current language ("left_out" -> "left out")."""
    return _(FEELING_NAMES.get(key, key.replace("_", " ")))


class ThinkingError(ValueError):
    """Base class for rule errors in this module."""


class StepError(ThinkingError):
    """An action that does not fit the current step (of a thought record or a round)."""


# --------------------------------------------------------------------------------------------
# Catalogue and items
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Trap:
    id: str
    name: str
    meaning: str
    example: str
    check_question: str
    core: bool = False


@dataclass(frozen=True)
class FeedbackLines:
    """Player-facing templates for generated feedback (overridable from traps.yaml ``lines``)."""

    correct: str = "Yes! That's {name}. Next time, ask: {check}"
    try_again: str = "Good try. Have another look."
    wrong_fallback: str = "This one sounds more like {name}. {meaning} Ask: {check}"
    reveal: str = "This one is {name}. {meaning} Spotting traps takes practice. You're learning."
    why_balanced: str = "Yes! This one is fair and true. It looks at the facts on both sides."
    why_still_negative: str = "This one still listens to the trap. A balanced thought looks at all the facts."
    why_over_positive: str = "This one is kind, but hard to believe. A balanced thought is one you can really believe."
    why_own: str = "Nice work writing your own. A good balanced thought is fair, true and kind."
    belief_change: str = "Your belief went from {before} to {after}."
    feeling_change: str = "How {feeling} you felt went from {before} to {after}."
    no_change: str = "The numbers stayed the same. That's OK. Checking a thought still takes skill."


@dataclass(frozen=True)
class TrapCatalogue:
    traps: tuple[Trap, ...]
    lines: FeedbackLines = field(default_factory=FeedbackLines)

    def __post_init__(self) -> None:
        ids = [t.id for t in self.traps]
        if len(set(ids)) != len(ids):
            raise ThinkingError(f"duplicate trap ids in catalogue: {ids}")

    def __contains__(self, trap_id: object) -> bool:
        return any(t.id == trap_id for t in self.traps)

    def __iter__(self):
        return iter(self.traps)

    def __len__(self) -> int:
        return len(self.traps)

    def get(self, trap_id: str) -> Trap:
        for t in self.traps:
            if t.id == trap_id:
                return t
        raise ThinkingError(f"unknown trap {trap_id!r}")

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.traps)

    @property
    def core(self) -> tuple[Trap, ...]:
        return tuple(t for t in self.traps if t.core)


@dataclass(frozen=True)
class EvidenceOption:
    id: str
    text: str
    side: str  # "for" (supports the thought) or "against" (doesn't support it)


@dataclass(frozen=True)
class BalancedOption:
    id: str
    text: str
    quality: str  # balanced | still_negative | over_positive
    feedback: str


@dataclass(frozen=True)
class ThoughtItem:
    id: str
    topic: str
    situation: str
    thought: str
    traps: tuple[str, ...]
    feelings: tuple[str, ...]
    evidence: tuple[EvidenceOption, ...]
    friend_test: str
    balanced: tuple[BalancedOption, ...]
    explain: Mapping[str, str] = field(default_factory=dict)

    def evidence_by_id(self, evidence_id: str) -> EvidenceOption:
        for e in self.evidence:
            if e.id == evidence_id:
                return e
        raise ThinkingError(f"thought {self.id!r} has no evidence {evidence_id!r}")

    def option(self, option_id: str) -> BalancedOption:
        for o in self.balanced:
            if o.id == option_id:
                return o
        raise ThinkingError(f"thought {self.id!r} has no balanced option {option_id!r}")

    @property
    def balanced_option(self) -> BalancedOption:
        return next(o for o in self.balanced if o.quality == "balanced")

    def fits(self, trap_id: str) -> bool:
        return trap_id in self.traps


# --------------------------------------------------------------------------------------------
# Scoring and feedback
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TrapFeedback:
    correct: bool
    text: str
    right_traps: tuple[str, ...]


def check_trap(item: ThoughtItem, trap_id: str, catalogue: TrapCatalogue) -> TrapFeedback:
    """Is ``trap_id`` one of the item's traps? Kind feedback either way."""
    chosen = catalogue.get(trap_id)  # raises on an unknown trap
    lines = catalogue.lines
    if item.fits(trap_id):
        text = lines.correct.format(name=chosen.name, meaning=chosen.meaning, check=chosen.check_question)
        return TrapFeedback(True, text, item.traps)
    if trap_id in item.explain:
        return TrapFeedback(False, item.explain[trap_id], item.traps)
    right = catalogue.get(item.traps[0])
    text = lines.wrong_fallback.format(name=right.name, meaning=right.meaning, check=right.check_question)
    return TrapFeedback(False, text, item.traps)


def reveal_text(item: ThoughtItem, catalogue: TrapCatalogue) -> str:
    right = catalogue.get(item.traps[0])
    return catalogue.lines.reveal.format(name=right.name, meaning=right.meaning, check=right.check_question)


@dataclass(frozen=True)
class EvidenceScore:
    correct: int
    total: int                      # cards the player placed
    wrong_ids: tuple[str, ...]      # cards placed on the wrong side
    missed_ids: tuple[str, ...]     # cards the player did not place

    @property
    def all_correct(self) -> bool:
        return self.total > 0 and self.correct == self.total and not self.missed_ids


def score_evidence(item: ThoughtItem, placements: Mapping[str, str]) -> EvidenceScore:
    """Score the player's sorting: ``{evidence_id: "for" | "against"}``.

    "for" means "supports the thought", "against" means "doesn't support it". The player may sort
    every card or only pick some; unplaced cards are reported as ``missed_ids``.
    """
    correct = 0
    wrong: list[str] = []
    for eid, side in placements.items():
        if side not in SIDES:
            raise ThinkingError(f"side must be one of {SIDES}, not {side!r}")
        ev = item.evidence_by_id(eid)
        if ev.side == side:
            correct += 1
        else:
            wrong.append(eid)
    missed = tuple(e.id for e in item.evidence if e.id not in placements)
    return EvidenceScore(correct, len(placements), tuple(wrong), missed)


@dataclass(frozen=True)
class BalancedFeedback:
    quality: str          # balanced | still_negative | over_positive | own
    text: str             # the option's own feedback (content)
    why: str              # why the balanced thought is better (or praise)
    balanced_text: str    # the balanced option, to show beside the feedback

    @property
    def is_balanced(self) -> bool:
        return self.quality == "balanced"


def balanced_feedback(item: ThoughtItem, option_id: str | None, lines: FeedbackLines | None = None) -> BalancedFeedback:
    """Feedback on a balanced-thought choice; ``option_id=None`` means the player wrote their own."""
    lines = lines or FeedbackLines()
    best = item.balanced_option.text
    if option_id is None:
        return BalancedFeedback(OWN, "", lines.why_own, best)
    opt = item.option(option_id)
    why = {
        "balanced": lines.why_balanced,
        "still_negative": lines.why_still_negative,
        "over_positive": lines.why_over_positive,
    }[opt.quality]
    return BalancedFeedback(opt.quality, opt.feedback, why, best)


# --------------------------------------------------------------------------------------------
# Trap-spotting round (spaced repetition)
# --------------------------------------------------------------------------------------------
class ClockLike(Protocol):
    def monotonic(self) -> float: ...


@dataclass(frozen=True)
class TrapResult:
    thought_id: str
    trap_chosen: str
    correct: bool
    attempt: int
    reaction_ms: int
    feedback: str
    hp_after: int
    item_done: bool            # the round moves on (right answer, or the answer was revealed)
    revealed: bool             # out of tries: the right answer is shown kindly
    right_traps: tuple[str, ...]

    def payload(self) -> dict[str, Any]:
        """The ``trap_answered`` event payload."""
        return {
            "thought_id": self.thought_id,
            "trap_chosen": self.trap_chosen,
            "correct": self.correct,
            "attempt": self.attempt,
            "reaction_ms": self.reaction_ms,
        }


@dataclass(frozen=True)
class RoundSummary:
    thoughts: int
    first_try: int
    solved: int                # right on any try
    revealed: int
    missed_traps: tuple[str, ...]   # traps still waiting for a first-try right answer


class TrapRound:
    """A round of trap spotting.

    Call ``next_thought()`` to get a thought (``None`` when the round is over), then ``answer()``
    until the result says ``item_done``. Wrong answers get kind feedback and another try; after
    ``max_attempts`` wrong tries the right answer is shown and the round moves on.

    The creature starts each thought with ``creature_hp``; a right answer on try *n* deals
    ``damage[n-1]`` (default 3 on the first try, 2 on the second).

    Adaptive drawing: every trap has a "recent mistakes" score. A wrong answer adds
    ``miss_boost`` to each trap of that thought; every new thought multiplies all scores by
    ``decay``; a first-try right answer halves them. A thought is drawn with weight
    ``1 + max(score of its traps)`` (times ``seen_factor`` if shown already). After ``target``
    thoughts, up to ``max_extra`` more are added for traps that were missed and not yet spotted
    on a first try since.
    """

    def __init__(self, items: Sequence[ThoughtItem], catalogue: TrapCatalogue, rng: random.Random,
                 clock: ClockLike | None = None, *, target: int = 6, max_extra: int = 3,
                 max_attempts: int = 2, creature_hp: int = 3, damage: Sequence[int] = (3, 2),
                 miss_boost: float = 3.0, decay: float = 0.7, seen_factor: float = 0.1,
                 reserve: Sequence[ThoughtItem] = ()) -> None:
        if not items:
            raise ThinkingError("a trap round needs at least one thought")
        if target < 1 or max_extra < 0 or max_attempts < 1 or creature_hp < 1:
            raise ThinkingError("target, max_attempts and creature_hp must be >= 1, max_extra >= 0")
        for it in items:
            for t in it.traps:
                if t not in catalogue:
                    raise ThinkingError(f"thought {it.id!r} uses unknown trap {t!r}")
        self.items = tuple(items)
        # Extra practice may also come from ``reserve`` (e.g. the level's other thoughts), so a
        # missed trap comes back in a new thought rather than the same one.
        ids = {i.id for i in self.items}
        self.reserve = tuple(r for r in reserve if r.id not in ids
                             and all(t in catalogue for t in r.traps))
        self.catalogue = catalogue
        self.rng = rng
        self.clock = clock
        self.target = target
        self.max_extra = max_extra
        self.max_attempts = max_attempts
        self.creature_hp = creature_hp
        self.damage = tuple(damage)
        self.miss_boost = miss_boost
        self.decay = decay
        self.seen_factor = seen_factor

        self.scores: dict[str, float] = {t: 0.0 for t in catalogue.ids}
        self.pending: set[str] = set()       # missed traps not yet spotted first try since
        self.shown: list[str] = []           # thought ids in order shown
        self.results: list[TrapResult] = []
        self.extra_used = 0
        self.current: ThoughtItem | None = None
        self.attempt = 0
        self.hp = 0
        self._item_done = True
        self._t0 = 0.0
        self._finished = False
        self._missed_this_item = False

    # -- time --------------------------------------------------------------------------------
    def _now(self, at: float | None) -> float:
        if at is not None:
            return float(at)
        if self.clock is None:
            raise ThinkingError("give a time (at=seconds) or a clock")
        return float(self.clock.monotonic())

    # -- state -------------------------------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def awaiting_answer(self) -> bool:
        return self.current is not None and not self._item_done

    def options(self) -> tuple[str, ...]:
        """Trap ids to offer as answers: the core traps, plus the current thought's other traps."""
        ids = [t.id for t in self.catalogue.core]
        if self.current is not None:
            ids += [t for t in self.current.traps if t not in ids]
        return tuple(ids)

    def _weight(self, item: ThoughtItem) -> float:
        w = 1.0 + max(self.scores.get(t, 0.0) for t in item.traps)
        if item.id in self.shown:
            w *= self.seen_factor
        return w

    def _draw(self, candidates: list[ThoughtItem]) -> ThoughtItem:
        last = self.shown[-1] if self.shown else None
        if len(candidates) > 1:
            candidates = [c for c in candidates if c.id != last] or candidates
        weights = [self._weight(c) for c in candidates]
        return self.rng.choices(candidates, weights=weights, k=1)[0]

    def next_thought(self, at: float | None = None) -> ThoughtItem | None:
        """Present the next thought, or return ``None`` (and finish) when the round is over."""
        if self._finished:
            return None
        if not self._item_done:
            raise StepError("answer the current thought before moving on")
        if len(self.shown) < self.target:
            candidates = list(self.items)
        else:
            candidates = []
            if self.pending and self.extra_used < self.max_extra:
                candidates = [i for i in self.items + self.reserve if self.pending.intersection(i.traps)]
            if not candidates:
                self._finished = True
                self.current = None
                return None
            self.extra_used += 1
        item = self._draw(candidates)
        for t in self.scores:
            self.scores[t] *= self.decay
        self.current = item
        self.shown.append(item.id)
        self.attempt = 1
        self.hp = self.creature_hp
        self._item_done = False
        self._missed_this_item = False
        self._t0 = self._now(at)
        return item

    def mark_ready(self, at: float | None = None) -> None:
        """Restart the reaction timer (e.g. when the player closes feedback before a retry)."""
        if not self.awaiting_answer:
            raise StepError("no thought is waiting for an answer")
        self._t0 = self._now(at)

    def answer(self, trap_id: str, at: float | None = None) -> TrapResult:
        if not self.awaiting_answer:
            raise StepError("there is no thought to answer: call next_thought() first")
        assert self.current is not None
        item = self.current
        now = self._now(at)
        reaction_ms = max(0, int(round((now - self._t0) * 1000)))
        fb = check_trap(item, trap_id, self.catalogue)
        attempt = self.attempt
        revealed = False
        if fb.correct:
            dmg = self.damage[attempt - 1] if attempt - 1 < len(self.damage) else 1
            self.hp = max(0, self.hp - dmg)
            self._item_done = True
            text = fb.text
            if attempt == 1:
                for t in item.traps:
                    self.scores[t] = self.scores.get(t, 0.0) * 0.5
                    self.pending.discard(t)
        else:
            if not self._missed_this_item:
                self._missed_this_item = True
                for t in item.traps:
                    self.scores[t] = self.scores.get(t, 0.0) + self.miss_boost
            self.pending.update(item.traps)
            if attempt >= self.max_attempts:
                revealed = True
                self._item_done = True
                text = reveal_text(item, self.catalogue)
            else:
                text = f"{fb.text} {self.catalogue.lines.try_again}".strip()
                self.attempt += 1
                self._t0 = now
        result = TrapResult(item.id, trap_id, fb.correct, attempt, reaction_ms, text, self.hp,
                            self._item_done, revealed, item.traps)
        self.results.append(result)
        return result

    def memory(self) -> dict[str, Any]:
        """What this round learned about the player, JSON-safe, to carry into the next round."""
        return {"scores": {t: round(v, 4) for t, v in sorted(self.scores.items()) if v > 1e-4},
                "pending": sorted(self.pending)}

    def remember(self, memory: Mapping[str, Any] | None) -> None:
        """Start from an earlier round's ``memory()``: traps missed there come back more often here.

        Only before the first thought; unknown traps and bad values are ignored.
        """
        if self.shown:
            raise StepError("remember() must be called before the first thought")
        if not isinstance(memory, Mapping):
            return
        scores = memory.get("scores")
        if isinstance(scores, Mapping):
            for t, v in scores.items():
                if t in self.scores and isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0:
                    self.scores[t] = float(v)
        pending = memory.get("pending")
        if isinstance(pending, (list, tuple)):
            self.pending.update(t for t in pending if t in self.scores)

    def summary(self) -> RoundSummary:
        done = [r for r in self.results if r.item_done]
        return RoundSummary(
            thoughts=len(done),
            first_try=sum(1 for r in done if r.correct and r.attempt == 1),
            solved=sum(1 for r in done if r.correct),
            revealed=sum(1 for r in done if r.revealed),
            missed_traps=tuple(sorted(self.pending)),
        )


# --------------------------------------------------------------------------------------------
# Thought record: catch -> check -> change
# --------------------------------------------------------------------------------------------
class Step(enum.Enum):
    CATCH = 1
    CHECK_BELIEF = 2
    CHECK_TRAP = 3
    CHECK_EVIDENCE = 4
    FRIEND_TEST = 5
    CHANGE = 6
    RERATE = 7
    DONE = 8


_ORDER = list(Step)


def _rating(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ThinkingError(f"{name} must be a whole number from 0 to 100, not {value!r}")
    if not 0 <= value <= 100:
        raise ThinkingError(f"{name} must be from 0 to 100, not {value}")
    return value


@dataclass(frozen=True)
class ChangeSummary:
    belief_before: int
    belief_after: int
    feeling: str
    feeling_before: int
    feeling_after: int
    lines: tuple[str, ...]

    @property
    def belief_change(self) -> int:
        return self.belief_after - self.belief_before

    @property
    def feeling_change(self) -> int:
        return self.feeling_after - self.feeling_before

    @property
    def text(self) -> str:
        return " ".join(self.lines)


class ThoughtRecord:
    """Catch -> check -> change, one step at a time.

    Steps: CATCH (feeling + strength) -> CHECK_BELIEF -> CHECK_TRAP -> CHECK_EVIDENCE ->
    FRIEND_TEST -> CHANGE (pick an option or write your own) -> RERATE -> DONE.
    Each action is allowed only in its step (else ``StepError``); ratings are ints 0-100 (else
    ``ThinkingError``). ``back()`` goes back one step (not from CATCH or DONE).
    """

    def __init__(self, item: ThoughtItem, catalogue: TrapCatalogue, rng: random.Random | None = None) -> None:
        for t in item.traps:
            if t not in catalogue:
                raise ThinkingError(f"thought {item.id!r} uses unknown trap {t!r}")
        self.item = item
        self.catalogue = catalogue
        self.step = Step.CATCH
        rng = rng or random.Random(0)
        ev = list(item.evidence)
        rng.shuffle(ev)
        opts = list(item.balanced)
        rng.shuffle(opts)
        self._evidence_order = tuple(ev)
        self._option_order = tuple(opts)
        self.feeling: str | None = None
        self.feeling_before: int | None = None
        self.belief_before: int | None = None
        self.trap_chosen: str | None = None
        self.trap_feedback: TrapFeedback | None = None
        self.placements: dict[str, str] = {}
        self.evidence_score: EvidenceScore | None = None
        self.balanced_option_id: str | None = None
        self.own_text: str | None = None
        self.balanced_fb: BalancedFeedback | None = None
        self.belief_after: int | None = None
        self.feeling_after: int | None = None

    # -- helpers for the UI -------------------------------------------------------------------
    def feeling_options(self) -> tuple[str, ...]:
        """The thought's suggested feelings first, then the rest of the fixed list."""
        first = [f for f in self.item.feelings if f in FEELINGS]
        return tuple(first + [f for f in FEELINGS if f not in first])

    def trap_options(self) -> tuple[str, ...]:
        ids = [t.id for t in self.catalogue.core]
        return tuple(ids + [t for t in self.item.traps if t not in ids])

    def evidence_cards(self) -> tuple[EvidenceOption, ...]:
        """Evidence cards in a shuffled (seeded) order."""
        return self._evidence_order

    def balanced_choices(self) -> tuple[BalancedOption, ...]:
        """The three options in a shuffled (seeded) order."""
        return self._option_order

    @property
    def friend_test(self) -> str:
        return self.item.friend_test

    @property
    def done(self) -> bool:
        return self.step is Step.DONE

    def _expect(self, step: Step, action: str) -> None:
        if self.step is not step:
            raise StepError(f"can't {action} now: the thought record is at step {self.step.name}, "
                            f"not {step.name}")

    def _advance(self) -> None:
        self.step = _ORDER[_ORDER.index(self.step) + 1]

    # -- steps --------------------------------------------------------------------------------
    def catch(self, feeling: str, strength: int) -> None:
        self._expect(Step.CATCH, "name a feeling")
        if feeling not in FEELINGS:
            raise ThinkingError(f"feeling must be one of the list, not {feeling!r}")
        self.feeling_before = _rating("feeling strength", strength)
        self.feeling = feeling
        self._advance()

    def rate_belief(self, belief: int) -> None:
        self._expect(Step.CHECK_BELIEF, "rate belief")
        self.belief_before = _rating("belief", belief)
        self._advance()

    def choose_trap(self, trap_id: str) -> TrapFeedback:
        self._expect(Step.CHECK_TRAP, "choose a trap")
        fb = check_trap(self.item, trap_id, self.catalogue)
        self.trap_chosen = trap_id
        self.trap_feedback = fb
        self._advance()
        return fb

    def sort_evidence(self, placements: Mapping[str, str]) -> EvidenceScore:
        """``{evidence_id: "for" | "against"}`` for the cards the player sorted (at least one)."""
        self._expect(Step.CHECK_EVIDENCE, "sort evidence")
        if not placements:
            raise ThinkingError("sort or choose at least one evidence card")
        score = score_evidence(self.item, placements)
        self.placements = dict(placements)
        self.evidence_score = score
        self._advance()
        return score

    def acknowledge_friend_test(self) -> None:
        self._expect(Step.FRIEND_TEST, "go on from the friend test")
        self._advance()

    def choose_balanced(self, option_id: str) -> BalancedFeedback:
        self._expect(Step.CHANGE, "choose a balanced thought")
        fb = balanced_feedback(self.item, option_id, self.catalogue.lines)
        self.balanced_option_id = option_id
        self.own_text = None
        self.balanced_fb = fb
        self._advance()
        return fb

    def write_own(self, text: str) -> BalancedFeedback:
        self._expect(Step.CHANGE, "write a balanced thought")
        if not isinstance(text, str):
            raise ThinkingError("your own thought must be text")
        text = text.strip()
        if not text:
            raise ThinkingError("your own thought is empty")
        if len(text) > OWN_TEXT_MAX:
            raise ThinkingError(f"your own thought can be at most {OWN_TEXT_MAX} characters")
        fb = balanced_feedback(self.item, None, self.catalogue.lines)
        self.own_text = text
        self.balanced_option_id = None
        self.balanced_fb = fb
        self._advance()
        return fb

    def rerate(self, belief_after: int, feeling_after: int) -> ChangeSummary:
        self._expect(Step.RERATE, "rate again")
        b = _rating("belief", belief_after)
        f = _rating("feeling strength", feeling_after)
        self.belief_after, self.feeling_after = b, f
        self._advance()
        return self.summary()

    def back(self) -> Step:
        if self.step is Step.CATCH:
            raise StepError("can't go back: this is the first step")
        if self.step is Step.DONE:
            raise StepError("can't go back: the thought record is finished")
        self.step = _ORDER[_ORDER.index(self.step) - 1]
        return self.step

    @property
    def can_go_back(self) -> bool:
        return self.step not in (Step.CATCH, Step.DONE)

    # -- results ------------------------------------------------------------------------------
    def _expect_done(self) -> None:
        if self.step is not Step.DONE:
            raise StepError(f"the thought record is not finished (step {self.step.name})")

    def payload(self) -> dict[str, Any]:
        """The ``thought_record_completed`` payload. Never contains the player's own text."""
        self._expect_done()
        assert self.evidence_score is not None
        wrote_own = self.own_text is not None
        quality = OWN if wrote_own else self.item.option(self.balanced_option_id or "").quality
        return {
            "thought_id": self.item.id,
            "feeling": self.feeling,
            "feeling_before": self.feeling_before,
            "feeling_after": self.feeling_after,
            "belief_before": self.belief_before,
            "belief_after": self.belief_after,
            "trap_chosen": self.trap_chosen,
            "evidence_ids": [e.id for e in self.item.evidence if e.id in self.placements],
            "evidence_correct": self.evidence_score.correct,
            "balanced_option_id": None if wrote_own else self.balanced_option_id,
            "balanced_quality": quality,
            "wrote_own": wrote_own,
        }

    def journal_entry(self, date: str) -> dict[str, Any]:
        """A JSON-serialisable entry for the player's own journal (this one keeps their text)."""
        self._expect_done()
        wrote_own = self.own_text is not None
        balanced_text = self.own_text if wrote_own else self.item.option(self.balanced_option_id or "").text
        trap = self.catalogue.get(self.trap_chosen or "")
        ev_for = [e.text for e in self.item.evidence if self.placements.get(e.id) == "for"]
        ev_against = [e.text for e in self.item.evidence if self.placements.get(e.id) == "against"]
        return {
            "date": str(date),
            "thought_id": self.item.id,
            "topic": self.item.topic,
            "situation": self.item.situation,
            "thought": self.item.thought,
            "feeling": self.feeling,
            "feeling_before": self.feeling_before,
            "feeling_after": self.feeling_after,
            "belief_before": self.belief_before,
            "belief_after": self.belief_after,
            "trap_chosen": trap.id,
            "trap_name": trap.name,
            "trap_correct": self.item.fits(trap.id),
            "evidence_for": ev_for,
            "evidence_against": ev_against,
            "balanced_thought": balanced_text,
            "wrote_own": wrote_own,
        }

    def summary(self) -> ChangeSummary:
        self._expect_done()
        lines = self.catalogue.lines
        b0, b1 = int(self.belief_before or 0), int(self.belief_after or 0)
        f0, f1 = int(self.feeling_before or 0), int(self.feeling_after or 0)
        feeling = feeling_name(self.feeling or "")
        out = [lines.belief_change.format(before=b0, after=b1),
               lines.feeling_change.format(feeling=feeling, before=f0, after=f1)]
        if b0 == b1 and f0 == f1:
            out.append(lines.no_change)
        return ChangeSummary(b0, b1, self.feeling or "", f0, f1, tuple(out))


def traps_in(items: Iterable[ThoughtItem]) -> dict[str, int]:
    """How many thoughts carry each trap (for content checks and level design)."""
    counts: dict[str, int] = {}
    for it in items:
        for t in it.traps:
            counts[t] = counts.get(t, 0) + 1
    return counts
