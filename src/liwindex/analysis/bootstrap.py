"""Bootstrap over respondents, stratified by group, for every survey score at once, and the
intervals and tests built on it.

Each resample draws every group's respondents with replacement (keeping the group sizes)
and recomputes the area scores by the scoring rules; płaszczyzny and the index follow with
:func:`liwindex.scoring.engine.aggregate_many`. Resamples are drawn as count matrices and reduced
with matrix products, so 2,000 resamples of 500 respondents take a fraction of a second.

Why not the plain percentile interval: a council's groups are small (often 5–10 officials),
their answers are few-valued (a tak/nie question makes an official's area value 1-or-5-ish)
and often piled up at the top of the scale, and the plain percentile bootstrap then covers
the truth far less often than it says. Three corrections make the interval hold its level
(chosen by simulation, ``benchmarks/coverage.py``, table in docs/scoring.md):

* each group's resamples add, in every area, pseudo-respondents at both ends of the scale,
  drawn a Poisson(:data:`PSEUDO_WEIGHT`) number of times (independently per area, so the
  index widens no more than its areas): five officials who all said "tak" do not prove that
  nobody says "nie", and the interval's centre moves a little towards the middle of the
  scale, the side on which such samples miss (the small-sample idea of the Agresti–Coull
  interval, with a weight that fades as 1/n);
* each group's resampled means are spread by √(n/(n−1)) around their centre, which removes
  the bootstrap's known shrinking of the variance by (n−1)/n;
* the interval is ``centre ± t · se`` where ``se`` is the standard deviation of the
  replicates, the centre their mean, and ``t`` the Student quantile with the degrees of
  freedom of the smallest group behind the value (n − 1), the conservative end of the
  Welch–Satterthwaite range: with few-valued answers a small group's spread is often
  underestimated by chance, and the Welch formula then moves the degrees of freedom away
  from that group exactly when its quantile is needed.

The same statistic gives a p-value (two-sided t test), which the Holm correction uses
across the areas of one comparison.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from liwindex.model.questionnaire import Questionnaire
from liwindex.scoring.engine import aggregate_many

DEFAULT_RESAMPLES = 2000
DEFAULT_SEED = 2026
LEVEL = 0.95
ALPHA = 1 - LEVEL
CHUNK_CELLS = 20_000_000  # resamples × respondents drawn at once (memory bound)
DEFAULT_MIN_GROUP_N = 5
# the weight of the pseudo-respondents at each end of the scale, per group and area (chosen by
# benchmarks/coverage.py: 0.03 left tak/nie areas of 5 officials under 93 %, 0.05 those of 10
# officials at 93.7 %)
PSEUDO_WEIGHT = 0.08


@dataclass
class Part:
    """A stratum behind a quantity (a group of one round): its size, whether its own
    answers vary at all (a quantity none of whose strata vary gets no interval), and
    whether the group answered everything alike (no area of it varies: copied rows or a
    single voice, from which no interval is given, see liwindex.analysis.intervals)."""

    n: int
    varies: bool
    alike: bool = False


@dataclass(frozen=True)
class Estimate:
    """A 95 % interval and the two-sided p-value of "the true value is 0"."""

    low: float
    high: float
    p: float


@dataclass
class Draws:
    """Bootstrap replicates of one round's survey scores (rows: resamples)."""

    areas: np.ndarray  # B × a
    by_group: np.ndarray  # B × g × a
    dimensions: np.ndarray  # B × d
    index: np.ndarray  # B
    n_by_group: np.ndarray  # g × a: respondents of each group with an area value
    asked: np.ndarray  # g × a: the area's questions are asked of the group
    group_sizes: np.ndarray  # g: respondents of each group
    varies: np.ndarray  # g × a: the group's area values are not all equal
    dimension_areas: list[list[int]]  # d → positions of its areas

    def alike(self, g: int) -> bool:
        """Group ``g`` has answers and none of its areas varies: everyone in it answered
        everything alike."""
        return bool(self.n_by_group[g].max(initial=0) > 1) and not bool(self.varies[g].any())

    def area_parts(self, a: int) -> list[Part]:
        """The strata behind area ``a``: every group it is asked of, also one without
        answers (whose absence then rules the interval out, see :func:`estimate`)."""
        return [
            Part(int(self.n_by_group[g, a]), bool(self.varies[g, a]), self.alike(g))
            for g in range(len(self.group_sizes))
            if self.asked[g, a]
        ]

    def dimension_parts(self, d: int) -> list[Part]:
        """The strata behind płaszczyzna ``d``: every group of the questionnaire."""
        areas = self.dimension_areas[d]
        return [
            Part(int(self.group_sizes[g]), bool(self.varies[g, areas].any()), self.alike(g))
            for g in range(len(self.group_sizes))
        ]

    def index_parts(self) -> list[Part]:
        """The strata behind the index: every group of the questionnaire."""
        return [
            Part(int(self.group_sizes[g]), bool(self.varies[g].any()), self.alike(g))
            for g in range(len(self.group_sizes))
        ]

    def group_parts(self, g: int, a: int) -> list[Part]:
        """The one stratum behind group ``g``'s score of area ``a``."""
        return [Part(int(self.n_by_group[g, a]), bool(self.varies[g, a]), self.alike(g))]


def student_quantile(p: float, df: float) -> float:
    """The ``p`` quantile of Student's t with ``df`` degrees of freedom (Cornish–Fisher
    expansion around the normal quantile; within 0.01 of the exact value for df ≥ 3)."""
    z = _normal_quantile(p)
    if math.isinf(df):
        return z
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def _normal_quantile(p: float) -> float:
    """Inverse of the standard normal distribution function (Acklam's rational
    approximation refined by one Newton step; error below 1e-12)."""
    a = (
        -3.969683028665376e01,
        2.209460984245205e02,
        -2.759285104469687e02,
        1.383577518672690e02,
        -3.066479806614716e01,
        2.506628277459239e00,
    )
    b = (
        -5.447609879822406e01,
        1.615858368580409e02,
        -1.556989798598866e02,
        6.680131188771972e01,
        -1.328068155288572e01,
    )
    c = (
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e00,
        -2.549732539343734e00,
        4.374664141464968e00,
        2.938163982698783e00,
    )
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
    if p < 0.02425:
        q = math.sqrt(-2 * math.log(p))
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / (
            (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
        )
    elif p > 1 - 0.02425:
        return -_normal_quantile(1 - p)
    else:
        q = p - 0.5
        r = q * q
        x = (
            (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
            * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        )
    e = 0.5 * math.erfc(-x / math.sqrt(2)) - p
    return x - e * math.sqrt(2 * math.pi) * math.exp(x * x / 2)


def student_sf2(t: float, df: float) -> float:
    """Two-sided tail probability P(|T| ≥ |t|) of Student's t (regularised incomplete beta)."""
    t = abs(t)
    if math.isinf(df):
        return math.erfc(t / math.sqrt(2))
    x = df / (df + t * t)
    return _betainc(df / 2, 0.5, x)


def _betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b) by its continued fraction."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x > (a + 1) / (a + b + 2):
        return 1.0 - _betainc(b, a, 1 - x)
    tiny = 1e-300
    f, c, d = 1.0, 1.0, 0.0
    for i in range(400):
        m = i // 2
        if i == 0:
            numerator = 1.0
        elif i % 2 == 0:
            numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        else:
            numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        d = 1 + numerator * d
        d = tiny if abs(d) < tiny else d
        d = 1 / d
        c = 1 + numerator / c
        c = tiny if abs(c) < tiny else c
        f *= c * d
        if abs(1 - c * d) < 1e-14:
            break
    return front * (f - 1) / a


def degrees_of_freedom(parts: Sequence[Part]) -> float:
    """n − 1 of the smallest stratum: the low end of the Welch–Satterthwaite range, which
    the Welch formula reaches when that stratum carries the variance. Estimated from the
    strata's spreads, the formula leaves a small group exactly when chance makes its
    spread small, which few-valued answers of 5–10 people often do (benchmarks/coverage.py:
    30 + 5 areas covered 86–92 % with it)."""
    return float(min((p.n - 1 for p in parts if p.n > 1), default=math.inf))


def estimate(
    value: float | None,
    draws: np.ndarray,
    parts: Sequence[Part],
    min_group_n: int = DEFAULT_MIN_GROUP_N,
    bounds: tuple[float, float] | None = None,
) -> Estimate | None:
    """The 95 % interval ``centre ± t · se`` and its p-value, or None when it would mislead:
    no value, most replicates missing, no spread at all in the answers (zero variance), or
    a group behind the value with fewer than ``min_group_n`` respondents (none at all
    included: the value then describes the other groups only, not the truth it stands for).
    The centre is the replicates' mean: ``value`` moved slightly towards the middle of the
    scale by the pseudo-respondents of :func:`bootstrap`."""
    if value is None or math.isnan(value) or not parts:
        return None
    if any(p.n < min_group_n for p in parts) or not any(p.varies for p in parts):
        return None
    finite = draws[~np.isnan(draws)]
    if finite.size < 0.5 * draws.size or finite.size < 2:
        return None
    se = float(np.std(finite, ddof=1))
    if not se > 1e-12:
        return None
    df = degrees_of_freedom(parts)
    centre = float(np.mean(finite))
    half = student_quantile(1 - ALPHA / 2, df) * se
    low, high = centre - half, centre + half
    if bounds is not None:
        low, high = max(low, bounds[0]), min(high, bounds[1])
    return Estimate(low=low, high=high, p=student_sf2(centre / se, df))


def holm(p_values: Sequence[float | None], alpha: float = ALPHA) -> list[bool | None]:
    """Holm's step-down rejections at family-wise level ``alpha`` (None stays None)."""
    known = sorted((p, i) for i, p in enumerate(p_values) if p is not None)
    decisions: list[bool | None] = [None if p is None else False for p in p_values]
    m = len(known)
    for rank, (p, i) in enumerate(known):
        if p > alpha / (m - rank):
            break
        decisions[i] = True
    return decisions


def bootstrap(
    respondent_areas: np.ndarray,
    groups: np.ndarray,
    questionnaire: Questionnaire,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int | list[int] = DEFAULT_SEED,
    pseudo_weight: float = PSEUDO_WEIGHT,
) -> Draws:
    """Replicates of the area scores (overall and per group), płaszczyzny and the index.

    ``respondent_areas`` is n × a (NaN where a respondent has no area value) and ``groups``
    the respondents' group positions (-1: unknown, left out). Each group is resampled from
    its respondents plus, in every area it has values for, a pseudo-respondent at the scale's
    lowest value and one at its highest, each drawn a Poisson(``pseudo_weight``) number of
    times, independently per area (so that they widen each area as much as the index needs,
    and the index no more than its areas do); ``pseudo_weight=0`` gives the ordinary
    bootstrap (with the √(n/(n−1)) spread).
    """
    rng = np.random.default_rng(seed)
    lo, hi = questionnaire.scoring.lo, questionnaire.scoring.hi
    g_count, a_count = len(questionnaire.groups), respondent_areas.shape[1]
    sums = np.zeros((resamples, g_count, a_count))
    counts = np.zeros((resamples, g_count, a_count))
    full_sums = np.zeros((g_count, a_count))
    full_counts = np.zeros((g_count, a_count))
    centres = np.full((g_count, a_count), np.nan)
    varies = np.zeros((g_count, a_count), dtype=bool)
    sizes = np.zeros(g_count, dtype=int)
    for g in range(g_count):
        members = respondent_areas[groups == g]
        n = len(members)
        sizes[g] = n
        if n == 0:
            continue
        present = ~np.isnan(members)
        filled = np.where(present, members, 0.0)
        full_sums[g], full_counts[g] = filled.sum(axis=0), present.sum(axis=0)
        has = full_counts[g] > 0
        with np.errstate(invalid="ignore"):
            highest = np.where(present, members, -np.inf).max(axis=0)
            varies[g] = has & (highest - np.where(present, members, np.inf).min(axis=0) > 1e-12)
            centres[g] = (full_sums[g] + pseudo_weight * (lo + hi) * has) / (
                full_counts[g] + 2 * pseudo_weight * has
            )
        step = max(1, CHUNK_CELLS // n)
        for start in range(0, resamples, step):
            b = min(step, resamples - start)
            picks = rng.integers(0, n, size=(b, n)) + (np.arange(b) * n)[:, None]
            weights = np.bincount(picks.ravel(), minlength=b * n).reshape(b, n).astype(float)
            # how often each area's pseudo-respondents were drawn, independently per area
            low, high = rng.poisson(pseudo_weight, (2, b, a_count)) * has
            sums[start : start + b, g] = weights @ filled + low * lo + high * hi
            counts[start : start + b, g] = weights @ present + low + high
    with np.errstate(invalid="ignore", divide="ignore"):
        spread = np.sqrt(np.where(full_counts > 1, full_counts / (full_counts - 1), 1.0))
        by_group = centres + spread * (sums / counts - centres)
    pooled = questionnaire.scoring.group_weighting != "equal"
    exists = ~np.isnan(by_group)
    w = np.where(exists, counts if pooled else 1.0, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        areas = (np.where(exists, by_group, 0.0) * w).sum(axis=1) / w.sum(axis=1)
    dimensions, index = aggregate_many(areas, questionnaire)
    asked = np.array(questionnaire.asked, dtype=bool).reshape(g_count, -1)  # g × questions
    area_of = [questionnaire.question_area[x.id] for x in questionnaire.questions]
    area_asked = np.array(
        [
            [
                asked[g, [j for j, a in enumerate(area_of) if a == area.id]].any()
                for area in questionnaire.areas
            ]
            for g in range(g_count)
        ],
        dtype=bool,
    )
    area_ids = [a.id for a in questionnaire.areas]
    return Draws(
        areas=areas,
        by_group=by_group,
        dimensions=dimensions,
        index=index,
        n_by_group=full_counts.astype(int),
        asked=area_asked,
        group_sizes=sizes,
        varies=varies,
        dimension_areas=[[area_ids.index(a.id) for a in d.areas] for d in questionnaire.dimensions],
    )
