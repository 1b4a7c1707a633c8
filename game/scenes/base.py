"""Scene base class and the scene stack.

Transitions (push / pop / replace) are requested during a frame and applied between frames.
A scene gets ``enter`` when it arrives, ``pause`` when another scene covers it, ``resume`` when
it is on top again and ``exit`` when it leaves. A modal scene takes all input; scenes below it
are paused (not updated). ``opaque = False`` lets the scene below show through.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import pygame

from game.input.actions import A, Action

if TYPE_CHECKING:
    from game.app import App


class Scene:
    name = "scene"
    modal = True
    opaque = True
    show_help_button = True

    def __init__(self, app: "App") -> None:
        self.app = app
        self.ctx = app.ctx
        self.ui = app.ui
        self.elements: list[Any] = []
        self.buttons: dict[str, Any] = {}
        self.focus_order: list[str] = []
        self.focus_index = 0

    # ---------------------------------------------------------------- lifecycle
    def enter(self) -> None:
        pass

    def exit(self) -> None:
        self.clear_ui()

    def pause(self) -> None:
        for el in self.elements:
            el.hide()

    def resume(self) -> None:
        for el in self.elements:
            el.show()
        self._show_focus()

    def relayout(self) -> None:
        """Rebuild this scene's widgets after the text size, font or colours changed (settings).

        Default: a scene with a ``build()`` method is rebuilt (``clear_ui()`` + ``build()``, focus
        kept on the same button id); other scenes keep their widgets, which pygame_gui has already
        re-themed in place (new font and colours, old rects). Override to lay out from the new
        line heights (``self.ui.line_h()``, ``button_h()``, ``text_h()``) without side effects:
        never publish events or checkpoint here."""
        build = getattr(self, "build", None)
        if not callable(build):
            return
        focus = self.focused()
        self.clear_ui()
        build()
        if focus:
            self.set_focus(focus)

    # ---------------------------------------------------------------- frame
    def handle(self, action: Action) -> bool:
        """Default menu behaviour: arrows move focus, confirm presses, PRESS runs the button."""
        if action.kind is A.PRESS and action.value in self.buttons:
            self.on_button(action.value)
            return True
        if self.focus_order:
            if action.kind in (A.DOWN, A.RIGHT):
                self.move_focus(+1)
                return True
            if action.kind in (A.UP, A.LEFT):
                self.move_focus(-1)
                return True
            if action.kind is A.CONFIRM:
                bid = self.focused()
                if bid:
                    self.on_button(bid)
                return True
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def back_out(self) -> None:
        """Leave this screen the usual way: the "back" sound, and the screen below comes back."""
        self.app.audio.play("back")
        self.app.stack.pop()

    def covers_screen(self) -> bool:
        """True if ``draw`` paints every pixel of the screen (the frame needn't be cleared first)."""
        return False

    def on_button(self, button_id: str) -> None:
        pass

    # ---------------------------------------------------------------- UI helpers
    def track(self, element: Any) -> Any:
        self.elements.append(element)
        return element

    def add_button(self, button_id: str, text: str, rect: pygame.Rect, focusable: bool = True,
                   object_id: str | None = None, tooltip: str | None = None) -> Any:
        btn = self.ui.button(text, rect, object_id=object_id, tooltip=tooltip)
        btn.glimmer_id = button_id
        self.buttons[button_id] = btn
        self.track(btn)
        if focusable:
            self.focus_order.append(button_id)
            self._show_focus()
        return btn

    def remove_button(self, button_id: str) -> None:
        btn = self.buttons.pop(button_id, None)
        if btn is not None:
            if btn in self.elements:
                self.elements.remove(btn)
            btn.kill()
        if button_id in self.focus_order:
            self.focus_order.remove(button_id)
            self.focus_index = min(self.focus_index, max(0, len(self.focus_order) - 1))
            self._show_focus()

    def focused(self) -> str | None:
        if not self.focus_order:
            return None
        return self.focus_order[self.focus_index % len(self.focus_order)]

    def set_focus(self, button_id: str) -> None:
        if button_id in self.focus_order:
            self.focus_index = self.focus_order.index(button_id)
            self._show_focus()

    def move_focus(self, step: int) -> None:
        if not self.focus_order:
            return
        n = len(self.focus_order)
        for _ in range(n):
            self.focus_index = (self.focus_index + step) % n
            btn = self.buttons.get(self.focused() or "")
            if btn is not None and btn.is_enabled:
                break
        self._show_focus()
        self.app.audio.play("move")

    def _show_focus(self) -> None:
        current = self.focused()
        for bid, btn in self.buttons.items():
            if bid == current:
                btn.select()
            elif btn.is_selected:
                btn.unselect()

    def clear_ui(self) -> None:
        for el in self.elements:
            el.kill()
        self.elements.clear()
        self.buttons.clear()
        self.focus_order.clear()
        self.focus_index = 0

    def help_screen_name(self) -> str:
        return self.name


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self._requests: list[tuple[str, Scene | None]] = []

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        self._requests.append(("push", scene))

    def pop(self) -> None:
        self._requests.append(("pop", None))

    def replace(self, scene: Scene) -> None:
        self._requests.append(("replace", scene))

    def clear_to(self, scene: Scene) -> None:
        self._requests.append(("clear", scene))

    def pending(self) -> bool:
        return bool(self._requests)

    def apply(self) -> None:
        """Apply requested transitions (called between frames)."""
        while self._requests:
            op, scene = self._requests.pop(0)
            if op == "push" and scene is not None:
                if self.top:
                    self.top.pause()
                self.scenes.append(scene)
                scene.enter()
            elif op == "pop":
                if self.scenes:
                    self.scenes.pop().exit()
                    if self.top:
                        self.top.resume()
            elif op == "replace" and scene is not None:
                if self.scenes:
                    self.scenes.pop().exit()
                self.scenes.append(scene)
                scene.enter()
            elif op == "clear" and scene is not None:
                while self.scenes:
                    self.scenes.pop().exit()
                self.scenes.append(scene)
                scene.enter()

    def dispatch(self, action: Action) -> bool:
        """Top scene first; a non-modal scene lets unhandled actions fall through."""
        for scene in reversed(self.scenes):
            if scene.handle(action):
                return True
            if scene.modal:
                return False
        return False

    def update(self, dt: float) -> None:
        """Update the top scene, and the scenes below it down to the first modal one."""
        for scene in reversed(self.scenes):
            scene.update(dt)
            if scene.modal:
                break

    def visible(self) -> list[Scene]:
        start = 0
        for i in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[i].opaque:
                start = i
                break
        return self.scenes[start:]

    def draw(self, surface: pygame.Surface) -> None:
        scenes = self.visible()
        if not (scenes and scenes[0].covers_screen()):
            surface.fill((20, 15, 34))       # nothing paints every pixel: start from the backdrop colour
        for scene in scenes:
            scene.draw(surface)

    def find(self, predicate: Callable[[Scene], bool]) -> Scene | None:
        for s in reversed(self.scenes):
            if predicate(s):
                return s
        return None
