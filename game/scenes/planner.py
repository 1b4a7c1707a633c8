"""The week planner (a board in the world), the follow-up of planned activities, and the wiring of
issue 5's screens into the game (flow steps, the pause menu, the planner board interaction).

The rules live in ``game.mechanics.activities`` (WeekPlan, PlanBook, follow-up feedback); plans are
saved in the profile (``plans``: a list of WeekPlan dicts, oldest first).

Planner controls, whatever the device:

* mouse: drag a card onto a day (or click a card, then click a day); drag a placed card to another
  day, or back onto the cards to take it off; click a placed card to change your guess;
* keyboard / gamepad: arrows move around the cards and the days, Enter picks a card up, Up/Down
  choose the day, Enter puts it down (Left while holding a placed card: take it off), Esc cancels.

After a card is put down the player guesses how much they will enjoy it (0-10).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

import pygame

from game.content.errors import ContentError
from game.i18n import N_, _, tr
from game.input.actions import A, Action, pointer_pos
from game.mechanics.activities import (
    DAYS, MAX_PER_DAY, Activity, Catalogue, PlanBook, PlanError, PlannedItem, WeekPlan,
    activity_followed_up_payload, activity_planned_payload,
)
from game.mechanics.mood import local_date
from game.scenes import flow
from game.scenes.base import Scene
from game.ui import draw
from game.ui.draw import fit_lines, hex_rgb, rendered
from game.ui.manager import SCREEN_H, SCREEN_W
from game.ui.scale import CHOSEN, ScalePicker, icon
from game.ui.theme import COLOURS

CATEGORY_COLOURS = {"pleasure": "#FF8A5B", "mastery": "#FFC94A", "social": "#7FB8FF",
                    "physical": "#7BD389", "values": "#D08CFF"}
DAY_NAMES = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
             N_("Sunday"))
DAY_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
ENJOY_WORDS = (N_("not at all"), N_("hardly"), N_("a little"), N_("a little"), N_("a bit"), N_("some"),
               N_("quite a bit"), N_("quite a lot"), N_("a lot"), N_("loads"), N_("loads and loads"))
ENJOY_ENDS = (N_("not at all"), N_("loads"))


def enjoy_word(v: int) -> str:
    """The enjoyment word for ``v`` in the current language."""
    return _(ENJOY_WORDS[v])


def weekday_name(plan: WeekPlan, day: int) -> str:
    """The weekday of ``day`` in the current language, capitalised (it starts a label)."""
    name = _(DAY_NAMES[plan.weekday(day)])
    return name[:1].upper() + name[1:]


# ---------------------------------------------------------------------- data in the profile
@lru_cache(maxsize=1)
def _catalogue() -> Catalogue | None:
    from game.content.activities import load_activities

    try:
        return load_activities()
    except (ContentError, OSError):
        return None


def catalogue() -> Catalogue | None:
    """The activity cards (levels/shared/activities.yaml), loaded once; None if the file is broken."""
    return _catalogue()


def plan_book(profile) -> PlanBook:
    plans = []
    for raw in profile.data.get("plans", []) if profile is not None else []:
        try:
            plans.append(WeekPlan.from_dict(raw))
        except ValueError:
            continue   # a damaged plan never stops play
    return PlanBook(plans)


def save_book(profile, book: PlanBook) -> None:
    profile.data["plans"] = [p.to_dict() for p in book.plans]


def session_number(ctx) -> int | None:
    return int(ctx.profile.data.get("sessions", 0)) if ctx.profile is not None else None


def day_name(plan: WeekPlan, day: int) -> str:
    if day == 0:
        return _("Today")
    if day == 1:
        return _("Tomorrow")
    return weekday_name(plan, day)


# ---------------------------------------------------------------------- small drawing helpers


def card_surface(ui, act: Activity, size: tuple[int, int], predicted: int | None = None,
                 show_guess: bool = False, lit: bool = False) -> pygame.Surface:
    """An activity card: category stripe, picture, text (and the guess badge on placed cards)."""
    w, h = size
    surf = pygame.Surface(size, pygame.SRCALPHA)
    cat = hex_rgb(CATEGORY_COLOURS[act.category])
    pygame.draw.rect(surf, hex_rgb("#3F3160" if not lit else "#5A4888"), surf.get_rect(), border_radius=10)
    pygame.draw.rect(surf, cat, pygame.Rect(0, 0, 8, h), border_top_left_radius=10, border_bottom_left_radius=10)
    pygame.draw.rect(surf, hex_rgb(COLOURS["focus"]) if lit else (*cat, 150), surf.get_rect(),
                     width=3 if lit else 1, border_radius=10)
    pic = icon(act.picture, 48)
    if pic is not None:
        surf.blit(pic, pic.get_rect(midleft=(12, h // 2)))
    font = ui.font(17)
    lines = fit_lines(font, act.text, w - 76 - (8 if show_guess else 0), 2)
    lh = font.get_linesize()
    y = (h - lh * len(lines)) // 2
    for line in lines:
        surf.blit(rendered(font, line, COLOURS["text"]), (66, y))
        y += lh
    if show_guess:
        badge = pygame.Rect(0, 0, 28, 22)
        badge.bottomleft = (34, h - 2)
        pygame.draw.rect(surf, hex_rgb("#1C1630"), badge, border_radius=8)
        pygame.draw.rect(surf, hex_rgb(COLOURS["focus"] if predicted is not None else COLOURS["warn"]), badge,
                         width=2, border_radius=8)
        f = ui.font(15, bold=True)
        s = str(predicted) if predicted is not None else "?"
        img = rendered(f, s, COLOURS["text"])
        surf.blit(img, img.get_rect(center=badge.center))
    return surf


# ---------------------------------------------------------------------- the planner
PALETTE = pygame.Rect(20, 104, 430, 520)
BOARD = pygame.Rect(466, 104, 794, 504)
ROW_H, ROW_GAP = 68, 4
DAY_W = 124
SLOT_W = (BOARD.w - DAY_W - 16) // MAX_PER_DAY
CARD_H, CARD_GAP = 54, 6
PAGE = 6


class PlannerScene(Scene):
    name = "planner"

    def __init__(self, app, play=None, board=None, board_key: str | None = None) -> None:
        super().__init__(app)
        self.play = play
        self.board = board
        self.board_key = board_key  # the map's g_board: saving marks it done for the exit
        self.cat = catalogue()
        draft = getattr(play, "planner_draft", None) if play is not None else None
        self.plan: WeekPlan = draft if draft is not None else WeekPlan(
            local_date(self.ctx.clock), level_id=getattr(getattr(play, "level", None), "id", None))
        self.categories = list(self.cat.categories) if self.cat else []
        self.cat_index = 0
        self.zone = "palette"          # palette | board | buttons
        self.pal_index = 0             # -1: the category row
        self.page = 0
        self.cursor = (0, 0)           # (day, slot) on the board
        self.holding: dict[str, Any] | None = None
        self.prompt: dict[str, Any] | None = None
        self.message = ""
        self.message_colour = COLOURS["muted"]
        self.saved = False
        self._cards: dict[tuple, pygame.Surface] = {}

    # ---------------------------------------------------------------- lifecycle
    def enter(self) -> None:
        self.intro = (self.board.intro if self.board is not None and self.board.intro else
                      _("Put activities on the next 7 days: at least one Fun and one Achievement card."))
        self.add_button("save", _("Save my week"), pygame.Rect(BOARD.right - 470, SCREEN_H - 68, 250, 54), focusable=False)
        self.add_button("leave", _("Leave for now"), pygame.Rect(BOARD.right - 206, SCREEN_H - 68, 206, 54), focusable=False)
        if self.cat is None:
            self.say(_("The activity cards could not be loaded. Please tell your teacher."), COLOURS["warn"])
        else:
            self.say(_("Pick a card: drag it onto a day, or press Enter and choose a day."))

    def exit(self) -> None:
        if self.play is not None:
            self.play.planner_draft = None if self.saved else self.plan
        super().exit()

    def say(self, text: str, colour: str | None = None) -> None:
        self.message, self.message_colour = text, colour or COLOURS["muted"]

    # ---------------------------------------------------------------- the cards on the left
    @property
    def category(self) -> str:
        return self.categories[self.cat_index] if self.categories else "pleasure"

    def cards(self) -> list[Activity]:
        return self.cat.by_category(self.category) if self.cat else []

    def pages(self) -> int:
        return max(1, (len(self.cards()) + PAGE - 1) // PAGE)

    def card_rect(self, index: int) -> pygame.Rect:
        i = index - self.page * PAGE
        return pygame.Rect(PALETTE.x + 14, PALETTE.y + 112 + i * (CARD_H + CARD_GAP), PALETTE.w - 28, CARD_H)

    def visible_cards(self) -> list[tuple[int, Activity]]:
        cards = self.cards()
        return [(i, cards[i]) for i in range(self.page * PAGE, min(len(cards), (self.page + 1) * PAGE))]

    def arrow_rects(self) -> tuple[pygame.Rect, pygame.Rect]:
        y = PALETTE.y + 12
        return pygame.Rect(PALETTE.x + 12, y, 44, 40), pygame.Rect(PALETTE.right - 56, y, 44, 40)

    def more_rect(self) -> pygame.Rect:
        return pygame.Rect(PALETTE.x + 14, PALETTE.bottom - 42, PALETTE.w - 28, 34)

    def set_category(self, index: int) -> None:
        if self.categories:
            self.cat_index = index % len(self.categories)
            self.page = 0
            self.pal_index = min(self.pal_index, len(self.cards()) - 1)

    # ---------------------------------------------------------------- the days on the right
    def row_rect(self, day: int) -> pygame.Rect:
        return pygame.Rect(BOARD.x, BOARD.y + day * (ROW_H + ROW_GAP), BOARD.w, ROW_H)

    def slot_rect(self, day: int, slot: int) -> pygame.Rect:
        r = self.row_rect(day)
        return pygame.Rect(r.x + DAY_W + 8 + slot * SLOT_W, r.y + 6, SLOT_W - 8, ROW_H - 12)

    def item_at(self, day: int, slot: int) -> PlannedItem | None:
        items = self.plan.on_day(day)
        return items[slot] if 0 <= slot < len(items) else None

    def day_at(self, pos: tuple[int, int]) -> int | None:
        for d in range(DAYS):
            if self.row_rect(d).collidepoint(pos):
                return d
        return None

    def placed_at(self, pos: tuple[int, int]) -> PlannedItem | None:
        for d in range(DAYS):
            for s, item in enumerate(self.plan.on_day(d)):
                if self.slot_rect(d, s).collidepoint(pos):
                    return item
        return None

    # ---------------------------------------------------------------- picking up and putting down
    def pick_new(self, act: Activity, via: str, pos: tuple[int, int] | None = None) -> None:
        target = next((d for d in range(DAYS) if self.plan.can_add(act.id, d)), 0)
        self.holding = {"kind": "new", "activity": act, "uid": None, "day": target, "via": via,
                        "pos": pos, "start": pos, "moved": False}
        self.app.audio.play("move")
        if via == "keys":
            self.say(tr("Up and Down choose a day, Enter puts “{activity}” there. Esc cancels.", activity=act.text))
        elif via == "click":
            self.say(tr("Now click a day for “{activity}”.", activity=act.text))

    def pick_placed(self, item: PlannedItem, via: str, pos: tuple[int, int] | None = None) -> None:
        act = self.cat.get(item.activity_id) if self.cat else None
        if act is None:
            return
        self.holding = {"kind": "move", "activity": act, "uid": item.uid, "day": item.day_offset, "via": via,
                        "pos": pos, "start": pos, "moved": False}
        self.app.audio.play("move")
        if via == "keys":
            self.say(_("Up/Down: another day · Enter: put it down (same day: change your guess) · Left: take it off."))

    def drop(self, day: int | None) -> None:
        h = self.holding
        if h is None:
            return
        act: Activity = h["activity"]
        if h["kind"] == "new":
            if day is None:
                self.holding = None
                self.say(_("Pick a card: drag it onto a day, or press Enter and choose a day."))
                return
            reason = self.plan.why_not(act.id, day)
            if reason:
                self.say(reason, COLOURS["warn"])
                self.app.audio.play("back")
                if h["via"] == "pointer":
                    self.holding = None
                return
            item = self.plan.add(act, day)
            self.holding = None
            self.cursor = (day, self.plan.on_day(day).index(item))
            self.open_prompt(item, new=True)
            return
        item = self.plan.item(h["uid"])
        if day is None:
            self.plan.remove(item.uid)
            self.holding = None
            self.app.audio.play("back")
            self.say(tr("Took “{activity}” off your week.", activity=act.text))
            self.zone = "board" if self.plan.items else "palette"
            self.cursor = (min(self.cursor[0], DAYS - 1), 0)
            return
        if day == item.day_offset:
            self.holding = None
            self.open_prompt(item, new=False)
            return
        try:
            self.plan.move(item.uid, day)
        except PlanError as e:
            self.say(str(e), COLOURS["warn"])
            self.app.audio.play("back")
            if h["via"] == "pointer":
                self.holding = None
            return
        self.holding = None
        self.cursor = (day, self.plan.on_day(day).index(item))
        self.app.audio.play("confirm")
        self.say(tr("Moved to {day}.", day=day_name(self.plan, day)), COLOURS["good"])
        self.after_change()

    # ---------------------------------------------------------------- the enjoyment guess
    def open_prompt(self, item: PlannedItem, new: bool) -> None:
        rect = pygame.Rect(0, 0, 900, 330)
        rect.center = (SCREEN_W // 2, SCREEN_H // 2)
        picker = ScalePicker(pygame.Rect(rect.x + 40, rect.y + 118, rect.w - 80, 64), value=None,
                             word=enjoy_word, ends=ENJOY_ENDS,
                             start=item.predicted if item.predicted is not None else 5)
        self.prompt = {"uid": item.uid, "picker": picker, "rect": rect, "new": new}
        self.app.audio.play("confirm")

    def close_prompt(self, value: int | None) -> None:
        p = self.prompt
        self.prompt = None
        if p is None:
            return
        item = self.plan.item(p["uid"])
        if value is not None:
            self.plan.set_prediction(item.uid, value)
            self.app.audio.play("confirm")
            self.say(tr("Guess saved: {value}/10 ({word}).", value=value, word=enjoy_word(value)), COLOURS["good"])
        self.zone = "board"
        self.after_change()

    def after_change(self) -> None:
        problems = self.plan.validate()
        if not problems:
            self.say(_("Your week looks good! Press “Save my week” when you're happy with it."), COLOURS["good"])
        elif self.message_colour != COLOURS["good"]:
            self.say(problems[0])

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if self.cat is None:
            if action.kind in (A.CANCEL, A.PAUSE) or (action.kind is A.PRESS and action.value in self.buttons):
                self.on_button("leave")
            return True
        if self.prompt is not None:
            self.handle_prompt(action)
            return True
        if action.kind is A.PRESS and action.value in self.buttons:
            self.on_button(action.value)
            return True
        if pointer_pos(action) is not None:
            self.handle_pointer(action)
            return True
        if self.holding is not None:
            self.handle_holding(action)
            return True
        if action.kind in (A.CANCEL, A.PAUSE):
            self.on_button("leave")
            return True
        if self.zone == "palette":
            self.handle_palette(action)
        elif self.zone == "board":
            self.handle_board(action)
        else:
            self.handle_buttons(action)
        return True

    def handle_prompt(self, action: Action) -> None:
        p = self.prompt
        if action.kind is A.CANCEL:
            self.close_prompt(None)
            return
        if p["picker"].handle(action) == CHOSEN:
            self.close_prompt(p["picker"].value)

    def handle_palette(self, action: Action) -> None:
        cards = self.cards()
        k = action.kind
        if self.pal_index < 0:            # on the category row
            if k in (A.LEFT, A.RIGHT):
                self.set_category(self.cat_index + (1 if k is A.RIGHT else -1))
                self.app.audio.play("move")
            elif k in (A.DOWN, A.CONFIRM):
                self.pal_index = 0
                self.page = 0
            return
        if k is A.UP:
            self.pal_index -= 1
        elif k is A.DOWN:
            if self.pal_index + 1 < len(cards):
                self.pal_index += 1
            else:
                self.zone = "buttons"
                self.set_focus("save")
        elif k is A.RIGHT:
            self.zone = "board"
            self.cursor = (self.cursor[0], 0)
        elif k is A.CONFIRM and 0 <= self.pal_index < len(cards):
            self.pick_new(cards[self.pal_index], "keys")
        if self.pal_index >= 0:
            self.page = self.pal_index // PAGE
        self.app.audio.play("move")

    def handle_board(self, action: Action) -> None:
        day, slot = self.cursor
        k = action.kind
        if k is A.UP:
            day = max(0, day - 1)
        elif k is A.DOWN:
            if day == DAYS - 1:
                self.zone = "buttons"
                self.set_focus("save")
                return
            day += 1
        elif k is A.LEFT:
            if slot == 0:
                self.zone = "palette"
                return
            slot -= 1
        elif k is A.RIGHT:
            slot = min(MAX_PER_DAY - 1, slot + 1)
        elif k is A.CONFIRM:
            item = self.item_at(day, slot)
            if item is not None:
                self.pick_placed(item, "keys")
            else:
                self.say(_("This spot is empty. Go Left to the cards and pick one."))
            return
        self.cursor = (day, min(slot, max(0, len(self.plan.on_day(day)) - 1)) if k in (A.UP, A.DOWN) else slot)
        self.app.audio.play("move")

    def handle_holding(self, action: Action) -> None:
        h = self.holding
        k = action.kind
        if k is A.CANCEL:
            self.holding = None
            self.say(_("Put back."))
            self.app.audio.play("back")
        elif k is A.UP and h["day"] is not None:
            h["day"] = max(0, h["day"] - 1)
        elif k is A.DOWN and h["day"] is not None:
            h["day"] = min(DAYS - 1, h["day"] + 1)
        elif k is A.LEFT and h["kind"] == "move":
            h["day"] = None
            self.say(_("Enter takes this card off your week. Right goes back to the days."))
        elif k is A.RIGHT and h["day"] is None:
            h["day"] = self.plan.item(h["uid"]).day_offset
        elif k is A.CONFIRM:
            self.drop(h["day"])

    def handle_buttons(self, action: Action) -> None:
        k = action.kind
        if k is A.UP:
            self.zone = "board" if self.plan.items else "palette"
            self.focus_index = -1
            self._show_no_focus()
        elif k in (A.LEFT, A.RIGHT):
            self.set_focus("leave" if self.focused() == "save" else "save")
        elif k is A.CONFIRM:
            self.on_button(self.focused() or "save")

    def set_focus(self, button_id: str) -> None:
        self.focus_order = ["save", "leave"]
        super().set_focus(button_id)

    def _show_no_focus(self) -> None:
        self.focus_order = []
        for btn in self.buttons.values():
            if btn.is_selected:
                btn.unselect()

    def handle_pointer(self, action: Action) -> None:
        pos = pointer_pos(action)
        k = action.kind
        h = self.holding
        if k is A.POINTER_DOWN:
            if h is not None and h["via"] == "click":       # second click of click-then-click
                day = self.day_at(pos)
                if day is None:
                    self.holding = None
                    self.say(_("Put back."))
                else:
                    self.drop(day)
                return
            left, right = self.arrow_rects()
            if left.collidepoint(pos) or right.collidepoint(pos):
                self.set_category(self.cat_index + (1 if right.collidepoint(pos) else -1))
                self.app.audio.play("move")
                return
            if self.pages() > 1 and self.more_rect().collidepoint(pos):
                self.page = (self.page + 1) % self.pages()
                self.app.audio.play("move")
                return
            for i, act in self.visible_cards():
                if self.card_rect(i).collidepoint(pos):
                    self.zone, self.pal_index = "palette", i
                    self.pick_new(act, "pointer", pos)
                    return
            item = self.placed_at(pos)
            if item is not None:
                self.zone = "board"
                self.pick_placed(item, "pointer", pos)
            return
        if h is None or h["via"] != "pointer":
            return
        h["pos"] = pos
        if abs(pos[0] - h["start"][0]) + abs(pos[1] - h["start"][1]) > 10:
            h["moved"] = True
        day = self.day_at(pos)
        if k is A.POINTER_MOVE:
            h["day"] = day if day is not None else (None if PALETTE.collidepoint(pos) else h["day"])
            return
        # POINTER_UP
        if not h["moved"]:
            if h["kind"] == "new":
                h["via"] = "click"                          # a click on a card: now click a day
                self.pick_new(h["activity"], "click")
                return
            self.drop(self.plan.item(h["uid"]).day_offset)   # a click on a placed card: change the guess
            return
        if day is not None:
            self.drop(day)
        elif PALETTE.collidepoint(pos) and h["kind"] == "move":
            self.drop(None)
        else:
            self.holding = None
            self.say(_("Put back."))

    def on_button(self, button_id: str) -> None:
        if button_id == "leave":
            self.app.audio.play("back")
            self.app.stack.pop()
        elif button_id == "save":
            self.save()

    def save(self) -> None:
        problems = self.plan.validate()
        if problems:
            self.say(" ".join(problems[:2]), COLOURS["warn"])
            self.app.audio.play("back")
            return
        profile = self.ctx.profile
        if profile is None:
            return
        book = plan_book(profile)
        self.plan.session = session_number(self.ctx)
        book.commit(self.plan)
        save_book(profile, book)
        for item in self.plan.items:
            self.ctx.bus.publish("activity_planned", **activity_planned_payload(item))
        self.saved = True
        if self.play is not None and self.board_key:
            self.play.mark_done("planner", self.board_key)  # the exit may wait for it; saves
        else:
            self.ctx.checkpoint()
        from game.scenes.message import MessageScene

        self.app.audio.play("complete")
        self.app.stack.pop()
        self.app.stack.push(MessageScene(
            self.app, _("Nice plan! Try your activities this week. Next time, I'll ask how they went "
                        "and how much you enjoyed them."), title=_("Your week is set"), ok=_("Back to the park")))

    # ---------------------------------------------------------------- draw
    def card(self, act: Activity, size: tuple[int, int], predicted: int | None = None, guess: bool = False,
             lit: bool = False) -> pygame.Surface:
        key = (act.id, size, predicted, guess, lit)
        surf = self._cards.get(key)
        if surf is None:
            if len(self._cards) > 300:
                self._cards.clear()
            surf = self._cards[key] = card_surface(self.ui, act, size, predicted, guess, lit)
        return surf

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(hex_rgb("#1F1832"))
        surface.blit(rendered(self.ui.font("title", bold=True), _("Plan your week"), COLOURS["text"]), (24, 16))
        surface.blit(rendered(self.ui.font("small"), self.intro, COLOURS["muted"]), (26, 66))
        small = self.ui.font("small")
        bold = self.ui.font("body", bold=True)
        # the cards
        draw.panel(surface, PALETTE, alpha=255)
        if self.cat is not None:
            left, right = self.arrow_rects()
            on_row = self.zone == "palette" and self.pal_index < 0 and self.holding is None
            for r, s in ((left, "‹"), (right, "›")):
                pygame.draw.rect(surface, hex_rgb(COLOURS["button"]), r, border_radius=10)
                pygame.draw.rect(surface, hex_rgb(COLOURS["focus"] if on_row else "#6E5A96"), r, 3 if on_row else 2,
                                 border_radius=10)
                img = rendered(self.ui.font("title", bold=True), s, COLOURS["text"])
                surface.blit(img, img.get_rect(center=(r.centerx, r.centery - 3)))
            colour = CATEGORY_COLOURS[self.category]
            img = rendered(self.ui.font("title", bold=True), self.cat.label(self.category), colour)
            surface.blit(img, img.get_rect(center=(PALETTE.centerx, PALETTE.y + 32)))
            expl = self.ui.font(16)
            for i, line in enumerate(fit_lines(expl, self.cat.explanation(self.category), PALETTE.w - 24, 2)):
                img = rendered(expl, line, COLOURS["muted"])
                surface.blit(img, img.get_rect(center=(PALETTE.centerx, PALETTE.y + 68 + i * 20)))
            for i, act in self.visible_cards():
                lit = self.zone == "palette" and i == self.pal_index and self.holding is None
                held = self.holding is not None and self.holding["kind"] == "new" and self.holding["activity"] is act
                surf = self.card(act, (PALETTE.w - 28, CARD_H), lit=lit or held)
                surface.blit(surf, self.card_rect(i))
            if self.pages() > 1:
                r = self.more_rect()
                page, pages = self.page + 1, self.pages()
                s = (tr("More cards ({page} of {pages})", page=page, pages=pages) if page < pages
                     else tr("Back to the first cards ({page} of {pages})", page=page, pages=pages))
                pygame.draw.rect(surface, hex_rgb(COLOURS["button"]), r, border_radius=10)
                img = rendered(small, s, COLOURS["focus"])
                surface.blit(img, img.get_rect(center=r.center))
        # the days
        h = self.holding
        for d in range(DAYS):
            r = self.row_rect(d)
            target = h is not None and h["day"] == d
            ok = target and (self.plan.why_not(h["activity"].id, d, h["uid"]) is None or
                             (h["kind"] == "move" and self.plan.item(h["uid"]).day_offset == d))
            bg = "#3A2D58" if not target else ("#4B5E3A" if ok else "#5E3A3A")
            pygame.draw.rect(surface, hex_rgb(bg), r, border_radius=12)
            pygame.draw.rect(surface, hex_rgb(COLOURS["focus"] if target else "#55467A"), r, 3 if target else 1,
                             border_radius=12)
            name = day_name(self.plan, d)
            surface.blit(rendered(self.ui.font(20, bold=True), name, COLOURS["focus"] if d == 0 else COLOURS["text"]),
                         (r.x + 12, r.y + 8))
            dd = self.plan.day_date(d)
            surface.blit(rendered(small, tr("{weekday} {day}", weekday=_(DAY_SHORT[self.plan.weekday(d)]), day=int(dd[8:])), COLOURS["muted"]),
                         (r.x + 12, r.y + 38))
            items = self.plan.on_day(d)
            for s in range(MAX_PER_DAY):
                sr = self.slot_rect(d, s)
                lit = self.zone == "board" and self.cursor == (d, s) and h is None and self.prompt is None
                if s < len(items):
                    it = items[s]
                    act = self.cat.get(it.activity_id) if self.cat else None
                    if act is not None:
                        moving = h is not None and h["uid"] == it.uid
                        surf = self.card(act, sr.size, it.predicted, True, lit or moving)
                        if moving and h["via"] == "pointer" and h["moved"]:
                            surf = surf.copy()
                            surf.set_alpha(90)
                        surface.blit(surf, sr)
                else:
                    pygame.draw.rect(surface, hex_rgb(COLOURS["focus"] if lit else "#4A3D66"), sr,
                                     3 if lit else 1, border_radius=10)
        # where a held card would go (keys, or click-then-click)
        if h is not None and h["via"] != "pointer" and h["day"] is not None:
            taken = [i for i in self.plan.on_day(h["day"]) if i.uid != h["uid"]]
            if len(taken) < MAX_PER_DAY and not (h["kind"] == "move" and self.plan.item(h["uid"]).day_offset == h["day"]):
                sr = self.slot_rect(h["day"], len(taken))
                ghost = self.card(h["activity"], sr.size, lit=True).copy()
                ghost.set_alpha(170)
                surface.blit(ghost, sr)
        # the remove zone hint while holding a placed card by keys
        if h is not None and h["kind"] == "move" and h["day"] is None:
            pygame.draw.rect(surface, hex_rgb(COLOURS["warn"]), PALETTE, 4, border_radius=18)
            img = rendered(bold, _("Enter: take it off your week"), COLOURS["warn"])
            surface.blit(img, img.get_rect(center=(PALETTE.centerx, PALETTE.bottom - 24)))
        # the message line and the counts
        msg_rect = pygame.Rect(PALETTE.x + 4, SCREEN_H - 86, BOARD.right - 480 - PALETTE.x, 80)
        font = self.ui.font("body")
        for i, line in enumerate(fit_lines(font, self.message, msg_rect.w, 2)):
            surface.blit(rendered(font, line, self.message_colour), (msg_rect.x, msg_rect.y + i * int(font.get_linesize() * 1.1)))
        # a card following the pointer
        if h is not None and h["via"] == "pointer" and h["moved"] and h["pos"] is not None:
            surf = self.card(h["activity"], (SLOT_W - 8, ROW_H - 12), lit=True)
            surface.blit(surf, surf.get_rect(center=h["pos"]))
        if self.prompt is not None:
            self.draw_prompt(surface)

    def draw_prompt(self, surface: pygame.Surface) -> None:
        p = self.prompt
        item = self.plan.item(p["uid"])
        act = self.cat.get(item.activity_id)
        draw.dim(surface, 150)
        r = p["rect"]
        draw.panel(surface, r)
        pic = icon(act.picture, 48) if act else None
        if pic is not None:
            surface.blit(pic, (r.x + 36, r.y + 28))
        title = self.ui.font("title", bold=True)
        draw.text(surface, self.ui.font("small"), f"{act.text if act else ''} · {day_name(self.plan, item.day_offset)}",
                  (r.x + 100, r.y + 26), COLOURS["muted"], shadow=False)
        draw.text(surface, title, _("How much do you think you'll enjoy it?"), (r.x + 100, r.y + 50))
        p["picker"].draw(surface, self.ui)
        draw.text(surface, self.ui.font("small"), _("Click a number, or use the arrow keys and Enter. Esc: decide later."),
                  (r.x + 40, r.bottom - 40), COLOURS["muted"], shadow=False)


# ---------------------------------------------------------------------- follow-up
class FollowUpScene(Scene):
    """How did the planned activities go? Done / partly / not yet; for done ones, actual enjoyment."""

    name = "activity_follow_up"
    opaque = False

    def __init__(self, app, plan: WeekPlan, items: list[PlannedItem], done: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.plan = plan
        self.items = items
        self.done = done
        self.cat = catalogue()
        self.index = 0
        self.stage = "ask"            # ask | rate | feedback | summary
        self.status: str | None = None
        self.feedback = None
        self.rect = pygame.Rect(0, 0, 1000, 470)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 10)
        self.picker: ScalePicker | None = None

    @property
    def item(self) -> PlannedItem:
        return self.items[self.index]

    def activity(self) -> Activity | None:
        return self.cat.get(self.item.activity_id) if self.cat else None

    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        self.clear_ui()
        r = self.rect
        y = r.bottom - 90
        if self.stage == "ask":
            answers = [("done", _("I did it")), ("partly", _("Partly")), ("not_yet", _("Not yet")), ("later", _("Ask me later"))]
            w = (r.w - 72 - 16 * 3) // 4
            for i, (bid, text) in enumerate(answers):
                self.add_button(bid, text, pygame.Rect(r.x + 36 + i * (w + 16), y, w, 58))
        elif self.stage == "rate":
            self.picker = ScalePicker(pygame.Rect(r.x + 40, r.y + 200, r.w - 80, 64), word=enjoy_word,
                                      ends=ENJOY_ENDS, start=5)  # not the guess: no anchoring
        else:
            last = self.stage == "summary" or self.index == len(self.items) - 1
            text = _("Continue") if self.stage == "summary" else (_("Next") if not last else _("OK"))
            self.add_button("next", text, pygame.Rect(r.centerx - 150, y, 300, 58))

    def handle(self, action: Action) -> bool:
        if self.stage == "rate":
            if action.kind is A.CANCEL:
                self.stage = "ask"
                self.build()
            elif self.picker.handle(action) == CHOSEN:
                self.answer(self.status, self.picker.value)
            return True
        if action.kind is A.CANCEL:
            self.on_button("later" if self.stage == "ask" else "next")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        if self.stage == "ask":
            if button_id == "later":
                self.remember_later()
                self.close()
            elif button_id in ("done", "partly"):
                self.status = button_id
                self.stage = "rate"
                self.app.audio.play("confirm")
                self.build()
            elif button_id == "not_yet":
                self.answer("not_yet", None)
        elif button_id == "next":
            if self.stage == "summary":
                self.close()
                return
            if self.index + 1 < len(self.items):
                self.index += 1
                self.stage = "ask"
            elif len(self.items) > 1:
                self.stage = "summary"
            else:
                self.close()
                return
            self.build()

    def answer(self, status: str, actual: int | None) -> None:
        item = self.item
        self.feedback = self.plan.record_followup(item.uid, status, actual)
        profile = self.ctx.profile
        book = plan_book(profile)
        for i, p in enumerate(book.plans):
            if p.plan_date == self.plan.plan_date and p.session == self.plan.session and \
                    [x.uid for x in p.items] == [x.uid for x in self.plan.items]:
                book.plans[i] = self.plan
        save_book(profile, book)
        self.ctx.bus.publish("activity_followed_up", **activity_followed_up_payload(item))
        self.ctx.checkpoint()
        self.app.audio.play("confirm")
        self.stage = "feedback"
        self.build()

    def remember_later(self) -> None:
        if self.ctx.profile is not None:
            self.ctx.profile.data.setdefault("flags", {})["follow_up_later_session"] = session_number(self.ctx)

    def close(self) -> None:
        self.app.audio.play("confirm")
        self.app.stack.pop()
        if self.done:
            self.done()

    def engaged_actions(self) -> list[Action]:
        if self.stage == "ask":
            return [Action(A.PRESS, "done")]
        if self.stage == "rate":
            return [Action(A.CONFIRM)]
        return [Action(A.PRESS, "next")]

    def autoplay_actions(self) -> list[Action]:
        if self.stage == "ask":
            return [Action(A.PRESS, "later")]
        if self.stage == "rate":
            return [Action(A.CANCEL)]
        return [Action(A.PRESS, "next")]

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 150)
        r = self.rect
        draw.panel(surface, r)
        small, body = self.ui.font("small"), self.ui.font("body")
        title = self.ui.font("title", bold=True)
        if self.stage == "summary":
            s = self.plan.summary()
            draw.text(surface, small, _("Your week"), (r.x + 36, r.y + 26), COLOURS["muted"], shadow=False)
            draw.text(surface, title, _("Thanks for telling me"), (r.x + 36, r.y + 52))
            counts = tr("Done: {done}   ·   Partly: {partly}   ·   Not yet: {not_yet}", done=s.done, partly=s.partly,
                        not_yet=s.not_yet)
            draw.text(surface, self.ui.font("body", bold=True), counts, (r.x + 36, r.y + 130), COLOURS["focus"])
            draw.text_block(surface, body, s.message, pygame.Rect(r.x + 36, r.y + 180, r.w - 72, 150))
            return
        act = self.activity()
        kicker = tr("How did your plan go?  ({number} of {total})", number=self.index + 1, total=len(self.items))
        draw.text(surface, small, kicker, (r.x + 36, r.y + 26), COLOURS["muted"], shadow=False)
        pic = icon(act.picture, 96) if act else None
        if pic is not None:
            surface.blit(pic, (r.x + 36, r.y + 60))
        draw.text(surface, title, act.text if act else self.item.activity_id, (r.x + 150, r.y + 66))
        when = day_name(self.plan, self.item.day_offset) if self.plan.day_date(self.item.day_offset) == local_date(self.ctx.clock) \
            else weekday_name(self.plan, self.item.day_offset)
        planned = tr("Planned for {day}.", day=when)
        if self.item.predicted is not None:
            planned += " " + tr("You guessed you'd enjoy it {value}/10.", value=self.item.predicted)
        draw.text(surface, body, planned, (r.x + 150, r.y + 114), COLOURS["muted"], shadow=False)
        if self.stage == "ask":
            draw.text_block(surface, body, _("Did you get to do it? Any answer is fine."),
                            pygame.Rect(r.x + 36, r.y + 200, r.w - 72, 60))
        elif self.stage == "rate":
            draw.text(surface, self.ui.font("body", bold=True), _("How much did you actually enjoy it?"),
                      (r.x + 36, r.y + 164))
            self.picker.draw(surface, self.ui)
            draw.text(surface, small, _("Click a number, or use the arrow keys and Enter. Esc goes back."), (r.x + 36, r.bottom - 44),
                      COLOURS["muted"], shadow=False)
        elif self.feedback is not None:
            fb = self.feedback
            y = r.y + 184
            if fb.gap is not None:
                line = tr("You guessed {guess}/10  ·  It was {actual}/10", guess=fb.gap.predicted, actual=fb.gap.actual)
                draw.text(surface, self.ui.font("body", bold=True), line, (r.x + 36, y), COLOURS["focus"])
                self.draw_gap_bars(surface, fb.gap.predicted, fb.gap.actual, pygame.Rect(r.x + 36, y + 40, r.w - 72, 44))
                y += 100
            draw.text_block(surface, body, fb.message, pygame.Rect(r.x + 36, y, r.w - 72, 110))

    def draw_gap_bars(self, surface: pygame.Surface, predicted: int, actual: int, rect: pygame.Rect) -> None:
        small = self.ui.font("small")
        for i, (label, v, colour) in enumerate(((_("guess"), predicted, COLOURS["muted"]), (_("actual"), actual, COLOURS["good"]))):
            y = rect.y + i * 22
            draw.text(surface, small, label, (rect.x, y - 2), colour, shadow=False)
            full = pygame.Rect(rect.x + 80, y + 2, rect.w - 80, 14)
            pygame.draw.rect(surface, hex_rgb("#241B38"), full, border_radius=7)
            if v:
                pygame.draw.rect(surface, hex_rgb(colour), pygame.Rect(full.x, full.y, full.w * v // 10, 14), border_radius=7)


# ---------------------------------------------------------------------- steps and wiring
def follow_up_step(app, done, **info):
    """Start of a session or level: ask about planned activities whose day has come."""
    ctx = app.ctx
    if ctx.profile is None:
        return None
    session = session_number(ctx)
    if ctx.profile.data.get("flags", {}).get("follow_up_later_session") == session:
        return None   # "ask me later" holds for the rest of this session
    pending = plan_book(ctx.profile).pending_follow_up(local_date(ctx.clock), session)
    if pending is None:
        return None
    plan, items = pending
    return FollowUpScene(app, plan, items, done)


def open_board(play, obj) -> None:
    board = play.level.content.boards.get(obj.prop("board"))
    play.app.audio.play("confirm")
    play.app.stack.push(PlannerScene(play.app, play, board, obj.prop("board")))


def scripted_practice(sp, obj):
    """Selftest: plan a week on the board, a Fun card by mouse drag and an Achievement card with
    the keys, guess the enjoyment for each, save."""
    from game.input.actions import A, pointer
    from game.scripted import ScriptFailed

    if sp.play_scene().is_done("planner", obj.prop("board")):
        return
    yield from sp.use(obj, "planner")
    pl = sp.top()
    src, dst = pl.card_rect(0).center, pl.slot_rect(0, 0).center
    yield [pointer(A.POINTER_DOWN, src)]
    yield [pointer(A.POINTER_MOVE, (src[0] + 60, src[1]))]
    yield [pointer(A.POINTER_MOVE, dst)]
    yield [pointer(A.POINTER_UP, dst)]
    yield None
    if pl.prompt is None:
        raise ScriptFailed("dropping a card did not ask for the enjoyment guess")
    picker = pl.prompt["picker"]
    c = picker.cell(7).center
    yield [pointer(A.POINTER_DOWN, c), pointer(A.POINTER_UP, c)]
    yield None
    pl.zone, pl.pal_index = "palette", 0
    yield from sp.key(A.UP)
    while pl.category != "mastery":
        yield from sp.key(A.RIGHT)
    yield from sp.key(A.DOWN)
    yield from sp.key(A.CONFIRM)
    yield from sp.key(A.DOWN)
    yield from sp.key(A.DOWN)
    yield from sp.key(A.CONFIRM)
    if pl.prompt is None:
        raise ScriptFailed("placing a card with the keys did not ask for the enjoyment guess")
    picker = pl.prompt["picker"]
    while picker.cursor != 5:
        yield from sp.key(A.RIGHT if picker.cursor < 5 else A.LEFT)
    yield from sp.key(A.CONFIRM)
    yield from sp.press("save")
    yield from sp.wait_scene("message")
    yield from sp.press("ok")
    yield from sp.wait_scene("play")


def open_chart(app, play=None):
    from game.scenes.mood import MoodChartScene

    return MoodChartScene(app)


_REGISTERED = False


def register() -> None:
    """Add the check-ins, follow-ups, challenges, chart and planner board to the game (once)."""
    global _REGISTERED
    if _REGISTERED:
        return
    _REGISTERED = True
    from game.scenes import mood
    from game.scenes.challenge import challenge_follow_up_step, challenge_set_step
    from game.scenes.pause import PAUSE_ITEMS
    from game.scenes.play import INTERACTIONS

    flow.SESSION_START.extend([mood.session_start_checkin, follow_up_step])
    flow.LEVEL_START.extend([mood.level_start_checkin, challenge_follow_up_step, follow_up_step])
    flow.LEVEL_END.extend([challenge_set_step, mood.level_end_checkin])
    flow.SESSION_END.append(mood.session_end_checkin)
    PAUSE_ITEMS.append(("mood_chart", N_("My mood chart"), open_chart))
    INTERACTIONS["planner"] = open_board
    from game.scripted import PRACTICE

    PRACTICE["planner"] = scripted_practice


register()
