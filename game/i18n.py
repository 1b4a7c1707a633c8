"""One translation system for every player-facing text: the UI strings in the code and the text in
the content files (levels, thoughts, activities, traps).

Catalogs are gettext ``.po`` files (``locale/<lang>.po``), which translators' tools (Poedit,
Weblate, Crowdin, Lokalize) open. The msgid is the English text itself, so English needs no
catalog and a missing translation falls back to English instead of showing a key. ``tools/translations.py
extract`` collects every string (``_("...")`` calls in ``game/`` and the content files) into
``locale/glimmer.pot`` and merges it into each ``<lang>.po``; ``tools/translations.py check`` (and a test)
fails when a string is missing in a language or its ``{placeholders}`` differ.

Content files are translated when they are loaded (``game.content.yamlload.load_yaml``), so
changing the language reloads the levels.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from game.paths import resource

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "nl")
LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}
_PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*\}")

_current = SOURCE_LANGUAGE
_catalogs: dict[str, dict[str, str]] = {}


# ------------------------------------------------------------------ .po files
def _unquote(s: str) -> str:
    s = s.strip()
    if not (s.startswith('"') and s.endswith('"')):
        raise ValueError(f"expected a quoted string, got {s[:40]!r}")
    body = s[1:-1]
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            n = body[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def parse_po(text: str) -> list[dict[str, Any]]:
    """Entries of a .po file: {msgid, msgstr, comments (list), fuzzy (bool), line}."""
    entries: list[dict[str, Any]] = []
    cur: dict[str, Any] = {"comments": [], "fuzzy": False}
    field: str | None = None

    def flush() -> None:
        nonlocal cur, field
        if "msgid" in cur:
            cur.setdefault("msgstr", "")
            entries.append(cur)
        cur, field = {"comments": [], "fuzzy": False}, None

    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            if "msgid" in cur and "msgstr" in cur:
                flush()
            continue
        if line.startswith("#"):
            if "msgstr" in cur:
                flush()
            if line.startswith("#,") and "fuzzy" in line:
                cur["fuzzy"] = True
            cur["comments"].append(raw)
            continue
        for key in ("msgctxt", "msgid", "msgstr"):
            if line.startswith(key + " "):
                if key in ("msgid", "msgctxt") and "msgstr" in cur:
                    flush()
                cur[key] = _unquote(line[len(key):])
                cur.setdefault("line", n)
                field = key
                break
        else:
            if line.startswith('"') and field:
                cur[field] += _unquote(line)
            else:
                raise ValueError(f"line {n}: can't read {raw[:60]!r}")
    flush()
    return entries


def catalog_path(lang: str) -> Path:
    return resource("locale", f"{lang}.po")


def load_catalog(lang: str) -> dict[str, str]:
    """msgid -> translation for ``lang`` (translated, non-fuzzy entries only)."""
    if lang == SOURCE_LANGUAGE:
        return {}
    if lang not in _catalogs:
        path = catalog_path(lang)
        try:
            entries = parse_po(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            entries = []
        _catalogs[lang] = {e["msgid"]: e["msgstr"] for e in entries
                           if e["msgid"] and e["msgstr"] and not e["fuzzy"]}
    return _catalogs[lang]


# ------------------------------------------------------------------ the current language
def set_language(lang: str | None) -> str:
    """Switch the language (unknown ones fall back to English); returns the one in force."""
    global _current
    _current = lang if lang in LANGUAGES else SOURCE_LANGUAGE
    load_catalog(_current)
    return _current


def language() -> str:
    return _current


def _(text: str) -> str:
    """The text in the current language (English when there's no translation)."""
    if _current == SOURCE_LANGUAGE or not text:
        return text
    return load_catalog(_current).get(text, text)


def N_(text: str) -> str:
    """Mark a string for extraction without translating it (module-level tables stay English;
    pass them through ``_()`` where they are shown, so a language switch takes effect)."""
    return text


def tr(text: str, **values: Any) -> str:
    """Translate, then fill ``{placeholders}``: ``tr("Hi {name}!", name=nick)``."""
    return _(text).format(**values)


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def translate_tree(data: Any) -> Any:
    """Translate every player-facing string in loaded content data in place (see
    ``game.content.readability.player_texts`` for what counts); returns ``data``."""
    if _current == SOURCE_LANGUAGE:
        return data
    from game.content.readability import player_texts

    cat = load_catalog(_current)
    for path, text in list(player_texts(data)):
        new = cat.get(text)
        if new is None:
            continue
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = new
    return data
