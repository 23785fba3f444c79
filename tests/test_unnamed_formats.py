"""Anonymous speaker labels in less common shapes, and `>>` marks where the speaker changes."""

from __future__ import annotations

from milepost.pipeline import formats


def _turns(text: str, name: str = "call.txt") -> tuple[str, list[tuple[str | None, str]]]:
    t = formats.parse(text, name)
    return t.input_format, [(turn.speaker, turn.text) for turn in t.turns]


def test_bracketed_anonymous_labels_are_speakers() -> None:
    text = (
        "[SPEAKER_00] okay i think it's recording hi everyone\n"
        "[SPEAKER_01]: oh hi yeah we had two doctors out sick\n"
        "[SPEAKER_00] okay we'll keep it tight\n"
    )
    fmt, turns = _turns(text)
    assert fmt == "plain"
    assert turns == [
        ("SPEAKER_00", "okay i think it's recording hi everyone"),
        ("SPEAKER_01", "oh hi yeah we had two doctors out sick"),
        ("SPEAKER_00", "okay we'll keep it tight"),
    ]


def test_bracketed_sound_tags_are_not_speakers() -> None:
    # near miss: `[Music]` and `[inaudible]` in brackets at a line start are not labels
    text = "[Music] okay hi everyone thanks for coming.\n\n[inaudible] so the plan for today.\n"
    fmt, turns = _turns(text)
    assert fmt == "text"
    assert {speaker for speaker, _ in turns} == {None}
    assert turns[0][1].startswith("[Music] okay")


def test_anonymous_label_with_the_time_in_brackets_heads_a_turn() -> None:
    text = (
        "Speaker 1 (0:02)\nokay i think it's recording hi everyone\n\n"
        "Speaker 2 (0:09)\noh hi yeah we had two doctors out sick\n\n"
        "Speaker 1 [00:00:15]:\nokay we'll keep it tight\n"
    )
    t = formats.parse(text, "call.txt")
    assert t.input_format == "meet"
    assert [(x.speaker, x.start) for x in t.turns] == [
        ("Speaker 1", 2.0),
        ("Speaker 2", 9.0),
        ("Speaker 1", 15.0),
    ]


def test_chapter_lines_with_times_are_not_speakers() -> None:
    # near miss: a named line with a time in brackets is a chapter, not a speaker
    text = (
        "Intro (0:00)\nWelcome back to the show, today we talk about renewals.\n\n"
        "Pricing (4:12)\nThen we get into how the price was set.\n"
    )
    fmt, turns = _turns(text)
    assert fmt == "text"
    assert {speaker for speaker, _ in turns} == {None}


def test_chevrons_start_a_turn_each() -> None:
    text = ">> okay i think it's recording hi everyone >> oh hi yeah\nwe had two out sick\n>> ok\n"
    fmt, turns = _turns(text)
    assert fmt == "text"
    assert [body for _, body in turns] == [
        "okay i think it's recording hi everyone",
        "oh hi yeah we had two out sick",
        "ok",
    ]


def test_a_single_chevron_in_prose_splits_nothing() -> None:
    # near miss: one `>>` is a menu path, not a change of speaker
    text = "To export it, open File >> Export and pick CSV.\n\nThen send it over.\n"
    _, turns = _turns(text)
    assert [body for _, body in turns] == [
        "To export it, open File >> Export and pick CSV.",
        "Then send it over.",
    ]
