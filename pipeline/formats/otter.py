"""Otter-style transcripts: `[0:01:44] Name: text` paragraphs."""

from __future__ import annotations

import re

from milepost.models import Transcript, Turn

LINE = re.compile(r"^\[(\d+):(\d{2}):(\d{2})\]\s*([^:\n]{1,60}):\s*(.*)$")


def sniff(text: str) -> float:
    lines = [ln for ln in text.splitlines() if ln.strip()][:40]
    if not lines:
        return 0.0
    return 0.95 * sum(1 for ln in lines if LINE.match(ln)) / len(lines)


def parse(text: str, source: str) -> Transcript:
    turns: list[Turn] = []
    for line in text.splitlines():
        m = LINE.match(line.strip())
        if m:
            h, mi, s, speaker, body = m.groups()
            start = int(h) * 3600 + int(mi) * 60 + int(s)
            turns.append(Turn(speaker=speaker.strip(), start=float(start), text=body.strip()))
        elif line.strip() and turns:
            turns[-1].text = f"{turns[-1].text} {line.strip()}".strip()
    for a, b in zip(turns, turns[1:], strict=False):
        a.end = b.start
    return Transcript(source=source, input_format="otter", turns=[t for t in turns if t.text])
