"""Plain `Name: text` transcripts, one turn per line or paragraph."""

from __future__ import annotations

import re

from milepost.models import Transcript, Turn

LINE = re.compile(r"^([A-Z][\w.'’\- ]{0,40}?):\s+(\S.*)$")


def sniff(text: str) -> float:
    lines = [ln for ln in text.splitlines() if ln.strip()][:60]
    if not lines:
        return 0.0
    return 0.8 * sum(1 for ln in lines if LINE.match(ln)) / len(lines)


def parse(text: str, source: str) -> Transcript:
    turns: list[Turn] = []
    for line in text.splitlines():
        m = LINE.match(line.strip())
        if m:
            turns.append(Turn(speaker=m.group(1).strip(), text=m.group(2).strip()))
        elif line.strip() and turns:
            turns[-1].text = f"{turns[-1].text} {line.strip()}"
    return Transcript(source=source, input_format="plain", turns=turns)
