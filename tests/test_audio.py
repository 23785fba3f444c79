"""Audio: decoding, the stereo split, diarization, the model seam, transcribe and analyze."""

from __future__ import annotations

import json
import logging
import re
import wave
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import av
import numpy as np
import pytest
from click.testing import CliRunner
from conftest import AUDIO, SAMPLES, needs_shared

from milepost.models import Transcript, Turn
from milepost.pipeline import audio, formats
from milepost.pipeline.audio import decode, diarize, recording
from milepost.pipeline.audio.model import resolve_model
from milepost.pipeline.audio.transcriber import Segment, Word
from milepost.pipeline.cli import cli
from milepost.pipeline.errors import AudioDecodeError, ModelNotAvailable
from milepost.pipeline.formats.writers import render

JFK = AUDIO / "faster_whisper" / "jfk.flac"
STEREO = AUDIO / "faster_whisper" / "stereo_diarization.wav"
SAMPLE = AUDIO / "pyannote_sample" / "sample.wav"
JFK_TEXT = (
    "And so my fellow Americans, ask not what your country can do for you, "
    "ask what you can do for your country."
)
needs_diarize = pytest.mark.skipif(
    not audio.diarization_available(), reason="the diarize extra (torch, resemblyzer) is missing"
)
SR = decode.SAMPLE_RATE


def words(text: str) -> list[str]:
    return re.sub(r"[^\w' ]+", " ", text.lower()).split()


def write_wav(path: Path, audio: np.ndarray, rate: int = SR) -> Path:
    """(channels, n) float audio to a 16-bit WAV with the standard library."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(audio.shape[0])
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.clip(audio.T, -1, 1) * 32767).astype("<i2").tobytes())
    return path


def tone(freq: float, seconds: float, rate: int = SR) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


class FakeTranscriber:
    """One segment per stretch of sound, words one per 0.5 s, text naming the tone's pitch."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def transcribe(self, audio: np.ndarray, words: bool = True) -> Iterator[Segment]:
        self.calls.append(len(audio))
        loud = np.abs(audio).reshape(-1, SR // 2).max(axis=1) > 0.05
        for start, end in _runs(loud):
            found = [Word(i / 2, i / 2 + 0.5, f" {_pitch(audio, i)}{i}") for i in range(start, end)]
            text = "".join(w.text for w in found).strip()
            yield Segment(start / 2, end / 2, text, words=found if words else [])


class FakeEmbedder:
    """A voice vector per window: which of two pitches dominates it."""

    def embed(self, audio: np.ndarray, starts: Sequence[int], length: int) -> np.ndarray:
        out = []
        for s in starts:
            low = _pitch(audio[s : s + length], 0) == "low"
            out.append([1.0, 0.0] if low else [0.0, 1.0])
        return np.array(out)


def _pitch(audio: np.ndarray, half_second: int) -> str:
    chunk = audio[half_second * SR // 2 : (half_second + 1) * SR // 2]
    crossings = np.count_nonzero(np.diff(np.sign(chunk)) != 0) / (len(chunk) / SR) / 2
    return "low" if crossings < 400 else "high"


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(int), [0]])))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


# -- decoding -------------------------------------------------------------------------------


@needs_shared
def test_probe_and_decode_resample_to_16k() -> None:
    info = decode.probe(JFK)
    assert (info.channels, info.duration_s, info.codec) == (2, 11.0, "flac")
    mono, stereo = decode.load(JFK), decode.load(JFK, 2)
    assert mono.shape == (1, 176000) and stereo.shape == (2, 176000)
    assert mono.dtype == np.float32
    assert np.corrcoef(mono[0], stereo.mean(axis=0))[0, 1] > 0.999  # a downmix, same signal


def test_decode_any_rate_and_layout(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "a.wav", np.stack([tone(300, 2, 44100)] * 2), rate=44100)
    audio = decode.load(path)
    assert audio.shape == (1, 32000)


def encode(path: Path, codec: str | None, rate: int, video: bool = False) -> Path:
    """Two seconds of a stereo tone (codec None: none) in any container, with video if asked."""
    with av.open(str(path), "w") as out:
        picture = out.add_stream("mpeg4", rate=10) if video else None
        sound = out.add_stream(codec, rate=rate, layout="stereo") if codec else None
        packets = []
        if picture is not None:
            picture.width, picture.height, picture.pix_fmt = 64, 48, "yuv420p"
            for i in range(20):
                still = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
                still.pts = i
                packets += picture.encode(still)
            packets += picture.encode(None)
        if sound is not None:
            frame = av.AudioFrame.from_ndarray(
                np.stack([tone(300, 2, rate)] * 2), format="fltp", layout="stereo"
            )
            frame.sample_rate = rate
            packets += [*sound.encode(frame), *sound.encode(None)]
        for packet in packets:
            out.mux(packet)
    return path


@pytest.mark.parametrize(
    ("name", "codec", "rate"),
    [
        ("call.m4a", "aac", 44100),
        ("call.mp3", "libmp3lame", 44100),
        ("call.ogg", "libopus", 48000),
        ("call.opus", "libopus", 48000),
        ("call.webm", "libopus", 48000),
        ("call.flac", "flac", 22050),
        ("call.mp4", "aac", 32000),
        ("call.mkv", "libopus", 48000),
        ("call.avi", "libmp3lame", 44100),
    ],
)
def test_every_container_decodes_to_16k(tmp_path: Path, name: str, codec: str, rate: int) -> None:
    path = encode(tmp_path / name, codec, rate)
    assert decode.probe(path).channels == 2
    samples = decode.load(path).shape[1]
    assert abs(samples - 2 * SR) < 0.1 * SR  # codec priming and padding aside


@pytest.mark.parametrize("name", ["meeting.mov", "meeting.mkv", "meeting.avi"])
def test_the_audio_track_of_a_video(tmp_path: Path, name: str) -> None:
    path = encode(tmp_path / name, "aac" if name != "meeting.avi" else "libmp3lame", 48000, True)
    assert abs(decode.load(path).shape[1] - 2 * SR) < 0.1 * SR
    silent = encode(tmp_path / "screen.mp4", None, 48000, video=True)
    with pytest.raises(AudioDecodeError, match="screen.mp4: no audio track"):
        decode.probe(silent)


def test_windows_cut_at_quiet_points_without_losing_samples() -> None:
    loud = np.concatenate([tone(200, 3), np.zeros(SR // 4, np.float32), tone(200, 3)])
    blocks = [loud[None, i : i + 1000] for i in range(0, len(loud), 1000)]
    pieces = list(decode.windows(blocks, window_s=4.0, search_s=2.0))
    offsets = [offset for offset, _ in pieces]
    assert offsets[0] == 0.0 and 3.0 <= offsets[1] <= 3.25  # the cut falls in the silence
    assert all(w.shape[1] <= 4 * SR for _, w in pieces)
    assert np.array_equal(np.concatenate([w for _, w in pieces], axis=1)[0], loud)


@needs_shared
def test_channels_differ_only_for_one_party_per_channel() -> None:
    assert recording.channels_differ(decode.load(STEREO, 2))
    assert not recording.channels_differ(decode.load(JFK, 2))


def test_a_dead_channel_is_not_a_second_party() -> None:
    both = np.concatenate([tone(150, 1), tone(1200, 1)])
    assert not recording.channels_differ(np.stack([both, np.zeros_like(both)]))
    assert not recording.channels_differ(np.stack([both, both * 0.9]))
    quiet = np.zeros(SR, np.float32)
    left, right = np.concatenate([tone(150, 1), quiet]), np.concatenate([quiet, tone(1200, 1)])
    assert recording.channels_differ(np.stack([left, right]))


def test_not_audio_with_an_audio_extension(tmp_path: Path) -> None:
    path = tmp_path / "call.mp3"
    path.write_text("Dana: this is a transcript, not a recording\n")
    with pytest.raises(AudioDecodeError) as err:
        decode.load(path)
    assert str(err.value).startswith(f"{path}: not a readable audio file")


def test_truncated_and_empty_files(tmp_path: Path) -> None:
    full = write_wav(tmp_path / "full.wav", tone(200, 4)[None])
    cut = tmp_path / "cut.wav"
    cut.write_bytes(full.read_bytes()[:20000])
    with pytest.raises(AudioDecodeError, match="truncated: the WAV header promises 128000 bytes"):
        decode.load(cut)
    empty = tmp_path / "empty.m4a"
    empty.write_bytes(b"")
    with pytest.raises(AudioDecodeError, match="empty.m4a: file is empty"):
        decode.load(empty)


@needs_shared
def test_truncated_flac(tmp_path: Path) -> None:
    cut = tmp_path / "cut.flac"
    cut.write_bytes(JFK.read_bytes()[:40000])
    with pytest.raises(
        AudioDecodeError, match=r"cut.flac: truncated: only \d\.\d s of the declared"
    ):
        decode.load(cut)


def test_no_speech_is_an_error(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "silence.wav", np.zeros((1, SR * 2), np.float32))
    with pytest.raises(AudioDecodeError, match="silence.wav: no speech found in the recording"):
        recording.transcribe_recording(path, FakeTranscriber())


# -- model ----------------------------------------------------------------------------------


def test_default_model_is_the_bundled_tiny_en() -> None:
    folder = resolve_model(None)
    assert folder.name == "model" and (folder / "model.bin").is_file()
    assert resolve_model("tiny.en") == folder
    assert resolve_model(str(folder)) == folder  # a local CTranslate2 folder


def test_named_model_must_be_in_the_local_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotAvailable, match="'small.en' is not available offline"):
        resolve_model("small.en")
    with pytest.raises(ModelNotAvailable, match="unknown Whisper model 'huge'"):
        resolve_model("huge")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelNotAvailable, match="no model.bin"):
        resolve_model(str(tmp_path / "empty"))


# -- speakers -------------------------------------------------------------------------------


def two_voices(tmp_path: Path) -> Path:
    """Low voice 2 s, pause, high voice 2 s, pause, low voice 1.5 s."""
    gap = np.zeros(SR // 2, np.float32)
    parts = [tone(150, 2), gap, tone(1200, 2), gap, tone(150, 1.5)]
    return write_wav(tmp_path / "mono.wav", np.concatenate(parts)[None])


def test_mono_is_diarized_through_the_embedding_seam(tmp_path: Path) -> None:
    seen: list[float] = []
    t = recording.transcribe_recording(
        two_voices(tmp_path), FakeTranscriber(), FakeEmbedder(), progress=seen.append
    )
    assert [(x.speaker, x.start, x.end) for x in t.turns] == [
        ("SPEAKER_1", 0.0, 2.0),
        ("SPEAKER_2", 2.5, 4.5),
        ("SPEAKER_1", 5.0, 6.5),
    ]
    assert t.turns[1].text == "high5 high6 high7 high8"
    assert seen == sorted(seen) and seen[-1] == 6.5


def test_without_an_embedder_speakers_are_unnamed_unless_one(tmp_path: Path) -> None:
    """Speakers unknown: pieces join as unlabelled captions do (no sentence end here)."""
    t = recording.transcribe_recording(two_voices(tmp_path), FakeTranscriber(), None)
    said = "low0 low1 low2 low3 high5 high6 high7 high8 low10 low11 low12"
    assert [(x.speaker, x.start, x.end, x.text) for x in t.turns] == [(None, 0.0, 6.5, said)]
    one = recording.transcribe_recording(two_voices(tmp_path), FakeTranscriber(), None, 1)
    assert [(x.speaker, x.text) for x in one.turns] == [("SPEAKER_1", said)]


def test_stereo_split_by_channel_and_merged_by_time(tmp_path: Path) -> None:
    quiet = np.zeros(SR, np.float32)
    left = np.concatenate([tone(150, 1), quiet, tone(150, 1)])
    right = np.concatenate([quiet, tone(1200, 1), quiet])
    path = write_wav(tmp_path / "dialer.wav", np.stack([left, right]))
    fake = FakeTranscriber()
    t = recording.transcribe_recording(path, fake, FakeEmbedder())
    assert [(x.speaker, x.start, x.text) for x in t.turns] == [
        ("SPEAKER_1", 0.0, "low0 low1"),
        ("SPEAKER_2", 1.0, "high2 high3"),
        ("SPEAKER_1", 2.0, "low4 low5"),
    ]
    assert fake.calls == [3 * SR, 3 * SR]  # each channel on its own


def test_missing_diarize_extra_warns_and_names_no_speaker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(audio, "diarization_available", lambda: False)
    monkeypatch.setattr(audio, "WhisperTranscriber", _fake_whisper)
    path = two_voices(tmp_path)
    with caplog.at_level(logging.WARNING, logger="milepost"):
        t = audio.transcribe_file(path, progress=False)
    assert {x.speaker for x in t.turns} == {None}
    assert caplog.messages == [
        f"{path}: speaker diarization needs the optional extra (pip install "
        "'milepost[diarize]'); speakers are not told apart (no SPEAKER_N labels)"
    ]


def test_a_bad_file_fails_before_the_model_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audio, "WhisperTranscriber", None)  # calling it would be a TypeError
    path = tmp_path / "call.opus"
    path.write_bytes(b"\x00\x01 not opus at all" * 50)
    with pytest.raises(AudioDecodeError, match="call.opus: not a readable audio file"):
        audio.transcribe_file(path)


def _fake_whisper(model: str | None = None, threads: int | None = None, vad: bool = True):  # type: ignore[no-untyped-def]
    fake = FakeTranscriber()
    fake.threads = 1  # type: ignore[attr-defined]
    return fake


def test_cluster_groups_and_orders_by_first_appearance() -> None:
    rng = np.random.default_rng(1)
    centres = np.eye(6)[[4, 1, 2]]
    labels_true = np.array([2, 2, 0, 0, 1, 1, 2, 0, 1] * 5)
    points = centres[labels_true] + rng.normal(0, 0.05, (len(labels_true), 6))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    assert diarize.estimate_speakers(points) == 3
    labels = diarize.cluster(points)
    assert labels[:6].tolist() == [0, 0, 1, 1, 2, 2]
    assert np.array_equal(labels, np.array([0, 0, 1, 1, 2, 2, 0, 1, 2] * 5))
    assert diarize.cluster(points, 1).tolist() == [0] * len(points)


def test_long_recordings_cluster_a_sample_and_assign_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(diarize, "MAX_CLUSTERED", 12)
    rng = np.random.default_rng(2)
    truth = np.array([0, 1] * 30)
    points = np.eye(4)[truth] + rng.normal(0, 0.05, (60, 4))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    assert np.array_equal(diarize.cluster(points, 2), truth)


def test_one_word_flicker_is_absorbed() -> None:
    found = [Word(i, i + 1, f" w{i}") for i in range(7)]
    labels = np.array([0, 0, 0, 1, 0, 0, 1])
    diarize.label_words(found, np.arange(7) + 0.5, labels)
    assert [w.speaker for w in found] == [0, 0, 0, 0, 0, 0, 1]


# -- export and re-ingest -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["vtt", "srt", "txt", "json"])
def test_written_transcripts_read_back(fmt: str) -> None:
    turns = [
        Turn(speaker="SPEAKER_1", start=0.0, end=4.25, text="We'll send the SSO guide by Friday."),
        Turn(speaker="SPEAKER_2", start=5.5, end=9.0, text="Great, <thanks> & see you then."),
        Turn(speaker="SPEAKER_1", start=3671.0, end=3675.5, text="Talk soon."),
    ]
    original = Transcript(source="call.wav", input_format="audio", turns=turns)
    back = formats.parse(render(original, fmt), f"call.{fmt}")
    assert [(t.speaker, t.text) for t in back.turns] == [(t.speaker, t.text) for t in turns]
    assert [t.start for t in back.turns] == [0.0, 5.0 if fmt == "txt" else 5.5, 3671.0]


# -- the real model -------------------------------------------------------------------------


@pytest.mark.slow
@needs_shared
def test_jfk_transcribes_with_the_bundled_model() -> None:
    t = audio.transcribe_file(JFK, speakers=1, progress=False)
    assert words(" ".join(x.text for x in t.turns)) == words(JFK_TEXT)
    assert t.input_format == "audio" and t.duration_s == 11.0 and t.speakers == ["SPEAKER_1"]


@pytest.mark.slow
@needs_shared
def test_stereo_file_gives_two_speakers_with_their_own_text() -> None:
    t = audio.transcribe_file(STEREO, progress=False)
    said = {s: words(" ".join(x.text for x in t.turns if x.speaker == s)) for s in t.speakers}
    assert said == {
        "SPEAKER_1": words(
            "He began a confused complaint against the wizard, "
            "who had vanished behind the curtain on the left."
        ),
        "SPEAKER_2": words("The horizon seems extremely distant."),
    }


@pytest.mark.slow
def test_the_demo_recording_splits_csm_and_customer_by_channel() -> None:
    t = audio.transcribe_file(SAMPLES / "juniper-health-checkin.ogg", progress=False)
    assert [x.speaker for x in t.turns] == ["SPEAKER_1", "SPEAKER_2"] * 2 + ["SPEAKER_1"]
    assert "I will send you the admin training guide by Friday." in t.turns[2].text
    assert "security team next week" in t.turns[3].text


@pytest.mark.slow
@needs_shared
@needs_diarize
def test_two_speaker_sample_is_diarized() -> None:
    t = audio.transcribe_file(SAMPLE, speakers=2, progress=False)
    assert len(t.speakers) == 2
    who = {x.text: x.speaker for x in t.turns}
    diane = next(s for text, s in who.items() if "Diane in New Jersey" in text)
    sheila = next(s for text, s in who.items() if "Sheila" in text)
    assert diane != sheila


@needs_diarize
def test_mel_matches_resemblyzers_own() -> None:
    from milepost.pipeline.audio.embed import mel_spectrogram

    librosa = pytest.importorskip("librosa")
    x = tone(440, 1) + tone(97, 1)
    ours = mel_spectrogram(x)
    theirs = librosa.feature.melspectrogram(y=x, sr=SR, n_fft=400, hop_length=160, n_mels=40).T
    assert ours.shape == (101, 40)
    assert np.allclose(ours, theirs, rtol=1e-4, atol=1e-6)


# -- CLI ------------------------------------------------------------------------------------


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audio, "WhisperTranscriber", _fake_whisper)
    monkeypatch.setattr(audio, "diarization_available", lambda: True)
    monkeypatch.setattr(audio, "LazyEmbedder", lambda threads=None: FakeEmbedder())


def test_cli_offers_every_writer() -> None:
    from milepost.pipeline import cli_audio
    from milepost.pipeline.formats.writers import WRITERS

    assert cli_audio.FORMATS == WRITERS


def test_cli_transcribe_writes_vtt_with_voices(tmp_path: Path, fake_model: None) -> None:
    path = two_voices(tmp_path)
    result = CliRunner().invoke(cli, ["transcribe", str(path)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output == (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:02.000\n<v SPEAKER_1>low0 low1 low2 low3</v>\n\n"
        "00:00:02.500 --> 00:00:04.500\n<v SPEAKER_2>high5 high6 high7 high8</v>\n\n"
        "00:00:05.000 --> 00:00:06.500\n<v SPEAKER_1>low10 low11 low12</v>\n"
    )


def test_cli_transcribe_to_file_as_txt(tmp_path: Path, fake_model: None) -> None:
    out = tmp_path / "call.txt"
    args = ["transcribe", str(two_voices(tmp_path)), "--format", "txt", "-o", str(out)]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert (result.exit_code, result.output) == (0, "")
    assert out.read_text() == (
        "[0:00:00] SPEAKER_1: low0 low1 low2 low3\n\n"
        "[0:00:02] SPEAKER_2: high5 high6 high7 high8\n\n"
        "[0:00:05] SPEAKER_1: low10 low11 low12\n"
    )


def test_cli_batch_goes_on_past_a_bad_file(tmp_path: Path, fake_model: None) -> None:
    good = two_voices(tmp_path)
    bad = tmp_path / "notes.m4a"
    bad.write_text("not audio")
    out = tmp_path / "out"
    args = ["transcribe", str(bad), str(good), "--format", "json", "-o", str(out)]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout == f"{out / 'mono.json'}\n"
    assert result.stderr.startswith(f"Error: {bad}: not a readable audio file")
    segments = json.loads((out / "mono.json").read_text())["segments"]
    assert [s["speaker"] for s in segments] == ["SPEAKER_1", "SPEAKER_2", "SPEAKER_1"]


def test_cli_transcribe_error_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "call.wav"
    bad.write_bytes(b"RIFF....WAVEjunk" * 10)
    result = CliRunner().invoke(cli, ["transcribe", str(bad)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: not a readable audio file")


def test_cli_unknown_model_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf"))
    args = ["transcribe", str(two_voices(tmp_path)), "--model", "medium.en"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.startswith("Error: Whisper model 'medium.en' is not available offline")


@pytest.mark.slow
@needs_shared
def test_analyze_a_recording_end_to_end() -> None:
    args = ["analyze", str(STEREO), "--json"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0
    analysis = json.loads(result.output)
    assert analysis["source"] == str(STEREO)
    assert {s["name"] for s in analysis["speakers"]} == {"SPEAKER_1", "SPEAKER_2"}


@pytest.mark.slow
@needs_shared
def test_a_recording_is_analysed_in_the_helper_with_the_users_options() -> None:
    from milepost.pipeline.analyze_file import analyze_path
    from milepost.pipeline.options import Options

    options = Options(date=date(2026, 3, 3), account="Acme", vendor=["SPEAKER_2"])
    analysis = analyze_path(STEREO, options)
    assert (analysis.date, analysis.account) == ("2026-03-03", "Acme")
    assert sorted((s.name, s.side) for s in analysis.speakers) == [
        ("SPEAKER_1", "customer"),
        ("SPEAKER_2", "vendor"),
    ]
    assert {t.speaker: t.side for t in analysis.turns} == {
        "SPEAKER_1": "customer",
        "SPEAKER_2": "vendor",
    }
