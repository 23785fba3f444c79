"""WebVTT captions: Teams `<v Name>` voice tags, Zoom `Name: text` cues, or no speakers."""

from __future__ import annotations

import html
import re

from milepost.models import Transcript
from milepost.pipeline.formats import cues
from milepost.pipeline.formats.turns import transcript

VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
TAG = re.compile(r"</?[^>]*>")


def sniff(text: str) -> float:
    head = text.lstrip("\ufeff \n\t")
    if head.startswith("WEBVTT"):
        return 0.99
    return 0.5 if cues.count_timings(text) >= 2 and "." in text.split("-->", 1)[0][-6:] else 0.0


def parse(text: str, source: str) -> Transcript:
    found = []
    for cue in cues.read_cues(text.splitlines()):
        found.extend(_voices(cue))
    cues.label_prefixes(found)
    return transcript(source, "vtt", cues.to_turns(found))


def _voices(cue: cues.Cue) -> list[cues.Cue]:
    """A cue per voice: Teams puts one `<v Name>` per cue, but a cue may hold several."""
    out: list[cues.Cue] = []
    for line in cue.lines:
        m = VOICE.search(line)
        text = html.unescape(TAG.sub("", line))
        if out and (m is None or m.group(1).strip() == out[-1].speaker):
            out[-1].lines.append(text)
        else:
            speaker = m.group(1).strip() if m else None
            out.append(cues.Cue(cue.start, cue.end, [text], speaker))
    return out
