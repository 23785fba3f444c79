"""Telling a speaker label (`Priya:`, `Speaker 2:`, `SPEAKER_01:`) from prose that has a colon."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# `Name: text` at the start of a line; the body may be empty (`Speaker 1:` above its paragraph).
LABEL_LINE = re.compile(r"^(?P<name>[^\W\d_][^:\n]{0,48}?)\s*:(?:\s+(?P<body>.*))?$")
_PARTICLES = frozenset({"de", "da", "del", "della", "der", "di", "du", "la", "le", "van", "von"})
# `Priya`, `O'Neil`, `Dr.`, `Jean-Luc`, `(Acme)`, `SPEAKER_01`: capitalised, no sentence punctuation
_NAME_WORD = re.compile(r"\(?[^\W\d_][\w.'’\-]*\)?")
_GENERIC = re.compile(r"^(?:(?:unknown\s+)?speaker|spk|spkr|participant)[\s_-]?\d{1,3}$", re.I)
# `[SPEAKER_00] text`, `[Speaker 1]: text`: an anonymous label in brackets (never `[Music]`)
_BRACKETED = re.compile(r"^\[(?P<name>[^\]\n]{1,24})\]\s*:?(?:\s+(?P<body>.*))?$")
_NOT_NAMES = frozenset(
    {"http", "https", "note", "notes", "title", "date", "description", "summary", "agenda",
     "transcript", "captions", "introduction", "conclusion", "update", "warning", "tip",
     "example", "question", "answer", "q", "a", "re", "fwd", "subject", "to", "from", "cc"}
)  # fmt: skip


def looks_like_name(name: str) -> bool:
    """A person's name or an anonymous label, not a heading such as `Key Points & Arguments`."""
    name = name.strip()
    if _GENERIC.match(name):
        return True
    words = [w for w in name.split() if w.lower() not in _PARTICLES]
    if not 1 <= len(words) <= 4 or name.lower() in _NOT_NAMES:
        return False
    return all(_NAME_WORD.fullmatch(w) and w.lstrip("(")[0].isupper() for w in words)


def label(line: str) -> tuple[str, str] | None:
    """(name, body) when the line starts with a plausible speaker label."""
    b = _BRACKETED.match(line.strip())
    if b and _GENERIC.match(b.group("name").strip()):
        return b.group("name").strip(), (b.group("body") or "").strip()
    m = LABEL_LINE.match(line.strip())
    if not m or not looks_like_name(m.group("name")):
        return None
    return m.group("name").strip(), (m.group("body") or "").strip()


def trusted(names: Iterable[str], min_repeats: int = 2) -> set[str]:
    """Labels used as speakers: said at least twice, or anonymous labels like `Speaker 3`.

    A name said once counts only when another speaker repeats, so a one-line
    'Hannah: Hi!' stays a turn while a lone 'Tip: ...' in an article does not.
    """
    counts = Counter(names)
    repeated = {n for n, c in counts.items() if c >= min_repeats}
    generic = {n for n in counts if _GENERIC.match(n)}
    singles = set(counts) - repeated if repeated else set()
    return repeated | generic | singles


def is_generic(name: str) -> bool:
    """An anonymous label: `Speaker 2`, `SPEAKER_01`, `spk_0`, `Participant 3`."""
    return bool(_GENERIC.match(name.strip()))
