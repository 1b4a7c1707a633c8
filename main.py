"""Glimmer entry point: `python main.py` plays; `python main.py --help` lists the commands."""
import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

if __name__ == "__main__":
    from game.cli import main

    sys.exit(main(sys.argv[1:]))
