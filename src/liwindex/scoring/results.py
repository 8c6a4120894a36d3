"""Result objects of one scored round: one object, several renderings (table, JSON, Excel)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from liwindex.problems import Problem, Severity

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.data import OpenAnswer
    from liwindex.responses.grades import Grade


def as_float(value: Any) -> float | None:
    """A float for JSON, None for missing values (NaN)."""
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def as_floats(values: Any) -> Any:
    """:func:`as_float` of every entry of a float array, as (nested) lists."""
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

        parts = [
            f"{g}: "
            + (("brak odpowiedzi" if lang == "pl" else "no answers") if n == 0 else plural(n, "answer", lang))
            for g, n in self.thin_groups.items()
        ]
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


@dataclass(frozen=True)
class ContextChoice:
    """One choice of a context question's scale: code, labels (pl, en), "nie wiem" or not."""

    code: str
    label: dict[str, str]
    na: bool = False


@dataclass(frozen=True)
class ContextCounts:
    """The answers of one group (or of everyone) to a context question: how many answered
    it and how many chose each choice (codes in scale order)."""

    answered: int
    counts: dict[str, int]

    def share(self, code: str) -> float | None:
        """The choice's count over those who answered (None when nobody did); for a
        multiple choice the shares of a question can add up to more than 1."""
        return self.counts.get(code, 0) / self.answered if self.answered else None

    def to_dict(self) -> dict[str, Any]:
        """``{"answered", "counts": {code: int}, "shares": {code: float|null}}``."""
        return {
            "answered": self.answered,
            "counts": dict(self.counts),
            "shares": {code: self.share(code) for code in self.counts},
        }


@dataclass
class ContextResult:
    """The distribution of a single or multiple choice context question (unscored): per
    group it is asked of and overall. ``overall`` also counts respondents without a group;
    an answer from a group the question is not asked of is not counted. A respondent has
    answered when the cell holds at least one known choice ("nie wiem" included)."""

    id: str
    type: str  # "single" | "multi"
    text: dict[str, str]
    choices: list[ContextChoice]
    overall: ContextCounts
    by_group: dict[str, ContextCounts]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of one context question (docs/json.md); shares unrounded."""
        return {
            "id": self.id,
            "type": self.type,
            "text": dict(self.text),
            "choices": [{"code": c.code, "label": dict(c.label), "na": c.na} for c in self.choices],
            "overall": self.overall.to_dict(),
            "by_group": {g: counts.to_dict() for g, counts in self.by_group.items()},
        }


@dataclass(frozen=True)
class IndicatorResult:
    """The value of one numeric indicator (dane liczbowe) in a round, shown beside the
    survey and never part of the index."""

    id: str
    label: dict[str, str]
    unit: str  # count, PLN or percent
    area: str | None
    dimension: str | None
    value: float
    note: str = ""
    higher_is_better: bool | None = None

    @property
    def place(self) -> str:
        """The area or płaszczyzna it informs."""
        return self.area or self.dimension or ""

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """The JSON object of ``score --json``'s ``indicators``."""
        return {
            "id": self.id,
            "label": self.label.get(lang) or self.label["pl"],
            "unit": self.unit,
            "area": self.area,
            "dimension": self.dimension,
            "value": self.value,
            "note": self.note or None,
            "higher_is_better": self.higher_is_better,
        }


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
    # the single and multiple choice context questions the round has a column for
    context: list[ContextResult] = field(default_factory=list)
    # For the statistics: each respondent's area values (n × a) and group position.
    respondent_areas: Any = None
    respondent_groups: Any = None
    # 95 % bootstrap intervals of the survey scores, when computed (see with_intervals)
    intervals: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    # why a survey score has no interval (``provisional``, ``small group``, ``zero variance``,
    # …; see liwindex.analysis.intervals), by the same keys as ``intervals``
    interval_reasons: dict[str, str] = field(default_factory=dict)
    # the numeric data (dane liczbowe) in questionnaire order: beside the survey, not scored
    indicators: list[IndicatorResult] = field(default_factory=list)

    def indicators_of(self, place: str) -> list[IndicatorResult]:
        """The indicators that inform the area or płaszczyzna ``place``."""
        return [i for i in self.indicators if i.place == place]

    def indicators_by_place(self, lang: str = "pl") -> list[tuple[str, str, list[IndicatorResult]]]:
        """The indicators grouped by what they inform, in questionnaire order: each
        płaszczyzna's own, then those of its areas, as ``(id, "O5 label", indicators)``."""
        groups: list[tuple[str, str, list[IndicatorResult]]] = []
        for d in self.dimensions:
            places = [(d.id, d.label), *((a.id, a.label) for a in self.areas if a.dimension == d.id)]
            for ident, label in places:
                found = self.indicators_of(ident)
                if found:
                    groups.append((ident, f"{ident} {label.get(lang) or label['pl']}", found))
        return groups

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

    def respondents_short(self, lang: str = "pl") -> str:
        """``27 (NGO 21, JST 6); 67,5%`` — for tables of many JSTs; ``!`` after a rate above
        100 % (more respondents than invited)."""
        from liwindex.i18n import fmt

        groups = ", ".join(f"{g.upper()} {n}" for g, n in self.respondents_by_group.items())
        line = f"{self.respondents_total} ({groups})" if groups else str(self.respondents_total)
        if self.response_rate is not None:
            line += f"; {fmt(100 * self.response_rate, lang, 1)}%" + ("!" if self.response_rate > 1 else "")
        return line

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
            line += (
                f"; {rate}% z {invited} {'zaproszonego' if invited == 1 else 'zaproszonych'}"
                if lang != "en"
                else f"; {rate}% of {invited} invited"
            )
            if self.response_rate > 1:  # more respondents than invited: said beside the rate
                line += " — więcej niż zaproszonych" if lang != "en" else " — more than invited"
        return line

    @property
    def provisional(self) -> bool:
        """The survey index rests on a provisional area score."""
        return any(a.provisional for a in self.areas)

    def dimension_provisional(self, dimension_id: str) -> bool:
        """The płaszczyzna's survey score rests on a provisional area score."""
        return any(a.provisional for a in self.areas if a.dimension == dimension_id)

    @property
    def min_group_n(self) -> int:
        """The questionnaire's ``min_group_n`` (5 by default)."""
        return self.questionnaire.scoring.min_group_n if self.questionnaire is not None else 5

    def interval_reason(self, key: str) -> str | None:
        """Why the survey score ``key`` (an area, a płaszczyzna or ``index``) has no interval:
        ``no value``, ``not computed`` (no bootstrap), or the reason the bootstrap gave
        (``provisional``, ``small group``, ``zero variance``, …); None when it has one."""
        value = self.index.survey if key == "index" else self._survey_of(key)
        if value is None:
            return "no value"
        if key not in self.intervals:
            return "not computed"
        return self.interval_reasons.get(key)

    def _survey_of(self, key: str) -> float | None:
        area = next((a for a in self.areas if a.id == key), None)
        if area is not None:
            return area.survey
        return next((d.survey for d in self.dimensions if d.id == key), None)

    def survey_dict(self, key: str, value: float | None) -> dict[str, Any]:
        """The survey score with its 95 % interval nested under it (SPEC §4, v3):
        ``{"value", "ci_low", "ci_high", "ci_reason"}``; the interval is null with its reason
        where there is none."""
        low, high = self.intervals.get(key, (None, None))
        return {
            "value": as_float(value),
            "ci_low": low,
            "ci_high": high,
            "ci_reason": self.interval_reason(key),
        }

    @property
    def index_range(self) -> tuple[float, float]:
        """``(lo, hi)`` of the questionnaire's index range."""
        assert self.questionnaire is not None
        return self.questionnaire.scoring.lo, self.questionnaire.scoring.hi

    def strongest_and_weakest(
        self, n: int = 3, basis: str | None = None
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

        return [
            describe(p.code, lang, value=p.value, **p.params) for p in self.problems if p.code in CAVEAT_CODES
        ]

    @property
    def thin(self) -> bool:
        """A group is missing or some areas rest on too few respondents (not every caveat
        is about thin data: a round left out of a batch report is one too)."""
        return any(p.code in THIN_CODES for p in self.problems)

    def notes(self, lang: str = "pl") -> list[str]:
        """Notes about what was interpreted or ignored, in ``lang``."""
        return [p.message(lang) for p in self.problems if p.severity is Severity.NOTE]

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """The JSON object of SPEC §4; labels and warnings in ``lang``; numbers unrounded."""
        from liwindex.responses.screening import is_non_answer

        return {
            "questionnaire": {"id": self.questionnaire_id, "version": self.questionnaire_version},
            # SPEC §4's keys; the number invited is given with the respondents
            "meta": {key: self.meta.get(key) for key in ("jst", "teryt", "rok", "etap", "source")},
            "respondents": {
                "total": self.respondents_total,
                "by_group": self.respondents_by_group,
                "missing_groups": self.missing_groups,
                "min_group_n": self.min_group_n,
                "invited": self.meta.get("zaproszonych"),
                "response_rate": self.response_rate,
            },
            "index": {
                "value": as_float(self.index.value),
                "survey": self.survey_dict("index", self.index.survey),
                "grades": as_float(self.index.grades),
                "source": self.index.source,
                "provisional": self.provisional,
            },
            "dimensions": [
                {
                    "id": d.id,
                    "label": d.label[lang],
                    "value": as_float(d.value),
                    "survey": self.survey_dict(d.id, d.survey),
                    "grades": as_float(d.grades),
                    "provisional": self.dimension_provisional(d.id),
                }
                for d in self.dimensions
            ],
            "areas": [
                {
                    "id": a.id,
                    "dimension": a.dimension,
                    "label": a.label[lang],
                    "value": as_float(a.value),
                    "survey": self.survey_dict(a.id, a.survey),
                    "grade": as_float(a.grade),
                    "n": a.n,
                    "by_group": {g: as_float(v) for g, v in a.by_group.items()},
                    "n_by_group": a.n_by_group,
                    "provisional": a.provisional,
                    "provisional_reason": a.provisional_reason(lang),
                }
                for a in self.areas
            ],
            "items": [
                {
                    "id": i.id,
                    "area": i.area,
                    "n": i.n,
                    "mean": as_float(i.mean),
                    "distribution": i.distribution,
                }
                for i in self.items
            ],
            "context": [c.to_dict() for c in self.context],
            "indicators": [i.to_dict(lang) for i in self.indicators],
            # the open answers as a document publishes them: personal data masked and
            # flagged, answers without content marked
            "open_answers": [
                {
                    "question": a.question,
                    "group": a.group,
                    "text": a.screened.text,
                    "personal_data": list(a.screened.kinds),
                    "non_answer": is_non_answer(a.text),
                    "file": a.file or None,
                    "row": a.row,
                }
                for a in self.open_answers
            ],
            "warnings": self.warnings(lang),
        }


THIN_CODES = ("group-missing", "areas-provisional")
CAVEAT_CODES = (*THIN_CODES, "round-unreadable")
