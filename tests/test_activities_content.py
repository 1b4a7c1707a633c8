"""The activity cards file (levels/shared/activities.yaml) and its loader's error messages."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content.activities import MAX_WORDS, check_activities, load_activities
from game.content.errors import ContentError
from game.mechanics.activities import CATEGORIES, PICTURES, SIZES, WeekPlan

REAL = Path(__file__).resolve().parent.parent / "levels" / "shared" / "activities.yaml"
REAL_TEXT = REAL.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalogue():
    return load_activities(REAL)


# --- the shipped file ------------------------------------------------------------------------------

def test_shipped_file_is_valid_and_big_enough(catalogue):
    assert check_activities(REAL) == []
    assert len(catalogue) >= 48
    for cat in CATEGORIES:
        assert len(catalogue.by_category(cat)) >= 8, cat


def test_default_path_is_the_shipped_file(catalogue):
    assert [a.id for a in load_activities()] == [a.id for a in catalogue]


def test_cards_are_short_and_use_known_pictures(catalogue):
    for a in catalogue:
        assert len(a.text.split()) <= MAX_WORDS, a.text
        assert a.picture in PICTURES and a.size in SIZES
        assert re.fullmatch(r"[a-z][a-z0-9_]*", a.id)


def test_every_category_has_a_tiny_card_and_a_label(catalogue):
    for cat in CATEGORIES:
        assert any(a.size == "tiny" for a in catalogue.by_category(cat)), cat
        info = catalogue.categories[cat]
        assert info.label and info.explanation and "\n" not in info.explanation


def test_cards_include_everyday_low_cost_ideas(catalogue):
    texts = " | ".join(a.text.lower() for a in catalogue)
    for idea in ("walk the dog", "text a friend", "homework", "instrument", "bike", "grandparent",
                 "volunteer", "help at home", "tidy one shelf"):
        assert idea in texts, idea


def test_cards_avoid_clinical_or_risky_words(catalogue):
    for a in catalogue:
        assert not re.search(r"depress|therap|diet|alcohol|buy|shop", a.text, re.I), a.text


def test_a_valid_week_can_be_built_from_the_catalogue(catalogue):
    p = WeekPlan("2026-09-01")
    p.add(catalogue.by_category("pleasure")[0], 0, 6)
    p.add(catalogue.by_category("mastery")[0], 2, 4)
    assert p.is_valid


# --- bad content fails with the file name and line -------------------------------------------------

def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "activities.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = [i + 1 for i, l in enumerate(text.splitlines()) if needle in l]
    return lines[nth]


def card_line(text: str, card_id: str) -> int:
    return line_of(text, f"- id: {card_id}")


def expect_error(path: Path, line: int | None, *words: str) -> str:
    with pytest.raises(ContentError) as exc:
        load_activities(path)
    msg = str(exc.value)
    where = f"activities.yaml:{line}" if line else "activities.yaml"
    assert where in msg, msg
    for w in words:
        assert w in msg, msg
    assert check_activities(path), "check must report the same problem"
    return msg


@pytest.mark.parametrize("old, new, card, words", [
    ("    picture: dog\n", "    picture: cat\n", "walk_dog", ("unknown picture 'cat'",)),
    ("    category: physical\n    size: small\n    picture: dog",
     "    category: sport\n    size: small\n    picture: dog", "walk_dog", ("unknown category 'sport'",)),
    ("    size: small\n    picture: dog", "    size: medium\n    picture: dog", "walk_dog", ("unknown size 'medium'",)),
    ("    text: Walk the dog\n", "    text: ''\n", "walk_dog", ("must not be empty",)),
    ("    text: Walk the dog\n", "    text: Walk a dog a bit on a big hill\n", "walk_dog",
     ("too long (9 words, at most 8)",)),
    ("    text: Walk the dog\n", "    text: Walk extraordinarily energetic neighbourhood dogs\n", "walk_dog",
     ("too long (", "characters, at most 40)")),
    ("    text: Tidy one shelf\n", "    text: Tidy one shelf\n    colour: blue\n", "tidy_shelf", ("colour",)),
])
def test_bad_card_names_file_and_line(tmp_path, old, new, card, words):
    assert old in REAL_TEXT
    text = REAL_TEXT.replace(old, new, 1)
    expect_error(write(tmp_path, text), card_line(text, card), *words)


def test_duplicate_id_names_the_second_line(tmp_path):
    text = REAL_TEXT.replace("- id: go_swimming\n", "- id: walk_dog\n", 1)
    first, second = line_of(text, "- id: walk_dog", 0), line_of(text, "- id: walk_dog", 1)
    msg = expect_error(write(tmp_path, text), second, "duplicate activity id 'walk_dog'")
    assert f"line {first}" in msg


def test_too_few_cards_in_a_category(tmp_path):
    text = REAL_TEXT
    for cid in ("walk_dog", "shoot_hoops", "bike_ride", "short_run"):
        start = text.index(f"  - id: {cid}\n")
        end = text.index("  - id:", start + 5)
        text = text[:start] + text[end:]
    # reported at the start of the card list
    expect_error(write(tmp_path, text), line_of(text, "  - id:"), "'physical'", "at least 8")
    # a level's own smaller file may lower the minimum
    assert len(load_activities(write(tmp_path, text), min_per_category=1).by_category("physical")) == 7


def test_missing_category_label_is_reported(tmp_path):
    text = REAL_TEXT.replace("    label: Body\n", "", 1)
    # reported at the physical category's entry (the line under its key)
    expect_error(write(tmp_path, text), line_of(text, "  physical:") + 1, "physical", "label")


def test_all_problems_are_listed_at_once(tmp_path):
    text = REAL_TEXT.replace("    picture: dog\n", "    picture: cat\n", 1)
    text = text.replace("    size: big\n    picture: bike", "    size: huge\n    picture: bike", 1)
    with pytest.raises(ContentError) as exc:
        load_activities(write(tmp_path, text))
    assert len(exc.value.issues) == 2
    assert [i.line for i in exc.value.issues] == sorted(i.line for i in exc.value.issues)


def test_broken_yaml_and_missing_file(tmp_path):
    expect_error(write(tmp_path, "categories: [\n"), None, "not valid YAML")
    with pytest.raises(ContentError, match="missing"):
        load_activities(tmp_path / "nope" / "activities.yaml")
    issues = check_activities(tmp_path / "nope" / "activities.yaml")
    assert issues and "missing" in issues[0].message
