"""Sound that never stops the game: a missing or failing audio device means silence, not a crash.

Effects are synthesised at start-up from code and music per place by ``game.music`` on a worker
thread (no sound files to license). Volumes follow the player's settings."""
from __future__ import annotations

import array
import logging
import threading
import math
import random
from typing import Any, Callable

import pygame

from game.music import MusicPlayer, place_for_level

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


DEFAULT_MUSIC_VOLUME = 0.5    # music sits under everything; the player can change both (0-1)
DEFAULT_EFFECTS_VOLUME = 0.8


def _volume(settings: Any, name: str, default: float) -> float:
    """A 0-1 volume from the player's settings; anything missing or odd gives the default."""
    value = settings.get(name, default) if isinstance(settings, dict) else default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return default
    return max(0.0, min(1.0, float(value)))


class Audio:
    """Effects and music. Volumes (``music_volume``, ``effects_volume``, 0-1) are read through the
    function given to ``bind`` (the app binds the player's settings); defaults before that."""

    def __init__(self, enabled: bool = True) -> None:
        self.ok = False
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.settings: Callable[[], Any] = dict
        self.music_player = MusicPlayer(None, None, lambda: 0.0)
        if not enabled:
            return
        try:
            # allowedchanges=0: SDL converts to the device's format, so our 22 kHz stereo buffers
            # always play at the right pitch and speed
            pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=512, allowedchanges=0)
            if pygame.mixer.get_init() is None:
                raise pygame.error("mixer did not start")
            self.ok = True
        except (pygame.error, OSError) as e:
            log.info("no audio device, running silently: %s", e)
            return
        # Synthesising the effects takes about a second of pure Python: do it off the frame thread
        # so the title screen is up at once (an effect asked for before it is ready stays silent).
        self._effects_thread = threading.Thread(target=self._make_effects, name="glimmer-effects", daemon=True)
        self._effects_thread.start()
        try:
            pygame.mixer.set_reserved(2)    # two channels for music (cross-fades); effects use the rest
            channels = (pygame.mixer.Channel(0), pygame.mixer.Channel(1))
            self.music_player = MusicPlayer(lambda pcm: pygame.mixer.Sound(buffer=pcm), channels,
                                            lambda: self.music_volume)
        except pygame.error as e:
            log.info("no music channels: %s", e)
        self.music("title")

    def effects_ready(self, timeout: float | None = None) -> bool:
        """Wait (at most ``timeout`` s) until every effect is made; True when they are."""
        t = getattr(self, "_effects_thread", None)
        if t is not None:
            t.join(timeout)
        return len(self.sounds) == len(EFFECTS)

    def _make_effects(self) -> None:
        for name, (notes, vol, shape) in EFFECTS.items():  # most used first (EFFECTS order)
            try:
                pcm = _tone(notes, vol, shape)
                self.sounds[name] = pygame.mixer.Sound(buffer=pcm)
            except (pygame.error, RuntimeError):
                pass  # the mixer closed meanwhile

    # ---------------------------------------------------------------- settings
    def bind(self, settings: Callable[[], Any]) -> None:
        """Read volumes through ``settings()`` (the active profile's settings dict) from now on."""
        self.settings = settings
        self.apply_settings()

    @property
    def music_volume(self) -> float:
        return _volume(self.settings(), "music_volume", DEFAULT_MUSIC_VOLUME)

    @property
    def effects_volume(self) -> float:
        return _volume(self.settings(), "effects_volume", DEFAULT_EFFECTS_VOLUME)

    def apply_settings(self) -> None:
        """Call after the volumes change (a settings screen); effects read them on every play."""
        self.music_player.apply_volume()

    # ---------------------------------------------------------------- effects
    def play(self, name: str) -> None:
        if not self.ok:
            return
        self.music_player.apply_volume()   # cheap; follows a changed setting
        volume = self.effects_volume
        snd = self.sounds.get(name)
        if snd is not None and volume > 0:
            try:
                snd.set_volume(volume)
                snd.play()
            except pygame.error:
                pass

    # ---------------------------------------------------------------- music
    def music(self, key: str | None) -> None:
        """Play a place's music ("title", "harbour", ...) or none; cross-fades; never blocks."""
        if self.ok:
            self.music_player.request(key)

    def music_for_level(self, level: Any) -> None:
        self.music(place_for_level(level))

    def prefetch_level(self, level: Any) -> None:
        """Get a level's music ready in the background (gently) before the level starts."""
        if self.ok and level is not None:
            self.music_player.prefetch(place_for_level(level))

    def close(self) -> None:
        self.music_player.close()
        if self.ok:
            try:
                pygame.mixer.quit()
            except pygame.error:
                pass

