"""Detective Mode: a catch -> check -> change thought record, one short page at a time.

Catch (feeling and its strength), check (belief, which trap, evidence for and against, the friend
test), change (pick a balanced thought or write one), re-rate, then the player's own before/after.
The rules and the order live in ``ThoughtRecord``; this scene only shows them and passes choices on.
The player's own words go to their journal on this computer, never into an event.
"""
from __future__ import annotations

import random
from typing import Callable

import pygame

from game.i18n import N_, _, tr
from game.input.actions import A, Action
from game.mechanics.thinking import (
    OWN_TEXT_MAX, BalancedFeedback, ThinkingError, ThoughtItem, ThoughtRecord, TrapCatalogue, feeling_name,
)
from game.scenes.base import Scene
from game.scenes.thoughts_ui import (
    HELP_SAFE_X, Sparks, TrapCards, blit_text, card, draw_lines, fit_lines, grid_move, rgb, text_in_box, trap_icon,
    use_card_theme,
)
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W
from game.ui.slider import Slider, add_slider, handle_slider_action
from game.ui.theme import COLOURS

STAGES = ((N_("Catch"), ("catch",)), (N_("Check"), ("belief", "trap", "trap_fb", "evidence", "evidence_fb", "friend")),
          (N_("Change"), ("change", "write", "change_fb", "rerate", "done")))
THOUGHT_CARD = pygame.Rect(40, 92, SCREEN_W - 80, 116)
CONTENT_TOP = 228
BACK_RECT = pygame.Rect(40, SCREEN_H - 86, 240, 58)
NEXT_RECT = pygame.Rect(SCREEN_W - 380, SCREEN_H - 86, 340, 58)
SLIDER_W = 860
FEELINGS_SHOWN = 8
SIDE_STYLE = {None: (N_("NOT SORTED"), "#5A4C78"), "for": (N_("SUPPORTS IT"), "#C46A4A"),
              "against": (N_("DOESN'T SUPPORT IT"), "#3E8F86")}
CYCLE = {None: "for", "for": "against", "against": None}
# Back goes to: page -> (previous page, step the record back first)
BACK = {"belief": ("catch", True), "trap": ("belief", True), "trap_fb": ("trap", True),
        "evidence": ("trap", True), "evidence_fb": ("evidence", True), "friend": ("evidence", True),
        "change": ("friend", True), "write": ("change", False), "change_fb": ("change", True),
        "rerate": ("change", True)}


def feeling_label(key: str) -> str:
    return feeling_name(key)


class ThoughtRecordScene(Scene):
    name = "thought_record"

    def __init__(self, app, item: ThoughtItem, catalogue: TrapCatalogue, *, seed: int | None = None,
                 on_done: Callable[[ThoughtRecord], None] | None = None) -> None:
        super().__init__(app)
        self.item = item
        self.catalogue = catalogue
        self.on_done = on_done
        self.record = ThoughtRecord(item, catalogue, random.Random(seed if seed is not None else app.ctx.clock.monotonic()))
        self.page = "catch"
        self.feeling: str | None = None
        self.strength = 50
        self.belief = 50
        self.placements: dict[str, str] = {}
        self.own_text = ""
        self.hint = ""
        self.trap_fb = None
        self.balanced_fb: BalancedFeedback | None = None
        self.cards: TrapCards | None = None
        self.sliders: dict[str, Slider] = {}
        self.rows: dict[str, pygame.Rect] = {}
        self.entry = None
        self.t = 0.0
        self.sparks = Sparks()
        self.saved = False
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), count=24, seed=21)

    # ---------------------------------------------------------------- pages
    def enter(self) -> None:
        use_card_theme(self.ui)
        self.show("catch")

    def resume(self) -> None:
        super().resume()
        for s in self.sliders.values():
            s.show()

    def show(self, page: str) -> None:
        self.clear_ui()
        self.page, self.hint, self.cards, self.entry = page, "", None, None
        self.sliders, self.rows = {}, {}
        if page != "done":
            self.add_button("leave", _("Leave case"), pygame.Rect(HELP_SAFE_X - 210, 12, 200, 48))
        getattr(self, f"_build_{page}")()

    def _nav(self, next_text: str | None = N_("Next »"), back: bool = True) -> None:
        if back and self.page in BACK:
            self.add_button("back", _("« Back"), BACK_RECT.copy())
        if next_text:
            self.add_button("next", _(next_text), NEXT_RECT.copy())

    def _slider(self, sid: str, y: int, value: int, title: str, labels=(N_("not at all"), N_("half"), N_("completely")),
                marker: int | None = None) -> Slider:
        s = Slider(self.ui, pygame.Rect(60, y, SLIDER_W, 46), minimum=0, maximum=100, step=1, key_step=5,
                   value=value, labels=[_(label) for label in labels], title=title, marker=marker)
        self.sliders[sid] = s
        return add_slider(self, sid, s)

    def _build_catch(self) -> None:
        opts = self.record.feeling_options()[:FEELINGS_SHOWN]
        if self.feeling and self.feeling not in opts:
            opts = (self.feeling,) + opts[:-1]
        w = (SCREEN_W - 80 - 3 * 12) // 4
        for i, f in enumerate(opts):
            r, c = divmod(i, 4)
            self.add_button(f"feel:{f}", feeling_label(f), pygame.Rect(40 + c * (w + 12), CONTENT_TOP + 40 + r * 62, w, 50))
        self.feel_ids = [f"feel:{f}" for f in opts]
        self._slider("strength", 480, self.strength, self._strength_title(),
                     labels=(N_("not at all"), N_("medium"), N_("the strongest ever")))
        self._nav(N_("Next »"), back=False)
        self.set_focus(f"feel:{self.feeling}" if self.feeling else self.feel_ids[0])

    def _strength_title(self) -> str:
        if self.feeling:
            return tr("How {feeling} do you feel? (0-100)", feeling=feeling_label(self.feeling))
        return _("How strong is the feeling? (0-100)")

    def _build_belief(self) -> None:
        self._slider("belief", 340, self.belief, _("How much do you believe this thought right now? (0-100)"))
        self._nav()
        self.set_focus("belief")

    def _build_trap(self) -> None:
        self.cards = TrapCards(self, self.record.trap_options(), self.catalogue, CONTENT_TOP + 48)
        self._nav(None)
        self.set_focus(self.cards.button_ids()[0])

    def _build_trap_fb(self) -> None:
        self._nav()
        self.set_focus("next")

    def _build_evidence(self) -> None:
        use_card_theme(self.ui)
        cards = self.record.evidence_cards()
        for i, ev in enumerate(cards):
            rect = self._row_rect(i, len(cards))
            self.rows[ev.id] = rect
            self.add_button(f"ev:{ev.id}", "", rect, object_id="#card_button")
        self._nav(N_("Check my sorting"))
        self.set_focus(f"ev:{cards[0].id}")

    def _row_rect(self, i: int, n: int) -> pygame.Rect:
        top = CONTENT_TOP + 76
        if n <= 5:
            return pygame.Rect(40, top + i * 64, SCREEN_W - 80, 56)
        col_w = (SCREEN_W - 80 - 16) // 2
        r, c = divmod(i, 2)
        return pygame.Rect(40 + c * (col_w + 16), top + r * 72, col_w, 64)

    def _build_evidence_fb(self) -> None:
        for i, ev in enumerate(self.record.evidence_cards()):
            self.rows[ev.id] = self._row_rect(i, len(self.record.evidence_cards()))
        self._nav()
        self.set_focus("next")

    def _build_friend(self) -> None:
        self._nav(N_("I've thought about it"))
        self.set_focus("next")

    def _build_change(self) -> None:
        use_card_theme(self.ui)
        for i, opt in enumerate(self.record.balanced_choices()):
            rect = pygame.Rect(40, CONTENT_TOP + 60 + i * 84, SCREEN_W - 80, 74)
            self.rows[opt.id] = rect
            self.add_button(f"opt:{opt.id}", "", rect, object_id="#card_button")
        self.add_button("write", _("Write my own instead"), pygame.Rect(40, CONTENT_TOP + 60 + 3 * 84 + 6, 380, 54))
        self._nav(None)
        self.set_focus(self.focus_order[1])   # the first option ("leave" comes first)

    def _build_write(self) -> None:
        self.entry = self.track(self.ui.entry(pygame.Rect(40, CONTENT_TOP + 70, SCREEN_W - 80, 62),
                                              initial=self.own_text, object_id="#own_thought", max_len=OWN_TEXT_MAX))
        self.entry.focus()
        self.add_button("back", _("« Back to the choices"), pygame.Rect(40, SCREEN_H - 86, 340, 58))
        self.add_button("use_own", _("Use my thought"), NEXT_RECT.copy())
        self.set_focus("use_own")

    def _build_change_fb(self) -> None:
        self._nav(N_("Rate it again"))
        self.set_focus("next")

    def _build_rerate(self) -> None:
        self._slider("belief_after", 352, self.belief, _("After checking, how much do you believe the thought now?"),
                     marker=self.record.belief_before)
        self._slider("feeling_after", 500, self.strength, tr("How {feeling} do you feel now?", feeling=feeling_label(self.feeling or '')),
                     labels=(N_("not at all"), N_("medium"), N_("the strongest ever")), marker=self.record.feeling_before)
        self._nav(N_("See my change"))
        self.set_focus("belief_after")

    def _build_done(self) -> None:
        self.add_button("close", _("Close the case file"), pygame.Rect(SCREEN_W // 2 - 180, SCREEN_H - 86, 360, 58))
        self.set_focus("close")

    # ---------------------------------------------------------------- actions
    def handle(self, action: Action) -> bool:
        if action.kind is A.TEXT and self.entry is not None:
            self.entry.set_text((action.value or "")[:OWN_TEXT_MAX])
            return True
        if action.kind is A.PAUSE:
            return True
        if action.kind is A.CANCEL:
            if self.page == "done":
                self.on_button("close")
            elif self.page in BACK:
                self.on_button("back")
            else:
                self.on_button("leave")
            return True
        if self.entry is not None and action.kind is A.CONFIRM and self.entry.is_focused:
            self.on_button("use_own")
            return True
        if handle_slider_action(self, action):
            return True
        if self.cards is not None and self.cards.handle_grid(action):
            return True
        if self.page == "catch" and grid_move(self, self.feel_ids, 4, action):
            return True
        return super().handle(action) or True

    def on_button(self, bid: str) -> None:
        if bid == "leave":
            self.app.audio.play("back")
            self.app.stack.pop()
        elif bid == "back":
            self.go_back()
        elif bid.startswith("feel:"):
            self.feeling = bid[5:]
            self.sliders["strength"].title = self._strength_title()
            self.app.audio.play("confirm")
            self.set_focus("strength")
        elif bid in self.sliders:   # Enter on a scale: on to the next scale, or to "Next"
            self.app.audio.play("confirm")
            order = self.focus_order
            later = [b for b in order[order.index(bid) + 1:] if b in self.sliders]
            self.set_focus(later[0] if later else "next")
        elif bid.startswith("trap:"):
            self.choose_trap(bid[5:])
        elif bid.startswith("ev:"):
            eid = bid[3:]
            side = CYCLE[self.placements.get(eid)]
            if side is None:
                self.placements.pop(eid, None)
            else:
                self.placements[eid] = side
            self.app.audio.play("move")
        elif bid.startswith("opt:"):
            self.balanced_fb = self.record.choose_balanced(bid[4:])
            self._after_change()
        elif bid == "write":
            self.app.audio.play("confirm")
            self.show("write")
        elif bid == "use_own":
            self.use_own()
        elif bid == "next":
            self.next()
        elif bid == "close":
            self.app.audio.play("confirm")
            self.app.stack.pop()
            if self.on_done:
                self.on_done(self.record)

    def go_back(self) -> None:
        target, step_back = BACK.get(self.page, (None, False))
        if target is None:
            return
        self._keep_values()
        if step_back and self.record.can_go_back:
            self.record.back()
        self.app.audio.play("back")
        self.show(target)

    def _keep_values(self) -> None:
        for sid, attr in (("strength", "strength"), ("belief", "belief")):
            if sid in self.sliders:
                setattr(self, attr, self.sliders[sid].value)
        if self.entry is not None:
            self.own_text = self.entry.get_text()

    def next(self) -> None:
        self._keep_values()
        p = self.page
        try:
            if p == "catch":
                if not self.feeling:
                    self.hint = _("Pick the feeling that fits best first.")
                    self.app.audio.play("wrong")
                    return
                self.record.catch(self.feeling, self.strength)
                self.show("belief")
            elif p == "belief":
                self.record.rate_belief(self.belief)
                self.show("trap")
            elif p == "trap_fb":
                self.show("evidence")
            elif p == "evidence":
                if not self.placements:
                    self.hint = _("Sort at least one card first: press it to choose a side.")
                    self.app.audio.play("wrong")
                    return
                self.ev_score = self.record.sort_evidence(dict(self.placements))
                self.app.audio.play("right" if not self.ev_score.wrong_ids else "confirm")
                self.show("evidence_fb")
            elif p == "evidence_fb":
                self.show("friend")
            elif p == "friend":
                self.record.acknowledge_friend_test()
                self.app.audio.play("confirm")
                self.show("change")
            elif p == "change_fb":
                self.show("rerate")
            elif p == "rerate":
                self.finish(self.sliders["belief_after"].value, self.sliders["feeling_after"].value)
            else:
                return
        except ThinkingError as e:   # a step out of order: show it kindly, never crash
            self.hint = str(e)
            return
        if p in ("catch", "belief", "trap_fb", "evidence_fb", "change_fb"):
            self.app.audio.play("confirm")

    def choose_trap(self, trap_id: str) -> None:
        self.trap_fb = self.record.choose_trap(trap_id)
        self.app.audio.play("right" if self.trap_fb.correct else "wrong")
        if self.trap_fb.correct:
            self.sparks.burst((THOUGHT_CARD.right - 80, THOUGHT_CARD.centery))
        self.trap_pick = trap_id
        self.show("trap_fb")

    def use_own(self) -> None:
        text = self.entry.get_text() if self.entry is not None else self.own_text
        try:
            self.balanced_fb = self.record.write_own(text)
        except ThinkingError:
            self.hint = _("Type a short thought first, or go back to the choices.")
            self.app.audio.play("wrong")
            return
        self.own_text = text.strip()
        self._after_change()

    def _after_change(self) -> None:
        fb = self.balanced_fb
        good = fb is not None and fb.quality in ("balanced", "own")
        self.app.audio.play("right" if good else "wrong")
        if good:
            self.sparks.burst((SCREEN_W // 2, 300))
        self.show("change_fb")

    def finish(self, belief_after: int, feeling_after: int) -> None:
        summary = self.record.rerate(belief_after, feeling_after)
        self.summary = summary
        self.ctx.bus.publish("thought_record_completed", **self.record.payload())
        profile = self.ctx.profile
        if profile is not None:
            entry = self.record.journal_entry(self.ctx.now_iso())
            entry["kind"] = "thought_record"
            entry["level_id"] = self.ctx.bus.level_id
            profile.data.setdefault("journal", []).append(entry)
        self.ctx.checkpoint()
        self.saved = profile is not None
        self.app.audio.play("complete")
        self.sparks.burst((SCREEN_W // 2, 330), 26)
        self.show("done")

    # ---------------------------------------------------------------- frame
    def update(self, dt: float) -> None:
        self.t += dt
        self.backdrop.update(dt)
        self.sparks.update(dt)
        for s in self.sliders.values():
            s.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        draw.dim(surface, 110)
        self._draw_header(surface)
        if self.page != "done":
            self._draw_thought(surface)
        getattr(self, f"_draw_{self.page}", lambda s: None)(surface)
        fonts = (self.ui.font("small"), self.ui.font("title", bold=True))
        for s in self.sliders.values():
            s.draw(surface, fonts)
        if self.cards is not None:
            self.cards.draw(surface)
        if self.hint:
            f = self.ui.font("small", bold=True)
            draw.text(surface, f, self.hint, (BACK_RECT.right + 30, BACK_RECT.centery - f.get_linesize() // 2),
                      COLOURS["warn"], shadow=False)
        self.sparks.draw(surface)

    def _draw_header(self, surface: pygame.Surface) -> None:
        draw.text(surface, self.ui.font("title", bold=True), _("Detective Mode"), (40, 14))
        f, fb = self.ui.font("small"), self.ui.font("small", bold=True)
        x = 44
        for i, (name, pages) in enumerate(STAGES):
            current = self.page in pages
            font = fb if current else f
            label = f"{i + 1}. {_(name)}"
            blit_text(surface, font, label, (x, 60), COLOURS["focus"] if current else COLOURS["muted"])
            x += font.size(label)[0] + 14
            if i < len(STAGES) - 1:
                blit_text(surface, f, "›", (x, 60), COLOURS["muted"])
                x += f.size("›")[0] + 14

    def _draw_thought(self, surface: pygame.Surface) -> None:
        r = THOUGHT_CARD
        draw.panel(surface, r, alpha=235)
        small, big = self.ui.font("small"), self.ui.font(26, bold=True)
        inner = r.inflate(-48, -24)
        line = fit_lines(small, self.item.situation, inner.width, 1)
        draw_lines(surface, small, line, inner.x, inner.y, COLOURS["muted"])
        y = inner.y + int(small.get_linesize() * 1.25) + 6
        draw_lines(surface, big, fit_lines(big, f"“{self.item.thought}”", inner.width, 2), inner.x, y, gap=1.15)

    def _prompt(self, surface: pygame.Surface, text: str, y: int = CONTENT_TOP, sub: str = "") -> None:
        f = self.ui.font("body", bold=True)
        blit_text(surface, f, text, (40, y))
        if sub:
            blit_text(surface, self.ui.font("small"), sub, (40, y + f.get_linesize() + 2), COLOURS["muted"])

    def _draw_catch(self, surface: pygame.Surface) -> None:
        self._prompt(surface, _("Catch it: which feeling comes with this thought?"))
        if self.feeling:
            btn = self.buttons.get(f"feel:{self.feeling}")
            if btn is not None:
                pygame.draw.rect(surface, rgb(COLOURS["good"]), btn.rect.inflate(10, 10), width=4, border_radius=16)

    def _draw_belief(self, surface: pygame.Surface) -> None:
        self._prompt(surface, _("Check it: start by rating how true it feels."),
                     sub=_("There's no right answer. Just be honest with yourself."))

    def _draw_trap(self, surface: pygame.Surface) -> None:
        self._prompt(surface, _("Which thinking trap could this thought be caught in?"),
                     sub=_("Pick the card that fits best."))

    def _draw_trap_fb(self, surface: pygame.Surface) -> None:
        fb = self.trap_fb
        if fb is None:
            return
        self._prompt(surface, _("Nice catch!") if fb.correct else _("Not quite, but that's how you learn."))
        box = pygame.Rect(40, CONTENT_TOP + 50, SCREEN_W - 80, 130)
        draw.panel(surface, box, alpha=235, border=COLOURS["good"] if fb.correct else COLOURS["warn"])
        icon = pygame.transform.scale(trap_icon(fb.right_traps[0] if not fb.correct else self.trap_pick), (96, 96))
        surface.blit(icon, (box.x + 24, box.centery - 48))
        text_in_box(surface, self.ui.font("body"), fb.text, pygame.Rect(box.x + 150, box.y + 14, box.w - 180, box.h - 28),
                    max_lines=3)
        trap = self.catalogue.get(fb.right_traps[0] if not fb.correct else self.trap_pick)
        tip = pygame.Rect(40, box.bottom + 24, SCREEN_W - 80, 80)
        card(surface, tip, fill="#2B2140", border="#6E5A96")
        text_in_box(surface, self.ui.font("body"), tr("Another {name} thought: {example}  Check question: {check}",
                       name=trap.name, example=trap.example, check=trap.check_question), tip.inflate(-40, -10), colour=COLOURS["muted"], max_lines=2)

    def _draw_evidence(self, surface: pygame.Surface, result: bool = False) -> None:
        if result:
            s = self.ev_score
            right = tr("You sorted {correct} of {total} the right way.", correct=s.correct, total=s.total)
            extra = _("The amber ones go on the other side.") if s.wrong_ids else _("Great detective work!")
            self._prompt(surface, right + " " + extra,
                         sub=_("Facts that don't support a thought are often the ones a trap hides."))
        else:
            self._prompt(surface, _("Check the evidence: does each fact support the thought?"),
                         sub=_("Press a card to sort it: supports it, doesn't support it, or leave it out."))
        small_b, body = self.ui.font("small", bold=True), self.ui.font(20)
        wrong = set(getattr(self, "ev_score", None).wrong_ids) if result else set()
        for ev in self.record.evidence_cards():
            rect = self.rows.get(ev.id)
            if rect is None:
                continue
            side = (ev.side if ev.id in self.placements else None) if result else self.placements.get(ev.id)
            if result and ev.id not in self.placements:
                side = ev.side
            label, colour = SIDE_STYLE[side]
            label = _(label)
            border = None
            if result:
                border = COLOURS["warn"] if ev.id in wrong else (COLOURS["good"] if ev.id in self.placements else "#6E5A96")
            card(surface, rect, fill="#33284D", border=border)
            tag = pygame.Rect(rect.x + 10, rect.y + 10, 220, rect.h - 20)
            card(surface, tag, fill=colour, radius=10)
            if result and ev.id not in self.placements:
                label = _("LEFT OUT · SUPPORTS") if ev.side == "for" else _("LEFT OUT · DOESN'T")
            text_in_box(surface, small_b, label, tag.inflate(-12, 0), max_lines=1, center=True)
            text_in_box(surface, body, ev.text, pygame.Rect(tag.right + 18, rect.y + 4, rect.right - tag.right - 36, rect.h - 8),
                        max_lines=2)

    def _draw_evidence_fb(self, surface: pygame.Surface) -> None:
        self._draw_evidence(surface, result=True)

    def _draw_friend(self, surface: pygame.Surface) -> None:
        self._prompt(surface, _("The friend test"))
        bubble = pygame.Rect(40, CONTENT_TOP + 44, SCREEN_W - 80, 110)
        card(surface, bubble, fill="#FFF6E5", radius=18)
        text_in_box(surface, self.ui.font(26, bold=True), self.record.friend_test, bubble.inflate(-60, -20),
                    colour="#2B2140", max_lines=2, center=True)
        f = self.ui.font("body")
        blit_text(surface, f, _("Say your answer in your head. Friends often get kinder, fairer words than we give ourselves."),
                  (40, bubble.bottom + 20), COLOURS["muted"])
        against = [e.text for e in self.item.evidence if e.side == "against"][:3]
        y = bubble.bottom + 70
        blit_text(surface, self.ui.font("small", bold=True), _("FACTS THAT DON'T FIT THE THOUGHT"), (40, y), COLOURS["muted"])
        y += 30
        for text in against:
            pygame.draw.circle(surface, rgb("#3E8F86"), (52, y + 13), 6)
            draw_lines(surface, self.ui.font(20), fit_lines(self.ui.font(20), text, SCREEN_W - 140, 1), 70, y)
            y += 34

    def _draw_change(self, surface: pygame.Surface) -> None:
        self._prompt(surface, _("Change it: which thought is the most balanced?"),
                     sub=_("Balanced means fair and true: a thought you could really believe."))
        f = self.ui.font(22)
        for i, opt in enumerate(self.record.balanced_choices()):
            rect = self.rows.get(opt.id)
            if rect is None:
                continue
            card(surface, rect, fill="#33284D")
            chip = pygame.Rect(rect.x + 12, rect.centery - 22, 44, 44)
            card(surface, chip, fill="#4A3A6B", radius=22)
            text_in_box(surface, self.ui.font("body", bold=True), "ABC"[i], chip, center=True, max_lines=1)
            text_in_box(surface, f, opt.text, pygame.Rect(chip.right + 20, rect.y + 6, rect.w - 100, rect.h - 12), max_lines=2)

    def _draw_write(self, surface: pygame.Surface) -> None:
        self._prompt(surface, _("Write your own balanced thought (optional)"),
                     sub=_("Fair, true and kind. Short is fine."))
        n = len(self.entry.get_text()) if self.entry is not None else 0
        y = CONTENT_TOP + 146
        f = self.ui.font("small")
        blit_text(surface, f, f"{n}/{OWN_TEXT_MAX}", (SCREEN_W - 40 - f.size(f"{n}/{OWN_TEXT_MAX}")[0], y), COLOURS["muted"])
        note = pygame.Rect(40, y + 40, SCREEN_W - 80, 92)
        card(surface, note, fill="#2B2140", border=COLOURS["warn"])
        text_in_box(surface, self.ui.font("body", bold=True),
                    _("Please don't write anyone's name. Say \"a friend\" or \"my teacher\" instead. "
                      "Your words stay in your journal on this computer."), note.inflate(-40, -12), max_lines=2)

    def _draw_change_fb(self, surface: pygame.Surface) -> None:
        fb = self.balanced_fb
        if fb is None:
            return
        good = fb.quality in ("balanced", "own")
        self._prompt(surface, _("Your new thought") if fb.quality == "own" else _("You chose"))
        chosen = self.own_text if fb.quality == "own" else self.item.option(self.record.balanced_option_id or "").text
        box = pygame.Rect(40, CONTENT_TOP + 40, SCREEN_W - 80, 84)
        card(surface, box, fill="#FFF6E5", radius=16)
        text_in_box(surface, self.ui.font(24, bold=True), f"“{chosen}”", box.inflate(-48, -12), colour="#2B2140", max_lines=2)
        fbox = pygame.Rect(40, box.bottom + 18, SCREEN_W - 80, 96)
        draw.panel(surface, fbox, alpha=235, border=COLOURS["good"] if good else COLOURS["warn"])
        words = " ".join(w for w in (fb.text, fb.why) if w)
        text_in_box(surface, self.ui.font("body"), words, fbox.inflate(-48, -14), max_lines=2)
        if fb.quality != "balanced":
            y = fbox.bottom + 20
            blit_text(surface, self.ui.font("small", bold=True), _("A BALANCED THOUGHT COULD BE"), (40, y), COLOURS["muted"])
            draw_lines(surface, self.ui.font(22), fit_lines(self.ui.font(22), f"“{fb.balanced_text}”", SCREEN_W - 80, 2), 40, y + 28)

    def _draw_rerate(self, surface: pygame.Surface) -> None:
        self._prompt(surface, _("Rate again, now that you've checked it."),
                     sub=_("The light line on each scale shows your first answer."))

    def _draw_done(self, surface: pygame.Surface) -> None:
        f = self.ui.font("title", bold=True)
        draw.text(surface, f, _("Case closed!"), (SCREEN_W // 2, 120), COLOURS["focus"], center=True)
        rec = self.record
        rows = ((_("How much you believed the thought"), rec.belief_before, rec.belief_after),
                (tr("How {feeling} you felt", feeling=feeling_label(rec.feeling or '')), rec.feeling_before,
                 rec.feeling_after))
        y = 168
        label_f, num_f = self.ui.font("body", bold=True), self.ui.font("small", bold=True)
        for title, before, after in rows:
            blit_text(surface, label_f, title, (120, y))
            y += 36
            for name, value, colour in ((_("Before"), before, "#8C7BB0"), (_("After"), after, COLOURS["focus"])):
                blit_text(surface, num_f, name, (120, y + 4), COLOURS["muted"])
                track = pygame.Rect(220, y, 860, 28)
                card(surface, track, fill="#1E1730", radius=14)
                w = max(14, int(track.w * (value or 0) / 100))
                card(surface, pygame.Rect(track.x, track.y, w, track.h), fill=colour, radius=14)
                blit_text(surface, num_f, str(value), (track.right + 16, y + 4))
                y += 38
            y += 18
        text = " ".join(self.summary.lines) if hasattr(self, "summary") else ""
        text_in_box(surface, self.ui.font("body"), text, pygame.Rect(120, y, SCREEN_W - 240, 60), max_lines=2, center=True)
        y += 70
        balanced = self.own_text if rec.own_text is not None else rec.item.option(rec.balanced_option_id or "").text
        box = pygame.Rect(120, y, SCREEN_W - 240, 70)
        card(surface, box, fill="#FFF6E5", radius=16)
        text_in_box(surface, self.ui.font(22, bold=True), f"“{balanced}”", box.inflate(-40, -10), colour="#2B2140", max_lines=2, center=True)
        if self.saved:
            blit_text(surface, self.ui.font("small"), _("Saved in your journal. Open it any time from the pause menu."),
                      (SCREEN_W // 2, box.bottom + 22), COLOURS["muted"], center=True)

    def help_screen_name(self) -> str:
        return "thought_record"
