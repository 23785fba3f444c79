"""Recordings to 16 kHz float32 with PyAV: any container, rate or layout, no ffmpeg binary.

Decoding streams: blocks come out as the file is read, and `windows` cuts them into
bounded pieces at quiet points, so a 3-hour call never sits in memory whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from milepost.pipeline.errors import AudioDecodeError

SAMPLE_RATE = 16000
# A file that decodes to less than this share of its declared length was cut short.
_TRUNCATED_SHARE = 0.5


@dataclass(frozen=True)
class AudioInfo:
    """What the container says about the first audio track."""

    channels: int
    duration_s: float | None
    codec: str


def probe(path: str | Path) -> AudioInfo:
    """Open the file and describe its audio track; AudioDecodeError when there is none."""
    with _open(path) as container:
        stream = _audio_stream(container, path)
        return AudioInfo(stream.channels, _duration(container, stream), stream.codec_context.name)


def blocks(path: str | Path, channels: int) -> Iterator[np.ndarray]:
    """Yield (channels, n) float32 blocks at 16 kHz; stereo stays split, more channels mix down."""
    layout = "stereo" if channels == 2 else "mono"
    resampler = av.AudioResampler(format="fltp", layout=layout, rate=SAMPLE_RATE)
    decoded = bad = 0
    with _open(path) as container:
        stream = _audio_stream(container, path)
        declared = _duration(container, stream)
        try:
            for packet in container.demux(stream):
                try:
                    frames = packet.decode()
                except av.error.InvalidDataError:
                    bad += 1  # one damaged packet: skip it, like ffmpeg does
                    continue
                for frame in frames:
                    for out in resampler.resample(frame):  # type: ignore[arg-type]
                        decoded += out.samples
                        yield out.to_ndarray()
            for out in resampler.resample(None):
                decoded += out.samples
                yield out.to_ndarray()
        except av.error.FFmpegError as exc:
            raise AudioDecodeError(f"cannot decode audio ({_reason(exc)})", path) from None
    _check_complete(path, decoded / SAMPLE_RATE, declared, bad)
    _check_wav_length(path)


def windows(
    source: Iterable[np.ndarray], window_s: float = 600.0, search_s: float = 20.0
) -> Iterator[tuple[float, np.ndarray]]:
    """Cut blocks into (offset_s, audio) windows of at most window_s, ending at quiet points."""
    size, search = int(window_s * SAMPLE_RATE), int(search_s * SAMPLE_RATE)
    buffer: np.ndarray | None = None
    filled, offset = 0, 0
    for block in source:
        if buffer is None:
            buffer = np.empty((block.shape[0], size), dtype=np.float32)
        while block.shape[1]:
            take = min(size - filled, block.shape[1])
            buffer[:, filled : filled + take] = block[:, :take]
            filled, block = filled + take, block[:, take:]
            if filled == size:
                cut = _quietest(buffer[:, size - search :]) + size - search
                yield offset / SAMPLE_RATE, buffer[:, :cut].copy()
                buffer[:, : size - cut] = buffer[:, cut:]
                filled, offset = size - cut, offset + cut
    if buffer is not None and filled:
        yield offset / SAMPLE_RATE, buffer[:, :filled].copy()


def load(path: str | Path, channels: int = 1) -> np.ndarray:
    """The whole file as one (channels, n) array: for short clips and tests."""
    parts = list(blocks(path, channels))
    if not parts:
        return np.zeros((channels, 0), dtype=np.float32)
    return np.concatenate(parts, axis=1)


def _quietest(audio: np.ndarray, frame: int = SAMPLE_RATE // 20) -> int:
    """Sample index of the middle of the quietest 50 ms frame."""
    mono = audio.mean(axis=0)
    n = len(mono) // frame
    if n == 0:
        return len(mono)
    energy = np.square(mono[: n * frame]).reshape(n, frame).mean(axis=1)
    return int(np.argmin(energy)) * frame + frame // 2


def _open(path: str | Path) -> av.container.InputContainer:
    path = Path(path)
    if not path.exists():
        raise AudioDecodeError("no such file", path)
    if path.is_dir():
        raise AudioDecodeError("is a directory, not a recording", path)
    if path.stat().st_size == 0:
        raise AudioDecodeError("file is empty", path)
    try:
        return av.open(str(path), metadata_errors="ignore")
    except av.error.FFmpegError as exc:
        raise AudioDecodeError(f"not a readable audio file ({_reason(exc)})", path) from None


def _audio_stream(container: av.container.InputContainer, path: str | Path) -> av.AudioStream:
    if not container.streams.audio:
        raise AudioDecodeError("no audio track", path)
    return container.streams.audio[0]


def _duration(container: av.container.InputContainer, stream: av.AudioStream) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return None


def _check_complete(path: str | Path, decoded_s: float, declared: float | None, bad: int) -> None:
    if decoded_s == 0:
        raise AudioDecodeError("no audio could be decoded (corrupt or truncated file)", path)
    if declared and declared > 2 and decoded_s < _TRUNCATED_SHARE * declared:
        raise AudioDecodeError(
            f"truncated: only {decoded_s:.1f} s of the declared {declared:.1f} s decode", path
        )
    if bad and bad * 10 > decoded_s:  # far more damaged packets than a glitch or two
        raise AudioDecodeError(f"corrupt: {bad} damaged packets", path)


def _check_wav_length(path: str | Path) -> None:
    """A WAV whose data chunk claims more bytes than the file holds was cut off mid-write."""
    with open(path, "rb") as f:
        head = f.read(4096)
    if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return
    pos = 12
    while pos + 8 <= len(head):
        name, size = head[pos : pos + 4], int.from_bytes(head[pos + 4 : pos + 8], "little")
        if name == b"data":
            have = Path(path).stat().st_size - pos - 8
            # 0 and 0xFFFFFFFF mean "unknown" (streamed or unfinished writers): not truncation.
            if 0 < size < 0xFFFFFFFF and have < size * _TRUNCATED_SHARE:
                raise AudioDecodeError(
                    f"truncated: the WAV header promises {size} bytes of audio, found {have}",
                    path,
                )
            return
        pos += 8 + size + (size & 1)


def _reason(exc: av.error.FFmpegError) -> str:
    return getattr(exc, "strerror", None) or str(exc)
