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
from game.scenes.practice import CONTENT_TOP, FOOTER_Y, PANEL, PracticeScene, split_rows, text_lines
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

    def __init__(self, app, play=None, key=None, on_finish=None) -> None:
        super().__init__(app, play, key, on_finish)
        content = play.level.content
        self.content = content.problems
        spot = content.practice.get(key) if key else None
        self.title = spot.title if spot else N_("The problem board")
        self.prompts = self.content.prompts
        self.problems = [to_problem(p) for p in self.content.problems]
        self.own_steps = tuple(Step(s.id, s.text) for s in self.content.own_steps)
        self.ps: ProblemSolving | None = None
        self.sub = "choose"            # choose | define | brainstorm | weigh | plan | step | schedule | done
        self.feedback: tuple[str, bool] | None = None
        self.wrong: set[str] = set()
        self.weigh_index = 0
        self.entry = None
        self.today = local_date(self.ctx.clock)

    # ---------------------------------------------------------------- stage screens
    def build(self) -> None:
        self.frame()
        self.entry = None
        body = pygame.Rect(PANEL.x + 32, CONTENT_TOP, PANEL.w - 64, FOOTER_Y - CONTENT_TOP - 70)
        sub = self.sub
        if sub == "choose":
            for p, r in zip(self.problems, split_rows(body, len(self.problems), 1, row_h=100)):
                self.card_slot(f"problem:{p.id}", r)
            self.footer([("leave", _("Leave for now"), 220)])
        elif sub == "define":
            box = pygame.Rect(body.x, body.y + 96, body.w, 220)
            for d, r in zip(self.ps.problem.definitions, split_rows(box, len(self.ps.problem.definitions), 1, gap=12)):
                self.card_slot(f"def:{d.id}", r)
            self.footer([("back", _("« Back"), 160)] + ([("next", _("Next »"), 180)] if self.ps.stage != "define" else []))
        elif sub == "brainstorm":
            opts = list(self.ps.problem.options)
            grid = pygame.Rect(body.x, body.y, body.w, 300)
            rects = split_rows(grid, len(opts) + 1, 2, gap=12)
            for o, r in zip(opts, rects):
                self.card_slot(f"idea:{o.id}", r)
            self.card_slot(f"idea:{OWN}", rects[len(opts)])
            er = pygame.Rect(body.x, grid.bottom + 18, 640, 54)
            self.entry = self.track(self.ui.entry(er, self.ps.own_idea or "", max_len=80))
            self.slots.append(self._entry_slot(er))
            self.add_button("add_own", _("Add my idea"), pygame.Rect(er.right + 14, er.y, 200, 54), focusable=False)
            from game.scenes.practice import Slot

            self.slots.append(Slot("add_own", pygame.Rect(er.right + 14, er.y, 200, 54), "button"))
            self.footer([("back", _("« Back"), 160), ("next", _("Next »"), 180)])
        elif sub == "weigh":
            row = pygame.Rect(body.x, body.y + 250, body.w, 84)
            for rating, r in zip(("yes", "maybe", "no"), split_rows(row, 3, 3, gap=16)):
                self.card_slot(f"rate:{rating}", r)
            self.footer([("back", _("« Back"), 160)] + ([("next", _("Next »"), 180)] if not self.ps.unrated() else []))
        elif sub == "plan":
            cands = self.ps.candidates()
            grid = pygame.Rect(body.x, body.y + 10, body.w, min(320, 110 * ((len(cands) + 1) // 2)))
            for c, r in zip(cands, split_rows(grid, len(cands), 2, gap=14)):
                self.card_slot(f"choose:{c}", r)
            self.footer([("back", _("« Back"), 160)])
        elif sub == "step":
            steps = self.ps.steps_for(self.ps.chosen)
            grid = pygame.Rect(body.x, body.y + 90, body.w, 84 * len(steps) + 12 * (len(steps) - 1))
            for s, r in zip(steps, split_rows(grid, len(steps), 1, gap=12)):
                self.card_slot(f"step:{s.id}", r)
            self.footer([("back", _("« Back"), 160)])
        elif sub == "schedule":
            row = pygame.Rect(body.x, body.y + 110, body.w, 110)
            for d, r in zip(range(7), split_rows(row, 7, 7, gap=10)):
                self.card_slot(f"day:{d}", r)
            self.footer([("back", _("« Back"), 160)])
        elif sub == "done":
            self.footer([("finish", _("Finish"), 200)])
        first = next((s.key for s in self.slots if s.kind == "card"), None)
        self.focus(first)

    def _entry_slot(self, rect):
        from game.scenes.practice import Slot

        return Slot("own_entry", rect, "entry")

    def go(self, sub: str) -> None:
        self.sub = sub
        self.feedback = None
        self.say("")
        self.app.audio.play("confirm")
        self.build()

    # ---------------------------------------------------------------- input
    def activate(self, key: str) -> None:
        kind, _sep, value = key.partition(":")
        ps = self.ps
        if key == "leave":
            self.leave()
        elif key == "back":
            self.on_cancel()
        elif kind == "problem":
            problem = next(p for p in self.problems if p.id == value)
            self.ps = ProblemSolving(problem, self.own_steps)
            self.wrong = set()
            self.go("define")
        elif kind == "def" and ps.stage == "define":
            res = ps.define(value)
            self.feedback = (res.feedback, res.clear)
            if res.clear:
                self.app.audio.play("right")
                self.build()
                self.focus("next")
            else:
                self.wrong.add(value)
                self.app.audio.play("wrong")
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
        elif key == "finish":
            self.finish()

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
        if self.entry is not None:
            self.entry.focus()
            self.focus("own_entry")

    def add_own(self) -> None:
        if self.entry is None:
            return
        text = self.entry.get_text()
        self.entry.unfocus()
        own = self.ps.set_own_idea(text)
        self.entry.set_text(own or "")
        self.app.audio.play("confirm" if own else "back")
        self.focus(f"idea:{OWN}")
        self.update_need()

    def on_text(self, text: str) -> None:
        if self.entry is not None:
            self.entry.set_text(text[:80])

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
        if self.ctx.profile is not None:
            self.ctx.profile.data.setdefault("journal", []).append(ps.plan_entry(self.today))
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
        sub, ps, p = self.sub, self.ps, self.prompts
        step_no = {"choose": 0, "define": 1, "brainstorm": 2, "weigh": 3, "plan": 4, "step": 4, "schedule": 5, "done": 5}[sub]
        kicker = _("Stepping stones: five steps to solve a problem") if sub == "choose" else \
            tr("Step {n} of 5", n=step_no) + f" · {_(STAGE_NAMES[sub if sub != 'step' else 'plan'])}  ·  {ps.problem.title}"
        prompt = {"choose": p.choose, "define": p.define, "brainstorm": p.brainstorm, "weigh": p.weigh,
                  "plan": p.plan, "step": p.step, "schedule": p.schedule, "done": p.done}[sub]
        self.draw_header(surface, kicker, prompt)
        self.draw_stones(surface, step_no)
        body = self.ui.font("body")
        if sub == "choose":
            for pr in self.problems:
                self.draw_card(surface, f"problem:{pr.id}", pr.title, sub=pr.situation, max_lines=1, font_px=22)
        elif sub == "define":
            box = pygame.Rect(PANEL.x + 32, CONTENT_TOP, PANEL.w - 64, 80)
            pygame.draw.rect(surface, hex_rgb("#1F1832"), box, border_radius=12)
            text_lines(surface, body, ps.problem.situation, box.inflate(-32, -22), COLOURS["muted"], max_lines=2)
            for d in ps.problem.definitions:
                state = "right" if ps.definition_id == d.id else ("wrong" if d.id in self.wrong else "")
                self.draw_card(surface, f"def:{d.id}", f"“{d.text}”", state, max_lines=2, font_px=22)
            if self.feedback:
                self.draw_feedback(surface, pygame.Rect(PANEL.x + 32, CONTENT_TOP + 330, PANEL.w - 64, 84),
                                   self.feedback[0], self.feedback[1])
        elif sub == "brainstorm":
            for o in ps.problem.options:
                self.draw_card(surface, f"idea:{o.id}", o.text, "chosen" if o.id in ps.ideas else "", max_lines=2)
            own = ps.own_idea
            self.draw_card(surface, f"idea:{OWN}", own if own else _("+ My own idea (type it below)"),
                           "chosen" if OWN in ps.ideas else ("" if own else "dim"), max_lines=2)
            er = self.slot("own_entry").rect
            if self.focus_key == "own_entry":
                pygame.draw.rect(surface, hex_rgb(COLOURS["focus"]), er.inflate(8, 8), width=2, border_radius=12)
            draw.text(surface, self.ui.font("small"), _(OWN_HINT), (er.x + 4, er.bottom + 8), COLOURS["muted"], shadow=False)
        elif sub == "weigh":
            idea = ps.ideas[self.weigh_index]
            n = len(ps.ideas)
            card = pygame.Rect(PANEL.x + 32, CONTENT_TOP, PANEL.w - 64, 230)
            pygame.draw.rect(surface, hex_rgb("#1F1832"), card, border_radius=14)
            draw.text(surface, self.ui.font("small", bold=True), tr("Idea {n} of {total}", n=self.weigh_index + 1, total=n),
                      (card.x + 24, card.y + 16), COLOURS["muted"], shadow=False)
            text_lines(surface, self.ui.font("title", bold=True), ps.option_text(idea), pygame.Rect(card.x + 24, card.y + 44, card.w - 48, 90),
                       max_lines=2, gap=1.1)
            if idea == OWN:
                text_lines(surface, body, _("Your own idea. Think: what's good about it? What's hard?"),
                           pygame.Rect(card.x + 24, card.y + 140, card.w - 48, 60), COLOURS["muted"], max_lines=2)
            else:
                o = ps.problem.option(idea)
                half = (card.w - 72) // 2
                for i, (label, text, colour) in enumerate(((_("Good side"), o.pro, COLOURS["good"]),
                                                           (_("Bad side"), o.con, COLOURS["warn"]))):
                    x = card.x + 24 + i * (half + 24)
                    draw.text(surface, self.ui.font("small", bold=True), label, (x, card.y + 132), colour, shadow=False)
                    text_lines(surface, body, text, pygame.Rect(x, card.y + 160, half, 60), max_lines=2)
            self.draw_dots(surface, card.right - 24, card.y + 24, [ps.ratings.get(i) for i in ps.ideas], self.weigh_index)
            current = ps.ratings.get(idea)
            for rating in ("yes", "maybe", "no"):
                self.draw_card(surface, f"rate:{rating}", _(RATING_TEXT[rating]), "chosen" if current == rating else "",
                               max_lines=1, font_px=22, center=True)
            if not ps.unrated():
                yes = [ps.option_text(i) for i in ps.ideas if ps.ratings[i] == "yes"]
                self.say(tr("All weighed up. Worth a try: {n}. Press Next.", n=len(yes)), COLOURS["good"])
        elif sub == "plan":
            for c in ps.candidates():
                r = ps.ratings.get(c)
                self.draw_card(surface, f"choose:{c}", ps.option_text(c), sub=_(RATING_TEXT.get(r, "")), max_lines=2, font_px=22)
        elif sub == "step":
            box = pygame.Rect(PANEL.x + 32, CONTENT_TOP, PANEL.w - 64, 72)
            pygame.draw.rect(surface, hex_rgb("#1F1832"), box, border_radius=12)
            draw.text(surface, self.ui.font("small", bold=True), _("Your idea"), (box.x + 18, box.y + 10), COLOURS["muted"], shadow=False)
            text_lines(surface, body, ps.option_text(ps.chosen), pygame.Rect(box.x + 18, box.y + 36, box.w - 36, 30), max_lines=1)
            for s in ps.steps_for(ps.chosen):
                self.draw_card(surface, f"step:{s.id}", s.text, max_lines=2, font_px=22)
        elif sub == "schedule":
            box = pygame.Rect(PANEL.x + 32, CONTENT_TOP, PANEL.w - 64, 72)
            pygame.draw.rect(surface, hex_rgb("#1F1832"), box, border_radius=12)
            draw.text(surface, self.ui.font("small", bold=True), _("Your first step"), (box.x + 18, box.y + 10), COLOURS["muted"], shadow=False)
            text_lines(surface, body, ps.step_text(), pygame.Rect(box.x + 18, box.y + 36, box.w - 36, 30), max_lines=1)
            for d in range(7):
                top, sub_text = self.day_label(d)
                self.draw_card(surface, f"day:{d}", top, sub=sub_text, max_lines=1, font_px=20, center=True)
        elif sub == "done":
            self.draw_plan(surface)

    def draw_plan(self, surface: pygame.Surface) -> None:
        ps = self.ps
        card = pygame.Rect(PANEL.x + 120, CONTENT_TOP + 6, PANEL.w - 240, 330)
        pygame.draw.rect(surface, hex_rgb("#FFF6E5"), card, border_radius=16)
        pygame.draw.rect(surface, hex_rgb(COLOURS["focus"]), card, width=4, border_radius=16)
        ink, label = "#2B2140", "#7A5A2E"
        rows = [(_("The problem"), ps.problem.definition(ps.definition_id).text),
                (_("My idea"), ps.option_text(ps.chosen)),
                (_("First step"), ps.step_text()),
                (_("When"), " · ".join(self.day_label(ps.day_offset)))]
        y = card.y + 26
        for head, text in rows:
            draw.text(surface, self.ui.font("small", bold=True), head.upper(), (card.x + 32, y), label, shadow=False)
            h = text_lines(surface, self.ui.font("body", bold=True), text, pygame.Rect(card.x + 32, y + 24, card.w - 64, 52),
                           ink, max_lines=2, gap=1.15)
            y += 24 + max(h, 30) + 16

    def draw_stones(self, surface: pygame.Surface, step_no: int) -> None:
        """Five stepping stones top right: the ones done are lit."""
        x0, y = PANEL.right - 32 - 5 * 44, PANEL.y + 30
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
