"""Whether both sides agreed on a goal: set jointly, or stated by one and affirmed by the other.

Read from the turns after each statement of the goal: does the other side affirm it or take
it on, answer yes when asked to confirm it, say it back (its words or its numbers), or park,
refuse, hedge on or contest it. The guide's explicit forms (set jointly, affirmed right after,
a yes to a read-back, said back and confirmed) decide alone when nobody contests the goal;
softer signs are weighed by a small logistic model (data/goals/agreement.json, trained by
scripts/train_agreement.py), so a lone "yeah" or an echoed number is not agreement by itself.
A target only put forward ("what if we set the target at...?") is not set jointly until the
other side takes it up, and a goal taken back by name ("let's not commit to zero stockouts"),
even long after it was affirmed, is not agreed. A yes or an affirmation under a negation
("Please don't write that down.") is none, and refuses a read-back. Where the speaker is
unknown, the sentences after a statement are its speaker going on until one opens a reply or
says the goal back. Cues match with or without apostrophes, since transcribed speech drops
them. `why_agreed` says which sign decided, for `--explain`.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import NamedTuple

from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract import reply_units
from milepost.pipeline.extract.agreement_cues import (
    SENTENCE,
    Sign,
    Unit,
    accepts,
    affirms,
    asks_about,
    content,
    contests,
    declines,
    denies,
    distinctive,
    doubts,
    fires,
    hedges,
    number,
    open_question,
    opens_reply,
    proposed,
    quote,
    says_yes,
    statements,
)
from milepost.pipeline.extract.claims import Claim
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.extract.reply_units import other, unit_of
from milepost.pipeline.extract.restatement import agreed_before, figures
from milepost.pipeline.extract.withdrawal import doubts_other, drops, later_drop

AGREE_UNITS = 6
"""How many units (turns, or sentences where the speaker is unknown) after a statement count."""
NEAR = 2
CONFIRM = 4
"""How many units after a restatement its confirmation may come, a clarifying question first."""
EXPLICIT = frozenset({"joint", "accept_near", "check_yes", "restate_confirmed", "accept_restate"})
"""Set jointly; affirmed by the other side right after; a yes to "is that the target?";
said back by the other side and confirmed by the first; said back and affirmed by the other
side in one breath ("two days by June, I can live with that")."""
READ_BACK = frozenset({"check_yes", "restate_confirmed", "accept_restate"})
"""The explicit forms in which the other side says the goal back or is asked to confirm it."""
TAKEN_UP = READ_BACK | {"accept_near"}
"""The explicit forms that come from the other side (not the goal said as joint alone)."""
EXPLICIT_ORDER = ("check_yes", "restate_confirmed", "accept_near", "accept_restate", "joint")
"""Which explicit form --explain names when several showed: the other side's own words first,
since the goal's quote is shown beside it."""


class Verdict(NamedTuple):
    """Why a goal counts as agreed, and the other side's confirmed restatement of it if any."""

    why: str
    said_back: str | None
    """The restatement the other side made and the first side confirmed ("So the target is
    zero recordables on line 3 this year" / "Yes"): it can carry the figure or date the
    statement left out."""


def agreed(meeting: Meeting, group: list[Claim]) -> bool:
    """Both sides accept the goal: set jointly, or stated by one side and taken up by the other."""
    return verdict(meeting, group) is not None


def why_agreed(meeting: Meeting, group: list[Claim]) -> str | None:
    """How both sides accepted the goal, naming who and quoting them; None when they did not."""
    found = verdict(meeting, group)
    return found.why if found else None


def verdict(meeting: Meeting, group: list[Claim]) -> Verdict | None:
    """The agreement on a goal, or None when both sides did not accept it."""
    seen = signs(meeting, group)
    f = dict.fromkeys(seen, 1.0)
    model = _model()
    if not decide(f, model):
        return None
    form = None if "contest" in f else next((n for n in EXPLICIT_ORDER if n in f), None)
    lead = ""
    if form is None:  # the model decided: name its strongest sign
        form = max(f, key=lambda n: model["weights"].get(n, 0.0))
        lead = f"weighed by the agreement model ({probability(f, model):.2f}): "
    speaker, quoted = seen[form]
    who = meeting.owner_name(speaker) or "another speaker"
    said_back = seen["restate_confirmed"][1] if "restate_confirmed" in seen else None
    return Verdict(f'{lead}{_explained()[form].format(who=who)}: "{quoted}"', said_back)


def read_back(meeting: Meeting, group: list[Claim]) -> bool:
    """The other side said the goal back and it was confirmed, or answered yes when asked to
    confirm it, and nobody contested it."""
    f = signs(meeting, group)
    return "contest" not in f and not READ_BACK.isdisjoint(f)


def taken_up(meeting: Meeting, group: list[Claim]) -> bool:
    """The other side affirmed the goal right after it, said it back and had it confirmed, or
    answered yes when asked to confirm it, and nobody contested it."""
    f = signs(meeting, group)
    return "contest" not in f and not TAKEN_UP.isdisjoint(f)


def _explicit(f: dict[str, float]) -> bool:
    """One of the guide's explicit forms showed, and nobody contested."""
    return "contest" not in f and not EXPLICIT.isdisjoint(f)


def decide(f: dict[str, float], model: dict) -> bool:
    """The guide's explicit forms decide alone when nobody contests the goal: set jointly,
    affirmed by the other side right after, a yes when asked to confirm it, or said back and
    confirmed. Softer signs (said back, numbers echoed, a later affirmation, an okay) are
    weighed by the model."""
    if "withdrawn" in f:  # contested or dropped by name: the last word is not a yes
        return False
    if _explicit(f):
        return True
    return probability(f, model) >= model["threshold"]


def probability(f: dict[str, float], model: dict) -> float:
    """The agreement model's probability for a goal with these features."""
    z = model["bias"] + sum(model["weights"].get(n, 0.0) * v for n, v in f.items())
    return 1.0 / (1.0 + math.exp(-z))


def features(meeting: Meeting, group: list[Claim]) -> dict[str, float]:
    """The cues for agreement on one goal, from all its statements and the turns after them."""
    return dict.fromkeys(signs(meeting, group), 1.0)


def signs(meeting: Meeting, group: list[Claim]) -> dict[str, Sign]:
    """Each cue for agreement on one goal, with where it first showed."""
    out: dict[str, Sign] = {}
    joint = next((c for c in group if "joint" in c.fired and not proposed(c.text)), None)
    if joint is not None:
        out["joint"] = (joint.speaker, joint.text)
    if not group:
        return out
    recalled = None if joint else next((c for c in group if agreed_before(meeting, c)), None)
    if recalled is not None:
        out["joint"] = (recalled.speaker, agreed_before(meeting, recalled) or recalled.text)
    units = reply_units.units(meeting)
    words = set().union(*(content(c.text) for c in group))
    figs = frozenset().union(*(figures(c.text) for c in group))
    said = frozenset(c.text for c in group)
    for c in group:
        for name, sign in _reply_features(meeting, units, c, words, figs, said).items():
            out.setdefault(name, sign)
    return out


def _reply_features(
    meeting: Meeting,
    units: list[Unit],
    c: Claim,
    words: set[str],
    figs: frozenset[int],
    said: frozenset[str],
) -> dict[str, Sign]:
    """What the other side does in the units after statement c, until a contest (a doubt
    about another figure is about another goal: see withdrawal.doubts_other)."""
    start = unit_of(units, c)
    asked = fires("check", units[start][2]) and not fires("wish", units[start][2])
    out: dict[str, Sign] = {}
    first = True
    own = _going_on(units, start, words, said)
    for j in range(start + 1, min(start + 1 + AGREE_UNITS, len(units))):
        speaker, text = units[j][1], units[j][2]
        if (doubts(text) and not doubts_other(text, words, figs, units[j - 1][2])) or (
            fires("abandon", text) and (j - start <= NEAR or drops(units, j, words))
        ):
            out.setdefault("contest", (speaker, quote(text, contests)))
            if _names(text, words) or drops(units, j, words):
                out.setdefault("withdrawn", out["contest"])
            return out
        if j <= own:  # the statement's speaker going on: can contest, cannot agree
            continue
        answers = speaker != c.speaker or own > start
        if first and answers and hedges(text):  # whoever answers first
            out.setdefault("contest", (speaker, quote(text, hedges)))
            return out
        if not other(meeting, c.speaker, speaker):
            continue
        found = dict.fromkeys(_first_reply(text, asked), quote(text)) if first else {}
        first = False
        # the sentence right after may be the same person going on, unless it opens a reply
        go_on = speaker is None and j == start + 1 and not opens_reply(text)
        found |= _reply(meeting, units, j, words, near=j - start <= NEAR, go_on=go_on)
        for name, quoted in found.items():
            out.setdefault(name, (speaker, quoted))
        if j - start <= NEAR and not go_on and "restate_other" not in found:
            yes = _asked_and_confirmed(meeting, units, j, words)
            if yes is not None:
                out.setdefault("check_yes", yes)
    withdrawn = later_drop(units, start + 1 + AGREE_UNITS, words)
    if withdrawn is not None:
        out.setdefault("contest", withdrawn)
        out.setdefault("withdrawn", withdrawn)
    return out


def _going_on(units: list[Unit], start: int, words: set[str], said: frozenset[str]) -> int:
    """Where the speaker is unknown, the last unit that is the statement's speaker going on:
    the sentences of its paragraph after it, up to one that opens a reply or says the goal
    back without being one of its statements ("Email is about 11% now. For next year I need
    18%. That's the number I put in the plan for the board." is one person; "So two days by
    June." after "I want audit prep down to two days by June. It's the big one." answers).
    start itself when the speaker is known or the next sentence answers."""
    turn, speaker = units[start][0], units[start][1]
    k = start
    while speaker is None and k + 1 < len(units) and units[k + 1][1] is None:
        text = units[k + 1][2]
        if units[k + 1][0] != turn or opens_reply(text):
            break
        if _reads_back(text, words) and not any(s in text for s in said):
            break
        k += 1
    return k


def _reply(
    meeting: Meeting, units: list[Unit], j: int, words: set[str], near: bool, go_on: bool
) -> dict[str, str]:
    """The signs in the other side's unit j after a statement, each with the sentence showing it."""
    text = units[j][2]
    said = statements(text)
    taken_on = not go_on and accepts(said)
    accepted = quote(said, accepts) if taken_on else ""
    numbers = {w for w in words if number(w)}
    found: dict[str, str] = {}
    if taken_on:
        found["accept_near" if near else "accept_far"] = accepted
    if _reads_back(text, words):
        said_back = _closest(text, words)
        found["restate_other"] = said_back
        if _confirmed(meeting, units, j, words):
            found["restate_confirmed"] = said_back
        if taken_on:
            found["accept_restate"] = accepted
    if numbers & content(text):
        found["number_echo"] = quote(text, lambda s: bool(numbers & content(s)))
    return found


def _reads_back(text: str, words: set[str]) -> bool:
    """The unit says the goal back (its figure, or three of its words), not to ask for
    something new."""
    return _restates(text, words) and not _asks_anew(text, words)


def _asks_anew(text: str, words: set[str]) -> bool:
    """The unit's sentences that share the goal's words all ask for something new ("Got it.
    And how long does it take today, from first notice to an adjuster?"), say it was not
    reached ("Fifty-eight. So not seventy.") or deny it ("Twenty-five on a one-year, honestly,
    I can't do."): no read-back."""
    sentences = [s for s in SENTENCE.split(text.strip()) if content(s) & words]
    return bool(sentences) and all(
        (s.rstrip().endswith("?") and open_question().search(s))
        or fires("shortfall", s)
        or denies(s)
        for s in sentences
    )


def _names(text: str, words: set[str]) -> bool:
    """text names the goal: one of its numbers, or two of its words."""
    shared = content(text) & words
    return len(shared) >= 2 or any(number(w) for w in shared)


def _closest(text: str, words: set[str]) -> str:
    """The sentence of text that shares most of the goal's words (the first of equals)."""
    sentences = [s for s in SENTENCE.split(text.strip()) if s] or [text]
    return max(sentences, key=lambda s: len(content(s) & words))


def _asked_and_confirmed(
    meeting: Meeting, units: list[Unit], j: int, words: set[str]
) -> Sign | None:
    """The goal's side says yes to the other side's request at j to confirm it, naming
    nothing else ("Can we hold ourselves to that?" "Yes."): who said yes, and their words."""
    if not asks_about(units[j][2], words):
        return None
    k = _confirmation(meeting, units, j, words)
    return None if k is None else (units[k][1], quote(units[k][2]))


def _confirmed(meeting: Meeting, units: list[Unit], j: int, words: set[str]) -> bool:
    return _confirmation(meeting, units, j, words) is not None


def _confirmation(meeting: Meeting, units: list[Unit], j: int, words: set[str]) -> int | None:
    """The unit where someone else answers a restatement at j with yes (or a bare "Good."), or
    at once with its numbers back; a question back ("per site or across the region?") and its
    answer may come first. None when nobody does."""
    first = True
    for k in range(j + 1, min(j + 1 + CONFIRM, len(units))):
        text = units[k][2]
        if not other(meeting, units[j][1], units[k][1]):
            continue
        if contests(text) or declines(text):  # "Please don't write that down."
            return None
        if says_yes(text) or affirms(text) or fires("approves", text):
            return k
        if first and any(number(w) for w in content(text) & words):
            return k
        if first and "?" not in text:
            return None
        first = False
    return None


def _first_reply(text: str, asked: bool) -> set[str]:
    """How the other side's first reply opens: yes, a backchannel, an okay, a deferral."""
    yes = says_yes(text)
    out = {
        "yes_first": yes,
        "backchannel_first": bool(fires("backchannel", text)),
        "weak_first": bool(fires("weak_affirm", text)),
        "defer_first": bool(fires("defer", text)),
        "check_yes": asked and (yes or affirms(text)),
    }
    return {k for k, v in out.items() if v}


def _restates(text: str, words: set[str]) -> bool:
    shared = content(text) & words
    if len(shared) >= 3 or any(distinctive(w) for w in shared):
        return True
    return len(shared) == 2 and any(number(w) for w in shared)


@lru_cache(maxsize=1)
def _explained() -> dict[str, str]:
    """How --explain words each sign ("affirmed by {who}")."""
    return cl.data("agreement.yaml")["explain"]


@lru_cache(maxsize=1)
def _model() -> dict:
    """Weights, bias and threshold of the agreement model."""
    return json.loads(cl.read_data("agreement.json"))
