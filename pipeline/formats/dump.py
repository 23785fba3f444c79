"""Caption dumps of talks: a `Title:` / `Publication date:` / `Description:` header, then
`Captions:` with rolling SRT-like cues whose lines repeat from one cue to the next.

The repeated lines are dropped so the talk reads once; with no speakers and
no punctuation, the text is cut into turns of about a minute at cue boundaries.
"""

from __future__ import annotations

import re

from milepost.models import Transcript, Turn
from milepost.pipeline.formats import cues, meta
from milepost.pipeline.formats.turns import join, transcript

CAPTIONS = re.compile(r"^\s*captions\s*:\s*$", re.I)
TURN_S = 60.0


def sniff(text: str) -> float:
    lines = text.splitlines()
    at = _captions_at(lines)
    if at is None or cues.count_timings("\n".join(lines[at : at + 50])) < 2:
        return 0.0
    return 0.97


def _captions_at(lines: list[str]) -> int | None:
    return next((i for i, ln in enumerate(lines[:400]) if CAPTIONS.match(ln)), None)


def parse(text: str, source: str) -> Transcript:
    lines = text.splitlines()
    at = _captions_at(lines) or 0
    head = lines[:at]
    fields = meta.fields(head)
    body = [ln for ln in lines[at + 1 :] if not _is_trailer(ln)]
    day = fields.get("publication date") or fields.get("date") or ""
    return transcript(
        source,
        "caption-dump",
        _chunks(cues.drop_rolling_repeats(cues.read_cues(body))),
        title=fields.get("title") or None,
        date=meta.find_date(day),
        description=_description(head),
    )


def _is_trailer(line: str) -> bool:
    m = meta.FIELD.match(line.strip())
    return bool(m and m.group("key").lower() in meta.KNOWN_FIELDS)


def _description(head: list[str]) -> str | None:
    start = next((i for i, ln in enumerate(head) if ln.lower().startswith("description:")), None)
    if start is None:
        return None
    first = head[start].split(":", 1)[1].strip()
    text = "\n".join([first, *(ln.strip() for ln in head[start + 1 :])]).strip()
    return re.sub(r"\n{3,}", "\n\n", text) or None


def _chunks(found: list[cues.Cue]) -> list[Turn]:
    turns: list[Turn] = []
    for cue in found:
        if turns and turns[-1].start is not None and cue.start - turns[-1].start < TURN_S:
            turns[-1].text = join(turns[-1].text, cue.text)
            turns[-1].end = max(cue.end, turns[-1].end or 0.0)
        else:
            turns.append(Turn(start=cue.start, end=cue.end, text=cue.text))
    return turns
