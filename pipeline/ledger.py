"""The commitment ledger: every next step across meetings, open until shown done.

A step closes when a later meeting of the same account says it was done (see
completion.py) or when a user marks it; overdue means open and past its due date.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from typing import Any

from sqlite_utils import Database

from milepost.models.records import LedgerStep
from milepost.pipeline import completion
from milepost.pipeline.errors import StoreError
from milepost.pipeline.store import read
from milepost.pipeline.store.db import write_txn
from milepost.pipeline.store.open_steps import OpenSteps
from milepost.pipeline.viewpoint import step_for

TODAY_ENV = "MILEPOST_TODAY"

STEP_QUERY = """
SELECT s.id, a.name AS account, s.meeting_id, m.date AS meeting_date, s.action, s.side,
       s.owner, s.due, s.due_text, s.speaker, s.evidence, s.status, s.done_by, s.done_meeting_id,
       s.done_evidence, s.done_at
FROM next_steps s JOIN meetings m ON m.id = s.meeting_id JOIN accounts a ON a.id = m.account_id
"""


def today() -> date:
    """Today's date, or $MILEPOST_TODAY (YYYY-MM-DD) so tests and demos are reproducible."""
    chosen = os.environ.get(TODAY_ENV)
    return date.fromisoformat(chosen) if chosen else date.today()


def list_steps(
    db: Database,
    account: str | None = None,
    side: str | None = None,
    open_only: bool = False,
    overdue_only: bool = False,
    on: date | None = None,
) -> list[LedgerStep]:
    """Steps in meeting order, filtered; `overdue` is judged against `on` (default today)."""
    on = on or today()
    where, params = [], []
    if account is not None:
        where.append("a.name = ? COLLATE NOCASE")
        params.append(account)
    if side is not None:
        where.append("s.side = ?")
        params.append(side)
    if open_only or overdue_only:
        where.append("s.status = 'open'")
    if overdue_only:
        where.append("s.due IS NOT NULL AND s.due < ?")
        params.append(on.isoformat())
    sql = STEP_QUERY + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY a.name, m.date, s.meeting_id, s.id"
    return [_step(row, on) for row in db.query(sql, params)]


def in_our_words(db: Database, steps: list[LedgerStep]) -> list[LedgerStep]:
    """The steps read from our side ("send us their forms"): the ledger and the brief speak to
    the vendor team about the customer, whatever the speaker's pronouns were."""
    ids = sorted({s.meeting_id for s in steps})
    sides = {(r["meeting_id"], r["name"]): r["side"] for r in read.rows(db, "speakers", ids)}
    return [step_for(s, sides.get((s.meeting_id, s.speaker)), "brief") for s in steps]


def get_step(db: Database, step_id: int, on: date | None = None) -> LedgerStep:
    rows = list(db.query(STEP_QUERY + " WHERE s.id = ?", [step_id]))
    if not rows:
        raise StoreError(f"no next step with id {step_id}")
    return _step(rows[0], on or today())


def mark_done(db: Database, step_id: int, on: date | None = None) -> LedgerStep:
    """A user closes a step by hand; it stays closed through re-analysis of its meeting."""
    get_step(db, step_id)
    with write_txn(db):
        db.execute(
            "UPDATE next_steps SET status = 'done', done_by = 'user', done_meeting_id = NULL,"
            " done_evidence = NULL, done_at = ? WHERE id = ?",
            [(on or today()).isoformat(), step_id],
        )
    return get_step(db, step_id, on)


def reopen_done_by(db: Database, meeting_id: int) -> None:
    """Steps that this meeting closed become open again (it is about to be re-analysed)."""
    db.execute(
        "UPDATE next_steps SET status = 'open', done_by = NULL, done_meeting_id = NULL,"
        " done_evidence = NULL, done_at = NULL WHERE done_meeting_id = ? AND done_by = 'meeting'",
        [meeting_id],
    )


# Is meeting m before (after) the one being reconciled? By date when both have one, else by
# ingest order. INDEXED BY: walk the account's meetings to their open steps only; left to
# itself the planner would scan every open step of the store through the status index.
_BEFORE = (
    "CASE WHEN m.date IS NOT NULL AND :date IS NOT NULL THEN m.date < :date ELSE m.id < :id END"
)
_AFTER = (
    "CASE WHEN m.date IS NOT NULL AND :date IS NOT NULL THEN m.date > :date ELSE m.id > :id END"
)
_OPEN_BEFORE = f"""
SELECT s.id, s.action FROM next_steps s INDEXED BY idx_next_steps_open
JOIN meetings m ON m.id = s.meeting_id
WHERE m.account_id = :account AND m.id != :id AND s.status = 'open' AND {_BEFORE}
ORDER BY s.id
"""
_MEETINGS_AFTER = f"""
SELECT m.id, m.date FROM meetings m
WHERE m.account_id = :account AND m.id != :id AND {_AFTER} ORDER BY m.date, m.id
"""


def reconcile(
    db: Database, meeting_id: int, texts: list[str] | None = None, cache: OpenSteps | None = None
) -> None:
    """Close earlier open steps this meeting shows done, and this meeting's steps later ones do.

    `texts` are the meeting's turns when the caller has them (saves reading them back);
    `cache` holds the account's open steps when the caller keeps one (a new meeting)."""
    row = db.execute("SELECT account_id, date FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    params = {"account": row[0], "date": row[1], "id": meeting_id}
    if cache is not None:
        earlier_steps = cache.before(db, row[0], meeting_id, row[1])
    else:
        earlier_steps = db.execute(_OPEN_BEFORE, params).fetchall()
    if earlier_steps:
        said = completion.done_statements(texts if texts is not None else _texts(db, meeting_id))
        closed = _close(db, meeting_id, row[1], said, earlier_steps)
        if cache is not None:
            cache.closed(row[0], closed)
    own_steps = _own_open(db, meeting_id)
    for later_id, later_date in db.execute(_MEETINGS_AFTER, params).fetchall():
        if not own_steps:
            break
        said = completion.done_statements(_texts(db, later_id))
        if _close(db, later_id, later_date, said, own_steps):
            own_steps = _own_open(db, meeting_id)
    if cache is not None:
        cache.added(row[0], [(i, action, meeting_id, row[1]) for i, action in own_steps])


def _own_open(db: Database, meeting_id: int) -> list[tuple[int, str]]:
    sql = "SELECT id, action FROM next_steps WHERE meeting_id = ? AND status = 'open' ORDER BY id"
    return [(int(r[0]), str(r[1])) for r in db.execute(sql, [meeting_id])]


def _close(
    db: Database,
    closer_id: int,
    closer_date: str | None,
    said: list[completion.Statement],
    steps: list[tuple[int, str]],
) -> list[int]:
    """Close the steps that what meeting `closer_id` said shows done; their ids."""
    if not said:
        return []
    when = closer_date or datetime.now(UTC).date().isoformat()
    closed = completion.assign(steps, said)
    db.conn.executemany(
        "UPDATE next_steps SET status = 'done', done_by = 'meeting', done_meeting_id = ?,"
        " done_evidence = ?, done_at = ? WHERE id = ?",
        [(closer_id, sentence, when, step_id) for step_id, sentence in closed.items()],
    )
    return list(closed)


def _texts(db: Database, meeting_id: int) -> list[str]:
    sql = "SELECT text FROM turns WHERE meeting_id = ? ORDER BY idx"
    return [r[0] for r in db.execute(sql, [meeting_id])]


def _step(row: dict[str, Any], on: date) -> LedgerStep:
    overdue = row["status"] == "open" and bool(row["due"]) and row["due"] < on.isoformat()
    return LedgerStep(**row, overdue=overdue)
