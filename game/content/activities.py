"""Schema and loader for the activity cards (levels/shared/activities.yaml).

``load_activities(path)`` returns a :class:`game.mechanics.activities.Catalogue` or raises
``ContentError`` naming the file and line of every problem; ``check_activities(path)`` returns the
problems as a list (empty when the file is fine) for the ``check`` command.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from game.content.errors import ContentError, ContentIssue, display_path
from game.content.yamlload import load_yaml, validate
from game.mechanics.activities import CATEGORIES, PICTURES, SIZES, Activity, Catalogue, CategoryInfo

MAX_WORDS = 8
MAX_CHARS = 40
MAX_LABEL_WORDS = 3
MAX_EXPLANATION_WORDS = 15
MIN_PER_CATEGORY = 8
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def default_path() -> Path:
    from game.paths import resource

    return resource("levels", "shared", "activities.yaml")


def _words(text: str) -> int:
    return len(text.split())


def _text(value: str, what: str, max_words: int, max_chars: int | None = None) -> str:
    value = value.strip()
    if not value:
        raise ValueError(f"{what} must not be empty")
    if _words(value) > max_words:
        raise ValueError(f"{what} is too long ({_words(value)} words, at most {max_words})")
    if max_chars is not None and len(value) > max_chars:
        raise ValueError(f"{what} is too long ({len(value)} characters, at most {max_chars})")
    return value


class CategoryModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    label: str
    explanation: str

    @field_validator("label")
    @classmethod
    def _label(cls, v: str) -> str:
        return _text(v, "label", MAX_LABEL_WORDS)

    @field_validator("explanation")
    @classmethod
    def _explanation(cls, v: str) -> str:
        return _text(v, "explanation", MAX_EXPLANATION_WORDS)


class CategoriesModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pleasure: CategoryModel
    mastery: CategoryModel
    social: CategoryModel
    physical: CategoryModel
    values: CategoryModel


class ActivityModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    id: str
    text: str
    category: str
    size: str
    picture: str

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID_RE.match(v):
            raise ValueError(f"id {v!r} must be lower_snake_case (a-z, 0-9, _), starting with a letter")
        return v

    @field_validator("text")
    @classmethod
    def _text(cls, v: str) -> str:
        return _text(v, "text", MAX_WORDS, MAX_CHARS)

    @field_validator("category")
    @classmethod
    def _category(cls, v: str) -> str:
        if v not in CATEGORIES:
            raise ValueError(f"unknown category {v!r}; use one of: {', '.join(CATEGORIES)}")
        return v

    @field_validator("size")
    @classmethod
    def _size(cls, v: str) -> str:
        if v not in SIZES:
            raise ValueError(f"unknown size {v!r}; use one of: {', '.join(SIZES)}")
        return v

    @field_validator("picture")
    @classmethod
    def _picture(cls, v: str) -> str:
        if v not in PICTURES:
            raise ValueError(f"unknown picture {v!r}; use one of: {', '.join(PICTURES)}")
        return v


class ActivitiesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    categories: CategoriesModel
    activities: list[ActivityModel]


def _extra_issues(data: Any, name: str, min_per_category: int) -> list[ContentIssue]:
    """Duplicate ids and too-few-per-category: rules across cards, checked on the raw data."""
    issues: list[ContentIssue] = []
    if not isinstance(data, dict) or not isinstance(data.get("activities"), list):
        return issues
    acts = data["activities"]
    first_line: dict[str, int | None] = {}
    counts = {c: 0 for c in CATEGORIES}
    for a in acts:
        if not isinstance(a, dict):
            continue
        aid = a.get("id")
        line = getattr(a, "line", None)
        if isinstance(aid, str):
            if aid in first_line:
                where = f" (first used on line {first_line[aid]})" if first_line[aid] else ""
                issues.append(ContentIssue(name, line, f"duplicate activity id {aid!r}{where}"))
            else:
                first_line[aid] = line
        if a.get("category") in counts:
            counts[a["category"]] += 1
    for cat, n in counts.items():
        if n < min_per_category:
            issues.append(ContentIssue(
                name, getattr(acts, "line", None),
                f"category {cat!r} has {n} activities; it needs at least {min_per_category}"))
    return issues


def _load(path: Path, min_per_category: int) -> Catalogue:
    name = display_path(path)
    data = load_yaml(path)
    issues = _extra_issues(data, name, min_per_category)
    model: ActivitiesFile | None = None
    try:
        model = validate(ActivitiesFile, data, path)
    except ContentError as e:
        issues = e.issues + issues
    if issues:
        issues.sort(key=lambda i: i.line or 0)
        raise ContentError(issues)
    assert model is not None
    cats = {key: CategoryInfo(key, getattr(model.categories, key).label,
                              getattr(model.categories, key).explanation) for key in CATEGORIES}
    return Catalogue((Activity(a.id, a.text, a.category, a.size, a.picture) for a in model.activities), cats)


def load_activities(path: str | Path | None = None, min_per_category: int = MIN_PER_CATEGORY) -> Catalogue:
    """Load and check the activity cards; raise ContentError (file:line per problem) if anything is wrong."""
    return _load(Path(path) if path is not None else default_path(), min_per_category)


def check_activities(path: str | Path | None = None,
                     min_per_category: int = MIN_PER_CATEGORY) -> list[ContentIssue]:
    """Every problem in the activity file, for ``python main.py check`` (empty list: all good)."""
    try:
        load_activities(path, min_per_category)
    except ContentError as e:
        return list(e.issues)
    return []
