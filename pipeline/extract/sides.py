"""Which side each speaker is on: the roster when given, else inferred from what they say.

Three kinds of evidence, strongest last: how each speaker talks ("we can", "you want", "my
team", "we had": pronoun pairs weighted by a model learned from cs_train), who opens the
call (the vendor records and hosts it, and greets the customer's people by name as it
opens), and what people say about each other ("I've got Jess on with me", "Lauren, she's
your CSM", "Hi, um, is it Aoife?": nobody asks a colleague's name). An internal meeting,
where nobody is addressed as the customer, puts everyone on the vendor side.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from milepost.models import SpeakerSide
from milepost.pipeline.extract import lowered
from milepost.pipeline.extract import names as names_
from milepost.pipeline.extract.meeting import Meeting

SENTENCE = re.compile(r"(?<=[.?!])\s+")
FIRST = "__first"
SECOND = "__second"
SHARE = "__share"
# The first speaker hosts the call (the vendor records it) unless they talk like a customer
# and someone else talks like the vendor by at least this margin (vendor log-odds).
HOST_DOUBT_MARGIN = 0.75
# A speaker who talks this clearly like one side (vendor log-odds, either sign) passes that side
# to a person they put on their own side ("Hattie's here with me"), as a settled side does.
SURE_SCORE = 2.0
# What a capitalised word welcomed to is not, when it is no product ("Welcome to Scotland").
NOT_A_PRODUCT = frozenset({"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT"})
# The host greets the customer's people by name as the call opens ("Helen, good to see you.
# Rahim, Siobhan, hi."; in the training meetings, 347 of 355 such names are customers): this
# much is taken off the vendor log-odds of a speaker the host addresses in the first turns.
GREETED_PRIOR = 1.0
# Asking someone's name ("Hi, um, is it Aoife?", "Tanisha, is it?") puts them on the other side.
ASKED_NAME = re.compile(
    r"\b(?i:is it),?\s+([A-Z][^\W\d_]+)\s*\?|\b([A-Z][^\W\d_]+),?\s+(?i:is it)\s*\?"
)
OPENING_TURNS = 6
# The host reading out who has joined: "So, I see Patrice, Wes, Irina.", "I've got Gideon,
# Jonah, Ines." (in the training meetings' opening turns, 38 of 38 names so listed are the
# customer's); not "I've got Sadia and Joost with me" (sides.yaml same_side_after).
_FIRST_NAME = r"[A-Z][^\W\d_]+"
_NEXT_NAME = rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+){_FIRST_NAME}"  # ", Declan", " and Sunita"
LISTED = re.compile(
    rf"\b(?i:i see|i can see|i've got|i have|we've got|we have)\s+({_FIRST_NAME}(?:{_NEXT_NAME})+)"
)
# After a name, another name in a list: "I've got Bernadette, Declan and Sunita."
NAME_LIST_GOES_ON = re.compile(rf"{_NEXT_NAME}\b")
# A sentence opening on a list of names is a roll call: "Teresa, Rahul, Yvonne, good to see you."
ROLL_CALL = re.compile(rf"{_FIRST_NAME}(?:,\s+(?:and\s+)?{_FIRST_NAME})+(?=,)")


@dataclass(frozen=True)
class Cues:
    pair: re.Pattern[str]
    same_before: list[re.Pattern[str]]
    same_before_alone: list[re.Pattern[str]]
    same_after: list[re.Pattern[str]]
    vendor_role: list[re.Pattern[str]]
    vendor_self: list[re.Pattern[str]]
    any_vendor_role: re.Pattern[str]
    any_vendor_self: re.Pattern[str]
    """Whether any vendor_role (vendor_self) pattern can match, in one search: _links reads
    each pattern only then (eight searches a sentence were most of its time)."""
    third_person_role: re.Pattern[str]
    second_person: re.Pattern[str]
    min_third: int
    max_second_rate: float
    customer_talk: re.Pattern[str]
    min_customer_rate: float


def _data(name: str) -> str:
    return resources.files("milepost.pipeline").joinpath(f"data/sides/{name}").read_text("utf-8")


def _compile(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


def _either(patterns: list[str]) -> re.Pattern[str]:
    """A pattern that matches a text wherever one of these (compiled as _compile does) can:
    their alternation; or, where a pattern refers to a group by number (which the others'
    groups would shift) or cannot stand inside another (a global flag), the empty pattern,
    which any text passes."""
    if any(re.search(r"\\[1-9]|\(\?\(", p) for p in patterns):
        return re.compile("")
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)
    except re.error:
        return re.compile("")


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The side cues, loaded once from package data."""
    raw: dict[str, Any] = yaml.safe_load(_data("cues.yaml"))
    internal = raw["internal"]
    return Cues(
        pair=re.compile(raw["pair"], re.IGNORECASE),
        same_before=_compile(raw["same_side_before"]),
        same_before_alone=_compile(raw["same_side_before_alone"]),
        same_after=_compile(raw["same_side_after"]),
        vendor_role=_compile(raw["vendor_role"]),
        vendor_self=_compile(raw["vendor_self"]),
        any_vendor_role=_either(raw["vendor_role"]),
        any_vendor_self=_either(raw["vendor_self"]),
        third_person_role=re.compile(internal["third_person_role"], re.IGNORECASE),
        second_person=re.compile(internal["second_person"], re.IGNORECASE),
        min_third=int(internal["min_third_person_role"]),
        max_second_rate=float(internal["max_second_per_1000_words"]),
        customer_talk=re.compile(internal["customer_talk"], re.IGNORECASE),
        min_customer_rate=float(internal["min_customer_talk_per_1000_words"]),
    )


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """Learned weights for the per-speaker features (scripts/train_sides.py)."""
    return dict(json.loads(_data("weights.json")))


def infer(meeting: Meeting, weights: dict[str, Any] | None = None) -> None:
    """Fill meeting.sides and meeting.names; roster entries always win.

    `weights` replaces the shipped speaker model (the training script's cross-validation).
    """
    meeting.names = names_.learn(meeting)
    speakers = meeting.transcript.speakers
    roster = _roster_by_label(meeting)
    if "customer" not in meeting.roster.values() and is_internal(meeting):
        meeting.sides = {s: "vendor" for s in speakers}
    else:
        scores = speaker_scores(meeting, weights)
        for speaker in _greeted_by_host(meeting):
            scores[speaker] -= GREETED_PRIOR
        fixed = _relations(meeting, dict(roster), scores)
        meeting.sides = {
            s: fixed.get(s) or ("vendor" if scores[s] > 0 else "customer") for s in speakers
        }
        _at_least_one_customer(meeting.sides, scores, set(fixed))
    meeting.sides.update(roster)
    for name, side in meeting.roster.items():
        meeting.sides.setdefault(name, side)


def _roster_by_label(meeting: Meeting) -> dict[str, SpeakerSide]:
    """Roster sides keyed by speaker label: a roster name may be a label, a full or first name."""
    out: dict[str, SpeakerSide] = {}
    for given, side in meeting.roster.items():
        for label in meeting.transcript.speakers:
            shown = meeting.names.get(label, label)
            if same_person(given, label) or same_person(given, shown):
                out[label] = side
    return out


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Case-folded, accents dropped (cached: _mentioned folds the same words all meeting)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def same_person(given: str, label: str) -> bool:
    """True when a roster entry names this label: exact, or by the first name alone."""
    g, l_ = _fold(given), _fold(label)
    if g == l_:
        return True
    if names_.is_anonymous(given) or names_.is_anonymous(label):
        return False
    return (
        (" " not in g or " " not in l_) and g.split()[:1] == l_.split()[:1] and not g[-1:].isdigit()
    )


def is_internal(meeting: Meeting) -> bool:
    """Not a customer call: staff discussing an account ("their VP"), or customers in general."""
    c = cues()
    text = " ".join(t.text for t in meeting.transcript.turns)
    per_1000 = 1000 / max(1, len(text.split()))
    found = lowered.Text(text)
    if found.count(c.customer_talk) * per_1000 >= c.min_customer_rate:
        return True
    if found.count(c.third_person_role) < c.min_third:
        return False  # most calls: the second person need not be counted
    return found.count(c.second_person) * per_1000 < c.max_second_rate


def speaker_features(meeting: Meeting) -> dict[str, dict[str, float]]:
    """Per speaker: log counts of pronoun pairs, whether they spoke first or second, word share."""
    pair = cues().pair
    quick = lowered.fast(pair) or pair
    counts: dict[str, Counter[str]] = {s: Counter() for s in meeting.transcript.speakers}
    words: Counter[str] = Counter()
    for turn in meeting.transcript.turns:
        if turn.speaker is None:
            continue
        low = turn.text.lower()
        words[turn.speaker] += len(low.split())
        found = (quick if lowered.lowerable(turn.text) else pair).finditer(low)
        counts[turn.speaker].update(f"{m.group(1)} {m.group(2)}" for m in found)
    total = max(1, sum(words.values()))
    out = {}
    for rank, speaker in enumerate(meeting.transcript.speakers):
        feats = {k: math.log1p(v) for k, v in counts[speaker].items()}
        feats[FIRST] = 1.0 if rank == 0 else 0.0
        feats[SECOND] = 1.0 if rank == 1 else 0.0
        feats[SHARE] = words[speaker] / total
        out[speaker] = feats
    return out


def speaker_scores(meeting: Meeting, weights: dict[str, Any] | None = None) -> dict[str, float]:
    """Vendor log-odds for each speaker from how they talk (positive: vendor)."""
    m = weights or model()
    w: dict[str, float] = m["weights"]
    return {
        s: m["bias"] + sum(w.get(k, 0.0) * v for k, v in f.items())
        for s, f in speaker_features(meeting).items()
    }


def _relations(
    meeting: Meeting, fixed: dict[str, SpeakerSide], scores: dict[str, float]
) -> dict[str, SpeakerSide]:
    """Sides settled by what people say about each other, spreading from the call's host."""
    speakers = meeting.transcript.speakers
    host = speakers[0] if speakers else None
    if host and host not in fixed and not _host_doubted(host, scores):
        fixed[host] = "vendor"
    for speaker, side in _by_domain(speakers).items():
        fixed.setdefault(speaker, side)
    links = _links(meeting)
    for speaker, target in links["vendor"]:
        fixed.setdefault(target or speaker, "vendor")
    sure = {s: _side(v) for s, v in scores.items() if abs(v) >= SURE_SCORE}
    for _ in range(3):  # spread "on my side" links from speakers whose side is known
        for speaker, target in links["same"]:
            side = fixed.get(speaker) or sure.get(speaker)
            if side and target and target not in fixed:
                fixed[target] = side
    for speaker, target in links["other"]:  # nobody asks a colleague's name
        side = fixed.get(speaker) or sure.get(speaker)
        if side and target and target not in fixed:
            fixed[target] = "customer" if side == "vendor" else "vendor"
    return fixed


def _side(score: float) -> SpeakerSide:
    return "vendor" if score > 0 else "customer"


def _domain(label: str) -> str | None:
    """The company in a label: an email domain ("dana@acme.com") or "Dana Ruiz (Acme)"."""
    m = re.search(r"@([\w-]+(?:\.[\w-]+)*)|\(([^)]+)\)\s*$", label)
    if m is None:
        return None
    return _fold(m.group(1) or m.group(2)).split(".")[0]


def _greeted_by_host(meeting: Meeting) -> set[str]:
    """Speakers the first speaker greets or addresses by name in the call's opening turns."""
    speakers = meeting.transcript.speakers
    if not speakers:
        return set()
    host = speakers[0]
    lookup = _name_lookup(meeting)
    out: set[str] = set()
    for turn in meeting.transcript.turns[:OPENING_TURNS]:
        if turn.speaker != host:
            continue
        called = [name.split()[0] for name, _ in names_.addressed(turn.text)]
        for sentence in SENTENCE.split(turn.text):
            if m := ROLL_CALL.match(sentence):
                called += re.split(r"\W+", m.group(0))
            if (m := LISTED.search(sentence)) and not _with_speaker(sentence[m.end() :]):
                called += re.split(r"\W+", m.group(1))
        for name in called:
            label = lookup.get(_fold(name)) if name else None
            if label is not None and label != host:
                out.add(label)
    return out


def _with_speaker(tail: str) -> bool:
    """True when the words after a list of names put them on the speaker's side ("with me")."""
    return any(p.search(tail) for p in cues().same_after)


def _by_domain(speakers: list[str]) -> dict[str, SpeakerSide]:
    """With two or more companies in the labels, the host's company is the vendor."""
    domains = {s: d for s in speakers if (d := _domain(s))}
    if not speakers or len(set(domains.values())) < 2:
        return {}
    host = domains.get(speakers[0]) or next(iter(domains.values()))
    return {s: "vendor" if d == host else "customer" for s, d in domains.items()}


def _host_doubted(host: str, scores: dict[str, float]) -> bool:
    """True when the first speaker sounds like the customer and another like the vendor."""
    best_other = max((v for s, v in scores.items() if s != host), default=float("-inf"))
    return scores[host] < 0 and best_other - scores[host] > HOST_DOUBT_MARGIN


def _links(meeting: Meeting) -> dict[str, list[tuple[str, str | None]]]:
    """("same", speaker, person they put on their side) and ("vendor", speaker, person or None)."""
    c = cues()
    lookup = _name_lookup(meeting)
    out: dict[str, list[tuple[str, str | None]]] = {"same": [], "vendor": [], "other": []}
    docs = meeting.docs if len(meeting.docs) == len(meeting.transcript.turns) else None
    for i, turn in enumerate(meeting.transcript.turns):
        if turn.speaker is None:
            continue
        start = 0
        for sentence in SENTENCE.split(turn.text):
            offset = turn.text.find(sentence, start)
            start = offset + len(sentence)
            said = lowered.Text(sentence)
            ends = (
                [m.end() - 1 + offset for p in c.vendor_self if (m := said.search(p))]
                if said.search(c.any_vendor_self)
                else []
            )
            if ends and (not docs or not set(ends) <= _places(meeting.entity_doc(i))):
                out["vendor"].append((turn.speaker, None))
            people = [
                (label, m) for label, m in _mentioned(sentence, lookup) if label != turn.speaker
            ]
            role = (  # read only for the people named: most sentences name none, nor a role
                next((m for p in c.vendor_role if (m := said.search(p))), None)
                if people and said.search(c.any_vendor_role)
                else None
            )
            if role and people:
                before = [p for p in people if p[1].start() < role.start()]
                out["vendor"].append((turn.speaker, (before[-1] if before else people[0])[0]))
            if sentence.rstrip().endswith("?"):
                out["other"] += [
                    (turn.speaker, label)
                    for label, m in _asked_names(sentence, lookup)
                    if label != turn.speaker
                ]
                continue
            for label, m in people:
                head, tail = sentence[: m.start()], sentence[m.end() :]
                alone = not NAME_LIST_GOES_ON.match(tail)
                if (
                    any(p.search(head) for p in c.same_before)
                    or (alone and any(p.search(head) for p in c.same_before_alone))
                    or any(p.search(tail) for p in c.same_after)
                ):
                    out["same"].append((turn.speaker, label))
    return out


def _places(doc: Any) -> set[int]:
    """Character offsets inside words spaCy reads as a place or a time: one welcomed to
    ("Welcome to Scotland in November") is no product, so the speaker need not be the vendor."""
    return {
        k for t in doc if t.ent_type_ in NOT_A_PRODUCT for k in range(t.idx, t.idx + len(t.text))
    }


def _asked_names(sentence: str, lookup: dict[str, str]) -> list[tuple[str, re.Match[str]]]:
    """Speakers whose name the sentence asks about ("Hi, um, is it Aoife?", "Signe, is it?")."""
    if "is it" not in sentence.lower():
        return []
    return [
        (label, m)
        for m in ASKED_NAME.finditer(sentence)
        if (label := lookup.get(_fold(m.group(1) or m.group(2)))) is not None
    ]


def _name_lookup(meeting: Meeting) -> dict[str, str]:
    """First name (folded) -> speaker label, for every speaker whose name is known."""
    lookup: dict[str, str] = {}
    for label in meeting.transcript.speakers:
        shown = meeting.names.get(label, label)
        if names_.is_anonymous(shown):
            continue
        lookup.setdefault(_fold(shown.split()[0]), label)
    return lookup


def _mentioned(sentence: str, lookup: dict[str, str]) -> list[tuple[str, re.Match[str]]]:
    """Speakers named in the sentence, not counting one addressed at its start or end."""
    out: list[tuple[str, re.Match[str]]] = []
    # An ASCII word folds to its lower case: no known name inside the lower-cased sentence,
    # no speaker named (most sentences name nobody).
    low = sentence.lower()
    if not lookup or (sentence.isascii() and not any(k in low for k in lookup)):
        return out
    for m in re.finditer(r"[^\W\d_][^\W\d_'’-]*(?:-[^\W\d_]+)?", sentence):
        # a name is capitalised: most words are not, and folding a word costs more than this
        if not m.group(0)[0].isupper():
            continue
        label = lookup.get(_fold(m.group(0)))
        if label is None:
            continue
        before, after = sentence[: m.start()].strip(), sentence[m.end() :].lstrip()
        leading = " ".join(w for w in before.split() if _fold(w.strip(",.")) not in lookup)
        opening = re.fullmatch(
            r"(?i:(?:and|so|okay|ok|oh|hi|hey|right|um|honestly|look|listen|well|yeah|yes|now|but"
            r"|actually|anyway)\W*)*[,.]?",
            leading,
        )
        vocative = opening is not None and after.startswith(",")
        vocative = vocative or (before.endswith(",") and bool(re.fullmatch(r"[?.!]?\s*", after)))
        if not vocative:
            out.append((label, m))
    return out


def _at_least_one_customer(
    sides: dict[str, str], scores: dict[str, float], fixed: set[str]
) -> None:
    """A customer meeting (not internal) has someone on the customer side: the least vendor-like."""
    if len(sides) < 2 or "customer" in sides.values():
        return
    free = [s for s in sides if s not in fixed] or list(sides)[1:]
    sides[min(free, key=lambda s: scores.get(s, 0.0))] = "customer"
