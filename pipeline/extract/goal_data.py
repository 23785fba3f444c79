"""The data files of data/goals (cue families, lexicon, learned weights), read once.

claims, cue_search and the goal, outcome and agreement modules all build their tables from
these files; one loader keeps each YAML file parsed once however many tables read it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

DATA = "data/goals"


def read_data(name: str) -> str:
    """A data file of data/goals."""
    return resources.files("milepost.pipeline").joinpath(f"{DATA}/{name}").read_text("utf-8")


@lru_cache(maxsize=8)
def data(name: str) -> dict:
    """A YAML file of data/goals, parsed once however many tables are built from it (the
    tables copy what they keep: nothing changes the parsed dict)."""
    return yaml.safe_load(read_data(name))
