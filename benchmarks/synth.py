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
    letters = [_column(i) for i in range(len(table[0]))]
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
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", "".join(parts))
    return path


def write_csv(path: Path, table: list[list[str]]) -> Path:
    """The same table as UTF-8 CSV with semicolons (as Polish Excel saves it)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(table)
    return path
