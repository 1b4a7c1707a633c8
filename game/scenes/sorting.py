"""Level 1's mood board: sort moments into thought, feeling or action.

Opened from a map object of type ``sorting`` (``g_sorting`` names the ``sorting:`` entry of the
level file). Rules live in ``game.mechanics.sorting``; this scene shows them and publishes
``moment_sorted`` for every answer and ``sorting_completed`` at the end.
"""
from __future__ import annotations

import math
import random

import pygame

from game.i18n import N_, _, tr
from game.input.actions import A, Action
from game.mechanics.sorting import KINDS, Moment, SortResult, SortRound
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W

BIN_LABELS = {"thought": N_("Thought"), "feeling": N_("Feeling"), "action": N_("Action")}
BIN_ICONS = {"thought": "chat", "feeling": "heart", "action": "run"}
BIN_HINTS = {"thought": N_("words in your head"), "feeling": N_("an emotion or body signal"),
             "action": N_("something you do")}
RIGHT, WRONG = "#9BE39B", "#FFC98A"


class SortingScene(Scene):
    name = "sorting"

    def __init__(self, app, play, key: str) -> None:
        super().__init__(app)
        self.play, self.key = play, key
        self.content = play.level.content.sorting[key]
        moments = [Moment(m.id, m.text, m.kind, m.why) for m in self.content.moments]
        self.round = SortRound(moments, random.Random(self.ctx.rng.random()))
        self.card = pygame.Rect(0, 0, 760, 130)
        self.card.midtop = (SCREEN_W // 2, 160)
        self.result: SortResult | None = None
        self.anim = 0.0
        self.finished = False
        self.total = len(moments)

    # ---------------------------------------------------------------- lifecycle
    def enter(self) -> None:
        self.round.next_moment(self.ctx.clock.monotonic())
        self.build()

    def build(self) -> None:
        self.clear_ui()
        cx = SCREEN_W // 2
        if self.finished:
            self.add_button("done", _("Back to the harbour"), pygame.Rect(cx - 190, 520, 380, 60))  # after the summary
            return
        for i, kind in enumerate(KINDS):
            r = pygame.Rect(cx - 450 + i * 310, 482, 280, 96)
            btn = self.add_button(f"bin:{kind}", _(BIN_LABELS[kind]), r, tooltip=_(BIN_HINTS[kind]))
            if self.result is not None and self.result.item_done:
                btn.disable()
        if self.result is not None and self.result.item_done:
            self.add_button("next", _("Next moment »") if not self.round.finished or self.round.queue else _("See how you did"),
                            pygame.Rect(cx - 170, 600, 340, 56))
        self.add_button("leave", _("Stop for now"), pygame.Rect(40, SCREEN_H - 84, 240, 52))
        if self.result is not None and self.result.item_done:
            self.set_focus("next")

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("done" if self.finished else "leave")
            return True
        super().handle(action)
        return True  # modal

    def on_button(self, button_id: str) -> None:
        if button_id.startswith("bin:"):
            self.choose(button_id[4:])
        elif button_id == "next":
            self.result = None
            if self.round.next_moment(self.ctx.clock.monotonic()) is None:
                self.finish()
            self.app.audio.play("blip")
            self.build()
        elif button_id in ("done", "leave"):
            self.app.audio.play("back")
            self.app.stack.pop()

    def choose(self, kind: str) -> None:
        if self.round.current is None or (self.result is not None and self.result.item_done):
            return
        res = self.round.answer(kind, self.ctx.clock.monotonic())
        self.result = res
        self.anim = 0.6
        self.app.audio.play("right" if res.correct else "wrong")
        self.ctx.bus.publish("moment_sorted", moment_id=res.moment_id, chosen=res.chosen, correct=res.correct,
                             attempt=res.attempt, reaction_ms=res.reaction_ms)
        self.build()
        if not res.item_done:
            self.set_focus(f"bin:{kind}")

    def finish(self) -> None:
        self.finished = True
        right = self.round.first_try_right()
        self.ctx.bus.publish("sorting_completed", sorting_id=self.key, moments=self.total, first_try_right=right)
        self.play.mark_done("sorting", self.key)
        self.app.audio.play("complete")

    # ---------------------------------------------------------------- frame
    def update(self, dt: float) -> None:
        self.anim = max(0.0, self.anim - dt)

    def draw(self, surface: pygame.Surface) -> None:
        from game.ui.scale import icon

        draw.dim(surface, 170)
        big = self.ui.font("title", bold=True)
        body = self.ui.font("body")
        small = self.ui.font("small")
        cx = SCREEN_W // 2
        draw.text(surface, big, _("The mood board"), (cx, 60), center=True)
        if self.finished:
            right = self.round.first_try_right()
            box = pygame.Rect(cx - 400, 150, 800, 330)
            draw.panel(surface, box)
            draw.text(surface, big, _("All sorted!"), (cx, 200), colour=RIGHT, center=True)
            msg = tr("You sorted {n} moments, {right} right first time. Thoughts, feelings and actions "
                     "are linked: change one, and the others can shift too.", n=self.total, right=right)
            draw.text_block(surface, body, msg, pygame.Rect(box.x + 50, 250, box.w - 100, 200), center=True)
            return
        draw.text_block(surface, small, self.content.intro or _("Thought, feeling or action?"),
                        pygame.Rect(cx - 420, 100, 840, 60), colour=draw.COLOURS["muted"], center=True)
        m = self.round.current
        if m is None:
            return
        card = self.card.copy()
        if self.result is not None and not self.result.correct and self.anim > 0:
            card.x += int(math.sin(self.anim * 40) * 10 * self.anim)  # a small shake
        elif self.result is not None and self.result.correct and self.anim > 0:
            card.y -= int((0.6 - self.anim) * 20)
        draw.panel(surface, card, alpha=250, border=draw.COLOURS["focus"])
        bold = self.ui.font("body", bold=True)
        lines = len(draw.wrap(bold, m.text, card.w - 60))
        h = int(bold.get_linesize() * 1.35) * lines
        draw.text_block(surface, bold, m.text, pygame.Rect(card.x + 30, card.centery - h // 2, card.w - 60, h),
                        center=True)
        done = len({r.moment_id for r in self.round.results if r.item_done and not r.revealed})
        label = tr("Moment {n} of {total}", n=min(done + 1, self.total), total=self.total)
        draw.text(surface, small, label, (card.right - small.size(label)[0] - 16, card.y - 30),
                  colour=draw.COLOURS["muted"], shadow=False)
        for i, kind in enumerate(KINDS):  # the icon sits above its box (buttons are drawn over the scene)
            img = icon(BIN_ICONS[kind], 40)
            if img is not None:
                surface.blit(img, img.get_rect(midbottom=(cx - 450 + i * 310 + 140, 476)))
        if self.result is not None:
            colour = RIGHT if self.result.correct else WRONG
            head = _("Yes!") if self.result.correct else (_("Here's the answer") if self.result.revealed else _("Try again"))
            draw.text(surface, bold, head, (cx, card.bottom + 26), colour=colour, center=True)
            draw.text_block(surface, small, self.result.feedback, pygame.Rect(cx - 430, card.bottom + 46, 860, 60),
                            center=True)

    def help_screen_name(self) -> str:
        return "sorting"


def open_sorting(play, obj) -> None:
    key = str(obj.prop("sorting"))
    play.app.stack.push(SortingScene(play.app, play, key))


def scripted_practice(sp, obj):
    """Selftest: sort every moment, the first one wrong on purpose (kind feedback, second try)."""
    from game.mechanics.sorting import KINDS
    from game.scripted import ScriptFailed

    yield from sp.use(obj, "sorting")
    first = True
    while not sp.top().finished:
        scene = sp.top()
        if scene.result is not None and scene.result.item_done:
            yield from sp.press("next")
            continue
        m = scene.round.current
        kind = next(k for k in KINDS if k != m.kind) if first else m.kind
        first = False
        yield from sp.press(f"bin:{kind}")
    if not sp.app.stack.find(lambda s: getattr(s, "name", "") == "play").is_done("sorting", scene.key):
        raise ScriptFailed("sorting was not marked done")
    yield from sp.press("done")
    yield from sp.wait_scene("play")


def register() -> None:
    from game.scenes.play import INTERACTIONS, PROMPTS
    from game.scripted import PRACTICE

    INTERACTIONS["sorting"] = open_sorting
    PROMPTS.setdefault("sorting", N_("Sort"))
    PRACTICE["sorting"] = scripted_practice
