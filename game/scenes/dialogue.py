"""A paginated dialogue box (pygame_gui): Enter, Space, a click or the Next button turns the page.

The text types itself out at the player's text speed (settings); instant text or reduced motion
show a page at once. Enter first completes a page that is still typing, then turns it. The box
grows with the text size; a page too long for the box at a big text size is split into parts.
With read aloud on, each page is spoken (and stopped when the page turns). Every page shown is
added to the level's transcript (T, or the "What was said" button).
"""
from __future__ import annotations

from typing import Callable

import pygame

from game.content.level import Dialogue
from game.i18n import _
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw, theme, typewriter
from game.ui.manager import SCREEN_H, SCREEN_W

BOX = pygame.Rect(140, SCREEN_H - 230, SCREEN_W - 280, 200)   # the box at 100% text size
MAX_TEXT_H = int(SCREEN_H * 0.52)                              # taller pages are split


class _Kit:
    """The box's buttons and speaker tag, made once and kept hidden between dialogues (while the
    text size, font, colours and language stay the same): a new pygame_gui button costs ~0.3 ms
    and then redraws its hover, pressed and focus looks on the frames after (~2 ms in all), which
    every dialogue in a level would pay again."""

    def __init__(self, ui, look: tuple) -> None:
        self.look = look
        self.owner = None
        bh = ui.button_h(48)
        next_w = max(ui.button_w(_("Next »"), 180), ui.button_w(_("Close"), 180))
        said = _("What was said")
        self.next = ui.button(_("Next »"), pygame.Rect(0, -200, next_w, bh))
        self.said = ui.button(said, pygame.Rect(0, -200, ui.button_w(said, 200), bh),
                              tooltip=_("Everything said in this place so far (T)"))
        self.next.glimmer_id, self.said.glimmer_id = "next", "transcript"
        self.tag = ui.label("", pygame.Rect(0, -200, 100, ui.label_h("body", bold=True) + 6),
                            object_id="#speaker_label")
        self.widgets = (self.next, self.said, self.tag)
        self.hide()

    def hide(self) -> None:
        for w in self.widgets:
            w.hide()

    def show(self, speaker: bool) -> None:
        for w in self.widgets:
            if w is not self.tag or speaker:
                w.show()

    def kill(self) -> None:
        for w in self.widgets:
            w.kill()


def _kit(scene: "DialogueScene") -> _Kit | None:
    """The kept kit for the current look, free for ``scene`` (None: another dialogue holds it)."""
    ui = scene.ui
    kept = getattr(ui, "kept", None)
    if kept is None:
        return None
    from game.i18n import language

    look = (ui.text_scale, getattr(ui, "dyslexia", False), getattr(ui, "high_contrast", False), language())
    kit = kept.get("dialogue")
    if kit is not None and not all(w.alive() for w in kit.widgets):
        kit = None                       # killed from outside: make new ones
    if kit is not None and kit.look != look:
        if kit.owner is not None:
            return None
        kit.kill()
        kit = None
    if kit is None:
        kit = kept["dialogue"] = _Kit(ui, look)
    if kit.owner is not None and kit.owner is not scene:
        return None
    kit.owner = scene
    return kit


def warm_up(app, level) -> None:
    """Pay a dialogue's one-off costs while the level loads, not on the frame the first one opens:
    the box's widgets are built once (pygame_gui renders and caches each new button shape) and every
    page of the level is wrapped (cached)."""
    dialogues = list(level.content.dialogue.items())
    if not dialogues:
        return
    for i, (did, dlg) in enumerate(dialogues):
        scene = DialogueScene(app, dlg, did)
        if i == 0:
            scene.build()
            scene.clear_ui()
        else:
            font, width = scene._font(), scene._width()
            for page in range(len(dlg.pages)):
                scene._split(font, scene._page(page), width)


class DialogueScene(Scene):
    name = "dialogue"
    opaque = False

    def __init__(self, app, dialogue: Dialogue, dialogue_id: str,
                 on_done: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.dialogue = dialogue
        self.dialogue_id = dialogue_id
        self.on_done = on_done
        self.page = 0                       # index into self.parts
        self.parts: list[tuple[int, str]] = []   # (content page index, text shown)
        self.box_rect = BOX.copy()
        self.tag: pygame.Rect | None = None
        self.revealed = 0.0
        self.typing = False
        self._shown_pages: set[int] = set()

    # ---------------------------------------------------------------- settings
    def _settings(self) -> dict:
        return getattr(self.app, "settings", None) or {}

    def _cps(self) -> float | None:
        from game.settings import chars_per_second

        return chars_per_second(self._settings())

    # ---------------------------------------------------------------- layout
    def enter(self) -> None:
        self.build()
        self._show(typing=True)
        self.app.audio.play("blip")

    def relayout(self) -> None:
        """New text size, font or language: re-split the pages, keep the place (shown in full, not
        retyped). After a language switch the level was reloaded: take this dialogue from it."""
        current = self.parts[self.page][0] if self.parts else 0
        self._follow_language()
        self.clear_ui()
        self.build()
        self.page = next((i for i, (p, _) in enumerate(self.parts) if p == current), 0)
        self._show(typing=False)

    def _font(self) -> pygame.font.Font:
        """The dialogue's body font: a little bigger than body text, at the player's size."""
        ui = self.ui
        return ui.font(theme.size("body", ui.text_scale, getattr(ui, "dyslexia", False)) + 2)

    def _width(self) -> int:
        return BOX.w if getattr(self.ui, "text_scale", 1.0) <= 1.25 else SCREEN_W - 120

    def build(self) -> None:
        ui = self.ui
        width = self._width()
        bh = ui.button_h(48)
        font = self._font()
        # split pages that would not fit, then size the box for the longest part
        self.parts = []
        for i in range(len(self.dialogue.pages)):
            for part in self._split(font, self._page(i), width):
                self.parts.append((i, part))
        most = max(len(typewriter.page_lines(font, t, width)) for _, t in self.parts)
        text_h = max(typewriter.page_height(font, most), BOX.h - bh - 16)
        box_h = text_h + bh + 16
        self.box_rect = pygame.Rect((SCREEN_W - width) // 2, SCREEN_H - 24 - box_h, width, box_h)
        b = self.box_rect
        self.box = self.track(typewriter.TypedText(pygame.Rect(b.x, b.y, b.w, text_h), ui.manager, font,
                                                   theme.COLOURS["text"]))
        speaker = self.dialogue.speaker
        self.tag = None
        if speaker:
            f = ui.font("body", bold=True)
            tag_h = ui.label_h("body", bold=True) + 6
            self.tag = pygame.Rect(b.x + 24, b.y - tag_h + 2, f.size(speaker)[0] + 40, tag_h)
        next_w = max(ui.button_w(_("Next »"), 180), ui.button_w(_("Close"), 180))
        said = _("What was said")
        tw = ui.button_w(said, 200)
        next_rect = pygame.Rect(b.right - 20 - next_w, b.bottom - 14 - bh, next_w, bh)
        said_rect = pygame.Rect(b.x + 20, b.bottom - 14 - bh, tw, bh)
        self.kit = _kit(self)
        if self.kit is None:            # no kept widgets free (or a stand-in UI): make them
            if speaker:
                self.track(ui.label(speaker, self.tag.copy(), object_id="#speaker_label"))
            self.add_button("next", self._next_label(), next_rect)
            self.add_button("transcript", said, said_rect, focusable=False,
                            tooltip=_("Everything said in this place so far (T)"))
            return
        kit = self.kit
        kit.next.set_relative_position(next_rect.topleft)
        kit.said.set_relative_position(said_rect.topleft)
        if speaker:
            if kit.tag.rect.size != self.tag.size:
                kit.tag.set_dimensions(self.tag.size)
            kit.tag.set_relative_position(self.tag.topleft)
            if kit.tag.text != speaker:
                kit.tag.set_text(speaker)
        if kit.next.text != self._next_label():
            kit.next.set_text(self._next_label())
        self.buttons["next"], self.buttons["transcript"] = kit.next, kit.said
        self.focus_order.append("next")
        kit.show(bool(speaker))
        self._show_focus()

    @property
    def kept_widgets(self) -> tuple:
        """The kept buttons and tag this dialogue shows (not in ``elements``: never killed)."""
        kit = getattr(self, "kit", None)
        return kit.widgets if kit is not None else ()

    def _release_kit(self) -> None:
        kit = getattr(self, "kit", None)
        if kit is not None:
            kit.hide()
            if kit.next.is_selected:
                kit.next.unselect()
            kit.owner = None
            self.kit = None

    def clear_ui(self) -> None:
        self._release_kit()
        super().clear_ui()

    def pause(self) -> None:
        super().pause()
        if getattr(self, "kit", None) is not None:
            self.kit.hide()

    def resume(self) -> None:
        if getattr(self, "kit", None) is not None:
            self.kit.show(bool(self.dialogue.speaker))
        super().resume()

    def _follow_language(self) -> None:
        """The same dialogue from the level the play scene has now (the language changed)."""
        play = next((s for s in self.app.stack.scenes if getattr(s, "name", "") == "play"), None)
        level = getattr(play, "level", None)
        new = level.content.dialogue.get(self.dialogue_id) if level is not None else None
        if new is not None and new is not self.dialogue and len(new.pages) == len(self.dialogue.pages):
            self.dialogue = new

    def _split(self, font: pygame.font.Font, text: str, width: int) -> list[str]:
        """``text`` as one part, or several when it is taller than the box may be."""
        lines = typewriter.page_lines(font, text, width)
        per = len(lines)
        while per > 1 and typewriter.page_height(font, per) > MAX_TEXT_H:
            per -= 1
        if per >= len(lines):
            return [text]
        return [" ".join(lines[i:i + per]) for i in range(0, len(lines), per)]

    def _page(self, i: int) -> str:
        """A page with ``{name}`` filled in: the player's nickname, or "friend" (their choice)."""
        from game.scenes.avatar import fill_name

        return fill_name(self.dialogue.pages[i], self.ctx.profile)

    def _next_label(self) -> str:
        return _("Next »") if self.page < len(self.parts) - 1 else _("Close")

    # ---------------------------------------------------------------- pages
    def _show(self, typing: bool) -> None:
        """Put the current part in the box; type it out (or not); say it; note it in the transcript."""
        idx, text = self.parts[self.page]
        cps = self._cps() if typing else None
        self.typing = cps is not None
        self.revealed = 0.0
        self.box.set_text(text, reveal=0 if self.typing else None)
        label = self._next_label()
        if self.buttons["next"].text != label:
            self.buttons["next"].set_text(label)
        if idx not in self._shown_pages:
            self._shown_pages.add(idx)
            transcript = getattr(self.app, "transcript", None)
            if transcript is not None:
                transcript.append((self.dialogue.speaker or "", self._page(idx)))
        if typing:
            speak = getattr(self.app, "speak", None)
            if speak is not None:
                speak(text)

    def finish_typing(self) -> None:
        if self.typing:
            self.typing = False
            self.box.reveal(self.box.letter_count())

    def handle(self, action: Action) -> bool:
        if action.kind is A.PRESS and action.value == "transcript":
            from game.scenes.transcript import TranscriptScene

            self.app.audio.play("confirm")
            self.app.stack.push(TranscriptScene(self.app))
            return True
        if action.kind in (A.CONFIRM,) or (action.kind is A.PRESS and action.value == "next"):
            if self.typing:
                self.finish_typing()
            else:
                self.advance()
            return True
        if action.kind is A.CANCEL:
            self.page = len(self.parts) - 1
            self.advance()
            return True
        return True  # modal: the world waits

    def advance(self) -> None:
        speech = getattr(self.app, "speech", None)
        if speech is not None:
            speech.cancel()
        self.page += 1
        if self.page >= len(self.parts):
            self.app.stack.pop()
            if self.on_done:
                self.on_done()
            return
        self.app.audio.play("blip")
        self._show(typing=True)

    def update(self, dt: float) -> None:
        if not self.typing:
            return
        cps = self._cps()
        total = self.box.letter_count()
        if cps is None:
            self.finish_typing()
            return
        before = int(self.revealed)
        self.revealed += cps * dt
        now = int(self.revealed)
        if now >= total:
            self.finish_typing()
        elif now != before:
            self.box.reveal(now)

    def draw(self, surface: pygame.Surface) -> None:
        draw.panel(surface, self.box_rect, alpha=240)  # under the transparent pygame_gui text box
        if self.tag is not None:
            draw.panel(surface, self.tag, alpha=250, border=draw.COLOURS["focus"])

    def help_screen_name(self) -> str:
        return "dialogue"
