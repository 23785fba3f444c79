"""Lowered: re.I patterns run without the flag on lower-cased text only where that is exact."""

from __future__ import annotations

import re

import pytest

from milepost.pipeline.extract import lowered


@pytest.mark.parametrize(
    ("pattern", "caseless"),
    [
        (r"\bwe (?:want|need)\b", True),
        (r"\?\s*$", True),
        (r"(?:^|[.!?]\s+)\W*(?:yes)\b", True),
        (r"\bWe want\b", False),
        (r"(?-i:we) want", False),
        (r"\x57e want", False),
        (r"caf\u00e9", False),
    ],
)
def test_only_plain_lower_case_patterns_drop_re_i(pattern: str, caseless: bool) -> None:
    assert lowered.caseless(pattern) is caseless
    assert (lowered.fast(re.compile(pattern, re.I)) is not None) is caseless


def test_a_pattern_that_reads_case_runs_on_the_text_as_it_is() -> None:
    # "welcome to Acme": the upper-case A is the cue, lower-casing would lose it
    pattern = re.compile(r"\bwelcome to (?-i:[A-Z])", re.I)
    assert lowered.Text("Welcome to Acme!").search(pattern) is not None
    assert lowered.Text("welcome to the call").search(pattern) is None


@pytest.mark.parametrize(
    ("text", "lowerable"),
    [
        ("Plain ASCII, We Said.", True),
        ("Don’t — café", True),
        ("\u0130stanbul", False),
        ("d\u0131g", False),
        ("\u017fo", False),
        ("\u212aelvin", False),
    ],
)
def test_lowerable_text(text: str, lowerable: bool) -> None:
    assert lowered.lowerable(text) is lowerable


def test_matches_stay_at_the_same_place() -> None:
    pattern = re.compile(r"\bcut (?:it|costs)\b", re.I)
    text = "Then we CUT COSTS by half."
    m = lowered.Text(text).search(pattern)
    assert m is not None and m.span() == pattern.search(text).span()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    ["Can you send it By FRIDAY?", "We'll do it next Tuesday.", "Sp\u0130ke it by EOD", "no time"],
)
def test_time_phrases_keep_their_case(text: str) -> None:
    from milepost.pipeline.extract import steps_due

    m = steps_due._pattern().search(text)
    assert steps_due.time_phrase(text) == (m.group(0) if m else None)


def test_fast_is_worked_out_once_per_pattern() -> None:
    pattern = re.compile(r"\bwe want\b", re.I)
    quick = lowered.fast(pattern)
    assert quick is not None and quick.flags & re.I == 0
    assert lowered.fast(pattern) is quick


def test_fast_answers_for_each_pattern_when_its_cache_is_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lowered, "FAST_CACHE_SIZE", 2)
    monkeypatch.setattr(lowered, "_FAST", {})
    patterns = [re.compile(p, re.I) for p in (r"\bwe\b", r"\bWe\b", r"\bthey\b", r"\bus\b")]
    for _ in range(2):
        found = [lowered.fast(p) for p in patterns]
        assert [q.pattern if q else None for q in found] == [
            r"\bwe\b",
            None,
            r"\bthey\b",
            r"\bus\b",
        ]
    assert len(lowered._FAST) <= 2


@pytest.mark.parametrize(
    "text", ["So We Want that.", "we want \u0130t", "nothing here", "WE WANT, we want"]
)
def test_search_finds_where_the_pattern_finds(text: str) -> None:
    for pattern in (re.compile(r"\bwe want\b", re.I), re.compile(r"(?-i:W)e want", re.I)):
        found, expected = lowered.Text(text).search(pattern), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span())
