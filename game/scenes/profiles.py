"""Choose, create or delete a local profile. A nickname stays on this computer."""
from __future__ import annotations

import pygame

from game.input.actions import A, Action
from game.scenes import flow
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W

MAX_SHOWN = 6


class ProfilesScene(Scene):
    name = "profiles"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), seed=5)
        self.deleting = False
        self.summaries = []

    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.clear_ui()
        self.build()

    def build(self) -> None:
        cx = SCREEN_W // 2
        heading = "Which profile should we delete?" if self.deleting else "Who's playing?"
        self.track(self.ui.label(heading, pygame.Rect(cx - 400, 70, 800, 56), object_id="#title_label"))
        self.summaries = self.ctx.profiles.list_profiles()[:MAX_SHOWN]
        y = 150
        for s in self.summaries:
            if s.status in ("ok", "recovered"):
                done = f"{s.levels_completed} of {max(7, len(self.ctx.levels))} levels"
                text = f"{s.nickname}  ·  {done}" + ("  (restored)" if s.status == "recovered" else "")
            else:
                text = f"Damaged save: {s.message}"
            btn = self.add_button(f"p:{s.profile_id}", text, pygame.Rect(cx - 320, y, 640, 56))
            if s.status not in ("ok", "recovered") and not self.deleting:
                btn.disable()
            y += 68
        y = max(y + 10, 430)
        if self.deleting:
            self.add_button("cancel_delete", "Don't delete anything", pygame.Rect(cx - 200, y, 400, 56))
        else:
            self.add_button("new", "New profile", pygame.Rect(cx - 320, y, 310, 56))
            if self.summaries:
                self.add_button("delete", "Delete a profile…", pygame.Rect(cx + 10, y, 310, 56))
            self.add_button("back", "Back", pygame.Rect(cx - 150, y + 72, 300, 56))
        if self.focus_order and self.buttons[self.focus_order[0]].is_enabled is False:
            self.move_focus(+1)

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("cancel_delete" if self.deleting else "back")
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        from game.scenes.message import MessageScene
        from game.scenes.title import TitleScene

        if button_id.startswith("p:"):
            pid = button_id[2:]
            summary = next((s for s in self.summaries if s.profile_id == pid), None)
            if self.deleting:
                name = summary.nickname if summary and summary.status in ("ok", "recovered") else "this damaged save"

                def really_delete() -> None:
                    self.ctx.delete_profile(pid)
                    self.deleting = False

                self.app.stack.push(MessageScene(
                    self.app, f"Delete {name}? Their progress, journal and plans on this computer will be removed. "
                    "This can't be undone.", title="Delete profile?", ok="Yes, delete", cancel="No, keep it",
                    on_ok=really_delete))
                return
            try:
                profile = self.ctx.profiles.load(pid)
            except ValueError as e:
                self.app.stack.push(MessageScene(self.app, str(e)))
                return
            self.app.audio.play("confirm")
            self.ctx.activate_profile(profile)
            flow.start_session(self.app)
        elif button_id == "new":
            self.app.stack.push(NewProfileScene(self.app))
        elif button_id == "delete":
            self.deleting = True
            self.clear_ui()
            self.build()
        elif button_id == "cancel_delete":
            self.deleting = False
            self.clear_ui()
            self.build()
        elif button_id == "back":
            self.app.audio.play("back")
            self.app.stack.clear_to(TitleScene(self.app))

    def update(self, dt: float) -> None:
        self.backdrop.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)


class NewProfileScene(Scene):
    name = "new_profile"
    opaque = False

    def __init__(self, app) -> None:
        super().__init__(app)
        self.rect = pygame.Rect(0, 0, 760, 420)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2)
        self.error = ""

    def enter(self) -> None:
        r = self.rect
        self.track(self.ui.label("Pick a nickname", pygame.Rect(r.x + 30, r.y + 24, r.w - 60, 50), object_id="#title_label"))
        self.track(self.ui.label("Not your real name. It stays on this computer.",
                                 pygame.Rect(r.x + 30, r.y + 76, r.w - 60, 34), object_id="#muted_label"))
        self.entry = self.track(self.ui.entry(pygame.Rect(r.x + 80, r.y + 130, r.w - 160, 64), object_id="#nickname"))
        self.entry.focus()
        self.error_label = self.track(self.ui.label("", pygame.Rect(r.x + 30, r.y + 204, r.w - 60, 34), object_id="#muted_label"))
        self.add_button("back", "Back", pygame.Rect(r.x + 60, r.bottom - 90, 280, 58))
        self.add_button("create", "Start", pygame.Rect(r.right - 340, r.bottom - 90, 280, 58))
        self.set_focus("create")

    def handle(self, action: Action) -> bool:
        if action.kind is A.TEXT:
            self.entry.set_text(action.value or "")
            return True
        if action.kind is A.CANCEL:
            self.on_button("back")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:

        if button_id == "back":
            self.app.audio.play("back")
            self.app.stack.pop()
            return
        try:
            profile = self.ctx.profiles.create(self.entry.get_text())
        except ValueError as e:
            self.error_label.set_text(str(e))
            self.app.audio.play("wrong")
            return
        self.app.audio.play("confirm")
        self.ctx.activate_profile(profile)
        flow.start_session(self.app)

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 120)
        draw.panel(surface, self.rect)
