"""An anchored matcher for cue patterns written in spaCy's token-pattern format.

spaCy's Matcher walks every token through every pattern's first state; cue patterns
start on very common tokens ("I", any noun), which made it the largest cost of next-step
extraction. Each cue pattern here is indexed by the literal words it must contain at one
place (its anchor): two neighbouring words where it pins both ("i" + "'ll"), else one.
Only tokens that start an anchor are checked, so the pass costs about one dict lookup per
token, on the token attributes a Meeting has already read (tokens.py); "i" alone, the
commonest anchor word, no longer checks a dozen patterns each time it is said.
It supports the subset cues.json uses: LOWER, POS and TAG, each a string or {"IN": [...]} /
{"NOT_IN": [...]}; anything else is an error at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from milepost.pipeline.extract import tokens as tokens_

if TYPE_CHECKING:
    from spacy.tokens import Doc

ATTRS = {"LOWER": "lower", "POS": "pos", "TAG": "tag"}


@dataclass(frozen=True)
class _Spec:
    """One token's constraints: attribute name -> (allowed set or None, refused set)."""

    tests: tuple[tuple[str, frozenset[str] | None, frozenset[str]], ...]

    def ok(self, attrs: dict[str, list[str]], i: int) -> bool:
        """Whether token i passes, attrs being the doc's attribute lists by name."""
        for attr, allowed, refused in self.tests:
            value = attrs[attr][i]
            if (allowed is not None and value not in allowed) or value in refused:
                return False
        return True

    def words(self) -> frozenset[str] | None:
        """The literal lower-case words this token must be, when the spec pins them."""
        for attr, allowed, _ in self.tests:
            if attr == "lower" and allowed is not None:
                return allowed
        return None


@dataclass(frozen=True)
class _Pattern:
    label: str
    order: int
    specs: tuple[_Spec, ...]
    anchor: int


def _spec(raw: dict[str, Any]) -> _Spec:
    tests: list[tuple[str, frozenset[str] | None, frozenset[str]]] = []
    for key, value in raw.items():
        if key not in ATTRS:
            raise ValueError(f"cue pattern attribute {key!r} is not supported")
        if isinstance(value, str):
            tests.append((ATTRS[key], frozenset({value}), frozenset()))
        elif set(value) <= {"IN", "NOT_IN"}:
            allowed = frozenset(value["IN"]) if "IN" in value else None
            tests.append((ATTRS[key], allowed, frozenset(value.get("NOT_IN", []))))
        else:
            raise ValueError(f"cue pattern operator in {value!r} is not supported")
    return _Spec(tuple(tests))


def _anchor(specs: tuple[_Spec, ...]) -> tuple[int, int] | None:
    """(position, 2) of the first two neighbouring tokens whose words are pinned, else
    (position, 1) of the first pinned one; None when no token's words are pinned."""
    pinned = [s.words() is not None for s in specs]
    pair = next((k for k in range(len(specs) - 1) if pinned[k] and pinned[k + 1]), None)
    if pair is not None:
        return pair, 2
    one = next((k for k, p in enumerate(pinned) if p), None)
    return None if one is None else (one, 1)


class CueMatcher:
    """Finds (label, start, end) for every cue pattern occurrence in a Doc."""

    def __init__(self, patterns: dict[str, list[list[dict[str, Any]]]]) -> None:
        self.labels = list(patterns)
        self._one: dict[str, list[_Pattern]] = {}
        self._two: dict[tuple[str, str], list[_Pattern]] = {}
        for order, (label, alternatives) in enumerate(patterns.items()):
            for raw in alternatives:
                specs = tuple(_spec(r) for r in raw)
                found = _anchor(specs)
                if found is None:
                    raise ValueError(f"cue pattern {raw!r} ({label}) has no literal word")
                anchor, width = found
                pattern = _Pattern(label, order, specs, anchor)
                first = specs[anchor].words() or frozenset()
                if width == 1:
                    for word in first:
                        self._one.setdefault(word, []).append(pattern)
                    continue
                for word in first:
                    for nxt in specs[anchor + 1].words() or ():
                        self._two.setdefault((word, nxt), []).append(pattern)
        self._starts = frozenset(self._one) | {w for w, _ in self._two}

    def __call__(
        self, doc: Doc, tokens: tokens_.Tokens | None = None
    ) -> list[tuple[str, int, int]]:
        """Matches sorted by start, then by the label's order in the data file.
        tokens: the doc's attributes when already read (Meeting.tokens)."""
        t = tokens or tokens_.read(doc)
        attrs = {"lower": t.lower, "pos": t.pos, "tag": t.tag}
        found: set[tuple[int, int, int, str]] = set()
        lower, n, starts = t.lower, len(t.lower), self._starts
        for i, word in enumerate(lower):
            if word not in starts:
                continue
            for p in self._patterns_at(word, lower[i + 1] if i + 1 < n else None):
                start = i - p.anchor
                end = start + len(p.specs)
                if start < 0 or end > n:
                    continue
                if all(s.ok(attrs, start + k) for k, s in enumerate(p.specs)):
                    found.add((start, p.order, end, p.label))
        return [(label, start, end) for start, _, end, label in sorted(found)]

    def _patterns_at(self, word: str, nxt: str | None) -> list[_Pattern]:
        """The patterns anchored on this word (and the next one, for two-word anchors)."""
        one = self._one.get(word, [])
        two = self._two.get((word, nxt), []) if nxt is not None else []
        return one + two if one and two else one or two
