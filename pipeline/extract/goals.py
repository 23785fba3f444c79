"""Customer goals, their category, metric, deadline, and whether both sides agreed on them.

Every sentence is scored by the goal head of a small learned model over cue features
(`claims.py`); sentences above the threshold are grouped so a goal and its restatements
become one goal, whose evidence is the customer's clearest statement of it. Weaker sentences
join a goal when they restate it close by: a figure put on it by pointing back ("I'd want that
down to four"), the other side reading it back to confirm or putting it in its own words
("So the target is..."), since its figure and the yes to it often live there. Whether both
sides agreed on it is `agreement.py`'s call.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from milepost.models import Goal, GoalCategory
from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.agreement import agreed, checks, read_back, taken_up, verdict
from milepost.pipeline.extract.agreement_cues import fires
from milepost.pipeline.extract.claims import Claim
from milepost.pipeline.extract.goal_text import (
    bound_of,
    category,
    deadline_of,
    metric_of,
    observable,
    short_text,
    trim_lead,
)
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.extract.restatement import figures, points_back, recaps, said_back

FOUND_BY = "goal-model"
SAME_GOAL_TURNS = 12
NEAR_TURNS = 3
"""How many turns after a statement a figure put on it or a read-back of it may come."""
RESTATE_FLOOR = 0.1
"""The least goal probability a sentence under the threshold needs to join a goal as its
restatement, read-back or figure."""
RESCUE_SHARE = 0.5
"""A customer want under the threshold but above this share of it is a goal when the other
side read it back and had it confirmed."""
WANTS = frozenset({"want", "want_change", "goal_word", "if_could"})
STATED_WORDS = 5
"""The fewest content words of a goal said back in full (a figure, a measure, a scope)."""
BIG_FIGURE = 10
"""Figures above this are particular enough to tie a sentence to a goal alone ("ninety")."""


def find(meeting: Meeting) -> list[Goal]:
    """The customer's goals in the meeting, one per distinct goal, best first."""
    return from_claims(meeting, cl.claims_for(meeting), cl.model()["goal"])


def from_claims(meeting: Meeting, found: list[Claim], head: dict) -> list[Goal]:
    """The goals among the meeting's claims under one goal head (weights, bias, threshold)."""
    probs = cl.score(found, "goal", head)
    return [_goal(meeting, found, probs, g) for g in goal_groups(meeting, found, probs, head)]


def goal_groups(
    meeting: Meeting, found: list[Claim], probs: np.ndarray, head: dict
) -> list[list[int]]:
    """One group of claim indexes per goal (best claim first), given each claim's probability
    under the head: above the threshold, a second above the floor, unowned proposals dropped,
    wants a little under the threshold that the other side read back and had confirmed added."""
    groups = grouped(found, probs, head)
    kept = [g for g in groups if not _unowned_proposal(meeting, [found[i] for i in g])]
    kept += _confirmed_wants(meeting, found, probs, head["threshold"], groups)
    kept += _wanted_outcomes(found, probs, kept)
    kept += _set_together(meeting, found, kept)
    return kept + _said_back_and_taken_up(meeting, found, kept)


def grouped(found: list[Claim], probs: np.ndarray, head: dict) -> list[list[int]]:
    """Every goal's group under the head, with the weaker sentences that state it again."""
    groups = select(found, probs, head["threshold"])
    if len(groups) == 1 and head.get("second_floor"):
        groups += _second(found, probs, head["second_floor"], groups[0])
    return _restatements(found, probs, groups)


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


def _confirmed_wants(
    meeting: Meeting,
    found: list[Claim],
    probs: np.ndarray,
    threshold: float,
    groups: list[list[int]],
) -> list[list[int]]:
    """Customer wants that scored a little under the threshold but that the other side read
    back and had confirmed, with a figure or date ("I need my agents to stop losing Fridays to
    paperwork." ... "So the goal is a full day a week back?" "Yes, that's the one"): a
    read-back confirmed is what a goal gets, seldom anything else."""
    taken = {i for g in groups for i in g}
    turns = {found[i].turn for i in taken}  # a goal's own turn: more likely its elaboration
    out: list[list[int]] = []
    for i in (int(k) for k in np.argsort(-probs)):
        if probs[i] < RESCUE_SHARE * threshold:
            break
        c = found[i]
        if i in taken or c.turn in turns or probs[i] >= threshold or not _confirmable_want(c):
            continue
        said = verdict(meeting, [c])
        if said is None or not read_back(meeting, [c]):
            continue
        texts = [c.text] + ([said.said_back] if said.said_back else [])
        if any(metric_of(t) or deadline_of(t) or _bound(t) for t in texts):
            out.append([i])
            turns.add(c.turn)
    return out


def _wanted_outcomes(
    found: list[Claim], probs: np.ndarray, groups: list[list[int]]
) -> list[list[int]]:
    """Customer wants whose object names a business outcome and a change in it ("I'd like to
    stop losing members because their card expired": claims' wanted_both), however low they
    scored: a business outcome the customer wants is a goal in the guide's words (93 of 94
    such sentences are labelled goals across the training sets; cs_train has too few to weigh
    them). Not in a found goal's turn, where it is more likely that goal's elaboration."""
    turns = {found[i].turn for g in groups for i in g}
    out: list[list[int]] = []
    for i, c in enumerate(found):
        if not c.features.get("wanted_both") or not probs[i] or not _confirmable_want(c):
            continue
        if c.turn in turns or any(_joins(found, g, i) for g in groups + out):
            continue
        out.append([i])
        turns.add(c.turn)
    return out


def _set_together(meeting: Meeting, found: list[Claim], groups: list[list[int]]) -> list[list[int]]:
    """Goals one side sets as shared, naming their figure or result, that the other side takes
    up ("Then let's set it as our shared goal: every inspection inside the window, no misses."
    "Fine by me."), however low the sentence scored: a target set together and taken up is a
    goal by the guide's own words. It must call itself one (goal, target, aim...)."""
    return _taken_up_goals(meeting, found, groups, _set_as_shared)


def _set_as_shared(meeting: Meeting, c: Claim) -> bool:
    """Set, or put forward, as a shared goal ("I'd suggest a joint goal: all fourteen centres
    counting stock in the app by August"): put forward and taken up is set together too."""
    if "joint" not in c.fired and not _called_shared(c.text):
        return False
    if not _goal_named().search(c.text):  # "let's lock the review for April 2nd": a step
        return False
    return bool(
        metric_of(c.text) or _bound(c.text) or observable(c.text) or _figure_besides_date(c.text)
    )


def _called_shared(text: str) -> bool:
    """agreement.yaml's shared_goal ("a joint goal"), searched only where one of the words
    that call a goal shared occurs (most sentences: none)."""
    low = text.lower()
    return any(w in low for w in _shared_words()) and fires("shared_goal", text)


@lru_cache(maxsize=1)
def _shared_words() -> tuple[str, ...]:
    return tuple(str(cl.data("agreement.yaml")["shared_words"]).split())


def _said_back_and_taken_up(
    meeting: Meeting, found: list[Claim], groups: list[list[int]]
) -> list[list[int]]:
    """Goals the vendor says back or recalls, with a figure besides any date, that the
    customer takes up ("So, let me say it back. All forty-two lift stations inspected every
    month, by March." "Yeah. That's it."; "Back in September we set two goals. The first was
    cutting agency spend by a quarter this year." "That was mine. Yes."), however low the
    sentence scored: one side states it and the other affirms it, in the guide's words."""
    return _taken_up_goals(meeting, found, groups, _said_back_in_full)


def _said_back_in_full(meeting: Meeting, c: Claim) -> bool:
    if c.side != "vendor" or c.text.rstrip().endswith("?"):
        return False
    if "past_result" in c.fired or not said_back(meeting, c):  # most are not said back
        return False
    if not _states_itself(c.text) or _task_recap(meeting, c):
        return False
    return bool(metric_of(c.text) or _bound(c.text) or _figure_besides_date(c.text))


def _task_recap(meeting: Meeting, c: Claim) -> bool:
    """A person named doing something, as a recap of who does what says it ("Dev turns on
    offline mode for the line two tablets by Friday."): a task, whatever figure it names."""
    sent = next((s for s in meeting.docs[c.turn].sents if s.text.strip() == c.text), None)
    if sent is None or sent.root.tag_ != "VBZ":
        return False
    return any(t.dep_ == "nsubj" and t.pos_ == "PROPN" for t in sent.root.children)


def _taken_up_goals(
    meeting: Meeting,
    found: list[Claim],
    groups: list[list[int]],
    stated: Callable[[Meeting, Claim], bool],
) -> list[list[int]]:
    """The claims that state a goal as `stated` says, outside the goals' turns and not
    restating a goal already found, that the other side takes up: one new goal each."""
    turns = {found[i].turn for g in groups for i in g}
    out: list[list[int]] = []
    for i, c in enumerate(found):
        if c.turn in turns or not stated(meeting, c):
            continue
        if any(_joins(found, g, i) for g in groups + out) or not taken_up(meeting, [c]):
            continue
        out.append([i])
        turns.add(c.turn)
    return out


def _figure_besides_date(text: str) -> bool:
    """Names a number outside its deadline ("All forty-two stations inspected every month, by
    March"); a date alone is a task recap's due ("Priti sends the invoices by Wednesday")."""
    return bool(figures(text.replace(deadline_of(text) or "", "", 1)))


def _states_itself(text: str) -> bool:
    """A sentence that says the goal in its own words, not by pointing back at it ("Let's
    make that the aim for year two.") nor in a fragment ("Well, technically eleven months.")."""
    return len(_words(text)) >= STATED_WORDS and not points_back(text)


@lru_cache(maxsize=1)
def _goal_named() -> re.Pattern[str]:
    return re.compile(str(cl.data("agreement.yaml")["goal_named"]), re.I)


def _confirmable_want(c: Claim) -> bool:
    """A want said by the customer's side, not a question and not a result already had."""
    wants = not WANTS.isdisjoint(c.fired) and "past_result" not in c.fired
    return wants and c.side != "vendor" and not c.text.rstrip().endswith("?")


def _unowned_proposal(meeting: Meeting, said: list[Claim]) -> bool:
    """Said only by the vendor, never affirmed, and a suggestion or not about the customer;
    where no side is known (unnamed speakers), a suggestion or the vendor's own target."""
    sides = {c.side for c in said}
    if len(sides) > 1 or not sides <= {"vendor", "unknown"}:
        return False
    suggested = any("proposal" in c.fired or "question" in c.fired for c in said)
    own = any("vendor_own" in c.fired for c in said)
    unowned = suggested or own
    if sides == {"vendor"}:
        unowned = unowned or not any("customer_ref" in c.fired for c in said)
    return unowned and not agreed(meeting, said)


def evidence_of(found: list[Claim], group: list[int]) -> str:
    """The quote a goal of this group carries."""
    return trim_lead(_evidence_claim(found, group).text)


def has_agreed_goal(goals: list[Goal]) -> bool:
    """True when at least one goal is agreed and concrete (metric, deadline or checkable result)."""
    return any(g.agreed and (g.metric or g.deadline or observable(g.evidence)) for g in goals)


def select(found: list[Claim], probs: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of claim indexes, one group per goal: the best claim first, restatements after."""
    order = [int(i) for i in np.argsort(-probs) if probs[i] >= threshold]
    groups: list[list[int]] = []
    for i in order:
        home = next((g for g in groups if _joins(found, g, i)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return groups


def _second(
    found: list[Claim], probs: np.ndarray, floor: float, first: list[int]
) -> list[list[int]]:
    """The best other goal above the floor, when only one cleared the threshold: customers
    who state one goal nearly always state a second (cs_train: every meeting has one, most two).
    Not from a turn that states the first: there it is more likely the first one's elaboration;
    nor from the want the first one's figure answers a question about ("I need fewer no-shows."
    "Is there a number?" "Six percent by March.")."""
    turns = {found[i].turn for i in first}
    lead = found[first[0]]
    for group in select(found, probs, floor):
        said = found[group[0]]
        if set(group) & set(first) or said.turn in turns:
            continue
        if not _figure_asked_for(said, lead):
            return [group]
    return []


def _figure_asked_for(want: Claim, answer: Claim) -> bool:
    """The answer gives the figure the other side asked for, two turns after the same speaker
    said the want without one."""
    return (
        want.turn == answer.turn - 2
        and want.speaker == answer.speaker
        and bool(answer.features.get("prev_discovery_q"))
        and "metric" in answer.fired
        and "metric" not in want.fired
    )


def _joins(found: list[Claim], group: list[int], i: int) -> bool:
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
    if any(_refines(found, m, i) or _refines(found, i, m) for m in group):
        return True
    return _reads_back(found, group, i) or any(_reads_back(found, [i], m) for m in group)


def _near_restatement(a: Claim, b: Claim) -> bool:
    if abs(a.turn - b.turn) > NEAR_TURNS:
        return False
    if _big_figure(a, b):
        return True
    wa, wb = _words(a.text), _words(b.text)
    shared = wa & wb
    return len(shared) >= 2 and len(shared) >= 0.5 * min(len(wa), len(wb))


def _same_goal(a: Claim, b: Claim) -> bool:
    """b restates a's goal: close by and sharing numbers or words, or far but mostly the same."""
    wa, wb = _words(a.text), _words(b.text)
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


def _refines(found: list[Claim], i: int, j: int) -> bool:
    """Claim j, said soon after i by the same side, puts a figure or date on i's goal by
    pointing back at it ("I want to stop people getting hurt." / "If we got that to five or
    fewer this year, I'd be happy."), where i gave none."""
    a, b = found[i], found[j]
    if not _after(found, i, j) or not _same_side(a, b) or not points_back(b.text):
        return False
    if metric_of(a.text):
        return False
    return bool(figures(b.text) or metric_of(b.text) or deadline_of(b.text))


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
    words = set().union(*(_words(found[m].text) for m in group))
    numbers = set().union(*(figures(found[m].text) for m in group))
    return len(words & _words(b.text)) >= 2 or bool(numbers & figures(b.text))


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
def _words(text: str) -> frozenset[str]:
    """A sentence's content words, kept: grouping compares each sentence many times."""
    return frozenset(cl.content_words(text))


def _goal(meeting: Meeting, found: list[Claim], probs: np.ndarray, group: list[int]) -> Goal:
    lead = _evidence_claim(found, group)
    texts = [lead.text] + [found[i].text for i in group if found[i] is not lead]
    agreement = verdict(meeting, [found[i] for i in group])
    # a restatement the other side confirmed can carry the figure or date the statements lack
    said = texts + ([agreement.said_back] if agreement and agreement.said_back else [])
    return Goal(
        text=short_text(lead.text),
        category=_category(meeting, lead, texts),
        metric=next((m for t in said if (m := metric_of(t) or _bound(t))), None),
        deadline=next((d for t in said if (d := deadline_of(t)) and not _vague(t)), None),
        agreed=agreement is not None,
        speaker=lead.speaker,
        side=lead.side,
        evidence=trim_lead(lead.text),
        confidence=round(float(probs[group[0]]), 3),
        found_by=FOUND_BY,
        agreement=agreement.why if agreement else None,
    )


def _vague(text: str) -> bool:
    """The statement names no checkable outcome ("next year I just want us to get more out of
    it"): a date said with it does not make it concrete."""
    return bool(_vague_outcome().search(text)) and not metric_of(text) and not _bound(text)


@lru_cache(maxsize=1)
def _vague_outcome() -> re.Pattern[str]:
    return re.compile("|".join(cl.data("agreement.yaml")["vague_outcome"]), re.I)


def _bound(text: str) -> str | None:
    """A target said as a bound on a number ("under half a percent", "four or fewer"), or as
    an amount of time per period that the number cues miss ("an hour a week")."""
    rate = _rate_figure().search(text)
    return bound_of(text) or (rate.group(0) if rate else None)


@lru_cache(maxsize=1)
def _rate_figure() -> re.Pattern[str]:
    return re.compile(str(cl.data("agreement.yaml")["rate_figure"]), re.I)


def _category(meeting: Meeting, lead: Claim, texts: list[str]) -> GoalCategory:
    """From the goal's own words, else from the turn it answers ("Six percent by March.")."""
    found = category(" ".join(texts))
    if found == "other" and lead.turn > 0:
        return category(meeting.transcript.turns[lead.turn - 1].text)
    return found


def _evidence_claim(found: list[Claim], group: list[int]) -> Claim:
    """The group's best claim said by the customer, else its best claim; where that names no
    figure and the same side then put one on it ("If this lets us drop two of them, that's
    eighty thousand a year"), that statement, since it says the target. A result the customer
    reports ("In May we filed eighty-eight percent") is how the goal went, not the goal."""
    own = [i for i in group if found[i].side != "vendor" and "past_result" not in found[i].fired]
    best = (own or group)[0]
    return found[next((i for i in own if _refines(found, best, i)), best)]
