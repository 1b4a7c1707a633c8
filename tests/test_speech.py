"""Read aloud: a fake engine in tests; without an engine the game says so and runs on."""
import sys
import threading
import time

import pytest

from game.speech import MISSING, READY, UNAVAILABLE, Speech, pick_voice


class Voice:
    def __init__(self, vid, languages=(), name=""):
        self.id, self.languages, self.name = vid, list(languages), name


class FakeEngine:
    """pyttsx3's surface. ``hold`` makes runAndWait last until stop() (a long sentence)."""

    def __init__(self, hold=False):
        self.said, self.props, self.stopped = [], {}, 0
        self.hold = hold
        self._stop = threading.Event()
        self.voices = [Voice("english", [b"\x05en-gb"]), Voice("dutch", ["nl"])]

    def say(self, text):
        self._current = text

    def runAndWait(self):
        self._stop.clear()
        if self.hold:
            self._stop.wait(2.0)
        self.said.append((self._current, dict(self.props)))

    def stop(self):
        self.stopped += 1
        self._stop.set()

    def setProperty(self, name, value):
        self.props[name] = value

    def getProperty(self, name):
        return self.voices if name == "voices" else self.props.get(name)


def wait_for(pred, timeout=3.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.005)
    return False


def test_says_text_with_rate_volume_and_a_voice_for_the_language():
    eng = FakeEngine()
    sp = Speech(factory=lambda: eng)
    assert sp.say("Hallo daar.", rate=140, volume=0.5, language="nl")
    assert wait_for(lambda: eng.said)
    text, props = eng.said[0]
    assert text == "Hallo daar." and props["rate"] == 140 and props["volume"] == 0.5 and props["voice"] == "dutch"
    sp.say("Hi.", language="en")
    assert wait_for(lambda: len(eng.said) == 2)
    assert eng.said[1][1]["voice"] == "english"
    assert sp.status == READY and sp.available and sp.message() == ""
    sp.close()


def test_something_new_stops_what_is_being_said():
    eng = FakeEngine(hold=True)
    sp = Speech(factory=lambda: eng)
    sp.say("A long first page that takes a while to say.")
    assert wait_for(lambda: sp._speaking)
    sp.say("The next page.")
    assert wait_for(lambda: any(t == "The next page." for t, _ in eng.said))
    assert eng.stopped >= 1
    assert eng.said[0][0].startswith("A long first page")     # cut short, not finished later
    sp.close()


def test_cancel_stops_speaking_and_drops_what_was_waiting():
    eng = FakeEngine(hold=True)
    sp = Speech(factory=lambda: eng)
    sp.say("One.")
    assert wait_for(lambda: sp._speaking)
    sp.cancel()
    assert wait_for(lambda: not sp._speaking)
    time.sleep(0.05)
    assert [t for t, _ in eng.said] == ["One."] and eng.stopped >= 1
    sp.close()


def test_a_missing_engine_degrades_quietly():
    def no_engine():
        raise ImportError("No module named 'pyttsx3'")

    sp = Speech(factory=no_engine)
    assert sp.wait_ready() == MISSING
    assert not sp.available and sp.message() == UNAVAILABLE
    assert sp.say("Hello") is False
    sp.cancel()
    sp.close()


def test_without_pyttsx3_installed_the_real_factory_reports_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyttsx3", None)        # import fails like on a PC without it
    sp = Speech()
    assert sp.wait_ready() == MISSING
    assert "ImportError" in sp.reason or "ModuleNotFoundError" in sp.reason


def test_an_engine_that_fails_while_speaking_is_given_up_on():
    class Broken(FakeEngine):
        def runAndWait(self):
            raise RuntimeError("audio device gone")

    sp = Speech(factory=Broken)
    for i in range(3):
        sp.say(f"try {i}")
        time.sleep(0.05)
    assert wait_for(lambda: sp.status == MISSING)


def test_saying_never_blocks_the_frame_even_while_the_engine_starts_slowly():
    def slow():
        time.sleep(0.5)
        return FakeEngine()

    sp = Speech(factory=slow)
    t0 = time.perf_counter()
    sp.say("Hello")
    sp.say("Hello again")
    sp.cancel()
    assert time.perf_counter() - t0 < 0.05
    sp.close()


def test_pick_voice_by_language_then_by_id():
    voices = [Voice("HKEY\\\\TTS_MS_EN-US_ZIRA", [], "Zira"), Voice("com.apple.voice.Xander", ["nl_NL"]),
              Voice("gmw/nl", [])]
    assert pick_voice(voices, "nl").id == "com.apple.voice.Xander"
    assert pick_voice([voices[2]], "nl").id == "gmw/nl"
    assert pick_voice(voices, "de") is None
