"""The journey map: the packaged default or a company's own file, validated (a typo is an error).

A cue may offer choices, '{new|another} {site|team}' (see extract/stage.py); braces that do
not open and close in turn are a typo, so they are an error too.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from milepost.models import JourneyMap
from milepost.pipeline.errors import ConfigError, first_line, invalid_fields

DEFAULT = "journey.yaml"
ENV = "MILEPOST_JOURNEY"


def load_journey(path: str | Path | None = None) -> JourneyMap:
    """The journey map at path, else at $MILEPOST_JOURNEY, else the one in `milepost.prompts`."""
    if path is None:
        own = os.environ.get(ENV, "").strip()
        if not own:
            return _default()
        return _from_env(own, _mtime(Path(own)))
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read journey map ({exc.strerror})", path) from None
    return parse_journey(text, path)


@lru_cache(maxsize=4)
def _from_env(path: str, mtime: float | None) -> JourneyMap:
    """The $MILEPOST_JOURNEY map, read once per path and modification time."""
    return load_journey(Path(path))


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def parse_journey(text: str, source: str | Path) -> JourneyMap:
    """Validate a journey map's YAML text; any problem is a ConfigError naming the source."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"not valid YAML ({first_line(exc)})", source) from None
    if not isinstance(data, dict):
        raise ConfigError("a journey map must be a mapping with 'name' and 'stages'", source)
    try:
        journey = JourneyMap.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(invalid_fields(exc, "map"), source) from None
    for k, stage in enumerate(journey.stages):
        for cue in stage.cues:
            if not _balanced(cue):
                where = f"stages.{k}.cues"
                raise ConfigError(f"{where}: unbalanced choice braces in {cue!r}", source)
    return journey


def _balanced(cue: str) -> bool:
    """Whether a cue's choices ('{new|another} site') open and close in turn, unnested."""
    depth = 0
    for char in cue:
        if char in "{}":
            depth += 1 if char == "{" else -1
            if depth not in (0, 1):
                return False
    return depth == 0


@lru_cache(maxsize=1)
def _default() -> JourneyMap:
    text = resources.files("milepost.prompts").joinpath(DEFAULT).read_text(encoding="utf-8")
    return parse_journey(text, DEFAULT)
