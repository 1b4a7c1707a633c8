"""Help, always one key (F1) or one button away: people to talk to and the helplines."""
from __future__ import annotations

import pygame

from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W

DEFAULT_HELPLINES = [
    {"name": "Child helpline", "number": "116 111", "text": "Free and confidential, in most of Europe."},
]


def helplines(deployment) -> list[dict]:
    lines = getattr(deployment, "helplines", None) or DEFAULT_HELPLINES
    out = []
    for h in lines:
        if isinstance(h, dict):
            out.append(h)
        else:
            out.append({"name": getattr(h, "name", ""), "number": getattr(h, "number", ""),
                        "text": getattr(h, "text", "") or "", "hours": getattr(h, "hours", "") or ""})
    return out


def help_text(deployment) -> str:
    parts = [
        "Talking helps. You don't have to sort things out alone.",
        "",
        "• Talk to someone you trust: a parent or carer, a teacher, a coach, a friend's parent.",
        "• Your school counsellor is there for this too.",
    ]
    for h in helplines(deployment):
        line = f"• {h.get('name', '')}: {h.get('number', '')}".rstrip(": ")
        extra = " ".join(x for x in (h.get("text"), h.get("hours")) if x)
        parts.append(line + (f" ({extra})" if extra else ""))
    parts += [
        "",
        "If you are in danger right now, call your local emergency number.",
        "",
        "Glimmer teaches skills for handling low moods and stress. It is not treatment, "
        "and nobody reads your answers while you play.",
    ]
    return "\n".join(parts)


class HelpScene(Scene):
    name = "help"
    opaque = False

    def __init__(self, app, title: str = "Need someone to talk to?", intro: str | None = None) -> None:
        super().__init__(app)
        self.title = title
        self.intro = intro
        self.rect = pygame.Rect(0, 0, 980, 670)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 10)

    def enter(self) -> None:
        r = self.rect
        self.track(self.ui.label(self.title, pygame.Rect(r.x + 30, r.y + 22, r.w - 60, 50), object_id="#title_label"))
        body = help_text(self.ctx.deployment)
        if self.intro:
            body = self.intro + "\n\n" + body
        self.track(self.ui.textbox(body, pygame.Rect(r.x + 30, r.y + 80, r.w - 60, r.h - 170)))
        self.add_button("back", "Back to the game", pygame.Rect(r.centerx - 170, r.bottom - 76, 340, 56))

    def handle(self, action: Action) -> bool:
        if action.kind in (A.CANCEL, A.PAUSE):
            self.on_button("back")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        if button_id == "back":
            self.app.audio.play("back")
            self.app.stack.pop()

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 170)
        draw.panel(surface, self.rect, border="#7FE0D8")
