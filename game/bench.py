"""`python main.py bench --json`: start-up, frame times, memory, and the cost of logging.

Figures are measured here, on this machine; targets live in design.md and the issues.
"""
from __future__ import annotations

import json
import os
import resource as _resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from game.input.actions import Action


def _p(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def frozen_program() -> Path | None:
    """The onedir build in dist/, if one was made (make build)."""
    dist = Path(__file__).resolve().parent.parent / "dist"
    for p in (dist / "Glimmer" / "Glimmer.exe", dist / "Glimmer" / "Glimmer",
              dist / "Glimmer.app" / "Contents" / "MacOS" / "Glimmer"):
        if p.is_file():
            return p
    return None


def folder_mb(folder: Path) -> float:
    return round(sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6, 1)


def bench_startup(runs: int = 3, command: list[str] | None = None) -> float:
    """Launch a fresh process; time until the title screen first accepts input."""
    main = Path(__file__).resolve().parent.parent / "main.py"
    command = command or [sys.executable, str(main)]
    best = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", GLIMMER_EXIT_WHEN_READY="1",
                       PYGAME_HIDE_SUPPORT_PROMPT="1")
            # as installed: byte-code cached (the first run writes it; the best of the runs counts)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            t0 = time.perf_counter()
            proc = subprocess.Popen([*command, "--data-dir", tmp], stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, env=env, text=True)
            t1 = None
            assert proc.stdout is not None
            for line in proc.stdout:
                if "GLIMMER_READY" in line:
                    t1 = time.perf_counter()
                    break
            proc.wait(timeout=120)
            if t1 is not None:
                best.append(t1 - t0)
    return round(min(best), 3) if best else -1.0


class _Patrol:
    """Walks between the characters of the level and opens and pages through their dialogue."""

    def __init__(self) -> None:
        self.gen = None

    def actions(self, app) -> list[Action]:
        from game.scripted import ScriptedPlayer

        if self.gen is None:
            self.sp = ScriptedPlayer(lambda sp: iter(()))
            self.sp.app = app
            self.gen = self._loop()
        self.sp.app = app
        auto = self.sp._autoplay(app)  # quick flow screens (mood check-in ...) get a player's quick answer
        if auto is not None:
            return auto
        try:
            return list(next(self.gen) or [])
        except StopIteration:
            return []

    def _loop(self):
        sp = self.sp
        world = sp.play_scene().world
        targets = [o for o in world.lmap.objects if o.kind in ("npc", "sign")]
        # The routes are planned now (frame 0, not measured), not on the frames the walk starts:
        # path finding is the test driver's work, not the game's. Round one starts where the level
        # does; every later round from where the one before ended.
        steps = {"up": (0, -1), "down": (0, 1), "left": (-1, 0), "right": (1, 0)}
        pos = (world.player.x, world.player.y)
        rounds = []
        for _ in range(2):
            route = []
            for obj in targets:
                path = world.path_to(obj.tiles[0], adjacent=obj.solid or obj.kind == "sign", start=pos) or []
                for d in path:
                    pos = (pos[0] + steps[d][0], pos[1] + steps[d][1])
                route.append((obj, path))
            rounds.append(route)
        for obj, path in rounds[0]:
            yield from sp.talk_to(obj, path=path)
        while True:
            for obj, path in rounds[1]:
                yield from sp.talk_to(obj, path=path)


def bench_frames(frames: int) -> dict[str, Any]:

    from game.app import App, AppOptions
    from game.boot import DefaultDeployment
    from game.context import GameContext
    from game.content.level import load_all_levels
    from game.paths import DataDirs
    from game.scenes.play import PlayScene

    levels, _ = load_all_levels()
    busiest = max(levels, key=lambda lv: len(lv.content.dialogue))
    with tempfile.TemporaryDirectory() as tmp:
        dirs = DataDirs(Path(tmp))
        dirs.ensure()
        dep = DefaultDeployment(research_enabled=True)
        ctx = GameContext(dirs, dep, levels)
        profile = ctx.profiles.create("Bench")
        profile.research.update(decision="yes", participant_code="BENCH")
        ctx.activate_profile(profile)
        app = App(ctx, AppOptions(headless=True, audio=False, max_frames=frames + 30),
                  lambda a: PlayScene(a, busiest), driver=_Patrol())
        flushes: list[int] = []

        def stress(a) -> None:
            # every second: 300 events and a checkpoint, so frames overlap background flushes
            if a.frame % 60 == 0 and a.frame > 0:
                for _ in range(300):
                    ctx.bus.publish("checkpoint_reached", checkpoint="bench")
                ctx.checkpoint()
                flushes.append(a.frame)
        app.on_frame.append(stress)
        app.run()
        times = app.frame_times[30:]
        during = [t for i, t in enumerate(app.frame_times) if any(0 <= i - f <= 3 for f in flushes)]
        ctx.shutdown("quit")
        app.close()
    return {
        "level": busiest.id,
        "frames": len(times),
        "frame_ms_p50": round(statistics.median(times), 3),
        "frame_ms_p99": round(_p(times, 0.99), 3),
        "frame_ms_max": round(max(times), 3),
        "frame_ms_max_during_flush": round(max(during), 3) if during else None,
    }


def bench_log() -> dict[str, Any]:
    from game.bus import GameEvent
    from game.store.eventlog import EventLog, Identity

    with tempfile.TemporaryDirectory() as tmp:
        log = EventLog(Path(tmp), Identity("inst", "0", "bench"), flush_interval_s=1e9)
        log.start_session("profile", "CODE")
        ev = GameEvent("trap_answered", {"thought_id": "t1", "trap_chosen": "mind_reading", "correct": True,
                                         "attempt": 1, "reaction_ms": 1234}, "level3")

        def measure(n: int = 3000) -> list[float]:
            out = []
            for _ in range(n):
                t0 = time.perf_counter()
                log.handle(ev)
                out.append((time.perf_counter() - t0) * 1000.0)
            return out

        at0 = measure()
        flush_ms = []
        t0 = time.perf_counter()
        log.checkpoint(wait=True)
        flush_ms.append((time.perf_counter() - t0) * 1000.0)
        while log.events_logged < 50_000:
            for _ in range(500):
                log.handle(ev)
            t0 = time.perf_counter()
            log.checkpoint(wait=True)
            flush_ms.append((time.perf_counter() - t0) * 1000.0)
        at50k = measure()
        t0 = time.perf_counter()
        log.checkpoint(wait=True)
        flush_ms.append((time.perf_counter() - t0) * 1000.0)
        log.close()
    return {
        "log_append_ms_p99_at_0": round(_p(at0, 0.99), 4),
        "log_append_ms_p99_at_50k": round(_p(at50k, 0.99), 4),
        "flush_ms_max": round(max(flush_ms), 2),
    }


def run_bench(args: Any) -> int:
    t_start = time.perf_counter()
    result: dict[str, Any] = {"startup_s": bench_startup()}
    result.update(bench_frames(max(1200, int(getattr(args, "frames", 1500)))))
    result.update(bench_log())
    # the game's own peak memory, before the researcher's merge runs in this process
    result["rss_mb_peak"] = round(_resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)
    try:
        from game.research.merge import bench_merge  # type: ignore[attr-defined]
    except ImportError:
        bench_merge = None
    if bench_merge is not None and not os.environ.get("GLIMMER_BENCH_SKIP_MERGE"):
        try:
            result["merge_s_300x3000"] = round(float(bench_merge()), 2)
        except Exception as e:  # report, don't hide
            result["merge_error"] = str(e)
    frozen = frozen_program()
    if frozen is not None:  # issue 9: the onedir build's size and start-up
        top = frozen.parent if frozen.parent.name == "Glimmer" else frozen.parents[2]
        result["build_mb"] = folder_mb(top)
        result["frozen_startup_s"] = bench_startup(command=[str(frozen)])
    result["merge_rss_mb_peak"] = round(max(_resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss,
                                            _resource.getrusage(_resource.RUSAGE_CHILDREN).ru_maxrss) / 1024.0, 1)
    result["bench_s"] = round(time.perf_counter() - t_start, 1)
    if getattr(args, "json", False):
        print(json.dumps(result, sort_keys=True))
    else:
        for k, v in result.items():
            print(f"{k:32} {v}")
    return 0
