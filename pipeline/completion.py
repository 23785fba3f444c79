"""Does something said in a later meeting show an open next step done?

"I sent the SSO guide" closes "send the SSO setup guide": a statement with nothing that
makes it future, negated or conditional; the step's own verb in a past form, or a generic
completion cue ("we finished", "is live"); and enough keywords shared with the step's
action after light stemming. Cue lists live in `data/completion.yaml`; this module holds
only the logic. Each sentence is read once into a `Statement`, then matched against
every open step with set operations, so reconciling a store stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
ED_WORD = re.compile(r"[a-z]{3}ed\b")


@dataclass(frozen=True)
class CueSet:
    """Cue phrases matched on word tokens: whole words, contractions ("'ll", "n't") as endings."""

    words: frozenset[str]
    endings: re.Pattern[str] | None
    phrases: dict[str, tuple[str, ...]]
    """first word -> the multi-word phrases it starts, each padded with spaces"""
    anywhere: tuple[str, ...] = ()
    """phrases starting with an apostrophe ("'ve set up"): no token starts them, so always tried"""

    @classmethod
    def of(cls, cues: list[str]) -> CueSet:
        single = [c for c in cues if " " not in c]
        endings = [re.escape(c) for c in single if c.startswith(("'", "n'"))]
        phrases: dict[str, list[str]] = {}
        for c in cues:
            if " " in c:
                padded = (c if c.startswith("'") else f" {c}") + " "
                phrases.setdefault(c.split()[0], []).append(padded)
        return cls(
            words=frozenset(c for c in single if not c.startswith(("'", "n'"))),
            endings=re.compile(f"(?:{'|'.join(endings)}) ") if endings else None,
            phrases={k: tuple(v) for k, v in phrases.items()},
            anywhere=tuple(p for k, v in phrases.items() if k.startswith("'") for p in v),
        )

    def found(self, words: set[str], joined: str) -> bool:
        """`words` are a sentence's tokens; `joined` is them with one space around each."""
        if not self.words.isdisjoint(words):
            return True
        if self.endings is not None and self.endings.search(joined):
            return True
        if any(p in joined for p in self.anywhere):
            return True
        firsts = words.intersection(self.phrases)
        return any(p in joined for first in firsts for p in self.phrases[first])


@dataclass(frozen=True)
class Cues:
    generic_done: CueSet
    blockers: CueSet
    not_past: frozenset[str]
    irregular: dict[str, str]
    stopwords: frozenset[str]
    min_shared: int
    min_share: float
    triggers: frozenset[str]
    """words without which a sentence cannot say something was done (besides any -ed word)"""


@dataclass(frozen=True)
class Statement:
    """A sentence that may say something was done, read once."""

    text: str
    keys: frozenset[str]
    past: frozenset[str]
    """stems of the verbs said in a past form"""
    generic: bool
    """carries a generic completion cue"""


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lists, loaded once from the package data file."""
    text = resources.files("milepost.pipeline").joinpath("data/completion.yaml").read_text()
    raw = yaml.safe_load(text)
    generic = CueSet.of(raw["generic_done"])
    return Cues(
        generic_done=generic,
        blockers=CueSet.of(raw["blockers"]),
        not_past=frozenset(raw["not_past"]),
        irregular={str(k): str(v) for k, v in raw["irregular"].items()},
        stopwords=frozenset(str(w) for w in raw["stopwords"]),
        min_shared=int(raw["min_shared"]),
        min_share=float(raw["min_share"]),
        triggers=frozenset(raw["irregular"]) | generic.words | frozenset(generic.phrases),
    )


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: irregular past forms to their base, then common suffixes off."""
    word = cues().irregular.get(word, word)
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e") if len(word) > 3 else word


def _tokens(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def _keys(tokens: list[str]) -> frozenset[str]:
    c = cues()
    return frozenset(
        stem(w) for w in tokens if w not in c.stopwords and c.irregular.get(w) not in c.stopwords
    )


@lru_cache(maxsize=8192)
def keywords(text: str) -> frozenset[str]:
    """Content words of a phrase, stemmed; function words and generic verbs dropped."""
    return _keys(_tokens(text))


@lru_cache(maxsize=8192)
def action_verb(action: str) -> str:
    """The stem of a step's verb: actions are short imperative phrases ("send the guide")."""
    tokens = _tokens(action)
    return stem(tokens[0]) if tokens else ""


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
    past = frozenset(
        stem(w)
        for w in words
        if w in c.irregular or (w.endswith("ed") and len(w) > 4 and w not in c.not_past)
    )
    generic = c.generic_done.found(words, joined)
    if not (past or generic) or c.blockers.found(words, joined):
        return None
    return Statement(sentence, _keys(tokens), past, generic)


def done_statements(texts: list[str]) -> list[Statement]:
    """Every sentence in these turns that may say something was done."""
    found = (statement(s) for text in texts if _may_say_done(text) for s in sentences(text))
    return [s for s in found if s is not None]


def _may_say_done(text: str) -> bool:
    """A cheap first look at a whole turn: most turns have no trigger word at all."""
    low = text.lower()
    return ED_WORD.search(low) is not None or not cues().triggers.isdisjoint(WORD.findall(low))


def score(action: str, st: Statement) -> float:
    """How well a done statement closes the action: the share of its keywords, else 0."""
    if not (st.generic or action_verb(action) in st.past):
        return 0.0
    wanted = keywords(action)
    if not wanted:
        return 0.0
    shared = len(wanted & st.keys)
    c = cues()
    if shared < min(c.min_shared, len(wanted)) or shared / len(wanted) < c.min_share:
        return 0.0
    return shared / len(wanted)


def completes(action: str, sentence: str) -> bool:
    """True when `sentence` says the step `action` has been done."""
    st = statement(sentence)
    return st is not None and score(action, st) > 0


def assign(steps: list[tuple[int, str]], statements: list[Statement]) -> dict[int, str]:
    """Step id -> the sentence that closes it; each sentence closes one step at most, the one
    it matches best. Only steps that can score are looked at: for a statement with a generic
    cue, those sharing a keyword with it; otherwise those whose verb it says in a past form."""
    by_verb: dict[str, list[tuple[int, str]]] = {}
    for step in steps:
        by_verb.setdefault(action_verb(step[1]), []).append(step)
    by_key: dict[str, list[tuple[int, str]]] | None = None  # built for generic cues only
    pairs = []
    for i, st in enumerate(statements):
        if st.generic:
            by_key = by_key if by_key is not None else _by_keyword(steps)
            candidates: Iterable[tuple[int, str]] = {s for k in st.keys for s in by_key.get(k, ())}
        else:
            candidates = [s for verb in st.past for s in by_verb.get(verb, ())]
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
        for key in keywords(step[1]):
            index.setdefault(key, []).append(step)
    return index
