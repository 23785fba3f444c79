"""The outcome cue families and figure checks that outcomes.py and told_changes.py share."""

from __future__ import annotations

import pytest

from milepost.pipeline.extract import outcome_cues as oc


@pytest.mark.parametrize(
    ("family", "text", "found"),
    [
        ("ended", "The binder is gone.", True),
        ("ended", "Sourdough is gone by eleven at the city stores.", False),
        ("ended", "She doesn't do that anymore.", True),
        ("ended", "Nobody on the night shift has had to stay late since we switched.", True),
        ("ended", "Haven't seen it since.", False),
        ("worse", "Last year we lost twelve; this year we've already lost fifteen.", True),
        ("worse", "Now the backlog is cleared by ten and we no longer print anything.", False),
        ("pained", "Oof, that's a lot.", True),
        ("pained", "That's great to hear.", False),
        ("celebrate", "Love that. Can I quote you?", True),
        ("vendor_source", "Your renewal report says our rate went up.", True),
        ("compare", "We raised ninety, against forty the year before.", True),
        ("compare", "It went from about thirty-six a week to zero.", True),
        ("compare", "We moved from the old portal to the new one.", False),
        ("current_state", "Churn is running at five percent.", True),
        ("then", "Returns ran at fourteen percent on boots before the fit finder.", True),
        ("then", "Back in March it was ninety a week.", True),
        ("then", "Every pair gets scanned back in.", False),
        ("compare", "We spent hours reconciling the till against the member database.", False),
        ("source", "February came in at 33,800, that's straight off the card statements.", True),
        ("source", "That's from our own incident log, not yours.", True),
        ("source", "The payroll report shows it.", True),
        ("source", "We moved off the old system last year.", False),
        ("source", "At Eastside last week we tallied it and it was 6 a day.", True),
        ("source", "I pulled it from the CRM yesterday, in April it was 3 point 1 days.", True),
        ("source", "I went back through the email timestamps to check.", True),
        ("source", "It's on the on air log, we pulled the last 3 days of pledge breaks.", True),
        ("source", "That's from the bank deposits, I reconciled it myself.", True),
        ("source", "Every question they asked, Parisa just pulled it up on the screen.", False),
        ("source", "Hank went through them with me.", False),
        ("source", "The sync works. I've checked it a hundred times.", False),
        ("vendor_source", "It says we saved twelve hundred hours.", True),
        ("vendor_source", "Our payroll says we saved twelve hundred hours.", False),
        ("praise", "That's incredible. From 2 days.", True),
        ("praise", "Great question, it went from nine to four.", True),
        ("praise", "It went from nine to four, which is great.", False),
        ("did", "We've claimed back about eleven thousand dollars.", True),
        ("did", "We need eleven thousand dollars back.", False),
        ("gained", "In Q4 we captured thirty-one thousand dollars in discounts.", True),
        ("gained", "We've claimed back about eleven thousand dollars.", True),
        ("gained", "We want to keep about ninety thousand dollars.", False),
        ("current_state", "Churn is now running at two percent.", False),
        ("outage", "We also had the system outage in January, two days.", True),
        ("outage", "The ticketing went down for two hours across all six sites.", True),
        ("outage", "The booking portal was down most of Monday.", True),
        ("outage", "Overtime was down twenty-two percent against last year.", False),
        ("outage", "Tree-caused outages went from forty-one to twelve.", False),
    ],
)
def test_cue_families(family: str, text: str, found: bool) -> None:
    assert (oc.cue(family).search(text) is not None) is found


@pytest.mark.parametrize(
    ("text", "figure", "short"),
    [
        ("In January it was one point nine.", True, True),
        ("Sixty-three, give or take.", True, True),
        ("That's off the call log.", False, False),
        ("Across all of our clinics in the region we now see 40 a week.", True, False),
        ("Last month it was eighteen.", True, True),
    ],
    ids=["words", "hyphenated", "no number", "long", "a teen"],
)
def test_figures_and_short_numbers(text: str, figure: bool, short: bool) -> None:
    assert oc.figures(text) is figure
    assert oc.short_number(text) is short


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Same period last year it was four hundred and twelve.", True),
        ("Same period last year it was 412.", True),
        ("It went from twenty-three to four.", True),
        ("Same period last year it was about four hundred and twelve, roughly.", False),
        ("No figures here at all, just a long enough sentence of words.", False),
    ],
    ids=["spelled out", "digits", "short anyway", "eight words", "no number"],
)
def test_a_number_said_in_words_counts_one_word(text: str, short: bool) -> None:
    assert oc.short(text) is short
    assert oc.short_number(text) is bool(short and oc.figures(text))


@pytest.mark.parametrize(
    ("text", "gained"),
    [
        ("Last quarter the exchanges kept about $180,000 of revenue.", True),
        ("Two of the sensors kept dropping off the network.", False),
        ("The tablets kept on running out of battery by lunchtime.", False),
    ],
    ids=["kept revenue", "kept dropping", "kept on running"],
)
def test_kept_going_on_is_no_gain(text: str, gained: bool) -> None:
    assert oc.said("gained", text) is gained
