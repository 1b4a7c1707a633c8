"""Crash-safe file writes and a TinyDB storage built on them.

Every write goes to a temp file in the same folder, is flushed and fsync'ed, then replaces the
old file with ``os.replace`` (retried on Windows ``PermissionError``); the previous version is
kept as ``.bak``. No file handle stays open between operations. A file that does not parse is
set aside (renamed, never deleted) and the ``.bak`` is loaded instead; what happened is
reported through ``StorageReport`` so the game can tell the player in plain words.
"""
from __future__ import annotations

import errno
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from tinydb.storages import Storage

REPLACE_RETRIES = 8


class StorageFull(OSError):
    """The disk is full or the folder is read-only: nothing was changed."""


@dataclass
class StorageReport:
    """What the storage layer had to do that a person should hear about."""

    recovered: list[str] = field(default_factory=list)   # files restored from .bak
    set_aside: list[str] = field(default_factory=list)   # damaged files renamed aside
    write_failures: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    listeners: list[Callable[[str, str], None]] = field(default_factory=list, repr=False)

    def add(self, kind: str, name: str) -> None:
        with self._lock:
            getattr(self, kind).append(name)
        for fn in list(self.listeners):
            try:
                fn(kind, name)
            except Exception:
                pass


REPORT = StorageReport()


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(str(folder), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace(src: Path, dst: Path) -> None:
    delay = 0.01
    for attempt in range(REPLACE_RETRIES):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            # Windows: a virus scanner or indexer may hold the target for a moment.
            if attempt == REPLACE_RETRIES - 1:
                raise
            time.sleep(delay)
            delay *= 2


def atomic_write_bytes(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash at any moment leaves the old or the new file.

    Raises StorageFull (and leaves every existing file untouched) on a full disk or read-only
    folder.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_backup and path.exists():
            bak = path.with_name(path.name + ".bak")
            # The .bak is a hard copy of the current good file, itself written atomically.
            btmp = path.with_name(f".{path.name}.bak.{os.getpid()}.{threading.get_ident()}.tmp")
            try:
                with open(path, "rb") as src, open(btmp, "wb") as dst:
                    dst.write(src.read())
                    dst.flush()
                    os.fsync(dst.fileno())
                _replace(btmp, bak)
            finally:
                if btmp.exists():
                    btmp.unlink(missing_ok=True)
        _replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as e:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        if e.errno in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT, errno.EPERM) or isinstance(e, PermissionError):
            raise StorageFull(e.errno, f"cannot write {path.name}: {e.strerror or e}") from e
        raise


def atomic_write_json(path: Path, obj: Any, keep_backup: bool = True) -> None:
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    atomic_write_bytes(path, data, keep_backup=keep_backup)


def _set_aside(path: Path) -> Path | None:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    try:
        os.replace(path, target)
        return target
    except OSError:
        return None


def _parse(path: Path) -> Any:
    with open(path, "rb") as fh:
        raw = fh.read()
    if not raw.strip():
        raise ValueError("empty file")
    return json.loads(raw.decode("utf-8"))


def read_json_recovering(path: Path, default: Any = None, report: StorageReport = REPORT) -> Any:
    """Read JSON; a damaged file is set aside and the .bak used. Missing both: ``default``."""
    path = Path(path)
    bak = path.with_name(path.name + ".bak")
    if path.exists():
        try:
            return _parse(path)
        except (ValueError, UnicodeDecodeError):
            _set_aside(path)
            report.add("set_aside", path.name)
        except OSError:
            pass
    if bak.exists():
        try:
            data = _parse(bak)
        except (ValueError, UnicodeDecodeError, OSError):
            return default
        report.add("recovered", path.name)
        try:
            atomic_write_json(path, data, keep_backup=False)
        except OSError:
            pass
        return data
    return default


class AtomicJSONStorage(Storage):
    """A TinyDB storage that opens, reads and closes; writes atomically; keeps a ``.bak``."""

    def __init__(self, path: str | os.PathLike, create_dirs: bool = True, keep_backup: bool = True,
                 report: StorageReport = REPORT, **_: Any) -> None:
        super().__init__()
        self.path = Path(path)
        self.keep_backup = keep_backup
        self.report = report
        if create_dirs:
            self.path.parent.mkdir(parents=True, exist_ok=True)

    def read(self) -> dict[str, dict[str, Any]] | None:
        data = read_json_recovering(self.path, default=None, report=self.report)
        if data is None:
            return None
        if not isinstance(data, dict):
            _set_aside(self.path)
            self.report.add("set_aside", self.path.name)
            return None
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write_json(self.path, data, keep_backup=self.keep_backup)

    def close(self) -> None:  # no handle is ever held open
        pass


class AppendOnlyJSONStorage(AtomicJSONStorage):
    """AtomicJSONStorage for append-only tables (the event log): every document is serialised
    once and its text reused on later writes, so rewriting a chunk costs a string join instead of
    a full ``json.dumps`` (which holds the GIL and would stall the frame). The file is the same
    JSON TinyDB reads; documents must never be updated in place.
    """

    def __init__(self, path: str | os.PathLike, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self._texts: dict[tuple[str, str], str] = {}

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        dumps = json.dumps
        tables = []
        for table in sorted(data):
            docs = data[table]
            items = []
            for doc_id in sorted(docs, key=lambda k: (len(str(k)), str(k))):
                key = (table, str(doc_id))
                text = self._texts.get(key)
                if text is None:
                    text = self._texts[key] = dumps(docs[doc_id], ensure_ascii=False, separators=(",", ":"),
                                                    sort_keys=True)
                items.append(f"{dumps(str(doc_id))}:{text}")
            tables.append(f"{dumps(table)}:{{{','.join(items)}}}")
        atomic_write_bytes(self.path, ("{" + ",".join(tables) + "}").encode("utf-8"), keep_backup=self.keep_backup)
