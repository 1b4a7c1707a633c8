"""The UI theme, built in code so font paths are absolute (pygame_gui resolves them against the
working directory otherwise) and so text size and high contrast can change it at run time."""
from __future__ import annotations

from typing import Any

from game.paths import resource

# Warm, hopeful palette for the interface (dark plum panels, cream text, amber focus).
COLOURS = {
    "panel": "#2B2140",
    "panel_border": "#F2C46D",
    "text": "#FFF6E5",
    "muted": "#D9CBB8",
    "button": "#4A3A6B",
    "button_hover": "#6A5596",
    "button_pressed": "#8A6FC0",
    "button_disabled": "#3A3148",
    "focus": "#FFC94A",
    "accent": "#FF8A5B",
    "good": "#7BD389",
    "warn": "#FFB45B",
    "help": "#3FA7A0",
    "help_hover": "#52C2BA",
    "shade": "#140F22",
}

FONT_NAME = "glimmer"
BASE_SIZES = {"small": 18, "body": 22, "button": 22, "title": 34, "hero": 64}


def font_paths() -> dict[str, str]:
    return {
        "regular": str(resource("assets", "fonts", "NotoSans-Regular.ttf")),
        "bold": str(resource("assets", "fonts", "NotoSans-Bold.ttf")),
        "italic": str(resource("assets", "fonts", "NotoSans-Italic.ttf")),
    }


def size(name: str, scale: float = 1.0) -> int:
    return max(10, int(round(BASE_SIZES[name] * scale)))


def _font(sz: int, bold: bool = False) -> dict[str, Any]:
    p = font_paths()
    return {"name": FONT_NAME, "size": str(sz), "bold": "1" if bold else "0",
            "regular_path": p["regular"], "bold_path": p["bold"], "italic_path": p["italic"],
            "bold_italic_path": p["bold"]}


def build_theme(scale: float = 1.0) -> dict[str, Any]:
    c = COLOURS
    button = {
        "colours": {
            "normal_bg": c["button"], "hovered_bg": c["button_hover"], "active_bg": c["button_pressed"],
            "selected_bg": c["button_hover"], "disabled_bg": c["button_disabled"],
            "normal_text": c["text"], "hovered_text": c["text"], "active_text": c["text"],
            "selected_text": "#FFFFFF", "disabled_text": "#8C8398",
            "normal_border": "#6E5A96", "hovered_border": c["focus"], "active_border": c["focus"],
            "selected_border": c["focus"], "disabled_border": "#4A4058",
        },
        "font": _font(size("button", scale), bold=True),
        "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "12", "border_width": "3",
                 "shadow_width": "2", "text_horiz_alignment": "center"},
    }
    return {
        "defaults": {
            "colours": {"normal_bg": c["panel"], "dark_bg": c["panel"], "normal_text": c["text"],
                        "normal_border": c["panel_border"], "text_cursor": c["focus"]},
            "font": _font(size("body", scale)),
        },
        "button": button,
        "#help_button": {
            "colours": dict(button["colours"], normal_bg=c["help"], hovered_bg=c["help_hover"],
                            selected_bg=c["help_hover"], normal_border="#BFF2EE"),
            "font": _font(size("button", scale), bold=True),
            "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "18", "border_width": "3"},
        },
        "panel": {
            "colours": {"dark_bg": c["panel"], "normal_border": c["panel_border"]},
            "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "14", "border_width": "3",
                     "shadow_width": "4"},
        },
        "text_box": {
            "colours": {"dark_bg": c["panel"], "normal_border": c["panel_border"], "normal_text": c["text"]},
            "font": _font(size("body", scale)),
            # plain rectangles: pygame_gui rebuilds a rounded (supersampled) shape on every
            # set_text, which costs ~45 ms for a large box; a rectangle costs ~1 ms
            "misc": {"shape": "rectangle", "border_width": "3",
                     "padding": "18,14", "line_spacing": "1.35"},
        },
        "#dialogue_box": {  # transparent: the dialogue scene draws a cached rounded panel under it
            "colours": {"dark_bg": "#00000000", "normal_border": "#00000000"},
            "font": _font(size("body", scale) + 2),
            "misc": {"padding": "24,18", "line_spacing": "1.4", "border_width": "0",
                     "shape": "rectangle"},
        },
        "label": {
            "colours": {"normal_text": c["text"], "dark_bg": "#00000000"},
            "font": _font(size("body", scale)),
        },
        "#title_label": {"font": _font(size("title", scale), bold=True), "colours": {"normal_text": c["text"]}},
        "#hero_label": {"font": _font(size("hero", scale), bold=True), "colours": {"normal_text": "#FFE8A8"}},
        "#muted_label": {"font": _font(size("small", scale)), "colours": {"normal_text": c["muted"]}},
        "#speaker_label": {"font": _font(size("body", scale), bold=True), "colours": {"normal_text": c["focus"]}},
        "text_entry_line": {
            "colours": {"dark_bg": "#1E1730", "normal_text": c["text"], "selected_bg": c["button_hover"],
                        "normal_border": c["focus"], "text_cursor": c["focus"]},
            "font": _font(size("title", scale) - 6),
            "misc": {"border_width": "3", "padding": "12,8", "shape": "rounded_rectangle", "shape_corner_radius": "10"},
        },
    }


def font_preload_list(scale: float = 1.0) -> list[dict[str, Any]]:
    sizes = {size(k, scale) for k in BASE_SIZES} | {size("body", scale) + 2, size("title", scale) - 6}
    out = []
    for s in sorted(sizes):
        out.append({"name": FONT_NAME, "point_size": s, "style": "regular"})
        out.append({"name": FONT_NAME, "point_size": s, "style": "bold"})
    return out
