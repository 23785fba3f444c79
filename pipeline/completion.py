"""Does something said in a later meeting show an open next step done?

"I sent the SSO guide" closes "send the SSO setup guide": a statement with nothing that
makes it future, negated or conditional; the step's verb said as done (a past form, a
same-deed verb, "went over" for review, "thanks for reviewing"), or a generic completion
cue ("we finished", "is live"); and the same object. A step's action is read as verb
phrases ("configure the integration and send the results" is two), each closed by its own
report: enough of its keywords shared, or the head noun of its object named without a
different modifier ("sent the proposal" closes "send a proposal for the add-on"; "set up
the Salesforce integration" does not close "set up the Dentrix integration"). Cue lists
live in `data/completion.yaml`; this module holds only the logic. Each sentence is read
once into a `Statement`, then matched against every open step with set operations, so
reconciling a store stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from milepost.pipeline.completion_cues import cues, suffix_stem

WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
ED_WORD = re.compile(r"[a-z]{3}ed\b")
CASED_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")


@dataclass(frozen=True)
class Statement:
    """A sentence that may say something was done, read once."""

    text: str
    keys: frozenset[str]
    past: frozenset[str]
    """stems of the verbs said as done (past forms, same-deed verbs, done phrases)"""
    generic: bool
    """carries a generic completion cue"""
    seq: tuple[str, ...] = ()
    """each token's stem in order, "" for a function word (to read a noun's modifier)"""
    past_at: frozenset[int] = frozenset()
    """positions in `seq` of the words in a past form"""


@dataclass(frozen=True)
class VerbPhrase:
    """One verb of a step's action with what it acts on: "send | the test results"."""

    verb: str
    keys: frozenset[str]
    """content words after the verb, stemmed"""
    head: str | None
    """the object's head noun ("result"), None when the object is a clause or absent"""
    core: frozenset[str]
    """the object's own words, before any preposition ("test", "result")"""
    split: bool = False
    """one of several verb phrases: closed only by a report of its own verb"""


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: irregular past forms to their base, then common suffixes off."""
    return suffix_stem(cues().irregular.get(word, word))


def _tokens(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def _content(word: str) -> bool:
    c = cues()
    return word not in c.stopwords and c.irregular.get(word) not in c.stopwords


def _keys(tokens: list[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in tokens if _content(w))


@lru_cache(maxsize=8192)
def verb_phrases(action: str) -> tuple[VerbPhrase, ...]:
    """The action as a whole, then each of its verb phrases when "and" joins two or more:
    "configure the integration and send the results". A verb with no object of its own
    ("write up and send the review") acts on the next one's."""
    tokens = _tokens(action)
    if not tokens:
        return ()
    c = cues()
    named = _capitalised(action)
    cuts = [
        i
        for i in range(1, len(tokens) - 1)
        if tokens[i] == "and" and tokens[i + 1] not in c.noun_starts and i + 1 not in named
    ]
    whole = _phrase(tokens[0], tokens[1:])
    if not cuts:
        return (whole,)
    bounds = zip([-1, *cuts], [*cuts, len(tokens)], strict=True)
    parts = [_unhedged(tokens[a + 1 : b]) for a, b in bounds]
    phrases = []
    for k, part in enumerate(parts):
        rest = part[1:]
        if not _keys(rest) and k + 1 < len(parts):
            rest = parts[k + 1][1:]  # "write up and send the review": write the review
        phrases.append(_phrase(part[0], rest))
    return (whole, *(replace(p, split=True) for p in phrases if p.keys))


def _capitalised(action: str) -> set[int]:
    """Positions of the action's tokens written with a capital: names, not verbs ("MICU and
    SICU")."""
    raw = CASED_WORD.findall(action.replace("\u2019", "'"))
    return {i for i, w in enumerate(raw) if i and w[0].isupper()}


def _unhedged(part: list[str]) -> list[str]:
    """A verb phrase without the adverbs that may open it ("then send", "also share")."""
    skip = cues().phrase_openers
    while len(part) > 1 and part[0] in skip:
        part = part[1:]
    return part


def _phrase(verb: str, rest: list[str]) -> VerbPhrase:
    """A verb and the words after it: the object runs to the first preposition."""
    c = cues()
    obj: list[str] = []
    for w in rest:
        if not obj and w in c.clause_starts:
            return VerbPhrase(stem(verb), _keys(rest), None, frozenset())
        if obj and w in c.object_ends:
            break
        if obj or _content(w):
            obj.append(w)
    content = [w for w in obj if _content(w)]
    head = stem(content[-1]) if content else None
    return VerbPhrase(stem(verb), _keys(rest), head, _keys(content))


def statement(sentence: str) -> Statement | None:
    """The sentence as a done statement, or None when it cannot say anything was done."""
    c = cues()
    if sentence.rstrip().endswith("?"):
        return None
    tokens = _tokens(sentence)
    words = set(tokens)
    if words.isdisjoint(c.triggers) and not any(w.endswith("ed") for w in words):
        return None  # the common case, decided cheaply
    joined = " " + " ".join(tokens) + " "
    past = _done_verbs(tokens, words, joined)
    generic = c.generic_done.found(words, joined)
    if not (past or generic) or _blocked(words, joined):
        return None
    seq = tuple(stem(w) if _content(w) else "" for w in tokens)
    past_at = frozenset(i for i, w in enumerate(tokens) if _past_form(w))
    return Statement(sentence, _keys(tokens) - past - c.done_words, past, generic, seq, past_at)


def _blocked(words: set[str], joined: str) -> bool:
    """Something makes the sentence future, negated or conditional ("let me know" does not)."""
    c = cues()
    kept = joined
    for phrase in c.not_blockers:
        if phrase in kept:
            kept = kept.replace(phrase, " ")
    return c.blockers.found(words if kept is joined else set(kept.split()), kept)


def _done_verbs(tokens: list[str], words: set[str], joined: str) -> frozenset[str]:
    """Stems of the verbs the sentence reports as done, with the verbs of the same deed."""
    c = cues()
    past = {stem(w) for w in words if _past_form(w)}
    past |= {verb for verb, phrases in c.done_as.items() if any(p in joined for p in phrases)}
    for opener in c.thanks:
        at = joined.find(opener)
        if at >= 0:
            after = joined[at + len(opener) :].split()
            verb = stem(after[0]) if after and after[0].endswith("ing") else ""
            if verb and verb not in c.generic_verbs:  # not "thanks for taking the call"
                past.add(verb)
    return frozenset(v for p in past for v in c.same_deed.get(p, (p,)))


@lru_cache(maxsize=65536)
def _past_form(word: str) -> bool:
    c = cues()
    return word in c.irregular or (word.endswith("ed") and len(word) > 4 and word not in c.not_past)


def done_statements(texts: list[str]) -> list[Statement]:
    """Every sentence in these turns that may say something was done."""
    found = (statement(s) for text in texts if _may_say_done(text) for s in sentences(text))
    return [s for s in found if s is not None]


def _may_say_done(text: str) -> bool:
    """A cheap first look at a whole turn: most turns have no trigger word at all."""
    low = text.lower()
    return ED_WORD.search(low) is not None or not cues().triggers.isdisjoint(WORD.findall(low))


def score(action: str, st: Statement) -> float:
    """How well a done statement closes the action: the best of its verb phrases, else 0."""
    return max((_phrase_score(p, st) for p in verb_phrases(action)), default=0.0)


def _phrase_score(p: VerbPhrase, st: Statement) -> float:
    """The share of the phrase's words the statement names, or of its object's own words
    when it names the object's head noun as the step does; else 0. A generic cue ("done",
    "is live") counts for the whole action only, and only with several words shared."""
    reported = p.verb in st.past
    if not (reported or (st.generic and not p.split)) or not p.keys:
        return 0.0
    c = cues()
    shared = len(p.keys & st.keys)
    if shared >= c.min_shared and shared / len(p.keys) >= c.min_share:
        return shared / len(p.keys)
    if not reported or p.head is None or not _names_head(p, st):
        return 0.0
    share = len(p.core & st.keys) / len(p.core)
    if p.head in c.weak_heads:  # "the times": only with all of the step's words for them
        return share if share == 1.0 and len(p.core) > 1 else 0.0
    return share if share >= c.min_head_share else 0.0


def _names_head(p: VerbPhrase, st: Statement) -> bool:
    """The statement says the phrase's head noun as a head: no content word next to it that
    the step lacks ("the Salesforce integration", "the login emails"), but for the subject
    of a relative clause ("the forms Hannah sent")."""
    for i, word in enumerate(st.seq):
        if word == p.head:
            before = st.seq[i - 1] if i else ""
            after = st.seq[i + 1] if i + 1 < len(st.seq) else ""
            relative = i + 2 in st.past_at
            if (not before or before in p.keys) and (not after or after in p.keys or relative):
                return True
    return False


def completes(action: str, sentence: str) -> bool:
    """True when `sentence` says the step `action` has been done."""
    st = statement(sentence)
    return st is not None and score(action, st) > 0


def assign(steps: list[tuple[int, str]], statements: list[Statement]) -> dict[int, str]:
    """Step id -> the sentence that closes it; each sentence closes one step at most, the one
    it matches best. Only steps that can score are looked at: for a statement with a generic
    cue, those sharing a keyword with it; otherwise those with a verb it reports done."""
    by_verb: dict[str, list[tuple[int, str]]] = {}
    for step in steps:
        for verb in {p.verb for p in verb_phrases(step[1])}:
            by_verb.setdefault(verb, []).append(step)
    by_key: dict[str, list[tuple[int, str]]] | None = None  # built for generic cues only
    pairs = []
    for i, st in enumerate(statements):
        if st.generic:
            by_key = by_key if by_key is not None else _by_keyword(steps)
            candidates: Iterable[tuple[int, str]] = {s for k in st.keys for s in by_key.get(k, ())}
        else:
            candidates = {s for verb in st.past for s in by_verb.get(verb, ())}
        for step_id, action in candidates:
            if (value := score(action, st)) > 0:
                pairs.append((value, -i, step_id, st.text))
    closed: dict[int, str] = {}
    used: set[str] = set()
    for _, _, step_id, sentence in sorted(pairs, reverse=True):
        if step_id not in closed and sentence not in used:
            closed[step_id] = sentence
            used.add(sentence)
    return closed


def _by_keyword(steps: list[tuple[int, str]]) -> dict[str, list[tuple[int, str]]]:
    """keyword -> the steps whose action has it."""
    index: dict[str, list[tuple[int, str]]] = {}
    for step in steps:
        for key in {k for p in verb_phrases(step[1]) for k in p.keys}:
            index.setdefault(key, []).append(step)
    return index
