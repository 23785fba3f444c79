"""Commitment features: the text after a candidate, cut from the turn as spaCy joins it."""

from __future__ import annotations

import pytest

from milepost.models import Transcript, Turn
from milepost.pipeline.extract.commitment_features import _text_after
from milepost.pipeline.extract.meeting import Meeting


@pytest.mark.parametrize(
    "text",
    [
        "I'll send it Friday. Actually, scratch that, no.",
        "I'll send it.  Then  we  talk.\n",
        "Let's meet Tuesday!   ",
        "ok",
    ],
)
def test_text_after_is_the_span_text(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp(text)
    meeting = Meeting(
        transcript=Transcript(source="t", input_format="plain", turns=[Turn(text=text)]),
        docs=[doc],
    )
    for start in range(len(doc) + 1):
        for limit in (3, 200):
            assert _text_after(meeting, 0, start, limit) == doc[start:].text[:limit]
