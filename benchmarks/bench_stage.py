"""Journey stage on a labelled folder: accuracy, and a cross-validation for the cue lists.

The cue lists were written while reading cs_train, so in-sample accuracy flatters them.
The held-out figure scores each meeting without the cues that no other meeting of its
labelled stage says (a cue added for that one meeting): what a new meeting that phrases
its stage its own way would get. Prints the confusion matrix too (`--show` adds the
wrong meetings); use cs_dev for the aggregate line only.

    .venv/bin/python benchmarks/bench_stage.py [../shared/eval/cs_train] [--show]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from milepost.pipeline import formats
from milepost.pipeline.analyzer import Analyzer
from milepost.pipeline.evaluate import labelled_files
from milepost.pipeline.extract import sides, stage
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.journey import load_journey

TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "cs_train"


def decide(hits: list[stage._Hit]) -> str | None:
    """The stage detect() would call from these hits."""
    if not hits:
        return None
    scores = stage._scores(hits)
    first = {h.stage: -k for k, h in reversed(list(enumerate(hits)))}
    return max(scores, key=lambda s: (scores[s], first[s]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=TRAIN)
    parser.add_argument("--show", action="store_true", help="list the wrong meetings")
    args = parser.parse_args()
    analyzer, journey = Analyzer(), load_journey()
    rows = []
    for path, labels in labelled_files(args.folder):
        transcript = formats.read(path)
        docs = list(analyzer.nlp.pipe(t.text for t in transcript.turns))
        meeting = Meeting(transcript, docs, date.fromisoformat(labels["date"]))
        sides.infer(meeting)
        rows.append((path.name, labels["stage"], stage._hits(meeting, journey)))
    said = defaultdict(set)  # (stage, cue) -> meetings of that stage that say it
    for k, (_, label, hits) in enumerate(rows):
        for h in hits:
            if h.stage == label:
                said[(h.stage, h.cue)].add(k)
    found = [decide(hits) for _, _, hits in rows]
    held = [
        decide([h for h in hits if said[(h.stage, h.cue)] != {k}])
        for k, (_, _, hits) in enumerate(rows)
    ]
    n = len(rows)
    right = sum(f == r[1] for f, r in zip(found, rows, strict=True))
    right_held = sum(f == r[1] for f, r in zip(held, rows, strict=True))
    print(f"{args.folder.name}: stage accuracy {right}/{n} = {right / n:.3f}")
    print(f"  own cues held out: {right_held}/{n} = {right_held / n:.3f}")
    for title, calls in (("in-sample", found), ("own cues held out", held)):
        confusion = Counter((r[1], f) for f, r in zip(calls, rows, strict=True) if f != r[1])
        print(f"  confusions, {title}:")
        for (label, got), count in confusion.most_common():
            print(f"    {label} called {got}: {count}")
    if args.show:
        for (name, label, _), got, got_held in zip(rows, found, held, strict=True):
            if got != label or got_held != label:
                print(f"  {name}: {label}, found {got}, held out {got_held}")


if __name__ == "__main__":
    main()
