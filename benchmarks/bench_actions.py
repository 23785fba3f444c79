"""How a next step reads in the brief: its action and due against the labels, on matched steps.

`milepost eval` scores whether a step is found (by its evidence); this scores what the
brief then says about it. For every found step matched to a labelled one: the word F1 of
the action against the labelled action (function words left out, as train_steps.py --cv
measures it), exact due, and how many actions are only a pronoun or a bare verb ("do it",
"collect that"), which a CSM cannot act on. The product path (analyze_many, the shipped
weights), so on cs_train it is in-sample; use cs_dev for the aggregate line only.

    .venv/bin/python benchmarks/bench_actions.py [../shared/eval/cs_train] [--no-roster]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from milepost.pipeline import formats
from milepost.pipeline.analyzer import Analyzer, Options
from milepost.pipeline.evaluate import labelled_files, match
from milepost.pipeline.extract.commitment import lexicon

REPO = Path(__file__).resolve().parents[1]
TRAIN = REPO.parent / "shared" / "eval" / "cs_train"
sys.path.insert(0, str(REPO / "scripts"))
from train_steps import action_f1  # noqa: E402  (one definition of the measure)


def vague(action: str) -> bool:
    """True for an action whose only words are a verb and pronouns ('do it', 'send those')."""
    words = [w.strip(".,?!").lower() for w in action.split()]
    pronouns = set(lexicon()["object_pronouns"])
    return len(words) <= 3 and any(w in pronouns for w in words[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=TRAIN)
    parser.add_argument("--no-roster", action="store_true", help="analyse without the sides")
    args = parser.parse_args()
    items = []
    for path, labels in labelled_files(args.folder):
        options = Options(
            date=date.fromisoformat(labels["date"]) if labels.get("date") else None,
            vendor=[] if args.no_roster else list(labels.get("vendor_speakers", [])),
            customer=[] if args.no_roster else list(labels.get("customer_speakers", [])),
        )
        items.append((labels, formats.read(path), options))
    analyses = Analyzer().analyze_many((t, o) for _, t, o in items)
    matched = words = due = pronoun_only = 0.0
    for (labels, _, _), analysis in zip(items, analyses, strict=True):
        found = analysis.next_steps
        for a, b in match([s.evidence for s in found], labels["next_steps"]):
            label = labels["next_steps"][b]
            matched += 1
            words += action_f1(found[a].action, label["action"])
            due += found[a].due == label["due"]
            pronoun_only += vague(found[a].action)
    n = max(matched, 1)
    print(
        f"{args.folder.name}: {int(matched)} matched steps  action words F1 {words / n:.3f}"
        f"  due {due / n:.3f}  pronoun-only actions {int(pronoun_only)}"
    )


if __name__ == "__main__":
    main()
