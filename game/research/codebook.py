"""Tidy tables, the codebook and datapackage.json — all generated from ``schema.py``.

Every CSV the merge writes is described here first: its columns (with type, label, unit, allowed
values, source event type) and how ``--shareable`` treats each column (keep, hash or drop). The
merge writes exactly these columns; a test checks that every CSV column appears in codebook.csv
and datapackage.json.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from game.research.schema import (
    ARRAY, BOOLEAN, ENVELOPE, EVENT_TYPES, INTEGER, NUMBER, SCHEMA_VERSION, STRING, Field,
)

MISSING = ""            # missing values are empty cells
MISSING_LABEL = "empty cell"
LIST_SEP = ";"
PARTS_OF_DAY = ("night", "morning", "afternoon", "evening")  # 0-6, 6-12, 12-18, 18-24 local time
DATETIME = "datetime"

KEEP, HASH, DROP = "keep", "hash", "drop"


@dataclass(frozen=True)
class Column:
    name: str
    type: str                       # schema type, or "datetime"
    label: str
    unit: str | None = None
    allowed: tuple[Any, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    source: str = "envelope"        # source event type(s), "envelope" or "derived"
    since: str = SCHEMA_VERSION
    shareable: str = KEEP           # keep | hash | drop
    required: bool = False
    is_list: bool = False           # an array field, written as text joined with LIST_SEP


def _from_field(f: Field, source: str, since: str, shareable: str = KEEP) -> Column:
    return Column(f.name, STRING if f.type == ARRAY else f.type,
                  f.label + (f" (list, separated by '{LIST_SEP}')" if f.type == ARRAY else ""),
                  f.unit, f.allowed, f.minimum, f.maximum, source, since,
                  DROP if f.free_text else shareable, is_list=f.type == ARRAY)


_ENV = {f.name: f for f in ENVELOPE}
_SHARE = {"event_id": HASH, "participant_code": HASH, "profile_id": HASH, "session_id": HASH,
          "installation_id": DROP, "ts_utc": DROP, "tz_offset_min": DROP}


def _env(name: str, **kw: Any) -> Column:
    f = _ENV[name]
    c = _from_field(f, "envelope", SCHEMA_VERSION, _SHARE.get(name, KEEP))
    if name == "ts_utc":
        c = replace(c, type=DATETIME)
    if name in ("event_id", "session_id", "event_seq", "event_type"):
        c = replace(c, required=True)
    if name == "participant_code":
        c = replace(c, label="Study participant code (keyed hash in shareable outputs)", required=True)
    return replace(c, **kw) if kw else c


STUDY_DAY = Column("study_day", INTEGER, "Day in the study: 1 = the participant's first day with data (local date)",
                   "days", minimum=1, source="derived")
PART_OF_DAY = Column("part_of_day", STRING, "Part of the local day: night 0-6, morning 6-12, afternoon 12-18, evening 18-24",
                     allowed=PARTS_OF_DAY, source="derived")

EVENTS_COLUMNS: tuple[Column, ...] = (
    _env("event_id"), _env("participant_code"), _env("installation_id"), _env("profile_id"),
    _env("session_id"), _env("event_seq"), _env("event_type", allowed=tuple(EVENT_TYPES)),
    _env("level_id"), _env("ts_utc"), _env("tz_offset_min"), _env("t_session_ms"),
    STUDY_DAY, PART_OF_DAY, _env("schema_version"), _env("app_version"), _env("build_id"),
    Column("payload", STRING, "Event payload as JSON (fields per event type: see the other tables)",
           source="envelope"),
)

# Columns every per-event measure table starts with.
KEY_COLUMNS: tuple[Column, ...] = (
    _env("participant_code"), _env("installation_id"), _env("profile_id"), _env("session_id"),
    _env("event_id"), _env("event_seq"), _env("level_id"), _env("ts_utc"), _env("tz_offset_min"),
    STUDY_DAY, PART_OF_DAY, _env("t_session_ms"),
)

# One table per kind of measure: table -> event types whose payload fields become its columns.
MEASURE_TABLES: dict[str, tuple[str, ...]] = {
    "mood_checkins": ("mood_checkin",),
    "trap_answers": ("trap_answered",),
    "thought_records": ("thought_record_completed",),
    "activity_plans": ("activity_planned",),
    "activity_followups": ("activity_followed_up",),
    "challenges": ("challenge_set", "challenge_followed_up"),
    "safety": ("help_opened", "low_mood_message_shown"),
    "dialogues": ("npc_interacted",),
    "consent": ("consent_decided",),
    "problem_solving": ("problem_solved",),
    "assertive_replies": ("assertive_reply_chosen",),
    "ally_maps": ("ally_map_saved",),
    "skills_review": ("skills_review_answered",),
    "toolkits": ("toolkit_saved",),
    "sorting": ("moment_sorted", "sorting_completed"),
    "breathing": ("breathing_done",),
    "avatars": ("avatar_chosen",),
    "settings": ("settings_changed",),
}

_LABEL_OF = {f.name: f.label for f in ENVELOPE}


def _measure_columns(types: tuple[str, ...]) -> tuple[Column, ...]:
    cols = list(KEY_COLUMNS)
    if len(types) > 1:
        cols.append(_env("event_type", allowed=types))
    seen: dict[str, int] = {c.name: i for i, c in enumerate(cols)}
    for t in types:
        et = EVENT_TYPES[t]
        for f in et.fields:
            if f.name in seen:
                i = seen[f.name]
                c = cols[i]
                if c.source not in ("envelope", "derived") and t not in c.source.split(" "):
                    allowed = c.allowed
                    if allowed is not None and f.allowed is not None:
                        allowed = tuple(dict.fromkeys(allowed + f.allowed))
                    cols[i] = replace(c, source=f"{c.source} {t}", allowed=allowed)
                continue
            seen[f.name] = len(cols)
            cols.append(_from_field(f, t, et.since))
    return tuple(cols)


SESSIONS_COLUMNS: tuple[Column, ...] = (
    _env("participant_code"), _env("installation_id"), _env("profile_id"), _env("session_id"),
    Column("started_utc", DATETIME, "Time of the first event of the session (UTC)", source="derived", shareable=DROP),
    Column("ended_utc", DATETIME, "Time of the last event of the session (UTC)", source="derived", shareable=DROP),
    _env("tz_offset_min"), STUDY_DAY, PART_OF_DAY,
    _from_field(EVENT_TYPES["session_started"].field("language"), "session_started", "1.0"),
    _from_field(EVENT_TYPES["session_started"].field("portable"), "session_started", "1.0"),
    _from_field(EVENT_TYPES["session_started"].field("recovered_events"), "session_started", "1.0"),
    _from_field(EVENT_TYPES["session_ended"].field("duration_ms"), "session_ended", "1.0"),
    Column("end_reason", STRING, "How the session ended; empty if no session_ended event (hard kill)",
           allowed=EVENT_TYPES["session_ended"].field("reason").allowed, source="session_ended"),
    Column("n_events", INTEGER, "Events of this session in the merged data", minimum=0, source="derived"),
    Column("first_seq", INTEGER, "Lowest event_seq received", minimum=0, source="derived"),
    Column("last_seq", INTEGER, "Highest event_seq received", minimum=0, source="derived"),
    Column("missing_events", INTEGER, "Gaps: event_seq numbers between 0 and last_seq never received",
           minimum=0, source="derived"),
    Column("levels_started", INTEGER, "level_started events in the session", minimum=0, source="level_started"),
    Column("levels_completed", INTEGER, "level_completed events in the session", minimum=0, source="level_completed"),
)

LEVELS_COLUMNS: tuple[Column, ...] = (
    _env("participant_code"), _env("installation_id"), _env("profile_id"), _env("session_id"),
    _env("level_id"),
    Column("start_seq", INTEGER, "event_seq of the level_started event", minimum=0, source="level_started"),
    Column("started_utc", DATETIME, "Time the level was started (UTC)", source="level_started", shareable=DROP),
    STUDY_DAY, PART_OF_DAY,
    _from_field(EVENT_TYPES["level_started"].field("resumed"), "level_started", "1.0"),
    _from_field(EVENT_TYPES["level_started"].field("replay"), "level_started", "1.0"),
    Column("resumed_checkpoint", STRING, "Checkpoint resumed from", source="level_started"),
    Column("checkpoints_reached", INTEGER, "checkpoint_reached events in this sitting", minimum=0,
           source="checkpoint_reached"),
    Column("last_checkpoint", STRING, "Last checkpoint reached in this sitting", source="checkpoint_reached"),
    Column("outcome", STRING, "completed, quit, or unfinished (session ended without either)",
           allowed=("completed", "quit", "unfinished"), source="level_completed level_quit"),
    Column("duration_ms", INTEGER, "Time in the level (this sitting), from level_completed or level_quit",
           unit="ms", minimum=0, source="level_completed level_quit"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "events": EVENTS_COLUMNS,
    "sessions": SESSIONS_COLUMNS,
    "levels": LEVELS_COLUMNS,
    **{name: _measure_columns(types) for name, types in MEASURE_TABLES.items()},
}

TABLE_TITLES = {
    "events": "All events, one row per event (tidy)",
    "sessions": "Play sessions, one row per session",
    "levels": "Level sittings, one row per level_started",
    "mood_checkins": "Mood check-ins",
    "trap_answers": "Thinking-trap answers",
    "thought_records": "Completed thought records (catch, check, change)",
    "activity_plans": "Activities planned",
    "activity_followups": "Follow-ups of planned activities",
    "challenges": "Real-world challenges given and followed up",
    "sorting": "Level 1: moments sorted into thought, feeling or action",
    "breathing": "Level 1: paced-breathing exercises",
    "safety": "Help screen openings and supportive low-mood messages",
    "dialogues": "Conversations with characters and signs read",
    "consent": "Research consent answers",
    "problem_solving": "Level 5: problems worked through to a scheduled first step",
    "assertive_replies": "Level 6: replies chosen in social situations (passive, aggressive, assertive)",
    "ally_maps": "Level 6: ally maps saved (counts per kind of help and kind of person; never who)",
    "skills_review": "Level 7: skills review answers",
    "toolkits": "Level 7: toolkit cards saved (counts only)",
    "avatars": "Avatar choices (option indices and how the guide addresses the player; never the nickname)",
    "settings": "Settings changes (setting names and plain values; never which keys are used)",
}


def columns(table: str, shareable: bool = False) -> tuple[Column, ...]:
    cols = TABLES[table]
    if shareable:
        cols = tuple(c for c in cols if c.shareable != DROP)
    return cols


def column_names(table: str, shareable: bool = False) -> list[str]:
    return [c.name for c in columns(table, shareable)]


def _fmt_allowed(c: Column) -> str:
    return LIST_SEP.join(str(a) for a in c.allowed) if c.allowed else ""


def _shown_type(c: Column) -> str:
    return c.type


CODEBOOK_COLUMNS = ("variable", "table", "label", "type", "allowed_values", "units", "minimum",
                    "maximum", "missing_code", "source_event_type", "schema_version", "shareable")


def codebook_rows(shareable: bool = False) -> list[dict[str, str]]:
    rows = []
    for table in TABLES:
        for c in columns(table, shareable):
            label = c.label
            if shareable and c.shareable == HASH:
                label += " — replaced by a keyed hash in shareable outputs"
            rows.append({
                "variable": c.name, "table": table, "label": label, "type": _shown_type(c),
                "allowed_values": _fmt_allowed(c), "units": c.unit or "",
                "minimum": "" if c.minimum is None else f"{c.minimum:g}",
                "maximum": "" if c.maximum is None else f"{c.maximum:g}",
                "missing_code": MISSING_LABEL, "source_event_type": c.source,
                "schema_version": c.since, "shareable": c.shareable,
            })
    return rows


_FRICTIONLESS_TYPE = {STRING: "string", INTEGER: "integer", NUMBER: "number", BOOLEAN: "boolean",
                      DATETIME: "datetime"}


def table_schema(table: str, shareable: bool = False) -> dict[str, Any]:
    fields = []
    for c in columns(table, shareable):
        f: dict[str, Any] = {"name": c.name, "type": _FRICTIONLESS_TYPE[c.type], "description": c.label}
        if c.type == DATETIME:
            f["format"] = "any"
        if c.type == BOOLEAN:
            f["trueValues"], f["falseValues"] = ["true"], ["false"]
        cons: dict[str, Any] = {}
        if c.allowed and not (shareable and c.shareable == HASH):
            cons["enum"] = [str(a) if not isinstance(a, bool) else ("true" if a else "false") for a in c.allowed]
        if c.minimum is not None:
            cons["minimum"] = int(c.minimum) if c.type == INTEGER else c.minimum
        if c.maximum is not None:
            cons["maximum"] = int(c.maximum) if c.type == INTEGER else c.maximum
        if c.required:
            cons["required"] = True
        if cons:
            f["constraints"] = cons
        if c.unit:
            f["unit"] = c.unit
        fields.append(f)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [MISSING]}
    if table == "events":
        schema["primaryKey"] = ["event_id"]
    elif table == "sessions":
        schema["primaryKey"] = ["session_id"]
    return schema


def datapackage(study_id: str | None, shareable: bool, tables: list[str], created_utc: str) -> dict[str, Any]:
    resources = [{
        "name": t.replace("_", "-"), "path": f"{t}.csv", "profile": "tabular-data-resource",
        "title": TABLE_TITLES.get(t, t), "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "schema": table_schema(t, shareable),
    } for t in tables]
    resources.append({
        "name": "codebook", "path": "codebook.csv", "profile": "tabular-data-resource",
        "title": "Codebook: every variable of every table", "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": [{"name": n, "type": "string"} for n in CODEBOOK_COLUMNS], "missingValues": []},
    })
    return {
        "profile": "tabular-data-package",
        "name": f"glimmer-{(study_id or 'study').lower()}{'-shareable' if shareable else ''}",
        "title": f"Glimmer research data{' (shareable)' if shareable else ''}",
        "created": created_utc,
        "version": SCHEMA_VERSION,
        "description": "Merged Glimmer event data. Missing values are empty cells. Booleans are true/false. "
                       "Generated from the Glimmer event schema " + SCHEMA_VERSION + ".",
        "resources": resources,
    }


def event_table(event_type: str) -> str | None:
    for t, types in MEASURE_TABLES.items():
        if event_type in types:
            return t
    return None
