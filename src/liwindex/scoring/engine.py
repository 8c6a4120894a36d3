"""The scoring engine: SPEC §2 as array operations, no I/O and no loop over respondents.

Shapes used below: ``n`` respondents, ``q`` scored questions, ``a`` areas, ``g`` groups.
Per-respondent area values come from matrix products with the question → area membership
matrix, so the cost grows linearly with respondents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from liwindex.model.questionnaire import Questionnaire

if TYPE_CHECKING:
    import pandas as pd


def _pandas() -> Any:
    """pandas, imported when a labelled view is asked for (reading and scoring a file
    need only numpy)."""
    import pandas

    return pandas


# A tolerance for ceil(min_answered · k): 0.7 · 10 is 7.000000000000001 in floating point.
_EPS = 1e-9


@dataclass
class SurveyScores:
    """Everything the survey alone says (NaN where a value does not exist), as numpy
    arrays in questionnaire order; the properties below label the area scores as pandas
    objects for the statistics and tests (built on request: the per-file path reads the
    arrays)."""

    question_ids: list[str]
    area_ids: list[str]
    group_ids: list[str]
    rows: Any  # each respondent's label (Excel row)
    respondent_values: np.ndarray  # n × a
    group_values: np.ndarray  # g × a
    group_counts: np.ndarray  # g × a, respondents with an area value
    values: np.ndarray  # a
    counts: np.ndarray  # a
    items_n: np.ndarray  # q
    items_mean: np.ndarray  # q
    items_n_by_group: np.ndarray  # g × q
    items_mean_by_group: np.ndarray  # g × q
    asked: np.ndarray  # g × a, questions asked summed over respondents
    answered: np.ndarray  # g × a, of those: not blank ("nie wiem" included)
    na: np.ndarray  # g × a, of those: "nie wiem"

    @property
    def respondent_areas(self) -> pd.DataFrame:
        """n × a, labelled."""
        return _pandas().DataFrame(self.respondent_values, index=self.rows, columns=self.area_ids)

    @property
    def area_by_group(self) -> pd.DataFrame:
        """g × a, labelled."""
        return _pandas().DataFrame(self.group_values, index=self.group_ids, columns=self.area_ids)

    @property
    def area(self) -> pd.Series:
        """The area scores, labelled."""
        return _pandas().Series(self.values, index=self.area_ids)


@dataclass
class Aggregate:
    """Dimension scores and the index computed from one set of area values."""

    areas: pd.Series
    dimensions: pd.Series
    index: float | None
    missing_areas: list[str]
    covered: bool


def normalise(points: np.ndarray, questionnaire: Questionnaire) -> np.ndarray:
    """Raw points (n × q) mapped linearly onto the index range, reverse-coded first."""
    lo, hi = questionnaire.scoring.lo, questionnaire.scoring.hi
    tables = questionnaire.tables
    pmin, pmax, reverse = tables.pmin, tables.pmax, tables.reverse
    # a copy the steps below may change in place; column-major, as everything downstream
    # works on columns and area blocks of columns
    values = np.array(points, dtype=float, order="K")
    values[:, reverse] = (pmin + pmax)[reverse] - values[:, reverse]
    values -= pmin
    values *= (hi - lo) / (pmax - pmin)
    values += lo
    return values


def group_codes(groups: pd.Series | np.ndarray, questionnaire: Questionnaire) -> np.ndarray:
    """Each respondent's group as its position in the questionnaire's groups (-1: unknown);
    an integer array is taken to be those positions already."""
    if isinstance(groups, np.ndarray) and groups.dtype.kind == "i":
        return groups
    ids = list(questionnaire.group_ids)
    pd = _pandas()
    if isinstance(groups.dtype, pd.CategoricalDtype) and list(groups.cat.categories) == ids:
        return groups.cat.codes.to_numpy()
    return pd.Categorical(groups, categories=ids).codes


def applicable(groups: pd.Series | np.ndarray, questionnaire: Questionnaire) -> np.ndarray:
    """n × q: is the question asked of the respondent's group (unknown group: nothing)."""
    codes = group_codes(groups, questionnaire)
    # one extra all-False row for unknown groups (code -1 picks the last row); column-major
    # like the values it masks
    return np.asfortranarray(questionnaire.tables.asked_or_unknown[codes])


def score_survey(
    points: pd.DataFrame | np.ndarray,
    groups: pd.Series | np.ndarray,
    questionnaire: Questionnaire,
    responded: np.ndarray | None = None,
    rows: Any = None,
) -> SurveyScores:
    """Respondent area values, area scores per group and overall, and item statistics.

    ``points`` is respondents × questions (a frame, or an array in questionnaire order
    with ``rows`` naming the respondents); ``groups`` their groups (a Series of ids or an
    array of group positions). ``responded`` (n × q) marks cells that are not blank; it
    tells "nie wiem" (responded, no points) from a blank cell for the data-quality figures.
    Without it, every cell without points counts as blank.

    Work is done on whole arrays: each area's sums are one ``reduceat`` over its block of
    columns, each group's one matrix product; nothing loops over respondents.
    """
    scoring = questionnaire.scoring
    tables = questionnaire.tables
    question_ids, area_ids, group_ids = tables.question_ids, tables.area_ids, tables.group_ids
    n, g_count = len(points), len(group_ids)

    if not isinstance(points, np.ndarray):  # a frame: put its columns in questionnaire order
        if list(points.columns) != question_ids:
            points = points[question_ids]
        rows = points.index if rows is None else rows
        points = points.to_numpy(dtype=float)
    rows = np.arange(n) if rows is None else rows
    values = normalise(points, questionnaire)
    codes = group_codes(groups, questionnaire)
    # respondents × groups indicator: per-group sums become one matrix product
    onehot = (codes[:, None] == np.arange(g_count)).astype(float)
    asked = np.asfortranarray(tables.asked_or_unknown[codes])
    counted = asked & ~np.isnan(values)
    responded = counted if responded is None else asked & responded
    filled = np.where(counted, values, 0.0)  # counted values, 0 elsewhere
    weights = tables.weights
    group_sizes = onehot.sum(axis=0)
    asked_per_area = tables.asked_per_area  # per group and area, then a row of zeros

    # every area at once: sums over each area's block of columns
    answered = tables.area_sums(counted.astype(np.int32))
    asked_k = asked_per_area[codes]
    weight_sum = answered.astype(float)
    weighted_sum = tables.area_sums(filled)
    for a, block in enumerate(tables.blocks):  # areas whose questions carry weights
        if not tables.unit_weights[a]:
            weight_sum[:, a] = counted[:, block].astype(float) @ weights[block]
            weighted_sum[:, a] = filled[:, block] @ weights[block]
    needed = np.maximum(1.0, np.ceil(scoring.min_answered * asked_k - _EPS))
    exists = (asked_k > 0) & (answered >= needed)
    with np.errstate(invalid="ignore", divide="ignore"):
        area_values = np.where(exists, weighted_sum / weight_sum, np.nan)
    responded_k = tables.area_sums(responded.astype(np.int32))
    asked_cells = asked_per_area[:-1] * group_sizes[:, None]
    answered_cells = onehot.T @ responded_k
    na_cells = onehot.T @ (responded_k - answered)

    has_value = ~np.isnan(area_values)
    area_n_by_group = onehot.T @ has_value.astype(float)  # a float product runs in BLAS
    area_sum_by_group = onehot.T @ np.where(has_value, area_values, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        group_means = area_sum_by_group / area_n_by_group
        if scoring.group_weighting == "equal":  # the mean of the groups that have a value
            present = ~np.isnan(group_means)
            area = np.where(present, group_means, 0.0).sum(axis=0) / present.sum(axis=0)
        else:
            area = area_sum_by_group.sum(axis=0) / area_n_by_group.sum(axis=0)

    item_n_by_group = (onehot.T @ counted.astype(float)).astype(int)
    item_sum_by_group = onehot.T @ filled
    item_n = item_n_by_group.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        item_mean = item_sum_by_group.sum(axis=0) / item_n
        item_mean_by_group = item_sum_by_group / item_n_by_group

    return SurveyScores(
        question_ids=question_ids,
        area_ids=area_ids,
        group_ids=group_ids,
        rows=rows,
        respondent_values=area_values,
        group_values=group_means,
        group_counts=area_n_by_group.astype(int),
        values=area,
        counts=area_n_by_group.sum(axis=0).astype(int),
        items_n=item_n,
        items_mean=item_mean,
        items_n_by_group=item_n_by_group,
        items_mean_by_group=item_mean_by_group,
        asked=asked_cells.astype(int),
        answered=answered_cells.astype(int),
        na=na_cells.astype(int),
    )


def aggregate(area_values: pd.Series, questionnaire: Questionnaire) -> Aggregate:
    """Dimension scores and the index from area values (SPEC §2), with the coverage rule
    (the rule itself is :func:`aggregate_many`'s, on one row)."""
    area_ids = [a.id for a in questionnaire.areas]
    areas = area_values.reindex(area_ids).astype(float)
    values = areas.to_numpy()
    dims, index = aggregate_many(values[None, :], questionnaire)
    dimensions = _pandas().Series(dims[0], index=[d.id for d in questionnaire.dimensions])
    missing = [a for a, v in zip(area_ids, values, strict=True) if np.isnan(v)]
    covered = bool(not np.isnan(index[0]))
    return Aggregate(
        areas=areas,
        dimensions=dimensions,
        index=float(index[0]) if covered else None,
        missing_areas=missing,
        covered=covered,
    )


def aggregate_many(areas: np.ndarray, questionnaire: Questionnaire) -> tuple[np.ndarray, np.ndarray]:
    """:func:`aggregate` for many sets of area values at once (rows of ``areas``, k × a):
    dimension scores (k × d) and the index (k, NaN where the coverage rule fails)."""
    scoring = questionnaire.scoring
    area_ids = questionnaire.tables.area_ids
    present = ~np.isnan(areas)
    filled = np.where(present, areas, 0.0)
    dims = np.full((areas.shape[0], len(questionnaire.dimensions)), np.nan)
    for d, columns in enumerate(questionnaire.tables.dimension_columns):
        count = present[:, columns].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            dims[:, d] = np.where(count > 0, filled[:, columns].sum(axis=1) / count, np.nan)
    have = present.sum(axis=1)
    covered = (have / len(area_ids) >= scoring.min_area_coverage - _EPS) & (have > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        if scoring.aggregation == "areas":
            index = filled.sum(axis=1) / have
        else:
            dim_present = ~np.isnan(dims)
            index = np.where(dim_present, dims, 0.0).sum(axis=1) / dim_present.sum(axis=1)
    return dims, np.where(covered, index, np.nan)
