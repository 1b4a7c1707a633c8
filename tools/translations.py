"""Translations: collect every player-facing string and check each language's catalog.

    python tools/translations.py extract   # locale/glimmer.pot from the code and content; merge into locale/<lang>.po
    python tools/translations.py check     # exit 1 if a language misses a string or its {placeholders} differ
    python tools/translations.py stats     # how much of each language is done

Strings in code are the first argument of ``_("...")``, ``tr("...")`` or ``N_("...")`` (a marker for
module-level tables, translated where shown) calls in ``game/``; in
content, every player-facing string of the YAML files under ``levels/`` (the English source).
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.i18n import LANGUAGES, SOURCE_LANGUAGE, parse_po, placeholders, quote  # noqa: E402

LOCALE = ROOT / "locale"


def code_strings() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for py in sorted((ROOT / "game").rglob("*.py")):
        try:
            tree = ast.parse(py.read_text(encoding="utf-8"))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "tr", "N_") \
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.setdefault(node.args[0].value, []).append(f"{py.relative_to(ROOT).as_posix()}:{node.lineno}")
    return found


def content_strings() -> dict[str, list[str]]:
    from game.content.readability import player_texts
    from game.content.yamlload import line_of, load_yaml

    found: dict[str, list[str]] = {}
    for f in sorted((ROOT / "levels").rglob("*.yaml")):
        data = load_yaml(f, translate=False)
        for path, text in player_texts(data):
            line = line_of(data, path[:-1]) or 0
            found.setdefault(text, []).append(f"{f.relative_to(ROOT).as_posix()}:{line}")
    return found


def map_strings() -> dict[str, list[str]]:
    """Names of the map objects the player is sent to ("Before you go, try the mood board")."""
    import xml.etree.ElementTree as ET

    found: dict[str, list[str]] = {}
    for tmx in sorted((ROOT / "levels").rglob("*.tmx")):
        for obj in ET.parse(tmx).getroot().iter("object"):
            kind = obj.get("type") or obj.get("class")
            if kind in ("thought", "planner", "sorting", "breathing", "practice") and obj.get("name"):
                found.setdefault(obj.get("name"), []).append(f"{tmx.relative_to(ROOT).as_posix()}:{obj.get('id')}")
    return found


def all_strings() -> dict[str, list[str]]:
    out = code_strings()
    for k, refs in map_strings().items():
        out.setdefault(k, []).extend(refs)
    for k, refs in content_strings().items():
        out.setdefault(k, []).extend(refs)
    return out


def write_po(path: Path, entries: list[tuple[str, str, list[str]]], lang: str | None) -> None:
    lines = ['msgid ""', 'msgstr ""', quote("Content-Type: text/plain; charset=UTF-8\n"),
             quote(f"Language: {lang or ''}\n"), quote("Project-Id-Version: Glimmer\n"), ""]
    for msgid, msgstr, refs in entries:
        for r in refs[:3]:
            lines.append(f"#: {r}")
        if placeholders(msgid):
            lines.append("#, python-brace-format")
        lines.append(f"msgid {quote(msgid)}")
        lines.append(f"msgstr {quote(msgstr)}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def extract() -> int:
    strings = all_strings()
    LOCALE.mkdir(exist_ok=True)
    ordered = sorted(strings.items(), key=lambda kv: kv[1][0])
    write_po(LOCALE / "glimmer.pot", [(k, "", refs) for k, refs in ordered], None)
    for lang in LANGUAGES:
        if lang == SOURCE_LANGUAGE:
            continue
        path = LOCALE / f"{lang}.po"
        old = {e["msgid"]: e["msgstr"] for e in parse_po(path.read_text("utf-8"))} if path.exists() else {}
        write_po(path, [(k, old.get(k, ""), refs) for k, refs in ordered], lang)
        done = sum(1 for k, _ in ordered if old.get(k))
        print(f"{path.relative_to(ROOT)}: {done} of {len(ordered)} translated")
    return 0


def problems(lang: str) -> list[str]:
    path = LOCALE / f"{lang}.po"
    if not path.exists():
        return [f"{lang}: locale/{lang}.po is missing"]
    entries = {e["msgid"]: e for e in parse_po(path.read_text("utf-8")) if e["msgid"]}
    out = []
    for msgid, refs in all_strings().items():
        e = entries.get(msgid)
        where = refs[0]
        if e is None or not e["msgstr"] or e["fuzzy"]:
            out.append(f"{lang}: missing translation for {msgid[:60]!r} ({where})")
        elif placeholders(e["msgstr"]) != placeholders(msgid):
            out.append(f"{lang}: placeholders differ in {msgid[:60]!r}: {sorted(placeholders(msgid))} vs "
                       f"{sorted(placeholders(e['msgstr']))} ({where})")
    return out


def check() -> int:
    found = [p for lang in LANGUAGES if lang != SOURCE_LANGUAGE for p in problems(lang)]
    for p in found[:200]:
        print(p)
    print(f"{len(found)} problem(s)" if found else "translations complete")
    return 1 if found else 0


def stats() -> int:
    total = len(all_strings())
    for lang in LANGUAGES:
        if lang != SOURCE_LANGUAGE:
            missing = sum(1 for p in problems(lang) if "missing" in p)
            print(f"{lang}: {total - missing} of {total}")
    return 0


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    sys.exit({"extract": extract, "check": check, "stats": stats}.get(cmd, check)())
