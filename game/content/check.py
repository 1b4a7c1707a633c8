"""`python main.py check`: validate every level map and content file; readable errors, non-zero exit."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.content.errors import ContentError, ContentIssue
from game.content.level import level_folders, load_level
from game.paths import resource


def _shared_checks(shared: Path | None = None) -> tuple[list[ContentIssue], dict[str, Any]]:
    issues: list[ContentIssue] = []
    counts: dict[str, Any] = {}
    shared = shared or resource("levels", "shared")
    try:
        from game.content import thoughts as th
    except ImportError:
        th = None
    if th is not None and (shared / "thoughts.yaml").exists():
        try:
            traps = th.load_traps(shared / "traps.yaml")
            items = th.load_thoughts(shared / "thoughts.yaml", traps)
            counts["thoughts"] = len(items)
            counts["_bank"] = th.ThoughtBank(traps, items)
        except ContentError as e:
            issues.extend(e.issues)
    try:
        from game.content import activities as ac
    except ImportError:
        ac = None
    if ac is not None and (shared / "activities.yaml").exists():
        try:
            acts = ac.load_activities(shared / "activities.yaml")
            counts["activities"] = len(getattr(acts, "activities", acts))
        except ContentError as e:
            issues.extend(e.issues)
    return issues, counts


def check_all(root: Path | None = None) -> tuple[list[ContentIssue], dict[str, Any]]:
    """Check every level under ``root`` (default: the shipped ``levels/``) and its shared content."""
    import pygame

    from game.scenes.play import level_refs
    from game.world.tmx import lint_tmx, load_map

    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((64, 64))
    issues: list[ContentIssue] = []
    stats: dict[str, Any] = {"levels": 0, "dialogue_boxes": 0, "words_per_level": {}, "longest_box_words": 0}
    checked = []
    for folder in level_folders(root):
        try:
            level = load_level(folder)
        except ContentError as e:
            issues.extend(e.issues)
            continue
        stats["levels"] += 1
        checked.append(level)
        lint = lint_tmx(level.map_path)
        if lint:
            issues.extend(lint)
            continue
        try:
            load_map(level.map_path, level_refs(level))
        except ContentError as e:
            issues.extend(e.issues)
        stats["dialogue_boxes"] += sum(len(d.pages) for d in level.content.dialogue.values())
    shared_issues, counts = _shared_checks(root / "shared" if root is not None else None)
    issues.extend(shared_issues)
    bank = counts.pop("_bank", None)
    if bank is not None:
        from game.content.thoughts import check_encounters

        for level in checked:
            issues.extend(check_encounters(level, bank))
    stats.update(counts)
    issues.extend(_reading(checked, bank, stats))
    if stats["levels"] == 0 and not issues:
        issues.append(ContentIssue("levels", None, "no level folders with a level.yaml were found"))
    return issues, stats


def _thought_texts(item: Any) -> list[str]:
    import dataclasses

    out: list[str] = []

    def walk(v: Any) -> None:
        if dataclasses.is_dataclass(v):
            for f in dataclasses.fields(v):
                if f.name not in ("id", "topic", "traps", "feelings", "quality", "side"):
                    walk(getattr(v, f.name))
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, str) and " " in v.strip():
            out.append(v)

    walk(item)
    return out


def _reading(levels: list, bank: Any, stats: dict[str, Any]) -> list[ContentIssue]:
    """Words, reading time and Flesch–Kincaid grade of each level's player-facing text (its own
    file plus the shared thoughts its encounters use); every text at most MAX_WORDS_PER_BOX words."""
    from game.content.errors import display_path
    from game.content.level import MAX_WORDS_PER_BOX
    from game.content.readability import fk_grade, player_texts, reading_minutes, words_in
    from game.content.yamlload import line_of, load_yaml

    issues: list[ContentIssue] = []
    grades, minutes = {}, {}
    for level in levels:
        data = load_yaml(level.content_path)
        texts = []
        for path, text in player_texts(data):
            texts.append(text)
            if len(words_in(text)) > MAX_WORDS_PER_BOX:
                where = ".".join(str(x) for x in path)
                issues.append(ContentIssue(display_path(level.content_path), line_of(data, path[:-1]) or None,
                                           f"{where} has {len(words_in(text))} words; at most {MAX_WORDS_PER_BOX} a box"))
        if bank is not None:
            for enc in level.content.encounters.values():
                for tid in enc.thoughts:
                    if tid in bank.items:
                        texts.extend(_thought_texts(bank.items[tid]))
        n = sum(len(words_in(t)) for t in texts)
        stats["words_per_level"][level.id] = n
        grades[level.id] = fk_grade(texts)
        minutes[level.id] = reading_minutes(n)
        stats["longest_box_words"] = max([stats["longest_box_words"], *(len(words_in(t)) for t in texts)])
    stats["reading_grade_per_level"] = grades
    stats["reading_minutes_per_level"] = minutes
    stats["reading_grade_max"] = max(grades.values()) if grades else 0.0
    return issues


def run_check(args: Any) -> int:
    from game.i18n import set_language

    stats_lang = set_language(getattr(args, "lang", None) or "en")  # check the content in that language
    issues, stats = check_all()
    stats["language"] = stats_lang
    if getattr(args, "json", False):
        print(json.dumps(dict(stats, errors=[str(i) for i in issues]), indent=2, sort_keys=True))
    else:
        for i in issues:
            print(f"error: {i}")
        if not issues:
            extra = ", ".join(f"{v} {k}" for k, v in stats.items() if isinstance(v, int))
            print(f"content OK: {extra}")
        else:
            print(f"{len(issues)} problem(s) found")
    return 1 if issues else 0
