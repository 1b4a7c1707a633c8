"""The facilitator (teacher / counsellor) screen, behind the deployment's PIN (issue 6).

Reached from the title screen ("For teachers"). Page "pin" asks for the PIN (wrong tries get a
kind message and a growing wait, see ``GameContext.check_facilitator_pin``). Page "main" shows
class progress without answers, moods or nicknames (participant code, levels completed, last
played, sessions) and writes an encrypted export bundle to a folder (default: the data folder's
``exports``), with a clear result: the file, where it is, and the counts.

Every page lays itself out from the font metrics (``build``). When the main page does not fit
on one screen (big text), it becomes two views: the class progress ("table", as many rows per
page as fit) and the export ("export", opened with "Export research data"). A message that has
no room on the page is shown in a message box.
"""
from __future__ import annotations

import pygame

from game.i18n import _, tr
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.scenes.research import block_h, heading, paint_ops
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, flow_rects, help_rect

ROWS_PER_PAGE = 7          # at normal text size; fewer when the text is bigger
FOLDER_MAX = 240
MSG_GAP = 1.2              # line spacing of the messages under the export row


def _short_date(ts: str | None) -> str:
    if not ts:
        return "-"
    return ts[:10] + (" " + ts[11:16] if len(ts) >= 16 else "")


class FacilitatorScene(Scene):
    name = "facilitator"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), seed=23)
        pin_needed = bool(getattr(app.ctx.deployment, "pin_required", False)
                          or getattr(app.ctx.deployment, "facilitator_pin_hash", None))
        self.page = "pin" if pin_needed else "main"
        self.view = "table"        # with big text the main page is two views: "table" and "export"
        self.split = False
        self.open_without_pin = not pin_needed
        self.message = ""
        self.message_colour = draw.COLOURS["warn"]
        self.message_inline = True
        self.rows: list = []
        self.row_page = 0
        self.rows_per_page = ROWS_PER_PAGE
        self.entry = None
        self.folder_entry = None
        self.folder = str(app.ctx.data.exports)
        self.ops: list[tuple] = []
        self.panel_rect: pygame.Rect | None = None

    # ---------------------------------------------------------------- building
    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.rebuild()

    def clear_ui(self) -> None:
        self._keep_folder()
        self.entry = self.folder_entry = None
        super().clear_ui()

    def _keep_folder(self) -> None:
        if self.folder_entry is not None:
            self.folder = self.folder_entry.get_text().strip() or str(self.ctx.data.exports)

    def rebuild(self) -> None:
        self.clear_ui()
        self.build()

    def build(self) -> None:
        self.ops = []
        self.panel_rect = None
        if self.page == "pin":
            self.build_pin()
        else:
            self.build_main()

    def say(self, message: str, colour: str) -> None:
        """Show a message on the page, or in a message box when the page has no room for it."""
        from game.scenes.message import MessageScene

        self.message, self.message_colour = message, colour
        self.rebuild()
        if not self.message_inline:
            self.app.stack.push(MessageScene(self.app, message))

    # ---------------------------------------------------------------- page "pin"
    def build_pin(self) -> None:
        ui = self.ui
        body = ui.font("body")
        normal = ui.text_scale <= 1.0
        w = 840 if normal else SCREEN_W - 40
        text_w = w - 100
        title = _("For teachers and counsellors")
        explain = _("Type the facilitator PIN that was set for this computer "
                    "(in deployment.toml). Students don't need this screen.")
        items = [("back", _("Back")), ("unlock", _("Open"))]
        bh = ui.button_h(58)
        bw = max([300] + [ui.button_w(t) for _b, t in items])
        side = 2 * bw + 40 <= w - 80
        buttons_h = bh if side else 2 * bh + 16
        entry_h = max(64, ui.entry_h())
        th = heading(self, title, (SCREEN_W - w) // 2, 0, w, dry=True)
        expl_h = block_h(body, explain, text_w)

        def layout(message: str) -> dict | None:
            msg_h = block_h(body, message, text_w) if message else 0
            if normal:      # as it always was: the title above the panel, the parts at fixed places
                top = 40
                panel_y = max(120, top + th + 20)
                text_y = panel_y + 36
                entry_y = max(panel_y + 140, text_y + expl_h + 16)
                msg_y = max(panel_y + 222, entry_y + entry_h + 18)
                btn_y = max(panel_y + 350, msg_y + msg_h + 16)
                bottom = btn_y + buttons_h + 42
            else:           # big text: the title inside one tall panel
                top = 20
                panel_y = 10
                text_y = top + th + 14
                entry_y = text_y + expl_h + 14
                msg_y = entry_y + entry_h + 14
                btn_y = msg_y + msg_h + 14
                bottom = btn_y + buttons_h + 20
            if bottom > SCREEN_H - 8:
                return None
            return dict(top=top, panel_y=panel_y, text_y=text_y, entry_y=entry_y, msg_y=msg_y, btn_y=btn_y,
                        bottom=bottom, msg_h=msg_h)

        lay = layout(self.message)
        self.message_inline = lay is not None
        lay = lay or layout("")
        assert lay is not None, "the PIN page does not fit the screen"
        cx = SCREEN_W // 2
        self.panel_rect = pygame.Rect(cx - w // 2, lay["panel_y"], w, lay["bottom"] - lay["panel_y"])
        heading(self, title, cx - w // 2, lay["top"], w)
        self.ops.append(("block", body, explain, pygame.Rect(cx - text_w // 2, lay["text_y"], text_w, expl_h),
                         None, True))
        if self.message and self.message_inline:
            self.ops.append(("block", body, self.message,
                             pygame.Rect(cx - text_w // 2, lay["msg_y"], text_w, lay["msg_h"]),
                             self.message_colour, True))
        ew = min(440 if normal else 600, text_w)
        self.entry = self.track(ui.entry(pygame.Rect(cx - ew // 2, lay["entry_y"], ew, entry_h),
                                         object_id="#nickname", max_len=64))
        self.entry.set_text_hidden(True)
        self.entry.focus()
        by = lay["btn_y"]
        if side:
            rects = [pygame.Rect(cx - 20 - bw, by, bw, bh), pygame.Rect(cx + 20, by, bw, bh)]
        else:
            bw = min(bw, w - 80)
            rects = [pygame.Rect(cx - bw // 2, by, bw, bh), pygame.Rect(cx - bw // 2, by + bh + 16, bw, bh)]
        for (bid, text), rect in zip(items, rects):
            self.add_button(bid, text, rect)
        self.set_focus("unlock")

    # ---------------------------------------------------------------- page "main"
    def status_text(self) -> str:
        dep = self.ctx.deployment
        if self.ctx.research_on():
            return tr("Research study {study} is on. Exports are locked with key id {key}.",
                      study=getattr(dep, 'study_id', None) or '?', key=getattr(dep, 'key_id', None) or '?')
        return _("Research is off on this computer ([research] enabled = false), so there is nothing to export.")

    def warning_text(self) -> str | None:
        if self.ctx.persistence_risks:
            return _("This computer may wipe Glimmer's data at log-off or restart: export at the end "
                     "of every session.")
        if self.open_without_pin:
            return _("No PIN is set: anyone can open this screen. Set one with "
                     "`python main.py pin` ([facilitator] in deployment.toml).")
        return None

    def cells(self, row, n_levels: int) -> list[tuple[str, str]]:
        muted, text = draw.COLOURS["muted"], draw.COLOURS["text"]
        return [(row.participant_code or _("not in the study"), text if row.participant_code else muted),
                (tr("{n} of {total}", n=row.levels_completed, total=n_levels), text),
                (_short_date(row.last_played_utc), text), (str(row.sessions), text)]

    def columns(self, width: int, n_levels: int) -> tuple[list[int], list[list[str]], int]:
        """x of each column (from the table's left edge), each header's lines, and the lines in a
        row (1, or 2 with the time under the date). The columns sit where they always did when
        they fit; else they are as wide as their widest cell, with headers on two lines when they
        need to be, and the time under the date when even that is too wide."""
        ui = self.ui
        body, bold = ui.font("body"), ui.font("body", bold=True)
        headers = [_("Participant code"), _("Levels completed"), _("Last played (UTC)"), _("Sessions")]
        sample = [self.cells(r, n_levels) for r in self.rows] or [[("-", ""), ("", ""), ("", ""), ("", "")]]
        cell_w = [max(body.size(row[i][0])[0] for row in sample) for i in range(4)]
        cell_w[0] = max(cell_w[0], body.size(_("not in the study"))[0])
        full = [max(c, bold.size(h)[0]) for c, h in zip(cell_w, headers)]
        fixed = [0, 306, 536, 796]          # where the columns were always drawn (normal text)
        gap, lines = 24, 1
        if all(fixed[i] + full[i] + gap <= fixed[i + 1] for i in range(3)) and fixed[3] + full[3] <= width:
            return fixed, [[h] for h in headers], 1
        if sum(full) + 3 * gap <= width:
            widths = full
        else:
            word = [max(bold.size(w)[0] for w in h.split()) for h in headers]
            widths = [max(c, w) for c, w in zip(cell_w, word)]
            if sum(widths) + 3 * 20 > width:      # the time under the date
                lines = 2
                parts = [part for row in sample for part in row[2][0].split()] or ["-"]
                widths[2] = max(word[2], max(body.size(part)[0] for part in parts))
                # room to spare goes to that header first, so it needs no more than two lines
                words = headers[2].split()
                two = min((max(bold.size(" ".join(words[:k]))[0], bold.size(" ".join(words[k:]))[0])
                           for k in range(1, len(words))), default=widths[2])
                widths[2] += max(0, min(width - sum(widths) - 3 * 20, two - widths[2]))
            gap = max(20, min(gap, (width - sum(widths)) // 3))
        spare = max(0, width - sum(widths) - 3 * gap)
        gap += min(60, spare // 3)
        xs, x = [], 0
        for wd in widths:
            xs.append(x)
            x += wd + gap
        return xs, [draw.wrap(bold, h, widths[i]) for i, h in enumerate(headers)], lines

    def row_h(self, lines: int) -> int:
        return max(36, lines * self.ui.line_h("body") + 4 + (8 if lines > 1 else 0))

    def build_main(self) -> None:
        self.rows = self.ctx.class_progress()
        if not self.build_wide():
            self.clear_ui()
            self.ops = []
            self.split = True
            if self.view == "export":
                self.build_export_view()
            else:
                self.build_table_view()

    def title_row(self, back_texts: list[str]) -> tuple[int, str | None, pygame.Rect | None]:
        """The title, and the back button beside it when there is room: (row bottom, back text, rect)."""
        ui = self.ui
        hr = help_rect(self.app)
        top = 20 if ui.text_scale <= 1.0 else 12
        title = _("For teachers and counsellors")
        tw = ui.text_w(title, "title", True) + 16
        bh = ui.button_h(50)
        right = hr.x - 12
        room = right - (60 + tw + 24)
        back = None
        for text in back_texts:
            bw = ui.button_w(text, 300 if text == back_texts[0] else 0)
            if bw <= room:
                back = (text, pygame.Rect(right - bw, top - 4, bw, bh))
                break
        lh = ui.label_h("title", True)
        if back is not None:
            label_w = back[1].x - 20 - 60
            self.track(ui.label(title, pygame.Rect(60, top, label_w, lh), object_id="#title_label"))
            return max(top + lh, back[1].bottom), back[0], back[1]
        h = heading(self, title, 40, top, SCREEN_W - 80)
        return top + h, None, None

    def table_ops(self, x: int, y: int, width: int, rows_y_limit: int | None) -> tuple[int, int]:
        """Header and rows from ``y``; returns (bottom of the rows, rows per page that fit above
        ``rows_y_limit`` or ROWS_PER_PAGE when None)."""
        ui = self.ui
        bold = ui.font("body", bold=True)
        n_levels = max(7, len(self.ctx.levels))
        xs, head_lines, lines = self.columns(width, n_levels)
        blh = bold.get_linesize()
        for cx, head in zip(xs, head_lines):
            for i, line in enumerate(head):
                self.ops.append(("text", bold, line, (x + cx, y + i * blh), draw.COLOURS["focus"]))
        y += max(len(head) for head in head_lines) * blh + 8
        self.ops.append(("line", draw.COLOURS["muted"], (x - 4, y - 6), (x + width + 4, y - 6)))
        row_h = self.row_h(lines)
        per_page = ROWS_PER_PAGE if rows_y_limit is None else max(1, (rows_y_limit - y) // row_h)
        return y, per_page

    def rows_ops(self, x: int, y: int, width: int) -> int:
        ui = self.ui
        body = ui.font("body")
        n_levels = max(7, len(self.ctx.levels))
        xs, _head, lines = self.columns(width, n_levels)
        row_h = self.row_h(lines)
        pages = max(1, (len(self.rows) + self.rows_per_page - 1) // self.rows_per_page)
        self.row_page = min(self.row_page, pages - 1)
        shown = self.rows[self.row_page * self.rows_per_page:(self.row_page + 1) * self.rows_per_page]
        if not shown:
            self.ops.append(("text", body, _("No one has played on this computer yet."), (x, y), draw.COLOURS["muted"]))
        for row in shown:
            for i, (cx, (text, colour)) in enumerate(zip(xs, self.cells(row, n_levels))):
                for j, part in enumerate(text.split() if i == 2 and lines > 1 else [text]):
                    self.ops.append(("text", body, part, (x + cx, y + j * body.get_linesize()), colour))
            y += row_h
        return pages

    def summary(self, pages: int) -> str:
        in_study = sum(1 for row in self.rows if row.participant_code)
        out = tr("{n} profile(s), {in_study} in the study.", n=len(self.rows), in_study=in_study)
        if pages > 1:
            out += "  " + tr("Page {page} of {pages}.", page=self.row_page + 1, pages=pages)
        return out

    def build_wide(self) -> bool:
        """Everything on one page, as at normal text size. False when it doesn't fit."""
        ui = self.ui
        self.clear_ui()
        self.ops = []
        self.split = False
        small, body = ui.font("small"), ui.font("body")
        row_bottom, back_text, back_rect = self.title_row([_("Back to the title screen")])
        if back_rect is None:
            return False
        r = pygame.Rect(40, max(84, row_bottom + 10), SCREEN_W - 80, 440)
        x, width = r.x + 24, r.w - 48
        y = r.y + 14
        status, warning = self.status_text(), self.warning_text()
        lines = [(status, draw.COLOURS["muted"])] + ([(warning, draw.COLOURS["warn"])] if warning else [])
        for text, colour in lines:
            for line in draw.wrap(small, text, width):
                self.ops.append(("text", small, line, (x, y), colour))
                y += small.get_linesize() + 1
        xs, head_lines, lines = self.columns(width, max(7, len(self.ctx.levels)))
        if lines > 1 or any(len(h) > 1 for h in head_lines):
            return False
        rows_y, _n = self.table_ops(x, max(r.y + 76, y + 10), width, None)
        self.rows_per_page = ROWS_PER_PAGE
        row_h = self.row_h(1)
        bh_nav = ui.button_h(46)
        nav_y = max(r.y + 384, rows_y + ROWS_PER_PAGE * row_h + 10)
        r.h = nav_y + bh_nav + 10 - r.y
        pages = self.rows_ops(x, rows_y, width)
        summary = self.summary(pages)
        nav_w = max(200, ui.button_w(_("Previous")), ui.button_w(_("Next")))
        if ui.text_w(summary, "small") > r.w - 2 * (20 + nav_w + 16):
            return False
        self.ops.append(("text", small, summary, (SCREEN_W // 2, nav_y + bh_nav // 2), draw.COLOURS["muted"], True))
        # the export row under the panel, the message under it
        eh = 52 if ui.entry_h() <= 65 else ui.entry_h()
        ebw = max(320, ui.button_w(_("Export research data")))
        ebh = ui.button_h(56)
        save = _("Save to:")
        label_w = ui.text_w(save, "body")
        row_y = r.bottom + 14
        row_h2 = max(eh, ebh)
        entry_x = max(180, 60 + label_w + 16)
        entry_w = SCREEN_W - 60 - ebw - 20 - entry_x
        if entry_w < 300:
            return False
        msg_y = row_y + row_h2 + 4
        msg_h = block_h(small, self.message, SCREEN_W - 120, MSG_GAP) if self.message else 0
        if msg_y + small.get_linesize() > SCREEN_H - 4:      # the export row and a line of message
            return False
        self.message_inline = msg_y + msg_h <= SCREEN_H - 4
        self.panel_rect = r
        # widgets, in the order focus always went
        off: list[str] = []
        if pages > 1:
            self.add_button("prev", _("Previous"), pygame.Rect(60, nav_y, nav_w, bh_nav))
            self.add_button("next", _("Next"), pygame.Rect(SCREEN_W - 60 - nav_w, nav_y, nav_w, bh_nav))
            off += ["prev"] if self.row_page == 0 else []
            off += ["next"] if self.row_page >= pages - 1 else []
        self.folder_entry = self.track(ui.entry(pygame.Rect(entry_x, row_y + (row_h2 - eh) // 2, entry_w, eh),
                                                initial=self.folder, max_len=FOLDER_MAX))
        self.add_button("export", _("Export research data"),
                        pygame.Rect(SCREEN_W - 60 - ebw, row_y + (row_h2 - ebh) // 2, ebw, ebh))
        self.add_button("back", back_text, back_rect)
        self.ops.append(("text", body, save, (60, row_y + (row_h2 - body.get_linesize()) // 2), draw.COLOURS["text"]))
        if self.message and self.message_inline:
            self.ops.append(("block", small, self.message, pygame.Rect(60, msg_y, SCREEN_W - 120, msg_h),
                             self.message_colour, False, MSG_GAP))
        if not self.ctx.research_on():
            off.append("export")
        self.set_focus("back" if "export" in off else "export")
        for bid in off:  # after the focus is placed, so no select() redraws them as enabled
            self.buttons[bid].disable()
        return True

    def build_table_view(self, with_warning: bool = True) -> None:
        """Big text: the class progress, as many rows per page as fit; "Export research data"
        opens the export view (which repeats the warning, if any: here it gives way when it would
        leave room for fewer than three rows)."""
        ui = self.ui
        small = ui.font("small")
        bottom_margin = 12
        row_bottom, back_text, back_rect = self.title_row(
            [_("Back to the title screen"), _("Title screen"), _("Back")])
        r = pygame.Rect(20, row_bottom + 8, SCREEN_W - 40, 0)
        x, width = r.x + 24, r.w - 48
        y = r.y + 10
        warning = self.warning_text() if with_warning else None
        if warning:
            h = block_h(small, warning, width, MSG_GAP)
            self.ops.append(("block", small, warning, pygame.Rect(x, y, width, h), draw.COLOURS["warn"], False,
                             MSG_GAP))
            y += h + 6
        # the buttons at the bottom: previous / next, export, and back when it isn't beside the title
        bh = ui.button_h(52)
        items = [("prev", _("Previous")), ("next", _("Next")), ("to_export", _("Export research data"))]
        if back_rect is None:
            items.append(("back", _("Back to the title screen")))
        area = pygame.Rect(x, 0, width, SCREEN_H - bottom_margin)
        rects = flow_rects([ui.button_w(t, 200) for _b, t in items], bh, area, gap=16, align="bottom")
        buttons_top = min(rc.y for rc in rects)
        summary_h = block_h(small, self.summary(99), width, MSG_GAP)
        limit = buttons_top - 10 - summary_h - 8
        rows_y, per_page = self.table_ops(x, y + 6, width, limit)
        if with_warning and self.warning_text() and per_page < min(3, len(self.rows)):
            self.clear_ui()
            self.ops = []
            self.build_table_view(with_warning=False)
            return
        self.rows_per_page = per_page
        pages = self.rows_ops(x, rows_y, width)
        summary = self.summary(pages)
        self.ops.append(("block", small, summary, pygame.Rect(x, buttons_top - 10 - summary_h, width, summary_h),
                         draw.COLOURS["muted"], True, MSG_GAP))
        r.h = buttons_top - 10 - r.y
        self.panel_rect = r
        if pages <= 1:
            keep = [i for i, (bid, _t) in enumerate(items) if bid not in ("prev", "next")]
            items = [items[i] for i in keep]
            rects = flow_rects([ui.button_w(t, 200) for _b, t in items], bh, area, gap=16, align="bottom")
        for (bid, text), rect in zip(items, rects):
            self.add_button(bid, text, rect)
        if back_rect is not None:
            self.add_button("back", back_text, back_rect)
        self.set_focus("to_export")
        off = []
        if pages > 1:
            off += ["prev"] if self.row_page == 0 else []
            off += ["next"] if self.row_page >= pages - 1 else []
        for bid in off:
            self.buttons[bid].disable()

    def build_export_view(self) -> None:
        """Big text: where to save, the export button and its result."""
        ui = self.ui
        small, body = ui.font("small"), ui.font("body")
        row_bottom, _t, _r = self.title_row([])
        x, width = 44, SCREEN_W - 88
        y = row_bottom + 10
        for text, colour in ((self.status_text(), draw.COLOURS["muted"]), (self.warning_text(), draw.COLOURS["warn"])):
            if text:
                h = block_h(small, text, width, MSG_GAP)
                self.ops.append(("block", small, text, pygame.Rect(x, y, width, h), colour, False, MSG_GAP))
                y += h + 6
        y += 4
        save = _("Save to:")
        eh = ui.entry_h()
        label_w = ui.text_w(save, "body")
        if label_w + 16 + 360 <= width:           # the label beside the folder
            self.ops.append(("text", body, save, (x, y + (eh - body.get_linesize()) // 2), draw.COLOURS["text"]))
            entry_rect = pygame.Rect(x + label_w + 16, y, width - label_w - 16, eh)
        else:
            self.ops.append(("text", body, save, (x, y), draw.COLOURS["text"]))
            y += body.get_linesize() + 4
            entry_rect = pygame.Rect(x, y, width, eh)
        y = entry_rect.bottom + 10
        bh = ui.button_h(56)
        items = [("table", _("Back")), ("export", _("Export research data"))]
        area = pygame.Rect(x, 0, width, SCREEN_H - 12)
        rects = flow_rects([ui.button_w(t, 260) for _b, t in items], bh, area, gap=24, align="bottom")
        buttons_top = min(rc.y for rc in rects)
        msg_h = block_h(small, self.message, width, MSG_GAP) if self.message else 0
        self.message_inline = y + msg_h <= buttons_top - 10
        if self.message and self.message_inline:
            self.ops.append(("block", small, self.message, pygame.Rect(x, y, width, msg_h), self.message_colour,
                             False, MSG_GAP))
        self.panel_rect = pygame.Rect(20, row_bottom + 4, SCREEN_W - 40, buttons_top - 10 - row_bottom - 4)
        self.folder_entry = self.track(ui.entry(entry_rect, initial=self.folder, max_len=FOLDER_MAX))
        for (bid, text), rect in zip(items, rects):
            self.add_button(bid, text, rect)
        self.set_focus("export")
        if not self.ctx.research_on():
            self.set_focus("table")
            self.buttons["export"].disable()

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        typing = any(e is not None and e.is_focused for e in (self.entry, self.folder_entry))
        if action.kind is A.TEXT:
            target = self.entry if self.page == "pin" else self.folder_entry
            if target is not None:
                target.set_text(action.value or "")
            return True
        if action.kind is A.CANCEL:
            if typing:
                for e in (self.entry, self.folder_entry):
                    if e is not None and e.is_focused:
                        e.unfocus()
            else:
                self.on_button("table" if self.split and self.view == "export" else "back")
            return True
        if action.kind is A.CONFIRM and typing:
            self.on_button("unlock" if self.page == "pin" else "export")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        from game.scenes.title import TitleScene

        if button_id == "back":
            self.app.audio.play("back")
            self.app.stack.clear_to(TitleScene(self.app))
        elif button_id == "unlock":
            ok, message = self.ctx.check_facilitator_pin(self.entry.get_text() if self.entry else "")
            if ok:
                self.app.audio.play("confirm")
                self.page = "main"
                self.message = ""
                self.rebuild()
            else:
                self.app.audio.play("wrong")
                if self.entry is not None:
                    self.entry.set_text("")
                self.say(message, draw.COLOURS["warn"])
        elif button_id in ("prev", "next"):
            self.row_page += -1 if button_id == "prev" else 1
            self.rebuild()
            fallback = "to_export" if self.split else "export"
            self.set_focus(button_id if button_id in self.buttons and self.buttons[button_id].is_enabled else fallback)
        elif button_id in ("to_export", "table"):
            self.app.audio.play("confirm" if button_id == "to_export" else "back")
            self.view = "export" if button_id == "to_export" else "table"
            self.rebuild()
        elif button_id == "export":
            self.export()

    def export(self) -> None:
        from game.research.export import ExportError

        self._keep_folder()
        try:
            res = self.ctx.export_research(self.folder)
        except ExportError as e:
            self.app.audio.play("wrong")
            self.say(str(e), draw.COLOURS["warn"])
            return
        c = res.manifest["counts"]
        self.app.audio.play("confirm")
        self.last_export = res
        self.say(tr("Saved {file} in {folder}. It holds {participants} participant(s), "
                    "{events} event(s), {withdrawals} withdrawal(s) and {deletions} "
                    "deletion notice(s), locked so only the research team can open it. Send them this file.",
                    file=res.path.name, folder=res.path.parent, participants=c["participants"],
                    events=c["events"], withdrawals=c["withdrawals"], deletions=c["deletion_notices"]),
                 draw.COLOURS["good"])

    # ---------------------------------------------------------------- frame
    def update(self, dt: float) -> None:
        self.backdrop.update(dt, motion=False)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        draw.dim(surface, 120)
        if self.panel_rect is not None:
            draw.panel(surface, self.panel_rect)
        paint_ops(surface, self.ops)
