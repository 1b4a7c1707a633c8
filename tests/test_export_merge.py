"""Export bundles and the researcher tools: consent paths, merge, reports, tables, codebook, xAPI."""
import base64
import csv
import hashlib
import json
import random
import shutil
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from nacl.public import PrivateKey, SealedBox

from game.bus import Bus
from game.clock import FakeClock
from game.deployment import Deployment, key_id_for
from game.research import codebook as cb
from game.research.cli import main as cli
from game.research.codes import make_codes, validate_code
from game.research.export import (
    ExportContent, ExportError, build_bundle, class_progress, delete_profile_data, export, open_bundle, seal,
)
from game.research.merge import merge
from game.research.schema import SCHEMA_VERSION, validate_event
from game.research.simulate import simulate
from game.research.xapi import check_statement
from game.store.eventlog import EventLog, Identity, load_installation_id, read_all_events
from game.store.profiles import ProfileStore
from game.store.writer import BackgroundWriter

NOW = datetime(2027, 6, 1, tzinfo=timezone.utc)
SK = PrivateKey(hashlib.sha256(b"test-study-key").digest())
PK = bytes(SK.public_key)
CODES = make_codes("GLM24", 10, random.Random(5))


def _dep(**kw):
    return Deployment(research_enabled=True, study_id="GLM24", public_key=base64.b64encode(PK).decode(),
                      key_id=key_id_for(PK), **kw)


class School:
    """A data folder with real profiles, bus and event log on a fake clock."""

    def __init__(self, root: Path):
        self.root = root
        self.clock = FakeClock(start=datetime(2026, 9, 7, 8, 0, tzinfo=timezone.utc))
        self.writer = BackgroundWriter("test-log")
        root.mkdir(parents=True, exist_ok=True)
        self.installation_id = load_installation_id(root / "installation.json")
        self.log = EventLog(root / "logs", Identity(self.installation_id, "0.1.0", "test"), clock=self.clock,
                            writer=self.writer)
        self.store = ProfileStore(root / "profiles", clock=self.clock)
        self.bus = Bus()
        self.bus.subscribe(self.log.handle)

    def player(self, nickname):
        return self.store.create(nickname)

    def session(self, profile, consent=None, code=None, n_traps=3, level="level1"):
        """One session; ``consent`` in (None, 'yes', 'no', 'withdraw', 'badcode')."""
        self.log.start_session(profile.id, profile.participant_code)
        pub = self.bus.publish
        pub("session_started", recovered_events=0, language="en", portable=False)
        r = profile.research
        if consent == "no":
            r.update(decision="no", participant_code=None)
            pub("consent_decided", decision="no")
        elif consent in ("yes", "badcode"):
            if consent == "badcode":
                ok, _, _ = validate_code(code[:-1] + ("A" if code[-1] != "A" else "B"), "GLM24")
                assert not ok  # rejected: nothing changes
            ok, norm, _ = validate_code(code, "GLM24")
            assert ok
            r.update(decision="yes", participant_code=norm)
            self.log.set_participant(norm)
            pub("consent_decided", decision="yes")
        elif consent == "withdraw":
            pub("consent_decided", decision="withdrawn")
            self.log.set_participant(None)
            r.update(decision="withdrawn")
        self.clock.advance(5)
        pub("mood_checkin", value=6, moment="session_start")
        pub("level_started", level_id=level, resumed=False, checkpoint=None, replay=False)
        for i in range(n_traps):
            self.clock.advance(7)
            pub("trap_answered", level_id=level, thought_id=f"t{i}", trap_chosen="mind_reading", correct=i % 2 == 0,
                attempt=1, reaction_ms=3000)
        pub("level_completed", level_id=level, duration_ms=60000)
        profile.level_state(level)["completed"] = True
        pub("session_ended", duration_ms=70000, reason="quit")
        self.log.end_session()
        profile.data["sessions"] = profile.data.get("sessions", 0) + 1
        self.store.save(profile, wait=True)
        self.clock.advance(7 * 86400)

    def close(self):
        self.log.close()
        self.writer.close()


def _lines(bundle):
    ob = open_bundle(bundle, SK)
    return [json.loads(x) for x in ob.lines], ob


@pytest.fixture
def school(tmp_path):
    s = School(tmp_path / "school")
    yield s
    s.close()


# ---------------------------------------------------------------------------------- consent paths
def test_consent_paths_decline_bad_code_good_code_withdraw(school, tmp_path):
    decline, typo, good, later = (school.player(n) for n in ("Ann", "Bob", "Cat", "Dan"))
    school.session(decline, consent="no")
    school.session(typo, consent="badcode", code=CODES[0])
    school.session(good, consent="yes", code=CODES[1].lower().replace("-", " "))
    school.session(later, consent="yes", code=CODES[2])
    school.session(later, consent="withdraw")
    school.session(decline)  # declining never blocks play
    res = export(school.root, _dep(), tmp_path / "out", clock=school.clock)
    events, ob = _lines(res.path)
    codes = {e["participant_code"] for e in events}
    assert codes == {CODES[0], CODES[1]}
    assert all(e["profile_id"] in (typo.id, good.id) for e in events)
    # nothing before the yes: the consent session starts at the consent answer
    first = [e for e in events if e["profile_id"] == good.id][0]
    assert first["event_type"] == "consent_decided" and first["payload"] == {"decision": "yes"}
    assert ob.withdrawals == [{"participant_code": CODES[2], "profile_id": later.id, "decision": "withdrawn"}]
    assert res.manifest["counts"]["participants"] == 2
    # all events still exist locally: declining player's play is logged but never exported
    local = read_all_events(school.root / "logs")
    assert any(e["profile_id"] == decline.id for e in local)


def test_export_refuses_without_research_or_key(school, tmp_path):
    with pytest.raises(ExportError, match="switched off"):
        export(school.root, Deployment(), tmp_path / "o")
    with pytest.raises(ExportError, match="public key"):
        export(school.root, Deployment(research_enabled=True), tmp_path / "o")


def test_manifest_is_plain_and_contents_are_sealed(school, tmp_path):
    p = school.player("Eve")
    school.session(p, consent="yes", code=CODES[3])
    res = export(school.root, _dep(), tmp_path / "out", clock=school.clock)
    assert res.path.name.startswith("glimmer-export-") and res.path.suffix == ".glimmer"
    with zipfile.ZipFile(res.path) as z:
        assert sorted(z.namelist()) == ["manifest.json", "payload.enc"]
        m = json.loads(z.read("manifest.json"))
        payload = z.read("payload.enc")
    assert m["installation_id"] == school.installation_id and m["schema_version"] == SCHEMA_VERSION
    assert m["key_id"] == key_id_for(PK) and m["app_version"]
    assert m["files"]["payload.enc"] == hashlib.sha256(payload).hexdigest()
    (sid, s), = m["sessions"].items()
    assert s["first_seq"] == 1 and s["last_seq"] == s["events"] and m["counts"]["events"] == s["events"]
    assert CODES[3].encode() not in payload and b"mood_checkin" not in payload  # the school cannot read it
    # a second export is cumulative and gets its own file
    res2 = export(school.root, _dep(), tmp_path / "out", clock=school.clock)
    assert res2.path != res.path and res2.manifest["counts"] == res.manifest["counts"]


def test_free_text_dropped_unless_allowed(monkeypatch, school, tmp_path):
    from game.research import schema
    from game.research.schema import Field, EventType

    et = schema.EVENT_TYPES["thought_record_completed"]
    patched = EventType(et.name, et.label, et.xapi_verb, et.xapi_object,
                        et.fields + (Field("own_text", schema.STRING, "x", required=False, free_text=True),))
    monkeypatch.setitem(schema.EVENT_TYPES, "thought_record_completed", patched)
    from game.research.export import strip_free_text

    e = {"event_type": "thought_record_completed", "payload": {"thought_id": "t", "own_text": "SECRET"}}
    assert strip_free_text(e)["payload"] == {"thought_id": "t"}


def test_seeded_seal_is_a_real_sealed_box():
    a = seal(PK, b"hello", seed=b"x")
    assert a == seal(PK, b"hello", seed=b"x") and SealedBox(SK).decrypt(a) == b"hello"
    assert seal(PK, b"hello") != seal(PK, b"hello")


# ---------------------------------------------------------------------------------- class progress, deletion
def test_class_progress_has_no_answers_or_moods(school):
    p, q = school.player("Fay"), school.player("Gus")
    school.session(p, consent="yes", code=CODES[4])
    school.session(q, consent="no")
    rows = class_progress(school.root)
    assert {r.participant_code for r in rows} == {CODES[4], None}
    r = [r for r in rows if r.participant_code][0]
    assert (r.levels_completed, r.sessions) == (1, 1) and r.last_played_utc
    fields = set(vars(r))
    assert not fields & {"mood", "value", "answers", "nickname", "trap_chosen"}


def test_deleting_a_profile_removes_data_and_leaves_a_notice(school, tmp_path):
    p = school.player("Hal")
    school.session(p, consent="yes", code=CODES[5])
    assert (school.root / "profiles" / p.id).exists()
    out = delete_profile_data(school.root, p.id, school.clock)
    assert out["sessions_removed"] == 1 and out["notices"] == 1
    assert not (school.root / "profiles" / p.id).exists()
    assert not [e for e in read_all_events(school.root / "logs") if e["profile_id"] == p.id]
    events, _ = _lines(export(school.root, _dep(), tmp_path / "o", clock=school.clock).path)
    assert [e["event_type"] for e in events] == ["profile_deleted"]
    assert events[0]["participant_code"] == CODES[5] and validate_event(events[0]) == []


# ---------------------------------------------------------------------------------- simulated cohort
@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    root = tmp_path_factory.mktemp("cohort")
    res = simulate(root / "bundles", players=10, seed=11, public_key=PK, per_school=5, nickname_prefix="Kid ",
                   keep_data=root / "data")
    out = root / "merged"
    m = merge([root / "bundles"], None, out, private_key=SK, progress=False, now=NOW)
    return root, res, m


def test_every_event_the_scripted_players_emit_is_valid(cohort):
    root, res, _ = cohort
    n = 0
    for school in sorted((root / "data").iterdir()):
        for e in read_all_events(school / "logs"):
            assert validate_event(e) == [], e
            n += 1
    assert n > 300
    kinds = {p.consent for p in res.personas.values()}
    assert {"yes", "no"} <= kinds or len(kinds) >= 2


def test_simulation_varies_behaviour(cohort):
    root, res, m = cohort
    with open(m.out_dir / "trap_answers.csv") as fh:
        correct = {r["correct"] for r in csv.DictReader(fh)}
    assert correct == {"true", "false"}
    with open(m.out_dir / "levels.csv") as fh:
        per = {}
        for r in csv.DictReader(fh):
            per[r["participant_code"]] = per.get(r["participant_code"], 0) + 1
    assert len(set(per.values())) > 1  # some drop out earlier than others
    with open(m.out_dir / "mood_checkins.csv") as fh:
        assert len({r["value"] for r in csv.DictReader(fh)}) >= 5


def test_same_seed_same_bundles(tmp_path):
    a = simulate(tmp_path / "a", players=3, seed=4, public_key=PK, per_school=3)
    b = simulate(tmp_path / "b", players=3, seed=4, public_key=PK, per_school=3)
    c = simulate(tmp_path / "c", players=3, seed=5, public_key=PK, per_school=3)
    assert [p.name for p in a.bundles] == [p.name for p in b.bundles]
    assert [p.read_bytes() for p in a.bundles] == [p.read_bytes() for p in b.bundles]
    assert [p.read_bytes() for p in a.bundles] != [p.read_bytes() for p in c.bundles]


def test_merge_report_is_clean_for_the_cohort(cohort):
    _, _, m = cohort
    r = m.report
    assert m.exit_code == 0
    assert r["conflicts"] == [] and r["gaps"] == [] and r["clock_jumps"]["items"] == []
    assert r["future_timestamps"]["count"] == 0 and r["events"]["invalid"] == 0
    assert r["events"]["written"] == r["events"]["read"] > 0
    assert (m.out_dir / "merge_report.md").read_text().startswith("# Merge report")


# ---------------------------------------------------------------------------------- idempotence
def _outputs(d: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())
            if p.suffix in (".csv", ".json") and not p.name.startswith("merge_report")}


def test_merge_is_idempotent_and_cumulative(school, tmp_path):
    p, q = school.player("Ivy"), school.player("Jon")
    school.session(p, consent="yes", code=CODES[6])
    school.session(q, consent="yes", code=CODES[7])
    a = export(school.root, _dep(), tmp_path / "A", clock=school.clock).path
    school.session(p)  # more play after the first export
    b = export(school.root, _dep(), tmp_path / "B", clock=school.clock).path
    copy = tmp_path / "copy.glimmer"
    shutil.copy(a, copy)
    o = {}
    for name, inputs in {"A": [a], "AA": [a, copy], "AB": [a, b], "BA": [b, a], "B": [b]}.items():
        o[name] = merge(inputs, None, tmp_path / f"m{name}", private_key=SK, progress=False, now=NOW)
    assert _outputs(tmp_path / "mA") == _outputs(tmp_path / "mAA")
    assert _outputs(tmp_path / "mAB") == _outputs(tmp_path / "mBA") == _outputs(tmp_path / "mB")
    assert o["AA"].report["events"]["duplicates"] == o["A"].report["events"]["written"]
    assert o["AB"].report["events"]["written"] > o["A"].report["events"]["written"]
    # merging again into the same folder gives the same files
    merge([a, b], None, tmp_path / "mAB", private_key=SK, progress=False, now=NOW)
    assert _outputs(tmp_path / "mAB") == _outputs(tmp_path / "mB")


# ---------------------------------------------------------------------------------- reported problems
def _ev(code, sid, seq, et="mood_checkin", ts="2026-09-07T10:00:00.000Z", tms=None, payload=None, eid=None):
    return {"event_id": eid or f"00000000-0000-4000-8000-{seq:04d}{abs(hash(sid)) % 10**8:08d}",
            "schema_version": "1.0", "app_version": "0.1.0", "build_id": "t", "installation_id": "i1",
            "profile_id": "p1", "participant_code": code, "session_id": sid, "event_seq": seq,
            "event_type": et, "ts_utc": ts, "t_session_ms": seq * 1000 if tms is None else tms,
            "tz_offset_min": 60, "level_id": None,
            "payload": payload if payload is not None else {"value": 5, "moment": "session_start"}}


def _bundle(path: Path, events, withdrawals=()):
    data, _ = build_bundle(ExportContent("i1", "0.1.0", "t", events, list(withdrawals), [], {}), PK,
                           key_id_for(PK), "GLM24", "2026-10-01T00:00:00.000Z")
    path.write_bytes(data)
    return path


def test_conflicts_gaps_future_and_clock_jumps_are_reported(tmp_path):
    c = CODES[8]
    s1 = "11111111-1111-4111-8111-111111111111"
    s2 = "22222222-2222-4222-8222-222222222222"
    base = [_ev(c, s1, i, ts=f"2026-09-07T10:00:{i:02d}.000Z") for i in range(6)]
    gap = [e for e in base if e["event_seq"] not in (2, 3)]
    other = dict(base[1], payload={"value": 9, "moment": "session_start"})  # same id, different content
    jump = [_ev(c, s2, 0, ts="2026-09-08T10:00:00.000Z"), _ev(c, s2, 1, ts="2026-09-08T12:00:00.000Z", tms=1000),
            _ev(c, s2, 2, ts="2031-01-01T00:00:00.000Z", tms=2000)]
    a = _bundle(tmp_path / "a.glimmer", gap + jump)
    b = _bundle(tmp_path / "b.glimmer", [other])
    m = merge([a, b], None, tmp_path / "m", private_key=SK, progress=False, now=NOW)
    r = m.report
    (conf,) = r["conflicts"]
    assert conf["event_id"] == base[1]["event_id"] and conf["fields"] == ["payload.value"]
    assert {conf["kept_from"], conf["other_from"]} == {"a.glimmer", "b.glimmer"}
    (g,) = r["gaps"]
    assert g["session_id"] == s1 and g["missing"] == "2-3" and g["count"] == 2
    assert r["future_timestamps"]["count"] == 1
    assert {j["session_id"] for j in r["clock_jumps"]["items"]} == {s2}
    md = (tmp_path / "m" / "merge_report.md").read_text()
    assert "missing 2-3" in md and "Conflicts" in md and "Clock jumps" in md
    # the conflicting event is neither dropped silently nor duplicated
    with open(tmp_path / "m" / "events.csv") as fh:
        ids = [row["event_id"] for row in csv.DictReader(fh)]
    assert ids.count(base[1]["event_id"]) == 1
    # the choice does not depend on bundle order
    m2 = merge([b, a], None, tmp_path / "m2", private_key=SK, progress=False, now=NOW)
    assert _outputs(tmp_path / "m") == _outputs(tmp_path / "m2")
    assert m2.report["conflicts"][0]["kept_from"] == conf["kept_from"]


def test_invalid_events_are_reported_not_silently_dropped(tmp_path):
    bad = _ev(CODES[8], "s", 0)
    del bad["ts_utc"]
    nocode = _ev(None, "s", 1)
    a = _bundle(tmp_path / "a.glimmer", [bad, nocode, _ev(CODES[8], "s", 2)])
    r = merge([a], None, tmp_path / "m", private_key=SK, progress=False, now=NOW).report
    assert r["events"]["invalid"] == 2
    assert any("ts_utc" in i["problem"] for i in r["invalid_events"])


def test_in_game_withdrawal_and_researcher_withdraw(cohort, tmp_path):
    root, res, _ = cohort
    c1, c2 = CODES[8], CODES[9]
    s = "33333333-3333-4333-8333-333333333333"
    a = _bundle(tmp_path / "a.glimmer", [_ev(c1, s, i) for i in range(3)] + [_ev(c2, s + "x", i) for i in range(2)],
                withdrawals=[{"participant_code": c2, "profile_id": "p2", "decision": "withdrawn"}])
    out = tmp_path / "m"
    m = merge([a], None, out, private_key=SK, progress=False, now=NOW)
    assert m.report["withdrawn"]["in_game"] == [c2] and m.report["events"]["withdrawn_removed"] == 2
    assert cli(["research", "withdraw", c1.lower(), "--out", str(out)]) == 0
    for p in out.glob("*.csv"):
        assert c1 not in p.read_text() or p.name == "codebook.csv"
    assert c1 not in (out / "xapi_statements.json").read_text()
    # a later merge into the same folder keeps them out
    m = merge([a], None, out, private_key=SK, progress=False, now=NOW)
    assert m.report["events"]["written"] == 0


# ---------------------------------------------------------------------------------- tables, codebook, datapackage
def _check_cell(field, value):
    if value == "":
        assert not field.get("constraints", {}).get("required"), field["name"]
        return
    t = field["type"]
    if t == "integer":
        v = int(value)
    elif t == "number":
        v = float(value)
    elif t == "boolean":
        assert value in field["trueValues"] + field["falseValues"], (field["name"], value)
        return
    elif t == "datetime":
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return
    else:
        v = value
    cons = field.get("constraints", {})
    if "enum" in cons:
        assert value in cons["enum"], (field["name"], value)
    if "minimum" in cons:
        assert v >= cons["minimum"], (field["name"], v)
    if "maximum" in cons:
        assert v <= cons["maximum"], (field["name"], v)


def validate_datapackage(folder: Path):
    """A small Table Schema validator: headers, types, enums, ranges, required, primary keys."""
    pkg = json.loads((folder / "datapackage.json").read_text())
    assert pkg["profile"] == "tabular-data-package" and pkg["resources"]
    checked = 0
    for res in pkg["resources"]:
        path = folder / res["path"]
        assert path.exists(), res["path"]
        fields = res["schema"]["fields"]
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            assert header == [f["name"] for f in fields], res["path"]
            pk = res["schema"].get("primaryKey")
            seen = set()
            for row in reader:
                assert len(row) == len(fields)
                for f, v in zip(fields, row):
                    _check_cell(f, v)
                if pk:
                    key = tuple(row[header.index(k)] for k in pk)
                    assert key not in seen, (res["path"], key)
                    seen.add(key)
                checked += 1
    return checked


def test_datapackage_validates_every_csv(cohort):
    _, _, m = cohort
    assert validate_datapackage(m.out_dir) > 500


def test_every_csv_column_is_in_codebook_and_datapackage(cohort):
    _, _, m = cohort
    with open(m.out_dir / "codebook.csv") as fh:
        book = list(csv.DictReader(fh))
    assert set(book[0]) >= {"variable", "table", "label", "type", "allowed_values", "units", "missing_code",
                            "source_event_type", "schema_version"}
    in_book = {(r["table"], r["variable"]) for r in book}
    pkg = json.loads((m.out_dir / "datapackage.json").read_text())
    in_pkg = {(r["path"][:-4], f["name"]) for r in pkg["resources"] for f in r["schema"]["fields"]}
    n = 0
    for p in m.out_dir.glob("*.csv"):
        if p.name == "codebook.csv":
            continue
        with open(p) as fh:
            header = next(csv.reader(fh))
        for col in header:
            assert (p.stem, col) in in_book, (p.name, col)
            assert (p.stem, col) in in_pkg, (p.name, col)
            n += 1
    assert all(r["label"] and r["type"] for r in book)
    assert n > 100


def test_tables_one_per_measure(cohort):
    _, _, m = cohort
    for t in ("events", "sessions", "levels", "mood_checkins", "trap_answers", "thought_records",
              "activity_plans", "activity_followups"):
        assert (m.out_dir / f"{t}.csv").exists()
    with open(m.out_dir / "thought_records.csv") as fh:
        r = next(csv.DictReader(fh))
    assert int(r["belief_after"]) <= 100 and r["belief_before"] and r["study_day"]
    with open(m.out_dir / "activity_followups.csv") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["predicted_enjoyment"] for r in rows)
    assert any(r["actual_enjoyment"] == "" for r in rows if r["status"] == "not_yet")


def test_every_xapi_statement_is_complete(cohort):
    _, _, m = cohort
    statements = json.loads((m.out_dir / "xapi_statements.json").read_text())
    assert len(statements) == m.report["events"]["written"]
    for s in statements:
        assert check_statement(s) == [], s
        assert s["id"] and s["timestamp"] and s["verb"]["id"] and s["object"]["id"]
        assert s["context"]["registration"]
        assert set(s["actor"]) == {"objectType", "account"}
    verbs = {s["verb"]["id"].rsplit("/", 1)[1] for s in statements}
    assert {"initialized", "completed", "selected", "interacted"} <= verbs


def test_shareable_outputs(cohort, tmp_path):
    root, res, full = cohort
    out = tmp_path / "share"
    m = merge([root / "bundles"], None, out, private_key=SK, shareable=True, progress=False, now=NOW)
    assert m.report["events"]["written"] == full.report["events"]["written"]
    with open(out / "events.csv") as fh:
        header = next(csv.reader(fh))
    assert "ts_utc" not in header and "installation_id" not in header and "tz_offset_min" not in header
    assert "study_day" in header and "part_of_day" in header
    everything = "".join(p.read_text() for p in out.iterdir() if p.is_file())
    for code in res.codes.values():
        assert code not in everything
    for pid in res.personas:
        assert pid not in everything
    with open(full.out_dir / "events.csv") as fh:
        full_rows = list(csv.DictReader(fh))
    for r in full_rows[:50]:
        assert r["session_id"] not in everything and r["event_id"] not in everything
        assert r["ts_utc"][:16] not in everything and r["installation_id"] not in everything
    assert validate_datapackage(out) > 0
    for s in json.loads((out / "xapi_statements.json").read_text()):
        assert check_statement(s) == [] and s["timestamp"].startswith("2000-")
    # the keyed hash is stable across merges
    m2 = merge([root / "bundles"], None, tmp_path / "share2", private_key=SK, shareable=True, progress=False, now=NOW)
    assert _outputs(out) == _outputs(tmp_path / "share2")


# ---------------------------------------------------------------------------------- bad input
def test_bad_inputs_give_clear_messages_not_tracebacks(cohort, tmp_path, capsys):
    root, _, _ = cohort
    keys = tmp_path / "keys"
    assert cli(["research", "keygen", "--out", str(keys)]) == 0
    assert cli(["research", "keygen", "--out", str(keys)]) == 2  # never overwrites a key
    out = str(tmp_path / "m")
    capsys.readouterr()
    assert cli(["research", "merge", str(root / "bundles"), "--key", str(keys / "study-private.key"), "--out", out]) == 2
    assert "different study key" in capsys.readouterr().err
    assert cli(["research", "merge", str(root / "bundles"), "--key", str(keys / "study-public.key"), "--out", out]) == 2
    junk = tmp_path / "junk.glimmer"
    junk.write_bytes(b"not a zip at all")
    corrupt = tmp_path / "corrupt.glimmer"
    data = bytearray(next((root / "bundles").glob("*.glimmer")).read_bytes())
    data[len(data) // 2] ^= 0xFF
    corrupt.write_bytes(bytes(data))
    sk_file = tmp_path / "sk.key"
    sk_file.write_text(base64.b64encode(bytes(SK)).decode())
    for bad, words in ((junk, "not a Glimmer export bundle"), (corrupt, "damaged"),
                       (tmp_path / "missing.glimmer", "not found")):
        assert cli(["research", "merge", str(bad), "--key", str(sk_file), "--out", out]) == 2
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err, err
    assert cli(["research", "merge", str(junk), "--key", str(tmp_path / "nokey"), "--out", out]) == 2
    # one bad bundle among good ones: outputs are written, the problem is reported, exit 1
    mixed = cli(["research", "merge", str(root / "bundles"), str(junk), "--key", str(sk_file), "--out", out,
                 "--no-progress"])
    assert mixed == 1
    assert "could not be read" in capsys.readouterr().out
    assert (Path(out) / "events.csv").exists()


def test_simulate_and_merge_cli(tmp_path, capsys):
    keys = tmp_path / "keys"
    assert cli(["research", "keygen", "--out", str(keys)]) == 0
    assert cli(["simulate", "--players", "3", "--seed", "2", "--out", str(tmp_path / "b"),
                "--public-key", str(keys / "study-public.key")]) == 0
    assert cli(["research", "merge", str(tmp_path / "b"), "--key", str(keys / "study-private.key"),
                "--out", str(tmp_path / "m"), "--validate", "--shareable"]) == 0
    assert "Merged 1 bundle(s)" in capsys.readouterr().out
    assert json.loads((tmp_path / "m" / "merge_report.json").read_text())["mode"] == "shareable"


def test_two_workers_give_the_same_outputs_as_one(cohort, tmp_path, monkeypatch):
    import game.research.merge as mm

    root, _, _ = cohort
    c = CODES[8]
    s1 = "11111111-1111-4111-8111-111111111111"
    extra = _bundle(tmp_path / "x.glimmer", [_ev(c, s1, i, ts=f"2026-09-07T10:00:{i:02d}.000Z") for i in (0, 1, 3)])
    inputs = [root / "bundles", extra]
    one = merge(inputs, None, tmp_path / "one", private_key=SK, progress=False, now=NOW, parallel=False)
    monkeypatch.setattr(mm, "PARALLEL_MIN_EVENTS", 0)
    monkeypatch.setattr(mm.os, "cpu_count", lambda: 2)
    two = merge(inputs, None, tmp_path / "two", private_key=SK, progress=False, now=NOW)
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")
    for key in ("events", "gaps", "conflicts", "tables", "participants", "sessions"):
        assert one.report[key] == two.report[key]
    assert two.report["gaps"] and validate_datapackage(tmp_path / "two") > 0
    json.loads((tmp_path / "two" / "xapi_statements.json").read_text())


def test_fast_paths_write_the_same_bytes_as_the_general_path(tmp_path, monkeypatch):
    """The merge reads exporter-canonical lines with one regex, writes plain events.csv rows without
    the csv module and builds xAPI statements from cached parts. Switched off, every line goes
    through json.loads and the schema check, every row through csv.writer and every statement through
    statement_json: the outputs must be byte for byte the same, odd lines included."""
    import game.research.merge as mm
    from game.research import xapi

    bundles = tmp_path / "b"
    paths = mm.synth_bundles(bundles, PK, n_players=4, n_events=400, per_installation=2, seed=7)
    first = [json.loads(ln) for ln in open_bundle(paths[0], SK).lines]
    odd = []
    for i, e in enumerate(first[:160]):
        e = dict(e, event_id=f"00000000-0000-4000-8000-{i:012d}") if i % 3 else dict(e)
        change = [("build_id", 'b,"q"'), ("app_version", "0.1.0\u00e9"), ("level_id", None),
                  ("installation_id", "in\\st"), ("extra", 1), ("payload", {}), ("tz_offset_min", -330),
                  ("ts_utc", "2026-09-01T10:00:00+02:00"), ("ts_utc", "late"), ("schema_version", 1),
                  ("event_seq", e["event_seq"] + 500), ("payload", dict(e["payload"], profile_id="p", x=[1])),
                  ("profile_id", 7), ("participant_code", ""), ("ts_utc", "2031-01-01T00:00:00.000Z"),
                  ("payload", dict(e["payload"], note='a,"b"\nc'))][i % 16]
        e[change[0]] = change[1]
        odd.append(e)
    _bundle(bundles / "zz-odd.glimmer", odd)
    _bundle(bundles / "zz-conflict.glimmer", [dict(e, t_session_ms=e["t_session_ms"] + 3) for e in first[300:340]])

    def run(name, **kw):
        merge([bundles], None, tmp_path / name, private_key=SK, progress=False, now=NOW, **kw)
        return _outputs(tmp_path / name), json.loads((tmp_path / name / "merge_report.json").read_text())

    monkeypatch.setattr(mm, "PARALLEL_MIN_EVENTS", 0)
    monkeypatch.setattr(mm.os, "cpu_count", lambda: 2)
    fast = {kw: run(f"fast{n}", **dict(kw)) for n, kw in enumerate(((), (("shareable", True),)))}
    monkeypatch.setattr(mm, "_CANON", None)
    monkeypatch.setattr(mm, "_FAST_ROWS", False)
    monkeypatch.setattr(xapi.StatementMaker, "session", lambda self, *a: setattr(self, "args", a))
    monkeypatch.setattr(xapi.StatementMaker, "make", lambda self, et, lvl, pl, pt, sid, ts, *rest:
                        xapi.statement_json(et, lvl, pl, pt, *self.args, sid, ts, *rest))
    for n, (kw, (out, rep)) in enumerate(fast.items()):
        ref, ref_rep = run(f"ref{n}", **dict(kw))
        assert out.keys() == ref.keys()
        assert [f for f in out if out[f] != ref[f]] == []
        for r in (rep, ref_rep):
            r.pop("seconds"), r.pop("phases_cumulative_s")
        assert rep == ref_rep
    assert rep["conflicts"] and rep["invalid_events"] and rep["gaps"] and rep["unreadable_timestamps"]
    assert b'b,""q""' in fast[()][0]["events.csv"]


def test_statement_maker_matches_statement_json():
    from game.research.schema import EVENT_TYPES, example_payload
    from game.research.xapi import StatementMaker, statement_json

    rng = random.Random(11)
    odd = [None, True, False, -5, 0, 7, 3.5, 'x,"y"\n', "\u00e9", [], {}, 10**20]
    maker = StatementMaker()
    for et in EVENT_TYPES:
        for _ in range(40):
            payload = example_payload(et, rng)
            for k in [*payload, "duration_ms", "value", "correct"]:
                if rng.random() < 0.3:
                    payload[k] = rng.choice(odd)
            head = (et, rng.choice([None, "level_1", 'l"2']), payload, '{"a":1}')
            who = (rng.choice(["C1", 'P"x']), rng.choice([None, "GLM", "X\\y"]), rng.choice(["s1", "s\u2028"]))
            rest = (rng.choice(["id1", 'i"d']), rng.choice(["2026-01-01T00:00:00.000Z", "t\n"]),
                    rng.choice([0, 5, True, None]), rng.choice([0, 99, True, None]), rng.choice([None, 3, True]),
                    rng.choice([None, "morning", ""]), rng.choice(["1.0", 1, 1.0, None]), rng.choice(["0.1", 2]))
            maker.session(*who)
            assert maker.make(*head, *rest) == statement_json(*head, *who, *rest)
