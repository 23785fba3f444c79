"""The labelled folders the training scripts learn from, shared so every script refuses cs_dev
the same way and reads a meeting's roster from its labels the same way."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CS_TRAIN = REPO.parent / "shared" / "eval" / "cs_train"
OWN_TRAIN = REPO / "data" / "train"


def folders(args: list[str], own: bool = True) -> list[Path]:
    """The folders given, else cs_train and (with own, when it holds labels) data/train;
    exits if any of them is cs_dev, which is for reporting only."""
    chosen = [Path(a) for a in args] or [CS_TRAIN]
    if own and not args and any(OWN_TRAIN.glob("*.labels.json")):
        chosen.append(OWN_TRAIN)
    if any("cs_dev" in str(f.resolve()) for f in chosen):
        sys.exit("train on training meetings only; cs_dev is for reporting")
    return chosen


VARIANTS = ("cs_train only", "union", "union+bias", "union+crossed")
"""How a model may learn from the team's meetings beside cs_train; each --cv compares them."""
WEIGHTED = "imitating+bias"
"""The goal head's fifth variant: only the sets written to imitate cs_train, their sentences at a
small weight (train_goals.TEAM_WEIGHT), marked as in union+bias."""
TEAM = "src:team"
"""Prefix of the features that mark a team-written meeting in training; absent at run time."""


def mark(features: dict[str, float], variant: str) -> dict[str, float]:
    """A team meeting's features as the variant trains on them: with a source bias (which
    absorbs the team's different base rates), or with a copy of each crossed with it too."""
    if variant in ("union+bias", WEIGHTED):
        return {**features, TEAM: 1.0}
    if variant == "union+crossed":
        return {**features, TEAM: 1.0, **{f"{TEAM}*{k}": v for k, v in features.items()}}
    return features


def in_sets(path: Path, sets: tuple[str, ...] | None) -> bool:
    """Whether a labelled meeting is in the chosen data/train sets (None: every set);
    meetings of any other folder always are."""
    if sets is None or path.resolve().parent != OWN_TRAIN.resolve():
        return True
    return path.name.startswith(tuple(f"{s}_" for s in sets))


def roster(labels: dict[str, Any]) -> dict[str, str]:
    """Speaker -> side, as a meeting's labels give it."""
    out = {n: "vendor" for n in labels.get("vendor_speakers", [])}
    out.update({n: "customer" for n in labels.get("customer_speakers", [])})
    return out
