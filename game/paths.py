"""Two roots that never mix.

* ``resource(...)``: read-only files shipped with the game (the source tree, or the frozen bundle).
* ``DataDirs``: the writable user-data folder. From source it is ``saves/`` in the repository;
  frozen it is the per-user data folder (platformdirs), or ``saves/`` beside the program with
  ``--portable``; ``--data-dir DIR`` (or ``GLIMMER_DATA_DIR``) overrides both.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Glimmer"
DATA_DIR_ENV = "GLIMMER_DATA_DIR"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_root() -> Path:
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def program_dir() -> Path:
    """The folder the program lives in (where deployment.toml and portable saves/ sit)."""
    if is_frozen():
        exe_dir = Path(sys.executable).resolve().parent
        # macOS: the program is Glimmer.app/Contents/MacOS/Glimmer; the counsellor's
        # deployment.toml (and portable saves/) sit beside Glimmer.app, never inside the bundle
        if sys.platform == "darwin" and exe_dir.name == "MacOS" and exe_dir.parent.name == "Contents" \
                and exe_dir.parent.parent.suffix == ".app":
            return exe_dir.parent.parent.parent
        return exe_dir
    return resource_root()


def resource(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def default_data_dir(portable: bool = False) -> Path:
    if not is_frozen() or portable:
        return program_dir() / "saves"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(cli_dir: str | None = None, portable: bool = False,
                     config_dir: str | None = None) -> Path:
    """Pick the data folder: --data-dir, then the environment, then deployment.toml, then default."""
    for candidate in (cli_dir, os.environ.get(DATA_DIR_ENV), config_dir):
        if candidate:
            return Path(os.path.expandvars(os.path.expanduser(candidate))).resolve()
    return default_data_dir(portable).resolve()


@dataclass(frozen=True)
class DataDirs:
    root: Path

    @property
    def profiles(self) -> Path:
        return self.root / "profiles"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def crash(self) -> Path:
        return self.root / "crash"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def installation_file(self) -> Path:
        return self.root / "installation.json"

    @property
    def lock_file(self) -> Path:
        return self.root / ".glimmer.lock"

    def ensure(self) -> None:
        for p in (self.root, self.profiles, self.logs, self.crash):
            p.mkdir(parents=True, exist_ok=True)


def scrub_home(text: str) -> str:
    """Replace the home folder (and user name in it) with ~ in text bound for logs."""
    home = str(Path.home())
    if home and home != "/":
        text = text.replace(home, "~")
    return text
