"""A round's numeric data (dane liczbowe): the values of the questionnaire's ``indicators``
from a ``dane`` sheet of its workbook or a ``dane.yaml`` beside its files.

The values are shown beside the survey and compared in their own units; they never enter
the index. Every bad value is a located error (file, sheet, row and column, or YAML path
and line) that says what to write instead.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.messages import did_you_mean
from liwindex.problems import Report, Severity
from liwindex.text import capped_list, clean_text, column_letter, fold, free_text, header_columns

if TYPE_CHECKING:
    from liwindex.io.sheets import Sheet, Workbook
    from liwindex.model.questionnaire import Indicator, Questionnaire

DATA_SHEET = "dane"
DATA_SIDECAR = "dane.yaml"

_COLUMNS = {
    "indicator": {"wskaznik", "wskaźnik", "id", "indicator", "id wskaźnika", "id wskaznika"},
    "value": {"wartosc", "wartość", "value"},
    "note": {"uwagi", "uwaga", "note", "notes", "komentarz"},
    "unit": {"jednostka", "unit"},
}
# what a "jednostka" column may say for each unit (anything else, e.g. "tys. zł", is an error:
# the value would be read in the wrong unit)
_UNIT_NAMES = {
    "count": {"", "liczba", "szt", "sztuk", "sztuki", "count", "number"},
    "PLN": {"", "zł", "zl", "pln"},
    "percent": {"", "%", "procent", "percent", "proc"},
}
_COLUMN_KEYS = {name: {fold(a) for a in accepted} for name, accepted in _COLUMNS.items()}
# a plain decimal number after the spaces, the unit and the thousands separators are gone:
# no nested quantifiers (linear on any input)
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\t")
_MAX_TEXT = 40  # longer than any real value: read no further
_MAX_ID = 200  # an id or a label longer than this names no indicator
UNIT_WORDS = {
    "count": {"pl": "liczba", "en": "count"},
    "PLN": {"pl": "zł", "en": "PLN"},
    "percent": {"pl": "%", "en": "%"},
}


@dataclass(frozen=True)
class IndicatorValue:
    """The value of one indicator in a round, with the note given beside it."""

    id: str
    value: float
    note: str = ""


def parse_value(raw: Any, unit: str) -> tuple[float | None, str | None]:
    """``raw`` as a number of ``unit``: the value, or None with the code of the problem.
    A decimal comma, spaces between thousands, "zł"/"PLN" after an amount and "%" after a
    percentage are accepted."""
    if isinstance(raw, bool):
        return None, "data-not-number"
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = clean_text(raw)[: _MAX_TEXT + 1]
        if len(text) > _MAX_TEXT:
            return None, "data-not-number"
        compact = text.translate(_SPACES)
        low = compact.casefold()
        for suffix, owner in (("zł", "PLN"), ("pln", "PLN"), ("%", "percent")):
            if low.endswith(suffix):
                if unit != owner:
                    return None, "data-wrong-unit"
                compact = compact[: -len(suffix)]
                break
        if "," in compact:
            compact = compact.replace(".", "").replace(",", ".")  # 1.234,50 → 1234.50
        if not _NUMBER.fullmatch(compact):
            return None, "data-not-number"
        value = float(compact)
    if not math.isfinite(value):
        return None, "data-not-number"
    return value, None


def check_value(value: float, indicator: Indicator) -> tuple[str, dict[str, Any]] | None:
    """The problem of a number that is not a valid value of ``indicator``, or None."""
    if indicator.unit in ("count", "PLN") and value < 0:
        return "data-negative", {}
    if indicator.unit == "count" and value != int(value):
        return "data-not-integer", {}
    if (indicator.min is not None and value < indicator.min) or (
        indicator.max is not None and value > indicator.max
    ):
        lo = "−∞" if indicator.min is None else _num(indicator.min)
        hi = "∞" if indicator.max is None else _num(indicator.max)
        return "data-out-of-range", {"lo": lo, "hi": hi}
    return None


def _num(value: float) -> str:
    return f"{value:g}"


class _Reader:
    """Checks one source's rows (a sheet or a YAML file) against the questionnaire."""

    def __init__(self, questionnaire: Questionnaire, report: Report) -> None:
        self.questionnaire = questionnaire
        self.report = report
        self.by_key = {fold(i.id): i for i in questionnaire.indicators}
        self.by_key.update({fold(i.label.pl): i for i in questionnaire.indicators})
        self.values: dict[str, IndicatorValue] = {}
        self.first: dict[str, Any] = {}  # where each indicator was first given

    def known(self) -> Any:
        ids = [i.id for i in self.questionnaire.indicators]
        return capped_list(ids) if ids else "—"

    def add(
        self,
        raw_id: Any,
        raw_value: Any,
        note: Any,
        id_where: dict[str, Any],
        value_where: dict[str, Any],
        unit_cell: tuple[Any, dict[str, Any]] | None = None,
    ) -> None:
        ident = clean_text(raw_id)
        text = clean_text(raw_value)
        if not ident:
            if text:
                self.report.add("data-unknown-indicator", **id_where, value="", known=self.known())
            return
        indicator = self.by_key.get(fold(ident)) if len(ident) <= _MAX_ID else None
        if indicator is None:
            shown = ident if len(ident) <= _MAX_ID else ident[:_MAX_ID] + "…"
            close = difflib.get_close_matches(shown, [i.id for i in self.questionnaire.indicators], n=1)
            self.report.add(
                "data-unknown-indicator",
                **id_where,
                value=shown,
                known=self.known(),
                suggestion=did_you_mean(close[0] if close else None),
            )
            return
        if indicator.id in self.first:
            self.report.add("data-duplicate", **id_where, value=indicator.id, first=self.first[indicator.id])
            return
        row = id_where.get("row")
        self.first[indicator.id] = (
            {"pl": f"wierszu {row}", "en": f"row {row}"} if row is not None else id_where.get("yaml_path")
        )
        if not text:
            return  # not reported this round
        unit = UNIT_WORDS[indicator.unit]
        if unit_cell is not None:
            written = clean_text(unit_cell[0])
            key = "%" if written == "%" else fold(written)
            if key not in _UNIT_NAMES[indicator.unit]:
                self.report.add("data-unit-column", **unit_cell[1], value=written, unit=unit, id=indicator.id)
                return
        value, code = parse_value(raw_value, indicator.unit)
        if value is None:
            self.report.add(code or "data-not-number", **value_where, value=text, unit=unit, id=indicator.id)
            return
        problem = check_value(value, indicator)
        if problem is not None:
            code, params = problem
            self.report.add(code, **value_where, value=text, unit=unit, id=indicator.id, **params)
            return
        self.values[indicator.id] = IndicatorValue(indicator.id, value, free_text(note))


def _header_columns(sheet: Sheet) -> dict[str, int]:
    return header_columns(sheet.rows[0][1] if sheet.rows else (), _COLUMN_KEYS)


def find_data_sheet(workbook: Workbook) -> Sheet | None:
    """The ``dane`` sheet of numeric data: named so and headed with a ``wskaznik`` column
    (a responses sheet called "Dane" stays the responses)."""
    sheet = workbook.find(DATA_SHEET)
    if sheet is None or sheet.is_empty or "indicator" not in _header_columns(sheet):
        return None
    return sheet


def read_data_sheet(
    sheet: Sheet, questionnaire: Questionnaire, file: str, report: Report
) -> dict[str, IndicatorValue]:
    """Values by indicator id from the ``dane`` sheet: columns ``wskaznik`` (the id or the
    Polish label), ``wartosc`` and optional ``uwagi``; other columns are ignored."""
    where: dict[str, Any] = {"file": file, "sheet": sheet.name}
    if sheet.is_empty:
        return {}
    header_row = sheet.rows[0][0]
    columns = _header_columns(sheet)
    missing = [name for name in ("indicator", "value") if name not in columns]
    for name in missing:
        report.add(
            "data-missing-column",
            **where,
            row=header_row,
            value="wskaznik" if name == "indicator" else "wartosc",
        )
    if missing:
        return {}
    reader = _Reader(questionnaire, report)
    id_col, value_col = column_letter(columns["indicator"] + 1), column_letter(columns["value"] + 1)

    def cell(values: tuple[Any, ...], name: str) -> Any:
        index = columns.get(name)
        return values[index] if index is not None and index < len(values) else None

    unit_col = column_letter(columns["unit"] + 1) if "unit" in columns else None
    for row, values in sheet.rows[1:]:
        reader.add(
            cell(values, "indicator"),
            cell(values, "value"),
            cell(values, "note"),
            {**where, "row": row, "column": id_col},
            {**where, "row": row, "column": value_col},
            (cell(values, "unit"), {**where, "row": row, "column": unit_col}) if unit_col else None,
        )
    return reader.values


def read_data_yaml(
    path: str | Path, questionnaire: Questionnaire, report: Report
) -> dict[str, IndicatorValue]:
    """Values by indicator id from ``dane.yaml``: ``id: value`` or ``id: {wartosc, uwagi}``."""
    from liwindex.io.yamldoc import parse_yaml, read_yaml_file

    text = read_yaml_file(path, report)
    doc = parse_yaml(text, str(path), report, kind="dane")
    reader = _Reader(questionnaire, report)
    for key, entry in doc.data.items():
        value, note = entry, None
        value_path: tuple[Any, ...] = (key,)
        if isinstance(entry, dict):
            fields = {fold(k): k for k in entry}
            value_key = next((fields[k] for k in ("wartosc", "wartość", "value") if k in fields), None)
            note_key = next((fields[k] for k in ("uwagi", "note") if k in fields), None)
            for k in entry:
                if k not in (value_key, note_key):
                    report.add("data-yaml-key", **doc.locate((key, k)), value=str(k))
            value = entry.get(value_key) if value_key is not None else None
            note = entry.get(note_key) if note_key is not None else None
            value_path = (key, value_key) if value_key is not None else (key,)
        elif isinstance(entry, list):
            report.add("data-not-number", **doc.locate((key,)), value="[…]", unit="", id=str(key))
            continue
        reader.add(key, value, note, doc.locate((key,)), doc.locate(value_path))
    return reader.values


def sidecar_data(
    files: list[str], questionnaire: Questionnaire, report: Report
) -> tuple[dict[str, IndicatorValue], str | None]:
    """Values from ``NAME.dane.yaml`` beside a file or ``dane.yaml`` in its folder (the first
    found), with the file they came from."""
    candidates: list[Path] = []
    for file in files:
        path = Path(file)
        candidates += [path.with_name(f"{path.stem}.{DATA_SIDECAR}"), path.with_name(DATA_SIDECAR)]
    found = next((c for c in dict.fromkeys(candidates) if c.is_file()), None)
    if found is None:
        return {}, None
    return read_data_yaml(found, questionnaire, report), str(found)


def merge_values(
    layers: list[tuple[str, dict[str, IndicatorValue]]], source: str, report: Report
) -> dict[str, IndicatorValue]:
    """The values of one round from its sources in order of strength (the workbooks'
    sheets, then ``dane.yaml``); a later source that changes a value is a warning."""
    merged: dict[str, IndicatorValue] = {}
    origin: dict[str, str] = {}
    for name, values in layers:
        for ident, value in values.items():
            old = merged.get(ident)
            if old is not None and old.value != value.value:
                report.add(
                    "data-overridden",
                    Severity.WARNING,
                    file=source,
                    value=ident,
                    known=_num(old.value),
                    found=_num(value.value),
                    first=origin[ident],
                    where=name,
                )
            merged[ident] = value
            origin[ident] = name
    return merged


def agree_values(
    sources: list[tuple[str, dict[str, IndicatorValue]]], report: Report
) -> dict[str, IndicatorValue]:
    """The numeric data of one round's files: each indicator from the files that give it;
    files that give different values are an error naming both."""
    found: dict[str, tuple[str, IndicatorValue]] = {}
    for source, values in sources:
        for ident, value in values.items():
            if ident in found and found[ident][1].value != value.value:
                first, known = found[ident]
                report.add(
                    "data-twice",
                    file=source,
                    value=ident,
                    first=first,
                    known=_num(known.value),
                    found=_num(value.value),
                )
            found.setdefault(ident, (source, value))
    return {ident: value for ident, (_, value) in found.items()}
