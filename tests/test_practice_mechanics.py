"""Rules of the level 5-7 practice mechanics (no pygame): problem solving, assertive replies,
the ally map, the skills review and the toolkit card."""
import pytest

from game.mechanics.allies import ALLY_TYPES, NEEDS, AllyError, AllyMap, latest_ally_map
from game.mechanics.assertive import AssertiveError, AssertivePractice, Reply, Situation
from game.mechanics.problem_solving import (
    OWN, Definition, Option, Problem, ProblemError, ProblemSolving, Step, latest_plan,
)
from game.mechanics.toolkit import (
    MAX_PER_SECTION, ReviewOption, ReviewQuestion, SkillsReview, ToolkitCard, ToolkitError, gather_items,
    helplines_from,
)


def problem():
    steps = (Step("s1", "Do a tiny bit"),)
    return Problem("p", "A problem", "Something is hard.",
                   (Definition("vague", "Life is bad", False, "Too big."), Definition("clear", "Finish X by Friday", True, "Yes!")),
                   tuple(Option(f"o{i}", f"Idea {i}", "good", "bad", steps) for i in range(4)), min_ideas=2)


def test_problem_solving_walks_the_five_stages_and_logs_ids_only():
    ps = ProblemSolving(problem(), (Step("own1", "Write it down"),))
    with pytest.raises(ProblemError):
        ps.toggle_idea("o1")                      # not before the problem is defined
    r = ps.define("vague")
    assert not r.clear and ps.stage == "define" and r.feedback == "Too big."
    assert ps.define("clear").clear and ps.stage == "brainstorm"
    ps.toggle_idea("o1")
    with pytest.raises(ProblemError):
        ps.finish_brainstorm()                    # one idea is not a brainstorm
    assert ps.set_own_idea("  Ask   my   aunt  ") == "Ask my aunt"
    assert ps.ideas == ["o1", OWN]
    ps.finish_brainstorm()
    with pytest.raises(ProblemError):
        ps.finish_weigh()
    ps.rate("o1", "no")
    ps.rate(OWN, "yes")
    ps.finish_weigh()
    assert ps.candidates() == [OWN]               # "not now" ideas are not offered
    with pytest.raises(ProblemError):
        ps.choose("o1")
    ps.choose(OWN)
    assert [s.id for s in ps.steps_for(OWN)] == ["own1"]
    ps.choose_step("own1")
    ps.finish_plan()
    with pytest.raises(ProblemError):
        ps.schedule(7)
    ps.schedule(3)
    p = ps.payload()
    assert p == {"problem_id": "p", "definition_attempts": 2, "options_count": 2, "own_idea": True,
                 "worth_trying_count": 1, "chosen_option_id": OWN, "first_step_id": "own1",
                 "first_step_day_offset": 3}
    assert "Ask my aunt" not in repr(p)
    entry = ps.plan_entry("2024-05-01")
    assert entry["idea"] == "Ask my aunt" and entry["first_step"] == "Write it down" and entry["kind"] == "problem_plan"
    assert latest_plan([{"kind": "x"}, entry]) == entry


def test_problem_going_back_keeps_valid_choices():
    ps = ProblemSolving(problem())
    ps.define("clear")
    ps.toggle_idea("o0")
    ps.toggle_idea("o2")
    ps.finish_brainstorm()
    ps.back()
    assert ps.stage == "brainstorm" and ps.ideas == ["o0", "o2"]
    ps.toggle_idea("o2")                          # unpick
    assert ps.ideas_needed() == 1
    assert ps.set_own_idea("   ") is None and OWN not in ps.ideas


def situation(sid="s"):
    return Situation(sid, "Tom", "He has your game.", (
        Reply("a", "passive", "It's fine", "Your needs count."),
        Reply("b", "aggressive", "Give it!", "That may start a fight."),
        Reply("c", "assertive", "Could I have it back?", "Clear and kind.")))


def test_assertive_practice_retries_until_the_assertive_reply():
    ap = AssertivePractice((situation("s1"), situation("s2")))
    r = ap.choose("a")
    assert (r.style, r.attempt, r.assertive) == ("passive", 1, False)
    with pytest.raises(AssertiveError):
        ap.next()                                  # not before the assertive reply is found
    r = ap.choose("c")
    assert r.assertive and r.attempt == 2 and r.payload() == {"situation_id": "s1", "reply_id": "c",
                                                               "style": "assertive", "attempt": 2}
    assert ap.next() and ap.current.id == "s2"
    assert ap.choose("c").attempt == 1 and ap.first_try == 1 and ap.finished
    assert ap.next() is False


def test_assertive_situation_needs_one_reply_of_each_style():
    bad = Situation("x", "Tom", "…", (Reply("a", "assertive", "1", ""), Reply("b", "assertive", "2", ""),
                                      Reply("c", "passive", "3", "")))
    with pytest.raises(AssertiveError, match="exactly one aggressive"):
        AssertivePractice((bad,))


def test_ally_map_counts_only_and_nudges_for_serious_help():
    m = AllyMap()
    assert m.nudge() == "empty"
    assert m.toggle("talk", "friend") and m.toggle("fun", "friend")
    m.place("school", "teacher")
    assert m.nudge() == "serious"                  # a friend alone is no plan for serious things
    m.place("serious", "friend")
    assert m.nudge() == "serious"
    m.place("serious", "counsellor")
    assert m.nudge() is None
    assert not m.toggle("talk", "friend")          # toggling again takes away
    p = m.payload()
    assert p["total"] == 4 and p["types_count"] == 3 and p["needs_covered"] == 3   # talk is empty again
    assert p["type_friend"] == 2 and p["need_serious"] == 2 and p["type_helpline"] == 0
    assert set(p) == {"total", "types_count", "needs_covered"} | {f"need_{n}" for n in NEEDS} | {f"type_{t}" for t in ALLY_TYPES}
    assert all(isinstance(v, int) for v in p.values())
    with pytest.raises(AllyError):
        m.place("talk", "Mrs Smith")               # only kinds of people, never names
    again = latest_ally_map([m.journal_entry("2024-01-01")])
    assert again.pairs() == m.pairs()
    assert AllyMap.from_pairs([["talk", "friend"], ["nope", "x"], "junk"]).pairs() == [["talk", "friend"]]


def test_ally_map_limits_people_per_need():
    m = AllyMap()
    for t in ALLY_TYPES[:6]:
        m.place("fun", t)
    assert m.full("fun")
    with pytest.raises(AllyError):
        m.place("fun", ALLY_TYPES[6])


def review():
    return SkillsReview(tuple(
        ReviewQuestion(f"q{i}", i, "?", (ReviewOption("r", "right", True), ReviewOption("w", "wrong")), "because")
        for i in (1, 2)))


def test_skills_review_explains_and_moves_on():
    rv = review()
    res = rv.answer("w")
    assert not res.correct and res.right_option_id == "r" and res.explain == "because"
    assert res.payload() == {"question_id": "q1", "option_id": "w", "correct": False, "skill_level": 1}
    with pytest.raises(ToolkitError):
        rv.answer("r")                             # one answer per question
    assert rv.next()
    assert rv.answer("r").correct and rv.finished and rv.right_count == 1
    assert rv.next() is False
    with pytest.raises(ToolkitError):
        SkillsReview((ReviewQuestion("q", 1, "?", (ReviewOption("a", "a", True), ReviewOption("b", "b", True)), "x"),))


def test_toolkit_offers_own_records_first_and_logs_counts():
    profile = {
        "journal": [
            {"kind": "thought_record", "thought": "I'm useless", "balanced_thought": "One test isn't the whole me"},
            {"kind": "problem_plan", "first_step": "Write a list of the three parts", "idea": "Split it"},
            {"kind": "ally_map", "placements": [["talk", "coach"]]},
        ],
        "plans": [{"items": [{"activity_id": "walk_dog", "status": "done"}, {"activity_id": "skip", "status": "not_yet"}]}],
    }
    suggestions = {"skills": [("breathing", "Slow breathing")], "signs": [("sleep", "Sleeping badly")],
                   "helps": [("walk", "Go for a walk")],
                   "people": [("friend", "A friend"), ("coach", "A coach")]}
    items = gather_items(suggestions, profile, activity_text={"walk_dog": "Walk the dog"}.get,
                         people_used=["coach"], own_templates={"problem": "My next step: {step}"})
    helps = [i.text for i in items["helps"]]
    assert helps[:2] == ["My next step: Write a list of the three parts", "Walk the dog"] and helps[-1] == "Go for a walk"
    assert items["skills"][0].text == "One test isn't the whole me" and items["skills"][0].own
    assert [i.id for i in items["people"]] == ["person:coach", "person:friend"]
    card = ToolkitCard(items, helplines_from([{"name": "Child helpline", "number": "116 111"}, {"name": "no number"}]))
    assert len(card.helplines) == 1
    with pytest.raises(ToolkitError):
        card.payload()                             # every part needs something
    for sec in ("skills", "signs", "helps", "people"):
        card.toggle(card.items[sec][0].id)
    card.toggle("helps:walk")
    p = card.payload()
    assert p == {"items_count": 5, "skills_count": 1, "signs_count": 1, "helps_count": 2, "people_count": 1,
                 "own_items_count": 3, "helplines_count": 1}
    assert card.to_dict("2024-01-01")["sections"]["helps"][0].startswith("My next step")


def test_toolkit_sections_are_capped():
    items = gather_items({"skills": [(str(i), f"Skill {i}") for i in range(5)]}, {})
    card = ToolkitCard(items, ())
    for it in items["skills"][:MAX_PER_SECTION]:
        card.toggle(it.id)
    with pytest.raises(ToolkitError):
        card.toggle(items["skills"][MAX_PER_SECTION].id)
    assert card.ready()                            # sections with nothing to offer are not required
