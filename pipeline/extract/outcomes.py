"""Verified outcomes: the customer confirming, with evidence, that a goal's result was reached.

Sentences are scored by the outcome head of the claims model (past results, measured
numbers, the customer's own source); projections, hopes and vendor claims score low.
Each outcome is linked to the goal whose category and words it shares most.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import yaml

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
    head = cl.model()["outcome"]
    probs = np.maximum(cl.score(found, "outcome"), _told_results(found, head["threshold"]))
    out = []
    for group in select(found, probs, head["threshold"]):
        lead = found[group[0]]
        if lead.side == "vendor" or _source_only(found, group[0]):
            continue
        evidence = _with_context(meeting, found, group)
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


def _told_results(found: list[cl.Claim], threshold: float) -> np.ndarray:
    """At least the threshold for a customer's measured before/after told as done: the
    model, trained on 30 examples that mostly cite a source, underrates these."""
    told = [bool(c.features.get("customer_result")) and "metric" in c.fired for c in found]
    return np.where(told, threshold, 0.0)


def _with_context(meeting: Meeting, found: list[cl.Claim], group: list[int]) -> str:
    """The lead sentence, joined with the sentence before when it is short or compares with
    that one's figure ("Last year it was nine hours."), and with a short figure after it."""
    i = group[0]
    lead = found[i]
    first, last = i, i
    if i > 0 and found[i - 1].turn == lead.turn and _refers_back(lead, found[i - 1]):
        first = i - 1
    nxt = i + 1
    if nxt < len(found) and found[nxt].turn == lead.turn and _short_number(found[nxt].text):
        last = nxt
    if first == last:
        return trim_lead(lead.text)
    turn = meeting.transcript.turns[lead.turn].text
    start, end = turn.find(found[first].text), turn.find(found[last].text)
    if start < 0 or end < start:
        return trim_lead(lead.text)
    return trim_lead(turn[start : end + len(found[last].text)])


def _source_only(found: list[cl.Claim], i: int) -> bool:
    """Only names where a figure came from ("I pulled it this morning."); the figure beside it
    in the same turn is the outcome."""
    lead = found[i]
    if "own_source" not in lead.fired or "metric" in lead.fired:
        return False
    near = [found[k] for k in (i - 1, i + 1) if 0 <= k < len(found) and found[k].turn == lead.turn]
    return any("metric" in c.fired for c in near)


def _refers_back(lead: cl.Claim, before: cl.Claim) -> bool:
    """The lead is short, or its figure compares with the one before ("...it was nine hours")."""
    compares = _then().search(lead.text) is not None and "metric" in before.fired
    return len(lead.text.split()) < SHORT or compares


@lru_cache(maxsize=1)
def _then() -> re.Pattern[str]:
    return re.compile(yaml.safe_load(cl.read_data("cues.yaml"))["refers_back"], re.I)


def _short_number(text: str) -> bool:
    return len(text.split()) < SHORT and any(cl.is_number(w) for w in cl.content_words(text))


def _proves(goals: list[Goal], cat: str, text: str) -> str | None:
    """The text of the goal in the same category sharing most words with the outcome."""
    words = set(text.lower().split())
    same = [g for g in goals if g.category == cat]
    if not same:
        return None
    scores = np.array([len(words & set(g.evidence.lower().split())) for g in same])
    return same[int(scores.argmax())].text
