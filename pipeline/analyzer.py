"""Transcript -> Analysis: parse turns with spaCy once, run the extractors, resolve the contract."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from milepost.models import Analysis, Speaker, Transcript, TurnOut
from milepost.pipeline import __version__, nlp
from milepost.pipeline.extract import goals, outcomes, sides, stage, steps
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.options import Options

PIPELINE_VERSION = __version__
NO_AGREED_GOAL = "no_agreed_goal"


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
        found_outcomes = outcomes.find(meeting, found_goals, stage_call)
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


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
