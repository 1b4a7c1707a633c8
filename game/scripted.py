"""A scripted player: drives the real app through the same action path as a person.

A script is a generator that gets the app each frame and yields lists of actions (or nothing, to
wait a frame). Helpers below walk with BFS paths, talk to characters and read dialogue.
"""
from __future__ import annotations

from typing import Any, Callable, Generator, Iterator

from game.input.actions import A, Action

Script = Generator[list[Action] | None, Any, None]


class ScriptFailed(RuntimeError):
    pass


class ScriptedPlayer:
    def __init__(self, script: Callable[["ScriptedPlayer"], Iterator], max_frames: int = 60 * 60 * 30) -> None:
        self.app = None
        self.gen = script(self)
        self.done = False
        self.error: str | None = None
        self.max_frames = max_frames
        self.log: list[str] = []

    # Quick flow screens (mood check-ins, follow-ups, challenges) define ``autoplay_actions()``: the
    # answer a player in a hurry gives (usually "skip"). Unless a script handles them itself (turn
    # ``autoplay`` off, or name the screens in ``manual``), the scripted player gives that answer
    # through the normal action path, so scripts written before those screens keep working.
    autoplay = True
    manual: frozenset[str] = frozenset()
    # engaged: give the answer of a player who takes part (``engaged_actions()``: a mood, "I'll give
    # it a go", "I did it") instead of the quick one; selftest --all-levels plays this way.
    engaged = False

    def _autoplay(self, app) -> list[Action] | None:
        if not self.autoplay or app.stack.pending() or app.frame > self.max_frames:
            return None
        top = app.stack.top
        fn = (getattr(top, "engaged_actions", None) if self.engaged else None) or getattr(top, "autoplay_actions", None)
        if fn is None or getattr(top, "name", None) in self.manual:
            return None
        self.log.append(f"autoplay {top.name}")
        return list(fn())

    def actions(self, app) -> list[Action]:
        self.app = app
        auto = self._autoplay(app)
        if auto is not None:
            return auto
        if self.done:
            return []
        self.frame_count = getattr(self, "frame_count", 0) + 1
        if app.frame > self.max_frames:
            self.fail(f"ran out of time after {app.frame} frames")
            return []
        try:
            out = next(self.gen)
        except StopIteration:
            self.done = True
            app.quit("quit")
            return []
        except ScriptFailed as e:
            self.error = str(e)
            self.done = True
            app.quit("error")
            return []
        return list(out or [])

    def fail(self, msg: str) -> None:
        self.error = msg
        self.done = True
        if self.app is not None:
            self.app.quit("error")

    # ------------------------------------------------------------------ building blocks
    def top(self):
        return self.app.stack.top if self.app else None

    def wait_for(self, predicate: Callable[[], bool], what: str, frames: int = 600) -> Script:
        for _ in range(frames):
            if self.app is not None and not self.app.stack.pending() and predicate():
                return
            yield None
        raise ScriptFailed(f"waited too long for {what}")

    def wait_scene(self, name: str, frames: int = 600) -> Script:
        yield from self.wait_for(lambda: getattr(self.top(), "name", None) == name, f"the {name} screen", frames)

    def press(self, button_id: str) -> Script:
        top = self.top()
        if button_id not in getattr(top, "buttons", {}):
            raise ScriptFailed(f"no button {button_id!r} on the {getattr(top, 'name', '?')} screen")
        self.log.append(f"press {button_id}")
        yield [Action(A.PRESS, button_id)]
        yield None

    def finish_with(self, button_id: str) -> Script:
        """Press a button that ends the game (quit): the script is complete when it is pressed."""
        top = self.top()
        if button_id not in getattr(top, "buttons", {}):
            raise ScriptFailed(f"no button {button_id!r} on the {getattr(top, 'name', '?')} screen")
        self.log.append(f"press {button_id} (last step)")
        self.done = True
        yield [Action(A.PRESS, button_id)]

    def key(self, kind: A, value: str | None = None) -> Script:
        yield [Action(kind, value)]
        yield None

    def new_profile(self, nickname: str) -> Script:
        """From the title screen: Play, New, type the nickname, Create."""
        yield from self.wait_scene("title")
        yield from self.press("play")
        yield from self.wait_scene("profiles")
        yield from self.press("new")
        yield from self.wait_scene("new_profile")
        yield from self.key(A.TEXT, nickname)
        yield from self.press("create")

    def play_scene(self):
        from game.scenes.play import PlayScene

        return self.app.stack.find(lambda s: isinstance(s, PlayScene))

    def walk_path(self, path: list[str]) -> Script:
        play = self.play_scene()
        for d in path:
            p = play.world.player
            start = (p.x, p.y)
            yield [Action(A(d)), Action(A.MOVE_START, d)]
            yield from self.wait_for(lambda: (p := play.world.player).x != start[0] or p.y != start[1], "a step", 120)
            yield [Action(A.MOVE_END, d)]
            yield from self.wait_for(lambda: not play.world.player.moving, "the step to finish", 120)

    def walk_to(self, cell: tuple[int, int], adjacent: bool = False, path: list[str] | None = None) -> Script:
        """Walk to ``cell`` (or next to it); ``path``: the steps, if already known."""
        play = self.play_scene()
        path = play.world.path_to(cell, adjacent=adjacent) if path is None else path
        if path is None:
            raise ScriptFailed(f"no path to {cell}")
        self.log.append(f"walk {len(path)} steps to {cell}")
        yield from self.walk_path(path)

    def face(self, cell: tuple[int, int]) -> Script:
        play = self.play_scene()
        p = play.world.player
        dx, dy = cell[0] - p.x, cell[1] - p.y
        d = {(0, -1): "up", (0, 1): "down", (-1, 0): "left", (1, 0): "right"}.get((dx, dy))
        if d is None:
            raise ScriptFailed(f"{cell} is not next to the player")
        if p.facing != d:
            # a blocked step only turns the player
            yield [Action(A.MOVE_START, d)]
            yield None
            yield [Action(A.MOVE_END, d)]
            yield from self.wait_for(lambda: not play.world.player.moving, "turning", 60)
        if play.world.player.facing != d:
            raise ScriptFailed("could not turn towards the object")

    def talk_to(self, obj, path: list[str] | None = None) -> Script:
        """Walk next to an object, face it, press Enter, read every page."""
        cell = obj.tiles[0]
        yield from self.walk_to(cell, adjacent=obj.solid or obj.kind == "sign", path=path)
        yield from self.face(cell)
        yield from self.key(A.CONFIRM)
        yield from self.wait_scene("dialogue", 60)
        yield from self.read_dialogue()

    def use(self, obj, scene: str) -> Script:
        """Walk to an interactive map object, face it, press Enter and wait for its screen."""
        cell = obj.tiles[0]
        play = self.play_scene()
        if play.world.lmap.solid[cell[1]][cell[0]] or obj.solid:
            yield from self.walk_to(cell, adjacent=True)
            yield from self.face(cell)
        else:
            yield from self.walk_to(cell)
        yield from self.key(A.CONFIRM)
        yield from self.wait_scene(scene, 120)

    def read_dialogue(self) -> Script:
        while getattr(self.top(), "name", None) == "dialogue":
            yield from self.key(A.CONFIRM)
            yield None


# How the scripted player practises each kind of map object (selftest --all-levels): kind ->
# fn(sp, obj) -> Script that opens the object's screen, makes every kind of choice it offers and
# returns to the level. Registered by the scene modules that own those screens.
PRACTICE: dict[str, Callable[["ScriptedPlayer", object], Iterator]] = {}
