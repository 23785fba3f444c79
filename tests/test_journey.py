"""The journey map: the packaged default, a company's own file, and validation errors."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import GUIDE_STAGES

from milepost.models import StageCall
from milepost.pipeline.errors import ConfigError
from milepost.pipeline.extract.stage import WEAK_STAGE, questions_for
from milepost.pipeline.journey import load_journey

OWN_MAP = """\
name: acme
stages:
  - id: trial
    name: Trial
    description: Trying it out.
    cues: [free trial, sandbox]
    questions: ["What would make the trial a success?"]
  - id: paid
    name: Paid
    description: Paying customer.
    cues: [invoice]
"""


def test_default_map_has_the_guide_stages_in_order() -> None:
    journey = load_journey()
    assert [s.id for s in journey.stages] == GUIDE_STAGES
    for stage in journey.stages:
        assert stage.cues and stage.questions
        assert stage.vendor_actions and stage.customer_actions


def test_default_actions_read_under_we_and_they() -> None:
    """The brief lists them under "We:" and "They:": the customer is "they", never "you"."""
    second_person = re.compile(r"\b(?:you|your|yours)\b", re.I)
    for stage in load_journey().stages:
        for action in stage.vendor_actions + stage.customer_actions:
            assert not second_person.search(action), (stage.id, action)


def test_own_map_loads(tmp_path: Path) -> None:
    path = tmp_path / "journey.yaml"
    path.write_text(OWN_MAP)
    journey = load_journey(path)
    assert [s.id for s in journey.stages] == ["trial", "paid"]
    assert journey.next_after("trial").id == "paid"  # type: ignore[union-attr]


def test_typo_in_a_field_is_a_config_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "journey.yaml"
    path.write_text(OWN_MAP.replace("    cues: [invoice]", "    cuse: [invoice]"))
    with pytest.raises(ConfigError) as err:
        load_journey(path)
    assert str(err.value) == f"{path}: unknown field 'stages.1.cuse'"


def test_duplicate_ids_and_bad_yaml_are_config_errors(tmp_path: Path) -> None:
    path = tmp_path / "journey.yaml"
    path.write_text(OWN_MAP.replace("id: paid", "id: trial"))
    with pytest.raises(ConfigError, match="duplicate stage ids: trial"):
        load_journey(path)
    path.write_text("name: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_journey(path)
    with pytest.raises(ConfigError, match="cannot read journey map"):
        load_journey(tmp_path / "missing.yaml")


def test_questions_for_a_stage_come_from_the_map(tmp_path: Path) -> None:
    default = load_journey()
    renewal = StageCall(id="renewal", confidence=0.8)
    assert questions_for(renewal) == default.get("renewal").questions  # type: ignore[union-attr]
    assert questions_for(None) == default.stages[0].questions
    path = tmp_path / "journey.yaml"
    path.write_text(OWN_MAP)
    own = load_journey(path)
    trial = StageCall(id="trial", confidence=0.5)
    assert questions_for(trial, own) == ["What would make the trial a success?"]


def test_a_guessed_stage_asks_the_opening_discovery_questions() -> None:
    """Under WEAK_STAGE the stage is a guess: its own questions could be far off (an internal
    call guessed as advocacy), so the first stage's discovery questions are asked instead."""
    default = load_journey()
    guessed = StageCall(id="advocacy", confidence=WEAK_STAGE - 0.07)
    assert questions_for(guessed) == default.stages[0].questions
    assert questions_for(guessed) != default.get("advocacy").questions  # type: ignore[union-attr]
    held = StageCall(id="advocacy", confidence=WEAK_STAGE)
    assert questions_for(held) == default.get("advocacy").questions  # type: ignore[union-attr]


def test_env_var_names_the_map_used_when_no_path_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "journey.yaml"
    path.write_text(OWN_MAP)
    monkeypatch.setenv("MILEPOST_JOURNEY", str(path))
    assert [s.id for s in load_journey().stages] == ["trial", "paid"]
    assert questions_for(None) == ["What would make the trial a success?"]
    assert [s.id for s in load_journey(tmp_path / "journey.yaml").stages] == ["trial", "paid"]
    monkeypatch.setenv("MILEPOST_JOURNEY", "")
    assert [s.id for s in load_journey().stages] == GUIDE_STAGES


def test_env_var_map_with_a_typo_is_a_config_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(OWN_MAP.replace("    cues: [invoice]", "    cuse: [invoice]"))
    monkeypatch.setenv("MILEPOST_JOURNEY", str(path))
    with pytest.raises(ConfigError) as err:
        load_journey()
    assert str(err.value) == f"{path}: unknown field 'stages.1.cuse'"
    monkeypatch.setenv("MILEPOST_JOURNEY", str(tmp_path / "missing.yaml"))
    with pytest.raises(ConfigError, match="missing.yaml: cannot read journey map"):
        load_journey()


def test_env_var_map_is_reread_after_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "journey.yaml"
    path.write_text(OWN_MAP)
    monkeypatch.setenv("MILEPOST_JOURNEY", str(path))
    assert load_journey().name == "acme"
    path.write_text(OWN_MAP.replace("name: acme", "name: acme2"))
    os.utime(path, (1, 1))
    assert load_journey().name == "acme2"


@pytest.mark.parametrize(
    ("said", "stage_id"),
    [
        # a role, the customer's own books or clients: not user accounts being set up
        ("I'm the account manager for your region.", None),
        ("Our accounting team closes the books on the fifth for our biggest accounts.", None),
        ("I'll create accounts for your front-desk staff this week.", "onboarding"),
        ("Are the staff accounts ready for Monday?", "onboarding"),
        # a product area or the customer's own business called renewals: not the renewal stage
        ("The renewals module would take the renewal paperwork off my agents.", None),
        ("Our lease renewal rate dipped, so the renewal letters matter to us.", None),
        ("Our renewal is coming up in June, so let's talk terms.", "renewal"),
    ],
)
def test_default_cues_mean_the_stage_not_the_word(
    analyzer, said: str, stage_id: str | None
) -> None:  # type: ignore[no-untyped-def]
    """'accounts' is not 'account manager'; a 'renewals module' is not the renewal stage."""
    from dialogue import CUSTOMER, meeting

    from milepost.pipeline.extract import stage

    call = stage.detect(meeting(analyzer, [(CUSTOMER, said)]))
    assert (call.id if call else None) == stage_id


@pytest.mark.parametrize("cue", ["'{new|another site'", "'new|another} site'", "'{{new}}'"])
def test_unbalanced_choice_braces_in_a_cue_are_a_config_error(tmp_path: Path, cue: str) -> None:
    path = tmp_path / "journey.yaml"
    path.write_text(OWN_MAP.replace("cues: [invoice]", f"cues: [invoice, {cue}]"))
    with pytest.raises(ConfigError) as err:
        load_journey(path)
    assert str(err.value) == (
        f"{path}: stages.1.cues: unbalanced choice braces in {cue.strip(chr(39))!r}"
    )
    path.write_text(OWN_MAP.replace("cues: [invoice]", "cues: [invoice, '{new|another} site']"))
    assert load_journey(path).stages[1].cues == ["invoice", "{new|another} site"]


def test_before_results_must_be_a_yes_or_no(tmp_path: Path) -> None:
    path = tmp_path / "journey.yaml"
    path.write_text(
        OWN_MAP.replace("    cues: [invoice]", "    cues: [invoice]\n    before_results: maybe")
    )
    with pytest.raises(ConfigError, match="stages.1.before_results"):
        load_journey(path)
    path.write_text(
        OWN_MAP.replace("    cues: [invoice]", "    cues: [invoice]\n    before_result: true")
    )
    with pytest.raises(ConfigError, match="unknown field 'stages.1.before_result'"):
        load_journey(path)
