"""CLI grammar: help, version, errors as one line with the right exit codes."""

from __future__ import annotations

import json
import logging
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
        "date: 2026-05-04\naccount: Acme\nvendor: [Ana]\ncustomer: [Bo]\ntitle: Acme kickoff\n"
    )

    def run(*args: str) -> dict:
        result = runner.invoke(cli, ["analyze", str(call), "--json", *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    def sides(out: dict) -> dict[str, str]:
        return {s["name"]: s["side"] for s in out["speakers"]}

    from_sidecar = run()
    assert (from_sidecar["date"], from_sidecar["account"]) == ("2026-05-04", "Acme")
    assert from_sidecar["title"] == "Acme kickoff"  # as ingest stores it
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


def test_a_sidecar_or_labels_file_is_no_transcript(runner: CliRunner, tmp_path: Path) -> None:
    """Read as a transcript, a sidecar's YAML became a stored meeting with no goal, flagged;
    `analyze` says what the file is, and `ingest calls/*` skips it as a folder's walk does."""
    call = tmp_path / "call.txt"
    call.write_text("Ana: Thanks for joining.\nBo: Happy to be here.\n")
    own, folder, labels = (
        tmp_path / n for n in ("call.meta.yaml", "meeting.yaml", "call.labels.json")
    )
    own.write_text("account: Acme\n")
    folder.write_text("account: Acme\n")
    labels.write_text("{}\n")
    said = {
        own: "a sidecar for call.txt, not a transcript",
        folder: "a sidecar (account, date and roster of the meetings in its folder),"
        " not a transcript",
        labels: "the labels of call.txt, not a transcript",
    }
    for path, why in said.items():
        result = runner.invoke(cli, ["analyze", str(path)])
        assert (result.exit_code, result.output) == (1, f"Error: {path}: {why}\n")
    db = str(tmp_path / "s.db")
    result = runner.invoke(cli, ["ingest", "--db", db, str(own), str(folder), str(labels)])
    assert (result.exit_code, result.output) == (
        0,
        "Ingested 3 files: 0 new, 0 replaced, 3 skipped, 0 failed.\n"
        + "".join(f"  skipped: {path}: {why}\n" for path, why in said.items()),
    )
    assert runner.invoke(cli, ["meetings", "--db", db]).output.startswith("No meetings: ")


@pytest.mark.slow
def test_a_roster_name_nobody_answers_to_is_warned_of(
    runner: CliRunner, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A typo in --vendor passed silently, every side then inferred; a first name is enough."""
    call = tmp_path / "call.txt"
    call.write_text(
        "Ana Diaz: Thanks for joining today.\nBo Chen: Happy to be here.\n"
        "Ana Diaz: Shall we look at the rollout?\nBo Chen: Yes, the rollout is what I care about.\n"
    )
    with caplog.at_level(logging.WARNING, logger="milepost"):
        result = runner.invoke(
            cli, ["analyze", str(call), "--vendor", "Anna Diaz", "--customer", "bo"]
        )
    assert result.exit_code == 0
    assert caplog.messages == [
        f"{call}: --vendor 'Anna Diaz' names nobody who speaks in it (speakers: Ana Diaz, Bo Chen)"
    ]
    db = str(tmp_path / "s.db")
    given = ["--vendor", "Anna Diaz", "--customer", "bo", "--jobs", "1"]
    result = runner.invoke(cli, ["ingest", "--db", db, str(call), *given])
    assert (result.exit_code, result.output) == (
        0,
        "Ingested 1 file: 1 new, 0 replaced, 0 skipped, 0 failed.\n"
        "  warning: --vendor 'Anna Diaz' names nobody who speaks in the files analysed\n",
    )
