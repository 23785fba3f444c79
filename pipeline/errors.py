"""The exceptions milepost raises for problems a user can fix; the CLI prints them as one line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class MilepostError(Exception):
    """Base of every user-facing error: `str()` is the one line shown after 'Error: '."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputError(MilepostError):
    """The input file is missing, empty, binary or unreadable."""


class UnsupportedFormat(InputError):
    """No reader recognises the file's content."""


class TranscriptParseError(InputError):
    """A reader recognised the format but the content is broken."""


class AudioDecodeError(InputError):
    """An audio or video file could not be decoded, or holds no speech."""


class ModelNotAvailable(MilepostError):
    """A spaCy or Whisper model is not installed locally (milepost never downloads)."""


class ConfigError(MilepostError):
    """A user-edited file (journey map, sidecar roster) is invalid."""


class StoreError(MilepostError):
    """The SQLite store cannot be opened or written, or an id is unknown."""


def first_line(exc: Exception) -> str:
    """The first line of an exception's message (YAML and OS errors run to several); for a
    YAML error, the line of the file and what is wrong there."""
    mark, problem = getattr(exc, "problem_mark", None), getattr(exc, "problem", None)
    if mark is not None and problem:
        return f"line {mark.line + 1}: {problem}"
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def invalid_fields(exc: ValidationError, whole: str) -> str:
    """Every problem pydantic found, on one line: "unknown field 'acount'; date: Input ..."."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or whole
        if err["type"] == "extra_forbidden":
            parts.append(f"unknown field {where!r}")
        else:
            parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)
