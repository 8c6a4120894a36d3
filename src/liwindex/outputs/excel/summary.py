"""The batch summary as a workbook: one row per JST, numbers as numbers, links to its files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
        link = ws.cell(row=row, column=10, value=f"{run.slug}.xlsx")
        link.hyperlink = f"{run.slug}.xlsx"
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
