"""Text with no speaker labels: articles, show notes, raw ASR output. One turn per paragraph,
speaker unknown; a `Title:` line or a heading line above the first paragraph is the title.

Section headings (`3.1 Funnels`, `Key Points:`) are structure, not speech, and are left out;
any other short line stays a turn, so nothing said in raw ASR text is lost.
"""

from __future__ import annotations

import json
import re

from milepost.models import Transcript, Turn
from milepost.pipeline.formats import meta
from milepost.pipeline.formats.turns import SENTENCE_END, join, transcript

WORD = re.compile(r"[^\W\d_]{2,}")
BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)+\s|^\d+\s+[A-Z]")


def sniff(text: str) -> float:
    """Low but non-zero for anything that reads as words, so structured readers win."""
    if _is_json(text):
        return 0.0
    sample = text[:20000]
    words = WORD.findall(sample)
    tokens = sample.split()
    if len(words) < 5 or len(words) < 0.5 * len(tokens):
        return 0.0
    return 0.1


def _is_json(text: str) -> bool:
    if text.lstrip()[:1] not in ("{", "["):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def parse(text: str, source: str) -> Transcript:
    paragraphs = _paragraphs(text.splitlines())
    fields = meta.fields(paragraphs[:5])
    title = fields.get("title")
    turns: list[Turn] = []
    for n, para in enumerate(paragraphs):
        if meta.FIELD.match(para) and para.split(":", 1)[0].lower() in meta.KNOWN_FIELDS:
            continue
        if is_heading(para) and not turns and title is None and n + 1 < len(paragraphs):
            title = para
        elif not is_section(para):
            turns.append(Turn(text=BULLET.sub("", para)))
    day = fields.get("date") or fields.get("publication date") or ""
    return transcript(source, "text", turns, title=title, date=meta.find_date(day))


def is_heading(para: str) -> bool:
    """A short line with no sentence ending: `How customers work`, `3.1 Funnels`, `Key Points:`."""
    return len(para.split()) <= 12 and not SENTENCE_END.search(para) and not BULLET.match(para)


def is_section(para: str) -> bool:
    """A heading that marks a section: numbered (`3.1 Funnels`) or ending in a colon."""
    return is_heading(para) and (para.endswith(":") or bool(SECTION_NUMBER.match(para)))


def _paragraphs(lines: list[str]) -> list[str]:
    """Blocks between blank lines; in files without blank lines, each line, re-joining lines
    that were hard-wrapped mid-sentence (the next one starts in lower case)."""
    blank_separated = any(not ln.strip() for ln in lines[1:-1])
    paras: list[str] = []
    open_block = False
    for line in lines:
        s = line.strip()
        if not s:
            open_block = False
            continue
        wrapped = paras and not SENTENCE_END.search(paras[-1]) and s[0].islower()
        if (blank_separated and open_block) or wrapped:
            paras[-1] = join(paras[-1], s)
        else:
            paras.append(s)
        open_block = True
    return paras
