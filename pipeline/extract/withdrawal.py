"""How a later remark takes a goal back, or does not: a drop that names the goal ("let's not
commit to zero stockouts") or points back right after someone named it ("scratch that as a
target"), against a drop about something else ("take the link out"), and a doubt said close by
that is about another figure ("I'd be careful with eighty in year one"). Kept apart from
agreement.py, which reads these while it walks the turns after each statement of a goal.
"""

from __future__ import annotations

import re

from milepost.pipeline.extract.agreement_cues import (
    Sign,
    Unit,
    content,
    contests,
    distinctive,
    doubts,
    families,
    fires,
    frame_words,
    negated,
    number,
    quote,
)
from milepost.pipeline.extract.restatement import figures

_REFERS = re.compile(r"\b(?:that|it|this)\b", re.I)
_OBJECT = re.compile(r"\b(?:the|a|an)\s+(\w+)", re.I)
_GOAL_FRAME = re.compile(r"\b(?:goals?|targets?|plan|scorecard)\b", re.I)


def doubts_other(text: str, words: set[str], figs: frozenset[int], before: str = "") -> bool:
    """The doubt names a figure and none of the goal's, by word or value ("I'd be careful with
    eighty in year one" after a goal of zero audit findings): it is about another goal, said
    close by. ("I can't get to forty" doubts "under forty thousand a year".) A doubt that names
    no figure but points back ("Well, that's your number, not mine") is about the unit said
    just before it, when that named a figure and none of the goal's."""
    doubt = quote(text, doubts)
    said = figures(doubt)
    if not said and _REFERS.search(doubt):
        doubt, said = before, figures(before)
    return bool(said) and not said & figs and not any(number(w) for w in content(doubt) & words)


def later_drop(units: list[Unit], start: int, words: set[str]) -> Sign | None:
    """A later unit that drops the goal (see drops; far from a goal with a figure, the unit
    must name one of its figures). Later doubts are not enough: they are often about a
    revised target."""
    for k in range(max(start, 1), len(units)):
        if drops(units, k, words, far=True):
            return units[k][1], quote(units[k][2], contests)
    return None


def drops(units: list[Unit], k: int, words: set[str], far: bool = False) -> bool:
    """Unit k drops the goal by name ("let's not commit to zero stockouts"), or refers back to
    it right after someone names it ("if we put under forty in..." / "scratch that as a
    target"): two of the goal's words or numbers, since one is often chance ("let's not promise
    November things" is about something else), or one inside the drop itself ("take the
    overtime number out"). Words that only frame a goal ("target", "plan") name none. Far
    from the goal (`far`), a drop that points back ("leave it off") drops a goal with a figure
    only when one of its figures is named: its "it" is what was said close by, and the goal's
    words around it are chance ("There's an optional text that goes out the day before a
    visit. I'd leave it off until the routes are settled." drops no goal of "route building
    from six hours a week to one by May"), unless its sentence says it takes a goal off the
    plan or as a target ("Oh. Right. Then take that off the plan for now." after "can I jump
    back to the goal? The showcase slot isn't confirmed"); a drop that names its object ("I'd
    rather have no number on audit prep") needs no figure."""
    if not fires("abandon", units[k][2]):  # kept per text: most units drop nothing
        return False
    drop = families()["abandon"].search(units[k][2])
    if drop is None or negated().search(units[k][2][: drop.start()]):
        return False
    words = words - frame_words()
    if content(drop.group(0)) & words:  # "take the overtime number out"
        return True
    if _names_other(drop.group(0)):  # "take the link out": about the link, not the goal
        return False
    said = content(units[k][2])
    if k > 0 and _REFERS.search(drop.group(0)):  # "scratch that": what the unit before named
        said |= content(units[_referent(units, k, drop.start())][2])
    shared = said & words
    pointer = far and _REFERS.search(drop.group(0))  # "it": what was named close by
    unnamed = any(map(number, words)) and not any(map(number, shared))
    if pointer and unnamed and not _off_a_goal(units[k][2]):
        return False
    return len(shared) >= 2 or any(distinctive(w) for w in shared)


def _referent(units: list[Unit], k: int, start: int) -> int:
    """The unit a drop at k (from character start of its text) points back to ("that", "it"):
    the one before it, or, past a bare interjection said between ("Hold on.", "Wait, sorry."),
    the one before that (at most two back), since "Hold on. Don't write that down yet." drops
    what was said before "Hold on.". Not when the drop's own unit names something before it:
    "There's a text to the crews the day before. I'd leave it off" leaves the text off."""
    j = k - 1
    if content(units[k][2][:start]):
        return j
    while j > 0 and j > k - 3 and len(units[j][2].split()) <= INTERJECTION_WORDS:
        j -= 1
    return j


INTERJECTION_WORDS = 3
"""A unit this short names nothing a later "that" could point back to."""


def _off_a_goal(text: str) -> bool:
    """The drop's sentence says what it takes the thing off or out of, or drops it as: the
    plan, a goal, a target ("take that off the plan", "scratch that as a target")."""
    return bool(_GOAL_FRAME.search(quote(text, lambda s: fires("abandon", s))))


def _names_other(drop: str) -> bool:
    """A drop that names its own object beyond the words framing any goal ("take the link
    out"), which is then what it drops (the goal's own words were looked for first)."""
    return any(content(w) - frame_words() for w in _OBJECT.findall(drop))
