"""Due dates: every row of the guide's resolution table, phrasing families, and cs_train labels."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import CS_TRAIN, needs_shared

from milepost.pipeline.extract.due import find_due, resolve

TUESDAY = date(2026, 3, 3)  # the guide's example meeting date


@pytest.mark.parametrize(
    ("said", "due"),
    [
        ("today", "2026-03-03"),
        ("EOD", "2026-03-03"),
        ("by end of day", "2026-03-03"),
        ("tomorrow", "2026-03-04"),
        ("EOD tomorrow", "2026-03-04"),
        ("by Friday", "2026-03-06"),
        ("Friday", "2026-03-06"),
        ("this Friday", "2026-03-06"),
        ("by Tuesday", "2026-03-10"),
        ("on Monday", "2026-03-09"),
        ("next Tuesday", "2026-03-10"),
        ("next Friday", "2026-03-13"),
        ("end of this week", "2026-03-06"),
        ("end of week", "2026-03-06"),
        ("this week", "2026-03-06"),
        ("next week", "2026-03-13"),
        ("early next week", "2026-03-09"),
        ("end of next week", "2026-03-13"),
        ("in two weeks", "2026-03-17"),
        ("in 10 days", "2026-03-13"),
        ("in a month", "2026-04-03"),
        ("end of the month", "2026-03-31"),
        ("end of month", "2026-03-31"),
        ("this month", "2026-03-31"),
        ("end of next month", "2026-04-30"),
        ("next month", "2026-04-30"),
        ("end of the quarter", "2026-03-31"),
        ("this quarter", "2026-03-31"),
        ("by the 14th", "2026-03-14"),
        ("before the 14th", "2026-03-14"),
        ("by the 2nd", "2026-04-02"),
        ("by March 20", "2026-03-20"),
        ("on the 3rd of April", "2026-04-03"),
        ("by March 1", "2027-03-01"),
    ],
)
def test_guide_table(said: str, due: str) -> None:
    assert resolve(said, TUESDAY) == due
    assert find_due(f"I'll send it {said}.", TUESDAY) == (due, said)


@pytest.mark.parametrize("said", ["soon", "shortly", "ASAP", "after the holidays"])
def test_vague_phrases_keep_text_and_no_date(said: str) -> None:
    assert find_due(f"I'll get it to you {said}.", TUESDAY) == (None, said)


@pytest.mark.parametrize(
    ("sentence", "due", "due_text"),
    [
        ("I'll have it to you by the twenty-sixth.", "2026-03-26", "by the twenty-sixth"),
        ("We'll present on the twelfth, all of us.", "2026-03-12", "on the twelfth"),
        ("I'll send it by March sixth.", "2026-03-06", "by March sixth"),
        ("I'll have the draft done by July ninth.", "2026-07-09", "by July ninth"),
        ("Let's lock it for the second of April.", "2026-04-02", "the second of April"),
        ("I'll run it tomorrow morning, before service.", "2026-03-04", "tomorrow morning"),
        ("I'll send the redlines EOD tomorrow.", "2026-03-04", "EOD tomorrow"),
        ("I'll have it by end of next week.", "2026-03-13", "by end of next week"),
        ("Let's meet Thursday the twenty-sixth at two.", "2026-03-26", "Thursday the twenty-sixth"),
        ("So we go live on Tuesday, April seventh.", "2026-04-07", "on Tuesday, April seventh"),
        ("Say the twelfth, Thursday week?", "2026-03-12", "the twelfth, Thursday week"),
        ("I'll do it this coming Monday.", "2026-03-09", "this coming Monday"),
        ("I'll check in at the end of April.", "2026-04-30", "at the end of April"),
        ("I'll get it to her well before the 21st.", "2026-03-21", "well before the 21st"),
        ("I'll send it this afternoon.", "2026-03-03", "this afternoon"),
        ("I'll pull the numbers, give me till the tenth.", "2026-03-10", "till the tenth"),
        ("I'll have a proposal by the end of March.", "2026-03-31", "by the end of March"),
        ("We'll close it out by end of quarter.", "2026-03-31", "by end of quarter"),
        ("I'll have it by end of day Friday.", "2026-03-06", "by end of day Friday"),
        ("I'll send it Wednesday next week.", "2026-03-11", "Wednesday next week"),
        ("I'll have it a week from Friday.", "2026-03-13", "a week from Friday"),
        ("I'll get back to you within the next week.", "2026-03-10", "within the next week"),
        ("We'll roll it out over the next two weeks.", "2026-03-17", "over the next two weeks"),
        ("I'll have it to you in a couple of weeks.", "2026-03-17", "in a couple of weeks"),
        ("I'll send it over on tomorrow, with the form.", "2026-03-04", "tomorrow"),
        ("I'll do the export right after this call.", None, "right after this call"),
        ("I'll redo the login today, right after this.", "2026-03-03", "today"),
        ("I'll send the pack as soon as you intro us.", None, "as soon as you intro us"),
        ("I'll export them after the holidays, first week back.", None, "after the holidays"),
    ],
)
def test_phrasing_families(sentence: str, due: str | None, due_text: str) -> None:
    assert find_due(sentence, TUESDAY) == (due, due_text)


@pytest.mark.parametrize(
    ("sentence", "due", "due_text"),
    [
        (
            "I'll send a report every Monday, starting next Monday.",
            "2026-03-09",
            "starting next Monday",
        ),
        ("I'll recap everything we went through today by Friday.", "2026-03-06", "by Friday"),
        ("If the board is good on Monday, let's sign by the 19th.", "2026-03-19", "by the 19th"),
        ("It goes live in May. I'll send the plan this week.", "2026-03-06", "this week"),
        ("The videos come on Tuesday instead of Friday.", "2026-03-10", "on Tuesday"),
    ],
)
def test_choosing_among_several_time_phrases(sentence: str, due: str, due_text: str) -> None:
    assert find_due(sentence, TUESDAY) == (due, due_text)


@pytest.mark.parametrize(
    "sentence",
    [
        "I'll send the first draft.",
        "We sent it last Friday.",
        "We did that earlier this week.",
        "I'll send a recap of today's call.",
        "You may want to loop in legal.",
        "I'll walk the second floor with them.",
        "The Q4 survey came back.",
    ],
)
def test_no_time_phrase(sentence: str) -> None:
    assert find_due(sentence, TUESDAY) == (None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sure, happy to. Just not a Friday.",
        "Yes, happy to. Just not on a Monday, Mondays are sponsor calls all day.",
        "Go on then, yes. Not on a Saturday.",
    ],
)
def test_a_time_ruled_out_is_no_due(sentence: str) -> None:
    assert find_due(sentence, TUESDAY) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "due", "due_text"),
    [
        ("Why not Friday?", "2026-03-06", "Friday"),
        ("I'll send it Friday, not Monday.", "2026-03-06", "Friday"),
        ("Not this week, but I'll do it next week.", "2026-03-13", "next week"),
    ],
)
def test_a_time_beside_one_ruled_out_still_counts(sentence: str, due: str, due_text: str) -> None:
    assert find_due(sentence, TUESDAY) == (due, due_text)


def test_no_meeting_date_keeps_text() -> None:
    assert find_due("I'll send it by Friday.", None) == (None, "by Friday")


@needs_shared
def test_cs_train_due_accuracy() -> None:
    """Due of every labelled cs_train step, read from its evidence (else its restatements)."""
    right = total = 0
    for path in sorted(CS_TRAIN.glob("*.labels.json")):
        labels = json.loads(path.read_text("utf-8"))
        meeting_date = date.fromisoformat(labels["date"])
        for step in labels["next_steps"]:
            total += 1
            for quote in [step["evidence"], *(step.get("also_evidence") or [])]:
                due, due_text = find_due(quote, meeting_date)
                if due_text is not None:
                    break
            right += due == step["due"]
    assert total == 255
    assert right / total >= 0.95


@pytest.mark.parametrize(
    ("sentence", "due_text", "due"),
    [
        ("Yes, let's do the ninth.", "the ninth", "2026-03-09"),
        ("Can we say the 14th?", "the 14th", "2026-03-14"),
        ("Let's make it the twelfth.", "the twelfth", "2026-03-12"),
        ("Let's go with the ninth then.", "the ninth", "2026-03-09"),
        ("Can we push that to the 20th?", "the 20th", "2026-03-20"),
        ("Let's pencil in the twenty-sixth, at two.", "the twenty-sixth", "2026-03-26"),
        ("Let's do the 2nd.", "the 2nd", "2026-04-02"),  # before the meeting day: next month
        ("The fifteenth works for me.", "The fifteenth", "2026-03-15"),
        ("Yes, the ninth works.", "the ninth", "2026-03-09"),
    ],
)
def test_bare_ordinal_picked_by_a_verb_is_the_next_such_day(
    sentence: str, due_text: str, due: str
) -> None:
    assert find_due(sentence, TUESDAY) == (due, due_text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Let's do the ninth floor first.",  # a thing, not a day
        "Let's pick the third option.",
        "Let's go with the second.",  # a small spelled ordinal after a verb is an option
        "Let's do the first one.",
        "The first works for me.",
        "I'll call the fifth clinic.",
        "They moved the twelfth row.",
    ],
)
def test_ordinal_that_is_not_a_day(sentence: str) -> None:
    assert find_due(sentence, TUESDAY) == (None, None)


def test_time_phrase_naming_an_event_gives_way_to_the_date() -> None:
    said = "And then let's lock the end of Q1 review for the second of April, all of us."
    assert find_due(said, TUESDAY) == ("2026-04-02", "the second of April")
    assert find_due("I'll send the end of month report by Friday.", TUESDAY) == (
        "2026-03-06",
        "by Friday",
    )
    # with no other date the event's time is the due
    assert find_due("I'll have it for the end of month review.", TUESDAY)[0] == "2026-03-31"


@pytest.mark.parametrize(
    "sentence",
    [
        "I'll send it by Thursday, the 5th of May at EOD.",
        "Two weeks from now, or in a fortnight, whichever comes first.",
        "ASAP, honestly, before the end of Q3.",
        "We'll have it by Q3 or the end of the year at the latest, or mid-next week.",
        "İ will get it to you by FRIDAY afternoon.",  # not lowerable: every rule is searched
        "Nothing dated here at all.",
    ],
)
def test_scan_skips_only_rules_that_cannot_match(
    sentence: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from milepost.pipeline.extract import due, required_words

    indexed = due.scan(sentence)
    monkeypatch.setattr(required_words.Index, "able_in", lambda self, text: None)  # all searched
    assert indexed == due.scan(sentence)
    assert bool(indexed) is (sentence != "Nothing dated here at all.")
