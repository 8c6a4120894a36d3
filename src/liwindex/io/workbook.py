"""Opening input files and reading their sheets as rows that keep their spreadsheet row numbers.

Only this module and :mod:`liwindex.io.readers` know file formats. A file that cannot be read
ends as a problem in the report (missing, a directory, empty, Excel's lock file, not really
a workbook, password-protected, a zip bomb, too large), never as a traceback or a hang.
Input files are opened read-only and never written.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liwindex.messages.fragments import FILE_KINDS
from liwindex.problems import Report, Severity
from liwindex.text import fold

ZIP_SUFFIXES = {".xlsx", ".xlsm", ".ods"}
TEMPLATE_LISTS = "listy"  # liwindex.outputs.forms.template.LISTS
SUPPORTED_SUFFIXES = ZIP_SUFFIXES | {".xls", ".csv", ".txt", ".tsv"}


@dataclass(frozen=True)
class Limits:
    """Safety limits against hostile or runaway files; raise them with environment
    variables when a genuine file needs more."""

    max_rows: int = 1_048_576  # as many as an Excel sheet can hold
    max_columns: int = 2_000
    max_cell_chars: int = 32_767  # Excel's own limit for one cell
    max_uncompressed_mb: int = 1_000
    max_ratio: int = 200  # uncompressed : compressed, for members larger than 10 MB
    max_cells: int = 200_000_000  # a sheet's used range, checked before it is loaded

    @classmethod
    def from_env(cls) -> Limits:
        """Limits from ``LIWINDEX_MAX_ROWS``, ``LIWINDEX_MAX_COLUMNS``,
        ``LIWINDEX_MAX_UNCOMPRESSED_MB`` where set."""
        values: dict[str, int] = {}
        for name, key in (("max_rows", "LIWINDEX_MAX_ROWS"), ("max_columns", "LIWINDEX_MAX_COLUMNS"),
                          ("max_uncompressed_mb", "LIWINDEX_MAX_UNCOMPRESSED_MB")):
            raw = os.environ.get(key, "").strip()
            if raw.isdigit() and int(raw) > 0:
                values[name] = int(raw)
        return cls(**values)


@dataclass
class SheetColumn:
    """One spreadsheet column, factorised: distinct non-empty values and, per row of the
    sheet, the position of the row's value among them (-1 for an empty cell). Answers
    repeat a handful of labels, so every later lookup runs once per distinct value. The
    columns of a survey-sized sheet share one list of values (the sheet's), so ``values``
    may hold values a given column does not: count the codes to know which it holds."""

    codes: Any  # numpy int32 array, one entry per row of the sheet
    values: list[Any]

    def __len__(self) -> int:
        return len(self.codes)

    def cells(self, start: int = 0, stop: int | None = None) -> Any:
        """The cells of rows ``start:stop`` (positions among the sheet's rows) as an object
        array, empty cells as None."""
        import numpy as np

        lookup = np.empty(len(self.values) + 1, dtype=object)
        lookup[: len(self.values)] = self.values
        return lookup[self.codes[start:stop]]


@dataclass
class Sheet:
    """A sheet's non-empty rows: ``numbers`` holds their real row numbers and ``columns``
    the columns in their real positions (0 is column A), each factorised
    (:class:`SheetColumn`). Plain numpy arrays, no frame: a survey export of a hundred
    rows is read and validated in a few milliseconds, and a million rows stay a few bytes
    a cell."""

    name: str
    numbers: Any  # numpy int64 array of row numbers, 1-based
    columns: list[SheetColumn]
    hidden: bool = False
    # Vertical merges in the sheet: (first row, last row, column index), 1-based rows.
    merged: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when no cell holds anything."""
        return len(self.numbers) == 0

    # the header row found per header matcher: id → (matcher, row position)
    found_headers: dict[int, tuple[Any, int]] = field(default_factory=dict, repr=False, compare=False)
    _head: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list, repr=False, compare=False)
    _head_count: int = field(default=0, repr=False, compare=False)

    def head(self, count: int) -> list[tuple[int, tuple[Any, ...]]]:
        """The first ``count`` rows as ``(row number, values)``, empty cells as None (kept:
        finding the header and the survey sheet ask for the same rows several times)."""
        if count > self._head_count:
            self._head = self._rows(max(count, 32))
            self._head_count = max(count, 32)
        return self._head[:count]

    def _rows(self, count: int) -> list[tuple[int, tuple[Any, ...]]]:
        import numpy as np

        numbers = self.numbers[:count].tolist()
        shared = self.columns[0].values if self.columns else None
        if shared is not None and all(c.values is shared for c in self.columns):
            lookup = np.empty(len(shared) + 1, dtype=object)  # (the last entry: empty)
            lookup[:-1] = shared
            codes = np.array([c.codes[:count] for c in self.columns]).T  # rows × columns
            return [(n, tuple(cells)) for n, cells in zip(numbers, lookup[codes].tolist(), strict=True)]
        columns = [column.cells(0, count).tolist() for column in self.columns]
        return list(zip(numbers, zip(*columns, strict=True), strict=True)) if columns else \
            [(n, ()) for n in numbers]

    @property
    def rows(self) -> list[tuple[int, tuple[Any, ...]]]:
        """Every row as ``(row number, values)`` (for the small sheets: oceny, metryka)."""
        return self._rows(len(self.numbers))


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
        exact = [s for s in self.sheets if s.name == name]
        if exact:
            return exact[0]
        return next((s for s in self.sheets if fold(s.name) == fold(name)), None)


class TooLarge(Exception):
    """A sheet exceeds a size limit (rows, columns, or one cell's length)."""

    def __init__(self, code: str, sheet: str, limit: int, env: str, row: int | None = None,
                 column: str | None = None, **params: str) -> None:
        super().__init__(code)
        self.code, self.sheet, self.limit, self.env = code, sheet, limit, env
        self.row, self.column, self.params = row, column, params


def open_workbook(path: str | Path, report: Report, limits: Limits | None = None) -> Workbook | None:
    """Read every sheet of ``path``; on failure add a problem to ``report`` and return None."""
    from liwindex.io import readers

    limits = limits or Limits.from_env()
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
    if not path.is_file():  # a FIFO or a device named .csv would block or never end
        report.add("not-a-regular-file", file=name)
        return None
    from liwindex.outputs.files import remember_input

    remember_input(path)
    try:
        if path.stat().st_size == 0:
            report.add("file-empty", file=name)
            return None
        if suffix in (".csv", ".txt", ".tsv"):
            return Workbook(path, [readers.read_csv(path, report, limits)])
        head = _head(path)
        xml_bytes = None  # the worksheets' XML, measured by the cell scan (.xlsx)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            if _is_encrypted(path):
                report.add("password-protected", file=name)
                return None
            if suffix != ".xls":
                report.add("not-a-workbook", file=name, kind=FILE_KINDS["xls"], format=suffix)
                return None
        elif suffix in ZIP_SUFFIXES or head.startswith(b"PK"):
            if not zipfile.is_zipfile(path):
                _not_a_workbook(path, name, report)
                return None
            if suffix == ".xls":
                report.add("xlsx-named-xls", file=name, value=path.suffix)
                return None
            with zipfile.ZipFile(path) as archive:  # opened once for the three checks
                if _has_dtd(archive):
                    report.add("not-a-workbook", file=name, kind=FILE_KINDS["dtd"], format=suffix)
                    return None
                if not _zip_is_sane(archive, name, report, limits):
                    return None
                if suffix in (".xlsx", ".xlsm"):
                    xml_bytes = _cells_within_limits(archive, name, report, limits)
                    if xml_bytes is None:
                        return None
        else:
            _not_a_workbook(path, name, report)
            return None
        return Workbook(path, readers.read_spreadsheet(path, limits, xml_bytes=xml_bytes))
    except TooLarge as exc:
        report.add(exc.code, Severity.ERROR, file=name, sheet=exc.sheet, row=exc.row,
                   column=exc.column, limit=exc.limit, env=exc.env, **exc.params)
    except PermissionError as exc:
        report.add("file-unreadable", file=name, detail=exc.strerror or "permission denied")
    except OSError as exc:
        report.add("file-unreadable", file=name, detail=exc.strerror or str(exc))
    except readers.PasswordProtected:
        report.add("password-protected", file=name)
    except Exception:  # the readers raise many kinds for broken archives and XML
        kind = {".xls": "broken_xls", ".ods": "broken_ods"}.get(suffix, "broken")
        report.add("not-a-workbook", file=name, kind=FILE_KINDS[kind], format=suffix)
    return None


def _has_dtd(archive: zipfile.ZipFile) -> bool:
    """An XML member of the archive declares a DTD or entities (no spreadsheet program
    writes one; it is how entity bombs and external entities start)."""
    for member in archive.infolist():
        if member.filename.endswith((".xml", ".rels")):
            start = b"".join(member_chunks(archive, member, head=4096))[:4096]
            if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                return True
    return False


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(8)


def _is_encrypted(path: Path) -> bool:
    """Office files saved with a password are a compound file holding an 'EncryptedPackage'."""
    marker = "EncryptedPackage".encode("utf-16-le")
    with path.open("rb") as fh:
        return marker in fh.read(50_000_000)


def _zip_is_sane(archive: zipfile.ZipFile, name: str, report: Report, limits: Limits) -> bool:
    """Refuse archives that would expand to absurd sizes (zip bombs) before any parsing."""
    members = archive.infolist()
    total = sum(m.file_size for m in members)
    worst = max(
        (m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 10_000_000),
        default=0.0,
    )
    if len(members) > 10_000 or total > limits.max_uncompressed_mb * 1_000_000 or worst > limits.max_ratio:
        report.add("zip-bomb", file=name, limit=limits.max_uncompressed_mb,
                   size=round(total / 1_000_000), env="LIWINDEX_MAX_UNCOMPRESSED_MB")
        return False
    return True


# calamine allocates rows × columns cells of 32 bytes for a sheet's range before we see it
ALLOCATION_CELLS = 250_000_000
SCAN_CHUNK = 1 << 22


def _cells_within_limits(archive: zipfile.ZipFile, name: str, report: Report, limits: Limits) -> int | None:
    """Check each worksheet's cell positions against the limits *before* the reader
    allocates the sheet's range (a single cell at XFD1048576 asks for 550 GB and aborts the
    process); :mod:`liwindex.io.cellscan` finds them as the reader will. Streams the XML in
    chunks; refuses with the farthest cell named (None). Returns the bytes of worksheet XML
    read, which bound how much of a range can hold data."""
    from liwindex.io.cellscan import NEAR_COLUMNS, NEAR_ROWS, far_positions

    members = [m for m in archive.infolist()
               if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml")]
    total = 0
    for member in members:
        max_row, max_col, far = NEAR_ROWS, NEAR_COLUMNS, ""
        first, whole = [0], [0]  # bytes read by the scan, and by the slow path's second reading
        again = lambda m=member, w=whole: member_chunks(archive, m, w)  # noqa: E731
        for row, col, shown in far_positions(member_chunks(archive, member, first), again):
            if row > limits.max_rows or col > limits.max_columns:
                report.add("cell-beyond-limits", file=name,
                           value=shown if len(shown) <= 24 else shown[:23] + "…",
                           rows=limits.max_rows, columns=limits.max_columns)
                return None
            max_row, max_col, far = max(max_row, row), max(max_col, col), shown
        if far and max_row * max_col > ALLOCATION_CELLS:
            report.add("cell-beyond-limits", file=name, value=far, rows=limits.max_rows,
                       columns=limits.max_columns)
            return None
        total += max(first[0], whole[0])
    return total


class MemberTooLong(zipfile.BadZipFile):
    """A member inflates to more bytes than the archive declares for it."""


def member_chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo, size: list[int] | None = None,
                  head: int = 0) -> Iterator[bytes]:
    """A member's bytes in chunks of up to :data:`SCAN_CHUNK`, counted into ``size[0]``;
    with ``head``, only its first ``head`` bytes. Stored and deflated members are
    inflated here straight from the archive in one pass over exactly the compressed bytes
    the reader will inflate (zipfile's own reader moves them 4 kB at a time and checksums
    them, which cost more than the inflating); more bytes than the archive declares refuse
    the member (:class:`MemberTooLong`), as the reader would parse what a check stopping
    at the declared size never saw. Other methods and encrypted members go through zipfile."""
    fp = archive.fp
    if fp is None or member.flag_bits & 1 or member.compress_type not in (zipfile.ZIP_STORED,
                                                                          zipfile.ZIP_DEFLATED):
        yield from _chunks(archive.open(member), size, head)
        return
    fp.seek(member.header_offset)
    local = fp.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header: {member.filename}")
    fp.seek(member.header_offset + 30 + int.from_bytes(local[26:28], "little")
            + int.from_bytes(local[28:30], "little"))
    inflate = zlib.decompressobj(-15) if member.compress_type == zipfile.ZIP_DEFLATED else None
    left, out, most = member.compress_size, 0, min(head, SCAN_CHUNK) if head else SCAN_CHUNK
    step = most if inflate is None else 1 << 16 if head else SCAN_CHUNK  # compressed bytes a read
    while True:
        if inflate is not None and (inflate.unconsumed_tail or not left):
            # input held back by the output bound, or all read: zlib may still hold output
            # (a match cut by the bound) after the last input byte went in
            if inflate.eof:
                break
            piece = inflate.decompress(inflate.unconsumed_tail, most)
            if not piece and not left and not inflate.unconsumed_tail:
                break  # a stream cut short: it ends here for the reader too
        elif left:
            raw = fp.read(min(left, step))
            if not raw:
                raise zipfile.BadZipFile(f"truncated member: {member.filename}")
            left -= len(raw)
            piece = raw if inflate is None else inflate.decompress(raw, most)
        else:
            break
        out += len(piece)
        if out > member.file_size:
            raise MemberTooLong(member.filename)
        if size is not None:
            size[0] += len(piece)
        if piece:
            yield piece
        if head and out >= head:
            return


def _chunks(fh: Any, size: list[int] | None = None, head: int = 0) -> Iterator[bytes]:
    """A file's bytes in chunks (closed at the end), counted into ``size[0]``; with ``head``,
    only its first ``head`` bytes."""
    with fh:
        while chunk := fh.read(head or SCAN_CHUNK):
            if size is not None:
                size[0] += len(chunk)
            yield chunk
            if head:
                return


def _not_a_workbook(path: Path, name: str, report: Report) -> None:
    kind = _sniff(path)
    if kind is FILE_KINDS["text"]:
        report.add("text-as-workbook", file=name, value=path.suffix)
    else:
        report.add("not-a-workbook", file=name, kind=kind, format=path.suffix.lower())


def _sniff(path: Path) -> dict[str, str]:
    """A short guess of what a non-workbook file really is, to help the user."""
    with path.open("rb") as fh:
        head = fh.read(512)
    if head.startswith(b"%PDF"):
        return FILE_KINDS["pdf"]
    if head.startswith(b"PK"):
        return FILE_KINDS["broken"]
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return FILE_KINDS["html"]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return FILE_KINDS["unknown"]
    return FILE_KINDS["text"]


def note_hidden(workbook: Workbook, report: Report) -> None:
    """Say which hidden sheets were passed over when choosing the responses sheet."""
    # the hidden answer lists of liwindex's own template are not worth a note
    hidden = [s.name for s in workbook.sheets if s.hidden and s.name != TEMPLATE_LISTS]
    if hidden:
        report.add("hidden-sheets", Severity.NOTE, file=workbook.name,
                   value=", ".join(f"„{h}”" for h in hidden))
