"""Journey stage: one short dialogue per default stage, evidence, and a company's own map."""

from __future__ import annotations

from pathlib import Path

import pytest
from dialogue import CUSTOMER, VENDOR, meeting

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


def test_a_company_map_is_scored_by_its_own_cues(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "journey.yaml"
    path.write_text(
        "name: acme\nstages:\n"
        "  - {id: trial, name: Trial, description: d, cues: [free trial]}\n"
        "  - {id: paid, name: Paid, description: d, cues: [invoice, payment]}\n"
    )
    lines = [
        (VENDOR, "So, the free trial ended."),
        (CUSTOMER, "Right."),
        (VENDOR, "Okay."),
        (CUSTOMER, "The invoice arrived."),
        (CUSTOMER, "I paid the invoice."),
    ]
    call = stage.detect(meeting(analyzer, lines), load_journey(path))
    assert call is not None and call.id == "trial"  # the opening fifth counts double: 2 vs 2
    assert call.confidence == 0.5
    lines.append((CUSTOMER, "Another invoice, too."))
    call = stage.detect(meeting(analyzer, lines), load_journey(path))
    assert call is not None and call.id == "trial"  # one cue counts at most twice
    lines.append((CUSTOMER, "The payment went through."))
    call = stage.detect(meeting(analyzer, lines), load_journey(path))
    assert call is not None and call.id == "paid"
