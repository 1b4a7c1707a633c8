"""Read aloud through the operating system's speech engine (pyttsx3: SAPI on Windows, the system
voice on macOS, espeak-ng on Linux). Optional: ``pip install .[speech]``.

Nothing here ever blocks a frame or stops the game. The engine is imported and started on a
background thread the first time it is needed; when pyttsx3 or a system voice is missing (or the
engine fails), ``status`` becomes ``"missing"``, ``available`` False, and every ``say`` is a no-op.
Saying something new, or ``cancel()`` (a page turn), stops what is being said.

Tests pass ``factory`` returning a fake engine with pyttsx3's methods (``say``, ``runAndWait``,
``stop``, ``setProperty``, ``getProperty``).
"""
from __future__ import annotations

import logging
import queue
import threading
from typing import Any, Callable

from game.i18n import N_, _

log = logging.getLogger(__name__)

UNAVAILABLE = N_("Read aloud isn't available on this computer.")   # English; _() when shown

OFF, STARTING, READY, MISSING = "off", "starting", "ready", "missing"


def pyttsx3_engine() -> Any:
    """The real engine (raises ImportError / RuntimeError / OSError when there is none)."""
    import pyttsx3  # lazy: an optional extra

    return pyttsx3.init()


def _voice_languages(voice: Any) -> list[str]:
    out = []
    for lang in getattr(voice, "languages", None) or []:
        if isinstance(lang, bytes):
            lang = lang.decode("ascii", "ignore")
        out.append(str(lang).lstrip("\x05").lower())
    return out


def pick_voice(voices: list[Any], language: str) -> Any | None:
    """A voice for ``language`` ("en", "nl", ...): by its language list, then by its id or name."""
    lang = (language or "").lower().split("-")[0].split("_")[0]
    if not lang:
        return None
    for v in voices:
        if any(x.split("-")[0].split("_")[0] == lang for x in _voice_languages(v)):
            return v
    for v in voices:
        ident = f"{getattr(v, 'id', '')} {getattr(v, 'name', '')}".lower()
        if f"/{lang}" in ident or f"\\{lang}" in ident or ident.startswith(lang) or f"_{lang}" in ident \
                or f"-{lang}" in ident or f" {lang} " in f" {ident} ":
            return v
    return None


class Speech:
    def __init__(self, factory: Callable[[], Any] | None = None) -> None:
        self._factory = factory or pyttsx3_engine
        self.status = OFF
        self.reason = ""
        self._queue: queue.Queue = queue.Queue()
        self._generation = 0
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._engine: Any = None
        self._speaking = False
        self._voice_for: dict[str, Any] = {}
        self.last_text = ""          # what was asked for last (tests, and to not repeat a button)

    # ---------------------------------------------------------------- state
    @property
    def available(self) -> bool:
        """False once we know there is no working engine (unknown counts as available)."""
        return self.status != MISSING

    def message(self) -> str:
        return _(UNAVAILABLE) if self.status == MISSING else ""

    def start(self) -> None:
        """Begin starting the engine in the background (cheap; safe to call often)."""
        if self._thread is None and self.status != MISSING:
            self.status = STARTING
            self._thread = threading.Thread(target=self._run, name="glimmer-speech", daemon=True)
            self._thread.start()

    def wait_ready(self, timeout: float = 5.0) -> str:
        """Block until the engine started or failed (tests and tools only, never in a frame)."""
        import time

        end = time.monotonic() + timeout
        while self.status in (OFF, STARTING) and time.monotonic() < end:
            if self.status == OFF:
                self.start()
            time.sleep(0.005)
        return self.status

    # ---------------------------------------------------------------- speaking
    def say(self, text: str, rate: int = 160, volume: float = 1.0, language: str = "en") -> bool:
        """Speak ``text`` (stops anything being said). Returns False when there is no engine."""
        text = " ".join(str(text or "").split())
        if not text or self.status == MISSING:
            return False
        self.start()
        with self._lock:
            self._generation += 1
            gen = self._generation
        self.last_text = text
        self._drain()
        self._queue.put((gen, text, int(rate), max(0.0, min(1.0, float(volume))), language))
        self._interrupt()
        return True

    def cancel(self) -> None:
        """Stop speaking now (a page turn, leaving a screen)."""
        with self._lock:
            self._generation += 1
        self._drain()
        self._interrupt()

    def close(self) -> None:
        self.cancel()
        if self._thread is not None:
            self._queue.put(None)

    def _drain(self) -> None:
        try:
            while True:
                item = self._queue.get_nowait()
                if item is None:          # keep a close request
                    self._queue.put(None)
                    return
        except queue.Empty:
            pass

    def _interrupt(self) -> None:
        engine = self._engine
        if engine is not None and self._speaking:
            try:
                engine.stop()
            except Exception:  # an engine that can't stop just finishes its sentence
                log.debug("speech stop failed", exc_info=True)

    # ---------------------------------------------------------------- worker thread
    def _run(self) -> None:
        try:
            self._engine = self._factory()
            if self._engine is None:
                raise RuntimeError("no speech engine")
        except Exception as e:  # ImportError (no pyttsx3), RuntimeError/OSError (no system voice)
            self.reason = f"{type(e).__name__}: {e}"
            self.status = MISSING
            log.info("read aloud unavailable: %s", self.reason)
            return
        self.status = READY
        failures = 0
        while True:
            item = self._queue.get()
            if item is None:
                return
            gen, text, rate, volume, language = item
            if gen != self._generation:
                continue                    # cancelled or replaced before its turn
            try:
                self._configure(rate, volume, language)
                self._speaking = True
                self._engine.say(text)
                self._engine.runAndWait()
                failures = 0
            except Exception as e:
                failures += 1
                log.info("read aloud failed: %s", e)
                if failures >= 3:
                    self.reason = f"{type(e).__name__}: {e}"
                    self.status = MISSING
                    return
            finally:
                self._speaking = False

    def _configure(self, rate: int, volume: float, language: str) -> None:
        eng = self._engine
        eng.setProperty("rate", rate)
        eng.setProperty("volume", volume)
        if language not in self._voice_for:
            try:
                self._voice_for[language] = pick_voice(list(eng.getProperty("voices") or []), language)
            except Exception:
                self._voice_for[language] = None
        voice = self._voice_for[language]
        if voice is not None:
            eng.setProperty("voice", getattr(voice, "id", voice))
