"""The units a reply to a goal can be, and who is on the other side."""

from __future__ import annotations

from dialogue import CUSTOMER, VENDOR, meeting

from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract import reply_units

COLLEAGUE = "Mia Chen"  # on the customer's side


def test_a_named_turn_is_one_unit_and_an_unnamed_paragraph_one_per_sentence(analyzer) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, [(CUSTOMER, "Hi. I want two days."), (None, "Okay. Two days it is.")])  # type: ignore[list-item]
    assert reply_units.units(m) == [
        (0, CUSTOMER, "Hi. I want two days."),
        (1, None, "Okay."),
        (1, None, "Two days it is."),
    ]


def test_the_units_are_read_anew_for_another_meeting(analyzer) -> None:  # type: ignore[no-untyped-def]
    first = meeting(analyzer, [(CUSTOMER, "One.")])
    second = meeting(analyzer, [(VENDOR, "Two.")])
    assert reply_units.units(first) == [(0, CUSTOMER, "One.")]
    assert reply_units.units(second) == [(0, VENDOR, "Two.")]


def test_a_claim_is_found_in_the_sentence_unit_that_holds_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    goal = "I want audit prep down to two days by June."
    m = meeting(analyzer, [(VENDOR, "Hello."), (None, f"Right. {goal}")])  # type: ignore[list-item]
    claim = next(c for c in cl.claims(m) if c.text == goal)
    assert reply_units.unit_of(reply_units.units(m), claim) == 2


def test_the_other_side_by_roster_else_by_speaker(analyzer) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, [(CUSTOMER, "One."), (VENDOR, "Two."), (COLLEAGUE, "Three.")])
    assert reply_units.other(m, CUSTOMER, VENDOR)
    assert not reply_units.other(m, CUSTOMER, COLLEAGUE)
    unknown = meeting(analyzer, [("Ann", "One."), ("Bo", "Two.")], roster=False)
    assert reply_units.other(unknown, "Ann", "Bo")
    assert not reply_units.other(unknown, "Ann", "Ann")
    assert reply_units.other(unknown, "Ann", None)
