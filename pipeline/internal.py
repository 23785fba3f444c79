"""An internal call: the team's own meeting, which says nothing about where the customer stands.

One definition for the report, the brief and the recap: people spoke (the transcript names
its speakers, if only as 'Speaker 1'), none of them for the customer, and no next step is
the customer's. A transcript that names no speaker (an article, raw ASR text) is not
internal: nothing in it says who was there, so it is treated as a call with the customer.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from milepost.models import Analysis
from milepost.pipeline.store import read


def is_internal(speaker_sides: Iterable[str], step_sides: Iterable[str]) -> bool:
    """People spoke, none of them for the customer, and no step is the customer's."""
    sides = set(speaker_sides)
    return bool(sides) and "customer" not in sides | set(step_sides)


def analysis_is_internal(analysis: Analysis) -> bool:
    return is_internal((s.side for s in analysis.speakers), (s.side for s in analysis.next_steps))


def internal_meetings(db: Database, ids: list[int]) -> set[int]:
    """The stored meetings among `ids` that are internal calls."""
    speakers: dict[int, list[str]] = {}
    for s in read.rows(db, "speakers", ids):
        speakers.setdefault(s["meeting_id"], []).append(s["side"])
    steps: dict[int, list[str]] = {}
    for s in read.rows(db, "next_steps", ids):
        steps.setdefault(s["meeting_id"], []).append(s["side"])
    return {i for i in ids if is_internal(speakers.get(i, []), steps.get(i, []))}
