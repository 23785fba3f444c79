"""One file in, one Analysis out: a recording's errors come as one line, before the slow part."""

from __future__ import annotations

import os
import wave
from pathlib import Path

import numpy as np
import pytest

from milepost.pipeline import analyze_file, audio
from milepost.pipeline.errors import ConfigError


def _tone_wav(path: Path) -> Path:
    t = np.arange(16000) / 16000
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes((0.3 * np.sin(2 * np.pi * 220 * t) * 32767).astype("<i2").tobytes())
    return path


def test_a_broken_journey_map_fails_before_the_recording_is_transcribed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audio, "WhisperTranscriber", None)  # transcribing would be a TypeError
    missing = tmp_path / "journey.yaml"
    monkeypatch.setenv("MILEPOST_JOURNEY", str(missing))
    with pytest.raises(ConfigError, match=r"journey.yaml: cannot read journey map"):
        analyze_file.analyze_path(_tone_wav(tmp_path / "call.wav"))


def test_a_helper_that_cannot_load_leaves_the_error_to_the_main_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The helper prints no traceback and answers None; the main process then loads the
    analyzer itself and raises the reason, which the CLI prints as one line."""

    def broken() -> None:
        raise ConfigError("cannot read journey map (No such file or directory)", "j.yaml")

    monkeypatch.setattr(os, "nice", lambda n: 0)  # the test process keeps its priority
    monkeypatch.setattr(analyze_file, "_analyzer", broken)
    monkeypatch.setattr(analyze_file, "_helper", None)
    analyze_file._warm_helper()
    assert analyze_file._analyze_in_helper(analyze_file.WARM_UP, None) is None
    assert capsys.readouterr() == ("", "")
