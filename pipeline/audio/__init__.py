"""Recordings in: decode with PyAV, transcribe with faster-whisper, split speakers."""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from milepost.models import Transcript
from milepost.pipeline.audio.decode import probe
from milepost.pipeline.audio.recording import transcribe_recording
from milepost.pipeline.audio.transcriber import WhisperTranscriber

__all__ = ["transcribe_file", "diarization_available"]
log = logging.getLogger("milepost")


def transcribe_file(
    path: str | Path,
    model: str | None = None,
    speakers: int | None = None,
    *,
    progress: bool | None = None,
    vad: bool = True,
    threads: int | None = None,
) -> Transcript:
    """Transcribe a recording with the local Whisper model, speakers labelled SPEAKER_N.

    progress None shows a bar in audio seconds when stderr is a terminal. Without the
    diarize extra a mono recording's turns name no speaker (SPEAKER_1 with speakers=1).
    """
    info = probe(path)  # a bad file fails before the model loads
    transcriber = WhisperTranscriber(model, threads=threads, vad=vad)
    embedder = LazyEmbedder(transcriber.threads) if diarization_available() else None
    show = _interactive() if progress is None else progress
    with _progress_bar(path, info.duration_s, show) as update:
        transcript = transcribe_recording(path, transcriber, embedder, speakers, update)
    if embedder is None and speakers != 1 and not transcript.speakers:
        log.warning(
            "%s: speaker diarization needs the optional extra (pip install "
            "'milepost[diarize]'); speakers are not told apart (no SPEAKER_N labels)",
            path,
        )
    return transcript


def diarization_available() -> bool:
    """Whether the optional `diarize` extra (torch and resemblyzer's weights) is installed."""
    return all(importlib.util.find_spec(name) for name in ("torch", "resemblyzer"))


class LazyEmbedder:
    """Loads torch and the voice encoder only when a mono recording needs them."""

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads
        self._inner = None

    def embed(self, audio: np.ndarray, starts: Sequence[int], length: int) -> np.ndarray:
        if self._inner is None:
            from milepost.pipeline.audio.embed import ResemblyzerEmbedder

            self._inner = ResemblyzerEmbedder(self.threads)  # type: ignore[assignment]
        assert self._inner is not None
        return self._inner.embed(audio, starts, length)


def _interactive() -> bool:
    """A terminal, and not a batch worker process (parallel bars would garble it)."""
    import multiprocessing

    return sys.stderr.isatty() and multiprocessing.parent_process() is None


@contextmanager
def _progress_bar(
    path: str | Path, total: float | None, show: bool
) -> Iterator[Callable[[float], None] | None]:
    if not show:
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=round(total or 0, 1) or None, unit="s", desc=Path(path).name) as bar:

        def update(done: float) -> None:
            bar.update(max(0.0, round(done - bar.n, 1)))

        yield update
