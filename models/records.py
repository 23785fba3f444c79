"""What the store's readers return (meetings, ledger steps, search hits): the `--json` shapes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from milepost.models.analysis import StepSide

StepStatus = Literal["open", "done"]


class MeetingRecord(BaseModel):
    id: int
    account: str
    date: str | None
    title: str | None
    source: str
    format: str
    stage: str | None
    has_agreed_goal: bool
    flags: list[str]
    next_steps: int
    pipeline_version: str


class LedgerStep(BaseModel):
    """One next step across meetings, with where it stands today."""

    id: int
    account: str
    meeting_id: int
    meeting_date: str | None
    action: str
    side: StepSide
    owner: str | None
    due: str | None
    due_text: str | None
    speaker: str | None
    evidence: str
    status: StepStatus
    overdue: bool
    done_by: Literal["meeting", "user"] | None = None
    done_meeting_id: int | None = None
    done_evidence: str | None = None
    done_at: str | None = None


class SearchHit(BaseModel):
    meeting_id: int
    account: str
    date: str | None
    source: str
    speaker: str | None
    start: float | None
    text: str
    snippet: str
