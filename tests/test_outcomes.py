"""Verified outcomes: results the customer says were reached; not projections or vendor claims."""

from __future__ import annotations

import pytest
from dialogue import CUSTOMER, VENDOR, meeting

from milepost.models import StageCall
from milepost.pipeline.extract import goals, outcomes
from milepost.pipeline.extract.claims import Claim, claims


def _outcomes(analyzer, lines):  # type: ignore[no-untyped-def]
    m = meeting(analyzer, lines)
    return outcomes.find(m, goals.find(m))


def test_customer_result_since_go_live_is_an_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(
        analyzer,
        [
            (VENDOR, "How has it gone since launch?"),
            (CUSTOMER, "Since go-live our onboarding went from three weeks to four days."),
            (VENDOR, "That's great to hear."),
        ],
    )
    assert [(o.evidence, o.category, o.speaker) for o in found] == [
        ("Since go-live our onboarding went from three weeks to four days.", "save_time", CUSTOMER)
    ]
    assert found[0].found_by == "outcome-model"


def test_a_figure_said_as_it_was_with_its_source_is_an_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "February spoilage was 3.6% of pounds received, that's off the warehouse scale log."
    found = _outcomes(analyzer, [(VENDOR, "And spoilage?"), (CUSTOMER, said), (VENDOR, "Good.")])
    assert [o.evidence for o in found] == [said]


def test_outcome_with_the_customers_own_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "Overtime in Q4 was down twenty-two percent against last year, I pulled that from payroll."
    )
    found = _outcomes(analyzer, [(VENDOR, "And the costs?"), (CUSTOMER, said), (VENDOR, "Great.")])
    assert [(o.evidence, o.category) for o in found] == [(said, "save_money")]


@pytest.mark.parametrize(
    "lines",
    [
        [
            (VENDOR, "What do you expect?"),
            (CUSTOMER, "We expect onboarding will drop to four days next quarter, hopefully."),
            (VENDOR, "Great."),
        ],
        [
            (VENDOR, "Our customers typically cut onboarding from three weeks to four days."),
            (CUSTOMER, "Interesting."),
            (VENDOR, "Yes."),
        ],
    ],
    ids=["projection", "vendor claim"],
)
def test_projections_and_vendor_claims_are_not_outcomes(analyzer, lines) -> None:  # type: ignore[no-untyped-def]
    assert _outcomes(analyzer, lines) == []


def test_outcome_is_linked_to_the_goal_it_proves(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, "The goal we set together was onboarding under five days by March."),
        (VENDOR, "Right."),
        (CUSTOMER, "And since go-live our onboarding went from three weeks to four days."),
        (VENDOR, "Fantastic."),
    ]
    m = meeting(analyzer, lines)
    found_goals = goals.find(m)
    assert [g.text for g in found_goals] == ["onboarding under five days by March"]
    found = outcomes.find(m, found_goals)
    assert [(o.goal, o.category) for o in found] == [(found_goals[0].text, "save_time")]


def test_a_short_result_is_quoted_with_the_sentence_before_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "In June we averaged six point one days. In January it was one point nine."
    found = _outcomes(analyzer, [(VENDOR, "How are decisions now?"), (CUSTOMER, said)])
    assert [o.evidence for o in found] == [said]


def test_a_source_in_the_next_sentence_backs_the_figure(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "Median first response in December was one hour fifty minutes. "
        "Same month last year it was nine hours. "
        "I pulled that from the helpdesk reporting this morning."
    )
    found = _outcomes(analyzer, [(VENDOR, "Where are you on response times?"), (CUSTOMER, said)])
    assert [o.evidence for o in found] == [
        "Median first response in December was one hour fifty minutes. "
        "Same month last year it was nine hours."
    ]


def test_a_hoped_for_before_after_is_not_an_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "If we could go from three weeks to four days by June, that would be huge."
    assert _outcomes(analyzer, [(VENDOR, "What would good look like?"), (CUSTOMER, said)]) == []


def test_a_source_alone_is_not_a_second_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "Overtime was down twenty-two percent against last year. I timed it myself."
    found = _outcomes(analyzer, [(VENDOR, "And the costs?"), (CUSTOMER, said)])
    assert [o.evidence for o in found] == [
        "Overtime was down twenty-two percent against last year."
    ]


@pytest.mark.parametrize(
    "said",
    [
        "During peak our new temps were hitting standard in six shifts on average. "
        "Last year it was fifteen, sixteen.",
        "We came back with zero findings on the audit. Last cycle we had two.",
        "Outages on the eastern district this season, we had forty-one. "
        "The year before we had sixty-three.",
    ],
    ids=["last year", "last cycle", "the year before, hyphenated number"],
)
def test_a_figure_then_the_earlier_periods_figure_is_an_outcome(analyzer, said) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "How did the season go?"), (CUSTOMER, said)])
    assert [(o.evidence, o.speaker) for o in found] == [(said, CUSTOMER)]


@pytest.mark.parametrize(
    "lines",
    [
        [
            (VENDOR, "Where do you think you'll land?"),
            (CUSTOMER, "By next spring we should be at six shifts. Last year it was fifteen."),
        ],
        [
            (VENDOR, "Before the rollout most teams were at twenty shifts. In March it was ten."),
            (CUSTOMER, "Nice."),
        ],
    ],
    ids=["projection", "vendor's comparison"],
)
def test_an_earlier_periods_figure_does_not_make_a_projection_an_outcome(analyzer, lines) -> None:  # type: ignore[no-untyped-def]
    assert _outcomes(analyzer, lines) == []


def test_a_source_without_a_figure_is_not_an_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(
        analyzer,
        [
            (VENDOR, "How has it gone?"),
            (CUSTOMER, "I wanted to bring one thing, because I actually pulled it this morning."),
            (VENDOR, "Please."),
            (CUSTOMER, "Since go-live our onboarding went from three weeks to four days."),
            (VENDOR, "Great."),
            (CUSTOMER, "That's off the phone system call log, not a guess."),
        ],
    )
    assert [o.evidence for o in found] == [
        "Since go-live our onboarding went from three weeks to four days."
    ]


def test_a_comparison_is_quoted_once(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "Before Benchly, from the candidate finishing the assessment to the client having the "
        "report, we averaged nine working days. For Q4 we averaged three point four."
    )
    found = _outcomes(analyzer, [(VENDOR, "How is turnaround?"), (CUSTOMER, said)])
    assert [o.evidence for o in found] == [said]


def test_a_second_result_sharing_a_number_is_its_own_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    first = (
        "Our schedulers were spending about 6 hours a day on the phone and now it's closer to 2."
    )
    second = "Missed visits at the 2 branches went from 4.1% to 1.6% since August."
    found = _outcomes(
        analyzer,
        [
            (VENDOR, "How is scheduling going?"),
            (CUSTOMER, first),
            (VENDOR, "That's a big change."),
            (CUSTOMER, "It is. And there's more."),
            (VENDOR, "Go on."),
            (CUSTOMER, second),
        ],
    )
    assert sorted(o.evidence for o in found) == sorted([first, second])


@pytest.mark.parametrize(
    ("side", "said", "told"),
    [
        ("unknown", "Across the branches, you had 1,284 bookings in October.", True),
        ("vendor", "Since go-live you cut room calls from 25 a day to 6 a day.", True),
        ("unknown", "Since go-live we cut room calls from 25 a day to 6 a day.", False),
        ("customer", "You got us from 25 calls a day to 6 a day since go-live.", False),
    ],
    ids=["read out", "vendor read out", "their own", "customer credits the vendor"],
)
def test_figures_read_out_to_the_customer_are_not_their_confirmation(side, said, told) -> None:  # type: ignore[no-untyped-def]
    first_person = float(" we " in f" {said.lower()} " or " us " in f" {said.lower()} ")
    claim = Claim(1, said, None, side, features={"first_person": first_person})
    assert outcomes._told_to_you(claim) is told


@pytest.mark.parametrize(("source_weight", "found"), [(0.0, 0), (20.0, 1)])
def test_from_claims_reads_the_head_it_is_given(analyzer, source_weight, found) -> None:  # type: ignore[no-untyped-def]
    said = "Overtime in Q4 was down twenty-two percent, I pulled that myself."  # no rule lifts it
    m = meeting(analyzer, [(VENDOR, "And the costs?"), (CUSTOMER, said), (VENDOR, "Great.")])
    head = {"weights": {"has_own_source": source_weight}, "bias": -10.0, "threshold": 0.5}
    result = outcomes.from_claims(m, goals.cl.claims(m), head, [])
    assert [o.evidence for o in result] == [said] * found


@pytest.mark.parametrize(
    ("said", "evidence"),
    [
        (
            "Proofing used to take us three days. Now it's same day.",
            "Proofing used to take us three days. Now it's same day.",
        ),
        (
            "Scheduling used to take the two of them twenty hours a week. It's about six now.",
            "Scheduling used to take the two of them twenty hours a week. It's about six now.",
        ),
        (
            "Last March the four front desks ran three hundred and ten overtime hours. "
            "This March it was a hundred and thirty-eight.",
            "Last March the four front desks ran three hundred and ten overtime hours. "
            "This March it was a hundred and thirty-eight.",
        ),
        (
            "The gift vouchers, we used to reconcile them by hand, two full days every month. "
            "Since we moved them into the system in March, it's about an hour.",
            "Since we moved them into the system in March, it's about an hour.",
        ),
        (
            "We used to get forty password tickets a week. Since the self-service reset went "
            "live, it's maybe five.",
            "We used to get forty password tickets a week. Since the self-service reset went "
            "live, it's maybe five.",
        ),
    ],
    ids=[
        "used to, now",
        "short later state",
        "last March, this March",
        "long later state",
        "since it went live",
    ],
)
def test_a_later_state_set_against_an_earlier_one_is_an_outcome(analyzer, said, evidence) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "What's changed?"), (CUSTOMER, said), (VENDOR, "Okay.")])
    assert [(o.evidence, o.speaker) for o in found] == [(evidence, CUSTOMER)]


@pytest.mark.parametrize(
    ("said", "evidence"),
    [
        (
            "We used to have a binder at the desk for late checkouts. The binder is gone.",
            "The binder is gone.",
        ),
        (
            "Since we turned on the deadline alerts, we haven't missed a single filing.",
            "Since we turned on the deadline alerts, we haven't missed a single filing.",
        ),
        (
            "The editors aren't staying past nine anymore. I used to find Kwesi asleep in the "
            "bay on a Thursday. That's stopped.",
            "The editors aren't staying past nine anymore.",
        ),
        (
            "Nobody on the night shift has had to stay late since we switched.",
            "Nobody on the night shift has had to stay late since we switched.",
        ),
    ],
    ids=["gone", "not once since", "said twice, quoted once", "nobody since"],
)
def test_a_problem_said_to_have_ended_is_an_outcome(analyzer, said, evidence) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "Anything else?"), (CUSTOMER, said), (VENDOR, "Okay.")])
    assert [o.evidence for o in found] == [evidence]


def test_a_dated_figure_the_other_side_is_glad_of_is_an_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "We closed January on business day six. In June, before go-live, it was day eleven."
    lines = [(VENDOR, "So where are you?"), (CUSTOMER, said)]
    glad = _outcomes(analyzer, [*lines, (VENDOR, "Day six from day eleven. That's a big move.")])
    assert [o.evidence for o in glad] == [said]


@pytest.mark.parametrize(
    "lines",
    [
        [
            (VENDOR, "What's the plan?"),
            (CUSTOMER, "Proofing used to take us three days. Next year it will be same day."),
            (VENDOR, "Love that."),
        ],
        [
            (VENDOR, "Our customers used to take three days to proof. Now it's same day."),
            (CUSTOMER, "Interesting."),
        ],
        [
            (VENDOR, "Where are you?"),
            (CUSTOMER, "Last year three bad loans got through. I'd like that at zero this year."),
            (VENDOR, "Great."),
        ],
        [
            (VENDOR, "How is the rota?"),
            (CUSTOMER, "It used to be two hours. Right now it's six hours every Sunday."),
            (VENDOR, "Oof."),
        ],
        [
            (VENDOR, "Anything else?"),
            (CUSTOMER, "Sorry, the badge reader has decided I don't work here anymore."),
            (VENDOR, "Ha."),
        ],
        [
            (VENDOR, "Tell me about the reporting."),
            (CUSTOMER, "Your renewal report says our renewal rate went from 78% to 83% this year."),
            (VENDOR, "Great."),
        ],
        [
            (VENDOR, "Tell me about today."),
            (
                CUSTOMER,
                "We used to do it all on paper. Now it's three spreadsheets, six hours a week.",
            ),
            (VENDOR, "Got it."),
        ],
        [
            (VENDOR, "How is the team?"),
            (CUSTOMER, "Before the merger we had two schedulers. Now it's twenty hours a week."),
            (VENDOR, "Oof, that's a lot."),
        ],
        [
            (VENDOR, "How's retention?"),
            (CUSTOMER, "Last year we lost twelve customers. This year we've already lost fifteen."),
            (VENDOR, "Hm, okay."),
        ],
    ],
    ids=[
        "projection",
        "vendor claim",
        "hope",
        "current pain",
        "joke",
        "vendor's report",
        "history of a pain",
        "answered with sympathy",
        "gone the wrong way",
    ],
)
def test_near_misses_of_a_told_change_are_not_outcomes(analyzer, lines) -> None:  # type: ignore[no-untyped-def]
    assert _outcomes(analyzer, lines) == []


def test_an_outcome_without_category_words_takes_its_turns(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "The paperwork was the big one. We used to keep a binder at the desk. The binder is gone."
    )
    found = _outcomes(
        analyzer, [(VENDOR, "Anything else?"), (CUSTOMER, said), (VENDOR, "Love it.")]
    )
    assert [(o.evidence, o.category) for o in found] == [("The binder is gone.", "save_time")]


def test_a_told_change_of_another_turn_is_its_own_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    first = "Since go-live our chargeback rate went from one point one percent to six tenths."
    second = "The chargeback fees were about eighteen thousand pounds a month before."
    found = _outcomes(
        analyzer,
        [
            (VENDOR, "How has it gone?"),
            (CUSTOMER, first),
            (VENDOR, "Brilliant."),
            (CUSTOMER, f"And from finance. {second} Last month it was six and a half."),
            (VENDOR, "That's great."),
        ],
    )
    assert [o.evidence for o in found] == [first, f"{second} Last month it was six and a half."]


_RESULT = [
    (VENDOR, "How has it gone?"),
    (CUSTOMER, "Since go-live our onboarding went from three weeks to four days."),
    (VENDOR, "That's great to hear."),
]


_SETUP = (VENDOR, "Welcome to the kickoff.")
_REVIEW = (VENDOR, "This is the quarterly business review: results against the goal and ROI.")


@pytest.mark.parametrize(
    ("stage", "count"),
    [("awareness", 0), ("consideration", 0), ("onboarding", 0), ("decision", 1), ("renewal", 1)],
)
def test_no_outcome_in_a_meeting_held_before_results(analyzer, stage, count) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, [_SETUP, *_RESULT])
    found = outcomes.find(m, [], StageCall(id=stage, confidence=0.6))
    assert len(found) == count


def test_a_close_call_for_a_stage_before_results_keeps_the_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    # onboarding is called, but the review's cues together outweigh it: a misread would lose it
    m = meeting(analyzer, [_SETUP, _REVIEW, *_RESULT])
    found = outcomes.find(m, [], StageCall(id="onboarding", confidence=0.4))
    assert [o.evidence for o in found] == [_RESULT[1][1]]


@pytest.mark.parametrize(
    "said",
    [
        "This spring we signed up ninety-two new members through it, against forty the spring "
        "before.",
        "Our missed deliveries for the quarter were three percent, down from eleven a year ago.",
        "Invoicing used to take four days a month, this time it took one afternoon.",
        "Last Monday the front desk logged 35 reschedule calls, and before we went live it was "
        "about 120 on a Monday.",
    ],
    ids=["against the year before", "down from", "used to, this time", "then the one before"],
)
def test_two_figures_set_side_by_side_over_time_are_an_outcome(analyzer, said) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "How did the spring go?"), (CUSTOMER, said)])
    assert [(o.evidence, o.speaker) for o in found] == [(said, CUSTOMER)]


def test_one_result_told_in_two_sentences_is_quoted_once(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "We timed it in two branches back in May and it was about forty minutes. "
        "We timed it again last week, and it's down to about ten minutes."
    )
    found = _outcomes(analyzer, [(VENDOR, "And the close?"), (CUSTOMER, said), (VENDOR, "Wow.")])
    assert [o.evidence for o in found] == [said]


def test_a_figure_said_back_joins_its_result(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "Since go-live our chargebacks went from forty-four a month to nine."
    found = _outcomes(
        analyzer,
        [
            (VENDOR, "How are chargebacks?"),
            (CUSTOMER, said),
            (VENDOR, "Forty-four down to nine, that's brilliant."),
            (CUSTOMER, "Yes, nine last month."),
        ],
    )
    assert [o.evidence for o in found] == [said]


@pytest.mark.parametrize(
    "said",
    [
        "In March the depot came in at 21,400 on fuel, that's straight off the card statements.",
        "We've recovered about nine thousand dollars from carriers this spring, that's from the "
        "claims ledger in finance.",
    ],
    ids=["came in at, straight off", "we've recovered, that's from"],
)
def test_a_past_figure_with_where_it_came_from_is_an_outcome(analyzer, said) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "Anything on costs?"), (CUSTOMER, said)])
    assert [o.evidence for o in found] == [said]


@pytest.mark.parametrize(
    "lines",
    [
        [
            (VENDOR, "Where do fuel costs stand?"),
            (CUSTOMER, "We'll be at about 21,400 next month, that's from the budget sheet."),
        ],
        [
            (VENDOR, "Where do fuel costs stand?"),
            (CUSTOMER, "Right now it's 21,400 a month, that's straight off the card statements."),
        ],
    ],
    ids=["a plan with a source", "the state as it stands with a source"],
)
def test_a_source_does_not_make_a_plan_or_the_current_state_an_outcome(analyzer, lines) -> None:  # type: ignore[no-untyped-def]
    assert _outcomes(analyzer, lines) == []


def test_the_vendors_report_read_out_is_not_an_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(
        analyzer,
        [
            (VENDOR, "Did you get the quarterly summary I sent?"),
            (CUSTOMER, "I did. It says we saved twelve hundred hours of team time last quarter."),
        ],
    )
    assert found == []


def test_praise_for_a_result_is_not_a_second_result(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "Since go-live our onboarding went from three weeks to four days."
    lines = [
        (VENDOR, "How has it gone?"),
        (CUSTOMER, said),
        (None, "That's incredible. From 3 weeks."),
    ]
    m = meeting(analyzer, lines)
    # a head that takes every sentence with a metric, so only the praise rule can drop one
    head = {"weights": {"has_metric": 10.0}, "bias": -5.0, "threshold": 0.5}
    found = outcomes.from_claims(m, claims(m), head, [])
    assert [o.evidence for o in found] == [said]


@pytest.mark.parametrize(
    ("said", "count"),
    [
        (
            "Last quarter the new flow kept about ninety thousand dollars of revenue in house.",
            1,
        ),
        ("We hope the new flow will keep about ninety thousand dollars of revenue next year.", 0),
    ],
    ids=["a gain made", "a gain hoped for"],
)
def test_a_gain_said_as_done_is_an_outcome(analyzer, said, count) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "What did it do for revenue?"), (CUSTOMER, said)])
    assert [o.evidence for o in found] == [said] * count


@pytest.mark.parametrize(
    "said",
    [
        "Okay, I'll give you the hard stuff. The quote went up eight percent.",
        "Sales are up three percent, but so is everything, prices went up.",
        "Last January we got about 14,000 returns in 3 weeks. This year with the Black Friday "
        "numbers I'm guessing closer to 20,000.",
    ],
    ids=["the quote went up", "prices went up", "a guess"],
)
def test_a_price_gone_up_or_a_guess_is_no_outcome(analyzer, said) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "How are things looking?"), (CUSTOMER, said)])
    assert found == []


@pytest.mark.parametrize(
    "said",
    [
        "What happened is we'd budgeted four more underwriters for this year and didn't hire any "
        "of them, and volume was up about thirty percent.",
        "The team billed about the same volume as last year with one fewer linguist, because "
        "Anya went on leave and we didn't backfill her.",
    ],
    ids=["didn't hire", "didn't backfill"],
)
def test_headcount_not_added_told_as_done_is_an_outcome(analyzer, said) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "And headcount?"), (CUSTOMER, said), (VENDOR, "Nice.")])
    assert [o.evidence for o in found] == [said]


def test_headcount_not_added_as_a_want_is_no_outcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "Next year I want to take on four more clinics and not hire another clerk."
    assert _outcomes(analyzer, [(VENDOR, "And headcount?"), (CUSTOMER, said)]) == []


def test_a_figure_spelled_out_for_the_same_period_last_year_is_a_short_follow_up(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "Agency supply spend for the academic year to date is two hundred and ninety-eight "
        "thousand pounds. Same period last year it was four hundred and twelve."
    )
    found = _outcomes(analyzer, [(VENDOR, "So, how did it land?"), (CUSTOMER, said)])
    assert [o.evidence for o in found] == [said]


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("Since water went on Fieldnote, that's down to about forty open at any given time.", 1),
        ("Since we turned on the alerts, it's down to about ten calls a morning.", 1),
        ("Since we turned on the alerts, I want it down to about ten calls a morning.", 0),
        (
            "Since we turned on the alerts, it's down to ten calls a morning, and it's worse.",
            0,
        ),
    ],
    ids=["since it went on", "since we turned on", "a want", "worse"],
)
def test_a_figure_come_down_to_since_a_change_is_an_outcome(analyzer, said, count) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "And the backlog?"), (CUSTOMER, said)])
    assert [o.evidence for o in found] == [said] * count


@pytest.mark.parametrize(
    ("said", "evidence"),
    [
        (
            "So before the switch, about a quarter of our claims were filed late. Late meaning not "
            "finished within thirty days of the incident. Our auditor checked in March, and it's "
            "under four percent now.",
            "Our auditor checked in March, and it's under four percent now.",
        ),
        (
            "When a parcel goes missing now, the claim is raised by the driver app. We recovered "
            "seventy percent of missing parcels within a week last quarter. Before, it was about "
            "one in three.",
            "We recovered seventy percent of missing parcels within a week last quarter. "
            "Before, it was about one in three.",
        ),
    ],
    ids=["a definition before the now", "a mechanism said as now, no amount"],
)
def test_one_later_state_per_earlier_one_the_one_with_its_amount(analyzer, said, evidence) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "And the claims?"), (CUSTOMER, said), (VENDOR, "Great.")])
    assert [o.evidence for o in found] == [evidence]


@pytest.mark.parametrize(
    ("lines", "count"),
    [
        (
            [
                (VENDOR, "Where are late filings?"),
                (
                    CUSTOMER,
                    "Last quarter we had twelve late filings, that's straight off the compliance "
                    "log. I want that down to zero by the autumn.",
                ),
            ],
            0,
        ),
        (
            [
                (VENDOR, "Where are late filings?"),
                (
                    CUSTOMER,
                    "Last quarter we had two late filings, that's straight off the compliance log.",
                ),
                (VENDOR, "And next?"),
                (CUSTOMER, "I want that down to zero by the autumn."),
            ],
            1,
        ),
    ],
    ids=["a want next in the turn", "the want in a later turn"],
)
def test_a_figure_a_want_starts_from_is_no_outcome(analyzer, lines, count) -> None:  # type: ignore[no-untyped-def]
    assert len(_outcomes(analyzer, lines)) == count


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("This season I ran the line with eleven sorters a shift instead of sixteen.", 1),
        (
            "Since we went live in June, quote requests get triaged in about twenty minutes "
            "instead of most of a morning.",
            1,
        ),
        ("If we could run the line with eleven sorters instead of sixteen, that'd be huge.", 0),
        ("We want sixty days' notice instead of thirty.", 0),
    ],
    ids=["ran, instead of", "since, instead of", "a hope", "a want"],
)
def test_a_figure_instead_of_the_one_before_is_an_outcome(analyzer, said, count) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "How was the season?"), (CUSTOMER, said)])
    assert [o.evidence for o in found] == [said] * count


@pytest.mark.parametrize(
    ("said", "evidence"),
    [
        (
            "We had three order errors in April. I checked the credit note log myself last week.",
            "We had three order errors in April.",
        ),
        (
            "We had three order errors in April. Three. I know because every error means a "
            "credit note, and the accountant pulls the credit notes every month.",
            "We had three order errors in April. Three.",
        ),
        (
            "We had three order errors in April. I went back through the credit note emails "
            "to check.",
            "We had three order errors in April.",
        ),
        (
            "We had three order errors in April. It's all in the returns log.",
            "We had three order errors in April.",
        ),
        (
            "We had three order errors in April. Last week we tallied it from the credit notes.",
            "We had three order errors in April.",
        ),
    ],
    ids=["checked the log", "past a figure said again", "went back through", "it's in", "tallied"],
)
def test_a_record_someone_checked_backs_the_figure_before(analyzer, said, evidence) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "How were order errors?"), (CUSTOMER, said)])
    assert [o.evidence for o in found] == [evidence]


@pytest.mark.parametrize(
    ("said", "count"),
    [
        (
            "Now the managers ring round for about an hour a day instead of three hours. I haven't "
            "measured that properly though, that's just what they tell me.",
            0,
        ),
        (
            "Now the managers ring round for about an hour a day instead of three hours. I timed "
            "it myself on Monday.",
            1,
        ),
    ],
    ids=["never measured", "timed"],
)
def test_a_figure_the_customer_never_checked_is_no_outcome(analyzer, said, count) -> None:  # type: ignore[no-untyped-def]
    found = _outcomes(analyzer, [(VENDOR, "And the office side?"), (CUSTOMER, said)])
    assert len(found) == count


def test_a_source_said_with_a_figure_of_its_own_backs_that_one(analyzer) -> None:  # type: ignore[no-untyped-def]
    earlier = "So phone orders used to be about half of everything we sold."
    result = (
        "Since we moved box office online, phone orders went from about half of sales to under "
        "a fifth, I checked the sales report for the whole season last week."
    )
    found = _outcomes(
        analyzer, [(VENDOR, "How are phone orders?"), (CUSTOMER, f"{earlier} {result}")]
    )
    assert len(found) == 1 and result in found[0].evidence


def test_a_reading_made_once_gives_what_from_claims_reads_itself(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "How are phone orders?"),
        (CUSTOMER, "Phone orders used to be about half of sales. Now it's under a fifth."),
        (CUSTOMER, "Overtime in Q4 was down twenty-two percent, I pulled that from payroll."),
    ]
    m = meeting(analyzer, lines)
    found = goals.cl.claims(m)
    read = outcomes.reading(m, found)
    for threshold in (0.3, 0.5, 0.9):
        head = {**goals.cl.model()["outcome"], "threshold": threshold}
        assert outcomes.from_claims(m, found, head, [], read) == outcomes.from_claims(
            m, found, head, []
        )


@pytest.mark.parametrize(
    "said",
    [
        "Opening Saturday, the ticketing went down for two hours and ten minutes across all six "
        "sites, I pulled that from the incident log.",
        "We also had the system outage in January, the two days when the credit bureau feed was "
        "down, that's straight off our ticket log.",
    ],
    ids=["went down for", "the outage"],
)
def test_a_service_gone_down_is_no_outcome(analyzer, said) -> None:  # type: ignore[no-untyped-def]
    assert _outcomes(analyzer, [(VENDOR, "How was the quarter?"), (CUSTOMER, said)]) == []
