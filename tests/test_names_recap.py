"""Without speakers, the call's own recap names a step's owner: 'Chris checks the geo tab
connection and lets you know tomorrow.' after 'I'll check that we integrate with your geo tab
account' (steps_resolve.recapped_owner): the step's verb, said of a named person, with words of
its object."""

from __future__ import annotations

from datetime import date

from milepost.models import NextStep, Transcript, Turn
from milepost.pipeline.extract import steps
from milepost.pipeline.extract.meeting import Meeting


def _find(analyzer, lines: list[str]) -> list[NextStep]:  # type: ignore[no-untyped-def]
    transcript = Transcript(
        source="t.txt", input_format="plain", turns=[Turn(speaker=None, text=t) for t in lines]
    )
    docs = [analyzer.nlp(t) for t in lines]
    return steps.find(Meeting(transcript=transcript, docs=docs, date=date(2026, 4, 8)))


def _owner(found: list[NextStep], words: str) -> str | None:
    return next(s.owner for s in found if words in s.evidence)


def test_the_recap_names_the_owner_of_a_step_said_without_speakers(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _find(
        analyzer,
        [
            "Ok, so we'd read the location off geo tab. I'll check that we integrate with your"
            " geo tab account and let you know tomorrow.",
            "Sure, that works.",
            "So I'll send the deck by Friday. Chris checks the geo tab connection and lets you"
            " know tomorrow. Thanks all.",
        ],
    )
    assert _owner(found, "I'll check that we integrate") == "Chris"


def test_a_recap_of_another_thing_names_no_owner(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _find(
        analyzer,
        [
            "I'll check that we integrate with your geo tab account and let you know tomorrow.",
            "Sure, that works.",
            "So Chris checks the payroll export next week. Thanks all.",
        ],
    )
    assert _owner(found, "I'll check that we integrate") is None


def test_the_recap_names_a_diarized_speaker_the_call_never_named(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        ("SPEAKER_00", "And the fuel side, what do you track today?"),
        ("SPEAKER_01", "I'll send you the bunker receipts for November tomorrow."),
        ("SPEAKER_00", "Great. So to recap, Anouk sends the bunker receipts tomorrow. Thanks all."),
    ]
    transcript = Transcript(
        source="t.json", input_format="json", turns=[Turn(speaker=s, text=t) for s, t in lines]
    )
    meeting = Meeting(
        transcript=transcript, docs=[analyzer.nlp(t) for _, t in lines], date=date(2026, 12, 14)
    )
    meeting.sides = {"SPEAKER_00": "vendor", "SPEAKER_01": "customer"}
    assert _owner(steps.find(meeting), "bunker receipts for November") == "Anouk"
