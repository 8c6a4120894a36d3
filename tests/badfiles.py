"""A corpus of broken and hostile input files, each with the problem it must produce.

Every builder writes one file into a folder and returns its path; ``CORPUS`` pairs each
builder with the expected problem code and its location (sheet, row, column).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from conftest import write_workbook

GOOD_ROWS = [["grupa", "o1_n1", "o1_n2"], ["ngo", "4", "4"]]


def _rezip(src: Path, dst: Path, replace: dict[str, bytes]) -> Path:
    """Copy an xlsx archive, replacing some members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, replace.get(item.filename, zin.read(item.filename)))
    return dst


def xml_bomb(folder: Path) -> Path:
    """Billion laughs in the sheet XML."""
    src = write_workbook(folder / "src.xlsx", {"Odp": GOOD_ROWS})
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    sheet = (
        '<?xml version="1.0"?><!DOCTYPE worksheet [' + "".join(levels) + "]>"
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData>'
        "</worksheet>"
    ).encode()
    return _rezip(src, folder / "bomba-xml.xlsx", {"xl/worksheets/sheet1.xml": sheet})


def external_entity(folder: Path) -> Path:
    """An external entity pointing at a local file."""
    src = write_workbook(folder / "src.xlsx", {"Odp": GOOD_ROWS})
    sheet = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData>'
        b"</worksheet>"
    )
    return _rezip(src, folder / "xxe.xlsx", {"xl/worksheets/sheet1.xml": sheet})


def zip_bomb(folder: Path) -> Path:
    """A workbook whose sheet inflates from ~0.2 MB to 200 MB."""
    src = write_workbook(folder / "src.xlsx", {"Odp": GOOD_ROWS})
    return _rezip(src, folder / "bomba-zip.xlsx", {"xl/worksheets/sheet1.xml": b"\0" * 200_000_000})


def password_protected(folder: Path) -> Path:
    """What Excel writes for a workbook with a password: a compound file with an
    EncryptedPackage stream."""
    path = folder / "haslo.xlsx"
    body = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)
    body += "EncryptedPackage".encode("utf-16-le") + b"\0" * 2048
    path.write_bytes(bytes(body))
    return path


def corrupt_archive(folder: Path) -> Path:
    """A truncated xlsx (the download broke off)."""
    src = write_workbook(folder / "src.xlsx", {"Odp": GOOD_ROWS})
    path = folder / "uciety.xlsx"
    path.write_bytes(src.read_bytes()[:1500])
    return path


def zip_without_workbook(folder: Path) -> Path:
    """A zip archive that is not a workbook, renamed to .xlsx."""
    path = folder / "archiwum.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("notatki.txt", "to nie jest arkusz")
    path.write_bytes(buffer.getvalue())
    return path


def html_as_xlsx(folder: Path) -> Path:
    """A web page saved under an .xlsx name (a common 'export' from old portals)."""
    path = folder / "eksport.xlsx"
    path.write_text("<html><body><table><tr><td>grupa</td></tr></table></body></html>")
    return path


def many_rows(folder: Path) -> Path:
    """More rows than the limit (the test lowers LIWINDEX_MAX_ROWS to 100)."""
    return write_workbook(folder / "wiersze.xlsx", {"Odp": [GOOD_ROWS[0]] + [GOOD_ROWS[1]] * 150})


def many_columns(folder: Path) -> Path:
    """More columns than the limit (the test lowers LIWINDEX_MAX_COLUMNS to 50)."""
    return write_workbook(folder / "kolumny.xlsx", {"Odp": [GOOD_ROWS[0] + [f"x{i}" for i in range(60)]]})


def long_cell(folder: Path) -> Path:
    """A CSV whose unclosed quote swallows the rest of the file into one cell."""
    path = folder / "cudzyslow.csv"
    path.write_text('grupa;o1_n1\nngo;"4\n' + "bardzo długi tekst; " * 3000, encoding="utf-8")
    return path


def missing_sheet_name(folder: Path) -> Path:
    """A good workbook; the test asks for a sheet that does not exist."""
    return write_workbook(folder / "arkusze.xlsx", {"Odpowiedzi": GOOD_ROWS})


def no_header(folder: Path) -> Path:
    """A sheet of numbers only."""
    return write_workbook(folder / "liczby.xlsx", {"Dane": [[1, 2, 3], [4, 5, 6]]})


def duplicate_columns(folder: Path) -> Path:
    """The same question twice, answered differently in one row."""
    return write_workbook(folder / "dwa-razy.xlsx", {"Odp": [["grupa", "o1_n1", "O1_N1"], ["ngo", "4", "2"]]})


def yaml_alias_bomb(folder: Path) -> Path:
    """A questionnaire with nested aliases that would expand to a billion items."""
    path = folder / "bomba.yaml"
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, 10)]
    path.write_text("\n".join(lines) + "\nid: x\n", encoding="utf-8")
    return path


def _far(folder: Path, name: str, extra: str) -> Path:
    """A good sheet plus one far-away piece of XML (a cell or a row tag)."""
    src = write_workbook(folder / "src.xlsx", {"Odp": GOOD_ROWS})
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace("</sheetData>", extra + "</sheetData>")
    return _rezip(src, folder / name, {"xl/worksheets/sheet1.xml": sheet.encode()})


def last_excel_cell(folder: Path) -> Path:
    """One cell at XFD1048576: the reader would allocate 550 GB for the range."""
    return _far(
        folder, "xfd.xlsx", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    )


def huge_row_number(folder: Path) -> Path:
    """A row tag numbered 4294967295 with a cell that has no reference of its own."""
    return _far(folder, "wiersz.xlsx", '<row r="4294967295"><c t="inlineStr"><is><t>x</t></is></c></row>')


def huge_column(folder: Path) -> Path:
    """A cell in column ZZZZZ."""
    return _far(
        folder, "kolumna.xlsx", '<row r="99"><c r="ZZZZZ99" t="inlineStr"><is><t>x</t></is></c></row>'
    )


def wide_and_deep(folder: Path) -> Path:
    """ZZ999999: within both limits alone, 700 million cells together."""
    return _far(
        folder, "zz.xlsx", '<row r="999999"><c r="ZZ999999" t="inlineStr"><is><t>x</t></is></c></row>'
    )


def stray_far_cell(folder: Path) -> Path:
    """A few rows of answers and one cell at CV60000: within every limit, but a range of
    six million cells of which a handful hold data (the reader would materialise them all:
    minutes and gigabytes for a sheet near AAM100057)."""
    return _far(
        folder, "zablakana.xlsx", '<row r="60000"><c r="CV60000" t="inlineStr"><is><t>x</t></is></c></row>'
    )


def understated_size(folder: Path) -> Path:
    """A sheet whose archive entry declares only the bytes before a far cell (with their
    checksum): a check that stops at the declared size would never see XFD1048576."""
    import struct
    import zlib

    path = last_excel_cell(folder)
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    prefix = sheet[: sheet.index(b'<row r="1048576"')]
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    for signature, crc_at in ((b"PK\x03\x04", 14), (b"PK\x01\x02", 16)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, at + crc_at, zlib.crc32(prefix))
                struct.pack_into("<I", data, at + crc_at + 8, len(prefix))  # uncompressed size
            at = data.find(signature, at + 4)
    out = folder / "zanizona.xlsx"
    out.write_bytes(bytes(data))
    return out


FAR_CELL = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'


def moved_sheet(folder: Path, name: str, member: str, target: str, utf16_rels: bool = False) -> Path:
    """A workbook whose sheet, holding a cell at XFD1048576, is stored as ``member`` and
    found through the relationship target ``target`` (not ``xl/worksheets/sheet1.xml``)."""
    src = write_workbook(folder / f"src-{name}", {"Odp": GOOD_ROWS})
    out = folder / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data, filename = zin.read(item.filename), item.filename
            if filename == "xl/worksheets/sheet1.xml":
                data, filename = data.replace(b"</sheetData>", FAR_CELL.encode() + b"</sheetData>"), member
            elif filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b'Target="/xl/worksheets/sheet1.xml"', f'Target="{target}"'.encode())
                if utf16_rels:
                    data = b"\xff\xfe" + data.decode().encode("utf-16-le")
            elif filename == "[Content_Types].xml":
                data = data.replace(b"/xl/worksheets/sheet1.xml", b"/" + member.encode())
            zout.writestr(filename, data)
    return out


def _with_member(folder: Path, name: str, member: str, data: bytes) -> Path:
    src = write_workbook(folder / f"src-{name}", {"Odp": GOOD_ROWS})
    return _rezip(src, folder / name, {member: data})


def late_doctype(folder: Path) -> Path:
    """A DOCTYPE with entities after a 5,000-byte comment (past a 4 kB look at the start)."""
    sheet = (
        '<?xml version="1.0"?><!--' + "x" * 5000 + '--><?pi x?><!DOCTYPE worksheet [<!ENTITY a "b">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>'
        "</worksheet>"
    ).encode()
    return _with_member(folder, "pozny-doctype.xlsx", "xl/worksheets/sheet1.xml", sheet)


def utf16_doctype(folder: Path) -> Path:
    """A DOCTYPE in a UTF-16 member (with its byte order mark)."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet [<!ENTITY a "b">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>'
        "</worksheet>"
    )
    return _with_member(
        folder, "utf16.xlsx", "xl/worksheets/sheet1.xml", b"\xff\xfe" + sheet.encode("utf-16-le")
    )


def sheet_cut_after(folder: Path, name: str, tail: str) -> Path:
    """A sheet whose XML ends, unclosed, in ``tail`` (after its ordinary rows)."""
    src = write_workbook(folder / f"src-{name}", {"Odp": GOOD_ROWS})
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    return _rezip(
        src,
        folder / name,
        {"xl/worksheets/sheet1.xml": (sheet[: sheet.index("</sheetData>")] + tail).encode()},
    )


def dtd_in_a_sheet_part(folder: Path) -> Path:
    """The DOCTYPE in a sheet stored as ``xl/data/arkusz.bin`` (not named .xml)."""
    path = moved_sheet(folder, "dtd-bin.xlsx", "xl/data/arkusz.bin", "data/arkusz.bin")
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/data/arkusz.bin")
    sheet = b'<!DOCTYPE worksheet [<!ENTITY a "b">]>' + sheet
    return _rezip(path, folder / "dtd-w-arkuszu.xlsx", {"xl/data/arkusz.bin": sheet})


def moved_workbook(folder: Path) -> Path:
    """The workbook part itself in ``dane/`` (found through ``_rels/.rels``), its sheet with
    XFD1048576 in ``dane/arkusze/a.xml``."""
    src = write_workbook(folder / "src-wb.xlsx", {"Odp": GOOD_ROWS})
    out = folder / "skoroszyt-gdzie-indziej.xlsx"
    moves = {
        "xl/worksheets/sheet1.xml": "dane/arkusze/a.xml",
        "xl/workbook.xml": "dane/workbook.xml",
        "xl/_rels/workbook.xml.rels": "dane/_rels/workbook.xml.rels",
    }
    edits = {
        "xl/worksheets/sheet1.xml": [(b"</sheetData>", FAR_CELL.encode() + b"</sheetData>")],
        "xl/_rels/workbook.xml.rels": [
            (b"/xl/worksheets/sheet1.xml", b"arkusze/a.xml"),
            (b'Target="styles.xml"', b'Target="/xl/styles.xml"'),
            (b'Target="theme/theme1.xml"', b'Target="/xl/theme/theme1.xml"'),
        ],
        "_rels/.rels": [(b'Target="xl/workbook.xml"', b'Target="dane/workbook.xml"')],
        "[Content_Types].xml": [
            (b"/xl/workbook.xml", b"/dane/workbook.xml"),
            (b"/xl/worksheets/sheet1.xml", b"/dane/arkusze/a.xml"),
        ],
    }
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            for old, new in edits.get(item.filename, []):
                data = data.replace(old, new)
            zout.writestr(moves.get(item.filename, item.filename), data)
    return out


# builder, expected code, sheet, row, column, extra CLI arguments, environment
CORPUS: list[
    tuple[Callable[[Path], Path], str, str | None, int | None, str | None, list[str], dict[str, str]]
] = [
    (xml_bomb, "not-a-workbook", None, None, None, [], {}),
    (external_entity, "not-a-workbook", None, None, None, [], {}),
    (zip_bomb, "zip-bomb", None, None, None, [], {}),
    (password_protected, "password-protected", None, None, None, [], {}),
    (corrupt_archive, "not-a-workbook", None, None, None, [], {}),
    (zip_without_workbook, "not-a-workbook", None, None, None, [], {}),
    (html_as_xlsx, "not-a-workbook", None, None, None, [], {}),
    (understated_size, "not-a-workbook", None, None, None, [], {}),
    (late_doctype, "not-a-workbook", None, None, None, [], {}),
    (utf16_doctype, "not-a-workbook", None, None, None, [], {}),
    (dtd_in_a_sheet_part, "not-a-workbook", None, None, None, [], {}),
    (many_rows, "too-many-rows", "Odp", None, None, [], {"LIWINDEX_MAX_ROWS": "100"}),
    (many_columns, "too-many-columns", "Odp", None, None, [], {"LIWINDEX_MAX_COLUMNS": "50"}),
    (long_cell, "cell-too-long", "cudzyslow", 2, "B", [], {}),
    (missing_sheet_name, "sheet-not-found", None, None, None, ["--sheet", "Odpowiedz"], {}),
    (no_header, "no-question-columns", "Dane", None, None, [], {}),
    (duplicate_columns, "duplicate-column-conflict", "Odp", 2, "C", [], {}),
    (last_excel_cell, "cell-beyond-limits", None, None, None, [], {}),
    (huge_row_number, "cell-beyond-limits", None, None, None, [], {}),
    (huge_column, "cell-beyond-limits", None, None, None, [], {}),
    (wide_and_deep, "cell-beyond-limits", None, None, None, [], {}),
    (stray_far_cell, "sheet-mostly-empty", "Odp", None, None, [], {}),
]
