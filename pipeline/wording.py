"""How the brief and the recap word things a person reads: goals and goal categories.

A goal's short text is cut from its sentence, so it can start mid-thought ("that down to
three days before peak") or stop at the cut ("... by the..."). Such a text does not read
on its own; whoever shows it quotes the whole sentence instead. The words that point back
are data (`prompts/wording.yaml`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

CUT_MARKS = ("...", "…")


@lru_cache(maxsize=1)
def _leans_back() -> frozenset[str]:
    text = resources.files("milepost.prompts").joinpath("wording.yaml").read_text()
    return frozenset(str(w).lower() for w in yaml.safe_load(text)["leans_back"])


def reads_alone(text: str) -> bool:
    """True when a goal's short text makes sense without the sentence it was cut from."""
    words = text.split()
    if not words or text.rstrip().endswith(CUT_MARKS) or not words[0][0].isalnum():
        return False
    first = words[0].lower().replace("’", "'").split("'")[0]  # "that's" points back as "that"
    return first.strip(",.;:") not in _leans_back()


def category_words(category: str) -> str:
    """A goal category as a person says it: "save_time" -> "save time"."""
    return category.replace("_", " ")
