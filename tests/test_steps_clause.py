"""Step actions: a pronoun standing for a question ('collect that') and phrases the parser cuts."""

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

    def run(*lines: tuple[str, str]) -> list[NextStep]:
        transcript = Transcript(
            source="t", input_format="plain", turns=[Turn(speaker=s, text=t) for s, t in lines]
        )
        meeting = Meeting(transcript, [analyzer.nlp(t) for _, t in lines], TUESDAY)
        meeting.sides = dict(ROSTER)
        return steps.find(meeting)

    return run


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # a gathering verb after an asking one: the answers, from the people asked
            [
                ("Dana", "Can you ask the front desks which reminder times work best?"),
                ("Raj", "Sure, I'll collect that by Friday."),
            ],
            ("Raj", "collect which reminder times work best from the front desks", "2026-03-06"),
        ),
        (  # the same, said by one person in one turn
            [
                (
                    "Mia",
                    "I can ask the other front desks which reminder times work best. "
                    "I'll collect that by next Friday.",
                ),
                ("Dana", "Great."),
            ],
            (
                "Mia",
                "collect which reminder times work best from the other front desks",
                "2026-03-13",
            ),
        ),
        (  # a particle verb keeps its particle; the question goes last
            [
                ("Dana", "Can you check with IT how long the SSO setup takes?"),
                ("Raj", "Sure, I'll find that out by Friday."),
            ],
            ("Raj", "find out how long the SSO setup takes", "2026-03-06"),
        ),
        (  # not 'check unit transfers': a noun inside the question is not the referent
            [
                ("Raj", "Can you confirm whether the Yardi sync handles unit transfers?"),
                ("Dana", "Yep, I'll check that with our integrations team by Thursday."),
            ],
            (
                "Dana",
                "check with our integrations team whether the Yardi sync handles unit transfers",
                "2026-03-05",
            ),
        ),
        (  # a delivery verb hands over the answer: the request reads whole
            [
                ("Raj", "Can you find out what the renewal price would be for two hundred seats?"),
                ("Dana", "Sure, I'll get that to you by Friday."),
            ],
            (
                "Dana",
                "find out what the renewal price would be for two hundred seats",
                "2026-03-06",
            ),
        ),
    ],
)
def test_pronoun_for_a_question_reads_as_the_question(find, lines, expected) -> None:  # type: ignore[no-untyped-def]
    [step] = find(*lines)
    assert (step.owner, step.action, step.due) == expected


def test_question_in_the_same_turn_is_quoted_with_the_step(find) -> None:  # type: ignore[no-untyped-def]
    said = (
        "I can ask the other front desks which reminder times work best. "
        "I'll collect that by next Friday."
    )
    [step] = find(("Mia", said), ("Dana", "Great."))
    assert (step.evidence, step.due_text) == (said, "by next Friday")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # what is needed, said as a question, then taken on in the same turn
            [
                (
                    "Raj",
                    "We need to know which clinics go first. "
                    "I'll work that out with Mia by Friday.",
                ),
                ("Dana", "Great."),
            ],
            ("work out with Mia which clinics go first", "2026-03-06"),
        ),
        (  # a pronoun after a verb's preposition ('look into it') stands for it too
            [
                (
                    "Dana",
                    "We need to know whether the export includes archived users. "
                    "I'll look into that by Friday.",
                ),
                ("Raj", "Great."),
            ],
            ("look into whether the export includes archived users", "2026-03-06"),
        ),
        (  # ... and in a reply to a request
            [
                ("Raj", "Could you figure out how to route the alerts to a role?"),
                ("Dana", "Sure, I'll look into it this week."),
            ],
            ("look into how to route the alerts to a role", "2026-03-06"),
        ),
    ],
)
def test_pronoun_for_a_question_in_other_forms(find, lines, expected) -> None:  # type: ignore[no-untyped-def]
    [step] = find(*lines)
    assert (step.action, step.due) == expected


def test_pronoun_after_a_verbs_preposition_names_the_thing_asked_for(find) -> None:  # type: ignore[no-untyped-def]
    [step] = find(
        ("Raj", "Can you check the SSO logs for the failed logins?"),
        ("Dana", "Yes, I'll look into it tomorrow."),
    )
    assert (step.action, step.due) == ("check the SSO logs for the failed logins", "2026-03-04")


def test_pronoun_after_a_remark_stays_as_said(find) -> None:  # type: ignore[no-untyped-def]
    [step] = find(
        ("Raj", "I think the pilot went well. I'll look into it tomorrow."), ("Dana", "Great.")
    )
    assert (step.action, step.evidence) == ("look into it", "I'll look into it tomorrow.")


@pytest.mark.parametrize(
    ("said", "action"),
    [
        (  # a compound noun the tagger reads as a verb ('logging', 'invites')
            "I'll put the waste logging on the close-down checklist, starting Monday.",
            "put the waste logging on the close-down checklist",
        ),
        (
            "I'll send the calendar invites for the first session today.",
            "send the calendar invites for the first session",
        ),
        (  # a participle before its noun; the addressee still drops
            "I'll send you redacted examples of finished reports by Friday.",
            "send redacted examples of finished reports",
        ),
        (  # the object read as an adverb ('times'): 'you' is still only the addressee
            "I'll send you the intake times from the pilot by October 30.",
            "send the intake times from the pilot",
        ),
        (  # the object clause after a particle, a person asked, or a preposition
            "I'll find out whether legal needs a DPA by Friday.",
            "find out whether legal needs a DPA",
        ),
        (
            "I'll ask Karen in infosec whether app-level protection is enough, tomorrow.",
            "ask Karen in infosec whether app-level protection is enough",
        ),
        (
            "I'll check if the export includes archived users by Friday.",
            "check if the export includes archived users",
        ),
        (
            "I'll send the list of which club is on which system by Friday.",
            "send the list of which club is on which system",
        ),
        (  # who is shown is only the audience; who is asked stays
            "I'll show you how to route the alerts to a role tomorrow.",
            "show how to route the alerts to a role",
        ),
        (
            "I'll ask them which reminder times work best by Friday.",
            "ask them which reminder times work best",
        ),
        (  # the clause after the verb that takes it ('know')
            "I'll let you know whether legal approves the DPA by Friday.",
            "let you know whether legal approves the DPA",
        ),
        (  # a participle with its own object is a clause, not part of a noun
            "We'll work on the prototype following the instructions we agreed, by Friday.",
            "work on the prototype",
        ),
        ("I'll send the file if you want.", "send the file"),  # a condition still ends it
        ("I'll send the report which Mia asked for by Friday.", "send the report"),
    ],
)
def test_action_keeps_what_the_parser_splits(find, said: str, action: str) -> None:  # type: ignore[no-untyped-def]
    [step] = find(("Dana", said), ("Raj", "Great."))
    assert step.action == action


@pytest.mark.parametrize(
    ("said", "action"),
    [
        (
            "I'll draft the routing rules and send them to Simone by Friday.",
            "draft the routing rules and send them to Simone",
        ),
        (  # the time phrase between the two verbs is cut; the addressee drops, "to you" stays
            "I'll create the service account on Thursday and send you the credentials.",
            "create the service account and send the credentials",
        ),
        (
            "I'll write up the summary and get it to you by Tuesday.",
            "write up the summary and get it to you",
        ),
        (  # a bare second verb adds nothing
            "I'll talk to Dean at my one-on-one next week and see.",
            "talk to Dean at my one-on-one",
        ),
        ("I'll send the deck by Friday and we can talk after.", "send the deck"),  # new subject
        (  # what the step is for, across its time phrase
            "So should we do a final call on the eighteenth to walk through the redlines?",
            "do a final call to walk through the redlines",
        ),
    ],
)
def test_one_step_with_two_verbs_keeps_both(find, said: str, action: str) -> None:  # type: ignore[no-untyped-def]
    [step] = find(("Dana", said), ("Raj", "Great."))
    assert step.action == action


def test_joint_do_this_again_is_another_meeting(find) -> None:  # type: ignore[no-untyped-def]
    [step] = find(
        ("Dana", "Okay, that is time. Let's do this again Thursday, same time?"),
        ("Raj", "Yeah, Thursday works."),
    )
    assert (step.side, step.action, step.due) == ("joint", "meet again", "2026-03-05")
    [mine] = find(
        ("Raj", "The export failed overnight. I'll do it again tomorrow."), ("Dana", "Ok.")
    )
    assert mine.action == "do it again"  # one person redoing a thing is not a meeting
