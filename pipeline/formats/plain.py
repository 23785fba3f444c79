"""Plain transcripts: `Name: text` lines or paragraphs, and `Speaker 1:` above its paragraph."""

from __future__ import annotations

from milepost.models import Transcript, Turn
from milepost.pipeline.formats import meta, speakers
from milepost.pipeline.formats.turns import join, transcript


def sniff(text: str) -> float:
    lines = [ln for ln in text.splitlines() if ln.strip()][:300]
    if not lines:
        return 0.0
    labels = [lab for ln in lines if (lab := speakers.label(ln))]
    names = speakers.trusted(n for n, _ in labels)
    hits = [n for n, _ in labels if n in names]
    # two people talking, and often: a lone repeated 'Important:' in an article is not a speaker
    if len(set(hits)) < 2 or len(hits) < 0.2 * len(lines):
        return 0.0
    return 0.8 * min(1.0, len(hits) / (0.5 * len(lines)))


def parse(text: str, source: str) -> Transcript:
    turns, preamble = split_turns(text.splitlines())
    return transcript(source, "plain", turns, **header(preamble))


def split_turns(lines: list[str], trust_all: bool = False) -> tuple[list[Turn], list[str]]:
    """Turns from speaker-labelled lines; lines before the first label are the preamble."""
    labels = [lab for ln in lines if (lab := speakers.label(ln))]
    names = {n for n, _ in labels} if trust_all else speakers.trusted(n for n, _ in labels)
    # `Speaker 1:` alone above its paragraph: then a `Word: ...` line inside one is just text
    blocks = _block_style([lab for lab in labels if lab[0] in names])
    turns: list[Turn] = []
    preamble: list[str] = []
    for line in lines:
        lab = speakers.label(line)
        if lab and lab[0] in names and not (blocks and lab[1]):
            turns.append(Turn(speaker=lab[0], text=lab[1]))
        elif turns:
            turns[-1].text = join(turns[-1].text, line.strip())
        elif line.strip():
            preamble.append(line.strip())
    return turns, preamble


def _block_style(labels: list[tuple[str, str]]) -> bool:
    return len(labels) >= 2 and sum(1 for _, body in labels if not body) >= 0.8 * len(labels)


def header(preamble: list[str]) -> dict[str, str | None]:
    """Title and date from lines above the first speaker (`Title: ...`, `Date: ...`, a heading)."""
    fields = meta.fields(preamble)
    title = fields.get("title") or (preamble[0] if preamble and len(preamble[0]) < 120 else None)
    if title and fields.get("date") == title:
        title = None
    return {"title": title, "date": meta.find_date(fields.get("date") or "\n".join(preamble))}
