"""The customer's journey stage in this meeting, and goal-discovery questions for it."""

from __future__ import annotations

from milepost.models import StageCall
from milepost.pipeline.extract.meeting import Meeting


def detect(meeting: Meeting) -> StageCall | None:
    return None


def questions_for(stage: StageCall | None) -> list[str]:
    return []
