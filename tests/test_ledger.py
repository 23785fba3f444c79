"""The commitment ledger: steps close when a later meeting says they were done; overdue by date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import needs_shared
from sqlite_utils import Database
from store_factory import analysis, northwind, step, turn

from milepost.pipeline import completion, ledger
from milepost.pipeline.errors import StoreError
from milepost.pipeline.store import open_db
from milepost.pipeline.store.writer import write_meeting


@pytest.mark.parametrize(
    ("action", "said"),
    [
        ("send the SSO setup guide", "I sent the SSO guide over on Monday."),
        ("finish the data export", "We finished the export last night."),
        ("share the pricing sheet with finance", "We shared the pricing sheet with finance."),
        ("set up the Salesforce integration", "We've set up the Salesforce integration."),
        ("book the admin training", "Admin training is booked for the 12th."),
        ("send the quick-start cards", "The quick-start cards arrived, thanks for sending them."),
        (
            "send us printable quick-start cards for the front desk",
            "The quick-start cards arrived too, thanks for sending them.",
        ),
        ("turn on SSO in production", "And SSO is live in production for all four clinics."),
        ("export the patient list", "I exported the patient list last Monday."),
        ("write up the rollout plan", "Maya wrote up the rollout plan for us."),
    ],
)
def test_done_statements_close_steps(action: str, said: str) -> None:
    assert completion.completes(action, said)


@pytest.mark.parametrize(
    ("action", "said"),
    [
        ("send the SSO setup guide", "I'll send the SSO guide tomorrow."),  # future
        ("send the SSO setup guide", "Did you send the SSO guide?"),  # question
        ("send the SSO setup guide", "I haven't sent the SSO guide yet."),  # negation
        ("send the SSO setup guide", "If we sent the SSO guide, IT could start."),  # condition
        ("send the contract", "I sent the invoice."),  # a different thing
        ("export the patient list", "We need to export the patient list."),  # still to do
        ("send the SSO setup guide", "The SSO guide is long."),  # no done cue
        ("send the SSO setup guide", "We talked about the SSO setup guide."),  # another verb
        ("export the patient list as a CSV", "I shared the CSV with Tom."),  # another verb
    ],
)
def test_other_statements_do_not(action: str, said: str) -> None:
    assert not completion.completes(action, said)


def test_each_statement_closes_the_step_it_matches_best() -> None:
    steps = [(1, "set up an intake dashboard for managers"), (2, "send you the intake times")]
    statements = completion.done_statements(
        ["I sent you the intake times, and the owners saw them on the dashboard."]
    )
    assert completion.assign(steps, statements) == {
        2: "I sent you the intake times, and the owners saw them on the dashboard."
    }


def test_stemming_meets_irregular_and_regular_forms() -> None:
    sent, send = completion.verb_phrases("sent the guides"), completion.verb_phrases("send a guide")
    assert sent == send and (sent[0].verb, sent[0].head) == ("send", "guid")
    assert completion.verb_phrases("exported reports") == completion.verb_phrases(
        "export the report"
    )
    assert completion.verb_phrases("sent the guides") != completion.verb_phrases("sent the reports")


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_db(tmp_path / "store.db")


def _store(db: Database, order: tuple[int, ...] = (0, 1, 2)) -> None:
    meetings = northwind()
    for i in order:
        write_meeting(db, meetings[i], f"hash-{i}", "Northwind Dental")


def _status(db: Database) -> list[tuple[str, str, int | None]]:
    return [(s.action, s.status, s.done_meeting_id) for s in ledger.list_steps(db)]


def test_later_meeting_closes_earlier_steps(db: Database) -> None:
    _store(db)
    assert _status(db) == [
        ("send the SSO setup guide", "done", 2),
        ("export the patient list", "open", None),
        ("review the implementation plan", "open", None),
        ("book the admin training", "done", 3),
    ]
    first = ledger.list_steps(db)[0]
    assert first.done_by == "meeting"
    assert first.done_evidence == "I sent the SSO setup guide on Thursday, glad it helped."


def test_ingest_order_does_not_matter(db: Database) -> None:
    _store(db, order=(2, 1, 0))  # newest first: meeting ids 1=nw3, 2=nw2, 3=nw1
    assert {(a, s) for a, s, _ in _status(db)} == {
        ("send the SSO setup guide", "done"),
        ("export the patient list", "open"),
        ("review the implementation plan", "open"),
        ("book the admin training", "done"),
    }


def test_a_meeting_never_closes_its_own_steps(db: Database) -> None:
    a = analysis(
        "/c/a.txt",
        "2026-01-05",
        [turn("Ana", "vendor", "I'll send the deck. Actually I sent the deck already.")],
        steps=[step("send the deck", "vendor", "Ana", None)],
    )
    write_meeting(db, a, "h", "Acme")
    assert _status(db) == [("send the deck", "open", None)]


def test_other_accounts_never_close_steps(db: Database) -> None:
    _store(db, order=(0,))
    other = analysis(
        "/c/o.txt", "2026-05-01", [turn("Zed", "vendor", "I sent the SSO setup guide.")]
    )
    write_meeting(db, other, "h-other", "Larkspur Logistics")
    assert _status(db)[0] == ("send the SSO setup guide", "open", None)


def test_overdue_is_open_and_past_due_relative_to_today(db: Database) -> None:
    _store(db)
    overdue = ledger.list_steps(db, overdue_only=True, on=date(2026, 3, 8))
    assert [s.action for s in overdue] == ["review the implementation plan"]
    overdue = ledger.list_steps(db, overdue_only=True, on=date(2026, 3, 12))
    assert [s.action for s in overdue] == [
        "export the patient list",
        "review the implementation plan",
    ]
    assert all(s.overdue for s in overdue)


def test_today_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILEPOST_TODAY", "2026-02-03")
    assert ledger.today() == date(2026, 2, 3)


def test_filters_by_account_side_and_open(db: Database) -> None:
    _store(db)
    assert [s.id for s in ledger.list_steps(db, side="vendor")] == [1, 4]
    assert [s.id for s in ledger.list_steps(db, open_only=True)] == [2, 3]
    assert [s.id for s in ledger.list_steps(db, account="northwind dental", side="joint")] == [3]
    assert ledger.list_steps(db, account="Nobody") == []


def test_user_marks_a_step_done(db: Database) -> None:
    _store(db)
    step_ = ledger.mark_done(db, 2, on=date(2026, 3, 20))
    assert (step_.status, step_.done_by, step_.done_at) == ("done", "user", "2026-03-20")
    assert [s.id for s in ledger.list_steps(db, open_only=True)] == [3]


def test_unknown_step_is_a_store_error(db: Database) -> None:
    with pytest.raises(StoreError, match="no next step with id 42"):
        ledger.mark_done(db, 42)


def test_reanalysing_the_closing_meeting_reopens_then_rematches(db: Database) -> None:
    _store(db)
    m2 = northwind()[1]
    quiet = m2.model_copy(update={"turns": m2.turns[2:]})
    write_meeting(db, quiet, "hash-1b", "Northwind Dental")
    assert _status(db)[0] == ("send the SSO setup guide", "open", None)


def _real_meetings() -> list[list[str]]:
    """Turn texts of every text transcript in cs_train and the samples."""
    from conftest import CS_TRAIN, SAMPLES

    from milepost.pipeline import formats

    paths = sorted(CS_TRAIN.glob("*")) + sorted(SAMPLES.rglob("*"))
    readable = [
        p
        for p in paths
        if p.suffix in {".txt", ".vtt", ".srt", ".json"} and not p.name.endswith("labels.json")
    ]
    return [[t.text for t in formats.read(p).turns] for p in readable]


def _real_actions() -> list[tuple[int, str]]:
    """Every labelled next step of cs_train, as (id, action)."""
    import json

    from conftest import CS_TRAIN

    labels = [json.loads(p.read_text()) for p in sorted(CS_TRAIN.glob("*.labels.json"))]
    actions = [s["action"] for label in labels for s in label["next_steps"]]
    return list(enumerate(actions, start=1))


@needs_shared
def test_turn_prefilter_keeps_every_done_statement() -> None:
    meetings = _real_meetings()
    full_scan = [
        [
            st
            for text in texts
            for s in completion.sentences(text)
            if (st := completion.statement(s))
        ]
        for texts in meetings
    ]
    assert [completion.done_statements(texts) for texts in meetings] == full_scan
    assert sum(map(len, full_scan)) > 300  # the check compares real statements, not empties


@needs_shared
def test_keyword_prefilter_assigns_what_a_full_scan_assigns() -> None:
    steps = _real_actions()
    closed = 0
    for texts in _real_meetings():
        said = completion.done_statements(texts)
        pairs = [
            (value, -i, step_id, st.text)
            for i, st in enumerate(said)
            for step_id, action in steps
            if (value := completion.score(action, st)) > 0
        ]
        full_scan: dict[int, str] = {}
        for _, _, step_id, sentence in sorted(pairs, reverse=True):
            if step_id not in full_scan and sentence not in full_scan.values():
                full_scan[step_id] = sentence
        assert completion.assign(steps, said) == full_scan
        closed += len(full_scan)
    assert closed >= 15  # real closings were compared (20 on cs_train and the samples today)


def test_the_ledger_reads_steps_from_our_side(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/disc.txt",
        "2026-10-13",
        [
            turn("Ben Adler", "vendor", "I'll set up a dashboard for your managers."),
            turn("Hannah Cole", "customer", "I'll send you our current forms."),
        ],
        steps=[
            step("set up a dashboard for your managers", "vendor", "Ben Adler", None),
            step("send you our current forms", "customer", "Hannah Cole", None),
            step("send the forms again", "customer", None, None, speaker="Somebody Else"),
        ],
    )
    write_meeting(db, a, "h", "Larkspur Logistics")
    stored = ledger.list_steps(db)
    assert [s.action for s in ledger.in_our_words(db, stored)] == [
        "set up a dashboard for their managers",
        "send us their current forms",
        "send the forms again",
    ]
    assert [s.action for s in stored][:2] == [
        "set up a dashboard for your managers",
        "send you our current forms",
    ]
