"""A step in its speaker's own words ("send you our forms"), turned to whoever reads it.

Steps are stored as said. The recap email speaks to the customer ("send us your forms");
the brief speaks to us about them ("send us their forms", "set up a dashboard for their
managers"). The pronoun swaps are data (`data/recap.yaml`), made all at once, whole words
only, case kept.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml

from milepost.models.records import LedgerStep

View = Literal["email", "brief"]
KEYS: dict[tuple[str, View], str] = {
    ("customer", "email"): "customer_to_vendor_view",
    ("customer", "brief"): "customer_to_brief_view",
    ("vendor", "brief"): "vendor_to_brief_view",
}


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("milepost.pipeline").joinpath("data/recap.yaml").read_text()
    return dict(yaml.safe_load(text))


@lru_cache(maxsize=4)
def _swaps(key: str) -> tuple[dict[str, str], re.Pattern[str]]:
    swaps = {str(k): str(v) for k, v in _data()[key].items()}
    return swaps, re.compile(r"\b(" + "|".join(swaps) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _you_as_subject() -> re.Pattern[str]:
    """ "you" before a word that makes it a verb's subject ("you can", "you're")."""
    after = "|".join(re.escape(str(w)) for w in _data()["you_as_subject_before"])
    return re.compile(r"\byou(?=\s+(?:" + after + r")\b|(?:" + after + r")\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _clause_opener() -> re.Pattern[str]:
    """A word that opens a clause right before "you" ("what you claimed", "once you have")."""
    words = "|".join(re.escape(str(w)) for w in _data()["you_as_subject_after"])
    return re.compile(r"\b(?:" + words + r")\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _after_noun() -> re.Pattern[str]:
    """A determiner and a noun right before "you" ("the report you give")."""
    words = "|".join(re.escape(str(w)) for w in _data()["you_as_subject_after_noun_after"])
    return re.compile(r"\b(?:" + words + r")\s+[\w'’-]+\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _last_verb() -> re.Pattern[str]:
    """ "you" and one word closing the action, after a word that is no verb taking a person:
    "the list of German stores you deliver", "the cupping form you use" (data/train yg_22,
    yg_25), not "let you know"."""
    verbs = "|".join(re.escape(str(w)) for w in _data()["you_as_object_after"])
    return re.compile(
        r"(?<!\S)(?!(?:" + verbs + r")\s)[\w'’-]+\s+you\s+[\w'’-]+[.!?]?$", re.IGNORECASE
    )


def _is_subject(text: str, at: int) -> bool:
    before = text[:at]
    start = before.rstrip().rfind(" ") + 1  # the word before "you"
    return bool(
        _you_as_subject().match(text, at)
        or _clause_opener().search(before)
        or _after_noun().search(before)
        or (start > 0 and _last_verb().match(text, start))
    )


def turned(text: str, side: str | None, view: View) -> str:
    """Words said by someone on `side`, with their pronouns seen from the reader's side."""
    key = KEYS.get((side or "", view))
    if key is None:
        return text  # said to the reader already, or by nobody we know
    swaps, pattern = _swaps(key)

    def swap(m: re.Match[str]) -> str:
        word = swaps[m.group(0).lower()]
        if m.group(0).lower() == "you" and _is_subject(text, m.start()):
            word = _data()["subject_forms"].get(word, word)
        return word.capitalize() if m.group(0)[0].isupper() else word

    return pattern.sub(swap, text)


FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
SECOND_PERSON = frozenset({"you", "your", "yours"})
OUR_SIDE = FIRST_PERSON - {"i", "we"}  # "we" and "I" may be ours
YOURS = frozenset({"your", "yours"})


def step_for(step: LedgerStep, side: str | None, view: View) -> LedgerStep:
    """The step as the reader should see it, said by someone on `side`. Where nobody is
    named (a transcript without speakers), a customer step that speaks of "our" or "my" and
    never of "you" was said by the customer ("get it to our lawyer"): a request from us
    would have said "your"; a vendor step that speaks to "you" and never of "our" was said by
    us, and so was a customer step of "your" things (asked of them). With named speakers in
    the YG, YF, YE and cs_train stores these held for 41 of 43 and 8 of 9 steps."""
    words = {w.lower().replace("’", "'").split("'")[0] for w in re.findall(r"[\w'’]+", step.action)}
    if side is None and not step.speaker:
        ours = step.side == "customer" and words & FIRST_PERSON and not words & SECOND_PERSON
        # a vendor step that speaks to "you" and never of "our", "my", "us" or "me" (data/train
        # yg_08 "check that we integrate with your geo tab account"), or a customer step of
        # "your" things, never of "you" or "our" ("send the list of your runs", yg_08), was
        # said by us: the other side would have said "our"
        asked = (step.side == "vendor" and words & SECOND_PERSON and not words & OUR_SIDE) or (
            step.side == "customer" and words & YOURS and not words & (OUR_SIDE | {"you"})
        )
        side = "customer" if ours else "vendor" if asked else None
    action = turned(step.action, side, view)
    return step if action == step.action else step.model_copy(update={"action": action})
