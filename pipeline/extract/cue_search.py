"""Which cue families of `data/goals/cues.yaml` match a sentence: the search engine behind claims.

Every sentence of every meeting is searched for every cue family, and the turns around it
for the context families; that search is most of the goal extractor's time, so it lives
here, apart from what claims does with the families that fire.
"""

from __future__ import annotations

import re
from functools import lru_cache

from milepost.pipeline.extract import lowered, required_words
from milepost.pipeline.extract.goal_data import data

CONTEXT_FAMILIES = ("discovery_q", "affirm", "said_yes", "contest", "joint")


@lru_cache(maxsize=1)
def cue_families() -> dict[str, re.Pattern[str]]:
    """Each cue family compiled into one pattern (number words expanded), so one search each."""
    raw = data("cues.yaml")
    number = raw["number"]
    return {
        name: re.compile("|".join(f"(?:{p.replace('{number}', number)})" for p in patterns), re.I)
        for name, patterns in raw["families"].items()
    }


def first(family: str, text: str) -> re.Match[str] | None:
    """The first place in text where a cue family matches."""
    return cue_families()[family].search(text)


def in_turn(text: str) -> list[str]:
    """The sentence families that can fire in some sentence of this turn: those found in the
    whole turn, and those whose lookarounds may read it differently from one sentence."""
    edge = _edge_sensitive()
    names = _sentence_names()
    found = set(matching([n for n in names if n not in edge], text))
    return [n for n in names if n in edge or n in found]


def sentence_fired(whole: str, start: int, text: str) -> set[str]:
    """fired(in_turn(whole), text) for the sentence at `start` in the turn, without searching
    the turn: a family with no lookaround or anchor (not _edge_sensitive) that matches the
    sentence matches the turn, unless a \\b reads differently where the sentence's edge cuts
    between two word characters; only then is the turn searched as well."""
    names = matching(_sentence_names(), text)
    end = start + len(text)
    cut = (start > 0 and _WORD_PAIR.match(whole, start - 1)) or _WORD_PAIR.match(whole, end - 1)
    if cut:
        turn = in_turn(whole)
        names = [n for n in names if n in turn]
    return set(names)


_WORD_PAIR = re.compile(r"\w\w")


@lru_cache(maxsize=1)
def _sentence_names() -> tuple[str, ...]:
    """The families searched in each sentence, in cue-file order."""
    return tuple(n for n in cue_families() if n not in CONTEXT_FAMILIES or n == "joint")


def fired(families: list[str], text: str) -> set[str]:
    """Which of these families match the sentence."""
    return set(matching(families, text))


# The context families claims._around reads in the turns around a sentence.
_AROUND = ("discovery_q", "affirm", "contest")


def context(text: str) -> set[str]:
    """Which of the context families claims reads around a sentence match the turn."""
    return set(matching(_AROUND, text))


def matching(names: list[str] | tuple[str, ...], text: str) -> list[str]:
    """The named families that match the text: on its lower-cased form without re.I where
    that matches the same places (lowered.py), about twice as fast, and, for many families,
    by their patterns one at a time, only those whose needles (required_words.py) the text
    holds."""
    families = cue_families()
    if not lowered.lowerable(text):
        return [n for n in names if families[n].search(text)]
    low = text.lower()
    if len(names) >= MIN_INDEXED:
        fired = _fired(low, text, tuple(names))
        return [n for n in names if n in fired]
    quick = _quick_families()
    return [
        n
        for n in names
        if (quick[n].search(low) if quick[n] is not None else families[n].search(text))  # type: ignore[union-attr]
    ]


# Reading a text's needles costs about as much as searching a few families: fewer than
# this many (the context families around a sentence) are searched whole straight away.
MIN_INDEXED = 6


def _fired(low: str, text: str, names: tuple[str, ...]) -> set[str]:
    """The named families one of whose patterns, among those the text's needles allow,
    matches (the lower-cased text low where the pattern allows, else the text)."""
    patterns = _patterns()
    fired: set[str] = set()
    for key in _index(names).able(low):
        family, pattern, on_low = patterns[key]
        if family not in fired and pattern.search(low if on_low else text):
            fired.add(family)
    return fired


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[str, re.Pattern[str], bool]]:
    """Each pattern of each family alone, by "family/position": its family, the pattern (as
    lowered.fast gives it where it can, for lower-cased text) and whether it is that one."""
    raw = data("cues.yaml")
    out = {}
    for name, patterns in raw["families"].items():
        for k, p in enumerate(patterns):
            full = re.compile(p.replace("{number}", raw["number"]), re.I)
            quick = lowered.fast(full)
            out[f"{name}/{k}"] = (name, quick or full, quick is not None)
    return out


@lru_cache(maxsize=8)
def _index(names: tuple[str, ...]) -> required_words.Index:
    """The needles of every pattern of the named families."""
    wanted = {n for n in names if cue_families()[n]}  # an unknown family is a KeyError, as ever
    patterns = {key: p for key, (family, p, _) in _patterns().items() if family in wanted}
    return required_words.english(patterns)


@lru_cache(maxsize=1)
def _quick_families() -> dict[str, re.Pattern[str] | None]:
    """Each family without re.I for lower-cased text, or None where that could differ."""
    return {name: lowered.fast(p) for name, p in cue_families().items()}


@lru_cache(maxsize=1)
def _edge_sensitive() -> frozenset[str]:
    marks = ("(?=", "(?!", "(?<", "^", "$")
    return frozenset(n for n, p in cue_families().items() if any(m in p.pattern for m in marks))
