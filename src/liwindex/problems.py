"""Structured records of problems found in user input, gathered into a report.

A problem is data (code, severity, where it is, the offending value); its human message is
built from the message catalogue only when it is shown, in the language the user asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from liwindex.messages import describe


class Severity(StrEnum):
    """How serious a problem is: errors stop the run, warnings and notes are reported."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True)
class Problem:
    """One problem in one place of an input file.

    ``row`` is the real spreadsheet row number (1-based) and ``column`` the column letter,
    so that a user can go straight to the cell; ``yaml_path`` and ``line`` locate problems
    in YAML files, where ``column`` is the 1-based character of the line (as text, "5").
    """

    code: str
    severity: Severity = Severity.ERROR
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    yaml_path: str | None = None
    line: int | None = None
    value: Any = None
    params: dict[str, Any] = field(default_factory=dict)

    def location(self, lang: str = "pl") -> str:
        """The place of the problem, e.g. ``ankieta.xlsx, arkusz „Dane”, wiersz 4, kolumna C``."""
        words = _LOCATION_WORDS[lang if lang in _LOCATION_WORDS else "pl"]
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(words["sheet"].format(self.sheet))
        if self.row is not None:
            parts.append(words["row"].format(self.row))
        in_text = self.line is not None and self.row is None  # a YAML file: line, then column
        if self.column and not in_text:
            parts.append(words["column"].format(self.column))
        if self.yaml_path:
            parts.append(self.yaml_path)
        if self.line is not None:
            parts.append(words["line"].format(self.line))
        if self.column and in_text:
            parts.append(words["column"].format(self.column))
        return ", ".join(parts)

    def message(self, lang: str = "pl") -> str:
        """The full message: location first, then what is wrong and how to fix it."""
        from liwindex.text import visible

        text = describe(self.code, lang, value=self.value, **self.params)
        where = self.location(lang)
        return visible(f"{where}: {text}" if where else text)

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """A JSON-ready record of the problem with its rendered message."""
        value = self.value
        if value is not None and not isinstance(value, str | int | float | bool):
            value = str(value)
        return {
            "code": self.code,
            "severity": str(self.severity),
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "yaml_path": self.yaml_path,
            "line": self.line,
            "value": value,
            "message": self.message(lang),
        }


_LOCATION_WORDS = {
    "pl": {"sheet": "arkusz „{}”", "row": "wiersz {}", "column": "kolumna {}", "line": "linia {}"},
    "en": {"sheet": "sheet '{}'", "row": "row {}", "column": "column {}", "line": "line {}"},
}


@dataclass
class Report:
    """Every problem found while reading one input; valid when it holds no error."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, code: str, severity: Severity = Severity.ERROR, **kwargs: Any) -> None:
        """Record a problem; keyword arguments are the fields of :class:`Problem`."""
        known = Problem.__dataclass_fields__
        fields_ = {k: v for k, v in kwargs.items() if k in known}
        params = {k: v for k, v in kwargs.items() if k not in known}
        self.problems.append(Problem(code=code, severity=severity, params=params, **fields_))

    def extend(self, problems: Iterable[Problem]) -> None:
        """Append problems found elsewhere."""
        self.problems.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    @property
    def errors(self) -> list[Problem]:
        """Problems that make the input unusable."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Problems worth the user's attention that do not stop the run."""
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        """Things that were interpreted or ignored, for the record."""
        return [p for p in self.problems if p.severity is Severity.NOTE]

    @property
    def valid(self) -> bool:
        """True when there is no error."""
        return not self.errors

    def to_dict(self, lang: str = "pl", file: str | None = None) -> dict[str, Any]:
        """The report as JSON: validity, counts and every problem as a record."""
        return {
            "file": file,
            "valid": self.valid,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "notes": len(self.notes),
            "problems": [p.to_dict(lang) for p in self.problems],
        }

    def raise_if_invalid(self) -> None:
        """Raise :class:`InputError` carrying this report when it holds an error."""
        if not self.valid:
            raise InputError(self)


class InputError(Exception):
    """The user's input is invalid; ``report`` lists every problem found."""

    def __init__(self, report: Report) -> None:
        self.report = report
        first = report.errors[0].message("en") if report.errors else "invalid input"
        super().__init__(first)
