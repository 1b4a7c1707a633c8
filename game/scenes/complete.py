"""Level complete: what you practised, the real-world challenge, and on to the journey."""
from __future__ import annotations

import pygame

from game.content.level import Level
from game.i18n import _, tr
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect, scroll_box


class LevelCompleteScene(Scene):
    name = "level_complete"

    def __init__(self, app, level: Level) -> None:
        super().__init__(app)
        self.level = level
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), count=80, seed=21)

    def enter(self) -> None:
        self.build()

    def relayout(self) -> None:
        """After a language switch the levels were reloaded: show this one in the new language."""
        self.level = self.ctx.level(self.level.id) or self.level
        super().relayout()

    def build(self) -> None:
        ui = self.ui
        c = self.level.content
        cx = SCREEN_W // 2
        big = ui.text_scale > 1.25
        y = 30 if big else 50
        hero, h = ui.wrapped(_("Level complete!"), cx - 520, y, 1040, style="hero", center=True, avoid=help_rect(self.app))
        self.track(hero)
        y += h + 4
        sub, h = ui.wrapped(f"{c.number}. {c.title} · {c.place}", cx - 500, y, 1000, center=True,
                            avoid=help_rect(self.app))
        self.track(sub)
        y += h + 14
        lines = list(c.summary) or [tr("You practised: {skill}.", skill=c.skill)]
        body = "\n".join(f"• {s}" for s in lines)
        if c.challenge is not None:
            body += "\n\n" + self.challenge_line(c.challenge)
        bh = ui.button_h(60)
        cont = _("Continue")
        bw = ui.button_w(cont, 340)
        w = 840 if not big else SCREEN_W - 80
        avail = SCREEN_H - 24 - bh - 20 - y
        box_h = min(max(ui.box_h(body, w), 120), avail)
        if not big:
            box_h = max(box_h, min(320, avail))
        self.box = self.track(ui.textbox(body, pygame.Rect(cx - w // 2, y, w, box_h)))
        self.add_button("continue", cont, pygame.Rect(cx - bw // 2, y + box_h + 20, bw, bh))

    def challenge_line(self, challenge) -> str:
        """The challenge was already shown (and maybe taken on) just before: only a reminder here."""
        records = self.ctx.profile.data.get("challenges", []) if self.ctx.profile is not None else []
        last = records[-1] if records else None
        if isinstance(last, dict) and last.get("challenge_id") == challenge.id:
            if last.get("committed"):
                return _("You took on this week's challenge. Next time, I'll ask how it went.")
            return _("Your challenge is there if a good moment comes up. You can still give it a go.")
        return _("Your challenge for this week:") + "\n" + challenge.text

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("continue")
            return True
        if action.kind in (A.UP, A.DOWN):      # big text: the summary scrolls
            scroll_box(self.box, -1 if action.kind is A.UP else 1)
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        from game.scenes.journey import JourneyScene

        self.app.audio.play("confirm")
        self.app.stack.clear_to(JourneyScene(self.app))

    def update(self, dt: float) -> None:
        self.backdrop.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
