"""The cue lists that tell a done statement, read once from `data/completion.yaml`.

completion.py holds the matching logic; this module turns the data file into sets and
padded phrases it can test with set operations and substring checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


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
    not_blockers: tuple[str, ...]
    """padded phrases that hold a blocker but block nothing ("let me know")"""
    not_past: frozenset[str]
    irregular: dict[str, str]
    stopwords: frozenset[str]
    min_shared: int
    min_share: float
    min_head_share: float
    weak_heads: frozenset[str]
    """head nouns said of many things ("time", "call"): named alone they close nothing"""
    generic_verbs: frozenset[str]
    """stems of the verbs among the stopwords ("take", "get")"""
    triggers: frozenset[str]
    """words without which a sentence cannot say something was done (besides any -ed word)"""
    same_deed: dict[str, frozenset[str]]
    """verb stem -> the stems of verbs that report the same deed ("emailed" for "send")"""
    done_as: dict[str, tuple[str, ...]]
    """verb stem -> padded past phrases that report it (" went over " for "review")"""
    thanks: tuple[str, ...]
    """padded phrases after which an -ing verb reports a deed done ("thanks for reviewing")"""
    object_ends: frozenset[str]
    """words that end a verb's object: prepositions and the like ("for", "with", "by")"""
    clause_starts: frozenset[str]
    """words that open a clause as an object ("which", "whether"): no head noun to match"""
    done_words: frozenset[str]
    """stems of the one-word generic cues: they say "done", not what was done"""
    noun_starts: frozenset[str]
    """words after "and" that continue a noun list, not a second verb ("the", "our", "two")"""
    phrase_openers: frozenset[str]
    """adverbs that may open a second verb phrase ("and then send")"""


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lists, loaded once from the package data file."""
    text = resources.files("milepost.pipeline").joinpath("data/completion.yaml").read_text()
    raw = yaml.safe_load(text)
    generic = CueSet.of(raw["generic_done"])
    irregular = {str(k): str(v) for k, v in raw["irregular"].items()}
    done_as = {str(v): tuple(f" {p} " for p in ps) for v, ps in raw["done_as"].items()}
    thanks = tuple(f" {p} " for p in raw["thanks_for"])
    return Cues(
        generic_done=generic,
        blockers=CueSet.of(raw["blockers"]),
        not_blockers=tuple(f" {p} " for p in raw["not_blockers"]),
        not_past=frozenset(raw["not_past"]),
        irregular=irregular,
        stopwords=frozenset(str(w) for w in raw["stopwords"]),
        min_shared=int(raw["min_shared"]),
        min_share=float(raw["min_share"]),
        min_head_share=float(raw["min_head_share"]),
        weak_heads=frozenset(suffix_stem(str(w)) for w in raw["weak_heads"]),
        generic_verbs=frozenset(suffix_stem(str(w)) for w in raw["stopwords"]),
        triggers=frozenset(irregular)
        | generic.words
        | frozenset(generic.phrases)
        | {p.split()[0] for ps in done_as.values() for p in ps}
        | {p.split()[0] for p in thanks},
        same_deed=_groups(raw["same_deed"]),
        done_as=done_as,
        thanks=thanks,
        object_ends=frozenset(raw["object_ends"]),
        clause_starts=frozenset(raw["clause_starts"]),
        done_words=frozenset(suffix_stem(w) for w in generic.words),
        noun_starts=frozenset(str(w) for w in raw["noun_starts"]),
        phrase_openers=frozenset(raw["phrase_openers"]),
    )


def _groups(groups: list[list[str]]) -> dict[str, frozenset[str]]:
    """Each verb of a group -> the stems of the whole group (itself included)."""
    out: dict[str, frozenset[str]] = {}
    for group in groups:
        stems = frozenset(suffix_stem(str(v)) for v in group)
        out.update((s, stems) for s in stems)
    return out


def suffix_stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e") if len(word) > 3 else word
