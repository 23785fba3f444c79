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
SHORT = 8


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
        evidence = _with_context(meeting, found, group[0])
        cat = category(evidence)
        out.append(
            VerifiedOutcome(
                category=cat,
                goal=_proves(goals, cat, evidence),
                evidence=evidence,
                speaker=lead.speaker,
                confidence=round(float(probs[group[0]]), 3),
                found_by=FOUND_BY,
            )
        )
    return out


def _with_context(meeting: Meeting, found: list[cl.Claim], i: int) -> str:
    """The sentence; a short one ("In June it was six point one.") with the sentence before it."""
    lead = found[i]
    if len(lead.text.split()) >= SHORT or i == 0 or found[i - 1].turn != lead.turn:
        return trim_lead(lead.text)
    turn = meeting.transcript.turns[lead.turn].text
    start, end = turn.find(found[i - 1].text), turn.find(lead.text)
    if start < 0 or end < start:
        return trim_lead(lead.text)
    return trim_lead(turn[start : end + len(lead.text)])


def _proves(goals: list[Goal], cat: str, text: str) -> str | None:
    """The text of the goal in the same category sharing most words with the outcome."""
    words = set(text.lower().split())
    same = [g for g in goals if g.category == cat]
    if not same:
        return None
    scores = np.array([len(words & set(g.evidence.lower().split())) for g in same])
    return same[int(scores.argmax())].text
