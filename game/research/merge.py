"""Researcher tools: decrypt and merge export bundles into tidy tables.

``merge(inputs, key, out_dir)``:

1. opens every bundle (checks the manifest, its SHA-256, decrypts with the study's private key);
2. de-duplicates on ``event_id`` — an exact repeat is dropped and counted, an ``event_id`` seen
   with different content is *reported* (the version with the smaller content hash is kept, so the
   result does not depend on the order of the bundles);
3. reports gaps in ``event_seq``, two events claiming one ``event_seq``, timestamps in the future
   or implausibly far in the past, clock jumps (wall clock and session clock disagree), events that
   fail the schema check, in-game withdrawals and profile deletions;
4. writes events.csv, one table per kind of measure, codebook.csv, datapackage.json,
   xapi_statements.json and merge_report.json / merge_report.md.

The output is a pure function of the set of unique events: merge(A) = merge(A, A) = merge(A, B)
when B holds everything A holds.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import shutil
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, Callable, Iterable

from game.research import codebook as cb
from game.research.export import BundleError, OpenedBundle, find_bundles, open_bundle
from game.research.schema import (
    ENVELOPE_NAMES, EVENT_TYPES, SCHEMA_VERSION, quick_check_event, schema_major, validate_event,
)
from game.research.xapi import StatementMaker, StatementWriter

FUTURE_TOLERANCE_S = 10 * 60
CLOCK_JUMP_S = 120
EARLIEST_PLAUSIBLE = datetime(2024, 1, 1, tzinfo=timezone.utc)
WITHDRAWN_FILE = "withdrawn.json"
PARALLEL_MIN_EVENTS = 20_000   # below this one process is quicker than two
MAX_WORKERS = 2
LAST_TIMINGS: dict[str, float] = {}   # cumulative seconds at the steps of the last merge (diagnostics)


class MergeError(Exception):
    """Bad input from the researcher: shown as a message, exit code 2."""


# ---------------------------------------------------------------------- keys
def load_private_key(path: str | Path):
    from nacl.public import PrivateKey

    p = Path(path)
    try:
        text = p.read_text("utf-8").strip()
    except FileNotFoundError:
        raise MergeError(f"The private key file {p.name} was not found.")
    except (OSError, UnicodeDecodeError):
        raise MergeError(f"The private key file {p.name} could not be read as text.")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" in line and not line.endswith("="):
            line = line.split("=", 1)[1].strip().strip('"')
        try:
            raw = base64.b64decode(line.strip('"'), validate=True)
        except ValueError:
            break
        if len(raw) == 32:
            return PrivateKey(raw)
        break
    raise MergeError(f"{p.name} is not a Glimmer study private key (expected one line of base64, "
                     "as written by `research keygen`). Is this the public key by mistake?")


def shareable_hash_key(private_key) -> bytes:
    return hashlib.sha256(b"glimmer-shareable-v1\0" + bytes(private_key)).digest()


class Hasher:
    """Keyed hashes for shareable outputs: stable across merges, useless without the private key."""

    def __init__(self, key: bytes) -> None:
        self.key = key
        self.code = lru_cache(maxsize=None)(self._code)
        self.uuid = lru_cache(maxsize=200_000)(self._uuid)

    def _digest(self, kind: str, value: str) -> str:
        return hashlib.blake2b(f"{kind}\0{value}".encode(), key=self.key, digest_size=16).hexdigest()

    def _code(self, code: str) -> str:
        return "P" + self._digest("code", code)[:12].upper()

    def _uuid(self, value: str) -> str:
        return self.event_uuid(value)

    def event_uuid(self, value: str) -> str:
        h = self._digest("id", value)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:32]}"


# ---------------------------------------------------------------------- progress
class Progress:
    def __init__(self, enabled: bool, stream=None) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self._last = 0.0

    def update(self, label: str, done: int, total: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1 and done < total:
            return
        self._last = now
        width = 30
        frac = done / total if total else 1.0
        bar = "#" * int(frac * width) + "." * (width - int(frac * width))
        self.stream.write(f"\r{label:<22} [{bar}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


# ---------------------------------------------------------------------- time helpers
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@lru_cache(maxsize=200_000)
def _hour_info(prefix13: str, tz: int) -> tuple[int, int, int]:
    """(epoch ms of the UTC hour, local date ordinal, local hour) for 'YYYY-MM-DDTHH' + offset."""
    dt = datetime.fromisoformat(prefix13 + ":00:00+00:00")
    local = dt + timedelta(minutes=tz)
    return int((dt - _EPOCH).total_seconds()) * 1000, local.toordinal(), local.hour


def time_info(ts: Any, tz: Any) -> tuple[int, int, int] | None:
    """(epoch ms, local date ordinal, local hour) or None if the timestamp cannot be read."""
    if not isinstance(tz, int) or isinstance(tz, bool):
        tz = 0
    if isinstance(ts, str) and len(ts) == 24 and ts[23] == "Z" and ts[10] == "T":
        try:
            base, ordinal, hour = _hour_info(ts[:13], tz)
            ms = base + int(ts[14:16]) * 60000 + int(ts[17:19]) * 1000 + int(ts[20:23])
            # a local hour boundary is never crossed within the hour unless tz has minutes
            if tz % 60:
                local = datetime.fromtimestamp(ms / 1000, timezone.utc) + timedelta(minutes=tz)
                return ms, local.toordinal(), local.hour
            return ms, ordinal, hour
        except ValueError:
            return None
    if not isinstance(ts, str):
        return None
    try:
        dt = datetime.fromisoformat(ts.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    local = dt.astimezone(timezone.utc) + timedelta(minutes=tz)
    return int((dt - _EPOCH).total_seconds() * 1000), local.toordinal(), local.hour


def part_of_day(hour: int) -> str:
    return cb.PARTS_OF_DAY[hour // 6]


def _ranges(nums: list[int]) -> str:
    out = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append(str(nums[i]) if i == j else f"{nums[i]}-{nums[j]}")
        i = j + 1
    return ", ".join(out)


# ---------------------------------------------------------------------- the merge
@dataclass
class MergeResult:
    out_dir: Path
    report: dict[str, Any]
    exit_code: int = 0

    def summary_lines(self) -> list[str]:
        return report_console(self.report)


@dataclass
class _State:
    events: list[tuple] = field(default_factory=list)   # records (see R_* below)
    by_id: dict[str, tuple[bytes, int, str]] = field(default_factory=dict)  # id -> (line kept, index, bundle)
    read: int = 0
    duplicates: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    invalid: list[dict[str, Any]] = field(default_factory=list)
    withdrawals: list[dict[str, Any]] = field(default_factory=list)
    bundles: list[dict[str, Any]] = field(default_factory=list)
    unreadable: list[dict[str, str]] = field(default_factory=list)
    manifest_sessions: dict[str, int] = field(default_factory=dict)  # session -> max last_seq claimed
    schema_versions: dict[str, int] = field(default_factory=lambda: defaultdict(int))


_EID = b'"event_id":"'
_SEQ_ID = itemgetter(5, 0)   # (event_seq, event_id) of a record

# One accepted event is kept as a tuple, not a dict (a merge holds about a million of them):
(R_EID, R_CODE, R_INST, R_PID, R_SID, R_SEQ, R_ET, R_LEVEL, R_TS, R_TZ, R_TSM, R_SV, R_AV, R_BUILD,
 R_PAYLOAD, R_PT, R_TI, R_PLAIN) = range(18)
# R_PT: the payload's JSON text as it stood in the bundle (None: serialise the payload again);
# R_TI: time_info(ts_utc, tz_offset_min); R_PLAIN: every text value is CSV-safe (no comma, quote or
# line break), so a row can be written without the csv module's quoting.


_CANON_ORDER = ("app_version", "build_id", "event_id", "event_seq", "event_type", "installation_id", "level_id",
                "participant_code", "payload", "profile_id", "schema_version", "session_id", "t_session_ms",
                "ts_utc", "tz_offset_min")   # the keys of an exported event line, in order


def _canonical_line_pattern() -> Any:
    """A regex for an event line exactly as the exporter writes it (sorted keys, no spaces, plain
    strings without escapes or commas). A line it matches parses to the same values as json.loads;
    any other line takes the general path (json.loads and the schema check)."""
    import re

    text = r'"([^"\\\x00-\x1f,]*)"'
    uint = r"(0|[1-9][0-9]*)"
    sint = r"(-?(?:0|[1-9][0-9]*))"
    kind = {"event_seq": uint, "t_session_ms": sint, "tz_offset_min": sint, "payload": r"(\{.*\})",
            "level_id": r'(?:null|"([^"\\\x00-\x1f,]*)")'}
    text_fields = {"event_id", "schema_version", "app_version", "build_id", "installation_id", "profile_id",
                   "participant_code", "session_id", "event_type", "ts_utc"}
    names = sorted(set(ENVELOPE_NAMES) | {"payload"})
    if tuple(names) != _CANON_ORDER or set(names) != set(kind) | text_fields:
        return None   # the envelope changed: every line takes the general path until this is updated
    pat = "{" + ",".join(f'"{n}":{kind.get(n, text)}' for n in names) + "}"
    return re.compile(pat, re.S).fullmatch


_CANON = _canonical_line_pattern()


def _note_bundle(st: _State, ob: OpenedBundle) -> None:
    m = ob.manifest
    st.bundles.append({"file": ob.path.name, "installation_id": m.get("installation_id"),
                       "app_version": m.get("app_version"), "schema_version": m.get("schema_version"),
                       "created_utc": m.get("created_utc"), "key_id": m.get("key_id"),
                       "events": len(ob.lines)})
    for sid, s in (m.get("sessions") or {}).items():
        if isinstance(s, dict) and isinstance(s.get("last_seq"), int):
            st.manifest_sessions[sid] = max(st.manifest_sessions.get(sid, -1), s["last_seq"])
    st.withdrawals.extend(w for w in ob.withdrawals if isinstance(w, dict) and w.get("participant_code"))


def _record(ev: dict[str, Any], pt: str | None) -> tuple:
    return (ev["event_id"], ev["participant_code"], ev["installation_id"], ev["profile_id"], ev["session_id"],
            ev["event_seq"], ev["event_type"], ev["level_id"], ev["ts_utc"], ev["tz_offset_min"],
            ev["t_session_ms"], ev["schema_version"], ev["app_version"], ev["build_id"], ev["payload"], pt,
            time_info(ev["ts_utc"], ev["tz_offset_min"]), False)


def _ingest(st: _State, name: str, lines: list[bytes], full_validate: bool) -> None:
    by_id, events = st.by_id, st.events
    blake = hashlib.blake2b
    loads = json.loads
    canon = None if full_validate else _CANON
    if canon is not None:
        raw_decode = json.JSONDecoder().raw_decode
    types = EVENT_TYPES
    tinfo = time_info
    minute: dict[tuple[str, int], tuple[int, int, int] | None] = {}
    # An exact repeat is the same line (bundles are canonical), so lines are compared as bytes; the
    # content hash, which decides which version of a conflict is kept, is only computed for conflicts.
    for line in lines:
        st.read += 1
        i = line.find(_EID)
        if i >= 0:
            j = line.find(b'"', i + 12)
            prev = by_id.get(line[i + 12:j].decode("utf-8", "replace"))
            if prev is not None and prev[0] == line:
                st.duplicates += 1
                continue
        rec = None
        if canon is not None:
            # the exporter's own lines: read the envelope with one regex, parse only the payload
            try:
                m = canon(line.decode("utf-8"))
            except UnicodeDecodeError:
                m = None
            if m is not None:
                (av, build, eid, seq, et, inst, level, code, pt, pid, sv, sid, tsm, ts, tz) = m.groups()  # _CANON_ORDER
                if code and et in types and ',"profile_id":' not in pt:
                    try:
                        payload, end = raw_decode(pt)
                        if end == len(pt):
                            tz = int(tz)
                            # time_info(ts, tz), with the part that depends only on the minute cached
                            if len(ts) == 24 and ts[23] == "Z" and ts[10] == "T" and not tz % 60:
                                key = (ts[:16], tz)
                                mi = minute.get(key, False)
                                if mi is False:
                                    try:
                                        base, ordinal, hour = _hour_info(ts[:13], tz)
                                        mi = minute[key] = (base + int(ts[14:16]) * 60000, ordinal, hour)
                                    except ValueError:
                                        mi = minute[key] = None
                                if mi is None:
                                    ti = None
                                else:
                                    try:
                                        ti = (mi[0] + int(ts[17:19]) * 1000 + int(ts[20:23]), mi[1], mi[2])
                                    except ValueError:
                                        ti = None
                            else:
                                ti = tinfo(ts, tz)
                            rec = (eid, code, inst, pid, sid, int(seq), et, level, ts, tz, int(tsm), sv, av, build,
                                   payload, pt, ti, True)
                    except ValueError:
                        rec = None
        if rec is None:
            try:
                ev = loads(line)
            except ValueError:
                st.invalid.append({"bundle": name, "problem": "not valid JSON"})
                continue
            problem = quick_check_event(ev)
            if problem is None and not ev.get("participant_code"):
                problem = "participant_code: missing (events without consent never belong in a bundle)"
            if problem is None and full_validate:
                errs = validate_event(ev)
                problem = "; ".join(errs) if errs else None
            if problem is not None:
                st.invalid.append({"bundle": name, "event_id": ev.get("event_id") if isinstance(ev, dict) else None,
                                   "problem": problem})
                continue
            # keep the payload's JSON text (bundles are canonical: sorted keys, no spaces)
            a = line.find(b'"payload":{') if line.startswith(b'{"app_version"') else -1
            b = line.find(b',"profile_id":', a) if a >= 0 else -1
            rec = _record(ev, line[a + 10:b].decode("utf-8") if b > a >= 0 else None)
        eid = rec[R_EID]
        prev = by_id.get(eid)
        if prev is None:
            by_id[eid] = (line, len(events), name)
            events.append(rec)
            st.schema_versions[str(rec[R_SV])] += 1
            continue
        if prev[0] == line:
            st.duplicates += 1
            continue
        old, ev = loads(prev[0]), loads(line)
        diff = sorted(k for k in set(old) | set(ev) if old.get(k) != ev.get(k) and not k.startswith("\0"))
        if isinstance(old.get("payload"), dict) and isinstance(ev.get("payload"), dict):
            diff = [d for d in diff if d != "payload"] + [
                f"payload.{k}" for k in sorted(set(old["payload"]) | set(ev["payload"]))
                if old["payload"].get(k) != ev["payload"].get(k)]
        keep_new = blake(line, digest_size=16).digest() < blake(prev[0], digest_size=16).digest()
        st.conflicts.append({"event_id": eid, "session_id": rec[R_SID],
                             "participant_code": rec[R_CODE],
                             "fields": diff, "kept_from": name if keep_new else prev[2],
                             "other_from": prev[2] if keep_new else name})
        if keep_new:
            events[prev[1]] = rec
            by_id[eid] = (line, prev[1], name)


class _Out:
    """A file written to a temp name and moved into place when complete (never half a file).

    ``durable=False`` skips the fsync (scratch files that are thrown away after the merge)."""

    def __init__(self, path: Path, durable: bool = True) -> None:
        self.path = path
        self.durable = durable
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.fh = open(self.tmp, "w", encoding="utf-8", newline="", buffering=1 << 20)

    def commit(self) -> None:
        self.fh.flush()
        if self.durable:
            os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self.fh.close()
            self.tmp.unlink(missing_ok=True)
        except OSError:
            pass


def _fmt(v: Any) -> Any:
    if v is None:
        return ""
    if v is True:
        return "true"
    if v is False:
        return "false"
    if type(v) is list:
        return cb.LIST_SEP.join(str(x) for x in v)
    if type(v) is dict:
        return json.dumps(v, sort_keys=True, ensure_ascii=False)
    return v


_EVENT_ROW = ("event_id", "participant_code", "installation_id", "profile_id", "session_id", "event_seq",
              "event_type", "level_id", "ts_utc", "tz_offset_min", "t_session_ms", "study_day", "part_of_day",
              "schema_version", "app_version", "build_id", "payload")
_KEY_ROW = ("participant_code", "installation_id", "profile_id", "session_id", "event_id", "event_seq",
            "level_id", "ts_utc", "tz_offset_min", "study_day", "part_of_day", "t_session_ms")
assert tuple(c.name for c in cb.EVENTS_COLUMNS) == _EVENT_ROW
assert tuple(c.name for c in cb.KEY_COLUMNS) == _KEY_ROW


def _picker(full: tuple[str, ...], wanted: list[str]) -> Callable[[list[Any]], list[Any]] | None:
    if list(full) == wanted:
        return None
    idx = [full.index(w) for w in wanted]
    return lambda row: [row[i] for i in idx]


@dataclass
class _Ctx:
    shareable: bool
    hasher: Hasher | None
    sessions: dict[str, list[tuple]]
    order: list[str]
    sess_info: dict[str, dict[str, Any]]
    first_day: dict[str, int]
    bar: Progress


def _free_text_types() -> set[str]:
    return {n for n, et in EVENT_TYPES.items() if any(f.free_text for f in et.fields)}


def _payload_text(e: tuple, shareable: bool, free_types: set[str]) -> str:
    et = e[R_ET]
    if shareable and et in free_types:
        ft = {f.name for f in EVENT_TYPES[et].fields if f.free_text}
        return json.dumps({k: v for k, v in e[R_PAYLOAD].items() if k not in ft}, sort_keys=True,
                          separators=(",", ":"), ensure_ascii=False)
    t = e[R_PT]
    return t if t is not None else json.dumps(e[R_PAYLOAD], sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _csv_plain(v: Any) -> bool:
    """``v`` is text the csv writer (QUOTE_MINIMAL, "\\n" line ends) writes unchanged."""
    return type(v) is str and "," not in v and '"' not in v and "\n" not in v


def _csv_text(s: str) -> str:
    """A text field exactly as the csv writer (QUOTE_MINIMAL, "\\n" line ends) writes it in a row of
    several fields."""
    if "," in s or '"' in s or "\n" in s:
        return '"' + s.replace('"', '""') + '"'
    return s


_WRITEBACK_BYTES = 32 << 20
_FADVISE = getattr(os, "posix_fadvise", None)


class _Sink:
    """Lines collected in memory and written to a file in large pieces (the csv writer's output
    goes here too: list.append is much cheaper than a write on a text file per row).

    With ``writeback`` the disk is asked to start writing every 32 MB (the file will be fsync'ed at
    the end: gigabytes of xAPI statements would otherwise all wait for that one fsync)."""

    __slots__ = ("out", "buf", "write", "writeback", "pending")

    def __init__(self, out: "_Out", writeback: bool = False) -> None:
        self.out = out
        self.buf: list[str] = []
        self.write = self.buf.append
        self.writeback = writeback and _FADVISE is not None
        self.pending = 0

    def flush(self) -> None:
        if self.buf:
            text = "".join(self.buf)
            self.out.fh.write(text)
            self.buf.clear()
            if self.writeback:
                self.pending += len(text)
                if self.pending >= _WRITEBACK_BYTES:
                    self.pending = 0
                    self.out.fh.flush()
                    try:   # POSIX_FADV_DONTNEED starts writing dirty pages back and returns
                        _FADVISE(self.out.fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
                    except OSError:
                        self.writeback = False


_STUDY_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)
_FAST_ROWS = True   # events.csv rows of plain records formatted directly (False: all via csv; tests)


def _write_outputs(ctx: _Ctx, out_dir: Path, header: bool = True, durable: bool = True,
                   write_xapi: bool = True, close: bool = True,
                   writeback: bool = False) -> tuple[dict[str, int], list[dict[str, Any]], int]:
    """Every table and (optionally) the xAPI statements, in one pass over the sessions in order.

    Returns (rows per table, deleted-profile notices, statements written). With ``header=False`` the
    tables have no header row and the statements no opening bracket; with ``close=False`` no closing
    bracket (statements are always ``,\\n``-separated)."""
    from game.clock import rfc3339_ms

    shareable, h = ctx.shareable, ctx.hasher
    H_code = h.code if h else None
    H_id = h.uuid if h else None
    H_ev = h.event_uuid if h else None
    free_types = _free_text_types()
    tables = list(cb.TABLES)
    outs: dict[str, _Out] = {}
    sinks: dict[str, _Sink] = {}
    writers: dict[str, Any] = {}
    rows = {t: 0 for t in tables}
    deleted: list[dict[str, Any]] = []
    parts_of_day = cb.PARTS_OF_DAY
    try:
        for t in tables:
            outs[t] = _Out(out_dir / f"{t}.csv", durable)
            sinks[t] = _Sink(outs[t], writeback)
            writers[t] = csv.writer(sinks[t], lineterminator="\n")
            if header:
                writers[t].writerow(cb.column_names(t, shareable))
        xs: _Sink | None = None
        n_statements = 0
        if write_xapi:
            xo = outs["\0xapi"] = _Out(out_dir / "xapi_statements.json", durable)
            xs = sinks["\0xapi"] = _Sink(xo, writeback)
            if header:
                xs.write("[\n")
            maker = StatementMaker()
            make = maker.make
            x_add = xs.write
        pick_events = _picker(_EVENT_ROW, cb.column_names("events", shareable))
        pick_key = _picker(_KEY_ROW, [c for c in cb.column_names("mood_checkins", shareable) if c in _KEY_ROW])
        # per measure table: extra columns after the key columns, with the value conversion needed
        table_of: dict[str, tuple[Any, list[tuple[str, bool]], bool, str]] = {}
        for t, types in cb.MEASURE_TABLES.items():
            extra = [c for c in cb.columns(t, shareable) if c.name not in _KEY_ROW]
            fields = []
            multi = False
            for c in extra:
                if c.name == "event_type" and c.source == "envelope":
                    multi = True
                    continue
                conv = c.type == "boolean" or c.is_list
                fields.append((c.name, conv))
            for et in types:
                table_of[et] = (writers[t].writerow, fields, multi, t)
        w_events = writers["events"].writerow
        ev_add = sinks["events"].write
        s_cols = cb.column_names("sessions", shareable)
        l_cols = cb.column_names("levels", shareable)
        w_sessions, w_levels = writers["sessions"], writers["levels"]
        fast_rows = _FAST_ROWS and pick_events is None and not shareable
        total = len(ctx.order)
        n_events = 0
        for n_s, sid in enumerate(ctx.order):
            if n_s % 8 == 0:   # a few MB at a time
                if n_s % 100 == 0:
                    ctx.bar.update("Writing tables", n_s, total)
                for s in sinks.values():
                    s.flush()
            evs = ctx.sessions[sid]
            info = ctx.sess_info[sid]
            code = info["code"]
            day0 = ctx.first_day.get(code)
            s_code = H_code(code) if H_code else code
            s_sid = H_id(sid) if H_id else sid
            pid0 = evs[0][R_PID]
            s_pid = H_id(pid0) if (H_id and isinstance(pid0, str)) else pid0
            sess_fast = fast_rows and _csv_plain(s_code) and _csv_plain(s_sid)
            if xs is not None:
                maker.session(s_code, code.split("-")[0], s_sid)
            sess_row: dict[str, Any] = {"n_events": len(evs), "first_seq": evs[0][R_SEQ],
                                        "last_seq": info["last_seq"], "missing_events": info["missing"],
                                        "levels_started": 0, "levels_completed": 0}
            level_rows: list[dict[str, Any]] = []
            cur = None
            for e in evs:
                (eid, _c, inst, pid, _s, seq, et, level, ts, tz, tsm, sv, av, build, payload, pt, ti,
                 plain) = e
                if ti is not None and day0 is not None:
                    sday, pod = ti[1] - day0 + 1, parts_of_day[ti[2] // 6]
                else:
                    sday = pod = None
                if H_id:
                    eid = H_ev(eid)
                    pid = H_id(pid) if isinstance(pid, str) else pid
                if shareable and et in free_types:
                    ptext = _payload_text(e, shareable, free_types)
                elif pt is not None:
                    ptext = pt
                else:
                    ptext = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
                if plain and sess_fast:
                    ev_add(f"{eid},{s_code},{inst},{pid},{s_sid},{seq},{et},{'' if level is None else level},"
                           f"{ts},{tz},{tsm},{'' if sday is None else sday},{'' if pod is None else pod},"
                           f"{sv},{av},{build},{_csv_text(ptext)}\n")
                else:
                    row = [eid, s_code, inst, pid, s_sid, seq, et, level, ts, tz, tsm, sday, pod, sv, av, build,
                           ptext]
                    w_events(pick_events(row) if pick_events else row)
                n_events += 1
                if xs is not None:
                    t_ms = tsm if isinstance(tsm, int) else 0
                    if h:
                        # study-relative time: day 1 = 2000-01-01, the part of day as its first hour,
                        # plus the session clock; never the real wall clock
                        stamp = rfc3339_ms(_STUDY_EPOCH + timedelta(days=(sday or 1) - 1,
                                                                    hours=(ti[2] // 6) * 6 if ti else 0,
                                                                    milliseconds=t_ms))
                    else:
                        stamp = ts
                    if n_statements:
                        x_add(",\n")
                    x_add(make(et, level, payload, ptext, eid, stamp, seq, t_ms, sday, pod, sv, av))
                    n_statements += 1
                spec = table_of.get(et)
                if spec is not None:
                    w, fields, multi, tname = spec
                    key = [s_code, inst, pid, s_sid, eid, seq, level, ts, tz, sday, pod, tsm]
                    if pick_key:
                        key = pick_key(key)
                    if multi:
                        key.append(et)
                    for f, conv in fields:
                        v = payload.get(f)
                        key.append(_fmt(v) if conv else v)
                    w(key)
                    rows[tname] += 1
                    continue
                if et == "session_started":
                    sess_row.update(language=payload.get("language"), portable=payload.get("portable"),
                                    recovered_events=payload.get("recovered_events"))
                elif et == "session_ended":
                    sess_row.update(duration_ms=payload.get("duration_ms"), end_reason=payload.get("reason"))
                elif et == "profile_deleted":
                    deleted.append({"participant_code": s_code, "profile_id": pid,
                                    "ts_utc": None if shareable else ts, "study_day": sday})
                elif et == "level_started":
                    sess_row["levels_started"] += 1
                    cur = {"participant_code": s_code, "installation_id": inst, "profile_id": pid,
                           "session_id": s_sid, "level_id": level, "start_seq": seq, "started_utc": ts,
                           "study_day": sday, "part_of_day": pod, "resumed": payload.get("resumed"),
                           "replay": payload.get("replay"), "resumed_checkpoint": payload.get("checkpoint"),
                           "checkpoints_reached": 0, "last_checkpoint": None, "outcome": "unfinished",
                           "duration_ms": None}
                    level_rows.append(cur)
                elif et in ("checkpoint_reached", "level_completed", "level_quit"):
                    if et == "level_completed":
                        sess_row["levels_completed"] += 1
                    if cur is not None and cur["outcome"] == "unfinished" and level == cur["level_id"]:
                        if et == "checkpoint_reached":
                            cur["checkpoints_reached"] += 1
                            cur["last_checkpoint"] = payload.get("checkpoint")
                        else:
                            cur["outcome"] = "completed" if et == "level_completed" else "quit"
                            cur["duration_ms"] = payload.get("duration_ms")
                            if et == "level_quit" and cur["last_checkpoint"] is None:
                                cur["last_checkpoint"] = payload.get("checkpoint")
            first, last = evs[0], evs[-1]
            ti0 = first[R_TI]
            srow = {"participant_code": s_code, "installation_id": first[R_INST], "profile_id": s_pid,
                    "session_id": s_sid, "started_utc": first[R_TS], "ended_utc": last[R_TS],
                    "tz_offset_min": first[R_TZ],
                    "study_day": (ti0[1] - day0 + 1) if ti0 and day0 is not None else None,
                    "part_of_day": parts_of_day[ti0[2] // 6] if ti0 else None, **sess_row}
            w_sessions.writerow([_fmt(srow.get(c)) for c in s_cols])
            rows["sessions"] += 1
            for lr in level_rows:
                w_levels.writerow([_fmt(lr.get(c)) for c in l_cols])
                rows["levels"] += 1
        rows["events"] = n_events
        ctx.bar.update("Writing tables", total, total, force=True)
        if xs is not None and header and close:
            xs.write("\n]\n" if n_statements else "]\n")
        for s in sinks.values():
            s.flush()
        for o in outs.values():
            o.commit()
    except BaseException:
        for o in outs.values():
            o.abort()
        raise
    return rows, deleted, n_statements


def read_withdrawn_file(out_dir: Path) -> tuple[set[str], set[str]]:
    from game.store.atomic import read_json_recovering

    data = read_json_recovering(Path(out_dir) / WITHDRAWN_FILE, default=None)
    if not isinstance(data, dict):
        return set(), set()
    return ({c for c in data.get("codes", []) if isinstance(c, str)},
            {h for h in data.get("hashes", []) if isinstance(h, str)})


def merge(inputs: Iterable[str | Path], private_key_path: str | Path | None, out_dir: str | Path,
          shareable: bool = False, full_validate: bool = False, now: datetime | None = None,
          withdraw: Iterable[str] = (), progress: bool | None = None, private_key: Any = None,
          write_xapi: bool = True, parallel: bool = True) -> MergeResult:
    """Decrypt and merge bundles into ``out_dir``. Raises MergeError for unusable input."""
    import gc

    # A merge builds millions of small objects and no reference cycles: the cyclic collector
    # would only re-scan them over and over (a third of the run time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _merge(inputs, private_key_path, out_dir, shareable, full_validate, now, withdraw, progress,
                      private_key, write_xapi, parallel)
    finally:
        if was_enabled:
            gc.enable()


_CODE_KEY = b'"participant_code":"'


class _Partitioner:
    """Splits lines into ``k`` contiguous ranges of participant codes with about equal events.

    An event_id met under two different codes goes where it was first met, so the conflict is
    still seen (and reported) by one worker. ``scan`` each bundle in order as it is opened (the
    scan overlaps with the decryption of the next bundles), then ``split``."""

    def __init__(self) -> None:
        self.per_line: list[list[str]] = []
        self.counts: Counter[str] = Counter()
        self.owner: dict[bytes, str] = {}
        self.text: dict[bytes, str] = {}
        self.cross = 0

    def scan(self, ob: OpenedBundle) -> None:
        owner, text = self.owner, self.text
        ck, ek = _CODE_KEY, _EID
        codes: list[str] = []
        add = codes.append
        for line in ob.lines:
            i = line.find(ck)
            if i >= 0:
                raw = line[i + 20:line.find(b'"', i + 20)]
                code = text.get(raw)
                if code is None:
                    code = text[raw] = raw.decode("utf-8", "replace")
            else:
                code = ""
            j = line.find(ek)
            if j >= 0:
                first = owner.setdefault(line[j + 12:line.find(b'"', j + 12)], code)
                if first != code:
                    self.cross += 1
                    code = first
            add(code)
        self.per_line.append(codes)
        self.counts.update(codes)

    def split(self, opened: list[OpenedBundle], k: int) -> tuple[list[list[tuple[str, list[bytes]]]], int]:
        """(parts, cross-code ids)"""
        counts = self.counts
        order = sorted(counts)
        total = sum(counts.values())
        bounds: dict[str, int] = {}
        acc, part = 0, 0
        for c in order:
            if part < k - 1 and acc >= total * (part + 1) / k:
                part += 1
            bounds[c] = part
            acc += counts[c]
        parts: list[list[tuple[str, list[bytes]]]] = [[] for _ in range(k)]
        for ob, codes in zip(opened, self.per_line):
            where = list(map(bounds.__getitem__, codes))
            for i in range(k):
                parts[i].append((ob.path.name, [ln for ln, w in zip(ob.lines, where) if w == i]))
        self.per_line = []
        self.owner = {}
        return parts, self.cross


def _partition(opened: list[OpenedBundle], k: int) -> tuple[list[list[tuple[str, list[bytes]]]], int]:
    p = _Partitioner()
    for ob in opened:
        p.scan(ob)
    return p.split(opened, k)


def _work(part: list[tuple[str, list[bytes]]], part_dir: Path, shared: dict[str, Any],
          header: bool = False, keep: list[Any] | None = None) -> dict[str, Any]:
    """Dedupe, check and write one range of participants into ``part_dir``.

    With ``header`` the tables get their header row and the statements their opening bracket (the
    first range); the closing bracket is added when the parts are joined. With ``keep`` the
    events and their index are handed over instead of freed here (freeing a million small objects
    takes a while: the caller does it when the time is not on the critical path, or never)."""
    st = _State()
    st.manifest_sessions = shared["manifest_sessions"]
    for name, lines in part:
        _ingest(st, name, lines, shared["full_validate"])
    is_withdrawn = shared["is_withdrawn"]
    sessions: dict[str, list[tuple]] = defaultdict(list)
    removed = 0
    wd_cache: dict[str, bool] = {}
    for ev in st.events:
        code = ev[R_CODE]
        w = wd_cache.get(code)
        if w is None:
            w = wd_cache[code] = is_withdrawn(code)
        if w:
            removed += 1
        else:
            sessions[ev[R_SID]].append(ev)
    if keep is not None:
        keep.append((st.events, st.by_id, sessions))
    st.events = []
    st.by_id = {}
    now_ms, earliest_ms = shared["now_ms"], shared["earliest_ms"]
    gaps: list[dict[str, Any]] = []
    seq_conflicts: list[dict[str, Any]] = []
    future: list[dict[str, Any]] = []
    past: list[dict[str, Any]] = []
    jumps: list[dict[str, Any]] = []
    bad_time: list[dict[str, Any]] = []
    n_future = n_past = n_consent_sessions = 0
    first_day: dict[str, int] = {}
    sess_info: dict[str, dict[str, Any]] = {}
    for sid, evs in sessions.items():
        evs.sort(key=_SEQ_ID)
        code = evs[0][R_CODE]
        seqs = [e[R_SEQ] for e in evs]
        dups = sorted({s for s, t in zip(seqs, seqs[1:]) if s == t})
        if dups:
            seq_conflicts.append({"participant_code": code, "session_id": sid, "event_seq": _ranges(dups)})
        last = max(seqs[-1], st.manifest_sessions.get(sid, -1))
        have = set(seqs)
        missing = [s for s in range(0, last + 1) if s not in have] if len(have) != last + 1 else []
        if missing and missing[0] == 0 and evs[0][R_ET] == "consent_decided":
            # the consent session: what came before the player said yes was never research data
            lead = evs[0][R_SEQ]
            missing = [s for s in missing if s >= lead]
            n_consent_sessions += 1
        if missing:
            gaps.append({"participant_code": code, "session_id": sid, "missing": _ranges(missing),
                         "count": len(missing), "last_seq": last})
        prev_off = None
        first_ms = None
        for e in evs:
            ti = e[R_TI]
            if ti is None:
                bad_time.append({"participant_code": code, "session_id": sid, "event_id": e[R_EID],
                                 "ts_utc": e[R_TS]})
                continue
            ms = ti[0]
            if first_ms is None:
                first_ms = ms
            if ms > now_ms:
                n_future += 1
                if len(future) < 1000:
                    future.append({"participant_code": code, "session_id": sid, "event_id": e[R_EID],
                                   "ts_utc": e[R_TS]})
            elif ms < earliest_ms:
                n_past += 1
                if len(past) < 1000:
                    past.append({"participant_code": code, "session_id": sid, "event_id": e[R_EID],
                                 "ts_utc": e[R_TS]})
            off = ms - e[R_TSM]
            if prev_off is not None and abs(off - prev_off) > CLOCK_JUMP_S * 1000:
                jumps.append({"participant_code": code, "session_id": sid, "event_seq": e[R_SEQ],
                              "jump_s": round((off - prev_off) / 1000, 1)})
            prev_off = off
            d = first_day.get(code)
            if d is None or ti[1] < d:
                first_day[code] = ti[1]
        sess_info[sid] = {"code": code, "first_ms": first_ms if first_ms is not None else 0,
                          "missing": len(missing), "last_seq": last}
    # order: participant, then session start, then session id, then seq
    order = sorted(sessions, key=lambda s: (sess_info[s]["code"], sess_info[s]["first_ms"], s))
    part_dir.mkdir(parents=True, exist_ok=True)
    ctx = _Ctx(shared["shareable"], shared["hasher"], sessions, order, sess_info, first_day, shared["bar"])
    rows, deleted, n_statements = _write_outputs(ctx, part_dir, header=header, durable=False,
                                                 write_xapi=shared["write_xapi"], close=False,
                                                 writeback=header)
    return {
        "read": st.read, "duplicates": st.duplicates, "conflicts": st.conflicts, "invalid": st.invalid,
        "schema_versions": dict(st.schema_versions), "removed": removed, "gaps": gaps,
        "seq_conflicts": seq_conflicts, "future": future, "n_future": n_future, "past": past, "n_past": n_past,
        "jumps": jumps, "bad_time": bad_time, "consent_sessions": n_consent_sessions, "rows": rows,
        "deleted": deleted, "statements": n_statements,
        "participants": sorted({sess_info[s]["code"] for s in order}), "sessions": len(order),
    }


def _copy_into(src: Path, raw: Any) -> None:
    size = src.stat().st_size
    with open(src, "rb") as fh:
        if hasattr(os, "sendfile"):
            raw.flush()
            out_fd, in_fd, off = raw.fileno(), fh.fileno(), 0
            try:
                while off < size:
                    n = os.sendfile(out_fd, in_fd, off, size - off)
                    if n == 0:
                        break
                    off += n
                if off == size:
                    return
            except OSError:
                pass
            fh.seek(off)
        shutil.copyfileobj(fh, raw, 1 << 22)


def _free(objs: list[Any]) -> None:
    """Drop big containers a slice at a time: in between, the GIL can pass to the threads that copy
    and fsync (one ``del`` of a million objects would hold it throughout)."""
    while objs:
        x = objs.pop()
        if type(x) is list:
            while x:
                del x[-20000:]
        elif type(x) is dict:
            while x:
                x.popitem()
        elif type(x) is tuple:
            objs.extend(x)
        del x


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _join(first: Path, rest: list[Path], dest: Path, sep: str = "", first_has_data: bool = True,
          tail: str = "") -> None:
    """Append the other parts (kernel copy where possible) to the first part, which already holds
    the header and the first range, make it durable and move it into place as ``dest`` (atomically:
    never half a file). The parts are in a folder beside ``dest``, on the same file system."""
    with open(first, "r+b", buffering=0) as raw:   # not "ab": sendfile() refuses O_APPEND files
        raw.seek(0, os.SEEK_END)
        wrote = first_has_data
        for p in rest:
            if not p.exists() or p.stat().st_size == 0:
                continue
            if wrote and sep:
                raw.write(sep.encode())
            _copy_into(p, raw)
            wrote = True
        if tail:
            raw.write(tail.encode())
        os.fsync(raw.fileno())
    os.replace(first, dest)


def _merge(inputs, private_key_path, out_dir, shareable, full_validate, now, withdraw, progress,
           private_key, write_xapi, parallel) -> MergeResult:
    from game.clock import rfc3339_ms
    from game.research.codes import validate_code
    from game.version import APP_VERSION

    t_start = time.perf_counter()
    now = now or datetime.now(timezone.utc)
    out_dir = Path(out_dir)
    bundles, problems = find_bundles(inputs)
    if problems and not bundles:
        raise MergeError("No bundles to merge: " + "; ".join(problems))
    if not bundles:
        raise MergeError("No bundles to merge: give one or more .glimmer files or folders.")
    sk = private_key if private_key is not None else load_private_key(private_key_path)  # type: ignore[arg-type]
    hasher = Hasher(shareable_hash_key(sk)) if shareable else None
    if progress is None:
        progress = sys.stderr.isatty()
    bar = Progress(bool(progress))
    st = _State()
    for p in problems:
        st.unreadable.append({"file": p.split(":")[0], "error": p})
    opened: list[OpenedBundle] = []
    can_fork = parallel and hasattr(os, "fork") and os.name == "posix"
    partitioner = _Partitioner() if can_fork and MAX_WORKERS > 1 and (os.cpu_count() or 1) > 1 else None

    def try_open(path: Path) -> OpenedBundle | BundleError:
        try:
            return open_bundle(path, sk)
        except BundleError as e:
            return e

    # two bundles at a time: decompression, decryption and hashing release the GIL
    with ThreadPoolExecutor(max_workers=2 if len(bundles) > 1 else 1) as dpool:
        for n, (path, ob) in enumerate(zip(bundles, dpool.map(try_open, bundles)), 1):
            bar.update("Decrypting bundles", n - 1, len(bundles))
            if isinstance(ob, BundleError):
                st.unreadable.append({"file": path.name, "error": str(ob)})
                continue
            _note_bundle(st, ob)
            opened.append(ob)
            if partitioner is not None:
                partitioner.scan(ob)
    bar.update("Decrypting bundles", len(bundles), len(bundles), force=True)
    if not st.bundles:
        raise MergeError("No bundle could be opened:\n  " + "\n  ".join(u["error"] for u in st.unreadable))
    phases = {"decrypt": round(time.perf_counter() - t_start, 2)}
    LAST_TIMINGS.clear()
    LAST_TIMINGS["decrypt"] = phases["decrypt"]

    # ------------------------------------------------------------ withdrawals
    wd_codes, wd_hashes = read_withdrawn_file(out_dir)
    by_researcher = set(wd_codes)
    for c in withdraw:
        ok, norm, _ = validate_code(c)
        by_researcher.add(norm if ok else c.strip().upper())
    in_game = {w["participant_code"] for w in st.withdrawals}
    all_withdrawn = by_researcher | in_game
    code_hasher = hasher or (Hasher(shareable_hash_key(sk)) if wd_hashes else None)

    def is_withdrawn(code: str) -> bool:
        if code in all_withdrawn:
            return True
        return bool(wd_hashes) and code_hasher is not None and code_hasher.code(code) in wd_hashes

    # ------------------------------------------------------------ the work, on every core we may use
    total_lines = sum(len(ob.lines) for ob in opened)
    k = min(MAX_WORKERS, os.cpu_count() or 1) if (can_fork and total_lines >= PARALLEL_MIN_EVENTS) else 1
    if k > 1 and partitioner is not None:
        parts, cross = partitioner.split(opened, k)
    elif k > 1:
        parts, cross = _partition(opened, k)
    else:
        parts, cross = [[(ob.path.name, ob.lines) for ob in opened]], 0
    opened = []
    partitioner = None
    shared = {"manifest_sessions": st.manifest_sessions, "full_validate": full_validate,
              "is_withdrawn": is_withdrawn, "shareable": shareable, "hasher": hasher, "bar": bar,
              "write_xapi": write_xapi,
              "now_ms": int((now - _EPOCH).total_seconds() * 1000) + FUTURE_TOLERANCE_S * 1000,
              "earliest_ms": int((EARLIEST_PLAUSIBLE - _EPOCH).total_seconds() * 1000)}
    out_dir.mkdir(parents=True, exist_ok=True)
    work_root = out_dir / f".merge-parts-{os.getpid()}"
    if work_root.exists():
        shutil.rmtree(work_root)
    children: list[int] = []
    results: list[dict[str, Any] | None] = [None] * k
    pool: ThreadPoolExecutor | None = None
    try:
        if k > 1:
            sys.stdout.flush()
            sys.stderr.flush()
            for i in range(1, k):
                pid = os.fork()
                if pid == 0:  # pragma: no cover - runs in the child
                    code = 1
                    try:
                        shared["bar"] = Progress(False)
                        hold: list[Any] = []   # freed by os._exit, not one object at a time
                        res = _work(parts[i], work_root / str(i), shared, keep=hold)
                        (work_root / str(i) / "stats.json").write_text(json.dumps(res), "utf-8")
                        code = 0
                    except BaseException:
                        import traceback

                        traceback.print_exc()
                    finally:
                        os._exit(code)
                children.append(pid)
        LAST_TIMINGS["partition"] = round(time.perf_counter() - t_start, 2)
        hold = []
        results[0] = _work(parts[0], work_root / "0", shared, header=True, keep=hold)
        LAST_TIMINGS["first_range"] = round(time.perf_counter() - t_start, 2)
        hold.append(parts)
        parts = []
        # the first range is the head of every output: let the disk start on it while the other
        # worker finishes (the final fsync then has only the appended ranges left to write)
        pool = ThreadPoolExecutor(max_workers=4)
        names = [f"{t}.csv" for t in cb.TABLES] + (["xapi_statements.json"] if write_xapi else [])
        if children:
            for n in names:
                pool.submit(_fsync_path, work_root / "0" / n)
        failed = False
        statuses: dict[int, int] = {}
        for pid in children:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                statuses[pid] = status
        if len(statuses) < len(children):
            _free(hold)   # the other worker is still busy: free our range's data meanwhile
        for i, pid in enumerate(children, 1):
            status = statuses[pid] if pid in statuses else os.waitpid(pid, 0)[1]
            stats = work_root / str(i) / "stats.json"
            if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and stats.exists():
                results[i] = json.loads(stats.read_text("utf-8"))
            else:
                failed = True
        if failed:
            raise MergeError("A merge worker process failed; run again with parallel=False to see why.")
        phases["work"] = round(time.perf_counter() - t_start, 2)
        dirs = [work_root / str(i) for i in range(k)]
        jobs = [pool.submit(_join, dirs[0] / f"{t}.csv", [d / f"{t}.csv" for d in dirs[1:]], out_dir / f"{t}.csv")
                for t in cb.TABLES]
        if write_xapi:
            jobs.append(pool.submit(_join, dirs[0] / "xapi_statements.json",
                                    [d / "xapi_statements.json" for d in dirs[1:]], out_dir / "xapi_statements.json",
                                    sep=",\n", first_has_data=bool(results[0]["statements"]), tail="\n]\n"))
        elif (out_dir / "xapi_statements.json").exists():
            (out_dir / "xapi_statements.json").unlink()  # never leave statements of an older merge
        _free(hold)   # (if not done yet) while the joins copy and fsync
        for j in jobs:
            j.result()
        phases["assemble"] = round(time.perf_counter() - t_start, 2)
        LAST_TIMINGS.update(work=phases["work"], assemble=phases["assemble"])
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        for pid in children:
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
        shutil.rmtree(work_root, ignore_errors=True)
    R = [r for r in results if r is not None]

    def cat(key: str) -> list[Any]:
        return [x for r in R for x in r[key]]

    st.read = sum(r["read"] for r in R)
    st.duplicates = sum(r["duplicates"] for r in R)
    st.conflicts = cat("conflicts")
    st.invalid = cat("invalid")
    for r in R:
        for v, n in r["schema_versions"].items():
            st.schema_versions[v] += n
    removed = sum(r["removed"] for r in R)
    gaps, seq_conflicts, jumps, bad_time = cat("gaps"), cat("seq_conflicts"), cat("jumps"), cat("bad_time")
    future, past = cat("future")[:1000], cat("past")[:1000]
    n_future, n_past = sum(r["n_future"] for r in R), sum(r["n_past"] for r in R)
    n_consent_sessions = sum(r["consent_sessions"] for r in R)
    rows = {t: sum(r["rows"][t] for r in R) for t in cb.TABLES}
    deleted = cat("deleted")
    participants = cat("participants")
    order = range(sum(r["sessions"] for r in R))

    # ------------------------------------------------------------ codebook, datapackage, report
    from game.store.atomic import atomic_write_bytes, atomic_write_json

    created = rfc3339_ms(now)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cb.CODEBOOK_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(cb.codebook_rows(shareable))
    atomic_write_bytes(out_dir / "codebook.csv", buf.getvalue().encode("utf-8"), keep_backup=False)
    studies = sorted({p.split("-")[0] for p in participants}) if participants else []
    atomic_write_json(out_dir / "datapackage.json",
                      cb.datapackage("-".join(studies) or None, shareable, list(cb.TABLES), created), keep_backup=False)

    H_code = hasher.code if hasher else None
    H_id = hasher.uuid if hasher else None
    H_ev = hasher.event_uuid if hasher else None

    def hid(v: Any) -> Any:
        return H_id(v) if (H_id and isinstance(v, str)) else v

    def hcode(v: Any) -> Any:
        return H_code(v) if (H_code and isinstance(v, str)) else v

    def scrub(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if not shareable:
            return items
        out = []
        for it in items:
            it = dict(it)
            for k in ("session_id", "profile_id"):
                if k in it:
                    it[k] = hid(it[k])
            if "event_id" in it and isinstance(it["event_id"], str):
                it["event_id"] = H_ev(it["event_id"])
            if "participant_code" in it:
                it["participant_code"] = hcode(it["participant_code"])
            it.pop("ts_utc", None)
            out.append(it)
        return out

    report = {
        "created_utc": created, "tool": f"Glimmer research tools {APP_VERSION}",
        "schema_version": SCHEMA_VERSION, "mode": "shareable" if shareable else "full",
        "bundles": [dict(b, installation_id=None) if shareable else b for b in st.bundles],
        "unreadable_bundles": st.unreadable,
        "events": {"read": st.read, "unique": st.read - st.duplicates - len(st.invalid) - len(st.conflicts),
                   "duplicates": st.duplicates, "invalid": len(st.invalid),
                   "withdrawn_removed": removed, "written": rows["events"]},
        "participants": len(participants), "sessions": len(order),
        "consent_sessions": n_consent_sessions,
        "conflicts": scrub(st.conflicts),
        "invalid_events": scrub(st.invalid[:1000]),
        "gaps": scrub(gaps),
        "seq_conflicts": scrub(seq_conflicts),
        "cross_participant_ids": cross,
        "future_timestamps": {"count": n_future, "tolerance_s": FUTURE_TOLERANCE_S, "examples": scrub(future)},
        "implausible_past_timestamps": {"count": n_past, "before": EARLIEST_PLAUSIBLE.date().isoformat(),
                                        "examples": scrub(past)},
        "unreadable_timestamps": scrub(bad_time[:1000]),
        "clock_jumps": {"threshold_s": CLOCK_JUMP_S, "items": scrub(jumps)},
        "withdrawn": {"in_game": sorted(hcode(c) for c in in_game),
                      "by_researcher": sorted(hcode(c) for c in by_researcher) + sorted(wd_hashes),
                      "events_removed": removed},
        "deleted_profiles": deleted,
        "schema_versions": dict(st.schema_versions),
        "newer_schema_major": sorted(v for v in st.schema_versions if schema_major(v) > schema_major()),
        "tables": rows,
        "seconds": round(time.perf_counter() - t_start, 2), "phases_cumulative_s": phases,
    }
    atomic_write_json(out_dir / "merge_report.json", report, keep_backup=False)
    atomic_write_bytes(out_dir / "merge_report.md", report_markdown(report).encode("utf-8"), keep_backup=False)
    code = 0 if not st.unreadable else 1
    return MergeResult(out_dir, report, code)


# ---------------------------------------------------------------------- reports
def _problem_counts(r: dict[str, Any]) -> list[tuple[str, int]]:
    return [
        ("bundles that could not be read", len(r["unreadable_bundles"])),
        ("event ids seen with different content (conflicts)", len(r["conflicts"])),
        ("events that failed the schema check (left out)", r["events"]["invalid"]),
        ("sessions with gaps in event_seq", len(r["gaps"])),
        ("sessions where two events claim one event_seq", len(r["seq_conflicts"])),
        ("events with a timestamp in the future", r["future_timestamps"]["count"]),
        ("events with a timestamp before " + r["implausible_past_timestamps"]["before"],
         r["implausible_past_timestamps"]["count"]),
        ("events with an unreadable timestamp", len(r["unreadable_timestamps"])),
        ("clock jumps inside a session", len(r["clock_jumps"]["items"])),
    ]


def report_console(r: dict[str, Any]) -> list[str]:
    e = r["events"]
    lines = [
        f"Merged {len(r['bundles'])} bundle(s): {e['read']} events read, {e['duplicates']} exact duplicates "
        f"dropped, {e['written']} events written for {r['participants']} participant(s) in {r['sessions']} session(s).",
    ]
    if r["withdrawn"]["events_removed"] or r["withdrawn"]["in_game"] or r["withdrawn"]["by_researcher"]:
        lines.append(f"Withdrawn participants: {len(set(r['withdrawn']['in_game']) | set(r['withdrawn']['by_researcher']))} "
                     f"({r['withdrawn']['events_removed']} events removed).")
    if r["deleted_profiles"]:
        lines.append(f"Profiles deleted at school: {len(r['deleted_profiles'])} (their earlier data are kept; "
                     "use `research withdraw CODE` if the participant asked for removal).")
    problems = [(label, n) for label, n in _problem_counts(r) if n]
    if problems:
        lines.append("Check these (details in merge_report.md):")
        lines += [f"  - {n} {label}" for label, n in problems]
        for u in r["unreadable_bundles"][:10]:
            lines.append(f"    {u['error']}")
    else:
        lines.append("No conflicts, gaps or clock problems found.")
    return lines


def _md_list(title: str, items: list[Any], fmt: Callable[[Any], str], limit: int = 200) -> list[str]:
    out = [f"## {title} ({len(items)})", ""]
    if not items:
        out += ["None.", ""]
        return out
    out += [f"- {fmt(i)}" for i in items[:limit]]
    if len(items) > limit:
        out.append(f"- … and {len(items) - limit} more (see merge_report.json)")
    out.append("")
    return out


def report_markdown(r: dict[str, Any]) -> str:
    e = r["events"]
    md = [f"# Merge report ({r['mode']})", "", f"Created {r['created_utc']} by {r['tool']}, schema {r['schema_version']}.", "",
          "## Summary", "", *[f"- {ln}" for ln in report_console(r)], "",
          "| | count |", "|---|---|",
          f"| events read | {e['read']} |", f"| exact duplicates dropped | {e['duplicates']} |",
          f"| invalid (left out) | {e['invalid']} |", f"| removed (withdrawn) | {e['withdrawn_removed']} |",
          f"| events written | {e['written']} |", f"| participants | {r['participants']} |",
          f"| sessions | {r['sessions']} |", ""]
    md += ["## Tables", "", "| table | rows |", "|---|---|", *[f"| {t}.csv | {n} |" for t, n in r["tables"].items()], ""]
    md += _md_list("Bundles", r["bundles"], lambda b: f"{b['file']}: {b['events']} events, app {b['app_version']}, "
                   f"created {b['created_utc']}, key {b['key_id']}")
    md += _md_list("Unreadable bundles", r["unreadable_bundles"], lambda u: u["error"])
    md += _md_list("Conflicts: one event_id, different content", r["conflicts"],
                   lambda c: f"{c['event_id']} ({c['participant_code']}): differs in {', '.join(c['fields'])}; "
                             f"kept the version from {c['kept_from']}, other in {c['other_from']}")
    md += _md_list("Invalid events (left out)", r["invalid_events"], lambda i: f"{i.get('event_id')}: {i['problem']} ({i['bundle']})")
    md += _md_list("Gaps in event_seq", r["gaps"], lambda g: f"{g['participant_code']} session {g['session_id']}: "
                   f"missing {g['missing']} ({g['count']})")
    md += _md_list("Two events with one event_seq", r["seq_conflicts"],
                   lambda g: f"{g['participant_code']} session {g['session_id']}: seq {g['event_seq']}")
    md += _md_list("Timestamps in the future", r["future_timestamps"]["examples"],
                   lambda f: f"{f['participant_code']} session {f['session_id']}: {f.get('ts_utc', '(hidden)')}")
    md += _md_list("Timestamps implausibly far in the past", r["implausible_past_timestamps"]["examples"],
                   lambda f: f"{f['participant_code']} session {f['session_id']}: {f.get('ts_utc', '(hidden)')}")
    md += _md_list(f"Clock jumps (wall clock and session clock differ by more than {r['clock_jumps']['threshold_s']} s)",
                   r["clock_jumps"]["items"], lambda j: f"{j['participant_code']} session {j['session_id']} at seq "
                   f"{j['event_seq']}: {j['jump_s']:+} s")
    md += _md_list("Withdrawn in the game", r["withdrawn"]["in_game"], str)
    md += _md_list("Withdrawn by the researcher", r["withdrawn"]["by_researcher"], str)
    md += _md_list("Profiles deleted at school", r["deleted_profiles"],
                   lambda d: f"{d['participant_code']} (study day {d['study_day']})")
    return "\n".join(md) + "\n"


# ---------------------------------------------------------------------- withdraw
def withdraw(out_dir: str | Path, codes: Iterable[str], private_key_path: str | Path | None = None) -> dict[str, Any]:
    """Remove participants from the merged outputs in ``out_dir`` and remember them, so later
    merges into the same folder leave them out too."""
    from game.research.codes import validate_code
    from game.store.atomic import atomic_write_json, read_json_recovering

    out_dir = Path(out_dir)
    rep = read_json_recovering(out_dir / "merge_report.json", default=None)
    if not isinstance(rep, dict):
        raise MergeError(f"{out_dir.name} does not hold merged outputs (no merge_report.json).")
    shareable = rep.get("mode") == "shareable"
    norm = []
    for c in codes:
        ok, n, _ = validate_code(c)
        norm.append(n if ok else c.strip().upper())
    hasher = None
    if shareable:
        if not private_key_path:
            raise MergeError("These outputs are shareable (codes are hashed): give --key PRIVATE_KEY "
                             "so the codes can be matched.")
        hasher = Hasher(shareable_hash_key(load_private_key(private_key_path)))
    targets = {hasher.code(c) for c in norm} if hasher else set(norm)
    removed: dict[str, int] = {}
    for csv_path in sorted(out_dir.glob("*.csv")):
        if csv_path.name == "codebook.csv":
            continue
        with open(csv_path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if not header or "participant_code" not in header:
                continue
            i = header.index("participant_code")
            out = _Out(csv_path)
            wr = csv.writer(out.fh, lineterminator="\n")
            wr.writerow(header)
            n = 0
            for row in reader:
                if len(row) > i and row[i] in targets:
                    n += 1
                    continue
                wr.writerow(row)
        out.commit()
        removed[csv_path.stem] = n
    xp = out_dir / "xapi_statements.json"
    if xp.exists():
        with open(xp, encoding="utf-8") as fh:
            statements = json.load(fh)
        out = _Out(xp)
        sw = StatementWriter(out.fh)
        n = 0
        for s in statements:
            if ((s.get("actor") or {}).get("account") or {}).get("name") in targets:
                n += 1
                continue
            sw.write(json.dumps(s, sort_keys=True, ensure_ascii=False))
        sw.close()
        out.commit()
        removed["xapi_statements"] = n
    codes_set, hashes_set = read_withdrawn_file(out_dir)
    if shareable:
        hashes_set |= targets
    else:
        codes_set |= set(norm)
    atomic_write_json(out_dir / WITHDRAWN_FILE, {"codes": sorted(codes_set), "hashes": sorted(hashes_set)},
                      keep_backup=False)
    rep.setdefault("withdrawn", {}).setdefault("by_researcher", [])
    rep["withdrawn"]["by_researcher"] = sorted(set(rep["withdrawn"]["by_researcher"]) | targets)
    rep["withdrawn"]["rows_removed_later"] = removed
    atomic_write_json(out_dir / "merge_report.json", rep, keep_backup=False)
    return {"codes": sorted(targets), "rows_removed": removed}


# ---------------------------------------------------------------------- keygen
def keygen(out_dir: str | Path) -> dict[str, str]:
    from nacl.public import PrivateKey

    from game.deployment import key_id_for
    from game.store.atomic import atomic_write_bytes

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    priv, pub = out_dir / "study-private.key", out_dir / "study-public.key"
    for p in (priv, pub):
        if p.exists():
            raise MergeError(f"{p.name} already exists in {out_dir.name}; refusing to overwrite a study key.")
    sk = PrivateKey.generate()
    pk_b64 = base64.b64encode(bytes(sk.public_key)).decode("ascii")
    kid = key_id_for(bytes(sk.public_key))
    atomic_write_bytes(priv, (f"# Glimmer study PRIVATE key (key id {kid}). Keep it secret and backed up:\n"
                              "# without it no export can be opened; with it anyone can.\n"
                              + base64.b64encode(bytes(sk)).decode("ascii") + "\n").encode(), keep_backup=False)
    try:
        os.chmod(priv, 0o600)
    except OSError:
        pass
    atomic_write_bytes(pub, (pk_b64 + "\n").encode(), keep_backup=False)
    return {"private": str(priv), "public": str(pub), "public_key": pk_b64, "key_id": kid}


# ---------------------------------------------------------------------- benchmark
def synth_bundles(out_dir: Path, public_key: bytes, n_players: int = 300, n_events: int = 3000,
                  per_installation: int = 30, seed: int = 1) -> list[Path]:
    """Fast synthetic bundles (valid events, realistic mix) for the merge benchmark."""
    import random
    import uuid

    from game.deployment import key_id_for
    from game.research.codes import make_codes
    from game.research.export import ExportContent, build_bundle
    from game.research.schema import example_payload

    rng = random.Random(seed)
    codes = make_codes("BENCH", n_players, rng)
    mix = (["trap_answered"] * 8 + ["npc_interacted"] * 6 + ["mood_checkin"] * 3 + ["checkpoint_reached"] * 2
           + ["activity_planned"] * 2 + ["activity_followed_up"] * 2 + ["thought_record_completed"] * 2
           + ["help_opened", "challenge_set", "challenge_followed_up"])
    per_session = 150
    start = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for b in range(0, n_players, per_installation):
        inst = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        events = []
        for code in codes[b:b + per_installation]:
            pid = uuid.UUID(int=rng.getrandbits(128), version=4).hex[:12]
            n_sessions = max(1, n_events // per_session)
            for s in range(n_sessions):
                sid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                t0 = start + timedelta(days=3 * s, hours=rng.randint(0, 8))
                level = f"level_{s % 7 + 1}"
                count = per_session if s < n_sessions - 1 else n_events - per_session * (n_sessions - 1)
                for q in range(count):
                    if q == 0:
                        et, lvl = "session_started", None
                    elif q == 1:
                        et, lvl = "level_started", level
                    elif q == count - 2:
                        et, lvl = "level_completed", level
                    elif q == count - 1:
                        et, lvl = "session_ended", None
                    else:
                        et, lvl = mix[rng.randrange(len(mix))], level
                    ms = q * 4000
                    events.append({
                        "event_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        "schema_version": SCHEMA_VERSION, "app_version": "0.1.0", "build_id": "bench",
                        "installation_id": inst, "profile_id": pid, "participant_code": code,
                        "session_id": sid, "event_seq": q, "event_type": et,
                        "ts_utc": (t0 + timedelta(milliseconds=ms)).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                        "t_session_ms": ms, "tz_offset_min": 120, "level_id": lvl,
                        "payload": example_payload(et, rng),
                    })
        content = ExportContent(inst, "0.1.0", "bench", events, [], [], {})
        data, _ = build_bundle(content, public_key, key_id_for(public_key), "BENCH", "2026-12-01T00:00:00.000Z")
        p = out_dir / f"bench-{b // per_installation:03d}.glimmer"
        p.write_bytes(data)
        paths.append(p)
    return paths


def bench_merge(n_players: int = 300, n_events: int = 3000, keep: str | None = None,
                write_xapi: bool = True) -> float:
    """Synthesise n_players x n_events in bundles (not timed), then time a full merge. Seconds."""
    import tempfile

    from nacl.public import PrivateKey

    sk = PrivateKey(hashlib.sha256(b"glimmer-bench").digest())
    with tempfile.TemporaryDirectory(prefix="glimmer-bench-") as tmp:
        root = Path(keep) if keep else Path(tmp)
        bundles = synth_bundles(root / "bundles", bytes(sk.public_key), n_players, n_events)
        t0 = time.perf_counter()
        merge([str(p) for p in bundles], None, root / "merged", private_key=sk, progress=False,
              now=datetime(2027, 1, 1, tzinfo=timezone.utc), write_xapi=write_xapi)
        return time.perf_counter() - t0
