"""How hard a level's words are to read: Flesch–Kincaid grade, word counts, reading time.

No dependency: a small English syllable counter (good to about one syllable a word, which is what
the grade formula needs). Player-facing text is every string in a content file that isn't an id
(lower-case snake_case) and isn't under a key that holds ids or file names.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

# keys whose values are never shown to the player (ids, file and sprite names)
ID_KEYS = {"id", "map", "portrait", "sprite", "icon", "kind", "mode", "category", "size", "quality", "side",
           "style", "topic"}
_ID_LIKE = re.compile(r"^[a-z0-9_.:-]+$")  # snake_case ids and file names
READING_WPM = 120  # a slow reader aloud-in-the-head pace; most teens are faster
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


def player_texts(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, text) for every player-facing string in loaded YAML data."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k in ID_KEYS:
                continue
            yield from player_texts(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from player_texts(v, path + (i,))
    elif isinstance(data, str) and data.strip() and not _ID_LIKE.match(data.strip()):
        yield path, data


def syllables(word: str) -> int:
    w = word.lower().strip("'")
    if len(w) <= 3:
        return 1
    w = re.sub(r"'s$", "", w)
    groups = re.findall(r"[aeiouy]+", w)
    n = len(groups)
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and n > 1:
        n -= 1  # silent e: "make", "little" keeps its "le"
    if re.search(r"[^aeiouy]ed$", w) and not re.search(r"[td]ed$", w) and n > 1:
        n -= 1  # "walked", but "wanted" keeps it
    return max(1, n)


def words_in(text: str) -> list[str]:
    return _WORD.findall(text)


def fk_grade(texts: Iterable[str]) -> float:
    """Flesch–Kincaid grade level of the texts together (each box ends a sentence)."""
    n_words = n_sent = n_syl = 0
    for t in texts:
        ws = words_in(t)
        if not ws:
            continue
        n_words += len(ws)
        n_syl += sum(syllables(w) for w in ws)
        n_sent += max(1, len(_SENTENCE_END.findall(t.strip())) + (0 if re.search(r"[.!?][\"')]*\s*$", t.strip()) else 1))
    if n_words == 0:
        return 0.0
    return round(0.39 * n_words / n_sent + 11.8 * n_syl / n_words - 15.59, 1)


def reading_minutes(n_words: int) -> float:
    return round(n_words / READING_WPM, 1)
