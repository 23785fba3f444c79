"""scripts/train_steps.py: how --cv --by-set holds meetings out (cs_train in folds, each
data/train set whole) and which sets count as cs_train-like."""

from __future__ import annotations

import pytest

pytest.importorskip("sklearn")
import train_steps as ts  # noqa: E402

NAMES = [f"t{i}_call.txt" for i in range(12)] + [
    f"{s}_{i:02d}_call.txt" for s in ("xa", "xn", "xp") for i in range(3)
]
ORIGINS = [ts.CS] * 12 + [ts.TEAM_SET] * 3 + [ts.CS_LIKE] * 6


def test_by_set_holds_cs_train_out_in_folds_and_each_set_whole() -> None:
    meetings = [(name, None, {}) for name in NAMES]
    folds = ts._folds(meetings, ORIGINS, ts.SEED, by_set=True)  # type: ignore[arg-type]
    assert sorted(i for fold in folds for i in fold) == list(range(len(NAMES)))
    cs_folds, set_folds = folds[: ts.FOLDS], folds[ts.FOLDS :]
    assert all(ORIGINS[i] == ts.CS for fold in cs_folds for i in fold)
    assert [{NAMES[i][:2] for i in fold} for fold in set_folds] == [{"xa"}, {"xn"}, {"xp"}]
    assert [len(fold) for fold in set_folds] == [3, 3, 3]


def test_shuffled_folds_mix_every_source() -> None:
    meetings = [(name, None, {}) for name in NAMES]
    folds = ts._folds(meetings, ORIGINS, ts.SEED, by_set=False)  # type: ignore[arg-type]
    assert len(folds) == ts.FOLDS
    assert sorted(i for fold in folds for i in fold) == list(range(len(NAMES)))


def test_the_sets_written_to_imitate_cs_train_are_never_marked() -> None:
    cs_like = (
        "xg",
        "xh",
        "xi",
        "xj",
        "xk",
        "xl",
        "xm",
        "xn",
        "xo",
        "xp",
        "xq",
        "xr",
        "xs",
        "xt",
        "xu",
        "xv",
        "xw",
        "xx",
        "xy",
        "xz",
        "ya",
        "yb",
        "yc",
        "yd",
        "ye",
        "yf",
        "yg",
    )
    assert cs_like == ts.CS_LIKE_SETS
    assert set(ts.CS_LIKE_SETS) <= set(ts.OWN_SETS)
    assert ts._origin(1, "xn_01_call.txt") == ts.CS_LIKE
    assert ts._origin(1, "xc_01_call.txt") == ts.TEAM_SET
    assert ts._origin(0, "t1_01_call.txt") == ts.CS
