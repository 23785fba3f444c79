"""One file in, one Analysis out: a recording's errors come as one line, before the slow part."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import wave
from pathlib import Path

import numpy as np
import pytest
from conftest import AUDIO, needs_shared

from milepost.pipeline import analyze_file, audio, nlp
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
    monkeypatch.setattr(analyze_file, "ignore_ctrl_c", lambda: None)  # and its Ctrl-C
    monkeypatch.setattr(analyze_file, "_analyzer", broken)
    monkeypatch.setattr(analyze_file, "_helper", None)
    analyze_file._warm_helper()
    assert analyze_file._analyze_in_helper(analyze_file.WARM_UP, None) is None
    assert capsys.readouterr() == ("", "")


@pytest.mark.slow
@needs_shared
def test_ctrl_c_while_transcribing_ends_at_once_without_a_helper_traceback(tmp_path: Path) -> None:
    """Ctrl-C reaches the helper too: it ignores it, and the main process ends it instead of
    waiting for its model to load. The helper's spaCy model here never finishes loading (its
    tokenizer is a pipe nobody writes to), so a main process that waited for it would never end."""
    stuck = _stuck_model(tmp_path / "stuck_model")
    command = [
        sys.executable,
        "-m",
        "milepost.pipeline",
        "analyze",
        str(AUDIO / "ami_ES2004a_clip" / "mixture.wav"),
    ]
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        env={**os.environ, "MILEPOST_SPACY_MODEL": str(stuck)},
    )
    try:
        deadline = time.monotonic() + 60
        while not _children(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        helpers = _children(proc.pid)
        assert helpers, "no helper started"
        time.sleep(1)  # the helper is stuck loading spaCy, Whisper is starting
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=120)  # a wait on the helper hangs past this
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert (proc.returncode, out, err) == (1, "", "\nAborted!\n")
    assert not [pid for pid in helpers if _alive(pid)]


def _stuck_model(folder: Path) -> Path:
    """The installed spaCy model, linked file by file, whose tokenizer is a pipe with no
    writer: loading it never ends (the main process never loads it: only the helper does)."""
    import spacy

    package = spacy.util.get_package_path(nlp.model_name())
    data = next(p for p in package.iterdir() if (p / "config.cfg").is_file())
    folder.mkdir()
    for part in data.iterdir():
        if part.name != "tokenizer":
            (folder / part.name).symlink_to(part.resolve())
    os.mkfifo(folder / "tokenizer")
    return folder


def _alive(pid: int) -> bool:
    """A process that still runs (a zombie waiting to be reaped has ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return kids
