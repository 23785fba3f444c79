"""The parts of a goal or outcome read from its sentence: short text, metric, deadline, category."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from milepost.models import GoalCategory
from milepost.pipeline.extract import claims as cl

MAX_WORDS = 14
_LEAD = re.compile(
    r"^(?:(?:so|and|but|um|uh|okay|ok|yeah|yes|well|honestly|like|i mean|look|right|for me|"
    r"from my side|for us|from our side|the big picture|bigger picture|separately"
    r")[,.]?\s+)+",
    re.I,
)
_QUALIFIER = re.compile(
    r"(?:under|below|over|above|less than|more than|at least|within|down to|up to|to)\s+$", re.I
)


@lru_cache(maxsize=1)
def _categories() -> dict[str, list[str]]:
    text = resources.files("milepost.pipeline").joinpath("data/goals/categories.yaml")
    return yaml.safe_load(text.read_text("utf-8"))


def category(text: str) -> GoalCategory:
    """The category whose words the text uses most; "other" when none."""
    low = " " + text.lower()
    counts = {c: sum(low.count(" " + w) for w in words) for c, words in _categories().items()}
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else "other"  # type: ignore[return-value]


def metric_of(text: str) -> str | None:
    """The measurable target as said ("under four days", "30%"), or None."""
    m = cl.first("metric", text)
    if not m:
        return None
    before = _QUALIFIER.search(text[: m.start()])
    start = before.start() if before else m.start()
    return text[start : m.end()].strip(" ,.")


def deadline_of(text: str) -> str | None:
    """The time by which the goal should be reached, as said ("by the end of March"), or None."""
    m = cl.first("deadline", text)
    if not m:
        return None
    rest = re.match(
        r"[\w' -]{0,30}?(?=[,.;?!]|$| because| when| which| so | and )", text[m.end() :]
    )
    end = m.end() + (len(rest.group(0)) if rest else 0)
    return text[m.start() : end].strip(" ,.")


def trim_lead(sentence: str) -> str:
    """The sentence without its spoken lead-in ("And honestly, for me, "): still verbatim."""
    text = _LEAD.sub("", sentence.strip()).strip()
    return text or sentence.strip()


def short_text(sentence: str) -> str:
    """The sentence without its spoken lead-in, cut to a short phrase."""
    text = trim_lead(sentence)
    words = text.split()
    out = " ".join(words[:MAX_WORDS])
    return out if len(words) <= MAX_WORDS else out.rstrip(",.") + "..."
