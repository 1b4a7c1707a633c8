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
        ui = self.ui
        cx = SCREEN_W // 2
        big, body, small = ui.font("title", bold=True), ui.font("body"), ui.font("small")
        self.gap = 1.35 if ui.text_scale <= 1.0 else 1.2
        self.title_y = max(60, 16 + big.get_linesize() // 2)
        title_bottom = self.title_y + big.get_linesize() // 2
        text_w = 800 if ui.text_scale <= 1.0 else SCREEN_W - 120
        self.text_w = text_w

        def text_h(font, text: str) -> int:
            return len(draw.wrap(font, text, text_w)) * int(font.get_linesize() * self.gap)

        if not self.started:
            start, later = _("Start breathing"), _("Not now")
            sw, sh = max(340, ui.button_w(start)), ui.button_h(60)
            lw, lh = max(240, ui.button_w(later)), ui.button_h(50)
            self.intro_top = max(130, title_bottom + 16)
            self.info_top = max(250, self.intro_top + text_h(body, self._intro()) + 16)
            info_bottom = self.info_top + text_h(small, self._info())
            if info_bottom + 20 + 2 * 100 + 10 + sh + 14 + lh + 36 <= SCREEN_H:   # stacked, a calm circle between
                ly = SCREEN_H - 36 - lh
                start_r = pygame.Rect(cx - sw // 2, ly - 14 - sh, sw, sh)
                later_r = pygame.Rect(cx - lw // 2, ly, lw, lh)
            else:                                                          # big text: side by side
                h = max(sh, lh)
                y = SCREEN_H - 20 - h
                x = cx - (sw + 24 + lw) // 2
                start_r = pygame.Rect(x, y, sw, h)
                later_r = pygame.Rect(x + sw + 24, y, lw, h)
            self._ring_between(info_bottom + 10, start_r.y - 10)
            self.add_button("start", start, start_r)
            self.add_button("leave", later, later_r)
        elif not self.ended:
            stop = _("Stop")
            w, h = max(220, ui.button_w(stop)), ui.button_h(52)
            stop_r = pygame.Rect(cx - w // 2, SCREEN_H - 32 - h, w, h)
            self.count_y = stop_r.y - 12 - small.get_linesize()
            self._ring_between(title_bottom + 10, self.count_y - 10)
            self.add_button("stop", stop, stop_r)
        else:
            again, leave = _("Once more"), _("Back to the harbour")
            h = ui.button_h(60)
            aw, lw = max(300, ui.button_w(again)), max(300, ui.button_w(leave))
            self.head_y = max(200, title_bottom + 30 + big.get_linesize() // 2)
            self.text_top = max(280, self.head_y + big.get_linesize() // 2 + 24)
            y = max(600, self.text_top + text_h(body, self._after()) + 24)
            if aw + 60 + lw <= SCREEN_W - 80:
                if y + h > SCREEN_H - 16:
                    y = SCREEN_H - 16 - h
                again_r = pygame.Rect(cx - 30 - aw, y, aw, h)
                leave_r = pygame.Rect(cx + 30, y, lw, h)
            else:
                y = min(y, SCREEN_H - 16 - 2 * h - 14)
                again_r = pygame.Rect(cx - aw // 2, y, aw, h)
                leave_r = pygame.Rect(cx - lw // 2, y + h + 14, lw, h)
            self.add_button("again", again, again_r)
            self.add_button("leave", leave, leave_r)
            self.set_focus("leave")

    def _ring_between(self, top: int, bottom: int) -> None:
        """The breathing circle fills the room between the words and the buttons."""
        self.ring = max(60, min(214, (bottom - top) // 2))
        self.ring_y = (top + bottom) // 2

    def _intro(self) -> str:
        return self.intro_text or _("Breathe in as the circle grows, hold, and breathe out as it shrinks.")

    def _info(self) -> str:
        p = self.pattern
        return tr("In for {inhale}, hold for {hold}, out for {exhale} seconds. {cycles} breaths, about "
                  "{minutes} min.", inhale=f"{p.inhale_s:g}", hold=f"{p.hold_s:g}", exhale=f"{p.exhale_s:g}",
                  cycles=p.cycles, minutes=f"{round(p.total_s / 60 * 2) / 2:g}")

    @staticmethod
    def _after() -> str:
        return _("Slow breathing out tells your body it's safe. You can do this anywhere: "
                 "before a test, in bed, on the bus.")

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
            self.back_out()

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
        cx = SCREEN_W // 2
        big = self.ui.font("title", bold=True)
        body = self.ui.font("body")
        small = self.ui.font("small")
        draw.text(surface, big, _("The quiet bench"), (cx, self.title_y), center=True)
        w = self.text_w
        if not self.started:
            draw.text_block(surface, body, self._intro(), pygame.Rect(cx - w // 2, self.intro_top, w, 100),
                            center=True, line_gap=self.gap)
            draw.text_block(surface, small, self._info(), pygame.Rect(cx - w // 2, self.info_top, w, 60),
                            colour=draw.COLOURS["muted"], center=True, line_gap=self.gap)
            self._circle(surface, cx, self.ring_y, 0.35)
            return
        if self.ended:
            done = cycles_completed(self.pattern, self.t)
            if done >= self.pattern.cycles:
                head = _("Well done.")
            elif done == 1:
                head = _("You took 1 slow breath.")
            else:
                head = tr("You took {n} slow breaths.", n=done)
            draw.text(surface, big, head, (cx, self.head_y), colour="#FFE8A8", center=True)
            draw.text_block(surface, body, self._after(), pygame.Rect(cx - w // 2, self.text_top, w, 120), center=True,
                            line_gap=self.gap)
            return
        st = state_at(self.pattern, self.t)
        cy = self.ring_y
        self._circle(surface, cx, cy, 0.25 + 0.75 * st.size)
        lh = big.get_linesize()
        draw.text(surface, big, st.words, (cx, cy - lh // 2 + 14), center=True)
        draw.text(surface, big, str(st.seconds_left), (cx, cy + lh // 2 + 14), colour="#FFE8A8", center=True)
        count = tr("Breath {n} of {total}", n=min(st.cycle + 1, self.pattern.cycles), total=self.pattern.cycles)
        draw.text(surface, small, count,
                  (cx, self.count_y + small.get_linesize() // 2), colour=draw.COLOURS["muted"], center=True, shadow=False)

    def _circle(self, surface: pygame.Surface, cx: int, cy: int, size: float) -> None:
        k = self.ring / 214
        radius = int((40 + 170 * size) * k)
        pygame.draw.circle(surface, CALM_DARK, (cx, cy), self.ring, width=3)
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
