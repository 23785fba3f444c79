"""Batch ingest: sidecars and precedence, discovery, idempotency, failures, kills, concurrency."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from milepost.models.sidecar import Sidecar
from milepost.pipeline.cli import cli
from milepost.pipeline.errors import ConfigError
from milepost.pipeline.ingest import Overrides, discover, ingest
from milepost.pipeline.sidecar import read_sidecar, sidecar_for
from milepost.pipeline.store import open_db

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "samples"
TEXT_SAMPLES = [
    SAMPLES / name
    for name in (
        "northwind-01-kickoff.txt",
        "northwind-02-checkin.vtt",
        "northwind-03-rollout.srt",
        "northwind-04-review.json",
        "larkspur-logistics/2026-10-13-discovery.txt",
        "larkspur-logistics/2026-10-27-demo.vtt",
    )
]


def call(i: int) -> str:
    """A small, distinct plain-text meeting."""
    return (
        f"Ana Lopez: Hi Bo, this is check-in number {i}.\n"
        f"Bo Chen: Thanks Ana. We reviewed {i} invoices this week.\n"
        "Ana Lopez: I'll send you the summary by Friday.\n"
        "Bo Chen: Great, talk soon.\n"
    )


def write_calls(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"call-{i:03d}.txt" for i in range(n)]
    for i, p in enumerate(paths):
        p.write_text(call(i))
    return paths


BROKEN_JSON = (
    "invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


# Sidecars -----------------------------------------------------------------------------


def test_file_sidecar_wins_field_by_field_over_folder(tmp_path: Path) -> None:
    (tmp_path / "meeting.yaml").write_text("account: Acme\nvendor: [Ana Lopez]\ncustomer: [Bo]\n")
    (tmp_path / "kickoff.meta.yaml").write_text("date: 2026-03-03\ncustomer: [Bo Chen]\n")
    got = sidecar_for(tmp_path / "kickoff.txt")
    assert got == Sidecar(
        account="Acme", date=date(2026, 3, 3), vendor=["Ana Lopez"], customer=["Bo Chen"]
    )
    assert sidecar_for(tmp_path / "other.vtt") == Sidecar(
        account="Acme", vendor=["Ana Lopez"], customer=["Bo"]
    )


def test_sidecar_typo_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.meta.yaml"
    bad.write_text("acount: Acme\n")
    with pytest.raises(ConfigError) as err:
        read_sidecar(bad)
    assert str(err.value) == f"{bad}: unknown field 'acount'"
    bad.write_text("date: someday\n")
    with pytest.raises(ConfigError, match="date: Input should be a valid date"):
        read_sidecar(bad)
    bad.write_text("- just\n- a list\n")
    with pytest.raises(ConfigError, match="sidecar must be a mapping of fields"):
        read_sidecar(bad)


def test_discovery_walks_folders_and_skips_non_meetings(tmp_path: Path) -> None:
    for name in (
        "a.txt",
        "b.vtt",
        "sub/c.srt",
        "sub/d.json",
        "sub/e.wav",
        "a.meta.yaml",
        "meeting.yaml",
        "a.labels.json",
        "notes.docx",
        ".hidden/x.txt",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]  # type: ignore[union-attr]
    assert found == ["a.txt", "b.vtt", "sub/c.srt", "sub/d.json", "sub/e.wav"]


def test_a_file_named_twice_is_ingested_once(tmp_path: Path) -> None:
    paths = write_calls(tmp_path / "Acme", 2)
    found = list(discover([tmp_path / "Acme", paths[0], tmp_path / "Acme" / ".." / "Acme"]))
    assert found == paths


# Ingest in this process ------------------------------------------------------------------


def _accounts(db: Database) -> list[tuple[str, str | None, str]]:
    sql = (
        "SELECT a.name, m.date, m.source FROM meetings m JOIN accounts a ON a.id = m.account_id"
        " ORDER BY m.source"
    )
    return [(r[0], r[1], Path(r[2]).name) for r in db.execute(sql)]


def test_samples_ingest_once_then_skip(tmp_path: Path) -> None:
    db_path = str(tmp_path / "s.db")
    samples = [str(p) for p in TEXT_SAMPLES]  # the text ones: no Whisper in this test
    assert run("ingest", *samples, "--jobs", "1", "--db", db_path) == (
        0,
        "Ingested 6 files: 6 new, 0 replaced, 0 skipped, 0 failed.\n",
    )
    assert run("ingest", *samples, "--db", db_path) == (
        0,
        "Ingested 6 files: 0 new, 0 replaced, 6 skipped, 0 failed.\n",
    )
    db = open_db(db_path)
    assert _accounts(db) == [
        ("Larkspur Logistics", "2026-10-13", "2026-10-13-discovery.txt"),
        ("Larkspur Logistics", "2026-10-27", "2026-10-27-demo.vtt"),
        ("Northwind Dental", "2026-09-01", "northwind-01-kickoff.txt"),
        ("Northwind Dental", "2026-09-15", "northwind-02-checkin.vtt"),
        ("Northwind Dental", "2026-10-06", "northwind-03-rollout.srt"),
        ("Northwind Dental", "2026-11-24", "northwind-04-review.json"),
    ]
    sql = (
        "SELECT s.name, s.side FROM speakers s JOIN meetings m ON m.id = s.meeting_id"
        " WHERE m.source LIKE '%northwind-01-kickoff.txt'"
    )
    sides = dict(db.execute(sql).fetchall())
    assert sides == {
        "Maya Okafor": "vendor",
        "Priya Nair": "customer",
        "Luis Ortega": "customer",
        "Tom Brennan": "vendor",
    }
    titles = [r[0] for r in db.execute("SELECT title FROM meetings ORDER BY date")]
    assert titles == [
        "Northwind Dental kickoff",
        "Northwind Dental setup check-in",
        "Northwind Dental rollout check-in",
        "Larkspur discovery call",
        "Larkspur demo",
        "Northwind Dental value review",
    ]


def test_a_copy_of_a_stored_meeting_is_skipped_and_the_summary_names_the_original(
    tmp_path: Path,
) -> None:
    """Identical bytes are stored once (steps are not counted twice), but the copy's own
    account, date or sidecar do not apply, so the summary says which file holds it."""
    first, copy = tmp_path / "a" / "call.txt", tmp_path / "b" / "call.txt"
    for path in (first, copy):
        path.parent.mkdir()
        path.write_text(call(1))
    runner = CliRunner()
    db = ["--db", str(tmp_path / "s.db"), "--jobs", "1"]
    together = runner.invoke(cli, ["ingest", str(tmp_path), *db], catch_exceptions=False)
    line = f"  skipped: {copy}: the same bytes as meeting #1 ({first}), stored once"
    assert together.output == (
        f"Ingested 2 files: 1 new, 0 replaced, 1 skipped, 0 failed.\n{line}\n"
    )
    again = runner.invoke(cli, ["ingest", str(copy), str(first), *db], catch_exceptions=False)
    assert again.output == f"Ingested 2 files: 0 new, 0 replaced, 2 skipped, 0 failed.\n{line}\n"


def test_account_from_option_else_folder(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    write_calls(tmp_path / "Acme Corp", 1)
    ingest(db, [tmp_path / "Acme Corp"], jobs=1)
    assert _accounts(db) == [("Acme Corp", None, "call-000.txt")]
    write_calls(tmp_path / "more", 2)
    given = Overrides(account="Zenith", date=date(2026, 5, 4))
    ingest(db, [tmp_path / "more" / "call-001.txt"], given, jobs=1)
    assert _accounts(db)[-1] == ("Zenith", "2026-05-04", "call-001.txt")


def test_the_sides_named_at_ingest_are_stored_with_the_meeting(tmp_path: Path) -> None:
    """The command line's roster beats the sidecar's, and a meeting without one stores none."""
    db = open_db(tmp_path / "s.db")
    write_calls(tmp_path / "Acme", 2)
    (tmp_path / "Acme" / "meeting.yaml").write_text("vendor: [Dana Ruiz]\n")
    ingest(db, [tmp_path / "Acme" / "call-000.txt"], jobs=1)
    given = Overrides(vendor=("Tom Brennan",), customer=("Raj Patel",))
    ingest(db, [tmp_path / "Acme" / "call-001.txt"], given, jobs=1)
    rosters = [json.loads(r[0]) for r in db.execute("SELECT roster FROM meetings ORDER BY id")]
    assert rosters == [
        {"vendor": ["Dana Ruiz"], "customer": []},
        {"vendor": ["Tom Brennan"], "customer": ["Raj Patel"]},
    ]


def test_one_bad_file_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    folder = tmp_path / "Acme"
    write_calls(folder, 2)
    (folder / "empty.txt").write_text("   \n")
    (folder / "broken.json").write_text("{not json")
    (folder / "bad.meta.yaml").write_text("acount: typo\n")
    (folder / "bad.txt").write_text(call(99))
    missing = tmp_path / "nope"
    code, out = run("ingest", str(folder), str(missing), "--jobs", "1")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "Ingested 6 files: 2 new, 0 replaced, 0 skipped, 4 failed."
    assert sorted(lines[1:]) == [
        f"  failed: {folder / 'bad.txt'}: bad.meta.yaml: unknown field 'acount'",
        f"  failed: {folder / 'broken.json'}: {BROKEN_JSON}",
        f"  failed: {folder / 'empty.txt'}: file is empty",
        f"  failed: {missing}: no such file or folder",
    ]
    db = open_db()
    assert db["meetings"].count == 2


def test_a_bad_folder_sidecar_is_named_with_its_line_and_one_file_is_one_file(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "Acme"
    write_calls(folder, 1)
    (folder / "meeting.yaml").write_text("account: Acme\nvendor: [Ana Lopez\n")
    assert run("ingest", str(folder), "--jobs", "1") == (
        1,
        "Ingested 1 file: 0 new, 0 replaced, 0 skipped, 1 failed.\n"
        f"  failed: {folder / 'call-000.txt'}: meeting.yaml: cannot read sidecar: "
        "line 3: expected ',' or ']', but got '<stream end>'\n",
    )


def test_a_broken_journey_map_is_one_error_naming_it_before_any_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_calls(tmp_path / "Acme", 2)
    journey = tmp_path / "journey.yaml"
    journey.write_text(
        "name: Ours\nstages:\n  - id: kickoff\n    name: Kickoff\n"
        "    description: Getting started.\n    cuse: [kickoff]\n"
    )
    monkeypatch.setenv("MILEPOST_JOURNEY", str(journey))
    code, out = run("ingest", str(tmp_path / "Acme"), "--jobs", "1")
    assert (code, out.splitlines()[-1]) == (1, f"Error: {journey}: unknown field 'stages.0.cuse'")
    assert open_db()["meetings"].count == 0


def test_changed_file_is_replaced_and_reanalyze_redoes_all(tmp_path: Path) -> None:
    folder = tmp_path / "Acme"
    paths = write_calls(folder, 2)
    assert run("ingest", str(folder), "--jobs", "1")[0] == 0
    paths[0].write_text(call(0) + "Ana Lopez: One more thing, I'll book the training.\n")
    assert run("ingest", str(folder), "--jobs", "1") == (
        0,
        "Ingested 2 files: 0 new, 1 replaced, 1 skipped, 0 failed.\n",
    )
    assert run("ingest", str(folder), "--reanalyze", "--jobs", "1") == (
        0,
        "Ingested 2 files: 0 new, 2 replaced, 0 skipped, 0 failed.\n",
    )
    db = open_db()
    assert db["meetings"].count == 2
    assert db.execute("SELECT count(*) FROM turns WHERE meeting_id = 1").fetchone() == (5,)


def test_a_rerun_with_nothing_new_never_loads_the_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from milepost.pipeline import ingest as ingest_module

    db = open_db(tmp_path / "s.db")
    write_calls(tmp_path / "Acme", 2)
    ingest(db, [tmp_path / "Acme"], jobs=1)

    def no_models() -> None:
        raise AssertionError("models loaded for nothing")

    monkeypatch.setattr(ingest_module, "worker_init", no_models)
    summary = ingest(db, [tmp_path / "Acme"], jobs=1)
    assert [r.status for r in summary.results] == ["skipped", "skipped"]


def test_process_pool_gives_the_same_store(tmp_path: Path) -> None:
    folder = tmp_path / "Acme"
    write_calls(folder, 4)
    assert run("ingest", str(folder), "--jobs", "2") == (
        0,
        "Ingested 4 files: 4 new, 0 replaced, 0 skipped, 0 failed.\n",
    )
    db = open_db()
    assert db.execute("SELECT count(*), count(DISTINCT content_hash) FROM meetings").fetchone() == (
        4,
        4,
    )
    assert db["turns"].count == 16


# Real processes ------------------------------------------------------------------------------

FRESH_WORKER = """
import importlib.util, json, sys
from pathlib import Path
from milepost.pipeline import ingest
ingest.worker_init()
import thinc.compat
found = [
    ingest.analyse_file(ingest.Job(path=Path(p), content_hash="x", account="Acme"))
    for p in sys.argv[1:]
]
hidden = ("torch" in sys.modules, thinc.compat.has_torch)
if importlib.util.find_spec("torch"):
    import torch  # diarization still gets torch after the models are loaded
print(json.dumps({"torch": hidden, "analyses": [a.model_dump(mode="json") for a in found]}))
"""


def test_a_worker_loads_spacy_without_torch_and_analyses_the_same(analyzer) -> None:  # type: ignore[no-untyped-def]
    from milepost.pipeline.analyzer import Options
    from milepost.pipeline.load import load_transcript

    paths = [str(p) for p in TEXT_SAMPLES[:2]]
    done = subprocess.run(
        [sys.executable, "-c", FRESH_WORKER, *paths], capture_output=True, text=True, check=True
    )
    got = json.loads(done.stdout)
    assert got["torch"] == [False, False]
    expected = [
        analyzer.analyze(load_transcript(Path(p).resolve()), Options(account="Acme")) for p in paths
    ]
    assert got["analyses"] == [a.model_dump(mode="json") for a in expected]


POOL_INGEST = """
import sys
from pathlib import Path
from milepost.pipeline.ingest import ingest
from milepost.pipeline.store import open_db
summary = ingest(open_db(sys.argv[1]), [Path(sys.argv[2])], jobs=2)
print(summary.count("new"), "spacy" in sys.modules, "thinc" in sys.modules)
"""


def test_with_a_pool_the_main_process_never_loads_spacy(tmp_path: Path) -> None:
    write_calls(tmp_path / "Acme", 4)
    command = [sys.executable, "-c", POOL_INGEST, str(tmp_path / "s.db"), str(tmp_path / "Acme")]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout == "4 False False\n"


def _spawn(db_path: Path, folder: Path, jobs: int = 1, **popen: Any) -> subprocess.Popen[str]:
    env = {**os.environ, "MILEPOST_DB": str(db_path)}
    return subprocess.Popen(
        [sys.executable, "-m", "milepost.pipeline", "ingest", str(folder), "--jobs", str(jobs)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def _count(db_path: Path) -> int:
    try:
        conn = sqlite3.connect(db_path, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM meetings").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # not created yet


def _assert_no_half_meeting(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    per_meeting = conn.execute(
        "SELECT m.id, (SELECT count(*) FROM turns t WHERE t.meeting_id = m.id),"
        " (SELECT count(*) FROM speakers s WHERE s.meeting_id = m.id) FROM meetings m"
    ).fetchall()
    assert per_meeting, "nothing was written"
    assert {(turns, speakers) for _, turns, speakers in per_meeting} == {(4, 2)}
    orphans = conn.execute(
        "SELECT count(*) FROM turns WHERE meeting_id NOT IN (SELECT id FROM meetings)"
    ).fetchone()
    assert orphans == (0,)
    conn.close()


def _children(pid: int) -> list[int]:
    """Live child processes of `pid` (Linux /proc)."""
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            kids.append(int(stat.parent.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("jobs", [1, 2])
def test_killed_ingest_leaves_no_half_meeting_and_rerun_completes(
    tmp_path: Path, jobs: int
) -> None:
    n = 150
    folder = tmp_path / "Acme"
    write_calls(folder, n)
    db_path = tmp_path / "killed.db"
    proc = _spawn(db_path, folder, jobs)
    deadline = time.monotonic() + 120
    while _count(db_path) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    alive = proc.poll() is None
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate()
    written = _count(db_path)
    assert alive, f"ingest ended before the kill: {err}"
    assert 0 < written < n, f"the kill came too late to test anything ({written} of {n})"
    _assert_no_half_meeting(db_path)
    assert len(workers) == (jobs if jobs > 1 else 0)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "pool workers outlived the killed ingest"

    rerun = _spawn(db_path, folder)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    skipped = written
    assert (
        out == f"Ingested {n} files: {n - skipped} new, 0 replaced, {skipped} skipped, 0 failed.\n"
    )
    assert _count(db_path) == n
    _assert_no_half_meeting(db_path)


def _ctrl_c_as_on_a_terminal() -> None:
    """In the child: SIGINT raises KeyboardInterrupt even where a test runner ignores it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_stops_at_once_says_what_is_left_and_rerun_completes(
    tmp_path: Path, jobs: int
) -> None:
    """Ctrl-C reaches the whole process group: the ingest stops within seconds (a pool used
    to analyse every queued file first), keeps what it stored, says what is left, exits 130."""
    n = 150
    folder = tmp_path / "Acme"
    write_calls(folder, n)
    db_path = tmp_path / "interrupted.db"
    proc = _spawn(
        db_path, folder, jobs, start_new_session=True, preexec_fn=_ctrl_c_as_on_a_terminal
    )
    deadline = time.monotonic() + 120
    while _count(db_path) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = _children(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)
    sent = time.monotonic()
    out, err = proc.communicate(timeout=120)
    assert time.monotonic() - sent < 10, "the interrupted ingest went on analysing"
    assert (proc.returncode, err) == (130, "")
    written = _count(db_path)
    said = re.fullmatch(
        r"Ingested (\d+) files: \1 new, 0 replaced, 0 skipped, 0 failed\.\n"
        r"Interrupted: (\d+) files not done; run the same command again to pick them up\.\n",
        out,
    )
    assert said, out
    stored, left = int(said[1]), int(said[2])
    assert stored + left == n and 0 < written < n
    assert written - stored in (0, 1)  # Ctrl-C between a meeting's commit and its line
    _assert_no_half_meeting(db_path)
    assert not any(_alive(w) for w in workers), "pool workers outlived the interrupted ingest"

    rerun = _spawn(db_path, folder)
    rerun.communicate(timeout=300)
    assert rerun.returncode == 0
    assert _count(db_path) == n
    _assert_no_half_meeting(db_path)


def test_two_concurrent_ingests_share_one_store(tmp_path: Path) -> None:
    n = 40
    folder = tmp_path / "Acme"
    write_calls(folder, n)
    db_path = tmp_path / "shared.db"
    first, second = _spawn(db_path, folder), _spawn(db_path, folder)
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outs
    assert _count(db_path) == n
    _assert_no_half_meeting(db_path)
    new = [int(out.split(": ")[1].split(" new")[0]) for out, _ in outs]
    skipped = [int(out.split("replaced, ")[1].split(" skipped")[0]) for out, _ in outs]
    assert sum(new) == n
    assert sum(skipped) == n
