"""Owners of requests: the person a request is addressed to by name owns it (guide: owner as
said), where the transcript does not name who speaks (steps_resolve.said_addressee). As
for any name, a capital that opens a sentence is no evidence of one (names.capital_tells), so
each dialogue names the person once more elsewhere."""

from __future__ import annotations

from datetime import date

import pytest

from milepost.models import NextStep, Transcript, Turn
from milepost.pipeline.extract import steps
from milepost.pipeline.extract.meeting import Meeting

TUESDAY = date(2026, 3, 3)


@pytest.fixture(scope="module")
def find(analyzer):  # type: ignore[no-untyped-def]
    """Steps for (speaker, text) turns with the given speaker sides."""

    def run(sides: dict[str, str], *lines: tuple[str | None, str]) -> list[NextStep]:
        transcript = Transcript(
            source="t", input_format="plain", turns=[Turn(speaker=s, text=t) for s, t in lines]
        )
        docs = [analyzer.nlp(t) for _, t in lines]
        meeting = Meeting(transcript=transcript, docs=docs, date=TUESDAY)
        meeting.sides = dict(sides)  # type: ignore[arg-type]
        return steps.find(meeting)

    return run


def _asked(found: list[NextStep], words: str) -> NextStep:
    return next(s for s in found if words in s.evidence)


def test_a_request_by_name_without_speakers_is_owned_by_that_name(find) -> None:  # type: ignore[no-untyped-def]
    found = find(
        {},
        (None, "Janelle runs dispatch, so she has the routes."),
        (None, "So I'll send the deck by Friday."),
        (None, "Janelle, could you send me the list of your runs by Friday?"),
        (None, "Yeah, I can pull that from the route sheet."),
    )
    assert _asked(found, "Janelle, could you").owner == "Janelle"


def test_a_request_by_name_to_a_diarizer_label_is_owned_by_the_name(find) -> None:  # type: ignore[no-untyped-def]
    found = find(
        {"SPEAKER_00": "vendor", "SPEAKER_01": "customer"},
        ("SPEAKER_00", "I talked to Wade last week about the receiving dock."),
        ("SPEAKER_01", "Yes, the dock is where it starts."),
        ("SPEAKER_00", "Wade, could you send me the receiving ticket you use now by Friday?"),
        ("SPEAKER_01", "Sure, I'll dig it out."),
    )
    step = _asked(found, "Wade, could you")
    assert (step.owner, step.side) == ("Wade", "customer")


def test_a_named_speaker_asked_by_first_name_keeps_the_full_name(find) -> None:  # type: ignore[no-untyped-def]
    found = find(
        {"Dana Ruiz": "vendor", "Kasia Nowak": "customer"},
        ("Dana Ruiz", "Kasia, could you send me an export of the price file by Friday?"),
        ("Kasia Nowak", "Sure, I'll send it Friday."),
    )
    assert _asked(found, "Kasia, could you").owner == "Kasia Nowak"


def test_a_speaker_talked_about_inside_a_request_is_not_asked(find) -> None:  # type: ignore[no-untyped-def]
    sides = {"Dana Ruiz": "vendor", "Halima Osei": "vendor", "Raj Patel": "customer"}
    found = find(
        sides,
        ("Halima Osei", "I'll need a week with the contract before the board meets."),
        ("Dana Ruiz", "Could you get us your redlines by Tuesday, so Halima has time before it?"),
        ("Raj Patel", "Sure, Tuesday works."),
    )
    step = _asked(found, "redlines")
    assert (step.owner, step.side) == ("Raj Patel", "customer")


def test_a_speaker_named_at_the_end_of_a_request_is_asked(find) -> None:  # type: ignore[no-untyped-def]
    sides = {"Dana Ruiz": "vendor", "Halima Osei": "vendor", "Raj Patel": "customer"}
    found = find(
        sides,
        ("Raj Patel", "We keep the rota in a spreadsheet."),
        ("Dana Ruiz", "Could you send us the rota by Friday, Raj?"),
        ("Halima Osei", "And I'll set up the accounts."),
    )
    step = _asked(found, "rota")
    assert (step.owner, step.side) == ("Raj Patel", "customer")


def test_a_lower_case_name_asked_in_an_asr_transcript_owns_the_request(find) -> None:  # type: ignore[no-untyped-def]
    found = find(
        {},
        (None, "ok so the pay categories are in a spreadsheet somewhere."),
        (None, "And silvana, can you send me a sample of the gang pay sheet by thursday?"),
        (None, "yeah I can do that."),
    )
    assert _asked(found, "silvana, can you").owner == "Silvana"
