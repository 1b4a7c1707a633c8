"""Level 1 rules: sorting moments into thought / feeling / action, and paced breathing."""
import random

import pytest
from hypothesis import given, strategies as st

from game.mechanics.breathing import BreathingError, BreathingPattern, cycles_completed, state_at
from game.mechanics.sorting import KIND_NAMES, KINDS, Moment, SortingError, SortRound

MOMENTS = [
    Moment("m1", "I'm useless at maths.", "thought", "It's a sentence in your head."),
    Moment("m2", "A tight feeling in my chest.", "feeling"),
    Moment("m3", "I stayed in my room all evening.", "action"),
    Moment("m4", "Nobody wants me there.", "thought"),
]


def play(round_, answers):
    out = []
    t = 0.0
    while round_.next_moment(t) is not None:
        m = round_.current
        kind = answers(m)
        t += 1.5
        r = round_.answer(kind, t)
        out.append(r)
    return out


def test_all_right_first_time():
    r = SortRound(MOMENTS, random.Random(1))
    results = play(r, lambda m: m.kind)
    assert [x.correct for x in results] == [True] * 4
    assert r.finished and r.first_try_right() == 4
    assert all(x.reaction_ms == 1500 for x in results)


def test_wrong_answer_gets_a_kind_hint_and_a_second_try():
    r = SortRound(MOMENTS, random.Random(2))
    m = r.next_moment(0.0)
    wrong = next(k for k in KINDS if k != m.kind)
    res = r.answer(wrong, 2.0)
    assert not res.correct and not res.item_done and res.attempt == 1
    assert "Not quite" in res.feedback and "useless" not in res.feedback.lower()
    assert r.next_moment(2.0) is m  # same moment again
    res2 = r.answer(m.kind, 3.0)
    assert res2.correct and res2.item_done and res2.attempt == 2


def test_two_misses_reveal_the_answer_and_the_moment_comes_back_once():
    r = SortRound(MOMENTS, random.Random(3))
    first = r.next_moment()
    wrong = next(k for k in KINDS if k != first.kind)
    r.answer(wrong)
    res = r.answer(wrong)
    assert res.revealed and res.item_done
    assert res.feedback.startswith(f"This one is {KIND_NAMES[first.kind]}.")
    seen = [first.id]
    while r.next_moment() is not None:
        seen.append(r.current.id)
        if r.current.id == first.id:
            r.answer(wrong)
            r.answer(wrong)  # missed again: not requeued a second time
        else:
            r.answer(r.current.kind)
    assert seen.count(first.id) == 2 and seen[-1] == first.id
    assert r.finished and r.first_try_right() == 3


def test_a_round_needs_every_kind_and_known_kinds():
    with pytest.raises(SortingError):
        SortRound([m for m in MOMENTS if m.kind != "action"], random.Random(0))
    with pytest.raises(SortingError):
        Moment("x", "text", "mood")
    r = SortRound(MOMENTS, random.Random(0))
    r.next_moment()
    with pytest.raises(SortingError):
        r.answer("mood")


def test_breathing_phases_and_counts():
    p = BreathingPattern(4, 2, 6, cycles=2)
    assert p.total_s == 24
    assert state_at(p, 0).phase == "in" and state_at(p, 0).seconds_left == 4 and state_at(p, 0).size == 0
    assert state_at(p, 3.5).seconds_left == 1
    s = state_at(p, 4.5)
    assert s.phase == "hold" and s.size == 1.0
    s = state_at(p, 9.0)
    assert s.phase == "out" and 0 < s.size < 1
    assert state_at(p, 12.0).cycle == 1 and state_at(p, 12.0).phase == "in"
    assert state_at(p, 24.0).done and cycles_completed(p, 24.0) == 2 and cycles_completed(p, 13) == 1


def test_breathing_patterns_must_calm():
    with pytest.raises(BreathingError):
        BreathingPattern(6, 0, 4)
    with pytest.raises(BreathingError):
        BreathingPattern(4, 2, 6, cycles=0)


@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_breathing_state_is_always_sane(t):
    p = BreathingPattern(4, 2, 6, cycles=4)
    s = state_at(p, t)
    assert 0.0 <= s.size <= 1.0 and 0.0 <= s.progress <= 1.0
    assert s.done or s.seconds_left >= 1
