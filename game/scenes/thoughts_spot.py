"""Spot the Trap: a thought creature, its automatic thought, and trap cards to tag it with.

A right answer weakens the creature (flash, sparks, it shrinks); a wrong one gets a short, kind
explanation and another try. Reaction time comes from the injected clock. The round adapts
(``TrapRound`` spaced repetition) and what it learned is carried to the next creature of the level.
"""
from __future__ import annotations

import random
from typing import Callable

import pygame

from game.i18n import _, tr
from game.input.actions import A, Action
from game.mechanics.thinking import ThoughtItem, TrapCatalogue, TrapResult, TrapRound
from game.scenes.base import Scene
from game.scenes.thoughts_ui import (
    HELP_SAFE_X, Sparks, TrapCards, blit_text, card, draw_creature, draw_hp, draw_lines, fit_lines, header, text_in_box,
    trap_icon,
)
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W
from game.ui.theme import COLOURS

ROUND_TARGET = 3      # thoughts per creature (more if traps were missed)
ROUND_EXTRA = 2

CREATURE_BOX = pygame.Rect(40, 92, 300, 300)
THOUGHT_BOX = pygame.Rect(360, 92, SCREEN_W - 400, 300)
FEEDBACK_BOX = pygame.Rect(40, 406, SCREEN_W - 80, 84)
CARDS_TOP = 508
NEXT_RECT = pygame.Rect(SCREEN_W - 360, SCREEN_H - 92, 320, 58)


class TrapSpotScene(Scene):
    name = "trap_spot"

    def __init__(self, app, items: list[ThoughtItem], catalogue: TrapCatalogue, *, encounter: str = "",
                 memory: dict | None = None, seed: int | None = None, reserve: list[ThoughtItem] = (),
                 on_done: Callable[[TrapRound], None] | None = None) -> None:
        super().__init__(app)
        self.catalogue = catalogue
        self.encounter = encounter
        self.on_done = on_done
        rng = random.Random(seed if seed is not None else app.ctx.clock.monotonic())
        self.round = TrapRound(items, catalogue, rng, app.ctx.clock,
                               target=min(ROUND_TARGET, len(items)), max_extra=ROUND_EXTRA, reserve=reserve)
        self.round.remember(memory)
        self.item: ThoughtItem | None = None
        self.result: TrapResult | None = None
        self.cards: TrapCards | None = None
        self.feedback = ""
        self.feedback_kind = "prompt"   # prompt | right | wrong | reveal | done
        self.t = 0.0
        self.shake = 0.0
        self.flash = 0.0
        self.scale = 1.0
        self.fade = 1.0
        self.sparks = Sparks()
        self.count = 0
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), count=24, seed=17)

    # ---------------------------------------------------------------- flow
    def enter(self) -> None:
        self.next_thought()

    def next_thought(self) -> None:
        self.clear_ui()
        self.add_button("leave", _("Leave for now"), pygame.Rect(HELP_SAFE_X - 230, 12, 220, 48))
        item = self.round.next_thought()
        self.item, self.result = item, None
        if item is None:
            self.finish()
            return
        self.count += 1
        self.scale, self.flash, self.fade = 1.0, 0.0, 1.0
        self.feedback_kind = "prompt"
        self.feedback = _("Which thinking trap is this thought caught in? Pick a card.")
        self.cards = TrapCards(self, self.round.options(), self.catalogue, CARDS_TOP)
        self.set_focus(self.cards.button_ids()[0])
        self.app.audio.play("blip")

    def answer(self, trap_id: str) -> None:
        if self.item is None or not self.round.awaiting_answer:
            return
        res = self.round.answer(trap_id)
        self.result = res
        self.ctx.bus.publish("trap_answered", **res.payload())
        self.feedback = res.feedback
        if res.correct:
            self.feedback_kind = "right"
            self.app.audio.play("right")
            self.flash = 1.0
            self.sparks.burst(CREATURE_BOX.center)
        else:
            self.feedback_kind = "reveal" if res.revealed else "wrong"
            self.app.audio.play("wrong")
            self.shake = 0.5
            btn = self.buttons.get("trap:" + trap_id)
            if btn is not None:
                btn.disable()
        if res.item_done:
            for bid in self.cards.button_ids() if self.cards else []:
                self.remove_button(bid)
            self.cards = None
            last = self.round.finished or (len(self.round.shown) >= self.round.target and not self._extra_possible())
            self.add_button("next", _("See how you did") if last else _("Next thought »"), NEXT_RECT.copy())
            self.set_focus("next")
        elif self.focused() == "trap:" + trap_id:
            self.move_focus(+1)

    def _extra_possible(self) -> bool:
        r = self.round
        return bool(r.pending) and r.extra_used < r.max_extra and any(
            r.pending.intersection(i.traps) for i in r.items + r.reserve)

    def finish(self) -> None:
        self.clear_ui()
        s = self.round.summary()
        self.feedback_kind = "done"
        if s.first_try != s.thoughts:
            self.feedback = tr("The creature shrinks away! You named {solved} of {thoughts} traps, "
                               "{first} on the first try.", solved=s.solved, thoughts=s.thoughts, first=s.first_try)
        else:
            self.feedback = tr("The creature shrinks away! You named {solved} of {thoughts} traps, "
                               "all on the first try.", solved=s.solved, thoughts=s.thoughts)
        if s.missed_traps:
            names = ", ".join(self.catalogue.get(t).name for t in s.missed_traps)
            self.missed = tr("Traps to keep an eye on: {names}. They'll come back for more practice.", names=names)
        else:
            self.missed = _("Great spotting. Remember the check questions next time a thought pops up.")
        self.app.audio.play("complete")
        self.add_button("done", _("Back to the yard"), pygame.Rect(SCREEN_W // 2 - 170, SCREEN_H - 110, 340, 58))
        self.set_focus("done")

    def close(self, beaten: bool) -> None:
        self.app.stack.pop()
        if beaten and self.on_done:
            self.on_done(self.round)

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if action.kind is A.PAUSE:
            return True
        if action.kind is A.CANCEL:
            self.on_button("done" if self.feedback_kind == "done" else "leave")
            return True
        if self.cards is not None and self.cards.handle_grid(action):
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        if button_id.startswith("trap:"):
            self.answer(button_id[5:])
        elif button_id == "next":
            self.app.audio.play("confirm")
            self.next_thought()
        elif button_id == "done":
            self.app.audio.play("confirm")
            self.close(True)
        elif button_id == "leave":
            self.app.audio.play("back")
            self.close(False)

    # ---------------------------------------------------------------- frame
    def update(self, dt: float) -> None:
        self.t += dt
        self.backdrop.update(dt)
        self.shake = max(0.0, self.shake - dt)
        self.flash = max(0.0, self.flash - dt * 1.6)
        self.sparks.update(dt)
        if self.result is not None and self.result.correct:
            target = 0.45 + 0.55 * self.result.hp_after / max(1, self.round.creature_hp)
            self.scale += (target - self.scale) * min(1.0, dt * 6)
        if self.feedback_kind == "done":
            self.fade = max(0.0, self.fade - dt * 0.8)
            self.scale += (0.3 - self.scale) * min(1.0, dt * 2)

    def creature_trap(self) -> str | None:
        res = self.result
        if res is None or not (res.correct or res.revealed):
            return None
        if res.correct:
            return res.trap_chosen
        return res.right_traps[0]

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        draw.dim(surface, 110)
        ui = self.ui
        sub = _("Name the trap to weaken the thought creature.")
        if self.item is not None:
            sub = tr("Thought {n}", n=self.count) + f"  ·  {sub}"
        header(self, surface, _("Spot the Trap"), sub)
        # the creature
        draw.panel(surface, CREATURE_BOX, alpha=230)
        trap = self.creature_trap() if self.feedback_kind != "done" else (self._last_trap())
        centre = (CREATURE_BOX.centerx, CREATURE_BOX.y + 130)
        draw_creature(surface, centre, trap, self.t, scale=self.scale, shake=self.shake * 2,
                      flash=self.flash, alpha=int(255 * self.fade))
        hp = self.result.hp_after if self.result is not None else self.round.creature_hp
        if self.feedback_kind != "done":
            draw_hp(surface, CREATURE_BOX.centerx, CREATURE_BOX.bottom - 40, hp, self.round.creature_hp)
        if trap is not None and self.feedback_kind != "done":
            name = self.catalogue.get(trap).name
            blit_text(surface, ui.font("small", bold=True), name, (CREATURE_BOX.centerx, CREATURE_BOX.bottom - 74),
                      COLOURS["focus"], center=True)
        self.sparks.draw(surface)
        # the thought
        draw.panel(surface, THOUGHT_BOX, alpha=230)
        inner = THOUGHT_BOX.inflate(-56, -40)
        if self.item is not None:
            small, body = ui.font("small", bold=True), ui.font("body")
            y = inner.y
            blit_text(surface, small, _("WHAT HAPPENED"), (inner.x, y), COLOURS["muted"])
            y += small.get_linesize() + 4
            for line in fit_lines(body, self.item.situation, inner.width, 2):
                blit_text(surface, body, line, (inner.x, y))
                y += int(body.get_linesize() * 1.2)
            y += 14
            blit_text(surface, small, _("THE AUTOMATIC THOUGHT"), (inner.x, y), COLOURS["muted"])
            y += small.get_linesize() + 8
            bubble = pygame.Rect(inner.x, y, inner.width, inner.bottom - y)
            card(surface, bubble, fill="#FFF6E5", radius=18)
            text_in_box(surface, ui.font(30, bold=True), f"“{self.item.thought}”", bubble.inflate(-40, -16),
                        colour="#2B2140", max_lines=2, center=True)
        elif self.feedback_kind == "done":
            self._draw_results(surface, inner)
        # feedback
        border = {"right": COLOURS["good"], "wrong": COLOURS["warn"], "reveal": COLOURS["warn"],
                  "done": COLOURS["good"]}.get(self.feedback_kind)
        draw.panel(surface, FEEDBACK_BOX, alpha=235, border=border)
        colour = COLOURS["muted"] if self.feedback_kind == "prompt" else COLOURS["text"]
        text_in_box(surface, ui.font("body"), self.feedback, FEEDBACK_BOX.inflate(-48, -16), colour=colour,
                    max_lines=2)
        if self.feedback_kind == "done":
            text_in_box(surface, ui.font("body"), self.missed, pygame.Rect(80, CARDS_TOP + 10, SCREEN_W - 160, 70),
                        colour=COLOURS["muted"], max_lines=2, center=True)
        if self.cards is not None:
            self.cards.draw(surface)

    def _draw_results(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """The round at a glance: each thought, its trap, and how it went."""
        ui = self.ui
        draw.text(surface, ui.font("title", bold=True), _("Round complete!"), (inner.x, inner.y - 6))
        done = [r for r in self.round.results if r.item_done][-5:]
        thoughts = {i.id: i for i in self.round.items + self.round.reserve}
        body, small = ui.font(20), ui.font("small", bold=True)
        y = inner.y + 52
        for r in done:
            trap = self.catalogue.get(r.trap_chosen if r.correct else r.right_traps[0])
            how = _("first try") if r.correct and r.attempt == 1 else (_("second try") if r.correct else _("shown"))
            colour = COLOURS["good"] if r.correct and r.attempt == 1 else COLOURS["warn"]
            surface.blit(pygame.transform.scale(trap_icon(trap.id), (32, 32)), (inner.x, y - 4))
            label = f"{trap.name} · {how}"
            lw = small.size(label)[0]
            blit_text(surface, small, label, (inner.right - lw, y + 2), colour)
            text = fit_lines(body, f"“{thoughts[r.thought_id].thought}”", inner.w - lw - 70, 1)
            draw_lines(surface, body, text, inner.x + 44, y)
            y += 40

    def _last_trap(self) -> str | None:
        if not self.round.results:
            return None
        last = self.round.results[-1]
        return last.trap_chosen if last.correct else last.right_traps[0]

    def help_screen_name(self) -> str:
        return "trap_spot"
