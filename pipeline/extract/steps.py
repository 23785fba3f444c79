"""Next steps: commitments and accepted requests, with side, owner and due date.

Cue patterns propose sentences (commitment.py), a trained linear model scores them
(commitment_model.py), and this module keeps the likely ones, folds restatements of the
same commitment into one step, and resolves each into the contract (steps_resolve.py).
"""

from __future__ import annotations

import re

from milepost.models import NextStep
from milepost.pipeline.extract import action_items, commitment_model
from milepost.pipeline.extract.commitment import (
    REQUEST_CUES,
    Candidate,
    candidates,
    contains,
    lexicon,
)
from milepost.pipeline.extract.commitment_features import describe, dialogue_acts
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.extract.steps_resolve import Resolved, as_step, resolve, with_antecedent

FOUND_BY = "cue+linear"
_WORD = re.compile(r"[a-z0-9]+")


def find(meeting: Meeting) -> list[NextStep]:
    """The meeting's next steps, one per commitment, in the order they were first made."""
    cands = candidates(meeting)
    describe(meeting, cands)
    model = commitment_model.commitment()
    limits = commitment_model.thresholds()
    limit = limits["accept_dialogue_acts" if dialogue_acts(meeting) else "accept"]
    for cand in cands:
        cand.score = model.score(cand.features)
    if dialogue_acts(meeting):  # every act is scored there, not only cue sentences
        return action_items.find(meeting, cands)
    kept: list[tuple[Candidate, Resolved]] = []
    for cand in cands:
        if cand.score >= limit and not _vetoed(meeting, cand):
            kept.append((cand, resolve(meeting, cand)))
    return [
        _step(meeting, *with_antecedent(meeting, c, r))
        for c, r in _one_per_commitment(meeting, kept)
    ]


def _vetoed(meeting: Meeting, cand: Candidate) -> bool:
    """True for a figure of speech ("I'll be honest") or an offer taken back ("scratch that")."""
    lex = lexicon()
    if contains(cand.sent.text, lex["not_commitments"]) is not None:
        return True
    doc = meeting.docs[cand.turn]
    before = doc[cand.cue_start - 1].lower_ if cand.cue_start > 0 else ""
    if before in lex["purpose_leads"] and doc[cand.cue_end - 1].lower_ in ("can", "could"):
        return True  # "... so Kelsey can poke at it": the purpose of another step
    after = doc[cand.cue_end : cand.sent.end].text
    if cand.sent.end < len(doc):
        after += " " + doc[cand.sent.end].sent.text
    return contains(after, lex["withdrawals"]) is not None


def _one_per_commitment(
    meeting: Meeting, kept: list[tuple[Candidate, Resolved]]
) -> list[tuple[Candidate, Resolved]]:
    """Drop restatements: the same owner's same action said again, or a reply to a request."""
    overlap = commitment_model.thresholds()["same_step_overlap"]
    out: list[tuple[Candidate, Resolved]] = []
    for cand, res in kept:
        twin = next(
            (i for i, (c, r) in enumerate(out) if _same(meeting, c, r, cand, res, overlap)), None
        )
        if twin is None:
            out.append((cand, res))
        elif cand.score > out[twin][0].score and not _is_reply(out[twin][0], cand):
            out[twin] = (cand, res)
    return out


def _same(
    meeting: Meeting, a: Candidate, ra: Resolved, b: Candidate, rb: Resolved, overlap: float
) -> bool:
    if _is_reply(a, b) and meeting.transcript.turns[b.turn].speaker == rb.owner_key == ra.owner_key:
        return True
    if ra.owner_key != rb.owner_key:
        return False
    if b.turn - a.turn <= 3 and not _content(rb.action):  # "You'll have it tomorrow."
        return True
    return _content_overlap(ra.action, rb.action) >= overlap


def _is_reply(request: Candidate, answer: Candidate) -> bool:
    """True when answer comes in the turn or two after a request."""
    return request.first_cue in REQUEST_CUES and 0 < answer.turn - request.turn <= 2


def _content(action: str) -> set[str]:
    """The action's words that say what is done (no pronouns, particles or light verbs)."""
    stop = set(lexicon()["action_stopwords"])
    return {w for w in _WORD.findall(action.lower()) if w not in stop}


def _content_overlap(a: str, b: str) -> float:
    wa, wb = _content(a), _content(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _step(meeting: Meeting, cand: Candidate, res: Resolved) -> NextStep:
    return as_step(meeting, cand, res, cand.sent.text, cand.score, FOUND_BY)
