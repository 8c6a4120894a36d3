"""Result objects of one scored round: one object, several renderings (table, JSON, Excel)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from liwindex.problems import Problem, Severity

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.grades import Grade
    from liwindex.responses.rounds import Round
    from liwindex.responses.survey import OpenAnswer


def _num(value: Any) -> float | None:
    """A float for JSON, None for missing values (NaN)."""
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _nums(values: Any) -> Any:
    """:func:`_num` of every entry of a float array, as (nested) lists."""
    listed = values.tolist()
    if values.ndim == 1:
        return [None if v != v else v for v in listed]
    return [[None if v != v else v for v in row] for row in listed]


@dataclass
class IndexResult:
    """The index: final value, from the survey, from the grades, and which one is final."""

    value: float | None
    survey: float | None
    grades: float | None
    source: str
    by_group: dict[str, float | None] = field(default_factory=dict)


@dataclass
class DimensionResult:
    """A płaszczyzna's scores."""

    id: str
    label: dict[str, str]
    value: float | None
    survey: float | None
    grades: float | None
    by_group: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class AreaQuality:
    """How well one group answered an area: question cells asked, not blank, "nie wiem"."""

    asked: int
    answered: int
    na: int

    @property
    def answered_share(self) -> float | None:
        """Share of the asked cells that are not blank."""
        return self.answered / self.asked if self.asked else None

    @property
    def na_share(self) -> float | None:
        """Share of the non-blank answers that are "nie wiem"."""
        return self.na / self.answered if self.answered else None


@dataclass
class AreaResult:
    """An area's survey score (all and by group), grade and final value."""

    id: str
    dimension: str
    label: dict[str, str]
    value: float | None
    survey: float | None
    grade: float | None
    n: int
    by_group: dict[str, float | None]
    n_by_group: dict[str, int]
    quality: dict[str, AreaQuality] = field(default_factory=dict)
    # asked groups whose respondents with an area value are fewer than min_group_n: the
    # survey score is provisional (SPEC §2, Small samples)
    thin_groups: dict[str, int] = field(default_factory=dict)

    @property
    def provisional(self) -> bool:
        """The survey score rests on too few respondents of a group that was asked."""
        return bool(self.thin_groups)

    def provisional_reason(self, lang: str = "pl") -> str | None:
        """``jst: 3 odpowiedzi (min. 5)``-style reason, None when not provisional."""
        if not self.thin_groups:
            return None
        from liwindex.i18n import plural

        parts = [f"{g}: " + (("brak odpowiedzi" if lang == "pl" else "no answers") if n == 0 else
                             plural(n, "answer", lang))
                 for g, n in self.thin_groups.items()]
        return ", ".join(parts)


@dataclass
class ItemStats:
    """Answers counted (with points), mean normalised value and counts of every code."""

    n: int
    mean: float | None
    distribution: dict[str, int]


@dataclass
class ItemResult:
    """A scored question's statistics, overall and for each group it is asked of."""

    id: str
    area: str
    n: int
    mean: float | None
    distribution: dict[str, int]
    by_group: dict[str, ItemStats] = field(default_factory=dict)


@dataclass
class ScoreResult:
    """Everything ``liwindex score`` reports about one round."""

    questionnaire_id: str
    questionnaire_version: str
    meta: dict[str, Any]
    respondents_total: int
    respondents_by_group: dict[str, int]
    index: IndexResult
    dimensions: list[DimensionResult]
    areas: list[AreaResult]
    items: list[ItemResult]
    problems: list[Problem] = field(default_factory=list)
    questionnaire: Questionnaire | None = None
    grades: dict[str, Grade] = field(default_factory=dict)
    open_answers: list[OpenAnswer] = field(default_factory=list)
    # For the statistics: each respondent's area values (n × a) and group position.
    respondent_areas: Any = None
    respondent_groups: Any = None
    # 95 % bootstrap intervals of the survey scores, when computed (see with_intervals)
    intervals: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)

    def compact(self) -> None:
        """Leave out what only a single round's reports read — the per-question statistics
        and the open answers — before a result travels between processes (trend and
        benchmark read the areas, płaszczyzny, index, warnings and metadata)."""
        self.items, self.open_answers = [], []

    @property
    def missing_groups(self) -> list[str]:
        """Groups of the questionnaire without a single respondent in a round with survey
        data (the scores then reflect only the other groups)."""
        if self.respondent_areas is None:
            return []
        return [g for g, n in self.respondents_by_group.items() if n == 0]

    @property
    def response_rate(self) -> float | None:
        """Respondents as a share of those invited (``zaproszonych`` in the metryka), or None."""
        invited = self.meta.get("zaproszonych")
        return self.respondents_total / invited if invited else None

    def respondents_line(self, lang: str = "pl") -> str:
        """``75 (organizacja pozarządowa: 60, administracja samorządowa: 15)`` — groups by
        their labels — and, where the metryka gives the number invited, the response rate
        (``62,5% z 120 zaproszonych``)."""
        from liwindex.i18n import fmt

        labels = self.questionnaire.group_labels(lang) if self.questionnaire else {}
        groups = ", ".join(f"{labels.get(g, g).lower()}: {n}" for g, n in self.respondents_by_group.items())
        line = f"{self.respondents_total} ({groups})" if groups else str(self.respondents_total)
        if self.response_rate is not None:
            rate = fmt(100 * self.response_rate, lang, 1)
            invited = self.meta["zaproszonych"]
            line += (f"; {rate}% z {invited} {'zaproszonego' if invited == 1 else 'zaproszonych'}"
                     if lang != "en"
                     else f"; {rate}% of {invited} invited")
        return line

    @property
    def provisional(self) -> bool:
        """The survey index rests on a provisional area score."""
        return any(a.provisional for a in self.areas)

    @property
    def min_group_n(self) -> int:
        """The questionnaire's ``min_group_n`` (5 by default)."""
        return self.questionnaire.scoring.min_group_n if self.questionnaire is not None else 5

    def _ci(self, key: str) -> dict[str, float | None]:
        """``ci_low``/``ci_high`` of a survey score, only when intervals were computed."""
        if not self.intervals:
            return {}
        low, high = self.intervals.get(key, (None, None))
        return {"ci_low": low, "ci_high": high}

    @property
    def index_range(self) -> tuple[float, float]:
        """``(lo, hi)`` of the questionnaire's index range."""
        assert self.questionnaire is not None
        return self.questionnaire.scoring.lo, self.questionnaire.scoring.hi

    def strongest_and_weakest(self, n: int = 3, basis: str | None = None
                              ) -> tuple[list[AreaResult], list[AreaResult]]:
        """The areas with the highest and the lowest values: final values, or survey scores
        (``basis="survey"``) or grades (``"grades"``) to match a comparison's basis."""
        def value(a: AreaResult) -> float | None:
            return self.area_value(a.id, basis)

        ranked = sorted((a for a in self.areas if value(a) is not None), key=lambda a: -(value(a) or 0))
        return ranked[:n], ranked[::-1][:n]

    def area_value(self, area_id: str, basis: str | None = None) -> float | None:
        """An area's final value, survey score (``basis="survey"``) or grade (``"grades"``)."""
        a = self.area(area_id)
        return {"survey": a.survey, "grades": a.grade}.get(basis or "", a.value)

    def area(self, area_id: str) -> AreaResult:
        """The result of one area."""
        return next(a for a in self.areas if a.id == area_id)

    def warnings(self, lang: str = "pl") -> list[str]:
        """Warnings (reading and scoring) as sentences in ``lang``."""
        return [p.message(lang) for p in self.problems if p.severity is Severity.WARNING]

    def caveats(self, lang: str = "pl") -> list[str]:
        """The thin-data warnings (a missing group, provisional areas) as sentences without
        the file's name, for the places where the numbers are shown."""
        from liwindex.messages import describe

        return [describe(p.code, lang, value=p.value, **p.params) for p in self.problems
                if p.code in CAVEAT_CODES]

    def notes(self, lang: str = "pl") -> list[str]:
        """Notes about what was interpreted or ignored, in ``lang``."""
        return [p.message(lang) for p in self.problems if p.severity is Severity.NOTE]

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """The JSON object of SPEC §4; labels and warnings in ``lang``; numbers unrounded."""
        return {
            "questionnaire": {"id": self.questionnaire_id, "version": self.questionnaire_version},
            # SPEC §4's keys; the number invited is given with the respondents
            "meta": {key: self.meta.get(key) for key in ("jst", "rok", "etap", "source")},
            "respondents": {"total": self.respondents_total, "by_group": self.respondents_by_group,
                            "missing_groups": self.missing_groups, "min_group_n": self.min_group_n,
                            "invited": self.meta.get("zaproszonych"),
                            "response_rate": self.response_rate},
            "index": {
                "value": _num(self.index.value),
                "survey": _num(self.index.survey),
                "grades": _num(self.index.grades),
                "source": self.index.source,
                "provisional": self.provisional,
                **self._ci("index"),
            },

            "dimensions": [
                {"id": d.id, "label": d.label[lang], "value": _num(d.value),
                 "survey": _num(d.survey), "grades": _num(d.grades), **self._ci(d.id)}
                for d in self.dimensions
            ],
            "areas": [
                {"id": a.id, "dimension": a.dimension, "label": a.label[lang],
                 "value": _num(a.value), "survey": _num(a.survey), "grade": _num(a.grade),
                 "n": a.n, "by_group": {g: _num(v) for g, v in a.by_group.items()},
                 "n_by_group": a.n_by_group, "provisional": a.provisional,
                 "provisional_reason": a.provisional_reason(lang), **self._ci(a.id)}
                for a in self.areas
            ],
            "items": [
                {"id": i.id, "area": i.area, "n": i.n, "mean": _num(i.mean),
                 "distribution": i.distribution}
                for i in self.items
            ],
            "warnings": self.warnings(lang),
        }


CAVEAT_CODES = ("group-missing", "areas-provisional")


def score_round(round_: Round, items: bool = True) -> ScoreResult:
    """Score a validated round (SPEC §2) and gather the result with its warnings;
    ``items=False`` leaves the per-question statistics out (trend and benchmark do not
    read them)."""
    import numpy as np

    from liwindex.scoring.engine import aggregate_many, score_survey

    q = round_.questionnaire
    area_ids = [a.id for a in q.areas]
    group_ids = list(q.group_ids)
    problems = list(round_.report.problems)
    source = round_.source

    if round_.survey is not None:
        group_index = round_.survey.group_index
        survey = score_survey(round_.point_matrix(), group_index, q,
                              responded=round_.survey.answered(), rows=round_.survey.rows)
        survey_areas = survey.values
    else:
        group_index = np.empty(0, dtype=np.int64)
        survey = None
        survey_areas = np.full(len(area_ids), np.nan)

    grade_values = {a: g.value for a, g in round_.grades.items() if g.value is not None}
    grades_areas = np.array([grade_values.get(a, np.nan) for a in area_ids], dtype=float)
    final_areas = np.where(np.isnan(grades_areas), survey_areas, grades_areas) if grade_values \
        else survey_areas

    # the survey's, the grades', the final and each group's own płaszczyzny and index, by
    # the same rules (coverage included), in one call
    by_group = survey.group_values if survey is not None else np.tile(survey_areas, (len(group_ids), 1))
    stacked = np.vstack([survey_areas, grades_areas, final_areas, by_group])
    dims, indexes = aggregate_many(stacked, q)

    dimension_ids = [d.id for d in q.dimensions]
    dims_rows, index_list, stacked_rows = _nums(dims), _nums(indexes), _nums(stacked)

    def summary(k: int) -> tuple[dict[str, float | None], float | None, list[str]]:
        return (dict(zip(dimension_ids, dims_rows[k], strict=True)), index_list[k],
                [a for a, v in zip(area_ids, stacked_rows[k], strict=True) if v is None])

    survey_dims, survey_index, survey_missing = summary(0)
    grades_dims, grades_index, grades_missing = summary(1)
    final_dims, final_index, final_missing = summary(2)
    group_summaries = {g: summary(3 + i) for i, g in enumerate(group_ids)}

    def coverage_warning(which: dict[str, str], index: float | None, missing: list[str]) -> None:
        if index is None:
            problems.append(Problem(
                "index-coverage", Severity.WARNING, file=source, value=", ".join(missing),
                params={"which": which, "have": len(area_ids) - len(missing),
                        "total": len(area_ids),
                        "need": math.ceil(q.scoring.min_area_coverage * len(area_ids) - 1e-9)},
            ))

    if survey is not None:
        if survey_missing and survey_index is not None:
            problems.append(Problem("area-no-data", Severity.WARNING, file=source,
                                    value=", ".join(survey_missing)))
        coverage_warning({"pl": "z ankiety", "en": "survey"}, survey_index, survey_missing)
    if grade_values:
        coverage_warning({"pl": "z ocen grupy roboczej", "en": "grades"}, grades_index, grades_missing)
        ungraded = [a for a in area_ids if a not in grade_values]
        if ungraded:
            problems.append(Problem("grades-partial", Severity.WARNING, file=source,
                                    value=", ".join(ungraded)))
            coverage_warning({"pl": "końcowy", "en": "final"}, final_index, final_missing)

    counts = np.bincount(group_index[group_index >= 0], minlength=len(group_ids))
    by_group_n = {g: int(counts[i]) for i, g in enumerate(group_ids)}
    min_n = q.scoring.min_group_n
    asked_groups = q.tables.area_groups
    areas = []
    # plain Python numbers, per area (the arrays are groups × areas)
    final_list, survey_list, grades_list = _nums(final_areas), _nums(survey_areas), _nums(grades_areas)
    if survey is not None:
        counts_t, values_t = survey.group_counts.T.tolist(), _nums(survey.group_values.T)
        asked_t, answered_t, na_t = (x.T.tolist() for x in (survey.asked, survey.answered, survey.na))
        n_list = survey.counts.tolist()
    for a_pos, area in enumerate(q.areas):
        a = area.id
        if survey is not None:
            n_by_group = dict(zip(group_ids, counts_t[a_pos], strict=True))
            values_by_group = dict(zip(group_ids, values_t[a_pos], strict=True))
            quality = {g: AreaQuality(asked=asked_t[a_pos][i], answered=answered_t[a_pos][i],
                                      na=na_t[a_pos][i])
                       for i, g in enumerate(group_ids)}
        else:
            n_by_group = dict.fromkeys(group_ids, 0)
            values_by_group = dict.fromkeys(group_ids)
            quality = {}
        areas.append(AreaResult(
            id=a,
            dimension=q.area_dimension[a],
            label=area.label.to_dict(),
            value=final_list[a_pos],
            survey=survey_list[a_pos],
            grade=grades_list[a_pos],
            n=n_list[a_pos] if survey is not None else 0,
            by_group=values_by_group,
            n_by_group=n_by_group,
            thin_groups={} if survey is None else {
                g: n_by_group[g] for g in asked_groups[a] if n_by_group[g] < min_n},
            quality=quality,
        ))
    if survey is not None:
        _thin_data_warnings(problems, areas, by_group_n, q, source)
    invited = round_.meta.zaproszonych
    respondents = len(group_index)
    if invited is not None and respondents > invited:
        problems.append(Problem("more-than-invited", Severity.WARNING, file=source, value=str(invited),
                                params={"n": respondents}))
    dimensions = [
        DimensionResult(
            id=d.id, label=d.label.to_dict(), value=final_dims[d.id],
            survey=survey_dims[d.id], grades=grades_dims[d.id],
            by_group={g: group_summaries[g][0][d.id] for g in group_ids},
        )
        for d in q.dimensions
    ]
    item_results = [] if not items else _items(round_, survey) if survey is not None else [
        ItemResult(id=x.id, area=q.question_area[x.id], n=0, mean=None, distribution={})
        for x in q.questions
    ]
    return ScoreResult(
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        meta={"jst": round_.meta.jst, "rok": round_.meta.rok, "etap": round_.meta.etap,
              "source": round_.source, "zaproszonych": round_.meta.zaproszonych},
        respondents_total=respondents,
        respondents_by_group=by_group_n,
        index=IndexResult(
            value=final_index, survey=survey_index, grades=grades_index,
            source="grades" if grade_values else "survey",
            by_group={g: group_summaries[g][1] for g in group_ids},
        ),
        dimensions=dimensions,
        areas=areas,
        items=item_results,
        problems=problems,
        questionnaire=q,
        grades=dict(round_.grades),
        open_answers=list(round_.survey.open_answers) if round_.survey is not None else [],
        respondent_areas=survey.respondent_values if survey is not None else None,
        respondent_groups=group_index if survey is not None else None,
    )


def _thin_data_warnings(problems: list[Problem], areas: list[AreaResult], by_group_n: dict[str, int],
                        q: Questionnaire, source: str) -> None:
    """Say when a whole group is missing and which areas rest on too few respondents."""
    from liwindex.messages.results import group_names, group_words

    missing = [g for g, n in by_group_n.items() if n == 0]
    present = [g for g, n in by_group_n.items() if n > 0]
    if missing and present:
        problems.append(Problem("group-missing", Severity.WARNING, file=source, value=", ".join(missing),
                                params=group_words(missing, present, q)))
    thin = [a.id for a in areas if any(n > 0 for n in a.thin_groups.values())]
    if thin:
        groups = [g for g in q.group_ids if any(a.thin_groups.get(g, 0) > 0 for a in areas)]
        problems.append(Problem("areas-provisional", Severity.WARNING, file=source, value=", ".join(thin),
                                params={"min": q.scoring.min_group_n, "groups": group_names(groups, q)}))


def _items(round_: Round, survey: Any) -> list[ItemResult]:
    """Per question: answers counted, mean normalised value, and counts of every code
    (``nie wiem`` included) among respondents the question is asked of."""
    import numpy as np

    q = round_.questionnaire
    assert round_.survey is not None
    group_ids = list(q.group_ids)
    g_count = len(group_ids)
    group_index = round_.survey.group_index
    matrix = round_.survey.code_matrix()
    tables = q.tables
    widest = tables.points.shape[1] - 1
    # every question's every group's count of every choice in one bincount: cells asked
    # of a known group and answered, numbered (question, group, choice)
    asked = tables.asked_or_unknown[group_index]
    counted = asked & (matrix >= 0)
    question_of = np.broadcast_to(np.arange(matrix.shape[1]), matrix.shape)[counted]
    group_of = np.broadcast_to(group_index[:, None], matrix.shape)[counted]
    cell = (question_of * g_count + group_of) * widest + matrix[counted]
    counts_by_group = np.bincount(cell, minlength=matrix.shape[1] * g_count * widest).reshape(
        matrix.shape[1], g_count, widest)
    table, totals = counts_by_group.tolist(), counts_by_group.sum(axis=1).tolist()
    item_n, item_mean = survey.items_n.tolist(), survey.items_mean.tolist()
    n_by_group, mean_by_group = survey.items_n_by_group.tolist(), survey.items_mean_by_group.tolist()
    positions = {g: i for i, g in enumerate(group_ids)}
    items = []
    for j, question in enumerate(q.questions):
        codes = [c.code for c in q.scale_by_id[question.scale].choices]
        counts = table[j]
        items.append(ItemResult(
            id=question.id,
            area=q.question_area[question.id],
            n=int(item_n[j]),
            mean=_num(item_mean[j]),
            distribution=dict(zip(codes, totals[j][:len(codes)], strict=True)),
            by_group={
                g: ItemStats(
                    n=int(n_by_group[positions[g]][j]),
                    mean=_num(mean_by_group[positions[g]][j]),
                    distribution=dict(zip(codes, counts[positions[g]][:len(codes)], strict=True)),
                )
                for g in q.question_groups(question)
            },
        ))
    return items
