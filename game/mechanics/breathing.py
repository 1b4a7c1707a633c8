"""Level 1: paced breathing (in, hold, out), a calming skill the player can take anywhere.

Pure: give it elapsed seconds, it says which phase you are in and how far. The scene draws a
circle that grows and shrinks with ``size``; time comes from the game's clock.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from game.i18n import N_, _

PHASE_WORDS = {"in": N_("Breathe in"), "hold": N_("Hold"), "out": N_("Breathe out")}


class BreathingError(ValueError):
    pass


@dataclass(frozen=True)
class BreathingPattern:
    inhale_s: float = 4.0
    hold_s: float = 2.0
    exhale_s: float = 6.0
    cycles: int = 4

    def __post_init__(self) -> None:
        if self.inhale_s <= 0 or self.exhale_s <= 0 or self.hold_s < 0:
            raise BreathingError("breathing in and out must take some time, holding can't be negative")
        if not 1 <= self.cycles <= 12:
            raise BreathingError("between 1 and 12 breaths")
        if self.exhale_s < self.inhale_s:
            raise BreathingError("breathing out should take at least as long as breathing in (it calms)")

    @property
    def cycle_s(self) -> float:
        return self.inhale_s + self.hold_s + self.exhale_s

    @property
    def total_s(self) -> float:
        return self.cycle_s * self.cycles


@dataclass(frozen=True)
class BreathState:
    phase: str          # "in" | "hold" | "out" | "done"
    cycle: int          # 0-based breath number (== cycles when done)
    progress: float     # 0..1 through the phase
    seconds_left: int   # whole seconds left in the phase, for the count (>= 1 while running)
    size: float         # 0..1: how full the circle is

    @property
    def done(self) -> bool:
        return self.phase == "done"

    @property
    def words(self) -> str:
        """What the circle says, in the current language."""
        return _(PHASE_WORDS.get(self.phase, N_("Well done")))


def state_at(p: BreathingPattern, t: float) -> BreathState:
    if t >= p.total_s:
        return BreathState("done", p.cycles, 1.0, 0, 0.0)
    t = max(0.0, t)
    cycle = int(t // p.cycle_s)
    u = t - cycle * p.cycle_s
    if u < p.inhale_s:
        phase, length, into = "in", p.inhale_s, u
    elif u < p.inhale_s + p.hold_s:
        phase, length, into = "hold", p.hold_s, u - p.inhale_s
    else:
        phase, length, into = "out", p.exhale_s, u - p.inhale_s - p.hold_s
    progress = into / length if length else 1.0
    left = max(1, int(-(-(length - into) // 1)))  # ceil
    # ease in and out, so the circle moves like a breath and not like a machine
    ease = 0.5 - 0.5 * math.cos(progress * math.pi)
    size = ease if phase == "in" else (1.0 if phase == "hold" else 1.0 - ease)
    return BreathState(phase, cycle, progress, left, size)


def cycles_completed(p: BreathingPattern, t: float) -> int:
    return min(p.cycles, int(max(0.0, t) // p.cycle_s))
