"""Sound that never stops the game: a missing or failing audio device means silence, not a crash.

Effects are synthesised at start-up from code (no sound files to license)."""
from __future__ import annotations

import array
import logging
import math
import random

import pygame

log = logging.getLogger(__name__)

RATE = 22050


def _tone(notes: list[tuple[float, float]], volume: float = 0.35, shape: str = "sine") -> bytes:
    buf = array.array("h")
    rnd = random.Random(7)
    for freq, dur in notes:
        n = int(RATE * dur)
        for i in range(n):
            t = i / RATE
            env = min(1.0, i / (RATE * 0.005)) * max(0.0, 1.0 - i / n) ** 1.5
            if shape == "noise":
                s = rnd.uniform(-1, 1)
            elif shape == "square":
                s = 1.0 if math.sin(2 * math.pi * freq * t) >= 0 else -1.0
                s *= 0.5
            else:
                s = math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
            v = int(max(-1.0, min(1.0, s * env * volume)) * 32767)
            buf.append(v)
            buf.append(v)  # stereo
    return buf.tobytes()


EFFECTS = {
    "move": ([(660, 0.04)], 0.15, "sine"),
    "confirm": ([(523, 0.06), (784, 0.09)], 0.25, "sine"),
    "back": ([(523, 0.05), (392, 0.08)], 0.2, "sine"),
    "step": ([(180, 0.03)], 0.06, "noise"),
    "blip": ([(880, 0.025)], 0.12, "square"),
    "right": ([(523, 0.08), (659, 0.08), (784, 0.16)], 0.3, "sine"),
    "wrong": ([(330, 0.1), (294, 0.16)], 0.22, "sine"),
    "complete": ([(523, 0.1), (659, 0.1), (784, 0.1), (1046, 0.3)], 0.3, "sine"),
    "help": ([(440, 0.08), (554, 0.12)], 0.2, "sine"),
}


class Audio:
    def __init__(self, enabled: bool = True) -> None:
        self.ok = False
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.effects_volume = 0.8
        self.music_volume = 0.6
        if not enabled:
            return
        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=512)
            self.ok = True
        except pygame.error as e:
            log.info("no audio device, running silently: %s", e)
            return
        for name, (notes, vol, shape) in EFFECTS.items():
            try:
                self.sounds[name] = pygame.mixer.Sound(buffer=_tone(notes, vol, shape))
            except pygame.error:
                pass

    def play(self, name: str) -> None:
        if not self.ok or self.effects_volume <= 0:
            return
        snd = self.sounds.get(name)
        if snd is not None:
            try:
                snd.set_volume(self.effects_volume)
                snd.play()
            except pygame.error:
                pass

    def close(self) -> None:
        if self.ok:
            try:
                pygame.mixer.quit()
            except pygame.error:
                pass
