"""Level 6 ally board: place kinds of people around yourself, by the help they could give.

Rules: ``game.mechanics.allies``. Content: the level's ``allies:`` section. Only kinds of people
("a friend", "a teacher") are placed — never a name, and nothing is typed. ``ally_map_saved`` logs
counts only.

Controls: pick a person (click, or arrows + Enter), then a kind of help (click, or Enter): that
places them there, or takes them away if they are there already. Dragging a person onto a kind of
help works too.
"""
from __future__ import annotations

import pygame

from game.i18n import N_, _, tr
from game.input.actions import A, Action, pointer_pos
from game.mechanics.allies import MAX_PER_NEED, AllyError, AllyMap, latest_ally_map
from game.mechanics.mood import local_date
from game.scenes.practice import CONTENT_TOP, FOOTER_Y, PANEL, PracticeScene, fit_lines, rendered, split_rows, text_lines
from game.ui import draw
from game.ui.draw import hex_rgb
from game.ui.theme import COLOURS

PALETTE = pygame.Rect(PANEL.x + 32, CONTENT_TOP, 420, FOOTER_Y - CONTENT_TOP - 16)
MAP = pygame.Rect(PALETTE.right + 28, CONTENT_TOP, PANEL.right - 32 - PALETTE.right - 28, PALETTE.h)
GAP_X, GAP_Y = 96, 16
NEED_COLOURS = {"talk": "#D08CFF", "school": "#FFC94A", "fun": "#7BD389", "serious": "#7FB8FF"}


class AllyMapScene(PracticeScene):
    name = "ally_map"

    def __init__(self, app, play=None, key=None, on_finish=None) -> None:
        super().__init__(app, play, key, on_finish)
        content = play.level.content
        self.content = content.allies
        spot = content.practice.get(key) if key else None
        self.title = spot.title if spot else N_("My allies")
        journal = self.ctx.profile.data.get("journal", []) if self.ctx.profile is not None else []
        self.map = latest_ally_map(journal) or AllyMap()
        self.types = {t.id: t for t in self.content.types}
        self.needs = [n for n in self.content.needs]
        self.holding: str | None = None
        self.nudged: str | None = None
        self.saved = False

    # ---------------------------------------------------------------- layout
    def zone_rects(self) -> dict[str, pygame.Rect]:
        w = (MAP.w - GAP_X) // 2
        h = (MAP.h - GAP_Y) // 2
        out = {}
        for i, n in enumerate(self.needs[:4]):
            col, row = i % 2, i // 2
            out[n.id] = pygame.Rect(MAP.x + col * (w + GAP_X), MAP.y + row * (h + GAP_Y), w, h)
        return out

    def build(self) -> None:
        self.frame()
        if self.saved:
            self.footer([("finish", _("Finish"), 200)])
            self.focus("finish")
            return
        for t, r in zip(self.content.types, split_rows(PALETTE, len(self.content.types), 2, gap=12)):
            self.card_slot(f"type:{t.id}", r)
        for nid, r in self.zone_rects().items():
            self.card_slot(f"need:{nid}", r)
        self.footer([("leave", _("Leave for now"), 220), ("save", _("Save anyway") if self.nudged else _("Save my map"), 220)])
        self.focus(f"type:{self.holding}" if self.holding else None)

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if action.kind is A.POINTER_DOWN and not self.saved:
            pos = pointer_pos(action)
            for s in self.slots:
                if s.key.startswith("type:") and pos is not None and s.rect.collidepoint(pos):
                    self.hold(s.key.split(":", 1)[1])
                    self.focus(s.key)
                    return True
            return True
        return super().handle(action)

    def hold(self, type_id: str) -> None:
        if self.holding != type_id:
            self.holding = type_id
            self.app.audio.play("move")
            self.say(f"{self.types[type_id].label}: now pick the kind of help they could give.", COLOURS["text"])

    def activate(self, key: str) -> None:
        kind, _sep, value = key.partition(":")
        if key == "leave":
            self.leave()
        elif key == "finish":
            self.finish()
        elif key == "save":
            self.save()
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
            self.say(tr("{person}: {need}.", person=label, need=need.lower()) if placed
                     else tr("{person} taken away from {need}.", person=label, need=need.lower()),
                     COLOURS["good"] if placed else COLOURS["muted"])

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
        if self.ctx.profile is not None:
            self.ctx.profile.data.setdefault("journal", []).append(self.map.journal_entry(local_date(self.ctx.clock)))
        self.ctx.checkpoint()
        self.app.audio.play("right")
        self.saved = True
        self.holding = None
        self.say("")
        self.build()

    def on_cancel(self) -> None:
        if self.saved:
            self.finish()
        elif self.holding is not None:
            self.holding = None
            self.say("")
        else:
            self.leave()

    # ---------------------------------------------------------------- drawing
    def draw_body(self, surface: pygame.Surface) -> None:
        self.draw_header(surface, self.content.privacy, self.content.done if self.saved else self.content.intro)
        if self.saved:
            self.draw_map(surface, pygame.Rect(PANEL.x + 160, CONTENT_TOP, PANEL.w - 320, MAP.h - 20), live=False)
            return
        for t in self.content.types:
            n = self.map.count_by_type()[t.id]
            state = "chosen" if self.holding == t.id else ""
            self.draw_card(surface, f"type:{t.id}", t.label, state, icon_name=t.icon, max_lines=2, font_px=19, mark=False)
            if n:   # how many kinds of help this person is placed for
                r = self.slot(f"type:{t.id}").rect
                c = (r.right - 16, r.y + 16)
                pygame.draw.circle(surface, hex_rgb(COLOURS["good"]), c, 12)
                img = rendered(self.ui.font(15, bold=True), str(n), "#1C1630")
                surface.blit(img, img.get_rect(center=c))
        self.draw_map(surface, MAP, live=True)

    def draw_map(self, surface: pygame.Surface, area: pygame.Rect, live: bool) -> None:
        rects = self.zone_rects()
        if not live:   # the saved map, centred and a little smaller
            ox, oy = area.centerx - MAP.centerx, area.y - MAP.y
            rects = {k: r.move(ox, oy) for k, r in rects.items()}
        small, label_font = self.ui.font(16), self.ui.font("small", bold=True)
        for n in self.needs[:4]:
            r = rects[n.id]
            key = f"need:{n.id}"
            focused = live and self.focus_key == key
            colour = NEED_COLOURS.get(n.id, COLOURS["panel_border"])
            pygame.draw.rect(surface, hex_rgb("#241B38" if not focused else "#33284F"), r, border_radius=16)
            pygame.draw.rect(surface, hex_rgb(COLOURS["focus"] if focused else colour), r,
                             width=4 if focused else 2, border_radius=16)
            surface.blit(rendered(label_font, n.label, colour), (r.x + 16, r.y + 12))
            placed = self.map.placements[n.id]
            chips = split_rows(pygame.Rect(r.x + 12, r.y + 44, r.w - 24, 3 * 40 + 2 * 8), 6, 2, gap=8, row_h=40)
            for tid, c in zip(placed, chips):
                pygame.draw.rect(surface, hex_rgb("#3F3160"), c, border_radius=10)
                t = self.types.get(tid)
                x = c.x + 8
                if t is not None and t.icon:
                    from game.ui.scale import icon

                    pic = icon(t.icon, 28)
                    if pic is not None:
                        surface.blit(pic, pic.get_rect(midleft=(c.x + 6, c.centery)))
                        x = c.x + 40
                lines = fit_lines(small, t.label if t else tid, c.right - 6 - x, 2)
                lh = small.get_linesize()
                y = c.centery - lh * len(lines) // 2
                for line in lines:
                    surface.blit(rendered(small, line, COLOURS["text"]), (x, y))
                    y += lh
            if not placed and live:
                text_lines(surface, small, _("Nobody yet"), pygame.Rect(r.x + 16, r.y + 52, r.w - 32, 24), COLOURS["muted"], 1)
        # "You" in the middle of the four kinds of help
        rs = [rects[n.id] for n in self.needs[:4]]
        cx = (rs[0].right + rs[1].left) // 2 if len(rs) > 1 else area.centerx
        cy = (rs[0].bottom + rs[2].top) // 2 if len(rs) > 2 else rs[0].centery
        pygame.draw.circle(surface, hex_rgb(COLOURS["focus"]), (cx, cy), 40)
        pygame.draw.circle(surface, hex_rgb("#1C1630"), (cx, cy), 40, width=3)
        img = rendered(self.ui.font("body", bold=True), _("You"), "#2B2140")
        surface.blit(img, img.get_rect(center=(cx, cy)))
