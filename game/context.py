"""GameContext: the services scenes use. Scenes never touch files; they ask the context, which
owns the stores, the event log and the bus."""
from __future__ import annotations

import logging
from typing import Any, Callable

from game.bus import Bus, GameEvent
from game.clock import Clock, rfc3339_ms
from game.content.level import Level
from game.paths import DataDirs
from game.store.atomic import REPORT, StorageReport
from game.store.eventlog import EventLog, Identity, load_installation_id
from game.store.profiles import Profile, ProfileStore
from game.store.writer import BackgroundWriter
from game.version import APP_VERSION, build_id

log = logging.getLogger(__name__)

NOTICE_TEXT = {
    "recovered": "Some of your recent progress could not be read, so we went back to your last good save.",
    "set_aside": "A damaged save file was put aside (not deleted) and your last good save was loaded.",
    "write_failures": "Glimmer can't save right now (the disk may be full or read-only). You can keep "
                      "playing; tell your teacher or counsellor so your progress isn't lost.",
}


class GameContext:
    def __init__(self, data: DataDirs, deployment: Any, levels: list[Level], clock: Clock | None = None,
                 strict_events: bool = False, report: StorageReport = REPORT, portable: bool = False,
                 language: str = "en") -> None:
        self.data = data
        self.deployment = deployment
        self.levels = levels
        self.clock = clock or Clock()
        self.report = report
        self.portable = portable
        self.language = language
        self.bus = Bus(strict=strict_events)
        self.writer = BackgroundWriter()
        self.profiles = ProfileStore(data.profiles, self.clock, self.writer, report)
        self.installation_id = load_installation_id(data.installation_file)
        self.log = EventLog(data.logs, Identity(self.installation_id, APP_VERSION, build_id()),
                            self.clock, self.writer, report=report)
        self.log.gate = self._may_record
        self.recovered_events = self.log.recover()
        self.bus.subscribe(self.log.handle)
        self.profile: Profile | None = None
        self.session_started_at: float | None = None
        self.notices: list[str] = []
        self._noticed: set[str] = set()
        report.listeners.append(self._on_storage)

    # ---------------------------------------------------------------- research gate
    def research_on(self) -> bool:
        return bool(getattr(self.deployment, "research_enabled", False))

    def _may_record(self, event: GameEvent) -> bool:
        if not self.research_on() or self.profile is None:
            return False
        if event.type == "consent_decided":
            return True
        return self.profile.participant_code is not None

    # ---------------------------------------------------------------- notices (told once each)
    def _on_storage(self, kind: str, name: str) -> None:
        if kind not in self._noticed:
            self._noticed.add(kind)
            self.notices.append(NOTICE_TEXT[kind])

    def take_notices(self) -> list[str]:
        out, self.notices = self.notices, []
        return out

    # ---------------------------------------------------------------- profiles and sessions
    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def activate_profile(self, profile: Profile) -> None:
        if self.profile is not None:
            self.end_session("quit")
        self.profile = profile
        profile.data["sessions"] = int(profile.data.get("sessions", 0)) + 1
        self.log.start_session(profile.id, profile.participant_code)
        self.session_started_at = self.clock.monotonic()
        self.bus.publish("session_started", level_id=None, recovered_events=self.recovered_events,
                         language=self.language, portable=self.portable)
        self.recovered_events = 0
        self.checkpoint()

    def end_session(self, reason: str) -> None:
        if self.profile is None:
            return
        dur = int((self.clock.monotonic() - (self.session_started_at or self.clock.monotonic())) * 1000)
        self.bus.level_id = None
        self.bus.publish("session_ended", duration_ms=max(0, dur), reason=reason)
        self.profiles.save(self.profile, wait=True)
        self.log.end_session()
        self.profile = None

    def checkpoint(self, wait: bool = False) -> None:
        """Level start/end, pause, quit, mood rating: write the log and autosave (off the frame)."""
        self.log.checkpoint(wait=wait)
        if self.profile is not None:
            self.profiles.save(self.profile, wait=wait)

    def delete_profile(self, profile_id: str) -> None:
        from game.store.eventlog import delete_profile_sessions

        if self.profile is not None and self.profile.id == profile_id:
            self.end_session("quit")
        self.profiles.delete(profile_id)
        delete_profile_sessions(self.data.logs, profile_id)
        self.bus.publish("profile_deleted")
        hook: Callable[[DataDirs, str], None] | None = getattr(self, "on_profile_deleted", None)
        if hook:
            hook(self.data, profile_id)

    def now_iso(self) -> str:
        return rfc3339_ms(self.clock.now_utc())

    def shutdown(self, reason: str = "quit") -> None:
        try:
            self.end_session(reason)
        finally:
            self.writer.drain()
            self.writer.close()
