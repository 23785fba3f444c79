"""A goal's short text and deadline read from its sentence: where a clause and a time end."""

from __future__ import annotations

import pytest

from milepost.pipeline.extract.goal_text import deadline_of, metric_of, short_text


def test_a_decimal_point_ends_no_clause() -> None:
    said = "I need to get the per seat cost under $1.50, that's the whole deal."
    assert short_text(said) == "get the per seat cost under $1.50"
    assert short_text("We want it under a dollar. Then we talk.") == "it under a dollar"


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("In September I told the board this would take a hundred K a year off.", None),
        ("In May we agreed on ninety percent of sites live.", None),
        ("In September we need churn under five percent.", "In September"),  # 'need', not past
        ("We want it live in March, the board expects it.", "in March"),
    ],
)
def test_a_time_that_sets_a_past_scene_is_no_deadline(sentence: str, deadline: str | None) -> None:
    assert deadline_of(sentence) == deadline


def test_a_time_phrase_keeps_the_count_it_names() -> None:
    said = "So the goal for year three is trim cost per mile under ten thousand, by, say, June?"
    assert deadline_of(said) == "for year three"
    assert deadline_of("We want it by March, then done.") == "by March"


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("This winter I want fewer missed nights.", "This winter"),
        ("Next year I want that down by a quarter.", "Next year"),
        ("By the end of the year we'd like zero stockouts.", "By the end of the year"),
        ("by next summer is what I'd sign up for.", "by next summer"),
        ("Next year what I want is to take it from forty percent to sixty.", "Next year"),
    ],
)
def test_a_deadline_ends_where_the_want_after_it_starts(sentence: str, deadline: str) -> None:
    assert deadline_of(sentence) == deadline


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("I want them out by half seven.", "by half seven"),
        ("I need every absence followed up by half past nine, every day.", "by half past nine"),
        ("I want no-shows cut by half by March.", "by half"),  # half of something
    ],
)
def test_by_half_before_a_clock_time_is_the_time(sentence: str, metric: str) -> None:
    assert metric_of(sentence) == metric
