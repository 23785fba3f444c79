"""People's names for anonymous speaker labels (SPEAKER_00, Speaker 2), learned from the talk.

Step owners must be people ("Felix"), not diarizer labels. A speaker names themself ("this
is Tomas", "Lauren here"), or is greeted or addressed right before or after they speak ("Hi
Yusuf." / "Kwame, could you..."). Votes are summed and each label gets its best name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from collections.abc import Container, Iterable

    from spacy.tokens import Doc, Token

    from milepost.pipeline.extract.meeting import Meeting

BARE_NAME = r"(?P<name>[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)?(?:\s+[A-Z][^\W\d_]+(?:-[^\W\d_]+)?)?)"
NAME = BARE_NAME + r"(?!['’]s)"
# A name opening a turn ("So Marcus, you're the one...") or closing it ("..., Kwame?").
SENTENCE_START = re.compile(r"(?:^|(?<=[.?!])\s+)")
HEAD = re.compile(
    rf"(?:(?i:so|okay|ok|and|right|um|alright)\W+)*{NAME}\s*"
    r"(?:[,?!]|\s+(?i:hi|hey|you|can you|could you|would you|do you|did you)\b)"
)
# A turn answering yes and naming whom it answers: "Yep, got you Maya.", "Yes, we're here, Evan."
# (the one who asked "can you hear me?" just before).
ANSWER = re.compile(rf"^\W*(?i:yes|yep|yeah|yup)\b[^.?!]*?(?:,|\b(?i:you))\s*{NAME}\s*[.!]")
TAIL = re.compile(rf"(?:[,?]|\b(?i:is it|are you))\s*{NAME}\s*[?.!]\s*$")
# A turn opening on a name and a yes: the speaker confirms the name they were just asked
# about ("is it Aoife?", "Signe, is it?"), not a name echoed back ("Sage, yes.").
CONFIRM = re.compile(rf"{NAME},\s*(?i:yes|yep|yeah|that's me|that's right)\b")
# A self-introduction in an all-lower-case turn, naming where the speaker is from
# (lowercase_names), said in one of the speaker's first INTRO_TURNS turns.
LOWER_SELF_INTRO = re.compile(
    r"\b(?:this is|it's|its|i'm|im|my name is|my name's)\s+"
    r"(?P<name>[a-z]{2,})\s+from\s+(?P<org>[a-z]+)"
)
INTRO_TURNS = 2
SELF_INTRO_TURNS = 3
LOWER_WORD = re.compile(r"[a-z]+")
LOST_APOSTROPHE = re.compile(r"\b(im|its)(?=\s+[A-Z])")
COMPANY = frozenset({"ORG", "PRODUCT"})
SELF_VOTE = 3.0
ADDRESS_VOTE = 1.0
OWN_ADDRESS_PENALTY = -3.0
INTRO_VOTE = 1.0
# An introduced person speaks within this many turns, if they are new to the call.
INTRO_REACH = 3


@dataclass(frozen=True)
class Vocab:
    anonymous: re.Pattern[str]
    greeting: re.Pattern[str]
    not_names: frozenset[str]
    self_intros: list[re.Pattern[str]]
    introductions: list[re.Pattern[str]]
    greets_on: re.Pattern[str]


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The name learner's words, loaded once from package data."""
    text = resources.files("milepost.pipeline").joinpath("data/sides/names.yaml").read_text("utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    greet = "|".join(re.escape(g) for g in sorted(raw["greetings"], key=len, reverse=True))
    group = "|".join(re.escape(g) for g in raw["group_addresses"])
    return Vocab(
        anonymous=re.compile(raw["anonymous_label"], re.IGNORECASE),
        greeting=re.compile(rf"\b(?i:{greet})\b,?\s+{NAME}"),
        not_names=frozenset(w.lower() for w in raw["not_names"]),
        self_intros=[re.compile(p.replace("NAME", NAME)) for p in raw["self_intros"]],
        introductions=[re.compile(p.replace("NAME", BARE_NAME)) for p in raw["introductions"]],
        greets_on=re.compile(rf"\s*(?i:and\s+(?:{greet})|{group})\b"),
    )


def is_anonymous(label: str) -> bool:
    """True for diarizer-style labels that carry no person's name."""
    return bool(vocab().anonymous.match(label.strip()))


def learn(meeting: Meeting) -> dict[str, str]:
    """Speaker label -> person's name: named speakers map to themselves, anonymous ones to a
    name learned from the talk when the evidence points one way."""
    names = {s: s for s in meeting.transcript.speakers if not is_anonymous(s)}
    anonymous = [s for s in meeting.transcript.speakers if is_anonymous(s)]
    if not anonymous:
        return names
    votes = _votes(meeting)
    taken = set(names.values())
    ranked = sorted(
        ((score, label, name) for (label, name), score in votes.items() if label in anonymous),
        reverse=True,
    )
    for score, label, name in ranked:
        if score <= 0 or label in names or name in taken:
            continue
        if any(n.split()[0] == name.split()[0] for n in taken):
            continue
        names[label] = name
        taken.add(name)
    return names


def _votes(meeting: Meeting) -> dict[tuple[str, str], float]:
    """(speaker label, name) -> evidence that the label is that person."""
    turns = meeting.transcript.turns
    proper = ProperNouns(meeting) if meeting.docs else None
    votes: dict[tuple[str, str], float] = defaultdict(float)
    first_turn: dict[str, int] = {}
    for i, turn in enumerate(turns):
        if turn.speaker is not None:
            first_turn.setdefault(turn.speaker, i)
    lowered = lowercase_names(turns)
    if lowered and proper is not None:
        proper = proper | set(lowered.values())
    said: dict[str, int] = defaultdict(int)
    for i, turn in enumerate(turns):
        if turn.speaker is None:
            continue
        said[turn.speaker] += 1
        text = recased(turn.text.strip(), lowered)
        for name in self_named(text, proper) if said[turn.speaker] <= SELF_INTRO_TURNS else []:
            votes[(turn.speaker, name)] += SELF_VOTE
        newcomer = _introduced_speaker(turns, i, introduced(text, proper), first_turn, proper)
        if newcomer:
            votes[newcomer] += INTRO_VOTE
        prev_speaker = _neighbour(turns, i, -1)
        next_speaker = _neighbour(turns, i, +1)
        called = addressed(text, proper)
        confirmed = _confirmed_name(text, turns[i - 1].text if i else "", called)
        if confirmed:
            votes[(turn.speaker, confirmed)] += SELF_VOTE
            called = [(n, g) for n, g in called if n != confirmed]
        share = ADDRESS_VOTE / max(1, sum(greeted for _, greeted in called))
        for name, greeted in called:
            votes[(turn.speaker, name)] += OWN_ADDRESS_PENALTY
            if greeted and prev_speaker:
                votes[(prev_speaker, name)] += share
            if next_speaker:
                votes[(next_speaker, name)] += share / 2 if greeted else ADDRESS_VOTE
    return votes


def lowercase_names(turns: list[Any]) -> dict[str, str]:
    """Lower-case word -> its capitalised form, for the names all-lower-case (ASR) turns give
    their speakers in a self-introduction naming where they are from ("this is kofi from pic
    path", "im shauna from routewell"), said in the speaker's first turns, where people
    introduce themselves. Capitals are what tell a name in a written turn; a lower-case turn
    has none, so the slot has to.
    """
    found: dict[str, str] = {}
    stop = _stop_words()
    seen: dict[str, int] = defaultdict(int)
    for turn in turns:
        seen[turn.speaker] += 1
        text = turn.text
        if seen[turn.speaker] > INTRO_TURNS or not text or any(c.isupper() for c in text):
            continue
        for m in LOWER_SELF_INTRO.finditer(text):
            word = m.group("name")
            if m.group("org") in stop:  # "where im coming from, our...": no place named
                continue
            if word not in vocab().not_names and word not in stop:
                found[word] = word.capitalize()
    return found


def recased(text: str, lowered: dict[str, str]) -> str:
    """An all-lower-case turn with the meeting's lower-case names capitalised, and the
    apostrophe ASR drops put back before one ("im Shauna", "its Marisol": "i'm", "it's")."""
    if not lowered or any(c.isupper() for c in text):
        return text
    text = LOWER_WORD.sub(lambda m: lowered.get(m.group(0), m.group(0)), text)
    return LOST_APOSTROPHE.sub(lambda m: {"im": "i'm", "its": "it's"}[m.group(1)], text)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _confirmed_name(text: str, before: str, called: list[tuple[str, bool]]) -> str | None:
    """The name a turn opens by confirming as its speaker's own, asked just before ("Hi, um,
    is it Aoife?" / "Aoife, yes, perfect."; "Signe, is it?" / "Signe, yes.")."""
    m = CONFIRM.match(text)
    if m is None:
        return None
    name = m.group("name")
    asked = rf"\b(?i:is it),?\s+{re.escape(name)}\s*\?|\b{re.escape(name)},?\s+(?i:is it)\s*\?"
    if any(n == name for n, _ in called) and re.search(asked, before):
        return name
    return None


def _introduced_speaker(
    turns: list[Any],
    i: int,
    brought: list[str],
    first_turn: dict[str, int],
    proper: Container[str] | None,
) -> tuple[str, str] | None:
    """(speaker, name) when turn i brings in one person and, within INTRO_REACH turns, someone
    speaks for the first time who does not greet that person themself: that is who was brought in
    ("I've got Kasia with me." / SPEAKER_02: "Hi all.")."""
    if len(brought) != 1:
        return None
    name = brought[0]
    for j in range(i + 1, min(len(turns), i + 1 + INTRO_REACH)):
        speaker = turns[j].speaker
        if speaker is None or speaker == turns[i].speaker or first_turn.get(speaker) != j:
            continue
        if any(n.split()[0] == name.split()[0] for n, _ in addressed(turns[j].text, proper)):
            continue
        return (str(speaker), name)
    return None


def _neighbour(turns: list[Any], i: int, step: int) -> str | None:
    """The nearest other speaker before (step -1) or after (step +1) turn i."""
    j = i + step
    while 0 <= j < len(turns):
        if turns[j].speaker and turns[j].speaker != turns[i].speaker:
            return str(turns[j].speaker)
        j += step
    return None


def self_named(text: str, proper: Container[str] | None = None) -> list[str]:
    """Names a speaker gives themself in this turn ("Hi, it's Hye-jin", "I'm Noor Haddad")."""
    found = []
    for pattern in vocab().self_intros:
        for m in pattern.finditer(text):
            name = _clean(m.group("name"), proper)
            if name:
                found.append(name)
    return found


def introduced(text: str, proper: Container[str] | None = None) -> list[str]:
    """People this turn brings into the call ("I've got Kasia with me", "Malik's on with me")."""
    found: list[str] = []
    for pattern in vocab().introductions:
        for m in pattern.finditer(text):
            name = _clean(m.group("name"), proper)
            if name and name not in found:
                found.append(name)
    return found


def addressed(text: str, proper: Container[str] | None = None) -> list[tuple[str, bool]]:
    """(name, is_greeting) for people this turn greets or addresses by name at its edges."""
    out: list[tuple[str, bool]] = []
    for m in vocab().greeting.finditer(text):
        name = _clean(m.group("name"), proper)
        if name:
            out.append((name, True))
    for sentence in SENTENCE_START.finditer(text):
        head = HEAD.match(text, sentence.end())
        if head and _greets_on(text, head):
            continue  # "Buongiorno, and good afternoon.", "Bonjour, everyone.": no name
        name = head and _clean(head.group("name"), proper)
        if name and all(name != n for n, _ in out):
            out.append((name, False))
    answer = ANSWER.match(text.strip())
    name = answer and _clean(answer.group("name"), proper)
    if name and all(name != n for n, _ in out):
        out.append((name, True))  # said back to whoever asked, like a greeting returned
    tail = TAIL.search(text)
    if tail:
        name = _clean(tail.group("name"), proper)
        if name and all(name != n for n, _ in out):
            out.append((name, False))
    return out


def _greets_on(text: str, head: re.Match[str]) -> bool:
    """A turn's opening word followed by the whole group ('Buongiorno, everyone.') or joined
    to a greeting ('Buongiorno, and good afternoon.'): a greeting to the call, not a person's
    name ('Beatriz, hi.' still names Beatriz)."""
    if not head.group(0).rstrip().endswith(","):
        return False
    return vocab().greets_on.match(text, head.end()) is not None


def capital_tells(tok: Token) -> bool:
    """Whether a word's proper-noun tag is evidence of a name: not for a sentence's first word
    standing alone before punctuation ("Understood, saleyards only.", "Hola, good morning.",
    "Mm-hm, yes."), where any word has a capital and the tagger reads it from that. A name there
    ("Octavia, can you hear me?") needs its tag somewhere else too ("Thabo's on too", "Nikhil
    runs implementation", "hi Anouk") or a person entity."""
    doc = tok.doc
    opens = tok.i == 0 or tok.is_sent_start
    alone = tok.i + 1 >= len(doc) or doc[tok.i + 1].is_punct
    return not (opens and alone)


def _read_as(t: Token) -> tuple[bool, bool, bool]:
    """(a proper noun, a person, a company) as spaCy reads one token: the tag counts where a
    capital tells (capital_tells), a person entity always."""
    person = t.ent_type_ == "PERSON"
    return (t.pos_ == "PROPN" and capital_tells(t)) or person, person, t.ent_type_ in COMPANY


def _a_name(proper: bool, person: bool, companies: int) -> bool:
    """A word read as a proper noun is a name unless spaCy only ever calls it a company."""
    return proper and (person or companies < 3)


def proper_nouns(docs: list[Doc]) -> set[str]:
    """Words spaCy reads as a proper noun or a person, less those it only ever calls a company."""
    proper: set[str] = set()
    person: set[str] = set()
    company: dict[str, int] = defaultdict(int)
    for doc in docs:
        for t in doc:
            is_proper, is_person, is_company = _read_as(t)
            if is_proper:
                proper.add(t.text)
            if is_person:
                person.add(t.text)
            elif is_company:
                company[t.text] += 1
    return {w for w in proper if _a_name(True, w in person, company[w])}


class ProperNouns:
    """`word in proper_nouns(meeting.docs)`, read only where the word is said: _clean asks it of
    a handful of capitalised words a meeting, and only tokens spelled like the word decide it.
    So the docs holding such a token get their named entities (Meeting.with_entities, where
    NER was left for the turns it is read on) and the rest need none. `| words` adds words."""

    def __init__(self, meeting: Meeting, extra: frozenset[str] = frozenset()) -> None:
        self._meeting = meeting
        self._extra = extra
        self._known: dict[str, bool] = {}

    def __or__(self, words: Iterable[str]) -> ProperNouns:
        out = ProperNouns(self._meeting, self._extra | frozenset(words))
        out._known = self._known
        return out

    def __contains__(self, word: object) -> bool:
        if word in self._extra:
            return True
        if not isinstance(word, str):
            return False
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._read(word)
        return known

    def _read(self, word: str) -> bool:
        """What proper_nouns tells of the word, from the tokens spelled like it."""
        m = self._meeting
        said = [
            (i, [t.i for t in m.docs[i] if t.text == word])
            for i, turn in enumerate(m.transcript.turns)
            if word in turn.text
        ]
        said = [(i, at) for i, at in said if at]
        m.with_entities(i for i, _ in said)
        proper = person = False
        company = 0
        for i, at in said:
            for k in at:
                is_proper, is_person, is_company = _read_as(m.docs[i][k])
                proper = proper or is_proper
                person = person or is_person
                company += is_company and not is_person
        return _a_name(proper, person, company)


def _clean(name: str, proper: Container[str] | None) -> str | None:
    """The name if it looks like a person's (capitalised, not a filler word, a proper noun)."""
    words = name.split()
    while words and words[-1].lower() in vocab().not_names:
        words.pop()
    if not words or words[0].lower() in vocab().not_names or not words[0][0].isupper():
        return None
    if words[0].isupper():  # an acronym (SSO, PT), not a person
        return None
    if proper is not None and re.split(r"[-'’]", words[0])[0] not in proper:
        return None
    return " ".join(words)
