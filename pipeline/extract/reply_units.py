"""The meeting read as the units a reply to a goal can be: a turn, or a sentence where the
speaker is unknown, since an unlabelled paragraph holds several people's words. Agreement walks
these after each statement of each goal and asks who is on the other side; they are read once
per meeting and kept, as every statement of every goal reads them again.
"""

from __future__ import annotations

from milepost.pipeline.extract.agreement_cues import Unit
from milepost.pipeline.extract.claims import Claim
from milepost.pipeline.extract.meeting import LastRead, Meeting

_LAST: LastRead[list[Unit]] = LastRead()
"""The units of the meeting last read: each goal's each statement reads them."""


def units(meeting: Meeting) -> list[Unit]:
    """(turn, speaker, text) per turn; per sentence where the speaker is unknown."""
    return _LAST.get((meeting, meeting.docs), lambda: _read(meeting))


def _read(meeting: Meeting) -> list[Unit]:
    out: list[Unit] = []
    for i, (turn, doc) in enumerate(zip(meeting.transcript.turns, meeting.docs, strict=True)):
        if turn.speaker is None:
            out.extend((i, None, s.text) for s in doc.sents)
        else:
            out.append((i, turn.speaker, turn.text))
    return out


def unit_of(units: list[Unit], claim: Claim) -> int:
    """The unit holding the claim: its turn's unit, or the sentence unit that contains it."""
    return next(
        (k for k, (i, _, text) in enumerate(units) if i == claim.turn and claim.text in text),
        next(k for k, u in enumerate(units) if u[0] == claim.turn),
    )


def other(meeting: Meeting, a: str | None, b: str | None) -> bool:
    """b is on the other side from a (or, with sides unknown, a different or unnamed speaker)."""
    sa, sb = meeting.side_of(a), meeting.side_of(b)
    if "unknown" not in (sa, sb):
        return sa != sb
    return a is None or b is None or a != b
