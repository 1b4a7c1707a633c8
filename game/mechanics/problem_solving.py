"""Problem solving (level 5, Stepping Stones): define → brainstorm → weigh → plan → schedule.

Pure rules, no pygame. The content (problems, definitions, options with pros and cons, first
steps) comes from the level file; this module keeps the order of the stages, checks every move and
builds the ``problem_solved`` payload (ids and counts only: an idea the player typed is kept for
their own plan on this computer and never goes into an event). There is no score: a vague
definition gets a kind nudge and another try, and every idea counts in a brainstorm.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

STAGES = ("define", "brainstorm", "weigh", "plan", "schedule", "done")
RATINGS = ("yes", "maybe", "no")          # "worth a try?"
OWN = "own"                               # option id of the player's own idea
MAX_DAY_OFFSET = 6                        # the first step happens within a week
MAX_OWN_IDEA_CHARS = 80


class ProblemError(ValueError):
    """A move that the current stage does not allow (a scene bug, never the player's fault)."""


@dataclass(frozen=True)
class Definition:
    id: str
    text: str
    clear: bool
    feedback: str


@dataclass(frozen=True)
class Step:
    id: str
    text: str


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    pro: str = ""
    con: str = ""
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True)
class Problem:
    id: str
    title: str
    situation: str
    definitions: tuple[Definition, ...]
    options: tuple[Option, ...]
    min_ideas: int = 2

    def definition(self, def_id: str) -> Definition:
        for d in self.definitions:
            if d.id == def_id:
                return d
        raise ProblemError(f"unknown definition {def_id!r}")

    def option(self, option_id: str) -> Option:
        for o in self.options:
            if o.id == option_id:
                return o
        raise ProblemError(f"unknown option {option_id!r}")


@dataclass(frozen=True)
class DefineResult:
    clear: bool
    feedback: str
    attempt: int


def clean_own_idea(text: str | None) -> str | None:
    """The player's own idea: trimmed, one line, at most MAX_OWN_IDEA_CHARS; None when empty."""
    if text is None:
        return None
    s = " ".join(str(text).split())[:MAX_OWN_IDEA_CHARS].strip()
    return s or None


@dataclass
class ProblemSolving:
    problem: Problem
    own_steps: tuple[Step, ...] = ()
    stage: str = "define"
    definition_attempts: int = 0
    definition_id: str | None = None
    ideas: list[str] = field(default_factory=list)      # option ids in the order chosen (OWN included)
    own_idea: str | None = None
    ratings: dict[str, str] = field(default_factory=dict)
    chosen: str | None = None
    step_id: str | None = None
    day_offset: int | None = None

    # ---------------------------------------------------------------- helpers
    def _expect(self, stage: str) -> None:
        if self.stage != stage:
            raise ProblemError(f"this needs the {stage} stage; the problem is at {self.stage}")

    def stage_number(self) -> int:
        """1..5 for the five stages (5 also when done)."""
        return min(5, STAGES.index(self.stage) + 1)

    def option_text(self, option_id: str) -> str:
        if option_id == OWN:
            return self.own_idea or ""
        return self.problem.option(option_id).text

    # ---------------------------------------------------------------- 1. define
    def define(self, def_id: str) -> DefineResult:
        self._expect("define")
        d = self.problem.definition(def_id)
        self.definition_attempts += 1
        if d.clear:
            self.definition_id = d.id
            self.stage = "brainstorm"
        return DefineResult(d.clear, d.feedback, self.definition_attempts)

    # ---------------------------------------------------------------- 2. brainstorm
    def toggle_idea(self, option_id: str) -> bool:
        """Add or remove an idea; returns whether it is now in the list."""
        self._expect("brainstorm")
        if option_id == OWN:
            if self.own_idea is None:
                raise ProblemError("write your own idea first")
        else:
            self.problem.option(option_id)
        if option_id in self.ideas:
            self.ideas.remove(option_id)
            return False
        self.ideas.append(option_id)
        return True

    def set_own_idea(self, text: str | None) -> str | None:
        """Write (or clear) the player's own idea; a written idea joins the list."""
        self._expect("brainstorm")
        self.own_idea = clean_own_idea(text)
        if self.own_idea is None:
            if OWN in self.ideas:
                self.ideas.remove(OWN)
        elif OWN not in self.ideas:
            self.ideas.append(OWN)
        return self.own_idea

    def ideas_needed(self) -> int:
        return max(0, self.problem.min_ideas - len(self.ideas))

    def finish_brainstorm(self) -> None:
        self._expect("brainstorm")
        if self.ideas_needed():
            raise ProblemError(f"pick at least {self.problem.min_ideas} ideas")
        self.stage = "weigh"

    # ---------------------------------------------------------------- 3. weigh
    def rate(self, option_id: str, rating: str) -> None:
        self._expect("weigh")
        if option_id not in self.ideas:
            raise ProblemError(f"{option_id!r} is not one of your ideas")
        if rating not in RATINGS:
            raise ProblemError(f"rating must be one of {RATINGS}")
        self.ratings[option_id] = rating

    def unrated(self) -> list[str]:
        return [i for i in self.ideas if i not in self.ratings]

    def finish_weigh(self) -> None:
        self._expect("weigh")
        if self.unrated():
            raise ProblemError("weigh up every idea first")
        self.stage = "plan"

    # ---------------------------------------------------------------- 4. plan
    def candidates(self) -> list[str]:
        """Ideas worth a try (yes first, then maybe); every idea if none was."""
        yes = [i for i in self.ideas if self.ratings.get(i) == "yes"]
        maybe = [i for i in self.ideas if self.ratings.get(i) == "maybe"]
        return (yes + maybe) or list(self.ideas)

    def steps_for(self, option_id: str) -> tuple[Step, ...]:
        if option_id == OWN:
            return self.own_steps
        return self.problem.option(option_id).steps or self.own_steps

    def choose(self, option_id: str) -> None:
        self._expect("plan")
        if option_id not in self.candidates():
            raise ProblemError(f"{option_id!r} is not one of the ideas to choose from")
        if self.chosen != option_id:
            self.step_id = None
        self.chosen = option_id

    def choose_step(self, step_id: str) -> None:
        self._expect("plan")
        if self.chosen is None:
            raise ProblemError("choose an idea first")
        if step_id not in {s.id for s in self.steps_for(self.chosen)}:
            raise ProblemError(f"{step_id!r} is not a step of {self.chosen!r}")
        self.step_id = step_id

    def step_text(self) -> str:
        for s in self.steps_for(self.chosen or ""):
            if s.id == self.step_id:
                return s.text
        return ""

    def finish_plan(self) -> None:
        self._expect("plan")
        if self.chosen is None or self.step_id is None:
            raise ProblemError("choose an idea and its first step")
        self.stage = "schedule"

    # ---------------------------------------------------------------- 5. schedule
    def schedule(self, day_offset: int) -> None:
        self._expect("schedule")
        if not isinstance(day_offset, int) or not 0 <= day_offset <= MAX_DAY_OFFSET:
            raise ProblemError(f"the first step must be within {MAX_DAY_OFFSET} days")
        self.day_offset = day_offset
        self.stage = "done"

    # ---------------------------------------------------------------- going back
    def back(self) -> None:
        """One stage back (the player changes their mind); choices made later are kept if still valid."""
        i = STAGES.index(self.stage)
        if i == 0 or self.stage == "done":
            return
        if self.stage == "brainstorm":
            self.definition_id = None
        self.stage = STAGES[i - 1]

    # ---------------------------------------------------------------- results
    def payload(self) -> dict[str, Any]:
        """``problem_solved`` (ids and counts only; the player's own idea is never logged)."""
        if self.stage != "done":
            raise ProblemError("the problem is not solved yet")
        return {
            "problem_id": self.problem.id,
            "definition_attempts": self.definition_attempts,
            "options_count": len(self.ideas),
            "own_idea": self.own_idea is not None and OWN in self.ideas,
            "worth_trying_count": sum(1 for i in self.ideas if self.ratings.get(i) == "yes"),
            "chosen_option_id": self.chosen,
            "first_step_id": self.step_id,
            "first_step_day_offset": self.day_offset,
        }

    def plan_entry(self, plan_date: str) -> dict[str, Any]:
        """A journal entry for the player's own records (kept on this computer; holds their words)."""
        if self.stage != "done":
            raise ProblemError("the problem is not solved yet")
        return {
            "kind": "problem_plan",
            "date": str(plan_date),
            "problem_id": self.problem.id,
            "problem": self.problem.title,
            "definition": self.problem.definition(self.definition_id or "").text,
            "idea_id": self.chosen,
            "idea": self.option_text(self.chosen or ""),
            "first_step_id": self.step_id,
            "first_step": self.step_text(),
            "day_offset": self.day_offset,
        }


def latest_plan(journal: Iterable[Any]) -> dict[str, Any] | None:
    """The newest problem plan in a journal list (None if there is none)."""
    plans = [e for e in journal or [] if isinstance(e, dict) and e.get("kind") == "problem_plan"]
    return plans[-1] if plans else None
