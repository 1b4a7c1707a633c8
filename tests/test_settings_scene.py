"""The settings screen in the real app: reachable (title, pause, Shift+A), every change applied at
once and kept per profile, key rebinding with conflict warnings, read aloud, dialogue text speed
and the transcript."""
import time

import pygame
import pytest

from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import theme


@pytest.fixture
def app(tmp_path):
    from game.app import App, AppOptions
    from game.boot import DefaultDeployment
    from game.content.level import load_all_levels
    from game.context import GameContext
    from game.paths import DataDirs
    from game.scenes.title import TitleScene

    pygame.display.init()
    levels, _ = load_all_levels()
    ctx = GameContext(DataDirs(tmp_path), DefaultDeployment(), levels, strict_events=True)
    a = App(ctx, AppOptions(headless=True, audio=False), first_scene=TitleScene)
    a.events = []
    ctx.bus.subscribe(lambda ev: a.events.append(ev))
    frames(a, 2)
    yield a
    a.apply_settings({})          # back to the defaults: the look is global state
    while a.stack.scenes:
        a.stack.scenes.pop().exit()
    a.speech.close()
    ctx.shutdown()


def frames(app, n=2):
    for _ in range(n):
        app.step_frame(1 / 60)
        app.stack.apply()


def act(app, kind, value=None, n=2):
    app.driver = type("D", (), {"actions": lambda self, a, _x=[Action(kind, value)]: [_x.pop()] if _x else []})()
    frames(app, n)
    app.driver = None


def key(app, k, mod=0):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=""))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=""))
    frames(app, 2)


def click(app, button):
    c = button.rect.center
    for t in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        ev = {"pos": c, "rel": (0, 0), "buttons": (0, 0, 0)} if t == pygame.MOUSEMOTION else {"pos": c, "button": 1}
        pygame.event.post(pygame.event.Event(t, **ev))
        frames(app, 1)
    frames(app, 1)


def focus(app, bid):
    top = app.stack.top
    top.set_focus(bid)
    assert top.focused() == bid


def play_profile(app, name="Robin"):
    app.ctx.activate_profile(app.ctx.profiles.create(name))
    frames(app, 1)
    return app.ctx.profile


def test_title_button_opens_settings_and_text_size_applies_at_once(app):
    title = app.stack.top
    assert "settings" in title.buttons
    click(app, title.buttons["settings"])
    s = app.stack.top
    assert s.name == "settings" and s.via == "title"
    old_h = app.ui.line_h("body")
    focus(app, "text_scale")
    act(app, A.RIGHT)
    act(app, A.RIGHT)
    assert app.settings["text_scale"] == 1.5 and app.ui.text_scale == 1.5
    assert app.ui.line_h("body") > old_h * 1.3
    assert s.buttons["text_scale"].text == "Text size: 150%" and s.focused() == "text_scale"
    # the title screen below was rebuilt for the new size too (and stays hidden under settings)
    assert not title.buttons["play"].visible
    assert title.buttons["play"].rect.h >= app.ui.button_h()
    act(app, A.CANCEL)
    assert app.stack.top is title and title.buttons["play"].visible


def test_shift_a_opens_the_text_page_anywhere_and_pause_menu_has_settings(app):
    from game.scenes.pause import PAUSE_ITEMS, PauseScene

    key(app, pygame.K_a, pygame.KMOD_LSHIFT)
    assert app.stack.top.name == "settings" and app.stack.top.page == "text" and app.stack.top.via == "shortcut"
    key(app, pygame.K_a, pygame.KMOD_LSHIFT)               # again: closes it
    assert app.stack.top.name == "title"
    assert any(bid == "settings" for bid, _, _ in PAUSE_ITEMS)
    play_profile(app)
    app.stack.push(PauseScene(app, None))
    frames(app, 2)
    click(app, app.stack.top.buttons["settings"])
    assert app.stack.top.name == "settings" and app.stack.top.via == "pause"


def test_keyboard_walks_tabs_rows_and_done(app):
    app.open_settings("title")
    frames(app, 2)
    s = app.stack.top
    focus(app, "tab:text")
    act(app, A.RIGHT)                        # next tab shows its page
    assert s.page == "look" and s.focused() == "tab:look"
    act(app, A.DOWN)
    assert s.focused() == "high_contrast"
    act(app, A.DOWN)
    act(app, A.DOWN)
    act(app, A.DOWN)
    assert s.focused() == "done"
    act(app, A.UP)
    assert s.focused() == "fullscreen"
    act(app, A.CONFIRM)
    assert app.settings["fullscreen"] is True


def test_high_contrast_changes_every_colour_and_the_panels(app):
    app.open_settings("title", page="look")
    frames(app, 2)
    s = app.stack.top
    focus(app, "high_contrast")
    act(app, A.CONFIRM, n=3)
    assert app.settings["high_contrast"] is True
    assert theme.COLOURS["panel"] == "#000000" and theme.COLOURS["focus"] == "#FFFF00"
    x, y = s.rect.x + 12, s.rect.bottom - 12          # inside the panel, away from widgets
    assert tuple(app.screen.get_at((x, y)))[:3] == (0, 0, 0)
    btn = s.buttons["high_contrast"]
    assert btn.colours["selected_bg"] == pygame.Color("#FFFF00")


def test_settings_are_saved_in_the_profile_and_an_event_names_only_what_changed(app):
    p = play_profile(app)
    app.open_settings("pause", page="look")
    frames(app, 2)
    focus(app, "reduced_motion")
    act(app, A.CONFIRM)
    app.stack.top.show_page("text")
    focus(app, "text_speed")
    act(app, A.LEFT)
    act(app, A.CANCEL)
    assert p.data["settings"]["reduced_motion"] is True and p.data["settings"]["text_speed"] == "slow"
    ev = [e for e in app.events if e.type == "settings_changed"]
    assert len(ev) == 1
    assert ev[0].payload["changed"] == ["text_speed", "reduced_motion"] and ev[0].payload["via"] == "pause"
    app.ctx.checkpoint(wait=True)
    again = app.ctx.profiles.load(p.id)
    assert again.data["settings"]["reduced_motion"] is True


def test_each_profile_has_its_own_and_a_damaged_value_falls_back_alone(app):
    app.apply_settings(dict(app.settings, text_scale=1.75))        # chosen on the title screen
    p = play_profile(app, "New")
    assert p.data["settings"]["text_scale"] == 1.75                 # a new profile keeps it
    app.ctx.end_session("quit")
    frames(app, 1)
    other = app.ctx.profiles.create("Old")
    other.data["settings"] = {"text_scale": "enormous", "high_contrast": True, "music_volume": 7}
    app.ctx.activate_profile(other)
    frames(app, 1)
    assert app.settings is other.data["settings"]
    assert app.settings["text_scale"] == 1.0 and app.ui.text_scale == 1.0
    assert app.settings["high_contrast"] is True and theme.COLOURS["panel"] == "#000000"
    assert app.settings["music_volume"] == 1.0 and app.audio.music_volume == 1.0


def test_rebinding_a_key_and_the_conflict_warning(app):
    app.open_settings("title", page="keys")
    frames(app, 2)
    s = app.stack.top
    focus(app, "key:pause")
    act(app, A.CONFIRM)
    assert s.capturing == "pause"
    key(app, pygame.K_q)
    assert app.settings["key_bindings"]["pause"][0] == "q"
    assert app.mapper.process(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=0)) == [Action(A.PAUSE)]
    # a key that belongs to another action: a warning and a choice
    focus(app, "key:pause")
    act(app, A.CONFIRM)
    key(app, pygame.K_w)
    msg = app.stack.top
    assert msg.name == "message" and "already the key for Up" in msg.text
    click(app, msg.buttons["cancel"])                    # keep it
    assert "w" in app.settings["key_bindings"]["up"] and "w" not in app.settings["key_bindings"]["pause"]
    focus(app, "key:pause")
    act(app, A.CONFIRM)
    key(app, pygame.K_w)
    click(app, app.stack.top.buttons["ok"])              # move it
    kb = app.settings["key_bindings"]
    assert kb["pause"][0] == "w" and "w" not in kb["up"]
    assert app.mapper.process(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_w, mod=0)) == [Action(A.PAUSE)]
    # F1 stays help
    focus(app, "key:confirm")
    act(app, A.CONFIRM)
    key(app, pygame.K_F1)
    assert "f1" not in app.settings["key_bindings"]["confirm"] and "help" in s.note


def test_read_aloud_unavailable_is_said_and_the_game_runs_on(app):
    from game.speech import UNAVAILABLE, Speech

    def none():
        raise ImportError("no pyttsx3")

    app.speech = Speech(factory=none)
    app.open_settings("title", page="voice")
    for _ in range(50):
        frames(app, 1)
        if app.speech.status == "missing":
            break
        time.sleep(0.01)
    frames(app, 2)
    s = app.stack.top
    assert UNAVAILABLE in s._note_text()
    assert s.buttons["read_aloud"].text == "Read aloud: not available" and not s.buttons["read_aloud"].is_enabled
    assert app.speak("hello") is False


class FakeSpeech:
    def __init__(self):
        self.said, self.cancels, self.status, self.available = [], 0, "ready", True

    def say(self, text, rate=160, volume=1.0, language="en"):
        self.said.append((text, rate, language))
        return True

    def cancel(self):
        self.cancels += 1

    def start(self):
        pass

    def close(self):
        pass


class Play(Scene):
    name = "play"


def a_dialogue():
    from game.content.level import Dialogue

    return Dialogue(speaker="Guide", pages=["Hello there, this is the first page of a talk.", "And the second."])


def test_dialogue_types_out_enter_completes_then_turns_and_read_aloud_follows(app):
    from game.scenes.dialogue import DialogueScene

    app.speech = FakeSpeech()
    play_profile(app)
    app.apply_settings(dict(app.settings, read_aloud=True, speech_rate=200, text_speed="slow"))
    app.stack.push(Play(app))
    d = DialogueScene(app, a_dialogue(), "d")
    app.stack.push(d)
    frames(app, 20)
    total = d.box.letter_count()
    assert d.typing and 0 < int(d.revealed) < total and d.box.shown == int(d.revealed)
    assert app.speech.said[-1] == ("Hello there, this is the first page of a talk.", 200, "en")
    act(app, A.CONFIRM)
    assert not d.typing and d.page == 0 and d.box.shown == total     # completed, not turned
    act(app, A.CONFIRM)
    assert d.page == 1 and app.speech.cancels >= 1 and app.speech.said[-1][0] == "And the second."
    assert [t for _, t in app.transcript] == ["Hello there, this is the first page of a talk.", "And the second."]


def test_instant_text_and_reduced_motion_show_the_page_at_once(app):
    from game.scenes.dialogue import DialogueScene
    from game.scenes.title import TitleScene

    for settings in ({"text_speed": "instant"}, {"text_speed": "slow", "reduced_motion": True}):
        app.apply_settings(dict(app.settings, **settings))
        d = DialogueScene(app, a_dialogue(), "d")
        app.stack.push(d)
        frames(app, 1)
        assert not d.typing
        act(app, A.CONFIRM)
        assert d.page == 1
        app.stack.pop()
        frames(app, 1)
    title = app.stack.find(lambda s: isinstance(s, TitleScene))
    t = title.backdrop.t
    frames(app, 5)
    assert title.backdrop.t == t and app.reduced_motion          # fireflies stand still


def test_transcript_opens_with_t_in_a_level_and_scrolls_by_keyboard(app):
    from game.scenes.dialogue import DialogueScene

    play_profile(app)
    key(app, pygame.K_t)
    assert app.stack.top.name == "title"                      # not in a level: nothing
    app.stack.push(Play(app))
    frames(app, 1)
    app.ctx.bus.publish("level_started", resumed=False, checkpoint=None, replay=False)
    assert app.transcript == []
    app.apply_settings(dict(app.settings, text_speed="instant"))
    long = a_dialogue()
    long.pages[:] = [f"Page {i}: something the guide said that is worth reading again." for i in range(30)]
    d = DialogueScene(app, long, "d")
    app.stack.push(d)
    frames(app, 1)
    for _ in range(29):
        act(app, A.CONFIRM, n=1)
    click(app, d.buttons["transcript"])                        # the dialogue box's own button
    tr = app.stack.top
    assert tr.name == "transcript" and len(app.transcript) == 30
    bar = tr.box.scroll_bar
    assert bar is not None and bar.start_percentage > 0.5      # starts at the newest
    before = bar.start_percentage
    act(app, A.UP)
    act(app, A.UP)
    assert bar.start_percentage < before
    key(app, pygame.K_t)                                        # T closes it again
    assert app.stack.top is d
    act(app, A.CANCEL)
    key(app, pygame.K_t)
    assert app.stack.top.name == "transcript"


def test_mouse_alone_changes_values_with_the_plus_and_minus_buttons(app):
    app.open_settings("title", page="sound")
    frames(app, 2)
    s = app.stack.top
    before = app.settings["music_volume"]
    click(app, s.buttons["minus:music_volume"])
    assert app.settings["music_volume"] == pytest.approx(before - 0.1)
    click(app, s.buttons["plus:music_volume"])
    click(app, s.buttons["plus:music_volume"])
    assert app.settings["music_volume"] == pytest.approx(before + 0.1)
    assert app.audio.music_volume == pytest.approx(before + 0.1)
    click(app, s.buttons["tab:keys"])
    assert s.page == "keys"
    click(app, s.buttons["done"])
    assert app.stack.top.name == "title"


def test_read_aloud_says_the_focused_button_when_focus_moves(app):
    app.speech = FakeSpeech()
    app.apply_settings(dict(app.settings, read_aloud=True))
    frames(app, 2)
    title = app.stack.top
    focus(app, title.focus_order[0])
    frames(app, 1)
    act(app, A.DOWN)
    assert app.speech.said[-1][0] == title.buttons[title.focused()].text
    app.apply_settings(dict(app.settings, read_aloud=False))
    n = len(app.speech.said)
    act(app, A.DOWN)
    assert len(app.speech.said) == n


def test_the_focus_ring_is_drawn_around_the_focused_button(app):
    title = app.stack.top
    focus(app, "about")
    frames(app, 1)
    r = title.buttons["about"].rect.inflate(10, 10)
    ring = tuple(app.screen.get_at((r.centerx, r.top + 1)))[:3]
    assert ring == pygame.Color(theme.COLOURS["focus"])[:3]


def test_dialogue_buttons_are_kept_between_dialogues_and_hidden_when_not_shown(app):
    """The box's buttons and speaker tag are made once and reused (no new widgets per dialogue);
    they show only while a dialogue is on top, follow the speaker, work by mouse, and are made
    anew when the look changes."""
    from game.content.level import Dialogue
    from game.scenes.dialogue import DialogueScene
    from game.scenes.transcript import TranscriptScene

    play_profile(app)
    app.apply_settings(dict(app.settings, text_speed="instant"))
    app.stack.push(Play(app))
    first = DialogueScene(app, a_dialogue(), "d1")
    app.stack.push(first)
    frames(app, 2)
    kit = first.kit
    assert kit is not None and all(w.visible for w in kit.widgets) and kit.tag.text == "Guide"
    click(app, first.buttons["next"])
    click(app, first.buttons["next"])                       # "Close" on the last page
    assert app.stack.top.name == "play" and not any(w.visible for w in kit.widgets)

    second = DialogueScene(app, Dialogue(speaker="Nadia", pages=["Hi."]), "d2")
    app.stack.push(second)
    frames(app, 2)
    assert second.kit is kit and kit.tag.text == "Nadia" and kit.next.text == "Close"
    assert kit.tag.rect.w >= app.ui.font("body", bold=True).size("Nadia")[0]
    app.stack.push(TranscriptScene(app))                    # covered: hidden; back: shown
    frames(app, 2)
    assert not kit.next.visible
    app.apply_settings(dict(app.settings, high_contrast=True))    # a new look while covered: still hidden
    frames(app, 2)
    kit = second.kit
    assert not any(w.visible for w in kit.widgets)
    app.stack.pop()
    frames(app, 2)
    assert kit.next.visible and second.focused() == "next"

    sign = DialogueScene(app, Dialogue(speaker="", pages=["A sign."]), "d3")   # a sign has no speaker
    app.stack.pop()
    app.stack.push(sign)
    frames(app, 2)
    assert sign.kit is kit and kit.next.visible and not kit.tag.visible

    app.apply_settings(dict(app.settings, text_scale=2.0))  # a new look: new, bigger buttons
    frames(app, 2)
    assert sign.kit is not kit and not kit.next.alive() and sign.kit.next.rect.h > kit.next.rect.h
    app.stack.pop()
    frames(app, 2)
