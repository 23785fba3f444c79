"""Does something said in a later meeting show an open next step done?

"I sent the SSO guide" closes "send the SSO setup guide": the sentence carries a done
cue (a past form or a phrase like "is live"), nothing that makes it future, negated or
conditional, and enough keywords shared with the step's action after light stemming.
The cue lists live in `data/completion.yaml`; this module holds only the logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Cues:
    done_words: frozenset[str]
    not_past: frozenset[str]
    done_phrases: tuple[str, ...]
    blockers: tuple[str, ...]
    irregular: dict[str, str]
    stopwords: frozenset[str]
    min_shared: int
    min_share: float


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lists, loaded once from the package data file."""
    text = resources.files("milepost.pipeline").joinpath("data/completion.yaml").read_text()
    raw = yaml.safe_load(text)
    return Cues(
        done_words=frozenset(raw["done_words"]),
        not_past=frozenset(raw["not_past"]),
        done_phrases=tuple(raw["done_phrases"]),
        blockers=tuple(raw["blockers"]),
        irregular={str(k): str(v) for k, v in raw["irregular"].items()},
        stopwords=frozenset(str(w) for w in raw["stopwords"]),
        min_shared=int(raw["min_shared"]),
        min_share=float(raw["min_share"]),
    )


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def stem(word: str) -> str:
    """A light stem: irregular past forms to their base, then common suffixes off."""
    c = cues()
    word = c.irregular.get(word, word)
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e") if len(word) > 3 else word


def keywords(text: str) -> set[str]:
    """Content words of a phrase, stemmed; function words and generic verbs dropped."""
    c = cues()
    words = WORD.findall(text.lower().replace("\u2019", "'"))
    return {
        stem(w) for w in words if w not in c.stopwords and c.irregular.get(w) not in c.stopwords
    }


def says_done(sentence: str) -> bool:
    """A statement (not a question) with a done cue and no future, negation or condition."""
    c = cues()
    low = " " + sentence.lower().replace("\u2019", "'") + " "
    if low.rstrip().endswith("?"):
        return False
    words = WORD.findall(low)
    if any(_has(low, words, b) for b in c.blockers):
        return False
    if any(p in low for p in c.done_phrases):
        return True
    return any(
        w in c.done_words or (w.endswith("ed") and len(w) > 4 and w not in c.not_past)
        for w in words
    )


def done_statements(texts: list[str]) -> list[tuple[str, set[str]]]:
    """Every sentence in these turns that says something was done, with its keywords."""
    return [(s, keywords(s)) for text in texts for s in sentences(text) if says_done(s)]


def share(action: str, keys: set[str]) -> float:
    """The share of the action's keywords in a done statement; 0 when too few are shared."""
    wanted = keywords(action)
    if not wanted:
        return 0.0
    shared = len(wanted & keys)
    c = cues()
    if shared < min(c.min_shared, len(wanted)) or shared / len(wanted) < c.min_share:
        return 0.0
    return shared / len(wanted)


def completes(action: str, sentence: str) -> bool:
    """True when `sentence` says the step `action` has been done."""
    return says_done(sentence) and share(action, keywords(sentence)) > 0


def assign(steps: list[tuple[int, str]], statements: list[tuple[str, set[str]]]) -> dict[int, str]:
    """Step id -> the done statement that closes it; each statement closes one step at most,
    the step it matches best."""
    pairs = [
        (score, -i, step_id, sentence)
        for step_id, action in steps
        for i, (sentence, keys) in enumerate(statements)
        if (score := share(action, keys)) > 0
    ]
    closed: dict[int, str] = {}
    used: set[str] = set()
    for _, _, step_id, sentence in sorted(pairs, reverse=True):
        if step_id not in closed and sentence not in used:
            closed[step_id] = sentence
            used.add(sentence)
    return closed


def _has(low: str, words: list[str], cue: str) -> bool:
    if cue.startswith("'") or " " in cue:
        return cue in low
    return cue in words
