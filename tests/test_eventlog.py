"""The event log: cheap on the frame, batched off it, crash-safe, recoverable."""
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from game.bus import Bus, GameEvent
from game.clock import FakeClock
from game.research.schema import SchemaError, validate_event
from game.store.atomic import StorageReport
from game.store.eventlog import EventLog, Identity, iter_sessions, read_all_events

ROOT = Path(__file__).resolve().parent.parent


def make_log(tmp_path, **kw):
    return EventLog(tmp_path / "logs", Identity("inst-1", "0.1.0", "test"), FakeClock(), report=StorageReport(), **kw)


def ev(n=0):
    return GameEvent("checkpoint_reached", {"checkpoint": f"cp{n}"}, "level1_mood_map")


def test_events_get_the_full_envelope_and_no_gaps(tmp_path):
    log = make_log(tmp_path, chunk_size=7)
    sid = log.start_session("prof-1", "CODE1")
    for i in range(20):
        log.handle(ev(i))
    assert log.pending == 20 and not (tmp_path / "logs" / sid).exists()  # nothing on disk on the frame
    log.checkpoint(wait=True)
    log.close()
    events = read_all_events(tmp_path / "logs")
    assert [e["event_seq"] for e in events] == list(range(20))
    assert all(validate_event(e) == [] for e in events)
    assert events[0]["ts_utc"].endswith("Z") and events[0]["participant_code"] == "CODE1"
    chunks = sorted((tmp_path / "logs" / sid).glob("chunk-*.json"))
    assert len(chunks) == 3  # 7 + 7 + 6: no write grows with the session
    meta = json.loads((tmp_path / "logs" / sid / "meta.json").read_text())
    assert meta["closed"] is True and meta["events"] == 20


def test_timer_flushes_pending_events_every_ten_seconds(tmp_path):
    log = make_log(tmp_path)
    log.start_session("p", None)
    log.handle(ev())
    log.tick()
    assert log.pending == 1
    log.clock.advance(10.5)
    log.tick()
    log.writer.drain()
    assert log.pending == 0 and len(read_all_events(tmp_path / "logs")) == 1
    log.close()


def test_gate_drops_events_without_consent_and_keeps_seq_gapless(tmp_path):
    log = make_log(tmp_path)
    log.gate = lambda e: e.payload.get("checkpoint") != "secret"
    log.start_session("p", None)
    log.handle(ev())
    log.handle(GameEvent("checkpoint_reached", {"checkpoint": "secret"}))
    log.handle(ev())
    log.close()
    assert [e["event_seq"] for e in read_all_events(tmp_path / "logs")] == [0, 1]


def test_bus_rejects_events_that_do_not_match_the_schema():
    bus = Bus(strict=True)
    with pytest.raises(SchemaError):
        bus.publish("mood_checkin", value=11, moment="level_start")
    with pytest.raises(SchemaError):
        bus.publish("no_such_event")
    got = []
    bus.subscribe(got.append, ["mood_checkin"])
    bus.publish("mood_checkin", value=3, moment="level_start")
    bus.publish("checkpoint_reached", checkpoint="x")
    assert [e.type for e in got] == ["mood_checkin"]


def test_disk_full_keeps_events_in_memory_and_retries(tmp_path, monkeypatch):
    from game.store import atomic

    log = make_log(tmp_path)
    log.start_session("p", None)
    log.handle(ev(1))
    log.checkpoint(wait=True)
    real = atomic.atomic_write_bytes

    def full(*a, **k):
        raise atomic.StorageFull(28, "No space left on device")

    monkeypatch.setattr(atomic, "atomic_write_bytes", full)
    log.handle(ev(2))
    log.checkpoint(wait=True)  # fails quietly, warns once
    assert log.write_failed and log.report.write_failures
    before = read_all_events(tmp_path / "logs")
    assert len(before) == 1  # the existing file is intact
    monkeypatch.setattr(atomic, "atomic_write_bytes", real)
    log.handle(ev(3))
    log.checkpoint(wait=True)
    assert [e["payload"]["checkpoint"] for e in read_all_events(tmp_path / "logs")] == ["cp1", "cp2", "cp3"]
    log.close()


def test_hard_killed_session_is_recovered_and_counted(tmp_path):
    log = make_log(tmp_path)
    log.start_session("p", None)
    for i in range(5):
        log.handle(ev(i))
    log.checkpoint(wait=True)
    # simulate a kill: never closed
    log.writer.close()
    log2 = make_log(tmp_path)
    assert log2.recover() == 5
    assert log2.recover() == 0  # recovered once only
    metas = [m for m, _ in iter_sessions(tmp_path / "logs")]
    assert metas[0]["closed"] and metas[0]["recovered"]


WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from game.bus import GameEvent
    from game.store.eventlog import EventLog, Identity
    from game.store.profiles import ProfileStore
    data = Path({data!r})
    log = EventLog(data / "logs", Identity("i", "0", "t"), chunk_size=40)
    store = ProfileStore(data / "profiles")
    prof = store.create("Killer")
    log.start_session(prof.id, "C")
    n = 0
    while True:
        for _ in range(13):
            log.handle(GameEvent("checkpoint_reached", {{"checkpoint": str(n)}}))
            n += 1
        log.checkpoint(wait=True)
        prof.data["flags"] = {{"n": n}}
        store.save(prof)
        print(n, flush=True)
""")


@pytest.mark.slow
def test_sigkill_at_random_moments_never_corrupts_or_loses_checkpointed_events(tmp_path):
    rng = random.Random(1234)
    kills = int(os.environ.get("GLIMMER_KILL_RUNS", "200"))
    for i in range(kills):
        data = tmp_path / f"run{i % 4}"
        proc = subprocess.Popen([sys.executable, "-c", WRITER.format(root=str(ROOT), data=str(data))],
                                stdout=subprocess.PIPE, text=True)
        acked = 0
        deadline = time.monotonic() + rng.uniform(0.05, 0.5)
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            acked = int(line)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        # every file parses (or falls back to .bak) ...
        for f in data.rglob("*.json"):
            try:
                json.loads(f.read_text())
            except ValueError:
                assert f.with_name(f.name + ".bak").exists(), f
        # ... and every checkpointed event of this run's sessions is there
        events = read_all_events(data / "logs")
        from collections import Counter

        per_session = Counter(e["session_id"] for e in events)
        newest = max(iter_sessions(data / "logs"), key=lambda s: s[0].get("started_utc", ""), default=None)
        if acked and newest is not None:
            assert len(newest[1]) >= acked
        for sid, evs in ((m["session_id"], e) for m, e in iter_sessions(data / "logs")):
            assert [e["event_seq"] for e in evs] == list(range(len(evs))), "gap in a session"
    assert kills >= 200 or os.environ.get("GLIMMER_KILL_RUNS")
