"""The Excel report: one round, or two rounds compared, in sheets a council can read.

Numbers are stored as numbers (Excel shows them with the reader's decimal separator),
headers are frozen, columns sized and pages set for A4. Text that came from a workbook or
a respondent is always stored as plain text with a quote prefix, so it can never turn
into a formula, not even when someone edits the cell later.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liwindex.compare.comparison import Comparison, jst_of, round_label
from liwindex.i18n import fmt, t
from liwindex.outputs.files import RISKY_START
from liwindex.outputs.sheet_words import METHOD, w
from liwindex.outputs.tables import area_table
from liwindex.problems import Severity
from liwindex.scoring.results import ScoreResult

if TYPE_CHECKING:
    from liwindex.analysis.analyze import Analysis

SCORE = "0.00"
DELTA = "+0.00;-0.00;0.00"
PCT = "+0.0%;-0.0%;0.0%"
SHARE = "0.0%"
FORMATS = {"score": SCORE, "delta": DELTA, "pct": PCT, "share": SHARE}
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
FLAG_FILL = PatternFill("solid", fgColor="FCE4C4")
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
TOP = Alignment(vertical="top")


def safe_text(value: str) -> str:
    """Text without the control characters a workbook cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def put(ws: Worksheet, row: int, col: int, value: Any, number_format: str | None = None,
        bold: bool = False, wrap: bool = False) -> None:
    """Write one cell; strings always stay plain text, numbers keep their format."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"  # openpyxl would store "=…" as a formula
        if value.startswith(RISKY_START):
            cell.quotePrefix = True
    else:
        cell.value = value
        if number_format and value is not None:
            cell.number_format = number_format
    if bold:
        cell.font = BOLD
    cell.alignment = WRAP if wrap else TOP


def fit_height(ws: Worksheet, row: int, texts_and_widths: Sequence[tuple[str, float]]) -> None:
    """Row height for wrapped text: spreadsheet programs do not grow rows written by
    openpyxl, so long answers would overlap the next row."""
    lines = max(
        (sum(max(1, math.ceil(len(part) / max(width * 1.1, 1))) for part in text.split("\n"))
         for text, width in texts_and_widths if text),
        default=1,
    )
    if lines > 1:
        ws.row_dimensions[row].height = 15 * lines


def header(ws: Worksheet, row: int, titles: Sequence[str], col: int = 1) -> None:
    """A bold, shaded header row."""
    for offset, title in enumerate(titles):
        put(ws, row, col + offset, title, bold=True)
        cell = ws.cell(row=row, column=col + offset)
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGN
    if any(len(t) > 12 for t in titles):
        ws.row_dimensions[row].height = 30


def layout(ws: Worksheet, widths: Sequence[float], freeze: str | None = "A2",
           landscape: bool = False) -> None:
    """Column widths, frozen header, A4 print setup fitted to the page width."""
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    if freeze:
        ws.freeze_panes = freeze
        ws.print_title_rows = f"1:{int(freeze[1:]) - 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_xlsx(path: Path, rounds: Sequence[ScoreResult], comparison: Comparison | None,
               lang: str, analysis: Analysis | None = None) -> None:
    """Write the report of one round (``rounds = [r]``) or of two (``[before, after]``)."""
    wb = Workbook()
    summary = wb.active
    summary.title = w("sheet_summary", lang)
    areas = wb.create_sheet(w("sheet_areas", lang))
    value_columns = _areas_sheet(areas, rounds, comparison, lang)
    chart_row = _summary_sheet(summary, rounds, comparison, lang)
    chart_title = (f"{w('sheet_areas', lang)}: {comparison.basis_words(lang)}" if comparison is not None
                   else w("chart_areas", lang))
    _charts(summary, areas, rounds, value_columns, lang, chart_row, chart_title)
    _questions_sheet(wb.create_sheet(w("sheet_questions", lang)), rounds, lang)
    _open_sheet(wb.create_sheet(w("sheet_open", lang)), rounds, lang)
    _grades_sheet(wb.create_sheet(w("sheet_grades", lang)), rounds, lang)
    if analysis is not None:
        _analysis_sheet(wb.create_sheet(w("sheet_analysis", lang)), analysis, lang)
    _notes_sheet(wb.create_sheet(w("sheet_notes", lang)), rounds, comparison, lang)
    _method_sheet(wb.create_sheet(w("sheet_method", lang)), rounds[-1], lang)
    wb.save(path)


NAME_WIDTH = 58  # column A of the summary: area and płaszczyzna names


def _summary_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], comparison: Comparison | None,
                   lang: str) -> int:
    """Facts, caveats, the findings, the index and płaszczyzny, strongest and weakest areas
    and how to read them — page 1 when printed; returns the first free row (for the
    charts)."""
    from liwindex.analysis.analyze import gaps_for
    from liwindex.outputs.findings import WORDS, findings, how_to_read
    from liwindex.outputs.words import w as report_word

    last = rounds[-1]
    put(ws, 1, 1, w("title", lang), bold=True)
    ws.cell(row=1, column=1).font = Font(bold=True, size=16)
    jst = jst_of(rounds)
    facts = [
        (w("jst", lang), jst or "—"),
        (w("questionnaire", lang), f"{last.questionnaire_id} {last.questionnaire_version}"),
        (w("rounds", lang), " → ".join(f"{round_label(r, lang)} ({Path(str(r.meta['source'])).name})"
                                       for r in rounds)),
        (w("respondents", lang), "; ".join(
            f"{round_label(r, lang)}: {r.respondents_line(lang)}" for r in rounds)),
    ]
    for i, (key, fact) in enumerate(facts, 3):
        put(ws, i, 1, key, bold=True)
        put(ws, i, 2, fact, wrap=True)
        ws.merge_cells(start_row=i, start_column=2, end_row=i, end_column=9)
        fit_height(ws, i, [(fact, 90)])  # columns B–I, about 90 characters a line
    row = 8
    caveats = _caveat_lines(rounds, lang)
    if caveats:  # flagged, across columns A–E (about 100 characters a line)
        row = _text_block(ws, row, w("caveats", lang), caveats, last_column=5, chars=100,
                          fill=FLAG_FILL)
    # the report page's "Najważniejsze wnioski" (the gap between groups without its interval)
    found = findings(rounds, comparison, gaps_for(last, None), lang)
    row = _text_block(ws, row, report_word("findings", lang), [f"• {text}" for text in found])
    if comparison is not None:
        put(ws, row, 1, f"{w('basis', lang)}: {comparison.basis_words(lang)}", bold=True)
        row += 1
        other = (w("survey_change", lang) if comparison.basis == "grades" else
                 w("grades_change", lang) if comparison.has_grades else None)
        titles = ["", w("before", lang), w("after", lang), w("change", lang), w("change_pct", lang)]
        if other:
            titles.append(other)
        if comparison.resamples:
            titles += [w("ci_low", lang), w("ci_high", lang), w("significant", lang)]
        header(ws, row, titles)
        lines = [comparison.index, *comparison.dimensions]
        for i, line in enumerate(lines, row + 1):
            name = line.label[lang] if line.id == "index" else f"{line.id} {line.label[lang]}"
            put(ws, i, 1, name, bold=line.id == "index", wrap=True)
            fit_height(ws, i, [(name, NAME_WIDTH)])
            put(ws, i, 2, line.value.before, SCORE)
            put(ws, i, 3, line.value.after, SCORE)
            put(ws, i, 4, line.value.delta, DELTA)
            put(ws, i, 5, None if line.value.pct is None else line.value.pct / 100, PCT)
            col = 6
            if other:
                shown = line.survey if comparison.basis == "grades" else line.grades
                put(ws, i, col, shown.delta if shown else None, DELTA)
                col += 1
            if comparison.resamples:
                put(ws, i, col, line.ci_low, DELTA)
                put(ws, i, col + 1, line.ci_high, DELTA)
                put(ws, i, col + 2, {True: w("yes", lang), False: "", None: "—"}[line.significant])
                ws.cell(row=i, column=col + 2).alignment = Alignment(horizontal="center", vertical="top")
        row += len(lines) + 1
        if comparison.resamples:
            note = w("star_note", lang).format(min=last.min_group_n)
            put(ws, row, 1, note, wrap=True)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
            fit_height(ws, row, [(note, 100)])
            row += 1
        row += 1
    else:
        header(ws, row, ["", w("value", lang), w("survey", lang), w("grade", lang)])
        put(ws, row + 1, 1, w("index", lang), bold=True)
        for col, value in enumerate((last.index.value, last.index.survey, last.index.grades), 2):
            put(ws, row + 1, col, value, SCORE)
        for i, d in enumerate(last.dimensions, row + 2):
            put(ws, i, 1, f"{d.id} {d.label[lang]}", wrap=True)
            fit_height(ws, i, [(f"{d.id} {d.label[lang]}", NAME_WIDTH)])
            for col, value in enumerate((d.value, d.survey, d.grades), 2):
                put(ws, i, col, value, SCORE)
        row += len(last.dimensions) + 3

    basis = comparison.basis if comparison is not None else None
    strongest, weakest = last.strongest_and_weakest(basis=basis)
    lists: list[tuple[str, list[tuple[str, float | None, str]]]] = [
        ("strongest", [(f"{a.id} {a.label[lang]}", last.area_value(a.id, basis), SCORE) for a in strongest]),
        ("weakest", [(f"{a.id} {a.label[lang]}", last.area_value(a.id, basis), SCORE) for a in weakest]),
    ]
    if comparison is not None:
        gains, drops = comparison.largest()
        lists += [
            ("gains", [(f"{a.id} {a.label[lang]}", a.value.delta, DELTA) for a in gains]),
            ("drops", [(f"{a.id} {a.label[lang]}", a.value.delta, DELTA) for a in drops]),
        ]
    for key, items in lists:
        put(ws, row, 1, w(key, lang), bold=True)
        row += 1
        for label, value, number_format in items or [("—", None, SCORE)]:
            put(ws, row, 1, label, wrap=True)  # whole names: wrapped, never cut
            fit_height(ws, row, [(label, NAME_WIDTH)])
            put(ws, row, 2, value, number_format)
            row += 1
        row += 1
    starred = comparison is not None and comparison.resamples > 0
    row = _text_block(ws, row, WORDS["en" if lang == "en" else "pl"]["how_title"],
                      how_to_read(lang, last.questionnaire, star=starred))
    layout(ws, [NAME_WIDTH, 11, 11, 11, 11, 12, 11, 11, 12], freeze=None)
    return row


def _text_block(ws: Worksheet, row: int, title: str, lines: Sequence[str], last_column: int = 9,
                chars: int = 125, fill: PatternFill | None = None) -> int:
    """A bold title and wrapped lines merged across columns A to ``last_column`` (whole,
    each row as tall as its text at ``chars`` characters a line; A–I hold about 125);
    returns the row after a blank one."""
    put(ws, row, 1, title, bold=True)
    for line in lines:
        row += 1
        put(ws, row, 1, line, wrap=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)
        if fill is not None:
            ws.cell(row=row, column=1).fill = fill
        fit_height(ws, row, [(line, chars)])
    return row + 2


def _caveat_lines(rounds: Sequence[ScoreResult], lang: str) -> list[str]:
    """Missing groups and provisional areas of each round, as sentences."""
    return [(f"{round_label(x, lang)}: " if len(rounds) > 1 else "") + text
            for x in rounds for text in x.caveats(lang)]


def _areas_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], comparison: Comparison | None,
                 lang: str) -> list[int]:
    """The area table; returns the columns holding final values (for the charts)."""
    table = area_table(rounds, comparison, lang)
    header(ws, 1, table.titles)
    if any(len(t) > 24 for t in table.titles):  # "Ocena grupy roboczej (przed)": three lines
        ws.row_dimensions[1].height = 45
    for r, cells in enumerate(table.rows, 2):
        for c, (value, kind) in enumerate(cells, 1):
            put(ws, r, c, value, FORMATS.get(kind or ""), wrap=c == 2)
        fit_height(ws, r, [(str(cells[1][0] or ""), 40)])  # the name, wrapped whole
    end = len(table.rows) + 1
    lo, hi = rounds[-1].index_range
    for col in table.value_columns:
        letter = get_column_letter(col)
        ws.conditional_formatting.add(f"{letter}2:{letter}{end}", ColorScaleRule(
            start_type="num", start_value=lo, start_color="F8696B", mid_type="num",
            mid_value=(lo + hi) / 2, mid_color="FFEB84", end_type="num", end_value=hi,
            end_color="63BE7B"))
    for col in table.delta_columns:
        letter = get_column_letter(col)
        ws.conditional_formatting.add(f"{letter}2:{letter}{end}", ColorScaleRule(
            start_type="num", start_value=-1, start_color="F8696B", mid_type="num", mid_value=0,
            mid_color="FFFFFF", end_type="num", end_value=1, end_color="63BE7B"))
    layout(ws, [7, 40, 12, *[12] * (len(table.titles) - 3)], freeze="D2", landscape=True)
    return table.value_columns


def _charts(summary: Worksheet, areas: Worksheet, rounds: Sequence[ScoreResult],
            value_columns: list[int], lang: str, row: int, title: str) -> None:
    """A bar chart of the areas (before and after) and a radar of the same values."""
    end = len(rounds[-1].areas) + 1
    categories = Reference(areas, min_col=1, min_row=2, max_row=end)
    lo, hi = rounds[-1].index_range
    bar = BarChart()
    bar.type = "col"
    bar.title = title
    bar.y_axis.scaling.min, bar.y_axis.scaling.max = lo, hi
    bar.y_axis.majorGridlines = None
    radar = RadarChart()
    radar.type = "marker"
    radar.title = w("chart_radar", lang)
    radar.y_axis.scaling.min, radar.y_axis.scaling.max = lo, hi
    from openpyxl.chart.series import SeriesLabel
    from openpyxl.worksheet.pagebreak import Break

    # the legend names the rounds ("2024 · wstępna"), not "Przed" and "Po"
    names = [round_label(r, lang) for r in rounds][-len(value_columns):]
    for chart in (bar, radar):
        for col, name in zip(value_columns, names, strict=False):
            chart.add_data(Reference(areas, min_col=col, min_row=2, max_row=end), titles_from_data=False)
            chart.series[-1].tx = SeriesLabel(v=safe_text(name))
        chart.set_categories(categories)
        chart.height, chart.width = 8.5, 17
    # Below the tables, one under the other, so the page prints as portrait A4; a page
    # break before each chart keeps it whole on its page.
    summary.add_chart(bar, f"A{row}")
    summary.add_chart(radar, f"A{row + 18}")
    summary.row_breaks.append(Break(id=row - 1))
    summary.row_breaks.append(Break(id=row + 17))


def _questions_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], lang: str) -> None:
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
            header(ws, row, [w("question", lang), w("area", lang), w("text", lang), w("group", lang),
                             "n", w("mean", lang), *[c.label.get(lang) for c in scale.choices]])
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


def _open_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], lang: str) -> None:
    """Open answers grouped by round, question and group."""
    header(ws, 1, [w("round", lang), w("question", lang), w("group", lang), w("answer", lang),
                   w("row", lang)])
    row = 2
    for result in rounds:
        q = result.questionnaire
        assert q is not None
        texts = {c.id: c.text.get(lang) for c in q.context_questions}
        order = {c.id: i for i, c in enumerate(q.context_questions)}
        groups = {g: i for i, g in enumerate(q.group_ids)}
        labels = q.group_labels(lang)
        answers = sorted(result.open_answers,
                         key=lambda a: (order.get(a.question, 99), groups.get(a.group, 99), a.row))
        for answer in answers:
            put(ws, row, 1, round_label(result, lang))
            put(ws, row, 2, texts.get(answer.question, answer.question), wrap=True)
            put(ws, row, 3, labels.get(answer.group, answer.group))
            put(ws, row, 4, answer.text, wrap=True)
            # a round of several files: which file the row is in
            put(ws, row, 5, f"{Path(answer.file).name}, {answer.row}" if answer.file else answer.row)
            fit_height(ws, row, [(answer.text, 80), (texts.get(answer.question, ""), 40)])
            row += 1
    layout(ws, [18, 40, 8, 80, 10])


def _grades_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], lang: str) -> None:
    """The working group's grades with justifications and recommendations."""
    header(ws, 1, [w("round", lang), w("area", lang), w("name", lang), w("grade", lang),
                   w("survey", lang), w("justification", lang), w("recommendations", lang)])
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
            fit_height(ws, row, [(area.label[lang], 40), (grade.justification, 50),
                                 (grade.recommendations, 50)])
            row += 1
    layout(ws, [18, 8, 40, 12, 10, 50, 50], landscape=True)


def _notes_sheet(ws: Worksheet, rounds: Sequence[ScoreResult], comparison: Comparison | None,
                 lang: str) -> None:
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
    header(ws, row, [w("round", lang), w("area", lang), w("group", lang), "n", w("asked", lang),
                     w("answered_share", lang), w("na_share", lang), w("flag", lang)])
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
    "pl": {"index_range": "Zakres indeksu", "grade_step": "Krok ocen grupy roboczej",
           "aggregation": "Indeks liczony ze średniej",
           "group_weighting": "Udział grup w wyniku obszaru",
           "min_answered": "Najmniejszy odsetek pytań obszaru z odpowiedzią",
           "min_area_coverage": "Najmniejszy odsetek obszarów z wynikiem",
           "min_group_n": "Najmniej odpowiedzi grupy, poniżej wynik wstępny"},
    "en": {"index_range": "Index range (index_range)", "grade_step": "Grade step (grade_step)",
           "aggregation": "Index as the mean of (aggregation)",
           "group_weighting": "Groups in an area's score (group_weighting)",
           "min_answered": "Least share of an area's questions answered (min_answered)",
           "min_area_coverage": "Least share of areas with a score (min_area_coverage)",
           "min_group_n": "Fewest answers of a group before a score is provisional (min_group_n)"},
}
SETTING_VALUES = {
    "pl": {"range": "od {lo} do {hi}", "dimensions": "płaszczyzn", "areas": "obszarów",
           "equal": "równo — średnia wyników grup", "pooled": "łącznie — średnia wszystkich respondentów"},
    "en": {"range": "{lo} to {hi}", "dimensions": "płaszczyzny", "areas": "areas",
           "equal": "equally — the mean of the group scores",
           "pooled": "pooled — the mean of all respondents"},
}


def _method_sheet(ws: Worksheet, result: ScoreResult, lang: str) -> None:
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
    for paragraph in METHOD[lang if lang in METHOD else "pl"]:
        put(ws, row, 1, paragraph, wrap=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.row_dimensions[row].height = 45
        row += 1
    layout(ws, [34, 86], freeze=None)


def _analysis_sheet(ws: Worksheet, analysis: Analysis, lang: str) -> None:
    """Intervals, the gap between groups, reliability and sensitivity of one round."""
    row = 1
    first, second = analysis.groups or ("", "")
    put(ws, row, 1, w("gap_title", lang).format(first=first.upper(), second=second.upper()), bold=True)
    row += 1
    header(ws, row, [w("area", lang), first.upper(), second.upper(), w("difference", lang),
                     w("ci_low", lang), w("ci_high", lang), w("significant", lang)])
    for gap in analysis.gaps:
        row += 1
        cells = [gap.area, gap.first, gap.second, gap.difference, gap.ci_low, gap.ci_high]
        for c, value in enumerate(cells, 1):
            put(ws, row, c, value, DELTA if c >= 4 else SCORE)
        put(ws, row, 7, w("yes", lang) if gap.significant else "")
    row += 2
    put(ws, row, 1, w("reliability_title", lang), bold=True)
    row += 1
    header(ws, row, [w("area", lang), w("group", lang), "n", "k", "alfa", w("weakest_item", lang)])
    q = analysis.result.questionnaire
    labels = q.group_labels(lang) if q is not None else {}
    for table in analysis.reliability:
        row += 1
        weakest = min((i for i in table.items if i.item_rest is not None), key=lambda i: i.item_rest or 0,
                      default=None)
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
