"""The trained commitment scorer: logistic-regression weights in JSON, scored without sklearn.

`scripts/train_steps.py` writes data/steps/model.json (seeded; cs_train + data/train);
run time only needs a dict lookup per feature, so no model library is loaded.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

MODEL_FILE = "data/steps/model.json"
THRESHOLDS_FILE = "data/steps/thresholds.json"


@dataclass(frozen=True)
class LinearModel:
    """A sparse linear model over named features."""

    weights: dict[str, float]
    bias: float

    def score(self, features: dict[str, float]) -> float:
        """Probability from the logistic link."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def _read(name: str) -> dict:
    return json.loads(resources.files("milepost.pipeline").joinpath(name).read_text("utf-8"))


@cache
def commitment() -> LinearModel:
    """Scores a candidate sentence: is it a next step (commitment or accepted request)?"""
    data = _read(MODEL_FILE)["commitment"]
    return LinearModel(weights=data["weights"], bias=data["bias"])


@cache
def side() -> LinearModel:
    """Scores a step's wording for the vendor side (used when the speaker's side is unknown)."""
    data = _read(MODEL_FILE)["side"]
    return LinearModel(weights=data["weights"], bias=data["bias"])


@cache
def thresholds() -> dict[str, float]:
    """Decision thresholds from data/steps/thresholds.json."""
    return {k: float(v) for k, v in _read(THRESHOLDS_FILE).items() if not k.startswith("_")}
