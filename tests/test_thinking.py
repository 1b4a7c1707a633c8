"""Rules of the "challenge negative thoughts" mechanic: scoring, the trap round, the thought record."""
from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.clock import FakeClock
from game.mechanics.thinking import (
    FEELINGS, OWN_TEXT_MAX, BalancedOption, EvidenceOption, FeedbackLines, Step, StepError,
    ThinkingError, ThoughtItem, ThoughtRecord, Trap, TrapCatalogue, TrapRound, balanced_feedback,
    check_trap, score_evidence,
)
from game.research.schema import EVENT_TYPES, validate_payload

CORE = ("mind_reading", "fortune_telling", "catastrophising", "overgeneralising", "all_or_nothing", "labelling")
OTHER = ("mental_filter", "discounting_positive", "emotional_reasoning", "should_statements", "personalising")


def make_catalogue() -> TrapCatalogue:
    traps = [Trap(t, f"Name of {t}", f"Meaning of {t}.", f"Example of {t}.", f"Check {t}?", t in CORE)
             for t in CORE + OTHER]
    return TrapCatalogue(tuple(traps), FeedbackLines())


def make_item(tid: str = "t1", traps: tuple[str, ...] = ("mind_reading",), explain=None, topic="school") -> ThoughtItem:
    return ThoughtItem(
        id=tid, topic=topic, situation="Someone did not wave.", thought="They hate me.", traps=traps,
        feelings=("worried", "sad"),
        evidence=(
            EvidenceOption("f1", "They did not wave.", "for"),
            EvidenceOption("f2", "They looked away.", "for"),
            EvidenceOption("a1", "They were on the phone.", "against"),
            EvidenceOption("a2", "They were kind yesterday.", "against"),
        ),
        friend_test="What would you tell a friend?",
        balanced=(
            BalancedOption("b_neg", "They still hate me.", "still_negative", "Still a guess."),
            BalancedOption("b_ok", "I don't know. I can ask.", "balanced", "Fair and true."),
            BalancedOption("b_pos", "Everyone loves me.", "over_positive", "Hard to believe."),
        ),
        explain=explain or {},
    )


CAT = make_catalogue()


# ----------------------------------------------------------------------------------- scoring
def test_trap_answer_correct_when_among_item_traps():
    item = make_item(traps=("mind_reading", "labelling"))
    assert check_trap(item, "mind_reading", CAT).correct
    assert check_trap(item, "labelling", CAT).correct
    fb = check_trap(item, "fortune_telling", CAT)
    assert not fb.correct
    assert fb.right_traps == ("mind_reading", "labelling")


def test_wrong_trap_uses_explain_else_generated_line():
    item = make_item(explain={"fortune_telling": "Crystal Ball is about the future."})
    assert check_trap(item, "fortune_telling", CAT).text == "Crystal Ball is about the future."
    text = check_trap(item, "labelling", CAT).text
    assert "This one sounds more like Name of mind_reading" in text
    assert "Meaning of mind_reading." in text
    assert "Check mind_reading?" in text


def test_right_trap_feedback_names_trap_and_unknown_trap_raises():
    item = make_item()
    assert "Name of mind_reading" in check_trap(item, "mind_reading", CAT).text
    with pytest.raises(ThinkingError, match="unknown trap"):
        check_trap(item, "bogus", CAT)


def test_score_evidence_counts_correct_and_reports_wrong_and_missed():
    item = make_item()
    s = score_evidence(item, {"f1": "for", "a1": "for", "a2": "against"})
    assert (s.correct, s.total) == (2, 3)
    assert s.wrong_ids == ("a1",)
    assert s.missed_ids == ("f2",)
    assert not s.all_correct
    full = score_evidence(item, {"f1": "for", "f2": "for", "a1": "against", "a2": "against"})
    assert full.correct == 4 and full.all_correct
    with pytest.raises(ThinkingError):
        score_evidence(item, {"f1": "maybe"})
    with pytest.raises(ThinkingError):
        score_evidence(item, {"nope": "for"})


def test_balanced_feedback_explains_why_balanced_is_better():
    item = make_item()
    lines = FeedbackLines()
    neg = balanced_feedback(item, "b_neg", lines)
    pos = balanced_feedback(item, "b_pos", lines)
    ok = balanced_feedback(item, "b_ok", lines)
    own = balanced_feedback(item, None, lines)
    assert (neg.quality, pos.quality, ok.quality, own.quality) == ("still_negative", "over_positive", "balanced", "own")
    assert neg.text == "Still a guess." and pos.text == "Hard to believe."
    assert neg.why == lines.why_still_negative and pos.why == lines.why_over_positive
    assert len({neg.why, pos.why, ok.why, own.why}) == 4
    assert neg.balanced_text == pos.balanced_text == "I don't know. I can ask."
    assert ok.is_balanced and not neg.is_balanced


# ----------------------------------------------------------------------------------- trap round
def test_round_first_try_right_kills_creature_and_measures_reaction():
    clock = FakeClock()
    r = TrapRound([make_item()], CAT, random.Random(1), clock, target=1)
    item = r.next_thought()
    assert item.id == "t1" and r.hp == 3
    clock.advance(1.234)
    res = r.answer("mind_reading")
    assert res.correct and res.attempt == 1 and res.item_done and not res.revealed
    assert res.reaction_ms == 1234
    assert res.hp_after == 0
    assert validate_payload("trap_answered", res.payload()) == []
    assert res.payload() == {"thought_id": "t1", "trap_chosen": "mind_reading", "correct": True,
                             "attempt": 1, "reaction_ms": 1234}
    assert r.next_thought() is None and r.finished


def test_round_second_try_works_and_deals_less_damage():
    r = TrapRound([make_item()], CAT, random.Random(1), target=1)
    r.next_thought(at=10.0)
    wrong = r.answer("labelling", at=12.0)
    assert not wrong.correct and wrong.attempt == 1 and not wrong.item_done
    assert wrong.hp_after == 3
    assert "Good try" in wrong.feedback and "Name of mind_reading" in wrong.feedback
    right = r.answer("mind_reading", at=13.5)
    assert right.correct and right.attempt == 2 and right.item_done
    assert right.reaction_ms == 1500  # timed from the previous answer
    assert right.hp_after == 1        # 3 - 2
    for res in (wrong, right):
        assert validate_payload("trap_answered", res.payload()) == []


def test_round_after_two_wrong_tries_reveals_kindly_and_moves_on():
    r = TrapRound([make_item("a"), make_item("b")], CAT, random.Random(3), target=2, max_extra=0)
    r.next_thought(at=0)
    r.answer("labelling", at=1)
    res = r.answer("fortune_telling", at=2)
    assert res.revealed and res.item_done and not res.correct and res.attempt == 2
    assert "This one is Name of mind_reading" in res.feedback
    with pytest.raises(StepError):
        r.answer("mind_reading", at=3)
    assert r.next_thought(at=4) is not None


def test_round_guards_order_and_time():
    r = TrapRound([make_item("a"), make_item("b")], CAT, random.Random(0))
    with pytest.raises(StepError):
        r.answer("mind_reading", at=0)
    r.next_thought(at=0)
    with pytest.raises(StepError):
        r.next_thought(at=1)
    with pytest.raises(ThinkingError):
        r.answer("mind_reading")  # no clock, no time given
    with pytest.raises(ThinkingError):
        TrapRound([], CAT, random.Random(0))
    with pytest.raises(ThinkingError):
        TrapRound([make_item(traps=("nope",))], CAT, random.Random(0))


def test_round_options_are_core_traps_plus_the_items_rare_trap():
    r = TrapRound([make_item(traps=("mental_filter", "mind_reading"))], CAT, random.Random(0))
    r.next_thought(at=0)
    assert r.options() == CORE + ("mental_filter",)


def test_round_never_repeats_a_thought_back_to_back():
    for seed in range(30):
        r = TrapRound([make_item("a"), make_item("b")], CAT, random.Random(seed), target=8, max_extra=0)
        shown = []
        while (it := r.next_thought(at=0)) is not None:
            shown.append(it.id)
            r.answer("mind_reading", at=1)
        assert len(shown) == 8
        assert all(x != y for x, y in zip(shown, shown[1:]))


def pool(per_trap: int = 3) -> list[ThoughtItem]:
    return [make_item(f"{t}_{i}", (t,)) for t in CORE for i in range(per_trap)]


def play(seed: int, weak: set[str], target: int = 6, max_extra: int = 3) -> list[ThoughtItem]:
    """A simulated player who never spots the traps in ``weak`` and always spots the others."""
    r = TrapRound(pool(), CAT, random.Random(seed), target=target, max_extra=max_extra)
    shown = []
    t = 0.0
    while (item := r.next_thought(at=t)) is not None:
        shown.append(item)
        steps = 0
        while r.awaiting_answer:
            steps += 1
            assert steps <= 2
            trap = item.traps[0]
            answer = "labelling" if trap in weak and trap != "labelling" else trap
            r.answer(answer, at=t + 1)
        t += 2
        assert len(shown) <= target + max_extra
    return shown


def test_missed_traps_come_back_more_often_over_seeded_runs():
    runs = 300
    weak_hits = strong_hits = 0
    for seed in range(runs):
        weak = play(seed, {"mind_reading"})
        strong = play(seed, set())
        # only the regular part of the round (the first 6), and only after the first mind-reading thought
        def after_first(shown):
            regular = [i.traps[0] for i in shown[:6]]
            if "mind_reading" not in regular:
                return 0
            return regular[regular.index("mind_reading") + 1:].count("mind_reading")
        weak_hits += after_first(weak)
        strong_hits += after_first(strong)
    assert weak_hits > 1.5 * strong_hits, (weak_hits, strong_hits)


def test_round_is_extended_for_missed_traps_and_only_then():
    for seed in range(50):
        strong = play(seed, set())
        assert len(strong) == 6
        weak = play(seed, {"mind_reading"})
        if any(i.traps[0] == "mind_reading" for i in weak[:6]):
            assert len(weak) == 9  # up to 3 extra, all for the missed trap
            assert all(i.traps[0] == "mind_reading" for i in weak[6:])
        else:
            assert len(weak) == 6


def test_round_always_terminates_with_random_answers():
    for seed in range(100):
        rng = random.Random(seed)
        items = pool(1) + [make_item("multi", ("labelling", "catastrophising"))]
        r = TrapRound(items, CAT, random.Random(seed), target=5, max_extra=4)
        count = 0
        while (item := r.next_thought(at=0)) is not None:
            count += 1
            while r.awaiting_answer:
                r.answer(rng.choice(CAT.ids), at=1)
            assert count <= 9
        assert r.finished and r.next_thought(at=0) is None
        s = r.summary()
        assert s.thoughts == count and s.first_try <= s.solved <= s.thoughts
        assert s.solved + s.revealed == s.thoughts


def test_round_summary_lists_traps_still_missed():
    r = TrapRound([make_item("a", ("labelling",))], CAT, random.Random(0), target=1, max_extra=0)
    r.next_thought(at=0)
    r.answer("mind_reading", at=1)
    r.answer("labelling", at=2)
    s = r.summary()
    assert s.missed_traps == ("labelling",)
    assert (s.thoughts, s.first_try, s.solved, s.revealed) == (1, 0, 1, 0)


# ----------------------------------------------------------------------------------- thought record
def finish(rec: ThoughtRecord, own: str | None = None) -> None:
    rec.catch("worried", 70)
    rec.rate_belief(80)
    rec.choose_trap("mind_reading")
    rec.sort_evidence({"f1": "for", "a1": "against", "a2": "for"})
    rec.acknowledge_friend_test()
    if own is None:
        rec.choose_balanced("b_ok")
    else:
        rec.write_own(own)
    rec.rerate(45, 30)


def test_record_happy_path_payload_journal_and_summary():
    rec = ThoughtRecord(make_item(), CAT, random.Random(0))
    assert rec.step is Step.CATCH
    rec.catch("worried", 70)
    assert rec.step is Step.CHECK_BELIEF
    rec.rate_belief(80)
    fb = rec.choose_trap("labelling")
    assert not fb.correct and rec.step is Step.CHECK_EVIDENCE
    score = rec.sort_evidence({"f1": "for", "a1": "against", "a2": "for"})
    assert score.correct == 2
    assert rec.step is Step.FRIEND_TEST and rec.friend_test == "What would you tell a friend?"
    rec.acknowledge_friend_test()
    bfb = rec.choose_balanced("b_neg")
    assert bfb.quality == "still_negative" and bfb.balanced_text == "I don't know. I can ask."
    summary = rec.rerate(45, 30)
    assert rec.step is Step.DONE and rec.done
    assert summary.lines[0] == "Your belief went from 80 to 45."
    assert summary.lines[1] == "How worried you felt went from 70 to 30."
    assert summary.belief_change == -35 and summary.feeling_change == -40

    p = rec.payload()
    assert validate_payload("thought_record_completed", p) == []
    assert p == {
        "thought_id": "t1", "feeling": "worried", "feeling_before": 70, "feeling_after": 30,
        "belief_before": 80, "belief_after": 45, "trap_chosen": "labelling",
        "evidence_ids": ["f1", "a1", "a2"], "evidence_correct": 2, "balanced_option_id": "b_neg",
        "balanced_quality": "still_negative", "wrote_own": False,
    }
    j = rec.journal_entry("2026-09-01")
    assert json.loads(json.dumps(j)) == j
    assert j["date"] == "2026-09-01" and j["thought"] == "They hate me."
    assert j["situation"] == "Someone did not wave."
    assert j["evidence_for"] == ["They did not wave.", "They were kind yesterday."]
    assert j["evidence_against"] == ["They were on the phone."]
    assert j["balanced_thought"] == "They still hate me."
    assert (j["belief_before"], j["belief_after"], j["feeling_before"], j["feeling_after"]) == (80, 45, 70, 30)
    assert j["trap_chosen"] == "labelling" and j["trap_correct"] is False


def test_record_no_change_gets_a_kind_extra_line():
    rec = ThoughtRecord(make_item(), CAT)
    rec.catch("sad", 50)
    rec.rate_belief(60)
    rec.choose_trap("mind_reading")
    rec.sort_evidence({"f1": "for"})
    rec.acknowledge_friend_test()
    rec.choose_balanced("b_ok")
    s = rec.rerate(60, 50)
    assert len(s.lines) == 3 and s.lines[2] == FeedbackLines().no_change


def test_own_text_is_in_the_journal_but_never_in_the_event():
    secret = "Zebra pancakes are my secret 123"
    rec = ThoughtRecord(make_item(), CAT)
    finish(rec, own=f"   {secret}  \n")
    p = rec.payload()
    assert validate_payload("thought_record_completed", p) == []
    assert p["wrote_own"] is True and p["balanced_quality"] == "own" and p["balanced_option_id"] is None
    assert "Zebra" not in json.dumps(p)
    j = rec.journal_entry("2026-09-02")
    assert j["balanced_thought"] == secret and j["wrote_own"] is True


def test_own_text_limits():
    for bad in ("", "   ", "x" * (OWN_TEXT_MAX + 1), None):
        rec = ThoughtRecord(make_item(), CAT)
        rec.catch("sad", 10); rec.rate_belief(10); rec.choose_trap("mind_reading")
        rec.sort_evidence({"f1": "for"}); rec.acknowledge_friend_test()
        with pytest.raises(ThinkingError):
            rec.write_own(bad)
        assert rec.step is Step.CHANGE
    rec.write_own("  " + "y" * OWN_TEXT_MAX + "  ")
    assert rec.own_text == "y" * OWN_TEXT_MAX and rec.step is Step.RERATE


def test_invalid_transitions_raise_clear_errors():
    rec = ThoughtRecord(make_item(), CAT)
    with pytest.raises(StepError, match="CATCH"):
        rec.rate_belief(50)
    with pytest.raises(StepError):
        rec.choose_balanced("b_ok")
    with pytest.raises(StepError, match="not finished"):
        rec.payload()
    with pytest.raises(StepError):
        rec.journal_entry("2026-01-01")
    rec.catch("sad", 40)
    with pytest.raises(StepError, match="CHECK_BELIEF"):
        rec.catch("sad", 40)
    with pytest.raises(StepError):
        rec.rerate(1, 1)
    assert rec.step is Step.CHECK_BELIEF


def test_values_are_validated_and_state_unchanged_on_error():
    rec = ThoughtRecord(make_item(), CAT)
    for bad in (-1, 101, 50.5, True, "50", None):
        with pytest.raises(ThinkingError):
            rec.catch("sad", bad)
        assert rec.step is Step.CATCH
    with pytest.raises(ThinkingError, match="feeling"):
        rec.catch("grumpy-ish", 50)
    rec.catch("sad", 0)
    rec.rate_belief(100)
    with pytest.raises(ThinkingError):
        rec.choose_trap("not_a_trap")
    assert rec.step is Step.CHECK_TRAP
    rec.choose_trap("mind_reading")
    with pytest.raises(ThinkingError):
        rec.sort_evidence({})
    with pytest.raises(ThinkingError):
        rec.sort_evidence({"zzz": "for"})
    assert rec.step is Step.CHECK_EVIDENCE
    rec.sort_evidence({"a1": "against"})
    rec.acknowledge_friend_test()
    with pytest.raises(ThinkingError):
        rec.choose_balanced("nope")
    assert rec.step is Step.CHANGE
    rec.choose_balanced("b_pos")
    with pytest.raises(ThinkingError):
        rec.rerate(50, 101)
    assert rec.step is Step.RERATE and rec.belief_after is None


def test_back_goes_one_step_and_answers_can_be_redone():
    rec = ThoughtRecord(make_item(), CAT)
    with pytest.raises(StepError, match="first step"):
        rec.back()
    rec.catch("angry", 20)
    rec.rate_belief(90)
    assert rec.back() is Step.CHECK_BELIEF
    rec.rate_belief(55)
    rec.choose_trap("labelling")
    rec.back()
    rec.choose_trap("mind_reading")
    rec.sort_evidence({"f1": "for"})
    rec.acknowledge_friend_test()
    rec.write_own("I can ask them.")
    assert rec.back() is Step.CHANGE
    rec.choose_balanced("b_ok")   # changed mind: option replaces own text
    rec.rerate(20, 10)
    with pytest.raises(StepError, match="finished"):
        rec.back()
    p = rec.payload()
    assert p["belief_before"] == 55 and p["trap_chosen"] == "mind_reading"
    assert p["wrote_own"] is False and p["balanced_option_id"] == "b_ok" and p["balanced_quality"] == "balanced"
    assert rec.journal_entry("d")["balanced_thought"] == "I don't know. I can ask."


def test_feeling_options_put_suggestions_first_and_cover_the_list():
    rec = ThoughtRecord(make_item(), CAT)
    opts = rec.feeling_options()
    assert opts[:2] == ("worried", "sad")
    assert sorted(opts) == sorted(FEELINGS)


def test_shuffled_cards_are_seeded_and_complete():
    item = make_item()
    a = ThoughtRecord(item, CAT, random.Random(5)).balanced_choices()
    b = ThoughtRecord(item, CAT, random.Random(5)).balanced_choices()
    assert a == b and sorted(o.id for o in a) == ["b_neg", "b_ok", "b_pos"]
    orders = {tuple(o.id for o in ThoughtRecord(item, CAT, random.Random(s)).balanced_choices()) for s in range(40)}
    assert len(orders) > 1
    ev = ThoughtRecord(item, CAT, random.Random(5)).evidence_cards()
    assert sorted(e.id for e in ev) == ["a1", "a2", "f1", "f2"]


# ----------------------------------------------------------------------------------- property test
_ratings = st.integers(min_value=0, max_value=100)
_fwd = st.tuples(
    st.just("fwd"), _ratings, _ratings, st.sampled_from(FEELINGS), st.sampled_from(CAT.ids),
    st.dictionaries(st.sampled_from(["f1", "f2", "a1", "a2"]), st.sampled_from(["for", "against"]), min_size=1),
    st.one_of(st.sampled_from(["b_neg", "b_ok", "b_pos"]), st.text(min_size=1, max_size=160)),
)
_move = st.one_of(
    _fwd, _fwd,  # forward twice as often as back, so records often get far
    st.just(("back",)),
    st.tuples(st.just("wrong"), st.sampled_from(["catch", "rate_belief", "choose_trap", "rerate", "payload"])),
)


def _valid_choice(choice: str) -> bool:
    return choice in ("b_neg", "b_ok", "b_pos") or bool(choice.strip()) and len(choice.strip()) <= OWN_TEXT_MAX


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(moves=st.lists(_move, max_size=40), tail=_fwd)
def test_property_random_valid_sequences_end_done_with_payload_in_range(moves, tail):
    rec = ThoughtRecord(make_item(), CAT, random.Random(0))
    expect: dict = {}

    def forward(m):
        _, r1, r2, feeling, trap, placements, choice = m
        step = rec.step
        if step is Step.CATCH:
            rec.catch(feeling, r1); expect.update(feeling=feeling, feeling_before=r1)
        elif step is Step.CHECK_BELIEF:
            rec.rate_belief(r2); expect["belief_before"] = r2
        elif step is Step.CHECK_TRAP:
            rec.choose_trap(trap); expect["trap"] = trap
        elif step is Step.CHECK_EVIDENCE:
            rec.sort_evidence(placements); expect["evidence"] = placements
        elif step is Step.FRIEND_TEST:
            rec.acknowledge_friend_test()
        elif step is Step.CHANGE:
            if choice in ("b_neg", "b_ok", "b_pos"):
                rec.choose_balanced(choice); expect["own"] = None; expect["option"] = choice
            elif choice.strip() and len(choice.strip()) <= OWN_TEXT_MAX:
                rec.write_own(choice); expect["own"] = choice.strip(); expect["option"] = None
            else:
                with pytest.raises(ThinkingError):
                    rec.write_own(choice)
                assert rec.step is Step.CHANGE
        elif step is Step.RERATE:
            rec.rerate(r1, r2); expect.update(belief_after=r1, feeling_after=r2)

    for m in moves:
        if rec.done:
            break
        before = rec.step
        if m[0] == "back":
            if rec.can_go_back:
                rec.back()
                assert rec.step.value == before.value - 1
            else:
                with pytest.raises(StepError):
                    rec.back()
                assert rec.step is before
        elif m[0] == "wrong":
            action = m[1]
            call = {
                "catch": (Step.CATCH, lambda: rec.catch("sad", 5)),
                "rate_belief": (Step.CHECK_BELIEF, lambda: rec.rate_belief(5)),
                "choose_trap": (Step.CHECK_TRAP, lambda: rec.choose_trap("labelling")),
                "rerate": (Step.RERATE, lambda: rec.rerate(5, 5)),
                "payload": (Step.DONE, rec.payload),
            }[action]
            if rec.step is not call[0]:
                with pytest.raises(StepError):
                    call[1]()
                assert rec.step is before
        else:
            forward(m)
    guard = 0
    while not rec.done:
        forward(tail if _valid_choice(tail[6]) else (*tail[:6], "b_ok"))
        guard += 1
        assert guard < 20
    p = rec.payload()
    assert validate_payload("thought_record_completed", p) == []
    for k in ("feeling_before", "feeling_after", "belief_before", "belief_after"):
        assert 0 <= p[k] <= 100 and p[k] == expect[k]
    assert p["feeling"] == expect["feeling"] and p["trap_chosen"] == expect["trap"]
    assert sorted(p["evidence_ids"]) == sorted(expect["evidence"])
    assert 0 <= p["evidence_correct"] <= len(p["evidence_ids"])
    assert p["wrote_own"] == (expect["own"] is not None)
    if expect["own"] is not None:
        assert p["balanced_quality"] == "own" and p["balanced_option_id"] is None
        # every string in the payload comes from a fixed set: the typed text cannot be there
        assert p["thought_id"] == "t1" and p["feeling"] in FEELINGS and p["trap_chosen"] in CAT.ids
        assert set(p) == {f.name for f in EVENT_TYPES["thought_record_completed"].fields}
        assert rec.journal_entry("d")["balanced_thought"] == expect["own"]
    else:
        assert p["balanced_option_id"] == expect["option"]
    json.dumps(rec.journal_entry("2026-09-01"))
