"""Issue 5 through the real app: plan a week in level 2 (mouse drag and keyboard), quit, come back
days later, follow up, find the events and the chart data; mood check-ins and the low-mood rule;
the real-world challenge set at a level end and followed up at the next level."""

import pygame

from game.boot import DefaultDeployment
from game.clock import FakeClock
from game.input.actions import A, Action, pointer
from game.input.mapper import InputMapper
from game.mechanics.activities import WeekPlan, chart_data
from game.runner import run_game
from game.scripted import ScriptedPlayer
from game.store.eventlog import read_all_events
from game.store.profiles import ProfileStore
from helpers import args, consenting  # noqa: E402

MANUAL = frozenset({"mood_checkin", "low_mood", "activity_follow_up", "challenge_set", "challenge_follow_up"})
LEVEL2 = "level2_spark_up"


def events_in_order(tmp):
    return sorted(read_all_events(tmp / "logs"), key=lambda e: (e["ts_utc"], e["event_seq"]))


def run(tmp, clock, script):
    sp = ScriptedPlayer(script, max_frames=20000)
    sp.manual = MANUAL   # this test answers every check-in and follow-up itself
    rc = run_game(args(tmp), headless=True, driver=sp, deployment=DefaultDeployment(research_enabled=True),
                  clock=clock, on_app=consenting)
    assert rc == 0
    assert sp.error is None, sp.log[-10:]
    return sp


def click(sp, pos):
    yield [pointer(A.POINTER_DOWN, pos)]
    yield [pointer(A.POINTER_UP, pos)]
    yield None


def choose_on_scale(sp, picker, value):
    """Keyboard: from the highlighted value to ``value``, then Enter (one action in the player's eyes)."""
    while picker.cursor != value:
        yield from sp.key(A.RIGHT if picker.cursor < value else A.LEFT)
    yield from sp.key(A.CONFIRM)


def test_plan_a_week_quit_come_back_follow_up_and_chart(tmp_path):
    clock = FakeClock()
    seen = {}

    def first(sp):
        yield from sp.wait_scene("title")
        yield from sp.press("play")
        yield from sp.wait_scene("profiles")
        yield from sp.press("new")
        yield from sp.wait_scene("new_profile")
        yield from sp.key(A.TEXT, "Kai")
        yield from sp.press("create")
        # session-start check-in: one click on face 7
        yield from sp.wait_scene("mood_checkin")
        checkin = sp.top()
        assert checkin.moment == "session_start"
        yield from click(sp, checkin.picker.cell(7).center)
        yield from sp.wait_scene("journey")
        sp.app.ctx.profile.level_state("level1_mood_map")["completed"] = True   # level 2 is open
        sp.app.stack.top.resume()
        assert sp.app.stack.top.buttons[f"level:{LEVEL2}"].is_enabled
        yield from sp.press(f"level:{LEVEL2}")
        yield from sp.wait_scene("mood_checkin")
        assert sp.top().moment == "level_start"
        yield from sp.key(A.CANCEL)            # skip is always there
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "the level")
        play = sp.play_scene()
        # the week board in the park opens the planner
        board = next(o for o in play.world.lmap.objects if o.kind == "planner")
        yield from sp.walk_to(board.tiles[0], adjacent=True)
        yield from sp.face(board.tiles[0])
        yield from sp.key(A.CONFIRM)
        yield from sp.wait_scene("planner")
        pl = sp.top()
        assert pl.category == "pleasure"
        fun = pl.cards()[0]
        # mouse: drag the first Fun card onto today
        src, dst = pl.card_rect(0).center, pl.slot_rect(0, 0).center
        yield [pointer(A.POINTER_DOWN, src)]
        yield [pointer(A.POINTER_MOVE, (src[0] + 60, src[1]))]
        yield [pointer(A.POINTER_MOVE, dst)]
        yield [pointer(A.POINTER_UP, dst)]
        yield None
        assert [(i.activity_id, i.day_offset) for i in pl.plan.items] == [(fun.id, 0)]
        assert pl.prompt is not None              # guess the enjoyment next
        yield from click(sp, pl.prompt["picker"].cell(8).center)
        assert pl.plan.items[0].predicted == 8 and pl.prompt is None
        # saving now is refused kindly: no achievement card yet
        yield from sp.press("save")
        assert "achievement" in pl.message.lower()
        assert sp.top() is pl
        # keyboard: category row, Right to Achievement, pick the first card, two days down, drop
        pl.zone, pl.pal_index = "palette", 0
        yield from sp.key(A.UP)
        assert pl.pal_index == -1
        yield from sp.key(A.RIGHT)
        assert pl.category == "mastery"
        yield from sp.key(A.DOWN)
        mastery = pl.cards()[0]
        yield from sp.key(A.CONFIRM)
        assert pl.holding is not None and pl.holding["activity"] is mastery
        yield from sp.key(A.DOWN)
        yield from sp.key(A.DOWN)
        target = pl.holding["day"]
        yield from sp.key(A.CONFIRM)
        assert pl.prompt is not None
        yield from choose_on_scale(sp, pl.prompt["picker"], 4)
        assert [(i.activity_id, i.day_offset, i.predicted) for i in pl.plan.items] == [
            (fun.id, 0, 8), (mastery.id, target, 4)]
        assert "looks good" in pl.message
        yield from sp.press("save")
        yield from sp.wait_scene("message")
        seen.update(fun=fun.id, mastery=mastery.id, target=target)
        book = sp.app.ctx.profile.data["plans"]
        assert len(book) == 1 and len(book[0]["items"]) == 2
        yield from sp.press("ok")
        yield from sp.wait_scene("play")
        # quit from the pause menu: the session-end check-in comes first and can be skipped
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.press("quit")
        yield from sp.wait_scene("mood_checkin")
        assert sp.top().moment == "session_end"
        sp.done = True
        yield [Action(A.PRESS, "skip")]

    run(tmp_path, clock, first)
    events = events_in_order(tmp_path)
    planned = [e["payload"] for e in events if e["event_type"] == "activity_planned"]
    assert planned == [
        {"activity_id": seen["fun"], "category": "pleasure", "day_offset": 0, "predicted_enjoyment": 8},
        {"activity_id": seen["mastery"], "category": "mastery", "day_offset": seen["target"], "predicted_enjoyment": 4},
    ]
    moods = [(e["payload"]["value"], e["payload"]["moment"]) for e in events if e["event_type"] == "mood_checkin"]
    assert moods == [(7, "session_start")]          # the two skipped check-ins leave no event

    # three days later: a new app on the same data folder
    clock.advance(3 * 24 * 3600)

    def second(sp):
        yield from sp.wait_scene("title")
        yield from sp.press("continue")
        yield from sp.wait_scene("mood_checkin")
        yield from choose_on_scale(sp, sp.top().picker, 2)
        # 2 or lower: the warm message with the help content, before play goes on
        yield from sp.wait_scene("low_mood")
        text = " ".join(getattr(el, "html_text", "") for el in sp.top().elements)
        assert "ask for help" in text and "116 111" in text
        assert "suicid" not in text.lower() and "self-harm" not in text.lower()
        yield from sp.press("back")
        # then the follow-up of both planned activities (their days have come)
        yield from sp.wait_scene("activity_follow_up")
        fu = sp.top()
        assert [i.activity_id for i in fu.items] == [seen["fun"], seen["mastery"]]
        yield from sp.press("done")
        assert fu.stage == "rate"
        yield from choose_on_scale(sp, fu.picker, 10)
        assert fu.stage == "feedback" and fu.feedback.gap.kind == "more"
        assert "more than you expected" in fu.feedback.message
        yield from sp.press("next")
        yield from sp.press("not_yet")
        assert fu.stage == "feedback" and fu.feedback.gap is None
        assert "That's OK" in fu.feedback.message      # never a scolding word for "not yet"
        yield from sp.press("next")
        assert fu.stage == "summary"
        yield from sp.press("next")
        yield from sp.wait_scene("journey")
        # the chart is one button away on the journey
        yield from sp.press("mood_chart")
        yield from sp.wait_scene("mood_chart")
        chart = sp.top()
        assert chart.data.days[-1].moods == (2,)
        assert seen["fun"] in chart.data.days[-4].activity_ids      # done three days ago
        yield from sp.press("back")
        yield from sp.wait_scene("journey")
        # back to the title: the session-end check-in; 3 after 2 is two low in a row
        yield from sp.press("title")
        yield from sp.wait_scene("mood_checkin")
        yield from choose_on_scale(sp, sp.top().picker, 3)
        yield from sp.wait_scene("low_mood")
        yield from sp.press("back")
        yield from sp.wait_scene("title")
        yield from sp.finish_with("quit")

    run(tmp_path, clock, second)
    events = events_in_order(tmp_path)
    follow = [e["payload"] for e in events if e["event_type"] == "activity_followed_up"]
    assert follow == [
        {"activity_id": seen["fun"], "category": "pleasure", "status": "done",
         "predicted_enjoyment": 8, "actual_enjoyment": 10},
        {"activity_id": seen["mastery"], "category": "mastery", "status": "not_yet",
         "predicted_enjoyment": 4, "actual_enjoyment": None},
    ]
    moods = [(e["payload"]["value"], e["payload"]["moment"]) for e in events if e["event_type"] == "mood_checkin"]
    assert moods == [(7, "session_start"), (2, "session_start"), (3, "session_end")]
    low = [e["payload"] for e in events if e["event_type"] == "low_mood_message_shown"]
    assert low == [{"value": 2, "rule": "very_low"}, {"value": 3, "rule": "two_low_in_a_row"}]
    helps = [e["payload"] for e in events if e["event_type"] == "help_opened"]
    assert helps == [{"screen": "mood_checkin", "via": "low_mood"}] * 2
    # the save holds the plan, the follow-ups and the moods; the chart data comes from them
    [summary] = ProfileStore(tmp_path / "profiles").list_profiles()
    doc = ProfileStore(tmp_path / "profiles").load(summary.profile_id).data
    plan = WeekPlan.from_dict(doc["plans"][0])
    assert [i.status for i in plan.items] == ["done", "not_yet"]
    data = chart_data(doc["mood_history"], [plan])
    assert data.dates[0] == plan.plan_date and len(data.days) == 4
    assert data.days[0].moods == (7,) and data.days[0].done == 1 and data.days[0].activity_ids == (seen["fun"],)
    assert data.days[-1].moods == (2, 3) and data.days[-1].activities == 0


def test_challenge_is_set_at_level_end_and_followed_up_at_the_next_level(tmp_path):
    clock = FakeClock()

    def first(sp):
        yield from sp.wait_scene("title")
        yield from sp.press("play")
        yield from sp.wait_scene("profiles")
        yield from sp.press("new")
        yield from sp.wait_scene("new_profile")
        yield from sp.key(A.TEXT, "Ana")
        yield from sp.press("create")
        yield from sp.wait_scene("mood_checkin")
        yield from sp.key(A.CANCEL)
        yield from sp.wait_scene("journey")
        yield from sp.press("level:level1_mood_map")
        yield from sp.wait_scene("mood_checkin")
        yield from choose_on_scale(sp, sp.top().picker, 6)
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "the level")
        sp.play_scene().complete()
        yield from sp.wait_scene("challenge_set")
        level = sp.app.ctx.level("level1_mood_map")
        yield from sp.press("commit")
        assert "ask how it went next time" in " ".join(getattr(el, "html_text", "") for el in sp.top().elements)
        yield from sp.press("continue")
        yield from sp.wait_scene("mood_checkin")
        assert sp.top().moment == "level_end"
        yield from choose_on_scale(sp, sp.top().picker, 8)
        yield from sp.wait_scene("level_complete")
        # the challenge text is not shown a second time, only a reminder
        body = " ".join(getattr(el, "html_text", "") for el in sp.top().elements)
        assert level.content.challenge.text not in body
        assert "ask how it went" in body
        yield from sp.press("continue")
        yield from sp.wait_scene("journey")
        # the next level asks how it went
        yield from sp.press(f"level:{LEVEL2}")
        yield from sp.wait_scene("mood_checkin")
        yield from sp.key(A.CANCEL)
        yield from sp.wait_scene("challenge_follow_up")
        assert level.content.challenge.text in " ".join(getattr(el, "html_text", "") for el in sp.top().elements)
        yield from sp.press("partly")
        assert "counts" in " ".join(getattr(el, "html_text", "") for el in sp.top().elements)
        yield from sp.press("continue")
        yield from sp.wait_scene("play")
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from sp.press("quit")
        yield from sp.wait_scene("mood_checkin")
        sp.done = True
        yield [Action(A.PRESS, "skip")]

    run(tmp_path, clock, first)
    events = events_in_order(tmp_path)
    by_type = {}
    for e in events:
        by_type.setdefault(e["event_type"], []).append(e)
    assert [e["payload"] for e in by_type["challenge_set"]] == [{"challenge_id": "l1_notice_mood", "committed": True}]
    assert by_type["challenge_set"][0]["level_id"] == "level1_mood_map"
    assert [e["payload"] for e in by_type["challenge_followed_up"]] == [
        {"challenge_id": "l1_notice_mood", "status": "partly"}]
    assert by_type["challenge_followed_up"][0]["level_id"] == LEVEL2
    assert [(e["payload"]["moment"], e["level_id"]) for e in by_type["mood_checkin"]] == [
        ("level_start", "level1_mood_map"), ("level_end", "level1_mood_map")]
    # the level-end check-in comes after the completion and before the complete screen
    types = [e["event_type"] for e in events]
    assert types.index("level_completed") < types.index("challenge_set") < types.index("mood_checkin", types.index("level_completed"))


def test_mouse_drag_becomes_pointer_actions():
    m = InputMapper()
    down = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 20), button=1)
    move = pygame.event.Event(pygame.MOUSEMOTION, pos=(30, 40), rel=(20, 20), buttons=(1, 0, 0))
    up = pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(50, 60), button=1)
    assert m.process(move) == []                       # no drag without a press
    assert m.process(down) == [Action(A.POINTER_DOWN, "10,20")]
    assert m.process(move) == [Action(A.POINTER_MOVE, "30,40")]
    assert m.process(up) == [Action(A.POINTER_UP, "50,60")]
    assert m.process(move) == []
    assert m.process(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(1, 1), button=3)) == []


def test_plan_follow_up_waits_for_a_later_day_or_session():
    plan = WeekPlan("2026-09-01", session=1)
    from game.mechanics.activities import Activity

    walk = Activity("walk_dog", "Walk the dog", "physical", "small", "dog")
    draw = Activity("draw", "Draw something", "pleasure", "tiny", "draw")
    plan.add(walk, 0, 5)
    plan.add(draw, 3, 6)
    assert plan.due_for_follow_up("2026-09-01", session=1) == []          # straight after planning
    assert [i.activity_id for i in plan.due_for_follow_up("2026-09-01", session=2)] == ["walk_dog"]
    assert [i.activity_id for i in plan.due_for_follow_up("2026-09-02", session=1)] == ["walk_dog"]
    assert [i.activity_id for i in plan.due_for_follow_up("2026-09-04", session=1)] == ["walk_dog", "draw"]
    plan.record_followup(1, "done", 7)
    assert [i.activity_id for i in plan.due_for_follow_up("2026-09-09")] == ["draw"]
    assert WeekPlan.from_dict(plan.to_dict()).session == 1
