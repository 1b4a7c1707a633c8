"""Playing a level: walk the map, talk to people, reach checkpoints and the exit.

The scene turns actions into world moves and publishes what happens on the bus; the world owns
movement and triggers; the context owns saving.
"""
from __future__ import annotations

import gc
from typing import Callable

import pygame

from game.content.errors import ContentError
from game.content.level import Level
from game.i18n import N_, _, tr
from game.input.actions import A, Action
from game.scenes import flow
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W
from game.world.objects import ContentRefs, MapObject
from game.world.render import WorldView, sprite_names
from game.world.tmx import load_map
from game.world.world import World

PROMPTS = {"npc": N_("Talk"), "sign": N_("Read"), "thought": N_("Face it"), "planner": N_("Plan")}  # _() when shown

# Interaction kinds other modules add (thought encounters, planner boards):
#   kind -> function(scene, obj) that pushes the right scene.
INTERACTIONS: dict[str, Callable[["PlayScene", MapObject], None]] = {}


def level_refs(level: Level) -> ContentRefs:
    return ContentRefs(dialogue=set(level.content.dialogue), sprites=sprite_names(),
                       encounters=set(level.content.encounters), boards=set(level.content.boards),
                       strict_encounters=True,
                       keyed={"sorting": set(level.content.sorting), "breathing": set(level.content.breathing),
                              "practice": set(level.content.practice)})


class PlayScene(Scene):
    name = "play"

    def __init__(self, app, level: Level) -> None:
        super().__init__(app)
        self.level = level
        self.world: World | None = None
        self.view: WorldView | None = None
        self.toast = ""
        self.toast_t = 0.0
        self.started_at = 0.0
        self.completed = False
        self.reached: set[str] = set()

    # ---------------------------------------------------------------- lifecycle
    def enter(self) -> None:
        from game.scenes.message import MessageScene

        try:
            lmap = load_map(self.level.map_path, level_refs(self.level))
        except ContentError as e:
            self.app.stack.pop()
            self.app.stack.push(MessageScene(self.app, _("This level could not be opened. Please tell your teacher.")
                                             + "\n\n" + str(e).splitlines()[0], title=_("Level problem")))
            return
        self.world = World(lmap)
        profile = self.ctx.profile
        state = profile.level_state(self.level.id) if profile else {}
        done = len(profile.completed_levels()) if profile else 0
        colour = min(1.0, 0.3 + 0.7 * done / max(1, len(self.ctx.levels) - 1))
        resumed_from = state.get("checkpoint")
        if resumed_from:
            for obj in lmap.objects:
                if obj.kind == "checkpoint" and obj.prop("checkpoint") == resumed_from:
                    self.world.place_player(*obj.tiles[0])
                    self.reached.add(resumed_from)
        self.view = WorldView(self.world, (SCREEN_W, SCREEN_H), colour, player_sheet=self._player_sheet())
        self.app.audio.music_for_level(self.level)  # this place's music (generated off the frame thread)
        self.ctx.bus.level_id = self.level.id
        self.started_at = self.ctx.clock.monotonic()
        state.setdefault("read", [])
        self.ctx.bus.publish("level_started", resumed=bool(resumed_from), checkpoint=resumed_from,
                             replay=bool(state.get("completed")))
        self.ctx.checkpoint()
        self.show_toast(f"{self.level.content.number}. {self.level.content.title}", 3.5)
        from game.scenes.dialogue import warm_up

        warm_up(self.app, self.level)
        # The level is loaded (already a long frame): collect now and freeze what survives, so the
        # cyclic GC never walks the map, sprites and UI again mid-level (a full collection of them
        # took ~50 ms, three frames).
        gc.collect()
        gc.freeze()
        flow.run(self.app, flow.LEVEL_START, lambda: None, level=self.level, play=self)

    def exit(self) -> None:
        super().exit()
        if not self.completed and self.world is not None and self.ctx.profile is not None:
            state = self.ctx.profile.level_state(self.level.id)
            self.ctx.bus.publish("level_quit", checkpoint=state.get("checkpoint"), duration_ms=self._duration())
            self.ctx.checkpoint()
        self.ctx.bus.level_id = None
        self.app.audio.music("title")  # back on the menus

    def relayout(self) -> None:
        """After a language switch the levels were reloaded: take this level's new copy (same id,
        same map) so what is said from now on, and the summary, are in the new language."""
        fresh = self.ctx.level(self.level.id)
        if fresh is not None:
            self.level = fresh

    def _player_sheet(self):
        """The player's chosen avatar, built in memory (cached per look); None: the map's sprite."""
        from game.art.characters import avatar_sheet

        avatar = self.ctx.profile.data.get("avatar") if self.ctx.profile else None
        return avatar_sheet(avatar) if avatar else None

    def pause(self) -> None:
        super().pause()
        self.app.input.clear()

    def _duration(self) -> int:
        return max(0, int((self.ctx.clock.monotonic() - self.started_at) * 1000))

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if self.world is None:
            return False
        if action.kind in (A.PAUSE, A.CANCEL):
            from game.scenes.pause import PauseScene

            self.app.stack.push(PauseScene(self.app, self))
            return True
        if action.kind is A.CONFIRM and not self.world.player.moving:
            obj = self.world.facing_object()
            if obj is not None:
                self.interact(obj)
            return True
        return False

    def interact(self, obj: MapObject) -> None:
        if obj.kind in ("npc", "sign"):
            did = obj.prop("dialogue")
            if obj.kind == "npc":
                self.world.face_player(obj)
            self.open_dialogue(did)
        elif obj.kind in INTERACTIONS:
            INTERACTIONS[obj.kind](self, obj)
        else:
            self.show_toast(_("Nothing happens here yet."))

    def open_dialogue(self, did: str, after: Callable[[], None] | None = None) -> None:
        from game.scenes.dialogue import DialogueScene

        dlg = self.level.content.dialogue[did]

        def done() -> None:
            self.ctx.bus.publish("npc_interacted", dialogue_id=did, pages=len(dlg.pages))
            state = self.ctx.profile.level_state(self.level.id) if self.ctx.profile else {"read": []}
            if did not in state.setdefault("read", []):
                state["read"].append(did)
            if after:
                after()

        self.app.stack.push(DialogueScene(self.app, dlg, did, done))

    # ---------------------------------------------------------------- update
    def update(self, dt: float) -> None:
        if self.world is None:
            return
        was_moving = self.world.player.moving
        entered = self.world.step(dt, self.app.input.direction())
        if was_moving and not self.world.player.moving:
            self.app.audio.play("step")
        for obj in entered:
            self.on_enter(obj)
        if self.toast_t > 0:
            self.toast_t -= dt

    def on_enter(self, obj: MapObject) -> None:
        if obj.kind == "checkpoint":
            cp = obj.prop("checkpoint")
            if cp not in self.reached:
                self.reached.add(cp)
                if self.ctx.profile:
                    self.ctx.profile.level_state(self.level.id)["checkpoint"] = cp
                self.ctx.bus.publish("checkpoint_reached", checkpoint=cp)
                self.ctx.checkpoint()
                self.show_toast(_("Progress saved"))
        elif obj.kind == "exit":
            state = self.ctx.profile.level_state(self.level.id) if self.ctx.profile else {}
            have = set(state.get("read", [])) | set(state.get("done", []))
            missing = [r for r in obj.props.get("_requires", []) if r not in have]
            if missing:
                self.show_toast(self._missing_text(missing[0]))
                return
            self.complete()

    def _missing_text(self, req: str) -> str:
        if ":" not in req:
            speaker = self.level.content.dialogue[req].speaker
            return tr("Before you go, talk to {speaker}.", speaker=speaker) if speaker else _("Before you go, read the sign.")
        kind, key = req.split(":", 1)
        target = next((o for o in self.world.lmap.objects if o.kind == kind and str(o.prop(
            "encounter" if kind == "thought" else "board" if kind == "planner" else kind)) == key), None)
        if target is None:
            return _("Before you go, finish this place.")
        return tr("Before you go, try the {thing}.", thing=_(target.label).lower())

    def mark_done(self, kind: str, key: str) -> None:
        """A practice in this level is done (an exit may require ``kind:key``); saved at once."""
        if self.ctx.profile is None:
            return
        done = self.ctx.profile.level_state(self.level.id).setdefault("done", [])
        if f"{kind}:{key}" not in done:
            done.append(f"{kind}:{key}")
        self.ctx.checkpoint()

    def is_done(self, kind: str, key: str) -> bool:
        state = self.ctx.profile.level_state(self.level.id) if self.ctx.profile else {}
        return f"{kind}:{key}" in state.get("done", [])

    def complete(self) -> None:
        from game.scenes.complete import LevelCompleteScene

        self.completed = True
        profile = self.ctx.profile
        if profile is not None:
            state = profile.level_state(self.level.id)
            state["completed"] = True
            state["times_completed"] = int(state.get("times_completed", 0)) + 1
            state["checkpoint"] = None
            state["read"] = []
            state["done"] = []
            state["completed_utc"] = self.ctx.now_iso()
            state.setdefault("first_completed_utc", state["completed_utc"])  # pacing counts from here
        self.ctx.bus.publish("level_completed", duration_ms=self._duration())
        self.ctx.checkpoint()
        self.app.audio.play("complete")
        flow.run(self.app, flow.LEVEL_END, lambda: self.app.stack.replace(LevelCompleteScene(self.app, self.level)),
                 level=self.level, play=self)

    def show_toast(self, text: str, seconds: float = 2.5) -> None:
        self.toast, self.toast_t = text, seconds

    # ---------------------------------------------------------------- draw
    def covers_screen(self) -> bool:
        return self.view is not None and self.view.covers((SCREEN_W, SCREEN_H))

    def draw(self, surface: pygame.Surface) -> None:
        if self.view is None:
            return
        self.view.draw(surface)
        font = self.ui.font("body", bold=True)
        small = self.ui.font("small")
        # level title chip, sized to the title (longer in some languages, taller with big text)
        title = f"{self.level.content.number}. {self.level.content.title}"
        tw, th = font.size(title)
        chip = pygame.Rect(16, 14, max(420, tw + 32), max(46, th + 14))
        draw.panel(surface, chip, alpha=210)
        draw.text(surface, font, title, (32, chip.centery - th // 2))
        # interaction prompt over the thing the player faces
        obj = self.world.facing_object() if not self.world.player.moving else None
        if obj is not None and self.app.stack.top is self:
            x, y = self.view.screen_pos(obj.tiles[0])
            label = tr("Enter: {action}", action=_(PROMPTS.get(obj.kind, N_("Use"))))
            w = small.size(label)[0] + 28
            r = pygame.Rect(0, 0, w, 36)
            r.midbottom = (x + self.world.lmap.tile // 2, y - 10)
            draw.panel(surface, r, alpha=230)
            draw.text(surface, small, label, r.center, center=True, shadow=False)
        if self.toast_t > 0 and self.toast:
            w = font.size(self.toast)[0] + 48
            r = pygame.Rect(0, 0, w, 56)
            r.midbottom = (SCREEN_W // 2, SCREEN_H - 28)
            draw.panel(surface, r, alpha=235)
            draw.text(surface, font, self.toast, r.center, center=True, shadow=False)

    def help_screen_name(self) -> str:
        return f"play:{self.level.id}"
