"""Real-world challenges: given at the end of a level, asked about at the start of the next one.

The rules live in ``game.mechanics.challenges``; the records are saved in the profile
(``challenges``). Steps are registered by ``game.scenes.planner.register``.
"""
from __future__ import annotations

from typing import Callable

import pygame

from game.i18n import N_, _
from game.input.actions import A, Action
from game.mechanics.challenges import Challenge, ChallengeLog, ChallengeRecord, commit_response
from game.mechanics.mood import local_date
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W, flow_rects, help_rect

STATUS_BUTTONS = (("done", N_("I did it")), ("partly", N_("Partly")), ("not_yet", N_("Not yet")))


def challenge_log(profile) -> ChallengeLog:
    records = []
    for raw in profile.data.get("challenges", []) if profile is not None else []:
        try:
            records.append(ChallengeRecord.from_dict(raw))
        except ValueError:
            continue
    return ChallengeLog(records)


def save_log(profile, log: ChallengeLog) -> None:
    profile.data["challenges"] = [r.to_dict() for r in log.records]


class _CardScene(Scene):
    """A centred card: a title, a text, a row of answer buttons, then a kind reply and Continue.

    The card is laid out from the font metrics (``build``): it grows with the text size, widens
    when the answers don't fit side by side, and puts the answers on two rows if they still don't."""

    opaque = False

    def __init__(self, app, done: Callable[[], None] | None) -> None:
        super().__init__(app)
        self.done = done
        self.rect = pygame.Rect(0, 0, 900, 380)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 10)
        self.replied = False
        self.card: tuple[str, str, str, list[tuple[str, str]]] = ("", "", "", [])

    def show(self, title: str, body: str, kicker: str, answers: list[tuple[str, str]]) -> None:
        self.card = (title, body, kicker, list(answers))
        self.clear_ui()
        self.build()

    def build(self) -> None:
        title, body, kicker, answers = self.card
        ui = self.ui
        pad, gap = 36, 16
        bh = ui.button_h(58)
        natural = [ui.button_w(text, 120) for _bid, text in answers]
        if len(answers) == 1:
            natural = [max(340, natural[0])]
        w = 900
        for w in (900, SCREEN_W - 80):      # wider when the answers don't fit side by side
            inner = w - 2 * pad
            if len(answers) == 1 or max(natural) * len(answers) + gap * (len(answers) - 1) <= inner:
                break
        inner = w - 2 * pad
        if len(answers) > 1 and max(natural) * len(answers) + gap * (len(answers) - 1) <= inner:
            widths = [(inner - gap * (len(answers) - 1)) // len(answers)] * len(answers)
        else:
            widths = [min(n, inner) for n in natural]
        rows = flow_rects(widths, bh, pygame.Rect(0, 0, inner, SCREEN_H), gap=gap)
        rows_h = max(r.bottom for r in rows) if rows else 0
        kicker_h = ui.text_h(kicker, inner, "small") if kicker else 0
        title_h = ui.text_h(title, inner, "title", True)
        box_h = max(ui.box_h(body, inner), ui.line_h("body") * 2 + 40)
        h = 16 + kicker_h + 2 + title_h + 10 + box_h + 22 + rows_h + 24
        self.rect = pygame.Rect(0, 0, w, h)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 10)
        self.rect.top = max(8, min(self.rect.top, SCREEN_H - 8 - h))
        r = self.rect
        avoid = help_rect(self.app)
        y = r.y + 16
        if kicker:
            self.track(ui.wrapped(kicker, r.x + pad, y, inner, style="muted", center=True, avoid=avoid)[0])
            y += kicker_h
        y += 2
        self.track(ui.wrapped(title, r.x + pad, y, inner, style="title", center=True, avoid=avoid)[0])
        y += title_h + 10
        self.track(ui.textbox(body, pygame.Rect(r.x + pad, y, inner, box_h)))
        y += box_h + 22
        for (bid, text), rect in zip(answers, rows):
            self.add_button(bid, text, rect.move(r.x + pad, y))

    def reply(self, title: str, text: str) -> None:
        self.replied = True
        self.show(title, text, "", [("continue", _("Continue"))])

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL and self.replied:
            self.on_button("continue")
            return True
        return super().handle(action) or True

    def close(self) -> None:
        self.app.audio.play("confirm")
        self.app.stack.pop()
        if self.done:
            self.done()

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 150)
        draw.panel(surface, self.rect)


class ChallengeSetScene(_CardScene):
    """End of a level: this week's real-world challenge; the player says whether they'll try it."""

    name = "challenge_set"

    def __init__(self, app, level, done: Callable[[], None] | None = None) -> None:
        super().__init__(app, done)
        self.level = level
        c = level.content.challenge
        self.challenge = Challenge(c.id, c.text, level.id)

    def enter(self) -> None:
        self.show(_("Try it in real life"), self.challenge.text, _("Your challenge for this week"),
                  [("commit", _("I'll give it a go")), ("skip", _("Not this time"))])

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL and not self.replied:
            self.on_button("skip")
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        if button_id in ("commit", "skip") and not self.replied:
            committed = button_id == "commit"
            profile = self.ctx.profile
            if profile is not None:
                log = challenge_log(profile)
                rec = log.set(self.challenge, committed, local_date(self.ctx.clock))
                save_log(profile, log)
                self.ctx.bus.publish("challenge_set", challenge_id=rec.challenge_id, committed=committed)
                self.ctx.checkpoint()
            self.app.audio.play("confirm")
            self.reply(_("Your challenge"), commit_response(committed))
        elif button_id == "continue":
            self.close()

    def autoplay_actions(self) -> list[Action]:
        return [Action(A.PRESS, "continue" if self.replied else "skip")]

    def engaged_actions(self) -> list[Action]:
        return [Action(A.PRESS, "continue" if self.replied else "commit")]


class ChallengeFollowUpScene(_CardScene):
    """Start of a level: how did last time's challenge go? Never a scolding answer."""

    name = "challenge_follow_up"

    def __init__(self, app, record: ChallengeRecord, done: Callable[[], None] | None = None) -> None:
        super().__init__(app, done)
        self.record = record

    def enter(self) -> None:
        # the record keeps the text as it was shown; _() finds it again when that was English
        self.show(_("How did it go?"), _(self.record.text), _("Last time's real-world challenge"),
                  [*((bid, _(text)) for bid, text in STATUS_BUTTONS), ("later", _("Ask me later"))])

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL and not self.replied:
            self.on_button("later")
            return True
        return super().handle(action)

    def on_button(self, button_id: str) -> None:
        if button_id in ("done", "partly", "not_yet") and not self.replied:
            profile = self.ctx.profile
            log = challenge_log(profile)
            response = log.follow_up(button_id, local_date(self.ctx.clock))
            save_log(profile, log)
            self.ctx.bus.publish("challenge_followed_up", challenge_id=self.record.challenge_id, status=button_id)
            self.ctx.checkpoint()
            self.app.audio.play("confirm")
            self.reply(_("Thanks for telling me"), response.message)
        elif button_id in ("later", "continue"):
            self.close()

    def autoplay_actions(self) -> list[Action]:
        return [Action(A.PRESS, "continue" if self.replied else "later")]

    def engaged_actions(self) -> list[Action]:
        return [Action(A.PRESS, "continue" if self.replied else "partly")]


# ---------------------------------------------------------------------- steps
def challenge_set_step(app, done, level=None, **info):
    if app.ctx.profile is None or level is None or level.content.challenge is None:
        return None
    return ChallengeSetScene(app, level, done)


def challenge_follow_up_step(app, done, level=None, **info):
    if app.ctx.profile is None:
        return None
    rec = challenge_log(app.ctx.profile).due_follow_up()
    if rec is None or (level is not None and rec.level_id == level.id):
        return None     # replaying the same level right away: ask at the next one
    return ChallengeFollowUpScene(app, rec, done)
