"""YAML loading that remembers line numbers, and pydantic validation with file:line errors."""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from game.content.errors import ContentError, ContentIssue, display_path

T = TypeVar("T", bound=BaseModel)


class LineDict(dict):
    line: int = 0


class LineList(list):
    line: int = 0


# libyaml's C parser when PyYAML has it (every wheel does): ~10x faster start-up than pure Python.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    d = LineDict()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in d:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        d[key] = loader.construct_object(value_node, deep=True)
    d.line = node.start_mark.line + 1
    return d


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    lst = LineList(loader.construct_object(n, deep=True) for n in node.value)
    lst.line = node.start_mark.line + 1
    return lst


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: str | Path, translate: bool = True) -> Any:
    """Load a content file with line numbers; player-facing text in the current language
    (``translate=False``: the English source, for checks and string extraction)."""
    path = Path(path)
    name = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(ContentIssue(name, None, "file is missing")) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ContentError(ContentIssue(name, None, f"cannot read file: {e}")) from None
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise ContentError(ContentIssue(name, line, f"not valid YAML: {e.problem or e}")) from None
    except yaml.YAMLError as e:
        raise ContentError(ContentIssue(name, None, f"not valid YAML: {e}")) from None
    if translate:
        from game.i18n import translate_tree

        translate_tree(data)
    return data


def line_of(data: Any, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest node on ``loc`` that carries a line number."""
    line = getattr(data, "line", None)
    cur = data
    for part in loc:
        try:
            cur = cur[part]
        except (KeyError, IndexError, TypeError):
            break
        line = getattr(cur, "line", line)
    return line


def validate(model: type[T], data: Any, path: str | Path) -> T:
    """Validate ``data`` loaded from ``path``; raise ContentError listing every problem with its line."""
    name = display_path(path)
    try:
        return model.model_validate(data)
    except ValidationError as e:
        issues = []
        for err in e.errors():
            loc = tuple(err.get("loc", ()))
            where = ".".join(str(p) for p in loc) or "(top)"
            issues.append(ContentIssue(name, line_of(data, loc), f"{where}: {err.get('msg')}"))
        raise ContentError(issues) from None
