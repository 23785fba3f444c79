"""Transcript readers: seeds, eval meetings, a fixture per format, encodings, errors."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CS_DEV, CS_TRAIN, SEEDS, needs_shared

from milepost.models import Transcript
from milepost.pipeline import formats
from milepost.pipeline.cli import cli
from milepost.pipeline.errors import InputError, TranscriptParseError, UnsupportedFormat
from milepost.pipeline.formats import meta, writers

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


@functools.cache
def _read(path: Path) -> Transcript:
    """Each eval file is read once per session (several tests look at the same meetings)."""
    return formats.read(path)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def _labelled() -> list[tuple[Path, Path]]:
    """(transcript, labels) for every labelled meeting in cs_train and cs_dev."""
    out = []
    for labels in sorted([*CS_TRAIN.glob("*.labels.json"), *CS_DEV.glob("*.labels.json")]):
        stem = labels.name.removesuffix(".labels.json")
        out.append((next(p for p in labels.parent.glob(f"{stem}.*") if p != labels), labels))
    return out


LABELLED = _labelled() if CS_TRAIN.exists() else []


# --- the five seeds ---------------------------------------------------------------------------

SEED_EXPECTED = {
    "000": dict(
        fmt="otter",
        turns=27,
        speakers=["Unknown Speaker 1", "Unknown Speaker 2"],
        first="Like, and not be embarrassed about it.",
        last="there now I have lots of thoughts about how do we show our",
        title=None,
        date=None,
    ),
    "001": dict(
        fmt="caption-dump",
        turns=24,
        speakers=[],
        first="thank you good afternoon so it's introduced I'm Michael Cannon and I pretty much",
        last="a holic recei or basically you know",
        title="Let Customer Experience Define Your Business by Michael Cannon",
        date="2019-04-01",
    ),
    "002": dict(
        fmt="podcast",
        turns=1,
        speakers=["Speaker 1"],
        first="Hey, cs Psycho's, welcome back.",
        last="Hey, cs Psycho's, welcome back.",
        title="Episode 04 | The Mental Blocks Around the Customer Journey",
        date="2024-01-10",
    ),
    "003": dict(
        fmt="text",
        turns=8,
        speakers=[],
        first="Customers do not purchase through the journeys you define.",
        last="Everything you say to a person is filtered through their frames of reference",
        title="How customers work",
        date=None,
    ),
    "004": dict(
        fmt="text",
        turns=12,
        speakers=[],
        first="The prevailing misconception in many sales organizations",
        last="This short but impactful video delivers a fundamental shift",
        title="Beyond the Signature: Redefining the Customer Journey for Sustainable Sales",
        date=None,
    ),
}


@needs_shared
@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_seed(prefix: str) -> None:
    want = SEED_EXPECTED[prefix]
    t = formats.read(_seed(prefix))
    assert t.input_format == want["fmt"]
    assert len(t.turns) == want["turns"]
    assert t.speakers == want["speakers"]
    assert t.turns[0].text.startswith(str(want["first"]))
    assert t.turns[-1].text.startswith(str(want["last"]))
    assert t.title == want["title"]
    assert t.date == want["date"]


@needs_shared
def test_caption_dump_reads_each_line_once_and_keeps_metadata() -> None:
    t = formats.read(_seed("001"))
    text = " ".join(turn.text for turn in t.turns)
    assert text.count("thank you good afternoon") == 1
    assert "don't let your success be an accident all right in the beginning" in text
    assert "YouTube URL" not in text and "youtube.com" not in text
    assert t.description is not None
    assert t.description.startswith("17 March 2019 13:20, Lecture Theatre")
    assert t.duration_s == pytest.approx(1460.73)


@needs_shared
def test_podcast_turns_come_only_from_the_transcript_part() -> None:
    t = formats.read(_seed("002"))
    assert "CONNECT WITH RACHEL" not in t.turns[0].text
    assert t.turns[0].text.endswith(
        "don't forget to share this episode with your CS bestie. Talk soon."
    )
    assert t.description is not None and "Customer Value Realization Maps" in t.description


@needs_shared
def test_article_headings_and_prose_colons_are_not_speakers() -> None:
    t = formats.read(_seed("004"))
    assert all(turn.speaker is None for turn in t.turns)
    texts = [turn.text for turn in t.turns]
    assert "Key Points & Arguments:" not in texts  # a section heading, not a paragraph
    # a hard-wrapped bullet is one paragraph, its marker dropped
    assert texts[2] == (
        "Introducing the Full Customer Journey: The speaker introduces a more holistic "
        "framework: the customer journey is not a single event but a series of "
        "interconnected stages. This expanded journey incorporates several crucial phases:"
    )


# --- every labelled eval meeting -------------------------------------------------------------


@needs_shared
@pytest.mark.parametrize("src,labels", LABELLED, ids=[p.name for p, _ in LABELLED])
def test_eval_meeting_parses_with_the_labelled_speakers(src: Path, labels: Path) -> None:
    label = json.loads(labels.read_text())
    t = _read(src)
    assert len(t.turns) >= 10
    roster = set(label["vendor_speakers"] + label["customer_speakers"])
    if roster:
        assert set(t.speakers) == roster
    else:
        assert t.speakers == []


@needs_shared
@pytest.mark.parametrize("src,labels", LABELLED, ids=[p.name for p, _ in LABELLED])
def test_every_labelled_evidence_lies_in_one_turn(src: Path, labels: Path) -> None:
    label = json.loads(labels.read_text())
    turns = [_norm(turn.text) for turn in _read(src).turns]
    quotes = [
        item["evidence"]
        for kind in ("goals", "next_steps", "verified_outcomes")
        for item in label.get(kind, [])
    ]
    missing = [q for q in quotes if not any(_norm(q) in turn for turn in turns)]
    assert missing == []


# --- the same meeting written in every format reads back the same ----------------------------


def _clock(seconds: float, sep: str = ".") -> str:
    h, rest = divmod(seconds, 3600)
    return f"{int(h):02d}:{int(rest // 60):02d}:{rest % 60:06.3f}".replace(".", sep)


def _write(fmt: str, turns: list) -> str:  # type: ignore[type-arg]
    rows = [(t.speaker, float(i * 10), float(i * 10 + 9), t.text) for i, t in enumerate(turns)]
    if fmt == "otter":
        return "\n\n".join(f"[{_clock(a)[:8]}] {s}: {x}" for s, a, _, x in rows)
    if fmt == "plain":
        return "\n".join(f"{s}: {x}" for s, _, _, x in rows)
    if fmt == "blocks":
        return "\n\n".join(f"{s}:\n{x}" for s, _, _, x in rows)
    if fmt == "meet":
        return "Call - Transcript\n\n" + "\n\n".join(
            f"{s}\n{_clock(a)[:8]}\n{x}" for s, a, _, x in rows
        )
    if fmt == "teams":
        cues = [f"{_clock(a)} --> {_clock(b)}\n<v {s}>{x}</v>" for s, a, b, x in rows]
        return "WEBVTT\n\n" + "\n\n".join(cues)
    if fmt == "zoom":
        cues = [
            f"{i}\n{_clock(a)} --> {_clock(b)}\n{s}: {x}" for i, (s, a, b, x) in enumerate(rows)
        ]
        return "WEBVTT\n\n" + "\n\n".join(cues)
    if fmt == "srt":
        return "\n\n".join(
            f"{i + 1}\n{_clock(a, ',')} --> {_clock(b, ',')}\n{s}: {x}"
            for i, (s, a, b, x) in enumerate(rows)
        )
    segs = [{"start": a, "end": b, "speaker": s, "text": " " + x} for s, a, b, x in rows]
    return json.dumps({"segments": segs})


ROUND_TRIP = {
    "otter": "otter",
    "plain": "plain",
    "blocks": "plain",
    "meet": "meet",
    "teams": "vtt",
    "zoom": "vtt",
    "srt": "srt",
    "json": "json",
}


@needs_shared
@pytest.mark.parametrize("fmt", sorted(ROUND_TRIP))
def test_every_eval_meeting_round_trips_through_each_format(fmt: str) -> None:
    for src, _ in LABELLED:
        original = _read(src)
        if not original.speakers:
            continue
        back = formats.parse(_write(fmt, original.turns), f"{src.stem}.x")
        assert back.input_format == ROUND_TRIP[fmt], src.name
        assert [(t.speaker, t.text) for t in back.turns] == [
            (t.speaker, t.text) for t in original.turns
        ], src.name


@needs_shared
@pytest.mark.parametrize("fmt", writers.WRITERS)
def test_writers_output_reads_back_the_same_turns(fmt: str) -> None:
    """What `transcribe --format` writes: every eval meeting and seed 001 (no speakers)."""
    for src in [*(p for p, _ in LABELLED), _seed("001")]:
        original = _read(src)
        back = formats.parse(writers.render(original, fmt), f"{src.stem}.{fmt}")
        assert [(t.speaker, t.text) for t in back.turns] == [
            (t.speaker, t.text) for t in original.turns
        ], src.name
        if original.turns[0].start is not None:
            whole = fmt == "txt"  # `[0:01:44]` keeps whole seconds
            assert [t.start for t in back.turns] == [
                float(int(t.start or 0)) if whole else t.start for t in original.turns
            ], src.name


def test_json_tolerates_nulls_numeric_strings_and_number_speakers() -> None:
    text = json.dumps(
        {
            "segments": [
                {"text": None, "words": [{"word": " hi"}, {"word": " there."}], "start": "1.5"},
                {"text": " ok.", "start": None, "speaker": 0},
            ]
        }
    )
    t = formats.parse(text, "x.json")
    assert [(x.speaker, x.start, x.text) for x in t.turns] == [
        (None, 1.5, "hi there."),
        ("0", None, "ok."),
    ]


def test_writer_rejects_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown transcript format 'docx'"):
        writers.render(formats.read(FIXTURES / "otter.txt"), "docx")


def test_unpunctuated_captions_are_cut_about_every_half_minute() -> None:
    cues = [
        f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\nword{i} and more words"
        for i in range(12)
    ]
    t = formats.parse("\n\n".join(cues), "auto.srt")
    assert [(x.start, x.end) for x in t.turns] == [(0.0, 30.0), (30.0, 60.0)]
    assert t.turns[1].text.startswith("word6 and more words word7")


@pytest.mark.parametrize("stamp", ["[0:00:05]", "(0:00:05)", "0:00:05", "00:05"])
def test_otter_timestamp_styles(stamp: str) -> None:
    later = stamp.replace("05", "09")
    t = formats.parse(f"{stamp} Ana Ruiz: Hi there.\n{later} Bo Chen: Hello.\n", "x")
    assert t.input_format == "otter"
    assert [(x.speaker, x.start, x.text) for x in t.turns] == [
        ("Ana Ruiz", 5.0, "Hi there."),
        ("Bo Chen", 9.0, "Hello."),
    ]


def test_headerless_vtt_timings_are_not_otter_lines() -> None:
    text = (
        "00:00:01.000 --> 00:00:02.000\nhello there\n\n00:00:03.000 --> 00:00:04.000\nand more.\n"
    )
    assert formats.detect(text) == "vtt"


def test_single_turn_files_are_still_detected() -> None:
    assert formats.detect("[0:00:05] SPEAKER_1: Just me today.") == "otter"
    assert formats.detect("1\n00:00:01,000 --> 00:00:02,000\nSPEAKER_1: Just me.\n") == "srt"
    t = formats.parse("[0:00:05] So: no speakers here.\n[0:00:09] More.\n[0:00:12] Done.", "x")
    assert [(x.speaker, x.text) for x in t.turns] == [
        (None, "So: no speakers here."),
        (None, "More."),
        (None, "Done."),
    ]


# --- one small fixture per format ------------------------------------------------------------

FIXTURE_TURNS: dict[str, tuple[str, list[tuple[str | None, float | None, float | None, str]]]] = {
    "otter.txt": (
        "otter",
        [
            ("Priya Nair", 2.0, 5.0, "Hi Tom, can you hear me?"),
            ("Tom Baker", 5.0, 70.0, "Loud and clear. Sorry, I'm on the train."),
            ("Priya Nair", 70.0, None, "I'll send the rollout plan by Friday."),
        ],
    ),
    "plain.txt": (
        "plain",
        [
            ("Ana Ruiz", None, None, "Morning all. Let's start with the export."),
            (
                "Bo Chen",
                None,
                None,
                "Morning. The export is done. Note: this line continues Bo's turn.",
            ),
            ("Cy", None, None, "Hi!"),
            ("Ana Ruiz", None, None, "Great. Bo, can you send it to finance?"),
            ("Bo Chen", None, None, "Yep, will do."),
        ],
    ),
    "blocks.txt": (
        "plain",
        [
            ("Speaker 1", None, None, "Hello? Hi, can you hear me?"),
            ("Speaker 2", None, None, "Hi, yes. Sorry, I had to find the unmute."),
            ("Speaker 1", None, None, "Great, let's start."),
            ("Speaker 2", None, None, "Honestly: the export is the blocker."),
        ],
    ),
    "meet.txt": (
        "meet",
        [
            ("Dana Lee", 4.0, 9.0, "Hi Sam! Can you hear us?"),
            ("Sam Ortiz", 9.0, 75.0, "We can. Sorry for the noise."),
            ("Dana Lee", 75.0, None, "Great. I'll send the agenda today."),
        ],
    ),
    "otter_export.txt": (
        "meet",
        [
            ("Priya Nair", 2.0, 5.0, "Hi Tom, can you hear me?"),
            ("Tom Baker", 5.0, 70.0, "Loud and clear."),
            ("Priya Nair", 70.0, None, "I'll send the rollout plan by Friday."),
        ],
    ),
    "youtube.vtt": (
        "vtt",
        [
            (None, 0.0, 4.0, "so today we talk about renewals."),
            (None, 4.0, 6.0, "Yeah."),
            (None, 6.5, 7.0, "Yeah."),  # a separate cue, not a rolling repeat
        ],
    ),
    "teams.vtt": (
        "vtt",
        [
            (
                "Aisha Rahman",
                2.4,
                7.0,
                "Okay, I think the recording's going. Hi everyone & welcome.",
            ),
            ("Gloria Estévez", 7.441, 9.62, "Hi Aisha."),
        ],
    ),
    "zoom.vtt": (
        "vtt",
        [
            ("Cormac Dwyer", 2.546, 5.757, "Hi there! Can you hear me?"),
            ("Nkechi Adeyemi", 6.211, 14.244, "Hi, yes. Give me one second to close my door."),
            ("Cormac Dwyer", 15.406, 17.29, "Of course, take your time."),
            ("Nkechi Adeyemi", 17.754, 24.916, "Okay. Sorry about that."),
        ],
    ),
    "prefixed.srt": (
        "srt",
        [
            ("Nadia Haddad", 2.114, 9.288, "Hi everyone, thanks for jumping on."),
            ("Bart Osei", 10.534, 12.181, "Five. But who's counting."),
            ("Nadia Haddad", 13.264, 21.0, "Ha. Okay. So I see Helen and Bart."),
            ("Bart Osei", 22.0, 23.5, "Yep."),
        ],
    ),
    "bare.srt": (
        "srt",
        [
            (None, 0.94, 4.47, "Hey Marco, happy new year. Is Jess joining?"),
            (
                None,
                5.18,
                12.05,
                "Happy new year. She's, yeah she's coming, she's finishing up a ticket. "
                "Give her a sec.",
            ),
            (None, 13.38, 15.66, "No problem. I'll send the"),  # a 3 s pause ends the turn
            (None, 19.0, 20.0, "renewal quote later."),
        ],
    ),
    "segments.json": (
        "json",
        [
            ("SPEAKER_01", 1.78, 5.97, "Hey Nadia. How's it going?"),
            ("SPEAKER_00", 6.92, 15.0, "Good. Crazy. We're canning today."),
            ("SPEAKER_01", 15.5, 17.0, "Nice."),
        ],
    ),
    "list.json": (
        "json",
        [
            ("Jamal Whitaker", 1.42, 6.03, "Hey Tessa! Thanks for doing this."),
            ("Tessa Nakamura", 6.41, 10.04, "Of course. Hi Jamal."),
        ],
    ),
    "words.json": ("json", [(None, 0.0, 3.0, "I'll send it tomorrow.")]),
    "whisperx.json": (
        "json",
        [("SPEAKER_00", 0.0, 0.8, "Can you send it?"), ("SPEAKER_01", 1.5, 1.9, "Sure.")],
    ),
    "dump.txt": (
        "caption-dump",
        [
            (None, 1.0, 6.0, "thank you good afternoon so I run success at a software company"),
            (None, 65.0, 68.0, "and that is all"),
        ],
    ),
    "podcast.txt": (
        "podcast",
        [
            ("Speaker 1", None, None, "Hey, welcome back. Today we talk journeys."),
            ("Speaker 2", None, None, "Thanks for having me."),
        ],
    ),
    "article.txt": (
        "text",
        [
            (None, None, None, "The customer journey does not end at the signature."),
            (
                None,
                None,
                None,
                "The Linear Model is Broken: The video challenges the linear sales process.",
            ),
            (None, None, None, "Setup: Right after the sale, focus on onboarding."),
            (None, None, None, "Keep delivering value."),
        ],
    ),
    "raw.txt": (
        "text",
        [
            (
                None,
                None,
                None,
                "Hi Walter, hi Luz, good morning. Can you hear me okay? Good morning. "
                "Yes we can hear you.",
            ),
            (None, None, None, "So this is our monthly check in. I'll send the numbers by Friday."),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(FIXTURE_TURNS))
def test_fixture_is_detected_and_read_exactly(name: str) -> None:
    fmt, want = FIXTURE_TURNS[name]
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert formats.detect(text) == fmt
    t = formats.read(FIXTURES / name)
    assert t.input_format == fmt
    assert [(x.speaker, x.start, x.end, x.text) for x in t.turns] == want


def test_prose_with_repeated_colon_lines_stays_prose() -> None:
    text = (
        "Renewals are won early.\n"
        "Important: agree the goal at kickoff.\n"
        "Most teams wait until the last quarter.\n"
        "Important: measure it with the customer.\n"
        "That is the whole trick.\n"
    )
    assert formats.detect(text) == "text"
    t = formats.parse(text, "a.txt")
    assert [x.speaker for x in t.turns] == [None] * 5
    assert t.turns[1].text == "Important: agree the goal at kickoff."


def test_fixture_metadata() -> None:
    plain = formats.read(FIXTURES / "plain.txt")
    assert (plain.title, plain.date) == ("Weekly sync with Northwind", "2026-03-03")
    meet = formats.read(FIXTURES / "meet.txt")
    assert (meet.title, meet.duration_s) == ("Acme x Globex - kickoff", 75.0)
    dump = formats.read(FIXTURES / "dump.txt")
    assert (dump.title, dump.date) == ("Scaling Success Teams by Ada Park", "2019-04-01")
    assert dump.description == "A talk about success.\n\nSecond paragraph of notes."
    podcast = formats.read(FIXTURES / "podcast.txt")
    assert (podcast.title, podcast.date) == ("Episode 04 | Journeys That Work", "2024-01-10")
    article = formats.read(FIXTURES / "article.txt")
    assert (article.title, article.date) == ("Beyond the Signature", None)
    assert formats.read(FIXTURES / "zoom.vtt").duration_s == 24.916


def test_milepost_transcribe_outputs_read_back(tmp_path: Path) -> None:
    """The shapes `milepost transcribe --format vtt|srt|txt|json` writes."""
    files = {
        "a.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<v SPEAKER_1>I'll send it.</v>\n\n"
        "00:00:03.000 --> 00:00:04.000\n<v SPEAKER_2>Thanks.</v>\n",
        "a.srt": "1\n00:00:01,000 --> 00:00:02,500\nSPEAKER_1: I'll send it.\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nSPEAKER_2: Thanks.\n",
        "a.txt": "[0:00:01] SPEAKER_1: I'll send it.\n[0:00:03] SPEAKER_2: Thanks.\n",
        "a.json": json.dumps(
            {
                "segments": [
                    {"start": 1.0, "end": 2.5, "speaker": "SPEAKER_1", "text": " I'll send it."},
                    {"start": 3.0, "end": 4.0, "speaker": "SPEAKER_2", "text": " Thanks."},
                ]
            }
        ),
    }
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        t = formats.read(tmp_path / name)
        assert [(x.speaker, x.start, x.text) for x in t.turns] == [
            ("SPEAKER_1", 1.0, "I'll send it."),
            ("SPEAKER_2", 3.0, "Thanks."),
        ], name


# --- encodings -------------------------------------------------------------------------------

TEXT = "Zoë Müller: We’ll send the café menu – “today”.\nBo Chen: Great.\nZoë Müller: Done.\n"


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
        TEXT.replace("\n", "\r\n").encode("cp1252"),
        TEXT.encode("utf-32"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "cp1252",
        "cp1252-crlf",
        "utf32",
    ],
)
def test_encodings_read_the_same_text(encoded: bytes, tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_bytes(encoded)
    t = formats.read(path)
    assert t.input_format == "plain"
    assert [(x.speaker, x.text) for x in t.turns] == [
        ("Zoë Müller", "We’ll send the café menu – “today”."),
        ("Bo Chen", "Great."),
        ("Zoë Müller", "Done."),
    ]


def test_utf8_with_one_stray_byte_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_bytes(TEXT.encode("utf-8").replace(b"Great.", b"Great\x85"))
    t = formats.read(path)
    assert [x.text for x in t.turns] == [
        "We’ll send the café menu – “today”.",
        "Great\ufffd",
        "Done.",
    ]


# --- errors and forcing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "content,error,message",
    [
        (b"", InputError, "file is empty"),
        (b" \n\t\n", InputError, "file is empty"),
        (bytes(range(256)) * 4, InputError, "binary file, not a transcript"),
        (b"1,2,3\n4,5,6\n7,8,9\n", UnsupportedFormat, "not a transcript format milepost can read"),
        (b'{"name": "x", "rows": [1, 2]}', TranscriptParseError, "JSON has no transcript segments"),
        (b'{"segments": [{"text": "hi"', TranscriptParseError, "invalid JSON: "),
    ],
    ids=["empty", "blank", "binary", "csv-numbers", "json-no-segments", "broken-json"],
)
def test_errors_name_the_file(content: bytes, error: type, message: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        formats.read(path)
    assert type(info.value) is error
    assert info.value.path == str(path)
    assert info.value.message.startswith(message)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        formats.read(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory, not a transcript"):
        formats.read(tmp_path)


def test_forcing_a_reader() -> None:
    forced = formats.read(FIXTURES / "plain.txt", input_format="text")
    assert forced.input_format == "text"
    assert {t.speaker for t in forced.turns} == {None}
    with pytest.raises(TranscriptParseError) as info:
        formats.read(FIXTURES / "plain.txt", input_format="vtt")
    assert info.value.message == (
        "no cue timing line like '00:00:01.000 --> 00:00:04.000' found (read as vtt)"
    )
    with pytest.raises(UnsupportedFormat) as unknown:
        formats.read(FIXTURES / "plain.txt", input_format="docx")
    assert unknown.value.message.startswith("unknown input format 'docx' (known: otter, plain")


def test_formats_lists_every_reader() -> None:
    assert formats.formats() == [
        "otter",
        "plain",
        "meet",
        "vtt",
        "srt",
        "json",
        "caption-dump",
        "podcast",
        "text",
    ]


# --- metadata dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,iso",
    [
        ("Publication date: 2019-04-01", "2019-04-01"),
        ("Jan. 10, 2024", "2024-01-10"),
        ("January 10 2024", "2024-01-10"),
        ("Date: 3 March 2026", "2026-03-03"),
        ("Recorded 2026/03/03 at 10:00", "2026-03-03"),
        ("Sept 1st, 2025", "2025-09-01"),
        ("Feb 30, 2024", None),
        ("no date here", None),
    ],
)
def test_find_date(text: str, iso: str | None) -> None:
    assert meta.find_date(text) == iso


@pytest.mark.parametrize(
    "name,iso",
    [
        ("call-2026-03-03.vtt", "2026-03-03"),
        ("20260303_kickoff.txt", "2026-03-03"),
        ("acme_2026_03_03.srt", "2026-03-03"),
        ("notes/2026-13-45.txt", None),
        ("v123456789.txt", None),
        ("plain.txt", None),
    ],
)
def test_date_in_name(name: str, iso: str | None) -> None:
    assert meta.date_in_name(name) == iso


def test_file_metadata_date_beats_the_file_name(tmp_path: Path) -> None:
    text = (FIXTURES / "otter.txt").read_text()
    named = tmp_path / "sync_2026-02-14.txt"
    named.write_text(text)
    assert formats.read(named).date == "2026-02-14"
    dated = tmp_path / "2025-01-01 weekly.txt"
    dated.write_text((FIXTURES / "plain.txt").read_text())
    assert formats.read(dated).date == "2026-03-03"


# --- the CLI ---------------------------------------------------------------------------------


def test_formats_command(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["formats"])
    assert result.exit_code == 0
    assert result.output.split() == formats.formats()


def test_cli_unknown_format_is_one_line_error(runner: CliRunner) -> None:
    path = FIXTURES / "plain.txt"
    result = runner.invoke(cli, ["analyze", str(path), "--input-format", "vtt"])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {path}: no cue timing line like '00:00:01.000 --> 00:00:04.000' found "
        "(read as vtt)\n"
    )


def test_cli_unknown_reader_name_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyze", str(FIXTURES / "plain.txt"), "--input-format", "docx"])
    assert result.exit_code == 2
    assert "'docx' is not one of: otter, plain, meet, vtt, srt, json, caption-dump" in result.output


@pytest.mark.slow
def test_analyze_date_is_option_then_file_then_name(runner: CliRunner, tmp_path: Path) -> None:
    def date_of(*args: str) -> str | None:
        result = runner.invoke(cli, ["analyze", *args, "--json"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["date"]

    plain = str(FIXTURES / "plain.txt")
    assert date_of(plain) == "2026-03-03"
    assert date_of(plain, "--date", "2026-01-02") == "2026-01-02"
    named = tmp_path / "acme_20260214.txt"
    named.write_text((FIXTURES / "otter.txt").read_text())
    assert date_of(str(named)) == "2026-02-14"
    assert date_of(str(FIXTURES / "otter.txt")) is None


@needs_shared
@pytest.mark.slow
@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_analyze_seed_json(prefix: str, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyze", str(_seed(prefix)), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    want = SEED_EXPECTED[prefix]
    assert out["input_format"] == want["fmt"]
    assert out["date"] == want["date"]
    assert len(out["turns"]) == want["turns"]


def test_a_joined_run_keeps_where_each_line_started() -> None:
    """One speaker's lines joined into a turn remember how many words came before each later
    line (Turn.joins, read by action_items.as_acts); the turn's fields and JSON stay as they
    were, however the text's spaces are squashed."""
    text = (
        "PM: Okay,   so for the next meeting,\nPM: you're gonna draw it.\n"
        "ID: Okay.\nPM: Right\nPM: thanks\n"
    )
    turns = formats.parse(text, "call.txt").turns
    assert [(t.speaker, t.text, t.joins()) for t in turns] == [
        ("PM", "Okay, so for the next meeting, you're gonna draw it.", (6,)),
        ("ID", "Okay.", ()),
        ("PM", "Right thanks", (1,)),
    ]
    assert "joins" not in turns[0].model_dump_json()
    assert turns[0].model_dump() == {
        "speaker": "PM",
        "start": None,
        "end": None,
        "text": turns[0].text,
    }
