"""A goal's short text and deadline read from its sentence: where a clause and a time end."""

from __future__ import annotations

import pytest

from milepost.pipeline.extract.goal_text import category, deadline_of, metric_of, short_text


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


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        (
            "If I could get audit prep down to two days I'd be thrilled.",
            "get audit prep down to two days",
        ),
        (
            "If I could get returns down to ten percent I'd be a hero around here.",
            "get returns down to ten percent",
        ),
        (
            "If we could stop eating the cost on remakes that would be huge, every remake is $180.",
            "stop eating the cost on remakes",
        ),
    ],
)
def test_what_reaching_the_goal_would_do_for_the_speaker_is_no_part_of_it(
    sentence: str, text: str
) -> None:
    assert short_text(sentence) == text


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("I want to cut our licence spend by twenty percent.", None),
        ("I want to cut fuel by twenty percent by next spring.", "by next spring"),
        ("We're net zero by twenty thirty-five.", "by twenty thirty-five"),
        ("Every site live by the twenty-fourth.", "by the twenty-fourth"),
    ],
)
def test_by_a_measured_figure_is_the_size_of_a_change_not_a_deadline(
    sentence: str, deadline: str | None
) -> None:
    assert deadline_of(sentence) == deadline


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("I want zero this season.", "zero"),
        ("I want zero at the March audit.", "zero"),
        ("Zero is the number.", "Zero"),
        ("Zero incidents on the night shift.", "Zero incidents"),
    ],
)
def test_zero_before_a_word_that_counts_nothing_is_zero_alone(sentence: str, metric: str) -> None:
    assert metric_of(sentence) == metric


@pytest.mark.parametrize(
    ("sentence", "cat"),
    [
        ("Fifteen percent on fuel by the end of September.", "save_money"),
        ("When we signed the goal was fuel down fifteen percent.", "save_money"),
    ],
)
def test_fuel_is_money(sentence: str, cat: str) -> None:
    assert category(sentence) == cat


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("I want the rebooking rate to sixty percent for next September.", "for next September"),
        ("Next May I want the pickers paid within 24 hours of the weighing.", "Next May"),
        ("I want it in two days next October.", "next October"),
        ("Last March we hit it.", None),
    ],
)
def test_next_and_a_month_is_a_deadline(sentence: str, deadline: str | None) -> None:
    assert deadline_of(sentence) == deadline


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        (
            "I need to get off the paper forms before our accreditation visit in September.",
            "before our accreditation visit in September",
        ),
        (
            "I want every client document in one place before the regulator's visit in the autumn.",
            "before the regulator's visit in the autumn",
        ),
        (
            "I want it done before the summer irrigation season.",
            "before the summer irrigation season",
        ),
    ],
)
def test_a_deadline_cue_ending_on_the_or_our_keeps_the_time_it_names(
    sentence: str, deadline: str
) -> None:
    assert deadline_of(sentence) == deadline


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("I need that under ten thousand a mile.", "under ten thousand a mile"),
        ("I want that down to two hours per report by the end of June.", "two hours per report"),
        (
            "I want verification under five minutes per patient, in every office.",
            "under five minutes per patient",
        ),
        # no rate: a figure said before other words
        ("I want ten percent a lot faster.", "ten percent"),
    ],
)
def test_the_rate_a_figure_is_counted_in_is_part_of_the_metric(sentence: str, metric: str) -> None:
    assert metric_of(sentence) == metric
