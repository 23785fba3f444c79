"""Resemblyzer's voice encoder as a `SpeakerEmbedder`, loaded only when torch is installed.

Only the weights come from the resemblyzer package (found without importing it): its
own import pulls librosa and webrtcvad, which cost seconds and break on new setuptools.
The network (3-layer LSTM, linear, ReLU, L2 norm) and its 40-band mel input are rebuilt
here in a few lines.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from milepost.pipeline.audio.decode import SAMPLE_RATE

N_FFT, HOP, N_MELS, FRAMES_PER_S = 400, 160, 40, 100
TARGET_DBFS = -30.0


class DiarizationUnavailable(RuntimeError):
    """torch or resemblyzer is not installed (the optional `diarize` extra)."""


class ResemblyzerEmbedder:
    """Voice vectors for windows of a recording, one batched forward pass per call."""

    def __init__(self, threads: int | None = None) -> None:
        self.torch, self.net = _load_network()
        if threads:
            self.torch.set_num_threads(threads)

    def embed(self, audio: np.ndarray, starts: Sequence[int], length: int) -> np.ndarray:
        """(len(starts), 256) unit vectors, each from audio[start : start + length]."""
        if not len(starts):
            return np.zeros((0, 256), dtype=np.float32)
        mel = mel_spectrogram(_normalise_volume(audio))
        frames = length * FRAMES_PER_S // SAMPLE_RATE
        firsts = [min(s * FRAMES_PER_S // SAMPLE_RATE, max(0, len(mel) - frames)) for s in starts]
        batch = np.stack([_fit(mel[f : f + frames], frames) for f in firsts])
        with self.torch.no_grad():
            out = self.net(self.torch.from_numpy(batch))
        return np.asarray(out.numpy(), dtype=np.float32)


def mel_spectrogram(audio: np.ndarray) -> np.ndarray:
    """(frames, 40) power mel spectrogram, as librosa computes it for Resemblyzer (not log)."""
    padded = np.pad(audio.astype(np.float32), N_FFT // 2)
    n = 1 + (len(padded) - N_FFT) // HOP
    frames = np.lib.stride_tricks.as_strided(
        padded, (n, N_FFT), (padded.strides[0] * HOP, padded.strides[0])
    )
    power = np.abs(np.fft.rfft(frames * _hann(), axis=1)) ** 2
    return np.asarray(power @ _mel_filters().T, dtype=np.float32)


@lru_cache(maxsize=1)
def _hann() -> np.ndarray:
    return np.asarray(0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT), dtype=np.float32)


@lru_cache(maxsize=1)
def _mel_filters() -> np.ndarray:
    """Slaney-style mel filterbank with area normalisation (librosa's default)."""
    freqs = np.linspace(0, SAMPLE_RATE / 2, 1 + N_FFT // 2)
    mels = np.linspace(_hz_to_mel(0.0), _hz_to_mel(SAMPLE_RATE / 2), N_MELS + 2)
    edges = np.array([_mel_to_hz(m) for m in mels])
    ramps = edges[:, None] - freqs[None, :]
    widths = np.diff(edges)
    lower = -ramps[:-2] / widths[:-1, None]
    upper = ramps[2:] / widths[1:, None]
    weights = np.maximum(0, np.minimum(lower, upper))
    weights *= (2.0 / (edges[2:] - edges[:-2]))[:, None]
    return weights.astype(np.float32)


def _hz_to_mel(hz: float) -> float:
    return hz / (200 / 3) if hz < 1000 else 15 + np.log(hz / 1000) / (np.log(6.4) / 27)


def _mel_to_hz(mel: float) -> float:
    return mel * (200 / 3) if mel < 15 else 1000 * np.exp((np.log(6.4) / 27) * (mel - 15))


def _normalise_volume(audio: np.ndarray) -> np.ndarray:
    """Raise quiet audio to -30 dBFS: the encoder's mel input is not log-scaled."""
    rms = float(np.sqrt(np.mean(np.square(audio)))) if len(audio) else 0.0
    if rms <= 0:
        return audio
    change = TARGET_DBFS - 20 * np.log10(rms)
    return audio * (10 ** (change / 20)) if change > 0 else audio


def _fit(mel: np.ndarray, frames: int) -> np.ndarray:
    return mel if len(mel) == frames else np.pad(mel, ((0, frames - len(mel)), (0, 0)))


@lru_cache(maxsize=1)
def _load_network() -> tuple[Any, Any]:
    weights = _weights_path()
    try:
        import torch
    except ImportError:
        raise DiarizationUnavailable("torch is not installed") from None

    class VoiceEncoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.lstm = torch.nn.LSTM(N_MELS, 256, 3, batch_first=True)
            self.linear = torch.nn.Linear(256, 256)

        def forward(self, mels: Any) -> Any:
            _, (hidden, _) = self.lstm(mels)
            raw = torch.relu(self.linear(hidden[-1]))
            return raw / torch.norm(raw, dim=1, keepdim=True).clamp_min(1e-9)

    net = VoiceEncoder()
    state = torch.load(weights, map_location="cpu", weights_only=True)["model_state"]
    net.load_state_dict(state, strict=False)
    return torch, net.eval()


def _weights_path() -> Path:
    spec = importlib.util.find_spec("resemblyzer")
    if spec is None or not spec.submodule_search_locations:
        raise DiarizationUnavailable("resemblyzer is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "pretrained.pt"
    if not path.is_file():
        raise DiarizationUnavailable(f"resemblyzer's weights are missing ({path})")
    return path
