"""Scoring a round: the engine's arrays for the survey, the grades beside them, and the
result object with every warning the numbers call for (SPEC §2)."""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np

from liwindex.problems import Problem, Severity
from liwindex.scoring.engine import SurveyScores, aggregate_many, score_survey
from liwindex.scoring.results import (
    AreaQuality,
    AreaResult,
    ContextChoice,
    ContextCounts,
    ContextResult,
    DimensionResult,
    IndexResult,
    IndicatorResult,
    ItemResult,
    ItemStats,
    ScoreResult,
    as_float,
    as_floats,
)

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.rounds import Round

# (dimension values, index, areas without a value) of one row of area values
Summary = tuple[dict[str, float | None], float | None, list[str]]


def score_round(round_: Round, items: bool = True) -> ScoreResult:
    """Score a validated round (SPEC §2) and gather the result with its warnings;
    ``items=False`` leaves the per-question statistics out (trend and benchmark do not
    read them)."""
    q = round_.questionnaire
    area_ids = [a.id for a in q.areas]
    group_ids = list(q.group_ids)
    problems = list(round_.report.problems)
    source = round_.source

    if round_.survey is not None:
        group_index = round_.survey.group_index
        scores = score_survey(
            round_.point_matrix(), group_index, q, responded=round_.survey.answered(), rows=round_.survey.rows
        )
        survey: SurveyScores | None = scores
        survey_areas = scores.values
    else:
        group_index = np.empty(0, dtype=np.int64)
        survey = None
        survey_areas = np.full(len(area_ids), np.nan)

    grade_values = {a: g.value for a, g in round_.grades.items() if g.value is not None}
    grades_areas = np.array([grade_values.get(a, np.nan) for a in area_ids], dtype=float)
    final_areas = (
        np.where(np.isnan(grades_areas), survey_areas, grades_areas) if grade_values else survey_areas
    )

    # the survey's, the grades', the final and each group's own płaszczyzny and index, by
    # the same rules (coverage included), in one call
    by_group = survey.group_values if survey is not None else np.tile(survey_areas, (len(group_ids), 1))
    summaries = _summaries(q, np.vstack([survey_areas, grades_areas, final_areas, by_group]))
    survey_sum, grades_sum, final_sum = summaries[:3]
    group_summaries = dict(zip(group_ids, summaries[3:], strict=True))
    problems += _coverage_warnings(
        q, source, survey is not None, grade_values, survey_sum, grades_sum, final_sum
    )

    counts = np.bincount(group_index[group_index >= 0], minlength=len(group_ids))
    by_group_n = {g: int(counts[i]) for i, g in enumerate(group_ids)}
    areas = _area_results(q, survey, final_areas, survey_areas, grades_areas)
    if survey is not None:
        problems += _thin_data_warnings(areas, by_group_n, q, source)
    invited = round_.meta.zaproszonych
    respondents = len(group_index)
    if invited is not None and respondents > invited:
        problems.append(
            Problem(
                "more-than-invited",
                Severity.WARNING,
                file=source,
                value=str(invited),
                params={"n": respondents},
            )
        )
    dimensions = [
        DimensionResult(
            id=d.id,
            label=d.label.to_dict(),
            value=final_sum[0][d.id],
            survey=survey_sum[0][d.id],
            grades=grades_sum[0][d.id],
            by_group={g: group_summaries[g][0][d.id] for g in group_ids},
        )
        for d in q.dimensions
    ]
    item_results = (
        []
        if not items
        else _items(round_, survey)
        if survey is not None
        else [
            ItemResult(id=x.id, area=q.question_area[x.id], n=0, mean=None, distribution={})
            for x in q.questions
        ]
    )
    return ScoreResult(
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        meta={
            "jst": round_.meta.jst,
            "rok": round_.meta.rok,
            "etap": round_.meta.etap,
            "source": round_.source,
            "zaproszonych": round_.meta.zaproszonych,
            "teryt": round_.meta.teryt,
        },
        respondents_total=respondents,
        respondents_by_group=by_group_n,
        index=IndexResult(
            value=final_sum[1],
            survey=survey_sum[1],
            grades=grades_sum[1],
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
        context=_context(round_),
        respondent_areas=survey.respondent_values if survey is not None else None,
        respondent_groups=group_index if survey is not None else None,
        indicators=indicator_results(round_),
    )


def indicator_results(round_: Round) -> list[IndicatorResult]:
    """The round's numeric data in questionnaire order, with their labels and units."""
    found = round_.indicators
    return [
        IndicatorResult(
            id=i.id,
            label=i.label.to_dict(),
            unit=i.unit,
            area=i.area,
            dimension=i.dimension,
            value=found[i.id].value,
            note=found[i.id].note,
            higher_is_better=i.higher_is_better,
        )
        for i in round_.questionnaire.indicators
        if i.id in found
    ]


def _summaries(q: Questionnaire, stacked: np.ndarray) -> list[Summary]:
    """Per row of area values: its płaszczyzny, its index and the areas without a value."""
    area_ids = [a.id for a in q.areas]
    dimension_ids = [d.id for d in q.dimensions]
    dims, indexes = aggregate_many(stacked, q)
    dims_rows, index_list, stacked_rows = as_floats(dims), as_floats(indexes), as_floats(stacked)
    return [
        (
            dict(zip(dimension_ids, dims_rows[k], strict=True)),
            index_list[k],
            [a for a, v in zip(area_ids, stacked_rows[k], strict=True) if v is None],
        )
        for k in range(len(stacked_rows))
    ]


def _coverage_warnings(
    q: Questionnaire,
    source: str,
    has_survey: bool,
    grade_values: dict[str, float],
    survey: Summary,
    grades: Summary,
    final: Summary,
) -> list[Problem]:
    """Areas the survey left without a value, ungraded areas, and an index left out for
    too few areas (for the survey, the grades and the final values in turn)."""
    problems: list[Problem] = []
    total = len(q.areas)

    def coverage(which: dict[str, str], summary: Summary) -> None:
        _, index, missing = summary
        if index is None:
            problems.append(
                Problem(
                    "index-coverage",
                    Severity.WARNING,
                    file=source,
                    value=", ".join(missing),
                    params={
                        "which": which,
                        "have": total - len(missing),
                        "total": total,
                        "need": math.ceil(q.scoring.min_area_coverage * total - 1e-9),
                    },
                )
            )

    if has_survey:
        if survey[2] and survey[1] is not None:
            problems.append(
                Problem("area-no-data", Severity.WARNING, file=source, value=", ".join(survey[2]))
            )
        coverage({"pl": "z ankiety", "en": "survey"}, survey)
    if grade_values:
        coverage({"pl": "z ocen grupy roboczej", "en": "grades"}, grades)
        ungraded = [a.id for a in q.areas if a.id not in grade_values]
        if ungraded:
            problems.append(
                Problem("grades-partial", Severity.WARNING, file=source, value=", ".join(ungraded))
            )
            coverage({"pl": "końcowy", "en": "final"}, final)
    return problems


def _area_results(
    q: Questionnaire,
    survey: SurveyScores | None,
    final_areas: np.ndarray,
    survey_areas: np.ndarray,
    grades_areas: np.ndarray,
) -> list[AreaResult]:
    """Each area's final value, survey score and grade, per group, with the respondents
    behind it and the groups too thin to rely on."""
    group_ids = list(q.group_ids)
    min_n = q.scoring.min_group_n
    asked_groups = q.tables.area_groups
    areas = []
    # plain Python numbers, per area (the arrays are groups × areas)
    final_list, survey_list, grades_list = (
        as_floats(final_areas),
        as_floats(survey_areas),
        as_floats(grades_areas),
    )
    if survey is not None:
        counts_t, values_t = survey.group_counts.T.tolist(), as_floats(survey.group_values.T)
        asked_t, answered_t, na_t = (x.T.tolist() for x in (survey.asked, survey.answered, survey.na))
        n_list = survey.counts.tolist()
    for a_pos, area in enumerate(q.areas):
        if survey is not None:
            n_by_group = dict(zip(group_ids, counts_t[a_pos], strict=True))
            values_by_group = dict(zip(group_ids, values_t[a_pos], strict=True))
            quality = {
                g: AreaQuality(asked=asked_t[a_pos][i], answered=answered_t[a_pos][i], na=na_t[a_pos][i])
                for i, g in enumerate(group_ids)
            }
        else:
            n_by_group = dict.fromkeys(group_ids, 0)
            values_by_group = dict.fromkeys(group_ids)
            quality = {}
        areas.append(
            AreaResult(
                id=area.id,
                dimension=q.area_dimension[area.id],
                label=area.label.to_dict(),
                value=final_list[a_pos],
                survey=survey_list[a_pos],
                grade=grades_list[a_pos],
                n=n_list[a_pos] if survey is not None else 0,
                by_group=values_by_group,
                n_by_group=n_by_group,
                thin_groups={}
                if survey is None
                else {g: n_by_group[g] for g in asked_groups[area.id] if n_by_group[g] < min_n},
                quality=quality,
            )
        )
    return areas


def _thin_data_warnings(
    areas: list[AreaResult], by_group_n: dict[str, int], q: Questionnaire, source: str
) -> list[Problem]:
    """Say when a whole group is missing and which areas rest on too few respondents."""
    from liwindex.messages.results import group_names, group_words

    problems: list[Problem] = []
    missing = [g for g, n in by_group_n.items() if n == 0]
    present = [g for g, n in by_group_n.items() if n > 0]
    if missing and present:
        problems.append(
            Problem(
                "group-missing",
                Severity.WARNING,
                file=source,
                value=", ".join(missing),
                params=group_words(missing, present, q),
            )
        )
    thin = [a.id for a in areas if any(n > 0 for n in a.thin_groups.values())]
    if thin:
        groups = [g for g in q.group_ids if any(a.thin_groups.get(g, 0) > 0 for a in areas)]
        problems.append(
            Problem(
                "areas-provisional",
                Severity.WARNING,
                file=source,
                value=", ".join(thin),
                params={"min": q.scoring.min_group_n, "groups": group_names(groups, q)},
            )
        )
    return problems


def _items(round_: Round, survey: SurveyScores) -> list[ItemResult]:
    """Per question: answers counted, mean normalised value, and counts of every code
    (``nie wiem`` included) among respondents the question is asked of."""
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
        matrix.shape[1], g_count, widest
    )
    table, totals = counts_by_group.tolist(), counts_by_group.sum(axis=1).tolist()
    item_n, item_mean = survey.items_n.tolist(), survey.items_mean.tolist()
    n_by_group, mean_by_group = survey.items_n_by_group.tolist(), survey.items_mean_by_group.tolist()
    positions = {g: i for i, g in enumerate(group_ids)}
    items = []
    for j, question in enumerate(q.questions):
        codes = [c.code for c in q.scale_by_id[question.scale].choices]
        counts = table[j]
        items.append(
            ItemResult(
                id=question.id,
                area=q.question_area[question.id],
                n=int(item_n[j]),
                mean=as_float(item_mean[j]),
                distribution=dict(zip(codes, totals[j][: len(codes)], strict=True)),
                by_group={
                    g: ItemStats(
                        n=int(n_by_group[positions[g]][j]),
                        mean=as_float(mean_by_group[positions[g]][j]),
                        distribution=dict(zip(codes, counts[positions[g]][: len(codes)], strict=True)),
                    )
                    for g in q.question_groups(question)
                },
            )
        )
    return items


def _context(round_: Round) -> list[ContextResult]:
    """Per single or multiple choice context question with a column in the round: how many
    respondents answered it and chose each choice, per group it is asked of and overall
    (respondents without a group count in the overall only, groups not asked not at all)."""
    q = round_.questionnaire
    if round_.survey is None:
        return []
    group_ids = list(q.group_ids)
    groups = round_.survey.group_index.tolist()
    results = []
    for ctx in q.context_questions:
        answers = round_.survey.context.get(ctx.id)
        if ctx.type == "open" or ctx.scale is None or answers is None:
            continue
        scale = q.scale_by_id[ctx.scale]
        codes = [c.code for c in scale.choices]
        answered, chosen = _tally(answers, groups, ctx.type == "multi", codes, len(group_ids))
        asked = [group_ids.index(g) for g in q.question_groups(ctx)]
        results.append(
            ContextResult(
                id=ctx.id,
                type=ctx.type,
                text=ctx.text.to_dict(),
                choices=[ContextChoice(c.code, c.label.to_dict(), c.na) for c in scale.choices],
                overall=_counts(answered, chosen, [*asked, len(group_ids)], codes),
                by_group={group_ids[g]: _counts(answered, chosen, [g], codes) for g in asked},
            )
        )
    return results


def _tally(
    answers: list[Any], groups: list[int], multi: bool, codes: list[str], n_groups: int
) -> tuple[np.ndarray, np.ndarray]:
    """Respondents who answered, and who chose each choice, per group position; the last
    row is the respondents without a group (position -1). A blank, or a cell without a
    known choice, is no answer; a round of several files has None where a file had no
    column for the question."""
    position = {code: k for k, code in enumerate(codes)}
    answered = np.zeros(n_groups + 1, dtype=np.int64)
    chosen = np.zeros((n_groups + 1, len(codes)), dtype=np.int64)
    given = (tuple(a) if a else () for a in answers) if multi else ((a,) for a in answers)
    # one step per distinct (group, answer): a question has few distinct answers
    for (g, picked), n in Counter(zip(groups, given, strict=True)).items():
        found = sorted({position[c] for c in picked if c in position})
        if found:
            answered[g] += n
            chosen[g, found] += n
    return answered, chosen


def _counts(answered: np.ndarray, chosen: np.ndarray, rows: list[int], codes: list[str]) -> ContextCounts:
    """The tallies of the group positions ``rows`` added up."""
    return ContextCounts(
        answered=int(answered[rows].sum()),
        counts=dict(zip(codes, chosen[rows].sum(axis=0).tolist(), strict=True)),
    )
