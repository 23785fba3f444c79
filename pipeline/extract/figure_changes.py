"""A customer's figure set against the figure for an earlier time in the same sentence ("we
raised thirty-eight thousand, against about twenty-one thousand the year before", "down from
twenty-four point one a year ago", "Last Monday we logged 35, and before we went live it was
about 120"): a before/after told as done, which the outcome model underrates when no source
or from-to is said with it. Counting figures leaves out those of when ("two years ago").
"""

from __future__ import annotations

from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract import restatement as rs
from milepost.pipeline.extract import told_changes as tc
from milepost.pipeline.extract.outcome_cues import (
    cue,
    may_be_numbered_not_vendor,
    number_runs,
    numbered_not_vendor,
    said,
)

_TIMES = ("then", "now", "this_period", "named_period")


def compared(claim: cl.Claim) -> bool:
    """The customer's sentence sets two figures side by side over time, told as done: a
    comparison word with a time ("against ... the year before", "went from ... to"), or an
    earlier time and a later one ("used to ..., this time ..."), or a figure and then the one
    before a change ("Last Monday we logged 35, and before we went live it was about 120"); no
    want, plan, hedge or change for the worse. A comparison told with its own past verb ("Our
    crib log shows we went from forty-one tools unaccounted for ... to twelve", "We went from 3
    people on the front desk on weekends to 2": cues.yaml went_from) is dated by that verb
    where the sentence's root is not past: stop 21, 2 more outcomes out of the training sets'
    524 meetings (xz, ye), both labelled, none spurious."""
    if not may_be_numbered_not_vendor(claim):
        return False
    text = claim.text
    if said("compare", text):
        dated = claim.features.get("root_past", 0) > 0 or any(said(n, text) for n in _TIMES)
        dated = dated or said("went_from", text)
    elif said("then", text):
        dated = said("now", text) or said("this_period", text) or _then_after(text)
    else:
        dated = False
    if not dated or tc.current(claim) or tc.worse(claim) or said("told_to_you", text):
        return False
    # the number test last: it may find the turn's entities (claims.names_number)
    return numbered_not_vendor(claim) and len(_figures(text)) >= 2


def _then_after(text: str) -> bool:
    """A figure, then an earlier time with its own figure ("december was 9 lockout calls ...,
    and a year ago we were getting about 60"); not a date recalled ("back in October")."""
    then = list(cue("then").finditer(text))[-1]
    if then.group().lower().startswith("back"):
        return False
    return bool(_figures(text[: then.start()])) and bool(_figures(text[then.end() :]))


def _figures(text: str) -> set[str]:
    """The figures the text says, by value where restatement reads one ("6" and "six" are one
    figure), and amounts said without a number ("an hour"), leaving out the figures of when
    ("two years ago", "last 12 months", "in 2024", "a three-year deal")."""
    for name in ("year", *_TIMES):
        text = cue(name).sub(" ", text)
    amounts = {m.group().lower() for m in cue("amount").finditer(text)} - {"zero", "none"}
    return amounts | {
        str(sorted(rs.figures(run))) if rs.figures(run) else run for run in number_runs(text)
    }
