"""media: a recording or document given as a transcript is named, with the fix, in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from milepost.pipeline import formats
from milepost.pipeline.cli import cli
from milepost.pipeline.errors import InputError
from milepost.pipeline.formats import media

SILENCE = bytes(2048)  # what follows a header: zeros, as in a quiet start

RECORDINGS = {
    "wav": (b"RIFF\x24\x4c\x1d\x00WAVEfmt \x10\x00\x00\x00", "a WAV recording", "call.wav"),
    "avi": (b"RIFF\x24\x4c\x1d\x00AVI LIST\x10\x00\x00\x00", "an AVI video", "call.avi"),
    "mp3-id3": (b"ID3\x04\x00\x00\x00\x00\x00#TSSE", "an MP3 recording", "call.mp3"),
    "mp3-frames": (b"\xff\xfb\x90\x64\x00\x00\x00\x00", "an MP3 recording", "call.mp3"),
    "aac-adts": (b"\xff\xf1\x60\x80\x03\xdf\xfc\xde", "an AAC recording", "call.aac"),
    "m4a": (b"\x00\x00\x00\x1cftypM4A \x00\x00\x02\x00", "an M4A recording", "call.m4a"),
    "mp4": (b"\x00\x00\x00\x1cftypisom\x00\x00\x02\x00", "an MP4 recording", "call.mp4"),
    "mov": (b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00", "a QuickTime (MOV) recording", "call.mov"),
    "mov-no-ftyp": (b"\x00\x00\x00\x08wide\x00\x10mdat", "a QuickTime (MOV) recording", "call.mov"),
    "opus": (
        b"OggS\x00\x02" + bytes(20) + b"\x01\x13OpusHead\x01\x02",
        "an Opus recording",
        "call.opus",
    ),
    "vorbis": (b"OggS\x00\x02" + bytes(20) + b"\x01\x1e\x01vorbis", "an Ogg recording", "call.ogg"),
    "flac": (b"fLaC\x00\x00\x00\x22\x12\x00\x12\x00", "a FLAC recording", "call.flac"),
    "webm": (b"\x1a\x45\xdf\xa3\x9fB\x86\x81\x01", "a WebM (Matroska) recording", "call.webm"),
    "wma": (b"\x30\x26\xb2\x75\x8e\x66\xcf\x11\xa6\xd9", "a WMA (ASF) recording", "call.wma"),
}


@pytest.mark.parametrize("head,kind,renamed", RECORDINGS.values(), ids=list(RECORDINGS))
def test_a_recording_saved_as_text_says_what_it_is_and_how_to_rename_it(
    head: bytes, kind: str, renamed: str, tmp_path: Path
) -> None:
    path = tmp_path / "call.txt"
    path.write_bytes(head + SILENCE)
    with pytest.raises(InputError) as info:
        formats.read(path)
    assert info.value.path == str(path)
    assert (
        info.value.message == f"{kind}, not a transcript: rename it to {renamed} to transcribe it"
    )


def test_a_recording_forced_through_a_text_reader_is_told_to_drop_the_option(
    tmp_path: Path,
) -> None:
    path = tmp_path / "call.wav"
    path.write_bytes(RECORDINGS["wav"][0] + SILENCE)
    with pytest.raises(InputError) as info:
        formats.read(path, input_format="vtt")
    assert info.value.message == (
        "a WAV recording, not a text transcript: leave out --input-format to transcribe it"
    )


@pytest.mark.parametrize(
    "head,message",
    [
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            "a PDF document, not a transcript: save its text as .txt",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(16) + b"[Content_Types].xml",
            "a Word (or other Office) document, not a transcript: save it as plain text (.txt)",
        ),
        (
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(20) + b"notes/call.txt",
            "a ZIP archive, not a transcript: unzip it and give the files inside",
        ),
        (bytes(range(256)) * 4, "binary file, not a transcript"),
    ],
    ids=["pdf", "docx", "zip", "unknown"],
)
def test_a_binary_document_is_named(head: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(head + SILENCE)
    with pytest.raises(InputError) as info:
        formats.read(path)
    assert info.value.message == message


def test_text_that_starts_like_a_signature_is_still_a_transcript(tmp_path: Path) -> None:
    """Signatures need their binary bytes: words that happen to spell one are read as text."""
    path = tmp_path / "call.txt"
    path.write_text("OggS pages hold the audio.\n\nPK, the fLaC and RIFF WAVE files both work.\n")
    assert [t.text for t in formats.read(path).turns] == [
        "OggS pages hold the audio.",
        "PK, the fLaC and RIFF WAVE files both work.",
    ]
    assert media.what_it_is(b"RIFF notes about WAVE files", "a.txt") is None
    assert media.what_it_is(b"1234ftyp is not a box", "a.txt") is None
    assert media.what_it_is(b"%PDF is a format", "a.txt") is None


def test_the_cli_prints_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "Acme kickoff.txt"
    path.write_bytes(RECORDINGS["m4a"][0] + SILENCE)
    result = CliRunner().invoke(cli, ["analyze", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {path}: an M4A recording, not a transcript: "
        "rename it to Acme kickoff.m4a to transcribe it\n"
    )


def test_audio_extensions_decide_what_is_transcribed() -> None:
    assert media.is_audio("call.M4A")
    assert media.is_audio(Path("calls/a.opus"))
    assert media.is_audio("screen share.MKV") and media.is_audio("call.avi")
    assert not media.is_audio("call.txt")
    assert not media.is_audio("call.wav.txt")
