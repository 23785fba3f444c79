"""Captions with no speaker names (Whisper segments, an unnamed SRT) read as runs of cues, for
the outcome rules that look within a turn.

A customer tells a result over a few sentences of one turn ("Median first response in December
was one hour fifty minutes. Same month last year it was nine hours. I pulled that from the
helpdesk reporting."), and the rules that set a figure against an earlier one, or find its
source in the next sentence, read the sentences of a turn. Captions cut a sentence or so a cue
and name nobody, so every sentence is a turn of its own and those rules find nothing. Here
consecutive cues are one run until the voice likely changes: the cue before asked a question,
or the cue opens with a reaction ("That's huge.", "Oof."). A transcript whose turns hold more
sentences (paragraphs, raw text) is read as it is.
"""

from __future__ import annotations

from dataclasses import replace

from milepost.models import Turn
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.extract.outcome_cues import said

SENTENCES_PER_CUE = 1.5
"""Fewer sentences a turn than this, on average, and the turns are caption cues."""
OPENING = 40
"""How many characters of a cue a reaction is looked for in."""


def runs(meeting: Meeting, found: list[cl.Claim]) -> tuple[Meeting, list[cl.Claim]]:
    """The meeting with its cues joined into runs, each run a turn of its own speaker, and its
    claims moved onto them; the meeting and claims as they are when any speaker is named or the
    turns are longer than cues."""
    turns = meeting.transcript.turns
    cues = not any(t.speaker for t in turns) and len(found) < SENTENCES_PER_CUE * len(turns)
    if not turns or not cues:
        return meeting, found
    run_of = [0]
    for before, turn in zip(turns, turns[1:], strict=False):
        run_of.append(run_of[-1] + new_voice(before.text, turn.text))
    texts: list[list[str]] = [[] for _ in range(run_of[-1] + 1)]
    for r, turn in zip(run_of, turns, strict=True):
        texts[r].append(turn.text.strip())
    # a label per run, so the rules that read "the next turn by someone else" see a new voice
    joined = [Turn(speaker=f"run {r}", text=" ".join(t)) for r, t in enumerate(texts)]
    transcript = meeting.transcript.model_copy(update={"turns": joined})
    return replace(meeting, transcript=transcript), [replace(c, turn=run_of[c.turn]) for c in found]


def new_voice(before: str, text: str) -> bool:
    """The cue is likely someone else's: the cue before asked a question, or it opens with a
    glad or sorry reaction."""
    if before.rstrip().endswith("?"):
        return True
    opening = text[:OPENING]
    return said("celebrate", opening) or said("pained", opening)
