"""The retraining scripts read cs_train and the team's data/train, and refuse cs_dev."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import CS_DEV, CS_TRAIN, REPO

pytest.importorskip("sklearn")


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_sides_default_folders_are_cs_train_then_data_train() -> None:
    assert _script("train_sides").folders([]) == [CS_TRAIN, REPO / "data" / "train"]


def test_steps_default_folders_are_cs_train_then_data_train() -> None:
    assert _script("train_steps").folders([]) == [CS_TRAIN, REPO / "data" / "train"]


@pytest.mark.parametrize("name", ["train_sides", "train_steps"])
def test_given_folders_are_kept_in_order(name: str, tmp_path: Path) -> None:
    assert _script(name).folders([str(tmp_path), str(CS_TRAIN)]) == [tmp_path, CS_TRAIN]


@pytest.mark.parametrize("name", ["train_sides", "train_steps"])
def test_cs_dev_is_refused(name: str) -> None:
    with pytest.raises(SystemExit, match="cs_dev"):
        _script(name).folders([str(CS_TRAIN), str(CS_DEV)])


def test_team_meetings_are_marked_by_a_bias_or_crossed_copies() -> None:
    ts = _script("train_steps")
    feats = {"verb:send": 1.0}
    assert ts.mark(feats, "union") == feats
    assert ts.mark(feats, "union+bias") == {"verb:send": 1.0, "src:team": 1.0}
    assert ts.mark(feats, "union+crossed") == {
        "verb:send": 1.0,
        "src:team": 1.0,
        "src:team*verb:send": 1.0,
    }


def test_training_set_marks_only_team_meetings_and_can_leave_them_out() -> None:
    ts = _script("train_steps")
    cached = [([{"a": 1.0}], [1]), ([{"b": 1.0}], [0])]
    assert ts.training_set(cached, [0, 1], [0, 1], "union+bias") == (
        [{"a": 1.0}, {"b": 1.0, "src:team": 1.0}],
        [1, 0],
    )
    assert ts.training_set(cached, [0, 1], [0, 1], "cs_train only") == ([{"a": 1.0}], [1])
    assert ts.training_set(cached, [0, 1], [1], "union") == ([{"b": 1.0}], [0])


def test_source_marker_weights_are_not_shipped() -> None:
    ts = _script("train_steps")
    feats = [{"x": 1.0}, {"x": 1.0, "src:team": 1.0}, {"y": 1.0}, {"y": 1.0, "src:team": 1.0}]
    model = ts.fit(feats * 3, [1, 1, 0, 1] * 3, 1.0)
    assert set(model["weights"]) == {"x", "y"}


def test_steps_learn_from_the_chosen_data_train_sets_only() -> None:
    sets = _script("training_sets")
    own = REPO / "data" / "train"
    chosen = _script("train_steps").OWN_SETS
    assert sets.in_sets(own / "xa_01_x.txt", chosen)
    assert not sets.in_sets(own / "zz_01_x.txt", chosen)
    assert not sets.in_sets(own / "xab_01_x.txt", ("xa",))  # a prefix is a whole set name
    assert sets.in_sets(own / "xe_01_x.txt", None)
    assert sets.in_sets(CS_TRAIN / "xe_01_x.txt", chosen)  # other folders: every meeting


def test_cs_train_like_sets_are_learned_from_unmarked_and_counted_apart() -> None:
    ts = _script("train_steps")
    assert ts._origin(0, "xg_01_x.txt") == ts.CS
    assert ts._origin(1, "xa_01_x.txt") == ts.TEAM_SET
    assert ts._origin(1, "xg_01_x.txt") == ts.CS_LIKE
    cached = [([{"a": 1.0}], [1]), ([{"b": 1.0}], [0]), ([{"c": 1.0}], [1])]
    origins = [ts.CS, ts.TEAM_SET, ts.CS_LIKE]
    assert ts.training_set(cached, origins, [0, 1, 2], "union+bias") == (
        [{"a": 1.0}, {"b": 1.0, "src:team": 1.0}, {"c": 1.0}],
        [1, 0, 1],
    )
    assert ts.training_set(cached, origins, [0, 1, 2], "cs_train only") == ([{"a": 1.0}], [1])
    assert [ts._scopes(o) for o in origins] == [(0, 1, 3), (1,), (1, 2, 3)]
