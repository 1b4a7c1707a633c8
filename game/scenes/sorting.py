"""Level 1's mood board: sort moments into thought, feeling or action.

Opened from a map object of type ``sorting`` (``g_sorting`` names the ``sorting:`` entry of the
level file). Rules live in ``game.mechanics.sorting``; this scene shows them and publishes
``moment_sorted`` for every answer and ``sorting_completed`` at the end.
"""
from __future__ import annotations

import math
import random

import pygame

from game.i18n import N_, _, tr
from game.input.actions import A, Action
from game.mechanics.sorting import KINDS, Moment, SortResult, SortRound
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, help_rect

BIN_LABELS = {"thought": N_("Thought"), "feeling": N_("Feeling"), "action": N_("Action")}
BIN_ICONS = {"thought": "chat", "feeling": "heart", "action": "run"}
BIN_HINTS = {"thought": N_("words in your head"), "feeling": N_("an emotion or body signal"),
             "action": N_("something you do")}
RIGHT, WRONG = "#9BE39B", "#FFC98A"


class SortingScene(Scene):
    name = "sorting"

    def __init__(self, app, play, key: str) -> None:
        super().__init__(app)
        self.play, self.key = play, key
        self.content = play.level.content.sorting[key]
        moments = [Moment(m.id, m.text, m.kind, m.why) for m in self.content.moments]
        self.round = SortRound(moments, random.Random(self.ctx.rng.random()))
        self.card = pygame.Rect(0, 0, 760, 130)        # the moment's card (laid out in build)
        self.card.midtop = (SCREEN_W // 2, 160)
        self.result: SortResult | None = None
        self.anim = 0.0
        self.finished = False
        self.total = len(moments)

    # ---------------------------------------------------------------- lifecycle
    def enter(self) -> None:
        self.round.next_moment(self.ctx.clock.monotonic())
        self.build()

    def _feedback_texts(self) -> list[str]:
        """Every feedback a moment can get (so the layout leaves room for the longest one)."""
        from game.mechanics.sorting import HINTS, KIND_NAMES

        out = []
        for m in self.content.moments:
            out.append(m.why or tr("Yes, that's {kind}.", kind=_(KIND_NAMES[m.kind])))
            out.append((tr("This one is {kind}.", kind=_(KIND_NAMES[m.kind])) + " " + (m.why or "")).strip())
            for k in KINDS:
                if k != m.kind:
                    out.append(tr("Not quite: that's not {kind}.", kind=_(KIND_NAMES[k])) + " " + _(HINTS[m.kind]))
        return out

    def _layout(self) -> None:
        """Where everything goes, from the current font: one column (the classic board) while it
        fits, else the bins beside the moment (big text)."""
        ui = self.ui
        big, bold, small = ui.font("title", bold=True), ui.font("body", bold=True), ui.font("small")
        cx = SCREEN_W // 2
        self.stop_text = _("Stop for now")
        stop_w, bh = max(240, ui.button_w(self.stop_text)), ui.button_h(52)
        bin_h = max(96, ui.button_h(48))
        gap = 1.35 if ui.text_scale <= 1.0 else 1.2
        self.line_gap = gap
        intro = self.content.intro or _("Thought, feeling or action?")
        self.intro = intro
        longest = max(self._feedback_texts(), key=lambda t: small.size(t)[0])
        label_h = small.get_linesize() + 5
        # ---- one column
        title_y = max(60, 16 + big.get_linesize() // 2)
        intro_w = min(840, SCREEN_W - 2 * 150)
        intro_top = title_y + big.get_linesize() // 2 + 6
        intro_h = len(draw.wrap(small, intro, intro_w)) * int(small.get_linesize() * gap)
        card_w = 760
        moment_lines = max(len(draw.wrap(bold, m.text, card_w - 60)) for m in self.content.moments)
        card_h = max(130, moment_lines * int(bold.get_linesize() * 1.35) + 40)
        card_top = max(160, intro_top + intro_h + label_h + 6)
        fb_w = 860
        fb_h = len(draw.wrap(small, longest, fb_w)) * int(small.get_linesize() * gap)
        head_h = bold.get_linesize()
        fb_top = card_top + card_h + 14 + head_h + 6
        bins_top = max(482, fb_top + fb_h + 56)
        next_top = bins_top + bin_h + 22
        bin_w = max([280] + [ui.button_w(_(BIN_LABELS[k])) for k in KINDS])
        next_text = _("Next moment »")
        next_w = max(340, ui.button_w(next_text), ui.button_w(_("See how you did")))
        stop = pygame.Rect(40, SCREEN_H - 32 - bh, stop_w, bh)
        fits = (3 * bin_w + 2 * 30 <= SCREEN_W - 80 and next_top + bh <= SCREEN_H - 16
                and (stop.bottom <= next_top or stop.right + 20 <= cx - next_w // 2))
        if fits:
            self.two_cols = False
            self.title_at, self.title_center = (cx, title_y), True
            self.intro_rect = pygame.Rect(cx - intro_w // 2, intro_top, intro_w, intro_h)
            self.card.size = (card_w, card_h)
            self.card.midtop = (cx, card_top)
            self.label_at = (self.card.right - 16, self.card.y - label_h)
            self.head_y = self.card.bottom + 14 + head_h // 2
            self.fb_rect = pygame.Rect(cx - fb_w // 2, fb_top, fb_w, fb_h)
            x0 = cx - (3 * bin_w + 60) // 2
            self.bin_rects = {k: pygame.Rect(x0 + i * (bin_w + 30), bins_top, bin_w, bin_h) for i, k in enumerate(KINDS)}
            self.icon_at = {k: ("midbottom", (r.centerx, r.y - 6)) for k, r in self.bin_rects.items()}
            self.next_rect = pygame.Rect(cx - next_w // 2, next_top, next_w, bh)
            self.stop_rect = stop
            return
        # ---- big text: title and "Stop" on one row, the moment on the left, the bins on the right
        self.two_cols = True
        right = min(SCREEN_W - 150, help_rect(self.app).x - 8)
        self.stop_rect = pygame.Rect(right - stop_w, 12, stop_w, bh)
        self.title_at, self.title_center = (40, 12 + max(0, (bh - big.get_linesize()) // 2)), False
        top = self.content_top = max(self.stop_rect.bottom, 12 + big.get_linesize()) + 14
        icon_w = 48
        col_w = max(ui.button_w(_(BIN_LABELS[k])) for k in KINDS) + icon_w
        col_w = max(col_w, next_w, 300)
        col_x = SCREEN_W - 40 - col_w
        intro_h = len(draw.wrap(small, intro, col_x - 30 - 40)) * int(small.get_linesize() * 1.1)
        self.bin_rects, self.icon_at = {}, {}
        y = top
        for k in KINDS:
            self.bin_rects[k] = pygame.Rect(col_x + icon_w, y, col_w - icon_w, bh)
            self.icon_at[k] = ("midleft", (col_x, y + bh // 2))
            y += bh + 12
        self.next_rect = pygame.Rect(col_x, y + 6, col_w, bh)
        left_w = col_x - 30 - 40
        moment_lines = max(len(draw.wrap(bold, m.text, left_w - 60)) for m in self.content.moments)
        card_h = moment_lines * int(bold.get_linesize() * 1.2) + 32
        self.card.size = (left_w, card_h)
        self.card.topleft = (40, top + label_h)
        self.label_at = (self.card.right - 16, top)
        self.head_y = self.card.bottom + 10 + head_h // 2
        self.line_gap = gap = 1.1
        fb_h = len(draw.wrap(small, longest, left_w)) * int(small.get_linesize() * gap)
        self.fb_rect = pygame.Rect(40, self.card.bottom + 10 + head_h + 6, left_w, fb_h)
        # the instruction goes where the feedback will be (the feedback takes its place)
        self.intro_rect = pygame.Rect(40, self.card.bottom + 12, left_w, intro_h)

    def build(self) -> None:
        self.clear_ui()
        self._layout()
        ui = self.ui
        cx = SCREEN_W // 2
        if self.finished:
            big, body = ui.font("title", bold=True), ui.font("body")
            text = _("Back to the harbour")
            w, bh = max(380, ui.button_w(text)), ui.button_h(60)
            box_w = 800 if ui.text_scale <= 1.0 else SCREEN_W - 80
            self.summary_gap = self.line_gap
            msg_h = len(draw.wrap(body, self._summary(), box_w - 100)) * int(body.get_linesize() * self.line_gap)
            top = max(150, self.title_at[1] + big.get_linesize() // 2 + 20) if self.title_center else self.content_top
            self.summary_head = 50 if self.title_center else 20 + big.get_linesize() // 2
            box_h = max(330 if self.title_center else 0, self.summary_head + big.get_linesize() // 2 + 24 + msg_h + 24)
            self.summary_box = pygame.Rect(cx - box_w // 2, top, box_w, box_h)
            by = max(520 if self.title_center else 0, self.summary_box.bottom + 20)
            by = min(by, SCREEN_H - 16 - bh)
            self.add_button("done", text, pygame.Rect(cx - w // 2, by, w, bh))  # after the summary
            return
        done = self.result is not None and self.result.item_done
        for kind in KINDS:
            btn = self.add_button(f"bin:{kind}", _(BIN_LABELS[kind]), self.bin_rects[kind].copy(),
                                  tooltip=_(BIN_HINTS[kind]))
            if done:
                btn.disable()
        if done:
            self.add_button("next", _("Next moment »") if not self.round.finished or self.round.queue else _("See how you did"),
                            self.next_rect.copy())
        self.add_button("leave", self.stop_text, self.stop_rect.copy())
        if done:
            self.set_focus("next")

    def _summary(self) -> str:
        return tr("You sorted {n} moments, {right} right first time. Thoughts, feelings and actions "
                  "are linked: change one, and the others can shift too.", n=self.total, right=self.round.first_try_right())

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("done" if self.finished else "leave")
            return True
        super().handle(action)
        return True  # modal

    def on_button(self, button_id: str) -> None:
        if button_id.startswith("bin:"):
            self.choose(button_id[4:])
        elif button_id == "next":
            self.result = None
            if self.round.next_moment(self.ctx.clock.monotonic()) is None:
                self.finish()
            self.app.audio.play("blip")
            self.build()
        elif button_id in ("done", "leave"):
            self.back_out()

    def choose(self, kind: str) -> None:
        if self.round.current is None or (self.result is not None and self.result.item_done):
            return
        res = self.round.answer(kind, self.ctx.clock.monotonic())
        self.result = res
        self.anim = 0.6
        self.app.audio.play("right" if res.correct else "wrong")
        self.ctx.bus.publish("moment_sorted", moment_id=res.moment_id, chosen=res.chosen, correct=res.correct,
                             attempt=res.attempt, reaction_ms=res.reaction_ms)
        self.build()
        if not res.item_done:
            self.set_focus(f"bin:{kind}")

    def finish(self) -> None:
        self.finished = True
        right = self.round.first_try_right()
        self.ctx.bus.publish("sorting_completed", sorting_id=self.key, moments=self.total, first_try_right=right)
        self.play.mark_done("sorting", self.key)
        self.app.audio.play("complete")

    # ---------------------------------------------------------------- frame
    def update(self, dt: float) -> None:
        self.anim = max(0.0, self.anim - dt)

    def draw(self, surface: pygame.Surface) -> None:
        from game.ui.scale import icon

        draw.dim(surface, 170)
        big = self.ui.font("title", bold=True)
        body = self.ui.font("body")
        small = self.ui.font("small")
        cx = SCREEN_W // 2
        if self.title_center:
            draw.text(surface, big, _("The mood board"), self.title_at, center=True)
        else:
            draw.text(surface, big, _("The mood board"), self.title_at)
        if self.finished:
            box = self.summary_box
            draw.panel(surface, box)
            draw.text(surface, big, _("All sorted!"), (cx, box.y + self.summary_head), colour=RIGHT, center=True)
            draw.text_block(surface, body, self._summary(),
                            pygame.Rect(box.x + 50, box.y + self.summary_head + big.get_linesize() // 2 + 24, box.w - 100,
                                        box.h), center=True, line_gap=self.summary_gap)
            return
        if not (self.two_cols and self.result is not None):   # big text: the feedback takes its place
            draw.text_block(surface, small, self.intro, self.intro_rect, colour=draw.COLOURS["muted"],
                            center=self.title_center, line_gap=self.line_gap)
        m = self.round.current
        if m is None:
            return
        card = self.card.copy()
        if self.result is not None and not self.result.correct and self.anim > 0:
            card.x += int(math.sin(self.anim * 40) * 10 * self.anim)  # a small shake
        elif self.result is not None and self.result.correct and self.anim > 0:
            card.y -= int((0.6 - self.anim) * 20)
        draw.panel(surface, card, alpha=250, border=draw.COLOURS["focus"])
        bold = self.ui.font("body", bold=True)
        gap = 1.35 if not self.two_cols else 1.2
        lines = len(draw.wrap(bold, m.text, card.w - 60))
        h = int(bold.get_linesize() * gap) * lines
        draw.text_block(surface, bold, m.text, pygame.Rect(card.x + 30, card.centery - h // 2, card.w - 60, h),
                        center=True, line_gap=gap)
        done = len({r.moment_id for r in self.round.results if r.item_done and not r.revealed})
        label = tr("Moment {n} of {total}", n=min(done + 1, self.total), total=self.total)
        draw.text(surface, small, label, (self.label_at[0] - small.size(label)[0], self.label_at[1]),
                  colour=draw.COLOURS["muted"], shadow=False)
        for kind in KINDS:  # the icon sits beside its box (buttons are drawn over the scene)
            img = icon(BIN_ICONS[kind], 40)
            if img is not None:
                anchor, pos = self.icon_at[kind]
                surface.blit(img, img.get_rect(**{anchor: pos}))
        if self.result is not None:
            colour = RIGHT if self.result.correct else WRONG
            head = _("Yes!") if self.result.correct else (_("Here's the answer") if self.result.revealed else _("Try again"))
            fb = self.fb_rect
            if self.two_cols:
                draw.text(surface, bold, head, (fb.x, self.head_y - bold.get_linesize() // 2), colour=colour)
            else:
                draw.text(surface, bold, head, (cx, self.head_y), colour=colour, center=True)
            draw.text_block(surface, small, self.result.feedback, fb, center=not self.two_cols, line_gap=self.line_gap)

    def help_screen_name(self) -> str:
        return "sorting"


def open_sorting(play, obj) -> None:
    key = str(obj.prop("sorting"))
    play.app.stack.push(SortingScene(play.app, play, key))


def scripted_practice(sp, obj):
    """Selftest: sort every moment, the first one wrong on purpose (kind feedback, second try)."""
    from game.mechanics.sorting import KINDS
    from game.scripted import ScriptFailed

    yield from sp.use(obj, "sorting")
    first = True
    while not sp.top().finished:
        scene = sp.top()
        if scene.result is not None and scene.result.item_done:
            yield from sp.press("next")
            continue
        m = scene.round.current
        kind = next(k for k in KINDS if k != m.kind) if first else m.kind
        first = False
        yield from sp.press(f"bin:{kind}")
    if not sp.app.stack.find(lambda s: getattr(s, "name", "") == "play").is_done("sorting", scene.key):
        raise ScriptFailed("sorting was not marked done")
    yield from sp.press("done")
    yield from sp.wait_scene("play")


def register() -> None:
    from game.scenes.play import INTERACTIONS, PROMPTS
    from game.scripted import PRACTICE

    INTERACTIONS["sorting"] = open_sorting
    PROMPTS.setdefault("sorting", N_("Sort"))
    PRACTICE["sorting"] = scripted_practice
