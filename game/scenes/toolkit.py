"""Level 7: the skills review (review board) and the toolkit card (summit bench).

Rules: ``game.mechanics.toolkit``. Content: the level's ``review:`` and ``toolkit:`` sections.
The card is drawn here and written by the context (``GameContext.save_toolkit_png``) as a PNG the
player can print; the screen tells them where it is. Events carry ids and counts only.
"""
from __future__ import annotations

import datetime as dt

import pygame

from game.content.errors import ContentError
from game.i18n import N_, _, tr
from game.mechanics.allies import latest_ally_map
from game.mechanics.mood import local_date
from game.mechanics.progression import MONTH_NAMES
from game.mechanics.toolkit import (
    MAX_PER_SECTION, SECTIONS, ReviewOption, ReviewQuestion, ReviewResult, SkillsReview, ToolkitCard,
    ToolkitError, gather_items, helplines_from,
)
from game.scenes.practice import (
    CONTENT_TOP, FOOTER_Y, PANEL, PracticeScene, draw_mark, fit_lines, rendered, split_rows, text_lines,
)
from game.ui import draw
from game.ui.draw import hex_rgb
from game.ui.theme import COLOURS

CARD_SIZE = (1200, 800)
INK, PAPER, PLUM, GOLD = "#2B2140", "#FFF6E5", "#3B2F5C", "#F2C46D"
SECTION_COLOURS = {"skills": "#8A6FC0", "signs": "#E07A4F", "helps": "#3F9F6A", "people": "#3F7FBF"}


# ====================================================================== the review
class ReviewScene(PracticeScene):
    name = "skills_review"

    def __init__(self, app, play=None, key=None, on_finish=None) -> None:
        super().__init__(app, play, key, on_finish)
        content = play.level.content
        self.content = content.review
        spot = content.practice.get(key) if key else None
        self.title = spot.title if spot else N_("Skills review")
        self.review = SkillsReview(tuple(
            ReviewQuestion(q.id, q.level, q.prompt, tuple(ReviewOption(o.id, o.text, o.correct) for o in q.options), q.explain)
            for q in self.content.questions))
        self.result: ReviewResult | None = None
        self.over = False

    def level_title(self, number: int) -> str:
        lv = next((lv for lv in self.ctx.levels if lv.content.number == number), None)
        return f"{number}. {lv.content.title}" if lv else tr("Level {n}", n=number)

    def build(self) -> None:
        self.frame()
        if self.over:
            self.footer([("finish", _("Finish"), 200)])
            self.focus("finish")
            return
        q = self.review.current
        area = pygame.Rect(PANEL.x + 32, CONTENT_TOP + 10, PANEL.w - 64, len(q.options) * 68 + (len(q.options) - 1) * 10)
        for o, r in zip(q.options, split_rows(area, len(q.options), 1, gap=10)):
            self.card_slot(f"option:{o.id}", r)
        buttons = [("leave", _("Leave for now"), 220)]
        if self.review.answered:
            last = self.review.index >= len(self.review.questions) - 1
            buttons.append(("next", _("All done »") if last else _("Next question »"), 250))
        self.footer(buttons)
        self.focus("next" if self.review.answered else None)

    def activate(self, key: str) -> None:
        kind, _sep, value = key.partition(":")
        if key == "leave":
            self.leave()
        elif key == "finish":
            self.finish()
        elif key == "next":
            if not self.review.next():
                self.over = True
            self.result = None
            self.app.audio.play("confirm")
            self.build()
        elif kind == "option" and not self.review.answered:
            self.result = self.review.answer(value)
            self.ctx.bus.publish("skills_review_answered", **self.result.payload())
            self.app.audio.play("right" if self.result.correct else "wrong")
            self.build()

    def on_cancel(self) -> None:
        self.finish() if self.over else self.leave()

    def draw_body(self, surface: pygame.Surface) -> None:
        n = len(self.review.questions)
        if self.over:
            self.draw_header(surface, tr("All {n} skills reviewed", n=n), self.content.done)
            levels = sorted({q.level for q in self.review.questions})
            rects = split_rows(pygame.Rect(PANEL.x + 32, CONTENT_TOP + 10, PANEL.w - 64, 3 * 64 + 2 * 12), len(levels), 2, gap=12)
            for num, r in zip(levels, rects):
                pygame.draw.rect(surface, hex_rgb("#2F4A3A"), r, border_radius=12)
                pygame.draw.rect(surface, hex_rgb(COLOURS["good"]), r, width=2, border_radius=12)
                draw_mark(surface, (r.x + 30, r.centery), True)
                img = rendered(self.ui.font("body", bold=True), self.level_title(num), COLOURS["text"])
                surface.blit(img, img.get_rect(midleft=(r.x + 56, r.centery)))
            return
        q = self.review.current
        self.draw_header(surface, tr("Question {n} of {total}", n=self.review.index + 1, total=n) + f" · {self.level_title(q.level)}", q.prompt)
        res = self.result
        for o in q.options:
            state = ""
            if res is not None:
                state = "right" if o.correct else ("wrong" if o.id == res.option_id else "dim")
            self.draw_card(surface, f"option:{o.id}", o.text, state, max_lines=2, font_px=22)
        if res is not None:
            y = CONTENT_TOP + 10 + len(q.options) * 78 + 8
            lead = (_("Yes!") if res.correct else _("Not quite.")) + " "
            self.draw_feedback(surface, pygame.Rect(PANEL.x + 32, y, PANEL.w - 64, 96), lead + res.explain, res.correct)

    def draw_header(self, surface, kicker, prompt):
        # the intro sits above the first question only
        if not self.over and self.review.index == 0 and self.result is None:
            kicker = f"{kicker}  ·  {self.content.intro}"
        return super().draw_header(surface, kicker, prompt)


# ====================================================================== the toolkit card
def render_card(ui, card: ToolkitCard, content, date_text: str) -> pygame.Surface:
    """The printable card (1200 × 800): four parts, the helplines and a short footer."""
    w, h = CARD_SIZE
    surf = pygame.Surface(CARD_SIZE)
    surf.fill(hex_rgb(PAPER))
    pygame.draw.rect(surf, hex_rgb(PLUM), pygame.Rect(0, 0, w, 110))
    pygame.draw.rect(surf, hex_rgb(GOLD), pygame.Rect(0, 106, w, 6))
    title_f, date_f = ui.font(52, bold=True), ui.font(22)
    surf.blit(title_f.render(content.card_title, True, hex_rgb(PAPER)), (48, 22))
    d = date_f.render(date_text, True, hex_rgb(GOLD))
    surf.blit(d, d.get_rect(midright=(w - 48, 56)))
    # a little glimmer beside the title
    cx = 48 + title_f.size(content.card_title)[0] + 34
    for r, a in ((16, 60), (10, 140), (5, 255)):
        glow = pygame.Surface((40, 40), pygame.SRCALPHA)
        pygame.draw.circle(glow, (255, 214, 110, a), (20, 20), r)
        surf.blit(glow, (cx - 20, 36))
    head_f, item_f = ui.font(28, bold=True), ui.font(23)
    headings = content.headings
    boxes = split_rows(pygame.Rect(40, 136, w - 80, 470), 4, 2, gap=24)
    for section, box in zip(SECTIONS, boxes):
        colour = SECTION_COLOURS[section]
        pygame.draw.rect(surf, hex_rgb("#FFFFFF"), box, border_radius=18)
        pygame.draw.rect(surf, hex_rgb(colour), box, width=4, border_radius=18)
        pygame.draw.rect(surf, hex_rgb(colour), pygame.Rect(box.x, box.y, box.w, 50), border_top_left_radius=18,
                         border_top_right_radius=18)
        surf.blit(head_f.render(getattr(headings, section), True, hex_rgb("#FFFFFF")), (box.x + 20, box.y + 8))
        y = box.y + 64
        lh = item_f.get_linesize()
        for line in card.lines(section):
            lines = fit_lines(item_f, line, box.w - 64, 2)
            pygame.draw.circle(surf, hex_rgb(colour), (box.x + 28, y + lh // 2), 7)
            for ln in lines:
                surf.blit(item_f.render(ln, True, hex_rgb(INK)), (box.x + 46, y))
                y += lh
            y += 8
    # helplines: always on the card
    band = pygame.Rect(0, 620, w, 146)
    pygame.draw.rect(surf, hex_rgb(PLUM), band)
    surf.blit(head_f.render(headings.helplines, True, hex_rgb(GOLD)), (48, band.y + 12))
    hl_f, hl_small = ui.font(24, bold=True), ui.font(18)
    cols = split_rows(pygame.Rect(48, band.y + 54, w - 96, 66), max(1, min(3, len(card.helplines))),
                      max(1, min(3, len(card.helplines))), gap=24)
    for hl, r in zip(card.helplines[:3], cols):
        surf.blit(hl_f.render(f"{hl.number}  {hl.name}", True, hex_rgb(PAPER)), (r.x, r.y))
        for i, ln in enumerate(fit_lines(hl_small, hl.text, r.w, 2)):
            surf.blit(hl_small.render(ln, True, hex_rgb("#D9CBB8")), (r.x, r.y + 34 + i * 22))
    foot = ui.font(22, bold=True).render(content.footer, True, hex_rgb(INK))
    surf.blit(foot, foot.get_rect(center=(w // 2, h - 24)))
    return surf


class ToolkitScene(PracticeScene):
    name = "toolkit"

    def __init__(self, app, play=None, key=None, on_finish=None) -> None:
        super().__init__(app, play, key, on_finish)
        content = play.level.content
        self.content = content.toolkit
        spot = content.practice.get(key) if key else None
        self.title = spot.title if spot else N_("My toolkit card")
        data = self.ctx.profile.data if self.ctx.profile is not None else {}
        ally = latest_ally_map(data.get("journal", []))
        suggestions = {s: [(it.id, it.text) for it in getattr(self.content, s)] for s in SECTIONS}
        items = gather_items(suggestions, data, activity_text=self.activity_text,
                             people_used=ally.types_used() if ally else (),
                             own_templates={"problem": self.content.own_problem})
        self.card = ToolkitCard({s: v[:10] for s, v in items.items()},
                                helplines_from(getattr(self.ctx.deployment, "helplines", None)))
        self.section = SECTIONS[0]
        self.saved_path = None
        self.pending = None  # (Future of the PNG's path, the card surface) while it is written
        self.preview: pygame.Surface | None = None
        self.big: pygame.Surface | None = None
        self.today = local_date(self.ctx.clock)

    @staticmethod
    def activity_text(activity_id: str) -> str | None:
        try:
            from game.scenes.planner import catalogue

            cat = catalogue()
            act = cat.get(activity_id) if cat else None
            return act.text if act else None
        except (ImportError, ContentError, AttributeError):
            return None

    def date_text(self) -> str:
        d = dt.date.fromisoformat(self.today)
        return tr("{day} {month} {year}", day=d.day, month=_(MONTH_NAMES[d.month - 1]), year=d.year)

    # ---------------------------------------------------------------- layout
    def tabs_rect(self) -> pygame.Rect:
        return pygame.Rect(PANEL.x + 32, CONTENT_TOP - 14, 700, 52)

    def build(self) -> None:
        self.frame()
        if self.saved_path is not None:
            self.footer([("finish", _("Finish"), 200)])
            self.focus("finish")
            return
        for s, r in zip(SECTIONS, split_rows(self.tabs_rect(), 4, 4, gap=10)):
            self.card_slot(f"tab:{s}", r)
        items = self.card.items[self.section]
        grid = pygame.Rect(PANEL.x + 32, CONTENT_TOP + 52, 700, FOOTER_Y - CONTENT_TOP - 72)
        for it, r in zip(items, split_rows(grid, len(items), 2, gap=10, row_h=min(72, (grid.h - 40) // 5))):
            self.card_slot(f"item:{it.id}", r)
        self.footer([("leave", _("Leave for now"), 220), ("save", _("Save my card"), 220)])
        self.refresh_preview()

    def refresh_preview(self) -> None:
        card = render_card(self.ui, self.card, self.content, self.date_text())
        self.preview = pygame.transform.smoothscale(card, (450, 300))

    # ---------------------------------------------------------------- input
    def activate(self, key: str) -> None:
        kind, _sep, value = key.partition(":")
        if key == "leave":
            self.leave()
        elif key == "finish":
            self.finish()
        elif key == "save":
            self.save()
        elif kind == "tab":
            if value != self.section:
                self.section = value
                self.app.audio.play("move")
                self.build()
                self.focus(f"tab:{value}")
        elif kind == "item":
            try:
                on = self.card.toggle(value)
            except ToolkitError:
                self.say(tr("Up to {n} here. Take one off first.", n=MAX_PER_SECTION), COLOURS["warn"])
                self.app.audio.play("wrong")
                return
            self.app.audio.play("confirm" if on else "back")
            self.say("")
            self.refresh_preview()

    def save(self) -> None:
        missing = self.card.missing()
        if missing:
            names = [getattr(self.content.headings, s).lower() for s in missing]
            self.say(tr("Pick at least one for: {parts}.", parts=", ".join(names)), COLOURS["warn"])
            self.app.audio.play("wrong")
            self.section = missing[0]
            self.build()
            self.focus(f"tab:{missing[0]}")
            return
        if self.pending is not None:
            return  # already saving
        surface = render_card(self.ui, self.card, self.content, self.date_text())
        self.pending = (self.ctx.save_toolkit_png(surface), surface)  # written off the frame

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.pending is None or not self.pending[0].done():
            return
        future, surface = self.pending
        self.pending = None
        try:
            path = future.result()
        except OSError:
            self.say(_("The card could not be saved on this computer. Tell your teacher; you can try again."), COLOURS["warn"])
            self.app.audio.play("wrong")
            return
        self.saved_path = path
        self.ctx.bus.publish("toolkit_saved", **self.card.payload())
        if self.ctx.profile is not None:
            self.ctx.profile.data.setdefault("journal", []).append(self.card.to_dict(self.today))
        self.ctx.checkpoint()
        self.app.audio.play("right")
        self.big = pygame.transform.smoothscale(surface, (600, 400))
        self.say("")
        self.build()

    def on_cancel(self) -> None:
        self.finish() if self.saved_path is not None else self.leave()

    # ---------------------------------------------------------------- drawing
    def draw_body(self, surface: pygame.Surface) -> None:
        if self.saved_path is not None:
            self.draw_header(surface, _("Saved"), self.content.saved.format(path=str(self.saved_path)))
            r = self.big.get_rect(midtop=(PANEL.centerx, CONTENT_TOP + 18))
            surface.blit(self.big, r)
            pygame.draw.rect(surface, hex_rgb(COLOURS["focus"]), r.inflate(6, 6), width=3, border_radius=6)
            return
        self.draw_header(surface, _("Pick up to three in each part"), self.content.intro)
        for s in SECTIONS:
            n = len(self.card.chosen[s])
            label = {"skills": _("Skills"), "signs": _("Signs"), "helps": _("To do"), "people": _("People")}[s]
            state = "chosen" if s == self.section else ""
            self.draw_card(surface, f"tab:{s}", f"{label} ({n})", state, max_lines=1, font_px=18, center=True)
        for it in self.card.items[self.section]:
            state = "chosen" if self.card.is_chosen(it.id) else ("dim" if self.card.full(self.section) else "")
            self.draw_card(surface, f"item:{it.id}", it.text, state, sub=_("from your journey") if it.own else "",
                           max_lines=2, font_px=18)
        # the live preview
        px = PANEL.right - 32 - 450
        draw.text(surface, self.ui.font("small", bold=True), _("Your card"), (px, CONTENT_TOP - 12), COLOURS["muted"], shadow=False)
        r = pygame.Rect(px, CONTENT_TOP + 16, 450, 300)
        surface.blit(self.preview, r)
        pygame.draw.rect(surface, hex_rgb(COLOURS["panel_border"]), r.inflate(4, 4), width=2, border_radius=4)
        text_lines(surface, self.ui.font(16), _("The helplines are always on the card."),
                   pygame.Rect(px, r.bottom + 12, 450, 24), COLOURS["muted"], 1)
