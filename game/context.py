"""GameContext: the services scenes use. Scenes never touch files; they ask the context, which
owns the stores, the event log and the bus."""
from __future__ import annotations

import logging
import random
from typing import Any, Callable

from game.bus import Bus, GameEvent
from game.clock import Clock, rfc3339_ms
from game.content.level import Level
from game.i18n import N_, _, tr
from game.paths import DataDirs
from game.store.atomic import REPORT, StorageReport
from game.store.eventlog import EventLog, Identity, load_installation_id
from game.store.profiles import Profile, ProfileStore
from game.store.writer import BackgroundWriter
from game.version import APP_VERSION, build_id

log = logging.getLogger(__name__)

NOTICE_TEXT = {  # English here, translated when the notice is raised
    "recovered": N_("Some of your recent progress could not be read, so we went back to your last good save."),
    "set_aside": N_("A damaged save file was put aside (not deleted) and your last good save was loaded."),
    "write_failures": N_("Glimmer can't save right now (the disk may be full or read-only). You can keep "
                         "playing; tell your teacher or counsellor so your progress isn't lost."),
}


class GameContext:
    def __init__(self, data: DataDirs, deployment: Any, levels: list[Level], clock: Clock | None = None,
                 strict_events: bool = False, report: StorageReport = REPORT, portable: bool = False,
                 language: str = "en", seed: int | None = None) -> None:
        self.data = data
        self.deployment = deployment
        self.levels = levels
        self.clock = clock or Clock()
        self.report = report
        self.portable = portable
        self.language = language
        self.bus = Bus(strict=strict_events)
        self.rng = random.Random(seed)  # injected randomness: a seed makes a run repeatable
        self.persistence_risks: list[str] = []  # why the data folder may not survive (game.persistence)
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

    # ---------------------------------------------------------------- consent (issue 6)
    def needs_consent(self) -> bool:
        """Research is on and the active profile has not answered the research question yet."""
        return self.research_on() and self.profile is not None and self.profile.research.get("decision") is None

    def consent(self, typed_code: str) -> tuple[bool, str]:
        """The player said yes and typed a code. Returns (accepted, message for the player)."""
        from game.research.codes import validate_code

        if self.profile is None or not self.research_on():
            return False, _("Research is not switched on here.")
        ok, code, message = validate_code(typed_code, getattr(self.deployment, "study_id", None))
        if not ok:
            return False, message
        self.profile.research.update(decision="yes", participant_code=code, decided_utc=self.now_iso())
        self.log.set_participant(code)
        self.bus.publish("consent_decided", level_id=None, decision="yes")
        self.checkpoint()
        return True, message

    def decline(self) -> None:
        """The player said no: the game stays fully playable; only the decision is written."""
        if self.profile is None:
            return
        self.profile.research.update(decision="no", participant_code=None, decided_utc=self.now_iso())
        self.log.set_participant(None)
        self.bus.publish("consent_decided", level_id=None, decision="no")
        self.checkpoint()

    def withdraw(self) -> None:
        """Stop taking part. Nothing more is logged; the code stays in the save so the next export
        tells the research team to remove this participant (their events are never exported again)."""
        if self.profile is None or self.profile.research.get("decision") != "yes":
            return
        self.bus.publish("consent_decided", level_id=None, decision="withdrawn")
        self.log.set_participant(None)
        self.profile.research.update(decision="withdrawn", withdrawn_utc=self.now_iso())
        self.checkpoint()

    # ---------------------------------------------------------------- facilitator (issue 6)
    def class_progress(self) -> list:
        from game.research.export import class_progress

        self.writer.drain()
        return class_progress(self.data.root)

    def export_research(self, out_dir: Any = None) -> Any:
        """Write one export bundle (raises ExportError with a plain message)."""
        from pathlib import Path

        from game.research.export import export

        self.checkpoint(wait=True)
        return export(self.data.root, self.deployment, Path(out_dir) if out_dir else self.data.exports,
                      clock=self.clock)

    PIN_FREE_TRIES = 3

    def pin_wait_s(self) -> int:
        """Seconds until the next PIN try is allowed (0 = now)."""
        from game.store.atomic import read_json_recovering

        state = read_json_recovering(self.data.root / "facilitator.json", default=None)
        until = state.get("locked_until") if isinstance(state, dict) else None
        left = (until - self.clock.now_utc().timestamp()) if isinstance(until, (int, float)) else 0
        return max(0, int(left + 0.999))

    def check_facilitator_pin(self, pin: str) -> tuple[bool, str]:
        """Check the facilitator PIN, with a growing wait after repeated wrong tries (kept in the
        data folder, so restarting the game does not reset it)."""
        from game.store.atomic import atomic_write_json, read_json_recovering

        path = self.data.root / "facilitator.json"
        wait = self.pin_wait_s()
        if wait:
            return False, tr("Too many tries. Please wait {seconds} seconds, then try again.", seconds=wait)
        dep = self.deployment
        checker = getattr(dep, "check_pin", None)
        ok = bool(checker(pin)) if checker else not getattr(dep, "facilitator_pin_hash", None)
        state = read_json_recovering(path, default=None)
        fails = int(state.get("failures", 0)) if isinstance(state, dict) else 0
        if ok:
            if fails:
                try:
                    atomic_write_json(path, {"failures": 0})
                except OSError:
                    pass
            return True, ""
        fails += 1
        lock = 0 if fails < self.PIN_FREE_TRIES else min(300, 30 * 2 ** (fails - self.PIN_FREE_TRIES))
        try:
            atomic_write_json(path, {"failures": fails, "locked_until": self.clock.now_utc().timestamp() + lock})
        except OSError:
            pass
        if lock:
            return False, tr("That PIN isn't right. Too many tries: please wait {seconds} seconds.", seconds=lock)
        return False, _("That PIN isn't right. Please try again.")

    # ---------------------------------------------------------------- notices (told once each)
    def _on_storage(self, kind: str, name: str) -> None:
        if kind not in self._noticed:
            self._noticed.add(kind)
            self.notices.append(_(NOTICE_TEXT[kind]))

    def take_notices(self) -> list[str]:
        out, self.notices = self.notices, []
        return out

    # ---------------------------------------------------------------- language (issue 8)
    def set_language(self, lang: str | None) -> bool:
        """Switch the UI and content language: the catalog, then the levels and shared content in
        that language. Returns True when the language changed. (The app lays the screens out again.)"""
        from game import i18n

        new = i18n.set_language(lang)
        if new == self.language:
            return False
        self.language = new
        self.reload_levels()
        return True

    def reload_levels(self) -> None:
        """Load the levels again in the current language and forget cached shared content (thoughts,
        traps, activity cards), so it comes back in that language. A level that fails to load keeps
        its old copy (it loaded at start-up, so this only happens if a file changed meanwhile)."""
        from game.content import thoughts
        from game.content.level import load_all_levels

        thoughts._BANK = None
        try:
            from game.scenes import planner

            planner._catalogue.cache_clear()
        except (ImportError, AttributeError):
            pass
        levels, issues = load_all_levels()
        if issues:
            log.warning("reloading levels: %d problem(s); keeping the old copies of those", len(issues))
        fresh = {lv.id: lv for lv in levels}
        self.levels = [fresh.get(lv.id, lv) for lv in self.levels] if issues else levels

    def profile_language(self, profile: Profile) -> str | None:
        """The language this profile chose in the settings, if any."""
        from game.i18n import LANGUAGES

        settings = profile.data.get("settings")
        lang = settings.get("language") if isinstance(settings, dict) else None
        return lang if lang in LANGUAGES else None

    # ---------------------------------------------------------------- profiles and sessions
    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def activate_profile(self, profile: Profile) -> None:
        if self.profile is not None:
            self.end_session("quit")
        self.profile = profile
        lang = self.profile_language(profile)
        if lang:
            self.set_language(lang)   # the profile's own language (the session below logs it)
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
        """Delete a profile everywhere on this computer (save folder, logged sessions). A profile
        that had a participant code leaves a deletion notice (``profile_deleted``) for the next
        export, so the research team removes its data too (issue 6, privacy)."""
        from game.research.export import delete_profile_data

        if self.profile is not None and self.profile.id == profile_id:
            self.end_session("quit")
        self.writer.drain()  # no autosave may land after the folder is gone
        delete_profile_data(self.data.root, profile_id, self.clock)
        self.profiles.delete(profile_id)
        hook: Callable[[DataDirs, str], None] | None = getattr(self, "on_profile_deleted", None)
        if hook:
            hook(self.data, profile_id)

    # ---------------------------------------------------------------- toolkit card (issue 7, level 7)
    def save_toolkit_png(self, surface: Any) -> Any:
        """Write the player's toolkit card as a PNG in the data folder's ``toolkit/`` (atomically;
        one file per profile and day, replaced if saved again) on the background writer, so the
        PNG encoding and fsync never land on a frame. Returns a Future of the path; its result
        raises OSError when the disk refuses (the scene says so; play goes on)."""
        from game.mechanics.mood import local_date

        card = surface.copy()  # the writer encodes its own copy
        day = local_date(self.clock)
        who = (self.profile.id if self.profile is not None else "player")[:8]
        path = self.data.root / "toolkit" / f"my-toolkit-card-{day}-{who}.png"

        def write() -> Any:
            import io

            import pygame

            from game.store.atomic import atomic_write_bytes

            buf = io.BytesIO()
            pygame.image.save(card, buf, "card.png")
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, buf.getvalue(), keep_backup=False)
            return path

        return self.writer.submit(write)

    def now_iso(self) -> str:
        return rfc3339_ms(self.clock.now_utc())

    def shutdown(self, reason: str = "quit") -> None:
        try:
            self.end_session(reason)
        finally:
            self.writer.drain()
            self.writer.close()
