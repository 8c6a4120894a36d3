"""Checks on a zip workbook (.xlsx, .xlsm, .ods) before any reader opens it.

Threats: entity bombs and external entities (a DTD in any XML member), zip bombs (sizes
and ratios past the limits), and cells placed so far out that python-calamine would
allocate their whole range (read off the sheet XML by :mod:`liwindex.io.cellscan`, in
every member a reader may open as a sheet, :func:`sheet_parts`). Members are inflated
straight from the archive, one bounded chunk at a time; UTF-16 ones are read as UTF-8.
"""

from __future__ import annotations

import itertools
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from liwindex.io.sheets import Limits
from liwindex.problems import Report


def has_dtd(archive: zipfile.ZipFile) -> bool:
    """An XML member of the archive (any ``.xml`` or ``.rels``, and every part a reader
    may open as a sheet) declares a DTD or entities (no spreadsheet program writes one; it
    is how entity bombs and external entities start). The whole prolog is read, however
    long its comments, in UTF-8 or UTF-16."""
    members = {m.filename: m for m in archive.infolist() if _key(m.filename).endswith((".xml", ".rels"))}
    if any(_prolog_has_dtd(_as_utf8(_prolog_chunks(archive, m))) for m in members.values()):
        return True
    others = [m for m in sheet_parts(archive) if m.filename not in members]
    return any(_prolog_has_dtd(_as_utf8(_prolog_chunks(archive, m))) for m in others)


PROLOG_HEAD = 1 << 16


def _prolog_chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's first bytes, then (only when asked for: a prolog longer than those) the
    rest of it."""
    head = b"".join(member_chunks(archive, member, head=PROLOG_HEAD))
    yield head
    if len(head) < PROLOG_HEAD:
        return
    skip = len(head)
    for chunk in member_chunks(archive, member):
        if skip >= len(chunk):
            skip -= len(chunk)
            continue
        yield chunk[skip:]
        skip = 0


def _prolog_has_dtd(chunks: Iterator[bytes]) -> bool:
    """The XML's prolog (before its first element) holds a declaration other than a
    comment (``<!DOCTYPE``, ``<!ENTITY``, in any case): the first element ends the search,
    so a sheet is not read to its end. Linear: each chunk is searched once, with the few
    bytes a marker cut by a chunk's end may need."""
    data, closing = b"", b""  # closing: the end of the comment or instruction being skipped
    for chunk in chunks:
        data += chunk
        while True:
            if closing:
                end = data.find(closing)
                if end < 0:
                    data = data[-(len(closing) - 1) :]
                    break
                data, closing = data[end + len(closing) :], b""
            at = data.find(b"<")
            if at < 0:
                data = b""
                break
            data = data[at:]
            if len(data) < 4:
                break  # "<", "<!" or "<!-": wait for more
            if data.startswith(b"<!--"):
                data, closing = data[4:], b"-->"
            elif data.startswith(b"<?"):
                data, closing = data[2:], b"?>"
            else:
                return data.startswith(b"<!")
    return data.startswith(b"<!") and not b"<!--".startswith(data)


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


# a relationships part of a workbook with thousands of sheets is a few hundred kilobytes
LONGEST_RELATIONSHIPS = 16_000_000


class RelationshipsTooLong(zipfile.BadZipFile):
    """A relationships part longer than :data:`LONGEST_RELATIONSHIPS`."""


def sheet_parts(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Every member a reader may open as a worksheet, whatever its name or case: those
    under ``xl/worksheets/``, and the target of every sheet relationship in any
    relationships part (``*.rels``) and every sheet part named in ``[Content_Types].xml``.

    The readers find sheets differently, and this takes the union: python-calamine finds
    the workbook through ``_rels/.rels``, joins each target of its relationships to the
    workbook's folder as written (or takes it from the root when it starts with "/") and
    looks the path up ignoring case and with "\\" read as "/"; openpyxl resolves ".." and
    "." and reads XML entities. Each target is tried in all these spellings."""
    from liwindex.io.cellscan import attributes, tags

    by_key: dict[str, list[zipfile.ZipInfo]] = {}
    for member in archive.infolist():
        by_key.setdefault(_key(member.filename), []).append(member)
    wanted = {key for key in by_key if key.startswith("xl/worksheets/") and key.endswith(".xml")}
    for key, members in by_key.items():
        if not (key.endswith(".rels") or key == "[content_types].xml"):
            continue
        owner = key.rpartition("/")[0] + "/" if "/" in key else ""
        if owner.endswith("_rels/"):
            owner = owner[: -len("_rels/")]
        for member in members:
            if member.file_size > LONGEST_RELATIONSHIPS:
                raise RelationshipsTooLong(member.filename)
            for _, name, text in tags(_as_utf8(member_chunks(archive, member))):
                local = name.rpartition(b":")[2].lower()
                found: dict[bytes, list[bytes]] = {}  # every value: a repeated name too
                for n, v in attributes(text):
                    found.setdefault(n.rpartition(b":")[2].lower(), []).append(v)
                if local == b"relationship" and _names_a_sheet(found.get(b"type", []), "/"):
                    for target in {t for raw in found.get(b"target", []) for t in _spellings(raw)}:
                        absolute = target.lstrip("/")
                        wanted |= {owner + target, absolute, posixpath.normpath(owner + target)}
                        wanted.add(posixpath.normpath(absolute))
                elif local == b"override" and _names_a_sheet(found.get(b"contenttype", []), "."):
                    wanted |= {p.lstrip("/") for raw in found.get(b"partname", []) for p in _spellings(raw)}
    return [member for key in sorted({_key(k) for k in wanted}) for member in by_key.get(key, [])]


def _key(name: str) -> str:
    """A member's name as python-calamine looks it up: "\\" as "/", any case."""
    return name.replace("\\", "/").lower().lstrip("/")


def _names_a_sheet(kinds: list[bytes], separator: str) -> bool:
    """One of the values is a relationship type (``…/worksheet``) or content type
    (``….worksheet+xml``) of a worksheet, chartsheet, dialogsheet or macrosheet, in any
    spelling."""
    return any("sheet" in text.rpartition(separator)[2] for kind in kinds for text in _spellings(kind))


def _spellings(value: bytes) -> set[str]:
    """An attribute's value as written, with XML entities read, and percent-decoded."""
    import html
    from urllib.parse import unquote

    text = value.decode("utf-8", "replace").replace("\\", "/").lower()
    return {text, html.unescape(text), unquote(text), unquote(html.unescape(text))}


def _as_utf8(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """An XML member's bytes, UTF-16 ones (a byte order mark, or "<" and a zero byte)
    transcoded to UTF-8 as they stream; others as they are."""
    import codecs

    first = b""
    while len(first) < 2:  # enough to tell the encoding by
        more = next(chunks, None)
        if more is None:
            break
        first += more
    if first[:2] in (b"\xff\xfe", b"\xfe\xff") or first[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf_16_be" if first[:2] in (b"\xfe\xff", b"\x00<") else "utf_16_le"
        decoder = codecs.getincrementaldecoder(encoding)("replace")
        skip = 2 if first[:2] in (b"\xff\xfe", b"\xfe\xff") else 0
        for chunk in itertools.chain([first[skip:]], chunks):
            if text := decoder.decode(chunk):
                yield text.encode()
        if text := decoder.decode(b"", final=True):
            yield text.encode()
        return
    if first:
        yield first
    yield from chunks


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

    members = sheet_parts(archive)
    total = 0
    for member in members:
        max_row, max_col, far = NEAR_ROWS, NEAR_COLUMNS, ""
        first, whole = [0], [0]  # bytes read by the scan, and by the slow path's second reading
        again = lambda m=member, w=whole: _as_utf8(member_chunks(archive, m, w))  # noqa: E731
        for row, col, shown in far_positions(_as_utf8(member_chunks(archive, member, first)), again):
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
    if member.flag_bits & 1:  # no spreadsheet program encrypts members (zipfile would ask)
        raise zipfile.BadZipFile(f"encrypted member: {member.filename}")
    fp = archive.fp
    if fp is None or member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        yield from _chunks(archive.open(member), size, head)
        return
    if member.header_offset < 0:  # a damaged central directory
        raise zipfile.BadZipFile(f"bad header offset: {member.filename}")
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
