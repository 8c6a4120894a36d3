"""The area table shared by the Excel report and the CSV export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from liwindex.compare.comparison import ComparedRow, Comparison
from liwindex.outputs.sheet_words import w
from liwindex.outputs.words import reason_words
from liwindex.scoring.results import ScoreResult

# Each cell is (value, kind); kind is "score", "delta", "pct" (a fraction), or None (as is).
Cell = tuple[Any, str | None]


@dataclass
class AreaTable:
    """Header titles, rows of cells, and the 1-based columns of final values and changes."""

    titles: list[str]
    rows: list[list[Cell]]
    value_columns: list[int]
    delta_columns: list[int]


def area_table(rounds: Sequence[ScoreResult], comparison: Comparison | None, lang: str) -> AreaTable:
    """Every area with its final value, survey score, group scores, grade and n; for two
    rounds, before, after, change and percent of each."""
    groups = list(dict.fromkeys(g for r in rounds for g in r.respondents_by_group))
    last = rounds[-1]
    titles = [w("area", lang), w("name", lang), w("dimension", lang)]
    rows: list[list[Cell]] = []
    if comparison is None:
        titles += [w("value", lang), w("survey", lang), *[g.upper() for g in groups], w("grade", lang), "n"]
        for area in last.areas:
            rows.append(
                [
                    (area.id, None),
                    (area.label[lang], None),
                    (area.dimension, None),
                    (area.value, "score"),
                    (area.survey, "score"),
                    *[(area.by_group.get(g), "score") for g in groups],
                    (area.grade, "score"),
                    (area.n, None),
                ]
            )
        return AreaTable(titles, rows, value_columns=[4], delta_columns=[])

    b, a = w("before", lang).lower(), w("after", lang).lower()
    survey, change = w("survey", lang), w("change", lang)
    kind = w(f"basis_{comparison.basis}", lang)
    by_grades = comparison.basis == "grades"
    titles += [
        f"{w('before', lang)} ({kind})",
        f"{w('after', lang)} ({kind})",
        f"{change} ({kind})",
        f"{w('change_pct', lang)} ({kind})",
    ]
    if by_grades:
        titles += [f"{survey} {b}", f"{survey} {a}", w("survey_change", lang)]
    else:
        titles += [f"{w('grade', lang)} ({b})", f"{w('grade', lang)} ({a})"]
        if comparison.has_grades:
            titles.append(w("grades_change", lang))
    for g in groups:
        titles += [f"{g.upper()} {b}", f"{g.upper()} {a}", f"{change} ({g.upper()})"]
    survey_change = w("survey_change", lang)
    titles += [
        f"n ({b})",
        f"n ({a})",
        f"{survey_change} {w('ci_low', lang)}",
        f"{survey_change} {w('ci_high', lang)}",
        w("significant", lang),
        w("provisional", lang),
    ]
    before_areas = {x.id: x for x in comparison.before.areas}
    for line in comparison.areas:
        before_area, after_area = before_areas[line.id], last.area(line.id)
        cells: list[Cell] = [
            (line.id, None),
            (line.label[lang], None),
            (line.dimension, None),
            (line.value.before, "score"),
            (line.value.after, "score"),
            (line.value.delta, "delta"),
            (None if line.value.pct is None else line.value.pct / 100, "pct"),
        ]
        if by_grades:
            cells += [
                (line.survey.before, "score"),
                (line.survey.after, "score"),
                (line.survey.delta, "delta"),
            ]
        else:
            cells += [(before_area.grade, "score"), (after_area.grade, "score")]
            if comparison.has_grades:
                cells.append((line.grades.delta if line.grades else None, "delta"))
        for g in groups:
            c = line.by_group[g]
            cells += [(c.before, "score"), (c.after, "score"), (c.delta, "delta")]
        cells += [
            (before_area.n, None),
            (after_area.n, None),
            (line.ci_low, "delta"),
            (line.ci_high, "delta"),
            (_verdict(line, lang), None),
            (w("yes", lang) if line.provisional else "", None),
        ]
        rows.append(cells)
    return AreaTable(titles, rows, value_columns=[4, 5], delta_columns=[6])


def _verdict(line: ComparedRow, lang: str) -> str | None:
    """The significance cell: yes, empty, or why there is no interval (``— za mała grupa``)."""
    if line.significant is not None:
        return w("yes", lang) if line.significant else ""
    why = reason_words(line.ci_reason, lang)
    return f"— {why}" if why else None
