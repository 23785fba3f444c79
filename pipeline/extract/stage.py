"""The customer's journey stage in this meeting, and goal-discovery questions for it.

Each stage of the journey map lists cue phrases; a meeting's stage is the one whose cues
it says most. Cues in the opening fifth count double (the agenda names the meeting's
purpose), one cue counts at most twice so a word repeated all meeting cannot win alone, and
a tie goes to the stage whose cue came first.
Any company's map works: only its cue lists are read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from milepost.models import JourneyMap, StageCall
from milepost.pipeline.extract.cues import normalise
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.journey import load_journey

OPENING = 0.2
OPENING_WEIGHT = 2.0
CUE_CAP = 2.0
MAX_EVIDENCE = 3


@dataclass
class _Hit:
    stage: str
    cue: str
    weight: float
    sentence: str


def detect(meeting: Meeting, journey: JourneyMap | None = None) -> StageCall | None:
    """The best-scoring stage with its confidence and the sentences that scored; None if no cue."""
    journey = journey or load_journey()
    hits = _hits(meeting, journey)
    if not hits:
        return None
    per_cue: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for h in hits:
        per_cue[h.stage][h.cue] += h.weight
    scores = {sid: sum(min(w, CUE_CAP) for w in c.values()) for sid, c in per_cue.items()}
    # A tie goes to the stage named first in the meeting (the agenda comes first).
    first = {h.stage: -k for k, h in reversed(list(enumerate(hits)))}
    best = max(scores, key=lambda sid: (scores[sid], first[sid]))
    return StageCall(
        id=best,
        confidence=round(scores[best] / sum(scores.values()), 3),
        evidence=_evidence(hits, best),
    )


def questions_for(stage: StageCall | None, journey: JourneyMap | None = None) -> list[str]:
    """Goal-discovery questions for the stage (the first stage's when none was found)."""
    journey = journey or load_journey()
    found = journey.get(stage.id) if stage else None
    return list((found or journey.stages[0]).questions)


def _hits(meeting: Meeting, journey: JourneyMap) -> list[_Hit]:
    # Cues indexed by their first word: a sentence is only checked for cues that can occur.
    index: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for s in journey.stages:
        for cue in s.cues:
            key = normalise(cue)
            if key.strip():
                index[key.split()[0]].append((s.id, cue, key))
    n = max(len(meeting.docs), 1)
    out = []
    for i, doc in enumerate(meeting.docs):
        weight = OPENING_WEIGHT if i < n * OPENING else 1.0
        for sent in doc.sents:
            norm = normalise(sent.text)
            for word in set(norm.split()) & index.keys():
                for sid, cue, key in index[word]:
                    count = norm.count(key)
                    if count:
                        out.append(_Hit(sid, cue, weight * count, sent.text.strip()))
    return out


def _evidence(hits: list[_Hit], stage_id: str) -> list[str]:
    """The winning stage's sentences, those matching the most distinct cues first."""
    cues: dict[str, set[str]] = defaultdict(set)
    for h in hits:
        if h.stage == stage_id:
            cues[h.sentence].add(h.cue)
    ranked = sorted(cues, key=lambda s: -len(cues[s]))
    return ranked[:MAX_EVIDENCE]
