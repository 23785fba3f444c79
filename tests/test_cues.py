"""cues: the normalised words every phrase list is matched on."""

from __future__ import annotations

from milepost.pipeline.extract.cues import normal_words, normalise


def test_normal_words_are_what_normalise_joins() -> None:
    said = "Don’t ROLL-out the Q3 plan, y'all... OK?"
    assert normal_words(said) == ["dont", "roll", "out", "the", "q3", "plan", "yall", "ok"]
    assert normalise(said) == " dont roll out the q3 plan yall ok "
    assert normal_words(" -- ") == []
    assert normalise(" -- ") == "  "
