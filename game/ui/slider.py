"""A rating scale that works with the mouse, the keyboard and a gamepad.

``Slider`` wraps a pygame_gui horizontal slider (drag, click or its arrow buttons with the mouse)
and lets a scene put it in its focus order like a button: ``add_slider(scene, id, slider)``. While
it has focus, Left/Right (arrow keys, A/D, the d-pad) change the value by ``key_step``; Up/Down
move the focus on. Generic: any ``minimum``..``maximum`` with a ``step`` and end/middle labels, so a
0-100 belief scale and a 0-10 enjoyment scale are the same widget.

The scene draws it (``slider.draw(surface)``): the title, the value, the labels under the track and
a clear focus ring. pygame_gui draws the track and handle above that.
"""
from __future__ import annotations

from typing import Any, Sequence

import pygame
import pygame_gui

from game.i18n import _
from game.input.actions import A, Action
from game.ui import draw
from game.ui.theme import COLOURS

ARROW_W = 40
HANDLE_W = 30
SLIDER_THEME = {
    # the track is drawn by Slider.draw (so it can show the filled part and a "before" mark)
    "#glimmer_slider": {
        "colours": {"dark_bg": "#00000000", "normal_border": "#00000000", "disabled_dark_bg": "#00000000",
                    "disabled_border": "#00000000"},
        "misc": {"shape": "rectangle", "border_width": "0", "shadow_width": "0",
                 "sliding_button_width": str(HANDLE_W), "enable_arrow_buttons": "1"},
    },
    "#glimmer_slider.#sliding_button": {
        "colours": {"normal_bg": "#FFC94A", "hovered_bg": "#FFE08A", "active_bg": "#FFE08A",
                    "selected_bg": "#FFE08A", "disabled_bg": "#8C8398",
                    "normal_border": "#FFF6E5", "hovered_border": "#FFFFFF", "active_border": "#FFFFFF",
                    "selected_border": "#FFFFFF", "disabled_border": "#4A4058"},
        "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "8", "border_width": "2", "shadow_width": "0"},
    },
    "#glimmer_slider.@arrow_button": {
        "colours": {"normal_bg": "#4A3A6B", "hovered_bg": "#6A5596", "active_bg": "#8A6FC0",
                    "selected_bg": "#6A5596", "normal_text": "#FFF6E5", "hovered_text": "#FFFFFF",
                    "active_text": "#FFFFFF", "normal_border": "#6E5A96", "hovered_border": "#FFC94A"},
        "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "10", "border_width": "2", "shadow_width": "0"},
    },
}


def ensure_theme(ui: Any, key: str, theme: dict[str, Any]) -> None:
    """Add theme blocks once per UI manager (feature widgets keep their look next to their code)."""
    done = getattr(ui, "_glimmer_theme_keys", set())
    if key in done:
        return
    ui.manager.get_theme().load_theme(theme)
    done.add(key)
    ui._glimmer_theme_keys = done


class Slider:
    """A whole-number scale ``minimum``..``maximum``.

    ``labels``: texts spread evenly under the track (2 = the two ends, 3 = ends and middle ...).
    ``value`` always snaps to ``step``. ``touched`` says if the player moved it.
    """

    def __init__(self, ui: Any, rect: pygame.Rect, *, minimum: int = 0, maximum: int = 100, step: int = 1,
                 value: int | None = None, key_step: int | None = None, labels: Sequence[str] = (),
                 title: str = "", show_value: bool = True, suffix: str = "", marker: int | None = None) -> None:
        if maximum <= minimum or step < 1:
            raise ValueError("a slider needs minimum < maximum and step >= 1")
        ensure_theme(ui, "slider", SLIDER_THEME)
        self.ui = ui
        self.rect = pygame.Rect(rect)
        self.minimum, self.maximum, self.step = int(minimum), int(maximum), int(step)
        self.key_step = int(key_step or step)
        self.labels = tuple(labels)
        self.title = title
        self.show_value = show_value
        self.suffix = suffix
        self.marker = marker          # e.g. the first rating, shown as a light line on the track
        start = self.snap(value if value is not None else (minimum + maximum) // 2)
        self.widget = pygame_gui.elements.UIHorizontalSlider(
            self.rect, start, (self.minimum, self.maximum), manager=ui.manager,
            object_id="#glimmer_slider", click_increment=self.step)
        self._value = start
        self.is_selected = False
        self.is_enabled = True
        self.visible = True
        self.touched = False
        self.flash = 0.0

    # ---------------------------------------------------------------- value
    def snap(self, v: float) -> int:
        v = min(self.maximum, max(self.minimum, float(v)))
        n = round((v - self.minimum) / self.step)
        return int(min(self.maximum, self.minimum + n * self.step))

    @property
    def value(self) -> int:
        self.sync()
        return self._value

    def set_value(self, v: float) -> int:
        self._value = self.snap(v)
        self.widget.set_current_value(self._value)
        return self._value

    def nudge(self, direction: int) -> bool:
        """Move by ``key_step`` left (-1) or right (+1). Returns True if the value changed."""
        before = self.value
        after = self.set_value(before + direction * self.key_step)
        if after != before:
            self.touched = True
            self.flash = 0.25
        return after != before

    def sync(self) -> bool:
        """Pick up a change made with the mouse. Returns True if the value changed."""
        raw = self.widget.get_current_value()
        v = self.snap(raw)
        if v != raw:
            self.widget.set_current_value(v)
        if v != self._value:
            self._value = v
            self.touched = True
            return True
        return False

    # ---------------------------------------------------------------- focus protocol (like a button)
    def select(self) -> None:
        self.is_selected = True

    def unselect(self) -> None:
        self.is_selected = False

    def hide(self) -> None:
        self.visible = False
        self.widget.hide()

    def show(self) -> None:
        self.visible = True
        self.widget.show()

    def kill(self) -> None:
        self.widget.kill()

    def disable(self) -> None:
        self.is_enabled = False
        self.widget.disable()

    def enable(self) -> None:
        self.is_enabled = True
        self.widget.enable()

    def value_x(self, v: float) -> int:
        """Screen x of the handle's centre for value ``v``."""
        inner_l = self.rect.x + ARROW_W + HANDLE_W / 2
        inner_r = self.rect.right - ARROW_W - HANDLE_W / 2
        frac = (float(v) - self.minimum) / (self.maximum - self.minimum)
        return int(inner_l + (inner_r - inner_l) * min(1.0, max(0.0, frac)))

    def handle_x(self) -> int:
        btn = getattr(self.widget, "sliding_button", None)
        if btn is not None:
            return int(btn.rect.centerx)
        return self.value_x(self.value)

    # ---------------------------------------------------------------- input and drawing
    def handle(self, action: Action) -> bool:
        """Left/Right change the value (when focused). Returns True if the action was used."""
        if action.kind is A.LEFT:
            self.nudge(-1)
            return True
        if action.kind is A.RIGHT:
            self.nudge(+1)
            return True
        return False

    def update(self, dt: float) -> None:
        self.sync()
        self.flash = max(0.0, self.flash - dt)

    def draw(self, surface: pygame.Surface, fonts: tuple[pygame.font.Font, pygame.font.Font]) -> None:
        """``fonts``: (label font, value font)."""
        if not self.visible:
            return
        small, big = fonts
        r = self.rect
        if self.is_selected:
            ring = r.inflate(16, 16)
            pygame.draw.rect(surface, draw.hex_rgb(COLOURS["focus"]), ring, width=3, border_radius=14)
        track = pygame.Rect(r.x + ARROW_W + 4, r.y + 6, r.w - 2 * ARROW_W - 8, r.h - 12)
        pygame.draw.rect(surface, draw.hex_rgb("#1E1730"), track, border_radius=12)
        handle_x = self.handle_x()
        fill = pygame.Rect(track.x, track.y, max(0, handle_x - track.x), track.h)
        if fill.w > 0:
            pygame.draw.rect(surface, draw.hex_rgb("#8A6FC0"), fill, border_radius=12)
        if self.marker is not None:
            mx = self.value_x(self.marker)
            pygame.draw.line(surface, draw.hex_rgb(COLOURS["text"]), (mx, track.y + 3), (mx, track.bottom - 4), 4)
        pygame.draw.rect(surface, draw.hex_rgb("#6E5A96"), track, width=2, border_radius=12)
        if self.title:
            draw.text(surface, small, _(self.title), (r.x, r.y - small.get_linesize() - 8), COLOURS["muted"], shadow=False)
        if self.show_value:
            colour = "#FFFFFF" if self.flash > 0 else COLOURS["focus"]
            img = big.render(f"{self.value}{self.suffix}", True, draw.hex_rgb(colour))
            surface.blit(img, img.get_rect(midleft=(r.right + 24, r.centery)))
        if self.labels:
            n = len(self.labels)
            inner_l, inner_r = r.x + ARROW_W, r.right - ARROW_W   # inside the arrow buttons
            y = r.bottom + 10
            for i, label in enumerate(self.labels):
                img = small.render(_(label), True, draw.hex_rgb(COLOURS["muted"]))
                if n == 1:
                    rect = img.get_rect(midtop=(r.centerx, y))
                elif i == 0:
                    rect = img.get_rect(topleft=(inner_l, y))
                elif i == n - 1:
                    rect = img.get_rect(topright=(inner_r, y))
                else:
                    x = inner_l + (inner_r - inner_l) * i / (n - 1)
                    rect = img.get_rect(midtop=(int(x), y))
                surface.blit(img, rect)


def add_slider(scene: Any, slider_id: str, slider: Slider) -> Slider:
    """Put a slider in a scene's focus order (arrows reach it like a button)."""
    scene.buttons[slider_id] = slider
    scene.track(slider)
    scene.focus_order.append(slider_id)
    scene._show_focus()
    return slider


def focused_slider(scene: Any) -> Slider | None:
    obj = scene.buttons.get(scene.focused() or "")
    return obj if isinstance(obj, Slider) else None


def handle_slider_action(scene: Any, action: Action) -> bool:
    """Left/Right go to a focused slider (with a tick sound); call first in ``Scene.handle``."""
    s = focused_slider(scene)
    if s is not None and action.kind in (A.LEFT, A.RIGHT):
        if s.nudge(-1 if action.kind is A.LEFT else +1):
            scene.app.audio.play("move")
        return True
    return False
