"""Verified outcomes: the customer confirming, with evidence, that a goal's result was reached.

Sentences are scored by the outcome head of the claims model (past results, measured
numbers, the customer's own source); projections, hopes and vendor claims score low. A
figure followed by the same figure for an earlier period is a before/after told in two
sentences; a sentence with no figure (only where one came from) is not a result; a quote is
given once. Results the model's cues miss are found by rule: a later state set against an
earlier one in the same turn ("used to take three days. Now it's same day."), and a problem
said to have ended ("The binder is gone."); wants, plans and the state as it stands are not
results. Cues beyond the claim features are in data/outcomes/cues.yaml.
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
    threshold = head["threshold"]
    changes = _changes(meeting, found)
    lifted = np.maximum(_told_results(found, threshold), _compared(found, threshold))
    lifted[list(changes)] = threshold
    probs = np.maximum(cl.score(found, "outcome", head), lifted)
    out: list[VerifiedOutcome] = []
    quoted: set[int] = set()
    for group in _separate(found, select(found, probs, threshold)):
        i = group[0]
        lead = found[i]
        if lead.side == "vendor" or _told_to_you(lead) or _cue("vendor_source").search(lead.text):
            continue
        if not _has_figure(lead) and i not in changes:
            continue
        span = set(range(*_span(found, i))) if changes.get(i) != i else {i}
        if i in changes:
            span |= set(range(*_told_span(found, i, changes[i])))
        if span & quoted or (i in changes and _near(found, span | {changes[i]}) & quoted):
            continue
        quoted |= span
        evidence = _quote(meeting, found, span, lead)
        cat, goal = _proves(goals, _category(meeting, lead, evidence), evidence)
        out.append(
            VerifiedOutcome(
                category=cat,
                goal=goal,
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
    model, trained on 30 examples that mostly cite a source, underrates these. A state said
    as now ("Now it's six hours a week.") is a result only set against an earlier one
    (_changes), and the state as it stands or gone wrong is none."""
    told = [
        bool(c.features.get("customer_result"))
        and "metric" in c.fired
        and not _current(c)
        and not _worse(c)
        and ("from_to" in c.fired or _compares_within(c.text) is not False)
        for c in found
    ]
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
            and not _current(lead)
        ):
            lift[i] = threshold
    return lift


# Families of claims.py that make a sentence no result: a want, a plan, a question, a pitch.
UNSURE = frozenset(
    {"question", "want", "want_change", "if_could", "goal_word", "task", "proposal", "process_want"}
)


def _changes(meeting: Meeting, found: list[cl.Claim]) -> dict[int, int]:
    """Results told without the cues the model reads: a customer's later state set against an
    earlier one in a nearby sentence of the same turn ("Proofing used to take us three days.
    Now it's same day."), or a problem said to have ended ("The binder is gone."). Index of the
    later state -> index of the earlier one (itself for an ended problem)."""
    out: dict[int, int] = {}
    for i, claim in enumerate(found):
        if claim.side == "vendor" or _current(claim) or _cue("then").search(claim.text):
            continue
        earlier = _earlier(found, i)
        celebrated = _celebrated(meeting, claim.turn)
        if _answer(meeting, claim.turn, "pained"):
            continue
        if _ended(claim):
            if earlier is not None or celebrated or _cue("since_change").search(claim.text):
                out[i] = i
        elif earlier is not None and _later(found, i, earlier, celebrated) and not _worse(claim):
            out[i] = earlier
    return out


def _later(found: list[cl.Claim], i: int, earlier: int, celebrated: bool) -> bool:
    """The claim tells the state after the earlier one: marked as now, with an amount in both
    ("It used to take three days. Now it's same day.") or a glad answer; or, when the other
    side is glad, a figure said of a named time ("Last month it was six and a half.") or in
    the past tense."""
    claim = found[i]
    if _cue("now").search(claim.text):
        return celebrated or (_amount(claim.text) and _amount(found[earlier].text))
    dated = _cue("named_period").search(claim.text) or claim.features.get("root_past", 0) > 0
    return celebrated and _has_figure(claim) and bool(dated)


def _compares_within(text: str) -> bool | None:
    """None when the sentence has no "now"; else whether it tells the earlier state, with an
    amount, before it ("were spending about 6 hours a day and now it's closer to 2")."""
    now = _cue("now").search(text)
    if now is None:
        return None
    before = text[: now.start()]
    return _cue("past_state").search(before) is not None and _amount(before)


def _amount(text: str) -> bool:
    """Says how much or how long, leaving out the figures of when ("two years ago")."""
    for name in ("then", "now", "this_period", "named_period"):
        text = _cue(name).sub(" ", text)
    return _figures(text) or any(
        p.search(text) for p in (_cue("amount"), cl.cue_families()["metric"])
    )


def _ended(claim: cl.Claim) -> bool:
    """A problem said to have ended: gone, stopped, not once since."""
    if _cue("ended").search(claim.text):
        return True
    dated = _cue("now").search(claim.text) or _cue("named_period").search(claim.text)
    return bool(dated) and _cue("not_once").search(claim.text) is not None


def _near(found: list[cl.Claim], span: set[int]) -> set[int]:
    """The span and two sentences either side of it in the same turn: one result told in a few
    sentences ("The drawer is empty now.") is quoted once."""
    turn = found[min(span)].turn
    near = set(range(min(span) - 2, max(span) + 3))
    return {k for k in near if 0 <= k < len(found) and found[k].turn == turn}


def _told_span(found: list[cl.Claim], i: int, earlier: int) -> tuple[int, int]:
    """The later state alone when it says enough by itself, else it and the earlier state (it is
    short, points back, or gives a bare number: "This March it was a hundred and thirty-eight.",
    "Since the reset went live, it's maybe five.")."""
    said = found[i].text
    alone = "metric" in found[i].fired or _cue("amount").search(said) or not _figures(said)
    if len(said.split()) >= SHORT and alone and not cue_pattern("refers_back").search(said):
        return i, i + 1
    return min(i, earlier), max(i, earlier) + 1


def _earlier(found: list[cl.Claim], i: int) -> int | None:
    """A sentence of the same turn, at most two away, that tells the earlier state: said as
    before ("It used to be about a day."), or as a named earlier time with a figure when the
    claim names the later period ("Last March we ran 310 hours." "This March it was 138.")."""
    now = _cue("this_period").search(found[i].text) is not None
    for j in (i - 1, i + 1, i - 2, i + 2):
        if not (0 <= j < len(found) and found[j].turn == found[i].turn) or _unsure(found[j]):
            continue
        said = found[j].text
        if _cue("then").search(said) or (
            now and _has_figure(found[j]) and _cue("named_period").search(said)
        ):
            return j
    return None


def _current(claim: cl.Claim) -> bool:
    """Said as the state that stands now ("Right now it's six hours"), a problem, or a plan."""
    return _unsure(claim) or _cue("current_state").search(claim.text) is not None


def _unsure(claim: cl.Claim) -> bool:
    """A want, plan, hope, condition or question: not a result."""
    return bool(claim.fired & UNSURE) or _cue("unsure").search(claim.text) is not None


def _worse(claim: cl.Claim) -> bool:
    """The later state told as a problem: the change went the wrong way, or still hurts."""
    return _cue("worse").search(claim.text) is not None


def _celebrated(meeting: Meeting, turn: int) -> bool:
    """The next turn by someone else opens glad or impressed ("Love that.", "That's huge.")."""
    return _answer(meeting, turn, "celebrate")


def _answer(meeting: Meeting, turn: int, cue: str) -> bool:
    """The next turn by someone else (within two) opens with the cue family."""
    turns = meeting.transcript.turns
    for j in (turn + 1, turn + 2):
        if j < len(turns) and turns[j].speaker != turns[turn].speaker:
            return _cue(cue).search(turns[j].text[:120]) is not None
    return False


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


def _category(meeting: Meeting, lead: cl.Claim, evidence: str) -> str:
    """The category the evidence's words name, else the one its whole turn names ("The binder
    is gone." in a turn about late checkouts), else "other"."""
    cat = category(evidence)
    return cat if cat != "other" else category(meeting.transcript.turns[lead.turn].text)


def _proves(goals: list[Goal], cat: str, text: str) -> tuple[str, str | None]:
    """The category and text of the goal the outcome proves: the goal in the same category
    sharing most words with it; when no words name a category, the goal sharing most content
    words, whose category it takes (the guide: the goal category it proves)."""
    if cat == "other":
        words = cl.content_words(text)
        shared = [len(words & cl.content_words(g.evidence)) for g in goals]
        if any(shared):
            goal = goals[int(np.argmax(shared))]
            return goal.category, goal.text
        return cat, None
    lowered = set(text.lower().split())
    same = [g for g in goals if g.category == cat]
    if not same:
        return cat, None
    scores = np.array([len(lowered & set(g.evidence.lower().split())) for g in same])
    return cat, same[int(scores.argmax())].text
