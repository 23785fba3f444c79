"""Steps action: the time phrase is found where the tokens' own text says it starts."""

from __future__ import annotations

import pytest

from milepost.pipeline.extract.steps_action import _starts_with_lowered


@pytest.mark.parametrize(
    "text",
    [
        "I'll send it by Friday Morning and then call.",
        "I'll send it by Friday ",
        "Send it to İstanbul by Friday, tomorrow.",
    ],
)
def test_starts_with_lowered_reads_like_the_span_text(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp(text)
    for low in ("friday", "friday morning", "by friday ", "friday ", "tomorrow.", "i̇stanbul"):
        test = _starts_with_lowered(doc, low)
        for tok in doc:
            assert test(tok) == doc[tok.i :].text.lower().startswith(low), (low, tok.i)


@pytest.mark.parametrize(
    ("said", "action"),
    [
        (
            "Then we'll do the training close to go-live and we'll do it on nights.",
            "do the training close to go-live",
        ),
        (
            "I'll run the stops through the optimizer and send the before-and-after by Friday.",
            "run the stops through the optimizer and send the before-and-after",
        ),
        ("I'll co-present the webinar with you.", "co-present the webinar with you"),
    ],
)
def test_a_hyphenated_word_is_never_cut(analyzer, said: str, action: str) -> None:  # type: ignore[no-untyped-def]
    from dialogue import VENDOR, meeting

    from milepost.pipeline.extract import steps

    found = steps.find(meeting(analyzer, [(VENDOR, said)]))
    assert [s.action for s in found] == [action]


@pytest.mark.parametrize(
    ("said", "action"),
    [
        ("What I'll do is send the deck over by Friday.", "send the deck over"),
        ("The thing I'll do is book the room for Monday.", "book the room"),  # 'book' tagged NN
        (
            "So the thing I'll do is, I'll share this deck with our CFO next week.",
            "share this deck with our CFO",
        ),
    ],
)
def test_what_ill_do_is_gives_way_to_the_verb(analyzer, said: str, action: str) -> None:  # type: ignore[no-untyped-def]
    from dialogue import VENDOR, meeting

    from milepost.pipeline.extract import steps

    found = steps.find(meeting(analyzer, [(VENDOR, said)]))
    assert [s.action for s in found] == [action]


def test_a_due_word_inside_a_longer_word_stays_in_the_action(analyzer) -> None:  # type: ignore[no-untyped-def]
    """'today' is the due, said at the end; "today's price" is part of what is held."""
    from dialogue import VENDOR, meeting

    from milepost.pipeline.extract import steps

    said = "I'll hold today's price for thirty days and put it in writing today."
    found = steps.find(meeting(analyzer, [(VENDOR, said)]))
    assert [(s.action, s.due_text) for s in found] == [
        ("hold today's price for thirty days", "today")
    ]


@pytest.mark.parametrize(
    ("said", "action", "due_text"),
    [
        # "get" keeps where the thing goes: "get the questionnaire over" is not the promise
        (
            "I'll get our security questionnaire over to you by Friday.",
            "get our security questionnaire over to you",
            "by Friday",
        ),
        # a causative "get" is the action, not a meeting verb giving way to "logged in"
        (
            "And I'll get the substitute drivers' tablets charged and logged in by Friday.",
            "get the substitute drivers' tablets charged and logged in",
            "by Friday",
        ),
        (
            "I'll get everyone trained and certified by Friday.",
            "get everyone trained and certified",
            "by Friday",
        ),
        # an adverbial clause goes whole, its opening words too ("... myself when they")
        (
            "I'll put the night crews' phones on the new version myself when they come in.",
            "put the night crews' phones on the new version",
            None,
        ),
        # whose work it is, said for emphasis, is no part of what is done
        ("I'll write the Japanese summary myself.", "write the Japanese summary", None),
        ("I'll update the tracker by myself on Monday.", "update the tracker", "on Monday"),
    ],
)
def test_action_families_read_as_a_csm_would(
    analyzer, said: str, action: str, due_text: str | None
) -> None:  # type: ignore[no-untyped-def]
    from dialogue import VENDOR, meeting

    from milepost.pipeline.extract import steps

    found = steps.find(meeting(analyzer, [(VENDOR, said)]))
    assert [(s.action, s.due_text) for s in found] == [(action, due_text)]


@pytest.mark.parametrize(
    ("said", "action"),
    [
        ("Let's get together on Monday and build the baseline.", "build the baseline"),
        ("I'll introduce myself to the team on Monday.", "introduce myself to the team"),
        ("I'll send you the deck when it's ready.", "send the deck"),
        # a noun in a clause's opening is a misread object, not 'when they': kept
        (
            "I'll send Gwen three slots for the Leeds call EOD tomorrow, no Mondays.",
            "send Gwen three slots for the Leeds",
        ),
    ],
)
def test_what_the_family_rules_leave_alone(analyzer, said: str, action: str) -> None:  # type: ignore[no-untyped-def]
    from dialogue import CUSTOMER, VENDOR, meeting

    from milepost.pipeline.extract import steps

    # a joint proposal is a step only when the other side takes it up (reply gate, 6a061c6)
    turns = [(VENDOR, said)]
    if said.startswith("Let's"):
        turns.append((CUSTOMER, "Monday works for us."))
    found = steps.find(meeting(analyzer, turns))
    assert [s.action for s in found] == [action]
