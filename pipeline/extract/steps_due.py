"""Time phrases for next steps: spot one (a classifier feature) and resolve it via due.py.

Spotting stays here, fixed by a pattern in data/steps/time.json, so the trained weights
keep meaning the same thing while the date resolver (due.py) improves.
"""

from __future__ import annotations

import importlib
import json
import re
from datetime import date
from functools import cache
from importlib import resources

from milepost.pipeline.extract import lowered


@cache
def _pattern() -> re.Pattern[str]:
    raw = resources.files("milepost.pipeline").joinpath("data/steps/time.json").read_text("utf-8")
    return re.compile(json.loads(raw)["pattern"], re.IGNORECASE)


def time_phrase(text: str) -> str | None:
    """The first time phrase in text ("by Friday" -> "Friday"), else None."""
    m = lowered.Text(text).search(_pattern())  # on lower-cased text where that is the same
    return text[m.start() : m.end()] if m else None


def find_due(text: str, meeting_date: date | None) -> tuple[str | None, str | None]:
    """(due_text, due ISO date) for the time phrase in text, resolved by due.find_due."""
    try:
        due = importlib.import_module("milepost.pipeline.extract.due")
    except ImportError:  # the resolver has not landed: keep the phrase, leave the date open
        return time_phrase(text), None
    iso, said = due.find_due(text, meeting_date)  # due.py answers (ISO date, phrase as said)
    return said, iso
