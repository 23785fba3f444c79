"""Scoring milepost against a labelled folder in the labelling guide's format.

Matching follows the eval README: a found item matches a labelled one when its evidence
overlaps the label's `evidence` or one of its `also_evidence` quotes (one contained in
the other, or token Jaccard >= 0.5, on lower-cased word tokens); one-to-one, best first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from milepost.models import Analysis, Transcript
from milepost.pipeline.errors import InputError, MilepostError

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
KINDS = ("goals", "next_steps", "verified_outcomes")


class PRF(BaseModel):
    found: int = 0
    labelled: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.labelled if self.labelled else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.found += other.found
        self.labelled += other.labelled
        self.matched += other.matched

    def summary(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "found": self.found,
            "labelled": self.labelled,
            "matched": self.matched,
        }


class FileScore(BaseModel):
    file: str
    scores: dict[str, PRF]
    side_correct: int = 0
    due_correct: int = 0
    steps_matched: int = 0
    agreed_expected: bool
    agreed_found: bool
    stage_expected: str | None
    stage_found: str | None
    missed: dict[str, list[str]] = Field(default_factory=dict)
    spurious: dict[str, list[str]] = Field(default_factory=dict)
    wrong_side: list[str] = Field(default_factory=list)
    wrong_due: list[str] = Field(default_factory=list)


@dataclass
class Report:
    files: list[FileScore] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def totals(self) -> dict[str, Any]:
        kinds = {k: PRF() for k in KINDS}
        side = due = matched = agreed = stage = 0
        for f in self.files:
            for k in KINDS:
                kinds[k].add(f.scores[k])
            side += f.side_correct
            due += f.due_correct
            matched += f.steps_matched
            agreed += f.agreed_expected == f.agreed_found
            stage += f.stage_expected == f.stage_found
        n = max(1, len(self.files))
        return {
            "files": len(self.files),
            **{k: kinds[k].summary() for k in KINDS},
            "side_accuracy": round(side / matched, 3) if matched else 0.0,
            "due_accuracy": round(due / matched, 3) if matched else 0.0,
            "has_agreed_goal_accuracy": round(agreed / n, 3),
            "stage_accuracy": round(stage / n, 3),
        }


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower().replace("’", "'"))


def overlap(found: str, labelled: str) -> float:
    """1.0 when one quote contains the other, else token Jaccard (0 when below 0.5)."""
    a, b = tokens(found), tokens(labelled)
    if not a or not b:
        return 0.0
    sa, sb = f" {' '.join(a)} ", f" {' '.join(b)} "
    if sa in sb or sb in sa:
        return 1.0
    jaccard = len(set(a) & set(b)) / len(set(a) | set(b))
    return jaccard if jaccard >= 0.5 else 0.0


def match(found: list[str], labels: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (found index, label index), best overlaps first."""
    pairs = []
    for i, ev in enumerate(found):
        for j, label in enumerate(labels):
            quotes = [label["evidence"], *label.get("also_evidence", [])]
            score = max(overlap(ev, q) for q in quotes)
            if score:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: -p[0])
    used_f: set[int] = set()
    used_l: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_f and j not in used_l:
            used_f.add(i)
            used_l.add(j)
            out.append((i, j))
    return out


def score_file(name: str, analysis: Analysis, labels: dict[str, Any]) -> FileScore:
    found_items: dict[str, list[Any]] = {
        "goals": analysis.goals,
        "next_steps": analysis.next_steps,
        "verified_outcomes": analysis.verified_outcomes,
    }
    fs = FileScore(
        file=name,
        scores={},
        agreed_expected=bool(labels.get("has_agreed_goal")),
        agreed_found=analysis.has_agreed_goal,
        stage_expected=labels.get("stage"),
        stage_found=analysis.stage.id if analysis.stage else None,
    )
    for kind in KINDS:
        found = found_items[kind]
        labelled = labels.get(kind, [])
        pairs = match([f.evidence for f in found], labelled)
        fs.scores[kind] = PRF(found=len(found), labelled=len(labelled), matched=len(pairs))
        hit_f = {i for i, _ in pairs}
        hit_l = {j for _, j in pairs}
        fs.missed[kind] = [lab["evidence"] for j, lab in enumerate(labelled) if j not in hit_l]
        fs.spurious[kind] = [f.evidence for i, f in enumerate(found) if i not in hit_f]
        if kind == "next_steps":
            for i, j in pairs:
                step, lab = found[i], labelled[j]
                fs.steps_matched += 1
                if step.side == lab["side"]:
                    fs.side_correct += 1
                else:
                    fs.wrong_side.append(f"{step.side} != {lab['side']}: {lab['evidence']}")
                if step.due == lab.get("due"):
                    fs.due_correct += 1
                else:
                    fs.wrong_due.append(
                        f"{step.due} ({step.due_text}) != {lab.get('due')} "
                        f"({lab.get('due_text')}): {lab['evidence']}"
                    )
    return fs


def labelled_files(folder: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """(transcript path, labels) for every NAME.labels.json in the folder."""
    if not folder.is_dir():
        raise InputError("not a folder of labelled meetings", folder)
    label_files = sorted(folder.glob("*.labels.json"))
    if not label_files:
        raise InputError("no *.labels.json files found", folder)
    for lf in label_files:
        labels = json.loads(lf.read_text(encoding="utf-8"))
        yield folder / labels["file"], labels


def evaluate(folder: str | Path, roster: bool = True, model: str | None = None) -> Report:
    """Analyse every labelled meeting in the folder and score it."""
    from milepost.pipeline import formats
    from milepost.pipeline.analyzer import Analyzer, Options

    analyzer = Analyzer(model)
    items = []
    report = Report()
    for path, labels in labelled_files(Path(folder)):
        try:
            transcript = formats.read(path)
        except MilepostError as exc:
            # An unreadable meeting scores as finding nothing; the run goes on.
            report.errors.append(str(exc))
            transcript = Transcript(source=str(path), input_format="unreadable", turns=[])
        options = Options(
            date=date.fromisoformat(labels["date"]) if labels.get("date") else None,
            account=labels.get("account"),
            vendor=list(labels.get("vendor_speakers", [])) if roster else [],
            customer=list(labels.get("customer_speakers", [])) if roster else [],
        )
        items.append((path.name, labels, transcript, options))
    analyses = analyzer.analyze_many((t, o) for _, _, t, o in items)
    for (name, labels, _, _), analysis in zip(items, analyses, strict=True):
        report.files.append(score_file(name, analysis, labels))
    return report


def render(report: Report, details: bool = False, per_file: bool = True) -> str:
    """Per-file lines (and misses with details) unless per_file is off, then the totals."""
    lines = _file_lines(report, details) if per_file else []
    lines.extend(f"unreadable: {e}" for e in report.errors)
    t = report.totals()
    lines.append(f"Scored {t['files']} meetings.")
    for kind in KINDS:
        k = t[kind]
        lines.append(
            f"{kind:18} P {k['precision']:.3f}  R {k['recall']:.3f}  F1 {k['f1']:.3f}"
            f"  ({k['matched']} matched, {k['found']} found, {k['labelled']} labelled)"
        )
    lines.append(
        f"side accuracy {t['side_accuracy']:.3f}  due accuracy {t['due_accuracy']:.3f}  "
        f"has_agreed_goal accuracy {t['has_agreed_goal_accuracy']:.3f}  "
        f"stage accuracy {t['stage_accuracy']:.3f}"
    )
    return "\n".join(lines)


def _file_lines(report: Report, details: bool) -> list[str]:
    """One line per file (with its misses when details are asked for)."""
    lines = []
    header = (
        f"{'file':44} {'goals':>9} {'steps':>9} {'outc':>7} {'side':>5} {'due':>5} agreed stage"
    )
    lines.append(header)
    for f in report.files:
        g, s, o = (f.scores[k] for k in KINDS)
        stage_ok = (
            "ok" if f.stage_expected == f.stage_found else f"{f.stage_found}≠{f.stage_expected}"
        )
        lines.append(
            f"{f.file[:44]:44} {g.matched:>2}/{g.found:>2}/{g.labelled:>2} "
            f"{s.matched:>2}/{s.found:>2}/{s.labelled:>2} "
            f"{o.matched:>1}/{o.found:>1}/{o.labelled:>1}"
            f" {f.side_correct:>2}/{f.steps_matched:<2} {f.due_correct:>2}/{f.steps_matched:<2} "
            f"{'ok' if f.agreed_expected == f.agreed_found else 'WRONG':6} {stage_ok}"
        )
        if details:
            for kind in KINDS:
                lines.extend(f"    missed {kind}: {e}" for e in f.missed[kind])
                lines.extend(f"    spurious {kind}: {e}" for e in f.spurious[kind])
            lines.extend(f"    side {e}" for e in f.wrong_side)
            lines.extend(f"    due {e}" for e in f.wrong_due)
    lines.append("(columns: matched/found/labelled)")
    return lines
