"""Local profiles: several per computer, each with one crash-safe save.

``<data>/profiles/<profile_id>/save.json`` is a TinyDB-format file (table ``save``) written through
the atomic storage. A nickname stays on this computer: it never goes into an event or an export.
"""
from __future__ import annotations

import copy
import logging
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.clock import Clock, rfc3339_ms
from game.i18n import N_
from game.store.atomic import REPORT, AtomicJSONStorage, StorageFull, StorageReport
from game.store.migrations import SAVE_SCHEMA_VERSION, SaveTooNew, migrate
from game.store.writer import BackgroundWriter
from game.version import APP_VERSION

log = logging.getLogger(__name__)

SAVE_TABLE = "save"
NICKNAME_MAX = 20


def clean_nickname(text: str) -> str:
    text = " ".join(str(text).split())
    return "".join(ch for ch in text if ch.isprintable())[:NICKNAME_MAX]


def new_document(profile_id: str, nickname: str, now: str) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema_version": 1, "game_version": APP_VERSION, "profile_id": profile_id,
        "nickname": nickname, "created_utc": now, "last_played_utc": now, "sessions": 0,
        "progress": {"levels": {}, "current_level": None},
    }
    doc, _ = migrate(doc)
    return doc


@dataclass
class Profile:
    """A loaded save. Scenes read and change ``data`` through the helpers; the store writes it."""

    data: dict[str, Any]

    @property
    def id(self) -> str:
        return self.data["profile_id"]

    @property
    def nickname(self) -> str:
        return self.data.get("nickname", "")

    def level_state(self, level_id: str) -> dict[str, Any]:
        return self.data["progress"]["levels"].setdefault(
            level_id, {"completed": False, "times_completed": 0, "checkpoint": None})

    def completed_levels(self) -> list[str]:
        return [k for k, v in self.data["progress"]["levels"].items() if v.get("completed")]

    @property
    def research(self) -> dict[str, Any]:
        return self.data.setdefault("research", {"decision": None, "participant_code": None})

    @property
    def participant_code(self) -> str | None:
        r = self.research
        return r.get("participant_code") if r.get("decision") == "yes" else None


@dataclass
class ProfileSummary:
    profile_id: str
    nickname: str
    status: str                 # "ok", "recovered" (from .bak), "damaged" (unreadable), "too_new"
    message: str = ""
    last_played_utc: str | None = None
    levels_completed: int = 0
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


class ProfileStore:
    def __init__(self, profiles_dir: Path, clock: Clock | None = None,
                 writer: BackgroundWriter | None = None, report: StorageReport = REPORT) -> None:
        self.dir = Path(profiles_dir)
        self.clock = clock or Clock()
        self.writer = writer
        self.report = report
        self.write_failed = False

    def _path(self, profile_id: str) -> Path:
        return self.dir / profile_id / "save.json"

    def _storage(self, profile_id: str) -> AtomicJSONStorage:
        return AtomicJSONStorage(self._path(profile_id), report=self.report)

    # -------------------------------------------------------------- reading
    def _read(self, profile_id: str) -> tuple[dict[str, Any] | None, str, str]:
        before = (len(self.report.recovered), len(self.report.set_aside))
        data = self._storage(profile_id).read()
        recovered = len(self.report.recovered) > before[0] or len(self.report.set_aside) > before[1]
        doc = None
        if isinstance(data, dict):
            table = data.get(SAVE_TABLE)
            if isinstance(table, dict) and table:
                first = table[sorted(table, key=lambda k: int(k) if str(k).isdigit() else 0)[0]]
                if isinstance(first, dict) and first.get("profile_id") == profile_id:
                    doc = first
        if doc is None:
            return None, "damaged", N_("This save could not be read. Nothing else was changed.")
        try:
            doc, _ = migrate(doc)
        except SaveTooNew:
            return None, "too_new", N_("This save comes from a newer version of Glimmer.")
        except Exception:
            return None, "damaged", N_("This save could not be read. Nothing else was changed.")
        if recovered:
            return doc, "recovered", N_("Some recent progress was lost; the last good save was restored.")
        return doc, "ok", ""

    def list_profiles(self) -> list[ProfileSummary]:
        out: list[ProfileSummary] = []
        if not self.dir.exists():
            return out
        for pdir in sorted(p for p in self.dir.iterdir() if p.is_dir()):
            pid = pdir.name
            doc, status, msg = self._read(pid)
            if doc is None:
                out.append(ProfileSummary(pid, "(damaged save)", status, msg))
                continue
            out.append(ProfileSummary(
                pid, doc.get("nickname", "?"), status, msg, doc.get("last_played_utc"),
                sum(1 for v in doc.get("progress", {}).get("levels", {}).values() if v.get("completed")),
                raw=doc))
        out.sort(key=lambda s: (s.last_played_utc or ""), reverse=True)
        return out

    def load(self, profile_id: str) -> Profile:
        doc, status, msg = self._read(profile_id)
        if doc is None:
            raise ValueError(msg)
        return Profile(doc)

    # -------------------------------------------------------------- writing
    def create(self, nickname: str) -> Profile:
        nickname = clean_nickname(nickname)
        if not nickname:
            raise ValueError(N_("Please type a nickname."))   # English; the screen shows it with _()
        pid = uuid.uuid4().hex[:12]
        profile = Profile(new_document(pid, nickname, rfc3339_ms(self.clock.now_utc())))
        self.save(profile, wait=True)
        return profile

    def save(self, profile: Profile, wait: bool = False) -> None:
        """Autosave (a checkpoint). Snapshot now, write in the background unless ``wait``."""
        profile.data["game_version"] = APP_VERSION
        profile.data["schema_version"] = SAVE_SCHEMA_VERSION
        profile.data["last_played_utc"] = rfc3339_ms(self.clock.now_utc())
        snapshot = copy.deepcopy(profile.data)
        pid = profile.id

        def write() -> None:
            try:
                self._storage(pid).write({SAVE_TABLE: {"1": snapshot}})
                self.write_failed = False
            except (StorageFull, OSError) as e:
                if not self.write_failed:
                    self.write_failed = True
                    self.report.add("write_failures", "save.json")
                log.warning("save failed: %s", e)

        if self.writer is None or wait:
            if self.writer is not None:
                self.writer.submit(write).result()
            else:
                write()
        else:
            self.writer.submit(write)

    def delete(self, profile_id: str) -> None:
        """Remove the profile's folder (save, backups, set-aside files)."""
        if self.writer is not None:
            self.writer.drain()
        pdir = self.dir / profile_id
        if pdir.exists():
            shutil.rmtree(pdir)
