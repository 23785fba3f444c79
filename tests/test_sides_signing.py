"""Where the transcript does not say who speaks, a promise to sign is the customer's: the
customer signs its order, the vendor sends it (steps_resolve._signs)."""

from __future__ import annotations

from datetime import date

from milepost.models import Transcript, Turn
from milepost.pipeline.extract import steps
from milepost.pipeline.extract.meeting import Meeting


def test_who_signs_without_speakers_is_the_customer(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "I'll send the renewal contract for two years on Wednesday.",
        "Okay. Then I'll sign it before the 23rd, before everybody goes home for Christmas.",
    ]
    transcript = Transcript(
        source="t.srt", input_format="srt", turns=[Turn(speaker=None, text=t) for t in lines]
    )
    meeting = Meeting(
        transcript=transcript, docs=[analyzer.nlp(t) for t in lines], date=date(2026, 12, 14)
    )
    found = {s.action: s.side for s in steps.find(meeting)}
    assert found["sign it"] == "customer"
