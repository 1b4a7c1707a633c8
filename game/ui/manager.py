"""One pygame_gui manager for the whole game, with the theme, bundled fonts and shared widgets.

Text size, the dyslexia font and high contrast are one *look* (``apply_look``): the theme is
rebuilt in the same manager and every widget re-themed; scenes then lay themselves out again
(``Scene.relayout``). Layout helpers (``line_h``, ``button_h``, ``text_h``, ``wrapped``) size widgets
from the real font metrics, so layouts grow with the text instead of clipping it.
"""
from __future__ import annotations

import html
import math
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UIPanel, UITextBox, UITextEntryLine

from game.ui import theme

SCREEN_W, SCREEN_H = 1280, 720

# pygame_gui box metrics from the theme (padding x, padding y, border) for height estimates
_BOX_METRICS = {"text_box": (18, 14, 3, 1.35, "body", 0), "#dialogue_box": (24, 18, 0, 1.4, "body", 2)}


def escape(text: str) -> str:
    """Plain text for pygame_gui's HTML-ish text boxes (a typed '<' must show as '<')."""
    return html.escape(str(text), quote=False).replace("\n", "<br>")


class UI:
    def __init__(self, size: tuple[int, int] = (SCREEN_W, SCREEN_H), text_scale: float = 1.0) -> None:
        self.size = size
        self.text_scale = text_scale
        self.dyslexia = False
        self.high_contrast = False
        theme.LOOK.update(scale=text_scale, dyslexia=False)
        self.manager = pygame_gui.UIManager(size, theme_path=theme.build_theme(text_scale),
                                            enable_live_theme_updates=False)
        for dys in (False, True):
            paths = theme.font_paths(dys)
            self.manager.add_font_paths(theme.font_name(dys), paths["regular"], paths["bold"], paths["italic"],
                                        paths["bold"])
        self._fonts: dict[tuple[str, int, bool], pygame.font.Font] = {}
        # widgets a scene keeps (hidden) between visits, by name: see game/scenes/dialogue.py
        self.kept: dict[str, Any] = {}
        self._preload()

    def _preload(self) -> None:
        """Load every face and size the theme uses, regular and bold (text boxes look up the
        regular face even for bold styles): no hitch and no warning on first use."""
        fonts = self.manager.get_theme().get_font_dictionary()
        todo = []
        for f in theme.font_preload_list(self.text_scale, self.dyslexia):
            fid = fonts.create_font_id(int(f["point_size"]), str(f["name"]), f["style"] == "bold", False)
            if not fonts.check_font_preloaded(fid):
                todo.append(f)
        if todo:
            self.manager.preload_fonts(todo)

    # ---------------------------------------------------------------- the look
    def apply_look(self, text_scale: float, dyslexia: bool, high_contrast: bool) -> bool:
        """Rebuild the theme for a text size, font and palette; every live widget is re-themed.
        Returns True if anything changed (then scenes should relayout)."""
        if (text_scale, dyslexia, high_contrast) == (self.text_scale, self.dyslexia, self.high_contrast):
            return False
        from game.ui import draw

        self.text_scale, self.dyslexia, self.high_contrast = float(text_scale), bool(dyslexia), bool(high_contrast)
        theme.set_palette(self.high_contrast)
        theme.LOOK.update(scale=self.text_scale, dyslexia=self.dyslexia)
        draw.clear_cache()
        self._fonts.clear()
        # load_theme merges into the live theme (feature blocks such as sliders stay) and loads
        # the new faces and sizes now, so the next frames don't hitch on them
        self.manager.get_theme().load_theme(theme.build_theme(self.text_scale, self.dyslexia))
        self._preload()
        import warnings

        with warnings.catch_warnings():
            # widgets keep their old rects until their scene lays itself out again (right after
            # this): their "too small" warnings here are not news
            warnings.filterwarnings("ignore", message="Label Rect is too small")
            self.manager.rebuild_all_from_changed_theme_data()
        return True

    # ---------------------------------------------------------------- fonts for scene-drawn text
    def font(self, size_name_or_px: str | int, bold: bool = False) -> pygame.font.Font:
        px = theme.size(size_name_or_px, self.text_scale, self.dyslexia) if isinstance(size_name_or_px, str) \
            else int(size_name_or_px)
        key = (theme.font_name(self.dyslexia), px, bold)
        f = self._fonts.get(key)
        if f is None:
            path = theme.font_paths(self.dyslexia)["bold" if bold else "regular"]
            f = pygame.font.Font(path, px)
            self._fonts[key] = f
        return f

    # ---------------------------------------------------------------- layout helpers
    def line_h(self, size_name: str = "body", bold: bool = False) -> int:
        """Height of one line of text in this size (font line spacing), in pixels."""
        return self.font(size_name, bold).get_linesize()

    def label_h(self, size_name: str = "body", bold: bool = False) -> int:
        """A label rect tall enough for one line of this size."""
        return self.line_h(size_name, bold) + 8

    def button_h(self, minimum: int = 48) -> int:
        """A button tall enough for its text (at least ``minimum``: easy to hit with a mouse)."""
        return max(minimum, self.line_h("button", True) + 18)

    def text_w(self, text: str, size_name: str = "body", bold: bool = False) -> int:
        return self.font(size_name, bold).size(str(text))[0]

    def button_w(self, text: str, minimum: int = 0, pad: int = 48) -> int:
        """A button wide enough for one line of ``text``."""
        return max(minimum, self.text_w(text, "button", True) + pad)

    def fit_text(self, candidates: list[str], width: int, pad: int = 48) -> str:
        """The first (longest) wording that fits a button ``width`` wide; else the last one."""
        for text in candidates:
            if self.button_w(text, pad=pad) <= width:
                return text
        return candidates[-1]

    def wrap(self, text: str, width: int, size_name: str = "body", bold: bool = False) -> list[str]:
        from game.ui.draw import wrap

        return wrap(self.font(size_name, bold), text, max(10, width))

    def text_h(self, text: str, width: int, size_name: str = "body", bold: bool = False,
               line_spacing: float = theme.PLAIN_LINE_SPACING) -> int:
        """Height of ``text`` wrapped to ``width`` (a little generous: pygame_gui and pygame wrap
        at slightly different places)."""
        lines = len(self.wrap(text, width - 6, size_name, bold))
        lh = self.line_h(size_name, bold)
        return int(math.ceil(lh * (1 + (lines - 1) * line_spacing) + 6))

    def box_h(self, text: str, width: int, object_id: str = "text_box") -> int:
        """Height a pygame_gui text box (``text_box`` or ``#dialogue_box`` look) needs so ``text``
        fits without a scroll bar."""
        px, py, border, spacing, size_name, plus = _BOX_METRICS.get(object_id, _BOX_METRICS["text_box"])
        px_size = theme.size(size_name, self.text_scale, self.dyslexia) + plus
        font = self.font(px_size)
        from game.ui.draw import wrap

        lines = len(wrap(font, text, max(10, width - 2 * px - 2 * border - 8)))
        return int(math.ceil(lines * font.get_linesize() * spacing + 2 * py + 2 * border + font.get_linesize() * 0.4))

    def wrapped(self, text: str, x: int, y: int, width: int, style: str = "body", center: bool = False,
                container: Any = None, avoid: pygame.Rect | None = None) -> tuple[UITextBox, int]:
        """Text that wraps to ``width`` and is exactly as tall as it needs: (widget, height).
        ``style``: body, muted, title, hero or speaker (see ``theme.PLAIN_STYLES``). ``avoid``: a
        rect (the Help button) the text must stay clear of."""
        size_name, bold, _ = theme.PLAIN_STYLES[style]
        if avoid is not None:
            h0 = self.text_h(text, width, size_name, bold)
            r = clear_of(pygame.Rect(x, y, width, h0), avoid, center)
            x, width = r.x, r.w
        h = self.text_h(text, width, size_name, bold)
        oid = f"#plain_{style}" + ("_center" if center else "")
        box = UITextBox(escape(text), pygame.Rect(x, y, width, h), manager=self.manager, object_id=oid,
                        container=container)
        return box, h

    # ---------------------------------------------------------------- widgets
    def button(self, text: str, rect: pygame.Rect, object_id: str | None = None,
               tooltip: str | None = None, container: Any = None) -> UIButton:
        return UIButton(rect, text, manager=self.manager, object_id=object_id,
                        tool_tip_text=tooltip, container=container)

    def label(self, text: str, rect: pygame.Rect, object_id: str | None = None, container: Any = None) -> UILabel:
        return UILabel(rect, text, manager=self.manager, object_id=object_id, container=container)

    def textbox(self, text: str, rect: pygame.Rect, object_id: str | None = None, container: Any = None) -> UITextBox:
        return UITextBox(escape(text), rect, manager=self.manager, object_id=object_id, container=container)

    def panel(self, rect: pygame.Rect, object_id: str | None = None) -> UIPanel:
        return UIPanel(rect, manager=self.manager, object_id=object_id)

    def entry(self, rect: pygame.Rect, initial: str = "", object_id: str | None = None, max_len: int = 20) -> UITextEntryLine:
        e = UITextEntryLine(rect, manager=self.manager, object_id=object_id, initial_text=initial)
        e.set_text_length_limit(max_len)
        return e

    def entry_h(self) -> int:
        """A text entry line tall enough for its font."""
        return max(56, self.font(theme.size("title", self.text_scale, self.dyslexia) - 6).get_linesize() + 26)

    def text_input_active(self) -> bool:
        focus = self.manager.get_focus_set() or set()
        return any(isinstance(el, UITextEntryLine) for el in focus)

    # ---------------------------------------------------------------- frame
    def process(self, ev: pygame.event.Event) -> bool:
        return bool(self.manager.process_events(ev))

    def update(self, dt: float) -> None:
        self.manager.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.manager.draw_ui(surface)


def help_rect(app: Any) -> pygame.Rect:
    """Where the global Help button is (a zero rect if there is none, e.g. in unit tests)."""
    btn = getattr(app, "help_button", None)
    return pygame.Rect(btn.rect).inflate(16, 16) if btn is not None else pygame.Rect(0, 0, 0, 0)


def clear_of(rect: pygame.Rect, obstacle: pygame.Rect, center: bool = False) -> pygame.Rect:
    """``rect`` made narrower so it doesn't reach under ``obstacle`` (the Help button); centred
    text stays centred on the same point."""
    r = pygame.Rect(rect)
    if not obstacle.w or not r.colliderect(obstacle):
        return r
    if center:
        half = max(10, min(r.centerx - r.x, obstacle.x - r.centerx))
        return pygame.Rect(r.centerx - half, r.y, 2 * half, r.h)
    return pygame.Rect(r.x, r.y, max(10, obstacle.x - r.x), r.h)


def menu_rects(n: int, w: int, h: int, area: pygame.Rect, gap: int = 14, max_cols: int = 3) -> list[pygame.Rect]:
    """``n`` menu buttons ``w`` x ``h`` in one centred column inside ``area``; in two (or three)
    columns when one column would be taller than the area (big text). Fills column by column."""
    cols = 1
    while cols < max_cols and math.ceil(n / cols) * (h + gap) - gap > area.h:
        cols += 1
    if cols > 1:
        w = min(w, (area.w - (cols - 1) * gap) // cols)
    rows = math.ceil(n / cols) if n else 0
    total_w = cols * w + (cols - 1) * gap
    x0 = area.centerx - total_w // 2
    out = []
    for i in range(n):
        c, r = divmod(i, rows) if rows else (0, 0)
        out.append(pygame.Rect(x0 + c * (w + gap), area.y + r * (h + gap), w, h))
    return out


def flow_rects(widths: list[int], h: int, area: pygame.Rect, gap: int = 12, align: str = "center") -> list[pygame.Rect]:
    """Buttons of the given widths left to right, wrapping onto new rows that go *up* from
    ``area.bottom`` when ``align`` ends with "bottom"; rows are centred (or left/right aligned)."""
    rows: list[list[int]] = [[]]
    used = 0
    for i, w in enumerate(widths):
        w = min(w, area.w)
        if rows[-1] and used + gap + w > area.w:
            rows.append([])
            used = 0
        used += (gap if rows[-1] else 0) + w
        rows[-1].append(i)
    out: list[pygame.Rect | None] = [None] * len(widths)
    bottom_up = align.endswith("bottom")
    horiz = align.replace("bottom", "").strip("_") or "center"
    for r, idxs in enumerate(rows):
        row_w = sum(min(widths[i], area.w) for i in idxs) + gap * (len(idxs) - 1)
        x = area.x if horiz == "left" else area.right - row_w if horiz == "right" else area.centerx - row_w // 2
        y = area.bottom - (len(rows) - r) * (h + gap) + gap if bottom_up else area.y + r * (h + gap)
        for i in idxs:
            out[i] = pygame.Rect(x, y, min(widths[i], area.w), h)
            x += min(widths[i], area.w) + gap
    return [r for r in out if r is not None]


def scroll_box(box: UITextBox, step: int) -> bool:
    """Scroll a text box by ``step`` lines' worth (keyboard/gamepad scrolling). False if it has no
    scroll bar or is already at that end."""
    bar = getattr(box, "scroll_bar", None)
    if bar is None:
        return False
    before = bar.start_percentage
    visible = bar.visible_percentage
    line = max(0.02, visible * 0.25)
    target = max(0.0, min(1.0 - visible, before + step * line))
    if abs(target - before) < 1e-6:
        return False
    bar.set_scroll_from_start_percentage(target)
    return True
