"""Comparing two scored rounds (SPEC §2, Comparison): before, after, delta and percent.

The comparison is built from two :class:`ScoreResult` objects, so it reports exactly the
numbers that ``score`` reports for each round.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liwindex.problems import InputError, Problem, Report, Severity
from liwindex.results import ScoreResult


@dataclass(frozen=True)
class Change:
    """One value in two rounds: ``delta = after − before``, ``pct = delta / before · 100``."""

    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        """after − before; None when either is missing."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def pct(self) -> float | None:
        """The change in percent of ``before``; None when before is missing or 0."""
        delta = self.delta
        if delta is None or self.before is None or self.before == 0:
            return None
        return delta / self.before * 100

    def to_dict(self) -> dict[str, float | None]:
        """``{"before", "after", "delta", "pct"}``."""
        return {"before": self.before, "after": self.after, "delta": self.delta, "pct": self.pct}


@dataclass
class ComparedRow:
    """The index, a płaszczyzna or an area in two rounds: final values, survey scores and
    each group's survey scores."""

    id: str
    label: dict[str, str]
    value: Change
    survey: Change
    by_group: dict[str, Change]
    dimension: str | None = None
    # 95 % bootstrap interval of the change of the survey score, when computed
    ci_low: float | None = None
    ci_high: float | None = None

    @property
    def significant(self) -> bool | None:
        """True when the interval of the survey change excludes zero (None: not computed)."""
        from liwindex.stats.bootstrap import excludes_zero

        return excludes_zero(self.ci_low, self.ci_high)

    def to_dict(self, lang: str) -> dict[str, Any]:
        """SPEC §4 keys (before, after, delta, pct of the final value) plus survey and groups."""
        out: dict[str, Any] = {"id": self.id, "label": self.label[lang]}
        if self.dimension is not None:
            out["dimension"] = self.dimension
        out.update(self.value.to_dict())
        out.update({"ci_low": self.ci_low, "ci_high": self.ci_high, "significant": self.significant})
        out["survey"] = self.survey.to_dict()
        out["by_group"] = {g: c.to_dict() for g, c in self.by_group.items()}
        return out


@dataclass
class Comparison:
    """Two rounds side by side."""

    before: ScoreResult
    after: ScoreResult
    index: ComparedRow
    dimensions: list[ComparedRow]
    areas: list[ComparedRow]
    problems: list[Problem] = field(default_factory=list)
    resamples: int = 0  # bootstrap resamples behind the intervals (0: none computed)
    # the replicates of the later round, kept for analyses that need the same draws
    after_draws: Any = None

    def warnings(self, lang: str = "pl") -> list[str]:
        """Warnings about the comparison itself, in ``lang``."""
        return [p.message(lang) for p in self.problems if p.severity is Severity.WARNING]

    def largest(self, n: int = 3) -> tuple[list[ComparedRow], list[ComparedRow]]:
        """The areas with the largest gains and the largest drops of the final value."""
        moved = [a for a in self.areas if a.value.delta is not None]
        gains = sorted((a for a in moved if a.value.delta and a.value.delta > 0),
                       key=lambda a: -(a.value.delta or 0))
        drops = sorted((a for a in moved if a.value.delta and a.value.delta < 0),
                       key=lambda a: a.value.delta or 0)
        return gains[:n], drops[:n]

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """The JSON object of SPEC §4 for ``compare``; numbers unrounded."""
        index = self.index.to_dict(lang)
        index.pop("id")
        index.pop("label")
        index["bootstrap"] = self.resamples
        return {
            "before": self.before.to_dict(lang),
            "after": self.after.to_dict(lang),
            "index": index,
            "dimensions": [d.to_dict(lang) for d in self.dimensions],
            "areas": [a.to_dict(lang) for a in self.areas],
            "warnings": self.warnings(lang),
        }


def round_label(result: ScoreResult, lang: str = "pl") -> str:
    """A short name for a round: ``2024 · wstępna`` from its metadata, else the file name."""
    from liwindex.i18n import t

    meta = result.meta
    parts = []
    if meta.get("rok"):
        parts.append(str(meta["rok"]))
    if meta.get("etap"):
        parts.append(t(f"etap_short_{meta['etap']}", lang))
    return " · ".join(parts) if parts else Path(str(meta.get("source") or "?")).stem


def jst_of(results: Sequence[ScoreResult]) -> str:
    """The local government's name from the latest round's metryka that has one ("" if none)."""
    return next((str(r.meta["jst"]) for r in reversed(results) if r.meta.get("jst")), "")


def compare(before: ScoreResult, after: ScoreResult, resamples: int = 0, seed: int = 2026) -> Comparison:
    """Compare two rounds scored with the same questionnaire (another version: a warning,
    and only the areas both have are compared). With ``resamples``, every change of a
    survey score gets a 95 % bootstrap interval and is significant when it excludes zero."""
    problems: list[Problem] = []
    if before.questionnaire_id != after.questionnaire_id:
        report = Report()
        report.add("different-questionnaires", file=str(after.meta.get("source")),
                   value=after.questionnaire_id, before=before.questionnaire_id)
        raise InputError(report)
    if before.questionnaire_version != after.questionnaire_version:
        problems.append(Problem("different-versions", Severity.WARNING,
                                value=after.questionnaire_version,
                                params={"before": before.questionnaire_version}))

    if before.index.source != after.index.source:
        problems.append(Problem("mixed-sources", Severity.WARNING))

    groups = list(dict.fromkeys([*before.respondents_by_group, *after.respondents_by_group]))

    def by_group(b: dict[str, float | None], a: dict[str, float | None]) -> dict[str, Change]:
        return {g: Change(b.get(g), a.get(g)) for g in groups}

    before_areas = {a.id: a for a in before.areas}
    after_areas = {a.id: a for a in after.areas}
    common = [a for a in after_areas if a in before_areas]
    only = [a for a in [*before_areas, *after_areas] if a not in common]
    if only:
        problems.append(Problem("areas-not-in-both", Severity.WARNING,
                                value=", ".join(dict.fromkeys(only))))
    areas = []
    unscored: dict[str, list[str]] = {}
    for area_id in common:
        b, a = before_areas[area_id], after_areas[area_id]
        areas.append(ComparedRow(
            id=area_id, label=a.label, dimension=a.dimension,
            value=Change(b.value, a.value), survey=Change(b.survey, a.survey),
            by_group=by_group(b.by_group, a.by_group),
        ))
        missing = [label for label, r in (("before", b), ("after", a)) if r.value is None]
        if missing:
            unscored.setdefault(missing[0] if len(missing) == 1 else "both", []).append(area_id)
    # one warning per round, naming all its areas without a value
    for which, listed in unscored.items():
        problems.append(Problem("area-missing-in-round", Severity.WARNING, value=", ".join(listed),
                                params={"which": _ROUND_WORDS[which]}))

    before_dims = {d.id: d for d in before.dimensions}
    dimensions = [
        ComparedRow(
            id=d.id, label=d.label, value=Change(before_dims[d.id].value, d.value),
            survey=Change(before_dims[d.id].survey, d.survey),
            by_group=by_group(before_dims[d.id].by_group, d.by_group),
        )
        for d in after.dimensions if d.id in before_dims
    ]
    index = ComparedRow(
        id="index", label={"pl": "Indeks LIJW", "en": "LIJW index"},
        value=Change(before.index.value, after.index.value),
        survey=Change(before.index.survey, after.index.survey),
        by_group=by_group(before.index.by_group, after.index.by_group),
    )
    comparison = Comparison(before=before, after=after, index=index, dimensions=dimensions,
                            areas=areas, problems=problems)
    if resamples > 0:
        comparison.resamples = resamples
        _change_intervals(comparison, resamples, seed)
    return comparison


def _change_intervals(comparison: Comparison, resamples: int, seed: int) -> None:
    """Bootstrap both rounds independently; the interval of a change is the percentile
    interval of the differences of their replicates."""
    from liwindex.stats.analysis import attach_intervals, draws_for
    from liwindex.stats.bootstrap import interval

    before, after = comparison.before, comparison.after
    draws = [draws_for(r, resamples, [seed, i]) for i, r in enumerate((before, after))]
    for result, draw in zip((before, after), draws, strict=True):
        attach_intervals(result, draw)
    comparison.after_draws = draws[1]
    if draws[0] is None or draws[1] is None:
        return
    b_areas = [a.id for a in before.areas]
    a_areas = [a.id for a in after.areas]
    for row in comparison.areas:
        delta = draws[1].areas[:, a_areas.index(row.id)] - draws[0].areas[:, b_areas.index(row.id)]
        row.ci_low, row.ci_high = interval(delta)
    b_dims = [d.id for d in before.dimensions]
    a_dims = [d.id for d in after.dimensions]
    for row in comparison.dimensions:
        delta = draws[1].dimensions[:, a_dims.index(row.id)] - draws[0].dimensions[:, b_dims.index(row.id)]
        row.ci_low, row.ci_high = interval(delta)
    comparison.index.ci_low, comparison.index.ci_high = interval(draws[1].index - draws[0].index)


_ROUND_WORDS = {
    "before": {"pl": "w pierwszym etapie", "en": "in the first round"},
    "after": {"pl": "w drugim etapie", "en": "in the second round"},
    "both": {"pl": "w obu etapach", "en": "in both rounds"},
}

