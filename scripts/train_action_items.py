"""Train the dialogue-act action-item scorer on AMI train; write its JSON weights.

Seeded and reproducible; reads only the AMI train split (never dev). Two models: the act
model scores each act from its own features; the context model reads those scores against
the acts around it and the meeting's best. Cross-validation grouped by meeting series (the
same team's four meetings stay in one fold) chooses the regularisation and the threshold by
the F1 that benchmarks/bench_ami.py reports: an act counts as found when it contains a found
step's evidence, said by the same speaker. The act model is then fitted on all of train and
the context model on the act model's held-out scores, and both go to
pipeline/data/steps/action_items.json. The chosen setting's held-out figures are also printed
by recording site (ES, IS, TS): the TNO teams (TS) score far below the others, so a split
rich in TS meetings scores lower than the pooled figure. Needs the dev extra (scikit-learn).

--runs also scores the meetings as a transcript file gives them (one turn per speaker run,
which run time cuts into sentences: action_items.as_acts), by the same series-held-out
models: F1 0.536 at stop 14 (as acts 0.591; the cue model on runs 0.02-0.04).

Stop 14: nothing beat the shipped model in this CV (pooled F1 0.589-0.592 over 2-3 repeats):
phrase families for individual actions and personal coaches, one's own task ("I'll check",
"I'll put"), "next phase" (0.580: TS 0.405 -> 0.441, ES and IS lower); cue family crossed with
position (0.592 at 0.30, smoothed 0.578); no absolute tail features (0.580); the context
model with the act's rank in its meeting (0.588), the 3rd or 10th best instead of the 5th
(0.576, 0.582), the meeting's length (0.588), or a second, position-free act model's score
(0.586-0.587); the same speaker's neighbours of a found act (act-level 0.608 -> 0.590-0.609).
The threshold curve peaks at 0.35 for both C (0.591; smoothed over its neighbours 0.583,
still 0.35); held-out folds range 0.376-0.745.

Stop 15: retrained on stop 14's later step cue families (cues.json's cf: features had moved, so
the shipped file no longer reproduced): CV 0.591 -> 0.589 (smoothed 0.582), same C 0.2 and
threshold 0.35. Nothing beat it (C 0.2, best threshold, smoothed in brackets): a later act
restating the act's rare content words 0.577 (0.575), only in the last fifth 0.586 (0.581),
restating an earlier act 0.576 (0.576); the other speaker's next act an "okay"/question, the
previous one a question 0.585 (0.584); speaker rank crossed with tail 0.587 (0.583) or position
0.584 (0.581); positives weighted 2x / 4x 0.579 / 0.572; C 0.4 0.578. Read as speaker runs
(--runs, fold seeds 13 and 14), a threshold of its own for sentence-cut runs is flat: mean F1
0.538 at 0.30, 0.530 at 0.35, 0.540 at 0.50, TS 0.33 at 0.30, 0.28 at 0.50; so none.

Stop 16: a run read from a file keeps where each joined line began (Turn.joins), and run time
cuts it there (action_items.act_spans): --runs (seed 13 folds, C 0.2, threshold 0.35) 0.536
(P 0.513 R 0.561, the run's sentences) -> 0.599 (P 0.689 R 0.529); lines cut further into
sentences 0.584. The act model is trained on acts as before, so action_items.json is unchanged.

Stop 17: --recorded SECONDS scores the meetings as a diarized recording gives them (as_recording:
one speaker's acts under a second apart joined into segments of up to SECONDS, then
recording.speaker_turns, which parts a speaker's run after 2 s of silence, so one speaker's
turns can follow each other and as_acts used to score every turn whole). Seed 13 folds, C 0.2,
threshold 0.35, segments up to 4 / 8 / 15 s: turns whole 0.351 (P 0.246 R 0.612) at any length;
cut at the segments 0.594 / 0.552 / 0.494; at the segments and their sentences (shipped) 0.591 /
0.572 / 0.549. --runs is unchanged (0.599). Tried in the CV and not taken (C 0.2, 3 repeats):
an act with "you" as subject and a modal or "have to"/"need to", and an imperative opening
(0.582 at 0.30, smoothed 0.578, against 0.589 / 0.582); a floor of the meeting's 1-3 best acts
whatever their score, or every act within 60-90% of the meeting's best (held-out scores of the
shipped setting, act level): 0.577-0.586 against 0.588, TS up to 0.420 at best, ES and IS down.

Stop 19: an act of the meeting's chair (action_items._chair: whoever says "meeting"/"agenda" most
often; the project manager in 64 of the 66 meetings, the most words in 36) has the feature
"chair": chosen C 0.2 t 0.35 F1 0.589 (smoothed 0.582) -> C 0.1 t 0.35 0.596 (P 0.687 R 0.527,
smoothed 0.592; folds min 0.376 -> 0.419); ES 0.658 -> 0.647, IS 0.610 -> 0.630, TS 0.400 ->
0.435; --runs 0.599 -> 0.607, --recorded 4 0.591 -> 0.586. Where nobody names the meeting (one
train meeting) whoever talks most chairs (a call heard as one voice had lost all its steps):
0.599 (P 0.690 R 0.529, smoothed 0.597; folds min 0.424), ES 0.653, IS 0.628, TS 0.437;
--runs 0.607, --recorded 4 0.588. Tried in the CV and not taken (C 0.2
unless said, best threshold, smoothed in brackets; the chair alone 0.593-0.596 (0.592-0.594)):
chair crossed with position (0.595 (0.593)) or with its phrase and cue families (0.596 (0.593));
the speaker's share of "meeting" words (0.596 (0.594)); no speaker-rank features (0.592 (0.591));
the chair as a context-model column (C 0.1 0.595 (0.594)); the chair's acts with "you" (C 0.1
0.590 (0.588)); a PERSON entity, and one in the chair's act (C 0.1 0.595 (0.592)); the step
model's best score in the act, in fifths (no chair: 0.575 (0.575)); with the chair, C 0.05 /
0.07 (0.588 (0.584) / 0.597 at t 0.30 (0.590)); acts since the chair last named the meeting,
bucketed (C 0.1 0.591 (0.590)), or a "closing" flag from 10 acts before that last naming (0.593
(0.587)).

    .venv/bin/python scripts/train_action_items.py [--cache /tmp/ami_docs] [--runs]
        [--recorded 4 8 15]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from milepost.models import Transcript, Turn
from milepost.pipeline import nlp as spacy_nlp
from milepost.pipeline.evaluate import tokens
from milepost.pipeline.extract import action_items
from milepost.pipeline.extract.commitment import candidates
from milepost.pipeline.extract.commitment_features import scored_candidates
from milepost.pipeline.extract.meeting import Meeting

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

REPO = Path(__file__).resolve().parents[1]
AMI = REPO.parent / "shared" / "eval" / "ami" / "ami_da_labels.jsonl.gz"
OUT = REPO / "pipeline" / "data" / "steps" / "action_items.json"
SEED = 13
FOLDS = 5
C_GRID = (0.1, 0.2)
CONTEXT_C = 1.0
"""The context model has five weights; it needs little regularisation."""
REPEATS = 3
"""Cross-validation is repeated over this many shuffles of the series (the curve is noisy)."""
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 14))
MIN_COUNT = 3
"""A feature seen in fewer training acts gets no weight (keeps the JSON small)."""
MIN_WEIGHT = 0.01

Example = tuple[str, Meeting, list[dict[str, float]], np.ndarray]
Design = tuple[DictVectorizer, Any, np.ndarray]
"""The act features of all of train as one matrix, and where each meeting's rows start."""


def load(split: str, cache: Path | None) -> list[Example]:
    """AMI meetings of the action-item benchmark, parsed, with act features and 0/1 labels."""

    rows_by: dict[str, list[dict[str, Any]]] = {}
    with gzip.open(AMI, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["has_action_summary_links"] and row["split"] == split:
                rows_by.setdefault(row["meeting"], []).append(row)
    nlp = spacy_nlp.load()
    out = []
    for name in sorted(rows_by):
        rows = sorted(rows_by[name], key=lambda r: (r["start"], r["idx"]))
        turns = [Turn(speaker=r["role"], text=r["text"].strip() or "…") for r in rows]
        path = cache / f"{name}.spacy" if cache else None
        docs = _parsed(nlp, turns, path)
        transcript = Transcript(source=f"ami:{name}", input_format="ami", turns=turns)
        meeting = Meeting(transcript=transcript, docs=docs)
        feats = action_items.features(meeting, candidates(meeting))
        out.append((name, meeting, feats, np.array([int(r["action"]) for r in rows])))
    return out


def design(data: list[Example]) -> Design:
    """One sparse matrix over every act of data (vectorised once for all folds)."""
    vec = DictVectorizer()
    x = vec.fit_transform([f for _, _, fs, _ in data for f in fs]).tocsr()
    return vec, x, np.cumsum([0] + [len(fs) for _, _, fs, _ in data])


def fit_acts(
    data: list[Example], des: Design, meetings: list[int], c: float
) -> tuple[LogisticRegression, np.ndarray]:
    """The act model on the given meetings, and the columns it keeps (rare features dropped)."""
    _, x, offs = des
    rows = np.concatenate([np.arange(offs[i], offs[i + 1]) for i in meetings])
    xs = x[rows]
    keep = np.flatnonzero(np.asarray((xs != 0).sum(0)).ravel() >= MIN_COUNT)
    ys = np.concatenate([data[i][3] for i in meetings])
    clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED).fit(xs[:, keep], ys)
    return clf, keep


def held_out(data: list[Example], des: Design, c: float, seed: int) -> list[np.ndarray]:
    """Each meeting's act scores from an act model that never saw its series."""
    _, x, offs = des
    out: list[np.ndarray] = [np.zeros(0)] * len(data)
    for held in folds(data, seed):
        clf, keep = fit_acts(data, des, [i for i in range(len(data)) if i not in held], c)
        for i in held:
            out[i] = clf.predict_proba(x[offs[i] : offs[i + 1]][:, keep])[:, 1]
    return out


def context_matrix(meeting: Meeting, scores: np.ndarray) -> np.ndarray:
    """The context model's inputs for every act, columns in context_columns() order."""
    speakers = [t.speaker for t in meeting.transcript.turns]
    return np.stack(list(action_items.context_columns(speakers, scores).values()), axis=1)


def fit_context(mats: list[np.ndarray], ys: list[np.ndarray]) -> LogisticRegression:
    clf = LogisticRegression(C=CONTEXT_C, max_iter=2000, random_state=SEED)
    return clf.fit(np.concatenate(mats), np.concatenate(ys))


def folds(data: list[Example], seed: int) -> list[list[int]]:
    """Meeting indices per fold, grouped by series (ES2002a..d share a team)."""
    series = sorted({name[:6] for name, *_ in data})
    random.Random(seed).shuffle(series)
    fold_of = {s: k % FOLDS for k, s in enumerate(series)}
    return [[i for i, (n, *_) in enumerate(data) if fold_of[n[:6]] == k] for k in range(FOLDS)]


def coverage(meeting: Meeting) -> list[list[int]]:
    """For each act, the acts the benchmark counts as found when it is a step's evidence.

    benchmarks/bench_ami.py counts an act as found when it contains a step's evidence (word
    tokens, same speaker), so "Okay." as evidence would find every "okay" of its speaker.
    """
    turns = meeting.transcript.turns
    padded = [f" {' '.join(tokens(t.text))} " for t in turns]
    out = []
    for i, turn in enumerate(turns):
        ev = padded[i] if padded[i].strip() else None
        out.append(
            [
                j
                for j, other in enumerate(turns)
                if ev and other.speaker == turn.speaker and ev in padded[j]
            ]
        )
    return out


def found(meeting: Meeting, scores: np.ndarray, threshold: float) -> np.ndarray:
    """The acts run time turns into steps: scored at threshold and saying something."""
    content = [action_items.says_something(d) for d in meeting.docs]
    return np.flatnonzero((scores >= threshold) & np.array(content))


Chosen = tuple[float, float, float, list[list[np.ndarray]], list[float], dict[str, np.ndarray]]
"""Pooled F1, C, threshold, C's held-out act scores, the F1 of each held-out fold, and the
counts (found, gold, hit) at that C and threshold by series (ES2002: one team's meetings)."""
SITES = {"ES": "Edinburgh", "IS": "IDIAP", "TS": "TNO"}
"""AMI's recording sites (a meeting's first two letters): teams, accents and habits differ."""


def cross_validate(data: list[Example], des: Design) -> Chosen:
    """Best (F1, C, threshold) by the benchmark's F1 over held-out series, C's scores, fold F1s."""
    covers = [coverage(m) for _, m, _, _ in data]
    best: Chosen = (0.0, C_GRID[0], 0.5, [], [], {})
    for c in C_GRID:
        raws = [held_out(data, des, c, SEED + r) for r in range(REPEATS)]
        by_series, by_fold = context_cv(data, raws, covers)
        for t in THRESHOLDS:
            row = sum(by_series[t].values(), np.zeros(6, dtype=int))
            f1 = _f1(*row[:3])
            if f1 > best[0]:
                best = (f1, c, t, raws, by_fold[t], by_series[t])
            if t in (0.2, 0.25, 0.3, 0.35, 0.4):
                p, r = row[2] / max(row[0], 1), row[2] / max(row[1], 1)
                print(
                    f"C={c} t={t:.2f}  benchmark P {p:.3f} R {r:.3f} F1 {f1:.3f}",
                    f"(found {row[0]}, hit {row[2]} of {row[1]} over {REPEATS} repeats)",
                    f"act-level F1 {_f1(*row[3:]):.3f}",
                )
    return best


def context_cv(
    data: list[Example], raws: list[list[np.ndarray]], covers: list[list[list[int]]]
) -> tuple[dict[float, dict[str, np.ndarray]], dict[float, list[float]]]:
    """The context model over held-out series: counts by threshold and series, and fold F1s."""
    names = sorted({name[:6] for name, *_ in data})
    by_series = {t: {s: np.zeros(6, dtype=int) for s in names} for t in THRESHOLDS}
    by_fold: dict[float, list[float]] = {t: [] for t in THRESHOLDS}
    for r, raw in enumerate(raws):
        mats = [context_matrix(m, s) for (_, m, _, _), s in zip(data, raw, strict=True)]
        for held in folds(data, SEED + r):
            train = [i for i in range(len(data)) if i not in held]
            ctx = fit_context([mats[i] for i in train], [data[i][3] for i in train])
            fold = {t: np.zeros(6, dtype=int) for t in THRESHOLDS}
            for i in held:
                scores = ctx.predict_proba(mats[i])[:, 1]
                for t in THRESHOLDS:
                    row = _counts(found(data[i][1], scores, t), covers[i], data[i][3])
                    fold[t] += row
                    by_series[t][data[i][0][:6]] += row
            for t in THRESHOLDS:
                by_fold[t].append(_f1(*fold[t][:3]))
    return by_series, by_fold


def _counts(picked: np.ndarray, cover: list[list[int]], ys: np.ndarray) -> np.ndarray:
    """Found, gold and hit counts by the benchmark's rule, then the same per act."""
    hits = {j for i in picked for j in cover[i]}
    bench = np.zeros(len(ys), dtype=bool)
    bench[sorted(hits)] = True
    act = np.zeros(len(ys), dtype=bool)
    act[picked] = True
    gold = ys == 1
    return np.array(
        [bench.sum(), gold.sum(), (bench & gold).sum(), act.sum(), gold.sum(), (act & gold).sum()]
    )


def _f1(found: int, gold: int, hit: int) -> float:
    p, r = hit / max(found, 1), hit / max(gold, 1)
    return 2 * p * r / max(p + r, 1e-9)


Span3 = tuple[int, int, int]


def as_runs(data: list[Example], cache: Path | None) -> list[tuple[Meeting, list[Span3]]]:
    """Each meeting as a transcript file with one act a line gives it (one turn per speaker
    run, remembering where each line started), parsed, and where each act lies in it: (turn,
    first character, end)."""

    nlp = spacy_nlp.load()
    out = []
    for name, meeting, _, _ in data:
        turns: list[Turn] = []
        spans: list[Span3] = []
        for act in meeting.transcript.turns:
            if turns and turns[-1].speaker == act.speaker:
                run = turns[-1]
                run._joins = (*run.joins(), len(run.text.split()))  # each act a line, joined
                run.text += " "
            else:
                turns.append(Turn(speaker=act.speaker, text=""))
            start = len(turns[-1].text)
            turns[-1].text += act.text
            spans.append((len(turns) - 1, start, start + len(act.text)))
        path = cache / f"{name}.runs.spacy" if cache else None
        docs = _parsed(nlp, turns, path)
        transcript = Transcript(source=f"ami:{name}", input_format="plain", turns=turns)
        out.append((Meeting(transcript=transcript, docs=docs), spans))
    return out


def _parsed(nlp: Language, turns: list[Turn], path: Path | None) -> list[Doc]:
    """The turns' parses: read from the cache file when it exists, else parsed and kept there."""
    from spacy.tokens import DocBin

    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((t.text for t in turns), batch_size=256))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


def as_recording(
    data: list[Example], longest: float, cache: Path | None
) -> list[tuple[Meeting, list[Span3]]]:
    """Each meeting as a diarized recording gives it: one speaker's acts joined into a
    Whisper-like segment while under PAUSE_S apart and up to `longest` seconds long (from the
    acts' own times), the segments made into turns by recording.speaker_turns (speaker runs,
    parted after 2 s of one speaker's silence), parsed; and where each act lies, as as_runs."""

    from milepost.pipeline.audio.recording import PAUSE_S, speaker_turns
    from milepost.pipeline.audio.transcriber import Segment

    times: dict[str, list[tuple[float, int, float]]] = {}  # start, idx, end
    with gzip.open(AMI, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["has_action_summary_links"] and row["split"] == "train":
                times.setdefault(row["meeting"], []).append((row["start"], row["idx"], row["end"]))
    nlp = spacy_nlp.load()
    out = []
    for name, meeting, _, _ in data:
        acts = meeting.transcript.turns
        segments: list[Segment] = []
        for act, (start, _, end) in zip(acts, sorted(times[name]), strict=True):
            last = segments[-1] if segments else None
            if (
                last is not None
                and last.speaker == act.speaker
                and start - last.end < PAUSE_S
                and end - last.start <= longest
            ):
                last.text, last.end = f"{last.text} {act.text}", max(last.end, end)
            else:
                segments.append(Segment(start, end, act.text, act.speaker))
        turns = speaker_turns(segments)
        spans: list[Span3] = []
        k, cursor = 0, 0
        for act in acts:  # each act's place: the next turn of its speaker that says it
            while (at := turns[k].text.find(act.text, cursor)) < 0 or turns[k].speaker != (
                act.speaker
            ):
                k, cursor = k + 1, 0
            spans.append((k, at, at + len(act.text)))
            cursor = at + len(act.text)
        path = cache / f"{name}.rec{longest:g}.spacy" if cache else None
        docs = _parsed(nlp, turns, path)
        transcript = Transcript(source=f"ami:{name}", input_format="audio", turns=turns)
        out.append((Meeting(transcript=transcript, docs=docs), spans))
    return out


def runs_figure(
    data: list[Example],
    des: Design,
    c: float,
    threshold: float,
    runs: list[tuple[Meeting, list[Span3]]],
) -> np.ndarray:
    """The benchmark's F1 on the meetings read as speaker runs, by series-held-out models.

    Run time cuts runs into acts as action_items.as_acts does (a file's runs at the lines the
    reader joined: here each act's own); an act counts as found when at least half of it lies
    in a found act of its own turn (benchmarks/bench_ami.py --as-file).
    """
    raw = held_out(data, des, c, SEED)
    mats = [context_matrix(m, s) for (_, m, _, _), s in zip(data, raw, strict=True)]
    total = np.zeros(3, dtype=int)
    for held in folds(data, SEED):
        train = [i for i in range(len(data)) if i not in held]
        clf, keep = fit_acts(data, des, train, c)
        ctx = fit_context([mats[i] for i in train], [data[i][3] for i in train])
        for i in held:
            meeting, spans = runs[i]
            acts = action_items.as_acts(meeting)
            feats = action_items.features(acts, scored_candidates(acts))
            scores = clf.predict_proba(des[0].transform(feats)[:, keep])[:, 1]
            final = ctx.predict_proba(context_matrix(acts, scores))[:, 1]
            cuts = action_items.act_cuts(meeting)
            if cuts is None:  # the turns are scored as they are
                cuts = [(k, 0, len(d)) for k, d in enumerate(meeting.docs)]
            where = [
                (k, meeting.docs[k][a:b].start_char, meeting.docs[k][a:b].end_char)
                for k, a, b in cuts
            ]
            said = [where[j] for j in found(acts, final, threshold)]
            hit = [
                any(k == t and 2 * (min(b, e) - max(a, s)) >= b - a for t, s, e in said)
                for k, a, b in spans
            ]
            gold = data[i][3] == 1
            total += [sum(hit), gold.sum(), (np.array(hit) & gold).sum()]
    return total


def print_by_site(by_series: dict[str, np.ndarray]) -> None:
    """The chosen setting's held-out counts by recording site; under it, F1/positives by series."""
    for code, place in SITES.items():
        rows = {s: row for s, row in by_series.items() if s.startswith(code)}
        total = sum(rows.values(), np.zeros(6, dtype=int))
        p, r = total[2] / max(total[0], 1), total[2] / max(total[1], 1)
        print(
            f"  {code} ({place}): P {p:.3f} R {r:.3f} F1 {_f1(*total[:3]):.3f}",
            f"(found {total[0]}, hit {total[2]} of {total[1]})",
        )
        print(
            "    "
            + ", ".join(f"{s} {_f1(*row[:3]):.3f}/{row[1] // REPEATS}" for s, row in rows.items())
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="folder to keep parsed AMI docs between runs")
    parser.add_argument("--runs", action="store_true", help="also score meetings read as runs")
    parser.add_argument(
        "--recorded",
        type=float,
        nargs="*",
        default=[],
        metavar="SECONDS",
        help="also score meetings as recordings, acts joined into segments up to SECONDS long",
    )
    args = parser.parse_args()
    data = load("train", args.cache)
    n_pos = sum(int(y.sum()) for *_, y in data)
    print(
        f"AMI train: {len(data)} meetings, {sum(len(y) for *_, y in data)} acts, {n_pos} positive"
    )
    des = design(data)
    f1, c, threshold, raws, by_fold, by_series = cross_validate(data, des)
    print(f"chosen by series-grouped CV x{REPEATS}: C={c} threshold={threshold} (F1 {f1:.3f})")
    print(
        f"F1 of the {len(by_fold)} held-out folds: mean {np.mean(by_fold):.3f},",
        f"min {min(by_fold):.3f}, max {max(by_fold):.3f}",
    )
    print_by_site(by_series)
    if args.runs:
        row = runs_figure(data, des, c, threshold, as_runs(data, args.cache))
        p, r = row[2] / max(row[0], 1), row[2] / max(row[1], 1)
        print(f"read as speaker runs (seed {SEED} folds): P {p:.3f} R {r:.3f} F1 {_f1(*row):.3f}")
    for longest in args.recorded:
        row = runs_figure(data, des, c, threshold, as_recording(data, longest, args.cache))
        p, r = row[2] / max(row[0], 1), row[2] / max(row[1], 1)
        print(
            f"read as a recording, segments up to {longest:g} s (seed {SEED} folds):",
            f"P {p:.3f} R {r:.3f} F1 {_f1(*row):.3f}",
        )
    clf, keep = fit_acts(data, des, list(range(len(data))), c)
    names = des[0].get_feature_names_out()[keep]
    weights = {
        n: round(float(w), 4)
        for n, w in zip(names, clf.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    # The context model learns from held-out act scores, as it will see them at run time.
    mats = [context_matrix(m, s) for raw in raws for (_, m, _, _), s in zip(data, raw, strict=True)]
    ctx = fit_context(mats, [y for _ in raws for *_, y in data])
    keys = list(action_items.context_columns([None], np.zeros(1)))
    context = {k: round(float(w), 5) for k, w in zip(keys, ctx.coef_[0], strict=True)}
    out = {
        "_about": "Trained by scripts/train_action_items.py on AMI train only (seed 13); "
        f"C and threshold chosen by series-grouped {FOLDS}-fold CV x{REPEATS} on the "
        f"benchmark's F1 ({f1:.3f}).",
        "bias": round(float(clf.intercept_[0]), 5),
        "context": context | {"bias": round(float(ctx.intercept_[0]), 5)},
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }
    OUT.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {OUT} ({len(weights)} weights, {OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
