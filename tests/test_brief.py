"""The brief stays one screen for a busy account: newest steps, outcomes and flags, with counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store_factory import analysis, goal, outcome, step, turn

from milepost.pipeline.brief import build_brief, render_brief
from milepost.pipeline.journey import load_journey
from milepost.pipeline.store import open_db
from milepost.pipeline.store.writer import write_meeting


def test_long_lists_show_the_newest_with_a_count(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    for i in range(7):
        a = analysis(
            f"/calls/{i}.txt",
            f"2026-01-{i + 10:02d}",
            [turn("Bo Chen", "customer", f"Call {i}, nothing much.")],
            steps=[
                step(f"upload batch {i}{k} of invoices", "customer", "Bo Chen", None) for k in "ab"
            ],
            outcomes=[outcome(f"We closed {i} weeks faster.")],
        )
        write_meeting(db, a, f"h{i}", "Acme")
    brief = build_brief(db, "Acme", on=date(2026, 2, 1))
    assert len(brief.open_steps["customer"]) == 14
    out = render_brief(brief)
    customer = out.split("Theirs (customer homework):\n")[1].split("\n\n")[0].splitlines()
    assert customer[0] == '- … 6 older (`milepost steps --account "Acme" --open`)'
    assert customer[1:] == [
        f"- #{n} upload batch {(n - 1) // 2}{'ab'[(n - 1) % 2]} of invoices (Bo Chen), no due date"
        for n in range(7, 15)
    ]
    outcomes = out.split("## Verified outcomes\n")[1].split("\n\n")[0].splitlines()
    assert outcomes[0] == "- … 2 earlier"
    assert outcomes[1] == '- 2026-01-12 save time: "We closed 2 weeks faster." (Priya Nair)'
    flagged = out.split("## Flagged meetings\n")[1].splitlines()
    assert flagged[0] == '- … 2 earlier (`milepost meetings --flagged --account "Acme"`)'
    assert flagged[-1] == "- #7 2026-01-16 6.txt: no_agreed_goal"
    assert len(out.splitlines()) < 50


def test_a_stage_said_with_little_evidence_is_marked_a_guess(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    talk = [
        turn("Dana Ruiz", "vendor", "From prospect to customer, that's the journey."),
        turn("Bo Chen", "customer", "Sure."),
    ]
    first = analysis("/c/1.txt", "2026-01-10", talk, stage="onboarding")
    write_meeting(db, first, "h1", "Acme")
    assert render_brief(build_brief(db, "Acme", on=date(2026, 2, 1))).splitlines()[3] == (
        "Stage: **Onboarding** (since 2026-01-10) → next: **Adoption**"
    )
    second = analysis("/c/2.txt", "2026-01-20", talk, stage="advocacy")
    assert second.stage is not None
    second.stage.confidence = 0.13
    write_meeting(db, second, "h2", "Acme")
    brief = build_brief(db, "Acme", on=date(2026, 2, 1))
    assert brief.stage is not None and brief.stage.confidence == 0.13
    assert render_brief(brief).splitlines()[3] == (
        "Stage: **Advocacy** (since 2026-01-20; a guess: the last meeting said little about"
        " its stage, confidence 0.13)"
    )
    # with no goal agreed, a guessed stage asks the map's opening discovery questions, as the
    # analysis and the recap do, not the guessed stage's
    journey = load_journey()
    assert brief.questions == journey.stages[0].questions != journey.get("advocacy").questions


def test_steps_read_in_our_words_about_the_customer(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/1.txt",
        "2026-01-10",
        [
            turn("Ben Adler", "vendor", "I'll set up a dashboard for your managers."),
            turn("Hannah Cole", "customer", "I'll send you our current forms."),
        ],
        steps=[
            step("set up a dashboard for your managers", "vendor", "Ben Adler", None),
            step("send you our current forms", "customer", "Hannah Cole", None),
            step("ask your legal team about e-signatures", "customer", None, None, speaker=None),
        ],
    )
    write_meeting(db, a, "h1", "Larkspur")
    out = render_brief(build_brief(db, "Larkspur", on=date(2026, 2, 1)))
    assert out.split("## Open steps\n")[1].split("\n\n")[0].splitlines() == [
        "Ours (vendor):",
        "- #1 set up a dashboard for their managers (Ben Adler), no due date",
        "Theirs (customer homework):",
        "- #2 send us their current forms (Hannah Cole), no due date",
        # said by nobody we know, but of "your" things and not "our": asked by us (yg_08)
        "- #3 ask their legal team about e-signatures, no due date",
    ]


def test_flagged_meetings_say_whether_a_goal_stood_or_came_later(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    talk = [turn("Bo Chen", "customer", "Nothing new on goals today.")]
    calls = [
        ("2026-01-05", []),
        ("2026-01-12", [goal("invoices approved in two days", True, "two days")]),
        ("2026-01-19", []),
        ("2026-01-26", [goal("fewer late fees", False)]),
    ]
    for i, (day, goals) in enumerate(calls):
        write_meeting(db, analysis(f"/c/{i}.txt", day, talk, goals=goals), f"h{i}", "Acme")
    brief = build_brief(db, "Acme", on=date(2026, 2, 1))
    assert [(m.id, m.goal_agreed_before, m.goal_agreed_after) for m in brief.flagged] == [
        (1, None, "2026-01-12"),
        (3, "2026-01-12", None),
        (4, "2026-01-12", None),
    ]
    assert render_brief(brief).split("## Flagged meetings\n")[1].splitlines() == [
        "- #1 2026-01-05 0.txt: no_agreed_goal (a goal was agreed later, on 2026-01-12)",
        "- #3 2026-01-19 2.txt: no_agreed_goal (the goal agreed on 2026-01-12 stood)",
        "- #4 2026-01-26 3.txt: no_agreed_goal (the goal agreed on 2026-01-12 stood)",
    ]


def test_a_goal_text_that_needs_its_sentence_is_left_to_the_quote_and_never_quoted_twice(
    tmp_path: Path,
) -> None:
    db = open_db(tmp_path / "s.db")
    said = "Peak starts in November, and we want that down to three days."
    other = "Finance would love cost per unit at forty cents."
    a = analysis(
        "/c/1.txt",
        "2026-01-10",
        [turn("Priya Nair", "customer", said), turn("Priya Nair", "customer", other)],
        goals=[
            goal("that down to three days", True, "three days").model_copy(
                update={"evidence": said}
            ),
            goal("cost per unit at forty cents", False).model_copy(update={"evidence": other}),
        ],
        outcomes=[outcome("Since go-live, onboarding takes four days.")],
    )
    write_meeting(db, a, "h1", "Larkspur")
    out = render_brief(build_brief(db, "Larkspur", on=date(2026, 2, 1)))
    assert out.split("## Goal\n")[1].split("\n\n")[0] == (  # the quote says "three days"
        f'**Agreed** (save time; agreed 2026-01-10):\n> "{said}"'
    )
    # the agreed goal and the outcome are quoted above; the goal not agreed is news
    assert out.split("## Last time: 2026-01-10, 1.txt\n")[1].split("\n\n")[0] == (
        f'- Priya Nair: "{other}"'
    )


def test_a_goal_agreed_with_nothing_to_check_is_no_clear_goal(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    talk = [turn("Priya Nair", "customer", "We just want more out of the tool.")]
    vague = analysis("/c/1.txt", "2026-03-03", talk, goals=[goal("more out of the tool", True)])
    vague.has_agreed_goal, vague.flags = False, ["no_agreed_goal"]
    write_meeting(db, vague, "h1", "Acme")
    brief = build_brief(db, "Acme", on=date(2026, 4, 1))
    assert brief.goal is None
    assert render_brief(brief).split("## Goal\n")[1].split("\n\n")[0].splitlines()[:2] == [
        "⚠ **No clear agreed goal yet.** Agree one measurable outcome on this call.",
        "- Agreed, but nothing to check (2026-03-03): more out of the tool",
    ]


def test_an_internal_call_says_nothing_of_the_customer_stage(tmp_path: Path) -> None:
    """A team's own call (nobody spoke for the customer, no step of theirs) sets no stage; a
    customer step, or a customer who spoke, makes it a call with the customer."""
    db = open_db(tmp_path / "s.db")
    team = [turn("Speaker 1", "vendor", "From prospect to customer, that's the journey.")]
    write_meeting(db, analysis("/c/team.txt", "2026-01-10", team, stage="advocacy"), "h1", "Acme")
    out = render_brief(build_brief(db, "Acme", on=date(2026, 2, 1)))
    assert out.splitlines()[3] == (
        "Stage: unknown (no call with the customer yet: nobody spoke for them in its meeting)."
    )
    assert "Ask:" not in out  # the advocacy questions of a stage nobody was in
    assert "## Last time: 2026-01-10, team.txt (internal: nobody spoke for the customer)" in out
    assert out.split("## Flagged meetings\n")[1].splitlines() == [
        "- #1 2026-01-10 team.txt: no_agreed_goal (internal: nobody spoke for the customer)"
    ]
    homework = [step("send the SSO guide", "customer", "Bo Chen", None)]
    call = analysis("/c/call.txt", "2026-01-20", team, steps=homework, stage="onboarding")
    write_meeting(db, call, "h2", "Acme")
    brief = build_brief(db, "Acme", on=date(2026, 2, 1))
    assert brief.internal_meetings == [1]
    assert brief.stage is not None and brief.stage.id == "onboarding"
    write_meeting(db, analysis("/c/t2.txt", "2026-01-25", team, stage="advocacy"), "h3", "Acme")
    brief = build_brief(db, "Acme", on=date(2026, 2, 1))
    assert brief.stage is not None and (brief.stage.id, brief.stage.since) == (
        "onboarding",
        "2026-01-20",
    )


def test_a_step_that_says_nothing_to_act_on_is_quoted_once(tmp_path: Path) -> None:
    """ "present" or "do mine" names no deed: the brief quotes the sentence instead (and not
    again under Last time); an action that says what will be done stays as it is."""
    db = open_db(tmp_path / "s.db")
    said = "Yes, we'll present on March nineteenth."
    steps = [
        step("present", "customer", "Jo Marsh", "2026-03-19", evidence=said),
        step("send the webinar deck", "vendor", "Dana Ruiz", None),
    ]
    talk = [turn("Jo Marsh", "customer", said), turn("Dana Ruiz", "vendor", "Great.")]
    write_meeting(db, analysis("/c/1.txt", "2026-02-10", talk, steps=steps), "h1", "Acme")
    out = render_brief(build_brief(db, "Acme", on=date(2026, 2, 11)))
    assert '- #1 "Yes, we\'ll present on March nineteenth." (Jo Marsh), due 2026-03-19' in out
    assert "- #2 send the webinar deck (Dana Ruiz), no due date" in out
    assert out.count(said) == 1
    # a deed done to "it" comes with the clause that says what it is (data/train yg_18)
    bug = "That's a bug on our side in the printer template, I'll have it fixed this week."
    fix = step("have it fixed", "vendor", "Dana Ruiz", "2026-02-20", evidence=bug)
    talk = [turn("Dana Ruiz", "vendor", bug)]
    write_meeting(db, analysis("/c/2.txt", "2026-02-12", talk, steps=[fix]), "h2", "Bolt")
    out = render_brief(build_brief(db, "Bolt", on=date(2026, 2, 13)))
    assert f'- #3 "{bug}" (Dana Ruiz), due 2026-02-20\n' in out


def test_a_diarizer_label_is_never_shown_as_an_owner(tmp_path: Path) -> None:
    """A recording's speakers are labels: "(SPEAKER_1)" names nobody, and the side says whose."""
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/call.ogg",
        "2026-11-10",
        [
            turn("SPEAKER_1", "vendor", "I'll send the admin guide by Friday."),
            turn("Speaker 2", "customer", "I'll set up the SSO test."),
        ],
        steps=[
            step("send the admin guide", "vendor", "SPEAKER_1", "2026-11-13"),
            step("set up the SSO test", "customer", "Speaker 2", None),
        ],
    )
    write_meeting(db, a, "h1", "Juniper Health")
    out = render_brief(build_brief(db, "Juniper Health", on=date(2026, 11, 11)))
    assert out.split("## Open steps\n")[1].split("\n\n")[0].splitlines() == [
        "Ours (vendor):",
        "- #1 send the admin guide, due 2026-11-13",
        "Theirs (customer homework):",
        "- #2 set up the SSO test, no due date",
    ]


def test_last_time_never_says_again_what_the_brief_shows_above(tmp_path: Path) -> None:
    """The last call's steps are listed under Open steps with owner and due: quoting their
    sentences again said nothing new. The customer's other words are the news, never a turn
    that holds a sentence shown above, and never our own small talk."""
    db = open_db(tmp_path / "s.db")
    talk = [
        turn("Dana Ruiz", "vendor", "Hi all, thanks for joining."),
        turn("Bo Chen", "customer", "I'll send the invoice batch by Friday. It has March."),
        turn("Bo Chen", "customer", "Our auditors start in May, so the backlog worries me."),
        turn("Dana Ruiz", "vendor", "I'll set up the approval rules."),
    ]
    steps = [
        step(
            "send the invoice batch",
            "customer",
            "Bo Chen",
            None,
            evidence="I'll send the invoice batch by Friday.",
        ),
        step("set up the approval rules", "vendor", "Dana Ruiz", None),
    ]
    write_meeting(db, analysis("/c/1.txt", "2026-02-10", talk, steps=steps), "h1", "Acme")
    out = render_brief(build_brief(db, "Acme", on=date(2026, 2, 11)))
    assert out.split("## Last time: 2026-02-10, 1.txt\n")[1].split("\n\n")[0] == (
        '- Bo Chen: "Our auditors start in May, so the backlog worries me."'
    )
    talk = [turn("SPEAKER_1", "vendor", "Hi, Jordan."), turn("Jordan", "customer", "I'll do it.")]
    steps = [step("do the SSO test", "customer", "Jordan", None, evidence="I'll do it.")]
    write_meeting(db, analysis("/c/2.txt", "2026-02-10", talk, steps=steps), "h2", "Juniper")
    out = render_brief(build_brief(db, "Juniper", on=date(2026, 2, 11)))
    assert out.split("## Last time: 2026-02-10, 2.txt\n")[1].split("\n\n")[0] == (
        "Nothing said there that the brief does not already show."
    )


def test_the_goal_line_says_metric_and_deadline_only_when_its_words_leave_them_out(
    tmp_path: Path,
) -> None:
    db = open_db(tmp_path / "s.db")
    said = "Pretty well, our goal is still to cut onboarding time by 30% before March."
    agreed = goal("still to cut onboarding time by 30% before March", True, "30%", "by Q1")
    talk = [turn("Priya Nair", "customer", said)]
    a = analysis(
        "/c/1.txt", "2026-01-10", talk, goals=[agreed.model_copy(update={"evidence": said})]
    )
    write_meeting(db, a, "h1", "Acme")
    out = render_brief(build_brief(db, "Acme", on=date(2026, 2, 1)))
    assert out.split("## Goal\n")[1].split("\n\n")[0] == (
        "**Agreed:** cut onboarding time by 30% before March (save time; deadline by Q1;"
        f' agreed 2026-01-10)\n> "{said}"'
    )


def test_a_goal_listed_as_mentioned_is_not_quoted_again_under_last_time(tmp_path: Path) -> None:
    """Its short text is the same sentence cut: quoting the sentence below said it twice."""
    db = open_db(tmp_path / "s.db")
    said, other = "We need route miles down ten percent.", "Drivers hate the new app."
    mentioned = goal("route miles down ten percent", False).model_copy(update={"evidence": said})
    talk = [turn("Bo Chen", "customer", said), turn("Bo Chen", "customer", other)]
    write_meeting(db, analysis("/c/1.txt", "2026-02-10", talk, goals=[mentioned]), "h1", "Acme")
    out = render_brief(build_brief(db, "Acme", on=date(2026, 2, 11)))
    assert "- Mentioned, not agreed (2026-02-10): route miles down ten percent\n" in out
    assert out.split("## Last time: 2026-02-10, 1.txt\n")[1].split("\n\n")[0] == (
        f'- Bo Chen: "{other}"'
    )


def test_a_quoted_step_that_says_when_is_not_followed_by_its_due_words(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    said = "I'll call her after the holidays."
    steps = [
        step("call her", "customer", "Bo Chen", None, due_text="after the holidays", evidence=said),
        step("send the POs", "customer", "Bo Chen", None, due_text="tomorrow"),
    ]
    talk = [turn("Bo Chen", "customer", said)]
    write_meeting(db, analysis("/c/1.txt", None, talk, steps=steps), "h1", "Acme")
    out = render_brief(build_brief(db, "Acme", on=date(2026, 2, 11)))
    assert out.split("Theirs (customer homework):\n")[1].split("\n\n")[0].splitlines() == [
        f'- #1 "{said}" (Bo Chen)',
        '- #2 send the POs (Bo Chen), due "tomorrow"',
    ]


def test_an_undated_meeting_is_named_and_the_category_other_is_left_out(tmp_path: Path) -> None:
    """ "(#21)" and "#21 other:" read as noise: "meeting #21", and no category that says
    nothing of the goal or the result."""
    db = open_db(tmp_path / "s.db")
    said = "Fewer fights about damage deposits."
    mentioned = goal("fewer fights about damage deposits", False).model_copy(
        update={"category": "other", "evidence": said}
    )
    result = outcome("Returns fell from forty-one to nine.").model_copy(
        update={"category": "other"}
    )
    talk = [turn("Ivan Horvat", "customer", said)]
    a = analysis("/c/1.txt", None, talk, goals=[mentioned], outcomes=[result])
    write_meeting(db, a, "h1", "Jadran")
    out = render_brief(build_brief(db, "Jadran", on=date(2026, 2, 11)))
    assert "- Mentioned, not agreed (meeting #1): fewer fights about damage deposits\n" in out
    assert '- meeting #1: "Returns fell from forty-one to nine." (Priya Nair)\n' in out
    agreed = mentioned.model_copy(update={"agreed": True, "metric": "half"})
    write_meeting(db, analysis("/c/2.txt", None, talk, goals=[agreed]), "h2", "Jadran")
    out = render_brief(build_brief(db, "Jadran", on=date(2026, 2, 11)))
    assert (
        "**Agreed:** fewer fights about damage deposits (metric half; agreed in meeting #2)" in out
    )


def test_a_goal_whose_sentence_is_its_text_is_not_quoted_under_it(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    said = "Rework at six percent, group-wide, by the end of March."
    agreed = goal("Rework at six percent, group-wide, by the end of March", True, "six percent")
    talk = [turn("Kelsey Huang", "customer", said)]
    a = analysis(
        "/c/1.txt", "2026-01-10", talk, goals=[agreed.model_copy(update={"evidence": said})]
    )
    write_meeting(db, a, "h1", "Maplewood")
    out = render_brief(build_brief(db, "Maplewood", on=date(2026, 2, 1)))
    assert out.split("## Goal\n")[1].split("\n\n")[0] == (
        "**Agreed:** Rework at six percent, group-wide, by the end of March (save time; agreed"
        " 2026-01-10)"
    )


def test_last_time_quotes_no_bare_answer_and_no_diarizer_label(tmp_path: Path) -> None:
    """A bare answer ("Yes, exactly.") says nothing alone, and "SPEAKER_2" names nobody:
    a recording's brief quoted both as the only thing said last time."""
    db = open_db(tmp_path / "s.db")
    talk = [
        turn("SPEAKER_1", "vendor", "So handling time down by a fifth, does that sound right?"),
        turn("SPEAKER_2", "customer", "Yes, exactly."),
        turn("SPEAKER_2", "customer", "Yes, let's hold ourselves to that."),
        turn("SPEAKER_2", "customer", "The night shift still copies tickets by hand."),
    ]
    write_meeting(db, analysis("/c/1.txt", "2026-01-10", talk), "h1", "Acme")
    out = render_brief(build_brief(db, "Acme", on=date(2026, 2, 1)))
    assert out.split("## Last time: 2026-01-10, 1.txt\n")[1].split("\n\n")[0] == (
        '- "The night shift still copies tickets by hand."'
    )


def test_a_goal_quote_that_points_back_opens_on_the_sentence_before_it(tmp_path: Path) -> None:
    """A goal quote "we want that down to three days" says what "that" is only after the
    sentence said before it (the Larkspur sample); a goal not agreed is quoted the same way."""
    db = open_db(tmp_path / "s.db")
    before = "Right now onboarding a driver takes about ten days."
    said = "Peak starts in November, and we want that down to three days."
    other = "Our audits take a month. We want it under a week by June."
    a = analysis(
        "/c/1.txt",
        "2026-01-10",
        [turn("Hannah Cole", "customer", f"{before} {said}")],
        goals=[goal("that down to three days", True).model_copy(update={"evidence": said})],
    )
    write_meeting(db, a, "h1", "Larkspur")
    out = render_brief(build_brief(db, "Larkspur", on=date(2026, 2, 1)))
    assert out.split("## Goal\n")[1].split("\n\n")[0] == (
        f'**Agreed** (save time; agreed 2026-01-10):\n> "{before} {said}"'
    )
    b = analysis(
        "/c/2.txt",
        "2026-01-10",
        [turn("Bo Chen", "customer", other)],
        goals=[
            goal("it under a week by June", False).model_copy(
                update={"evidence": "We want it under a week by June."}
            )
        ],
    )
    b.has_agreed_goal, b.flags = False, ["no_agreed_goal"]
    write_meeting(db, b, "h2", "Acme")
    out = render_brief(build_brief(db, "Acme", on=date(2026, 2, 1)))
    assert f'- Mentioned, not agreed (2026-01-10): "{other}"\n' in out


def test_the_goals_mentioned_are_the_latest_meetings_most_concrete(tmp_path: Path) -> None:
    """With no goal agreed the brief lists three goals talked about: the last three stored
    left out the one with a figure and a date for vaguer ones said after it (ye_02)."""
    db = open_db(tmp_path / "s.db")
    said = [
        ("the second-visit rate under ten percent by next heating season", "ten percent", "by"),
        ("build the schedule in under an hour a day", "an hour a day", None),
        ("stop working Saturdays", None, None),
        ("happier techs by spring", None, "by spring"),
    ]
    goals = [
        goal(text, False, metric, deadline).model_copy(update={"evidence": f"I want {text}."})
        for text, metric, deadline in said
    ]
    talk = [turn("Rick", "customer", g.evidence) for g in goals]
    a = analysis("/c/2.txt", "2026-01-20", talk, goals=goals)
    old = analysis(
        "/c/1.txt", "2026-01-10", talk[:1], goals=[goal("fewer callbacks", False, "half")]
    )
    write_meeting(db, a, "h2", "Kessler")  # stored first, held later
    write_meeting(db, old, "h1", "Kessler")
    out = render_brief(build_brief(db, "Kessler", on=date(2026, 2, 1)))
    assert out.split("## Goal\n")[1].splitlines()[1:4] == [
        f"- Mentioned, not agreed (2026-01-20): {said[0][0]}",
        f"- Mentioned, not agreed (2026-01-20): {said[1][0]}",
        f"- Mentioned, not agreed (2026-01-20): {said[3][0]}",
    ]


def test_a_goal_that_is_a_bare_share_is_quoted_with_what_it_measures(tmp_path: Path) -> None:
    """ "eighty-five percent by the end of June" names nothing measured (data/train ye_13,
    ye_19, cs_train t1_01's "Six percent, group-wide, ..."): its sentence is quoted, opening
    on the sentence before it, which says what the share is of."""
    db = open_db(tmp_path / "s.db")
    before = "Last year our first-time fix was seventy-one percent."
    said = "I want eighty-five percent by the end of June."
    agreed = goal("eighty-five percent by the end of June", True, "eighty-five percent", "by")
    talk = [turn("Stefan Lechner", "customer", f"{before} {said}")]
    a = analysis(
        "/c/1.txt", "2026-01-10", talk, goals=[agreed.model_copy(update={"evidence": said})]
    )
    write_meeting(db, a, "h1", "Lechner")
    out = render_brief(build_brief(db, "Lechner", on=date(2026, 2, 1)))
    assert out.split("## Goal\n")[1].split("\n\n")[0] == (
        f'**Agreed** (save time; agreed 2026-01-10):\n> "{before} {said}"'
    )


def test_last_time_passes_over_the_opening_small_talk(tmp_path: Path) -> None:
    """The longest things a customer says in a call's first turns are often small talk
    (data/train ye_31: "Sorry, I'm in the car park at Joondalup, ..."): the quotes come from
    the rest of the call when it has any."""
    db = open_db(tmp_path / "s.db")
    chat = "Hi Ella, sorry, I'm in the car park, it's the only quiet spot, Tash joins in a minute."
    talk = [turn("Ella", "vendor", "Hi Bronwyn!"), turn("Bronwyn", "customer", chat)]
    talk += [turn("Ella", "vendor", f"Point {i}.") for i in range(17)]
    talk += [turn("Bronwyn", "customer", "The directors swap educators between centres now.")]
    write_meeting(db, analysis("/c/1.txt", "2026-01-10", talk), "h1", "Swan")
    out = render_brief(build_brief(db, "Swan", on=date(2026, 2, 1)))
    assert out.split("## Last time: 2026-01-10, 1.txt\n")[1].split("\n\n")[0] == (
        '- Bronwyn: "The directors swap educators between centres now."'
    )
    short = analysis("/c/2.txt", "2026-01-20", talk[:2])  # nothing after it: the opening
    write_meeting(db, short, "h2", "Swan")
    out = render_brief(build_brief(db, "Swan", on=date(2026, 2, 1)))
    assert f'- Bronwyn: "{chat}"' in out


def test_last_time_quotes_a_goal_that_points_back_with_the_sentence_before_it(
    tmp_path: Path,
) -> None:
    """Under Last time, "I'd like that under ten." (data/train ye_36) says what "that" is
    only with the sentence before it; a lead-in too long for the quote loses its start."""
    db = open_db(tmp_path / "s.db")
    before = "We get about thirty complaints a month from the property managers."
    said = "I'd like that under ten."
    agreed = goal("ninety-five percent of shifts clocked in on site", True)
    other = goal("that under ten", False).model_copy(update={"evidence": said})
    talk = [
        turn("Tania", "customer", agreed.evidence),
        turn("Steve", "customer", f"{before} {said}"),
    ]
    a = analysis("/c/1.txt", "2026-01-10", talk, goals=[agreed, other])
    write_meeting(db, a, "h1", "Kiwi")
    out = render_brief(build_brief(db, "Kiwi", on=date(2026, 2, 1)))
    assert out.split("## Last time: 2026-01-10, 1.txt\n")[1].split("\n\n")[0] == (
        f'- Priya Nair: "{before} {said}"'  # store_factory's goals are Priya's
    )
    long = "We wrote off about forty bins last season, " * 6 + "and each one is dear."
    talk[1] = turn("Steve", "customer", f"{long} {said}")
    write_meeting(db, analysis("/c/2.txt", "2026-01-20", talk, goals=[agreed, other]), "h2", "Kiwi")
    out = render_brief(build_brief(db, "Kiwi", on=date(2026, 2, 1)))
    quote = out.split("## Last time: 2026-01-20, 2.txt\n")[1].split("\n\n")[0]
    assert quote.startswith('- Priya Nair: "… ') and quote.endswith(
        f'and each one is dear. {said}"'
    )
    assert len(quote) <= len('- Priya Nair: ""') + 200


def test_a_bare_figure_said_in_answer_comes_after_the_sentence_that_put_it(
    tmp_path: Path,
) -> None:
    """ "5% by the end of 2027." opens its turn, so no sentence of its own turn says what the
    5% counts (data/train yf_24, yf_11, yf_19); the nearest sentence of the turns before that
    says the same figure does, shown first with who said each when they are named."""
    db = open_db(tmp_path / "s.db")
    asked = "So for year 2, fuel per tonne kilometre down another 5% by the end of 2027?"
    said = "5% by the end of 2027."
    talk = [
        turn("Anna Bakker", "vendor", f"Great. I'd like a target in the renewal. {asked}"),
        turn("Joris de Waal", "customer", "Yes, 5%, that's fair. The new ships help."),
        turn("Joris de Waal", "customer", f"{said} Put it in."),
    ]
    agreed = goal("5% by the end of 2027", True, "5%", "by the end of 2027")
    agreed = agreed.model_copy(update={"evidence": said, "speaker": "Joris de Waal"})
    write_meeting(db, analysis("/c/1.txt", "2026-12-14", talk, goals=[agreed]), "h1", "De Waal")
    out = render_brief(build_brief(db, "De Waal", on=date(2027, 1, 5)))
    assert out.split("## Goal\n")[1].split("\n\n")[0] == (
        "**Agreed** (save time; agreed 2026-12-14):\n"
        f'> Anna Bakker: "{asked}"\n> Joris de Waal: "{said}"'
    )
    # with diarizer labels, and not agreed: the quote, then what it answered, unnamed
    talk = [
        turn("SPEAKER_00", "vendor", "So the goal is storage shrink under six percent by June."),
        turn("SPEAKER_01", "customer", "Under six by June."),
    ]
    talked = goal("Under six by June", False, "six", "by June").model_copy(
        update={"evidence": "Under six by June.", "speaker": "SPEAKER_01"}
    )
    b = analysis("/c/2.txt", "2026-10-27", talk, goals=[talked])
    b.has_agreed_goal, b.flags = False, ["no_agreed_goal"]
    write_meeting(db, b, "h2", "Malpeque")
    out = render_brief(build_brief(db, "Malpeque", on=date(2026, 11, 1)))
    assert (
        '- Mentioned, not agreed (2026-10-27): "Under six by June." (after: "So the goal is'
        ' storage shrink under six percent by June.")\n'
    ) in out


def test_a_bare_figure_with_no_sentence_before_that_says_it_is_quoted_alone(
    tmp_path: Path,
) -> None:
    """Only a sentence that says the same figure explains it: small talk just before is
    not shown, nor is an answer that only repeats the figure ("Yes, 5%, that's fair.")."""
    db = open_db(tmp_path / "s.db")
    talk = [
        turn("Anna Bakker", "vendor", "How was the yard in Dordrecht?"),
        turn("Joris de Waal", "customer", "Yes, 5%, that's fair."),
        turn("Joris de Waal", "customer", "5% by the end of 2027."),
    ]
    agreed = goal("5% by the end of 2027", True, "5%", "by the end of 2027")
    agreed = agreed.model_copy(update={"evidence": "5% by the end of 2027."})
    write_meeting(db, analysis("/c/1.txt", "2026-12-14", talk, goals=[agreed]), "h1", "De Waal")
    out = render_brief(build_brief(db, "De Waal", on=date(2027, 1, 5)))
    assert out.split("## Goal\n")[1].split("\n\n")[0] == (
        '**Agreed** (save time; agreed 2026-12-14):\n> "5% by the end of 2027."'
    )


def test_an_outcome_told_by_a_diarizer_label_names_nobody(tmp_path: Path) -> None:
    """Steps and Last time never show "SPEAKER_02" as a person; verified outcomes did
    (data/train yf_23)."""
    db = open_db(tmp_path / "s.db")
    told = "No-shows went from eighteen percent of bookings to six percent this year."
    said = outcome(told).model_copy(update={"speaker": "SPEAKER_02"})
    talk = [turn("SPEAKER_02", "customer", told)]
    write_meeting(db, analysis("/c/1.txt", "2026-10-29", talk, outcomes=[said]), "h1", "Caves")
    out = render_brief(build_brief(db, "Caves", on=date(2026, 11, 1)))
    assert f'- 2026-10-29 save time: "{told}"\n' in out


def test_last_time_quotes_a_figure_that_counts_nothing_only_with_its_lead_in(
    tmp_path: Path,
) -> None:
    """ "I would like two." says two of what only after "A job change takes three hours
    today." (data/train yf_21); "Two point eight is the number Brian would like." opens its
    turn, so nothing says what it counts and it is not quoted (yf_32): the customer's longest
    turn stands in."""
    db = open_db(tmp_path / "s.db")
    agreed = goal("scrap in Hall B at three percent by June", True)
    before = "A job change takes three hours today."
    two = goal("I would like two", False).model_copy(update={"evidence": "I would like two."})
    eight = "Two point eight is the number Brian would like."
    bare = goal(eight[:-1], False).model_copy(update={"evidence": eight})
    talk = [
        turn("Yves", "customer", agreed.evidence),
        turn("Cedric", "customer", f"For me, setups. {before} {two.evidence}"),
    ]
    write_meeting(db, analysis("/c/1.txt", "2026-12-01", talk, goals=[agreed, two]), "h1", "R")
    out = render_brief(build_brief(db, "R", on=date(2026, 12, 5)))
    assert out.split("## Last time: 2026-12-01, 1.txt\n")[1].split("\n\n")[0] == (
        f'- Priya Nair: "{before} I would like two."'  # store_factory's goals are Priya's
    )
    told = "On our register September was three point six and October three point four."
    talk = [turn("Yves", "customer", agreed.evidence), turn("Salim", "customer", eight)]
    talk.append(turn("Fatma", "customer", told))
    a = analysis("/c/2.txt", "2026-12-20", talk, goals=[agreed, bare])
    write_meeting(db, a, "h2", "P")
    out = render_brief(build_brief(db, "P", on=date(2026, 12, 21)))
    assert out.split("## Last time: 2026-12-20, 2.txt\n")[1].split("\n\n")[0] == (
        f'- Fatma: "{told}"'
    )


def test_last_time_in_a_call_of_few_long_turns_skips_the_opening_small_talk(
    tmp_path: Path,
) -> None:
    """Raw ASR text comes as a few long turns (data/train yf_30): every turn past the
    opening held a step shown above, so the opening's small talk was all Last time had.
    The later turns are quoted with the sentences shown above cut out."""
    db = open_db(tmp_path / "s.db")
    hello = "Hello pak Budi can you hear me. Yes yes I hear you, the signal is not so good here."
    sent = "I will send the mortality sheet by Friday."
    later = "Okay so the bigger question, when we sold this we talked about survival in all sheds."
    talk = [turn("", "unknown", hello), turn("", "unknown", "Okay so the usage is fine.")]
    talk += [turn("", "unknown", f"{later} {sent}")]
    steps = [step("send the mortality sheet", "customer", None, None, evidence=sent)]
    write_meeting(db, analysis("/c/1.txt", "2026-11-10", talk, steps=steps), "h1", "Benur")
    out = render_brief(build_brief(db, "Benur", on=date(2026, 11, 12)))
    assert out.split("## Last time: 2026-11-10, 1.txt\n")[1].split("\n\n")[0] == f'- "{later}"'


def test_a_figure_in_words_that_point_back_comes_after_the_sentence_that_named_it(
    tmp_path: Path,
) -> None:
    """ "Write it like that, under five hundred and fifty thousand for 2027." names nothing
    measured and reads as the goal's text (data/train yg_16); "Yes. That's next year's goal.
    Under ten a month by the end of June." opened on a sentence that points back itself
    (yg_20). Each comes after the read-back the turn before, which says what is counted."""
    db = open_db(tmp_path / "s.db")
    asked = (
        "Lars said cleaning refunds from 1.1 million down to under five hundred and fifty"
        " thousand kroner for 2027. Is that the number?"
    )
    said = "Write it like that, under five hundred and fifty thousand for 2027."
    talk = [
        turn("Anouk de Vries", "vendor", asked),
        turn("Mette Vestergaard", "customer", f"Yes. That's the one. {said}"),
    ]
    agreed = goal(said[:-1], True, "under five hundred and fifty thousand", "for 2027")
    agreed = agreed.model_copy(update={"evidence": said, "speaker": "Mette Vestergaard"})
    write_meeting(db, analysis("/c/1.txt", "2026-10-13", talk, goals=[agreed]), "h1", "Vest")
    out = render_brief(build_brief(db, "Vest", on=date(2026, 11, 1)))
    assert out.split("## Goal\n")[1].split("\n\n")[0] == (
        "**Agreed** (save time; agreed 2026-10-13):\n"
        f'> Anouk de Vries: "{asked.split(". ")[0]}."\n> Mette Vestergaard: "{said}"'
    )
    asked = "Cancelled departures for lack of a driver, from thirty-one to under ten a month."
    said = "Under ten a month by the end of June."
    talk = [
        turn("Farah Haddad", "vendor", f"Okay, recap. {asked} Is that the goal?"),
        turn("Bengt Nilsson", "customer", f"Yes. That's next year's goal. {said} Write it down."),
    ]
    agreed = goal(said[:-1], True, None, "by the end of June")
    agreed = agreed.model_copy(update={"evidence": said, "speaker": "Bengt Nilsson"})
    write_meeting(db, analysis("/c/2.txt", "2026-10-29", talk, goals=[agreed]), "h2", "Buss")
    out = render_brief(build_brief(db, "Buss", on=date(2026, 11, 1)))
    assert out.split("## Goal\n")[1].split("\n\n")[0] == (
        "**Agreed** (save time; agreed 2026-10-29):\n"
        f'> Farah Haddad: "{asked}"\n> Bengt Nilsson: "{said}"'
    )


def test_last_time_never_quotes_again_the_sentence_a_goal_quote_opens_on(
    tmp_path: Path,
) -> None:
    """The goal "Under nineteen thousand ..." is quoted after "Last year we gave thirty-eight
    thousand dollars in credits. I want that cut in half." (data/train yg_07); the goal
    found in that second sentence was quoted again under Last time."""
    db = open_db(tmp_path / "s.db")
    before = "Last year we gave thirty-eight thousand dollars in credits on disputed loads."
    half = "I want that cut in half."
    said = "Under nineteen thousand for this calendar year."
    other = "The resaw is still paper, and most of what goes to the furniture plants is resawn."
    talk = [
        turn("Aaron Weaver", "customer", f"What I care about is money. {before} {half} {said}"),
        turn("Ruth Zimmerman", "customer", other),
    ]
    agreed = goal(said[:-1], True, None, "for this calendar year")
    agreed = agreed.model_copy(update={"evidence": said, "speaker": "Aaron Weaver"})
    talked = goal("that cut in half", False).model_copy(update={"evidence": half})
    a = analysis("/c/1.txt", "2026-06-16", talk, goals=[agreed, talked])
    write_meeting(db, a, "h1", "Conestoga")
    out = render_brief(build_brief(db, "Conestoga", on=date(2026, 7, 1)))
    assert f'> "{before} {half} {said}"' in out
    assert out.split("## Last time: 2026-06-16, 1.txt\n")[1].split("\n\n")[0] == (
        f'- Ruth Zimmerman: "{other}"'
    )
