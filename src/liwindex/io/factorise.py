"""Factorising a table into sheet columns: distinct values and a numpy code per row.

Each column is factorised once (a survey-sized sheet all at once, its columns sharing one
list of values); every later step works on those codes, never cell by cell in Python.
Cells longer than Excel allows are refused here, where every distinct value is seen once.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from liwindex.io.sheets import Limits, Sheet, SheetColumn, TooLarge
from liwindex.text import column_letter

# Below this many cells a sheet is factorised with dicts (loops in C, no pandas import);
# above it with pandas' hash table, faster a cell, which outweighs pandas' import from
# about two million cells on (docs/performance.md, "Factorising large sheets").
SMALL_SHEET_CELLS = 2_000_000


def to_sheet(
    name: str,
    table: Sequence[Sequence[Any]] | Any,
    limits: Limits,
    hidden: bool = False,
    merged: list[tuple[int, int, int]] | None = None,
) -> Sheet:
    """A sheet from a table whose first row is spreadsheet row 1 (a list of rows or a
    DataFrame of categories from the CSV parser). Every column is factorised once (answers
    repeat a handful of labels, so this is both the fastest and the smallest form); empty
    strings count as empty, empty rows and trailing columns are dropped, and the limits are
    enforced."""
    import numpy as np

    shared = None
    if hasattr(table, "columns") and hasattr(table, "iloc"):  # a DataFrame (CSV)
        factorised = [_factorised_series(table[c]) for c in table.columns]
        height = len(table)
    else:
        lengths = set(map(len, table))
        width = max(lengths, default=0)
        if len(lengths) > 1:
            table = [list(r) + [None] * (width - len(r)) for r in table]
        height = len(table)
        if height * width <= SMALL_SHEET_CELLS:
            shared = _factorised_together(table, height, width)
            if shared is None:
                factorised = [_factorised_small(column) for column in zip(*table, strict=True)]
        else:
            table = table if isinstance(table, list) else list(table)
            factorised = _factorised_large(table, height, width)  # frees the rows as it goes
        if isinstance(table, list):
            table.clear()  # the rows' lists are no longer needed; free them early
    if shared is not None:
        matrix, values = shared
        filled = matrix >= 0
        used = filled.any(axis=0).tolist()
    else:
        used = [bool(len(values)) for _, values in factorised]
    width = len(used) - used[::-1].index(True) if True in used else 0
    if width > limits.max_columns:
        raise TooLarge("too-many-columns", name, limits.max_columns, "LIWINDEX_MAX_COLUMNS")
    if shared is not None:
        keep = filled[:, :width].any(axis=1)
    else:
        keep = np.zeros(height, dtype=bool)
        for j in range(width):
            if used[j]:
                keep |= factorised[j][0] >= 0
    if int(keep.sum()) > limits.max_rows:
        raise TooLarge("too-many-rows", name, limits.max_rows, "LIWINDEX_MAX_ROWS")
    rows = np.flatnonzero(keep) + 1
    every_row = bool(keep.all())
    columns = []
    if shared is not None:
        matrix = matrix[:, :width] if every_row else np.asfortranarray(matrix[keep, :width])
        _check_shared_cell_lengths(name, values, matrix, rows, limits)
        columns = [SheetColumn(codes=matrix[:, j], values=values) for j in range(width)]
    for j in range(width if shared is None else 0):
        codes, values = factorised[j]
        codes = codes if every_row else codes[keep]
        _check_cell_lengths(name, values, codes, rows, j, limits)
        columns.append(SheetColumn(codes=codes, values=values))
    return Sheet(
        name=name, numbers=rows.astype(np.int64), columns=columns, hidden=hidden, merged=merged or []
    )


def _blank(value: Any) -> bool:
    """An empty cell: None, an empty string, or NaN."""
    return (
        value is None
        or (isinstance(value, str) and value == "")
        or (isinstance(value, float) and value != value)
    )


def _without_blanks(codes: Any, values: list[Any]) -> tuple[Any, list[Any]]:
    """Drop the blank distinct values: their cells become -1 and the others renumbered."""
    import numpy as np

    kept = [i for i, v in enumerate(values) if not _blank(v)]
    if len(kept) == len(values):
        return codes, values
    remap = np.full(len(values) + 1, -1, dtype=np.int32)  # the last entry: -1 stays -1
    remap[kept] = np.arange(len(kept), dtype=np.int32)
    return remap[codes], [values[i] for i in kept]


# Cell types that never equal a value of another type in this list, except the numbers:
# 1, 1.0 and True are one dict key, so a sheet holding two kinds of number is factorised
# column by column (each column keeps the spelling it has first, as before).
_PLAIN_TYPES = {
    str,
    type(None),
    float,
    int,
    bool,
    datetime.datetime,
    datetime.date,
    datetime.time,
    datetime.timedelta,
}


_NUMBER_TYPES = {float, int, bool}


def _factorised_together(
    table: Sequence[Sequence[Any]], height: int, width: int
) -> tuple[Any, list[Any]] | None:
    """The whole sheet factorised at once: a rows × columns matrix of codes (Fortran order,
    so that each column is contiguous) into one list of the sheet's distinct non-empty
    values, which every column shares (a column's values then include some it does not
    hold). One pass over the cells instead of one per column: a survey export repeats the
    same few labels in every column. None when the sheet mixes kinds of number."""
    import itertools

    import numpy as np

    flat = list(itertools.chain.from_iterable(table))
    distinct = dict.fromkeys(flat)
    kinds = set(map(type, distinct))
    if kinds & _NUMBER_TYPES:  # a number key may stand for cells of another kind equal to it
        kinds = set(map(type, flat))
    if not kinds <= _PLAIN_TYPES or len(kinds & _NUMBER_TYPES) > 1:
        return None
    # the blank keys: None, "" and NaN (each NaN its own key)
    blanks = [k for k in (None, "") if k in distinct]
    if float in kinds:
        blanks += [k for k in distinct if k != k]
    for key in blanks:
        del distinct[key]
    values = list(distinct)
    index = dict(zip(values, range(len(values)), strict=True))
    index.update((k, -1) for k in blanks)
    codes = np.fromiter(map(index.__getitem__, flat), dtype=np.int32, count=len(flat))
    return np.asfortranarray(codes.reshape(height, width)), values


def _factorised_small(column: Sequence[Any]) -> tuple[Any, list[Any]]:
    """A column's codes and distinct values, by dicts (every loop in C): values equal in
    Python (1, 1.0 and True) are one value, as in pandas' hash table, the first one seen
    kept."""
    import numpy as np

    values: list[Any] = []
    blanks: list[Any] = []
    for key in dict.fromkeys(column):
        (blanks if _blank(key) else values).append(key)
    index = {k: i for i, k in enumerate(values)}
    index.update((k, -1) for k in blanks)
    return np.fromiter(map(index.__getitem__, column), dtype=np.int32, count=len(column)), values


def _factorised_large(table: list[Any], height: int, width: int) -> list[tuple[Any, list[Any]]]:
    """Columns of a large sheet factorised by pandas' hash table, the table transposed
    once so that each column is contiguous (factorising is twice as fast)."""
    import numpy as np
    import pandas as pd

    array = np.ascontiguousarray(np.array(table, dtype=object).reshape(height, width).T)
    table.clear()
    out = []
    for j in range(width):
        codes, uniques = pd.factorize(array[j], use_na_sentinel=True)
        out.append(_without_blanks(codes.astype(np.int32), list(uniques)))
        array[j] = None  # free the column's cells as soon as they are factorised
    return out


def _factorised_series(values: Any) -> tuple[Any, list[Any]]:
    """A column the CSV parser read into categories (or any Series)."""
    import numpy as np
    import pandas as pd

    if isinstance(values.dtype, pd.CategoricalDtype):
        codes, uniques = values.cat.codes.to_numpy(), list(values.cat.categories)
    else:
        codes, found = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
        uniques = list(found)
    return _without_blanks(np.asarray(codes, dtype=np.int32), uniques)


def _check_cell_lengths(name: str, uniques: Any, codes: Any, rows: Any, column: int, limits: Limits) -> None:
    """Refuse cells longer than a spreadsheet can hold (a broken CSV quote, a hostile file);
    only distinct values are measured."""
    import numpy as np

    for i, value in enumerate(uniques):
        if isinstance(value, str) and len(value) > limits.max_cell_chars:
            row = int(rows[np.argmax(codes == i)])
            raise TooLarge("cell-too-long", name, limits.max_cell_chars, "", row, column_letter(column + 1))


def _check_shared_cell_lengths(name: str, values: list[Any], matrix: Any, rows: Any, limits: Limits) -> None:
    """:func:`_check_cell_lengths` for columns sharing one list of values: the first
    column holding a too-long cell is named, at its first such row."""
    import numpy as np

    long = [
        i for i, value in enumerate(values) if isinstance(value, str) and len(value) > limits.max_cell_chars
    ]
    if not long:
        return
    hit = np.isin(matrix, long)
    j = int(np.argmax(hit.any(axis=0)))
    row = int(rows[np.argmax(hit[:, j])])
    raise TooLarge("cell-too-long", name, limits.max_cell_chars, "", row, column_letter(j + 1))
