"""Finding input files: the workbooks a folder holds, for every command that takes folders,
and the files liwindex wrote itself (reports), which are never read as answers."""

from __future__ import annotations

import zipfile
from pathlib import Path

SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}
# The mark of a workbook liwindex wrote (its core property "category") and of its pages
# (<meta name="generator">): such a file in a round folder is a report, not an export.
OUTPUT_MARK = "liwindex"
_CORE = "docProps/core.xml"
_CORE_MAX = 1 << 16  # a core-properties part is a few hundred bytes


def written_by_liwindex(path: Path) -> bool:
    """Whether ``path`` is a workbook liwindex wrote (a report, a summary, an XLSForm):
    its core properties carry the mark. A typing-in template is not marked (it is filled
    in and read back)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_CORE)
            if info.file_size > _CORE_MAX:
                return False
            return f"<cp:category>{OUTPUT_MARK}</cp:category>".encode() in archive.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError):
        return False


def folder_files(folder: Path, skipped: list[Path] | None = None) -> list[Path]:
    """The workbooks directly in ``folder``, in name order: not lock or hidden files, and
    not files liwindex wrote (those go to ``skipped``)."""
    found = []
    for p in sorted(folder.iterdir()):
        if p.suffix.lower() not in SUFFIXES or p.name.startswith(("~$", ".")) or not p.is_file():
            continue
        if written_by_liwindex(p):
            if skipped is not None:
                skipped.append(p)
            continue
        found.append(p)
    return found


def expand_paths(items: list[str], skipped: list[Path] | None = None) -> list[Path]:
    """Files as given, and the workbooks inside any folder (see :func:`folder_files`)."""
    paths: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            paths += folder_files(path, skipped)
        else:
            paths.append(path)
    return paths
