"""The follow-up email after a call: the goal, then what each side will do and by when.

A check-in that agreed no new goal still restates the goal an earlier call of the account
agreed: telling a customer "we haven't agreed a goal yet" when one stands would be wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from milepost.models.brief import GoalView, Recap
from milepost.models.records import LedgerStep, MeetingRecord
from milepost.pipeline import ledger
from milepost.pipeline.brief import goal_view, standing_goal, with_lead_in
from milepost.pipeline.errors import MilepostError
from milepost.pipeline.extract.names import is_anonymous
from milepost.pipeline.internal import internal_meetings
from milepost.pipeline.sidecar import sidecar_for
from milepost.pipeline.store import read
from milepost.pipeline.templating import render
from milepost.pipeline.viewpoint import step_for

MAX_MENTIONED = 3


def build_recap(db: Database, meeting_id: int) -> Recap:
    """Gather one meeting's goals and steps and render the email from `prompts/recap.md.j2`."""
    meeting = read.get_meeting(db, meeting_id)
    speakers = read.rows(db, "speakers", [meeting_id])
    customers = [s["name"] for s in speakers if s["side"] == "customer"]
    listed = _steps_of(db, meeting)
    internal = meeting_id in internal_meetings(db, [meeting_id])
    vendors = [s["name"] for s in speakers if s["side"] == "vendor" and not is_anonymous(s["name"])]
    # a bare figure said in answer ("5% by the end of 2027.") comes with what it answered
    goals = [
        with_lead_in(db, goal_view(g, meeting)) or goal_view(g, meeting)
        for g in read.rows(db, "goals", [meeting_id])
    ]
    agreed = [g for g in goals if g.agreed]
    steps = [step_for(s, "customer" if s.speaker in customers else None, "email") for s in listed]
    by_side = {
        side: sorted((s for s in steps if s.side == side), key=_due_order)
        for side in ("customer", "vendor", "joint")
    }
    # an untitled call is "our call" with the account: "Recap: seeds" read as a recap of the
    # folder its file sat in (the account ingest took from it)
    subject = f"Recap: {meeting.title or meeting.account + ' call'}" + (
        f", {meeting.date}" if meeting.date else ""
    )
    standing = None if agreed else _standing_goal(db, meeting)
    named = read.roster(db, meeting_id)
    to = [c for c in customers if not is_anonymous(c)]  # "Hi SPEAKER_2" greets nobody
    to = to or [c for c in named.get("customer", []) if not is_anonymous(c)]
    body = render(
        "recap.md.j2",
        m=meeting,
        subject=subject,
        customers=to,
        sender=_sender(vendors, by_side["vendor"])
        or _first_named(named.get("vendor", []))
        or _sidecar_vendor(meeting),
        goals=agreed,
        standing=standing,
        **_to_pin_down(db, meeting, goals, standing),
        steps=by_side,
        internal=internal,
    )
    return Recap(
        meeting=meeting,
        to=to,
        subject=subject,
        goals=agreed,
        standing_goal=standing,
        steps=by_side,
        body=body,
    )


def _to_pin_down(
    db: Database, meeting: MeetingRecord, goals: list[GoalView], standing: GoalView | None
) -> dict[str, Any]:
    """What is still to agree: the goals talked about when none was agreed, and the question
    to ask, also when the goal agreed names nothing to check (the meeting stays flagged)."""
    agreed = any(g.agreed for g in goals)
    vague = agreed and not meeting.has_agreed_goal
    return {
        "vague": vague,
        "mentioned": [] if agreed or standing else goals[:MAX_MENTIONED],
        "question": _first_question(db, meeting.id) if vague or not (agreed or standing) else None,
    }


def _standing_goal(db: Database, meeting: MeetingRecord) -> GoalView | None:
    """The goal that stood before this meeting: standing_goal over the account's earlier
    meetings."""
    meetings = read.list_meetings(db, account=meeting.account)
    ids = [m.id for m in meetings]
    earlier = {m.id: m for m in meetings[: ids.index(meeting.id)]} if meeting.id in ids else {}
    goals = [goal_view(g, earlier[g["meeting_id"]]) for g in read.rows(db, "goals", list(earlier))]
    return with_lead_in(db, standing_goal(goals, earlier))


def _steps_of(db: Database, meeting: MeetingRecord) -> list[LedgerStep]:
    """The next steps agreed in one meeting, as the ledger has them now."""
    return [s for s in ledger.list_steps(db, account=meeting.account) if s.meeting_id == meeting.id]


def _due_order(s: LedgerStep) -> tuple[bool, str, int]:
    return (s.due is None, s.due or "", s.id)


def _sender(vendors: list[str], vendor_steps: list[LedgerStep]) -> str | None:
    """Whoever on the vendor side owns the most steps, a tie going to whoever spoke first
    (the host), else the first vendor speaker."""
    owners = [s.owner for s in vendor_steps if s.owner in vendors]
    if owners:
        return max(vendors, key=owners.count)  # max keeps the first of equals
    return vendors[0] if vendors else None


def _first_named(names: list[str]) -> str | None:
    return next((name for name in names if not is_anonymous(name)), None)


def _sidecar_vendor(meeting: MeetingRecord) -> str | None:
    """The first vendor named in the call's sidecar, for a meeting stored before ingest kept
    the roster: read beside the file ingest stored, if it is still there."""
    source = Path(meeting.source)
    if not (source.is_absolute() and source.is_file()):
        return None
    try:
        roster = sidecar_for(source).vendor
    except MilepostError:  # a sidecar broken since ingest costs the sign-off, not the recap
        return None
    return _first_named(roster)


def _first_question(db: Database, meeting_id: int) -> str | None:
    row = db.execute("SELECT questions FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    questions = json.loads(row[0]) if row else []
    return questions[0] if questions else None
