"""Pure game rules (no pygame): activity planner, mood check-in and safety rule, challenges, ...

Everything here is unit-tested without a display; time and content are passed in by the caller.
"""
