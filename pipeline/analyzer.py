"""Transcript -> Analysis: parse turns with spaCy once, run the extractors, resolve the contract."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from milepost.models import Analysis, Speaker, SpeakerSide, Transcript, TurnOut
from milepost.pipeline import __version__, nlp
from milepost.pipeline.extract import goals, outcomes, sides, stage, steps
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.options import Options

if TYPE_CHECKING:
    from spacy.language import Language

PIPELINE_VERSION = __version__
NO_AGREED_GOAL = "no_agreed_goal"


class Analyzer:
    """Loads the spaCy pipeline once; analyses any number of transcripts."""

    def __init__(self, model: str | None = None) -> None:
        self.nlp = nlp.load(model)
        # NER is about half of spaCy's time, and milepost reads the entities of few turns: the
        # turns are parsed without it and a Meeting runs it on the docs whose entities are read
        # (Meeting.with_entities). Only where a doc given its entities later has those the
        # whole pipeline gives it (ner_runs_alone); else every turn is parsed whole.
        self._later = ("ner",) if ner_runs_alone(self.nlp) else ()

    def analyze(self, transcript: Transcript, options: Options | None = None) -> Analysis:
        return next(self.analyze_many([(transcript, options or Options())]))

    def analyze_many(self, items: Iterable[tuple[Transcript, Options]]) -> Iterator[Analysis]:
        """Analyse transcripts one by one, keeping spaCy's string store from growing."""
        for transcript, options in items:
            with self.nlp.memory_zone():
                texts = (t.text for t in transcript.turns)
                docs = list(self.nlp.pipe(texts, disable=list(self._later)))
                ner = self.find_entities if self._later else None
                yield self._resolve(transcript, options, docs, ner)

    def find_entities(self, docs: list) -> None:
        """Give docs parsed without NER their named entities, in place."""
        for _doc in self.nlp.get_pipe("ner").pipe(docs, batch_size=self.nlp.batch_size):
            pass

    def _resolve(
        self, transcript: Transcript, options: Options, docs: list, ner: Callable | None = None
    ) -> Analysis:
        """The analysis of the transcript from its turns' docs; ner: how to give a doc its
        entities where the docs were parsed without them (None: they have them)."""
        meeting = Meeting(
            transcript=_as_read(transcript, options.roster()),
            docs=docs,
            date=options.date or _iso(transcript.date),
            roster=options.roster(),
            ner=ner,
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


def ner_runs_alone(pipeline: Language) -> bool:
    """The pipeline's ner can run later on its own: it is the last component (none after it
    reads or sets entities) and listens to no shared embedding layer (a tok2vec or
    transformer run before it), so its entities depend on the doc's tokens alone, as in
    en_core_web_sm (its ner has its own tok2vec)."""
    if not pipeline.pipe_names or pipeline.pipe_names[-1] != "ner":
        return False
    return not any(
        "ner" in getattr(component, "listening_components", ())
        for _, component in pipeline.pipeline
    )


def _as_read(transcript: Transcript, roster: dict[str, SpeakerSide]) -> Transcript:
    """The transcript as the extractors read it: one speaker label on every named turn (a
    recording transcribed with --speakers 1, or whose diarization heard one voice) tells nobody
    apart, so its turns are read unnamed, as an undiarized recording's are, unless the roster
    places that speaker. The analysis still shows the label on its turns.

    Read as one named speaker, a call cut into Whisper's sentences went to the AMI act model
    (most turns short) and every sentence took that speaker's one side: cs_train and data/train
    xw-xy as one-label segments (benchmarks/bench_audio_calls.py --modes turns --one-label
    SPEAKER_1) gave steps F1 0.340, side 0.603, goals F1 0.219; unnamed 0.941, 0.931, 0.794."""
    if len(transcript.speakers) != 1 or transcript.speakers[0] in roster:
        return transcript
    turns = [turn.model_copy(update={"speaker": None}) for turn in transcript.turns]
    return transcript.model_copy(update={"turns": turns})


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
