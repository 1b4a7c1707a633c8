"""Export bundles: what a counsellor hands to the research team.

One file per export, ``glimmer-export-<installation8>-<UTC stamp>.glimmer``: a zip holding

* ``manifest.json`` (plain, readable by the school): installation id, app/schema version, key id,
  counts, first/last ``event_seq`` per session, SHA-256 of ``payload.enc``;
* ``payload.enc``: a libsodium sealed box (PyNaCl) to the study's public key, holding a zip with
  ``events.jsonl`` (one event per line, deletion notices included), ``withdrawals.json``,
  ``progress.json`` and ``contents.json`` (SHA-256 of each of those files).

Only events of profiles that said yes and entered a valid code go in (events whose
``participant_code`` is set). Exports are cumulative: every export holds everything so far, and
merging repeats is safe (the research tools de-duplicate on ``event_id``).
"""
from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from game.clock import Clock, rfc3339_ms
from game.research.schema import EVENT_TYPES, SCHEMA_VERSION
from game.store.atomic import atomic_write_bytes, atomic_write_json, read_json_recovering
from game.store.eventlog import iter_sessions, load_installation_id

BUNDLE_SUFFIX = ".glimmer"
BUNDLE_FORMAT = "glimmer-export"
BUNDLE_FORMAT_VERSION = 1
DELETIONS_FILE = "deletions.json"
ENCRYPTION = "libsodium sealed box (X25519 + XSalsa20-Poly1305)"
_ZIP_DATE = (2020, 1, 1, 0, 0, 0)


class ExportError(Exception):
    """A problem a counsellor can fix (message in plain words)."""


def dumps_line(e: dict[str, Any]) -> str:
    """The one serialisation of an event in bundles (stable, so repeats compare equal)."""
    return json.dumps(e, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------- encryption
def seal(public_key: bytes, message: bytes, seed: bytes | None = None) -> bytes:
    """Sealed box to ``public_key``. With ``seed`` the ephemeral key is derived from it, so the
    output is repeatable (simulated cohorts only; real exports always use a fresh random key)."""
    from nacl.public import Box, PrivateKey, PublicKey, SealedBox

    pk = PublicKey(public_key)
    if seed is None:
        return SealedBox(pk).encrypt(message)
    from nacl.encoding import RawEncoder
    from nacl.hash import blake2b

    esk = PrivateKey(hashlib.sha256(b"glimmer-simulated-seal\0" + seed).digest())
    epk = bytes(esk.public_key)
    nonce = blake2b(epk + public_key, digest_size=24, encoder=RawEncoder)
    return epk + Box(esk, pk).encrypt(message, nonce).ciphertext


def _zip(files: dict[str, bytes], compress: bool = True) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
    return buf.getvalue()


# ---------------------------------------------------------------------- profiles and consent
def read_profiles(data_dir: Path) -> dict[str, dict[str, Any] | None]:
    """profile_id -> save document (None when the save cannot be read). Defensive by design."""
    out: dict[str, dict[str, Any] | None] = {}
    pdir = Path(data_dir) / "profiles"
    if not pdir.is_dir():
        return out
    for p in sorted(x for x in pdir.iterdir() if x.is_dir()):
        raw = read_json_recovering(p / "save.json", default=None)
        doc = None
        if isinstance(raw, dict):
            table = raw.get("save")
            if isinstance(table, dict) and table:
                first = table.get("1") or next(iter(table.values()))
                if isinstance(first, dict):
                    doc = first
        out[p.name] = doc
    return out


def _research(doc: dict[str, Any] | None) -> tuple[str | None, str | None]:
    r = doc.get("research") if isinstance(doc, dict) else None
    if not isinstance(r, dict):
        return None, None
    decision = r.get("decision") if r.get("decision") in ("yes", "no", "withdrawn") else None
    code = r.get("participant_code") if isinstance(r.get("participant_code"), str) else None
    return decision, code


def consented_code(doc: dict[str, Any] | None) -> str | None:
    decision, code = _research(doc)
    return code if decision == "yes" and code else None


def _levels_completed(doc: dict[str, Any]) -> list[str]:
    levels = ((doc.get("progress") or {}).get("levels") or {}) if isinstance(doc, dict) else {}
    if not isinstance(levels, dict):
        return []
    return sorted(k for k, v in levels.items() if isinstance(v, dict) and v.get("completed"))


# ---------------------------------------------------------------------- deletion notices
def _identity(data_dir: Path) -> tuple[str, str, str]:
    from game.version import APP_VERSION, build_id

    return load_installation_id(Path(data_dir) / "installation.json"), APP_VERSION, build_id()


def record_deletion(data_dir: Path, profile_id: str, participant_code: str | None,
                    clock: Clock | None = None) -> dict[str, Any] | None:
    """Note that a profile was deleted, for the next export (a ``profile_deleted`` event).

    Nothing is recorded for a profile that never had a participant code: the research team has
    nothing of it. Returns the notice (or None).
    """
    if not participant_code:
        return None
    clock = clock or Clock()
    inst, app_version, build = _identity(data_dir)
    notice = {
        "event_id": str(uuid.uuid4()), "schema_version": SCHEMA_VERSION, "app_version": app_version,
        "build_id": build, "installation_id": inst, "profile_id": profile_id,
        "participant_code": participant_code, "session_id": str(uuid.uuid4()), "event_seq": 0,
        "event_type": "profile_deleted", "ts_utc": rfc3339_ms(clock.now_utc()), "t_session_ms": 0,
        "tz_offset_min": clock.tz_offset_min(), "level_id": None, "payload": {},
    }
    path = Path(data_dir) / DELETIONS_FILE
    data = read_json_recovering(path, default=None)
    notices = data.get("notices") if isinstance(data, dict) and isinstance(data.get("notices"), list) else []
    notices.append(notice)
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    atomic_write_json(path, {"notices": notices})
    return notice


def read_deletions(data_dir: Path) -> list[dict[str, Any]]:
    data = read_json_recovering(Path(data_dir) / DELETIONS_FILE, default=None)
    if isinstance(data, dict) and isinstance(data.get("notices"), list):
        return [n for n in data["notices"] if isinstance(n, dict) and n.get("event_id")]
    return []


def delete_profile_data(data_dir: Path, profile_id: str, clock: Clock | None = None) -> dict[str, Any]:
    """Delete a profile everywhere on this computer: save folder, event log sessions; record a
    deletion notice for the next export when it had a participant code."""
    import shutil

    from game.store.eventlog import delete_profile_sessions

    data_dir = Path(data_dir)
    doc = read_profiles(data_dir).get(profile_id)
    _, code = _research(doc)
    codes = {code} if code else set()
    if not codes:  # the save may be damaged: look in the log for the code it was recorded under
        for meta, events in iter_sessions(data_dir / "logs"):
            if meta.get("profile_id") == profile_id:
                codes.update(e.get("participant_code") for e in events if e.get("participant_code"))
    notices = [record_deletion(data_dir, profile_id, c, clock) for c in sorted(codes)]
    sessions = delete_profile_sessions(data_dir / "logs", profile_id)
    pdir = data_dir / "profiles" / profile_id
    if pdir.exists():
        shutil.rmtree(pdir)
    return {"sessions_removed": sessions, "notices": len([n for n in notices if n])}


# ---------------------------------------------------------------------- class progress
@dataclass
class ProgressRow:
    participant_code: str | None
    levels_completed: int
    last_played_utc: str | None
    sessions: int
    profile_id: str = field(default="", repr=False)


def class_progress(data_dir: Path) -> list[ProgressRow]:
    """Rows for the facilitator screen: no answers, no moods, no nicknames."""
    rows = []
    for pid, doc in read_profiles(data_dir).items():
        if doc is None:
            continue
        sessions = doc.get("sessions")
        last = doc.get("last_played_utc")
        rows.append(ProgressRow(
            participant_code=consented_code(doc),
            levels_completed=len(_levels_completed(doc)),
            last_played_utc=last if isinstance(last, str) else None,
            sessions=sessions if isinstance(sessions, int) and not isinstance(sessions, bool) else 0,
            profile_id=pid))
    rows.sort(key=lambda r: (r.participant_code is None, r.participant_code or "", r.profile_id))
    return rows


# ---------------------------------------------------------------------- collecting
@dataclass
class ExportContent:
    installation_id: str
    app_version: str
    build_id: str
    events: list[dict[str, Any]]
    withdrawals: list[dict[str, Any]]
    progress: list[dict[str, Any]]
    skipped: dict[str, int]


def strip_free_text(event: dict[str, Any]) -> dict[str, Any]:
    et = EVENT_TYPES.get(event.get("event_type"))  # type: ignore[arg-type]
    payload = event.get("payload")
    if et is None or not isinstance(payload, dict):
        return event
    drop = [f.name for f in et.fields if f.free_text and f.name in payload]
    if not drop:
        return event
    return dict(event, payload={k: v for k, v in payload.items() if k not in drop})


def collect(data_dir: Path, allow_free_text: bool = False) -> ExportContent:
    data_dir = Path(data_dir)
    inst, app_version, build = _identity(data_dir)
    profiles = read_profiles(data_dir)
    events: list[dict[str, Any]] = []
    withdrawn_codes: dict[str, set[str]] = {}
    skipped = {"no_consent": 0, "unreadable_profile": 0, "withdrawn": 0, "no_profile": 0}
    for meta, sevents in iter_sessions(data_dir / "logs"):
        coded = [e for e in sevents if isinstance(e, dict) and e.get("participant_code")]
        skipped["no_consent"] += len(sevents) - len(coded)
        if not coded:
            continue
        pid = meta.get("profile_id") or coded[0].get("profile_id")
        if pid not in profiles:
            skipped["no_profile"] += len(coded)
            continue
        doc = profiles[pid]
        if doc is None:
            skipped["unreadable_profile"] += len(coded)
            continue
        if consented_code(doc) is None:
            skipped["withdrawn"] += len(coded)
            withdrawn_codes.setdefault(pid, set()).update(e["participant_code"] for e in coded)
            continue
        for e in coded:
            events.append(e if allow_free_text else strip_free_text(e))
    deletions = read_deletions(data_dir)
    events.extend(deletions)
    withdrawals = []
    for pid, doc in profiles.items():
        decision, code = _research(doc)
        codes = set(withdrawn_codes.get(pid, set()))
        if decision in ("withdrawn", "no") and code:
            codes.add(code)
        if decision in ("withdrawn", "no") or pid in withdrawn_codes:
            for c in sorted(codes):
                withdrawals.append({"participant_code": c, "profile_id": pid, "decision": decision or "unknown"})
    progress = []
    for pid, doc in profiles.items():
        code = consented_code(doc)
        if code and doc is not None:
            progress.append({
                "participant_code": code, "profile_id": pid,
                "levels_completed": _levels_completed(doc),
                "sessions": doc.get("sessions") if isinstance(doc.get("sessions"), int) else None,
                "last_played_utc": doc.get("last_played_utc") if isinstance(doc.get("last_played_utc"), str) else None,
            })
    events.sort(key=lambda e: (str(e.get("session_id")), e.get("event_seq") if isinstance(e.get("event_seq"), int) else -1))
    return ExportContent(inst, app_version, build, events, withdrawals, progress, skipped)


# ---------------------------------------------------------------------- writing bundles
@dataclass
class ExportResult:
    path: Path
    manifest: dict[str, Any]

    def summary(self) -> str:
        c = self.manifest["counts"]
        return (f"Wrote {self.path.name}: {c['participants']} participant(s), {c['events']} event(s) "
                f"in {c['sessions']} session(s), {c['deletion_notices']} deletion notice(s), "
                f"{c['withdrawals']} withdrawal(s). The file is locked with the study key "
                f"(key id {self.manifest['key_id']}); only the research team can open it.")


def build_bundle(content: ExportContent, public_key: bytes, key_id: str, study_id: str | None,
                 created_utc: str, seal_seed: bytes | None = None) -> tuple[bytes, dict[str, Any]]:
    lines = [dumps_line(e) for e in content.events]
    events_bytes = ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")
    inner = {
        "events.jsonl": events_bytes,
        "withdrawals.json": json.dumps(content.withdrawals, sort_keys=True, indent=1).encode("utf-8"),
        "progress.json": json.dumps(content.progress, sort_keys=True, indent=1).encode("utf-8"),
    }
    contents = {"files": {k: sha256(v) for k, v in inner.items()}, "installation_id": content.installation_id}
    inner["contents.json"] = json.dumps(contents, sort_keys=True, indent=1).encode("utf-8")
    payload = seal(public_key, _zip(inner), seal_seed)
    sessions: dict[str, dict[str, int]] = {}
    participants = set()
    n_del = 0
    for e in content.events:
        sid, seq = str(e.get("session_id")), e.get("event_seq")
        if not isinstance(seq, int):
            continue
        s = sessions.get(sid)
        if s is None:
            sessions[sid] = {"first_seq": seq, "last_seq": seq, "events": 1}
        else:
            s["first_seq"] = min(s["first_seq"], seq)
            s["last_seq"] = max(s["last_seq"], seq)
            s["events"] += 1
        if e.get("event_type") == "profile_deleted":
            n_del += 1
        elif e.get("participant_code"):
            participants.add(e["participant_code"])
    manifest = {
        "format": BUNDLE_FORMAT, "format_version": BUNDLE_FORMAT_VERSION,
        "installation_id": content.installation_id, "app_version": content.app_version,
        "build_id": content.build_id, "schema_version": SCHEMA_VERSION, "study_id": study_id,
        "key_id": key_id, "created_utc": created_utc, "encryption": ENCRYPTION,
        "counts": {"events": len(content.events), "sessions": len(sessions),
                   "participants": len(participants), "deletion_notices": n_del,
                   "withdrawals": len(content.withdrawals)},
        "sessions": sessions,
        "files": {"payload.enc": sha256(payload)},
    }
    bundle = _zip({"manifest.json": json.dumps(manifest, sort_keys=True, indent=1).encode("utf-8"),
                   "payload.enc": payload}, compress=False)
    return bundle, manifest


def bundle_name(installation_id: str, created_utc: str) -> str:
    stamp = created_utc.replace("-", "").replace(":", "").split(".")[0].rstrip("Z") + "Z"
    return f"glimmer-export-{installation_id.replace('-', '')[:8]}-{stamp}{BUNDLE_SUFFIX}"


def export(data_dir: Path, deployment: Any, out_dir: Path, clock: Clock | None = None,
           seal_seed: bytes | None = None, public_key: bytes | None = None,
           require_enabled: bool = True) -> ExportResult:
    """Write one bundle of everything exportable so far. Raises ExportError in plain words."""
    clock = clock or Clock()
    if require_enabled and not getattr(deployment, "research_enabled", False):
        raise ExportError("Research is switched off in deployment.toml ([research] enabled = false), "
                          "so there is nothing to export.")
    if public_key is None:
        pk_b64 = getattr(deployment, "public_key", None)
        if not pk_b64:
            raise ExportError("deployment.toml has no study public key ([research] public_key). "
                              "Ask the research team for the key line and paste it there.")
        import base64

        public_key = base64.b64decode(pk_b64)
    from game.deployment import key_id_for

    if not Path(data_dir).is_dir():
        raise ExportError(f"There is no Glimmer data folder at {Path(data_dir).name}; nothing has been played yet.")
    content = collect(Path(data_dir), allow_free_text=bool(getattr(deployment, "allow_free_text_export", False)))
    created = rfc3339_ms(clock.now_utc())
    bundle, manifest = build_bundle(content, public_key, key_id_for(public_key),
                                    getattr(deployment, "study_id", None), created, seal_seed)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        name = bundle_name(content.installation_id, created)
        path = out_dir / name
        n = 2
        while path.exists():
            path = out_dir / name.replace(BUNDLE_SUFFIX, f"-{n}{BUNDLE_SUFFIX}")
            n += 1
        atomic_write_bytes(path, bundle, keep_backup=False)
    except OSError as e:
        raise ExportError(f"Could not write the export to {out_dir.name}: {e.strerror or e}. "
                          "Check that the folder (or USB stick) is writable and has space.")
    return ExportResult(path, manifest)


# ---------------------------------------------------------------------- reading bundles
class BundleError(Exception):
    pass


@dataclass
class OpenedBundle:
    path: Path
    manifest: dict[str, Any]
    lines: list[bytes]                 # raw event lines (as written)
    withdrawals: list[dict[str, Any]]
    progress: list[dict[str, Any]]


def read_manifest(path: Path) -> tuple[dict[str, Any], bytes]:
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if not {"manifest.json", "payload.enc"} <= names:
                raise BundleError(f"{path.name} is not a Glimmer export bundle (manifest or payload missing).")
            manifest = json.loads(z.read("manifest.json").decode("utf-8"))
            payload = z.read("payload.enc")
    except BundleError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise BundleError(f"{path.name} is not a Glimmer export bundle or is damaged ({type(e).__name__}).")
    except (ValueError, UnicodeDecodeError, zipfile.LargeZipFile):
        raise BundleError(f"{path.name}: the manifest is damaged.")
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise BundleError(f"{path.name} is not a Glimmer export bundle (unknown format).")
    if manifest.get("format_version", 0) > BUNDLE_FORMAT_VERSION:
        raise BundleError(f"{path.name} was made by a newer Glimmer (bundle format "
                          f"{manifest.get('format_version')}); update the research tools.")
    want = (manifest.get("files") or {}).get("payload.enc")
    if want and want != sha256(payload):
        raise BundleError(f"{path.name} is damaged: the payload does not match its SHA-256 in the manifest.")
    return manifest, payload


def open_bundle(path: Path, private_key: Any) -> OpenedBundle:
    """Decrypt and check one bundle. ``private_key`` is a nacl PrivateKey (or its 32 raw bytes)."""
    from nacl.exceptions import CryptoError
    from nacl.public import PrivateKey, SealedBox

    from game.deployment import key_id_for

    path = Path(path)
    manifest, payload = read_manifest(path)
    sk = private_key if isinstance(private_key, PrivateKey) else PrivateKey(bytes(private_key))
    try:
        inner_zip = SealedBox(sk).decrypt(payload)
    except CryptoError:
        mine = key_id_for(bytes(sk.public_key))
        theirs = manifest.get("key_id")
        if theirs and key_id_for(bytes(sk)) == theirs:
            raise BundleError("That is the study's PUBLIC key; decrypting needs the private key "
                              "(study-private.key from `research keygen`).")
        if theirs and theirs != mine:
            raise BundleError(f"{path.name} was locked with a different study key (key id {theirs}); "
                              f"your private key has key id {mine}.")
        raise BundleError(f"{path.name} could not be decrypted with this key (wrong key or damaged file).")
    try:
        with zipfile.ZipFile(io.BytesIO(inner_zip)) as z:
            files = {n: z.read(n) for n in z.namelist()}
        contents = json.loads(files["contents.json"])
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise BundleError(f"{path.name}: the decrypted contents are damaged.")
    for name, digest in (contents.get("files") or {}).items():
        if name not in files or sha256(files[name]) != digest:
            raise BundleError(f"{path.name}: {name} does not match its SHA-256.")
    try:
        withdrawals = json.loads(files.get("withdrawals.json", b"[]"))
        progress = json.loads(files.get("progress.json", b"[]"))
    except ValueError:
        raise BundleError(f"{path.name}: the decrypted contents are damaged.")
    lines = [ln for ln in files.get("events.jsonl", b"").split(b"\n") if ln]
    return OpenedBundle(path, manifest, lines, withdrawals if isinstance(withdrawals, list) else [],
                        progress if isinstance(progress, list) else [])


def find_bundles(inputs: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into bundle paths. Returns (bundles, problems)."""
    out: list[Path] = []
    problems: list[str] = []
    for i in inputs:
        p = Path(i)
        if p.is_dir():
            found = sorted(x for x in p.rglob("*" + BUNDLE_SUFFIX) if x.is_file())
            if not found:
                problems.append(f"{p.name}: no {BUNDLE_SUFFIX} bundles in this folder")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            problems.append(f"{p.name}: not found")
    return out, problems
