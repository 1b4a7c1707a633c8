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
    # Feature modules (each registers itself on import; the order is the order of the steps):
    import game.scenes.research  # noqa: F401  consent step, research participation (issue 6)
    import game.scenes.planner  # noqa: F401  planner, follow-ups, mood check-ins, challenges (issue 5; after consent)
    import game.scenes.thoughts  # noqa: F401  thought creatures, thought records, journal (issue 4)
    from game.scenes import breathing, sorting  # level 1: paced breathing, the mood board (issue 7)

    sorting.register()
    breathing.register()
    import game.scenes.avatar  # noqa: F401  avatar creator at session start (after consent), "My look" (issue 7)
    import game.scenes.practice  # noqa: F401  levels 5-7: problem board, speak-up stall, ally map, review, toolkit (issue 7)
    import game.scenes.practice_play  # noqa: F401  how selftest --all-levels practises at those spots
