"""Comparing two scored rounds like for like (SPEC §2, Comparison v2, Round identity).

The comparison is built from two :class:`ScoreResult` objects, so it reports exactly the
numbers that ``score`` reports for each round. Every change is between values of one kind:
the headline uses the comparison's basis (working-group grades when both rounds grade
every area, else survey scores) and the other kind is reported beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.compare.common import Common, OnCommon
from liwindex.compare.identity import same_jst
from liwindex.compare.indicators import IndicatorSeries, indicator_series
from liwindex.problems import InputError, Problem, Report, Severity
from liwindex.scoring.results import ScoreResult

if TYPE_CHECKING:
    from liwindex.analysis.bootstrap import Estimate


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
    """The index, a płaszczyzna or an area in two rounds.

    ``value`` is the change on the comparison's basis (the headline); ``survey`` and
    ``grades`` are the changes of each kind under their own names (``grades`` is None when
    a round has no grades at all). The interval, p-value and star belong to the survey
    change only.
    """

    id: str
    label: dict[str, str]
    value: Change
    survey: Change
    grades: Change | None
    by_group: dict[str, Change]
    dimension: str | None = None
    survey_ci: Estimate | None = None
    # the survey change is significant: for areas and płaszczyzny after the Holm correction
    # across the rows of the table, for the index by its own test (None: not tested)
    significant: bool | None = None
    # the value on the basis is provisional (†): a survey value resting on too few answers
    provisional: bool = False
    # the survey values of either round are provisional, whatever the basis: the survey
    # change then has no interval and no star (SPEC §2, Small samples)
    survey_provisional: bool = False
    # why the survey change has no interval (see liwindex.analysis.intervals)
    ci_reason: str | None = None
    # index and płaszczyzny: areas without a value in both rounds, left out of the change
    # on the basis and of the survey change (SPEC §2, Comparison v3)
    left_out: tuple[str, ...] = ()
    survey_left_out: tuple[str, ...] = ()

    @property
    def ci_low(self) -> float | None:
        """Lower end of the 95 % interval of the survey change."""
        return self.survey_ci.low if self.survey_ci else None

    @property
    def ci_high(self) -> float | None:
        """Upper end of the 95 % interval of the survey change."""
        return self.survey_ci.high if self.survey_ci else None

    def to_dict(self, lang: str) -> dict[str, Any]:
        """SPEC §4: before, after, delta, pct on the basis; ``survey`` with the interval and
        significance; ``grades`` or null; each group's survey change."""
        out: dict[str, Any] = {"id": self.id, "label": self.label[lang]}
        if self.dimension is not None:
            out["dimension"] = self.dimension
        out.update(self.value.to_dict())
        out["survey"] = {
            **self.survey.to_dict(),
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "ci_reason": "no value" if self.survey.delta is None else self.ci_reason,
            "p": self.survey_ci.p if self.survey_ci else None,
            "significant": self.significant,
        }
        if self.dimension is None:  # the index and the płaszczyzny
            out["areas_left_out"] = list(self.left_out)
            out["survey"]["areas_left_out"] = list(self.survey_left_out)
        out["grades"] = self.grades.to_dict() if self.grades is not None else None
        out["provisional"] = self.provisional
        out["by_group"] = {g: c.to_dict() for g, c in self.by_group.items()}
        return out


BASIS_WORDS = {
    "survey": {"pl": "zmiana wyniku ankiety", "en": "change of the survey score"},
    "grades": {"pl": "zmiana ocen grupy roboczej", "en": "change of the working group's grades"},
}
CORRECTION = "holm"


@dataclass
class Comparison:
    """Two rounds side by side on one basis (``survey`` or ``grades``)."""

    before: ScoreResult
    after: ScoreResult
    basis: str
    index: ComparedRow
    dimensions: list[ComparedRow]
    areas: list[ComparedRow]
    problems: list[Problem] = field(default_factory=list)
    resamples: int = 0  # bootstrap resamples behind the intervals (0: none computed)
    # the replicates of the later round, kept for analyses that need the same draws
    after_draws: Any = None
    # the areas the changes of each kind are computed over ("survey", and "grades" when
    # both rounds have grades)
    common: dict[str, Common] = field(default_factory=dict)

    def left_out(self, kind: str | None = None) -> tuple[str, ...]:
        """Areas left out of the index's change of ``kind`` (the basis by default)."""
        found = self.common.get(kind or self.basis)
        return found.left_out if found is not None else ()

    def basis_words(self, lang: str = "pl") -> str:
        """``zmiana wyniku ankiety`` or ``zmiana ocen grupy roboczej``."""
        return BASIS_WORDS[self.basis]["en" if lang == "en" else "pl"]

    def thin(self, ident: str, side: str) -> bool:
        """The value of ``ident`` (``index``, a płaszczyzna or an area) in the round ``side``
        (``before`` or ``after``) is provisional: it rests on an area with too few answers
        of a group. Only survey values can be; a grade never is."""
        if self.basis != "survey":
            return False
        result = self.before if side == "before" else self.after
        common = self.common.get("survey")
        kept = set(common.kept) if common is not None and common.partial else None
        if ident == "index":
            return (
                result.provisional
                if kept is None
                else any(a.provisional for a in result.areas if a.id in kept)
            )
        return any(
            a.provisional
            for a in result.areas
            if a.id == ident or (a.dimension == ident and (kept is None or a.id in kept))
        )

    @property
    def has_grades(self) -> bool:
        """Both rounds have working-group grades, so a grades change can be shown."""
        return self.index.grades is not None

    def warnings(self, lang: str = "pl") -> list[str]:
        """Warnings about the comparison itself, in ``lang``."""
        return [p.message(lang) for p in self.problems if p.severity is Severity.WARNING]

    @property
    def indicators(self) -> list[IndicatorSeries]:
        """The numeric data of both rounds, changed in units (never part of the survey's)."""
        return indicator_series([self.before, self.after])

    def largest(self, n: int = 3) -> tuple[list[ComparedRow], list[ComparedRow]]:
        """The areas with the largest gains and the largest drops on the basis."""
        moved = [a for a in self.areas if a.value.delta is not None]
        gains = sorted(
            (a for a in moved if a.value.delta and a.value.delta > 0), key=lambda a: -(a.value.delta or 0)
        )
        drops = sorted(
            (a for a in moved if a.value.delta and a.value.delta < 0), key=lambda a: a.value.delta or 0
        )
        return gains[:n], drops[:n]

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """The JSON object of SPEC §4 for ``compare``; numbers unrounded."""
        index = self.index.to_dict(lang)
        index.pop("id")
        index.pop("label")
        return {
            "basis": self.basis,
            "basis_label": self.basis_words(lang),
            "bootstrap": {
                "resamples": self.resamples,
                "level": 0.95,
                "correction": CORRECTION,
                "min_group_n": self.after.min_group_n,
            },
            "before": self.before.to_dict(lang),
            "after": self.after.to_dict(lang),
            "index": index,
            # the areas each kind of change of the index and płaszczyzny is computed over
            "areas_compared": {kind: list(c.kept) for kind, c in self.common.items()},
            "areas_left_out": {kind: list(c.left_out) for kind, c in self.common.items()},
            "dimensions": [d.to_dict(lang) for d in self.dimensions],
            "areas": [a.to_dict(lang) for a in self.areas],
            "indicators": [i.to_dict(lang) for i in self.indicators],
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


def round_phrase(result: ScoreResult, lang: str = "pl", case: str = "nom") -> str:
    """The round as a sentence names it, in a grammatical case: ``nom`` ("ocena
    powdrożeniowa 2025"), ``loc`` after "w" ("ocenie powdrożeniowej 2025") or ``gen`` after
    "względem", "od" ("oceny wstępnej 2024"). English forms carry their article where a
    sentence needs one ("the initial assessment 2024")."""
    from liwindex.i18n import t

    meta = result.meta
    year, stage = meta.get("rok"), meta.get("etap")
    if stage:
        words = t(f"etap_{stage}" if case == "nom" else f"etap_{case}_{stage}", lang)
        return f"{words} {year}" if year else words
    base = t(f"round_{case}", lang)
    if year:
        return f"{base} {t('round_year', lang, year=year)}"
    stem = Path(str(meta.get("source") or "?")).stem
    return f"{base} „{stem}”" if lang != "en" else f'{base} "{stem}"'


def jst_of(results: Sequence[ScoreResult]) -> str:
    """The local government's name from the latest round's metryka that has one ("" if none)."""
    return next((str(r.meta["jst"]) for r in reversed(results) if r.meta.get("jst")), "")


def fully_graded(result: ScoreResult) -> bool:
    """Every area of the round has a working-group grade (its index comes from grades)."""
    return bool(result.areas) and all(a.grade is not None for a in result.areas)


def has_survey(result: ScoreResult) -> bool:
    """The round has survey answers."""
    return result.respondent_areas is not None


def choose_basis(before: ScoreResult, after: ScoreResult, basis: str | None = None) -> str:
    """``grades`` when both rounds grade every area, else ``survey`` (SPEC §2); an explicit
    ``basis`` is checked against what the rounds have."""
    chosen = basis or ("grades" if fully_graded(before) and fully_graded(after) else "survey")
    report = Report()
    for result in (before, after):
        source = str(result.meta.get("source"))
        if chosen == "grades" and not fully_graded(result):
            ungraded = [a.id for a in result.areas if a.grade is None]
            report.add(
                "basis-grades-unavailable", file=source, value=", ".join(ungraded), round=round_label(result)
            )
        if chosen == "survey" and not has_survey(result):
            report.add("basis-survey-unavailable", file=source, round=round_label(result))
    report.raise_if_invalid()
    return chosen


ETAP_ORDER = {"wstępna": 0, "powdrożeniowa": 1, "roczna": 2}


def round_key(result: ScoreResult) -> tuple[int, int] | None:
    """(year, stage order) from metryka, None without a year."""
    year = result.meta.get("rok")
    if not year:
        return None
    return int(year), ETAP_ORDER.get(result.meta.get("etap") or "", -1)


def check_rounds(before: ScoreResult, after: ScoreResult, skip: bool = False) -> list[Problem]:
    """SPEC §2 Round identity: BEFORE not later than AFTER and one JST. Raises InputError,
    or with ``skip`` returns the same findings as warnings."""
    report = Report()
    b_key, a_key = round_key(before), round_key(after)
    names = {"before": _round_name(before), "after": _round_name(after)}
    source = str(after.meta.get("source"))
    if b_key is not None and a_key is not None:
        # a stage missing from metryka (-1) only orders rounds of different years
        stages_known = b_key[1] >= 0 and a_key[1] >= 0
        if b_key[0] > a_key[0] or (b_key[0] == a_key[0] and stages_known and b_key[1] > a_key[1]):
            report.add("rounds-reversed", file=source, before=names["before"], after=names["after"])
    if same_jst(before.meta, after.meta) is False:
        b_jst, a_jst = (
            before.meta.get("jst") or before.meta.get("teryt"),
            after.meta.get("jst") or after.meta.get("teryt"),
        )
        report.add("rounds-different-jst", file=source, before=str(b_jst), after=str(a_jst))
    if skip:
        found = "; ".join(p.message("pl") for p in report.problems)
        return [Problem("round-check-skipped", Severity.WARNING, value=found)] if found else []
    report.raise_if_invalid()
    return []


def _round_name(result: ScoreResult) -> str:
    """``2025 · powdrożeniowa (plik.xlsx)`` for messages."""
    return f"{round_label(result)} ({Path(str(result.meta.get('source'))).name})"


def compare(
    before: ScoreResult,
    after: ScoreResult,
    resamples: int = 0,
    seed: int = 2026,
    basis: str | None = None,
    skip_round_check: bool = False,
) -> Comparison:
    """Compare two rounds like for like (SPEC §2, Comparison v2): one basis for every row,
    the other kind of change beside it. Rounds must use the same questionnaire (another
    version: a warning, and only the areas both have are compared), and metryka must not
    put BEFORE after AFTER nor name two JSTs unless ``skip_round_check``. With
    ``resamples``, every survey change gets a 95 % interval; stars on areas and
    płaszczyzny are Holm-corrected within their table."""
    problems: list[Problem] = []
    if before.questionnaire_id != after.questionnaire_id:
        report = Report()
        report.add(
            "different-questionnaires",
            file=str(after.meta.get("source")),
            value=after.questionnaire_id,
            before=before.questionnaire_id,
        )
        raise InputError(report)
    problems += check_rounds(before, after, skip_round_check)
    if before.questionnaire_version != after.questionnaire_version:
        problems.append(
            Problem(
                "different-versions",
                Severity.WARNING,
                value=after.questionnaire_version,
                params={"before": before.questionnaire_version},
            )
        )
    chosen = choose_basis(before, after, basis)
    graded = any(a.grade is not None for a in before.areas) and any(a.grade is not None for a in after.areas)
    if chosen == "survey" and (before.index.source == "grades" or after.index.source == "grades"):
        problems.append(Problem("basis-survey", Severity.WARNING))

    groups = list(dict.fromkeys([*before.respondents_by_group, *after.respondents_by_group]))

    def by_group(b: dict[str, float | None], a: dict[str, float | None]) -> dict[str, Change]:
        return {g: Change(b.get(g), a.get(g)) for g in groups}

    def row(
        row_id: str,
        label: dict[str, str],
        survey: Change,
        grades: Change,
        groups_b: dict,
        groups_a: dict,
        dimension: str | None = None,
        survey_thin: bool = False,
    ) -> ComparedRow:
        return ComparedRow(
            id=row_id,
            label=label,
            dimension=dimension,
            value=grades if chosen == "grades" else survey,
            survey=survey,
            grades=grades if graded else None,
            by_group=by_group(groups_b, groups_a),
            provisional=chosen == "survey" and survey_thin,
            survey_provisional=survey_thin,
        )

    before_areas = {a.id: a for a in before.areas}
    after_areas = {a.id: a for a in after.areas}
    common = [a for a in after_areas if a in before_areas]
    only = [a for a in [*before_areas, *after_areas] if a not in common]
    if only:
        problems.append(Problem("areas-not-in-both", Severity.WARNING, value=", ".join(dict.fromkeys(only))))
    areas = []
    unscored: dict[str, list[str]] = {}
    for area_id in common:
        b, a = before_areas[area_id], after_areas[area_id]
        areas.append(
            row(
                area_id,
                a.label,
                Change(b.survey, a.survey),
                Change(b.grade, a.grade),
                b.by_group,
                a.by_group,
                a.dimension,
                b.provisional or a.provisional,
            )
        )
        kind = "grade" if chosen == "grades" else "survey"
        missing = [label for label, r in (("before", b), ("after", a)) if getattr(r, kind) is None]
        if missing:
            unscored.setdefault(missing[0] if len(missing) == 1 else "both", []).append(area_id)
    # one warning per round, naming all its areas without a value
    for which, listed in unscored.items():
        problems.append(
            Problem(
                "area-missing-in-round",
                Severity.WARNING,
                value=", ".join(listed),
                params={"which": _ROUND_WORDS[which]},
            )
        )

    # the index and płaszczyzny of each kind over the areas with a value in both rounds
    on = OnCommon.of(before, after, graded, groups)
    survey_common = on.commons["survey"]
    kept = set(survey_common.kept)
    thin_dims = {a.dimension for a in areas if a.survey_provisional and a.id in kept}
    before_dims = {d.id: d for d in before.dimensions}
    dimensions = []
    for d in after.dimensions:
        if d.id not in before_dims:
            continue
        b_dim = before_dims[d.id]
        dimension = row(
            d.id,
            d.label,
            Change(*on.pair("survey", d.id, (b_dim.survey, d.survey))),
            Change(*on.pair("grades", d.id, (b_dim.grades, d.grades))),
            on.group_values(d.id, 0, b_dim.by_group),
            on.group_values(d.id, 1, d.by_group),
            survey_thin=d.id in thin_dims,
        )
        dimension.left_out, dimension.survey_left_out = on.left_out(chosen, d.id), on.left_out("survey", d.id)
        dimensions.append(dimension)
    thin = any(a.survey_provisional for a in areas if a.id in kept)
    index = row(
        "index",
        {"pl": "Indeks LIJW", "en": "LIJW index"},
        Change(*on.pair("survey", None, (before.index.survey, after.index.survey))),
        Change(*on.pair("grades", None, (before.index.grades, after.index.grades))),
        on.group_values(None, 0, before.index.by_group),
        on.group_values(None, 1, after.index.by_group),
        survey_thin=thin if survey_common.partial else before.provisional or after.provisional,
    )
    index.left_out, index.survey_left_out = on.left_out(chosen), on.left_out("survey")
    if on.left_out(chosen) and any(r.value.delta is not None for r in (index, *dimensions)):
        problems.append(
            Problem("change-common-areas", Severity.WARNING, value=", ".join(on.left_out(chosen)))
        )
    comparison = Comparison(
        before=before,
        after=after,
        basis=chosen,
        index=index,
        dimensions=dimensions,
        areas=areas,
        problems=problems,
        common=on.commons,
    )
    if resamples > 0:
        comparison.resamples = resamples
        from liwindex.compare.significance import change_intervals

        change_intervals(comparison, resamples, seed)
    else:
        for compared in (index, *dimensions, *areas):
            compared.ci_reason = "not computed"
    return comparison


_ROUND_WORDS = {
    "before": {"pl": "w pierwszym etapie", "en": "in the first round"},
    "after": {"pl": "w drugim etapie", "en": "in the second round"},
    "both": {"pl": "w obu etapach", "en": "in both rounds"},
}
