"""One file in, one Analysis out: read a transcript, or transcribe a recording and analyse it.

For a recording the analysis runs in a helper process started before Whisper: it imports and
loads spaCy, and runs one tiny analysis so every lazy table is read, while Whisper
transcribes here. The helper runs at low priority, so it only takes the CPU Whisper leaves
idle; once the transcript is ready, analysing it is the only work left. The main process
never imports spaCy or the extractors.
"""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from milepost.models import Analysis, Transcript, Turn
from milepost.pipeline.journey import load_journey
from milepost.pipeline.load import is_audio, load_transcript
from milepost.pipeline.options import Options
from milepost.pipeline.pools import helpers, ignore_ctrl_c

if TYPE_CHECKING:
    from milepost.pipeline.analyzer import Analyzer

HELPER_NICENESS = 10
WARM_UP = Transcript(
    source="warm-up",
    input_format="plain",
    turns=[
        Turn(speaker="Ann", text="Our goal is to cut onboarding time by 30% by March."),
        Turn(speaker="Bo", text="Agreed. I'll send you the rollout plan by Friday."),
    ],
)
"""A meeting small enough to analyse in milliseconds that touches every extractor."""


def analyze_path(
    path: str | Path,
    options: Options | None = None,
    *,
    input_format: str | None = None,
    whisper_model: str | None = None,
    speakers: int | None = None,
) -> Analysis:
    """Read (or transcribe, for a recording) one file and analyse it."""
    if input_format is not None or not is_audio(path):
        return _analyzer().analyze(load_transcript(path, input_format), options)
    load_journey()  # a broken journey map fails now, not after minutes of transcription
    # a bad file or Ctrl-C ends the helper at once: no need to wait for the model to load
    with helpers(max_workers=1, initializer=_warm_helper) as pool:
        pool.submit(int)  # start the helper now, so its model loads during transcription
        transcript = load_transcript(path, model=whisper_model, speakers=speakers)
        try:
            analysis = pool.submit(_analyze_in_helper, transcript, options).result()
        except BrokenProcessPool:  # the helper died (out of memory, a crash in C code)
            analysis = None
    if analysis is not None:
        return analysis
    return _analyzer().analyze(transcript, options)  # the helper could not load it: say why


def _analyzer() -> Analyzer:
    from milepost.pipeline.analyzer import Analyzer

    return Analyzer()


_helper: Analyzer | None = None


def _warm_helper() -> None:
    """Load and warm the analyzer; a failure leaves no helper (and prints no traceback: the
    main process loads it again and reports the error as one line)."""
    global _helper
    ignore_ctrl_c()
    os.nice(HELPER_NICENESS)
    try:
        helper = _analyzer()
        helper.analyze(WARM_UP)
    except Exception:
        return
    _helper = helper


def _analyze_in_helper(transcript: Transcript, options: Options | None) -> Analysis | None:
    return _helper.analyze(transcript, options) if _helper is not None else None
