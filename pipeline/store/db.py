"""Where the store lives and how it is opened: WAL, a busy timeout, foreign keys, migrations."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from sqlite_utils import Database

from milepost.pipeline.errors import StoreError
from milepost.pipeline.store.migrations import migrations

DB_ENV = "MILEPOST_DB"
BUSY_TIMEOUT_MS = 60_000
CHECKPOINT_PAGES = 10_000


def default_path() -> Path:
    """$MILEPOST_DB, else milepost.db in the user's data directory."""
    chosen = os.environ.get(DB_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(click.get_app_dir("milepost")) / "milepost.db"


def open_db(path: str | Path | None = None) -> Database:
    """Open (creating if needed) the store and bring its schema up to date."""
    path = Path(path) if path is not None else default_path()
    if path.is_dir():
        raise StoreError("is a directory, not a milepost store", path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        use_wal(db)
        # WAL + NORMAL survives a killed process; only a power cut can lose the last commits.
        db.execute("PRAGMA synchronous = NORMAL")
        # A batch ingest commits once per meeting; checkpointing every 40 MB of WAL instead of
        # every 4 MB copies the pages each commit rewrites (indexes, FTS) to the file, and
        # syncs, a tenth as often. Durability is the same; the WAL goes when the store closes.
        db.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
        db.execute("PRAGMA foreign_keys = ON")
        if migrations.pending(db):
            with write_txn(db):
                migrations.apply(db)  # re-checks inside the lock: a concurrent opener may have won
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open store: {exc}", path) from None
    except (FileExistsError, NotADirectoryError):  # a file stands where a folder must
        blocker = next((p for p in path.parents if p.exists()), path.parent)
        raise StoreError(f"cannot create store: {blocker} is a file, not a folder", path) from None
    except OSError as exc:
        raise StoreError(f"cannot create store: {exc.strerror}", path) from None
    return db


def use_wal(db: Database, retry_s: float = BUSY_TIMEOUT_MS / 1000) -> None:
    """Switch the store to WAL, retrying while another process does the same.

    Two processes creating a store at once can deadlock on the switch (each holds a read lock
    the other's write needs); SQLite then answers 'database is locked' at once instead of
    waiting, since its busy handler is skipped to break the deadlock. The loser retries; once
    the winner's switch is done, the loser's is a no-op.
    """
    deadline = time.monotonic() + retry_s
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@contextmanager
def write_txn(db: Database) -> Iterator[Database]:
    """One write transaction that takes the write lock up front, so concurrent writers queue."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    db.execute("COMMIT")
