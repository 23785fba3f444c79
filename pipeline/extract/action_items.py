"""Action items in dialogue-act transcripts: every act is scored, not only cue-proposed ones.

In transcripts segmented into dialogue acts (a few words per turn, e.g. AMI) assignments
and plans are often said without a commitment cue ("you're gonna be doing the prototype",
"The Industrial Designer,"), spread over several acts of one speaker and clustered in the
wrap-up. A linear model (trained by scripts/train_action_items.py) scores each act from its
words and grammar, its neighbours, its place in the meeting and its speaker (the one who talks
most, and the chair: who names the meeting itself most often). A second, tiny
model then reads each act's score against the scores around it and the meeting's best ones:
every meeting has its own level (a chair who assigns tasks plainly scores high throughout,
one who mumbles them mid-meeting scores low), so an act that stands out in its meeting counts.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from milepost.models import NextStep, Turn
from milepost.pipeline.extract.commitment import Candidate, contains
from milepost.pipeline.extract.commitment_features import scored_candidates
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.extract.steps_resolve import as_step, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc

DATA = "milepost.pipeline"
MODEL_FILE = "data/steps/action_items.json"
CUES_FILE = "data/steps/action_item_cues.json"
WORD_LISTS = ("backchannels", "fillers", "leads", "copulas", "chair")
"""Keys of the cues file that are word lists, not phrase families."""
FOUND_BY = "dialogue-act+linear"
CONTEXT = 2
"""Neighbouring acts on each side whose phrase and cue families describe an act, by side.

Their words do not: under cross-validation on AMI train, neighbours' words only fitted the
training series (benchmark F1 0.539 with them, 0.549 without, before the context model)."""
WIDE = 6
"""Neighbouring acts on each side whose phrase and cue families describe an act."""
NEAR_SAME, NEAR_ANY = 3, 5
"""Acts on each side whose best score the context model reads: same speaker's, anyone's."""
TOP = 5
"""The context model compares an act with the meeting's best and TOP-th best scores."""
FLOOR = -14.0
"""Log-odds standing in for 'no act there' (a score of about 1e-6)."""
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
"""An act with none of these (backchannels aside: "Okay.", "Mm-hmm.") is never a step."""


@dataclass(frozen=True)
class ActModel:
    """Sparse logistic weights plus the decision settings chosen by cross-validation."""

    weights: dict[str, float]
    bias: float
    threshold: float
    context: dict[str, float]
    """Weights of the context model over context_columns(), plus its "bias"."""


def _read(name: str) -> dict:
    return json.loads(resources.files(DATA).joinpath(name).read_text("utf-8"))


@cache
def cues() -> dict[str, list[str]]:
    """Phrase families from data/steps/action_item_cues.json."""
    data = _read(CUES_FILE)
    return {k: v for k, v in data.items() if not k.startswith("_") and k not in WORD_LISTS}


@cache
def words(key: str) -> frozenset[str]:
    """A word list of the cues file: backchannels, fillers or leads."""
    return frozenset(_read(CUES_FILE)[key])


def says_something(doc: Doc) -> bool:
    """True when the act has a content word that is not a backchannel ("Mm-hmm." has none)."""
    return any(t.pos_ in CONTENT_POS and t.lower_ not in words("backchannels") for t in doc)


@cache
def model() -> ActModel:
    """The shipped act scorer (data/steps/action_items.json)."""
    data = _read(MODEL_FILE)
    return ActModel(data["weights"], data["bias"], data["threshold"], data["context"])


def find(meeting: Meeting, cands: list[Candidate]) -> list[NextStep]:
    """One step per act scored as an action item, in meeting order."""
    acts = as_acts(meeting)
    if acts is not meeting:
        meeting, cands = acts, scored_candidates(acts)
    m = model()
    scores = in_context(meeting, probabilities(features(meeting, cands), m), m.context)
    by_turn: dict[int, Candidate] = {}
    for cand in cands:  # the act's best-scored cue sentence says who does what
        if cand.turn not in by_turn or cand.score > by_turn[cand.turn].score:
            by_turn[cand.turn] = cand
    out = []
    for i in np.flatnonzero(scores >= m.threshold):
        if says_something(meeting.docs[i]):
            out.append(_step(meeting, by_turn.get(int(i)), int(i), float(scores[i])))
    return out


def as_acts(meeting: Meeting) -> Meeting:
    """The meeting in acts: as given, or cut into acts (act_spans) when its turns are speaker
    runs.

    Any transcript file joins one speaker's acts into one turn (no two turns in a row are
    one speaker's); the model scores acts, and a whole run as a step's quote would claim
    every act in it. The lines the reader joined are the acts where the file had several;
    a run from one line is cut into its sentences, the nearest thing to an act it still shows.

    A recording's turns are runs of Whisper's segments, parted where one speaker was silent
    for 2 s (recording.speaker_turns), so one speaker's turns can follow each other there:
    turns that joined lines are cut at them all the same (act_spans). AMI train made into such
    turns, one speaker's acts joined into segments of up to 4 / 8 / 15 s (train_action_items.py
    --recorded, series-held-out models, benchmark F1): turns scored whole 0.351 at any length;
    cut at the segments 0.594 / 0.552 / 0.494; at the segments and their sentences (shipped)
    0.591 / 0.572 / 0.549.
    """
    spans = act_cuts(meeting)
    if spans is None:
        return meeting
    turns = meeting.transcript.turns
    docs = [meeting.docs[k][a:b].as_doc() for k, a, b in spans]
    said = [
        Turn(speaker=turns[k].speaker, text=d.text)
        for (k, _, _), d in zip(spans, docs, strict=True)
    ]
    transcript = meeting.transcript.model_copy(update={"turns": said})
    return Meeting(transcript, docs, meeting.date, meeting.roster, meeting.sides, meeting.names)


def act_cuts(meeting: Meeting) -> list[tuple[int, int, int]] | None:
    """The acts as_acts cuts the meeting into (act_spans), or None when its turns are acts
    already: one speaker's turns follow each other and none joined several lines."""
    turns = meeting.transcript.turns
    pairs = zip(turns, turns[1:], strict=False)
    runs = not any(a.speaker is not None and a.speaker == b.speaker for a, b in pairs)
    if not runs and not any(turn.joins() for turn in turns):
        return None
    return act_spans(meeting, runs)


def act_spans(meeting: Meeting, runs: bool = True) -> list[tuple[int, int, int]]:
    """The acts of a meeting read as speaker runs, as (turn, first token, end token): each line
    the reader joined into a run (Turn.joins), or each sentence of a run read from one line
    (a turn from one line stays whole when the turns are not `runs`: it is an act).

    The lines of a file written one act a line are its acts; cut further into sentences they
    did worse under series-held-out CV on AMI train read as runs (F1 0.584 against 0.599 for
    the lines alone; the run's sentences alone 0.536). A recording's lines are Whisper's
    segments, not acts: they are cut into their sentences too."""
    audio = meeting.transcript.input_format == "audio"
    out: list[tuple[int, int, int]] = []
    for k, (turn, doc) in enumerate(zip(meeting.transcript.turns, meeting.docs, strict=True)):
        sentences = [s.start for s in doc.sents] if runs or audio else [0]
        starts = [0, *_line_starts(turn, doc)] if turn.joins() else sentences
        if audio:
            starts += sentences
        edges = sorted({c for c in starts if c < len(doc)}) + [len(doc)]
        out.extend((k, a, b) for a, b in zip(edges, edges[1:], strict=False) if a < b)
    return out


def _line_starts(turn: Turn, doc: Doc) -> list[int]:
    """The token where each later line of the run begins (Turn.joins counts words)."""
    words = [m.start() for m in _WORD.finditer(turn.text)]
    starts = [t.idx for t in doc]
    return [bisect_left(starts, words[n]) for n in turn.joins() if n < len(words)]


_WORD = re.compile(r"\S+")


def probabilities(feats: list[dict[str, float]], m: ActModel) -> np.ndarray:
    """Logistic scores of each act's features."""
    z = np.array([sum(m.weights.get(k, 0.0) * v for k, v in f.items()) for f in feats])
    return 1.0 / (1.0 + np.exp(-np.clip(z + m.bias, -30.0, 30.0)))


def in_context(meeting: Meeting, scores: np.ndarray, context: dict[str, float]) -> np.ndarray:
    """Each act's score read against its neighbours' and the meeting's best (context model)."""
    speakers = [t.speaker for t in meeting.transcript.turns]
    cols = context_columns(speakers, scores)
    z = np.full(len(scores), context["bias"])
    for k, w in context.items():
        if k != "bias":
            z += w * cols[k]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def context_columns(speakers: list[str | None], scores: np.ndarray) -> dict[str, np.ndarray]:
    """Log-odds of each act, of the best act near it, and its gap to the meeting's best."""
    p = np.clip(scores, 1e-6, 1 - 1e-6)
    z = np.log(p / (1 - p))
    n = len(z)
    same, near = np.full(n, FLOOR), np.full(n, FLOOR)
    for i in range(n):
        for j in range(max(0, i - NEAR_ANY), min(n, i + NEAR_ANY + 1)):
            if j != i:
                near[i] = max(near[i], z[j])
                if abs(j - i) <= NEAR_SAME and speakers[j] == speakers[i]:
                    same[i] = max(same[i], z[j])
    top = np.sort(z)[::-1] if n else np.zeros(1)
    return {
        "own": z,
        "same_speaker_near": same,
        "anyone_near": near,
        "below_best": z - top[0],
        "below_top": z - top[min(TOP, len(top)) - 1],
    }


def features(meeting: Meeting, cands: list[Candidate]) -> list[dict[str, float]]:
    """Features of every act: its own, its neighbours', its place and its speaker's."""
    own = [_own(doc) for doc in meeting.docs]
    for cand in cands:
        own[cand.turn][f"cf:{cand.first_cue}"] = 1.0
    speakers = [t.speaker for t in meeting.transcript.turns]
    said = _words_said(meeting)
    rank = _speaker_rank(said)
    chair = _chair(meeting, said)
    n = len(own)
    out = []
    for i, f in enumerate(own):
        g = dict(f)
        for j in range(max(0, i - CONTEXT), min(n, i + CONTEXT + 1)):
            if j == i:
                continue
            side = "p" if j < i else "n"
            g.update({f"c{side}{k}": 1.0 for k in own[j] if k.startswith(("ph:", "cf:"))})
        for j in range(max(0, i - WIDE), min(n, i + WIDE + 1)):
            g.update({f"wide{k}": 1.0 for k in own[j] if k.startswith(("ph:", "cf:"))})
        g[f"pos:{min(int(10 * i / max(n, 1)), 9)}"] = 1.0
        g[f"tail:{_bucket(n - i, (25, 50, 100, 200))}"] = 1.0
        g[f"rank:{rank.get(speakers[i], 3)}"] = 1.0
        g["chair"] = float(chair is not None and speakers[i] == chair)
        g[f"run:{_bucket(_run(speakers, i), (2, 4, 8, 16))}"] = 1.0
        g["prev_same"] = float(i > 0 and speakers[i - 1] == speakers[i])
        g["next_same"] = float(i + 1 < n and speakers[i + 1] == speakers[i])
        out.append({k: v for k, v in g.items() if v})
    return out


def _own(doc: Doc) -> dict[str, float]:
    """The act's words, bigrams, verb lemmas, modals, subjects and phrase-family hits."""
    f: dict[str, float] = {"bias": 1.0}
    toks = [t for t in doc if not t.is_punct and not t.is_space]
    low = [t.lower_ for t in toks]
    f.update({f"w:{w}": 1.0 for w in low})
    f.update({f"b:{a}_{b}": 1.0 for a, b in zip(low, low[1:], strict=False)})
    for t in toks:
        f[f"l:{t.lemma_.lower()}"] = 1.0
        if t.pos_ == "VERB":
            f[f"v:{t.lemma_.lower()}"] = 1.0
        if t.tag_ == "MD":
            f[f"md:{t.lower_}"] = 1.0
        if t.dep_ == "nsubj" and t.pos_ == "PRON":
            f[f"subj:{t.lower_}"] = 1.0
    f[f"len:{_bucket(len(toks), (2, 4, 8, 16))}"] = 1.0
    text = doc.text  # spaCy rebuilds this string from the tokens on every access
    f["question"] = float(text.rstrip().endswith("?"))
    f["trailing"] = float(text.rstrip().endswith((",", "-", "\u2014")))
    for family, phrases in cues().items():
        hit = contains(text, phrases)
        if hit is not None:
            f[f"ph:{family}"] = 1.0
            f[f"ph={hit}"] = 1.0
    return f


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


def _run(speakers: list[str | None], i: int) -> int:
    """How many consecutive acts the speaker of act i says, i's among them."""
    lo = hi = i
    while lo > 0 and speakers[lo - 1] == speakers[i]:
        lo -= 1
    while hi + 1 < len(speakers) and speakers[hi + 1] == speakers[i]:
        hi += 1
    return hi - lo + 1


def _words_said(meeting: Meeting) -> dict[str | None, int]:
    """Tokens said by each speaker, speakers in the order they first speak."""
    said: dict[str | None, int] = {}
    for turn, doc in zip(meeting.transcript.turns, meeting.docs, strict=True):
        said[turn.speaker] = said.get(turn.speaker, 0) + len(doc)
    return said


def _speaker_rank(said: dict[str | None, int]) -> dict[str | None, int]:
    """Speakers by share of the words said, 0 for whoever talks most (often the chair)."""
    order = sorted(said, key=lambda s: -said[s])
    return {s: min(k, 3) for k, s in enumerate(order)}


def _chair(meeting: Meeting, said: dict[str | None, int]) -> str | None:
    """Who chairs the meeting: the speaker who names the meeting itself most often (word list
    "chair": "meeting", "agenda"), ties (nobody naming it among them) to whoever says more words.

    Whoever runs a meeting assigns its tasks (AMI train: 226 of 255 action items are the
    project manager's), and the chair is not the one who talks most: the most words are the
    project manager's in 36 of AMI train's 66 meetings, "meeting"/"agenda" most often in 64.
    A meeting where nobody names it still has a chair: with none, every act read as nobody's
    (a call heard as one voice, placed by the roster, lost all its steps)."""
    named: dict[str | None, int] = {}
    for turn, doc in zip(meeting.transcript.turns, meeting.docs, strict=True):
        hits = sum(1 for t in doc if t.lower_ in words("chair"))
        named[turn.speaker] = named.get(turn.speaker, 0) + hits
    return max(named, key=lambda s: (named[s], said[s]), default=None)


def _step(meeting: Meeting, cand: Candidate | None, turn: int, score: float) -> NextStep:
    """The act as a step: resolved through its cue sentence when it has one."""
    doc = meeting.docs[turn]
    if cand is None:
        cand = Candidate(turn, doc[0 : len(doc)], ["ACT"], cue_start=0, cue_end=0)
    res = resolve(meeting, cand)
    said = res.action.split()
    if cand.first_cue == "ACT" and (not said or said[0].lower() in words("copulas")):
        res.action = doc.text  # "that's for": no task in the verb, the act's words say it
    res.action = readable(res.action)
    return as_step(meeting, cand, res, doc.text, score, FOUND_BY)


def readable(action: str) -> str:
    """The action without hesitations ("uh"), a leading "and"/"so" or trailing commas."""
    kept = [w for w in action.split() if w.strip(",.").lower() not in words("fillers")]
    while kept and kept[0].strip(",.").lower() in words("leads"):
        kept.pop(0)
    text = " ".join(kept).strip(" ,;:-\u2014")
    return text or action
