"""The event log: cheap on the frame, crash-safe on disk.

Events from the bus get their envelope and go into an in-memory buffer (no disk I/O on the
frame). ``checkpoint()`` hands the buffer to the background writer, which appends it to small
TinyDB chunk files (at most ``chunk_size`` events each, so no write grows with the length of the
session) through the atomic storage. Layout::

    logs/<session_id>/meta.json        session id, profile id, started, closed
    logs/<session_id>/chunk-0000.json  TinyDB file, table "events"

A session that was never closed (hard kill) is recovered on the next start: its chunks are
counted, it is marked closed, and the new session records how many events were recovered.
"""
from __future__ import annotations

import json
import logging
import threading
import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware

from game.bus import GameEvent
from game.clock import Clock, rfc3339_ms
from game.research.schema import SCHEMA_VERSION
from game.store.atomic import REPORT, AppendOnlyJSONStorage, StorageFull, StorageReport, atomic_write_json, read_json_recovering
from game.store.writer import BackgroundWriter

log = logging.getLogger(__name__)

EVENTS_TABLE = "events"


@dataclass
class Identity:
    installation_id: str
    app_version: str
    build_id: str


class _Chunk:
    """One open chunk file; TinyDB over the atomic storage, read once, written on every batch."""

    def __init__(self, path: Path) -> None:
        class _Cache(CachingMiddleware):
            WRITE_CACHE_SIZE = 1

        self.path = path
        self.db = TinyDB(str(path), storage=_Cache(AppendOnlyJSONStorage))
        self.table = self.db.table(EVENTS_TABLE)
        self.count = len(self.table)

    def append(self, records: list[dict[str, Any]]) -> None:
        self.table.insert_multiple(records)
        self.count += len(records)


class EventLog:
    def __init__(self, logs_dir: Path, identity: Identity, clock: Clock | None = None,
                 writer: BackgroundWriter | None = None, chunk_size: int = 500,
                 flush_interval_s: float = 10.0, report: StorageReport = REPORT) -> None:
        self.dir = Path(logs_dir)
        self.identity = identity
        self.clock = clock or Clock()
        self.writer = writer or BackgroundWriter("glimmer-log")
        self._own_writer = writer is None
        self.chunk_size = chunk_size
        self.flush_interval_s = flush_interval_s
        self.report = report
        self._buffer: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._unwritten: list[dict[str, Any]] = []  # writer-thread side: failed batches to retry
        self.session_id: str | None = None
        self.profile_id: str | None = None
        self.participant_code: str | None = None
        self._seq = 0
        self._t0 = 0.0
        self._last_flush = 0.0
        self._chunk: _Chunk | None = None
        self._chunk_index = 0
        self._meta: dict[str, Any] = {}
        self.gate: Callable[[GameEvent], bool] = lambda e: True
        self.write_failed = False
        self.events_logged = 0

    # ------------------------------------------------------------------ sessions
    def recover(self) -> int:
        """Close sessions left open by a hard kill; return how many events they hold."""
        total = 0
        if not self.dir.exists():
            return 0
        for sdir in sorted(p for p in self.dir.iterdir() if p.is_dir()):
            meta_path = sdir / "meta.json"
            meta = read_json_recovering(meta_path, default=None, report=self.report)
            if not isinstance(meta, dict) or meta.get("closed"):
                continue
            n = sum(len(events) for events in _read_chunks(sdir, self.report))
            meta.update(closed=True, recovered=True, events=n)
            try:
                atomic_write_json(meta_path, meta)
            except OSError:
                pass
            total += n
        return total

    def start_session(self, profile_id: str, participant_code: str | None) -> str:
        if self.session_id:
            self.end_session()
        self.session_id = str(uuid.uuid4())
        self.profile_id = profile_id
        self.participant_code = participant_code
        self._seq = 0
        self._t0 = self.clock.monotonic()
        self._last_flush = self._t0
        self._chunk = None
        self._chunk_index = 0
        self._meta = {
            "session_id": self.session_id, "profile_id": profile_id, "closed": False,
            "started_utc": rfc3339_ms(self.clock.now_utc()), "schema_version": SCHEMA_VERSION,
        }
        return self.session_id

    def set_participant(self, code: str | None) -> None:
        self.participant_code = code

    def end_session(self) -> None:
        if not self.session_id:
            return
        self.checkpoint(wait=True)
        sdir = self.dir / self.session_id
        meta = dict(self._meta, closed=True, events=self._seq)

        def close_meta() -> None:
            if sdir.exists():
                try:
                    atomic_write_json(sdir / "meta.json", meta)
                except OSError:
                    self._failed("meta.json")

        self.writer.submit(close_meta).result()
        self.session_id = None
        self._chunk = None

    # ------------------------------------------------------------------ the frame path
    def handle(self, event: GameEvent) -> None:
        """Bus listener. Cheap: builds the envelope and appends to memory; never touches disk."""
        if self.session_id is None or not self.gate(event):
            return
        now = self.clock.monotonic()
        record = {
            "event_id": str(uuid.uuid4()),
            "schema_version": SCHEMA_VERSION,
            "app_version": self.identity.app_version,
            "build_id": self.identity.build_id,
            "installation_id": self.identity.installation_id,
            "profile_id": self.profile_id,
            "participant_code": self.participant_code,
            "session_id": self.session_id,
            "event_seq": self._seq,
            "event_type": event.type,
            "ts_utc": rfc3339_ms(self.clock.now_utc()),
            "t_session_ms": int((now - self._t0) * 1000),
            "tz_offset_min": self.clock.tz_offset_min(),
            "level_id": event.level_id,
            "payload": event.payload,
        }
        self._seq += 1
        self.events_logged += 1
        with self._lock:
            self._buffer.append(record)

    def tick(self) -> None:
        """Called once per frame: flush in the background at least every ``flush_interval_s``."""
        if self._buffer and self.clock.monotonic() - self._last_flush >= self.flush_interval_s:
            self.checkpoint()

    @property
    def pending(self) -> int:
        return len(self._buffer)

    # ------------------------------------------------------------------ writing
    def checkpoint(self, wait: bool = False) -> Future | None:
        """Hand buffered events to the writer. ``wait=True`` returns once they are on disk."""
        self._last_flush = self.clock.monotonic()
        with self._lock:
            batch, self._buffer = self._buffer, []
        if not batch and not wait:
            return None
        session_id, meta = self.session_id, dict(self._meta)
        fut = self.writer.submit(lambda: self._write(session_id, meta, batch))
        if wait:
            fut.result()
        return fut

    def _failed(self, name: str) -> None:
        if not self.write_failed:
            self.write_failed = True
            self.report.add("write_failures", name)

    def _write(self, session_id: str | None, meta: dict[str, Any], batch: list[dict[str, Any]]) -> None:
        todo = self._unwritten + batch
        if not todo or session_id is None:
            return
        sdir = self.dir / session_id
        try:
            if not (sdir / "meta.json").exists():
                sdir.mkdir(parents=True, exist_ok=True)
                atomic_write_json(sdir / "meta.json", meta)
            while todo:
                if self._chunk is None or self._chunk.count >= self.chunk_size:
                    if self._chunk is not None:
                        self._chunk_index += 1
                    self._chunk = _Chunk(sdir / f"chunk-{self._chunk_index:04d}.json")
                room = self.chunk_size - self._chunk.count
                part, rest = todo[:room], todo[room:]
                try:
                    self._chunk.append(part)
                except BaseException:
                    self._chunk = None  # reopen from disk next time: the file is unchanged
                    raise
                todo = rest
            self._unwritten = []
            self.write_failed = False
        except OSError as e:
            # Disk full or read-only: keep the events in memory, retry at the next checkpoint.
            self._unwritten = todo
            self._failed(getattr(e, "filename", None) or "event log")
            if not isinstance(e, StorageFull):
                log.warning("event log write failed: %s", e)

    def close(self) -> None:
        self.end_session()
        if self._own_writer:
            self.writer.close()


# ---------------------------------------------------------------------- reading (export, tests)
def _read_chunks(sdir: Path, report: StorageReport = REPORT) -> Iterator[list[dict[str, Any]]]:
    for chunk in sorted(sdir.glob("chunk-*.json")):
        data = read_json_recovering(chunk, default=None, report=report)
        if not isinstance(data, dict):
            continue
        table = data.get(EVENTS_TABLE) or {}
        yield [table[k] for k in sorted(table, key=lambda k: int(k))]


def iter_sessions(logs_dir: Path) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Yield (meta, events in seq order) for every session on disk."""
    logs_dir = Path(logs_dir)
    if not logs_dir.exists():
        return
    for sdir in sorted(p for p in logs_dir.iterdir() if p.is_dir()):
        meta = read_json_recovering(sdir / "meta.json", default=None)
        if not isinstance(meta, dict):
            meta = {"session_id": sdir.name}
        events = [e for chunk in _read_chunks(sdir) for e in chunk]
        events.sort(key=lambda e: e.get("event_seq", 0))
        yield meta, events


def read_all_events(logs_dir: Path) -> list[dict[str, Any]]:
    return [e for _, events in iter_sessions(logs_dir) for e in events]


def delete_profile_sessions(logs_dir: Path, profile_id: str) -> int:
    """Remove every session of one profile (profile deletion). Returns sessions removed."""
    import shutil

    n = 0
    for meta, _ in list(iter_sessions(logs_dir)):
        if meta.get("profile_id") == profile_id:
            shutil.rmtree(Path(logs_dir) / meta["session_id"], ignore_errors=True)
            n += 1
    return n


def load_installation_id(path: Path) -> str:
    data = read_json_recovering(path, default=None)
    if isinstance(data, dict) and isinstance(data.get("installation_id"), str):
        return data["installation_id"]
    iid = str(uuid.uuid4())
    try:
        atomic_write_json(path, {"installation_id": iid})
    except OSError:
        pass
    return iid


def dumps_event(e: dict[str, Any]) -> str:
    return json.dumps(e, sort_keys=True, ensure_ascii=False)
