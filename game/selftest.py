"""`python main.py selftest`: the real app, headless, with a scripted player.

Creates a profile, walks to the guide, reads the dialogue, reaches the exit; exits 0 only if all
of that happened, the save says so and the expected events are in the session log.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from game.input.actions import A
from game.scripted import ScriptedPlayer, ScriptFailed

SELFTEST_STUDY = "SELFTEST"
GAME_SECONDS: dict[str, float] = {}  # level id -> the scripted player's game time in it


def selftest_code(study: str | None) -> str:
    """A valid participant code for the deployment's study (or the selftest's own study id)."""
    import random

    from game.research.codes import make_code

    return make_code(study or SELFTEST_STUDY, random.Random(20240601))


def mistyped(code: str) -> str:
    """The same code with its check character changed: the consent screen must refuse it."""
    from game.research.codes import ALPHABET

    last = code[-1]
    return code[:-1] + ALPHABET[(ALPHABET.index(last) + 1) % len(ALPHABET)]


def consent_script(sp: ScriptedPlayer, code: str):
    """On the consent screen: yes, a mistyped code (refused with a message), then the right one."""
    yield from sp.wait_scene("consent")
    yield from sp.press("yes")
    yield from sp.key(A.TEXT, mistyped(code))
    yield from sp.press("submit")
    if getattr(sp.top(), "page", None) != "code" or not getattr(sp.top(), "message", ""):
        raise ScriptFailed("a mistyped participant code was not refused with a message")
    yield from sp.key(A.TEXT, code.lower().replace("-", " "))
    yield from sp.press("submit")
    if getattr(sp.top(), "page", None) != "thanks":
        raise ScriptFailed(f"the participant code was not accepted: {getattr(sp.top(), 'message', '')}")
    yield from sp.press("continue")


def play_level_script(sp: ScriptedPlayer, level_id: str):
    """Enter a level from the journey and finish it: every required dialogue, then the exit."""
    yield from sp.wait_scene("journey")
    yield from sp.press(f"level:{level_id}")
    yield from sp.wait_for(lambda: getattr(sp.top(), "name", None) == "play" and sp.top().world is not None,
                           "the level to load")
    play = sp.play_scene()
    objs = play.world.lmap.objects
    exit_obj = next(o for o in objs if o.kind == "exit")
    required = exit_obj.props.get("_requires", [])
    talkers = [o for o in objs if o.kind in ("npc", "sign")]
    # required dialogue first, then everyone else (a curious player)
    talkers.sort(key=lambda o: (o.prop("dialogue") not in required, o.tiles[0]))
    for obj in talkers:
        yield from sp.talk_to(obj)
    # then every practice the level offers (sorting, breathing, thought creatures, boards ...)
    from game.scripted import PRACTICE

    for obj in [o for o in objs if o.kind in PRACTICE]:
        yield from PRACTICE[obj.kind](sp, obj)
    for cp in [o for o in objs if o.kind == "checkpoint"]:
        yield from sp.walk_to(cp.tiles[0])
    yield from sp.walk_to(exit_obj.tiles[0])
    yield from sp.wait_scene("level_complete", 120)
    yield from sp.press("continue")
    yield from sp.wait_scene("journey")


def selftest_script(levels: list[str], nickname: str = "Selftest", code: str | None = None):
    def script(sp: ScriptedPlayer):
        yield from sp.new_profile(nickname)
        if code is not None:
            yield from consent_script(sp, code)
        for level_id in levels:
            start = sp.app.frame
            yield from play_level_script(sp, level_id)
            GAME_SECONDS[level_id] = (sp.app.frame - start) / 60
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        if code is not None:
            # A second session: the question is not asked again, and the whole session is logged
            # (in the first one, events before the answer were never research data).
            yield from sp.press("continue")
            yield from sp.wait_scene("journey")
            yield from sp.press("title")
            yield from sp.wait_scene("title")
        yield from sp.finish_with("quit")
    return script


PRACTICE_EVENTS = {"problem": ("problem_solved",), "assertive": ("assertive_reply_chosen",),
                   "allies": ("ally_map_saved",), "review": ("skills_review_answered",), "toolkit": ("toolkit_saved",)}


def expected_events(level) -> set[str]:
    """The events a player who does everything a level offers must leave in the log."""
    c = level.content
    out = {"level_started", "level_completed", "npc_interacted", "mood_checkin"}
    if c.challenge is not None:
        out.add("challenge_set")
    if c.sorting:
        out |= {"moment_sorted", "sorting_completed"}
    if c.breathing:
        out.add("breathing_done")
    for enc in c.encounters.values():
        out.add("trap_answered" if enc.mode == "spot" else "thought_record_completed")
    if c.boards:
        out.add("activity_planned")
    for spot in getattr(c, "practice", {}).values():
        out.update(PRACTICE_EVENTS.get(spot.mode, ()))
    return out


def run_selftest(args: Any) -> int:
    from game.boot import data_dirs, load_deployment
    from game.content.level import load_all_levels
    from game.runner import run_game
    from game.store.eventlog import read_all_events
    from game.store.profiles import ProfileStore

    deployment = load_deployment(getattr(args, "deployment", None))
    # Research on, so the events can be checked; the scripted player consents on the real consent
    # screen with a valid participant code (after a mistyped one).
    if hasattr(deployment, "research_enabled"):
        try:
            deployment = replace(deployment, research_enabled=True)
        except TypeError:
            deployment.research_enabled = True
    tmp = None
    if not getattr(args, "data_dir", None):
        tmp = tempfile.TemporaryDirectory(prefix="glimmer-selftest-")
        args.data_dir = tmp.name
    levels, issues = load_all_levels()
    if issues or not levels:
        print("selftest: content problems:\n" + "\n".join(str(i) for i in issues))
        return 1
    chosen = [lv.id for lv in levels] if getattr(args, "all_levels", False) else [levels[0].id]
    code = selftest_code(getattr(deployment, "study_id", None))
    sp = ScriptedPlayer(selftest_script(chosen, code=code))
    sp.engaged = True  # answer the check-ins and challenges like a player who takes part
    record: list = []

    def on_app(app):
        app.options.record = record

    rc = run_game(args, headless=True, driver=sp, deployment=deployment, on_app=on_app)
    problems: list[str] = []
    if rc != 0:
        problems.append(f"the game exited with code {rc}")
    if sp.error:
        problems.append(f"scripted player: {sp.error}")
    if not sp.done:
        problems.append("the script did not finish")
    dirs = data_dirs(args, deployment)
    events = read_all_events(dirs.logs)
    types = [e["event_type"] for e in events]
    by_id = {lv.id: lv for lv in levels}
    for i, level_id in enumerate(chosen):
        wanted = expected_events(by_id[level_id])
        if i > 0 and by_id[chosen[i - 1]].content.challenge is not None:
            wanted.add("challenge_followed_up")  # the next level asks how last week's challenge went
        for need in sorted(wanted):
            if not any(e["event_type"] == need and e["level_id"] == level_id for e in events):
                problems.append(f"no {need} event for {level_id}")
    for need in ("session_started", "npc_interacted", "session_ended"):
        if need not in types:
            problems.append(f"no {need} event in the log")
    consent = [e for e in events if e["event_type"] == "consent_decided"]
    if [(e["payload"].get("decision"), e["participant_code"]) for e in consent] != [("yes", code)]:
        problems.append(f"expected one consent_decided yes event with the code {code}, got {consent}")
    elif any(e["participant_code"] != code for e in events):
        problems.append("an event was logged without the participant code")
    from game.research.schema import validate_event

    for e in events:
        errs = validate_event(e)
        if errs:
            problems.append(f"event {e.get('event_type')} #{e.get('event_seq')} is invalid: {errs}")
            break
    seqs: dict[str, list[int]] = {}
    for e in events:
        seqs.setdefault(e["session_id"], []).append(e["event_seq"])
    for sid, s in seqs.items():
        if sorted(s) != list(range(len(s))):
            problems.append(f"session {sid[:8]} has gaps in event_seq")
    store = ProfileStore(dirs.profiles)
    saved = [p for p in store.list_profiles() if p.nickname == "Selftest"]
    if not saved:
        problems.append("the profile was not saved")
    else:
        done = set(store.load(saved[0].profile_id).completed_levels())
        for level_id in chosen:
            if level_id not in done:
                problems.append(f"the save does not show {level_id} as completed")
    if getattr(args, "record", None):
        Path(args.record).write_text(json.dumps(record), encoding="utf-8")
    if tmp is not None:
        tmp.cleanup()
    if problems:
        print("selftest FAILED:\n  " + "\n  ".join(problems))
        if sp.log:
            print("last steps: " + "; ".join(sp.log[-8:]))
        return 1
    print(f"selftest passed: {len(chosen)} level(s), {len(events)} events, {len(record)} actions")
    if len(GAME_SECONDS) > 1:  # the scripted player's game time per level (60 frames a second, no reading)
        print("scripted play time: " + ", ".join(f"{k.split('_')[0]} {v:.0f} s" for k, v in GAME_SECONDS.items()))
    return 0
