"""Thought creatures, thought records and the journal, played through the real app.

A scripted player spots traps in level 3 (one wrong answer, then right, with the reaction time
taken from the injected clock), fills in a full thought record in level 4 (typing their own
balanced thought), and reads it in the journal. The session log must hold the expected events and
no free text; the save must hold the record (also after loading it again from disk), and a beaten
creature must stay beaten after a restart. Bad content must fail the content check, file named.
"""
from __future__ import annotations

import json
import shutil
from argparse import Namespace
from pathlib import Path

import pytest

from game.boot import DefaultDeployment
from game.clock import FakeClock
from game.input.actions import A
from game.runner import run_game
from game.scripted import ScriptedPlayer, ScriptFailed
from game.store.eventlog import iter_sessions, read_all_events
from game.store.profiles import ProfileStore

ROOT = Path(__file__).resolve().parent.parent
L3, L4 = "level3_spot_the_trap", "level4_detective_mode"
OWN_TEXT = "One laugh is not the whole class. Wrong answers help me learn"


def args(tmp):
    return Namespace(data_dir=str(tmp), portable=False, deployment=None, lang=None, fullscreen=False)


def setup_app(monkeypatch):
    """Consent with a test code and open levels 3 and 4; only this feature's flow steps run, so
    other features' screens (check-ins, consent) can't change what this test is about."""
    def on_app(app):
        from game.scenes import flow

        for name in ("SESSION_START", "LEVEL_START", "LEVEL_END", "SESSION_END"):
            steps = getattr(flow, name, None)
            if steps is not None:
                monkeypatch.setattr(flow, name, [s for s in steps if s.__module__ == "game.scenes.thoughts"])
        ctx = app.ctx
        original = ctx.activate_profile

        def activate(profile):
            profile.research.update(decision="yes", participant_code="TEST")
            for lv in ctx.levels:
                if lv.content.number < 4:
                    profile.level_state(lv.id)["completed"] = True
            original(profile)

        ctx.activate_profile = activate
    return on_app


# ------------------------------------------------------------------------------------ script parts
def new_profile(sp, nickname="Tess"):
    yield from sp.new_profile(nickname)
    yield from sp.wait_scene("journey")


def enter_level(sp, level_id):
    yield from sp.wait_scene("journey")
    yield from sp.press(f"level:{level_id}")
    yield from sp.wait_for(lambda: getattr(sp.top(), "name", None) == "play" and sp.top().world is not None,
                           "the level to load")


def thought_object(sp, key):
    return next(o for o in sp.play_scene().world.lmap.objects if o.kind == "thought" and o.prop("encounter") == key)


def face_object(sp, obj):
    yield from sp.walk_to(obj.tiles[0], adjacent=True)
    yield from sp.face(obj.tiles[0])


def focus_with_keys(sp, button_id, limit=30):
    """Arrow keys until ``button_id`` has the focus (keyboard and d-pad players)."""
    for _ in range(limit):
        if sp.top().focused() == button_id:
            return
        yield from sp.key(A.RIGHT)
    raise ScriptFailed(f"could not reach {button_id} with the arrow keys")


def spot_round(sp, clock, seen):
    """Answer every thought of a spotting round: the first one wrong then right, the rest right
    (one with the keyboard, the others with the mouse). Records what it did in ``seen``."""
    yield from sp.wait_scene("trap_spot")
    scene = sp.top()
    first = True
    while scene.feedback_kind != "done":
        item = scene.item
        right = item.traps[0]
        if first:
            wrong = next(t for t in scene.round.options() if t not in item.traps)
            clock.advance(1.5)
            yield from sp.press(f"trap:{wrong}")
            if scene.feedback_kind != "wrong" or not scene.feedback:
                raise ScriptFailed("a wrong answer got no kind explanation and second try")
            seen["wrong_feedback"] = scene.feedback
            clock.advance(0.8)
            yield from sp.press(f"trap:{right}")
            first = False
        elif len(seen.setdefault("answers", [])) == 1:
            yield from focus_with_keys(sp, f"trap:{right}")
            clock.advance(2.0)
            yield from sp.key(A.CONFIRM)
        else:
            clock.advance(1.0)
            yield from sp.press(f"trap:{right}")
        seen.setdefault("answers", []).append(item.id)
        if scene.feedback_kind != "right":
            raise ScriptFailed(f"a right answer was not taken as right: {scene.feedback_kind}")
        seen.setdefault("hp", []).append(scene.result.hp_after)
        yield from sp.press("next")
    yield from sp.press("done")
    yield from sp.wait_scene("play")


def thought_record(sp, seen):
    yield from sp.wait_scene("thought_record")
    rec = sp.top()
    # catch: a feeling (mouse), its strength with the arrow keys: 50 -> 70
    feeling = rec.record.feeling_options()[0]
    yield from sp.press(f"feel:{feeling}")
    assert rec.focused() == "strength"
    for _ in range(4):
        yield from sp.key(A.RIGHT)
    yield from sp.key(A.CONFIRM)            # Enter on the scale goes to "Next"
    assert rec.focused() == "next"
    yield from sp.key(A.CONFIRM)
    # check: belief 50 -> 80 with the keyboard
    assert rec.page == "belief" and rec.focused() == "belief"
    for _ in range(6):
        yield from sp.key(A.RIGHT)
    yield from sp.press("next")
    # which trap
    assert rec.page == "trap"
    yield from sp.press(f"trap:{rec.item.traps[0]}")
    assert rec.page == "trap_fb" and rec.trap_fb.correct
    yield from sp.press("next")
    # evidence: sort every card but one, each to its side (press cycles: for -> against -> none)
    cards = rec.record.evidence_cards()
    for ev in cards[:-1]:
        yield from sp.press(f"ev:{ev.id}")
        if ev.side == "against":
            yield from sp.press(f"ev:{ev.id}")
    seen["evidence"] = sorted(e.id for e in cards[:-1])
    yield from sp.press("next")
    assert rec.page == "evidence_fb" and rec.ev_score.correct == len(cards) - 1
    yield from sp.press("next")
    assert rec.page == "friend"
    yield from sp.press("next")
    # change: write my own
    assert rec.page == "change"
    yield from sp.press("write")
    assert rec.page == "write"
    yield from sp.key(A.TEXT, OWN_TEXT)
    yield from sp.press("use_own")
    assert rec.page == "change_fb" and rec.balanced_fb.quality == "own"
    yield from sp.press("next")
    # re-rate with the keyboard: belief 80 -> 50, feeling 70 -> 45
    assert rec.page == "rerate" and rec.focused() == "belief_after"
    for _ in range(6):
        yield from sp.key(A.LEFT)
    yield from sp.key(A.DOWN)
    assert rec.focused() == "feeling_after"
    for _ in range(5):
        yield from sp.key(A.LEFT)
    seen["feeling"] = feeling
    seen["thought_id"] = rec.item.id
    yield from sp.press("next")
    assert rec.page == "done"
    yield from sp.press("close")
    yield from sp.wait_scene("play")


def test_spot_traps_and_complete_a_thought_record_through_the_real_app(tmp_path, monkeypatch):
    clock = FakeClock()
    dep = DefaultDeployment(research_enabled=True)
    seen: dict = {}

    def script(sp):
        yield from new_profile(sp)
        # ---- level 3: the creature by the school wall
        yield from enter_level(sp, L3)
        obj = thought_object(sp, "thought_1")
        yield from face_object(sp, obj)
        yield from sp.key(A.CONFIRM)
        yield from spot_round(sp, clock, seen)
        seen["gone"] = bool(obj.props.get("_gone"))
        seen["facing_after"] = sp.play_scene().world.facing_object()
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.press("leave")
        # ---- level 4: a case file
        yield from enter_level(sp, L4)
        case = thought_object(sp, "case_1")
        yield from face_object(sp, case)
        yield from sp.key(A.CONFIRM)
        yield from thought_record(sp, seen)
        # ---- the journal, from the pause menu
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.press("journal")
        yield from sp.wait_scene("journal")
        seen["journal_entries"] = len(sp.top().entries)
        yield from sp.press("close")
        yield from sp.wait_scene("pause")
        yield from sp.finish_with("quit")

    sp = ScriptedPlayer(script)
    rc = run_game(args(tmp_path), headless=True, driver=sp, clock=clock, deployment=dep, on_app=setup_app(monkeypatch))
    assert sp.error is None, f"{sp.error}; last steps: {sp.log[-6:]}"
    assert rc == 0 and sp.done

    # the round: creature weakened, beaten and calm in the world
    assert seen["gone"] and seen["facing_after"] is None
    assert seen["hp"][0] == 1 and all(hp == 0 for hp in seen["hp"][1:])
    assert seen["journal_entries"] == 1

    events = read_all_events(tmp_path / "logs")
    traps = [e for e in events if e["event_type"] == "trap_answered"]
    assert len(traps) == len(seen["answers"]) + 1 >= 4
    first, second = traps[0]["payload"], traps[1]["payload"]
    assert first["correct"] is False and first["attempt"] == 1 and first["reaction_ms"] == 1500
    assert second["correct"] is True and second["attempt"] == 2 and second["reaction_ms"] == 800
    assert second["thought_id"] == first["thought_id"] == seen["answers"][0]
    assert traps[2]["payload"]["reaction_ms"] == 2000 and traps[2]["payload"]["correct"] is True
    assert {e["level_id"] for e in traps} == {L3}

    [done] = [e for e in events if e["event_type"] == "thought_record_completed"]
    p = done["payload"]
    assert done["level_id"] == L4
    assert p["thought_id"] == seen["thought_id"] == "mr_class_laugh"
    assert (p["belief_before"], p["belief_after"]) == (80, 50)
    assert (p["feeling_before"], p["feeling_after"]) == (70, 45)
    assert p["feeling"] == seen["feeling"]
    assert sorted(p["evidence_ids"]) == seen["evidence"]
    assert p["wrote_own"] is True and p["balanced_option_id"] is None and p["balanced_quality"] == "own"

    # no free text anywhere in the log: not the typed thought, not a piece of it, not the nickname
    raw = json.dumps([ev for _, evs in iter_sessions(tmp_path / "logs") for ev in evs])
    for needle in (OWN_TEXT, "whole class", "Tess"):
        assert needle not in raw

    # the save, loaded again from disk
    store = ProfileStore(tmp_path / "profiles")
    [summary] = store.list_profiles()
    profile = store.load(summary.profile_id)
    [entry] = profile.data["journal"]
    assert entry["kind"] == "thought_record" and entry["thought_id"] == "mr_class_laugh"
    assert entry["balanced_thought"] == OWN_TEXT and entry["wrote_own"] is True
    assert (entry["belief_before"], entry["belief_after"]) == (80, 50)
    state = profile.level_state(L3)
    assert state["thoughts_done"] == ["thought_1"] and state["trap_memory"]["scores"]

    # ---- resume: the beaten creature stays calm, the others are still there; the journal shows it
    later: dict = {}

    def second(sp):
        yield from sp.wait_scene("title")
        yield from sp.press("continue")
        yield from enter_level(sp, L3)
        play = sp.play_scene()
        objs = {o.prop("encounter"): o for o in play.world.lmap.objects if o.kind == "thought"}
        later["gone"] = sorted(k for k, o in objs.items() if o.props.get("_gone"))
        yield from face_object(sp, objs["thought_2"])
        yield from sp.key(A.CONFIRM)
        yield from sp.wait_scene("trap_spot")
        later["memory"] = dict(sp.top().round.scores)
        yield from sp.press("leave")
        yield from sp.wait_scene("play")
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.press("journal")
        yield from sp.wait_scene("journal")
        later["entries"] = [e["balanced_thought"] for e in sp.top().entries]
        yield from sp.key(A.CANCEL)
        yield from sp.wait_scene("pause")
        yield from sp.finish_with("quit")

    sp2 = ScriptedPlayer(second)
    assert run_game(args(tmp_path), headless=True, driver=sp2, clock=clock, deployment=dep,
                    on_app=setup_app(monkeypatch)) == 0
    assert sp2.error is None, f"{sp2.error}; last steps: {sp2.log[-6:]}"
    assert later["gone"] == ["thought_1"]
    missed = state["trap_memory"]["scores"]
    assert any(later["memory"][t] > 0 for t in missed)   # the missed trap was carried over
    assert later["entries"] == [OWN_TEXT]


# ------------------------------------------------------------------------------------ the widgets alone
def test_slider_snaps_moves_with_keys_and_reports_focus(display):
    from game.input.actions import Action
    from game.ui.manager import UI
    from game.ui.slider import Slider

    ui = UI()
    import pygame

    s = Slider(ui, pygame.Rect(10, 10, 400, 40), minimum=0, maximum=10, step=1, value=7, labels=("0", "10"))
    assert s.value == 7 and not s.touched
    assert s.handle(Action(A.RIGHT)) and s.value == 8 and s.touched
    for _ in range(5):
        s.handle(Action(A.RIGHT))
    assert s.value == 10
    assert not s.handle(Action(A.UP))
    big = Slider(ui, pygame.Rect(10, 80, 400, 40), minimum=0, maximum=100, step=5, value=52)
    assert big.value == 50
    big.widget.set_current_value(63)   # the mouse dragged it
    assert big.value == 65 and big.touched
    with pytest.raises(ValueError):
        Slider(ui, pygame.Rect(0, 0, 10, 10), minimum=5, maximum=5)


# ------------------------------------------------------------------------------------ bad content
def content_tree(tmp_path):
    levels = tmp_path / "levels"
    for name in ("shared", "tilesets", L3):
        shutil.copytree(ROOT / "levels" / name, levels / name)
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    return levels


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors(levels) -> str:
    from game.content.check import check_all

    issues, _ = check_all(levels)
    return "\n".join(str(i) for i in issues)


def test_shipped_content_passes_the_check_including_encounters():
    from game.content.check import check_all

    issues, stats = check_all()
    mine = [str(i) for i in issues if any(k in i.file for k in (L3, L4, "shared/"))]
    assert mine == [] and stats["thoughts"] >= 30


@pytest.mark.parametrize("case", ["unknown_thought", "unknown_trap", "no_balanced", "missing_text", "bad_mode"])
def test_bad_content_fails_the_check_naming_the_file(tmp_path, case):
    levels = content_tree(tmp_path)
    level_yaml = levels / L3 / "level.yaml"
    thoughts = levels / "shared" / "thoughts.yaml"
    if case == "unknown_thought":
        edit(level_yaml, "thoughts: [mr_wave_hallway,", "thoughts: [mr_wave_hallwayy,")
        want = (f"{L3}/level.yaml", "mr_wave_hallwayy")
    elif case == "bad_mode":
        edit(level_yaml, "  thought_2:\n    mode: spot", "  thought_2:\n    mode: fight")
        want = (f"{L3}/level.yaml", "mode must be one of")
    elif case == "unknown_trap":
        edit(thoughts, "traps: [mind_reading]", "traps: [mind_reeding]")
        want = ("thoughts.yaml", "unknown trap 'mind_reeding'")
    elif case == "no_balanced":
        edit(thoughts, "        quality: balanced\n        text: Maya might", "        quality: still_negative\n        text: Maya might")
        want = ("thoughts.yaml", "no balanced option")
    else:
        edit(thoughts, "    thought: Maya must be angry with me.\n", "    thought: \"  \"\n")
        want = ("thoughts.yaml", "text is empty")
    msg = errors(levels)
    for w in want:
        assert w in msg, msg
    # the line is named too
    assert any(line.split(": ", 1)[0].rsplit(":", 1)[-1].isdigit() for line in msg.splitlines() if want[0] in line), msg


# ------------------------------------------------------------------------------------ round memory (rules)
def play_round(trap_round, miss: str):
    """Answer a round: the thought ``miss`` wrong first (then right), every other one right."""
    shown, t = [], 0.0
    while (item := trap_round.next_thought(at=t)) is not None:
        shown.append(item.id)
        if item.id == miss and shown.count(miss) == 1:
            wrong = next(x for x in trap_round.options() if x not in item.traps)
            trap_round.answer(wrong, at=t + 1)
        trap_round.answer(item.traps[0], at=t + 2)
        t += 3
    return shown


def test_missed_traps_come_back_in_new_thoughts_and_carry_to_the_next_round():
    import random

    from game.content.thoughts import shared_bank
    from game.mechanics.thinking import StepError, TrapRound

    bank = shared_bank()
    items = bank.many(["lab_idiot_test", "ft_party"])
    reserve = bank.many(["lab_not_invited", "lab_chess_loss", "ft_tryouts", "ft_party"])
    fresh = 0
    for seed in range(40):
        r = TrapRound(items, bank.catalogue, random.Random(seed), target=2, max_extra=1, reserve=reserve)
        shown = play_round(r, "lab_idiot_test")
        assert len(shown) == 3                       # one extra thought for the missed trap ...
        extra = bank.get(shown[2])
        assert "labelling" in extra.traps            # ... always with that trap
        fresh += extra.id != "lab_idiot_test"
    assert fresh >= 34                               # and nearly always a thought not seen yet
    assert "ft_party" not in [i.id for i in r.reserve]   # round items are not doubled in the reserve

    memory = json.loads(json.dumps(r.memory()))      # stored in the save as JSON
    # spotted on the first try in the extra thought: no longer pending, but still weighted a little
    assert memory["scores"]["labelling"] > 0 and memory["pending"] == []
    memory["pending"] = ["labelling"]
    nxt = TrapRound(bank.many(["lab_chess_loss", "ft_tryouts", "og_no_reply"]), bank.catalogue, random.Random(3), target=3)
    nxt.remember(memory)
    assert nxt.scores["labelling"] == memory["scores"]["labelling"] and nxt.pending == {"labelling"}
    weights = {i.id: nxt._weight(i) for i in nxt.items}
    assert weights["lab_chess_loss"] > weights["ft_tryouts"] == weights["og_no_reply"]

    odd = TrapRound(items, bank.catalogue, random.Random(0))
    odd.remember({"scores": {"nope": 5, "labelling": "x", "fortune_telling": -1, "mind_reading": True},
                  "pending": ["nope", 3]})
    assert all(v == 0 for v in odd.scores.values()) and odd.pending == set()
    odd.remember(None)
    odd.next_thought(at=0)
    with pytest.raises(StepError):
        odd.remember(memory)


def test_every_thought_creature_and_case_file_can_be_reached(display):
    from game.content.level import load_level
    from game.scenes.play import level_refs
    from game.world.tmx import load_map
    from game.world.world import World

    for level_id, n in ((L3, 6), (L4, 3)):
        lv = load_level(ROOT / "levels" / level_id)
        world = World(load_map(lv.map_path, level_refs(lv)))
        things = [o for o in world.lmap.objects if o.kind == "thought"]
        assert len(things) == n == len(lv.content.encounters)
        for obj in things:
            assert world.path_to(obj.tiles[0], adjacent=True) is not None, (level_id, obj.label)


def test_journal_pages_through_records_newest_first_and_skips_other_kinds(display):
    from types import SimpleNamespace

    from game.input.actions import Action
    from game.scenes.journal import JournalScene
    from game.store.profiles import Profile
    from game.ui.manager import UI

    def rec(n):
        return {"kind": "thought_record", "date": f"2026-09-0{n}T10:00:00.000Z", "thought": f"Thought {n}",
                "situation": "s", "feeling": "sad", "feeling_before": 60, "feeling_after": 40,
                "belief_before": 70, "belief_after": 30, "trap_name": "Crystal Ball",
                "evidence_for": ["a"], "evidence_against": ["b"], "balanced_thought": f"Balanced {n}", "wrote_own": False}

    profile = Profile({"profile_id": "p", "progress": {"levels": {}},
                       "journal": [rec(1), {"kind": "toolkit", "items": []}, rec(2), rec(3)]})
    popped = []
    app = SimpleNamespace(ctx=SimpleNamespace(profile=profile), ui=UI(),
                          audio=SimpleNamespace(play=lambda name: None),
                          stack=SimpleNamespace(pop=lambda: popped.append(True)))
    scene = JournalScene(app)
    scene.enter()
    assert [e["thought"] for e in scene.entries] == ["Thought 3", "Thought 2", "Thought 1"]
    assert not scene.buttons["newer"].is_enabled and scene.focused() == "older"
    scene.handle(Action(A.CONFIRM))
    scene.handle(Action(A.PRESS, "older"))
    assert scene.index == 2 and not scene.buttons["older"].is_enabled
    scene.draw(display)
    scene.handle(Action(A.PRESS, "newer"))
    assert scene.index == 1
    scene.handle(Action(A.CANCEL))
    assert popped == [True]
    scene.exit()
    empty = JournalScene(SimpleNamespace(ctx=SimpleNamespace(profile=None), ui=app.ui, audio=app.audio, stack=app.stack))
    empty.enter()
    assert empty.entries == [] and list(empty.buttons) == ["close"]
    empty.draw(display)


# ------------------------------------------------------------------------------------ big text, every step
# tests/test_text_scale.py checks the first page a screen shows; these walk every page (and every
# part of a page that big text spreads over parts) at 200 %, with and without the dyslexia font.
BIG_LOOKS = ((2.0, True), (2.0, False))


@pytest.fixture(scope="module")
def big_app(tmp_path_factory):
    """A real app, as in tests/test_text_scale.py, with a profile."""
    import pygame
    import test_text_scale as ts

    from game.app import App, AppOptions
    from game.content.level import load_all_levels
    from game.context import GameContext
    from game.paths import DataDirs
    from game.scenes.title import TitleScene

    pygame.display.init()
    levels, _ = load_all_levels()
    ctx = GameContext(DataDirs(tmp_path_factory.mktemp("big")), DefaultDeployment(), levels, strict_events=True)
    app = App(ctx, AppOptions(headless=True, audio=False), first_scene=TitleScene)
    ts.frames(app, 2)
    ts.with_profile(app)
    yield app
    ts.set_look(app, 1.0, False)
    while app.stack.scenes:
        app.stack.scenes.pop().exit()
    ctx.shutdown()


def problems_now(app, scene, monkeypatch, step: str) -> list[str]:
    """What tests/test_text_scale.py checks, on the frame the scene shows now; and the lines the
    thought screens draw themselves are on screen and not under a button; and the part of a page
    shown stays above the buttons at the bottom."""
    import warnings

    import test_text_scale as ts
    from pygame_gui.elements import UIButton

    from game.scenes import thoughts_record, thoughts_spot, thoughts_ui
    from game.ui.manager import SCREEN_H, SCREEN_W

    drawn = []
    real = thoughts_ui.blit_text

    def spy(surface, font, text, pos, *a, **k):
        r = real(surface, font, text, pos, *a, **k)
        if surface.get_size() == (SCREEN_W, SCREEN_H):
            drawn.append((text, r))
        return r

    with monkeypatch.context() as mp:
        for mod in (thoughts_record, thoughts_spot):
            mp.setattr(mod, "blit_text", spy)
        draw_spy = ts.DrawSpy(mp)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ts.frames(app, 2)
            out = ts.problems_on(app, scene, draw_spy, caught)
    solid = [b for b in ts.visible_elements(scene) if isinstance(b, UIButton) and "#card_button" not in b.object_ids]
    for text, r in drawn + draw_spy.rects:
        if not ts.SCREEN.contains(r):
            out.append(f"drawn text {text!r} off screen at {r}")
        out += [f"drawn text {text!r} under the button {b.text!r}" for b in solid if r.colliderect(b.rect)]
    parts = getattr(scene, "parts", None)
    if parts and getattr(scene, "compact", False) or parts and scene.name == "thought_record":
        floor = getattr(scene, "nav_y", None) or scene.view.bottom
        out += [f"a block ends at {b.y + b.h}, under the buttons ({floor})" for b in parts[scene.part]
                if b.y + b.h > floor]
    return [f"{step}: {p}" for p in out]


def every_part(app, scene, monkeypatch, step: str) -> list[str]:
    """Problems on each part of the page shown (then back on the part it was on)."""
    n, here = len(scene.parts), scene.part
    out = []
    for k in range(n):
        if n > 1:
            scene.show_part(k)
        out += problems_now(app, scene, monkeypatch, f"{step} ({k + 1} of {n})")
    if n > 1:
        scene.show_part(here)
    return out


def open_by_map(app, class_name):
    import test_text_scale as ts

    _play, make = ts.opener_for(app, class_name)
    assert make is not None, f"no map object opens {class_name}"
    make()
    app.stack.apply()
    ts.frames(app, 2)
    assert type(app.stack.top).__name__ == class_name
    return app.stack.top


@pytest.mark.parametrize("look", BIG_LOOKS, ids=("200-dyslexia", "200"))
def test_every_page_of_a_thought_record_fits_at_200_percent(big_app, monkeypatch, look):
    import test_text_scale as ts

    app = big_app
    ts.set_look(app, *look)
    depth = len(app.stack.scenes)
    rec = open_by_map(app, "ThoughtRecordScene")
    problems: list[str] = []

    def finish_page(step: str, press: str = "next") -> None:
        """Check every part of the page, pressing Next through its parts until the page changes."""
        page = rec.page
        for _ in range(12):
            problems.extend(problems_now(app, rec, monkeypatch, f"{step} ({rec.part + 1} of {len(rec.parts)})"))
            if rec.page != page:
                return
            last = rec.part == len(rec.parts) - 1
            rec.on_button(press if last else "next")
            if rec.page != page or app.stack.top is not rec:
                return
        raise AssertionError(f"{step}: the page never moved on")

    try:
        problems.extend(every_part(app, rec, monkeypatch, "catch"))
        while not rec.feel_ids:                     # big text: the thought first, then the feelings
            rec.on_button("next")
        rec.on_button("next")                       # no feeling yet: a hint, on the feelings' part
        assert rec.hint and rec.feel_ids
        problems.extend(every_part(app, rec, monkeypatch, "catch with a hint"))
        rec.on_button(f"feel:{rec.record.feeling_options()[0]}")
        assert rec.focused() == "strength"          # choosing a feeling goes on to its strength
        finish_page("catch")
        finish_page("belief")
        assert rec.page == "trap"
        problems.extend(every_part(app, rec, monkeypatch, "trap"))
        wrong = next(t for t in rec.record.trap_options() if t not in rec.item.traps)
        rec.on_button(f"trap:{wrong}")
        problems.extend(every_part(app, rec, monkeypatch, "trap, not quite"))
        while rec.page != "trap":
            rec.go_back()
        rec.on_button(f"trap:{rec.item.traps[0]}")
        finish_page("trap, nice catch")
        assert rec.page == "evidence"
        rec.show_part(len(rec.parts) - 1)
        rec.on_button("next")                        # nothing sorted yet: a hint
        assert rec.hint
        problems.extend(every_part(app, rec, monkeypatch, "evidence with a hint"))
        rec.show_part(len(rec.parts) - 1)
        ts.set_look(app, 1.0, False)                 # the text size changes while the page is open
        assert len(rec.parts) == 1 and rec.page == "evidence"
        ts.set_look(app, *look)
        problems.extend(problems_now(app, rec, monkeypatch, "evidence, laid out again"))
        for ev in rec.record.evidence_cards():
            rec.placements[ev.id] = "for"
        finish_page("evidence sorted")
        finish_page("evidence checked")
        finish_page("friend test")
        assert rec.page == "change"
        problems.extend(every_part(app, rec, monkeypatch, "change"))
        bad = next(o for o in rec.item.balanced if o.quality != "balanced")
        rec.on_button(f"opt:{bad.id}")
        problems.extend(every_part(app, rec, monkeypatch, "change, not balanced"))
        while rec.page != "change":
            rec.go_back()
        rec.on_button("write")
        rec.own_text = "Maybe it went better than I think, and one laugh is not the whole class either."
        rec.show_part(0)
        problems.extend(every_part(app, rec, monkeypatch, "write"))
        rec.show_part(len(rec.parts) - 1)
        assert rec.entry is not None and "use_own" in rec.buttons
        rec.on_button("use_own")
        assert rec.page == "change_fb"
        finish_page("your own thought")
        finish_page("rate again")
        assert rec.page == "done"
        finish_page("case closed", press="close")
        assert app.stack.top is not rec
    finally:
        while len(app.stack.scenes) > depth:
            app.stack.pop()
            app.stack.apply()
        ts.set_look(app, 1.0, False)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("look", BIG_LOOKS, ids=("200-dyslexia", "200"))
def test_every_step_of_spotting_traps_fits_at_200_percent(big_app, monkeypatch, look):
    import test_text_scale as ts

    app = big_app
    ts.set_look(app, *look)
    depth = len(app.stack.scenes)
    spot = open_by_map(app, "TrapSpotScene")
    problems: list[str] = []
    try:
        problems.extend(every_part(app, spot, monkeypatch, "a thought"))
        first, n = True, 0
        while spot.feedback_kind != "done":
            item = spot.item
            if first:
                wrong = next(t for t in spot.round.options() if t not in item.traps)
                spot.on_button(f"trap:{wrong}")
                assert spot.feedback_kind == "wrong"
                # the answer shows the creature and its feedback
                assert any(b.key == "status" for b in spot.parts[spot.part])
                problems.extend(every_part(app, spot, monkeypatch, "a wrong answer"))
                ts.set_look(app, 1.0, False)         # the text size changes while it is open
                assert not spot.compact and spot.buttons[f"trap:{wrong}"].is_enabled is False
                ts.set_look(app, *look)
                problems.extend(problems_now(app, spot, monkeypatch, "laid out again"))
                first = False
            spot.on_button(f"trap:{item.traps[0]}")
            n += 1
            problems.extend(every_part(app, spot, monkeypatch, f"right answer {n}"))
            assert spot.part == len(spot.parts) - 1 and "next" in spot.buttons
            spot.on_button("next")
        problems.extend(every_part(app, spot, monkeypatch, "round complete"))
    finally:
        while len(app.stack.scenes) > depth:
            app.stack.pop()
            app.stack.apply()
        ts.set_look(app, 1.0, False)
    assert not problems, "\n".join(problems)
