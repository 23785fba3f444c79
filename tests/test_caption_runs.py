"""Captions with no speaker names read as runs of cues for the outcome rules."""

from __future__ import annotations

from dialogue import CUSTOMER, VENDOR, meeting

from milepost.pipeline.extract import caption_runs, outcomes
from milepost.pipeline.extract.claims import claims

RESULT = [
    "Median first response in December was one hour fifty minutes.",
    "Same month last year it was nine hours and change.",
    "I pulled that from the helpdesk reporting this morning.",
]


def test_a_result_told_over_unnamed_cues_is_an_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    told = ["It used to take the team about six hours on a Monday.", "Now it's under an hour."]
    cues = ["And proofing, did that change?", *told, "Wow."]
    m = meeting(analyzer, [(None, c) for c in cues])
    assert [o.evidence for o in outcomes.find(m, [])] == [" ".join(told)]


def test_a_question_or_a_reaction_starts_another_run(analyzer) -> None:  # type: ignore[no-untyped-def]
    cues = ["How's first response looking?", *RESULT, "That's huge.", "It is."]
    m = meeting(analyzer, [(None, c) for c in cues])
    joined, moved = caption_runs.runs(m, claims(m))
    assert [t.text for t in joined.transcript.turns] == [
        cues[0],
        " ".join(RESULT),
        cues[-2] + " " + cues[-1],
    ]
    assert [c.turn for c in moved] == [0, 1, 1, 1, 2, 2]


def test_named_turns_and_paragraphs_are_read_as_they_are(analyzer) -> None:  # type: ignore[no-untyped-def]
    named = meeting(analyzer, [(VENDOR, "How's first response?"), (CUSTOMER, RESULT[0])])
    paragraph = meeting(analyzer, [(None, "How's first response?"), (None, " ".join(RESULT))])
    for m in (named, paragraph):
        found = claims(m)
        assert caption_runs.runs(m, found) == (m, found)
