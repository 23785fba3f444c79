"""Plain-text tables for the store's lists (meetings, steps, search hits) as people read them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from milepost.models.records import LedgerStep, SearchHit
from milepost.pipeline.extract.names import is_anonymous
from milepost.pipeline.ingest import Summary
from milepost.pipeline.store.read import MeetingRow


def table(headers: Sequence[str], rows: list[list[str]], right: Sequence[int] = (0,)) -> str:
    """Columns padded to their widest cell; the columns in `right` are right-aligned."""
    widths = [max(map(len, col)) for col in zip(headers, *rows, strict=True)]
    line = "  ".join(
        f"{{:{'>' if i in right else '<'}{w}}}" for i, w in enumerate(widths)
    ).format  # one format string for every line: lists can run to thousands of rows
    return "\n".join(line(*row).rstrip() for row in [headers, *rows])


def render_meetings(meetings: Sequence[MeetingRow], why_none: str | None = None) -> str:
    if not meetings:
        return f"No meetings: {why_none}." if why_none else "No meetings."
    rows = [
        [
            str(m.id),
            m.date or "-",
            m.account,
            m.stage or "-",
            str(m.next_steps),
            ",".join(m.flags) or "-",
            m.title or PurePath(m.source).name,
        ]
        for m in meetings
    ]
    headers = ["ID", "DATE", "ACCOUNT", "STAGE", "STEPS", "FLAGS", "MEETING"]
    return table(headers, rows, right=(0, 4))


def step_status(s: LedgerStep) -> str:
    if s.status == "done":
        return f"done (#{s.done_meeting_id})" if s.done_by == "meeting" else "done (user)"
    return "OVERDUE" if s.overdue else "open"


def render_steps(steps: list[LedgerStep], why_none: str | None = None) -> str:
    if not steps:
        return f"No steps: {why_none}." if why_none else "No steps."
    rows = [
        [
            str(s.id),
            s.account,
            s.side,
            s.action,
            owner_cell(s.owner),
            s.due or s.due_text or "-",
            step_status(s),
        ]
        for s in steps
    ]
    return table(["ID", "ACCOUNT", "SIDE", "ACTION", "OWNER", "DUE", "STATUS"], rows)


def owner_cell(owner: str | None) -> str:
    """A step's owner in the ledger: a diarizer's label ("SPEAKER_1") names nobody a CSM can
    chase, so it says so, keeping the label that finds the voice in the transcript."""
    if not owner:
        return "-"
    return f"unnamed ({owner})" if is_anonymous(owner) else owner


def render_hits(hits: list[SearchHit]) -> str:
    if not hits:
        return "No matches."
    blocks = []
    for h in hits:
        where = f"#{h.meeting_id} {h.date or 'no date'} {h.account} · {PurePath(h.source).name}"
        who = h.speaker or "unknown speaker"
        at = f" at {_clock(h.start)}" if h.start is not None else ""
        blocks.append(f"{where} · {who}{at}\n  {h.snippet}")
    return "\n".join(blocks)


def render_summary(summary: Summary) -> str:
    counts = ", ".join(f"{summary.count(s)} {s}" for s in ("new", "replaced", "skipped", "failed"))
    n = len(summary.results)
    lines = [f"Ingested {n} file{'' if n == 1 else 's'}: {counts}."]
    for r in summary.results:
        if r.reason and r.status in ("failed", "skipped"):
            lines.append(f"  {r.status}: {r.path}: {r.reason}")
    for option in summary.unheard:
        lines.append(f"  warning: {option} names nobody who speaks in the files analysed")
    if summary.interrupted:
        left = summary.total - n
        lines.append(
            f"Interrupted: {left} file{'' if left == 1 else 's'} not done;"
            " run the same command again to pick them up."
        )
    return "\n".join(lines)


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
