"""Verified outcomes: the customer confirming, with evidence, that a goal's result was reached.

Sentences are scored by the outcome head of the claims model (past results, measured
numbers, the customer's own source); projections, hopes and vendor claims score low.
Each outcome is linked to the goal whose category and words it shares most.
"""

from __future__ import annotations

import numpy as np

from milepost.models import Goal, VerifiedOutcome
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.goal_text import category, trim_lead
from milepost.pipeline.extract.goals import select
from milepost.pipeline.extract.meeting import Meeting

FOUND_BY = "outcome-model"


def find(meeting: Meeting, goals: list[Goal]) -> list[VerifiedOutcome]:
    """Results the customer says were reached, each with its evidence and the goal it proves."""
    found = cl.claims_for(meeting)
    probs = cl.score(found, "outcome")
    head = cl.model()["outcome"]
    out = []
    for group in select(found, probs, head["threshold"]):
        lead = found[group[0]]
        if lead.side == "vendor":
            continue
        cat = category(lead.text)
        out.append(
            VerifiedOutcome(
                category=cat,
                goal=_proves(goals, cat, lead.text),
                evidence=trim_lead(lead.text),
                speaker=lead.speaker,
                confidence=round(float(probs[group[0]]), 3),
                found_by=FOUND_BY,
            )
        )
    return out


def _proves(goals: list[Goal], cat: str, text: str) -> str | None:
    """The text of the goal in the same category sharing most words with the outcome."""
    words = set(text.lower().split())
    same = [g for g in goals if g.category == cat]
    if not same:
        return None
    scores = np.array([len(words & set(g.evidence.lower().split())) for g in same])
    return same[int(scores.argmax())].text
