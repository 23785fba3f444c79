"""Any input path to a Transcript: readers for text, Whisper for recordings."""

from __future__ import annotations

from pathlib import Path

from milepost.models import Transcript
from milepost.pipeline import formats
from milepost.pipeline.errors import InputError
from milepost.pipeline.formats.media import AUDIO_EXTENSIONS, is_audio
from milepost.pipeline.sidecar import FOLDER_SIDECAR, SUFFIX, is_sidecar

__all__ = [
    "AUDIO_EXTENSIONS",
    "LABELS_SUFFIX",
    "is_audio",
    "is_companion",
    "load_transcript",
    "not_a_transcript",
]

LABELS_SUFFIX = ".labels.json"


def not_a_transcript(path: Path) -> str | None:
    """Why a file that sits beside meetings is none itself: a sidecar or a labels file (read
    as one, a sidecar's YAML became an empty meeting flagged as having no agreed goal)."""
    if path.name == FOLDER_SIDECAR:
        return (
            "a sidecar (account, date and roster of the meetings in its folder), not a transcript"
        )
    for suffix, what in ((SUFFIX, "a sidecar for"), (LABELS_SUFFIX, "the labels of")):
        if path.name.endswith(suffix):
            stem = path.name[: -len(suffix)]
            meeting = [p.name for p in sorted(path.parent.glob(f"{stem}.*")) if not is_companion(p)]
            return f"{what} {meeting[0] if meeting else stem + '.*'}, not a transcript"
    return None


def is_companion(path: Path) -> bool:
    """A file kept beside meetings that is none itself: a sidecar or a labels file."""
    return is_sidecar(path) or path.name.endswith(LABELS_SUFFIX)


def load_transcript(
    path: str | Path,
    input_format: str | None = None,
    model: str | None = None,
    speakers: int | None = None,
) -> Transcript:
    """Read a transcript file, or transcribe a recording with the local Whisper model."""
    if (why := not_a_transcript(Path(path))) is not None:
        raise InputError(why, path)
    if is_audio(path) and input_format is None:
        from milepost.pipeline.audio import transcribe_file

        return transcribe_file(path, model=model, speakers=speakers)
    return formats.read(path, input_format)
