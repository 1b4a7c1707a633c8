"""Behavioural activation: activity cards, the week plan, follow-up and the mood-and-activity chart.

Pure rules: no pygame, no clock reads (the caller passes dates as 'YYYY-MM-DD' strings; use
``game.mechanics.mood.local_date(clock)`` to get today's).

A :class:`WeekPlan` holds activity cards placed on the coming 7 days (``day_offset`` 0-6 from the
plan date), at most 3 a day, each with a predicted enjoyment 0-10. At the next level the player
says how each went (done / partly / not yet, and for done/partly how much they actually enjoyed
it); :func:`prediction_gap` turns predicted vs actual into a kind message.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Mapping

from game.i18n import N_, _, tr
from game.mechanics.mood import check_date
from game.research.schema import CATEGORIES as _SCHEMA_CATEGORIES
from game.research.schema import STATUS3

CATEGORIES: tuple[str, ...] = _SCHEMA_CATEGORIES      # pleasure, mastery, social, physical, values
SIZES: tuple[str, ...] = ("tiny", "small", "big")
PICTURES: tuple[str, ...] = (
    "walk", "dog", "phone", "chat", "homework", "book", "music", "guitar", "draw", "ball", "bike",
    "cook", "clean", "plant", "game", "film", "photo", "run", "swim", "dance", "sleep", "sun",
    "heart", "star", "help", "family", "friends", "write", "puzzle", "tidy", "water",
)
STATUSES: tuple[str, ...] = STATUS3                    # done, partly, not_yet

DAYS = 7             # the plan covers day_offset 0..6
MAX_PER_DAY = 3
MIN_ITEMS = 2
MAX_ITEMS = 10
ENJOY_MIN, ENJOY_MAX = 0, 10
GAP_THRESHOLD = 2    # actual - predicted >= 2: "more"; <= -2: "less"; otherwise "about"

GAP_MORE, GAP_ABOUT, GAP_LESS = "more", "about", "less"


class PlanError(ValueError):
    """A move the planner refuses; ``str()`` is a friendly line the UI can show as is."""


# --- activities and the catalogue ------------------------------------------------------------------

@dataclass(frozen=True)
class Activity:
    id: str
    text: str
    category: str
    size: str
    picture: str

    def __post_init__(self) -> None:
        if not self.id or not isinstance(self.id, str):
            raise ValueError("activity id must be a non-empty string")
        if not isinstance(self.text, str) or not self.text.strip():
            raise ValueError(f"activity {self.id!r}: text must not be empty")
        if self.category not in CATEGORIES:
            raise ValueError(f"activity {self.id!r}: unknown category {self.category!r}")
        if self.size not in SIZES:
            raise ValueError(f"activity {self.id!r}: unknown size {self.size!r}")
        if self.picture not in PICTURES:
            raise ValueError(f"activity {self.id!r}: unknown picture {self.picture!r}")


@dataclass(frozen=True)
class CategoryInfo:
    key: str
    label: str          # e.g. "Fun"
    explanation: str    # one line, e.g. "Things you enjoy just because."


DEFAULT_CATEGORY_INFO: dict[str, CategoryInfo] = {
    "pleasure": CategoryInfo("pleasure", N_("Fun"), N_("Things you enjoy just because.")),
    "mastery": CategoryInfo("mastery", N_("Achievement"), N_("Things that give you a sense of getting stuff done.")),
    "social": CategoryInfo("social", N_("Connection"), N_("Time with people who matter to you.")),
    "physical": CategoryInfo("physical", N_("Body"), N_("Moving, resting and looking after your body.")),
    "values": CategoryInfo("values", N_("What matters"), N_("Things that fit what you care about.")),
}


class Catalogue:
    """All activity cards (from levels/shared/activities.yaml), in file order, plus category labels."""

    def __init__(self, activities: Iterable[Activity],
                 categories: Mapping[str, CategoryInfo] | None = None) -> None:
        self.activities: tuple[Activity, ...] = tuple(activities)
        self._by_id: dict[str, Activity] = {}
        for a in self.activities:
            if a.id in self._by_id:
                raise ValueError(f"duplicate activity id {a.id!r}")
            self._by_id[a.id] = a
        self.categories: dict[str, CategoryInfo] = dict(categories or DEFAULT_CATEGORY_INFO)

    def get(self, activity_id: str) -> Activity | None:
        return self._by_id.get(activity_id)

    def __getitem__(self, activity_id: str) -> Activity:
        return self._by_id[activity_id]

    def __contains__(self, activity_id: object) -> bool:
        return activity_id in self._by_id

    def __iter__(self):
        return iter(self.activities)

    def __len__(self) -> int:
        return len(self.activities)

    def by_category(self, category: str) -> list[Activity]:
        return [a for a in self.activities if a.category == category]

    def by_size(self, size: str) -> list[Activity]:
        return [a for a in self.activities if a.size == size]

    def label(self, category: str) -> str:
        """The category's name in the current language."""
        return _(self.categories[category].label)

    def explanation(self, category: str) -> str:
        """The category's one-line explanation in the current language."""
        return _(self.categories[category].explanation)


# --- the week plan ---------------------------------------------------------------------------------

def _check_enjoyment(value: Any, what: str = "enjoyment") -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not ENJOY_MIN <= value <= ENJOY_MAX:
        raise ValueError(f"{what} must be a whole number {ENJOY_MIN}-{ENJOY_MAX}, got {value!r}")
    return value


@dataclass(frozen=True)
class Gap:
    """Predicted vs actual enjoyment for one activity."""
    predicted: int
    actual: int
    kind: str       # "more", "about", "less"
    message: str

    @property
    def value(self) -> int:
        return self.actual - self.predicted


_GAP_MESSAGES = {
    GAP_MORE: N_("You enjoyed it more than you expected! Doing things often feels better than our minds predict."),
    GAP_ABOUT: N_("It went about as you expected. Nice, you know what works for you."),
    GAP_LESS: N_("It was less fun than you expected this time. That happens, and you still gave it a go."),
}
NOT_YET_MESSAGE = N_("That's OK, plans change. You can try it another day, or pick a tiny one first.")
PARTLY_PREFIX = N_("Doing part of it still counts.")


def gap_kind(gap: float) -> str:
    """Classify actual - predicted: >= +2 "more", <= -2 "less", anything between "about"."""
    if gap >= GAP_THRESHOLD:
        return GAP_MORE
    if gap <= -GAP_THRESHOLD:
        return GAP_LESS
    return GAP_ABOUT


def prediction_gap(predicted: int, actual: int) -> Gap:
    _check_enjoyment(predicted, "predicted enjoyment")
    _check_enjoyment(actual, "actual enjoyment")
    kind = gap_kind(actual - predicted)
    return Gap(predicted, actual, kind, _(_GAP_MESSAGES[kind]))


@dataclass(frozen=True)
class FollowUpFeedback:
    status: str
    gap: Gap | None     # None for not_yet (or when no prediction was made)
    message: str


def followup_feedback(status: str, predicted: int | None, actual: int | None) -> FollowUpFeedback:
    """The kind line shown after the player says how a planned activity went."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {list(STATUSES)}, got {status!r}")
    if status == "not_yet":
        return FollowUpFeedback(status, None, _(NOT_YET_MESSAGE))
    if actual is None:
        raise ValueError("actual enjoyment is needed for done and partly")
    gap = prediction_gap(predicted, actual) if predicted is not None else None
    if gap is None:
        message = _("Well done for doing it.") if status == "done" else _(PARTLY_PREFIX)
    else:
        message = gap.message if status == "done" else f"{_(PARTLY_PREFIX)} {gap.message}"
    return FollowUpFeedback(status, gap, message)


@dataclass
class PlannedItem:
    uid: int                        # unique within its plan (the same activity can appear on several days)
    activity_id: str
    category: str
    day_offset: int                 # 0 = the plan date
    predicted: int | None = None    # 0-10; None until the player sets it
    status: str | None = None       # None until followed up; then done / partly / not_yet
    actual: int | None = None       # 0-10 for done and partly; None for not_yet

    @property
    def followed_up(self) -> bool:
        return self.status is not None

    def feedback(self) -> FollowUpFeedback | None:
        return followup_feedback(self.status, self.predicted, self.actual) if self.status else None

    def to_dict(self) -> dict[str, Any]:
        return {"uid": self.uid, "activity_id": self.activity_id, "category": self.category,
                "day_offset": self.day_offset, "predicted": self.predicted,
                "status": self.status, "actual": self.actual}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PlannedItem":
        if not isinstance(d, Mapping):
            raise ValueError("a planned item must be an object")
        uid = d.get("uid")
        if not isinstance(uid, int) or isinstance(uid, bool) or uid < 1:
            raise ValueError(f"uid must be a positive whole number, got {uid!r}")
        aid = d.get("activity_id")
        if not isinstance(aid, str) or not aid:
            raise ValueError(f"activity_id must be a non-empty string, got {aid!r}")
        cat = d.get("category")
        if cat not in CATEGORIES:
            raise ValueError(f"unknown category {cat!r}")
        day = d.get("day_offset")
        if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day < DAYS:
            raise ValueError(f"day_offset must be 0-{DAYS - 1}, got {day!r}")
        predicted = d.get("predicted")
        if predicted is not None:
            _check_enjoyment(predicted, "predicted")
        status = d.get("status")
        actual = d.get("actual")
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        if status in ("done", "partly"):
            _check_enjoyment(actual, "actual")
        elif actual is not None:
            raise ValueError("actual must be null unless the status is done or partly")
        return cls(uid, aid, cat, day, predicted, status, actual)


@dataclass(frozen=True)
class PlanSummary:
    planned: int
    answered: int
    done: int
    partly: int
    not_yet: int
    mean_predicted_done: float | None   # over "done" items only
    mean_actual_done: float | None
    gap_kind: str | None                # classify(mean actual - mean predicted) over done items
    message: str


_SUMMARY_MESSAGES = {
    GAP_MORE: N_("On the whole you enjoyed things more than you expected. Worth remembering next time you're not sure."),
    GAP_ABOUT: N_("Your guesses were close. You know what works for you."),
    GAP_LESS: N_("Some things were less fun than you expected. That's useful to know: you can swap in other cards."),
    None: N_("Plans don't always happen, and that's normal. Next week, try starting with a tiny one."),
}


@dataclass
class WeekPlan:
    """Activity cards placed on the 7 days starting ``plan_date`` ('YYYY-MM-DD')."""

    plan_date: str
    items: list[PlannedItem] = field(default_factory=list)
    level_id: str | None = None
    next_uid: int = 1
    session: int | None = None      # the profile's session number when it was planned (None: unknown)

    VERSION = 1

    def __post_init__(self) -> None:
        check_date(self.plan_date, "plan_date")
        if self.items:
            self.next_uid = max(self.next_uid, max(i.uid for i in self.items) + 1)

    # -- reading ------------------------------------------------------------------------------------
    def item(self, uid: int) -> PlannedItem:
        for it in self.items:
            if it.uid == uid:
                return it
        raise KeyError(uid)

    def on_day(self, day_offset: int) -> list[PlannedItem]:
        return [i for i in self.items if i.day_offset == day_offset]

    def by_day(self) -> list[list[PlannedItem]]:
        """Seven lists (day 0..6), each in the order the cards were placed."""
        return [self.on_day(d) for d in range(DAYS)]

    def day_date(self, day_offset: int) -> str:
        return (date.fromisoformat(self.plan_date) + timedelta(days=day_offset)).isoformat()

    def weekday(self, day_offset: int) -> int:
        """0 = Monday ... 6 = Sunday (the UI turns it into a localised day name)."""
        return (date.fromisoformat(self.plan_date) + timedelta(days=day_offset)).weekday()

    # -- editing (drag and drop or keyboard) -------------------------------------------------------
    def why_not(self, activity_id: str, day_offset: int, moving_uid: int | None = None) -> str | None:
        """A friendly reason (in the current language) a card cannot go on ``day_offset``, or None if it can."""
        if not isinstance(day_offset, int) or isinstance(day_offset, bool) or not 0 <= day_offset < DAYS:
            return _("Pick a day in the coming week.")
        others = [i for i in self.on_day(day_offset) if i.uid != moving_uid]
        if any(i.activity_id == activity_id for i in others):
            return _("That activity is already on this day. Try another day.")
        if len(others) >= MAX_PER_DAY:
            return tr("That day already has {max} activities. Try another day.", max=MAX_PER_DAY)
        return None

    def can_add(self, activity_id: str, day_offset: int) -> bool:
        return self.why_not(activity_id, day_offset) is None

    def add(self, activity: Activity, day_offset: int, predicted: int | None = None) -> PlannedItem:
        reason = self.why_not(activity.id, day_offset)
        if reason:
            raise PlanError(reason)
        if predicted is not None:
            _check_enjoyment(predicted, "predicted enjoyment")
        item = PlannedItem(self.next_uid, activity.id, activity.category, day_offset, predicted)
        self.next_uid += 1
        self.items.append(item)
        return item

    def move(self, uid: int, day_offset: int) -> PlannedItem:
        item = self.item(uid)
        if item.day_offset == day_offset:
            return item
        reason = self.why_not(item.activity_id, day_offset, moving_uid=uid)
        if reason:
            raise PlanError(reason)
        item.day_offset = day_offset
        # a moved card goes to the end of its new day
        self.items.remove(item)
        self.items.append(item)
        return item

    def remove(self, uid: int) -> PlannedItem:
        item = self.item(uid)
        self.items.remove(item)
        return item

    def set_prediction(self, uid: int, predicted: int) -> PlannedItem:
        item = self.item(uid)
        item.predicted = _check_enjoyment(predicted, "predicted enjoyment")
        return item

    # -- validation --------------------------------------------------------------------------------
    def validate(self) -> list[str]:
        """Friendly lines (in the current language) saying what is still missing; an empty list means
        the plan is ready."""
        problems: list[str] = []
        n = len(self.items)
        cats = {i.category for i in self.items}
        if n < MIN_ITEMS:
            problems.append(
                tr("Pick at least {min} activities for your week.", min=MIN_ITEMS) if n == 0
                else _("Add one more activity. Two or more make a week."))
        if n > MAX_ITEMS:
            problems.append(tr("That's a lot! Keep it to {max} or fewer so your week stays doable.", max=MAX_ITEMS))
        if "pleasure" not in cats:
            problems.append(_("Add something fun: a card you'd enjoy just because."))
        if "mastery" not in cats:
            problems.append(_("Add something that gives you a sense of achievement, even a tiny one."))
        if any(i.predicted is None for i in self.items):
            problems.append(_("Guess how much you'll enjoy each activity (0 to 10)."))
        return problems

    @property
    def is_valid(self) -> bool:
        return not self.validate()

    # -- follow-up ---------------------------------------------------------------------------------
    def pending(self) -> list[PlannedItem]:
        """Items not followed up yet, by day."""
        return sorted((i for i in self.items if i.status is None), key=lambda i: (i.day_offset, i.uid))

    @property
    def followed_up(self) -> bool:
        return bool(self.items) and not self.pending()

    def due(self, today: str) -> list[PlannedItem]:
        """Pending items whose day has come (their date is ``today`` or earlier), by day."""
        check_date(today, "today")
        return [i for i in self.pending() if self.day_date(i.day_offset) <= today]

    def due_for_follow_up(self, today: str, session: int | None = None) -> list[PlannedItem]:
        """What to ask about now: due items, but only once the player has come back (a later day or
        a later session than the one the plan was made in), never straight after planning."""
        later_day = check_date(today, "today") > self.plan_date
        later_session = session is not None and self.session is not None and session > self.session
        return self.due(today) if (later_day or later_session) else []

    def record_followup(self, uid: int, status: str, actual: int | None = None) -> FollowUpFeedback:
        """Record how a planned activity went and return the kind feedback line."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {list(STATUSES)}, got {status!r}")
        item = self.item(uid)
        if status == "not_yet":
            actual = None
        else:
            _check_enjoyment(actual, "actual enjoyment")
        feedback = followup_feedback(status, item.predicted, actual)
        item.status, item.actual = status, actual
        return feedback

    def summary(self) -> PlanSummary:
        done = [i for i in self.items if i.status == "done"]
        partly = sum(1 for i in self.items if i.status == "partly")
        not_yet = sum(1 for i in self.items if i.status == "not_yet")
        rated = [i for i in done if i.predicted is not None and i.actual is not None]
        if rated:
            mp = round(sum(i.predicted for i in rated) / len(rated), 2)
            ma = round(sum(i.actual for i in rated) / len(rated), 2)
            kind: str | None = gap_kind(ma - mp)
        else:
            mp = ma = None
            kind = None
        if kind is None and partly:
            message = _("You made a start on some of your plans, and that counts.")
        else:
            message = _(_SUMMARY_MESSAGES[kind])
        return PlanSummary(len(self.items), len(done) + partly + not_yet, len(done), partly, not_yet,
                           mp, ma, kind, message)

    # -- research payloads -------------------------------------------------------------------------
    def planned_payloads(self) -> list[dict[str, Any]]:
        return [activity_planned_payload(i) for i in self.items]

    def followed_up_payloads(self) -> list[dict[str, Any]]:
        return [activity_followed_up_payload(i) for i in self.items if i.status is not None]

    # -- saving ------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"version": self.VERSION, "plan_date": self.plan_date, "level_id": self.level_id,
                "next_uid": self.next_uid, "session": self.session, "items": [i.to_dict() for i in self.items]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "WeekPlan":
        if not isinstance(d, Mapping):
            raise ValueError("a week plan must be an object")
        items_raw = d.get("items")
        if not isinstance(items_raw, list):
            raise ValueError("a week plan needs an 'items' list")
        items = [PlannedItem.from_dict(x) for x in items_raw]
        if len({i.uid for i in items}) != len(items):
            raise ValueError("planned item uids must be unique")
        level_id = d.get("level_id")
        if level_id is not None and not isinstance(level_id, str):
            raise ValueError(f"level_id must be a string or null, got {level_id!r}")
        next_uid = d.get("next_uid", 1)
        if not isinstance(next_uid, int) or isinstance(next_uid, bool) or next_uid < 1:
            raise ValueError(f"next_uid must be a positive whole number, got {next_uid!r}")
        session = d.get("session")
        if session is not None and (not isinstance(session, int) or isinstance(session, bool) or session < 0):
            raise ValueError(f"session must be a whole number or null, got {session!r}")
        return cls(check_date(d.get("plan_date"), "plan_date"), items, level_id, next_uid, session)

    def copy(self) -> "WeekPlan":
        return WeekPlan.from_dict(self.to_dict())


class PlanBook:
    """All committed week plans, oldest first (saved in the profile; the chart reads them all)."""

    VERSION = 1

    def __init__(self, plans: Iterable[WeekPlan] = ()) -> None:
        self.plans: list[WeekPlan] = list(plans)

    @property
    def current(self) -> WeekPlan | None:
        return self.plans[-1] if self.plans else None

    def pending_follow_up(self, today: str, session: int | None = None) -> tuple[WeekPlan, list[PlannedItem]] | None:
        """The newest plan with activities to ask about now (an older plan's items are asked about
        at a later start, never lost because a newer plan was made)."""
        for plan in reversed(self.plans):
            items = plan.due_for_follow_up(today, session)
            if items:
                return plan, items
        return None

    def commit(self, plan: WeekPlan) -> None:
        """Save a finished plan; refuses a plan that does not pass validate()."""
        problems = plan.validate()
        if problems:
            raise PlanError(problems[0])
        self.plans.append(plan)

    def due_follow_up(self) -> WeekPlan | None:
        """The latest plan if it still has items to ask about (asked at the start of the next level)."""
        plan = self.current
        return plan if plan is not None and plan.pending() else None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlanBook) and self.plans == other.plans

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.VERSION, "plans": [p.to_dict() for p in self.plans]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PlanBook":
        if not isinstance(d, Mapping) or not isinstance(d.get("plans"), list):
            raise ValueError("a plan book must be an object with a 'plans' list")
        return cls(WeekPlan.from_dict(p) for p in d["plans"])


# --- research payloads -----------------------------------------------------------------------------

def activity_planned_payload(item: PlannedItem) -> dict[str, Any]:
    if item.predicted is None:
        raise ValueError("an activity needs a predicted enjoyment before it is logged as planned")
    return {"activity_id": item.activity_id, "category": item.category,
            "day_offset": item.day_offset, "predicted_enjoyment": item.predicted}


def activity_followed_up_payload(item: PlannedItem) -> dict[str, Any]:
    if item.status is None:
        raise ValueError("this activity has not been followed up yet")
    if item.predicted is None:
        raise ValueError("this activity has no predicted enjoyment")
    return {"activity_id": item.activity_id, "category": item.category, "status": item.status,
            "predicted_enjoyment": item.predicted, "actual_enjoyment": item.actual}


# --- chart data ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChartDay:
    date: str
    moods: tuple[int, ...]          # every check-in that day, in order
    mood: float | None              # mean of that day's check-ins (None: no check-in)
    done: int                       # planned activities done that day
    partly: int                     # ... partly done
    activity_ids: tuple[str, ...]   # done or partly, in plan order

    @property
    def activities(self) -> int:
        return self.done + self.partly


@dataclass(frozen=True)
class ChartData:
    days: tuple[ChartDay, ...]

    @property
    def dates(self) -> list[str]:
        return [d.date for d in self.days]

    @property
    def mood_series(self) -> list[float | None]:
        return [d.mood for d in self.days]

    @property
    def activity_series(self) -> list[int]:
        return [d.activities for d in self.days]

    @property
    def mood_points(self) -> list[tuple[int, int]]:
        """(day index, value) for every check-in, for drawing dots."""
        return [(i, v) for i, d in enumerate(self.days) for v in d.moods]

    @property
    def max_activities(self) -> int:
        return max(self.activity_series, default=0)

    @property
    def empty(self) -> bool:
        return not any(d.moods or d.activities for d in self.days)


def _mood_entry(e: Any) -> tuple[str, int]:
    if isinstance(e, Mapping):
        return check_date(e.get("date")), int(e.get("value"))
    return check_date(getattr(e, "date")), int(getattr(e, "value"))


def chart_data(mood_history: Iterable[Any], plans: Iterable[WeekPlan] | WeekPlan,
               start: str | None = None, end: str | None = None, max_days: int = 28) -> ChartData:
    """Per-day mood and activities-done series for the mood-and-activity chart.

    ``mood_history``: {date, value, moment} dicts, MoodCheckin objects or a MoodHistory.
    ``plans``: week plans with their follow-ups (an activity counts on its planned day).
    Without ``start``/``end`` the chart spans all the data, keeping the last ``max_days`` days.
    """
    if isinstance(plans, WeekPlan):
        plans = [plans]
    moods: dict[str, list[int]] = {}
    for e in mood_history:
        d, v = _mood_entry(e)
        moods.setdefault(d, []).append(v)
    acts: dict[str, list[PlannedItem]] = {}
    for p in plans:
        for it in p.items:
            if it.status in ("done", "partly"):
                acts.setdefault(p.day_date(it.day_offset), []).append(it)
    known = sorted(set(moods) | set(acts))
    if start is None and end is None and not known:
        return ChartData(())
    first = date.fromisoformat(check_date(start) if start else (known[0] if known else end))
    last = date.fromisoformat(check_date(end) if end else (known[-1] if known else start))
    if last < first:
        raise ValueError("end is before start")
    if start is None and (last - first).days + 1 > max_days:
        first = last - timedelta(days=max_days - 1)
    days = []
    cur = first
    while cur <= last:
        key = cur.isoformat()
        vals = tuple(moods.get(key, ()))
        items = acts.get(key, [])
        days.append(ChartDay(
            date=key, moods=vals, mood=round(sum(vals) / len(vals), 2) if vals else None,
            done=sum(1 for i in items if i.status == "done"),
            partly=sum(1 for i in items if i.status == "partly"),
            activity_ids=tuple(i.activity_id for i in items)))
        cur += timedelta(days=1)
    return ChartData(tuple(days))


__all__ = [
    "Activity", "CategoryInfo", "Catalogue", "WeekPlan", "PlannedItem", "PlanBook", "PlanError",
    "Gap", "FollowUpFeedback", "PlanSummary", "ChartDay", "ChartData",
    "prediction_gap", "gap_kind", "followup_feedback", "chart_data",
    "activity_planned_payload", "activity_followed_up_payload",
    "CATEGORIES", "SIZES", "PICTURES", "STATUSES", "DAYS", "MAX_PER_DAY", "MIN_ITEMS", "MAX_ITEMS",
    "GAP_THRESHOLD", "DEFAULT_CATEGORY_INFO",
]
