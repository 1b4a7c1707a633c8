"""Level 1 through the real app: the mood board (sorting) and the quiet bench (breathing)."""

from game.boot import DefaultDeployment
from game.input.actions import A
from game.runner import run_game
from game.scripted import PRACTICE, ScriptedPlayer
from game.store.eventlog import read_all_events
from game.store.profiles import ProfileStore
from helpers import args, consenting  # noqa: E402


def into_level_one(sp):
    yield from sp.new_profile("Ari")
    yield from sp.wait_scene("journey")
    yield from sp.press(f"level:{sp.app.ctx.levels[0].id}")
    yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None and sp.top().name == "play",
                           "level 1")


def test_exit_waits_for_the_practice_then_sorting_and_breathing_complete_the_level(tmp_path):
    seen = {}

    def script(sp):
        yield from into_level_one(sp)
        play = sp.play_scene()
        objs = play.world.lmap.objects
        exit_obj = next(o for o in objs if o.kind == "exit")
        assert "sorting:moments" in exit_obj.props["_requires"]
        for o in [o for o in objs if o.kind in ("npc", "sign")]:
            yield from sp.talk_to(o)
        yield from sp.walk_to(exit_obj.tiles[0])
        for _ in range(10):
            yield None
        seen["toast"] = play.toast
        assert sp.top().name == "play" and not play.completed  # not yet: the practice is missing
        # stop the breathing early once: logged as not finished, still counts as tried
        bench = next(o for o in objs if o.kind == "breathing")
        yield from sp.use(bench, "breathing")
        yield from sp.press("start")
        for _ in range(60 * 13):  # one whole breath (12 s) and a bit
            yield None
        yield from sp.press("stop")
        seen["early_done"] = sp.top().ended
        yield from sp.press("leave")
        yield from sp.wait_scene("play")
        for kind in ("sorting", "breathing"):
            obj = next(o for o in objs if o.kind == kind)
            yield from PRACTICE[kind](sp, obj)
        yield from sp.walk_to(exit_obj.tiles[0])
        yield from sp.wait_scene("level_complete", 600)
        yield from sp.press("continue")
        yield from sp.wait_scene("journey")
        # a finished level can be played again: it says so, starts fresh, and is logged as a replay
        level_id = sp.app.ctx.levels[0].id
        seen["replay_label"] = sp.top().buttons[f"level:{level_id}"].text
        yield from sp.press(f"level:{level_id}")
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None and sp.top().name == "play",
                               "the replay")
        seen["replay_fresh"] = not sp.play_scene().is_done("sorting", "moments")
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.press("leave")
        yield from sp.wait_scene("journey")
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        yield from sp.finish_with("quit")

    sp = ScriptedPlayer(script)
    dep = DefaultDeployment(research_enabled=True)
    assert run_game(args(tmp_path), headless=True, driver=sp, deployment=dep, on_app=consenting) == 0
    assert sp.done, (sp.error, sp.log[-6:])
    assert seen["toast"].startswith("Before you go")
    events = read_all_events(tmp_path / "logs")
    sorted_ = [e["payload"] for e in events if e["event_type"] == "moment_sorted"]
    assert sorted_[0]["correct"] is False and sorted_[1]["correct"] is True and sorted_[1]["attempt"] == 2
    assert {p["chosen"] for p in sorted_} <= {"thought", "feeling", "action"}
    done = [e["payload"] for e in events if e["event_type"] == "sorting_completed"]
    assert len(done) == 1 and done[0]["moments"] == 9 and done[0]["first_try_right"] == 8
    breaths = [e["payload"] for e in events if e["event_type"] == "breathing_done"]
    assert [b["finished"] for b in breaths] == [False, True]
    assert breaths[0]["cycles_done"] == 1 and breaths[1]["cycles_done"] == breaths[1]["cycles_planned"] == 4
    assert any(e["event_type"] == "level_completed" for e in events)
    starts = [e["payload"] for e in events if e["event_type"] == "level_started"]
    assert [p["replay"] for p in starts] == [False, True]
    assert "again" in seen["replay_label"] and seen["replay_fresh"]
    store = ProfileStore(tmp_path / "profiles")
    prof = store.load(store.list_profiles()[0].profile_id)
    assert prof.level_state(dep_level := "level1_mood_map").get("completed") and dep_level in prof.completed_levels()


# ------------------------------------------------------------------------------------ big text, every step
import pytest  # noqa: E402

from test_thought_scenes import BIG_LOOKS, big_app, open_by_map, problems_now  # noqa: E402,F401


@pytest.mark.parametrize("look", BIG_LOOKS, ids=("200-dyslexia", "200"))
def test_every_step_of_the_mood_board_and_the_bench_fits_at_200_percent(big_app, monkeypatch, look):  # noqa: F811
    import test_text_scale as ts

    from game.mechanics.sorting import KINDS

    app = big_app
    ts.set_look(app, *look)
    depth = len(app.stack.scenes)
    problems: list[str] = []
    try:
        board = open_by_map(app, "SortingScene")
        problems += problems_now(app, board, monkeypatch, "a moment")
        m = board.round.current
        board.on_button(f"bin:{next(k for k in KINDS if k != m.kind)}")
        problems += problems_now(app, board, monkeypatch, "try again")
        board.on_button(f"bin:{m.kind}")
        problems += problems_now(app, board, monkeypatch, "yes, next moment")
        while not board.finished:
            if board.result is not None and board.result.item_done:
                board.on_button("next")
                continue
            kind = board.round.current.kind
            board.on_button(f"bin:{next(k for k in KINDS if k != kind)}")     # the longest feedback
            problems += problems_now(app, board, monkeypatch, f"not quite: {board.round.current.id}")
            board.on_button(f"bin:{kind}")
        problems += problems_now(app, board, monkeypatch, "all sorted")
        while len(app.stack.scenes) > depth:
            app.stack.pop()
            app.stack.apply()
        bench = open_by_map(app, "BreathingScene")
        problems += problems_now(app, bench, monkeypatch, "the bench")
        bench.on_button("start")
        ts.frames(app, 30)
        problems += problems_now(app, bench, monkeypatch, "breathing")
        bench.end(finished=False)
        problems += problems_now(app, bench, monkeypatch, "stopped")
        bench.on_button("again")
        bench.end(finished=True)
        problems += problems_now(app, bench, monkeypatch, "well done")
    finally:
        while len(app.stack.scenes) > depth:
            app.stack.pop()
            app.stack.apply()
        ts.set_look(app, 1.0, False)
    assert not problems, "\n".join(problems)
