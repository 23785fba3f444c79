"""Otter-style transcripts: `[0:01:44] Name: text` paragraphs (or `[0:01:44] text`, no speaker)."""

from __future__ import annotations

import re

from milepost.models import Transcript, Turn
from milepost.pipeline.formats import speakers
from milepost.pipeline.formats.clock import CLOCK, seconds
from milepost.pipeline.formats.plain import header
from milepost.pipeline.formats.turns import fill_ends, join, transcript

# `[0:01:44] Name: text`, also `(0:01:44)` or a bare `0:01:44 Name: text`; never a cue timing
LINE = re.compile(rf"^(?!.*-->)(?:\[({CLOCK})\]|\(({CLOCK})\)|({CLOCK})(?=\s))\s*(.*)$")


def sniff(text: str) -> float:
    lines = [ln for ln in text.splitlines() if ln.strip()][:200]
    hits = sum(1 for ln in lines if LINE.match(ln.strip()))
    if hits < 1:
        return 0.0
    return 0.95 * min(1.0, hits / (0.5 * len(lines)))


def parse(text: str, source: str) -> Transcript:
    lines = text.splitlines()
    stamped = [_stamp(m) for ln in lines if (m := LINE.match(ln.strip()))]
    labels = [lab[0] for _, rest in stamped if (lab := speakers.label(rest))]
    # Otter labels every paragraph; only when most lines lack one must a name earn its place
    names = set(labels) if len(labels) >= 0.5 * len(stamped) else speakers.trusted(labels)
    turns: list[Turn] = []
    preamble: list[str] = []
    for line in lines:
        m = LINE.match(line.strip())
        if m:
            stamp, rest = _stamp(m)
            lab = speakers.label(rest)
            speaker, body = lab if lab and lab[0] in names else (None, rest)
            turns.append(Turn(speaker=speaker, start=seconds(stamp), text=body))
        elif turns:
            turns[-1].text = join(turns[-1].text, line.strip())
        elif line.strip():
            preamble.append(line.strip())
    fill_ends(turns)
    return transcript(source, "otter", turns, **header(preamble))


def _stamp(m: re.Match[str]) -> tuple[str, str]:
    """(timestamp, rest of the line) whichever bracket style matched."""
    return next(g for g in m.groups()[:3] if g), m.group(4)
