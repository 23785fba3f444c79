"""Whether both sides agreed on a goal: set jointly, or stated by one and affirmed by the other.

Read from the turns after each statement of the goal: an affirmation by the other side soon
after, a restatement by the other side that the first side confirms, and no contest first.
"""

from __future__ import annotations

from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.claims import Claim
from milepost.pipeline.extract.meeting import Meeting

AGREE_TURNS = 6


def agreed(meeting: Meeting, group: list[Claim]) -> bool:
    """Both sides accept the goal: set jointly, or stated by one side and affirmed by the other."""
    if any("joint" in c.fired for c in group):
        return True
    units = _units(meeting)
    words = set().union(*(cl.content_words(c.text) for c in group))
    for c in group:
        start = _unit_of(units, c)
        for j in range(start + 1, min(start + 1 + AGREE_TURNS, len(units))):
            speaker, text = units[j][1], units[j][2]
            if cl.first("contest", text):
                return False
            if not _other(meeting, c.speaker, speaker):
                continue
            if cl.first("affirm", text) and (j - start <= 2 or _restates(text, words)):
                return True
            if _restates(text, words) and _confirmed(meeting, units, j, words):
                return True
    return False


def _units(meeting: Meeting) -> list[tuple[int, str | None, str]]:
    """(turn, speaker, text) per turn; per sentence where the speaker is unknown, since an
    unlabelled paragraph holds several people's words."""
    out: list[tuple[int, str | None, str]] = []
    for i, (turn, doc) in enumerate(zip(meeting.transcript.turns, meeting.docs, strict=True)):
        if turn.speaker is None:
            out.extend((i, None, s.text) for s in doc.sents)
        else:
            out.append((i, turn.speaker, turn.text))
    return out


def _unit_of(units: list[tuple[int, str | None, str]], claim: Claim) -> int:
    return next(
        (k for k, (i, _, text) in enumerate(units) if i == claim.turn and claim.text in text),
        next(k for k, u in enumerate(units) if u[0] == claim.turn),
    )


def _restates(text: str, words: set[str]) -> bool:
    shared = cl.content_words(text) & words
    return len(shared) >= 3 or any(cl.is_number(w) for w in shared)


def _confirmed(
    meeting: Meeting, units: list[tuple[int, str | None, str]], j: int, words: set[str]
) -> bool:
    """The next unit by someone else says yes, or says the goal's numbers back."""
    for k in (j + 1, j + 2):
        if k < len(units) and _other(meeting, units[j][1], units[k][1]):
            text = units[k][2]
            if cl.first("contest", text):
                return False
            yes = cl.first("said_yes", text) or cl.first("affirm", text)
            numbers = {w for w in cl.content_words(text) & words if cl.is_number(w)}
            return bool(yes or numbers)
    return False


def _other(meeting: Meeting, a: str | None, b: str | None) -> bool:
    """b is on the other side from a (or, with sides unknown, a different or unnamed speaker)."""
    sa, sb = meeting.side_of(a), meeting.side_of(b)
    if "unknown" not in (sa, sb):
        return sa != sb
    return a is None or b is None or a != b
