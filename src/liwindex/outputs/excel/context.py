"""The workbook's sheet of the context questions: per single or multiple choice question
the number who answered and, per choice, how many chose it and their share, for each group
and overall."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.styles import Font

from liwindex.compare.comparison import round_label
from liwindex.outputs.context_words import w
from liwindex.outputs.excel.style import SHARE, fit_height, header, layout, put

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from liwindex.scoring.results import ContextCounts, ScoreResult

HEADER_ROW = 3
WIDTHS = (44, 36)  # question, answer; then a count and a share column per group and overall
COUNT_WIDTH, SHARE_WIDTH = 12, 12


def write_context_sheet(workbook: Workbook, result: ScoreResult, lang: str = "pl") -> Worksheet:
    """Add the "Kontekst" sheet: a title and a note, the header (repeated on every printed
    page), then a block per question — the number who answered, then each choice
    in scale order. Columns: every group of the questionnaire, then everyone; a group the
    question is not asked of has empty cells. Every text stays text (``style.put``)."""
    ws = workbook.create_sheet(w("sheet", lang))
    q = result.questionnaire
    groups = list(q.group_ids) if q is not None else sorted({g for c in result.context for g in c.by_group})
    labels = q.group_labels(lang) if q is not None else {}
    columns = [*(labels.get(g, g) for g in groups), w("overall", lang)]
    last = 2 + 2 * len(columns)

    put(ws, 1, 1, f"{w('section', lang)}: {round_label(result, lang)}", bold=True)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    put(ws, 2, 1, w("sheet_note", lang), wrap=True)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    ws.row_dimensions[2].height = 30
    # two header rows: each column's name over its count and its share
    names = [w("question", lang), w("answer", lang)]
    for name in columns:
        names += [name, ""]
    header(ws, HEADER_ROW, names)
    header(ws, HEADER_ROW + 1, ["", "", *[w("count", lang), w("share", lang)] * len(columns)])
    for col in (1, 2):
        ws.merge_cells(start_row=HEADER_ROW, start_column=col, end_row=HEADER_ROW + 1, end_column=col)
    for col in range(3, last + 1, 2):
        ws.merge_cells(start_row=HEADER_ROW, start_column=col, end_row=HEADER_ROW, end_column=col + 1)

    row = HEADER_ROW + 2
    for question in result.context:
        text = question.text.get(lang) or question.text["pl"]
        tallies: list[ContextCounts | None] = [question.by_group.get(g) for g in groups]
        tallies.append(question.overall)
        put(ws, row, 1, text, bold=True, wrap=True)
        put(ws, row, 2, w("answering", lang), bold=True)
        for k, counts in enumerate(tallies):
            if counts is not None:
                put(ws, row, 3 + 2 * k, counts.answered, bold=True)
        fit_height(ws, row, [(text, WIDTHS[0] * 0.9)])  # bold text takes more room
        row += 1
        # beside the first choice of a multiple choice: what its shares are of
        note = w("multi", lang) if question.type == "multi" else ""
        if note:
            put(ws, row, 1, note, wrap=True)
            ws.cell(row=row, column=1).font = Font(italic=True)
        for choice in question.choices:
            label = choice.label.get(lang) or choice.label["pl"]
            put(ws, row, 2, label, wrap=True)
            for k, counts in enumerate(tallies):
                if counts is not None:
                    put(ws, row, 3 + 2 * k, counts.counts.get(choice.code, 0))
                    put(ws, row, 4 + 2 * k, counts.share(choice.code), SHARE)
            fit_height(ws, row, [(label, WIDTHS[1]), (note, WIDTHS[0])])
            note = ""
            row += 1
        row += 1
    layout(
        ws, [*WIDTHS, *[COUNT_WIDTH, SHARE_WIDTH] * len(columns)], freeze=f"C{HEADER_ROW + 2}", landscape=True
    )
    return ws
