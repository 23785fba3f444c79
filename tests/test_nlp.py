"""Loading the spaCy pipeline: once per process, its objects out of the collector's way."""

from __future__ import annotations

import gc

from milepost.pipeline import nlp


def test_the_loaded_pipeline_is_left_out_of_garbage_collections() -> None:
    pipeline = nlp.load()
    assert gc.get_freeze_count() > 0
    assert not any(o is pipeline for o in gc.get_objects())  # frozen: in no generation


def test_objects_made_after_loading_are_still_collected() -> None:
    nlp.load()

    class Cycle:
        pass

    a, b = Cycle(), Cycle()
    a.other, b.other = b, a
    assert any(o is a for o in gc.get_objects())
    del a, b
    assert gc.collect() >= 2


def test_ner_is_left_for_later_only_where_it_runs_alone(analyzer) -> None:  # type: ignore[no-untyped-def]
    import spacy

    from milepost.pipeline.analyzer import ner_runs_alone

    assert ner_runs_alone(analyzer.nlp) and analyzer._later == ("ner",)
    listening = spacy.blank("en")
    listening.add_pipe("tok2vec")
    upstream = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": upstream,
    }
    listening.add_pipe("ner", config={"model": model}).add_label("ORG")
    listening.initialize()
    assert not ner_runs_alone(listening)  # its entities read the shared tok2vec's output
    alone = spacy.blank("en")
    assert not ner_runs_alone(alone)  # no ner
    alone.add_pipe("ner")
    assert ner_runs_alone(alone)
    alone.add_pipe("sentencizer")
    assert not ner_runs_alone(alone)  # a component after it would see no entities
