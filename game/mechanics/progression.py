"""Which levels a player may open: in order, replays always, and the counsellor's pacing.

Pure: the caller passes each level's saved state, the pacing (None = free, or N days between
levels) and today's local date (from the injected clock). A level paced by N days opens at the
start of the local day N days after the previous level was FIRST completed (replays don't move it).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Mapping, Sequence

from game.i18n import N_, _, tr

DONE, IN_PROGRESS, OPEN, WAITING, LOCKED = "done", "in_progress", "open", "waiting", "locked"


@dataclass(frozen=True)
class LevelAccess:
    level_id: str
    status: str                 # done | in_progress | open | waiting | locked
    opens_on: date | None = None  # for "waiting": the local date it opens

    @property
    def playable(self) -> bool:
        return self.status in (DONE, IN_PROGRESS, OPEN)


def local_date(iso_utc: str | None, tz_offset_min: int = 0) -> date | None:
    """The local calendar date of an RFC 3339 timestamp (None if missing or unreadable)."""
    if not iso_utc:
        return None
    try:
        dt = datetime.fromisoformat(str(iso_utc).replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is not None:
        # the player's time zone: "opens on Tuesday" means their Tuesday
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None) + timedelta(minutes=tz_offset_min)
    return dt.date()


def level_access(level_ids: Sequence[str], states: Mapping[str, Mapping[str, Any]], pacing_days: int | None,
                 today: date, tz_offset_min: int = 0) -> list[LevelAccess]:
    out: list[LevelAccess] = []
    for i, lid in enumerate(level_ids):
        st = states.get(lid) or {}
        if st.get("completed"):
            out.append(LevelAccess(lid, DONE))
            continue
        if st.get("checkpoint") and (i == 0 or out[i - 1].status == DONE):
            out.append(LevelAccess(lid, IN_PROGRESS))
            continue
        if i == 0:
            out.append(LevelAccess(lid, OPEN))
            continue
        prev = out[i - 1]
        if prev.status != DONE:
            out.append(LevelAccess(lid, LOCKED))
            continue
        if pacing_days:
            pst = states.get(level_ids[i - 1]) or {}
            finished = local_date(pst.get("first_completed_utc") or pst.get("completed_utc"), tz_offset_min)
            if finished is not None:
                opens = finished + timedelta(days=int(pacing_days))
                if today < opens:
                    out.append(LevelAccess(lid, WAITING, opens))
                    continue
        out.append(LevelAccess(lid, OPEN))
    return out


DAY_NAMES = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
             N_("Sunday"))
MONTH_NAMES = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
               N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))


def opens_text(d: date, today: date) -> str:
    """A friendly date in the current language: "tomorrow", "on Tuesday", or "on Tuesday 3 December"."""
    days = (d - today).days
    if days <= 1:
        return _("tomorrow")
    day = _(DAY_NAMES[d.weekday()])
    if days < 7:
        return tr("on {day}", day=day)
    return tr("on {day} {date} {month}", day=day, date=d.day, month=_(MONTH_NAMES[d.month - 1]))
