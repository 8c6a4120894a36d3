"""How every workbook liwindex writes looks and stays safe: number formats, header rows,
column widths and A4 print setup, and cells whose text can never become a formula."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liwindex.io.discovery import OUTPUT_MARK
from liwindex.outputs.files import looks_like_formula
from liwindex.text import encodable

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
    return encodable(ILLEGAL_CHARACTERS_RE.sub("", value))


def put(
    ws: Worksheet,
    row: int,
    col: int,
    value: Any,
    number_format: str | None = None,
    bold: bool = False,
    wrap: bool = False,
) -> None:
    """Write one cell; strings always stay plain text, numbers keep their format."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        text = safe_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would store "=…" as a formula
        # looked at before and after the control characters are dropped: "\x01=1+1" is "=1+1"
        if looks_like_formula(value) or looks_like_formula(text):
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
        (
            sum(max(1, math.ceil(len(part) / max(width * 1.1, 1))) for part in text.split("\n"))
            for text, width in texts_and_widths
            if text
        ),
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
    longest = max((len(t) for t in titles), default=0)
    if longest > 12:  # wrapped in columns about 11 characters wide: a line of 15 pt each
        ws.row_dimensions[row].height = 15 * min(4, max(2, -(-longest // 10)))


def layout(
    ws: Worksheet, widths: Sequence[float], freeze: str | None = "A2", landscape: bool = False
) -> None:
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


def marked_workbook() -> Workbook:
    """A new workbook marked as liwindex's own (its "category" property), so that a report
    saved into a folder of answers is passed over, not read as a survey, on the next run.
    The typing-in template is not marked: it is filled in and read back."""
    from liwindex import __version__

    wb = Workbook()
    wb.properties.category = OUTPUT_MARK
    wb.properties.creator = f"liwindex {__version__}"
    return wb
