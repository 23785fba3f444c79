"""Any input path to a Transcript: readers for text, Whisper for recordings."""

from __future__ import annotations

from pathlib import Path

from milepost.models import Transcript
from milepost.pipeline import formats
from milepost.pipeline.formats.media import AUDIO_EXTENSIONS, is_audio

__all__ = ["AUDIO_EXTENSIONS", "is_audio", "load_transcript"]


def load_transcript(
    path: str | Path,
    input_format: str | None = None,
    model: str | None = None,
    speakers: int | None = None,
) -> Transcript:
    """Read a transcript file, or transcribe a recording with the local Whisper model."""
    if is_audio(path) and input_format is None:
        from milepost.pipeline.audio import transcribe_file

        return transcribe_file(path, model=model, speakers=speakers)
    return formats.read(path, input_format)
