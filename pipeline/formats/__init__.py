"""Reading transcripts: decode the bytes, detect the format by content, parse into a Transcript.

Each reader is a module with `sniff(text) -> float` (0..1, how sure it is the
text is its format) and `parse(text, source) -> Transcript`; the highest
sniff wins, and `--input-format NAME` skips detection. A reader may also say
why text gave no turns (`why_empty(text) -> str | None`: captions name a bad cue).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from milepost.models import Transcript
from milepost.pipeline.errors import InputError, TranscriptParseError, UnsupportedFormat
from milepost.pipeline.formats import (
    dump,
    jsonseg,
    meet,
    meta,
    otter,
    plain,
    podcast,
    prose,
    srt,
    vtt,
)
from milepost.pipeline.formats.textio import decode

READERS: dict[str, ModuleType] = {
    "otter": otter,
    "plain": plain,
    "meet": meet,
    "vtt": vtt,
    "srt": srt,
    "json": jsonseg,
    "caption-dump": dump,
    "podcast": podcast,
    "text": prose,
}


def formats() -> list[str]:
    return list(READERS)


def detect(text: str) -> str:
    """The reader whose sniff scores highest; UnsupportedFormat when none fits."""
    best, score = None, 0.0
    for name, reader in READERS.items():
        s = reader.sniff(text)
        if s > score:
            best, score = name, s
    if best is None:
        raise UnsupportedFormat("not a transcript format milepost can read")
    return best


def read(path: str | Path, input_format: str | None = None) -> Transcript:
    """Read a text transcript file into a Transcript, detecting the format unless forced."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", path)
    if path.is_dir():
        raise InputError("is a directory, not a transcript", path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from None
    text = decode(data, path)
    return parse(text, str(path), input_format)


def parse(text: str, source: str, input_format: str | None = None) -> Transcript:
    """Parse decoded text; the date falls back to one in the file name."""
    if not text.strip():
        raise InputError("file is empty", source)
    name = input_format or _detect(text, source)
    if name not in READERS:
        known = ", ".join(READERS)
        raise UnsupportedFormat(f"unknown input format {name!r} (known: {known})", source)
    try:
        transcript = READERS[name].parse(text, source)
    except ValueError as exc:
        raise TranscriptParseError(f"cannot read as {name}: {exc}", source) from None
    if not transcript.turns:
        raise TranscriptParseError(f"{_why_empty(name, text)} (read as {name})", source)
    if transcript.date is None:
        transcript.date = meta.date_in_name(source)
    return transcript


def _why_empty(name: str, text: str) -> str:
    """What the reader can say about text it found nothing in (captions name a bad cue)."""
    why = getattr(READERS[name], "why_empty", None)
    return (why(text) if why else None) or "no transcript text found"


def _detect(text: str, source: str) -> str:
    try:
        return detect(text)
    except UnsupportedFormat as exc:
        raise UnsupportedFormat(exc.message, source) from None
