"""How a sentence ties back to a goal said before: the figures it names, compared by value
("6", "six", "sixty-five", "two hundred thousand"), a pronoun pointing back ("get that down to
four"), the other side putting the goal in its own words ("So the target is ..."), saying it
back ("Let me say it back. ..."), or recalling it as agreed together ("That was the one we
agreed with you in September"). Goal grouping (`goals.py`) reads these to join a restatement
to the goal it restates, and agreement reads a recalled agreement as a joint goal; the
patterns and number words live in data/goals/agreement.yaml beside the agreement cues.
"""

from __future__ import annotations

import re
from functools import lru_cache

from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.agreement_cues import fires, proposed
from milepost.pipeline.extract.claims import Claim
from milepost.pipeline.extract.meeting import Meeting

_NUMBER = re.compile(r"\b\d+\b|\b[a-z]+(?:-[a-z]+)*\b|[^\w\s]", re.I)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")


@lru_cache(maxsize=4096)
def figures(text: str) -> frozenset[int]:
    """The numbers said in text, by value: "6", "six", "sixty-five", "two hundred thousand"
    and "two hundred and fifty thousand" as 6, 6, 65, 200000 and 250000; not a digit inside a
    word ("Q2", "3PL"). An "and" after "hundred" or "thousand" goes on with the number."""
    out: set[int] = set()
    run: list[int] = []
    for token in _NUMBER.findall(_THOUSANDS.sub("", text.lower())):
        value = _value(token)
        if token == "and" and run and run[-1] in (100, 1000):
            continue
        if value is None:
            if run:
                out.add(_spoken(run))
            run = []
        else:
            run.append(value)
    if run:
        out.add(_spoken(run))
    return frozenset(out)


def _value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    values = _number_values()
    parts = token.split("-")
    return sum(values[p] for p in parts) if all(p in values for p in parts) else None


def _spoken(run: list[int]) -> int:
    """One number said in several words: [2, 100, 1000] is two hundred thousand."""
    total, current = 0, 0
    for v in run:
        if v in (100, 1000):
            current = max(current, 1) * v
            if v == 1000:
                total, current = total + current, 0
        else:
            current += v
    return total + current


@lru_cache(maxsize=1 << 14)
def points_back(text: str) -> bool:
    """text refers to something said before by a pronoun ("get that down to four", "double it")."""
    return bool(_points_back().search(text))


@lru_cache(maxsize=1)
def _points_back() -> re.Pattern[str]:
    return re.compile(cl.data("agreement.yaml")["points_back"], re.I)


@lru_cache(maxsize=1 << 14)
def recaps(text: str) -> bool:
    """text puts a goal just said in other words ("So the target is ...", "Let's make that
    the aim")."""
    return bool(_recap().search(text))


def said_back(meeting: Meeting, c: Claim) -> bool:
    """Statement c puts a goal back to the other side: a recap ("So the target is..."), a
    read-back announced ("Let me say it back. ..."), or a goal recalled as agreed together."""
    if recaps(c.text) or agreed_before(meeting, c):
        return True
    if not fires("say_back", meeting.transcript.turns[c.turn].text):  # most turns: no
        return _announced_in_turn_before(meeting, c)
    if fires("say_back", c.text):
        return True
    sents = _turn_sentences(meeting, c.turn)
    k = next((k for k, s in enumerate(sents) if s == c.text), 0)
    return k > 0 and fires("say_back", sents[k - 1])


def _announced_in_turn_before(meeting: Meeting, c: Claim) -> bool:
    """Statement c opens its turn and the same speaker's turn right before ends announcing a
    read-back, as subtitles split one person's words ("So, just so I have it right." /
    "Settlement to the member in five business days, ...")."""
    turns = meeting.transcript.turns
    if c.turn == 0 or turns[c.turn].speaker is None:
        return False
    if turns[c.turn - 1].speaker != turns[c.turn].speaker:
        return False
    if not fires("say_back", turns[c.turn - 1].text):  # most turns: no
        return False
    before = _turn_sentences(meeting, c.turn - 1)
    first = _turn_sentences(meeting, c.turn)[:1]
    return first == [c.text] and bool(before) and fires("say_back", before[-1])


def agreed_before(meeting: Meeting, c: Claim) -> str | None:
    """The sentence, statement c itself or the one right before or after it in its turn, that
    says the goal was set or agreed together before ("the goal we all signed up to was...",
    "So the goal was ... That was the one we agreed with you in September."); None if none."""
    if not fires("agreed_before", meeting.transcript.turns[c.turn].text):  # most turns: no
        return None
    sents = _turn_sentences(meeting, c.turn)
    k = next((k for k, s in enumerate(sents) if s == c.text), None)
    if k is None:
        return None
    for s in sents[k : k + 1] + sents[max(k - 1, 0) : k] + sents[k + 1 : k + 2]:
        if fires("agreed_before", s) and not proposed(s):
            return s
    return None


def _turn_sentences(meeting: Meeting, i: int) -> list[str]:
    """The sentences of turn i, cut as claims cuts them."""
    text = meeting.transcript.turns[i].text
    return [text[s.start_char : s.end_char].strip() for s in meeting.docs[i].sents]


@lru_cache(maxsize=1)
def _recap() -> re.Pattern[str]:
    return re.compile(cl.data("agreement.yaml")["recap"], re.I)


@lru_cache(maxsize=1)
def _number_values() -> dict[str, int]:
    return dict(cl.data("agreement.yaml")["number_values"])
