"""Tokens: per-doc attribute lists read once give what the spaCy objects give."""

from __future__ import annotations

from milepost.pipeline.extract import tokens


def test_lists_match_the_tokens(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp("The CFO wants churn under 5% by June. We're Going live.")
    t = tokens.read(doc)
    assert t.lower == [w.lower_ for w in doc]
    assert t.lemma == [w.lemma_.lower() for w in doc]
    assert t.pos == [w.pos_ for w in doc]
    assert t.tag == [w.tag_ for w in doc]
    assert t.content == [w.is_alpha and not w.is_stop and len(w) > 2 for w in doc]
    assert all(type(c) is bool for c in t.content)


def test_an_empty_doc_has_empty_lists(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp("")
    assert tokens.read(doc) == tokens.Tokens([], [], [], [], [], doc)
    assert tokens.read(doc).ents == []


def test_entity_labels_follow_span_ents(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp(
        "Acme in Denver cut costs by 20 percent in March. Next year Globex wants $5 million."
    )
    t = tokens.read(doc)
    assert len(t.ents) >= 4
    spans = [*doc.sents]
    # spans that start or end inside an entity, as well as every sentence
    spans += [doc[a:b] for a in range(len(doc)) for b in range(a + 1, len(doc) + 1)]
    for span in spans:
        assert t.ent_labels(span.start, span.end) == [e.label_ for e in span.ents]
