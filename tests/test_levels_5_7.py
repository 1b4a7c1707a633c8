"""Levels 5, 6 and 7 played through the real app (headless) by a scripted player that makes the
choices: problem solving, assertive replies, the ally map, the skills review and the toolkit card.

The player uses the mouse for some choices and the keyboard for others. Afterwards the session log
must hold the expected events — with no free text in any of them — and the toolkit card must exist
as a PNG that loads as an image. Broken practice content fails ``check`` naming the file and line.
"""
import json
import shutil
from pathlib import Path

import pytest

from game.deployment import Deployment
from game.input.actions import A, Action, pointer
from game.runner import run_game
from game.scripted import ScriptedPlayer, ScriptFailed
from game.store.eventlog import read_all_events
from helpers import args  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ("level5_stepping_stones", "level6_allies", "level7_my_toolkit")
OWN_IDEA = "Ask Robin Oyelaran next door"   # typed by the player: must never reach an event
NICK = "Kestrel"


def veteran(app):
    """Research consent given, and levels 1-4 already finished (so 5-7 are open)."""
    ctx = app.ctx
    original = ctx.activate_profile

    def activate(profile):
        profile.research.update(decision="yes", participant_code="TEST")
        for lv in ctx.levels[:4]:
            st = profile.level_state(lv.id)
            st.update(completed=True, times_completed=1, completed_utc="2024-01-01T10:00:00.000Z",
                      first_completed_utc="2024-01-01T10:00:00.000Z")
        original(profile)
    ctx.activate_profile = activate


from game.scenes.practice_play import (  # noqa: E402  the routines selftest --all-levels uses too
    enter_level, leave_level, play_allies, play_assertive, play_problem, play_review, play_toolkit)


def full_script(shots=None):
    def script(sp):
        yield from sp.new_profile(NICK)
        yield from enter_level(sp, LEVELS[0])
        yield from play_problem(sp, shots, own_idea=OWN_IDEA)
        yield from leave_level(sp)
        yield from enter_level(sp, LEVELS[1])
        yield from play_assertive(sp, shots)
        yield from play_allies(sp, shots)
        yield from leave_level(sp)
        yield from enter_level(sp, LEVELS[2])
        yield from play_review(sp, shots)
        yield from play_toolkit(sp, shots)
        yield from leave_level(sp)
        yield from sp.wait_scene("journey")
    return script


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("l57")
    sp = ScriptedPlayer(full_script(), max_frames=60 * 60 * 20)
    code = run_game(args(tmp), headless=True, driver=sp, deployment=Deployment(research_enabled=True),
                    on_app=veteran)
    return tmp, sp, code


def test_levels_5_to_7_complete_through_the_real_app(played):
    tmp, sp, code = played
    assert sp.error is None, sp.error + "\n" + "\n".join(sp.log[-25:])
    assert code == 0
    events = read_all_events(tmp / "logs")
    completed = [e["level_id"] for e in events if e["event_type"] == "level_completed"]
    assert completed == list(LEVELS)


def test_the_choices_are_logged_as_ids_and_counts(played):
    tmp, sp, _ = played
    events = read_all_events(tmp / "logs")
    by = {}
    for e in events:
        by.setdefault(e["event_type"], []).append(e)
    [ps] = by["problem_solved"]
    assert ps["level_id"] == LEVELS[0]
    p = ps["payload"]
    assert p["problem_id"] == "project_due" and p["definition_attempts"] == 2
    assert p["options_count"] == 3 and p["own_idea"] is True and p["worth_trying_count"] == 1
    assert p["chosen_option_id"] == "split_parts" and p["first_step_id"] == "list_parts"
    assert p["first_step_day_offset"] == 2

    replies = [e["payload"] for e in by["assertive_reply_chosen"]]
    assert [(r["style"], r["attempt"]) for r in replies[:3]] == [("passive", 1), ("aggressive", 2), ("assertive", 3)]
    assert sum(1 for r in replies if r["style"] == "assertive") == 4        # one per situation
    assert {e["level_id"] for e in by["assertive_reply_chosen"]} == {LEVELS[1]}

    [ally] = by["ally_map_saved"]
    a = ally["payload"]
    assert a["total"] == 6 and a["types_count"] == 5 and a["needs_covered"] == 4
    assert (a["need_talk"], a["need_school"], a["need_fun"], a["need_serious"]) == (2, 1, 2, 1)
    assert (a["type_friend"], a["type_teacher"], a["type_counsellor"], a["type_helpline"]) == (2, 1, 1, 0)

    answers = [e["payload"] for e in by["skills_review_answered"]]
    assert len(answers) == 6 and [x["correct"] for x in answers].count(False) == 1
    assert [x["skill_level"] for x in answers] == [1, 2, 3, 4, 5, 6]

    [tk] = by["toolkit_saved"]
    t = tk["payload"]
    assert t["items_count"] == t["skills_count"] + t["signs_count"] + t["helps_count"] + t["people_count"] == 8
    assert t["own_items_count"] >= 1          # the problem plan from level 5 was offered first
    assert t["helplines_count"] == len(Deployment().helplines) == 2   # 116 111 and the emergency number


def test_no_free_text_or_names_in_any_event(played):
    tmp, _, _ = played
    from game.research.schema import validate_event

    events = read_all_events(tmp / "logs")
    text = json.dumps(events)
    assert OWN_IDEA not in text and "Robin" not in text and NICK not in text
    for e in events:
        assert validate_event(e) == [], e
        if e["event_type"] in ("problem_solved", "assertive_reply_chosen", "ally_map_saved",
                               "skills_review_answered", "toolkit_saved"):
            for v in e["payload"].values():
                assert not (isinstance(v, str) and " " in v), (e["event_type"], v)


def test_the_toolkit_card_is_a_png_and_the_plan_is_in_the_journal(played):
    import pygame

    from game.store.profiles import ProfileStore

    tmp, _, _ = played
    [png] = list((tmp / "toolkit").glob("*.png"))
    img = pygame.image.load(str(png))
    assert img.get_size() == (1200, 800)
    [summary] = ProfileStore(tmp / "profiles").list_profiles()
    profile = ProfileStore(tmp / "profiles").load(summary.profile_id)
    kinds = [e.get("kind") for e in profile.data["journal"]]
    assert {"problem_plan", "ally_map", "toolkit"} <= set(kinds)
    plan = next(e for e in profile.data["journal"] if e.get("kind") == "problem_plan")
    assert plan["first_step"] and plan["day_offset"] == 2
    card = next(e for e in profile.data["journal"] if e.get("kind") == "toolkit")
    assert plan["first_step"] in " ".join(card["sections"]["helps"])   # the player's own step is on the card


# ---------------------------------------------------------------------- content checks
def copy_levels(tmp_path, names):
    for n in names:
        shutil.copytree(ROOT / "levels" / n, tmp_path / "levels" / n)
    shutil.copytree(ROOT / "levels" / "tilesets", tmp_path / "levels" / "tilesets")
    shutil.copytree(ROOT / "levels" / "shared", tmp_path / "levels" / "shared")
    return tmp_path / "levels"


def edit(path, old, new):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("level, old, new, expect", [
    ("level6_allies", "          style: passive\n          text: \"Oh, no rush.", "          style: assertive\n          text: \"Oh, no rush.",
     "needs exactly one passive reply"),
    ("level6_allies", "    - id: coach\n", "    - id: uncle\n", "ally type 'uncle' is not one of"),
    ("level5_stepping_stones", "          text: \"I need to finish my science project by Friday\"\n          clear: true",
     "          text: \"I need to finish my science project by Friday\"", "needs a clear definition"),
    ("level7_my_toolkit", "          text: \"Thoughts, feelings and actions are linked\"\n          correct: true",
     "          text: \"Thoughts, feelings and actions are linked\"", "needs exactly one right option (has 0)"),
    ("level7_my_toolkit", "    done_dialogue: toolkit_done", "    done_dialogue: toolkit_gone", "names dialogue 'toolkit_gone'"),
    ("level5_stepping_stones", "    title: The problem board\n", "    title: The problem board\n    colour: blue\n",
     "Extra inputs are not permitted"),
    ("level5_stepping_stones", 'weigh: "Step 3: weigh up each idea.', 'weigh: "' + "so many words here " * 8 + 'Step 3: weigh up each idea.',
     "words; at most 25"),
])
def test_broken_practice_content_fails_check_naming_file_and_line(tmp_path, display, level, old, new, expect):
    from game.content.check import check_all

    root = copy_levels(tmp_path, [level])
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    y = root / level / "level.yaml"
    edit(y, old, new)
    issues, _ = check_all(root)
    msgs = [str(i) for i in issues]
    hit = [m for m in msgs if expect in m]
    assert hit, msgs
    assert f"{level}/level.yaml:" in hit[0]     # file and line


def test_a_map_naming_a_missing_practice_spot_fails_at_load(tmp_path, display):
    from game.content.errors import ContentError
    from game.content.level import load_level
    from game.scenes.play import level_refs
    from game.world.tmx import load_map

    root = copy_levels(tmp_path, ["level5_stepping_stones"])
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    d = root / "level5_stepping_stones"
    edit(d / "map.tmx", 'name="g_practice" value="problem_board"', 'name="g_practice" value="problem_bored"')
    lv = load_level(d)
    with pytest.raises(ContentError) as e:
        load_map(lv.map_path, level_refs(lv))
    assert "problem_bored" in str(e.value) and "map.tmx" in str(e.value)


def test_shipped_practice_content_is_clean(display):
    from game.content.check import check_all

    issues, stats = check_all()
    assert [str(i) for i in issues if any(n in i.file for n in LEVELS)] == []
    for n in LEVELS:
        assert stats["words_per_level"][n] > 300


# ---------------------------------------------------------------------- big text (issue 8)
@pytest.mark.parametrize("scale, dyslexia", [(2.0, True), (1.5, False)])
def test_every_practice_step_and_page_fits_at_big_text(tmp_path, monkeypatch, scale, dyslexia):
    """The whole of levels 5-7 played at a big text size: every step of every practice screen
    (problem board, speak-up stall, ally board, skills review, toolkit card), and every page of
    a step that is spread over pages, passes the same checks as tests/test_text_scale.py."""
    import warnings

    from test_text_scale import DrawSpy, problems_on

    spy = DrawSpy(monkeypatch)
    problems: list[str] = []
    seen: dict[str, int] = {}

    def checks(sp):
        def shot(name):
            for _ in range(2):
                yield None
            top = sp.top()
            for page in range(top.pages):          # every page, then back to the one shown
                spy.rects.clear()
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    yield None
                    yield None
                problems.extend(f"{name} page {page + 1}: {p}" for p in problems_on(sp.app, top, spy, caught))
                seen[name] = top.pages
                top.turn_page()
            yield None
        return shot

    def script(sp):
        yield from sp.wait_scene("title")
        sp.app.apply_settings(dict(sp.app.settings, text_scale=scale, dyslexia_font=dyslexia, text_speed="instant"))
        yield from full_script(checks(sp))(sp)

    sp = ScriptedPlayer(script, max_frames=60 * 60 * 20)
    code = run_game(args(tmp_path), headless=True, driver=sp, deployment=Deployment(research_enabled=True),
                    on_app=veteran)
    assert sp.error is None, sp.error + "\n" + "\n".join(sp.log[-25:])
    assert code == 0
    assert len(seen) == 24, sorted(seen)           # every step the routines look at was checked
    assert max(seen.values()) > 1                  # and the pages of a step spread over pages
    assert not problems, "\n".join(problems)
