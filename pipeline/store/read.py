"""Read-only queries over the store: the meeting list, one meeting, full-text search."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from sqlite_utils import Database

from milepost.models.records import MeetingRecord, SearchHit
from milepost.pipeline.errors import StoreError

MEETING_QUERY = """
SELECT m.id, a.name AS account, m.date, m.title, m.source, m.format, m.stage,
       m.has_agreed_goal, m.flags, m.pipeline_version,
       (SELECT count(*) FROM next_steps s WHERE s.meeting_id = m.id) AS next_steps
FROM meetings m JOIN accounts a ON a.id = m.account_id
"""


ROW_QUERY = """
SELECT m.id, m.date, a.name, m.stage,
       (SELECT count(*) FROM next_steps s WHERE s.meeting_id = m.id), m.flags, m.title, m.source
FROM meetings m JOIN accounts a ON a.id = m.account_id
"""


class MeetingRow(NamedTuple):
    """A meeting as the list shows it: read as a plain tuple, since a list can run to
    thousands of rows and a validated model per row would cost more than the query."""

    id: int
    date: str | None
    account: str
    stage: str | None
    next_steps: int
    flags: tuple[str, ...]
    title: str | None
    source: str


def list_meetings(
    db: Database, account: str | None = None, flagged: bool = False, since: date | None = None
) -> list[MeetingRecord]:
    """Meetings by account and date; `flagged` keeps those with any flag."""
    where, params = _filters(account, flagged, since)
    return [_meeting(r) for r in db.query(MEETING_QUERY + where, params)]


def meeting_rows(
    db: Database, account: str | None = None, flagged: bool = False, since: date | None = None
) -> list[MeetingRow]:
    """The same meetings as `list_meetings`, as light rows for the table people read."""
    where, params = _filters(account, flagged, since)
    return [
        MeetingRow(i, d, a, st, n, _flags(f), t, src)
        for i, d, a, st, n, f, t, src in db.execute(ROW_QUERY + where, params)
    ]


def _filters(account: str | None, flagged: bool, since: date | None) -> tuple[str, list[str]]:
    """WHERE and ORDER BY for the meeting list, with their parameters."""
    where, params = [], []
    if account is not None:
        where.append("a.name = ? COLLATE NOCASE")
        params.append(account)
    if flagged:
        where.append("m.flags != '[]'")
    if since is not None:
        where.append("m.date >= ?")
        params.append(since.isoformat())
    sql = " WHERE " + " AND ".join(where) if where else ""
    return sql + " ORDER BY a.name, m.date, m.id", params


def get_meeting(db: Database, meeting_id: int) -> MeetingRecord:
    rows = list(db.query(MEETING_QUERY + " WHERE m.id = ?", [meeting_id]))
    if not rows:
        raise StoreError(f"no meeting with id {meeting_id}")
    return _meeting(rows[0])


def roster(db: Database, meeting_id: int) -> dict[str, list[str]]:
    """The sides named at ingest for one meeting (empty for a store written before them)."""
    row = db.execute("SELECT roster FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    return {str(k): list(v) for k, v in json.loads(row[0]).items()} if row else {}


LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "þ": "th"})


def _folded(name: str) -> str:
    """A name as typed on any keyboard: no case, no accents ("Røstvik Tørrfisk" and "Café
    Alto Quindío" as "rostvik torrfisk", "cafe alto quindio"), single spaces."""
    name = unicodedata.normalize("NFKD", " ".join(name.split()).casefold()).translate(LETTERS)
    return "".join(c for c in name if not unicodedata.combining(c))


def account_name(db: Database, name: str) -> str:
    """The stored spelling of an account: matched case-insensitively, else the one account whose
    name contains `name` ("northwind" for Northwind Dental), accents aside ("deneigement" for
    Déneigement Charbonneau; data/train set YG); StoreError if none or several do."""
    row = db.execute("SELECT name FROM accounts WHERE name = ? COLLATE NOCASE", [name]).fetchone()
    if row is not None:
        return str(row[0])
    known = [str(r[0]) for r in db.execute("SELECT name FROM accounts ORDER BY name")]
    part = _folded(name)
    same = [k for k in known if part and part == _folded(k)]
    matches = same or [k for k in known if part and part in _folded(k)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise StoreError(f"account name {name!r} is ambiguous (matches: {', '.join(matches)})")
    hint = f" (known: {', '.join(known)})" if known else " (the store is empty)"
    raise StoreError(f"no account named {name!r}{hint}")


def rows(db: Database, table: str, meeting_ids: list[int]) -> list[dict[str, Any]]:
    """All rows of a child table for these meetings, in insertion order."""
    if not meeting_ids:
        return []
    marks = ",".join("?" * len(meeting_ids))
    sql = f"SELECT * FROM {table} WHERE meeting_id IN ({marks}) ORDER BY id"
    return list(db.query(sql, meeting_ids))


def search(db: Database, query: str, limit: int = 20) -> list[SearchHit]:
    """Turns matching a full-text query, best first; a bare phrase works as words."""
    sql = """
    SELECT t.meeting_id, a.name AS account, m.date, m.source, t.speaker, t.start, t.text,
           snippet(turns_fts, 0, '[', ']', '…', 12) AS snippet
    FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid
    JOIN meetings m ON m.id = t.meeting_id JOIN accounts a ON a.id = m.account_id
    WHERE turns_fts MATCH ? ORDER BY rank, m.date, t.idx LIMIT ?
    """
    fts = _fts_query(query)
    if not fts:
        raise StoreError("empty search query")
    return [SearchHit(**r) for r in db.query(sql, [fts, limit])]


def _fts_query(query: str) -> str:
    """Quote each word so punctuation in what people type is never FTS syntax."""
    words = re.findall(r"[\w'’-]+", query)
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def _meeting(row: dict[str, Any]) -> MeetingRecord:
    """A meetings row as a record (flags parsed once per distinct value: a hot path)."""
    row["has_agreed_goal"] = bool(row["has_agreed_goal"])
    row["flags"] = list(_flags(row["flags"]))
    return MeetingRecord.model_validate(row)


@lru_cache(maxsize=256)
def _flags(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))
