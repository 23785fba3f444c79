"""CLI command `eval`: score milepost on a labelled folder."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("eval")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--no-roster", is_flag=True, help="Ignore the label rosters: infer sides.")
@click.option("--details", is_flag=True, help="List every miss, spurious item and wrong field.")
@click.option(
    "--totals",
    "totals_only",
    is_flag=True,
    help="Print only the totals, no per-file rows (for a held-out folder).",
)
@click.option("--json", "as_json", is_flag=True, help="Print totals and per-file scores as JSON.")
def eval_command(
    folder: Path, no_roster: bool, details: bool, totals_only: bool, as_json: bool
) -> None:
    """Score extraction on a folder of labelled meetings (NAME.labels.json beside each file)."""
    from milepost.pipeline.evaluate import evaluate, render

    report = evaluate(folder, roster=not no_roster)
    if as_json:
        payload: dict = {"totals": report.totals()}
        if not totals_only:
            payload["files"] = [f.model_dump(mode="json") for f in report.files]
        click.echo(json.dumps(payload, indent=2))
    else:
        click.echo(render(report, details=details, per_file=not totals_only))


def register(group: click.Group) -> None:
    """Add this area's commands to the main group."""
    group.add_command(eval_command)
