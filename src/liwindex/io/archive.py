"""Checks on a zip workbook (.xlsx, .xlsm, .ods) before any reader opens it.

Threats: entity bombs and external entities (a DTD in any XML member), zip bombs (sizes
and ratios past the limits), and cells placed so far out that python-calamine would
allocate their whole range (read off the sheet XML by :mod:`liwindex.io.cellscan`).
Members are inflated straight from the archive, one bounded chunk at a time.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from liwindex.io.sheets import Limits
from liwindex.problems import Report


def has_dtd(archive: zipfile.ZipFile) -> bool:
    """An XML member of the archive declares a DTD or entities (no spreadsheet program
    writes one; it is how entity bombs and external entities start)."""
    for member in archive.infolist():
        if member.filename.endswith((".xml", ".rels")):
            start = b"".join(member_chunks(archive, member, head=4096))[:4096]
            if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                return True
    return False


def zip_is_sane(archive: zipfile.ZipFile, name: str, report: Report, limits: Limits) -> bool:
    """Refuse archives that would expand to absurd sizes (zip bombs) before any parsing."""
    members = archive.infolist()
    total = sum(m.file_size for m in members)
    worst = max(
        (m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 10_000_000),
        default=0.0,
    )
    if len(members) > 10_000 or total > limits.max_uncompressed_mb * 1_000_000 or worst > limits.max_ratio:
        report.add(
            "zip-bomb",
            file=name,
            limit=limits.max_uncompressed_mb,
            size=round(total / 1_000_000),
            env="LIWINDEX_MAX_UNCOMPRESSED_MB",
        )
        return False
    return True


# calamine allocates rows × columns cells of 32 bytes for a sheet's range before we see it
ALLOCATION_CELLS = 250_000_000


SCAN_CHUNK = 1 << 22


def cells_within_limits(archive: zipfile.ZipFile, name: str, report: Report, limits: Limits) -> int | None:
    """Check each worksheet's cell positions against the limits *before* the reader
    allocates the sheet's range (a single cell at XFD1048576 asks for 550 GB and aborts the
    process); :mod:`liwindex.io.cellscan` finds them as the reader will. Streams the XML in
    chunks; refuses with the farthest cell named (None). Returns the bytes of worksheet XML
    read, which bound how much of a range can hold data."""
    from liwindex.io.cellscan import NEAR_COLUMNS, NEAR_ROWS, far_positions

    members = [
        m
        for m in archive.infolist()
        if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml")
    ]
    total = 0
    for member in members:
        max_row, max_col, far = NEAR_ROWS, NEAR_COLUMNS, ""
        first, whole = [0], [0]  # bytes read by the scan, and by the slow path's second reading
        again = lambda m=member, w=whole: member_chunks(archive, m, w)  # noqa: E731
        for row, col, shown in far_positions(member_chunks(archive, member, first), again):
            if row > limits.max_rows or col > limits.max_columns:
                report.add(
                    "cell-beyond-limits",
                    file=name,
                    value=shown if len(shown) <= 24 else shown[:23] + "…",
                    rows=limits.max_rows,
                    columns=limits.max_columns,
                )
                return None
            max_row, max_col, far = max(max_row, row), max(max_col, col), shown
        if far and max_row * max_col > ALLOCATION_CELLS:
            report.add(
                "cell-beyond-limits", file=name, value=far, rows=limits.max_rows, columns=limits.max_columns
            )
            return None
        total += max(first[0], whole[0])
    return total


class MemberTooLong(zipfile.BadZipFile):
    """A member inflates to more bytes than the archive declares for it."""


def member_chunks(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, size: list[int] | None = None, head: int = 0
) -> Iterator[bytes]:
    """A member's bytes in chunks of up to :data:`SCAN_CHUNK`, counted into ``size[0]``;
    with ``head``, only its first ``head`` bytes. Stored and deflated members are
    inflated here straight from the archive in one pass over exactly the compressed bytes
    the reader will inflate (zipfile's own reader moves them 4 kB at a time and checksums
    them, which cost more than the inflating); more bytes than the archive declares refuse
    the member (:class:`MemberTooLong`), as the reader would parse what a check stopping
    at the declared size never saw. Other methods and encrypted members go through zipfile."""
    fp = archive.fp
    if (
        fp is None
        or member.flag_bits & 1
        or member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
    ):
        yield from _chunks(archive.open(member), size, head)
        return
    fp.seek(member.header_offset)
    local = fp.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header: {member.filename}")
    fp.seek(
        member.header_offset
        + 30
        + int.from_bytes(local[26:28], "little")
        + int.from_bytes(local[28:30], "little")
    )
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
