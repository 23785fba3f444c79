"""Next steps: replies inside one unnamed turn, withdrawals of another offer, promises that
only take on a goal or only perceive (steps.py), a person's role set off by commas before
'will', and a joint step put as 'I'd suggest' or 'I'd like us to' (cues.json)."""

from __future__ import annotations

from datetime import date

import pytest

from milepost.models import NextStep, Transcript, Turn
from milepost.pipeline.extract import steps
from milepost.pipeline.extract.meeting import Meeting

ROSTER = {"Dana": "vendor", "Raj": "customer", "Mia": "customer"}
TUESDAY = date(2026, 3, 3)


@pytest.fixture(scope="module")
def find(analyzer):  # type: ignore[no-untyped-def]
    """Steps for a short dialogue of (speaker, text) turns, roster Dana=vendor, Raj/Mia=customer."""

    def run(*lines: tuple[str | None, str]) -> list[NextStep]:
        transcript = Transcript(
            source="t", input_format="plain", turns=[Turn(speaker=s, text=t) for s, t in lines]
        )
        docs = [analyzer.nlp(t) for _, t in lines]
        meeting = Meeting(transcript=transcript, docs=docs, date=TUESDAY)
        meeting.sides = dict(ROSTER)
        return steps.find(meeting)

    return run


@pytest.mark.parametrize(
    "reply",
    [
        "Yeah, I'll send you the list of our lab instruments by Friday.",
        "Sure. It won't be pretty. I'll send the instrument list with the model numbers Friday.",
    ],
)
def test_request_answered_in_the_same_unnamed_turn_is_one_step(find, reply: str) -> None:  # type: ignore[no-untyped-def]
    asked = "Could you send us the list of instruments in the lab, with the model numbers?"
    [step] = find((None, f"Okay. {asked} {reply} Perfect."))
    assert step.evidence == asked
    assert step.due == "2026-03-06"


def test_the_askers_own_promise_after_a_yes_is_its_own_step(find) -> None:  # type: ignore[no-untyped-def]
    found = find(
        (
            None,
            "Brent would you take a reference call with them? Yeah sure. Send me a time. "
            "I'll send Brent three time slots for the call tomorrow.",
        )
    )
    assert [s.evidence for s in found] == [
        "Brent would you take a reference call with them?",
        "I'll send Brent three time slots for the call tomorrow.",
    ]


def test_a_reply_across_named_turns_still_needs_its_speaker(find) -> None:  # type: ignore[no-untyped-def]
    found = find(
        ("Dana", "Raj, could you send us the list of instruments in the lab?"),
        ("Raj", "Yeah, I'll send you the instrument list by Friday."),
    )
    assert len(found) == 1
    assert (found[0].owner, found[0].due) == ("Raj", "2026-03-06")


def test_withdrawing_the_next_offer_keeps_this_one(find) -> None:  # type: ignore[no-untyped-def]
    said = "I'll send you a written quote for the 58 techs by end of month."
    found = find(
        (
            "Dana",
            f"{said} And I was going to say we could do the first month free, but no, "
            "scratch that, finance took that away from us.",
        ),
        ("Raj", "Ha. Okay. The quote then."),
    )
    assert [s.evidence for s in found] == [said]


def test_a_request_before_a_withdrawn_offer_is_still_asked(find) -> None:  # type: ignore[no-untyped-def]
    asked = "Raj, could you export the customer and building list from QuickBooks?"
    found = find(
        (
            "Dana",
            f"{asked} And I can migrate your old reports too, hmm, actually no, scratch that.",
        ),
        ("Raj", "Yeah, sure."),
    )
    assert [(s.evidence, s.owner) for s in found] == [(asked, "Raj")]


@pytest.mark.parametrize(
    "said",
    [
        "I'll get you a letter of intent this week, hmm, no, actually, I can't do that yet.",
        "I'll set up a test tenant as well. Forget that, procurement won't allow it.",
    ],
)
def test_no_actually_and_forget_that_withdraw(find, said: str) -> None:  # type: ignore[no-untyped-def]
    assert find(("Raj", said), ("Dana", "No problem.")) == []


@pytest.mark.parametrize(
    "said",
    [
        "Make it thirty percent by the end of March and I'll own that one.",
        "Make it eighty percent of shifts by August and I'll sign up to that.",
        "I sent the guide on the ninth, and I can see four of the six never opened it.",
        "Okay, I'll let you get back to your pallets.",
        "Okay, I'll let you go.",
    ],
)
def test_pledges_perceptions_and_goodbyes_are_no_steps(find, said: str) -> None:  # type: ignore[no-untyped-def]
    assert find(("Raj", said), ("Dana", "Great.")) == []


def test_owning_a_task_is_still_a_step(find) -> None:  # type: ignore[no-untyped-def]
    [step] = find(("Raj", "I'll own the rollout plan and send it by Friday."), ("Dana", "Great."))
    assert step.owner == "Raj"


@pytest.mark.parametrize(
    ("said", "owner"),
    [
        ("Our treasurer, Gus, will send you the board's budget letter tomorrow.", "Gus"),
        ("Marcus, my scheduler lead, will clean up the contractor list tomorrow.", "Marcus"),
    ],
)
def test_a_person_named_with_their_role_owns_the_step(find, said: str, owner: str) -> None:  # type: ignore[no-untyped-def]
    [step] = find(("Raj", said), ("Dana", "Great, thanks."))
    assert (step.evidence, step.owner, step.side) == (said, owner, "customer")
    assert step.due == "2026-03-04"


def test_a_role_named_in_a_question_is_no_step(find) -> None:  # type: ignore[no-untyped-def]
    assert find(("Raj", "And the report, will it show the usage?"), ("Dana", "It does.")) == []


@pytest.mark.parametrize(
    "said",
    [
        "I'd like us all to get back together next Thursday to review the pilot numbers.",
        "I'd suggest we all get on a call on Friday the thirteenth to close out the redlines.",
    ],
)
def test_a_suggested_joint_step_is_joint(find, said: str) -> None:  # type: ignore[no-untyped-def]
    [step] = find(("Dana", said), ("Raj", "Works for me."))
    assert (step.evidence, step.side, step.owner) == (said, "joint", None)


def test_a_suggested_target_is_no_step(find) -> None:  # type: ignore[no-untyped-def]
    said = "I'd suggest we aim for eighty percent of drivers on the app by May."
    assert find(("Dana", said), ("Raj", "Maybe.")) == []


def test_a_suggested_meeting_turned_down_is_no_step(find) -> None:  # type: ignore[no-untyped-def]
    found = find(
        ("Dana", "I'd suggest we all get on a call on Friday the thirteenth."),
        ("Raj", "No, Friday is bad for us."),
    )
    assert found == []


@pytest.mark.parametrize(
    "said",
    [
        "They all have phones, they can do it between customers.",
        "For anyone who can't, the closer can do it in the office with them, on a tablet.",
        "All three of us can do mornings.",
    ],
)
def test_can_do_said_of_others_is_no_offer(find, said: str) -> None:  # type: ignore[no-untyped-def]
    """'can do' offers only in the speaker's own voice ('I'm happy to'); said of others,
    a yes to it accepts a description (sets xo, xw, xx, xy)."""
    assert find(("Dana", said), ("Raj", "Okay, good.")) == []


def test_two_joint_steps_for_one_day_are_one_meeting(find) -> None:  # type: ignore[no-untyped-def]
    """'How about next Thursday?' then 'let's sit down together next Thursday and walk through
    the rota': one meeting, however each puts it (sets xc, xf, xn, xr, xt, xu)."""
    found = find(
        (
            "Dana",
            "Could we look at the live rota together once it's loaded? How about next Thursday?",
        ),
        ("Raj", "Next Thursday works."),
        ("Dana", "I'll send you the import template today."),
        (
            "Raj",
            "Great, so let's all sit down together next Thursday and walk through the live rota.",
        ),
    )
    joint = [s for s in found if s.side == "joint"]
    assert len(joint) == 1
    assert joint[0].due == "2026-03-12"


def test_joint_steps_for_two_days_stay_two(find) -> None:  # type: ignore[no-untyped-def]
    found = find(
        ("Dana", "Let's do a setup session together on Thursday."),
        ("Raj", "Sure."),
        ("Dana", "And let's review the first week's numbers together next Friday."),
        ("Raj", "Yes, Friday's good."),
    )
    assert len([s for s in found if s.side == "joint"]) == 2


def test_a_promise_on_a_condition_put_to_the_addressee_is_the_speakers(find) -> None:  # type: ignore[no-untyped-def]
    """'If you can send me X, I'll Y' is the speaker's step; the addressee's 'I'll get you X'
    is theirs, quoted in their words (sets xd, xf, xq)."""
    offer = "If you can send me January's export, I'll send you the rebuilt baseline by Friday."
    reply = "I'll get you the January export today."
    found = find(("Dana", offer), ("Raj", reply))
    assert [(s.side, s.owner, s.evidence) for s in found] == [
        ("vendor", "Dana", offer),
        ("customer", "Raj", reply),
    ]
    assert found[0].due == "2026-03-06"


def test_the_next_sentence_of_a_promise_about_the_same_thing_is_that_step(find) -> None:  # type: ignore[no-untyped-def]
    """'I'll tell them at the Friday briefing.' says how the promise just made is kept; it
    names nothing new, so it is no second step (sets xc, xq, xw, xx, xy)."""
    said = "I'll get the drivers scanning the cages at the hotel end starting Monday."
    [step] = find(("Raj", f"That's on me. {said} I'll tell them at the Friday briefing."))
    assert step.evidence == said


def test_the_next_sentence_naming_a_new_thing_is_its_own_step(find) -> None:  # type: ignore[no-untyped-def]
    found = find(("Dana", "I'll send you the deck on Friday. I'll set up the sandbox on Monday."))
    assert len(found) == 2


def test_a_request_naming_nothing_is_quoted_by_the_named_answer(find) -> None:  # type: ignore[no-untyped-def]
    """'Mia, could you?' names nothing to do: the answer by the one asked says it, so the
    step quotes the answer, as with no speaker names (xx_03)."""
    reply = "Yeah, I'll brief the Saturday crew on the new prompt this Saturday."
    [step] = find(("Raj", "I'm off this Saturday. Mia, could you?"), ("Mia", reply))
    assert (step.owner, step.evidence, step.due) == ("Mia", reply, "2026-03-07")


def test_asking_if_the_call_can_be_heard_is_no_request(find) -> None:  # type: ignore[no-untyped-def]
    """'Can you hear me okay?' answered 'Yes, hang on, I'll shut the door.' takes nothing on
    (xx_08): no accepted request."""
    found = find(
        ("Dana", "Hi, is that Raj? Can you hear me okay?"),
        ("Raj", "Yes, hi Dana. Hang on, I'll shut the door, the printer's running."),
    )
    assert all("hear" not in s.evidence for s in found)


def test_a_promise_to_make_sure_is_a_step_however_short(find) -> None:  # type: ignore[no-untyped-def]
    """'I'll make sure someone's there to let him in.' scores under accept on its own; every
    'I'll make sure' in the training sets is a labelled step (xx_07, yb_05 were missed)."""
    found = find(
        ("Dana", "And for the install, Ruairi, our installer, will survey both depots."),
        ("Raj", "I'll make sure someone's there to let him in."),
    )
    assert "I'll make sure someone's there to let him in." in [s.evidence for s in found]


def test_an_answer_that_says_more_than_the_request_is_its_quote(find) -> None:  # type: ignore[no-untyped-def]
    """'Raj, could you send that over?' 'Yep, I'll send you the agency spend summary by clinic
    and month by Friday.': the one asked says what will be done, so the answer is the step's
    evidence (xw_05, ya_02 label it so), owned by Raj, one step."""
    answer = "Yep, I'll send you the agency spend summary by clinic and month by Friday."
    found = find(
        ("Dana", "It would help to see what the agencies cost you."),
        ("Dana", "Raj, could you send that over?"),
        ("Raj", answer),
    )
    assert [(s.evidence, s.owner) for s in found] == [(answer, "Raj")]


def test_an_answer_that_only_repeats_the_request_keeps_its_quote(find) -> None:  # type: ignore[no-untyped-def]
    """'Raj, could you send me the agency spend summary by clinic?' 'Yep, I'll send the
    summary Friday.': the request says what will be done; it stays the quote."""
    request = "Raj, could you send me the agency spend summary by clinic?"
    found = find(
        ("Dana", request),
        ("Raj", "Yep, I'll send the summary Friday."),
    )
    assert [s.evidence for s in found] == [request]


@pytest.mark.parametrize(
    ("said", "owner"),
    [
        ("Dr. Mokoena will send you the signed form tomorrow.", "Mokoena"),
        ("Mr. Okafor will bring the budget on Friday.", "Okafor"),
    ],
)
def test_a_title_before_a_name_is_not_the_owner(find, said: str, owner: str) -> None:  # type: ignore[no-untyped-def]
    [step] = find(("Raj", said), ("Dana", "Great, thanks."))
    assert step.owner == owner


@pytest.mark.parametrize(
    ("said", "action", "due"),
    [
        (
            "I'll run it by Walt at our Sunday meeting, he signs the checks.",
            "run it by Walt",
            "Sunday",
        ),
        ("I'll raise it at our Tuesday meeting with the board.", "raise it", "Tuesday"),
    ],
)
def test_an_action_ends_on_no_possessive_of_its_due(find, said: str, action: str, due: str) -> None:  # type: ignore[no-untyped-def]
    [step] = find(("Raj", said), ("Dana", "Great, thanks."))
    assert (step.action, step.due_text) == (action, due)
