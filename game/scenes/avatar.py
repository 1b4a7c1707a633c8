"""The avatar creator: the player chooses how they look and how the guide addresses them.

Runs as a session-start step while the profile has no avatar yet, and from the journey screen
("My look") any time later. Keyboard and gamepad: up/down pick a row, left/right change it, Enter
goes on (and finishes on "That's me!"). Mouse: the arrow buttons, or click a row's value.

Saved in ``profile.data["avatar"]``: option names (``body``, ``skin``, ``hair_style``,
``hair_colour``, ``top_colour``, ``bottom_colour``) and ``address`` ("nickname" or "friend").
The ``avatar_chosen`` event carries option indices only, never the nickname.
"""
from __future__ import annotations

import random
from typing import Callable

import pygame

from game.art import characters as ch
from game.art.palette import PALETTE, RAMPS
from game.i18n import N_, _, tr
from game.input.actions import A, Action, pointer_pos
from game.scenes import flow
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W
from game.ui.theme import COLOURS

ADDRESSES = ("nickname", "friend")
FRIEND = "friend"                 # the address id (saved, logged)
FRIEND_WORD = N_("friend")        # what the guide then calls the player (translated where shown)

# (key, row label) in screen order; the look rows index game.art.characters.AVATAR_OPTIONS
ROWS = (
    ("body", N_("Body")),
    ("skin", N_("Skin tone")),
    ("hair_style", N_("Hair")),
    ("hair_colour", N_("Hair colour")),
    ("top_colour", N_("Top")),
    ("bottom_colour", N_("Trousers")),
    ("address", N_("Guide calls me")),
)
HAIR_NAMES = {"short": N_("Short"), "long": N_("Long"), "curly": N_("Curly"), "bun": N_("Bun"),
              "buzz": N_("Buzz cut"), "ponytail": N_("Ponytail"), "headscarf": N_("Headscarf")}
COLOUR_NAMES = {
    "black": N_("Black"), "dark_brown": N_("Dark brown"), "brown": N_("Brown"), "auburn": N_("Auburn"),
    "ginger": N_("Ginger"), "blonde": N_("Blonde"), "grey": N_("Grey"), "blue": N_("Blue"), "pink": N_("Pink"),
    "red": N_("Red"), "orange": N_("Orange"), "yellow": N_("Yellow"), "green": N_("Green"),
    "forest": N_("Forest green"), "teal": N_("Teal"), "navy": N_("Navy"), "denim": N_("Denim"),
    "purple": N_("Purple"), "cream": N_("Cream"), "charcoal": N_("Charcoal"),
}
ADDRESS_TEXT = {"nickname": N_("Call me by my nickname"), "friend": N_("Just say \u2018friend\u2019")}
ADDRESS_SHORT = {"nickname": N_("My nickname"), "friend": N_("Just say \u2018friend\u2019")}   # big text
WALK_ORDER = ("down", "right", "up", "left")   # the big preview turns round slowly

PREVIEW = pygame.Rect(50, 132, 520, 540)
OPTIONS = pygame.Rect(600, 132, 630, 540)
ROW_H = 58
ROW_TOP = OPTIONS.y + 20
VALUE_X = 262           # where a row's value starts, from the panel's left edge (after label and arrow)


# ---------------------------------------------------------------------- address and {name}
def address_for(profile) -> str:
    """What the guide calls the player: their nickname (the default) or "friend"."""
    if profile is None:
        return _(FRIEND_WORD)
    avatar = profile.data.get("avatar") or {}
    nick = profile.nickname.strip() if isinstance(profile.nickname, str) else ""
    if avatar.get("address") == FRIEND or not nick:
        return _(FRIEND_WORD)
    return nick


def fill_name(text: str, profile) -> str:
    """Dialogue text with ``{name}`` replaced by how the player asked to be called."""
    return text.replace("{name}", address_for(profile)) if "{name}" in text else text


def has_avatar(profile) -> bool:
    return profile is not None and bool(profile.data.get("avatar"))


# ---------------------------------------------------------------------- the screen
class AvatarScene(Scene):
    name = "avatar"

    def __init__(self, app, done: Callable[[], None] | None = None, first_time: bool = False) -> None:
        super().__init__(app)
        self.done = done
        self.first_time = first_time
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), seed=5)
        saved = (self.ctx.profile.data.get("avatar") if self.ctx.profile else None) or {}
        look = ch.avatar_look(saved)
        self.choice: dict[str, int] = {k: opts.index(look[k]) for k, opts in ch.AVATAR_OPTIONS.items()}
        self.choice["address"] = ADDRESSES.index(saved.get("address")) if saved.get("address") in ADDRESSES else 0
        self.focus = 0                      # 0..6 the option rows, 7 "Surprise me", 8 "That's me!"
        self.t = 0.0
        self.rng = random.Random()
        self.finished = False
        self._text: dict[tuple, pygame.Surface] = {}
        self.scroll = 0                     # big text: the first option row shown (the rows scroll)
        self.compact = False
        self._rebuild()

    # ------------------------------------------------------------------ state
    def options(self, key: str) -> list[str]:
        return list(ADDRESSES) if key == "address" else ch.AVATAR_OPTIONS[key]

    def value(self, key: str) -> str:
        return self.options(key)[self.choice[key]]

    def look(self) -> dict[str, str]:
        return {k: self.value(k) for k in ch.AVATAR_OPTIONS}

    def change(self, key: str, step: int) -> None:
        n = len(self.options(key))
        self.choice[key] = (self.choice[key] + step) % n
        self.app.audio.play("move")
        self._rebuild()

    def randomise(self) -> None:
        before = self.look()
        while self.look() == before:
            for k, opts in ch.AVATAR_OPTIONS.items():
                self.choice[k] = self.rng.randrange(len(opts))
        self.app.audio.play("confirm")
        self._rebuild()

    def _rebuild(self) -> None:
        sheet = ch.avatar_sheet(self.look())
        w, h = sheet.get_size()
        self.big = pygame.transform.scale(sheet, (w * 4, h * 4))
        self.small = pygame.transform.scale(sheet, (w * 2, h * 2))

    # ------------------------------------------------------------------ lifecycle
    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        super().resume()
        self._show_row_focus()

    def build(self) -> None:
        """The widgets, laid out from the current font (again after a text-size or colour change:
        ``Scene.relayout``). At 100 % text the classic two panels; bigger text gets a narrower
        preview (with the two buttons), and the option rows (and the guide's greeting under them)
        scroll to follow the focus when they don't all fit."""
        self.clear_ui()
        self._text.clear()
        ui = self.ui
        self.compact = ui.text_scale > 1.0
        title = _("Make your character") if self.first_time else _("Change your look")
        sub = _("This is you in Glimmer. You can change it any time from your journey.")
        body_b = ui.font("body", bold=True)
        self.arrow_h = max(48, ui.line_h("button", True) + 6)
        self.row_h = max(ROW_H, self.arrow_h + 10, body_b.get_linesize() + 10)
        if not self.compact:
            self.track(ui.label(title, pygame.Rect(160, 18, SCREEN_W - 320, max(62, ui.label_h("title", True))),
                                object_id="#title_label"))
            self.track(ui.label(sub, pygame.Rect(60, 80, SCREEN_W - 120, max(44, ui.label_h("small"))),
                                object_id="#muted_label"))
            self.preview, self.panel = PREVIEW.copy(), OPTIONS.copy()
            self.label_x = OPTIONS.x + 30
            self.label_w = VALUE_X - 98
            self.prev_x = OPTIONS.x + VALUE_X - 56
            self.value_x = OPTIONS.x + VALUE_X
            self.next_x = OPTIONS.right - 70
            by = OPTIONS.bottom - 100
            self.random_rect = pygame.Rect(OPTIONS.x + 20, by, 270, 56)
            self.done_rect = pygame.Rect(OPTIONS.right - 290, by, 270, 56)
            self.hint_lines = [_("Up and down: pick a row  \u00b7  Left and right: change it  \u00b7  Enter: next")]
            self.view = pygame.Rect(OPTIONS.x, ROW_TOP, OPTIONS.w, len(ROWS) * ROW_H)
            self.greet_h = 0
            self.fig_k = 4
        else:
            self._compact_layout(title, sub)
        self.scroll = min(self.scroll, self._max_scroll())
        for i, (key, label) in enumerate(ROWS):
            y = self.row_y(i)
            if y is None:
                continue
            ay = y + (self.row_h - self.arrow_h) // 2
            self.add_button(f"prev:{key}", "\u2039", pygame.Rect(self.prev_x, ay, 50, self.arrow_h), focusable=False,
                            tooltip=tr("Previous {option}", option=_(label).lower()))
            self.add_button(f"next:{key}", "\u203a", pygame.Rect(self.next_x, ay, 50, self.arrow_h), focusable=False,
                            tooltip=tr("Next {option}", option=_(label).lower()))
        # focusable=False: this screen moves its own focus over rows and these two buttons
        self.add_button("random", _("Surprise me"), self.random_rect, focusable=False,
                        tooltip=_("A random look (you can still change it)"))
        self.add_button("done", _("That's me!"), self.done_rect, focusable=False,
                        tooltip=_("Keep this look"))
        self._show_row_focus()

    def _compact_layout(self, title: str, sub: str) -> None:
        from game.ui.manager import help_rect

        ui = self.ui
        body_b, small = ui.font("body", bold=True), ui.font("small")
        self.track(ui.label(title, pygame.Rect(160, 12, SCREEN_W - 320, ui.label_h("title", True)),
                            object_id="#title_label"))
        box, h = ui.wrapped(sub, 60, 12 + ui.label_h("title", True), SCREEN_W - 120, style="muted", center=True,
                            avoid=help_rect(self.app))
        self.track(box)
        top = box.rect.bottom + 10
        bh = ui.button_h(56)
        pw = max(300, ui.button_w(_("Surprise me")) + 40, ui.button_w(_("That's me!")) + 40)
        self.preview = pygame.Rect(30, top, pw, SCREEN_H - 16 - top)
        self.panel = pygame.Rect(self.preview.right + 20, top, SCREEN_W - 30 - self.preview.right - 20, self.preview.h)
        p, o = self.preview, self.panel
        self.done_rect = pygame.Rect(p.x + 20, p.bottom - 16 - bh, p.w - 40, bh)
        self.random_rect = pygame.Rect(p.x + 20, self.done_rect.y - 12 - bh, p.w - 40, bh)
        room = self.random_rect.y - 16 - (p.y + 14)
        self.fig_k = next((k for k in (4, 3, 2) if 48 * k + 12 + 48 <= room), 2)
        self.minis = 48 * self.fig_k + 12 + 48 <= room
        labels = [_(label) for _k, label in ROWS] + [_("Scarf colour")]
        self.label_w = max(body_b.size(t)[0] for t in labels)
        self.label_x = o.x + 24
        self.prev_x = self.label_x + self.label_w + 12
        self.value_x = self.prev_x + 58
        self.next_x = o.right - 14 - 50
        hint = _("Up and down: pick a row  \u00b7  Left and right: change it  \u00b7  Enter: next")
        self.hint_lines = draw.wrap(small, hint, o.w - 28)
        hint_top = o.bottom - 12 - len(self.hint_lines) * small.get_linesize()
        self.view = pygame.Rect(o.x, o.y + 12, o.w, hint_top - 8 - (o.y + 12))
        # the guide's greeting goes under the rows (it shows how the last row sounds)
        self.greet_rect = pygame.Rect(o.x + 14, 0, o.w - 28, 0)
        font = ui.font("body")
        lines = len(draw.wrap(font, self._greeting(), self.greet_rect.w - 136))
        self.greet_h = max(150, self._greet_top() + lines * int(font.get_linesize() * 1.35) + 12)

    def _greet_top(self) -> int:
        """Where the greeting's words start in its box (under Glim's name)."""
        return max(48, 16 + self.ui.line_h("small", True) + 2)

    # -- the rows (and, big text, the greeting) in a list that scrolls to follow the focus
    def _heights(self) -> list[int]:
        return [self.row_h] * len(ROWS) + ([self.greet_h + 10] if self.greet_h else [])

    def _max_scroll(self) -> int:
        hs = self._heights()
        for first in range(len(hs)):
            if sum(hs[first:]) <= self.view.h:
                return first
        return len(hs) - 1

    def _shown(self) -> range:
        hs, used, last = self._heights(), 0, self.scroll
        for i in range(self.scroll, len(hs)):
            if used + hs[i] > self.view.h:
                break
            used += hs[i]
            last = i + 1
        return range(self.scroll, max(last, self.scroll + 1))

    def row_y(self, i: int) -> int | None:
        """Top of item ``i`` (a row, or the greeting after them) on screen; None when scrolled away."""
        if i not in self._shown():
            return None
        return self.view.y + (0 if self.compact else 0) + sum(self._heights()[self.scroll:i])

    def _follow_focus(self) -> None:
        """Scroll so the focused row is in view (the last row with the greeting under it, if they fit)."""
        if self._max_scroll() == 0:
            return
        if self.focus >= len(ROWS):          # on the buttons: down to the end, the greeting in view
            if self.scroll != self._max_scroll():
                self.scroll = self._max_scroll()
                self.build()
            return
        last = len(self._heights()) - 1
        fits = [s for s in range(self._max_scroll() + 1) if self.focus in self._shown_from(s)]
        if not fits:
            return
        if self.focus == len(ROWS) - 1 and any(last in self._shown_from(s) for s in fits):
            scroll = min(s for s in fits if last in self._shown_from(s))
        elif self.scroll in fits:
            scroll = self.scroll
        else:
            scroll = min(fits, key=lambda s: abs(s - self.scroll))
        if scroll != self.scroll:
            self.scroll = scroll
            self.build()

    def _shown_from(self, scroll: int) -> range:
        saved, self.scroll = self.scroll, scroll
        try:
            return self._shown()
        finally:
            self.scroll = saved

    def _scroll_marks(self) -> tuple[pygame.Rect | None, pygame.Rect | None]:
        """Little arrows above and below the rows when some are scrolled away (they can be clicked)."""
        if self._max_scroll() == 0:
            return None, None
        up = pygame.Rect(self.panel.centerx - 20, self.view.y - 12, 40, 12) if self.scroll > 0 else None
        shown = self._shown()
        down = pygame.Rect(self.panel.centerx - 20, self.view.bottom - 2, 40, 12) \
            if shown.stop < len(self._heights()) else None
        return up, down

    def _show_row_focus(self) -> None:
        for i, bid in ((7, "random"), (8, "done")):
            btn = self.buttons.get(bid)
            if btn is None:
                continue
            if self.focus == i:
                btn.select()
            elif btn.is_selected:
                btn.unselect()

    def set_row(self, index: int) -> None:
        index = max(0, min(8, index))
        if index != self.focus:
            self.focus = index
            self.app.audio.play("move")
            self._show_row_focus()
            self._follow_focus()

    # ------------------------------------------------------------------ input
    def handle(self, action: Action) -> bool:
        if self.finished:
            return True
        k = action.kind
        if k is A.PRESS:
            bid = action.value or ""
            if bid.startswith(("prev:", "next:")):
                key = bid.split(":", 1)[1]
                self.focus = [r for r, _ in ROWS].index(key)
                self._show_row_focus()
                self.change(key, -1 if bid.startswith("prev:") else 1)
                self._follow_focus()
            elif bid == "random":
                self.randomise()
            elif bid == "done":
                self.finish(save=True)
            return True
        if k is A.UP:
            self.set_row(6 if self.focus >= 7 else self.focus - 1)
        elif k is A.DOWN:
            self.set_row(8 if self.focus >= 6 else self.focus + 1)   # below the last row: "That's me!"
        elif k in (A.LEFT, A.RIGHT):
            step = -1 if k is A.LEFT else 1
            if self.focus < len(ROWS):
                self.change(ROWS[self.focus][0], step)
            else:
                self.set_row(7 if k is A.LEFT else 8)
        elif k is A.CONFIRM:
            if self.focus < len(ROWS):
                self.set_row(self.focus + 1 if self.focus < 6 else 8)
            elif self.focus == 7:
                self.randomise()
            else:
                self.finish(save=True)
        elif k is A.CANCEL:
            # the first time there is always a look to keep; later, Esc leaves it unchanged
            self.finish(save=self.first_time)
        elif k is A.POINTER_DOWN:
            pos = pointer_pos(action)
            if pos is not None:
                up, down = self._scroll_marks()
                if up is not None and up.inflate(60, 24).collidepoint(pos):
                    self.scroll -= 1
                    self.build()
                    return True
                if down is not None and down.inflate(60, 24).collidepoint(pos):
                    self.scroll += 1
                    self.build()
                    return True
                for i, (key, _) in enumerate(ROWS):
                    r = self._value_rect(i)
                    if r is not None and r.collidepoint(pos):
                        self.focus = i
                        self._show_row_focus()
                        self.change(key, 1)
                        self._follow_focus()
                        break
        return True   # modal

    def finish(self, save: bool) -> None:
        self.finished = True
        if save:
            profile = self.ctx.profile
            if profile is not None:
                profile.data["avatar"] = dict(self.look(), address=self.value("address"))
            self.ctx.bus.publish("avatar_chosen", body=self.choice["body"], skin=self.choice["skin"],
                                 hair_style=self.choice["hair_style"], hair_colour=self.choice["hair_colour"],
                                 top_colour=self.choice["top_colour"], bottom_colour=self.choice["bottom_colour"],
                                 address=self.value("address"), first_time=self.first_time)
            self.ctx.checkpoint()
            self.app.audio.play("confirm")
        else:
            self.app.audio.play("back")
        self.app.stack.pop()
        if self.done:
            self.done()

    def autoplay_actions(self) -> list[Action]:
        """A scripted player that is not testing the avatar keeps the look it is given."""
        return [Action(A.PRESS, "done")]

    # ------------------------------------------------------------------ frame
    def update(self, dt: float) -> None:
        self.t += dt
        self.backdrop.update(dt)

    def _value_rect(self, i: int) -> pygame.Rect | None:
        y = self.row_y(i)
        if y is None:
            return None
        return pygame.Rect(self.value_x, y + 4, self.next_x - 6 - self.value_x, self.row_h - 10)

    def _label(self, text: str, size: str = "body", bold: bool = False, colour: str = COLOURS["text"],
               width: int = 10_000) -> pygame.Surface:
        """Rendered text, cached; a smaller size when it would not fit ``width`` (large text settings)."""
        key = (text, size, bold, colour, width)
        surf = self._text.get(key)
        if surf is None:
            if len(self._text) > 200:
                self._text.clear()
            surf = self.ui.font(size, bold=bold).render(text, True, draw.hex_rgb(colour))
            if surf.get_width() > width:
                surf = pygame.transform.smoothscale(surf, (width, max(1, surf.get_height() * width // surf.get_width())))
            self._text[key] = surf
        return surf

    def value_text(self, key: str) -> str:
        v = self.value(key)
        if key == "body":
            return tr("Body {number}", number=self.choice["body"] + 1)
        if key == "skin":
            return tr("Tone {number} of {total}", number=self.choice["skin"] + 1, total=len(ch.AVATAR_OPTIONS["skin"]))
        if key == "hair_style":
            return _(HAIR_NAMES[v]) if v in HAIR_NAMES else v.replace("_", " ").capitalize()
        if key == "address":
            text = _(ADDRESS_TEXT[v])
            if self.compact and self.ui.text_w(text) > self.next_x - 6 - self.value_x - 8:
                text = _(ADDRESS_SHORT[v])
            return text
        return _(COLOUR_NAMES[v]) if v in COLOUR_NAMES else v.replace("_", " ").capitalize()

    def swatch(self, key: str) -> tuple[int, int, int] | None:
        v = self.value(key)
        if key == "skin":
            return PALETTE[ch.SKIN_TONES[v][0]]
        if key == "hair_colour":
            return PALETTE[ch.HAIR_COLOURS[v][1]]
        if key in ("top_colour", "bottom_colour"):
            return PALETTE[RAMPS[ch.CLOTHING_COLOURS[v]][1]]
        return None

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        p, o = self.preview, self.panel
        draw.panel(surface, p)
        draw.panel(surface, o)
        col = int(self.t * 8) % 4          # the world's walk cycle speed
        # big figure, turning round every two seconds
        direction = WALK_ORDER[int(self.t / 2.0) % 4]
        row = ch.DIRECTIONS.index(direction)
        fw = self.big.get_width() // 4
        big = self.big.subsurface((col * fw, row * fw, fw, fw))
        if self.fig_k != 4:
            big = pygame.transform.scale(big, (48 * self.fig_k, 48 * self.fig_k))
        top = p.y + (18 if not self.compact else 14)
        surface.blit(big, big.get_rect(midtop=(p.centerx, top)))
        # all four directions at once
        sw = self.small.get_width() // 4
        if not self.compact:
            for i, d in enumerate(("down", "left", "right", "up")):
                r = ch.DIRECTIONS.index(d)
                frame = self.small.subsurface((col * sw, r * sw, sw, sw))
                surface.blit(frame, (p.centerx - 2 * sw - 42 + i * (sw + 28), p.y + 218))
        elif self.minis:
            y = top + 48 * self.fig_k + 12
            for i, d in enumerate(("down", "left", "right", "up")):
                r = ch.DIRECTIONS.index(d)
                frame = pygame.transform.scale(self.small.subsurface((col * sw, r * sw, sw, sw)), (48, 48))
                surface.blit(frame, (p.centerx - 2 * 48 - 12 + i * 56, y))
        # how the guide will greet the player
        if not self.compact:
            self._draw_greeting(surface, pygame.Rect(p.x + 20, p.bottom - 190, p.w - 40, 170))
        else:
            y = self.row_y(len(ROWS))
            if y is not None:
                self._draw_greeting(surface, pygame.Rect(self.greet_rect.x, y + 10, self.greet_rect.w, self.greet_h))
        # option rows
        for i, (key, label) in enumerate(ROWS):
            y = self.row_y(i)
            if y is None:
                continue
            mid = y + self.row_h // 2 - 1
            row_rect = pygame.Rect(o.x + 14, y, o.w - 28, self.row_h - 2)
            if self.focus == i:
                pygame.draw.rect(surface, draw.hex_rgb(COLOURS["button"]), row_rect, border_radius=12)
                pygame.draw.rect(surface, draw.hex_rgb(COLOURS["focus"]), row_rect, width=3, border_radius=12)
            if key == "hair_colour" and self.value("hair_style") == "headscarf":
                label = N_("Scarf colour")
            lab = self._label(_(label), "body", bold=True, colour=COLOURS["focus"] if self.focus == i else COLOURS["text"],
                              width=self.prev_x - 10 - self.label_x)
            surface.blit(lab, lab.get_rect(midleft=(self.label_x, mid)))
            vr = self._value_rect(i)
            sw_col = self.swatch(key)
            text = self._label(self.value_text(key), "body", width=vr.w - (34 if sw_col else 0) - 8)
            tw = text.get_width() + (34 if sw_col else 0)
            x = vr.centerx - tw // 2
            if sw_col:
                box = pygame.Rect(x, mid - 12, 24, 24)
                pygame.draw.rect(surface, sw_col, box, border_radius=6)
                pygame.draw.rect(surface, draw.hex_rgb(COLOURS["text"]), box, width=2, border_radius=6)
                x += 34
            surface.blit(text, text.get_rect(midleft=(x, mid)))
        for mark, pointing in zip(self._scroll_marks(), (-1, 1)):
            if mark is not None:
                c = mark.center
                pts = [(c[0] - 14, c[1] - 6 * pointing), (c[0] + 14, c[1] - 6 * pointing), (c[0], c[1] + 6 * pointing)]
                pygame.draw.polygon(surface, draw.hex_rgb(COLOURS["focus"]), pts)
        small = self.ui.font("small")
        y = o.bottom - 12 - len(self.hint_lines) * small.get_linesize()
        for line in self.hint_lines:
            hint = self._label(line, "small", colour=COLOURS["muted"], width=o.w - 28)
            surface.blit(hint, hint.get_rect(midtop=(o.centerx, y)))
            y += small.get_linesize()

    def _greeting(self) -> str:
        name = self.ctx.profile.nickname if self.ctx.profile and self.value("address") == "nickname" else None
        return tr("Hi, {name}! Nice to meet you. Ready when you are.", name=name or _(FRIEND_WORD))

    def _draw_greeting(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        from game.world.render import load_sheet

        guide = load_sheet("guide")
        gw = guide.get_width() // 4
        glim = pygame.transform.scale(guide.subsurface(((int(self.t * 4) % 4) * gw, 0, gw, gw)), (gw * 2, gw * 2))
        pygame.draw.rect(surface, draw.hex_rgb("#1E1730"), box, border_radius=14)
        surface.blit(glim, (box.x + 8, box.y + 30))
        tag = self._label(_("Glim, your guide"), "small", bold=True, colour=COLOURS["focus"], width=box.w - 136)
        surface.blit(tag, (box.x + 120, box.y + 16))
        text = self._greeting()
        area = pygame.Rect(box.x + 120, box.y + self._greet_top(), box.w - 136, box.h - self._greet_top() - 8)
        sizes = ("body", "small") if not self.compact else ("body",)
        for size in sizes:      # 100 %: step down rather than spill out of the fixed box
            font = self.ui.font(size)
            if len(draw.wrap(font, text, area.w)) * int(font.get_linesize() * 1.35) <= area.h:
                break
        clip = surface.get_clip()
        surface.set_clip(area)
        draw.text_block(surface, font, text, area)
        surface.set_clip(clip)

    def help_screen_name(self) -> str:
        return "avatar"


# ---------------------------------------------------------------------- flow
def avatar_step(app, done, **info):
    """Session start: a profile without an avatar makes one first."""
    if app.ctx.profile is None or has_avatar(app.ctx.profile):
        return None
    return AvatarScene(app, done, first_time=True)


def register() -> None:
    """After the research question (when it is asked), before the mood check-in."""
    if avatar_step in flow.SESSION_START:
        return
    names = [getattr(s, "__name__", "") for s in flow.SESSION_START]
    at = names.index("consent_step") + 1 if "consent_step" in names else 0
    flow.SESSION_START.insert(at, avatar_step)


register()
