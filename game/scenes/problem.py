"""Level 5 problem board: pick a problem, then define → brainstorm → weigh → plan → schedule.

Rules: ``game.mechanics.problem_solving``. Content: the level's ``problems:`` section. The player's
own idea (optional, typed) goes only into their plan on this computer; ``problem_solved`` carries
ids and counts. Esc / B goes one step back (from the first step it closes the board).
"""
from __future__ import annotations

import datetime as dt

import pygame

from game.i18n import N_, _, tr
from game.mechanics.mood import local_date
from game.mechanics.progression import DAY_NAMES, MONTH_NAMES
from game.mechanics.problem_solving import (
    OWN, Definition, Option, Problem, ProblemError, ProblemSolving, Step,
)
from game.scenes.practice import Block, PracticeScene, Slot, lines_h, rendered, text_lines, wrap, wrap_flow
from game.ui import draw
from game.ui.draw import hex_rgb
from game.ui.theme import COLOURS

# Player-facing tables stay English (marked with N_) and are translated with _() where shown.
STAGE_NAMES = {"define": N_("Define"), "brainstorm": N_("Brainstorm"), "weigh": N_("Weigh up"), "plan": N_("Plan"),
               "schedule": N_("Schedule"), "done": N_("Your plan")}
RATING_TEXT = {"yes": N_("Worth a try"), "maybe": N_("Maybe"), "no": N_("Not now")}
OWN_HINT = N_("No names, please. Your idea stays on this computer and is never sent anywhere.")


def to_problem(pc) -> Problem:
    return Problem(pc.id, pc.title, pc.situation,
                   tuple(Definition(d.id, d.text, d.clear, d.feedback) for d in pc.definitions),
                   tuple(Option(o.id, o.text, o.pro, o.con, tuple(Step(s.id, s.text) for s in o.steps))
                         for o in pc.options),
                   pc.min_ideas)


class ProblemScene(PracticeScene):
    name = "problem"
    content_section = "problems"
    default_title = N_("The problem board")

    def __init__(self, app, play=None, key=None, on_finish=None) -> None:
        super().__init__(app, play, key, on_finish)
        self.prompts = self.content.prompts
        self.problems = [to_problem(p) for p in self.content.problems]
        self.own_steps = tuple(Step(s.id, s.text) for s in self.content.own_steps)
        self.ps: ProblemSolving | None = None
        self.sub = "choose"            # choose | define | brainstorm | weigh | plan | step | schedule | done
        self.feedback: tuple[str, bool] | None = None
        self.wrong: set[str] = set()
        self.weigh_index = 0
        self.entry = None
        self.typed = ""                # what is in the idea field (kept when the screen is laid out again)
        self.today = local_date(self.ctx.clock)

    # ---------------------------------------------------------------- words
    def step_no(self) -> int:
        return {"choose": 0, "define": 1, "brainstorm": 2, "weigh": 3, "plan": 4, "step": 4, "schedule": 5, "done": 5}[self.sub]

    def header_texts(self) -> tuple[str, str]:
        sub, p = self.sub, self.prompts
        kicker = _("Stepping stones: five steps to solve a problem") if sub == "choose" or self.ps is None else \
            tr("Step {n} of 5", n=self.step_no()) + f" · {_(STAGE_NAMES[sub if sub != 'step' else 'plan'])}  ·  {self.ps.problem.title}"
        prompt = {"choose": p.choose, "define": p.define, "brainstorm": p.brainstorm, "weigh": p.weigh,
                  "plan": p.plan, "step": p.step, "schedule": p.schedule, "done": p.done}[sub]
        return kicker, prompt

    def kicker_reserve(self) -> int:
        return 5 * 44 + 16        # the stepping stones, top right

    def band_extra(self) -> int:
        return 5 * 44 - 10        # at big text the stones sit in the title band

    def need_texts(self) -> list[str]:
        n = self.ps.problem.min_ideas if self.ps else 2
        return [_("Pick 1 more idea to go on."), tr("Pick {n} more ideas to go on.", n=max(2, n)),
                tr("Ideas picked: {n}. Add more, or go on.", n=len(self.ps.problem.options) + 1 if self.ps else 6)]

    def weighed_text(self) -> str:
        ps = self.ps
        yes = [i for i in ps.ideas if ps.ratings.get(i) == "yes"]
        return tr("All weighed up. Worth a try: {n}. Press Next.", n=len(yes))

    def message_samples(self) -> list[str]:
        if self.sub == "brainstorm":
            return self.need_texts()
        return []      # weigh: its message is set before the layout (see build)

    # ---------------------------------------------------------------- sizes
    def box_text_h(self, text: str, width: int) -> int:
        """A dark box with a small label and one text in it (your idea, your first step)."""
        return max(72, 10 + self.ui.font("small", bold=True).get_linesize() + 2 +
                   lines_h(self.ui.font("body"), text, width - 36, 1.1) + 10)

    def entry_h(self) -> int:
        return 54 if not self.big_text() and not self.ui.dyslexia else max(54, self.ui.entry_h())

    # ---------------------------------------------------------------- stage screens
    def build(self) -> None:
        if self.entry is not None and self.entry.alive():
            self.typed = self.entry.get_text()
        self.frame()
        self.entry = None
        sub = self.sub
        w = self.content_w()
        back = [("back", _("« Back"), 160)]
        nxt = [("next", _("Next »"), 180)]
        blocks: list[Block] = []
        context: list[Block] = []
        answer: Block | None = None
        if sub == "choose":
            for p in self.problems:
                key = f"problem:{p.id}"
                h = self.card_h(p.title, w, 22, sub=p.situation, mark=False, min_h=100)
                blocks.append(Block(h, lambda r, key=key: self.card_slot(key, r), key=key, keys=(key,)))
            buttons = [("leave", _("Leave for now"), 220)]
            gap = 14
        elif sub == "define":
            ps = self.ps
            context.append(self.text_block("situation", max(80, lines_h(self.ui.font("body"), ps.problem.situation, w - 32) + 22)))
            h = max(self.card_h(f"“{d.text}”", w, 22, min_h=65) for d in ps.problem.definitions)
            for d in ps.problem.definitions:
                key = f"def:{d.id}"
                blocks.append(Block(h, lambda r, key=key: self.card_slot(key, r), key=key, keys=(key,)))
            if self.feedback:
                answer = self.text_block("feedback", self.feedback_h(self.feedback[0]))
            buttons = back + (nxt if ps.stage != "define" else [])
            gap = 12
        elif sub == "brainstorm":
            opts = list(self.ps.problem.options)
            keys = [f"idea:{o.id}" for o in opts] + [f"idea:{OWN}"]
            texts = [o.text for o in opts] + [self.ps.own_idea or _("+ My own idea (type it below)")]
            cols = 2
            cw = (w - 12) // 2
            need = max(self.card_h(t, cw, 20, pad=10) for t in texts)
            if need > 2.2 * self.card_h("x", cw, 20, pad=10):      # very big text: one idea a row
                cols, cw = 1, w
                need = max(self.card_h(t, cw, 20, pad=10) for t in texts)
            hint = lines_h(self.ui.font("small"), _(OWN_HINT), w - 8, 1.0)
            entry = Block(6 + self.entry_h() + 8 + hint, self.place_entry, key="own_entry", keys=("own_entry", "add_own"))
            rows = (len(keys) + cols - 1) // cols
            room = self.content_room(back + nxt) - entry.h - 12 * rows
            h = max(need, min(92, room // rows))          # 92 px rows at 100 %, less when that is all there is
            blocks += self.grid_blocks(keys, cols, h, 12, prefix="ideas")
            blocks.append(entry)
            buttons = back + nxt
            gap = 12
        elif sub == "weigh":
            context += self.weigh_blocks()
            row_h = max([84] + [self.card_h(_(RATING_TEXT[k]), (w - 32) // 3, 22, mark=False) for k in RATING_TEXT])
            blocks += self.grid_blocks([f"rate:{k}" for k in ("yes", "maybe", "no")], 3, row_h, 16, prefix="rate")
            if not self.ps.unrated():
                self.message, self.message_colour = self.weighed_text(), COLOURS["good"]
            buttons = back + (nxt if not self.ps.unrated() else [])
            gap = 16
        elif sub == "plan":
            cands = self.ps.candidates()
            cw = (w - 14) // 2
            h = max([96] + [self.card_h(self.ps.option_text(c), cw, 22, sub=_(RATING_TEXT.get(self.ps.ratings.get(c), "")))
                            for c in cands])
            cols = 2 if h <= 3 * self.card_h("x", cw, 22, sub="x") else 1
            if cols == 1:
                h = max([96] + [self.card_h(self.ps.option_text(c), w, 22, sub=_(RATING_TEXT.get(self.ps.ratings.get(c), "")))
                                for c in cands])
            blocks += self.grid_blocks([f"choose:{c}" for c in cands], cols, h, 14, prefix="cands")
            buttons = back
            gap = 14
        elif sub == "step":
            steps = self.ps.steps_for(self.ps.chosen)
            context.append(self.text_block("idea_box", self.box_text_h(self.ps.option_text(self.ps.chosen), w)))
            h = max(self.card_h(st.text, w, 22, min_h=84) for st in steps)
            for st in steps:
                key = f"step:{st.id}"
                blocks.append(Block(h, lambda r, key=key: self.card_slot(key, r), key=key, keys=(key,)))
            buttons = back
            gap = 12
        elif sub == "schedule":
            context.append(self.text_block("step_box", self.box_text_h(self.ps.step_text(), w)))
            labels = [self.day_label(d) for d in range(7)]
            font, subf = self.sized(20), self.ui.font("small")
            widest = max(max(font.size(a)[0], subf.size(b)[0]) for a, b in labels) + 24
            cols = next(c for c in (7, 4, 2, 1) if c == 1 or (w - 10 * (c - 1)) // c >= widest)
            cw = (w - 10 * (cols - 1)) // cols
            h = max([110] + [self.card_h(a, cw + 30, 20, sub=b, mark=False, pad=10) for a, b in labels])
            blocks += self.grid_blocks([f"day:{d}" for d in range(7)], cols, h, 10, prefix="days")
            buttons = back
            gap = 18
        else:   # done
            blocks += self.plan_blocks()
            buttons = [("finish", _("Finish"), 200)]
            gap = 12
        self.lay_out(buttons, blocks, gap=gap, context=context, answer=answer)
        if sub == "done":
            self.focus("finish")
        else:
            self.focus(next((s.key for s in self.slots if s.kind == "card"), None))

    def place_entry(self, r: pygame.Rect) -> None:
        """The field for the player's own idea, its Add button and the privacy hint under it."""
        add_w = self.ui.button_w(_("Add my idea"), 200)
        eh = self.entry_h()
        er = pygame.Rect(r.x, r.y + 6, min(640, r.w - add_w - 14), eh)
        self.entry = self.track(self.ui.entry(er, self.typed or self.ps.own_idea or "", max_len=80))
        self.slots.append(Slot("own_entry", er, "entry"))
        ar = pygame.Rect(er.right + 14, er.y, add_w, eh)
        self.add_button("add_own", _("Add my idea"), ar, focusable=False)
        self.slots.append(Slot("add_own", ar, "button"))
        self.rects["hint"] = pygame.Rect(r.x + 4, er.bottom + 8, r.w - 8, r.bottom - er.bottom - 8)

    def weigh_blocks(self) -> list[Block]:
        """The idea being weighed: its name, then the good and the bad side (one box at 100 %,
        two when the text is big)."""
        ps, w = self.ps, self.content_w()
        idea = ps.ideas[self.weigh_index]
        small_b, title, body = self.ui.font("small", bold=True), self.ui.font("title", bold=True), self.ui.font("body")
        dots = 24 * len(ps.ideas) + 24
        head = 16 + small_b.get_linesize() + 4 + lines_h(title, ps.option_text(idea), w - 48 - dots, 1.1) + 10
        if idea == OWN:
            sides = lines_h(body, _("Your own idea. Think: what's good about it? What's hard?"), w - 48, 1.1)
        else:
            o = ps.problem.option(idea)
            half = (w - 72) // 2
            sides = small_b.get_linesize() + 4 + max(lines_h(body, o.pro, half, 1.1), lines_h(body, o.con, half, 1.1))
        if max(head + 12, 132) + sides + 16 <= 230:
            return [self.text_block("idea_card", 230)]
        # two boxes (they may land on two pages): the second names the idea again, small, and has
        # the good and the bad side one under the other ("Good side: ..."), so the rating fits under it
        name = lines_h(small_b, ps.option_text(idea), w - 48, 1.0)
        if idea != OWN:
            o = ps.problem.option(idea)
            sides = sum(self.side_h(label, text, w - 48) for label, text, _c in self.sides(o)) + 8
        return [self.text_block("idea_head", head + 6), self.text_block("idea_sides", name + 8 + sides + 32)]

    def sides(self, o) -> list[tuple[str, str, str]]:
        return [(_("Good side"), o.pro, COLOURS["good"]), (_("Bad side"), o.con, COLOURS["warn"])]

    def side_lines(self, label: str, text: str, width: int) -> tuple[int, list[str]]:
        """A side as one paragraph, its name first: (the name's width, the lines of the text)."""
        lead = self.ui.font("body", bold=True).size(label + ": ")[0]
        return lead, wrap_flow(self.ui.font("body"), text, lambda i: width - lead if i == 0 else width)

    def side_h(self, label: str, text: str, width: int) -> int:
        body = self.ui.font("body")
        n = len(self.side_lines(label, text, width)[1])
        return int(body.get_linesize() * self.card_gap()) * (n - 1) + body.get_linesize()

    def plan_rows(self) -> list[tuple[str, str]]:
        ps = self.ps
        return [(_("The problem"), ps.problem.definition(ps.definition_id).text),
                (_("My idea"), ps.option_text(ps.chosen)),
                (_("First step"), ps.step_text()),
                (_("When"), " · ".join(self.day_label(ps.day_offset)))]

    def plan_row_h(self, text: str, width: int) -> int:
        small_b, bold = self.ui.font("small", bold=True), self.ui.font("body", bold=True)
        return small_b.get_linesize() + max(lines_h(bold, text, width, 1.15), 30) + 16

    def plan_blocks(self) -> list[Block]:
        """The plan as a paper card: one card (330 px at 100 %), or a card a row when it is big."""
        w = self.content_w() - 240 if not self.big_text() else self.content_w()
        rows = self.plan_rows()
        hs = [self.plan_row_h(t, w - 64) for _h, t in rows]
        total = 26 + sum(hs) + 10
        room = self.content_room([("finish", _("Finish"), 200)])
        if total <= max(330, room - 6):
            return [self.text_block("plan", max(330, total) + 6)]
        return [self.text_block(f"plan:{i}", h + 28) for i, h in enumerate(hs)]

    def go(self, sub: str) -> None:
        self.sub = sub
        self.feedback = None
        self.page = 0
        self.say("")
        self.app.audio.play("confirm")
        self.build()

    # ---------------------------------------------------------------- input
    def activate(self, key: str) -> None:
        kind, _sep, value = key.partition(":")
        ps = self.ps
        if key == "back":
            self.on_cancel()
        elif kind == "problem":
            problem = next(p for p in self.problems if p.id == value)
            self.ps = ProblemSolving(problem, self.own_steps)
            self.wrong = set()
            self.typed = ""
            self.go("define")
        elif kind == "def" and ps.stage == "define":
            res = ps.define(value)
            self.feedback = (res.feedback, res.clear)
            self.show = "feedback"
            if res.clear:
                self.app.audio.play("right")
                self.build()
                self.focus("next")
            else:
                self.wrong.add(value)
                self.app.audio.play("wrong")
                self.build()
                self.focus(key)
        elif key == "next":
            self.next_stage()
        elif kind == "idea":
            if value == OWN and ps.own_idea is None:
                self.focus_entry()
                return
            ps.toggle_idea(value)
            self.app.audio.play("confirm")
            self.update_need()
        elif key == "own_entry":
            self.focus_entry()
        elif key == "add_own":
            self.add_own()
        elif kind == "rate":
            idea = ps.ideas[self.weigh_index]
            ps.rate(idea, value)
            self.app.audio.play("confirm")
            left = ps.unrated()
            if left:
                self.weigh_index = ps.ideas.index(left[0])
                self.build()
            else:
                self.build()
                self.focus("next")
        elif kind == "choose":
            ps.choose(value)
            self.go("step")
        elif kind == "step":
            ps.choose_step(value)
            ps.finish_plan()
            self.go("schedule")
        elif kind == "day":
            ps.schedule(int(value))
            self.solved()
            self.go("done")
        else:
            super().activate(key)

    def next_stage(self) -> None:
        ps = self.ps
        if self.sub == "define" and ps.stage == "brainstorm":
            self.go("brainstorm")
            self.update_need()
        elif self.sub == "brainstorm":
            if ps.ideas_needed():
                self.app.audio.play("wrong")
                self.update_need(nudge=True)
                return
            ps.finish_brainstorm()
            self.weigh_index = 0
            self.go("weigh")
        elif self.sub == "weigh" and not ps.unrated():
            ps.finish_weigh()
            self.go("plan")

    def update_need(self, nudge: bool = False) -> None:
        n = self.ps.ideas_needed()
        if n:
            text = _("Pick 1 more idea to go on.") if n == 1 else tr("Pick {n} more ideas to go on.", n=n)
            self.say(text, COLOURS["warn"] if nudge else COLOURS["muted"])
        else:
            self.say(tr("Ideas picked: {n}. Add more, or go on.", n=len(self.ps.ideas)), COLOURS["good"])

    def focus_entry(self) -> None:
        if self.entry is None:          # on another page (big text): open that page first
            self.show = "own_entry"
            self.build()
        if self.entry is not None:
            self.entry.focus()
            self.focus("own_entry")

    def add_own(self) -> None:
        if self.entry is None:
            return
        text = self.entry.get_text()
        self.entry.unfocus()
        own = self.ps.set_own_idea(text)
        self.typed = own or ""
        self.entry.set_text(self.typed)
        self.app.audio.play("confirm" if own else "back")
        self.show = f"idea:{OWN}"
        self.build()                    # the card shows the idea now (and may need more room)
        self.focus(f"idea:{OWN}")
        self.update_need()

    def on_text(self, text: str) -> None:
        self.typed = text[:80]
        if self.entry is not None:
            self.entry.set_text(self.typed)

    def handle(self, action) -> bool:
        from game.input.actions import A

        # typing: Enter adds the idea, Esc leaves the field (the mapper sends nothing else)
        if self.entry is not None and self.entry.is_focused:
            if action.kind is A.CONFIRM:
                self.add_own()
                return True
            if action.kind is A.CANCEL:
                self.entry.unfocus()
                self.focus("add_own")
                return True
        return super().handle(action)

    def on_cancel(self) -> None:
        back = {"define": "choose", "brainstorm": "define", "weigh": "brainstorm", "plan": "weigh",
                "step": "plan", "schedule": "step"}
        if self.sub in ("choose", "done"):
            self.leave() if self.sub == "choose" else self.finish()
            return
        if self.sub == "define":
            self.ps = None
        elif self.sub == "brainstorm":
            self.ps.back()
        elif self.sub == "weigh":
            self.ps.back()
        elif self.sub == "plan":
            self.ps.back()
            self.weigh_index = 0
        elif self.sub == "schedule":
            self.ps.back()
        target = back[self.sub]
        if target == "define" and self.ps is not None:
            self.ps.stage = "define"
        self.app.audio.play("back")
        self.sub = target
        self.feedback = None
        self.page = 0
        self.say("")
        self.build()
        if target == "brainstorm":
            self.update_need()

    # ---------------------------------------------------------------- results
    def solved(self) -> None:
        ps = self.ps
        try:
            payload = ps.payload()
        except ProblemError:
            return
        self.ctx.bus.publish("problem_solved", **payload)
        self.keep_in_journal(ps.plan_entry(self.today))
        self.ctx.checkpoint()
        self.app.audio.play("right")

    def day_label(self, offset: int) -> tuple[str, str]:
        d = dt.date.fromisoformat(self.today) + dt.timedelta(days=offset)
        name = _(DAY_NAMES[d.weekday()])
        if offset == 0:
            return _("Today"), name
        if offset == 1:
            return _("Tomorrow"), name
        return name, tr("{day} {month}", day=d.day, month=_(MONTH_NAMES[d.month - 1])[:3])

    # ---------------------------------------------------------------- drawing
    def draw_body(self, surface: pygame.Surface) -> None:
        sub, ps = self.sub, self.ps
        self.draw_stones(surface, self.step_no())
        body = self.ui.font("body")
        if sub == "choose":
            for pr in self.problems:
                self.draw_card(surface, f"problem:{pr.id}", pr.title, sub=pr.situation, font_px=22, mark=False)
        elif sub == "define":
            box = self.rects.get("situation")
            if box is not None:
                pygame.draw.rect(surface, hex_rgb("#1F1832"), box, border_radius=12)
                text_lines(surface, body, ps.problem.situation, box.inflate(-32, -22), COLOURS["muted"], max_lines=None)
            for d in ps.problem.definitions:
                state = "right" if ps.definition_id == d.id else ("wrong" if d.id in self.wrong else "")
                self.draw_card(surface, f"def:{d.id}", f"“{d.text}”", state, font_px=22)
            r = self.rects.get("feedback")
            if self.feedback and r is not None:
                self.draw_feedback(surface, r, self.feedback[0], self.feedback[1])
        elif sub == "brainstorm":
            for o in ps.problem.options:
                self.draw_card(surface, f"idea:{o.id}", o.text, "chosen" if o.id in ps.ideas else "")
            own = ps.own_idea
            self.draw_card(surface, f"idea:{OWN}", own if own else _("+ My own idea (type it below)"),
                           "chosen" if OWN in ps.ideas else ("" if own else "dim"))
            er = getattr(self.slot("own_entry"), "rect", None)
            if er is not None and self.focus_key == "own_entry":
                pygame.draw.rect(surface, hex_rgb(COLOURS["focus"]), er.inflate(8, 8), width=2, border_radius=12)
            hint = self.rects.get("hint")
            if hint is not None:
                small = self.ui.font("small")
                for i, line in enumerate(wrap(small, _(OWN_HINT), hint.w)):
                    draw.text(surface, small, line, (hint.x, hint.y + i * small.get_linesize()), COLOURS["muted"], shadow=False)
        elif sub == "weigh":
            self.draw_weigh(surface)
            current = ps.ratings.get(ps.ideas[self.weigh_index])
            for rating in ("yes", "maybe", "no"):
                self.draw_card(surface, f"rate:{rating}", _(RATING_TEXT[rating]), "chosen" if current == rating else "",
                               font_px=22, center=True)
        elif sub == "plan":
            for c in ps.candidates():
                r = ps.ratings.get(c)
                self.draw_card(surface, f"choose:{c}", ps.option_text(c), sub=_(RATING_TEXT.get(r, "")), font_px=22)
        elif sub in ("step", "schedule"):
            key, label, text = ("idea_box", _("Your idea"), ps.option_text(ps.chosen)) if sub == "step" else \
                ("step_box", _("Your first step"), ps.step_text())
            box = self.rects.get(key)
            if box is not None:
                pygame.draw.rect(surface, hex_rgb("#1F1832"), box, border_radius=12)
                small_b = self.ui.font("small", bold=True)
                draw.text(surface, small_b, label, (box.x + 18, box.y + 10), COLOURS["muted"], shadow=False)
                top = box.y + 12 + small_b.get_linesize()
                text_lines(surface, body, text, pygame.Rect(box.x + 18, top, box.w - 36, box.bottom - top - 6),
                           max_lines=None, gap=1.1)
            if sub == "step":
                for st in ps.steps_for(ps.chosen):
                    self.draw_card(surface, f"step:{st.id}", st.text, font_px=22)
            else:
                for d in range(7):
                    top_text, sub_text = self.day_label(d)
                    self.draw_card(surface, f"day:{d}", top_text, sub=sub_text, font_px=20, center=True, mark=False)
        elif sub == "done":
            self.draw_plan(surface)

    def draw_weigh(self, surface: pygame.Surface) -> None:
        """The idea being weighed: "Idea n of N", its name, the good and the bad side."""
        ps = self.ps
        idea = ps.ideas[self.weigh_index]
        small_b, body = self.ui.font("small", bold=True), self.ui.font("body")
        title = self.ui.font("title", bold=True)
        one = self.rects.get("idea_card")
        head = one or self.rects.get("idea_head")
        sides = one or self.rects.get("idea_sides")
        for r in {id(x): x for x in (head, sides) if x is not None}.values():
            pygame.draw.rect(surface, hex_rgb("#1F1832"), r, border_radius=14)
        y = None
        if head is not None:
            n = len(ps.ideas)
            draw.text(surface, small_b, tr("Idea {n} of {total}", n=self.weigh_index + 1, total=n),
                      (head.x + 24, head.y + 16), COLOURS["muted"], shadow=False)
            dots = 24 * n + 24
            top = head.y + 20 + small_b.get_linesize()
            y = top + text_lines(surface, title, ps.option_text(idea), pygame.Rect(head.x + 24, top, head.w - 48 - dots,
                                 head.bottom - top), max_lines=None, gap=1.1)
            self.draw_dots(surface, head.right - 24, head.y + 24, [ps.ratings.get(i) for i in ps.ideas], self.weigh_index)
        if sides is None:
            return
        if one is not None:
            y = max(y + 12, one.y + 132)
        else:
            y = sides.y + 16
            for line in wrap(small_b, ps.option_text(idea), sides.w - 48):
                surface.blit(rendered(small_b, line, COLOURS["muted"]), (sides.x + 24, y))
                y += small_b.get_linesize()
            y += 8
        if idea == OWN:
            text_lines(surface, body, _("Your own idea. Think: what's good about it? What's hard?"),
                       pygame.Rect(sides.x + 24, y, sides.w - 48, sides.bottom - y), COLOURS["muted"], max_lines=None, gap=1.1)
            return
        o = ps.problem.option(idea)
        if one is None:             # big text: one under the other
            bold = self.ui.font("body", bold=True)
            lh = int(body.get_linesize() * self.card_gap())
            for label, text, colour in self.sides(o):
                lead, lines = self.side_lines(label, text, sides.w - 48)
                surface.blit(rendered(bold, label + ":", colour), (sides.x + 24, y))
                for i, line in enumerate(lines):
                    surface.blit(rendered(body, line, COLOURS["text"]), (sides.x + 24 + (lead if i == 0 else 0), y))
                    y += lh
                y += body.get_linesize() - lh + 8
            return
        half = (sides.w - 72) // 2
        for i, (label, text, colour) in enumerate(self.sides(o)):
            x = sides.x + 24 + i * (half + 24)
            draw.text(surface, small_b, label, (x, y), colour, shadow=False)
            top = y + small_b.get_linesize() + 4
            text_lines(surface, body, text, pygame.Rect(x, top, half, sides.bottom - top), max_lines=None, gap=1.1)

    def draw_plan(self, surface: pygame.Surface) -> None:
        ink, label = "#2B2140", "#7A5A2E"
        small_b, bold = self.ui.font("small", bold=True), self.ui.font("body", bold=True)
        rows = self.plan_rows()
        one = self.rects.get("plan")
        if one is not None:
            w = self.content_w() - 240 if not self.big_text() else self.content_w()
            cards = [pygame.Rect(one.centerx - w // 2, one.y + 6, w, one.h - 6)]
            placed = [(cards[0], rows, cards[0].y + 26)]
        else:
            placed = [(r, [rows[i]], r.y + 14) for i in range(len(rows)) if (r := self.rects.get(f"plan:{i}")) is not None]
        for card, its_rows, y in placed:
            pygame.draw.rect(surface, hex_rgb("#FFF6E5"), card, border_radius=16)
            pygame.draw.rect(surface, hex_rgb(COLOURS["focus"]), card, width=4, border_radius=16)
            for head, text in its_rows:
                draw.text(surface, small_b, head.upper(), (card.x + 32, y), label, shadow=False)
                top = y + small_b.get_linesize()
                h = text_lines(surface, bold, text, pygame.Rect(card.x + 32, top, card.w - 64, card.bottom - top),
                               ink, max_lines=None, gap=1.15)
                y = top + max(h, 30) + 16

    def draw_stones(self, surface: pygame.Surface, step_no: int) -> None:
        """Five stepping stones top right: the ones done are lit."""
        if self.big_text():
            x0, y = self.band_extra_x, self.band.centery - 10
        else:
            x0, y = self.panel.right - 32 - 5 * 44, self.panel.y + 30
        for i in range(5):
            c = pygame.Rect(x0 + i * 44, y, 34, 20)
            lit = i < step_no
            pygame.draw.ellipse(surface, hex_rgb(COLOURS["focus"] if lit else "#4A4058"), c)
            pygame.draw.ellipse(surface, hex_rgb("#1C1630"), c, width=2)

    def draw_dots(self, surface: pygame.Surface, right: int, y: int, ratings: list, current: int) -> None:
        for i, r in enumerate(reversed(ratings)):
            idx = len(ratings) - 1 - i
            c = (right - 8 - i * 24, y + 6)
            col = COLOURS["good"] if r == "yes" else COLOURS["focus"] if r == "maybe" else "#8C8398" if r == "no" else "#4A4058"
            pygame.draw.circle(surface, hex_rgb(col), c, 8)
            if idx == current:
                pygame.draw.circle(surface, hex_rgb(COLOURS["text"]), c, 11, width=2)
