"""The `milepost` command: parse options, call one library function, print."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

import click

from milepost.pipeline import __version__, cli_audio, cli_eval, cli_store
from milepost.pipeline.cli_options import iso_date, roster_options
from milepost.pipeline.errors import MilepostError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


class Group(click.Group):
    """Turns milepost's own errors into one 'Error: ...' line and exit code 1."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except MilepostError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="milepost")
def cli() -> None:
    """milepost: goals, next steps per side, journey stage and outcomes from customer calls."""


def reader_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--input-format` must name a reader; an unknown name is a usage error (exit 2)."""
    from milepost.pipeline import formats

    if value is not None and value not in formats.formats():
        raise click.BadParameter(f"{value!r} is not one of: {', '.join(formats.formats())}")
    return value


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@roster_options
@click.option(
    "--date", "meeting_date", callback=iso_date, metavar="YYYY-MM-DD", help="Meeting date."
)
@click.option("--account", metavar="NAME", help="The customer account this meeting belongs to.")
@click.option(
    "--input-format",
    metavar="FORMAT",
    callback=reader_name,
    help="Force a transcript reader (see `formats`).",
)
@click.option("--model", metavar="NAME|PATH", help="Whisper model for recordings.")
@click.option("--speakers", type=click.IntRange(1, 20), help="Number of speakers in a recording.")
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON.")
@click.option("--explain", is_flag=True, help="Show what found each item.")
def analyze(
    path: Path,
    vendor: tuple[str, ...],
    customer: tuple[str, ...],
    meeting_date: date | None,
    account: str | None,
    input_format: str | None,
    model: str | None,
    speakers: int | None,
    as_json: bool,
    explain: bool,
) -> None:
    """Analyse one transcript or recording and print goals, next steps, stage and outcomes.

    Date, account and sides come from the options, else from the file's sidecar
    (NAME.meta.yaml, or meeting.yaml in its folder), as for `ingest`.
    """
    from milepost.pipeline.analyze_file import analyze_path
    from milepost.pipeline.options import Options
    from milepost.pipeline.report import render_analysis, unheard
    from milepost.pipeline.sidecar import options_for, sidecar_for

    given = Options(
        date=meeting_date, account=account, vendor=list(vendor), customer=list(customer)
    )
    options = options_for(path, given)
    analysis = analyze_path(
        path, options, input_format=input_format, whisper_model=model, speakers=speakers
    )
    title = sidecar_for(path).title  # the sidecar's title wins, as at ingest
    if title:
        analysis.title = title
    for warning in unheard(analysis, given.roster()):
        logging.getLogger("milepost").warning(warning)
    if as_json:
        click.echo(analysis.model_dump_json(indent=2))
    else:
        click.echo(render_analysis(analysis, explain=explain))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the analysis that `analyze --json` prints."""
    from milepost.models import Analysis

    click.echo(json.dumps(Analysis.model_json_schema(), indent=2))


@cli.command("formats")
def formats_command() -> None:
    """List the transcript formats milepost reads."""
    from milepost.pipeline import formats

    for name in formats.formats():
        click.echo(name)


# Each area keeps its commands in its own small module (imports stay light: no spaCy here).
for _area in (cli_store, cli_audio, cli_eval):
    _area.register(cli)


def main() -> None:
    cli(prog_name="milepost")


if __name__ == "__main__":  # pragma: no cover
    main()
