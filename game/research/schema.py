"""The one source of truth for every event Glimmer records.

Validation, the codebook and the xAPI mapping are all generated from ``EVENT_TYPES`` and
``ENVELOPE``. Within a major ``SCHEMA_VERSION`` changes are additive only (new event types, new
optional payload fields); ``tests/test_schema_evolution.py`` holds the schema to that.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.1"

STRING, INTEGER, NUMBER, BOOLEAN, ARRAY = "string", "integer", "number", "boolean", "array"

XAPI_VERB_BASE = "https://w3id.org/xapi/seriousgames/verbs/"
XAPI_ADL_VERB_BASE = "http://adlnet.gov/expapi/verbs/"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    label: str
    unit: str | None = None
    allowed: tuple[Any, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    required: bool = True
    nullable: bool = False
    free_text: bool = False  # player-typed text: never exported unless the study opts in
    items: str | None = None  # element type for arrays


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    xapi_verb: str            # e.g. "initialized", "progressed", "completed", "selected", "interacted"
    xapi_object: str          # xAPI Serious Games activity type: level, question, item, non-player-character...
    fields: tuple[Field, ...] = field(default_factory=tuple)
    since: str = "1.0"

    def field(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None


# The envelope every stored event carries (see design.md "Research data").
ENVELOPE: tuple[Field, ...] = (
    Field("event_id", STRING, "Unique event id (uuid4)"),
    Field("schema_version", STRING, "Event schema version (major.minor)"),
    Field("app_version", STRING, "Game version"),
    Field("build_id", STRING, "Build (commit) id"),
    Field("installation_id", STRING, "Random id of this installation (not tied to the computer)"),
    Field("profile_id", STRING, "Random id of the local profile"),
    Field("participant_code", STRING, "Study participant code; missing without consent", nullable=True),
    Field("session_id", STRING, "Random id of the play session"),
    Field("event_seq", INTEGER, "Sequence number within the session, from 0, no gaps", minimum=0),
    Field("event_type", STRING, "Event type (see the event tables)"),
    Field("ts_utc", STRING, "Wall-clock time, UTC, RFC 3339 with milliseconds"),
    Field("t_session_ms", INTEGER, "Milliseconds since the session started (monotonic)", unit="ms", minimum=0),
    Field("tz_offset_min", INTEGER, "Local time-zone offset from UTC", unit="min"),
    Field("level_id", STRING, "Level the event happened in; missing outside levels", nullable=True),
)

MOOD_MOMENTS = ("level_start", "level_end", "session_start", "session_end")
STATUS3 = ("done", "partly", "not_yet")
TRAPS = (
    "mind_reading", "fortune_telling", "catastrophising", "overgeneralising", "all_or_nothing",
    "labelling", "mental_filter", "discounting_positive", "emotional_reasoning", "should_statements",
    "personalising",
)
QUALITIES = ("balanced", "still_negative", "over_positive", "own")
CATEGORIES = ("pleasure", "mastery", "social", "physical", "values")


def _types(*ets: EventType) -> dict[str, EventType]:
    return {e.name: e for e in ets}


EVENT_TYPES: dict[str, EventType] = _types(
    # --- sessions and levels -------------------------------------------------------------------
    EventType("session_started", "A play session started", "initialized", "serious-game", (
        Field("recovered_events", INTEGER, "Events recovered from a session that ended in a hard kill", minimum=0),
        Field("language", STRING, "Interface language code"),
        Field("portable", BOOLEAN, "Running in portable mode"),
    )),
    EventType("session_ended", "A play session ended", "exited", "serious-game", (
        Field("duration_ms", INTEGER, "Session length", unit="ms", minimum=0),
        Field("reason", STRING, "How the session ended", allowed=("quit", "window_closed", "interrupted", "error")),
    )),
    EventType("level_started", "A level started or resumed", "initialized", "level", (
        Field("resumed", BOOLEAN, "Resumed from a checkpoint"),
        Field("checkpoint", STRING, "Checkpoint resumed from", nullable=True),
        Field("replay", BOOLEAN, "The level had been completed before"),
    )),
    EventType("checkpoint_reached", "The player reached a checkpoint", "progressed", "level", (
        Field("checkpoint", STRING, "Checkpoint id"),
    )),
    EventType("level_completed", "A level was completed", "completed", "level", (
        Field("duration_ms", INTEGER, "Time in the level (this sitting)", unit="ms", minimum=0),
    )),
    EventType("level_quit", "The player left a level before finishing it", "exited", "level", (
        Field("checkpoint", STRING, "Last checkpoint reached", nullable=True),
        Field("duration_ms", INTEGER, "Time in the level (this sitting)", unit="ms", minimum=0),
    )),
    EventType("npc_interacted", "The player talked to a character or read a sign", "interacted", "non-player-character", (
        Field("dialogue_id", STRING, "Dialogue id from the level content"),
        Field("pages", INTEGER, "Pages in the dialogue", minimum=1),
    )),
    # --- thoughts (catch, check, change) ---------------------------------------------------------
    EventType("trap_answered", "The player tagged a thought with a thinking trap", "selected", "question", (
        Field("thought_id", STRING, "Thought id from the content"),
        Field("trap_chosen", STRING, "Trap the player chose", allowed=TRAPS),
        Field("correct", BOOLEAN, "The trap fits the thought"),
        Field("attempt", INTEGER, "Attempt number for this thought in this round", minimum=1),
        Field("reaction_ms", INTEGER, "Time from the thought appearing to the answer", unit="ms", minimum=0),
    )),
    EventType("moment_sorted", "Level 1: the player sorted a moment into thought, feeling or action", "selected",
              "question", (
        Field("moment_id", STRING, "Moment id from the level content"),
        Field("chosen", STRING, "Box the player chose", allowed=("thought", "feeling", "action")),
        Field("correct", BOOLEAN, "The moment is of that kind"),
        Field("attempt", INTEGER, "Attempt number for this moment", minimum=1),
        Field("reaction_ms", INTEGER, "Time from the moment appearing to the answer", unit="ms", minimum=0),
    ), since="1.1"),
    EventType("sorting_completed", "Level 1: a round of sorting moments was finished", "completed", "level", (
        Field("sorting_id", STRING, "Sorting board id from the level content"),
        Field("moments", INTEGER, "Moments in the round", minimum=1),
        Field("first_try_right", INTEGER, "Moments sorted right on the first try", minimum=0),
    ), since="1.1"),
    EventType("breathing_done", "Level 1: a paced-breathing exercise ended (finished or stopped)", "completed",
              "level", (
        Field("breathing_id", STRING, "Breathing spot id from the level content"),
        Field("cycles_planned", INTEGER, "Breaths in the exercise", minimum=1),
        Field("cycles_done", INTEGER, "Whole breaths completed", minimum=0),
        Field("finished", BOOLEAN, "The player breathed to the end (false: stopped early)"),
        Field("duration_ms", INTEGER, "Time spent breathing", unit="ms", minimum=0),
    ), since="1.1"),
    EventType("thought_record_completed", "A catch-check-change thought record was completed", "completed", "question", (
        Field("thought_id", STRING, "Thought id from the content"),
        Field("feeling", STRING, "Feeling named by the player (from a fixed list)"),
        Field("feeling_before", INTEGER, "Strength of the feeling before checking", unit="0-100", minimum=0, maximum=100),
        Field("feeling_after", INTEGER, "Strength of the feeling after checking", unit="0-100", minimum=0, maximum=100),
        Field("belief_before", INTEGER, "Belief in the thought before checking", unit="0-100", minimum=0, maximum=100),
        Field("belief_after", INTEGER, "Belief in the thought after checking", unit="0-100", minimum=0, maximum=100),
        Field("trap_chosen", STRING, "Trap named during the check", allowed=TRAPS),
        Field("evidence_ids", ARRAY, "Evidence option ids the player chose", items=STRING),
        Field("evidence_correct", INTEGER, "Evidence choices sorted correctly (for/against)", minimum=0),
        Field("balanced_option_id", STRING, "Balanced-thought option chosen; empty if the player wrote their own", nullable=True),
        Field("balanced_quality", STRING, "Quality key of the chosen option", allowed=QUALITIES),
        Field("wrote_own", BOOLEAN, "The player wrote their own balanced thought (the text is never logged)"),
    )),
    # --- activities and real-world challenges ------------------------------------------------------
    EventType("activity_planned", "An activity was planned for a coming day", "selected", "item", (
        Field("activity_id", STRING, "Activity id from the content"),
        Field("category", STRING, "Activity category", allowed=CATEGORIES),
        Field("day_offset", INTEGER, "Days from the planning day (0 = today)", unit="days", minimum=0, maximum=13),
        Field("predicted_enjoyment", INTEGER, "Predicted enjoyment", unit="0-10", minimum=0, maximum=10),
    )),
    EventType("activity_followed_up", "The player said how a planned activity went", "selected", "item", (
        Field("activity_id", STRING, "Activity id from the content"),
        Field("category", STRING, "Activity category", allowed=CATEGORIES),
        Field("status", STRING, "Did it happen", allowed=STATUS3),
        Field("predicted_enjoyment", INTEGER, "Predicted enjoyment when planned", unit="0-10", minimum=0, maximum=10),
        Field("actual_enjoyment", INTEGER, "Actual enjoyment (done or partly only)", unit="0-10", minimum=0, maximum=10, nullable=True),
    )),
    EventType("challenge_set", "A real-world challenge was given at the end of a level", "selected", "item", (
        Field("challenge_id", STRING, "Challenge id from the level content"),
        Field("committed", BOOLEAN, "The player said they would try it"),
    )),
    EventType("challenge_followed_up", "The player said how the last real-world challenge went", "selected", "item", (
        Field("challenge_id", STRING, "Challenge id from the level content"),
        Field("status", STRING, "How it went", allowed=STATUS3),
    )),
    # --- safety ---------------------------------------------------------------------------------
    EventType("help_opened", "The help screen was opened", "accessed", "item", (
        Field("screen", STRING, "Screen the help was opened from"),
        Field("via", STRING, "How it was opened", allowed=("key", "button", "low_mood")),
    )),
    EventType("low_mood_message_shown", "The supportive low-mood message was shown", "accessed", "item", (
        Field("value", INTEGER, "Mood value that triggered it", minimum=0, maximum=10),
        Field("rule", STRING, "Which rule", allowed=("very_low", "two_low_in_a_row")),
    )),
    EventType("mood_checkin", "Mood check-in", "selected", "question", (
        Field("value", INTEGER, "Mood (0 = very low, 10 = great)", minimum=0, maximum=10, unit="0-10"),
        Field("moment", STRING, "When the check-in happened", allowed=MOOD_MOMENTS),
    )),
    # --- consent --------------------------------------------------------------------------------
    EventType("consent_decided", "The player answered the research question", "selected", "question", (
        Field("decision", STRING, "Answer", allowed=("yes", "no", "withdrawn")),
    )),
    EventType("profile_deleted", "A profile and its data were deleted on this computer", "exited", "serious-game", ()),
    # --- levels 5-7: problem solving, assertive replies, ally map, skills review, toolkit card ---------
    EventType("problem_solved", "Level 5: the player worked a problem through to a scheduled first step", "completed",
              "question", (
        Field("problem_id", STRING, "Problem id from the level content"),
        Field("definition_attempts", INTEGER, "Tries to pick a clear definition of the problem", minimum=1),
        Field("options_count", INTEGER, "Ideas in the brainstorm (the player's own idea included)", minimum=1),
        Field("own_idea", BOOLEAN, "The player added an idea of their own (its text is never logged)"),
        Field("worth_trying_count", INTEGER, "Ideas the player weighed up as worth a try", minimum=0),
        Field("chosen_option_id", STRING, "Idea chosen to try ('own' for the player's own idea)"),
        Field("first_step_id", STRING, "First step chosen from the content"),
        Field("first_step_day_offset", INTEGER, "Days from today to the first step (0 = today)", unit="days",
              minimum=0, maximum=6),
    ), since="1.1"),
    EventType("assertive_reply_chosen", "Level 6: the player chose a reply in a social situation", "selected",
              "question", (
        Field("situation_id", STRING, "Situation id from the level content"),
        Field("reply_id", STRING, "Reply id from the level content"),
        Field("style", STRING, "Style of the reply", allowed=("passive", "aggressive", "assertive")),
        Field("attempt", INTEGER, "Attempt number in this situation", minimum=1),
    ), since="1.1"),
    EventType("ally_map_saved", "Level 6: the player saved their ally map (counts only, never who)", "completed",
              "item", (
        Field("total", INTEGER, "People placed (one kind of person can be placed for several needs)", minimum=0),
        Field("types_count", INTEGER, "Different kinds of people placed", minimum=0),
        Field("needs_covered", INTEGER, "Kinds of help with at least one person", minimum=0, maximum=4),
        Field("need_talk", INTEGER, "People placed for talking about feelings", minimum=0),
        Field("need_school", INTEGER, "People placed for help with school", minimum=0),
        Field("need_fun", INTEGER, "People placed for fun and taking your mind off things", minimum=0),
        Field("need_serious", INTEGER, "People placed for when something serious happens", minimum=0),
        Field("type_friend", INTEGER, "Needs with a friend placed", minimum=0),
        Field("type_parent", INTEGER, "Needs with a parent or carer placed", minimum=0),
        Field("type_sibling", INTEGER, "Needs with a brother or sister placed", minimum=0),
        Field("type_relative", INTEGER, "Needs with another relative placed", minimum=0),
        Field("type_teacher", INTEGER, "Needs with a teacher placed", minimum=0),
        Field("type_coach", INTEGER, "Needs with a coach or club leader placed", minimum=0),
        Field("type_counsellor", INTEGER, "Needs with the school counsellor placed", minimum=0),
        Field("type_helpline", INTEGER, "Needs with a helpline placed", minimum=0),
    ), since="1.1"),
    EventType("skills_review_answered", "Level 7: the player answered a skills review question", "selected",
              "question", (
        Field("question_id", STRING, "Question id from the level content"),
        Field("option_id", STRING, "Option the player chose"),
        Field("correct", BOOLEAN, "The option was the right one"),
        Field("skill_level", INTEGER, "Level whose skill the question reviews", minimum=1, maximum=6),
    ), since="1.1"),
    EventType("toolkit_saved", "Level 7: the player saved their toolkit card (counts only)", "completed", "item", (
        Field("items_count", INTEGER, "Items on the card (helplines not counted)", minimum=0),
        Field("skills_count", INTEGER, "Skills on the card", minimum=0),
        Field("signs_count", INTEGER, "Warning signs on the card", minimum=0),
        Field("helps_count", INTEGER, "Things that help on the card", minimum=0),
        Field("people_count", INTEGER, "Kinds of people to talk to on the card", minimum=0),
        Field("own_items_count", INTEGER, "Items taken from the player's own plans and journal", minimum=0),
        Field("helplines_count", INTEGER, "Helplines printed on the card (from the deployment)", minimum=0),
    ), since="1.1"),
    # --- avatar (option indices only: never the nickname) -----------------------------------------
    EventType("avatar_chosen", "The player chose or changed their avatar", "selected", "item", (
        Field("body", INTEGER, "Body option (index in the avatar screen's list)", minimum=0),
        Field("skin", INTEGER, "Skin tone option (index)", minimum=0),
        Field("hair_style", INTEGER, "Hair style option (index)", minimum=0),
        Field("hair_colour", INTEGER, "Hair colour option (index)", minimum=0),
        Field("top_colour", INTEGER, "Top (clothing) colour option (index)", minimum=0),
        Field("bottom_colour", INTEGER, "Trousers (clothing) colour option (index)", minimum=0),
        Field("address", STRING, "How the guide addresses the player (the nickname itself is never logged)",
              allowed=("nickname", "friend")),
        Field("first_time", BOOLEAN, "Chosen at the first session start (false: changed later)"),
    ), since="1.1"),
    # --- settings and accessibility (names and plain values only: never which keys) ---------------
    EventType("settings_changed", "The player changed settings (logged when the settings screen closes)",
              "interacted", "item", (
        Field("changed", ARRAY, "Names of the settings that changed", items=STRING),
        Field("via", STRING, "Where the settings screen was opened",
              allowed=("title", "pause", "shortcut", "other")),
        Field("text_scale", NUMBER, "Text size (1.0 = 100%)", minimum=1.0, maximum=2.0),
        Field("text_speed", STRING, "Dialogue text speed", allowed=("slow", "normal", "fast", "instant")),
        Field("dyslexia_font", BOOLEAN, "Dyslexia-friendly font on"),
        Field("high_contrast", BOOLEAN, "High-contrast colours on"),
        Field("reduced_motion", BOOLEAN, "Reduced motion on"),
        Field("read_aloud", BOOLEAN, "Read aloud on"),
        Field("speech_rate", INTEGER, "Read-aloud speed", unit="words/min", minimum=0),
        Field("fullscreen", BOOLEAN, "Full screen"),
        Field("music_volume", NUMBER, "Music volume (0-1)", minimum=0, maximum=1),
        Field("effects_volume", NUMBER, "Sound effects volume (0-1)", minimum=0, maximum=1),
        Field("voice_volume", NUMBER, "Read-aloud volume (0-1)", minimum=0, maximum=1),
        Field("custom_keys", BOOLEAN, "Keys differ from the defaults (which keys is never logged)"),
    ), since="1.1"),
)


class SchemaError(ValueError):
    pass


def _check_value(f: Field, value: Any) -> str | None:
    if value is None:
        return None if f.nullable else f"{f.name}: must not be empty"
    t = f.type
    ok = {
        STRING: isinstance(value, str),
        INTEGER: isinstance(value, int) and not isinstance(value, bool),
        NUMBER: isinstance(value, (int, float)) and not isinstance(value, bool),
        BOOLEAN: isinstance(value, bool),
        ARRAY: isinstance(value, (list, tuple)),
    }[t]
    if not ok:
        return f"{f.name}: expected {t}, got {type(value).__name__}"
    if f.allowed is not None and value not in f.allowed:
        return f"{f.name}: {value!r} is not one of {list(f.allowed)}"
    if f.minimum is not None and isinstance(value, (int, float)) and value < f.minimum:
        return f"{f.name}: {value} is below {f.minimum}"
    if f.maximum is not None and isinstance(value, (int, float)) and value > f.maximum:
        return f"{f.name}: {value} is above {f.maximum}"
    return None


def validate_payload(event_type: str, payload: dict[str, Any]) -> list[str]:
    et = EVENT_TYPES.get(event_type)
    if et is None:
        return [f"unknown event type {event_type!r}"]
    errors: list[str] = []
    known = {f.name for f in et.fields}
    for f in et.fields:
        if f.name not in payload:
            if f.required:
                errors.append(f"{f.name}: missing")
            continue
        err = _check_value(f, payload[f.name])
        if err:
            errors.append(err)
    for k in payload:
        if k not in known:
            errors.append(f"{k}: not a field of {event_type}")
    return errors


def validate_event(record: dict[str, Any]) -> list[str]:
    """Validate a whole stored event (envelope + payload)."""
    errors = []
    for f in ENVELOPE:
        if f.name not in record:
            errors.append(f"{f.name}: missing")
            continue
        err = _check_value(f, record[f.name])
        if err:
            errors.append(err)
    payload = record.get("payload")
    if not isinstance(payload, dict):
        errors.append("payload: must be an object")
    else:
        errors.extend(validate_payload(str(record.get("event_type")), payload))
    return errors


def free_text_fields(event_type: str) -> list[str]:
    et = EVENT_TYPES.get(event_type)
    return [f.name for f in et.fields if f.free_text] if et else []


# ---------------------------------------------------------------------- generated views (added)
# Verb IRIs of the xAPI Serious Games profile (xAPI-SG, e-UCM), plus ADL "exited".
XAPI_VERB_IRIS: dict[str, str] = {
    "initialized": XAPI_ADL_VERB_BASE + "initialized",
    "progressed": XAPI_ADL_VERB_BASE + "progressed",
    "completed": XAPI_ADL_VERB_BASE + "completed",
    "interacted": XAPI_ADL_VERB_BASE + "interacted",
    "exited": XAPI_ADL_VERB_BASE + "exited",
    "accessed": XAPI_VERB_BASE + "accessed",
    "unlocked": XAPI_VERB_BASE + "unlocked",
    "used": XAPI_VERB_BASE + "used",
    "selected": "https://w3id.org/xapi/adb/verbs/selected",
    "skipped": "http://id.tincanapi.com/verb/skipped",
}
XAPI_ACTIVITY_TYPE_BASE = "https://w3id.org/xapi/seriousgames/activity-types/"


def xapi_verb_iri(verb: str) -> str:
    return XAPI_VERB_IRIS.get(verb, XAPI_VERB_BASE + verb)


def xapi_activity_type_iri(object_type: str) -> str:
    return XAPI_ACTIVITY_TYPE_BASE + object_type


def schema_major(version: str | None = None) -> int:
    try:
        return int(str(version or SCHEMA_VERSION).split(".")[0])
    except ValueError:
        return -1


def field_to_dict(f: Field) -> dict[str, Any]:
    return {
        "name": f.name, "type": f.type, "label": f.label, "unit": f.unit,
        "allowed": list(f.allowed) if f.allowed is not None else None,
        "minimum": f.minimum, "maximum": f.maximum, "required": f.required,
        "nullable": f.nullable, "free_text": f.free_text, "items": f.items,
    }


def schema_snapshot() -> dict[str, Any]:
    """The whole schema as plain JSON (frozen per version in tests/fixtures for the evolution test)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "envelope": [field_to_dict(f) for f in ENVELOPE],
        "event_types": {
            name: {
                "label": et.label, "xapi_verb": et.xapi_verb, "xapi_object": et.xapi_object,
                "since": et.since, "fields": [field_to_dict(f) for f in et.fields],
            }
            for name, et in EVENT_TYPES.items()
        },
    }


ENVELOPE_NAMES: tuple[str, ...] = tuple(f.name for f in ENVELOPE)


def quick_check_event(record: Any) -> str | None:
    """A cheap structural check for bulk work (merge): envelope keys and the types merge relies on.

    The full check is ``validate_event``; this one is many times faster and catches damaged records.
    """
    if type(record) is not dict:
        return "not an object"
    if not _ENVELOPE_SET <= record.keys():
        missing = [n for n in ENVELOPE_NAMES if n not in record]
        return f"{missing[0]}: missing"
    if type(record["event_id"]) is not str or type(record["session_id"]) is not str:
        return "event_id/session_id: expected string"
    seq = record["event_seq"]
    if type(seq) is not int or seq < 0:
        return "event_seq: expected a whole number >= 0"
    if record["event_type"] not in EVENT_TYPES:
        return f"unknown event type {record['event_type']!r}"
    if type(record.get("payload")) is not dict:
        return "payload: must be an object"
    if type(record["t_session_ms"]) is not int or type(record["tz_offset_min"]) is not int:
        return "t_session_ms/tz_offset_min: expected whole numbers"
    if type(record["ts_utc"]) is not str:
        return "ts_utc: expected text"
    return None


_ENVELOPE_SET = frozenset(ENVELOPE_NAMES)


def example_value(f: Field, rng: Any) -> Any:
    """A random value that satisfies ``f`` (simulations, benchmarks, property tests)."""
    if f.nullable and rng.random() < 0.1:
        return None
    if f.allowed is not None:
        return rng.choice(f.allowed)
    if f.type == BOOLEAN:
        return rng.random() < 0.5
    if f.type in (INTEGER, NUMBER):
        lo = int(f.minimum) if f.minimum is not None else 0
        hi = int(f.maximum) if f.maximum is not None else max(lo + 100, 60_000 if f.unit == "ms" else 100)
        v = rng.randint(lo, hi)
        return float(v) if f.type == NUMBER else v
    if f.type == ARRAY:
        return [f"{f.name[:-4] if f.name.endswith('_ids') else f.name}_{rng.randint(1, 9)}" for _ in range(rng.randint(0, 3))]
    base = f.name[:-3] if f.name.endswith("_id") else f.name
    return f"{base}_{rng.randint(1, 9)}"


def example_payload(event_type: str, rng: Any) -> dict[str, Any]:
    return {f.name: example_value(f, rng) for f in EVENT_TYPES[event_type].fields}
