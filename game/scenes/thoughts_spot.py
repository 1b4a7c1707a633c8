"""Spot the Trap: a thought creature, its automatic thought, and trap cards to tag it with.

A right answer weakens the creature (flash, sparks, it shrinks); a wrong one gets a short, kind
explanation and another try. Reaction time comes from the injected clock. The round adapts
(``TrapRound`` spaced repetition) and what it learned is carried to the next creature of the level.

Laid out from the current font: the creature beside the thought, the feedback and the trap cards
under them while that fits; at big text the same pieces are ``Block``s shown in parts ("Next »" /
"« Back"), the thought above the cards, and an answer shows the part with the creature and the
feedback.
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
    HELP_SAFE_X, Block, Sparks, TrapCards, blit_text, card, draw_creature, draw_hp, fit_lines, font_px, lines_h, pack,
    place, trap_grid, trap_icon, wrap_lines,
)
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect
from game.ui.theme import COLOURS

ROUND_TARGET = 3      # thoughts per creature (more if traps were missed)
ROUND_EXTRA = 2

MARGIN = 40
WIDTH = SCREEN_W - 2 * MARGIN
CREATURE_W = 300      # the creature's box beside the thought (at 100 %)


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
        self.missed = ""
        self.wrong: set[str] = set()    # traps already tried for this thought
        self.t = 0.0
        self.shake = 0.0
        self.flash = 0.0
        self.scale = 1.0
        self.fade = 1.0
        self.sparks = Sparks()
        self.count = 0
        self.part = 0
        self.parts: list[list[Block]] = []
        self.compact = False
        self.creature_box = pygame.Rect(MARGIN, 92, CREATURE_W, 300)
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), count=24, seed=17)

    # ---------------------------------------------------------------- flow
    def enter(self) -> None:
        self.next_thought()

    def next_thought(self) -> None:
        item = self.round.next_thought()
        self.item, self.result = item, None
        if item is None:
            self.finish()
            return
        self.count += 1
        self.scale, self.flash, self.fade = 1.0, 0.0, 1.0
        self.feedback_kind = "prompt"
        self.feedback = _("Which thinking trap is this thought caught in? Pick a card.")
        self.wrong = set()
        self.part = 0
        self.build()
        self._focus_default()
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
        else:
            self.feedback_kind = "reveal" if res.revealed else "wrong"
            self.app.audio.play("wrong")
            self.shake = 0.5
            self.wrong.add(trap_id)
        focus = self.focused()
        self.build()       # the feedback may need more room; the cards go once the thought is done
        if self.compact:   # big text: show the creature and what it says
            self.part = self._part_of("status") or 0
            self.build()
        if res.correct:
            self.sparks.burst(self.creature_box.center)
        if res.item_done:
            self.set_focus("next" if "next" in self.focus_order else "more")
        elif focus in self.focus_order and focus != "trap:" + trap_id:
            self.set_focus(focus)
        else:
            self._focus_default()

    def _last_in_round(self) -> bool:
        return self.round.finished or (len(self.round.shown) >= self.round.target and not self._extra_possible())

    def _extra_possible(self) -> bool:
        r = self.round
        return bool(r.pending) and r.extra_used < r.max_extra and any(
            r.pending.intersection(i.traps) for i in r.items + r.reserve)

    def finish(self) -> None:
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
        self.part = 0
        self.build()
        self._focus_default()

    def close(self, beaten: bool) -> None:
        self.app.stack.pop()
        if beaten and self.on_done:
            self.on_done(self.round)

    def show_part(self, part: int) -> None:
        self.part = part
        self.build()
        self._focus_default()

    def _part_of(self, key: str) -> int | None:
        for i, part in enumerate(self.parts):
            if any(b.key == key for b in part):
                return i
        return None

    def _focus_default(self) -> None:
        ids = self.cards.button_ids() if self.cards is not None else []
        for bid in [*ids, "next", "done", "more", *self.focus_order]:
            btn = self.buttons.get(bid)
            if btn is not None and btn.is_enabled and bid in self.focus_order and bid != "leave":
                self.set_focus(bid)
                return

    # ---------------------------------------------------------------- layout
    def build(self) -> None:
        """Lay the screen out from the current font (again after a text-size change)."""
        self.clear_ui()
        self.cards = None
        ui = self.ui
        leave_text = _("Leave for now")
        leave_w = max(220, ui.button_w(leave_text))
        right = min(HELP_SAFE_X - 10, help_rect(self.app).x - 8)
        self.leave_rect = pygame.Rect(right - leave_w, 12, leave_w, ui.button_h(48))
        self.title_at = (MARGIN, 16)
        self.nav_h = ui.button_h(58)
        if self._classic_fits():
            self.compact = False
            self._build_classic()
        else:
            self.compact = True
            self._build_parts()
        if self.feedback_kind != "done":
            self.add_button("leave", leave_text, self.leave_rect.copy())
            self.focus_order.remove("leave")
            self.focus_order.insert(0, "leave")       # first, as always on this screen

    def _sub(self) -> str:
        sub = _("Name the trap to weaken the thought creature.")
        if self.item is not None:
            sub = tr("Thought {n}", n=self.count) + f"  ·  {sub}"
        return sub

    def _thought_font(self) -> pygame.font.Font:
        return font_px(self.ui, 30, bold=True, heading=True)

    # -- classic: the creature beside the thought, the feedback and the cards under them
    def _classic_fits(self) -> bool:
        ui = self.ui
        small, body = ui.font("small"), ui.font("body")
        sub_y = 16 + ui.line_h("title", True) - 1
        if small.size(self._sub())[0] > self.leave_rect.x - 42 - 16 and sub_y < self.leave_rect.bottom:
            return False
        self.top = max(sub_y + small.get_linesize() + 5, self.leave_rect.bottom + 8)
        inner_w = SCREEN_W - 400 - 56
        sb, big = ui.font("small", bold=True), self._thought_font()
        if self.item is not None:
            sit = wrap_lines(body, self.item.situation, inner_w)
            th = wrap_lines(big, f"“{self.item.thought}”", inner_w - 40)
            need = (40 + sb.get_linesize() + 4 + lines_h(body, len(sit)) + 14 + sb.get_linesize() + 8
                    + lines_h(big, len(th)) + 16 + 20)
        else:
            need = 40 + ui.line_h("title", True) + 46 + 5 * max(40, body.get_linesize() + 8)
        self.stage_h = max(300, need)
        fb = wrap_lines(body, self.feedback, WIDTH - 48)
        self.fb_h = max(84, lines_h(body, len(fb)) + 24)
        bottom = self.top + self.stage_h + 14 + self.fb_h
        if self.feedback_kind == "done":
            missed = wrap_lines(body, self.missed, SCREEN_W - 160)
            bottom += 10 + lines_h(body, len(missed)) + 24 + self.nav_h
        elif self.result is not None and self.result.item_done:
            bottom += 18 + self.nav_h
        else:
            names = [self.catalogue.get(t).name for t in self.round.options()]
            self.grid = trap_grid(ui, names)
            if self.grid.cols < 2:
                return False
            bottom += 18 + self.grid.height()
        return bottom <= SCREEN_H - 16

    def _build_classic(self) -> None:
        self.creature_box = pygame.Rect(MARGIN, self.top, CREATURE_W, self.stage_h)
        self.thought_box = pygame.Rect(MARGIN + CREATURE_W + 20, self.top, SCREEN_W - 400, self.stage_h)
        self.feedback_box = pygame.Rect(MARGIN, self.creature_box.bottom + 14, WIDTH, self.fb_h)
        ui = self.ui
        if self.feedback_kind == "done":
            text = _("Back to the yard")
            w = max(340, ui.button_w(text))
            self.add_button("done", text, pygame.Rect(SCREEN_W // 2 - w // 2, SCREEN_H - 52 - self.nav_h, w, self.nav_h))
        elif self.result is not None and self.result.item_done:
            text = _("See how you did") if self._last_in_round() else _("Next thought »")
            w = max(320, ui.button_w(text))
            self.add_button("next", text, pygame.Rect(SCREEN_W - MARGIN - w, SCREEN_H - 34 - self.nav_h, w, self.nav_h))
        else:
            self.cards = TrapCards(self, self.round.options(), self.catalogue, self.feedback_box.bottom + 18, spec=self.grid)
            for t in self.wrong:
                self.buttons["trap:" + t].disable()

    # -- big text: blocks in parts
    def _build_parts(self) -> None:
        ui = self.ui
        top = max(16 + ui.line_h("title", True), self.leave_rect.bottom) + 10
        nav_y = SCREEN_H - 16 - self.nav_h
        self.view = pygame.Rect(MARGIN, top, WIDTH, nav_y - 10 - top)
        blocks = self._blocks()
        self.parts = pack(blocks, self.view.h)
        self.part = max(0, min(self.part, len(self.parts) - 1))
        self.creature_box = pygame.Rect(-1000, -1000, 10, 10)     # off screen unless a part shows it
        place(self.parts[self.part], self.view.y)
        for b in self.parts[self.part]:
            if b.build is not None:
                b.build(b.y)
        if self._card_rows:
            rows = [r for r, _y in self._card_rows]
            self.cards = TrapCards(self, self.round.options(), self.catalogue, self._card_rows[0][1],
                                   rows=range(min(rows), max(rows) + 1), spec=self.grid)
            for t in self.wrong:
                btn = self.buttons.get("trap:" + t)
                if btn is not None:
                    btn.disable()
        # the buttons at the bottom: through the parts, then on
        h = self.nav_h
        if self.part > 0:
            text = _("« Back")
            self.add_button("back", text, pygame.Rect(MARGIN, nav_y, max(240, ui.button_w(text)), h))
        last = self.part == len(self.parts) - 1
        if not last:
            bid, text = "more", _("Next »")
        elif self.feedback_kind == "done":
            bid, text = "done", _("Back to the yard")
        elif self.result is not None and self.result.item_done:
            bid, text = "next", _("See how you did") if self._last_in_round() else _("Next thought »")
        else:
            bid, text = "", ""
        if bid:
            w = max(320, ui.button_w(text))
            self.add_button(bid, text, pygame.Rect(SCREEN_W - MARGIN - w, nav_y, w, h))

    def _blocks(self) -> list[Block]:
        ui = self.ui
        small, small_b, body = ui.font("small"), ui.font("small", bold=True), ui.font("body")
        self._card_rows: list[tuple[int, int]] = []
        blocks = [self._text(self._sub(), small, COLOURS["muted"], key="sub")]
        if self.feedback_kind == "done":
            blocks.append(self._status_block())
            blocks.append(self._text(self.missed, body, COLOURS["muted"], center=True, gap=14))
            blocks.append(self._text(_("Round complete!"), ui.font("title", bold=True), gap=20, keep=True))
            for r in [r for r in self.round.results if r.item_done][-5:]:
                blocks.append(self._result_row(r))
            return blocks
        if self.item is None:
            return blocks
        blocks.append(self._text(_("WHAT HAPPENED"), small_b, COLOURS["muted"], gap=10, keep=True))
        blocks.append(self._text(self.item.situation, body, gap=4))
        blocks.append(self._bubble())
        blocks.append(self._status_block())
        if self.result is None or not self.result.item_done:
            names = [self.catalogue.get(t).name for t in self.round.options()]
            self.grid = trap_grid(ui, names, compact=True)
            blocks.append(self._bubble(lead=True))
            for r in range(self.grid.rows):
                blocks.append(Block(self.grid.h, None, lambda y, r=r: self._card_rows.append((r, y)),
                                    gap=18 if r == 0 else self.grid.gap, group="cards", key=f"cards{r}"))
        return blocks

    def _text(self, text: str, font: pygame.font.Font, colour: str | None = None, *, center: bool = False,
              gap: int = 12, **kw) -> Block:
        lines = wrap_lines(font, text, WIDTH)

        def paint(surface: pygame.Surface, y: int) -> None:
            step = int(font.get_linesize() * 1.15)
            for i, line in enumerate(lines):
                if center:
                    blit_text(surface, font, line, (SCREEN_W // 2, y + i * step + font.get_linesize() // 2), colour, center=True)
                else:
                    blit_text(surface, font, line, (MARGIN, y + i * step), colour)

        return Block(lines_h(font, len(lines), 1.15), paint, gap=gap, **kw)

    def _bubble(self, lead: bool = False) -> Block:
        big = self._thought_font()
        lines = wrap_lines(big, f"“{self.item.thought}”", WIDTH - 40)
        h = lines_h(big, len(lines)) + 20

        def paint(surface: pygame.Surface, y: int) -> None:
            r = pygame.Rect(MARGIN, y, WIDTH, h)
            card(surface, r, fill="#FFF6E5", radius=18)
            ty = r.centery - lines_h(big, len(lines)) // 2
            for line in lines:
                blit_text(surface, big, line, (r.centerx, ty + big.get_linesize() // 2), "#2B2140", center=True)
                ty += int(big.get_linesize() * 1.2)

        return Block(h, paint, gap=14, key="bubble", lead=lead, group="cards" if lead else "")

    def _status_block(self) -> Block:
        """The creature (it reacts to the answers) beside the prompt or the feedback."""
        body = self.ui.font("body")
        size = 150
        text_w = WIDTH - size - 40
        lines = wrap_lines(body, self.feedback, text_w)
        h = max(size + 40, lines_h(body, len(lines)) + 28)

        def build(y: int) -> None:
            self.creature_box = pygame.Rect(MARGIN, y, size + 20, h)

        def paint(surface: pygame.Surface, y: int) -> None:
            r = pygame.Rect(MARGIN, y, WIDTH, h)
            border = {"right": COLOURS["good"], "wrong": COLOURS["warn"], "reveal": COLOURS["warn"],
                      "done": COLOURS["good"]}.get(self.feedback_kind)
            draw.panel(surface, r, alpha=235, border=border)
            self._draw_creature(surface, (r.x + 20 + size // 2, r.y + 10 + size // 2), size)
            colour = COLOURS["muted"] if self.feedback_kind == "prompt" else COLOURS["text"]
            ty = r.centery - lines_h(body, len(lines)) // 2
            for line in lines:
                blit_text(surface, body, line, (r.x + size + 40, ty), colour)
                ty += int(body.get_linesize() * 1.2)

        return Block(h, paint, build, gap=14, key="status")

    def _result_row(self, r) -> Block:
        ui = self.ui
        body, small = font_px(ui, 20), ui.font("small", bold=True)
        thoughts = {i.id: i for i in self.round.items + self.round.reserve}
        trap = self.catalogue.get(r.trap_chosen if r.correct else r.right_traps[0])
        how = _("first try") if r.correct and r.attempt == 1 else (_("second try") if r.correct else _("shown"))
        colour = COLOURS["good"] if r.correct and r.attempt == 1 else COLOURS["warn"]
        label = f"{trap.name} · {how}"
        lines = wrap_lines(body, f"“{thoughts[r.thought_id].thought}”", WIDTH - 44)
        h = small.get_linesize() + 4 + lines_h(body, len(lines))

        def paint(surface: pygame.Surface, y: int) -> None:
            surface.blit(pygame.transform.scale(trap_icon(trap.id), (32, 32)), (MARGIN, y + small.get_linesize() // 2 - 16))
            blit_text(surface, small, label, (MARGIN + 44, y), colour)
            ty = y + small.get_linesize() + 4
            for line in lines:
                blit_text(surface, body, line, (MARGIN + 44, ty))
                ty += int(body.get_linesize() * 1.2)

        return Block(h, paint, gap=14)

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if action.kind is A.PAUSE:
            return True
        if action.kind is A.CANCEL:
            if self.feedback_kind == "done":
                self.on_button("done")
            elif self.part > 0:
                self.on_button("back")
            else:
                self.on_button("leave")
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
        elif button_id == "more":
            self.app.audio.play("confirm")
            self.show_part(self.part + 1)
        elif button_id == "back":
            self.app.audio.play("back")
            self.show_part(max(0, self.part - 1))

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

    def _draw_creature(self, surface: pygame.Surface, centre: tuple[int, int], size: int) -> None:
        trap = self.creature_trap() if self.feedback_kind != "done" else self._last_trap()
        draw_creature(surface, centre, trap, self.t, size=size, scale=self.scale, shake=self.shake * 2,
                      flash=self.flash, alpha=int(255 * self.fade))

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        draw.dim(surface, 110)
        ui = self.ui
        draw.text(surface, ui.font("title", bold=True), _("Spot the Trap"), self.title_at)
        if self.compact:
            for b in self.parts[self.part] if self.parts else []:
                if b.draw is not None:
                    b.draw(surface, b.y)
        else:
            self._draw_classic(surface)
        if self.cards is not None:
            self.cards.draw(surface)
        self.sparks.draw(surface)

    def _draw_classic(self, surface: pygame.Surface) -> None:
        ui = self.ui
        small = ui.font("small")
        sub_y = 16 + ui.line_h("title", True) - 1
        draw.text(surface, small, self._sub(), (42, sub_y), COLOURS["muted"], shadow=False)
        # the creature
        box = self.creature_box
        draw.panel(surface, box, alpha=230)
        trap = self.creature_trap() if self.feedback_kind != "done" else self._last_trap()
        self._draw_creature(surface, (box.centerx, box.y + 130), 192)
        if self.feedback_kind != "done":
            hp = self.result.hp_after if self.result is not None else self.round.creature_hp
            draw_hp(surface, box.centerx, box.bottom - 40, hp, self.round.creature_hp)
            if trap is not None:
                name = self.catalogue.get(trap).name
                blit_text(surface, ui.font("small", bold=True), name, (box.centerx, box.bottom - 74),
                          COLOURS["focus"], center=True)
        # the thought
        draw.panel(surface, self.thought_box, alpha=230)
        inner = self.thought_box.inflate(-56, -40)
        if self.item is not None:
            sb, body = ui.font("small", bold=True), ui.font("body")
            y = inner.y
            blit_text(surface, sb, _("WHAT HAPPENED"), (inner.x, y), COLOURS["muted"])
            y += sb.get_linesize() + 4
            for line in wrap_lines(body, self.item.situation, inner.width):
                blit_text(surface, body, line, (inner.x, y))
                y += int(body.get_linesize() * 1.2)
            y += 14
            blit_text(surface, sb, _("THE AUTOMATIC THOUGHT"), (inner.x, y), COLOURS["muted"])
            y += sb.get_linesize() + 8
            bubble = pygame.Rect(inner.x, y, inner.width, inner.bottom - y)
            card(surface, bubble, fill="#FFF6E5", radius=18)
            big = self._thought_font()
            lines = wrap_lines(big, f"“{self.item.thought}”", bubble.w - 40)
            ty = bubble.centery - lines_h(big, len(lines)) // 2
            for line in lines:
                blit_text(surface, big, line, (bubble.centerx, ty + big.get_linesize() // 2), "#2B2140", center=True)
                ty += int(big.get_linesize() * 1.2)
        elif self.feedback_kind == "done":
            self._draw_results(surface, inner)
        # feedback
        border = {"right": COLOURS["good"], "wrong": COLOURS["warn"], "reveal": COLOURS["warn"],
                  "done": COLOURS["good"]}.get(self.feedback_kind)
        fbox = self.feedback_box
        draw.panel(surface, fbox, alpha=235, border=border)
        colour = COLOURS["muted"] if self.feedback_kind == "prompt" else COLOURS["text"]
        body = ui.font("body")
        lines = wrap_lines(body, self.feedback, fbox.w - 48)
        ty = fbox.centery - lines_h(body, len(lines)) // 2
        for line in lines:
            blit_text(surface, body, line, (fbox.x + 24, ty), colour)
            ty += int(body.get_linesize() * 1.2)
        if self.feedback_kind == "done":
            lines = wrap_lines(body, self.missed, SCREEN_W - 160)
            ty = fbox.bottom + 10 + 12
            for line in lines:
                blit_text(surface, body, line, (SCREEN_W // 2, ty + body.get_linesize() // 2), COLOURS["muted"], center=True)
                ty += int(body.get_linesize() * 1.2)

    def _draw_results(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """The round at a glance: each thought, its trap, and how it went."""
        ui = self.ui
        title = ui.font("title", bold=True)
        draw.text(surface, title, _("Round complete!"), (inner.x, inner.y - 6))
        done = [r for r in self.round.results if r.item_done][-5:]
        thoughts = {i.id: i for i in self.round.items + self.round.reserve}
        body, small = font_px(ui, 20), ui.font("small", bold=True)
        y = inner.y - 6 + title.get_linesize() + 6
        step = max(40, body.get_linesize() + 8)
        for r in done:
            trap = self.catalogue.get(r.trap_chosen if r.correct else r.right_traps[0])
            how = _("first try") if r.correct and r.attempt == 1 else (_("second try") if r.correct else _("shown"))
            colour = COLOURS["good"] if r.correct and r.attempt == 1 else COLOURS["warn"]
            surface.blit(pygame.transform.scale(trap_icon(trap.id), (32, 32)), (inner.x, y - 4))
            label = f"{trap.name} · {how}"
            lw = small.size(label)[0]
            blit_text(surface, small, label, (inner.right - lw, y + 2), colour)
            text = fit_lines(body, f"“{thoughts[r.thought_id].thought}”", inner.w - lw - 70, 1)
            for line in text:
                blit_text(surface, body, line, (inner.x + 44, y))
            y += step

    def _last_trap(self) -> str | None:
        if not self.round.results:
            return None
        last = self.round.results[-1]
        return last.trap_chosen if last.correct else last.right_traps[0]

    def help_screen_name(self) -> str:
        return "trap_spot"
