"""The one place raw input becomes actions: keyboard, mouse (via pygame_gui buttons), gamepad."""
from __future__ import annotations

from typing import Callable

import pygame

from game.input.actions import A, Action, pointer

DEFAULT_KEYS: dict[str, list[int]] = {
    "up": [pygame.K_UP, pygame.K_w],
    "down": [pygame.K_DOWN, pygame.K_s],
    "left": [pygame.K_LEFT, pygame.K_a],
    "right": [pygame.K_RIGHT, pygame.K_d],
    "confirm": [pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_e],
    "cancel": [pygame.K_ESCAPE, pygame.K_BACKSPACE],
    "help": [pygame.K_F1],
    "fullscreen": [pygame.K_F11],
    "pause": [pygame.K_p],
    "transcript": [pygame.K_t],
}
DIR_NAMES = ("up", "down", "left", "right")
AXIS_DEADZONE = 0.5


class InputMapper:
    def __init__(self, keys: dict[str, list[int]] | None = None,
                 text_input_active: Callable[[], bool] = lambda: False) -> None:
        self.keys = {k: list(v) for k, v in (keys or DEFAULT_KEYS).items()}
        self._key_to_name = {code: name for name, codes in self.keys.items() for code in codes}
        self.text_input_active = text_input_active
        self._axis_dir: dict[tuple[int, int], str | None] = {}
        self._hat_dirs: set[str] = set()
        self.joysticks: dict[int, pygame.joystick.JoystickType] = {}
        self._dragging = False

    def rebind(self, keys: dict[str, list[int]]) -> None:
        self.__init__(keys, self.text_input_active)  # type: ignore[misc]

    def bind_names(self, bindings: dict[str, list[str]]) -> None:
        """Use the player's key bindings (action -> pygame key names, from ``game.settings``). Help
        and fullscreen keep their keys; names pygame doesn't know are skipped."""
        keys = {name: list(codes) for name, codes in DEFAULT_KEYS.items() if name not in bindings}
        for action, names in bindings.items():
            codes = []
            for n in names:
                try:
                    codes.append(pygame.key.key_code(n))
                except (ValueError, pygame.error):
                    continue
            keys[action] = codes or list(DEFAULT_KEYS.get(action, []))
        self.rebind(keys)

    def _dir_actions(self, name: str, down: bool) -> list[Action]:
        press = [Action(A(name))] if down else []
        return press + [Action(A.MOVE_START if down else A.MOVE_END, name)]

    def process(self, ev: pygame.event.Event) -> list[Action]:
        t = ev.type
        if t == pygame.QUIT:
            return [Action(A.QUIT)]
        if t == pygame.KEYDOWN:
            if ev.key == pygame.K_F4 and ev.mod & pygame.KMOD_ALT:
                return [Action(A.QUIT)]
            name = self._key_to_name.get(ev.key)
            if self.text_input_active():
                # Typing: only Enter, Escape, F1 and F11 act; every other key belongs to the field.
                if ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                    return [Action(A.CONFIRM)]
                if ev.key == pygame.K_ESCAPE:
                    return [Action(A.CANCEL)]
                if name in ("help", "fullscreen"):
                    return [Action(A(name))]
                return []
            if ev.key == pygame.K_a and ev.mod & pygame.KMOD_SHIFT:
                return [Action(A.ACCESSIBILITY)]  # Shift+A anywhere (not while typing)
            if name == "pause":
                return [Action(A.PAUSE)]
            if name in DIR_NAMES:
                return self._dir_actions(name, True)
            if name:
                return [Action(A(name))]
            return []
        if t == pygame.KEYUP:
            name = self._key_to_name.get(ev.key)
            if name in DIR_NAMES:
                return [Action(A.MOVE_END, name)]
            return []
        if t == pygame.MOUSEBUTTONDOWN and getattr(ev, "button", 0) == 1:
            self._dragging = True
            return [pointer(A.POINTER_DOWN, ev.pos)]
        if t == pygame.MOUSEMOTION and self._dragging:
            return [pointer(A.POINTER_MOVE, ev.pos)]
        if t == pygame.MOUSEBUTTONUP and getattr(ev, "button", 0) == 1:
            was, self._dragging = self._dragging, False
            return [pointer(A.POINTER_UP, ev.pos)] if was else []
        if t == pygame.JOYDEVICEADDED:
            try:
                js = pygame.joystick.Joystick(ev.device_index)
                self.joysticks[js.get_instance_id()] = js
            except pygame.error:
                pass
            return []
        if t == pygame.JOYDEVICEREMOVED:
            self.joysticks.pop(getattr(ev, "instance_id", -1), None)
            return []
        if t == pygame.JOYBUTTONDOWN:
            return {0: [Action(A.CONFIRM)], 1: [Action(A.CANCEL)], 6: [Action(A.HELP)],
                    7: [Action(A.PAUSE)], 11: self._dir_actions("up", True), 12: self._dir_actions("down", True),
                    13: self._dir_actions("left", True), 14: self._dir_actions("right", True)}.get(ev.button, [])
        if t == pygame.JOYBUTTONUP:
            return {11: [Action(A.MOVE_END, "up")], 12: [Action(A.MOVE_END, "down")],
                    13: [Action(A.MOVE_END, "left")], 14: [Action(A.MOVE_END, "right")]}.get(ev.button, [])
        if t == pygame.JOYHATMOTION:
            x, y = ev.value
            now = set()
            if x < 0:
                now.add("left")
            elif x > 0:
                now.add("right")
            if y > 0:
                now.add("up")
            elif y < 0:
                now.add("down")
            out: list[Action] = []
            for d in sorted(self._hat_dirs - now):
                out.append(Action(A.MOVE_END, d))
            for d in sorted(now - self._hat_dirs):
                out += self._dir_actions(d, True)
            self._hat_dirs = now
            return out
        if t == pygame.JOYAXISMOTION and ev.axis in (0, 1):
            key = (getattr(ev, "instance_id", 0), ev.axis)
            neg, pos = ("left", "right") if ev.axis == 0 else ("up", "down")
            new = neg if ev.value < -AXIS_DEADZONE else pos if ev.value > AXIS_DEADZONE else None
            old = self._axis_dir.get(key)
            if new == old:
                return []
            self._axis_dir[key] = new
            out = [Action(A.MOVE_END, old)] if old else []
            if new:
                out += self._dir_actions(new, True)
            return out
        return []
