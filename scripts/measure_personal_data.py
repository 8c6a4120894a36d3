"""Precision and recall of the personal-data screen on the labelled open answers.

    python scripts/measure_personal_data.py [--data FILE] [--misses]

Counted on the expected substrings of tests/data/personal_data_answers.yaml (every
occurrence in its answer), per kind and overall:

- an expected substring wholly inside a masked span is found; one not wholly covered is
  missed (a false negative), so recall = found / expected;
- a masked span that overlaps no expected substring is a false positive, so overall
  precision = masked spans overlapping something expected / masked spans; per kind, the
  same is counted on the findings of that kind (before overlapping findings are merged);
- personal data the screen does not look for (an entry's ``out_of_scope``) counts neither
  way: a span over it is left out of precision, and it is not expected.

``--misses`` lists every missed substring and every false positive after the table.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from liwindex.responses.screening import KINDS, screen

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "personal_data_answers.yaml"


@dataclass
class Tally:
    """Counts of one kind (or of all)."""

    expected: int = 0
    found: int = 0
    masked: int = 0
    false_positives: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return 1 - self.false_positives / self.masked if self.masked else 1.0


@dataclass
class Measure:
    """The tallies by kind and overall, and what was missed or masked wrongly."""

    kinds: dict[str, Tally] = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    overall: Tally = field(default_factory=Tally)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # kind, substring, answer
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)


def occurrences(text: str, part: str) -> list[tuple[int, int]]:
    """Every place of ``part`` in ``text``."""
    places, at = [], text.find(part)
    while at != -1:
        places.append((at, at + len(part)))
        at = text.find(part, at + 1)
    if not places:
        raise ValueError(f"{part!r} is not in {text!r}")
    return places


def measure(path: Path = DATA) -> Measure:
    """Screen every labelled answer and count."""
    result = Measure()
    for entry in yaml.safe_load(path.read_text("utf-8"))["answers"]:
        text = entry["text"]
        screened = screen(text)
        expected = [(p["kind"], place) for p in entry["pii"] for place in occurrences(text, p["text"])]
        ignored = [place for part in entry.get("out_of_scope", []) for place in occurrences(text, part)]
        wanted = [place for _, place in expected] + ignored

        def overlaps(a: int, b: int, wanted: list[tuple[int, int]] = wanted) -> bool:
            return any(a < y and x < b for x, y in wanted)

        for kind, (a, b) in expected:
            covered = any(x <= a and b <= y for x, y in screened.spans)
            for tally in (result.kinds[kind], result.overall):
                tally.expected += 1
                tally.found += covered
            if not covered:
                result.misses.append((kind, text[a:b], text))
        for f in screened.findings:
            tally = result.kinds[f.kind]
            tally.masked += 1
            tally.false_positives += not overlaps(f.start, f.end)
        for a, b in screened.spans:
            result.overall.masked += 1
            if not overlaps(a, b):
                result.overall.false_positives += 1
                result.false_positives.append((",".join(screened.kinds), text[a:b], text))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the labelled answers (YAML)")
    parser.add_argument("--misses", action="store_true", help="list misses and false positives")
    args = parser.parse_args(argv)
    result = measure(args.data)
    heads = ("expected", "found", "recall", "masked", "false+", "precision")
    print(f"{'kind':<10} " + " ".join(f"{h:>{w}}" for h, w in zip(heads, (8, 6, 7, 7, 7, 9), strict=True)))
    rows = [(kind, tally) for kind, tally in result.kinds.items() if tally.expected or tally.masked]
    for name, t in [*rows, ("overall", result.overall)]:
        print(
            f"{name:<10} {t.expected:>8} {t.found:>6} {t.recall:>7.3f} {t.masked:>7} "
            f"{t.false_positives:>7} {t.precision:>9.3f}"
        )
    if args.misses:
        for kind, part, text in result.misses:
            print(f"missed {kind}: {part!r} in {text!r}")
        for kinds, part, text in result.false_positives:
            print(f"false positive ({kinds}): {part!r} in {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
