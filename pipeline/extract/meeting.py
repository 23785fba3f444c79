"""The parsed meeting every extractor reads: turns, their spaCy docs, the date and the sides."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar

from milepost.models import SpeakerSide, Transcript
from milepost.pipeline.extract import tokens as tokens_

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokens import Doc

T = TypeVar("T")


@dataclass
class Meeting:
    transcript: Transcript
    docs: list[Doc]
    """One spaCy Doc per turn, same order as transcript.turns (doc.text == turn.text)."""
    date: date | None = None
    roster: dict[str, SpeakerSide] = field(default_factory=dict)
    """Sides given by the user (--vendor/--customer or a sidecar file)."""
    sides: dict[str, SpeakerSide] = field(default_factory=dict)
    """Sides for every named speaker after inference; roster entries win."""
    names: dict[str, str] = field(default_factory=dict)
    """Speaker label -> person's name learned from the talk (e.g. SPEAKER_00 -> Felix)."""
    ner: Callable[[list[Doc]], None] | None = field(default=None, repr=False, compare=False)
    """Finds the named entities of the docs given, in place, where the docs were parsed without
    them (Analyzer: NER is run only on the turns whose entities are read); None: every doc has
    its entities already (a full pipeline's docs)."""
    _tokens: dict[int, tokens_.Tokens] = field(default_factory=dict, repr=False, compare=False)
    _with_entities: set[int] = field(default_factory=set, repr=False, compare=False)

    def __setstate__(self, state: dict) -> None:
        """A Meeting pickled before `ner` (and its record of the docs given entities) existed
        reads as one whose docs all have their entities, as they had (training caches)."""
        self.__dict__.update({"ner": None, "_with_entities": set()})
        self.__dict__.update(state)

    def has_entities(self, turn: int) -> bool:
        """Whether the turn's doc has its named entities (doc.ents, token.ent_type_) set."""
        return self.ner is None or turn in self._with_entities

    def with_entities(self, turns: Iterable[int]) -> None:
        """Give these turns' docs their named entities, all in one batch, before reading them:
        every reader of doc.ents or token.ent_type_ calls this first for the turns it reads."""
        if self.ner is None:
            return
        todo = sorted(set(turns) - self._with_entities)
        if todo:
            self.ner([self.docs[k] for k in todo])
            self._with_entities.update(todo)

    def entity_doc(self, turn: int) -> Doc:
        """The turn's doc, with its named entities."""
        self.with_entities([turn])
        return self.docs[turn]

    def tokens(self, turn: int) -> tokens_.Tokens:
        """The turn's token attributes as plain lists, read from its doc once."""
        found = self._tokens.get(turn)
        if found is None:
            found = self._tokens[turn] = tokens_.read(self.docs[turn])
        return found

    def span_text(self, turn: int, start: int, end: int) -> str:
        """docs[turn][start:end].text, cut from the turn's text (doc.text == turn.text):
        spaCy joins the span's tokens on every read."""
        if start >= end:
            return ""
        doc = self.docs[turn]
        last = doc[end - 1]
        return self.transcript.turns[turn].text[doc[start].idx : last.idx + len(last)]

    def side_of(self, speaker: str | None) -> SpeakerSide:
        if speaker is None:
            return "unknown"
        return self.sides.get(speaker, "unknown")

    def owner_name(self, speaker: str | None) -> str | None:
        """The name to show as a step owner for this speaker label."""
        if speaker is None:
            return None
        return self.names.get(speaker, speaker)

    def next_other(self, turn: int) -> int | None:
        """The next turn, when it is by someone else (or speakers are unknown)."""
        turns = self.transcript.turns
        j = turn + 1
        if j >= len(turns):
            return None
        if turns[j].speaker is not None and turns[j].speaker == turns[turn].speaker:
            return None
        return j


class LastRead(Generic[T]):
    """A value computed for the meeting last read, kept while its key is the very same objects
    (identity: a Meeting is not hashable, and training scripts hand the same Meeting other docs):
    every goal, statement or extractor that reads it again gets it without a second pass."""

    def __init__(self) -> None:
        self._last: tuple[tuple[object, ...], T] | None = None

    def get(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        last = self._last
        if (
            last is None
            or len(last[0]) != len(key)
            or any(a is not b for a, b in zip(last[0], key, strict=True))
        ):
            last = self._last = (key, compute())
        return last[1]

    def clear(self) -> None:
        self._last = None
