"""Project set-up: pygame-ce only, the README's two commands, CI runs the test command."""
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_plain_pygame_is_not_installed():
    names = {d.metadata["Name"].lower() for d in metadata.distributions()}
    assert "pygame-ce" in names
    assert "pygame" not in names, "plain pygame breaks pygame_gui; depend on pygame-ce only"


def test_pyproject_never_names_plain_pygame():
    text = (ROOT / "pyproject.toml").read_text()
    assert '"pygame-ce' in text
    assert '"pygame>' not in text and '"pygame"' not in text and '"pygame=' not in text


def test_readme_gives_two_commands_first_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    head = readme.split("\n## ", 1)[0]
    assert "make play" in head and "make test" in head
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_saves_folder_is_empty_in_git():
    import subprocess

    out = subprocess.run(["git", "ls-files", "saves"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert all(Path(p).name in (".gitkeep", "README.md") for p in out)


def test_mechanics_never_import_pygame():
    for path in (ROOT / "game" / "mechanics").rglob("*.py"):
        assert "import pygame" not in path.read_text(), path


def test_help_lists_commands(capsys):
    import pytest

    from game.cli import main

    with pytest.raises(SystemExit) as e:
        main(["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    for cmd in ("play", "selftest", "bench", "check"):
        assert cmd in out
