"""The pre-meeting goal brief: where an account stands, gathered from the store.

`build_brief` reads the store into a `Brief` (what `--json` prints); `render_brief`
turns it into one screen of Markdown through `prompts/brief.md.j2`.
"""

from __future__ import annotations

import json
from datetime import date
from functools import partial
from typing import Any

from sqlite_utils import Database

from milepost.models import JourneyMap
from milepost.models.brief import (
    Brief,
    FlaggedMeeting,
    GoalView,
    LastMeeting,
    OutcomeView,
    Quote,
    StageView,
)
from milepost.models.records import MeetingRecord
from milepost.pipeline import ledger
from milepost.pipeline.extract.stage import WEAK_STAGE
from milepost.pipeline.internal import internal_meetings
from milepost.pipeline.store import read
from milepost.pipeline.templating import QUOTE_CHARS, clip, render
from milepost.pipeline.wording import (
    ANSWER_WORDS,
    answers_only,
    counts_nothing,
    figure_alone,
    figure_words,
    goal_text,
    lead_in_of,
    reads_alone,
    said_before,
)

MAX_QUOTES = 4
OPENING = 0.1  # the share of a call's first turns its Last time quotes pass over
SIDES = ("vendor", "customer", "joint")


def build_brief(
    db: Database, account: str, on: date | None = None, journey: JourneyMap | None = None
) -> Brief:
    """Gather stage, goal, outcomes, open steps, last meeting and flags for one account."""
    from milepost.pipeline.journey import load_journey

    account = read.account_name(db, account)
    on = on or ledger.today()
    journey = journey or load_journey()
    meetings = read.list_meetings(db, account=account)
    ids = [m.id for m in meetings]
    by_id = {m.id: m for m in meetings}
    goals = [goal_view(g, by_id[g["meeting_id"]]) for g in read.rows(db, "goals", ids)]
    goal = with_lead_in(db, standing_goal(goals, by_id))
    steps = ledger.in_our_words(db, ledger.list_steps(db, account=account, on=on))
    internal = internal_meetings(db, ids)
    with_customer = [m for m in meetings if m.id not in internal]
    last = meetings[-1] if meetings else None
    unagreed = (
        [] if goal else [g for g in map(partial(with_lead_in, db), _mentioned(goals, ids)) if g]
    )
    outcomes = [
        _outcome(o, by_id[o["meeting_id"]]) for o in read.rows(db, "verified_outcomes", ids)
    ]
    done = [x for x in steps if last and x.done_meeting_id == last.id]
    quoted = {o.evidence for o in outcomes} | {g.evidence for g in unagreed}  # words or quote
    quoted |= {x.done_evidence for x in done if x.done_evidence} | {goal.evidence if goal else ""}
    quoted |= {x.evidence for x in steps if x.status == "open"}  # each listed under Open steps
    # the sentences a goal's quote opens on, or comes after (data/train yg_07)
    quoted |= {
        q for g in [goal, *unagreed] if g for q in (g.lead_in, g.context and g.context.text) if q
    }
    return Brief(
        account=account,
        today=on.isoformat(),
        meetings=len(meetings),
        stage=_stage(db, with_customer, journey),
        goal=goal,
        unagreed_goals=unagreed,
        questions=[] if goal else _questions(db, with_customer, journey),
        outcomes=outcomes,
        open_steps={s: [x for x in steps if x.side == s and x.status == "open"] for s in SIDES},
        recently_done=done,
        last_meeting=_last_meeting(db, last, quoted) if last else None,
        flagged=_flagged(meetings),
        internal_meetings=sorted(internal),
    )


def _flagged(meetings: list[MeetingRecord]) -> list[FlaggedMeeting]:
    """Flagged meetings in order, each with the account's agreed goal around it: a check-in
    that agreed nothing new while an earlier goal stood needs less attention."""
    out = []
    for i, m in enumerate(meetings):
        if not m.flags:
            continue
        before = [x.date for x in meetings[:i] if x.has_agreed_goal and x.date]
        after = [x.date for x in meetings[i + 1 :] if x.has_agreed_goal and x.date]
        out.append(
            FlaggedMeeting(
                **m.model_dump(),
                goal_agreed_before=before[-1] if before else None,
                goal_agreed_after=after[0] if after else None,
            )
        )
    return out


def render_brief(brief: Brief) -> str:
    return render("brief.md.j2", b=brief, max_steps=8, max_items=5, weak_stage=WEAK_STAGE)


def standing_goal(goals: list[GoalView], meetings: dict[int, MeetingRecord]) -> GoalView | None:
    """The goal that stands: the latest, most concrete one agreed in a meeting that agreed a
    clear goal (a goal agreed in a meeting still flagged no_agreed_goal names nothing to check)."""
    agreed = [g for g in goals if g.agreed and meetings[g.meeting_id].has_agreed_goal]
    return max(agreed, key=_goal_rank) if agreed else None


def _goal_rank(g: GoalView) -> tuple[str, bool, int]:
    """Latest meeting first, then the most concrete goal (metric and deadline said)."""
    return (g.date or "", bool(g.metric or g.deadline), g.meeting_id)


def _stage(db: Database, meetings: list[MeetingRecord], journey: JourneyMap) -> StageView | None:
    staged = [m for m in meetings if m.stage]
    if not staged:
        return None
    current = staged[-1].stage or ""
    since = staged[-1].date
    for m in reversed(staged):
        if m.stage != current:
            break
        since = m.date
    stage = journey.get(current)
    nxt = journey.next_after(current)
    sql = "SELECT stage_confidence FROM meetings WHERE id = ?"
    confidence = db.execute(sql, [staged[-1].id]).fetchone()[0]
    return StageView(
        id=current,
        name=stage.name if stage else current,
        since=since,
        confidence=confidence,
        next_id=nxt.id if nxt else None,
        next_name=nxt.name if nxt else None,
        vendor_actions=stage.vendor_actions if stage else [],
        customer_actions=stage.customer_actions if stage else [],
    )


def _questions(db: Database, meetings: list[MeetingRecord], journey: JourneyMap) -> list[str]:
    """Goal-discovery questions for the current stage, else those the last analysis chose; a
    stage that is only a guess asks the map's opening discovery questions, as the analysis
    and the recap do (stage.questions_for; the seeds' "How customers work", guessed expansion,
    asked about the expansion's sponsor while its recap asked what made them take the call)."""
    staged = [m for m in meetings if m.stage]
    stage = journey.get(staged[-1].stage or "") if staged else None
    if staged and journey.stages:
        sql = "SELECT stage_confidence FROM meetings WHERE id = ?"
        confidence = db.execute(sql, [staged[-1].id]).fetchone()[0]
        if confidence is not None and confidence < WEAK_STAGE:
            return list(journey.stages[0].questions)
    if stage and stage.questions:
        return stage.questions
    if not meetings:
        return []
    row = db.execute("SELECT questions FROM meetings WHERE id = ?", [meetings[-1].id]).fetchone()
    return list(json.loads(row[0])) if row else []


def goal_view(row: dict[str, Any], m: MeetingRecord) -> GoalView:
    """A stored goal row as the brief and the recap show it, dated by its meeting."""
    return GoalView(
        text=goal_text(row["text"]),
        category=row["category"],
        metric=row["metric"],
        deadline=row["deadline"],
        agreed=bool(row["agreed"]),
        meeting_id=m.id,
        date=m.date,
        evidence=row["evidence"],
        reads_alone=reads_alone(goal_text(row["text"])),
        speaker=row["speaker"],
    )


def _mentioned(goals: list[GoalView], order: list[int], most: int = 3) -> list[GoalView]:
    """The goals to list when none was agreed: the latest meeting's first, and of those the
    most concrete (a metric, a deadline, words that read alone), shown in the order said.
    The last three stored left out a meeting's one goal with a figure and a date for three
    vaguer ones said after it (data/train ye_02)."""

    def rank(i: int) -> tuple[int, int, int]:
        g = goals[i]
        concrete = bool(g.metric) + bool(g.deadline) + g.reads_alone
        return (order.index(g.meeting_id), concrete, i)

    kept = sorted(range(len(goals)), key=rank)[-most:]
    return [goals[i] for i in sorted(kept, key=lambda i: (order.index(goals[i].meeting_id), i))]


def with_lead_in(db: Database, g: GoalView | None) -> GoalView | None:
    """A goal whose words lean on what came before ("we want that down to three days"), with
    the sentence said just before it in its turn, which says what "that" is; a figure said
    in answer ("5% by the end of 2027.", "Write it like that, under five hundred and fifty
    thousand for 2027."; data/train yf_24, yg_16) with the sentence before that said it
    first."""
    if g is None or g.reads_alone:
        return g
    turns = read.rows(db, "turns", [g.meeting_id])
    said = lead_in_of((t["text"] for t in turns), g.evidence)
    if said:
        return g.model_copy(update={"lead_in": clip(said)})
    if not figure_alone(g.text):
        return g
    asked = said_before(
        [(t["speaker"], t["text"]) for t in turns], g.evidence, figure_words(g.text)
    )
    if asked is None:
        return g
    speaker = turns[asked[0]]["speaker"]
    return g.model_copy(update={"context": Quote(speaker=speaker, text=_tail(asked[1]))})


def _tail(text: str) -> str:
    """A sentence on one line, cut at its start when long: its end holds what it asks."""
    text = " ".join(text.split())
    if len(text) <= QUOTE_CHARS:
        return text
    return "… " + text[-(QUOTE_CHARS - 2) :].split(" ", 1)[-1]


def _outcome(row: dict[str, Any], m: MeetingRecord) -> OutcomeView:
    return OutcomeView(
        category=row["category"],
        goal=row["goal"],
        evidence=row["evidence"],
        speaker=row["speaker"],
        meeting_id=m.id,
        date=m.date,
    )


def _last_meeting(db: Database, m: MeetingRecord, quoted: set[str]) -> LastMeeting:
    """The last call and its key quotes: what it found first, else the customer's longest turns;
    never a sentence the brief shows above (the goal, an outcome, an open or closed step), nor
    a bare answer."""
    found: list[Quote] = []
    turns = read.rows(db, "turns", [m.id])
    for table in ("verified_outcomes", "goals", "next_steps"):
        rows = [r for r in read.rows(db, table, [m.id]) if not _shown(r["evidence"], quoted)]
        said = [(r["speaker"], _said(r, table, turns)) for r in rows]
        found += [Quote(speaker=by, text=text) for by, text in said if text]
    if not found:
        # the customer's words when they spoke (our greetings tell a CSM nothing), and no turn
        # holding a sentence shown above, which would say it again
        heard = [t for t in turns if t["side"] == "customer"] or turns
        # nor a bare answer ("Yes, exactly."), which says nothing without what it answers
        fresh = [
            t
            for t in heard
            if not answers_only(t["text"]) and not any(q and q in t["text"] for q in quoted)
        ]
        # past the opening, where the longest turns are small talk ("Sorry, I'm in the car
        # park", the weather), when the rest of the call has something to quote
        opening = max(2, round(len(turns) * OPENING))
        late = [t for t in fresh if _idx(t) >= opening] or _cut(heard, quoted, opening)
        fresh = late or fresh
        longest = sorted(fresh, key=lambda t: -len(t["text"]))[:2]
        found = [Quote(speaker=t["speaker"], text=t["text"]) for t in sorted(longest, key=_idx)]
    quotes: list[Quote] = []
    for q in found:
        if all(q.text != seen.text for seen in quotes) and len(quotes) < MAX_QUOTES:
            quotes.append(Quote(speaker=q.speaker, text=clip(q.text)))
    return LastMeeting(id=m.id, date=m.date, title=m.title, source=m.source, quotes=quotes)


def _shown(sentence: str, quoted: set[str]) -> bool:
    """True when the brief shows this sentence above, alone or inside a quote."""
    said = " ".join(sentence.split())
    return bool(said) and any(said in " ".join(q.split()) for q in quoted if q)


def _cut(turns: list[dict[str, Any]], quoted: set[str], opening: int) -> list[dict[str, Any]]:
    """The turns past the opening with the sentences shown above cut out, those with more
    than an answer left: in a call of a few long turns (raw ASR text, data/train yf_30) every
    later turn holds a step, and the only whole turn left was the opening's small talk."""
    out = []
    for t in turns:
        if _idx(t) < opening:
            continue
        text = " ".join(t["text"].split())
        for q in quoted:
            text = text.replace(" ".join(q.split()), " ") if q else text
        text = " ".join(text.split())
        if len(text.split()) > ANSWER_WORDS and not answers_only(text):
            out.append({**t, "text": text})
    return out


def _said(row: dict[str, Any], table: str, turns: list[dict[str, Any]]) -> str | None:
    """A found item's sentence as Last time quotes it: a goal whose words point back ("I'd
    like that under ten.") opens on the sentence before it in its turn, as the Goal does, and
    so does one whose figure counts nothing it names ("A job change takes three hours today.
    I would like two."); with no sentence before it, that one is not quoted (None)."""
    bare = table == "goals" and counts_nothing(row["evidence"])
    if table != "goals" or (reads_alone(goal_text(row["text"])) and not bare):
        return str(row["evidence"])
    before = lead_in_of((t["text"] for t in turns), row["evidence"])
    # the goal's own words are never the ones cut
    room = QUOTE_CHARS - len(" ".join(row["evidence"].split())) - 3
    if not before or room < 20:
        return None if bare else str(row["evidence"])
    if len(before) > room:  # keep the end of the lead-in, next to the goal it explains
        before = "… " + before[-room:].split(" ", 1)[-1]
    return f"{before} {row['evidence']}"


def _idx(turn: dict[str, Any]) -> int:
    return int(turn["idx"])
