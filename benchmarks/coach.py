"""`python -m benchmarks.coach [--errors]`: precision and recall of the method coach.

Runs the rules classifier (`bot/domain/coaching.py`) over the labelled corpus in
`tests/unit/coaching_corpus/` (one file per language: label, situation, text) and
prints, per language and overall, how many replies it flagged rightly (true
positives), wrongly (false positives: a hint to someone who did nothing wrong) and
missed (false negatives), with precision and recall. `--errors` lists the replies
it got wrong. Pure Python, no database, under a second.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

from bot.domain.coaching import Classifier, RuleClassifier, Situation, Slip

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "unit" / "coaching_corpus"
LANGS = ("fr", "en", "fr_second", "en_second", "fr_third", "en_third")


@dataclass(frozen=True)
class Example:
    label: Slip | None
    situation: Situation
    text: str


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def add(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn)


def load(lang: str, folder: Path = CORPUS) -> list[Example]:
    examples = []
    for line in (folder / f"{lang}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, situation, text = line.split("\t", 2)
        examples.append(Example(None if label == "ok" else Slip(label), Situation(situation), text))
    return examples


def score(
    classifier: Classifier, examples: list[Example]
) -> tuple[Score, list[tuple[Example, Slip | None]]]:
    """A found slip counts as right only when it is the labelled one."""
    result, wrong = Score(), []
    for example in examples:
        found = classifier.classify(example.text, example.situation)
        if found is not None and found == example.label:
            result.tp += 1
        elif found is not None:
            result.fp += 1
            result.fn += example.label is not None
            wrong.append((example, found))
        elif example.label is not None:
            result.fn += 1
            wrong.append((example, found))
        else:
            result.tn += 1
    return result, wrong


def run(classifier: Classifier | None = None) -> dict[str, Score]:
    classifier = classifier or RuleClassifier()
    return {lang: score(classifier, load(lang))[0] for lang in LANGS}


def table(scores: dict[str, Score]) -> str:
    rows = [
        "| corpus | replies | flagged right | false hints | missed | precision | recall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    total = Score()
    for lang, s in scores.items():
        total = total.add(s)
        rows.append(_row(lang, s))
    rows.append(_row("all", total))
    return "\n".join(rows)


def _row(name: str, s: Score) -> str:
    return f"| {name} | {s.total} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.2f} | {s.recall:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.coach")
    parser.add_argument("--errors", action="store_true", help="list the replies it got wrong")
    args = parser.parse_args()
    started = time.perf_counter()
    classifier = RuleClassifier()
    print("# Method coach: rules classifier on the labelled corpus\n")
    print(table(run(classifier)))
    print(f"\n_{time.perf_counter() - started:.2f} s_")
    if args.errors:
        for lang in LANGS:
            for example, found in score(classifier, load(lang))[1]:
                label = example.label or "ok"
                where = f"{lang} {example.situation}"
                print(f"{where}: labelled {label}, found {found}: {example.text}")


if __name__ == "__main__":
    main()
