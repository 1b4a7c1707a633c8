"""Background music for each place and the title: composed and synthesised by this code.

Nothing is loaded from files: a track is rendered from a small description (key, mode, tempo,
chords, instruments, a seed) into 16-bit stereo (the same signal on both sides) at ``RATE``. The same description always gives the
same samples. Tracks are calm and soft by design: slow tempos (56-76 bpm), sine-based timbres with
gentle attacks, a peak well below full scale, and a melody that varies over 16 bars (A A' B A'').

Loops are seamless: every note, echo and pad tail that runs past the end of the loop is wrapped
round to its start, so the last sample flows into the first exactly as it would mid-track.

Rendering is pure Python (``array`` + ``math``, no numpy) and takes about a second of CPU per
track, so it never runs on the frame thread: ``MusicPlayer`` renders on its own worker thread, in
small chunks (each C-level step handles at most ``CHUNK`` samples, so the frame thread gets the GIL
back quickly), caches a few finished tracks and cross-fades between places.
"""
from __future__ import annotations

import logging
import math
import random
import threading
import time
from array import array
from dataclasses import dataclass
from itertools import repeat
from operator import add, mul
from typing import Any, Callable

log = logging.getLogger(__name__)

RATE = 22050            # the mixer's rate (game.audio)
SYNTH_RATE = RATE // 2  # notes are made at half rate (all partials stay below 4.5 kHz), then doubled
CHUNK = 2048            # samples per C-level step (keeps each GIL hold to about 0.1 ms)
PEAK = 0.5              # peak level of a rendered track (full scale = 1.0): quiet by design
FADE_MS = 1800          # cross-fade between places

MODES = {
    "major": (0, 2, 4, 5, 7, 9, 11),
    "lydian": (0, 2, 4, 6, 7, 9, 11),
    "mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "dorian": (0, 2, 3, 5, 7, 9, 10),
}


@dataclass(frozen=True)
class Track:
    key: str
    title: str
    root: int                       # MIDI note of the tonic (octave 4, around middle C)
    mode: str
    bpm: float
    beats: int                      # beats per bar
    chords: tuple[int, ...]         # scale degrees (0 = tonic), one chord per bar, A sections
    chords_b: tuple[int, ...]       # the B section's chords
    lead: str                       # melody instrument
    pad: str = "pad"
    arp: str | None = None          # an arpeggio instrument, or None
    arp_every: int = 2              # arpeggio notes per beat
    seed: int = 1
    bars: int = 16


# One track per place (levels 1-7) and one for the title and menus.
TRACKS: dict[str, Track] = {t.key: t for t in (
    Track("title", "Glimmer", 60, "lydian", 62, 4, (0, 4, 5, 3), (5, 3, 0, 4), "bell", arp="harp", seed=11),
    Track("harbour", "Harbour town", 62, "major", 64, 3, (0, 3, 4, 0), (5, 3, 1, 4), "flute", arp="harp",
          arp_every=1, seed=21),
    Track("park", "Sunny park", 67, "major", 72, 4, (0, 5, 3, 4), (3, 4, 5, 4), "marimba", arp="pluck", seed=32),
    Track("school", "School yard", 60, "major", 70, 4, (0, 3, 5, 4), (1, 4, 0, 5), "epiano", seed=43),
    Track("forest", "Forest trails", 57, "dorian", 60, 4, (0, 6, 2, 3), (5, 6, 0, 3), "flute", arp="harp",
          arp_every=1, seed=54),
    Track("river", "River crossing", 63, "major", 66, 4, (0, 4, 5, 3), (3, 0, 4, 4), "pluck", arp="harp", seed=65),
    Track("market", "Market", 65, "mixolydian", 76, 3, (0, 6, 3, 0), (3, 4, 6, 0), "marimba", arp="pluck",
          arp_every=1, seed=76),
    Track("hilltop", "Hilltop", 62, "lydian", 58, 4, (0, 1, 5, 4), (3, 4, 0, 0), "bell", arp="harp", seed=87),
)}

# Level ids to places; a level not listed plays by its number, then by its place text.
LEVEL_PLACES = {
    "level1_mood_map": "harbour", "level2_spark_up": "park", "level3_spot_the_trap": "school",
    "level4_detective_mode": "forest", "level5_stepping_stones": "river", "level6_allies": "market",
    "level7_my_toolkit": "hilltop",
}
PLACE_ORDER = ("harbour", "park", "school", "forest", "river", "market", "hilltop")


def place_for_level(level: Any) -> str:
    """The music key for a level (``Level`` or anything with ``id`` and ``content.number``)."""
    lid = getattr(level, "id", None)
    if lid in LEVEL_PLACES:
        return LEVEL_PLACES[lid]
    content = getattr(level, "content", None)
    place = str(getattr(content, "place", "") or "").lower()
    for key in PLACE_ORDER:
        if key in place:
            return key
    number = getattr(content, "number", None)
    if isinstance(number, int) and number >= 1:
        return PLACE_ORDER[(number - 1) % len(PLACE_ORDER)]
    return "title"


# ---------------------------------------------------------------------- instruments
def _freq(midi: float) -> float:
    return 440.0 * 2 ** ((midi - 69) / 12)


# name -> (partials [(multiple, level, decay time s or None = sustain)], attack s, release s, vibrato)
INSTRUMENTS: dict[str, tuple[tuple[tuple[float, float, float | None], ...], float, float, float]] = {
    "pad": (((1.0, 0.55, None), (1.003, 0.45, None)), 0.9, 1.2, 0.0),   # two detuned sines: a slow shimmer
    "bass": (((1.0, 1.0, 2.2), (2.0, 0.18, 0.8)), 0.03, 0.35, 0.0),
    "harp": (((1.0, 1.0, 0.9), (2.0, 0.35, 0.35), (3.0, 0.12, 0.2)), 0.006, 0.25, 0.0),
    "pluck": (((1.0, 1.0, 0.55), (2.0, 0.3, 0.25), (3.0, 0.08, 0.12)), 0.005, 0.2, 0.0),
    "marimba": (((1.0, 1.0, 0.5), (4.0, 0.22, 0.09)), 0.004, 0.2, 0.0),
    "bell": (((1.0, 1.0, 1.6), (2.0, 0.25, 0.8), (3.01, 0.12, 0.45)), 0.004, 0.6, 0.0),
    "epiano": (((1.0, 1.0, 1.3), (2.0, 0.3, 0.5), (3.0, 0.06, 0.25)), 0.008, 0.4, 0.0),
    "flute": (((1.0, 1.0, None), (2.0, 0.14, None), (3.0, 0.04, None)), 0.09, 0.3, 0.004),
}

_CACHE: dict[tuple, array] = {}
STEADY = ("pad", "bass")   # instruments always played at the same few levels


def _zeros(code: str, n: int) -> array:
    """n zeros, made by memory copies (one C call over an iterator would hold the GIL for long)."""
    return array(code, [0]) * n


_PACING = threading.local()


def _breathe() -> None:
    """Let a waiting thread (the frame) have the GIL now, not at the next switch interval; rest a
    little longer when rendering in the background (``render_track(pause=...)``)."""
    time.sleep(getattr(_PACING, "pause", 0.0))


def _cached(key: tuple, build: Callable[[], array]) -> array:
    out = _CACHE.get(key)
    if out is None:
        if len(_CACHE) > 1024:
            _CACHE.clear()
        out = _CACHE[key] = build()
    return out


def _decay(n: int, tau: float, gain: float) -> array:
    """gain * exp(-t / tau) for n samples (shared by notes of the same length)."""
    def build() -> array:
        k = -1.0 / (tau * SYNTH_RATE)
        env = array("d")
        for s in range(0, n, CHUNK):
            env.extend(map(mul, map(math.exp, map(mul, range(s, min(n, s + CHUNK)), repeat(k))), repeat(gain)))
        return env
    return _cached(("decay", n, tau, gain), build)


def _ramp(n: int, rising: bool) -> array:
    """A raised-cosine ramp of n samples, 0 -> 1 (or 1 -> 0)."""
    def build() -> array:
        k = math.pi / n
        up = array("d", map(mul, map(add, repeat(1.0), map(math.cos, map(mul, range(n), repeat(k)))), repeat(0.5)))
        if rising:
            up.reverse()
        return up
    return _cached(("ramp", n, rising), build)


def _wobble(n: int, depth: float) -> array:
    """Vibrato as a phase offset: ``depth`` radians at 5 Hz."""
    k = 2 * math.pi * 5.0 / SYNTH_RATE
    return _cached(("wobble", n, depth), lambda: array(
        "d", map(mul, map(math.sin, map(mul, range(n), repeat(k))), repeat(depth))))


def render_note(instrument: str, midi: float, seconds: float, level: float = 1.0) -> array:
    """One note at ``SYNTH_RATE`` (peak about ``level``), including its release tail."""
    key = ("note", instrument, round(midi, 3), round(seconds, 3), level)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    partials, attack, release, vibrato = INSTRUMENTS[instrument]
    n = max(2, int((seconds + release) * SYNTH_RATE))
    out = _zeros("d", n)
    f0 = _freq(midi)
    total = sum(part for _, part, _ in partials)
    for mult, part, tau in partials:
        f = f0 * mult
        if f >= SYNTH_RATE * 0.4:
            continue
        w = 2 * math.pi * f / SYNTH_RATE
        gain = level * part / total
        wob = _wobble(n, vibrato * f / 5.0) if vibrato else None
        env = _decay(n, tau, gain) if tau is not None else None
        for s in range(0, n, CHUNK):
            e = min(n, s + CHUNK)
            phase = map(mul, range(s, e), repeat(w))
            if wob is not None:
                phase = map(add, phase, wob[s:e])
            wave = map(math.sin, phase)
            wave = map(mul, wave, env[s:e]) if env is not None else map(mul, wave, repeat(gain))
            out[s:e] = array("d", map(add, out[s:e], wave))
            _breathe()
    a = min(n // 2, max(1, int(attack * SYNTH_RATE)))
    r = min(n - a, max(1, int(release * SYNTH_RATE)))
    out[:a] = array("d", map(mul, out[:a], _ramp(a, True)))
    out[n - r:] = array("d", map(mul, out[n - r:], _ramp(r, False)))
    if len(_CACHE) > 1024:
        _CACHE.clear()
    _CACHE[key] = out
    return out


def _mix(buf: array, note: array, start: int, level: float) -> None:
    """Add ``note * level`` into ``buf`` at ``start``, wrapping round the loop end."""
    n = len(buf)
    pos, i = start % n, 0
    while i < len(note):
        take = min(CHUNK, len(note) - i, n - pos)
        part = note[i:i + take] if level == 1.0 else map(mul, note[i:i + take], repeat(level))
        buf[pos:pos + take] = array("d", map(add, buf[pos:pos + take], part))
        i += take
        pos = (pos + take) % n
        _breathe()


# ---------------------------------------------------------------------- composing
@dataclass
class Note:
    instrument: str
    midi: float
    beat: float          # start, in beats from the loop start
    beats: float         # length in beats
    level: float


def _scale_note(track: Track, degree: int, octave: int = 0) -> int:
    steps = MODES[track.mode]
    o, d = divmod(degree, 7)
    return track.root + steps[d] + 12 * (o + octave)


def _chord(track: Track, degree: int) -> list[int]:
    return [_scale_note(track, degree + k) for k in (0, 2, 4)]


def _voice(chord: list[int], low: int, high: int) -> list[int]:
    """Move each chord tone into [low, high] (keeps the pad in one warm register)."""
    out = []
    for m in chord:
        while m < low:
            m += 12
        while m > high:
            m -= 12
        out.append(m)
    return sorted(out)


RHYTHMS_4 = (  # melody rhythms for one 4-beat bar: (start beat, length); gaps are rests
    ((0, 2), (2, 1.5)),
    ((0, 1), (1, 1), (2, 2)),
    ((0, 1.5), (1.5, 0.5), (2, 2)),
    ((0, 3),),
    ((1, 1), (2, 1), (3, 1)),
    ((0, 2), (3, 1)),
)
RHYTHMS_3 = (
    ((0, 2), (2, 1)),
    ((0, 1), (1, 1), (2, 1)),
    ((0, 3),),
    ((0, 1.5), (1.5, 0.5), (2, 1)),
)


def _phrase(track: Track, rnd: random.Random, chords: tuple[int, ...], start_bar: int,
            last: int) -> tuple[list[Note], int]:
    """A melody over the given bars: chord tones on strong beats, steps between, a long last note."""
    notes: list[Note] = []
    rhythms = RHYTHMS_3 if track.beats == 3 else RHYTHMS_4
    pitch = last
    for b, degree in enumerate(chords):
        final = b == len(chords) - 1
        pattern = ((0, track.beats - 0.5),) if final else rnd.choice(rhythms)
        tones = [d for d in (degree, degree + 2, degree + 4)]
        for start, length in pattern:
            strong = start == 0 or (track.beats == 4 and start == 2)
            if strong or final:
                # nearest chord tone (in scale degrees; the melody stays within degrees 3..12)
                cands = [t + 7 * k for t in tones for k in (0, 1, 2) if 3 <= t + 7 * k <= 12]
                pitch = min(cands, key=lambda d: (abs(d - pitch), rnd.random()))
            else:
                pitch = max(3, min(12, pitch + rnd.choice((-2, -1, -1, 1, 1, 2))))
            level = 0.85 if strong else 0.7
            notes.append(Note(track.lead, _scale_note(track, pitch), (start_bar + b) * track.beats + start,
                              length, level * rnd.uniform(0.9, 1.0)))
    return notes, pitch


def compose(track: Track) -> list[Note]:
    """The notes of one loop: pad, bass, optional arpeggio, and a melody in A A' B A'' form."""
    rnd = random.Random(track.seed)
    beats = track.beats
    sections = [track.chords, track.chords, track.chords_b, track.chords]
    notes: list[Note] = []
    last = 9
    motif: list[Note] | None = None
    for s, chords in enumerate(sections):
        first_bar = s * len(chords)
        for b, degree in enumerate(chords):
            bar = first_bar + b
            chord = _chord(track, degree)
            for m in _voice(chord, 52, 66):     # pad: the whole bar, tails overlap the next
                notes.append(Note(track.pad, m, bar * beats, beats, 0.34))
            root = _scale_note(track, degree, -2)
            while root < 38:
                root += 12
            notes.append(Note("bass", root, bar * beats, beats * 0.9, 0.5))
            if s == 2 and beats == 4:           # B section: a soft fifth on beat 3
                notes.append(Note("bass", root + 7, bar * beats + 2, 1.8, 0.3))
            if track.arp and s in (1, 2, 3):  # the arpeggio joins after the first section
                tones = _voice(chord, 60, 74) + [_voice(chord, 60, 74)[0] + 12]
                order = tones + tones[-2:0:-1]
                step = 1.0 / track.arp_every
                for k in range(int(beats * track.arp_every)):
                    if s == 3 and b == len(chords) - 1 and k >= track.arp_every * 2:
                        break               # thin out before the loop point
                    notes.append(Note(track.arp, order[k % len(order)], bar * beats + k * step, step * 1.5,
                                      (0.3 if k % track.arp_every == 0 else 0.22) * rnd.uniform(0.85, 1.0)))
        if s == 0:
            half = len(chords) // 2
            motif, last = _phrase(track, rnd, chords[:half], first_bar, last)
            rest, last = _phrase(track, rnd, chords[half:], first_bar + half, last)
            notes += motif + rest
        elif s == 1:   # A': the same opening motif, a new answer
            shift = len(chords) * beats
            notes += [Note(n.instrument, n.midi, n.beat + shift, n.beats, n.level * 0.95) for n in motif or []]
            rest, last = _phrase(track, rnd, chords[len(chords) // 2:], first_bar + len(chords) // 2, last)
            notes += rest
        elif s == 2:   # B: new chords, a sparser melody
            phrase, last = _phrase(track, rnd, chords, first_bar, last)
            notes += [n for i, n in enumerate(phrase) if i % 2 == 0]
        else:          # A'': the motif again, then a settling ending on the tonic
            shift = 3 * len(chords) * beats
            notes += [Note(n.instrument, n.midi, n.beat + shift, n.beats, n.level * 0.9) for n in motif or []]
            rest, last = _phrase(track, rnd, chords[len(chords) // 2:], first_bar + len(chords) // 2, last)
            notes += rest
    return notes


@dataclass
class Rendered:
    key: str
    pcm: bytes               # 16-bit signed, stereo interleaved, RATE Hz
    seconds: float


def _beat(track: Track) -> int:
    return int(round(SYNTH_RATE * 60.0 / track.bpm))


def loop_length(track: Track) -> int:
    """Samples (at ``RATE``) in one loop: a whole number of beats, each a whole number of samples."""
    return 2 * _beat(track) * track.beats * track.bars


class Cancelled(Exception):
    pass


def render_track(key: str, cancel: Callable[[], bool] = lambda: False, pause: float = 0.0) -> Rendered:
    """Render a track (deterministic). About a second of CPU: call it off the frame thread.
    ``cancel()`` is asked between notes; True stops the work (raises ``Cancelled``). ``pause``:
    seconds of rest after each step (a background prefetch leaves the CPU to the game)."""
    _PACING.pause = pause
    try:
        return _render(key, cancel)
    finally:
        _PACING.pause = 0.0


def _render(key: str, cancel: Callable[[], bool]) -> Rendered:
    track = TRACKS[key]
    beat = _beat(track)
    n = beat * track.beats * track.bars          # at SYNTH_RATE
    dry = _zeros("d", n)
    for note in compose(track):
        if cancel():
            raise Cancelled(key)
        seconds = note.beats * beat / SYNTH_RATE
        if note.instrument in STEADY:   # same level every time: baked into the cached note
            _mix(dry, render_note(note.instrument, note.midi, seconds, note.level), int(note.beat * beat), 1.0)
        else:
            _mix(dry, render_note(note.instrument, note.midi, seconds), int(note.beat * beat), note.level)
    # a little room: a soft echo three quarters of a beat later, wrapped round the loop
    wet = array("d", dry)
    _mix(wet, dry, int(0.75 * beat), 0.26)
    peak = max([1e-9] + [max(map(abs, wet[s:s + CHUNK])) for s in range(0, n, CHUNK)])
    scale = PEAK / peak * 32767
    # up to RATE: the even samples as they are, the odd ones halfway to the next (wrapping, so the
    # loop stays seamless); the linear interpolation also softens the top end a little. The same
    # signal goes to both channels (many school PCs have one speaker).
    wet.append(wet[0])
    pcm = _zeros("h", 4 * n)
    for s in range(0, n, CHUNK):
        e = min(n, s + CHUNK)
        even = array("h", map(int, map(mul, wet[s:e], repeat(scale))))
        odd = array("h", map(int, map(mul, map(add, wet[s:e], wet[s + 1:e + 1]), repeat(scale * 0.5))))
        for side in (0, 1):
            pcm[4 * s + side:4 * e:4] = even
            pcm[4 * s + 2 + side:4 * e:4] = odd
        _breathe()
    return Rendered(key, pcm.tobytes(), 2 * n / RATE)


# ---------------------------------------------------------------------- playing
class MusicPlayer:
    """Plays one place's music at a time, cross-fading between places.

    ``request(key)`` and ``prefetch(key)`` are cheap and safe on the frame thread; rendering,
    building the ``Sound`` and starting it happen on the worker thread. A prefetch (the journey
    asks for the next level's music while the player looks at the map) is rendered slowly, with
    pauses, so that a level usually starts with its music ready and nothing is rendered during
    play. With no mixer (``sound_factory`` None) it does nothing.
    """

    CACHE = 3          # finished tracks kept (the current one, the title, one more): ~5.6 MB each
    GENTLE_PAUSE = 0.002   # seconds of rest after each step of a prefetch
    START_DELAY = 0.5      # seconds before the first render (start-up comes first)

    def __init__(self, sound_factory: Callable[[bytes], Any] | None, channels: tuple[Any, Any] | None,
                 volume: Callable[[], float], renderer: Callable[..., Rendered] = render_track) -> None:
        self.sound_factory = sound_factory
        self.channels = channels
        self.volume = volume
        self.renderer = renderer
        self.place: str | None = None           # where the game is (what should play at volume > 0)
        self.playing: str | None = None
        self.cache: dict[str, Any] = {}
        self.wanted_soon: list[str] = []        # prefetch requests, oldest first
        self.render_threads: list[str] = []     # threads that rendered (tests check: never the main one)
        self.render_seconds: dict[str, float] = {}
        self._active = 0
        self._cond = threading.Condition()
        self._stop = False
        self._thread: threading.Thread | None = None
        self._applied_volume: float | None = None

    @property
    def enabled(self) -> bool:
        return self.sound_factory is not None and self.channels is not None

    def _target(self) -> str | None:
        return self.place if self.volume() > 0 else None

    def _wake(self) -> None:
        """Start the worker if needed and tell it something changed (hold ``_cond``)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="glimmer-music", daemon=True)
            self._thread.start()
        self._cond.notify_all()

    def request(self, key: str | None) -> None:
        """Play ``key`` (a place, "title") or nothing (None). Returns at once."""
        if not self.enabled or (key is not None and key not in TRACKS):
            return
        with self._cond:
            self.place = key
            self._wake()

    def prefetch(self, key: str | None) -> None:
        """Make ``key`` ready in the background, gently, for a later ``request``. Returns at once."""
        if not self.enabled or key not in TRACKS or key in self.cache:
            return
        with self._cond:
            if key not in self.wanted_soon:
                self.wanted_soon.append(key)
            self._wake()

    def apply_volume(self) -> None:
        """Follow the music volume setting (cheap when it has not changed)."""
        if not self.enabled:
            return
        v = self.volume()
        if v == self._applied_volume:
            return
        self._applied_volume = v
        try:
            self.channels[self._active].set_volume(v)
        except Exception:  # a mixer that went away: stay silent
            pass
        with self._cond:   # at 0 the music stops; turned up again, it comes back
            self._cond.notify_all()

    def idle(self, timeout: float = 10.0) -> bool:
        """Wait until what should play is playing and no prefetch is left (tests, tools)."""
        with self._cond:
            return self._cond.wait_for(
                lambda: self._stop or (self.playing == self._target() and not self.wanted_soon), timeout)

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self.enabled:
            for ch in self.channels:
                try:
                    ch.stop()
                except Exception:
                    pass

    # ------------------------------------------------------------------ worker thread
    def _settled(self) -> bool:
        return self._target() == self.playing

    def _make(self, key: str, gentle: bool) -> Any:
        """Render and build the Sound for ``key`` (cached). Raises ``Cancelled`` when stopped, or
        (for a prefetch) when the game moved somewhere that needs other music first."""
        sound = self.cache.get(key)
        if sound is not None:
            return sound
        t0 = time.thread_time()
        cancel = (lambda: self._stop or not self._settled()) if gentle else (lambda: self._stop)
        rendered = self.renderer(key, cancel=cancel, pause=self.GENTLE_PAUSE if gentle else 0.0)
        sound = self.sound_factory(rendered.pcm)
        self.render_threads.append(threading.current_thread().name)
        self.render_seconds[key] = time.thread_time() - t0
        with self._cond:
            self.cache[key] = sound
            while len(self.cache) > self.CACHE:
                keep = (key, self.playing, self._target())
                old = next((k for k in self.cache if k not in keep), None)
                if old is None:
                    break
                del self.cache[old]
        return sound

    def _run(self) -> None:
        with self._cond:   # let the game start up first (the first frames matter more than music)
            self._cond.wait_for(lambda: self._stop, self.START_DELAY)
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._stop or not self._settled() or bool(self.wanted_soon))
                if self._stop:
                    return
                urgent = not self._settled()
                key = self._target() if urgent else self.wanted_soon.pop(0)
            try:
                sound = self._make(key, gentle=not urgent) if key is not None else None
            except Cancelled:
                if self._stop:
                    return
                with self._cond:
                    if not urgent and key not in self.wanted_soon:
                        self.wanted_soon.append(key)    # try again once the game has settled
                continue
            except Exception:
                log.exception("music %s could not be made; staying quiet", key)
                with self._cond:
                    if urgent and self.place == key:
                        self.place = None
                    self._cond.notify_all()
                continue
            with self._cond:
                if self._stop:
                    return
                if not urgent or self._target() != key:
                    self._cond.notify_all()
                    continue    # a prefetch, or the player moved on while this was made (it stays cached)
            self._switch(key, sound)

    def _switch(self, key: str | None, sound: Any) -> None:
        try:
            if self.playing is not None:
                self.channels[self._active].fadeout(FADE_MS)
            if sound is not None:
                self._active = 1 - self._active
                ch = self.channels[self._active]
                v = self.volume()
                self._applied_volume = v
                ch.set_volume(v)
                ch.play(sound, loops=-1, fade_ms=FADE_MS)
        except Exception:
            log.exception("music playback failed; staying quiet")
        with self._cond:
            self.playing = key
            self._cond.notify_all()
