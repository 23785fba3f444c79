"""Whisper-style JSON: `{"segments": [...]}` (faster-whisper, OpenAI, WhisperX, milepost's own
`transcribe --format json`) or a bare list of `{speaker, start, end, text}`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from milepost.models import Transcript, Turn
from milepost.pipeline.errors import TranscriptParseError
from milepost.pipeline.formats.turns import join_sentences, merge_runs, transcript

LOOKS_JSON = re.compile(r"^\s*(?:\{|\[\s*[{\]])")


def sniff(text: str) -> float:
    if not LOOKS_JSON.match(text):
        return 0.0
    try:
        _segments(json.loads(text))
    except (ValueError, TranscriptParseError):
        return 0.3  # JSON-looking: parse() will say what is wrong with it
    return 0.99


def parse(text: str, source: str) -> Transcript:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise TranscriptParseError(f"invalid JSON: {exc}", source) from None
    try:
        segments = _segments(data)
    except TranscriptParseError as exc:
        raise TranscriptParseError(exc.message, source) from None
    turns = [t for seg in segments for t in _turns(seg)]
    turns = merge_runs(turns) if any(t.speaker for t in turns) else join_sentences(turns)
    title = data.get("title") if isinstance(data, dict) else None
    day = data.get("date") if isinstance(data, dict) else None
    return transcript(
        source,
        "json",
        turns,
        title=title if isinstance(title, str) else None,
        date=day if isinstance(day, str) else None,
    )


def _segments(data: Any) -> list[dict[str, Any]]:
    segments = data.get("segments") if isinstance(data, dict) else data
    if isinstance(data, dict) and segments is None and isinstance(data.get("text"), str):
        segments = [{"text": data["text"]}]  # OpenAI's plain `{"text": ...}` response
    if not isinstance(segments, list) or not segments:
        raise TranscriptParseError("JSON has no transcript segments")
    if not all(isinstance(s, dict) and ("text" in s or "words" in s) for s in segments):
        raise TranscriptParseError("JSON segments need a 'text' or 'words' field")
    return segments


def _turns(seg: dict[str, Any]) -> list[Turn]:
    """One turn per segment; word-level speakers (WhisperX) split a segment where they change."""
    raw = seg.get("words")
    words: list[Any] = raw if isinstance(raw, list) else []
    if not seg.get("speaker") and any(isinstance(w, dict) and w.get("speaker") for w in words):
        return [_turn(w) for w in words if isinstance(w, dict)]
    text = seg.get("text")
    if not isinstance(text, str):
        text = "".join(str(w.get("word", "")) for w in words if isinstance(w, dict))
    return [_turn({**seg, "text": text})]


def _turn(item: dict[str, Any]) -> Turn:
    text = next((v for v in (item.get("text"), item.get("word")) if isinstance(v, str)), "")
    speaker = item.get("speaker")
    return Turn(
        speaker=str(speaker) if speaker not in (None, "") else None,
        start=_num(item.get("start")),
        end=_num(item.get("end")),
        text=text.strip(),
    )


def _num(value: Any) -> float | None:
    """Seconds as a number or a numeric string; anything else is no time."""
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
