"""Batch ingest: discover files, skip what is stored, analyse in a process pool, write once each.

Workers are pure (a Job in, an Analysis out) and load the Analyzer once; the main
process is the single writer and stores each meeting in its own transaction, so a
kill at any moment loses nothing written and leaves no half meeting. One bad file
becomes a failure in the summary and never stops the batch.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from sqlite_utils import Database

from milepost.models import Analysis
from milepost.pipeline.errors import MilepostError
from milepost.pipeline.load import AUDIO_EXTENSIONS, is_companion, not_a_transcript
from milepost.pipeline.pools import helpers, ignore_ctrl_c
from milepost.pipeline.sidecar import sidecar_for
from milepost.pipeline.store import read, writer

TEXT_EXTENSIONS = frozenset({".txt", ".vtt", ".srt", ".json", ".md", ".text"})

Status = Literal["new", "replaced", "skipped", "failed"]


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to analyse one file (picklable)."""

    path: Path
    content_hash: str
    account: str
    date: date | None = None
    title: str | None = None
    vendor: tuple[str, ...] = ()
    customer: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileResult:
    path: Path
    status: Status
    meeting_id: int | None = None
    reason: str | None = None


@dataclass
class Summary:
    results: list[FileResult] = field(default_factory=list)
    total: int = 0
    """Files found; fewer results than this means the ingest was interrupted."""
    interrupted: bool = False
    unheard: list[str] = field(default_factory=list)
    """Options such as "--vendor 'Anna Diaz'" that named nobody who spoke in any file analysed."""

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]


@dataclass(frozen=True)
class Overrides:
    """What the user said on the command line; it beats sidecars and folder names."""

    account: str | None = None
    date: date | None = None
    vendor: tuple[str, ...] = ()
    customer: tuple[str, ...] = ()


def discover(paths: Iterable[Path]) -> Iterator[Path | FileResult]:
    """Files named directly, and transcripts and recordings found in folders (recursively);
    a file reached twice is listed once."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_meeting_file(p, path))
        elif path.is_file() and (why := not_a_transcript(path)):  # `ingest calls/*` names them
            yield FileResult(path, "skipped", reason=why)
            continue
        elif path.is_file():
            found = [path]
        else:
            yield FileResult(path, "failed", reason="no such file or folder")
            continue
        for p in found:
            if p.resolve() not in seen:
                seen.add(p.resolve())
                yield p


def plan(db: Database, path: Path, given: Overrides, reanalyze: bool) -> Job | FileResult:
    """A Job for a file that needs analysis, or its result when skipped or unreadable."""
    try:
        content_hash = file_hash(path)
        side = sidecar_for(path)
    except MilepostError as exc:
        return FileResult(path, "failed", reason=reason_for(exc, path))
    except OSError as exc:
        return FileResult(path, "failed", reason=exc.strerror or str(exc))
    found = writer.current_id(db, content_hash, pipeline_version())
    if found is not None and not reanalyze:
        return FileResult(path, "skipped", meeting_id=found, reason=copy_of(db, path, found))
    return Job(
        path=path,
        content_hash=content_hash,
        account=given.account or side.account or path.resolve().parent.name,
        date=given.date or side.date,
        title=side.title,
        vendor=given.vendor or tuple(side.vendor),
        customer=given.customer or tuple(side.customer),
    )


def ingest(
    db: Database,
    paths: Iterable[Path],
    given: Overrides | None = None,
    jobs: int | None = None,
    reanalyze: bool = False,
    on_total: Callable[[int], None] | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> Summary:
    """Store every meeting under `paths`; the summary says what was new, skipped or failed."""
    given = given or Overrides()
    summary = Summary()

    def record(result: FileResult) -> None:
        summary.results.append(result)
        if on_result:
            on_result(result)

    todo: list[Job] = []
    found = list(discover(paths))
    summary.total = len(found)
    if on_total:
        on_total(len(found))
    for item in found:
        planned = item if isinstance(item, FileResult) else plan(db, item, given, reanalyze)
        if isinstance(planned, Job):
            todo.append(planned)
        else:
            record(planned)
    if todo:
        from milepost.pipeline.journey import load_journey

        load_journey()  # a broken journey map is one error naming it, not one per file
    spoke: set[str] = set()
    try:
        for job, analysis, reason in analyse_all(todo, jobs or os.cpu_count() or 1):
            record(_store(db, job, analysis, reason, reanalyze))
            spoke |= {s.name for s in analysis.speakers} if analysis else set()
    except KeyboardInterrupt:  # Ctrl-C: what is stored stays (one transaction per meeting)
        summary.interrupted = True
    if spoke or any(r.status in ("new", "replaced") for r in summary.results):
        summary.unheard = _unheard(given, spoke)
    return summary


def _unheard(given: Overrides, spoke: set[str]) -> list[str]:
    """The roster names given on the command line that nobody who spoke answers to (matched
    as the roster is: full or first name, or a label): a typo there passed silently."""
    from milepost.pipeline.extract.sides import same_person

    named = [("vendor", n) for n in given.vendor] + [("customer", n) for n in given.customer]
    return [
        f"--{side} {name!r}" for side, name in named if not any(same_person(name, s) for s in spoke)
    ]


def analyse_all(todo: list[Job], jobs: int) -> Iterator[tuple[Job, Analysis | None, str | None]]:
    """Analyse jobs in this process or a pool; results arrive as each finishes."""
    if not todo:
        return  # nothing new: never load the models
    if jobs <= 1 or len(todo) == 1:
        worker_init()
        yield from (work(job) for job in todo)
        return
    # Ctrl-C, or the caller stopped reading: the work not done is dropped (helpers)
    with helpers(
        max_workers=min(jobs, len(todo)), initializer=pool_worker_init, initargs=(os.getpid(),)
    ) as pool:
        futures = {pool.submit(work, job): job for job in todo}
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool as exc:  # a worker died (out of memory, a crash in C code)
                yield futures[future], None, f"analysis process died: {exc}"


_analyzer: object | None = None
_load_error: MilepostError | None = None


def worker_init() -> None:
    """Load the Analyzer once per process; a missing model fails each file, not the pool."""
    global _analyzer, _load_error
    if _analyzer is not None or _load_error is not None:
        return
    from milepost.pipeline.analyzer import Analyzer

    try:
        _analyzer = Analyzer()
    except MilepostError as exc:
        _load_error = exc


def pool_worker_init(parent: int) -> None:
    """A pool worker: exit when the ingest that started it is gone (even killed), then load.
    Ctrl-C reaches the whole process group; only the main process acts on it."""
    ignore_ctrl_c()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    worker_init()


def work(job: Job) -> tuple[Job, Analysis | None, str | None]:
    """Path in, Analysis out (or the reason it failed); pure, so any engine can run it."""
    try:
        return job, analyse_file(job), None
    except MilepostError as exc:
        return job, None, reason_for(exc, job.path)
    except Exception as exc:  # a bug in one file's analysis must not stop the batch
        return job, None, f"internal error: {type(exc).__name__}: {exc}"


def analyse_file(job: Job) -> Analysis:
    from milepost.pipeline.analyzer import Analyzer, Options
    from milepost.pipeline.load import load_transcript

    if _load_error is not None:
        raise _load_error
    assert isinstance(_analyzer, Analyzer), "worker_init() runs before work()"
    transcript = load_transcript(job.path.resolve())
    options = Options(
        date=job.date, account=job.account, vendor=list(job.vendor), customer=list(job.customer)
    )
    analysis = _analyzer.analyze(transcript, options)
    if job.title:
        analysis.title = job.title
    return analysis


def reason_for(exc: MilepostError, path: Path) -> str:
    """Why a file failed, naming the other file at fault (its sidecar) when it is not the file:
    by its name when it sits beside the file, as sidecars do."""
    if exc.path is None or Path(exc.path) == path:
        return exc.message
    other = Path(exc.path)
    return f"{other.name if other.parent == path.parent else other}: {exc.message}"


def pipeline_version() -> str:
    from milepost.pipeline.analyzer import PIPELINE_VERSION

    return PIPELINE_VERSION


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _store(
    db: Database, job: Job, analysis: Analysis | None, reason: str | None, reanalyze: bool
) -> FileResult:
    if analysis is None:
        return FileResult(job.path, "failed", reason=reason)
    roster = {"vendor": job.vendor, "customer": job.customer}
    written = writer.write_meeting(
        db, analysis, job.content_hash, job.account, reanalyze, roster=roster
    )
    copy = copy_of(db, job.path, written.meeting_id) if written.outcome == "skipped" else None
    return FileResult(job.path, written.outcome, meeting_id=written.meeting_id, reason=copy)


def copy_of(db: Database, path: Path, meeting_id: int) -> str | None:
    """Why a file was skipped when its bytes are stored from another file: which one (its
    account, date and sides stay those of the stored meeting)."""
    source = read.get_meeting(db, meeting_id).source
    if Path(source) == path.resolve():
        return None
    return f"the same bytes as meeting #{meeting_id} ({source}), stored once"


def _is_meeting_file(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    if any(part.startswith(".") for part in rel.parts) or not path.is_file():
        return False
    if is_companion(path):
        return False
    return path.suffix.lower() in TEXT_EXTENSIONS | AUDIO_EXTENSIONS
