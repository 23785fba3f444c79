"""Bytes to text: UTF-8 (with or without BOM), UTF-16, Windows-1252; binary is refused."""

from __future__ import annotations

import codecs
from pathlib import Path

from milepost.pipeline.errors import InputError


def decode(data: bytes, path: str | Path) -> str:
    if not data.strip():
        raise InputError("file is empty", path)
    if data.startswith(codecs.BOM_UTF8):
        return _normalise(data[3:].decode("utf-8", errors="replace"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _normalise(data.decode("utf-16"))
    if _looks_utf16(data):
        return _normalise(data.decode("utf-16-le" if data[1] == 0 else "utf-16-be"))
    if b"\x00" in data[:4096] or _control_ratio(data[:4096]) > 0.05:
        raise InputError("binary file, not a transcript", path)
    try:
        return _normalise(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _normalise(data.decode("cp1252", errors="replace"))


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
