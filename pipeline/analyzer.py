"""Transcript -> Analysis: parse turns with spaCy once, run the extractors, resolve the contract."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from milepost.models import Analysis, Speaker, SpeakerSide, Transcript, TurnOut
from milepost.pipeline import __version__, nlp
from milepost.pipeline.extract import goals, outcomes, sides, stage, steps
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.load import is_audio, load_transcript

PIPELINE_VERSION = __version__
NO_AGREED_GOAL = "no_agreed_goal"


@dataclass
class Options:
    """What the user tells milepost about a meeting beyond the file itself."""

    date: date | None = None
    account: str | None = None
    vendor: list[str] = field(default_factory=list)
    customer: list[str] = field(default_factory=list)

    def roster(self) -> dict[str, SpeakerSide]:
        out: dict[str, SpeakerSide] = {n: "vendor" for n in self.vendor}
        out.update({n: "customer" for n in self.customer})
        return out


class Analyzer:
    """Loads the spaCy pipeline once; analyses any number of transcripts."""

    def __init__(self, model: str | None = None) -> None:
        self.nlp = nlp.load(model)

    def analyze(self, transcript: Transcript, options: Options | None = None) -> Analysis:
        return next(self.analyze_many([(transcript, options or Options())]))

    def analyze_many(self, items: Iterable[tuple[Transcript, Options]]) -> Iterator[Analysis]:
        """Analyse transcripts one by one, keeping spaCy's string store from growing."""
        for transcript, options in items:
            with self.nlp.memory_zone():
                docs = list(self.nlp.pipe(t.text for t in transcript.turns))
                yield self._resolve(transcript, options, docs)

    def _resolve(self, transcript: Transcript, options: Options, docs: list) -> Analysis:
        meeting = Meeting(
            transcript=transcript,
            docs=docs,
            date=options.date or _iso(transcript.date),
            roster=options.roster(),
        )
        sides.infer(meeting)
        found_goals = goals.find(meeting)
        found_steps = steps.find(meeting)
        stage_call = stage.detect(meeting)
        found_outcomes = outcomes.find(meeting, found_goals)
        agreed = goals.has_agreed_goal(found_goals)
        flags = [] if agreed else [NO_AGREED_GOAL]
        questions = [] if agreed else stage.questions_for(stage_call)
        return Analysis(
            source=transcript.source,
            input_format=transcript.input_format,
            date=meeting.date.isoformat() if meeting.date else None,
            account=options.account,
            title=transcript.title,
            duration_s=transcript.duration_s,
            speakers=[Speaker(name=s, side=meeting.side_of(s)) for s in transcript.speakers],
            turns=[
                TurnOut(
                    speaker=t.speaker,
                    side=meeting.side_of(t.speaker),
                    start=t.start,
                    end=t.end,
                    text=t.text,
                )
                for t in transcript.turns
            ],
            goals=found_goals,
            has_agreed_goal=agreed,
            next_steps=found_steps,
            stage=stage_call,
            verified_outcomes=found_outcomes,
            flags=flags,
            questions=questions,
            pipeline_version=PIPELINE_VERSION,
        )


def analyze_path(
    path: str | Path,
    options: Options | None = None,
    *,
    input_format: str | None = None,
    whisper_model: str | None = None,
    speakers: int | None = None,
) -> Analysis:
    """Read (or transcribe, for a recording) one file and analyse it.

    For a recording, a helper process loads spaCy while Whisper transcribes here: Whisper
    leaves most of a second core idle, so the analysis adds little to the wall time.
    """
    if input_format is not None or not is_audio(path):
        return Analyzer().analyze(load_transcript(path, input_format), options)
    with ProcessPoolExecutor(max_workers=1, initializer=_warm_worker) as pool:
        pool.submit(int)  # start the helper now, so its model loads during transcription
        transcript = load_transcript(path, model=whisper_model, speakers=speakers)
        try:
            return pool.submit(_analyze_in_worker, transcript, options).result()
        except BrokenProcessPool:  # the helper could not load the model: say why, here
            return Analyzer().analyze(transcript, options)


_worker: Analyzer | None = None


def _warm_worker() -> None:
    global _worker
    _worker = Analyzer()


def _analyze_in_worker(transcript: Transcript, options: Options | None) -> Analysis:
    assert _worker is not None
    return _worker.analyze(transcript, options)


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
