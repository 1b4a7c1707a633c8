"""Ordered steps that run between screens, so features can add screens without editing each other.

* ``SESSION_START`` runs once a profile is chosen (title "Continue", the profile list, a new
  profile) and ends on the journey map: consent, the session mood check-in, follow-ups ...
* ``LEVEL_START`` runs on top of the play scene right after ``level_started`` (the bus is
  stamped with the level id): the level mood check-in, follow-up of plans and challenges ...
* ``LEVEL_END`` runs on top of the play scene after ``level_completed`` and before the
  level-complete screen: the real-world challenge, the level-end mood check-in ...
* ``SESSION_END`` runs when the player chooses to stop (back to the title from the journey, or
  "quit" in the pause menu) before the session is ended: the session-end mood check-in. Closing
  the window skips it: quitting is always possible.

A step is ``step(app, done, **info) -> Scene | None``. Returning ``None`` skips it. A returned scene
is pushed; when it is finished it pops itself and then calls ``done()`` (in that order: stack changes
apply between frames, in order). Steps are registered by the feature modules that
``game.scenes.plugins`` imports.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

Step = Callable[..., Optional[Any]]

SESSION_START: list[Step] = []
LEVEL_START: list[Step] = []
LEVEL_END: list[Step] = []
SESSION_END: list[Step] = []


def run(app, steps: list[Step], finish: Callable[[], None], **info: Any) -> None:
    """Run ``steps`` in order, then ``finish()``. Each step is asked once, when it is its turn."""
    pending = list(steps)

    def advance() -> None:
        while pending:
            step = pending.pop(0)
            scene = step(app, advance, **info)
            if scene is not None:
                app.stack.push(scene)
                return
        finish()

    advance()


def start_session(app) -> None:
    """After a profile is activated: run the session steps, then show the journey."""
    from game.scenes.journey import JourneyScene

    run(app, SESSION_START, lambda: app.stack.clear_to(JourneyScene(app)))


def end_session(app, finish) -> None:
    """The player chose to stop: run the session-end steps, then ``finish()`` (which ends the session)."""
    run(app, SESSION_END, finish)
