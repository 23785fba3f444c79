"""Analysis throughput next to bare spaCy on the same texts, in one run.

Reads every transcript in ../shared/eval/cs_train, cs_dev and ../shared/seeds (or the
folders given), then times, alternately and best of N: bare `nlp.pipe` over all turn texts
with the same spaCy pipeline, and milepost's full `Analyzer.analyze_many` (its per-text
caches emptied before each pass, as a fresh process has them: else a repeat reads the last
pass's). Prints words per second for both and their ratio (target: milepost >= 0.85 of
bare), by the wall clock and by
this process's CPU time: on a shared machine, other jobs slow the wall clock of whichever run
they overlap, while CPU time moves less. It also says on how many turns milepost ran NER: it
parses without it and finds the entities only of the turns whose entities it reads, where
bare runs the whole pipeline on every turn. With --post-spacy it also parses every transcript
once and times the analysis after spaCy alone (`Analyzer._resolve`, CPU, best of N, with
milepost's caches emptied before each pass as a fresh process has them): the part of the
cost milepost's own code adds, which the ratio only shows as a difference of two clocks.
With --stages it also says how that time splits between the extractors the analyzer calls
(sides, goals, steps, stage, outcomes; CPU of the best pass), to find where a cost was added.

    .venv/bin/python benchmarks/bench_speed.py [--repeat 3] [--post-spacy] [--stages] [FOLDER ...]
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from milepost.models import Transcript
from milepost.pipeline import analyzer as analyzer_module
from milepost.pipeline import formats
from milepost.pipeline.analyzer import Analyzer, Options
from milepost.pipeline.errors import MilepostError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT = [SHARED / "eval" / "cs_train", SHARED / "eval" / "cs_dev", SHARED / "seeds"]


def load(folders: list[Path]) -> list[Transcript]:
    out = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.name.endswith(".labels.json") or not path.is_file():
                continue
            try:
                out.append(formats.read(path))
            except MilepostError as exc:
                print(f"skipped {exc}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--post-spacy", action="store_true", help="time the analysis alone too")
    parser.add_argument(
        "--stages", action="store_true", help="split it by extractor (implies --post-spacy)"
    )
    args = parser.parse_args()

    transcripts = load(args.folders or DEFAULT)
    texts = [t.text for tr in transcripts for t in tr.turns]
    words = sum(len(x.split()) for x in texts)
    analyzer = Analyzer()
    nlp = analyzer.nlp
    list(nlp.pipe(texts[:200]))  # warm up
    bare_times: list[tuple[float, float]] = []
    ours_times: list[tuple[float, float]] = []
    found = _count_entity_runs(analyzer)
    for _ in range(args.repeat):
        found.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        with nlp.memory_zone():
            for _doc in nlp.pipe(texts):
                pass
        bare_times.append((time.perf_counter() - t0, time.process_time() - c0))
        empty_caches()  # as a fresh process runs it, not with the last pass's texts cached
        t0, c0 = time.perf_counter(), time.process_time()
        for _analysis in analyzer.analyze_many((t, Options()) for t in transcripts):
            pass
        ours_times.append((time.perf_counter() - t0, time.process_time() - c0))
    name = nlp.meta["name"]
    print(f"{len(transcripts)} transcripts, {len(texts)} turns, {words} words; spaCy {name}")
    for k, clock in enumerate(("wall", "cpu")):
        bare = words / min(t[k] for t in bare_times)
        ours = words / min(t[k] for t in ours_times)
        print(f"bare nlp.pipe   {bare:9.0f} words/s  ({clock}, best of {args.repeat})")
        print(f"milepost        {ours:9.0f} words/s  ({clock}, best of {args.repeat})")
        print(f"ratio           {ours / bare:9.3f}  ({clock}; target >= 0.85)")
    if found:
        docs, said = found.get("turns", 0), found.get("words", 0)
        print(
            f"milepost ran NER on {docs} of {len(texts)} turns ({docs / len(texts):.0%}), "
            f"{said} of {words} words ({said / words:.0%}): only where it reads entities "
            "(bare nlp.pipe runs the whole pipeline, NER included, on every turn)"
        )
    if args.post_spacy or args.stages:
        seconds, stages = post_spacy(analyzer, transcripts, args.repeat, args.stages)
        print(f"after spaCy     {seconds:9.2f} s CPU  (best of {args.repeat}, caches emptied)")
        for name, spent in stages.items():
            print(f"  {name:13} {spent:9.2f} s CPU")


def post_spacy(
    analyzer: Analyzer, transcripts: list[Transcript], repeat: int, stages: bool = False
) -> tuple[float, dict[str, float]]:
    """CPU seconds of the analysis after spaCy over all transcripts, each parsed once, and,
    with stages, those of each extractor the analyzer calls in the best pass."""
    parsed = [(t, list(analyzer.nlp.pipe(turn.text for turn in t.turns))) for t in transcripts]
    best, split = float("inf"), {}
    for _ in range(repeat):
        empty_caches()
        spent: dict[str, float] = {}
        with timed_stages(spent) if stages else _nothing():
            start = time.process_time()
            for transcript, docs in parsed:
                analyzer._resolve(transcript, Options(), docs)
            seconds = time.process_time() - start
        if seconds < best:
            best, split = seconds, spent
    return best, split


# The extractors Analyzer._resolve calls, as "module.function" of milepost.pipeline.extract.
STAGES = ("sides.infer", "goals.find", "steps.find", "stage.detect", "outcomes.find")


@contextmanager
def timed_stages(spent: dict[str, float]) -> Iterator[None]:
    """While inside, the analyzer's calls to each of STAGES add their CPU seconds to spent."""
    saved = []
    for name in STAGES:
        module_name, function = name.split(".")
        module = getattr(analyzer_module, module_name)
        saved.append((module, function, getattr(module, function)))
        setattr(module, function, _timer(getattr(module, function), name, spent))
    try:
        yield
    finally:
        for module, function, original in saved:
            setattr(module, function, original)


def _timer(function: Callable, name: str, spent: dict[str, float]) -> Callable:
    @functools.wraps(function)
    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - start

    return timed


def _count_entity_runs(analyzer: Analyzer) -> dict[str, int]:
    """Counts, from then on, the turns (and their words) the analyzer gives NER: it parses
    without NER and runs it only on the turns whose entities are read. Empty where the
    analyzer runs the whole pipeline on every turn."""
    counts: dict[str, int] = {}
    run = getattr(analyzer, "find_entities", None)
    if run is None:
        return counts

    def counted(docs: list) -> None:
        counts["turns"] = counts.get("turns", 0) + len(docs)
        counts["words"] = counts.get("words", 0) + sum(len(d.text.split()) for d in docs)
        run(docs)

    analyzer.find_entities = counted  # type: ignore[method-assign]
    return counts


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def empty_caches() -> None:
    """Empty milepost's per-text caches (bounded functools caches of more than one entry;
    the loaders' single-entry and unbounded caches keep what a fresh process reads once)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("milepost."):
            continue
        for value in list(vars(module).values()):
            per_text = (
                isinstance(value, functools._lru_cache_wrapper)
                and (value.cache_parameters()["maxsize"] or 0) > 1
            )
            if per_text:
                value.cache_clear()


if __name__ == "__main__":
    main()
