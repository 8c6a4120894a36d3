"""The scoring engine: SPEC §2 as array operations, no I/O and no loop over respondents.

Shapes used below: ``n`` respondents, ``q`` scored questions, ``a`` areas, ``g`` groups.
Per-respondent area values come from matrix products with the question → area membership
matrix, so the cost grows linearly with respondents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from liwindex.questionnaire import Questionnaire

# A tolerance for ceil(min_answered · k): 0.7 · 10 is 7.000000000000001 in floating point.
_EPS = 1e-9


@dataclass
class SurveyScores:
    """Everything the survey alone says (NaN where a value does not exist)."""

    respondent_areas: pd.DataFrame  # n × a
    area_by_group: pd.DataFrame  # g × a
    area_n_by_group: pd.DataFrame  # g × a, respondents with an area value
    area: pd.Series  # a
    area_n: pd.Series  # a
    item_n: pd.Series  # q
    item_mean: pd.Series  # q
    item_n_by_group: pd.DataFrame  # g × q
    item_mean_by_group: pd.DataFrame  # g × q
    asked_cells: pd.DataFrame  # g × a, questions asked summed over respondents
    answered_cells: pd.DataFrame  # g × a, of those: not blank ("nie wiem" included)
    na_cells: pd.DataFrame  # g × a, of those: "nie wiem"


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
    scales = [questionnaire.scale_by_id[q.scale] for q in questionnaire.questions]
    pmin = np.array([s.pmin for s in scales], dtype=float)
    pmax = np.array([s.pmax for s in scales], dtype=float)
    reverse = np.flatnonzero([q.reverse for q in questionnaire.questions])
    # a copy the steps below may change in place; column-major, as everything downstream
    # works on columns and area blocks of columns
    values = np.array(points, dtype=float, order="K")
    values[:, reverse] = (pmin + pmax)[reverse] - values[:, reverse]
    values -= pmin
    values *= (hi - lo) / (pmax - pmin)
    values += lo
    return values


def group_codes(groups: pd.Series, questionnaire: Questionnaire) -> np.ndarray:
    """Each respondent's group as its position in the questionnaire's groups (-1: unknown)."""
    ids = list(questionnaire.group_ids)
    if isinstance(groups.dtype, pd.CategoricalDtype) and list(groups.cat.categories) == ids:
        return groups.cat.codes.to_numpy()
    return pd.Categorical(groups, categories=ids).codes


def applicable(groups: pd.Series, questionnaire: Questionnaire) -> np.ndarray:
    """n × q: is the question asked of the respondent's group (unknown group: nothing)."""
    codes = group_codes(groups, questionnaire)
    asked = np.array(questionnaire.asked, dtype=bool).reshape(
        len(questionnaire.groups), len(questionnaire.questions)
    )
    # one extra all-False row for unknown groups (code -1 picks the last row); column-major
    # like the values it masks
    return np.asfortranarray(np.vstack([asked, np.zeros((1, asked.shape[1]), dtype=bool)])[codes])


def area_blocks(questionnaire: Questionnaire) -> list[slice]:
    """For each area, the slice of its questions' columns (questions are in area order)."""
    blocks, start = [], 0
    for area in questionnaire.areas:
        blocks.append(slice(start, start + len(area.questions)))
        start += len(area.questions)
    return blocks


def score_survey(
    points: pd.DataFrame,
    groups: pd.Series,
    questionnaire: Questionnaire,
    responded: np.ndarray | None = None,
) -> SurveyScores:
    """Respondent area values, area scores per group and overall, and item statistics.

    ``responded`` (n × q) marks cells that are not blank; it tells "nie wiem" (responded,
    no points) from a blank cell for the data-quality figures. Without it, every cell
    without points counts as blank.

    Work is done on whole columns: a loop runs over the areas and groups (a dozen each at
    most), never over respondents, and temporaries stay one area wide.
    """
    scoring = questionnaire.scoring
    question_ids = [q.id for q in questionnaire.questions]
    area_ids = [a.id for a in questionnaire.areas]
    group_ids = list(questionnaire.group_ids)
    n, g_count = len(points), len(group_ids)

    if list(points.columns) != question_ids:
        points = points[question_ids]
    values = normalise(points.to_numpy(dtype=float), questionnaire)
    codes = group_codes(groups, questionnaire)
    # respondents × groups indicator: per-group sums become one matrix product
    onehot = (codes[:, None] == np.arange(g_count)).astype(float)
    asked = applicable(groups, questionnaire)
    counted = asked & ~np.isnan(values)
    responded = counted if responded is None else asked & responded
    filled = np.where(counted, values, 0.0)  # counted values, 0 elsewhere
    weights = np.array([q.weight for q in questionnaire.questions], dtype=float)
    asked_by_group = np.array(questionnaire.asked, dtype=bool).reshape(g_count, -1)
    group_sizes = onehot.sum(axis=0)

    area_values = np.empty((n, len(area_ids)))  # every column is written in the loop
    asked_cells = np.zeros((g_count, len(area_ids)))
    answered_cells = np.zeros((g_count, len(area_ids)))
    na_cells = np.zeros((g_count, len(area_ids)))
    for a, block in enumerate(area_blocks(questionnaire)):
        answered_k = counted[:, block].sum(axis=1)
        asked_k = np.append(asked_by_group[:, block].sum(axis=1), 0)[codes]
        weight_sum = (answered_k.astype(float) if (weights[block] == 1).all()
                      else counted[:, block].astype(float) @ weights[block])
        weighted_sum = filled[:, block] @ weights[block]
        needed = np.maximum(1.0, np.ceil(scoring.min_answered * asked_k - _EPS))
        exists = (asked_k > 0) & (answered_k >= needed)
        with np.errstate(invalid="ignore", divide="ignore"):
            area_values[:, a] = np.where(exists, weighted_sum / weight_sum, np.nan)
        asked_cells[:, a] = asked_by_group[:, block].sum(axis=1) * group_sizes
        responded_k = responded[:, block].sum(axis=1)
        answered_cells[:, a] = responded_k @ onehot
        na_cells[:, a] = (responded_k - answered_k) @ onehot

    has_value = ~np.isnan(area_values)
    area_n_by_group = onehot.T @ has_value.astype(float)  # a float product runs in BLAS
    area_sum_by_group = onehot.T @ np.where(has_value, area_values, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        group_means = area_sum_by_group / area_n_by_group
    area_by_group = pd.DataFrame(group_means, index=group_ids, columns=area_ids)
    respondent_areas = pd.DataFrame(area_values, index=points.index, columns=area_ids)
    if scoring.group_weighting == "equal":
        area = area_by_group.mean(axis=0, skipna=True)
    else:
        with np.errstate(invalid="ignore", divide="ignore"):
            area = pd.Series(area_sum_by_group.sum(axis=0) / area_n_by_group.sum(axis=0), index=area_ids)

    item_n_by_group = np.stack([counted[codes == g].sum(axis=0) for g in range(g_count)])
    item_sum_by_group = onehot.T @ filled
    item_n = pd.Series(item_n_by_group.sum(axis=0).astype(int), index=question_ids)
    with np.errstate(invalid="ignore", divide="ignore"):
        item_mean = pd.Series(item_sum_by_group.sum(axis=0) / item_n.to_numpy(), index=question_ids)
        item_mean_by_group = item_sum_by_group / item_n_by_group

    def frame(table: np.ndarray, columns: list[str], dtype: Any = None) -> pd.DataFrame:
        result = pd.DataFrame(table, index=group_ids, columns=columns)
        return result.astype(dtype) if dtype else result

    return SurveyScores(
        respondent_areas=respondent_areas,
        area_by_group=area_by_group,
        area_n_by_group=frame(area_n_by_group, area_ids, int),
        area=area.reindex(area_ids),
        area_n=pd.Series(area_n_by_group.sum(axis=0).astype(int), index=area_ids),
        item_n=item_n,
        item_mean=item_mean,
        item_n_by_group=frame(item_n_by_group, question_ids, int),
        item_mean_by_group=frame(item_mean_by_group, question_ids),
        asked_cells=frame(asked_cells, area_ids, int),
        answered_cells=frame(answered_cells, area_ids, int),
        na_cells=frame(na_cells, area_ids, int),
    )


def aggregate(area_values: pd.Series, questionnaire: Questionnaire) -> Aggregate:
    """Dimension scores and the index from area values (SPEC §2), with the coverage rule
    (the rule itself is :func:`aggregate_many`'s, on one row)."""
    area_ids = [a.id for a in questionnaire.areas]
    areas = area_values.reindex(area_ids).astype(float)
    values = areas.to_numpy()
    dims, index = aggregate_many(values[None, :], questionnaire)
    dimensions = pd.Series(dims[0], index=[d.id for d in questionnaire.dimensions])
    missing = [a for a, v in zip(area_ids, values, strict=True) if np.isnan(v)]
    covered = bool(not np.isnan(index[0]))
    return Aggregate(areas=areas, dimensions=dimensions,
                     index=float(index[0]) if covered else None, missing_areas=missing,
                     covered=covered)


def aggregate_many(areas: np.ndarray, questionnaire: Questionnaire) -> tuple[np.ndarray, np.ndarray]:
    """:func:`aggregate` for many sets of area values at once (rows of ``areas``, k × a):
    dimension scores (k × d) and the index (k, NaN where the coverage rule fails)."""
    scoring = questionnaire.scoring
    area_ids = [a.id for a in questionnaire.areas]
    present = ~np.isnan(areas)
    filled = np.where(present, areas, 0.0)
    dims = np.full((areas.shape[0], len(questionnaire.dimensions)), np.nan)
    for d, dimension in enumerate(questionnaire.dimensions):
        columns = [area_ids.index(a.id) for a in dimension.areas]
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
