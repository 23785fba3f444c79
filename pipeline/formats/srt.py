"""SubRip captions, with `Name: text` speaker prefixes or none at all."""

from __future__ import annotations

import html
import re

from milepost.models import Transcript
from milepost.pipeline.formats import cues

TAG = re.compile(r"</?(?:i|b|u|font)\b[^>]*>|\{\\[^}]*\}", re.I)
_ID = re.compile(r"^\s*\d+\s*$")


def sniff(text: str) -> float:
    lines = text.splitlines()[:400]
    timings = cues.count_timings(text)
    ids = sum(
        1 for a, b in zip(lines, lines[1:], strict=False) if _ID.match(a) and cues.timing_line(b)
    )
    if timings >= 1 and ids >= max(1, timings // 2):
        return 0.9
    if timings == 0 and ids >= 2:
        return 0.85  # numbered cues whose timings all fail: SRT, so the error names the cue
    return 0.4 if timings >= 2 else 0.0


def parse(text: str, source: str) -> Transcript:
    return cues.parse(text, source, "srt", _cleaned)


def _cleaned(cue: cues.Cue) -> list[cues.Cue]:
    cue.lines = [_clean(ln) for ln in cue.lines]
    return [cue]


def why_empty(text: str) -> str | None:
    """The first malformed cue of captions that gave no text."""
    return cues.why_empty(text.splitlines(), _clean, "00:00:01,000 --> 00:00:04,000")


def _clean(line: str) -> str:
    return html.unescape(TAG.sub("", line))
