"""Meeting: span texts cut from the turn's text are the texts spaCy's spans give."""

from __future__ import annotations

from dialogue import CUSTOMER, VENDOR, meeting


def test_span_text_is_the_span_text(analyzer) -> None:  # type: ignore[no-untyped-def]
    m = meeting(
        analyzer,
        [
            (VENDOR, "I'll send the deck  by Friday.  Then we regroup?\n"),
            (CUSTOMER, "Sure — café at 9 works, İstanbul time. "),
        ],
    )
    for turn, doc in enumerate(m.docs):
        for start in range(len(doc) + 1):
            for end in range(len(doc) + 1):
                assert m.span_text(turn, start, end) == doc[start:end].text
