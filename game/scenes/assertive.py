"""Level 6 speak-up stall: passive, aggressive or assertive replies in everyday situations.

Rules: ``game.mechanics.assertive``. Content: the level's ``assertive:`` section. Each pick logs
``assertive_reply_chosen`` (situation, reply, style, attempt) and shows the content's kind feedback;
the player tries again until they find the assertive reply.
"""
from __future__ import annotations

import random

import pygame

from game.i18n import N_, _, tr
from game.mechanics.assertive import AssertivePractice, Reply, Situation
from game.scenes.practice import Block, _QuestionScene, lines_h, rendered, split_rows, text_lines
from game.ui.draw import hex_rgb
from game.ui.theme import COLOURS

STYLE_NAMES = {"passive": N_("Passive"), "aggressive": N_("Aggressive"), "assertive": N_("Assertive")}  # _() when shown
STYLE_ORDER = ("passive", "aggressive", "assertive")


def to_situations(content) -> tuple[Situation, ...]:
    return tuple(Situation(s.id, s.speaker, s.setup, tuple(Reply(r.id, r.style, r.text, r.feedback) for r in s.replies),
                           s.portrait) for s in content.situations)


def portrait(name: str | None, size: int = 120) -> pygame.Surface | None:
    if not name:
        return None
    from game.world.render import load_sheet

    sheet = load_sheet(name)
    fw, fh = sheet.get_width() // 4, sheet.get_height() // 4
    return pygame.transform.scale(sheet.subsurface((0, 0, fw, fh)), (size, size * fh // fw))


class AssertiveScene(_QuestionScene):
    name = "assertive"
    content_section = "assertive"
    default_title = N_("Speak up")
    next_label = N_("Next situation »")
    option_prefix = "reply"
    gap = 8

    def __init__(self, app, play=None, key=None, on_finish=None) -> None:
        super().__init__(app, play, key, on_finish)
        self.practice = AssertivePractice(to_situations(self.content))
        self._portraits: dict[str, pygame.Surface | None] = {}

    def order(self) -> list[Reply]:
        s = self.practice.current
        replies = list(s.replies)
        random.Random(f"glimmer:{s.id}").shuffle(replies)
        return replies

    # ---------------------------------------------------------------- the run
    def answered(self) -> bool:
        return self.practice.solved

    def is_last(self) -> bool:
        return self.practice.index >= len(self.practice.situations) - 1

    def advance(self) -> bool:
        return self.practice.next()

    def choose(self, value: str) -> None:
        self.result = self.practice.choose(value)
        self.ctx.bus.publish("assertive_reply_chosen", **self.result.payload())
        self.app.audio.play("right" if self.result.assertive else "wrong")
        if self.result.assertive:
            self.ctx.checkpoint()
        self.build()

    def feedback_text(self) -> tuple[str, bool] | None:
        if self.result is None:
            return None
        return f"{_(STYLE_NAMES[self.result.style])}. {self.result.feedback}", self.result.assertive

    # ---------------------------------------------------------------- layout
    def header_texts(self) -> tuple[str, str]:
        n = len(self.practice.situations)
        if self.over:
            return tr("All {n} situations done", n=n), self.content.done
        return tr("Situation {n} of {total}", n=self.practice.index + 1, total=n), self.content.intro

    def portrait(self, name: str | None) -> pygame.Surface | None:
        if name not in self._portraits:
            self._portraits[name] = portrait(name, 96)
        return self._portraits[name]

    def setup_x(self) -> int:
        """Where the speaker and the situation start in the box (right of the portrait)."""
        return 120 if self.portrait(self.practice.current.portrait) is not None else 20

    def context_blocks(self) -> list[Block]:
        s = self.practice.current
        tw = self.content_w() - self.setup_x() - 20
        speaker = self.ui.font("body", bold=True).get_linesize()
        box_h = max(104, 8 + speaker + lines_h(self.ui.font("body"), s.setup, tw, self.setup_gap()) + 10)
        return [self.text_block("situation", box_h)]

    def setup_gap(self) -> float:
        return 1.15 if not self.big_text() else (1.05 if not self.ui.dyslexia else 0.95)

    def question_blocks(self) -> list[Block]:
        s = self.practice.current
        w = self.content_w()
        big = self.big_text()
        out = []
        # every card is as tall as its reply with the style name under it (shown once it is tried)
        h = max(self.card_h(f"“{r.text}”", w, 21, sub=_(STYLE_NAMES[r.style]), pad=3 if not big else 10, min_h=66)
                for r in s.replies)
        for r in self.order():
            key = f"reply:{r.id}"
            out.append(Block(h, lambda rect, key=key: self.card_slot(key, rect), key=key, keys=(key,)))
        return out

    def summary_blocks(self) -> list[Block]:
        w = self.content_w()
        body, name = self.ui.font("body"), self.ui.font("body", bold=True)

        def col_h(cw: int, named: bool = True) -> int:
            return max(16 + (name.get_linesize() + 8 if named or not self.names_itself(st) else 0)
                       + lines_h(body, self.content.styles.get(st, ""), cw - 40) + 16 for st in STYLE_ORDER)

        h3 = max(190, col_h((w - 32) // 3))
        self.one_column = False
        if h3 <= self.content_room([("finish", _("Finish"), 200)]):
            def place(r):
                for st, cr in zip(STYLE_ORDER, split_rows(r, 3, 3, gap=16)):
                    self.rects[f"style:{st}"] = cr
            return [Block(h3, place, key="styles")]
        # big text: one under another, without the heading when the text starts with the name anyway
        self.one_column = True
        return [self.text_block(f"style:{st}", max(16 + (0 if self.names_itself(st) else name.get_linesize() + 8)
                                                     + lines_h(body, self.content.styles.get(st, ""), w - 40) + 16, 72))
                for st in STYLE_ORDER]

    def names_itself(self, style: str) -> bool:
        return self.content.styles.get(style, "").lower().startswith(_(STYLE_NAMES[style]).lower())

    # ---------------------------------------------------------------- drawing
    def draw_body(self, surface: pygame.Surface) -> None:
        if self.over:
            self.draw_styles(surface)
            return
        p = self.practice
        s = p.current
        box = self.rects.get("situation")
        if box is not None:   # who and what
            pygame.draw.rect(surface, hex_rgb("#1F1832"), box, border_radius=14)
            pic = self.portrait(s.portrait)
            if pic is not None:
                surface.blit(pic, pic.get_rect(midleft=(box.x + 12, box.centery)))
            x = box.x + self.setup_x()
            bold = self.ui.font("body", bold=True)
            surface.blit(rendered(bold, s.speaker, COLOURS["focus"]), (x, box.y + 8))
            text_lines(surface, self.ui.font("body"), s.setup,
                       pygame.Rect(x, box.y + 8 + bold.get_linesize(), box.right - x - 20, box.h - bold.get_linesize() - 16),
                       max_lines=None, gap=self.setup_gap())
        tried = set(p.tried)
        for r in self.order():
            if r.id in tried:
                state = "right" if r.style == "assertive" else "wrong"
                sub = _(STYLE_NAMES[r.style])
            else:
                state, sub = ("dim" if p.solved else ""), ""
            self.draw_card(surface, f"reply:{r.id}", f"“{r.text}”", state, sub=sub, font_px=21)
        super().draw_body(surface)

    def draw_styles(self, surface: pygame.Surface) -> None:
        colours = {"passive": "#7FB8FF", "aggressive": COLOURS["warn"], "assertive": COLOURS["good"]}
        bold, body = self.ui.font("body", bold=True), self.ui.font("body")
        for style in STYLE_ORDER:
            r = self.rects.get(f"style:{style}")
            if r is None:
                continue
            pygame.draw.rect(surface, hex_rgb("#1F1832"), r, border_radius=14)
            pygame.draw.rect(surface, hex_rgb(colours[style]), r, width=3, border_radius=14)
            top = r.y + 16
            if not (getattr(self, "one_column", False) and self.names_itself(style)):
                surface.blit(rendered(bold, _(STYLE_NAMES[style]), colours[style]), (r.x + 20, top))
                top += bold.get_linesize() + 8
            text_lines(surface, body, self.content.styles.get(style, ""),
                       pygame.Rect(r.x + 20, top, r.w - 40, r.bottom - 16 - top), max_lines=None)
