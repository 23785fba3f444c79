"""AMI dialogue-act action items: score milepost's next-step extractor on real meetings.

Each AMI meeting becomes a Transcript with one turn per dialogue act (speaker = role).
A DA is predicted positive when a found next step's evidence is contained in the DA text
(same speaker, lower-cased word tokens). Reports
positive-class precision, recall and F1 over the chosen split's DAs (standard 101-meeting
benchmark rows: `has_action_summary_links`). Published test-split F1: 0.382-0.431.

--as-file reads each meeting as a user's file would come in ("ROLE: text" per act, read by
milepost's own reader, which joins a speaker's acts into one turn): a DA counts as found
when at least half of it lies inside a found step's evidence, in its own speaker's turn.

--recorded SECONDS reads each meeting as a diarized recording gives it: one speaker's acts
under a second apart joined into a Whisper-like segment of up to SECONDS (from the acts' own
times), made into turns by recording.speaker_turns; acts are found as with --as-file.

    .venv/bin/python benchmarks/bench_ami.py [--split dev] [--show 20] [--as-file]
        [--recorded 4]
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from milepost.models import Transcript, Turn
from milepost.pipeline import formats
from milepost.pipeline.analyzer import Analyzer, Options
from milepost.pipeline.audio.recording import PAUSE_S, speaker_turns
from milepost.pipeline.audio.transcriber import Segment
from milepost.pipeline.evaluate import tokens
from milepost.pipeline.formats.turns import squash

AMI = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "ami"


def load_meetings(split: str) -> dict[str, list[dict[str, Any]]]:
    meetings: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with gzip.open(AMI / "ami_da_labels.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["has_action_summary_links"] and row["split"] == split:
                meetings[row["meeting"]].append(row)
    for rows in meetings.values():
        rows.sort(key=lambda r: (r["start"], r["idx"]))
    return dict(sorted(meetings.items()))


def to_transcript(meeting: str, rows: list[dict[str, Any]]) -> Transcript:
    turns = [
        Turn(speaker=r["role"], start=r["start"], end=r["end"], text=r["text"].strip() or "…")
        for r in rows
    ]
    return Transcript(source=f"ami:{meeting}", input_format="ami", turns=turns)


def as_file(meeting: str, rows: list[dict[str, Any]], folder: Path) -> Transcript:
    """The meeting written as a plain "ROLE: text" file and read back by milepost's reader."""
    path = folder / f"{meeting}.txt"
    lines = (f"{r['role']}: {squash(r['text']) or '…'}" for r in rows)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return formats.read(path, None)


def as_recording(meeting: str, rows: list[dict[str, Any]], longest: float) -> Transcript:
    """The meeting as a diarized recording gives it (segments of up to `longest` seconds)."""
    segments: list[Segment] = []
    for r in rows:
        text = squash(r["text"]) or "…"
        last = segments[-1] if segments else None
        if (
            last is not None
            and last.speaker == r["role"]
            and r["start"] - last.end < PAUSE_S
            and r["end"] - last.start <= longest
        ):
            last.text, last.end = f"{last.text} {text}", max(last.end, r["end"])
        else:
            segments.append(Segment(r["start"], r["end"], text, r["role"]))
    return Transcript(source=f"ami:{meeting}", input_format="audio", turns=speaker_turns(segments))


def covered_acts(rows: list[dict[str, Any]], transcript: Transcript, steps: list[Any]) -> set[int]:
    """DAs at least half inside a found step's evidence, within their own speaker's turn."""
    place: list[tuple[int, int, int]] = []  # each DA's turn and character span in it
    turn, cursor = 0, 0
    for r in rows:
        text = squash(r["text"]) or "…"
        while turn < len(transcript.turns):
            at = transcript.turns[turn].text.find(text, cursor)
            if at >= 0 and transcript.turns[turn].speaker == r["role"]:
                place.append((turn, at, at + len(text)))
                cursor = at + len(text)
                break
            turn, cursor = turn + 1, 0
        else:
            raise ValueError(f"act not found in the read transcript: {text!r}")
    said: list[tuple[int, int, int]] = []  # each step's evidence: turn and span
    for step in steps:
        for k, t in enumerate(transcript.turns):
            at = t.text.find(step.evidence)
            while step.evidence and at >= 0 and step.speaker in (None, t.speaker):
                said.append((k, at, at + len(step.evidence)))
                at = t.text.find(step.evidence, at + 1)
    return {
        i
        for i, (k, a, b) in enumerate(place)
        if any(k == j and 2 * (min(b, e) - max(a, s)) >= b - a for j, s, e in said)
    }


def predicted_positive(rows: list[dict[str, Any]], steps: list[Any]) -> set[int]:
    """Indices of DAs that contain a found step's evidence (same speaker)."""
    hits: set[int] = set()
    for step in steps:
        ev = f" {' '.join(tokens(step.evidence))} "
        for i, r in enumerate(rows):
            if step.speaker is not None and step.speaker != r["role"]:
                continue
            da = f" {' '.join(tokens(r['text']))} "
            # Evidence is quoted from one turn, so the act it came from contains it; a short
            # act inside a longer quote ("So," in "So, by next meeting ...") was not found.
            if da.strip() and ev.strip() and ev in da:
                hits.add(i)
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    parser.add_argument("--show", type=int, default=0, help="print N misses and false alarms")
    parser.add_argument("--as-file", action="store_true", help="read each meeting from a file")
    parser.add_argument(
        "--recorded", type=float, metavar="SECONDS", help="read each meeting as a recording"
    )
    args = parser.parse_args()

    meetings = load_meetings(args.split)
    analyzer = Analyzer()
    tp = fp = fn = n_da = 0
    misses: list[str] = []
    alarms: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        read = [
            as_file(m, rows, Path(tmp))
            if args.as_file
            else as_recording(m, rows, args.recorded)
            if args.recorded
            else to_transcript(m, rows)
            for m, rows in meetings.items()
        ]
    items = [(t, Options()) for t in read]
    for (meeting, rows), transcript, analysis in zip(
        meetings.items(), read, analyzer.analyze_many(items), strict=True
    ):
        if args.as_file or args.recorded:
            pred = covered_acts(rows, transcript, analysis.next_steps)
        else:
            pred = predicted_positive(rows, analysis.next_steps)
        for i, r in enumerate(rows):
            n_da += 1
            gold = bool(r["action"])
            if gold and i in pred:
                tp += 1
            elif gold:
                fn += 1
                misses.append(f"{meeting} {r['role']}: {r['text']}")
            elif i in pred:
                fp += 1
                alarms.append(f"{meeting} {r['role']}: {r['text']}")
    elapsed = time.perf_counter() - started
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    if args.show:
        print("-- missed positives:")
        print("\n".join(misses[: args.show]))
        print("-- false alarms:")
        print("\n".join(alarms[: args.show]))
    form = " read from files" if args.as_file else ""
    form = f" read as recordings (segments up to {args.recorded:g} s)" if args.recorded else form
    print(f"AMI {args.split}{form}: {len(meetings)} meetings, {n_da} dialogue acts,", end=" ")
    print(f"{tp + fn} positives")
    print(f"action items  P {p:.3f}  R {rec:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"analysis time {elapsed:.1f} s")


if __name__ == "__main__":
    main()
