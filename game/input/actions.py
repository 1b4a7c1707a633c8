"""Game actions: what a scene can be asked to do, whatever the device."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class A(str, Enum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    CONFIRM = "confirm"
    CANCEL = "cancel"
    PAUSE = "pause"
    HELP = "help"
    FULLSCREEN = "fullscreen"
    MOVE_START = "move_start"   # value: direction held down
    MOVE_END = "move_end"       # value: direction released
    PRESS = "press"             # value: id of an on-screen button (mouse, or replay)
    TEXT = "text"               # value: text typed into the focused field (replay only)
    QUIT = "quit"               # window closed / Alt+F4


DIRECTIONS = (A.UP, A.DOWN, A.LEFT, A.RIGHT)


@dataclass(frozen=True)
class Action:
    kind: A
    value: str | None = None

    def to_json(self) -> list:
        return [self.kind.value, self.value]

    @classmethod
    def from_json(cls, item: list) -> "Action":
        return cls(A(item[0]), item[1])


class InputState:
    """Held directions, built only from actions (so replays reproduce it exactly)."""

    def __init__(self) -> None:
        self._held: list[str] = []

    def feed(self, action: Action) -> None:
        if action.kind is A.MOVE_START and action.value and action.value not in self._held:
            self._held.append(action.value)
        elif action.kind is A.MOVE_END and action.value in self._held:
            self._held.remove(action.value)

    def direction(self) -> str | None:
        """The most recently pressed direction still held."""
        return self._held[-1] if self._held else None

    def clear(self) -> None:
        self._held.clear()
