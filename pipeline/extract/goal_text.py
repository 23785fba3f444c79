"""The parts of a goal or outcome read from its sentence: short text, metric, deadline, category."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from milepost.models import GoalCategory
from milepost.pipeline.extract import claims as cl

MAX_WORDS = 14
MIN_WORDS = 3
_DESIRE = re.compile(r"\b(?:wants?|needs?|like|love|could|can|can't|got|get|gets)\b", re.I)
_OBJECT = re.compile(r"^\s*(?:is|was|:)?\s*(?:(?:us|me|them)\s+)?(?:to\s+)?", re.I)
_CLAUSE_END = re.compile(
    r",\s+(?:that|because|which|so|and that|i'd|i would|we'd|it would|nothing)\b"
    r"|\s+because\s|[.;?!]",
    re.I,
)
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


def _after_desire(text: str) -> str | None:
    """The words after the desire verb of the sentence's want/if-we-could cue, one clause long."""
    found = [m for fam in ("want", "if_could") if (m := cl.first(fam, text))]
    if not found:
        return None
    cue = min(found, key=lambda m: m.start())
    verbs = list(_DESIRE.finditer(text, cue.start(), cue.end()))
    if not verbs:
        return None
    rest = _OBJECT.sub("", text[verbs[-1].end() :])
    return _CLAUSE_END.split(rest, maxsplit=1)[0].strip(" ,.;")


def trim_lead(sentence: str) -> str:
    """The sentence without its spoken lead-in ("And honestly, for me, "): still verbatim."""
    text = _LEAD.sub("", sentence.strip()).strip()
    return text or sentence.strip()


def short_text(sentence: str) -> str:
    """The outcome itself: what follows "I want" / "if we could", up to the next clause."""
    text = trim_lead(sentence)
    wanted = _after_desire(text)
    if wanted and len(wanted.split()) >= MIN_WORDS:
        text = wanted
    words = text.split()
    out = " ".join(words[:MAX_WORDS])
    return out if len(words) <= MAX_WORDS else out.rstrip(",.") + "..."
