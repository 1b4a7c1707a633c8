"""Running the game for a player: lock, boot, loop, and a clean shutdown whatever happens."""
from __future__ import annotations

import logging
import signal
from typing import Any, Callable

from game.boot import StartupProblem, data_dirs, load_deployment, tell, write_crash_log
from game.i18n import _, set_language, tr
from game.store.lock import AlreadyRunning, InstanceLock

log = logging.getLogger(__name__)


def make_context(args: Any, deployment: Any, clock=None, strict_events: bool = False):
    from game.content.level import load_all_levels

    dirs = data_dirs(args, deployment)
    lang = set_language(getattr(args, "lang", None) or getattr(deployment, "language", "en"))
    levels, issues = load_all_levels()  # in that language
    if issues:
        raise StartupProblem(_("A level file has a problem"),
                             _("Some game content could not be loaded:") + "\n\n"
                             + "\n".join(str(i) for i in issues[:8]))
    if not levels:
        raise StartupProblem(_("No levels found"), _("The levels folder is empty or missing. Reinstall Glimmer."))
    return dirs, levels, lang


def run_game(args: Any, headless: bool = False, driver=None, clock=None, first_scene: Callable | None = None,
             deployment: Any = None, on_app: Callable | None = None, max_frames: int | None = None) -> int:
    from game.app import App, AppOptions
    from game.context import GameContext
    from game.scenes.title import TitleScene

    data_root = None
    lock = None
    ctx = None
    app = None

    def on_term(signum, frame):  # a polite kill: save and leave like a normal quit (or Ctrl+C)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except ValueError:           # not the main thread (tests): keep what there is
        previous = None
    try:
        if getattr(args, "lang", None):
            set_language(args.lang)   # problems with the set-up file are told in the chosen language too
        if deployment is None:
            deployment = load_deployment(getattr(args, "deployment", None), lang=getattr(args, "lang", None))
        dirs, levels, lang = make_context(args, deployment)
        data_root = dirs.root
        try:
            dirs.root.mkdir(parents=True, exist_ok=True)
            lock = InstanceLock(dirs.lock_file)
            lock.acquire()
        except AlreadyRunning:
            lock = None
            raise StartupProblem(_("Glimmer is already open"),
                                 _("Glimmer is already running on this computer with the same data folder. "
                                   "Switch to that window (look in the taskbar)."), code=3) from None
        except OSError as e:
            # A read-only or unwritable data folder (a locked-down school PC): play on without
            # saving. Nothing can be written, so a second copy can't damage anything either. The
            # player is told once, on the first frame.
            lock = None
            writable = False
            log.warning("data folder not writable (%s): playing without saving", e.strerror or e)
        else:
            writable = True
        if writable:
            try:
                dirs.ensure()
            except OSError as e:
                writable = False
                log.warning("data folder not writable (%s): playing without saving", e.strerror or e)
        ctx = GameContext(dirs, deployment, levels, clock=clock, strict_events=headless,
                          portable=bool(getattr(args, "portable", False)), language=lang)
        if not writable:
            ctx.report.add("write_failures", "data folder")
        from game.persistence import notice_text, persistence_risks

        ctx.persistence_risks = persistence_risks(dirs.root, deployment)
        if writable and not headless and ctx.persistence_risks:
            ctx.notices.append(notice_text(ctx.persistence_risks))  # told once, on the first frame
        options = AppOptions(headless=headless, fullscreen=bool(getattr(args, "fullscreen", False)),
                             audio=not headless, max_frames=max_frames)
        app = App(ctx, options, first_scene or TitleScene, driver=driver)
        if on_app:
            on_app(app)
        reason = app.run()
        app.leave_scenes()           # a level left by closing the window or Ctrl+C logs its quit
        ctx.shutdown(reason)
        return 0
    except KeyboardInterrupt:
        # Ctrl+C or SIGTERM before the game loop runs (still starting up): leave as politely
        if ctx is not None:
            try:
                if app is not None:
                    app.leave_scenes()
                ctx.shutdown("interrupted")
            except Exception:
                log.exception("error while shutting down after an interrupt")
        return 0
    except StartupProblem as p:
        tell(p.title, p.text)
        return p.code
    except Exception as e:
        path = write_crash_log(data_root, e)
        if ctx is not None:
            try:
                if app is not None:
                    app.leave_scenes()
                ctx.shutdown("error")
            except Exception:
                pass
        where = ("\n\n" + tr("A report was saved in {file} in Glimmer's data folder.",
                               file=f"{path.parent.name}/{path.name}")) if path else ""
        tell(_("Sorry, Glimmer hit a problem"),
             _("Something went wrong and Glimmer has to close. Your progress up to the last save is safe.") + where)
        if headless:
            raise
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if app is not None:
            try:
                app.close()
            except Exception:
                pass
        if lock is not None:
            lock.release()
