"""One definition of an internal call serves the report, the brief and the recap."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store_factory import analysis, step, turn

from milepost.pipeline.brief import build_brief
from milepost.pipeline.internal import analysis_is_internal, internal_meetings, is_internal
from milepost.pipeline.recap import build_recap
from milepost.pipeline.report import render_analysis
from milepost.pipeline.store import open_db
from milepost.pipeline.store.writer import write_meeting

NOTE = "No customer-side speaker: an internal call?"


def test_people_spoke_none_for_the_customer_and_no_step_is_theirs() -> None:
    assert is_internal(["vendor", "vendor"], ["vendor"])
    assert is_internal(["vendor", "unknown"], [])
    assert not is_internal([], [])  # nobody named: an article, raw ASR text
    assert not is_internal(["vendor", "customer"], [])
    assert not is_internal(["vendor"], ["vendor", "customer"])


def test_brief_and_recap_call_the_same_meetings_internal(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    unnamed = [turn(None, "unknown", "Customers do not buy through the journeys you define.")]  # type: ignore[arg-type]
    team = [turn("Speaker 1", "vendor", "From prospect to customer, that's the journey.")]
    homework = [step("send the SSO guide", "customer", "Bo Chen", None)]
    write_meeting(db, analysis("/c/article.txt", "2026-01-05", unnamed), "h1", "Acme")
    write_meeting(db, analysis("/c/team.txt", "2026-01-10", team), "h2", "Acme")
    write_meeting(db, analysis("/c/call.txt", "2026-01-20", team, steps=homework), "h3", "Acme")
    assert internal_meetings(db, [1, 2, 3]) == {2}
    assert build_brief(db, "Acme", on=date(2026, 2, 1)).internal_meetings == [2]
    greetings = [build_recap(db, i).body.splitlines()[2] for i in (1, 2, 3)]
    assert greetings == ["Hi all,", "Hi team,", "Hi all,"]


def test_the_report_asks_about_an_internal_call_only_when_no_step_is_the_customers() -> None:
    team = [turn("Dana Ruiz", "vendor", "Bo will send the SSO guide.")]
    a = analysis("/c/call.txt", "2026-01-20", team)
    assert analysis_is_internal(a) and NOTE in render_analysis(a)
    a.next_steps = [step("send the SSO guide", "customer", "Bo Chen", None)]
    assert not analysis_is_internal(a) and NOTE not in render_analysis(a)
