"""Take screenshots of the real screens (title, journey, a level, dialogue, help, pause, complete).

    python tools/screenshots.py OUT_DIR

Runs the real app with the scripted player and saves the frame the player sees as PNG files.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.input.actions import A  # noqa: E402
from game.scripted import ScriptedPlayer  # noqa: E402


def main(out: Path) -> int:
    from argparse import Namespace

    from game.boot import DefaultDeployment
    from game.runner import run_game

    out.mkdir(parents=True, exist_ok=True)

    def shot(sp, name):
        for _ in range(20):
            yield None
        pygame.image.save(sp.app.screen, str(out / f"{name}.png"))
        sp.log.append(f"shot {name}")

    def script(sp):
        yield from sp.wait_scene("title")
        yield from shot(sp, "01-title")
        yield from sp.press("play")
        yield from sp.wait_scene("profiles")
        yield from sp.press("new")
        yield from sp.wait_scene("new_profile")
        yield from sp.key(A.TEXT, "Robin")
        yield from shot(sp, "02-new-profile")
        yield from sp.press("create")
        yield from sp.wait_scene("journey")
        yield from shot(sp, "03-journey")
        first = sp.app.ctx.levels[0].id
        yield from sp.press(f"level:{first}")
        yield from sp.wait_for(lambda: getattr(sp.top(), "world", None) is not None, "level")
        for _ in range(200):
            yield None
        yield from shot(sp, "04-level")
        play = sp.play_scene()
        guide = next(o for o in play.world.lmap.objects if o.kind == "npc")
        yield from sp.walk_to(guide.tiles[0], adjacent=True)
        yield from sp.face(guide.tiles[0])
        yield from shot(sp, "05-prompt")
        yield from sp.key(A.CONFIRM)
        yield from sp.wait_scene("dialogue")
        yield from sp.wait_for(lambda: not sp.top().typing, "the page typed out", 900)
        yield from shot(sp, "06-dialogue")
        yield from sp.read_dialogue()
        yield from sp.key(A.HELP)
        yield from sp.wait_scene("help")
        yield from shot(sp, "07-help")
        yield from sp.key(A.CANCEL)
        yield from sp.key(A.PAUSE)
        yield from sp.wait_scene("pause")
        yield from shot(sp, "08-pause")
        yield from sp.press("resume")
        play.complete()
        yield from sp.wait_scene("level_complete")
        yield from shot(sp, "09-complete")
        yield from sp.finish_with("continue")

    with tempfile.TemporaryDirectory() as tmp:
        sp = ScriptedPlayer(script)
        args = Namespace(data_dir=tmp, portable=False, deployment=None, lang=None, fullscreen=False)
        run_game(args, headless=True, driver=sp, deployment=DefaultDeployment(), max_frames=20000)
    print("\n".join(sp.log))
    if sp.error:
        print("error:", sp.error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
