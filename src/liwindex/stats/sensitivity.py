"""How the headline numbers move under the alternative scoring settings a working group
might reasonably have chosen: aggregation, group weighting, min_answered, grades or survey."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from liwindex.questionnaire import Questionnaire
from liwindex.scoring import aggregate, score_survey


@dataclass
class Variant:
    """The index and the area ranking under one setting, against the configured one."""

    setting: str
    index: float | None
    rank_correlation: float | None  # Spearman, areas ranked by score
    largest_rank_shift: int | None


def _ranks(values: pd.Series) -> pd.Series:
    return values.rank(ascending=False, method="average")


def _compare(setting: str, index: float | None, areas: pd.Series, base: pd.Series) -> Variant:
    both = areas.notna() & base.notna()
    if both.sum() < 2:
        return Variant(setting, index, None, None)
    a, b = _ranks(areas[both]), _ranks(base[both])
    rho = float(np.corrcoef(a, b)[0, 1]) if a.std() > 0 and b.std() > 0 else None
    return Variant(setting, index, rho, int((a - b).abs().max()))


def sensitivity(points: pd.DataFrame, groups: pd.Series, questionnaire: Questionnaire,
                grades: pd.Series | None = None, responded: np.ndarray | None = None) -> list[Variant]:
    """The configured setting first, then one row per alternative."""
    s = questionnaire.scoring

    def run(**changes: object) -> tuple[float | None, pd.Series]:
        q = questionnaire.model_copy(update={"scoring": s.model_copy(update=changes)})
        areas = score_survey(points, groups, q, responded=responded).area
        return aggregate(areas, q).index, areas

    base_index, base_areas = run()
    rows = [Variant(f"{s.aggregation} / {s.group_weighting} / min_answered {s.min_answered:g}",
                    base_index, 1.0, 0)]
    other_aggregation = "dimensions" if s.aggregation == "areas" else "areas"
    other_weighting = "pooled" if s.group_weighting == "equal" else "equal"
    rows.append(_compare(f"aggregation: {other_aggregation}", *run(aggregation=other_aggregation),
                         base_areas))
    rows.append(_compare(f"group_weighting: {other_weighting}", *run(group_weighting=other_weighting),
                         base_areas))
    for share in (0.3, 0.5, 0.7):
        if abs(share - s.min_answered) > 1e-9:
            rows.append(_compare(f"min_answered: {share:g}", *run(min_answered=share), base_areas))
    if grades is not None and grades.notna().any():
        index = aggregate(grades, questionnaire).index
        rows.append(_compare("grades (oceny)", index, grades, base_areas))
    return rows
