"""Shared helpers for tests that drive the real app (imported as ``from helpers import ...``)."""
from argparse import Namespace


def args(tmp, deployment=None, lang=None):
    """Command-line arguments for run_game with the data folder in ``tmp``."""
    return Namespace(data_dir=str(tmp), portable=False, deployment=deployment, lang=lang, fullscreen=False)


def consenting(app):
    """on_app hook: every profile that is activated has research consent (participant code TEST)."""
    ctx = app.ctx
    original = ctx.activate_profile

    def activate(profile):
        profile.research.update(decision="yes", participant_code="TEST")
        original(profile)
    ctx.activate_profile = activate
