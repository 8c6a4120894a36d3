"""What every reader returns: sheets as factorised columns that keep their spreadsheet row
numbers, the limits against runaway files, and the error a reader raises past a limit."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liwindex.text import fold


@dataclass(frozen=True)
class Limits:
    """Safety limits against hostile or runaway files; raise them with environment
    variables when a genuine file needs more."""

    max_rows: int = 1_048_576  # as many as an Excel sheet can hold
    max_columns: int = 2_000
    max_cell_chars: int = 32_767  # Excel's own limit for one cell
    max_uncompressed_mb: int = 1_000
    max_ratio: int = 200  # uncompressed : compressed, for members larger than 10 MB
    max_cells: int = 200_000_000  # a sheet's used range, checked before it is loaded

    @classmethod
    def from_env(cls) -> Limits:
        """Limits from ``LIWINDEX_MAX_ROWS``, ``LIWINDEX_MAX_COLUMNS``,
        ``LIWINDEX_MAX_UNCOMPRESSED_MB`` where set (:mod:`liwindex.io.environment`; a value
        not allowed raises :class:`~liwindex.problems.InputError`)."""
        from liwindex.io import environment

        values: dict[str, int] = {}
        for name, key in (
            ("max_rows", "LIWINDEX_MAX_ROWS"),
            ("max_columns", "LIWINDEX_MAX_COLUMNS"),
            ("max_uncompressed_mb", "LIWINDEX_MAX_UNCOMPRESSED_MB"),
        ):
            value = environment.number(key)
            if value is not None:
                values[name] = value
        return cls(**values)


@dataclass
class SheetColumn:
    """One spreadsheet column, factorised: distinct non-empty values and, per row of the
    sheet, the position of the row's value among them (-1 for an empty cell). Answers
    repeat a handful of labels, so every later lookup runs once per distinct value. The
    columns of a survey-sized sheet share one list of values (the sheet's), so ``values``
    may hold values a given column does not: count the codes to know which it holds."""

    codes: Any  # numpy int32 array, one entry per row of the sheet
    values: list[Any]

    def __len__(self) -> int:
        return len(self.codes)

    def cells(self, start: int = 0, stop: int | None = None) -> Any:
        """The cells of rows ``start:stop`` (positions among the sheet's rows) as an object
        array, empty cells as None."""
        import numpy as np

        lookup = np.empty(len(self.values) + 1, dtype=object)
        lookup[: len(self.values)] = self.values
        return lookup[self.codes[start:stop]]


@dataclass
class Sheet:
    """A sheet's non-empty rows: ``numbers`` holds their real row numbers and ``columns``
    the columns in their real positions (0 is column A), each factorised
    (:class:`SheetColumn`). Plain numpy arrays, no frame: a survey export of a hundred
    rows is read and validated in a few milliseconds, and a million rows stay a few bytes
    a cell."""

    name: str
    numbers: Any  # numpy int64 array of row numbers, 1-based
    columns: list[SheetColumn]
    hidden: bool = False
    # Vertical merges in the sheet: (first row, last row, column index), 1-based rows.
    merged: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when no cell holds anything."""
        return len(self.numbers) == 0

    # the header row found per header matcher: id → (matcher, row position)
    found_headers: dict[int, tuple[Any, int]] = field(default_factory=dict, repr=False, compare=False)
    _head: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list, repr=False, compare=False)
    _head_count: int = field(default=0, repr=False, compare=False)

    def head(self, count: int) -> list[tuple[int, tuple[Any, ...]]]:
        """The first ``count`` rows as ``(row number, values)``, empty cells as None (kept:
        finding the header and the survey sheet ask for the same rows several times)."""
        if count > self._head_count:
            self._head = self._rows(max(count, 32))
            self._head_count = max(count, 32)
        return self._head[:count]

    def _rows(self, count: int) -> list[tuple[int, tuple[Any, ...]]]:
        import numpy as np

        numbers = self.numbers[:count].tolist()
        shared = self.columns[0].values if self.columns else None
        if shared is not None and all(c.values is shared for c in self.columns):
            lookup = np.empty(len(shared) + 1, dtype=object)  # (the last entry: empty)
            lookup[:-1] = shared
            codes = np.array([c.codes[:count] for c in self.columns]).T  # rows × columns
            return [(n, tuple(cells)) for n, cells in zip(numbers, lookup[codes].tolist(), strict=True)]
        columns = [column.cells(0, count).tolist() for column in self.columns]
        return (
            list(zip(numbers, zip(*columns, strict=True), strict=True))
            if columns
            else [(n, ()) for n in numbers]
        )

    @property
    def rows(self) -> list[tuple[int, tuple[Any, ...]]]:
        """Every row as ``(row number, values)`` (for the small sheets: oceny, metryka)."""
        return self._rows(len(self.numbers))


@dataclass
class Workbook:
    """The sheets of one input file, in workbook order."""

    path: Path
    sheets: list[Sheet]

    @property
    def name(self) -> str:
        """The file name as the user gave it, for messages."""
        return str(self.path)

    def sheet_names(self) -> list[str]:
        """Sheet names in workbook order."""
        return [s.name for s in self.sheets]

    def find(self, name: str) -> Sheet | None:
        """The sheet called ``name`` (case and spacing tolerated), or None."""
        exact = [s for s in self.sheets if s.name == name]
        if exact:
            return exact[0]
        return next((s for s in self.sheets if fold(s.name) == fold(name)), None)


class TooLarge(Exception):
    """A sheet exceeds a size limit (rows, columns, or one cell's length)."""

    def __init__(
        self,
        code: str,
        sheet: str,
        limit: int,
        env: str,
        row: int | None = None,
        column: str | None = None,
        **params: str,
    ) -> None:
        super().__init__(code)
        self.code, self.sheet, self.limit, self.env = code, sheet, limit, env
        self.row, self.column, self.params = row, column, params
