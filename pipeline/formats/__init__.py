"""Reading transcripts: decode the bytes, detect the format by content, parse into a Transcript."""

from __future__ import annotations

from pathlib import Path

from milepost.models import Transcript
from milepost.pipeline.errors import InputError, UnsupportedFormat
from milepost.pipeline.formats import otter, plain
from milepost.pipeline.formats.textio import decode

# name -> module with `sniff(text) -> float` (0..1) and `parse(text, source) -> Transcript`.
READERS = {
    "otter": otter,
    "plain": plain,
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
    data = path.read_bytes()
    text = decode(data, path)
    return parse(text, str(path), input_format)


def parse(text: str, source: str, input_format: str | None = None) -> Transcript:
    if not text.strip():
        raise InputError("file is empty", source)
    name = input_format or _detect(text, source)
    if name not in READERS:
        raise UnsupportedFormat(f"unknown input format {name!r}", source)
    transcript = READERS[name].parse(text, source)
    if not transcript.turns:
        raise InputError(f"no transcript text found (read as {name})", source)
    return transcript


def _detect(text: str, source: str) -> str:
    try:
        return detect(text)
    except UnsupportedFormat as exc:
        raise UnsupportedFormat(exc.message, source) from None
