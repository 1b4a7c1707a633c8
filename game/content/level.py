"""Level content files (``levels/<id>/level.yaml``): schema, loading and the level list."""
from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from game.content.errors import ContentError, ContentIssue, display_path
from game.content.practice import (AlliesContent, AssertiveContent, PracticeSpot, ProblemsContent,
                                    ReviewContent, ToolkitContent)
from game.content.yamlload import line_of, load_yaml, validate
from game.paths import resource

MAX_WORDS_PER_BOX = 25
MAX_BOXES_BEFORE_ACTION = 3
# Dialogue may say ``{name}``: the dialogue box fills in how the player asked to be called (their
# nickname, or "friend"). Nothing else may appear in braces.
PLACEHOLDERS = ("{name}",)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Dialogue(Strict):
    speaker: Optional[str] = None          # None: a sign or narration
    portrait: Optional[str] = None         # sprite sheet name for the portrait
    pages: list[str] = Field(min_length=1)

    @field_validator("pages")
    @classmethod
    def _pages(cls, pages: list[str]) -> list[str]:
        for i, p in enumerate(pages):
            if not str(p).strip():
                raise ValueError(f"page {i + 1} is empty")
        return pages


class Challenge(Strict):
    id: str
    text: str


class Encounter(Strict):
    """A thought creature in the map (Tiled type ``thought``, ``g_encounter: <key>``).

    ``spot``: a trap-spotting round over ``thoughts``; ``record``: a full catch-check-change thought
    record on ``thoughts[0]``. Thought ids come from ``levels/shared/thoughts.yaml``.
    """
    mode: str = "spot"
    thoughts: list[str] = Field(min_length=1)


class Board(Strict):
    """A planner board in the map (Tiled type ``planner``, ``g_board: <key>``)."""
    mode: str = "week"
    intro: Optional[str] = None


class SortMoment(Strict):
    """Level 1: a moment to sort into thought / feeling / action."""
    id: str
    text: str
    kind: Literal["thought", "feeling", "action"]
    why: str = ""


class Sorting(Strict):
    """A sorting board in the map (Tiled type ``sorting``, ``g_sorting: <key>``)."""
    intro: Optional[str] = None
    moments: list[SortMoment] = Field(min_length=3)


class Breathing(Strict):
    """A calm spot in the map (Tiled type ``breathing``, ``g_breathing: <key>``)."""
    intro: Optional[str] = None
    inhale_s: float = Field(default=4.0, gt=0, le=10)
    hold_s: float = Field(default=2.0, ge=0, le=10)
    exhale_s: float = Field(default=6.0, gt=0, le=12)
    cycles: int = Field(default=4, ge=1, le=12)


class LevelContent(Strict):
    id: str
    number: int = Field(ge=1, le=99)
    title: str
    place: str
    skill: str
    map: str = "map.tmx"
    summary: list[str] = Field(default_factory=list)
    dialogue: dict[str, Dialogue]
    challenge: Optional[Challenge] = None
    encounters: dict[str, Encounter] = Field(default_factory=dict)
    boards: dict[str, Board] = Field(default_factory=dict)
    sorting: dict[str, Sorting] = Field(default_factory=dict)
    breathing: dict[str, Breathing] = Field(default_factory=dict)
    # levels 5-7 (game/content/practice.py): practice spots and their content
    practice: dict[str, PracticeSpot] = Field(default_factory=dict)
    problems: Optional[ProblemsContent] = None
    assertive: Optional[AssertiveContent] = None
    allies: Optional[AlliesContent] = None
    review: Optional[ReviewContent] = None
    toolkit: Optional[ToolkitContent] = None


class Level:
    """A level folder: content + the path of its map."""

    def __init__(self, folder: Path, content: LevelContent) -> None:
        self.folder = folder
        self.content = content

    @property
    def id(self) -> str:
        return self.content.id

    @property
    def map_path(self) -> Path:
        return self.folder / self.content.map

    @property
    def content_path(self) -> Path:
        return self.folder / "level.yaml"


def words(text: str) -> int:
    return len(str(text).split())


def placeholder_problem(text: str) -> str | None:
    """Why ``text`` has braces other than the allowed placeholders, or None."""
    rest = str(text)
    for ph in PLACEHOLDERS:
        rest = rest.replace(ph, "")
    at = [i for i in (rest.find("{"), rest.find("}")) if i >= 0]
    if not at:
        return None
    return f"only {', '.join(PLACEHOLDERS)} may appear in braces (found {rest[min(at):min(at) + 20]!r})"


def load_level(folder: Path) -> Level:
    path = folder / "level.yaml"
    data = load_yaml(path)
    content = validate(LevelContent, data, path)
    issues: list[ContentIssue] = []
    name = display_path(path)
    if content.id != folder.name:
        issues.append(ContentIssue(name, line_of(data, ("id",)), f"id {content.id!r} must match the folder name {folder.name!r}"))
    for did, dlg in content.dialogue.items():
        if len(dlg.pages) > MAX_BOXES_BEFORE_ACTION:
            issues.append(ContentIssue(name, line_of(data, ("dialogue", did)),
                                       f"dialogue {did!r} has {len(dlg.pages)} boxes; at most {MAX_BOXES_BEFORE_ACTION} before the player acts"))
        for i, page in enumerate(dlg.pages):
            if words(page) > MAX_WORDS_PER_BOX:
                issues.append(ContentIssue(name, line_of(data, ("dialogue", did, "pages", i)),
                                           f"dialogue {did!r} box {i + 1} has {words(page)} words; at most {MAX_WORDS_PER_BOX}"))
            bad = placeholder_problem(page)
            if bad:
                issues.append(ContentIssue(name, line_of(data, ("dialogue", did, "pages", i)),
                                           f"dialogue {did!r} box {i + 1}: {bad}"))
    if not (folder / content.map).exists():
        issues.append(ContentIssue(name, line_of(data, ("map",)), f"map file {content.map!r} is missing"))
    from game.content.practice import check_practice

    issues.extend(check_practice(content, data, name))
    if issues:
        raise ContentError(issues)
    return Level(folder, content)


def levels_root() -> Path:
    return resource("levels")


def level_folders(root: Path | None = None) -> list[Path]:
    root = root or levels_root()
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "level.yaml").exists())


def load_all_levels(root: Path | None = None) -> tuple[list[Level], list[ContentIssue]]:
    levels, issues = [], []
    for folder in level_folders(root):
        try:
            levels.append(load_level(folder))
        except ContentError as e:
            issues.extend(e.issues)
    levels.sort(key=lambda lv: lv.content.number)
    return levels, issues
