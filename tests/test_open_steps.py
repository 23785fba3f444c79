"""The open-steps cache: the ledger closes exactly what reading the store every time closes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from store_factory import analysis, step, turn

from milepost.models import Analysis
from milepost.pipeline import completion, ledger
from milepost.pipeline.store import open_db, open_steps
from milepost.pipeline.store.writer import write_meeting

VERBS = {"send": "I sent", "book": "We booked", "review": "We reviewed", "finish": "We finished"}
THINGS = ["SSO guide", "data export", "pricing sheet", "admin training", "rollout plan"]


def _meetings(n: int, seed: int = 5) -> list[tuple[Analysis, str]]:
    """n meetings over three accounts: mostly in date order, some earlier, some undated; each
    makes two steps and says some earlier steps of its account are done."""
    rnd = random.Random(seed)
    made: dict[str, list[str]] = {}
    out = []
    for i in range(n):
        account = f"Acct {i % 3}"
        day = None if i % 11 == 0 else f"2026-{1 + (i + rnd.choice([0, 0, 0, -5])) // 9:02d}-10"
        said = [
            f"{VERBS[a.split(' the ')[0]]} the {a.split(' the ')[1]}."
            for a in made.get(account, [])
            if rnd.random() < 0.4
        ]
        actions = [f"{rnd.choice(list(VERBS))} the {rnd.choice(THINGS)}" for _ in range(2)]
        made.setdefault(account, []).extend(actions)
        turns = [turn("Ana", "vendor", text) for text in [*said, f"Call {i}."]]
        steps = [step(a, "vendor", "Ana", None, evidence=f"I'll {a} ({i}).") for a in actions]
        out.append((analysis(f"/c/{i}.txt", day, turns, steps=steps), account))
    return out


def _write_all(path: Path, meetings: list[tuple[Analysis, str]]) -> list[tuple[object, ...]]:
    """Write through one connection, with a hand mark, a replaced meeting and a second
    writer on the way; the ledger as it ends."""
    db, other = open_db(path), open_db(path)
    for i, (a, account) in enumerate(meetings):
        writer = other if i % 17 == 16 else db
        write_meeting(writer, a, f"h{i}", account)
        if i == 30:
            ledger.mark_done(db, 7)
        if i == 45:
            ledger.mark_done(other, 20)
        if i == 60:  # the same file, changed: replaced in place
            changed = meetings[40][0].model_copy(update={"turns": meetings[40][0].turns[-1:]})
            write_meeting(db, changed, "h40-changed", meetings[40][1])
    sql = "SELECT id, status, done_by, done_meeting_id, done_evidence FROM next_steps ORDER BY id"
    return db.execute(sql).fetchall()


def test_cached_ledger_closes_what_reading_the_store_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meetings = _meetings(90)
    cached = _write_all(tmp_path / "cached.db", meetings)
    read_each_time = ledger.reconcile
    monkeypatch.setattr(
        ledger,
        "reconcile",
        lambda db, meeting_id, texts=None, cache=None: read_each_time(db, meeting_id, texts),
    )
    uncached = _write_all(tmp_path / "uncached.db", meetings)
    assert cached == uncached
    statuses = [row[1:3] for row in cached]
    assert statuses.count(("done", "meeting")) > 20  # real closings were compared
    assert statuses.count(("done", "user")) == 2


@pytest.mark.parametrize("same_connection", [True, False])
def test_a_step_marked_by_hand_is_never_closed_again(tmp_path: Path, same_connection: bool) -> None:
    db = open_db(tmp_path / "s.db")
    first = analysis("/c/1.txt", "2026-01-05", [turn("Ana", "vendor", "Hi.")])
    first.next_steps = [step("send the SSO guide", "vendor", "Ana", None)]
    write_meeting(db, first, "h1", "Acme")
    write_meeting(
        db, analysis("/c/2.txt", "2026-01-12", [turn("Ana", "vendor", "Hi.")]), "h2", "Acme"
    )
    ledger.mark_done(db if same_connection else open_db(tmp_path / "s.db"), 1)
    said = analysis("/c/3.txt", "2026-01-19", [turn("Ana", "vendor", "I sent the SSO guide.")])
    write_meeting(db, said, "h3", "Acme")
    assert db.execute("SELECT status, done_by FROM next_steps").fetchall() == [("done", "user")]


def test_a_failed_write_leaves_the_cache_as_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_db(tmp_path / "s.db")
    first = analysis("/c/1.txt", "2026-01-05", [turn("Ana", "vendor", "Hi.")])
    first.next_steps = [step("send the SSO guide", "vendor", "Ana", None)]
    write_meeting(db, first, "h1", "Acme")
    said = analysis("/c/2.txt", "2026-01-19", [turn("Ana", "vendor", "I sent the SSO guide.")])
    real_assign = completion.assign

    def assign_then_fail(*args: object) -> dict[int, str]:
        real_assign(*args)  # type: ignore[arg-type]
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(completion, "assign", assign_then_fail)
    with pytest.raises(RuntimeError):
        write_meeting(db, said, "h2", "Acme")
    monkeypatch.setattr(completion, "assign", real_assign)
    assert open_steps.for_db(db).before(db, 1, 99, "2026-02-01") == [(1, "send the SSO guide")]
    write_meeting(db, said, "h2", "Acme")
    rows = db.execute("SELECT status, done_meeting_id FROM next_steps").fetchall()
    assert rows == [("done", 2)]


def test_each_connection_has_its_own_cache(tmp_path: Path) -> None:
    one, two = open_db(tmp_path / "s.db"), open_db(tmp_path / "s.db")
    assert open_steps.for_db(one) is open_steps.for_db(one)
    assert open_steps.for_db(one) is not open_steps.for_db(two)


def _closed_by(action: str, said: str, tmp_path: Path) -> str | None:
    """A step made in one meeting and a sentence said at the account's next: what closed it."""
    db = open_db(tmp_path / "pair.db")
    first = analysis("/c/1.txt", "2026-03-03", [turn("Maya Okafor", "vendor", "Kickoff.")])
    first.next_steps = [step(action, "vendor", "Maya Okafor", "2026-03-06")]
    write_meeting(db, first, "h1", "Northwind Dental")
    later = analysis("/c/2.txt", "2026-03-17", [turn("Priya Nair", "customer", said)])
    write_meeting(db, later, "h2", "Northwind Dental")
    row = db.execute("SELECT status, done_evidence FROM next_steps").fetchone()
    return row[1] if row[0] == "done" else None


@pytest.mark.parametrize(
    ("action", "said"),
    [
        # either verb phrase of a two-verb step, reported on its own
        (
            "configure the Dentrix integration in our sandbox and send the test results",
            "Tom sent us the test results on Tuesday.",
        ),
        (
            "configure the Dentrix integration in our sandbox and send the test results",
            "You configured the Dentrix integration last week.",
        ),
        ("write up and send the rollout summary", "Maya sent the rollout summary to everyone."),
        ("pick three pilot users and send their names", "I sent you their names yesterday."),
        ("book the admin training and send the invites", "The invites went out on Monday."),
        # the object's head noun, without the step's prepositional detail
        ("send a proposal for the reminders add-on", "Maya sent the proposal on Monday."),
        ("add the three other clinics to the Microsoft group", "Luis added the other clinics."),
        ("pull the no-show numbers for the last two quarters", "I pulled the no-show numbers."),
        ("export the patient list as a CSV", "Luis exported the list on Monday."),
        ("send our current onboarding forms", "Ben built the demo around the forms we sent over."),
        # another verb of the same deed, a done phrase, thanks for doing it
        ("send the SSO setup guide", "Maya emailed the SSO guide on Friday."),
        ("review the implementation plan together", "We went over the implementation plan."),
        (
            "review the implementation plan together",
            "Thanks for reviewing the implementation plan.",
        ),
        # a report that ends in "let me know if..."
        ("send the SSO setup guide", "I sent the SSO guide, let me know if anything's unclear."),
    ],
)
def test_a_later_report_closes_the_step(action: str, said: str, tmp_path: Path) -> None:
    assert _closed_by(action, said, tmp_path) == said


@pytest.mark.parametrize(
    ("action", "said"),
    [
        # another object: a different modifier, a different head noun, the head as a modifier
        ("configure the Dentrix integration in our sandbox", "We configured the Salesforce one."),
        ("configure the Dentrix integration", "We configured the Salesforce integration."),
        ("send a proposal for the reminders add-on", "Maya sent the invoice."),
        ("pull the no-show numbers", "I pulled the sales numbers."),
        ("send the login details", "I sent the login reminder emails."),
        # a head noun said of many things needs the step's own words with it
        ("take a reference call with their director", "I took this call because of the budget."),
        ("email the times for the reference call", "I sent it last time."),
        # everyday phrases that look like reports
        ("take a reference call with their director", "Thanks for taking the call."),
        ("send the supplier form", "The incident reports are a form in the shared drive."),
        ("take the MICU and SICU live", "Everything else I can live with."),
        # not done yet
        ("review the implementation plan together", "Let's go over the implementation plan."),
        ("put the goal in the success plan", "Okay, let me put the goal back up on screen."),
        ("configure the integration and send the test results", "We'll send the test results."),
        ("send the SSO setup guide", "If Maya sent the SSO guide, let me know."),
    ],
)
def test_other_sentences_leave_the_step_open(action: str, said: str, tmp_path: Path) -> None:
    assert _closed_by(action, said, tmp_path) is None


def test_a_two_verb_step_reads_as_its_verb_phrases() -> None:
    whole, configure, send = completion.verb_phrases(
        "configure the Dentrix integration in our sandbox and then send the test results"
    )
    assert (whole.verb, whole.head, whole.split) == ("configur", "integration", False)
    assert (configure.verb, configure.core, configure.split) == (
        "configur",
        {"dentrix", "integration"},
        True,
    )
    assert (send.verb, send.head, send.core) == ("send", "result", {"test", "result"})
    assert len(completion.verb_phrases("send the guide and the test results")) == 1
    assert len(completion.verb_phrases("take the MICU and SICU live")) == 1
    assert completion.verb_phrases("collect which times work best")[0].head is None
