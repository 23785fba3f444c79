"""The pre-meeting brief and the recap: what `brief --json` and `recap --json` print."""

from __future__ import annotations

from pydantic import BaseModel, Field

from milepost.models.analysis import GoalCategory
from milepost.models.records import LedgerStep, MeetingRecord


class StageView(BaseModel):
    id: str
    name: str
    since: str | None = Field(description="date of the first meeting in this stage")
    confidence: float | None = Field(None, description="the last meeting's stage confidence")
    next_id: str | None = None
    next_name: str | None = None
    vendor_actions: list[str] = Field(default_factory=list)
    customer_actions: list[str] = Field(default_factory=list)


class Quote(BaseModel):
    speaker: str | None
    text: str


class GoalView(BaseModel):
    text: str
    category: GoalCategory
    metric: str | None
    deadline: str | None
    agreed: bool
    meeting_id: int
    date: str | None
    evidence: str
    reads_alone: bool = Field(
        True, description="the short text makes sense alone; else show the evidence quote"
    )
    lead_in: str | None = Field(
        None,
        description="for a goal that does not read alone: the sentence said just before its"
        " evidence in the same turn, which says what its words point back to",
    )
    speaker: str | None = None
    context: Quote | None = Field(
        None,
        description="for a goal that names nothing measured, said in answer with no lead-in:"
        " the sentence of the turns just before that says its figure, and who said it",
    )


class OutcomeView(BaseModel):
    category: GoalCategory
    goal: str | None
    evidence: str
    speaker: str | None
    meeting_id: int
    date: str | None


class LastMeeting(BaseModel):
    id: int
    date: str | None
    title: str | None
    source: str
    quotes: list[Quote]


class FlaggedMeeting(MeetingRecord):
    """A flagged meeting, with whether the account had agreed a goal before it or did later."""

    goal_agreed_before: str | None = Field(
        None, description="date of the latest earlier meeting that agreed a goal"
    )
    goal_agreed_after: str | None = Field(
        None, description="date of the first later meeting that agreed a goal"
    )


class Brief(BaseModel):
    """Everything a CSM wants to know about an account before the next call."""

    account: str
    today: str
    meetings: int
    stage: StageView | None
    goal: GoalView | None = Field(description="the latest agreed goal, if any")
    unagreed_goals: list[GoalView] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list, description="when no goal is agreed")
    outcomes: list[OutcomeView] = Field(default_factory=list)
    open_steps: dict[str, list[LedgerStep]] = Field(description="side -> open steps")
    recently_done: list[LedgerStep] = Field(default_factory=list)
    last_meeting: LastMeeting | None
    flagged: list[FlaggedMeeting] = Field(default_factory=list)
    internal_meetings: list[int] = Field(
        default_factory=list,
        description="meetings where nobody spoke for the customer (left out of the stage)",
    )


class Recap(BaseModel):
    """The follow-up email after one call."""

    meeting: MeetingRecord
    to: list[str]
    subject: str
    goals: list[GoalView]
    standing_goal: GoalView | None = Field(
        None, description="when the call agreed no goal: the one an earlier call agreed"
    )
    steps: dict[str, list[LedgerStep]] = Field(description="side -> steps agreed in the call")
    body: str
