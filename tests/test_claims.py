"""Cue families (cue_search): the scan on lower-cased text matches where the re.I patterns match."""

from __future__ import annotations

import pytest

from milepost.pipeline.extract import cue_search

SENTENCES = [
    "We'd LOVE to cut No-Shows by a THIRD by Q3.",
    "Since Go-Live our onboarding went from three weeks to four days.",
    "I don’t want another audit like that, honestly.",
    "What would make this a win for you?",
    "Yes, exactly. Let's lock that in.",
    # Letters re.I folds onto ASCII ones: dotted capital I, dotless i, long s, Kelvin sign.
    "\u0130 would love to see it.",
    "We went \u0131nstead of waiting.",
    "\u017fince we switched, it is fine.",
    "We need to \u212aeep it under 2 hours.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_families_fire_as_the_case_insensitive_patterns_do(text: str) -> None:
    families = cue_search.cue_families()
    expected = {n for n, p in families.items() if p.search(text)}
    assert cue_search.fired(list(families), text) == expected


def test_folding_letters_keep_the_case_insensitive_search() -> None:
    # re.I reads İ as i, ı as i and ſ as s; lower-casing would not (İ becomes i + a dot).
    assert {"want", "want_change"} <= cue_search.fired(["want", "want_change"], SENTENCES[5])
    assert "change" in cue_search.fired(["change"], SENTENCES[6])
    assert "improvement" in cue_search.fired(["improvement"], SENTENCES[7])


@pytest.mark.parametrize(
    ("text", "measured"),
    [
        ("Under half a percent of transactions.", True),
        ("Get it down to a quarter of a point.", True),
        ("We lose half an hour a shift to it.", True),
        # a fraction with no unit after it is not a figure
        ("Half a team is enough for the pilot.", False),
        ("A third of a second slower, nobody cares.", False),
        # a ratio is a figure too, not a time of day or a year
        ("I want to be winning one in five.", True),
        ("We met at one in the afternoon.", False),
        ("We signed 4 in 2024.", False),
    ],
)
def test_a_fraction_of_a_unit_is_a_metric(text: str, measured: bool) -> None:
    assert ("metric" in cue_search.fired(["metric"], text)) is measured


@pytest.mark.parametrize(
    ("text", "measured"),
    [
        # a bare figure the customer wants something at or to reach, a fraction cut
        ("I want that at thirty this year.", True),
        ("I'd want that down to 5 honestly.", True),
        ("I'd love us to crack nine on the review sites.", True),
        ("I want those cut in half.", True),
        ("Cutting agency spend by a quarter across the five schools.", True),
        # near misses: a time, a place, a want with no figure
        ("Let's meet at three.", False),
        ("I'd like that at the top of the report.", False),
        ("We hit the wall in March.", False),
    ],
)
def test_a_wanted_or_reached_bare_figure_is_a_metric(text: str, measured: bool) -> None:
    assert ("metric" in cue_search.fired(["metric"], text)) is measured


@pytest.mark.parametrize(
    ("text", "wished"),
    [
        ("Honestly if that was an hour instead of most of my Monday, I'd cry happy tears.", True),
        ("If timesheets took ten minutes, I'd be really happy.", True),
        ("If those dropped to zero we'd be thrilled.", True),
        ("We were happy with the pilot.", False),
    ],
)
def test_a_better_state_wished_for_is_an_if_could(text: str, wished: bool) -> None:
    assert ("if_could" in cue_search.fired(["if_could"], text)) is wished


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a goal recalled as what was wanted
        ("We wanted to stop having tickets sit overnight.", True),
        ("I always wanted the overtime down to nothing.", True),
        # near misses: a past want about the meeting
        ("I wanted to ask about the invoice.", False),
        ("We wanted the blue one.", False),
    ],
)
def test_a_goal_recalled_as_what_was_wanted_is_a_want(text: str, want: bool) -> None:
    assert ("want" in cue_search.fired(["want"], text)) is want


@pytest.mark.parametrize(
    ("whole", "text"),
    [
        ("We hit a record. Growth is projected to climb.", "Growth is projected to climb."),
        ("Fine by me, I'll send it.", "I'll send it."),
        ("No plans yet at all.", "No plans yet at all."),
        # a sentence cut inside a word: 'projected' matches the sentence, not the turn
        ("We hit sprojected growth", "projected growth"),
        ("Growth projectedly", "Growth projected"),
    ],
)
def test_sentence_families_as_the_turn_prefilter_gives(whole: str, text: str) -> None:
    start = whole.index(text)
    expected = cue_search.fired(cue_search.in_turn(whole), text)
    assert cue_search.sentence_fired(whole, start, text) == expected


def test_a_sentence_cut_inside_a_word_keeps_only_what_the_turn_matches() -> None:
    assert "projection" in cue_search.sentence_fired(
        "Sales projected growth", 6, "projected growth"
    )
    assert "projection" not in cue_search.sentence_fired(
        "We hit sprojected growth", 8, "projected growth"
    )
    assert "projection" not in cue_search.sentence_fired(
        "Growth projectedly", 0, "Growth projected"
    )


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # a contract term asked for in a negotiation, whatever figure it names
        ("Liability cap, we want it at two times fees, not one.", True),
        ("Second, we want a termination for convenience, ninety days, in year one.", True),
        ("We pay net sixty, not net thirty.", True),
        ("And the auto-renewal clause has to go.", True),
        ("Is the price locked for three years or just year one?", True),
        # a business outcome is no contract term
        ("We want onboarding under ten days by Q3.", False),
        ("I want zero findings at the next audit.", False),
        ("We need the net promoter score above forty.", False),
    ],
)
def test_a_contract_term_is_its_own_family(text: str, term: bool) -> None:
    assert ("contract_term" in cue_search.fired(["contract_term"], text)) is term


@pytest.mark.parametrize(
    ("fired", "scored"),
    [
        ({"want", "metric"}, True),
        ({"want", "metric", "contract_term"}, False),  # vetoed for the goal head
        ({"change"}, False),  # no goal proposer fires
    ],
)
def test_a_veto_family_keeps_a_sentence_from_the_goal_head(fired: set[str], scored: bool) -> None:
    from milepost.pipeline.extract.claims import Claim, proposed

    claim = Claim(0, "We want it at two times fees.", "Raj Patel", "customer", fired=fired)
    assert proposed(claim, "goal") is scored
