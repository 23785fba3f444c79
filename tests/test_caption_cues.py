"""formats.cues: broken WebVTT and SRT name their first bad cue; a cue that fails is left out."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from milepost.pipeline import formats
from milepost.pipeline.cli import cli
from milepost.pipeline.errors import TranscriptParseError
from milepost.pipeline.formats import cues


def _error(text: str, name: str) -> str:
    """The message for captions read as their extension says (all-broken SRT is not sniffed)."""
    with pytest.raises(TranscriptParseError) as info:
        formats.parse(text, name, name.rsplit(".", 1)[1])
    return info.value.message


@pytest.mark.parametrize(
    "text,name,message",
    [
        (
            "WEBVTT\n\n00:00:01.000 --> garbage\n<v Dana>Hello there.\n\n"
            "00:0x:02.000 --> 00:00:03.000\n<v Raj>Hi.\n",
            "call.vtt",
            "cue 1 (line 3): timing '00:00:01.000 --> garbage' does not parse (read as vtt)",
        ),
        (
            "WEBVTT\n\n7\n00:00:01.000 --> 00:00:02.000\n\n8\n00:00:02.000 -> 00:00:03.000\nHi.\n",
            "call.vtt",
            "cue 8 (line 7): timing '00:00:02.000 -> 00:00:03.000' does not parse (read as vtt)",
        ),
        (
            "1\n00:00:01,000 - 00:00:02,000\nDana: Hello.\n\n"
            "2\n00:00:02,000 - 00:00:03,000\nRaj: Hi.\n",
            "call.srt",
            "cue 1 (line 2): timing '00:00:01,000 - 00:00:02,000' does not parse (read as srt)",
        ),
        (
            "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n<i></i>\n\n"
            "3\n00:00:03,000 --> 00:00:04,000\n {\\an8} \n",
            "call.srt",
            "cue 1 (line 2) has no text, nor do 2 more cues (read as srt)",
        ),
        (
            "WEBVTT\n\nNOTE nothing here yet\n",
            "call.vtt",
            "no cue timing line like '00:00:01.000 --> 00:00:04.000' found (read as vtt)",
        ),
    ],
    ids=["bad-arrow-target", "cue-id-number", "srt-dash", "srt-empty-cues", "header-only"],
)
def test_captions_with_no_text_name_the_first_bad_cue(text: str, name: str, message: str) -> None:
    assert _error(text, name) == message


def test_numbered_cues_whose_timings_all_fail_are_still_read_as_srt() -> None:
    text = (
        "1\n00:00:01,000 -> 00:00:02,000\nDana: Hello.\n\n"
        "2\n00:00:02,000 -> 00:00:03,000\nRaj: Hi.\n"
    )
    assert formats.detect(text) == "srt"
    with pytest.raises(TranscriptParseError) as info:
        formats.parse(text, "call.srt")
    assert info.value.message == (
        "cue 1 (line 2): timing '00:00:01,000 -> 00:00:02,000' does not parse (read as srt)"
    )


def test_a_long_bad_timing_is_quoted_short() -> None:
    line = "00:00:01.000 --> 0:0:2" + " align:start position:0%" * 4
    message = _error(f"WEBVTT\n\n{line}\nHi.\n", "a.vtt")
    assert message == (
        "cue 1 (line 3): timing '00:00:01.000 --> 0:0:2 align:start position:0...' "
        "does not parse (read as vtt)"
    )


def test_one_bad_cue_in_readable_captions_is_left_out_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Dana>Hello there.\n"
        "2\n00:00:02.500 -> 00:00:03.000\n<v Raj>Lost line.\n\n"
        "3\n00:00:03.000 --> 00:00:04.000\n<v Raj>Hi Dana.\n\n"
        "4\n00:00:04.000 --> xx:00:05.000\n<v Raj>Lost too.\n"
    )
    with caplog.at_level(logging.WARNING, logger="milepost"):
        t = formats.parse(text, "call.vtt")
    # no blank line before cue 2: its id and timing are not taken for Dana's words
    assert [(x.speaker, x.text) for x in t.turns] == [("Dana", "Hello there."), ("Raj", "Hi Dana.")]
    assert caplog.messages == [
        "call.vtt: cue 2 (line 7): timing '00:00:02.500 -> 00:00:03.000' does not parse, "
        "so that cue is left out (and 1 more)"
    ]


def test_well_formed_captions_warn_of_nothing(caplog: pytest.LogCaptureFixture) -> None:
    text = (
        "WEBVTT\n\nNOTE exported by Teams\n\n6d82/11-0\n00:00:01.000 --> 00:00:02.000 align:start\n"
        "<v Dana>It's 10:30 - 11:00 for us.</v>\n\n"
        "00:00:02.000 --> 00:00:03.000\n<v Raj>Fine -> see you.</v>\n"
    )
    with caplog.at_level(logging.WARNING, logger="milepost"):
        t = formats.parse(text, "call.vtt")
    assert [x.text for x in t.turns] == ["It's 10:30 - 11:00 for us.", "Fine -> see you."]
    assert caplog.messages == []


def test_why_empty_is_none_when_every_cue_has_text() -> None:
    lines = ["1", "00:00:01,000 --> 00:00:02,000", "Hello."]
    assert cues.why_empty(lines, str.strip, "00:00:01,000 --> 00:00:04,000") is None


def test_the_cli_error_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n")
    result = CliRunner().invoke(cli, ["analyze", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output == f"Error: {path}: cue 1 (line 3) has no text (read as vtt)\n"
