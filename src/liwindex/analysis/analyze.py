"""``liwindex analyze``: uncertainty, reliability, the NGO–administration gap, data quality
and sensitivity of one round, gathered in one result object."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from liwindex.analysis.bootstrap import (
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    Draws,
    Estimate,
    bootstrap,
    holm,
)
from liwindex.analysis.intervals import ZERO_VARIANCE, interval
from liwindex.analysis.reliability import Reliability, reliability
from liwindex.analysis.sensitivity import Variant, sensitivity
from liwindex.i18n import fmt
from liwindex.problems import Problem, Severity
from liwindex.scoring.engine import applicable, normalise
from liwindex.scoring.results import ScoreResult

if TYPE_CHECKING:
    from liwindex.responses.rounds import Round

# resamples × respondents drawn in one run (tens of seconds at most); more would look like a hang
MAX_DRAWS = 1_000_000_000


@dataclass
class Gap:
    """The difference between the first two groups' scores of an area (NGO − administration)."""

    area: str
    first: float | None
    second: float | None
    difference: float | None
    ci: Estimate | None = None
    # why there is no interval (see liwindex.analysis.intervals); None when there is one
    ci_reason: str | None = None
    # Holm-corrected across the areas of the round (None: not tested)
    significant: bool | None = None

    @property
    def ci_low(self) -> float | None:
        """Lower end of the 95 % interval of the difference."""
        return self.ci.low if self.ci else None

    @property
    def ci_high(self) -> float | None:
        """Upper end of the 95 % interval of the difference."""
        return self.ci.high if self.ci else None

    @property
    def reason(self) -> str | None:
        """Why the difference has no interval (``no value`` without one), None when it has."""
        return "no value" if self.difference is None else self.ci_reason


@dataclass
class Analysis:
    """Everything ``analyze`` reports about one round."""

    result: ScoreResult
    groups: tuple[str, str] | None
    gaps: list[Gap]
    reliability: list[Reliability]
    sensitivity: list[Variant]
    resamples: int
    problems: list[Problem] = field(default_factory=list)
    # variants left out because they equal the configured setting by construction
    sensitivity_omitted: list[str] = field(default_factory=list)

    @property
    def headline_from_grades(self) -> bool:
        """The round's index is the working group's: no survey setting moves it."""
        return self.result.index.source == "grades"

    def survey_index_range(self) -> tuple[float, float] | None:
        """Lowest and highest survey index over the setting variants (grades left out)."""
        values = [v.index for v in self.sensitivity if v.index is not None and v.setting != "grades"]
        return (min(values), max(values)) if values else None

    @property
    def provisional(self) -> bool:
        """The index rests on thin data: an area without a survey score, or an area score of
        a group from fewer than ``min_group_n`` respondents."""
        return any(p.code in ("index-provisional",) for p in self.problems)

    def largest_gaps(self, n: int = 3) -> list[Gap]:
        """The areas where the two sides disagree most."""
        return largest_gaps(self.gaps, n)

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """JSON: the round's scores with intervals, then every analysis table."""
        return {
            "score": self.result.to_dict(lang),
            "bootstrap": {
                "resamples": self.resamples,
                "level": 0.95,
                "correction": "holm",
                "min_group_n": self.result.min_group_n,
            },
            "provisional": self.provisional,
            "quality": [
                {
                    "area": a.id,
                    "group": g,
                    "n": a.n_by_group.get(g, 0),
                    "asked": q.asked,
                    "answered_share": q.answered_share,
                    "na_share": q.na_share,
                }
                for a in self.result.areas
                for g, q in a.quality.items()
                if q.asked
            ],
            "reliability": [
                {
                    "area": r.area,
                    "group": r.group,
                    "n": r.n,
                    "k": r.k,
                    "alpha": r.alpha,
                    "status": r.status,
                    "items": [
                        {"id": i.id, "item_rest": i.item_rest, "alpha_if_deleted": i.alpha_if_deleted}
                        for i in r.items
                    ],
                }
                for r in self.reliability
            ],
            "gap": {
                "groups": list(self.groups) if self.groups else None,
                "areas": [
                    {
                        "area": g.area,
                        "first": g.first,
                        "second": g.second,
                        "difference": g.difference,
                        "ci_low": g.ci_low,
                        "ci_high": g.ci_high,
                        "ci_reason": g.reason if self.resamples else "not computed",
                        "p": g.ci.p if g.ci else None,
                        "significant": g.significant,
                    }
                    for g in self.gaps
                ],
            },
            "sensitivity": [
                {
                    "setting": v.setting,
                    "label": v.label(lang),
                    "index": v.index,
                    "rank_correlation": v.rank_correlation,
                    "largest_rank_shift": v.largest_rank_shift,
                }
                for v in self.sensitivity
            ],
            "sensitivity_of": "survey",
            "sensitivity_omitted": self.sensitivity_omitted,
            "headline_from_grades": self.headline_from_grades,
            "warnings": [p.message(lang) for p in self.problems if p.severity is Severity.WARNING],
        }


def draws_for(result: ScoreResult, resamples: int, seed: int | list[int]) -> Draws | None:
    """Bootstrap replicates of a scored round, or None without survey data."""
    if result.respondent_areas is None or resamples <= 0 or result.questionnaire is None:
        return None
    n = len(result.respondent_areas)
    if resamples * n > MAX_DRAWS:
        from liwindex.problems import InputError, Report

        report = Report()
        report.add(
            "bootstrap-too-large",
            file=str(result.meta.get("source")),
            value=resamples,
            n=n,
            max=max(100, MAX_DRAWS // max(n, 1)),
        )
        raise InputError(report)
    return bootstrap(result.respondent_areas, result.respondent_groups, result.questionnaire, resamples, seed)


def attach_intervals(result: ScoreResult, draws: Draws | None) -> None:
    """Store 95 % intervals of the survey scores in the result (shown in JSON and tables),
    and for each score without one the reason: none for a provisional (†) area, płaszczyzna
    or index, none where a group has fewer than ``min_group_n`` respondents or a group's
    answers do not vary (see :mod:`liwindex.analysis.intervals`)."""
    if draws is None or result.questionnaire is None:
        return
    q = result.questionnaire
    min_n, bounds = q.scoring.min_group_n, (q.scoring.lo, q.scoring.hi)

    def store(key: str, found: tuple[Estimate | None, str | None]) -> None:
        e, reason = found
        result.intervals[key] = (e.low, e.high) if e else (None, None)
        if reason is not None:
            result.interval_reasons[key] = reason
        else:
            result.interval_reasons.pop(key, None)

    for a, area in enumerate(result.areas):
        store(
            area.id,
            interval(area.survey, draws.areas[:, a], draws.area_parts(a), min_n, bounds, area.provisional),
        )
    for d, dimension in enumerate(result.dimensions):
        store(
            dimension.id,
            interval(
                dimension.survey,
                draws.dimensions[:, d],
                draws.dimension_parts(d),
                min_n,
                bounds,
                result.dimension_provisional(dimension.id),
            ),
        )
    store(
        "index",
        interval(result.index.survey, draws.index, draws.index_parts(), min_n, bounds, result.provisional),
    )


def largest_gaps(gaps: list[Gap], n: int = 3) -> list[Gap]:
    """The ``n`` gaps largest in size, either way."""
    known = [g for g in gaps if g.difference is not None]
    return sorted(known, key=lambda g: -abs(g.difference or 0))[:n]


def gaps_for(result: ScoreResult, draws: Draws | None) -> list[Gap]:
    """Per area, the first group's score minus the second's (NGO − administration), with
    its 95 % interval when ``draws`` are given; the stars are Holm-corrected across areas."""
    q = result.questionnaire
    if q is None or len(q.group_ids) < 2:
        return []
    first_id, second_id = q.group_ids[0], q.group_ids[1]
    span = q.scoring.hi - q.scoring.lo
    gaps = []
    for a, area in enumerate(result.areas):
        first, second = area.by_group.get(first_id), area.by_group.get(second_id)
        gap = Gap(area.id, first, second, None if first is None or second is None else first - second)
        if draws is not None:
            gap.ci, gap.ci_reason = interval(
                gap.difference,
                draws.by_group[:, 0, a] - draws.by_group[:, 1, a],
                [*draws.group_parts(0, a), *draws.group_parts(1, a)],
                q.scoring.min_group_n,
                (-span, span),
            )
        gaps.append(gap)
    if draws is not None:
        for gap, decision in zip(gaps, holm([g.ci.p if g.ci else None for g in gaps]), strict=True):
            gap.significant = decision
    return gaps


def analyze(
    round_: Round,
    result: ScoreResult,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    draws: Draws | None = None,
) -> Analysis:
    """Analyse a scored round; ``draws`` are its bootstrap replicates when already made
    (by a comparison), else they are drawn here."""
    q = round_.questionnaire
    if draws is None:
        draws = draws_for(result, resamples, seed)
        attach_intervals(result, draws)
    problems: list[Problem] = []

    pair = (q.group_ids[0], q.group_ids[1]) if len(q.group_ids) >= 2 else None
    gaps = gaps_for(result, draws)

    tables: list[Reliability] = []
    variants: list[Variant] = []
    omitted: list[str] = []
    if round_.survey is not None and len(round_.survey):
        points = round_.points()
        groups = round_.survey.group_index
        values = normalise(points.to_numpy(dtype=float), q)
        values[~applicable(groups, q)] = np.nan
        codes = result.respondent_groups
        for definition in q.areas:
            for g, group in enumerate(q.group_ids):
                asked = [
                    j
                    for j, x in enumerate(q.questions)
                    if q.question_area[x.id] == definition.id and group in q.question_groups(x)
                ]
                members = values[codes == g][:, asked]
                if len(asked) >= 2 and len(members):
                    table = reliability(members, [q.questions[j].id for j in asked], definition.id, group)
                    tables.append(table)
                    alpha = {"pl": fmt(table.alpha, "pl"), "en": fmt(table.alpha, "en")}
                    where = {"area": definition.id, "group": group, "alpha": alpha}
                    if table.status == "negative":
                        problems.append(
                            Problem("alpha-negative", Severity.WARNING, value=table.alpha, params=where)
                        )
                    elif table.low:
                        problems.append(
                            Problem("alpha-low", Severity.WARNING, value=table.alpha, params=where)
                        )
                    for item in table.better_without():
                        problems.append(
                            Problem(
                                "alpha-item",
                                Severity.WARNING,
                                value=item,
                                params={"area": definition.id, "group": group},
                            )
                        )
        grades = pd.Series(
            {a: g.value for a, g in round_.grades.items() if g.value is not None}, dtype=float
        ).reindex([a.id for a in q.areas])
        na_codes = {sc.id: {c.code for c in sc.choices if c.na} for sc in q.scales}
        na_share = {}
        for stats, question in zip(result.items, q.questions, strict=True):
            answered = sum(stats.distribution.values())
            if answered:
                na = sum(n for code, n in stats.distribution.items() if code in na_codes[question.scale])
                na_share[stats.id] = na / answered
        thin = [a.id for a in result.areas if a.provisional and a.survey is not None]
        moved = sensitivity(
            points, groups, q, grades, responded=round_.survey.answered(), na_share=na_share, provisional=thin
        )
        variants, omitted = moved.variants, moved.omitted

    alike = [
        a.id
        for a in result.areas
        if result.interval_reasons.get(a.id) == ZERO_VARIANCE
        or any(g.area == a.id and g.ci_reason == ZERO_VARIANCE for g in gaps)
    ]
    if alike:  # said once, not only as dashes in the tables
        problems.append(Problem("group-answers-alike", Severity.WARNING, value=", ".join(alike)))
    weak = [a.id for a in result.areas if a.survey is None or a.provisional]
    if result.respondent_areas is not None and weak:
        problems.append(
            Problem(
                "index-provisional",
                Severity.WARNING,
                value=", ".join(weak),
                params={"min": q.scoring.min_group_n},
            )
        )
    return Analysis(
        result=result,
        groups=pair,
        gaps=gaps,
        reliability=tables,
        sensitivity=variants,
        resamples=resamples if draws is not None else 0,
        problems=problems,
        sensitivity_omitted=omitted,
    )
