"""The area table as CSV for Excel and other tools: UTF-8 with BOM (Polish letters open
correctly in Excel), ``;`` and decimal comma in Polish, ``,`` and point in English."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from liwindex.compare.comparison import Comparison
from liwindex.outputs.files import looks_like_formula
from liwindex.outputs.tables import area_table
from liwindex.scoring.results import ScoreResult
from liwindex.text import encodable


def csv_text(value: str) -> str:
    """Text that a spreadsheet opening the CSV will not take for a formula (spreadsheets skip
    leading spaces, no-break spaces included, and control characters before ``=``)."""
    value = encodable(value)
    return "'" + value if looks_like_formula(value) else value


def write_csv(path: Path, rounds: Sequence[ScoreResult], comparison: Comparison | None, lang: str) -> None:
    """Write the area table; numbers unrounded, percent changes in percent."""
    table = area_table(rounds, comparison, lang)
    delimiter, decimal = (";", ",") if lang == "pl" else (",", ".")

    def cell(value: object, kind: str | None) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return csv_text(value)
        if kind == "pct":
            value = float(value) * 100  # type: ignore[arg-type]
        return str(value).replace(".", decimal) if isinstance(value, float) else str(value)

    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow([csv_text(t) for t in table.titles])
        for row in table.rows:
            writer.writerow([cell(value, kind) for value, kind in row])
