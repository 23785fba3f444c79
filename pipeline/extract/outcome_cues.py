"""The outcome cue families (data/outcomes/cues.yaml, read once) and the figure checks that
outcomes.py and told_changes.py both apply: a result needs a figure, a short follow-up sentence
with a number gives one for another period.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract import required_words

SHORT = 8
"""A sentence under this many words (a spoken number counting one: length) says too little to
stand alone."""
_TOKEN = re.compile(r"\d[\d,.]*|[a-z]+(?:-[a-z]+)*")
_JOINERS = frozenset({"and", "point", "a"})


def cue(name: str) -> re.Pattern[str]:
    """One pattern of pipeline/data/outcomes/cues.yaml."""
    return _cues()[name]


@lru_cache(maxsize=1 << 15)
def said(name: str, text: str) -> bool:
    """Whether the cue matches the text: searched once per sentence however often it is asked,
    and only when the text holds a word the cue cannot match without (required_words.py)."""
    return name in _able(text) and _cues()[name].search(text) is not None


@lru_cache(maxsize=1 << 12)
def _able(text: str) -> frozenset[str]:
    """The cues that can match the text, by their needles."""
    able = _index().able_in(text)
    return frozenset(_cues() if able is None else able)


@lru_cache(maxsize=1)
def _index() -> required_words.Index:
    """The cues' needles (required_words.py)."""
    return required_words.english(_cues())


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    """The patterns of pipeline/data/outcomes/cues.yaml, compiled once."""
    return {name: re.compile(p, re.I) for name, p in _read().items() if isinstance(p, str)}


@lru_cache(maxsize=1)
def _read() -> dict:
    """pipeline/data/outcomes/cues.yaml, read once."""
    text = (resources.files("milepost.pipeline") / "data" / "outcomes" / "cues.yaml").read_text()
    return yaml.safe_load(text)


def has_figure(claim: cl.Claim) -> bool:
    """A result needs a figure; a sentence naming only where one came from ("I pulled it this
    morning.", "That's off the call log.") is not itself the outcome."""
    return "metric" in claim.fired or figures(claim.text)


def numbered_not_vendor(claim: cl.Claim) -> bool:
    """Where a told result can be: a sentence naming a number (spaCy's or a metric cue) that
    the vendor did not say."""
    return claim.side != "vendor" and ("metric" in claim.fired or cl.names_number(claim))


def may_be_numbered_not_vendor(claim: cl.Claim) -> bool:
    """numbered_not_vendor where the claim's features already say (a metric cue or ent_num),
    else True: a first test that finds no entities, before the text tests that decide whether
    numbered_not_vendor need find them (claims.names_number)."""
    if claim.side == "vendor":
        return False
    return "metric" in claim.fired or claim.features.get("ent_num", 1.0) > 0


def short_number(text: str) -> bool:
    """A short sentence with a figure ("In January it was one point nine.", "Same period last
    year it was four hundred and twelve.")."""
    return short(text) and figures(text)


@lru_cache(maxsize=1 << 12)
def short(text: str) -> bool:
    """Under SHORT words, a number said in words counting one ("four hundred and twelve"): a
    figure spelled out is no longer a sentence than its digits."""
    words = len(text.split())
    if words < SHORT or words >= 2 * SHORT:  # more than half its words numbers: none says so
        return words < SHORT
    return words - sum(len(r.split()) - 1 for r in number_runs(text)) < SHORT


def number_runs(text: str) -> list[str]:
    """The runs of number words and digits in text ("a hundred and twenty" is one run)."""
    out: list[list[str]] = []
    run = False
    for token in _TOKEN.findall(text.lower()):
        if _number(token):
            if not run:
                out.append([])
            out[-1].append(token)
            run = True
        elif run and token in _JOINERS:
            out[-1].append(token)
        else:
            run = False
    return [" ".join(r) for r in out]


@lru_cache(maxsize=1 << 12)
def _number(token: str) -> bool:
    if token[0].isdigit():
        return True
    words = cue("number_word")  # searched as is: a token is too short for the needle index
    return all(p == "one" or cl.is_number(p) or words.search(p) for p in token.split("-"))


def figures(text: str) -> bool:
    """Says a number, digits or words, hyphenated ones too ("sixty-three"), teens and
    millions too ("eighteen")."""
    words = cl.content_words(text)
    return any(cl.is_number(p) for w in words for p in w.split("-")) or said("number_word", text)
