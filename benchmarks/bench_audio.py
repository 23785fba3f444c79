"""Audio figures on ../shared/eval/audio: WER, DER, the stereo split, and speed.

WER: lower case, punctuation removed, word-level edit distance over the reference length.
DER: this file's own standard DER (missed + false alarm + confusion over scored reference
speech), 0.25 s collar around every reference boundary, overlapping speech scored, the
optimal one-to-one speaker mapping (Hungarian), 10 ms frames; computed on the Transcript
turns milepost outputs (what a user gets), not on an internal diarization.
Speed: one several-minute mono file made by concatenating the sample clips; milepost's
`analyze` (a fresh process, as a user runs it) against a bare faster-whisper script with
the same model and settings (a fresh process too), alternating, best of --repeat.

    .venv/bin/python benchmarks/bench_audio.py [--skip-accuracy] [--skip-speed] [--minutes 5]
        [--repeat 3] [--memory-hours 3] [--gaps]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import av
import numpy as np

from milepost.models import Transcript, Turn
from milepost.pipeline.audio import decode, diarization_available, recording, transcribe_file
from milepost.pipeline.audio.model import default_threads, load_whisper, resolve_model
from milepost.pipeline.audio.transcriber import Segment

AUDIO = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "audio"
JFK = AUDIO / "faster_whisper" / "jfk.flac"
JFK_TEXT = (
    "And so my fellow Americans, ask not what your country can do for you, "
    "ask what you can do for your country."
)
STEREO = AUDIO / "faster_whisper" / "stereo_diarization.wav"
STEREO_TEXT = (
    "He began a confused complaint against the wizard, who had vanished behind the curtain "
    "on the left.",
    "The horizon seems extremely distant.",
)
SAMPLE = AUDIO / "pyannote_sample"
AMI = AUDIO / "ami_ES2004a_clip"
BIN = Path(sys.executable).parent


def words(text: str) -> list[str]:
    """Lower case, punctuation removed (apostrophes inside words kept)."""
    return re.sub(r"[^\w' ]+", " ", text.lower()).replace(" '", " ").split()


def wer(reference: str, hypothesis: str) -> float:
    ref, hyp = words(reference), words(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1] / max(1, len(ref))


def read_rttm(path: Path) -> list[tuple[float, float, str]]:
    turns = []
    for line in path.read_text().splitlines():
        f = line.split()
        turns.append((float(f[3]), float(f[3]) + float(f[4]), f[7]))
    return turns


def der(
    reference: list[tuple[float, float, str]],
    hypothesis: list[tuple[float, float, str]],
    collar: float = 0.25,
    step: float = 0.01,
) -> dict[str, float]:
    """Standard DER with a collar; overlapped speech scored; optimal speaker mapping."""
    from scipy.optimize import linear_sum_assignment

    end = max(e for _, e, _ in reference + hypothesis)
    t = np.arange(int(end / step) + 1) * step
    ref, scored = _activity(reference, t), np.ones(len(t), bool)
    for s, e, _ in reference:
        for edge in (s, e):
            scored &= ~((t >= edge - collar) & (t < edge + collar))
    hyp = _activity(hypothesis, t)
    r, h = ref[:, scored], hyp[:, scored]
    n_ref, n_hyp = r.sum(0), h.sum(0)
    overlap = np.array([[np.sum(ri & hj) for hj in h] for ri in r]).reshape(len(r), len(h))
    rows, cols = linear_sum_assignment(-overlap)
    correct = sum(overlap[i, j] for i, j in zip(rows, cols, strict=True))
    total = n_ref.sum()
    miss = np.maximum(n_ref - n_hyp, 0).sum()
    false_alarm = np.maximum(n_hyp - n_ref, 0).sum()
    confusion = np.minimum(n_ref, n_hyp).sum() - correct
    return {
        "der": (miss + false_alarm + confusion) / total,
        "miss": miss / total,
        "false_alarm": false_alarm / total,
        "confusion": confusion / total,
    }


def _activity(turns: list[tuple[float, float, str]], t: np.ndarray) -> np.ndarray:
    names = sorted({name for *_, name in turns})
    out = np.zeros((max(1, len(names)), len(t)), bool)
    for s, e, name in turns:
        out[names.index(name)] |= (t >= s) & (t < e)
    return out


def turns_of(transcript: Transcript) -> list[tuple[float, float, str]]:
    return [(t.start or 0.0, t.end or 0.0, t.speaker or "?") for t in transcript.turns]


def text_of(transcript: Transcript) -> str:
    return " ".join(t.text for t in transcript.turns)


def accuracy(gaps: bool = False) -> None:
    print("== accuracy (bundled tiny.en, int8, VAD on)")
    jfk = transcribe_file(JFK, speakers=1, progress=False)
    print(f"WER jfk.flac: {wer(JFK_TEXT, text_of(jfk)):.3f}  (target <= 0.10)")
    with open(AMI / "reference_words.tsv") as f:
        ref_words = [
            r["word"] for r in csv.DictReader(f, delimiter="\t") if r["is_punct"] != "True"
        ]
    ami = transcribe_file(AMI / "mixture.wav", progress=False)
    print(f"WER AMI ES2004a clip: {wer(' '.join(ref_words), text_of(ami)):.3f}  (target <= 0.34)")
    stereo = transcribe_file(STEREO, progress=False)
    by_speaker = {
        s: " ".join(t.text for t in stereo.turns if t.speaker == s) for s in stereo.speakers
    }
    print(f"stereo_diarization.wav: {len(by_speaker)} speakers")
    for (speaker, text), expected in zip(sorted(by_speaker.items()), STEREO_TEXT, strict=False):
        print(f"  {speaker}: WER {wer(expected, text):.3f}  {text!r}")
    if not diarization_available():
        print("DER: skipped (the diarize extra is not installed)")
        return
    for name, path, rttm, n in (
        ("pyannote sample", SAMPLE / "sample.wav", SAMPLE / "sample.rttm", 2),
        ("AMI ES2004a clip", AMI / "mixture.wav", AMI / "mixture.rttm", 4),
    ):
        reference = read_rttm(rttm)
        for given in (n, None):
            with _segments_seen() as seen:
                transcript = transcribe_file(path, speakers=given, progress=False)
            label = f"--speakers {given}" if given else "estimated"
            print(
                f"DER {name} ({label}: {len(transcript.speakers)} found, "
                f"{len(transcript.turns)} turns from {len(seen[0])} segments): "
                + _der_line(der(reference, turns_of(transcript)))
            )
            if gaps:
                _der_by_gap(reference, seen[0])


def _der_line(d: dict[str, float]) -> str:
    return (
        f"{d['der']:.3f} (miss {d['miss']:.3f}, false alarm {d['false_alarm']:.3f}, "
        f"confusion {d['confusion']:.3f})"
    )


@contextmanager
def _segments_seen() -> Iterator[list[list[Segment]]]:
    """The segments transcribe_recording turns into turns (before any join), as they pass."""
    seen: list[list[Segment]] = []
    real = recording.speaker_turns

    def spy(segments: list[Segment], gap: float | None = recording.JOIN_GAP_S) -> list[Turn]:
        seen.append(list(segments))
        return real(segments, gap)

    recording.speaker_turns = spy  # type: ignore[assignment]
    try:
        yield seen
    finally:
        recording.speaker_turns = real  # type: ignore[assignment]


def _der_by_gap(reference: list[tuple[float, float, str]], segments: list[Segment]) -> None:
    """DER of the turns each join rule makes from the same segments (how JOIN_GAP_S was chosen)."""
    rules: list[tuple[str, float | None]] = [("one turn per segment", -1.0)]
    rules += [(f"join unless {g} s apart", g) for g in (0.5, 1.0, 1.5, 2.0, 3.0, 5.0)]
    for label, gap in rules + [("always join", None)]:
        turns = recording.speaker_turns(segments, gap)
        spans = [(t.start or 0.0, t.end or 0.0, t.speaker or "?") for t in turns]
        print(f"    {label}: {len(turns)} turns, DER {_der_line(der(reference, spans))}")


def make_long_file(minutes: float, folder: Path) -> Path:
    """A mono 16 kHz wav of the sample clips back to back, repeated to `minutes`."""
    clips = [decode.load(p)[0] for p in (JFK, SAMPLE / "sample.wav", AMI / "mixture.wav")]
    clips.append(decode.load(STEREO, 2).mean(axis=0))
    gap = np.zeros(decode.SAMPLE_RATE // 2, np.float32)
    parts: list[np.ndarray] = []
    while sum(len(p) for p in parts) < minutes * 60 * decode.SAMPLE_RATE:
        for clip in clips:
            parts.extend([clip, gap])
    audio = np.concatenate(parts)[: int(minutes * 60 * decode.SAMPLE_RATE)]
    path = folder / "long.wav"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("pcm_s16le", rate=decode.SAMPLE_RATE, layout="mono")
        frame = av.AudioFrame.from_ndarray(
            (audio * 32767).astype(np.int16)[None, :], format="s16", layout="mono"
        )
        frame.sample_rate = decode.SAMPLE_RATE
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


BARE = """
import sys
from faster_whisper import WhisperModel
model = WhisperModel(sys.argv[1], device="cpu", compute_type="int8", cpu_threads=int(sys.argv[2]))
segments, _ = model.transcribe(sys.argv[3], vad_filter=True, word_timestamps=True)
print(sum(len(s.text.split()) for s in segments))
"""


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, all threads) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def speed(minutes: float, repeat: int) -> None:
    threads = default_threads()
    folder = resolve_model(None)
    with tempfile.TemporaryDirectory() as tmp:
        path = make_long_file(minutes, Path(tmp))
        duration = minutes * 60
        print(f"== speed on {minutes:.1f} min of concatenated samples, {threads} threads")
        ours, wav = str(BIN / "milepost"), str(path)
        cases = {
            "bare faster-whisper": [sys.executable, "-c", BARE, str(folder), str(threads), wav],
            "milepost transcribe --speakers 1": [ours, "transcribe", wav, "--speakers", "1"],
            "milepost analyze --speakers 1": [ours, "analyze", wav, "--speakers", "1"],
        }
        if diarization_available():
            cases["milepost transcribe (diarized)"] = [ours, "transcribe", wav]
            cases["milepost analyze (diarized)"] = [ours, "analyze", wav]
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(repeat):  # alternate, so load on the machine hits every case alike
            for name, cmd in cases.items():
                runs[name].append(_timed(cmd))
        bare = runs["bare faster-whisper"]
        wall0, cpu0 = min(w for w, _ in bare), min(c for _, c in bare)
        median0 = statistics.median(w for w, _ in bare)
        print(f"best of {repeat} (median in brackets):")
        for name, times in runs.items():
            wall, cpu = min(w for w, _ in times), min(c for _, c in times)
            median = statistics.median(w for w, _ in times)
            print(
                f"{name}: {wall:.2f} s wall ({wall / wall0:.3f} of bare) "
                f"[{median:.2f} s, {median / median0:.3f}], "
                f"{cpu:.2f} s CPU ({cpu / cpu0:.3f} of bare)"
            )
        print("target: analyze --speakers 1 / bare <= 1.05")
        audio = decode.load(path)[0]
        for n in (1, 2):
            model = load_whisper(folder, n)
            for vad in (True, False):
                start, cpu = time.perf_counter(), time.process_time()
                segments, _ = model.transcribe(audio, vad_filter=vad)
                list(segments)
                rtf = (time.perf_counter() - start) / duration
                cpu_rtf = (time.process_time() - cpu) / duration
                print(
                    f"RTF tiny.en int8, {n} thread(s), VAD {'on' if vad else 'off'}: "
                    f"{rtf:.4f} wall, {cpu_rtf:.4f} CPU"
                )


MEMORY = """
import sys
import numpy as np
from milepost.pipeline.audio import recording
from milepost.pipeline.audio.transcriber import Segment, Word

class Cheap:
    # a stand-in for Whisper: one 8-word segment every 10 s of audio
    def transcribe(self, audio, words=True):
        for t in np.arange(0, len(audio) / 16000 - 10, 10.0):
            ws = [Word(t + i, t + i + 0.5, " w") for i in range(8)]
            yield Segment(t, t + 8, "w " * 8, words=ws)

class Random:
    def embed(self, audio, starts, length):
        v = np.random.default_rng(len(starts)).random((len(starts), 256))
        return v / np.linalg.norm(v, axis=1, keepdims=True)

def high_water_mib():
    # VmHWM: this process's peak RSS (ru_maxrss would carry the parent's over exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024

base = high_water_mib()
t = recording.transcribe_recording(sys.argv[1], Cheap(), Random(), speakers=2)
print(len(t.turns), base, high_water_mib())
"""


def memory(hours: float) -> None:
    """Peak RSS of the decode-window-diarize path on a long file (Whisper stubbed out)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.wav"
        clip = decode.load(AMI / "mixture.wav")[0]
        block = np.tile(clip, 10)  # 10 minutes
        with av.open(str(path), "w") as out:
            stream = out.add_stream("pcm_s16le", rate=decode.SAMPLE_RATE, layout="mono")
            for _ in range(int(hours * 6)):
                frame = av.AudioFrame.from_ndarray(
                    (block * 32767).astype(np.int16)[None, :], format="s16", layout="mono"
                )
                frame.sample_rate = decode.SAMPLE_RATE
                for packet in stream.encode(frame):
                    out.mux(packet)
            for packet in stream.encode(None):
                out.mux(packet)
        result = subprocess.run(
            [sys.executable, "-c", MEMORY, str(path)], check=True, capture_output=True, text=True
        )
        turns, base, peak = result.stdout.split()
        whole = hours * 3600 * decode.SAMPLE_RATE * 4 / 2**20
        print(
            f"== memory, {hours:g} h mono wav, Whisper stubbed: peak RSS {peak} MiB "
            f"(after imports {base} MiB; the whole decoded audio would be {whole:.0f} MiB)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-accuracy", action="store_true")
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory-hours", type=float, default=3.0, help="0 skips the check")
    parser.add_argument("--gaps", action="store_true", help="DER of each turn-join rule too")
    args = parser.parse_args()
    print(f"cpu cores available: {os.cpu_count()}, diarize extra: {diarization_available()}")
    if not args.skip_accuracy:
        accuracy(args.gaps)
    if args.memory_hours:
        memory(args.memory_hours)
    if not args.skip_speed:
        speed(args.minutes, args.repeat)


if __name__ == "__main__":
    main()
