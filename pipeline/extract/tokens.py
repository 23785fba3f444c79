"""A parsed turn's token attributes read once into plain lists.

Every attribute read on a spaCy token builds a Token object and looks its string up; the
sentence features read the same few attributes of every token more than once. A Meeting
builds one Tokens per doc on first use (`Meeting.tokens`), and extractors slice it by a
sentence's token range instead of walking the sentence again. The lists are read in one
`Doc.to_array` call and mapped from string hashes through small caches, not token by token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Tokens:
    """Per-token lists for one doc, indexed like the doc."""

    lower: list[str]
    lemma: list[str]
    """lemma_ lower-cased."""
    pos: list[str]
    tag: list[str]
    content: list[bool]
    """Alphabetic, not a stop word, longer than two characters."""
    ents: list[tuple[int, int, str]]
    """(start, end, label) of the doc's entities, in order."""

    def ent_labels(self, start: int, end: int) -> list[str]:
        """Labels of the entities Span(start, end).ents gives: from the first one starting
        inside the span, up to (not including) the first that runs past its end."""
        out = []
        for s, e, label in self.ents:
            if s >= start:
                if e > end:
                    break
                out.append(label)
        return out


_ATTRS: list[int | str] = ["LOWER", "LEMMA", "TAG", "POS", "IS_ALPHA", "IS_STOP", "LENGTH"]
"""Read by name: importing spacy.attrs here would import spaCy, and with it torch, before
`nlp.load` can keep torch out (see nlp._torch_hidden)."""
# The most strings a cache keeps: a string's hash names it in any StringStore, but a long run
# (spaCy's memory zones forget each meeting's new words) should not keep every word it met.
MAX_STRINGS = 1 << 16


class _Strings(dict[int, str]):
    """Hash -> string (lower-cased when `lower`), looked up in the store on a miss."""

    def __init__(self, lower: bool) -> None:
        super().__init__()
        self.lower = lower
        self.store: StringStore | None = None

    def __missing__(self, key: int) -> str:
        assert self.store is not None
        if len(self) >= MAX_STRINGS:
            self.clear()
        text = self.store[key]
        found = self[key] = text.lower() if self.lower else text
        return found


_AS_IS, _LOWERED = _Strings(lower=False), _Strings(lower=True)


def read(doc: Doc) -> Tokens:
    """The doc's token attributes, from one array of its token attributes."""
    from spacy.parts_of_speech import NAMES  # not at import time: see _ATTRS

    _AS_IS.store = _LOWERED.store = doc.vocab.strings
    table = doc.to_array(_ATTRS)
    lower, lemma, tag, pos = table[:, :4].T.tolist()
    content = (table[:, 4] != 0) & (table[:, 5] == 0) & (table[:, 6] > 2)
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    return Tokens(
        lower=list(map(_AS_IS.__getitem__, lower)),
        lemma=list(map(_LOWERED.__getitem__, lemma)),
        pos=list(map(NAMES.__getitem__, pos)),
        tag=list(map(_AS_IS.__getitem__, tag)),
        content=content.tolist(),
        ents=ents,
    )
