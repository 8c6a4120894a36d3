"""The scoring engine: SPEC §2 as array operations, no I/O and no loop over respondents.

Shapes used below: ``n`` respondents, ``q`` scored questions, ``a`` areas, ``g`` groups.
Per-respondent area values come from matrix products with the question → area membership
matrix, so the cost grows linearly with respondents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from liwindex.questionnaire import Questionnaire, Scoring

# A tolerance for ceil(min_answered · k): 0.7 · 10 is 7.000000000000001 in floating point.
_EPS = 1e-9


@dataclass
class SurveyScores:
    """Everything the survey alone says (NaN where a value does not exist)."""

    normalised: pd.DataFrame  # n × q, values on the index range; NaN when not counted
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
    reverse = np.array([q.reverse for q in questionnaire.questions], dtype=bool)
    points = np.where(reverse, pmin + pmax - points, points)
    return lo + (points - pmin) / (pmax - pmin) * (hi - lo)


def applicable(groups: pd.Series, questionnaire: Questionnaire) -> np.ndarray:
    """n × q: is the question asked of the respondent's group (unknown group: nothing)."""
    codes = pd.Categorical(groups, categories=list(questionnaire.group_ids)).codes
    asked = np.array(questionnaire.asked, dtype=bool).reshape(
        len(questionnaire.groups), len(questionnaire.questions)
    )
    result = np.zeros((len(codes), len(questionnaire.questions)), dtype=bool)
    known = codes >= 0
    result[known] = asked[codes[known]]
    return result


def area_matrix(questionnaire: Questionnaire) -> np.ndarray:
    """q × a membership matrix of questions in areas."""
    areas = [a.id for a in questionnaire.areas]
    matrix = np.zeros((len(questionnaire.questions), len(areas)))
    for j, question in enumerate(questionnaire.questions):
        matrix[j, areas.index(questionnaire.question_area[question.id])] = 1.0
    return matrix


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
    """
    scoring = questionnaire.scoring
    question_ids = [q.id for q in questionnaire.questions]
    area_ids = [a.id for a in questionnaire.areas]
    group_ids = list(questionnaire.group_ids)

    values = normalise(points[question_ids].to_numpy(dtype=float), questionnaire)
    asked = applicable(groups, questionnaire)
    counted = asked & ~np.isnan(values)
    if responded is None:
        responded = ~np.isnan(values)
    responded = asked & responded
    weights = np.array([q.weight for q in questionnaire.questions], dtype=float)
    membership = area_matrix(questionnaire)

    asked_k = asked.astype(float) @ membership
    answered_k = counted.astype(float) @ membership
    weighted_sum = (np.where(counted, values, 0.0) * weights) @ membership
    weight_sum = (counted * weights) @ membership
    needed = np.maximum(1.0, np.ceil(scoring.min_answered * asked_k - _EPS))
    exists = (asked_k > 0) & (answered_k >= needed)
    with np.errstate(invalid="ignore", divide="ignore"):
        area_values = np.where(exists, weighted_sum / weight_sum, np.nan)

    respondent_areas = pd.DataFrame(area_values, index=points.index, columns=area_ids)
    by_group = respondent_areas.groupby(groups.to_numpy(), sort=False)
    area_by_group = by_group.mean().reindex(group_ids)
    area_n_by_group = by_group.count().reindex(group_ids).fillna(0).astype(int)
    if scoring.group_weighting == "equal":
        area = area_by_group.mean(axis=0, skipna=True)
    else:
        area = respondent_areas.mean(axis=0, skipna=True)
    area = area.reindex(area_ids)

    normalised = pd.DataFrame(np.where(counted, values, np.nan), index=points.index,
                              columns=question_ids)
    group_key = groups.to_numpy()

    def per_group_cells(mask: np.ndarray) -> pd.DataFrame:
        cells = pd.DataFrame(mask.astype(float) @ membership, index=points.index, columns=area_ids)
        return cells.groupby(group_key, sort=False).sum().reindex(group_ids).fillna(0).astype(int)

    items_by_group = normalised.groupby(group_key, sort=False)
    return SurveyScores(
        normalised=normalised,
        respondent_areas=respondent_areas,
        area_by_group=area_by_group,
        area_n_by_group=area_n_by_group,
        area=area,
        area_n=respondent_areas.count().reindex(area_ids),
        item_n=normalised.count(),
        item_mean=normalised.mean(axis=0, skipna=True),
        item_n_by_group=items_by_group.count().reindex(group_ids).fillna(0).astype(int),
        item_mean_by_group=items_by_group.mean().reindex(group_ids),
        asked_cells=per_group_cells(asked),
        answered_cells=per_group_cells(responded),
        na_cells=per_group_cells(responded & ~counted),
    )


def aggregate(area_values: pd.Series, questionnaire: Questionnaire) -> Aggregate:
    """Dimension scores and the index from area values (SPEC §2), with the coverage rule."""
    scoring: Scoring = questionnaire.scoring
    area_ids = [a.id for a in questionnaire.areas]
    areas = area_values.reindex(area_ids).astype(float)
    dimension_of = pd.Series(questionnaire.area_dimension).reindex(area_ids)
    dimensions = areas.groupby(dimension_of.to_numpy(), sort=False).mean()
    dimensions = dimensions.reindex([d.id for d in questionnaire.dimensions])
    missing = [a for a in area_ids if pd.isna(areas[a])]
    coverage = (len(area_ids) - len(missing)) / len(area_ids)
    covered = coverage >= scoring.min_area_coverage - _EPS and len(missing) < len(area_ids)
    if not covered:
        index = None
    elif scoring.aggregation == "areas":
        index = float(areas.mean(skipna=True))
    else:
        index = float(dimensions.mean(skipna=True))
    return Aggregate(areas=areas, dimensions=dimensions, index=index, missing_areas=missing,
                     covered=covered)
