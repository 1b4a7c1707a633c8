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


def test_release_lock_pins_every_dependency_with_hashes_for_every_platform():
    """Release builds install from requirements/build.lock.txt with --require-hashes."""
    import re

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
    lock = (root / "requirements" / "build.lock.txt").read_text("utf-8")
    pinned = {m.group(1).lower().replace("_", "-"): m.group(2)
              for m in re.finditer(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", lock, re.M)}
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    for req in wanted:
        if "python_version < '3.11'" in req:
            continue  # the lock is for the Python 3.11 the builds use
        name = re.split(r"[<>=!~;\[ ]", req, maxsplit=1)[0].lower().replace("_", "-")
        assert name in pinned, f"{name} is not in the lock file: run make lock"
    blocks = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n", 2)[-1])
    assert all("--hash=sha256:" in b for b in blocks if "==" in b)
    # PyInstaller's per-platform helpers are there too (a universal lock)
    assert {"pefile", "pywin32-ctypes", "macholib"} <= set(pinned)
    assert "pygame" not in pinned  # only pygame-ce


def test_frozen_program_dir_is_beside_the_mac_app_bundle(monkeypatch, tmp_path):
    """deployment.toml sits beside Glimmer.app (inside the bundle would break its signature)."""
    import sys

    from game import paths

    exe = tmp_path / "Glimmer.app" / "Contents" / "MacOS" / "Glimmer"
    exe.parent.mkdir(parents=True)
    exe.write_text("")
    monkeypatch.setattr(paths, "is_frozen", lambda: True)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert paths.program_dir() == tmp_path.resolve()
    monkeypatch.setattr(sys, "platform", "win32")
    assert paths.program_dir() == exe.parent.resolve()
