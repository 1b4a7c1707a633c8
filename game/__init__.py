"""Glimmer: a serious game teaching skills for low moods and stress."""
