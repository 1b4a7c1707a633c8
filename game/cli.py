"""Command line: `python main.py` plays; subcommands check content, test, benchmark and handle data."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from game.version import APP_VERSION


COMMON_OPTIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("--data-dir", {"help": "folder for profiles, logs and crash logs (overrides everything)"}),
    ("--portable", {"action": "store_true", "help": "keep data in saves/ beside the program"}),
    ("--deployment", {"help": "path of a deployment.toml to use"}),
    ("--lang", {"help": "interface language (en, nl)"}),
)


def add_common_options(p: argparse.ArgumentParser) -> None:
    """The options every command takes (the one definition; game/research/cli.py uses it too).
    Adds only the ones the parser does not have yet, so calling it twice is harmless."""
    have = {opt for a in p._actions for opt in a.option_strings}
    for flag, kwargs in COMMON_OPTIONS:
        if flag not in have:
            p.add_argument(flag, **kwargs)


_common = add_common_options


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glimmer", description=f"Glimmer {APP_VERSION}: a game about skills for tough moods.",
        epilog="With no command, the game starts.")
    _common(parser)
    parser.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("play", help="play the game (the default)")
    _common(p)
    p.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)")
    p.set_defaults(func=cmd_play)

    p = sub.add_parser("selftest", help="run the real game headless with a scripted player; exit 0 if it all worked")
    _common(p)
    p.add_argument("--all-levels", action="store_true", help="play every level, not just the first")
    p.add_argument("--record", help="write the scripted player's actions to this JSON file")
    p.set_defaults(func=cmd_selftest)

    p = sub.add_parser("bench", help="measure start-up, frame times, memory and logging cost")
    _common(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--frames", type=int, default=1500)
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("check", help="validate every level map and content file")
    _common(p)
    p.add_argument("--json", action="store_true", help="print counts as JSON")
    p.set_defaults(func=cmd_check)

    try:
        from game.research.cli import register
    except ImportError:
        register = None
    if register is not None:
        before = set(sub.choices)
        register(sub)
        for name in set(sub.choices) - before:
            add_common_options(sub.choices[name])
    return parser


def _console_for_windowed_build() -> None:
    """The Windows build has no console window (students never see one). When a counsellor runs
    a command from a terminal (``Glimmer.exe pin``, ``export``, ``--help``), write to that terminal."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    try:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
            sys.stderr = sys.stdout
    except Exception:  # no parent console: stay silent, as before
        pass


def main(argv: list[str] | None = None) -> int:
    _console_for_windowed_build()  # only does something when started from a terminal on Windows
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None) or cmd_play
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        return 130


# ---------------------------------------------------------------------------------------------
def cmd_play(args: Any) -> int:
    from game.runner import run_game

    return run_game(args)


def cmd_selftest(args: Any) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.selftest import run_selftest

    return run_selftest(args)


def cmd_bench(args: Any) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.bench import run_bench

    return run_bench(args)


def cmd_check(args: Any) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.content.check import run_check

    return run_check(args)
