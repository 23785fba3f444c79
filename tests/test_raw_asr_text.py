"""Raw ASR text with no sentence ends: each paragraph or line is a turn, not one run-on turn."""

from __future__ import annotations

from milepost.pipeline import formats

BARE_PARAGRAPHS = (
    "okay i think it's recording um hi everyone welcome to the kickoff\n\n"
    "oh my gosh yeah we had two doctors out sick yesterday\n\n"
    "oof okay we'll keep it tight so aaliyah's on she's your implementation engineer\n"
)
BARE_LINES = (
    "okay i think it's recording um hi everyone welcome to the kickoff thanks for the time\n"
    "yeah\n"
    "so the plan for today is three things the timeline the sync and what good looks like\n"
    "sounds good\n"
)


def _texts(text: str) -> list[str]:
    t = formats.parse(text, "call.txt")
    assert t.input_format == "text"
    return [turn.text for turn in t.turns]


def test_unpunctuated_paragraphs_are_one_turn_each() -> None:
    texts = _texts(BARE_PARAGRAPHS)
    assert len(texts) == 3
    assert texts[1] == "oh my gosh yeah we had two doctors out sick yesterday"


def test_unpunctuated_lines_without_blank_lines_are_one_turn_each() -> None:
    assert _texts(BARE_LINES) == [line for line in BARE_LINES.splitlines()]


def test_punctuated_text_still_rejoins_a_sentence_wrapped_in_lower_case() -> None:
    # near miss: the text ends its sentences, so a line going on in lower case continues one
    text = (
        "Hi everyone, thanks for joining. So the plan for today is to walk\n"
        "through the timeline and then the sync.\n"
        "Sounds good. Let's start.\n"
    )
    assert _texts(text) == [
        "Hi everyone, thanks for joining. So the plan for today is to walk "
        "through the timeline and then the sync.",
        "Sounds good. Let's start.",
    ]


def test_unpunctuated_hard_wrapped_lines_are_rejoined() -> None:
    # near miss: no sentence ends, but every line is cut near one width: wrapped, not turns
    words = (
        "so the plan for today is three things the timeline the sync and then what good "
        "looks like for the clinics in your own words because the contract says texting "
    )
    lines, line = [], ""
    for word in (words * 3).split():
        if len(line) + len(word) + 1 > 60:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    texts = _texts("\n".join(lines) + "\n")
    assert len(texts) == 1 and texts[0] == " ".join(lines)


def test_lower_case_first_line_is_speech_but_a_capitalised_one_is_the_title() -> None:
    body = "so the plan for today is three things the timeline and the sync\n"
    assert _texts("okay hi everyone\n\n" + body) == ["okay hi everyone", body.strip()]
    t = formats.parse("Weekly sync\n\n" + body, "call.txt")  # near miss: a heading
    assert t.title == "Weekly sync"
    assert [turn.text for turn in t.turns] == [body.strip()]
