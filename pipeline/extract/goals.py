"""Customer goals, their category, metric, deadline, and whether both sides agreed on them."""

from __future__ import annotations

from milepost.models import Goal
from milepost.pipeline.extract.meeting import Meeting


def find(meeting: Meeting) -> list[Goal]:
    return []


def has_agreed_goal(goals: list[Goal]) -> bool:
    """True when at least one goal is agreed and concrete (metric, deadline or checkable result)."""
    return any(g.agreed and (g.metric or g.deadline) for g in goals)
