"""How a scripted player practises at the level 5–7 spots (problem board, speak-up stall, ally
map, skills review, toolkit card): used by ``selftest --all-levels`` and the tests. The player uses
the mouse for some choices and the keyboard for others, and makes a wrong choice where the screen
offers feedback.
"""
from __future__ import annotations

from game.input.actions import A, Action, pointer
from game.scripted import PRACTICE, ScriptFailed

OWN_IDEA = "Ask a neighbour for a hand"   # typed by the player: must never reach an event


def reveal(sp, key):
    """Bring a card into view the way a player would: "More cards", or « Back to the people."""
    for _ in range(12):
        top = sp.top()
        if top.slot(key) is not None or key in top.buttons:
            return
        via = top.way_to(key)
        if via is None:
            break
        yield from sp.press(via)
    if sp.top().slot(key) is None:
        raise ScriptFailed(f"no {key!r} on the {sp.top().name} screen")


def click(sp, key):
    """Mouse: click the centre of a card (or press a footer button)."""
    yield from reveal(sp, key)
    top = sp.top()
    if key in top.buttons:
        yield from sp.press(key)
        return
    s = top.slot(key)
    if s is None:
        raise ScriptFailed(f"no {key!r} on the {top.name} screen")
    yield [pointer(A.POINTER_DOWN, s.rect.center), pointer(A.POINTER_UP, s.rect.center)]
    yield None


def keys_to(sp, key):
    """Keyboard: arrows until ``key`` has the focus, then Enter."""
    yield from reveal(sp, key)
    top = sp.top()
    target = top.slot(key)
    if target is None:
        raise ScriptFailed(f"no {key!r} on the {top.name} screen")
    for _ in range(30):
        cur = top.slot(top.focus_key)
        if top.focus_key == key:
            break
        t, c = target.rect, cur.rect
        if t.top < c.bottom and t.bottom > c.top:
            d = A.RIGHT if t.centerx > c.centerx else A.LEFT
        else:
            d = A.DOWN if t.centery > c.centery else A.UP
        yield [Action(d)]
        yield None
    if top.focus_key != key:
        raise ScriptFailed(f"could not reach {key!r} with the arrow keys (focus on {top.focus_key!r})")
    yield [Action(A.CONFIRM)]
    yield None


def open_spot(sp, key):
    play = sp.play_scene()
    obj = next(o for o in play.world.lmap.objects if o.kind == "practice" and o.prop("practice") == key)
    yield from sp.walk_to(obj.tiles[0], adjacent=True)
    yield from sp.face(obj.tiles[0])
    yield from sp.key(A.CONFIRM)
    yield from sp.wait_for(lambda: getattr(sp.top(), "key", None) == key, f"the {key} screen", 120)


def finish_spot(sp):
    yield from sp.press("finish")
    yield from sp.wait_scene("dialogue", 60)       # the guide's closing words
    yield from sp.read_dialogue()
    yield from sp.wait_scene("play", 60)


def enter_level(sp, level_id):
    yield from sp.wait_scene("journey")
    yield from sp.press(f"level:{level_id}")
    yield from sp.wait_for(lambda: getattr(sp.top(), "name", None) == "play" and sp.top().world is not None,
                           "the level to load", 900)


def leave_level(sp):
    play = sp.play_scene()
    objs = play.world.lmap.objects
    for obj in [o for o in objs if o.kind in ("npc", "sign")]:
        yield from sp.talk_to(obj)
    for cp in [o for o in objs if o.kind == "checkpoint"]:
        yield from sp.walk_to(cp.tiles[0])
    exit_obj = next(o for o in objs if o.kind == "exit")
    yield from sp.walk_to(exit_obj.tiles[0])
    yield from sp.wait_scene("level_complete", 600)
    yield from sp.press("continue")


def play_problem(sp, shots=None, own_idea=OWN_IDEA):
    yield from open_spot(sp, "problem_board")
    shot = shots or (lambda name: iter(()))
    yield from shot("l5-1-choose")
    top = sp.top()
    problem = top.problems[0]
    yield from click(sp, f"problem:{problem.id}")
    vague = next(d for d in problem.definitions if not d.clear)
    clear = next(d for d in problem.definitions if d.clear)
    yield from keys_to(sp, f"def:{vague.id}")          # a vague one first: kind feedback, try again
    yield from shot("l5-2-define-wrong")
    yield from click(sp, f"def:{clear.id}")
    yield from shot("l5-3-define-right")
    yield from sp.press("next")
    yield from click(sp, f"idea:{problem.options[0].id}")
    yield from keys_to(sp, f"idea:{problem.options[3].id}")
    yield from sp.key(A.TEXT, own_idea)
    yield from click(sp, "add_own")
    yield from shot("l5-4-brainstorm")
    yield from sp.press("next")
    for rating in ("yes", "no", "maybe"):
        yield from (keys_to if rating == "no" else click)(sp, f"rate:{rating}")
        if rating == "yes":
            yield from shot("l5-5-weigh")
    yield from sp.press("next")
    yield from shot("l5-6-plan")
    yield from click(sp, f"choose:{problem.options[0].id}")
    yield from shot("l5-7-step")
    yield from keys_to(sp, f"step:{problem.options[0].steps[0].id}")
    yield from shot("l5-8-schedule")
    yield from click(sp, "day:2")
    yield from shot("l5-9-done")
    yield from finish_spot(sp)


def play_assertive(sp, shots=None):
    shot = shots or (lambda name: iter(()))
    yield from open_spot(sp, "speak_up")
    yield from shot("l6-1-situation")
    top = sp.top()
    for i, situation in enumerate(top.practice.situations):
        if i == 0:   # first a passive reply, then an aggressive one, then the assertive one
            for style in ("passive", "aggressive"):
                r = next(r for r in situation.replies if r.style == style)
                yield from click(sp, f"reply:{r.id}")
                if style == "aggressive":
                    yield from shot("l6-2-feedback-aggressive")
        r = next(r for r in situation.replies if r.style == "assertive")
        yield from (keys_to if i % 2 else click)(sp, f"reply:{r.id}")
        if i == 0:
            yield from shot("l6-3-feedback-assertive")
        yield from sp.press("next")
    yield from shot("l6-4-styles")
    yield from finish_spot(sp)


def play_allies(sp, shots=None):
    shot = shots or (lambda name: iter(()))
    yield from open_spot(sp, "ally_map")
    yield from shot("l6-5-allies-empty")
    yield from sp.press("save")                      # nobody placed yet: a nudge, nothing saved
    for person, needs in (("friend", ("fun", "talk")), ("teacher", ("school",)), ("parent", ("talk",))):
        yield from click(sp, f"type:{person}")
        for need in needs:
            yield from click(sp, f"need:{need}")
    yield from keys_to(sp, "type:coach")              # keyboard: pick a person, then a kind of help
    yield from keys_to(sp, "need:fun")
    yield from shot("l6-6-allies-placed")
    yield from sp.press("save")                      # nobody for serious things: the nudge first
    yield from shot("l6-7-allies-nudge")
    yield from click(sp, "type:counsellor")
    yield from click(sp, "need:serious")
    yield from sp.press("save")
    yield from shot("l6-8-allies-saved")
    yield from finish_spot(sp)


def play_review(sp, shots=None):
    shot = shots or (lambda name: iter(()))
    yield from open_spot(sp, "skills_review")
    yield from shot("l7-1-review")
    top = sp.top()
    for i, q in enumerate(top.review.questions):
        pick = next(o for o in q.options if o.correct) if i != 1 else next(o for o in q.options if not o.correct)
        yield from (keys_to if i % 2 else click)(sp, f"option:{pick.id}")
        if i in (0, 1):
            yield from shot(f"l7-2-review-answer-{i}")
        yield from sp.press("next")
    yield from shot("l7-3-review-done")
    yield from finish_spot(sp)


def play_toolkit(sp, shots=None):
    shot = shots or (lambda name: iter(()))
    yield from open_spot(sp, "toolkit")
    yield from shot("l7-4-toolkit")
    top = sp.top()
    yield from sp.press("save")                      # an empty card: told what is missing
    for section in ("skills", "signs", "helps", "people"):
        yield from click(sp, f"tab:{section}")
        items = top.card.items[section]
        yield from click(sp, f"item:{items[0].id}")
        if len(items) > 1:
            yield from keys_to(sp, f"item:{items[1].id}")
    yield from shot("l7-5-toolkit-picked")
    yield from sp.press("save")
    yield from sp.wait_for(lambda: top.saved_path is not None, "the card to be saved", 60)
    yield from shot("l7-6-toolkit-saved")
    yield from finish_spot(sp)



ROUTINES = {"problem_board": play_problem, "speak_up": play_assertive, "ally_map": play_allies,
            "skills_review": play_review, "toolkit": play_toolkit}


def scripted_practice(sp, obj):
    key = obj.prop("practice")
    if sp.play_scene().is_done("practice", key):
        return
    routine = ROUTINES.get(key)
    if routine is None:
        raise ScriptFailed(f"the scripted player has no routine for practice {key!r}")
    yield from routine(sp)


PRACTICE["practice"] = scripted_practice
