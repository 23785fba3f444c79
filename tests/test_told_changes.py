"""Results told in words the outcome model does not read: the cue checks behind them."""

from __future__ import annotations

import pytest
from dialogue import CUSTOMER, VENDOR, meeting

from milepost.pipeline.extract import claims
from milepost.pipeline.extract import told_changes as tc


@pytest.mark.parametrize(
    ("text", "compares"),
    [
        ("Our schedulers were spending about 6 hours a day and now it's closer to 2.", True),
        ("Now it's three spreadsheets and it takes six hours a week.", False),
        ("Right now it's six hours every Sunday.", None),
        ("Overtime was down twenty-two percent against last year.", None),
    ],
    ids=["earlier state before now", "now alone", "right now is no now", "no now"],
)
def test_a_now_sentence_compares_only_with_an_earlier_amount_in_it(text, compares) -> None:  # type: ignore[no-untyped-def]
    assert tc.compares_within(text) is compares


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("We left them two years ago.", False),
        ("It used to take a full day each.", True),
        ("Now it's same day.", True),
        ("Last March we ran three hundred and ten overtime hours.", True),
        ("This March it was thirty-one.", True),
        ("Now it's just spreadsheets.", False),
    ],
    ids=["a when is no amount", "a full day", "same day", "hours", "bare number", "none"],
)
def test_amounts_leave_out_the_figures_of_when(text, amount) -> None:  # type: ignore[no-untyped-def]
    assert tc._amount(text) is amount


def test_the_state_as_it_stands_is_no_earlier_state(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "We've got about eleven thousand digital subscribers. "
        "Monthly churn is running at five percent, and it was four a year ago."
    )
    m = meeting(analyzer, [(VENDOR, "Where are you on churn?"), (CUSTOMER, said)])
    assert tc.changes(m, claims.claims(m)) == {}


def test_a_figure_for_a_named_time_after_an_earlier_amount_is_a_change(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "In November, before we went live, we logged about two hundred calls a week. "
        "Last week it was seventy."
    )
    m = meeting(analyzer, [(VENDOR, "And the phones?"), (CUSTOMER, said)])
    assert tc.changes(m, claims.claims(m)) == {2: 1}


def test_a_want_recalled_is_no_later_state(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "The big pain was people locked out at night. "
        "We said we wanted the lockout calls down to under fifteen a month. "
        "A year ago we were getting about sixty a month."
    )
    m = meeting(analyzer, [(VENDOR, "And the gates?"), (CUSTOMER, said)])
    found = claims.claims(m)
    assert tc.current(found[2])
    assert tc.changes(m, found) == {}


def test_the_later_state_with_an_amount_is_the_one_kept(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "Before, about one in three parcels we lost were never recovered. "
        "When a parcel goes missing now, the driver app raises the claim. "
        "We recovered seventy percent of them last quarter."
    )
    m = meeting(analyzer, [(VENDOR, "And lost parcels?"), (CUSTOMER, said), (VENDOR, "Great.")])
    assert tc.changes(m, claims.claims(m)) == {3: 1}


@pytest.mark.parametrize(
    ("source", "changes"),
    [
        ("I pulled it from the phone system this morning.", {}),
        ("Now it's about forty minutes, I pulled that from the phone system this morning.", {2: 1}),
    ],
    ids=["where it came from", "a figure with where it came from"],
)
def test_where_a_figure_came_from_is_no_later_state(analyzer, source, changes) -> None:  # type: ignore[no-untyped-def]
    said = f"It used to take the team most of a day. {source}"
    m = meeting(analyzer, [(VENDOR, "And the phones?"), (CUSTOMER, said), (VENDOR, "Wow.")])
    assert tc.changes(m, claims.claims(m)) == changes
