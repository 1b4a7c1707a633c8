"""Start-up: deployment, data folder, single-instance lock, content, context and app.

Anything that goes wrong here is shown to a person in plain words (on screen when there is one),
never as a bare traceback.
"""
from __future__ import annotations

import datetime as _dt
import logging
import os
import platform
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.i18n import N_, _
from game.paths import DataDirs, resolve_data_dir, scrub_home
from game.version import APP_VERSION, build_id

log = logging.getLogger(__name__)


@dataclass
class DefaultDeployment:
    """Used only until game.deployment exists or when no deployment file is given."""

    programme_name: str = "Glimmer"
    language: str = "en"
    helplines: list[dict[str, str]] = field(default_factory=lambda: [
        {"name": N_("Child helpline"), "number": "116 111", "text": N_("Free and confidential, in most of Europe.")}])
    pacing: Any = "free"
    research_enabled: bool = False
    data_dir: str | None = None
    allow_free_text_export: bool = False


class StartupProblem(Exception):
    def __init__(self, title: str, text: str, code: int = 2) -> None:
        super().__init__(text)
        self.title, self.text, self.code = title, text, code


def load_deployment(path: str | None, lang: str | None = None) -> Any:
    """The deployment, or StartupProblem listing every problem in the file (line, key, what is
    expected) in the counsellor's language: ``lang`` (``--lang``), else the language already
    chosen, else the one the file itself asks for. The log gets them in English."""
    try:
        from game import deployment as dep  # noqa: F401
    except ImportError:
        return DefaultDeployment()
    result = dep.load_deployment(path)
    issues = getattr(result, "issues", None)
    if issues:
        from game import i18n

        log.warning("deployment.toml has problems:\n%s", "\n".join(str(i) for i in issues))
        if lang or i18n.language() == i18n.SOURCE_LANGUAGE:
            # the start-up ends here: the message (and the window around it) is in this language
            i18n.set_language(lang or getattr(result, "language", None))
        lines = "\n".join(i.text() if hasattr(i, "text") else str(i) for i in issues)
        raise StartupProblem(_("The deployment file has a problem"),
                             _("Glimmer's set-up file (deployment.toml) needs fixing before the game can start:")
                             + "\n\n" + lines + "\n\n" + _("Ask the person who set up Glimmer to correct it."))
    return getattr(result, "deployment", result)


def write_crash_log(data_root: Path | None, exc: BaseException) -> Path | None:
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    report = (f"Glimmer {APP_VERSION} (build {build_id()}) crashed at {_dt.datetime.now(_dt.timezone.utc).isoformat()}\n"
              f"Python {platform.python_version()} on {platform.system()} {platform.release()}\n\n{text}")
    report = scrub_home(report)
    for folder in ([data_root / "crash"] if data_root else []) + [Path.cwd() / "saves" / "crash"]:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"crash-{_dt.datetime.now().strftime('%Y%m%d-%H%M%S')}.txt"
            path.write_text(report, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def data_dirs(args: Any, deployment: Any) -> DataDirs:
    root = resolve_data_dir(getattr(args, "data_dir", None), bool(getattr(args, "portable", False)),
                            getattr(deployment, "data_dir", None))
    return DataDirs(root)


def show_message_window(title: str, text: str, seconds: float = 60.0) -> None:
    """A minimal window for problems before the game can run (no pygame_gui needed)."""
    if os.environ.get("SDL_VIDEODRIVER") == "dummy":
        return
    try:
        import pygame

        from game.paths import resource
        from game.ui.draw import text_block

        from game.ui.draw import wrap

        pygame.display.init()
        pygame.font.init()
        fb = pygame.font.Font(str(resource("assets", "fonts", "NotoSans-Bold.ttf")), 30)
        fr = pygame.font.Font(str(resource("assets", "fonts", "NotoSans-Regular.ttf")), 20)
        body = text + "\n\n" + _("Press Enter to close.")
        # tall enough for every line (a deployment file with many problems lists them all)
        needed = 130 + int(fr.get_linesize() * 1.35) * len(wrap(fr, body, 864))
        screen = pygame.display.set_mode((960, max(540, min(needed, 1000))), pygame.SCALED | pygame.RESIZABLE)
        pygame.display.set_caption("Glimmer")
        clock = pygame.time.Clock()
        t = 0.0
        while t < seconds:
            for ev in pygame.event.get():
                if ev.type == pygame.QUIT or (ev.type == pygame.KEYDOWN and ev.key in (pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_SPACE)):
                    t = seconds
            screen.fill((43, 33, 64))
            screen.blit(fb.render(title, True, (255, 232, 168)), (48, 40))
            text_block(screen, fr, body, pygame.Rect(48, 100, 864, screen.get_height() - 120))
            pygame.display.flip()
            t += clock.tick(30) / 1000.0
        pygame.display.quit()
    except Exception:
        pass


def tell(title: str, text: str) -> None:
    print(f"{title}\n{text}", file=sys.stderr)
    show_message_window(title, text)
