"""Spreadsheet readers: .xlsx/.xlsm/.xls/.ods through python-calamine (fast, no XML entity
expansion), openpyxl as the fallback for .xlsx; .xls and .ods in a guarded child process.

Every reader yields the same thing (:mod:`liwindex.io.factorise`): sheets of non-empty rows
keyed by their real row number, columns in their real positions, empty cells as None. Both
spreadsheet paths give identical rows (tested), so messages point at the same cells
whichever one ran.
"""

from __future__ import annotations

import contextlib
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from liwindex.io.factorise import to_sheet
from liwindex.io.sheets import Limits, Sheet, TooLarge
from liwindex.text import column_letter


class PasswordProtected(Exception):
    """The workbook is encrypted with a password."""


class ReaderFailed(Exception):
    """A reader refused the file: damaged, or not what its name says. What the reader
    raised is the cause. Only exceptions raised inside the readers' own calls become
    this one; an error of liwindex's own code stays a program error."""


# What openpyxl raises on damaged or hostile files, from its own checks, the zip and XML
# layers (defusedxml's refusals are ValueErrors, expat's are SyntaxErrors) and its
# descriptors (TypeError, ValueError); AttributeError, IndexError and KeyError come from
# parts that are missing or malformed where it expects them.
OPENPYXL_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,  # a zip compression method zipfile lacks
    KeyError,
    IndexError,
    AttributeError,
    TypeError,
    ValueError,
    OverflowError,
    SyntaxError,
)


@contextlib.contextmanager
def _reader_calls(errors: tuple[type[BaseException], ...]) -> Iterator[None]:
    """Turn what a reader raises inside the block into :class:`ReaderFailed`: the given
    types, a native panic (pyo3's PanicException, a BaseException), and an OSError that
    carries no errno (python-calamine's, for a damaged archive; a real I/O error has one
    and stays itself)."""
    try:
        yield
    except (PasswordProtected, ReaderFailed):
        raise
    except errors as exc:
        raise ReaderFailed(f"{type(exc).__name__}: {exc}") from exc
    except OSError as exc:
        if exc.errno is not None:
            raise
        raise ReaderFailed(f"{type(exc).__name__}: {exc}") from exc
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        raise ReaderFailed(f"{type(exc).__name__}: {exc}") from exc


def read_spreadsheet(
    path: Path, limits: Limits, engine: str = "auto", xml_bytes: int | None = None
) -> list[Sheet]:
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
    except ImportError:
        if suffix not in (".xlsx", ".xlsm"):
            raise
    except ReaderFailed:
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
        raise TooLarge(
            "sheet-mostly-empty",
            name,
            0,
            "",
            value=column_letter(width) + str(height),
            cells=f"{cells:,}".replace(",", " "),
            size=str(max(1, round(xml_bytes / 1000))),
        )


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
    from liwindex.io import environment

    memory_mb = environment.read_memory_mb()  # a value not allowed stops here, located
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_guarded_child, args=(path, limits, send, memory_mb), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(READ_TIMEOUT):
            raise ReaderCrashed
        kind, payload = receive.recv()
    except EOFError:
        kind, payload = "crashed", None
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
    if (kind == "crashed" or str(payload).startswith("MemoryError")) and environment.read_memory_is_set():
        # the ceiling the user chose, not the file, may be what failed: say so
        raise TooLarge("read-memory-too-low", "", memory_mb, "LIWINDEX_READ_MEMORY_MB")
    if kind == "error":
        raise RuntimeError(f"the reader process failed:\n{payload}")
    raise ReaderCrashed(payload)


def _guarded_child(path: Path, limits: Limits, send: Any, memory_mb: int) -> None:
    """Read in the child under an address-space ceiling: the process's size now plus
    ``memory_mb`` (``LIWINDEX_READ_MEMORY_MB``, default 4096)."""
    import faulthandler
    import os
    import resource

    # a native abort prints a long stack trace: the user gets our message instead (the
    # fault handler, on under pytest and python -X faulthandler, keeps its own copy of fd 2)
    faulthandler.disable()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        extra = memory_mb * 1024 * 1024
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
    except (ReaderFailed, MemoryError) as exc:  # MemoryError: the ceiling
        send.send(("failed", f"{type(exc).__name__}: {exc}"))
    except BaseException as exc:  # an error of liwindex's own: a program error
        import traceback

        send.send(("error", "".join(traceback.format_exception(exc))))
    finally:
        send.close()
        os._exit(0)


def _read_calamine(path: Path, limits: Limits, xml_bytes: int | None = None) -> list[Sheet]:
    import python_calamine as calamine

    errors = (calamine.CalamineError, ValueError, OverflowError)
    with _reader_calls(errors):
        try:
            workbook = calamine.CalamineWorkbook.from_path(str(path))
        except calamine.PasswordError as exc:
            raise PasswordProtected from exc
    sheets = []
    try:
        with _reader_calls(errors):
            metadata = workbook.sheets_metadata
        for meta in metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            with _reader_calls(errors):
                sheet = workbook.get_sheet_by_name(meta.name)
                height, width, end = sheet.total_height, sheet.total_width, sheet.end
            if height * width > limits.max_cells:
                raise TooLarge("too-many-rows", meta.name, limits.max_rows, "LIWINDEX_MAX_ROWS")
            # end: the range's last cell (0-based); the table starts at A1
            if sheet.height and end is not None:
                _check_range(meta.name, end[0] + 1, end[1] + 1, xml_bytes)
            with _reader_calls(errors):
                # skip_empty_area=False: row 0 is spreadsheet row 1 and column 0 is column A
                table = sheet.to_python(skip_empty_area=False) if sheet.height else []
                ranges = sheet.merged_cell_ranges or []
            merged = [(r0 + 1, r1 + 1, c0) for (r0, c0), (r1, c1) in ranges if c0 == c1 and r1 > r0]
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
    from openpyxl.utils.exceptions import InvalidFileException

    errors = (InvalidFileException, *OPENPYXL_ERRORS)
    with _reader_calls(errors):
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheets = []
    try:
        with _reader_calls(errors):
            worksheets = wb.worksheets
        for ws in worksheets:
            with _reader_calls(errors):
                title, height, width, state = ws.title, ws.max_row, ws.max_column, ws.sheet_state
            if isinstance(height, int) and isinstance(width, int):
                _check_range(title, height, width, xml_bytes)
            table = []
            rows = ws.iter_rows(min_row=1, values_only=True)
            while True:
                with _reader_calls(errors):
                    values = next(rows, None)
                if values is None:
                    break
                table.append(values)
                if len(table) > limits.max_rows * 2:  # a runaway sheet: stop reading early
                    raise TooLarge("too-many-rows", title, limits.max_rows, "LIWINDEX_MAX_ROWS")
            sheets.append(to_sheet(title, table, limits, hidden=state != "visible"))
    finally:
        wb.close()
    return sheets
