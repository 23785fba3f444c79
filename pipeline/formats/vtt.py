"""WebVTT captions: Teams `<v Name>` voice tags, Zoom `Name: text` cues, or no speakers."""

from __future__ import annotations

import html
import re

from milepost.models import Transcript
from milepost.pipeline.formats import cues

VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
TAG = re.compile(r"</?[^>]*>")


def sniff(text: str) -> float:
    head = text.lstrip("\ufeff \n\t")
    if head.startswith("WEBVTT"):
        return 0.99
    return 0.5 if cues.count_timings(text) >= 2 and "." in text.split("-->", 1)[0][-6:] else 0.0


def parse(text: str, source: str) -> Transcript:
    return cues.parse(text, source, "vtt", _voices)


def why_empty(text: str) -> str | None:
    """The first malformed cue of captions that gave no text."""
    return cues.why_empty(text.splitlines(), _clean, "00:00:01.000 --> 00:00:04.000")


def _clean(line: str) -> str:
    return html.unescape(TAG.sub("", line))


def _voices(cue: cues.Cue) -> list[cues.Cue]:
    """A cue per voice: Teams puts one `<v Name>` per cue, but a cue may hold several."""
    out: list[cues.Cue] = []
    for line in cue.lines:
        m = VOICE.search(line)
        text = _clean(line)
        if out and (m is None or m.group(1).strip() == out[-1].speaker):
            out[-1].lines.append(text)
        else:
            speaker = m.group(1).strip() if m else None
            out.append(cues.Cue(cue.start, cue.end, [text], speaker))
    return out
