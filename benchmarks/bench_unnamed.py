"""Transcripts without speaker names: labelled meetings rewritten as raw ASR text, `Speaker N`
blocks and unnamed SRT, read back through format detection and scored with no roster.

Every labelled training meeting whose file names its speakers (cs_train, data/train) is
rewritten as each variant; the labels stay as they are (evidence matching is on lower-cased
word tokens, so dropped case and punctuation do not change what matches):

  named        the file as it is, no roster (the yardstick the others lose against)
  paragraphs   names dropped, text as it is, one paragraph per turn between blank lines
  asr-periods  raw ASR text: names dropped, lower case, punctuation stripped but sentence
               ends kept as periods, one paragraph per turn between blank lines
  asr-bare     the same with no punctuation at all
  asr-lines    asr-bare with one line per turn and no blank lines
  asr-block    asr-periods as one block of text, no paragraph breaks
  asr-runs     asr-periods with several turns to a paragraph (a break at the first turn end
               after RUN_WORDS words), as the raw text files in the training sets come
  asr-runs-bare  the same with no punctuation at all
  speaker-n    `Speaker N:` alone above each turn's paragraph, N by first appearance
  srt          unnamed SRT, one cue per sentence (Whisper-like), punctuation kept
  srt-bare     unnamed SRT in short lower-case cues with no punctuation (auto captions)

Prints, per variant and group of sets (and per set with --per-set), the turns read and the
`milepost eval` figures. Training meetings only: never point it at cs_dev or data/heldout.

    .venv/bin/python benchmarks/bench_unnamed.py [--variants named,asr-bare,...]
        [--sets ghijklmnopqrs] [--per-set] [--write DIR]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from milepost.models import Transcript, Turn
from milepost.pipeline import formats
from milepost.pipeline.analyzer import Analyzer, Options
from milepost.pipeline.evaluate import Report, score_file
from milepost.pipeline.formats import writers

REPO = Path(__file__).resolve().parents[1]
CS_TRAIN = REPO.parent / "shared" / "eval" / "cs_train"
OWN_TRAIN = REPO / "data" / "train"
OLD_SETS = "abcdef"
SENTENCE = re.compile(r"(?<=[.?!…])\s+")
WORDS_PER_S = 2.6
CUE_WORDS = 8  # auto-caption cues
RUN_WORDS = 120  # paragraph length in asr-runs
# punctuation ASR output leaves out; commas and points inside numbers (1,284 and 3.5) stay
_DROP = re.compile(r"(?<!\d)[,.](?!\d)|[,.](?=\s|$)|[;:\"“”()\[\]{}*]|\s[-–—]+(?=\s)|[–—]")
_ENDS = re.compile(r"[?!…]+")


def asr(text: str, periods: bool) -> str:
    """Raw ASR text: lower case, no punctuation but (when `periods`) a period per sentence."""
    low = _ENDS.sub(".", text.lower().replace("’", "'").replace("‘", "'"))
    sentences = [s for s in SENTENCE.split(low) if s.strip()]
    cleaned = [" ".join(_DROP.sub(" ", s).split()) for s in sentences]
    return " ".join(f"{s}." if periods else s for s in cleaned if s)


def _asr_text(t: Transcript, periods: bool, sep: str) -> str:
    return sep.join(p for turn in t.turns if (p := asr(turn.text, periods))) + "\n"


def _asr_runs(t: Transcript, periods: bool) -> str:
    """Several turns to a paragraph: a break at the first turn end after RUN_WORDS words."""
    paragraphs: list[str] = []
    run: list[str] = []
    for turn in t.turns:
        if p := asr(turn.text, periods):
            run.append(p)
        if len(" ".join(run).split()) >= RUN_WORDS:
            paragraphs.append(" ".join(run))
            run = []
    return "\n\n".join([*paragraphs, *([" ".join(run)] if run else [])]) + "\n"


def _speaker_n(t: Transcript) -> str:
    number: dict[str | None, int] = {}
    blocks = []
    for turn in t.turns:
        n = number.setdefault(turn.speaker, len(number) + 1)
        blocks.append(f"Speaker {n}:\n{turn.text}")
    return "\n\n".join(blocks) + "\n"


def _srt(t: Transcript, bare: bool) -> str:
    """Unnamed cues timed at the turn's own times, else 2.6 words a second."""
    cues: list[Turn] = []
    clock = 0.0
    for turn in t.turns:
        if bare:
            words = asr(turn.text, periods=False).split()
            parts = [" ".join(words[i : i + CUE_WORDS]) for i in range(0, len(words), CUE_WORDS)]
        else:
            parts = [p.strip() for p in SENTENCE.split(turn.text) if p.strip()]
        n = sum(len(p.split()) for p in parts)
        start = turn.start if turn.start is not None and turn.start >= clock else clock + 0.6
        rate = 1 / WORDS_PER_S
        if turn.end is not None and turn.end > start and n:
            rate = max((turn.end - start) / n, 0.15)
        for part in parts:
            end = start + len(part.split()) * rate
            cues.append(Turn(start=round(start, 3), end=round(end, 3), text=part))
            start = end + 0.1
        clock = start
    return writers.render(Transcript(source="x", input_format="srt", turns=cues), "srt")


VARIANTS: dict[str, tuple[str, Callable[[Transcript], str] | None]] = {
    "named": ("txt", None),
    "paragraphs": ("txt", lambda t: "\n\n".join(turn.text for turn in t.turns) + "\n"),
    "asr-periods": ("txt", lambda t: _asr_text(t, True, "\n\n")),
    "asr-bare": ("txt", lambda t: _asr_text(t, False, "\n\n")),
    "asr-lines": ("txt", lambda t: _asr_text(t, False, "\n")),
    "asr-block": ("txt", lambda t: _asr_text(t, True, " ")),
    "asr-runs": ("txt", lambda t: _asr_runs(t, True)),
    "asr-runs-bare": ("txt", lambda t: _asr_runs(t, False)),
    "speaker-n": ("txt", _speaker_n),
    "srt": ("srt", lambda t: _srt(t, bare=False)),
    "srt-bare": ("srt", lambda t: _srt(t, bare=True)),
}


def label_files(sets: str) -> list[Path]:
    chosen = sorted(CS_TRAIN.glob("*.labels.json")) if "t" in sets else []
    chosen += [p for p in sorted(OWN_TRAIN.glob("x*.labels.json")) if p.name[1] in sets]
    return chosen


def meetings(sets: str, variant: str, write: Path | None) -> list[tuple[str, dict, Transcript]]:
    ext, make = VARIANTS[variant]
    items = []
    for label_file in label_files(sets):
        labels = json.loads(label_file.read_text(encoding="utf-8"))
        transcript = formats.read(label_file.parent / labels["file"])
        if not any(turn.speaker for turn in transcript.turns):
            continue  # already unnamed: nothing to take away
        if make is not None:
            stem = label_file.name.removesuffix(".labels.json")
            text = make(transcript)
            if write is not None:
                write.mkdir(parents=True, exist_ok=True)
                (write / f"{stem}.{variant}.{ext}").write_text(text, encoding="utf-8")
            transcript = formats.parse(text, f"{stem}.{variant}.{ext}")
        items.append((label_file.name, labels, transcript))
    return items


def set_name(file: str) -> str:
    return "cs_train" if file.startswith("t") else file[:2]


def groups(file: str, per_set: bool) -> list[str]:
    s = set_name(file)
    group = s if s == "cs_train" else "xa-xf" if s[1] in OLD_SETS else "xg-xs"
    return ["all", group, *([s] if per_set and s != "cs_train" else [])]


def run(analyzer: Analyzer, sets: str, variant: str, per_set: bool, write: Path | None) -> None:
    items = meetings(sets, variant, write)
    options = [
        Options(
            date=date.fromisoformat(labels["date"]) if labels.get("date") else None,
            account=labels.get("account"),
        )
        for _, labels, _ in items
    ]
    analyses = analyzer.analyze_many((t, o) for (_, _, t), o in zip(items, options, strict=True))
    reports: dict[str, Report] = {}
    turns: dict[str, int] = {}
    for (name, labels, transcript), analysis in zip(items, analyses, strict=True):
        for key in groups(name, per_set):
            reports.setdefault(key, Report()).files.append(score_file(name, analysis, labels))
            turns[key] = turns.get(key, 0) + len(transcript.turns)
    for key, report in reports.items():
        t = report.totals()
        s, g, o = t["next_steps"], t["goals"], t["verified_outcomes"]
        print(
            f"{variant:11} {key:8} {t['files']:3} mtgs {turns[key]:5} turns; steps P "
            f"{s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} side "
            f"{t['side_accuracy']:.3f} due {t['due_accuracy']:.3f}; goals F1 {g['f1']:.3f} "
            f"agreed {t['has_agreed_goal_accuracy']:.3f} stage {t['stage_accuracy']:.3f} "
            f"outcomes F1 {o['f1']:.3f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument(
        "--sets", default="t" + "abcdefghijklmnopqrstuvwxy", help="t: cs_train; a..y: xa..xy"
    )
    parser.add_argument("--per-set", action="store_true", help="figures per set too")
    parser.add_argument("--write", type=Path, help="also write the rewritten files here")
    args = parser.parse_args()
    analyzer = Analyzer()
    for variant in args.variants.split(","):
        if variant not in VARIANTS:
            parser.error(f"unknown variant {variant!r} (known: {', '.join(VARIANTS)})")
        run(analyzer, args.sets, variant, args.per_set, args.write)


if __name__ == "__main__":
    main()
