"""Do liwindex's 95 % intervals hold 95 %? A seeded simulation against a known truth.

    python benchmarks/coverage.py              # 1,000 populations per design, about 10 minutes
    python benchmarks/coverage.py --reps 200   # a quicker, noisier run

Each replication draws a new pair of populations (NGOs and the administration, 10,000
respondents each) of the standard questionnaire's 12 areas: every respondent answers three
1–5 questions per area (a personal attitude, an area effect and noise, rounded and cut to
the scale, 10 % "nie wiem"), the administration somewhat more positive than the NGOs, as in
real rounds. The truth is computed from the whole population by the scoring rules; a survey
is a sample of NGO + administration respondents; its intervals come from the library
(2,000 resamples). Printed per design (30 + 10, 30 + 5, 60 + 20, and 30 + 2, where the tool
gives no interval) and per method (the plain percentile bootstrap used before, the same with
the √(n/(n−1)) correction, and the corrected t interval the library uses):

* coverage of the area scores, the index, the NGO − administration gap and the change
  between two independent rounds (areas and index);
* with no real change: the share of comparisons that star at least one of the 12 areas,
  without and with the Holm correction, and how often the index is starred;
* with a real change of +0.3 on every area: the share of areas starred (Holm) and of the
  index starred (power).
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np

from liwindex.analysis.bootstrap import Draws, bootstrap, estimate, holm
from liwindex.api import load_standard
from liwindex.scoring.engine import aggregate_many

DESIGNS = [(30, 10), (30, 5), (60, 20), (30, 2)]
POPULATION = 10_000
RESAMPLES = 2000
AREAS = 12
ITEMS = 3


def population(rng: np.random.Generator, means: np.ndarray, size: int) -> np.ndarray:
    """Respondents' area values (size × 12) of one group whose items centre on ``means``."""
    attitude = rng.normal(0, 0.5, (size, 1, 1))
    area_effect = rng.normal(0, 0.4, (size, AREAS, 1))
    noise = rng.normal(0, 0.7, (size, AREAS, ITEMS))
    items = np.clip(np.rint(means[None, :, None] + attitude + area_effect + noise), 1, 5)
    items[rng.random(items.shape) < 0.1] = np.nan  # "nie wiem"
    answered = (~np.isnan(items)).sum(axis=2)
    with np.errstate(invalid="ignore"):
        values = np.nanmean(items, axis=2)
    values[answered < 2] = np.nan  # min_answered 0.5 of 3 questions
    return values


def scores(values: list[np.ndarray], q) -> dict[str, np.ndarray]:
    """Area scores (equal group weighting), group scores and the index of a sample or a
    population given as one array per group."""
    by_group = np.array([np.nanmean(v, axis=0) for v in values])  # g × a
    areas = np.nanmean(by_group, axis=0)
    _, index = aggregate_many(areas[None, :], q)
    return {"areas": areas, "by_group": by_group, "index": float(index[0])}


def draw(rng: np.random.Generator, pops: list[np.ndarray], design: tuple[int, int]) -> list[np.ndarray]:
    """A survey: a sample of each group's population."""
    return [pop[rng.integers(0, len(pop), n)] for pop, n in zip(pops, design, strict=True)]


def replicate(sample: list[np.ndarray], q, seed: list[int], rescale: bool) -> Draws:
    stacked = np.vstack(sample)
    groups = np.concatenate([np.full(len(s), g) for g, s in enumerate(sample)])
    return bootstrap(stacked, groups, q, RESAMPLES, seed, rescale=rescale)


def percentile(values: np.ndarray) -> tuple[float, float] | None:
    finite = values[~np.isnan(values)]
    if finite.size < 0.5 * values.size:
        return None
    low, high = np.percentile(finite, [2.5, 97.5])
    return float(low), float(high)


class Tally:
    """Hits and trials of one coverage (or rejection) rate."""

    def __init__(self) -> None:
        self.hits = 0
        self.trials = 0
        self.missing = 0

    def add(self, bounds: tuple[float, float] | None, truth: float) -> None:
        if bounds is None:
            self.missing += 1
            return
        self.trials += 1
        self.hits += bounds[0] <= truth <= bounds[1]

    def flag(self, hit: bool) -> None:
        self.trials += 1
        self.hits += bool(hit)

    def __str__(self) -> str:
        if not self.trials:
            return "  brak przedz."
        rate = self.hits / self.trials
        se = (rate * (1 - rate) / self.trials) ** 0.5
        return f"{rate * 100:5.1f} ± {se * 100:3.1f}"


METHODS = ("percentile", "percentile_rescaled", "t")
METHOD_NAMES = {
    "percentile": "percentyl (dotychczas)",
    "percentile_rescaled": "percentyl + √(n/(n−1))",
    "t": "t Welcha + √(n/(n−1)) (liwindex)",
}


def run(reps: int, seed: int) -> None:
    q = load_standard()
    print(
        f"liwindex coverage simulation · {reps} populations per design · {RESAMPLES} resamples · seed {seed}"
    )
    print("coverage in % ± its Monte Carlo standard error; target 95\n")
    for design in DESIGNS:
        rng = np.random.default_rng([seed, *design])
        tallies = {
            m: {k: Tally() for k in ("area", "index", "gap", "change_area", "change_index")} for m in METHODS
        }
        null_any = {"uncorrected": Tally(), "holm": Tally(), "index": Tally()}
        power = {"areas": Tally(), "index": Tally()}
        started = time.perf_counter()
        for r in range(reps):
            ngo_means = rng.uniform(2.0, 4.2, AREAS)
            jst_means = np.clip(ngo_means + rng.uniform(-0.2, 1.0, AREAS), 1, 5)
            pops = [population(rng, ngo_means, POPULATION), population(rng, jst_means, POPULATION)]
            shift = 0.3 if r % 2 else 0.0  # odd replications: a real change of +0.3
            later = [
                population(rng, np.clip(ngo_means + shift, 1, 5), POPULATION),
                population(rng, np.clip(jst_means + shift, 1, 5), POPULATION),
            ]
            truth, truth_later = scores(pops, q), scores(later, q)
            first, second = draw(rng, pops, design), draw(rng, later, design)
            s1, s2 = scores(first, q), scores(second, q)
            for method in METHODS:
                rescale = method != "percentile"
                d1 = replicate(first, q, [seed, r, 1], rescale)
                d2 = replicate(second, q, [seed, r, 2], rescale)
                t = tallies[method]
                change_p: list[float | None] = []
                for a in range(AREAS):
                    gap_truth = truth["by_group"][0, a] - truth["by_group"][1, a]
                    gap_value = s1["by_group"][0, a] - s1["by_group"][1, a]
                    change_truth = truth_later["areas"][a] - truth["areas"][a]
                    change_draws = d2.areas[:, a] - d1.areas[:, a]
                    if method == "t":
                        e = estimate(s1["areas"][a], d1.areas[:, a], d1.area_parts(a))
                        t["area"].add(e and (e.low, e.high), truth["areas"][a])
                        gap_parts = [*d1.group_parts(0, a), *d1.group_parts(1, a)]
                        e = estimate(gap_value, d1.by_group[:, 0, a] - d1.by_group[:, 1, a], gap_parts)
                        t["gap"].add(e and (e.low, e.high), gap_truth)
                        e = estimate(
                            s2["areas"][a] - s1["areas"][a],
                            change_draws,
                            [*d1.area_parts(a), *d2.area_parts(a)],
                        )
                        t["change_area"].add(e and (e.low, e.high), change_truth)
                        change_p.append(e.p if e else None)
                    else:
                        t["area"].add(percentile(d1.areas[:, a]), truth["areas"][a])
                        t["gap"].add(percentile(d1.by_group[:, 0, a] - d1.by_group[:, 1, a]), gap_truth)
                        t["change_area"].add(percentile(change_draws), change_truth)
                index_truth = truth_later["index"] - truth["index"]
                if method == "t":
                    e = estimate(s1["index"], d1.index, d1.index_parts())
                    t["index"].add(e and (e.low, e.high), truth["index"])
                    e_change = estimate(
                        s2["index"] - s1["index"], d2.index - d1.index, [*d1.index_parts(), *d2.index_parts()]
                    )
                    t["change_index"].add(e_change and (e_change.low, e_change.high), index_truth)
                    if e_change is None:
                        continue
                    starred = holm(change_p)
                    uncorrected = [p is not None and p < 0.05 for p in change_p]
                    if shift == 0:
                        null_any["uncorrected"].flag(any(uncorrected))
                        null_any["holm"].flag(any(s for s in starred if s))
                        null_any["index"].flag(e_change.p < 0.05)
                    else:
                        for s in starred:
                            power["areas"].flag(bool(s))
                        power["index"].flag(e_change.p < 0.05)
                else:
                    t["index"].add(percentile(d1.index), truth["index"])
                    t["change_index"].add(percentile(d2.index - d1.index), index_truth)
        elapsed = time.perf_counter() - started
        print(f"design {design[0]} NGO + {design[1]} administration ({elapsed:.0f} s)")
        print(f"  {'method':34} {'area':>12} {'index':>12} {'gap':>12} {'Δ area':>12} {'Δ index':>12}")
        for method in METHODS:
            t = tallies[method]
            cells = " ".join(f"{t[k]!s:>12}" for k in ("area", "index", "gap", "change_area", "change_index"))
            print(f"  {METHOD_NAMES[method]:34} {cells}")
            withheld = t["area"].missing / max(1, t["area"].missing + t["area"].trials)
            if 0 < withheld < 1:
                print(
                    f"  {'':34} (no interval for {withheld * 100:.1f} % of the area scores: "
                    "a group below min_group_n)"
                )
        if null_any["holm"].trials:
            print(
                f"  no real change: ≥ 1 of 12 areas starred {null_any['uncorrected']}% uncorrected, "
                f"{null_any['holm']}% with Holm; index starred {null_any['index']}%"
            )
            print(
                f"  real change +0.3: areas starred (Holm) {power['areas']}%, index starred {power['index']}%"
            )
        else:
            print("  no interval and no star: a group has fewer than 5 respondents (min_group_n)")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=1000, help="populations per design")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    # an area nobody in a small sample answered is NaN by design, not a fault
    warnings.filterwarnings("ignore", "Mean of empty slice", RuntimeWarning)
    run(args.reps, args.seed)


if __name__ == "__main__":
    main()
