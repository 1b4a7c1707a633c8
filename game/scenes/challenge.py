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
from game.ui.manager import SCREEN_H, SCREEN_W

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
    """A centred card: a title, a text, a row of answer buttons, then a kind reply and Continue."""

    opaque = False

    def __init__(self, app, done: Callable[[], None] | None) -> None:
        super().__init__(app)
        self.done = done
        self.rect = pygame.Rect(0, 0, 900, 380)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 10)
        self.replied = False

    def show(self, title: str, body: str, kicker: str, answers: list[tuple[str, str]]) -> None:
        r = self.rect
        self.clear_ui()
        self.track(self.ui.label(kicker, pygame.Rect(r.x + 36, r.y + 16, r.w - 72, 36), object_id="#muted_label"))
        self.track(self.ui.label(title, pygame.Rect(r.x + 36, r.y + 48, r.w - 72, 60), object_id="#title_label"))
        self.track(self.ui.textbox(body, pygame.Rect(r.x + 36, r.y + 112, r.w - 72, 150)))
        gap = 16
        w = (r.w - 72 - gap * (len(answers) - 1)) // len(answers)
        if len(answers) == 1:
            w = 340
        x0 = r.x + 36 if len(answers) > 1 else r.centerx - w // 2
        for i, (bid, text) in enumerate(answers):
            self.add_button(bid, text, pygame.Rect(x0 + i * (w + gap), r.bottom - 90, w, 58))

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
