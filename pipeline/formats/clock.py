"""Timestamps as transcripts write them (`0:01:44`, `00:00:04`, `00:00:02,114`) to seconds."""

from __future__ import annotations

import re

# h:mm:ss, mm:ss, with an optional fraction after `.` or `,`
CLOCK = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_PARTS = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$")


def seconds(stamp: str) -> float:
    """`1:02:03.5` -> 3723.5; ValueError when it is not a clock time."""
    m = _PARTS.match(stamp.strip())
    if not m:
        raise ValueError(f"not a timestamp: {stamp!r}")
    h, mi, s, frac = m.groups()
    value = int(h or 0) * 3600 + int(mi) * 60 + int(s)
    if frac:
        value += int(frac) / 10 ** len(frac)
    return round(value, 3)
