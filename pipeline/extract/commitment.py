"""Commitment candidates: sentences a cue pattern proposes, and the features a classifier scores.

Rules stay broad here (any "I'll", "could you", "let's" ...); telling commitments from
hypotheticals, refusals, past actions and small talk is the classifier's job, so this
module only proposes spans and describes them and their context.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

from milepost.pipeline.extract.cue_matcher import CueMatcher

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from milepost.pipeline.extract.meeting import Meeting
    from milepost.pipeline.extract.tokens import Tokens

DATA = "milepost.pipeline"
# Families whose grammatical subject is the addressee: the step, if any, belongs to them.
REQUEST_CUES = frozenset({"YOU_REQ"})
JOINT_CUES = frozenset({"LETS", "SHALL_WE", "I_SUGGEST"})
# Offers and promises in the speaker's own voice: a withdrawal said after one takes it back.
OWN_VOICE_CUES = frozenset({"I_WILL", "I_GOING", "I_CAN", "I_HAPPY", "WE_WILL", "WE_CAN", "LET_ME"})


@dataclass
class Candidate:
    """One sentence a cue proposed, with where it sits in the meeting."""

    turn: int
    sent: Span
    cues: list[str]
    cue_start: int
    """Doc index of the first cue match."""
    cue_end: int
    """Doc index just after the first cue match: the action verb follows it."""
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0

    @property
    def first_cue(self) -> str:
        return self.cues[0]

    @cached_property
    def text(self) -> str:
        """sent.text, joined once: spaCy joins the sentence's tokens on every read."""
        return self.sent.text


def _load_json(name: str) -> Any:
    return json.loads(resources.files(DATA).joinpath(f"data/steps/{name}").read_text("utf-8"))


@cache
def lexicon() -> dict[str, list[str]]:
    """Word lists from data/steps/lexicon.json."""
    data = _load_json("lexicon.json")
    return {k: v for k, v in data.items() if not k.startswith("_")}


@cache
def matcher() -> CueMatcher:
    """The cue matcher, built once from data/steps/cues.json."""
    return CueMatcher(_load_json("cues.json")["patterns"])


def candidates(meeting: Meeting) -> list[Candidate]:
    """Every sentence in the meeting that carries at least one cue."""
    out: list[Candidate] = []
    for i, doc in enumerate(meeting.docs):
        if not len(doc):
            continue
        out.extend(_doc_candidates(i, doc, meeting.tokens(i)))
    return out


def _doc_candidates(turn: int, doc: Doc, tokens: Tokens) -> list[Candidate]:
    by_sent: dict[int, Candidate] = {}
    for label, start, end in matcher()(doc, tokens):
        sent = doc[start].sent
        cand = by_sent.get(sent.start)
        if cand is None:
            by_sent[sent.start] = Candidate(turn, sent, [label], cue_start=start, cue_end=end)
        elif label not in cand.cues:
            cand.cues.append(label)
    return list(by_sent.values())


def starts_with(text: str, phrases: list[str]) -> bool:
    """True when text (lower-cased, leading filler stripped) begins with one of phrases."""
    low = text.lower().lstrip(" ,.-\u2014").removeprefix("um, ").removeprefix("uh, ")
    for p in phrases:
        if low.startswith(p) and (len(low) == len(p) or not low[len(p)].isalnum()):
            return True
    return False


def contains(text: str, phrases: list[str]) -> str | None:
    """The first phrase found in text as whole words, else None."""
    low = f" {text.lower()} "
    for p in phrases:
        idx = low.find(p)
        while idx != -1:
            before, after = low[idx - 1], low[idx + len(p)] if idx + len(p) < len(low) else " "
            if not before.isalnum() and not after.isalnum():
                return p
            idx = low.find(p, idx + 1)
    return None
