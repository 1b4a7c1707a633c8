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

from game import settings as game_settings
from game.audio import Audio
from game.context import GameContext
from game.i18n import _
from game.input.actions import A, Action, InputState
from game.input.mapper import InputMapper
from game.scenes import plugins
from game.scenes.base import Scene, SceneStack
from game.speech import Speech
from game.ui import draw as ui_draw
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
        # Saving, logging, music and sound effects run on background threads. Python lets a thread
        # keep the GIL for 5 ms before it must hand over: a third of a frame the frame thread could
        # stall. 1 ms bounds that wait.
        sys.setswitchinterval(0.001)
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
        # Player settings (issue 8): the defaults (or what was last chosen in this run) until a
        # profile is chosen, then that profile's own ``profile.data["settings"]`` (the same dict
        # object, so the checkpoint saves it). See ``apply_settings``.
        self.settings: dict[str, Any] = game_settings.defaults()
        self._settings_owner: Any = None
        self._ui_language = getattr(ctx, "language", "en")   # the language the scenes were laid out in
        self.speech = Speech()
        self.transcript: list[tuple[str, str]] = []   # (speaker, page) of the dialogue in this level
        self._spoken_focus: Any = None
        self.audio.bind(lambda: self.settings)
        ctx.bus.subscribe(lambda ev: self.transcript.clear(), ["level_started"])
        # The writer thread serialises JSON while we draw; hand the GIL back to the frame within
        # 1 ms instead of the default 5 ms.
        sys.setswitchinterval(0.001)
        plugins.load()  # feature modules register their steps, pause items and interactions
        import game.scenes.settings  # noqa: F401  the "Settings" pause item (issue 8)
        import game.scenes.transcript  # noqa: F401  the "Transcript" pause item (issue 8)
        self.key_capture: Callable[[str], None] | None = None   # the settings screen waiting for a key
        self.clock = pygame.time.Clock()
        self.help_button = pygame_gui.elements.UIButton(
            pygame.Rect(SCREEN_W - 132, 12, 120, 48), _("Help"), manager=self.ui.manager,
            object_id="#help_button", tool_tip_text=_("Help and people to talk to (F1)"))
        self.help_button.glimmer_id = "help"
        self._layout_help_button()
        if first_scene is not None:
            self.stack.push(first_scene(self))
            self.stack.apply()

    def _set_icon(self) -> None:
        try:
            from game.paths import resource

            pygame.display.set_icon(pygame.image.load(str(resource("assets", "app", "glimmer.png"))))
        except (FileNotFoundError, pygame.error, ValueError):
            pass

    # ---------------------------------------------------------------- actions
    def collect_actions(self) -> list[Action]:
        actions: list[Action] = []
        for ev in pygame.event.get():
            if self.key_capture is not None and ev.type == pygame.KEYDOWN:
                capture, self.key_capture = self.key_capture, None
                capture(pygame.key.name(ev.key))    # a new key for an action (settings)
                continue
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
        if action.kind is A.ACCESSIBILITY:
            self.open_settings("shortcut", page="access")
            return True
        if action.kind is A.TRANSCRIPT:
            return self.open_transcript()
        return False

    # ---------------------------------------------------------------- settings (issue 8)
    @property
    def reduced_motion(self) -> bool:
        """True when the player asked for reduced motion. Scenes must then not shake, flash,
        drift or scroll text (show the end state instead). Same as ``game.ui.draw.reduced_motion()``."""
        return bool(self.settings.get("reduced_motion"))

    def open_settings(self, via: str, page: str | None = None) -> None:
        from game.scenes.settings import SettingsScene

        top = self.stack.top
        if isinstance(top, SettingsScene):
            if via == "shortcut":       # Shift+A again: close it
                top.close()
            elif page:
                top.show_page(page)
            return
        if any(isinstance(s, SettingsScene) for s, _ in self._pending_pushes()):
            return
        self.stack.push(SettingsScene(self, via=via, page=page))

    def open_transcript(self) -> bool:
        """T inside a level: the dialogue so far. False (not handled) outside levels."""
        from game.scenes.transcript import TranscriptScene

        if not any(getattr(s, "name", "") == "play" for s in self.stack.scenes):
            return False
        if isinstance(self.stack.top, TranscriptScene):     # T again: close it
            self.stack.top.on_button("back")
            return True
        if any(isinstance(s, TranscriptScene) for s, _ in self._pending_pushes()):
            return True
        self.stack.push(TranscriptScene(self))
        return True

    def apply_settings(self, new: Any) -> list[str]:
        """Validate and apply settings at once: the look (text size, dyslexia font, high contrast:
        theme rebuilt, every scene on the stack laid out again), volumes, keys, fullscreen, read
        aloud. Returns the names that changed. Saving is the caller's checkpoint."""
        clean = game_settings.normalise(new)
        changed = game_settings.changed_keys(self.settings, clean)
        self.settings.update(clean)
        self._apply_settings(changed)
        return changed

    def _apply_settings(self, changed: list[str]) -> None:
        s = self.settings
        if any(k in changed for k in game_settings.LOOK_KEYS):
            if self.ui.apply_look(s["text_scale"], s["dyslexia_font"], s["high_contrast"]):
                self.relayout()
        ui_draw.set_reduced_motion(s["reduced_motion"])
        self.audio.apply_settings()
        if "key_bindings" in changed:
            self.mapper.bind_names(s["key_bindings"])
        if "fullscreen" in changed:
            self._set_fullscreen(s["fullscreen"])
        if s["read_aloud"]:
            self.speech.start()
        elif "read_aloud" in changed:
            self.speech.cancel()
        if "language" in changed and s.get("language"):
            self.set_language(s["language"])

    # ---------------------------------------------------------------- language (issue 8)
    def set_language(self, lang: str) -> bool:
        """Show every screen and every level in ``lang`` at once: the catalog, the levels and
        shared content reloaded (``ctx.set_language``), then every scene on the stack laid out
        again. Read aloud follows (``speak`` uses ``ctx.language``). True if anything changed."""
        changed = self.ctx.set_language(lang)
        if not changed and self._ui_language == self.ctx.language:
            return False
        self._ui_language = self.ctx.language    # (a profile's language may have been set on activation)
        self.speech.cancel()
        self.relayout()
        return True

    def _sync_settings(self) -> None:
        """Follow the active profile: its settings apply when it is chosen (a new profile keeps
        what was chosen before it existed); back on the title screen the last ones stay."""
        p = self.ctx.profile
        if p is self._settings_owner:
            return
        self._settings_owner = p
        old = dict(self.settings)
        if p is None:
            self.settings = game_settings.normalise(self.settings)
        else:
            d = p.data.get("settings")
            if not isinstance(d, dict):
                d = p.data["settings"] = {}
            if not any(k in d for k in game_settings.DEFAULTS):
                d.update(game_settings.normalise(self.settings))
            game_settings.normalise_in_place(d)
            self.settings = d
        self.audio.bind(lambda: self.settings)
        self._apply_settings(game_settings.changed_keys(old, self.settings))

    def _set_fullscreen(self, on: bool) -> None:
        if self.options.headless:
            return
        is_full = bool(self.screen.get_flags() & pygame.FULLSCREEN)
        if is_full != bool(on):
            try:
                pygame.display.toggle_fullscreen()
            except pygame.error:
                pass

    def relayout(self) -> None:
        """Lay every scene on the stack out again after the look changed; covered scenes keep
        their widgets hidden."""
        self._layout_help_button()
        top = self.stack.top
        for scene in list(self.stack.scenes):
            try:
                scene.relayout()
            except Exception:
                log.exception("relayout failed for %s", getattr(scene, "name", scene))
            if scene is not top:
                for el in [*scene.elements, *getattr(scene, "kept_widgets", ())]:
                    el.hide()

    def _layout_help_button(self) -> None:
        label = _("Help")
        self.help_button.set_text(label)
        self.help_button.set_tooltip(_("Help and people to talk to (F1)"))
        w, h = self.ui.button_w(label, 120, pad=44), self.ui.button_h(48)
        self.help_button.set_dimensions((w, h))
        self.help_button.set_relative_position((SCREEN_W - 12 - w, 12))
        self.help_button.rebuild()

    def speak(self, text: str) -> bool:
        """Read ``text`` aloud if the player turned read aloud on (never blocks)."""
        if not self.settings.get("read_aloud"):
            return False
        self._scene_spoke = True
        return self.speech.say(text, rate=self.settings.get("speech_rate", 160),
                               volume=self.settings.get("voice_volume", 1.0),
                               language=getattr(self.ctx, "language", "en") or "en")

    def _speak_focus(self) -> None:
        """Read the focused button's text when focus moves (read aloud on)."""
        top = self.stack.top
        bid = top.focused() if top is not None else None
        key = (id(top), bid)
        if key == self._spoken_focus:
            self._scene_spoke = False
            return
        new_screen = self._spoken_focus is None or self._spoken_focus[0] != id(top)
        self._spoken_focus = key
        spoke, self._scene_spoke = getattr(self, "_scene_spoke", False), False
        if new_screen and spoke:        # the screen read its own text (a dialogue page): let it finish
            return
        if bid and self.settings.get("read_aloud"):
            btn = top.buttons.get(bid)
            text = getattr(btn, "text", None)
            if isinstance(text, str) and text:
                self.speak(text)

    def _draw_focus_ring(self, surface: pygame.Surface) -> None:
        """A ring around the focused button of the top scene, on top of everything (keyboard and
        gamepad players always see where they are)."""
        top = self.stack.top
        bid = top.focused() if top is not None else None
        btn = top.buttons.get(bid) if bid else None
        if not isinstance(btn, pygame_gui.elements.UIButton) or not btn.visible or not btn.alive():
            return
        from game.ui.theme import COLOURS

        ring = btn.rect.inflate(10, 10)
        pygame.draw.rect(surface, ui_draw.hex_rgb(COLOURS["focus"]), ring, width=3, border_radius=16)

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
        self._sync_settings()
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
        self.stack.draw(self.screen)          # clears the frame unless a scene covers all of it
        self.ui.draw(self.screen)
        self._draw_focus_ring(self.screen)
        self._speak_focus()
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

    def leave_scenes(self) -> None:
        """Exit every open scene, top first, so what they do on leaving (a level logs that it was
        quit and saves) happens while the session is still open: call before the context shuts down."""
        while self.stack.scenes:
            try:
                self.stack.scenes.pop().exit()
            except Exception:
                log.exception("error while closing a scene")

    def close(self) -> None:
        """Flush data and release the window (always called, even after an error)."""
        self.leave_scenes()
        self.audio.close()
        self.speech.close()
        pygame.display.quit()
