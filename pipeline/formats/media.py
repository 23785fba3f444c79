"""Recordings and documents under a transcript's name, told apart by their first bytes.

A call saved as `call.txt`, or a Word file or PDF given as a transcript, would be refused
as binary (or worse, misread: a quiet WAV's zeros look like UTF-16); naming what it is and
the extension that gets it read saves the user a guess. The signatures are fixed by each
container's specification, like the BOMs in `textio`, so they live here, not in a data file.
"""

from __future__ import annotations

import re
from pathlib import Path

AUDIO_EXTENSIONS = frozenset(
    {".wav", ".mp3", ".m4a", ".flac", ".ogg", ".opus", ".webm", ".aac", ".wma"}
    | {".mp4", ".m4v", ".mov", ".mkv", ".avi", ".wmv"}  # video: its audio track is transcribed
)

# (pattern over the first bytes, what it is, the extension that reads it); first match wins
_RECORDINGS: tuple[tuple[re.Pattern[bytes], str, str], ...] = tuple(
    (re.compile(pattern, re.S), kind, ext)
    for pattern, kind, ext in (
        (rb"RIFF.{4}WAVE", "a WAV recording", ".wav"),
        (rb"RIFF.{4}AVI ", "an AVI video", ".avi"),
        (rb"ID3[\x02-\x04]", "an MP3 recording", ".mp3"),
        (rb"\xff[\xe2\xe3\xf2\xf3\xfa\xfb]", "an MP3 recording", ".mp3"),  # frame sync, no tag
        (rb"\xff[\xf1\xf9]", "an AAC recording", ".aac"),  # ADTS
        # ISO/QuickTime boxes open with a 4-byte size: a first box under 16 MB starts with 0
        (rb"\x00.{3}ftyp(?:M4A |M4B |M4P |F4A )", "an M4A recording", ".m4a"),
        (rb"\x00.{3}ftypqt  ", "a QuickTime (MOV) recording", ".mov"),
        (rb"\x00.{3}ftyp", "an MP4 recording", ".mp4"),
        (rb"\x00.{3}(?:moov|mdat|wide|free|skip)", "a QuickTime (MOV) recording", ".mov"),
        (rb"OggS\x00.{22,60}OpusHead", "an Opus recording", ".opus"),
        (rb"OggS\x00", "an Ogg recording", ".ogg"),
        (rb"fLaC[\x00-\x06\x80-\x86]", "a FLAC recording", ".flac"),
        (rb"\x1a\x45\xdf\xa3", "a WebM (Matroska) recording", ".webm"),
        (rb"\x30\x26\xb2\x75\x8e\x66\xcf\x11", "a WMA (ASF) recording", ".wma"),
    )
)
_DOCUMENTS: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(pattern, re.S), message)
    for pattern, message in (
        (rb"%PDF-\d\.\d", "a PDF document, not a transcript: save its text as .txt"),
        (
            rb"PK\x03\x04.{26}(?:word/|\[Content_Types\]\.xml)",
            "a Word (or other Office) document, not a transcript: save it as plain text (.txt)",
        ),
        (rb"PK\x03\x04", "a ZIP archive, not a transcript: unzip it and give the files inside"),
        (
            rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old-style Office document, not a transcript: save it as plain text (.txt)",
        ),
    )
)


def is_audio(path: str | Path) -> bool:
    """A recording by its extension (how `load` decides to transcribe)."""
    return Path(path).suffix.lower() in AUDIO_EXTENSIONS


def what_it_is(data: bytes, path: str | Path) -> str | None:
    """Why a file holding a recording or document is not a transcript, and what to do; None
    when its first bytes match no container milepost knows."""
    head = data[:96]
    for pattern, kind, ext in _RECORDINGS:
        if pattern.match(head):
            return _recording(kind, ext, Path(path))
    return next((message for pattern, message in _DOCUMENTS if pattern.match(head)), None)


def _recording(kind: str, ext: str, path: Path) -> str:
    if is_audio(path):  # read as text only because --input-format asked for it
        return f"{kind}, not a text transcript: leave out --input-format to transcribe it"
    return f"{kind}, not a transcript: rename it to {path.stem}{ext} to transcribe it"
