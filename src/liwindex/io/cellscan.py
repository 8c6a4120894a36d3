"""Where a worksheet's cells lie, read off its XML before python-calamine allocates them.

calamine allocates a sheet's whole range (rows × columns, 32 bytes a cell) from the cell
positions it reads, so a single cell at XFD1048576 asks for 550 GB and aborts the process.
This module finds the positions calamine will use, as calamine reads them:

* a ``<c>`` element (any namespace prefix) takes its position from an unprefixed ``r``
  attribute in either quote style, in upper or lower case letters, the last one when
  repeated, with any whitespace around ``=``;
* a ``<c>`` without ``r`` takes the column after the previous cell of its row, in the
  current row: the one a ``<row r>`` set, or the one after the previous ``</row>``;
* self-closing ``<c/>`` and ``<row/>`` elements, comments and CDATA are not cells.

Ordinary exports (Excel, LibreOffice, Google Sheets, openpyxl, XlsxWriter) write every
cell as ``<c r="B7" …>`` with ``r`` first: that is checked with a few numpy comparisons
over the XML bytes and the references read at once (the fast path). Any other spelling,
comments, CDATA, processing instructions or cells without ``r`` send the sheet through an
exact tokenizer (the slow path), so that no spelling calamine accepts goes unchecked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from liwindex.text import column_letter, column_number

# Positions worth reporting: beyond column ZZ (702) or row 99,999. Ordinary survey sheets
# have none; the caller decides what is too far.
NEAR_ROWS = 99_999
NEAR_COLUMNS = 702

Position = tuple[int, int, str]  # row, column (1-based), the reference as shown


def far_positions(chunks: Iterable[bytes], reopen: Any) -> Iterator[Position]:
    """Every cell position (and row tag) of a worksheet beyond :data:`NEAR_ROWS` or
    :data:`NEAR_COLUMNS`. ``chunks`` streams the XML; ``reopen()`` streams it again from
    the start, for the slow path."""
    import numpy as np

    found: list[Position] = []
    first, canonical = True, True
    stream = iter(chunks)
    data = next(stream, b"")
    while data:  # each piece is checked up to its last "<", the last one whole
        more = next(stream, None)
        if more is None:
            piece, data = data, b""
        else:
            cut = data.rfind(b"<")
            if cut <= 0:
                data += more
                continue
            piece, data = data[:cut], data[cut:] + more
        checked = _fast(np.frombuffer(piece, dtype=np.uint8), piece, first)
        first = False
        if checked is None:
            canonical = False
            break
        found += checked
    _SCRATCH.release_large()  # before the slow path too: it needs none of the arrays
    yield from found if canonical else _slow(reopen())


_PAD = 32  # zeros after the data: every look ahead of a position stays inside


class _Scratch:
    """Work arrays reused from piece to piece and sheet to sheet: the comparisons write
    into them instead of allocating fresh arrays, each of which the system would map and
    fault in page by page (that cost more than the comparisons themselves)."""

    def __init__(self) -> None:
        self.size = 0

    def take(self, raw: Any) -> tuple[Any, Any, Any, Any]:
        """(the bytes padded with zeros, three boolean arrays), all for ``len(raw)`` bytes."""
        import numpy as np

        n = len(raw)
        if n > self.size:
            self.size = max(n, 2 * self.size)
            self.padded = np.empty(self.size + _PAD, dtype=np.uint8)
            self.masks = [np.empty(self.size, dtype=bool) for _ in range(3)]
        a = self.padded[: n + _PAD]
        a[:n] = raw
        a[n:] = 0
        return a, *(m[:n] for m in self.masks)  # type: ignore[return-value]

    def release_large(self) -> None:
        """Free arrays grown past a survey-sized sheet (a big sheet's scan should not add
        to the reader's peak)."""
        if self.size > 1 << 20:
            self.size = 0
            del self.padded, self.masks


_SCRATCH = _Scratch()


def _fast(raw: Any, data: bytes, first: bool) -> list[Position] | None:
    """The far positions of a piece of canonical sheet XML cut before a ``<``, or None
    when the piece is not canonical (the slow path must read the sheet). Whole-array
    comparisons find the few positions that matter (``<c``, ``<row``, ``:``, an ``r``
    after a separator) and the bytes after them decide. Each test may count more than it
    must (that only sends a sheet to the slow path), never fewer."""
    import numpy as np

    n = len(raw)
    a, lt, one, two = _SCRATCH.take(raw)
    s0, s1 = a[:n], a[1 : n + 1]
    np.equal(s0, 60, out=lt)  # <

    def after_lt(byte: int) -> Any:
        """The mask of "<" followed by ``byte``."""
        np.equal(s1, byte, out=one)
        return np.logical_and(lt, one, out=one)

    # comments, CDATA and processing instructions (the XML declaration aside) hide text
    # from a byte scan: the tokenizer reads such sheets
    special = np.count_nonzero(after_lt(33)) + np.count_nonzero(after_lt(63))  # <! <?
    if special > (1 if first and data.startswith((b"<?xml", b"\xef\xbb\xbf<?xml")) else 0):
        return None
    # every <c> element must begin <c r=" (a name ends with whitespace, > or /, all below
    # "A"; so do a few name characters: counted too), and none may have a prefix (x:c)
    cells = np.flatnonzero(after_lt(99))
    cells = cells[a[cells + 2] < 65]
    if not ((a[cells + 2] == 32) & (a[cells + 3] == 114) & (a[cells + 4] == 61) & (a[cells + 5] == 34)).all():
        return None
    colons = np.flatnonzero(np.equal(s0, 58, out=one))
    if np.count_nonzero((a[colons + 1] == 99) & (a[colons + 2] < 65)):
        return None
    rows = np.flatnonzero(after_lt(114))
    rows = rows[
        (a[rows + 2] == 111)
        & (a[rows + 3] == 119)
        & (a[rows + 4] == 32)
        & (a[rows + 5] == 114)
        & (a[rows + 6] == 61)
        & (a[rows + 7] == 34)
    ]
    # and every r attribute (any spelling: r after whitespace or a quote and before = or
    # whitespace; bytes up to ' and up to space stand for those) must be the first one of
    # a <c> or <row>: no repeated r, no r elsewhere
    np.less_equal(s0, 39, out=two)
    np.equal(s1, 114, out=one)
    after = np.flatnonzero(np.logical_and(one, two, out=one)) + 2
    following = a[after]
    if np.count_nonzero((following == 61) | (following <= 32)) != len(cells) + len(rows):
        return None
    # references that may be far: a third letter, or a seventh byte that is a digit (six
    # digits after one letter; five or more after two)
    third, seventh = a[cells + 8] | 32, a[cells + 12]
    far = cells[((third >= 97) & (third <= 122)) | ((seventh >= 48) & (seventh <= 57))]
    found = [
        p
        for p in (_position(_value(data, start + 6)) for start in far.tolist())
        if p[0] > NEAR_ROWS or p[1] > NEAR_COLUMNS
    ]
    sixth = a[rows + 13]  # row r="123456
    for start in rows[(sixth >= 48) & (sixth <= 57)].tolist():
        digits = _value(data, start + 8)
        if digits.isdigit() and _row_number(digits) > NEAR_ROWS:
            found.append((_row_number(digits), 1, "A" + digits.decode()))
    return found


def _value(data: bytes, start: int) -> bytes:
    """The attribute value starting at ``start``, up to its closing quote."""
    end = data.find(b'"', start)
    return data[start : end if end >= 0 else len(data)]


_REFERENCE = re.compile(rb"([A-Za-z]*)([0-9]*)")


def _position(ref: bytes) -> Position:
    """A cell reference as (row, column, shown); malformed ones (calamine refuses them)
    count as near."""
    letters, digits = _REFERENCE.match(ref).groups()  # type: ignore[union-attr]
    if not letters or not digits:
        return 1, 1, ref.decode("ascii", "replace")
    return _row_number(digits), column_number(letters.decode().upper()), ref.decode("ascii", "replace")


def _row_number(digits: bytes) -> int:
    """A row reference; absurdly long ones count as huge (int() refuses 4,300+ digits)."""
    return int(digits) if len(digits) <= 12 else 10**12


# The tokenizer of the slow path: comments, CDATA and declarations are skipped whole;
# every element tag is read with its attributes, whose quoted values may hold ">".
_TOKEN = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!(?!--|\[CDATA\[)[^>]*>"
    rb'|<(/?)([^\s/>"\'<]+)((?:[^>"\']|"[^"]*"|\'[^\']*\')*)>',
    re.S,
)
_ATTRIBUTE = re.compile(rb'([^\s=/>"\']+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')


def _slow(chunks: Iterable[bytes]) -> Iterator[Position]:
    """The far positions as calamine computes them, tag by tag (for sheets the fast path
    cannot read: a few in a thousand, so a Python loop over their tags is affordable)."""
    row, column = 1, 1  # where a cell without r goes
    in_cell = False
    carry = b""
    for chunk in itertools.chain(chunks, [b""]):
        data = carry + chunk
        at_end = not chunk
        pos = data.find(b"<")
        while pos >= 0:
            token = _TOKEN.match(data, pos)
            if token is None:
                if not at_end:
                    break  # a tag or comment cut by the chunk's end: read on
                pos = data.find(b"<", pos + 1)  # not XML the reader accepts either
                continue
            pos = data.find(b"<", token.end())
            name = token.group(2)
            if name is None:
                continue
            local = name.rpartition(b":")[2]
            closing = token.group(1) == b"/"
            if in_cell:
                in_cell = not (closing and local == b"c")
                continue
            attributes = token.group(3)
            if local not in (b"c", b"row") or (attributes.endswith(b"/") and not closing):
                continue  # self-closing <c/> and <row/> are not read as cells or rows
            if local == b"row":
                if closing:
                    row, column = row + 1, 1
                    continue
                r = _r(attributes)
                if r is not None and r.isdigit():
                    row = _row_number(r)
                    if row > NEAR_ROWS:
                        yield row, 1, "A" + r.decode()
                continue
            if closing:
                continue
            in_cell = True
            r = _r(attributes)
            if r is not None:
                position = _position(r)
                column = position[1]
            else:
                position = (row, column, column_letter(min(column, 10**6)) + str(row))
            if position[0] > NEAR_ROWS or position[1] > NEAR_COLUMNS:
                yield position
            column += 1
        carry = data[pos:] if pos >= 0 and not at_end else b""


def _r(attributes: bytes) -> bytes | None:
    """The value of the (last) unprefixed r attribute."""
    value = None
    for found in _ATTRIBUTE.finditer(attributes):
        if found.group(1) == b"r":
            value = found.group(2) if found.group(2) is not None else found.group(3)
    return value
