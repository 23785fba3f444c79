"""Otter-style transcripts: `[0:01:44] Name: text` paragraphs."""

from __future__ import annotations

import re

from milepost.models import Transcript, Turn
from milepost.pipeline.formats.clock import CLOCK, seconds
from milepost.pipeline.formats.plain import header
from milepost.pipeline.formats.turns import fill_ends, join, transcript

LINE = re.compile(rf"^\[({CLOCK})\]\s*([^:\n]{{1,60}}?):\s*(.*)$")


def sniff(text: str) -> float:
    lines = [ln for ln in text.splitlines() if ln.strip()][:200]
    hits = sum(1 for ln in lines if LINE.match(ln.strip()))
    if hits < 2:
        return 0.0
    return 0.95 * min(1.0, hits / (0.5 * len(lines)))


def parse(text: str, source: str) -> Transcript:
    turns: list[Turn] = []
    preamble: list[str] = []
    for line in text.splitlines():
        m = LINE.match(line.strip())
        if m:
            stamp, speaker, body = m.groups()
            turns.append(Turn(speaker=speaker.strip(), start=seconds(stamp), text=body))
        elif turns:
            turns[-1].text = join(turns[-1].text, line.strip())
        elif line.strip():
            preamble.append(line.strip())
    fill_ends(turns)
    return transcript(source, "otter", turns, **header(preamble))
