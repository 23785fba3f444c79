"""Train the per-speaker side model on cs_train only; writes pipeline/data/sides/weights.json.

Usage: python scripts/train_sides.py [../shared/eval/cs_train]

Each speaker of a labelled meeting with a roster is one example (vendor = 1), described by
sides.speaker_features (pronoun pairs, who spoke first or second, share of words). Logistic
regression, with C chosen by leave-one-meeting-out accuracy of the whole inference
(model plus the relational rules in sides.infer), which the script prints.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from milepost.pipeline import evaluate, formats, nlp
from milepost.pipeline.extract import sides
from milepost.pipeline.extract.meeting import Meeting

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "pipeline" / "data" / "sides" / "weights.json"
CS = (0.1, 0.3, 1.0, 3.0)
MIN_SPEAKERS = 4  # a feature must be used by this many training speakers


def load(folder: Path) -> list[tuple[str, Meeting, dict[str, str]]]:
    """Meetings with a roster in their labels, parsed with spaCy (name learning reads it)."""
    pipe = nlp.load()
    out = []
    for path, labels in evaluate.labelled_files(folder):
        truth = {n: "vendor" for n in labels.get("vendor_speakers", [])}
        truth.update({n: "customer" for n in labels.get("customer_speakers", [])})
        if truth:
            transcript = formats.read(path)
            docs = list(pipe.pipe(t.text for t in transcript.turns))
            out.append((path.name, Meeting(transcript, docs), truth))
    return out


def fit(data: list[tuple[str, Meeting, dict[str, str]]], c: float) -> dict:
    rows = [
        (f, truth[s] == "vendor")
        for _, m, truth in data
        for s, f in sides.speaker_features(m).items()
        if s in truth
    ]
    used = Counter(k for f, _ in rows for k in f)
    names = sorted(k for k, n in used.items() if n >= MIN_SPEAKERS)
    x = np.array([[f.get(k, 0.0) for k in names] for f, _ in rows])
    y = np.array([int(v) for _, v in rows])
    lr = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    weights = {
        k: round(float(w), 4) for k, w in zip(names, lr.coef_[0], strict=True) if abs(w) > 1e-4
    }
    return {"bias": round(float(lr.intercept_[0]), 4), "weights": weights, "C": c}


def accuracy(data: list[tuple[str, Meeting, dict[str, str]]], model: dict) -> tuple[int, int]:
    right = total = 0
    for _, meeting, truth in data:
        meeting.roster = {}
        sides.infer(meeting, model)
        for speaker, side in truth.items():
            total += 1
            right += meeting.side_of(speaker) == side
    return right, total


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared/eval/cs_train"
    data = load(folder)
    best = (-1.0, CS[0])
    for c in CS:
        right = total = 0
        for i in range(len(data)):
            r, t = accuracy([data[i]], fit(data[:i] + data[i + 1 :], c))
            right, total = right + r, total + t
        print(f"C={c}: leave-one-meeting-out side accuracy {right}/{total} = {right / total:.3f}")
        best = max(best, (right / total, c))
    model = fit(data, best[1])
    OUT.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} (C={best[1]}, {len(model['weights'])} features)")


if __name__ == "__main__":
    main()
