"""The needles a regular expression cannot match without, read from its parse tree.

Most cue patterns fire on few sentences, yet each is searched at every position of every
sentence. A pattern like `\\bi (?:want|need)\\b` cannot match a text that has neither
"want" nor "need" as a whole word, and a set lookup says so much faster than the search.
`required` gives such a set of needles (the text holds one of them wherever the pattern
matches it), or None when it finds none; `Index` looks a text's needles up for many
patterns at once, and says which of them can match it (those without needles always can).

A needle is a word (a maximal run of `\\w` in the lower-cased text) whose two edges the
pattern fixes (a `\\b`, a space, a hyphen), the first three characters of a word whose start
it fixes, a mark (a character neither word nor space, like "?"), or DIGIT (any digit).
Only ASCII literals are read; anything else (a class, a lookaround, a repeat without a small
bound, inline flags) is an unknown stretch, which fixes no edge.
"""

from __future__ import annotations

import operator
import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from milepost.pipeline.extract import lowered

_WORDS = re.compile(r"\w+")
_FIRST_THREE = operator.itemgetter(slice(3))
_MARKS = re.compile(r"[^\w\s]")
_DIGITS = re.compile(r"\d")
_SPLIT = re.compile(r"\W")
_EDGE = "\x00"  # a \b in a pattern's finite strings: a word edge, like a non-word character
DIGIT = "\x01"  # the needle of a \d: some digit in the text
MAX_STRINGS = 256  # the most strings a finite stretch of pattern is expanded into
MAX_REPEAT = 3  # the largest bounded repeat expanded

Lang = frozenset[str] | None  # the finite strings a node matches, None when unknown
Need = frozenset[str] | None  # needles one of which any match holds, None when none known


class Index:
    """Which of some named patterns a lower-cased text could let match, by their needles."""

    def __init__(self, patterns: dict[str, re.Pattern[str]], common: frozenset[str]) -> None:
        always: set[str] = set()
        by_needle: dict[str, list[str]] = {}
        for name, p in patterns.items():
            need = required(p.pattern, p.flags, common)
            if need is None:
                always.add(name)
            for needle in need or ():
                by_needle.setdefault(needle, []).append(name)
        self.always = frozenset(always)
        self._names = {needle: tuple(names) for needle, names in by_needle.items()}
        self._needles = frozenset(self._names)
        self._marks = tuple(n for n in self._names if _MARKS.fullmatch(n) and n != DIGIT)
        self._digit = DIGIT in self._names

    def able(self, low: str) -> set[str]:
        """The names whose patterns can match the lower-cased text (searched as it is, or, for
        re.I patterns, on text that lowered.lowerable allows): those it holds a needle of and
        those without any."""
        words = _WORDS.findall(low)
        found = set(self._needles.intersection(words))
        found.update(self._needles.intersection(map(_FIRST_THREE, words)))
        found.update(m for m in self._marks if m in low)
        if self._digit and _DIGITS.search(low):
            found.add(DIGIT)
        out = set(self.always)
        for needle in found:
            out.update(self._names[needle])
        return out

    def able_in(self, text: str) -> set[str] | None:
        """able() on the text's lower-cased form; None (every name can match) where that form
        cannot stand in for the text (lowered.lowerable)."""
        return self.able(text.lower()) if lowered.lowerable(text) else None


def english(patterns: dict[str, re.Pattern[str]]) -> Index:
    """An Index whose needles avoid spaCy's English stop words (the common words)."""
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is loaded by then

    return Index(patterns, frozenset(STOP_WORDS))


def required(pattern: str, flags: int = 0, common: frozenset[str] = frozenset()) -> Need:
    """Needles, one of which the lower-cased text holds wherever the pattern matches it
    (searched with these flags); None when no needle is sure. Among the choices, words in
    `common` count as found in most texts."""
    if flags & (re.VERBOSE | re.ASCII | re.LOCALE):
        return None
    _COMMON[0] = common
    tree = sre_parse.parse(pattern, flags)
    return _sequence(list(tree))[1]


def _sequence(items: list, lead: str = "", trail: str = "") -> tuple[Lang, Need]:
    """A concatenation: finite stretches are expanded and their enclosed words read. lead and
    trail: _EDGE where the enclosing pattern fixes a word edge just before or after it."""
    needs: list[frozenset[str]] = []
    current = {lead}
    finite = True
    for k, (op, av) in enumerate(items):
        lang, need = _node(op, av, _lead(current), _trail(items, k + 1, trail))
        if lang is not None:
            joined = {a + b for a in current for b in lang}
            if len(joined) <= MAX_STRINGS:
                current = joined
                continue
        finite = False
        _keep(needs, _enclosed(current))
        if lang is not None:
            current = set(lang)
        else:
            _keep(needs, need)
            current = {_EDGE if _ends_on_edge(op, av, _lead(current)) else ""}
    ends = {s + trail for s in current}
    if finite:
        return frozenset(s[len(lead) :] for s in current), _enclosed(ends)
    _keep(needs, _enclosed(ends))
    return None, min(needs, key=_cost) if needs else None


def _lead(current: set[str]) -> str:
    """_EDGE when every string so far ends on a word edge."""
    return _EDGE if all(s and _SPLIT.match(s[-1]) for s in current) else ""


def _ends_on_edge(op, av, lead: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether whatever an unknown node matches ends on a word edge (lead: the strings before
    it do), as a repeat of "(?:\\w+ )" does."""
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _high, sub = av
        return _ends_on_edge_all([sub]) and (low > 0 or lead == _EDGE)
    if op is sre.SUBPATTERN:
        return _ends_on_edge_all([av[-1]])
    if op is sre.BRANCH:
        return _ends_on_edge_all(av[1])
    return _edge_item(op, av)


def _ends_on_edge_all(subs: list) -> bool:
    """Whether each of these sequences ends on a word edge."""
    ends = [list(sub)[-1] if len(sub) else None for sub in subs]
    return all(e is not None and _ends_on_edge(e[0], e[1], "") for e in ends)


def _edge_item(op, av) -> bool:  # type: ignore[no-untyped-def]
    """A node that ends on a word edge: a \\b (or ^, $), a non-word literal or class."""
    if op is sre.AT:
        return av is not sre.AT_NON_BOUNDARY
    if op is sre.LITERAL:
        return bool(_SPLIT.match(chr(av)))
    if op is sre.IN:
        return all(_non_word(o, a) for o, a in av)
    return False


def _non_word(op, av) -> bool:  # type: ignore[no-untyped-def]
    if op is sre.LITERAL:
        return bool(_SPLIT.match(chr(av)))
    return op is sre.CATEGORY and av in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD)


def _trail(items: list, k: int, trail: str) -> str:
    """_EDGE when the item at k (or, past the end, the enclosing pattern) starts on an edge."""
    if k >= len(items):
        return trail
    return _EDGE if _starts_on_edge(*items[k]) else ""


def _starts_on_edge(op, av) -> bool:  # type: ignore[no-untyped-def]
    """A node whatever matches starts on a word edge: a \\b, a non-word literal or class, or
    a repeat of one at least once ("\\s+")."""
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _high, sub = av
        return low > 0 and bool(sub) and _starts_on_edge(*list(sub)[0])
    return _edge_item(op, av)


def _keep(needs: list[frozenset[str]], need: Need) -> None:
    if need is not None:
        needs.append(need)


_COMMON: list[frozenset[str]] = [frozenset()]


def _cost(need: frozenset[str]) -> float:
    """How often one of the needles is likely in a text: each common word or mark adds most."""
    return sum(map(_needle_cost, need))


def _needle_cost(needle: str) -> float:
    """About how likely a text holds the needle: a common word surely, a long word seldom."""
    if needle in _COMMON[0] or len(needle) <= 2:
        return _MARKS_COST.get(needle, 1.0)
    return 0.1 if len(needle) == 3 else 0.02


_MARKS_COST = {DIGIT: 0.2, "?": 0.1, "$": 0.05, "%": 0.05}


def _enclosed(strings: set[str] | None) -> Need:
    """Needles, one of which each string holds (a word whose edges it fixes, the start of a
    word, a mark), chosen greedily to cost least; None when some string holds none."""
    if not strings:
        return None
    held = [set(_in_string(s)) for s in strings]
    if not all(held):
        return None
    out: set[str] = set()
    while held:
        pick = max(
            set().union(*held), key=lambda n: (sum(n in h for h in held) / _needle_cost(n), n)
        )
        out.add(pick)
        held = [h for h in held if pick not in h]
    return frozenset(out)


def _in_string(s: str) -> list[str]:
    """The needles a match of s holds: words between two edges, the first three characters
    of a word that starts on an edge, marks."""
    pieces = _SPLIT.split(s)
    found = [w for w in pieces[1:-1] if w]
    if len(pieces) > 1 and len(pieces[-1]) >= 3:
        found.append(pieces[-1][:3])
    found.extend(c for c in _MARKS.findall(s) if c != _EDGE)
    return found


def _node(op, av, lead: str, trail: str) -> tuple[Lang, Need]:  # type: ignore[no-untyped-def]
    if op is sre.LITERAL:
        ch = chr(av)
        return (frozenset({ch.lower()}), None) if ch.isascii() else (None, None)
    if op is sre.AT:
        return frozenset({"" if av is sre.AT_NON_BOUNDARY else _EDGE}), None
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return frozenset({""}), None  # zero-width: it narrows where a match is, nothing more
    if op is sre.IN:
        return _class(av), frozenset({DIGIT}) if av == [
            (sre.CATEGORY, sre.CATEGORY_DIGIT)
        ] else None
    if op is sre.SUBPATTERN:
        _group, add, delete, sub = av
        return _sequence(list(sub), lead, trail) if not add and not delete else (None, None)
    if op is sre.BRANCH:
        return _branch([_sequence(list(b), lead, trail) for b in av[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = av
        return _repeat(low, high, sub, lead)
    return None, None


def _class(items: list) -> Lang:
    """A character class of ASCII literals only, as its one-character strings."""
    chars = set()
    for op, av in items:
        if op is not sre.LITERAL or not chr(av).isascii():
            return None
        chars.add(chr(av).lower())
    return frozenset(chars)


def _branch(parts: list[tuple[Lang, Need]]) -> tuple[Lang, Need]:
    need: Need = None
    if all(n is not None for _, n in parts):
        need = frozenset().union(*(n for _, n in parts if n is not None))
    if all(lang is not None for lang, _ in parts):
        lang = frozenset().union(*(lang for lang, _ in parts if lang is not None))
        if len(lang) <= MAX_STRINGS:
            return lang, need
    return None, need


def _repeat(low: int, high: int, sub, lead: str) -> tuple[Lang, Need]:  # type: ignore[no-untyped-def]
    lang, need = _sequence(list(sub), lead)
    if lang is not None and high <= MAX_REPEAT:
        out = {""} if low == 0 else set()
        power = {""}
        for k in range(1, high + 1):
            power = {a + b for a in power for b in lang}
            if len(power) > MAX_STRINGS:
                break
            if k >= low:
                out |= power
        else:
            if len(out) <= MAX_STRINGS:
                return frozenset(out), need if low > 0 else None
    return None, need if low > 0 else None
