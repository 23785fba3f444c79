"""Agreement on a goal: each way both sides accept one, and each way a goal is left unagreed."""

from __future__ import annotations

import importlib
import json
import re

import numpy as np
import pytest
import yaml
from conftest import CS_DEV, CS_TRAIN, REPO
from dialogue import CUSTOMER, VENDOR, meeting

from milepost.pipeline.cli import cli
from milepost.pipeline.extract import agreement, goals
from milepost.pipeline.extract import claims as cl

COLLEAGUE = "Mia Chen"  # on the customer's side
GOAL = "I want audit prep down to two days by June."


def _agreed(analyzer, lines: list[tuple[str, str]], goal: str = GOAL, roster: bool = True) -> bool:  # type: ignore[no-untyped-def]
    """agreement.agreed for the goal stated by the sentences that begin with `goal`."""
    m = meeting(analyzer, lines, roster=roster)
    group = [c for c in cl.claims(m) if c.text.startswith(goal)]
    assert group, goal
    return agreement.agreed(m, group)


AGREED = {
    "yes, exactly": [(CUSTOMER, GOAL), (VENDOR, "Yes, exactly. Let's make that the plan.")],
    "that's the one": [(CUSTOMER, GOAL), (VENDOR, "That's the one we'll report on.")],
    "agreed, in a turn with other talk": [
        (CUSTOMER, GOAL),
        (VENDOR, "Agreed, and that's squarely what the audit log is for. We'll set it up first."),
    ],
    "said back, then confirmed": [
        (CUSTOMER, GOAL),
        (VENDOR, "So, audit prep at two days by June. Is that the number?"),
        (CUSTOMER, "Yes."),
    ],
    "the other side takes the numbers on": [
        (CUSTOMER, GOAL),
        (VENDOR, "Two days by June. That's the bar we'll work to."),
    ],
    "taken up after other talk": [
        (CUSTOMER, GOAL),
        (VENDOR, "Let me pull up the audit module."),
        (CUSTOMER, "Sure."),
        (VENDOR, "Going back to your number, two days by June, I can live with that."),
    ],
    "set jointly": [
        (VENDOR, "The goal we agreed on in June was audit prep down to two days by June."),
        (CUSTOMER, "Right, and we're close."),
    ],
    "affirmed without apostrophes, as transcribers write it": [
        (CUSTOMER, GOAL),
        (VENDOR, "thats the number, lets build the plan around it."),
    ],
    "said back, asked about, then confirmed": [
        (CUSTOMER, GOAL),
        (VENDOR, "So audit prep at two days by June."),
        (COLLEAGUE, "Hang on, is that every site, or on average?"),
        (CUSTOMER, "On average."),
        (COLLEAGUE, "Then yes, I can live with that."),
    ],
    "said back and confirmed by echoing the question's verb": [
        (CUSTOMER, GOAL),
        (VENDOR, "So audit prep at two days by June. Does that work as the number we track?"),
        (CUSTOMER, "It does."),
    ],
    "asked to say it again so it is written down right, then affirmed": [
        (CUSTOMER, GOAL),
        (VENDOR, "Say it once more so I write it down right?"),
        (CUSTOMER, "Two days by June."),
        (VENDOR, "Two days by June. Agreed, let's write it down."),
    ],
    "said back and confirmed as still the bar": [
        (CUSTOMER, GOAL),
        (VENDOR, "So audit prep at two days by June, that's still the bar?"),
        (CUSTOMER, "Still the bar."),
    ],
    "recalled as agreed together, in the sentence after it": [
        (
            CUSTOMER,
            "So the goal was audit prep down to two days by June."
            " That was the one we agreed with you in March.",
        ),
        (VENDOR, "Yes, that was the second one."),
    ],
    "recalled as set together, in the sentence before it": [
        (
            VENDOR,
            "Back in March we set two goals. The first was audit prep down to two days by June.",
        ),
        (CUSTOMER, "Right. Let's see how it went."),
    ],
    "recalled as signed up to together, in its own sentence": [
        (
            VENDOR,
            "When we started, the goal we all signed up to was audit prep at two days by June.",
        ),
        (CUSTOMER, "Right. Let's see how it went."),
    ],
    "taken on with the goal first and an intensifier": [
        (CUSTOMER, GOAL),
        (VENDOR, "That one we'll absolutely stand behind. The audit log does most of it."),
    ],
    "taken on with the goal first": [(CUSTOMER, GOAL), (VENDOR, "That we can do.")],
    "affirmed, then something else named taken out": [
        (CUSTOMER, GOAL),
        (VENDOR, "Yes, exactly, two days by June."),
        *[(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4,
        (VENDOR, "You can take the logo out of the audit prep report, it prints on every page."),
    ],
}


STATED = ("The goal we agreed on", "So the goal was", "The first was", "When we started")
"""How the goal's own sentence begins in the AGREED cases that do not open with GOAL."""


@pytest.mark.parametrize("case", list(AGREED))
def test_each_form_of_agreement_is_agreed(analyzer, case: str) -> None:  # type: ignore[no-untyped-def]
    lines = AGREED[case]
    goal = GOAL if lines[0][1] == GOAL else next(g for g in STATED if g in lines[0][1])
    assert _agreed(analyzer, lines, goal) is True


def test_a_proposal_the_customer_takes_up_is_agreed(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "What if we aimed for thirty percent fewer tickets by June?"),
        (CUSTOMER, "Thirty percent by June, I can live with that."),
    ]
    assert _agreed(analyzer, lines, "What if we aimed") is True


NOT_AGREED = {
    "said once, never taken up": [
        (CUSTOMER, GOAL),
        (VENDOR, "Okay. Let's look at the training schedule next."),
    ],
    "a backchannel": [(CUSTOMER, GOAL), (VENDOR, "Mhmm."), (VENDOR, "So, the SSO settings.")],
    "politeness with no commitment": [
        (CUSTOMER, GOAL),
        (VENDOR, "Sure, makes sense. Can you send me the export by Friday?"),
    ],
    "a yes to something else": [
        (CUSTOMER, GOAL),
        (VENDOR, "Yeah. And who owns the user list on your side?"),
    ],
    "contested after an affirmation": [
        (CUSTOMER, GOAL),
        (VENDOR, "Yes, exactly."),
        (COLLEAGUE, "Honestly, I'm not sure we can hit that with the team we have."),
    ],
    "refused by the other side": [
        (CUSTOMER, GOAL),
        (VENDOR, "I'll be straight with you, we can't get to two days, it's more like five."),
    ],
    "parked": [(CUSTOMER, GOAL), (VENDOR, "Let's park that for now, that's phase two.")],
    "asked about, not affirmed": [
        (CUSTOMER, GOAL),
        (VENDOR, "So that's the target? Tell me more about how the audit runs today."),
    ],
    "doubted with its figure named": [
        (CUSTOMER, GOAL),
        (VENDOR, "Two days by June. I don't think two days is realistic with the audit log."),
        (CUSTOMER, "Two days is what I need."),
    ],
    "called a stretch": [
        (CUSTOMER, GOAL),
        (VENDOR, "Honestly, two days is a stretch for June."),
        (CUSTOMER, "Two days is what I need."),
    ],
    "affirmed, then scratched as a target right after someone names it": [
        (CUSTOMER, GOAL),
        (VENDOR, "Agreed, two days by June."),
        *[(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4,
        (COLLEAGUE, "If we promise two days by June and the auditors change the rules, we miss."),
        (CUSTOMER, "Fair. Scratch that as a target, then."),
    ],
    "affirmed, then taken back": [
        (CUSTOMER, GOAL),
        (VENDOR, "Yes, exactly."),
        (COLLEAGUE, "Hold on, let's not commit to a date until the budget is set."),
    ],
    "affirmed, then taken off the plan much later": [
        (CUSTOMER, GOAL),
        (VENDOR, "Agreed, two days by June."),
        *[(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4,
        (CUSTOMER, "Actually, take the two days by June off the plan until we renew."),
    ],
    "the other side naming its own target": [
        (CUSTOMER, GOAL),
        (
            VENDOR,
            "Full honesty, we want two hundred seats in your org this year, that's my target.",
        ),
    ],
    "affirmed only by a colleague on the same side": [
        (CUSTOMER, GOAL),
        (COLLEAGUE, "Yes, exactly."),
        (VENDOR, "Let's look at the training schedule next."),
    ],
    "said back, answered with the question's verb and more": [
        (CUSTOMER, GOAL),
        (VENDOR, "So audit prep at two days by June. Does that work as the number we track?"),
        (CUSTOMER, "It does take a while to get there, so I can't say yet."),
    ],
    "the other side only asks for it again so it is written down right": [
        (CUSTOMER, GOAL),
        (VENDOR, "Good. Say it once more in your own words, so I write it down right."),
        (CUSTOMER, "Sure."),
        (VENDOR, "Let's look at the training schedule next."),
    ],
    "answered with what the product does": [
        (CUSTOMER, GOAL),
        (VENDOR, "That's exactly what the audit module does, it builds the binder for you."),
    ],
    "answered that the product is built for it": [
        (CUSTOMER, GOAL),
        (VENDOR, "We can definitely help with that, the audit log is built for exactly that."),
    ],
    "a question about today that shares its words, then the goal's side goes on": [
        (CUSTOMER, GOAL),
        (VENDOR, "Got it. And how many days does audit prep take today, up to the June audit?"),
        (CUSTOMER, "About six. That's the number I'd want on the wall: two days."),
    ],
    "affirmed, then its figure taken out by one of its words": [
        (CUSTOMER, GOAL),
        (VENDOR, "Yes, exactly, that's the one."),
        (CUSTOMER, "Sure."),
        (COLLEAGUE, "Actually, take the audit number out until the budget is set."),
    ],
    "said back, then held back by a colleague who won't have the side bound to it": [
        (CUSTOMER, GOAL),
        (VENDOR, "So, two days by June."),
        (CUSTOMER, "Yes."),
        (COLLEAGUE, "I don't want us committing to two days by June before the merger."),
    ],
    "a nod, then not signing up to a number yet": [
        (CUSTOMER, GOAL),
        (VENDOR, "Sounds right."),
        (COLLEAGUE, "I'm not signing up to a number on a second call, though."),
    ],
    "a nod with a number put off until later": [
        (CUSTOMER, GOAL),
        (VENDOR, "Sounds right. Let's get the audit log live, then we can talk about a number."),
    ],
    "affirmed, then no figure rather than the wrong one, by name": [
        (CUSTOMER, GOAL),
        (VENDOR, "Agreed, two days by June."),
        *[(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4,
        (COLLEAGUE, "On audit prep, I'd rather have no number than the wrong one."),
    ],
    "a colleague will not have the side on the hook for it": [
        (CUSTOMER, GOAL),
        (VENDOR, "Agreed."),
        (COLLEAGUE, "I don't want us on the hook for two days, that's about the new sites."),
    ],
    "the other side would not want to promise it": [
        (CUSTOMER, GOAL),
        (VENDOR, "Yes, exactly the direction, though I wouldn't want to promise two days."),
    ],
    "affirmed, then parked by name much later": [
        (CUSTOMER, GOAL),
        (VENDOR, "Agreed, two days by June."),
        *[(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4,
        (COLLEAGUE, "Let's park the two days until the merger is done."),
    ],
    "affirmed, then no target for it until later": [
        (CUSTOMER, GOAL),
        (VENDOR, "Agreed, two days by June."),
        *[(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4,
        (COLLEAGUE, "Good. And no audit target until we're live."),
    ],
    "answered that something else fits it exactly": [
        (CUSTOMER, GOAL),
        (VENDOR, "The audit log and the binder export are exactly for that."),
    ],
    "answered that it is exactly what someone else wants": [
        (CUSTOMER, GOAL),
        (VENDOR, "We want all of it, the auditors are exactly who asked for the binder."),
    ],
    "answered that it can surely be tracked beside something else": [
        (CUSTOMER, GOAL),
        (VENDOR, "That's one we can absolutely track alongside the binder count."),
    ],
    "answered by not wanting to set a figure yet": [
        (CUSTOMER, GOAL),
        (VENDOR, "Agreed it matters, but I'd hate to set a number before the new auditors start."),
    ],
    "a nod, then the talk about it put off to a later meeting": [
        (CUSTOMER, GOAL),
        (VENDOR, "Sounds right. Let's talk about that at the kickoff, once we know who runs it."),
    ],
    "affirmed, then its figure taken out much later": [
        (CUSTOMER, GOAL),
        (VENDOR, "Agreed, two days by June."),
        *[(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4,
        (VENDOR, "Okay, I'll take the two days out of the plan, then."),
    ],
}


@pytest.mark.parametrize("case", list(NOT_AGREED))
def test_each_form_of_non_agreement_is_not_agreed(analyzer, case: str) -> None:  # type: ignore[no-untyped-def]
    assert _agreed(analyzer, NOT_AGREED[case]) is False


@pytest.mark.parametrize(
    "reply",
    [
        "Maybe. Let me see the pilot numbers first.",
        "I'd want to see it in the audit log before I sign up to anything.",
        "Let's not write it down yet, I need to check with the board.",
    ],
)
def test_a_proposal_met_with_a_hedge_is_not_agreed(analyzer, reply: str) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "What if we set the target at audit prep down to two days by June?"),
        (CUSTOMER, reply),
    ]
    assert _agreed(analyzer, lines, "What if we set") is False


def test_a_drop_cue_under_a_negation_drops_nothing(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, GOAL),
        (VENDOR, "Yes, exactly, two days by June."),
        *[(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4,
        (VENDOR, "The audit prep report comes to you by email, you don't have to pull it."),
    ]
    assert _agreed(analyzer, lines) is True


def test_a_figure_disowned_as_the_other_sides_is_not_agreed(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "We'd aim for tickets closed in thirty days."),
        (CUSTOMER, "Thirty days is your number, though, not mine."),
        (VENDOR, "Fair, thirty days is our number."),
    ]
    assert _agreed(analyzer, lines, "We'd aim for") is False


@pytest.mark.parametrize("roster", [True, False])
def test_a_hedge_as_the_first_answer_is_not_agreed_whoever_else_says_yes(  # type: ignore[no-untyped-def]
    analyzer, roster: bool
) -> None:
    lines = [
        (VENDOR, "Could we say the target is audit prep down to two days by June?"),
        (CUSTOMER, "Maybe. I'd want to see what the audit log catches first."),
        (COLLEAGUE, "Yeah, I'm with Raj."),
    ]
    assert _agreed(analyzer, lines, "Could we say", roster=roster) is False


def test_a_figure_pulled_much_later_is_not_agreed(analyzer) -> None:  # type: ignore[no-untyped-def]
    goal = "I want member renewals at ninety percent by December."
    lines = [
        (CUSTOMER, goal),
        (VENDOR, "Ninety by December, agreed."),
        *[(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4,
        (CUSTOMER, "The board just raised dues, so take the ninety out for now."),
    ]
    assert _agreed(analyzer, lines, goal) is False


def test_a_figure_said_back_as_not_reached_is_no_read_back(analyzer) -> None:  # type: ignore[no-untyped-def]
    goal = "I wanted renewals at ninety percent."
    lines = [
        (CUSTOMER, goal),
        (VENDOR, "Seventy-two this year. So not ninety."),
        (CUSTOMER, "Not ninety."),
    ]
    assert _agreed(analyzer, lines, goal) is False


def test_a_joint_goal_dropped_later_is_not_agreed(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "Last spring we set the goal of thirty percent deflection with the bot."),
        (CUSTOMER, "Eleven. And I'm dropping that, I don't care about deflection right now."),
    ]
    assert _agreed(analyzer, lines, "Last spring we set the goal") is False


@pytest.mark.parametrize(("reply", "expected"), [("Yes, exactly.", True), ("Mhmm.", False)])
def test_without_a_roster_the_other_speaker_counts(analyzer, reply: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    lines = [(CUSTOMER, GOAL), (VENDOR, reply), (VENDOR, "Let's look at the training schedule.")]
    assert _agreed(analyzer, lines, roster=False) is expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("Yes, that's the goal.", True),
        ("Yes. That's the bar we'll work to.", True),
        ("That's my number.", False),
    ],
)
def test_without_speakers_the_next_sentence_answers_only_when_it_opens_like_a_reply(  # type: ignore[no-untyped-def]
    analyzer, after: str, expected: bool
) -> None:
    paragraph = f"{GOAL} {after} Okay, moving on to training."
    assert _agreed(analyzer, [(None, paragraph)]) is expected  # type: ignore[list-item]


def test_features_name_what_the_other_side_did(analyzer) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, AGREED["said back, then confirmed"])
    group = [c for c in cl.claims(m) if c.text == GOAL]
    assert set(agreement.features(m, group)) == {
        "restate_other",
        "number_echo",
        "restate_confirmed",
    }


def test_decide_the_guides_forms_alone_and_a_contest_overrides_them() -> None:
    model = {"bias": -10.0, "weights": {}, "threshold": 0.5}
    assert agreement.decide({"accept_near": 1.0}, model)
    assert agreement.decide({"joint": 1.0}, model)
    assert agreement.decide({"check_yes": 1.0}, model)
    assert agreement.decide({"accept_restate": 1.0, "accept_far": 1.0}, model)
    assert agreement.decide({"restate_other": 1.0, "restate_confirmed": 1.0}, model)
    assert not agreement.decide({"joint": 1.0, "contest": 1.0}, model)
    assert not agreement.decide({"restate_other": 1.0}, model)
    assert agreement.decide({"restate_other": 1.0}, {**model, "bias": 0.0, "threshold": 0.5})
    taken_back = {"accept_near": 1.0, "contest": 1.0, "withdrawn": 1.0}
    assert not agreement.decide(taken_back, {**model, "bias": 10.0})


@pytest.mark.parametrize(
    "reply",
    ["Yes.", "Yes, that's the right target.", "That goes straight into the success plan."],
)
def test_a_target_put_as_a_question_and_answered_yes_is_agreed(analyzer, reply: str) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "Would audit prep down to two days by June be the right target for you?"),
        (CUSTOMER, reply),
    ]
    assert _agreed(analyzer, lines, "Would audit prep") is True


@pytest.mark.parametrize(
    ("case", "why"),
    [
        ("yes, exactly", 'affirmed by Dana Ruiz: "Yes, exactly."'),
        (
            "said back, then confirmed",
            'said back by Dana Ruiz and confirmed: "So, audit prep at two days by June."',
        ),
        (
            "set jointly",
            "set as a joint goal by Dana Ruiz: "
            '"The goal we agreed on in June was audit prep down to two days by June."',
        ),
        (
            "agreed, in a turn with other talk",
            'affirmed by Dana Ruiz: "Agreed, and that\'s squarely what the audit log is for."',
        ),
    ],
)
def test_why_agreed_names_the_form_who_showed_it_and_their_words(
    analyzer, case: str, why: str
) -> None:  # type: ignore[no-untyped-def]
    lines = AGREED[case]
    goal = GOAL if lines[0][1] == GOAL else "The goal we agreed on"
    m = meeting(analyzer, lines)
    group = [c for c in cl.claims(m) if c.text.startswith(goal)]
    assert agreement.why_agreed(m, group) == why


def test_why_agreed_prefers_the_other_sides_words_to_the_joint_statement(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "The goal we agreed on in June was audit prep down to two days by June."),
        (CUSTOMER, "That's right, that was the deal."),
    ]
    m = meeting(analyzer, lines)
    group = [c for c in cl.claims(m) if c.text.startswith("The goal we agreed on")]
    assert (
        agreement.why_agreed(m, group)
        == 'affirmed by Raj Patel: "That\'s right, that was the deal."'
    )


GOAL_DOCK = "I want to stop people getting hurt on dock three."


def test_a_confirmed_read_back_is_kept_for_the_figure_it_carries(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, GOAL_DOCK),
        (VENDOR, "So, zero recordable injuries on dock three this year."),
        (CUSTOMER, "Yes, that's it."),
    ]
    m = meeting(analyzer, lines)
    group = [c for c in cl.claims(m) if c.text.startswith("I want to stop people")]
    found = agreement.verdict(m, group)
    assert found is not None
    assert found.said_back == "So, zero recordable injuries on dock three this year."
    assert found.why == f'said back by Dana Ruiz and confirmed: "{found.said_back}"'
    assert agreement.verdict(m, [c for c in cl.claims(m) if c.text.startswith("Yes")]) is None
    only_the_want = {"weights": {"has_want": 10.0}, "bias": -5.0, "threshold": 0.5}
    (goal,) = goals.from_claims(m, cl.claims(m), only_the_want)  # the read-back is no goal here
    assert (goal.evidence, goal.deadline) == (GOAL_DOCK, "this year")
    assert goals.has_agreed_goal([goal])


def test_why_agreed_is_none_when_not_agreed_and_names_the_model_when_it_decided(  # type: ignore[no-untyped-def]
    analyzer, monkeypatch
) -> None:
    m = meeting(analyzer, NOT_AGREED["said once, never taken up"])
    group = [c for c in cl.claims(m) if c.text.startswith(GOAL)]
    assert agreement.why_agreed(m, group) is None
    echoed = [(CUSTOMER, GOAL), (VENDOR, "Two days by June is ambitious, the audit log helps.")]
    m = meeting(analyzer, echoed)
    group = [c for c in cl.claims(m) if c.text.startswith(GOAL)]
    with_model = {"bias": 0.0, "weights": {"number_echo": 1.0}, "threshold": 0.5}
    monkeypatch.setattr(agreement, "_model", lambda: with_model)
    assert agreement.why_agreed(m, group) == (
        "weighed by the agreement model (0.73): its figures repeated by Dana Ruiz: "
        '"Two days by June is ambitious, the audit log helps."'
    )


def test_analyze_explain_says_why_the_goal_counts_as_agreed(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    call = tmp_path / "call.txt"
    call.write_text(
        f"{CUSTOMER}: {GOAL}\n{VENDOR}: Yes, exactly. Let's make that the plan.\n"
        f"{CUSTOMER}: Great, thanks.\n"
    )
    args = ["analyze", str(call), "--vendor", VENDOR, "--customer", CUSTOMER]
    result = runner.invoke(cli, [*args, "--explain"], catch_exceptions=False)
    assert result.exit_code == 0
    assert '      agreed: affirmed by Dana Ruiz: "Yes, exactly."\n' in result.output
    data = json.loads(runner.invoke(cli, [*args, "--json"], catch_exceptions=False).output)
    assert data["goals"][0]["agreement"] == 'affirmed by Dana Ruiz: "Yes, exactly."'


def test_why_agreed_without_speakers_names_another_speaker(analyzer) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, [(None, f"{GOAL} Yes, that's the goal. Okay, moving on.")])  # type: ignore[list-item]
    group = [c for c in cl.claims(m) if c.text.startswith(GOAL)]
    assert agreement.why_agreed(m, group) == 'affirmed by another speaker: "Yes, that\'s the goal."'


def test_an_aside_about_another_figure_does_not_contest_the_goal(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, GOAL),
        (VENDOR, "Agreed, two days by June."),
        (COLLEAGUE, "Our turnaround went up forty percent, but I'd check that first."),
        (CUSTOMER, "So let's not put that one in the slide deck."),
    ]
    m = meeting(analyzer, lines)
    group = [c for c in cl.claims(m) if c.text.startswith(GOAL)]
    assert "contest" not in agreement.features(m, group)


def test_a_later_let_us_not_about_something_else_does_not_contest_the_goal(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, GOAL),
        (VENDOR, "Two days by June. That's the bar we'll work to."),
        (CUSTOMER, "Good."),
        (COLLEAGUE, "And for me, fewer late shipments next spring."),
        (VENDOR, "Mm."),
        (CUSTOMER, "Let's not promise spring things in March."),
    ]
    m = meeting(analyzer, lines)
    group = [c for c in cl.claims(m) if c.text.startswith(GOAL)]
    assert "contest" not in agreement.features(m, group)


def test_every_cue_is_one_pattern() -> None:
    """A stray ": " in a YAML entry makes a mapping, not a pattern; every entry must compile."""
    raw = yaml.safe_load(cl.read_data("agreement.yaml"))
    for family, patterns in raw["families"].items():
        for p in patterns:
            assert isinstance(p, str), (family, p)
            re.compile(p)
    assert set(raw["explain"]) >= {"joint", "check_yes", "restate_confirmed", "accept_near"}


def _train_script():  # type: ignore[no-untyped-def]
    pytest.importorskip("sklearn")
    return importlib.import_module("train_agreement")


def test_training_reads_cs_train_then_data_train_and_refuses_cs_dev() -> None:
    script = _train_script()
    assert script.folders([]) == [CS_TRAIN, REPO / "data" / "train"]
    with pytest.raises(SystemExit, match="cs_dev"):
        script.folders([str(CS_TRAIN), str(CS_DEV)])


def test_shipped_model_was_trained_on_training_meetings_only() -> None:
    m = agreement._model()
    assert m["trained_on"][0] == "cs_train" and set(m["trained_on"]) <= {"cs_train", "data/train"}
    assert len(m["meetings"]) == len(m["trained_on"])
    assert 0.0 < m["threshold"] < 1.0
    assert set(m["weights"]) <= set(yaml.safe_load(cl.read_data("agreement.yaml"))["explain"])


@pytest.mark.parametrize("roster", [True, False])
def test_a_read_back_by_the_goals_own_side_is_no_agreement(analyzer, roster: bool) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, GOAL),
        (COLLEAGUE, "So audit prep down to two days by June, is that the one?"),
        (CUSTOMER, "Yep, that's the one."),
    ]
    m = meeting(analyzer, lines, roster=roster)
    m.sides = {CUSTOMER: "customer", COLLEAGUE: "customer"}  # inferred (or given) as one side
    group = [c for c in cl.claims(m) if c.text.startswith(GOAL)]
    assert agreement.agreed(m, group) is False


READ_BACK = "So the target for the plan is two days by June, is that right?"
FILLER = [(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4


@pytest.mark.parametrize(
    ("named", "agreed"),
    [
        # the unit the drop points back at shares only the words that frame any goal
        ("Should we write a second target into the plan, the Leeds site live by September?", True),
        # it names this goal
        ("Should we keep audit prep at two days in the plan?", False),
    ],
)
def test_a_late_drop_pointing_back_drops_the_goal_only_the_unit_before_names(  # type: ignore[no-untyped-def]
    analyzer, named: str, agreed: bool
) -> None:
    lines = [
        (CUSTOMER, GOAL),
        (VENDOR, READ_BACK),
        (CUSTOMER, "Yes, that's the one."),
        *FILLER,
        (VENDOR, named),
        (CUSTOMER, "Let's not write it down today."),
    ]
    m = meeting(analyzer, lines)
    group = [c for c in cl.claims(m) if c.text in (GOAL, READ_BACK)]
    assert len(group) == 2
    assert agreement.agreed(m, group) is agreed


def test_training_keeps_parsed_meetings_in_a_cache_and_recomputes_claims(  # type: ignore[no-untyped-def]
    tmp_path, monkeypatch
) -> None:
    script = _train_script()
    folder = tmp_path / "meetings"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{CUSTOMER}: {GOAL}\n{VENDOR}: Yes, exactly.\n")
    labels = {"file": "a.txt", "date": "2026-03-03", "goals": [], "has_agreed_goal": False}
    (folder / "a.labels.json").write_text(json.dumps(labels))
    cache = tmp_path / "parsed.pkl"
    given, inferred = script.load([folder], cache)
    assert cache.exists() and len(given) == len(inferred) == 1

    def parse(paths):  # type: ignore[no-untyped-def]
        raise AssertionError("parsed again")

    monkeypatch.setattr(script, "_parse", parse)
    monkeypatch.setattr(script.cl, "claims", lambda meeting: ["recomputed"])
    again, _ = script.load([folder], cache)
    assert again[0].found == ["recomputed"]
    assert GOAL in again[0].meeting.transcript.turns[0].text
    with pytest.raises(AssertionError, match="parsed again"):  # other folders: not this cache
        script.load([folder, tmp_path], cache)


@pytest.mark.parametrize(
    ("said", "agreed"),
    [
        # a wish put as a question asks nobody to confirm it
        ("Wouldn't it be great if audit prep took two days by June?", False),
        # a target put as a question does
        ("Would audit prep at two days by June be the right target?", True),
    ],
)
def test_a_wish_put_as_a_question_is_not_confirmed_by_its_echo(  # type: ignore[no-untyped-def]
    analyzer, said: str, agreed: bool
) -> None:
    lines = [(CUSTOMER, said), (VENDOR, "It would.")]
    assert _agreed(analyzer, lines, said) is agreed


@pytest.mark.parametrize(
    ("reply", "agreed"),
    [
        ("Fine by me.", True),
        ("I agree, two days by June.", True),
        ("I'm happy with that.", True),
        ("I can commit to that.", True),
        ("Deal.", True),
        ("That is the one.", True),
        ("Works for us.", True),
        ("Two days by June. I'm happy to be measured on that.", True),
        ("That's fair, and I'm happy to be judged on it.", True),
        # near misses
        ("I'm not going to be measured on that.", False),
        ("I don't think we should be measured on that number.", False),
        ("Not fine by me, not with this team.", False),
        ("I'm not happy with that.", False),
        ("I agree to disagree on the timing.", False),
        ("Deal with the SSO settings first.", False),
        ("I'm in the office on Tuesday.", False),
    ],
)
def test_acceptance_said_plainly_is_agreement(analyzer, reply: str, agreed: bool) -> None:  # type: ignore[no-untyped-def]
    assert _agreed(analyzer, [(CUSTOMER, GOAL), (VENDOR, reply)]) is agreed


@pytest.mark.parametrize(
    ("after", "agreed"),
    [
        ("So two days by June, is that the bar we hold ourselves to. Mm.", False),
        ("So can we hold ourselves to two days by June. Mm.", False),
        ("So two days by June. Yes, let's hold ourselves to that.", True),
    ],
)
def test_a_read_back_whose_question_mark_was_lost_does_not_affirm(  # type: ignore[no-untyped-def]
    analyzer, after: str, agreed: bool
) -> None:
    said = f"{GOAL} It's the big one. {after}"
    assert _agreed(analyzer, [(None, said)]) is agreed  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("Right now it's eleven percent.", False),
        ("Okay. Right after go-live, then.", False),
        ("Right, and we're close.", True),
        ("Yes. Right now it's eleven.", True),
    ],
)
def test_right_as_an_adverb_is_no_yes(text: str, yes: bool) -> None:
    assert agreement.says_yes(text) is yes


FILLER = [(VENDOR, "Next, the SSO settings."), (CUSTOMER, "Sure.")] * 4


@pytest.mark.parametrize(
    "doubt",
    [
        "Two days by June is steep, honestly.",
        "Two days by June? That's optimistic for this team.",
        "I'd be careful promising the auditors two days.",
        "I'd be careful with that one.",
        "I'll be honest, two days by June would be a stretch.",
        "I don't think the audit log alone is going to get you to two days.",
        "Yes, exactly, but I wouldn't tie that number to us.",
        "We wouldn't sign up for two days by June.",
    ],
)
def test_a_figure_called_steep_or_unwise_to_promise_is_contested(analyzer, doubt: str) -> None:  # type: ignore[no-untyped-def]
    lines = [(CUSTOMER, GOAL), (VENDOR, doubt), (CUSTOMER, "I know. That's what I said, though.")]
    assert _agreed(analyzer, lines) is False


def test_a_doubt_about_another_figure_close_by_does_not_contest_the_goal(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, GOAL),
        (VENDOR, "So two days by June. Can we hold ourselves to that?"),
        (CUSTOMER, "Yes. Let's hold ourselves to that."),
        (COLLEAGUE, "And we'd save eighty thousand a year on the old tool."),
        (VENDOR, "I'd be careful with eighty in year one."),
    ]
    assert _agreed(analyzer, lines) is True
    lines[-1] = (VENDOR, "I'd be careful with two days in year one.")
    assert _agreed(analyzer, lines) is False


@pytest.mark.parametrize(
    ("reply", "agreed"),
    [
        # accepted only with a condition still open
        ("Agreed in principle, but let me run it past our delivery lead.", False),
        ("Yes, that sounds right, I just need to check it with our delivery team.", False),
        ("Yes, though I wouldn't lock it in yet.", False),
        ("That's hard to promise with the current auditors.", False),
        # taken on plainly
        ("We're happy to commit to that.", True),
        ("I'd be glad to sign up to that.", True),
    ],
)
def test_an_acceptance_with_a_condition_open_is_no_agreement(  # type: ignore[no-untyped-def]
    analyzer, reply: str, agreed: bool
) -> None:
    assert _agreed(analyzer, [(CUSTOMER, GOAL), (VENDOR, reply)]) is agreed


@pytest.mark.parametrize(
    ("asked", "reply", "agreed"),
    [
        ("Can we hold ourselves to that?", "Yes.", True),
        ("Is that the goal we put in the plan?", "Yes, that's the one.", True),
        # put as "that's ...?", or as a goal held together
        ("That's the target then?", "Yes.", True),
        ("That's the goal we work towards together?", "Yes, exactly.", True),
        ("That's the budget for next year?", "Yes.", False),
        ("Can we hold ourselves to that?", "Mm, let me think about it.", False),
        # a question that names something else, or nothing
        ("Can you send the export by Friday?", "Yes.", False),
        ("And now?", "Now it's five days.", False),
    ],
)
def test_a_yes_to_the_other_sides_request_to_confirm_the_goal_is_agreement(  # type: ignore[no-untyped-def]
    analyzer, asked: str, reply: str, agreed: bool
) -> None:
    assert _agreed(analyzer, [(CUSTOMER, GOAL), (VENDOR, asked), (CUSTOMER, reply)]) is agreed


@pytest.mark.parametrize(
    "later",
    [
        "Let's keep the two days as a stretch, not a commitment.",
        "Can we hold off on the two days until the audit firm is picked?",
        "Let's revisit the two days after the pilot.",
        "Let's say two days is aspirational.",
    ],
)
def test_a_goal_softened_by_name_after_it_was_affirmed_is_not_agreed(analyzer, later: str) -> None:  # type: ignore[no-untyped-def]
    lines = [(CUSTOMER, GOAL), (VENDOR, "Yes, exactly, two days by June."), (COLLEAGUE, later)]
    assert _agreed(analyzer, lines) is False


def test_why_agreed_names_who_said_yes_to_the_request_to_confirm(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [(CUSTOMER, GOAL), (VENDOR, "Can we hold ourselves to that?"), (CUSTOMER, "Yes.")]
    m = meeting(analyzer, lines)
    group = [c for c in cl.claims(m) if c.text == GOAL]
    assert agreement.why_agreed(m, group) == 'confirmed by Raj Patel when asked: "Yes."'


def test_an_acceptance_said_with_candour_still_takes_the_goal_on(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [(CUSTOMER, GOAL), (VENDOR, "To be honest, two days by June sounds right to me.")]
    assert _agreed(analyzer, lines) is True


def test_contractions_name_nothing_a_reply_could_say_back() -> None:
    said = agreement.content("That's what we'll track, isn't it? Two days.")
    assert said == {"track", "two", "days"}


@pytest.mark.parametrize(
    ("before", "contested"),
    [
        # the number disowned is the one just said, not the goal's
        ("Internally we like to see ninety percent of admins active by day thirty.", False),
        ("So we'd write down two days by June.", True),
    ],
)
def test_a_figure_disowned_by_pointing_back_is_the_one_said_just_before(  # type: ignore[no-untyped-def]
    analyzer, before: str, contested: bool
) -> None:
    lines = [
        (CUSTOMER, GOAL),
        (VENDOR, "Yes, exactly."),
        (VENDOR, before),
        (COLLEAGUE, "Well, that's your number, not mine."),
    ]
    m = meeting(analyzer, lines)
    group = [c for c in cl.claims(m) if c.text == GOAL]
    assert ("contest" in agreement.signs(m, group)) is contested
    if not contested:  # affirmed, and nothing said against it
        assert agreement.agreed(m, group) is True


@pytest.mark.parametrize(
    ("reply", "agreed"),
    [
        # a small count alone is shared by chance
        ("We still run two of the checks on paper.", False),
        # with another of its words, or a figure too particular for chance
        ("Two days, then.", True),
        ("So eleven days down to two by June.", True),
    ],
)
def test_a_small_count_alone_says_no_goal_back(analyzer, reply: str, agreed: bool) -> None:  # type: ignore[no-untyped-def]
    assert _agreed(analyzer, [(CUSTOMER, GOAL), (VENDOR, reply), (CUSTOMER, "Yes.")]) is agreed


def test_not_thinking_something_will_get_in_the_way_is_no_doubt(analyzer) -> None:  # type: ignore[no-untyped-def]
    reply = "I don't think it will get in the way, we can hit two days. That's the plan."
    assert _agreed(analyzer, [(CUSTOMER, GOAL), (VENDOR, reply)]) is True


@pytest.mark.parametrize(
    ("caution", "agreed"),
    [
        # a doubt conceded later in its sentence: a caution, not a contest
        ("Most teams get to four days first, so two by June is aggressive, but it's doable.", True),
        ("Two days by June is a stretch but not crazy.", True),
        ("Two by June is a stretch, but it's a real target if the auditors cooperate.", True),
        # conceded first, then doubted; or conceded in another sentence
        ("It's doable, but two days by June is steep.", False),
        ("Two days by June is aggressive. But we'll see.", False),
    ],
)
def test_a_doubt_conceded_in_its_sentence_does_not_contest_the_goal(  # type: ignore[no-untyped-def]
    analyzer, caution: str, agreed: bool
) -> None:
    lines = [
        (CUSTOMER, GOAL),
        (VENDOR, "So two days by June. Is that the number we hold ourselves to?"),
        (CUSTOMER, "That's the one."),
        (VENDOR, caution),
    ]
    assert _agreed(analyzer, lines) is agreed


def test_the_finders_goal_heads_are_fitted_as_the_shipped_variant_trains_them(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Out of fold, each meeting's goals come from a head fitted as train_goals.py fits the
    shipped one: under a weighted variant, another folder's meetings count at their weight."""
    script = _train_script()
    tg = importlib.import_module("train_goals")
    said = "We want fewer calls."

    def labelled(file: str, text: str, goal: bool, origin: str, fold: int):  # type: ignore[no-untyped-def]
        features = {"has_want": 1.0, "short": float(len(text) < 15)}
        claim = cl.Claim(0, text, "A", "customer", fired={"want"}, features=features)
        labels = {"file": file, "goals": [{"evidence": text}] if goal else []}
        return script.Labelled(None, [claim], labels, origin, fold)

    data = [labelled(f"t{i}.txt", said, True, "cs_train", i) for i in range(5)]
    data += [labelled(f"t{i}b.txt", "Fewer calls.", False, "cs_train", i) for i in range(5)]
    data += [labelled(f"xg_0{i}.txt", said, False, "data/train", i) for i in range(5)]
    goal = {"C": 1.0, "threshold": 0.5, "variant": tg.WEIGHTED}
    shipped = {"trained_on": ["cs_train", "data/train"], "goal": goal}
    monkeypatch.setattr(script.cl, "model", lambda: shipped)
    heads = script.finder_heads(data)
    train = [d for d in data if d.fold != 0]
    rows = [(d.found, d.labels) for d in train]
    team = [d.origin != "cs_train" for d in train]
    assert heads[0]["weights"] == tg.goal_head(rows, team, tg.WEIGHTED, 1.0)["weights"]
    assert heads[0]["weights"] != tg.goal_head(rows, team, "union", 1.0)["weights"]
    assert heads[0]["threshold"] == 0.5


def test_training_matches_found_goals_to_labels_by_the_quote_the_product_shows(  # type: ignore[no-untyped-def]
    tmp_path, monkeypatch
) -> None:
    """Each found goal's label is the labelled goal its quote matches, and the quote is the one
    goals.from_claims shows: chosen with the meeting's parse (a measure told as it stands is
    no quote), as the product chooses it."""
    script = _train_script()
    folder = tmp_path / "meetings"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{CUSTOMER}: {GOAL}\n{VENDOR}: Yes, exactly.\n")
    goal = {"evidence": GOAL, "metric": "two days", "deadline": "by June", "agreed": True}
    labels = {"file": "a.txt", "date": "2026-03-03", "goals": [goal], "has_agreed_goal": True}
    (folder / "a.labels.json").write_text(json.dumps(labels))
    given, _ = script.load([folder])
    chosen_with = []
    quote = goals._evidence_claim

    def spy(found, group, meeting=None):  # type: ignore[no-untyped-def]
        chosen_with.append(meeting)
        return quote(found, group, meeting)

    monkeypatch.setattr(goals, "_evidence_claim", spy)
    rows = script._found_goals(given[0], cl.model()["goal"])
    assert [y for _, y in rows] == [1]
    assert chosen_with and all(m is given[0].meeting for m in chosen_with)


def test_the_cache_written_by_the_trainer_run_as_a_script_is_read_when_imported(  # type: ignore[no-untyped-def]
    tmp_path, monkeypatch
) -> None:
    """agreement_sets.py imports train_agreement and reads the cache its own run wrote, where
    Labelled was __main__'s."""
    script = _train_script()
    folder = tmp_path / "meetings"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{CUSTOMER}: {GOAL}\n{VENDOR}: Yes, exactly.\n")
    labels = {"file": "a.txt", "date": "2026-03-03", "goals": [], "has_agreed_goal": False}
    (folder / "a.labels.json").write_text(json.dumps(labels))
    cache = tmp_path / "parsed.pkl"
    main = importlib.import_module("__main__")
    with monkeypatch.context() as m:
        m.setattr(script.Labelled, "__module__", "__main__")
        m.setattr(main, "Labelled", script.Labelled, raising=False)
        script.load([folder], cache)
    assert b"__main__" in cache.read_bytes()
    monkeypatch.setattr(script, "_parse", lambda paths: pytest.fail("parsed again"))
    given, _ = script.load([folder], cache)
    assert isinstance(given[0], script.Labelled)


def test_leave_one_set_out_lines_give_each_set_and_the_groups() -> None:
    _train_script()
    sets = importlib.import_module("agreement_sets")
    out = {
        ("roster", "cs_train"): [40, 40, [], 90, 91],
        ("roster", "xa"): [15, 16, ["xa_03.txt"], 30, 33],
        ("roster", "xq"): [8, 12, ["xq_01.txt"], 23, 27],
    }
    text = sets.lines(out, misses=True)
    assert text[1].split() == ["roster", "xa", "15/", "16", "goals", "30/", "33", "xa_03.txt"]
    assert "roster   older      15/ 16 = 0.938  goals 30/33 = 0.909" in text
    assert "roster   imitating   8/ 12 = 0.667  goals 23/27 = 0.852" in text
    assert "roster   all        63/ 68 = 0.926  goals 143/151 = 0.947" in text


@pytest.mark.parametrize(
    ("goal", "deadline", "concrete"),
    [
        (
            "What I want out of the next year, honestly, is for patients to feel looked after.",
            None,
            False,
        ),
        ("Next year I just want it to feel less chaotic on the front desk.", None, False),
        ("What I want next year is that parents feel they know what's going on.", None, False),
        # near misses: something someone could check, or a feeling with its figure
        ("I want the Leith clinic open next year.", "next year", True),
        ("I want nine in ten patients to feel looked after by next year.", "by next year", True),
    ],
)
def test_a_feeling_wanted_is_no_checkable_outcome_so_its_year_is_no_deadline(  # type: ignore[no-untyped-def]
    analyzer, goal: str, deadline: str | None, concrete: bool
) -> None:
    m = meeting(analyzer, [(CUSTOMER, goal), (VENDOR, "Yes, exactly, that's the one.")])
    found = cl.claims(m)
    group = [i for i, c in enumerate(found) if c.text == goal]
    made = goals._goal(m, found, np.ones(len(found)), group)
    assert (made.deadline, made.agreed, goals.has_agreed_goal([made])) == (
        deadline,
        True,
        concrete,
    )


def test_a_feeling_said_back_with_a_year_is_no_deadline_either(analyzer) -> None:  # type: ignore[no-untyped-def]
    goal = "What I want out of the next year is for patients to feel looked after."
    back = "Let's make that the headline for year two, patients feeling looked after."
    m = meeting(analyzer, [(CUSTOMER, goal), (VENDOR, back), (CUSTOMER, "Yes, exactly.")])
    found = cl.claims(m)
    made = goals._goal(m, found, np.ones(len(found)), [0])  # the said-back carries "year two"
    assert agreement.verdict(m, [found[0]]).said_back == back  # type: ignore[union-attr]
    assert (made.deadline, made.agreed, goals.has_agreed_goal([made])) == (None, True, False)


@pytest.mark.parametrize("answer", ["No, yeah, that's the one.", "No, totally. Two days by June."])
def test_a_read_back_answered_no_then_yes_is_confirmed(analyzer, answer: str) -> None:  # type: ignore[no-untyped-def]
    lines = [(CUSTOMER, GOAL), (VENDOR, "So two days by June, that's the bar?"), (CUSTOMER, answer)]
    assert _agreed(analyzer, lines)


THIRD = "I want parent calls to the office down by a third by the summer term."


@pytest.mark.parametrize(
    ("later", "agreed"),
    [
        # named again by its fraction alone, then dropped by pointing back
        ("Actually, about the one third. Take that out. I can't put my name to it yet.", False),
        # a drop about something else
        ("Actually, about the catering module. Take that out. We're not adding it.", True),
    ],
)
def test_a_goal_named_by_its_fraction_and_dropped_much_later_is_not_agreed(  # type: ignore[no-untyped-def]
    analyzer, later: str, agreed: bool
) -> None:
    lines = [
        (CUSTOMER, THIRD),
        (VENDOR, "Agreed, that's the right measure."),
        *FILLER,
        (CUSTOMER, later),
    ]
    assert _agreed(analyzer, lines, THIRD) is agreed


@pytest.mark.parametrize(("answer", "agreed"), [("Good.", True), ("Okay.", False)])
def test_a_read_back_answered_with_a_bare_good_is_confirmed(  # type: ignore[no-untyped-def]
    analyzer, answer: str, agreed: bool
) -> None:
    lines = [
        (CUSTOMER, GOAL),
        (VENDOR, "Okay. Audit prep at two days by June. I'll write it up exactly like that."),
        (CUSTOMER, answer),
    ]
    assert _agreed(analyzer, lines) is agreed


@pytest.mark.parametrize(
    ("text", "yes", "affirmed", "declined"),
    [
        ("Please don't write that down.", False, False, True),
        ("Don't hold me to that.", False, False, True),
        ("I wouldn't hold us to that one.", False, False, True),
        ("We haven't agreed a number internally.", False, False, True),
        ("Not exactly.", False, False, True),
        ("Please.", True, False, False),
        ("Please do. Write that down.", True, True, False),
        ("Agreed, write that down.", True, True, False),
    ],
)
def test_a_yes_or_affirmation_under_a_negation_is_none(
    text: str, yes: bool, affirmed: bool, declined: bool
) -> None:
    from milepost.pipeline.extract import agreement_cues as ac

    assert (ac.says_yes(text), ac.affirms(text), ac.declines(text)) == (yes, affirmed, declined)


def test_a_read_back_refused_with_dont_write_that_down_is_not_agreed(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, GOAL),
        (
            VENDOR,
            "Okay. So two days by June. Can I write that down as the target for the proposal?",
        ),
        (
            COLLEAGUE,
            "Not yet. Please don't write that down. We haven't agreed a number internally, "
            "and if the proposal says two days and we get four, that's on me.",
        ),
        (CUSTOMER, "Fair. It's my number, not the team's."),
    ]
    assert _agreed(analyzer, lines) is False


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("It's in the plan for the board. That's the bar we'll work to.", False),
        ("It's in the plan for the board. Yes, that's the bar we'll work to.", True),
    ],
)
def test_without_speakers_the_statements_own_sentences_go_on_until_one_opens_a_reply(  # type: ignore[no-untyped-def]
    analyzer, after: str, expected: bool
) -> None:
    paragraph = f"{GOAL} {after} Okay, moving on to training."
    assert _agreed(analyzer, [(None, paragraph)]) is expected  # type: ignore[list-item]


def test_training_takes_the_smallest_c_within_one_meeting_of_the_best() -> None:
    script = _train_script()
    settings = [
        (0.1, 0.5, {"meeting": 0.988, "goal": 0.950}),
        (0.1, 0.6, {"meeting": 0.987, "goal": 0.958}),
        (0.3, 0.5, {"meeting": 0.989, "goal": 0.956}),
        (1.0, 0.4, {"meeting": 0.980, "goal": 0.960}),
    ]
    one_meeting = 2 / 832  # one meeting under both roster settings, of 416
    assert script.plateau_choice(settings, one_meeting)[:2] == (0.1, 0.5)
    assert script.plateau_choice(settings, 0.0)[:2] == (0.3, 0.5)
    assert script.plateau_choice(settings[:2] + settings[3:], 0.01)[:2] == (0.1, 0.5)


def test_training_takes_the_middle_of_the_thresholds_tied_at_the_chosen_c() -> None:
    script = _train_script()
    one_meeting = 2 / 1048  # one meeting under both roster settings, of 524
    settings = [
        (0.1, 0.4, {"meeting": 0.9620, "goal": 0.935}),
        (0.1, 0.5, {"meeting": 0.9615, "goal": 0.936}),
        (0.1, 0.6, {"meeting": 0.9610, "goal": 0.937}),
        (0.1, 0.7, {"meeting": 0.9500, "goal": 0.940}),
        (0.3, 0.5, {"meeting": 0.9620, "goal": 0.950}),
    ]
    # 0.4-0.6 tie at C 0.1 (0.7 is five meetings down): the middle, not the best by a hair
    assert script.plateau_choice(settings, one_meeting)[:2] == (0.1, 0.5)
    # without a tie the best alone is the plateau
    assert script.plateau_choice(settings[:1] + settings[2:4], 0.0)[:2] == (0.1, 0.4)
    # two tied: the lower middle
    assert script.plateau_choice(settings[1:3], one_meeting)[:2] == (0.1, 0.5)


@pytest.mark.parametrize(
    ("goal", "reply", "agreed"),
    [
        # the figure is said back in the hyphenated spelling transcripts use for 21..99
        (
            "I want direct bookings at thirty-five percent by October.",
            "Thirty-five by October, then.",
            True,
        ),
        ("I want direct bookings at 35 percent by October.", "So 35 by October.", True),
        # a hyphenated word that is no number is no figure said back
        (
            "I want direct bookings up by October with a follow-up.",
            "A follow-up by October, then.",
            False,
        ),
    ],
)
def test_a_figure_spelled_with_a_hyphen_said_back_and_confirmed_is_agreement(  # type: ignore[no-untyped-def]
    analyzer, goal: str, reply: str, agreed: bool
) -> None:
    lines = [(CUSTOMER, goal), (VENDOR, reply), (CUSTOMER, "Done.")]
    assert _agreed(analyzer, lines, goal=goal) is agreed


def test_a_number_is_a_digit_string_a_number_word_or_one_spelled_with_a_hyphen() -> None:
    from milepost.pipeline.extract.agreement_cues import distinctive, number

    assert number("35") and number("twenty") and number("thirty-five") and number("forty-one")
    assert not number("follow-up") and not number("thirty-first") and not number("one-off")
    assert distinctive("thirty-five") and not distinctive("three")


@pytest.mark.parametrize(
    ("reply", "agreed"),
    [
        # the figure named in a refusal or a doubt is not said back
        ("25 on a one-year, honestly, I can't do.", False),
        ("I'm just saying I don't think 25 is something the software gets you on its own.", False),
        # a closing tag question still says it back
        ("So 25 a check at this renewal, isn't it?", True),
    ],
)
def test_a_figure_named_under_a_negation_is_not_said_back(  # type: ignore[no-untyped-def]
    analyzer, reply: str, agreed: bool
) -> None:
    goal = "I need the per-check cost under 25 dollars at this renewal."
    lines = [(CUSTOMER, goal), (VENDOR, reply), (CUSTOMER, "Well, it's still the number I need.")]
    assert _agreed(analyzer, lines, goal=goal) is agreed


@pytest.mark.parametrize(
    ("later", "agreed"),
    [
        # the goal's side takes the confirmed read-back back: not to be written down yet
        ("Hold on. Don't write two days down yet.", False),
        ("Wait, don't write June yet, the auditors haven't picked dates.", False),
        # or will not bind its side to it, naming who between ("not committing the team to")
        ("Sorry, I'm not committing my team to anything before the auditors pick dates.", False),
        # near miss: something else not to be written down yet
        ("Don't write the Leeds address down yet, we're moving.", True),
    ],
)
def test_a_confirmed_read_back_withdrawn_by_the_goals_side_is_no_agreement(  # type: ignore[no-untyped-def]
    analyzer, later: str, agreed: bool
) -> None:
    lines = [
        (CUSTOMER, GOAL),
        (VENDOR, "Let me say it back: audit prep at two days by June."),
        (CUSTOMER, "Yes, exactly."),
        (VENDOR, "Most teams get there inside a quarter."),
        (COLLEAGUE, later),
    ]
    assert _agreed(analyzer, lines) is agreed


@pytest.mark.parametrize(
    ("between", "agreed"),
    [
        # "that" points past a bare interjection to the recap of the goal
        ("Hold on.", False),
        # a sentence that names something else is what "that" points to
        ("The Leeds office moves in May, by the way.", True),
    ],
)
def test_a_late_drop_points_back_past_an_interjection(  # type: ignore[no-untyped-def]
    analyzer, between: str, agreed: bool
) -> None:
    lines = [
        (CUSTOMER, GOAL),
        (VENDOR, "Two days by June. Let's hold ourselves to that."),
        (CUSTOMER, "Yes, let's."),
        *FILLER,
        (VENDOR, "So the goal for the year is audit prep at two days by June."),
        (COLLEAGUE, between),
        (COLLEAGUE, "Don't write that down yet."),
    ]
    assert _agreed(analyzer, lines) is agreed
