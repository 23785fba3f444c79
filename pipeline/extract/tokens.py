"""A parsed turn's token attributes read once into plain lists.

Every attribute read on a spaCy token builds a Token object and looks its string up; the
sentence features read the same few attributes of every token more than once. A Meeting
builds one Tokens per doc on first use (`Meeting.tokens`), and extractors slice it by a
sentence's token range instead of walking the sentence again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    doc: Doc = field(repr=False, compare=False)

    @cached_property
    def ents(self) -> list[tuple[int, int, str]]:
        """(start, end, label) of the doc's entities, in order, read on first use: the doc
        must have them by then (Meeting.with_entities)."""
        return [(e.start, e.end, e.label_) for e in self.doc.ents]

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


def read(doc: Doc) -> Tokens:
    """The doc's token attributes, one pass over its tokens."""
    lower, lemma, pos, tag, content = [], [], [], [], []
    for t in doc:
        lower.append(t.lower_)
        lemma.append(t.lemma_.lower())
        pos.append(t.pos_)
        tag.append(t.tag_)
        content.append(t.is_alpha and not t.is_stop and len(t) > 2)
    return Tokens(lower, lemma, pos, tag, content, doc)
