"""The cell positions found before reading are the reader's own: every spelling of a cell
reference python-calamine accepts is checked, so no far cell reaches its allocation."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write_workbook
from liwindex.io import cellscan
from liwindex.io.workbook import open_workbook
from liwindex.problems import Report

GOOD = [["grupa", "o1_n1"], ["ngo", "4"]]
WIDE = '<c t="inlineStr"><is><t>x</t></is></c>' * 3000


def _with_sheet_xml(folder: Path, name: str, rows_xml: str) -> Path:
    """A workbook whose first sheet's rows are ``rows_xml`` (after two ordinary rows)."""
    src = write_workbook(folder / f"src-{name}.xlsx", {"Odp": GOOD})
    out = folder / f"{name}.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", rows_xml.encode() + b"</sheetData>")
            zout.writestr(item, data)
    return out


# Each of these once reached the reader, which then asked for terabytes and aborted the
# process (exit 134): the scan knew only r="…" after a space, in capitals, on every cell.
FAR = {
    "single-quotes": "<row r='9'><c r='XFD9'><v>1</v></c></row>",
    "tab-before-r": '<row r="9"><c\tr="XFD9"><v>1</v></c></row>',
    "spaces-around-equals": '<row r="9"><c r = "XFD9"><v>1</v></c></row>',
    "lower-case": '<row r="9"><c r="xfd9"><v>1</v></c></row>',
    "no-space-after-quote": '<row r="9"><c t="n"r="XFD9"><v>1</v></c></row>',
    "repeated-r": '<row r="9"><c r="A9" r="XFD9"><v>1</v></c></row>',
    "far-row-without-row-tag": '<c r="A2000000"><v>1</v></c>',
    "cells-without-r": '<row r="99999"><c r="A99999"><v>1</v></c>' + WIDE + "</row>",
    "prefixed-cells-without-r": '<x:row r="99999"><x:c r="A99999"><x:v>1</x:v></x:c>'
    + WIDE.replace("<c", "<x:c").replace("</c>", "</x:c>")
    + "</x:row>",
    "row-tag-without-cell-references": '<row r="4294967295"><c><v>1</v></c></row>',
}


@pytest.mark.parametrize("rows_xml", FAR.values(), ids=FAR.keys())
def test_every_spelling_of_a_far_cell_is_refused_before_reading(tmp_path, rows_xml):
    report = Report()
    assert open_workbook(_with_sheet_xml(tmp_path, "far", rows_xml), report) is None
    assert [p.code for p in report.problems] == ["cell-beyond-limits"]


NOT_CELLS = {
    "comment": '<!-- <row r="1048576"><c r="XFD1048576"><v>1</v></c></row> -->',
    "cdata": '<row r="80"><c r="B80" t="inlineStr"><is><t><![CDATA[<c r="XFD1048576">]]></t></is></c></row>',
    "text": '<row r="80"><c r="B80" t="inlineStr"><is><t>w 2024 r = "XFD1048576"</t></is></c></row>',
    "gt-in-a-value": '<row r="80"><c cm=">" r="B80"><v>1</v></c></row>',
}


@pytest.mark.parametrize("rows_xml", NOT_CELLS.values(), ids=NOT_CELLS.keys())
def test_references_that_are_not_cells_do_not_refuse_the_file(tmp_path, rows_xml):
    report = Report()
    workbook = open_workbook(_with_sheet_xml(tmp_path, "ok", rows_xml), report)
    assert workbook is not None, [p.code for p in report.problems]
    assert not report.problems


# Random sheets in every spelling the reader accepts: the positions found must be exactly
# those python-calamine gives the cells. The cells lie
# beyond row 99,999 and column ZZ, where positions are reported, in a small range.
SPACE = st.sampled_from([" ", "\t", "\n", "  "])
QUOTE = st.sampled_from(['"', "'"])


@st.composite
def sheet_xml(draw):
    prefix = draw(st.sampled_from(["", "", "x:"]))
    parts, row = [], 99_999
    for index in range(draw(st.integers(1, 6))):
        row += draw(st.integers(1, 40))
        explicit_row = index == 0 or draw(st.booleans())  # the first sets a far row
        if explicit_row:
            q = draw(QUOTE)
            parts.append(f"<{prefix}row r={q}{row}{q}>")
        else:
            parts.append(f"<{prefix}row>")
        column = 702
        for _ in range(draw(st.integers(1, 5))):
            column += draw(st.integers(1, 30))
            letters = "".join(chr(64 + d) for d in _digits26(column))
            if draw(st.booleans()):
                letters = letters.lower()
            attributes = []
            if draw(st.booleans()):
                q = draw(QUOTE)
                ref = f"r{draw(st.sampled_from(['=', ' = ', '=  ']))}{q}{letters}{row}{q}"
                if draw(st.integers(0, 5)) == 0:  # a repeated r: the reader keeps the last
                    ref = f"r={q}A1{q}{draw(SPACE)}{ref}"
                attributes.append(ref)
            else:
                column = None  # placed after the previous cell: recompute below
            if draw(st.booleans()):
                attributes.insert(draw(st.integers(0, len(attributes))), 't="n"')
            body = "".join(draw(SPACE) + a for a in attributes)
            parts.append(f"<{prefix}c{body}><{prefix}v>1</{prefix}v></{prefix}c>")
            if column is None:
                break  # one cell without r closes the row (its column is the reader's to say)
        if draw(st.integers(0, 4)) == 0:
            parts.append('<!-- <c r="ZZ99"><v>1</v></c> -->')
        parts.append(f"</{prefix}row>")
    return prefix, "".join(parts)


def _digits26(number: int) -> list[int]:
    out = []
    while number:
        number, rest = divmod(number - 1, 26)
        out.append(rest + 1)
    return out[::-1]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=sheet_xml())
def test_positions_found_are_the_readers_own(tmp_path_factory, sheet):
    import python_calamine

    prefix, rows_xml = sheet
    xmlns = ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' if prefix else ""
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"{xmlns}><sheetData>{rows_xml}</sheetData></worksheet>'
    ).encode()
    folder = tmp_path_factory.mktemp("scan")
    src = write_workbook(folder / "src.xlsx", {"Odp": [["x"]]})
    path = folder / "random.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, xml if item.filename == "xl/worksheets/sheet1.xml" else zin.read(item))
    try:
        sheet_read = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    except Exception:
        return
    found = {(row, col) for row, col, _ in cellscan.far_positions([xml], lambda: iter([xml]))}
    top, left = sheet_read.start
    held = {
        (top + i + 1, left + j + 1)
        for i, cells in enumerate(sheet_read.to_python())
        for j, value in enumerate(cells)
        if value != ""
    }
    assert held <= found
    assert {col for _, col in found - held} <= {1}  # row tags are reported at column A


def test_canonical_sheets_take_the_fast_path(monkeypatch):
    """An ordinary export is read by the numpy scan, not by the tag-by-tag tokenizer."""
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData><row r="1" spans="1:2">'
        b'<c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>2</v></c></row>'
        b'<row r="100000"><c r="AAA100000"><v>1</v></c></row></sheetData></worksheet>'
    )

    def no_slow(chunks):
        raise AssertionError("slow path taken")

    monkeypatch.setattr(cellscan, "_slow", no_slow)
    found = list(cellscan.far_positions([xml[:50], xml[50:]], lambda: iter([xml])))
    assert (100000, 703, "AAA100000") in found


# The slow path once read these in 30 s to over a minute (a pattern that backtracked over
# a name or a comment with no end); each is 100 kB and read whole and in small chunks.
ADVERSARIAL = {
    "cell-name-without-end": b"<c" + b"a" * 100_000,
    "comment-without-end": b"<!--" + b"a" * 100_000,
    "cell-with-a-long-name": b"<!-- x --><c " + b"a" * 100_000 + b">",
    "many-names-without-values": b"<!-- x --><c " + b"a " * 50_000 + b">",
    "many-stray-openings": b"<!-- x -->" + b"<a" * 50_000,
    "open-quote": b'<!-- x --><c a="' + b"a" * 100_000,
    "stray-less-than": b"<!-- x -->" + b"< " * 50_000,
    "open-cdata": b"<![CDATA[" + b"]]" * 50_000,
}


@pytest.mark.parametrize("body", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_the_slow_path_is_linear_on_adversarial_sheets(body):
    import time

    xml = b'<?xml version="1.0"?><worksheet><sheetData>' + body
    for chunks in ([xml], [xml[i : i + 997] for i in range(0, len(xml), 997)]):
        started = time.perf_counter()
        assert list(cellscan.far_positions(chunks, lambda c=chunks: iter(c))) == []
        assert time.perf_counter() - started < 1


@st.composite
def xml_pieces(draw):
    """Well-formed pieces of XML and the tags the tokenizer must give for them."""
    text, expected = [], []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["tag", "tag", "close", "comment", "cdata", "pi", "text", "doctype"]))
        filler = draw(st.text(alphabet="ab<>'\"/ -]?", max_size=12))
        if kind in ("tag", "close"):
            name = draw(st.sampled_from(["c", "row", "x:c", "sheetData", "v"]))
            attrs = ""
            for _ in range(draw(st.integers(0, 3))):
                q = draw(QUOTE)
                value = filler.replace(q, "")
                attrs += f"{draw(SPACE)}{draw(st.sampled_from(['r', 't', 'x:r']))}{draw(SPACE)}={q}{value}{q}"
            if draw(st.booleans()):
                attrs += "/"
            slash = "/" if kind == "close" else ""
            text.append(f"<{slash}{name}{attrs}>")
            expected.append((kind == "close", name.encode(), attrs.encode()))
        elif kind == "comment":
            text.append("<!--" + filler.replace("--", "") + "-->")
        elif kind == "cdata":
            text.append("<![CDATA[" + filler.replace("]]>", "") + "]]>")
        elif kind == "pi":
            text.append("<?x " + filler.replace("?>", "") + "?>")
        elif kind == "doctype":
            text.append("<!DOCTYPE " + filler.replace(">", "").replace("<", "") + ">")
        else:
            text.append(filler.replace("<", "").replace(">", ""))
    return "".join(text).encode(), expected


@settings(max_examples=300, deadline=None)
@given(case=xml_pieces(), cuts=st.lists(st.integers(0, 30), max_size=10))
def test_the_tokenizer_reads_every_tag_however_the_stream_is_cut(case, cuts):
    """Empty chunks included: none of them is taken for the end."""
    xml, expected = case
    assert list(cellscan.tags(_cut(xml, cuts))) == expected


def _cut(data: bytes, sizes: list[int]) -> list[bytes]:
    chunks, at = [], 0
    for size in sizes:
        chunks.append(data[at : at + size])
        at += size
    return [*chunks, data[at:]]


@settings(max_examples=100, deadline=None)
@given(sheet=sheet_xml(), cuts=st.lists(st.integers(0, 200), max_size=12), utf16=st.booleans())
def test_far_cells_are_found_however_the_sheet_is_cut(sheet, cuts, utf16):
    """The same positions from the whole sheet and from it in chunks of any size (some
    without "<", some empty), in UTF-8 or transcoded from UTF-16 as it streams."""
    from liwindex.io.archive import _as_utf8

    xml = (f"<worksheet><sheetData>{sheet[1]}</sheetData></worksheet>").encode()
    whole = list(cellscan.far_positions([xml], lambda: iter([xml])))
    data = b"\xff\xfe" + xml.decode().encode("utf-16-le") if utf16 else xml

    def chunks():
        return _as_utf8(iter(_cut(data, cuts)))

    assert list(cellscan.far_positions(chunks(), chunks)) == whole


def test_tokens_longer_than_a_chunk_are_held_in_short(monkeypatch):
    """A comment, a tag or a quoted value of megabytes read in small chunks: linear, and
    the tags after it still found; a <c> tag of over a megabyte is refused."""
    import time

    monkeypatch.setattr(cellscan, "_HOLD", 1000)
    long = b"x" * 3_000_000
    xml = (
        b"<!--" + long + b'--><sheetData a="' + long + b'"><' + long + b':c r="A1"/><row r="7">'
        b'<x:c r="B7" t="' + long[:500_000] + b'">'
    )
    chunks = [xml[i : i + 4096] for i in range(0, len(xml), 4096)]
    started = time.perf_counter()
    found = list(cellscan.tags(chunks))
    assert time.perf_counter() - started < 2
    assert [(closing, name[-4:]) for closing, name, _ in found] == [
        (False, b"Data"),
        (False, b"xx:c"),
        (False, b"row"),
        (False, b"x:c"),
    ]
    assert cellscan._r(found[-1][2]) == b"B7"
    cell = b"<c " + b"a" * 2_000_000 + b">"
    with pytest.raises(cellscan.TagTooLong):
        list(cellscan.tags([cell[i : i + 4096] for i in range(0, len(cell), 4096)]))


# Where a workbook keeps its sheet, in the spellings of names and relationship targets a
# hostile file may use: whenever either reader opens the sheet, the scan must have read
# that member (once, a sheet elsewhere than xl/worksheets/*.xml was never scanned and the
# reader aborted on its far cell). This compares the scan with the installed readers, so
# that a new python-calamine (pinned to one minor version) or openpyxl that finds sheets
# differently fails here first.
FOLDERS = ["xl/worksheets/", "xl/", "xl/data/", "", "XL/Data/", "xl\\data\\", "inne/"]
NAMES = ["sheet1.xml", "SHEET1.XML", "arkusz.bin", "a b.xml", "a.xml.rels"]


@st.composite
def sheet_placement(draw):
    member = draw(st.sampled_from(FOLDERS)) + draw(st.sampled_from(NAMES))
    path = member.replace("\\", "/")
    relative = path[3:] if path.lower().startswith("xl/") else "../" + path
    target = draw(
        st.sampled_from(
            [relative, "/" + path, "./" + relative, "../xl/" + relative, relative.upper(), "/" + path.lower()]
        )
    )
    if draw(st.booleans()) and target.rstrip("/"):
        at = draw(st.integers(0, len(target) - 1))
        escape = draw(st.sampled_from(["&#{};", "%{:02X}", "&#x{:x};"]))
        target = target[:at] + escape.format(ord(target[at])) + target[at + 1 :]
    return member, target, draw(st.booleans())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(placement=sheet_placement())
def test_every_sheet_a_reader_opens_is_scanned(tmp_path_factory, placement):
    import openpyxl
    import python_calamine

    from liwindex.io.archive import sheet_parts

    member, target, content_types = placement
    folder = tmp_path_factory.mktemp("parts")
    src = write_workbook(folder / "src.xlsx", {"Odp": GOOD})
    path = folder / "moved.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data, name = zin.read(item.filename), item.filename
            if name == "xl/worksheets/sheet1.xml":
                name = member
                data = data.replace(
                    b"</sheetData>", b'<row r="100001"><c r="A100001"><v>1</v></c></row></sheetData>'
                )
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"/xl/worksheets/sheet1.xml", target.encode())
            elif name == "[Content_Types].xml" and content_types:
                data = data.replace(b"/xl/worksheets/sheet1.xml", b"/" + member.encode())
            zout.writestr(name, data)
    with zipfile.ZipFile(path) as z:
        parts = [m.filename for m in sheet_parts(z)]
    scanned = set(parts)
    assert len(parts) == len(scanned)  # each read once
    try:
        sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    except python_calamine.CalamineError:
        pass
    else:
        if sheet.total_height >= 100_001:
            assert member in scanned, (member, target)
    try:
        wb = openpyxl.load_workbook(path, read_only=True)
    except (KeyError, ValueError, OSError, zipfile.BadZipFile):
        return
    opened = {ws._worksheet_path for ws in wb.worksheets}
    wb.close()
    assert opened <= scanned, (member, target)
