"""Rendering the Markdown templates in `milepost.prompts` (brief, recap) with jinja2."""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePath
from typing import Any

import jinja2

from milepost.pipeline.extract.names import is_anonymous
from milepost.pipeline.wording import category_words, due_words, says_more, step_reads_alone

QUOTE_CHARS = 200


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("milepost.prompts", "."),
        autoescape=False,  # Markdown for a terminal or an email, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["first_name"] = lambda name: name.split()[0] if name else ""
    env.filters["names"] = _names
    env.filters["basename"] = lambda path: PurePath(path).name
    env.filters["full_stop"] = _full_stop
    env.filters["category"] = category_words
    env.filters["step_words"] = step_words
    env.filters["person"] = _person
    env.filters["due_words"] = due_words
    env.filters["bare"] = lambda text: " ".join(text.split()).strip(" .!?").casefold()
    env.tests["due_quoted"] = due_quoted
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context).rstrip() + "\n"


def _person(owner: str | None) -> str:
    """A step's owner as a reader knows them: a diarizer's label ("SPEAKER_1") names nobody,
    and the side the step is listed under already says whose it is."""
    return "" if not owner or is_anonymous(owner) else owner


def _names(names: list[str]) -> str:
    """First names as a person writes them: "Ana", "Ana and Bo", "Ana, Bo and Cy"."""
    first = [n.split()[0] for n in names if n.strip()]
    return " and ".join([", ".join(first[:-1]), first[-1]]) if len(first) > 1 else "".join(first)


def _full_stop(text: str) -> str:
    """The text ending as a sentence: a full stop unless it already ends in one or a quote."""
    return text if text.rstrip().endswith((".", "!", "?", '"', "…")) else text + "."


def clip(text: str, limit: int = QUOTE_CHARS) -> str:
    """The text on one line, cut at a word with "…" when longer than `limit`."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def step_words(step: Any) -> str:
    """A step's action, or its sentence quoted when the action says nothing to act on
    ("present", "do mine", "show you"): the quote at least says what was promised; so it is
    when the action acts on a pronoun its sentence names ("have it fixed": "That's a bug in
    the printer template, I'll have it fixed this week.")."""
    alone = step_reads_alone(step.action)
    if alone and not says_more(step.action, step.evidence):
        return str(step.action)
    return f'"{clip(step.evidence)}"'


def due_quoted(step: Any) -> bool:
    """True when a step is shown as its sentence and that sentence says when: "I'll call her
    after the holidays." then needs no ', due "after the holidays"' after it."""
    shown = step_words(step)
    return bool(step.due_text) and shown.startswith('"') and step.due_text.lower() in shown.lower()
