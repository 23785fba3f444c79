"""'So what I'd suggest is, I'll send you a short deck': a suggestion put as the speaker's own
promise is the speaker's step, not a joint one (steps_resolve._owner_cue)."""

from __future__ import annotations

from dialogue import CUSTOMER, VENDOR, meeting

from milepost.pipeline.extract import steps


def test_a_suggestion_that_is_the_speakers_promise_is_their_side(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "So what I'd suggest is, I'll send you a short deck, the privacy sheet and a price"
        " range for 64 buses by Friday."
    )
    found = steps.find(meeting(analyzer, [(VENDOR, said), (CUSTOMER, "Friday's fine.")]))
    assert [(s.side, s.owner) for s in found] == [("vendor", VENDOR)]
