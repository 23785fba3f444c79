"""Recorded customer calls without audio: labelled meetings cut into Whisper-like segments.

Each turn of a labelled meeting (cs_train, data/train) is cut into sentences, as Whisper's
segments come, timed at the turn's own times (else 2.6 words a second) and named SPEAKER_n
by first appearance, as diarization names them (the label roster is mapped to those names;
a file without names gives unnamed segments, as a recording without diarization does).
Modes: `text` reads the file as it is; `segments` makes one turn per segment (the audio
path before it joined speaker runs); `turns` makes turns with recording.speaker_turns.
`--one-label SPEAKER_1` gives every segment that name (no diarization, as without the
diarize extra); `--one-label none` leaves every segment unnamed.
Prints, per group of meetings, how many went to the AMI dialogue-act model and the
`milepost eval` figures. Training meetings only: never point it at cs_dev or data/heldout.

    .venv/bin/python benchmarks/bench_audio_calls.py [--modes text,segments,turns]
        [--sets ghijklmnop] [--one-label SPEAKER_1|none]
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from milepost.models import Transcript
from milepost.pipeline import formats
from milepost.pipeline.analyzer import Analyzer, Options
from milepost.pipeline.audio import recording
from milepost.pipeline.audio.transcriber import Segment
from milepost.pipeline.evaluate import Report, score_file
from milepost.pipeline.extract import steps

REPO = Path(__file__).resolve().parents[1]
CS_TRAIN = REPO.parent / "shared" / "eval" / "cs_train"
OWN_TRAIN = REPO / "data" / "train"
SENTENCE = re.compile(r"(?<=[.?!…])\s+")
WORDS_PER_S = 2.6
PAUSE = 0.3  # between two sentences of one turn


def segments(
    transcript: Transcript, one_label: str | None
) -> tuple[list[Segment], dict[Any, str | None]]:
    """Sentence segments with times and SPEAKER_n names; the name each speaker got."""
    names: dict[Any, str | None] = {}
    out: list[Segment] = []
    clock = 0.0
    for turn in transcript.turns:
        if turn.speaker not in names:  # a file without names: unnamed, as without diarization
            names[turn.speaker] = turn.speaker and recording.speaker_name(len(names))
        label = names[turn.speaker] if one_label is None else _label(one_label)
        parts = [p.strip() for p in SENTENCE.split(turn.text) if p.strip()]
        n = sum(len(p.split()) for p in parts)
        start = turn.start if turn.start is not None and turn.start >= clock else clock + 0.6
        span = n / WORDS_PER_S + PAUSE * (len(parts) - 1)
        if turn.end is not None and turn.end > start:
            span = turn.end - start
        rate = max(span - PAUSE * (len(parts) - 1), 0.2 * n) / max(n, 1)
        for part in parts:
            length = len(part.split()) * rate
            out.append(Segment(start, start + length, part, label))
            start += length + PAUSE
        clock = start
    return out, names


def _label(one_label: str) -> str | None:
    return None if one_label == "none" else one_label


def meetings(
    sets: str, mode: str, one_label: str | None
) -> list[tuple[str, dict, Transcript, Options]]:
    items = []
    chosen = [*sorted(CS_TRAIN.glob("*.labels.json"))]
    chosen += [p for p in sorted(OWN_TRAIN.glob("x*.labels.json")) if p.name[1] in sets]
    for label_file in chosen:
        labels = json.loads(label_file.read_text(encoding="utf-8"))
        transcript = formats.read(label_file.parent / labels["file"])
        names = {s: s for s in transcript.speakers}
        if mode != "text":
            found, names = segments(transcript, one_label)
            turns = (
                recording.speaker_turns(found, -1.0)  # every segment its own turn
                if mode == "segments"
                else recording.speaker_turns(found)
            )
            transcript = Transcript(source=transcript.source, input_format="audio", turns=turns)
        roster = one_label is None or mode == "text"
        options = Options(
            date=date.fromisoformat(labels["date"]) if labels.get("date") else None,
            account=labels.get("account"),
            vendor=[names[n] for n in labels.get("vendor_speakers", []) if n in names and roster],
            customer=[
                names[n] for n in labels.get("customer_speakers", []) if n in names and roster
            ],
        )
        labels["_named"] = any(names)  # the file itself names its speakers
        items.append((label_file.name, labels, transcript, options))
    return items


def group(name: str, labels: dict) -> list[str]:
    kind = "cs_train" if name.startswith("t") else "data/train"
    named = "speakers named" if labels["_named"] else "no speaker labels"
    return [kind, named, "all"]


def run(analyzer: Analyzer, sets: str, mode: str, one_label: str | None) -> None:
    routed: dict[str, bool] = {}
    real = steps.dialogue_acts

    def spy(meeting) -> bool:  # type: ignore[no-untyped-def]
        routed[meeting.transcript.source] = real(meeting)
        return routed[meeting.transcript.source]

    steps.dialogue_acts = spy  # type: ignore[assignment]
    items = meetings(sets, mode, one_label)
    reports: dict[str, Report] = {}
    counts: dict[str, list[int]] = {}
    try:
        analyses = analyzer.analyze_many((t, o) for _, _, t, o in items)
        for (name, labels, transcript, _), analysis in zip(items, analyses, strict=True):
            for key in group(name, labels):
                reports.setdefault(key, Report()).files.append(score_file(name, analysis, labels))
                count = counts.setdefault(key, [0, 0])
                count[0] += routed.get(transcript.source, False)
                count[1] += len(transcript.turns)
    finally:
        steps.dialogue_acts = real  # type: ignore[assignment]
    for key, report in reports.items():
        t = report.totals()
        s, g = t["next_steps"], t["goals"]
        print(
            f"{mode:8} {key:17} {t['files']:3} meetings, {counts[key][1]:5} turns, "
            f"AMI-routed {counts[key][0]:3}; steps P {s['precision']:.3f} R {s['recall']:.3f} "
            f"F1 {s['f1']:.3f}, side {t['side_accuracy']:.3f}; goals F1 {g['f1']:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modes", default="text,segments,turns")
    parser.add_argument("--sets", default="ghijklmnop", help="data/train sets xa..xy by letter")
    parser.add_argument("--one-label", help="one name for every segment ('none': unnamed)")
    args = parser.parse_args()
    analyzer = Analyzer()
    for mode in args.modes.split(","):
        run(analyzer, args.sets, mode, args.one_label)


if __name__ == "__main__":
    main()
