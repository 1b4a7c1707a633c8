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
    MAX_PER_SECTION, SECTIONS, ReviewOption, ReviewQuestion, SkillsReview, ToolkitCard,
    ToolkitError, gather_items, helplines_from,
)
from game.scenes.practice import (
    PAD, Block, PracticeScene, _QuestionScene, draw_mark, fit_lines, lines_h, rendered, split_rows, text_lines,
)
from game.ui.draw import hex_rgb
from game.ui.theme import COLOURS

CARD_SIZE = (1200, 800)
PREVIEW = (450, 300)          # the live preview of the card, at 100 % text
LIST_W = 700                  # the tabs and items beside the preview
INK, PAPER, PLUM, GOLD = "#2B2140", "#FFF6E5", "#3B2F5C", "#F2C46D"
SECTION_COLOURS = {"skills": "#8A6FC0", "signs": "#E07A4F", "helps": "#3F9F6A", "people": "#3F7FBF"}


# ====================================================================== the review
class ReviewScene(_QuestionScene):
    name = "skills_review"
    content_section = "review"
    default_title = N_("Skills review")

    def __init__(self, app, play=None, key=None, on_finish=None) -> None:
        super().__init__(app, play, key, on_finish)
        self.review = SkillsReview(tuple(
            ReviewQuestion(q.id, q.level, q.prompt, tuple(ReviewOption(o.id, o.text, o.correct) for o in q.options), q.explain)
            for q in self.content.questions))

    def level_title(self, number: int) -> str:
        lv = next((lv for lv in self.ctx.levels if lv.content.number == number), None)
        return f"{number}. {lv.content.title}" if lv else tr("Level {n}", n=number)

    # ---------------------------------------------------------------- the run
    def answered(self) -> bool:
        return self.review.answered

    def is_last(self) -> bool:
        return self.review.index >= len(self.review.questions) - 1

    def advance(self) -> bool:
        return self.review.next()

    def choose(self, value: str) -> None:
        self.result = self.review.answer(value)
        self.ctx.bus.publish("skills_review_answered", **self.result.payload())
        self.app.audio.play("right" if self.result.correct else "wrong")
        self.build()

    def feedback_text(self) -> tuple[str, bool] | None:
        res = self.result
        if res is None:
            return None
        return (_("Yes!") if res.correct else _("Not quite.")) + " " + res.explain, res.correct

    # ---------------------------------------------------------------- layout
    def header_texts(self) -> tuple[str, str]:
        n = len(self.review.questions)
        if self.over:
            return tr("All {n} skills reviewed", n=n), self.content.done
        q = self.review.current
        return tr("Question {n} of {total}", n=self.review.index + 1, total=n) + f" · {self.level_title(q.level)}", q.prompt

    def show_intro(self) -> bool:
        """The intro sits above the first question only."""
        return not self.over and self.review.index == 0 and self.result is None

    def context_blocks(self) -> list[Block]:
        if not self.show_intro():
            return []
        return [self.text_block("intro", lines_h(self.ui.font("small"), self.content.intro, self.content_w(), 1.1))]

    def question_blocks(self) -> list[Block]:
        out = []
        w = self.content_w()
        for o in self.review.current.options:
            key = f"option:{o.id}"
            out.append(Block(self.card_h(o.text, w, 22, min_h=68), lambda r, key=key: self.card_slot(key, r), key=key,
                             keys=(key,)))
        return out

    def summary_blocks(self) -> list[Block]:
        levels = sorted({q.level for q in self.review.questions})
        font = self.ui.font("body", bold=True)
        w = self.content_w()
        cols = 2 if max(font.size(self.level_title(n))[0] for n in levels) + 80 <= (w - 12) // 2 else 1
        rows = [levels[i:i + cols] for i in range(0, len(levels), cols)]
        h = max(64, font.get_linesize() + 20)
        out = []
        for i, row in enumerate(rows):
            def place(r, row=row, i=i):
                for num, cr in zip(row, split_rows(r, cols, cols, gap=12)):
                    self.rects[f"level:{num}"] = cr
            out.append(Block(h, place, key=f"levels:{i}"))
        return out

    # ---------------------------------------------------------------- drawing
    def draw_body(self, surface: pygame.Surface) -> None:
        if self.over:
            font = self.ui.font("body", bold=True)
            for num in sorted({q.level for q in self.review.questions}):
                r = self.rects.get(f"level:{num}")
                if r is None:
                    continue
                pygame.draw.rect(surface, hex_rgb("#2F4A3A"), r, border_radius=12)
                pygame.draw.rect(surface, hex_rgb(COLOURS["good"]), r, width=2, border_radius=12)
                draw_mark(surface, (r.x + 30, r.centery), True)
                img = rendered(font, fit_lines(font, self.level_title(num), r.w - 70, 1)[0], COLOURS["text"])
                surface.blit(img, img.get_rect(midleft=(r.x + 56, r.centery)))
            return
        r = self.rects.get("intro")
        if r is not None:
            text_lines(surface, self.ui.font("small"), self.content.intro, r, COLOURS["muted"], max_lines=None, gap=1.1)
        res = self.result
        for o in self.review.current.options:
            state = ""
            if res is not None:
                state = "right" if o.correct else ("wrong" if o.id == res.option_id else "dim")
            self.draw_card(surface, f"option:{o.id}", o.text, state, font_px=22)
        super().draw_body(surface)


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
    content_section = "toolkit"
    default_title = N_("My toolkit card")

    def __init__(self, app, play=None, key=None, on_finish=None) -> None:
        super().__init__(app, play, key, on_finish)
        data = self.ctx.profile.data if self.ctx.profile is not None else {}
        ally = latest_ally_map(self.journal())
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
        self.saved_card: pygame.Surface | None = None
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
    def header_texts(self) -> tuple[str, str]:
        if self.saved_path is not None:
            return _("Saved"), self.content.saved.format(path=str(self.saved_path))
        return _("Pick up to three in each part"), self.content.intro

    def tab_label(self, s: str, n: int | None = None) -> str:
        label = {"skills": _("Skills"), "signs": _("Signs"), "helps": _("To do"), "people": _("People")}[s]
        return f"{label} ({len(self.card.chosen[s]) if n is None else n})"

    def tab_w(self) -> int:
        """A tab wide enough for its name, the count and a tick."""
        return max(self.sized(18).size(self.tab_label(s, MAX_PER_SECTION))[0] for s in SECTIONS) + 30 + 34

    def message_samples(self) -> list[str]:
        return [tr("Up to {n} here. Take one off first.", n=MAX_PER_SECTION)]

    def build(self) -> None:
        self.frame()
        buttons = [("leave", _("Leave for now"), 220), ("save", _("Save my card"), 220)]
        if self.saved_path is not None:
            self.build_saved()
            return
        # side by side (the list left, the live preview right) when it fits; else one under another
        wide = self.fits_wide(buttons)
        w = LIST_W if wide else self.content_w()
        tab_font = self.sized(18)
        tab_cols = 4 if 4 * self.tab_w() + 30 <= w else 2
        tab_h = max(52, tab_font.get_linesize() + 20)
        tabs = [f"tab:{s}" for s in SECTIONS]
        blocks = []
        for i in range(0, 4, tab_cols):
            row = tabs[i:i + tab_cols]

            def place_tabs(r, row=row):
                for k, cr in zip(row, split_rows(pygame.Rect(r.x, r.y, w, r.h), tab_cols, tab_cols, gap=10)):
                    self.card_slot(k, cr)
            blocks.append(Block(tab_h, place_tabs, key=f"tabs:{i}", keys=tuple(row), sticky=True))
        items = self.card.items[self.section]
        cols = 2 if w >= 600 else 1
        col_w = (w - 10 * (cols - 1)) // cols
        for i in range(0, len(items), cols):
            row = items[i:i + cols]
            keys = tuple(f"item:{it.id}" for it in row)

            def place_items(r, keys=keys):
                for k, cr in zip(keys, split_rows(pygame.Rect(r.x, r.y, w, r.h), cols, cols, gap=10)):
                    self.card_slot(k, cr)
            blocks.append(Block(self.item_row_h(row, col_w), place_items, key=f"items:{i}", keys=keys))
        if not wide:
            blocks.append(Block(self.preview_block_h(buttons, tab_h * (4 // tab_cols) + 10 * (4 // tab_cols - 1)),
                                lambda r: self.rects.__setitem__("preview", r), key="preview"))
        self.lay_out(buttons, blocks, gap=10)
        if wide:
            top = self.rects.get("prompt", pygame.Rect(0, self.content_top, 0, 0)).bottom + 10 \
                if self.page == 0 else self.content_top
            small = self.ui.font("small", bold=True).get_linesize()
            self.rects["preview"] = pygame.Rect(self.panel.right - PAD - PREVIEW[0], top, PREVIEW[0],
                                                small + 2 + PREVIEW[1] + 12 + self.sized(16).get_linesize())
        self.refresh_preview()

    def preview_block_h(self, buttons, tabs_h: int) -> int:
        """Label, picture and note; the picture (450 x 300 at most) fits a page under the tabs."""
        small = self.ui.font("small", bold=True).get_linesize()
        note = self.sized(16).get_linesize()
        room = self.page_room(buttons) - tabs_h - 10
        return small + 2 + max(100, min(PREVIEW[1], room - small - 2 - 12 - note)) + 12 + note

    def item_row_h(self, row, col_w: int) -> int:
        """A row of items as tall as its longest one (64 px at least)."""
        return max([64] + [self.card_h(it.text, col_w, 18, sub=_("from your journey") if it.own else "",
                                       pad=4 if not self.big_text() else 10) for it in row])

    def fits_wide(self, buttons) -> bool:
        """The list beside the live preview: the tabs in one row, the whole preview, rows of items
        that leave room for a few (a long list goes on over pages)."""
        room = self.content_room(buttons)
        if 4 * self.tab_w() + 30 > LIST_W:
            return False
        col_w = (LIST_W - 10) // 2
        tallest = max(self.item_row_h(self.card.items[s][i:i + 2], col_w) for s in SECTIONS
                      for i in range(0, len(self.card.items[s]), 2))
        small = self.ui.font("small", bold=True).get_linesize()
        return tallest * 3 <= room and small + PREVIEW[1] + 40 <= room

    def build_saved(self) -> None:
        room = self.content_room([("finish", _("Finish"), 200)])
        h = max(160, min(400, room - 24))
        self.saved_size = (h * 3 // 2, h)
        if self.saved_card is not None:
            self.big = pygame.transform.smoothscale(self.saved_card, self.saved_size)
        self.done_footer([Block(h + 24, lambda r: self.rects.__setitem__("big", r), key="big")])

    def refresh_preview(self) -> None:
        r = self.rects.get("preview")
        if r is None:
            return
        card = render_card(self.ui, self.card, self.content, self.date_text())
        h = r.h - self.ui.font("small", bold=True).get_linesize() - 2 - 12 - self.sized(16).get_linesize()
        h = max(60, min(PREVIEW[1], h))
        self.preview = pygame.transform.smoothscale(card, (h * PREVIEW[0] // PREVIEW[1], h))

    # ---------------------------------------------------------------- input
    def activate(self, key: str) -> None:
        kind, _sep, value = key.partition(":")
        if key == "save":
            self.save()
        elif kind == "tab":
            if value != self.section:
                self.section = value
                self.page = 0
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
        else:
            super().activate(key)

    def save(self) -> None:
        missing = self.card.missing()
        if missing:
            names = [getattr(self.content.headings, s).lower() for s in missing]
            self.section = missing[0]
            self.page = 0
            self.message = ""
            self.say(tr("Pick at least one for: {parts}.", parts=", ".join(names)), COLOURS["warn"])
            self.app.audio.play("wrong")
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
        self.keep_in_journal(self.card.to_dict(self.today))
        self.ctx.checkpoint()
        self.app.audio.play("right")
        self.saved_card = surface
        self.say("")
        self.build()

    def on_cancel(self) -> None:
        self.finish() if self.saved_path is not None else self.leave()

    # ---------------------------------------------------------------- drawing
    def draw_body(self, surface: pygame.Surface) -> None:
        if self.saved_path is not None:
            box = self.rects.get("big")
            if box is not None and self.big is not None:
                r = self.big.get_rect(midtop=(box.centerx, box.y + 12))
                surface.blit(self.big, r)
                pygame.draw.rect(surface, hex_rgb(COLOURS["focus"]), r.inflate(6, 6), width=3, border_radius=6)
            return
        for s in SECTIONS:
            state = "chosen" if s == self.section else ""
            self.draw_card(surface, f"tab:{s}", self.tab_label(s), state, max_lines=1, font_px=18, center=True)
        for it in self.card.items[self.section]:
            state = "chosen" if self.card.is_chosen(it.id) else ("dim" if self.card.full(self.section) else "")
            self.draw_card(surface, f"item:{it.id}", it.text, state, sub=_("from your journey") if it.own else "",
                           font_px=18)
        # the live preview
        box = self.rects.get("preview")
        if box is not None and self.preview is not None:
            small = self.ui.font("small", bold=True)
            surface.blit(rendered(small, _("Your card"), COLOURS["muted"]), (box.x, box.y))
            r = self.preview.get_rect(topleft=(box.x, box.y + small.get_linesize() + 2))
            surface.blit(self.preview, r)
            pygame.draw.rect(surface, hex_rgb(COLOURS["panel_border"]), r.inflate(4, 4), width=2, border_radius=4)
            text_lines(surface, self.sized(16), _("The helplines are always on the card."),
                       pygame.Rect(box.x, r.bottom + 12, max(r.w, box.w), self.sized(16).get_linesize()), COLOURS["muted"], 1)
