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
