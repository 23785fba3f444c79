"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32, Windows-1252; binary is refused
(a recording or document by name, with what to do: `media`).

Exports come from Windows tools (UTF-16 from Teams, cp1252 from older Word/Notepad) as
often as from Macs, and nothing says which: the BOM decides when there is one, then the
pattern of zero bytes, then whether the bytes are valid UTF-8.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from milepost.pipeline.errors import InputError
from milepost.pipeline.formats import media

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{1,3}")
_HIGH = re.compile(rb"[\x80-\xff]")


def decode(data: bytes, path: str | Path) -> str:
    if not data.strip():
        raise InputError("file is empty", path)
    if (known := media.what_it_is(data, path)) is not None:
        raise InputError(known, path)  # before the BOMs: a quiet WAV's zeros look like UTF-16
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _normalise(data.decode(codec, errors="replace"))
    if _looks_utf16(data):
        codec = "utf-16-le" if data[1] == 0 else "utf-16-be"
        return _normalise(data.decode(codec, errors="replace"))
    if b"\x00" in data[:4096] or _control_ratio(data[:4096]) > 0.05:
        raise InputError("binary file, not a transcript", path)
    try:
        return _normalise(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _normalise(data.decode(_mostly(data), errors="replace"))


def _mostly(data: bytes) -> str:
    """UTF-8 with a few bad bytes stays UTF-8; otherwise the bytes are Windows-1252."""
    utf8_bytes = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    return "utf-8" if utf8_bytes > 0.9 * len(_HIGH.findall(data)) else "cp1252"


def _looks_utf16(data: bytes) -> bool:
    sample = data[:200]
    if len(sample) < 4:
        return False
    even_zeros = sample[1::2].count(0) / max(1, len(sample[1::2]))
    odd_zeros = sample[0::2].count(0) / max(1, len(sample[0::2]))
    return even_zeros > 0.6 or odd_zeros > 0.6


def _control_ratio(data: bytes) -> float:
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / max(1, len(data))


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
