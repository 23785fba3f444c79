"""Which found goal sentences are one goal: grouping by the goal head's probabilities.

A goal is often said more than once (a want, a figure put on it turns later, the other side
reading it back); these rules decide which sentences join one goal, so that `goals.py` makes
one goal of each group and can judge its agreement over all of the group's sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract import cue_search
from milepost.pipeline.extract.agreement_cues import checks
from milepost.pipeline.extract.claims import Claim
from milepost.pipeline.extract.goal_text import cue_pattern, deadline_of, metric_of, unit_of
from milepost.pipeline.extract.restatement import figures, points_back, recaps

SAME_GOAL_TURNS = 12
NEAR_TURNS = 3
"""How many turns after a statement a figure put on it or a read-back of it may come."""
RESTATE_FLOOR = 0.1
"""The least goal probability a sentence under the threshold needs to join a goal as its
restatement, read-back or figure."""
BIG_FIGURE = 10
"""Figures above this are particular enough to tie a sentence to a goal alone ("ninety")."""
FEW_WORDS = 3
"""The most content words besides its figure of a goal's figure said again on its own ("One
percent is what I need to see.")."""
CONDITION = re.compile(r"\bif\b", re.I)
"""A condition said ("if"): what turns a remark on a figure into the goal it sets."""
_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)*|\d+(?:[.,]\d+)*", re.I)


def grouped(found: list[Claim], probs: np.ndarray, head: dict) -> list[list[int]]:
    """Every goal's group under the head, with the weaker sentences that state it again."""
    probs = without_dismissed(found, _without_feature_asks(found, probs))
    groups = _said_in_one_breath(found, select(found, probs, head["threshold"]))
    if len(groups) == 1 and head.get("second_floor"):
        groups += _second(found, probs, head["second_floor"], groups[0])
    return _restatements(found, probs, groups)


def _without_feature_asks(found: list[Claim], probs: np.ndarray) -> np.ndarray:
    """probs, 0 for a want to see or have a view of the product ("I want to see the live map
    in the control room"): a feature request, not a goal (cues.yaml product_view). Only
    sentences above RESTATE_FLOOR are read: no rule here takes one below it."""
    asks = [i for i in np.flatnonzero(probs >= RESTATE_FLOOR) if asks_for_view(found[i].text)]
    if not asks:
        return probs
    out = probs.copy()
    out[asks] = 0.0
    return out


def without_dismissed(found: list[Claim], probs: np.ndarray) -> np.ndarray:
    """probs, 0 for a figure dismissed as it is said ("Sorry, a hundred percent by May is a
    fantasy", "Ninety percent is your number, not ours", "..., but actually, scratch that, the
    board hasn't set a membership target yet": cues.yaml dismissed_figure): no goal is stated
    there, however it scored, so it neither leads a goal, nor joins one, nor is found by its
    shape. Out of fold such sentences led found goals in xr, xu, yb and yc, never rightly; of
    the 55 training sentences the cue finds, one is part of a labelled goal (scored 0). Only
    sentences with a word the cue needs are searched (_DISMISSING)."""
    said = cue_pattern("dismissed_figure")
    out = [
        i
        for i in np.flatnonzero(probs)
        if any(w in found[i].text.lower() for w in _DISMISSING) and said.search(found[i].text)
    ]
    if not out:
        return probs
    probs = probs.copy()
    probs[out] = 0.0
    return probs


_DISMISSING = ("fantasy", "dream", "fairy", "scratch", "not ours", "not mine", "not happening")
"""Words without which cues.yaml dismissed_figure cannot match."""


def asks_for_view(text: str) -> bool:
    """A want to see the product (cues.yaml product_view) or to see something first, before a
    decision (see_first)."""
    return bool(cue_pattern("product_view").search(text) or cue_pattern("see_first").search(text))


def _restatements(
    found: list[Claim], probs: np.ndarray, groups: list[list[int]]
) -> list[list[int]]:
    """The groups with the sentences under the threshold that state their goal again: a
    read-back ("so under five by December, that's the number?") or a figure put on it ("I'd
    want that down to four") often scores low alone, but agreement and the figure live there."""
    taken = {i for g in groups for i in g}
    for i in (int(k) for k in np.argsort(-probs)):
        if probs[i] < RESTATE_FLOOR:
            break
        home = None if i in taken else next((g for g in groups if _attaches(found, g, i)), None)
        if home is not None:
            home.append(i)
            taken.add(i)
    return groups


def select(found: list[Claim], probs: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of claim indexes, one group per goal: the best claim first, restatements after."""
    order = [int(i) for i in np.argsort(-probs) if probs[i] >= threshold]
    groups: list[list[int]] = []
    for i in order:
        home = next((g for g in groups if joins(found, g, i)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return groups


def _said_in_one_breath(found: list[Claim], groups: list[list[int]]) -> list[list[int]]:
    """The groups, two whose best claims one speaker says in one turn merged when one names no
    figure or date and the other does: the goal in words and its figure ("If we could stop
    losing those shifts to agencies, that's the whole business case. I want agency spend cut
    in half by the end of Q3."), the figure's statement first. Two goals said in one turn each
    name their own ("This year I want failed deliveries under 2%. And our new CEO wants online
    to be 25% of sales by 2027.")."""
    out: list[list[int]] = []
    for g in groups:
        said = found[g[0]]
        home = next((h for h in out if _words_and_figure(found[h[0]], said)), None)
        if home is None:
            out.append(list(g))
        elif _measured(found[home[0]].text):
            home.extend(g)
        else:
            home[:0] = g
    return out


def _words_and_figure(a: Claim, b: Claim) -> bool:
    """One named speaker's two sentences in one turn, one naming a figure or date and one
    neither (a transcript without speaker names runs several speakers into one turn)."""
    if a.turn != b.turn or a.speaker is None or a.speaker != b.speaker:
        return False
    return _measured(a.text) != _measured(b.text)


def _measured(text: str) -> bool:
    return bool(figures(text) or metric_of(text) or deadline_of(text))


def _second(
    found: list[Claim], probs: np.ndarray, floor: float, first: list[int]
) -> list[list[int]]:
    """The best other goal above the floor, when only one cleared the threshold: customers
    who state one goal nearly always state a second (cs_train: every meeting has one, most two).
    Not from a turn that states the first: there it is more likely the first one's elaboration;
    nor from the want the first one's figure answers a question about ("I need fewer no-shows."
    "Is there a number?" "Six percent by March."); nor a sentence that only speaks of a number
    (_only_a_number_named)."""
    turns = {found[i].turn for i in first}
    lead = found[first[0]]
    for group in select(found, probs, floor):
        said = found[group[0]]
        if set(group) & set(first) or said.turn in turns or _only_a_number_named(said):
            continue
        if only_valued(said):
            continue
        if not figure_asked_for(said, lead):
            return [group]
    return []


NAMING_CUES = frozenset({"want", "want_change", "if_could", "joint", "boss", "metric", "deadline"})
"""Cue families that say a goal besides a goal word."""


def _only_a_number_named(c: Claim) -> bool:
    """The sentence's only cue of a goal is a number spoken of ("whatever the number ends up
    being", "Right now it's one big number", "he tells me a number, and the number is usually
    wrong": cues.yaml goal_word by "number" alone), no want, wish, figure or date: not a goal
    however it scored. Out of fold, 4 second goals (4 sets) were such sentences, none right."""
    if "goal_word" not in c.fired or not NAMING_CUES.isdisjoint(c.fired):
        return False
    said = cl.cue_families()["goal_word"].finditer(c.text)
    return all(m.group(0).lower().endswith("number") for m in said)


_VALUED = re.compile(r"\bthat alone\b|\breal money\b", re.I)
_WISHES = ("want", "want_change", "goal_word", "joint", "boss")


def only_valued(c: Claim) -> bool:
    """The sentence's only wish is a value put on something, with no condition ("Okay, that
    alone would save me a lot of angry phone calls", "Every one of those costs us about ninety
    pounds, so that's real money": cues.yaml if_could by "that alone" or "real money"): a
    remark on what a thing is worth, not a goal. With its condition ("If we could get renewals
    back up to sixty, that's real money") the condition states the goal. Out of fold such
    remarks were found as goals in 5 sets (xa, xe, xg, xh, xw), never right; the 6 labelled
    goals the phrases are in all say "if"."""
    if "if_could" not in c.fired or not c.fired.isdisjoint(_WISHES) or CONDITION.search(c.text):
        return False
    rest = _VALUED.sub("", c.text)
    return rest != c.text and not cue_search.matching(("if_could",), rest)


def figure_asked_for(want: Claim, answer: Claim) -> bool:
    """The answer gives the figure the other side asked for, two turns after the same speaker
    said the want without one."""
    return (
        want.turn == answer.turn - 2
        and want.speaker == answer.speaker
        and bool(answer.features.get("prev_discovery_q"))
        and "metric" in answer.fired
        and "metric" not in want.fired
    )


def joins(found: list[Claim], group: list[int], i: int) -> bool:
    """Claim i states the group's goal again: restates its best claim, puts a figure on one of
    its statements, or reads the goal back to the side that said it."""
    return _same_goal(found[group[0]], found[i]) or _ties(found, group, i)


def _attaches(found: list[Claim], group: list[int], i: int) -> bool:
    """Claim i, under the threshold, states the group's goal again close by: a figure put on
    it, a read-back, or a near restatement with a figure too large to share by chance or
    mostly the same words ("Four or fewer by the end of the year.")."""
    if _ties(found, group, i):
        return True
    if found[i].text.rstrip().endswith("?") and not checks(found[i].text):
        return False  # a question for something new ("how many do you close today?")
    return any(_near_restatement(found[m], found[i]) for m in group)


def _ties(found: list[Claim], group: list[int], i: int) -> bool:
    """Claim i and the group state one goal: one puts a figure on the other's statement, or
    reads the other's goal back to the side that said it."""
    if any(refines(found, m, i) or refines(found, i, m) for m in group):
        return True
    return _reads_back(found, group, i) or any(_reads_back(found, [i], m) for m in group)


def _near_restatement(a: Claim, b: Claim) -> bool:
    if abs(a.turn - b.turn) > NEAR_TURNS:
        return False
    if _big_figure(a, b):
        return True
    wa, wb = word_set(a.text), word_set(b.text)
    shared = wa & wb
    return len(shared) >= 2 and len(shared) >= 0.5 * min(len(wa), len(wb))


def _same_goal(a: Claim, b: Claim) -> bool:
    """b restates a's goal: close by and sharing numbers or words, or far but mostly the same."""
    wa, wb = word_set(a.text), word_set(b.text)
    if not wa or not wb:
        return False
    shared = wa & wb
    ratio = len(shared) / min(len(wa), len(wb))
    if _other_figures(a.text, b.text) and ratio < 0.5:
        return False
    if abs(a.turn - b.turn) > SAME_GOAL_TURNS:
        return ratio >= 0.5 and len(shared) >= 2
    near = abs(a.turn - b.turn) <= NEAR_TURNS
    numbers = _big_figure(a, b) or (near and any(cl.is_number(w) for w in shared))
    return numbers or (ratio >= 0.34 and len(shared) >= 2)


def _other_figures(a: str, b: str) -> bool:
    """Both name figures and share none: two targets that share some words ("zero manual
    re-keying of scale tickets" / "settlement in five business days, from the scale ticket")."""
    fa, fb = figures(a), figures(b)
    return bool(fa and fb) and not fa & fb


def _big_figure(a: Claim, b: Claim) -> bool:
    """a and b name one figure too particular to share by chance, however each says it
    ("sixty-five" / "65 percent")."""
    return any(n > BIG_FIGURE for n in figures(a.text) & figures(b.text))


def _after(found: list[Claim], i: int, j: int) -> bool:
    """Claim j comes after claim i, at most NEAR_TURNS turns later (claims are in talk order)."""
    return j > i and found[j].turn - found[i].turn <= NEAR_TURNS


TARGET_CUES = ("want", "want_change", "if_could", "goal_word", "boss", "joint")
"""Cue families of a sentence that sets a figure as a target rather than telling one."""


def refines(found: list[Claim], i: int, j: int) -> bool:
    """Claim j, said soon after i by the same side, puts a figure or date on i's goal by
    pointing back at it ("I want to stop people getting hurt." / "If we got that to five or
    fewer this year, I'd be happy."), where i gave none, and sets it as the target
    (_sets_a_figure)."""
    a, b = found[i], found[j]
    if not _after(found, i, j) or not _same_side(a, b) or not points_back(b.text):
        return False
    if metric_of(a.text) or not _sets_a_figure(b):
        return False
    return bool(figures(b.text) or metric_of(b.text) or deadline_of(b.text))


def _sets_a_figure(c: Claim) -> bool:
    """The sentence wants, wishes or names a figure as a target (TARGET_CUES: "I'd want that
    down to four"), sets it as a condition ("If this lets us drop two of them, that's eighty
    thousand a year") or asks for it ("Double it by the end of this year": cues.yaml
    figure_asked); a figure told as it is or was ("Right now it's about four days from the
    parcel arriving...", "This term, with the autopay, it's six percent", "I ran a rough
    projection, the lower churn is worth maybe forty thousand") is a baseline, a result or an
    estimate, not the figure the goal is given."""
    return bool(
        cue_search.matching(TARGET_CUES, c.text)
        or CONDITION.search(c.text)
        or cue_pattern("figure_asked").search(c.text)
    )


def _reads_back(found: list[Claim], group: list[int], j: int) -> bool:
    """Claim j is the other side asking to confirm the group's goal as it heard it, soon after
    a statement of it: a figure of it or two of its words ("So fewer than five recordable
    injuries at the docks by December, that's the number we hold ourselves to?")."""
    b = found[j]
    said = [found[m] for m in group if _after(found, m, j) and _sides_differ(found[m], b)]
    recap = recaps(b.text) and "vendor_own" not in b.fired and not b.text.rstrip().endswith("?")
    if said and recap and any(b.turn - a.turn <= 1 for a in said):
        return True  # "So the target is ...", right after the goal
    if not said or not checks(b.text):
        return False
    words = set().union(*(word_set(found[m].text) for m in group))
    numbers = set().union(*(figures(found[m].text) for m in group))
    return len(words & word_set(b.text)) >= 2 or bool(numbers & figures(b.text))


def _same_side(a: Claim, b: Claim) -> bool:
    """Known to be one side: both sides known and equal, or one named speaker."""
    if "unknown" in (a.side, b.side):
        return a.speaker is not None and a.speaker == b.speaker
    return a.side == b.side


def _sides_differ(a: Claim, b: Claim) -> bool:
    if "unknown" in (a.side, b.side):
        return a.speaker != b.speaker or a.speaker is None
    return a.side != b.side


@lru_cache(maxsize=4096)
def word_set(text: str) -> frozenset[str]:
    """A sentence's content words, kept: grouping compares each sentence many times."""
    return frozenset(cl.content_words(text))


def merged_figures(found: list[Claim], groups: list[list[int]]) -> list[list[int]]:
    """The groups, each one whose best claim says again the figure of an earlier group's
    target merged into that group (figure_said_again)."""
    out: list[list[int]] = []
    for g in groups:
        home = next((h for h in out if figure_said_again(found, h, found[g[0]])), None)
        if home is None:
            out.append(list(g))
        else:
            home.extend(g)
    return out


def figure_said_again(found: list[Claim], group: list[int], b: Claim) -> bool:
    """b names no figure but the one a statement of the group's goal targets, in its unit, and
    says little else ("What I need from year two is disputed tickets under one percent" ...
    "One percent is what I need to see."; "Half is the number I'm taking to the board.") or
    restates it in its words however far ("under four percent of ticket revenue" ... "under
    four is still my number"): the goal said again, not a second goal. The figure is read as
    said, small numbers and "one" and "half" too, which grouping's figures leave out."""
    said = _said_numbers(b.text)
    if not said:
        return False
    wb = word_set(b.text)
    for m in group:
        a = found[m]
        target = metric_of(a.text)
        if not target or not said <= _said_numbers(target):
            continue
        units = {unit_of(target), unit_of(b.text)} - {""}
        if len(units) > 1:
            continue
        wa = wb & word_set(a.text)
        if len(wb - said) <= FEW_WORDS or (len(wa) >= 2 and len(wa) >= 0.34 * len(wb)):
            return True
    return False


@lru_cache(maxsize=4096)
def _said_numbers(text: str) -> frozenset[str]:
    """The numbers said in text, as said ("one", "half", "4", "twenty-five")."""
    words = _number_words()
    return frozenset(
        t
        for t in (w.lower() for w in _TOKEN.findall(text))
        if t[0].isdigit() or all(p in words for p in t.split("-"))
    )


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    return frozenset(cl.data("agreement.yaml")["number_values"]) | {"one", "half"}
