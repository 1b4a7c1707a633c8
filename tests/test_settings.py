"""The settings model: defaults, per-key fallback for damaged values, key bindings and conflicts."""
import json

import pytest
from hypothesis import given, strategies as st

from game import settings as S


def test_defaults_are_complete_and_valid():
    d = S.defaults()
    assert S.normalise(d) == d
    assert set(d) == set(S.DEFAULTS)
    assert d["text_scale"] == 1.0 and d["text_speed"] == "normal" and d["read_aloud"] is False
    d["key_bindings"]["up"].append("x")          # a copy, not the module's defaults
    assert "x" not in S.DEFAULT_BINDINGS["up"]


def test_a_damaged_value_falls_back_on_its_own_and_keeps_the_good_ones():
    raw = {"music_volume": "loud", "effects_volume": 0.3, "text_scale": float("nan"), "text_speed": "warp",
           "dyslexia_font": "yes", "high_contrast": True, "speech_rate": None, "key_bindings": ["w"]}
    s = S.normalise(raw)
    assert s["music_volume"] == S.DEFAULTS["music_volume"]
    assert s["effects_volume"] == 0.3
    assert s["text_scale"] == 1.0
    assert s["text_speed"] == "normal"
    assert s["dyslexia_font"] is False and s["high_contrast"] is True
    assert s["speech_rate"] == S.DEFAULTS["speech_rate"]
    assert s["key_bindings"] == S.defaults()["key_bindings"]


def test_values_are_clamped_and_snapped_to_steps():
    s = S.normalise({"music_volume": 7, "voice_volume": -1, "text_scale": 1.6, "speech_rate": 999})
    assert s["music_volume"] == 1.0 and s["voice_volume"] == 0.0
    assert s["text_scale"] == 1.5
    assert s["speech_rate"] == S.SPEECH_RATES[-1]
    assert S.normalise({"text_scale": 150})["text_scale"] == 1.5       # a percentage saved by mistake
    assert S.normalise({"text_scale": 0.2})["text_scale"] == 1.0


@given(st.recursive(st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=5),
                    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=12), kids, max_size=4),
                    max_leaves=12))
def test_normalise_never_raises_and_always_gives_a_valid_dict(raw):
    s = S.normalise(raw)
    assert S.normalise(s) == s
    json.dumps(s)
    for action in S.REBINDABLE_ACTIONS:
        assert s["key_bindings"][action], action


@given(st.dictionaries(st.sampled_from(list(S.DEFAULTS)), st.none() | st.booleans() | st.floats() | st.text(max_size=6)
                       | st.dictionaries(st.sampled_from(S.REBINDABLE_ACTIONS), st.lists(st.text(max_size=6), max_size=3))))
def test_every_setting_falls_back_independently(raw):
    s = S.normalise(raw)
    assert S.conflicts(s["key_bindings"]) == {}


def test_normalise_in_place_keeps_the_object_and_unknown_keys():
    d = {"text_scale": 2, "from_a_newer_game": 1}
    out = S.normalise_in_place(d)
    assert out is d and d["text_scale"] == 2.0 and d["from_a_newer_game"] == 1 and "key_bindings" in d


def test_saved_bindings_with_a_duplicate_key_keep_it_for_the_first_action_only():
    s = S.normalise({"key_bindings": {"up": ["w", "x"], "down": ["x"], "confirm": ["f1"]}})
    kb = s["key_bindings"]
    assert kb["up"] == ["w", "x"]
    assert kb["down"] == ["down", "s"]          # lost its only key: back to its defaults
    assert "f1" not in kb["confirm"]            # F1 is help, always
    assert S.conflicts(kb) == {}


def test_conflicts_are_found():
    kb = S.defaults()["key_bindings"]
    kb["pause"] = ["p", "w"]
    kb["transcript"] = ["f1"]
    c = S.conflicts(kb)
    assert c["w"] == ["up", "pause"]
    assert c["f1"] == ["help", "transcript"]


def test_binding_a_used_key_warns_unless_the_player_chooses_to_move_it():
    kb = S.defaults()["key_bindings"]
    with pytest.raises(S.BindingError) as e:
        S.bind_key(kb, "pause", "w")
    assert str(e.value) == "up"
    moved = S.bind_key(kb, "pause", "w", steal=True)
    assert moved["pause"][0] == "w" and "w" not in moved["up"] and moved["up"] == ["up"]
    assert S.conflicts(moved) == {}
    assert kb["up"] == ["up", "w"]           # the input was not changed


def test_stealing_an_actions_only_key_gives_it_a_free_default_back():
    kb = S.defaults()["key_bindings"]
    kb = S.bind_key(kb, "pause", "q")
    assert kb["pause"] == ["q", "p"]
    kb["pause"] = ["q"]
    out = S.bind_key(kb, "transcript", "q", steal=True)
    assert out["transcript"][0] == "q"
    assert out["pause"] == ["p"]
    assert S.unbound_actions(out) == []


def test_reserved_keys_cannot_be_taken():
    with pytest.raises(S.BindingError, match="help"):
        S.bind_key(S.defaults()["key_bindings"], "confirm", "f1", steal=True)
    with pytest.raises(S.BindingError):
        S.bind_key(S.defaults()["key_bindings"], "help", "h")


def test_event_payload_has_names_and_plain_values_only():
    s = S.defaults()
    s["key_bindings"] = S.bind_key(s["key_bindings"], "up", "i")
    s["text_scale"] = 1.75
    p = S.event_payload(s, ["text_scale", "key_bindings", "nonsense"], via="pause")
    assert p["changed"] == ["text_scale", "key_bindings"]
    assert p["text_scale"] == 1.75 and p["custom_keys"] is True
    values = [v for v in p.values() if isinstance(v, str)] + [x for x in p["changed"]]
    assert "i" not in values and not any(isinstance(v, (list, dict)) and v is not p["changed"] for v in p.values())
    assert "key_bindings" not in p


def test_changed_keys_and_typewriter_speed():
    a, b = S.defaults(), S.defaults()
    b["high_contrast"] = True
    b["text_speed"] = "fast"
    assert S.changed_keys(a, b) == ["text_speed", "high_contrast"]
    assert S.chars_per_second(b) == S.CHARS_PER_SECOND["fast"]
    b["reduced_motion"] = True
    assert S.chars_per_second(b) is None
    assert S.chars_per_second({"text_speed": "instant"}) is None
