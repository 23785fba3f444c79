"""Train the goal agreement model on the training meetings; writes data/goals/agreement.json.

Usage: python scripts/train_agreement.py [FOLDER ...] [--cache FILE] [--report]
(default: ../shared/eval/cs_train, and data/train when it holds labelled meetings; never cs_dev)

--cache FILE keeps the parsed meetings (spaCy docs and sides inferred) in FILE, so a second run
skips the two minutes of parsing; claims are recomputed from them on every run, so a change to
the cues or the goal code is seen (delete FILE after changing how sides are inferred).
--report prints the out-of-fold figures per folder and roster setting under the shipped C and
threshold (one quick pass, no grid) and writes nothing: the loop for trying a rule change.

One example per goal the goal finder finds, grouped as goals.find groups it, so the model
learns from the statements it will see at run time. The finder is trained out of fold
(train_goals.py's features and C, the shipped threshold and second-goal floor, on the folders
the shipped goal model was trained on; five folds of meetings over all folders together), so
each meeting's goals come from a model that never saw it, with the misses and partial groups
that brings. Label: the matched labelled goal's
`agreed` (matched as the evaluation matches), false for a found goal no label matches.
Features: agreement.features. Every meeting is used twice, with its roster and with sides
inferred, so the model also holds when no roster is given. Logistic regression, seeded.

C and threshold are chosen by nested cross-validation of the meeting-level verdict
(`has_agreed_goal` through goals.from_claims, finder and agreement model both out of fold),
each threshold's figures averaged with its neighbours'. Every (C, threshold) within one meeting
(under both roster settings: 2 of the nested-CV verdicts) of the best smoothed meeting accuracy
is a tie; the smallest C among the ties is taken, and at that C the thresholds within one
meeting of its best form a plateau whose middle is taken (of two, the lower; plateau_choice).
Stop 17's choice sat on a tie (C 0.1 and 0.3 both 0.989, found-goal accuracy a thousandth
apart) that small goal changes flipped, and stop 20's threshold was set on a plateau by a
thousandth of found-goal accuracy. Both are
printed for cs_train alone and for all folders; cs_train alone is saturated, so the choice is
made on all folders.

The shipped agreement.json is stop 23's: this script on cs_train and 556 data/train meetings (sets
xa..yg; yg joined at 9b0afc6), at the goal rules of bc51955 (stop 23's goal changes: 69a99cf,
184e8d0, dbe28bc, 8b773ab, bc51955), cache of a fresh parse at 9b0afc6; two runs byte-identical at
c0595ad, and identical to two at 8b773ab; a run at 717a205 (before the goal changes) gives the same
weights. It chooses C 0.1 and threshold 0.4 again: smoothed nested-CV meeting accuracy at C 0.1 is
0.971 0.971 0.964 0.964 0.961 for thresholds 0.3..0.7, and no larger C does better. Nested CV
has_agreed_goal 0.968 all, 1.000 cs_train; found-goal agreed 0.937 all, 0.989 cs_train. Weights
move a little (bias -3.303 -> -3.300, yes_first 1.53 -> 1.49, check_yes 0.57 -> 0.62, withdrawn
-1.17 -> -1.25). Leave-one-set-out refits at the shipped C and threshold, so it is unchanged by
this retrain: 582/596 with the roster, 581/596 without (yg 35/36, yf 32/36, ye 35/36), at c0595ad.
Stop 22's file: 520 data/train meetings (xa..yf), C 0.1 / 0.4, nested CV 0.964 and 0.940, LOSO
543/560 and 542/560.
Stop 21's file: 484 data/train meetings (xa..ye), C 0.1 / 0.4, nested CV 0.970 and
0.947. History: stop
19's file (4df7789, 412 data/train meetings, C 0.1 / 0.4) was kept at stop 20 over that stop's
retrain (dd603b1, C 0.1 / 0.5, threshold then chosen by found-goal accuracy on a 0.3-0.6 tie),
which lost one meeting on the held-out sets YE and YF (128 of 144 against 130, roster and no
roster summed): an agreed goal confirmed only in the closing recap of an unnamed transcript.
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import train_goals as tg
import training_sets
from sklearn.linear_model import LogisticRegression
from training_sets import CS_TRAIN, OWN_TRAIN, folders

from milepost.pipeline import evaluate, formats, nlp
from milepost.pipeline.extract import agreement, goal_groups, goals, sides
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.meeting import Meeting

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "pipeline" / "data" / "goals" / "agreement.json"
SEED = 13
FOLDS = 5
CS = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


@dataclass
class Labelled:
    """One parsed meeting under one roster setting, with its claims and labels."""

    meeting: Meeting
    found: list[cl.Claim]
    labels: dict
    origin: str
    fold: int


Example = tuple[int, dict[str, float], int, str]
"""(fold, features, agreed, origin folder) for one found goal."""


def load(paths: list[Path], cache: Path | None = None) -> tuple[list[Labelled], list[Labelled]]:
    """Every labelled meeting parsed once: (with its roster, with sides inferred); from the
    cache when it holds these folders, with claims recomputed."""
    key = [str(p.resolve()) for p in paths]
    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            folders_, given, inferred = _Cache(f).load()
        if folders_ == key:
            for d in given + inferred:
                d.found = cl.claims(d.meeting)
            return given, inferred
    given, inferred = _parse(paths)
    if cache is not None:
        cache.write_bytes(pickle.dumps((key, given, inferred)))
    return given, inferred


class _Cache(pickle.Unpickler):
    """Reads a cache written by this script run as itself or imported (agreement_sets.py):
    Labelled is this module's, whatever module name the pickle gave it."""

    def find_class(self, module: str, name: str) -> type:
        return Labelled if name == "Labelled" else super().find_class(module, name)


def _parse(paths: list[Path]) -> tuple[list[Labelled], list[Labelled]]:
    pipe = nlp.load()
    given: list[Labelled] = []
    inferred: list[Labelled] = []
    for folder in paths:
        for path, labels in evaluate.labelled_files(folder):
            transcript = formats.read(path)
            docs = list(pipe.pipe(t.text for t in transcript.turns))
            roster = training_sets.roster(labels)
            fold = len(given) % FOLDS
            for out, known in ((given, roster), (inferred, {})):
                day = date.fromisoformat(labels["date"])
                meeting = Meeting(transcript, docs, day, dict(known))  # type: ignore[arg-type]
                sides.infer(meeting)
                out.append(Labelled(meeting, cl.claims(meeting), labels, _origin(folder), fold))
    return given, inferred


def _origin(folder: Path) -> str:
    """How agreement.json names a training folder: cs_train, data/train, or the folder's name."""
    if folder.resolve() == OWN_TRAIN.resolve():
        return "data/train"
    return folder.name


def finder_heads(data: list[Labelled]) -> list[dict]:
    """Per fold, the goal head trained on the other folds of the folders the shipped goal model
    was trained on (model.json's trained_on), fitted as train_goals.py fits it under its variant
    (goal_head), with its C, threshold and second-goal floor."""
    shipped = cl.model()
    setting = {k: shipped["goal"][k] for k in ("threshold", "second_floor") if k in shipped["goal"]}
    own = set(shipped.get("trained_on") or [CS_TRAIN.name])
    heads = []
    for k in range(FOLDS):
        train = [d for d in data if d.fold != k and d.origin in own]
        heads.append({**goal_head(train, shipped["goal"]), **setting})
    return heads


def goal_head(train: list[Labelled], goal: dict) -> dict:
    """The goal head fitted on these meetings as train_goals.py fits the shipped one (goal:
    model.json's goal entry): under its variant, another folder's meetings are weighted and
    source-marked as train_goals.goal_head does it (the marker is absent at run time)."""
    rows = [(d.found, d.labels) for d in train]
    team = [d.origin != CS_TRAIN.name for d in train]
    return tg.goal_head(rows, team, goal.get("variant", "cs_train only"), goal["C"])


def examples(data: list[Labelled], heads: list[dict]) -> list[Example]:
    """(fold, features, agreed, origin) per goal found by the out-of-fold goal finder."""
    return [(d.fold, f, y, d.origin) for d in data for f, y in _found_goals(d, heads[d.fold])]


def _found_goals(d: Labelled, head: dict) -> list[tuple[dict[str, float], int]]:
    probs = cl.score(d.found, "goal", head)
    groups = goal_groups.grouped(d.found, probs, head)  # as goals.from_claims groups them
    evidence = [goals.evidence_of(d.found, g, d.meeting) for g in groups]  # the product's quote
    labelled = d.labels["goals"]
    matched = dict(evaluate.match(evidence, labelled))
    return [
        (
            agreement.features(d.meeting, [d.found[j] for j in g]),
            int(i in matched and labelled[matched[i]]["agreed"]),
        )
        for i, g in enumerate(groups)
    ]


def fit(rows: list[Example], names: list[str], c: float, threshold: float) -> dict:
    """The agreement model (as agreement.json holds it) fitted on rows."""
    x = np.array([[r[1].get(n, 0.0) for n in names] for r in rows], dtype=float)
    y = np.array([r[2] for r in rows], dtype=int)
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED).fit(x, y)
    return {
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 5),
        "weights": {n: round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True)},
    }


def feature_names(rows: list[Example]) -> list[str]:
    return sorted({n for r in rows for n in r[1]})


@contextmanager
def agreement_model(model: dict) -> Iterator[None]:
    """Make agreement.agreed read this model instead of the shipped one."""
    shipped = agreement._model
    agreement._model = lambda: model  # type: ignore[assignment]
    try:
        yield
    finally:
        agreement._model = shipped


def verdicts(
    data: list[Labelled], heads: list[dict], models: list[dict], counts: list[int] | None = None
) -> list[bool]:
    """Per meeting, whether the product's has_agreed_goal matches the label, every part of
    the decision (finder and agreement model) trained without the meeting's fold. counts, when
    given, gathers the goals' (found, labelled, matched)."""
    out = []
    for d in data:
        with agreement_model(models[d.fold]):
            found = goals.from_claims(d.meeting, d.found, heads[d.fold])
        out.append(goals.has_agreed_goal(found) == bool(d.labels["has_agreed_goal"]))
        if counts is not None:
            matched = evaluate.match([g.evidence for g in found], d.labels["goals"])
            for k, n in enumerate((len(found), len(d.labels["goals"]), len(matched))):
                counts[k] += n
    return out


Scores = dict[str, float]


def scores(
    data: list[Labelled], heads: list[dict], rows: list[Example], c: float
) -> Callable[[float], Scores]:
    """For one C, a function from threshold to the nested-CV accuracies it gives."""
    names = feature_names(rows)
    fitted = [fit([r for r in rows if r[0] != k], names, c, 0.5) for k in range(FOLDS)]
    y = np.array([r[2] for r in rows])
    is_cs = np.array([r[3] == CS_TRAIN.name for r in rows])
    cs_meetings = np.array([d.origin == CS_TRAIN.name for d in data])

    def at(t: float) -> Scores:
        models = [{**m, "threshold": t} for m in fitted]
        said = np.array([agreement.decide(r[1], models[r[0]]) for r in rows])
        counts = [0, 0, 0]
        right = np.array(verdicts(data, heads, models, counts))
        return {
            "meeting": float(right.mean()),
            "meeting_cs": float(right[cs_meetings].mean()),
            "goal": float((said == y).mean()),
            "goal_cs": float((said == y)[is_cs].mean()),
            "goal_f1": 2 * counts[2] / (counts[0] + counts[1]),
        }

    return at


def cross_validate(
    data: list[Labelled], heads: list[dict], rows: list[Example]
) -> tuple[float, float, Scores]:
    """(C, threshold, scores): each threshold's nested-CV figures over all folders averaged
    with the neighbouring thresholds' so one lucky split does not pick, then plateau_choice."""
    settings: list[tuple[float, float, Scores]] = []
    for c in CS:
        at = scores(data, heads, rows, c)
        table = [at(t) for t in THRESHOLDS]
        print(f"C={c}: " + "  ".join(_line(t, s) for t, s in zip(THRESHOLDS, table, strict=True)))
        for i in range(1, len(THRESHOLDS) - 1):  # thresholds with a neighbour on each side
            near = table[i - 1 : i + 2]
            smooth = {k: sum(s[k] for s in near) / len(near) for k in table[i]}
            settings.append((c, THRESHOLDS[i], smooth))
    return plateau_choice(settings, TIE_MEETINGS * 2 / len(data))


TIE_MEETINGS = 1
"""How many meetings (each counted under both roster settings) below the best smoothed
meeting accuracy a setting may be and still tie with it."""


def plateau_choice(
    settings: list[tuple[float, float, Scores]], tie: float
) -> tuple[float, float, Scores]:
    """Among the (C, threshold, smoothed scores) within tie of the best meeting accuracy, the
    smallest C (the most regularised); at that C, the thresholds within tie of its best meeting
    accuracy are a plateau, and the middle one is taken (of an even count, the lower middle).
    The middle of a flat run is the threshold a small shift of the data moves least; stop 17's
    and stop 20's choices were made on the plateau by a thousandth of found-goal accuracy."""
    top = max(s["meeting"] for _, _, s in settings)
    tied = [r for r in settings if r[2]["meeting"] >= top - tie - 1e-12]
    c = min(r[0] for r in tied)
    at_c = [r for r in settings if r[0] == c]
    best = max(r[2]["meeting"] for r in at_c)
    plateau = sorted((r for r in at_c if r[2]["meeting"] >= best - tie - 1e-12), key=lambda r: r[1])
    return plateau[(len(plateau) - 1) // 2]


def _line(t: float, s: Scores) -> str:
    return (
        f"t={t} meet {s['meeting']:.3f} (cs {s['meeting_cs']:.3f}) goal {s['goal']:.3f}"
        f" (goal F1 {s['goal_f1']:.3f})"
    )


def train(given: list[Labelled], inferred: list[Labelled]) -> dict:
    """Nested CV over both roster settings, then the model fitted on every found goal."""
    data = given + inferred
    heads = finder_heads(given)
    rows = examples(data, heads)
    origins = list(dict.fromkeys(d.origin for d in given))
    c, threshold, s = cross_validate(data, heads, rows)
    print(
        f"chosen C={c} threshold={threshold} on {len(given)} meetings, {len(rows)} found goals "
        f"(smoothed nested CV): has_agreed_goal {s['meeting']:.3f} all, "
        f"{s['meeting_cs']:.3f} cs_train; found-goal agreed {s['goal']:.3f} all, "
        f"{s['goal_cs']:.3f} cs_train; goals F1 {s['goal_f1']:.3f}"
    )
    return {
        "trained_on": origins,
        "meetings": [sum(d.origin == o for d in given) for o in origins],
        "examples": "goals found out of fold, each meeting with and without roster",
        "seed": SEED,
        "C": c,
        "cv_has_agreed_goal": round(s["meeting"], 3),
        "cv_accuracy": round(s["goal"], 3),
        **fit(rows, feature_names(rows), c, threshold),
    }


def report(given: list[Labelled], inferred: list[Labelled]) -> list[str]:
    """Out-of-fold has_agreed_goal and goals F1 per folder (data/train per set) and roster
    setting, under the shipped C and threshold: lines to print."""
    data = given + inferred
    heads = finder_heads(given)
    rows = examples(data, heads)
    shipped = agreement._model()
    names = feature_names(rows)
    models = [
        fit([r for r in rows if r[0] != k], names, shipped["C"], shipped["threshold"])
        for k in range(FOLDS)
    ]
    tally: dict[tuple[str, str], list[int]] = {}
    for i, d in enumerate(data):
        counts = [0, 0, 0]
        right = verdicts([d], heads, models, counts)[0]
        setting = "roster" if i < len(given) else "inferred"
        for where in (_set_of(d), "all"):
            t = tally.setdefault((setting, where), [0, 0, 0, 0, 0])
            for k, n in enumerate((int(right), 1, *counts)):
                t[k] += n
    return [
        f"{setting:8s} {where:9s} has_agreed_goal {t[0]}/{t[1]} = {t[0] / t[1]:.3f}  "
        f"goals F1 {2 * t[4] / max(t[2] + t[3], 1):.3f}"
        for (setting, where), t in sorted(tally.items())
    ]


def _set_of(d: Labelled) -> str:
    """cs_train, or a data/train meeting's set (the name's prefix: xa, xb, ...)."""
    if d.origin != "data/train":
        return d.origin
    return Path(d.meeting.transcript.source).name.split("_")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--cache", type=Path, help="keep the parsed meetings in this file")
    parser.add_argument("--report", action="store_true", help="print out-of-fold figures only")
    args = parser.parse_args()
    given, inferred = load(folders(args.folders), args.cache)
    if args.report:
        print("\n".join(report(given, inferred)))
        return
    OUT.write_text(json.dumps(train(given, inferred), indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
