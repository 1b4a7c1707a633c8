"""Every level loads and its map lints; broken maps and content fail with the file named."""
import shutil
from pathlib import Path

import pytest

from game.content.errors import ContentError
from game.content.level import level_folders, load_all_levels, load_level
from game.scenes.play import level_refs
from game.world.tmx import lint_tmx, load_map
from game.world.world import World

ROOT = Path(__file__).resolve().parent.parent
TMX = sorted((ROOT / "levels").glob("*/*.tmx"))


@pytest.mark.parametrize("tmx", TMX, ids=[p.parent.name for p in TMX])
def test_every_map_lints_clean(tmx):
    assert lint_tmx(tmx) == []


def test_levels_load_and_every_goal_is_reachable(display):
    levels, issues = load_all_levels()
    assert issues == [] and levels
    for lv in levels:
        world = World(load_map(lv.map_path, level_refs(lv)))
        for obj in world.lmap.objects:
            if obj.kind in ("exit", "checkpoint"):
                assert world.path_to(obj.tiles[0]) is not None, (lv.id, obj.label)
            if obj.kind in ("npc", "sign"):
                assert world.path_to(obj.tiles[0], adjacent=True) is not None, (lv.id, obj.label)


def copy_level(tmp_path):
    src = level_folders()[0]
    dst = tmp_path / "levels" / src.name
    shutil.copytree(src, dst)
    shutil.copytree(ROOT / "levels" / "tilesets", tmp_path / "levels" / "tilesets")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    return dst


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_forbidden_property_template_and_infinite_are_linted(tmp_path):
    d = copy_level(tmp_path)
    tmx = d / "map.tmx"
    edit(tmx, 'infinite="0"', 'infinite="1"')
    edit(tmx, '<property name="g_dialogue"', '<property name="type"')
    edit(tmx, "<object ", '<object template="npc.tx" ')
    msgs = "\n".join(str(i) for i in lint_tmx(tmx))
    assert "infinite" in msgs and "'type'" in msgs and "template" in msgs
    assert f"{d.name}/map.tmx" in msgs


def test_unknown_object_type_and_missing_dialogue_fail_at_load_naming_the_object(tmp_path, display):
    d = copy_level(tmp_path)
    lv = load_level(d)
    edit(d / "map.tmx", 'type="sign"', 'type="teleporter"')
    with pytest.raises(ContentError) as e:
        load_map(lv.map_path, level_refs(lv))
    assert "unknown type 'teleporter'" in str(e.value) and "map.tmx" in str(e.value)
    edit(d / "map.tmx", 'type="teleporter"', 'type="sign"')
    (d / "level.yaml").write_text((d / "level.yaml").read_text().replace("  sign_harbour:", "  sign_renamed:"))
    lv = load_level(d)
    with pytest.raises(ContentError) as e:
        load_map(lv.map_path, level_refs(lv))
    assert "sign_harbour" in str(e.value)


def test_bad_level_content_names_file_and_line(tmp_path):
    d = copy_level(tmp_path)
    y = d / "level.yaml"
    y.write_text(y.read_text().replace("    pages:\n      - \"Hi, I'm Glim!", "    pagez:\n      - \"Hi, I'm Glim!", 1))
    with pytest.raises(ContentError) as e:
        load_level(d)
    msg = str(e.value)
    assert "level.yaml:" in msg and "pagez" in msg
    y.write_text("id: [unclosed\n")
    with pytest.raises(ContentError) as e:
        load_level(d)
    assert "level.yaml:1" in str(e.value) or "level.yaml:2" in str(e.value)


def test_long_boxes_are_refused(tmp_path):
    d = copy_level(tmp_path)
    y = d / "level.yaml"
    y.write_text(y.read_text().replace('"It doesn\'t fix everything.', '"' + "word " * 30 + 'It doesn\'t fix everything.', 1))
    with pytest.raises(ContentError) as e:
        load_level(d)
    assert "words; at most 25" in str(e.value)
