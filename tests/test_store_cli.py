"""Every store command's output and errors, exactly, over a store built from known analyses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_factory import analysis, northwind, step, turn

from milepost.pipeline.cli import cli
from milepost.pipeline.store import open_db
from milepost.pipeline.store.writer import write_meeting


@pytest.fixture
def stored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The default store (MILEPOST_DB) with three Northwind meetings and one Larkspur call."""
    monkeypatch.setenv("MILEPOST_TODAY", "2026-04-20")
    db = open_db()
    for i, a in enumerate(northwind()):
        write_meeting(db, a, f"hash-{i}", "Northwind Dental")
    larkspur = analysis(
        "/calls/lk1.txt",
        "2026-02-10",
        [
            turn("Ben Adler", "vendor", "How did you hear about us?"),
            turn("Hannah Cole", "customer", "A friend uses you for carrier paperwork."),
        ],
        stage="awareness",
    )
    write_meeting(db, larkspur, "hash-lk", "Larkspur Logistics")
    db.close()
    return tmp_path / "milepost.db"


def run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


MEETINGS = """\
ID  DATE        ACCOUNT             STAGE       STEPS  FLAGS           MEETING
 4  2026-02-10  Larkspur Logistics  awareness       0  no_agreed_goal  lk1.txt
 1  2026-03-03  Northwind Dental    onboarding      3  -               Kickoff
 2  2026-03-17  Northwind Dental    onboarding      1  no_agreed_goal  Check-in
 3  2026-04-14  Northwind Dental    adoption        0  no_agreed_goal  Review
"""


def test_meetings(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "meetings") == (0, MEETINGS)


def test_meetings_flagged_since_account(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "meetings", "--flagged", "--since", "2026-03-01") == (
        0,
        "ID  DATE        ACCOUNT           STAGE       STEPS  FLAGS           MEETING\n"
        " 2  2026-03-17  Northwind Dental  onboarding      1  no_agreed_goal  Check-in\n"
        " 3  2026-04-14  Northwind Dental  adoption        0  no_agreed_goal  Review\n",
    )
    code, out = run(runner, "meetings", "--account", "larkspur logistics")
    assert [line.split()[0] for line in out.splitlines()] == ["ID", "4"]


def test_meetings_json(runner: CliRunner, stored: Path) -> None:
    code, out = run(runner, "meetings", "--json", "--account", "Larkspur Logistics")
    assert code == 0
    assert json.loads(out) == [
        {
            "id": 4,
            "account": "Larkspur Logistics",
            "date": "2026-02-10",
            "title": None,
            "source": "/calls/lk1.txt",
            "format": "plain",
            "stage": "awareness",
            "has_agreed_goal": False,
            "flags": ["no_agreed_goal"],
            "next_steps": 0,
            "pipeline_version": json.loads(out)[0]["pipeline_version"],
        }
    ]


def test_an_empty_store_is_named(runner: CliRunner, tmp_path: Path) -> None:
    """A mistyped --db or $MILEPOST_DB opens a new store: "No meetings." alone read as if
    the calls were lost. A filter that keeps nothing in a full store needs no such word."""
    empty = "the store {} is empty (`milepost ingest` adds calls).\n"
    store = tmp_path / "milepost.db"  # $MILEPOST_DB in every test
    assert run(runner, "meetings") == (0, "No meetings: " + empty.format(store))
    assert run(runner, "steps") == (0, "No steps: " + empty.format(store))


def test_db_option_beats_the_environment(runner: CliRunner, stored: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    assert run(runner, "meetings", "--db", str(other)) == (
        0,
        f"No meetings: the store {other} is empty (`milepost ingest` adds calls).\n",
    )
    assert other.exists()
    assert run(runner, "meetings", "--since", "2030-01-01") == (0, "No meetings.\n")
    assert run(runner, "steps", "--side", "vendor", "--account", "Larkspur") == (0, "No steps.\n")


STEPS = """\
ID  ACCOUNT           SIDE      ACTION                          OWNER        DUE         STATUS
 1  Northwind Dental  vendor    send the SSO setup guide        Maya Okafor  2026-03-06  done (#2)
 2  Northwind Dental  customer  export the patient list         Luis Ortega  2026-03-11  OVERDUE
 3  Northwind Dental  joint     review the implementation plan  -            2026-03-05  OVERDUE
 4  Northwind Dental  vendor    book the admin training         Maya Okafor  2026-03-24  done (#3)
"""


def test_steps_ledger(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "steps") == (0, STEPS)
    assert run(runner, "steps", "--overdue", "--side", "joint") == (
        0,
        "ID  ACCOUNT           SIDE   ACTION                          OWNER  DUE         STATUS\n"
        " 3  Northwind Dental  joint  review the implementation plan  -      2026-03-05  OVERDUE\n",
    )


def test_steps_ledger_says_an_owner_is_unnamed(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A recording's diarizer label ("SPEAKER_1") names nobody a CSM can chase: the ledger
    says the owner is unnamed and keeps the label that finds the voice in the transcript."""
    monkeypatch.setenv("MILEPOST_TODAY", "2026-04-20")
    db = open_db()
    call = analysis(
        "/calls/rec.txt",
        "2026-04-01",
        [turn("SPEAKER_1", "vendor", "I'll send the guide."), turn("Ana Diaz", "customer", "Ok.")],
        steps=[step("send the guide", "vendor", "SPEAKER_1", "2026-04-03")],
    )
    write_meeting(db, call, "hash-rec", "Acme")
    db.close()
    assert run(runner, "steps", "--overdue") == (
        0,
        "ID  ACCOUNT  SIDE    ACTION          OWNER                DUE         STATUS\n"
        " 1  Acme     vendor  send the guide  unnamed (SPEAKER_1)  2026-04-03  OVERDUE\n",
    )
    assert json.loads(run(runner, "steps", "--json")[1])[0]["owner"] == "SPEAKER_1"


def test_steps_done_then_open(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "steps", "done", "2") == (0, "Step 2 done: export the patient list\n")
    code, out = run(runner, "steps", "--open", "--json")
    assert [(s["id"], s["status"], s["overdue"]) for s in json.loads(out)] == [(3, "open", True)]


def test_steps_done_takes_db_on_either_level(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "steps", "--db", str(stored), "done", "3")[0] == 0
    assert run(runner, "steps", "done", "1", "--db", str(stored))[0] == 0


def test_steps_done_unknown_id(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "steps", "done", "99") == (1, "Error: no next step with id 99\n")


def test_steps_bad_side_is_a_usage_error(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "steps", "--side", "both")[0] == 2


BRIEF = """\
# Northwind Dental: brief for 2026-04-20

3 meetings, last on 2026-04-14.
Stage: **Adoption** (since 2026-04-14) → next: **Value realization**

- We: {vendor}
- They: {customer}

## Goal
**Agreed:** intake under five minutes (save time; deadline by June; agreed 2026-03-03)
> "We want intake under five minutes."

## Verified outcomes
- 2026-04-14 save time: "Since go-live our intake takes four minutes." (Priya Nair)

## Open steps
Theirs (customer homework):
- #2 export the patient list (Luis Ortega), due 2026-03-11 **OVERDUE**
Joint:
- #3 review the implementation plan, due 2026-03-05 **OVERDUE**
Done at the last call:
- #4 book the admin training: "We finished the admin training last week."

## Last time: 2026-04-14, Review
Nothing said there that the brief does not already show.

## Flagged meetings
- #2 2026-03-17 Check-in: no_agreed_goal (the goal agreed on 2026-03-03 stood)
- #3 2026-04-14 Review: no_agreed_goal (the goal agreed on 2026-03-03 stood)
"""


def test_brief(runner: CliRunner, stored: Path) -> None:
    from milepost.pipeline.journey import load_journey

    adoption = load_journey().get("adoption")
    assert adoption is not None
    expected = BRIEF.format(
        vendor=" ".join(adoption.vendor_actions), customer=" ".join(adoption.customer_actions)
    )
    assert run(runner, "brief", "northwind dental") == (0, expected)


def test_brief_without_agreed_goal_asks_the_stage_questions(
    runner: CliRunner, stored: Path
) -> None:
    from milepost.pipeline.journey import load_journey

    awareness = load_journey().get("awareness")
    assert awareness is not None
    code, out = run(runner, "brief", "Larkspur Logistics")
    assert code == 0
    goal_section = out.split("## Goal\n")[1].split("\n## ")[0]
    assert goal_section == (
        "⚠ **No clear agreed goal yet.** Agree one measurable outcome on this call.\nAsk:\n"
        + "".join(f"- {q}\n" for q in awareness.questions)
    )
    assert '## Last time: 2026-02-10, lk1.txt\n- Hannah Cole: "A friend uses you' in out
    assert out.endswith("## Flagged meetings\n- #4 2026-02-10 lk1.txt: no_agreed_goal\n")


def test_brief_json(runner: CliRunner, stored: Path) -> None:
    code, out = run(runner, "brief", "Northwind Dental", "--json")
    data = json.loads(out)
    assert (data["account"], data["meetings"], data["stage"]["id"]) == (
        "Northwind Dental",
        3,
        "adoption",
    )
    assert data["goal"]["metric"] == "under five minutes"
    assert [s["id"] for s in data["open_steps"]["customer"]] == [2]
    assert [m["id"] for m in data["flagged"]] == [2, 3]


def test_brief_unknown_account(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "brief", "Acme") == (
        1,
        "Error: no account named 'Acme' (known: Larkspur Logistics, Northwind Dental)\n",
    )


def test_account_named_by_part_of_its_name(runner: CliRunner, stored: Path) -> None:
    code, out = run(runner, "meetings", "--account", "northwind")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["ID", "1", "2", "3"]
    code, out = run(runner, "steps", "--account", "  DENTAL ")
    assert code == 0 and {line.split()[1] for line in out.splitlines()[1:]} == {"Northwind"}
    assert run(runner, "brief", "lark")[1].startswith("# Larkspur Logistics: brief for ")


def test_account_part_matching_several_or_none_is_an_error(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "brief", "a") == (
        1,
        "Error: account name 'a' is ambiguous (matches: Larkspur Logistics, Northwind Dental)\n",
    )
    assert run(runner, "meetings", "--account", "Acme") == (
        1,
        "Error: no account named 'Acme' (known: Larkspur Logistics, Northwind Dental)\n",
    )
    assert run(runner, "steps", "--account", "Acme")[0] == 1


def test_brief_on_an_empty_store(runner: CliRunner) -> None:
    assert run(runner, "brief", "Acme") == (
        1,
        "Error: no account named 'Acme' (the store is empty)\n",
    )


RECAP = """\
Subject: Recap: Kickoff, 2026-03-03

Hi Priya and Luis,

Thanks for your time on 2026-03-03. Here's what we agreed.

**Goal:** intake under five minutes (by June).

**You're going to:**
- export the patient list (Luis Ortega), by 2026-03-11

**Then we're going to:**
- send the SSO setup guide (Maya Okafor), by 2026-03-06

**Together:**
- review the implementation plan, by 2026-03-05

Let me know if I missed anything.

Best,
Maya
"""


def test_recap(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "recap", "1") == (0, RECAP)


def test_recap_without_goal_or_steps(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "recap", "4") == (
        0,
        "Subject: Recap: Larkspur Logistics call, 2026-02-10\n\nHi Hannah,\n\n"
        "Thanks for your time on 2026-02-10. Here's where we got to.\n\n"  # nothing agreed
        "**Goal:** we haven't agreed a measurable goal yet. Let's pin one down next time: "
        "What result would make this a win?\n\n"
        "No next steps were agreed on the call; reply with anything I missed.\n\nBest,\nBen\n",
    )


def test_recap_json_and_unknown_meeting(runner: CliRunner, stored: Path) -> None:
    code, out = run(runner, "recap", "1", "--json")
    data = json.loads(out)
    assert (data["to"], data["subject"]) == (
        ["Priya Nair", "Luis Ortega"],
        "Recap: Kickoff, 2026-03-03",
    )
    assert data["body"] == RECAP
    assert run(runner, "recap", "99") == (1, "Error: no meeting with id 99\n")


def test_search(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "search", "SSO guide") == (
        0,
        "#1 2026-03-03 Northwind Dental · nw1.txt · Maya Okafor at 0:01:35\n"
        "  I'll send you the [SSO] setup [guide] by Friday.\n"
        "#2 2026-03-17 Northwind Dental · nw2.vtt · Luis Ortega\n"
        "  Thanks. I got the [SSO] [guide] you sent, it was clear.\n"
        "#2 2026-03-17 Northwind Dental · nw2.vtt · Maya Okafor\n"
        "  I sent the [SSO] setup [guide] on Thursday, glad it helped.\n",
    )


def test_search_is_safe_with_punctuation_and_misses(runner: CliRunner, stored: Path) -> None:
    assert run(runner, "search", 'zebra" OR (') == (0, "No matches.\n")
    assert run(runner, "search", "  ") == (1, "Error: empty search query\n")
    code, out = run(runner, "search", "guides", "--json", "--limit", "1")
    assert [(h["meeting_id"], h["speaker"]) for h in json.loads(out)] == [(1, "Maya Okafor")]


def test_export_csv_steps(runner: CliRunner, stored: Path) -> None:
    code, out = run(runner, "export", "--format", "csv", "--table", "steps")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "id,account,meeting_id,meeting_date,action,side,owner,due,due_text,speaker,evidence,status,"
        "overdue,done_by,done_meeting_id,done_evidence,done_at"
    )
    assert lines[1] == (
        "1,Northwind Dental,1,2026-03-03,send the SSO setup guide,vendor,Maya Okafor,2026-03-06,,"
        "Maya Okafor,"
        "I'll send the SSO setup guide.,done,False,meeting,2,"
        '"I sent the SSO setup guide on Thursday, glad it helped.",2026-03-17'
    )
    assert len(lines) == 5


def test_export_json_and_markdown(runner: CliRunner, stored: Path) -> None:
    code, out = run(runner, "export", "--format", "json", "--account", "Northwind Dental")
    data = json.loads(out)
    assert {k: len(v) for k, v in data.items()} == {"meetings": 3, "goals": 1, "steps": 4}
    code, out = run(runner, "export", "--format", "markdown", "--table", "goals")
    assert out.splitlines()[:3] == [
        "## goals",
        "",
        "| id | meeting_id | account | date | text | category | metric | deadline | agreed | "
        "speaker | side | evidence | confidence |",
    ]


def test_export_errors(runner: CliRunner, stored: Path) -> None:
    code, out = run(runner, "export", "--format", "csv")
    assert code == 2
    assert "CSV holds one table: choose one with --table" in out
    assert run(runner, "export", "--format", "xml")[0] == 2
    assert run(runner, "export", "--format", "json", "--account", "Nope")[0] == 1


def test_an_account_is_found_without_its_accents(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSM types "rostvik" or "deneigement" on an English keyboard (data/train set YG)."""
    monkeypatch.setenv("MILEPOST_TODAY", "2026-12-08")
    db = tmp_path / "accents.db"
    store = open_db(db)
    for i, name in enumerate(["Røstvik Tørrfisk AS", "Déneigement Charbonneau", "Café Alto"]):
        write_meeting(store, analysis(f"/c/{i}.txt", "2026-11-03", []), f"h{i}", name)
    for typed, name in [
        ("rostvik", "Røstvik Tørrfisk AS"),
        ("DENEIGEMENT", "Déneigement Charbonneau"),
        ("cafe alto", "Café Alto"),
    ]:
        code, out = run(runner, "brief", typed, "--db", str(db))
        assert (code, out.splitlines()[0]) == (0, f"# {name}: brief for 2026-12-08")
