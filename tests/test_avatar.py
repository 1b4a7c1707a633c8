"""The avatar creator through the real app: chosen at the first session start with keys and buttons,
saved in the profile, used by the world, not asked again, changeable from the journey; the event
carries option indices only."""
import json
import shutil
from pathlib import Path

import pygame
import pytest

from game.art import characters as ch
from game.boot import DefaultDeployment
from game.input.actions import A
from game.runner import run_game
from game.scripted import ScriptedPlayer
from game.store.eventlog import read_all_events
from game.store.profiles import Profile, ProfileStore
from helpers import args, consenting  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NICK = "Zephyrine"   # unusual, so finding it anywhere in the logs means it leaked


def watch_screens(seen):
    def hook(app):
        consenting(app)
        app.on_frame.append(lambda a: seen.append(getattr(a.stack.top, "name", None)))
    return hook


def same_pixels(a: pygame.Surface, b: pygame.Surface) -> bool:
    return a.get_size() == b.get_size() and all(
        a.get_at((x, y)) == b.get_at((x, y)) for y in range(0, a.get_height(), 3) for x in range(0, a.get_width(), 3))


def test_first_session_makes_an_avatar_with_keys_and_buttons_and_the_world_uses_it(tmp_path):
    dep = DefaultDeployment(research_enabled=True)
    seen: list = []
    checked = {}

    def first(sp):
        yield from sp.new_profile(NICK)
        yield from sp.wait_scene("avatar")
        av = sp.top()
        assert av.first_time and av.value("body") == "slim"
        # keyboard: right changes the focused row, down moves to the next row
        yield from sp.key(A.RIGHT)                      # body: slim -> broad
        yield from sp.key(A.DOWN)
        yield from sp.key(A.RIGHT)
        yield from sp.key(A.RIGHT)                      # skin: peach -> golden -> tan
        yield from sp.key(A.DOWN)
        yield from sp.key(A.LEFT)                       # hair: short -> headscarf (wraps round)
        # mouse: the arrow buttons of any row
        yield from sp.press("next:top_colour")          # teal -> blue
        yield from sp.key(A.DOWN)                       # the pressed row has the focus: top -> trousers
        yield from sp.key(A.RIGHT)                      # denim -> purple
        yield from sp.key(A.DOWN)
        yield from sp.key(A.RIGHT)                      # the guide says "friend"
        for _ in range(3):
            yield from sp.key(A.DOWN)                   # to "That's me!"
        assert av.focus == 8
        assert av.buttons["done"].is_selected and not av.buttons["random"].is_selected   # one focus only
        yield from sp.key(A.HELP)                       # help on top, then back: still one focus
        yield from sp.wait_scene("help")
        yield from sp.key(A.CANCEL)
        yield from sp.wait_scene("avatar")
        assert av.buttons["done"].is_selected and not av.buttons["random"].is_selected
        yield from sp.key(A.CONFIRM)
        yield from sp.wait_scene("journey")
        journey_frame = sp.app.frame
        yield from sp.press(f"level:{sp.app.ctx.levels[0].id}")
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "level")
        play = sp.play_scene()
        checked["sheet"] = play.view.player_sprite.sheet.copy()
        checked["journey_frame"] = journey_frame
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.finish_with("quit")

    sp = ScriptedPlayer(first)
    sp.manual = frozenset({"avatar"})
    assert run_game(args(tmp_path), headless=True, driver=sp, deployment=dep, on_app=watch_screens(seen)) == 0
    assert sp.error is None and sp.done, sp.error

    want = {"body": "broad", "skin": "tan", "hair_style": "headscarf", "hair_colour": "brown",
            "top_colour": "blue", "bottom_colour": "purple", "address": "friend"}
    [summary] = ProfileStore(tmp_path / "profiles").list_profiles()
    saved = ProfileStore(tmp_path / "profiles").load(summary.profile_id).data["avatar"]
    assert saved == want
    # the avatar screen came before the journey
    assert seen.index("avatar") < seen.index("journey")

    # the world drew the player with the chosen look, not the default sprite
    look = {k: v for k, v in want.items() if k != "address"}
    expected = ch.make_character_sheet(**look)
    assert same_pixels(checked["sheet"], expected)
    assert not same_pixels(checked["sheet"], ch.make_character_sheet(**ch.AVATAR_DEFAULT))

    # the event: option indices and the address mode only, never the nickname
    events = read_all_events(tmp_path / "logs")
    [chosen] = [e for e in events if e["event_type"] == "avatar_chosen"]
    opts = ch.AVATAR_OPTIONS
    assert chosen["payload"] == {
        "body": opts["body"].index("broad"), "skin": opts["skin"].index("tan"),
        "hair_style": opts["hair_style"].index("headscarf"), "hair_colour": opts["hair_colour"].index("brown"),
        "top_colour": opts["top_colour"].index("blue"), "bottom_colour": opts["bottom_colour"].index("purple"),
        "address": "friend", "first_time": True}
    assert NICK.lower() not in json.dumps(events).lower()

    # the next session goes straight on (no avatar screen), and the look can be changed from the journey
    seen.clear()

    def second(sp):
        yield from sp.wait_scene("title")
        yield from sp.press("continue")
        yield from sp.wait_scene("journey")
        assert "avatar" not in seen
        yield from sp.press("avatar")
        yield from sp.wait_scene("avatar")
        av = sp.top()
        assert not av.first_time and av.value("hair_style") == "headscarf" and av.value("address") == "friend"
        yield from sp.press("prev:body")                # broad -> slim
        yield from sp.press("prev:address")             # back to the nickname
        yield from sp.press("done")
        yield from sp.wait_scene("journey")
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        sp.app.quit("quit")

    sp2 = ScriptedPlayer(second)
    sp2.manual = frozenset({"avatar"})
    assert run_game(args(tmp_path), headless=True, driver=sp2, deployment=dep, on_app=watch_screens(seen)) == 0
    assert sp2.error is None, sp2.error
    profile = ProfileStore(tmp_path / "profiles").load(summary.profile_id)
    assert profile.data["avatar"]["body"] == "slim" and profile.data["avatar"]["address"] == "nickname"
    changes = sorted((e for e in read_all_events(tmp_path / "logs") if e["event_type"] == "avatar_chosen"),
                     key=lambda e: e["ts_utc"])
    assert [e["payload"]["first_time"] for e in changes] == [True, False]
    assert changes[1]["payload"]["address"] == "nickname"
    assert NICK.lower() not in json.dumps(read_all_events(tmp_path / "logs")).lower()


def test_escape_later_keeps_the_old_look_and_surprise_me_changes_it(tmp_path):
    store = ProfileStore(tmp_path / "profiles")
    p = store.create("Kit")
    p.data["avatar"] = dict(ch.AVATAR_DEFAULT, address="nickname")
    store.save(p, wait=True)
    looks = {}

    def script(sp):
        yield from sp.wait_scene("title")
        yield from sp.press("continue")
        yield from sp.wait_scene("journey")
        yield from sp.press("avatar")
        yield from sp.wait_scene("avatar")
        before = sp.top().look()
        yield from sp.press("random")
        looks["random"] = sp.top().look()
        assert looks["random"] != before
        yield from sp.key(A.CANCEL)                     # later visits: Esc leaves it as it was
        yield from sp.wait_scene("journey")
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        sp.app.quit("quit")

    sp = ScriptedPlayer(script)
    sp.manual = frozenset({"avatar"})
    assert run_game(args(tmp_path), headless=True, driver=sp, deployment=DefaultDeployment()) == 0
    assert sp.error is None, sp.error
    assert store.load(p.id).data["avatar"] == dict(ch.AVATAR_DEFAULT, address="nickname")


def test_name_placeholder_uses_the_chosen_address():
    from game.scenes.avatar import address_for, fill_name

    p = Profile({"nickname": "Sol", "avatar": {}})
    assert fill_name("Hi, {name}! Ready?", p) == "Hi, Sol! Ready?"       # nickname is the default
    p.data["avatar"] = {"address": "friend"}
    assert fill_name("Hi, {name}! Ready?", p) == "Hi, friend! Ready?"
    assert address_for(None) == "friend"
    assert fill_name("No braces here.", p) == "No braces here."


def test_dialogue_box_fills_in_the_name(display):
    from game.content.level import Dialogue
    from game.scenes.dialogue import DialogueScene

    class App:  # just what a DialogueScene needs
        def __init__(self):
            from game.audio import Audio
            from game.scenes.base import SceneStack
            from game.ui.manager import UI

            self.ui, self.audio, self.stack = UI(), Audio(enabled=False), SceneStack()
            self.ctx = type("Ctx", (), {"profile": Profile({"nickname": "Ari", "avatar": {"address": "nickname"}})})()

    app = App()
    scene = DialogueScene(app, Dialogue(speaker="Glim", pages=["Welcome, {name}.", "Off you go, {name}!"]), "d")
    scene.enter()
    assert "Welcome, Ari." in scene.box.text
    scene.advance()
    assert "Off you go, Ari!" in scene.box.text
    scene.exit()


def test_content_check_accepts_name_and_nothing_else_in_braces(tmp_path):
    from game.content.errors import ContentError
    from game.content.level import load_level

    src = ROOT / "levels" / "level1_mood_map"
    folder = tmp_path / "level1_mood_map"
    shutil.copytree(src, folder)
    text = (folder / "level.yaml").read_text("utf-8")
    import yaml

    data = yaml.safe_load(text)
    did = next(iter(data["dialogue"]))
    data["dialogue"][did]["pages"][0] = "Hello, {name}. Glad you came."
    (folder / "level.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    load_level(folder)   # {name} is fine

    data["dialogue"][did]["pages"][0] = "Hello, {nickname}. Glad you came."
    (folder / "level.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    with pytest.raises(ContentError) as e:
        load_level(folder)
    msg = str(e.value)
    assert "level.yaml" in msg and "{nickname}" in msg and "{name}" in msg


def test_every_option_draws_and_a_look_is_built_once(display):
    opts = ch.AVATAR_OPTIONS
    for body in opts["body"]:
        for hair in opts["hair_style"]:
            sheet = ch.make_character_sheet(body=body, hair_style=hair)
            assert sheet.get_size() == (192, 192)
            assert sheet.get_bounding_rect().height > 100   # a figure in every row
    look = dict(ch.AVATAR_DEFAULT, body="round", skin="deep")
    assert ch.avatar_sheet(look) is ch.avatar_sheet(dict(look, address="friend"))   # cached per look
    # a damaged save never breaks the world: unknown values fall back to the default look
    assert ch.avatar_look({"body": "???", "skin": 3, "hair_style": "curly"}) == dict(ch.AVATAR_DEFAULT,
                                                                                   hair_style="curly")


def test_body_labels_are_neutral():
    from game.scenes import avatar

    class Fake(avatar.AvatarScene):
        def __init__(self):   # no app: only the labels
            self.choice = {k: 0 for k in ch.AVATAR_OPTIONS}
            self.choice["address"] = 0

    f = Fake()
    labels = []
    for i in range(len(ch.AVATAR_OPTIONS["body"])):
        f.choice["body"] = i
        labels.append(f.value_text("body"))
    assert labels == [f"Body {i + 1}" for i in range(len(labels))]
    assert not any(w in " ".join(labels).lower() for w in ("boy", "girl", "male", "female", "man", "woman"))


# ------------------------------------------------------------------------------------ big text
from test_thought_scenes import BIG_LOOKS, big_app, problems_now  # noqa: E402,F401


@pytest.mark.parametrize("look", BIG_LOOKS, ids=("200-dyslexia", "200"))
def test_at_200_percent_the_rows_scroll_to_the_focus_and_nothing_is_cut_off(big_app, monkeypatch, look):  # noqa: F811
    import test_text_scale as ts

    from game.input.actions import Action, pointer
    from game.scenes.avatar import ROWS, AvatarScene

    app = big_app
    ts.set_look(app, *look)
    problems: list[str] = []
    try:
        for first in (True, False):
            av = AvatarScene(app, first_time=first)
            app.stack.push(av)
            app.stack.apply()
            problems += problems_now(app, av, monkeypatch, "the first row")
            seen = set()
            for _ in range(len(ROWS) + 2):           # down every row to "That's me!"
                av.handle(Action(A.DOWN))
                problems += problems_now(app, av, monkeypatch, f"row {av.focus}")
                if av.focus < len(ROWS):
                    assert av.row_y(av.focus) is not None, "the focused row is scrolled away"
                    assert f"next:{ROWS[av.focus][0]}" in av.buttons
                seen.add(av.focus)
            assert av.focus == 8 and seen >= {1, 2, 3, 4, 5, 6, 8}     # down from the last row: "That's me!"
            assert av.scroll > 0                     # 200 %: the rows scrolled to follow
            assert av.row_y(len(ROWS)) is not None   # on the buttons: the guide's greeting is in view
            av.handle(Action(A.UP))                  # the last row, with the guide's greeting under it
            assert av.focus == len(ROWS) - 1 and av.row_y(av.focus) is not None
            problems += problems_now(app, av, monkeypatch, "the greeting")
            if av.row_y(len(ROWS)) is None:
                assert av._heights()[-1] + av.row_h > av.view.h   # only when the two can't show at once
            up, _down = av._scroll_marks()
            assert up is not None
            av.handle(pointer(A.POINTER_DOWN, up.center))    # the mouse scrolls back up
            assert av.scroll >= 0
            problems += problems_now(app, av, monkeypatch, "scrolled up with the mouse")
            av.handle(Action(A.PRESS, "next:body"))  # a row's arrow button: its row has the focus and shows
            assert av.focus == 0 and av.row_y(0) is not None and av.scroll == 0
            app.stack.pop()
            app.stack.apply()
    finally:
        ts.set_look(app, 1.0, False)
    assert not problems, "\n".join(problems)
