"""required_words: the needles a pattern cannot match without, and the index built on them."""

from __future__ import annotations

import re

import pytest

from milepost.pipeline.extract import cue_search
from milepost.pipeline.extract.required_words import DIGIT, Index, required

COMMON = frozenset({"i", "we", "the", "to", "in"})


@pytest.mark.parametrize(
    ("pattern", "needles"),
    [
        (r"\bi (?:want|need)\b", {"want", "need"}),
        (r"\bwants?\b", {"want", "wants"}),
        # a word whose edges the pattern does not fix is no needle
        (r"want", None),
        (r"\bwant", {"wan"}),
        (r"\b(?:jan|febr)uary\b", {"january", "february"}),
        # the start of a word that starts on an edge: its first three characters
        (r"\b(?:jan|feb)", {"jan", "feb"}),
        (r"\b(?:ja|fe)", None),
        # the rarest choice: "percent" over any digit, "?" alone
        (r"\b\d+ percent\b", {"percent"}),
        (r"\b\d+%", {"%"}),
        (r"\b\d+ ?(?:k|m)\b", {DIGIT}),
        (r"\?\s*$", {"?"}),
        # a common word only when nothing else is sure
        (r"\bi (?:want|need) to\b", {"want", "need"}),
        (r"\bin \w+\b", {"in"}),
        # a repeat of words and spaces ends on an edge; any other unknown stretch does not
        (r"\bthe (?:\w+ ){0,2}deal\b", {"deal"}),
        (r"\bthe .{0,9}deal\b", {"the"}),
        # inline flags and lookarounds are unknown stretches
        (r"(?i:\bdeal\b)", None),
        (r"\bdeal(?= done)", {"dea"}),
        (r"(?<=the )deal\b", None),
        (r"(?:\bdeal\b|.)", None),
    ],
)
def test_required_needles(pattern: str, needles: set[str] | None) -> None:
    expected = None if needles is None else frozenset(needles)
    assert required(pattern, re.I, COMMON) == expected


TEXTS = [
    "We'd LOVE to cut No-Shows by a THIRD by Q3.",
    "Since go-live our onboarding went from three weeks to four days?",
    "I don't want another audit like that, honestly.",
    "What would make this a win for you?",
    "Yes, exactly. Let's lock that in.",
    "Revenue is up 12% on last quarter, $40k a month.",
    "Fourteen hours a week, twenty-five percent of the time.",
    "They timed it at ninety seconds, straight from the helpdesk export.",
    "If those dropped to zero we'd be thrilled, truly.",
    "The board wants it under two hours by the end of March.",
    "",
    "ok",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_cue_pattern_that_matches_is_able(text: str) -> None:
    low = text.lower()
    patterns = cue_search._patterns()
    index = cue_search._index(tuple(cue_search.cue_families()))
    matched = {k for k, (_, p, on_low) in patterns.items() if p.search(low if on_low else text)}
    assert matched <= index.able(low)


@pytest.mark.parametrize("text", TEXTS)
def test_families_fire_as_their_whole_patterns_do(text: str) -> None:
    families = cue_search.cue_families()
    expected = [n for n, p in families.items() if p.search(text)]
    assert cue_search.matching(tuple(families), text) == expected


def test_index_keeps_patterns_without_needles_always_able() -> None:
    index = Index(
        {"want": re.compile(r"\bwant\b"), "pct": re.compile(r"\d+%"), "any": re.compile(".")},
        COMMON,
    )
    assert index.always == {"any"}
    assert index.able("i want it") == {"want", "any"}
    assert index.able("wanted 5 more") == {"any"}
    assert index.able("up 5%") == {"pct", "any"}


def test_an_unknown_family_is_an_error() -> None:
    names = (*cue_search._sentence_names(), "no_such_family")
    with pytest.raises(KeyError):
        cue_search.matching(names, "We want to cut it by half.")


def test_able_in_reads_the_lower_cased_text_or_gives_up_where_case_folding_differs() -> None:
    index = Index(
        {"want": re.compile(r"\bwants?\b", re.I), "kit": re.compile(r"\bkit\b", re.I)}, COMMON
    )
    assert index.able_in("We WANT it") == {"want"}
    assert index.able_in("We want it") == index.able("we want it")
    # the Kelvin sign folds to "k" under re.I: the lower-cased text cannot stand in for it
    assert index.able_in("the \u212ait") is None
