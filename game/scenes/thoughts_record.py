"""Detective Mode: a catch -> check -> change thought record, one short page at a time.

Catch (feeling and its strength), check (belief, which trap, evidence for and against, the friend
test), change (pick a balanced thought or write one), re-rate, then the player's own before/after.
The rules and the order live in ``ThoughtRecord``; this scene only shows them and passes choices on.
The player's own words go to their journal on this computer, never into an event.

Every page is laid out from the current font (text size, dyslexia font): its pieces are ``Block``s
stacked under the thought; a page too tall for the screen at big text is shown in parts, with
"Next »" and "« Back" going through the parts before the record moves on.
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
    HELP_SAFE_X, Block, Sparks, TrapCards, blit_text, card, font_px, grid_move, lines_h, pack, place, rgb,
    trap_grid, trap_icon, use_card_theme, wrap_lines,
)
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect
from game.ui.slider import ARROW_W, Slider, add_slider, handle_slider_action
from game.ui.theme import COLOURS

STAGES = ((N_("Catch"), ("catch",)), (N_("Check"), ("belief", "trap", "trap_fb", "evidence", "evidence_fb", "friend")),
          (N_("Change"), ("change", "write", "change_fb", "rerate", "done")))
MARGIN = 40
WIDTH = SCREEN_W - 2 * MARGIN
SLIDER_X, SLIDER_W = 60, 860
FEELINGS_SHOWN = 8
SIDE_STYLE = {None: (N_("NOT SORTED"), "#5A4C78"), "for": (N_("SUPPORTS IT"), "#C46A4A"),
              "against": (N_("DOESN'T SUPPORT IT"), "#3E8F86")}
LEFT_OUT = {"for": N_("LEFT OUT · SUPPORTS"), "against": N_("LEFT OUT · DOESN'T")}
CYCLE = {None: "for", "for": "against", "against": None}
# Back goes to: page -> (previous page, step the record back first)
BACK = {"belief": ("catch", True), "trap": ("belief", True), "trap_fb": ("trap", True),
        "evidence": ("trap", True), "evidence_fb": ("evidence", True), "friend": ("evidence", True),
        "change": ("friend", True), "write": ("change", False), "change_fb": ("change", True),
        "rerate": ("change", True)}
# The button that ends a page: page -> (button id, text); None: choosing something moves on
FORWARD = {"catch": ("next", N_("Next »")), "belief": ("next", N_("Next »")), "trap": None,
           "trap_fb": ("next", N_("Next »")), "evidence": ("next", N_("Check my sorting")),
           "evidence_fb": ("next", N_("Next »")), "friend": ("next", N_("I've thought about it")),
           "change": None, "write": ("use_own", N_("Use my thought")), "change_fb": ("next", N_("Rate it again")),
           "rerate": ("next", N_("See my change")), "done": ("close", N_("Close the case file"))}
SCALE_ENDS = (N_("not at all"), N_("half"), N_("completely"))
FEELING_ENDS = (N_("not at all"), N_("medium"), N_("the strongest ever"))


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
        self.part = 0                      # which part of a page that is shown in parts (big text)
        self.parts: list[list[Block]] = []
        self.feeling: str | None = None
        self.values: dict[str, int] = {"strength": 50, "belief": 50}   # the scales' values
        self.placements: dict[str, str] = {}
        self.own_text = ""
        self.hint = ""
        self.trap_fb = None
        self.trap_pick = ""
        self.balanced_fb: BalancedFeedback | None = None
        self.cards: TrapCards | None = None
        self.feel_ids: list[str] = []
        self.sliders: dict[str, Slider] = {}
        self.rows: dict[str, pygame.Rect] = {}
        self.entry = None
        self.t = 0.0
        self.sparks = Sparks()
        self.saved = False
        self.card_rect = pygame.Rect(MARGIN, 92, WIDTH, 116)
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
        self._keep_values()
        self.page, self.hint, self.part = page, "", 0
        if page == "rerate":
            self.values.setdefault("belief_after", self.values["belief"])
            self.values.setdefault("feeling_after", self.values["strength"])
        self.build()
        self._focus_default()

    def show_part(self, part: int) -> None:
        self._keep_values()
        self.part, self.hint = part, ""
        self.build()
        self._focus_default()

    def relayout(self) -> None:
        """New text size or font: the page is laid out again (its parts may change)."""
        self._keep_values()
        self._rebuild_in_place()

    def _rebuild_in_place(self) -> None:
        """Build again and stay on the part that shows what was shown (and the same focus)."""
        focus = self.focused()
        shown = [b.key for b in self.parts[self.part] if b.key and not b.sticky] if self.parts else []
        self.build()
        for key in shown:
            part = self._part_of(key)
            if part is not None:
                if part != self.part:
                    self.part = part
                    self.build()
                break
        if focus in self.focus_order:
            self.set_focus(focus)
        else:
            self._focus_default()

    def build(self) -> None:
        """The current page (and part) from the current font: header, thought, blocks, buttons."""
        self.clear_ui()
        self.cards, self.entry, self.sliders, self.rows, self.feel_ids = None, None, {}, {}, []
        self._card_rows: list[tuple[int, int]] = []
        self._frame()
        blocks = getattr(self, f"_blocks_{self.page}")()
        self.parts = self._pack(blocks)
        if self.page == "write" and len(self.parts) > 1:   # big text: the note first, then the writing
            blocks = [b for b in blocks if b.key != "entry"] + [b for b in blocks if b.key == "entry"]
            self.parts = self._pack(blocks)
        self.part = max(0, min(self.part, len(self.parts) - 1))
        if self.page != "done":
            self.add_button("leave", _("Leave case"), self.leave_rect.copy())
        place(self.parts[self.part], (self.view if self.shows_thought() else self.view_later).y)
        for b in self.parts[self.part]:
            if b.build is not None:
                b.build(b.y)
        if self._card_rows:
            rows = [r for r, _ in self._card_rows]
            self.cards = TrapCards(self, self.record.trap_options(), self.catalogue, self._card_rows[0][1],
                                   rows=range(min(rows), max(rows) + 1), spec=self._grid)
        self._nav()

    def shows_thought(self, part: int | None = None) -> bool:
        """Is the thought card above this part? (Big text: above the first part of the pages that
        ask about the thought only.)"""
        part = self.part if part is None else part
        if self.page == "done":
            return False
        if not self.compact:
            return True
        return part == 0 and self.page in ("catch", "belief", "trap", "evidence", "change", "write")

    def _pack(self, blocks: list[Block]) -> list[list[Block]]:
        first = self.view if self.shows_thought(0) else self.view_later
        return pack(blocks, first.h, self.view_later.h, self.compact and self.shows_thought(0))

    def _focus_default(self) -> None:
        want = {"catch": [f"feel:{self.feeling}", *self.feel_ids, "strength"], "belief": ["belief"],
                "trap": self.cards.button_ids() if self.cards else [],
                "evidence": [f"ev:{e.id}" for e in self.record.evidence_cards()],
                "change": [f"opt:{o.id}" for o in self.record.balanced_choices()],
                "write": ["use_own"], "rerate": ["belief_after", "feeling_after"]}.get(self.page, [])
        rest = [b for b in self.focus_order if b not in ("leave", "back")]
        for bid in [*want, "next", "close", "use_own", *rest]:
            if bid in self.focus_order:
                self.set_focus(bid)
                break
        if self.entry is not None:
            self.entry.focus()

    # ---------------------------------------------------------------- layout
    def _frame(self) -> None:
        """Header, thought card, button row and the room left between them: ``self.view`` for a
        page's first part and ``self.view_later`` for the others (big text: the thought card is
        shown above the first part only, so later parts have more room)."""
        ui = self.ui
        compact = self.compact = ui.text_scale > 1.0
        title_f, small, small_b = ui.font("title", bold=True), ui.font("small"), ui.font("small", bold=True)
        bh = ui.button_h(48)
        leave_w = max(200, ui.button_w(_("Leave case")))
        right = min(HELP_SAFE_X - 10, help_rect(self.app).x - 8)
        self.leave_rect = pygame.Rect(right - leave_w, 12, leave_w, bh)
        y = max(14 + title_f.get_linesize() - 1, self.leave_rect.bottom if self.page != "done" else 0)
        # the three stages (on two lines if they must)
        self.stage_pos: list[tuple[str, int, int, bool]] = []
        x = 44
        for i, (name, pages) in enumerate(STAGES):
            current = self.page in pages
            font = small_b if current else small
            label = f"{i + 1}. {_(name)}"
            w = font.size(label)[0]
            if x > 44 and x + w > SCREEN_W - MARGIN:
                x, y = 44, y + small.get_linesize()
            self.stage_pos.append((label, x, y, current))
            x += w + 14
            if i < len(STAGES) - 1:
                self.stage_pos.append(("›", x, y, False))
                x += small.size("›")[0] + 14
        stage_bottom = y + small.get_linesize()
        # the thought
        inner_w = WIDTH - 48
        self.sit_lines = wrap_lines(small, self.item.situation, inner_w)
        self.big = font_px(ui, 26, bold=True, heading=True)
        self.thought_lines = wrap_lines(self.big, f"“{self.item.thought}”", inner_w)
        self.sit_gap = 1.1 if compact else 1.25
        pad = 10 if compact else 12
        h = pad + len(self.sit_lines) * int(small.get_linesize() * self.sit_gap) + 6 + \
            lines_h(self.big, len(self.thought_lines), 1.15) + pad + 2
        self.card_rect = pygame.Rect(MARGIN, stage_bottom + 7, WIDTH, max(116, h))
        top = self.card_rect.bottom + (14 if compact else 20) if self.page != "done" else stage_bottom + 10
        # the buttons at the bottom
        nh = ui.button_h(58)
        nav_y = SCREEN_H - (16 if compact else 28) - nh
        self.nav_y, self.nav_h = nav_y, nh
        bottom = nav_y - (10 if compact else 16)
        self.hint_lines: list[str] = []
        self.hint_at = (0, 0)
        if self.hint:
            back_w = max(240, ui.button_w(_(self._back_text())))
            fwd = self._forward()
            next_w = max(340, ui.button_w(_(fwd[1]))) if fwd else 0
            room = SCREEN_W - 2 * MARGIN - back_w - next_w - 60
            if small_b.size(self.hint)[0] <= room and small_b.get_linesize() <= nh:
                self.hint_lines = [self.hint]
                self.hint_at = (MARGIN + back_w + 30, nav_y + nh // 2 - small_b.get_linesize() // 2)
            else:                   # big text: the hint gets a place of its own above the buttons
                self.hint_lines = wrap_lines(small_b, self.hint, WIDTH)
                hh = len(self.hint_lines) * small_b.get_linesize()
                self.hint_at = (MARGIN, nav_y - 10 - hh)
                bottom = self.hint_at[1] - 10
        self.view = pygame.Rect(MARGIN, top, WIDTH, max(40, bottom - top))
        later = stage_bottom + 12 if compact else top
        self.view_later = pygame.Rect(MARGIN, later, WIDTH, max(40, bottom - later))

    def _back_text(self) -> str:
        return N_("« Back to the choices") if self.page == "write" and self.part == 0 else N_("« Back")

    def _forward(self) -> tuple[str, str] | None:
        if self.part < len(self.parts) - 1 if self.parts else False:
            return ("next", N_("Next »"))
        return FORWARD.get(self.page)

    def _nav(self) -> None:
        ui = self.ui
        h = self.nav_h
        if self.part > 0 or self.page in BACK:
            text = _(self._back_text())
            self.add_button("back", text, pygame.Rect(MARGIN, self.nav_y, max(240, ui.button_w(text)), h))
        fwd = self._forward()
        if fwd:
            bid, text = fwd[0], _(fwd[1])
            if bid == "close":
                w = max(360, ui.button_w(text))
                rect = pygame.Rect(SCREEN_W // 2 - w // 2, self.nav_y, w, h)
            else:
                w = max(340, ui.button_w(text))
                rect = pygame.Rect(SCREEN_W - MARGIN - w, self.nav_y, w, h)
            self.add_button(bid, text, rect)

    # ---------------------------------------------------------------- blocks
    def _text_block(self, text: str, font: pygame.font.Font, colour: str | None = None, *, x: int = MARGIN,
                    width: int = WIDTH, gap: int = 12, center: bool = False, line_gap: float = 1.2, **kw) -> Block:
        lines = wrap_lines(font, text, width)

        def paint(surface: pygame.Surface, y: int) -> None:
            step = int(font.get_linesize() * line_gap)
            c = colour or COLOURS["text"]
            for i, line in enumerate(lines):
                if center:
                    blit_text(surface, font, line, (x + width // 2, y + i * step + font.get_linesize() // 2), c, center=True)
                else:
                    blit_text(surface, font, line, (x, y + i * step), c)

        return Block(lines_h(font, len(lines), line_gap), paint, gap=gap, **kw)

    def _prompt(self, text: str, sub: str = "", sticky: bool = False) -> list[Block]:
        """The page's question and a line under it. ``sticky``: the question is shown again above
        the later parts of a page (a list of cards shown in parts)."""
        f, sf = self.ui.font("body", bold=True), self.ui.font("small")
        blocks = [self._text_block(text, f, line_gap=1.15, key="prompt", sticky=sticky, keep=True)]
        if sub:
            blocks.append(self._text_block(sub, sf, COLOURS["muted"], line_gap=1.15, gap=2, key="sub", keep=True))
        return blocks

    def _slider_block(self, sid: str, title: Callable[[], str], ends: tuple[str, ...], marker: int | None = None,
                      gap: int = 28) -> Block:
        """A 0-100 scale with its question above and its end words under it (wrapped, never cut)."""
        small = self.ui.font("small")
        ls = small.get_linesize()
        title_w = SCREEN_W - SLIDER_X - MARGIN
        th = len(wrap_lines(small, title(), title_w)) * ls + 8
        labels = [_(e) for e in ends]
        spots = self._label_spots(small, labels)
        label_rows = 1 + max((r for _, _, r in spots), default=0)
        track = 46

        def build(y: int) -> None:
            s = Slider(self.ui, pygame.Rect(SLIDER_X, y + th, SLIDER_W, track), minimum=0, maximum=100, step=1,
                       key_step=5, value=self.values.get(sid, 50), marker=marker)
            self.sliders[sid] = s
            add_slider(self, sid, s)

        def paint(surface: pygame.Surface, y: int) -> None:
            for i, line in enumerate(wrap_lines(small, title(), title_w)):
                blit_text(surface, small, line, (SLIDER_X, y + i * ls), COLOURS["muted"])
            ly = y + th + track + 10
            for text, x, row in spots:
                blit_text(surface, small, text, (x, ly + row * ls), COLOURS["muted"])

        return Block(th + track + 10 + label_rows * ls, paint, build, gap=gap, key=sid)

    @staticmethod
    def _label_spots(font: pygame.font.Font, labels: list[str]) -> list[tuple[str, int, int]]:
        """Where a scale's end words go: spread under the track, on a second row when they'd touch."""
        inner_l, inner_r = SLIDER_X + ARROW_W, SLIDER_X + SLIDER_W - ARROW_W
        n = len(labels)
        taken: list[list[tuple[int, int]]] = []
        out = []
        for i in [0, n - 1, *range(1, n - 1)][:n]:     # the two ends first, then the middle ones
            text = labels[i]
            w = font.size(text)[0]
            if i == 0:
                x = inner_l
            elif i == n - 1:
                x = inner_r - w
            else:
                x = int(inner_l + (inner_r - inner_l) * i / (n - 1)) - w // 2
            x = max(MARGIN, min(x, SCREEN_W - MARGIN - w))
            row = 0
            while row < len(taken) and any(x < b + 40 and a < x + w + 40 for a, b in taken[row]):
                row += 1
            if row == len(taken):
                taken.append([])
            taken[row].append((x, x + w))
            out.append((text, x, row))
        return out

    def _blocks_catch(self) -> list[Block]:
        ui = self.ui
        opts = self.record.feeling_options()[:FEELINGS_SHOWN]
        if self.feeling and self.feeling not in opts:
            opts = (self.feeling,) + opts[:-1]
        need = max(ui.button_w(feeling_label(f), pad=32) for f in opts)
        cols = 4
        while cols > 1 and (WIDTH - 12 * (cols - 1)) // cols < need:
            cols -= 1
        w = (WIDTH - 12 * (cols - 1)) // cols
        h = max(50, ui.line_h("button", True) + (10 if self.compact else 18))
        blocks = [*self._prompt(_("Catch it: which feeling comes with this thought?"))]
        for r in range(0, len(opts), cols):
            row = opts[r:r + cols]

            def build(y: int, row=row) -> None:
                for c, f in enumerate(row):
                    self.add_button(f"feel:{f}", feeling_label(f), pygame.Rect(MARGIN + c * (w + 12), y, w, h))
                    self.feel_ids.append(f"feel:{f}")

            blocks.append(Block(h, None, build, gap=12, group="feel", key=f"feel{r}"))
        blocks.append(self._slider_block("strength", self._strength_title, FEELING_ENDS, gap=44))
        return blocks

    def _strength_title(self) -> str:
        if self.feeling:
            return tr("How {feeling} do you feel? (0-100)", feeling=feeling_label(self.feeling))
        return _("How strong is the feeling? (0-100)")

    def _blocks_belief(self) -> list[Block]:
        return [*self._prompt(_("Check it: start by rating how true it feels."),
                             _("There's no right answer. Just be honest with yourself.")),
                self._slider_block("belief", lambda: _("How much do you believe this thought right now? (0-100)"),
                                   SCALE_ENDS, gap=56)]

    def _blocks_trap(self) -> list[Block]:
        ids = self.record.trap_options()
        self._grid = trap_grid(self.ui, [self.catalogue.get(t).name for t in ids], compact=self.ui.text_scale > 1.0)
        blocks = [*self._prompt(_("Which thinking trap could this thought be caught in?"), _("Pick the card that fits best."),
                                sticky=True)]
        for r in range(self._grid.rows):
            blocks.append(Block(self._grid.h, None, lambda y, r=r: self._card_rows.append((r, y)),
                                gap=18 if r == 0 else self._grid.gap, group="cards", key=f"cards{r}"))
        return blocks

    def _blocks_trap_fb(self) -> list[Block]:
        fb = self.trap_fb
        if fb is None:
            return self._prompt("")
        body = self.ui.font("body")
        shown = fb.right_traps[0] if not fb.correct else self.trap_pick
        text_w = WIDTH - 180
        lines = wrap_lines(body, fb.text, text_w)
        box_h = max(130, lines_h(body, len(lines)) + 28)

        def box(surface: pygame.Surface, y: int) -> None:
            r = pygame.Rect(MARGIN, y, WIDTH, box_h)
            draw.panel(surface, r, alpha=235, border=COLOURS["good"] if fb.correct else COLOURS["warn"])
            icon = pygame.transform.scale(trap_icon(shown), (96, 96))
            surface.blit(icon, (r.x + 24, r.centery - 48))
            self._lines_centred(surface, body, lines, pygame.Rect(r.x + 150, r.y, text_w, r.h))

        trap = self.catalogue.get(shown)
        tip_text = tr("Another {name} thought: {example}  Check question: {check}",
                      name=trap.name, example=trap.example, check=trap.check_question)
        tip_lines = wrap_lines(body, tip_text, WIDTH - 40)
        tip_h = max(80, lines_h(body, len(tip_lines)) + 26)

        def tip(surface: pygame.Surface, y: int) -> None:
            r = pygame.Rect(MARGIN, y, WIDTH, tip_h)
            card(surface, r, fill="#2B2140", border="#6E5A96")
            self._lines_centred(surface, body, tip_lines, r.inflate(-40, 0), COLOURS["muted"])

        return [*self._prompt(_("Nice catch!") if fb.correct else _("Not quite, but that's how you learn.")),
                Block(box_h, box, gap=20, key="box"), Block(tip_h, tip, gap=24, key="tip")]

    @staticmethod
    def _lines_centred(surface: pygame.Surface, font: pygame.font.Font, lines: list[str], rect: pygame.Rect,
                       colour: str | None = None, center: bool = False) -> None:
        step = int(font.get_linesize() * 1.2)
        colour = colour or COLOURS["text"]
        y = rect.centery - lines_h(font, len(lines)) // 2
        for line in lines:
            if center:
                blit_text(surface, font, line, (rect.centerx, y + font.get_linesize() // 2), colour, center=True)
            else:
                blit_text(surface, font, line, (rect.x, y), colour)
            y += step

    # -- evidence
    def _evidence_rows(self, result: bool) -> list[Block]:
        ui = self.ui
        small_b, body = ui.font("small", bold=True), font_px(ui, 20)
        cards = self.record.evidence_cards()
        labels = [_(t) for t, _c in SIDE_STYLE.values()] + [_(t) for t in LEFT_OUT.values()]
        tag_w = max(220, max(small_b.size(t)[0] for t in labels) + 24)
        two = len(cards) > 5
        col_w = (WIDTH - 16) // 2 if two else WIDTH
        text_w = col_w - tag_w - 46
        stacked = text_w < 260
        if stacked:
            text_w = col_w - 40
        texts = {ev.id: wrap_lines(body, ev.text, text_w) for ev in cards}
        most = max(len(t) for t in texts.values())
        if self.compact or (two and (stacked or most > 2)):     # big text: one card a row, each its own height
            return self._evidence_rows_one_col(result)
        tag_h = small_b.get_linesize() + 12
        if stacked:
            row_h = 10 + tag_h + 8 + lines_h(body, most) + 12
        else:
            row_h = max(64 if two else 56, lines_h(body, most) + 20)
        blocks = []
        step = 2 if two else 1
        for i in range(0, len(cards), step):
            pair = cards[i:i + step]

            def build(y: int, pair=pair) -> None:
                for c, ev in enumerate(pair):
                    rect = pygame.Rect(MARGIN + c * (col_w + 16), y, col_w, row_h)
                    self.rows[ev.id] = rect
                    if not result:
                        self.add_button(f"ev:{ev.id}", "", rect, object_id="#card_button")

            def paint(surface: pygame.Surface, y: int, pair=pair) -> None:
                for ev in pair:
                    rect = self.rows.get(ev.id)
                    if rect is not None:
                        self._draw_evidence_card(surface, ev, rect, texts[ev.id], tag_w, tag_h, stacked, result)

            blocks.append(Block(row_h, paint, build, gap=18 if i == 0 else 8, key=f"ev{i}"))
        return blocks

    def _evidence_rows_one_col(self, result: bool) -> list[Block]:
        ui = self.ui
        small_b, body = ui.font("small", bold=True), font_px(ui, 20)
        labels = [_(t) for t, _c in SIDE_STYLE.values()] + [_(t) for t in LEFT_OUT.values()]
        tag_w = max(220, max(small_b.size(t)[0] for t in labels) + 24)
        text_w = WIDTH - tag_w - 46
        stacked = text_w < 260
        if stacked:
            text_w = WIDTH - 40
        tag_h = small_b.get_linesize() + 12
        blocks = []
        for i, ev in enumerate(self.record.evidence_cards()):
            lines = wrap_lines(body, ev.text, text_w)
            row_h = (10 + tag_h + 8 + lines_h(body, len(lines)) + 12) if stacked else max(56, lines_h(body, len(lines)) + 20)

            def build(y: int, ev=ev, row_h=row_h) -> None:
                rect = pygame.Rect(MARGIN, y, WIDTH, row_h)
                self.rows[ev.id] = rect
                if not result:
                    self.add_button(f"ev:{ev.id}", "", rect, object_id="#card_button")

            def paint(surface: pygame.Surface, y: int, ev=ev, lines=lines) -> None:
                rect = self.rows.get(ev.id)
                if rect is not None:
                    self._draw_evidence_card(surface, ev, rect, lines, tag_w, tag_h, stacked, result)

            blocks.append(Block(row_h, paint, build, gap=18 if i == 0 else 8, key=f"ev{i}"))
        return blocks

    def _draw_evidence_card(self, surface: pygame.Surface, ev, rect: pygame.Rect, lines: list[str], tag_w: int,
                            tag_h: int, stacked: bool, result: bool) -> None:
        small_b, body = self.ui.font("small", bold=True), font_px(self.ui, 20)
        wrong = set(self.ev_score.wrong_ids) if result else set()
        side = self.placements.get(ev.id)
        if result and ev.id not in self.placements:
            side = ev.side
        label, colour = SIDE_STYLE[side]
        label = _(LEFT_OUT[ev.side]) if result and ev.id not in self.placements else _(label)
        border = None
        if result:
            border = COLOURS["warn"] if ev.id in wrong else (COLOURS["good"] if ev.id in self.placements else "#6E5A96")
        card(surface, rect, fill="#33284D", border=border)
        if stacked:
            tag = pygame.Rect(rect.x + 10, rect.y + 10, tag_w, tag_h)
            text = pygame.Rect(rect.x + 20, tag.bottom + 8, rect.w - 40, rect.bottom - 12 - tag.bottom - 8)
        else:
            tag = pygame.Rect(rect.x + 10, rect.y + 10, tag_w, rect.h - 20)
            text = pygame.Rect(tag.right + 18, rect.y + 4, rect.right - tag.right - 36, rect.h - 8)
        card(surface, tag, fill=colour, radius=10)
        blit_text(surface, small_b, label, tag.center, center=True)
        self._lines_centred(surface, body, lines, text)

    def _blocks_evidence(self) -> list[Block]:
        return [*self._prompt(_("Check the evidence: does each fact support the thought?"),
                             _("Press a card to sort it: supports it, doesn't support it, or leave it out."), True)] + \
            self._evidence_rows(result=False)

    def _blocks_evidence_fb(self) -> list[Block]:
        s = self.ev_score
        right = tr("You sorted {correct} of {total} the right way.", correct=s.correct, total=s.total)
        extra = _("The amber ones go on the other side.") if s.wrong_ids else _("Great detective work!")
        return [*self._prompt(right + " " + extra,
                              _("Facts that don't support a thought are often the ones a trap hides."), True)] + \
            self._evidence_rows(result=True)

    # -- the friend test
    def _blocks_friend(self) -> list[Block]:
        ui = self.ui
        big = font_px(ui, 26, bold=True, heading=True)
        lines = wrap_lines(big, self.record.friend_test, WIDTH - 60)
        bubble_h = max(110, lines_h(big, len(lines)) + 28)

        def bubble(surface: pygame.Surface, y: int) -> None:
            r = pygame.Rect(MARGIN, y, WIDTH, bubble_h)
            card(surface, r, fill="#FFF6E5", radius=18)
            self._lines_centred(surface, big, lines, r, "#2B2140", center=True)

        blocks = [*self._prompt(_("The friend test")), Block(bubble_h, bubble, gap=14, key="bubble"),
                  self._text_block(_("Say your answer in your head. Friends often get kinder, fairer words than we "
                                     "give ourselves."), ui.font("body"), COLOURS["muted"], gap=20),
                  self._text_block(_("FACTS THAT DON'T FIT THE THOUGHT"), ui.font("small", bold=True), COLOURS["muted"],
                                   gap=22, group="facts")]
        f = font_px(ui, 20)
        for i, text in enumerate([e.text for e in self.item.evidence if e.side == "against"][:3]):
            fl = wrap_lines(f, text, WIDTH - 30)

            def fact(surface: pygame.Surface, y: int, fl=fl) -> None:
                pygame.draw.circle(surface, rgb("#3E8F86"), (MARGIN + 12, y + f.get_linesize() // 2), 6)
                for j, line in enumerate(fl):
                    blit_text(surface, f, line, (MARGIN + 30, y + j * int(f.get_linesize() * 1.15)))

            blocks.append(Block(lines_h(f, len(fl), 1.15), fact, gap=8, group="facts"))
        return blocks

    # -- change it
    def _blocks_change(self) -> list[Block]:
        ui = self.ui
        f, chip_f = font_px(ui, 22), ui.font("body", bold=True)
        chip = max(44, chip_f.get_linesize() + 8)
        text_w = WIDTH - 12 - chip - 20 - 24
        blocks = [*self._prompt(_("Change it: which thought is the most balanced?"),
                               _("Balanced means fair and true: a thought you could really believe."), True)]
        for i, opt in enumerate(self.record.balanced_choices()):
            lines = wrap_lines(f, opt.text, text_w)
            h = max(74, lines_h(f, len(lines)) + 20, chip + 16)

            def build(y: int, opt=opt, h=h) -> None:
                rect = pygame.Rect(MARGIN, y, WIDTH, h)
                self.rows[opt.id] = rect
                self.add_button(f"opt:{opt.id}", "", rect, object_id="#card_button")

            def paint(surface: pygame.Surface, y: int, opt=opt, lines=lines, i=i) -> None:
                rect = self.rows.get(opt.id)
                if rect is None:
                    return
                card(surface, rect, fill="#33284D")
                c = pygame.Rect(rect.x + 12, rect.centery - chip // 2, chip, chip)
                card(surface, c, fill="#4A3A6B", radius=chip // 2)
                blit_text(surface, chip_f, "ABC"[i], c.center, center=True)
                self._lines_centred(surface, f, lines, pygame.Rect(c.right + 20, rect.y, text_w, rect.h))

            blocks.append(Block(h, paint, build, gap=16 if i == 0 else 10, key=f"opt{i}"))
        text = _("Write my own instead")
        bh = ui.button_h(54)
        blocks.append(Block(bh, None, lambda y: self.add_button(
            "write", text, pygame.Rect(MARGIN, y, max(380, ui.button_w(text)), bh)), gap=16, key="write"))
        return blocks

    def _blocks_write(self) -> list[Block]:
        ui = self.ui
        eh = max(62, ui.entry_h())
        small = ui.font("small")

        def build(y: int) -> None:
            self.entry = self.track(ui.entry(pygame.Rect(MARGIN, y, WIDTH, eh), initial=self.own_text,
                                             object_id="#own_thought", max_len=OWN_TEXT_MAX))

        def count(surface: pygame.Surface, y: int) -> None:
            n = len(self.entry.get_text()) if self.entry is not None else len(self.own_text)
            label = f"{n}/{OWN_TEXT_MAX}"
            blit_text(surface, small, label, (SCREEN_W - MARGIN - small.size(label)[0], y + eh + 14), COLOURS["muted"])

        nf = ui.font("body", bold=True)
        note = _("Please don't write anyone's name. Say \"a friend\" or \"my teacher\" instead. "
                 "Your words stay in your journal on this computer.")
        lines = wrap_lines(nf, note, WIDTH - 40)
        note_h = max(92, lines_h(nf, len(lines)) + 24)

        def paint_note(surface: pygame.Surface, y: int) -> None:
            r = pygame.Rect(MARGIN, y, WIDTH, note_h)
            card(surface, r, fill="#2B2140", border=COLOURS["warn"])
            self._lines_centred(surface, nf, lines, r.inflate(-40, 0))

        return [*self._prompt(_("Write your own balanced thought (optional)"), _("Fair, true and kind. Short is fine.")),
                Block(eh + 14 + small.get_linesize(), count, build, gap=20, key="entry"),
                Block(note_h, paint_note, gap=22, key="note")]

    def _blocks_change_fb(self) -> list[Block]:
        fb = self.balanced_fb
        if fb is None:
            return self._prompt("")
        ui = self.ui
        good = fb.quality in ("balanced", "own")
        chosen = self.own_text if fb.quality == "own" else self.item.option(self.record.balanced_option_id or "").text
        cf = font_px(ui, 24, bold=True, heading=True)
        cl = wrap_lines(cf, f"“{chosen}”", WIDTH - 48)
        ch = max(84, lines_h(cf, len(cl)) + 24)

        def chosen_box(surface: pygame.Surface, y: int) -> None:
            r = pygame.Rect(MARGIN, y, WIDTH, ch)
            card(surface, r, fill="#FFF6E5", radius=16)
            self._lines_centred(surface, cf, cl, r.inflate(-48, 0), "#2B2140")

        body = ui.font("body")
        words = " ".join(w for w in (fb.text, fb.why) if w)
        wl = wrap_lines(body, words, WIDTH - 48)
        wh = max(96, lines_h(body, len(wl)) + 28)

        def fbox(surface: pygame.Surface, y: int) -> None:
            r = pygame.Rect(MARGIN, y, WIDTH, wh)
            draw.panel(surface, r, alpha=235, border=COLOURS["good"] if good else COLOURS["warn"])
            self._lines_centred(surface, body, wl, r.inflate(-48, 0))

        blocks = [*self._prompt(_("Your new thought") if fb.quality == "own" else _("You chose")),
                  Block(ch, chosen_box, gap=14, key="chosen"), Block(wh, fbox, gap=18, key="feedback")]
        if fb.quality != "balanced":
            blocks.append(self._text_block(_("A BALANCED THOUGHT COULD BE"), ui.font("small", bold=True), COLOURS["muted"],
                                           gap=20, group="balanced"))
            blocks.append(self._text_block(f"“{fb.balanced_text}”", font_px(ui, 22), gap=6, group="balanced"))
        return blocks

    def _blocks_rerate(self) -> list[Block]:
        return [*self._prompt(_("Rate again, now that you've checked it."),
                             _("The light line on each scale shows your first answer.")),
                self._slider_block("belief_after", lambda: _("After checking, how much do you believe the thought now?"),
                                   SCALE_ENDS, marker=self.record.belief_before, gap=56),
                self._slider_block("feeling_after", lambda: tr("How {feeling} do you feel now?",
                                                               feeling=feeling_label(self.feeling or '')),
                                   FEELING_ENDS, marker=self.record.feeling_before, gap=44)]

    def _blocks_done(self) -> list[Block]:
        ui = self.ui
        rec = self.record
        title_f, label_f, num_f = ui.font("title", bold=True), ui.font("body", bold=True), ui.font("small", bold=True)
        x0 = 120 if ui.text_scale <= 1.0 else MARGIN
        inner = SCREEN_W - 2 * x0
        blocks = [self._text_block(_("Case closed!"), title_f, COLOURS["focus"], x=x0, width=inner, center=True)]
        names = (_("Before"), _("After"))
        name_w = max(100, max(num_f.size(n)[0] for n in names) + 20)
        value_w = num_f.size("100")[0] + 16
        track_x = x0 + name_w
        track_w = min(860, SCREEN_W - MARGIN - value_w - track_x)
        bar_h = max(28, num_f.get_linesize())
        rows = ((_("How much you believed the thought"), rec.belief_before, rec.belief_after),
                (tr("How {feeling} you felt", feeling=feeling_label(rec.feeling or '')), rec.feeling_before,
                 rec.feeling_after))
        for i, (title, before, after) in enumerate(rows):
            blocks.append(self._text_block(title, label_f, x=x0, width=inner, gap=12 if i == 0 else 18,
                                           group=f"rating{i}"))

            def bars(surface: pygame.Surface, y: int, before=before, after=after) -> None:
                for name, value, colour in ((names[0], before, "#8C7BB0"), (names[1], after, COLOURS["focus"])):
                    blit_text(surface, num_f, name, (x0, y + bar_h // 2 - num_f.get_linesize() // 2), COLOURS["muted"])
                    track = pygame.Rect(track_x, y, track_w, bar_h)
                    card(surface, track, fill="#1E1730", radius=14)
                    w = max(14, int(track.w * (value or 0) / 100))
                    card(surface, pygame.Rect(track.x, track.y, w, track.h), fill=colour, radius=14)
                    blit_text(surface, num_f, str(value), (track.right + 16, y + bar_h // 2 - num_f.get_linesize() // 2))
                    y += bar_h + 10

            blocks.append(Block(2 * bar_h + 10, bars, gap=8, group=f"rating{i}"))
        summary = " ".join(self.summary.lines) if hasattr(self, "summary") else ""
        if summary:
            blocks.append(self._text_block(summary, ui.font("body"), x=x0, width=inner, center=True, gap=24))
        balanced = self.own_text if rec.own_text is not None else rec.item.option(rec.balanced_option_id or "").text
        bf = font_px(ui, 22, bold=True, heading=True)
        bl = wrap_lines(bf, f"“{balanced}”", inner - 40)
        bh = max(70, lines_h(bf, len(bl)) + 20)

        def box(surface: pygame.Surface, y: int) -> None:
            r = pygame.Rect(x0, y, inner, bh)
            card(surface, r, fill="#FFF6E5", radius=16)
            self._lines_centred(surface, bf, bl, r, "#2B2140", center=True)

        blocks.append(Block(bh, box, gap=14, key="balanced"))
        if self.saved:
            blocks.append(self._text_block(_("Saved in your journal. Open it any time from the pause menu."),
                                           ui.font("small"), COLOURS["muted"], x=x0, width=inner, center=True, gap=12))
        return blocks

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
            elif self.page in BACK or self.part > 0:
                self.on_button("back")
            else:
                self.on_button("leave")
            return True
        if self.entry is not None and action.kind is A.CONFIRM and self.entry.is_focused:
            self.on_button("use_own" if "use_own" in self.buttons else "next")
            return True
        if handle_slider_action(self, action):
            return True
        if self.cards is not None and self.cards.handle_grid(action):
            return True
        if self.page == "catch" and grid_move(self, self.feel_ids, self._feel_cols(), action):
            return True
        return super().handle(action) or True

    def _feel_cols(self) -> int:
        ys = [self.buttons[b].rect.y for b in self.feel_ids if b in self.buttons]
        return max(1, ys.count(ys[0])) if ys else 1

    def _part_of(self, key: str) -> int | None:
        for i, part in enumerate(self.parts):
            if any(b.key == key for b in part):
                return i
        return None

    def on_button(self, bid: str) -> None:
        if bid == "leave":
            self.back_out()
        elif bid == "back":
            self.go_back()
        elif bid.startswith("feel:"):
            self.feeling = bid[5:]
            self.app.audio.play("confirm")
            self._keep_values()
            self.hint = ""
            part = self._part_of("strength")
            if part is not None:
                self.part = part
            self.build()              # the scale's question names the feeling now
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
        if self.part > 0:
            self.app.audio.play("back")
            self.show_part(self.part - 1)
            return
        target, step_back = BACK.get(self.page, (None, False))
        if target is None:
            return
        self._keep_values()
        if step_back and self.record.can_go_back:
            self.record.back()
        self.app.audio.play("back")
        self.show(target)

    def _keep_values(self) -> None:
        for sid, s in self.sliders.items():
            self.values[sid] = s.value
        if self.entry is not None:
            self.own_text = self.entry.get_text()

    def set_hint(self, text: str) -> None:
        """A kind word on what to do first (the page is laid out again to make room for it)."""
        self._keep_values()
        self.hint = text
        self._rebuild_in_place()
        if self.entry is not None:
            self.entry.focus()

    def next(self) -> None:
        self._keep_values()
        p = self.page
        if p == "catch" and not self.feeling and self.feel_ids:
            self.set_hint(_("Pick the feeling that fits best first."))
            self.app.audio.play("wrong")
            return
        if self.part < len(self.parts) - 1:      # big text: the rest of this page first
            self.app.audio.play("confirm")
            self.show_part(self.part + 1)
            return
        try:
            if p == "catch":
                if not self.feeling:
                    self.set_hint(_("Pick the feeling that fits best first."))
                    self.app.audio.play("wrong")
                    return
                self.record.catch(self.feeling, self.values["strength"])
                self.show("belief")
            elif p == "belief":
                self.record.rate_belief(self.values["belief"])
                self.show("trap")
            elif p == "trap_fb":
                self.show("evidence")
            elif p == "evidence":
                if not self.placements:
                    self.set_hint(_("Sort at least one card first: press it to choose a side."))
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
                self.finish(self.values["belief_after"], self.values["feeling_after"])
            elif p == "write":
                self.use_own()
                return
            else:
                return
        except ThinkingError as e:   # a step out of order: show it kindly, never crash
            self.set_hint(str(e))
            return
        if p in ("catch", "belief", "trap_fb", "evidence_fb", "change_fb"):
            self.app.audio.play("confirm")

    def choose_trap(self, trap_id: str) -> None:
        self.trap_fb = self.record.choose_trap(trap_id)
        self.app.audio.play("right" if self.trap_fb.correct else "wrong")
        if self.trap_fb.correct:
            self.sparks.burst((self.card_rect.right - 80, self.card_rect.centery))
        self.trap_pick = trap_id
        self.show("trap_fb")

    def use_own(self) -> None:
        text = self.entry.get_text() if self.entry is not None else self.own_text
        try:
            self.balanced_fb = self.record.write_own(text)
        except ThinkingError:
            self.own_text = text
            if self.entry is None and self.part > 0:
                self.show_part(self._part_of("entry") or 0)
            self.set_hint(_("Type a short thought first, or go back to the choices."))
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
        if self.shows_thought():
            self._draw_thought(surface)
        for b in self.parts[self.part] if self.parts else []:
            if b.draw is not None:
                b.draw(surface, b.y)
        if self.page == "catch" and self.feeling:
            btn = self.buttons.get(f"feel:{self.feeling}")
            if btn is not None:
                pygame.draw.rect(surface, rgb(COLOURS["good"]), btn.rect.inflate(10, 10), width=4, border_radius=16)
        fonts = (self.ui.font("small"), self.ui.font("title", bold=True))
        for s in self.sliders.values():
            s.draw(surface, fonts)
        if self.cards is not None:
            self.cards.draw(surface)
        if self.hint_lines:
            f = self.ui.font("small", bold=True)
            x, y = self.hint_at
            for line in self.hint_lines:
                draw.text(surface, f, line, (x, y), COLOURS["warn"], shadow=False)
                y += f.get_linesize()
        self.sparks.draw(surface)

    def _draw_header(self, surface: pygame.Surface) -> None:
        draw.text(surface, self.ui.font("title", bold=True), _("Detective Mode"), (MARGIN, 14))
        f, fb = self.ui.font("small"), self.ui.font("small", bold=True)
        for label, x, y, current in self.stage_pos:
            blit_text(surface, fb if current else f, label, (x, y), COLOURS["focus"] if current else COLOURS["muted"])
        if len(self.parts) > 1:     # big text: this page comes in parts
            label = tr("{n} of {total}", n=self.part + 1, total=len(self.parts))
            label_x, label_y = SCREEN_W - MARGIN - f.size(label)[0], self.stage_pos[-1][2]
            last = self.stage_pos[-1]
            if label_x < last[1] + (fb if last[3] else f).size(last[0])[0] + 20:
                label_y += f.get_linesize()
            blit_text(surface, f, label, (label_x, label_y), COLOURS["muted"])

    def _draw_thought(self, surface: pygame.Surface) -> None:
        r = self.card_rect
        draw.panel(surface, r, alpha=235)
        small, big = self.ui.font("small"), self.big
        y = r.y + (10 if self.compact else 12)
        for line in self.sit_lines:
            blit_text(surface, small, line, (r.x + 24, y), COLOURS["muted"])
            y += int(small.get_linesize() * self.sit_gap)
        y += 6
        for line in self.thought_lines:
            blit_text(surface, big, line, (r.x + 24, y))
            y += int(big.get_linesize() * 1.15)

    def help_screen_name(self) -> str:
        return "thought_record"
