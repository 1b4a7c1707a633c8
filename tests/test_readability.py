from game.content.readability import fk_grade, player_texts, syllables


def test_syllables_of_common_words():
    cases = {"cat": 1, "make": 1, "little": 2, "walked": 1, "wanted": 2, "happy": 2, "evidence": 3,
             "balanced": 2, "catastrophising": 5, "I'm": 1, "friend": 1, "together": 3}
    wrong = {w: (syllables(w), n) for w, n in cases.items() if abs(syllables(w) - n) > 0}
    assert len(wrong) <= 2, wrong  # a heuristic: close, not perfect


def test_grade_tracks_difficulty():
    easy = ["I got a bad mark. I felt sad. I went for a walk."]
    hard = ["Catastrophising consistently exaggerates unfavourable circumstances, generating "
            "disproportionate psychological consequences."]
    assert fk_grade(easy) < 3 < 12 < fk_grade(hard)
    assert fk_grade([]) == 0.0


def test_player_texts_skip_ids_and_file_names():
    data = {"id": "level one", "map": "map.tmx", "dialogue": {"a": {"speaker": "Glim", "pages": ["Hi there you."]}},
            "encounters": {"e": {"mode": "spot", "thoughts": ["thought_12", "t_2"]}}, "summary": ["Thoughts link up."],
            "moments": [{"kind": "feeling", "text": "Nervous"}]}
    texts = [t for _, t in player_texts(data)]
    assert texts == ["Glim", "Hi there you.", "Thoughts link up.", "Nervous"]


def test_shipped_levels_read_at_grade_six_or_below():
    from game.content.check import check_all

    issues, stats = check_all()
    assert not issues, [str(i) for i in issues]
    assert stats["reading_grade_max"] <= 6.0, stats["reading_grade_per_level"]
    assert all(v > 0 for v in stats["words_per_level"].values())


def test_a_long_box_anywhere_in_a_level_file_fails_the_check(tmp_path):
    import shutil
    from pathlib import Path

    from game.content.check import check_all

    root = Path(__file__).resolve().parent.parent / "levels"
    shutil.copytree(root / "level1_mood_map", tmp_path / "level1_mood_map")
    shutil.copytree(root / "tilesets", tmp_path / "tilesets")
    shutil.copytree(root / "shared", tmp_path / "shared")
    f = tmp_path / "level1_mood_map" / "level.yaml"
    long = " ".join(["word"] * 30)
    f.write_text(f.read_text(encoding="utf-8").replace('intro: "Sit for a moment.', f'intro: "{long}. Sit for a moment.'),
                 encoding="utf-8")
    issues, _ = check_all(tmp_path)
    msgs = [str(i) for i in issues]
    assert any("level1_mood_map/level.yaml" in m and "breathing.bench.intro" in m and "at most 25" in m for m in msgs), msgs
