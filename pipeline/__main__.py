"""`python -m milepost.pipeline` runs the CLI."""

from milepost.pipeline.cli import cli

cli(prog_name="milepost")
