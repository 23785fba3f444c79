"""The customer's journey stage in this meeting, and goal-discovery questions for it.

Each stage of the journey map lists cue phrases; a meeting's stage is the one that says
the most distinct cues, each weighed by its best-placed mention (stage_context.py):
- a cue in the opening fifth of the words counts double, and in the purpose statement
  ("so the plan for today is...", the sentence before it in the turn: "Okay, so, kickoff.",
  or the transcript's title) double again: the agenda names the meeting's purpose, a
  mention in passing does not;
- a cue placed in the past ("since kickoff", "at the last QBR") counts half: that stage
  is behind the customer;
- a cue the opening says this meeting will not do ("I don't want to do a big demo
  today") does not count: the agenda is saying what the meeting is not;
- a cue counts once however often it is said, and a word written closed or open
  ("rollout", "roll out") is one cue, so one word repeated all meeting cannot
  outvote a stage named in several ways (on cs_train this held up best when a
  meeting's own cues were left out);
- a cue is matched within a clause: "the order form's signed, the welcome email..." says
  no "sign the";
- a cue may offer choices ('{new|another} {site|team}'): any of its phrases says it,
  and it counts once like any other cue;
- a phrase that settles the stage (data/stage/context.yaml `decides`: "how did you hear
  about us", "how did you come across Rostergrid" is a first contact, awareness, whatever
  the demo says; "the expansion quote" names the deal as buying more) makes its stage win
  when the map has it and the call is close (half the best score or more): a case-study
  interview asking how the customer first heard of the vendor stays advocacy; like a map
  cue, an entry with choices counts once;
- a tie goes to the stage whose cue came first.
Any company's map works: only its cue lists are read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from milepost.models import JourneyMap, StageCall
from milepost.pipeline.extract.meeting import LastRead, Meeting
from milepost.pipeline.extract.stage_context import Context, context, key_word, variants, words
from milepost.pipeline.journey import load_journey

OPENING = 0.2
OPENING_WEIGHT = 2.0
PURPOSE_WEIGHT = 2.0
PURPOSE_PART = 0.35
"""The purpose statement is looked for in this first part of the meeting."""
PURPOSE_SENTENCES = 3
"""A purpose phrase covers its own sentence, the one before and the next ones of the same turn."""
PAST_WEIGHT = 0.5
ENOUGH = 6.0
"""Cue weight at which a stage call has enough evidence to be trusted on its share alone."""
MAX_EVIDENCE = 3
SETTLES = 0.5
"""A settling phrase decides only while its stage scores this share of the best stage's."""
WEAK_STAGE = 0.2
"""Below this confidence a stage call is a guess (in the report, the brief and the questions):
on the 104 training meetings every call under it was wrong (4 of 4), against 5 of the 100 at
or above it."""
_CLAUSE = re.compile(r"[,;:\u2013\u2014]|\s-\s")
_LAST: LastRead[list[_Hit]] = LastRead()
"""The cue hits of the last meeting, map and title read."""


@dataclass
class _Hit:
    stage: str
    cue: str
    weight: float
    sentence: str
    purpose: bool
    decisive: bool = False


@dataclass
class _Sentence:
    text: str
    norm: str
    weight: float
    purpose: bool
    opening: bool = False


def detect(meeting: Meeting, journey: JourneyMap | None = None) -> StageCall | None:
    """The best-scoring stage with its confidence and the sentences that scored; None if no cue."""
    journey = journey or load_journey()
    hits = _hits_once(meeting, journey)
    if not hits:
        return None
    scores = _scores(hits)
    best = decide(hits, scores)
    return StageCall(
        id=best,
        confidence=_confidence(scores, best),
        evidence=_evidence(hits, best),
    )


def decide(hits: list[_Hit], scores: dict[str, float]) -> str:
    """The stage these cue hits call: the highest score, a tie to the stage named first."""
    # The agenda comes first, so a tie goes to the stage whose cue was said earliest.
    first = {h.stage: -k for k, h in reversed(list(enumerate(hits)))}
    top = max(scores.values())
    settled = {h.stage for h in hits if h.decisive and scores[h.stage] >= SETTLES * top}
    return max(settled or scores, key=lambda sid: (scores[sid], first[sid]))


def _scores(hits: list[_Hit]) -> dict[str, float]:
    """Per stage, each distinct cue once, at the weight of its best-placed mention."""
    best: dict[str, dict[str, float]] = defaultdict(dict)
    for h in hits:
        best[h.stage][h.cue] = max(h.weight, best[h.stage].get(h.cue, 0.0))
    return {sid: round(sum(c.values()), 6) for sid, c in best.items()}


def _confidence(scores: dict[str, float], best: str) -> float:
    """The winner's share of all cue weight, scaled down while its own evidence is thin.

    A meeting that names one stage over and over gets its share; an article or a talk
    that brushes two cues of each stage gets little, however the shares fall.
    """
    share = scores[best] / sum(scores.values())
    return round(share * min(1.0, scores[best] / ENOUGH), 3)


def before_results(
    meeting: Meeting, call: StageCall | None, journey: JourneyMap | None = None
) -> bool:
    """Whether the meeting is held before the product can have given a result: it is called
    at a stage the map marks `before_results`, and those stages together hold at least half
    its cue weight, so a close call between onboarding and adoption keeps its results."""
    journey = journey or load_journey()
    marked = {s.id for s in journey.stages if s.before_results}
    if call is None or call.id not in marked:
        return False
    scores = _scores(_hits_once(meeting, journey))
    before = sum(v for sid, v in scores.items() if sid in marked)
    return before >= sum(scores.values()) - before


def questions_for(stage: StageCall | None, journey: JourneyMap | None = None) -> list[str]:
    """Goal-discovery questions for the stage: the first stage's (the opening discovery
    questions) when none was found or the call is only a guess (confidence under WEAK_STAGE), since
    a guessed stage's questions can be far off (an internal call guessed as advocacy asked
    what result the customer wants to talk about publicly)."""
    journey = journey or load_journey()
    found = journey.get(stage.id) if stage and stage.confidence >= WEAK_STAGE else None
    return list((found or journey.stages[0]).questions)


def _hits_once(meeting: Meeting, journey: JourneyMap) -> list[_Hit]:
    """_hits, found once per meeting, map and title: detect and before_results both read them."""
    key = (meeting, journey, meeting.transcript.title)
    return _LAST.get(key, lambda: _hits(meeting, journey))


def _hits(meeting: Meeting, journey: JourneyMap) -> list[_Hit]:
    """Every mention of a map cue or a settling phrase, weighed where it was said."""
    index = _index(tuple((s.id, tuple(s.cues)) for s in journey.stages))
    ctx = context()
    out = []
    stages = {s.id for s in journey.stages}
    for sent in _sentences(meeting, ctx):
        said = set(sent.norm.split())
        for sid, name in ctx.settling(sent.norm, said):
            if sid in stages:
                out.append(_Hit(sid, name, sent.weight, sent.text, sent.purpose, True))
        for word in said & index.keys():
            for sid, key, name in index[word]:
                start = sent.norm.find(key)
                while start >= 0:
                    if not (sent.opening and ctx.is_negated(sent.norm, start)):
                        past = ctx.is_past(sent.norm, start)
                        weight = sent.weight * (PAST_WEIGHT if past else 1.0)
                        out.append(_Hit(sid, name, weight, sent.text, sent.purpose))
                    start = sent.norm.find(key, start + 1)
    return out


@lru_cache(maxsize=8)
def _index(
    stages: tuple[tuple[str, tuple[str, ...]], ...],
) -> dict[str, list[tuple[str, str, str]]]:
    """Cues by their key word (stage_context.key_word), so a sentence is only checked for
    cues that can occur."""
    index: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for sid, cues in stages:
        for cue in cues:
            phrases = variants(cue)
            name = words(cue).replace(" ", "") if len(phrases) == 1 else cue
            for key in dict.fromkeys(words(v) for v in phrases):
                word = key_word(key)
                if word and (sid, key, name) not in index[word]:
                    index[word].append((sid, key, name))
    return dict(index)


def _sentences(meeting: Meeting, ctx: Context) -> Iterator[_Sentence]:
    """Every sentence with its weight: the title first, as a statement of purpose."""
    title = meeting.transcript.title
    if title:
        yield _Sentence(
            title, ctx.strip_ignored(words(title)), OPENING_WEIGHT * PURPOSE_WEIGHT, True
        )
    total = max(sum(len(doc) for doc in meeting.docs), 1)
    seen = 0
    turns = meeting.transcript.turns
    for i, doc in enumerate(meeting.docs):
        left = 0
        turn: list[_Sentence] = []
        for sent in doc.sents:
            where = seen / total
            seen += len(sent)
            base = OPENING_WEIGHT if where < OPENING else 1.0
            # sent.text, cut from the turn (doc.text == turn.text) instead of joined from tokens
            text = turns[i].text[sent.start_char : sent.end_char]
            norm = ctx.strip_ignored(_clauses(text))
            # an agenda opener reads across commas ("So, today.")
            if where < PURPOSE_PART and ctx.is_purpose(norm.replace(" | ", " ")):
                left = PURPOSE_SENTENCES
                _headline(turn)
            purpose = left > 0
            left = max(left - 1, 0)
            weight = base * (PURPOSE_WEIGHT if purpose else 1.0)
            turn.append(_Sentence(text.strip(), norm, weight, purpose, where < OPENING))
        yield from turn


def _headline(turn: list[_Sentence]) -> None:
    """The sentence just before an agenda opener in its turn is its headline ("Okay, so,
    kickoff. The plan today is..."): it joins the purpose statement."""
    if turn and not turn[-1].purpose:
        turn[-1].purpose = True
        turn[-1].weight *= PURPOSE_WEIGHT


def _clauses(text: str) -> str:
    """The sentence's words with a mark between clauses, so no cue spans a comma."""
    return "|".join(map(words, _CLAUSE.split(text)))


def _evidence(hits: list[_Hit], stage_id: str) -> list[str]:
    """The winning stage's sentences: settling phrase, purpose statement, then most cues."""
    cues: dict[str, set[str]] = defaultdict(set)
    purpose: set[str] = set()
    settling: set[str] = set()
    for h in hits:
        if h.stage == stage_id:
            cues[h.sentence].add(h.cue)
            if h.purpose:
                purpose.add(h.sentence)
            if h.decisive:
                settling.add(h.sentence)
    ranked = sorted(cues, key=lambda s: (s not in settling, s not in purpose, -len(cues[s])))
    return ranked[:MAX_EVIDENCE]
