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
    POINTER_DOWN = "pointer_down"   # value: "x,y" (left mouse button pressed outside any widget)
    POINTER_MOVE = "pointer_move"   # value: "x,y" (mouse moved while the left button is held: a drag)
    POINTER_UP = "pointer_up"       # value: "x,y" (left mouse button released)
    ACCESSIBILITY = "accessibility"  # Shift+A anywhere: the settings screen's accessibility page
    TRANSCRIPT = "transcript"       # T in a level: the dialogue so far


DIRECTIONS = (A.UP, A.DOWN, A.LEFT, A.RIGHT)
POINTER_KINDS = (A.POINTER_DOWN, A.POINTER_MOVE, A.POINTER_UP)


def pointer_pos(action: "Action") -> tuple[int, int] | None:
    """(x, y) of a pointer action, or None for any other action."""
    if action.kind not in POINTER_KINDS or not action.value:
        return None
    x, _, y = action.value.partition(",")
    try:
        return int(x), int(y)
    except ValueError:
        return None


def pointer(kind: A, pos: tuple[int, int]) -> "Action":
    return Action(kind, f"{int(pos[0])},{int(pos[1])}")


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
