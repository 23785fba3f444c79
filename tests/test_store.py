"""The store: schema pinned, pragmas, location, one transaction per meeting, idempotent writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click
import pytest
from sqlite_utils import Database
from store_factory import analysis, northwind, step, turn

from milepost.pipeline import ledger
from milepost.pipeline.errors import StoreError
from milepost.pipeline.store import default_path, open_db
from milepost.pipeline.store.db import BUSY_TIMEOUT_MS, use_wal
from milepost.pipeline.store.writer import write_meeting

SCHEMA = {
    "accounts": "id INTEGER, name TEXT",
    "meetings": (
        "id INTEGER, account_id INTEGER, source TEXT, content_hash TEXT, format TEXT, title TEXT,"
        " date TEXT, duration_s REAL, stage TEXT, stage_confidence REAL, has_agreed_goal INTEGER,"
        " flags TEXT, questions TEXT, pipeline_version TEXT, ingested_at TEXT, roster TEXT"
    ),
    "speakers": "id INTEGER, meeting_id INTEGER, name TEXT, side TEXT",
    "turns": (
        "id INTEGER, meeting_id INTEGER, idx INTEGER, speaker TEXT, side TEXT, start REAL,"
        " end REAL, text TEXT"
    ),
    "goals": (
        "id INTEGER, meeting_id INTEGER, text TEXT, category TEXT, metric TEXT, deadline TEXT,"
        " agreed INTEGER, speaker TEXT, side TEXT, evidence TEXT, confidence REAL, found_by TEXT"
    ),
    "next_steps": (
        "id INTEGER, meeting_id INTEGER, action TEXT, side TEXT, owner TEXT, due TEXT,"
        " due_text TEXT, speaker TEXT, evidence TEXT, confidence REAL, found_by TEXT,"
        " status TEXT, done_by TEXT, done_meeting_id INTEGER, done_evidence TEXT, done_at TEXT"
    ),
    "verified_outcomes": (
        "id INTEGER, meeting_id INTEGER, category TEXT, goal TEXT, evidence TEXT, speaker TEXT,"
        " confidence REAL, found_by TEXT"
    ),
    "stage_evidence": "id INTEGER, meeting_id INTEGER, stage TEXT, evidence TEXT",
}


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_db(tmp_path / "store.db")


def _columns(db: Database, table: str) -> str:
    return ", ".join(f"{r[1]} {r[2]}" for r in db.execute(f"PRAGMA table_info({table})"))


def test_schema_is_pinned(db: Database) -> None:
    tables = {
        r[0]
        for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith(("turns_fts", "_sqlite"))
    }
    assert tables == set(SCHEMA)
    for table, columns in SCHEMA.items():
        assert _columns(db, table) == columns, table
    applied = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == ["m001_initial", "m002_open_steps_index", "m003_meeting_roster"]
    assert db["turns"].detect_fts() == "turns_fts"


class _Contended:
    """A store whose WAL switch loses to another opener's `locks` times first."""

    def __init__(self, locks: int, error: str = "database is locked") -> None:
        self.locks, self.error, self.tries = locks, error, 0

    def execute(self, sql: str) -> None:
        self.tries += 1
        if self.tries <= self.locks:
            raise sqlite3.OperationalError(self.error)


def test_wal_switch_retries_while_another_opener_holds_the_lock() -> None:
    store = _Contended(locks=3)
    use_wal(store, retry_s=5)  # type: ignore[arg-type]
    assert store.tries == 4


def test_wal_switch_gives_up_at_the_deadline_and_on_other_errors() -> None:
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        use_wal(_Contended(locks=10**6), retry_s=0.05)  # type: ignore[arg-type]
    other = _Contended(locks=1, error="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk"):
        use_wal(other, retry_s=5)  # type: ignore[arg-type]
    assert other.tries == 1


def test_pragmas_wal_foreign_keys_busy_timeout(db: Database) -> None:
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 10_000


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    open_db(tmp_path / "s.db").close()
    db = open_db(tmp_path / "s.db")
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == 3


def test_default_path_is_env_then_app_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert default_path() == tmp_path / "milepost.db"  # conftest sets MILEPOST_DB
    monkeypatch.delenv("MILEPOST_DB")
    assert default_path() == Path(click.get_app_dir("milepost")) / "milepost.db"
    assert str(default_path()).startswith(str(tmp_path / "home"))


def test_a_directory_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory, not a milepost store"):
        open_db(tmp_path)


def test_a_file_where_the_store_folder_must_be_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    for path in (tmp_path / "notes.txt" / "m.db", tmp_path / "notes.txt" / "sub" / "m.db"):
        with pytest.raises(StoreError) as err:
            open_db(path)
        assert str(err.value) == (
            f"{path}: cannot create store: {tmp_path / 'notes.txt'} is a file, not a folder"
        )


def test_a_non_sqlite_file_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        open_db(bad)


def test_write_stores_meeting_and_children(db: Database) -> None:
    m1 = northwind()[0]
    written = write_meeting(db, m1, "hash-1", "Northwind Dental")
    assert (written.outcome, written.meeting_id) == ("new", 1)
    row = db.execute(
        "SELECT source, format, date, stage, flags, has_agreed_goal FROM meetings"
    ).fetchone()
    assert row == ("/calls/nw1.txt", "plain", "2026-03-03", "onboarding", "[]", 1)
    counts = {
        t: db[t].count for t in ("speakers", "turns", "goals", "next_steps", "stage_evidence")
    }
    assert counts == {"speakers": 3, "turns": 4, "goals": 1, "next_steps": 3, "stage_evidence": 1}
    assert [r["name"] for r in db["accounts"].rows] == ["Northwind Dental"]
    assert db.execute("SELECT DISTINCT status FROM next_steps").fetchall() == [("open",)]


def test_same_bytes_same_version_is_skipped(db: Database) -> None:
    m1 = northwind()[0]
    write_meeting(db, m1, "hash-1", "Northwind Dental")
    again = write_meeting(db, m1, "hash-1", "Northwind Dental")
    assert (again.outcome, again.meeting_id) == ("skipped", 1)
    assert db["meetings"].count == 1
    assert db["turns"].count == 4


def test_changed_file_replaces_in_place_and_keeps_user_marks(db: Database) -> None:
    m1 = northwind()[0]
    write_meeting(db, m1, "hash-1", "Northwind Dental")
    ledger.mark_done(db, 2)
    changed = m1.model_copy(update={"turns": m1.turns[:2]})
    written = write_meeting(db, changed, "hash-2", "Northwind Dental")
    assert (written.outcome, written.meeting_id) == ("replaced", 1)
    assert db["meetings"].count == 1
    assert db["turns"].count == 2
    assert db.execute("SELECT content_hash FROM meetings").fetchone() == ("hash-2",)
    statuses = db.execute("SELECT action, status, done_by FROM next_steps ORDER BY id").fetchall()
    assert statuses == [
        ("send the SSO setup guide", "open", None),
        ("export the patient list", "done", "user"),
        ("review the implementation plan", "open", None),
    ]


def test_reanalyze_rewrites_even_when_current(db: Database) -> None:
    m1 = northwind()[0]
    write_meeting(db, m1, "hash-1", "Northwind Dental")
    written = write_meeting(db, m1, "hash-1", "Northwind Dental", reanalyze=True)
    assert written.outcome == "replaced"
    assert db["turns"].count == 4


def test_newer_pipeline_version_reanalyses(db: Database) -> None:
    m1 = northwind()[0]
    write_meeting(db, m1, "hash-1", "Northwind Dental")
    newer = m1.model_copy(update={"pipeline_version": "99.0"})
    assert write_meeting(db, newer, "hash-1", "Northwind Dental").outcome == "replaced"
    assert db.execute("SELECT pipeline_version FROM meetings").fetchall() == [("99.0",)]


def test_a_failed_write_leaves_no_half_meeting(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ledger, "reconcile", boom)
    with pytest.raises(RuntimeError):
        write_meeting(db, northwind()[0], "hash-1", "Northwind Dental")
    for table in ("accounts", "meetings", "speakers", "turns", "goals", "next_steps"):
        assert db[table].count == 0, table
    assert not db.conn.in_transaction


def test_concurrent_writer_waits_for_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    first, second = open_db(path), open_db(path)
    first.execute("BEGIN IMMEDIATE")
    second.execute("PRAGMA busy_timeout = 50")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        write_meeting(second, northwind()[0], "hash-1", "Northwind Dental")
    first.execute("COMMIT")
    assert write_meeting(second, northwind()[0], "hash-1", "Northwind Dental").outcome == "new"


def test_fts_finds_turns_after_replace(db: Database) -> None:
    a = analysis("/c/x.txt", "2026-01-05", [turn("Ana", "vendor", "The zebra export is late.")])
    write_meeting(db, a, "h1", "Acme")
    b = a.model_copy(update={"turns": [turn("Ana", "vendor", "The giraffe export is late.")]})
    write_meeting(db, b, "h2", "Acme")
    hits = lambda q: db.execute(  # noqa: E731
        "SELECT count(*) FROM turns_fts WHERE turns_fts MATCH ?", [q]
    ).fetchone()[0]
    assert (hits("zebra"), hits("giraffe")) == (0, 1)


def test_steps_keep_their_side_owner_and_due(db: Database) -> None:
    a = analysis(
        "/c/y.txt",
        "2026-01-05",
        [turn("Ana", "vendor", "I'll call IT.")],
        steps=[step("call IT", "vendor", "Ana", "2026-01-09", due_text="by Friday")],
    )
    write_meeting(db, a, "h1", "Acme")
    row = db.execute("SELECT action, side, owner, due, due_text, status FROM next_steps").fetchone()
    assert row == ("call IT", "vendor", "Ana", "2026-01-09", "by Friday", "open")


def test_turns_are_stored_exactly_as_executemany_would(db: Database) -> None:
    turns = [
        turn("Ana Díaz", "vendor", 'She said "done" — on 3\\4.\nNew line; emoji 🎉.', start=0.0),
        turn(None, "unknown", "  no speaker, no time  "),  # type: ignore[arg-type]
        turn("Bo", "customer", "12", start=1e-7),
        turn("Bo", "customer", "null", start=3600.5),
    ]
    write_meeting(db, analysis("/c/u.txt", None, turns), "h1", "Acme")
    # a NaN time cannot travel in JSON: that meeting's turns go through executemany
    odd = [turn("Ana", "vendor", "odd", start=float("nan")), turn("Bo", "customer", "x")]
    write_meeting(db, analysis("/c/v.txt", None, odd), "h2", "Acme")
    stored = db.execute(
        'SELECT meeting_id, idx, speaker, side, start, "end", text, typeof(start), typeof(text)'
        " FROM turns ORDER BY id"
    ).fetchall()
    assert stored == [
        (1, 0, "Ana Díaz", "vendor", 0.0, None, turns[0].text, "real", "text"),
        (1, 1, None, "unknown", None, None, "  no speaker, no time  ", "null", "text"),
        (1, 2, "Bo", "customer", 1e-7, None, "12", "real", "text"),
        (1, 3, "Bo", "customer", 3600.5, None, "null", "real", "text"),
        (2, 0, "Ana", "vendor", None, None, "odd", "null", "text"),
        (2, 1, "Bo", "customer", None, None, "x", "null", "text"),
    ]
    hits = db.execute("SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'emoji OR odd'")
    assert sorted(r[0] for r in hits) == [1, 5]
