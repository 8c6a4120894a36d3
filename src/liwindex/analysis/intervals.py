"""An interval where the statistics support one, and otherwise the reason there is none.

:func:`liwindex.analysis.bootstrap.estimate` computes the interval; this module decides
first what it must not be asked for and says why an interval is missing, so that every
output (terminal, JSON, Excel, HTML) can say it:

* ``provisional`` — the value is marked † (an area with fewer than ``min_group_n`` answers
  of a group, or a płaszczyzna or index resting on such an area): SPEC §2 gives it no
  interval and no star;
* ``small group`` — a group behind the value has fewer than ``min_group_n`` respondents;
* ``zero variance`` — a group behind the value answered all alike (its replicates do not
  move), so the interval would leave that group's uncertainty out and claim too much;
* ``no value`` — there is nothing to put an interval around;
* ``few resamples`` — most replicates have no value (too few answers to resample);
* ``not computed`` — no bootstrap was run (``--bootstrap 0``, or a round without survey).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from liwindex.analysis.bootstrap import DEFAULT_MIN_GROUP_N, Estimate, Part, estimate

PROVISIONAL = "provisional"
SMALL_GROUP = "small group"
ZERO_VARIANCE = "zero variance"
NO_VALUE = "no value"
FEW_RESAMPLES = "few resamples"
NOT_COMPUTED = "not computed"
REASONS = (PROVISIONAL, SMALL_GROUP, ZERO_VARIANCE, NO_VALUE, FEW_RESAMPLES, NOT_COMPUTED)

# a replicate spread below this is no spread: sums of equal values differ only by rounding
ZERO_SPREAD = 1e-12


def interval(
    value: float | None,
    draws: np.ndarray,
    parts: Sequence[Part],
    min_group_n: int = DEFAULT_MIN_GROUP_N,
    bounds: tuple[float, float] | None = None,
    provisional: bool = False,
) -> tuple[Estimate | None, str | None]:
    """The 95 % interval of ``value`` and None, or None and the reason there is none."""
    if value is None or math.isnan(value):
        return None, NO_VALUE
    if provisional:
        return None, PROVISIONAL
    if not parts or any(p.n < min_group_n for p in parts):
        return None, SMALL_GROUP
    if any(p.alike for p in parts):
        # a group that answered everything alike (copied rows, one voice): its replicates
        # say nothing about its spread, and the star it would give would be hollow
        return None, ZERO_VARIANCE
    found = estimate(value, draws, parts, min_group_n, bounds)
    if found is not None:
        return found, None
    finite = draws[~np.isnan(draws)]
    if finite.size < 0.5 * draws.size or finite.size < 2:
        return None, FEW_RESAMPLES
    return None, ZERO_VARIANCE
