"""Mood check-ins, the 0-10 scale and the low-mood safety rule."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.clock import FakeClock
from game.mechanics.mood import (
    MOMENTS, MOOD_SCALE, MoodCheckin, MoodHistory, local_date, low_mood_payload, low_mood_rule,
    mood_checkin_payload, support_message,
)
from game.research.schema import validate_payload

D = "2026-09-01"


# --- the scale -------------------------------------------------------------------------------------

def test_every_value_has_a_word_and_a_face():
    assert [s.value for s in MOOD_SCALE] == list(range(11))
    for s in MOOD_SCALE:
        assert s.word.strip(), s
        assert s.face.startswith("face_"), s


def test_scale_words_match_the_bands():
    assert MOOD_SCALE.word(0) == MOOD_SCALE.word(1) == "really low"
    assert MOOD_SCALE.word(2) == "low"
    assert MOOD_SCALE.band(3) == "low"
    assert {MOOD_SCALE.band(v) for v in (4, 5, 6)} == {"okay"}
    assert {MOOD_SCALE.band(v) for v in (7, 8)} == {"good"}
    assert {MOOD_SCALE.band(v) for v in (9, 10)} == {"great"}
    assert MOOD_SCALE.face(0) != MOOD_SCALE.face(10)


def test_scale_words_never_use_clinical_labels():
    for s in MOOD_SCALE:
        assert not re.search(r"depress|disorder|sick|ill\b", s.word, re.I)


@pytest.mark.parametrize("bad", [-1, 11, 5.5, "5", None, True])
def test_scale_refuses_values_outside_0_to_10(bad):
    with pytest.raises(ValueError):
        MOOD_SCALE.word(bad)


# --- the low-mood rule -----------------------------------------------------------------------------

@pytest.mark.parametrize("previous, value, expected", [
    (None, 0, "very_low"),
    (None, 2, "very_low"),
    (None, 3, None),               # first ever check-in of 3: nothing yet
    (None, 10, None),
    (3, 3, "two_low_in_a_row"),
    (0, 3, "two_low_in_a_row"),
    (3, 4, None),
    (4, 3, None),
    (3, 2, "very_low"),            # very_low takes precedence over two in a row
    (2, 2, "very_low"),
    (10, 1, "very_low"),
    (2, 3, "two_low_in_a_row"),
    (3, 10, None),
])
def test_low_mood_rule_edges(previous, value, expected):
    assert low_mood_rule(value, previous) == expected


def test_history_applies_rule_across_check_ins():
    h = MoodHistory()
    assert h.record(3, "level_start", D).rule is None
    r = h.record(3, "level_end", D)
    assert r.rule == "two_low_in_a_row"
    assert r.show_support


def test_rule_uses_history_persisted_across_sessions():
    h = MoodHistory()
    h.record(3, "session_end", "2026-09-01")
    saved = json.loads(json.dumps(h.to_dict()))
    # a new session a week later
    h2 = MoodHistory.from_dict(saved)
    assert h2.record(3, "session_start", "2026-09-08").rule == "two_low_in_a_row"


def test_low_then_okay_then_low_does_not_fire():
    h = MoodHistory()
    h.record(3, "level_start", D)
    h.record(5, "level_end", D)
    assert h.record(3, "level_start", D).rule is None


def test_rule_for_does_not_record():
    h = MoodHistory()
    h.record(3, "level_start", D)
    assert h.rule_for(3) == "two_low_in_a_row"
    assert h.rule_for(8) is None
    assert len(h) == 1


def test_record_refuses_bad_input():
    h = MoodHistory()
    with pytest.raises(ValueError):
        h.record(11, "level_start", D)
    with pytest.raises(ValueError):
        h.record(5, "lunchtime", D)
    with pytest.raises(ValueError):
        h.record(5, "level_start", "1/9/2026")
    with pytest.raises(ValueError):
        h.record(5, "level_start", "2026-02-30")
    assert len(h) == 0


# --- the supportive message ------------------------------------------------------------------------

@pytest.mark.parametrize("rule", ["very_low", "two_low_in_a_row"])
def test_support_message_is_warm_and_safe(rule):
    m = support_message(rule)
    text = m.text.lower()
    assert "ok to ask for help" in text
    assert "someone you trust" in text
    assert "school counsellor" in text
    assert "?" not in m.text + m.title + m.help_button + m.continue_button  # never asks the player anything
    for banned in ("suicid", "self-harm", "self harm", "kill", "hurt yourself", "die", "depress"):
        assert banned not in text, banned
    assert 1 <= len(m.boxes) <= 3
    for box in m.boxes:
        assert len(box.split()) <= 25, box


def test_support_message_differs_by_rule_and_refuses_unknown():
    assert support_message("very_low").boxes[0] != support_message("two_low_in_a_row").boxes[0]
    with pytest.raises(ValueError):
        support_message("sad")


def test_checkin_result_carries_the_message_only_when_the_rule_fires():
    h = MoodHistory()
    ok = h.record(7, "level_start", D)
    assert ok.message is None and ok.low_mood_payload() is None
    low = h.record(1, "level_end", D)
    assert low.message is not None and low.message.rule == "very_low"


# --- payloads --------------------------------------------------------------------------------------

@given(st.integers(0, 10), st.sampled_from(MOMENTS))
def test_mood_checkin_payload_validates(value, moment):
    assert validate_payload("mood_checkin", mood_checkin_payload(value, moment)) == []


@given(st.integers(0, 10), st.sampled_from(["very_low", "two_low_in_a_row"]))
def test_low_mood_payload_validates(value, rule):
    assert validate_payload("low_mood_message_shown", low_mood_payload(value, rule)) == []


def test_result_payloads_validate():
    h = MoodHistory()
    h.record(3, "session_start", D)
    r = h.record(3, "level_start", D)
    assert validate_payload("mood_checkin", r.checkin_payload()) == []
    assert r.low_mood_payload() == {"value": 3, "rule": "two_low_in_a_row"}
    assert validate_payload("low_mood_message_shown", r.low_mood_payload()) == []


# --- serialisation ---------------------------------------------------------------------------------

checkins = st.builds(
    MoodCheckin,
    st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10),
    st.integers(0, 10),
    st.sampled_from(MOMENTS),
    st.one_of(st.none(), st.text(min_size=1, max_size=12)),
)


@given(st.lists(checkins, max_size=30))
def test_history_round_trips_through_json(items):
    h = MoodHistory(items)
    back = MoodHistory.from_dict(json.loads(json.dumps(h.to_dict())))
    assert back == h
    assert back.to_dict() == h.to_dict()


@pytest.mark.parametrize("bad", [
    None, {}, {"checkins": "x"},
    {"checkins": [{"date": D, "value": 12, "moment": "level_start"}]},
    {"checkins": [{"date": D, "value": 5, "moment": "later"}]},
    {"checkins": [{"date": "yesterday", "value": 5, "moment": "level_start"}]},
])
def test_history_from_bad_data_raises_value_error(bad):
    with pytest.raises(ValueError):
        MoodHistory.from_dict(bad)


def test_local_date_uses_the_injected_clock_and_time_zone():
    late = FakeClock(datetime(2026, 9, 1, 23, 30, tzinfo=timezone.utc), tz_offset_min=60)
    assert local_date(late) == "2026-09-02"
    west = FakeClock(datetime(2026, 9, 1, 0, 30, tzinfo=timezone.utc), tz_offset_min=-300)
    assert local_date(west) == "2026-08-31"
