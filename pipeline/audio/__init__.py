"""Recordings in: decode with PyAV, transcribe with faster-whisper, split speakers."""

from __future__ import annotations

from pathlib import Path

from milepost.models import Transcript
from milepost.pipeline.errors import AudioDecodeError


def transcribe_file(
    path: str | Path, model: str | None = None, speakers: int | None = None
) -> Transcript:
    raise AudioDecodeError("audio input is not supported yet", path)
