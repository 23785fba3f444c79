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
# An unpunctuated 'sentence' this long is cut before a cue this many tokens after the last cut.
RUN_ON_MIN = 16
RUN_ON_GAP = 5


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


def candidates(meeting: Meeting, run_ons: bool = False) -> list[Candidate]:
    """Every sentence in the meeting that carries at least one cue; with run_ons, every piece
    of an unpunctuated run-on sentence (_run_on_cuts; not for dialogue acts, AMI's model
    learned from whole acts)."""
    out: list[Candidate] = []
    for i, doc in enumerate(meeting.docs):
        if not len(doc):
            continue
        out.extend(_doc_candidates(i, doc, meeting.tokens(i), run_ons))
    return out


def _doc_candidates(turn: int, doc: Doc, tokens: Tokens, run_ons: bool) -> list[Candidate]:
    matches = matcher()(doc, tokens)
    cuts = _run_on_cuts(doc, [start for _, start, _ in matches]) if run_ons else set()
    by_sent: dict[int, Candidate] = {}
    for label, start, end in matches:
        sent = _piece(doc, doc[start].sent, start, cuts)
        cand = by_sent.get(sent.start)
        if cand is None:
            by_sent[sent.start] = Candidate(turn, sent, [label], cue_start=start, cue_end=end)
        elif label not in cand.cues:
            cand.cues.append(label)
    return list(by_sent.values())


def _run_on_cuts(doc: Doc, starts: list[int]) -> set[int]:
    """Where a cue starts a new piece of an unpunctuated run-on 'sentence'.

    Raw ASR text without punctuation gives spaCy no sentence ends, so one 'sentence' can
    hold several speakers' commitments ("yes let's do that next tuesday works i'll send the
    invite for the same time and marguerite can you bring the rep"), of which only one step
    was found. In a sentence of RUN_ON_MIN or more tokens, with no punctuation inside it and
    starting in lower case (written text starts a sentence with a capital), a cue RUN_ON_GAP
    or more tokens after the last piece's start starts a new piece.
    """
    cuts: set[int] = set()
    openers = set(lexicon()["run_on_openers"])  # a cut goes before a yes, not after it
    last: dict[int, int] = {}  # sentence start -> its last piece's start
    for start in sorted(set(starts)):
        sent = doc[start].sent
        if not _run_on(doc, sent):
            continue
        begin = last.get(sent.start, sent.start)
        if start - begin >= RUN_ON_GAP:
            cut = start
            while cut - 1 > begin and doc[cut - 1].lower_ in openers:
                cut -= 1  # "... how they did it | sure i'll sort that today"
            cuts.add(cut)
            last[sent.start] = start
    return cuts


def _run_on(doc: Doc, sent: Span) -> bool:
    """A long 'sentence' written in lower case with no punctuation inside: raw ASR text."""
    if len(sent) < RUN_ON_MIN or any(t.is_punct for t in doc[sent.start : sent.end - 1]):
        return False
    first = next((t for t in sent if t.is_alpha), None)
    return first is not None and first.text.islower()


def _piece(doc: Doc, sent: Span, start: int, cuts: set[int]) -> Span:
    """The piece of its sentence a cue at `start` is in (the whole sentence unless cut)."""
    inside = [c for c in cuts if sent.start < c < sent.end]
    if not inside:
        return sent
    begin = max([sent.start] + [c for c in inside if c <= start])
    end = min([sent.end] + [c for c in inside if c > start])
    return doc[begin:end]


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
