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
        """The widgets (again after a text-size or colour change: ``Scene.relayout``)."""
        self._text.clear()
        title = _("Make your character") if self.first_time else _("Change your look")
        self.track(self.ui.label(title, pygame.Rect(160, 18, SCREEN_W - 320, 62), object_id="#title_label"))
        self.track(self.ui.label(_("This is you in Glimmer. You can change it any time from your journey."),
                                 pygame.Rect(60, 80, SCREEN_W - 120, 44), object_id="#muted_label"))
        for i, (key, label) in enumerate(ROWS):
            y = ROW_TOP + i * ROW_H
            self.add_button(f"prev:{key}", "\u2039", pygame.Rect(OPTIONS.x + VALUE_X - 56, y + 4, 50, 48), focusable=False,
                            tooltip=tr("Previous {option}", option=_(label).lower()))
            self.add_button(f"next:{key}", "\u203a", pygame.Rect(OPTIONS.right - 70, y + 4, 50, 48), focusable=False,
                            tooltip=tr("Next {option}", option=_(label).lower()))
        by = OPTIONS.bottom - 100
        # focusable=False: this screen moves its own focus over rows and these two buttons
        self.add_button("random", _("Surprise me"), pygame.Rect(OPTIONS.x + 20, by, 270, 56), focusable=False,
                        tooltip=_("A random look (you can still change it)"))
        self.add_button("done", _("That's me!"), pygame.Rect(OPTIONS.right - 290, by, 270, 56), focusable=False,
                        tooltip=_("Keep this look"))
        self._show_row_focus()

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
                for i, (key, _) in enumerate(ROWS):
                    if self._value_rect(i).collidepoint(pos):
                        self.focus = i
                        self._show_row_focus()
                        self.change(key, 1)
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

    def _value_rect(self, i: int) -> pygame.Rect:
        y = ROW_TOP + i * ROW_H
        return pygame.Rect(OPTIONS.x + VALUE_X, y + 4, OPTIONS.right - 76 - (OPTIONS.x + VALUE_X), 48)

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
            return _(ADDRESS_TEXT[v])
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
        draw.panel(surface, PREVIEW)
        draw.panel(surface, OPTIONS)
        col = int(self.t * 8) % 4          # the world's walk cycle speed
        # big figure, turning round every two seconds
        direction = WALK_ORDER[int(self.t / 2.0) % 4]
        row = ch.DIRECTIONS.index(direction)
        fw = self.big.get_width() // 4
        big = self.big.subsurface((col * fw, row * fw, fw, fw))
        surface.blit(big, big.get_rect(midtop=(PREVIEW.centerx, PREVIEW.y + 18)))
        # all four directions at once
        sw = self.small.get_width() // 4
        for i, d in enumerate(("down", "left", "right", "up")):
            r = ch.DIRECTIONS.index(d)
            frame = self.small.subsurface((col * sw, r * sw, sw, sw))
            surface.blit(frame, (PREVIEW.centerx - 2 * sw - 42 + i * (sw + 28), PREVIEW.y + 218))
        # how the guide will greet the player
        self._draw_greeting(surface)
        # option rows
        for i, (key, label) in enumerate(ROWS):
            y = ROW_TOP + i * ROW_H
            row_rect = pygame.Rect(OPTIONS.x + 14, y, OPTIONS.w - 28, 56)
            if self.focus == i:
                pygame.draw.rect(surface, draw.hex_rgb(COLOURS["button"]), row_rect, border_radius=12)
                pygame.draw.rect(surface, draw.hex_rgb(COLOURS["focus"]), row_rect, width=3, border_radius=12)
            if key == "hair_colour" and self.value("hair_style") == "headscarf":
                label = N_("Scarf colour")
            lab = self._label(_(label), "body", bold=True, colour=COLOURS["focus"] if self.focus == i else COLOURS["text"],
                              width=VALUE_X - 98)
            surface.blit(lab, lab.get_rect(midleft=(OPTIONS.x + 30, y + 28)))
            vr = self._value_rect(i)
            sw_col = self.swatch(key)
            text = self._label(self.value_text(key), "body", width=vr.w - (34 if sw_col else 0) - 8)
            tw = text.get_width() + (34 if sw_col else 0)
            x = vr.centerx - tw // 2
            if sw_col:
                box = pygame.Rect(x, y + 16, 24, 24)
                pygame.draw.rect(surface, sw_col, box, border_radius=6)
                pygame.draw.rect(surface, draw.hex_rgb(COLOURS["text"]), box, width=2, border_radius=6)
                x += 34
            surface.blit(text, text.get_rect(midleft=(x, y + 28)))
        hint = self._label(_("Up and down: pick a row  \u00b7  Left and right: change it  \u00b7  Enter: next"),
                           "small", colour=COLOURS["muted"], width=OPTIONS.w - 28)
        surface.blit(hint, hint.get_rect(midbottom=(OPTIONS.centerx, OPTIONS.bottom - 12)))

    def _draw_greeting(self, surface: pygame.Surface) -> None:
        from game.world.render import load_sheet

        name = self.ctx.profile.nickname if self.ctx.profile and self.value("address") == "nickname" else None
        name = name or _(FRIEND_WORD)
        guide = load_sheet("guide")
        gw = guide.get_width() // 4
        glim = pygame.transform.scale(guide.subsurface(((int(self.t * 4) % 4) * gw, 0, gw, gw)), (gw * 2, gw * 2))
        box = pygame.Rect(PREVIEW.x + 20, PREVIEW.bottom - 190, PREVIEW.w - 40, 170)
        pygame.draw.rect(surface, draw.hex_rgb("#1E1730"), box, border_radius=14)
        surface.blit(glim, (box.x + 8, box.y + 30))
        tag = self._label(_("Glim, your guide"), "small", bold=True, colour=COLOURS["focus"], width=box.w - 136)
        surface.blit(tag, (box.x + 120, box.y + 16))
        text = tr("Hi, {name}! Nice to meet you. Ready when you are.", name=name)
        area = pygame.Rect(box.x + 120, box.y + 48, box.w - 136, box.h - 56)
        for size in ("body", "small"):      # large text settings: step down rather than spill out
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
