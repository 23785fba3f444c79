"""A non-editable install (the built wheel) works from another folder, package data included."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import REPO, SEEDS, needs_shared

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bare venv whose only milepost is the built wheel; dependencies come from ours."""
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(root / "dist"),
            str(REPO),
        ],
        check=True,
    )
    wheel = next((root / "dist").glob("milepost-*.whl"))
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(
        subprocess.run(
            [
                str(venv / "bin" / "python"),
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    # Our venv's site-packages as a plain path entry: its editable-install hooks are not run.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(venv / "bin" / "python"), *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_wheel_imports_from_its_own_files(wheel_env: Path, tmp_path: Path) -> None:
    code = (
        "import milepost.pipeline, milepost.models, milepost.prompts, importlib.resources as r;"
        "print(milepost.pipeline.__file__);"
        "print(sorted(p.name for p in r.files('milepost.prompts').iterdir()))"
    )
    result = _run(wheel_env, "-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    location, data = result.stdout.splitlines()
    assert str(wheel_env) in location
    assert str(REPO) not in location
    assert "journey.yaml" in data


@needs_shared
def test_wheel_analyzes_a_seed_from_another_folder(wheel_env: Path, tmp_path: Path) -> None:
    seed = next(SEEDS.glob("000_*.txt"))
    result = _run(
        wheel_env, "-m", "milepost.pipeline", "analyze", str(seed), "--json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)
    assert analysis["input_format"] == "otter"
    assert "no_agreed_goal" in analysis["flags"]


def test_wheel_ships_every_data_file(wheel_env: Path, tmp_path: Path) -> None:
    code = (
        "import milepost.pipeline, milepost.prompts, pathlib;"
        "roots = [pathlib.Path(milepost.pipeline.__file__).parent / 'data',"
        " pathlib.Path(milepost.prompts.__file__).parent];"
        "print('\\n'.join(sorted(str(p.relative_to(r.parent)) for r in roots"
        " for p in r.rglob('*') if p.is_file() and '__pycache__' not in p.parts)))"
    )
    result = _run(wheel_env, "-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    shipped = set(result.stdout.split())
    tracked = subprocess.run(
        ["git", "ls-files", "pipeline/data", "prompts"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    wanted = {
        str(Path(p).relative_to("pipeline")) if p.startswith("pipeline/") else p for p in tracked
    }
    assert len(wanted) >= 20 and "data/goals/model.json" in wanted
    assert wanted <= shipped, sorted(wanted - shipped)
