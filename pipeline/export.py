"""Exporting meetings, goals and next steps for other tools: CSV, JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlite_utils import Database

from milepost.pipeline import ledger
from milepost.pipeline.errors import StoreError
from milepost.pipeline.store import read

TABLES = ("meetings", "goals", "steps")
FORMATS = ("csv", "json", "markdown")

GOAL_QUERY = """
SELECT g.id, g.meeting_id, a.name AS account, m.date, g.text, g.category, g.metric,
       g.deadline, g.agreed, g.speaker, g.side, g.evidence, g.confidence
FROM goals g JOIN meetings m ON m.id = g.meeting_id JOIN accounts a ON a.id = m.account_id
"""


def export(db: Database, fmt: str, account: str | None = None, table: str | None = None) -> str:
    """The chosen tables as text; CSV holds one table, so it needs `table`."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}")
    if account is not None:
        account = read.account_name(db, account)
    tables = [table] if table else list(TABLES)
    if fmt == "csv" and len(tables) > 1:
        raise StoreError("CSV holds one table: choose one with --table meetings|goals|steps")
    data = {t: collect(db, t, account) for t in tables}
    if fmt == "json":
        return (
            json.dumps(data if table is None else data[table], indent=2, ensure_ascii=False) + "\n"
        )
    if fmt == "csv":
        return to_csv(data[tables[0]])
    return "\n\n".join(to_markdown(t, rows) for t, rows in data.items()) + "\n"


def collect(db: Database, table: str, account: str | None) -> list[dict[str, Any]]:
    """Plain rows of one table for one account (or all)."""
    if table == "meetings":
        return [m.model_dump() for m in read.list_meetings(db, account=account)]
    if table == "steps":
        return [s.model_dump() for s in ledger.list_steps(db, account=account)]
    if table == "goals":
        sql = (
            GOAL_QUERY + (" WHERE a.name = ?" if account else "") + " ORDER BY a.name, m.date, g.id"
        )
        rows = list(db.query(sql, [account] if account else []))
        return [{**r, "agreed": bool(r["agreed"])} for r in rows]
    raise StoreError(f"unknown table {table!r}")


def to_csv(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def to_markdown(title: str, rows: list[dict[str, Any]]) -> str:
    lines = [f"## {title}", ""]
    if not rows:
        return "\n".join([*lines, "(none)"])
    keys = list(rows[0])
    lines.append("| " + " | ".join(keys) + " |")
    lines.append("|" + "---|" * len(keys))
    for row in rows:
        cells = [_cell(row[k]).replace("|", "\\|").replace("\n", " ") for k in keys]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)
