"""Reading the optional ``oceny`` (working-group grades) and ``metryka`` (metadata) sheets."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from liwindex.messages import did_you_mean
from liwindex.problems import Report, Severity
from liwindex.text import clean_text, column_letter, fold, free_text, header_columns, strip_diacritics

if TYPE_CHECKING:
    from liwindex.io.sheets import Sheet
    from liwindex.model.questionnaire import Questionnaire

GRADES_SHEET = "oceny"
META_SHEET = "metryka"
# the instructions and the checklist of a grades workbook (grading-pack) or the template's
# instructions: never the responses
CHECKLIST_SHEET = "lista kontrolna"
INSTRUCTION_SHEETS = ("instrukcja", "instructions", CHECKLIST_SHEET, "checklist")
ETAPS = ("wstępna", "powdrożeniowa", "roczna")

_GRADE_COLUMNS = {
    "area": {"obszar", "area", "id obszaru", "area id"},
    "grade": {"ocena", "grade", "ocena grupy roboczej"},
    "justification": {"uzasadnienie", "justification"},
    "recommendations": {"rekomendacje", "recommendations", "rekomendacja"},
}
_META_KEYS = {
    "jst": {"jst", "nazwa jst", "samorząd", "gmina", "local government"},
    "rok": {"rok", "year"},
    "etap": {"etap", "round", "stage"},
    "zaproszonych": {"zaproszonych", "zaproszeni", "liczba zaproszonych", "invited", "number invited"},
    "teryt": {"teryt", "terc", "kod teryt", "kod terc", "teryt code", "terc code"},
}
_AREA_PREFIX = re.compile(r"^\s*([A-Za-z]+\d+)\b")


@dataclass(frozen=True)
class Grade:
    """The working group's grade of one area, with its justification and recommendations."""

    area: str
    value: float | None
    justification: str = ""
    recommendations: str = ""
    row: int | None = None


@dataclass(frozen=True)
class Meta:
    """What the ``metryka`` sheet says about the round."""

    jst: str | None = None
    rok: int | None = None
    etap: str | None = None
    zaproszonych: int | None = None  # how many were invited to answer (the response rate)
    teryt: str | None = None  # the TERC code: 2 digits a województwo, 4 a powiat, 7 a gmina


def read_grades(sheet: Sheet, questionnaire: Questionnaire, file: str, report: Report) -> dict[str, Grade]:
    """Grades by area id; grades outside the range or off the step are errors."""
    where: dict[str, Any] = {"file": file, "sheet": sheet.name}
    if sheet.is_empty:
        return {}
    header_row, header = sheet.rows[0]
    columns = header_columns(header, _GRADE_COLUMNS)
    missing = [name for name in ("area", "grade") if name not in columns]
    for name in missing:
        report.add(
            "grades-missing-column", **where, row=header_row, value="obszar" if name == "area" else "ocena"
        )
    if missing:
        return {}

    areas = {fold(a.id): a.id for a in questionnaire.areas}
    areas.update({fold(a.label.pl): a.id for a in questionnaire.areas})
    areas.update({fold(a.label.en): a.id for a in questionnaire.areas if a.label.en})
    allowed = ", ".join(a.id for a in questionnaire.areas)
    grades: dict[str, Grade] = {}
    area_col, grade_col = column_letter(columns["area"] + 1), column_letter(columns["grade"] + 1)

    def cell(values: tuple[Any, ...], name: str) -> Any:
        index = columns.get(name)
        return values[index] if index is not None and index < len(values) else None

    for row, values in sheet.rows[1:]:
        raw_area = clean_text(cell(values, "area"))
        raw_grade = cell(values, "grade")
        if not raw_area:
            if clean_text(raw_grade):
                report.add("unknown-area", **where, row=row, column=area_col, value="", allowed=allowed)
            continue
        area = areas.get(fold(raw_area))
        prefix = _AREA_PREFIX.match(raw_area)
        if area is None and prefix:
            area = areas.get(fold(prefix.group(1)))
        if area is None:
            report.add("unknown-area", **where, row=row, column=area_col, value=raw_area, allowed=allowed)
            continue
        if area in grades:
            report.add(
                "duplicate-grade", **where, row=row, column=area_col, value=area, first=grades[area].row
            )
            continue
        value = _grade_value(raw_grade, row, grade_col, questionnaire, report, where)
        grades[area] = Grade(
            area=area,
            value=value,
            justification=free_text(cell(values, "justification")),
            recommendations=free_text(cell(values, "recommendations")),
            row=row,
        )
    return grades


def _grade_value(
    raw: Any,
    row: int,
    column: str,
    questionnaire: Questionnaire,
    report: Report,
    where: dict[str, Any],
) -> float | None:
    scoring = questionnaire.scoring
    text = clean_text(raw)
    if not text:
        return None
    bounds: dict[str, Any] = {"lo": _num(scoring.lo), "hi": _num(scoring.hi)}
    try:
        value = float(raw) if isinstance(raw, int | float) else float(text.replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        report.add("grade-not-number", **where, row=row, column=column, value=text, **bounds)
        return None
    if not scoring.lo - 1e-9 <= value <= scoring.hi + 1e-9:
        report.add("grade-out-of-range", **where, row=row, column=column, value=text, **bounds)
        return None
    steps = (value - scoring.lo) / scoring.grade_step
    if abs(steps - round(steps)) > 1e-6:
        low = scoring.lo + math.floor(steps) * scoring.grade_step
        near = f"{_num(low)} / {_num(low + scoring.grade_step)}"
        report.add(
            "grade-off-step",
            **where,
            row=row,
            column=column,
            value=text,
            step=_num(scoring.grade_step),
            near=near,
        )
        return None
    return value


def _num(value: float) -> str:
    return f"{value:g}"


def read_meta(sheet: Sheet, file: str, report: Report) -> Meta:
    """Key/value rows of the ``metryka`` sheet: ``jst``, ``rok``, ``etap``."""
    where: dict[str, Any] = {"file": file, "sheet": sheet.name}
    found: dict[str, Any] = {}
    for row, values in sheet.rows:
        key = fold(values[0] if values else None)
        value = values[1] if len(values) > 1 else None
        name = meta_key(key)
        if name is None:
            if key and key not in {"klucz", "key", "pole", "field"}:
                report.add(
                    "unknown-meta-key",
                    Severity.NOTE,
                    **where,
                    row=row,
                    column="A",
                    value=clean_text(values[0]),
                )
            continue
        parsed = meta_value(name, value, report, {**where, "row": row, "column": "B"})
        if parsed is not None:
            found[name] = parsed
    return Meta(**found)


def meta_key(key: str) -> str | None:
    """The metadata field a folded key names (``Nazwa JST`` → ``jst``), or None."""
    return next((k for k, accepted in _META_KEYS.items() if key in accepted), None)


def meta_value(name: str, value: Any, report: Report, where: dict[str, Any]) -> Any:
    """The checked value of one metadata field (None when blank or invalid; an invalid
    year or stage is a warning at ``where``)."""
    text = clean_text(value)
    if not text:
        return None
    if name == "rok":
        try:
            year = int(float(text))
            if not 1990 <= year <= 2100:
                raise ValueError
            return year
        except (ValueError, OverflowError):  # "inf" and 1e400 overflow int()
            report.add("bad-year", Severity.WARNING, **where, value=text)
            return None
    if name == "zaproszonych":
        try:
            invited = int(text.replace(" ", "").replace("\u00a0", ""))
            if not 1 <= invited <= 10_000_000:
                raise ValueError
            return invited
        except ValueError:
            report.add("bad-invited", Severity.WARNING, **where, value=text)
            return None
    if name == "teryt":
        return _teryt(text, report, where)
    if name == "etap":
        etap = parse_etap(text)
        if etap is None:
            near = next((e for e in ETAPS if strip_diacritics(e) == strip_diacritics(fold(text))), None)
            report.add("bad-etap", Severity.WARNING, **where, value=text, suggestion=did_you_mean(near))
        return etap
    return free_text(value)


# TERC (GUS): WW województwo (02, 04, … 32), PP powiat (01–99; 61 and above: a city with
# powiat rights), GG gmina (01–99), R its kind: 1 urban, 2 rural, 3 urban-rural, 4 and 5
# the town and the rural part of an urban-rural gmina, 8 a Warsaw dzielnica, 9 a delegatura.
TERYT_LENGTHS = (2, 4, 7)
TERYT_KINDS = "1234589"


def _teryt(text: str, report: Report, where: dict[str, Any]) -> str | None:
    """The TERC code as 2, 4 or 7 digits; a code Excel turned into a number lost its
    leading zero (201011 for 0201011) and gets it back. A code of another shape is a
    located error naming the fix."""
    digits = text.replace(" ", "").replace("\u00a0", "").replace("-", "")
    if digits.endswith(".0"):  # a number cell: 1261011.0
        digits = digits[:-2]
    if digits.isdigit() and len(digits) + 1 in TERYT_LENGTHS:
        digits = "0" + digits
    if not (
        digits.isdigit() and digits.isascii() and len(digits) in TERYT_LENGTHS and _teryt_is_valid(digits)
    ):
        report.add("bad-teryt", Severity.ERROR, **where, value=text)
        return None
    return digits


def parse_teryt(text: str) -> str | None:
    """The TERC code in ``text`` (2, 4 or 7 digits, a lost leading zero restored), or None."""
    return _teryt(text, Report(), {})


def _teryt_is_valid(code: str) -> bool:
    woj = int(code[:2])
    if not (2 <= woj <= 32 and woj % 2 == 0):
        return False
    if len(code) >= 4 and code[2:4] == "00":
        return False
    return len(code) < 7 or (code[4:6] != "00" and code[6] in TERYT_KINDS)


def parse_etap(text: str) -> str | None:
    """``wstepna``, ``Powdrożeniowa`` → the stage's name; None for anything else."""
    return next((e for e in ETAPS if fold(e) == fold(text)), None)
