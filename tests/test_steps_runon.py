"""Next steps: run-on raw ASR 'sentences' cut at their cues (commitment.py), and a request
its addressee says yes to and takes on (steps_revise.accepted_requests)."""

from __future__ import annotations

from datetime import date

import pytest

from milepost.models import NextStep, Transcript, Turn
from milepost.pipeline.extract import commitment, steps
from milepost.pipeline.extract.meeting import Meeting

ROSTER = {"Dana": "vendor", "Raj": "customer", "Mia": "customer"}
TUESDAY = date(2026, 3, 3)


@pytest.fixture(scope="module")
def meeting_of(analyzer):  # type: ignore[no-untyped-def]
    def run(*lines: tuple[str | None, str]) -> Meeting:
        transcript = Transcript(
            source="t", input_format="plain", turns=[Turn(speaker=s, text=t) for s, t in lines]
        )
        meeting = Meeting(
            transcript=transcript, docs=[analyzer.nlp(t) for _, t in lines], date=TUESDAY
        )
        meeting.sides = {s: ROSTER[s] for s, _ in lines if s in ROSTER}
        return meeting

    return run


@pytest.fixture(scope="module")
def find(meeting_of):  # type: ignore[no-untyped-def]
    def run(*lines: tuple[str | None, str]) -> list[NextStep]:
        return steps.find(meeting_of(*lines))

    return run


RUN_ON = (
    "right so the rota goes out on the first and the drivers see it on the app "
    "yes let's get back on a call next tuesday with the depot manager "
    "i'll send the invite for the same time and can you bring the shift plan"
)


def test_a_run_on_asr_sentence_is_cut_at_its_cues(meeting_of) -> None:  # type: ignore[no-untyped-def]
    meeting = meeting_of((None, RUN_ON))
    texts = [c.text for c in commitment.candidates(meeting, run_ons=True)]
    assert texts == [
        "yes let's get back on a call next tuesday with the depot manager",
        "i'll send the invite for the same time",
        "and can you bring the shift plan",
    ]


def test_each_commitment_in_a_run_on_turn_is_found(find) -> None:  # type: ignore[no-untyped-def]
    found = [s.evidence for s in find((None, RUN_ON))]
    assert "i'll send the invite for the same time" in found


@pytest.mark.parametrize(
    "said",
    [
        "Then I'll run the numbers on both plans and we can walk through the results on a call.",
        "then i'll run the numbers on both plans, and we can walk through the results on a call",
        "then i'll run the numbers and we can walk through it",
    ],
)
def test_written_or_punctuated_sentences_are_not_cut(meeting_of, said: str) -> None:  # type: ignore[no-untyped-def]
    [cand] = commitment.candidates(meeting_of(("Dana", said)), run_ons=True)
    assert cand.text == said


def test_dialogue_acts_are_not_cut(meeting_of) -> None:  # type: ignore[no-untyped-def]
    """Without run_ons (AMI's acts), a sentence stays whole: its first cue's candidate."""
    [cand] = commitment.candidates(meeting_of((None, RUN_ON)))
    assert cand.text == RUN_ON.split(" on the app ")[1]
    assert cand.cues == ["LETS", "I_WILL", "YOU_REQ"]


def test_a_request_answered_yes_with_a_promise_is_a_step(find) -> None:  # type: ignore[no-untyped-def]
    asked = "Mia, can you put together a one-pager on the no-shows for the board?"
    [step] = find(
        ("Raj", f"Okay. Good. {asked} What it costs us when we close the balcony."),
        ("Mia", "Yep, I'll do that after the weekend."),
    )
    assert step.evidence == asked
    assert step.side == "customer"


@pytest.mark.parametrize(
    "reply",
    [
        "I can. We're all in the room.",  # no yes word: answers a yes/no question
        "Yes, I'll see. It depends on the audit.",  # no promise
        "Yep. It's in the board pack already.",  # a yes with no promise of its own
    ],
)
def test_a_request_without_a_promise_to_do_it_stays_as_scored(find, reply: str) -> None:  # type: ignore[no-untyped-def]
    found = find(
        ("Raj", "Okay. Mia, can you put together a one-pager on the no-shows for the board?"),
        ("Mia", reply),
    )
    assert found == []


def test_a_piece_withdrawn_in_the_next_sentence_is_no_step(find) -> None:  # type: ignore[no-untyped-def]
    said = (
        "that's fair actually month to month is fine. i'll send you the floor plan of the dock "
        "by friday so you can see where the readers would go. actually no, forget that, "
        "facilities has to sign off on it first."
    )
    assert find((None, said)) == []


def test_an_unnamed_answer_naming_what_a_pronoun_asked_is_the_step(find) -> None:  # type: ignore[no-untyped-def]
    said = "I'll send the carrier registration info tomorrow, it's all in the finance doc."
    found = find(
        (None, "We'll also need your carrier registration details. Can you get that to us?"),
        (None, said),
    )
    assert [s.evidence for s in found] == [said]
    assert found[0].due == "2026-03-04"


def test_a_named_answer_keeps_the_request(find) -> None:  # type: ignore[no-untyped-def]
    asked = "We'll also need your carrier registration details. Can you get that to us?"
    found = find(("Dana", asked), ("Raj", "I'll send the carrier registration info tomorrow."))
    assert len(found) == 1
