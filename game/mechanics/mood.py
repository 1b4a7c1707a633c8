"""Mood check-ins (0-10) and the low-mood safety rule. Pure rules: no pygame, no clock reads.

The low-mood rule (always on, see design.md "Safety"):

* a check-in of 2 or lower  -> ``"very_low"``
* otherwise, this check-in and the one before it (across the player's whole history, so across
  sessions and levels) are both 3 or lower -> ``"two_low_in_a_row"``
* otherwise -> ``None``

When the rule fires, the UI shows :func:`support_message` and offers the help screen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Iterable, Mapping

from game.i18n import N_, _
from game.research.schema import MOOD_MOMENTS

MOOD_MIN = 0
MOOD_MAX = 10
MOMENTS: tuple[str, ...] = MOOD_MOMENTS  # level_start, level_end, session_start, session_end

VERY_LOW_MAX = 2   # a single check-in at or below this fires "very_low"
LOW_MAX = 3        # two check-ins in a row at or below this fire "two_low_in_a_row"
RULE_VERY_LOW = "very_low"
RULE_TWO_LOW = "two_low_in_a_row"
RULES = (RULE_VERY_LOW, RULE_TWO_LOW)

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- dates (time is always injected) -------------------------------------------------------------

def check_date(value: Any, what: str = "date") -> str:
    """Return ``value`` if it is a real calendar date written 'YYYY-MM-DD'; else raise ValueError."""
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise ValueError(f"{what} must be a 'YYYY-MM-DD' string, got {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{what} is not a real date: {value!r}") from None
    return value


def local_date(clock: Any) -> str:
    """The player's local calendar date ('YYYY-MM-DD') from an injected Clock/FakeClock."""
    now: datetime = clock.now_utc()
    return (now + timedelta(minutes=int(clock.tz_offset_min()))).date().isoformat()


# --- the scale -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MoodStep:
    value: int
    word: str   # shown under the slider, e.g. "a bit low"
    face: str   # art key of the face drawn for this value
    band: str   # really_low / low / okay / good / great


_WORDS = (
    N_("really low"), N_("really low"), N_("low"), N_("a bit low"), N_("so-so"), N_("okay"),
    N_("pretty okay"), N_("good"), N_("really good"), N_("great"), N_("brilliant"),
)
_BANDS = (
    "really_low", "really_low", "low", "low", "okay", "okay",
    "okay", "good", "good", "great", "great",
)


class MoodScale:
    """The 0-10 mood scale: every value has a warm word and a face key."""

    minimum = MOOD_MIN
    maximum = MOOD_MAX

    def __init__(self) -> None:
        self.steps: tuple[MoodStep, ...] = tuple(
            MoodStep(v, _WORDS[v], f"face_{_BANDS[v]}", _BANDS[v]) for v in range(MOOD_MIN, MOOD_MAX + 1))

    def step(self, value: int) -> MoodStep:
        return self.steps[check_mood(value)]

    def word(self, value: int) -> str:
        """The word for ``value`` in the current language (``step().word`` stays English)."""
        return _(self.step(value).word)

    def face(self, value: int) -> str:
        return self.step(value).face

    def band(self, value: int) -> str:
        return self.step(value).band

    def __len__(self) -> int:
        return len(self.steps)

    def __iter__(self):
        return iter(self.steps)


MOOD_SCALE = MoodScale()


def check_mood(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not MOOD_MIN <= value <= MOOD_MAX:
        raise ValueError(f"mood must be a whole number {MOOD_MIN}-{MOOD_MAX}, got {value!r}")
    return value


def check_moment(moment: Any) -> str:
    if moment not in MOMENTS:
        raise ValueError(f"moment must be one of {list(MOMENTS)}, got {moment!r}")
    return moment


# --- the low-mood rule -----------------------------------------------------------------------------

def low_mood_rule(value: int, previous: int | None) -> str | None:
    """Which low-mood rule (if any) this check-in fires, given the check-in just before it.

    ``previous`` is the player's last check-in value before this one (None for the first ever).
    "very_low" takes precedence over "two_low_in_a_row".
    """
    check_mood(value)
    if value <= VERY_LOW_MAX:
        return RULE_VERY_LOW
    if previous is not None and check_mood(previous) <= LOW_MAX and value <= LOW_MAX:
        return RULE_TWO_LOW
    return None


# --- the supportive message ------------------------------------------------------------------------

@dataclass(frozen=True)
class SupportMessage:
    rule: str
    title: str
    boxes: tuple[str, ...]      # <= 3 boxes, <= 25 words each
    help_button: str            # opens the help screen (helplines from the deployment config)
    continue_button: str

    @property
    def text(self) -> str:
        return "\n\n".join(self.boxes)

    @property
    def lead(self) -> str:
        """The opener and "it's OK to ask for help", for screens that show the full help text below."""
        return f"{self.boxes[0]} {_(_LEAD)}"


_OPENERS = {
    RULE_VERY_LOW: N_("Thank you for telling me how you feel. It sounds like things are really hard right now."),
    RULE_TWO_LOW: N_("Thank you for being honest. Your mood has been low for a little while now."),
}
_LEAD = N_("It's OK to ask for help.")
_SUPPORT_BOXES = (
    N_("It's OK to ask for help. Talking to someone you trust, like a friend, a family member "
       "or a teacher, can really help."),
    N_("Your school counsellor is there for this too. The help screen shows who you can call "
       "or message, any time."),
)


def support_message(rule: str) -> SupportMessage:
    """The warm message shown when the low-mood rule fires, in the current language. It never asks
    the player anything."""
    if rule not in RULES:
        raise ValueError(f"unknown low-mood rule {rule!r}")
    return SupportMessage(
        rule=rule,
        title=_("Thanks for checking in"),
        boxes=(_(_OPENERS[rule]), *(_(b) for b in _SUPPORT_BOXES)),
        help_button=_("Show me who can help"),
        continue_button=_("Keep going"),
    )


# --- history ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MoodCheckin:
    date: str
    value: int
    moment: str
    level_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "value": self.value, "moment": self.moment, "level_id": self.level_id}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "MoodCheckin":
        if not isinstance(d, Mapping):
            raise ValueError(f"a mood check-in must be an object, got {type(d).__name__}")
        level_id = d.get("level_id")
        if level_id is not None and not isinstance(level_id, str):
            raise ValueError(f"level_id must be a string or null, got {level_id!r}")
        return cls(check_date(d.get("date")), check_mood(d.get("value")), check_moment(d.get("moment")), level_id)


@dataclass(frozen=True)
class CheckinResult:
    checkin: MoodCheckin
    rule: str | None            # None, "very_low" or "two_low_in_a_row"

    @property
    def show_support(self) -> bool:
        return self.rule is not None

    @property
    def message(self) -> SupportMessage | None:
        return support_message(self.rule) if self.rule else None

    def checkin_payload(self) -> dict[str, Any]:
        return mood_checkin_payload(self.checkin.value, self.checkin.moment)

    def low_mood_payload(self) -> dict[str, Any] | None:
        """Log this (as ``low_mood_message_shown``) when the message is actually on screen."""
        return low_mood_payload(self.checkin.value, self.rule) if self.rule else None


class MoodHistory:
    """Every check-in the player has made, oldest first. Saved in the profile."""

    VERSION = 1

    def __init__(self, checkins: Iterable[MoodCheckin] = ()) -> None:
        self.checkins: list[MoodCheckin] = list(checkins)

    @property
    def last(self) -> MoodCheckin | None:
        return self.checkins[-1] if self.checkins else None

    def rule_for(self, value: int) -> str | None:
        """The rule a check-in of ``value`` would fire now (without recording it)."""
        return low_mood_rule(value, self.last.value if self.last else None)

    def record(self, value: int, moment: str, date: str, level_id: str | None = None) -> CheckinResult:
        """Record a check-in made on local calendar day ``date`` and apply the low-mood rule."""
        checkin = MoodCheckin(check_date(date), check_mood(value), check_moment(moment), level_id)
        rule = self.rule_for(value)
        self.checkins.append(checkin)
        return CheckinResult(checkin, rule)

    def entries(self) -> list[dict[str, Any]]:
        """Plain {date, value, moment, level_id} dicts, e.g. for the mood-and-activity chart."""
        return [c.to_dict() for c in self.checkins]

    def __len__(self) -> int:
        return len(self.checkins)

    def __iter__(self):
        return iter(self.checkins)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MoodHistory) and self.checkins == other.checkins

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.VERSION, "checkins": self.entries()}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "MoodHistory":
        if not isinstance(d, Mapping) or not isinstance(d.get("checkins"), list):
            raise ValueError("mood history must be an object with a 'checkins' list")
        return cls(MoodCheckin.from_dict(c) for c in d["checkins"])


# --- research payloads -----------------------------------------------------------------------------

def mood_checkin_payload(value: int, moment: str) -> dict[str, Any]:
    return {"value": check_mood(value), "moment": check_moment(moment)}


def low_mood_payload(value: int, rule: str) -> dict[str, Any]:
    if rule not in RULES:
        raise ValueError(f"unknown low-mood rule {rule!r}")
    return {"value": check_mood(value), "rule": rule}
