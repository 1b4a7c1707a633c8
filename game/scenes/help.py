"""Help, always one key (F1) or one button away: people to talk to and the helplines."""
from __future__ import annotations

import pygame

from game.i18n import N_, _
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect, scroll_box

DEFAULT_HELPLINES = [
    {"name": N_("Child helpline"), "number": "116 111", "text": N_("Free and confidential, in most of Europe.")},
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
    """The help text in the current language. Helpline texts from the set-up file are shown as the
    school wrote them; the built-in ones (marked N_) are translated."""
    parts = [
        _("Talking helps. You don't have to sort things out alone."),
        "",
        _("• Talk to someone you trust: a parent or carer, a teacher, a coach, a friend's parent."),
        _("• Your school counsellor is there for this too."),
    ]
    for h in helplines(deployment):
        name = _(h.get("name", ""))
        sep = " " if name.endswith("?") else ": "      # "In danger right now? 112"
        line = f"• {name}{sep}{h.get('number', '')}".rstrip(": ")
        extra = " ".join(_(x) for x in (h.get("text"), h.get("hours")) if x)
        parts.append(line + (f" ({extra})" if extra else ""))
    parts += [
        "",
        _("If you are in danger right now, call your local emergency number."),
        "",
        _("Glimmer teaches skills for handling low moods and stress. It is not treatment, "
          "and nobody reads your answers while you play."),
    ]
    return "\n".join(parts)


class HelpScene(Scene):
    name = "help"
    opaque = False

    def __init__(self, app, title: str | None = None, intro: str | None = None) -> None:
        super().__init__(app)
        self.title = title   # None: "Need someone to talk to?" in the current language
        self.intro = intro
        self.rect = pygame.Rect(0, 0, 980, 670)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 10)

    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        """Big text: the panel widens; text that still doesn't fit scrolls (Up/Down, or the mouse)."""
        ui = self.ui
        w = 980 if ui.text_scale <= 1.25 else SCREEN_W - 40
        self.rect = pygame.Rect(0, 0, w, SCREEN_H - 40)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 10)
        r = self.rect
        title, th = ui.wrapped(self.title or _("Need someone to talk to?"), r.x + 30, r.y + 22, r.w - 60, style="title", avoid=help_rect(self.app))
        self.track(title)
        body = help_text(self.ctx.deployment)
        if self.intro:
            body = self.intro + "\n\n" + body
        bh = ui.button_h(56)
        back = _("Back to the game")
        bw = ui.button_w(back, 340)
        top = r.y + 22 + th + 10
        self.box = self.track(ui.textbox(body, pygame.Rect(r.x + 30, top, r.w - 60, r.bottom - 24 - bh - 14 - top)))
        self.add_button("back", back, pygame.Rect(r.centerx - bw // 2, r.bottom - 20 - bh, bw, bh))

    def handle(self, action: Action) -> bool:
        if action.kind in (A.CANCEL, A.PAUSE):
            self.on_button("back")
            return True
        if action.kind in (A.UP, A.DOWN):      # long help text (big text size): scroll it
            scroll_box(self.box, -1 if action.kind is A.UP else 1)
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        if button_id == "back":
            self.back_out()

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 170)
        draw.panel(surface, self.rect, border="#7FE0D8")
