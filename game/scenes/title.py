"""Title screen: continue, play (choose or create a profile), about, quit."""
from __future__ import annotations

import pygame

from game.i18n import N_, _, tr
from game.input.actions import A, Action
from game.scenes import flow
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect, menu_rects

HINTS = (N_("Arrow keys or mouse to choose · Enter to select · F1 for help anytime · Shift+A for settings"),
         N_("Arrows or mouse to choose · Enter selects · F1 help · Shift+A settings"),
         N_("F1: help · Shift+A: settings"))   # _() when shown
HINT = HINTS[0]


class TitleScene(Scene):
    name = "title"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H))
        self.last = None

    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.clear_ui()
        self.build()

    def build(self) -> None:
        profiles = [p for p in self.ctx.profiles.list_profiles() if p.status in ("ok", "recovered")]
        self.last = profiles[0] if profiles else None
        ui = self.ui
        cx = SCREEN_W // 2
        title = getattr(self.ctx.deployment, "programme_name", None) or "Glimmer"
        y = 60 if ui.text_scale > 1.25 else 110
        box, h = ui.wrapped(title, cx - 440, y, 880, style="hero", center=True, avoid=help_rect(self.app))
        self.track(box)
        y += h + 4
        box, h = ui.wrapped(_("Skills for tough moods and stressful days"), cx - 450, y, 900, center=True)
        self.track(box)
        y += h + 24
        # the bottom strip: the key hint (drawn) and "For teachers"
        tw, th = ui.button_w(_("For teachers"), 196), ui.button_h(46)
        self.hint_width = SCREEN_W - 2 * (tw + 40)
        for hint in HINTS:      # big text: a shorter hint rather than a wall of it
            self.hint_lines = ui.wrap(_(hint), self.hint_width, "small")
            if len(self.hint_lines) <= 2:
                break
        hint_h = len(self.hint_lines) * ui.line_h("small") + 12
        bottom = SCREEN_H - 16 - max(hint_h, th)
        items: list[tuple[str, str]] = []
        if self.last is not None:
            items.append(("continue", tr("Continue as {nickname}", nickname=self.last.nickname)))
        items.append(("play", _("Choose or make a profile") if self.last else _("New game")))
        items += [("about", _("About Glimmer")), ("settings", _("Settings")), ("quit", _("Quit"))]
        w = min(1000, max([400] + [ui.button_w(text) for _bid, text in items]))
        rects = menu_rects(len(items), w, ui.button_h(60), pygame.Rect(40, y, SCREEN_W - 80, bottom - 16 - y),
                           max_cols=len(items))
        shorter = {"continue": [_("Continue")], "play": [_("Profiles")], "about": [_("About")]}
        for (bid, text), rect in zip(items, rects):   # columns (big text): shorter words if needed
            self.add_button(bid, ui.fit_text([text] + shorter.get(bid, []), rect.w), rect)
        self.add_button("teachers", _("For teachers"), pygame.Rect(SCREEN_W - tw - 16, SCREEN_H - th - 16, tw, th),
                        tooltip=_("Class progress and research export (PIN)"))
        self.app.mark_ready()

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        from game.scenes.about import AboutScene
        from game.scenes.profiles import ProfilesScene

        self.app.audio.play("confirm")
        if button_id == "continue" and self.last is not None:
            try:
                profile = self.ctx.profiles.load(self.last.profile_id)
            except ValueError:
                self.app.stack.push(ProfilesScene(self.app))
                return
            self.ctx.activate_profile(profile)
            flow.start_session(self.app)
        elif button_id == "play":
            self.app.stack.push(ProfilesScene(self.app))
        elif button_id == "about":
            self.app.stack.push(AboutScene(self.app))
        elif button_id == "settings":
            self.app.open_settings("title")
        elif button_id == "quit":
            self.app.quit("quit")
        elif button_id == "teachers":
            from game.scenes.facilitator import FacilitatorScene

            self.app.stack.push(FacilitatorScene(self.app))

    def update(self, dt: float) -> None:
        self.backdrop.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        f = self.ui.font("small")
        lh = f.get_linesize()
        lines = getattr(self, "hint_lines", [_(HINT)])
        y = SCREEN_H - 16 - len(lines) * lh + lh // 2
        for line in lines:
            draw.text(surface, f, line, (SCREEN_W // 2, y), draw.COLOURS["muted"], center=True)
            y += lh
