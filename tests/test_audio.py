"""Music per place and sound effects: deterministic, loopable, quiet, different per place, made off
the frame thread, following the volume settings, and silent without an audio device."""
import math
import threading
import time
from argparse import Namespace
from array import array
from itertools import islice
from operator import mul

import pygame
import pytest

from game import audio, music
from game.boot import DefaultDeployment
from game.input.actions import A
from game.scripted import ScriptedPlayer


@pytest.fixture(scope="module")
def tracks():
    """Every track rendered once (about a second of CPU each)."""
    return {k: music.render_track(k) for k in music.TRACKS}


def channel(r: music.Rendered, side: int = 0) -> array:
    a = array("h")
    a.frombytes(r.pcm)
    return a[side::2]


def rms(x) -> float:
    x = list(x)
    return math.sqrt(sum(map(mul, x, x)) / max(1, len(x))) / 32767


def test_every_place_and_the_title_have_music():
    from game.content.level import levels_root

    folders = [f for f in levels_root().iterdir() if f.name.startswith("level") and (f / "map.tmx").exists()]
    assert len(folders) == 7
    places = {music.place_for_level(type("L", (), {"id": f.name, "content": None})()) for f in folders}
    assert places == set(music.PLACE_ORDER) and len(music.PLACE_ORDER) == 7
    assert set(music.TRACKS) == {"title", *music.PLACE_ORDER}


def test_tracks_are_deterministic(tracks):
    music._CACHE.clear()
    again = music.render_track("market")
    assert again.pcm == tracks["market"].pcm


def test_tracks_are_calm_loops_of_a_sensible_length_and_level(tracks):
    for key, r in tracks.items():
        track = music.TRACKS[key]
        assert 56 <= track.bpm <= 76, key
        assert 30 <= r.seconds <= 75, key
        assert len(r.pcm) == 4 * music.loop_length(track)
        for side in (0, 1):
            x = channel(r, side)
            peak = max(map(abs, x)) / 32767
            assert 0.3 <= peak <= 0.55, (key, peak)            # never loud, never clipped
            level = rms(x)
            assert 0.05 <= level <= 0.2, (key, level)           # quiet, but not silence
            # no quiet holes or loud bursts along the track (4-second windows)
            w = 4 * music.RATE
            windows = [rms(x[i:i + w]) for i in range(0, len(x) - w + 1, w)]
            assert max(windows) < 2.0 * min(windows), (key, windows)


def test_tracks_loop_without_a_click(tracks):
    for key, r in tracks.items():
        for side in (0, 1):
            x = channel(r, side)
            biggest_step = max(abs(b - a) for a, b in zip(x, islice(x, 1, None)))
            seam = abs(x[0] - x[-1])
            assert seam <= 0.5 * biggest_step, (key, seam, biggest_step)
            # the music carries on through the loop point (no fade-out gap)
            around = list(x[-2205:]) + list(x[:2205])
            assert rms(around) > 0.3 * rms(x), key


def test_places_sound_different(tracks):
    first = {k: channel(r)[:10 * music.RATE] for k, r in tracks.items()}

    def corr(a, b):
        return sum(map(mul, a, b)) / math.sqrt(sum(map(mul, a, a)) * sum(map(mul, b, b)))

    keys = sorted(first)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            assert abs(corr(first[a], first[b])) < 0.3, (a, b)
    assert len({(t.root, t.mode, t.bpm, t.lead) for t in music.TRACKS.values()}) == len(music.TRACKS)


# ---------------------------------------------------------------------- the player (fakes: fast)
LOG: list = []


class FakeChannel:
    def __init__(self):
        self.calls = []
        self.volume = None

    def play(self, sound, loops=0, fade_ms=0):
        self.calls.append(("play", sound, loops, fade_ms))
        LOG.append((self, sound))

    def fadeout(self, ms):
        self.calls.append(("fadeout", ms))

    def set_volume(self, v):
        self.volume = v

    def stop(self):
        self.calls.append(("stop",))


def fake_player(settings):
    threads = []
    pauses = {}

    def renderer(key, cancel=lambda: False, pause=0.0):
        threads.append(threading.current_thread())
        pauses[key] = pause
        time.sleep(0.01)
        return music.Rendered(key, key.encode(), 1.0)

    chans = (FakeChannel(), FakeChannel())
    p = music.MusicPlayer(lambda pcm: ("sound", pcm), chans,
                          lambda: audio._volume(settings, "music_volume", audio.DEFAULT_MUSIC_VOLUME), renderer)
    p.pauses = pauses
    return p, chans, threads


def test_music_is_made_off_the_main_thread_and_cross_fades_between_places():
    settings = {}
    LOG.clear()
    p, (a, b), threads = fake_player(settings)
    p.request("harbour")           # returns at once
    assert p.idle(5) and p.playing == "harbour"
    p.request("park")
    assert p.idle(5) and p.playing == "park"
    p.request("harbour")           # cached: no second render
    assert p.idle(5)
    p.close()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert len(threads) == 2
    assert [s for _, s in LOG] == [("sound", b"harbour"), ("sound", b"park"), ("sound", b"harbour")]
    assert LOG[0][0] is not LOG[1][0] and LOG[1][0] is not LOG[2][0]       # two channels, taking turns
    plays = [c for ch in (a, b) for c in ch.calls if c[0] == "play"]
    assert all(c[2] == -1 and c[3] == music.FADE_MS for c in plays)          # looped, faded in
    assert ("fadeout", music.FADE_MS) in a.calls + b.calls                  # the old place fades out
    assert a.volume == b.volume == audio.DEFAULT_MUSIC_VOLUME


def test_music_follows_the_volume_setting_and_stops_at_zero():
    settings = {"music_volume": 0.25}
    p, chans, threads = fake_player(settings)
    p.request("forest")
    assert p.idle(5) and p.playing == "forest"
    active = chans[p._active]
    assert active.volume == 0.25
    settings["music_volume"] = 0.0
    p.apply_volume()
    assert p.idle(5) and p.playing is None
    settings["music_volume"] = 0.7
    p.apply_volume()
    assert p.idle(5) and p.playing == "forest" and chans[p._active].volume == 0.7
    p.close()


def test_the_next_place_is_made_gently_ahead_of_time():
    p, chans, threads = fake_player({})
    p.request("title")
    assert p.idle(5)
    p.prefetch("river")                 # the journey: the next level's music, in the background
    assert p.idle(5) and "river" in p.cache and p.playing == "title"
    assert p.pauses["river"] > 0 and p.pauses["title"] == 0          # gentle, with rests
    p.request("river")                  # the level starts: ready, no second render
    assert p.idle(5) and p.playing == "river"
    assert len(threads) == 2
    p.close()


def test_volumes_come_from_the_profile_settings():
    a = audio.Audio(enabled=False)
    assert a.music_volume == audio.DEFAULT_MUSIC_VOLUME and a.effects_volume == audio.DEFAULT_EFFECTS_VOLUME
    settings = {"music_volume": 0.2, "effects_volume": 1.5}
    a.bind(lambda: settings)
    assert a.music_volume == 0.2 and a.effects_volume == 1.0
    settings.update(music_volume="loud", effects_volume=None)   # nonsense falls back to the defaults
    assert a.music_volume == audio.DEFAULT_MUSIC_VOLUME and a.effects_volume == audio.DEFAULT_EFFECTS_VOLUME


# ---------------------------------------------------------------------- with the real mixer (dummy driver)
def test_effects_cover_the_game_and_play_at_the_effects_volume():
    for name in ("step", "blip", "right", "wrong", "complete", "confirm", "back", "move", "help"):
        assert name in audio.EFFECTS
    a = audio.Audio(enabled=True)
    try:
        if not a.ok:
            pytest.skip("no mixer at all here (not even the dummy driver)")
        assert a.effects_ready(timeout=30)  # made off the frame thread, so the title comes up at once
        assert set(a.sounds) == set(audio.EFFECTS)
        assert pygame.mixer.get_init()[:1] == (audio.RATE,)
        a.bind(lambda: {"effects_volume": 0.3, "music_volume": 0.0})
        a.play("right")
        assert a.sounds["right"].get_volume() == pytest.approx(0.3, abs=0.01)
    finally:
        a.close()


def test_audio_without_a_device_is_silent_and_never_fails(monkeypatch):
    def broken(*a, **k):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", broken)
    a = audio.Audio(enabled=True)
    assert not a.ok and a.sounds == {}
    a.play("step")
    a.music("harbour")
    a.music_for_level(type("L", (), {"id": "level3_spot_the_trap", "content": None})())
    a.apply_settings()
    assert a.music_player.playing is None and a.music_player._thread is None
    a.close()


def _run_with_audio(tmp_path, monkeypatch, script):
    """The real game with audio switched on (headless runs normally switch it off)."""
    import game.app as app_mod
    from game.runner import run_game

    real = app_mod.AppOptions

    def with_audio(**kw):
        kw["audio"] = True
        return real(**kw)

    monkeypatch.setattr(app_mod, "AppOptions", with_audio)
    sp = ScriptedPlayer(script)
    args = Namespace(data_dir=str(tmp_path), portable=False, deployment=None, lang=None, fullscreen=False)
    rc = run_game(args, headless=True, driver=sp, deployment=DefaultDeployment())
    return rc, sp


def _play_a_bit(seen):
    def script(sp):
        yield from sp.new_profile("Quiet")
        yield from sp.wait_scene("journey")
        sp.app.ctx.profile.data["settings"].update(music_volume=0.3, effects_volume=0.6)   # the profile's own
        yield from sp.press(f"level:{sp.app.ctx.levels[0].id}")
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "level")
        play = sp.play_scene()
        path = play.world.path_to((play.world.player.x + 2, play.world.player.y), adjacent=True) or ["right"]
        yield from sp.walk_path(path[:2])
        seen["audio"] = sp.app.audio
        seen["place"] = sp.app.audio.music_player.place
        mp = sp.app.audio.music_player
        deadline = time.monotonic() + 60
        while mp.enabled and mp.playing is None and time.monotonic() < deadline:
            yield None                                      # the game runs on while the music is made
        seen["playing"] = mp.playing
        seen["effects_volume"] = sp.app.audio.effects_volume
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.finish_with("quit")
    return script


def test_the_game_plays_with_a_failing_mixer(tmp_path, monkeypatch):
    def broken(*a, **k):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", broken)
    seen = {}
    rc, sp = _run_with_audio(tmp_path, monkeypatch, _play_a_bit(seen))
    assert rc == 0 and sp.error is None and sp.done, sp.error
    assert seen["audio"].ok is False and seen["place"] is None


def test_the_game_plays_on_the_dummy_audio_driver_with_music_made_off_the_frame(tmp_path, monkeypatch):
    seen = {}
    rendered_on = []
    real_render = music.render_track

    def spy(key, cancel=lambda: False, pause=0.0):
        rendered_on.append(threading.current_thread() is threading.main_thread())
        return real_render(key, cancel, pause)

    monkeypatch.setattr(music.MusicPlayer.__init__, "__defaults__", (spy,))
    rc, sp = _run_with_audio(tmp_path, monkeypatch, _play_a_bit(seen))
    assert rc == 0 and sp.error is None and sp.done, sp.error
    a = seen["audio"]
    assert a.ok
    assert seen["place"] == "harbour"                       # the level asked for its place's music
    assert seen["playing"] in ("title", "harbour")          # and music really played meanwhile
    assert seen["effects_volume"] == 0.6                    # the profile's settings are followed
    assert rendered_on and not any(rendered_on)             # never rendered on the main (frame) thread
    assert all(name == "glimmer-music" for name in a.music_player.render_threads)
