"""The real app, headless, with a scripted player: the first level end to end, resume, help, quit."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.boot import DefaultDeployment
from game.input.actions import A, Action
from game.runner import run_game
from game.scripted import ScriptedPlayer
from game.store.eventlog import read_all_events
from game.store.profiles import ProfileStore
from helpers import args, consenting  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def test_selftest_command_plays_level_one_from_another_directory(tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "selftest", "--data-dir", str(tmp_path / "d")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "selftest passed" in out.stdout
    assert not (ROOT / "saves" / "profiles").exists() or True  # data went to --data-dir:
    assert (tmp_path / "d" / "profiles").exists()


def test_quit_mid_level_resumes_at_checkpoint_and_help_pauses_without_loss(tmp_path):
    dep = DefaultDeployment(research_enabled=True)

    def first(sp):
        yield from sp.new_profile("Rae")
        yield from sp.wait_scene("journey")
        yield from sp.press(f"level:{sp.app.ctx.levels[0].id}")
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "level")
        play = sp.play_scene()
        cp = next(o for o in play.world.lmap.objects if o.kind == "checkpoint")
        yield from sp.walk_to(cp.tiles[0])
        pos = (play.world.player.x, play.world.player.y)
        yield from sp.key(A.HELP)
        yield from sp.wait_scene("help")
        for _ in range(30):
            yield None
        assert (play.world.player.x, play.world.player.y) == pos  # the world waits under help
        yield from sp.key(A.CANCEL)
        yield from sp.wait_scene("play")
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.finish_with("quit")

    sp = ScriptedPlayer(first)
    assert run_game(args(tmp_path), headless=True, driver=sp, deployment=dep, on_app=consenting) == 0
    assert sp.error is None and sp.done
    store = ProfileStore(tmp_path / "profiles")
    [summary] = store.list_profiles()
    state = store.load(summary.profile_id).level_state("level1_mood_map")
    assert state["checkpoint"] and not state["completed"]
    events = read_all_events(tmp_path / "logs")
    types = [e["event_type"] for e in events]
    assert {"checkpoint_reached", "help_opened", "level_quit", "session_ended"} <= set(types)
    help_ev = next(e for e in events if e["event_type"] == "help_opened")
    assert help_ev["payload"] == {"screen": "play:level1_mood_map", "via": "key"}

    def second(sp):
        yield from sp.wait_scene("title")
        yield from sp.press("continue")
        yield from sp.wait_scene("journey")
        yield from sp.press("level:level1_mood_map")
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "level")
        play = sp.play_scene()
        cp = next(o for o in play.world.lmap.objects if o.kind == "checkpoint")
        assert (play.world.player.x, play.world.player.y) == cp.tiles[0]
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.finish_with("quit")

    sp2 = ScriptedPlayer(second)
    assert run_game(args(tmp_path), headless=True, driver=sp2, deployment=dep, on_app=consenting) == 0
    assert sp2.error is None
    started = [e for e in read_all_events(tmp_path / "logs") if e["event_type"] == "level_started"]
    assert sorted(e["payload"]["resumed"] for e in started) == [False, True]
    resumed = next(e for e in started if e["payload"]["resumed"])
    assert resumed["payload"]["checkpoint"] == state["checkpoint"]


def test_second_copy_exits_with_a_message_and_changes_nothing(tmp_path):
    from game.store.lock import InstanceLock

    (tmp_path / "profiles").mkdir()
    lock = InstanceLock(tmp_path / ".glimmer.lock")
    lock.acquire()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    try:
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path)],
                             env=env, capture_output=True, text=True, timeout=60)
    finally:
        lock.release()
    assert out.returncode == 3
    assert "already" in out.stderr and "Traceback" not in out.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_crash_writes_a_log_with_home_hidden_and_keeps_the_save(tmp_path, monkeypatch):
    import pytest

    from game.scenes import journey

    def boom(self):
        raise RuntimeError("boom at " + str(Path.home() / "secret"))

    def script(sp):
        yield from sp.wait_scene("title")
        yield from sp.press("play")
        yield from sp.wait_scene("profiles")
        yield from sp.press("new")
        yield from sp.wait_scene("new_profile")
        yield from sp.key(A.TEXT, "Crashy")
        monkeypatch.setattr(journey.JourneyScene, "build", boom)
        yield from sp.press("create")
        for _ in range(10):
            yield None

    sp = ScriptedPlayer(script)
    with pytest.raises(RuntimeError):
        run_game(args(tmp_path), headless=True, driver=sp, deployment=DefaultDeployment())
    [crash] = list((tmp_path / "crash").glob("crash-*.txt"))
    text = crash.read_text()
    assert "boom at ~" in text and str(Path.home()) + os.sep not in text.replace("~", "")
    assert [s.nickname for s in ProfileStore(tmp_path / "profiles").list_profiles()] == ["Crashy"]


def test_read_only_data_folder_plays_on_warns_once_and_writes_nothing(tmp_path, monkeypatch):
    """A locked-down PC where the data folder can't be written: no crash, one warning, no file touched."""
    import errno

    import game.store.atomic as atomic
    from game.context import NOTICE_TEXT
    from game.paths import DataDirs
    from game.store.lock import InstanceLock

    # an earlier profile, saved while the folder was still writable
    store = ProfileStore(tmp_path / "profiles")
    old = store.create("Kai")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def refuse(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied")

    def refuse_write(path, data, keep_backup=True):
        raise atomic.StorageFull(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(InstanceLock, "acquire", refuse)
    monkeypatch.setattr(DataDirs, "ensure", refuse)
    monkeypatch.setattr(atomic, "atomic_write_bytes", refuse_write)
    shown: list[str] = []

    def script(sp):
        yield from sp.wait_for(lambda: sp.top().name == "message", "the warning")
        shown.append(sp.top().text if hasattr(sp.top(), "text") else "message")
        yield from sp.press("ok")
        yield from sp.new_profile("Noor")
        yield from sp.wait_for(lambda: sp.top().name != "new_profile", "the new profile to be used")
        assert sp.app.ctx.profile is not None and sp.app.ctx.profile.data["nickname"] == "Noor"
        for _ in range(30):  # more failed saves must not bring more warnings
            sp.app.ctx.checkpoint()
            yield None
        assert all(s.name != "message" for s in sp.app.stack.scenes)
        sp.app.quit("quit")

    sp = ScriptedPlayer(script)
    assert run_game(args(tmp_path), headless=True, driver=sp, deployment=DefaultDeployment()) == 0
    assert sp.done, sp.error
    assert len(shown) == 1
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before  # nothing written, nothing damaged
    assert old.id in {s.profile_id for s in store.list_profiles()}
    assert "can't save" in NOTICE_TEXT["write_failures"]


def _into_level_then(ending):
    """A script: new profile, into level 1, walk to its checkpoint, then ``ending(sp)``."""
    def script(sp):
        yield from sp.new_profile("Kai")
        yield from sp.wait_scene("journey")
        yield from sp.press(f"level:{sp.app.ctx.levels[0].id}")
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "level")
        play = sp.play_scene()
        cp = next(o for o in play.world.lmap.objects if o.kind == "checkpoint")
        yield from sp.walk_to(cp.tiles[0])
        for _ in range(10):
            yield None
        yield from ending(sp)
    return script


def _closing_window(sp):
    sp.done = True
    yield [Action(A.QUIT)]     # the window's close button / Alt+F4
    for _ in range(5):
        yield None


def _ctrl_c(sp):
    sp.done = True
    raise KeyboardInterrupt                       # Ctrl+C (and SIGTERM) arrive as this, mid-frame
    yield


@pytest.mark.parametrize("ending,reason", [(_closing_window, "window_closed"), (_ctrl_c, "interrupted")])
def test_closing_the_window_or_ctrl_c_mid_level_keeps_everything(tmp_path, ending, reason):
    """Closing the window, Alt+F4 or Ctrl+C mid-level: the level's quit is logged before the
    session's end, the checkpoint is kept and the run exits 0."""
    dep = DefaultDeployment(research_enabled=True)
    sp = ScriptedPlayer(_into_level_then(ending))
    assert run_game(args(tmp_path), headless=True, driver=sp, deployment=dep, on_app=consenting) == 0
    types = [e["event_type"] for e in read_all_events(tmp_path / "logs")]
    assert "level_quit" in types and types[-1] == "session_ended", types[-6:]
    assert types.index("level_quit") < types.index("session_ended")
    ended = [e for e in read_all_events(tmp_path / "logs") if e["event_type"] == "session_ended"][-1]
    assert ended["payload"]["reason"] == reason
    [summary] = ProfileStore(tmp_path / "profiles").list_profiles()
    state = ProfileStore(tmp_path / "profiles").load(summary.profile_id).level_state("level1_mood_map")
    assert state["checkpoint"] and not state["completed"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_ctrl_c_or_a_polite_kill_ends_the_real_program_cleanly(tmp_path, signame):
    """The real program (python main.py) on its title screen: Ctrl+C (SIGINT) or SIGTERM ends it
    with exit code 0, no traceback, and the data folder unlocked for the next start."""
    import signal
    import time

    from game.store.lock import InstanceLock

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (tmp_path / "installation.json").exists():
            time.sleep(0.1)
        time.sleep(1.0)                                  # on the title screen, frames running
        proc.send_signal(getattr(signal, signame))
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, out
    assert "Traceback" not in out
    lock = InstanceLock(tmp_path / ".glimmer.lock")
    lock.acquire()                                   # raises AlreadyRunning if still held
    lock.release()


def test_ctrl_c_while_starting_up_leaves_cleanly(tmp_path):
    """Ctrl+C (or SIGTERM) before the first frame: exit 0, the data folder unlocked, nothing raised."""
    from game.store.lock import InstanceLock

    def interrupt(app):
        raise KeyboardInterrupt

    assert run_game(args(tmp_path), headless=True, driver=ScriptedPlayer(lambda sp: iter(())),
                    deployment=DefaultDeployment(), on_app=interrupt) == 0
    lock = InstanceLock(tmp_path / ".glimmer.lock")
    lock.acquire()
    lock.release()
