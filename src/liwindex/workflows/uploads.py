"""Unpacking an uploaded zip of JST folders for the app's batch, with the archive checks
every workbook gets (zip bombs, members that inflate past their declared size) and no
member path that leaves the folder it is unpacked into."""

from __future__ import annotations

import re
import stat
import unicodedata
import zipfile
import zlib
from pathlib import Path

from liwindex.io.archive import MemberTooLong, member_chunks, zip_is_sane
from liwindex.io.sheets import Limits
from liwindex.problems import Report, Severity

# the files a round is made of (responses, metryka, mapping); anything else is passed over
ROUND_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".tsv", ".yaml", ".yml")
MAX_DEPTH = 6
MAX_PART = 120
# one path part: letters, digits, spaces and a few marks, nothing a shell or a file system
# reads specially (a linear class: no nested quantifier)
_UNSAFE = re.compile(r"[^\w .,()\-+&']")


def safe_part(part: str) -> str | None:
    """One path part of a member as it may be written here, or None (``..``, empty)."""
    text = _UNSAFE.sub("_", unicodedata.normalize("NFC", part)).strip(" .")
    if not text or len(text) > MAX_PART:
        return None
    return text


def unpack_zip(path: str | Path, dest: str | Path, display: str, max_bytes: int) -> Report:
    """Unpack the round files of the zip ``path`` into ``dest`` (every member path made
    safe: no absolute path, no ``..``, no link); ``display`` names the archive in messages.
    Nothing beyond ``max_bytes`` unpacked is written."""
    report = Report()
    dest = Path(dest)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        report.add("upload-not-zip", file=display)
        return report
    with archive:
        if not zip_is_sane(archive, display, report, Limits.from_env()):
            return report
        members = [m for m in archive.infolist() if not m.is_dir()]
        if sum(m.file_size for m in members) > max_bytes:
            report.add("upload-zip-too-large", file=display, limit=max_bytes // 1_000_000)
            return report
        written = 0
        for member in members:
            if stat.S_ISLNK(member.external_attr >> 16) or not member.filename.lower().endswith(
                ROUND_SUFFIXES
            ):
                continue
            raw = member.filename.replace("\\", "/").split("/")
            parts = [safe_part(p) for p in raw if p not in ("", ".")]
            if ".." in raw or raw[0] == "" or len(parts) > MAX_DEPTH or None in parts:
                report.add("upload-zip-path", Severity.WARNING, file=display, value=member.filename[:200])
                continue
            target = dest.joinpath(*[p for p in parts if p is not None])
            target.parent.mkdir(parents=True, exist_ok=True)
            size = [0]
            try:
                with target.open("xb") as out:
                    for chunk in member_chunks(archive, member, size):
                        written += len(chunk)
                        if written > max_bytes:
                            raise MemberTooLong(member.filename)
                        out.write(chunk)
            except FileExistsError:  # two members made alike by the safe names
                report.add("upload-zip-path", Severity.WARNING, file=display, value=member.filename[:200])
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError):
                target.unlink(missing_ok=True)
                report.add("upload-zip-too-large", file=display, limit=max_bytes // 1_000_000)
                return report
    if not any(p.is_file() for p in dest.rglob("*")):
        report.add("upload-zip-empty", file=display)
    return report


def arrange_folder(files: list[tuple[Path, tuple[str, ...], str]], dest: str | Path) -> Report:
    """Move uploaded files (stored path, the folders above them as the browser gave them,
    their name) into ``dest`` as the tree of folders they came from, every part made safe;
    files no round is made of are left out."""
    report = Report()
    dest = Path(dest)
    for stored, folders, name in files:
        if not name.lower().endswith(ROUND_SUFFIXES):
            continue
        parts = [safe_part(p) for p in (*folders, name)]
        if ".." in folders or len(parts) > MAX_DEPTH or None in parts:
            report.add("upload-zip-path", Severity.WARNING, file=name, value="/".join((*folders, name))[:200])
            continue
        target = dest.joinpath(*[p for p in parts if p is not None])
        if target.exists():
            report.add("upload-zip-path", Severity.WARNING, file=name, value="/".join((*folders, name))[:200])
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        Path(stored).replace(target)
    if not any(p.is_file() for p in dest.rglob("*")):
        report.add("upload-zip-empty", file=str(dest.name))
    return report
