"""The facilitator (teacher / counsellor) screen, behind the deployment's PIN (issue 6).

Reached from the title screen ("For teachers"). Page "pin" asks for the PIN (wrong tries get a
kind message and a growing wait, see ``GameContext.check_facilitator_pin``). Page "main" shows
class progress without answers, moods or nicknames (participant code, levels completed, last
played, sessions) and writes an encrypted export bundle to a folder (default: the data folder's
``exports``), with a clear result: the file, where it is, and the counts.
"""
from __future__ import annotations

import pygame

from game.i18n import _, tr
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W

ROWS_PER_PAGE = 7
FOLDER_MAX = 240


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
        self.open_without_pin = not pin_needed
        self.message = ""
        self.message_colour = draw.COLOURS["warn"]
        self.rows: list = []
        self.row_page = 0
        self.entry = None
        self.folder_entry = None
        self.folder = str(app.ctx.data.exports)

    # ---------------------------------------------------------------- building
    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self._keep_folder()
        self.clear_ui()
        self.build()

    def _keep_folder(self) -> None:
        if self.folder_entry is not None:
            self.folder = self.folder_entry.get_text().strip() or str(self.ctx.data.exports)

    def rebuild(self) -> None:
        self._keep_folder()
        self.clear_ui()
        self.entry = self.folder_entry = None
        self.build()

    def build(self) -> None:
        title_rect = pygame.Rect(SCREEN_W // 2 - 420, 40, 840, 52) if self.page == "pin" else pygame.Rect(60, 20, 760, 52)
        self.track(self.ui.label(_("For teachers and counsellors"), title_rect, object_id="#title_label"))
        if self.page == "pin":
            cx = SCREEN_W // 2
            self.entry = self.track(self.ui.entry(pygame.Rect(cx - 220, 260, 440, 64), object_id="#nickname",
                                                  max_len=64))
            self.entry.set_text_hidden(True)
            self.entry.focus()
            self.add_button("back", _("Back"), pygame.Rect(cx - 320, 470, 300, 58))
            self.add_button("unlock", _("Open"), pygame.Rect(cx + 20, 470, 300, 58))
            self.set_focus("unlock")
            return
        self.rows = self.ctx.class_progress()
        pages = max(1, (len(self.rows) + ROWS_PER_PAGE - 1) // ROWS_PER_PAGE)
        self.row_page = min(self.row_page, pages - 1)
        off: list[str] = []
        if pages > 1:
            self.add_button("prev", _("Previous"), pygame.Rect(60, 468, 200, 46))
            self.add_button("next", _("Next"), pygame.Rect(SCREEN_W - 260, 468, 200, 46))
            off += ["prev"] if self.row_page == 0 else []
            off += ["next"] if self.row_page >= pages - 1 else []
        self.folder_entry = self.track(self.ui.entry(pygame.Rect(180, 540, 700, 52), initial=self.folder,
                                                     max_len=FOLDER_MAX))
        self.add_button("export", _("Export research data"), pygame.Rect(900, 538, 320, 56))
        self.add_button("back", _("Back to the title screen"), pygame.Rect(SCREEN_W - 452, 16, 300, 50))
        if not self.ctx.research_on():
            off.append("export")
        self.set_focus("back" if "export" in off else "export")
        for bid in off:  # after the focus is placed, so no select() redraws them as enabled
            self.buttons[bid].disable()

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
                self.on_button("back")
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
                self.message = message
                self.message_colour = draw.COLOURS["warn"]
                if self.entry is not None:
                    self.entry.set_text("")
                    self.entry.focus()
        elif button_id in ("prev", "next"):
            self.row_page += -1 if button_id == "prev" else 1
            self.rebuild()
            self.set_focus(button_id if button_id in self.buttons and self.buttons[button_id].is_enabled else "export")
        elif button_id == "export":
            self.export()

    def export(self) -> None:
        from game.research.export import ExportError

        self._keep_folder()
        try:
            res = self.ctx.export_research(self.folder)
        except ExportError as e:
            self.app.audio.play("wrong")
            self.message, self.message_colour = str(e), draw.COLOURS["warn"]
            return
        c = res.manifest["counts"]
        self.app.audio.play("confirm")
        self.message_colour = draw.COLOURS["good"]
        self.message = tr("Saved {file} in {folder}. It holds {participants} participant(s), "
                          "{events} event(s), {withdrawals} withdrawal(s) and {deletions} "
                          "deletion notice(s), locked so only the research team can open it. Send them this file.",
                          file=res.path.name, folder=res.path.parent, participants=c["participants"],
                          events=c["events"], withdrawals=c["withdrawals"], deletions=c["deletion_notices"])
        self.last_export = res
        self.rebuild()

    # ---------------------------------------------------------------- frame
    def update(self, dt: float) -> None:
        self.backdrop.update(dt, motion=False)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        draw.dim(surface, 120)
        body, small = self.ui.font("body"), self.ui.font("small")
        bold = self.ui.font("body", bold=True)
        muted, text = draw.COLOURS["muted"], draw.COLOURS["text"]
        if self.page == "pin":
            r = pygame.Rect(SCREEN_W // 2 - 420, 120, 840, 450)
            draw.panel(surface, r)
            draw.text_block(surface, body, _("Type the facilitator PIN that was set for this computer "
                            "(in deployment.toml). Students don't need this screen."),
                            pygame.Rect(r.x + 50, r.y + 36, r.w - 100, 90), center=True)
            if self.message:
                draw.text_block(surface, body, self.message, pygame.Rect(r.x + 50, r.y + 222, r.w - 100, 70),
                                colour=self.message_colour, center=True)
            return
        r = pygame.Rect(40, 84, SCREEN_W - 80, 440)
        draw.panel(surface, r)
        dep = self.ctx.deployment
        if self.ctx.research_on():
            status = tr("Research study {study} is on. Exports are locked with key id {key}.",
                        study=getattr(dep, 'study_id', None) or '?', key=getattr(dep, 'key_id', None) or '?')
        else:
            status = _("Research is off on this computer ([research] enabled = false), so there is nothing to export.")
        draw.text(surface, small, status, (r.x + 24, r.y + 14), muted, shadow=False)
        warning = None
        if self.ctx.persistence_risks:
            warning = _("This computer may wipe Glimmer's data at log-off or restart: export at the end "
                        "of every session.")
        elif self.open_without_pin:
            warning = _("No PIN is set: anyone can open this screen. Set one with "
                        "`python main.py pin` ([facilitator] in deployment.toml).")
        if warning:
            draw.text(surface, small, warning, (r.x + 24, r.y + 40), draw.COLOURS["warn"], shadow=False)
        cols = [(_("Participant code"), 24), (_("Levels completed"), 330), (_("Last played (UTC)"), 560),
                (_("Sessions"), 820)]
        y = r.y + 76
        for title, x in cols:
            draw.text(surface, bold, title, (r.x + x, y), draw.COLOURS["focus"], shadow=False)
        y += 38
        pygame.draw.line(surface, draw.hex_rgb(muted), (r.x + 20, y - 6), (r.right - 20, y - 6), 1)
        n_levels = max(7, len(self.ctx.levels))
        shown = self.rows[self.row_page * ROWS_PER_PAGE:(self.row_page + 1) * ROWS_PER_PAGE]
        if not shown:
            draw.text(surface, body, _("No one has played on this computer yet."), (r.x + 24, y), muted, shadow=False)
        for row in shown:
            code = row.participant_code or _("not in the study")
            draw.text(surface, body, code, (r.x + 24, y), text if row.participant_code else muted, shadow=False)
            draw.text(surface, body, tr("{n} of {total}", n=row.levels_completed, total=n_levels), (r.x + 330, y), text, shadow=False)
            draw.text(surface, body, _short_date(row.last_played_utc), (r.x + 560, y), text, shadow=False)
            draw.text(surface, body, str(row.sessions), (r.x + 820, y), text, shadow=False)
            y += 36
        in_study = sum(1 for row in self.rows if row.participant_code)
        pages = max(1, (len(self.rows) + ROWS_PER_PAGE - 1) // ROWS_PER_PAGE)
        summary = tr("{n} profile(s), {in_study} in the study.", n=len(self.rows), in_study=in_study)
        if pages > 1:
            summary += "  " + tr("Page {page} of {pages}.", page=self.row_page + 1, pages=pages)
        draw.text(surface, small, summary, (SCREEN_W // 2, r.bottom - 34), muted, center=True, shadow=False)
        draw.text(surface, body, _("Save to:"), (60, 552), text)
        if self.message:
            draw.text_block(surface, small, self.message, pygame.Rect(60, 598, SCREEN_W - 120, 60),
                            colour=self.message_colour, line_gap=1.2)
