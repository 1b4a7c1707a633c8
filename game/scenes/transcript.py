"""Transcript: everything said in the current level so far, to scroll back through.

Opened with T in a level, from the pause menu ("What was said") or the dialogue box's button.
Up/Down (arrows, W/S, d-pad) scroll; Esc, T or Back close it. The dialogue scene adds each page
to ``app.transcript`` when it is shown; a new level starts an empty one.
"""
from __future__ import annotations

import pygame

from game.i18n import N_, _
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.scenes.pause import PAUSE_ITEMS
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, escape, help_rect, scroll_box

EMPTY = N_("Nothing has been said in this place yet. Talk to someone, then look back here.")   # _() when shown


def transcript_html(entries: list[tuple[str, str]]) -> str:
    """Speaker names in bold, each page its own paragraph (player-visible text is escaped)."""
    parts = []
    for speaker, text in entries:
        line = escape(text)
        parts.append(f"<b>{escape(speaker)}:</b> {line}" if speaker else line)
    return "<br><br>".join(parts) if parts else escape(_(EMPTY))


class TranscriptScene(Scene):
    name = "transcript"
    opaque = False

    def __init__(self, app) -> None:
        super().__init__(app)
        self.rect = pygame.Rect(60, 30, SCREEN_W - 120, SCREEN_H - 60)

    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        from pygame_gui.elements import UITextBox

        ui, r = self.ui, self.rect
        title, th = ui.wrapped(_("What was said"), r.x + 30, r.y + 18, r.w - 60, style="title", avoid=help_rect(self.app))
        self.track(title)
        bh = ui.button_h(52)
        back = _("Back")
        back_w = ui.button_w(back, 240)
        self.add_button("back", back, pygame.Rect(r.centerx - back_w // 2, r.bottom - 24 - bh, back_w, bh))
        top = r.y + 18 + th + 10
        entries = list(getattr(self.app, "transcript", []))
        self.box = self.track(UITextBox(transcript_html(entries),
                                        pygame.Rect(r.x + 30, top, r.w - 60, r.bottom - 40 - bh - top),
                                        manager=ui.manager))
        self.to_end()

    def to_end(self) -> None:
        bar = getattr(self.box, "scroll_bar", None)
        if bar is not None:
            bar.set_scroll_from_start_percentage(max(0.0, 1.0 - bar.visible_percentage))

    def scroll(self, step: int) -> bool:
        moved = scroll_box(self.box, step)
        if moved:
            self.app.audio.play("move")
        return moved

    def handle(self, action: Action) -> bool:
        if action.kind in (A.CANCEL, A.TRANSCRIPT, A.PAUSE):
            self.on_button("back")
            return True
        if action.kind in (A.UP, A.DOWN):
            self.scroll(-1 if action.kind is A.UP else 1)
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        if button_id == "back":
            self.back_out()

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 170)
        draw.panel(surface, self.rect, alpha=250)


def _pause_item(app, play) -> TranscriptScene:
    return TranscriptScene(app)


if not any(item[0] == "transcript" for item in PAUSE_ITEMS):
    PAUSE_ITEMS.append(("transcript", N_("What was said"), _pause_item))
