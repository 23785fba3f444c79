"""Customer goals, their category, metric, deadline, and whether both sides agreed on them.

Every sentence is scored by the goal head of a small learned model over cue features
(`claims.py`); sentences above the threshold are grouped so a goal and its restatements
become one goal, whose evidence is the customer's clearest statement of it. Agreement is
read from the turns around the group: an affirmation by the other side, a restatement
by the other side, or a goal "we set together".
"""

from __future__ import annotations

import re

import numpy as np

from milepost.models import Goal
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.claims import Claim
from milepost.pipeline.extract.goal_text import category, deadline_of, metric_of, short_text
from milepost.pipeline.extract.meeting import Meeting

FOUND_BY = "goal-model"
SAME_GOAL_TURNS = 12
AGREE_TURNS = 6
_CONTENT = re.compile(r"[a-z][a-z'-]{3,}|\d+")
_STOP = frozenset(
    [
        "that",
        "this",
        "what",
        "with",
        "from",
        "have",
        "just",
        "like",
        "about",
        "would",
        "could",
        "they",
        "them",
        "their",
        "there",
        "then",
        "because",
        "really",
        "honestly",
        "want",
        "need",
        "okay",
        "yeah",
        "right",
        "which",
        "when",
        "where",
        "your",
        "yours",
        "were",
        "it's",
        "that's",
        "i'd",
        "we'd",
        "we're",
        "i'm",
        "don't",
        "thing",
        "things",
        "going",
        "know",
        "think",
        "said",
    ]
)


def find(meeting: Meeting) -> list[Goal]:
    """The customer's goals in the meeting, one per distinct goal, best first."""
    found = cl.claims_for(meeting)
    probs = cl.score(found, "goal")
    groups = select(found, probs, cl.model()["goal"]["threshold"])
    return [_goal(meeting, found, probs, g) for g in groups]


def has_agreed_goal(goals: list[Goal]) -> bool:
    """True when at least one goal is agreed and concrete (metric, deadline or checkable result)."""
    return any(g.agreed and (g.metric or g.deadline) for g in goals)


def select(found: list[Claim], probs: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of claim indexes, one group per goal: the best claim first, restatements after."""
    order = [int(i) for i in np.argsort(-probs) if probs[i] >= threshold]
    groups: list[list[int]] = []
    for i in order:
        home = next((g for g in groups if _same_goal(found[g[0]], found[i])), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return groups


def _same_goal(a: Claim, b: Claim) -> bool:
    wa, wb = _words(a.text), _words(b.text)
    if not wa or not wb:
        return False
    shared = wa & wb
    ratio = len(shared) / min(len(wa), len(wb))
    if abs(a.turn - b.turn) > SAME_GOAL_TURNS:
        return ratio >= 0.5
    return ratio >= 0.34 or any(w.isdigit() for w in shared)


def _words(text: str) -> set[str]:
    return {w for w in _CONTENT.findall(text.lower()) if w not in _STOP}


def _goal(meeting: Meeting, found: list[Claim], probs: np.ndarray, group: list[int]) -> Goal:
    lead = _evidence_claim(found, group)
    texts = [lead.text] + [found[i].text for i in group if found[i] is not lead]
    return Goal(
        text=short_text(lead.text),
        category=category(" ".join(texts)),
        metric=next((m for t in texts if (m := metric_of(t))), None),
        deadline=next((d for t in texts if (d := deadline_of(t))), None),
        agreed=agreed(meeting, [found[i] for i in group]),
        speaker=lead.speaker,
        side=lead.side,
        evidence=lead.text,
        confidence=round(float(probs[group[0]]), 3),
        found_by=FOUND_BY,
    )


def _evidence_claim(found: list[Claim], group: list[int]) -> Claim:
    """The group's best claim said by the customer, else its best claim."""
    own = [i for i in group if found[i].side != "vendor"]
    return found[(own or group)[0]]


def agreed(meeting: Meeting, group: list[Claim]) -> bool:
    """Both sides accept the goal: set jointly, or stated by one side and affirmed by the other."""
    if any("joint" in c.fired for c in group):
        return True
    turns = meeting.transcript.turns
    said = {c.turn for c in group}
    words = set().union(*(_words(c.text) for c in group))
    for c in group:
        for j in range(c.turn + 1, min(c.turn + 1 + AGREE_TURNS, len(turns))):
            text = turns[j].text
            if cl.first("contest", text):
                return False
            if not _other(meeting, c.speaker, turns[j].speaker):
                continue
            if cl.first("affirm", text) and (j - c.turn <= 2 or _restates(text, words)):
                return True
            if j not in said and _restates(text, words) and _confirmed(meeting, j):
                return True
    return False


def _restates(text: str, words: set[str]) -> bool:
    shared = _words(text) & words
    return len(shared) >= 3 or any(w.isdigit() for w in shared)


def _confirmed(meeting: Meeting, j: int) -> bool:
    """The turn after turn j, by someone else, says yes."""
    turns = meeting.transcript.turns
    for k in (j + 1, j + 2):
        if k < len(turns) and _other(meeting, turns[j].speaker, turns[k].speaker):
            text = turns[k].text
            return bool(cl.first("said_yes", text) or cl.first("affirm", text))
    return False


def _other(meeting: Meeting, a: str | None, b: str | None) -> bool:
    """b is on the other side from a (or, with sides unknown, a different or unnamed speaker)."""
    sa, sb = meeting.side_of(a), meeting.side_of(b)
    if "unknown" not in (sa, sb):
        return sa != sb
    return a is None or b is None or a != b
