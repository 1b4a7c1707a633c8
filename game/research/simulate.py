"""A simulated cohort: scripted players through the game's real bus, log, profiles and export.

``simulate(out_dir, players=N, seed=S, public_key=...)`` plays N players with varied behaviour —
consent yes / no / a mistyped code first / withdrawal later, drop-out after level k, mood
trajectories (some low, triggering the supportive message), right and wrong trap answers with
improving skill, belief before/after, planned vs actual enjoyment, a deleted profile — through
``game.bus.Bus`` + ``game.store.eventlog.EventLog`` + ``game.store.profiles.ProfileStore`` on a
``FakeClock``, then writes one export bundle per simulated school with ``game.research.export``.

The same seed gives byte-identical bundles: the clock is fake, random choices come from one
``random.Random(seed)``, uuid4 is drawn from it during the run, and the sealed box's ephemeral key
is derived from the seed (only ever for simulated data).
"""
from __future__ import annotations

import contextlib
import random
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

from game.research.schema import TRAPS

LEVELS = tuple(f"level{i}" for i in range(1, 8))
FEELINGS = ("sad", "worried", "angry", "embarrassed", "lonely", "stressed")
ACTIVITIES = (("walk_dog", "physical"), ("call_friend", "social"), ("draw", "pleasure"), ("homework_plan", "mastery"),
              ("help_parent", "values"), ("football", "physical"), ("music", "pleasure"), ("bake", "mastery"))


@contextlib.contextmanager
def seeded_uuid4(rng: random.Random) -> Iterator[None]:
    """Make uuid.uuid4 draw from ``rng`` for the duration (simulations only)."""
    real = uuid.uuid4
    uuid.uuid4 = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)  # type: ignore[assignment]
    try:
        yield
    finally:
        uuid.uuid4 = real  # type: ignore[assignment]


def _mood_rule(value: int, previous: int | None) -> str | None:
    try:
        from game.mechanics.mood import low_mood_rule

        return low_mood_rule(value, previous)
    except ImportError:
        if value <= 2:
            return "very_low"
        if previous is not None and previous <= 4 and value <= 4:
            return "two_low_in_a_row"
        return None


def _mood_payload(value: int, moment: str) -> dict[str, Any]:
    try:
        from game.mechanics.mood import mood_checkin_payload

        return mood_checkin_payload(value, moment)
    except ImportError:
        return {"value": value, "moment": moment}


@dataclass
class Persona:
    consent: str               # yes | no | typo_then_yes | withdraw
    dropout_after: int         # levels played before stopping (7 = all)
    mood_base: float
    mood_slope: float
    skill: float               # chance of a right trap answer at level 1
    nickname: str
    delete_at_end: bool = False
    withdraw_after: int = 3


@dataclass
class SimResult:
    bundles: list[Path]
    players: int
    codes: dict[str, str] = field(default_factory=dict)     # profile_id -> participant code
    personas: dict[str, Persona] = field(default_factory=dict)


class _Player:
    def __init__(self, rng: random.Random, bus: Any, log: Any, clock: Any, store: Any, profile: Any,
                 persona: Persona, code: str, study: str) -> None:
        self.rng, self.bus, self.log, self.clock, self.store = rng, bus, log, clock, store
        self.profile, self.p, self.code, self.study = profile, persona, code, study
        self.prev_mood: int | None = None
        self.plans: list[dict[str, Any]] = []
        self.challenge: str | None = None

    def wait(self, lo: float, hi: float) -> None:
        self.clock.advance(self.rng.uniform(lo, hi))

    def pub(self, event_type: str, level_id: str | None = None, **payload: Any) -> None:
        self.bus.publish(event_type, level_id=level_id, **payload)
        self.wait(2, 25)

    def mood(self, week: int, moment: str, level: str | None) -> None:
        v = round(self.p.mood_base + self.p.mood_slope * week + self.rng.gauss(0, 1.2))
        v = max(0, min(10, int(v)))
        self.pub("mood_checkin", level, **_mood_payload(v, moment))
        rule = _mood_rule(v, self.prev_mood)
        self.prev_mood = v
        if rule:
            self.pub("low_mood_message_shown", level, value=v, rule=rule)
            if self.rng.random() < 0.5:
                self.pub("help_opened", level, screen="mood_checkin", via="low_mood")

    def consent(self) -> None:
        from game.research.codes import validate_code

        research = self.profile.data.setdefault("research", {"decision": None, "participant_code": None})
        kind = self.p.consent
        if kind == "no":
            research.update(decision="no", participant_code=None)
            self.pub("consent_decided", decision="no")
            return
        if kind == "typo_then_yes":
            typed = self.code[:-1] + ("Z" if self.code[-1] != "Z" else "Y")
            ok, _, _ = validate_code(typed, self.study)
            assert not ok  # the check character catches it; the player types it again
            self.wait(5, 20)
        ok, code, _ = validate_code(self.code.lower().replace("-", " "), self.study)
        assert ok
        research.update(decision="yes", participant_code=code)
        self.log.set_participant(code)
        self.pub("consent_decided", decision="yes")

    def withdraw(self) -> None:
        self.pub("consent_decided", decision="withdrawn")
        self.log.set_participant(None)
        self.profile.data["research"].update(decision="withdrawn")

    def play_level(self, week: int, level: str, quits: bool) -> None:
        rng, pub = self.rng, self.pub
        self.log.start_session(self.profile.id, self.profile.participant_code)
        t0 = self.clock.monotonic()
        pub("session_started", recovered_events=0, language="en", portable=False)
        if week == 0:
            self.consent()
        elif self.p.consent == "withdraw" and week == self.p.withdraw_after:
            self.withdraw()
        self.mood(week, "session_start", None)
        for plan in self.plans:
            status = rng.choices(("done", "partly", "not_yet"), (5, 2, 3))[0]
            actual = None if status == "not_yet" else max(0, min(10, plan["predicted_enjoyment"] + rng.randint(-1, 4)))
            pub("activity_followed_up", None, activity_id=plan["activity_id"], category=plan["category"],
                status=status, predicted_enjoyment=plan["predicted_enjoyment"], actual_enjoyment=actual)
        self.plans = []
        if self.challenge:
            pub("challenge_followed_up", None, challenge_id=self.challenge,
                status=rng.choices(("done", "partly", "not_yet"), (4, 3, 3))[0])
            self.challenge = None
        state = self.profile.level_state(level)
        replay = bool(state.get("completed"))
        lt0 = self.clock.monotonic()
        pub("level_started", level, resumed=False, checkpoint=None, replay=replay)
        for d in range(rng.randint(2, 4)):
            pub("npc_interacted", level, dialogue_id=f"{level}_npc{d + 1}", pages=rng.randint(1, 6))
        skill = min(0.95, self.p.skill + 0.06 * week)
        for t in range(rng.randint(4, 6)):
            right = rng.choice(TRAPS)
            for attempt in (1, 2, 3):
                correct = rng.random() < skill or attempt == 3
                chosen = right if correct else rng.choice([x for x in TRAPS if x != right])
                pub("trap_answered", level, thought_id=f"{level}_t{t + 1}", trap_chosen=chosen, correct=correct,
                    attempt=attempt, reaction_ms=rng.randint(1500, 20000))
                if correct:
                    break
        pub("checkpoint_reached", level, checkpoint="cp1")
        if quits:
            pub("level_quit", level, checkpoint="cp1", duration_ms=int((self.clock.monotonic() - lt0) * 1000))
        else:
            bb = rng.randint(55, 95)
            fb = rng.randint(50, 95)
            gain = skill
            pub("thought_record_completed", level, thought_id=f"{level}_record", feeling=rng.choice(FEELINGS),
                feeling_before=fb, feeling_after=max(0, fb - int(rng.randint(5, 40) * gain)),
                belief_before=bb, belief_after=max(0, bb - int(rng.randint(0, 50) * gain)),
                trap_chosen=rng.choice(TRAPS), evidence_ids=[f"e{i}" for i in rng.sample(range(1, 7), 3)],
                evidence_correct=rng.randint(1, 3), balanced_option_id=f"{level}_b{rng.randint(1, 3)}",
                balanced_quality=rng.choices(("balanced", "still_negative", "over_positive"), (6, 2, 2))[0],
                wrote_own=False)
            for a in rng.sample(ACTIVITIES, rng.randint(2, 3)):
                plan = {"activity_id": a[0], "category": a[1], "predicted_enjoyment": rng.randint(2, 8)}
                pub("activity_planned", level, day_offset=rng.randint(1, 6), **plan)
                self.plans.append(plan)
            self.challenge = f"{level}_challenge"
            pub("challenge_set", level, challenge_id=self.challenge, committed=rng.random() < 0.8)
            self.mood(week, "level_end", level)
            pub("level_completed", level, duration_ms=int((self.clock.monotonic() - lt0) * 1000))
            state["completed"] = True
            state["times_completed"] = state.get("times_completed", 0) + 1
        self.mood(week, "session_end", None)
        self.bus.publish("session_ended", duration_ms=int((self.clock.monotonic() - t0) * 1000), reason="quit")
        self.log.end_session()
        self.profile.data["sessions"] = int(self.profile.data.get("sessions") or 0) + 1
        self.store.save(self.profile, wait=True)


def _persona(rng: random.Random, n: int, nickname_prefix: str) -> Persona:
    consent = rng.choices(("yes", "no", "typo_then_yes", "withdraw"), (70, 12, 12, 6))[0]
    dropout = rng.choices((1, 2, 3, 4, 5, 6, 7), (6, 6, 8, 8, 8, 10, 54))[0]
    low = rng.random() < 0.2
    return Persona(consent=consent, dropout_after=dropout,
                   mood_base=rng.uniform(1.5, 4.0) if low else rng.uniform(4.5, 8.0),
                   mood_slope=rng.uniform(-0.1, 0.35), skill=rng.uniform(0.3, 0.75),
                   nickname=f"{nickname_prefix}{n}", withdraw_after=rng.randint(1, 3))


def simulate(out_dir: str | Path, players: int, seed: int, public_key: bytes, study: str = "SIM",
             per_school: int = 25, nickname_prefix: str = "Player ", keep_data: str | Path | None = None,
             start: datetime | None = None) -> SimResult:
    """Play ``players`` scripted players and write one bundle per simulated school into ``out_dir``."""
    from game.bus import Bus
    from game.clock import FakeClock
    from game.deployment import Deployment, key_id_for
    from game.research.codes import make_codes
    from game.research.export import delete_profile_data, export
    from game.store.eventlog import EventLog, Identity, load_installation_id
    from game.store.profiles import ProfileStore
    from game.store.writer import BackgroundWriter
    from game.version import APP_VERSION

    if players < 1:
        raise ValueError("--players must be at least 1")
    rng = random.Random(seed)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = None
    root = Path(keep_data) if keep_data else Path(tmp := tempfile.mkdtemp(prefix="glimmer-sim-"))
    dep = Deployment(research_enabled=True, study_id=study,
                     public_key=__import__("base64").b64encode(public_key).decode(), key_id=key_id_for(public_key))
    result = SimResult([], players)
    codes = make_codes(study, players, rng)
    start = start or datetime(2026, 9, 7, 7, 0, tzinfo=timezone.utc)
    try:
        with seeded_uuid4(rng):
            n = 0
            school = 0
            while n < players:
                data = root / f"school-{school + 1:02d}"
                if data.exists():
                    shutil.rmtree(data)
                data.mkdir(parents=True)
                inst = load_installation_id(data / "installation.json")
                clock = FakeClock(start=start + timedelta(minutes=37 * school), tz_offset_min=120)
                writer = BackgroundWriter("glimmer-sim")
                log = EventLog(data / "logs", Identity(inst, APP_VERSION, "simulated"), clock=clock, writer=writer)
                store = ProfileStore(data / "profiles", clock=clock)
                bus = Bus(strict=True)
                bus.subscribe(log.handle)
                class_players = []
                for _ in range(min(per_school, players - n)):
                    persona = _persona(rng, n + 1, nickname_prefix)
                    profile = store.create(persona.nickname)
                    class_players.append(_Player(rng, bus, log, clock, store, profile, persona, codes[n], study))
                    result.personas[profile.id] = persona
                    if persona.consent != "no":
                        result.codes[profile.id] = codes[n]
                    n += 1
                if len(class_players) >= 4:
                    rng.choice(class_players).p.delete_at_end = True
                # one level a week, the whole class in the same lesson, players one after another
                for week in range(len(LEVELS)):
                    lesson = start + timedelta(days=7 * week, minutes=37 * school)
                    if clock.now_utc() < lesson:
                        clock.advance((lesson - clock.now_utc()).total_seconds())
                    for pl in class_players:
                        if week >= pl.p.dropout_after:
                            continue
                        pl.wait(30, 600)
                        quits = week == pl.p.dropout_after - 1 and pl.p.dropout_after < len(LEVELS) and rng.random() < 0.5
                        pl.play_level(week, LEVELS[week], quits)
                log.close()
                writer.close()
                for pl in class_players:
                    if pl.p.delete_at_end:
                        delete_profile_data(data, pl.profile.id, clock)
                clock.advance(3600)
                res = export(data, dep, out_dir, clock=clock, seal_seed=f"glimmer-sim:{seed}:{school}".encode(),
                             public_key=public_key, require_enabled=False)
                result.bundles.append(res.path)
                school += 1
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return result
