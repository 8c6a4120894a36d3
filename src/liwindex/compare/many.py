"""Many rounds and many local governments: ``liwindex trend`` (one JST across rounds) and
``liwindex benchmark`` (one round per JST, ranked and set against the group's median)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.compare.comparison import ETAP_ORDER, fully_graded, round_label
from liwindex.compare.identity import Seen, identify
from liwindex.problems import InputError, Problem, Report, Severity
from liwindex.scoring.results import ScoreResult

if TYPE_CHECKING:
    from liwindex.compare.indicators import IndicatorSeries


def round_order(result: ScoreResult) -> tuple[int, int, str]:
    """Chronological order of rounds: year, then initial before post-implementation."""
    meta = result.meta
    return (meta.get("rok") or 9999, ETAP_ORDER.get(meta.get("etap") or "", 3), str(meta.get("source")))


def jst_name(result: ScoreResult) -> str:
    """The local government's name from ``metryka``, else the file name."""
    return str(result.meta.get("jst") or Path(str(result.meta.get("source"))).stem)


def _same_questionnaire(results: list[ScoreResult]) -> None:
    ids = {r.questionnaire_id for r in results}
    if len(ids) > 1:
        report = Report()
        report.add("mixed-questionnaires", value=", ".join(sorted(ids)))
        raise InputError(report)


def common_basis(results: list[ScoreResult], problems: list[Problem]) -> str:
    """One basis for many rounds (SPEC §2): ``grades`` when every round grades every area,
    else ``survey`` (with a warning when some rounds had grades)."""
    if all(fully_graded(r) for r in results):
        return "grades"
    graded = [f"{jst_name(r)} {round_label(r)}" for r in results if r.index.source == "grades"]
    if graded:
        problems.append(Problem("many-basis-survey", Severity.WARNING, value=", ".join(graded)))
    return "survey"


def index_on(result: ScoreResult, basis: str) -> float | None:
    """The round's index on ``basis`` (survey or grades)."""
    return result.index.grades if basis == "grades" else result.index.survey


def area_on(result: ScoreResult, area_id: str, basis: str) -> float | None:
    """An area's value on ``basis`` (survey score or grade)."""
    area = next((a for a in result.areas if a.id == area_id), None)
    if area is None:
        return None
    return area.grade if basis == "grades" else area.survey


def dimension_on(result: ScoreResult, dimension_id: str, basis: str) -> float | None:
    """A płaszczyzna's value on ``basis``."""
    d = next((d for d in result.dimensions if d.id == dimension_id), None)
    if d is None:
        return None
    return d.grades if basis == "grades" else d.survey


@dataclass
class Trend:
    """One local government's rounds in chronological order, all on one basis."""

    rounds: list[ScoreResult]
    basis: str = "survey"
    problems: list[Problem] = field(default_factory=list)

    def labels(self, lang: str) -> list[str]:
        """Short names of the rounds (``2024 · wstępna``)."""
        return [round_label(r, lang) for r in self.rounds]

    def basis_words(self, lang: str = "pl") -> str:
        """What the values are: ``wyniki ankiety`` or ``oceny grupy roboczej``."""
        return VALUE_WORDS[self.basis]["en" if lang == "en" else "pl"]

    @property
    def indicators(self) -> list[IndicatorSeries]:
        """The numeric data, one value per round, changed from the first to the last in
        their own units (beside the survey, never part of the index)."""
        from liwindex.compare.indicators import indicator_series

        return indicator_series(self.rounds)

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """Each area, płaszczyzna and the index as a list of values, one per round."""
        first = self.rounds[-1]
        b = self.basis
        return {
            "basis": b,
            "basis_label": self.basis_words(lang),
            "rounds": [
                {
                    "label": round_label(r, lang),
                    "jst": r.meta.get("jst"),
                    "rok": r.meta.get("rok"),
                    "etap": r.meta.get("etap"),
                    "source": r.meta.get("source"),
                    "provisional": b == "survey" and r.provisional,
                    "missing_groups": r.missing_groups,
                }
                for r in self.rounds
            ],
            "index": [index_on(r, b) for r in self.rounds],
            "dimensions": [
                {
                    "id": d.id,
                    "label": d.label[lang],
                    "values": [dimension_on(r, d.id, b) for r in self.rounds],
                }
                for d in first.dimensions
            ],
            "areas": [
                {
                    "id": a.id,
                    "label": a.label[lang],
                    "values": [area_on(r, a.id, b) for r in self.rounds],
                    "provisional": [b == "survey" and r.area(a.id).provisional for r in self.rounds],
                }
                for a in first.areas
            ],
            "indicators": [
                {
                    **{k: v for k, v in i.to_dict(lang).items() if k not in ("before", "after")},
                    "values": list(i.values),
                }
                for i in self.indicators
            ],
            "warnings": [p.message(lang) for p in self.problems],
        }


VALUE_WORDS = {
    "survey": {"pl": "wyniki ankiety", "en": "survey scores"},
    "grades": {"pl": "oceny grupy roboczej", "en": "working-group grades"},
}


def trend(results: list[ScoreResult]) -> Trend:
    """Order rounds chronologically; warn when they seem to be of different local
    governments or some lack the year."""
    _same_questionnaire(results)
    ordered = sorted(results, key=round_order)
    problems = []
    keys, display, _ = identify(
        [Seen(jst_name(r), r.meta.get("teryt"), (r.meta.get("rok"), r.meta.get("etap"))) for r in ordered]
    )
    if len(set(keys)) > 1:
        names = sorted({display[k] for k in keys})
        problems.append(Problem("trend-many-jst", Severity.WARNING, value=", ".join(names)))
    undated = [Path(str(r.meta.get("source"))).name for r in ordered if not r.meta.get("rok")]
    if undated:
        problems.append(Problem("trend-undated", Severity.WARNING, value=", ".join(undated)))
    basis = common_basis(ordered, problems)
    return Trend(rounds=ordered, basis=basis, problems=problems)


@dataclass
class Ranked:
    """One measure (an area or the index) across local governments."""

    id: str
    label: dict[str, str]
    values: dict[str, float | None]
    ranks: dict[str, int | None]
    median: float | None

    def versus_median(self, jst: str) -> float | None:
        """How far a local government is above (+) or below (−) the group's median."""
        value = self.values.get(jst)
        return None if value is None or self.median is None else value - self.median


def rank(
    measure_id: str,
    label: dict[str, str],
    values: dict[str, float | None],
    ranked: set[str] | None = None,
) -> Ranked:
    """Rank 1 is the highest value; ties share the better rank. Only the names in
    ``ranked`` (default: all) get a rank and count for the median."""
    counted = {j: v for j, v in values.items() if ranked is None or j in ranked}
    known = sorted((v for v in counted.values() if v is not None), reverse=True)
    better: dict[float, int] = {}  # each value's rank: one more than the values above it
    for position, v in enumerate(known, start=1):
        better.setdefault(v, position)
    ranks = {j: (None if v is None or j not in counted else better[v]) for j, v in values.items()}
    return Ranked(measure_id, label, values, ranks, statistics.median(known) if known else None)


@dataclass
class Benchmark:
    """One round of each local government, ranked per area and on the index."""

    results: list[ScoreResult]
    index: Ranked
    areas: list[Ranked]
    basis: str = "survey"
    problems: list[Problem] = field(default_factory=list)
    # local governments shown but not ranked, with the reason (i18n "rank_reason_…")
    unranked: dict[str, str] = field(default_factory=dict)
    # each result's local government as shown: its name, with the TERC code when two
    # codes share one name
    display: list[str] = field(default_factory=list)

    def basis_words(self, lang: str = "pl") -> str:
        """What is ranked: ``wyniki ankiety`` or ``oceny grupy roboczej``."""
        return VALUE_WORDS[self.basis]["en" if lang == "en" else "pl"]

    @property
    def names(self) -> list[str]:
        """The local governments in input order."""
        return self.display or [jst_name(r) for r in self.results]

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """Values, ranks, the median and the distance from it, per area and for the index."""
        names = self.names

        def measure(m: Ranked) -> dict[str, Any]:
            return {
                "id": m.id,
                "label": m.label[lang],
                "median": m.median,
                "jst": {
                    j: {"value": m.values[j], "rank": m.ranks[j], "vs_median": m.versus_median(j)}
                    for j in names
                },
            }

        return {
            "basis": self.basis,
            "basis_label": self.basis_words(lang),
            "jst": [
                {
                    "name": name,
                    "rok": r.meta.get("rok"),
                    "etap": r.meta.get("etap"),
                    "source": r.meta.get("source"),
                    "respondents": r.respondents_total,
                    "provisional": self.basis == "survey" and r.provisional,
                    "missing_groups": r.missing_groups,
                    "rank": self.index.ranks.get(name),
                    "rank_reason": self.unranked.get(name),
                }
                for name, r in zip(names, self.results, strict=True)
            ],
            "index": measure(self.index),
            "areas": [measure(a) for a in self.areas],
            "warnings": [p.message(lang) for p in self.problems],
        }


def benchmark(results: list[ScoreResult]) -> Benchmark:
    """One round per local government (by TERC code, else by folded name): when one
    appears twice, the latest round is kept."""
    _same_questionnaire(results)
    ordered = sorted(results, key=round_order)
    keys, display, problems = identify(
        [Seen(jst_name(r), r.meta.get("teryt"), (r.meta.get("rok"), r.meta.get("etap"))) for r in ordered]
    )
    latest: dict[str, ScoreResult] = {}
    older: dict[str, list[str]] = {}
    for result, key in zip(ordered, keys, strict=True):
        older.setdefault(key, [])
        if key in latest:
            older[key].append(round_label(latest[key]))
        latest[key] = result
    # one note per local government, naming every round left out
    for key, left_out in older.items():
        if left_out:
            labels = {"older": ", ".join(left_out), "newer": round_label(latest[key])}
            problems.append(
                Problem("benchmark-older-round", Severity.NOTE, value=display[key], params=labels)
            )
    kept = {id(r): key for key, r in latest.items()}
    chosen = [r for r in results if id(r) in kept]
    names = [display[kept[id(r)]] for r in chosen]
    basis = common_basis(chosen, problems)
    unranked = _outside(chosen, names, basis)
    ranked = {name for name in names if name not in unranked}
    index = rank(
        "index",
        {"pl": "Indeks LIJW", "en": "LIJW index"},
        {name: index_on(r, basis) for name, r in zip(names, chosen, strict=True)},
        ranked,
    )
    areas = [
        rank(
            a.id,
            a.label,
            {name: area_on(r, a.id, basis) for name, r in zip(names, chosen, strict=True)},
            ranked,
        )
        for a in chosen[0].areas
    ]
    return Benchmark(
        results=chosen,
        index=index,
        areas=areas,
        basis=basis,
        problems=problems,
        unranked=unranked,
        display=names,
    )


def _outside(results: list[ScoreResult], names: list[str], basis: str) -> dict[str, str]:
    """The local governments left out of the ranking, with the reason (a key of i18n's
    ``rank_reason_…``): only the largest set whose rounds share the year and stage is
    ranked (like for like, SPEC §2), and no provisional value is."""
    sets: dict[tuple[object, object], list[str]] = {}
    for name, r in zip(names, results, strict=True):
        sets.setdefault((r.meta.get("rok"), r.meta.get("etap")), []).append(name)
    chosen = max(sets, key=lambda k: (len(sets[k]), str(k)))
    out = {name: "other_round" for key, members in sets.items() if key != chosen for name in members}
    for name, r in zip(names, results, strict=True):
        if name not in out and basis == "survey" and r.provisional:
            out[name] = "provisional"
        elif name not in out and index_on(r, basis) is None:
            out[name] = "no_index"
    return out
