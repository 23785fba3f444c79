"""scripts/train_goals.py: which folders it reads, how other folders' meetings are marked in
training, and how a variant is chosen for each head."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import CS_DEV, CS_TRAIN, REPO

from milepost.pipeline.extract.claims import Claim

pytest.importorskip("sklearn")
import train_goals as tg  # noqa: E402


def test_reads_cs_train_and_data_train_by_default_and_refuses_cs_dev(tmp_path) -> None:  # type: ignore[no-untyped-def]
    own = REPO / "data" / "train"
    assert tg.folders([]) == [CS_TRAIN, *([own] if any(own.glob("*.labels.json")) else [])]
    assert tg.folders([str(CS_TRAIN), str(tmp_path)]) == [CS_TRAIN, tmp_path]
    with pytest.raises(SystemExit, match="cs_dev"):
        tg.folders([str(CS_TRAIN), str(CS_DEV)])


@pytest.mark.parametrize(
    ("variant", "marked"),
    [
        ("cs_train only", {"has_want": 1.0}),
        ("union", {"has_want": 1.0}),
        ("union+bias", {"has_want": 1.0, "src:team": 1.0}),
        ("union+crossed", {"has_want": 1.0, "src:team": 1.0, "src:team*has_want": 1.0}),
    ],
)
def test_a_team_sentence_is_marked_as_the_variant_says(variant: str, marked: dict) -> None:
    assert tg.mark({"has_want": 1.0}, variant) == marked


def _data() -> tuple:  # type: ignore[type-arg]
    ours = Claim(0, "We want fewer calls.", "A", "customer", features={"has_want": 1.0})
    theirs = Claim(0, "We need fewer calls.", "B", "customer", features={"has_want": 1.0})
    rows = [([ours], {"goals": []}), ([theirs], {"goals": []})]
    return tg.Data([None, None], rows, [0, 1]), rows  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("variant", "features"),
    [
        ("cs_train only", [{"has_want": 1.0}]),
        ("union", [{"has_want": 1.0}, {"has_want": 1.0}]),
        ("union+bias", [{"has_want": 1.0}, {"has_want": 1.0, "src:team": 1.0}]),
    ],
)
def test_only_the_other_folders_meetings_are_left_out_or_marked(variant: str, features) -> None:  # type: ignore[no-untyped-def]
    data, rows = _data()
    kept = tg.training_rows(data, rows, [0, 1], variant)
    assert [c.features for cs, _ in kept for c in cs] == features
    assert rows[1][0][0].features == {"has_want": 1.0}  # the cached claim is not changed


def test_the_weighted_variant_trains_on_the_imitating_sets_lightly_and_marked() -> None:
    said = {"has_want": 1.0}
    files = ["t1.txt", "xa_01.txt", "xg_01.txt"]  # cs_train, an older set, an imitating set
    claim = Claim(0, "We want fewer calls.", "A", "customer", features=said)
    rows = [([claim], {"file": f}) for f in files]
    data = tg.Data([None] * 3, rows, [0, 1, 1])  # type: ignore[list-item]
    kept = tg.training_rows(data, data.rows, [0, 1, 2], tg.WEIGHTED)
    assert [c.features for cs, _ in kept for c in cs] == [said, {**said, "src:team": 1.0}]
    assert tg.training_weights(data, [0, 1, 2], tg.WEIGHTED) == [1.0, tg.TEAM_WEIGHT]
    assert tg.training_weights(data, [2], tg.WEIGHTED) == [tg.TEAM_WEIGHT]
    assert tg.training_weights(data, [0, 1, 2], "union+bias") is None  # fitted densely
    assert tg.names_of(data, "goal", tg.WEIGHTED) == ["has_want", "src:team"]


def test_a_weighted_fit_is_the_dense_fit_with_those_sample_weights() -> None:
    from sklearn.linear_model import LogisticRegression

    said = "We want fewer calls."

    def row(text: str, want: float, team: float) -> tuple:  # type: ignore[type-arg]
        features = {"has_want": want, "short": 1.0, **({"src:team": 1.0} if team else {})}
        goals = [{"evidence": said}] if text == said and not team else []
        return [Claim(0, text, "A", "customer", features=features)], {"goals": goals}

    rows = [row(said, 1, 0), row("Fewer tickets.", 0, 0), row(said, 1, 1)]
    names = ["has_want", "short", "src:team"]
    model = tg.fit(rows, names, "goals", 1.0, [1.0, 1.0, 0.5])
    x, y = tg.matrix(rows, names, "goals")
    assert y.tolist() == [1, 0, 0]  # the team's want is labelled no goal
    dense = LogisticRegression(C=1.0, max_iter=2000, random_state=tg.SEED)
    dense.fit(x, y, sample_weight=[1, 1, 0.5])
    assert model.coef_[0] == pytest.approx(dense.coef_[0], abs=1e-4)
    unweighted = tg.fit(rows, names, "goals", 1.0)
    assert abs(unweighted.coef_[0][2] - model.coef_[0][2]) > 1e-3  # the weight counts


def test_a_finders_goal_head_is_fitted_as_the_variant_trains_it() -> None:
    said = "We want fewer calls."

    def meeting(file: str, text: str, goal: bool) -> tuple:  # type: ignore[type-arg]
        features = {"has_want": 1.0, "short": float(len(text) < 15)}
        claim = Claim(0, text, "A", "customer", fired={"want"}, features=features)
        return [claim], {"file": file, "goals": [{"evidence": text}] if goal else []}

    ours = [meeting("t1.txt", said, True), meeting("t2.txt", "Fewer calls.", False)]
    older = [meeting("xa_01.txt", said, False)] * 3  # no goal there: a lower want weight
    imitating = [meeting("xg_01.txt", said, False)] * 3
    for variant in tg.GOAL_VARIANTS:
        with_older = tg.goal_head(ours + older, [False] * 2 + [True] * 3, variant, 1.0)
        alone = tg.goal_head(ours, [False, False], variant, 1.0)
        assert (with_older == alone) == (variant in ("cs_train only", tg.WEIGHTED))
    light = tg.goal_head(ours + imitating, [False] * 2 + [True] * 3, tg.WEIGHTED, 1.0)
    full = tg.goal_head(ours + imitating, [False] * 2 + [True] * 3, "union+bias", 1.0)
    alone = tg.goal_head(ours, [False, False], tg.WEIGHTED, 1.0)
    assert "src:team" not in light["weights"]  # fitted, not shipped
    assert full["weights"] != light["weights"] != alone["weights"]


def test_a_plain_goal_search_counts_cs_trains_goals_alone_as_a_full_one_does(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    counted: list[int] = []

    def counts(meetings, rows, probs, setting):  # type: ignore[no-untyped-def]
        counted.extend(labels["n"] for _, labels in rows)
        return np.array([[labels["n"], 1, setting["threshold"]] for _, labels in rows])

    monkeypatch.setattr(tg, "goal_counts", counts)
    rows = [([], {"n": n, "file": f}) for n, f in enumerate(["t1.txt", "xg_01.txt", "t2.txt"])]
    data = tg.Data([None] * 3, rows, [0, 1, 0])  # type: ignore[list-item]
    full = tg._split_counts(data, "goal", [{}] * 3, (0.1,))
    counted.clear()
    plain = tg._split_counts(data, "goal", [{}] * 3, (0.1,), data.first)
    assert set(counted) == {0, 2}  # the team meeting's goals are not counted
    assert (plain[:, :, [0, 2]] == full[:, :, [0, 2]]).all() and not plain[:, :, 1].any()
    assert full[:, :, 1].any()


def test_source_marks_are_not_shipped() -> None:
    class Fitted:
        coef_ = np.array([[0.5, 2.0, -1.0]])
        intercept_ = np.array([-3.0])

    head = tg.head_of(Fitted(), ["has_want", "src:team", "src:team*has_want"])
    assert head == {"weights": {"has_want": 0.5}, "bias": -3.0}


def _result(variant: str, first: float, rest: float, c: float = 0.3) -> object:
    """A search result whose first-folder and other-folder F1 are the figures given."""
    return tg.Result(
        variant, c, 0.5, None, first, np.array([1, 1, first]), np.array([1, 1, rest]), None
    )


@pytest.mark.parametrize(
    ("union_first", "union_rest", "chosen"),
    [
        (0.836, 0.75, "union"),  # cs_train 0.004 lower, the other meetings higher
        (0.834, 0.75, "cs_train only"),  # cs_train 0.006 lower: rejected
        (0.850, 0.69, "cs_train only"),  # the other meetings no higher
    ],
)
def test_goals_leave_cs_train_only_when_it_costs_cs_train_nothing_and_helps_the_rest(
    union_first: float, union_rest: float, chosen: str
) -> None:
    results = {
        "cs_train only": _result("cs_train only", 0.840, 0.70),
        "union": _result("union", union_first, union_rest),
    }
    assert tg.choose("goal", results) == chosen


def _setting(c: float, threshold: float, floor: float, smoothed: float) -> object:
    return tg.Result("cs_train only", c, threshold, floor, smoothed, None, None, None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("second", "chosen"),
    [
        ((0.3, 0.45, 0.1, 0.8650), (0.3, 0.4, 0.1)),  # a flat top: its lower threshold
        ((0.3, 0.45, 0.1, 0.8700), (0.3, 0.45, 0.1)),  # half a goal better: the best
        ((0.1, 0.6, 0.1, 0.8630), (0.1, 0.6, 0.1)),  # within the tie: the smaller C first
        ((0.3, 0.4, 0.0, 0.8660), (0.3, 0.4, 0.1)),  # no second goal is the last floor
        ((0.3, 0.4, 0.25, 0.8660), (0.3, 0.4, 0.1)),
        ((0.3, 0.35, 0.2, 0.8590), (0.3, 0.4, 0.1)),  # just outside the tie
        ((0.3, 0.35, 0.2, 0.8600), (0.3, 0.35, 0.2)),  # just inside: its lower threshold
    ],
)
def test_a_goal_setting_is_the_recall_end_of_the_settings_tied_with_the_best(
    second: tuple, chosen: tuple
) -> None:
    settings = [_setting(0.3, 0.4, 0.1, 0.8647), _setting(1.0, 0.3, 0.1, 0.8500), _setting(*second)]
    best = tg.plateau_choice(settings)  # type: ignore[arg-type]
    assert (best.c, best.threshold, best.floor) == chosen


def test_outcomes_take_the_simpler_variant_then_the_smaller_c_within_a_tie() -> None:
    results = {
        "cs_train only": _result("cs_train only", 0.80, 0.5),
        "union": _result("union", 0.855, 0.4, c=1.0),
        "union+bias": _result("union+bias", 0.861, 0.6, c=3.0),
    }
    assert tg.choose("outcome", results) == "union"
    results["union"] = _result("union", 0.849, 0.4, c=1.0)
    assert tg.choose("outcome", results) == "union+bias"


def test_each_folders_meetings_are_folded_on_their_own() -> None:
    alone = tg.folds_of([0] * 12, 3)
    assert alone == tg.fold_indexes(12, 3)
    together = tg.folds_of([0] * 12 + [1] * 7, 3)
    assert [[j for j in fold if j < 12] for fold in together] == alone
    assert sorted(j for fold in together for j in fold) == list(range(19))


def test_the_report_reads_parsed_meetings_from_the_cache_when_it_holds_those_folders(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import goals_report

    cache = tmp_path / "parsed.pkl"
    parsed: list = [[("meeting", {"goals": []})]]
    monkeypatch.setattr(tg, "load", lambda path: parsed[0])
    assert goals_report.load([tmp_path], cache) == parsed  # parsed, then kept
    monkeypatch.setattr(tg, "load", lambda path: pytest.fail("parsed again"))
    assert goals_report.load([tmp_path], cache) == parsed
    other = tmp_path / "other"
    monkeypatch.setattr(tg, "load", lambda path: [])
    assert goals_report.load([other], cache) == [[]]  # other folders: parsed again


def test_the_report_tallies_goals_as_eval_scores_them() -> None:
    import goals_report

    from milepost.models import Goal

    said = "I want onboarding under ten days by Q3."
    found = [
        Goal(
            text=said,
            category="save_time",
            evidence=said,
            agreed=True,
            metric="under ten days",
            confidence=0.9,
        ),
        Goal(text="x", category="other", evidence="Let's look at the dashboard.", confidence=0.5),
    ]
    labels = {"goals": [{"evidence": said}], "has_agreed_goal": True}
    assert goals_report.tally(found, labels).tolist() == [2, 1, 1, 1]
    assert goals_report.tally([], labels).tolist() == [0, 1, 0, 0]


def test_the_report_lists_data_train_per_set(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import goals_report
    from training_sets import OWN_TRAIN

    def labelled(*files: str) -> list:
        return [("meeting", {"file": f}) for f in files]

    parsed = [labelled("t1.txt", "t2.txt"), labelled("xa_01.txt", "xg_01.txt", "xa_02.srt")]
    names = [(n, m.tolist()) for n, m in goals_report.by_set([tmp_path, OWN_TRAIN], parsed)]
    assert names == [(tmp_path.name, [0, 1]), ("xa", [2, 4]), ("xg", [3])]


@pytest.mark.parametrize("weight", [0.0, 0.5])
def test_each_meeting_is_scored_by_a_head_that_never_saw_its_set(monkeypatch, weight) -> None:  # type: ignore[no-untyped-def]
    import goals_sets

    data = goals_sets.Sets.__new__(goals_sets.Sets)
    data.sets = ["cs_train"] * 10 + ["xa"] * 3 + ["xg"] * 3 + ["xk"] * 3
    data.rows = [([], {})] * len(data.sets)
    monkeypatch.setattr(goals_sets, "fit", lambda d, train, w, c, b: {"train": tuple(train)})
    heads = goals_sets.heads(data, weight, 0.3, 1, False)
    for j, head in enumerate(heads):
        seen = {data.sets[k] for k in head["train"]}
        assert j not in head["train"] and seen <= {"cs_train", "xg", "xk"}
        held_out = {data.sets[j]} & {"xg", "xk"}  # an imitating set is held out whole
        assert seen == ({"cs_train", "xg", "xk"} - held_out if weight else {"cs_train"})


def test_a_set_held_out_whole_is_fitted_and_counted_once_over_fold_assignments(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import goals_sets

    data = goals_sets.Sets.__new__(goals_sets.Sets)
    data.sets = ["cs_train"] * 10 + ["xg"] * 2
    data.rows = [([], {"goals": []})] * len(data.sets)
    data.meetings = [None] * len(data.sets)
    fitted: list[tuple] = []  # type: ignore[type-arg]
    monkeypatch.setattr(
        goals_sets,
        "fit",
        lambda d, train, w, c, b: (
            fitted.append(tuple(train)) or {"weights": {}, "bias": 0.0, "n": len(fitted)}
        ),
    )
    grouped: list[int] = []
    monkeypatch.setattr(goals_sets.goals, "goal_groups", lambda *a: grouped.append(1) or [])
    per_split = [goals_sets.heads(data, 0.1, 0.3, s, True) for s in (0, 1)]
    tallies = [goals_sets.counts(data, heads) for heads in per_split]
    assert len(fitted) == len(set(fitted))  # nothing fitted twice: 5 cs folds per split
    assert tuple(range(10)) in fitted  # xg held out whole (cs_train alone), under split 0 only
    assert per_split[0][10] is per_split[1][10]
    pairs = {(j, head["n"]) for heads in per_split for j, head in enumerate(heads)}
    settings = len(goals_sets.FLOORS) * len(goals_sets.THRESHOLDS)
    assert len(grouped) == len(pairs) * settings < 24 * settings  # xg's meetings counted once
    assert (tallies[0][:, :, 10:] == tallies[1][:, :, 10:]).all()


def test_a_sets_head_weights_and_marks_the_imitating_sets_as_a_dense_fit_would() -> None:
    from goals_sets import Sets, fit
    from sklearn.linear_model import LogisticRegression

    said = [("We want fewer calls.", 1), ("Fewer calls.", 0), ("We need fewer calls.", 1)]
    data = Sets.__new__(Sets)
    data.sets = ["cs_train", "cs_train", "xg"]
    data.rows = []
    for text, want in said:
        claim = Claim(0, text, "A", "customer", features={"has_want": float(want), "short": 1.0})
        data.rows.append(([claim], {"goals": []}))
    data.candidates = data.rows
    data.positives = [[True], [False], [False]]  # the team's want is labelled no goal
    head = fit(data, [0, 1, 2], 0.5, 1.0, True)
    x = np.array([[1, 1, 0], [0, 1, 0], [1, 1, 1]])  # has_want, short, src:team
    dense = LogisticRegression(C=1.0, max_iter=3000, random_state=tg.SEED)
    dense.fit(x, [1, 0, 0], sample_weight=[1, 1, 0.5])
    assert head["weights"] == pytest.approx(
        {"has_want": dense.coef_[0][0], "short": dense.coef_[0][1]}, abs=1e-3
    )  # the team's marker is fitted, and not shipped
    assert head["bias"] == pytest.approx(dense.intercept_[0], abs=1e-3)


def test_a_sets_pick_is_the_recall_end_of_cs_trains_flat_top_scored_per_group() -> None:
    from goals_sets import FLOORS, THRESHOLDS, Sets, pick, summary

    data = Sets.__new__(Sets)
    data.sets = ["cs_train", "cs_train", "xz", "xa"]
    flat = np.zeros((len(FLOORS), len(THRESHOLDS), 4, 3))
    flat[:, :, :2] = (1, 1, 1)  # cs_train: F1 1 at every setting
    flat[:, :, 2] = (2, 2, 1)  # xz: 0.5
    flat[:, :, 3] = (1, 2, 1)  # xa: 2/3
    rising = flat.copy()
    rising[:, :2, 0] = (3, 1, 1)  # the smaller C: cs_train's F1 lower at the first two thresholds
    c, floor, t = pick(data, {0.3: flat, 0.1: rising})
    assert (c, floor, t) == (0.1, FLOORS[0], THRESHOLDS[3])  # smoothed 1 from the fourth on
    assert pick(data, {0.3: flat}) == (0.3, FLOORS[0], THRESHOLDS[0])
    said = summary(data, flat[0, 0])
    assert said.startswith("cs_train 1.000 | groups' mean 0.1296 | yf 0.000 yg 0.000 |")
    assert "xa-xf 0.667" in said and "xz-yb 0.500" in said


def test_the_outcome_report_scores_named_meetings_rewritten_as_unnamed_captions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    import outcomes_report

    named = (
        "Ana: How were errors in April?\nBen: We had three. Last year it was nine.\nAna: Great.\n"
    )
    (tmp_path / "a.txt").write_text(named, encoding="utf-8")
    (tmp_path / "b.txt").write_text("how were errors. we had three.\n", encoding="utf-8")
    for stem in ("a", "b"):
        labels = {"file": f"{stem}.txt", "date": "2026-03-03", "verified_outcomes": []}
        (tmp_path / f"{stem}.labels.json").write_text(json.dumps(labels), encoding="utf-8")
    cache = tmp_path / "srt.pkl"
    [[(meeting, labels)]] = outcomes_report.rewritten([tmp_path], "srt", cache)
    assert labels["file"] == "a.txt"  # b names nobody: nothing to take away
    assert meeting.transcript.input_format == "srt"
    assert [t.speaker for t in meeting.transcript.turns] == [None] * 4  # a cue a sentence
    assert outcomes_report.rewritten([tmp_path], "srt", cache)[0][0][1] == labels  # cached


def test_an_outcome_setting_scores_cs_train_and_the_imitating_sets_alike() -> None:
    files = ["t1.txt", "xa_01.txt", "xg_01.txt", "xy_02.txt"]
    rows = [([], {"file": f}) for f in files]
    data = tg.Data([None] * 4, rows, [0, 1, 1, 1])  # type: ignore[list-item]
    assert data.imitating.tolist() == [False, False, True, True]  # xa is not written as cs_train
    counts = np.zeros((len(tg.THRESHOLDS), 4, 3))
    counts[:, 0] = (2, 2, 2)  # cs_train: F1 1 at every threshold
    counts[:, 1] = (5, 5, 0)  # xa: never counted
    counts[:, 2] = (1, 1, 0)  # xg, xy together: F1 0.5 at the first threshold, 0 after
    counts[0, 3] = (1, 1, 1)
    first, second = tg._outcome_settings(data, "cs_train only", 0.3, counts)[:2]
    assert first.first_smoothed == second.first_smoothed == 1.0
    assert first.smoothed == (1.0 + (0.5 + 0.0) / 2) / 2  # its neighbour's F1 averaged in
    assert second.smoothed == (1.0 + 0.5 / 3) / 2
    assert first.imitating.tolist() == [2, 2, 1] and second.imitating.tolist() == [1, 1, 0]


def test_an_outcome_setting_finds_none_in_a_meeting_held_before_any_result(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from milepost.models import VerifiedOutcome

    said = "Since go-live our onboarding went from three weeks to four days."
    told = VerifiedOutcome(category="save_time", evidence=said, confidence=0.9)
    monkeypatch.setattr(tg.outcomes, "from_claims", lambda *a: [told])
    rows = [([], {"verified_outcomes": [{"evidence": said}]})] * 2
    data = tg.Data([None, None], rows, [0, 0])  # type: ignore[list-item]
    data.__dict__["before_results"] = [True, False]  # a kickoff, then a review
    data.__dict__["readings"] = [None, None]
    assert tg.outcome_counts(data, [{}, {}], 0.5).tolist() == [[0, 1, 0], [1, 1, 1]]
