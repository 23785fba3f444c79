"""The human report of `milepost analyze`: verdict first, steps per side, the why on request."""

from __future__ import annotations

from milepost.models import Analysis, Goal, NextStep, Speaker, StageCall, TurnOut
from milepost.pipeline.report import render_analysis


def _analysis() -> Analysis:
    quote = "I'll send the SSO guide by Friday."
    return Analysis(
        source="call.txt",
        input_format="otter",
        date="2026-03-03",
        turns=[TurnOut(speaker="Dana Ruiz", side="vendor", start=104.0, text=f"Sure. {quote}")],
        goals=[
            Goal(
                text="cut onboarding to ten days",
                category="save_time",
                metric="ten days",
                deadline="by Q3",
                agreed=True,
                evidence="We want onboarding down to ten days by Q3.",
                confidence=0.9,
                found_by="goal-model",
            )
        ],
        has_agreed_goal=True,
        next_steps=[
            NextStep(
                action="send the SSO guide",
                side="vendor",
                owner="Dana Ruiz",
                due="2026-03-06",
                due_text="by Friday",
                speaker="Dana Ruiz",
                evidence=quote,
                confidence=0.97,
                found_by="cue+linear:I_WILL",
            ),
            NextStep(
                action="review the plan",
                side="joint",
                due_text="soon",
                evidence="Let's review the plan soon.",
                confidence=0.6,
            ),
        ],
        stage=StageCall(id="onboarding", confidence=0.7, evidence=[]),
    )


def test_report_puts_the_verdict_and_steps_per_side() -> None:
    text = render_analysis(_analysis())
    assert "Stage: onboarding (confidence 0.70)" in text
    assert (
        "Agreed goal: cut onboarding to ten days [save time; metric: ten days; deadline: by Q3]\n"
        "\nNext steps:\n"
    ) in text
    assert text.count("cut onboarding to ten days") == 1  # the verdict line, not a list again
    assert "  Vendor (us):\n    - send the SSO guide (Dana Ruiz; due 2026-03-06)" in text
    assert '  Both sides:\n    - review the plan (owner not named; due "soon")' in text
    assert "found by" not in text


def test_explain_shows_quote_turn_and_finder() -> None:
    text = render_analysis(_analysis(), explain=True)
    assert '        "I\'ll send the SSO guide by Friday."' in text
    assert (
        "        [said by Dana Ruiz (vendor) at 0:01:44; found by cue+linear:I_WILL, "
        "confidence 0.97]"
    ) in text


def test_explain_says_why_a_goal_counts_as_agreed() -> None:
    a = _analysis()
    a.goals[0].agreement = 'affirmed by Dana Ruiz: "Yes, exactly."'
    text = render_analysis(a, explain=True)
    assert (
        '      "We want onboarding down to ten days by Q3."\n'
        "      [found by goal-model, confidence 0.90]\n"
        '      agreed: affirmed by Dana Ruiz: "Yes, exactly."\n'
    ) in text
    assert "agreed: affirmed" not in render_analysis(a)


def test_no_agreed_goal_is_flagged_in_words() -> None:
    a = _analysis()
    a.has_agreed_goal = False
    a.flags = ["no_agreed_goal"]
    a.questions = ["What would make this a win?"]
    text = render_analysis(a)
    assert "⚑ No clear agreed goal (flag: no_agreed_goal)" in text
    assert text.endswith("Questions to agree a goal:\n  - What would make this a win?")


def test_explain_quotes_the_stage_and_a_thin_call_is_called_a_guess() -> None:
    a = _analysis()
    a.stage = StageCall(id="onboarding", confidence=0.7, evidence=["Welcome to your kickoff."])
    text = render_analysis(a, explain=True)
    assert 'Stage: onboarding (confidence 0.70)\n      "Welcome to your kickoff."' in text
    a.stage = StageCall(id="advocacy", confidence=0.13, evidence=["From prospect to customer."])
    assert "Stage: advocacy (confidence 0.13; a guess, little was said about it)\n" in (
        render_analysis(a)
    )


def test_a_call_with_no_customer_speaker_says_so() -> None:
    a = _analysis()
    a.speakers = [Speaker(name="Dana Ruiz", side="vendor")]
    note = "No customer-side speaker: an internal call? (else name them: --customer)"
    a.has_agreed_goal, a.questions = False, ["What would make this a win?"]
    assert note in render_analysis(a)
    assert render_analysis(a).endswith(
        "Questions to agree a goal at the next customer call:\n  - What would make this a win?"
    )
    a.speakers.append(Speaker(name="Raj Patel", side="customer"))
    assert note not in render_analysis(a)
    assert render_analysis(a).endswith(
        "Questions to agree a goal:\n  - What would make this a win?"
    )


def test_a_goal_text_that_needs_its_sentence_is_shown_as_the_sentence() -> None:
    a = _analysis()
    a.goals[0].text = "that down to ten days by Q3"
    quote = '"We want onboarding down to ten days by Q3."'
    facts = "[save time; metric: ten days; deadline: by Q3]"
    assert f"Agreed goal: {quote} {facts}\n" in render_analysis(a)
    explained = render_analysis(a, explain=True)
    assert (
        f"Agreed goal: {quote} {facts}\n      [found by goal-model, confidence 0.90]\n"
    ) in explained
    # what "that" points back to: the sentence said before it in its turn, as the brief quotes
    said = "Onboarding takes a month now. We want onboarding down to ten days by Q3."
    a.turns.append(TurnOut(speaker="Raj Patel", side="customer", start=90.0, text=said))
    assert f'Agreed goal: "{said}" {facts}\n' in render_analysis(a)


def test_a_bare_figure_said_in_answer_is_shown_after_the_sentence_that_put_it() -> None:
    """ "5% by the end of 2027." opens its turn (data/train yf_24): the report, like the brief,
    says what the figure counts with the sentence before it that put it."""
    a = _analysis()
    asked = "So for year 2, fuel per tonne kilometre down another 5% by the end of 2027?"
    a.turns = [
        TurnOut(speaker="Dana Ruiz", side="vendor", text=f"I'd like a target. {asked}"),
        TurnOut(speaker="Raj Patel", side="customer", text="5% by the end of 2027. Put it in."),
    ]
    a.goals[0].text, a.goals[0].evidence = "5% by the end of 2027", "5% by the end of 2027."
    a.goals[0].metric, a.goals[0].deadline = "5%", "by the end of 2027"
    facts = "[save time; metric: 5%; deadline: by the end of 2027]"
    shown = f'"5% by the end of 2027." (after Dana Ruiz: "{asked}") {facts}'
    assert f"Agreed goal: {shown}\n" in render_analysis(a)
    a.turns[0].speaker = "SPEAKER_1"  # a label names nobody
    assert f'(after: "{asked}")' in render_analysis(a)
    # a figure after words that point back names nothing either (data/train yg_16)
    said = "Write it like that, under five hundred thousand for 2027."
    asked = "So refunds down to under five hundred thousand kroner for 2027?"
    a.turns = [
        TurnOut(speaker="Dana Ruiz", side="vendor", text=asked),
        TurnOut(speaker="Raj Patel", side="customer", text=f"Yes. That's the one. {said}"),
    ]
    a.goals[0].text, a.goals[0].evidence = said[:-1], said
    assert f'Agreed goal: "{said}" (after Dana Ruiz: "{asked}")' in render_analysis(a)


def test_goals_besides_the_agreed_one_are_listed_once_as_others() -> None:
    a = _analysis()
    a.goals.append(
        a.goals[0].model_copy(
            update={"text": "fewer tickets", "agreed": False, "metric": None, "deadline": None}
        )
    )
    text = render_analysis(a)
    assert (
        "Agreed goal: cut onboarding to ten days [save time; metric: ten days; deadline: by Q3]\n"
        "\nOther goals:\n  - fewer tickets [save time; not agreed]\n\nNext steps:\n"
    ) in text
    a.goals[1].agreed = True
    assert (
        "Agreed goals:\n"
        "  - cut onboarding to ten days [save time; metric: ten days; deadline: by Q3]\n"
        "  - fewer tickets [save time]\n\nNext steps:\n"
    ) in render_analysis(a)
    a.has_agreed_goal = False  # goals agreed with nothing to check: the list says which
    assert "Goals:\n  - cut onboarding to ten days [save time; metric: ten days; deadline: by" in (
        render_analysis(a)
    )


def test_steps_read_from_our_side_as_in_the_brief() -> None:
    """The customer's "send you our forms" is "send us their forms" to us; --json keeps it."""
    a = _analysis()
    a.speakers = [
        Speaker(name="Dana Ruiz", side="vendor"),
        Speaker(name="Raj Patel", side="customer"),
    ]
    said = "I'll send you our current forms next week."
    a.next_steps.append(
        NextStep(
            action="send you our current forms",
            side="customer",
            owner="Raj Patel",
            speaker="Raj Patel",
            evidence=said,
            confidence=0.9,
        )
    )
    text = render_analysis(a)
    assert "  Customer:\n    - send us their current forms (Raj Patel; no due date)" in text
    assert "    - send the SSO guide (Dana Ruiz; due 2026-03-06)" in text  # ours, as said
    assert a.next_steps[-1].action == "send you our current forms"
    # a step that says nothing to act on is its sentence, as in the brief (data/train yg_33)
    said = "If it says five and one year, I'll sign it before the fifteenth of December."
    a.next_steps[-1] = a.next_steps[-1].model_copy(update={"action": "sign it", "evidence": said})
    assert f'  Customer:\n    - "{said}" (Raj Patel; no due date)\n' in render_analysis(a)
    assert render_analysis(a, explain=True).count(said) == 1


def test_a_clip_under_a_minute_says_its_seconds() -> None:
    a = _analysis()
    a.duration_s = 30.0
    assert render_analysis(a).splitlines()[1] == "format otter · date 2026-03-03 · 30 s"
    a.duration_s = 59.6
    assert render_analysis(a).splitlines()[1] == "format otter · date 2026-03-03 · 1 min"
