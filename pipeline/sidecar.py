"""Finding and reading the sidecar files that tell milepost a meeting's account, date and rosters.

`NAME.meta.yaml` beside `NAME.EXT` describes one meeting; `meeting.yaml` in a folder
describes every meeting in it. The per-file sidecar wins field by field.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from milepost.models.sidecar import Sidecar
from milepost.pipeline.errors import ConfigError, first_line, invalid_fields
from milepost.pipeline.options import Options

FOLDER_SIDECAR = "meeting.yaml"
SUFFIX = ".meta.yaml"


def is_sidecar(path: Path) -> bool:
    return path.name == FOLDER_SIDECAR or path.name.endswith(SUFFIX)


def sidecar_path(path: Path) -> Path:
    """Where the per-file sidecar of a transcript or recording lives."""
    return path.with_name(path.stem + SUFFIX)


def read_sidecar(path: Path) -> Sidecar:
    """Parse and validate one sidecar file; a typo or a wrong type is a ConfigError."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read sidecar: {first_line(exc)}", path) from None
    if data is None:
        return Sidecar()
    if not isinstance(data, dict):
        raise ConfigError("sidecar must be a mapping of fields", path)
    try:
        return Sidecar.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(invalid_fields(exc, "sidecar"), path) from None


def sidecar_for(path: Path) -> Sidecar:
    """The merged sidecar for a meeting file: NAME.meta.yaml over the folder's meeting.yaml."""
    result = Sidecar()
    own = sidecar_path(path)
    if own.is_file():
        result = read_sidecar(own)
    folder = path.parent / FOLDER_SIDECAR
    if folder.is_file():
        result = result.merged_over(read_sidecar(folder))
    return result


def options_for(path: Path, given: Options) -> Options:
    """What to tell the analyzer about one file: the command line first, then its sidecars."""
    side = sidecar_for(path)
    return Options(
        date=given.date or side.date,
        account=given.account or side.account,
        vendor=given.vendor or list(side.vendor),
        customer=given.customer or list(side.customer),
    )
