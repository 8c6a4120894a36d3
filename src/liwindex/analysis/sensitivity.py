"""How the survey index moves under the alternative scoring settings a working group might
reasonably have chosen: group weighting, min_answered, leaving out questions most people
could not answer, leaving out provisional areas, aggregation (only where it can differ).

Every row is the *survey* index: when the round's headline comes from the working group's
grades, no survey setting moves it, and the outputs say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from liwindex.model.questionnaire import Questionnaire
from liwindex.scoring.engine import aggregate, score_survey

NA_HEAVY = 0.3  # a question with more "nie wiem" than this share is left out in one variant

LABELS = {
    "base": {"pl": "ustawienia kwestionariusza", "en": "the questionnaire's settings"},
    "aggregation: dimensions": {
        "pl": "indeks ze średnich płaszczyzn",
        "en": "index from the dimension means",
    },
    "aggregation: areas": {"pl": "indeks ze średniej obszarów", "en": "index from the area mean"},
    "group_weighting: pooled": {
        "pl": "wszyscy respondenci razem (bez równych wag grup)",
        "en": "all respondents pooled (no equal group weights)",
    },
    "group_weighting: equal": {"pl": "równe wagi grup", "en": "equal group weights"},
    "min_answered": {
        "pl": "wynik obszaru od {share} pytań obszaru",
        "en": "area value from {share} of its questions",
    },
    "without_na_heavy": {
        "pl": "bez pytań z ponad {share} odpowiedzi „nie wiem” ({ids})",
        "en": "without questions with over {share} 'don't know' ({ids})",
    },
    "without_provisional": {
        "pl": "bez obszarów orientacyjnych ({ids})",
        "en": "without provisional areas ({ids})",
    },
    "grades": {"pl": "oceny grupy roboczej (dla porównania)", "en": "working-group grades (for reference)"},
}


@dataclass
class Variant:
    """The index and the area ranking under one setting, against the configured one."""

    setting: str  # a stable key, e.g. "group_weighting: pooled"
    index: float | None
    rank_correlation: float | None  # Spearman, areas ranked by score
    largest_rank_shift: int | None
    params: dict[str, str] = field(default_factory=dict)

    def label(self, lang: str = "pl") -> str:
        """The setting in words, in ``lang``."""
        key = "min_answered" if self.setting.startswith("min_answered") else self.setting
        words = LABELS.get(key)
        if words is None:
            return self.setting
        return words["en" if lang == "en" else "pl"].format(**self.params)


@dataclass
class Sensitivity:
    """The variants, and those left out because they equal the base by construction."""

    variants: list[Variant]
    omitted: list[str] = field(default_factory=list)  # keys of variants that cannot differ


# scores are ranked at this many significant digits: two areas with the same answers can
# differ in the last bit of their mean (summed in another order) and are still a tie
RANK_DIGITS = 12


def _ranks(values: pd.Series) -> pd.Series:
    rounded = values.map(lambda v: float(f"{v:.{RANK_DIGITS}g}"))
    return rounded.rank(ascending=False, method="average")


def _compare(setting: str, index: float | None, areas: pd.Series, base: pd.Series, **params: str) -> Variant:
    both = areas.notna() & base.notna()
    if both.sum() < 2:
        return Variant(setting, index, None, None, params)
    a, b = _ranks(areas[both]), _ranks(base[both])
    rho = float(np.corrcoef(a, b)[0, 1]) if a.std() > 0 and b.std() > 0 else None
    return Variant(setting, index, rho, int((a - b).abs().max()), params)


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def aggregation_can_differ(questionnaire: Questionnaire, areas: pd.Series) -> bool:
    """Mean of płaszczyzny equals mean of areas whenever every płaszczyzna has the same number
    of scored areas; only otherwise is the other aggregation worth a row."""
    counts = {len([a for a in d.areas if pd.notna(areas.get(a.id))]) for d in questionnaire.dimensions}
    return len(counts - {0}) > 1


def sensitivity(
    points: pd.DataFrame,
    groups: pd.Series | np.ndarray,
    questionnaire: Questionnaire,
    grades: pd.Series | None = None,
    responded: np.ndarray | None = None,
    na_share: dict[str, float] | None = None,
    provisional: list[str] | None = None,
) -> Sensitivity:
    """The configured setting first, then one row per alternative that can move the index.

    ``na_share`` is each question's share of "nie wiem" among its answers, ``provisional``
    the areas resting on too few answers of a group."""
    s = questionnaire.scoring

    def run(data: pd.DataFrame = points, **changes: object) -> tuple[float | None, pd.Series]:
        q = questionnaire.model_copy(update={"scoring": s.model_copy(update=changes)})
        areas = score_survey(data, groups, q, responded=responded).area
        return aggregate(areas, q).index, areas

    base_index, base_areas = run()
    rows = [Variant("base", base_index, 1.0, 0)]
    omitted = []
    other_aggregation = "dimensions" if s.aggregation == "areas" else "areas"
    if aggregation_can_differ(questionnaire, base_areas):
        rows.append(
            _compare(f"aggregation: {other_aggregation}", *run(aggregation=other_aggregation), base_areas)
        )
    else:
        omitted.append(f"aggregation: {other_aggregation}")
    if len(questionnaire.groups) > 1:
        other_weighting = "pooled" if s.group_weighting == "equal" else "equal"
        rows.append(
            _compare(f"group_weighting: {other_weighting}", *run(group_weighting=other_weighting), base_areas)
        )
    for share in (0.3, 0.5, 0.7):
        if abs(share - s.min_answered) > 1e-9:
            rows.append(
                _compare(
                    f"min_answered: {share:g}", *run(min_answered=share), base_areas, share=_percent(share)
                )
            )
    heavy = [x for x, share in (na_share or {}).items() if share > NA_HEAVY and x in points.columns]
    if heavy:
        rows.append(
            _compare(
                "without_na_heavy",
                *run(points.assign(**{x: np.nan for x in heavy})),
                base_areas,
                share=_percent(NA_HEAVY),
                ids=", ".join(heavy),
            )
        )
    if provisional:
        kept = base_areas.copy()
        kept[[a for a in provisional if a in kept.index]] = np.nan
        rows.append(
            _compare(
                "without_provisional",
                aggregate(kept, questionnaire).index,
                kept,
                base_areas,
                ids=", ".join(provisional),
            )
        )
    if grades is not None and grades.notna().any():
        index = aggregate(grades, questionnaire).index
        rows.append(_compare("grades", index, grades, base_areas))
    return Sensitivity(rows, omitted)
