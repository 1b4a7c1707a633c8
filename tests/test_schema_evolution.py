"""Within a major schema version, changes are additive only (issue: event schema, one source)."""
import json
from pathlib import Path

import pytest

from game.research import schema
from game.research.schema import schema_major, schema_snapshot

FIXTURES = Path(__file__).parent / "fixtures"


def _snapshots():
    return sorted(FIXTURES.glob("schema-*.json"))


def evolution_problems(old: dict, new: dict) -> list[str]:
    """What in ``new`` breaks readers of ``old`` (same major version)."""
    problems = []

    def fields(lst):
        return {f["name"]: f for f in lst}

    def compare(where: str, of: dict, nf: dict | None) -> None:
        if nf is None:
            problems.append(f"{where}: removed")
            return
        if nf["type"] != of["type"]:
            problems.append(f"{where}: type changed {of['type']} -> {nf['type']}")
        if nf.get("items") != of.get("items"):
            problems.append(f"{where}: array item type changed")
        if not of["required"] and nf["required"]:
            problems.append(f"{where}: optional field made required")
        if of["nullable"] and not nf["nullable"]:
            problems.append(f"{where}: may no longer be empty")
        if of["allowed"] is None and nf["allowed"] is not None:
            problems.append(f"{where}: a closed list of values was added")
        if of["allowed"] is not None and nf["allowed"] is not None:
            gone = set(map(str, of["allowed"])) - set(map(str, nf["allowed"]))
            if gone:
                problems.append(f"{where}: allowed values removed {sorted(gone)}")
        if of["minimum"] is not None and (nf["minimum"] is None or nf["minimum"] > of["minimum"]) \
                and nf["minimum"] is not None:
            problems.append(f"{where}: minimum raised")
        if of["maximum"] is not None and nf["maximum"] is not None and nf["maximum"] < of["maximum"]:
            problems.append(f"{where}: maximum lowered")
        if of.get("unit") != nf.get("unit"):
            problems.append(f"{where}: unit changed {of.get('unit')} -> {nf.get('unit')}")

    oenv, nenv = fields(old["envelope"]), fields(new["envelope"])
    for name, of in oenv.items():
        compare(f"envelope.{name}", of, nenv.get(name))
    for name, nf in nenv.items():
        if name not in oenv and nf["required"]:
            problems.append(f"envelope.{name}: new required envelope field")
    for et, ot in old["event_types"].items():
        nt = new["event_types"].get(et)
        if nt is None:
            problems.append(f"{et}: event type removed")
            continue
        if nt["xapi_verb"] != ot["xapi_verb"] or nt["xapi_object"] != ot["xapi_object"]:
            problems.append(f"{et}: xAPI mapping changed")
        of_, nf_ = fields(ot["fields"]), fields(nt["fields"])
        for name, of in of_.items():
            compare(f"{et}.{name}", of, nf_.get(name))
        for name, nf in nf_.items():
            if name not in of_ and nf["required"]:
                problems.append(f"{et}.{name}: new field must be optional (required=False) within a major version")
    return problems


def test_a_snapshot_exists_for_the_current_version():
    assert (FIXTURES / f"schema-{schema.SCHEMA_VERSION}.json").exists(), (
        "freeze the schema: write tests/fixtures/schema-<version>.json from schema_snapshot()")


@pytest.mark.parametrize("snap", _snapshots(), ids=lambda p: p.name)
def test_changes_since_snapshot_are_additive(snap):
    old = json.loads(snap.read_text("utf-8"))
    new = schema_snapshot()
    if schema_major(old["schema_version"]) != schema_major():
        pytest.skip("a new major version may break compatibility")
    assert evolution_problems(old, new) == []


def test_the_checker_catches_breaking_changes():
    old = schema_snapshot()
    new = json.loads(json.dumps(old))
    del new["event_types"]["help_opened"]
    new["event_types"]["mood_checkin"]["fields"][0]["type"] = "number"
    new["event_types"]["trap_answered"]["fields"][1]["allowed"].remove("labelling")
    new["event_types"]["level_started"]["fields"].append(
        {"name": "new_required", "type": "string", "label": "x", "unit": None, "allowed": None, "minimum": None,
         "maximum": None, "required": True, "nullable": False, "free_text": False, "items": None})
    new["envelope"] = [f for f in new["envelope"] if f["name"] != "build_id"]
    probs = evolution_problems(old, new)
    text = "\n".join(probs)
    assert "help_opened: event type removed" in text
    assert "mood_checkin.value: type changed" in text
    assert "allowed values removed ['labelling']" in text
    assert "level_started.new_required: new field must be optional" in text
    assert "envelope.build_id: removed" in text


def test_additive_changes_pass():
    old = schema_snapshot()
    new = json.loads(json.dumps(old))
    new["event_types"]["brand_new"] = {"label": "x", "xapi_verb": "selected", "xapi_object": "item",
                                       "since": "1.1", "fields": []}
    new["event_types"]["trap_answered"]["fields"][1]["allowed"].append("new_trap")
    new["event_types"]["trap_answered"]["fields"].append(
        {"name": "hint_used", "type": "boolean", "label": "x", "unit": None, "allowed": None, "minimum": None,
         "maximum": None, "required": False, "nullable": False, "free_text": False, "items": None})
    assert evolution_problems(old, new) == []


def test_codebook_and_xapi_are_generated_from_the_schema():
    from game.research import codebook as cb
    from game.research.schema import EVENT_TYPES, xapi_verb_iri

    rows = cb.codebook_rows()
    variables = {(r["table"], r["variable"]) for r in rows}
    for t, types in cb.MEASURE_TABLES.items():
        for et in types:
            for f in EVENT_TYPES[et].fields:
                assert (t, f.name) in variables
    for et in EVENT_TYPES.values():
        assert xapi_verb_iri(et.xapi_verb).startswith("http")
    # every event type lands somewhere in the tidy tables
    placed = set(t for types in cb.MEASURE_TABLES.values() for t in types) | {
        "session_started", "session_ended", "level_started", "level_completed", "level_quit",
        "checkpoint_reached", "profile_deleted"}
    assert set(EVENT_TYPES) <= placed
