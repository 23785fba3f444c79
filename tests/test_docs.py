"""The README documents every command and every option (checked against the CLI itself)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from milepost.pipeline.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, click.Command]]:
    out = []
    for name, command in sorted(cli.commands.items()):
        out.append((name, command))
        if isinstance(command, click.Group):
            out.extend((f"{name} {sub}", c) for sub, c in sorted(command.commands.items()))
    return out


@pytest.mark.parametrize(("name", "command"), _commands(), ids=lambda v: str(v))
def test_command_is_documented(name: str, command: click.Command) -> None:
    assert f"### `milepost {name}" in README, f"README has no '### `milepost {name}' section"
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in README, f"README does not mention {opt} of `milepost {name}`"


def test_readme_gives_the_two_setup_commands() -> None:
    assert "make demo" in README
    assert "make test" in README
