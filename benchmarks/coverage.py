"""Do liwindex's 95 % intervals hold 95 %? A seeded simulation of the standard questionnaire.

    python benchmarks/coverage.py --reps 400    # 400 rounds per population and design, minutes
    python benchmarks/coverage.py --quick       # a smoke run (a test runs it)

Every simulated round is a response file of the standard questionnaire as it is
(src/liwindex/data/lijw-standard.yaml): its 50 scored questions with their own scales
(ocena5, zgoda5 and the two-point tak/nie), each asked of its own group, the reverse-coded
ones answered the other way round, answers written as the choices' labels, "nie wiem /
trudno powiedzieć" and blank cells, the group given as the group question's answer. Half
the rounds are CSV (semicolons), half .xlsx. Each file goes through the library's façade
(``liwindex.api``: reading, scoring, ``analyze_round`` and ``compare``, the code the
command line runs) with the command line's 2,000 resamples and seed.

The population of one group is a latent model: respondent ``r`` answers question ``j`` of
area ``a`` with ``y = μ[group, a] + δ[j] + attitude[r] + effect[r, a] + noise`` on the
index scale 1–5, written as the nearest of the scale's values (1–5, or 1/5 for tak/nie,
which is "tak" above 3); each question is "nie wiem" or blank with its own probability.
The truth is computed from these parameters alone, analytically, without liwindex: an
answer's expected value is a sum of normal probabilities; "nie wiem" is independent of the
value, so a group's expected area value is the mean over the subsets of answered questions
that count (at least half of them), weighted by their probabilities; an area is the mean
of its groups (``group_weighting: equal``), the index the mean of the areas.

Populations (new parameters every round):

* ``typical`` — NGO area means 2.2–3.8, the administration 0.2 lower to 1.0 higher;
* ``ceiling`` — most answers 4–5 (NGOs 4.0–4.6, the administration 4.3–4.9);
* ``nie wiem`` — typical means with 20 % "nie wiem" (30 % on tak/nie questions).

Printed per population and design (30 + 5, 30 + 10, 60 + 20): coverage per area of the
area scores, of the NGO − administration gaps and of the change between two rounds drawn
from the same population (true change 0); the index and its change; mean interval widths;
the share of values given no interval (a group below ``min_group_n``); and how often a
comparison with no real change stars at least one area (Holm).
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth

from liwindex import api

DESIGNS = [(30, 5), (30, 10), (60, 20)]
POPULATIONS = ("typical", "ceiling", "nie wiem")
SD_ATTITUDE, SD_EFFECT, SD_NOISE, SD_ITEM = 0.5, 0.4, 0.7, 0.3
BLANK = 0.01
LO, HI = 1.0, 5.0
RESAMPLES = 2000


@dataclass(frozen=True)
class Item:
    """A scored question as the simulation needs it."""

    id: str
    text: str
    group: str
    area: int
    levels: tuple[float, ...]  # its answers' values on the index scale, ascending
    labels: tuple[str, ...]  # the label written for each level (reverse-coded: swapped)
    na_label: str
    weight: float
    two_point: bool


def items_of(q: api.Questionnaire) -> list[Item]:
    """The questionnaire's scored questions, one entry per group they are asked of."""
    area_ids = [a.id for a in q.areas]
    scales = {s.id: s for s in q.scales}
    items = []
    for x in q.questions:
        scale = scales[x.scale]
        scored = sorted((c for c in scale.choices if not c.na), key=lambda c: c.points)
        points = [c.points for c in scored]
        levels = tuple(LO + (p - points[0]) / (points[-1] - points[0]) * (HI - LO) for p in points)
        labels = [c.label.pl for c in scored]
        if x.reverse:
            labels.reverse()
        na = next(c.label.pl for c in scale.choices if c.na)
        for g in q.question_groups(x):
            items.append(
                Item(
                    x.id,
                    x.text.pl,
                    g,
                    area_ids.index(q.question_area[x.id]),
                    levels,
                    tuple(labels),
                    na,
                    x.weight,
                    len(levels) == 2,
                )
            )
    return items


@dataclass
class Population:
    """One population's parameters: each group's item means and missing shares."""

    means: dict[str, np.ndarray]  # group → item mean (one per item of the group)
    missing: dict[str, np.ndarray]  # group → P(no answer) per item (nie wiem + blank)
    nie_wiem: dict[str, np.ndarray]


def draw_population(rng: np.random.Generator, kind: str, items: list[Item], areas: int) -> Population:
    if kind == "ceiling":
        area_means = {"ngo": rng.uniform(4.0, 4.6, areas), "jst": rng.uniform(4.3, 4.9, areas)}
    else:
        ngo = rng.uniform(2.2, 3.8, areas)
        area_means = {"ngo": ngo, "jst": np.clip(ngo + rng.uniform(-0.2, 1.0, areas), 1, 5)}
    means, missing, nie_wiem = {}, {}, {}
    for g in area_means:
        mine = [x for x in items if x.group == g]
        means[g] = np.array([area_means[g][x.area] for x in mine]) + rng.normal(0, SD_ITEM, len(mine))
        if kind == "nie wiem":
            nw = np.array([0.3 if x.two_point else 0.2 for x in mine])
        else:
            nw = np.full(len(mine), 0.05)
        nie_wiem[g] = nw
        missing[g] = nw + BLANK
    return Population(means, missing, nie_wiem)


def normal_cdf(x: np.ndarray) -> np.ndarray:
    return np.array([0.5 * math.erfc(-v / math.sqrt(2)) for v in np.ravel(x)])


def expected_answer(mean: float, levels: tuple[float, ...]) -> float:
    """E[the nearest level to y], y ~ N(mean, total sd): analytic."""
    sd = math.sqrt(SD_ATTITUDE**2 + SD_EFFECT**2 + SD_NOISE**2)
    cuts = np.array([(a + b) / 2 for a, b in itertools.pairwise(levels)])
    above = normal_cdf((mean - cuts) / sd)  # P(y > cut)
    return levels[0] + float(np.sum(above * np.diff(levels)))


def truth(pop: Population, items: list[Item], areas: int) -> dict[str, np.ndarray]:
    """The population's expected area scores per group and overall, and its index, by the
    scoring rules (min_answered 0.5, equal group weighting, index from areas)."""
    by_group = {}
    for g in pop.means:
        mine = [x for x in items if x.group == g]
        values = np.full(areas, np.nan)
        for a in range(areas):
            pos = [i for i, x in enumerate(mine) if x.area == a]
            if not pos:
                continue
            e = [expected_answer(pop.means[g][i], mine[i].levels) for i in pos]
            m = [pop.missing[g][i] for i in pos]
            w = [mine[i].weight for i in pos]
            needed = max(1, math.ceil(0.5 * len(pos)))
            total = mass = 0.0
            for answered in itertools.product((False, True), repeat=len(pos)):
                if sum(answered) < needed:
                    continue
                p = math.prod((1 - mi) if on else mi for mi, on in zip(m, answered, strict=True))
                ws = sum(wi for wi, on in zip(w, answered, strict=True) if on)
                total += p * sum(wi * ei for wi, ei, on in zip(w, e, answered, strict=True) if on) / ws
                mass += p
            values[a] = total / mass
        by_group[g] = values
    overall = np.nanmean(np.vstack(list(by_group.values())), axis=0)
    return {**by_group, "areas": overall, "index": np.array(overall.mean())}


def answers(rng: np.random.Generator, pop: Population, items: list[Item], group: str, n: int) -> np.ndarray:
    """``n`` respondents' written answers (labels, "nie wiem" or "") to the group's items."""
    mine = [x for x in items if x.group == group]
    areas = max(x.area for x in items) + 1
    attitude = rng.normal(0, SD_ATTITUDE, (n, 1))
    effect = rng.normal(0, SD_EFFECT, (n, areas))[:, [x.area for x in mine]]
    y = pop.means[group][None, :] + attitude + effect + rng.normal(0, SD_NOISE, (n, len(mine)))
    out = np.empty((n, len(mine)), dtype=object)
    for j, x in enumerate(mine):
        cuts = [(a + b) / 2 for a, b in itertools.pairwise(x.levels)]
        level = np.searchsorted(cuts, y[:, j])
        out[:, j] = np.array(x.labels, dtype=object)[level]
    u = rng.random((n, len(mine)))
    for j, x in enumerate(mine):
        out[u[:, j] < pop.missing[group][j], j] = ""
        out[u[:, j] < pop.nie_wiem[group][j], j] = x.na_label
    return out


def export(
    rng: np.random.Generator,
    q: api.Questionnaire,
    pop: Population,
    items: list[Item],
    design: tuple[int, int],
    path: Path,
) -> Path:
    """One round's response file, as a survey platform exports it."""
    header = ["Sygnatura czasowa", q.group_question.text.pl, *[x.text.pl for x in q.questions]]
    column = {x.id: 2 + i for i, x in enumerate(q.questions)}
    table = []
    for group, n in zip(("ngo", "jst"), design, strict=True):
        mine = [x for x in items if x.group == group]
        label = next(g.label.pl for g in q.groups if g.id == group)
        written = answers(rng, pop, items, group, n)
        for row in written:
            line = [""] * len(header)
            line[1] = label
            for x, v in zip(mine, row, strict=True):
                line[column[x.id]] = v
            table.append(line)
    order = rng.permutation(len(table))
    table = [table[i] for i in order]
    for i, line in enumerate(table):
        line[0] = f"2025-03-{1 + i % 28:02d} 10:{i % 60:02d}:00"
    write = synth.write_csv if path.suffix == ".csv" else synth.write_xlsx
    return write(path, [header, *table])


@dataclass
class Tally:
    """Hits, trials, widths and withheld intervals of one coverage rate."""

    hits: int = 0
    trials: int = 0
    missing: int = 0
    width: float = 0.0
    low_misses: int = 0  # the truth below the interval

    def add(self, low: float | None, high: float | None, truth: float) -> None:
        if low is None or high is None:
            self.missing += 1
            return
        self.trials += 1
        self.hits += low <= truth <= high
        self.low_misses += truth < low
        self.width += high - low

    def merge(self, other: Tally) -> None:
        self.hits += other.hits
        self.trials += other.trials
        self.missing += other.missing
        self.width += other.width
        self.low_misses += other.low_misses

    @property
    def rate(self) -> float:
        return self.hits / self.trials if self.trials else math.nan


@dataclass
class Outcome:
    """Everything one simulated round adds to its block's counts."""

    area: list[Tally] = field(default_factory=lambda: [Tally() for _ in range(12)])
    gap: list[Tally] = field(default_factory=lambda: [Tally() for _ in range(12)])
    change: list[Tally] = field(default_factory=lambda: [Tally() for _ in range(12)])
    index: Tally = field(default_factory=Tally)
    change_index: Tally = field(default_factory=Tally)
    null_star: Tally = field(default_factory=Tally)  # hits: comparisons starring ≥ 1 area

    def merge(self, other: Outcome) -> None:
        mine = (*self.area, *self.gap, *self.change)
        for tally, theirs in zip(mine, (*other.area, *other.gap, *other.change), strict=True):
            tally.merge(theirs)
        self.index.merge(other.index)
        self.change_index.merge(other.change_index)
        self.null_star.merge(other.null_star)


def simulate(task: tuple[int, str, tuple[int, int], int, str]) -> tuple[str, tuple[int, int], Outcome]:
    """One round (and a second round of the same population) through the façade."""
    seed, kind, design, rep, folder = task
    q = api.load_standard()
    items = items_of(q)
    areas = len(q.areas)
    rng = np.random.default_rng([seed, POPULATIONS.index(kind), *design, rep])
    pop = draw_population(rng, kind, items, areas)
    true = truth(pop, items, areas)
    suffix = ".csv" if rep % 2 == 0 else ".xlsx"
    base = Path(folder) / f"{POPULATIONS.index(kind)}-{design[0]}-{design[1]}-{rep}"
    first = export(rng, q, pop, items, design, base.with_name(base.name + "-a" + suffix))
    second = export(rng, q, pop, items, design, base.with_name(base.name + "-b" + suffix))
    round_ = api.read_round(first, q)
    result = api.score_round(round_)
    analysis = api.analyze_round(round_, result, RESAMPLES)
    out = Outcome()
    for a, area in enumerate(result.areas):
        low, high = result.intervals.get(area.id, (None, None))
        out.area[a].add(low, high, float(true["areas"][a]))
    for a, gap in enumerate(analysis.gaps):
        ci = gap.ci
        out.gap[a].add(ci and ci.low, ci and ci.high, float(true["ngo"][a] - true["jst"][a]))
    low, high = result.intervals.get("index", (None, None))
    out.index.add(low, high, float(true["index"]))
    later = api.score_file(second, q)
    comparison = api.compare(result, later, RESAMPLES)
    for a, row in enumerate(comparison.areas):
        ci = row.survey_ci
        out.change[a].add(ci and ci.low, ci and ci.high, 0.0)
    ci = comparison.index.survey_ci
    out.change_index.add(ci and ci.low, ci and ci.high, 0.0)
    if ci is not None:
        out.null_star.trials += 1
        out.null_star.hits += any(bool(row.significant) for row in comparison.areas)
    first.unlink()
    second.unlink()
    return kind, design, out


def cell(t: Tally) -> str:
    return f"{t.rate * 100:5.1f}" if t.trials else "    –"


def pooled(tallies: list[Tally]) -> Tally:
    total = Tally()
    for t in tallies:
        total.merge(t)
    return total


def report(kind: str, design: tuple[int, int], o: Outcome, reps: int, areas: list[str]) -> None:
    print(f"{kind} population, {design[0]} NGO + {design[1]} administration ({reps} rounds)")
    print(f"  {'':8}" + "".join(f"{a:>6}" for a in areas) + f"{'all':>7}{'min':>6}{'width':>7}{'no CI':>7}")
    for name, row in (("area", o.area), ("gap", o.gap), ("Δ area", o.change)):
        total = pooled(row)
        rates = [t.rate for t in row if t.trials]
        worst = min(rates) * 100 if rates else math.nan
        width = total.width / total.trials if total.trials else math.nan
        withheld = total.missing / max(1, total.missing + total.trials)
        print(
            f"  {name:8}"
            + "".join(f"{cell(t):>6}" for t in row)
            + f"{cell(total):>7}{worst:6.1f}{width:7.2f}{withheld * 100:6.1f}%"
        )
    for name, t in (("index", o.index), ("Δ index", o.change_index)):
        width = t.width / t.trials if t.trials else math.nan
        withheld = t.missing / max(1, t.missing + t.trials)
        print(f"  {name:8}{cell(t):>6}  width {width:.2f}  no CI {withheld * 100:.1f} %")
    misses = pooled(o.area)
    below = misses.low_misses / max(1, misses.trials - misses.hits)
    print(
        f"  area misses with the truth below the interval: {below * 100:.0f} %; "
        f"no real change, ≥ 1 area starred (Holm): {cell(o.null_star).strip()} %"
    )
    print()


def run(reps: int, seed: int, jobs: int) -> None:
    q = api.load_standard()
    areas = [a.id for a in q.areas]
    print(
        f"liwindex coverage simulation · {reps} rounds per population and design · "
        f"{RESAMPLES} resamples · seed {seed}"
    )
    error = 100 * (0.95 * 0.05 / reps) ** 0.5
    print(f"coverage in %, target 95; Monte Carlo error of one area's rate about ±{error:.1f}\n")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="liwindex-coverage-") as folder:
        tasks = [(seed, k, d, r, folder) for k in POPULATIONS for d in DESIGNS for r in range(reps)]
        outcomes = {(k, d): Outcome() for k in POPULATIONS for d in DESIGNS}
        with Pool(jobs) as pool:
            for kind, design, out in pool.imap_unordered(simulate, tasks, chunksize=8):
                outcomes[kind, design].merge(out)
    for (kind, design), o in outcomes.items():
        report(kind, design, o, reps, areas)
    print("all populations together")
    for design in DESIGNS:
        joined = Outcome()
        for kind in POPULATIONS:
            joined.merge(outcomes[kind, design])
        worst = min(t.rate for t in joined.area if t.trials) * 100
        print(
            f"  {design[0]} + {design[1]}: area {cell(pooled(joined.area))} (worst area {worst:.1f}), "
            f"gap {cell(pooled(joined.gap))}, index {cell(joined.index)}, "
            f"Δ area {cell(pooled(joined.change))}, Δ index {cell(joined.change_index)}"
        )
    print(f"\n{time.perf_counter() - started:.0f} s on {jobs} processes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=400, help="rounds per population and design")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--quick", action="store_true", help="3 rounds each: a smoke run")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", "Mean of empty slice", RuntimeWarning)
    run(3 if args.quick else args.reps, args.seed, args.jobs)


if __name__ == "__main__":
    main()
