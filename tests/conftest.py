"""Shared fixtures: paths to ../shared, a temp home and store, the CLI runner."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CS_TRAIN = SHARED / "eval" / "cs_train"
CS_DEV = SHARED / "eval" / "cs_dev"
AUDIO = SHARED / "eval" / "audio"
SAMPLES = REPO / "data" / "samples"
# The labelling guide's journey stage ids, in order.
GUIDE_STAGES = [
    "awareness",
    "consideration",
    "decision",
    "onboarding",
    "adoption",
    "value_realization",
    "renewal",
    "expansion",
    "advocacy",
]
# The training scripts import their neighbours (training_sets, train_goals) by bare name.
sys.path.insert(0, str(REPO / "scripts"))

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the repo")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real store or config."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("MILEPOST_DB", str(tmp_path / "milepost.db"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def analyzer():  # type: ignore[no-untyped-def]
    from milepost.pipeline.analyzer import Analyzer

    return Analyzer()
