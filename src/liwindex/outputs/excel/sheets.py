"""The round report's detail sheets: questions, open answers, grades and recommendations,
data-quality notes, the method and the analysis."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from liwindex.analysis.bootstrap import DEFAULT_RESAMPLES
from liwindex.compare.comparison import Comparison, round_label
from liwindex.i18n import fmt, t
from liwindex.outputs.excel.style import (
    DELTA,
    FLAG_FILL,
    SCORE,
    SHARE,
    fit_height,
    header,
    layout,
    put,
)
from liwindex.outputs.sheet_words import PROVENANCE, STATISTICS, method_paragraphs, w
from liwindex.outputs.words import reason_words
from liwindex.problems import Severity
from liwindex.scoring.results import ScoreResult

if TYPE_CHECKING:
    from liwindex.analysis.analyze import Analysis


def questions_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], lang: str) -> None:
    """Per round and per scale: each question and group with n, mean and answer shares."""
    row = 1
    widths = [10, 8, 60, 24, 6, 9] + [13] * 8
    for result in rounds:
        q = result.questionnaire
        assert q is not None
        put(ws, row, 1, f"{w('round', lang)}: {round_label(result, lang)}", bold=True)
        row += 2
        items = {i.id: i for i in result.items}
        group_labels = q.group_labels(lang)
        for scale in q.scales:
            questions = [x for x in q.questions if x.scale == scale.id]
            if not questions:
                continue
            # the scale by its answers (its id is the questionnaire's internal name)
            scored = [c.label.get(lang) for c in scale.choices if not c.na]
            words = f"{scored[0]} … {scored[-1]}" if len(scored) > 1 else scale.id
            put(ws, row, 1, f"{w('scale', lang)}: {words}", bold=True)
            row += 1
            header(
                ws,
                row,
                [
                    w("question", lang),
                    w("area", lang),
                    w("text", lang),
                    w("group", lang),
                    "n",
                    w("mean", lang),
                    *[c.label.get(lang) for c in scale.choices],
                ],
            )
            row += 1
            for x in questions:
                for g, stats in items[x.id].by_group.items():
                    total = sum(stats.distribution.values())
                    put(ws, row, 1, x.id)
                    put(ws, row, 2, q.question_area[x.id])
                    put(ws, row, 3, x.text.get(lang), wrap=True)
                    put(ws, row, 4, group_labels.get(g, g))
                    put(ws, row, 5, stats.n)
                    put(ws, row, 6, stats.mean, SCORE)
                    fit_height(ws, row, [(x.text.get(lang), widths[2])])
                    for c, choice in enumerate(scale.choices, 7):
                        count = stats.distribution.get(choice.code, 0)
                        put(ws, row, c, count / total if total else None, SHARE)
                    row += 1
            row += 1
    layout(ws, widths, freeze=None, landscape=True)


def open_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], lang: str, mask: bool = True) -> None:
    """Open answers grouped by round, question and group; personal data masked unless
    ``mask`` is off; answers without content ("nie wiem", "-") left out."""
    from liwindex.outputs.open_answers import shown_text
    from liwindex.responses.screening import is_non_answer

    header(
        ws, 1, [w("round", lang), w("question", lang), w("group", lang), w("answer", lang), w("row", lang)]
    )
    row = 2
    for result in rounds:
        q = result.questionnaire
        assert q is not None
        texts = {c.id: c.text.get(lang) for c in q.context_questions}
        order = {c.id: i for i, c in enumerate(q.context_questions)}
        groups = {g: i for i, g in enumerate(q.group_ids)}
        labels = q.group_labels(lang)
        answers = sorted(
            (a for a in result.open_answers if not is_non_answer(a.text)),
            key=lambda a: (order.get(a.question, 99), groups.get(a.group, 99), a.row),
        )
        for answer in answers:
            text = shown_text(answer, mask)
            put(ws, row, 1, round_label(result, lang))
            put(ws, row, 2, texts.get(answer.question, answer.question), wrap=True)
            put(ws, row, 3, labels.get(answer.group, answer.group))
            put(ws, row, 4, text, wrap=True)
            # a round of several files: which file the row is in
            put(ws, row, 5, f"{Path(answer.file).name}, {answer.row}" if answer.file else answer.row)
            fit_height(ws, row, [(text, 80), (texts.get(answer.question, ""), 40)])
            row += 1
    layout(ws, [18, 40, 8, 80, 10])


def review_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], lang: str) -> None:
    """For the officer, not for publication: every open answer in which personal data was
    masked — the text as written, as published, what was found, and where it is."""
    from liwindex.outputs.open_answers import masked_answers

    put(ws, 1, 1, w("review_warning", lang), bold=True)
    ws.cell(row=1, column=1).fill = FLAG_FILL
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    fit_height(ws, 1, [(w("review_warning", lang), 150)])
    titles = [w(k, lang) for k in ("round", "file", "row", "found", "original", "published")]
    header(ws, 2, titles)
    kinds = PERSONAL_KINDS["en" if lang == "en" else "pl"]
    for i, (result, answer) in enumerate(masked_answers(rounds), 3):
        put(ws, i, 1, round_label(result, lang))
        put(ws, i, 2, Path(answer.file or str(result.meta.get("source") or "")).name)
        put(ws, i, 3, answer.row)
        put(ws, i, 4, ", ".join(kinds.get(k, k) for k in answer.screened.kinds), wrap=True)
        put(ws, i, 5, answer.text, wrap=True)
        put(ws, i, 6, answer.screened.text, wrap=True)
        fit_height(ws, i, [(answer.text, 60), (answer.screened.text, 60)])
    layout(ws, [16, 24, 8, 16, 62, 62], freeze="A3", landscape=True)


PERSONAL_KINDS = {
    "pl": {
        "address": "adres",
        "email": "e-mail",
        "iban": "numer konta",
        "id_number": "numer dokumentu",
        "name": "imię lub nazwisko",
        "nip": "NIP",
        "pesel": "PESEL",
        "phone": "telefon",
        "regon": "REGON",
    },
    "en": {
        "address": "address",
        "email": "e-mail",
        "iban": "bank account",
        "id_number": "identity number",
        "name": "name",
        "nip": "NIP",
        "pesel": "PESEL",
        "phone": "phone",
        "regon": "REGON",
    },
}


def grades_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], lang: str) -> None:
    """The working group's grades with justifications and recommendations."""
    header(
        ws,
        1,
        [
            w("round", lang),
            w("area", lang),
            w("name", lang),
            w("grade", lang),
            w("survey", lang),
            w("justification", lang),
            w("recommendations", lang),
        ],
    )
    row = 2
    for result in rounds:
        for area in result.areas:
            grade = result.grades.get(area.id)
            if grade is None:
                continue
            put(ws, row, 1, round_label(result, lang))
            put(ws, row, 2, area.id)
            put(ws, row, 3, area.label[lang], wrap=True)
            put(ws, row, 4, grade.value, SCORE)
            put(ws, row, 5, area.survey, SCORE)
            put(ws, row, 6, grade.justification, wrap=True)
            put(ws, row, 7, grade.recommendations, wrap=True)
            fit_height(
                ws, row, [(area.label[lang], 40), (grade.justification, 50), (grade.recommendations, 50)]
            )
            row += 1
    layout(ws, [18, 8, 40, 12, 10, 50, 50], landscape=True)


# the number formats of an indicator's value by its unit (a percentage is stored as 12.5)
UNIT_FORMATS = {"count": "#,##0", "PLN": '#,##0.00 "zł"', "percent": '0.0#"%"'}
# a change: signed, a percentage in percentage points
DELTA_FORMATS = {
    "count": "+#,##0;−#,##0;0",
    "PLN": '+#,##0.00 "zł";−#,##0.00 "zł";0 "zł"',
    "percent": '+0.0# "p.p.";−0.0# "p.p.";0 "p.p."',
}


def indicators_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], lang: str) -> None:
    """The numeric data per area (beside the survey, never in the index): one value column
    per round and, for several rounds, the change in the indicator's unit (a percentage in
    percentage points)."""
    from liwindex.compare.indicators import indicator_series

    last = rounds[-1]
    places = {}
    for d in last.dimensions:
        places[d.id] = f"{d.id} {d.label[lang]}"
        places.update({a.id: f"{a.id} {a.label[lang]}" for a in last.areas if a.dimension == d.id})
    order = list(places)
    series = sorted(
        indicator_series(rounds), key=lambda i: order.index(i.place) if i.place in order else len(order)
    )
    several = len(rounds) > 1
    labels = [round_label(r, lang) for r in rounds] if several else [w("indicator_value", lang)]
    titles = [
        w("indicator_place", lang),
        w("indicator", lang),
        w("indicator_name", lang),
        w("unit", lang),
        *labels,
        *([w("indicator_change", lang)] if several else []),
        w("indicator_note", lang),
    ]
    put(ws, 1, 1, w("indicators_note", lang), wrap=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(titles))
    ws.row_dimensions[1].height = 45
    header(ws, 2, titles)
    for row, i in enumerate(series, 3):
        label = i.label.get(lang) or i.label["pl"]
        place = places.get(i.place, i.place)
        note = next((n for n in reversed(i.notes) if n), "")
        put(ws, row, 1, place, wrap=True)
        put(ws, row, 2, i.id)
        put(ws, row, 3, label, wrap=True)
        put(ws, row, 4, w(f"unit_{i.unit}", lang))
        for col, value in enumerate(i.values, 5):
            put(ws, row, col, value, UNIT_FORMATS[i.unit])
        col = 5 + len(i.values)
        if several:
            put(ws, row, col, i.delta, DELTA_FORMATS[i.unit])
            col += 1
        put(ws, row, col, note, wrap=True)
        fit_height(ws, row, [(place, 36), (label, 40), (note, 40)])
    widths = [36, 22, 40, 10, *[16] * len(labels), *([16] if several else []), 40]
    layout(ws, widths, freeze="A3", landscape=True)


def notes_sheet(
    ws: Worksheet, rounds: Sequence[ScoreResult], comparison: Comparison | None, lang: str
) -> None:
    """Warnings and notes, then the data quality of every area and group."""
    header(ws, 1, [w("round", lang), w("kind", lang), w("message", lang)])
    row = 2
    entries = [(round_label(r, lang), p) for r in rounds for p in r.problems]
    entries += [(w("rounds", lang), p) for p in (comparison.problems if comparison else [])]
    for label, problem in entries:
        put(ws, row, 1, label)
        put(ws, row, 2, w(str(problem.severity), lang))
        put(ws, row, 3, problem.message(lang), wrap=True)
        fit_height(ws, row, [(problem.message(lang), 100)])
        if problem.severity is Severity.WARNING:
            ws.cell(row=row, column=2).fill = FLAG_FILL
        row += 1
    if not entries:
        put(ws, row, 1, w("no_notes", lang))
        row += 1

    row += 1
    put(ws, row, 1, w("quality", lang), bold=True)
    row += 1
    header(
        ws,
        row,
        [
            w("round", lang),
            w("area", lang),
            w("group", lang),
            "n",
            w("asked", lang),
            w("answered_share", lang),
            w("na_share", lang),
            w("flag", lang),
        ],
    )
    row += 1
    for result in rounds:
        labels = result.questionnaire.group_labels(lang) if result.questionnaire is not None else {}
        for area in result.areas:
            for g, quality in area.quality.items():
                if not quality.asked:
                    continue
                n = area.n_by_group.get(g, 0)
                flags = []
                if n == 0:
                    flags.append(w("flag_none", lang))
                if quality.answered_share is not None and quality.answered_share < 0.5:
                    flags.append(w("flag_low", lang))
                if quality.na_share is not None and quality.na_share > 0.3:
                    flags.append(w("flag_na", lang))
                values = [round_label(result, lang), area.id, labels.get(g, g), n, quality.asked]
                for c, value in enumerate(values, 1):
                    put(ws, row, c, value)
                put(ws, row, 6, quality.answered_share, SHARE)
                put(ws, row, 7, quality.na_share, SHARE)
                put(ws, row, 8, ", ".join(flags))
                if flags:
                    for c in range(1, 9):
                        ws.cell(row=row, column=c).fill = FLAG_FILL
                row += 1
    layout(ws, [18, 12, 100, 8, 14, 14, 14, 22])


SETTING_NAMES = {
    "pl": {
        "index_range": "Zakres indeksu",
        "grade_step": "Krok ocen grupy roboczej",
        "aggregation": "Indeks liczony ze średniej",
        "group_weighting": "Udział grup w wyniku obszaru",
        "min_answered": "Najmniejszy odsetek pytań obszaru z odpowiedzią",
        "min_area_coverage": "Najmniejszy odsetek obszarów z wynikiem",
        "min_group_n": "Najmniej odpowiedzi grupy, poniżej wynik orientacyjny",
    },
    "en": {
        "index_range": "Index range (index_range)",
        "grade_step": "Grade step (grade_step)",
        "aggregation": "Index as the mean of (aggregation)",
        "group_weighting": "Groups in an area's score (group_weighting)",
        "min_answered": "Least share of an area's questions answered (min_answered)",
        "min_area_coverage": "Least share of areas with a score (min_area_coverage)",
        "min_group_n": "Fewest answers of a group before a score is provisional (min_group_n)",
    },
}


SETTING_VALUES = {
    "pl": {
        "range": "od {lo} do {hi}",
        "dimensions": "płaszczyzn",
        "areas": "obszarów",
        "equal": "równo — średnia wyników grup",
        "pooled": "łącznie — średnia wszystkich respondentów",
    },
    "en": {
        "range": "{lo} to {hi}",
        "dimensions": "płaszczyzny",
        "areas": "areas",
        "equal": "equally — the mean of the group scores",
        "pooled": "pooled — the mean of all respondents",
    },
}


def method_sheet(ws: Worksheet, result: ScoreResult, lang: str) -> None:
    """The questionnaire, the scoring settings used and the rules in plain words."""
    q = result.questionnaire
    assert q is not None
    s = q.scoring
    put(ws, 1, 1, w("title_method", lang), bold=True)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    header(ws, 3, [w("setting", lang), w("setting_value", lang)])
    # each setting by its name for readers (in English with its key in the questionnaire file)
    names = SETTING_NAMES["en" if lang == "en" else "pl"]
    values = SETTING_VALUES["en" if lang == "en" else "pl"]
    settings: list[tuple[str, Any, str | None]] = [
        (w("questionnaire", lang), f"{q.title.get(lang)} ({q.id} {q.version})", None),
        (names["index_range"], values["range"].format(lo=fmt(s.lo, lang, 0), hi=fmt(s.hi, lang, 0)), None),
        (names["grade_step"], s.grade_step, "0.0#"),
        (names["aggregation"], values[s.aggregation], None),
        (names["group_weighting"], values[s.group_weighting], None),
        (names["min_answered"], s.min_answered, "0%"),
        (names["min_area_coverage"], s.min_area_coverage, "0%"),
        (names["min_group_n"], s.min_group_n, "0"),
    ]
    for i, (key, value, number_format) in enumerate(settings, 4):
        put(ws, i, 1, key, wrap=True)
        put(ws, i, 2, value, number_format)
        fit_height(ws, i, [(key, 30)])
    row = 4 + len(settings) + 1
    key = "en" if lang == "en" else "pl"
    paragraphs = method_paragraphs(lang, s)
    if q.id == "lijw-standard":
        paragraphs.append(PROVENANCE[key])
    draws = f"{DEFAULT_RESAMPLES:,}".replace(",", " " if key == "pl" else ",")
    paragraphs.append(STATISTICS[key].format(resamples=draws))
    for paragraph in paragraphs:
        put(ws, row, 1, paragraph, wrap=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        fit_height(ws, row, [(paragraph, 115)])
        row += 1
    layout(ws, [34, 86], freeze=None)


def analysis_sheet(ws: Worksheet, analysis: Analysis, lang: str) -> None:
    """Intervals, the gap between groups, reliability and sensitivity of one round."""
    row = 1
    first, second = analysis.groups or ("", "")
    put(ws, row, 1, w("gap_title", lang).format(first=first.upper(), second=second.upper()), bold=True)
    row += 1
    header(
        ws,
        row,
        [
            w("area", lang),
            first.upper(),
            second.upper(),
            w("difference", lang),
            w("ci_low", lang),
            w("ci_high", lang),
            w("significant", lang),
        ],
    )
    for gap in analysis.gaps:
        row += 1
        cells = [gap.area, gap.first, gap.second, gap.difference, gap.ci_low, gap.ci_high]
        for c, value in enumerate(cells, 1):
            put(ws, row, c, value, DELTA if c >= 4 else SCORE)
        why = reason_words(gap.reason, lang) if gap.ci is None else None
        put(ws, row, 7, f"— {why}" if why else w("yes", lang) if gap.significant else "")
    row += 2
    put(ws, row, 1, w("reliability_title", lang), bold=True)
    row += 1
    header(ws, row, [w("area", lang), w("group", lang), "n", "k", "alfa", w("weakest_item", lang)])
    q = analysis.result.questionnaire
    labels = q.group_labels(lang) if q is not None else {}
    for table in analysis.reliability:
        row += 1
        weakest = min(
            (i for i in table.items if i.item_rest is not None), key=lambda i: i.item_rest or 0, default=None
        )
        group = labels.get(table.group, table.group)  # the group's label, not its code
        for c, cell in enumerate([table.area, group, table.n, table.k], 1):
            put(ws, row, c, cell)
        if table.status in ("too_few", "undefined"):
            put(ws, row, 5, w(f"alpha_{table.status}", lang))
        else:
            put(ws, row, 5, table.alpha, SCORE)
        r_text = fmt(weakest.item_rest, lang) if weakest else ""
        put(ws, row, 6, f"{weakest.id} (r = {r_text})" if weakest else "")
        if table.low:
            ws.cell(row=row, column=5).fill = FLAG_FILL
    row += 2
    put(ws, row, 1, w("sensitivity_title", lang), bold=True)
    row += 1
    header(ws, row, [w("setting", lang), w("index", lang), "Spearman", w("rank_shift", lang)])
    for variant in analysis.sensitivity:
        row += 1
        put(ws, row, 1, variant.label(lang), wrap=True)
        put(ws, row, 2, variant.index, SCORE)
        put(ws, row, 3, variant.rank_correlation, SCORE)
        put(ws, row, 4, variant.largest_rank_shift)
        fit_height(ws, row, [(variant.label(lang), 34)])
    notes = [t("sensitivity_omitted", lang)] * bool(analysis.sensitivity_omitted)
    notes += [t("sensitivity_grades", lang)] * analysis.headline_from_grades
    for note in notes:
        row += 1
        put(ws, row, 1, note, wrap=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        fit_height(ws, row, [(note, 100)])
    layout(ws, [34, 12, 12, 12, 12, 22, 12], freeze=None)
