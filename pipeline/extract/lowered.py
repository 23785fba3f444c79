"""Case-insensitive cue patterns run on lower-cased text without re.I: same matches, faster.

Python's re runs a re.I pattern about half as fast as the same pattern without the flag.
On lower-cased text, a pattern that is plain lower-case ASCII outside its escapes (no
inline flags, no character codes) matches at the same places without re.I, as long as the
text holds no letter that re.I folds onto an ASCII one but lower-casing does not turn into
it (dotless i, long s...) and lower-casing keeps its length, so positions stay put.
"""

from __future__ import annotations

import re

# Non-ASCII letters that re.I matches to ASCII letters: dotted and dotless i, long s, Kelvin.
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def lowerable(text: str) -> bool:
    """Whether `fast` patterns on text.lower() match where the re.I ones match on text."""
    if text.isascii():
        return True
    return len(text.lower()) == len(text) and FOLDS_TO_ASCII.isdisjoint(text)


def caseless(pattern: str) -> bool:
    """True when re.I can only change what the pattern matches through the text's case."""
    literal = re.sub(r"\\[^xuUN0-9]", "", pattern)
    return (
        literal.isascii()
        and "\\" not in literal
        and "(?" not in literal.replace("(?:", "").replace("(?=", "").replace("(?!", "")
        and not any(c.isupper() for c in literal)
    )


# fast() per pattern, keyed by the pattern's id: hashing a compiled pattern hashes its whole
# program (microseconds for a cue family), and fast() runs once per search. The entry holds
# the pattern, so its id cannot be reused while the entry lives.
_FAST: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}
FAST_CACHE_SIZE = 1024


def fast(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern compiled without re.I, for lower-cased text; None when that could match
    elsewhere (the pattern then runs as it is, on the text as it is)."""
    entry = _FAST.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        if len(_FAST) >= FAST_CACHE_SIZE:
            _FAST.clear()
        entry = _FAST[id(pattern)] = (pattern, _without_case(pattern))
    return entry[1]


def _without_case(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    if not pattern.flags & re.IGNORECASE or not caseless(pattern.pattern):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


class Text:
    """A text with its lower-cased form, searched with whichever a pattern allows."""

    __slots__ = ("low", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = text.lower() if lowerable(text) else None

    def count(self, pattern: re.Pattern[str]) -> int:
        """len(pattern.findall(text))."""
        quick, text = self._pick(pattern)
        return len(quick.findall(text))

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """pattern.search(text), at the same position (the match's text may be lower-cased)."""
        if self.low is not None:  # _pick, inlined: callers search each sentence many times
            entry = _FAST.get(id(pattern))
            quick = entry[1] if entry is not None and entry[0] is pattern else fast(pattern)
            if quick is not None:
                return quick.search(self.low)
        return pattern.search(self.text)

    def _pick(self, pattern: re.Pattern[str]) -> tuple[re.Pattern[str], str]:
        quick = fast(pattern) if self.low is not None else None
        if quick is not None and self.low is not None:
            return quick, self.low
        return pattern, self.text
