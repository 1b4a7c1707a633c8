"""Feature modules that register flow steps, pause-menu items and map interactions.

Imported once when the app starts. The list is explicit (no folder scanning: it breaks in frozen
builds). Add a feature's module here, never by editing another feature's scene.
"""
from __future__ import annotations

_LOADED = False


def load() -> None:
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    # Feature modules (each registers itself on import):
    #   game.scenes.thoughts    trap encounters, thought records, journal   (issue 4)
    #   game.scenes.planner     week planner, follow-ups, mood, challenges  (issue 5)
    #   game.scenes.research    consent, facilitator screens                (issue 6)
