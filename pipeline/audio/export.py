"""Recordings to transcript files a CSM can correct by hand and re-ingest like any text."""

from __future__ import annotations

from pathlib import Path

from milepost.pipeline.audio import transcribe_file
from milepost.pipeline.formats.writers import render


def transcript_text(
    path: str | Path, fmt: str, model: str | None = None, speakers: int | None = None
) -> str:
    """Transcribe one recording and render it as vtt, srt, txt or json."""
    return render(transcribe_file(path, model=model, speakers=speakers), fmt)


def write_transcript(
    path: str | Path,
    fmt: str,
    folder: Path | None = None,
    model: str | None = None,
    speakers: int | None = None,
) -> Path:
    """Transcribe one recording into NAME.FMT in `folder` (default: beside the recording)."""
    path = Path(path)
    text = transcript_text(path, fmt, model=model, speakers=speakers)
    dest = (folder or path.parent) / f"{path.stem}.{fmt}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    return dest
