"""Writing one analysed meeting and everything found in it, in one transaction.

A meeting is keyed by its content hash: the same bytes analysed by the same pipeline
version are stored once. A changed file (same source path) or a newer pipeline version
replaces the meeting in place, keeping its id and the steps a user marked done.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlite_utils import Database

from milepost.models import Analysis
from milepost.pipeline import ledger
from milepost.pipeline.store import open_steps
from milepost.pipeline.store.db import write_txn

Outcome = Literal["new", "replaced", "skipped"]
Roster = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Written:
    outcome: Outcome
    meeting_id: int


def find_meeting(db: Database, content_hash: str, source: str) -> int | None:
    """The stored meeting with these bytes, else the one read from this path, else None."""
    for column, value in (("content_hash", content_hash), ("source", source)):
        row = db.execute(
            f"SELECT id FROM meetings WHERE {column} = ? ORDER BY id LIMIT 1", [value]
        ).fetchone()
        if row:
            return int(row[0])
    return None


def current_id(db: Database, content_hash: str, pipeline_version: str) -> int | None:
    """The meeting holding these bytes analysed by this pipeline version, if any."""
    row = db.execute(
        "SELECT id FROM meetings WHERE content_hash = ? AND pipeline_version = ?",
        [content_hash, pipeline_version],
    ).fetchone()
    return int(row[0]) if row else None


def write_meeting(
    db: Database,
    analysis: Analysis,
    content_hash: str,
    account: str,
    reanalyze: bool = False,
    roster: Roster | None = None,
) -> Written:
    """Store one meeting atomically; skipped when an identical, current copy is already there.
    `roster` is the sides named at ingest ({"vendor": [...], "customer": [...]})."""
    cache = open_steps.for_db(db)
    with write_txn(db):
        cache.begin(db)
        same = current_id(db, content_hash, analysis.pipeline_version)
        if same is not None and not reanalyze:
            return Written("skipped", same)
        existing = find_meeting(db, content_hash, analysis.source)
        account_id = ensure_account(db, account)
        row = _meeting_row(analysis, content_hash, account_id)
        row["roster"] = json.dumps({side: list(names) for side, names in (roster or {}).items()})
        if existing is not None:
            meeting_id = existing
            kept = _user_marks(db, meeting_id)
            _clear_meeting(db, meeting_id)
            db.execute(
                f"UPDATE meetings SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
                [*row.values(), meeting_id],
            )
        else:
            kept = {}
            cursor = db.execute(
                f"INSERT INTO meetings ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            meeting_id = int(cursor.lastrowid or 0)
        _insert_children(db, meeting_id, analysis)
        _restore_user_marks(db, meeting_id, kept)
        texts = [t.text for t in analysis.turns]
        if existing is None:
            ledger.reconcile(db, meeting_id, texts, cache)
            cache.seal(db)
        else:  # a replaced meeting reopens and re-closes steps: read them afresh, and the
            ledger.reconcile(db, meeting_id, texts)  # unsealed cache is dropped next time
    cache.committed()
    return Written("new" if existing is None else "replaced", meeting_id)


def ensure_account(db: Database, name: str) -> int:
    row = db.execute("SELECT id FROM accounts WHERE name = ?", [name]).fetchone()
    if row:
        return int(row[0])
    cursor = db.execute("INSERT INTO accounts (name) VALUES (?)", [name])
    return int(cursor.lastrowid or 0)


def _meeting_row(a: Analysis, content_hash: str, account_id: int) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "source": a.source,
        "content_hash": content_hash,
        "format": a.input_format,
        "title": a.title,
        "date": a.date,
        "duration_s": a.duration_s,
        "stage": a.stage.id if a.stage else None,
        "stage_confidence": a.stage.confidence if a.stage else None,
        "has_agreed_goal": int(a.has_agreed_goal),
        "flags": json.dumps(a.flags),
        "questions": json.dumps(a.questions),
        "pipeline_version": a.pipeline_version,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def child_rows(meeting_id: int, a: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    """Rows per child table, in the column order of CHILD_INSERTS."""
    m = meeting_id
    return {
        "speakers": [(m, s.name, s.side) for s in a.speakers],
        "turns": [(m, i, t.speaker, t.side, t.start, t.end, t.text) for i, t in enumerate(a.turns)],
        "goals": [
            (m, g.text, g.category, g.metric, g.deadline, int(g.agreed), g.speaker, g.side)
            + (g.evidence, g.confidence, g.found_by)
            for g in a.goals
        ],
        "next_steps": [
            (m, s.action, s.side, s.owner, s.due, s.due_text, s.speaker, s.evidence)
            + (s.confidence, s.found_by)
            for s in a.next_steps
        ],
        "verified_outcomes": [
            (m, o.category, o.goal, o.evidence, o.speaker, o.confidence, o.found_by)
            for o in a.verified_outcomes
        ],
        "stage_evidence": [(m, a.stage.id, e) for e in a.stage.evidence] if a.stage else [],
    }


CHILD_COLUMNS = {
    table: tuple(columns.split())
    for table, columns in {
        "speakers": "meeting_id name side",
        "turns": 'meeting_id idx speaker side start "end" text',
        "goals": "meeting_id text category metric deadline agreed speaker side evidence"
        " confidence found_by",
        "next_steps": "meeting_id action side owner due due_text speaker evidence confidence"
        " found_by",
        "verified_outcomes": "meeting_id category goal evidence speaker confidence found_by",
        "stage_evidence": "meeting_id stage evidence",
    }.items()
}
CHILD_INSERTS = {
    table: f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    for table, cols in CHILD_COLUMNS.items()
}


# All of a meeting's turns in one statement. FTS5 flushes its pending index at the end of
# every statement that writes to it, so the per-row trigger under `executemany` writes one
# tiny index segment per turn (and merges them); one statement writes one segment per meeting.
TURNS_FROM_JSON = """
INSERT INTO turns (meeting_id, idx, speaker, side, start, "end", text)
SELECT ?, json_extract(value, '$[0]'), json_extract(value, '$[1]'),
       json_extract(value, '$[2]'), json_extract(value, '$[3]'),
       json_extract(value, '$[4]'), json_extract(value, '$[5]')
FROM json_each(?) ORDER BY key
"""


def _insert_children(db: Database, meeting_id: int, a: Analysis) -> None:
    for table, rows in child_rows(meeting_id, a).items():
        if table == "turns" and len(rows) > 1 and _insert_turns(db, rows):
            continue
        if rows:
            db.conn.executemany(CHILD_INSERTS[table], rows)


def _insert_turns(db: Database, rows: list[tuple[Any, ...]]) -> bool:
    """Insert turn rows in one statement; False (nothing written) if JSON cannot carry them."""
    try:
        packed = json.dumps([r[1:] for r in rows], allow_nan=False)
    except ValueError:  # a NaN or infinite time: leave these rows to executemany
        return False
    db.conn.execute(TURNS_FROM_JSON, [rows[0][0], packed])
    return True


def _clear_meeting(db: Database, meeting_id: int) -> None:
    ledger.reopen_done_by(db, meeting_id)
    for table in CHILD_COLUMNS:
        db.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [meeting_id])


def _user_marks(db: Database, meeting_id: int) -> dict[str, tuple[Any, ...]]:
    """Steps of this meeting a user marked done, by evidence, to survive a re-analysis."""
    rows = db.execute(
        "SELECT evidence, done_at FROM next_steps WHERE meeting_id = ? AND done_by = 'user'",
        [meeting_id],
    ).fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def _restore_user_marks(db: Database, meeting_id: int, kept: dict[str, tuple[Any, ...]]) -> None:
    for evidence, (done_at,) in kept.items():
        db.execute(
            "UPDATE next_steps SET status = 'done', done_by = 'user', done_at = ?"
            " WHERE meeting_id = ? AND evidence = ?",
            [done_at, meeting_id, evidence],
        )
