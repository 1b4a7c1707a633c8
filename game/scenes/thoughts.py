"""Thought encounters in the world (issue 4): registers itself when ``game.scenes.plugins`` imports it.

* Map objects of type ``thought`` open their encounter (``g_encounter`` names an entry of the
  level's ``encounters``): ``spot`` -> a trap-spotting round, ``record`` -> a thought record.
* A creature that was beaten (or a case that was closed) is remembered in the level state, drawn
  calm and see-through in the world, and not offered again until the level is finished (a replay
  brings them back). What the spotting rounds learned (traps missed) carries to the next creature.
* The pause menu gets "My journal".
"""
from __future__ import annotations

from typing import Any

from game.content.errors import ContentError
from game.i18n import N_, _
from game.scenes import flow, pause, play
from game.scenes.journal import JournalScene
from game.scenes.thoughts_record import ThoughtRecordScene
from game.scenes.thoughts_spot import TrapSpotScene
from game.scenes.thoughts_ui import creature_frames

DONE_KEY = "thoughts_done"      # level state: encounter keys beaten / closed
MEMORY_KEY = "trap_memory"      # level state: TrapRound.memory() of the last round


def _state(play_scene) -> dict[str, Any]:
    profile = play_scene.ctx.profile
    return profile.level_state(play_scene.level.id) if profile is not None else {}


def _bank():
    from game.content.thoughts import shared_bank

    return shared_bank()


def _reveal_trap(play_scene, key: str) -> str | None:
    enc = play_scene.level.content.encounters.get(key)
    try:
        item = _bank().items.get(enc.thoughts[0]) if enc else None
    except ContentError:
        return None
    return item.traps[0] if item else None


def _sprite_for(play_scene, obj):
    if play_scene.view is None or play_scene.world is None:
        return None
    for actor in play_scene.world.npcs:
        if actor.obj is obj:
            return play_scene.view.npc_sprites.get(id(actor))
    return None


def _set_look(play_scene, obj, calm: bool) -> None:
    spr = _sprite_for(play_scene, obj)
    if spr is None:
        return
    tile = play_scene.world.lmap.tile
    if calm:
        frame = creature_frames(_reveal_trap(play_scene, obj.prop("encounter")), tile)[0].copy()
        frame.set_alpha(110)
    else:
        frame = creature_frames(None, tile)[0]
    spr.frames = {k: frame for k in spr.frames}
    spr.image = frame


def calm_creature(play_scene, obj) -> None:
    """Drawn see-through and revealed; no longer blocks the way or offers "Face it"."""
    obj.props["_gone"] = True
    _set_look(play_scene, obj, calm=True)


def open_encounter(play_scene, obj) -> None:
    from game.scenes.message import MessageScene

    app = play_scene.app
    key = obj.prop("encounter")
    enc = play_scene.level.content.encounters.get(key)
    if enc is None:
        play_scene.show_toast(_("This thought is quiet for now."))
        return
    try:
        bank = _bank()
        items = bank.many(enc.thoughts)
    except ContentError as e:
        app.stack.push(MessageScene(app, _("This encounter could not be opened. Please tell your teacher.") + "\n\n"
                                    + str(e).splitlines()[0], title=_("Content problem")))
        return
    app.audio.play("confirm")
    if enc.mode == "record":
        def closed(record) -> None:
            _finish(play_scene, obj, key, _("Case closed! The record is in your journal."))

        app.stack.push(ThoughtRecordScene(app, items[0], bank.catalogue, on_done=closed))
    else:
        def beaten(trap_round) -> None:
            _state(play_scene)[MEMORY_KEY] = trap_round.memory()
            _finish(play_scene, obj, key, _("The thought creature shrank away!"))

        others = [t for k, e in play_scene.level.content.encounters.items()
                  if k != key and e.mode == "spot" for t in e.thoughts if t in bank.items]
        app.stack.push(TrapSpotScene(app, items, bank.catalogue, encounter=key,
                                     memory=_state(play_scene).get(MEMORY_KEY), on_done=beaten,
                                     reserve=bank.many(dict.fromkeys(others))))


def _finish(play_scene, obj, key: str, toast: str) -> None:
    state = _state(play_scene)
    done = state.setdefault(DONE_KEY, [])
    if key not in done:
        done.append(key)
    calm_creature(play_scene, obj)
    play_scene.mark_done("thought", key)  # the exit may wait for it (g_requires thought:<key>); saves
    play_scene.show_toast(toast)


def _dress_world(app, done, level=None, play=None, **info):
    """Level start: hidden creatures look like thought creatures; beaten ones are calm."""
    if play is not None and play.world is not None:
        beaten = set(_state(play).get(DONE_KEY, []))
        for obj in play.world.lmap.objects:
            if obj.kind == "thought":
                if obj.prop("encounter") in beaten:
                    calm_creature(play, obj)
                else:
                    _set_look(play, obj, calm=False)
    return None


def _reset_on_completion(app, done, level=None, play=None, **info):
    """Level end: a replay meets the creatures again (the trap memory stays)."""
    if play is not None:
        _state(play).pop(DONE_KEY, None)
    return None


def _open_journal(app, play_scene=None) -> JournalScene:
    return JournalScene(app, play_scene)


play.INTERACTIONS["thought"] = open_encounter
if not any(bid == "journal" for bid, _, _ in pause.PAUSE_ITEMS):
    pause.PAUSE_ITEMS.append(("journal", N_("My journal"), _open_journal))
if _dress_world not in flow.LEVEL_START:
    flow.LEVEL_START.insert(0, _dress_world)
if _reset_on_completion not in flow.LEVEL_END:
    flow.LEVEL_END.append(_reset_on_completion)

__all__ = ["TrapSpotScene", "ThoughtRecordScene", "JournalScene", "open_encounter", "calm_creature",
           "DONE_KEY", "MEMORY_KEY"]


def scripted_practice(sp, obj):
    """Selftest: face a thought creature or open a case file and finish it through its screens.

    Spotting: the first thought answered wrong on purpose, then right; the rest right. A thought
    record: every step, the evidence sorted, a balanced option chosen (or, on every second case,
    the player's own thought written), belief and feeling re-rated lower. At big text a page may
    come in parts: "Next »" goes through them to the button the script wants.
    """
    from game.input.actions import A
    from game.scripted import ScriptFailed

    key = obj.prop("encounter")
    if sp.play_scene().is_done("thought", key):
        return
    yield from sp.use(obj, "trap_spot" if sp.play_scene().level.content.encounters[key].mode == "spot"
                      else "thought_record")
    scene = sp.top()

    def reach(bid: str, more: str = "next"):
        """On to the part of the page that has the button ``bid``."""
        for _ in range(12):
            if bid in scene.buttons:
                return
            if more not in scene.buttons:
                break
            yield from sp.press(more)
        if bid not in scene.buttons:
            raise ScriptFailed(f"no button {bid!r} on any part of the {scene.name} screen")

    def forward():
        """Next, through the parts of the page, until the page changes."""
        page = scene.page
        for _ in range(12):
            yield from sp.press("next")
            if scene.page != page:
                return
        raise ScriptFailed(f"the {page} page did not move on")

    if scene.name == "trap_spot":
        first = True
        while scene.feedback_kind != "done":
            item = scene.item
            if first:
                wrong = next(t for t in scene.round.options() if t not in item.traps)
                yield from reach(f"trap:{wrong}", "more")
                yield from sp.press(f"trap:{wrong}")
                first = False
            yield from reach(f"trap:{item.traps[0]}", "more")
            yield from sp.press(f"trap:{item.traps[0]}")
            if scene.feedback_kind != "right":
                raise ScriptFailed(f"a right trap was not taken as right ({scene.feedback_kind})")
            yield from reach("next", "more")
            yield from sp.press("next")
        yield from reach("done", "more")
        yield from sp.press("done")
    else:
        rec = scene
        yield from reach(f"feel:{rec.record.feeling_options()[0]}")
        yield from sp.press(f"feel:{rec.record.feeling_options()[0]}")
        for _ in range(3):
            yield from sp.key(A.RIGHT)
        yield from forward()
        yield from reach("belief")
        for _ in range(4):
            yield from sp.key(A.RIGHT)
        yield from forward()
        yield from reach(f"trap:{rec.item.traps[0]}")
        yield from sp.press(f"trap:{rec.item.traps[0]}")
        yield from forward()
        for ev in rec.record.evidence_cards():
            yield from reach(f"ev:{ev.id}")
            yield from sp.press(f"ev:{ev.id}")
            if ev.side == "against":
                yield from sp.press(f"ev:{ev.id}")
        yield from forward()   # evidence feedback
        yield from forward()   # friend test
        yield from forward()
        own = len(sp.play_scene().ctx.profile.data.get("journal", [])) % 2 == 1
        if own:
            yield from reach("write")
            yield from sp.press("write")
            yield from reach("use_own")
            yield from sp.key(A.TEXT, "Maybe it went better than I think.")
            yield from sp.press("use_own")
        else:
            best = next(o for o in rec.item.balanced if o.quality == "balanced")
            yield from reach(f"opt:{best.id}")
            yield from sp.press(f"opt:{best.id}")
        yield from forward()
        yield from reach("belief_after")
        for _ in range(5):
            yield from sp.key(A.LEFT)
        yield from sp.key(A.DOWN)
        for _ in range(5):
            yield from sp.key(A.LEFT)
        yield from forward()
        if rec.page != "done":
            raise ScriptFailed(f"the thought record did not finish (page {rec.page})")
        yield from reach("close")
        yield from sp.press("close")
    yield from sp.wait_scene("play")
    if not sp.play_scene().is_done("thought", key):
        raise ScriptFailed(f"encounter {key} was not marked done")


def _register_practice() -> None:
    from game.scripted import PRACTICE

    PRACTICE["thought"] = scripted_practice


_register_practice()
