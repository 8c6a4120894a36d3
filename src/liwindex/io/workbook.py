"""Opening input files and reading their sheets as rows that keep their spreadsheet row numbers.

Only the io package knows file formats: this module opens a file and hands it to the
reader of its format. A file that cannot be read ends as a problem in the report (missing,
a directory, empty, Excel's lock file, not really a workbook, password-protected, a zip
bomb, too large), never as a traceback or a hang. Input files are opened read-only and
never written.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from liwindex.io.archive import cells_within_limits, has_dtd, zip_is_sane
from liwindex.io.cellscan import TagTooLong
from liwindex.io.csvfile import read_csv
from liwindex.io.inputs import remember_input
from liwindex.io.readers import PasswordProtected, ReaderCrashed, ReaderFailed, read_spreadsheet
from liwindex.io.sheets import Limits, TooLarge, Workbook
from liwindex.messages.fragments import FILE_KINDS
from liwindex.problems import InputError, Report, Severity

ZIP_SUFFIXES = {".xlsx", ".xlsm", ".ods"}
TEMPLATE_LISTS = "listy"  # liwindex.outputs.forms.template.LISTS
SUPPORTED_SUFFIXES = ZIP_SUFFIXES | {".xls", ".csv", ".txt", ".tsv"}
# What says a file is damaged: the readers' refusals (:class:`ReaderFailed`: every
# exception raised inside their calls, :class:`ReaderCrashed`: the guarded reader died),
# and what the archive checks meet in a damaged zip (zipfile's and zlib's errors, a
# compression method zipfile lacks, a <c> tag no sheet has). Anything else is an error of
# liwindex's own and reaches the user as one (its traceback with --debug).
BROKEN = (
    ReaderFailed,
    ReaderCrashed,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    TagTooLong,
)


def open_workbook(path: str | Path, report: Report, limits: Limits | None = None) -> Workbook | None:
    """Read every sheet of ``path``; on failure add a problem to ``report`` and return None."""
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
    remember_input(path)
    try:
        if path.stat().st_size == 0:
            report.add("file-empty", file=name)
            return None
        if suffix in (".csv", ".txt", ".tsv"):
            return Workbook(path, [read_csv(path, report, limits)])
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
                if has_dtd(archive):
                    report.add("not-a-workbook", file=name, kind=FILE_KINDS["dtd"], format=suffix)
                    return None
                if not zip_is_sane(archive, name, report, limits):
                    return None
                if suffix in (".xlsx", ".xlsm"):
                    xml_bytes = cells_within_limits(archive, name, report, limits)
                    if xml_bytes is None:
                        return None
        else:
            _not_a_workbook(path, name, report)
            return None
        return Workbook(path, read_spreadsheet(path, limits, xml_bytes=xml_bytes))
    except TooLarge as exc:
        report.add(
            exc.code,
            Severity.ERROR,
            file=name,
            sheet=exc.sheet,
            row=exc.row,
            column=exc.column,
            limit=exc.limit,
            env=exc.env,
            **exc.params,
        )
    except PermissionError as exc:
        report.add("file-unreadable", file=name, detail=exc.strerror or "permission denied")
    except OSError as exc:
        report.add("file-unreadable", file=name, detail=exc.strerror or str(exc))
    except PasswordProtected:
        report.add("password-protected", file=name)
    except InputError as exc:  # a setting the reader needs is not allowed (environment.py)
        report.extend(exc.report.problems)
    except BROKEN:
        kind = {".xls": "broken_xls", ".ods": "broken_ods"}.get(suffix, "broken")
        report.add("not-a-workbook", file=name, kind=FILE_KINDS[kind], format=suffix)
    return None


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(8)


def _is_encrypted(path: Path) -> bool:
    """Office files saved with a password are a compound file holding an 'EncryptedPackage'."""
    marker = "EncryptedPackage".encode("utf-16-le")
    with path.open("rb") as fh:
        return marker in fh.read(50_000_000)


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
        report.add(
            "hidden-sheets", Severity.NOTE, file=workbook.name, value=", ".join(f"„{h}”" for h in hidden)
        )
