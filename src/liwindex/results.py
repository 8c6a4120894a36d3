"""Result objects of one scored round: one object, several renderings (table, JSON, Excel)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from liwindex.problems import Problem, Severity

if TYPE_CHECKING:
    from liwindex.grades import Grade
    from liwindex.questionnaire import Questionnaire
    from liwindex.rounds import Round
    from liwindex.survey import OpenAnswer


def _num(value: Any) -> float | None:
    """A float for JSON, None for missing values (NaN)."""
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


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


def score_round(round_: Round) -> ScoreResult:
    """Score a validated round (SPEC §2) and gather the result with its warnings."""
    import pandas as pd

    from liwindex.scoring import aggregate, group_codes, score_survey

    q = round_.questionnaire
    area_ids = [a.id for a in q.areas]
    problems = list(round_.report.problems)
    source = round_.source

    if round_.survey is not None:
        groups = round_.survey.groups
        responded = round_.survey.answered()
        survey = score_survey(round_.points(), groups, q, responded=responded)
        survey_areas = survey.area
    else:
        groups = pd.Series([], dtype=object)
        survey = None
        survey_areas = pd.Series(float("nan"), index=area_ids)

    grade_values = {a: g.value for a, g in round_.grades.items() if g.value is not None}
    grades_areas = pd.Series(grade_values, dtype=float).reindex(area_ids)
    final_areas = grades_areas.fillna(survey_areas) if grade_values else survey_areas

    survey_agg = aggregate(survey_areas, q)
    grades_agg = aggregate(grades_areas, q)
    final_agg = aggregate(final_areas, q)
    # Each group's own płaszczyzna scores and index, by the same rules (coverage included).
    group_aggs = {
        g: aggregate(survey.area_by_group.loc[g] if survey is not None else survey_areas, q)
        for g in q.group_ids
    }

    def coverage_warning(which: dict[str, str], agg: Any) -> None:
        if agg.index is None:
            problems.append(Problem(
                "index-coverage", Severity.WARNING, file=source, value=", ".join(agg.missing_areas),
                params={"which": which, "have": len(area_ids) - len(agg.missing_areas),
                        "total": len(area_ids),
                        "need": math.ceil(q.scoring.min_area_coverage * len(area_ids) - 1e-9)},
            ))

    if survey is not None:
        no_data = [a for a in area_ids if pd.isna(survey_areas[a])]
        if no_data and survey_agg.index is not None:
            problems.append(Problem("area-no-data", Severity.WARNING, file=source,
                                    value=", ".join(no_data)))
        coverage_warning({"pl": "z ankiety", "en": "survey"}, survey_agg)
    if grade_values:
        coverage_warning({"pl": "z ocen grupy roboczej", "en": "grades"}, grades_agg)
        ungraded = [a for a in area_ids if a not in grade_values]
        if ungraded:
            problems.append(Problem("grades-partial", Severity.WARNING, file=source,
                                    value=", ".join(ungraded)))
            coverage_warning({"pl": "końcowy", "en": "final"}, final_agg)

    by_group_n = {g: int((groups == g).sum()) for g in q.group_ids}
    min_n = q.scoring.min_group_n
    asked_groups = {area.id: [g for g in q.group_ids
                              if any(g in q.question_groups(x) for x in area.questions)]
                    for area in q.areas}
    areas = []
    for area in q.areas:
        a = area.id
        n_by_group = {g: (int(survey.area_n_by_group.at[g, a]) if survey is not None else 0)
                      for g in q.group_ids}
        areas.append(AreaResult(
            id=a,
            dimension=q.area_dimension[a],
            label=area.label.to_dict(),
            value=_num(final_areas[a]),
            survey=_num(survey_areas[a]),
            grade=_num(grades_areas[a]),
            n=int(survey.area_n[a]) if survey is not None else 0,
            by_group={g: (_num(survey.area_by_group.at[g, a]) if survey is not None else None)
                      for g in q.group_ids},
            n_by_group=n_by_group,
            thin_groups={} if survey is None else {
                g: n_by_group[g] for g in asked_groups[a] if n_by_group[g] < min_n},
            quality={} if survey is None else {
                g: AreaQuality(asked=int(survey.asked_cells.at[g, a]),
                               answered=int(survey.answered_cells.at[g, a]),
                               na=int(survey.na_cells.at[g, a]))
                for g in q.group_ids
            },
        ))
    if survey is not None:
        _thin_data_warnings(problems, areas, by_group_n, q, source)
    invited = round_.meta.zaproszonych
    if invited is not None and len(groups) > invited:
        problems.append(Problem("more-than-invited", Severity.WARNING, file=source, value=str(invited),
                                params={"n": len(groups)}))
    dimensions = [
        DimensionResult(
            id=d.id, label=d.label.to_dict(), value=_num(final_agg.dimensions[d.id]),
            survey=_num(survey_agg.dimensions[d.id]), grades=_num(grades_agg.dimensions[d.id]),
            by_group={g: _num(agg.dimensions[d.id]) for g, agg in group_aggs.items()},
        )
        for d in q.dimensions
    ]
    items = _items(round_, survey) if survey is not None else [
        ItemResult(id=x.id, area=q.question_area[x.id], n=0, mean=None, distribution={})
        for x in q.questions
    ]
    return ScoreResult(
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        meta={"jst": round_.meta.jst, "rok": round_.meta.rok, "etap": round_.meta.etap,
              "source": round_.source, "zaproszonych": round_.meta.zaproszonych},
        respondents_total=len(groups),
        respondents_by_group=by_group_n,
        index=IndexResult(
            value=final_agg.index, survey=survey_agg.index, grades=grades_agg.index,
            source="grades" if grade_values else "survey",
            by_group={g: _num(agg.index) for g, agg in group_aggs.items()},
        ),
        dimensions=dimensions,
        areas=areas,
        items=items,
        problems=problems,
        questionnaire=q,
        grades=dict(round_.grades),
        open_answers=list(round_.survey.open_answers) if round_.survey is not None else [],
        respondent_areas=survey.respondent_areas.to_numpy() if survey is not None else None,
        respondent_groups=group_codes(groups, q) if survey is not None else None,
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

    from liwindex.scoring import applicable, group_codes

    q = round_.questionnaire
    assert round_.survey is not None
    codes = round_.survey.codes
    group_ids = list(q.group_ids)
    group_index = group_codes(round_.survey.groups, q)
    asked = applicable(round_.survey.groups, q)
    matrix = round_.survey.code_matrix()
    position = {name: j for j, name in enumerate(codes.columns)}
    # plain lookups instead of a pandas access per question and group
    item_n, item_mean = survey.item_n.to_dict(), survey.item_mean.to_dict()
    n_by_group = survey.item_n_by_group.to_dict("index")
    mean_by_group = survey.item_mean_by_group.to_dict("index")
    items = []
    for j, question in enumerate(q.questions):
        scale = q.scale_by_id[question.scale]
        k = len(scale.choices)
        choice = matrix[:, position[question.id]]
        counted = asked[:, j] & (choice >= 0)
        # one bincount gives every group's count of every choice
        table = np.bincount(group_index[counted] * k + choice[counted],
                            minlength=len(group_ids) * k).reshape(len(group_ids), k)

        def distribution(counts: Any) -> dict[str, int]:
            return {c.code: int(n) for c, n in zip(scale.choices, counts, strict=True)}  # noqa: B023

        items.append(ItemResult(
            id=question.id,
            area=q.question_area[question.id],
            n=int(item_n[question.id]),
            mean=_num(item_mean[question.id]),
            distribution=distribution(table.sum(axis=0)),
            by_group={
                g: ItemStats(
                    n=int(n_by_group[g][question.id]),
                    mean=_num(mean_by_group[g][question.id]),
                    distribution=distribution(table[group_ids.index(g)]),
                )
                for g in q.question_groups(question)
            },
        ))
    return items

