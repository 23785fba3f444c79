"""The seam between milepost and Whisper: audio in, timed text segments out, as a stream."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from milepost.pipeline.audio.model import default_threads, load_whisper, resolve_model


@dataclass
class Word:
    """A recognised word with its time; `speaker` is filled in by diarization."""

    start: float
    end: float
    text: str
    speaker: int = 0


@dataclass
class Segment:
    """One stretch of recognised speech, times in seconds from the start of its audio."""

    start: float
    end: float
    text: str
    speaker: str | None = None
    words: list[Word] = field(default_factory=list)


class Transcriber(Protocol):
    """Anything that turns 16 kHz mono float32 audio into segments (tests use a fake)."""

    def transcribe(self, audio: np.ndarray, words: bool = True) -> Iterator[Segment]: ...


class WhisperTranscriber:
    """faster-whisper on CPU, int8, one thread per core, Silero VAD on by default."""

    def __init__(
        self, model: str | None = None, threads: int | None = None, vad: bool = True
    ) -> None:
        self.folder: Path = resolve_model(model)
        self.threads = threads or default_threads()
        self.vad = vad
        self.model = load_whisper(self.folder, self.threads)

    def transcribe(self, audio: np.ndarray, words: bool = True) -> Iterator[Segment]:
        """Segments as Whisper produces them, their times tightened to the first and last word.

        Segment times alone can stretch over a pause that VAD removed, which misorders
        the two channels of a call when they are merged by time; word times cost little.
        """
        segments, _info = self.model.transcribe(audio, vad_filter=self.vad, word_timestamps=words)
        for seg in segments:
            text = seg.text.strip()
            if not text:
                continue
            timed = [Word(float(w.start), float(w.end), w.word) for w in seg.words or []]
            start, end = (timed[0].start, timed[-1].end) if timed else (seg.start, seg.end)
            yield Segment(float(start), float(end), text, words=timed)
