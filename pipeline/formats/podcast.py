"""Podcast episode pages: a date line, the episode title, show notes, then `Transcript`
and the episode as `Speaker 1:` blocks. Only the part after `Transcript` is turns.
"""

from __future__ import annotations

import re

from milepost.models import Transcript
from milepost.pipeline.formats import meta, otter, speakers
from milepost.pipeline.formats.plain import split_turns
from milepost.pipeline.formats.turns import transcript

MARK = re.compile(r"^\s*transcript\s*:?\s*$", re.I)


def _mark_at(lines: list[str]) -> int | None:
    """The `Transcript` line that has show notes above it and a speaker label soon below."""
    for i, line in enumerate(lines):
        if not MARK.match(line) or sum(1 for ln in lines[:i] if ln.strip()) < 3:
            continue
        after = [ln for ln in lines[i + 1 : i + 6] if ln.strip()][:2]
        if any(speakers.label(ln) or otter.LINE.match(ln.strip()) for ln in after):
            return i
    return None


def sniff(text: str) -> float:
    return 0.97 if _mark_at(text.splitlines()) is not None else 0.0


def parse(text: str, source: str) -> Transcript:
    lines = text.splitlines()
    at = _mark_at(lines)
    if at is None:
        at = -1
    rest = "\n".join(lines[at + 1 :])
    if otter.sniff(rest) > 0:
        turns = otter.parse(rest, source).turns
    else:
        turns = split_turns(lines[at + 1 :], trust_all=True)[0]
    notes = [ln.strip() for ln in lines[: max(at, 0)] if ln.strip()]
    day = next((d for ln in notes[:5] if (d := meta.find_date(ln))), None)
    heads = [ln for ln in notes if not meta.find_date(ln) or len(ln) > 40]
    title = heads[0] if heads and len(heads[0]) <= 150 else None
    described = [ln for ln in heads[1:] if ln != title]
    return transcript(
        source,
        "podcast",
        turns,
        title=title,
        date=day,
        description="\n".join(described) or None,
    )
