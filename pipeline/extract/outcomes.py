"""Verified outcomes: the customer confirming, with evidence, that a goal's result was reached.

Sentences are scored by the outcome head of the claims model (past results, measured
numbers, the customer's own source); projections, hopes and vendor claims score low. A
figure followed by the same figure for an earlier period is a before/after told in two
sentences; a sentence with no figure (only where one came from) is not a result; a quote is
given once. Cues beyond the claim features are in data/outcomes/cues.yaml.
Each outcome is linked to the goal whose category and words it shares most.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np
import yaml

from milepost.models import Goal, VerifiedOutcome
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.goal_text import category, cue_pattern, trim_lead
from milepost.pipeline.extract.goals import select
from milepost.pipeline.extract.meeting import Meeting

FOUND_BY = "outcome-model"
SHORT = 8


def find(meeting: Meeting, goals: list[Goal]) -> list[VerifiedOutcome]:
    """Results the customer says were reached, each with its evidence and the goal it proves."""
    return from_claims(meeting, cl.claims_for(meeting), cl.model()["outcome"], goals)


def from_claims(
    meeting: Meeting, found: list[cl.Claim], head: dict, goals: list[Goal]
) -> list[VerifiedOutcome]:
    """The outcomes among the meeting's claims under one outcome head (weights, bias,
    threshold): the product's path, which training's cross-validation scores too."""
    lifted = np.maximum(
        _told_results(found, head["threshold"]), _compared(found, head["threshold"])
    )
    probs = np.maximum(cl.score(found, "outcome", head), lifted)
    out: list[VerifiedOutcome] = []
    quoted: set[int] = set()
    for group in _separate(found, select(found, probs, head["threshold"])):
        lead = found[group[0]]
        if lead.side == "vendor" or not _has_figure(lead) or _told_to_you(lead):
            continue
        span = set(range(*_span(found, group[0])))
        if span & quoted:
            continue
        quoted |= span
        evidence = _quote(meeting, found, span, lead)
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


def _separate(found: list[cl.Claim], groups: list[list[int]]) -> list[list[int]]:
    """Groups with a second result of the lead's turn split off: a sentence of the same turn,
    not next to the lead, that tells its own measured past result is not a restatement."""
    out = []
    for group in groups:
        lead = group[0]
        own = [
            i
            for i in group[1:]
            if found[i].speaker == found[lead].speaker
            and abs(i - lead) > 1
            and {"past_result", "metric"} <= found[i].fired
        ]
        out.append([i for i in group if i not in own])
        out.extend([i] for i in own)
    return out


def _told_results(found: list[cl.Claim], threshold: float) -> np.ndarray:
    """At least the threshold for a customer's measured before/after told as done: the
    model, trained on 30 examples that mostly cite a source, underrates these."""
    told = [bool(c.features.get("customer_result")) and "metric" in c.fired for c in found]
    return np.where(told, threshold, 0.0)


def _compared(found: list[cl.Claim], threshold: float) -> np.ndarray:
    """At least the threshold for a customer's figure followed by a short sentence giving the
    figure for an earlier period ("...six shifts on average. Last year it was fifteen.")."""
    lift = np.zeros(len(found))
    for i, (lead, nxt) in enumerate(zip(found, found[1:], strict=False)):
        pair = f"{lead.text} {nxt.text}"
        if (
            lead.side == "customer"
            and nxt.turn == lead.turn
            and _has_figure(lead)
            and _short_number(nxt.text)
            and _cue("earlier_period").search(nxt.text)
            and not _cue("not_yet").search(pair)
            and "question" not in lead.fired
        ):
            lift[i] = threshold
    return lift


def _cue(name: str) -> re.Pattern[str]:
    """One pattern of pipeline/data/outcomes/cues.yaml."""
    return _cues()[name]


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    """pipeline/data/outcomes/cues.yaml, read and compiled once."""
    text = (resources.files("milepost.pipeline") / "data" / "outcomes" / "cues.yaml").read_text()
    return {name: re.compile(p, re.I) for name, p in yaml.safe_load(text).items()}


def _told_to_you(claim: cl.Claim) -> bool:
    """Not the customer's own words (a customer's "you got us to six" credits the vendor):
    their figures read out to them, with no "we" or "I" confirming them."""
    first_person = claim.features.get("first_person", 0.0) > 0
    mine = claim.side == "customer" or first_person
    return not mine and _cue("told_to_you").search(claim.text) is not None


def _span(found: list[cl.Claim], i: int) -> tuple[int, int]:
    """Claim indexes [first, last + 1) of the quote: the lead, with the sentence before when
    it is short or compares with that one's figure ("Last year it was nine hours."), and a
    short figure after it."""
    lead = found[i]
    first, last = i, i
    if i > 0 and found[i - 1].turn == lead.turn and _refers_back(lead, found[i - 1]):
        first = i - 1
    nxt = i + 1
    if nxt < len(found) and found[nxt].turn == lead.turn and _short_number(found[nxt].text):
        last = nxt
    return first, last + 1


def _quote(meeting: Meeting, found: list[cl.Claim], span: set[int], lead: cl.Claim) -> str:
    """The verbatim run of the span's sentences, spoken lead-in trimmed."""
    first, last = found[min(span)], found[max(span)]
    if first is last:
        return trim_lead(first.text)
    turn = meeting.transcript.turns[first.turn].text
    start, end = turn.find(first.text), turn.find(last.text)
    if start < 0 or end < start:
        return trim_lead(lead.text)
    return trim_lead(turn[start : end + len(last.text)])


def _has_figure(claim: cl.Claim) -> bool:
    """A result needs a figure; a sentence naming only where one came from ("I pulled it this
    morning.", "That's off the call log.") is not itself the outcome."""
    return "metric" in claim.fired or _figures(claim.text)


def _refers_back(lead: cl.Claim, before: cl.Claim) -> bool:
    """The lead is short, or its figure compares with the one before ("...it was nine hours")."""
    compares = cue_pattern("refers_back").search(lead.text) is not None and "metric" in before.fired
    return len(lead.text.split()) < SHORT or compares


def _short_number(text: str) -> bool:
    return len(text.split()) < SHORT and _figures(text)


def _figures(text: str) -> bool:
    """Says a number, digits or words, hyphenated ones too ("sixty-three")."""
    return any(cl.is_number(p) for w in cl.content_words(text) for p in w.split("-"))


def _proves(goals: list[Goal], cat: str, text: str) -> str | None:
    """The text of the goal in the same category sharing most words with the outcome."""
    words = set(text.lower().split())
    same = [g for g in goals if g.category == cat]
    if not same:
        return None
    scores = np.array([len(words & set(g.evidence.lower().split())) for g in same])
    return same[int(scores.argmax())].text
