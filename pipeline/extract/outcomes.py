"""Verified outcomes: the customer confirming a goal's result was reached."""

from __future__ import annotations

from milepost.models import Goal, VerifiedOutcome
from milepost.pipeline.extract.meeting import Meeting


def find(meeting: Meeting, goals: list[Goal]) -> list[VerifiedOutcome]:
    return []
