"""The team's own meetings in data/train (and data/heldout) follow the labelling guide exactly.

Training scripts read these files beside cs_train, so a quote that is not in the
transcript, an unknown stage or a mis-resolved owner would teach the models wrong
labels; every file is checked on its own so a failure names it.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest
from conftest import GUIDE_STAGES, REPO

from milepost.models.analysis import GoalCategory, StepSide
from milepost.pipeline import formats

TRAIN = REPO / "data" / "train"
HELDOUT = REPO / "data" / "heldout"
LABELS = sorted(TRAIN.glob("*.labels.json")) + sorted(HELDOUT.glob("*.labels.json"))
STAGES = set(GUIDE_STAGES)
CATEGORIES = set(get_args(GoalCategory))
SIDES = set(get_args(StepSide))
TOP_KEYS = {
    "file",
    "date",
    "account",
    "vendor_speakers",
    "customer_speakers",
    "stage",
    "has_agreed_goal",
    "goals",
    "next_steps",
    "verified_outcomes",
}
GOAL_KEYS = {"evidence", "also_evidence", "category", "metric", "deadline", "agreed"}
STEP_KEYS = {"evidence", "also_evidence", "side", "owner", "action", "due", "due_text"}
OUTCOME_KEYS = {"evidence", "also_evidence", "category"}
ANONYMOUS = re.compile(r"Speaker \d+")


def squash(text: str) -> str:
    """Whitespace runs as one space, so line-wrapped cues compare with their quotes."""
    return " ".join(text.split())


def quotes(item: dict[str, Any]) -> list[str]:
    return [item["evidence"], *item.get("also_evidence", [])]


def load(path: Path) -> tuple[dict[str, Any], list[Any]]:
    labels = json.loads(path.read_text(encoding="utf-8"))
    transcript = formats.read(path.parent / labels["file"])
    return labels, transcript.turns


def test_folder_has_meetings() -> None:
    assert len(LABELS) >= 1


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.name)
def test_label_file_shape(path: Path) -> None:
    labels = json.loads(path.read_text(encoding="utf-8"))
    assert set(labels) == TOP_KEYS
    assert path.name == Path(labels["file"]).stem + ".labels.json"
    date.fromisoformat(labels["date"])
    assert labels["stage"] in STAGES
    assert set(labels["vendor_speakers"]).isdisjoint(labels["customer_speakers"])
    for goal in labels["goals"]:
        assert set(goal) <= GOAL_KEYS and set(goal) >= GOAL_KEYS - {"also_evidence"}
        assert goal["category"] in CATEGORIES
        assert isinstance(goal["agreed"], bool)
    for step in labels["next_steps"]:
        assert set(step) <= STEP_KEYS and set(step) >= STEP_KEYS - {"also_evidence"}
        assert step["side"] in SIDES
        assert step["action"].strip()
        if step["due"] is not None:
            date.fromisoformat(step["due"])
            assert step["due_text"], "a resolved due date needs the phrase it came from"
    for outcome in labels["verified_outcomes"]:
        assert {"evidence", "category"} <= set(outcome) <= OUTCOME_KEYS
        assert outcome["category"] in CATEGORIES


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.name)
def test_agreed_goal_flag_matches_goals(path: Path) -> None:
    labels = json.loads(path.read_text(encoding="utf-8"))
    if labels["has_agreed_goal"]:
        assert any(g["agreed"] for g in labels["goals"])


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.name)
def test_transcript_loads_with_roster_speakers(path: Path) -> None:
    labels, turns = load(path)
    # Raw ASR text with no speakers reads as a few long paragraphs, hence the low floor.
    assert len(turns) >= 5
    assert sum(len(t.text.split()) for t in turns) >= 300
    roster = set(labels["vendor_speakers"]) | set(labels["customer_speakers"])
    named = {t.speaker for t in turns if t.speaker}
    if roster:
        assert named == roster, "the roster names exactly the transcript's speakers"


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.name)
def test_every_quote_is_inside_one_turn(path: Path) -> None:
    labels, turns = load(path)
    texts = [squash(t.text) for t in turns]
    items = labels["goals"] + labels["next_steps"] + labels["verified_outcomes"]
    missing = [q for item in items for q in quotes(item) if not any(squash(q) in t for t in texts)]
    assert missing == []


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.name)
def test_due_text_and_owner_come_from_the_meeting(path: Path) -> None:
    labels, turns = load(path)
    whole = squash(" ".join(t.text for t in turns)).lower()
    roster = labels["vendor_speakers"] + labels["customer_speakers"]
    names = [r for r in roster if not ANONYMOUS.fullmatch(r)]
    for step in labels["next_steps"]:
        if step["due_text"]:
            assert squash(step["due_text"]).lower() in whole
        owner = step["owner"]
        if owner is None:
            continue
        # The guide takes the name as said: a roster name, its first name, or someone
        # named in the meeting who is not on the call ("Ben will do it").
        in_roster = any(owner in (n, n.split()[0]) for n in names)
        assert in_roster or owner.lower() in whole, owner
