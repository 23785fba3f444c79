"""Two figures set side by side over time in one sentence: the checks behind the family."""

from __future__ import annotations

import pytest

from milepost.pipeline.extract import figure_changes as fc
from milepost.pipeline.extract.claims import Claim


def _claim(text: str, side: str = "customer", past: bool = True) -> Claim:
    features = {"root_past": float(past), "first_person": 1.0}
    claim = Claim(turn=0, text=text, speaker="Raj", side=side, features=features)  # type: ignore[arg-type]
    claim.fired = {"metric"}  # a number, as spaCy or the metric cues find one
    return claim


@pytest.mark.parametrize(
    ("text", "side", "past", "found"),
    [
        ("We sold ninety tickets, against forty the year before.", "customer", True, True),
        ("Errors are at three percent, down from eleven a year ago.", "customer", False, True),
        ("It used to take four days, this time it took one afternoon.", "customer", True, True),
        ("Half of them log eight hours against general admin.", "customer", False, False),
        ("We sold ninety tickets, against forty the year before.", "vendor", True, False),
        ("We hope to sell ninety, against forty the year before.", "customer", False, False),
        (
            "We counted for two weeks in July, before go-live, and two weeks now.",
            "customer",
            True,
            False,
        ),
        ("Churn is running at five percent, against four a year ago.", "customer", False, False),
        (
            "Last Monday we logged 35 calls, and before we went live it was about 120.",
            "customer",
            True,
            True,
        ),
        (
            "December was 9 lockouts, and a year ago we were getting about 60.",
            "customer",
            True,
            True,
        ),
        (
            "We set the budget back in October, and Stackrail was in there at five.",
            "customer",
            True,
            False,
        ),
        (
            "Before we went live it was about 120 a week, and 35 of those were Mondays.",
            "customer",
            True,
            False,
        ),
    ],
    ids=[
        "against",
        "down from",
        "used to, this time",
        "no time",
        "vendor",
        "hope",
        "one figure twice",
        "current state",
        "a figure, then the one before a change",
        "a figure, then the one a year ago",
        "a date recalled",
        "no figure before the earlier time",
    ],
)
def test_compared(text: str, side: str, past: bool, found: bool) -> None:
    assert fc.compared(_claim(text, side, past)) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Our crib log shows we went from forty-one tools missing to twelve.", True),
        ("We went from 3 people on the front desk on weekends to 2.", True),
        # near miss: a change still wanted
        ("We want to go from forty-one tools missing to twelve.", False),
    ],
)
def test_a_change_told_with_its_past_verb_is_dated_by_it(text: str, found: bool) -> None:
    assert fc.compared(_claim(text, past=False)) is found  # the root ("shows") is not past


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("a hundred and twenty calls", 1),
        ("about twenty-one thousand against thirty-eight thousand", 2),
        ("two years ago we signed a three-year deal in 2024", 0),
        ("back in twenty twenty-three we had 40", 1),
        ("from about thirty-six to basically zero", 2),
        ("it used to be two days, this time it was an hour", 2),
    ],
)
def test_figures_leave_out_the_figures_of_when(text: str, count: int) -> None:
    assert len(fc._figures(text)) == count
