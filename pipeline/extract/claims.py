"""Candidate sentences for goals and outcomes, with the cue features a small model scores.

Every sentence of every turn is a candidate; cue families from `data/goals/cues.yaml`
say what it contains (a want, a metric, a deadline, a past result...) and what the turns
around it do (a discovery question before, an affirmation after). Goals and verified
outcomes read the same features with their own learned weights (`data/goals/model.json`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

import numpy as np

from milepost.models import SpeakerSide
from milepost.pipeline.extract import cue_search

# cue_families and first, data and read_data are read through claims by the goal modules
from milepost.pipeline.extract.cue_search import cue_families as cue_families
from milepost.pipeline.extract.cue_search import first as first
from milepost.pipeline.extract.goal_data import data as data
from milepost.pipeline.extract.goal_data import read_data as read_data
from milepost.pipeline.extract.meeting import LastRead, Meeting
from milepost.pipeline.extract.tokens import Tokens

if TYPE_CHECKING:
    from collections.abc import Callable

_WORD = re.compile(r"[a-z][a-z'-]+|\d+")
FIRST_PERSON = frozenset({"i", "we", "our", "my", "us", "me", "i'd", "we're", "i'm"})
# Features whose pairwise conjunctions the goal head also sees ("x:has_want*side_customer"):
# a want means little alone and much with a metric from the customer after a discovery question.
CROSSED = (
    "has_want",
    "has_want_change",
    "has_goal_word",
    "has_if_could",
    "has_boss",
    "has_metric",
    "has_deadline",
    "has_change",
    "has_joint",
    "side_customer",
    "side_vendor",
    "prev_discovery_q",
    "has_question",
    "has_task",
    "has_process_want",
    "has_past_result",
    "has_projection",
    "root_past",
    "first_person",
    "has_customer_ref",
    "restated_next",
    "next_affirm",
)


@dataclass
class Claim:
    """One sentence of one turn, with what it says and who said it."""

    turn: int
    text: str
    speaker: str | None
    side: SpeakerSide
    fired: set[str] = field(default_factory=set)
    features: dict[str, float] = field(default_factory=dict)
    later: Callable[[], list[str]] | None = field(default=None, repr=False, compare=False)
    """Where the turn's entities were not found with the features (no ent_num, ent_date), finds
    them now and gives the labels of the sentence's: names_number reads them."""


@lru_cache(maxsize=1)
def model() -> dict:
    """Learned weights and thresholds for the goal and outcome heads."""
    return json.loads(read_data("model.json"))


def proposed(claim: Claim, head: str) -> bool:
    """Rules propose: only sentences where one of the head's cue families fires, and none of
    its veto families, are scored."""
    families, vetoes, max_words = _proposers()
    if claim.fired.isdisjoint(families[head]) or not claim.fired.isdisjoint(vetoes[head]):
        return False
    return len(claim.text.split()) <= max_words


@lru_cache(maxsize=1)
def _proposers() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], int]:
    raw = data("cues.yaml")
    families = {head: frozenset(fams) for head, fams in raw["propose"].items()}
    vetoes = {head: frozenset(raw.get("veto", {}).get(head, ())) for head in families}
    return families, vetoes, raw["max_words"]


def score(claims: list[Claim], head: str, weights: dict | None = None) -> np.ndarray:
    """Probability per claim under one head ("goal" or "outcome"); 0 when not proposed.
    weights: that head's learned weights and bias, when not the shipped model's."""
    learned = weights or model()[head]
    w = learned["weights"]
    z = np.array(
        [
            learned["bias"] + sum(w.get(n, 0.0) * v for n, v in c.features.items())
            if proposed(c, head)
            else -np.inf
            for c in claims
        ],
        dtype=float,
    )
    return 1.0 / (1.0 + np.exp(-z))


def claims(meeting: Meeting) -> list[Claim]:
    """Every sentence in the meeting as a Claim with its features."""
    turns = meeting.transcript.turns
    context = [cue_search.context(t.text) for t in turns]
    words = [content_words(t.text) for t in turns]
    said: list[list[tuple[Claim, Any, bool]]] = []
    for i, doc in enumerate(meeting.docs):
        speaker = turns[i].speaker
        turn: list[tuple[Claim, Any, bool]] = []
        whole = turns[i].text
        tokens = meeting.tokens(i)
        for sent in doc.sents:
            # sent.text, cut from the turn's text (doc.text == turn.text) rather than joined
            # from the sentence's tokens
            raw = whole[sent.start_char : sent.end_char]
            text = raw.strip()
            if len(text) < 3:
                continue
            claim = Claim(i, text, speaker, meeting.side_of(speaker))
            start = sent.start_char + len(raw) - len(raw.lstrip())
            claim.fired = cue_search.sentence_fired(whole, start, text)
            # a want for something not to happen again is a want
            never = _never_again(sent, set(tokens.lower[sent.start : sent.end]))
            if never:
                claim.fired.add("want")
            turn.append((claim, sent, never))
        said.append(turn)
    meeting.with_entities(
        i for i, turn in enumerate(said) if any(_entities_read(c) for c, _, _ in turn)
    )
    out = []
    for i, turn in enumerate(said):
        tokens = meeting.tokens(i)
        before_after = _around(meeting, i, context)
        in_turn_count = Counter(n for c, _, _ in turn for n in c.fired if n in _SAME_TURN)
        for claim, sent, never in turn:
            around = dict(before_after)
            if _restated(meeting, i, content_words(claim.text), words):
                around["restated_next"] = 1.0
            near = {n for n, k in in_turn_count.items() if k > (n in claim.fired)}
            around.update(_same_turn(claim, near))
            if meeting.has_entities(i):
                ents = tokens.ent_labels(sent.start, sent.end)
            else:
                ents = None
                claim.later = partial(_entity_labels, meeting, i, sent.start, sent.end)
            claim.features = _features(claim, sent, around, tokens, ents, never)
            out.append(claim)
    return out


def _entities_read(claim: Claim) -> bool:
    """Whether the claim's entity features (ent_num, ent_date) are read whatever else it says:
    score() reads all the features of a claim proposed for a head. Their turns get their
    entities in one batch; a turn with no such claim needs no NER (Meeting.with_entities), and
    names_number finds one sentence's on demand."""
    return any(proposed(claim, head) for head in _proposers()[0])


def _entity_labels(meeting: Meeting, turn: int, start: int, end: int) -> list[str]:
    meeting.with_entities([turn])
    return meeting.tokens(turn).ent_labels(start, end)


NUMBER_ENTITIES = ("PERCENT", "MONEY", "CARDINAL", "QUANTITY")


def names_number(claim: Claim) -> bool:
    """The sentence names a number as spaCy's entities read it: its ent_num feature, or, where
    its turn's entities were left out of the features, the entities found now."""
    if "ent_num" in claim.features:
        return bool(claim.features["ent_num"])
    return claim.later is not None and any(e in NUMBER_ENTITIES for e in claim.later())


# The families _same_turn reads in the speaker's other sentences.
_SAME_TURN = frozenset({"own_source", "past_result", "improvement"})


def _same_turn(claim: Claim, near: set[str]) -> dict[str, float]:
    """What the speaker's other sentences in the turn add (near: the _SAME_TURN families
    they fire): a source or a past comparison ("Same month last year it was nine hours. I
    pulled that from the helpdesk.")."""
    measured = "metric" in claim.fired or "from_to" in claim.fired
    out = {}
    if "own_source" in near and claim.side != "vendor":
        out["turn_source"] = 1.0
        out["turn_source_x_metric"] = float(measured)
    if "past_result" in near or "improvement" in near:
        out["turn_past_x_metric"] = float(measured)
    return {k: v for k, v in out.items() if v}


@lru_cache(maxsize=1)
def _vocab() -> dict[str, frozenset[str]]:
    raw = data("cues.yaml")
    return {k: frozenset(raw[k].split()) for k in ("number_words", "stop_words")}


def is_number(word: str) -> bool:
    """A digit string or a spelled-out number ("twenty")."""
    return word.isdigit() or word in _vocab()["number_words"]


def content_words(text: str) -> set[str]:
    """Lower-cased content words and numbers, for spotting a restatement."""
    return set(filter(None, map(_content_form, _WORD.findall(text.lower()))))


@lru_cache(maxsize=1 << 16)
def _content_form(word: str) -> str:
    """The word as content_words keeps it (a plural's "s" dropped), or "" for a stop word."""
    vocab = _vocab()
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    keep = len(word) > 3 or word.isdigit() or word in vocab["number_words"]
    return word if keep and word not in vocab["stop_words"] else ""


def _restated(meeting: Meeting, i: int, mine: set[str], words: list[set[str]]) -> bool:
    """Someone else repeats this sentence's content within the next three turns."""
    turns = meeting.transcript.turns
    for j in range(i + 1, min(i + 4, len(turns))):
        if turns[j].speaker is not None and turns[j].speaker == turns[i].speaker:
            continue
        shared = mine & words[j]
        if len(shared) >= 3 or any(is_number(w) for w in shared):
            return True
    return False


def _around(meeting: Meeting, i: int, context: list[set[str]]) -> dict[str, float]:
    """What the two turns before (by someone else) and the two after (by someone else) do."""
    turns = meeting.transcript.turns
    me = turns[i].speaker
    out: dict[str, float] = {}
    for j in (i - 1, i - 2):
        if j >= 0 and (me is None or turns[j].speaker != me) and "discovery_q" in context[j]:
            out["prev_discovery_q"] = 1.0
    for j in (i + 1, i + 2):
        if j < len(turns) and (me is None or turns[j].speaker != me):
            for fam in ("affirm", "contest"):
                if fam in context[j]:
                    out[f"next_{fam}"] = 1.0
    return out


def _features(  # type: ignore[no-untyped-def]
    claim: Claim,
    sent,
    around: dict[str, float],
    tokens: Tokens,
    ents: list[str] | None,
    never: bool,
) -> dict[str, float]:
    """The claim's features; ents: the labels of the sentence's entities, None where its turn's
    were not found (no reader of ent_num, ent_date: _entities_read), and the two are left out;
    never: the sentence wants something not to happen again (_never_again, read with `fired`)."""
    start, end = sent.start, sent.end
    words = tokens.lower[start:end]
    vocab = set(words)
    f: dict[str, float] = {f"side_{claim.side}": 1.0, **around}
    for name in claim.fired:
        f[f"has_{name}"] = 1.0
    for k in range(start, end):
        if tokens.content[k]:
            f[f"w:{tokens.lemma[k]}"] = 1.0
    f["first_person"] = float(not FIRST_PERSON.isdisjoint(vocab))
    f["short"] = float(len(words) < 7)
    f["long"] = float(len(words) > 45)
    f["root_past"] = float(sent.root.tag_ in ("VBD", "VBN"))
    if ents is not None:
        f["ent_num"] = float(any(e in NUMBER_ENTITIES for e in ents))
        f["ent_date"] = float(any(e in ("DATE", "TIME") for e in ents))
    wantish = any(k in claim.fired for k in ("want", "goal_word", "if_could"))
    measurable = "metric" in claim.fired or "deadline" in claim.fired
    f["want_x_measurable"] = float(wantish and measurable)
    f["want_x_customer"] = float(wantish and claim.side == "customer")
    f["want_x_change"] = float(wantish and "change" in claim.fired)
    said_by_customer = claim.side != "vendor"
    changes = "change" in claim.fired or "metric" in claim.fired
    f["answer_x_change"] = float(
        bool(around.get("prev_discovery_q")) and said_by_customer and changes
    )
    f["if_could_x_customer"] = float("if_could" in claim.fired and said_by_customer)
    past = "past_result" in claim.fired or f["root_past"] > 0
    f["from_to_x_past"] = float("from_to" in claim.fired and past)
    f["from_to_no_deadline"] = float("from_to" in claim.fired and "deadline" not in claim.fired)
    f["source_x_customer"] = float("own_source" in claim.fired and said_by_customer)
    f["past_x_metric"] = float("past_result" in claim.fired and "metric" in claim.fired)
    f["past_x_customer"] = float("past_result" in claim.fired and claim.side == "customer")
    f["question_x_vendor"] = float("question" in claim.fired and claim.side == "vendor")
    f["customer_result"] = float(_customer_result(claim, past))
    f.update(_wanted(sent, tokens))
    # the customer wanting a change in a business outcome, with no figure needed ("I'd like
    # that time back for them"): a goal in every training set, few as they are
    if f.get("wanted_outcome") and f.get("wanted_change") and said_by_customer:
        f["wanted_both"] = 1.0
    if never:
        f["negated_want"] = 1.0
    if vocab & _lexicon()["authorities"] and _authority_asks(sent):
        f["third_party_ask"] = 1.0
    return _crossed(f)


def _wanted(sent, tokens: Tokens) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Whether what the sentence's wants govern names a business outcome or a change in one
    ("I want | the nurses to stop calling", unlike "I want to see | the dashboard")."""
    lex = _lexicon()
    out: dict[str, float] = {}
    for k in range(sent.start, sent.end):
        if tokens.pos[k] not in ("VERB", "AUX") or tokens.lemma[k] not in lex["want_verbs"]:
            continue
        t = sent.doc[k]
        # "What I want is | X", "The thing I need is | X": the wanted thing follows the copula
        scope = sent.root.subtree if t.dep_ in ("csubj", "relcl") else t.subtree
        after = {form for w in scope if w.i > k for form in (tokens.lower[w.i], tokens.lemma[w.i])}
        for kind in ("outcome", "change"):
            if after & lex[kind]:
                out[f"wanted_{kind}"] = 1.0
    return out


def _never_again(sent, words: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """A want or can't-have negated over a repeat ("I never want another audit like that",
    "we can't have another outage"): a want for something not to happen again."""
    lex = _lexicon()
    if not words & lex["negations"] or not words & lex["repeats"]:
        return False
    for t in sent:
        if t.lemma_.lower() not in lex["negated_verbs"] or t.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.lower_ in lex["negations"] for c in t.children):
            continue
        if any(w.lower_ in lex["repeats"] for w in t.subtree if w.i > t.i):
            return True
    return False


def _authority_asks(sent) -> bool:  # type: ignore[no-untyped-def]
    """An ask verb whose subject names an authority ("my board treasurer wants", "corporate
    is asking us to"): a goal the customer relays from above."""
    lex = _lexicon()
    for t in sent:
        if t.lemma_.lower() not in lex["ask_verbs"] or t.pos_ not in ("VERB", "AUX"):
            continue
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(w.lower_ in lex["authorities"] for s in subj for w in s.subtree):
            return True
    return False


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    raw = data("lexicon.yaml")
    return {k: frozenset(v.split()) for k, v in raw.items()}


def _crossed(f: dict[str, float]) -> dict[str, float]:
    """f with the conjunction of every two CROSSED features that are on."""
    on = list(filter(f.get, CROSSED))
    f.update({f"x:{a}*{b}": 1.0 for k, a in enumerate(on) for b in on[k + 1 :]})
    return f


def _customer_result(claim: Claim, past: bool) -> bool:
    """The customer telling a before/after change as done: past tense, a change, no hope
    or wish ("Since go-live our onboarding went from three weeks to four days.")."""
    unsure = ("projection", "question", "want", "want_change", "if_could", "deadline")
    return (
        claim.side == "customer"
        and past
        and not claim.fired.isdisjoint(("from_to", "improvement"))
        and claim.fired.isdisjoint(unsure)
    )


_LAST: LastRead[list[Claim]] = LastRead()


def claims_for(meeting: Meeting) -> list[Claim]:
    """claims(meeting), computed once per meeting (goals and outcomes both read them)."""
    return _LAST.get((meeting,), lambda: claims(meeting))
