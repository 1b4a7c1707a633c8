"""Content errors always name the file and, where known, the line."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class ContentIssue:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class ContentError(Exception):
    """One or more problems in content files; str() lists them all, one per line."""

    def __init__(self, issues: list[ContentIssue] | ContentIssue | str, file: str | Path | None = None) -> None:
        if isinstance(issues, str):
            issues = [ContentIssue(str(file or "?"), None, issues)]
        elif isinstance(issues, ContentIssue):
            issues = [issues]
        self.issues = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))


def display_path(path: str | Path) -> str:
    """A path relative to the resource root when possible (never a full home path)."""
    from game.paths import resource_root, scrub_home

    p = Path(path)
    try:
        return p.resolve().relative_to(resource_root()).as_posix()
    except ValueError:
        return scrub_home(str(p))
