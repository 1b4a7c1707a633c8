import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from game.research.codes import ALPHABET, iter_typos, make_codes, sheet_html, validate_code, write_sheet


def test_codes_have_prefix_unambiguous_alphabet_and_are_unique():
    codes = make_codes("GLM24", 500, random.Random(1))
    assert len(set(codes)) == 500
    for c in codes:
        assert re.fullmatch(r"GLM24-[2-9A-Z]{4}-[2-9A-Z]{4}", c)
        assert not set(c.split("-", 1)[1].replace("-", "")) & set("01OIL")
        assert validate_code(c, "GLM24") == (True, c, "Code accepted.")


def test_every_single_typo_and_adjacent_swap_is_caught():
    for c in make_codes("GLM24", 40, random.Random(2)):
        for typo in iter_typos(c):
            ok, _, msg = validate_code(typo, "GLM24")
            assert not ok, (c, typo)
            assert "typing mistake" in msg


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=2**32), st.sampled_from(["AB", "GLM24", "STUDY2026X"]))
def test_input_is_forgiving_about_case_spaces_and_dashes(seed, study):
    code = make_codes(study, 1, random.Random(seed))[0]
    messy = "  " + code.lower().replace("-", " - ") + " "
    assert validate_code(messy, study) == (True, code, "Code accepted.")
    assert validate_code(code.replace("-", ""), None)[:2] == (True, code)


def test_clear_messages_for_wrong_input():
    c = make_codes("GLM24", 1, random.Random(3))[0]
    assert "does not belong" in validate_code(c.replace("GLM24", "XYZ99"), "GLM24")[2]
    assert "too short" in validate_code(c[:-2], "GLM24")[2]
    assert "too long" in validate_code(c + "A", "GLM24")[2]
    assert "never use" in validate_code(c[:-1] + "0", "GLM24")[2]
    assert validate_code("", "GLM24")[0] is False


def test_same_seed_same_codes():
    assert make_codes("AB", 20, random.Random(9)) == make_codes("AB", 20, random.Random(9))


def test_printable_sheet(tmp_path):
    codes = make_codes("GLM24", 9, random.Random(4))
    files = write_sheet(codes, tmp_path / "sheet.html", programme="Glimmer <Test>", study="GLM24")
    html = files[0].read_text("utf-8")
    assert html.count('class="card"') == 9
    assert all(c in html for c in codes)
    assert "Glimmer &lt;Test&gt;" in html and "@page" in html and "dashed" in html
    assert files[1].read_text().splitlines() == ["participant_code", *codes]
    assert "Jouw onderzoekscode" in sheet_html(codes, language="nl")


def test_alphabet_is_prime_sized():
    assert len(ALPHABET) == 31 and len(set(ALPHABET)) == 31


def test_codes_cli(tmp_path):
    from game.research.cli import main

    out = tmp_path / "cards.html"
    assert main(["codes", "--study", "GLM24", "--count", "12", "--out", str(out), "--seed", "1"]) == 0
    assert out.read_text("utf-8").count('class="card"') == 12
    assert main(["codes", "--study", "bad id!", "--count", "3", "--out", str(out)]) == 2
