"""Build a parsed Meeting from a short scripted dialogue, for extractor tests."""

from __future__ import annotations

from datetime import date

from milepost.models import SpeakerSide, Transcript, Turn
from milepost.pipeline.extract import claims
from milepost.pipeline.extract.meeting import Meeting

VENDOR = "Dana Ruiz"
CUSTOMER = "Raj Patel"
SIDES: dict[str, SpeakerSide] = {VENDOR: "vendor", CUSTOMER: "customer", "Mia Chen": "customer"}


def meeting(analyzer, lines: list[tuple[str, str]], roster: bool = True) -> Meeting:  # type: ignore[no-untyped-def]
    """lines are (speaker, text); speakers named in SIDES get their side when roster is on."""
    turns = [Turn(speaker=s, text=t) for s, t in lines]
    transcript = Transcript(source="test.txt", input_format="plain", turns=turns)
    docs = list(analyzer.nlp.pipe(t.text for t in turns))
    known = {s: SIDES[s] for s, _ in lines if s in SIDES} if roster else {}
    claims._LAST.clear()
    return Meeting(transcript, docs, date(2026, 3, 3), dict(known), dict(known))
