"""Real-world challenges: set at the end of a level, asked about at the start of the next one.

Pure rules: no pygame, no clock reads (the caller passes the local date as 'YYYY-MM-DD').

Flow: the level ends -> the UI shows the level's :class:`Challenge` and the player chooses to try it
or not -> :meth:`ChallengeLog.set` (log ``challenge_set``). If they committed, it stays pending in
the profile; at the start of the next level :meth:`ChallengeLog.due_follow_up` returns it and
:meth:`ChallengeLog.follow_up` records done / partly / not yet (log ``challenge_followed_up``) and
returns a kind response.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from game.i18n import N_, _
from game.mechanics.mood import check_date
from game.research.schema import STATUS3

STATUSES: tuple[str, ...] = STATUS3   # done, partly, not_yet

RESPONSES: dict[str, str] = {
    "done": N_("You did it! Trying a skill in real life is how it grows."),
    "partly": N_("You made a start, and that counts. Small steps still move you forward."),
    "not_yet": N_("That's OK, life gets busy and plans change. You can try it whenever you're ready."),
}
COMMIT_RESPONSES: dict[bool, str] = {
    True: N_("Great! I'll ask how it went next time."),
    False: N_("That's fine. If a good moment comes up, you can still give it a go."),
}


@dataclass(frozen=True)
class Challenge:
    """A real-world challenge from a level's content file."""
    id: str
    text: str
    level_id: str

    def __post_init__(self) -> None:
        for name in ("id", "text", "level_id"):
            v = getattr(self, name)
            if not isinstance(v, str) or not v.strip():
                raise ValueError(f"challenge {name} must be a non-empty string")


@dataclass
class ChallengeRecord:
    """One challenge as given to this player, and how it went."""
    challenge_id: str
    text: str                       # kept so the follow-up can show it even if content changed
    level_id: str
    set_on: str                     # local date 'YYYY-MM-DD'
    committed: bool
    status: str | None = None       # None until followed up
    followed_up_on: str | None = None

    @property
    def pending(self) -> bool:
        return self.committed and self.status is None

    def to_dict(self) -> dict[str, Any]:
        return {"challenge_id": self.challenge_id, "text": self.text, "level_id": self.level_id,
                "set_on": self.set_on, "committed": self.committed, "status": self.status,
                "followed_up_on": self.followed_up_on}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "ChallengeRecord":
        if not isinstance(d, Mapping):
            raise ValueError("a challenge record must be an object")
        for name in ("challenge_id", "text", "level_id"):
            if not isinstance(d.get(name), str) or not d.get(name):
                raise ValueError(f"{name} must be a non-empty string, got {d.get(name)!r}")
        committed = d.get("committed")
        if not isinstance(committed, bool):
            raise ValueError(f"committed must be true or false, got {committed!r}")
        status = d.get("status")
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        followed = d.get("followed_up_on")
        if followed is not None:
            check_date(followed, "followed_up_on")
        return cls(d["challenge_id"], d["text"], d["level_id"], check_date(d.get("set_on"), "set_on"),
                   committed, status, followed)


@dataclass(frozen=True)
class ChallengeResponse:
    status: str
    message: str


@dataclass
class ChallengeLog:
    """Every challenge given to the player, oldest first. Saved in the profile."""
    records: list[ChallengeRecord] = field(default_factory=list)

    VERSION = 1

    def set(self, challenge: Challenge, committed: bool, date: str) -> ChallengeRecord:
        """Record the end-of-level challenge and whether the player said they would try it.

        A newer challenge replaces any older one still pending (the older one is never asked about).
        """
        if not isinstance(committed, bool):
            raise ValueError("committed must be True or False")
        rec = ChallengeRecord(challenge.id, challenge.text, challenge.level_id, check_date(date), committed)
        self.records.append(rec)
        return rec

    @property
    def last(self) -> ChallengeRecord | None:
        return self.records[-1] if self.records else None

    def due_follow_up(self) -> ChallengeRecord | None:
        """The challenge to ask about at the start of a level, or None."""
        rec = self.last
        return rec if rec is not None and rec.pending else None

    def follow_up(self, status: str, date: str) -> ChallengeResponse:
        """Record how the pending challenge went; returns the kind response to show."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {list(STATUSES)}, got {status!r}")
        rec = self.due_follow_up()
        if rec is None:
            raise ValueError("there is no challenge waiting for a follow-up")
        rec.status = status
        rec.followed_up_on = check_date(date)
        return ChallengeResponse(status, _(RESPONSES[status]))

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.VERSION, "records": [r.to_dict() for r in self.records]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "ChallengeLog":
        if not isinstance(d, Mapping) or not isinstance(d.get("records"), list):
            raise ValueError("a challenge log must be an object with a 'records' list")
        return cls([ChallengeRecord.from_dict(r) for r in d["records"]])


def response_for(status: str) -> str:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {list(STATUSES)}, got {status!r}")
    return _(RESPONSES[status])


def commit_response(committed: bool) -> str:
    return _(COMMIT_RESPONSES[bool(committed)])


# --- research payloads -----------------------------------------------------------------------------

def challenge_set_payload(record: ChallengeRecord | Challenge, committed: bool | None = None) -> dict[str, Any]:
    if isinstance(record, ChallengeRecord):
        committed = record.committed if committed is None else committed
        cid = record.challenge_id
    else:
        cid = record.id
    if not isinstance(committed, bool):
        raise ValueError("committed must be True or False")
    return {"challenge_id": cid, "committed": committed}


def challenge_followed_up_payload(record: ChallengeRecord) -> dict[str, Any]:
    if record.status is None:
        raise ValueError("this challenge has not been followed up yet")
    return {"challenge_id": record.challenge_id, "status": record.status}

