"""Store figures: write throughput next to a plain executemany, read latency, size, batch ingest.

Builds a store of 10,000 generated meetings (100 accounts, dated, 30 turns each, goals, four
steps, outcomes, stage evidence; each account's next call reports 60% of the last call's
steps done, so open steps stay bounded as in a ledger people use) and prints:
- milepost's write throughput (one transaction per meeting, skip check, ledger matching)
  next to one plain `executemany` per table of exactly the same rows into the same schema;
- `brief` (build + render, one account) and `meetings --flagged` latency, median of N;
- store size per meeting;
- batch ingest of 200 transcripts with `--jobs 2` vs `--jobs 1`: `milepost ingest` in a fresh
  process each time (real analyzer, fresh stores), alternated `--rounds` times, with the load
  average, since other work on the machine takes cores from `--jobs 2` first.

    .venv/bin/python benchmarks/bench_store.py [--meetings 10000] [--transcripts 200] [--rounds 1]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from milepost.models import Analysis
from milepost.pipeline import ledger
from milepost.pipeline.brief import build_brief, render_brief
from milepost.pipeline.listing import render_meetings
from milepost.pipeline.store import open_db
from milepost.pipeline.store.read import meeting_rows
from milepost.pipeline.store.writer import CHILD_INSERTS, child_rows, write_meeting

REPO = Path(__file__).resolve().parents[1]
THINGS = [
    "SSO guide",
    "data export",
    "pricing sheet",
    "admin training",
    "field mapping",
    "security questionnaire",
    "rollout plan",
    "usage report",
    "API keys",
    "invoice",
]
VERBS = {
    "send": "I sent",
    "finish": "We finished",
    "share": "I shared",
    "book": "We booked",
    "review": "We reviewed",
    "set up": "We've set up",
    "draft": "I drafted",
    "update": "I updated",
}
CLOSE_RATE = 0.6  # share of a meeting's steps that the account's next meeting reports done


def generated(n: int, accounts: int = 100, seed: int = 7) -> list[tuple[Analysis, str, str]]:
    """(analysis, content hash, account) for n meetings over 100 accounts, oldest first."""
    rnd = random.Random(seed)
    out = []
    pending: dict[str, list[tuple[str, str]]] = {}  # account -> (verb, thing) of its last steps
    for i in range(n):
        account = f"Account {i % accounts:03d}"
        day = date(2025, 1, 1) + timedelta(days=i // accounts * 3)
        done = [v_t for v_t in pending.get(account, []) if rnd.random() < CLOSE_RATE]
        turns = []
        for t in range(30):
            side = "vendor" if t % 2 == 0 else "customer"
            thing = rnd.choice(THINGS)
            if t % 3 == 2 and done:  # "I sent the SSO guide": closes a step of the last call
                verb, thing = done.pop()
                text = f"{VERBS[verb]} the {thing} on Monday."
            elif t % 5 == 0:  # a past-tense sentence that closes nothing
                text = f"Last month we looked at the {thing} with the team."
            else:
                text = f"Turn {t} of meeting {i}: the {thing} matters for next quarter."
            turns.append(
                {
                    "speaker": f"{side.title()} {t % 3}",
                    "side": side,
                    "start": t * 20.0,
                    "end": t * 20.0 + 18,
                    "text": text,
                }
            )
        made = [(rnd.choice(list(VERBS)), rnd.choice(THINGS)) for _ in range(4)]
        pending[account] = made
        steps = [
            {
                "action": f"{verb} the {thing}",
                "side": rnd.choice(["vendor", "customer", "joint"]),
                "owner": "Vendor 0",
                "due": (day + timedelta(days=7)).isoformat(),
                "due_text": "next week",
                "speaker": "Vendor 0",
                "evidence": f"I'll do step {k} of meeting {i}.",
                "confidence": 0.8,
                "found_by": "bench",
            }
            for k, (verb, thing) in enumerate(made)
        ]
        agreed = rnd.random() < 0.4
        a = Analysis.model_validate(
            {
                "source": f"/bench/{account}/{i}.txt",
                "input_format": "plain",
                "date": day.isoformat(),
                "title": f"Call {i}",
                "duration_s": 600.0,
                "speakers": [
                    {"name": "Vendor 0", "side": "vendor"},
                    {"name": "Customer 1", "side": "customer"},
                ],
                "turns": turns,
                "goals": [
                    {
                        "text": "cut onboarding time",
                        "category": "save_time",
                        "metric": "30%",
                        "deadline": "by Q3",
                        "agreed": agreed,
                        "evidence": "We want 30% faster.",
                        "confidence": 0.9,
                    }
                ],
                "has_agreed_goal": agreed,
                "next_steps": steps,
                "stage": {"id": "adoption", "confidence": 0.7, "evidence": ["rollout", "training"]},
                "verified_outcomes": [{"category": "save_time", "evidence": "We saved 3 days."}]
                if i % 10 == 0
                else [],
                "flags": [] if agreed else ["no_agreed_goal"],
                "pipeline_version": "bench",
            }
        )
        out.append((a, f"hash-{i}", account))
    return out


def time_ours(path: Path, items: list[tuple[Analysis, str, str]]) -> tuple[float, float]:
    """(wall, CPU) seconds to write every meeting the way ingest does."""
    db = open_db(path)
    start, cpu = time.perf_counter(), time.process_time()
    for a, h, account in items:
        write_meeting(db, a, h, account)
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    db.close()
    return elapsed


def time_plain(
    path: Path, items: list[tuple[Analysis, str, str]], fts_once: bool = False
) -> tuple[float, float]:
    """The same rows, prepared beforehand, with one executemany per table in one transaction.

    `fts_once`: the floor: no per-row FTS trigger, the full-text index built in one statement
    at the end (FTS5 flushes a segment per statement, so per-row inserts pay for it)."""
    db = open_db(path)
    if fts_once:
        db.execute("DROP TRIGGER turns_ai")
    accounts = sorted({acc for _, _, acc in items})
    ids = {acc: i + 1 for i, acc in enumerate(accounts)}
    meetings, children = [], {t: [] for t in CHILD_INSERTS}  # type: ignore[var-annotated]
    for n, (a, h, acc) in enumerate(items, start=1):
        meetings.append(
            (
                n,
                ids[acc],
                a.source,
                h,
                a.input_format,
                a.title,
                a.date,
                a.duration_s,
                a.stage.id if a.stage else None,
                0.7,
                int(a.has_agreed_goal),
                '["no_agreed_goal"]' if a.flags else "[]",
                "[]",
                a.pipeline_version,
                "2026-01-01T00:00:00",
            )
        )
        for table, rows in child_rows(n, a).items():
            children[table].extend(rows)
    start, cpu = time.perf_counter(), time.process_time()
    with db.conn:
        db.conn.executemany(
            "INSERT INTO accounts (id, name) VALUES (?, ?)", [(i, acc) for acc, i in ids.items()]
        )
        db.conn.executemany(
            "INSERT INTO meetings (id, account_id, source, content_hash, format, title, date,"
            " duration_s, stage, stage_confidence, has_agreed_goal, flags, questions,"
            " pipeline_version, ingested_at) VALUES (" + ",".join("?" * 15) + ")",
            meetings,
        )
        for table, rows in children.items():
            db.conn.executemany(CHILD_INSERTS[table], rows)
        if fts_once:
            db.execute("INSERT INTO turns_fts (turns_fts) VALUES ('rebuild')")
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    db.close()
    return elapsed


def median_ms(fn, repeat: int) -> str:  # type: ignore[no-untyped-def]
    """Median wall and CPU milliseconds of `fn`, as text."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - c0)
    wall_ms, cpu_ms = statistics.median(wall) * 1000, statistics.median(cpu) * 1000
    return f"{wall_ms:6.1f} ms wall, {cpu_ms:6.1f} ms CPU"


def write_transcripts(folder: Path, n: int) -> None:
    """n distinct text meetings made from the samples (numbered so every hash differs)."""
    samples = sorted(p for p in (REPO / "data" / "samples").rglob("*.txt") if p.is_file())
    folder.mkdir(parents=True)
    for i in range(n):
        text = samples[i % len(samples)].read_text(encoding="utf-8")
        (folder / f"m{i:03d}.txt").write_text(text + f"\n[0:09:59] Maya Okafor: Call {i}, bye.\n")


def time_ingest(folder: Path, db_path: Path, jobs: int) -> tuple[float, float, int]:
    """(wall, CPU of all processes) seconds for `milepost ingest` in a fresh process, and the
    number of new meetings; a fresh process so no model loaded earlier is inherited."""
    command = [sys.executable, "-m", "milepost.pipeline", "ingest", str(folder)]
    command += ["--db", str(db_path), "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    new = int(done.stdout.split(" files: ")[1].split(" new")[0])
    return wall, cpu, new


def load_average() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def store_figures(tmp: Path, meetings: int) -> None:
    """Write throughput next to plain executemany and the floor, closings, size."""
    items = generated(meetings)
    rows = sum(1 + sum(len(r) for r in child_rows(0, a).values()) for a, _, _ in items)
    plain = time_plain(tmp / "plain.db", items)
    floor = time_plain(tmp / "floor.db", items, fts_once=True)
    ours = time_ours(tmp / "ours.db", items)
    bare = ledger.reconcile
    ledger.reconcile = lambda *args: None  # type: ignore[assignment]
    store_only = time_ours(tmp / "store-only.db", items)
    ledger.reconcile = bare
    print(f"store write, {meetings} meetings ({rows} rows), wall / CPU seconds:")
    for name, (wall, cpu) in (
        ("plain executemany", plain),
        ("  FTS built once", floor),
        ("milepost", ours),
        ("  without ledger", store_only),
    ):
        rate = meetings / wall
        print(f"  {name:18} {wall:7.2f} s / {cpu:6.2f} s  {rate:8.0f} meetings/s (wall)")
    for name, (wall, cpu), base, note in (
        ("ratio", ours, plain, "(target <= 1.5x)"),
        ("vs FTS built once", ours, floor, "(the floor: one bulk load, FTS index built once)"),
        ("without ledger", store_only, plain, "(per-meeting transactions and checks only)"),
    ):
        print(f"  {name:18} {wall / base[0]:7.2f}x wall, {cpu / base[1]:.2f}x CPU  {note}")
    db = open_db(tmp / "ours.db")
    closed = db.execute("SELECT count(*) FROM next_steps WHERE status = 'done'").fetchone()[0]
    total = db["next_steps"].count
    print(f"  steps closed by a later meeting: {closed} of {total} ({CLOSE_RATE:.0%} reported)")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = os.path.getsize(tmp / "ours.db")
    print(f"store size: {size / 1e6:.1f} MB, {size / meetings / 1024:.1f} KiB per meeting")


def latency_figures(path: Path, meetings: int, repeat: int) -> None:
    """`brief` and `meetings --flagged` as the commands run them, on the written store."""

    def brief() -> None:
        render_brief(build_brief(open_db(path), "Account 042"))

    def flagged_one() -> None:
        render_meetings(meeting_rows(open_db(path), "Account 042", flagged=True))

    def flagged_all() -> None:
        render_meetings(meeting_rows(open_db(path), flagged=True))

    n_flagged = len(meeting_rows(open_db(path), flagged=True))
    print(f"latency, median of {repeat} (open store + query + render; target < 50 ms):")
    for label, fn in (
        (f"brief (one account, {meetings // 100} meetings)", brief),
        ("meetings --flagged --account (1 account)", flagged_one),
        (f"meetings --flagged (all {n_flagged} rows)", flagged_all),
    ):
        print(f"  {label:42} {median_ms(fn, repeat)}")


def ingest_figures(tmp: Path, transcripts: int, rounds: int) -> None:
    """`milepost ingest --jobs 1` and `--jobs 2`, alternated `rounds` times, fresh stores."""
    folder = tmp / "transcripts"
    write_transcripts(folder, transcripts)
    print(f"batch ingest, {transcripts} transcripts, real analyzer, {os.cpu_count()} cores:")
    for r in range(rounds):
        one = time_ingest(folder, tmp / f"j1-{r}.db", 1)
        two = time_ingest(folder, tmp / f"j2-{r}.db", 2)
        for jobs, (wall, cpu, new) in ((1, one), (2, two)):
            print(f"  --jobs {jobs}  {wall:6.1f} s wall, {cpu:6.1f} s CPU  ({new} new)")
        print(f"  speed-up  {one[0] / two[0]:6.2f}x  (target >= 1.7x), load {load_average()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000, help="0 skips the store")
    parser.add_argument("--transcripts", type=int, default=200, help="0 skips batch ingest")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1, help="batch ingest rounds")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {load_average()}")
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        if args.meetings:
            store_figures(tmp, args.meetings)
            latency_figures(tmp / "ours.db", args.meetings, args.repeat)
        if args.transcripts:
            ingest_figures(tmp, args.transcripts, args.rounds)


if __name__ == "__main__":
    main()
