"""The player's settings: defaults, validation and key bindings. Pure Python, no pygame.

Settings live in each profile's save (``profile.data["settings"]``, SAVE v2) and are written by
the usual checkpoint (atomic). Before a profile is chosen the game uses the defaults, or the
settings last used on this computer in this run (kept in memory only).

A settings dict read from a save may be damaged or from an older/newer game: ``normalise`` never
raises; every key that is missing, of the wrong type or out of range falls back to its default
on its own, so one bad value never costs the player the others.

Key bindings are stored as pygame key *names* (``"w"``, ``"return"``, ``"left shift"``), not codes,
so a save stays readable if key codes change; the input mapper turns names into codes.
"""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping

from game.i18n import LANGUAGES, N_

# ---------------------------------------------------------------------------------- value sets
TEXT_SCALES: tuple[float, ...] = (1.0, 1.25, 1.5, 1.75, 2.0)
TEXT_SPEEDS: tuple[str, ...] = ("slow", "normal", "fast", "instant")
# characters revealed per second by the dialogue typewriter (None: all at once)
CHARS_PER_SECOND: dict[str, float | None] = {"slow": 25.0, "normal": 50.0, "fast": 100.0, "instant": None}
SPEECH_RATES: tuple[int, ...] = tuple(range(100, 261, 20))   # words a minute (pyttsx3 "rate")
VOLUME_STEP = 0.1

# Actions a player may rebind, in the order the settings screen lists them, with their labels.
# Labels are English (marked N_); the settings screen shows them through _().
REBINDABLE: tuple[tuple[str, str], ...] = (
    ("up", N_("Up")), ("down", N_("Down")), ("left", N_("Left")), ("right", N_("Right")),
    ("confirm", N_("Choose / talk")), ("cancel", N_("Back")), ("pause", N_("Pause")),
    ("transcript", N_("Transcript")),
)
REBINDABLE_ACTIONS = tuple(a for a, _ in REBINDABLE)
# Keys that always keep their job and can't be given another: help must stay one key away.
RESERVED_KEYS: dict[str, str] = {"f1": "help", "f11": "fullscreen"}
MAX_KEYS_PER_ACTION = 4

DEFAULT_BINDINGS: dict[str, list[str]] = {
    "up": ["up", "w"],
    "down": ["down", "s"],
    "left": ["left", "a"],
    "right": ["right", "d"],
    "confirm": ["return", "enter", "space", "e"],
    "cancel": ["escape", "backspace"],
    "pause": ["p"],
    "transcript": ["t"],
}

DEFAULTS: dict[str, Any] = {
    "music_volume": 0.5,
    "effects_volume": 0.8,
    "voice_volume": 1.0,
    "text_scale": 1.0,
    "text_speed": "normal",
    "dyslexia_font": False,
    "high_contrast": False,
    "reduced_motion": False,
    "fullscreen": False,
    "read_aloud": False,
    "speech_rate": 160,
    "key_bindings": DEFAULT_BINDINGS,
    # None: the start-up language (--lang, or the deployment's); a code from game.i18n.LANGUAGES
    # once the player chose one. Applied when the profile is chosen.
    "language": None,
}

BOOL_KEYS = ("dyslexia_font", "high_contrast", "reduced_motion", "fullscreen", "read_aloud")
VOLUME_KEYS = ("music_volume", "effects_volume", "voice_volume")
# Settings that change how text and widgets look: the UI is rebuilt when one of them changes.
LOOK_KEYS = ("text_scale", "dyslexia_font", "high_contrast")


def defaults() -> dict[str, Any]:
    """A fresh copy of the default settings."""
    out = dict(DEFAULTS)
    out["key_bindings"] = {a: list(k) for a, k in DEFAULT_BINDINGS.items()}
    return out


# ---------------------------------------------------------------------------------- validation
def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                return None
        else:
            return None
    value = float(value)
    return value if math.isfinite(value) else None


def nearest(value: float, steps: Iterable[float]) -> Any:
    """The step closest to ``value`` (ties go to the smaller step)."""
    steps = list(steps)
    return min(steps, key=lambda s: (abs(s - value), s))


def clean_volume(value: Any, default: float) -> float:
    v = _number(value)
    if v is None:
        return default
    return round(max(0.0, min(1.0, v)), 2)


def clean_text_scale(value: Any) -> float:
    v = _number(value)
    if v is None:
        return DEFAULTS["text_scale"]
    if v > 3.0:          # saved as a percentage (150) by mistake
        v = v / 100.0
    return nearest(max(TEXT_SCALES[0], min(TEXT_SCALES[-1], v)), TEXT_SCALES)


def clean_speech_rate(value: Any) -> int:
    v = _number(value)
    if v is None:
        return DEFAULTS["speech_rate"]
    return int(nearest(max(SPEECH_RATES[0], min(SPEECH_RATES[-1], v)), SPEECH_RATES))


def clean_key_name(name: Any) -> str | None:
    if not isinstance(name, str):
        return None
    name = name.strip().lower()
    if not name or len(name) > 30 or name in RESERVED_KEYS:
        return None
    return name


def clean_bindings(value: Any) -> dict[str, list[str]]:
    """Bindings for every rebindable action. An action whose saved keys are unusable gets its
    defaults; a key claimed by two actions stays with the first one in ``REBINDABLE`` order; an
    action left with no key at all gets back any of its default keys nobody uses."""
    raw = value if isinstance(value, Mapping) else {}
    out: dict[str, list[str]] = {}
    used: set[str] = set()
    for action in REBINDABLE_ACTIONS:
        keys = raw.get(action)
        names: list[str] = []
        if isinstance(keys, (list, tuple)):
            for k in keys:
                n = clean_key_name(k)
                if n is not None and n not in names and n not in used:
                    names.append(n)
        if not names:
            names = [k for k in DEFAULT_BINDINGS[action] if k not in used]
        names = names[:MAX_KEYS_PER_ACTION]
        used.update(names)
        out[action] = names
    return out


def normalise(raw: Any) -> dict[str, Any]:
    """A complete, valid settings dict from whatever was saved (never raises)."""
    src = raw if isinstance(raw, Mapping) else {}
    out = defaults()
    for key in VOLUME_KEYS:
        out[key] = clean_volume(src.get(key), DEFAULTS[key])
    out["text_scale"] = clean_text_scale(src.get("text_scale"))
    speed = src.get("text_speed")
    out["text_speed"] = speed if isinstance(speed, str) and speed in TEXT_SPEEDS else DEFAULTS["text_speed"]
    for key in BOOL_KEYS:
        v = src.get(key)
        out[key] = v if isinstance(v, bool) else DEFAULTS[key]
    out["speech_rate"] = clean_speech_rate(src.get("speech_rate"))
    out["key_bindings"] = clean_bindings(src.get("key_bindings"))
    lang = src.get("language")
    out["language"] = lang if isinstance(lang, str) and lang in LANGUAGES else None
    return out


def normalise_in_place(d: dict) -> dict:
    """Make ``d`` itself complete and valid (keeps the object, so others holding it see the change);
    unknown keys a newer game wrote are kept untouched."""
    clean = normalise(d)
    d.update(clean)
    return d


# ---------------------------------------------------------------------------------- key bindings
def key_owner(bindings: Mapping[str, list[str]], key: str) -> str | None:
    """The action a key is bound to (or reserved for), if any."""
    key = key.lower()
    if key in RESERVED_KEYS:
        return RESERVED_KEYS[key]
    for action, keys in bindings.items():
        if key in keys:
            return action
    return None


def conflicts(bindings: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Keys bound to more than one action (or to a reserved job): key -> the actions."""
    seen: dict[str, list[str]] = {}
    for action, keys in bindings.items():
        for k in keys:
            seen.setdefault(str(k).lower(), []).append(action)
    for k, job in RESERVED_KEYS.items():
        if k in seen:
            seen[k].insert(0, job)
    return {k: acts for k, acts in seen.items() if len(acts) > 1}


class BindingError(ValueError):
    pass


def bind_key(bindings: Mapping[str, list[str]], action: str, key: str,
             steal: bool = False) -> dict[str, list[str]]:
    """New bindings with ``key`` as ``action``'s main key (first in its list).

    A key that belongs to another action raises ``BindingError`` naming that action unless
    ``steal`` is set; then the key moves (the other action keeps its other keys, and gets back a
    free default key if it would be left with none). Reserved keys (F1 help, F11) always raise.
    """
    if action not in REBINDABLE_ACTIONS:
        raise BindingError(f"'{action}' can't be rebound")
    key = (key or "").strip().lower()
    if not key:
        raise BindingError("no key")
    if key in RESERVED_KEYS:
        raise BindingError(f"{key.upper()} is kept for {RESERVED_KEYS[key]}")
    out = {a: list(k) for a, k in bindings.items()}
    out.setdefault(action, [])
    owner = key_owner(out, key)
    if owner is not None and owner != action:
        if not steal:
            raise BindingError(owner)
        out[owner] = [k for k in out[owner] if k != key]
        if not out[owner]:
            taken = {k for keys in out.values() for k in keys} | {key}
            spare = [k for k in DEFAULT_BINDINGS.get(owner, []) if k not in taken]
            out[owner] = spare[:1]
    keys = [key] + [k for k in out[action] if k != key]
    out[action] = keys[:MAX_KEYS_PER_ACTION]
    return out


def unbound_actions(bindings: Mapping[str, list[str]]) -> list[str]:
    """Rebindable actions with no key left (the settings screen warns about these)."""
    return [a for a in REBINDABLE_ACTIONS if not bindings.get(a)]


# ---------------------------------------------------------------------------------- changes and events
def changed_keys(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Names of the settings that differ (in DEFAULTS order)."""
    return [k for k in DEFAULTS if old.get(k) != new.get(k)]


def event_payload(settings: Mapping[str, Any], changed: Iterable[str], via: str) -> dict[str, Any]:
    """The ``settings_changed`` payload: names and plain values only. Key bindings are reported as
    changed or not: which keys a player uses says nothing the research needs."""
    s = normalise(settings)
    return {
        "changed": [c for c in changed if c in DEFAULTS],
        "via": via,
        "text_scale": s["text_scale"],
        "text_speed": s["text_speed"],
        "dyslexia_font": s["dyslexia_font"],
        "high_contrast": s["high_contrast"],
        "reduced_motion": s["reduced_motion"],
        "read_aloud": s["read_aloud"],
        "speech_rate": s["speech_rate"],
        "fullscreen": s["fullscreen"],
        "music_volume": s["music_volume"],
        "effects_volume": s["effects_volume"],
        "voice_volume": s["voice_volume"],
        "custom_keys": s["key_bindings"] != defaults()["key_bindings"],
    }


def chars_per_second(settings: Mapping[str, Any]) -> float | None:
    """Typewriter speed for dialogue; None shows a page at once (instant text or reduced motion)."""
    if settings.get("reduced_motion") is True:
        return None
    return CHARS_PER_SECOND.get(settings.get("text_speed", "normal"), CHARS_PER_SECOND["normal"])
