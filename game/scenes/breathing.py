"""Level 1's quiet bench: paced breathing with a circle that grows and shrinks.

Opened from a map object of type ``breathing`` (``g_breathing`` names the ``breathing:`` entry of
the level file). Time comes from the game clock (``update`` dt), so it pauses with help.
Publishes ``breathing_done`` (breaths planned and finished, whether the player finished).
"""
from __future__ import annotations

import pygame

from game.i18n import N_, _, tr
from game.input.actions import A, Action
from game.mechanics.breathing import BreathingPattern, cycles_completed, state_at
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W

CALM = (44, 124, 146)       # deep teal: white words on it stay readable (contrast > 4.5)
CALM_DARK = (44, 78, 110)


class BreathingScene(Scene):
    name = "breathing"

    def __init__(self, app, play, key: str) -> None:
        super().__init__(app)
        self.play, self.key = play, key
        b = play.level.content.breathing[key]
        self.intro_text = b.intro or ""
        self.pattern = BreathingPattern(b.inhale_s, b.hold_s, b.exhale_s, b.cycles)
        self.t = 0.0
        self.started = False
        self.ended = False
        self._last_phase = ""

    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        self.clear_ui()
        cx = SCREEN_W // 2
        if not self.started:
            self.add_button("start", _("Start breathing"), pygame.Rect(cx - 170, 560, 340, 60))
            self.add_button("leave", _("Not now"), pygame.Rect(cx - 120, 634, 240, 50))
        elif not self.ended:
            self.add_button("stop", _("Stop"), pygame.Rect(cx - 110, SCREEN_H - 84, 220, 52))
        else:
            self.add_button("again", _("Once more"), pygame.Rect(cx - 330, 600, 300, 60))
            self.add_button("leave", _("Back to the harbour"), pygame.Rect(cx + 30, 600, 300, 60))
            self.set_focus("leave")

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("stop" if self.started and not self.ended else "leave")
            return True
        super().handle(action)
        return True  # modal

    def on_button(self, button_id: str) -> None:
        if button_id in ("start", "again"):
            self.t, self.started, self.ended = 0.0, True, False
            self.app.audio.play("confirm")
            self.build()
        elif button_id == "stop":
            self.end(finished=False)
        elif button_id == "leave":
            self.app.audio.play("back")
            self.app.stack.pop()

    def end(self, finished: bool) -> None:
        self.ended = True
        done = cycles_completed(self.pattern, self.t)
        self.ctx.bus.publish("breathing_done", breathing_id=self.key, cycles_planned=self.pattern.cycles,
                             cycles_done=done, finished=finished, duration_ms=int(self.t * 1000))
        if finished or done >= 1:
            self.play.mark_done("breathing", self.key)
        self.app.audio.play("complete" if finished else "back")
        self.build()

    def update(self, dt: float) -> None:
        if not self.started or self.ended:
            return
        self.t += dt
        st = state_at(self.pattern, self.t)
        if st.phase != self._last_phase:
            self._last_phase = st.phase
            if st.phase in ("in", "out"):
                self.app.audio.play("blip")
        if st.done:
            self.end(finished=True)

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 190)
        cx, cy = SCREEN_W // 2, 330
        big = self.ui.font("title", bold=True)
        body = self.ui.font("body")
        small = self.ui.font("small")
        draw.text(surface, big, _("The quiet bench"), (cx, 60), center=True)
        if not self.started:
            intro = self.intro_text or _("Breathe in as the circle grows, hold, and breathe out as it shrinks.")
            draw.text_block(surface, body, intro, pygame.Rect(cx - 400, 130, 800, 100), center=True)
            p = self.pattern
            info = tr("In for {inhale}, hold for {hold}, out for {exhale} seconds. {cycles} breaths, about "
                      "{minutes} min.", inhale=f"{p.inhale_s:g}", hold=f"{p.hold_s:g}", exhale=f"{p.exhale_s:g}",
                      cycles=p.cycles, minutes=f"{round(p.total_s / 60 * 2) / 2:g}")
            draw.text_block(surface, small, info, pygame.Rect(cx - 400, 250, 800, 60),
                            colour=draw.COLOURS["muted"], center=True)
            self._circle(surface, cx, 410, 0.35)
            return
        if self.ended:
            done = cycles_completed(self.pattern, self.t)
            if done >= self.pattern.cycles:
                head = _("Well done.")
            elif done == 1:
                head = _("You took 1 slow breath.")
            else:
                head = tr("You took {n} slow breaths.", n=done)
            draw.text(surface, big, head, (cx, 200), colour="#FFE8A8", center=True)
            draw.text_block(surface, body, _("Slow breathing out tells your body it's safe. You can do this anywhere: "
                                              "before a test, in bed, on the bus."), pygame.Rect(cx - 400, 280, 800, 120), center=True)
            return
        st = state_at(self.pattern, self.t)
        self._circle(surface, cx, cy, 0.25 + 0.75 * st.size)
        draw.text(surface, big, st.words, (cx, cy - 10), center=True)
        draw.text(surface, big, str(st.seconds_left), (cx, cy + 50), colour="#FFE8A8", center=True)
        draw.text(surface, small, tr("Breath {n} of {total}", n=min(st.cycle + 1, self.pattern.cycles), total=self.pattern.cycles),
                  (cx, 560), colour=draw.COLOURS["muted"], center=True, shadow=False)

    def _circle(self, surface: pygame.Surface, cx: int, cy: int, size: float) -> None:
        radius = int(40 + 170 * size)
        pygame.draw.circle(surface, CALM_DARK, (cx, cy), 214, width=3)
        pygame.draw.circle(surface, CALM, (cx, cy), radius)
        pygame.draw.circle(surface, (150, 225, 235), (cx, cy), radius, width=5)

    def help_screen_name(self) -> str:
        return "breathing"


def open_breathing(play, obj) -> None:
    play.app.stack.push(BreathingScene(play.app, play, str(obj.prop("breathing"))))


def scripted_practice(sp, obj):
    """Selftest: breathe the whole exercise through (game time runs at the fixed step)."""
    yield from sp.use(obj, "breathing")
    yield from sp.press("start")
    total = int(sp.top().pattern.total_s * 60) + 120
    yield from sp.wait_for(lambda: sp.top().ended, "the breathing to finish", total)
    yield from sp.press("leave")
    yield from sp.wait_scene("play")


def register() -> None:
    from game.scenes.play import INTERACTIONS, PROMPTS
    from game.scripted import PRACTICE

    INTERACTIONS["breathing"] = open_breathing
    PROMPTS.setdefault("breathing", N_("Sit"))
    PRACTICE["breathing"] = scripted_practice
