"""Practice spots of levels 5-7 (Tiled type ``practice``): the shared screen frame and the wiring.

A practice spot names an entry of the level's ``practice:`` section; its ``mode`` picks the screen
(problem solving, assertive replies, the ally map, the skills review, the toolkit card). When the
screen is finished the spot is marked done (the exit may require ``practice:<key>``) and its
``done_dialogue`` is shown.

``PracticeScene`` is the frame those screens share: a title, a kicker line, a prompt, cards the
scene draws itself (long, wrapped text that buttons cannot hold) and pygame_gui buttons in a footer.
One focus runs over cards and buttons, so it all works with the keyboard alone (arrows + Enter), the
mouse alone (click a card or a button) and a gamepad (d-pad + A; B goes back).

Layout follows the text size and font (settings): every step is built (``build``) from the current
font metrics. A step lists its content as ``Block``s (each as tall as its wrapped text needs) and
``lay_out`` stacks them under the header; when they don't fit above the footer (big text) they are
spread over pages, with a "More cards" button in the footer (``more``). Messages (``say``) wrap
beside the footer buttons, or above them when they are long.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

import pygame

from game.i18n import N_, _, tr
from game.input.actions import A, Action, pointer_pos
from game.scenes.base import Scene
from game.ui import draw
from game.ui.draw import fit_lines, hex_rgb, wrap
from game.ui.manager import SCREEN_H, SCREEN_W, flow_rects, help_rect
from game.ui.theme import COLOURS

# The panel at 100 % text (it moves with the title's size: see ``PracticeScene.frame``).
PANEL = pygame.Rect(24, 72, SCREEN_W - 48, SCREEN_H - 84)
BUTTON_H = 52             # footer buttons at least this tall (taller when the text is)
PAD = 32            # the panel's inner margin, left and right
FOOTER_GAP = 16


@dataclass
class Slot:
    key: str
    rect: pygame.Rect
    kind: str = "card"        # card | button | entry


@dataclass
class Block:
    """A piece of a step's content, full width, ``h`` pixels tall. ``place(rect)`` is called with its
    rect when it is on the page shown (it adds the slots and remembers rects for drawing)."""

    h: int
    place: Callable[[pygame.Rect], None] | None = None
    key: str = ""
    keys: Sequence[str] = field(default_factory=tuple)     # the slots it holds (to find a card's page)
    sticky: bool = False      # shown at the top of every page (tabs)


def text_lines(surface: pygame.Surface, font: pygame.font.Font, s: str, rect: pygame.Rect, colour: str = COLOURS["text"],
               max_lines: int | None = 3, gap: float = 1.25, center: bool = False) -> int:
    """Wrapped text inside rect (never more than max_lines; None: as many as the rect holds);
    returns the height used."""
    lh = int(font.get_linesize() * gap)
    if max_lines is None:
        max_lines = max(1, (rect.h + lh - font.get_linesize()) // max(1, lh))
    y = rect.y
    for line in fit_lines(font, s, rect.w, max_lines):
        img = rendered(font, line, colour)
        x = rect.centerx - img.get_width() // 2 if center else rect.x
        surface.blit(img, (x, y))
        y += lh
    return y - rect.y


def lines_h(font: pygame.font.Font, s: str, width: int, gap: float = 1.25) -> int:
    """Height ``text_lines`` needs for all of ``s`` at ``width``."""
    n = len(wrap(font, s, max(10, width))) if s else 0
    return 0 if not n else int(font.get_linesize() * gap) * (n - 1) + font.get_linesize()


def wrap_text(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """``wrap``, and a word wider than the line (a file path) is broken where it has to be."""
    out: list[str] = []
    for line in wrap(font, text, max(10, width)):
        while font.size(line)[0] > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and font.size(line[:cut])[0] > width:
                cut -= 1
            soft = max(line.rfind(c, 0, cut) for c in "/\\-_ ")     # break after a separator if there is one
            cut = soft + 1 if soft > cut // 2 else cut
            out.append(line[:cut])
            line = line[cut:].lstrip()
        out.append(line)
    return out


def wrap_flow(font: pygame.font.Font, text: str, width_of: Callable[[int], int]) -> list[str]:
    """Word wrap where line ``i`` may be ``width_of(i)`` wide (text that flows around buttons)."""
    return wrap(font, text, width_of)


rendered = draw.rendered


_ICONS: dict[tuple[str, int], pygame.Surface | None] = {}


def cached_icon(name: str, size: int) -> pygame.Surface | None:
    """``game.ui.scale.icon``, loaded once per name and size (cards are drawn every frame)."""
    key = (name, size)
    if key not in _ICONS:
        from game.ui.scale import icon

        _ICONS[key] = icon(name, size)
    return _ICONS[key]


def draw_mark(surface: pygame.Surface, centre: tuple[int, int], good: bool, size: int = 9) -> None:
    """A drawn tick (good) or cross: the bundled font has no such glyphs."""
    x, y = centre
    colour = hex_rgb(COLOURS["good"] if good else COLOURS["warn"])
    if good:
        pygame.draw.lines(surface, colour, False, [(x - size, y), (x - size // 3, y + size * 2 // 3), (x + size, y - size)], 4)
    else:
        pygame.draw.line(surface, colour, (x - size, y - size), (x + size, y + size), 4)
        pygame.draw.line(surface, colour, (x - size, y + size), (x + size, y - size), 4)


def split_rows(rect: pygame.Rect, n: int, cols: int, gap: int = 14, row_h: int | None = None) -> list[pygame.Rect]:
    """n card rects in a grid of ``cols`` columns inside rect (rows fill the height unless row_h)."""
    rows = max(1, (n + cols - 1) // cols)
    w = (rect.w - gap * (cols - 1)) // cols
    h = row_h or (rect.h - gap * (rows - 1)) // rows
    return [pygame.Rect(rect.x + (i % cols) * (w + gap), rect.y + (i // cols) * (h + gap), w, h) for i in range(n)]


class PracticeScene(Scene):
    """The frame shared by the level 5-7 practice screens."""

    name = "practice"
    opaque = False
    title = ""
    content_section = ""          # the level content section this screen shows (``problems``, ``allies`` ...)
    default_title = ""            # when the practice spot names no title

    def __init__(self, app, play=None, key: str | None = None, on_finish: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.play = play
        self.key = key
        self.on_finish = on_finish
        self.slots: list[Slot] = []
        self.focus_key: str | None = None
        self.message = ""
        self.message_colour = COLOURS["muted"]
        self.finished = False
        self.page = 0
        self.pages = 1
        self.rects: dict[str, pygame.Rect] = {}
        self.show: str | None = None       # the next build opens the page with this block or card
        self.band = pygame.Rect(12, 10, 432, 56)
        self.panel = pygame.Rect(PANEL)
        self.kicker_lines: list[str] = []
        self.kicker_y = self.panel.y + 22
        self.band_kicker = ""
        self.band_kicker_x = self.band_extra_x = self.band.right
        self.prompt_lines: list[str] = []
        self.content_top = self.panel.y + 54
        self._header: tuple[str, str] | None = None
        self.msg_k, self.msg_lh, self.msg_beside = 0, 33, 2      # the message's room (set by lay_out)
        self.footer_top = self.panel.bottom - 70
        self.msg_full_w = self.msg_narrow_w = self.panel.w - 2 * PAD
        self.content = None
        if self.content_section and play is not None:
            content = play.level.content
            self.content = getattr(content, self.content_section)
            spot = content.practice.get(key) if key else None
            self.title = spot.title if spot else self.default_title

    # ---------------------------------------------------------------- the player's journal
    def journal(self) -> list:
        """What the player kept from earlier practice (plans, maps, cards): on this computer only."""
        return self.ctx.profile.data.get("journal", []) if self.ctx.profile is not None else []

    def keep_in_journal(self, entry: dict) -> None:
        if self.ctx.profile is not None:
            self.ctx.profile.data.setdefault("journal", []).append(entry)

    # ---------------------------------------------------------------- fonts
    def sized(self, px: int, bold: bool = False) -> pygame.font.Font:
        """The font for a size designed at 100 % (``px``), grown with the player's text size (the
        dyslexia font is drawn a little smaller, as in the theme)."""
        factor = 0.86 if self.ui.dyslexia else 1.0
        return self.ui.font(max(10, int(round(px * self.ui.text_scale * factor))), bold)

    def big_text(self) -> bool:
        return self.ui.text_scale > 1.0

    # ---------------------------------------------------------------- building
    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        """Rebuild buttons and slots for the current step (subclasses call ``frame``, then ``lay_out``)."""
        self.frame()
        self.lay_out([], [])

    def relayout(self) -> None:
        """The text size or font changed (or a message needs more room): build again, same focus."""
        key = self.focus_key
        self.build()
        if key is not None and self.slot(key) is not None:
            self.focus(key)

    def header_texts(self) -> tuple[str, str]:
        """(kicker, prompt) of the step shown."""
        return "", ""

    def kicker_reserve(self) -> int:
        """Pixels kept free at the right of the kicker line (for something the scene draws there)."""
        return 0

    def band_extra(self) -> int:
        """Width of what the scene draws in the title band right of the title at big text (0: nothing)."""
        return 0

    def frame(self) -> None:
        """Start a step: no widgets, no slots; the title band, panel and header from the font metrics.
        At big text a short kicker goes into the title band, beside the title (more room below)."""
        self.clear_ui()
        self.slots = []
        self.rects = {}
        ui = self.ui
        big = self.big_text()
        title = ui.font("title", bold=True)
        small = ui.font("small", bold=True)
        help_r = help_rect(self.app)
        room = (help_r.x - 8 - 12) if help_r.w else 1110
        kicker, prompt = self._header = self.header_texts()
        title_w = title.size(_(self.title))[0]
        extra = self.band_extra() if big else 0
        want = title_w + 56 + (extra + 24 if extra else 0)
        self.band_kicker = ""
        if big and kicker and want + 24 + small.size(kicker)[0] <= room:
            self.band_kicker = kicker
            want += 24 + small.size(kicker)[0]
        self.band = pygame.Rect(12, 10, min(room, max(432, want)), max(56, title.get_linesize() + 6))
        self.band_kicker_x = self.band.x + 28 + title_w + 24
        self.band_extra_x = self.band.right - 28 - extra
        top = self.band.bottom + 6
        self.panel = pygame.Rect(24, top, SCREEN_W - 48, SCREEN_H - 12 - top)
        w = self.panel.w - 2 * PAD
        reserve = 0 if big else self.kicker_reserve()
        self.kicker_lines = wrap_text(small, kicker, w - reserve) if kicker and not self.band_kicker else []
        self.kicker_y = self.panel.y + 22
        self.prompt_lines = wrap_text(ui.font("body"), prompt, w) if prompt else []
        if self.kicker_lines or not big:
            self.content_top = self.kicker_y + len(self.kicker_lines) * small.get_linesize() + 7   # where content may start
        else:
            self.content_top = self.panel.y + 18

    def legacy_top(self) -> int:
        """At 100 % text (the regular font) the first card stays where it always was; else 0."""
        return self.panel.y + 130 if not self.big_text() and not self.ui.dyslexia else 0

    def prompt_lh(self) -> int:
        return int(self.ui.font("body").get_linesize() * (1.25 if not self.big_text() else 1.1))

    def footer_gap(self) -> int:
        """Between the content and the footer (or the message above it)."""
        return 12 if not self.big_text() else 8

    def content_x(self) -> int:
        return self.panel.x + PAD

    def content_w(self) -> int:
        return self.panel.w - 2 * PAD

    def card_slot(self, key: str, rect: pygame.Rect) -> None:
        self.slots.append(Slot(key, rect, "card"))

    def footer_button(self, key: str, text: str, rect: pygame.Rect) -> None:
        self.add_button(key, text, rect, focusable=False)
        self.slots.append(Slot(key, rect, "button"))

    # ---------------------------------------------------------------- footer, message, pages
    def _footer_rects(self, buttons: list[tuple]) -> list[pygame.Rect]:
        """Buttons (id, text, min width[, other texts it may show]) right-aligned at the bottom of the
        panel, wide and tall enough for their text; a second row above when one is too narrow."""
        ui = self.ui
        widths = [max(ui.button_w(t, minimum=b[2]) for t in [b[1], *(b[3] if len(b) > 3 else ())]) for b in buttons]
        h = ui.button_h(BUTTON_H)
        area = pygame.Rect(self.panel.x + PAD, self.panel.y, self.panel.w - PAD - 28, self.panel.h - 18)
        return flow_rects(widths, h, area, gap=FOOTER_GAP, align="right_bottom")

    def _message_geometry(self, rects: list[pygame.Rect]) -> None:
        font = self.ui.font("body", bold=True)
        self.msg_lh = int(font.get_linesize() * 1.1)
        self.footer_top = min((r.y for r in rects), default=self.panel.bottom - 18)
        self.msg_full_w = self.content_w()
        left = min((r.x for r in rects), default=self.panel.right - 28)
        narrow = left - FOOTER_GAP - self.content_x()
        beside = (self.panel.bottom - 6 - (self.footer_top - 4)) // max(1, self.msg_lh)
        self.msg_narrow_w, self.msg_beside = (narrow, max(1, beside)) if narrow >= 160 else (narrow, 0)

    def _message_k(self, text: str) -> int:
        """Lines of ``text`` that must go above the footer row (the rest wraps beside the buttons)."""
        if not text:
            return 0
        font = self.ui.font("body", bold=True)
        for k in range(0, 14):
            lines = wrap_flow(font, text, lambda i, k=k: self.msg_full_w if i < k else self.msg_narrow_w)
            if len(lines) - k <= self.msg_beside:
                return k
        return 14

    def message_samples(self) -> list[str]:
        """The messages this step may show (the longest decides how much room they get)."""
        return []

    def paging_label(self, page: int, pages: int, short: bool) -> str:
        if short:
            return tr("More ({page} of {pages})", page=page, pages=pages)
        if page < pages:
            return tr("More cards ({page} of {pages})", page=page, pages=pages)
        return tr("Back to the first cards ({page} of {pages})", page=page, pages=pages)

    def _paging_button(self, pages: int) -> tuple:
        longs = [self.paging_label(p, pages, False) for p in range(1, pages + 1)]
        short = max(self.ui.button_w(t) for t in longs) > self.content_w() // 3
        texts = [self.paging_label(p, pages, short) for p in range(1, pages + 1)]
        return ("more", texts[min(self.page, pages - 1)], 160, texts)

    def paginate(self, blocks: list[Block], height: int, gap: int) -> list[list[Block]]:
        """Blocks in order, as many on a page as fit ``height``; sticky ones top every page (after
        the prompt on the first)."""
        sticky = [b for b in blocks if b.sticky]
        height -= sum(b.h + gap for b in sticky)
        pages: list[list[Block]] = [[]]
        used = 0
        for b in blocks:
            if b.sticky:
                continue
            need = b.h + (gap if pages[-1] else 0)
            if pages[-1] and used + need > height:
                pages.append([])
                used, need = 0, b.h
            pages[-1].append(b)
            used += need
        for p in pages:
            at = 1 if p and p[0].key == "prompt" else 0
            p[at:at] = sticky
        return pages

    def lay_out(self, buttons: list[tuple], blocks: list[Block], gap: int = 12, show: str | None = None,
                context: Sequence[Block] = (), answer: Block | None = None) -> pygame.Rect:
        """Place the footer ``buttons`` and the content on the page shown: the prompt, ``context``
        (what the question is about), ``blocks`` (the choices) and ``answer`` (feedback on a choice).

        When it doesn't all fit on one page (big text) the pages are grouped: with an answer, the
        answer and the choices come first (the prompt and context were read already) and the
        prompt and context follow; without one, the prompt and context get a page and the choices
        the next, if each fits a page. ``show`` (or ``self.show``, once): open the page with that
        block or slot key. Returns the content rect."""
        show, self.show = show or self.show, None
        ui = self.ui
        if self.big_text():
            gap = min(gap, 10)
        head: list[Block] = []
        if self.prompt_lines:
            lh = self.prompt_lh()
            text_h = (len(self.prompt_lines) - 1) * lh + ui.font("body").get_linesize()
            prompt_h = max(text_h, self.legacy_top() - gap - self.content_top)
            head.append(Block(prompt_h, lambda r: self.rects.__setitem__("prompt", r), key="prompt"))
        head += list(context)
        blocks = list(blocks)

        def arrange(height: int) -> list[list[Block]]:
            pages = self.paginate(head + blocks + ([answer] if answer else []), height, gap)
            if len(pages) == 1:
                return pages
            if answer is not None:
                return self.paginate([answer] + blocks, height, gap) + (self.paginate(head, height, gap) if head else [])
            if head and blocks:
                first, rest = self.paginate(head, height, gap), self.paginate(blocks, height, gap)
                if len(first) == 1 and len(rest) == 1:
                    return first + rest
            return pages

        samples = [self.message, *self.message_samples()]
        pages: list[list[Block]] = [head + blocks]
        n = 1
        for _round in range(4):
            all_buttons = ([self._paging_button(n)] if n > 1 else []) + list(buttons)
            rects = self._footer_rects(all_buttons)
            self._message_geometry(rects)
            self.msg_k = max(self._message_k(s) for s in samples)
            bottom = min(self.footer_top, self.footer_top - 4 - self.msg_k * self.msg_lh) - self.footer_gap()
            pages = arrange(bottom - self.content_top)
            if len(pages) == n:
                break
            n = len(pages)
        self.pages = len(pages)
        if show is not None:
            for i, p in enumerate(pages):
                if any(b.key == show or show in b.keys for b in p):
                    self.page = i
                    break
        self.page = max(0, min(self.page, self.pages - 1))
        area = pygame.Rect(self.content_x(), self.content_top, self.content_w(), bottom - self.content_top)
        y = area.y
        for b in pages[self.page]:
            if b.place is not None:
                b.place(pygame.Rect(area.x, y, area.w, b.h))
            y += b.h + gap
        all_buttons = ([self._paging_button(self.pages)] if self.pages > 1 else []) + list(buttons)
        for b, r in zip(all_buttons, self._footer_rects(all_buttons)):
            self.footer_button(b[0], b[1], r)
        return area

    def page_room(self, buttons: list[tuple]) -> int:
        """Height of a page of content (under the kicker), with these footer buttons."""
        self._message_geometry(self._footer_rects(list(buttons)))
        k = max(self._message_k(s) for s in [self.message, *self.message_samples()])
        return min(self.footer_top, self.footer_top - 4 - k * self.msg_lh) - self.footer_gap() - self.content_top

    def content_room(self, buttons: list[tuple]) -> int:
        """Height for content under the prompt on the first page, with these footer buttons."""
        if not self.prompt_lines:
            return self.page_room(buttons)
        prompt = (len(self.prompt_lines) - 1) * self.prompt_lh() + self.ui.font("body").get_linesize() + 12
        return self.page_room(buttons) - max(prompt, self.legacy_top() - self.content_top)

    def way_to(self, key: str) -> str | None:
        """The button that brings slot ``key`` into view (for players that can't see it yet)."""
        if self.slot(key) is None and self.pages > 1:
            return "more"
        return None

    def focus(self, key: str | None) -> None:
        keys = [s.key for s in self.slots]
        if key not in keys:
            key = next((s.key for s in self.slots if s.kind == "card"), keys[0] if keys else None)
        self.focus_key = key
        for bid, btn in self.buttons.items():
            if bid == key:
                btn.select()
            elif btn.is_selected:
                btn.unselect()

    def slot(self, key: str | None) -> Slot | None:
        return next((s for s in self.slots if s.key == key), None)

    def say(self, text: str, colour: str | None = None) -> None:
        self.message = text
        self.message_colour = colour or COLOURS["muted"]
        if text and self.slots and self._message_k(text) > self.msg_k:
            self.relayout()      # a longer message than the step made room for

    # ---------------------------------------------------------------- card sizes
    def card_lines_h(self, text: str, width: int, px: int = 20, sub: str = "", gap: float = 1.1) -> int:
        """Height of a card's text (and its small line under it) at ``width`` (the text's width)."""
        font = self.sized(px)
        gap = self.card_gap() if gap == 1.1 else gap
        n = len(wrap(font, text, max(10, width)))
        h = int(font.get_linesize() * gap) * (n - 1) + font.get_linesize()
        if sub:
            subf = self.ui.font("small")
            h += 4 + subf.get_linesize() * len(wrap(subf, sub, max(10, width)))
        return h

    def card_gap(self) -> float:
        """Line spacing in cards: OpenDyslexic's lines are airy already."""
        return 0.95 if self.ui.dyslexia else 1.1

    def card_h(self, text: str, width: int, px: int = 20, sub: str = "", icon: bool = False, mark: bool = True,
               min_h: int = 0, pad: int | None = None) -> int:
        """A card ``width`` wide tall enough for all of its text (at least ``min_h``)."""
        if pad is None:
            pad = 12 if not self.big_text() else 8
        inner = width - 30 - (34 if mark else 0) - (44 if icon else 0)
        return max(min_h, self.card_lines_h(text, inner, px, sub) + 2 * pad, 44 if icon else 0)

    def grid_blocks(self, keys: list[str], cols: int, row_h: int, gap: int, prefix: str = "row") -> list[Block]:
        """Cards in rows of ``cols``, one block per row (rows are what a page break can split)."""
        out = []
        for i in range(0, len(keys), cols):
            row = keys[i:i + cols]

            def place(r: pygame.Rect, row=row) -> None:
                for k, cr in zip(row, split_rows(r, cols, cols, gap=gap)):
                    self.card_slot(k, cr)
            out.append(Block(row_h, place, key=f"{prefix}:{i // cols}", keys=tuple(row)))
        return out

    def text_block(self, key: str, h: int) -> Block:
        """A block that only remembers its rect (the scene draws it as ``self.rects[key]``)."""
        return Block(h, lambda r: self.rects.__setitem__(key, r), key=key)

    def done_footer(self, blocks: list[Block] | None = None) -> None:
        """The last step: a Finish button (Esc finishes too)."""
        self.lay_out([("finish", _("Finish"), 200)], blocks or [])
        self.focus("finish")

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if action.kind is A.TEXT:
            self.on_text(action.value or "")
            return True
        if action.kind is A.PRESS and action.value in self.buttons:
            self.focus(action.value)
            self.activate(action.value)
            return True
        if action.kind is A.POINTER_UP:
            pos = pointer_pos(action)
            for s in self.slots:
                if s.kind == "card" and pos is not None and s.rect.collidepoint(pos):
                    self.focus(s.key)
                    self.activate(s.key)
                    return True
            return True
        if action.kind in (A.UP, A.DOWN, A.LEFT, A.RIGHT):
            self.move(action.kind.value)
            return True
        if action.kind is A.CONFIRM:
            if self.focus_key is not None:
                self.activate(self.focus_key)
            return True
        if action.kind is A.CANCEL:
            self.on_cancel()
            return True
        return True  # modal: the world waits

    def move(self, direction: str) -> None:
        cur = self.slot(self.focus_key)
        if cur is None:
            self.focus(None)
            return
        cx, cy = cur.rect.center
        best, best_score = None, None
        for s in self.slots:
            if s is cur:
                continue
            dx, dy = s.rect.centerx - cx, s.rect.centery - cy
            # overlapping rows/columns count as the same line
            same_row = s.rect.top < cur.rect.bottom and s.rect.bottom > cur.rect.top
            same_col = s.rect.left < cur.rect.right and s.rect.right > cur.rect.left
            if direction == "down" and (dy <= 0 or same_row):
                continue
            if direction == "up" and (dy >= 0 or same_row):
                continue
            if direction == "right" and (dx <= 0 or not same_row):
                continue
            if direction == "left" and (dx >= 0 or not same_row):
                continue
            main, side = (abs(dy), abs(dx)) if direction in ("up", "down") else (abs(dx), abs(dy))
            score = main + side * (0.5 if same_col else 2.0)
            if best_score is None or score < best_score:
                best, best_score = s, score
        if best is not None:
            self.focus(best.key)
            self.app.audio.play("move")

    def activate(self, key: str) -> None:
        """A card or button was chosen (Enter, A, a click). The base knows leave, finish and more."""
        if key == "leave":
            self.leave()
        elif key == "finish":
            self.finish()
        elif key == "more":
            self.turn_page()

    def turn_page(self) -> None:
        self.page = (self.page + 1) % max(1, self.pages)
        self.app.audio.play("move")
        self.build()
        self.focus("more")

    def on_text(self, text: str) -> None:
        """Typed text (replays and scripted players)."""

    def on_cancel(self) -> None:
        self.leave()

    def leave(self) -> None:
        """Close without finishing (the spot stays open; nothing is logged)."""
        self.back_out()

    def finish(self) -> None:
        """The practice is done: close, mark the spot done, show the closing dialogue."""
        self.finished = True
        self.app.audio.play("confirm")
        self.app.stack.pop()
        if self.on_finish:
            self.on_finish()

    # ---------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        if self._header is not None and self.header_texts() != self._header:
            self.relayout()          # the step's words changed without a rebuild
        draw.dim(surface, 170)
        title = self.ui.font("title", bold=True)
        name = _(self.title)   # class titles stay English (marked with N_); shown in the current language
        band = self.band
        draw.panel(surface, band, alpha=250)
        draw.text(surface, title, fit_lines(title, name, band.w - 40 - (self.band.right - self.band_kicker_x
                                                                  if self.band_kicker else 0), 1)[0],
                  (band.x + 28, band.centery - title.get_linesize() // 2))
        small = self.ui.font("small", bold=True)
        if self.band_kicker:
            surface.blit(rendered(small, self.band_kicker, COLOURS["focus"]),
                         (self.band_kicker_x, band.centery - small.get_linesize() // 2))
        draw.panel(surface, self.panel, alpha=245)
        for i, line in enumerate(self.kicker_lines):
            surface.blit(rendered(small, line, COLOURS["focus"]), (self.content_x(), self.kicker_y + i * small.get_linesize()))
        r = self.rects.get("prompt")
        if r is not None:
            body, lh = self.ui.font("body"), self.prompt_lh()
            for i, line in enumerate(self.prompt_lines):
                surface.blit(rendered(body, line, COLOURS["text"]), (r.x, r.y + i * lh))
        self.draw_body(surface)
        if self.message:
            self.draw_message(surface)

    def draw_message(self, surface: pygame.Surface) -> None:
        font = self.ui.font("body", bold=True)
        k = self.msg_k
        lines = wrap_flow(font, self.message, lambda i: self.msg_full_w if i < k else self.msg_narrow_w)
        room = k + self.msg_beside
        if len(lines) > room:        # never expected (say() makes room); cut rather than overlap
            lines = lines[:room - 1] + fit_lines(font, " ".join(lines[room - 1:]), self.msg_narrow_w if k < room else self.msg_full_w, 1)
        y = self.footer_top - 4 - k * self.msg_lh
        for line in lines:
            surface.blit(rendered(font, line, self.message_colour), (self.content_x(), y))
            y += self.msg_lh

    def draw_body(self, surface: pygame.Surface) -> None:
        pass

    def draw_card(self, surface: pygame.Surface, key: str, text: str, state: str = "", sub: str = "",
                  icon_name: str | None = None, max_lines: int | None = None, font_px: int | None = None,
                  center: bool = False, mark: bool = True) -> None:
        """A choice card: ``state`` is '' | 'chosen' | 'right' | 'wrong' | 'dim'. The text grows with
        the text size; cards are laid out tall enough for it (see ``card_h``)."""
        s = self.slot(key)
        if s is None:
            return
        r = s.rect
        focused = self.focus_key == key
        fill = {"chosen": "#3E5A48", "right": "#2F6B45", "wrong": "#5E4632", "dim": "#2E2642"}.get(state, "#3F3160")
        if focused:
            fill = {"chosen": "#4C6E58", "right": "#3A7D53", "wrong": "#6E533B"}.get(state, "#5A4888")
        pygame.draw.rect(surface, hex_rgb(fill), r, border_radius=12)
        edge = COLOURS["focus"] if focused else {"chosen": COLOURS["good"], "right": COLOURS["good"],
                                                  "wrong": COLOURS["warn"]}.get(state, "#6E5A96")
        pygame.draw.rect(surface, hex_rgb(edge), r, width=3 if focused or state in ("chosen", "right", "wrong") else 2,
                         border_radius=12)
        x = r.x + 16
        if icon_name:
            pic = cached_icon(icon_name, 40)
            if pic is not None:
                surface.blit(pic, pic.get_rect(midleft=(r.x + 12, r.centery)))
                x = r.x + 60
        mark_w = 34 if mark and state in ("chosen", "right", "wrong") else 0
        font = self.sized(font_px or 20)
        colour = COLOURS["muted"] if state == "dim" else COLOURS["text"]
        subf = self.ui.font("small")
        text_w = r.right - 14 - mark_w - x
        sub_lines = wrap(subf, sub, max(10, text_w)) if sub else []
        lh, slh = int(font.get_linesize() * self.card_gap()), subf.get_linesize()
        sub_h = slh * len(sub_lines) + 4 if sub_lines else 0
        room = max(1, (r.h - 8 - sub_h + lh - font.get_linesize()) // max(1, lh))
        lines = fit_lines(font, text, text_w, min(room, max_lines or room) if max_lines else room)
        total = lh * (len(lines) - 1) + font.get_linesize() + sub_h
        y = r.centery - total // 2
        for line in lines:
            img = rendered(font, line, colour)
            surface.blit(img, (r.centerx - img.get_width() // 2 if center else x, y))
            y += lh
        if sub_lines:
            y += 4 + font.get_linesize() - lh if lines else 4
            for line in sub_lines:
                img = rendered(subf, line, COLOURS["muted"])
                surface.blit(img, (r.centerx - img.get_width() // 2 if center else x, y))
                y += slh
        if mark_w:
            draw_mark(surface, (r.right - 24, r.centery), state != "wrong")

    def feedback_pad(self) -> int:
        return 14 if not self.big_text() else 10

    def feedback_gap(self) -> float:
        return 1.3 if not self.big_text() else self.card_gap()

    def feedback_h(self, text: str) -> int:
        """Height of a feedback box for ``text`` (as tall as the words need, 72 px at least)."""
        body = self.ui.font("body")
        return max(72, lines_h(body, text, self.content_w() - 40, self.feedback_gap()) + 2 * self.feedback_pad())

    def draw_feedback(self, surface: pygame.Surface, rect: pygame.Rect, text: str, good: bool | None) -> None:
        colour = COLOURS["good"] if good else (COLOURS["warn"] if good is False else COLOURS["panel_border"])
        pygame.draw.rect(surface, hex_rgb("#1F1832"), rect, border_radius=14)
        pygame.draw.rect(surface, hex_rgb(colour), rect, width=3, border_radius=14)
        text_lines(surface, self.ui.font("body"), text, rect.inflate(-40, -2 * self.feedback_pad()), max_lines=None,
                   gap=self.feedback_gap())

    def help_screen_name(self) -> str:
        return self.name


class _QuestionScene(PracticeScene):
    """Questions one at a time (the speak-up stall, the skills review): pick a card, read the
    feedback, go on with Next; after the last one a summary and Finish.

    Subclasses give the run (``current``, ``answered``, ``is_last``, ``advance``), the cards
    (``option_ids``, ``option_card``) and what a pick does (``choose``)."""

    next_label = N_("Next question »")
    option_prefix = "option"
    gap = 10                  # between the blocks of a question

    def __init__(self, *a, **k) -> None:
        super().__init__(*a, **k)
        self.result = None
        self.over = False

    # what subclasses give
    def answered(self) -> bool:
        raise NotImplementedError

    def is_last(self) -> bool:
        raise NotImplementedError

    def advance(self) -> bool:
        """Go to the next question; False when there is none."""
        raise NotImplementedError

    def choose(self, value: str) -> None:
        raise NotImplementedError

    def question_blocks(self) -> list[Block]:
        raise NotImplementedError

    def summary_blocks(self) -> list[Block]:
        return []

    def feedback_text(self) -> tuple[str, bool] | None:
        return None

    # the shared run
    def feedback_block(self) -> Block | None:
        fb = self.feedback_text()
        return self.text_block("feedback", self.feedback_h(fb[0])) if fb else None

    def context_blocks(self) -> list[Block]:
        """What the question is about (above the choices)."""
        return []

    def build(self) -> None:
        self.frame()
        if self.over:
            self.done_footer(self.summary_blocks())
            return
        buttons = [("leave", _("Leave for now"), 220)]
        if self.answered():
            buttons.append(("next", _("All done »") if self.is_last() else _(self.next_label), 250,
                            [_("All done »"), _(self.next_label)]))
        self.lay_out(buttons, self.question_blocks(), gap=self.gap, context=self.context_blocks(),
                     answer=self.feedback_block())
        self.focus("next" if self.answered() else None)

    def activate(self, key: str) -> None:
        kind, _sep, value = key.partition(":")
        if key == "next":
            if not self.advance():
                self.over = True
            self.result = None
            self.page = 0
            self.app.audio.play("confirm")
            self.build()
        elif kind == self.option_prefix and not self.answered():
            self.show = "feedback"      # choose() builds: the page with the feedback opens
            self.choose(value)
            if not self.answered():
                self.focus(key)      # a wrong pick: try again from the same card
        else:
            super().activate(key)

    def on_cancel(self) -> None:
        self.finish() if self.over else self.leave()

    def draw_body(self, surface: pygame.Surface) -> None:
        fb = self.feedback_text()
        r = self.rects.get("feedback")
        if fb and r is not None:
            self.draw_feedback(surface, r, fb[0], fb[1])


# ====================================================================== wiring
def level_content(play):
    return play.level.content


def open_practice(play, obj) -> None:
    """Map interaction: open the screen for this practice spot."""
    from game.scenes.message import MessageScene

    key = str(obj.prop("practice"))
    content = level_content(play)
    spot = content.practice.get(key)
    if spot is None:
        play.show_toast(_("Nothing happens here yet."))
        return

    def finished() -> None:
        play.mark_done("practice", key)
        if spot.done_dialogue:
            play.open_dialogue(spot.done_dialogue)

    factory = SCREENS.get(spot.mode)
    try:
        scene = factory(play.app, play, key, finished) if factory else None
    except ValueError as e:   # content the checks let through but the rules refuse
        play.app.stack.push(MessageScene(play.app, _("This part could not be opened. Please tell your teacher.")
                                         + "\n\n" + str(e), title=_("Content problem")))
        return
    if scene is None:
        play.show_toast(_("Nothing happens here yet."))
        return
    play.app.audio.play("confirm")
    play.app.stack.push(scene)


def _problem(app, play, key, done):
    from game.scenes.problem import ProblemScene

    return ProblemScene(app, play, key, done)


def _assertive(app, play, key, done):
    from game.scenes.assertive import AssertiveScene

    return AssertiveScene(app, play, key, done)


def _allies(app, play, key, done):
    from game.scenes.allies import AllyMapScene

    return AllyMapScene(app, play, key, done)


def _review(app, play, key, done):
    from game.scenes.toolkit import ReviewScene

    return ReviewScene(app, play, key, done)


def _toolkit(app, play, key, done):
    from game.scenes.toolkit import ToolkitScene

    return ToolkitScene(app, play, key, done)


SCREENS: dict[str, Callable] = {"problem": _problem, "assertive": _assertive, "allies": _allies,
                                "review": _review, "toolkit": _toolkit}

_REGISTERED = False


def register() -> None:
    global _REGISTERED
    if _REGISTERED:
        return
    _REGISTERED = True
    from game.scenes.play import INTERACTIONS, PROMPTS

    INTERACTIONS["practice"] = open_practice
    PROMPTS.setdefault("practice", N_("Try it"))


register()
