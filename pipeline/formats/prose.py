"""Text with no speaker labels: articles, show notes, raw ASR output. One turn per paragraph,
speaker unknown; a `Title:` line or a heading line above the first paragraph is the title.

Section headings (`3.1 Funnels`, `Key Points:`) are structure, not speech, and are left out;
any other short line stays a turn, so nothing said in raw ASR text is lost. A `>>` (captions
mark each change of speaker so) starts a paragraph.
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
# `>>` where the speaker changes (broadcast and auto captions): each one starts a turn
CHEVRON = re.compile(r"(?:^|\s)>>+(?:\s+|$)")
_SENTENCE_MARK = re.compile(r"[.?!…](?=[\"'”’)\]]*(?:\s|$))")
# Text with fewer sentence ends than one per this many words is unpunctuated (raw ASR text);
# lines no wider than this, most of them near it, are hard-wrapped.
WORDS_PER_END = 60
WRAP_WIDTH = 110


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
    lines = text.splitlines()
    if len(CHEVRON.findall(text)) >= 2:
        lines = _chevron_breaks(lines)
    paragraphs = _paragraphs(lines)
    fields = meta.fields(paragraphs[:5])
    title = fields.get("title")
    turns: list[Turn] = []
    for n, para in enumerate(paragraphs):
        if meta.FIELD.match(para) and para.split(":", 1)[0].lower() in meta.KNOWN_FIELDS:
            continue
        # a heading is capitalised: a short lower-case first line of raw ASR text is speech
        first = not turns and title is None and n + 1 < len(paragraphs)
        if first and is_heading(para) and (para[0].isupper() or para[0].isdigit()):
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


def _chevron_breaks(lines: list[str]) -> list[str]:
    """A blank line in place of each `>>`, so every marked change of speaker starts a paragraph."""
    out: list[str] = []
    for line in lines:
        for k, part in enumerate(CHEVRON.split(line)):
            if k:
                out.append("")
            if part.strip() or not k:
                out.append(part)
    return out


def _paragraphs(lines: list[str]) -> list[str]:
    """Blocks between blank lines; in files without blank lines, each line, re-joining lines
    that were hard-wrapped mid-sentence (the next one starts in lower case).

    Raw ASR text with no sentence ends is not re-joined (unless, without blank lines, its
    lines are hard-wrapped): there every line and paragraph starts in lower case after no
    period, and the breaks are all that tells one turn from the next.
    """
    blank_separated = any(not ln.strip() for ln in lines[1:-1])
    rejoin = _punctuated(lines) or (not blank_separated and _hard_wrapped(lines))
    paras: list[str] = []
    open_block = False
    for line in lines:
        s = line.strip()
        if not s:
            open_block = False
            continue
        wrapped = rejoin and paras and not SENTENCE_END.search(paras[-1]) and s[0].islower()
        if (blank_separated and open_block) or wrapped:
            paras[-1] = join(paras[-1], s)
        else:
            paras.append(s)
        open_block = True
    return paras


def _punctuated(lines: list[str]) -> bool:
    """Sentences end in punctuation: at least one sentence end per WORDS_PER_END words."""
    text = " ".join(lines)
    return len(_SENTENCE_MARK.findall(text)) * WORDS_PER_END >= len(text.split())


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width: most of them near the longest, which is no wider than a page."""
    lengths = sorted(len(s) for ln in lines if (s := ln.strip()))
    if len(lengths) < 3:
        return False
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(1 for n in lengths if n >= 0.6 * width)
    return width <= WRAP_WIDTH and near >= 0.6 * len(lengths)
