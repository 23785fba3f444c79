"""Pydantic schemas at milepost's boundaries: transcripts in, analyses out, user-edited files."""

from milepost.models.analysis import (
    Analysis,
    Goal,
    GoalCategory,
    NextStep,
    Side,
    Speaker,
    SpeakerSide,
    StageCall,
    StepSide,
    TurnOut,
    VerifiedOutcome,
)
from milepost.models.journey import JourneyMap, JourneyStage
from milepost.models.transcript import Transcript, Turn

__all__ = [
    "Analysis",
    "Goal",
    "GoalCategory",
    "JourneyMap",
    "JourneyStage",
    "NextStep",
    "Side",
    "Speaker",
    "SpeakerSide",
    "StageCall",
    "StepSide",
    "Transcript",
    "Turn",
    "TurnOut",
    "VerifiedOutcome",
]
