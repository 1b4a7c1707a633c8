"""The window, the main loop (fixed 60 Hz update, render every frame) and the scene stack.

Input flow: ``pygame.event.get()`` -> pygame_gui first -> the input mapper -> actions (plus any
scripted actions from a driver: selftest, tests, replays) -> global keys (F1 help, F11
fullscreen, quit) -> the scene stack, top first.
"""
from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

import pygame
import pygame_gui

from game.audio import Audio
from game.context import GameContext
from game.input.actions import A, Action, InputState
from game.input.mapper import InputMapper
from game.scenes import plugins
from game.scenes.base import Scene, SceneStack
from game.ui.manager import SCREEN_H, SCREEN_W, UI

log = logging.getLogger(__name__)

STEP = 1.0 / 60.0
MAX_STEPS_PER_FRAME = 5


class Driver(Protocol):
    """Feeds actions into the app, frame by frame (scripted player, replay)."""

    def actions(self, app: "App") -> list[Action]: ...


@dataclass
class AppOptions:
    size: tuple[int, int] = (SCREEN_W, SCREEN_H)
    fullscreen: bool = False
    headless: bool = False          # dummy video driver: no frame cap, fixed dt
    audio: bool = True
    max_frames: int | None = None
    record: list[list[Any]] | None = field(default=None)


class App:
    def __init__(self, ctx: GameContext, options: AppOptions | None = None,
                 first_scene: Callable[["App"], Scene] | None = None, driver: Driver | None = None) -> None:
        self.ctx = ctx
        self.options = options or AppOptions()
        self.driver = driver
        self.running = False
        self.frame = 0
        self.frame_times: list[float] = []
        self.on_frame: list[Callable[["App"], None]] = []
        self.ready_at: float | None = None     # first frame the title screen accepted input
        pygame.display.init()
        pygame.font.init()
        if self.options.headless:
            import warnings

            warnings.filterwarnings("ignore", message="no fast renderer")
        flags = pygame.SCALED | pygame.RESIZABLE
        if self.options.fullscreen:
            flags |= pygame.FULLSCREEN
        self.screen = pygame.display.set_mode(self.options.size, flags)
        pygame.display.set_caption(getattr(ctx.deployment, "programme_name", None) or "Glimmer")
        self._set_icon()
        pygame.key.set_repeat(0)
        if not self.options.headless:
            pygame.joystick.init()
        self.ui = UI(self.options.size)
        self.audio = Audio(enabled=self.options.audio)
        self.mapper = InputMapper(text_input_active=self.ui.text_input_active)
        self.input = InputState()
        self.stack = SceneStack()
        # The writer thread serialises JSON while we draw; hand the GIL back to the frame within
        # 1 ms instead of the default 5 ms.
        sys.setswitchinterval(0.001)
        plugins.load()  # feature modules register their steps, pause items and interactions
        self.clock = pygame.time.Clock()
        self.help_button = pygame_gui.elements.UIButton(
            pygame.Rect(SCREEN_W - 132, 12, 120, 48), "Help", manager=self.ui.manager,
            object_id="#help_button", tool_tip_text="Help and people to talk to (F1)")
        self.help_button.glimmer_id = "help"
        if first_scene is not None:
            self.stack.push(first_scene(self))
            self.stack.apply()

    def _set_icon(self) -> None:
        try:
            from game.paths import resource

            icon = pygame.image.load(str(resource("assets", "sprites", "guide.png")))
            pygame.display.set_icon(icon.subsurface((0, 0, 48, 48)))
        except (FileNotFoundError, pygame.error, ValueError):
            pass

    # ---------------------------------------------------------------- actions
    def collect_actions(self) -> list[Action]:
        actions: list[Action] = []
        for ev in pygame.event.get():
            if ev.type == pygame_gui.UI_BUTTON_PRESSED:
                bid = getattr(ev.ui_element, "glimmer_id", None)
                if bid:
                    actions.append(Action(A.HELP, "button") if bid == "help" else Action(A.PRESS, bid))
                continue
            consumed = self.ui.process(ev)
            if consumed and ev.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                continue
            actions.extend(self.mapper.process(ev))
        if self.driver is not None:
            actions.extend(self.driver.actions(self))
        return actions

    def handle_global(self, action: Action) -> bool:
        if action.kind is A.QUIT:
            self.quit("window_closed")
            return True
        if action.kind is A.FULLSCREEN:
            if not self.options.headless:
                try:
                    pygame.display.toggle_fullscreen()
                except pygame.error:
                    pass
            return True
        if action.kind is A.HELP:
            self.open_help("button" if action.value == "button" else "key")
            return True
        return False

    def open_help(self, via: str) -> None:
        from game.scenes.help import HelpScene

        top = self.stack.top
        if isinstance(top, HelpScene) or any(isinstance(s, HelpScene) for s, _ in self._pending_pushes()):
            return
        screen = top.help_screen_name() if top else "none"
        self.ctx.bus.publish("help_opened", screen=screen, via=via)
        self.audio.play("help")
        self.stack.push(HelpScene(self))

    def _pending_pushes(self) -> list[tuple[Scene, str]]:
        return [(s, op) for op, s in self.stack._requests if s is not None]

    def mark_ready(self) -> None:
        """The title screen is built; the first frame drawn after this accepts input."""
        self._title_built = True

    def _after_frame(self) -> None:
        if self.ready_at is None and getattr(self, "_title_built", False):
            self.ready_at = time.perf_counter()
            import os

            if os.environ.get("GLIMMER_EXIT_WHEN_READY"):
                print("GLIMMER_READY", flush=True)
                self.quit("quit")

    def quit(self, reason: str = "quit") -> None:
        self.running = False
        self.quit_reason = reason

    # ---------------------------------------------------------------- loop
    def step_frame(self, dt: float) -> None:
        """One frame: input, fixed-step updates, draw. (Transitions are applied after it.)"""
        for action in self.collect_actions():
            if self.options.record is not None:
                self.options.record.append([self.frame, *action.to_json()])
            self.input.feed(action)
            if not self.handle_global(action):
                self.stack.dispatch(action)
        self._acc = getattr(self, "_acc", 0.0) + dt
        steps = 0
        while self._acc >= STEP and steps < MAX_STEPS_PER_FRAME:
            self.stack.update(STEP)
            self._acc -= STEP
            steps += 1
        if steps == MAX_STEPS_PER_FRAME:
            self._acc = 0.0
        self.ui.update(dt)
        self.ctx.log.tick()
        for notice in self.ctx.take_notices():
            from game.scenes.message import MessageScene

            self.stack.push(MessageScene(self, notice))
        self.screen.fill((20, 15, 34))
        self.stack.draw(self.screen)
        self.ui.draw(self.screen)
        pygame.display.flip()

    def run(self) -> str:
        self.running = True
        self.quit_reason = "quit"
        try:
            while self.running:
                if self.options.headless:
                    dt = STEP
                else:
                    dt = min(self.clock.tick(60) / 1000.0, 0.25)
                t0 = time.perf_counter()
                self.step_frame(dt)
                self._after_frame()
                self.stack.apply()
                # the whole iteration counts, scene transitions included (the player sees them)
                self.frame_times.append((time.perf_counter() - t0) * 1000.0)
                if len(self.frame_times) > 20000:
                    del self.frame_times[:10000]
                for fn in list(self.on_frame):  # observers (bench, tests): outside the timing
                    fn(self)
                self.frame += 1
                if not self.stack.scenes:
                    self.running = False
                if self.options.max_frames is not None and self.frame >= self.options.max_frames:
                    self.quit("interrupted")
        except KeyboardInterrupt:
            self.quit_reason = "interrupted"
        return self.quit_reason

    def close(self) -> None:
        """Flush data and release the window (always called, even after an error)."""
        try:
            while self.stack.scenes:
                self.stack.scenes.pop().exit()
        except Exception:
            log.exception("error while closing scenes")
        self.audio.close()
        pygame.display.quit()
