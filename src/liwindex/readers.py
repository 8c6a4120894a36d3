"""Format readers: .xlsx/.xlsm/.xls/.ods through python-calamine (fast, no XML entity
expansion), openpyxl as the fallback for .xlsx, and CSV with sniffed encoding and delimiter.

Every reader yields the same thing: sheets of non-empty rows keyed by their real row
number, columns in their real positions, empty cells as None. Both spreadsheet paths give
identical rows (tested), so messages point at the same cells whichever one ran.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from liwindex.problems import Report, Severity
from liwindex.text import column_letter
from liwindex.workbook import Limits, Sheet, TooLarge

ENCODINGS = (("utf-8-sig", "UTF-8"), ("cp1250", "Windows-1250"))


class PasswordProtected(Exception):
    """The workbook is encrypted with a password."""


def _is_filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _collect(name: str, rows: Iterable[tuple[int, Any]], limits: Limits, offset: int = 0) -> list[
        tuple[int, tuple[Any, ...]]]:
    """Keep the non-empty rows, enforcing the row and column limits while streaming."""
    kept: list[tuple[int, tuple[Any, ...]]] = []
    for number, values in rows:
        cells = tuple(None if v == "" else v for v in values)
        if offset:
            cells = (None,) * offset + cells
        if not any(_is_filled(v) for v in cells):
            continue
        last = max(i for i, v in enumerate(cells) if _is_filled(v)) + 1
        if last > limits.max_columns:
            raise TooLarge("too-many-columns", name, limits.max_columns, "LIWINDEX_MAX_COLUMNS")
        if len(kept) >= limits.max_rows:
            raise TooLarge("too-many-rows", name, limits.max_rows, "LIWINDEX_MAX_ROWS")
        for index, value in enumerate(cells[:last]):
            if isinstance(value, str) and len(value) > limits.max_cell_chars:
                raise TooLarge("cell-too-long", name, limits.max_cell_chars, "", number,
                               column_letter(index + 1))
        kept.append((number, cells[:last]))
    return kept


def read_spreadsheet(path: Path, limits: Limits, engine: str = "auto") -> list[Sheet]:
    """All sheets of a spreadsheet file. ``engine``: ``auto`` (calamine, then openpyxl for
    .xlsx if calamine fails), ``calamine`` or ``openpyxl``."""
    suffix = path.suffix.lower()
    if engine == "openpyxl":
        return _read_openpyxl(path, limits)
    try:
        return _read_calamine(path, limits)
    except (TooLarge, PasswordProtected):
        raise
    except ImportError:
        if suffix not in (".xlsx", ".xlsm"):
            raise
    except Exception:
        if engine == "calamine" or suffix not in (".xlsx", ".xlsm"):
            raise
    return _read_openpyxl(path, limits)


def _read_calamine(path: Path, limits: Limits) -> list[Sheet]:
    import python_calamine as calamine

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as exc:
        raise PasswordProtected from exc
    sheets = []
    try:
        for meta in workbook.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            # iter_rows starts at the first row but at the first used column
            offset = sheet.start[1] if sheet.height and sheet.start else 0
            rows = _collect(meta.name, enumerate(sheet.iter_rows(), 1), limits, offset)
            merged = [(r0 + 1, r1 + 1, c0) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])
                      if c0 == c1 and r1 > r0]
            hidden = meta.visible != calamine.SheetVisibleEnum.Visible
            sheets.append(Sheet(name=meta.name, rows=rows, hidden=hidden, merged=merged))
    finally:
        workbook.close()
    return sheets


def _read_openpyxl(path: Path, limits: Limits) -> list[Sheet]:
    # openpyxl parses with defusedxml when it is installed (it is a dependency): no entity
    # expansion, no external entities.
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheets = []
    try:
        for ws in wb.worksheets:
            rows = _collect(ws.title, enumerate(ws.iter_rows(min_row=1, values_only=True), 1), limits)
            sheets.append(Sheet(name=ws.title, rows=rows, hidden=ws.sheet_state != "visible"))
    finally:
        wb.close()
    return sheets


def read_csv(path: Path, report: Report, limits: Limits) -> Sheet:
    """A CSV file as one sheet: encoding UTF-8 (with or without BOM), else Windows-1250;
    delimiter sniffed among comma, semicolon and tab. Says which were assumed."""
    raw = path.read_bytes()
    text, label = "", ""
    for encoding, name in ENCODINGS:
        try:
            text, label = raw.decode(encoding), name
            break
        except UnicodeDecodeError:
            continue
    if raw.startswith(b"\xef\xbb\xbf"):
        label = "UTF-8 (BOM)"
    sample = text[:65536]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        delimiter = max(",;\t", key=first.count)
    names = {",": "przecinek / comma", ";": "średnik / semicolon", "\t": "tab"}
    report.add("csv-read-as", Severity.NOTE, file=str(path), value=label,
               delimiter=names[delimiter])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # Records are numbered as a spreadsheet program opening the file shows them.
    return Sheet(name=path.stem, rows=_collect(path.stem, enumerate(reader, 1), limits))
