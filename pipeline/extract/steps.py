"""Next steps: commitments and accepted requests, with side, owner and due date."""

from __future__ import annotations

from milepost.models import NextStep
from milepost.pipeline.extract.meeting import Meeting


def find(meeting: Meeting) -> list[NextStep]:
    return []
