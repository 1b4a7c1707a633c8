"""xAPI statements (xAPI Serious Games profile), generated from the schema's verb and object.

* actor: an opaque account (``homePage`` = the study, ``name`` = participant code or its hash);
  never a name or e-mail;
* verb: the schema's ``xapi_verb`` as an xAPI-SG / ADL verb IRI;
* object: an activity whose type is the schema's ``xapi_object`` (xAPI-SG activity types) and whose
  id is built from the first ``*_id`` field of the payload (or the level, or the game);
* result: ``success`` (``correct``), ``response`` (the first field with a closed list of values),
  ``score`` (``value``), ``completion`` (verb completed), ``duration`` (``duration_ms``), and every
  payload field as an extension;
* context: ``registration`` = the session id, extensions for the envelope.

Statements are assembled from cached JSON fragments: a merge writes ~a million of them.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, TextIO

from game.research.schema import (
    ARRAY, BOOLEAN, EVENT_TYPES, INTEGER, NUMBER, SCHEMA_VERSION, xapi_activity_type_iri, xapi_verb_iri,
)

BASE = "https://glimmer.invalid/xapi/"
EXT = BASE + "extensions/"
_dump = json.dumps
_enc = json.encoder.encode_basestring  # type: ignore[attr-defined]


def home_page(study_id: str | None) -> str:
    return f"{BASE}studies/{(study_id or 'unknown').lower()}"


@lru_cache(maxsize=None)
def _verb(event_type: str) -> str:
    v = EVENT_TYPES[event_type].xapi_verb
    return _dump({"id": xapi_verb_iri(v), "display": {"en-US": v}}, sort_keys=True)


@lru_cache(maxsize=None)
def _id_field(event_type: str) -> str | None:
    for f in EVENT_TYPES[event_type].fields:
        if f.name.endswith("_id") and f.type == "string" and not f.nullable:
            return f.name
    return None


@lru_cache(maxsize=None)
def _response_field(event_type: str) -> str | None:
    for f in EVENT_TYPES[event_type].fields:
        if f.allowed is not None and f.type == "string":
            return f.name
    return None


@lru_cache(maxsize=100_000)
def _object(event_type: str, level_id: str | None, thing: str | None) -> str:
    et = EVENT_TYPES[event_type]
    if thing is not None:
        kind = _id_field(event_type)[:-3].replace("_", "-")  # type: ignore[index]
        oid = f"{BASE}{kind}/{thing}"
        name = f"{kind} {thing}"
    elif level_id is not None and et.xapi_object == "level":
        oid, name = f"{BASE}level/{level_id}", f"level {level_id}"
    elif et.xapi_object == "serious-game":
        oid, name = f"{BASE}game", "Glimmer"
    else:
        oid, name = f"{BASE}{event_type.replace('_', '-')}", et.label
    return _dump({"objectType": "Activity", "id": oid,
                  "definition": {"type": xapi_activity_type_iri(et.xapi_object), "name": {"en-US": name},
                                 "description": {"en-US": et.label}}}, sort_keys=True)


@lru_cache(maxsize=100_000)
def _actor(home: str, name: str) -> str:
    return _dump({"objectType": "Agent", "account": {"homePage": home, "name": name}}, sort_keys=True)


@lru_cache(maxsize=10_000)
def _parent(level_id: str) -> str:
    return _dump({"parent": [{"objectType": "Activity", "id": f"{BASE}level/{level_id}",
                              "definition": {"type": xapi_activity_type_iri("level")}}]})


@lru_cache(maxsize=None)
def _result_spec(event_type: str) -> tuple[bool, str | None, tuple[int, int] | None, bool, bool]:
    et = EVENT_TYPES[event_type]
    f = et.field("value")
    score = (int(f.minimum or 0), int(f.maximum or 10)) if f is not None and f.type == INTEGER else None
    return (et.field("correct") is not None and et.field("correct").type == BOOLEAN, _response_field(event_type),
            score, et.xapi_verb == "completed", et.field("duration_ms") is not None)


def _result(event_type: str, payload: dict[str, Any], payload_text: str) -> str:
    success, rf, score, completion, duration = _result_spec(event_type)
    parts = []
    if completion:
        parts.append('"completion":true')
    if duration:
        d = payload.get("duration_ms")
        if isinstance(d, int) and not isinstance(d, bool) and d >= 0:
            parts.append(f'"duration":"PT{d / 1000:.3f}S"')
    parts.append(f'"extensions":{{"{EXT}payload":{payload_text}}}')
    if rf:
        r = payload.get(rf)
        if isinstance(r, str):
            parts.append('"response":' + _enc(r))
    if score:
        v = payload.get("value")
        if isinstance(v, int) and not isinstance(v, bool):
            parts.append(f'"score":{{"max":{score[1]},"min":{score[0]},"raw":{v}}}')
    if success:
        c = payload.get("correct")
        if isinstance(c, bool):
            parts.append('"success":' + ("true" if c else "false"))
    return "{" + ",".join(parts) + "}"


def _int_or_null(v: Any) -> str:
    return str(v) if isinstance(v, int) and not isinstance(v, bool) else "null"


def statement_json(event_type: str, level_id: str | None, payload: dict[str, Any], payload_text: str,
                   actor_name: str, study_id: str | None, registration: str, statement_id: str,
                   timestamp: str, event_seq: int, t_session_ms: int, study_day: int | None,
                   part_of_day: str | None, schema_version: str, app_version: str) -> str:
    """One statement as JSON text (keys in a fixed order; payload carried as one extension)."""
    idf = _id_field(event_type)
    thing = payload.get(idf) if idf else None
    parts = ['{"actor":', _actor(home_page(study_id), actor_name), ',"context":{']
    if level_id is not None:
        parts += ['"contextActivities":', _parent(level_id), ',']
    parts += ['"extensions":{"', EXT, 'event_seq":', _int_or_null(event_seq), ',"', EXT, 'event_type":"', event_type,
              '","', EXT, 'part_of_day":', _enc(part_of_day) if part_of_day else "null",
              ',"', EXT, 'schema_version":', _enc(str(schema_version)), ',"', EXT, 'app_version":', _enc(str(app_version)),
              ',"', EXT, 'study_day":', _int_or_null(study_day), ',"', EXT, 't_session_ms":', _int_or_null(t_session_ms),
              '},"platform":"Glimmer","registration":', _enc(registration),
              '},"id":', _enc(statement_id),
              ',"object":', _object(event_type, level_id, thing if isinstance(thing, str) else None),
              ',"result":', _result(event_type, payload, payload_text),
              ',"timestamp":', _enc(timestamp), ',"verb":', _verb(event_type), ',"version":"1.0.3"}']
    return "".join(parts)


_POD_JSON: dict[Any, str] = {}


@lru_cache(maxsize=4096)
def _type_level_parts(event_type: str, level_id: str | None) -> tuple[str, str, str, str | None, tuple]:
    """Fixed text around the per-event values for one event type in one level (see statement_json)."""
    ctx = ('"contextActivities":' + _parent(level_id) + ",") if level_id is not None else ""
    before_seq = ',"context":{' + ctx + '"extensions":{"' + EXT + 'event_seq":'
    before_pod = ',"' + EXT + 'event_type":"' + event_type + '","' + EXT + 'part_of_day":'
    tail = ',"verb":' + _verb(event_type) + ',"version":"1.0.3"}'
    return before_seq, before_pod, tail, _id_field(event_type), _result_spec(event_type)


@lru_cache(maxsize=4096)
def _versions_part(schema_version: str, app_version: str) -> str:
    return (',"' + EXT + 'schema_version":' + _enc(schema_version) + ',"' + EXT + 'app_version":'
            + _enc(app_version) + ',"' + EXT + 'study_day":')


_TSM_PART = ',"' + EXT + 't_session_ms":'
_RESULT_EXT = '"extensions":{"' + EXT + 'payload":'


class StatementMaker:
    """Builds exactly the text of ``statement_json``, several times faster: the actor and the
    registration are fixed per session, the context, verb and result layout per event type and level."""

    def __init__(self) -> None:
        self.head = ""
        self.reg = ""

    def session(self, actor_name: str, study_id: str | None, registration: str) -> None:
        self.head = '{"actor":' + _actor(home_page(study_id), actor_name)
        self.reg = '},"platform":"Glimmer","registration":' + _enc(registration) + '},"id":'

    def make(self, event_type: str, level_id: str | None, payload: dict[str, Any], payload_text: str,
             statement_id: str, timestamp: str, event_seq: int, t_session_ms: int, study_day: int | None,
             part_of_day: str | None, schema_version: Any, app_version: Any) -> str:
        before_seq, before_pod, tail, idf, spec = _type_level_parts(event_type, level_id)
        thing = payload.get(idf) if idf else None
        pod = _POD_JSON.get(part_of_day)
        if pod is None:
            pod = _enc(part_of_day) if part_of_day else "null"
            if part_of_day is None or type(part_of_day) is str:
                _POD_JSON[part_of_day] = pod
        if type(schema_version) is str and type(app_version) is str:
            versions = _versions_part(schema_version, app_version)
        else:
            versions = _versions_part.__wrapped__(str(schema_version), str(app_version))
        success, rf, score, completion, duration = spec   # _result, inlined
        result = '{"completion":true,' if completion else "{"
        if duration:
            d = payload.get("duration_ms")
            if isinstance(d, int) and not isinstance(d, bool) and d >= 0:
                result += f'"duration":"PT{d / 1000:.3f}S",'
        result += _RESULT_EXT + payload_text + "}"
        if rf:
            r = payload.get(rf)
            if isinstance(r, str):
                result += ',"response":' + _enc(r)
        if score:
            v = payload.get("value")
            if isinstance(v, int) and not isinstance(v, bool):
                result += f',"score":{{"max":{score[1]},"min":{score[0]},"raw":{v}}}'
        if success:
            c = payload.get("correct")
            if isinstance(c, bool):
                result += ',"success":' + ("true" if c else "false")
        result += "}"
        return (f"{self.head}{before_seq}{event_seq if type(event_seq) is int else _int_or_null(event_seq)}"
                f"{before_pod}{pod}{versions}{study_day if type(study_day) is int else _int_or_null(study_day)}"
                f"{_TSM_PART}{t_session_ms if type(t_session_ms) is int else _int_or_null(t_session_ms)}"
                f"{self.reg}{_enc(statement_id)},\"object\":"
                f"{_object(event_type, level_id, thing if isinstance(thing, str) else None)}"
                f',"result":{result},"timestamp":{_enc(timestamp)}{tail}')


class StatementWriter:
    """Streams a JSON array of statements, one per line."""

    def __init__(self, fh: TextIO, bare: bool = False) -> None:
        self.fh = fh
        self.n = 0
        self.bare = bare  # statements separated by ",\n" without the brackets (parts of one array)
        if not bare:
            fh.write("[\n")

    def write(self, statement: str) -> None:
        if self.n:
            self.fh.write(",\n")
        self.fh.write(statement)
        self.n += 1

    def close(self) -> None:
        if not self.bare:
            self.fh.write("\n]\n" if self.n else "]\n")


REQUIRED = ("id", "actor", "verb", "object", "timestamp")


def check_statement(s: dict[str, Any]) -> list[str]:
    """Problems with one statement against what the researcher tools promise (used by tests)."""
    errs = [f"missing {k}" for k in REQUIRED if k not in s]
    acct = (s.get("actor") or {}).get("account") or {}
    if not acct.get("homePage") or not acct.get("name"):
        errs.append("actor must be an account with homePage and name")
    if set((s.get("actor") or {})) - {"objectType", "account"}:
        errs.append("actor carries more than an opaque account")
    if not (s.get("context") or {}).get("registration"):
        errs.append("missing context.registration")
    if not (s.get("verb") or {}).get("id", "").startswith("http"):
        errs.append("verb id must be an IRI")
    return errs


SCHEMA_NOTE = f"Statements generated from Glimmer event schema {SCHEMA_VERSION}."
_ = (ARRAY, BOOLEAN, INTEGER, NUMBER)
