"""Claims: the cue-family scan on lower-cased text matches where the re.I patterns match."""

from __future__ import annotations

import pytest

from milepost.pipeline.extract import claims

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
    families = claims.cue_families()
    expected = {n for n, p in families.items() if p.search(text)}
    assert claims._fired(list(families), text) == expected


def test_folding_letters_keep_the_case_insensitive_search() -> None:
    # re.I reads İ as i, ı as i and ſ as s; lower-casing would not (İ becomes i + a dot).
    assert {"want", "want_change"} <= claims._fired(["want", "want_change"], SENTENCES[5])
    assert "change" in claims._fired(["change"], SENTENCES[6])
    assert "improvement" in claims._fired(["improvement"], SENTENCES[7])


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
    assert ("metric" in claims._fired(["metric"], text)) is measured
