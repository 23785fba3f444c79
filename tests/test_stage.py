"""Journey stage: one short dialogue per default stage, evidence, and a company's own map."""

from __future__ import annotations

from pathlib import Path

import pytest
from dialogue import CUSTOMER, VENDOR, meeting

from milepost.models import StageCall
from milepost.pipeline.extract import stage
from milepost.pipeline.journey import load_journey

DIALOGUES = {
    "awareness": [
        (VENDOR, "Thanks for taking the call. How did you hear about us?"),
        (
            CUSTOMER,
            "A friend mentioned you. We're not looking to buy anything yet, just exploring.",
        ),
        (VENDOR, "No problem. Let me tell you a bit about us and what we do."),
    ],
    "consideration": [
        (VENDOR, "Today I'll give you a demo and we can go through your requirements."),
        (CUSTOMER, "Great. We're comparing a few other vendors, so pricing matters."),
        (VENDOR, "Sure, we can also set up a trial."),
    ],
    "decision": [
        (VENDOR, "I sent the order form and the proposal on Monday."),
        (
            CUSTOMER,
            "Our legal team has redlines, and procurement needs the security questionnaire.",
        ),
        (VENDOR, "Once legal review is done we can get it signed."),
    ],
    "onboarding": [
        (VENDOR, "Welcome to your kickoff. Let's walk through the implementation plan."),
        (CUSTOMER, "Sounds good. Marcus will set up SSO and the data migration."),
        (VENDOR, "Great, and we'll confirm the go live date."),
    ],
    "adoption": [
        (VENDOR, "It's been six weeks since go live, so let's look at usage and logins."),
        (CUSTOMER, "The rollout went fine, but the night shift needs more training."),
        (VENDOR, "We can train the super users next week."),
    ],
    "value_realization": [
        (
            VENDOR,
            "This is our quarterly business review, so let's look at results against the goal.",
        ),
        (CUSTOMER, "The ROI is clear; the baseline was nine days."),
        (VENDOR, "So against the target we set, you're ahead."),
    ],
    "renewal": [
        (VENDOR, "Your renewal date is in March, so I wanted to talk about renewal terms."),
        (CUSTOMER, "Honestly the price increase is a problem and we might cancel."),
        (VENDOR, "Understood, let's talk about the renewal quote."),
    ],
    "expansion": [
        (VENDOR, "You mentioned another department might be interested."),
        (CUSTOMER, "Yes, we want more seats for the new branches and maybe an add on."),
        (VENDOR, "Great, I'll put together the expansion."),
    ],
    "advocacy": [
        (VENDOR, "Thanks for agreeing to the case study and being a reference customer."),
        (CUSTOMER, "Happy to. I can also do a reference call and a testimonial."),
        (VENDOR, "Wonderful, we'll share the draft before we publish."),
    ],
}


@pytest.mark.parametrize("stage_id", list(DIALOGUES))
def test_each_stage_from_a_short_dialogue(analyzer, stage_id: str) -> None:  # type: ignore[no-untyped-def]
    call = stage.detect(meeting(analyzer, DIALOGUES[stage_id]))
    assert call is not None
    assert call.id == stage_id
    assert 0.5 <= call.confidence <= 1.0
    texts = [t for _, t in DIALOGUES[stage_id]]
    assert call.evidence and all(any(e in t for t in texts) for e in call.evidence)


def test_evidence_ranks_sentences_with_most_cues_first(analyzer) -> None:  # type: ignore[no-untyped-def]
    call = stage.detect(meeting(analyzer, DIALOGUES["decision"]))
    assert call is not None
    assert call.evidence[0] == (
        "Our legal team has redlines, and procurement needs the security questionnaire."
    )


def test_no_cue_means_no_stage(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert stage.detect(meeting(analyzer, [(VENDOR, "Hi."), (CUSTOMER, "Hello there.")])) is None


def _map(tmp_path: Path, stages: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    """A company's own journey map with the given cue lists."""
    path = tmp_path / "journey.yaml"
    lines = ["name: acme", "stages:"]
    lines += [
        f"  - {{id: {sid}, name: N, description: d, cues: [{', '.join(cues)}]}}"
        for sid, cues in stages.items()
    ]
    path.write_text("\n".join(lines) + "\n")
    return load_journey(path)


FILLER = (CUSTOMER, "Sure, that sounds fine to me and to the rest of the people on my side here.")


def test_a_company_map_counts_each_cue_once_at_its_best_place(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"trial": ["free trial"], "paid": ["invoice", "payment", "receipt"]})
    lines = [
        (VENDOR, "So, the free trial ended."),  # the opening fifth of the words: counts 2
        (CUSTOMER, "Right."),
        (VENDOR, "Okay."),
        (CUSTOMER, "The invoice arrived."),
        (CUSTOMER, "I paid the invoice."),
    ]
    call = stage.detect(meeting(analyzer, lines), journey)
    assert call is not None and call.id == "trial"  # 2 vs 1
    assert call.confidence == 0.222  # share 2/3, times 2/6 for thin evidence
    assert call.evidence == ["So, the free trial ended."]
    lines.append((CUSTOMER, "Another invoice, too."))
    call = stage.detect(meeting(analyzer, lines), journey)
    assert call is not None and call.id == "trial"  # a cue said again still counts once
    lines.append((CUSTOMER, "The payment went through."))
    call = stage.detect(meeting(analyzer, lines), journey)
    assert call is not None and call.id == "trial"  # 2 vs 2: the stage named first
    lines.append((CUSTOMER, "Here is the receipt."))
    call = stage.detect(meeting(analyzer, lines), journey)
    assert call is not None and call.id == "paid"
    assert call.confidence == 0.3  # share 3/5, times 3/6


def test_the_purpose_statement_outweighs_mentions_in_passing(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"a": ["alpha"], "b": ["beta", "gamma", "delta"]})
    body = [FILLER, FILLER, (CUSTOMER, "We saw beta, gamma and delta last week."), FILLER]
    agenda = [(VENDOR, "So the plan for today is to talk about alpha.")]
    call = stage.detect(meeting(analyzer, agenda + body), journey)
    assert call is not None and call.id == "a"  # 2 (opening) x 2 (purpose) = 4 vs 3
    assert call.evidence == ["So the plan for today is to talk about alpha."]
    mention = [(VENDOR, "So we will talk about alpha.")]
    call = stage.detect(meeting(analyzer, mention + body), journey)
    assert call is not None and call.id == "b"  # 2 (opening) vs 3


def test_a_stage_named_in_the_past_counts_half(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"setup": ["kickoff"], "use": ["logins"]})
    rest = [(CUSTOMER, "The logins look fine."), FILLER, FILLER, FILLER]
    opening = [FILLER, FILLER]
    past = [(VENDOR, "Since the kickoff, things went well.")]
    call = stage.detect(meeting(analyzer, opening + past + rest), journey)
    assert call is not None and call.id == "use"  # 1 vs 0.5
    now = [(VENDOR, "The kickoff went well.")]
    call = stage.detect(meeting(analyzer, opening + now + rest), journey)
    assert call is not None and call.id == "setup"  # 1 vs 1: named first


def test_everyday_phrases_that_only_look_like_cues_are_ignored(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"onboarding": ["kick off"], "awareness": ["find us"]})
    call = stage.detect(
        meeting(analyzer, [(VENDOR, "Just to kick off, how did you find us?")]), journey
    )
    assert call is not None and call.id == "awareness"
    call = stage.detect(meeting(analyzer, [(VENDOR, "Let's kick off the rollout.")]), journey)
    assert call is not None and call.id == "onboarding"


def test_cues_match_other_forms_of_their_words(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"decision": ["sign the contract"], "renewal": ["renewal coming up"]})
    call = stage.detect(meeting(analyzer, [(CUSTOMER, "She signed the contracts.")]), journey)
    assert call is not None and call.id == "decision"
    call = stage.detect(meeting(analyzer, [(CUSTOMER, "Our renewals coming up.")]), journey)
    assert call is not None and call.id == "renewal"


def test_the_title_counts_as_the_purpose(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"review": ["qbr"], "b": ["beta", "gamma"]})
    lines = [FILLER, FILLER, (CUSTOMER, "Beta and gamma are fine."), FILLER]
    m = meeting(analyzer, lines)
    assert (call := stage.detect(m, journey)) is not None and call.id == "b"
    m.transcript.title = "Acme QBR"
    call = stage.detect(m, journey)
    assert call is not None and call.id == "review"  # the title counts 4, vs 2
    assert call.evidence == ["Acme QBR"]


def test_thin_evidence_means_low_confidence(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"a": ["alpha"], "b": ["beta"]})
    lines = [FILLER, FILLER, (CUSTOMER, "We talked about alpha."), FILLER]
    call = stage.detect(meeting(analyzer, lines), journey)
    assert call is not None and call.id == "a"
    assert call.confidence == 0.167  # the only stage, but one cue said once: 1/6


def test_the_opening_fifth_is_measured_in_words_not_turns(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"a": ["alpha"], "b": ["beta"]})
    text = " ".join(["We looked at beta first."] + [FILLER[1]] * 4 + ["Then alpha."])
    call = stage.detect(meeting(analyzer, [(CUSTOMER, text)]), journey)  # one long turn
    assert call is not None and call.id == "b"
    assert call.confidence == 0.222  # 2 vs 1: share 2/3, times 2/6


def test_default_map_a_review_agenda_beats_setup_talk(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "Good to see you both again."),
        (CUSTOMER, "You too."),
        (
            VENDOR,
            "So this is our six-month review. I want to look at results against the goal "
            "we set at kickoff.",
        ),
        (CUSTOMER, "Great, I pulled the numbers this morning."),
        (CUSTOMER, "Since the kickoff, the SSO setup and the data migration went fine."),
        (VENDOR, "Good. So did we get there?"),
    ]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "value_realization"
    assert call.evidence[:2] == [  # the purpose statement first, most cues first
        "I want to look at results against the goal we set at kickoff.",
        "So this is our six-month review.",
    ]


def test_a_curly_apostrophe_normalises_like_a_straight_one() -> None:
    from milepost.pipeline.extract.cues import normalise

    assert normalise("We don\u2019t renew") == normalise("We don't renew") == " we dont renew "


LATER_STAGES = {
    "expansion": [
        (
            VENDOR,
            "I've brought our account executive, since your other business unit wants the same "
            "setup.",
        ),
        (CUSTOMER, "Right. Our onboarding time went from ten days to six, so they asked for it."),
        (VENDOR, "Then I'll quote extra seats for them, co-termed with what you have."),
    ],
    "value_realization": [
        (VENDOR, "When we started, the goal we agreed was to halve the backlog."),
        (CUSTOMER, "The rollout to the night shift helped, and the training too."),
        (VENDOR, "So did we hit it? Let's look."),
    ],
}


@pytest.mark.parametrize("stage_id", list(LATER_STAGES))
def test_later_stages_said_in_other_words(analyzer, stage_id: str) -> None:  # type: ignore[no-untyped-def]
    """Buying more for another team, and checking the outcome set at the start."""
    call = stage.detect(meeting(analyzer, LATER_STAGES[stage_id]))
    assert call is not None
    assert call.id == stage_id


def test_a_cue_the_opening_says_the_meeting_will_not_do_does_not_count(
    analyzer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"look": ["demo"], "fit": ["how you run"]})
    rest = [FILLER, FILLER, FILLER, FILLER, (CUSTOMER, "Here is how you run it.")]
    opening = [(VENDOR, "I don't want to do a big demo today.")]
    call = stage.detect(meeting(analyzer, opening + rest), journey)
    assert call is not None and call.id == "fit"  # the demo is what today is not
    opening = [(VENDOR, "I want to do a big demo today.")]
    call = stage.detect(meeting(analyzer, opening + rest), journey)
    assert call is not None and call.id == "look"  # 2 (opening) vs 1
    later = [FILLER, FILLER, FILLER, FILLER, (VENDOR, "I don't want to do a big demo.")]
    call = stage.detect(meeting(analyzer, later + rest[-1:]), journey)
    assert call is not None and call.id == "look"  # past the opening a negation reads as talk


@pytest.mark.parametrize(
    "agenda", ["So, today. We will talk about alpha.", "Today's about alpha, mostly."]
)
def test_the_agenda_said_in_other_words_is_a_purpose_statement(
    analyzer, tmp_path: Path, agenda: str
) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"a": ["alpha"], "b": ["beta", "gamma", "delta"]})
    body = [FILLER, FILLER, (CUSTOMER, "We saw beta, gamma and delta last week."), FILLER]
    call = stage.detect(meeting(analyzer, [(VENDOR, agenda)] + body), journey)
    assert call is not None and call.id == "a"  # 2 (opening) x 2 (purpose) = 4 vs 3
    call = stage.detect(
        meeting(analyzer, [(VENDOR, "Well, we will talk about alpha.")] + body), journey
    )
    assert call is not None and call.id == "b"  # 2 (opening) vs 3


def test_a_cue_with_choices_matches_each_phrase_and_counts_once(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"more": ["'{new|another} {site|team}'"], "b": ["beta", "gamma"]})
    body = [FILLER, FILLER, FILLER, FILLER]
    said = (CUSTOMER, "Another team wants it, and a new site too.")
    call = stage.detect(meeting(analyzer, body + [said]), journey)
    assert call is not None and call.id == "more"
    assert call.evidence == ["Another team wants it, and a new site too."]
    call = stage.detect(meeting(analyzer, body + [said, (CUSTOMER, "Beta and gamma.")]), journey)
    assert call is not None and call.id == "b"  # two phrases of one cue count 1, vs 2
    call = stage.detect(meeting(analyzer, body + [(CUSTOMER, "A new plan for the team.")]), journey)
    assert call is None  # the words apart are no cue


def test_default_map_another_unit_of_the_customer_is_expansion(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "Thanks for making time, I know the move has been busy."),
        (CUSTOMER, "We're opening a fourth clinic in May and want the system there."),
        (VENDOR, "Great, so let's look at what the new clinic needs."),
    ]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "expansion"
    lines[1] = (CUSTOMER, "We're opening the clinic in May and want the system there.")
    lines[2] = (VENDOR, "Great, so let's look at what the clinic needs.")
    assert stage.detect(meeting(analyzer, lines)) is None


def test_a_cue_does_not_span_a_comma(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"buy": ["sign the"], "use": ["last year"]})
    said = [(VENDOR, "The order form is signed, the welcome email went out.")]
    assert stage.detect(meeting(analyzer, said), journey) is None
    said = [(CUSTOMER, "We had a scare last year; two audits.")]
    call = stage.detect(meeting(analyzer, said), journey)
    assert call is not None and call.id == "use"  # a cue inside one clause still counts
    said = [(VENDOR, "We can sign the order form, then send the welcome email.")]
    call = stage.detect(meeting(analyzer, said), journey)
    assert call is not None and call.id == "buy"


FIRST_CALL = [
    (VENDOR, "Thanks for making the time. How did you hear about us, by the way?"),
    (CUSTOMER, "A colleague at the county mentioned you."),
    (VENDOR, "Our solutions engineer can show you a demo and walk you through pricing."),
    (CUSTOMER, "Does it work offline? And can it export to our GIS?"),
]


def test_how_the_customer_heard_of_the_vendor_settles_awareness(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    call = stage.detect(meeting(analyzer, FIRST_CALL))
    assert call is not None and call.id == "awareness"  # a first contact, despite the demo
    assert call.evidence[0] == "How did you hear about us, by the way?"
    lines = [(VENDOR, "Thanks for making the time.")] + FIRST_CALL[1:]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "consideration"  # no first-contact question
    journey = _map(tmp_path, {"evaluate": ["demo", "pricing"], "buy": ["contract"]})
    call = stage.detect(meeting(analyzer, FIRST_CALL), journey)
    assert call is not None and call.id == "evaluate"  # a map without awareness: cues decide


def test_a_case_study_interview_asking_how_they_heard_of_us_stays_advocacy(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "Thanks for doing the case study interview, and for being a reference."),
        (VENDOR, "To start, how did you hear about us?"),
        (CUSTOMER, "A peer recommended you. Happy to do a testimonial and a webinar too."),
        (VENDOR, "We'll publish it with a pull quote, and you'll speak at the user conference."),
    ]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "advocacy"  # awareness 4, under half of 12
    call = stage.detect(meeting(analyzer, lines[:3]))
    assert call is not None and call.id == "awareness"  # 4 of 7: close, so the question settles


def test_the_customers_own_churn_and_cancelling_are_not_the_renewal_stage(
    analyzer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"renewal": ["churn", "cancellation", "auto renewal"]})
    said = (CUSTOMER, "I want the churn report by title; our cancellation flow follows state law.")
    assert stage.detect(meeting(analyzer, [said]), journey) is None
    said = (CUSTOMER, "The contract has an auto-renewal clause.")
    assert stage.detect(meeting(analyzer, [said]), journey) is None
    said = (CUSTOMER, "Honestly we're a churn risk; talk me out of cancellation.")
    call = stage.detect(meeting(analyzer, [said]), journey)
    assert call is not None and call.id == "renewal"


def test_default_map_the_account_exec_joining_a_customer_call_is_expansion(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "I've got Dev with me, he's our account exec."),
        (CUSTOMER, "Hi Dev."),
        FILLER,
        (CUSTOMER, "Our numbers went from nine days to four."),
    ]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "expansion"  # 2 (opening) vs 1
    lines[0] = (VENDOR, "I've got Dev with me, he's our accountant.")
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "value_realization"


def test_the_settling_sentence_is_the_first_evidence(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "So the plan for today is a quick intro, and a bit about us and what we do."),
        (CUSTOMER, "Sure. A friend mentioned you, so I looked."),
        FILLER,
        (VENDOR, "Great. How did you hear about us?"),
    ]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "awareness"
    assert call.evidence[0] == "How did you hear about us?"  # before the purpose statement
    assert call.evidence[1] == (
        "So the plan for today is a quick intro, and a bit about us and what we do."
    )


def test_a_word_written_closed_or_open_is_one_cue(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"use": ["rollout", "roll out"], "b": ["beta", "gamma"]})
    body = [FILLER, FILLER, FILLER, FILLER]
    lines = body + [(CUSTOMER, "The rollout, I mean the roll-out, went fine."), (CUSTOMER, "Beta.")]
    call = stage.detect(meeting(analyzer, lines + [(CUSTOMER, "And gamma.")]), journey)
    assert call is not None and call.id == "b"  # 1 vs 2
    call = stage.detect(meeting(analyzer, lines), journey)
    assert call is not None and call.id == "use"  # 1 vs 1: named first


@pytest.mark.parametrize(
    "question",
    [
        "How did you actually hear about Quaymark, by the way?",
        "So how did you come across Rostergrid?",
        "How did you first hear of us?",
    ],
)
def test_the_first_contact_question_with_the_vendors_name_settles_awareness(
    analyzer, question: str
) -> None:  # type: ignore[no-untyped-def]
    call = stage.detect(meeting(analyzer, _first_call(question)))
    assert call is not None and call.id == "awareness"  # 2 + 1 vs 4: close, so it settles
    assert call.evidence[0] == question
    call = stage.detect(meeting(analyzer, _first_call("How did you find the training?")))
    assert call is not None and call.id == "consideration"  # how they liked it: no first contact


def _first_call(question: str) -> list[tuple[str, str]]:
    """A first call with a demo: the question, then consideration cues said in passing."""
    return [
        (VENDOR, "Thanks for making the time."),
        (VENDOR, question),
        FILLER,
        FILLER,
        (VENDOR, "Our solutions engineer can show you a demo, it's a first call."),
        (CUSTOMER, "Does it work offline? What about pricing?"),
    ]


def test_default_map_another_team_coming_on_to_talk_seats_is_expansion(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (
            VENDOR,
            "So, today. The water division went live last year. You asked whether "
            "wastewater comes onto Fieldnote, so let's talk seats.",
        ),
        (CUSTOMER, "Sure. Usage on the water side is good."),
    ] + [FILLER] * 6
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "expansion"  # 4 + 4 (agenda) vs adoption 4 + 1
    lines[0] = (VENDOR, "So, today. The water division went live last year. Let's talk schedules.")
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "adoption"


def test_default_map_asking_what_the_customer_runs_today_is_discovery(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        FILLER,
        FILLER,
        (VENDOR, "What are you using for maintenance today?"),
        (CUSTOMER, "A whiteboard. We'd set up the app over the summer."),
    ]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "consideration"  # 2 (opening) vs set up 1
    lines[2] = (VENDOR, "What are your drivers like?")
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "onboarding"


@pytest.mark.parametrize("review", ["one-year review", "two year review", "half-year review"])
def test_default_map_a_review_named_by_its_years_is_value_realization(
    analyzer, review: str
) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, f"So this is our {review}, with your numbers."),
        FILLER,
        FILLER,
        (CUSTOMER, "Parents can switch to direct debit next year, it's cheaper."),
    ]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "value_realization"  # 4 (agenda) vs renewal 3


def test_a_churn_add_on_is_a_product_not_the_renewal_stage(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"renewal": ["churn"]})
    said = (VENDOR, "Today's about the care team and the churn add-on.")
    assert stage.detect(meeting(analyzer, [said]), journey) is None
    said = (VENDOR, "Today's about the care team and churn.")
    call = stage.detect(meeting(analyzer, [said]), journey)
    assert call is not None and call.id == "renewal"


def test_the_sentence_before_the_agenda_opener_is_its_headline(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _map(tmp_path, {"a": ["alpha"], "b": ["beta", "gamma", "delta"]})
    body = [FILLER, FILLER, (CUSTOMER, "We saw beta, gamma and delta last week."), FILLER]
    opening = (VENDOR, "Okay, so, alpha. The plan today is dates and owners.")
    call = stage.detect(meeting(analyzer, [opening] + body), journey)
    assert call is not None and call.id == "a"  # 2 (opening) x 2 (purpose) = 4 vs 3
    opening = (VENDOR, "Okay, so, alpha. Right. The plan today is dates and owners.")
    call = stage.detect(meeting(analyzer, [opening] + body), journey)
    assert call is not None and call.id == "b"  # two sentences before: 2 vs 3


EXISTING_UNIT = [
    (VENDOR, "Thanks for the time. Since R&D went live, usage has been great."),
    (CUSTOMER, "Yes, the active users are up."),
    FILLER,
    FILLER,
]


def test_the_deal_named_as_an_expansion_settles_a_close_call(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = EXISTING_UNIT + [(VENDOR, "I'll send the expansion quote for QC by Monday.")]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "expansion"  # 3 of adoption's 6: close, so it settles
    assert call.evidence == ["I'll send the expansion quote for QC by Monday."]
    lines[-1] = (VENDOR, "I'll send the quote for QC by Monday.")
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "adoption"  # quote for: 1 vs 6


def test_the_customers_own_growth_is_not_an_expansion(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = EXISTING_UNIT + [(CUSTOMER, "The expansion into Ohio is going well too.")]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "adoption"
    assert not any("Ohio" in e for e in call.evidence)


def test_coming_onto_the_call_is_no_team_coming_onto_the_product(analyzer) -> None:  # type: ignore[no-untyped-def]
    said = (VENDOR, "Thanks for coming onto the call, everyone.")
    assert stage.detect(meeting(analyzer, [said])) is None
    said = (VENDOR, "The QC lab is coming onto Samplestack.")
    call = stage.detect(meeting(analyzer, [said]))
    assert call is not None and call.id == "expansion"


@pytest.mark.parametrize("demo", ["a proper demo", "a full demo", "a real demo"])
def test_default_map_a_demo_still_to_come_is_a_first_call(analyzer, demo: str) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "Hi both, it's a first call."),
        (CUSTOMER, "Does it work offline?"),
        FILLER,
        FILLER,
        FILLER,
        (VENDOR, f"It does. Next step, let's get {demo} on the calendar."),
    ]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "awareness"  # 2 + 1 vs 2 + 1: named first
    lines[-1] = (VENDOR, "It does. Next step, let's get a demo on the calendar.")
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "consideration"  # 2 vs 2 + 1


def test_default_map_the_legal_and_security_review_is_decision(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        FILLER,
        FILLER,
        FILLER,
        (CUSTOMER, "Can it export to our GIS? And does it work offline?"),
        (CUSTOMER, "Our counsel wants the liability cap raised and a termination clause."),
        (VENDOR, "Fine. I'll also send our latest penetration test summary."),
    ]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "decision"  # 3 vs can it, does it: 2
    lines[-2:] = [(CUSTOMER, "Our counsel wants the cap raised."), (VENDOR, "Fine.")]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "consideration"


def _flagged_map(tmp_path: Path, flags: str = "true"):  # type: ignore[no-untyped-def]
    """A company's own map whose first stage is held before results."""
    path = tmp_path / "journey.yaml"
    path.write_text(
        "name: acme\nstages:\n"
        f"  - {{id: trial, name: T, description: d, cues: [free trial], before_results: {flags}}}\n"
        "  - {id: paid, name: P, description: d, cues: [invoice, payment, receipt]}\n"
    )
    return load_journey(path)


def test_a_company_map_states_which_stages_come_before_results(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _flagged_map(tmp_path)
    trial = [(VENDOR, "So, the free trial ended."), FILLER, FILLER, FILLER]
    m = meeting(analyzer, trial)
    call = stage.detect(m, journey)
    assert call is not None and call.id == "trial"
    assert stage.before_results(m, call, journey) is True
    assert stage.before_results(m, call, _map(tmp_path, {"trial": ["free trial"]})) is False
    assert stage.before_results(m, None, journey) is False


def test_a_stage_before_results_must_hold_half_the_cue_weight(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = _flagged_map(tmp_path)
    lines = [(VENDOR, "So, the free trial ended."), FILLER, FILLER, FILLER]
    lines += [(CUSTOMER, "The invoice arrived."), (CUSTOMER, "The payment went through.")]
    m = meeting(analyzer, lines)
    call = stage.detect(m, journey)
    assert call is not None and call.id == "trial"  # 2 vs 2: the stage named first
    assert stage.before_results(m, call, journey) is True  # half of the weight
    lines.append((CUSTOMER, "Here is the receipt."))
    m = meeting(analyzer, lines)
    assert stage.before_results(m, StageCall(id="trial", confidence=0.3), journey) is False


def test_the_default_map_marks_the_stages_before_results() -> None:
    marked = [s.id for s in load_journey().stages if s.before_results]
    assert marked == ["awareness", "consideration", "onboarding"]


def test_default_map_a_value_review_is_value_realization(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        (VENDOR, "So this is the value review we talked about in the summer."),
        (CUSTOMER, "Sure. The monitoring went live across the district in August."),
        FILLER,
        FILLER,
        (CUSTOMER, "The crews are still using it, mostly."),
    ]
    call = stage.detect(meeting(analyzer, lines))
    assert call is not None and call.id == "value_realization"  # 4 (agenda) vs adoption 3
