"""The UI theme, built in code so font paths are absolute (pygame_gui resolves them against the
working directory otherwise) and so text size, the dyslexia font and high contrast can change it
at run time (``game.ui.manager.UI.apply_look``).

``COLOURS`` is one dict that is updated *in place* when the palette changes (``set_palette``): code
that reads ``COLOURS["text"]`` when it draws always gets the current look. Every text colour is
checked against its background for WCAG AA contrast (``TEXT_PAIRS``, tests/test_contrast.py).
"""
from __future__ import annotations

from typing import Any

from game.paths import resource

# Warm, hopeful palette for the interface (dark plum panels, cream text, amber focus).
NORMAL_COLOURS = {
    "panel": "#2B2140",
    "panel_border": "#F2C46D",
    "text": "#FFF6E5",
    "muted": "#D9CBB8",
    "button": "#4A3A6B",
    "button_hover": "#6A5596",
    "button_pressed": "#7A62AE",
    "button_disabled": "#3A3148",
    "button_border": "#6E5A96",
    "selected_text": "#FFFFFF",
    "disabled_text": "#A79FB3",
    "disabled_border": "#4A4058",
    "focus": "#FFC94A",
    "accent": "#FF8A5B",
    "good": "#7BD389",
    "warn": "#FFB45B",
    "help": "#17625D",
    "help_hover": "#1D7670",
    "help_border": "#BFF2EE",
    "hero": "#FFE8A8",
    "entry_bg": "#1E1730",
    "shade": "#140F22",
    "backdrop_top": "#1B1436",
    "backdrop_bottom": "#6B4A7A",
    "hills": "#3B2F5C,#2A2245,#1C1630",
    "window": "#FFCF7A",
    "firefly": "#FFD66E",
}

# High contrast: black and white, yellow focus; every pair well above WCAG AA (mostly AAA).
HIGH_CONTRAST_COLOURS = {
    "panel": "#000000",
    "panel_border": "#FFFFFF",
    "text": "#FFFFFF",
    "muted": "#F0F0F0",
    "button": "#000000",
    "button_hover": "#1F3A66",
    "button_pressed": "#2C4F88",
    "button_disabled": "#000000",
    "button_border": "#FFFFFF",
    "selected_text": "#000000",
    "disabled_text": "#BDBDBD",
    "disabled_border": "#8A8A8A",
    "focus": "#FFFF00",
    "accent": "#FFB38A",
    "good": "#8CFF9E",
    "warn": "#FFD966",
    "help": "#003B38",
    "help_hover": "#00574F",
    "help_border": "#FFFFFF",
    "hero": "#FFFFFF",
    "entry_bg": "#000000",
    "shade": "#000000",
    "backdrop_top": "#000000",
    "backdrop_bottom": "#14141F",
    "hills": "#1E1E2A,#16161F,#0D0D14",
    "window": "#FFFF66",
    "firefly": "#FFFF99",
}

COLOURS: dict[str, str] = dict(NORMAL_COLOURS)

# (foreground colour key, background colour key, large text?) for every text the theme draws.
# Large = at least 24 px regular or 18.7 px bold (WCAG): needs 3:1; everything else 4.5:1.
TEXT_PAIRS: tuple[tuple[str, str, bool], ...] = (
    ("text", "panel", False), ("muted", "panel", False), ("focus", "panel", False),
    ("good", "panel", False), ("warn", "panel", False), ("accent", "panel", False),
    ("hero", "backdrop_bottom", True), ("text", "backdrop_bottom", False), ("muted", "backdrop_bottom", False),
    ("text", "backdrop_top", False), ("muted", "shade", False), ("text", "shade", False),
    ("text", "button", False), ("text", "button_hover", False), ("text", "button_pressed", False),
    ("selected_text", "focus_bg", False), ("text", "help", False), ("text", "help_hover", False),
    ("text", "entry_bg", False), ("focus", "entry_bg", False),
)

FONT_NAME = "glimmer"
DYSLEXIA_FONT_NAME = "glimmer_dyslexic"
BASE_SIZES = {"small": 18, "body": 22, "button": 22, "title": 34, "hero": 64}
MAX_SCALE = {"title": 1.5, "hero": 1.25}   # 51 px and 80 px at most: big enough at any text size

# The look the theme was last built for (read by scenes through UI, kept here for drawing helpers).
LOOK = {"scale": 1.0, "dyslexia": False, "high_contrast": False}


def selected_bg() -> str:
    """Background of the focused (selected) button: a full yellow block in high contrast."""
    return COLOURS["focus"] if LOOK["high_contrast"] else COLOURS["button_hover"]


def colour(key: str) -> str:
    return selected_bg() if key == "focus_bg" else COLOURS[key]


def set_palette(high_contrast: bool) -> None:
    """Switch the colours in place (callers then rebuild the UI and clear drawing caches)."""
    COLOURS.clear()
    COLOURS.update(HIGH_CONTRAST_COLOURS if high_contrast else NORMAL_COLOURS)
    LOOK["high_contrast"] = bool(high_contrast)


def font_name(dyslexia: bool = False) -> str:
    return DYSLEXIA_FONT_NAME if dyslexia else FONT_NAME


def font_paths(dyslexia: bool | None = None) -> dict[str, str]:
    if dyslexia is None:
        dyslexia = LOOK["dyslexia"]
    if dyslexia:
        reg = str(resource("assets", "fonts", "OpenDyslexic-Regular.otf"))
        bold = str(resource("assets", "fonts", "OpenDyslexic-Bold.otf"))
        return {"regular": reg, "bold": bold, "italic": reg}
    return {
        "regular": str(resource("assets", "fonts", "NotoSans-Regular.ttf")),
        "bold": str(resource("assets", "fonts", "NotoSans-Bold.ttf")),
        "italic": str(resource("assets", "fonts", "NotoSans-Italic.ttf")),
    }


def size(name: str, scale: float = 1.0, dyslexia: bool | None = None) -> int:
    """Pixel size of a named text size at ``scale``. OpenDyslexic's letters are much wider and
    taller for the same size, so it is drawn a little smaller to read at about the same size.
    Headings are large already: they grow less (``MAX_SCALE``) so the body text can grow fully."""
    if dyslexia is None:
        dyslexia = LOOK["dyslexia"]
    factor = 0.86 if dyslexia else 1.0
    scale = min(scale, MAX_SCALE.get(name, scale))
    return max(10, int(round(BASE_SIZES[name] * scale * factor)))


def _font(sz: int, bold: bool = False, dyslexia: bool = False) -> dict[str, Any]:
    p = font_paths(dyslexia)
    return {"name": font_name(dyslexia), "size": str(sz), "bold": "1" if bold else "0",
            "regular_path": p["regular"], "bold_path": p["bold"], "italic_path": p["italic"],
            "bold_italic_path": p["bold"]}


def build_theme(scale: float = 1.0, dyslexia: bool = False) -> dict[str, Any]:
    c = COLOURS

    def font(name: str, bold: bool = False, plus: int = 0) -> dict[str, Any]:
        return _font(size(name, scale, dyslexia) + plus, bold, dyslexia)

    sel_bg = selected_bg()
    button = {
        "colours": {
            "normal_bg": c["button"], "hovered_bg": c["button_hover"], "active_bg": c["button_pressed"],
            "selected_bg": sel_bg, "disabled_bg": c["button_disabled"],
            "normal_text": c["text"], "hovered_text": c["text"], "active_text": c["text"],
            "selected_text": c["selected_text"], "disabled_text": c["disabled_text"],
            "normal_border": c["button_border"], "hovered_border": c["focus"], "active_border": c["focus"],
            "selected_border": c["focus"], "disabled_border": c["disabled_border"],
        },
        "font": font("button", bold=True),
        "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "12", "border_width": "3",
                 "shadow_width": "2", "text_horiz_alignment": "center"},
    }
    out = {
        "defaults": {
            "colours": {"normal_bg": c["panel"], "dark_bg": c["panel"], "normal_text": c["text"],
                        "normal_border": c["panel_border"], "text_cursor": c["focus"]},
            "font": font("body"),
        },
        "button": button,
        "#help_button": {
            "colours": dict(button["colours"], normal_bg=c["help"], hovered_bg=c["help_hover"],
                            selected_bg=c["help_hover"], selected_text=c["text"], normal_border=c["help_border"]),
            "font": font("button", bold=True),
            "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "18", "border_width": "3"},
        },
        "panel": {
            "colours": {"dark_bg": c["panel"], "normal_border": c["panel_border"]},
            "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "14", "border_width": "3",
                     "shadow_width": "4"},
        },
        "text_box": {
            "colours": {"dark_bg": c["panel"], "normal_border": c["panel_border"], "normal_text": c["text"]},
            "font": font("body"),
            # plain rectangles: pygame_gui rebuilds a rounded (supersampled) shape on every
            # set_text, which costs ~45 ms for a large box; a rectangle costs ~1 ms
            "misc": {"shape": "rectangle", "border_width": "3",
                     "padding": "18,14", "line_spacing": "1.35"},
        },
        "#dialogue_box": {  # transparent: the dialogue scene draws a cached rounded panel under it
            "colours": {"dark_bg": "#00000000", "normal_border": "#00000000", "normal_text": c["text"]},
            "font": font("body", plus=2),
            "misc": {"padding": "24,18", "line_spacing": "1.4", "border_width": "0",
                     "shape": "rectangle"},
        },
        "label": {
            "colours": {"normal_text": c["text"], "dark_bg": "#00000000"},
            "font": font("body"),
        },
        "#title_label": {"font": font("title", bold=True), "colours": {"normal_text": c["text"]}},
        "#hero_label": {"font": font("hero", bold=True), "colours": {"normal_text": c["hero"]}},
        "#muted_label": {"font": font("small"), "colours": {"normal_text": c["muted"]}},
        "#speaker_label": {"font": font("body", bold=True), "colours": {"normal_text": c["focus"]}},
        "text_entry_line": {
            "colours": {"dark_bg": c["entry_bg"], "normal_text": c["text"], "selected_bg": c["button_hover"],
                        "normal_border": c["focus"], "text_cursor": c["focus"]},
            "font": font("title", plus=-6),
            "misc": {"border_width": "3", "padding": "12,8", "shape": "rounded_rectangle", "shape_corner_radius": "10"},
        },
    }
    # wrapped text straight on a scene's panel or backdrop (no box of its own): "#plain_<style>"
    # and "#plain_<style>_center"; used by UI.wrapped() so long labels wrap instead of clipping
    for style, (size_name, bold, col) in PLAIN_STYLES.items():
        for align in ("left", "center"):
            key = f"#plain_{style}" + ("_center" if align == "center" else "")
            out[key] = {
                "colours": {"dark_bg": "#00000000", "normal_border": "#00000000", "normal_text": c[col]},
                "font": font(size_name, bold=bold),
                "misc": {"padding": "0,0", "line_spacing": str(PLAIN_LINE_SPACING), "border_width": "0",
                         "shadow_width": "0", "shape": "rectangle", "text_horiz_alignment": align},
            }
    return out


# wrapped-text styles: style -> (size name, bold, colour key)
PLAIN_STYLES = {"body": ("body", False, "text"), "muted": ("small", False, "muted"),
                "title": ("title", True, "text"), "hero": ("hero", True, "hero"),
                "speaker": ("body", True, "focus")}
PLAIN_LINE_SPACING = 1.2

# the pixel sizes the theme uses, as (size name, extra px) pairs
THEME_SIZES = (("small", 0), ("body", 0), ("button", 0), ("title", 0), ("hero", 0), ("body", 2), ("title", -6))


def font_preload_list(scale: float = 1.0, dyslexia: bool = False) -> list[dict[str, Any]]:
    sizes = {size(k, scale, dyslexia) + plus for k, plus in THEME_SIZES}
    out = []
    for s in sorted(sizes):
        out.append({"name": font_name(dyslexia), "point_size": s, "style": "regular"})
        out.append({"name": font_name(dyslexia), "point_size": s, "style": "bold"})
    return out
