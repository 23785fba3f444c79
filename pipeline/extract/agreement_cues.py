"""What one sentence or turn says in reply to a goal, read from the cue families: a yes, an
affirmation or a taking-on, a hedge, a doubt or refusal, a drop, a request to confirm.
`agreement.py` weighs these to decide whether both sides accepted a goal. The families live in
data/goals/agreement.yaml, beside the goal cue families they also read (cues.yaml's affirm,
said_yes, contest, joint, proposal); apostrophes are optional, since transcribed speech drops
them ("thats the one", "lets not").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from milepost.pipeline.extract import claims as cl
from milepost.pipeline.extract import lowered

Unit = tuple[int, str | None, str]
"""(turn, speaker, text): a turn, or a sentence where the speaker is unknown."""
Sign = tuple[str | None, str]
"""Who showed a sign of agreement, and the sentence that showed it."""
GOAL_FAMILIES = ("affirm", "said_yes", "contest", "joint", "proposal")
"""The goal cue families (cues.yaml) agreement reads beside its own."""
SENTENCE = re.compile(r"(?<=[.!?])\s+")
APOSTROPHE = re.compile(r"'")
OPTIONAL_APOSTROPHE = "['\u2019]?"


def hedges(text: str) -> bool:
    """Not yes yet ("maybe, let me see the numbers first"): against the goal as a first reply."""
    return fires("hedge", text)


@lru_cache(maxsize=1)
def frame_words() -> frozenset[str]:
    return frozenset(str(cl.data("agreement.yaml")["frame_words"]).split())


@lru_cache(maxsize=1)
def confirm_words() -> frozenset[str]:
    """agreement.yaml's confirm_words in the forms content() keeps ("ourselves": "ourselve")."""
    return content(str(cl.data("agreement.yaml")["confirm_words"]))


def distinctive(word: str) -> bool:
    """A figure too particular to be shared by chance: not one of the small counts; or a
    fraction ("down by a third" is named again by "about the one third. Take that out.")."""
    return (number(word) and word not in small_counts()) or word in fractions()


@lru_cache(maxsize=1 << 12)
def number(word: str) -> bool:
    """A content word that is a number: a digit string, a number word ("twenty"), or one
    spelled with a hyphen ("thirty-five", "twenty-one"), as transcripts write most figures
    between twenty and a hundred ("Thirty-five percent, by the end of October." is said back
    as "Thirty-five percent direct by the thirty-first of October.")."""
    if cl.is_number(word):
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p == "one" or cl.is_number(p) for p in parts)


@lru_cache(maxsize=1)
def negated() -> re.Pattern[str]:
    """A negation right before a drop cue: "you don't have to pull it" drops nothing."""
    return spoken(cl.data("agreement.yaml")["drop_negated"])


@lru_cache(maxsize=1)
def small_counts() -> frozenset[str]:
    return frozenset(str(cl.data("agreement.yaml")["small_counts"]).split())


@lru_cache(maxsize=1)
def fractions() -> frozenset[str]:
    return frozenset(str(cl.data("agreement.yaml")["fractions"]).split())


@lru_cache(maxsize=1 << 14)
def checks(text: str) -> bool:
    """text asks the other side to confirm something as said ("..., that's the number?"), not
    for something new ("how many do you close today?")."""
    return fires("check", text) and not open_question().search(text)


@lru_cache(maxsize=1)
def open_question() -> re.Pattern[str]:
    return re.compile(cl.data("agreement.yaml")["open_question"], re.I)


def proposed(text: str) -> bool:
    """Put forward for the other side to take up ("what if we set the target..."), not set."""
    return text.rstrip().endswith("?") or fires("proposal", text)


@lru_cache(maxsize=1 << 14)
def accepts(text: str) -> bool:
    """Affirms or takes on the goal, in a sentence that is not the product's pitch ("that's
    exactly what the family app does" says what the tool can do, not that the goal is shared),
    not in words that only say why a note is taken ("say it in your words so I write it down
    right"), and not in a question whose "?" a transcriber dropped ("is that the bar we hold
    ourselves to.")."""
    return any(
        affirms(families()["note_purpose"].sub(" ", s))
        and not fires("capability", s)
        and not fires("asked", s)
        for s in SENTENCE.split(text)
    )


def affirms(text: str) -> bool:
    """An affirmation or a taking-on, not an "exactly" that says how something else fits, nor
    one under a negation ("Please don't write that down.", "we haven't agreed a number")."""
    said = _plain(text)
    return _said("affirm", said) or _said("accept", said)


def declines(text: str) -> bool:
    """An affirmation or a taking-on said under a negation: "Please don't write that down.",
    "Don't hold me to that.", "I wouldn't hold us to that one." A refusal of what was just
    said back, not a yes to it."""
    return any(
        fires(family, s) and not _live(family, s)
        for s in SENTENCE.split(text)
        for family in ("affirm", "accept")
    )


def _said(family: str, text: str) -> bool:
    """The family fires in text, and in some sentence not only right after a negation."""
    return fires(family, text) and any(_live(family, s) for s in SENTENCE.split(text))


@lru_cache(maxsize=1 << 14)
def _live(family: str, sentence: str) -> bool:
    """Some match of the family in the sentence has no negation up to two words before it."""
    return any(
        not yes_negated().search(sentence[: m.start()])
        for m in families()[family].finditer(sentence)
    )


@lru_cache(maxsize=1)
def yes_negated() -> re.Pattern[str]:
    """A negation right before a yes or an affirmation: "don't write that down" is no yes."""
    return spoken(cl.data("agreement.yaml")["yes_negated"])


@lru_cache(maxsize=1 << 14)
def denies(sentence: str) -> bool:
    """The sentence says a negation outside a closing tag question: said of the goal's figure
    ("I don't think eighty-five is something the software can get you", "Twenty-five on a
    one-year, honestly, I can't do."), it denies the goal rather than says it back; "Two days
    by June, isn't it?" still says it back."""
    return bool(_denied().search(_tag_question().sub("", sentence.strip())))


@lru_cache(maxsize=1)
def _denied() -> re.Pattern[str]:
    return spoken(cl.data("agreement.yaml")["read_back_denied"])


@lru_cache(maxsize=1)
def _tag_question() -> re.Pattern[str]:
    return spoken(cl.data("agreement.yaml")["tag_question"])


@lru_cache(maxsize=1)
def please_request() -> re.Pattern[str]:
    """A "please" that opens a request ("Please send it over."), not a yes ("Please.")."""
    return re.compile(cl.data("agreement.yaml")["please_request"], re.I)


@lru_cache(maxsize=1 << 14)
def _plain(text: str) -> str:
    """text without an "exactly" inside a sentence that tells how something fits ("the alerts
    are exactly for that"); searched only where such a word occurs."""
    if not _ADVERB.search(text):
        return text
    return families()["adverb_exactly"].sub("", text)


_ADVERB = re.compile(r"exactly|precisely|absolutely", re.I)


@lru_cache(maxsize=1 << 14)
def statements(text: str) -> str:
    """text without its questions: "that's the goal?" asks, it does not affirm."""
    return " ".join(s for s in SENTENCE.split(text) if not s.rstrip().endswith("?"))


def says_yes(text: str) -> bool:
    """A yes, or the question's verb said back as one ("Does that work?" "It does."); not a
    "right" that opens "right now it's 11%", a yes under a negation ("not exactly"), nor a
    "please" that opens a request ("Please don't write that down.")."""
    if not _yes_cue(text):
        return False
    said = [s for s in SENTENCE.split(text) if _yes_cue(s)]
    return not said or any(_yes_stands(s) for s in said)


def _yes_cue(text: str) -> bool:
    if fires("said_yes", text) and not (fires("right_adverb", text) and not _yes_beside(text)):
        return True
    return fires("echo_yes", text)


def _yes_stands(sentence: str) -> bool:
    """The sentence's yes is one: not a request's "please", nor a yes under a negation."""
    if please_request().search(sentence):
        return False
    return fires("echo_yes", sentence) or _live("said_yes", sentence)


@lru_cache(maxsize=1 << 12)
def _yes_beside(text: str) -> bool:
    """A yes in text besides its adverbial "right"s (searched only where one occurs)."""
    return fires("said_yes", families()["right_adverb"].sub(" ", text))


def opens_reply(text: str) -> bool:
    """Starts the way an answer starts: yes, exactly, okay, sounds good."""
    return says_yes(text) or fires("weak_affirm", text)


def contests(text: str) -> bool:
    """Someone contests, refuses or drops the goal."""
    return doubts(text) or fires("abandon", text)


def doubts(text: str) -> bool:
    """Someone contests or refuses the goal: it cannot be reached, or is not believed; not a
    doubt conceded later in its sentence ("under five by June is aggressive, but it's doable")."""
    if not (fires("contest", text) or fires("refuse", text)):
        return False
    return not fires("concede", text) or any(_doubt_stands(s) for s in SENTENCE.split(text))


def _doubt_stands(sentence: str) -> bool:
    """The sentence doubts the goal and concedes nothing after its first doubt."""
    at = [m.start() for n in ("contest", "refuse") if (m := families()[n].search(sentence))]
    return bool(at) and families()["concede"].search(sentence, min(at)) is None


@lru_cache(maxsize=1 << 16)
def fires(family: str, text: str) -> bool:
    """A cue family of agreement.yaml, or of the goal cues, matches somewhere in text (kept:
    each unit after each statement of each goal is read for the same families)."""
    quick = _quick()[family] if lowered.lowerable(text) else None
    if quick is not None:
        return bool(quick.search(text.lower()))
    return bool(families()[family].search(text))


@lru_cache(maxsize=1)
def _quick() -> dict[str, re.Pattern[str] | None]:
    """Each family without re.I, for lower-cased text, where that matches the same places
    (lowered.py): the optional curly apostrophe has no case, so it does not stand in the way."""
    out: dict[str, re.Pattern[str] | None] = {}
    for name, pattern in families().items():
        plain = pattern.pattern.replace(OPTIONAL_APOSTROPHE, "'?")
        caseless = lowered.caseless(plain)
        out[name] = re.compile(pattern.pattern, pattern.flags & ~re.I) if caseless else None
    return out


@lru_cache(maxsize=1)
def families() -> dict[str, re.Pattern[str]]:
    """agreement.yaml's families and the goal cue families it reads, apostrophes optional:
    transcribed speech often drops them ("thats the one", "lets not")."""
    raw = cl.data("agreement.yaml")["families"]
    own = {n: "|".join(f"(?:{p})" for p in ps) for n, ps in raw.items()}
    goal = {n: p.pattern for n, p in cl.cue_families().items() if n in GOAL_FAMILIES}
    return {n: spoken(p) for n, p in {**goal, **own}.items()}


def spoken(pattern: str) -> re.Pattern[str]:
    """A cue pattern as transcribed speech says it: apostrophes optional, any case."""
    return re.compile(APOSTROPHE.sub(OPTIONAL_APOSTROPHE, pattern), re.I)


@lru_cache(maxsize=1 << 14)
def content(text: str) -> frozenset[str]:
    """claims.content_words without contractions ("that's", kept as "that'", "don't", "we'll"):
    they name nothing, so a reply that shares one says nothing back. Kept per text: each unit
    is compared with every goal after it."""
    words = cl.content_words(text)
    if "'" in text:  # most texts hold none
        words = {w for w in words if "'" not in w}
    return frozenset(words)


def quote(text: str, test: Callable[[str], bool] | None = None) -> str:
    """The first sentence of text that passes test (else its first sentence), to quote."""
    sentences = [s for s in SENTENCE.split(text.strip()) if s]
    return next(
        (s for s in sentences if test is None or test(s)), sentences[0] if sentences else text
    )


def asks_about(text: str, words: set[str]) -> bool:
    """The other side asks to confirm the goal just said without naming anything else ("Can
    we hold ourselves to that?", "Is that the goal for the plan?"): a yes to it is a yes to
    the goal. Not "Does the SSO rollout by May work?", which names something new, nor "And
    now?", which names nothing."""
    if not fires("check", text):
        return False
    asked = quote(text, lambda s: fires("check", s))
    said = content(asked)  # "And now?" names nothing, and asks for something new
    return bool(said) and not (said - words - frame_words() - confirm_words())
