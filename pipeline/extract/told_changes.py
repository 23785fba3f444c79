"""Results told in words the outcome model does not read: a later state set against an
earlier one ("Proofing used to take us three days. Now it's same day."), or a problem said to
have ended ("The binder is gone."), with what keeps a sentence from being one (a want, a plan,
the state as it stands, a change gone the wrong way, a sympathetic answer). The model learned
from 30 outcomes, most of them a measured figure with its source; these phrasings it misses.
Cue families are in data/outcomes/cues.yaml (outcome_cues.py).
"""

from __future__ import annotations

from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract.goal_text import cue_pattern
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.extract.outcome_cues import cue, figures, has_figure, said, short

# Families of claims.py that make a sentence no result: a want, a plan, a question, a pitch.
UNSURE = frozenset(
    {"question", "want", "want_change", "if_could", "goal_word", "task", "proposal", "process_want"}
)


def changes(meeting: Meeting, found: list[cl.Claim]) -> dict[int, int]:
    """Results told without the cues the model reads: a customer's later state set against an
    earlier one in a nearby sentence of the same turn ("Proofing used to take us three days.
    Now it's same day."), or a problem said to have ended ("The binder is gone."). Index of the
    later state -> index of the earlier one (itself for an ended problem); one later state per
    earlier one (_one_later)."""
    out: dict[int, int] = {}
    settled = [c.side == "vendor" or current(c) for c in found]
    thens = [not done and said("then", c.text) for done, c in zip(settled, found, strict=True)]
    for i, claim in enumerate(found):
        if settled[i] or thens[i] or _source_only(claim):
            continue
        earlier = _earlier(found, i, settled, thens)
        unmarked = earlier is None and not said("since_change", claim.text)
        if unmarked and not _celebrated(meeting, claim.turn):
            continue  # neither an ended problem with a sign of it nor a later state
        if _answer(meeting, claim.turn, "pained"):
            continue
        celebrated = _celebrated(meeting, claim.turn)
        if _ended(claim):
            out[i] = i
        elif earlier is not None and _later(found, i, earlier, celebrated) and not worse(claim):
            out[i] = earlier
    return _one_later(found, out)


def _source_only(claim: cl.Claim) -> bool:
    """The sentence says where a figure came from and gives none ("I pulled it from the phone
    system this morning, so these are the logs, not a feeling."): its "this morning" is when
    the figure was read, not a later state."""
    return "own_source" in claim.fired and not has_figure(claim)


def _one_later(found: list[cl.Claim], out: dict[int, int]) -> dict[int, int]:
    """One later state per earlier one: the one that says an amount, then one said as now,
    then the first ("Before the switch, about a quarter of our claims were filed late. Late
    meaning not finished within thirty days. ... it's under four percent now."; "When a parcel
    goes missing now, the driver app raises the claim. We recovered seventy percent of them
    last quarter."). The others are a definition, a mechanism or a source, not the result: in
    the training meetings (cs_train, xa-xs), 13 earlier states had two or three later ones, and
    this keeps a labelled one for 12 (in the 13th, a tie, the labelled one is still found as
    a gain said as done)."""
    best: dict[int, int] = {}
    for i, j in out.items():
        if i == j:
            continue
        key = (_amount(found[i].text), said("now", found[i].text))
        k = best.get(j)
        if k is None or key > (_amount(found[k].text), said("now", found[k].text)):
            best[j] = i
    return {i: j for i, j in out.items() if i == j or best[j] == i}


def _later(found: list[cl.Claim], i: int, earlier: int, celebrated: bool) -> bool:
    """The claim tells the state after the earlier one: marked as now, with an amount in both
    ("It used to take three days. Now it's same day.") or a glad answer; or, when the other
    side is glad, a figure said of a named time ("Last month it was six and a half.") or in
    the past tense."""
    claim = found[i]
    if said("now", claim.text):
        return celebrated or (_amount(claim.text) and _amount(found[earlier].text))
    dated = said("named_period", claim.text) or claim.features.get("root_past", 0) > 0
    measured = celebrated or (_amount(claim.text) and _amount(found[earlier].text))
    return measured and has_figure(claim) and bool(dated)


def compares_within(text: str) -> bool | None:
    """None when the sentence has no "now"; else whether it tells the earlier state, with an
    amount, before it ("were spending about 6 hours a day and now it's closer to 2")."""
    now = cue("now").search(text)
    if now is None:
        return None
    before = text[: now.start()]
    return said("past_state", before) and _amount(before)


def _amount(text: str) -> bool:
    """Says how much or how long, leaving out the figures of when ("two years ago")."""
    for name in ("then", "now", "this_period", "named_period", "year"):
        text = cue(name).sub(" ", text)
    return figures(text) or any(
        p.search(text) for p in (cue("amount"), cl.cue_families()["metric"])
    )


def _ended(claim: cl.Claim) -> bool:
    """A problem said to have ended: gone, stopped, not once since."""
    if said("ended", claim.text):
        return True
    dated = said("now", claim.text) or said("named_period", claim.text)
    return bool(dated) and said("not_once", claim.text)


def near(found: list[cl.Claim], span: set[int]) -> set[int]:
    """The span and two sentences either side of it in the same turn: one result told in a few
    sentences ("The drawer is empty now.") is quoted once."""
    turn = found[min(span)].turn
    around = range(min(span) - 2, max(span) + 3)
    return {k for k in around if 0 <= k < len(found) and found[k].turn == turn}


def told_span(found: list[cl.Claim], i: int, earlier: int) -> tuple[int, int]:
    """The later state alone when it says enough by itself, else it and the earlier state (it is
    short, points back, or gives a bare number: "This March it was a hundred and thirty-eight.",
    "Since the reset went live, it's maybe five.")."""
    text = found[i].text
    alone = "metric" in found[i].fired or said("amount", text) or not figures(text)
    if not short(text) and alone and not cue_pattern("refers_back").search(text):
        return i, i + 1
    return min(i, earlier), max(i, earlier) + 1


def _earlier(found: list[cl.Claim], i: int, settled: list[bool], thens: list[bool]) -> int | None:
    """A sentence of the same turn, at most two away, that tells the earlier state: said as
    before ("It used to be about a day."), or as a named earlier time with a figure when the
    claim names the later period ("Last March we ran 310 hours." "This March it was 138.").
    settled and thens: per claim, whether it is the vendor's or the state as it stands, and
    whether it says "before"."""
    now: bool | None = None
    for j in (i - 1, i + 1, i - 2, i + 2):
        if not (0 <= j < len(found) and found[j].turn == found[i].turn) or settled[j]:
            continue
        if thens[j]:
            return j
        if now is None:
            now = said("this_period", found[i].text)
        if now and has_figure(found[j]) and said("named_period", found[j].text):
            return j
    return None


def current(claim: cl.Claim) -> bool:
    """Said as the state that stands now ("Right now it's six hours"), a problem, or a plan."""
    return _unsure(claim) or said("current_state", claim.text)


def _unsure(claim: cl.Claim) -> bool:
    """A want, plan, hope, condition or question: not a result."""
    return bool(claim.fired & UNSURE) or said("unsure", claim.text)


def worse(claim: cl.Claim) -> bool:
    """The later state told as a problem: the change went the wrong way, or still hurts, or a
    price went up."""
    return said("worse", claim.text) or said("price_up", claim.text)


def _celebrated(meeting: Meeting, turn: int) -> bool:
    """The next turn by someone else opens glad or impressed ("Love that.", "That's huge.")."""
    return _answer(meeting, turn, "celebrate")


def _answer(meeting: Meeting, turn: int, family: str) -> bool:
    """The next turn by someone else (within two) opens with the cue family."""
    turns = meeting.transcript.turns
    for j in (turn + 1, turn + 2):
        if j < len(turns) and turns[j].speaker != turns[turn].speaker:
            return said(family, turns[j].text[:120])
    return False
