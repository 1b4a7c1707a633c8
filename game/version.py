"""Version and build identity (the build id is stamped into frozen builds by build.spec)."""
from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path

APP_VERSION = "0.1.0"


@lru_cache(maxsize=1)
def build_id() -> str:
    """The commit the program was built from: `_build_info.py` when frozen, git from source."""
    try:
        from game import _build_info  # type: ignore[attr-defined]

        return str(_build_info.BUILD_ID)
    except Exception:
        pass
    root = Path(__file__).resolve().parent.parent
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=root, capture_output=True, text=True, timeout=2,
        )
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except Exception:
        pass
    return "dev"
