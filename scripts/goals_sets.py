"""Leave-one-set-out goal figures for a goal head trained on cs_train with the team's sets.

    .venv/bin/python scripts/goals_sets.py [--cache FILE] [--weights 0,0.25,0.5,1] [--bias]

The goal head learns from cs_train alone (train_goals.py's `cs_train only`). The sets written
to imitate cs_train (IMITATING) are the best proxy for unseen meetings, so this
asks whether learning from them too helps there without costing cs_train: for each weight of
their sentences (0: cs_train alone), cs_train's meetings are scored by heads fitted on its
other folds plus every imitating set, each imitating set by a head fitted on cs_train and the
other imitating sets (the set held out whole, as unseen meetings would be), and the older sets
by a head on all of them (weight 0: as train_goals.py folds them). Counts go through the
product path (`goals.goal_groups`) at the shipped C over a few thresholds and second-goal
floors, summed over SPLITS fold assignments. --bias adds the source feature of `union+bias`.
--cs scores several C (default: the shipped one). Writes nothing; prints, after each fold
assignment (counts summed over those so far), per weight its pick: the setting train_goals.py's
plateau rule takes by cs_train's held-out F1 alone (smoothed over neighbouring thresholds;
within GOAL_TOL of the best, the smallest C, lowest threshold, lowest floor), with each group's
F1 there, their unweighted mean, and yf and yg alone (the sets held out at stops 20-22,
which no rule was read from before stops 22 and 23); at the end, one line per setting.

Stop 19 (cs_train + 412 meetings) and stop 20 (488, which shipped weight 0.1 with --bias as
train_goals.WEIGHTED), each --weights 0,0.1 --bias --cs 0.1,0.3,1: train_goals.py module
docstring.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import goals_report
import numpy as np
import train_goals as tg
from sklearn.linear_model import LogisticRegression
from training_sets import TEAM

from milepost.pipeline import evaluate
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract import goals

IMITATING = (*(f"x{c}" for c in "ghijklmnopqrstuvwxyz"), *(f"y{c}" for c in "abcdefg"))
THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55)
FLOORS = (0.1, 0.2)
SPLITS = 2
GROUPS = {"xa-xf": ("xa", "xb", "xc", "xd", "xe", "xf"), "xg-xj": IMITATING[:4]}
GROUPS["xk-xm"] = IMITATING[4:7]
GROUPS["xn-xp"] = IMITATING[7:10]
GROUPS["xq-xs"] = IMITATING[10:13]
GROUPS["xt-xv"] = IMITATING[13:16]
GROUPS["xw-xy"] = IMITATING[16:19]
GROUPS["xz-yb"] = IMITATING[19:22]
GROUPS["yc-yg"] = IMITATING[22:]
UNSEEN = ("yf", "yg")
"""Sets held out at earlier stops that no rule was read from, each reported alone."""


class Sets:
    """The parsed meetings, their goal candidates and the set each belongs to."""

    def __init__(self, paths: list[Path], cache: Path | None) -> None:
        parsed = goals_report.load(paths, cache)
        parts = [d for part in parsed for d in part]
        self.meetings = [m for m, _ in parts]
        self.rows = tg.dataset(parts)
        self.candidates = tg.candidates(self.rows, "goal")
        self.positives = [
            [tg.positive(c, labels["goals"]) for c in cs] for cs, labels in self.candidates
        ]
        self.sets = [
            _set_of(labels["file"], k) for k, part in enumerate(parsed) for _, labels in part
        ]

    def index(self, names: tuple[str, ...]) -> list[int]:
        return [j for j, s in enumerate(self.sets) if s in names]


def _set_of(file: str, origin: int) -> str:
    return "cs_train" if origin == 0 else file.split("_")[0]


def fit(data: Sets, train: list[int], weight: float, c: float, bias: bool) -> dict:
    """A goal head on the given meetings, the imitating sets' sentences weighted (a sparse
    matrix: 452 meetings' sentences by every feature is too slow to build densely)."""
    used = [j for j in train if data.sets[j] == "cs_train" or weight > 0]
    names = tg.feature_names([data.rows[j] for j in used]) + ([TEAM] if bias else [])

    def examples():  # type: ignore[no-untyped-def]
        for j in used:
            team = data.sets[j] != "cs_train"
            for claim, label in zip(data.candidates[j][0], data.positives[j], strict=True):
                marked = {**claim.features, TEAM: 1.0} if bias and team else claim.features
                yield marked, label, weight if team else 1.0

    x, y, w = tg.sparse_examples(examples(), names)
    model = LogisticRegression(C=c, max_iter=3000, random_state=tg.SEED)
    model.fit(x, y, sample_weight=w)
    return tg.head_of(model, names)


def _fitted(data: Sets, train: list[int], weight: float, c: float, bias: bool) -> dict:
    """fit(), once per set of meetings and setting: a set held out whole is fitted on the same
    meetings under every fold assignment."""
    done = data.__dict__.setdefault("fitted", {})
    key = (tuple(train), weight, c, bias)
    if key not in done:
        done[key] = fit(data, train, weight, c, bias)
    return done[key]


def heads(data: Sets, weight: float, c: float, split: int, bias: bool) -> list[dict]:
    """Per meeting, a head that never saw it (module docstring)."""
    out: list[dict] = [{}] * len(data.rows)
    cs = data.index(("cs_train",))
    pool = data.index(IMITATING) if weight > 0 else []
    for part in tg.fold_indexes(len(cs), split):
        held = [cs[i] for i in part]
        head = _fitted(data, [j for j in cs if j not in held] + pool, weight, c, bias)
        for j in held:
            out[j] = head
    for s in IMITATING if weight > 0 else ():
        head = _fitted(data, cs + [j for j in pool if data.sets[j] != s], weight, c, bias)
        for j in data.index((s,)):
            out[j] = head
    rest = [j for j in range(len(data.rows)) if not out[j]]
    if weight > 0:
        head = _fitted(data, cs + pool, weight, c, bias)
        return [h or head for h in out]
    origins = [0 if data.sets[j] == "cs_train" else 1 for j in range(len(data.rows))]
    for held in tg.folds_of(origins, split):
        head = _fitted(data, [j for j in cs if j not in held], weight, c, bias)
        for j in set(held) & set(rest):
            out[j] = head
    return out


def counts(data: Sets, per_meeting: list[dict]) -> np.ndarray:
    """(floor, threshold, meeting, [found, labelled, matched]); a meeting already counted under
    the same head (a set held out whole, under another fold assignment) is not counted again."""
    out = np.zeros((len(FLOORS), len(THRESHOLDS), len(data.rows), 3))
    done = data.__dict__.setdefault("counted", {})
    for j, ((cs, labels), head) in enumerate(zip(data.rows, per_meeting, strict=True)):
        if (j, id(head)) in done:
            out[:, :, j] = done[j, id(head)]
            continue
        probs = cl.score(cs, "goal", head)
        for a, floor in enumerate(FLOORS):
            for b, t in enumerate(THRESHOLDS):
                setting = {"threshold": t, "second_floor": floor}
                groups = goals.goal_groups(data.meetings[j], cs, probs, setting)
                found = [goals.evidence_of(cs, g, data.meetings[j]) for g in groups]
                matched = evaluate.match(found, labels["goals"])
                out[a, b, j] = (len(found), len(labels["goals"]), len(matched))
        if any(head is h for h in data.__dict__.get("fitted", {}).values()):
            done[j, id(head)] = out[:, :, j].copy()  # kept alive by fitted: its id stays its own
    return out


def line(data: Sets, tally: np.ndarray) -> str:
    """F1 of cs_train, of each group of sets, and of each imitating set."""

    def f1(names: tuple[str, ...]) -> float:
        return tg.f1_of(tally[data.index(names)].sum(axis=0))

    groups = " | ".join(f"{g} {f1(names):.3f}" for g, names in GROUPS.items())
    sets = " ".join(f"{s} {f1((s,)):.2f}" for s in IMITATING)
    return f"cs_train {f1(('cs_train',)):.3f} | {groups} | {sets}"


def pick(data: Sets, tallies: dict[float, np.ndarray]) -> tuple[float, float | None, float]:
    """(C, floor, threshold) as train_goals.plateau_choice takes it, by cs_train's held-out F1
    alone; tallies: per C, counts()'s array summed over the fold assignments."""
    cs = data.index(("cs_train",))
    settings = []
    for c, tally in tallies.items():
        for a, floor in enumerate(FLOORS):
            f1s = [tg.f1_of(tally[a, b][cs].sum(axis=0)) for b in range(len(THRESHOLDS))]
            for b, t in enumerate(THRESHOLDS):
                first, every = tally[a, b][cs].sum(axis=0), tally[a, b].sum(axis=0)
                smoothed = tg._smoothed(f1s, b)
                settings.append(
                    tg.Result("goals_sets", c, t, floor, smoothed, first, every - first, every)
                )
    chosen = tg.plateau_choice(settings)
    return chosen.c, chosen.floor, chosen.threshold


def summary(data: Sets, tally: np.ndarray) -> str:
    """cs_train's F1, the groups' unweighted mean and each group's, and the UNSEEN sets alone."""

    def f1(names: tuple[str, ...]) -> float:
        return tg.f1_of(tally[data.index(names)].sum(axis=0))

    groups = {g: f1(names) for g, names in GROUPS.items()}
    mean = sum(groups.values()) / len(groups)
    unseen = " ".join(f"{s} {f1((s,)):.3f}" for s in UNSEEN)
    each = " ".join(f"{g} {v:.3f}" for g, v in groups.items())
    return f"cs_train {f1(('cs_train',)):.3f} | groups' mean {mean:.4f} | {unseen} | {each}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the parsed meetings in this file")
    parser.add_argument("--weights", default="0,0.25,0.5,1", help="imitating sets' weights")
    parser.add_argument("--bias", action="store_true", help="add the union+bias source feature")
    parser.add_argument("--cs", help="C values, comma-separated (default: the shipped C)")
    parser.add_argument("--splits", type=int, default=SPLITS, help="fold assignments")
    args = parser.parse_args()
    data = Sets(tg.folders([]), args.cache)
    shipped = cl.model()["goal"]["C"]
    cs = [float(c) for c in args.cs.split(",")] if args.cs else [shipped]
    weights = [float(w) for w in args.weights.split(",")]
    tallies = {
        (w, c): np.zeros((len(FLOORS), len(THRESHOLDS), len(data.rows), 3))
        for w in weights
        for c in cs
    }
    for split in range(args.splits):  # every weight and C per fold assignment: a pick per count
        for (weight, c), tally in tallies.items():
            tally += counts(data, heads(data, weight, c, split, args.bias))
        print(f"after {split + 1} fold assignments:", flush=True)
        for weight in weights:
            print(picked(data, weight, {c: tallies[weight, c] for c in cs}), flush=True)
    for (weight, c), tally in tallies.items():
        for a, floor in enumerate(FLOORS):
            for b, t in enumerate(THRESHOLDS):
                print(f"w={weight} C={c} floor={floor} t={t}: {line(data, tally[a, b])}")


def picked(data: Sets, weight: float, tallies: dict[float, np.ndarray]) -> str:
    """The weight's pick (by cs_train alone) and its summary line; tallies: per C."""
    c, floor, t = pick(data, tallies)
    at = tallies[c][FLOORS.index(floor), THRESHOLDS.index(t)]
    return f"pick w={weight} C={c} floor={floor} t={t}: {summary(data, at)}"


if __name__ == "__main__":
    main()
