"""Verified-outcome and stage figures per training folder in a few minutes, for trying an
outcome or stage change.

    .venv/bin/python scripts/outcomes_report.py [--cache FILE] [--splits N] [--details SETS]
                                                [FOLDER ...]

The outcome head is trained on cs_train alone (train_goals.py), so cs_train's meetings are
scored with the head refitted out of fold at the shipped C (train_goals.held_out_heads, N fold
assignments, default 3, counts summed) and data/train's with the shipped head; every meeting goes
through the product path (`outcomes.find`: the stage's before-results check, from_claims' lifts,
grouping and quotes), so the figures are those `milepost eval` gives, cs_train's on meetings the
head did not see. Prints outcomes P/R/F1 and stage accuracy per folder (data/train per set);
--details xq,xr (or all) lists each missed and spurious outcome and wrong stage of those sets.
--cache FILE keeps the parsed meetings (goals_report.py's cache: the same folders share one
file). Folders as in train_goals.py (cs_train and data/train by default; cs_dev refused).
--variant srt (or any of benchmarks/bench_unnamed.py's) scores the meetings whose files name
their speakers rewritten that way, read back through format detection with no roster, as
bench_unnamed.py does for every extractor (its cache is its own: --cache FILE.srt).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from datetime import date
from pathlib import Path

import goals_report
import numpy as np
import train_goals as tg

from milepost.pipeline import evaluate, formats, nlp
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract import outcomes, sides
from milepost.pipeline.extract import stage as st
from milepost.pipeline.extract.meeting import Meeting


def scored(data: tg.Data, splits: int) -> tuple[np.ndarray, list[list[str]], list[str | None]]:
    """Per meeting (found, labelled, matched) summed over the fold assignments (cs_train's
    meetings out of fold, the rest under the shipped head), the evidence found under the
    first assignment, and the stage called."""
    shipped = cl.model()["outcome"]
    counts = np.zeros((len(data.rows), 3))
    first: list[list[str]] = [[] for _ in data.rows]
    stages = [st.detect(m) for m in data.meetings]
    for split in range(splits):
        heads = tg.held_out_heads(data, "outcome", tg.CHOSEN["outcome"], shipped["C"], split)
        for k, (meeting, (found, labels)) in enumerate(zip(data.meetings, data.rows, strict=True)):
            head = {
                **(heads[k] if data.origins[k] == 0 else shipped),
                "threshold": shipped["threshold"],
            }
            if st.before_results(meeting, stages[k]):
                evidence: list[str] = []
            else:
                made = outcomes.from_claims(meeting, found, head, [], data.readings[k])
                evidence = [o.evidence for o in made]
            labelled = labels["verified_outcomes"]
            counts[k] += (len(evidence), len(labelled), len(evaluate.match(evidence, labelled)))
            if not split:
                first[k] = evidence
    return counts, first, [s.id if s else None for s in stages]


def rewritten(paths: list[Path], variant: str, cache: Path | None) -> goals_report.Parsed:
    """Per folder, its meetings whose files name their speakers, rewritten as bench_unnamed's
    variant and parsed with no roster; from the cache when it holds these folders."""
    key = [*map(str, (p.resolve() for p in paths)), variant]
    if cache is not None and cache.exists():
        folders, parsed = pickle.loads(cache.read_bytes())
        if folders == key:
            return parsed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import bench_unnamed

    ext, make = bench_unnamed.VARIANTS[variant]
    pipe = nlp.load()
    parsed = []
    for folder in paths:
        part = []
        for path, labels in evaluate.labelled_files(folder):
            transcript = formats.read(path)
            if not any(turn.speaker for turn in transcript.turns):
                continue  # already unnamed: nothing to take away
            if make is not None:
                transcript = formats.parse(make(transcript), f"{path.stem}.{variant}.{ext}")
            docs = list(pipe.pipe(t.text for t in transcript.turns))
            meeting = Meeting(transcript, docs, date.fromisoformat(labels["date"]))
            sides.infer(meeting)
            part.append((meeting, labels))
        parsed.append(part)
    if cache is not None:
        cache.write_bytes(pickle.dumps((key, parsed)))
    return parsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="labelled training folders, cs_train first")
    parser.add_argument("--cache", type=Path, help="keep the parsed meetings in this file")
    parser.add_argument("--splits", type=int, default=3, help="fold assignments to sum over")
    parser.add_argument("--details", default="", help="sets to list misses of (xq,xr or all)")
    parser.add_argument("--variant", help="bench_unnamed.py's rewrite to score (srt, ...)")
    args = parser.parse_args()
    paths = tg.folders(args.folders)
    if args.variant:
        parsed = rewritten(paths, args.variant, args.cache)
    else:
        parsed = goals_report.load(paths, args.cache)
    parts = [d for part in parsed for d in part]
    origins = [k for k, part in enumerate(parsed) for _ in part]
    data = tg.Data([m for m, _ in parts], tg.dataset(parts), origins)
    counts, found, stages = scored(data, args.splits)
    right = np.array(
        [s == labels.get("stage") for s, (_, labels) in zip(stages, parts, strict=True)]
    )
    total = np.zeros(3)
    for name, members in goals_report.by_set(paths, parsed):
        f, lab, m = counts[members].sum(axis=0)
        total += (f, lab, m)
        print(
            f"{name:10} outcomes P {m / max(f, 1):.3f} R {m / max(lab, 1):.3f} "
            f"F1 {2 * m / max(f + lab, 1):.3f} ({int(m)}/{int(lab)} matched, {int(f)} found)  "
            f"stage {int(right[members].sum())}/{len(members)}"
        )
    f, lab, m = total
    print(f"{'all':10} outcomes F1 {2 * m / max(f + lab, 1):.3f} (splits {args.splits})")
    wanted = tuple(args.details.split(",")) if args.details else ()
    for k, (_, labels) in enumerate(parts):
        name = labels["file"]
        if not wanted or (wanted != ("all",) and not name.startswith(wanted)):
            continue
        lab = labels["verified_outcomes"]
        pairs = evaluate.match(found[k], lab)
        missed = [x["evidence"] for j, x in enumerate(lab) if j not in {b for _, b in pairs}]
        spurious = [e for i, e in enumerate(found[k]) if i not in {a for a, _ in pairs}]
        if missed or spurious or stages[k] != labels.get("stage"):
            print(f"== {name} stage {stages[k]} (labelled {labels.get('stage')})")
            print(
                "".join(f"  MISS: {e}\n" for e in missed)
                + "".join(f"  SPUR: {e}\n" for e in spurious),
                end="",
            )


if __name__ == "__main__":
    main()
