"""Commitment features: a withdrawal after a candidate counts for it only up to the turn's
next offer or promise, which it takes back instead."""

from __future__ import annotations

import pytest

from milepost.models import Transcript, Turn
from milepost.pipeline.extract.commitment import candidates
from milepost.pipeline.extract.commitment_features import describe
from milepost.pipeline.extract.meeting import Meeting


def _features(analyzer, text: str) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    """Each candidate's features, by its sentence."""
    meeting = Meeting(
        transcript=Transcript(source="t", input_format="plain", turns=[Turn(text=text)]),
        docs=[analyzer.nlp(text)],
    )
    cands = candidates(meeting)
    describe(meeting, cands)
    return {c.text: c.features for c in cands}


@pytest.mark.parametrize(
    ("text", "withdrawn"),
    [
        ("Could you export the customer list? Actually no, scratch that.", 1.0),
        ("Could you export the customer list? It's for the migration. Never mind.", 1.0),
        (
            "Could you export the customer list? And I can migrate your old reports too, "
            "hmm, actually no, scratch that.",
            0.0,
        ),
        (
            "Maeve will pull the contract templates by Friday. And I'll send you our old "
            "handbook as well, actually, no.",
            0.0,
        ),
    ],
)
def test_withdrawal_belongs_to_the_next_promise(analyzer, text: str, withdrawn: float) -> None:  # type: ignore[no-untyped-def]
    first = next(iter(_features(analyzer, text).values()))
    assert first.get("withdrawn", 0.0) == withdrawn
