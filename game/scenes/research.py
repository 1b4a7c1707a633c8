"""Research participation: the consent screen (with the participant code) and the screen where a
player can see their choice and stop taking part (issue 6).

* ``ConsentScene`` runs as the first ``flow.SESSION_START`` step when research is on and the
  active profile has not answered yet. Page "info" explains the study in plain words (what is kept,
  what never is, nobody reads answers, no effect on grades, voluntary, stop any time) and asks yes
  or no. Page "code" takes the code from the counsellor's card (keyboard, mouse, or the on-screen
  keypad with a gamepad); the check character catches typos and the message says so kindly.
  Page "thanks" shows the accepted code. "I don't have it yet" leaves the question open: nothing
  is logged and it is asked again next time.
* ``ResearchScene`` (the journey's "Research" button) shows the choice; "Stop taking part"
  withdraws, "Join the study" opens the consent screen for someone who said no or had no code.

The scenes only call GameContext (``consent``, ``decline``, ``withdraw``); they never touch files.
"""
from __future__ import annotations

from typing import Callable

import pygame

from game.i18n import _, tr
from game.input.actions import A, Action
from game.research.codes import ALPHABET
from game.scenes import flow
from game.scenes.base import Scene
from game.ui import draw
from game.ui.manager import SCREEN_H, SCREEN_W

KEYPAD_COLS = 16
KEYPAD_KEYS = list(ALPHABET) + ["del"]          # 31 characters + delete = 2 rows of 16
CODE_MAX = 24


def info_points(deployment) -> list[str]:
    """The information screen, one short point each (content guide: short, plain, second person)."""
    own_words = (_("Things you type in your own words may be shared too, but never with your name.")
                 if getattr(deployment, "allow_free_text_export", False)
                 else _("Things you type in your own words stay on this computer."))
    return [
        _("If you say yes, the game keeps notes on what you do in it: levels, choices, ratings and "
          "when you play."),
        _("It never keeps your name or nickname.") + " " + own_words,
        _("Nobody reads your answers while you play. Teachers only see how far you've got. "
          "It has nothing to do with your grades."),
        _("It's your choice. If you say no, you can still play everything. You can stop any time."),
    ]


class ConsentScene(Scene):
    name = "consent"

    def __init__(self, app, on_done: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.on_done = on_done
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), seed=17)
        self.rect = pygame.Rect(0, 0, 1000, 620)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 20)
        self.page = "info"
        self.message = ""
        self.entry = None
        self.typed = ""

    # ---------------------------------------------------------------- building
    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.clear_ui()
        self.build()

    def show(self, page: str) -> None:
        if self.entry is not None:
            self.typed = self.entry.get_text()
        self.page = page
        self.clear_ui()
        self.entry = None
        self.build()

    def study(self) -> str:
        return getattr(self.ctx.deployment, "study_id", None) or ""

    def build(self) -> None:
        r = self.rect
        titles = {"info": _("Would you like to help with a study?"), "code": _("Type your code"),
                  "thanks": _("Thank you for helping!")}
        self.track(self.ui.label(titles[self.page], pygame.Rect(r.x + 40, r.y + 26, r.w - 80, 50),
                                 object_id="#title_label"))
        bw, bh, by = 400, 58, r.bottom - 88
        if self.page == "info":
            self.add_button("no", _("No thanks"), pygame.Rect(r.x + 60, by, bw, bh))
            self.add_button("yes", _("Yes, I'll take part"), pygame.Rect(r.right - 60 - bw, by, bw, bh))
            self.set_focus("yes")
        elif self.page == "code":
            self.entry = self.track(self.ui.entry(pygame.Rect(r.centerx - 300, r.y + 188, 600, 64),
                                                  initial=self.typed, object_id="#nickname", max_len=CODE_MAX))
            kw, kh, gap, del_w = 50, 48, 6, 80
            x0 = r.centerx - ((KEYPAD_COLS - 1) * (kw + gap) + del_w) // 2
            for i, ch in enumerate(KEYPAD_KEYS):
                col, row = i % KEYPAD_COLS, i // KEYPAD_COLS
                rect = pygame.Rect(x0 + col * (kw + gap), r.y + 350 + row * (kh + gap),
                                   del_w if ch == "del" else kw, kh)
                self.add_button(f"k:{ch}", _("Del") if ch == "del" else ch, rect,
                                tooltip=_("Delete the last character") if ch == "del" else None)
            self.add_button("back", _("Back"), pygame.Rect(r.x + 40, by, 260, bh))
            self.add_button("later", _("I don't have it yet"), pygame.Rect(r.centerx - 150, by, 300, bh))
            self.add_button("submit", _("Done"), pygame.Rect(r.right - 300, by, 260, bh))
            self.set_focus("submit")
            self.entry.focus()
        else:
            self.add_button("continue", _("Let's go"), pygame.Rect(r.centerx - 200, by, 400, bh))

    # ---------------------------------------------------------------- input
    def handle(self, action: Action) -> bool:
        if self.page == "code":
            if action.kind is A.TEXT:
                self.entry.set_text((action.value or "")[:CODE_MAX])
                return True
            if action.kind is A.CANCEL:
                if self.entry is not None and self.entry.is_focused:
                    self.entry.unfocus()   # Esc while typing: reach the buttons with the arrows
                else:
                    self.on_button("back")
                return True
            if action.kind is A.CONFIRM and self.entry is not None and self.entry.is_focused:
                self.on_button("submit")
                return True
            if action.kind in (A.UP, A.DOWN) and self.focus_order:
                self._move_vertical(-1 if action.kind is A.UP else +1)
                return True
        elif action.kind is A.CANCEL:
            return True  # the question needs an answer: yes or no (both are fine)
        return super().handle(action) or True

    def _move_vertical(self, step: int) -> None:
        """Keypad rows with up/down; below the keypad come the three buttons."""
        cur = self.focused() or "submit"
        keys = [f"k:{c}" for c in KEYPAD_KEYS]
        if cur in keys:
            i = keys.index(cur) + step * KEYPAD_COLS
            target = keys[i] if 0 <= i < len(keys) else ("submit" if step > 0 else cur)
        else:
            target = keys[KEYPAD_COLS] if step < 0 else cur
        self.set_focus(target)
        self.app.audio.play("move")

    def on_button(self, button_id: str) -> None:
        if button_id == "yes":
            self.app.audio.play("confirm")
            self.message = ""
            self.show("code")
        elif button_id == "no":
            self.app.audio.play("confirm")
            self.ctx.decline()
            self.finish()
        elif button_id.startswith("k:") and self.entry is not None:
            ch = button_id[2:]
            text = self.entry.get_text()
            self.entry.set_text(text[:-1] if ch == "del" else (text + ch)[:CODE_MAX])
            self.app.audio.play("move")
        elif button_id == "submit":
            ok, message = self.ctx.consent(self.entry.get_text() if self.entry else "")
            if ok:
                self.app.audio.play("confirm")
                self.message = ""
                self.show("thanks")
            else:
                self.app.audio.play("wrong")
                self.message = message + " " + _("No worries, just try again.")
                if self.entry is not None:
                    self.entry.focus()
        elif button_id == "later":
            self.app.audio.play("back")
            self.finish()       # no answer yet: nothing is logged, asked again next time
        elif button_id == "back":
            self.app.audio.play("back")
            self.message = ""
            self.show("info")
        elif button_id == "continue":
            self.app.audio.play("confirm")
            self.finish()

    def finish(self) -> None:
        self.app.stack.pop()
        if self.on_done:
            self.on_done()

    # ---------------------------------------------------------------- frame
    def update(self, dt: float) -> None:
        self.backdrop.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface)
        draw.dim(surface, 90)
        r = self.rect
        draw.panel(surface, r)
        body, small = self.ui.font("body"), self.ui.font("small")
        x, w = r.x + 50, r.w - 100
        if self.page == "info":
            y = r.y + 92
            y += draw.text_block(surface, body, _("Your school is taking part in a study. Researchers want to "
                                 "learn whether games like Glimmer help young people."), pygame.Rect(x, y, w, 80))
            y += 14
            for point in info_points(self.ctx.deployment):
                pygame.draw.circle(surface, draw.hex_rgb(draw.COLOURS["focus"]), (x + 8, y + 16), 5)
                y += draw.text_block(surface, body, point, pygame.Rect(x + 28, y, w - 28, 90)) + 10
        elif self.page == "code":
            study = self.study()
            example = f"{study}-XXXX-XXXX" if study else "GLM24-XXXX-XXXX"
            draw.text_block(surface, body, tr("It's on the card from your counsellor and looks like {example}. "
                            "Capitals, spaces and dashes don't matter.", example=example), pygame.Rect(x, r.y + 92, w, 70),
                            center=True)
            if self.message:
                draw.text_block(surface, body, self.message, pygame.Rect(x, r.y + 264, w, 70),
                                colour=draw.COLOURS["warn"], center=True)
            else:
                draw.text_block(surface, small, _("Type it, or pick the characters below."),
                                pygame.Rect(x, r.y + 282, w, 40), colour=draw.COLOURS["muted"], center=True)
        else:
            code = self.ctx.profile.participant_code if self.ctx.profile else ""
            y = r.y + 110
            y += draw.text_block(surface, body, _("You're taking part with the code"), pygame.Rect(x, y, w, 40),
                                 center=True)
            draw.text(surface, self.ui.font("title", bold=True), code or "", (r.centerx, y + 34),
                      draw.COLOURS["focus"], center=True)
            y += 90
            draw.text_block(surface, body, _("You can stop any time with the Research study button on your journey map. "
                            "Now, let's play!"), pygame.Rect(x, y, w, 80), center=True)


class ResearchScene(Scene):
    """Your research choice, and a way to stop (or to join, if you said no)."""

    name = "research"
    opaque = False

    def __init__(self, app) -> None:
        super().__init__(app)
        self.rect = pygame.Rect(0, 0, 820, 460)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2)
        self.note = ""

    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.clear_ui()
        self.build()

    def decision(self) -> str | None:
        p = self.ctx.profile
        return p.research.get("decision") if p is not None else None

    def text(self) -> str:
        d = self.decision()
        if not self.ctx.research_on():
            return _("There is no research study on this computer. Nothing about your play is collected.")
        if d == "yes":
            return tr("You're taking part with the code {code}. Thank you! "
                      "If you stop, nothing more is collected, and the researchers remove what they have "
                      "when your school next sends its data.", code=self.ctx.profile.participant_code)
        if d == "withdrawn":
            return _("You stopped taking part. Nothing about your play is collected, and the researchers "
                     "will remove what they had. If you change your mind, talk to your counsellor.")
        if d == "no":
            return _("You said no, and that's fine. Nothing about your play is collected.")
        return _("You haven't joined the study. Nothing about your play is collected.")

    def build(self) -> None:
        r = self.rect
        self.track(self.ui.label(_("Research study"), pygame.Rect(r.x + 30, r.y + 24, r.w - 60, 50),
                                 object_id="#title_label"))
        by = r.bottom - 86
        d = self.decision()
        if self.ctx.research_on() and d == "yes":
            self.add_button("withdraw", _("Stop taking part"), pygame.Rect(r.x + 50, by, 340, 58))
        elif self.ctx.research_on() and d in (None, "no"):
            self.add_button("join", _("Join the study"), pygame.Rect(r.x + 50, by, 340, 58))
        bx = r.right - 390 if self.buttons else r.centerx - 170
        self.add_button("back", _("Back"), pygame.Rect(bx, by, 340, 58))
        self.set_focus("back")

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("back")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        from game.scenes.message import MessageScene

        if button_id == "back":
            self.app.audio.play("back")
            self.app.stack.pop()
        elif button_id == "join":
            self.app.audio.play("confirm")
            self.app.stack.push(ConsentScene(self.app))
        elif button_id == "withdraw":
            def really() -> None:
                self.ctx.withdraw()
                self.note = _("Done. Nothing more is collected.")

            self.app.stack.push(MessageScene(
                self.app, _("Stop taking part in the study? Nothing more will be collected, and the researchers "
                            "will remove what they have. You can keep playing just the same."),
                title=_("Stop taking part?"), ok=_("Yes, stop"), cancel=_("No, keep going"), on_ok=really))

    def draw(self, surface: pygame.Surface) -> None:
        draw.dim(surface, 130)
        r = self.rect
        draw.panel(surface, r)
        body = self.ui.font("body")
        h = draw.text_block(surface, body, self.text(), pygame.Rect(r.x + 40, r.y + 92, r.w - 80, 200))
        if self.note:
            draw.text_block(surface, body, self.note, pygame.Rect(r.x + 40, r.y + 110 + h, r.w - 80, 40),
                            colour=draw.COLOURS["good"])


# ---------------------------------------------------------------------- flow step
def consent_step(app, done: Callable[[], None], **info) -> Scene | None:
    """First session step: ask once per profile, when research is on and nothing was decided."""
    if not app.ctx.needs_consent():
        return None
    return ConsentScene(app, on_done=done)


if consent_step not in flow.SESSION_START:
    flow.SESSION_START.insert(0, consent_step)
