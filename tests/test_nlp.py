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
