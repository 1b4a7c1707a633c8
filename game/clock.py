"""Time is injected: the real clock in play, a fake one in tests and simulations."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone


class Clock:
    """Wall clock (UTC, for timestamps) and a monotonic clock (for durations)."""

    def now_utc(self) -> datetime:
        return datetime.now(timezone.utc)

    def monotonic(self) -> float:
        return time.monotonic()

    def tz_offset_min(self) -> int:
        off = datetime.now().astimezone().utcoffset()
        return int(off.total_seconds() // 60) if off else 0

    def local_today(self):
        """Today's date where the player is (for calendars and pacing)."""
        return (self.now_utc() + timedelta(minutes=self.tz_offset_min())).date()


class FakeClock(Clock):
    def __init__(self, start: datetime | None = None, tz_offset_min: int = 60) -> None:
        self._now = start or datetime(2026, 9, 1, 9, 0, tzinfo=timezone.utc)
        self._mono = 1000.0
        self._tz = tz_offset_min

    def now_utc(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def tz_offset_min(self) -> int:
        return self._tz

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)
        self._mono += seconds


def rfc3339_ms(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
