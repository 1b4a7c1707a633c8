"""WCAG AA contrast for every text colour on its background, computed from the theme colours,
for the normal and the high-contrast palette (and for the colours the built pygame_gui theme uses)."""
import pytest

from game.ui import theme


def _lin(c: int) -> float:
    s = c / 255.0
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")[:6]
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _lin(r) + 0.7152 * _lin(g) + 0.0722 * _lin(b)


def ratio(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_formula_matches_known_values():
    assert ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)   # the classic just-fails grey
    assert ratio("#595959", "#FFFFFF") == pytest.approx(7.0, abs=0.05)


@pytest.fixture(params=[False, True], ids=["normal", "high_contrast"])
def palette(request):
    theme.set_palette(request.param)
    yield request.param
    theme.set_palette(False)


def test_every_text_pair_meets_wcag_aa(palette):
    bad = []
    for fg, bg, large in theme.TEXT_PAIRS:
        need = 3.0 if large else 4.5
        if palette:
            need = 4.5 if large else 7.0     # high contrast aims at AAA
        r = ratio(theme.colour(fg), theme.colour(bg))
        if r < need:
            bad.append(f"{fg} on {bg}: {r:.2f} < {need}")
    assert bad == []


def test_built_theme_text_colours_meet_aa(palette):
    """Read the pygame_gui theme itself: button text in every state (but disabled, which WCAG
    exempts) against that state's background, and labels/text boxes against the panel."""
    t = theme.build_theme(1.0)
    bad = []
    for block in ("button", "#help_button"):
        cols = t[block]["colours"]
        for state in ("normal", "hovered", "active", "selected"):
            text, bg = cols.get(f"{state}_text", cols["normal_text"]), cols[f"{state}_bg"]
            if ratio(text, bg) < 4.5:
                bad.append(f"{block} {state}: {ratio(text, bg):.2f}")
    panel = theme.COLOURS["panel"]
    for block in ("label", "#title_label", "#hero_label", "#muted_label", "#speaker_label", "text_box",
                  "#dialogue_box", "#plain_body", "#plain_muted", "#plain_title", "#plain_speaker"):
        text = t[block]["colours"]["normal_text"]
        if ratio(text, panel) < 4.5:
            bad.append(f"{block}: {ratio(text, panel):.2f}")
    entry = t["text_entry_line"]["colours"]
    if ratio(entry["normal_text"], entry["dark_bg"]) < 4.5:
        bad.append("text entry")
    assert bad == []


def test_high_contrast_really_is_higher():
    theme.set_palette(False)
    normal = min(ratio(theme.colour(f), theme.colour(b)) for f, b, _ in theme.TEXT_PAIRS)
    theme.set_palette(True)
    try:
        high = min(ratio(theme.colour(f), theme.colour(b)) for f, b, _ in theme.TEXT_PAIRS)
    finally:
        theme.set_palette(False)
    assert high > normal
    assert high >= 7.0
