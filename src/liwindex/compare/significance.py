"""The 95 % intervals and stars of a comparison's survey changes (SPEC §2, Small samples;
docs/scoring.md §8): both rounds bootstrapped independently, the interval of each change
from the differences of their replicates, none where a value is provisional or rests on a
group too small or without spread, and Holm-corrected stars for areas and płaszczyzny.

The statistics are imported only when a comparison asks for intervals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liwindex.analysis.analyze import attach_intervals, draws_for
from liwindex.analysis.bootstrap import holm
from liwindex.analysis.intervals import NOT_COMPUTED, interval
from liwindex.compare.common import draws_on_common

if TYPE_CHECKING:
    from liwindex.compare.comparison import Comparison


def change_intervals(comparison: Comparison, resamples: int, seed: int) -> None:
    """Bootstrap both rounds independently; each survey change gets the corrected t interval
    of the differences of their replicates (strata: both rounds' groups) unless it is
    provisional or rests on a group too small or without spread, and the stars of areas and
    płaszczyzny are Holm-corrected within their table."""

    before, after = comparison.before, comparison.after
    draws = [draws_for(r, resamples, [seed, i]) for i, r in enumerate((before, after))]
    for result, draw in zip((before, after), draws, strict=True):
        attach_intervals(result, draw)
    comparison.after_draws = draws[1]
    d0, d1 = draws
    if d0 is None or d1 is None:
        for row in (comparison.index, *comparison.dimensions, *comparison.areas):
            row.ci_reason = NOT_COMPUTED
        return
    min_n = after.min_group_n
    hi_lo = after.index_range[1] - after.index_range[0]
    bounds = (-hi_lo, hi_lo)
    b_areas = [a.id for a in before.areas]
    a_areas = [a.id for a in after.areas]
    for row in comparison.areas:
        i, j = b_areas.index(row.id), a_areas.index(row.id)
        row.survey_ci, row.ci_reason = interval(
            row.survey.delta,
            d1.areas[:, j] - d0.areas[:, i],
            [*d0.area_parts(i), *d1.area_parts(j)],
            min_n,
            bounds,
            row.survey_provisional,
        )
    b_dims = [d.id for d in before.dimensions]
    a_dims = [d.id for d in after.dimensions]
    common = comparison.common["survey"]
    if common.partial and before.questionnaire is not None and after.questionnaire is not None:
        # the replicates of both rounds' płaszczyzny and index over the common areas
        on = [draws_on_common(d, r, common.kept) for d, r in ((d0, before), (d1, after))]
    else:
        on = [(d.dimensions, d.index) for d in (d0, d1)]

    for row in comparison.dimensions:
        i, j = b_dims.index(row.id), a_dims.index(row.id)
        row.survey_ci, row.ci_reason = interval(
            row.survey.delta,
            on[1][0][:, j] - on[0][0][:, i],
            [*d0.dimension_parts(i), *d1.dimension_parts(j)],
            min_n,
            bounds,
            row.survey_provisional,
        )
    for rows in (comparison.areas, comparison.dimensions):
        for r, decision in zip(
            rows, holm([r.survey_ci.p if r.survey_ci else None for r in rows]), strict=True
        ):
            r.significant = decision
    index = comparison.index
    index.survey_ci, index.ci_reason = interval(
        index.survey.delta,
        on[1][1] - on[0][1],
        [*d0.index_parts(), *d1.index_parts()],
        min_n,
        bounds,
        index.survey_provisional,
    )
    index.significant = None if index.survey_ci is None else index.survey_ci.p < 0.05
