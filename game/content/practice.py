"""Practice content for levels 5-7: problem solving, assertive replies, the ally map, the skills
review and the toolkit card (sections ``practice``, ``problems``, ``assertive``, ``allies``,
``review`` and ``toolkit`` of a ``level.yaml``).

A practice spot in the map is a Tiled object of type ``practice`` with ``g_practice: <key>``; the key
names an entry of ``practice:``, whose ``mode`` says which screen opens. The schemas below are checked
by pydantic when the level loads; ``check_practice`` then checks what a schema cannot (one reply of
each style, one right answer, ids known to the research data, every text short enough) and names the
file and line of each problem.
"""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from game.content.errors import ContentIssue

MODES = ("problem", "assertive", "allies", "review", "toolkit")
MAX_WORDS = 25          # the same rule as a dialogue box
MAX_OPTION_WORDS = 14   # a choice the player reads on a card


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PracticeSpot(_Strict):
    """A practice spot in the map (Tiled type ``practice``, ``g_practice: <key>``)."""
    mode: Literal["problem", "assertive", "allies", "review", "toolkit"]
    title: str
    required: bool = True                 # the level's exit waits until it is done
    done_dialogue: Optional[str] = None   # a dialogue id shown when it is finished


# ---------------------------------------------------------------------- level 5: problem solving
class ProblemDefinitionC(_Strict):
    id: str
    text: str
    clear: bool = False
    feedback: str


class ProblemStepC(_Strict):
    id: str
    text: str


class ProblemOptionC(_Strict):
    id: str
    text: str
    pro: str
    con: str
    steps: list[ProblemStepC] = Field(min_length=1)


class ProblemC(_Strict):
    id: str
    title: str
    situation: str
    definitions: list[ProblemDefinitionC] = Field(min_length=2)
    options: list[ProblemOptionC] = Field(min_length=3)
    min_ideas: int = Field(default=2, ge=1, le=5)


class ProblemPrompts(_Strict):
    choose: str
    define: str
    brainstorm: str
    weigh: str
    plan: str
    step: str
    schedule: str
    done: str


class ProblemsContent(_Strict):
    prompts: ProblemPrompts
    problems: list[ProblemC] = Field(min_length=1)
    own_steps: list[ProblemStepC] = Field(min_length=1)


# ---------------------------------------------------------------------- level 6: assertive replies
class ReplyC(_Strict):
    id: str
    style: Literal["passive", "aggressive", "assertive"]
    text: str
    feedback: str


class SituationC(_Strict):
    id: str
    speaker: str
    portrait: Optional[str] = None
    setup: str
    replies: list[ReplyC] = Field(min_length=3, max_length=3)


class AssertiveContent(_Strict):
    intro: str
    styles: dict[Literal["passive", "aggressive", "assertive"], str]
    situations: list[SituationC] = Field(min_length=1)
    done: str


# ---------------------------------------------------------------------- level 6: the ally map
class AllyTypeC(_Strict):
    id: str
    label: str
    icon: Optional[str] = None


class AllyNeedC(_Strict):
    id: str
    label: str


class AlliesContent(_Strict):
    intro: str
    privacy: str
    types: list[AllyTypeC] = Field(min_length=2)
    needs: list[AllyNeedC] = Field(min_length=1)
    nudge_empty: str
    nudge_serious: str
    done: str


# ---------------------------------------------------------------------- level 7: review and toolkit
class ReviewOptionC(_Strict):
    id: str
    text: str
    correct: bool = False


class ReviewQuestionC(_Strict):
    id: str
    level: int = Field(ge=1, le=6)
    prompt: str
    options: list[ReviewOptionC] = Field(min_length=2, max_length=4)
    explain: str


class ReviewContent(_Strict):
    intro: str
    questions: list[ReviewQuestionC] = Field(min_length=1)
    done: str


class ToolkitItemC(_Strict):
    id: str
    text: str


class ToolkitHeadings(_Strict):
    skills: str
    signs: str
    helps: str
    people: str
    helplines: str


class ToolkitContent(_Strict):
    intro: str
    card_title: str
    headings: ToolkitHeadings
    skills: list[ToolkitItemC] = Field(min_length=1)
    signs: list[ToolkitItemC] = Field(min_length=1)
    helps: list[ToolkitItemC] = Field(min_length=1)
    people: list[ToolkitItemC] = Field(min_length=1)
    own_problem: str = "{step}"        # how the player's own problem-plan step reads on the card
    footer: str
    saved: str                         # told after saving; {path} is the file


# ====================================================================== checks
def _line(data: Any, loc: tuple) -> int | None:
    from game.content.yamlload import line_of

    return line_of(data, loc)


def practice_texts(content: Any) -> list[tuple[tuple, str, int]]:
    """Every player-facing text of the practice sections: (yaml path, text, word limit)."""
    out: list[tuple[tuple, str, int]] = []
    for key, spot in (content.practice or {}).items():
        out.append((("practice", key, "title"), spot.title, MAX_OPTION_WORDS))
    p = content.problems
    if p is not None:
        for k, v in p.prompts.model_dump().items():
            out.append((("problems", "prompts", k), v, MAX_WORDS))
        for i, pr in enumerate(p.problems):
            base = ("problems", "problems", i)
            out.append((base + ("title",), pr.title, MAX_OPTION_WORDS))
            out.append((base + ("situation",), pr.situation, MAX_WORDS))
            for j, d in enumerate(pr.definitions):
                out.append((base + ("definitions", j, "text"), d.text, MAX_OPTION_WORDS))
                out.append((base + ("definitions", j, "feedback"), d.feedback, MAX_WORDS))
            for j, o in enumerate(pr.options):
                ob = base + ("options", j)
                out += [(ob + ("text",), o.text, MAX_OPTION_WORDS), (ob + ("pro",), o.pro, MAX_OPTION_WORDS),
                        (ob + ("con",), o.con, MAX_OPTION_WORDS)]
                out += [(ob + ("steps", k, "text"), s.text, MAX_OPTION_WORDS) for k, s in enumerate(o.steps)]
        out += [(("problems", "own_steps", k, "text"), s.text, MAX_OPTION_WORDS) for k, s in enumerate(p.own_steps)]
    a = content.assertive
    if a is not None:
        out.append((("assertive", "intro"), a.intro, MAX_WORDS))
        out.append((("assertive", "done"), a.done, MAX_WORDS))
        out += [(("assertive", "styles", k), v, MAX_WORDS) for k, v in a.styles.items()]
        for i, s in enumerate(a.situations):
            out.append((("assertive", "situations", i, "setup"), s.setup, MAX_WORDS))
            for j, r in enumerate(s.replies):
                rb = ("assertive", "situations", i, "replies", j)
                out += [(rb + ("text",), r.text, MAX_WORDS), (rb + ("feedback",), r.feedback, MAX_WORDS)]
    al = content.allies
    if al is not None:
        for k in ("intro", "privacy", "nudge_empty", "nudge_serious", "done"):
            out.append((("allies", k), getattr(al, k), MAX_WORDS))
        out += [(("allies", "types", i, "label"), t.label, 5) for i, t in enumerate(al.types)]
        out += [(("allies", "needs", i, "label"), n.label, 6) for i, n in enumerate(al.needs)]
    r = content.review
    if r is not None:
        out += [(("review", "intro"), r.intro, MAX_WORDS), (("review", "done"), r.done, MAX_WORDS)]
        for i, q in enumerate(r.questions):
            out += [(("review", "questions", i, "prompt"), q.prompt, MAX_WORDS),
                    (("review", "questions", i, "explain"), q.explain, MAX_WORDS)]
            out += [(("review", "questions", i, "options", j, "text"), o.text, MAX_OPTION_WORDS)
                    for j, o in enumerate(q.options)]
    t = content.toolkit
    if t is not None:
        for k in ("intro", "card_title", "footer", "saved"):
            out.append((("toolkit", k), getattr(t, k), MAX_WORDS))
        for k, v in t.headings.model_dump().items():
            out.append((("toolkit", "headings", k), v, 6))
        for sec in ("skills", "signs", "helps", "people"):
            out += [(("toolkit", sec, i, "text"), it.text, MAX_OPTION_WORDS) for i, it in enumerate(getattr(t, sec))]
    return out


def _dupes(ids: list[str]) -> list[str]:
    seen, out = set(), []
    for i in ids:
        if i in seen and i not in out:
            out.append(i)
        seen.add(i)
    return out


def check_practice(content: Any, data: Any, name: str) -> list[ContentIssue]:
    """Problems in a level's practice sections, each with the file and line."""
    from game.mechanics.allies import ALLY_TYPES, NEEDS
    from game.mechanics.assertive import STYLES

    issues: list[ContentIssue] = []

    def add(loc: tuple, msg: str) -> None:
        issues.append(ContentIssue(name, _line(data, loc), msg))

    sections = {"problem": content.problems, "assertive": content.assertive, "allies": content.allies,
                "review": content.review, "toolkit": content.toolkit}
    for key, spot in (content.practice or {}).items():
        if sections[spot.mode] is None:
            section = "problems" if spot.mode == "problem" else spot.mode
            add(("practice", key, "mode"), f"practice {key!r} is a {spot.mode} spot, but the level has no {section}: section")
        if spot.done_dialogue and spot.done_dialogue not in content.dialogue:
            add(("practice", key, "done_dialogue"), f"practice {key!r} names dialogue {spot.done_dialogue!r}, which the level does not have")
    for loc, text, limit in practice_texts(content):
        n = len(str(text).split())
        if not str(text).strip():
            add(loc, f"{'.'.join(map(str, loc))} is empty")
        elif n > limit:
            add(loc, f"{'.'.join(map(str, loc))} has {n} words; at most {limit}")
    p = content.problems
    if p is not None:
        for i, d in enumerate(_dupes([x.id for x in p.problems])):
            add(("problems", "problems"), f"problem id {d!r} is used twice")
        for i, pr in enumerate(p.problems):
            base = ("problems", "problems", i)
            clear = [d for d in pr.definitions if d.clear]
            if not clear:
                add(base + ("definitions",), f"problem {pr.id!r} needs a clear definition (clear: true)")
            if len(clear) == len(pr.definitions):
                add(base + ("definitions",), f"problem {pr.id!r} needs at least one vague definition to compare (clear: false)")
            for d in _dupes([x.id for x in pr.definitions]):
                add(base + ("definitions",), f"problem {pr.id!r}: definition id {d!r} is used twice")
            for d in _dupes([x.id for x in pr.options]):
                add(base + ("options",), f"problem {pr.id!r}: option id {d!r} is used twice")
            if any(o.id == "own" for o in pr.options):
                add(base + ("options",), f"problem {pr.id!r}: option id 'own' is kept for the player's own idea")
            if len(pr.options) < pr.min_ideas + 1:
                add(base + ("min_ideas",), f"problem {pr.id!r} asks for {pr.min_ideas} ideas but offers only {len(pr.options)} options")
    a = content.assertive
    if a is not None:
        missing = [s for s in STYLES if s not in a.styles]
        if missing:
            add(("assertive", "styles"), f"assertive.styles needs a line for {', '.join(missing)}")
        for d in _dupes([s.id for s in a.situations]):
            add(("assertive", "situations"), f"situation id {d!r} is used twice")
        for i, s in enumerate(a.situations):
            styles = [r.style for r in s.replies]
            for st in STYLES:
                if styles.count(st) != 1:
                    add(("assertive", "situations", i, "replies"),
                        f"situation {s.id!r} needs exactly one {st} reply (has {styles.count(st)})")
            for d in _dupes([r.id for r in s.replies]):
                add(("assertive", "situations", i, "replies"), f"situation {s.id!r}: reply id {d!r} is used twice")
    al = content.allies
    if al is not None:
        for i, t in enumerate(al.types):
            if t.id not in ALLY_TYPES:
                add(("allies", "types", i, "id"), f"ally type {t.id!r} is not one of {', '.join(ALLY_TYPES)} (they are research columns)")
        for i, n in enumerate(al.needs):
            if n.id not in NEEDS:
                add(("allies", "needs", i, "id"), f"need {n.id!r} is not one of {', '.join(NEEDS)} (they are research columns)")
        for d in _dupes([t.id for t in al.types]) + _dupes([n.id for n in al.needs]):
            add(("allies",), f"allies: id {d!r} is used twice")
        if "serious" not in {n.id for n in al.needs}:
            add(("allies", "needs"), "allies.needs must include 'serious' (who to go to when something serious happens)")
        _check_icons([(("allies", "types", i, "icon"), t.icon) for i, t in enumerate(al.types)], add)
    r = content.review
    if r is not None:
        for d in _dupes([q.id for q in r.questions]):
            add(("review", "questions"), f"question id {d!r} is used twice")
        for i, q in enumerate(r.questions):
            n = sum(1 for o in q.options if o.correct)
            if n != 1:
                add(("review", "questions", i, "options"), f"question {q.id!r} needs exactly one right option (has {n})")
            for d in _dupes([o.id for o in q.options]):
                add(("review", "questions", i, "options"), f"question {q.id!r}: option id {d!r} is used twice")
    t = content.toolkit
    if t is not None:
        for sec in ("skills", "signs", "helps", "people"):
            for d in _dupes([it.id for it in getattr(t, sec)]):
                add(("toolkit", sec), f"toolkit.{sec}: id {d!r} is used twice")
        for i, it in enumerate(t.people):
            if it.id not in ALLY_TYPES:
                add(("toolkit", "people", i, "id"), f"toolkit person {it.id!r} is not an ally type ({', '.join(ALLY_TYPES)})")
        if "{path}" not in t.saved:
            add(("toolkit", "saved"), "toolkit.saved must say where the card is: include {path}")
        for k in ("own_problem",):
            v = getattr(t, k)
            if "{step}" not in v:
                add(("toolkit", k), f"toolkit.{k} must include {{step}}")
    return issues


def _check_icons(pairs: list[tuple[tuple, Optional[str]]], add) -> None:
    from game.paths import resource

    folder = resource("assets", "icons")
    for loc, name in pairs:
        if name and not (folder / f"{name}.png").exists():
            add(loc, f"icon {name!r} is not in assets/icons")
