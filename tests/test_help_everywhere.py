"""Help is always one key or one click away: F1 and the help button open the help screen from every
scene in the game, the help_opened event says from which screen, and the helplines come from the
deployment file."""
import inspect

import pygame

from game.boot import DefaultDeployment
from game.input.actions import A
from game.runner import run_game
from game.scenes.base import Scene
from game.scenes.help import HelpScene
from game.scripted import ScriptedPlayer
from helpers import args  # noqa: E402


def all_scene_classes() -> set[type]:
    from game.scenes import plugins

    plugins.load()
    out, todo = set(), list(Scene.__subclasses__())
    while todo:
        cls = todo.pop()
        if cls.__module__.startswith("game.scenes.") and cls not in out:
            if not cls.__name__.startswith("_"):      # private bases are never shown themselves
                out.add(cls)
            todo.extend(cls.__subclasses__())
    return out


def direct_factories(app, play):
    """Scenes built the way their callers build them. Scenes opened from a map object are reached
    through the real interaction instead (see the test)."""
    from game.mechanics.activities import WeekPlan
    from game.mechanics.challenges import ChallengeRecord
    from game.scenes.challenge import ChallengeFollowUpScene, ChallengeSetScene
    from game.scenes.complete import LevelCompleteScene
    from game.scenes.dialogue import DialogueScene
    from game.scenes.message import MessageScene
    from game.scenes.mood import LowMoodScene, MoodCheckinScene
    from game.scenes.pause import PauseScene
    from game.scenes.planner import FollowUpScene, catalogue
    from game.scenes.play import PlayScene

    level1 = app.ctx.levels[0]
    level2 = app.ctx.level("level2_spark_up")
    did, dlg = next(iter(level1.content.dialogue.items()))
    plan = WeekPlan("2026-08-25", session=0)
    item = plan.add(catalogue().by_category("pleasure")[0], 0, 6)
    return {
        DialogueScene: lambda: DialogueScene(app, dlg, did),
        LevelCompleteScene: lambda: LevelCompleteScene(app, level1),
        MessageScene: lambda: MessageScene(app, "Something to know."),
        PauseScene: lambda: PauseScene(app, play),
        PlayScene: lambda: play,
        MoodCheckinScene: lambda: MoodCheckinScene(app, "level_start"),
        LowMoodScene: lambda: LowMoodScene(app, "very_low", 1),
        FollowUpScene: lambda: FollowUpScene(app, plan, [item]),
        ChallengeSetScene: lambda: ChallengeSetScene(app, level2),
        ChallengeFollowUpScene: lambda: ChallengeFollowUpScene(
            app, ChallengeRecord("l1_notice_mood", "Notice your mood.", level1.id, "2026-08-25", True)),
    }


def app_only(cls) -> bool:
    """True when the scene needs nothing but the app (every other parameter has a default)."""
    params = list(inspect.signature(cls.__init__).parameters.values())[2:]
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params)


def test_f1_and_the_help_button_open_help_from_every_scene(tmp_path):
    from game.scenes import play as play_mod
    from game.scenes.play import PlayScene

    classes = all_scene_classes()
    covered: dict[type, str] = {}
    opened: list[tuple[str, str]] = []
    problems: list[str] = []

    def check(sp, scene):
        """F1, then a real mouse click on the help button; help must open over ``scene`` both times."""
        sp.manual = frozenset({scene.name})          # the scene under test is not auto-answered
        expected = scene.help_screen_name()
        is_help = isinstance(scene, HelpScene)
        for via in ("key", "button"):
            before = len(opened)
            if via == "key":
                yield from sp.key(A.HELP)
            else:
                btn = sp.app.help_button
                assert btn.visible, f"no help button on {scene.name}"
                centre = btn.rect.center
                pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=centre, rel=(0, 0), buttons=(0, 0, 0)))
                yield None
                pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=centre, button=1))
                yield None
                pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=centre, button=1))
                yield None
                yield None
            if is_help:     # already the help content: it stays, nothing is logged twice
                for _ in range(3):
                    yield None
                if sp.top() is not scene or len(opened) != before:
                    problems.append(f"{type(scene).__name__}: help opened again on top of help ({via})")
                continue
            yield from sp.wait_for(lambda: type(sp.top()) is HelpScene, f"help over {scene.name} ({via})", 30)
            if opened[before:] != [(expected, via)]:
                problems.append(f"{type(scene).__name__}: help_opened {opened[before:]} != {[(expected, via)]}")
            yield from sp.key(A.CANCEL)
            yield from sp.wait_for(lambda: sp.top() is scene, f"back to {scene.name}", 30)
        covered[type(scene)] = expected
        sp.manual = frozenset()

    def push_and_check(sp, scene):
        sp.manual = frozenset({scene.name})
        sp.app.stack.push(scene)
        yield from sp.wait_for(lambda: sp.top() is scene, f"the {scene.name} screen", 120)
        yield from check(sp, scene)
        sp.app.stack.pop()
        yield None
        yield None

    def script(sp):
        yield from sp.wait_scene("title")
        yield from check(sp, sp.top())
        yield from sp.press("play")
        yield from sp.wait_scene("profiles")
        yield from check(sp, sp.top())
        yield from sp.press("new")
        yield from sp.wait_scene("new_profile")
        yield from check(sp, sp.top())       # F1 works while typing a name, too
        yield from sp.key(A.TEXT, "Help")
        yield from sp.press("create")
        yield from sp.wait_scene("journey")
        yield from check(sp, sp.top())
        app = sp.app
        ctx = app.ctx
        for lv in ctx.levels:                 # every level is open for this test
            ctx.profile.level_state(lv.id)
        # every level, and every interactive map object through its real interaction
        play = None
        for lv in ctx.levels:
            play = PlayScene(app, lv)
            app.stack.push(play)
            yield from sp.wait_for(lambda: sp.top() is play and play.world is not None, f"level {lv.id}", 300)
            yield from check(sp, play)
            kinds_done = set()
            for obj in play.world.lmap.objects:
                fn = play_mod.INTERACTIONS.get(obj.kind)
                if fn is None or (obj.kind, str(obj.props)) in kinds_done:
                    continue
                kinds_done.add((obj.kind, str(obj.props)))
                depth = len(app.stack.scenes)
                fn(play, obj)
                yield None
                yield from sp.wait_for(lambda: len(app.stack.scenes) > depth, f"{obj.kind} on {lv.id}", 60)
                scene = app.stack.top
                if type(scene) not in covered:
                    yield from check(sp, scene)
                while len(app.stack.scenes) > depth:
                    app.stack.pop()
                    yield None
            if lv is not ctx.levels[-1]:
                app.stack.pop()
                yield None
        # the rest, built directly
        factories = direct_factories(app, play)
        for cls in sorted(classes, key=lambda c: c.__name__):
            if cls in covered:
                continue
            if cls in factories:
                scene = factories[cls]()
            elif app_only(cls):
                scene = cls(app)
            else:
                continue        # reported below
            if scene is play:
                continue
            yield from push_and_check(sp, scene)
        sp.done = True
        app.quit("quit")
        yield None

    def on_app(app):
        app.ctx.bus.subscribe(lambda ev: opened.append((ev.payload["screen"], ev.payload["via"])), ["help_opened"])

    sp = ScriptedPlayer(script, max_frames=60 * 60 * 10)
    rc = run_game(args(tmp_path), headless=True, driver=sp, deployment=DefaultDeployment(), on_app=on_app)
    assert rc == 0 and sp.error is None, (sp.error, sp.log[-6:])
    assert not problems, problems
    missing = sorted(c.__name__ for c in classes if c not in covered)
    assert not missing, f"scenes never checked for help (add a factory here): {missing}"
    # the screen names are the ones a researcher reads
    assert covered[PlayScene].startswith("play:")
    assert {"title", "journey", "planner", "mood_checkin"} <= set(covered.values())


def test_the_help_screen_shows_the_helplines_from_the_deployment_file(tmp_path):
    dep = tmp_path / "deployment.toml"
    dep.write_text(
        '[programme]\nname = "Glimmer"\n\n'
        '[[helplines]]\nname = "Youth Line North"\nnumber = "0800 123 456"\ntext = "Free, day and night."\n\n'
        '[[helplines]]\nname = "School counsellor Ms Adeyemi"\nnumber = "Room 12"\n', encoding="utf-8")
    shown = {}

    def script(sp):
        yield from sp.wait_scene("title")
        yield from sp.key(A.HELP)
        yield from sp.wait_scene("help")
        shown["text"] = " ".join(getattr(el, "html_text", "") for el in sp.top().elements)
        yield from sp.key(A.CANCEL)
        yield from sp.wait_scene("title")
        yield from sp.finish_with("quit")

    sp = ScriptedPlayer(script)
    assert run_game(args(tmp_path / "data", str(dep)), headless=True, driver=sp) == 0
    assert sp.error is None
    text = shown["text"]
    assert "Youth Line North: 0800 123 456" in text and "Free, day and night." in text
    assert "School counsellor Ms Adeyemi: Room 12" in text
    assert "116 111" not in text                      # the file replaces the defaults
    assert "someone you trust" in text and "emergency number" in text
