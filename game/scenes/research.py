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
from game.ui.manager import SCREEN_H, SCREEN_W, clear_of, flow_rects, help_rect

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


GAP = 1.35              # line spacing of the scene's drawn text (draw.text_block's)


def block_h(font: pygame.font.Font, text: str, width: int, gap: float = GAP) -> int:
    """Height ``draw.text_block`` uses for ``text`` wrapped to ``width``."""
    return len(draw.wrap(font, text, width)) * int(font.get_linesize() * gap)


def heading(scene: Scene, text: str, x: int, y: int, w: int, dry: bool = False) -> int:
    """A centred heading clear of the Help button: one bold line (a label) when it fits, else
    wrapped lines. Returns its height; ``dry``: only the height (the widest it could be clipped to)."""
    ui = scene.ui
    hr = help_rect(scene.app)
    lh = ui.label_h("title", True)
    r = clear_of(pygame.Rect(x, y, w, lh), hr, center=True)
    if ui.text_w(text, "title", True) + 8 <= r.w:
        if not dry:
            scene.track(ui.label(text, r, object_id="#title_label"))
        return lh
    if dry:
        return ui.text_h(text, r.w, "title", True)
    box, h = ui.wrapped(text, x, y, w, style="title", center=True, avoid=hr)
    scene.track(box)
    return h


def button_rows(rects: list[pygame.Rect]) -> int:
    return len({r.y for r in rects})


class ConsentScene(Scene):
    """Every page lays itself out from the font metrics (``build``). With big text the panel fills
    the screen; the information page is spread over parts ("Next") when it is longer than the
    screen; the code page puts the title beside the text field when it needs the room, and a
    message that has no room on the page is shown in a message box."""

    name = "consent"

    def __init__(self, app, on_done: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.on_done = on_done
        self.backdrop = draw.Backdrop((SCREEN_W, SCREEN_H), seed=17)
        self.rect = pygame.Rect(0, 0, 1000, 620)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2 + 20)
        self.page = "info"
        self.part = 0                 # which part of the information page (big text: more than one)
        self.parts: list[list[tuple]] = [[]]      # (line, indent, bullet, height, gap after)
        self.message = ""
        self.message_inline = True    # False: the message has no room on the page (a message box shows it)
        self.entry = None
        self.typed = ""
        self.ops: list[tuple] = []    # what draw() draws: ("text", font, text, rect, colour, center) ...

    # ---------------------------------------------------------------- building
    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.rebuild()

    def clear_ui(self) -> None:
        if self.entry is not None:            # a new layout keeps what was typed
            self.typed = self.entry.get_text()
            self.entry = None
        super().clear_ui()

    def rebuild(self) -> None:
        self.clear_ui()
        self.build()

    def show(self, page: str) -> None:
        self.clear_ui()
        self.page = page
        self.build()

    def study(self) -> str:
        return getattr(self.ctx.deployment, "study_id", None) or ""

    def panel(self, needed: int) -> pygame.Rect:
        """620 px high at normal text (as it always was); taller, up to the screen, when needed."""
        w = 1000 if self.ui.text_scale <= 1.0 else SCREEN_W - 40
        h = 620 if needed <= 620 else min(SCREEN_H - 20, needed)
        r = pygame.Rect(0, 0, w, h)
        r.center = (SCREEN_W // 2, SCREEN_H // 2 + (20 if h == 620 else 0))
        return r

    def title(self, text: str, r: pygame.Rect, y: int) -> int:
        return heading(self, text, r.x + 40, y, r.w - 80)

    def title_h(self, text: str, width: int) -> int:
        return heading(self, text, (SCREEN_W - width) // 2, 0, width, dry=True)

    def text_op(self, font, text: str, rect: pygame.Rect, colour: str | None = None, center: bool = False,
                gap: float = GAP) -> None:
        self.ops.append(("block", font, text, rect, colour, center, gap))

    def build(self) -> None:
        self.ops = []
        {"info": self.build_info, "code": self.build_code}.get(self.page, self.build_thanks)()

    # ---------------------------------------------------------------- page "info"
    def info_rows(self, width: int) -> list[tuple[str, int, bool, int, int]]:
        """(line, indent, bullet, height, gap after the paragraph or 0) for the whole information text."""
        body = self.ui.font("body")
        lh = int(body.get_linesize() * GAP)
        intro = _("Your school is taking part in a study. Researchers want to "
                  "learn whether games like Glimmer help young people.")
        indent = max(28, round(body.get_linesize() * 0.5))
        paras = [(intro, 0, 14)] + [(p, indent, 10) for p in info_points(self.ctx.deployment)]
        rows = []
        for text, ind, gap in paras:
            lines = draw.wrap(body, text, width - ind)
            for i, line in enumerate(lines):
                rows.append((line, ind, ind > 0 and i == 0, lh, gap if i == len(lines) - 1 else 0))
        return rows

    @staticmethod
    def paginate(rows: list, height: int) -> list[list]:
        """Rows into parts no taller than ``height``; a paragraph moves whole to the next part when
        it fits there, else it continues line by line."""
        paras: list[list] = [[]]
        for row in rows:
            paras[-1].append(row)
            if row[4]:
                paras.append([])
        parts: list[list] = [[]]
        used = 0
        for para in (p for p in paras if p):
            para_h = sum(r[3] for r in para)
            gap_before = parts[-1][-1][4] if parts[-1] else 0
            if parts[-1] and used + gap_before + para_h > height and para_h <= height:
                parts.append([])
                used, gap_before = 0, 0
            for row in para:
                gap_before = parts[-1][-1][4] if parts[-1] else 0
                if parts[-1] and used + gap_before + row[3] > height:
                    parts.append([])
                    used, gap_before = 0, 0
                parts[-1].append(row)
                used += gap_before + row[3]
        return parts

    def info_buttons(self, r: pygame.Rect, last: bool, first: bool,
                     bottom: int = 30) -> list[tuple[str, str, pygame.Rect]]:
        ui = self.ui
        bh = ui.button_h(58)
        items = ([] if first else [("prev", _("Back"))]) + (
            [("no", _("No thanks")), ("yes", _("Yes, I'll take part"))] if last else [("next", _("Next"))])
        if first and last:        # the whole text on one page: "No" left, "Yes" right, as always
            bw = max([400] + [ui.button_w(t) for _bid, t in items])
            if 2 * bw + 160 <= r.w:
                by = r.bottom - bottom - bh
                return [("no", items[0][1], pygame.Rect(r.x + 60, by, bw, bh)),
                        ("yes", items[1][1], pygame.Rect(r.right - 60 - bw, by, bw, bh))]
        widths = [ui.button_w(t, 260) for _bid, t in items]
        area = pygame.Rect(r.x + 40, r.y, r.w - 80, r.h - bottom)
        rects = flow_rects(widths, bh, area, gap=24, align="bottom")
        return [(bid, t, rect) for (bid, t), rect in zip(items, rects)]

    def build_info(self) -> None:
        ui = self.ui
        heading = _("Would you like to help with a study?")
        w = 1000 if ui.text_scale <= 1.0 else SCREEN_W - 40
        text_w = w - 100
        rows = self.info_rows(text_w)
        th = self.title_h(heading, w - 80)
        whole = sum(r[3] + r[4] for r in rows) - rows[-1][4]
        probe = pygame.Rect(0, 0, w, SCREEN_H - 20)

        def btn_h(last: bool, first: bool) -> int:       # the button row(s), one or two high
            rects = [rect for _b, _t, rect in self.info_buttons(probe, last, first)]
            return max(rect.bottom for rect in rects) - min(rect.y for rect in rects)

        top, below_title, bottom = (26, 16, 30) if ui.text_scale <= 1.0 else (16, 10, 20)
        fixed = top + th + below_title + 14 + bottom
        r = self.panel(fixed + whole + btn_h(True, True))
        self.rect = r
        self.parts = [rows]
        if fixed + whole + btn_h(True, True) > r.h:
            self.parts = self.paginate(rows, r.h - fixed - max(btn_h(False, True), btn_h(True, False)))
        self.part = max(0, min(self.part, len(self.parts) - 1))
        last, first = self.part == len(self.parts) - 1, self.part == 0
        self.title(heading, r, r.y + top)
        x, y = r.x + 50, r.y + top + th + below_title
        body = ui.font("body")
        dot = max(5, round(body.get_linesize() * 0.12))
        gap = 0
        for line, indent, bullet, h, after in self.parts[self.part]:
            y += gap
            if bullet:
                self.ops.append(("dot", (x + max(8, dot + 3), y + body.get_linesize() // 2), dot))
            self.ops.append(("text", body, line, (x + indent, y), None))
            y += h
            gap = after
        for bid, text, rect in self.info_buttons(r, last, first, bottom):
            self.add_button(bid, text, rect)
        self.set_focus("yes" if last else "next")

    # ---------------------------------------------------------------- page "code"
    def code_layout(self, with_message: bool, force: bool = False) -> dict | None:
        """Positions for the code page, or None when it doesn't fit the screen (``force``: the
        tightest layout anyway)."""
        ui = self.ui
        body, small, bfont = ui.font("body"), ui.font("small"), ui.font("button", bold=True)
        heading = _("Type your code")
        study = self.study()
        example = f"{study}-XXXX-XXXX" if study else "GLM24-XXXX-XXXX"
        wordings = [tr("It's on the card from your counsellor and looks like {example}. "
                       "Capitals, spaces and dashes don't matter.", example=example),
                    tr("On your card, like {example}. Capitals and dashes don't matter.",
                       example=example)]      # the shorter one when the page has no room for the first
        hint = _("Type it, or pick the characters below.")
        w = 1000 if ui.text_scale <= 1.0 else SCREEN_W - 40
        text_w = w - 100
        kw = max([50] + [bfont.size(ch)[0] + 20 for ch in ALPHABET])
        kh = max(48, bfont.get_height() + 8)
        del_w = max(80, ui.button_w(_("Del"), pad=24))
        key_gap = 6
        keys_w = (KEYPAD_COLS - 1) * (kw + key_gap) + del_w
        rows_n = (len(KEYPAD_KEYS) + KEYPAD_COLS - 1) // KEYPAD_COLS
        keypad_h = rows_n * kh + (rows_n - 1) * key_gap
        bh = ui.button_h(58)
        items = [("back", _("Back"), 260), ("later", _("I don't have it yet"), 300), ("submit", _("Done"), 260)]
        widths = [ui.button_w(t, m) for _b, t, m in items]
        spread = 40 + max(widths[0], widths[2]) + 24 + widths[1] // 2 <= w // 2   # Back left, Later centre, Done right
        btn_rows = 1 if spread else button_rows(flow_rects(widths, bh, pygame.Rect(0, 0, w - 80, 999), gap=24))
        buttons_h = btn_rows * bh + (btn_rows - 1) * 24
        entry_h = max(64, ui.entry_h())
        th = self.title_h(heading, w - 80)
        hr = help_rect(self.app)
        top, bottom = (26, 30) if ui.text_scale <= 1.0 else (16, 20)
        # the first that fits: everything stacked; the title beside the text field; the shorter
        # explanation; its lines a little closer together
        modes = ((False, wordings[0], GAP), (True, wordings[0], GAP), (True, wordings[1], GAP),
                 (True, wordings[1], 1.2))
        for compact, explain, gap in modes:
            expl_h = block_h(body, explain, text_w, gap)
            msg_h = block_h(body, self.message, text_w, gap) if with_message and self.message else 0
            slot = max(block_h(small, hint, text_w, gap), msg_h)
            head = max(th, entry_h) if compact else th + 12 + expl_h + 12 + entry_h
            if compact:
                head += 12 + expl_h
            needed = top + head + 12 + slot + 12 + keypad_h + 16 + buttons_h + bottom
            if needed <= SCREEN_H - 20 and keys_w <= w - 40:
                break
        else:
            if not force:
                return None
        r = self.panel(needed)
        # spare height: a little more room between the parts (at most 36 px each), the rest above the buttons
        extra = max(0, min(36, (r.h - needed) // 4))
        out: dict = {"rect": r, "kw": kw, "kh": kh, "del_w": del_w, "key_gap": key_gap, "keys_w": keys_w,
                     "bh": bh, "items": items, "widths": widths, "spread": spread, "heading": heading,
                     "explain": explain, "hint": hint, "compact": compact, "slot": slot, "gap": gap}
        y = r.y + top
        if compact:
            title_w = min(ui.text_w(heading, "title", True) + 12, (r.w - 80) // 2)
            ex = r.x + 40 + title_w + 24
            right = r.right - 40
            if pygame.Rect(ex, y, right - ex, entry_h).colliderect(hr):
                right = min(right, hr.x - 12)
            out["title_rect"] = pygame.Rect(r.x + 40, y + max(0, (entry_h - th) // 2), title_w, th)
            out["entry_rect"] = pygame.Rect(ex, y, max(200, right - ex), entry_h)
            y += max(th, entry_h) + 12 + extra
            out["explain_rect"] = pygame.Rect(r.x + 50, y, text_w, expl_h)
            y += expl_h + 12 + extra
        else:
            out["title_rect"] = pygame.Rect(r.x + 40, y, r.w - 80, th)
            y += th + 12 + extra // 2
            out["explain_rect"] = pygame.Rect(r.x + 50, y, text_w, expl_h)
            y += expl_h + 12 + extra
            ew = min(600, r.w - 80)
            out["entry_rect"] = pygame.Rect(r.centerx - ew // 2, y, ew, entry_h)
            y += entry_h + 12 + extra
        out["slot_rect"] = pygame.Rect(r.x + 50, y, text_w, slot)
        y += slot + 12 + extra
        out["keys_y"] = y
        out["buttons_bottom"] = r.bottom - bottom
        return out

    def build_code(self) -> None:
        ui = self.ui
        lay = self.code_layout(with_message=True)
        self.message_inline = lay is not None
        if lay is None:
            lay = self.code_layout(with_message=False, force=True)
        r = self.rect = lay["rect"]
        if lay["compact"]:
            heading(self, lay["heading"], lay["title_rect"].x, lay["title_rect"].y, lay["title_rect"].w)
        else:
            self.title(lay["heading"], r, lay["title_rect"].y)
        self.text_op(ui.font("body"), lay["explain"], lay["explain_rect"], center=True, gap=lay["gap"])
        self.entry = self.track(ui.entry(lay["entry_rect"], initial=self.typed, object_id="#nickname",
                                         max_len=CODE_MAX))
        slot = lay["slot_rect"]
        if self.message and self.message_inline:
            self.text_op(ui.font("body"), self.message, slot, colour=draw.COLOURS["warn"], center=True, gap=lay["gap"])
        else:
            self.text_op(ui.font("small"), lay["hint"], slot, colour=draw.COLOURS["muted"], center=True, gap=lay["gap"])
        kw, kh, gap, del_w = lay["kw"], lay["kh"], lay["key_gap"], lay["del_w"]
        x0 = r.centerx - lay["keys_w"] // 2
        for i, ch in enumerate(KEYPAD_KEYS):
            col, row = i % KEYPAD_COLS, i // KEYPAD_COLS
            rect = pygame.Rect(x0 + col * (kw + gap), lay["keys_y"] + row * (kh + gap),
                               del_w if ch == "del" else kw, kh)
            self.add_button(f"k:{ch}", _("Del") if ch == "del" else ch, rect,
                            tooltip=_("Delete the last character") if ch == "del" else None)
        bh, by = lay["bh"], lay["buttons_bottom"] - lay["bh"]
        (b_id, b_text, _m), (l_id, l_text, _m2), (d_id, d_text, _m3) = lay["items"]
        bw, lw, dw = lay["widths"]
        if lay["spread"]:
            rects = [pygame.Rect(r.x + 40, by, bw, bh), pygame.Rect(r.centerx - lw // 2, by, lw, bh),
                     pygame.Rect(r.right - 40 - dw, by, dw, bh)]
        else:
            rects = flow_rects(lay["widths"], bh, pygame.Rect(r.x + 40, r.y, r.w - 80, lay["buttons_bottom"] - r.y),
                               gap=24, align="bottom")
        for (bid, text, _m4), rect in zip(lay["items"], rects):
            self.add_button(bid, text, rect)
        self.set_focus("submit")
        self.entry.focus()

    # ---------------------------------------------------------------- page "thanks"
    def build_thanks(self) -> None:
        ui = self.ui
        heading = _("Thank you for helping!")
        body = ui.font("body")
        big = ui.font("title", bold=True)
        lead = _("You're taking part with the code")
        after = _("You can stop any time with the Research study button on your journey map. Now, let's play!")
        w = 1000 if ui.text_scale <= 1.0 else SCREEN_W - 40
        text_w = w - 100
        th = self.title_h(heading, w - 80)
        lead_h, after_h = block_h(body, lead, text_w), block_h(body, after, text_w)
        bh = ui.button_h(58)
        label = _("Let's go")
        bw = min(w - 80, ui.button_w(label, 400))
        code_h = big.get_linesize() + 16
        needed = 26 + th + 18 + lead_h + code_h + 16 + after_h + 16 + bh + 30
        r = self.rect = self.panel(needed)
        self.title(heading, r, r.y + 26)
        y = r.y + 26 + th + 18 + max(0, r.h - needed) // 2       # the code in the middle of the room left
        self.text_op(body, lead, pygame.Rect(r.x + 50, y, text_w, lead_h), center=True)
        y += lead_h
        code = self.ctx.profile.participant_code if self.ctx.profile else ""
        self.ops.append(("text", big, code or "", (r.centerx, y + code_h // 2), draw.COLOURS["focus"], True))
        y += code_h + 16
        self.text_op(body, after, pygame.Rect(r.x + 50, y, text_w, after_h), center=True)
        self.add_button("continue", label, pygame.Rect(r.centerx - bw // 2, r.bottom - 30 - bh, bw, bh))

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
            if self.page == "info" and self.part > 0:
                self.on_button("prev")
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
        elif button_id in ("next", "prev"):
            self.app.audio.play("move" if button_id == "next" else "back")
            self.part += 1 if button_id == "next" else -1
            self.rebuild()
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
                from game.scenes.message import MessageScene

                self.app.audio.play("wrong")
                self.message = message + " " + _("No worries, just try again.")
                self.rebuild()        # the message takes its place on the page
                if not self.message_inline:
                    self.app.stack.push(MessageScene(self.app, self.message))
        elif button_id == "later":
            self.app.audio.play("back")
            self.finish()       # no answer yet: nothing is logged, asked again next time
        elif button_id == "back":
            self.app.audio.play("back")
            self.message = ""
            self.part = 10 ** 6             # back to the part with the question
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
        draw.panel(surface, self.rect)
        paint_ops(surface, self.ops)


def paint_ops(surface: pygame.Surface, ops: list[tuple]) -> None:
    """Draw what ``build`` laid out: text blocks, single lines of text, rules and bullet dots."""
    for op in ops:
        if op[0] == "block":
            _kind, font, text, rect, colour, center, *gap = op
            draw.text_block(surface, font, text, rect, colour=colour, center=center, line_gap=gap[0] if gap else GAP)
        elif op[0] == "text":
            _kind, font, text, pos, colour, *center = op
            draw.text(surface, font, text, pos, colour, center=bool(center and center[0]), shadow=False)
        elif op[0] == "line":
            pygame.draw.line(surface, draw.hex_rgb(op[1]), op[2], op[3], 1)
        elif op[0] == "dot":
            pygame.draw.circle(surface, draw.hex_rgb(draw.COLOURS["focus"]), op[1], op[2])


class ResearchScene(Scene):
    """Your research choice, and a way to stop (or to join, if you said no)."""

    name = "research"
    opaque = False

    def __init__(self, app) -> None:
        super().__init__(app)
        self.rect = pygame.Rect(0, 0, 820, 460)
        self.rect.center = (SCREEN_W // 2, SCREEN_H // 2)
        self.note = ""
        self.ops: list[tuple] = []

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
        """The panel grows with the text (as wide as the screen with big text); two buttons side
        by side, or one above the other when they don't fit."""
        ui = self.ui
        self.ops = []
        body = ui.font("body")
        d = self.decision()
        items = []
        if self.ctx.research_on() and d == "yes":
            items.append(("withdraw", _("Stop taking part")))
        elif self.ctx.research_on() and d in (None, "no"):
            items.append(("join", _("Join the study")))
        items.append(("back", _("Back")))
        bh = ui.button_h(58)
        bw = max([340] + [ui.button_w(t) for _b, t in items])
        w = 820 if ui.text_scale <= 1.0 and 2 * bw + 140 <= 820 else SCREEN_W - 40
        side = len(items) == 1 or 2 * bw + 140 <= w
        buttons_h = bh if side else 2 * bh + 16
        title = _("Research study")
        th = heading(self, title, (SCREEN_W - w) // 2 + 30, 0, w - 60, dry=True)
        text_w = w - 80
        gap = GAP
        text_h = block_h(body, self.text(), text_w, gap)
        note_h = block_h(body, self.note, text_w, gap) if self.note else 0
        needed = 24 + th + 18 + text_h + (18 + note_h if note_h else 0) + 24 + buttons_h + 28
        if needed > SCREEN_H - 20:         # very big text: the lines a little closer together
            gap = 1.2
            text_h = block_h(body, self.text(), text_w, gap)
            note_h = block_h(body, self.note, text_w, gap) if self.note else 0
            needed = 24 + th + 18 + text_h + (18 + note_h if note_h else 0) + 24 + buttons_h + 28
        r = pygame.Rect(0, 0, w, max(460 if ui.text_scale <= 1.0 else 0, min(SCREEN_H - 20, needed)))
        r.center = (SCREEN_W // 2, SCREEN_H // 2)
        self.rect = r
        heading(self, title, r.x + 30, r.y + 24, r.w - 60)
        y = r.y + 24 + th + 18
        self.ops.append(("block", body, self.text(), pygame.Rect(r.x + 40, y, text_w, text_h), None, False, gap))
        if self.note:
            self.ops.append(("block", body, self.note, pygame.Rect(r.x + 40, y + text_h + 18, text_w, note_h),
                             draw.COLOURS["good"], False, gap))
        by = r.bottom - 28 - bh
        if len(items) == 1:
            self.add_button("back", items[0][1], pygame.Rect(r.centerx - bw // 2, by, bw, bh))
        elif side:
            self.add_button(items[0][0], items[0][1], pygame.Rect(r.x + 50, by, bw, bh))
            self.add_button("back", items[1][1], pygame.Rect(r.right - 50 - bw, by, bw, bh))
        else:
            bw = min(bw, r.w - 80)
            self.add_button(items[0][0], items[0][1], pygame.Rect(r.centerx - bw // 2, by - bh - 16, bw, bh))
            self.add_button("back", items[1][1], pygame.Rect(r.centerx - bw // 2, by, bw, bh))
        self.set_focus("back")

    def handle(self, action: Action) -> bool:
        if action.kind is A.CANCEL:
            self.on_button("back")
            return True
        return super().handle(action) or True

    def on_button(self, button_id: str) -> None:
        from game.scenes.message import MessageScene

        if button_id == "back":
            self.back_out()
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
        draw.panel(surface, self.rect)
        paint_ops(surface, self.ops)


# ---------------------------------------------------------------------- flow step
def consent_step(app, done: Callable[[], None], **info) -> Scene | None:
    """First session step: ask once per profile, when research is on and nothing was decided."""
    if not app.ctx.needs_consent():
        return None
    return ConsentScene(app, on_done=done)


if consent_step not in flow.SESSION_START:
    flow.SESSION_START.insert(0, consent_step)
