"""The translation system: .po catalogs keyed by the English text, content translated at load."""
import pytest

from game import i18n


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


def test_po_round_trip_with_escapes_and_fuzzy(tmp_path):
    text = '\n'.join([
        'msgid ""', 'msgstr ""', '"Language: nl\\n"', '',
        '#: game/x.py:1', 'msgid "Say \\"hi\\", {name}!"', 'msgstr "Zeg \\"hoi\\", {name}!"', '',
        '#, fuzzy', 'msgid "Old"', 'msgstr "Oud"', '',
        'msgid "Two"', '"lines"', 'msgstr "Twee"', '"regels"', ''])
    entries = {e["msgid"]: e for e in i18n.parse_po(text)}
    assert entries['Say "hi", {name}!']["msgstr"] == 'Zeg "hoi", {name}!'
    assert entries["Old"]["fuzzy"] and entries["Twolines"]["msgstr"] == "Tweeregels"
    assert i18n.quote('a "b"\nc') == '"a \\"b\\"\\nc"'


def test_missing_translations_fall_back_to_english_and_placeholders_fill(monkeypatch):
    monkeypatch.setitem(i18n._catalogs, "nl", {"Hello {name}": "Hallo {name}", "Bye": "Doei"})
    assert i18n.set_language("nl") == "nl"
    assert i18n._("Bye") == "Doei" and i18n._("Not there") == "Not there"
    assert i18n.tr("Hello {name}", name="Sam") == "Hallo Sam"
    assert i18n.set_language("xx") == "en" and i18n._("Bye") == "Bye"
    assert i18n.placeholders("{a} and {b_2} not {3}") == {"{a}", "{b_2}"}


def test_content_is_translated_at_load_but_ids_are_not(tmp_path, monkeypatch):
    from game.content.yamlload import load_yaml

    f = tmp_path / "level.yaml"
    f.write_text('id: l1\ndialogue:\n  a:\n    pages: ["Hi there.", "Go north."]\nsummary: ["Thoughts link up."]\n',
                 encoding="utf-8")
    monkeypatch.setitem(i18n._catalogs, "nl", {"Hi there.": "Hoi daar.", "Thoughts link up.": "Gedachten hangen samen."})
    i18n.set_language("nl")
    data = load_yaml(f)
    assert data["id"] == "l1" and data["dialogue"]["a"]["pages"] == ["Hoi daar.", "Go north."]
    assert data["summary"] == ["Gedachten hangen samen."]
    assert load_yaml(f, translate=False)["dialogue"]["a"]["pages"][0] == "Hi there."


# ---------------------------------------------------------------------- the real app in Dutch
def _play_consent_and_sorting(tmp_path, lang: str) -> dict:
    """Run the real app in ``lang``: a profile, the consent screen (a typo, then the right code),
    then level 1's mood board with a fixed set of choices (the first one wrong on purpose).
    Returns what the player saw and every event payload, in order."""
    from argparse import Namespace

    from game.input.actions import A
    from game.mechanics.sorting import KINDS
    from game.runner import run_game
    from game.scenes.sorting import SortingScene
    from game.scripted import ScriptedPlayer
    from game.selftest import mistyped
    from tests.test_consent_facilitator import CODE_A, deployment, new_profile

    seen: dict = {"events": [], "texts": []}

    def shown(sp):
        scene = sp.top()
        seen["texts"].extend(b.text for b in scene.buttons.values())

    def script(sp):
        sp.app.ctx.bus.subscribe(lambda e: seen["events"].append((e.type, dict(e.payload))))
        sp.app.ctx.rng.seed(7)   # the same shuffles in both languages
        yield from new_profile(sp)
        yield from sp.wait_scene("consent")
        shown(sp)
        yield from sp.press("yes")
        shown(sp)
        yield from sp.key(A.TEXT, mistyped(CODE_A))
        yield from sp.press("submit")
        seen["typo_message"] = sp.top().message
        yield from sp.key(A.TEXT, CODE_A)
        yield from sp.press("submit")
        yield from sp.press("continue")
        yield from sp.wait_scene("journey")
        yield from sp.press(f"level:{sp.app.ctx.levels[0].id}")
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "the level", 900)
        while sp.top().name != "play":          # level-start dialogue / mood check-in
            yield from sp.key(A.CANCEL)
            for _ in range(5):
                yield None
        play = sp.top()
        scene = SortingScene(sp.app, play, next(iter(play.level.content.sorting)))
        sp.app.stack.push(scene)
        yield None
        shown(sp)
        m = scene.round.current
        yield from sp.press("bin:" + next(k for k in KINDS if k != m.kind))
        seen["feedback"] = scene.result.feedback
        yield from sp.press("bin:" + m.kind)
        seen["head_texts"] = [b.text for b in scene.buttons.values()]
        yield from sp.press("leave")
        yield from sp.wait_scene("play")

    i18n.set_language(lang)
    sp = ScriptedPlayer(script)
    args = Namespace(data_dir=str(tmp_path), portable=False, deployment=None, lang=lang, fullscreen=False)
    rc = run_game(args, headless=True, driver=sp, deployment=deployment())
    assert rc == 0 and sp.error is None, (sp.error, sp.log[-6:])
    return seen


def _comparable(events):
    """Event payloads without timing (reaction times and durations differ run to run) and without
    the session's language setting (the one field that should differ)."""
    drop = {"reaction_ms", "duration_ms", "language"}
    return [(t, {k: v for k, v in p.items() if k not in drop}) for t, p in events]


def test_the_real_app_shows_dutch_and_logs_the_same_ids_in_both_languages(tmp_path):
    nl = _play_consent_and_sorting(tmp_path / "nl", "nl")
    # Dutch on the consent screen, in the code checker's message, and on the mood board
    assert "Ja, ik doe mee" in nl["texts"] and "Nee, liever niet" in nl["texts"]
    assert "Heb ik nog niet" in nl["texts"] and "Yes, I'll take part" not in nl["texts"]
    assert nl["typo_message"].endswith("Geen zorgen, probeer het gewoon nog eens.")
    assert {"Gedachte", "Gevoel", "Actie", "Nu stoppen"} <= set(nl["texts"])
    assert nl["feedback"].startswith("Niet helemaal")

    en = _play_consent_and_sorting(tmp_path / "en", "en")
    assert "Yes, I'll take part" in en["texts"] and en["feedback"].startswith("Not quite")
    # the same choices log the same events with the same ids and values: never translated text
    assert _comparable(nl["events"]) == _comparable(en["events"])
    types = [t for t, _p in nl["events"]]
    assert "consent_decided" in types and types.count("moment_sorted") == 2
    sorted_payloads = [p for t, p in nl["events"] if t == "moment_sorted"]
    assert all(p["chosen"] in ("thought", "feeling", "action") for p in sorted_payloads)


def test_marked_tables_are_extracted_and_translated_when_shown():
    """Module-level tables stay English (N_ marks them); _() translates them where they're drawn."""
    from game.mechanics.breathing import BreathState
    from game.mechanics.sorting import HINTS
    from game.mechanics.thinking import feeling_name
    from game.mechanics.progression import opens_text
    from datetime import date
    from tools.translations import code_strings

    found = code_strings()
    assert HINTS["action"] in found and "left out" in found and "Breathe in" in found
    i18n.set_language("nl")
    assert HINTS["action"].startswith("Actions")              # the table itself stays English
    assert i18n._(HINTS["action"]).startswith("Acties")
    assert feeling_name("left_out") == "buitengesloten"
    assert BreathState("in", 0, 0.0, 4, 0.0).words == "Adem in"
    assert opens_text(date(2025, 3, 5), date(2025, 3, 4)) == "morgen"
    assert opens_text(date(2025, 3, 17), date(2025, 3, 4)) == "op maandag 17 maart"
    i18n.set_language("en")
    assert opens_text(date(2025, 3, 17), date(2025, 3, 4)) == "on Monday 17 March"


def test_every_string_is_translated_with_the_same_placeholders():
    """tools/translations.py check: no language misses a string (code, content, map names) or changes a
    {placeholder}."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "tools" / "translations.py"
    spec = importlib.util.spec_from_file_location("i18n_tool", path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for lang in i18n.LANGUAGES:
        if lang != i18n.SOURCE_LANGUAGE:
            assert tool.problems(lang) == []


# ---------------------------------------------------------------------- switching language in the game
def _run(tmp_path, script, lang=None):
    """The real app, headless, with a scripted player; no research (no consent screen)."""
    from argparse import Namespace

    from game.deployment import Deployment
    from game.runner import run_game
    from game.scripted import ScriptedPlayer

    sp = ScriptedPlayer(script)
    args = Namespace(data_dir=str(tmp_path), portable=False, deployment=None, lang=lang, fullscreen=False)
    rc = run_game(args, headless=True, driver=sp, deployment=Deployment())
    assert rc == 0 and sp.error is None, (sp.error, sp.log[-8:])
    return sp


def _texts(scene) -> list[str]:
    return [b.text for b in scene.buttons.values()]


def test_switching_language_in_settings_changes_every_screen_and_the_level_and_is_kept(tmp_path):
    """Start in English, open a level, switch to Dutch in the pause menu's settings: the pause
    menu, the level's title chip and its dialogue are Dutch at once; the profile keeps the choice
    after a restart (while a fresh start stays in the start-up language)."""
    from game.input.actions import A

    seen: dict = {}

    def script(sp):
        app = sp.app
        events = []
        app.ctx.bus.subscribe(lambda e: events.append((e.type, dict(e.payload))))
        yield from sp.wait_scene("title")
        seen["title_en"] = _texts(sp.top())
        yield from sp.new_profile("Robin")
        yield from sp.wait_scene("journey")
        first = app.ctx.levels[0]
        yield from sp.press(f"level:{first.id}")
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "the level", 900)
        while sp.top().name != "play":          # level-start dialogue / mood check-in
            yield from sp.key(A.CANCEL)
            for _n in range(5):
                yield None
        play = sp.top()
        en = play.level.content
        nl_catalog = i18n.load_catalog("nl")
        did = next(d for d, dlg in en.dialogue.items() if nl_catalog.get(dlg.pages[0], dlg.pages[0]) != dlg.pages[0])
        seen["dialogue_en"] = en.dialogue[did].pages[0]
        seen["title_chip_en"] = f"{en.number}. {en.title}"
        # pause -> settings -> Language: Nederlands
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        pause = sp.top()
        assert "Resume" in _texts(pause)
        yield from sp.press("settings")
        yield from sp.wait_scene("settings")
        settings = sp.top()
        assert settings.buttons["language"].text == "Language: English"
        yield from sp.press("language")
        seen["settings_nl"] = _texts(settings)
        seen["pause_nl"] = _texts(pause)                     # laid out again under the settings screen
        seen["help_nl"] = app.help_button.text
        yield from sp.press("done")
        yield from sp.wait_scene("pause")
        yield from sp.press("resume")
        yield from sp.wait_scene("play")
        nl = play.level.content                              # the play scene swapped in the Dutch level
        seen["title_chip_nl"] = f"{nl.number}. {nl.title}"
        seen["level_title_i18n"] = i18n._(en.title)
        play.open_dialogue(did)
        yield from sp.wait_scene("dialogue")
        seen["dialogue_nl"] = sp.top().parts[0][1]
        seen["dialogue_nl_expected"] = i18n._(seen["dialogue_en"])
        yield from sp.read_dialogue()
        seen["settings_event"] = next(p for t, p in events if t == "settings_changed")
        seen["speak_language"] = app.ctx.language
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.press("leave")
        yield from sp.wait_scene("journey")
        seen["journey_nl"] = _texts(sp.top())
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        seen["title_nl"] = _texts(sp.top())
        yield from sp.finish_with("quit")

    _run(tmp_path, script)
    assert "New game" in seen["title_en"]
    assert "Language: English" not in seen["settings_nl"] and "Taal (Language): Nederlands" in seen["settings_nl"]
    assert "Klaar" in seen["settings_nl"]
    assert "Verder spelen" in seen["pause_nl"] and "Resume" not in seen["pause_nl"]
    assert seen["help_nl"] == "Hulp"
    assert seen["title_chip_nl"] != seen["title_chip_en"] and seen["title_chip_nl"].endswith(seen["level_title_i18n"])
    assert seen["dialogue_nl"] == seen["dialogue_nl_expected"] != seen["dialogue_en"]
    assert seen["settings_event"]["changed"] == ["language"] and seen["speak_language"] == "nl"
    assert "Mijn uiterlijk" in seen["journey_nl"]
    assert "Verder als Robin" in seen["title_nl"] and "Instellingen" in seen["title_nl"]

    # a restart in the start-up language (English): the title is English until Robin is chosen,
    # then Robin's Dutch applies everywhere
    i18n.set_language("en")
    again: dict = {}

    def script2(sp):
        yield from sp.wait_scene("title")
        again["title"] = _texts(sp.top())
        yield from sp.press("continue")
        yield from sp.wait_scene("journey")
        again["journey"] = _texts(sp.top())
        again["language"] = (sp.app.ctx.language, i18n.language())
        again["levels"] = [lv.content.title for lv in sp.app.ctx.levels]
        yield from sp.press("title")
        yield from sp.wait_scene("title")
        again["title_after"] = _texts(sp.top())
        yield from sp.finish_with("quit")

    _run(tmp_path, script2)
    assert "Continue as Robin" in again["title"]
    assert "Mijn uiterlijk" in again["journey"] and again["language"] == ("nl", "nl")
    assert seen["level_title_i18n"] in again["levels"]
    assert "Verder als Robin" in again["title_after"]


def test_lang_nl_on_the_command_line_starts_in_dutch(tmp_path):
    """`python main.py --lang nl`: the title screen is Dutch from the first frame."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    probe = (
        "import json, runpy, sys\n"
        "from game.scenes import title\n"
        "build = title.TitleScene.build\n"
        "def spy(self):\n"
        "    build(self)\n"
        "    print('TITLE ' + json.dumps([b.text for b in self.buttons.values()]), flush=True)\n"
        "title.TitleScene.build = spy\n"
        f"sys.argv = ['main.py', '--lang', 'nl', '--data-dir', {str(tmp_path / 'd')!r}]\n"
        f"runpy.run_path({str(root / 'main.py')!r}, run_name='__main__')\n")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", GLIMMER_EXIT_WHEN_READY="1")
    out = subprocess.run([sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    line = next(x for x in out.stdout.splitlines() if x.startswith("TITLE "))
    texts = json.loads(line[6:])
    assert "Nieuw spel" in texts and "Instellingen" in texts and "Stoppen" in texts
    assert "New game" not in texts
