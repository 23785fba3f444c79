"""AMI dialogue-act action items: score milepost's next-step extractor on real meetings.

Each AMI meeting becomes a Transcript with one turn per dialogue act (speaker = role).
A DA is predicted positive when a found next step's evidence is contained in the DA text
(same speaker, lower-cased word tokens). Reports
positive-class precision, recall and F1 over the chosen split's DAs (standard 101-meeting
benchmark rows: `has_action_summary_links`). Published test-split F1: 0.382-0.431.

    .venv/bin/python benchmarks/bench_ami.py [--split dev] [--show 20]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from milepost.models import Transcript, Turn
from milepost.pipeline.analyzer import Analyzer, Options
from milepost.pipeline.evaluate import tokens

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
    args = parser.parse_args()

    meetings = load_meetings(args.split)
    analyzer = Analyzer()
    tp = fp = fn = n_da = 0
    misses: list[str] = []
    alarms: list[str] = []
    started = time.perf_counter()
    items = [(to_transcript(m, rows), Options()) for m, rows in meetings.items()]
    for (meeting, rows), analysis in zip(
        meetings.items(), analyzer.analyze_many(items), strict=True
    ):
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
    print(f"AMI {args.split}: {len(meetings)} meetings, {n_da} dialogue acts, {tp + fn} positives")
    print(f"action items  P {p:.3f}  R {rec:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"analysis time {elapsed:.1f} s")


if __name__ == "__main__":
    main()
