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

Both paths are linear in the sheet, whatever it holds: the tokenizer uses only str.find
and single-class patterns (no pattern that can backtrack), resumes a token cut by a
chunk's end where it stopped, and holds a long one in short. Which members are sheets is
:func:`liwindex.io.archive.sheet_parts`'s to say.
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
    pending: list[bytes] = []  # the bytes from the last "<" on, not yet checked
    while True:
        # each piece is checked up to its last "<", the last one whole; a chunk without
        # "<" is only held (joined once, not copied chunk after chunk)
        more = next(stream, None)
        if more is None:
            piece, pending = b"".join(pending), []
        else:
            cut = more.rfind(b"<")
            if cut < 0 or (cut == 0 and not any(pending)):
                pending.append(more)
                continue
            piece, pending = b"".join([*pending, more[:cut]]), [more[cut:]]
        if piece:
            checked = _fast(np.frombuffer(piece, dtype=np.uint8), piece, first)
            first = False
            if checked is None:
                canonical = False
                break
            found += checked
        if more is None:
            break
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
# every element tag is read with its attributes, whose quoted values may hold ">". Only
# str.find and single-class patterns: each byte is looked at a bounded number of times,
# whatever the input (no pattern that can backtrack).
_TAG_STOP = re.compile(rb"[>\"']")  # the end of a tag, or a quoted value inside it
_NAME = re.compile(rb"[^\s/>\"'<]+")  # an element's name
_ATTRIBUTE_NAME = re.compile(rb"[^\s=/>\"']+")
_SPACE = re.compile(rb"\s*")
# the usual tag, whole, when it holds no quote and no "<": a name, then nothing or
# whitespace or "/" and no ">" (the classes meet only where the name must end, so a
# failed match gives back each byte once)
_PLAIN_TAG = re.compile(rb"<(/?)([^\s/>\"'<!?][^\s/>\"'<]*)([\s/][^>\"'<]*|)>")
_ENDS = ((b"<!--", b"-->"), (b"<![CDATA[", b"]]>"), (b"<?", b"?>"), (b"<!", b">"))
_INCOMPLETE, _NOT_A_TAG = -1, -2
# a token cut by a chunk's end is held whole up to this size; a longer one is held in
# short (the bytes that still matter), so that no token is copied chunk after chunk
_HOLD = 1 << 16
# a <c> or <row> tag this long (its attributes are a few short ones) is not a sheet's
LONGEST_CELL_TAG = 1 << 20


class TagTooLong(ValueError):
    """A <c> or <row> tag longer than :data:`LONGEST_CELL_TAG`."""


def _token_end(data: bytes, pos: int, state: list[Any]) -> int:
    """Where the comment, CDATA section, declaration or tag starting at ``data[pos]``
    ("<") ends (the index after it), :data:`_NOT_A_TAG` when no tag starts there, or
    :data:`_INCOMPLETE` when ``data`` ends first. ``state`` ([bytes already searched
    from ``pos``, the open quote]) lets the search resume where it stopped once more data
    arrives, so that a token spanning many chunks is searched once."""
    searched, quote = state
    after = data[pos + 1 : pos + 2]
    if after in (b"!", b"?", b""):
        rest = data[pos : pos + 9]
        if len(rest) < 9 and (b"<![CDATA[".startswith(rest) or (len(rest) < 4 and b"<!--".startswith(rest))):
            return _INCOMPLETE  # too little to tell which kind it is
        for opening, closing in _ENDS:
            if data.startswith(opening, pos):
                if opening == b"<!" and data.startswith((b"<!--", b"<![CDATA["), pos):
                    continue
                end = data.find(closing, max(pos + len(opening), pos + searched - len(closing) + 1))
                if end < 0:
                    state[0] = len(data) - pos
                    return _INCOMPLETE
                return end + len(closing)
    start = pos + 2 if after == b"/" else pos + 1
    if start >= len(data):
        return _INCOMPLETE
    if not _NAME.match(data, start, start + 1):
        return _NOT_A_TAG
    at = max(start, pos + searched)
    if not quote:  # the usual tag: its first ">" ends it unless a quote may hold it
        end = data.find(b">", at)
        if end >= 0:
            doubles, singles = data.count(b'"', at, end), data.count(b"'", at, end)
            if (not singles and doubles % 2 == 0) or (not doubles and singles % 2 == 0):
                return end + 1
    while True:
        if quote:
            close = data.find(quote, at)
            if close < 0:
                state[0], state[1] = len(data) - pos, quote
                return _INCOMPLETE
            at, quote = close + 1, None
            continue
        stop = _TAG_STOP.search(data, at)
        if stop is None:
            state[0], state[1] = len(data) - pos, None
            return _INCOMPLETE
        if data[stop.start()] == 62:  # >
            return stop.end()
        at, quote = stop.end(), data[stop.start() : stop.end()]


def _held(token: bytes, state: list[Any]) -> bytes:
    """A long token cut by a chunk's end, in short: a comment, CDATA section or
    declaration as its opening and the last bytes that may begin its closing; a tag other
    than <c> or <row> as "<", a name with the same local name as far as a cell is
    concerned, and no attributes (the quote it is in stays in ``state``). A <c> or <row>
    tag is held whole, up to :data:`LONGEST_CELL_TAG` (:class:`TagTooLong` beyond)."""
    for opening, closing in _ENDS:
        if token.startswith(opening) and not (opening == b"<!" and token.startswith((b"<!--", b"<![CDATA["))):
            held = opening + token[len(token) - len(closing) + 1 :] if len(closing) > 1 else opening
            state[0] = len(held)
            return held
    slash = b"/" if token.startswith(b"</") else b""
    name = _NAME.match(token, 1 + len(slash))
    assert name is not None
    local = name.group().rpartition(b":")[2]
    if name.end() == len(token):  # the name itself is cut: what follows may extend it
        held = b"<" + slash + b"x:" + local[-4:]
    elif local in (b"c", b"row"):  # held whole: its attributes are wanted
        if len(token) > LONGEST_CELL_TAG:
            raise TagTooLong(local.decode())
        return token
    else:
        held = b"<" + slash + b"x:" + local[-4:] + b" "
    state[0] = len(held)  # what was searched needs no second look
    return held


def tags(chunks: Iterable[bytes]) -> Iterator[tuple[bool, bytes, bytes]]:
    """Every element tag of an XML stream as (closing, name, the attributes' text),
    comments, CDATA, declarations and stray "<" passed over; linear in the input."""
    carry = b""
    state: list[Any] = [0, None]
    for chunk in itertools.chain((c for c in chunks if c), [b""]):  # b"": the end
        data = carry + chunk if carry else chunk
        at_end = not chunk
        pos = data.find(b"<")
        while pos >= 0:
            plain = None if state[0] else _PLAIN_TAG.match(data, pos)
            if plain is not None:
                yield plain.group(1) == b"/", plain.group(2), plain.group(3)
                pos = data.find(b"<", plain.end())
                continue
            end = _token_end(data, pos, state)
            if end == _INCOMPLETE:
                if not at_end:
                    break  # a tag or comment cut by the chunk's end: read on
                return  # never closed: not XML the reader accepts either
            state[0], state[1] = 0, None
            if end == _NOT_A_TAG:
                pos = data.find(b"<", pos + 1)
                continue
            if data[pos + 1] not in b"!?":
                closing = data[pos + 1] == 47  # /
                name = _NAME.match(data, pos + 1 + closing)
                assert name is not None
                yield closing, name.group(), data[name.end() : end - 1]
            pos = data.find(b"<", end)
        carry = data[pos:] if pos >= 0 and not at_end else b""
        if len(carry) > _HOLD:
            carry = _held(carry, state)


def _slow(chunks: Iterable[bytes]) -> Iterator[Position]:
    """The far positions as calamine computes them, tag by tag (for sheets the fast path
    cannot read: a few in a thousand, so a Python loop over their tags is affordable)."""
    row, column = 1, 1  # where a cell without r goes
    in_cell = False
    for closing, name, attributes in tags(chunks):
        local = name.rpartition(b":")[2]
        if in_cell:
            in_cell = not (closing and local == b"c")
            continue
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


def attributes(text: bytes) -> Iterator[tuple[bytes, bytes]]:
    """The (name, value) pairs of a tag's attribute text, in order: a name, optional
    whitespace, "=", optional whitespace and a value in either quote style. Bytes that do
    not make one are passed over, as a reader that recovers would. Linear: a name that is
    not followed by "=" is skipped whole (no shorter part of it can be a name either)."""
    at, n = 0, len(text)
    while at < n:
        name = _ATTRIBUTE_NAME.search(text, at)
        if name is None:
            return
        at = equals = name.end()
        if equals < n and text[equals] != 61:  # spaces before "="
            equals = _SPACE.match(text, at).end()  # type: ignore[union-attr]
        if equals >= n or text[equals] != 61:  # =
            continue
        value = equals + 1
        if value < n and text[value] not in b"\"'":
            value = _SPACE.match(text, value).end()  # type: ignore[union-attr]
        if value >= n or text[value] not in b"\"'":
            continue
        close = text.find(text[value : value + 1], value + 1)
        if close < 0:
            continue
        yield name.group(), text[value + 1 : close]
        at = close + 1


def _r(text: bytes) -> bytes | None:
    """The value of the (last) unprefixed r attribute."""
    value = None
    for name, found in attributes(text):
        if name == b"r":
            value = found
    return value
