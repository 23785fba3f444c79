"""The recap email: customer steps come first and read in the vendor's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_factory import analysis, goal, step, turn

from milepost.models import Goal
from milepost.pipeline.recap import build_recap
from milepost.pipeline.store import open_db
from milepost.pipeline.store.writer import write_meeting


def test_customer_steps_are_turned_to_the_vendors_view(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/disc.txt",
        "2026-10-13",
        [
            turn("Ben Adler", "vendor", "I'll send you the pricing sheet by Friday."),
            turn("Hannah Cole", "customer", "I'll send you our current forms next week."),
            turn("Marcus Reid", "customer", "We will get our questionnaire over to you."),
        ],
        steps=[
            step("send you the pricing sheet", "vendor", "Ben Adler", "2026-10-16"),
            step("send you our current forms", "customer", "Hannah Cole", "2026-10-23"),
            step(
                "get our questionnaire over to you", "customer", None, None, speaker="Marcus Reid"
            ),
        ],
        title="Discovery",
    )
    write_meeting(db, a, "h", "Larkspur Logistics")
    recap = build_recap(db, 1)
    assert recap.to == ["Hannah Cole", "Marcus Reid"]
    assert recap.body.split("**You're going to:**\n")[1] == (
        "- send us your current forms (Hannah Cole), by 2026-10-23\n"
        "- get your questionnaire over to us\n\n"
        "**Then we're going to:**\n"
        "- send you the pricing sheet (Ben Adler), by 2026-10-16\n\n"
        "Let me know if I missed anything.\n\nBest,\nBen\n"
    )
    assert recap.body.startswith("Subject: Recap: Discovery, 2026-10-13\n\nHi Hannah and Marcus,\n")


def test_the_host_signs_when_vendors_own_as_many_steps(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/kickoff.txt",
        "2026-09-01",
        [
            turn("Maya Okafor", "vendor", "Welcome to your kickoff."),
            turn("Tom Brennan", "vendor", "I'll configure the integration by Friday."),
            turn("Maya Okafor", "vendor", "I'll send you the SSO guide."),
        ],
        steps=[
            step("configure the integration", "vendor", "Tom Brennan", "2026-09-04"),
            step("send you the SSO guide", "vendor", "Maya Okafor", None),
        ],
    )
    write_meeting(db, a, "h", "Northwind Dental")
    assert build_recap(db, 1).body.endswith("Best,\nMaya\n")


def test_diarizer_labels_are_never_greeted_or_named(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/call.ogg",
        "2026-11-10",
        [
            turn("SPEAKER_1", "vendor", "I'll send the admin guide by Friday."),
            turn("SPEAKER_2", "customer", "I'll set up the SSO test with our security team."),
        ],
        steps=[
            step("send the admin guide", "vendor", "SPEAKER_1", "2026-11-13"),
            step("set up the SSO test with our security team", "customer", "SPEAKER_2", None),
        ],
    )
    write_meeting(db, a, "h", "Juniper Health")
    recap = build_recap(db, 1)
    assert recap.to == []
    assert recap.body.startswith("Subject: Recap: Juniper Health call, 2026-11-10\n\nHi all,\n")
    assert recap.body.split("**You're going to:**\n")[1] == (
        "- set up the SSO test with your security team\n\n"
        "**Then we're going to:**\n"
        "- send the admin guide, by 2026-11-13\n\n"
        "Let me know if I missed anything.\n\nAll the best.\n"
    )


def test_the_sidecar_names_the_sender_when_no_named_vendor_spoke(tmp_path: Path) -> None:
    """A recording's speakers are labels; the vendor its sidecar names signs, not a label."""
    call = tmp_path / "call.ogg"
    call.write_bytes(b"OggS\x00")
    (tmp_path / "call.meta.yaml").write_text("vendor: [SPEAKER_1, Dana Ruiz, Tom Brennan]\n")
    db = open_db(tmp_path / "s.db")
    a = analysis(
        str(call),
        "2026-11-10",
        [turn("SPEAKER_1", "vendor", "I'll send the admin guide by Friday.")],
        steps=[step("send the admin guide", "vendor", "SPEAKER_1", "2026-11-13")],
    )
    write_meeting(db, a, "h", "Juniper Health")
    assert build_recap(db, 1).body.endswith("anything.\n\nBest,\nDana\n")
    (tmp_path / "call.meta.yaml").write_text("vendor: [SPEAKER_1]\n")
    assert build_recap(db, 1).body.endswith("anything.\n\nAll the best.\n")
    (tmp_path / "call.meta.yaml").write_text("vendor: [Dana\n")  # broken since ingest
    assert build_recap(db, 1).body.endswith("anything.\n\nAll the best.\n")


def test_the_roster_named_at_ingest_greets_and_signs_when_only_labels_spoke(
    tmp_path: Path,
) -> None:
    """`ingest call.ogg --vendor "Dana Ruiz" --customer "Jordan Lee"`: no sidecar to read back."""
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/gone/call.ogg",
        "2026-11-10",
        [
            turn("SPEAKER_1", "vendor", "I'll send the admin guide by Friday."),
            turn("SPEAKER_2", "customer", "Thanks."),
        ],
        steps=[step("send the admin guide", "vendor", "SPEAKER_1", "2026-11-13")],
    )
    roster = {"vendor": ["SPEAKER_1", "Dana Ruiz"], "customer": ["Jordan Lee"]}
    write_meeting(db, a, "h1", "Juniper Health", roster=roster)
    recap = build_recap(db, 1)
    assert recap.to == ["Jordan Lee"]
    assert recap.body.startswith("Subject: Recap: Juniper Health call, 2026-11-10\n\nHi Jordan,\n")
    assert recap.body.endswith("anything.\n\nBest,\nDana\n")
    labels = {"vendor": ["SPEAKER_1"], "customer": ["SPEAKER_2"]}
    write_meeting(db, a.model_copy(update={"source": "/gone/b.ogg"}), "h2", "J", roster=labels)
    recap = build_recap(db, 2)
    assert recap.to == [] and recap.body.endswith("anything.\n\nAll the best.\n")


def test_a_named_vendor_who_spoke_signs_before_the_sidecar(tmp_path: Path) -> None:
    call = tmp_path / "call.txt"
    call.write_text("Maya: I'll send the SSO guide.\n")
    (tmp_path / "meeting.yaml").write_text("vendor: [Dana Ruiz, Maya Okafor]\n")
    db = open_db(tmp_path / "s.db")
    a = analysis(
        str(call),
        "2026-09-01",
        [turn("Maya Okafor", "vendor", "I'll send you the SSO guide.")],
        steps=[step("send you the SSO guide", "vendor", "Maya Okafor", None)],
    )
    write_meeting(db, a, "h", "Northwind Dental")
    assert build_recap(db, 1).body.endswith("Best,\nMaya\n")


def test_an_unsigned_note_to_the_team_has_no_dangling_comma(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/founders.ogg",
        "2026-11-02",
        [turn("SPEAKER_1", "vendor", "We should write the partner deck.")],
    )
    write_meeting(db, a, "h", "Internal")
    assert build_recap(db, 1).body == (
        "Subject: Recap: Internal call, 2026-11-02\n\nHi team,\n\n"
        "Notes from the call on 2026-11-02. Nobody on it spoke for the customer, "
        "so there was no customer goal to agree.\n\n"
        "No next steps were agreed on the call; reply with anything I missed.\n\n"
        "All the best.\n"
    )


def test_a_call_with_nobody_for_the_customer_is_a_note_to_the_team(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/founders.txt",
        "2026-11-02",
        [
            turn("Dana Wu", "vendor", "I'll draft the partner deck by Friday."),
            turn("Sam Ortiz", "vendor", "Sounds good."),
        ],
        steps=[step("draft the partner deck", "vendor", "Dana Wu", "2026-11-06")],
    )
    write_meeting(db, a, "h", "Internal")
    recap = build_recap(db, 1)
    assert recap.to == []
    assert recap.body == (
        "Subject: Recap: Internal call, 2026-11-02\n\nHi team,\n\n"
        "Notes from the call on 2026-11-02. Nobody on it spoke for the customer, "
        "so there was no customer goal to agree.\n\n"
        "**We're going to:**\n- draft the partner deck (Dana Wu), by 2026-11-06\n\n"
        "Let me know if I missed anything.\n\nBest,\nDana\n"
    )


def test_a_customer_step_without_a_customer_speaker_is_still_a_customer_email(
    tmp_path: Path,
) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/call.txt",
        "2026-11-02",
        [turn("Dana Wu", "vendor", "Your team will send the export; I'll load it.")],
        steps=[step("send the export", "customer", None, None, speaker="Dana Wu")],
    )
    write_meeting(db, a, "h", "Acme")
    assert "Hi all,\n\nThanks for your time on 2026-11-02." in build_recap(db, 1).body


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("faster intake", "**Goal:** faster intake (under five minutes, by June)."),
        ("intake under five minutes", "**Goal:** intake under five minutes (by June)."),
        ("intake under five minutes by June", "**Goal:** intake under five minutes by June."),
    ],
)
def test_the_goal_adds_only_the_metric_and_deadline_its_words_leave_out(
    tmp_path: Path, text: str, line: str
) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/kickoff.txt",
        "2026-03-03",
        [turn("Priya Nair", "customer", f"We want {text}.")],
        goals=[goal(text, True, "under five minutes", "by June")],
    )
    write_meeting(db, a, "h", "Acme")
    assert line + "\n" in build_recap(db, 1).body.splitlines(keepends=True)


def test_a_check_in_under_a_goal_agreed_earlier_restates_it(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    talk = [turn("Priya Nair", "customer", "Going well.")]
    kickoff = analysis(
        "/c/1.txt",
        "2026-03-03",
        talk,
        goals=[goal("intake under five minutes", True, None, "by June")],
    )
    checkin = analysis("/c/2.txt", "2026-03-17", talk, goals=[goal("fewer late fees", False)])
    write_meeting(db, kickoff, "h1", "Acme")
    write_meeting(db, checkin, "h2", "Acme")
    recap = build_recap(db, 2)
    assert recap.goals == [] and recap.standing_goal is not None
    assert recap.body.split("\n\n")[3] == (
        "**Goal** (agreed on 2026-03-03): intake under five minutes (by June)."
    )
    assert "haven't agreed" not in recap.body
    assert build_recap(db, 1).standing_goal is None  # nothing stood before the kickoff


def _said(text: str, evidence: str, metric: str | None = None) -> Goal:
    return goal(text, True, metric).model_copy(update={"evidence": evidence})


@pytest.mark.parametrize(
    ("found", "line"),
    [
        (
            _said("that down to three days before peak", "We want that down to three days."),
            '**Goal:** "We want that down to three days."',
        ),
        (
            _said("get my front desk off the...", "Get my front desk off the phone.", "by May"),
            '**Goal:** "Get my front desk off the phone." (by May).',
        ),
        (
            _said("'t do forty-eight hours in April", "If we can't do forty-eight hours, ouch!"),
            '**Goal:** "If we can\'t do forty-eight hours, ouch!"',
        ),
    ],
)
def test_a_goal_text_that_needs_its_sentence_is_quoted_whole(
    tmp_path: Path, found: Goal, line: str
) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis("/c/1.txt", "2026-03-03", [turn("Priya Nair", "customer", "Hi.")], goals=[found])
    write_meeting(db, a, "h", "Acme")
    assert line + "\n" in build_recap(db, 1).body.splitlines(keepends=True)


def test_goals_talked_about_but_not_agreed_are_listed_before_the_question(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    goals = [
        goal("fewer late fees", False),
        _said("that under ten thousand", "Trim spend, get that under ten thousand.", None),
    ]
    goals[1].agreed = False
    a = analysis("/c/1.txt", "2026-03-03", [turn("Priya Nair", "customer", "Hi.")], goals=goals)
    write_meeting(db, a, "h", "Acme")
    body = build_recap(db, 1).body
    assert body.split("\n\n")[3:5] == [
        "**Goal:** we haven't agreed a measurable goal yet. We talked about:\n"
        "- fewer late fees\n"
        '- "Trim spend, get that under ten thousand."',
        "Let's pin one down next time: What result would make this a win?",
    ]


def test_a_goal_agreed_with_nothing_to_check_gets_the_question_and_never_stands(
    tmp_path: Path,
) -> None:
    db = open_db(tmp_path / "s.db")
    talk = [turn("Priya Nair", "customer", "We just want more out of the tool.")]
    vague = analysis("/c/1.txt", "2026-03-03", talk, goals=[goal("more out of the tool", True)])
    vague.has_agreed_goal, vague.flags = False, ["no_agreed_goal"]  # nothing to check
    vague.questions = ["What result would make this a win?"]
    write_meeting(db, vague, "h1", "Acme")
    write_meeting(db, analysis("/c/2.txt", "2026-03-17", talk), "h2", "Acme")
    assert build_recap(db, 1).body.split("\n\n")[3:5] == [
        "**Goal:** more out of the tool.",
        "Let's put a number or a date on it next time: What result would make this a win?",
    ]
    later = build_recap(db, 2)
    assert later.standing_goal is None
    assert "**Goal:** we haven't agreed a measurable goal yet." in later.body


def test_a_step_that_says_nothing_to_act_on_is_quoted(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    said = "You did. I didn't. I'll do mine this week, I promise."
    a = analysis(
        "/c/call.txt",
        "2026-02-10",
        [turn("Jo Marsh", "customer", said), turn("Dana Ruiz", "vendor", "Thanks, Jo.")],
        steps=[
            step("do mine", "customer", "Jo Marsh", "2026-02-13", evidence=said),
            step("send you the review link", "vendor", "Dana Ruiz", None),
        ],
    )
    write_meeting(db, a, "h", "Acme")
    assert build_recap(db, 1).body.split("**You're going to:**\n")[1].split("\n\nLet")[0] == (
        f'- "{said}" (Jo Marsh), by 2026-02-13\n\n'
        "**Then we're going to:**\n"
        "- send you the review link (Dana Ruiz)"
    )


def test_a_quoted_step_that_says_when_is_not_followed_by_its_due_words(tmp_path: Path) -> None:
    """ "I'll call her after the holidays.", after the holidays" said it twice; a date
    resolved from the words is news and stays."""
    db = open_db(tmp_path / "s.db")
    said = "I'll call her after the holidays."
    a = analysis(
        "/c/call.txt",
        None,
        [turn("Jo Marsh", "customer", said), turn("Dana Ruiz", "vendor", "Thanks, Jo.")],
        steps=[
            step(
                "call her",
                "customer",
                "Jo Marsh",
                None,
                due_text="after the holidays",
                evidence=said,
            ),
            step("call him", "customer", "Jo Marsh", "2026-02-13", due_text="by Friday"),
            step("send you the review link", "vendor", "Dana Ruiz", None, due_text="tomorrow"),
        ],
    )
    write_meeting(db, a, "h", "Acme")
    assert build_recap(db, 1).body.split("**You're going to:**\n")[1].split("\n\nLet")[0] == (
        '- "I\'ll call him." (Jo Marsh), by 2026-02-13\n'
        f'- "{said}" (Jo Marsh)\n\n'
        "**Then we're going to:**\n"
        "- send you the review link (Dana Ruiz), tomorrow"
    )


def test_two_goals_agreed_are_one_list_and_a_due_said_first_loses_its_capital(
    tmp_path: Path,
) -> None:
    """Two "**Goal:**" lines read as a slip; "In two weeks" after a comma read mis-cased,
    while a day's name keeps its capital."""
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/kickoff.txt",
        "2026-03-03",
        [turn("Priya Nair", "customer", "We want both.")],
        goals=[goal("no-shows under six percent", True), goal("intake under five minutes", True)],
        steps=[
            step("set up a session", "customer", "Priya Nair", None, due_text="In two weeks"),
            step("send the list", "customer", "Priya Nair", None, due_text="Monday"),
        ],
    )
    write_meeting(db, a, "h", "Acme")
    body = build_recap(db, 1).body
    assert body.split("Here's what we agreed.\n\n")[1].split("\n\nLet")[0] == (
        "**Goals:**\n"
        "- no-shows under six percent.\n"
        "- intake under five minutes.\n\n"
        "**You're going to:**\n"
        "- set up a session (Priya Nair), in two weeks\n"
        "- send the list (Priya Nair), Monday"
    )


def test_an_untitled_call_is_the_accounts_call_in_the_subject(tmp_path: Path) -> None:
    """With no title the subject said the account alone, which ingest takes from the folder
    ("Recap: seeds" for ../shared/seeds/001.txt): it is our call with that account."""
    db = open_db(tmp_path / "s.db")
    talk = [turn("Ana Diaz", "customer", "We want fewer late loads.")]
    write_meeting(db, analysis("/calls/seeds/001.txt", None, talk), "h", "seeds")
    recap = build_recap(db, 1)
    assert recap.subject == "Recap: seeds call"
    assert recap.body.startswith("Subject: Recap: seeds call\n\nHi Ana,\n")


def test_a_goal_that_points_back_or_is_a_bare_figure_says_what_it_counts(tmp_path: Path) -> None:
    """As in the brief: "I want that under 4% by Easter." opens on the sentence before it in
    its turn (data/train yf_14), and "5% by the end of 2027.", said in answer, is followed by
    the sentence that put the figure (yf_24)."""
    db = open_db(tmp_path / "s.db")
    before = "Right now we throw away about 9% of what we make."
    pointing = "I want that under 4% by Easter."
    asked = "So for year 2, fuel per tonne kilometre down another 5% by the end of 2027?"
    talk = [
        turn("Anna Bakker", "vendor", asked),
        turn("Priya Nair", "customer", "5% by the end of 2027."),
        turn("Priya Nair", "customer", f"{before} {pointing}"),
    ]
    goals = [
        goal("5% by the end of 2027", True, "5%", "by the end of 2027").model_copy(
            update={"evidence": "5% by the end of 2027."}
        ),
        goal("that under 4% by Easter", True, "under 4%", "by Easter").model_copy(
            update={"evidence": pointing}
        ),
    ]
    write_meeting(db, analysis("/c/1.txt", "2026-12-14", talk, goals=goals), "h", "Acme")
    body = build_recap(db, 1).body
    assert body.split("\n\n")[3] == (
        "**Goals:**\n"
        f'- "5% by the end of 2027." (after Anna Bakker: "{asked}").\n'
        f'- "{before} {pointing}"'
    )
