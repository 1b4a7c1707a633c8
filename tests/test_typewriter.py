"""The dialogue's typing text (game/ui/typewriter.py): what shows is exactly the revealed part,
lines stay inside the box, and the box is tall enough for its lines at any text size."""
from __future__ import annotations

import pygame
import pytest

from game.ui import theme, typewriter
from game.ui.manager import UI

TEXT = "Sometimes a thought shows up and sounds very sure of itself. It is only a guess.\n\nCheck it."


@pytest.fixture()
def ui(display):
    return UI()


def ink_columns(surface: pygame.Surface, y0: int, y1: int) -> int:
    """How far right the first line's ink reaches (0: nothing drawn)."""
    right = 0
    for x in range(surface.get_width()):
        if any(surface.get_at((x, y))[3] > 0 for y in range(y0, y1, 2)):
            right = x + 1
    return right


def test_reveal_shows_exactly_the_first_characters(ui):
    font = ui.font(theme.size("body") + 2)
    box = typewriter.TypedText(pygame.Rect(0, 0, 900, 260), ui.manager, font, "#FFFFFF")
    box.set_text(TEXT, reveal=0)
    lines = box.lines
    assert len(lines) >= 3 and "" in lines                      # the blank line is kept
    assert box.letter_count() == sum(len(s) for s in lines)
    band = (typewriter.PAD_Y, typewriter.PAD_Y + font.get_height())
    assert ink_columns(box.image, *band) == 0                     # nothing yet
    box.reveal(10)
    part = ink_columns(box.image, *band)
    assert 0 < part <= typewriter.PAD_X + font.size(lines[0][:10])[0] + 2
    box.reveal(box.letter_count())
    full = ink_columns(box.image, *band)
    assert full > part and full <= 900 - typewriter.PAD_X + 2    # inside the box, padding kept
    box.reveal(5)
    assert box.shown == 5                                         # typing can restart (page turns)
    box.kill()


@pytest.mark.parametrize("scale,dyslexia", [(1.0, False), (2.0, True)])
def test_lines_fit_the_box_at_any_size(ui, scale, dyslexia):
    ui.apply_look(scale, dyslexia, False)
    font = ui.font(theme.size("body", scale, dyslexia) + 2)
    width = 1160
    lines = typewriter.page_lines(font, TEXT * 2, width)
    assert all(font.size(s)[0] <= width - 2 * typewriter.PAD_X for s in lines)
    h = typewriter.page_height(font, len(lines))
    box = typewriter.TypedText(pygame.Rect(0, 0, width, h), ui.manager, font, "#FFFFFF")
    box.set_text(TEXT * 2)
    last_line_bottom = typewriter.PAD_Y + (len(lines) - 1) * typewriter.line_pitch(font) + font.get_linesize()
    assert box.lines == lines and last_line_bottom <= h
    box.kill()
