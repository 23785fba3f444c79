"""The parts of a goal or outcome read from its sentence: short text, metric, deadline, category."""

from __future__ import annotations

import re
from functools import lru_cache

from milepost.models import GoalCategory
from milepost.pipeline.extract import claims as cl

MAX_WORDS = 14
MIN_WORDS = 3
_DESIRE = re.compile(r"\b(?:wants?|needs?|like|love|could|can|can't|got|get|gets)\b", re.I)
_OBJECT = re.compile(r"^(?:['’]t\b)?\s*(?:is|was|:)?\s*(?:(?:us|me|them)\s+)?(?:to\s+)?", re.I)
_CLAUSE_END = re.compile(
    r",\s+(?:that|because|which|so|and that|i'd|i would|we'd|it would|nothing)\b"
    r"|\s+because\s|\.(?!\d)|[;?!]"  # a decimal point ("$1.50") ends no clause
    # what reaching it would do for the speaker is no part of the goal ("get audit prep down to
    # two days I'd be thrilled", "... that would be huge"), comma or none
    r"|,?\s+(?:and\s+)?(?:i|we|that|it|this)(?:'d|’d| would| will) be (?:a |so |very |really "
    r"|pretty |my |over the )*(?:happy|thrilled|delighted|huge|great|lovely|amazing|hero|dream"
    r"|different person|moon|pleased|glad|ecstatic|fantastic|wonderful|brilliant|perfect)\b",
    re.I,
)
_LEAD = re.compile(
    r"^(?:(?:so|and|but|um|uh|okay|ok|yeah|yes|well|honestly|like|i mean|look|right|for me|"
    r"from my side|for us|from our side|the big picture|bigger picture|separately"
    r")[,.]?\s+)+",
    re.I,
)
# The time phrase of a deadline runs to the next clause or to a word that starts another thought:
# a want said after it ("This winter I want fewer missed nights" -> "This winter"), or what it is
# ("by next summer is what I'd sign up for"). Stop 21: of the 1154 labelled goals' quotes, 12
# deadlines change, 7 to the label's, none away from it.
_DEADLINE_END = re.compile(
    r"[\w' -]{0,30}?(?=[,.;?!]|$| (?:because|when|which|so|and|without|off|our|across|not)\b"
    r"| (?i:what|thats|that's)\b| (?i:i|we|they|he|she)(?:'d|'ll| would| will)? "
    r"(?i:want|need|like|love)\b| is\b)"
)
# A time phrase followed by someone doing something in the past sets the scene, not a deadline.
_PAST_SCENE = re.compile(
    r",?\s+(?:i|we|you|they|he|she|the \w+)\s+(?:\w+[^\We]ed|agreed|told|said|had|was|were|"
    r"did|made|gave|wrote|took|got|went|saw|met|sent|ran|began|spent|thought|knew)\b",
    re.I,
)
# A deadline cue ending on a determiner, and the longer reach of its time phrase.
_OPEN_CUE = re.compile(r"\b(?:the|our|their|your|my)\s*$", re.I)
_DEADLINE_LONG = re.compile(r"[\w' -]{0,60}?(?=[,.;?!]|$| (?:because|when|which|so|and|but)\b)")
# With no clause end near, the count a time phrase names still belongs to it ("for year three").
_COUNT = re.compile(r"\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
# The rate a figure is counted in, said right after it ("twenty hours a week", "under five
# minutes per patient", "under ten thousand a mile"): part of the target.
_RATE = re.compile(
    r" (?:a|an|per|each) (?!(?:lot|bit|little|few|couple|half|third|quarter|number|good|big|total"
    r"|bunch|way|day or)\b)[a-z][a-z-]*\b(?! (?:of|to|in|on|for|and|or)\b)",
    re.I,
)
_QUALIFIER = re.compile(r"(?:under|below|over|above|less than|more than|at least|within)\s+$", re.I)


def category(text: str) -> GoalCategory:
    """The category whose words the text uses most; "other" when none."""
    low = " " + text.lower()
    words_of: dict[str, list[str]] = cl.data("categories.yaml")
    counts = {c: sum(low.count(" " + w) for w in words) for c, words in words_of.items()}
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else "other"  # type: ignore[return-value]


def metric_of(text: str) -> str | None:
    """The measurable target as said ("under four days", "30%", "by a third"), or None.

    The wanted figure, not the baseline: the first after the want or target ("was 78%, the
    COO wants 85%"), and the end of a from-to change ("from forty percent to sixty").
    """
    found = sorted(_figures(text), key=lambda m: m.start())
    anchor = cue_pattern("target_anchor").search(text)
    after = [m for m in found if anchor and m.start() >= anchor.start()]
    if anchor and not after:
        wanted = _bare_target(text, anchor.end(), found) or _unitless(text[anchor.start() :])
        if wanted:
            return wanted
    if not found:
        return _unitless(text)
    m = (after or found)[0]
    target = _to_part(text, m)
    if target:
        return target
    before = _QUALIFIER.search(text[: m.start()])
    start = before.start() if before else m.start()
    rate = _RATE.match(text, m.end())
    return text[start : rate.end() if rate else m.end()].strip(" ,.")


def _unitless(text: str) -> str | None:
    """A target said without a unit of its own: none of something, a ratio, a count of new
    things (cues.yaml bare_target), else a bound on a number."""
    return _said(cue_pattern("bare_target").search(text)) or bound_of(text)


def bound_of(text: str) -> str | None:
    """A target said as a bound on a number with no unit of its own ("four or fewer", "under
    half a percent"), as said."""
    return _said(_bound_figure().search(text))


def _said(found: re.Match[str] | None) -> str | None:
    return found.group(0) if found else None


@lru_cache(maxsize=1)
def _bound_figure() -> re.Pattern[str]:
    # the agreement's pattern: a restatement's bound and a statement's bound read alike
    said = str(cl.data("agreement.yaml")["bound_figure"])
    return re.compile(said.replace("{number}", str(cl.data("cues.yaml")["number"])), re.I)


def _figures(text: str) -> list[re.Match[str]]:
    """Every measured figure and every fraction or multiple ("in half", "double") in text; "by
    half" that starts a clock time is the time ("I want them out by half seven", "followed up
    by half past nine": the labels' metrics), not half of something."""
    metric = cl.cue_families()["metric"]
    fractions = (
        _CLOCK_HALF.match(text, m.start()) or m for m in cue_pattern("fraction").finditer(text)
    )
    return [*map(_from_figure, metric.finditer(text)), *fractions]


_CLOCK_HALF = re.compile(
    r"by half (?:past )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|\d{1,2})\b",
    re.I,
)


# "zero" followed by a word that names nothing counted is zero alone ("I want zero this season":
# the metric family's "zero <word>" took "zero this").
_ZERO_ALONE = re.compile(
    r"zero(?= (?:this|next|by|in|on|for|the|a|an|per|across|at|every|each|and|or|from|to|of|"
    r"within|before|after|last|since|until|with|our|my|your|their|is|was|again|now|please)\b)",
    re.I,
)


def _from_figure(m: re.Match[str]) -> re.Match[str]:
    """A metric match without the want, reach or cut verb that led into it ("want that at |
    thirty", "crack | nine", "need it at | 95 percent", "cutting what we dump | in half")."""
    lead = cue_pattern("figure_lead").match(m.string, m.start())
    if not lead:
        return _ZERO_ALONE.match(m.string, m.start()) or m
    at = lead.end()
    figure = cl.cue_families()["metric"].search(m.string, at)
    if figure and figure.start() < m.end():  # a figure with its unit ("95 percent", "one in ten")
        return figure
    said = cue_pattern("fraction").match(m.string, at) or cue_pattern("bare_figure").match(
        m.string, at
    )
    return said or m


def _to_part(text: str, m: re.Match[str]) -> str | None:
    """For a figure that starts a from-to change, the figure it goes to, with the first's unit
    when said bare ("from forty percent of applications to sixty" -> "sixty percent")."""
    if not re.search(r"\bfrom (?:about |around |roughly |like )?$", text[: m.start()], re.I):
        return None
    rest = text[m.end() : m.end() + 60]
    to = cue_pattern("to_part").search(rest)
    if not to:
        return None
    start = m.end() + to.end()
    figure = cl.cue_families()["metric"].match(text, start)
    if figure:
        return text[m.end() + to.start() + 3 : figure.end()].strip(" ,.")
    bare = re.match(_number(), text[start:], re.I)
    if not bare:
        return None
    unit = _unit(m.group(0))
    said = text[m.end() + to.start() + 3 : start + bare.end()].strip(" ,.")
    return f"{said} {unit}" if unit else said


def _bare_target(text: str, start: int, before: list[re.Match[str]]) -> str | None:
    """A bare number said right after the want, in the unit of the figure before it
    ("was seventy-eight percent ..., the COO wants eighty-five" -> "eighty-five percent")."""
    said = re.match(r"\W*(?:(?:to|at|be|about|around) )*(" + _number() + ")", text[start:], re.I)
    if not said or not before:
        return None
    unit = _unit(before[-1].group(0))
    return f"{said.group(1)} {unit}" if unit else None


def unit_of(text: str) -> str:
    """The unit of the first figure said with one ("percent", "day"), or ""."""
    m = cl.cue_families()["metric"].search(text)
    unit = _unit(m.group(0)).lower() if m else ""
    return unit[:-1] if len(unit) > 3 and unit.endswith("s") else unit


def _unit(figure: str) -> str:
    """The unit word of a said figure ("percent" of "seventy-eight percent"), or ""."""
    last = figure.split()[-1] if " " in figure else ""
    return "" if not last or cl.is_number(last.lower()) else last


def observable(text: str) -> bool:
    """The goal names a result someone could check without a figure: an audit passed, a
    go-live, zero incidents, every site on it."""
    return bool(cue_pattern("observable_result").search(text))


def stated_want(text: str) -> bool:
    """The speaker names the outcome they are after: what they want and then what it is
    ("What I'd really like is to win back the Halloran account"), or the thing wanted in its
    changed state ("I'd like callbacks down"), or people to stop doing something ("I need my
    kitchen managers to stop ordering on gut feel"); cues.yaml stated_want, wanted_state and
    wanted_stop."""
    return any(cue_pattern(k).search(text) for k in ("stated_want", "wanted_state", "wanted_stop"))


@lru_cache(maxsize=64)
def cue_pattern(key: str) -> re.Pattern[str]:
    """A pattern kept beside the cue families in cues.yaml (some 30 are read: all stay cached);
    {number}, {goal_follows} and {goal_set_before} in it stand for those patterns."""
    raw = cl.data("cues.yaml")
    said = raw[key].replace("{goal_follows}", raw["goal_follows"])
    said = said.replace("{goal_set_before}", raw["goal_set_before"])
    return re.compile(said.replace("{number}", raw["number"]), re.I)


@lru_cache(maxsize=1)
def _number() -> str:
    return str(cl.data("cues.yaml")["number"]) + r"\b"


def deadline_of(text: str) -> str | None:
    """The time by which the goal should be reached, as said ("by the end of March"), or None."""
    m = next((m for m in cl.cue_families()["deadline"].finditer(text) if not _by_figure(m)), None)
    if not m:
        # "in May", "within six months": complete as said, and only when nothing says "by";
        # not the time of a past scene ("In September I told the board ...").
        span = cue_pattern("deadline_span").search(text)
        return span.group(0) if span and not _PAST_SCENE.match(text, span.end()) else None
    rest = _DEADLINE_END.match(text[m.end() :]) or _COUNT.match(text, m.end())
    if not rest and _OPEN_CUE.search(m.group(0)):
        # a cue that ends on "the" or "our" names its time after it ("before our accreditation
        # visit in September"), however long
        rest = _DEADLINE_LONG.match(text[m.end() :])
    end = m.end() + (len(rest.group(0)) if rest else 0)
    return text[m.start() : end].strip(" ,.")


def _by_figure(m: re.Match[str]) -> bool:
    """A deadline cue that is "by" a measured figure, the size of a change ("cut fuel by twenty
    percent", "by twenty minutes"), not a time."""
    if not m.group(0).lower().startswith("by "):
        return False
    return bool(cl.cue_families()["metric"].match(m.string, m.start() + 3))


def _after_desire(text: str) -> str | None:
    """The words after the sentence's first desire verb (want/if-we-could cue) or goal opener
    ("the goal is to", "if reminders could"), one clause long."""
    starts = [m.end() for m in cue_pattern("outcome_start").finditer(text)][:1]
    found = [m for fam in ("want", "if_could") if (m := cl.first(fam, text))]
    if found:
        cue = min(found, key=lambda m: m.start())
        verbs = list(_DESIRE.finditer(text, cue.start(), cue.end()))
        starts += [verbs[-1].end()] if verbs else []
    if not starts:
        return None
    rest = _OBJECT.sub("", text[min(starts) :])
    return _clause(rest)


def _clause(text: str) -> str:
    """text up to the end of its first clause."""
    return _CLAUSE_END.split(text, maxsplit=1)[0].strip(" ,.;")


def trim_lead(sentence: str) -> str:
    """The sentence without its spoken lead-in ("And honestly, for me, "): still verbatim."""
    text = _LEAD.sub("", sentence.strip()).strip()
    return text or sentence.strip()


def short_text(sentence: str) -> str:
    """The outcome itself: what follows "I want" / "if we could", up to the next clause."""
    text = trim_lead(sentence)
    wanted = _after_desire(text)
    if wanted and len(wanted.split()) >= MIN_WORDS:
        text = wanted
    elif len(_clause(text).split()) >= MIN_WORDS:
        text = _clause(text)
    words = text.split()
    out = " ".join(words[:MAX_WORDS])
    return out if len(words) <= MAX_WORDS else out.rstrip(",.") + "..."
