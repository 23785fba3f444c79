"""Options shared by several commands, so each means the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback: a YYYY-MM-DD date, else a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def roster_options(f: F) -> F:
    """`--vendor NAME` and `--customer NAME`, repeatable: who is on which side."""
    f = click.option(
        "--customer",
        multiple=True,
        metavar="NAME",
        help="Someone on the customer side (repeat for more).",
    )(f)
    return click.option(
        "--vendor",
        multiple=True,
        metavar="NAME",
        help="Someone on the vendor side (repeat for more).",
    )(f)


def db_option(f: F) -> F:
    """The one `--db` option every store command shares."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="PATH",
        help="The SQLite store (default: $MILEPOST_DB, else milepost.db in the user data dir).",
    )(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(f)
