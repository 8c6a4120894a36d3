"""The Excel report: one round, or two rounds compared, in sheets a council can read.

Numbers are stored as numbers (Excel shows them with the reader's decimal separator),
headers are frozen, columns sized and pages set for A4. Text that came from a workbook or
a respondent is always stored as plain text with a quote prefix, so it can never turn
into a formula, not even when someone edits the cell later.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liwindex.compare.comparison import Comparison, jst_of, round_label
from liwindex.outputs.excel.sheets import (
    analysis_sheet,
    grades_sheet,
    indicators_sheet,
    method_sheet,
    notes_sheet,
    open_sheet,
    questions_sheet,
    review_sheet,
)
from liwindex.outputs.excel.style import (
    DELTA,
    FLAG_FILL,
    FORMATS,
    PCT,
    SCORE,
    fit_height,
    header,
    layout,
    marked_workbook,
    put,
    safe_text,
)
from liwindex.outputs.sheet_words import w
from liwindex.outputs.tables import area_table
from liwindex.outputs.words import reason_words
from liwindex.scoring.results import ScoreResult

if TYPE_CHECKING:
    from liwindex.analysis.analyze import Analysis, Gap


def write_xlsx(
    path: Path,
    rounds: Sequence[ScoreResult],
    comparison: Comparison | None,
    lang: str,
    analysis: Analysis | None = None,
    mask: bool = True,
) -> None:
    """Write the report of one round (``rounds = [r]``) or of two (``[before, after]``);
    open answers with personal data masked (``mask``), and then a sheet listing each
    masked answer for the officer's review."""
    from liwindex.outputs.excel.context import write_context_sheet
    from liwindex.outputs.open_answers import masked_answers

    wb = marked_workbook()
    summary = wb.active
    summary.title = w("sheet_summary", lang)
    areas = wb.create_sheet(w("sheet_areas", lang))
    value_columns = _areas_sheet(areas, rounds, comparison, lang)
    chart_row = _summary_sheet(summary, rounds, comparison, lang, analysis.gaps if analysis else None)
    chart_title = (
        f"{w('sheet_areas', lang)}: {comparison.basis_words(lang)}"
        if comparison is not None
        else w("chart_areas", lang)
    )
    _charts(summary, areas, rounds, value_columns, lang, chart_row, chart_title)
    questions_sheet(wb.create_sheet(w("sheet_questions", lang)), rounds, lang)
    write_context_sheet(wb, rounds[-1], lang)
    open_sheet(wb.create_sheet(w("sheet_open", lang)), rounds, lang, mask)
    if mask and masked_answers(rounds):
        review_sheet(wb.create_sheet(w("sheet_review", lang)), rounds, lang)
    grades_sheet(wb.create_sheet(w("sheet_grades", lang)), rounds, lang)
    if any(r.indicators for r in rounds):
        indicators_sheet(wb.create_sheet(w("sheet_indicators", lang)), rounds, lang)
    if analysis is not None:
        analysis_sheet(wb.create_sheet(w("sheet_analysis", lang)), analysis, lang)
    notes_sheet(wb.create_sheet(w("sheet_notes", lang)), rounds, comparison, lang)
    method_sheet(wb.create_sheet(w("sheet_method", lang)), rounds[-1], lang)
    wb.save(path)


NAME_WIDTH = 58  # column A of the summary: area and płaszczyzna names


def _summary_sheet(
    ws: Worksheet,
    rounds: Sequence[ScoreResult],
    comparison: Comparison | None,
    lang: str,
    gaps: list[Gap] | None = None,
) -> int:
    """Facts, caveats, the findings, the index and płaszczyzny, strongest and weakest areas
    and how to read them — page 1 when printed; returns the first free row (for the
    charts)."""
    from liwindex.analysis.analyze import gaps_for
    from liwindex.outputs.findings import WORDS, findings, how_to_read
    from liwindex.outputs.headline import headline
    from liwindex.outputs.words import w as report_word

    last = rounds[-1]
    put(ws, 1, 1, w("title", lang), bold=True)
    ws.cell(row=1, column=1).font = Font(bold=True, size=16)
    jst = jst_of(rounds)
    facts = [
        (w("jst", lang), jst or "—"),
        (w("questionnaire", lang), f"{last.questionnaire_id} {last.questionnaire_version}"),
        (
            w("rounds", lang),
            " → ".join(f"{round_label(r, lang)} ({Path(str(r.meta['source'])).name})" for r in rounds),
        ),
        (
            w("respondents", lang),
            "; ".join(f"{round_label(r, lang)}: {r.respondents_line(lang)}" for r in rounds),
        ),
    ]
    for i, (key, fact) in enumerate(facts, 3):
        put(ws, i, 1, key, bold=True)
        put(ws, i, 2, fact, wrap=True)
        ws.merge_cells(start_row=i, start_column=2, end_row=i, end_column=9)
        fit_height(ws, i, [(fact, 90)])  # columns B–I, about 90 characters a line
    row = 8
    caveats = _caveat_lines(rounds, lang)
    if caveats:  # flagged, across columns A–E (about 100 characters a line)
        row = _text_block(ws, row, w("caveats", lang), caveats, last_column=5, chars=100, fill=FLAG_FILL)
    # the report page's "Najważniejsze wnioski", the gap between groups with its interval
    # where the comparison drew the latest round's replicates
    draws = comparison.after_draws if comparison is not None else None
    found = findings(rounds, comparison, gaps or gaps_for(last, draws), lang)
    row = _text_block(ws, row, report_word("findings", lang), [f"• {text}" for text in found])
    # the latest round's LIJW index as score gives it, with its source (SPEC: Headline)
    official = headline(rounds, comparison, lang)
    put(ws, row, 1, official.label, bold=True)
    put(ws, row, 2, official.index, SCORE)
    ws.cell(row=row, column=2).font = Font(bold=True, size=13)
    put(
        ws,
        row,
        3,
        official.source_words + (f" · † {w('provisional', lang).lower()}" if official.thin else ""),
    )
    row += 1
    for text in (official.explanation, official.common_note):
        if text:
            put(ws, row, 1, text, wrap=True)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
            fit_height(ws, row, [(text, 125)])
            row += 1
    row += 1
    if comparison is not None:
        put(ws, row, 1, f"{w('basis', lang)}: {comparison.basis_words(lang)}", bold=True)
        row += 1
        other = (
            w("survey_change", lang)
            if comparison.basis == "grades"
            else w("grades_change", lang)
            if comparison.has_grades
            else None
        )
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
                why = reason_words(line.ci_reason, lang) if line.significant is None else None
                verdict = {True: w("yes", lang), False: "", None: "—"}[line.significant]
                put(ws, i, col + 2, f"— {why}" if why else verdict)
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
    row = _text_block(
        ws,
        row,
        WORDS["en" if lang == "en" else "pl"]["how_title"],
        how_to_read(lang, last.questionnaire, star=starred),
    )
    layout(ws, [NAME_WIDTH, 11, 11, 11, 11, 12, 11, 11, 12], freeze=None)
    ws.page_setup.fitToHeight = 1  # the summary and its chart are one printed page
    return row


def _text_block(
    ws: Worksheet,
    row: int,
    title: str,
    lines: Sequence[str],
    last_column: int = 9,
    chars: int = 125,
    fill: PatternFill | None = None,
) -> int:
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
    return [
        (f"{round_label(x, lang)}: " if len(rounds) > 1 else "") + text
        for x in rounds
        for text in x.caveats(lang)
    ]


def _areas_sheet(
    ws: Worksheet, rounds: Sequence[ScoreResult], comparison: Comparison | None, lang: str
) -> list[int]:
    """The area table; returns the columns holding final values (for the charts)."""
    table = area_table(rounds, comparison, lang)
    header(ws, 1, table.titles)
    for r, cells in enumerate(table.rows, 2):
        for c, (value, kind) in enumerate(cells, 1):
            put(ws, r, c, value, FORMATS.get(kind or ""), wrap=c == 2)
        fit_height(ws, r, [(str(cells[1][0] or ""), 40)])  # the name, wrapped whole
    end = len(table.rows) + 1
    lo, hi = rounds[-1].index_range
    for col in table.value_columns:
        letter = get_column_letter(col)
        ws.conditional_formatting.add(
            f"{letter}2:{letter}{end}",
            ColorScaleRule(
                start_type="num",
                start_value=lo,
                start_color="F8696B",
                mid_type="num",
                mid_value=(lo + hi) / 2,
                mid_color="FFEB84",
                end_type="num",
                end_value=hi,
                end_color="63BE7B",
            ),
        )
    for col in table.delta_columns:
        letter = get_column_letter(col)
        ws.conditional_formatting.add(
            f"{letter}2:{letter}{end}",
            ColorScaleRule(
                start_type="num",
                start_value=-1,
                start_color="F8696B",
                mid_type="num",
                mid_value=0,
                mid_color="FFFFFF",
                end_type="num",
                end_value=1,
                end_color="63BE7B",
            ),
        )
    layout(ws, [7, 40, 12, *[12] * (len(table.titles) - 3)], freeze="D2", landscape=True)
    # printed legibly: at most two pages wide, the area's id and name on every page
    ws.page_setup.fitToWidth = 2 if len(table.titles) > 12 else 1
    ws.print_title_cols = "A:B"
    return table.value_columns


def _charts(
    summary: Worksheet,
    areas: Worksheet,
    rounds: Sequence[ScoreResult],
    value_columns: list[int],
    lang: str,
    row: int,
    title: str,
) -> None:
    """A bar chart of the areas (before and after), under the summary's text, on its page."""
    end = len(rounds[-1].areas) + 1
    categories = Reference(areas, min_col=1, min_row=2, max_row=end)
    lo, hi = rounds[-1].index_range
    bar = BarChart()
    bar.type = "col"
    bar.title = title
    bar.y_axis.scaling.min, bar.y_axis.scaling.max = lo, hi
    bar.y_axis.majorGridlines = None
    from openpyxl.chart.series import SeriesLabel

    # the legend names the rounds ("2024 · wstępna"), not "Przed" and "Po"
    names = [round_label(r, lang) for r in rounds][-len(value_columns) :]
    for col, name in zip(value_columns, names, strict=False):
        bar.add_data(Reference(areas, min_col=col, min_row=2, max_row=end), titles_from_data=False)
        bar.series[-1].tx = SeriesLabel(v=safe_text(name))
    bar.set_categories(categories)
    bar.legend.position = "t"  # above the bars, where it covers none of them
    # across the text's width (columns A–I) under it: the whole summary prints as one page
    bar.height, bar.width = 8, 28
    summary.add_chart(bar, f"A{row}")
