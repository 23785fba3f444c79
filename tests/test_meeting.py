"""Meeting: span texts cut from the turn's text are the texts spaCy's spans give; LastRead
keeps a value for the meeting last read."""

from __future__ import annotations

from dialogue import CUSTOMER, VENDOR, meeting

from milepost.pipeline.extract.meeting import LastRead


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


def test_last_read_keeps_a_value_while_its_key_is_the_same_objects() -> None:
    calls: list[int] = []

    def compute() -> list[int]:
        calls.append(1)
        return [len(calls)]

    kept: LastRead[list[int]] = LastRead()
    a, b = object(), object()
    first = kept.get((a, b), compute)
    assert kept.get((a, b), compute) is first and len(calls) == 1
    assert kept.get((a, object()), compute) == [2]  # another object, even an equal one, is new
    assert kept.get((a, b), compute) == [3]  # only the last key is kept
    kept.clear()
    assert kept.get((a, b), compute) == [4]
