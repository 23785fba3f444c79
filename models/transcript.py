"""The Transcript every reader and the transcriber produce: turns plus file metadata."""

from __future__ import annotations

from pydantic import BaseModel, Field, PrivateAttr


class Turn(BaseModel):
    """One speaker's uninterrupted run of words; text is verbatim from the source."""

    speaker: str | None = None
    start: float | None = None
    end: float | None = None
    text: str
    _joins: tuple[int, ...] = PrivateAttr(default=())
    """Where a reader joined one speaker's consecutive lines into this turn: how many words of
    text come before each later line (formats.turns.merge_runs). Words, not characters, so it
    holds however the text's spaces are squashed. Not a field: it stays out of the JSON."""

    def joins(self) -> tuple[int, ...]:
        """_joins; () for a Turn unpickled from before it had them."""
        return (self.__pydantic_private__ or {}).get("_joins", ())


class Transcript(BaseModel):
    """A meeting as read from one file, before any analysis."""

    source: str
    input_format: str
    turns: list[Turn]
    title: str | None = None
    date: str | None = Field(default=None, description="ISO date found in the file's own metadata")
    description: str | None = None
    duration_s: float | None = None

    @property
    def speakers(self) -> list[str]:
        """Named speakers in order of first appearance."""
        seen: dict[str, None] = {}
        for turn in self.turns:
            if turn.speaker:
                seen.setdefault(turn.speaker, None)
        return list(seen)

    @property
    def word_count(self) -> int:
        return sum(len(t.text.split()) for t in self.turns)
