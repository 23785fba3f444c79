"""Step actions keep a listed object whole: 'shed 3 and shed 4', 'by route and by hour' (the
word after 'and' repeats one of the object's), and a plural noun the tagger reads as a verb
after a proper noun ('the Upper Egypt reps') (steps_action._breaks, _misread_noun)."""

from __future__ import annotations

import pytest
from dialogue import VENDOR, meeting

from milepost.pipeline.extract import steps


@pytest.mark.parametrize(
    ("said", "action"),
    [
        (
            "I will put shed 3 and shed 4 on the feeding module by the 20th.",
            "put shed 3 and shed 4 on the feeding module",
        ),
        (
            "I'll break the complaints down by route and by hour, so we can see the peaks.",
            "break the complaints down by route and by hour",
        ),
        (
            "And I'll send the pricing for one line and for two lines by Monday.",
            "send the pricing for one line and for two lines",
        ),
        (
            "I'll run it for the Upper Egypt reps next Monday, online.",
            "run it for the Upper Egypt reps",
        ),
    ],
)
def test_a_listed_object_is_not_cut(analyzer, said: str, action: str) -> None:  # type: ignore[no-untyped-def]
    found = steps.find(meeting(analyzer, [(VENDOR, said)]))
    assert [s.action for s in found] == [action]
