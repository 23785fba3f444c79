"""Out-of-fold goal figures per training folder in about a minute, for trying a cue or goal change.

    .venv/bin/python scripts/goals_report.py [--cache FILE] [--splits N] [FOLDER ...]

train_goals.py --cv answers "which weights" in about an hour; this answers "did my change help"
with the shipped goal head's C, threshold and second-goal floor, refitted out of fold the way
--cv fits it (each folder's meetings in FOLDS folds, the goal head's variant from CHOSEN), and
scored through the product path (`goals.from_claims`: grouping, evidence, agreement), so the
figures are those `milepost eval` would give on meetings the head did not see. It prints goals
P/R/F1 and has_agreed_goal per folder (data/train per set), counts summed over N fold
assignments (default 3).

--cache FILE keeps the parsed meetings (spaCy docs, sides inferred from the labels' roster);
claims are recomputed on every run, so a change to cues or claims.py is seen. Folders as in
train_goals.py (cs_train and data/train by default; cs_dev refused). Writes nothing else.
"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path

import numpy as np
import train_goals as tg
import training_sets

from milepost.pipeline import evaluate
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract import goals
from milepost.pipeline.extract.meeting import Meeting

Parsed = list[list[tuple[Meeting, dict]]]
"""Per folder, its meetings with their labels."""


def load(paths: list[Path], cache: Path | None = None) -> Parsed:
    """Every labelled meeting of each folder parsed once; from the cache when it holds these
    folders."""
    key = [str(p.resolve()) for p in paths]
    if cache is not None and cache.exists():
        folders, parsed = pickle.loads(cache.read_bytes())
        if folders == key:
            return parsed
    parsed = [tg.load(p) for p in paths]
    if cache is not None:
        cache.write_bytes(pickle.dumps((key, parsed)))
    return parsed


def tally(found: list[goals.Goal], labels: dict) -> np.ndarray:
    """(found, labelled, matched, has_agreed_goal right) for one meeting."""
    matched = evaluate.match([g.evidence for g in found], labels["goals"])
    right = goals.has_agreed_goal(found) == bool(labels.get("has_agreed_goal"))
    return np.array([len(found), len(labels["goals"]), len(matched), right], dtype=float)


def report(data: tg.Data, splits: int) -> np.ndarray:
    """Per meeting, tally() summed over the fold assignments, under the shipped settings."""
    shipped = cl.model()["goal"]
    setting = {"threshold": shipped["threshold"], "second_floor": shipped.get("second_floor", 0)}
    out = np.zeros((len(data.rows), 4))
    for split in range(splits):
        heads = tg.held_out_heads(data, "goal", tg.CHOSEN["goal"], shipped["C"], split)
        for k, (meeting, (found, labels)) in enumerate(zip(data.meetings, data.rows, strict=True)):
            made = goals.from_claims(meeting, found, {**heads[k], **setting})
            out[k] += tally(made, labels)
    return out


def line(name: str, counts: np.ndarray, splits: int) -> str:
    """One folder's figures; counts: its meetings' tallies, each summed over `splits`."""
    found, labelled, matched, right = counts.sum(axis=0)
    f1 = 2 * matched / max(found + labelled, 1)
    return (
        f"{name}: goals P {matched / max(found, 1):.3f} R {matched / max(labelled, 1):.3f} "
        f"F1 {f1:.3f} ({int(matched)}/{int(labelled)} matched, {int(found)} found)  "
        f"has_agreed_goal {int(right)}/{len(counts) * splits}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="labelled training folders, cs_train first")
    parser.add_argument("--cache", type=Path, help="keep the parsed meetings in this file")
    parser.add_argument("--splits", type=int, default=3, help="fold assignments to sum over")
    args = parser.parse_args()
    paths = tg.folders(args.folders)
    parsed = load(paths, args.cache)
    parts = [d for part in parsed for d in part]
    origins = [k for k, part in enumerate(parsed) for _ in part]
    data = tg.Data([m for m, _ in parts], tg.dataset(parts), origins)
    counts = report(data, args.splits)
    for name, members in by_set(paths, parsed):
        print(line(name, counts[members], args.splits))


def by_set(paths: list[Path], parsed: Parsed) -> list[tuple[str, np.ndarray]]:
    """(name, which meetings) per folder, data/train's meetings per set (xa, xb...): the sets
    were written apart and imitate cs_train to different degrees."""
    out = []
    start = 0
    for path, part in zip(paths, parsed, strict=True):
        index = np.arange(start, start + len(part))
        start += len(part)
        if path.resolve() != training_sets.OWN_TRAIN.resolve():
            out.append((tg.source(path), index))
            continue
        sets = [labels["file"].split("_")[0] for _, labels in part]
        out += [(s, index[[x == s for x in sets]]) for s in sorted(set(sets))]
    return out


if __name__ == "__main__":
    main()
