"""The store's schema, one append-only function per change (never edit a released one)."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("milepost")


@migrations()
def m001_initial(db: Database) -> None:
    """Accounts, meetings and everything the analyzer finds in them."""
    _run(
        db,
        """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            format TEXT NOT NULL,
            title TEXT,
            date TEXT,
            duration_s REAL,
            stage TEXT,
            stage_confidence REAL,
            has_agreed_goal INTEGER NOT NULL,
            flags TEXT NOT NULL DEFAULT '[]',
            questions TEXT NOT NULL DEFAULT '[]',
            pipeline_version TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX idx_meetings_account_date ON meetings(account_id, date);
        CREATE INDEX idx_meetings_source ON meetings(source);
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            side TEXT NOT NULL
        );
        CREATE INDEX idx_speakers_meeting ON speakers(meeting_id);
        CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            speaker TEXT,
            side TEXT NOT NULL,
            start REAL,
            "end" REAL,
            text TEXT NOT NULL
        );
        CREATE INDEX idx_turns_meeting ON turns(meeting_id, idx);
        CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            category TEXT NOT NULL,
            metric TEXT,
            deadline TEXT,
            agreed INTEGER NOT NULL,
            speaker TEXT,
            side TEXT NOT NULL,
            evidence TEXT NOT NULL,
            confidence REAL NOT NULL,
            found_by TEXT NOT NULL
        );
        CREATE INDEX idx_goals_meeting ON goals(meeting_id);
        CREATE TABLE next_steps (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            side TEXT NOT NULL,
            owner TEXT,
            due TEXT,
            due_text TEXT,
            speaker TEXT,
            evidence TEXT NOT NULL,
            confidence REAL NOT NULL,
            found_by TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
            done_by TEXT CHECK (done_by IN ('meeting', 'user')),
            done_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
            done_evidence TEXT,
            done_at TEXT
        );
        CREATE INDEX idx_next_steps_meeting ON next_steps(meeting_id);
        CREATE INDEX idx_next_steps_status ON next_steps(status, due);
        CREATE TABLE verified_outcomes (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            goal TEXT,
            evidence TEXT NOT NULL,
            speaker TEXT,
            confidence REAL NOT NULL,
            found_by TEXT NOT NULL
        );
        CREATE INDEX idx_verified_outcomes_meeting ON verified_outcomes(meeting_id);
        CREATE TABLE stage_evidence (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            stage TEXT NOT NULL,
            evidence TEXT NOT NULL
        );
        CREATE INDEX idx_stage_evidence_meeting ON stage_evidence(meeting_id);
        """,
    )
    db.table("turns").enable_fts(["text", "speaker"], create_triggers=True, tokenize="porter")


@migrations()
def m002_open_steps_index(db: Database) -> None:
    """Each new meeting looks up its account's open steps: index only those (most are done)."""
    db.execute(
        "CREATE INDEX idx_next_steps_open ON next_steps(meeting_id, action) WHERE status = 'open'"
    )


@migrations()
def m003_meeting_roster(db: Database) -> None:
    """The sides named at ingest (--vendor/--customer, else the sidecar), as JSON lists: a
    recording's speakers are SPEAKER_1, ..., and the recap signs with the vendor named."""
    db.execute("ALTER TABLE meetings ADD COLUMN roster TEXT NOT NULL DEFAULT '{}'")


def _run(db: Database, script: str) -> None:
    """Run DDL statement by statement: executescript would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
