"""Save-file versions and the stepwise migrations between them.

Every released save version has a fixture in ``tests/fixtures/saves/`` that must keep loading.
Add a version: bump ``SAVE_SCHEMA_VERSION``, add ``_vN_to_vN+1`` to ``MIGRATIONS``, add a fixture.
"""
from __future__ import annotations

import copy
from typing import Any, Callable

SAVE_SCHEMA_VERSION = 2


class SaveTooNew(ValueError):
    """The save was written by a newer game version."""


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    # v2 adds the player's settings, research consent, journal, plans, moods and challenges.
    doc.setdefault("settings", {})
    doc.setdefault("research", {"decision": None, "participant_code": None, "decided_utc": None})
    doc.setdefault("journal", [])
    doc.setdefault("plans", [])
    doc.setdefault("mood_history", [])
    doc.setdefault("challenges", [])
    doc.setdefault("avatar", {})
    doc.setdefault("flags", {})
    progress = doc.setdefault("progress", {})
    progress.setdefault("levels", {})
    return doc


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(doc: dict[str, Any]) -> tuple[dict[str, Any], list[int]]:
    """Bring a save document to the current version; returns (document, versions stepped through)."""
    doc = copy.deepcopy(doc)
    version = int(doc.get("schema_version", 1))
    if version > SAVE_SCHEMA_VERSION:
        raise SaveTooNew(f"save version {version} is newer than this game ({SAVE_SCHEMA_VERSION})")
    steps = []
    while version < SAVE_SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
        doc["schema_version"] = version
        steps.append(version)
    return doc, steps
