"""CLI grammar: help, version, errors as one line with the right exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from milepost.pipeline import __version__
from milepost.pipeline.cli import cli


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"milepost, version {__version__}\n"


def test_missing_file_is_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(cli, ["analyze", str(missing)])
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: no such file\n"


def test_directory_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["analyze", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path}: is a directory, not a transcript\n"


def test_empty_file_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    result = runner.invoke(cli, ["analyze", str(empty)])
    assert result.exit_code == 1
    assert result.output == f"Error: {empty}: file is empty\n"


def test_binary_file_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(cli, ["analyze", str(binary)])
    assert result.exit_code == 1
    assert result.output == f"Error: {binary}: binary file, not a transcript\n"


def test_bad_date_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "m.txt"
    f.write_text("Ana: hello\nBo: hi\n")
    result = runner.invoke(cli, ["analyze", str(f), "--date", "03/04/2026"])
    assert result.exit_code == 2
    assert "is not a date in YYYY-MM-DD form" in result.output


def test_schema_is_the_analysis_contract(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    props = json.loads(result.output)["properties"]
    for key in (
        "source",
        "input_format",
        "date",
        "account",
        "duration_s",
        "speakers",
        "turns",
        "goals",
        "has_agreed_goal",
        "next_steps",
        "stage",
        "verified_outcomes",
        "flags",
        "questions",
    ):
        assert key in props


@pytest.mark.slow
def test_analyze_reads_the_sidecar_and_the_command_line_wins(
    runner: CliRunner, tmp_path: Path
) -> None:
    call = tmp_path / "call.txt"
    call.write_text(
        "Ana: Thanks for joining today.\nBo: Happy to be here.\n"
        "Ana: Shall we look at the rollout?\nBo: Yes, the rollout is what I care about.\n"
    )
    (tmp_path / "call.meta.yaml").write_text(
        "date: 2026-05-04\naccount: Acme\nvendor: [Ana]\ncustomer: [Bo]\n"
    )

    def run(*args: str) -> dict:
        result = runner.invoke(cli, ["analyze", str(call), "--json", *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    def sides(out: dict) -> dict[str, str]:
        return {s["name"]: s["side"] for s in out["speakers"]}

    from_sidecar = run()
    assert (from_sidecar["date"], from_sidecar["account"]) == ("2026-05-04", "Acme")
    assert sides(from_sidecar) == {"Ana": "vendor", "Bo": "customer"}
    given = run("--date", "2026-01-02", "--vendor", "Bo", "--customer", "Ana")
    assert (given["date"], given["account"]) == ("2026-01-02", "Acme")
    assert sides(given) == {"Ana": "customer", "Bo": "vendor"}


def test_analyze_bad_sidecar_is_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    call = tmp_path / "call.txt"
    call.write_text("Ana: Thanks for joining.\nBo: Happy to be here.\n")
    sidecar = tmp_path / "call.meta.yaml"
    sidecar.write_text("colour: red\n")
    result = runner.invoke(cli, ["analyze", str(call)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {sidecar}: ")
    assert "colour" in result.output
    assert result.output.count("\n") == 1
