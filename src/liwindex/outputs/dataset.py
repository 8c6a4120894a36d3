"""Writing the open dataset: CSV (UTF-8, comma, decimal point, ``true``/``false``: the form
DuckDB, Polars, pandas and open-data portals read as it is) or Parquet when pyarrow is
installed (``pip install "liwindex[parquet]"``)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from liwindex.compare.dataset import COLUMNS
from liwindex.outputs.csv_table import csv_text
from liwindex.problems import InputError, Report


def write_dataset(path: Path, rows: list[dict[str, Any]], parquet: bool) -> None:
    """Write ``rows`` in the :data:`COLUMNS` order to ``path``."""
    if parquet:
        _write_parquet(path, rows)
        return
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([_cell(row[c]) for c in COLUMNS])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return csv_text(value)  # a name from a file never becomes a formula in a spreadsheet
    return repr(value) if isinstance(value, float) else str(value)


def parquet_available() -> bool:
    """Whether pyarrow is installed."""
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def _write_parquet(path: Path, rows: list[dict[str, Any]]) -> None:
    if not parquet_available():
        report = Report()
        report.add("parquet-unavailable", file=str(path))
        raise InputError(report)
    import pyarrow as pa  # type: ignore[import-not-found, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-not-found, unused-ignore]

    types = {
        "rok": pa.int32(),
        "n": pa.int64(),
        "provisional": pa.bool_(),
        "survey": pa.float64(),
        "grade": pa.float64(),
        "value": pa.float64(),
    }
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])
    table = pa.Table.from_pylist([{c: row[c] for c in COLUMNS} for row in rows], schema=schema)
    pq.write_table(table, path)
