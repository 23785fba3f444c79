"""CLI commands for the eval area; registered on the main group by cli.py."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this area's commands to the main group."""
