"""Atomic storage, profiles and saves, migrations, the single-instance lock, a full disk."""
import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from game.store import atomic
from game.store.atomic import AtomicJSONStorage, StorageFull, StorageReport, atomic_write_json, read_json_recovering
from game.store.lock import AlreadyRunning, InstanceLock
from game.store.migrations import SAVE_SCHEMA_VERSION, migrate
from game.store.profiles import ProfileStore

FIXTURES = Path(__file__).parent / "fixtures" / "saves"


def test_write_keeps_previous_version_as_bak(tmp_path):
    p = tmp_path / "save.json"
    atomic_write_json(p, {"v": 1})
    atomic_write_json(p, {"v": 2})
    assert json.loads(p.read_text()) == {"v": 2}
    assert json.loads((tmp_path / "save.json.bak").read_text()) == {"v": 1}
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize("content", [b"", b"{\"save\": {\"1\": {", b"\x00\xff garbage", b"[1, 2"])
def test_damaged_file_is_set_aside_and_bak_loaded(tmp_path, content):
    p = tmp_path / "save.json"
    atomic_write_json(p, {"good": 1})
    atomic_write_json(p, {"good": 2})
    p.write_bytes(content)
    report = StorageReport()
    assert read_json_recovering(p, report=report) == {"good": 1}
    assert report.set_aside == ["save.json"] and report.recovered == ["save.json"]
    aside = list(tmp_path.glob("save.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content  # renamed, never deleted


def test_bak_only_loads(tmp_path):
    (tmp_path / "save.json.bak").write_text('{"x": 3}')
    assert read_json_recovering(tmp_path / "save.json", report=StorageReport()) == {"x": 3}


def test_windows_replace_is_retried_on_permission_error(tmp_path, monkeypatch):
    calls = []
    real = os.replace

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) < 3:
            raise PermissionError(13, "in use")
        return real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", flaky)
    monkeypatch.setattr(atomic.time, "sleep", lambda s: None)
    atomic_write_json(tmp_path / "f.json", {"ok": True}, keep_backup=False)
    assert json.loads((tmp_path / "f.json").read_text()) == {"ok": True}
    assert len(calls) == 3


def test_full_disk_leaves_existing_file_intact(tmp_path, monkeypatch):
    p = tmp_path / "save.json"
    atomic_write_json(p, {"keep": "me"})
    real_fsync = os.fsync

    def enospc(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", enospc)
    with pytest.raises(StorageFull):
        atomic_write_json(p, {"new": 1})
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert json.loads(p.read_text()) == {"keep": "me"}
    assert not list(tmp_path.glob(".*.tmp"))


def test_tinydb_over_atomic_storage(tmp_path):
    from tinydb import TinyDB

    db = TinyDB(str(tmp_path / "db.json"), storage=AtomicJSONStorage)
    db.insert({"a": 1})
    db.insert({"a": 2})
    assert [d["a"] for d in TinyDB(str(tmp_path / "db.json"), storage=AtomicJSONStorage).all()] == [1, 2]


# ---------------------------------------------------------------- profiles
def test_profiles_create_list_load_delete(tmp_path):
    store = ProfileStore(tmp_path)
    a = store.create("  Zed  ")
    b = store.create("Ana")
    assert a.nickname == "Zed"
    a.level_state("level1_mood_map")["completed"] = True
    store.save(a)
    names = {s.nickname: s for s in store.list_profiles()}
    assert names["Zed"].levels_completed == 1 and names["Ana"].levels_completed == 0
    store.delete(b.id)
    assert [s.nickname for s in store.list_profiles()] == ["Zed"]
    assert not (tmp_path / b.id).exists()
    with pytest.raises(ValueError):
        store.create("   ")


def test_damaged_profile_shows_as_damaged_not_a_crash(tmp_path):
    store = ProfileStore(tmp_path, report=StorageReport())
    p = store.create("Kim")
    (tmp_path / p.id / "save.json").write_text("{ not json")
    (tmp_path / p.id / "save.json.bak").unlink(missing_ok=True)
    [s] = store.list_profiles()
    assert s.status == "damaged" and "could not be read" in s.message


def test_damaged_profile_recovers_from_bak(tmp_path):
    store = ProfileStore(tmp_path, report=StorageReport())
    p = store.create("Kim")
    p.level_state("l1")["completed"] = True
    store.save(p)
    (tmp_path / p.id / "save.json").write_bytes(b"\x00\x00")
    [s] = store.list_profiles()
    assert s.status == "recovered" and s.nickname == "Kim"


def test_every_released_save_version_still_loads(tmp_path):
    fixtures = sorted(FIXTURES.glob("save-v*.json"))
    assert fixtures, "keep a fixture of every released save version"
    versions = set()
    for f in fixtures:
        doc = json.loads(f.read_text())["save"]["1"]
        versions.add(doc.get("schema_version", 1))
        pdir = tmp_path / doc["profile_id"]
        pdir.mkdir()
        (pdir / "save.json").write_text(f.read_text())
    assert versions >= set(range(1, SAVE_SCHEMA_VERSION + 1))
    store = ProfileStore(tmp_path, report=StorageReport())
    for s in store.list_profiles():
        assert s.status == "ok", s
        prof = store.load(s.profile_id)
        assert prof.data["schema_version"] == SAVE_SCHEMA_VERSION
        assert prof.data["progress"]["levels"]["level1_mood_map"]["completed"] is True


saves = st.fixed_dictionaries({
    "schema_version": st.just(1),
    "profile_id": st.text("abcdef0123456789", min_size=12, max_size=12),
    "nickname": st.text(min_size=1, max_size=20),
    "progress": st.fixed_dictionaries({"levels": st.dictionaries(
        st.sampled_from(["level1_mood_map", "level2_spark_up", "level3_spot_the_trap"]),
        st.fixed_dictionaries({"completed": st.booleans(), "checkpoint": st.none() | st.text(max_size=8)}))}),
})


@settings(max_examples=60, deadline=None)
@given(saves)
def test_migration_keeps_everything_and_is_idempotent(doc):
    out, steps = migrate(doc)
    assert out["schema_version"] == SAVE_SCHEMA_VERSION and steps == list(range(2, SAVE_SCHEMA_VERSION + 1))
    for k, v in doc.items():
        if k != "schema_version":
            assert out[k] == v
    again, steps2 = migrate(out)
    assert again == out and steps2 == []


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=10), st.integers() | st.text() | st.booleans(), max_size=8))
def test_save_round_trip(tmp_path_factory, flags):
    store = ProfileStore(tmp_path_factory.mktemp("p"), report=StorageReport())
    p = store.create("Round")
    p.data["flags"] = flags
    store.save(p)
    assert store.load(p.id).data["flags"] == flags


# ---------------------------------------------------------------- single instance
def test_second_lock_is_refused_and_released_when_process_dies(tmp_path):
    lock_path = tmp_path / ".glimmer.lock"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(Path(__file__).parent.parent)!r})
        from game.store.lock import InstanceLock
        InstanceLock(__import__('pathlib').Path({str(lock_path)!r})).acquire()
        print('locked', flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunning):
            InstanceLock(lock_path).acquire()
    finally:
        holder.kill()  # like a crash: no clean-up code runs
        holder.wait()
    lock = InstanceLock(lock_path)
    lock.acquire()  # the OS released it
    lock.release()


def test_append_only_storage_writes_the_json_tinydb_reads(tmp_path):
    import json

    from tinydb import TinyDB

    from game.store.atomic import AppendOnlyJSONStorage

    path = tmp_path / "chunk.json"
    db = TinyDB(str(path), storage=AppendOnlyJSONStorage)
    t = db.table("events")
    t.insert_multiple([{"n": i, "text": "é<\"x\">"} for i in range(12)])
    t.insert({"n": 12, "nested": {"a": [1, 2]}})
    db.close()
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert [on_disk["events"][str(i)]["n"] for i in range(1, 14)] == list(range(13))
    again = TinyDB(str(path), storage=AppendOnlyJSONStorage).table("events")
    assert len(again) == 13 and again.get(doc_id=13)["nested"] == {"a": [1, 2]}
    assert again.get(doc_id=1)["text"] == "é<\"x\">"
