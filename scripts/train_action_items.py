"""Train the dialogue-act action-item scorer on AMI train; write its JSON weights.

Seeded and reproducible; reads only the AMI train split (never dev). Chooses the
regularisation, the run lift and the threshold by cross-validation grouped by meeting
series (the same team's four meetings stay in one fold), then fits on all of train and
writes pipeline/data/steps/action_items.json. Needs the dev extra (scikit-learn).

    .venv/bin/python scripts/train_action_items.py [--cache /tmp/ami_docs]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from milepost.models import Transcript, Turn
from milepost.pipeline import nlp as spacy_nlp
from milepost.pipeline.extract import action_items
from milepost.pipeline.extract.commitment import candidates
from milepost.pipeline.extract.meeting import Meeting

REPO = Path(__file__).resolve().parents[1]
AMI = REPO.parent / "shared" / "eval" / "ami" / "ami_da_labels.jsonl.gz"
OUT = REPO / "pipeline" / "data" / "steps" / "action_items.json"
SEED = 13
FOLDS = 5
C_GRID = (0.1, 0.2)
LIFT_GRID = (0.0, 0.5)
REPEATS = 3
"""Cross-validation is repeated over this many shuffles of the series (the curve is noisy)."""
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 14))
MIN_COUNT = 3
"""A feature seen in fewer training acts gets no weight (keeps the JSON small)."""
MIN_WEIGHT = 0.01

Example = tuple[str, Meeting, list[dict[str, float]], np.ndarray]


def load(split: str, cache: Path | None) -> list[Example]:
    """AMI meetings of the action-item benchmark, parsed, with act features and 0/1 labels."""
    from spacy.tokens import DocBin

    rows_by: dict[str, list[dict[str, Any]]] = {}
    with gzip.open(AMI, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["has_action_summary_links"] and row["split"] == split:
                rows_by.setdefault(row["meeting"], []).append(row)
    nlp = spacy_nlp.load()
    out = []
    for name in sorted(rows_by):
        rows = sorted(rows_by[name], key=lambda r: (r["start"], r["idx"]))
        turns = [Turn(speaker=r["role"], text=r["text"].strip() or "…") for r in rows]
        path = cache / f"{name}.spacy" if cache else None
        if path is not None and path.exists():
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        else:
            docs = list(nlp.pipe((t.text for t in turns), batch_size=256))
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                DocBin(docs=docs, store_user_data=False).to_disk(path)
        transcript = Transcript(source=f"ami:{name}", input_format="ami", turns=turns)
        meeting = Meeting(transcript=transcript, docs=docs)
        feats = action_items.features(meeting, candidates(meeting))
        out.append((name, meeting, feats, np.array([int(r["action"]) for r in rows])))
    return out


def fit(data: list[Example], c: float) -> action_items.ActModel:
    """Logistic regression over the acts of data; rare features dropped."""
    feats = [f for _, _, fs, _ in data for f in fs]
    ys = np.concatenate([y for _, _, _, y in data])
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    kept = [{k: v for k, v in f.items() if counts[k] >= MIN_COUNT} for f in feats]
    vec = DictVectorizer()
    x = vec.fit_transform(kept)
    clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED).fit(x, ys)
    weights = {
        n: round(float(w), 4)
        for n, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    return action_items.ActModel(dict(sorted(weights.items())), float(clf.intercept_[0]), 0.5, 0)


def folds(data: list[Example], seed: int) -> list[list[int]]:
    """Meeting indices per fold, grouped by series (ES2002a..d share a team)."""
    series = sorted({name[:6] for name, *_ in data})
    random.Random(seed).shuffle(series)
    fold_of = {s: k % FOLDS for k, s in enumerate(series)}
    return [[i for i, (n, *_) in enumerate(data) if fold_of[n[:6]] == k] for k in range(FOLDS)]


def cross_validate(data: list[Example]) -> tuple[float, float, float, float]:
    """Best (F1, C, lift, threshold) of act-level P/R/F1 over held-out folds."""
    best = (0.0, C_GRID[0], 0.0, 0.5)
    for c in C_GRID:
        totals = {(lift, t): [0, 0, 0] for lift in LIFT_GRID for t in THRESHOLDS}
        for held in (h for r in range(REPEATS) for h in folds(data, SEED + r)):
            m = fit([d for i, d in enumerate(data) if i not in held], c)
            for i in held:
                _, meeting, feats, ys = data[i]
                raw = action_items.probabilities(feats, m)
                for lift in LIFT_GRID:
                    scores = action_items.smooth(meeting, raw, lift)
                    for t in THRESHOLDS:
                        pred = scores >= t
                        row = totals[(lift, t)]
                        row[0] += int(pred.sum())
                        row[1] += int(ys.sum())
                        row[2] += int((pred & (ys == 1)).sum())
        for (lift, t), (found, gold, hit) in totals.items():
            p, r = hit / max(found, 1), hit / max(gold, 1)
            f1 = 2 * p * r / max(p + r, 1e-9)
            if f1 > best[0]:
                best = (f1, c, lift, t)
            if t in (0.15, 0.2, 0.25, 0.3):
                print(f"C={c} lift={lift} t={t:.2f}  P={p:.3f} R={r:.3f} F1={f1:.3f}")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="folder to keep parsed AMI docs between runs")
    args = parser.parse_args()
    data = load("train", args.cache)
    n_pos = sum(int(y.sum()) for *_, y in data)
    print(
        f"AMI train: {len(data)} meetings, {sum(len(y) for *_, y in data)} acts, {n_pos} positive"
    )
    f1, c, lift, threshold = cross_validate(data)
    print(
        f"chosen by series-grouped CV x{REPEATS}: C={c} lift={lift} threshold={threshold}",
        f"(CV F1 {f1:.3f})",
    )
    m = fit(data, c)
    out = {
        "_about": "Trained by scripts/train_action_items.py on AMI train only (seed 13); "
        f"C, lift and threshold chosen by series-grouped {FOLDS}-fold CV x{REPEATS} (F1 {f1:.3f}).",
        "bias": round(m.bias, 5),
        "lift": lift,
        "threshold": threshold,
        "weights": m.weights,
    }
    OUT.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {OUT} ({len(m.weights)} weights, {OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
