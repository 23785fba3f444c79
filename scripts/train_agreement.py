"""Train the goal agreement model on cs_train only; writes data/goals/agreement.json.

Usage: python scripts/train_agreement.py [../shared/eval/cs_train]

One example per goal the goal finder finds, grouped as goals.find groups it, so the model
learns from the statements it will see at run time. The finder is trained out of fold
(train_goals.py's features, C and threshold; five folds of meetings), so each meeting's goals
come from a model that never saw it, with the misses and partial groups that brings. Label:
the matched labelled goal's `agreed` (matched as the evaluation matches), false for a found
goal no label matches. Features: agreement.features. Every meeting is used twice, with its
roster and with sides inferred, so the model also holds when no roster is given. Logistic
regression, seeded, with C and threshold chosen by the leave-files-out accuracy of the whole
decision (agreement.decide: the guide's explicit forms, then the model), which it prints.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import numpy as np
import train_goals as tg
from sklearn.linear_model import LogisticRegression

from milepost.pipeline import evaluate, formats, nlp
from milepost.pipeline.extract import agreement, goals, sides
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.goal_text import trim_lead
from milepost.pipeline.extract.meeting import Meeting

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "pipeline" / "data" / "goals" / "agreement.json"
SEED = 13
FOLDS = 5
CS = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)

Example = tuple[int, dict[str, float], int]
Labelled = list[tuple[Meeting, list[cl.Claim], dict]]


def load(folder: Path) -> tuple[Labelled, Labelled]:
    """Every labelled meeting parsed once: (with its roster, with sides inferred)."""
    pipe = nlp.load()
    given: Labelled = []
    inferred: Labelled = []
    for path, labels in evaluate.labelled_files(folder):
        transcript = formats.read(path)
        docs = list(pipe.pipe(t.text for t in transcript.turns))
        roster = {n: "vendor" for n in labels.get("vendor_speakers", [])}
        roster.update({n: "customer" for n in labels.get("customer_speakers", [])})
        for out, known in ((given, roster), (inferred, {})):
            meeting = Meeting(transcript, docs, date.fromisoformat(labels["date"]), dict(known))  # type: ignore[arg-type]
            sides.infer(meeting)
            out.append((meeting, cl.claims(meeting), labels))
    return given, inferred


def examples(data: Labelled) -> list[Example]:
    """(meeting index, features, agreed) per goal found by an out-of-fold goal finder."""
    rows = [(found, labels) for _, found, labels in data]
    names = tg.feature_names(rows)
    head = cl.model()["goal"]
    out: list[Example] = []
    for k in range(FOLDS):
        train = tg.candidates([r for i, r in enumerate(rows) if i % FOLDS != k], "goal")
        finder = tg.fit(train, names, "goals", head["C"])
        for i in range(k, len(data), FOLDS):
            meeting, found, labels = data[i]
            probs = tg.predict(finder, found, names)
            keep = [cl.proposed(c, "goal") for c in found]
            probs = np.where(keep, probs, 0.0) if found else probs
            out.extend((i, f, y) for f, y in _found_goals(meeting, found, probs, labels))
    return out


def _found_goals(
    meeting: Meeting, found: list[cl.Claim], probs: np.ndarray, labels: dict
) -> list[tuple[dict[str, float], int]]:
    head = cl.model()["goal"]
    groups = goals.select(found, probs, head["threshold"])
    if len(groups) == 1 and head.get("second_floor"):  # as goals.from_claims does
        groups += goals._second(found, probs, head["second_floor"], groups[0])
    evidence = [trim_lead(goals._evidence_claim(found, g).text) for g in groups]
    matched = dict(evaluate.match(evidence, labels["goals"]))
    return [
        (
            agreement.features(meeting, [found[j] for j in g]),
            int(i in matched and labels["goals"][matched[i]]["agreed"]),
        )
        for i, g in enumerate(groups)
    ]


def matrix(rows: list[Example], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[f.get(n, 0.0) for n in names] for _, f, _ in rows], dtype=float)
    return x, np.array([y for _, _, y in rows], dtype=int)


def cross_validate(rows: list[Example], names: list[str]) -> tuple[float, float, float]:
    """(C, threshold, accuracy) with the best leave-files-out accuracy of agreement.decide on
    found goals, averaged with the neighbouring thresholds' so one lucky split does not pick."""
    x, y = matrix(rows, names)
    fold = np.array([k % FOLDS for k, _, _ in rows])
    best = (CS[0], 0.5, -1.0)
    for c in CS:
        models = []
        for k in range(FOLDS):
            fit = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
            fit.fit(x[fold != k], y[fold != k])
            models.append(_as_json(fit, names, 0.5))
        accs = []
        for t in THRESHOLDS:
            said = [agreement.decide(f, {**models[k % FOLDS], "threshold": t}) for k, f, _ in rows]
            accs.append(float(np.mean(np.array(said) == y)))
        print(
            f"C={c}: " + "  ".join(f"t={t} {a:.3f}" for t, a in zip(THRESHOLDS, accs, strict=True))
        )
        for i in range(1, len(THRESHOLDS) - 1):  # thresholds with a neighbour on each side
            t, near = THRESHOLDS[i], accs[i - 1 : i + 2]
            if sum(near) / len(near) > best[2] + 1e-9:
                best = (c, t, sum(near) / len(near))
    return best


def _as_json(model: LogisticRegression, names: list[str], threshold: float) -> dict:
    return {
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 5),
        "weights": {n: round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True)},
    }


def train(rows: list[Example]) -> dict:
    names = sorted({n for _, f, _ in rows for n in f})
    c, threshold, acc = cross_validate(rows, names)
    x, y = matrix(rows, names)
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED).fit(x, y)
    print(f"chosen C={c} threshold={threshold}: leave-files-out accuracy {acc:.3f} on {len(y)}")
    return {
        "trained_on": "cs_train goals found out of fold, each meeting with and without roster",
        "seed": SEED,
        "C": c,
        "cv_accuracy": round(acc, 3),
        **_as_json(model, names, threshold),
    }


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared/eval/cs_train"
    if "cs_dev" in str(folder):
        sys.exit("train on cs_train only; cs_dev is for reporting")
    given, inferred = load(folder)
    OUT.write_text(json.dumps(train(examples(given) + examples(inferred)), indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
