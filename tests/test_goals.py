"""Goals: each phrasing family, each rejection rule, agreement and its absence, has_agreed_goal."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import SEEDS, needs_shared
from dialogue import CUSTOMER, VENDOR, meeting

from milepost.models import Goal
from milepost.pipeline.extract import goal_groups, goal_text, goals
from milepost.pipeline.extract.claims import Claim
from milepost.pipeline.extract.goal_text import deadline_of, metric_of, trim_lead

FAMILIES = {
    "what I want is X by Y": (
        [
            (VENDOR, "So what are you hoping to get out of this?"),
            (CUSTOMER, "What I want is onboarding under ten days by Q3."),
            (VENDOR, "Okay, noted. Let's look at the integrations."),
        ],
        ("What I want is onboarding under ten days by Q3.", "save_time", "under ten days", "by Q3"),
    ),
    "the board wants us to": (
        [
            (VENDOR, "Tell me about the project."),
            (CUSTOMER, "The board wants us to cut support costs by thirty percent this year."),
            (VENDOR, "Got it. Let me show you the dashboard."),
        ],
        (
            "The board wants us to cut support costs by thirty percent this year.",
            "save_money",
            "thirty percent",
            "this year",
        ),
    ),
    "if we could stop losing": (
        [
            (VENDOR, "Where does it hurt most?"),
            (
                CUSTOMER,
                "If we could stop losing clients to late invoices, that alone would pay for this.",
            ),
            (VENDOR, "Makes sense."),
        ],
        (
            "If we could stop losing clients to late invoices, that alone would pay for this.",
            "make_money",
            None,
            None,
        ),
    ),
    "our CEO wants": (
        [
            (VENDOR, "What's the big picture?"),
            (CUSTOMER, "Our CEO wants online to be 25% of sales by 2027."),
            (VENDOR, "Interesting. Let's talk about the rollout."),
        ],
        ("Our CEO wants online to be 25% of sales by 2027.", "make_money", "25%", "by 2027"),
    ),
    "answer to what would make this a win": (
        [
            (VENDOR, "What would make this a win for you?"),
            (CUSTOMER, "Honestly, getting our month-end close down to three days."),
            (VENDOR, "Okay. Let's move on to the demo."),
        ],
        (
            "getting our month-end close down to three days.",
            "save_time",
            "three days",
            None,
        ),
    ),
    "metric in a later turn": (
        [
            (CUSTOMER, "What I really need is fewer no-shows at the clinics."),
            (VENDOR, "Is there a number you have in mind?"),
            (CUSTOMER, "Six percent by the end of March."),
            (VENDOR, "Okay, let's look at the reminders."),
        ],
        ("Six percent by the end of March.", "other", "Six percent", "by the end of March"),
    ),
}


@pytest.mark.parametrize("family", list(FAMILIES))
def test_each_phrasing_family_is_one_customer_goal(analyzer, family: str) -> None:  # type: ignore[no-untyped-def]
    lines, (evidence, category, metric, deadline) = FAMILIES[family]
    found = goals.find(meeting(analyzer, lines))
    assert [g.evidence for g in found] == [evidence]
    goal = found[0]
    assert (goal.category, goal.metric, goal.deadline) == (category, metric, deadline)
    assert (goal.speaker, goal.side, goal.agreed) == (CUSTOMER, "customer", False)
    assert goal.found_by == "goal-model" and 0.0 < goal.confidence <= 1.0
    assert any(evidence in text for _, text in lines)


REJECTED = {
    "feature request": [
        (VENDOR, "Anything else?"),
        (CUSTOMER, "Can it export to Excel? We need a Salesforce integration for the sales team."),
        (VENDOR, "Yes, it can."),
    ],
    "task": [
        (VENDOR, "Next steps?"),
        (CUSTOMER, "I'll send you the list of users by Friday."),
        (VENDOR, "Great, thanks."),
    ],
    "vendor's own target": [
        (VENDOR, "We want to close this deal by the end of the quarter, that's our quota."),
        (CUSTOMER, "Okay."),
        (VENDOR, "And we want thirty percent of your team trained."),
    ],
    "rejected proposal": [
        (VENDOR, "What if we aimed for thirty percent fewer tickets by June?"),
        (CUSTOMER, "No, that's not really what we care about."),
        (VENDOR, "Okay, fair enough."),
    ],
    "ignored proposal": [
        (VENDOR, "What if we aimed for thirty percent fewer tickets by June?"),
        (CUSTOMER, "Let's talk about the integration first."),
        (VENDOR, "Sure."),
    ],
    "contract term": [
        (VENDOR, "What's left on the paper?"),
        (CUSTOMER, "Liability cap, we want it at two times fees, not one."),
        (VENDOR, "I'll take that to our legal team."),
    ],
    "ignored proposal, no names": [
        (None, "What if we set forty percent exchanges by next Black Friday as the target?"),
        (None, "Let's talk about the integration first."),
    ],
}


@pytest.mark.parametrize("case", list(REJECTED))
def test_rejections_are_not_goals(analyzer, case: str) -> None:  # type: ignore[no-untyped-def]
    assert goals.find(meeting(analyzer, REJECTED[case])) == []


def test_a_proposal_the_customer_takes_up_is_their_agreed_goal(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "What if we aimed for thirty percent fewer tickets by June?"),
        (CUSTOMER, "Yes, let's hold ourselves to thirty percent by June."),
        (VENDOR, "Great."),
    ]
    found = goals.find(meeting(analyzer, lines))
    assert [(g.evidence, g.side, g.agreed) for g in found] == [
        ("let's hold ourselves to thirty percent by June.", "customer", True)
    ]
    assert found[0].metric == "thirty percent" and found[0].deadline == "by June"
    assert goals.has_agreed_goal(found)


def test_restated_and_confirmed_is_one_agreed_goal(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, "I want first response under two hours by the end of February."),
        (
            VENDOR,
            "So, first response under two hours by the end of February. "
            "Is that the number we measure ourselves against?",
        ),
        (CUSTOMER, "Yes, exactly."),
    ]
    found = goals.find(meeting(analyzer, lines))
    assert [(g.evidence, g.agreed) for g in found] == [
        ("I want first response under two hours by the end of February.", True)
    ]
    assert goals.has_agreed_goal(found)


def test_a_goal_set_jointly_is_agreed(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (
        "The goal we set together in June was getting loan decisions "
        "from six days down to two by the end of the year."
    )
    lines = [(VENDOR, said), (CUSTOMER, "Right, and we're close."), (VENDOR, "Great.")]
    found = goals.find(meeting(analyzer, lines))
    assert [(g.evidence, g.agreed, g.deadline) for g in found] == [
        (said, True, "by the end of the year")
    ]


@pytest.mark.parametrize(
    "reply",
    [
        "Okay. Let's look at the training schedule next.",
        "I can't promise a number on this call, a lot of that is staffing.",
        "Honestly, I'm not sure we can hit that with the team we have.",
        "I'd rather not put a number on it, that's unrealistic for June.",
    ],
)
def test_said_once_or_contested_is_not_agreed(analyzer, reply: str) -> None:  # type: ignore[no-untyped-def]
    lines = [(CUSTOMER, "I want audit prep down to two days by June."), (VENDOR, reply)]
    found = goals.find(meeting(analyzer, lines))
    assert [(g.evidence, g.agreed) for g in found] == [
        ("I want audit prep down to two days by June.", False)
    ]
    assert not goals.has_agreed_goal(found)


@pytest.mark.parametrize(
    "reply",
    [
        "Two days by June. That's the bar we'll work to.",
        "Two days by June, okay, we'll own that on our side.",
        "I can get behind that, two days by June.",
    ],
)
def test_the_other_side_taking_the_goal_on_is_agreement(analyzer, reply: str) -> None:  # type: ignore[no-untyped-def]
    lines = [(CUSTOMER, "I want audit prep down to two days by June."), (VENDOR, reply)]
    found = goals.find(meeting(analyzer, lines))
    assert [(g.evidence, g.agreed) for g in found][:1] == [
        ("I want audit prep down to two days by June.", True)
    ]
    assert goals.has_agreed_goal(found)


def test_without_speaker_names_agreement_is_read_sentence_by_sentence(analyzer) -> None:  # type: ignore[no-untyped-def]
    paragraph = (
        "So the target is all nine branches off paper by March 1st. Yes, that's the goal. "
        "This year I want failed deliveries under 2%. Okay, moving on to training."
    )
    found = goals.find(meeting(analyzer, [(None, paragraph)]))  # type: ignore[list-item]
    agreed = {g.evidence: g.agreed for g in found}
    assert agreed.get("the target is all nine branches off paper by March 1st.") is True
    assert agreed.get("This year I want failed deliveries under 2%.") is False


def _answered(question: str, said: str) -> list[tuple[str, str]]:
    """The vendor's question, the customer's answer, and the talk moving on."""
    return [(VENDOR, question), (CUSTOMER, said), (VENDOR, "Got it. Let's look at the setup.")]


def _second_want(first: str, said: str) -> list[tuple[str, str]]:
    """A first goal, then a second answer after the vendor asks for more."""
    return [
        (VENDOR, "So what's driving this for you?"),
        (CUSTOMER, first),
        (VENDOR, "Okay. Anything else?"),
        (CUSTOMER, said),
        (VENDOR, "Got it. Let's look at the setup."),
    ]


def _goal(
    agreed: bool, metric: str | None = None, deadline: str | None = None, evidence: str = "x"
) -> Goal:
    return Goal(
        text="x",
        category="other",
        agreed=agreed,
        metric=metric,
        deadline=deadline,
        evidence=evidence,
        confidence=0.9,
    )


def test_has_agreed_goal_needs_agreed_and_concrete() -> None:
    assert goals.has_agreed_goal([_goal(True, metric="30%")])
    assert goals.has_agreed_goal([_goal(False), _goal(True, deadline="by Q3")])
    assert not goals.has_agreed_goal([_goal(True)])  # "get more value out of the tool"
    assert not goals.has_agreed_goal([_goal(False, metric="30%", deadline="by Q3")])
    assert not goals.has_agreed_goal([])


def test_the_time_of_adopting_a_vague_goal_does_not_make_it_concrete(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "What would a good year look like for you?"),
        (CUSTOMER, "I want us to be the plant the buyers never worry about."),
        (VENDOR, "I like that. Let's make that the goal for next year."),
        (CUSTOMER, "Agreed."),
        (VENDOR, "Great. Let's look at the setup."),
    ]
    found = goals.find(meeting(analyzer, lines))
    assert [(g.evidence, g.agreed, g.deadline) for g in found] == [
        ("I want us to be the plant the buyers never worry about.", True, None)
    ]
    assert not goals.has_agreed_goal(found)


@pytest.mark.parametrize(
    ("evidence", "concrete"),
    [
        ("What we need is to pass the SOC 2 audit without scrambling.", True),
        ("We want to walk into the Halden inspection with zero findings.", True),
        ("The point is to go live at every clinic.", True),
        ("I need all of our stores on the new flow.", True),
        ("We just want to get more value out of the tool.", False),
        ("Honestly we want the team to be more efficient.", False),
    ],
)
def test_an_observable_result_makes_an_agreed_goal_concrete(evidence: str, concrete: bool) -> None:
    assert goals.has_agreed_goal([_goal(True, evidence=evidence)]) is concrete
    assert not goals.has_agreed_goal([_goal(False, evidence=evidence)])


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("We want to walk into the audit in May with no surprises.", "in May"),
        ("I need onboarding under a week within six months.", "within six months"),
        ("The goal is half the tickets over the next two quarters.", "over the next two quarters"),
        ("I want us under 20 road calls this school year.", "this school year"),
        ("Agency spend down a quarter next academic year.", "next academic year"),
        (
            "All fourteen centres counting in the app by the first of August.",
            "by the first of August",
        ),
        (
            "We want renewals up ten points by the end of next quarter.",
            "by the end of next quarter",
        ),
        ("Every store on the new tills by Easter.", "by Easter"),
        ("Every store on the new tills by the Christmas peak.", "by the Christmas peak"),
        ("All the rosters done before half-term.", "before half-term"),
    ],
)
def test_deadline_phrasings(sentence: str, deadline: str) -> None:
    assert deadline_of(sentence) == deadline


@needs_shared
def test_seeds_give_no_nonsense_goals(analyzer) -> None:  # type: ignore[no-untyped-def]
    from milepost.pipeline.formats import read

    for path in sorted(SEEDS.glob("*.txt")):
        analysis = analyzer.analyze(read(path))
        assert analysis.goals == [], path.name  # a founders' meeting, a talk, a podcast, articles
        assert not analysis.has_agreed_goal and "no_agreed_goal" in analysis.flags
        assert analysis.questions


@pytest.mark.parametrize(
    ("sentence", "metric", "deadline"),
    [
        (
            "I need denials under six percent by the end of June.",
            "under six percent",
            "by the end of June",
        ),
        (
            "Get the per seat cost under $1.50 before the renewal.",
            "under $1.50",
            "before the renewal",
        ),
        ("Thirty-five percent of tickets resolved by the bot.", "Thirty-five percent", None),
        (
            "Under ten days from application to dispatch, by the end of Q1.",
            "Under ten days",
            "by the end of Q1",
        ),
        (
            "Take a hundred and twenty K a year off write-offs.",
            "a hundred and twenty K a year",
            None,
        ),
        ("Just make it better.", None, None),
        # fractions and multiples are metrics
        (
            "If reminders could cut no-shows by a third by the end of March.",
            "by a third",
            "by the end of March",
        ),
        ("We want to cut the time on check calls in half.", "in half", None),
        # a fraction said as what it goes down to, or of what it is now, and a holiday
        (
            "The goal is write-offs down to a third across all three depots by Christmas.",
            "down to a third",
            "by Christmas",
        ),
        (
            "Make it a third of what it is now, before the Christmas peak.",
            "a third of what it is",
            "before the Christmas peak",
        ),
        ("I want online orders to double next year.", "double", "next year"),
        # the wanted figure, not the baseline
        (
            "On-time was seventy-eight percent, and the COO wants eighty-five by next summer.",
            "eighty-five percent",
            "by next summer",
        ),
        (
            "Food cost is thirty-four percent and they need us at twenty-eight percent.",
            "twenty-eight percent",
            None,
        ),
        (
            "Next year I want auto-decisioning from forty percent of applications to sixty.",
            "sixty percent",
            "Next year",
        ),
        ("Get decisions from six days down to under two days.", "under two days", None),
        # the time phrase ends where another thought starts
        # a count of new things is the target (cs_train labels "2 more big practices" so)
        (
            "Take on two more practices by spring without hiring anybody.",
            "two more practices",
            "by spring",
        ),
        (
            "By the end of January our work orders should close in four days.",
            "four days",
            "By the end of January",
        ),
    ],
)
def test_metric_and_deadline_as_said(
    sentence: str, metric: str | None, deadline: str | None
) -> None:
    assert (metric_of(sentence), deadline_of(sentence)) == (metric, deadline)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("cut overtime spend by twenty percent", "save_money"),
        ("grow online sales to 25% of revenue", "make_money"),
        ("zero findings at the SQF audit", "reduce_risk"),
        ("first response under two hours", "save_time"),
        ("a real safety culture", "reduce_risk"),
        ("be happier", "other"),
    ],
)
def test_category_from_words(text: str, category: str) -> None:
    assert goal_text.category(text) == category


def test_evidence_drops_the_spoken_lead_in_but_stays_verbatim() -> None:
    said = "And honestly, for me, I'd love to never need temps for peak again."
    assert trim_lead(said) == "I'd love to never need temps for peak again."
    assert trim_lead("So.") == "So."


def test_shipped_model_was_trained_on_training_meetings_only() -> None:
    from milepost.pipeline.extract.claims import model

    m = model()
    assert m["trained_on"][0] == "cs_train" and set(m["trained_on"]) <= {"cs_train", "data/train"}
    assert len(m["meetings"]) == len(m["trained_on"])
    for head in ("goal", "outcome"):
        assert 0.0 < m[head]["threshold"] < 1.0
        assert m[head]["weights"] and all(isinstance(w, float) for w in m[head]["weights"].values())
    assert not any(n.startswith(("w:", "x:")) for n in m["outcome"]["weights"])
    assert any(n.startswith("x:") for n in m["goal"]["weights"])


def test_the_goal_head_sees_cues_in_conjunction(analyzer) -> None:  # type: ignore[no-untyped-def]
    from milepost.pipeline.extract.claims import claims

    lines = [
        (VENDOR, "What would make this a win for you?"),
        (CUSTOMER, "I want first response under two hours."),
    ]
    said = claims(meeting(analyzer, lines))[-1].features
    assert said["x:has_want*has_metric"] == said["x:has_want*side_customer"] == 1.0
    assert said["x:has_metric*prev_discovery_q"] == 1.0
    assert "x:has_want*side_vendor" not in said and "x:has_want*has_deadline" not in said


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("What I want is onboarding under ten days by Q3.", "onboarding under ten days by Q3"),
        (
            "The board wants us to cut support costs by thirty percent this year.",
            "cut support costs by thirty percent this year",
        ),
        (
            "If we could stop losing clients to late invoices, that alone would pay for this.",
            "stop losing clients to late invoices",
        ),
        ("Our CEO wants online to be 25% of sales by 2027.", "online to be 25% of sales by 2027"),
        ("Six percent by the end of March.", "Six percent by the end of March"),
        (
            "If reminders could cut no-shows by a third by the end of March, that's real money.",
            "cut no-shows by a third by the end of March",
        ),
        (
            "The goal we set in June was getting loan decisions down to two days.",
            "getting loan decisions down to two days",
        ),
        (
            "We're burning diesel, the owner wants deadhead under 12% by next year.",
            "deadhead under 12% by next year",
        ),
        (
            "The plan I put in the budget is under four dollars by June, which is our year end.",
            "under four dollars by June",
        ),
        (  # the desire verb's negation is not part of what is wanted
            "If we can't do forty-eight hours in April, we lose the contract.",
            "do forty-eight hours in April, we lose the contract",
        ),
    ],
)
def test_goal_text_is_the_outcome_phrase(sentence: str, text: str) -> None:
    assert goal_text.short_text(sentence) == text


@pytest.mark.parametrize(
    ("threshold", "floor", "found"),
    [
        (
            0.7,
            0.2,
            [
                "First response under two hours is what I want.",
                "I want the nurses calling us less.",
            ],
        ),
        (0.7, 0.0, ["First response under two hours is what I want."]),  # no floor: one goal
        (
            0.7,
            0.3,
            ["First response under two hours is what I want."],
        ),  # the second is below the floor
        (0.95, 0.2, []),  # nothing cleared the threshold: no second goal either
    ],
)
def test_one_goal_found_brings_the_next_best_above_the_floor(
    analyzer,  # type: ignore[no-untyped-def]
    threshold: float,
    floor: float,
    found: list[str],
) -> None:
    lines = [
        (CUSTOMER, "First response under two hours is what I want."),
        (VENDOR, "Okay."),
        (CUSTOMER, "I want the nurses calling us less."),
    ]
    m = meeting(analyzer, lines)
    head = {"weights": {"has_metric": 3.0, "has_want": 1.0}, "bias": -2.0}
    setting = {"threshold": threshold, "second_floor": floor}
    claims = goals.cl.claims(m)
    assert [g.evidence for g in goals.from_claims(m, claims, {**head, **setting})] == found


@pytest.mark.parametrize(
    "said",
    [
        "Right now it's one big number.",
        "I'll have the trustees paper drafted, whatever the number ends up being.",
    ],
)
def test_a_number_spoken_of_is_not_the_second_goal(analyzer, said: str) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, "First response under two hours is what I want."),
        (VENDOR, "Okay."),
        (CUSTOMER, said),
        (VENDOR, "Right."),
        (CUSTOMER, "I want the nurses calling us less."),
    ]
    m = meeting(analyzer, lines)
    head = {"weights": {"has_metric": 3.0, "has_goal_word": 1.5, "has_want": 1.0}, "bias": -2.0}
    setting = {"threshold": 0.7, "second_floor": 0.2}
    claims = goals.cl.claims(m)
    found = goals.from_claims(m, claims, {**head, **setting})
    assert [g.evidence for g in found] == [
        "First response under two hours is what I want.",
        "I want the nurses calling us less.",
    ]


@pytest.mark.parametrize(
    ("said", "metric"),
    [
        (
            "Right now it's about four days from the parcel arriving to the coat being back"
            " on sale.",
            None,
        ),
        ("This term, with the autopay and the reminders, it's six percent.", None),
        # a figure wanted or wished for, pointing back at the goal, is its figure
        ("I'd want that down to four days.", "four days"),
        ("If we got that to six percent, I'd be thrilled.", "six percent"),
    ],
)
def test_a_figure_told_as_it_stands_is_not_put_on_the_goal(  # type: ignore[no-untyped-def]
    analyzer, said: str, metric: str | None
) -> None:
    lines = [
        (VENDOR, "So what's driving this for you?"),
        (CUSTOMER, "I want returns to stop being a headache for the team."),
        (VENDOR, "Tell me more."),
        (CUSTOMER, said),
        (VENDOR, "Got it. Let's look at the setup."),
    ]
    m = meeting(analyzer, lines)
    found = goals.from_claims(m, goals.cl.claims(m), _HIGH)
    want = "I want returns to stop being a headache for the team."
    assert [(g.evidence, g.metric) for g in found] == [(want, metric)]  # the want keeps the quote


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("Okay, that alone would save me a lot of angry phone calls.", False),
        ("Every one of those costs us about ninety pounds, so that's real money.", False),
        # the condition states the goal
        ("If we could get renewals back up to sixty, that's real money.", True),
    ],
)
def test_a_value_put_on_something_is_not_a_goal(analyzer, said: str, goal: bool) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    head = {"weights": {"has_if_could": 6.0}, "bias": -2.0, "threshold": 0.5, "second_floor": 0.0}
    found = goals.from_claims(m, goals.cl.claims(m), head)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


def test_a_value_put_on_something_is_not_the_second_goal(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, "First response under two hours is what I want."),
        (VENDOR, "Okay."),
        (CUSTOMER, "Okay, that alone would save me a lot of angry phone calls."),
        (VENDOR, "Right."),
        (CUSTOMER, "I want the nurses calling us less."),
    ]
    m = meeting(analyzer, lines)
    head = {"weights": {"has_metric": 3.0, "has_if_could": 1.5, "has_want": 1.0}, "bias": -2.0}
    setting = {"threshold": 0.7, "second_floor": 0.2}
    found = goals.from_claims(m, goals.cl.claims(m), {**head, **setting})
    assert [g.evidence for g in found] == [
        "First response under two hours is what I want.",
        "I want the nurses calling us less.",
    ]


def test_no_second_goal_from_the_turn_that_states_the_first(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, "I want first response under two hours. I want the nurses to stop calling."),
        (VENDOR, "Okay."),
    ]
    m = meeting(analyzer, lines)
    head = {"weights": {"has_metric": 3.0, "has_want": 1.0}, "bias": -2.0}
    setting = {"threshold": 0.7, "second_floor": 0.2}
    claims = goals.cl.claims(m)
    found = goals.from_claims(m, claims, {**head, **setting})
    assert [g.evidence for g in found] == ["I want first response under two hours."]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        # a third party made to stop or do less of something
        ("I want our drivers to stop waiting at the loading dock.", {"outcome", "change"}),
        ("We'd love to see fewer chargebacks on the web orders.", {"outcome", "change"}),
        ("My boss would like the refund backlog gone.", {"outcome", "change"}),
        ("I need the licence spend to come down.", {"outcome"}),
        # what is wanted can follow the copula ("What we need is | ...")
        ("What we need is fewer missed deliveries.", {"change"}),
        ("The thing I want is less overtime on weekends.", {"outcome", "change"}),
        # process wants name neither an outcome nor a change
        ("I want to see the dashboard first.", set()),
        ("I'd like to walk through the export settings.", set()),
        # the lexicon reads only what a want governs, not the whole sentence
        ("The backlog was bad, so I called you.", set()),
    ],
)
def test_what_a_want_governs_is_a_feature(analyzer, sentence: str, wanted: set[str]) -> None:  # type: ignore[no-untyped-def]
    from milepost.pipeline.extract.claims import claims

    said = claims(meeting(analyzer, [(CUSTOMER, sentence)]))[-1].features
    assert {k for k in ("outcome", "change") if said.get(f"wanted_{k}")} == wanted


@pytest.mark.parametrize(
    ("side", "sentence", "both"),
    [
        (CUSTOMER, "I'd like that time back for them.", True),
        (CUSTOMER, "The thing I want is less overtime on weekends.", True),
        # one of the two only, or the vendor's want
        (CUSTOMER, "I need the licence spend to come down.", False),
        (VENDOR, "We'd love to see fewer chargebacks on the web orders.", False),
    ],
)
def test_a_customer_want_for_a_change_in_an_outcome_is_one_feature(  # type: ignore[no-untyped-def]
    analyzer, side: str, sentence: str, both: bool
) -> None:
    from milepost.pipeline.extract.claims import claims

    said = claims(meeting(analyzer, [(side, sentence)]))[-1].features
    assert ("wanted_both" in said) is both


@pytest.mark.parametrize(
    "said",
    [
        "Honestly, I want our drivers to stop waiting hours at the loading dock.",
        "What I'd really like is for the reps to stop losing renewals to silence.",
        "I need the night shift to stop getting hurt on the forklifts.",
    ],
)
def test_a_want_for_an_outcome_without_a_number_is_a_goal(analyzer, said: str) -> None:  # type: ignore[no-untyped-def]
    lines = _answered("So what's driving this for you?", said)
    found = goals.find(meeting(analyzer, lines))
    assert [(g.evidence, g.side, g.metric) for g in found] == [(trim_lead(said), "customer", None)]


@pytest.mark.parametrize(
    "said",
    [
        "I want to see the dashboard before we go further.",
        "I'd like to walk through the export settings with Mia.",
        "We need to check the login flow for the night shift.",
    ],
)
def test_a_want_about_the_meeting_or_product_is_not_a_goal(analyzer, said: str) -> None:  # type: ignore[no-untyped-def]
    lines = [(VENDOR, "Where do you want to start?"), (CUSTOMER, said), (VENDOR, "Sure.")]
    assert goals.find(meeting(analyzer, lines)) == []


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("Is there a number you have in mind?", ["Six percent by the end of March."]),
        (
            "Okay. What else is on your list?",
            ["Six percent by the end of March.", "I want the nurses to stop calling."],
        ),
    ],
)
def test_no_second_goal_from_the_want_a_figure_was_asked_for(
    analyzer,  # type: ignore[no-untyped-def]
    question: str,
    found: list[str],
) -> None:
    lines = [
        (CUSTOMER, "I want the nurses to stop calling."),
        (VENDOR, question),
        (CUSTOMER, "Six percent by the end of March."),
    ]
    m = meeting(analyzer, lines)
    head = {"weights": {"has_metric": 3.0, "has_want": 1.0}, "bias": -2.0}
    setting = {"threshold": 0.7, "second_floor": 0.2}
    claims = goals.cl.claims(m)
    assert [g.evidence for g in goals.from_claims(m, claims, {**head, **setting})] == found


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        # a want or can't-have negated over a repeat: a want for it not to happen again
        ("I never want another audit like that.", True),
        ("We can't have another outage in peak season.", True),
        ("The last assessor flagged it and I don't want to be flagged twice.", True),
        # negated wants of no repeat, and repeats not wanted away
        ("I don't want to see the dashboard.", False),
        ("I don't want a scorecard on day one.", False),
        ("We want another training session next week.", False),
    ],
)
def test_a_negated_want_of_a_repeat_is_a_want(analyzer, sentence: str, never: bool) -> None:  # type: ignore[no-untyped-def]
    from milepost.pipeline.extract.claims import claims

    said = claims(meeting(analyzer, [(CUSTOMER, sentence)]))[-1]
    assert ("negated_want" in said.features) == never
    if never:  # none of these says "I want" as the want cue reads it
        assert "want" in said.fired


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        # an authority on the customer's side asks, and the customer relays it
        ("My board treasurer wants every hour captured.", True),
        ("Corporate is asking us to cut travel spend.", True),
        ("The superintendent expects the routes fixed by fall.", True),
        # the authority is named but does not ask, or is asked
        ("I showed the board the dashboard last week.", False),
        ("We want to ask the board about it.", False),
    ],
)
def test_an_authority_asking_is_a_feature(analyzer, sentence: str, asked: bool) -> None:  # type: ignore[no-untyped-def]
    from milepost.pipeline.extract.claims import claims

    said = claims(meeting(analyzer, [(CUSTOMER, sentence)]))[-1]
    assert ("third_party_ask" in said.features) == asked


def _said(turn: int, side: str, text: str) -> Claim:
    speaker = {"vendor": "Dana Ruiz", "customer": "Raj Patel"}[side]
    return Claim(turn=turn, text=text, speaker=speaker, side=side)  # type: ignore[arg-type]


HURT = "I want to stop people getting hurt on the loading docks."


@pytest.mark.parametrize(
    ("said", "one_goal"),
    [
        ((2, "customer", "If we got that to five or fewer this year, I'd be happy."), True),
        ((2, "customer", "Double it by the end of this year."), True),
        # a determiner, not a pointer back: another goal
        ((2, "customer", "This year I want failed deliveries under 2%."), False),
        # the other side naming a figure is a proposal, not the same speaker's figure
        ((2, "vendor", "Let's get that down to five."), False),
        # too late to be the figure of that goal
        ((9, "customer", "I'd want that down to four or fewer."), False),
    ],
)
def test_a_figure_put_on_a_goal_by_pointing_back_joins_it(said, one_goal: bool) -> None:  # type: ignore[no-untyped-def]
    found = [_said(0, "customer", HURT), _said(*said)]
    groups = goal_groups.select(found, np.array([0.6, 0.7]), 0.4)
    assert (len(groups) == 1) is one_goal


AGENCIES = "If we could stop losing those shifts to agencies, that's the whole business case."
HALF = "I want agency spend cut in half by the end of Q3."


@pytest.mark.parametrize(
    ("first", "speaker", "one_goal"),
    [
        (AGENCIES, "Raj Patel", True),
        # two goals each with its own figure
        ("This year I want failed deliveries under 2%.", "Raj Patel", False),
        # a transcript without speaker names runs several speakers into one turn
        (AGENCIES, None, False),
    ],
)
def test_a_goal_in_words_and_its_figure_in_one_turn_are_one_goal(
    first: str, speaker: str | None, one_goal: bool
) -> None:
    found = [
        Claim(turn=3, text=first, speaker=speaker, side="customer"),
        Claim(turn=3, text=HALF, speaker=speaker, side="customer"),
    ]
    groups = goal_groups.grouped(found, np.array([0.9, 0.7]), {"threshold": 0.4})
    assert groups == ([[1, 0]] if one_goal else [[0], [1]])


def test_a_read_back_under_the_threshold_joins_the_goal_it_reads_back() -> None:
    found = [
        _said(9, "customer", HURT),
        _said(12, "customer", "I'd want that down to four or fewer."),
        _said(13, "vendor", "Let me note the training dates."),
        _said(
            14, "vendor", "So fewer than five injuries on the docks by December, that's the number?"
        ),
    ]
    groups = goal_groups.grouped(found, np.array([0.5, 0.75, 0.2, 0.3]), {"threshold": 0.4})
    assert groups == [[1, 0, 3]]


def test_a_restatement_with_the_figure_in_other_words_is_the_same_goal() -> None:
    found = [
        _said(
            25,
            "customer",
            "We're at fifty-eight percent and the owners want sixty-five by year end.",
        ),
        _said(
            26, "vendor", "65 percent time utilization by December, that's what we measure against?"
        ),
    ]
    assert goal_groups.select(found, np.array([0.75, 0.5]), 0.4) == [[0, 1]]


def test_a_sentence_far_away_under_the_threshold_does_not_join() -> None:
    found = [
        _said(5, "customer", "I want new temps up to standard in under ten shifts before peak."),
        _said(29, "customer", "During peak our new temps were hitting standard in six shifts."),
    ]
    assert goal_groups.grouped(found, np.array([0.6, 0.15]), {"threshold": 0.4}) == [[0]]


@pytest.mark.parametrize(
    ("later", "same"),
    [
        # a small count shared by chance a few turns on is another goal
        ((6, "If this lets us drop two of them, that saves eighty thousand a year."), False),
        # the same small count said right after is the same goal
        ((2, "Two audits, both clean, by October."), True),
        # a particular figure ties them however far and however said
        ((10, "Under 40 findings per audit, by October."), True),
    ],
)
def test_a_shared_small_count_joins_only_close_by(later, same: bool) -> None:  # type: ignore[no-untyped-def]
    found = [
        _said(1, "customer", "The board wants us through two audits with under forty findings."),
        _said(later[0], "customer", later[1]),
    ]
    assert (len(goal_groups.select(found, np.array([0.9, 0.5]), 0.4)) == 1) is same


def test_a_question_is_not_the_evidence_where_the_customer_also_states_the_goal() -> None:
    asked = "The quote goes out, what, four days later?"
    wanted = "I want quotes out to the customer the same day as the measure."
    found = [_said(10, "customer", asked), _said(12, "customer", wanted)]
    assert goals.evidence_of(found, [0, 1]) == wanted
    assert goals.evidence_of(found[:1], [0]) == asked  # nothing else said: the question


@pytest.mark.parametrize(
    ("asked", "metric"),
    [
        ("Right now the quote goes out, what, four days later?", None),
        # a statement of the figure still gives it
        (
            "Right now the quote goes out four days later, and I want it under two days.",
            "under two days",
        ),
    ],
)
def test_the_customer_s_own_question_lends_the_goal_no_figure(  # type: ignore[no-untyped-def]
    analyzer, asked: str, metric: str | None
) -> None:
    wanted = "I want quotes out to the customer the same day as the measure."
    m = meeting(analyzer, [(CUSTOMER, asked), (VENDOR, "Okay."), (CUSTOMER, wanted)])
    found = goals.cl.claims(m)
    group = [next(i for i, c in enumerate(found) if c.text == t) for t in (asked, wanted)]
    goal = goals._goal(m, found, np.ones(len(found)), group)
    assert goal.metric == metric


def test_the_statement_that_puts_the_figure_on_a_goal_joins_it_and_the_want_keeps_the_quote() -> (
    None
):
    found = [
        _said(3, "customer", "We're paying for three tools that half overlap."),
        _said(3, "customer", "If this lets us drop two of them, that's eighty thousand a year."),
    ]
    (group,) = goal_groups.select(found, np.array([0.6, 0.5]), 0.4)
    assert group == [0, 1] and goal_groups.refines(found, 0, 1)
    assert goals.evidence_of(found, group).startswith("We're paying")


@pytest.mark.parametrize(
    ("asked", "joins"),
    [
        ("So closing support tickets in two days by June, is that the target?", True),
        ("How many support tickets do you close in a week today?", False),
    ],
)
def test_only_a_question_that_reads_the_goal_back_joins_it(asked: str, joins: bool) -> None:
    found = [
        _said(4, "customer", "I want our support tickets closed faster."),
        _said(5, "vendor", asked),
    ]
    groups = goal_groups.grouped(found, np.array([0.6, 0.2]), {"threshold": 0.4})
    assert groups == ([[0, 1]] if joins else [[0]])


@pytest.mark.parametrize(
    ("said", "metric"),
    [
        (
            "What I'd want for the EU store is a chargeback rate under half a percent.",
            "under half a percent",
        ),
        ("I'd want recordables down to four or fewer.", "down to four or fewer"),
        ("We have four or five sites on it today.", None),
        ("If that went to an hour a week, I'd be thrilled.", "an hour a week"),
        ("A full day a week, each. Eleven agents.", "A full day a week"),
        ("We meet once a week, on Mondays.", None),
    ],
)
def test_a_target_said_as_a_bound_on_a_number_is_its_metric(said: str, metric: str | None) -> None:
    assert goals._bound(said) == metric


def test_an_agreed_goal_with_a_bound_for_its_figure_is_concrete(analyzer) -> None:  # type: ignore[no-untyped-def]
    goal = "I want our chargeback rate under half a percent."
    m = meeting(analyzer, [(CUSTOMER, goal), (VENDOR, "Yes, exactly, that's the one.")])
    found = goals.cl.claims(m)
    group = [i for i, c in enumerate(found) if c.text == goal]
    made = goals._goal(m, found, np.ones(len(found)), group)
    assert (made.metric, made.agreed, goals.has_agreed_goal([made])) == (
        "under half a percent",
        True,
        True,
    )


@pytest.mark.parametrize(
    ("said", "joins"),
    [
        ("So the target is fewer than five recordable injuries by December.", True),
        ("Let's make that the aim for this year.", True),
        ("Okay, so what's the number today?", False),
        ("So our goal this quarter is to close twelve new logos.", False),
    ],
)
def test_the_other_side_putting_a_goal_in_its_own_words_right_after_joins_it(  # type: ignore[no-untyped-def]
    analyzer, said: str, joins: bool
) -> None:
    lines = [(CUSTOMER, HURT), (VENDOR, said)]
    found = goals.cl.claims(meeting(analyzer, lines))
    first = next(i for i, c in enumerate(found) if c.text == HURT)
    recap = next(i for i, c in enumerate(found) if c.text == said)
    assert goal_groups._reads_back(found, [first], recap) is joins


FRIDAYS = "I need my agents to stop spending their Fridays on renewal paperwork."
READ_BACK = [
    (VENDOR, "How much time is that, roughly?"),
    (CUSTOMER, "A full day a week, each."),
    (VENDOR, "So the goal is giving each agent a full day a week back from renewal paperwork."),
]


@pytest.mark.parametrize(
    ("lines", "rescued"),
    [
        ([(CUSTOMER, FRIDAYS), *READ_BACK, (CUSTOMER, "Yes, that's the one.")], True),
        # the read-back is answered no: nothing was agreed
        ([(CUSTOMER, FRIDAYS), *READ_BACK, (CUSTOMER, "No, not really, it's the errors.")], False),
        # confirmed, but nobody put a figure or a date on it
        (
            [
                (CUSTOMER, FRIDAYS),
                (VENDOR, "So the goal is getting your agents' Fridays back from paperwork?"),
                (CUSTOMER, "Yes, that's the one."),
            ],
            False,
        ),
        # affirmed, but never said back: the explicit read-back forms only
        ([(CUSTOMER, FRIDAYS), (VENDOR, "Agreed, a full day a week is a lot.")], False),
    ],
)
def test_a_want_under_the_threshold_read_back_and_confirmed_with_a_figure_is_a_goal(  # type: ignore[no-untyped-def]
    analyzer, lines: list[tuple[str, str]], rescued: bool
) -> None:
    m = meeting(analyzer, lines)
    found = goals.cl.claims(m)
    want = next(i for i, c in enumerate(found) if c.text == FRIDAYS)
    probs = np.zeros(len(found))
    probs[want] = 0.3  # under the 0.4 threshold, over half of it
    assert goals._confirmed_wants(m, found, probs, 0.4, []) == ([[want]] if rescued else [])


def test_a_view_of_the_product_read_back_and_confirmed_is_not_rescued(analyzer) -> None:  # type: ignore[no-untyped-def]
    view = "I want to see the renewal paperwork report for my agents."
    lines = [(CUSTOMER, view), *READ_BACK, (CUSTOMER, "Yes, that's the one.")]
    m = meeting(analyzer, lines)
    found = goals.cl.claims(m)
    want = next(i for i, c in enumerate(found) if c.text == view)
    probs = np.zeros(len(found))
    probs[want] = 0.3
    assert goals._confirmed_wants(m, found, probs, 0.4, []) == []


def test_a_confirmed_want_is_not_rescued_from_a_goal_s_own_turn_or_far_under_the_threshold(  # type: ignore[no-untyped-def]
    analyzer,
) -> None:
    lines = [(CUSTOMER, FRIDAYS), *READ_BACK, (CUSTOMER, "Yes, that's the one.")]
    m = meeting(analyzer, lines)
    found = goals.cl.claims(m)
    want = next(i for i, c in enumerate(found) if c.text == FRIDAYS)
    probs = np.zeros(len(found))
    probs[want] = 0.1
    assert goals._confirmed_wants(m, found, probs, 0.4, []) == []
    probs[want] = 0.3
    other = next(i for i, c in enumerate(found) if c.turn == 1)  # a goal said in another turn
    mine = Claim(turn=found[want].turn, speaker=CUSTOMER, side="customer", text="x")
    assert goals._confirmed_wants(m, found, probs, 0.4, [[other]]) == [[want]]
    assert goals._confirmed_wants(m, [*found, mine], probs, 0.4, [[len(found)]]) == []


def test_a_result_the_customer_reports_is_not_the_goal_s_quote() -> None:
    said = [
        Claim(13, "Eighty-five percent within a day by end of May, then.", VENDOR, "vendor"),
        Claim(16, "In May we filed eighty-eight percent within a day.", CUSTOMER, "customer"),
        Claim(18, "Eighty-five percent within a day is what we need.", CUSTOMER, "customer"),
    ]
    said[1].fired.add("past_result")
    assert goals._evidence_claim(said, [0, 1]) is said[0]
    assert goals._evidence_claim(said, [0, 1, 2]) is said[2]


@pytest.mark.parametrize(
    ("goal", "deadline", "concrete"),
    [
        ("Next year I just want us to get more out of it than we did this year.", None, False),
        ("For next year, the goal is really just getting more value out of the tool.", None, False),
        (
            "Next year I want us to get more out of it: forty percent more logins.",
            "Next year",
            True,
        ),
        ("Next year I want every site live on the new intake form.", "Next year", True),
    ],
)
def test_a_date_said_with_an_outcome_nobody_could_check_makes_no_deadline(  # type: ignore[no-untyped-def]
    analyzer, goal: str, deadline: str | None, concrete: bool
) -> None:
    m = meeting(analyzer, [(CUSTOMER, goal), (VENDOR, "Agreed, let's make that the aim.")])
    found = goals.cl.claims(m)
    group = [i for i, c in enumerate(found) if c.text == goal]
    made = goals._goal(m, found, np.ones(len(found)), group)
    assert made.agreed is True
    assert (made.deadline, goals.has_agreed_goal([made])) == (deadline, concrete)


@pytest.mark.parametrize(
    ("said", "metric"),
    [
        ("I want our chargeback rate under half a percent.", "under half a percent"),
        ("We're at three percent and I want it under half a percent.", "under half a percent"),
        ("I'd want recordables down to four or fewer.", "down to four or fewer"),
        ("Every scaffold inspected inside the window, no misses.", "no misses"),
        ("The win is passing the audit without a single finding.", "without a single finding"),
        ("I'd like that down to one in ten.", "one in ten"),
        (
            "I'd like fifty more pre-need contracts signed this year.",
            "fifty more pre-need contracts",
        ),
        ("A third fewer falls by the end of March.", "A third fewer"),
        ("The goal was halving front desk overtime.", "halving"),
        (
            "If we could get mis-picks into single figures, that saves me driving.",
            "into single figures",
        ),
        # a bare figure wanted or to reach: the figure as said, without the verb before it
        ("The margin runs at twenty-two. I want that at thirty this year.", "thirty"),
        ("I'd love us to crack nine on the review sites.", "nine"),
        ("The owners want us at three and a half by December.", "three and a half"),
        ("We need it at 95 percent by June.", "95 percent"),
        ("I want those cut in half.", "in half"),
        ("I'd love to cut billing disputes in half.", "in half"),
        ("Liability cap, we want it at two times fees.", "two times"),
        # near misses: no target in them
        ("I'd like that at the top of the report.", None),
        ("We have four or five sites on it today.", None),
        ("No problem, I can send that over.", None),
        ("We met one of their managers last week.", None),
    ],
)
def test_a_target_without_a_unit_is_the_metric_as_said(said: str, metric: str | None) -> None:
    assert metric_of(said) == metric


def test_a_figure_before_the_want_is_the_baseline_not_the_target() -> None:
    said = "We're at three percent of orders and I want it under half a percent."
    assert metric_of(said) == "under half a percent"
    assert metric_of("We're at three percent of orders.") == "three percent"


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        (
            "Wouldn't it be great if my advisors could spend their time advising instead of"
            " chasing voicemails?",
            True,
        ),
        ("wouldnt it be great if the leagues could just book the fields themselves", True),
        # near miss: a feature request said the same way
        ("Wouldn't it be great if the export had a dark mode?", False),
    ],
)
def test_wouldnt_it_be_great_if_is_a_wish_for_an_outcome(analyzer, said: str, goal: bool) -> None:  # type: ignore[no-untyped-def]
    first = "I want onboarding under ten days by Q3."
    lines = _second_want(first, said)
    found = goals.find(meeting(analyzer, lines))
    assert [g.evidence for g in found] == [first] + ([trim_lead(said)] if goal else [])


@pytest.mark.parametrize(
    ("said", "found"),
    [
        (
            "The number I'm held to now is chargebacks. Under half a percent of transactions.",
            [("Under half a percent of transactions.", "Under half a percent")],
        ),
        (
            "I want refunds under half a percent of orders by March.",
            [("I want refunds under half a percent of orders by March.", "under half a percent")],
        ),
        # near misses: a past change and a duration said the same way
        ("Refunds dropped half a percent last month.", []),
        ("The meeting ran half an hour over.", []),
    ],
)
def test_a_target_of_half_a_percent_is_a_goal_with_its_metric(analyzer, said: str, found) -> None:  # type: ignore[no-untyped-def]
    lines = _answered("So what's driving this for you?", said)
    assert [(g.evidence, g.metric) for g in goals.find(meeting(analyzer, lines))] == found


@pytest.mark.parametrize(
    ("said", "found"),
    [
        (
            "We win about one in eight of the quotes we send. I want to be winning one in five.",
            [("I want to be winning one in five.", "one in five")],
        ),
        (
            "I'd love to be winning one in three.",
            [("I'd love to be winning one in three.", "one in three")],
        ),
        # near miss: a ratio that describes how things are
        ("One in five of our reps is new this year.", []),
    ],
)
def test_a_ratio_to_reach_is_a_goal_with_its_metric(analyzer, said: str, found) -> None:  # type: ignore[no-untyped-def]
    lines = _answered("What would success look like for you?", said)
    assert [(g.evidence, g.metric) for g in goals.find(meeting(analyzer, lines))] == found


SHARED = "Then let's set it as our shared goal: every audit closed inside the window, no misses."


@pytest.mark.parametrize(
    ("said", "reply", "set_together"),
    [
        (SHARED, "Fine by me.", True),
        # not taken up
        (SHARED, "Let me think about it.", False),
        # set together, but a meeting, not a goal
        ("Then let's lock the review for the second of April, all of us.", "Fine by me.", False),
        # a goal, but with nothing in it to check
        ("Then let's set it as our shared goal: better audits.", "Fine by me.", False),
        # put forward as a joint goal with its figure and taken up
        (
            "I'd suggest a joint goal: all fourteen sites on the app, no paper sheets, by August.",
            "Yes, agreed. Let's hold ourselves to that.",
            True,
        ),
        # put forward, not taken up
        (
            "I'd suggest a joint goal: all fourteen sites on the app, no paper sheets, by August.",
            "Let me think about it.",
            False,
        ),
    ],
)
def test_a_goal_one_side_sets_as_shared_with_its_figure_and_the_other_takes_up_is_a_goal(  # type: ignore[no-untyped-def]
    analyzer, said: str, reply: str, set_together: bool
) -> None:
    m = meeting(analyzer, [(CUSTOMER, "Audits are a mess."), (VENDOR, said), (CUSTOMER, reply)])
    found = goals.cl.claims(m)
    set_ = next(i for i, c in enumerate(found) if c.text == said)
    assert goals._set_together(m, found, []) == ([[set_]] if set_together else [])
    # not again when a goal found already says it
    assert goals._set_together(m, found, [[set_]]) == []


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("Corporate wants way more near-miss reports coming in from the floor.", True),
        ("My administrator wants road overtime back inside budget next fiscal year.", True),
        # near misses: a report request and a process ask relayed from above
        ("Corporate wants a monthly PDF of the work orders.", False),
        ("The director would like a demo first.", False),
    ],
)
def test_an_authority_that_wants_an_outcome_is_relayed_as_a_goal(
    analyzer, said: str, goal: bool
) -> None:  # type: ignore[no-untyped-def]
    first = "I want onboarding under ten days by Q3."
    lines = _second_want(first, said)
    found = goals.find(meeting(analyzer, lines))
    assert [g.evidence for g in found] == [first] + ([said] if goal else [])


SAID_BACK = "All forty-two lift stations inspected every month, by the March audit."


@pytest.mark.parametrize(
    ("before", "said", "reply", "rescued"),
    [
        # a read-back announced, taken up
        ("So, let me say it back.", SAID_BACK, "Yeah. That's it.", True),
        # a goal recalled as set together, taken up
        (
            "Back in September we set two goals.",
            "The first was cutting agency spend by a quarter across the five schools this year.",
            "That was mine. Yes. That's the one I've been watching.",
            True,
        ),
        # said back, but not taken up
        ("So, let me say it back.", SAID_BACK, "Hmm. Let me check the permit first.", False),
        # taken up, but not said back: the vendor's own suggestion
        ("One more idea.", SAID_BACK, "Yeah. That's it.", False),
        # said back by pointing at it, not in its own words
        ("So, let me say it back.", "Let's make that the aim for the March audit.", "Yes.", False),
        # a recap of who does what by when, with a number in it: a task, not a goal
        (
            "So, let me say it back.",
            "Dev turns on offline mode for the line two tablets by Friday.",
            "Yeah. That's it.",
            False,
        ),
        # a recap of who does what by when: a task's due date is no goal's figure
        (
            "So, let me say it back.",
            "Dana sends the sample invoices over to your team by next Friday.",
            "Yeah. That's it.",
            False,
        ),
    ],
)
def test_a_goal_the_vendor_says_back_in_full_and_the_customer_takes_up_is_a_goal(  # type: ignore[no-untyped-def]
    analyzer, before: str, said: str, reply: str, rescued: bool
) -> None:
    lines = [
        (CUSTOMER, "We keep getting dinged on inspections."),
        (VENDOR, f"{before} {said}"),
        (CUSTOMER, reply),
    ]
    m = meeting(analyzer, lines)
    found = goals.cl.claims(m)
    i = next(i for i, c in enumerate(found) if c.text == said)
    assert goals._said_back_and_taken_up(m, found, []) == ([[i]] if rescued else [])
    # not again when a goal found already says it
    assert goals._said_back_and_taken_up(m, found, [[i]]) == []


@pytest.mark.parametrize(
    ("said", "found"),
    [
        # a bare figure wanted after the baseline, a fraction cut, a figure to reach
        (
            "The medical team runs at about twenty-two percent margin. I want that at thirty"
            " this year.",
            [("I want that at thirty this year.", "thirty", "this year")],
        ),
        (
            "The returns tickets are a third of our support queue. I want those cut in half.",
            [("I want those cut in half.", "in half", None)],
        ),
        (
            "We score eight point four on the review sites. I'd love us to crack nine this year.",
            [("I'd love us to crack nine this year.", "nine", "this year")],
        ),
        # a better state wished for, a goal recalled as what was wanted
        (
            "Honestly if that was an hour instead of most of my Monday, I'd cry happy tears.",
            [
                (
                    "if that was an hour instead of most of my Monday, I'd cry happy tears.",
                    None,
                    None,
                )
            ],
        ),
        (
            "We wanted to stop having tickets sit overnight.",
            [("We wanted to stop having tickets sit overnight.", None, None)],
        ),
        # near misses: a want with a place, a time of day
        ("I'd like that at the top of the report.", []),
        ("Let's meet at three on Thursday.", []),
    ],
)
def test_a_bare_figure_or_a_wish_after_a_success_question_is_a_goal(  # type: ignore[no-untyped-def]
    analyzer, said: str, found
) -> None:
    lines = _answered("What would success look like for you this year?", said)
    made = goals.find(meeting(analyzer, lines))
    assert [(g.evidence, g.metric, g.deadline) for g in made] == found


def test_a_read_back_announced_in_the_same_speakers_turn_before_is_said_back(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, "We keep getting dinged on inspections."),
        (VENDOR, "So, just so I have it right."),
        (VENDOR, SAID_BACK),
        (CUSTOMER, "Yes. Let's hold ourselves to that."),
    ]
    m = meeting(analyzer, lines)
    found = goals.cl.claims(m)
    i = next(i for i, c in enumerate(found) if c.text == SAID_BACK)
    assert goals._said_back_and_taken_up(m, found, []) == [[i]]
    # announced by someone else: not a read-back
    lines[1] = (CUSTOMER, "So, just so I have it right.")
    m = meeting(analyzer, lines)
    assert goals._said_back_and_taken_up(m, goals.cl.claims(m), []) == []


@pytest.mark.parametrize(
    ("later", "same"),
    [
        # another target with another figure, sharing a few words: another goal
        ("Settlement in five business days, from the scale ticket to the money.", False),
        # the same target said again
        ("Zero re-keying of the scale tickets, from day one.", True),
    ],
)
def test_two_targets_with_different_figures_are_two_goals(later: str, same: bool) -> None:
    found = [
        _said(4, "customer", "I want zero manual re-keying of scale tickets from day one."),
        _said(6, "customer", later),
    ]
    assert (len(goal_groups.select(found, np.array([0.9, 0.6]), 0.4)) == 1) is same


def test_an_unnamed_proposal_taken_up_and_an_unnamed_want_stay_goals(analyzer) -> None:  # type: ignore[no-untyped-def]
    taken = [
        (None, "What if we set forty percent exchanges by next Black Friday as the target?"),
        (None, "Yes, exactly, let's hold ourselves to that."),
    ]
    said = [(None, "I want exchanges at forty percent by next Black Friday."), (None, "Okay.")]
    for lines in (taken, said):
        assert [g.evidence for g in goals.find(meeting(analyzer, lines))] == [lines[0][1]]


# A head under which a want alone scores far under the threshold.
_LOW = {"weights": {"has_want": 1.0}, "bias": -4.0, "threshold": 0.5, "second_floor": 0.0}


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("I'd like to stop losing members because their cards expire.", True),
        ("What I'd really like is for the drivers to stop waiting at the dock.", True),
        # the want names no business outcome, or no change in one
        ("I'd like to go through the export settings with Mia.", False),
        ("I want the members to see the new app.", False),
    ],
)
def test_a_customer_want_for_a_change_in_an_outcome_is_a_goal_however_low_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _LOW)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


# A head under which a sentence naming a figure scores far above the threshold.
_FIGURES = {"weights": {"has_metric": 6.0}, "bias": -2.0, "threshold": 0.5, "second_floor": 0.0}
_BENCHMARK = "For context, customers your size usually cut no-shows by about forty percent."


@pytest.mark.parametrize(
    ("reply", "goal"),
    [
        # a result other customers reach, given as a yardstick: not the customer's goal
        ("Interesting. Can we look at the reminders next?", False),
        # taken up, it is
        ("Yes, let's make that our goal.", True),
    ],
)
def test_a_benchmark_is_a_goal_only_when_taken_up(analyzer, reply: str, goal: bool) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, [(VENDOR, _BENCHMARK), (CUSTOMER, reply)])
    found = goals.from_claims(m, goals.cl.claims(m), _FIGURES)
    assert [g.agreed for g in found] == ([True] if goal else [])


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("Sorry, a hundred percent by May is a fantasy.", False),
        ("Ninety percent is your number, not ours.", False),
        ("We want thirty percent more members by autumn, but actually, scratch that.", False),
        # a new figure said after taking the old one back states it
        ("Actually, scratch that, make it twenty percent fewer no-shows by June.", True),
    ],
)
def test_a_figure_dismissed_as_said_is_not_a_goal(analyzer, said: str, goal: bool) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, [(VENDOR, "What number are you thinking?"), (CUSTOMER, said)])
    found = goals.from_claims(m, goals.cl.claims(m), _FIGURES)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


_BLOCK = (
    "I want exchanges at forty percent by next Black Friday. We have six stores. The busy "
    "season starts in October. Most returns come back by post. What I'd really like is for "
    "the drivers to stop waiting at the dock."
)


@pytest.mark.parametrize(
    ("speaker", "found"),
    [
        # no speaker named: the block runs the call together, the want far from the goal is
        # a goal of its own
        (None, 2),
        # one named speaker's turn: the want is more likely the goal's elaboration
        (CUSTOMER, 1),
    ],
)
def test_without_speaker_names_a_want_far_from_a_goal_in_its_block_is_a_goal(
    analyzer,  # type: ignore[no-untyped-def]
    speaker: str | None,
    found: int,
) -> None:
    m = meeting(analyzer, [(VENDOR, "So what's driving this for you?"), (speaker, _BLOCK)])  # type: ignore[list-item]
    said = [g.evidence for g in goals.from_claims(m, goals.cl.claims(m), _LOW)]
    assert said[0] == "I want exchanges at forty percent by next Black Friday."
    assert len(said) == found


def test_without_speaker_names_a_want_beside_a_goal_stays_its_elaboration(analyzer) -> None:  # type: ignore[no-untyped-def]
    block = (
        "I want exchanges at forty percent by next Black Friday. What I'd really like is for "
        "the drivers to stop waiting at the dock."
    )
    m = meeting(analyzer, [(VENDOR, "So what's driving this for you?"), (None, block)])  # type: ignore[list-item]
    said = [g.evidence for g in goals.from_claims(m, goals.cl.claims(m), _LOW)]
    assert said == ["I want exchanges at forty percent by next Black Friday."]


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("What I'd really like is to win back the Halloran account.", True),
        ("So what I actually want is my counselors back.", True),
        ("What I want, and what I told the governors, is that parents feel informed.", True),
        # a question or a sequence, left unnamed, an action of the speaker, of one other
        # person or of the product
        ("What I'd like to see, before the board, is whether anyone reads them.", False),
        ("So what I'd like is once the forms are built, we look at them together.", False),
        ("What I need for that board meeting is something simple.", False),
        ("What I want to do is set up the groups first.", False),
        ("What I'd like is for him to try it before you sign.", False),
        ("What I'd really want is for it to push the files into our CAD tool.", False),
        # something to learn or talk about: a question for the call
        ("What I'd want to know is how the alerts actually reach people.", False),
        ("What I would like is to understand the cost side better.", False),
        # not said as what is wanted, then what it is
        ("That's what I want.", False),
        # the thing wanted in its changed state
        ("I'd like callbacks down, I just don't have a number for you.", True),
        ("I want my front desk out of the debt-collecting business.", True),
        ("I'd like that halved.", True),
        ("I'd like that gone.", True),
        ("Our board wants us to get agency nurse spend down.", True),
        # people to stop doing something
        ("I need my kitchen managers to stop ordering on gut feel.", True),
        ("I'd love them not to spend their Mondays on the phone about declined cards.", True),
        ("I want timesheets in by Monday noon, every week, from everybody.", True),
        # a note taken, a condition, a want to do something
        ("I want that written down too.", False),
        ("If he wants shipping down, that's the real conversation.", False),
        ("I want to go through the setup under the new plan.", False),
        ("I'd like the paperwork done before May.", False),
    ],
)
def test_a_customer_saying_what_they_want_and_what_it_is_is_a_goal_however_low_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _LOW)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


# A head under which any want scores far above the threshold.
_HIGH = {"weights": {"has_want": 6.0}, "bias": -2.0, "threshold": 0.5, "second_floor": 0.0}


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("I want to see the live map in the control room too, on the big screen.", False),
        ("And I want a dashboard that shows the number by crew.", False),
        ("I'd like to see the exception report every morning.", False),
        # a want to see something first, before a decision: diligence
        ("I'd like to see what a pilot site actually does first before I sign up.", False),
        (
            "I want to see where the three hours actually go before anybody promises anything.",
            False,
        ),
        # a want to see a change in the business, not a view of the product
        ("I want to see fewer missed pickups by the summer.", True),
        ("I want to see fewer missed pickups before the summer.", True),
    ],
)
def test_a_want_to_see_a_view_of_the_product_is_a_feature_request_not_a_goal(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _HIGH)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


def test_a_want_for_an_outcome_said_by_the_vendor_or_in_a_goal_s_turn_is_not_one_more() -> None:
    def claim(turn: int, side: str, wanted: bool) -> Claim:
        features = {"wanted_both": 1.0} if wanted else {}
        text = f"We keep losing customers, turn {turn}."
        return Claim(turn, text, "x", side, fired={"want"}, features=features)  # type: ignore[arg-type]

    found = [claim(0, "customer", False), claim(0, "customer", True), claim(2, "vendor", True)]
    probs = np.array([0.9, 0.1, 0.1])
    wanted = goals._names_outcome
    assert goals._wanted_outcomes(None, found, probs, [[0]], wanted) == []  # type: ignore[arg-type]
    assert goals._wanted_outcomes(None, found, probs, [], wanted) == [[1]]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("I want every room ready by two o'clock.", True),
        ("I want zero unsigned waivers on the floor.", True),
        (
            "I need every client document in one controlled place before the regulator's visit.",
            True,
        ),
        # negated, a frequency not a scope, a question, a reply too short to state a goal
        ("I'm not sure I want every associate seeing fee figures.", False),
        ("I want the owners to see that number every month.", False),
        ("Do we want every site on it?", False),
        ("I want no misses.", False),
    ],
)
def test_a_want_for_every_or_none_of_something_in_a_state_is_a_goal_however_low_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _LOW)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


def test_a_scoped_want_said_by_the_vendor_is_not_the_customer_s_goal(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "I want every room ready by two o'clock."
    m = meeting(analyzer, [(CUSTOMER, "Where do we start?"), (VENDOR, said)])
    assert goals.from_claims(m, goals.cl.claims(m), _LOW) == []


# A head under which any figure scores far above the threshold.
_FIGURES = {"weights": {"has_metric": 6.0}, "bias": -2.0, "threshold": 0.5, "second_floor": 0.0}


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("For the last six months it's been just under five percent.", False),
        ("In August, before the sensors, it was six and a half hours a week.", False),
        ("Right now our churn is about five percent.", False),
        # with no time said
        ("Our average ticket is about 380 bucks.", False),
        ("Returns were running at fourteen percent on boots before the fit finder.", False),
        # a condition: the figure it would take
        ("If the new sites can get feed conversion down to one point one five, it pays.", True),
        # a figure to reach, with a time ahead or a want
        ("Under three percent of absences unfilled by spring break.", True),
        ("Right now it's five percent, and I want it under three.", True),
    ],
)
def test_a_measure_told_as_it_stands_or_stood_is_not_a_goal_however_high_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    m = meeting(analyzer, _answered("So where are you today?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _FIGURES)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("I need to drop in five minutes.", False),
        ("I'd like to reconcile the seven percent with the year-end accounts first.", False),
        ("And I need to tell the heads to stop emailing the cover manager.", False),
        # a negated want of a repeat, an outcome the speaker can want to do
        ("I never want to go through another audit like that.", True),
        ("We want to sign two new pharma sponsors this year.", True),
    ],
)
def test_the_speaker_s_own_errand_is_not_a_goal_however_high_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _HIGH)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("Last quarter it was, I want to say, forty percent of all calls.", False),
        ("And the spreadsheet has, I want to say, six thousand records in it.", False),
        ("Before the contract stuff, I want to say what this is for.", False),
        # a want said besides the hedge, or the want of what is said
        ("I want to say it plainly: I want callbacks under four percent.", True),
        ("What I'd want to say to the owners is direct bookings up to forty percent.", True),
    ],
)
def test_a_figure_hedged_with_i_want_to_say_is_not_a_want(analyzer, said: str, goal: bool) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _HIGH)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


def test_the_vendor_s_own_errand_is_not_a_goal_however_high_it_scored(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "Before we run out of time, I want to go back to the success piece."),
        (CUSTOMER, "Yes, absolutely, that's the one."),
        (VENDOR, "Great. Let's look at the numbers."),
    ]
    m = meeting(analyzer, lines)
    assert goals.from_claims(m, goals.cl.claims(m), _HIGH) == []


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("The board wants agency supply spend down by a third this academic year.", True),
        ("The owners want to cut reception costs at the smaller clinics.", True),
        # an ask still to come, a question asked, a document wanted
        ("Our CFO will want the lost-specimen cost in there.", False),
        (
            "The other thing I wanted to raise, our investors are asking about our software spend.",
            False,
        ),
        ("Our property owners want a monthly PDF with what we spent.", False),
    ],
)
def test_an_authority_s_want_for_an_outcome_relayed_is_a_goal_however_low_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _LOW)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


@pytest.mark.parametrize(
    ("announced", "recalled", "goal"),
    [
        # the goal said with its place in the list, or in the next sentence of the turn
        (
            "At the kickoff in October we wrote down two goals.",
            "And the second was pharmacist phone time on refill calls, cutting it by ten hours"
            " a week per store.",
            "And the second was pharmacist phone time on refill calls, cutting it by ten hours"
            " a week per store.",
        ),
        (
            "Back at kickoff, we wrote down two.",
            "And the second one was mine. A third fewer hand-sort hours on the grading line.",
            "A third fewer hand-sort hours on the grading line.",
        ),
        (
            "I'd like to go back to the two goals we set together in September.",
            "And the second goal was the audit. Going into the BRC audit in February with no"
            " temperature-related non-conformances.",
            "Going into the BRC audit in February with no temperature-related non-conformances.",
        ),
        # near misses: no list of goals set before; a place named with nothing after it
        (
            "Thanks for making time today.",
            "And the second was pharmacist phone time on refill calls, cutting it by ten hours"
            " a week per store.",
            None,
        ),
        (
            "At the kickoff in October we wrote down two goals.",
            "And the second one was mine.",
            None,
        ),
        (
            "At the kickoff in October we wrote down two goals.",
            "The other thing is the dashboard, which shows ten hours a week per store.",
            None,
        ),
    ],
)
def test_a_goal_recalled_by_its_place_in_the_list_set_before_is_a_goal(  # type: ignore[no-untyped-def]
    analyzer, announced: str, recalled: str, goal: str | None
) -> None:
    lines = [
        (VENDOR, f"So this is the six-month review. {announced}"),
        (CUSTOMER, "Yes, go for it."),
        (VENDOR, recalled),
        (CUSTOMER, "That was mine, yes."),
    ]
    m = meeting(analyzer, lines)
    found = goals.cl.claims(m)
    made = [found[g[0]].text for g in goals._recalled_in_list(m, found, [])]
    assert made == ([goal] if goal else [])
    # not again when a goal found already states it
    if goal:
        i = next(i for i, c in enumerate(found) if c.text == goal)
        assert goals._recalled_in_list(m, found, [[i]]) == []


@pytest.mark.parametrize(
    ("goal", "later", "turn", "merged"),
    [
        # the goal's figure said again on its own, small numbers, "one" and "half" too
        (
            "What I need from year two is disputed tickets under one percent, by the end of"
            " the year.",
            "One percent is what I need to see.",
            30,
            True,
        ),
        (
            "What we want this year is to cut losses from oxygen events by half.",
            "Half is the number I'm taking to the board.",
            14,
            True,
        ),
        # restated in its own words however far
        (
            "What I need, if we renew, is the platform fees coming down to under four percent"
            " of ticket revenue.",
            "And Garrett, just so it's said, under four is still my number.",
            87,
            True,
        ),
        # near misses: the same number in another unit, another figure, a second goal in words
        (
            "What I need from year two is disputed tickets under one percent.",
            "I'd like one day a week back.",
            30,
            False,
        ),
        (
            "I want cancellations under eight percent.",
            "Ten percent is what I need to see.",
            8,
            False,
        ),
        (
            "I want no-shows under four percent by March.",
            "I'd like four more coaches hired for the spring season in the two new clinics.",
            8,
            False,
        ),
    ],
)
def test_a_goal_s_figure_said_again_is_that_goal_not_another(
    goal: str, later: str, turn: int, merged: bool
) -> None:
    found = [_said(4, "customer", goal), _said(turn, "customer", later)]
    groups = goal_groups.merged_figures(found, [[0], [1]])
    assert groups == ([[0, 1]] if merged else [[0], [1]])


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        # fewer or more of something wanted, the customer's own or relayed
        ("They want fewer boil-water notices.", True),
        ("And I'd like more jobs per tech per day.", True),
        ("Corporate wants way more near miss reports coming in from the floor.", True),
        # near misses: more of the talk, more than something, a condition
        ("I'd like more detail on the pricing.", False),
        ("We want more than a dashboard.", False),
        ("If they want fewer calls, they should turn the alerts on.", False),
    ],
)
def test_a_want_for_fewer_or_more_of_something_is_a_goal_however_low_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _LOW)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        # the want's object is the figure itself, after the baseline or alone
        ("We win about one quote in six. I'd like one in four.", "I'd like one in four."),
        ("We're at about six, I'd like seven.", "We're at about six, I'd like seven."),
        (
            "And honestly, I'd still like that under eight minutes.",
            "I'd still like that under eight minutes.",
        ),
        # the figure a few words after the want, its object between
        (
            "I want e-bike servicing to be a third of workshop revenue by 2028.",
            "I want e-bike servicing to be a third of workshop revenue by 2028.",
        ),
        (
            "I'd love half of returns to become exchanges.",
            "I'd love half of returns to become exchanges.",
        ),
        (
            "We close about a third now. I'd love that closer to 40%.",
            "I'd love that closer to 40%.",
        ),
        # near misses: one of something, more of it, a condition, a question, a past want,
        # the speaker's own errand
        ("I'd like one of the old looms on the trial.", None),
        ("Last year we wanted churn under five percent.", None),
        ("I'd like to reconcile the seven percent with the year-end accounts.", None),
        ("So we want seventy, or eighty?", None),
        ("If they want seventy, they can pay for it.", None),
    ],
)
def test_a_figure_wanted_as_the_want_s_object_is_a_goal_however_low_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: str | None,
) -> None:
    m = meeting(analyzer, _answered("So where do you want to get to?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _LOW)
    assert [g.evidence for g in found] == ([goal] if goal else [])


def test_a_figure_wanted_that_a_found_goal_targets_is_that_goal_said_again(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, "I need disputed tickets under one percent by the end of the year."),
        (VENDOR, "That's ambitious."),
        (CUSTOMER, "I know. I still want one percent."),
    ]
    m = meeting(analyzer, lines)
    head = {"weights": {"has_metric": 3.0, "has_deadline": 2.0}, "bias": -3.0, "threshold": 0.5}
    found = goals.from_claims(m, goals.cl.claims(m), head)
    assert [g.evidence for g in found] == [lines[0][1]]


@pytest.mark.parametrize(
    ("evidence", "concrete"),
    [
        # an audit or inspection come through clean is a result someone could check
        (
            "The inspectors are coming in the autumn, and I want every one of the fourteen"
            " branches to come through it with a clean controlled drugs register.",
            True,
        ),
        ("I want a clean audit from the regulator.", True),
        # near misses: clean said of anything else, a clean record already had
        ("I want the data clean before we migrate.", False),
        ("We had a clean audit last year, so that's not the worry.", False),
    ],
)
def test_an_agreed_goal_come_through_clean_is_concrete(evidence: str, concrete: bool) -> None:
    assert goals.has_agreed_goal([_goal(True, evidence=evidence)]) is concrete


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        # the deal's own timeline: a task, however it scored
        ("I'd like this decided before the partners' away day on the twentieth.", False),
        ("I want this signed before the holidays if we can.", False),
        # near miss: an outcome wanted by a time
        ("I'd like the backlog cleared before the partners' away day on the twentieth.", True),
    ],
)
def test_a_want_for_the_deal_decided_by_a_time_is_not_a_goal(  # type: ignore[no-untyped-def]
    analyzer, said: str, goal: bool
) -> None:
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    head = {"weights": {"has_want": 6.0}, "bias": -2.0, "threshold": 0.5}
    found = goals.from_claims(m, goals.cl.claims(m), head)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        # the buyer's approval threshold: how the deal gets bought, however it scored
        ("On my side, I need procurement to sign off anything over fifty thousand.", False),
        ("Council approves anything over fifty thousand, so I want it under that.", False),
        ("Whatever we do has to come in under our capital threshold of sixty thousand.", False),
        # near misses: a bound on an outcome, a budget line wanted down
        ("I want anything over two days flagged to the team lead.", True),
        ("I want the board pack spend under fifty thousand this year.", True),
    ],
)
def test_an_approval_threshold_is_not_a_goal(analyzer, said: str, goal: bool) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    head = {"weights": {"has_want": 6.0, "has_metric": 6.0}, "bias": -2.0, "threshold": 0.5}
    found = goals.from_claims(m, goals.cl.claims(m), head)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        # a figure wished for as a condition that would delight the speaker
        ("If that was half a day I'd be thrilled.", True),
        ("If that went to an hour a week I'd be thrilled.", True),
        (
            "If timesheets took ten minutes a week instead of half a Friday, my team would build"
            " you a statue.",
            True,
        ),
        # near misses: a condition of the deal, a question, the vendor's
        ("If that was the price, I'd be surprised.", False),
        ("If that was half a day, would you be happy?", False),
    ],
)
def test_a_figure_wished_for_with_delight_is_a_goal_however_low_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    m = meeting(analyzer, _answered("So where does the time go?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _LOW)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


_EVERY = {"weights": {}, "bias": 4.0, "threshold": 0.5, "second_floor": 0.0}


@pytest.mark.parametrize(
    "said",
    [
        "Marcus takes the four percent back to the board, and it goes to council in June.",
        "Priya sends the carrier invoices by the end of next week.",
    ],
)
def test_a_recap_of_who_does_what_is_not_a_goal_however_high_it_scored(analyzer, said: str) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (CUSTOMER, "We keep overpaying the carriers."),
        (VENDOR, f"Okay, recap. {said}"),
        (CUSTOMER, "Yes, that works for me."),
    ]
    m = meeting(analyzer, lines)
    found = goals.from_claims(m, goals.cl.claims(m), _EVERY)
    assert said not in [g.evidence for g in found]


def test_a_customer_s_goal_the_parse_reads_as_a_recap_is_still_a_goal(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "Zero gaps in the withdrawal records by the next audit."
    m = meeting(analyzer, _answered("So what would good look like?", said))
    found = goals.cl.claims(m)
    assert goals._task_recap(m, next(c for c in found if c.text == said))  # the parse's subject
    assert [g.evidence for g in goals.from_claims(m, found, _EVERY)] == [said]


def test_a_vendor_s_goal_the_parse_reads_as_a_recap_is_still_a_goal(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = "Zero gaps in the withdrawal records by the next audit."
    lines = [
        (CUSTOMER, "The auditors keep finding gaps in our records."),
        (VENDOR, said),
        (CUSTOMER, "Yes, that works for me."),
    ]
    m = meeting(analyzer, lines)
    found = goals.cl.claims(m)
    assert goals._task_recap(m, next(c for c in found if c.text == said))  # "Zero", the subject
    assert said in [g.evidence for g in goals.from_claims(m, found, _EVERY)]


def test_a_measure_the_customer_tells_is_not_the_quote_of_the_target_it_restates(  # type: ignore[no-untyped-def]
    analyzer,
) -> None:
    target = "So the target we wrote down was the entry queue under ten minutes by the end of May?"
    baseline = "Last summer the peak days averaged about twenty-five minutes."
    said = "Under ten minutes."
    m = meeting(analyzer, [(VENDOR, target), (CUSTOMER, baseline), (CUSTOMER, said)])
    found = goals.cl.claims(m)
    group = [next(i for i, c in enumerate(found) if c.text == t) for t in (target, baseline, said)]
    assert goals.evidence_of(found, group) == baseline  # without the parse: the customer's best
    assert goals.evidence_of(found, group, m) == said
    assert goals._goal(m, found, np.ones(len(found)), group).evidence == said


def test_a_figure_or_date_put_on_a_want_later_joins_it_but_is_not_its_quote(  # type: ignore[no-untyped-def]
    analyzer,
) -> None:
    want = "I want to pass the audit without a single remark on temperature records."
    theirs = (
        "One of the big chains told us in April that from next year they want the record "
        "sent with the delivery note."
    )
    mine = "If we got that to zero remarks by next year, I'd be happy."
    for later in (theirs, mine):
        m = meeting(analyzer, [(CUSTOMER, want), (VENDOR, "Okay."), (CUSTOMER, later)])
        found = goals.cl.claims(m)
        group = [next(i for i, c in enumerate(found) if c.text == t) for t in (want, later)]
        assert goal_groups.refines(found, *group)  # both put a figure or date on the want
        goal = goals._goal(m, found, np.ones(len(found)), group)
        assert goal.evidence == want and goal.deadline is not None


PROPOSED = "Uncollected scripts under three percent by the end of Q2."
AMENDED = [
    (VENDOR, f"So for the new stores, I'd suggest you aim for the same thing. {PROPOSED}"),
    (CUSTOMER, "Not Q2. Make it uncollected scripts under five percent by the end of September."),
    (VENDOR, "Under five percent by the end of September. Agreed."),
]


@pytest.mark.parametrize(
    ("lines", "dropped"),
    [
        (AMENDED, True),
        # the customer takes the vendor's own figure: the proposal is the goal
        ([AMENDED[0], (CUSTOMER, "Yes, uncollected scripts under three percent, fine.")], False),
        # not a proposal: the vendor telling what the other stores hit
        ([(VENDOR, f"The other stores all got there. {PROPOSED}"), *AMENDED[1:]], False),
        # answered too late to be its amendment
        ([AMENDED[0], *[(VENDOR, "Okay."), (CUSTOMER, "Sure.")] * 2, *AMENDED[1:]], False),
    ],
)
def test_a_vendor_proposal_the_customer_amends_is_not_a_goal_of_its_own(  # type: ignore[no-untyped-def]
    analyzer, lines: list[tuple[str, str]], dropped: bool
) -> None:
    m = meeting(analyzer, lines)
    found = goals.cl.claims(m)
    proposal = next(i for i, c in enumerate(found) if c.text == PROPOSED)
    answer = [i for i, c in enumerate(found) if c.side == "customer"]
    assert goals._amended_proposal(found, [proposal], [[proposal], answer]) is dropped


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("So, when we started, the goal was getting permits from three weeks to one.", True),
        (
            "You spent a day a week on routes, and the target was getting that under two hours.",
            True,
        ),
        # reached, told as done: how it went, not the goal
        (
            "Last year the goal was getting the emails in one place, and we did that in a month.",
            False,
        ),
        # naming no change, figure or date
        ("So, remind me in your words what the goal was.", False),
    ],
)
def test_a_goal_recalled_as_what_the_goal_was_is_a_goal(  # type: ignore[no-untyped-def]
    analyzer, said: str, found: bool
) -> None:
    m = meeting(analyzer, [(VENDOR, "Let's look back at where we started."), (CUSTOMER, said)])
    claims = goals.cl.claims(m)
    k = next(i for i, c in enumerate(claims) if c.text == said)
    assert goals._recalled_goal(m, claims[k]) is found
    probs = np.zeros(len(claims))
    probs[k] = 0.05  # however low it scored
    assert (goals._wanted_outcomes(m, claims, probs, [], goals._recalled_goal) == [[k]]) is found


# A head under which every sentence proposed for goals scores far above the threshold.
_EVERY = {"weights": {}, "bias": 3.0, "threshold": 0.5, "second_floor": 0.0}


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("So at kickoff in March we wrote down one thing as the goal.", False),
        ("When we kicked off in October, we wrote down one main target.", False),
        ("Before the ideas, one thing.", False),
        ("Because for me, the goal for Fortuna is simple.", False),
        ("And here is the thing for me.", False),
        ("What I want next year is simple.", False),
        ("So, what I want is this.", False),
        # the goal said in the same sentence is a goal
        ("At kickoff we wrote down one thing as the goal: zero findings by March.", True),
    ],
)
def test_a_sentence_that_only_announces_a_goal_is_not_one(analyzer, said: str, goal: bool) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _EVERY)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


@pytest.mark.parametrize(
    ("announced", "goal"),
    [
        ("Because for me, the goal for Fortuna is simple.", True),
        ("So if you ask me what I want, it's simple.", True),
        ("And here is the thing for me.", True),
        # a bare "here's the thing" opens a complaint as often; the goal's own turn elaborates it
        ("Here's the thing.", False),
        ("I want the new site full by June.", False),
    ],
)
def test_the_goal_said_right_after_its_announcement_is_a_goal_however_low_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    announced: str,
    goal: bool,
) -> None:
    said = "I want Fortuna to break even in the first year."
    m = meeting(analyzer, _answered("And the new site?", f"{announced} {said}"))
    claims = goals.cl.claims(m)
    k = next(i for i, c in enumerate(claims) if c.text == said)
    probs = np.zeros(len(claims))
    probs[k] = 0.04  # however low it scored
    assert (goals._announced_goals(m, claims, probs, []) == [[k]]) is goal


@pytest.mark.parametrize(
    ("said", "dates"),
    [
        ("I want it done by next year.", True),
        ("So the goal is no late orders by next year.", True),
        # announcing the goal, or adopting it by pointing back: the goal has no date from it
        ("What I want next year is simple.", False),
        ("Let's make that the goal for next year.", False),
    ],
)
def test_only_a_sentence_that_says_the_goal_dates_it(said: str, dates: bool) -> None:
    assert goals._dates_the_goal(said) is dates


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("I want every enquiry answered the same day.", True),
        ("I want a same-day promise.", True),
        ("I want the buyer to get it the same day.", True),
        # a task done the same day, not wanted
        ("I'll send it the same day.", False),
    ],
)
def test_a_customer_want_for_something_done_the_same_day_is_a_goal_however_low_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    m = meeting(analyzer, _answered("So what's driving this for you?", said))
    found = goals.from_claims(m, goals.cl.claims(m), _LOW)
    assert [g.evidence for g in found] == ([trim_lead(said)] if goal else [])


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("Our goal is to have the case study live by the end of May.", False),
        (
            "For the case study, I'd love a target too, like twenty-five days average by June.",
            False,
        ),
        ("Our goal is to have every clinic live by the end of May.", True),
    ],
)
def test_the_vendor_s_marketing_deliverable_is_no_goal_even_when_affirmed(  # type: ignore[no-untyped-def]
    analyzer, said: str, goal: bool
) -> None:
    lines = [(CUSTOMER, said), (VENDOR, "Agreed, that's the goal."), (CUSTOMER, "Good.")]
    found = goals.find(meeting(analyzer, lines))
    assert ([g.evidence for g in found] == [said]) is goal
    if not goal:
        assert found == []


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("Make it thirty-five minutes, and by Easter.", True),
        ("No, make it forty-five days for the whole team.", True),
        # a bare count names no metric or deadline
        ("Make it six.", False),
    ],
)
def test_the_customer_making_the_target_their_own_is_a_goal_however_low_it_scored(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
) -> None:
    lines = [
        (VENDOR, "I'd propose thirty minutes for ninety percent of checkouts by March."),
        (CUSTOMER, said),
        (VENDOR, "Got it. Let's look at the setup."),
    ]
    m = meeting(analyzer, lines)
    claims = goals.cl.claims(m)
    k = next(i for i, c in enumerate(claims) if c.text == said)
    probs = np.zeros(len(claims))
    probs[k] = 0.03  # however low it scored
    assert (goals._wanted_outcomes(m, claims, probs, [], goals._made_target) == [[k]]) is goal


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        (
            "Cask stock-take from three weeks down to three days, by the HMRC visit in October.",
            True,
        ),
        # no figure, bound or date: not the goal set before
        ("Pippa, you'll remember it.", False),
    ],
)
@pytest.mark.parametrize("named", [True, False])
def test_the_goal_said_after_announcing_the_goal_set_before_is_a_goal_if_it_names_its_figure(
    analyzer,  # type: ignore[no-untyped-def]
    said: str,
    goal: bool,
    named: bool,
) -> None:
    announced = "So at kickoff in March we wrote down one thing as the goal."
    if named:
        lines = [(CUSTOMER, f"{announced} {said}"), (VENDOR, "Yep. That's what we committed to.")]
    else:  # an unnamed caption file: one cue a turn
        lines = [(None, announced), (None, said), (None, "Yep. That's what we committed to.")]
    m = meeting(analyzer, lines)  # type: ignore[arg-type]
    claims = goals.cl.claims(m)
    k = next(i for i, c in enumerate(claims) if c.text == said)
    probs = np.zeros(len(claims))
    probs[k] = 0.05  # however low it scored
    assert (goals._announced_goals(m, claims, probs, []) == [[k]]) is goal


@pytest.mark.parametrize(("side", "joins"), [(VENDOR, True), (CUSTOMER, False)])
def test_the_customer_s_want_restating_a_goal_only_the_vendor_said_joins_it_as_its_quote(
    analyzer,  # type: ignore[no-untyped-def]
    side: str,
    joins: bool,
) -> None:
    recap = (
        "Quick catch-up, you set the goal, forty gallons of syrup per tap by the end of the season."
    )
    want = "So what I want out of this is forty gallons per tap, and I want it this season."
    lines = [(side, recap), (VENDOR, "Shall we start with the tubing?"), (CUSTOMER, want)]
    m = meeting(analyzer, lines)
    claims = goals.cl.claims(m)
    r = next(i for i, c in enumerate(claims) if c.text == recap)
    k = next(i for i, c in enumerate(claims) if c.text == want)
    probs = np.full(len(claims), 0.05)
    groups = [[r]]
    assert goals._wanted_outcomes(m, claims, probs, groups, goals._names_outcome) == []
    assert groups == ([[r, k]] if joins else [[r]])
    if joins:
        assert goals.evidence_of(claims, groups[0], m) == trim_lead(want)


def test_a_customer_s_want_restating_another_sentence_of_a_vendor_goal_does_not_take_its_quote(
    analyzer,  # type: ignore[no-untyped-def]
) -> None:
    lead = "The goal for Halyard is a third fewer sailings cancelled this winter."
    want = "I want every deferred defect to have a planned date against it."
    back = "So every deferred defect with a planned date, is that right?"
    lines = [(VENDOR, lead), (CUSTOMER, want), (VENDOR, back)]
    m = meeting(analyzer, lines)
    claims = goals.cl.claims(m)
    r, k, b = (next(i for i, c in enumerate(claims) if c.text == t) for t in (lead, want, back))
    probs = np.full(len(claims), 0.05)
    groups = [[r, b]]  # the read-back of the want joined the vendor's goal
    assert goal_groups.joins(claims, groups[0], k)
    goals._wanted_outcomes(m, claims, probs, groups, goals.scoped_want)
    assert groups == [[r, b]]
    assert goals.evidence_of(claims, groups[0], m) == lead
