"""Practice spots of levels 5-7 (Tiled type ``practice``): the shared screen frame and the wiring.

A practice spot names an entry of the level's ``practice:`` section; its ``mode`` picks the screen
(problem solving, assertive replies, the ally map, the skills review, the toolkit card). When the
screen is finished the spot is marked done (the exit may require ``practice:<key>``) and its
``done_dialogue`` is shown.

``PracticeScene`` is the frame those screens share: a title, a prompt, cards the scene draws itself
(long, wrapped text that buttons cannot hold) and pygame_gui buttons in a footer. One focus runs
over cards and buttons, so it all works with the keyboard alone (arrows + Enter), the mouse alone
(click a card or a button) and a gamepad (d-pad + A; B goes back).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pygame

from game.i18n import N_, _
from game.input.actions import A, Action, pointer_pos
from game.scenes.base import Scene
from game.ui import draw
from game.ui.draw import fit_lines, hex_rgb, rendered
from game.ui.manager import SCREEN_H, SCREEN_W
from game.ui.theme import COLOURS

PANEL = pygame.Rect(24, 72, SCREEN_W - 48, SCREEN_H - 84)
CONTENT_TOP = PANEL.y + 130
FOOTER_Y = PANEL.bottom - 70
BUTTON_H = 52


@dataclass
class Slot:
    key: str
    rect: pygame.Rect
    kind: str = "card"        # card | button | entry




def text_lines(surface: pygame.Surface, font: pygame.font.Font, s: str, rect: pygame.Rect, colour: str = COLOURS["text"],
               max_lines: int = 3, gap: float = 1.25, center: bool = False) -> int:
    """Wrapped text inside rect (never more than max_lines); returns the height used."""
    lh = int(font.get_linesize() * gap)
    y = rect.y
    for line in fit_lines(font, s, rect.w, max_lines):
        img = rendered(font, line, colour)
        x = rect.centerx - img.get_width() // 2 if center else rect.x
        surface.blit(img, (x, y))
        y += lh
    return y - rect.y


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

    # ---------------------------------------------------------------- building
    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        """Rebuild buttons and slots for the current step (subclasses call ``frame`` then add theirs)."""

    def frame(self) -> None:
        self.clear_ui()
        self.slots = []

    def card_slot(self, key: str, rect: pygame.Rect) -> None:
        self.slots.append(Slot(key, rect, "card"))

    def footer_button(self, key: str, text: str, rect: pygame.Rect) -> None:
        self.add_button(key, text, rect, focusable=False)
        self.slots.append(Slot(key, rect, "button"))

    def footer(self, buttons: list[tuple[str, str, int]]) -> None:
        """Buttons (id, text, width) in the footer, right-aligned, in reading order."""
        x = PANEL.right - 28
        rects = []
        for _bid, _text, w in reversed(buttons):
            x -= w
            rects.append(pygame.Rect(x, FOOTER_Y, w, BUTTON_H))
            x -= 16
        for (bid, text, _w), r in zip(buttons, reversed(rects)):
            self.footer_button(bid, text, r)

    def focus(self, key: str | None) -> None:
        keys = [s.key for s in self.slots]
        if key not in keys:
            key = keys[0] if keys else None
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
        """A card or button was chosen (Enter, A, a click)."""

    def on_text(self, text: str) -> None:
        """Typed text (replays and scripted players)."""

    def on_cancel(self) -> None:
        self.leave()

    def leave(self) -> None:
        """Close without finishing (the spot stays open; nothing is logged)."""
        self.app.audio.play("back")
        self.app.stack.pop()

    def finish(self) -> None:
        """The practice is done: close, mark the spot done, show the closing dialogue."""
        self.finished = True
        self.app.audio.play("confirm")
        self.app.stack.pop()
        if self.on_finish:
            self.on_finish()

    # ---------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 170)
        title = self.ui.font("title", bold=True)
        name = _(self.title)   # class titles stay English (marked with N_); shown in the current language
        band = pygame.Rect(12, 10, min(1110, max(432, title.size(name)[0] + 56)), 56)
        draw.panel(surface, band, alpha=250)
        draw.text(surface, title, name, (band.x + 28, band.centery - title.get_linesize() // 2))
        draw.panel(surface, PANEL, alpha=245)
        self.draw_body(surface)
        if self.message:
            font = self.ui.font("body", bold=True)
            text_lines(surface, font, self.message, pygame.Rect(PANEL.x + 32, FOOTER_Y - 4, self.message_width(), 60),
                       self.message_colour, max_lines=2, gap=1.1)

    def message_width(self) -> int:
        used = sum(s.rect.w + 16 for s in self.slots if s.kind == "button" and s.rect.y >= FOOTER_Y - 2)
        return max(200, PANEL.w - 64 - used)

    def draw_body(self, surface: pygame.Surface) -> None:
        pass

    def draw_header(self, surface: pygame.Surface, kicker: str, prompt: str) -> int:
        """Kicker line and the prompt; returns the y below them."""
        small, body = self.ui.font("small", bold=True), self.ui.font("body")
        surface.blit(rendered(small, kicker, COLOURS["focus"]), (PANEL.x + 32, PANEL.y + 22))
        h = text_lines(surface, body, prompt, pygame.Rect(PANEL.x + 32, PANEL.y + 54, PANEL.w - 64, 70), max_lines=2)
        return PANEL.y + 54 + h

    def draw_card(self, surface: pygame.Surface, key: str, text: str, state: str = "", sub: str = "",
                  icon_name: str | None = None, max_lines: int = 3, font_px: int | None = None, center: bool = False,
                  mark: bool = True) -> None:
        """A choice card: ``state`` is '' | 'chosen' | 'right' | 'wrong' | 'dim'."""
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
            from game.ui.scale import icon

            pic = icon(icon_name, 40)
            if pic is not None:
                surface.blit(pic, pic.get_rect(midleft=(r.x + 12, r.centery)))
                x = r.x + 60
        mark_w = 34 if mark and state in ("chosen", "right", "wrong") else 0
        font = self.ui.font(font_px or 20)
        colour = COLOURS["muted"] if state == "dim" else COLOURS["text"]
        lines = fit_lines(font, text, r.right - 14 - mark_w - x, max_lines)
        subf = self.ui.font("small")
        sub_lines = fit_lines(subf, sub, r.right - 14 - mark_w - x, 2) if sub else []
        lh, slh = int(font.get_linesize() * 1.1), subf.get_linesize()
        total = lh * len(lines) + (slh * len(sub_lines) + 4 if sub_lines else 0)
        y = r.centery - total // 2
        for line in lines:
            img = rendered(font, line, colour)
            surface.blit(img, (r.centerx - img.get_width() // 2 if center else x, y))
            y += lh
        if sub_lines:
            y += 4
            for line in sub_lines:
                img = rendered(subf, line, COLOURS["muted"])
                surface.blit(img, (r.centerx - img.get_width() // 2 if center else x, y))
                y += slh
        if mark_w:
            draw_mark(surface, (r.right - 24, r.centery), state != "wrong")

    def draw_feedback(self, surface: pygame.Surface, rect: pygame.Rect, text: str, good: bool | None) -> None:
        colour = COLOURS["good"] if good else (COLOURS["warn"] if good is False else COLOURS["panel_border"])
        pygame.draw.rect(surface, hex_rgb("#1F1832"), rect, border_radius=14)
        pygame.draw.rect(surface, hex_rgb(colour), rect, width=3, border_radius=14)
        text_lines(surface, self.ui.font("body"), text, rect.inflate(-40, -28), max_lines=4, gap=1.3)

    def help_screen_name(self) -> str:
        return self.name


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
