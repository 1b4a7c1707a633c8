"""Level 6 ally board: place kinds of people around yourself, by the help they could give.

Rules: ``game.mechanics.allies``. Content: the level's ``allies:`` section. Only kinds of people
("a friend", "a teacher") are placed — never a name, and nothing is typed. ``ally_map_saved`` logs
counts only.

Controls: pick a person (click, or arrows + Enter), then a kind of help (click, or Enter): that
places them there, or takes them away if they are there already. Dragging a person onto a kind of
help works too.

When the people and the map don't both fit on the screen (big text), the board shows them one
after the other: pick a person, then (on a second view) the kinds of help for them; « Back or Esc
goes back to the people.
"""
from __future__ import annotations

import pygame

from game.i18n import N_, _, tr
from game.input.actions import A, Action, pointer_pos
from game.mechanics.allies import MAX_PER_NEED, AllyError, AllyMap, latest_ally_map
from game.mechanics.mood import local_date
from game.scenes.practice import Block, PracticeScene, cached_icon, draw_mark, fit_lines, lines_h, rendered, split_rows, wrap
from game.ui.draw import hex_rgb
from game.ui.theme import COLOURS

PALETTE_W = 420               # the people, left of the map (one-screen layout)
GAP_X, GAP_Y = 96, 16         # between the kinds of help ("You" sits in the middle)
NEED_COLOURS = {"talk": "#D08CFF", "school": "#FFC94A", "fun": "#7BD389", "serious": "#7FB8FF"}


class AllyMapScene(PracticeScene):
    name = "ally_map"
    content_section = "allies"
    default_title = N_("My allies")

    def __init__(self, app, play=None, key=None, on_finish=None) -> None:
        super().__init__(app, play, key, on_finish)
        self.map = latest_ally_map(self.journal()) or AllyMap()
        self.types = {t.id: t for t in self.content.types}
        self.needs = [n for n in self.content.needs][:4]
        self.holding: str | None = None
        self.nudged: str | None = None
        self.saved = False
        self.split = False          # people and kinds of help on two views (big text)
        self.palette = pygame.Rect(0, 0, 0, 0)
        self.map_rect = pygame.Rect(0, 0, 0, 0)

    # ---------------------------------------------------------------- words
    def header_texts(self) -> tuple[str, str]:
        if self.saved:
            return self.content.privacy, self.content.done
        if self.split and self.holding is not None:
            return (self.types[self.holding].label,
                    _("Now pick the kind of help they could give. Pick it again to take them away."))
        return self.content.privacy, self.content.intro

    def hold_text(self, type_id: str) -> str:
        return tr("{person}: now pick the kind of help they could give.", person=self.types[type_id].label)

    def message_samples(self) -> list[str]:
        """Room for "<person>: <kind of help>." (and, on one screen, "<person>: now pick ...")."""
        if self.saved or (self.split and self.holding is None):
            return []
        longest = max(self.types, key=lambda t: len(self.types[t].label))
        need = max(self.needs, key=lambda n: len(n.label)).label.lower()
        placed = tr("{person}: {need}.", person=self.types[longest].label, need=need)
        return [placed] if self.split else [placed, self.hold_text(longest)]

    def buttons_for_step(self) -> list[tuple]:
        if self.saved:
            return [("finish", _("Finish"), 200)]
        save = ("save", _("Save anyway") if self.nudged else _("Save my map"), 220, [_("Save my map"), _("Save anyway")])
        if self.split and self.holding is not None:
            return [("people", _("« Back"), 160), save]
        return [("leave", _("Leave for now"), 220), save]

    # ---------------------------------------------------------------- sizes
    def type_col_w(self, width: int, cols: int) -> int:
        return (width - 12 * (cols - 1)) // cols

    def type_h(self, width: int, pad: int = 6) -> int:
        """Height of a person card ``width`` wide (the longest label decides, so rows are even)."""
        return max(self.card_h(t.label, width, 19, icon=True, mark=False, pad=pad) for t in self.content.types)

    def chip_font(self) -> pygame.font.Font:
        return self.sized(16)

    def chip_h(self) -> int:
        return max(40, 2 * self.chip_font().get_linesize() - 4)      # two short lines of a label

    def zone_label_w(self, width: int) -> int:
        return width - 32 - (40 if self.split else 0)     # two-view cards: room for a tick

    def zone_label_h(self, width: int) -> int:
        return max(lines_h(self.ui.font("small", bold=True), n.label, self.zone_label_w(width), 1.0) for n in self.needs)

    def you_radius(self) -> int:
        return max(40, self.ui.font("body", bold=True).size(_("You"))[0] // 2 + 12)

    def fits_single(self) -> bool:
        """People (two columns) and the map side by side, as at 100 % text."""
        room = self.content_room(self.buttons_for_step()) - 4
        rows = (len(self.content.types) + 1) // 2
        if rows * self.type_h(self.type_col_w(PALETTE_W, 2)) + (rows - 1) * 12 > room:
            return False
        map_w = self.content_w() - PALETTE_W - 28
        zone_w = (map_w - GAP_X) // 2
        chips = 3 * self.chip_h() + 2 * 8
        zone = 12 + self.zone_label_h(zone_w) + 8 + chips + 8
        return 2 * zone + GAP_Y <= room and self.you_radius() * 2 + 8 <= GAP_X

    def names_text(self, need_id: str) -> str:
        placed = self.map.placements[need_id]
        return ", ".join(self.types[t].label if t in self.types else t for t in placed) if placed else _("Nobody yet")

    def zone_card_h(self, width: int) -> int:
        """A kind of help as a card (two-view layout): its name and who is there, wrapped."""
        small = self.ui.font("small")
        return max(12 + self.zone_label_h(width) + 6 + lines_h(small, self.names_text(n.id), width - 32, 1.0) + 14
                   for n in self.needs)

    # ---------------------------------------------------------------- layout
    def build(self) -> None:
        self.split = False
        self.frame()
        if not self.saved and not self.fits_single():
            self.split = True
            if self.holding is not None:
                self.frame()            # the second view has its own header
        buttons = self.buttons_for_step()
        if self.saved:
            self.lay_out(buttons, self.map_blocks(live=False))
            self.focus("finish")
            return
        if not self.split:
            room = self.content_room(buttons)
            self.lay_out(buttons, [Block(room, self.place_single, key="board",
                                         keys=[f"type:{t.id}" for t in self.content.types])])
            self.focus(f"type:{self.holding}" if self.holding else None)
            return
        if self.holding is None:        # view 1: the people
            w = self.content_w()
            cols = 2 if self.type_h(self.type_col_w(w, 2), pad=8) <= self.type_h(self.type_col_w(w, 1), pad=8) * 2 + 12 else 1
            keys = [f"type:{t.id}" for t in self.content.types]
            self.lay_out(buttons, self.grid_blocks(keys, cols, self.type_h(self.type_col_w(w, cols), pad=8), 12),
                         show=self.focus_key if self.focus_key in keys else None)
            self.focus(self.focus_key if self.focus_key in keys else None)
        else:                           # view 2: the kinds of help for the person picked
            keys = [f"need:{n.id}" for n in self.needs]
            self.lay_out(buttons, self.map_blocks(live=True), show=self.focus_key if self.focus_key in keys else None)
            self.focus(self.focus_key if self.focus_key in keys else None)

    def place_single(self, area: pygame.Rect) -> None:
        self.palette = pygame.Rect(area.x, area.y, PALETTE_W, area.h - 4)
        self.map_rect = pygame.Rect(self.palette.right + 28, area.y, area.right - self.palette.right - 28, self.palette.h)
        for t, r in zip(self.content.types, split_rows(self.palette, len(self.content.types), 2, gap=12)):
            self.card_slot(f"type:{t.id}", r)
        for nid, r in self.zone_rects(self.map_rect).items():
            self.card_slot(f"need:{nid}", r)

    def zone_rects(self, area: pygame.Rect) -> dict[str, pygame.Rect]:
        """The four kinds of help, two by two, with room for "You" in the middle."""
        w = (area.w - GAP_X) // 2
        h = (area.h - GAP_Y) // 2
        return {n.id: pygame.Rect(area.x + (i % 2) * (w + GAP_X), area.y + (i // 2) * (h + GAP_Y), w, h)
                for i, n in enumerate(self.needs)}

    def map_blocks(self, live: bool) -> list[Block]:
        """The map as blocks: the one-screen picture (centred, as saved at 100 %) when it fits, else
        the kinds of help as cards, two to a row (one when the text is very big)."""
        if not live and self.fits_single():
            room = self.content_room(self.buttons_for_step())
            map_w = self.content_w() - PALETTE_W - 28

            def place(r: pygame.Rect) -> None:
                self.map_rect = self.rects["board"] = pygame.Rect(r.centerx - map_w // 2, r.y, map_w, r.h)
            return [Block(room - 24, place, key="board")]
        w = self.content_w()
        cols = 2 if (w - 12) // 2 >= 380 else 1
        cw = (w - 12 * (cols - 1)) // cols
        h = self.zone_card_h(cw)
        keys = [f"need:{n.id}" for n in self.needs]
        if live:
            return self.grid_blocks(keys, cols, h, 12)
        out = []
        for i in range(0, len(keys), cols):
            row = self.needs[i:i + cols]

            def place_row(r: pygame.Rect, row=row) -> None:
                for n, cr in zip(row, split_rows(r, cols, cols, gap=12)):
                    self.rects[f"zone:{n.id}"] = cr
            out.append(Block(h, place_row, key=f"zones:{i}"))
        return out

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if action.kind is A.POINTER_DOWN and not self.saved:
            if self.split:      # a click picks (on release): the view changes under the pointer
                return True
            pos = pointer_pos(action)
            for s in self.slots:
                if s.key.startswith("type:") and pos is not None and s.rect.collidepoint(pos):
                    self.hold(s.key.split(":", 1)[1])
                    self.focus(s.key)
                    return True
            return True
        return super().handle(action)

    def way_to(self, key: str) -> str | None:
        if self.split and self.holding is not None and key.startswith("type:"):
            return "people"
        return super().way_to(key)

    def hold(self, type_id: str) -> None:
        if self.holding == type_id:
            return
        self.holding = type_id
        self.app.audio.play("move")
        if self.split:
            self.say("")
            self.page = 0
            self.show = f"need:{self.needs[0].id}"      # open on the kinds of help (the header says who)
            self.build()
            self.focus(None)
        else:
            self.say(self.hold_text(type_id), COLOURS["text"])

    def put_down(self) -> None:
        """Back to the people (nobody held)."""
        held, self.holding = self.holding, None
        self.say("")
        if self.split:
            self.app.audio.play("back")
            self.page = 0
            self.build()
            self.focus(f"type:{held}" if held else None)

    def activate(self, key: str) -> None:
        kind, _sep, value = key.partition(":")
        if key == "save":
            self.save()
        elif key == "people":
            self.put_down()
        elif kind == "type":
            self.hold(value)
        elif kind == "need":
            if self.holding is None:
                self.say(_("First pick a person on the left."), COLOURS["warn"])
                return
            label = self.types[self.holding].label
            need = next(n.label for n in self.needs if n.id == value)
            try:
                placed = self.map.toggle(value, self.holding)
            except AllyError:
                self.say(tr("That part is full ({n} people). Take someone away first.", n=MAX_PER_NEED), COLOURS["warn"])
                self.app.audio.play("wrong")
                return
            self.app.audio.play("confirm" if placed else "back")
            self.nudged = None
            if "save" in self.buttons:
                self.buttons["save"].set_text(_("Save my map"))
            if self.split:
                self.build()        # the card grows with the names in it
                self.focus(key)
            self.say(tr("{person}: {need}.", person=label, need=need.lower()) if placed
                     else tr("{person} taken away from {need}.", person=label, need=need.lower()),
                     COLOURS["good"] if placed else COLOURS["muted"])
        else:
            super().activate(key)

    def save(self) -> None:
        nudge = self.map.nudge()
        if nudge == "empty":
            self.say(self.content.nudge_empty, COLOURS["warn"])
            self.app.audio.play("wrong")
            return
        if nudge == "serious" and self.nudged != "serious":
            self.nudged = "serious"
            self.say(self.content.nudge_serious, COLOURS["warn"])
            self.buttons["save"].set_text(_("Save anyway"))
            return
        self.ctx.bus.publish("ally_map_saved", **self.map.payload())
        self.keep_in_journal(self.map.journal_entry(local_date(self.ctx.clock)))
        self.ctx.checkpoint()
        self.app.audio.play("right")
        self.saved = True
        self.holding = None
        self.page = 0
        self.say("")
        self.build()

    def on_cancel(self) -> None:
        if self.saved:
            self.finish()
        elif self.holding is not None:
            self.put_down()
        else:
            self.leave()

    # ---------------------------------------------------------------- drawing
    def draw_body(self, surface: pygame.Surface) -> None:
        if self.saved:
            if "board" in self.rects:
                self.draw_map(surface, self.zone_rects(self.map_rect), live=False)
            else:
                self.draw_zone_cards(surface, {n.id: self.rects.get(f"zone:{n.id}") for n in self.needs}, live=False)
            return
        counts = self.map.count_by_type()
        badge_font = self.sized(15, bold=True)
        for t in self.content.types:
            s = self.slot(f"type:{t.id}")
            if s is None:
                continue
            state = "chosen" if self.holding == t.id else ""
            self.draw_card(surface, s.key, t.label, state, icon_name=t.icon, font_px=19, mark=False)
            n = counts[t.id]
            if n:   # how many kinds of help this person is placed for
                radius = max(12, badge_font.get_height() // 2 + 2)
                c = (s.rect.right - radius - 4, s.rect.y + radius + 4)
                pygame.draw.circle(surface, hex_rgb(COLOURS["good"]), c, radius)
                img = rendered(badge_font, str(n), "#1C1630")
                surface.blit(img, img.get_rect(center=c))
        if self.split:
            self.draw_zone_cards(surface, {n.id: getattr(self.slot(f"need:{n.id}"), "rect", None) for n in self.needs},
                                 live=True)
        else:
            self.draw_map(surface, self.zone_rects(self.map_rect), live=True)

    def draw_zone(self, surface: pygame.Surface, n, r: pygame.Rect, live: bool) -> int:
        """The frame and name of a kind of help; returns the y under the name."""
        key = f"need:{n.id}"
        focused = live and self.focus_key == key
        colour = NEED_COLOURS.get(n.id, COLOURS["panel_border"])
        held_here = live and self.holding is not None and self.holding in self.map.placements[n.id]
        pygame.draw.rect(surface, hex_rgb("#33284F" if focused else "#2C3A33" if held_here and self.split else "#241B38"),
                         r, border_radius=16)
        pygame.draw.rect(surface, hex_rgb(COLOURS["focus"] if focused else colour), r, width=4 if focused else 2,
                         border_radius=16)
        if held_here and self.split:
            draw_mark(surface, (r.right - 26, r.y + 26), True)
        label_font = self.ui.font("small", bold=True)
        y = r.y + 12
        for line in wrap(label_font, n.label, self.zone_label_w(r.w)):
            surface.blit(rendered(label_font, line, colour), (r.x + 16, y))
            y += label_font.get_linesize()
        return y

    def draw_map(self, surface: pygame.Surface, rects: dict[str, pygame.Rect], live: bool) -> None:
        """The one-screen map: four kinds of help around "You", people as chips."""
        small = self.chip_font()
        chip_h = self.chip_h()
        for n in self.needs:
            r = rects[n.id]
            y = self.draw_zone(surface, n, r, live)
            placed = self.map.placements[n.id]
            chips = split_rows(pygame.Rect(r.x + 12, y + 8, r.w - 24, 3 * chip_h + 2 * 8), 6, 2, gap=8, row_h=chip_h)
            for tid, c in zip(placed, chips):
                pygame.draw.rect(surface, hex_rgb("#3F3160"), c, border_radius=10)
                t = self.types.get(tid)
                x = c.x + 8
                if t is not None and t.icon:
                    pic = cached_icon(t.icon, 28)
                    if pic is not None:
                        surface.blit(pic, pic.get_rect(midleft=(c.x + 6, c.centery)))
                        x = c.x + 40
                lines = fit_lines(small, t.label if t else tid, c.right - 6 - x, 2)
                lh = small.get_linesize()
                ly = c.centery - lh * len(lines) // 2
                for line in lines:
                    surface.blit(rendered(small, line, COLOURS["text"]), (x, ly))
                    ly += lh
            if not placed and live:
                surface.blit(rendered(small, fit_lines(small, _("Nobody yet"), r.w - 32, 1)[0], COLOURS["muted"]),
                             (r.x + 16, y + 8))
        # "You" in the middle of the four kinds of help
        rs = [rects[n.id] for n in self.needs]
        if len(rs) < 2:
            return
        cx = (rs[0].right + rs[1].left) // 2
        cy = (rs[0].bottom + rs[2].top) // 2 if len(rs) > 2 else rs[0].centery
        radius = self.you_radius()
        pygame.draw.circle(surface, hex_rgb(COLOURS["focus"]), (cx, cy), radius)
        pygame.draw.circle(surface, hex_rgb("#1C1630"), (cx, cy), radius, width=3)
        img = rendered(self.ui.font("body", bold=True), _("You"), "#2B2140")
        surface.blit(img, img.get_rect(center=(cx, cy)))

    def draw_zone_cards(self, surface: pygame.Surface, rects: dict[str, pygame.Rect | None], live: bool) -> None:
        """The kinds of help as cards (two-view layout and the saved map at big text): who is there, in words."""
        small = self.ui.font("small")
        for n in self.needs:
            r = rects.get(n.id)
            if r is None:
                continue
            y = self.draw_zone(surface, n, r, live)
            placed = self.map.placements[n.id]
            colour = COLOURS["text"] if placed else COLOURS["muted"]
            for line in wrap(small, self.names_text(n.id), r.w - 32):
                surface.blit(rendered(small, line, colour), (r.x + 16, y + 6))
                y += small.get_linesize()
