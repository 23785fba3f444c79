"""Scoring rules of the eval README: overlap, one-to-one matching, per-kind totals."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from milepost.models import Analysis, NextStep
from milepost.pipeline.cli import cli
from milepost.pipeline.evaluate import match, overlap, score_file


def test_overlap_containment_and_jaccard() -> None:
    assert overlap("I'll send the guide.", "So, I'll send the guide by Friday.") == 1.0
    assert overlap("send the guide friday", "send the guide tomorrow") == 0.6
    assert overlap("send the guide", "call the bank about loans") == 0.0
    assert overlap("", "anything") == 0.0


def test_containment_is_on_whole_tokens() -> None:
    assert overlap("end", "we'll send it") == 0.0


def test_match_is_one_to_one_best_first() -> None:
    labels = [
        {"evidence": "I'll send the guide by Friday."},
        {"evidence": "We'll book the training.", "also_evidence": ["Training booked, then."]},
    ]
    found = ["I'll send the guide by Friday.", "send the guide by Friday", "Training booked, then."]
    assert match(found, labels) == [(0, 0), (2, 1)]


def _step(evidence: str, side: str = "vendor", due: str | None = None) -> NextStep:
    return NextStep(action="x", side=side, evidence=evidence, due=due, confidence=0.9)  # type: ignore[arg-type]


def test_score_file_counts_side_and_due() -> None:
    labels = {
        "has_agreed_goal": False,
        "stage": "onboarding",
        "goals": [],
        "verified_outcomes": [],
        "next_steps": [
            {"evidence": "I'll send the guide by Friday.", "side": "vendor", "due": "2026-03-06"},
            {"evidence": "We'll send the export.", "side": "customer", "due": None},
        ],
    }
    analysis = Analysis(
        source="m.txt",
        input_format="plain",
        next_steps=[
            _step("I'll send the guide by Friday.", "vendor", "2026-03-06"),
            _step("We'll send the export.", "vendor"),
            _step("Let's grab lunch."),
        ],
    )
    fs = score_file("m.txt", analysis, labels)
    s = fs.scores["next_steps"]
    assert (s.found, s.labelled, s.matched) == (3, 2, 2)
    assert (fs.side_correct, fs.due_correct, fs.steps_matched) == (1, 2, 2)
    assert fs.spurious["next_steps"] == ["Let's grab lunch."]
    assert fs.agreed_expected is False and fs.agreed_found is False
    assert fs.stage_found is None


def test_eval_command_on_a_tiny_folder(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "m.txt").write_text("Ana Ruiz: Hello there.\nBo Chen: Hi Ana.\n")
    labels = {
        "file": "m.txt",
        "date": "2026-03-03",
        "account": "Acme",
        "vendor_speakers": ["Ana Ruiz"],
        "customer_speakers": ["Bo Chen"],
        "stage": "awareness",
        "has_agreed_goal": False,
        "goals": [],
        "next_steps": [],
        "verified_outcomes": [],
    }
    (tmp_path / "m.labels.json").write_text(json.dumps(labels))
    result = runner.invoke(cli, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    totals = json.loads(result.output)["totals"]
    assert totals["files"] == 1
    assert totals["has_agreed_goal_accuracy"] == 1.0
    assert "m.txt" in runner.invoke(cli, ["eval", str(tmp_path)]).output
    held_out = runner.invoke(cli, ["eval", str(tmp_path), "--totals"])
    assert held_out.exit_code == 0, held_out.output
    assert "m.txt" not in held_out.output
    assert held_out.output.startswith("Scored 1 meetings.\ngoals ")
    held_out_json = json.loads(
        runner.invoke(cli, ["eval", str(tmp_path), "--totals", "--json"]).output
    )
    assert list(held_out_json) == ["totals"]


def test_eval_command_rejects_a_folder_without_labels(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path}: no *.labels.json files found\n"
