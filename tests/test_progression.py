"""Levels unlock in order; replays are free; the deployment's pacing holds the next level back."""
from datetime import date, datetime, timezone

from game.mechanics.progression import DONE, IN_PROGRESS, LOCKED, OPEN, WAITING, level_access, local_date, opens_text

IDS = ["l1", "l2", "l3"]


def iso(y, m, d, h=12):
    return datetime(y, m, d, h, tzinfo=timezone.utc).isoformat()


def test_in_order_without_pacing():
    acc = level_access(IDS, {}, None, date(2026, 11, 26))
    assert [a.status for a in acc] == [OPEN, LOCKED, LOCKED]
    acc = level_access(IDS, {"l1": {"completed": True, "completed_utc": iso(2026, 11, 26)}}, None, date(2026, 11, 26))
    assert [a.status for a in acc] == [DONE, OPEN, LOCKED] and acc[0].playable and acc[1].playable


def test_pacing_waits_then_opens_and_replays_do_not_move_it():
    states = {"l1": {"completed": True, "first_completed_utc": iso(2026, 11, 23), "completed_utc": iso(2026, 11, 26)}}
    acc = level_access(IDS, states, 7, date(2026, 11, 26))
    assert acc[1].status == WAITING and acc[1].opens_on == date(2026, 11, 30) and not acc[1].playable
    assert acc[0].playable  # a finished level can always be replayed
    assert level_access(IDS, states, 7, date(2026, 11, 29))[1].status == WAITING
    assert level_access(IDS, states, 7, date(2026, 11, 30))[1].status == OPEN
    assert level_access(IDS, states, None, date(2026, 11, 26))[1].status == OPEN


def test_a_started_level_stays_open_and_damaged_dates_do_not_lock_anyone_out():
    states = {"l1": {"completed": True, "first_completed_utc": "garbage"}, "l2": {"checkpoint": "yard"}}
    acc = level_access(IDS, states, 7, date(2026, 11, 26))
    assert [a.status for a in acc] == [DONE, IN_PROGRESS, LOCKED]
    assert local_date("garbage") is None and local_date(None) is None


def test_friendly_dates():
    today = date(2026, 11, 26)  # a Thursday
    assert opens_text(date(2026, 11, 27), today) == "tomorrow"
    assert opens_text(date(2026, 11, 30), today) == "on Monday"
    assert opens_text(date(2026, 12, 3), today) == "on Thursday 3 December"


def test_the_players_time_zone_decides_the_day():
    late = "2026-11-23T23:30:00.000Z"
    assert local_date(late, 0) == date(2026, 11, 23)
    assert local_date(late, 60) == date(2026, 11, 24)  # already Tuesday in Amsterdam
    states = {"l1": {"completed": True, "first_completed_utc": late}}
    assert level_access(IDS, states, 1, date(2026, 11, 24), 0)[1].status == OPEN
    assert level_access(IDS, states, 1, date(2026, 11, 24), 60)[1].status == WAITING


def test_journey_shows_when_the_next_level_opens_and_opens_it_on_the_day(tmp_path):
    """Through the real app: pacing = 7 days, an injected clock, the friendly message, then open."""
    from argparse import Namespace
    from datetime import timedelta

    from game.clock import FakeClock, rfc3339_ms
    from game.content.level import load_all_levels
    from game.deployment import Deployment
    from game.runner import run_game
    from game.scripted import ScriptedPlayer
    from game.store.profiles import ProfileStore

    levels, _ = load_all_levels()
    assert len(levels) >= 2
    l1, l2 = levels[0].id, levels[1].id
    clock = FakeClock(datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc), tz_offset_min=60)
    store = ProfileStore(tmp_path / "profiles", clock)
    prof = store.create("Kai")
    st = prof.level_state(l1)
    st.update(completed=True, times_completed=1, completed_utc=rfc3339_ms(clock.now_utc()),
              first_completed_utc=rfc3339_ms(clock.now_utc()))
    store.save(prof, wait=True)
    seen = {}

    def script(sp):
        yield from sp.wait_scene("title")
        yield from sp.press("continue")
        yield from sp.wait_scene("journey", 900)
        seen["label"] = sp.top().buttons[f"level:{l2}"].text
        yield from sp.press(f"level:{l2}")
        yield from sp.wait_scene("message")
        seen["message"] = sp.top().text
        clock.advance(timedelta(days=7).total_seconds())
        yield from sp.press("ok")
        yield from sp.wait_scene("journey")
        seen["after"] = sp.top().buttons[f"level:{l2}"].text
        seen["replay"] = sp.top().buttons[f"level:{l1}"].is_enabled
        yield from sp.press(f"level:{l2}")
        yield from sp.wait_for(lambda: sp.app.stack.find(lambda s: s.name == "play") is not None, "level 2")
        sp.app.quit("quit")

    sp = ScriptedPlayer(script)
    dep = Deployment(pacing={"days": 7})
    args = Namespace(data_dir=str(tmp_path), portable=False, deployment=None, lang=None, fullscreen=False)
    assert run_game(args, headless=True, driver=sp, deployment=dep, clock=clock) == 0
    assert sp.done or sp.error is None, sp.error
    assert "Opens on Thursday 3 December" in seen["label"]
    assert "opens on Thursday 3 December" in seen["message"]
    assert "Open" in seen["after"] and "Opens" not in seen["after"] and seen["replay"]
