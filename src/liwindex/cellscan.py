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

    carry = b""
    first = True
    found: list[Position] = []
    for chunk in chunks:
        data = carry + chunk
        cut = data.rfind(b"<")
        if cut <= 0:
            carry = data
            continue
        carry, data = data[cut:], data[:cut]
        checked = _fast(np.frombuffer(data, dtype=np.uint8), data, first)
        first = False
        if checked is None:
            yield from _slow(reopen())
            return
        found += checked
    if carry:
        checked = _fast(np.frombuffer(carry, dtype=np.uint8), carry, first)
        if checked is None:
            yield from _slow(reopen())
            return
        found += checked
    yield from found


_PAD = 32  # zeros after the data: every look ahead of a position stays inside


def _fast(raw: Any, data: bytes, first: bool) -> list[Position] | None:
    """The far positions of a piece of canonical sheet XML cut before a ``<``, or None
    when the piece is not canonical (the slow path must read the sheet). Works on the
    positions of three bytes (``<``, ``:`` and ``r``) and the bytes around them."""
    import numpy as np

    n = len(raw)
    a = np.zeros(n + _PAD, dtype=np.uint8)
    a[:n] = raw
    head = a[:n]

    def space(x: Any) -> Any:
        return (x == 32) | (x == 9) | (x == 10) | (x == 13)

    def name_ends(x: Any) -> Any:
        return space(x) | (x == 62) | (x == 47)  # whitespace, > or /

    # one pass for the positions of the three bytes that matter: < : r
    marks = np.flatnonzero((head == 60) | (head == 58) | (head == 114))
    kind = a[marks]
    tags, colons, rs = marks[kind == 60], marks[kind == 58], marks[kind == 114]
    first_byte = a[tags + 1]
    # comments, CDATA and processing instructions (the XML declaration aside) hide text
    # from a byte scan: the tokenizer reads such sheets
    special = np.count_nonzero((first_byte == 33) | (first_byte == 63))
    if special > (1 if first and data.startswith((b"<?xml", b"\xef\xbb\xbf<?xml")) else 0):
        return None
    # every <c> element, prefixed or not, must begin <c r="
    cells = tags[first_byte == 99]
    cells = cells[name_ends(a[cells + 2])]
    canonical = (a[cells + 2] == 32) & (a[cells + 3] == 114) & (a[cells + 4] == 61) & (a[cells + 5] == 34)
    if not canonical.all() or np.count_nonzero((a[colons + 1] == 99) & name_ends(a[colons + 2])):
        return None
    rows = tags[first_byte == 114]
    rows = rows[(a[rows + 2] == 111) & (a[rows + 3] == 119) & (a[rows + 4] == 32) & (a[rows + 5] == 114) &
                (a[rows + 6] == 61) & (a[rows + 7] == 34)]
    # and every r attribute (any spelling: after whitespace or a quote, before = or
    # whitespace) must be the first one of a <c> or <row>: no repeated r, no r elsewhere
    rs = rs[rs > 0]
    before, next_ = a[rs - 1], a[rs + 1]
    r_any = np.count_nonzero((space(before) | (before == 34) | (before == 39)) &
                             ((next_ == 61) | space(next_)))
    if r_any != len(cells) + len(rows):
        return None
    found = [p for p in _references(a, cells + 6, data) if p[0] > NEAR_ROWS or p[1] > NEAR_COLUMNS]
    found += [(row, 1, "A" + digits) for row, digits in _row_numbers(a, rows + 8, data)
              if row > NEAR_ROWS]
    return found


def _references(a: Any, starts: Any, data: bytes) -> Iterator[Position]:
    """The cell references starting at ``starts`` (each after r=") that may lie beyond
    column ZZ or row 99,999: a third letter, or a digit seven bytes in (six digits after
    one letter; five or more after two)."""
    third, seventh = a[starts + 2] | 32, a[starts + 6]
    far = ((third >= 97) & (third <= 122)) | ((seventh >= 48) & (seventh <= 57))
    for start in starts[far].tolist():
        end = data.find(b'"', start)
        yield _position(data[start:end if end >= 0 else len(data)])


def _row_numbers(a: Any, starts: Any, data: bytes) -> Iterator[tuple[int, str]]:
    """The row numbers of six digits or more among row tags' r values at ``starts``."""
    sixth = a[starts + 5]
    for start in starts[(sixth >= 48) & (sixth <= 57)].tolist():
        end = data.find(b'"', start)
        found = data[start:end if end >= 0 else len(data)]
        if found.isdigit():
            yield _row_number(found), found.decode()


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
_TOKEN = re.compile(rb'<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!(?!--|\[CDATA\[)[^>]*>'
                    rb'|<(/?)([^\s/>"\'<]+)((?:[^>"\']|"[^"]*"|\'[^\']*\')*)>', re.S)
_ATTRIBUTE = re.compile(rb'([^\s=/>"\']+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')


def _slow(chunks: Iterable[bytes]) -> Iterator[Position]:
    """The far positions as calamine computes them, tag by tag (for sheets the fast path
    cannot read: a few in a thousand, so a Python loop over their tags is affordable)."""
    import itertools

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
