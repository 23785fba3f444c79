"""Google Meet / Zoom text exports: a `Name` line, a `00:00:04` line, then what they said;
also Otter's own .txt export, where name and time share a line (`Priya Nair  0:04`), and
anonymous labels with the time in brackets (`Speaker 1 (0:04)`).

An optional first line is the meeting title (`Acme x Globex - kickoff - Transcript`).
"""

from __future__ import annotations

import re

from milepost.models import Transcript, Turn
from milepost.pipeline.formats import meta, speakers
from milepost.pipeline.formats.clock import CLOCK, seconds
from milepost.pipeline.formats.turns import fill_ends, join, transcript

STAMP = re.compile(rf"^\s*({CLOCK})\s*$")
NAME_STAMP = re.compile(rf"^(\S[^\t]{{0,58}}?)(?:\s{{2,}}|\t)({CLOCK})\s*$")
# `Speaker 1 (0:02)`, `SPEAKER_00 [00:00:02]:` (anonymous labels only: `Intro (0:00)` is a chapter)
LABEL_STAMP = re.compile(rf"^(\S.{{0,30}}?)\s*[(\[]({CLOCK})[)\]]:?\s*$")
_TITLE_SUFFIX = re.compile(r"\s*[-–—|:]\s*transcript\s*$", re.I)


def _heads(lines: list[str]) -> list[tuple[int, int, str, float]]:
    """(head line, first text line, speaker, start) for each turn's header."""
    heads = []
    for i, line in enumerate(lines):
        if i > 0 and STAMP.match(line) and 0 < len(lines[i - 1].strip()) <= 60:
            heads.append((i - 1, i + 1, lines[i - 1].strip(), seconds(line)))
        elif m := _name_stamp(line):
            heads.append((i, i + 1, m.group(1).strip(), seconds(m.group(2))))
    return heads


def _name_stamp(line: str) -> re.Match[str] | None:
    """`Priya Nair  0:04`, or an anonymous label with the time in brackets."""
    m = NAME_STAMP.match(line)
    if m is None and (m := LABEL_STAMP.match(line)) and not speakers.is_generic(m.group(1)):
        return None
    return m


def sniff(text: str) -> float:
    lines = text.splitlines()[:300]
    heads = _heads(lines)
    nonempty = sum(1 for ln in lines if ln.strip())
    if len(heads) < 2:
        return 0.0
    return 0.95 * min(1.0, len(heads) / (0.3 * nonempty))


def parse(text: str, source: str) -> Transcript:
    lines = text.splitlines()
    heads = _heads(lines)
    turns: list[Turn] = []
    for n, (_, first, speaker, start) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        body = ""
        for line in lines[first:stop]:
            body = join(body, line.strip())
        turns.append(Turn(speaker=speaker, start=start, text=body))
    fill_ends(turns)
    preamble = [ln.strip() for ln in lines[: heads[0][0]] if ln.strip()] if heads else []
    title = _TITLE_SUFFIX.sub("", preamble[0]) if preamble else None
    return transcript(
        source, "meet", turns, title=title or None, date=meta.find_date("\n".join(preamble))
    )
