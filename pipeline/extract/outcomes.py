"""Verified outcomes: the customer confirming, with evidence, that a goal's result was reached.

Sentences are scored by the outcome head of the claims model (past results, measured
numbers, the customer's own source); projections, hopes and vendor claims score low. A
figure followed by the same figure for an earlier period is a before/after told in two
sentences; a sentence with no figure (only where one came from) is not a result. Results told
in words the model does not read come from told_changes.py (a later state set against an
earlier one, a problem said to have ended) and figure_changes.py (two figures set side by side
over time in one sentence). A result said again with its figure is given once, and one told
over neighbouring sentences is quoted as one run. A meeting held before the product can have
given a result (awareness, consideration, onboarding) has none. Cues beyond the claim features
are in data/outcomes/cues.yaml (read by outcome_cues.py). Captions that name nobody are read as
runs of cues (caption_runs.py), so a result told over a few cues is one turn's. Each outcome is
linked to the goal it proves: the one whose category and words it shares most.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from milepost.models import Goal, StageCall, VerifiedOutcome
from milepost.pipeline.extract import caption_runs as cr
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract import figure_changes as fc
from milepost.pipeline.extract import outcome_cues as oc
from milepost.pipeline.extract import restatement as rs
from milepost.pipeline.extract import stage as st
from milepost.pipeline.extract import told_changes as tc
from milepost.pipeline.extract.goal_groups import BIG_FIGURE
from milepost.pipeline.extract.goal_text import category, cue_pattern, trim_lead
from milepost.pipeline.extract.meeting import Meeting

FOUND_BY = "outcome-model"
RESTATE_TURNS = 3
"""How many turns apart a result and its restatement may be."""
WANTS = frozenset({"want", "process_want", "want_change"})
"""Families of claims.py that say what someone wants."""


def find(
    meeting: Meeting, goals: list[Goal], stage: StageCall | None = None
) -> list[VerifiedOutcome]:
    """Results the customer says were reached, each with its evidence and the goal it proves;
    none in a meeting held before there can be any (the journey map's `before_results`
    stages, awareness, consideration and onboarding by default: a figure told there is the
    customer's starting point)."""
    if st.before_results(meeting, stage):
        return []
    return from_claims(meeting, cl.claims_for(meeting), cl.model()["outcome"], goals)


@dataclass(frozen=True)
class Reading:
    """What a meeting's claims tell whatever the outcome head: the claims as read (caption
    runs joined), the later states set against earlier ones (told_changes), and the claims
    the rules lift to the threshold. Training scores many heads on one meeting: it reads
    this once (`reading`) and passes it to from_claims."""

    meeting: Meeting
    found: list[cl.Claim]
    changes: dict[int, int]
    lifted: np.ndarray  # bool per claim


def reading(meeting: Meeting, found: list[cl.Claim]) -> Reading:
    """The head-free part of from_claims."""
    meeting, found = cr.runs(meeting, found)
    changes = tc.changes(meeting, found)
    lifted = _told_results(found) | _compared(found)
    lifted[[i for i, c in enumerate(found) if fc.compared(c)]] = True
    lifted[_sourced(found)] = True
    lifted[_since_down(found)] = True
    lifted[list(changes)] = True
    return Reading(meeting, found, changes, lifted)


def from_claims(
    meeting: Meeting,
    found: list[cl.Claim],
    head: dict,
    goals: list[Goal],
    read: Reading | None = None,
) -> list[VerifiedOutcome]:
    """The outcomes among the meeting's claims under one outcome head (weights, bias,
    threshold): the product's path, which training's cross-validation scores too (with
    `read`, reading(meeting, found) made before)."""
    threshold = head["threshold"]
    read = read or reading(meeting, found)
    meeting, found, changes = read.meeting, read.found, read.changes
    probs = np.maximum(cl.score(found, "outcome", head), np.where(read.lifted, threshold, 0.0))
    spans: list[tuple[set[int], int]] = []
    quoted: set[int] = set()
    for group in _results(found, probs, threshold):
        i = group[0]
        lead = found[i]
        if lead.side == "vendor" or _told_to_you(lead) or oc.said("vendor_source", lead.text):
            continue
        if _bad_news(lead) or _wanted_next(found, i) or _unchecked(found, i):
            continue
        if oc.said("praise", found[min(_span(found, i))].text):
            continue
        if not (oc.has_figure(lead) or oc.said("not_hired", lead.text)) and i not in changes:
            continue
        span = set(range(*_span(found, i))) if changes.get(i) != i else {i}
        if i in changes:
            span |= set(range(*tc.told_span(found, i, changes[i])))
        if span & quoted or (i in changes and tc.near(found, span | {changes[i]}) & quoted):
            continue
        quoted |= span
        told = next((s for s, _ in spans if _beside(found, s) & span), None)
        if told is None:
            spans.append((span, i))
        else:  # one result told over a few sentences is quoted once, as one run
            told |= set(range(min(told | span), max(told | span) + 1))
    out: list[VerifiedOutcome] = []
    for span, i in spans:
        lead = found[i]
        evidence = _quote(meeting, found, span, lead)
        cat, goal = _proves(goals, _category(meeting, lead, evidence), evidence)
        out.append(
            VerifiedOutcome(
                category=cat,
                goal=goal,
                evidence=evidence,
                speaker=lead.speaker,
                confidence=round(float(probs[i]), 3),
                found_by=FOUND_BY,
            )
        )
    return out


def _results(found: list[cl.Claim], probs: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of claim indexes, one per result, the likeliest first: a sentence joins a group
    only when it names a figure of the group's lead within a few turns: one too particular to
    share by chance (above goal_groups.BIG_FIGURE, as goals are grouped), or the lead's very
    figures in its turn or said back by someone else: the same result said again ("Seventeen,
    from sixty-one."), not another result with figures of its own."""
    order = [int(i) for i in np.argsort(-probs, kind="stable") if probs[i] >= threshold]
    groups: list[list[int]] = []
    for i in order:
        home = next((g for g in groups if _restates(found[g[0]], found[i])), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return groups


def _restates(lead: cl.Claim, other: cl.Claim) -> bool:
    """other names the lead's figure again, close by."""
    if abs(lead.turn - other.turn) > RESTATE_TURNS:
        return False
    mine, theirs = rs.figures(lead.text), rs.figures(other.text)
    shared = mine & theirs
    if any(n > BIG_FIGURE for n in shared):
        return True
    said_back = lead.turn == other.turn or lead.speaker != other.speaker
    return bool(mine) and mine == theirs and said_back


def _beside(found: list[cl.Claim], span: set[int]) -> set[int]:
    """The sentences next to the span in its turn: one result told over a few sentences ("We
    timed it in August and it was forty-five minutes. ... now it's down to twelve.") is
    quoted once."""
    turn = found[min(span)].turn
    around = (min(span) - 1, max(span) + 1)
    return {k for k in around if 0 <= k < len(found) and found[k].turn == turn}


def _told_results(found: list[cl.Claim]) -> np.ndarray:
    """Lifted to the threshold: a customer's measured before/after told as done: the
    model, trained on 30 examples that mostly cite a source, underrates these. A state said
    as now ("Now it's six hours a week.") is a result only set against an earlier one
    (told_changes.changes, or earlier in the same sentence), and the state as it stands or
    gone wrong is none."""
    told = [
        bool(c.features.get("customer_result"))
        and "metric" in c.fired
        and not tc.current(c)
        and not tc.worse(c)
        and ("from_to" in c.fired or tc.compares_within(c.text) is not False)
        for c in found
    ]
    return np.array(told, dtype=bool)


def _sourced(found: list[cl.Claim]) -> list[int]:
    """A customer's figure told as past and backed by where it came from, in its sentence or
    the next of its turn (_backing: "February came in at 33,800, that's straight off the fuel
    card statements.", "I checked the queue reports myself last week."), or told as a gain made
    ("we captured thirty-one thousand dollars in discounts", "we'd budgeted four more
    underwriters and didn't hire any of them"): the model reads only some ways of saying
    these."""
    out = []
    for i, claim in enumerate(found):
        if not oc.may_be_numbered_not_vendor(claim):
            continue
        gained = oc.said("gained", claim.text) or oc.said("not_hired", claim.text)
        # a source said where _backing can find it: told needs one or a gain (read first: the
        # figure test may find the turn's entities)
        if not gained and not any(oc.said("source", found[k].text) for k in _near(found, i)):
            continue
        if not oc.numbered_not_vendor(claim):
            continue
        backed = any(oc.said("source", found[k].text) for k in _backing(found, i))
        told = gained or (backed and _past(claim))
        if not told or tc.current(claim) or tc.worse(claim):
            continue
        if not _told_to_you(claim) and not oc.said("vendor_source", claim.text):
            out.append(i)
    return out


def _near(found: list[cl.Claim], i: int) -> list[int]:
    """The sentence and the next two of its turn: where _backing looks."""
    return [k for k in (i, i + 1, i + 2) if k < len(found) and found[k].turn == found[i].turn]


def _backing(found: list[cl.Claim], i: int) -> list[int]:
    """The sentence and the next of its turn, and the one after that when the next only says
    the figure again ("We had three order errors in April. Three. I know because ... the
    accountant pulls the credit notes every month."): where its source can be said. Not a
    next sentence naming a figure of its own ("So phone orders used to be about half of
    everything we sold. Since we moved box office to Houselight, phone orders went from about
    half of sales to under a fifth, I checked the sales report..."): its source backs that
    figure, which is quoted with the earlier state it changed from."""
    out = [i]
    for k in (i + 1, i + 2):
        if k >= len(found) or found[k].turn != found[i].turn:
            break
        figures = rs.figures(found[k].text)
        said_again = figures <= rs.figures(found[i].text)
        if not (figures and said_again) and oc.numbered_not_vendor(found[k]):
            break  # a figure of its own: its source backs that one
        out.append(k)
        if not (oc.short_number(found[k].text) and said_again):
            break
    return out


def _since_down(found: list[cl.Claim]) -> list[int]:
    """A customer's figure said as the level it has come down to since a change of theirs
    ("Since water went on Fieldnote, that's down to about forty open at any given time."): a
    result the model underrates without a past verb or a metric word."""
    return [
        i
        for i, c in enumerate(found)
        if oc.may_be_numbered_not_vendor(c)
        and oc.said("down_to", c.text)
        and oc.said("since_change", c.text)
        and oc.numbered_not_vendor(c)
        and not (tc.current(c) or tc.worse(c) or _told_to_you(c))
    ]


def _past(claim: cl.Claim) -> bool:
    """Told as done: a past verb (the sentence's root, or a past state under another root:
    "February spoilage was 3.6%, that's off the scale log"), a past-result cue, or a named
    earlier period."""
    if claim.features.get("root_past", 0) > 0 or "past_result" in claim.fired:
        return True
    return any(oc.said(n, claim.text) for n in ("named_period", "did", "past_state"))


def _compared(found: list[cl.Claim]) -> np.ndarray:
    """Lifted to the threshold: a customer's figure followed by a short sentence giving the
    figure for an earlier period ("...six shifts on average. Last year it was fifteen.")."""
    lift = np.zeros(len(found), dtype=bool)
    for i, (lead, nxt) in enumerate(zip(found, found[1:], strict=False)):
        if lead.side != "customer" or nxt.turn != lead.turn:
            continue
        if (
            oc.said("earlier_period", nxt.text)
            and oc.short_number(nxt.text)
            and oc.has_figure(lead)
            and not oc.cue("not_yet").search(f"{lead.text} {nxt.text}")
            and not tc.current(lead)
        ):
            lift[i] = True
    return lift


def _bad_news(claim: cl.Claim) -> bool:
    """A price gone up or a service gone down, told with its figures: never a result."""
    return oc.said("price_up", claim.text) or oc.said("outage", claim.text)


def _wanted_next(found: list[cl.Claim], i: int) -> bool:
    """The next sentence of the turn wants something ("Last quarter we had twelve late filings,
    that's straight off the compliance log. I want that down to zero by the autumn."): the
    figure is where the want starts from, not a result. In the training meetings none of the 12
    customer sentences the model scores at 0.3 or more with a want after them (cs_train and 9
    sets) is a labelled outcome."""
    nxt = i + 1
    if nxt >= len(found) or found[nxt].turn != found[i].turn:
        return False
    return bool(found[nxt].fired & WANTS)


def _unchecked(found: list[cl.Claim], i: int) -> bool:
    """The customer says, in the sentence or the next of the turn, that the figure was never
    checked ("...so it's maybe an hour instead of the whole morning. i haven't measured that
    properly though, that's just what they tell me."): an impression, not a result. The training
    meetings say so in 6 sets (xf, xh, xj, xp, xq, xr), never of a labelled outcome."""
    nxt = [i + 1] if i + 1 < len(found) and found[i + 1].turn == found[i].turn else []
    return any(oc.said("unchecked", found[k].text) for k in (i, *nxt))


def _told_to_you(claim: cl.Claim) -> bool:
    """Not the customer's own words (a customer's "you got us to six" credits the vendor):
    their figures read out to them, with no "we" or "I" confirming them."""
    first_person = claim.features.get("first_person", 0.0) > 0
    mine = claim.side == "customer" or first_person
    return not mine and oc.cue("told_to_you").search(claim.text) is not None


def _span(found: list[cl.Claim], i: int) -> tuple[int, int]:
    """Claim indexes [first, last + 1) of the quote: the lead, with the sentence before when
    it is short or compares with that one's figure ("Last year it was nine hours."), and a
    short figure after it."""
    lead = found[i]
    first, last = i, i
    if i > 0 and found[i - 1].turn == lead.turn and _refers_back(lead, found[i - 1]):
        first = i - 1
    nxt = i + 1
    if nxt < len(found) and found[nxt].turn == lead.turn and oc.short_number(found[nxt].text):
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


def _refers_back(lead: cl.Claim, before: cl.Claim) -> bool:
    """The lead is short, or its figure compares with the one before ("...it was nine hours")."""
    compares = cue_pattern("refers_back").search(lead.text) is not None and "metric" in before.fired
    return oc.short(lead.text) or compares


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
