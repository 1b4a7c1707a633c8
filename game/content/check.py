"""`python main.py check`: validate every level map and content file; readable errors, non-zero exit."""
from __future__ import annotations

import json
from typing import Any

from game.content.errors import ContentError, ContentIssue
from game.content.level import level_folders, load_level, words
from game.paths import resource


def _shared_checks() -> tuple[list[ContentIssue], dict[str, int]]:
    issues: list[ContentIssue] = []
    counts: dict[str, int] = {}
    shared = resource("levels", "shared")
    try:
        from game.content import thoughts as th
    except ImportError:
        th = None
    if th is not None and (shared / "thoughts.yaml").exists():
        try:
            traps = th.load_traps(shared / "traps.yaml")
            items = th.load_thoughts(shared / "thoughts.yaml", traps)
            counts["thoughts"] = len(items)
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


def check_all() -> tuple[list[ContentIssue], dict[str, Any]]:
    import pygame

    from game.scenes.play import level_refs
    from game.world.tmx import lint_tmx, load_map

    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((64, 64))
    issues: list[ContentIssue] = []
    stats: dict[str, Any] = {"levels": 0, "dialogue_boxes": 0, "words_per_level": {}, "longest_box_words": 0}
    for folder in level_folders():
        try:
            level = load_level(folder)
        except ContentError as e:
            issues.extend(e.issues)
            continue
        stats["levels"] += 1
        lint = lint_tmx(level.map_path)
        if lint:
            issues.extend(lint)
            continue
        try:
            load_map(level.map_path, level_refs(level))
        except ContentError as e:
            issues.extend(e.issues)
        texts = [p for d in level.content.dialogue.values() for p in d.pages] + list(level.content.summary)
        if level.content.challenge:
            texts.append(level.content.challenge.text)
        stats["dialogue_boxes"] += sum(len(d.pages) for d in level.content.dialogue.values())
        stats["words_per_level"][level.id] = sum(words(t) for t in texts)
        stats["longest_box_words"] = max([stats["longest_box_words"], *(words(t) for t in texts)])
    shared_issues, counts = _shared_checks()
    issues.extend(shared_issues)
    stats.update(counts)
    if stats["levels"] == 0 and not issues:
        issues.append(ContentIssue("levels", None, "no level folders with a level.yaml were found"))
    return issues, stats


def run_check(args: Any) -> int:
    issues, stats = check_all()
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
