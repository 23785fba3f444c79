"""The analysis contract: what `milepost analyze --json` prints and the store keeps.

Field meanings follow the labelling guide: goals, agreement, next steps per side,
journey stage and verified outcomes. Every item quotes its evidence verbatim.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SpeakerSide = Literal["vendor", "customer", "unknown"]
StepSide = Literal["vendor", "customer", "joint"]
Side = SpeakerSide
GoalCategory = Literal["save_time", "save_money", "make_money", "reduce_risk", "other"]


class Speaker(BaseModel):
    name: str
    side: SpeakerSide = "unknown"


class TurnOut(BaseModel):
    speaker: str | None
    side: SpeakerSide = "unknown"
    start: float | None = None
    end: float | None = None
    text: str


class Goal(BaseModel):
    """A business outcome the customer wants to reach."""

    text: str = Field(description="the outcome in a short phrase")
    category: GoalCategory
    metric: str | None = None
    deadline: str | None = None
    agreed: bool = False
    speaker: str | None = None
    side: SpeakerSide = "unknown"
    evidence: str
    confidence: float = Field(ge=0.0, le=1.0)
    found_by: str = Field(default="", description="the rule or model that found it")
    agreement: str | None = Field(
        default=None,
        description="why it counts as agreed: the sign that decided, who showed it, their words",
    )


class NextStep(BaseModel):
    """A future action someone committed to, or accepted, in the meeting."""

    action: str
    side: StepSide
    owner: str | None = None
    due: str | None = Field(default=None, description="ISO date resolved against the meeting date")
    due_text: str | None = None
    speaker: str | None = None
    evidence: str
    confidence: float = Field(ge=0.0, le=1.0)
    found_by: str = ""


class StageCall(BaseModel):
    id: str
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = Field(default_factory=list)


class VerifiedOutcome(BaseModel):
    """The customer confirming that a goal's result was reached."""

    category: GoalCategory
    goal: str | None = Field(default=None, description="text of the goal it proves, if found")
    evidence: str
    speaker: str | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    found_by: str = ""


class Analysis(BaseModel):
    """Everything milepost extracts from one meeting."""

    source: str
    input_format: str
    date: str | None = None
    account: str | None = None
    title: str | None = None
    duration_s: float | None = None
    speakers: list[Speaker] = Field(default_factory=list)
    turns: list[TurnOut] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    has_agreed_goal: bool = False
    next_steps: list[NextStep] = Field(default_factory=list)
    stage: StageCall | None = None
    verified_outcomes: list[VerifiedOutcome] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    pipeline_version: str = ""
