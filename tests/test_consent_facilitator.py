"""Consent, withdrawal, the facilitator screen and profile deletion, played through the real app
by a scripted player (issue 6)."""
import base64
import hashlib
import json
import random
from argparse import Namespace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from nacl.public import PrivateKey

from game.clock import FakeClock
from game.deployment import Deployment, hash_pin, key_id_for
from game.input.actions import A
from game.research.codes import make_codes
from game.research.export import open_bundle
from game.research.schema import validate_event
from game.runner import run_game
from game.scripted import ScriptedPlayer
from game.selftest import mistyped
from game.store.eventlog import read_all_events
from game.store.profiles import ProfileStore

SK = PrivateKey(hashlib.sha256(b"consent-test-key").digest())
PK = bytes(SK.public_key)
CODE_A, CODE_B, CODE_C = make_codes("GLM24", 3, random.Random(11))
PIN = "2468"
PIN_HASH = hash_pin(PIN)
NICK = "Zorblemarker"


def deployment(**kw):
    return Deployment(research_enabled=True, study_id="GLM24", public_key=base64.b64encode(PK).decode(),
                      key_id=key_id_for(PK), facilitator_pin_hash=PIN_HASH, **kw)


def play(tmp: Path, script, dep=None) -> ScriptedPlayer:
    sp = ScriptedPlayer(script)
    args = Namespace(data_dir=str(tmp), portable=False, deployment=None, lang=None, fullscreen=False)
    rc = run_game(args, headless=True, driver=sp, deployment=dep or deployment())
    assert rc == 0 and sp.error is None and sp.done, (sp.error, sp.log[-6:])
    return sp


def new_profile(sp, nickname=NICK):
    yield from sp.new_profile(nickname)


def say_yes(sp, code, seen: dict):
    yield from sp.wait_scene("consent")
    assert sp.top().page == "info"
    yield from sp.press("yes")
    assert sp.top().page == "code"
    yield from sp.key(A.TEXT, mistyped(code))
    yield from sp.press("submit")
    seen["typo_message"] = sp.top().message
    seen["page_after_typo"] = sp.top().page
    yield from sp.key(A.TEXT, code.lower().replace("-", " "))   # case, spaces: forgiven
    yield from sp.press("submit")
    assert sp.top().page == "thanks"
    yield from sp.press("continue")
    yield from sp.wait_scene("journey")


def files_text(folder: Path) -> str:
    return "\n".join(p.read_text("utf-8", errors="replace") for p in folder.rglob("*") if p.is_file())


def test_yes_with_a_typo_then_the_right_code_and_the_facilitator_exports(tmp_path):
    seen: dict = {}

    def script(sp):
        yield from new_profile(sp)
        yield from say_yes(sp, CODE_A, seen)
        yield from sp.press("research")                    # journey: the research choice
        yield from sp.wait_scene("research")
        seen["research_text"] = sp.top().text()
        assert "withdraw" in sp.top().buttons
        yield from sp.press("back")
        yield from sp.wait_scene("journey")
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        yield from sp.press("continue")                    # a second session: not asked again
        yield from sp.wait_scene("journey")
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        # the facilitator screen: a wrong PIN is refused kindly, the right one opens it
        yield from sp.press("teachers")
        yield from sp.wait_scene("facilitator")
        assert sp.top().page == "pin"
        yield from sp.key(A.TEXT, "1111")
        yield from sp.press("unlock")
        seen["wrong_pin"] = (sp.top().page, sp.top().message)
        yield from sp.key(A.TEXT, PIN)
        yield from sp.press("unlock")
        assert sp.top().page == "main"
        seen["rows"] = [(r.participant_code, r.levels_completed, r.sessions) for r in sp.top().rows]
        yield from sp.key(A.TEXT, str(tmp_path / "usb"))
        yield from sp.press("export")
        seen["export_message"] = sp.top().message
        seen["export"] = sp.top().last_export
        yield from sp.press("back")
        yield from sp.wait_scene("title")
        yield from sp.finish_with("quit")

    play(tmp_path / "data", script)
    assert seen["page_after_typo"] == "code"
    assert "typing mistake" in seen["typo_message"] and "try again" in seen["typo_message"]
    assert CODE_A in seen["research_text"]
    events = read_all_events(tmp_path / "data" / "logs")
    consent = [e for e in events if e["event_type"] == "consent_decided"]
    assert [(e["payload"], e["participant_code"]) for e in consent] == [({"decision": "yes"}, CODE_A)]
    assert all(e["participant_code"] == CODE_A for e in events)       # nothing before the answer
    assert {"session_started", "session_ended"} <= {e["event_type"] for e in events}
    for e in events:
        assert validate_event(e) == []
    save = ProfileStore(tmp_path / "data" / "profiles").list_profiles()[0].raw
    assert save["research"]["decision"] == "yes" and save["research"]["participant_code"] == CODE_A

    assert seen["wrong_pin"][0] == "pin" and "isn't right" in seen["wrong_pin"][1]
    assert seen["rows"] == [(CODE_A, 0, 2)]
    res = seen["export"]
    assert res.path.parent == tmp_path / "usb" and res.path.is_file()
    assert res.path.name in seen["export_message"] and "1 participant(s)" in seen["export_message"]
    bundle = open_bundle(res.path, SK)
    exported = [json.loads(line) for line in bundle.lines]
    assert len(exported) == len(events) == res.manifest["counts"]["events"]
    for e in exported:
        assert validate_event(e) == [], e
        assert e["participant_code"] == CODE_A
    assert [p["participant_code"] for p in bundle.progress] == [CODE_A]
    # the nickname is nowhere in the log or the export (nor in the export's decrypted contents)
    blob = json.dumps(exported) + json.dumps(bundle.progress) + json.dumps(bundle.manifest)
    assert NICK.lower() not in blob.lower()
    assert NICK.lower() not in files_text(tmp_path / "data" / "logs").lower()


def test_no_keeps_the_game_playable_and_writes_only_the_decision(tmp_path):
    def script(sp):
        yield from new_profile(sp)
        yield from sp.wait_scene("consent")
        yield from sp.press("no")
        yield from sp.wait_scene("journey")
        yield from sp.press(f"level:{sp.app.ctx.levels[0].id}")      # playing still works
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "the level")
        for _ in range(10):
            yield None
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.finish_with("quit")

    play(tmp_path / "data", script)
    events = read_all_events(tmp_path / "data" / "logs")
    assert [(e["event_type"], e["payload"], e["participant_code"]) for e in events] == [
        ("consent_decided", {"decision": "no"}, None)]
    from game.research.export import export

    res = export(tmp_path / "data", deployment(), tmp_path / "out")
    assert res.manifest["counts"]["events"] == 0 and res.manifest["counts"]["participants"] == 0


def test_withdraw_stops_logging_and_the_export_lists_the_withdrawal(tmp_path):
    seen: dict = {}

    def script(sp):
        yield from new_profile(sp)
        yield from say_yes(sp, CODE_B, seen)
        yield from sp.press("research")
        yield from sp.wait_scene("research")
        yield from sp.press("withdraw")
        yield from sp.wait_scene("message")
        yield from sp.press("ok")
        yield from sp.wait_scene("research")
        seen["after"] = (sp.top().text(), sorted(sp.top().buttons))
        yield from sp.press("back")
        yield from sp.wait_scene("journey")
        yield from sp.press(f"level:{sp.app.ctx.levels[0].id}")      # events after withdrawal
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "the level")
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.finish_with("quit")

    play(tmp_path / "data", script)
    assert "stopped taking part" in seen["after"][0] and seen["after"][1] == ["back"]
    events = read_all_events(tmp_path / "data" / "logs")
    consent = [(e["event_type"], e["payload"].get("decision")) for e in events if e["event_type"] == "consent_decided"]
    assert consent == [("consent_decided", "yes"), ("consent_decided", "withdrawn")]
    assert (events[-1]["event_type"], events[-1]["payload"]) == ("consent_decided", {"decision": "withdrawn"})
    assert len({e["session_id"] for e in events}) == 1        # the level and the sessions after: nothing
    assert all(e["participant_code"] == CODE_B for e in events)
    save = ProfileStore(tmp_path / "data" / "profiles").list_profiles()[0].raw
    assert save["research"]["decision"] == "withdrawn"
    from game.research.export import export

    res = export(tmp_path / "data", deployment(), tmp_path / "out")
    bundle = open_bundle(res.path, SK)
    assert bundle.lines == []
    assert [w["participant_code"] for w in bundle.withdrawals] == [CODE_B]


def test_deleting_a_profile_removes_its_data_and_leaves_a_deletion_notice(tmp_path):
    seen: dict = {}
    data = tmp_path / "data"

    def script(sp):
        yield from new_profile(sp)
        yield from say_yes(sp, CODE_C, seen)
        seen["pid"] = sp.app.ctx.profile.id
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        seen["logged_before"] = len(read_all_events(data / "logs"))
        yield from sp.press("play")
        yield from sp.wait_scene("profiles")
        yield from sp.press("delete")
        yield from sp.press(f"p:{seen['pid']}")
        yield from sp.wait_scene("message")
        yield from sp.press("ok")
        yield from sp.wait_scene("profiles")
        yield from sp.press("back")
        yield from sp.wait_scene("title")
        yield from sp.finish_with("quit")

    play(data, script)
    assert seen["logged_before"] >= 2
    assert not (data / "profiles" / seen["pid"]).exists()
    assert read_all_events(data / "logs") == []
    notices = json.loads((data / "deletions.json").read_text("utf-8"))["notices"]
    assert [(n["event_type"], n["participant_code"], n["profile_id"]) for n in notices] == [
        ("profile_deleted", CODE_C, seen["pid"])]
    from game.research.export import export

    bundle = open_bundle(export(data, deployment(), tmp_path / "out").path, SK)
    exported = [json.loads(line) for line in bundle.lines]
    assert [(e["event_type"], e["participant_code"]) for e in exported] == [("profile_deleted", CODE_C)]
    assert validate_event(exported[0]) == []
    assert NICK.lower() not in json.dumps(exported).lower()


def test_research_off_asks_nothing(tmp_path):
    def script(sp):
        yield from new_profile(sp)
        yield from sp.wait_scene("journey")
        assert "research" not in sp.top().buttons
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        yield from sp.finish_with("quit")

    play(tmp_path / "data", script, dep=Deployment())
    assert read_all_events(tmp_path / "data" / "logs") == []


def test_wrong_pins_wait_longer_and_longer_even_after_a_restart(tmp_path):
    from game.context import GameContext
    from game.paths import DataDirs

    clock = FakeClock(start=datetime(2026, 9, 1, 9, 0, tzinfo=timezone.utc))
    dirs = DataDirs(tmp_path)
    dirs.ensure()

    def ctx():
        c = GameContext(dirs, deployment(), [], clock=clock)
        return c

    c = ctx()
    assert c.check_facilitator_pin("0000") == (False, "That PIN isn't right. Please try again.")
    assert c.check_facilitator_pin("0001")[0] is False
    ok, msg = c.check_facilitator_pin("0002")
    assert not ok and "30 seconds" in msg
    c.shutdown()
    c = ctx()                                             # a restart does not reset the wait
    ok, msg = c.check_facilitator_pin(PIN)
    assert not ok and "wait 30 seconds" in msg
    clock.advance(31)
    ok, msg = c.check_facilitator_pin("0003")
    assert not ok and "60 seconds" in msg                  # the wait grows
    clock.advance(61)
    assert c.check_facilitator_pin(PIN) == (True, "")
    assert c.check_facilitator_pin("0004") == (False, "That PIN isn't right. Please try again.")
    c.shutdown()


@pytest.mark.parametrize("typed,fragment", [
    ("", "type the code"),
    ("GLM24-ABCD", "too short"),
    ("XYZ99-ABCD-EFGH", "does not belong to this study"),
    ("GLM24-0BCD-EFGH", "never use 0, O, 1, I or L"),
])
def test_consent_messages_for_other_mistakes(tmp_path, typed, fragment):
    from game.context import GameContext
    from game.paths import DataDirs

    dirs = DataDirs(tmp_path)
    dirs.ensure()
    c = GameContext(dirs, deployment(), [])
    c.activate_profile(c.profiles.create("Robin"))
    ok, msg = c.consent(typed)
    assert not ok and fragment in msg
    assert c.profile.research.get("decision") is None and c.log.participant_code is None
    c.shutdown()
    assert read_all_events(dirs.logs) == []


def test_the_research_choice_is_reachable_from_settings(tmp_path):
    """Issue 6: a player can withdraw later from settings (Shift+A opens them anywhere)."""
    seen: dict = {}

    def script(sp):
        yield from new_profile(sp)
        yield from say_yes(sp, CODE_B, seen)
        yield from sp.key(A.ACCESSIBILITY)
        yield from sp.wait_scene("settings")
        yield from sp.press("research")
        yield from sp.wait_scene("research")
        seen["buttons"] = sorted(sp.top().buttons)
        yield from sp.press("back")
        yield from sp.wait_scene("settings")
        yield from sp.press("done")
        yield from sp.wait_scene("journey")
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        yield from sp.finish_with("quit")

    play(tmp_path / "data", script)
    assert "withdraw" in seen["buttons"]
