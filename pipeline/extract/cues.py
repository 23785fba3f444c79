"""Matching cue phrases on normalised words, so data files stay plain phrases ("go live")."""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lower-cased words joined by single spaces and padded, e.g. ' go live date '; an
    apostrophe, straight or curly, joins its word ("don’t" is ' dont ')."""
    return " " + " ".join(normal_words(text)) + " "


def normal_words(text: str) -> list[str]:
    """The words normalise joins, as a list."""
    return _WORD.findall(text.lower().replace("'", "").replace("\u2019", ""))


class CueSet:
    """A list of phrases compiled once; `hits(text)` says which of them occur in a text."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = [p for p in dict.fromkeys(phrases) if normalise(p).strip()]
        self._keys = [normalise(p) for p in self.phrases]

    def hits(self, text: str) -> list[str]:
        norm = normalise(text)
        return [p for p, k in zip(self.phrases, self._keys, strict=True) if k in norm]

    def count(self, text: str) -> int:
        norm = normalise(text)
        return sum(norm.count(k) for k in self._keys)
