"""Participant codes: easy to read aloud, hard to mistype without noticing.

A code is ``STUDY-ABCD-EFGH``: the study prefix, seven random characters and one check character.
The random part uses an alphabet without look-alikes (no 0/O, 1/I/L), 31 characters. 31 is prime,
so a weighted check sum mod 31 with distinct position weights catches every single wrong
character and every swap of two neighbouring characters (including the check character itself).

Input is forgiving: case, spaces, dashes, dots and underscores are ignored.
"""
from __future__ import annotations

import html
import random
import re
from pathlib import Path
from typing import Iterable, Sequence

from game.i18n import _, tr

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 characters, no 0 O 1 I L
MOD = len(ALPHABET)
assert MOD == 31
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
RANDOM_LEN = 7
BODY_LEN = RANDOM_LEN + 1  # + check character
STUDY_RE = re.compile(r"^[A-Z0-9]{2,12}$")
_SEPARATORS = re.compile(r"[\s\-_.·–—/]+")


def normalise_study(study: str) -> str:
    return _SEPARATORS.sub("", str(study or "")).upper()


def study_ok(study: str) -> bool:
    return bool(STUDY_RE.match(normalise_study(study)))


def _char_value(ch: str) -> int:
    """Value of a character for the check sum; prefix characters outside the alphabet still count."""
    v = _VALUE.get(ch)
    return v if v is not None else (ord(ch) * 7 + 3) % MOD


def _weighted(chars: str) -> int:
    # Position weights 1, 2, 3, ... (all distinct and non-zero mod 31 for codes under 30 chars).
    return sum((i + 1) * _char_value(ch) for i, ch in enumerate(chars)) % MOD


def check_char(prefix: str, random_part: str) -> str:
    """The character c that makes the weighted sum of prefix + random + c zero mod 31."""
    data = prefix + random_part
    w = len(data) + 1                     # weight of the check position
    s = _weighted(data)
    inv = pow(w % MOD, MOD - 2, MOD)      # w is never 0 mod 31: codes are < 31 characters
    return ALPHABET[(-s * inv) % MOD]


def format_code(prefix: str, body: str) -> str:
    return f"{prefix}-{body[:4]}-{body[4:]}"


def make_code(study: str, rng: random.Random) -> str:
    prefix = normalise_study(study)
    if not STUDY_RE.match(prefix):
        raise ValueError(f"study id {study!r}: use 2 to 12 letters or digits, e.g. GLM24")
    rand = "".join(rng.choice(ALPHABET) for _ in range(RANDOM_LEN))
    return format_code(prefix, rand + check_char(prefix, rand))


def make_codes(study: str, n: int, rng: random.Random | None = None) -> list[str]:
    """``n`` distinct codes for ``study``. Pass a seeded ``random.Random`` for a repeatable list."""
    if n < 0:
        raise ValueError("count must be 0 or more")
    if n > 100_000:
        raise ValueError("count must be at most 100000")
    import secrets

    rng = rng or secrets.SystemRandom()
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        c = make_code(study, rng)
        if c not in seen:
            seen.add(c)
            out.append(c)
    return out


def validate_code(code: str, study: str | None = None) -> tuple[bool, str, str]:
    """Check a typed code. Returns (ok, normalised code, message for the player)."""
    raw = _SEPARATORS.sub("", str(code or "")).upper()
    if not raw:
        return False, "", _("Please type the code from your card.")
    want = normalise_study(study) if study else None
    if want:
        if not raw.startswith(want):
            return False, raw, tr("This code does not belong to this study. Codes here start with {study}.", study=want)
        prefix, body = want, raw[len(want):]
    else:
        if len(raw) <= BODY_LEN:
            return False, raw, _("This code is too short. Check that you typed every character.")
        prefix, body = raw[:-BODY_LEN], raw[-BODY_LEN:]
        if not STUDY_RE.match(prefix):
            return False, raw, _("The start of this code does not look like a study code.")
    if len(body) < BODY_LEN:
        return False, raw, _("This code is too short. Check that you typed every character.")
    if len(body) > BODY_LEN:
        return False, raw, _("This code is too long. Check that you typed it only once.")
    bad = sorted({ch for ch in body if ch not in _VALUE})
    if bad:
        chars = " ".join(bad)
        if set(bad) & set("0O1IL"):
            return False, raw, tr("This code has a character that codes do not use: {chars} (codes never use 0, O, 1, "
                                  "I or L).", chars=chars)
        return False, raw, tr("This code has a character that codes do not use: {chars}.", chars=chars)
    normalised = format_code(prefix, body)
    if check_char(prefix, body[:RANDOM_LEN]) != body[RANDOM_LEN]:
        return False, normalised, _("This code has a typing mistake. Please check it against your card.")
    return True, normalised, _("Code accepted.")


# ---------------------------------------------------------------------- printable sheet
_CARD_TEXT = {
    "en": {
        "title": "Your research code",
        "steps": [
            "Start {programme} on the school computer (or at home).",
            "When it asks about the research, choose <b>Yes</b> if you want to take part.",
            "Type this code. Dashes and capitals do not matter.",
        ],
        "keep": "Keep this card to yourself. Taking part is your choice; you can stop at any time "
                "in the game's settings, and playing is the same either way.",
    },
    "nl": {
        "title": "Jouw onderzoekscode",
        "steps": [
            "Start {programme} op de computer van school (of thuis).",
            "Als er gevraagd wordt naar het onderzoek, kies dan <b>Ja</b> als je mee wilt doen.",
            "Typ deze code. Streepjes en hoofdletters maken niet uit.",
        ],
        "keep": "Houd deze kaart voor jezelf. Meedoen is je eigen keuze; je kunt altijd stoppen in "
                "de instellingen van het spel, en het spel is hetzelfde of je meedoet of niet.",
    },
}


def sheet_html(codes: Sequence[str], programme: str = "Glimmer", study: str = "",
               language: str = "en") -> str:
    """A print-ready A4 page (or pages) of cut-out cards, eight per page."""
    t = _CARD_TEXT.get(language, _CARD_TEXT["en"])
    prog = html.escape(programme)
    steps = "".join(f"<li>{s.format(programme=prog)}</li>" for s in t["steps"])
    cards = []
    for c in codes:
        cards.append(
            f'<div class="card"><div class="prog">{prog}</div>'
            f'<div class="title">{html.escape(t["title"])}</div>'
            f'<div class="code">{html.escape(c)}</div>'
            f'<ol>{steps}</ol><div class="keep">{html.escape(t["keep"])}</div></div>')
    return f"""<!DOCTYPE html>
<html lang="{html.escape(language)}"><head><meta charset="utf-8">
<title>{prog} – participant codes {html.escape(study)}</title>
<style>
@page {{ size: A4; margin: 10mm; }}
body {{ font-family: "DejaVu Sans", Arial, sans-serif; margin: 0; color: #111; }}
.note {{ font-size: 10pt; margin: 0 0 4mm 0; }}
.grid {{ display: grid; grid-template-columns: 1fr 1fr; gap: 0; }}
.card {{ border: 1px dashed #666; padding: 5mm 6mm; height: 62mm; box-sizing: border-box;
        page-break-inside: avoid; break-inside: avoid; }}
.prog {{ font-size: 9pt; color: #555; }}
.title {{ font-size: 12pt; font-weight: bold; margin-top: 1mm; }}
.code {{ font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 20pt;
        letter-spacing: 1.5pt; margin: 2mm 0; font-weight: bold; }}
ol {{ font-size: 9pt; margin: 1mm 0 1mm 4mm; padding-left: 3mm; }}
.keep {{ font-size: 8pt; color: #333; }}
@media print {{ .note {{ display: none; }} }}
</style></head><body>
<p class="note">Print this page (A4, 100%), cut along the dashed lines and give one card to each
student who wants to take part. Keep no list that links names to codes unless your study protocol
asks for one. Study: {html.escape(study)} · {len(codes)} codes.</p>
<div class="grid">
{chr(10).join(cards)}
</div></body></html>
"""


def write_sheet(codes: Sequence[str], out: Path, programme: str = "Glimmer", study: str = "",
                language: str = "en") -> list[Path]:
    """Write the printable sheet (HTML) and a plain code list (CSV) beside it. Returns the files."""
    from game.store.atomic import atomic_write_bytes

    out = Path(out)
    if out.suffix.lower() not in (".html", ".htm"):
        out = out.with_suffix(out.suffix + ".html") if out.suffix else out.with_suffix(".html")
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(out, sheet_html(codes, programme, study, language).encode("utf-8"), keep_backup=False)
    listing = out.with_name(out.stem + "-codes.csv")
    atomic_write_bytes(listing, ("participant_code\n" + "".join(c + "\n" for c in codes)).encode("utf-8"),
                       keep_backup=False)
    return [out, listing]


def iter_typos(code: str) -> Iterable[str]:
    """Every single-character substitution and adjacent swap of a code's body (for tests)."""
    prefix, body = code.rsplit("-", 2)[0], code.replace("-", "")[-BODY_LEN:]
    for i in range(BODY_LEN):
        for ch in ALPHABET:
            if ch != body[i]:
                yield format_code(prefix, body[:i] + ch + body[i + 1:])
    for i in range(BODY_LEN - 1):
        if body[i] != body[i + 1]:
            yield format_code(prefix, body[:i] + body[i + 1] + body[i] + body[i + 2:])
