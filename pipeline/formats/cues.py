"""Timed caption cues (WebVTT, SRT, caption dumps) and how they become turns.

Captions cut speech every few seconds, often mid-sentence. Turns must hold
whole sentences (a quote a user checks should not straddle two turns), so
cues of one speaker are joined; cues with no speaker are joined until a
sentence ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from milepost.models import Turn
from milepost.pipeline.formats import speakers
from milepost.pipeline.formats.clock import CLOCK, seconds
from milepost.pipeline.formats.turns import join_sentences, merge_runs

TIMING = re.compile(rf"^\s*({CLOCK})\s*-->\s*({CLOCK})")


@dataclass
class Cue:
    start: float
    end: float
    lines: list[str] = field(default_factory=list)
    speaker: str | None = None

    @property
    def text(self) -> str:
        return " ".join(ln.strip() for ln in self.lines if ln.strip())


def count_timings(text: str, limit: int = 400) -> int:
    return sum(1 for ln in text.splitlines()[:limit] if TIMING.match(ln))


def read_cues(lines: list[str]) -> list[Cue]:
    """Cues from `start --> end` lines and the text lines under them (ids and headers skipped)."""
    cues: list[Cue] = []
    current: Cue | None = None
    for i, line in enumerate(lines):
        m = TIMING.match(line)
        if m:
            current = Cue(seconds(m.group(1)), seconds(m.group(2)))
            cues.append(current)
        elif not line.strip():
            current = None
        elif current is not None and not _is_cue_id(lines, i):
            current.lines.append(line)
    return cues


def _is_cue_id(lines: list[str], i: int) -> bool:
    """`12` or `6d82…/11-0` right above a timing line (a cue's words have spaces)."""
    nxt = i + 1 < len(lines) and bool(TIMING.match(lines[i + 1]))
    return nxt and len(lines[i].split()) == 1


def label_prefixes(cues: list[Cue]) -> None:
    """Set `speaker` from a `Name: text` prefix when the name recurs like a speaker's would."""
    found = [(cue, lab) for cue in cues if cue.lines and (lab := speakers.label(cue.lines[0]))]
    names = speakers.trusted(lab[0] for _, lab in found)
    for cue, (name, body) in found:
        if cue.speaker is None and name in names:
            cue.speaker = name
            cue.lines[0] = body


def drop_rolling_repeats(cues: list[Cue]) -> list[Cue]:
    """Rolling captions (YouTube, caption dumps) show each line in two cues: keep it once.

    A line is a repeat when it equals a line of the cue before and that cue is still on
    screen (the cues overlap), the line opens a multi-line cue, or the cue only flashes
    (YouTube's 10 ms cues); a plain 'Yeah.' answered by 'Yeah.' in the next cue is kept.
    """
    prev: Cue | None = None
    for cue in cues:
        lines = [ln.strip() for ln in cue.lines if ln.strip()]
        if prev is not None:
            seen = {ln.strip() for ln in prev.lines}
            rolling = cue.start < prev.end - 0.01 or len(lines) > 1 or cue.end - cue.start <= 0.05
            if rolling:
                while lines and lines[0] in seen:
                    lines.pop(0)
        prev = Cue(cue.start, cue.end, [ln.strip() for ln in cue.lines if ln.strip()])
        cue.lines = lines
    return [c for c in cues if c.lines]


def to_turns(cues: list[Cue]) -> list[Turn]:
    """Labelled cues: one turn per speaker run. Unlabelled: joined into whole sentences."""
    if not any(c.speaker for c in cues):
        cues = drop_rolling_repeats(cues)
        return join_sentences([Turn(start=c.start, end=c.end, text=c.text) for c in cues])
    turns: list[Turn] = []
    speaker: str | None = None
    for cue in cues:
        speaker = cue.speaker or speaker  # an unlabelled cue continues the last speaker
        turns.append(Turn(speaker=speaker, start=cue.start, end=cue.end, text=cue.text))
    return merge_runs(turns)
