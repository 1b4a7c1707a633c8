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
from game.scenes.mood import picker_extent
from game.ui import draw, scale
from game.ui.draw import fit_lines, hex_rgb
from game.ui.manager import SCREEN_H, SCREEN_W, flow_rects, help_rect
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
rendered = draw.rendered


def card_surface(ui, act: Activity, size: tuple[int, int], predicted: int | None = None,
                 show_guess: bool = False, lit: bool = False, font: pygame.font.Font | None = None,
                 badge_font: pygame.font.Font | None = None) -> pygame.Surface:
    """An activity card: category stripe, picture, text (and the guess badge on placed cards).
    A card too narrow for its text shows the picture only (the text is on the cards and in the
    message line)."""
    w, h = size
    surf = pygame.Surface(size, pygame.SRCALPHA)
    cat = hex_rgb(CATEGORY_COLOURS[act.category])
    pygame.draw.rect(surf, hex_rgb("#3F3160" if not lit else "#5A4888"), surf.get_rect(), border_radius=10)
    pygame.draw.rect(surf, cat, pygame.Rect(0, 0, 8, h), border_top_left_radius=10, border_bottom_left_radius=10)
    pygame.draw.rect(surf, hex_rgb(COLOURS["focus"]) if lit else (*cat, 150), surf.get_rect(),
                     width=3 if lit else 1, border_radius=10)
    font = font or ui.font(17)
    text_w = w - 76 - (8 if show_guess else 0)
    with_text = text_w >= 70
    pic = icon(act.picture, 48)
    if pic is not None:
        surf.blit(pic, pic.get_rect(midleft=(12, h // 2)))
    if with_text:
        lh = font.get_linesize()
        lines = fit_lines(font, act.text, text_w, max(1, min(2, (h - 4) // lh)))
        y = (h - lh * len(lines)) // 2
        for line in lines:
            surf.blit(rendered(font, line, COLOURS["text"]), (66, y))
            y += lh
    if show_guess:
        f = badge_font or ui.font(15, bold=True)
        s = str(predicted) if predicted is not None else "?"
        img = rendered(f, s, COLOURS["text"])
        badge = pygame.Rect(0, 0, max(28, img.get_width() + 10), min(h - 4, max(22, f.get_linesize() - 2)))
        if with_text or w < 12 + 48 + 4 + badge.w + 4:
            badge.bottomleft = (34, h - 2)              # on the picture's corner
        else:
            badge.midleft = (12 + 48 + 4, h // 2)       # beside the picture
        pygame.draw.rect(surf, hex_rgb("#1C1630"), badge, border_radius=8)
        pygame.draw.rect(surf, hex_rgb(COLOURS["focus"] if predicted is not None else COLOURS["warn"]), badge,
                         width=2, border_radius=8)
        surf.blit(img, img.get_rect(center=badge.center))
    return surf


# ---------------------------------------------------------------------- the planner
# The layout at 100 % text size (the planner lays itself out from the font metrics: ``layout``).
PALETTE = pygame.Rect(20, 104, 430, 520)
BOARD = pygame.Rect(466, 104, 794, 504)
ROW_H, ROW_GAP = 68, 4
DAY_W = 124
SLOT_W = (BOARD.w - DAY_W - 16) // MAX_PER_DAY
CARD_H, CARD_GAP = 54, 6
PAGE = 6


class PlannerScene(Scene):
    """The week board. Two panes side by side (the cards, the seven days) while they fit; with big
    text (``compact``) the cards and the week are two views of the same screen: picking a card up
    shows the week, "Add activities" / "See my week" switch by hand."""

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
        self.intro = ""
        self.compact = False
        self._view = "cards"           # compact, on the buttons: the view last shown (cards | week)
        self._shown_view = ""          # the view the buttons were made for
        self.hover: int | None = None  # compact: the placed card under the pointer (uid)
        self.g: dict[str, Any] = {}    # the geometry (``layout``)

    # ---------------------------------------------------------------- lifecycle
    def enter(self) -> None:
        self.intro = (self.board.intro if self.board is not None and self.board.intro else
                      _("Put activities on the next 7 days: at least one Fun and one Achievement card."))
        self.build()
        if self.compact and not self.plan.items:
            self.zone = "board"         # big text: first the week, its title and what to do
            self.sync_view()
        if self.cat is None:
            self.say(_("The activity cards could not be loaded. Please tell your teacher."), COLOURS["warn"])
        else:
            self.say(_("Pick a card: drag it onto a day, or press Enter and choose a day."))

    def build(self) -> None:
        self._cards.clear()
        self._shown_view = self.view
        self.layout()
        g = self.g
        for bid, text, rect in g["buttons"]:
            self.add_button(bid, text, rect, focusable=False)
        if self.prompt is not None:
            self.prompt.update(self.prompt_layout(self.prompt["picker"].cursor))
        if self.zone == "buttons":
            self.set_focus(self.focused() if self.focused() in self.buttons else "save")

    def exit(self) -> None:
        if self.play is not None:
            self.play.planner_draft = None if self.saved else self.plan
        super().exit()

    def say(self, text: str, colour: str | None = None) -> None:
        self.message, self.message_colour = text, colour or COLOURS["muted"]

    @property
    def view(self) -> str:
        """Compact: which view shows, from what the player is doing: a held card, the guess and the
        days show the week; the cards show the cards; on the buttons, the view last shown."""
        if self.holding is not None or self.prompt is not None or self.zone == "board":
            return "week"
        if self.zone == "palette":
            return "cards"
        return self._view

    def sync_view(self) -> None:
        """Compact: the buttons follow the view ("See my week" / "Add activities")."""
        if not self.compact or self.view == self._shown_view:
            return
        self._view = self.view
        focus = self.focused() if self.zone == "buttons" else None
        self.clear_ui()
        self.build()
        if focus:
            self.set_focus(focus if focus in self.buttons else "view")

    def update(self, dt: float) -> None:
        self.sync_view()

    # ---------------------------------------------------------------- layout
    def px(self, n: int) -> int:
        """A pixel size drawn at 100 %, at the player's text size."""
        return max(10, int(round(n * self.ui.text_scale)))

    def layout(self) -> None:
        """Every rect and font of the screen, from the current font metrics: the wide layout when
        it fits, else the compact one."""
        ui = self.ui
        f = {"title": ui.font("title", bold=True), "small": ui.font("small"), "small_bold": ui.font("small", bold=True),
             "body": ui.font("body"), "body_bold": ui.font("body", bold=True), "day": ui.font(self.px(20), bold=True),
             "card": ui.font(self.px(17)), "expl": ui.font(self.px(16)), "badge": ui.font(self.px(15), bold=True)}
        g = self.wide_layout(f)
        if g is None:
            g = self.compact_layout(f)
        g["fonts"] = f
        self.compact = g["compact"]
        self.g = g
        self.page = min(self.page, self.pages() - 1)

    def _intro_lines(self, font, x: int, y: int, right: int) -> list[str]:
        hr = help_rect(self.app)
        if y < hr.bottom and right > hr.x:
            right = hr.x - 10
        return draw.wrap(font, self.intro, right - x)

    def _palette_parts(self, f, pal: pygame.Rect, card_font, top_right: int) -> dict[str, Any] | None:
        """The category row, its explanation, the cards and "More cards" inside ``pal``."""
        title, small = f["title"], f["small"]
        arrow_h = max(40, title.get_linesize() - 7)
        arrow_w = max(44, title.size("›")[0] + 20)
        row_y = pal.y + 12
        right_end = min(pal.right - 12, top_right)
        arrows = (pygame.Rect(pal.x + 12, row_y, arrow_w, arrow_h), pygame.Rect(right_end - arrow_w, row_y, arrow_w, arrow_h))
        label_room = arrows[1].x - arrows[0].right - 12
        if self.cat is not None and max(title.size(self.cat.label(c))[0] for c in self.categories) > label_room:
            return None
        expl_font = f["expl"]
        expl_y = row_y + arrow_h + 4
        hr = help_rect(self.app)
        expl_w = pal.w - 24

        def lines_at(width: int) -> int:
            return max([len(draw.wrap(expl_font, self.cat.explanation(c), width)) for c in self.categories] or [1])
        expl_lines = lines_at(expl_w)
        if expl_y < hr.bottom and pal.right > hr.x:     # beside the Help button: narrower, or under it
            narrow = min(expl_w, 2 * (hr.x - 10 - pal.centerx))
            if lines_at(narrow) > expl_lines and hr.bottom - expl_y < expl_font.get_linesize():
                expl_y = hr.bottom
            else:
                expl_w, expl_lines = narrow, lines_at(narrow)
        expl_step = max(20, expl_font.get_linesize() - 2)
        cards_top = expl_y + expl_lines * expl_step + 16
        card_lh = card_font.get_linesize()
        card_w = pal.w - 28
        two = self.cat is not None and any(card_font.size(a.text)[0] > card_w - 76
                                           for c in self.categories for a in self.cat.by_category(c))
        card_h = max(54, (2 if two else 1) * card_lh + 8)
        more_h = max(34, small.get_linesize() + 9)
        more = pygame.Rect(pal.x + 14, pal.bottom - 8 - more_h, pal.w - 28, more_h)
        page = (more.top - 6 - cards_top + CARD_GAP) // (card_h + CARD_GAP)
        return {"arrows": arrows, "cat_centre": (pal.centerx, row_y + arrow_h // 2), "expl_y": expl_y,
                "expl_w": expl_w, "expl_step": expl_step, "cards_top": cards_top, "card_h": card_h,
                "card_w": card_w, "more": more, "page_size": max(1, page), "card_font": card_font}

    def _buttons(self, f, compact: bool) -> list[tuple[str, str, int]]:
        ui = self.ui
        out = []
        if compact:
            text = _("See my week") if self.view == "cards" else _("Add activities")
            out.append(("view", text, max(ui.button_w(_("See my week"), 200), ui.button_w(_("Add activities"), 200))))
        out.append(("save", _("Save my week"), ui.button_w(_("Save my week"), 250)))
        out.append(("leave", _("Leave for now"), ui.button_w(_("Leave for now"), 206)))
        return out

    def wide_layout(self, f) -> dict[str, Any] | None:
        """The cards on the left, the seven days on the right (None when that doesn't fit)."""
        ui = self.ui
        small, body, day_font = f["small"], f["body"], f["day"]
        small_lh = small.get_linesize()
        intro_y = 16 + f["title"].get_linesize() + 3
        intro = self._intro_lines(small, 26, intro_y, SCREEN_W - 20)
        top = intro_y + len(intro) * small_lh + 13
        bh = ui.button_h(54)
        by = SCREEN_H - 14 - bh
        (_s, save_t, save_w), (_l, leave_t, leave_w) = self._buttons(f, False)
        msg_lh = int(body.get_linesize() * 1.1)
        msg_top = SCREEN_H - 20 - 2 * msg_lh
        bottom = min(msg_top, by) - 10
        pal = pygame.Rect(20, top, 430, bottom - top)
        board_x, board_w = 466, SCREEN_W - 20 - 466
        leave = pygame.Rect(board_x + board_w - leave_w, by, leave_w, bh)
        save = pygame.Rect(leave.x - 14 - save_w, by, save_w, bh)
        if save.x - 30 - 24 < 300 or len(intro) > 2:
            return None
        # the days: the name, the date under it, three slots
        date_dy = 8 + max(30, day_font.get_linesize() - 6)
        row_h = max(ROW_H, date_dy + small_lh + 3)
        names = [day_name(self.plan, d) for d in range(DAYS)]
        dates = [self.date_label(d) for d in range(DAYS)]
        day_w = max([DAY_W] + [day_font.size(n)[0] + 24 for n in names] + [small.size(t)[0] + 24 for t in dates])
        slot_w = (board_w - day_w - 16) // MAX_PER_DAY
        board_h = DAYS * (row_h + ROW_GAP) - ROW_GAP
        if board_h > bottom - top or slot_w - 8 - 76 - 8 < 70:
            return None
        parts = self._palette_parts(f, pal, f["card"], SCREEN_W)
        if parts is None or parts["page_size"] < 3:
            return None
        rows = [pygame.Rect(board_x, top + d * (row_h + ROW_GAP), board_w, row_h) for d in range(DAYS)]
        return dict(parts, compact=False, palette=pal, board=pygame.Rect(board_x, top, board_w, board_h), rows=rows,
                    day_w=day_w, slot_w=slot_w, date_dy=date_dy, one_line_days=False,
                    title_pos=(24, 16), intro_pos=(26, intro_y), intro=intro, intro_step=small_lh,
                    msg=pygame.Rect(24, msg_top, save.x - 30 - 24, 2 * msg_lh), msg_font=body, msg_lh=msg_lh,
                    buttons=[("save", save_t, save), ("leave", leave_t, leave)], remove=pal)

    def compact_layout(self, f) -> dict[str, Any]:
        """Big text: one view at a time, the cards or the week, over the message and the buttons."""
        ui = self.ui
        small, small_bold = f["small"], f["small_bold"]
        small_lh = small.get_linesize()
        x0, x1 = 20, SCREEN_W - 20
        bh = ui.button_h(54)
        items = self._buttons(f, True)
        rects = flow_rects([w for _b, _t, w in items], bh, pygame.Rect(x0, 0, x1 - x0, SCREEN_H - 10), gap=14,
                           align="bottom")
        buttons = [(bid, text, r) for (bid, text, _w), r in zip(items, rects)]
        msg_lh = int(small_lh * 1.1)
        msg = pygame.Rect(x0 + 4, min(r.y for r in rects) - 8 - 2 * msg_lh, x1 - x0 - 8, 2 * msg_lh)
        bottom = msg.y - 8
        hr = help_rect(self.app)
        g: dict[str, Any] = {"compact": True, "buttons": buttons, "msg": msg, "msg_font": small, "msg_lh": msg_lh,
                             "one_line_days": True, "date_dy": 0}
        # the cards view
        pal = pygame.Rect(x0, 8, x1 - x0, bottom - 8)
        parts = self._palette_parts(f, pal, small, hr.x - 10)
        if parts is None:          # a very long category name: the arrows at the ends of the row
            parts = self._palette_parts(f, pal, small, SCREEN_W)
        g.update(parts or {})
        # the week view: title, intro, the days in one column (or two)
        intro_y = 10 + f["title"].get_linesize() + 2
        intro = self._intro_lines(small, 26, intro_y, x1)
        days_top = intro_y + len(intro) * small_lh + 8
        labels = [self.day_label(d) for d in range(DAYS)]
        label_w = max(small_bold.size(t)[0] for t in labels) + 20
        row_h = max(60, small_lh + 12)
        avail = bottom - days_top
        cols = 1 if DAYS * (row_h + ROW_GAP) - ROW_GAP <= avail else 2
        per_col = (DAYS + cols - 1) // cols
        col_w = (x1 - x0 - 16 * (cols - 1)) // cols
        rows = [pygame.Rect(x0 + (d // per_col) * (col_w + 16), days_top + (d % per_col) * (row_h + ROW_GAP), col_w, row_h)
                for d in range(DAYS)]
        slot_w = (col_w - label_w - 16) // MAX_PER_DAY
        header = pygame.Rect(x0, 6, (hr.x - 10 if hr.w else x1) - x0, days_top - 12)
        g.update(board=pygame.Rect(x0, days_top, x1 - x0, per_col * (row_h + ROW_GAP) - ROW_GAP), rows=rows,
                 day_w=label_w, slot_w=slot_w, title_pos=(24, 10), intro_pos=(26, intro_y), intro=intro,
                 intro_step=small_lh, remove=header, palette=pal)
        return g

    # ---------------------------------------------------------------- the cards on the left
    @property
    def category(self) -> str:
        return self.categories[self.cat_index] if self.categories else "pleasure"

    def cards(self) -> list[Activity]:
        return self.cat.by_category(self.category) if self.cat else []

    @property
    def page_size(self) -> int:
        return self.g.get("page_size", PAGE)

    def pages(self) -> int:
        return max(1, (len(self.cards()) + self.page_size - 1) // self.page_size)

    def cards_shown(self) -> bool:
        return not self.compact or self.view == "cards"

    def week_shown(self) -> bool:
        return not self.compact or self.view == "week"

    def card_rect(self, index: int) -> pygame.Rect:
        g = self.g
        i = index - self.page * self.page_size
        pal = g.get("palette", PALETTE)
        return pygame.Rect(pal.x + 14, g.get("cards_top", PALETTE.y + 112) + i * (g.get("card_h", CARD_H) + CARD_GAP),
                           pal.w - 28, g.get("card_h", CARD_H))

    def visible_cards(self) -> list[tuple[int, Activity]]:
        if not self.cards_shown():
            return []
        cards = self.cards()
        n = self.page_size
        return [(i, cards[i]) for i in range(self.page * n, min(len(cards), (self.page + 1) * n))]

    def arrow_rects(self) -> tuple[pygame.Rect, pygame.Rect]:
        if "arrows" in self.g:
            return self.g["arrows"]
        y = PALETTE.y + 12
        return pygame.Rect(PALETTE.x + 12, y, 44, 40), pygame.Rect(PALETTE.right - 56, y, 44, 40)

    def more_rect(self) -> pygame.Rect:
        return self.g.get("more", pygame.Rect(PALETTE.x + 14, PALETTE.bottom - 42, PALETTE.w - 28, 34))

    def remove_rect(self) -> pygame.Rect | None:
        """Where a placed card is dropped to take it off the week (the cards; the header, compact)."""
        if self.compact and self.view == "cards":
            return None
        return self.g.get("remove", PALETTE)

    def set_category(self, index: int) -> None:
        if self.categories:
            self.cat_index = index % len(self.categories)
            self.page = 0
            self.pal_index = min(self.pal_index, len(self.cards()) - 1)

    # ---------------------------------------------------------------- the days on the right
    def date_label(self, day: int) -> str:
        dd = self.plan.day_date(day)
        return tr("{weekday} {day}", weekday=_(DAY_SHORT[self.plan.weekday(day)]), day=int(dd[8:]))

    def day_label(self, day: int) -> str:
        """One line for a day (compact): Today, Tomorrow, or the weekday and the date."""
        if day < 2:
            return day_name(self.plan, day)
        return tr("{weekday} {day}", weekday=weekday_name(self.plan, day), day=int(self.plan.day_date(day)[8:]))

    def row_rect(self, day: int) -> pygame.Rect:
        rows = self.g.get("rows")
        if rows:
            return rows[day]
        return pygame.Rect(BOARD.x, BOARD.y + day * (ROW_H + ROW_GAP), BOARD.w, ROW_H)

    def slot_rect(self, day: int, slot: int) -> pygame.Rect:
        r = self.row_rect(day)
        day_w, slot_w = self.g.get("day_w", DAY_W), self.g.get("slot_w", SLOT_W)
        return pygame.Rect(r.x + day_w + 8 + slot * slot_w, r.y + 6, slot_w - 8, r.h - 12)

    def item_at(self, day: int, slot: int) -> PlannedItem | None:
        items = self.plan.on_day(day)
        return items[slot] if 0 <= slot < len(items) else None

    def day_at(self, pos: tuple[int, int]) -> int | None:
        if not self.week_shown():
            return None
        for d in range(DAYS):
            if self.row_rect(d).collidepoint(pos):
                return d
        return None

    def placed_at(self, pos: tuple[int, int]) -> PlannedItem | None:
        if not self.week_shown():
            return None
        for d in range(DAYS):
            for s, item in enumerate(self.plan.on_day(d)):
                if self.slot_rect(d, s).collidepoint(pos):
                    return item
        return None

    def describe(self, item: PlannedItem) -> None:
        """Compact: the slots show pictures only; the message line names the card."""
        act = self.cat.get(item.activity_id) if self.cat else None
        if act is not None:
            self.say(tr("{day}: {activity}", day=self.day_label(item.day_offset), activity=act.text))

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

    def put_back(self) -> None:
        """Let go of the held card (it goes back where it came from)."""
        self.holding = None

    def drop(self, day: int | None) -> None:
        h = self.holding
        if h is None:
            return
        act: Activity = h["activity"]
        if h["kind"] == "new":
            if day is None:
                self.put_back()
                self.say(_("Pick a card: drag it onto a day, or press Enter and choose a day."))
                return
            reason = self.plan.why_not(act.id, day)
            if reason:
                self.say(reason, COLOURS["warn"])
                self.app.audio.play("back")
                if h["via"] == "pointer":
                    self.put_back()
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
    def prompt_layout(self, cursor: int) -> dict[str, Any]:
        """The guess card: what and when, the question, the numbers, the hint; as tall as they need."""
        f = self.g["fonts"]
        small, title = f["small"], f["title"]
        question = _("How much do you think you'll enjoy it?")
        hint = _("Click a number, or use the arrow keys and Enter. Esc: decide later.")
        for w in (900, SCREEN_W - 80):
            text_w = w - 136
            if title.size(question)[0] <= text_w:
                break
        q_lines = draw.wrap(title, question, text_w)
        hint_lines = draw.wrap(small, hint, w - 80)
        small_lh, title_lh = small.get_linesize(), title.get_linesize()
        what_y = 26
        q_y = what_y + small_lh - 2
        picker_y = q_y + title_lh * len(q_lines) + 18
        row_h = scale.row_height(self.ui, icons=False)
        hint_y = picker_y + picker_extent(self.ui, row_h) + 14
        h = max(330 if self.ui.text_scale <= 1.0 else 0, hint_y + small_lh * len(hint_lines) + 20)
        rect = pygame.Rect(0, 0, w, min(h, SCREEN_H - 20))
        rect.center = (SCREEN_W // 2, SCREEN_H // 2)
        picker = ScalePicker(pygame.Rect(rect.x + 40, rect.y + picker_y, rect.w - 80, row_h), value=None,
                             word=enjoy_word, ends=ENJOY_ENDS, start=cursor)
        return {"rect": rect, "picker": picker, "what_y": rect.y + what_y, "q": (q_lines, rect.y + q_y, text_w),
                "hint": (hint_lines, rect.y + max(hint_y, h - 20 - small_lh * len(hint_lines)))}

    def open_prompt(self, item: PlannedItem, new: bool) -> None:
        self.prompt = {"uid": item.uid, "new": new}
        self.prompt.update(self.prompt_layout(item.predicted if item.predicted is not None else 5))
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
        try:
            return self._handle(action)
        finally:
            self.sync_view()

    def _handle(self, action: Action) -> bool:
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
            self.page = self.pal_index // self.page_size
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
        item = self.item_at(*self.cursor)
        if self.compact and item is not None:
            self.describe(item)

    def handle_holding(self, action: Action) -> None:
        h = self.holding
        k = action.kind
        if k is A.CANCEL:
            self.put_back()
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
            if self.compact:
                self.zone = "palette" if self.view == "cards" else "board"
            else:
                self.zone = "board" if self.plan.items else "palette"
            self.focus_index = -1
            self._show_no_focus()
        elif k in (A.LEFT, A.RIGHT):
            order = self.button_order()
            i = order.index(self.focused()) if self.focused() in order else 0
            self.set_focus(order[(i + (1 if k is A.RIGHT else -1)) % len(order)])
        elif k is A.CONFIRM:
            self.on_button(self.focused() or "save")

    def button_order(self) -> list[str]:
        return ["view", "save", "leave"] if self.compact else ["save", "leave"]

    def set_focus(self, button_id: str) -> None:
        self.focus_order = self.button_order()
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
        remove = self.remove_rect()
        if k is A.POINTER_DOWN:
            if h is not None and h["via"] == "click":       # second click of click-then-click
                day = self.day_at(pos)
                if day is None:
                    self.put_back()
                    self.say(_("Put back."))
                else:
                    self.drop(day)
                return
            if self.cards_shown():
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
            if h is None and k is A.POINTER_MOVE and self.compact:
                item = self.placed_at(pos)
                if item is not None and item.uid != self.hover:
                    self.describe(item)
                self.hover = item.uid if item is not None else None
            return
        h["pos"] = pos
        if abs(pos[0] - h["start"][0]) + abs(pos[1] - h["start"][1]) > 10:
            h["moved"] = True
        day = self.day_at(pos)
        if k is A.POINTER_MOVE:
            h["day"] = day if day is not None else (None if remove is not None and remove.collidepoint(pos) else h["day"])
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
        elif remove is not None and remove.collidepoint(pos) and h["kind"] == "move":
            self.drop(None)
        else:
            self.put_back()
            self.say(_("Put back."))

    def on_button(self, button_id: str) -> None:
        if button_id == "leave":
            self.back_out()
        elif button_id == "save":
            self.save()
        elif button_id == "view":
            self.app.audio.play("move")
            other = "week" if self.view == "cards" else "cards"
            if self.zone == "buttons":
                self._view = other
            else:
                self.zone = "board" if other == "week" else "palette"
                self.cursor = (self.cursor[0], 0)

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
            fonts = self.g["fonts"]
            font = self.g.get("card_font", fonts["card"]) if not guess else fonts["card"]
            surf = self._cards[key] = card_surface(self.ui, act, size, predicted, guess, lit, font=font,
                                                   badge_font=fonts["badge"])
        return surf

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(hex_rgb("#1F1832"))
        g = self.g
        f = g["fonts"]
        small = f["small"]
        h = self.holding
        if self.week_shown():
            self.draw_header(surface)
        if self.cards_shown():
            self.draw_cards(surface)
        if self.week_shown():
            self.draw_days(surface)
        # the message line
        m = g["msg"]
        font, lh = g["msg_font"], g["msg_lh"]
        lines = draw.wrap(font, self.message, m.w)
        if len(lines) > 2 and font is not small:
            font, lh = small, int(small.get_linesize() * 1.1)
        for i, line in enumerate(fit_lines(font, self.message, m.w, 2)):
            surface.blit(rendered(font, line, self.message_colour), (m.x, m.y + i * lh))
        # a card following the pointer
        if h is not None and h["via"] == "pointer" and h["moved"] and h["pos"] is not None:
            sr = self.slot_rect(0, 0)
            size = (max(sr.w, 200), sr.h) if self.compact else sr.size
            surf = self.card(h["activity"], size, lit=True)
            surface.blit(surf, surf.get_rect(center=h["pos"]))
        if self.prompt is not None:
            self.draw_prompt(surface)

    def draw_header(self, surface: pygame.Surface) -> None:
        """The title and the intro; while a placed card is held (compact), the place to drop it off."""
        g, f = self.g, self.g["fonts"]
        h = self.holding
        if self.compact and h is not None and h["kind"] == "move":
            r = g["remove"]
            on = h["day"] is None
            pygame.draw.rect(surface, hex_rgb("#3A2D58"), r, border_radius=14)
            pygame.draw.rect(surface, hex_rgb(COLOURS["warn"] if on else "#6E5A96"), r, 4 if on else 2, border_radius=14)
            text = _("Enter: take it off your week") if h["via"] != "pointer" else _("Drop it here to take it off your week")
            lines = fit_lines(f["body_bold"], text, r.w - 24, 2)
            lh = f["body_bold"].get_linesize()
            for i, line in enumerate(lines):
                img = rendered(f["body_bold"], line, COLOURS["warn"])
                surface.blit(img, img.get_rect(center=(r.centerx, r.centery + (i - (len(lines) - 1) / 2) * lh)))
            return
        surface.blit(rendered(f["title"], _("Plan your week"), COLOURS["text"]), g["title_pos"])
        x, y = g["intro_pos"]
        for i, line in enumerate(g["intro"]):
            surface.blit(rendered(f["small"], line, COLOURS["muted"]), (x, y + i * g["intro_step"]))

    def draw_cards(self, surface: pygame.Surface) -> None:
        g, f = self.g, self.g["fonts"]
        pal = g["palette"]
        h = self.holding
        draw.panel(surface, pal, alpha=255)
        if self.cat is None:
            return
        left, right = self.arrow_rects()
        on_row = self.zone == "palette" and self.pal_index < 0 and h is None
        for r, s in ((left, "‹"), (right, "›")):
            pygame.draw.rect(surface, hex_rgb(COLOURS["button"]), r, border_radius=10)
            pygame.draw.rect(surface, hex_rgb(COLOURS["focus"] if on_row else "#6E5A96"), r, 3 if on_row else 2,
                             border_radius=10)
            img = rendered(f["title"], s, COLOURS["text"])
            surface.blit(img, img.get_rect(center=(r.centerx, r.centery - 3)))
        colour = CATEGORY_COLOURS[self.category]
        img = rendered(f["title"], self.cat.label(self.category), colour)
        surface.blit(img, img.get_rect(center=g["cat_centre"]))
        expl = f["expl"]
        for i, line in enumerate(draw.wrap(expl, self.cat.explanation(self.category), g["expl_w"])):
            img = rendered(expl, line, COLOURS["muted"])
            surface.blit(img, img.get_rect(center=(pal.centerx, g["expl_y"] + expl.get_linesize() // 2 + i * g["expl_step"])))
        for i, act in self.visible_cards():
            lit = self.zone == "palette" and i == self.pal_index and h is None
            held = h is not None and h["kind"] == "new" and h["activity"] is act
            r = self.card_rect(i)
            surface.blit(self.card(act, r.size, lit=lit or held), r)
        if self.pages() > 1:
            r = self.more_rect()
            page, pages = self.page + 1, self.pages()
            s = (tr("More cards ({page} of {pages})", page=page, pages=pages) if page < pages
                 else tr("Back to the first cards ({page} of {pages})", page=page, pages=pages))
            pygame.draw.rect(surface, hex_rgb(COLOURS["button"]), r, border_radius=10)
            img = rendered(f["small"], s, COLOURS["focus"])
            surface.blit(img, img.get_rect(center=r.center))
        # the remove zone hint while holding a placed card by keys (the wide layout)
        if not self.compact and h is not None and h["kind"] == "move" and h["day"] is None:
            pygame.draw.rect(surface, hex_rgb(COLOURS["warn"]), pal, 4, border_radius=18)
            img = rendered(f["body_bold"], _("Enter: take it off your week"), COLOURS["warn"])
            surface.blit(img, img.get_rect(center=(pal.centerx, pal.bottom - 24)))

    def draw_days(self, surface: pygame.Surface) -> None:
        g, f = self.g, self.g["fonts"]
        small = f["small"]
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
            colour = COLOURS["focus"] if d == 0 else COLOURS["text"]
            if g["one_line_days"]:
                img = rendered(f["small_bold"], self.day_label(d), colour)
                surface.blit(img, img.get_rect(midleft=(r.x + 10, r.centery)))
            else:
                surface.blit(rendered(f["day"], day_name(self.plan, d), colour), (r.x + 12, r.y + 8))
                surface.blit(rendered(small, self.date_label(d), COLOURS["muted"]), (r.x + 12, r.y + g["date_dy"]))
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

    def draw_prompt(self, surface: pygame.Surface) -> None:
        p = self.prompt
        item = self.plan.item(p["uid"])
        act = self.cat.get(item.activity_id)
        f = self.g["fonts"]
        draw.dim(surface, 150)
        r = p["rect"]
        draw.panel(surface, r)
        pic = icon(act.picture, 48) if act else None
        if pic is not None:
            surface.blit(pic, (r.x + 36, r.y + 28))
        lines, y, text_w = p["q"]
        what = fit_lines(f["small"], f"{act.text if act else ''} · {day_name(self.plan, item.day_offset)}", text_w, 1)
        draw.text(surface, f["small"], what[0], (r.x + 100, p["what_y"]), COLOURS["muted"], shadow=False)
        for i, line in enumerate(lines):
            draw.text(surface, f["title"], line, (r.x + 100, y + i * f["title"].get_linesize()))
        p["picker"].draw(surface, self.ui)
        lines, y = p["hint"]
        for i, line in enumerate(lines):
            draw.text(surface, f["small"], line, (r.x + 40, y + i * f["small"].get_linesize()), COLOURS["muted"],
                      shadow=False)


# ---------------------------------------------------------------------- follow-up
class FollowUpScene(Scene):
    """How did the planned activities go? Done / partly / not yet; for done ones, actual enjoyment.

    Every stage is laid out from the font metrics (``build``): the card grows with the text, widens
    at a big text size, and the answers go on two rows when they don't fit one."""

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
        self.rows: list[tuple[int, Callable[[pygame.Surface, int], None]]] = []
        self.content_top = self.rect.y + 26

    @property
    def item(self) -> PlannedItem:
        return self.items[self.index]

    def activity(self) -> Activity | None:
        return self.cat.get(self.item.activity_id) if self.cat else None

    def enter(self) -> None:
        self.build()

    def set_stage(self, stage: str) -> None:
        self.stage = stage
        self.picker = None
        self.clear_ui()
        self.build()

    # ---------------------------------------------------------------- layout
    def buttons_for_stage(self) -> list[tuple[str, str]]:
        if self.stage == "ask":
            return [("done", _("I did it")), ("partly", _("Partly")), ("not_yet", _("Not yet")), ("later", _("Ask me later"))]
        if self.stage == "rate":
            return []
        last = self.stage == "summary" or self.index == len(self.items) - 1
        return [("next", _("Continue") if self.stage == "summary" else (_("Next") if not last else _("OK")))]

    def build(self) -> None:
        ui = self.ui
        answers = self.buttons_for_stage()
        bh, gap = ui.button_h(58), 16
        natural = [ui.button_w(t, 120) for _b, t in answers]
        if len(answers) == 1:
            natural = [max(300, natural[0])]
        for w, tight in ((1000, False), (SCREEN_W - 40, False), (SCREEN_W - 40, True)):
            inner = w - 72
            rows = self.content_rows(w, tight)
            content_h = sum(h for h, _p in rows)
            if answers:
                if len(answers) > 1 and max(natural) * len(answers) + gap * (len(answers) - 1) <= inner:
                    widths = [(inner - gap * (len(answers) - 1)) // len(answers)] * len(answers)
                else:
                    widths = [min(n, inner) for n in natural]
                brects = flow_rects(widths, bh, pygame.Rect(0, 0, inner, SCREEN_H), gap=gap)
                buttons_h = max(r.bottom for r in brects) + 20
            else:
                brects, buttons_h = [], 0
            h = 26 + content_h + buttons_h + 22
            if h <= SCREEN_H - 20:
                break
        h = max(h, min(470, SCREEN_H - 20))
        self.rect = pygame.Rect(0, 0, w, h)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 10)
        self.rect.top = max(10, min(self.rect.top, SCREEN_H - 10 - h))
        r = self.rect
        self.rows = rows
        self.content_top = r.y + 26
        y = r.bottom - 22 - (buttons_h - 20 if answers else 0)
        for (bid, text), rect in zip(answers, brects):
            self.add_button(bid, text, rect.move(r.x + 36, y))
        if self.stage == "rate":
            top = self.content_top + sum(hh for hh, _p in rows[:self.picker_row])
            start = self.picker.cursor if self.picker is not None else 5     # not the guess: no anchoring
            self.picker = ScalePicker(pygame.Rect(r.x + 40, top, r.w - 80, scale.row_height(ui, icons=False)),
                                      word=enjoy_word, ends=ENJOY_ENDS,
                                      start=start)

    def content_rows(self, w: int, tight: bool = False) -> list[tuple[int, Callable[[pygame.Surface, int], None]]]:
        """This stage's content, top to bottom: (height, paint(surface, y)). ``tight`` (very big text):
        closer lines, and what the player saw a step before is not repeated (the question's kicker
        and the guess, which the feedback shows again)."""
        ui = self.ui
        small, body, bold = ui.font("small"), ui.font("body"), ui.font("body", bold=True)
        title = ui.font("title", bold=True)
        inner = w - 72
        rows: list[tuple[int, Callable]] = []

        def text_rows(font, text: str, width: int, colour: str | None, dx: int = 36, gap: float = 1.25,
                      shadow: bool = False, after: int = 0) -> tuple[int, Callable]:
            lines = draw.wrap(font, text, width)
            lh = int(font.get_linesize() * (min(gap, 1.12) if tight and gap > 1.0 else gap))

            def paint(surface, y, L=lines):
                for i, line in enumerate(L):
                    draw.text(surface, font, line, (self.rect.x + dx, y + i * lh), colour, shadow=shadow)
            return lh * len(lines) + after, paint

        if self.stage == "summary":
            s = self.plan.summary()
            rows.append(text_rows(small, _("Your week"), inner, COLOURS["muted"], after=2))
            rows.append(text_rows(title, _("Thanks for telling me"), inner, None, gap=1.0, shadow=True, after=20))
            counts = tr("Done: {done}   ·   Partly: {partly}   ·   Not yet: {not_yet}", done=s.done, partly=s.partly,
                        not_yet=s.not_yet)
            rows.append(text_rows(bold, counts, inner, COLOURS["focus"], shadow=True, after=14))
            rows.append(text_rows(body, s.message, inner, None, gap=1.35))
            return rows
        act = self.activity()
        kicker = tr("How did your plan go?  ({number} of {total})", number=self.index + 1, total=len(self.items))
        if not (tight and self.stage == "feedback"):
            rows.append(text_rows(small, kicker, inner, COLOURS["muted"], after=8))
        # the activity: its picture, its name and when it was planned
        when = day_name(self.plan, self.item.day_offset) if self.plan.day_date(self.item.day_offset) == local_date(self.ctx.clock) \
            else weekday_name(self.plan, self.item.day_offset)
        planned = tr("Planned for {day}.", day=when)
        if self.item.predicted is not None and not (tight and self.stage != "ask"):
            planned += " " + tr("You guessed you'd enjoy it {value}/10.", value=self.item.predicted)
        text_w = inner - 114
        name_h, name_paint = text_rows(title, act.text if act else self.item.activity_id, text_w, None, dx=150,
                                       gap=1.0, shadow=True, after=4)
        when_h, when_paint = text_rows(body, planned, text_w, COLOURS["muted"], dx=150, gap=1.2)
        if tight and self.stage == "feedback":
            when_h, when_paint = 0, (lambda surface, y: None)
        pic = icon(act.picture, 96) if act else None

        def paint_head(surface, y):
            if pic is not None:
                surface.blit(pic, (self.rect.x + 36, y))
            name_paint(surface, y + 6)
            when_paint(surface, y + 6 + name_h)
        rows.append((max(96, 6 + name_h + when_h) + 22, paint_head))
        if self.stage == "ask":
            rows.append(text_rows(body, _("Did you get to do it? Any answer is fine."), inner, None, gap=1.35,
                                  shadow=True))
        elif self.stage == "rate":
            rows.append(text_rows(bold, _("How much did you actually enjoy it?"), inner, None, shadow=True, after=10))
            self.picker_row = len(rows)
            rows.append((picker_extent(ui, scale.row_height(ui, icons=False)) + 14,
                         lambda surface, y: self.picker.draw(surface, ui)))
            rows.append(text_rows(small, _("Click a number, or use the arrow keys and Enter. Esc goes back."), inner,
                                  COLOURS["muted"]))
        elif self.feedback is not None:
            fb = self.feedback
            if fb.gap is not None:
                line = tr("You guessed {guess}/10  ·  It was {actual}/10", guess=fb.gap.predicted, actual=fb.gap.actual)
                rows.append(text_rows(bold, line, inner, COLOURS["focus"], shadow=True, after=8))
                bar_h = max(22, small.get_linesize())
                label_w = max(small.size(_("guess"))[0], small.size(_("actual"))[0]) + 16
                rows.append(((1 if tight else 2) * bar_h + 16, lambda surface, y, p=fb.gap.predicted, a=fb.gap.actual:
                             self.draw_gap_bars(surface, p, a, pygame.Rect(self.rect.x + 36, y, inner, 2 * bar_h), bar_h,
                                                max(80, label_w), side_by_side=tight)))
            rows.append(text_rows(body, fb.message, inner, None, gap=1.35))
        return rows

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if self.stage == "rate":
            if action.kind is A.CANCEL:
                self.set_stage("ask")
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
                self.app.audio.play("confirm")
                self.set_stage("rate")
            elif button_id == "not_yet":
                self.answer("not_yet", None)
        elif button_id == "next":
            if self.stage == "summary":
                self.close()
                return
            if self.index + 1 < len(self.items):
                self.index += 1
                self.set_stage("ask")
            elif len(self.items) > 1:
                self.set_stage("summary")
            else:
                self.close()

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
        self.set_stage("feedback")

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

    # ---------------------------------------------------------------- draw
    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 150)
        draw.panel(surface, self.rect)
        y = self.content_top
        for h, paint in self.rows:
            paint(surface, y)
            y += h

    def draw_gap_bars(self, surface: pygame.Surface, predicted: int, actual: int, rect: pygame.Rect,
                      row_h: int = 22, label_w: int = 80, side_by_side: bool = False) -> None:
        """The guess and the actual enjoyment as two bars, one under the other (or side by side)."""
        small = self.ui.font("small")
        for i, (label, v, colour) in enumerate(((_("guess"), predicted, COLOURS["muted"]), (_("actual"), actual, COLOURS["good"]))):
            y = rect.y + (0 if side_by_side else i * row_h)
            half = (rect.w - 30) // 2
            x, bar_w = (rect.x + i * (half + 30), half) if side_by_side else (rect.x, rect.w)
            draw.text(surface, small, label, (x, y + row_h // 2 - small.get_linesize() // 2 - 2), colour, shadow=False)
            full = pygame.Rect(x + label_w, y + row_h // 2 - 7, bar_w - label_w, 14)
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
