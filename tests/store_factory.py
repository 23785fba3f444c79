"""Hand-built analyses for store tests, so they never depend on extraction quality."""

from __future__ import annotations

from typing import Any

from milepost.models import (
    Analysis,
    Goal,
    NextStep,
    Speaker,
    StageCall,
    TurnOut,
    VerifiedOutcome,
)
from milepost.pipeline.analyzer import PIPELINE_VERSION


def turn(speaker: str, side: str, text: str, start: float | None = None) -> TurnOut:
    return TurnOut(speaker=speaker, side=side, text=text, start=start)  # type: ignore[arg-type]


def step(action: str, side: str, owner: str | None, due: str | None, **kw: Any) -> NextStep:
    return NextStep(
        action=action,
        side=side,  # type: ignore[arg-type]
        owner=owner,
        due=due,
        due_text=kw.pop("due_text", None),
        speaker=kw.pop("speaker", owner),
        evidence=kw.pop("evidence", f"I'll {action}."),
        confidence=0.9,
        found_by="test",
        **kw,
    )


def goal(text: str, agreed: bool, metric: str | None = None, deadline: str | None = None) -> Goal:
    return Goal(
        text=text,
        category="save_time",
        metric=metric,
        deadline=deadline,
        agreed=agreed,
        speaker="Priya Nair",
        side="customer",
        evidence=f"We want {text}.",
        confidence=0.9,
        found_by="test",
    )


def outcome(evidence: str) -> VerifiedOutcome:
    return VerifiedOutcome(category="save_time", evidence=evidence, speaker="Priya Nair")


def analysis(
    source: str,
    date: str | None,
    turns: list[TurnOut],
    goals: list[Goal] = (),  # type: ignore[assignment]
    steps: list[NextStep] = (),  # type: ignore[assignment]
    outcomes: list[VerifiedOutcome] = (),  # type: ignore[assignment]
    stage: str | None = None,
    title: str | None = None,
) -> Analysis:
    agreed = any(g.agreed for g in goals)
    names = {t.speaker: t.side for t in turns if t.speaker}
    return Analysis(
        source=source,
        input_format="plain",
        date=date,
        title=title,
        speakers=[Speaker(name=n, side=s) for n, s in names.items()],
        turns=turns,
        goals=list(goals),
        has_agreed_goal=agreed,
        next_steps=list(steps),
        stage=StageCall(id=stage, confidence=0.8, evidence=[f"{stage} cue"]) if stage else None,
        verified_outcomes=list(outcomes),
        flags=[] if agreed else ["no_agreed_goal"],
        questions=[] if agreed else ["What result would make this a win?"],
        pipeline_version=PIPELINE_VERSION,
    )


def northwind() -> list[Analysis]:
    """Three meetings of one account: a goal agreed, steps made, one closed later, an outcome."""
    m1 = analysis(
        "/calls/nw1.txt",
        "2026-03-03",
        [
            turn("Maya Okafor", "vendor", "Welcome to the kickoff.", 4.0),
            turn("Priya Nair", "customer", "We want intake under five minutes by June.", 20.0),
            turn("Maya Okafor", "vendor", "I'll send you the SSO setup guide by Friday.", 95.0),
            turn("Luis Ortega", "customer", "I'll export the patient list by next Wednesday."),
        ],
        goals=[goal("intake under five minutes", True, "under five minutes", "by June")],
        steps=[
            step("send the SSO setup guide", "vendor", "Maya Okafor", "2026-03-06"),
            step("export the patient list", "customer", "Luis Ortega", "2026-03-11"),
            step("review the implementation plan", "joint", None, "2026-03-05"),
        ],
        stage="onboarding",
        title="Kickoff",
    )
    m2 = analysis(
        "/calls/nw2.vtt",
        "2026-03-17",
        [
            turn("Luis Ortega", "customer", "Thanks. I got the SSO guide you sent, it was clear."),
            turn(
                "Maya Okafor", "vendor", "I sent the SSO setup guide on Thursday, glad it helped."
            ),
            turn("Priya Nair", "customer", "The clinic managers are curious about training."),
            turn("Maya Okafor", "vendor", "I'll book the admin training for next Tuesday."),
        ],
        steps=[step("book the admin training", "vendor", "Maya Okafor", "2026-03-24")],
        stage="onboarding",
        title="Check-in",
    )
    m3 = analysis(
        "/calls/nw3.srt",
        "2026-04-14",
        [
            turn("Priya Nair", "customer", "Since go-live our intake takes four minutes."),
            turn("Maya Okafor", "vendor", "We finished the admin training last week."),
        ],
        outcomes=[outcome("Since go-live our intake takes four minutes.")],
        stage="adoption",
        title="Review",
    )
    return [m1, m2, m3]
