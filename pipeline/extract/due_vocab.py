"""The words due dates are read with, loaded once from `data/due/vocab.yaml`.

due.py holds the grammar and the date arithmetic; this holds what it is said with
(weekdays, months, spelled ordinals, the words around a bare "the ninth", vague phrases),
so a new way of saying a date is a data change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Vocab:
    """The due-date words, with the patterns built from them compiled."""

    weekdays: dict[str, int]
    months: dict[str, int]
    ordinals: dict[str, int]
    """Spelled ordinal -> day, keyed without spaces or hyphens ("twentyfirst")."""
    ordinal_words: list[str]
    numbers: dict[str, int]
    lead: re.Pattern[str]
    ordinal_openers: frozenset[str]
    ordinal_followers: frozenset[str]
    ordinal_verbs: frozenset[str]
    ordinal_verb_objects: frozenset[str]
    ordinal_verb_preps: frozenset[str]
    ordinal_verb_min_day: int
    ordinal_replies: frozenset[str]
    event_nouns: frozenset[str]
    blockers: frozenset[str]
    exclusion: re.Pattern[str]
    """What, said right before a time phrase, rules that time out ("just not on a Monday")."""
    vague: list[str]
    condition: re.Pattern[str]
    commitment: re.Pattern[str]


def alt(words: list[str]) -> str:
    """A regex alternation of the words, longest first; hyphens and spaces may vary."""
    ordered = sorted(words, key=len, reverse=True)
    escaped = [re.escape(w).replace(r"\-", "[- ]?").replace(r"\ ", " ") for w in ordered]
    return "(?:" + "|".join(e.replace(" ", r"\s+") for e in escaped) + ")"


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The due-date words, loaded once from package data."""
    text = resources.files("milepost.pipeline").joinpath("data/due/vocab.yaml").read_text("utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    quals = alt(raw["qualifiers"])
    leads = alt(raw["lead_words"])
    return Vocab(
        weekdays=raw["weekdays"],
        months=raw["months"],
        ordinals={k.replace("-", ""): v for k, v in raw["ordinals"].items()},
        ordinal_words=list(raw["ordinals"]),
        numbers=raw["numbers"],
        lead=re.compile(rf"(?:\b{quals}\s+)?\b{leads}\s+$", re.IGNORECASE),
        ordinal_openers=frozenset(raw["ordinal_openers"]),
        ordinal_followers=frozenset(raw["ordinal_followers"]),
        ordinal_verbs=frozenset(raw["ordinal_verbs"]),
        ordinal_verb_objects=frozenset(raw["ordinal_verb_objects"]),
        ordinal_verb_preps=frozenset(raw["ordinal_verb_preps"]),
        ordinal_verb_min_day=int(raw["ordinal_verb_min_day"]),
        ordinal_replies=frozenset(raw["ordinal_replies"]),
        event_nouns=frozenset(raw["event_nouns"]),
        blockers=frozenset(raw["blockers"]),
        exclusion=re.compile(raw["exclusion"], re.IGNORECASE),
        vague=raw["vague"],
        condition=re.compile(rf"\b{alt(raw['condition_words'])}\b", re.IGNORECASE),
        commitment=re.compile(rf"\b{alt(raw['commitment_cues'])}\b", re.IGNORECASE),
    )
