"""My Toolkit (level 7): a short skills review, and the toolkit card the player keeps.

Pure rules, no pygame.

* ``SkillsReview``: one recap question per skill of levels 1-6; the player answers, the feedback
  explains (right or not), and the next question comes. ``skills_review_answered`` logs the
  question id, the option id, whether it was right and the level it reviews.
* ``gather_items`` collects what can go on the card: the player's own plans and records first
  (their problem plan, planned activities, balanced thoughts, the kinds of people on their ally
  map), then the level's suggestions. ``ToolkitCard`` checks a selection (at least one item in
  each section, at most ``MAX_PER_SECTION``) and adds the deployment's helplines, which are always
  on the card. ``toolkit_saved`` logs counts only: the card may hold the player's own words.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

SECTIONS = ("skills", "signs", "helps", "people")
MAX_PER_SECTION = 3
MAX_ITEM_CHARS = 90


class ToolkitError(ValueError):
    pass


# ====================================================================== skills review
@dataclass(frozen=True)
class ReviewOption:
    id: str
    text: str
    correct: bool = False


@dataclass(frozen=True)
class ReviewQuestion:
    id: str
    level: int
    prompt: str
    options: tuple[ReviewOption, ...]
    explain: str

    def option(self, option_id: str) -> ReviewOption:
        for o in self.options:
            if o.id == option_id:
                return o
        raise ToolkitError(f"unknown option {option_id!r} in question {self.id!r}")

    @property
    def right(self) -> ReviewOption:
        return next(o for o in self.options if o.correct)


def question_problems(q: ReviewQuestion) -> list[str]:
    out = []
    n = sum(1 for o in q.options if o.correct)
    if n != 1:
        out.append(f"question {q.id!r} needs exactly one right option (has {n})")
    if len(q.options) < 2:
        out.append(f"question {q.id!r} needs at least two options")
    ids = [o.id for o in q.options]
    if len(set(ids)) != len(ids):
        out.append(f"question {q.id!r}: option ids must be different")
    if not 1 <= q.level <= 6:
        out.append(f"question {q.id!r}: level must be 1-6 (the skills of the earlier levels)")
    return out


@dataclass(frozen=True)
class ReviewResult:
    question_id: str
    option_id: str
    correct: bool
    right_option_id: str
    explain: str
    level: int

    def payload(self) -> dict[str, Any]:
        return {"question_id": self.question_id, "option_id": self.option_id, "correct": self.correct,
                "skill_level": self.level}


@dataclass
class SkillsReview:
    questions: tuple[ReviewQuestion, ...]
    index: int = 0
    results: list[ReviewResult] = field(default_factory=list)
    answered: bool = False

    def __post_init__(self) -> None:
        if not self.questions:
            raise ToolkitError("no review questions")
        for q in self.questions:
            probs = question_problems(q)
            if probs:
                raise ToolkitError(probs[0])

    @property
    def current(self) -> ReviewQuestion:
        return self.questions[self.index]

    @property
    def finished(self) -> bool:
        return self.answered and self.index >= len(self.questions) - 1

    def answer(self, option_id: str) -> ReviewResult:
        if self.answered:
            raise ToolkitError("this question is answered: move on")
        q = self.current
        opt = q.option(option_id)
        res = ReviewResult(q.id, opt.id, opt.correct, q.right.id, q.explain, q.level)
        self.results.append(res)
        self.answered = True
        return res

    def next(self) -> bool:
        if not self.answered:
            raise ToolkitError("answer first")
        if self.index >= len(self.questions) - 1:
            return False
        self.index += 1
        self.answered = False
        return True

    @property
    def right_count(self) -> int:
        return sum(1 for r in self.results if r.correct)


# ====================================================================== the toolkit card
@dataclass(frozen=True)
class CardItem:
    id: str
    section: str
    text: str
    own: bool = False          # from the player's own plans and records (shown first)


@dataclass(frozen=True)
class Helpline:
    name: str
    number: str
    text: str = ""
    hours: str = ""


def helplines_from(deployment_helplines: Iterable[Mapping[str, Any]] | None) -> tuple[Helpline, ...]:
    out = []
    for h in deployment_helplines or []:
        if isinstance(h, Mapping) and h.get("number"):
            out.append(Helpline(str(h.get("name", "")), str(h["number"]), str(h.get("text", "") or ""),
                                str(h.get("hours", "") or "")))
    return tuple(out)


def _short(text: Any) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= MAX_ITEM_CHARS else s[:MAX_ITEM_CHARS - 1].rstrip() + "…"


def gather_items(suggestions: Mapping[str, Iterable[tuple[str, str]]], profile_data: Mapping[str, Any] | None,
                 activity_text: Callable[[str], str | None] = lambda _id: None,
                 people_used: Iterable[str] = (), own_templates: Mapping[str, str] | None = None,
                 ) -> dict[str, list[CardItem]]:
    """What can go on the card, per section: the player's own things first, then suggestions.

    ``suggestions``: section -> (id, text) pairs from the level content (people ids are ally types).
    ``people_used``: ally types on the player's ally map (those people are offered first).
    ``own_templates``: how own items read, e.g. {"problem": "My next step: {step}", "activity": "{text}",
    "thought": "{text}"}.
    """
    tpl = {"problem": "{step}", "activity": "{text}", "thought": "{text}"}
    tpl.update(own_templates or {})
    data = profile_data or {}
    out: dict[str, list[CardItem]] = {s: [] for s in SECTIONS}
    seen: set[str] = set()

    def add(section: str, iid: str, text: str, own: bool) -> None:
        text = _short(text)
        if not text or iid in seen or text.lower() in {i.text.lower() for i in out[section]}:
            return
        seen.add(iid)
        out[section].append(CardItem(iid, section, text, own))

    # --- the player's own records (newest first, a few of each) --------------------------------
    journal = [e for e in (data.get("journal") or []) if isinstance(e, Mapping)]
    plans = [e for e in journal if e.get("kind") == "problem_plan" and e.get("first_step")]
    for i, p in enumerate(reversed(plans[-2:])):
        add("helps", f"own:problem:{len(plans) - 1 - i}", tpl["problem"].format(step=p.get("first_step"),
                                                                               idea=p.get("idea", "")), True)
    acts: list[str] = []
    for plan in reversed([p for p in (data.get("plans") or []) if isinstance(p, Mapping)]):
        for item in plan.get("items") or []:
            if isinstance(item, Mapping) and item.get("status") != "not_yet":
                aid = item.get("activity_id")
                if isinstance(aid, str) and aid not in acts:
                    acts.append(aid)
    for aid in acts[:3]:
        text = activity_text(aid)
        if text:
            add("helps", f"own:activity:{aid}", tpl["activity"].format(text=text), True)
    records = [e for e in journal if e.get("kind", "thought_record") == "thought_record" and e.get("balanced_thought")]
    for i, r in enumerate(reversed(records[-2:])):
        add("skills", f"own:thought:{len(records) - 1 - i}", tpl["thought"].format(text=r.get("balanced_thought")), True)
    # --- suggestions from the level ----------------------------------------------------------------
    used = [t for t in people_used]
    people = list(suggestions.get("people", []))
    people.sort(key=lambda p: (p[0] not in used, used.index(p[0]) if p[0] in used else 0))
    for pid, text in people:
        add("people", f"person:{pid}", text, pid in used)
    for section in ("skills", "signs", "helps"):
        for iid, text in suggestions.get(section, []):
            add(section, f"{section}:{iid}", text, False)
    return out


@dataclass
class ToolkitCard:
    items: dict[str, list[CardItem]]
    helplines: tuple[Helpline, ...]
    chosen: dict[str, list[str]] = field(default_factory=lambda: {s: [] for s in SECTIONS})

    def item(self, item_id: str) -> CardItem:
        for lst in self.items.values():
            for it in lst:
                if it.id == item_id:
                    return it
        raise ToolkitError(f"unknown item {item_id!r}")

    def is_chosen(self, item_id: str) -> bool:
        return any(item_id in v for v in self.chosen.values())

    def full(self, section: str) -> bool:
        return len(self.chosen[section]) >= MAX_PER_SECTION

    def toggle(self, item_id: str) -> bool:
        """Pick or unpick an item; returns whether it is now on the card. A full section refuses."""
        it = self.item(item_id)
        lst = self.chosen[it.section]
        if item_id in lst:
            lst.remove(item_id)
            return False
        if len(lst) >= MAX_PER_SECTION:
            raise ToolkitError(f"at most {MAX_PER_SECTION} in one section")
        lst.append(item_id)
        return True

    def missing(self) -> list[str]:
        """Sections that still need at least one item (sections with nothing to offer are skipped)."""
        return [s for s in SECTIONS if self.items.get(s) and not self.chosen[s]]

    def ready(self) -> bool:
        return not self.missing()

    def lines(self, section: str) -> list[str]:
        return [self.item(i).text for i in self.chosen[section]]

    def payload(self) -> dict[str, Any]:
        """``toolkit_saved``: counts only (the card itself may carry the player's own words)."""
        if not self.ready():
            raise ToolkitError(f"the card still needs: {', '.join(self.missing())}")
        counts = {s: len(self.chosen[s]) for s in SECTIONS}
        own = sum(1 for s in SECTIONS for i in self.chosen[s] if self.item(i).own)
        return {"items_count": sum(counts.values()), "skills_count": counts["skills"],
                "signs_count": counts["signs"], "helps_count": counts["helps"], "people_count": counts["people"],
                "own_items_count": own, "helplines_count": len(self.helplines)}

    def to_dict(self, date: str) -> dict[str, Any]:
        """The card for the player's journal (kept on this computer)."""
        return {"kind": "toolkit", "date": str(date),
                "sections": {s: self.lines(s) for s in SECTIONS},
                "helplines": [[h.name, h.number] for h in self.helplines]}
