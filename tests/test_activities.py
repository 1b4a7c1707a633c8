"""Behavioural activation rules (week plan, follow-up, chart) and real-world challenges."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.mechanics.activities import (
    CATEGORIES, DAYS, MAX_PER_DAY, NOT_YET_MESSAGE, Activity, Catalogue, PlanBook, PlanError,
    PlannedItem, WeekPlan, activity_followed_up_payload, activity_planned_payload, chart_data,
    followup_feedback, gap_kind, prediction_gap,
)
from game.mechanics.challenges import (
    Challenge, ChallengeLog, ChallengeRecord, challenge_followed_up_payload, challenge_set_payload,
    commit_response, response_for,
)
from game.mechanics.mood import MoodHistory
from game.research.schema import validate_payload

D = "2026-09-01"  # a Tuesday

FUN = Activity("listen_album", "Listen to a favourite album", "pleasure", "small", "music")
GAME = Activity("play_game", "Play a favourite game", "pleasure", "small", "game")
HOMEWORK = Activity("homework_page", "Finish one page of homework", "mastery", "small", "homework")
TIDY = Activity("tidy_shelf", "Tidy one shelf", "mastery", "tiny", "tidy")
FRIEND = Activity("text_friend", "Text a friend to say hi", "social", "tiny", "phone")
DOG = Activity("walk_dog", "Walk the dog", "physical", "small", "dog")
HELP = Activity("help_at_home", "Help at home", "values", "small", "help")
ALL = [FUN, GAME, HOMEWORK, TIDY, FRIEND, DOG, HELP]

SCOLDING = ("should", "fail", "lazy", "didn't even", "disappoint", "must", "why didn't", "again?")


def valid_plan() -> WeekPlan:
    p = WeekPlan(D)
    p.add(FUN, 0, 7)
    p.add(HOMEWORK, 1, 4)
    return p


# --- activities and catalogue ----------------------------------------------------------------------

@pytest.mark.parametrize("kwargs", [
    dict(category="fun"), dict(size="huge"), dict(picture="unicorn"), dict(text="  "),
])
def test_activity_refuses_unknown_values(kwargs):
    base = dict(id="x", text="Do a thing", category="pleasure", size="tiny", picture="star")
    base.update(kwargs)
    with pytest.raises(ValueError):
        Activity(**base)


def test_catalogue_lookup_and_duplicates():
    c = Catalogue(ALL)
    assert c["walk_dog"] is DOG and "walk_dog" in c and c.get("nope") is None
    assert c.by_category("mastery") == [HOMEWORK, TIDY]
    assert c.label("pleasure") == "Fun"
    with pytest.raises(ValueError):
        Catalogue([FUN, FUN])


# --- plan validation -------------------------------------------------------------------------------

def test_empty_plan_asks_for_activities_and_both_kinds():
    msgs = WeekPlan(D).validate()
    assert any("at least 2" in m for m in msgs)
    assert any("fun" in m.lower() for m in msgs)
    assert any("achievement" in m.lower() for m in msgs)
    assert not WeekPlan(D).is_valid


def test_one_item_asks_for_one_more():
    p = WeekPlan(D)
    p.add(FUN, 0, 5)
    msgs = p.validate()
    assert any("one more" in m.lower() for m in msgs)
    assert not any("fun" in m.lower() for m in msgs)


def test_two_pleasure_no_mastery_is_invalid_with_achievement_message():
    p = WeekPlan(D)
    p.add(FUN, 0, 5)
    p.add(GAME, 1, 5)
    assert p.validate() == ["Add something that gives you a sense of achievement, even a tiny one."]


def test_two_mastery_no_pleasure_is_invalid_with_fun_message():
    p = WeekPlan(D)
    p.add(HOMEWORK, 0, 5)
    p.add(TIDY, 1, 5)
    msgs = p.validate()
    assert len(msgs) == 1 and "fun" in msgs[0].lower()


def test_pleasure_and_mastery_with_predictions_is_valid():
    p = valid_plan()
    assert p.validate() == [] and p.is_valid


def test_missing_prediction_is_reported_until_set():
    p = WeekPlan(D)
    a = p.add(FUN, 0)
    p.add(HOMEWORK, 1, 3)
    assert any("0 to 10" in m for m in p.validate())
    p.set_prediction(a.uid, 6)
    assert p.is_valid


def test_more_than_ten_items_is_invalid():
    p = valid_plan()                                     # 2 items, days 0 and 1
    for day, acts in ((2, (FRIEND, DOG, HELP)), (3, (GAME, TIDY, DOG)), (4, (FRIEND, HELP))):
        for a in acts:
            p.add(a, day, 5)
    assert len(p.items) == 10 and p.is_valid
    p.add(FUN, 5, 5)
    assert len(p.items) == 11
    assert p.validate() == ["That's a lot! Keep it to 10 or fewer so your week stays doable."]


# --- editing ---------------------------------------------------------------------------------------

def test_max_three_per_day_with_friendly_refusal():
    p = WeekPlan(D)
    for a in (FUN, HOMEWORK, DOG):
        p.add(a, 2, 5)
    assert not p.can_add(FRIEND.id, 2)
    with pytest.raises(PlanError, match="already has 3"):
        p.add(FRIEND, 2, 5)
    assert len(p.on_day(2)) == MAX_PER_DAY


def test_same_activity_on_several_days_but_not_twice_a_day():
    p = WeekPlan(D)
    a = p.add(DOG, 0, 5)
    b = p.add(DOG, 3, 5)
    assert a.uid != b.uid and [i.activity_id for i in p.items] == ["walk_dog", "walk_dog"]
    with pytest.raises(PlanError, match="already on this day"):
        p.add(DOG, 3, 5)


@pytest.mark.parametrize("day", [-1, DAYS, 10])
def test_days_outside_the_week_are_refused(day):
    with pytest.raises(PlanError, match="coming week"):
        WeekPlan(D).add(FUN, day, 5)


def test_move_respects_limits_and_keeps_prediction():
    p = WeekPlan(D)
    for a in (FUN, HOMEWORK, DOG):
        p.add(a, 1, 5)
    x = p.add(TIDY, 0, 8)
    with pytest.raises(PlanError):
        p.move(x.uid, 1)
    assert x.day_offset == 0
    moved = p.move(x.uid, 6)
    assert moved.day_offset == 6 and moved.predicted == 8
    d = p.add(DOG, 5, 5)
    with pytest.raises(PlanError, match="already on this day"):
        p.move(d.uid, 1)
    assert p.move(d.uid, 5) is d  # dropping on its own day is fine


def test_move_within_a_full_day_to_itself_is_allowed():
    p = WeekPlan(D)
    items = [p.add(a, 2, 5) for a in (FUN, HOMEWORK, DOG)]
    assert p.move(items[0].uid, 2).day_offset == 2


def test_remove_and_unknown_uid():
    p = valid_plan()
    uid = p.items[0].uid
    p.remove(uid)
    assert [i.activity_id for i in p.items] == ["homework_page"]
    with pytest.raises(KeyError):
        p.remove(uid)
    # uids are never reused, even after a removal
    assert p.add(FUN, 0, 5).uid not in (uid, p.items[0].uid)


def test_prediction_range():
    p = WeekPlan(D)
    with pytest.raises(ValueError):
        p.add(FUN, 0, 11)
    a = p.add(FUN, 0, 0)
    with pytest.raises(ValueError):
        p.set_prediction(a.uid, -1)
    assert p.item(a.uid).predicted == 0


def test_day_dates_and_weekdays():
    p = WeekPlan("2026-12-29")
    assert p.day_date(0) == "2026-12-29" and p.day_date(6) == "2027-01-04"
    assert p.weekday(0) == 1  # Tuesday
    assert len(p.by_day()) == 7


def test_plan_date_must_be_a_real_date():
    for bad in ("2026-13-01", "01-09-2026", "20260901", ""):
        with pytest.raises(ValueError):
            WeekPlan(bad)


# --- follow-up and the prediction gap --------------------------------------------------------------

@pytest.mark.parametrize("predicted, actual, kind", [
    (5, 7, "more"), (5, 6, "about"), (5, 5, "about"), (5, 4, "about"), (5, 3, "less"),
    (0, 10, "more"), (10, 0, "less"), (0, 1, "about"), (8, 10, "more"), (2, 0, "less"),
])
def test_prediction_gap_thresholds(predicted, actual, kind):
    g = prediction_gap(predicted, actual)
    assert g.kind == kind and g.value == actual - predicted


def test_gap_messages_say_the_direction_kindly():
    assert "more than you expected" in prediction_gap(3, 8).message
    assert "about as you expected" in prediction_gap(6, 6).message
    less = prediction_gap(8, 3).message
    assert "less" in less and "gave it a go" in less
    for m in (prediction_gap(3, 8).message, prediction_gap(6, 6).message, less):
        assert not any(s in m.lower() for s in SCOLDING)


def test_not_yet_is_warm_never_scolding():
    p = valid_plan()
    fb = p.record_followup(p.items[0].uid, "not_yet", actual=9)  # an actual value is ignored
    assert fb.message == NOT_YET_MESSAGE and fb.gap is None
    assert "that's ok" in fb.message.lower() and "plans change" in fb.message.lower()
    assert not any(s in fb.message.lower() for s in SCOLDING)
    assert p.items[0].actual is None and p.items[0].status == "not_yet"


def test_partly_counts_and_shows_the_gap():
    fb = followup_feedback("partly", 3, 7)
    assert fb.message.startswith("Doing part of it still counts.")
    assert "more than you expected" in fb.message and fb.gap.kind == "more"


def test_done_needs_an_actual_enjoyment():
    p = valid_plan()
    with pytest.raises(ValueError):
        p.record_followup(p.items[0].uid, "done")
    with pytest.raises(ValueError):
        p.record_followup(p.items[0].uid, "finished", 5)
    assert p.items[0].status is None


def test_summary_stats_use_done_items():
    p = WeekPlan(D)
    a = p.add(FUN, 0, 4)
    b = p.add(HOMEWORK, 1, 2)
    c = p.add(DOG, 2, 9)
    d = p.add(FRIEND, 3, 5)
    p.record_followup(a.uid, "done", 8)
    p.record_followup(b.uid, "done", 6)
    p.record_followup(c.uid, "partly", 1)
    assert p.pending() == [d] and not p.followed_up
    p.record_followup(d.uid, "not_yet")
    s = p.summary()
    assert (s.planned, s.answered, s.done, s.partly, s.not_yet) == (4, 4, 2, 1, 1)
    assert s.mean_predicted_done == 3.0 and s.mean_actual_done == 7.0
    assert s.gap_kind == "more" and "more than you expected" in s.message
    assert p.followed_up


def test_summary_when_nothing_was_done_is_kind():
    p = valid_plan()
    for i in p.items:
        p.record_followup(i.uid, "not_yet")
    s = p.summary()
    assert s.done == 0 and s.mean_actual_done is None and s.gap_kind is None
    assert "normal" in s.message and not any(w in s.message.lower() for w in SCOLDING)


def test_gap_kind_is_symmetric():
    assert gap_kind(2) == "more" and gap_kind(-2) == "less" and gap_kind(1.99) == "about"


# --- plan book -------------------------------------------------------------------------------------

def test_plan_book_commits_only_valid_plans_and_asks_latest():
    book = PlanBook()
    with pytest.raises(PlanError):
        book.commit(WeekPlan(D))
    assert book.due_follow_up() is None
    p = valid_plan()
    book.commit(p)
    assert book.due_follow_up() is p
    for i in p.items:
        p.record_followup(i.uid, "done", 5)
    assert book.due_follow_up() is None
    back = PlanBook.from_dict(json.loads(json.dumps(book.to_dict())))
    assert back == book


# --- chart -----------------------------------------------------------------------------------------

def test_chart_series_per_day():
    h = MoodHistory()
    h.record(4, "level_start", "2026-09-01")
    h.record(6, "level_end", "2026-09-01")
    h.record(7, "level_start", "2026-09-04")
    p = valid_plan()                     # FUN day 0 (09-01), HOMEWORK day 1 (09-02)
    p.add(DOG, 1, 5)
    p.add(FRIEND, 2, 5)
    p.record_followup(1, "done", 8)
    p.record_followup(2, "partly", 5)
    p.record_followup(3, "done", 6)
    p.record_followup(4, "not_yet")
    c = chart_data(h.entries(), [p])
    assert c.dates == ["2026-09-01", "2026-09-02", "2026-09-03", "2026-09-04"]
    assert c.mood_series == [5.0, None, None, 7.0]
    assert c.activity_series == [1, 2, 0, 0]       # not_yet never counts
    assert c.days[1].done == 1 and c.days[1].partly == 1
    assert c.days[1].activity_ids == ("homework_page", "walk_dog")
    assert c.mood_points == [(0, 4), (0, 6), (3, 7)]
    assert c.max_activities == 2 and not c.empty


def test_chart_range_and_empty():
    assert chart_data([], []).days == ()
    c = chart_data([{"date": "2026-09-03", "value": 5, "moment": "level_start"}], valid_plan(),
                   start="2026-09-01", end="2026-09-07")
    assert len(c.days) == 7 and c.mood_series[2] == 5.0 and c.empty is False
    assert chart_data([], [], start="2026-09-01", end="2026-09-03").empty


def test_chart_keeps_the_last_days_when_history_is_long():
    moods = [{"date": f"2026-09-{d:02d}", "value": 5, "moment": "level_start"} for d in (1, 30)]
    c = chart_data(moods, [], max_days=14)
    assert len(c.days) == 14 and c.dates[-1] == "2026-09-30" and c.dates[0] == "2026-09-17"


# --- hypothesis: random plans ----------------------------------------------------------------------

ops = st.lists(st.tuples(st.integers(0, len(ALL) - 1), st.integers(0, DAYS - 1),
                         st.one_of(st.none(), st.integers(0, 10))), max_size=25)
follow = st.lists(st.tuples(st.sampled_from(["done", "partly", "not_yet", None]), st.integers(0, 10)),
                  max_size=25)


def build(ops_, follow_, level_id=None) -> WeekPlan:
    p = WeekPlan(D, level_id=level_id)
    for idx, day, pred in ops_:
        try:
            p.add(ALL[idx], day, pred)
        except PlanError:
            pass
    for item, (status, actual) in zip(list(p.items), follow_):
        if status:
            p.record_followup(item.uid, status, actual)
    return p


@given(ops, follow, st.one_of(st.none(), st.text(max_size=10)))
def test_plan_round_trips_through_json(o, f, level_id):
    p = build(o, f, level_id)
    data = json.loads(json.dumps(p.to_dict()))
    back = WeekPlan.from_dict(data)
    assert back == p
    assert back.to_dict() == p.to_dict()
    assert back.validate() == p.validate()


@given(ops, follow)
def test_plan_invariants_hold_after_any_edits(o, f):
    p = build(o, f)
    for day in range(DAYS):
        ids = [i.activity_id for i in p.on_day(day)]
        assert len(ids) <= MAX_PER_DAY and len(ids) == len(set(ids))
    cats = {i.category for i in p.items}
    has_pred = all(i.predicted is not None for i in p.items)
    assert p.is_valid == (2 <= len(p.items) <= 10 and {"pleasure", "mastery"} <= cats and has_pred)


@settings(max_examples=60)
@given(ops, follow)
def test_every_payload_validates_against_the_schema(o, f):
    p = build(o, f)
    for item in p.items:
        if item.predicted is None:
            with pytest.raises(ValueError):
                activity_planned_payload(item)
            continue
        assert validate_payload("activity_planned", activity_planned_payload(item)) == []
        if item.status:
            payload = activity_followed_up_payload(item)
            assert validate_payload("activity_followed_up", payload) == []
            assert (payload["actual_enjoyment"] is None) == (item.status == "not_yet")


def test_followed_up_payload_needs_a_follow_up():
    p = valid_plan()
    with pytest.raises(ValueError):
        activity_followed_up_payload(p.items[0])
    assert p.followed_up_payloads() == []
    assert len(p.planned_payloads()) == 2


@pytest.mark.parametrize("bad", [
    None, {"plan_date": D}, {"plan_date": "soon", "items": []},
    {"plan_date": D, "items": [{"uid": 1, "activity_id": "a", "category": "fun", "day_offset": 0}]},
    {"plan_date": D, "items": [{"uid": 1, "activity_id": "a", "category": "social", "day_offset": 7}]},
    {"plan_date": D, "items": [{"uid": 1, "activity_id": "a", "category": "social", "day_offset": 0,
                                "predicted": 5, "status": "done", "actual": None}]},
    {"plan_date": D, "items": [{"uid": 1, "activity_id": "a", "category": "social", "day_offset": 0,
                                "predicted": 5, "status": "not_yet", "actual": 3}]},
    {"plan_date": D, "items": [{"uid": 1, "activity_id": "a", "category": "social", "day_offset": 0},
                               {"uid": 1, "activity_id": "b", "category": "social", "day_offset": 1}]},
])
def test_plan_from_bad_data_raises_value_error(bad):
    with pytest.raises(ValueError):
        WeekPlan.from_dict(bad)


def test_loaded_plan_continues_uids():
    p = valid_plan()
    back = WeekPlan.from_dict(p.to_dict())
    new = back.add(DOG, 3, 5)
    assert new.uid not in {i.uid for i in p.items}


# --- real-world challenges -------------------------------------------------------------------------

CH = Challenge("l1_notice_mood", "Notice your mood once a day.", "level1")


def test_committed_challenge_is_followed_up_next_level():
    log = ChallengeLog()
    rec = log.set(CH, True, "2026-09-01")
    assert log.due_follow_up() is rec
    saved = json.loads(json.dumps(log.to_dict()))
    log2 = ChallengeLog.from_dict(saved)           # next week, a new session
    due = log2.due_follow_up()
    assert due is not None and due.text == CH.text
    resp = log2.follow_up("partly", "2026-09-08")
    assert resp.message == response_for("partly") and "counts" in resp.message
    assert log2.due_follow_up() is None
    assert log2.records[0].followed_up_on == "2026-09-08"


def test_not_committed_is_not_asked_about():
    log = ChallengeLog()
    log.set(CH, False, D)
    assert log.due_follow_up() is None
    with pytest.raises(ValueError):
        log.follow_up("done", D)


def test_newer_challenge_replaces_older_pending_one():
    log = ChallengeLog()
    log.set(CH, True, D)
    newer = log.set(Challenge("l2_one_activity", "Do one planned activity.", "level2"), True, "2026-09-08")
    assert log.due_follow_up() is newer


@pytest.mark.parametrize("status", ["done", "partly", "not_yet"])
def test_challenge_responses_are_kind(status):
    msg = response_for(status)
    assert msg and not any(s in msg.lower() for s in SCOLDING)
    assert "that's ok" in response_for("not_yet").lower()


def test_commit_responses():
    assert "next time" in commit_response(True)
    assert "fine" in commit_response(False).lower()


@pytest.mark.parametrize("status", ["done", "partly", "not_yet"])
@pytest.mark.parametrize("committed", [True, False])
def test_challenge_payloads_validate(status, committed):
    log = ChallengeLog()
    rec = log.set(CH, committed, D)
    assert validate_payload("challenge_set", challenge_set_payload(rec)) == []
    assert challenge_set_payload(CH, committed) == {"challenge_id": CH.id, "committed": committed}
    if committed:
        log.follow_up(status, D)
        assert validate_payload("challenge_followed_up", challenge_followed_up_payload(rec)) == []
    else:
        with pytest.raises(ValueError):
            challenge_followed_up_payload(rec)


records = st.builds(
    ChallengeRecord,
    st.text(min_size=1, max_size=10), st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=8),
    st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10),
    st.booleans(), st.sampled_from([None, "done", "partly", "not_yet"]),
    st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)),
)


@given(st.lists(records, max_size=10))
def test_challenge_log_round_trips(recs):
    log = ChallengeLog(recs)
    back = ChallengeLog.from_dict(json.loads(json.dumps(log.to_dict())))
    assert back == log


@pytest.mark.parametrize("bad", [
    None, {"records": None},
    {"records": [{"challenge_id": "a", "text": "t", "level_id": "l", "set_on": D, "committed": "yes"}]},
    {"records": [{"challenge_id": "a", "text": "t", "level_id": "l", "set_on": D, "committed": True,
                  "status": "maybe"}]},
])
def test_challenge_log_from_bad_data(bad):
    with pytest.raises(ValueError):
        ChallengeLog.from_dict(bad)


def test_challenge_needs_id_text_and_level():
    with pytest.raises(ValueError):
        Challenge("", "Do it", "level1")


# --- no pygame in the rules ------------------------------------------------------------------------

def test_rules_and_content_modules_never_import_pygame():
    code = (
        "import sys\n"
        "import game.mechanics.activities, game.mechanics.mood, game.mechanics.challenges\n"
        "import game.content.activities\n"
        "print('pygame' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "False"


def test_categories_match_the_schema():
    from game.research.schema import CATEGORIES as schema_categories

    assert CATEGORIES == schema_categories
    assert isinstance(PlannedItem(1, "a", "social", 0).to_dict(), dict)


def test_an_older_plan_is_still_followed_up_after_a_newer_one_is_made():
    old = valid_plan()
    old.session = 1
    new = WeekPlan("2026-09-20")
    new.add(FUN, 3, 6)
    new.add(HOMEWORK, 4, 5)
    new.session = 2
    book = PlanBook()
    book.commit(old)
    book.commit(new)
    # the newer plan's days have not come yet: the older plan is asked about
    plan, items = book.pending_follow_up("2026-09-21", session=3)
    assert plan is old and {i.activity_id for i in items} == {FUN.id, HOMEWORK.id}
    for it in items:
        old.record_followup(it.uid, "done", 7)
    # once the older one is answered and the newer one is due, the newer one comes next
    plan, items = book.pending_follow_up("2026-09-25", session=4)
    assert plan is new
    assert book.pending_follow_up("2026-09-17", session=1) is None  # nothing right after planning
