"""The batch summary as a workbook: one row per JST, numbers as numbers, links to its files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.outputs.excel.style import DELTA, SCORE, fit_height, header, layout, marked_workbook, put
from liwindex.outputs.summary_words import HEAD, WORDS, changes_line, quality_lines

if TYPE_CHECKING:
    from liwindex.compare.batch import BatchResult


def write_summary_xlsx(path: Path, batch: BatchResult, lang: str) -> None:
    """The summary as a workbook: one row per JST, numbers as numbers, links to its files."""

    words = WORDS[lang]
    wb = marked_workbook()
    ws = wb.active
    ws.title = "Zestawienie" if lang == "pl" else "Summary"
    header(ws, 1, HEAD[lang])
    ok = batch.ranked()
    for row, run in enumerate(ok, 2):
        cells = run.cells(lang)
        put(ws, row, 1, run.rank)
        put(ws, row, 2, run.name)
        put(ws, row, 3, cells[2])
        put(ws, row, 4, run.before, SCORE)
        put(ws, row, 5, run.after, SCORE)
        put(ws, row, 6, run.delta, DELTA)
        put(ws, row, 7, cells[6] + (" †" if run.provisional else ""))
        put(ws, row, 8, run.results[-1].respondents_short(lang), wrap=True)
        put(ws, row, 9, run.note(lang), wrap=True)
        fit_height(ws, row, [(run.note(lang), 30), (run.results[-1].respondents_short(lang), 30)])
        put(ws, row, 10, f"{run.slug}.xlsx")
        ws.cell(row=row, column=10).hyperlink = f"{run.slug}.xlsx"
    last = len(ok) + 3
    put(ws, last, 1, words["rank_note"])
    if changes_line(batch, lang):
        last += 1
        put(ws, last, 1, changes_line(batch, lang))
    if any(r.provisional for r in ok):
        put(ws, last + 1, 1, words["provisional"])
    k = last + 3
    for run in [r for r in batch.runs if r.failed]:
        put(ws, k, 2, run.name)
        put(ws, k, 3, run.failure(lang), wrap=True)
        fit_height(ws, k, [(run.failure(lang), 34)])
        k += 1
    layout(ws, [9, 34, 34, 14, 14, 10, 22, 30, 30, 28], landscape=True)
    _areas_sheet(wb, batch, lang)
    lines = quality_lines(batch, lang)
    if lines:
        quality = wb.create_sheet(words["quality_h"])
        put(quality, 1, 1, words["quality"], bold=True, wrap=True)
        fit_height(quality, 1, [(words["quality"], 70)])
        for row, line in enumerate(lines, 3):
            put(quality, row, 1, line, wrap=True)
            fit_height(quality, row, [(line, 70)])
        layout(quality, [70], freeze=None)
    wb.save(path)


def _areas_sheet(wb: Any, batch: BatchResult, lang: str) -> None:
    """Each area's median across the JSTs, first and latest, with a bar chart beside."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.worksheet.pagebreak import Break

    areas = batch.areas_across(lang)
    if not areas or not any(a["n"] for a in areas):
        return
    words = WORDS[lang]
    ws = wb.create_sheet(words["areas_h"][:31])
    header(ws, 1, words["areas_head"])
    for r, a in enumerate(areas, 2):
        put(ws, r, 1, f"{a['id']} {a['label']}", wrap=True)
        fit_height(ws, r, [(f"{a['id']} {a['label']}", 50)])
        put(ws, r, 2, a["n"])
        for c, key in enumerate(("median_first", "median_latest", "lowest", "highest"), 3):
            put(ws, r, c, a[key], SCORE)
    layout(ws, [50, 8, 14, 14, 12, 12], landscape=True)
    chart = BarChart()
    chart.type = "bar"
    chart.title = words["areas_chart"]
    last = len(areas) + 1
    chart.add_data(Reference(ws, min_col=3, max_col=4, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = next(
        r.results[-1].index_range for r in batch.runs if r.results
    )
    chart.x_axis.scaling.orientation = "maxMin"  # O1 at the top, as in the table
    chart.x_axis.tickLblSkip = 1  # every area named
    chart.height, chart.width = 12, 24  # one landscape A4 page
    ws.row_breaks.append(Break(id=last + 1))  # the chart on a page of its own
    ws.add_chart(chart, f"A{last + 2}")
