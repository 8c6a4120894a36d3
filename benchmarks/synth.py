"""Synthetic survey exports of the standard questionnaire at any size, written fast.

The xlsx writer emits the sheet XML directly (inline strings), which is what survey
platforms do too; openpyxl would take minutes for 100,000 respondents.
"""

from __future__ import annotations

import csv
import random
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from liwindex.api import load_standard

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Odpowiedzi" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""


def rows(n: int, seed: int = 1) -> list[list[str]]:
    """A header and ``n`` respondents: group labels, answer labels, blanks and 'nie wiem'."""
    q = load_standard()
    rng = random.Random(seed)
    labels = {s.id: [c.label.pl for c in s.choices] for s in q.scales}
    header = ["Sygnatura czasowa", "grupa", *[x.text.pl for x in q.questions], "mocne_strony"]
    asked = {g: [g in q.question_groups(x) for x in q.questions] for g in q.group_ids}
    out = [header]
    for i in range(n):
        group = "Organizacja pozarządowa" if rng.random() < 0.8 else "Administracja samorządowa"
        key = "ngo" if group.startswith("Org") else "jst"
        answers = [
            rng.choice(labels[x.scale]) if asked[key][j] and rng.random() > 0.05 else ""
            for j, x in enumerate(q.questions)
        ]
        out.append(
            [
                f"2025-01-{1 + i % 28:02d} 10:00:00",
                group,
                *answers,
                "Dobra współpraca" if rng.random() < 0.2 else "",
            ]
        )
    return out


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_xlsx(path: Path, table: list[list[str]]) -> Path:
    """A minimal, valid .xlsx with one sheet of inline strings."""
    return write_xlsx_sheets(path, {"Odpowiedzi": table})


def _sheet_xml(table: list[list[str]]) -> str:
    letters = [_column(i) for i in range(max(len(r) for r in table))]
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    ]
    for r, row in enumerate(table, 1):
        cells = "".join(
            f'<c r="{letters[c]}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
            for c, v in enumerate(row)
            if v
        )
        parts.append(f'<row r="{r}">{cells}</row>')
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def write_xlsx_sheets(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    """A minimal, valid .xlsx with one sheet of inline strings per entry, in order."""
    names = list(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(names) + 1)
    )
    types = CONTENT_TYPES.replace(
        CONTENT_TYPES[
            CONTENT_TYPES.index('<Override PartName="/xl/worksheets/') : CONTENT_TYPES.index("</Types>")
        ],
        overrides,
    )
    listed = "".join(
        f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(names, 1)
    )
    workbook = WORKBOOK.replace('<sheet name="Odpowiedzi" sheetId="1" r:id="rId1"/>', listed)
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(names) + 1)
    )
    workbook_rels = WORKBOOK_RELS[: WORKBOOK_RELS.index("<Relationship Id")] + rels + "</Relationships>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        for i, name in enumerate(names, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(sheets[name]))
    return path


def write_csv(path: Path, table: list[list[str]]) -> Path:
    """The same table as UTF-8 CSV with semicolons (as Polish Excel saves it)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(table)
    return path
