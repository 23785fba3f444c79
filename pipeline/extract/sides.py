"""Which side each speaker is on: the roster when given, else inferred from what they say."""

from __future__ import annotations

from milepost.pipeline.extract.meeting import Meeting


def infer(meeting: Meeting) -> None:
    """Fill meeting.sides (and meeting.names); roster entries always win."""
    meeting.sides = dict(meeting.roster)
