"""Level content files (``levels/<id>/level.yaml``): schema, loading and the level list."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from game.content.errors import ContentError, ContentIssue, display_path
from game.content.yamlload import line_of, load_yaml, validate
from game.paths import resource

MAX_WORDS_PER_BOX = 25
MAX_BOXES_BEFORE_ACTION = 3


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
    if not (folder / content.map).exists():
        issues.append(ContentIssue(name, line_of(data, ("map",)), f"map file {content.map!r} is missing"))
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
