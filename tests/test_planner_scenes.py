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
        yield from sp.new_profile("Kai")
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
        yield from sp.new_profile("Ana")
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


# ---------------------------------------------------------------------- big text: every step of these screens
# tests/test_text_scale.py checks the first step of every screen at 100-200 %; these walk every step
# (pages, stages, views, the guess) at 200 % with the dyslexia font and at 150 %, and check the same
# things, plus the geometry of what the planner and the journal draw themselves.
import warnings  # noqa: E402

import pytest  # noqa: E402

from test_text_scale import DrawSpy, app, frames, problems_on, set_look, with_profile  # noqa: E402,F401  (app: a fixture)

BIG = ((2.0, True), (1.5, False))
SCREEN = pygame.Rect(0, 0, 1280, 720)


class Steps:
    """Looks at the screen on top after each step: as shown, and laid out again (settings changed)."""

    def __init__(self, app, monkeypatch, scale, dyslexia):
        self.app, self.scale, self.dyslexia = app, scale, dyslexia
        self.spy = DrawSpy(monkeypatch)
        self.problems: list[str] = []
        set_look(app, scale, dyslexia)

    def push(self, scene):
        self.app.stack.push(scene)
        self.app.stack.apply()
        frames(self.app, 2)
        return scene

    def do(self, scene, *actions):
        for a in actions:
            scene.handle(a)
            self.app.stack.apply()
            frames(self.app, 1)

    def look(self, scene, label, extra=None):
        tag = f"[{int(self.scale * 100)}%{' dyslexia' if self.dyslexia else ''}] {label}"
        for again in (False, True):
            if again:
                set_look(self.app, 1.0, False)
                set_look(self.app, self.scale, self.dyslexia)
            self.spy.rects.clear()
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                frames(self.app, 2)
                found = problems_on(self.app, scene, self.spy, caught) + (extra(scene) if extra else [])
            self.problems += [f"{tag}{' (relayout)' if again else ''}: {p}" for p in found]

    def close(self):
        while len(self.app.stack.scenes) > 1:
            self.app.stack.pop()
            self.app.stack.apply()
        set_look(self.app, 1.0, False)
        assert not self.problems, "\n".join(self.problems)


def inside(name, rect, area, out):
    if not area.contains(rect):
        out.append(f"{name} {rect} is outside {area}")


def planner_geometry(pl) -> list[str]:
    """What the planner draws itself (cards, days, intro, message, the guess) fits where it goes."""
    from game.ui import draw

    out: list[str] = []
    g, f = pl.g, pl.g["fonts"]
    help_btn = pl.app.help_button.rect
    if pl.cards_shown():
        pal = g["palette"]
        inside("the cards' panel", pal, SCREEN, out)
        left, right = pl.arrow_rects()
        for r in (left, right):
            inside("an arrow", r, pal, out)
            if r.colliderect(help_btn):
                out.append("an arrow is under the Help button")
        if f["title"].size(pl.cat.label(pl.category))[0] > right.x - left.right - 8:
            out.append(f"the category {pl.category!r} is wider than its room")
        lines = draw.wrap(f["expl"], pl.cat.explanation(pl.category), g["expl_w"])
        if g["expl_y"] + len(lines) * g["expl_step"] > g["cards_top"]:
            out.append("the category's explanation runs into the cards")
        font = g["card_font"]
        for i, act in pl.visible_cards():
            r = pl.card_rect(i)
            inside(f"card {act.text!r}", r, pal, out)
            if pl.pages() > 1 and r.bottom > pl.more_rect().top:
                out.append(f"card {act.text!r} runs into 'More cards'")
            room = max(1, min(2, (r.h - 4) // font.get_linesize()))
            if len(draw.wrap(font, act.text, r.w - 76)) > room:
                out.append(f"card {act.text!r} doesn't fit its card")
        if pl.pages() > 1:
            inside("'More cards'", pl.more_rect(), pal, out)
    if pl.week_shown():
        x, y = g["intro_pos"]
        for i, line in enumerate(g["intro"]):
            r = pygame.Rect(x, y + i * g["intro_step"], f["small"].size(line)[0], f["small"].get_linesize())
            inside("the intro", r, SCREEN, out)
            if r.colliderect(help_btn):
                out.append("the intro is under the Help button")
        for d in range(7):
            row = pl.row_rect(d)
            inside(f"day {d}", row, SCREEN, out)
            if row.bottom > g["msg"].top:
                out.append(f"day {d} runs into the message line")
            label = f["small_bold"].size(pl.day_label(d))[0] if g["one_line_days"] else \
                max(f["day"].size(pl.day_label(d) if d < 2 else pl.date_label(d))[0], f["small"].size(pl.date_label(d))[0])
            if label > g["day_w"] - 10:
                out.append(f"day {d}'s name doesn't fit")
            for s in range(3):
                inside(f"slot {d}.{s}", pl.slot_rect(d, s), row, out)
    inside("the message line", g["msg"], SCREEN, out)
    for btn in pl.buttons.values():
        if btn.rect.colliderect(g["msg"]):
            out.append(f"button {btn.text!r} covers the message line")
    if len(draw.wrap(f["small"], pl.message, g["msg"].w)) > 2:
        out.append(f"message {pl.message!r} is longer than two lines")
    if pl.prompt is not None:
        p = pl.prompt
        inside("the guess", p["rect"], SCREEN, out)
        inside("the numbers", p["picker"].rect, p["rect"], out)
        lines, y = p["hint"]
        if y + len(lines) * f["small"].get_linesize() > p["rect"].bottom:
            out.append("the guess's hint runs out of its card")
        for line in p["q"][0]:
            if f["title"].size(line)[0] > p["q"][2]:
                out.append("the guess's question is too wide")
    return out


@pytest.mark.parametrize("scale,dyslexia", BIG)
def test_every_planner_step_fits_at_big_text(app, monkeypatch, scale, dyslexia):
    from game.scenes.planner import PlannerScene

    with_profile(app)
    st = Steps(app, monkeypatch, scale, dyslexia)
    pl = st.push(PlannerScene(app))
    look = (lambda label: st.look(pl, label, planner_geometry))
    look("the start")
    if pl.compact:                  # big text starts on the week (title, what to do); Left: the cards
        assert pl.view == "week" and pl.buttons["view"].text == "Add activities"
        st.do(pl, Action(A.LEFT))
        assert pl.view == "cards"
        look("the cards")
    st.do(pl, Action(A.CONFIRM))
    look("a card held (keys)")
    st.do(pl, Action(A.DOWN), Action(A.CONFIRM))
    assert pl.prompt is not None
    look("the guess")
    st.do(pl, Action(A.RIGHT), Action(A.CONFIRM))
    look("the week, one card on it")
    pl.cursor = (pl.cursor[0], 0)
    st.do(pl, Action(A.LEFT))
    pl.pal_index = 0
    st.do(pl, Action(A.UP), Action(A.RIGHT))
    assert pl.category == "mastery"
    look("another category")
    c = pl.card_rect(pl.page * pl.page_size).center
    st.do(pl, pointer(A.POINTER_DOWN, c), pointer(A.POINTER_UP, c))
    look("a card picked with a click")
    d = pl.row_rect(3).center
    st.do(pl, pointer(A.POINTER_DOWN, d), pointer(A.POINTER_UP, d), Action(A.CONFIRM))
    assert [i.day_offset for i in pl.plan.items] == [1, 3]
    look("the week, two cards on it")
    pl.cursor = (1, 0)
    st.do(pl, Action(A.CONFIRM), Action(A.LEFT))
    look("taking a card off (keys)")
    st.do(pl, Action(A.CANCEL))
    src = pl.slot_rect(3, 0).center
    st.do(pl, pointer(A.POINTER_DOWN, src), pointer(A.POINTER_MOVE, (src[0] + 30, src[1] + 20)),
          pointer(A.POINTER_MOVE, pl.row_rect(5).center))
    look("dragging a placed card")
    st.do(pl, pointer(A.POINTER_UP, pl.row_rect(5).center))
    assert [i.day_offset for i in pl.plan.items] == [1, 5]
    if pl.compact:
        st.do(pl, Action(A.PRESS, "view"))
        assert pl.view == "cards" and pl.buttons["view"].text == "See my week"
    m = pl.more_rect().center
    st.do(pl, pointer(A.POINTER_DOWN, m), pointer(A.POINTER_UP, m))
    assert pl.page == 1
    look("more cards")
    pl.zone = "buttons"
    pl.set_focus("save")
    st.do(pl, Action(A.RIGHT))
    look("the buttons")
    st.close()


@pytest.mark.parametrize("scale,dyslexia", BIG)
def test_every_follow_up_and_challenge_step_fits_at_big_text(app, monkeypatch, scale, dyslexia):
    from game.mechanics.challenges import ChallengeRecord
    from game.scenes.challenge import ChallengeFollowUpScene, ChallengeSetScene
    from game.scenes.planner import FollowUpScene, catalogue

    with_profile(app)
    st = Steps(app, monkeypatch, scale, dyslexia)

    def card_fits(scene):
        bottom = scene.content_top + sum(h for h, _p in scene.rows)
        tops = [b.rect.top for b in scene.buttons.values()] or [scene.rect.bottom]
        out = [] if bottom <= min(tops) else [f"the {scene.stage} text runs into the buttons"]
        inside("the card", scene.rect, SCREEN, out)
        return out

    cat = catalogue()
    plan = WeekPlan("2026-08-25", session=0)
    items = [plan.add(cat.by_category("pleasure")[0], 0, 6), plan.add(cat.by_category("mastery")[3], 1, 3)]
    fu = st.push(FollowUpScene(app, plan, items))
    st.look(fu, "follow-up: did you do it?", card_fits)
    st.do(fu, Action(A.PRESS, "partly"))
    st.look(fu, "follow-up: how much did you enjoy it?", card_fits)
    st.do(fu, Action(A.LEFT), Action(A.LEFT), Action(A.LEFT), Action(A.CONFIRM))
    assert fu.stage == "feedback" and fu.feedback.gap.kind == "less"
    st.look(fu, "follow-up: the feedback (the longest)", card_fits)
    st.do(fu, Action(A.PRESS, "next"), Action(A.PRESS, "not_yet"))
    st.look(fu, "follow-up: not yet", card_fits)
    st.do(fu, Action(A.PRESS, "next"))
    assert fu.stage == "summary"
    st.look(fu, "follow-up: the summary", card_fits)
    st.do(fu, Action(A.PRESS, "next"))
    level2 = app.ctx.level("level2_spark_up")
    ch = st.push(ChallengeSetScene(app, level2))
    st.look(ch, "challenge: set")
    st.do(ch, Action(A.PRESS, "commit"))
    st.look(ch, "challenge: the reply")
    st.do(ch, Action(A.PRESS, "continue"))
    rec = ChallengeRecord("l2_one_activity", "Try the activities you planned this week. Afterwards, notice how "
                          "much you enjoyed each one, from 0 to 10.", level2.id, "2026-08-25", True)
    cf = st.push(ChallengeFollowUpScene(app, rec))
    st.look(cf, "challenge: how did it go?")
    st.do(cf, Action(A.PRESS, "partly"))
    st.look(cf, "challenge: thanks")
    st.close()


@pytest.mark.parametrize("scale,dyslexia", BIG)
def test_every_mood_page_and_journal_page_fits_at_big_text(app, monkeypatch, scale, dyslexia):
    from datetime import date, timedelta

    from game.scenes.journal import JournalScene
    from game.scenes.mood import LowMoodScene, MoodChartScene, MoodCheckinScene, local_date
    from game.scenes.planner import catalogue, plan_book, save_book

    profile = with_profile(app)
    saved = {k: profile.data.get(k) for k in ("mood_history", "plans", "journal")}
    st = Steps(app, monkeypatch, scale, dyslexia)
    try:
        checkin = st.push(MoodCheckinScene(app, "session_end"))
        st.look(checkin, "check-in")
        st.do(checkin, *[Action(A.LEFT)] * 10, Action(A.CONFIRM))
        low = app.stack.top
        assert isinstance(low, LowMoodScene)
        pages = len(low.pages)
        for i in range(pages):
            st.look(low, f"low mood, page {i + 1} of {pages}")
            st.do(low, Action(A.DOWN))
        text = " ".join(low.pages)
        assert "116 111" in text and "ask for help" in text        # all of it, over the pages
        st.do(low, Action(A.PRESS, "back"))
        # the chart with two weeks of check-ins and activities done
        today = date.fromisoformat(local_date(app.ctx.clock))
        profile.data["mood_history"] = [{"date": (today - timedelta(days=k)).isoformat(), "value": (3 + 7 * k) % 11,
                                         "moment": "level_start", "level_id": None} for k in range(14) if k % 3 != 1]
        cat = catalogue()
        plan = WeekPlan((today - timedelta(days=9)).isoformat(), session=0)
        for c, day in (("pleasure", 0), ("mastery", 2), ("social", 2), ("physical", 5)):
            it = plan.add(cat.by_category(c)[0], day, 5)
            plan.record_followup(it.uid, "done", 7)
        book = plan_book(profile)
        book.commit(plan)
        save_book(profile, book)
        chart = st.push(MoodChartScene(app))

        def chart_fits(scene):
            out = []
            inside("the plot", scene.plot.inflate(0, 8), scene.rect, out)
            inside("the activities", scene.acts, scene.rect, out)
            for r in scene.look.get("legend", []):
                inside("the legend", pygame.Rect(r[0], r[1], 40, 20), scene.rect, out)
            return out
        for i in range(chart.pages):
            st.look(chart, f"chart, page {i + 1} of {chart.pages}", chart_fits)
            st.do(chart, Action(A.PRESS, "page"))
        st.do(chart, Action(A.PRESS, "back"))
        # the journal: a long record over its pages, then a short one
        rec = {"kind": "thought_record", "date": "2026-09-02T10:00:00.000Z", "situation": "Lunch break, the table by the window was full",
               "thought": "Nobody in my class wants to sit with me at lunch", "feeling": "sad", "feeling_before": 60,
               "feeling_after": 40, "belief_before": 70, "belief_after": 30, "trap_name": "Crystal Ball",
               "evidence_for": ["Nobody waved at me today", "I sat alone on Monday"],
               "evidence_against": ["My friend smiled at me this morning before class started",
                                    "She answered my message yesterday", "We made plans for the weekend"],
               "balanced_thought": "Some people do like me, and one lunch doesn't decide everything", "wrote_own": True}
        profile.data["journal"] = [dict(rec, thought="Short one", evidence_for=["a"], evidence_against=["b"]), rec]
        journal = st.push(JournalScene(app))

        def journal_fits(scene):
            bottom = scene.content_top + sum(sec[0] for sec in scene.parts[scene.part])
            top = min(b.rect.top for b in scene.buttons.values())
            return [] if bottom <= top else [f"record {scene.index} page {scene.part} runs into the buttons"]
        seen = []
        while True:
            st.look(journal, f"journal, record {journal.index + 1} page {journal.part + 1}", journal_fits)
            seen.append((journal.index, journal.part))
            if not journal.buttons["older"].is_enabled or len(seen) > 12:
                break
            st.do(journal, Action(A.PRESS, "older"))
        assert journal.index == 1 and 2 <= len(seen) <= 12 and len(set(seen)) == len(seen)
        st.do(journal, Action(A.PRESS, "newer"))
        assert (journal.index, journal.part) == seen[-2]           # one page back
    finally:
        for k, v in saved.items():
            if v is None:
                profile.data.pop(k, None)
            else:
                profile.data[k] = v
    st.close()
