"""deployment.toml: every mistake is shown with its line and what is expected; never a traceback."""
import base64
from pathlib import Path

import pytest

from game import deployment as dmod
from game.deployment import Deployment, check_pin, hash_pin, load_deployment, parse_deployment

ROOT = Path(__file__).resolve().parent.parent
KEY = base64.b64encode(bytes(range(32))).decode()


def test_template_in_repo_is_valid_and_safe():
    dep = load_deployment(ROOT / "deployment.toml")
    assert dep.issues == []
    assert dep.research_enabled is False
    assert dep.language == "en" and dep.pacing == "free"
    assert any("116 111" in h["number"] for h in dep.helplines)
    assert any("emergency" in h["text"].lower() for h in dep.helplines)


def test_template_explains_every_key():
    text = (ROOT / "deployment.toml").read_text("utf-8")
    for key in dmod.KNOWN:
        leaf = key.split(".")[-1]
        if key == "helplines":
            continue
        assert f"{leaf} =" in text or f"{leaf}=" in text, key
    comment_lines = [ln for ln in text.splitlines() if ln.strip().startswith("#")]
    assert len(comment_lines) > 30


def test_defaults_without_a_file(monkeypatch, tmp_path):
    monkeypatch.setattr(dmod, "candidate_paths", lambda explicit=None: [tmp_path / "none.toml"])
    dep = load_deployment()
    assert dep.source is None and dep.issues == [] and dep.research_enabled is False
    assert [h["number"] for h in dep.helplines][:1] == ["116 111"]


def test_search_order(monkeypatch, tmp_path):
    beside, site = tmp_path / "prog", tmp_path / "site"
    beside.mkdir(), site.mkdir()
    (site / "deployment.toml").write_text('[programme]\nname = "Site"\n')
    monkeypatch.setattr("game.paths.program_dir", lambda: beside)
    monkeypatch.setattr(dmod, "site_config_path", lambda: site / "deployment.toml")
    assert load_deployment().programme_name == "Site"
    (beside / "deployment.toml").write_text('[programme]\nname = "Beside"\n')
    assert load_deployment().programme_name == "Beside"
    other = tmp_path / "x.toml"
    other.write_text('[programme]\nname = "Explicit"\n')
    assert load_deployment(other).programme_name == "Explicit"
    missing = load_deployment(tmp_path / "nope.toml")
    assert missing.issues and "not found" in missing.issues[0].message


def test_full_valid_file():
    pin = hash_pin("4321")
    dep = parse_deployment(f'''
[programme]
name = "Sterk Spel"
language = "nl"
pacing = 7
[[helplines]]
name = "Kindertelefoon"
number = "0800-0432"
hours = "dag en nacht"
[research]
enabled = true
study_id = "glm24"
public_key = "{KEY}"
allow_free_text_export = true
[data]
folder = "~/glimmer-data"
[facilitator]
pin_hash = "{pin}"
''')
    assert dep.issues == []
    assert dep.programme_name == "Sterk Spel" and dep.language == "nl" and dep.pacing == {"days": 7}
    assert dep.helplines == [{"name": "Kindertelefoon", "number": "0800-0432", "hours": "dag en nacht"}]
    assert dep.research_enabled and dep.study_id == "GLM24" and dep.public_key == KEY
    assert dep.key_id and len(dep.key_id) == 12
    assert dep.allow_free_text_export and dep.data_dir == "~/glimmer-data"
    assert dep.check_pin("4321") and not dep.check_pin("1234")


@pytest.mark.parametrize("text, line, key, words", [
    ('[programme]\nlangauge = "en"\n', 2, "programme.langauge", 'did you mean "language"'),
    ('[programme]\nlanguage = "fr"\n', 2, "programme.language", '"en"'),
    ('[programme]\n\npacing = "weekly"\n', 3, "programme.pacing", "free"),
    ('[programme]\npacing = 0\n', 2, "programme.pacing", "number of days"),
    ('[research]\nenabled = "yes"\n', 2, "research.enabled", "true or false"),
    (f'[research]\nenabled = true\nstudy_id = "GLM24"\npublic_key = "{KEY[:-4]}"\n', 4, "research.public_key", "44"),
    ('[research]\nenabled = true\nstudy_id = "GLM24"\n', 2, "research.public_key", "study-public.key"),
    ('[research]\nstudy_id = "no spaces allowed!"\n', 2, "research.study_id", "letters or digits"),
    ('[facilitator]\npin_hash = "1234"\n', 2, "facilitator.pin_hash", "python main.py pin"),
    ('[reserch]\nenabled = true\n', None, "reserch", 'did you mean "research"'),
    ('language = "en"\n', 1, "language", "[programme]"),
    ('[[helplines]]\nname = "X"\nnumbr = "1"\n', 3, "helplines.numbr", 'did you mean "number"'),
    ('[programme]\nname = "unterminated\n', 2, "", "quotes"),
    ('[data]\nfolder = 5\n', 2, "data.folder", "folder path"),
])
def test_each_mistake_is_reported_with_line_and_expectation(text, line, key, words):
    dep = parse_deployment(text)
    assert dep.issues, text
    matching = [i for i in dep.issues if i.key == key]
    assert matching, [str(i) for i in dep.issues]
    issue = matching[0]
    if line is not None:
        assert issue.line == line
    assert words in f"{issue.message} {issue.expected}"
    assert str(issue)  # printable for the screen


def test_research_stays_off_when_anything_about_it_is_wrong():
    dep = parse_deployment('[research]\nenabled = true\nstudy_id = "GLM24"\npublic_key = "abc"\n')
    assert dep.research_enabled is False and dep.issues


def test_bad_pin_hash_keeps_the_screen_locked():
    dep = parse_deployment('[facilitator]\npin_hash = "1234"\n')
    assert dep.pin_required and not dep.check_pin("1234")


def test_no_pin_means_open():
    assert Deployment().check_pin("anything")


def test_pin_hash_roundtrip_and_salted():
    a, b = hash_pin("2468"), hash_pin("2468")
    assert a != b and check_pin("2468", a) and check_pin("2468", b)
    assert not check_pin("2469", a) and not check_pin("2468", "garbage")
    with pytest.raises(ValueError):
        hash_pin("12")


def test_not_utf8_and_binary_files(tmp_path):
    p = tmp_path / "deployment.toml"
    p.write_bytes(b"\xff\xfe\x00garbage")
    dep = load_deployment(p)
    assert dep.issues and "UTF-8" in dep.issues[0].message


def test_pin_command(capsys, monkeypatch):
    import io

    from game.research.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("8642\n"))
    assert main(["pin", "--stdin"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith('pin_hash = "scrypt$')
    dep = parse_deployment("[facilitator]\n" + line + "\n")
    assert dep.issues == [] and dep.check_pin("8642")


def test_export_command_shows_deployment_errors(tmp_path, capsys):
    from game.research.cli import main

    bad = tmp_path / "deployment.toml"
    bad.write_text('[research]\nenabeld = true\n')
    rc = main(["export", "--out", str(tmp_path / "out"), "--deployment", str(bad), "--data-dir", str(tmp_path / "d")])
    err = capsys.readouterr().err
    assert rc == 2
    assert "line 2" in err and 'did you mean "enabled"' in err
    assert "Traceback" not in err


# ---------------------------------------------------------------------- the problems in the counsellor's language
BROKEN = '[programme]\nlanguage = "nl"\nlangauge = "en"\n\n[research]\nenabled = "yes"\n'


@pytest.fixture
def language():
    """Switch the game's language in a test; English again afterwards."""
    from game import i18n

    before = i18n.language()
    yield i18n.set_language
    i18n.set_language(before)


def test_problem_lines_are_shown_in_the_language_in_force(language):
    language("en")
    dep = parse_deployment(BROKEN)       # read once, before (and whatever) the language is
    assert dep.language == "nl"          # the file's own language is still read
    assert dep.issue_lines() == [
        'deployment.toml, line 3: programme.langauge: unknown key "langauge" (expected: did you mean "language"?)',
        "deployment.toml, line 6: research.enabled: got 'yes' (expected: true or false)"]
    language("nl")
    assert dep.issue_lines() == [
        'deployment.toml, regel 3: programme.langauge: onbekende sleutel "langauge" (verwacht: bedoel je "language"?)',
        "deployment.toml, regel 6: research.enabled: gevonden: 'yes' (verwacht: true of false)"]
    # logs and crash reports keep the English text; so do the fields the CLI and tests read
    assert str(dep.issues[0]) == \
        'line 3: programme.langauge: unknown key "langauge" (expected: did you mean "language"?)'
    assert dep.issues[0].message == 'unknown key "langauge"' and dep.issue_lines(translate=False)[0].startswith(
        "deployment.toml, line 3:")
    language("en")
    assert dep.issue_lines()[0].startswith("deployment.toml, line 3: programme.langauge: unknown key")


@pytest.mark.parametrize("text, line, key", [
    ('[programme]\nlanguage = "fr"\n', 2, "programme.language"),
    ('[programme]\n\npacing = "weekly"\n', 3, "programme.pacing"),
    ('[programme]\npacing = 0\n', 2, "programme.pacing"),
    ('[programme]\nname = 5\n', 2, "programme.name"),
    (f'[research]\nenabled = true\nstudy_id = "GLM24"\npublic_key = "{KEY[:-4]}"\n', 4, "research.public_key"),
    ('[research]\nenabled = true\nstudy_id = "GLM24"\npublic_key = "not base64!"\n', 4, "research.public_key"),
    ('[research]\nenabled = true\nstudy_id = "GLM24"\n', 2, "research.public_key"),
    ('[research]\nstudy_id = "no spaces allowed!"\n', 2, "research.study_id"),
    ('[facilitator]\npin_hash = "1234"\n', 2, "facilitator.pin_hash"),
    ('[reserch]\nenabled = true\n', None, "reserch"),
    ('language = "en"\n', 1, "language"),
    ('research = 5\n', 1, "research"),
    ('[[helplines]]\nname = "X"\nnumbr = "1"\n', 3, "helplines.numbr"),
    ('[[helplines]]\nname = "X"\n', 1, "helplines.number"),
    ('helplines = []\n', 1, "helplines"),
    ('[programme]\nname = "unterminated\n', 2, ""),
    ('[data]\nfolder = 5\n', 2, "data.folder"),
    ('[data]\npersistent = "no"\n', 2, "data.persistent"),
])
def test_every_problem_reads_in_dutch_with_its_line_and_key(language, text, line, key):
    dep = parse_deployment(text)
    issue = next(i for i in dep.issues if i.key == key)
    language("en")
    en = issue.text()
    language("nl")
    nl = issue.text()
    assert en == str(issue)
    assert nl != en, en                                          # translated, not English
    if line is not None:
        assert en.startswith(f"line {line}: ") and nl.startswith(f"regel {line}: ")
    if key:
        assert f"{key}: " in en and f"{key}: " in nl             # the key stays as it is in the file
    assert ("(expected: " in en) == ("(verwacht: " in nl)


def test_startup_tells_the_problems_in_the_chosen_language(tmp_path, capsys, language):
    """--lang nl, or the language the file asks for: the counsellor reads Dutch; --lang en: English."""
    from argparse import Namespace

    from game.boot import StartupProblem
    from game.boot import load_deployment as boot_load
    from game.runner import run_game

    bad = tmp_path / "deployment.toml"
    bad.write_text(BROKEN, encoding="utf-8")
    args = Namespace(data_dir=str(tmp_path / "data"), portable=False, deployment=str(bad), lang="nl",
                     fullscreen=False)
    assert run_game(args, headless=True) == 2
    err = capsys.readouterr().err
    assert "regel 3: programme.langauge: onbekende sleutel" in err and "regel 6: research.enabled" in err
    assert "Traceback" not in err

    language("en")                       # no --lang: the file's own language (nl) is used
    with pytest.raises(StartupProblem) as no_lang:
        boot_load(str(bad))
    assert "regel 3: programme.langauge" in no_lang.value.text
    language("en")
    with pytest.raises(StartupProblem) as english:
        boot_load(str(bad), lang="en")
    assert "line 3: programme.langauge: unknown key \"langauge\" (expected: did you mean \"language\"?)" \
        in english.value.text
    assert "regel" not in english.value.text
