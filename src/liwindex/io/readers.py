"""Format readers: .xlsx/.xlsm/.xls/.ods through python-calamine (fast, no XML entity
expansion), openpyxl as the fallback for .xlsx, and CSV with sniffed encoding and delimiter.

Every reader yields the same thing: sheets of non-empty rows keyed by their real row
number, columns in their real positions, empty cells as None. Both spreadsheet paths give
identical rows (tested), so messages point at the same cells whichever one ran. Each
column is factorised once (distinct values and a numpy code per row; a survey-sized sheet
all at once, its columns sharing one list of values); every later step works on those
codes, never cell by cell in Python.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from liwindex.problems import Report, Severity
from liwindex.text import column_letter
from liwindex.io.workbook import Limits, Sheet, SheetColumn, TooLarge


class PasswordProtected(Exception):
    """The workbook is encrypted with a password."""


# Below this many cells a sheet is factorised with dicts (loops in C, no pandas import);
# above it with pandas' hash table, about a third faster a cell (measured: 100,000
# respondents × 55 columns, 1.95 s against 1.42 s), which outweighs pandas' import (≈ 0.3 s)
# from about two million cells on.
SMALL_SHEET_CELLS = 2_000_000


def to_sheet(name: str, table: Sequence[Sequence[Any]] | Any, limits: Limits, hidden: bool = False,
             merged: list[tuple[int, int, int]] | None = None) -> Sheet:
    """A sheet from a table whose first row is spreadsheet row 1 (a list of rows or a
    DataFrame of categories from the CSV parser). Every column is factorised once (answers
    repeat a handful of labels, so this is both the fastest and the smallest form); empty
    strings count as empty, empty rows and trailing columns are dropped, and the limits are
    enforced."""
    import numpy as np

    shared = None
    if hasattr(table, "columns") and hasattr(table, "iloc"):  # a DataFrame (CSV)
        factorised = [_factorised_series(table[c]) for c in table.columns]
        height = len(table)
    else:
        lengths = set(map(len, table))
        width = max(lengths, default=0)
        if len(lengths) > 1:
            table = [list(r) + [None] * (width - len(r)) for r in table]
        height = len(table)
        if height * width <= SMALL_SHEET_CELLS:
            shared = _factorised_together(table, height, width)
            if shared is None:
                factorised = [_factorised_small(column) for column in zip(*table, strict=True)]
        else:
            table = table if isinstance(table, list) else list(table)
            factorised = _factorised_large(table, height, width)  # frees the rows as it goes
        if isinstance(table, list):
            table.clear()  # the rows' lists are no longer needed; free them early
    if shared is not None:
        matrix, values = shared
        filled = matrix >= 0
        used = filled.any(axis=0).tolist()
    else:
        used = [bool(len(values)) for _, values in factorised]
    width = len(used) - used[::-1].index(True) if True in used else 0
    if width > limits.max_columns:
        raise TooLarge("too-many-columns", name, limits.max_columns, "LIWINDEX_MAX_COLUMNS")
    if shared is not None:
        keep = filled[:, :width].any(axis=1)
    else:
        keep = np.zeros(height, dtype=bool)
        for j in range(width):
            if used[j]:
                keep |= factorised[j][0] >= 0
    if int(keep.sum()) > limits.max_rows:
        raise TooLarge("too-many-rows", name, limits.max_rows, "LIWINDEX_MAX_ROWS")
    rows = np.flatnonzero(keep) + 1
    every_row = bool(keep.all())
    columns = []
    if shared is not None:
        matrix = matrix[:, :width] if every_row else np.asfortranarray(matrix[keep, :width])
        _check_shared_cell_lengths(name, values, matrix, rows, limits)
        columns = [SheetColumn(codes=matrix[:, j], values=values) for j in range(width)]
    for j in range(width if shared is None else 0):
        codes, values = factorised[j]
        codes = codes if every_row else codes[keep]
        _check_cell_lengths(name, values, codes, rows, j, limits)
        columns.append(SheetColumn(codes=codes, values=values))
    return Sheet(name=name, numbers=rows.astype(np.int64), columns=columns, hidden=hidden,
                 merged=merged or [])


def _blank(value: Any) -> bool:
    """An empty cell: None, an empty string, or NaN."""
    return value is None or (isinstance(value, str) and value == "") or \
        (isinstance(value, float) and value != value)


def _without_blanks(codes: Any, values: list[Any]) -> tuple[Any, list[Any]]:
    """Drop the blank distinct values: their cells become -1 and the others renumbered."""
    import numpy as np

    kept = [i for i, v in enumerate(values) if not _blank(v)]
    if len(kept) == len(values):
        return codes, values
    remap = np.full(len(values) + 1, -1, dtype=np.int32)  # the last entry: -1 stays -1
    remap[kept] = np.arange(len(kept), dtype=np.int32)
    return remap[codes], [values[i] for i in kept]


# Cell types that never equal a value of another type in this list, except the numbers:
# 1, 1.0 and True are one dict key, so a sheet holding two kinds of number is factorised
# column by column (each column keeps the spelling it has first, as before).
_PLAIN_TYPES = {str, type(None), float, int, bool, datetime.datetime, datetime.date, datetime.time,
                datetime.timedelta}
_NUMBER_TYPES = {float, int, bool}


def _factorised_together(table: Sequence[Sequence[Any]], height: int,
                         width: int) -> tuple[Any, list[Any]] | None:
    """The whole sheet factorised at once: a rows × columns matrix of codes (Fortran order,
    so that each column is contiguous) into one list of the sheet's distinct non-empty
    values, which every column shares (a column's values then include some it does not
    hold). One pass over the cells instead of one per column: a survey export repeats the
    same few labels in every column. None when the sheet mixes kinds of number."""
    import itertools

    import numpy as np

    flat = list(itertools.chain.from_iterable(table))
    distinct = dict.fromkeys(flat)
    kinds = set(map(type, distinct))
    if kinds & _NUMBER_TYPES:  # a number key may stand for cells of another kind equal to it
        kinds = set(map(type, flat))
    if not kinds <= _PLAIN_TYPES or len(kinds & _NUMBER_TYPES) > 1:
        return None
    # the blank keys: None, "" and NaN (each NaN its own key)
    blanks = [k for k in (None, "") if k in distinct]
    if float in kinds:
        blanks += [k for k in distinct if k != k]
    for key in blanks:
        del distinct[key]
    values = list(distinct)
    index = dict(zip(values, range(len(values)), strict=True))
    index.update((k, -1) for k in blanks)
    codes = np.fromiter(map(index.__getitem__, flat), dtype=np.int32, count=len(flat))
    return np.asfortranarray(codes.reshape(height, width)), values


def _factorised_small(column: Sequence[Any]) -> tuple[Any, list[Any]]:
    """A column's codes and distinct values, by dicts (every loop in C): values equal in
    Python (1, 1.0 and True) are one value, as in pandas' hash table, the first one seen
    kept."""
    import numpy as np

    values: list[Any] = []
    blanks: list[Any] = []
    for key in dict.fromkeys(column):
        (blanks if _blank(key) else values).append(key)
    index = {k: i for i, k in enumerate(values)}
    index.update((k, -1) for k in blanks)
    return np.fromiter(map(index.__getitem__, column), dtype=np.int32, count=len(column)), values


def _factorised_large(table: list[Any], height: int, width: int) -> list[tuple[Any, list[Any]]]:
    """Columns of a large sheet factorised by pandas' hash table, the table transposed
    once so that each column is contiguous (factorising is twice as fast)."""
    import numpy as np
    import pandas as pd

    array = np.ascontiguousarray(np.array(table, dtype=object).reshape(height, width).T)
    table.clear()
    out = []
    for j in range(width):
        codes, uniques = pd.factorize(array[j], use_na_sentinel=True)
        out.append(_without_blanks(codes.astype(np.int32), list(uniques)))
        array[j] = None  # free the column's cells as soon as they are factorised
    return out


def _factorised_series(values: Any) -> tuple[Any, list[Any]]:
    """A column the CSV parser read into categories (or any Series)."""
    import numpy as np
    import pandas as pd

    if isinstance(values.dtype, pd.CategoricalDtype):
        codes, uniques = values.cat.codes.to_numpy(), list(values.cat.categories)
    else:
        codes, found = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
        uniques = list(found)
    return _without_blanks(np.asarray(codes, dtype=np.int32), uniques)


def _check_cell_lengths(name: str, uniques: Any, codes: Any, rows: Any, column: int,
                        limits: Limits) -> None:
    """Refuse cells longer than a spreadsheet can hold (a broken CSV quote, a hostile file);
    only distinct values are measured."""
    import numpy as np

    for i, value in enumerate(uniques):
        if isinstance(value, str) and len(value) > limits.max_cell_chars:
            row = int(rows[np.argmax(codes == i)])
            raise TooLarge("cell-too-long", name, limits.max_cell_chars, "", row,
                           column_letter(column + 1))


def _check_shared_cell_lengths(name: str, values: list[Any], matrix: Any, rows: Any, limits: Limits) -> None:
    """:func:`_check_cell_lengths` for columns sharing one list of values: the first
    column holding a too-long cell is named, at its first such row."""
    import numpy as np

    long = [i for i, value in enumerate(values)
            if isinstance(value, str) and len(value) > limits.max_cell_chars]
    if not long:
        return
    hit = np.isin(matrix, long)
    j = int(np.argmax(hit.any(axis=0)))
    row = int(rows[np.argmax(hit[:, j])])
    raise TooLarge("cell-too-long", name, limits.max_cell_chars, "", row, column_letter(j + 1))


def read_spreadsheet(path: Path, limits: Limits, engine: str = "auto",
                     xml_bytes: int | None = None) -> list[Sheet]:
    """All sheets of a spreadsheet file. ``engine``: ``auto`` (calamine, then openpyxl for
    .xlsx if calamine fails), ``calamine`` or ``openpyxl``. ``xml_bytes``: the size of the
    worksheets' XML where known (.xlsx), which bounds how many cells can hold data."""
    suffix = path.suffix.lower()
    if engine == "openpyxl":
        return _read_openpyxl(path, limits, xml_bytes)
    if suffix in GUARDED:
        return _read_guarded(path, limits)
    try:
        return _read_calamine(path, limits, xml_bytes)
    except (TooLarge, PasswordProtected):
        raise
    except ImportError:
        if suffix not in (".xlsx", ".xlsm"):
            raise
    except Exception:
        if engine == "calamine" or suffix not in (".xlsx", ".xlsm"):
            raise
    return _read_openpyxl(path, limits, xml_bytes)


# A sheet's range is refused before its cells become Python values when it spans more than
# this many cells and more than one cell per byte of worksheet XML (a stored cell takes ten
# bytes or more): almost all of it is empty, typically one stray cell far beyond the data,
# and materialising it would take minutes and gigabytes for a file of a few kilobytes.
SPARSE_FROM_CELLS = 5_000_000


def _check_range(name: str, height: int, width: int, xml_bytes: int | None) -> None:
    """Refuse a range almost all empty (see :data:`SPARSE_FROM_CELLS`), naming its last cell."""
    cells = height * width
    if xml_bytes is not None and cells > SPARSE_FROM_CELLS and cells > xml_bytes:
        raise TooLarge("sheet-mostly-empty", name, 0, "", value=column_letter(width) + str(height),
                       cells=f"{cells:,}".replace(",", " "), size=str(max(1, round(xml_bytes / 1000))))


# .xls and .ods are read in a child process with a memory ceiling: their cell ranges come
# from records (DIMENSIONS, number-rows-repeated) that python-calamine trusts and allocates
# before anything can be checked, and a failed allocation aborts the whole process.
GUARDED = {".xls", ".ods"}
READ_TIMEOUT = 300  # seconds


class ReaderCrashed(Exception):
    """The reader process died (a native abort, the memory ceiling) or did not finish."""


def _read_guarded(path: Path, limits: Limits) -> list[Sheet]:
    import multiprocessing

    try:
        import resource  # noqa: F401  (POSIX only)

        context = multiprocessing.get_context("fork")
    except (ImportError, ValueError):  # Windows: no fork, no rlimit — read directly
        return _read_calamine(path, limits)
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_guarded_child, args=(path, limits, send), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(READ_TIMEOUT):
            raise ReaderCrashed
        kind, payload = receive.recv()
    except EOFError:
        raise ReaderCrashed from None
    finally:
        receive.close()
        if child.is_alive():
            child.terminate()
        child.join(5)
    if kind == "ok":
        return payload
    if kind == "too_large":
        raise TooLarge(*payload)
    if kind == "password":
        raise PasswordProtected
    raise ReaderCrashed(payload)


def _guarded_child(path: Path, limits: Limits, send: Any) -> None:
    """Read in the child under an address-space ceiling: the process's size now plus
    ``LIWINDEX_READ_MEMORY_MB`` (default 4096)."""
    import faulthandler
    import os
    import resource

    # a native abort prints a long stack trace: the user gets our message instead (the
    # fault handler, on under pytest and python -X faulthandler, keeps its own copy of fd 2)
    faulthandler.disable()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        extra = int(os.environ.get("LIWINDEX_READ_MEMORY_MB", "4096")) * 1024 * 1024
        with open("/proc/self/status") as fh:
            size = next((int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:")), 0)
        if size:
            resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))
    except (OSError, ValueError):
        pass  # no /proc (macOS): read without a ceiling
    try:
        send.send(("ok", _read_calamine(path, limits)))
    except TooLarge as exc:
        send.send(("too_large", (exc.code, exc.sheet, exc.limit, exc.env, exc.row, exc.column)))
    except PasswordProtected:
        send.send(("password", None))
    except BaseException as exc:  # MemoryError under the ceiling included
        send.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        send.close()
        os._exit(0)


def _read_calamine(path: Path, limits: Limits, xml_bytes: int | None = None) -> list[Sheet]:
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
            if sheet.total_height * sheet.total_width > limits.max_cells:
                raise TooLarge("too-many-rows", meta.name, limits.max_rows, "LIWINDEX_MAX_ROWS")
            end = sheet.end  # the range's last cell (0-based); the table starts at A1
            if sheet.height and end is not None:
                _check_range(meta.name, end[0] + 1, end[1] + 1, xml_bytes)
            # skip_empty_area=False: row 0 is spreadsheet row 1 and column 0 is column A
            table = sheet.to_python(skip_empty_area=False) if sheet.height else []
            merged = [(r0 + 1, r1 + 1, c0) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])
                      if c0 == c1 and r1 > r0]
            hidden = meta.visible != calamine.SheetVisibleEnum.Visible
            del sheet  # calamine's own copy of the cells, no longer needed
            sheets.append(to_sheet(meta.name, table, limits, hidden=hidden, merged=merged))
    finally:
        workbook.close()
    return sheets


def _read_openpyxl(path: Path, limits: Limits, xml_bytes: int | None = None) -> list[Sheet]:
    # openpyxl parses with defusedxml when it is installed (it is a dependency): no entity
    # expansion, no external entities.
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheets = []
    try:
        for ws in wb.worksheets:
            if isinstance(ws.max_row, int) and isinstance(ws.max_column, int):
                _check_range(ws.title, ws.max_row, ws.max_column, xml_bytes)
            table = []
            for values in ws.iter_rows(min_row=1, values_only=True):
                table.append(values)
                if len(table) > limits.max_rows * 2:  # a runaway sheet: stop reading early
                    raise TooLarge("too-many-rows", ws.title, limits.max_rows, "LIWINDEX_MAX_ROWS")
            sheets.append(to_sheet(ws.title, table, limits, hidden=ws.sheet_state != "visible"))
    finally:
        wb.close()
    return sheets


NAMES = {",": {"pl": "przecinek", "en": "comma"}, ";": {"pl": "średnik", "en": "semicolon"},
         "\t": {"pl": "tabulator", "en": "tab"}}


MAX_LINE_BYTES = 4_000_000  # one CSV record line: 60 long open answers fit many times over
SCAN_CHUNK = 1 << 22


def scan_csv(path: Path, delimiter: str, limits: Limits) -> int:
    """Check a CSV file's shape while streaming it, before any parser holds a line: total
    size, binary content, bytes per line, delimiters per line and the number of lines.
    Returns an upper bound of the fields per line. Raises :class:`TooLarge`."""
    import numpy as np

    name = path.stem
    size = path.stat().st_size
    if size > limits.max_uncompressed_mb * 1_000_000:
        raise TooLarge("csv-too-large", name, limits.max_uncompressed_mb, "LIWINDEX_MAX_UNCOMPRESSED_MB")
    mark = ord(delimiter)
    lines, widest = 0, 0
    open_length, open_delimiters = 0, 0  # of the line still going on at the chunk's end
    with path.open("rb") as fh:
        first = True
        while True:
            chunk = fh.read(SCAN_CHUNK)
            if not chunk:
                break
            data = np.frombuffer(chunk, dtype=np.uint8)
            if first and np.count_nonzero(data[:1 << 20] == 0) > max(8, data[:1 << 20].size // 1000):
                raise TooLarge("csv-not-text", name, 0, "")
            first = False
            ends = np.flatnonzero(data == 10)
            marks = np.flatnonzero(data == mark)
            if ends.size:
                # delimiters before each line end, without a running sum over every byte
                upto = np.searchsorted(marks, ends)
                per_line = np.diff(np.concatenate(([0], upto)))
                per_line[0] += open_delimiters
                lengths = np.diff(np.concatenate(([-1], ends)))
                lengths[0] += open_length
                widest = max(widest, int(per_line.max()))
                longest = int(np.argmax(lengths))
                if lengths[longest] > MAX_LINE_BYTES:
                    raise TooLarge("csv-line-too-long", name, MAX_LINE_BYTES, "", lines + longest + 1)
                open_length = data.size - 1 - int(ends[-1])
                open_delimiters = int(marks.size - upto[-1])
            else:
                open_length += data.size
                open_delimiters += int(marks.size)
            if open_length > MAX_LINE_BYTES:
                raise TooLarge("csv-line-too-long", name, MAX_LINE_BYTES, "", lines + ends.size + 1)
            widest = max(widest, open_delimiters)
            lines += ends.size
            # quoted line breaks inside answers make more lines than records: allow for them
            if lines > limits.max_rows * 4:
                raise TooLarge("too-many-rows", name, limits.max_rows, "LIWINDEX_MAX_ROWS")
            if widest > limits.max_columns * 4:
                raise TooLarge("too-many-columns", name, limits.max_columns, "LIWINDEX_MAX_COLUMNS")
    return widest + 1


def read_csv(path: Path, report: Report, limits: Limits) -> Sheet:
    """A CSV file as one sheet: encoding UTF-8 (with or without BOM), else Windows-1250;
    delimiter sniffed among comma, semicolon and tab. Says which were assumed. The file's
    shape is checked first (:func:`scan_csv`), so no parser meets an unbounded line."""
    import pandas as pd

    with path.open("rb") as fh:
        head = fh.read(65536)
    bom = head.startswith(b"\xef\xbb\xbf")
    encoding, label = "utf-8-sig", "UTF-8 (BOM)" if bom else "UTF-8"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            encoding, label = "cp1250", "Windows-1250"
    sample = head.decode(encoding, errors="replace")
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        delimiter = max(",;\t", key=first.count)
    fields = scan_csv(path, delimiter, limits)

    def parse(encoding: str) -> Any:
        try:
            # The C parser straight into categories: a million answers of a few distinct
            # labels take a few bytes each. Every value stays text ("NA" is not missing).
            # names: as many columns as the widest line can have, so that ragged rows
            # (fewer fields than others) stay in the C parser instead of lists of lists
            return pd.read_csv(path, encoding=encoding, sep=delimiter, header=None,
                               names=range(fields), dtype="category", keep_default_na=False,
                               na_values=[""], skip_blank_lines=False, engine="c")
        except pd.errors.ParserError:
            # ragged rows (more fields than the first line): the csv module copes
            with path.open(encoding=encoding, newline="") as fh:
                return list(csv.reader(fh, delimiter=delimiter))

    try:
        table = parse(encoding)
    except UnicodeDecodeError:  # UTF-8 at the start, something else further on
        encoding, label = "cp1250", "Windows-1250"
        table = parse(encoding)
    report.add("csv-read-as", Severity.NOTE, file=str(path), value=label,
               delimiter=NAMES[delimiter])
    # Records are numbered as a spreadsheet program opening the file shows them.
    return to_sheet(path.stem, table, limits)
