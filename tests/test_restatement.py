"""How a sentence ties back to a goal: figures by value, pointing back, the goal recapped."""

from __future__ import annotations

import pytest

from milepost.pipeline.extract import restatement


@pytest.mark.parametrize(
    ("said", "values"),
    [
        ("sixty-five by year end, 6 weeks", {65, 6}),
        ("two hundred thousand dollars, or $200,000", {200000}),
        ("nine, twelve", {9, 12}),
        ("by the end of Q2 for our 3PL", set()),
    ],
)
def test_figures_are_compared_by_value(said: str, values: set[int]) -> None:
    assert restatement.figures(said) == values


@pytest.mark.parametrize(
    ("said", "points"),
    [
        ("I'd want that down to four or fewer.", True),
        ("Double it by the end of this year.", True),
        ("This year I want failed deliveries under 2%.", False),
        ("Stop people getting hurt on that dock.", False),
    ],
)
def test_pointing_back_is_a_pronoun_not_a_determiner(said: str, points: bool) -> None:
    assert restatement.points_back(said) is points


@pytest.mark.parametrize(
    ("said", "recap"),
    [
        ("So the target is fewer than five recordable injuries by December.", True),
        ("Let's make that the aim for this year.", True),
        ("So our goal this quarter is to close twelve new logos.", False),
        ("Let's look at the SSO settings.", False),
    ],
)
def test_a_recap_puts_the_goal_in_other_words(said: str, recap: bool) -> None:
    assert restatement.recaps(said) is recap


@pytest.mark.parametrize(
    ("said", "values"),
    [
        ("I want to get that under two hundred and fifty thousand by year end.", {250000}),
        ("so a hundred and twenty thousand a year", {120000}),
        ("Three percent on the top two hundred parts", {3, 200}),
        # an "and" that joins two numbers, not one said in words
        ("two hundred and, um, three more", {200, 3}),
        ("six and seven", {6, 7}),
    ],
)
def test_a_number_said_with_and_is_one_figure(said: str, values: set[int]) -> None:
    assert restatement.figures(said) == values
