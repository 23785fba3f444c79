"""Who spoke when in a mono recording: embed short speech windows, cluster them, label words.

The embedding model sits behind `SpeakerEmbedder` (Resemblyzer in `embed.py`, a fake in
tests); clustering is spectral, in numpy, with the speaker count given or read off the
eigengap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from milepost.pipeline.audio.decode import SAMPLE_RATE
from milepost.pipeline.audio.transcriber import Word

WINDOW_S = 1.6  # Resemblyzer's partial-utterance length
# Windows do not overlap: every frame goes through the LSTM once, which already costs
# CPU on the order of tiny.en itself. A 0.8 s hop doubles that for a mixed result on
# the DER clips (lower DER with the speaker count given, none when it is estimated).
HOP_S = 1.6
MAX_SPEAKERS = 8
# Spectral clustering holds an n x n affinity: beyond this many windows, cluster an even
# sample and give the rest the nearest centroid (3 hours of speech is ~6,700 windows).
MAX_CLUSTERED = 2000


class SpeakerEmbedder(Protocol):
    """Turns fixed-length windows of 16 kHz audio into unit-length voice vectors."""

    def embed(self, audio: np.ndarray, starts: Sequence[int], length: int) -> np.ndarray: ...


def window_starts(
    spans: Sequence[tuple[float, float]], n_samples: int, window_s: float = WINDOW_S
) -> list[int]:
    """Sample offsets of embedding windows laid over the speech spans (seconds)."""
    length, hop = int(window_s * SAMPLE_RATE), int(HOP_S * SAMPLE_RATE)
    if n_samples < length:
        return [0] if n_samples else []
    starts: list[int] = []
    for start, end in spans:
        a, b = int(start * SAMPLE_RATE), int(end * SAMPLE_RATE)
        if b - a < length:
            starts.append(min(max(0, (a + b - length) // 2), n_samples - length))
        else:
            starts.extend(range(a, min(b, n_samples) - length + 1, hop))
    return starts


def cluster(embeddings: np.ndarray, n_speakers: int | None = None) -> np.ndarray:
    """A speaker index (0..k-1) per embedding, in order of first appearance."""
    n = len(embeddings)
    if n == 0:
        return np.zeros(0, dtype=int)
    if n > MAX_CLUSTERED:
        return _cluster_sampled(embeddings, n_speakers)
    if n_speakers is None:
        n_speakers = estimate_speakers(embeddings)
    k = max(1, min(n_speakers, n))
    if k == 1:
        return np.zeros(n, dtype=int)
    vectors = _spectral_vectors(_affinity(embeddings), k)
    return _first_appearance(_kmeans(vectors, k))


def _cluster_sampled(embeddings: np.ndarray, n_speakers: int | None) -> np.ndarray:
    sample = np.linspace(0, len(embeddings) - 1, MAX_CLUSTERED).astype(int)
    labels = cluster(embeddings[sample], n_speakers)
    centroids = np.stack([embeddings[sample][labels == k].mean(0) for k in range(labels.max() + 1)])
    return _first_appearance(np.argmax(embeddings @ centroids.T, axis=1))


def estimate_speakers(embeddings: np.ndarray, max_speakers: int = MAX_SPEAKERS) -> int:
    """How many voices, from the largest eigengap; never one (a call has two parties).

    Resemblyzer's 1.6 s windows of one noisy voice can sit further apart than two clean
    voices, so no similarity cut tells one speaker from two: pass --speakers 1 for that.
    """
    n = len(embeddings)
    if n < 3:
        return n
    values = np.linalg.eigvalsh(_laplacian(_affinity(embeddings)))
    gaps = np.diff(values[: min(max_speakers, n - 1) + 1])
    return int(np.argmax(gaps[1:]) + 2)


def label_words(
    words: list[Word], centers: np.ndarray, labels: np.ndarray, min_words: int = 2
) -> list[Word]:
    """Give each word the label of the nearest window centre, then absorb one-word flickers."""
    if not len(centers):
        return words
    for word in words:
        word.speaker = int(labels[np.argmin(np.abs(centers - (word.start + word.end) / 2))])
    _smooth(words, min_words)
    return words


def _smooth(words: list[Word], min_words: int) -> None:
    """A run shorter than min_words between two runs of one speaker joins them."""
    runs = _runs([w.speaker for w in words])
    for i in range(1, len(runs) - 1):
        (_, _, left), (s, e, mid), (_, _, right) = runs[i - 1], runs[i], runs[i + 1]
        if e - s < min_words and left == right != mid:
            for w in words[s:e]:
                w.speaker = left


def _runs(values: list[int]) -> list[tuple[int, int, int]]:
    runs: list[tuple[int, int, int]] = []
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            runs.append((start, i, values[start]))
            start = i
    return runs


def _affinity(embeddings: np.ndarray) -> np.ndarray:
    sim = np.clip(embeddings @ embeddings.T, 0.0, 1.0)
    return np.asarray(sim, dtype=np.float64)


def _laplacian(affinity: np.ndarray) -> np.ndarray:
    d = 1.0 / np.sqrt(np.maximum(affinity.sum(axis=1), 1e-9))
    return np.eye(len(affinity)) - d[:, None] * affinity * d[None, :]


def _spectral_vectors(affinity: np.ndarray, k: int) -> np.ndarray:
    _, vectors = np.linalg.eigh(_laplacian(affinity))
    rows = vectors[:, :k]
    return np.asarray(rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9))


def _kmeans(x: np.ndarray, k: int, restarts: int = 8, steps: int = 50) -> np.ndarray:
    """Seeded k-means++ with a few restarts; the lowest inertia wins."""
    rng = np.random.default_rng(0)
    best, best_cost = np.zeros(len(x), dtype=int), np.inf
    for _ in range(restarts):
        centers = _kmeans_pp(x, k, rng)
        for _ in range(steps):
            labels = np.argmin(((x[:, None, :] - centers[None]) ** 2).sum(-1), axis=1)
            new = np.array(
                [x[labels == j].mean(0) if (labels == j).any() else centers[j] for j in range(k)]
            )
            if np.allclose(new, centers):
                break
            centers = new
        cost = ((x - centers[labels]) ** 2).sum()
        if cost < best_cost:
            best, best_cost = labels, cost
    return best


def _kmeans_pp(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    centers = [x[rng.integers(len(x))]]
    for _ in range(1, k):
        dist = np.min([((x - c) ** 2).sum(1) for c in centers], axis=0)
        total = dist.sum()
        pick = rng.choice(len(x), p=dist / total) if total > 0 else rng.integers(len(x))
        centers.append(x[pick])
    return np.array(centers)


def _first_appearance(labels: np.ndarray) -> np.ndarray:
    order: dict[int, int] = {}
    for label in labels:
        order.setdefault(int(label), len(order))
    return np.array([order[int(label)] for label in labels], dtype=int)
