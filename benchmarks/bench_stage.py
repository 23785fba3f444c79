"""Journey stage on a labelled folder: accuracy, and a cross-validation for the cue lists.

The cue lists were written while reading cs_train, so in-sample accuracy flatters them.
The held-out figure scores each meeting without the cues that no other meeting of its
labelled stage says (a cue added for that one meeting): what a new meeting that phrases
its stage its own way would get. Prints the confusion matrix too (`--show` adds the
wrong meetings). With several folders (by default cs_train and the team's data/train) each
is scored on its own, then all together (a cue held out only when no meeting of any folder
with that stage says it); use cs_dev for the aggregate line only. Where a report spans
several writers' sets (data/train's xa, xb, ...; cs_train counts as one), it also scores
each meeting without the cues only its own set says for its stage: a new writer's phrasing.

    .venv/bin/python benchmarks/bench_stage.py [FOLDER ...] [--show]
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

REPO = Path(__file__).resolve().parents[1]
TRAIN = REPO.parent / "shared" / "eval" / "cs_train"
OWN_TRAIN = REPO / "data" / "train"
Row = tuple[str, str, list[stage._Hit], str]
"""(file name, labelled stage, cue hits, writer's set) for one meeting."""


def decide(hits: list[stage._Hit]) -> str | None:
    """The stage detect() would call from these hits."""
    if not hits:
        return None
    return stage.decide(hits, stage._scores(hits))


def load(folder: Path, analyzer: Analyzer) -> list[Row]:
    """Every labelled meeting of the folder with its cue hits (sides inferred, no roster)."""
    journey = load_journey()
    rows = []
    for path, labels in labelled_files(folder):
        transcript = formats.read(path)
        docs = list(analyzer.nlp.pipe(t.text for t in transcript.turns))
        meeting = Meeting(transcript, docs, date.fromisoformat(labels["date"]))
        sides.infer(meeting)
        group = path.name.split("_")[0] if folder == OWN_TRAIN else folder.name
        rows.append((path.name, labels["stage"], stage._hits(meeting, journey), group))
    return rows


def report(title: str, rows: list[Row], show: bool) -> None:
    """In-sample and own-cues-held-out accuracy, the confusions, and (show) the wrong meetings."""
    said = defaultdict(set)  # (stage, cue) -> meetings of that stage that say it
    for k, (_, label, hits, _) in enumerate(rows):
        for h in hits:
            if h.stage == label:
                said[(h.stage, h.cue)].add(k)
    found = [decide(hits) for _, _, hits, _ in rows]
    held = [
        decide([h for h in hits if said[(h.stage, h.cue)] != {k}])
        for k, (_, _, hits, _) in enumerate(rows)
    ]
    # A cue only one writer's set says for the stage is that writer's phrasing: held out too.
    by_set = [
        decide([h for h in hits if any(rows[j][3] != group for j in said[(h.stage, h.cue)])])
        for _, _, hits, group in rows
    ]
    print(f"{title}: stage accuracy {_share(found, rows)}")
    print(f"  own cues held out: {_share(held, rows)}")
    if len({r[3] for r in rows}) > 1:
        print(f"  own set's cues held out: {_share(by_set, rows)}")
    for name, calls in (("in-sample", found), ("own cues held out", held)):
        confusion = Counter((r[1], f) for f, r in zip(calls, rows, strict=True) if f != r[1])
        print(f"  confusions, {name}:")
        for (label, got), count in confusion.most_common():
            print(f"    {label} called {got}: {count}")
    if show:
        for (file, label, _, _), got, got_held in zip(rows, found, held, strict=True):
            if got != label or got_held != label:
                print(f"  {file}: {label}, found {got}, held out {got_held}")


def _share(calls: list[str | None], rows: list[Row]) -> str:
    """How many calls are the labelled stage, as 'right/n = share'."""
    right = sum(c == r[1] for c, r in zip(calls, rows, strict=True))
    return f"{right}/{len(rows)} = {right / len(rows):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="labelled folders")
    parser.add_argument("--show", action="store_true", help="list the wrong meetings")
    args = parser.parse_args()
    folders = args.folders or [f for f in (TRAIN, OWN_TRAIN) if any(f.glob("*.labels.json"))]
    analyzer = Analyzer()
    every: list[Row] = []
    for folder in folders:
        rows = load(folder, analyzer)
        report(
            f"{folder.parent.name}/{folder.name}" if folder.name == "train" else folder.name,
            rows,
            args.show,
        )
        every += rows
    if len(folders) > 1:
        report("all folders", every, show=False)


if __name__ == "__main__":
    main()
