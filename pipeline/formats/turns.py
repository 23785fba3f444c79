"""Turn clean-up shared by the readers: join runs of one speaker, fill end times, duration."""

from __future__ import annotations

import re

from milepost.models import Transcript, Turn

_SPACE = re.compile(r"\s+")
SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*$")
# A pause this long between unlabelled pieces starts a new turn even mid-sentence; so does a
# turn this long with no punctuation at all (auto captions would otherwise be one endless turn).
PAUSE_S = 2.0
LONGEST_S = 30.0
_PUNCTUATED = re.compile(r"[.?!,;]")


def squash(text: str) -> str:
    """Collapse runs of whitespace: readers keep words verbatim, not line breaks."""
    return _SPACE.sub(" ", text).strip()


def join(a: str, b: str) -> str:
    return f"{a} {b}".strip() if a else b


def merge_runs(turns: list[Turn]) -> list[Turn]:
    """One turn per uninterrupted run of a named speaker (start of the first, end of the last)."""
    out: list[Turn] = []
    for turn in turns:
        prev = out[-1] if out else None
        if prev is not None and turn.speaker and prev.speaker == turn.speaker:
            before = len(prev.text.split())  # where each line starts stays known (action_items)
            if before and turn.text.strip():
                prev._joins = (*prev.joins(), before, *(before + k for k in turn.joins()))
            elif turn.text.strip():
                prev._joins = turn.joins()
            prev.text = join(prev.text, turn.text)
            prev.end = turn.end if turn.end is not None else prev.end
        else:
            out.append(turn.model_copy())
    return out


def join_sentences(turns: list[Turn]) -> list[Turn]:
    """Unlabelled pieces (caption cues, segments) joined until a sentence ends or a pause."""
    out: list[Turn] = []
    for turn in turns:
        prev = out[-1] if out else None
        if prev is not None and turn.text and _continues(prev, turn):
            prev.text = join(prev.text, turn.text)
            prev.end = turn.end
        elif turn.text:
            out.append(turn.model_copy())
    return out


def _continues(prev: Turn, turn: Turn) -> bool:
    if SENTENCE_END.search(prev.text.strip()):
        return False
    if prev.end is None or turn.start is None or prev.start is None:
        return True
    unpunctuated = not _PUNCTUATED.search(prev.text)
    if unpunctuated and prev.end - prev.start >= LONGEST_S:
        return False
    return turn.start - prev.end < PAUSE_S


def fill_ends(turns: list[Turn]) -> None:
    """Formats that only stamp a start get each turn's end from the next turn's start."""
    for a, b in zip(turns, turns[1:], strict=False):
        if a.end is None and a.start is not None and b.start is not None:
            a.end = b.start


def duration(turns: list[Turn]) -> float | None:
    stamps = [t for turn in turns for t in (turn.start, turn.end) if t is not None]
    return max(stamps) if stamps else None


def transcript(source: str, fmt: str, turns: list[Turn], **meta: str | None) -> Transcript:
    """The Transcript for a reader's turns: squashed text, empty turns dropped, runs of one
    speaker joined (so every format gives the same turns), duration filled."""
    kept = []
    for turn in turns:
        turn.text = squash(turn.text)
        if turn.text:
            kept.append(turn)
    kept = merge_runs(kept)
    return Transcript(
        source=source, input_format=fmt, turns=kept, duration_s=duration(kept), **meta
    )
