"""CLI commands for the store area; registered on the main group by cli.py.

Each command parses options, calls one library function and prints; heavy imports
stay inside the functions so `milepost --help` is instant.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from milepost.pipeline.cli_options import db_option, iso_date, json_option, roster_options

if TYPE_CHECKING:
    from sqlite_utils import Database

account_filter = click.option(
    "--account", metavar="NAME", help="Only this account (or a part of its name only it has)."
)


def _open(db_path: Path | None) -> Database:
    from milepost.pipeline.store import open_db

    return open_db(db_path)


def _empty_store(db: Database, db_path: Path | None) -> str | None:
    """What to say when the store holds no meeting at all: which store it is, since a
    mistyped --db or $MILEPOST_DB opens a new, empty one."""
    from milepost.pipeline.store import default_path

    if db["meetings"].count:
        return None
    return f"the store {db_path or default_path()} is empty (`milepost ingest` adds calls)"


def _dump(items: list[Any]) -> str:
    return json.dumps([i.model_dump() for i in items], indent=2, ensure_ascii=False)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--account", metavar="NAME", help="Account for every file (beats sidecars).")
@roster_options
@click.option(
    "--date", "meeting_date", callback=iso_date, metavar="YYYY-MM-DD", help="Meeting date."
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Analysis processes (default: all cores).",
)
@click.option("--reanalyze", is_flag=True, help="Analyse again even files already stored.")
@db_option
def ingest(
    paths: tuple[Path, ...],
    account: str | None,
    vendor: tuple[str, ...],
    customer: tuple[str, ...],
    meeting_date: date | None,
    jobs: int | None,
    reanalyze: bool,
    db_path: Path | None,
) -> None:
    """Analyse transcripts and recordings (files or folders) into the store."""
    from milepost.pipeline.ingest import Overrides
    from milepost.pipeline.ingest import ingest as run_ingest
    from milepost.pipeline.listing import render_summary

    db = _open(db_path)
    given = Overrides(account=account, date=meeting_date, vendor=vendor, customer=customer)
    bar = _ProgressBar() if sys.stderr.isatty() else None
    try:
        summary = run_ingest(
            db,
            list(paths),
            given,
            jobs=jobs,
            reanalyze=reanalyze,
            on_total=bar.start if bar else None,
            on_result=bar.advance if bar else None,
        )
    finally:
        if bar:
            bar.finish()
    click.echo(render_summary(summary))
    if summary.interrupted:
        sys.exit(130)  # as a shell reports a command ended by Ctrl-C
    if summary.failed:
        sys.exit(1)


class _ProgressBar:
    """click's progress bar on stderr, started once the number of files is known."""

    def __init__(self) -> None:
        self.bar: Any = None

    def start(self, total: int) -> None:
        self.bar = click.progressbar(length=total, label="Ingesting", file=sys.stderr)
        self.bar.__enter__()

    def advance(self, result: Any) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@click.command()
@account_filter
@click.option("--flagged", is_flag=True, help="Only meetings with a flag (e.g. no_agreed_goal).")
@click.option("--since", callback=iso_date, metavar="YYYY-MM-DD", help="Only meetings on or after.")
@json_option
@db_option
def meetings(
    account: str | None, flagged: bool, since: date | None, as_json: bool, db_path: Path | None
) -> None:
    """List stored meetings with their stage, step count and flags."""
    from milepost.pipeline.listing import render_meetings
    from milepost.pipeline.store.read import account_name, list_meetings, meeting_rows

    db = _open(db_path)
    account = account_name(db, account) if account is not None else None
    if as_json:
        click.echo(_dump(list_meetings(db, account=account, flagged=flagged, since=since)))
    else:
        rows = meeting_rows(db, account=account, flagged=flagged, since=since)
        click.echo(render_meetings(rows, None if rows else _empty_store(db, db_path)))


@click.group(invoke_without_command=True)
@account_filter
@click.option("--side", type=click.Choice(["vendor", "customer", "joint"]), help="Only this side.")
@click.option("--open", "open_only", is_flag=True, help="Only steps not done yet.")
@click.option("--overdue", is_flag=True, help="Only open steps past their due date.")
@json_option
@db_option
@click.pass_context
def steps(
    ctx: click.Context,
    account: str | None,
    side: str | None,
    open_only: bool,
    overdue: bool,
    as_json: bool,
    db_path: Path | None,
) -> None:
    """The commitment ledger: next steps across meetings, open until shown done."""
    ctx.obj = db_path
    if ctx.invoked_subcommand is not None:
        return
    from milepost.pipeline.ledger import in_our_words, list_steps
    from milepost.pipeline.listing import render_steps
    from milepost.pipeline.store.read import account_name

    db = _open(db_path)
    account = account_name(db, account) if account is not None else None
    found = in_our_words(
        db, list_steps(db, account, side, open_only=open_only, overdue_only=overdue)
    )
    empty = None if found or as_json else _empty_store(db, db_path)
    click.echo(_dump(found) if as_json else render_steps(found, empty))


@steps.command("done")
@click.argument("step_id", metavar="ID", type=int)
@db_option
@click.pass_context
def steps_done(ctx: click.Context, step_id: int, db_path: Path | None) -> None:
    """Mark a next step done by hand."""
    from milepost.pipeline.ledger import mark_done

    step = mark_done(_open(db_path or ctx.obj), step_id)
    click.echo(f"Step {step.id} done: {step.action}")


@click.command()
@click.argument("account")
@json_option
@db_option
def brief(account: str, as_json: bool, db_path: Path | None) -> None:
    """The pre-meeting brief for an account: stage, goal, outcomes, open steps, last call."""
    from milepost.pipeline.brief import build_brief, render_brief

    result = build_brief(_open(db_path), account)
    click.echo(result.model_dump_json(indent=2) if as_json else render_brief(result), nl=as_json)


@click.command()
@click.argument("meeting_id", metavar="MEETING_ID", type=int)
@json_option
@db_option
def recap(meeting_id: int, as_json: bool, db_path: Path | None) -> None:
    """The follow-up email for a meeting: the goal, then what each side will do by when."""
    from milepost.pipeline.recap import build_recap

    result = build_recap(_open(db_path), meeting_id)
    click.echo(result.model_dump_json(indent=2) if as_json else result.body, nl=as_json)


@click.command()
@click.argument("query")
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most hits."
)
@json_option
@db_option
def search(query: str, limit: int, as_json: bool, db_path: Path | None) -> None:
    """Full-text search over everything said, with meeting, speaker and time."""
    from milepost.pipeline.listing import render_hits
    from milepost.pipeline.store.read import search as run_search

    hits = run_search(_open(db_path), query, limit=limit)
    click.echo(_dump(hits) if as_json else render_hits(hits))


@click.command()
@account_filter
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "markdown"]),
    required=True,
    help="Output format.",
)
@click.option(
    "--table", type=click.Choice(["meetings", "goals", "steps"]), help="One table (CSV needs one)."
)
@db_option
def export(account: str | None, fmt: str, table: str | None, db_path: Path | None) -> None:
    """Export meetings, goals and next steps for other tools."""
    from milepost.pipeline.export import export as run_export

    if fmt == "csv" and table is None:
        raise click.UsageError("CSV holds one table: choose one with --table")
    click.echo(run_export(_open(db_path), fmt, account=account, table=table), nl=False)


def register(group: click.Group) -> None:
    """Add this area's commands to the main group."""
    for command in (ingest, meetings, steps, brief, recap, search, export):
        group.add_command(command)
