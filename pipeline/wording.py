"""How the brief and the recap word things a person reads: goals and goal categories.

A goal's short text is cut from its sentence, so it can start mid-thought ("that down to
three days before peak") or stop at the cut ("... by the..."). Such a text does not read
on its own; whoever shows it quotes the whole sentence instead. The words that point back
are data (`prompts/wording.yaml`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

import yaml

CUT_MARKS = ("...", "…")


ANSWER_WORDS = 8
POINTERS = frozenset({"it", "that", "this", "them", "those", "these"})


@lru_cache(maxsize=1)
def word_lists() -> dict[str, list[str]]:
    """The lists in `prompts/wording.yaml`, each word as written (quote yes, no, on and off
    there: YAML reads them bare as booleans)."""
    text = resources.files("milepost.prompts").joinpath("wording.yaml").read_text()
    return {str(k): list(v) for k, v in yaml.safe_load(text).items()}


@lru_cache(maxsize=16)
def _words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in word_lists()[key])


def _bare(word: str) -> str:
    """A word as the lists hold it: "That's," -> "that" ("that's" points back as "that")."""
    return word.lower().replace("’", "'").split("'")[0].strip(",.;:!?")


def goal_text(text: str) -> str:
    """A goal's short text as shown: without an opening that only ties it to its sentence
    ("still to cut onboarding time by 30%" -> "cut onboarding time by 30%", "honestly, is to
    settle the same day" -> "settle the same day")."""
    words = text.split()
    if len(words) > 2 and _bare(words[0]) in _words("idle_openers") and words[1].lower() == "to":
        return " ".join(words[2:])
    # what was wanted, cut after its "what I want": "honestly, is to settle with the boats the
    # same day they land" (data/train yg_02) -> "settle with the boats the same day they land"
    skip = 1 if words and words[0].endswith(",") else 0
    if len(words) > skip + 2 and [w.lower() for w in words[skip : skip + 2]] == ["is", "to"]:
        return " ".join(words[skip + 2 :])
    return text


def reads_alone(text: str) -> bool:
    """True when a goal's short text makes sense without the sentence it was cut from."""
    words = text.split()
    if not words or text.rstrip().endswith(CUT_MARKS) or not words[0][0].isalnum():
        return False
    if _bare(words[0]) in _words("leans_back") or bare_figure(text):
        return False
    # "get that under five minutes", "we wanted them under fifteen percent" (data/train
    # yg_05): the first verb's object points back, after the verb or a subject and its verb
    return not _object_points_back(words)


def _object_points_back(words: list[str]) -> bool:
    return any(
        _bare(words[at]) in POINTERS
        and (_bare(words[at + 1]) in _words("after_pointer") or words[at + 1][0].isdigit())
        for at in (1, 2)
        if at + 1 < len(words)
    )


PRONOUNS = frozenset({"it", "they", "them"})
COPULAS = frozenset({"is", "was", "are", "were", "one", "ones"})


def points_back(sentence: str) -> bool:
    """True for a whole sentence that says what it is about only with the one before it:
    one that opens on a pronoun ("It's me and one other person.", "They call all morning.")
    or a pointer that stands alone ("That's next year's goal.", "This is the number."), whose
    verb's object points back ("I want that cut in half."), or a bare figure ("Three days
    every week."). A pointer before a noun reads on its own ("This year we were at 6%.")."""
    words = sentence.split()
    if not words:
        return False
    first = _bare(words[0])
    alone = len(words) == 1 or "'" in words[0].replace("’", "'") or _bare(words[1]) in COPULAS
    return (
        first in PRONOUNS
        or (first in POINTERS and alone)
        or _object_points_back(words)
        or bare_figure(sentence)
    )


def bare_figure(text: str) -> bool:
    """True for a goal's short text that is a figure with nothing it measures: "eighty-five
    percent by the end of June", "Six percent, group-wide, ...", "zero this season", "under
    four dollars by the end of this fiscal year". A figure of something names it: "ninety
    percent of new clients ...", "twenty percent margin", "300 new maintenance contracts"."""
    raw = text.replace("%", " % ").split()
    words = [_bare(w) for w in raw]
    skip = 0
    while skip < len(words) - 1 and words[skip] in _words("comparatives"):
        skip += 1  # "under four dollars", "at least twenty percent"
    if not words or not _is_figure(words[skip]):
        return False
    at = _past_figure(words, skip)
    if raw[at - 1].endswith(","):
        return True  # "fifty thousand, without building anything" (data/train yg_24)
    while at < len(words) and words[at] in _words("units") | _words("shares"):
        if raw[at].endswith(","):
            return True  # "Six percent, group-wide": the phrase ends with the figure
        at += 1 + (words[at] == "per")  # "per cent"
    return at == len(words) or words[at] in _words("time_words")


def figure_alone(text: str) -> bool:
    """True for a goal's short text with a part that is a bare figure: the whole text, or a
    clause of it ("Write it like that, under five hundred and fifty thousand for 2027";
    data/train yg_16). What such a figure counts was said before it."""
    return any(bare_figure(part) for part in text.split(","))


def counts_nothing(sentence: str) -> bool:
    """True for a sentence whose figure counts nothing it names: said bare, opening the
    sentence or after a word that frames it ("I would like two.", "Five point two is our
    number.", "happy with under two"; data/train yf_21, yf_19, yf_28), and followed by its
    end, a time word or "is". Out of its turn such a sentence tells a reader nothing. A
    figure after what it counts ("regrade disputes under fifteen for the season") or before
    it ("takes three hours", "ninety percent of new clients") counts something; a unit alone
    after a framed figure does not say what: "I want one day." (data/train yg_30)."""
    words = [_bare(w) for w in sentence.replace("%", " % ").split()]
    at = 0
    while at < len(words):
        if not _is_figure(words[at]):
            at += 1
            continue
        start = at
        while start and words[start - 1] in _words("comparatives"):
            start -= 1  # "with under two"
        framed = start == 0 or words[start - 1] in _words("figure_frames")
        at = _past_figure(words, at)
        while at < len(words) and words[at] in _words("shares") | _words("units"):
            at += 1 + (words[at] == "per")  # "per cent"
        ends = at >= len(words) or words[at] in _words("time_words") | {"is", "was"}
        if framed and ends:
            return True
    return False


def _is_figure(word: str) -> bool:
    return word[:1].isdigit() or word.split("-")[0] in _words("figures")


def _past_figure(words: list[str], at: int) -> int:
    """The index just past a figure said in several words, from its first word at `at`:
    "three hundred and fifty thousand", "one and a half", "five point two"."""
    at += 1
    while at < len(words):
        joins = at
        while joins < len(words) and words[joins] in _words("figure_joins"):
            joins += 1  # "and a" half, "point" two
        if joins == len(words) or not _is_figure(words[joins]):
            break
        at = joins + 1
    return at


def step_reads_alone(action: str) -> bool:
    """True when a step's action says what will be done: not a bare verb ("present"), nor a
    verb with only pronouns or particles after it ("do mine", "show you", "come back"), nor
    cut off ("co-"), nor a want ("need the quote in our format"), nor a question left as
    said ("How about the 20th?", data/train yf_09)."""
    words = action.split()
    if len(words) < 2 or action.rstrip().endswith(("-", "?", *CUT_MARKS)):
        return False
    if _bare(words[0]) in _words("wants"):  # "need the quote in our format"
        return False
    # "ask IT": a word in capitals names a team, not "it"
    return not all(_bare(w) in _words("says_nothing") and not w.isupper() for w in words[1:])


BEFORE_WORDS = 3  # a clause before a step's deed longer than this can say what "it" is


def says_more(action: str, sentence: str) -> bool:
    """True for a step whose action acts on a pronoun ("have it fixed", "send that along")
    said after a clause that says what the pronoun is: "That's a bug on our side in the
    printer template, I'll have it fixed this week.", "We have a privacy sheet for school
    divisions, I can send that along." (data/train yg_18, yg_08). "that" before a noun
    ("create that service account") or opening a clause ("check that we integrate") is no
    pronoun; a short opening ("On my side, I'll put it ...") or an answer ("Yes, I have it,
    I'll forward it to Mikaela."; yf_34) names nothing."""
    words = action.split()
    if len(words) < 2:
        return False
    thing, after = _bare(words[1]), _bare(words[2]) if len(words) > 2 else ""
    if not (
        thing == "it"
        or (thing in POINTERS - {"them"} and (not after or after in _words("particles")))
    ):
        return False  # "them" is people ("tell them about the app"), not a thing
    said = " ".join(sentence.split())
    at = said.lower().find(" ".join(words[:2]).lower())
    before = said[:at].rsplit(",", 1)[0] if at > 0 and "," in said[:at] else ""
    return len(before.split()) > BEFORE_WORDS and not answers_only(before)


SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+")


def lead_in(turn: str, evidence: str) -> str | None:
    """The sentence said just before a goal's sentence in the same turn, for a goal whose
    words lean on it: "we want that down to three days" says what "that" is only after
    "Right now onboarding a driver takes about ten days." A sentence that itself points
    back ("I want that cut in half.", "That's next year's goal."; data/train yg_07, yg_20)
    comes with the one before it, and is no lead-in when that one only answers or is not
    there. A goal cut from the middle of a sentence ("... a year and we wanted them under
    fifteen percent"; yg_05) opens on the start of that sentence, when it says more than an
    answer. None when the goal's sentence opens its turn, and when the sentence before only
    answers ("Yes, exactly.")."""
    turn, evidence = " ".join(turn.split()), " ".join(evidence.split())
    at = turn.find(evidence) if evidence else -1
    before = turn[:at].rstrip() if at > 0 else ""
    if not before:
        return None
    said = SENTENCE_END.split(before)
    if not before.endswith((".", "!", "?", '."', '?"', '!"')):
        start = said[-1].strip()  # the goal's own sentence, up to where its words begin
        return start if len(start.split()) > 3 and not answers_only(start) else None
    said = [x.strip() for x in said if x.strip()]
    if not said or answers_only(said[-1]):  # "Yes, exactly." says nothing
        return None
    if not points_back(said[-1]):
        return said[-1]
    if len(said) < 2 or answers_only(said[-2]):
        return None
    return f"{said[-2]} {said[-1]}"


def lead_in_of(turns: Iterable[str], evidence: str) -> str | None:
    """lead_in in the first of these turns that holds the evidence (spacing aside), None when
    none does: how the brief, Last time and analyze's report open a goal that points back."""
    needle = " ".join(evidence.split())
    turn = next((t for t in turns if needle in " ".join(t.split())), None)
    return lead_in(turn, evidence) if turn is not None else None


def figure_words(text: str) -> list[str]:
    """The words of the first figure in a text, as bare words: "Under six by June" ->
    ["six"], "5% by the end of 2027" -> ["5"], "three hundred and fifty thousand by ..." ->
    all five; [] when it says no figure."""
    words = [_bare(w) for w in text.replace("%", " % ").split()]
    at = next((i for i, w in enumerate(words) if _is_figure(w)), None)
    return [] if at is None else words[at : _past_figure(words, at)]


AGO = 3  # how many turns back the sentence that says what a bare figure counts may be


def said_before(
    turns: Sequence[tuple[str, str]], evidence: str, figure: list[str]
) -> tuple[int, str] | None:
    """Where the figure of a goal said in answer was put to its speaker: for a goal that
    names nothing measured and opens its turn ("5% by the end of 2027."; data/train yf_24),
    the nearest sentence of the turns just before that says the same figure and more ("So
    for year 2, fuel per tonne kilometre down another 5% by the end of 2027?"). `turns` are
    (speaker, text) in order; the answer is that sentence and the index of its turn, None
    when no turn holds the evidence or none of the AGO turns before it says the figure."""
    needle = " ".join(evidence.split())
    at = next((i for i, (_, t) in enumerate(turns) if needle in " ".join(t.split())), None)
    if at is None or not figure:
        return None
    ago, i = AGO, at - 1
    while ago > 0 and i >= 0:
        said = sentence_with(turns[i][1], figure)
        if said and not bare_figure(said):
            return i, said
        # a read-back that is itself a bare figure ("Half a day, by the April filing.";
        # data/train yg_33) answers too: the turns before it are searched as well
        ago -= 0 if said else 1
        i -= 1
    return None


def sentence_with(turn: str, figure: list[str]) -> str | None:
    """The last sentence of a turn that says this figure and is more than an answer ("Yes,
    5%, that's fair." is not), None when none does."""
    for sentence in reversed(SENTENCE_END.split(" ".join(turn.split()))):
        words = [_bare(w) for w in sentence.replace("%", " % ").split()]
        n = len(figure)
        holds = any(words[i : i + n] == figure for i in range(len(words) - n + 1))
        if holds and not answers_only(sentence) and len(words) > n + 3:
            return sentence
    return None


def answers_only(text: str) -> bool:
    """True for a short turn that only answers what was said before it ("Yes, exactly.",
    "Yes, let's hold ourselves to that."): on its own it tells the reader nothing."""
    words = text.split()
    return 0 < len(words) <= ANSWER_WORDS and _bare(words[0]) in _words("answers")


def due_words(text: str) -> str:
    """A due date as said, to follow a comma: a sentence's capital comes off its opening word
    ("In two weeks" -> "in two weeks"), never off a name ("Monday", "March")."""
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and first.lower() in _words("due_openers"):
        return first.lower() + text[len(first) :]
    return text


def category_words(category: str) -> str:
    """A goal category as a person says it: "save_time" -> "save time"."""
    return category.replace("_", " ")
