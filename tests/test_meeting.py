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


# A call whose turns name people, companies, places, dates and figures, and some that name none.
LAZY_CALL = [
    ("SPEAKER_00", "Hi, this is Priya from Northwind. Is that Tomas?"),
    ("SPEAKER_01", "Tomas, yes. Welcome to Denver in November, Priya."),
    ("SPEAKER_00", "Thanks. We'll send the revised quote to Acme by Friday."),
    ("SPEAKER_01", "Our goal is to cut onboarding from three weeks to four days by June."),
    ("SPEAKER_00", "Got it. Sounds good."),
    ("SPEAKER_01", "Last quarter we lost 12% of renewals, about $40,000, to late invoices."),
    ("SPEAKER_00", "Okay, thanks, that helps a lot."),
    ("SPEAKER_01", "Sure thing, talk soon."),
]


def _lazy(analyzer):  # type: ignore[no-untyped-def]
    """The call as Analyzer.analyze_many reads it: parsed without NER, given it on demand."""
    from milepost.models import Transcript, Turn
    from milepost.pipeline.extract.meeting import Meeting

    turns = [Turn(speaker=s, text=t) for s, t in LAZY_CALL]
    transcript = Transcript(source="t.txt", input_format="plain", turns=turns)
    docs = list(analyzer.nlp.pipe((t.text for t in turns), disable=["ner"]))
    return transcript, Meeting(transcript, docs, ner=analyzer.find_entities)


def test_the_analysis_with_ner_on_demand_is_the_full_pipelines(analyzer) -> None:  # type: ignore[no-untyped-def]
    from milepost.pipeline.analyzer import Options

    transcript, _ = _lazy(analyzer)
    full = [analyzer.nlp(t.text) for t in transcript.turns]
    lazy = analyzer.analyze(transcript)
    assert lazy == analyzer._resolve(transcript, Options(), full)


def test_a_doc_given_its_entities_later_has_the_full_pipelines(analyzer) -> None:  # type: ignore[no-untyped-def]
    from milepost.pipeline.extract import goals, sides

    transcript, m = _lazy(analyzer)
    sides.infer(m)
    goals.find(m)
    read = [k for k in range(len(m.docs)) if m.has_entities(k)]
    assert read and len(read) < len(m.docs)  # NER ran where entities are read, and only there
    for k in read:
        full = analyzer.nlp(transcript.turns[k].text)
        got = [(e.start, e.end, e.label_) for e in m.docs[k].ents]
        assert got == [(e.start, e.end, e.label_) for e in full.ents]
        assert [t.ent_type_ for t in m.docs[k]] == [t.ent_type_ for t in full]
    skipped = next(k for k in range(len(m.docs)) if not m.has_entities(k))
    assert m.docs[skipped].ents == ()
    assert m.entity_doc(skipped) is m.docs[skipped] and m.has_entities(skipped)


def test_a_meeting_without_a_ner_has_every_docs_entities(analyzer) -> None:  # type: ignore[no-untyped-def]
    m = meeting(analyzer, [(VENDOR, "Acme signs in March.")])
    assert m.has_entities(0)
    m.with_entities([0])  # nothing to run
    del m.__dict__["ner"]
    assert m.has_entities(0)


def test_a_meeting_pickled_before_lazy_ner_reads_as_before(analyzer) -> None:  # type: ignore[no-untyped-def]
    import dataclasses
    import pickle

    m = meeting(analyzer, [(VENDOR, "Acme signs in March.")])
    for name in ("ner", "_with_entities"):  # the fields a pickle from before lacks
        del m.__dict__[name]
    old = pickle.loads(pickle.dumps(m))
    assert old.has_entities(0) and old.ner is None
    moved = dataclasses.replace(old, date=None)  # as caption_runs.runs does
    moved.with_entities([0])
    assert moved.has_entities(0) and [e.text for e in moved.docs[0].ents] == ["March"]


def test_claims_read_on_demand_have_the_full_pipelines_features(analyzer) -> None:  # type: ignore[no-untyped-def]
    from milepost.pipeline.extract import claims, sides
    from milepost.pipeline.extract.meeting import Meeting

    transcript, lazy = _lazy(analyzer)
    full = Meeting(transcript, [analyzer.nlp(t.text) for t in transcript.turns])
    sides.infer(lazy)
    sides.infer(full)
    got, want = claims.claims(lazy), claims.claims(full)
    assert [c.text for c in got] == [c.text for c in want]
    found = [lazy.has_entities(k) for k in range(len(lazy.docs))]
    left_out = 0
    for g, w in zip(got, want, strict=True):
        if found[g.turn]:
            assert g.features == w.features and list(g.features) == list(w.features)
        else:  # not proposed: no score reads it; the number test finds its entities on demand
            left_out += 1
            assert not any(claims.proposed(g, head) for head in ("goal", "outcome"))
            assert g.features == {k: v for k, v in w.features.items() if not k.startswith("ent_")}
        assert claims.names_number(g) == bool(w.features["ent_num"])
    assert left_out


def test_the_first_number_test_finds_no_entities_and_rules_out_only_what_the_full_test_does(
    analyzer,  # type: ignore[no-untyped-def]
) -> None:
    from milepost.pipeline.extract import claims, sides
    from milepost.pipeline.extract import outcome_cues as oc

    _, lazy = _lazy(analyzer)
    sides.infer(lazy)
    found = claims.claims(lazy)
    before = [lazy.has_entities(k) for k in range(len(lazy.docs))]
    maybe = [oc.may_be_numbered_not_vendor(c) for c in found]
    assert [lazy.has_entities(k) for k in range(len(lazy.docs))] == before  # none found
    for c, may in zip(found, maybe, strict=True):
        known = "ent_num" in c.features or "metric" in c.fired or c.side == "vendor"
        numbered = oc.numbered_not_vendor(c)
        assert may == numbered if known else may  # unknown: the text tests come first
    assert not all(maybe) and any(maybe)
