"""Shipped trap and thought content is valid; broken content fails with file name and line."""
from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from game.content.errors import ContentError
from game.content.thoughts import check_thoughts, load_thoughts, load_traps
from game.mechanics.thinking import FEELINGS, ThoughtRecord
from game.paths import resource
from game.research.schema import TRAPS as SCHEMA_TRAPS
from game.research.schema import validate_payload

TRAP_IDS = (
    "mind_reading", "fortune_telling", "catastrophising", "overgeneralising", "all_or_nothing",
    "labelling", "mental_filter", "discounting_positive", "emotional_reasoning", "should_statements",
    "personalising",
)
CORE = TRAP_IDS[:6]
TOPICS = {"school", "friends", "family", "online", "hobbies"}
TRAPS_FILE = resource("levels", "shared", "traps.yaml")
THOUGHTS_FILE = resource("levels", "shared", "thoughts.yaml")


@pytest.fixture(scope="module")
def catalogue():
    return load_traps(TRAPS_FILE)


@pytest.fixture(scope="module")
def thoughts(catalogue):
    return load_thoughts(THOUGHTS_FILE, catalogue)


def words(text: str) -> int:
    return len(text.split())


def player_texts(item) -> list[str]:
    out = [item.situation, item.thought, item.friend_test]
    out += [e.text for e in item.evidence]
    out += [o.text for o in item.balanced] + [o.feedback for o in item.balanced]
    out += list(item.explain.values())
    return out


# ----------------------------------------------------------------------------------- shipped traps
def test_catalogue_has_the_eleven_traps_with_game_names(catalogue):
    assert catalogue.ids == TRAP_IDS
    assert set(catalogue.ids) == set(SCHEMA_TRAPS)
    assert tuple(t.id for t in catalogue.core) == CORE
    names = {t.id: t.name for t in catalogue}
    assert names["mind_reading"] == "Mind Reader" and names["personalising"] == "Blame Magnet"
    assert names["all_or_nothing"] == "Black-and-White Goggles"
    for t in catalogue:
        for text in (t.name, t.meaning, t.example, t.check_question):
            assert text.strip() and words(text) <= 25, (t.id, text)


def test_feedback_templates_fill_in(catalogue):
    t = catalogue.get("mind_reading")
    line = catalogue.lines.wrong_fallback.format(name=t.name, meaning=t.meaning, check=t.check_question)
    assert "Mind Reader" in line and t.check_question in line and "{" not in line


# ----------------------------------------------------------------------------------- shipped thoughts
def test_enough_thoughts_for_every_core_trap_and_topic(thoughts):
    assert len(thoughts) >= 36
    per_trap = Counter(t for it in thoughts for t in it.traps)
    for trap in CORE:
        assert per_trap[trap] >= 6, (trap, per_trap[trap])
    topics = Counter(it.topic for it in thoughts)
    assert set(topics) == TOPICS
    assert min(topics.values()) >= 4
    assert len({it.id for it in thoughts}) == len(thoughts)


def test_every_thought_is_well_formed(thoughts, catalogue):
    for it in thoughts:
        assert it.traps and all(t in catalogue for t in it.traps), it.id
        qualities = sorted(o.quality for o in it.balanced)
        assert qualities == ["balanced", "over_positive", "still_negative"], it.id
        sides = Counter(e.side for e in it.evidence)
        assert 2 <= sides["for"] <= 4 and 2 <= sides["against"] <= 4, it.id
        assert len({e.id for e in it.evidence}) == len(it.evidence)
        assert it.feelings and set(it.feelings) <= set(FEELINGS)
        assert all(k in catalogue and k not in it.traps for k in it.explain), it.id
        for text in player_texts(it):
            assert text.strip(), it.id
            assert words(text) <= 25, (it.id, text)


def test_no_unsafe_or_clinical_words(thoughts):
    banned = re.compile(r"\b(suicid\w*|self[- ]harm|kill\w*|die|dying|dead|cut myself|depress\w*|"
                        r"disorder|diagnos\w*|blood|weapon)\b", re.I)
    for it in thoughts:
        for text in player_texts(it):
            assert not banned.search(text), (it.id, text)


def test_names_are_varied(thoughts):
    text = " ".join(it.situation + " " + " ".join(e.text for e in it.evidence) for it in thoughts)
    names = {"Maya", "Priya", "Kofi", "Zainab", "Mateo", "Fatima", "Jonas", "Yuki", "Amira", "Santiago",
             "Elif", "Ravi", "Noor", "Tomasz", "Aisha", "Dev", "Hana", "Malik"}
    assert len({n for n in names if re.search(rf"\b{n}\b", text)}) >= 15


def test_check_command_finds_no_issues_in_shipped_content():
    assert check_thoughts() == []


def test_every_shipped_thought_produces_a_valid_record_payload(thoughts, catalogue):
    for it in thoughts:
        rec = ThoughtRecord(it, catalogue, random.Random(0))
        rec.catch(it.feelings[0], 60)
        rec.rate_belief(70)
        rec.choose_trap(it.traps[0])
        score = rec.sort_evidence({e.id: e.side for e in it.evidence})
        assert score.all_correct
        rec.acknowledge_friend_test()
        assert rec.choose_balanced(it.balanced_option.id).is_balanced
        rec.rerate(40, 30)
        assert validate_payload("thought_record_completed", rec.payload()) == [], it.id


# ----------------------------------------------------------------------------------- broken content
GOOD_THOUGHT = """\
thoughts:
  - id: t_one
    topic: school
    situation: You drop your tray at lunch.
    thought: Everyone thinks I'm clumsy.
    traps: [mind_reading]
    feelings: [embarrassed]
    evidence:
      - id: f1
        side: for
        text: Some people looked.
      - id: f2
        side: for
        text: It was loud.
      - id: a1
        side: against
        text: Most people kept eating.
      - id: a2
        side: against
        text: A friend helped you pick it up.
    friend_test: What would you tell a friend?
    balanced:
      - id: b1
        quality: balanced
        text: A few people looked. Most forgot fast.
        feedback: Fair and true.
      - id: b2
        quality: still_negative
        text: They all still think I'm clumsy.
        feedback: Still a guess.
      - id: b3
        quality: over_positive
        text: Everyone thought it was amazing.
        feedback: Hard to believe.
"""


def line_of(text: str, needle: str, nth: int = 1) -> int:
    seen = 0
    for i, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == nth:
                return i
    raise AssertionError(f"{needle!r} not in text")


def write(tmp_path: Path, text: str, name: str = "bad_thoughts.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def load_error(path: Path, catalogue) -> str:
    with pytest.raises(ContentError) as e:
        load_thoughts(path, catalogue)
    return str(e.value)


def test_good_template_loads(tmp_path, catalogue):
    items = load_thoughts(write(tmp_path, GOOD_THOUGHT, "good.yaml"), catalogue)
    assert [i.id for i in items] == ["t_one"]


def test_unknown_trap_names_file_and_line(tmp_path, catalogue):
    text = GOOD_THOUGHT.replace("traps: [mind_reading]", "traps: [mind_reeding]")
    msg = load_error(write(tmp_path, text), catalogue)
    assert f"bad_thoughts.yaml:{line_of(text, 'traps: [mind_reeding]')}:" in msg
    assert "unknown trap 'mind_reeding'" in msg


def test_no_balanced_option_names_file_and_line(tmp_path, catalogue):
    text = GOOD_THOUGHT.replace("quality: balanced", "quality: over_positive")
    msg = load_error(write(tmp_path, text), catalogue)
    # the options list starts at its first item
    assert f"bad_thoughts.yaml:{line_of(text, '- id: b1')}:" in msg
    assert "no balanced option" in msg


def test_two_balanced_options_fail(tmp_path, catalogue):
    text = GOOD_THOUGHT.replace("quality: still_negative", "quality: balanced")
    msg = load_error(write(tmp_path, text), catalogue)
    assert "2 options have quality 'balanced'" in msg
    assert f"bad_thoughts.yaml:{line_of(text, '- id: b1')}:" in msg


def test_missing_text_names_file_and_line(tmp_path, catalogue):
    text = GOOD_THOUGHT.replace("        text: Most people kept eating.\n", "")
    msg = load_error(write(tmp_path, text), catalogue)
    assert f"bad_thoughts.yaml:{line_of(text, '- id: a1')}:" in msg
    assert "evidence.2.text" in msg and "required" in msg.lower()


def test_empty_text_fails(tmp_path, catalogue):
    text = GOOD_THOUGHT.replace("thought: Everyone thinks I'm clumsy.", "thought: '   '")
    msg = load_error(write(tmp_path, text), catalogue)
    assert "bad_thoughts.yaml:2:" in msg and "text is empty" in msg


def test_evidence_missing_a_side_fails(tmp_path, catalogue):
    text = GOOD_THOUGHT.replace("      - id: f2\n        side: for\n", "      - id: f2\n")
    msg = load_error(write(tmp_path, text), catalogue)
    assert f"bad_thoughts.yaml:{line_of(text, '- id: f2')}:" in msg
    assert "evidence.1.side" in msg
    # ... and only one card left "for" is too few
    text2 = GOOD_THOUGHT.replace("      - id: f2\n        side: for\n", "      - id: f2\n        side: against\n")
    msg2 = load_error(write(tmp_path, text2), catalogue)
    assert f"bad_thoughts.yaml:{line_of(text2, '- id: f1')}:" in msg2 and "side 'for'" in msg2


def test_text_over_25_words_fails(tmp_path, catalogue):
    long = " ".join(["word"] * 26)
    text = GOOD_THOUGHT.replace("feedback: Still a guess.", f"feedback: {long}")
    msg = load_error(write(tmp_path, text), catalogue)
    assert f"bad_thoughts.yaml:{line_of(text, '- id: b2')}:" in msg
    assert "26 words" in msg
    ok = GOOD_THOUGHT.replace("feedback: Still a guess.", "feedback: " + " ".join(["word"] * 25))
    assert load_thoughts(write(tmp_path, ok, "ok25.yaml"), catalogue)


def test_duplicate_ids_fail(tmp_path, catalogue):
    body = GOOD_THOUGHT.split("\n", 1)[1]
    text = "thoughts:\n" + body + body
    msg = load_error(write(tmp_path, text), catalogue)
    assert f"bad_thoughts.yaml:{line_of(text, '- id: t_one', 2)}:" in msg
    assert "duplicate thought id 't_one'" in msg
    text2 = GOOD_THOUGHT.replace("- id: f2", "- id: f1")
    msg2 = load_error(write(tmp_path, text2, "dup_ev.yaml"), catalogue)
    assert f"dup_ev.yaml:{line_of(text2, '- id: f1', 2)}:" in msg2 and "duplicate evidence id 'f1'" in msg2


def test_unknown_field_and_bad_topic_fail(tmp_path, catalogue):
    text = GOOD_THOUGHT.replace("topic: school", "topic: space\n    mood: blue")
    msg = load_error(write(tmp_path, text), catalogue)
    assert "thoughts.0.topic" in msg and "thoughts.0.mood" in msg
    assert "bad_thoughts.yaml:2:" in msg


def test_broken_yaml_names_line(tmp_path, catalogue):
    text = GOOD_THOUGHT.replace("thought: Everyone thinks I'm clumsy.", "thought: [oops")
    msg = load_error(write(tmp_path, text), catalogue)
    assert "bad_thoughts.yaml:" in msg and "not valid YAML" in msg


def test_bad_trap_catalogue_names_file_and_line(tmp_path):
    text = TRAPS_FILE.read_text(encoding="utf-8").replace("id: personalising", "id: blaming_yourself")
    p = write(tmp_path, text, "bad_traps.yaml")
    with pytest.raises(ContentError) as e:
        load_traps(p)
    assert f"bad_traps.yaml:{line_of(text, '- id: blaming_yourself')}:" in str(e.value)
    assert "not in the event schema" in str(e.value)


def test_check_thoughts_collects_issues_instead_of_raising(tmp_path):
    bad = write(tmp_path, GOOD_THOUGHT.replace("traps: [mind_reading]", "traps: [nope]"))
    good = write(tmp_path, GOOD_THOUGHT, "other.yaml")
    issues = check_thoughts([bad, good])
    assert len(issues) == 1
    assert issues[0].file.endswith("bad_thoughts.yaml") and issues[0].line == line_of(GOOD_THOUGHT, "traps:")
    assert "unknown trap 'nope'" in issues[0].message
    again = write(tmp_path, GOOD_THOUGHT, "third.yaml")
    dup = check_thoughts([good, again])
    assert len(dup) == 1 and dup[0].file.endswith("third.yaml") and "also used in" in dup[0].message
    missing = check_thoughts([tmp_path / "missing.yaml"])
    assert len(missing) == 1 and "file is missing" in str(missing[0])
