"""The journey: the seven places, which are open, which are done. Levels unlock in order."""
from __future__ import annotations

import pygame

from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W


def unlocked(ctx, index: int) -> bool:
    if index == 0:
        return True
    prev = ctx.levels[index - 1]
    return ctx.profile is not None and ctx.profile.level_state(prev.id).get("completed", False)


class JourneyScene(Scene):
    name = "journey"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), seed=8)

    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.clear_ui()
        self.build()

    def build(self) -> None:
        p = self.ctx.profile
        nick = p.nickname if p else ""
        self.track(self.ui.label(f"Your journey, {nick}", pygame.Rect(60, 40, 900, 56), object_id="#title_label"))
        self.track(self.ui.label("Each place teaches one skill. About 20 minutes each.",
                                 pygame.Rect(60, 96, 900, 34), object_id="#muted_label"))
        first_open = None
        for i, lv in enumerate(self.ctx.levels):
            col, row = i % 2, i // 2
            rect = pygame.Rect(60 + col * 590, 150 + row * 118, 560, 100)
            state = p.level_state(lv.id) if p else {}
            if state.get("completed"):
                mark = "Done · play again"
            elif state.get("checkpoint"):
                mark = "Carry on"
            elif unlocked(self.ctx, i):
                mark = "Open"
            else:
                mark = "Locked"
            btn = self.add_button(f"level:{lv.id}", f"{lv.content.number}. {lv.content.title}  ·  {mark}", rect,
                                  tooltip=f"{lv.content.place}: {lv.content.skill}")
            if not unlocked(self.ctx, i):
                btn.disable()
            elif not state.get("completed") and first_open is None:
                first_open = f"level:{lv.id}"
        self.add_button("title", "Back to the title screen", pygame.Rect(SCREEN_W // 2 - 200, SCREEN_H - 92, 400, 56))
        if first_open:
            self.set_focus(first_open)

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("title")
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        from game.scenes.play import PlayScene
        from game.scenes.title import TitleScene

        if button_id.startswith("level:"):
            level = self.ctx.level(button_id.split(":", 1)[1])
            if level is not None:
                self.app.audio.play("confirm")
                self.app.stack.replace(PlayScene(self.app, level))
        elif button_id == "title":
            self.app.audio.play("back")
            self.ctx.end_session("quit")
            self.app.stack.clear_to(TitleScene(self.app))

    def move_focus(self, step: int) -> None:
        super().move_focus(step)

    def update(self, dt: float) -> None:
        self.backdrop.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
