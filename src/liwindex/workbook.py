"""Opening workbooks and reading their sheets as rows that keep their Excel row numbers.

Only this module knows about openpyxl. A file that cannot be read ends as a problem in
the report (missing, a directory, empty, Excel's lock file, not really a workbook), never
as a traceback. The input file is opened read-only and never written.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liwindex.problems import Report
from liwindex.text import fold

SUPPORTED_SUFFIXES = {".xlsx", ".xlsm"}


@dataclass
class Sheet:
    """A sheet's non-empty rows as ``(excel_row, values)``; values are cell values or None."""

    name: str
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when no cell holds anything."""
        return not self.rows


@dataclass
class Workbook:
    """The sheets of one input file, in workbook order."""

    path: Path
    sheets: list[Sheet]

    @property
    def name(self) -> str:
        """The file name as the user gave it, for messages."""
        return str(self.path)

    def sheet_names(self) -> list[str]:
        """Sheet names in workbook order."""
        return [s.name for s in self.sheets]

    def find(self, name: str) -> Sheet | None:
        """The sheet called ``name`` (case and spacing tolerated), or None."""
        wanted = fold(name)
        exact = [s for s in self.sheets if s.name == name]
        if exact:
            return exact[0]
        return next((s for s in self.sheets if fold(s.name) == wanted), None)


def open_workbook(path: str | Path, report: Report) -> Workbook | None:
    """Read every sheet of ``path``; on failure add a problem to ``report`` and return None."""
    path = Path(path)
    name = str(path)
    if path.name.startswith("~$"):
        report.add("lock-file", file=name)
        return None
    if not path.exists():
        report.add("file-not-found", file=name)
        return None
    if path.is_dir():
        report.add("file-is-directory", file=name)
        return None
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        report.add("unsupported-format", file=name, value=suffix or path.name)
        return None
    try:
        size = path.stat().st_size
        if size == 0:
            report.add("file-empty", file=name)
            return None
        if not zipfile.is_zipfile(path):
            report.add("not-a-workbook", file=name, kind=_sniff(path))
            return None
        return Workbook(path=path, sheets=list(_read_sheets(path)))
    except PermissionError as exc:
        report.add("file-unreadable", file=name, detail=exc.strerror or "permission denied")
    except OSError as exc:
        report.add("file-unreadable", file=name, detail=exc.strerror or str(exc))
    except Exception:  # openpyxl raises many kinds for broken archives
        report.add("not-a-workbook", file=name, kind=_KINDS["broken"])
    return None


def _read_sheets(path: Path) -> Iterator[Sheet]:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            rows: list[tuple[int, tuple[Any, ...]]] = []
            for excel_row, values in enumerate(ws.iter_rows(min_row=1, values_only=True), 1):
                if any(v is not None and (not isinstance(v, str) or v.strip()) for v in values):
                    rows.append((excel_row, tuple(values)))
            yield Sheet(name=ws.title, rows=rows)
    finally:
        wb.close()


_KINDS = {
    "xls": {"pl": "stary format .xls albo skoroszyt zaszyfrowany hasłem",
            "en": "the old .xls format or a password-protected workbook"},
    "pdf": {"pl": "to dokument PDF", "en": "it is a PDF document"},
    "html": {"pl": "to strona HTML", "en": "it is an HTML page"},
    "text": {"pl": "to plik tekstowy, np. CSV", "en": "it is a text file, e.g. CSV"},
    "broken": {"pl": "uszkodzone archiwum skoroszytu", "en": "a damaged workbook archive"},
    "unknown": {"pl": "nieznana zawartość", "en": "unknown content"},
}


def _sniff(path: Path) -> dict[str, str]:
    """A short guess of what a non-workbook file really is, to help the user."""
    with path.open("rb") as fh:
        head = fh.read(512)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _KINDS["xls"]
    if head.startswith(b"%PDF"):
        return _KINDS["pdf"]
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return _KINDS["html"]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return _KINDS["unknown"]
    return _KINDS["text"]
