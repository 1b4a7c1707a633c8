"""Will this computer keep Glimmer's data? School PCs often don't (mandatory profiles, restore-on-
reboot software, a data folder in a temporary place). When it may not, the game says so once at
start and the teacher screen suggests exporting at the end of every session.

Pure apart from looking at a few paths; everything it looks at is injectable for tests.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Mapping

from game.i18n import N_, _, tr

REASONS = {  # English here (marked with N_), translated in ``notice_text``
    "deployment": N_("the school's settings say this computer wipes user data"),
    "mandatory_profile": N_("this Windows account uses a temporary (mandatory) profile"),
    "temporary_folder": N_("the data folder is in a temporary folder"),
}

NOTICE = N_("This computer may not keep Glimmer's progress after you log off ({why}). Ask your teacher to "
            "export at the end of each session (the \"For teachers\" button on the title screen).")


def _inside(path: Path, parent: Path) -> bool:
    try:
        path.resolve().relative_to(parent.resolve())
        return True
    except (ValueError, OSError):
        return False


def persistence_risks(data_root: Path, deployment: Any = None, env: Mapping[str, str] | None = None,
                      home: Path | None = None, temp_dir: str | None = None) -> list[str]:
    """Why the data folder may not survive a log-off or restart (empty: no known reason)."""
    env = os.environ if env is None else env
    declared = getattr(deployment, "data_persists", None)
    if declared is True:
        return []  # IT says it persists: believe them
    risks: list[str] = []
    if declared is False:
        risks.append("deployment")
    profile = Path(env.get("USERPROFILE") or (home or Path.home()))
    if (profile / "NTUSER.MAN").exists():
        risks.append("mandatory_profile")
    temps = {Path(temp_dir or tempfile.gettempdir())}
    if env.get("TEMP"):
        temps.add(Path(env["TEMP"]))
    if any(_inside(data_root, t) for t in temps):
        risks.append("temporary_folder")
    return risks


def notice_text(risks: list[str]) -> str | None:
    if not risks:
        return None
    return tr(NOTICE, why=_(REASONS[risks[0]]))
