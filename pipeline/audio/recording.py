"""One recording to a Transcript: decode in windows, transcribe, say who spoke, make turns.

Stereo files whose channels carry different voices (dialer and call-recorder exports)
are transcribed per channel; everything else is mixed to mono and diarized. Whisper's
sentence-sized segments then become speaker turns the way the text readers make them, so a
recorded call reaches the extractors in the shape its typed-out transcript would.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np

from milepost.models import Transcript, Turn
from milepost.pipeline.audio import decode, diarize
from milepost.pipeline.audio.transcriber import Segment, Transcriber, Word
from milepost.pipeline.errors import AudioDecodeError
from milepost.pipeline.formats import turns as reader_turns

# Stereo counts as two parties when, over frames with speech in either channel, the
# louder channel is typically this many dB above the other (a room mic stays near 0).
SPLIT_DB = 6.0
# ... and each channel leads in at least this share of them (else one side is dead air,
# e.g. a mono call recorded into the left channel only: that is diarized instead).
LEAD_SHARE = 0.1
# A silence this long between two words ends a turn (on one channel of a call, the other
# party usually spoke in it; Whisper would keep both sides of the gap in one segment).
PAUSE_S = 1.0
# One speaker's consecutive pieces join into one turn (as every text reader joins them) unless
# this much silence parts them: the readers' own pause for unlabelled pieces. DER on output
# turns (bench_audio.py --gaps) is the same for any gap from 0.5 s to never on both diarized
# clips, no false alarm added; 2.0 s joins as much as never there and keeps a long silence
# (screen sharing, a lookup) out of the turn, which DER would count as false alarm.
JOIN_GAP_S: float | None = reader_turns.PAUSE_S
Progress = Callable[[float], None]


def speaker_name(index: int) -> str:
    return f"SPEAKER_{index + 1}"


def transcribe_recording(
    path: str | Path,
    transcriber: Transcriber,
    embedder: diarize.SpeakerEmbedder | None = None,
    speakers: int | None = None,
    progress: Progress | None = None,
    window_s: float = 600.0,
) -> Transcript:
    """Transcribe a recording; embedder None: no diarization (speakers unnamed unless 1)."""
    info = decode.probe(path)
    channels = 2 if info.channels == 2 and speakers != 1 else 1
    pieces = decode.windows(decode.blocks(path, channels), window_s=window_s)
    first = next(pieces, None)
    if first is None:
        raise AudioDecodeError("no audio could be decoded", path)
    decoded: list[float] = []  # end of the last window, for files without a duration
    pieces = _chain(first, pieces, decoded)
    if channels == 2 and channels_differ(first[1]):
        segments = _by_channel(pieces, transcriber, progress)
    else:
        if speakers == 1:
            embedder = None
        segments = _diarized(pieces, transcriber, embedder, speakers, progress)
    if not segments:
        raise AudioDecodeError("no speech found in the recording", path)
    return Transcript(
        source=str(path),
        input_format="audio",
        turns=speaker_turns(segments, JOIN_GAP_S),
        duration_s=info.duration_s or round(decoded[-1], 3),
    )


def speaker_turns(segments: list[Segment], gap: float | None = JOIN_GAP_S) -> list[Turn]:
    """Turns as a text reader gives them: one per run of one speaker (turns.merge_runs), or,
    when everything has one label (no diarization), pieces joined into sentences."""
    pieces = [Turn(speaker=s.speaker, start=s.start, end=s.end, text=s.text) for s in segments]
    if len({p.speaker for p in pieces}) < 2:
        return reader_turns.join_sentences(pieces)
    return [turn for run in _parted(pieces, gap) for turn in reader_turns.merge_runs(run)]


def _parted(pieces: list[Turn], gap: float | None) -> Iterator[list[Turn]]:
    """Stretches of pieces parted where one speaker goes on after `gap` seconds of silence."""
    run: list[Turn] = []
    for piece in pieces:
        if run and gap is not None and _silence(run[-1], piece) >= gap:
            yield run
            run = []
        run.append(piece)
    if run:
        yield run


def _silence(prev: Turn, piece: Turn) -> float:
    """Seconds one speaker stayed silent between two pieces (-inf when another spoke)."""
    if prev.speaker != piece.speaker:
        return float("-inf")
    return (piece.start or 0.0) - (prev.end or 0.0)


def channels_differ(stereo: np.ndarray, frame: int = decode.SAMPLE_RATE // 10) -> bool:
    """True when each channel carries its own party, rather than one mix or one dead side."""
    n = stereo.shape[1] // frame
    if n == 0:
        return False
    energy = np.square(stereo[:, : n * frame]).reshape(2, n, frame).mean(axis=2) + 1e-12
    loud = energy.max(axis=0)
    active = loud > loud.max() * 1e-3  # within 30 dB of the loudest frame
    ratio_db = 10 * np.log10(energy[0, active] / energy[1, active])
    each_leads = min(np.mean(ratio_db >= SPLIT_DB), np.mean(ratio_db <= -SPLIT_DB))
    return bool(np.median(np.abs(ratio_db)) >= SPLIT_DB and each_leads >= LEAD_SHARE)


def _by_channel(
    pieces: Iterator[tuple[float, np.ndarray]], transcriber: Transcriber, progress: Progress | None
) -> list[Segment]:
    out: list[Segment] = []
    for offset, audio in pieces:
        merged: list[Segment] = []
        for channel in range(2):
            for seg in _split_at_pauses(transcriber.transcribe(audio[channel])):
                merged.append(_shift(seg, offset, speaker_name(channel)))
        out.extend(sorted(merged, key=lambda s: (s.start, s.end)))
        if progress:
            progress(offset + audio.shape[1] / decode.SAMPLE_RATE)
    return out


def _diarized(
    pieces: Iterator[tuple[float, np.ndarray]],
    transcriber: Transcriber,
    embedder: diarize.SpeakerEmbedder | None,
    speakers: int | None,
    progress: Progress | None,
) -> list[Segment]:
    segments: list[Segment] = []
    # Not diarized: one speaker when the user said so, else unknown (not all one person).
    name = speaker_name(0) if embedder is not None or speakers == 1 else None
    vectors: list[np.ndarray] = []
    centers: list[float] = []
    length = int(diarize.WINDOW_S * decode.SAMPLE_RATE)
    for offset, audio in pieces:
        mono = audio.mean(axis=0) if audio.shape[0] > 1 else audio[0]
        found = []
        for seg in _split_at_pauses(transcriber.transcribe(mono)):
            found.append(seg)
            if progress:
                progress(offset + seg.end)
        if embedder is not None and found:
            starts = diarize.window_starts([(s.start, s.end) for s in found], len(mono))
            vectors.append(embedder.embed(mono, starts, length))
            centers.extend(offset + (s + length / 2) / decode.SAMPLE_RATE for s in starts)
        segments.extend(_shift(s, offset, name) for s in found)
        if progress:
            progress(offset + len(mono) / decode.SAMPLE_RATE)
    if embedder is None or not vectors:
        return segments
    labels = diarize.cluster(np.concatenate(vectors), speakers)
    return _split_by_speaker(segments, np.array(centers), labels)


def _split_by_speaker(
    segments: list[Segment], centers: np.ndarray, labels: np.ndarray
) -> list[Segment]:
    """Each segment becomes one turn per run of words from one speaker."""
    words = [w for s in segments for w in s.words]
    diarize.label_words(words, centers, labels)
    out: list[Segment] = []
    for seg in segments:
        if not seg.words:
            out.append(seg)
            continue
        run: list[Word] = []
        for word in seg.words:
            if run and word.speaker != run[-1].speaker:
                out.append(_from_words(run, speaker_name(run[0].speaker)))
                run = []
            run.append(word)
        out.append(_from_words(run, speaker_name(run[0].speaker)))
    return [s for s in out if s.text]


def _split_at_pauses(segments: Iterable[Segment]) -> Iterator[Segment]:
    for seg in segments:
        run: list[Word] = []
        for word in seg.words:
            if run and word.start - run[-1].end >= PAUSE_S:
                yield _from_words(run, seg.speaker)
                run = []
            run.append(word)
        yield _from_words(run, seg.speaker) if run else seg


def _from_words(words: list[Word], speaker: str | None = None) -> Segment:
    text = "".join(w.text for w in words).strip()
    return Segment(words[0].start, words[-1].end, text, speaker, words)


def _shift(seg: Segment, offset: float, speaker: str | None) -> Segment:
    words = [Word(w.start + offset, w.end + offset, w.text) for w in seg.words]
    return Segment(seg.start + offset, seg.end + offset, seg.text, speaker, words)


def _chain(
    first: tuple[float, np.ndarray], rest: Iterator[tuple[float, np.ndarray]], ends: list[float]
) -> Iterator[tuple[float, np.ndarray]]:
    """`first` then the rest, noting where each window ends."""
    for offset, audio in itertools.chain([first], rest):
        ends.append(offset + audio.shape[1] / decode.SAMPLE_RATE)
        yield offset, audio
