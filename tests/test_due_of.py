"""A day said after 'of' names what a thing is about ("the summary of today"), not when the
step is due: with another time in the sentence, that one dates it (due.choose)."""

from __future__ import annotations

from datetime import date

import pytest

from milepost.pipeline.extract.due import find_due

TUESDAY = date(2026, 3, 3)


@pytest.mark.parametrize(
    ("said", "due", "due_text"),
    [
        (
            "And I'll send the summary of today with the new target tomorrow, eighty-five"
            " percent by the end of September.",
            "2026-03-04",
            "tomorrow",
        ),
        ("I'll send a short recap of today tomorrow morning.", "2026-03-04", "tomorrow morning"),
        (
            "I'll send Maren the list of Saturday shift leads and their emails by Friday.",
            "2026-03-06",
            "by Friday",
        ),
    ],
)
def test_a_day_after_of_gives_way_to_the_steps_own_time(said: str, due: str, due_text: str) -> None:
    assert find_due(said, TUESDAY) == (due, due_text)


def test_a_day_after_of_alone_still_dates_the_step() -> None:
    assert find_due("I'll send you the notes of Friday.", TUESDAY) == ("2026-03-06", "Friday")
