"""Timed caption cues (WebVTT, SRT, caption dumps) and how they become turns.

Captions cut speech every few seconds, often mid-sentence. Turns must hold
whole sentences (a quote a user checks should not straddle two turns), so
cues of one speaker are joined; cues with no speaker are joined until a
sentence ends.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from milepost.models import Transcript, Turn
from milepost.pipeline.formats import speakers
from milepost.pipeline.formats.clock import CLOCK, seconds
from milepost.pipeline.formats.turns import join_sentences, merge_runs, transcript

TIMING = re.compile(rf"^\s*({CLOCK})\s*-->\s*({CLOCK})")
# A line meant as a cue's timing that TIMING cannot read: any `-->` (cue text may not hold
# one), or two clock times and nothing else ('00:00:01,000 -> 00:00:02,000')
MISTIMED = re.compile(rf"-->|^\s*{CLOCK}\s*[-–—=>→~]{{1,3}}\s*{CLOCK}\s*$")
_SHOWN = 48  # characters of a bad timing line quoted in a message
log = logging.getLogger("milepost")


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


def timing_line(line: str) -> bool:
    """A cue's timing line, read or meant (`00:00:01,000 -> 00:00:02,000`)."""
    return bool(TIMING.match(line) or MISTIMED.search(line))


def parse(text: str, source: str, fmt: str, split: Callable[[Cue], list[Cue]]) -> Transcript:
    """A caption file's transcript: its cues (each made into cues by `split`: cleaned, or one
    per voice), speaker prefixes read, turns joined; mistimed cues warned of when text was read."""
    lines = text.splitlines()
    mistimed: list[int] = []
    found = [part for cue in read_cues(lines, mistimed) for part in split(cue)]
    label_prefixes(found)
    result = transcript(source, fmt, to_turns(found))
    if result.turns:
        warn_mistimed(lines, mistimed, source)
    return result


def read_cues(lines: list[str], mistimed: list[int] | None = None) -> list[Cue]:
    """Cues from `start --> end` lines and the text lines under them (ids and headers skipped).

    A cue whose timing does not parse is left out, its line's index added to `mistimed`.
    """
    cues: list[Cue] = []
    current: Cue | None = None
    for i, line in enumerate(lines):
        m = TIMING.match(line)
        if m:
            current = Cue(seconds(m.group(1)), seconds(m.group(2)))
            cues.append(current)
        elif not line.strip():
            current = None
        elif MISTIMED.search(line):
            current = None
            if mistimed is not None:
                mistimed.append(i)
        elif current is not None and not _is_cue_id(lines, i):
            current.lines.append(line)
    return cues


@dataclass
class _Block:
    number: int
    at: int  # index of its timing line
    text: list[str]


def _blocks(lines: list[str]) -> Iterator[_Block]:
    """Every cue as written, its timing read or not: number (its id when numeric), line, text."""
    block: _Block | None = None
    count = 0
    for i, line in enumerate(lines):
        if timing_line(line):
            if block is not None:
                yield block
            count += 1
            above = lines[i - 1].strip() if i else ""
            block = _Block(int(above) if above.isdecimal() else count, i, [])
        elif not line.strip():
            if block is not None:
                yield block
            block = None
        elif block is not None and not _is_cue_id(lines, i):
            block.text.append(line)
    if block is not None:
        yield block


def mistimed_cue(lines: list[str], at: int) -> str:
    """'cue 3 (line 9): timing '...' does not parse' for the timing line at index `at`."""
    number = next((b.number for b in _blocks(lines) if b.at == at), at + 1)
    shown = lines[at].strip()
    shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 3] + "..."
    return f"cue {number} (line {at + 1}): timing {shown!r} does not parse"


def warn_mistimed(lines: list[str], mistimed: list[int], source: str) -> None:
    """Captions that read but lost cues to timings that do not parse: say which, once."""
    if not mistimed:
        return
    more = f" (and {len(mistimed) - 1} more)" if len(mistimed) > 1 else ""
    log.warning("%s: %s, so that cue is left out%s", source, mistimed_cue(lines, mistimed[0]), more)


def why_empty(lines: list[str], clean: Callable[[str], str], example: str) -> str | None:
    """Why captions gave no text, naming the first bad cue: a timing that does not parse, else
    a cue with no text (after `clean`); None when every cue has text."""
    blocks = list(_blocks(lines))
    if not blocks:
        return f"no cue timing line like '{example}' found"
    bad = next((b for b in blocks if not TIMING.match(lines[b.at])), None)
    if bad is not None:
        return mistimed_cue(lines, bad.at)
    empty = [b for b in blocks if not any(clean(ln).strip() for ln in b.text)]
    if not empty:
        return None
    other = len(empty) - 1
    more = {0: "", 1: ", nor does 1 more cue"}.get(other, f", nor do {other} more cues")
    return f"cue {empty[0].number} (line {empty[0].at + 1}) has no text{more}"


def _is_cue_id(lines: list[str], i: int) -> bool:
    """`12` or `6d82…/11-0` right above a timing line (a cue's words have spaces)."""
    if len(lines[i].split()) != 1 or i + 1 >= len(lines):
        return False
    return timing_line(lines[i + 1])


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
