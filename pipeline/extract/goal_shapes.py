"""Sentence shapes the goal head's cue features miss, read from the sentence's parse.

- A want for every, all or none of something in a state ("I want every room ready by two
  o'clock", "I want zero unsigned waivers on the floor"): a goal, however low it scored.
- A measure told as it stands or stood ("For the last six months it's been just under five
  percent", "In Q4 our average was one point eight working days"): a baseline or a result,
  not a goal, however high it scored.
- The speaker wanting to do something themselves ("I need to drop in five minutes", "I'd like
  to reconcile the seven percent with the year-end accounts"): an errand, not a goal.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.claims import Claim
from milepost.pipeline.extract.goal_groups import CONDITION, word_set
from milepost.pipeline.extract.goal_text import cue_pattern
from milepost.pipeline.extract.meeting import Meeting

if TYPE_CHECKING:  # importing spaCy at load would import torch before nlp.load hides it
    from spacy.tokens import Span, Token

FULL_WORDS = 3
"""The fewest content words of a scoped want said in full: a shorter one ("I want no misses.")
answers a goal said around it, which states it."""
NOT_STATES = frozenset(
    {"want", "want_change", "goal_word", "if_could", "joint", "proposal", "projection"}
    | {"question", "task"}
)
"""Families that make a measured sentence more than a measure: a want, a hope, a plan."""


def sentence_of(meeting: Meeting, c: Claim) -> Span | None:
    """The parsed sentence the claim was cut from."""
    return next((s for s in meeting.docs[c.turn].sents if s.text.strip() == c.text), None)


def scoped_want(meeting: Meeting, c: Claim) -> bool:
    """The customer wanting or needing every, all or none of something, in a state ("I want
    every room ready by two o'clock", "I need every client document in one controlled place
    before the regulator's visit", "I want zero unsigned waivers on the floor", "My board
    treasurer wants every single hour captured"): a checkable outcome said as its scope,
    however low it scored. 30 of the 32 training sentences it takes (15 sets) are labelled
    goals. Not negated ("I'm not sure I want every associate seeing fee figures"), not a
    frequency ("I want the owners to see that number every month": only the want's object and
    the subject of the state it wants are read), not a short reply (FULL_WORDS)."""
    if c.side == "vendor" or c.text.rstrip().endswith("?") or len(word_set(c.text)) < FULL_WORDS:
        return False
    lex = _lexicon()
    low = c.text.lower()
    if not any(w in low for w in lex["scope_words"]) or not any(v in low for v in ("want", "need")):
        return False
    sent = sentence_of(meeting, c)
    if sent is None:
        return False
    for t in sent:
        if t.lemma_.lower() not in lex["scope_verbs"] or t.pos_ not in ("VERB", "AUX"):
            continue
        if _negated(t):
            continue
        for o in _wanted_things(t):
            if o.pos_ != "PRON" and any(w.lower_ in lex["scope_words"] for w in o.lefts):
                return True
    return False


def _negated(verb: Token) -> bool:
    """The verb, or the word it hangs from, is negated ("not sure I want")."""
    return any(c.dep_ == "neg" for t in (verb, verb.head) for c in t.children)


def _wanted_things(verb: Token) -> list[Token]:
    """What a want verb wants: its object, or the subject of the state it wants it in ("want |
    every room | ready")."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    for comp in (c for c in verb.children if c.dep_ == "ccomp"):
        out += [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def measured_state(meeting: Meeting, c: Claim) -> bool:
    """The customer's side telling a measure as it stands or stood ("For the last six months
    it's been just under five percent", "In August, before the sensors, it was six and a half
    hours a week", "Right now about one in five gets paid late", "Our average ticket is about
    380 bucks", "Returns were running at fourteen percent on boots before the fit finder"),
    with no want, plan, hope, question or condition ("if") in it and no time ahead ("by",
    "next"): a baseline or a result, not a goal. 9 of the 140 training sentences of this shape
    said with a time already here or past are part of a labelled goal's quote (the baseline
    said beside the want), none its only statement; as the best sentence of a found goal it
    was wrong every time (out of fold, about 11 found goals in 12 sets, none matched). Said
    with no time (stop 16), 6 more found goals' best sentences (6 sets), all wrong; the one
    labelled goal of the shape is a condition ("If the two new sites can get feed conversion
    down to one point one five, the expansion pays for itself")."""
    if c.side == "vendor" or "metric" not in c.fired or not NOT_STATES.isdisjoint(c.fired):
        return False
    if cue_pattern("time_ahead").search(c.text) or CONDITION.search(c.text):
        return False
    sent = sentence_of(meeting, c)
    if sent is None:
        return False
    return sent.root.lemma_.lower() in _lexicon()["state_verbs"]


def own_errand(meeting: Meeting, c: Claim) -> bool:
    """The speaker wanting or needing to do something themselves, an errand or a step of the
    talk ("I need to drop in five minutes", "I need to tell the heads to stop emailing the cover
    manager", "I want to take the lapsed policies out first", "I'd like to reconcile the seven
    percent with the year-end accounts"): a task, not a business outcome, however high it
    scored. None of the 98 training sentences of this shape (every set) is a labelled goal; 8
    were found as goals (8 sets). Not a negated want of a repeat ("I never want to go through
    another audit like that": claims' negated want). Either side's: the vendor's own errand
    ("Before we run out of time, I want to go back to the success piece", "I'd like to go back
    to the two goals we set at kickoff and see where we are") is no customer goal either, and
    was found as one twice out of fold (xv, yb)."""
    if c.features.get("negated_want"):
        return False
    low = c.text.lower()
    if not any(v in low for v in ("want", "need", "like", "love")):
        return False
    sent = sentence_of(meeting, c)
    if sent is None:
        return False
    lex = _lexicon()
    for t in sent:
        if t.lemma_.lower() not in lex["errand_wants"] or t.pos_ not in ("VERB", "AUX"):
            continue
        if not any(s.dep_ == "nsubj" and s.lower_ in ("i", "we") for s in t.children):
            continue
        if any(x.dep_ == "xcomp" and x.lemma_.lower() in lex["errand_verbs"] for x in t.children):
            return True
    return False


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    raw = cl.data("lexicon.yaml")
    return {
        k: frozenset(str(raw[k]).split())
        for k in ("scope_words", "scope_verbs", "state_verbs", "errand_wants", "errand_verbs")
    }
