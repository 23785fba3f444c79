"""Where a stage cue is said: in the meeting's purpose statement, about the past, or not at all.

Counting cues alone lets a word said in passing outvote the agenda ("at the QBR in
November" in an expansion call). This module reads the sentence around a cue: a cue in
the opening purpose statement ("so the plan for today...") names the meeting's stage, a
cue just after "since" or "at the last" names a stage already behind the customer, a
cue the opening says the meeting will not do ("I don't want to demo today") names what
it is not, some everyday phrases ("just to kick off") only look like cues, and a few
phrases settle a stage wherever they are said ("how did you hear about us": awareness).
The phrases live in data/stage/context.yaml and apply to any journey map; like the map's
cues they may offer choices ('{new|another} {site|team}', variants()). Words are lightly
stemmed on both sides so a cue's inflections match ("renewals coming up", "signs", "trained").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from milepost.pipeline.extract.cues import normal_words

DATA = "data/stage/context.yaml"
_CHOICE = re.compile(r"\{([^{}]*)\}")
NEGATION_REACH = 6
"""A negation counts for a cue this many words after it ("dont want to do a big demo")."""


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude suffix stem, the same for a cue and the talk ("renewals" and "renewal")."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def variants(phrase: str) -> list[str]:
    """A phrase with choices ('{new|another} {site|team}') as every phrase it stands for."""
    found = _CHOICE.search(phrase)
    if not found:
        return [phrase]
    head, tail = phrase[: found.start()], phrase[found.end() :]
    return [v for option in found.group(1).split("|") for v in variants(head + option + tail)]


def words(text: str) -> str:
    """Normalised, stemmed words joined by single spaces and padded: ' renewal come up '."""
    return " " + " ".join(map(stem, normal_words(text))) + " "


def key_word(phrase: str) -> str:
    """The word a phrase is looked up by: its longest (the first of equals), which is rarely
    an everyday one ('what are you using today' by 'using'); "" for no words."""
    return max(phrase.split(), key=len, default="")


@dataclass(frozen=True)
class Context:
    purpose: tuple[str, ...]
    past: tuple[str, ...]
    ignore: tuple[str, ...]
    negated: tuple[str, ...]
    decides: tuple[tuple[str, str, str], ...]
    """(stage id, phrase, name): said anywhere, the phrase settles the meeting's stage; the
    phrases of one entry with choices share its name and count as one cue."""

    def is_purpose(self, norm: str) -> bool:
        """Whether a sentence (from words()) opens a statement of the meeting's purpose."""
        return self._purpose_any.search(norm) is not None

    def is_past(self, norm: str, start: int) -> bool:
        """Whether the words before position `start` place the cue there in the past."""
        before = norm[: start + 1]
        return any(before.endswith(p) for p in self.past)

    def is_negated(self, norm: str, start: int) -> bool:
        """Whether the cue at `start` is what someone says the meeting will not do."""
        before = " " + " ".join(norm[: start + 1].split()[-NEGATION_REACH:]) + " "
        return any(p in before for p in self.negated)

    def settling(self, norm: str, said: set[str]) -> list[tuple[str, str]]:
        """(stage id, name) of each settling phrase in the sentence (its words `said`)."""
        index = self._decides_by_word
        places = sorted({k for word in said & index.keys() for k in index[word]})
        found = (self.decides[k] for k in places)
        return [(sid, name) for sid, phrase, name in found if phrase in norm]

    def strip_ignored(self, norm: str) -> str:
        """The sentence with everyday phrases that only look like cues blanked out."""
        for word in self._ignore_first.keys() & norm.split():
            for phrase in self._ignore_first[word]:
                norm = norm.replace(phrase, " ~ ")
        return norm

    @cached_property
    def _purpose_any(self) -> re.Pattern[str]:
        """The purpose phrases as one search: any of them occurring in the sentence."""
        return re.compile("|".join(map(re.escape, self.purpose)) or "(?!)")

    @cached_property
    def _decides_by_word(self) -> dict[str, tuple[int, ...]]:
        """Settling phrases (their place in `decides`) by their longest word, so a sentence
        is only checked for the phrases that can occur in it."""
        found: dict[str, tuple[int, ...]] = {}
        for k, (_, phrase, _) in enumerate(self.decides):
            key = key_word(phrase)
            found[key] = found.get(key, ()) + (k,)
        return found

    @cached_property
    def _ignore_first(self) -> dict[str, tuple[str, ...]]:
        """Ignored phrases by their first word: most sentences hold none of those words."""
        found: dict[str, tuple[str, ...]] = {}
        for phrase in self.ignore:
            first = phrase.split()[0]
            found[first] = found.get(first, ()) + (phrase,)
        return found


@lru_cache(maxsize=1)
def context() -> Context:
    """The packaged phrase lists, read once."""
    text = resources.files("milepost.pipeline").joinpath(DATA).read_text("utf-8")
    data = yaml.safe_load(text)
    return Context(
        purpose=_phrases(data["purpose"]),
        past=_phrases(data["past"]),
        ignore=_phrases(data["ignore"]),
        negated=_phrases(data["negated"]),
        decides=tuple(
            (sid, phrase, entry)
            for sid, entries in data["decides"].items()
            for entry in entries
            for phrase in _phrases([entry])
        ),
    )


def _phrases(items: list[str]) -> tuple[str, ...]:
    """The phrases as stemmed words, each choice spelled out, each once."""
    found = (words(v) for i in items for v in variants(i))
    return tuple(dict.fromkeys(w for w in found if w.strip()))
