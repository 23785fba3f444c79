"""Writing a Transcript back out as vtt, srt, txt or json, in shapes the readers parse back.

`milepost transcribe --format` uses these, so a transcribed call re-reads exactly:
vtt with `<v SPEAKER>` voice tags, srt with `SPEAKER: ` prefixes, txt as Otter-style
`[0:00:05] SPEAKER: text` lines, json as `{"segments": [{start, end, speaker, text}]}`.
"""

from __future__ import annotations

import json

from milepost.models import Transcript, Turn

WRITERS = ("vtt", "srt", "txt", "json")


def render(transcript: Transcript, fmt: str) -> str:
    """The transcript as text in `fmt` (one of WRITERS); ValueError for any other name."""
    turns = transcript.turns
    if fmt == "vtt":
        cues = [f"{_stamp(s, '.')} --> {_stamp(e, '.')}\n{_voice(t)}" for t, s, e in _timed(turns)]
        return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"
    if fmt == "srt":
        cues = [
            f"{n}\n{_stamp(s, ',')} --> {_stamp(e, ',')}\n{_prefix(t)}"
            for n, (t, s, e) in enumerate(_timed(turns), start=1)
        ]
        return "\n\n".join(cues) + "\n"
    if fmt == "txt":
        return "\n\n".join(f"[{_clock(s)}] {_prefix(t)}" for t, s, _ in _timed(turns)) + "\n"
    if fmt == "json":
        segments = [
            {"start": s, "end": e, "speaker": t.speaker, "text": t.text}
            for t, s, e in _timed(turns)
        ]
        return json.dumps({"segments": segments}, indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown transcript format {fmt!r} (choose from {', '.join(WRITERS)})")


def _timed(turns: list[Turn]) -> list[tuple[Turn, float, float]]:
    """Each turn with a start and end; missing times follow the turn before."""
    out: list[tuple[Turn, float, float]] = []
    clock = 0.0
    for turn in turns:
        start = turn.start if turn.start is not None else clock
        end = turn.end if turn.end is not None and turn.end >= start else start
        out.append((turn, start, end))
        clock = end
    return out


def _prefix(turn: Turn) -> str:
    return f"{turn.speaker}: {turn.text}" if turn.speaker else turn.text


def _voice(turn: Turn) -> str:
    text = turn.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<v {turn.speaker}>{text}</v>" if turn.speaker else text


def _stamp(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
