"""Settings: text, look and motion, sound, read aloud and keys. Every change applies at once.

Opened from the title screen, the pause menu (a ``PAUSE_ITEMS`` entry) and Shift+A anywhere (the
text page). Keyboard and gamepad: Left/Right on the page tabs switch pages; Up/Down walk the
rows; Left/Right change a value; Enter (A) toggles or steps a value, or waits for a new key on
the keys page. The mouse clicks the same buttons (and the small - and + buttons beside values).

Settings are stored in the active profile (``profile.data["settings"]``) and written by the usual
checkpoint when the screen closes; before a profile is chosen they stay in memory for this run.
Closing the screen after a change publishes one ``settings_changed`` event (names and plain values).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import pygame

from game import settings as S
from game.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, tr
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.scenes.pause import PAUSE_ITEMS
from game.speech import MISSING, READY, UNAVAILABLE
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect

# Labels here are English, marked N_("..."); they are shown through _(), so a language switch
# shows at once. Ids and setting names are never translated.
PAGES: tuple[tuple[str, str], ...] = (
    ("text", N_("Text")), ("look", N_("Look")), ("sound", N_("Sound")), ("voice", N_("Read aloud")),
    ("keys", N_("Keys")),
)
PAGE_ALIASES = {"access": "text", "accessibility": "text"}

SPEED_WORDS = {"slow": N_("Slow"), "normal": N_("Normal"), "fast": N_("Fast"), "instant": N_("Instant")}
RESERVED_JOBS = {"help": N_("help"), "fullscreen": N_("full screen")}


def pct(v: float) -> str:
    return f"{int(round(v * 100))}%"


def on_off(v: bool) -> str:
    return _("On") if v else _("Off")


# pygame key names a player reads in their language (others: the name as pygame gives it)
KEY_WORDS = {"up": N_("Up arrow"), "down": N_("Down arrow"), "left": N_("Left arrow"),
             "right": N_("Right arrow"), "return": N_("Enter"), "space": N_("Space bar"),
             "escape": N_("Esc"), "backspace": N_("Backspace")}


def key_label(name: str) -> str:
    if name in KEY_WORDS:
        return _(KEY_WORDS[name])
    return name.upper() if len(name) == 1 else name.title()


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    kind: str                           # "choice", "toggle" or "key"
    setting: str = ""
    values: tuple[Any, ...] = ()
    show: Callable[[Any], str] = str

    def text(self, settings: dict) -> str:
        """"Label: value" in the current language."""
        if self.kind == "key":
            keys = settings["key_bindings"].get(self.setting, [])
            shown = ", ".join(key_label(k) for k in keys[:2]) or _("none")
            return f"{_(self.label)}: {shown}"
        return f"{_(self.label)}: {self.show(settings[self.setting])}"


VOLUMES = tuple(round(i / 10, 1) for i in range(11))

ROWS: dict[str, tuple[Row, ...]] = {
    "text": (
        Row("text_scale", N_("Text size"), "choice", "text_scale", S.TEXT_SCALES, pct),
        Row("text_speed", N_("Text speed"), "choice", "text_speed", S.TEXT_SPEEDS, lambda v: _(SPEED_WORDS[v])),
        Row("dyslexia_font", N_("Dyslexia-friendly font"), "toggle", "dyslexia_font", show=on_off),
        # every screen and every level switches at once (App.set_language); names in their own language
        Row("language", N_("Language"), "choice", "language", LANGUAGES, lambda v: LANGUAGE_NAMES.get(v, v)),
    ),
    "look": (
        Row("high_contrast", N_("High contrast"), "toggle", "high_contrast", show=on_off),
        Row("reduced_motion", N_("Reduced motion"), "toggle", "reduced_motion", show=on_off),
        Row("fullscreen", N_("Full screen"), "toggle", "fullscreen", show=on_off),
    ),
    "sound": (
        Row("music_volume", N_("Music"), "choice", "music_volume", VOLUMES, pct),
        Row("effects_volume", N_("Sound effects"), "choice", "effects_volume", VOLUMES, pct),
    ),
    "voice": (
        Row("read_aloud", N_("Read aloud"), "toggle", "read_aloud", show=on_off),
        Row("speech_rate", N_("Reading speed"), "choice", "speech_rate", S.SPEECH_RATES,
            lambda v: tr("{count} a minute", count=v)),
        Row("voice_volume", N_("Voice volume"), "choice", "voice_volume", VOLUMES, pct),
    ),
    "keys": tuple(Row(f"key:{a}", label, "key", a) for a, label in S.REBINDABLE) + (
        Row("reset_keys", N_("Reset keys"), "toggle"),),
}

PAGE_NOTES = {   # _() when shown
    "text": N_("Bigger text, a calmer reading speed, a font made for dyslexia or another language. "
               "Changes show at once."),
    "look": N_("High contrast: black, white and yellow. Reduced motion: no moving decoration or typing text."),
    "sound": N_("Music and sound effects. Read aloud has its own volume."),
    "voice": N_("Read aloud speaks the conversations and the button you are on."),
    "keys": N_("Choose a row and press Enter, then the new key. F1 is always help."),
}


class SettingsScene(Scene):
    name = "settings"
    opaque = False

    def __init__(self, app, via: str = "other", page: str | None = None) -> None:
        super().__init__(app)
        self.via = via if via in ("title", "pause", "shortcut") else "other"
        self.page = PAGE_ALIASES.get(page or "", page) if page else "text"
        if self.page not in ROWS:
            self.page = "text"
        self.offset = 0                 # first row shown (pages with more rows than fit scroll)
        self.capturing: str | None = None
        self.note = ""
        self.before = S.normalise(app.settings)
        self.rect = pygame.Rect(30, 24, SCREEN_W - 60, SCREEN_H - 48)
        self.note_box = None
        self._speech_status = None

    # ---------------------------------------------------------------- lifecycle
    def enter(self) -> None:
        if self.app.settings.get("read_aloud") or self.page == "voice":
            self.app.speech.start()
        self._speech_status = self.app.speech.status
        self.build()

    def exit(self) -> None:
        self._stop_capture()
        super().exit()

    def show_page(self, page: str) -> None:
        page = PAGE_ALIASES.get(page, page)
        if page in ROWS and page != self.page:
            self.page, self.offset, self.note = page, 0, ""
            if page == "voice":
                self.app.speech.start()
            self.clear_ui()
            self.build()
            self.set_focus(f"tab:{page}")

    # ---------------------------------------------------------------- layout
    def build(self) -> None:
        ui, r = self.ui, self.rect
        self.row_buttons: list[str] = []
        pad = 28
        x0, right = r.x + pad, r.right - pad
        title, th = ui.wrapped(_("Settings"), x0, r.y + 16, right - x0, style="title", avoid=help_rect(self.app))
        self.track(title)
        y = r.y + 16 + th + 8
        # page tabs, flowing onto a second line if the text is big
        bh = ui.button_h(48)
        x = x0
        for pid, label in PAGES:
            text = f"› {_(label)}" if pid == self.page else _(label)
            w = ui.button_w(text, 110)
            if x + w > right and x > x0:
                x, y = x0, y + bh + 10
            self.add_button(f"tab:{pid}", text, pygame.Rect(x, y, w, bh))
            x += w + 10
        if self.ctx.research_on() and self.ctx.profile is not None:
            # the research choice (take part, or stop taking part) is one step away from settings
            text = _("Research study")
            w = ui.button_w(text, 110)
            if x + w > right and x > x0:
                x, y = x0, y + bh + 10
            self.add_button("research", text, pygame.Rect(x, y, w, bh),
                            tooltip=_("Your choice about the research study"))
            x += w + 10
        y += bh + 18
        # the Done button and the note line share the bottom
        done = _("Done")
        done_w = ui.button_w(done, 180)
        done_rect = pygame.Rect(right - done_w, r.bottom - pad - bh, done_w, bh)
        note_w = done_rect.x - 20 - x0
        note_text = self._note_text()
        note_h = max(ui.text_h(note_text, note_w, "small"), ui.text_h("x\nx", note_w, "small"))
        note_y = min(done_rect.y, r.bottom - pad - note_h)
        self.note_box = ui.wrapped(note_text, x0, note_y, note_w, style="muted")[0]
        self.track(self.note_box)
        bottom = min(note_y, done_rect.y) - 14
        # the rows that fit
        rows = ROWS[self.page]
        step = bh + 12
        fit = max(1, (bottom - y) // step)
        if len(rows) <= fit:
            self.offset = 0
        self.offset = max(0, min(self.offset, len(rows) - fit))
        shown = rows[self.offset:self.offset + fit]
        small_w = ui.button_w("+", 56, pad=30)
        self.more_above = self.offset > 0
        self.more_below = self.offset + fit < len(rows)
        full_w = right - x0 if ui.text_scale > 1.25 else min(right - x0, 860)
        for row in shown:
            text = self._row_text(row)
            w = full_w
            if row.kind == "choice":
                w -= 2 * (small_w + 10)
            btn = self.add_button(row.id, text, pygame.Rect(x0, y, w, bh))
            self.row_buttons.append(row.id)
            if row.kind == "choice":
                self.add_button(f"minus:{row.id}", "−", pygame.Rect(x0 + w + 10, y, small_w, bh), focusable=False,
                                tooltip=tr("Less ({setting})", setting=_(row.label)))
                self.add_button(f"plus:{row.id}", "+", pygame.Rect(x0 + w + 20 + small_w, y, small_w, bh),
                                focusable=False, tooltip=tr("More ({setting})", setting=_(row.label)))
            if row.id == "read_aloud" and self.app.speech.status == MISSING:
                btn.disable()
            y += step
        self.rows_area = pygame.Rect(x0, y - len(shown) * step, full_w, len(shown) * step)
        self.add_button("done", done, done_rect)
        if not self.row_buttons:
            self.set_focus(f"tab:{self.page}")

    def relayout(self) -> None:
        focus = self.focused()
        self.clear_ui()
        self.build()
        if focus:
            self.set_focus(focus)

    def _row_text(self, row: Row) -> str:
        s = self.app.settings
        if row.id == "reset_keys":
            return _("Reset keys to the usual ones")
        if row.id == "read_aloud" and self.app.speech.status == MISSING:
            return _("Read aloud: not available")
        if row.id == "language":
            return f"{_(row.label)}: {row.show(self._value(row))}"
        return row.text(s)

    def _value(self, row: Row) -> Any:
        """A row's current value; the language row shows the language in force when the player
        has not chosen one (the start-up language)."""
        if row.setting == "language":
            return self.app.settings.get("language") or getattr(self.ctx, "language", None) or LANGUAGES[0]
        return self.app.settings[row.setting]

    def _note_text(self) -> str:
        if self.note:
            return self.note
        if self.page == "voice":
            status = self.app.speech.status
            if status == MISSING:
                return _(UNAVAILABLE) + " " + _("The game works the same without it.")
            if status != READY:
                return _("Looking for a voice on this computer…")
        if self.page == "keys":
            missing = S.unbound_actions(self.app.settings["key_bindings"])
            if missing:
                return _("No key for:") + " " + ", ".join(_(dict(S.REBINDABLE)[a]) for a in missing)
        return _(PAGE_NOTES[self.page])

    def set_note(self, text: str) -> None:
        self.note = text
        if self.note_box is not None:
            focus = self.focused()
            self.clear_ui()
            self.build()
            if focus:
                self.set_focus(focus)

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if self.capturing:
            if action.kind is A.CANCEL:
                self._stop_capture()
                self.set_note(_("No change."))
            return True
        if action.kind is A.PRESS and action.value in self.buttons:
            self.on_button(action.value)
            return True
        if action.kind in (A.CANCEL, A.ACCESSIBILITY) or (action.kind is A.PAUSE and self.via == "pause"):
            self.close()
            return True
        focus = self.focused() or ""
        if action.kind in (A.LEFT, A.RIGHT):
            step = -1 if action.kind is A.LEFT else 1
            if focus.startswith("tab:"):
                ids = [p for p, _label in PAGES]
                i = ids.index(focus[4:])
                self.show_page(ids[(i + step) % len(ids)])
                self.app.audio.play("move")
            elif self._row(focus) is not None and self._row(focus).kind == "choice":
                self.change(focus, step)
            return True
        if action.kind in (A.UP, A.DOWN):
            self._walk(-1 if action.kind is A.UP else 1)
            return True
        if action.kind is A.CONFIRM:
            if focus:
                self.on_button(focus)
            return True
        return True   # modal

    def _walk(self, step: int) -> None:
        focus = self.focused() or ""
        rows = [r.id for r in ROWS[self.page]]
        if focus.startswith("tab:"):
            target = (rows[self.offset] if rows else "done") if step > 0 else "done"
        elif focus == "done":
            target = rows[-1] if step < 0 and rows else f"tab:{self.page}"
        else:
            i = rows.index(focus) + step if focus in rows else 0
            target = f"tab:{self.page}" if i < 0 else "done" if i >= len(rows) else rows[i]
        if target in rows and target not in self.buttons:       # scroll the rows to show it
            i = rows.index(target)
            fit = max(1, len(self.row_buttons))
            self.offset = i if i < self.offset else i - fit + 1
            self.clear_ui()
            self.build()
        self.set_focus(target)
        self.app.audio.play("move")

    def _row(self, rid: str) -> Row | None:
        return next((r for r in ROWS[self.page] if r.id == rid), None)

    def on_button(self, button_id: str) -> None:
        if button_id.startswith("tab:"):
            self.show_page(button_id[4:])
            return
        if button_id == "done":
            self.close()
            return
        if button_id == "research":
            from game.scenes.research import ResearchScene

            self.app.audio.play("confirm")
            self.app.stack.push(ResearchScene(self.app))
            return
        if button_id.startswith(("minus:", "plus:")):
            kind, rid = button_id.split(":", 1)
            self.change(rid, -1 if kind == "minus" else 1)
            return
        row = self._row(button_id)
        if row is None:
            return
        if row.id == "reset_keys":
            self._apply(key_bindings=S.defaults()["key_bindings"])
            self.set_note(_("Keys are back to the usual ones."))
        elif row.kind == "toggle":
            if row.id == "read_aloud" and self.app.speech.status == MISSING:
                self.set_note(_(UNAVAILABLE))
                return
            self._apply(**{row.setting: not self.app.settings[row.setting]})
            if row.id == "read_aloud" and self.app.settings["read_aloud"]:
                self.app.speak(_("Read aloud is on."))
        elif row.kind == "choice":
            self.change(row.id, +1, wrap=True)
        elif row.kind == "key":
            self._start_capture(row.setting)

    def change(self, rid: str, step: int, wrap: bool = False) -> None:
        row = self._row(rid)
        if row is None or row.kind != "choice":
            return
        values = list(row.values)
        cur = self._value(row)
        if cur in values:
            i = values.index(cur)
        else:
            i = 0 if isinstance(cur, str) else values.index(S.nearest(cur, values))
        j = i + step
        if wrap:
            j %= len(values)
        j = max(0, min(len(values) - 1, j))
        if j == i:
            return
        self._apply(**{row.setting: values[j]})
        if row.setting in ("effects_volume", "music_volume"):
            self.app.audio.play("move")

    def _apply(self, **changes: Any) -> None:
        new = dict(self.app.settings)
        new.update(changes)
        focus = self.focused()
        changed = self.app.apply_settings(new)
        self.note = ""
        if not any(k in changed for k in (*S.LOOK_KEYS, "language")):   # those rebuild us already
            self.clear_ui()
            self.build()
        if focus:
            self.set_focus(focus)
        if changed:
            self.app.audio.play("confirm")

    # ---------------------------------------------------------------- key rebinding
    def _start_capture(self, action: str) -> None:
        self.capturing = action
        self.app.key_capture = self._captured
        self.set_note(tr("Press the new key for {action}… (Esc: keep it as it is)",
                         action=_(dict(S.REBINDABLE)[action])))

    def _stop_capture(self) -> None:
        self.capturing = None
        if getattr(self.app, "key_capture", None) == self._captured:
            self.app.key_capture = None

    def _captured(self, key_name: str) -> None:
        action = self.capturing
        self._stop_capture()
        if action is None:
            return
        if key_name == "escape":
            self.set_note(_("No change."))
            return
        self.try_bind(action, key_name)

    def try_bind(self, action: str, key_name: str) -> None:
        """Bind ``key_name`` to ``action``; a key used elsewhere asks first."""
        from game.scenes.message import MessageScene

        labels = {a: _(label) for a, label in S.REBINDABLE}
        try:
            new = S.bind_key(self.app.settings["key_bindings"], action, key_name)
        except S.BindingError as e:
            owner = str(e)
            if owner in labels:
                def move() -> None:
                    self._apply(key_bindings=S.bind_key(self.app.settings["key_bindings"], action, key_name,
                                                        steal=True))
                    self.set_note(tr("{key} is now {action}.", key=key_label(key_name), action=labels[action]))

                self.app.stack.push(MessageScene(
                    self.app, tr("{key} is already the key for {owner}. Use it for {action} instead? "
                                 "{owner} keeps its other keys.",
                                 key=key_label(key_name), owner=labels[owner], action=labels[action]),
                    title=_("That key is taken"), ok=_("Yes, move it"), cancel=_("No, keep it"), on_ok=move))
                self.set_note(tr("{key} is already used for {owner}.", key=key_label(key_name), owner=labels[owner]))
            else:
                job = S.RESERVED_KEYS.get(key_name.strip().lower())
                if job:
                    self.set_note(tr("{key} is kept for {job}.", key=key_label(key_name),
                                     job=_(RESERVED_JOBS.get(job, job))))
                else:
                    self.set_note(tr("That key can't be used: {reason}.", reason=owner))
                self.app.audio.play("wrong")
            return
        self._apply(key_bindings=new)
        self.set_note(tr("{key} is now {action}.", key=key_label(key_name), action=labels[action]))

    # ---------------------------------------------------------------- closing
    def close(self) -> None:
        self._stop_capture()
        changed = S.changed_keys(self.before, self.app.settings)
        if changed:
            self.ctx.bus.publish("settings_changed", **S.event_payload(self.app.settings, changed, self.via))
            self.ctx.checkpoint()
        self.back_out()

    # ---------------------------------------------------------------- frame
    def update(self, dt: float) -> None:
        status = self.app.speech.status
        if status != self._speech_status:          # the engine finished starting (or failed)
            self._speech_status = status
            if self.page == "voice":
                focus = self.focused()
                self.clear_ui()
                self.build()
                if focus and focus in self.buttons and self.buttons[focus].is_enabled:
                    self.set_focus(focus)

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 170)
        draw.panel(surface, self.rect, alpha=250)
        area = getattr(self, "rows_area", None)
        if area is not None:         # more rows above / below: small triangles (Up/Down scroll to them)
            col = draw.hex_rgb(draw.COLOURS["focus"])
            x = area.right - 12
            if self.more_above:
                y = area.top - 4
                pygame.draw.polygon(surface, col, [(x - 9, y), (x + 9, y), (x, y - 10)])
            if self.more_below:
                y = area.bottom - 8
                pygame.draw.polygon(surface, col, [(x - 9, y), (x + 9, y), (x, y + 10)])

    def help_screen_name(self) -> str:
        return "settings"


def _pause_item(app, play) -> SettingsScene:
    return SettingsScene(app, via="pause")


if not any(item[0] == "settings" for item in PAUSE_ITEMS):
    PAUSE_ITEMS.append(("settings", N_("Settings"), _pause_item))
