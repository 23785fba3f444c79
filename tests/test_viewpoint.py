"""A step's pronouns turned to whoever reads it, subjects included."""

from __future__ import annotations

import pytest

from milepost.models.records import LedgerStep
from milepost.pipeline.viewpoint import step_for, turned


@pytest.mark.parametrize(
    ("said", "side", "view", "shown"),
    [
        # the brief, about the customer: "you" as a subject is "they", not "them"
        (
            "put together a summary you can show your investors",
            "vendor",
            "brief",
            "put together a summary they can show their investors",
        ),
        ("check what you're using", "vendor", "brief", "check what they're using"),
        ("send you the report", "vendor", "brief", "send them the report"),
        ("let you have the list", "vendor", "brief", "let them have the list"),
        # the customer's "you" is us: "we" as a subject, in the brief and in the email
        ("give you the numbers you need", "customer", "brief", "give us the numbers we need"),
        ("send it once you're ready", "customer", "email", "send it once we're ready"),
        ("You can have it Friday", "customer", "email", "We can have it Friday"),
        # "you" opening a clause, or before an adverb or a verb of saying (data/train ye_06,
        # ye_12 briefs read "the EHR report them just read", "what them claimed")
        ("send me what you claimed", "vendor", "brief", "send us what they claimed"),
        (
            "send the EHR report you just read",
            "vendor",
            "brief",
            "send the EHR report they just read",
        ),
        ("send the list you mentioned", "vendor", "brief", "send the list they mentioned"),
        ("call once you have the numbers", "customer", "email", "call once we have the numbers"),
        ("show you what changed", "vendor", "brief", "show them what changed"),  # an object
        # after a noun with its determiner: a relative clause (cs_train t1_03)
        (
            "send the report you give the owners' group",
            "vendor",
            "brief",
            "send the report they give the owners' group",
        ),
        ("send the guide to you", "customer", "email", "send the guide to us"),
        # "you" and the verb that closes the action: a relative clause (data/train yg_22, yg_25)
        (
            "send the list of German stores you deliver",
            "vendor",
            "brief",
            "send the list of German stores they deliver",
        ),
        ("send the cupping form you use", "vendor", "brief", "send the cupping form they use"),
        ("check and let you know", "customer", "email", "check and let us know"),  # objects
        ("get back to you Friday", "customer", "email", "get back to us Friday"),
        ("walk you through what you need", "vendor", "brief", "walk them through what they need"),
    ],
)
def test_you_as_a_subject_turns_to_they_or_we(said: str, side: str, view: str, shown: str) -> None:
    assert turned(said, side, view) == shown  # type: ignore[arg-type]


def _step(action: str, side: str, speaker: str | None) -> LedgerStep:
    return LedgerStep(
        id=1,
        account="Acme",
        meeting_id=1,
        meeting_date=None,
        action=action,
        side=side,  # type: ignore[arg-type]
        owner=None,
        due=None,
        due_text=None,
        speaker=speaker,
        evidence=f"I'll {action}.",
        status="open",
        overdue=False,
    )


@pytest.mark.parametrize(
    ("action", "side", "brief", "email"),
    [
        # nobody named (data/train ye_30): "our lawyer" in a customer step is the customer's
        ("get it to our lawyer", "customer", "get it to their lawyer", "get it to your lawyer"),
        (
            "have my team review it",
            "customer",
            "have their team review it",
            "have your team review it",
        ),
        # a "you" may be either side's, and no pronoun needs nothing: left as said
        ("let you know who", "customer", "let you know who", "let you know who"),
        (
            "send our forms to your team",
            "customer",
            "send our forms to your team",
            "send our forms to your team",
        ),
        (
            "send the security document",
            "customer",
            "send the security document",
            "send the security document",
        ),
        ("send our pricing", "vendor", "send our pricing", "send our pricing"),
        # a vendor step speaking to "you", never of "our": ours (data/train yg_08, yg_23)
        (
            "check that we integrate with your geo tab account",
            "vendor",
            "check that we integrate with their geo tab account",
            "check that we integrate with your geo tab account",
        ),
        ("send me your forms", "vendor", "send me your forms", "send me your forms"),
        # a customer step of "your" things, never "you" or "our": asked by us (yg_08)
        (
            "send the list of your runs",
            "customer",
            "send the list of their runs",
            "send the list of your runs",
        ),
    ],
)
def test_a_step_with_no_speaker_is_read_from_the_side_its_pronouns_tell(
    action: str, side: str, brief: str, email: str
) -> None:
    assert step_for(_step(action, side, None), None, "brief").action == brief
    assert step_for(_step(action, side, None), None, "email").action == email
    # a named speaker the caller found on no side (a vendor, in the recap) is left as said
    assert step_for(_step(action, side, "Dana Ruiz"), None, "email").action == action
