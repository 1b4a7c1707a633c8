"""Level 6 speak-up stall: passive, aggressive or assertive replies in everyday situations.

Rules: ``game.mechanics.assertive``. Content: the level's ``assertive:`` section. Each pick logs
``assertive_reply_chosen`` (situation, reply, style, attempt) and shows the content's kind feedback;
the player tries again until they find the assertive reply.
"""
from __future__ import annotations

import random

import pygame

from game.i18n import N_, _, tr
from game.mechanics.assertive import AssertivePractice, Reply, ReplyResult, Situation
from game.scenes.practice import CONTENT_TOP, PANEL, PracticeScene, split_rows, text_lines
from game.ui import draw
from game.ui.draw import hex_rgb
from game.ui.theme import COLOURS

STYLE_NAMES = {"passive": N_("Passive"), "aggressive": N_("Aggressive"), "assertive": N_("Assertive")}  # _() when shown


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


class AssertiveScene(PracticeScene):
    name = "assertive"

    def __init__(self, app, play=None, key=None, on_finish=None) -> None:
        super().__init__(app, play, key, on_finish)
        content = play.level.content
        self.content = content.assertive
        spot = content.practice.get(key) if key else None
        self.title = spot.title if spot else N_("Speak up")
        self.practice = AssertivePractice(to_situations(self.content))
        self.result: ReplyResult | None = None
        self.over = False
        self._portraits: dict[str, pygame.Surface | None] = {}

    def order(self) -> list[Reply]:
        s = self.practice.current
        replies = list(s.replies)
        random.Random(f"glimmer:{s.id}").shuffle(replies)
        return replies

    def build(self) -> None:
        self.frame()
        if self.over:
            self.footer([("finish", _("Finish"), 200)])
            self.focus("finish")
            return
        area = pygame.Rect(PANEL.x + 32, CONTENT_TOP + 112, PANEL.w - 64, 3 * 66 + 2 * 8)
        for r, rect in zip(self.order(), split_rows(area, 3, 1, gap=8)):
            self.card_slot(f"reply:{r.id}", rect)
        buttons = [("leave", _("Leave for now"), 220)]
        if self.practice.solved:
            last = self.practice.index >= len(self.practice.situations) - 1
            buttons.append(("next", _("All done »") if last else _("Next situation »"), 250))
        self.footer(buttons)
        self.focus("next" if self.practice.solved else None)

    def activate(self, key: str) -> None:
        kind, _sep, value = key.partition(":")
        if key == "leave":
            self.leave()
        elif key == "finish":
            self.finish()
        elif key == "next":
            if not self.practice.next():
                self.over = True
            self.result = None
            self.app.audio.play("confirm")
            self.build()
        elif kind == "reply" and not self.practice.solved:
            self.result = self.practice.choose(value)
            self.ctx.bus.publish("assertive_reply_chosen", **self.result.payload())
            self.app.audio.play("right" if self.result.assertive else "wrong")
            if self.result.assertive:
                self.ctx.checkpoint()
                self.build()

    def on_cancel(self) -> None:
        if self.over:
            self.finish()
        else:
            self.leave()

    def draw_body(self, surface: pygame.Surface) -> None:
        p = self.practice
        n = len(p.situations)
        if self.over:
            self.draw_header(surface, tr("All {n} situations done", n=n), self.content.done)
            self.draw_styles(surface, CONTENT_TOP + 10)
            return
        s = p.current
        self.draw_header(surface, tr("Situation {n} of {total}", n=p.index + 1, total=n), self.content.intro)
        # who and what
        box = pygame.Rect(PANEL.x + 32, CONTENT_TOP, PANEL.w - 64, 104)
        pygame.draw.rect(surface, hex_rgb("#1F1832"), box, border_radius=14)
        if s.portrait not in self._portraits:
            self._portraits[s.portrait] = portrait(s.portrait, 96)
        pic = self._portraits[s.portrait]
        x = box.x + 20
        if pic is not None:
            surface.blit(pic, pic.get_rect(midleft=(box.x + 12, box.centery)))
            x = box.x + 120
        draw.text(surface, self.ui.font("body", bold=True), s.speaker, (x, box.y + 10), COLOURS["focus"], shadow=False)
        text_lines(surface, self.ui.font("body"), s.setup, pygame.Rect(x, box.y + 42, box.right - x - 20, 60), max_lines=2,
                   gap=1.15)
        tried = set(p.tried)
        for r in self.order():
            if r.id in tried:
                state = "right" if r.style == "assertive" else "wrong"
                sub = _(STYLE_NAMES[r.style])
            else:
                state, sub = ("dim" if p.solved else ""), ""
            self.draw_card(surface, f"reply:{r.id}", f"“{r.text}”", state, sub=sub, max_lines=2, font_px=21)
        if self.result is not None:
            fb = pygame.Rect(PANEL.x + 32, CONTENT_TOP + 112 + 214 + 10, PANEL.w - 64, 90)
            self.draw_feedback(surface, fb, f"{_(STYLE_NAMES[self.result.style])}. {self.result.feedback}",
                               self.result.assertive)

    def draw_styles(self, surface: pygame.Surface, y: int) -> None:
        cols = split_rows(pygame.Rect(PANEL.x + 32, y, PANEL.w - 64, 190), 3, 3, gap=16)
        colours = {"passive": "#7FB8FF", "aggressive": COLOURS["warn"], "assertive": COLOURS["good"]}
        for style, r in zip(("passive", "aggressive", "assertive"), cols):
            pygame.draw.rect(surface, hex_rgb("#1F1832"), r, border_radius=14)
            pygame.draw.rect(surface, hex_rgb(colours[style]), r, width=3, border_radius=14)
            draw.text(surface, self.ui.font("body", bold=True), _(STYLE_NAMES[style]), (r.x + 20, r.y + 16), colours[style],
                      shadow=False)
            text_lines(surface, self.ui.font("body"), self.content.styles.get(style, ""),
                       pygame.Rect(r.x + 20, r.y + 54, r.w - 40, 120), max_lines=4)
