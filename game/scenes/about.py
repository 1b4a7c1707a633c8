"""About: what Glimmer is (and is not), the version and the build."""
from __future__ import annotations

import pygame

from game.i18n import N_, _, tr
from game.input.actions import A, Action
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect, scroll_box
from game.version import APP_VERSION, build_id

ABOUT = N_(   # _() when shown
    "Glimmer is a game about skills for handling low moods and stress: noticing thoughts, "
    "checking them, and planning things that lift your mood.\n\n"
    "It is a skills programme, not treatment. Nobody reads your answers while you play. "
    "Your nickname stays on this computer.\n\n"
    "Art, sounds and code are open source. Fonts: Noto Sans and OpenDyslexic (open licences)."
)


class AboutScene(Scene):
    name = "about"
    opaque = False

    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        ui = self.ui
        w = 860 if ui.text_scale <= 1.25 else SCREEN_W - 60
        r = pygame.Rect(0, 0, w, 520 if ui.text_scale <= 1.0 else SCREEN_H - 40)
        r.center = (SCREEN_W // 2, SCREEN_H // 2)
        self.rect = r
        title, th = ui.wrapped(_("About Glimmer"), r.x + 30, r.y + 22, r.w - 60, style="title", avoid=help_rect(self.app))
        self.track(title)
        bh = ui.button_h(56)
        back = _("Back")
        bw = ui.button_w(back, 300)
        top = r.y + 22 + th + 8
        version = tr("Version {version} · build {build}", version=APP_VERSION, build=build_id())
        self.box = self.track(ui.textbox(_(ABOUT) + "\n\n" + version,
                                         pygame.Rect(r.x + 30, top, r.w - 60, r.bottom - 20 - bh - 14 - top)))
        self.add_button("back", back, pygame.Rect(r.centerx - bw // 2, r.bottom - 20 - bh, bw, bh))

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("back")
            return True
        if action.kind in (A.UP, A.DOWN):      # big text: the text scrolls
            scroll_box(self.box, -1 if action.kind is A.UP else 1)
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        self.back_out()

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 150)
        draw.panel(surface, self.rect)
