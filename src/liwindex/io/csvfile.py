"""CSV exports: encoding (UTF-8, UTF-8 with BOM, Windows-1250) and delimiter sniffed and
said in a note, every record line bounded before pandas' C parser reads the file."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from liwindex.io.factorise import to_sheet
from liwindex.io.sheets import Limits, Sheet, TooLarge
from liwindex.problems import Report, Severity

NAMES = {
    ",": {"pl": "przecinek", "en": "comma"},
    ";": {"pl": "średnik", "en": "semicolon"},
    "\t": {"pl": "tabulator", "en": "tab"},
}


MAX_LINE_BYTES = 4_000_000  # one CSV record line: 60 long open answers fit many times over


SCAN_CHUNK = 1 << 22


def scan_csv(path: Path, delimiter: str, limits: Limits) -> int:
    """Check a CSV file's shape while streaming it, before any parser holds a line: total
    size, binary content, bytes per line, delimiters per line and the number of lines.
    Returns an upper bound of the fields per line. Raises :class:`TooLarge`."""
    import numpy as np

    name = path.stem
    size = path.stat().st_size
    if size > limits.max_uncompressed_mb * 1_000_000:
        raise TooLarge("csv-too-large", name, limits.max_uncompressed_mb, "LIWINDEX_MAX_UNCOMPRESSED_MB")
    mark = ord(delimiter)
    lines, widest = 0, 0
    open_length, open_delimiters = 0, 0  # of the line still going on at the chunk's end
    with path.open("rb") as fh:
        first = True
        while True:
            chunk = fh.read(SCAN_CHUNK)
            if not chunk:
                break
            data = np.frombuffer(chunk, dtype=np.uint8)
            if first and np.count_nonzero(data[: 1 << 20] == 0) > max(8, data[: 1 << 20].size // 1000):
                raise TooLarge("csv-not-text", name, 0, "")
            first = False
            ends = np.flatnonzero(data == 10)
            marks = np.flatnonzero(data == mark)
            if ends.size:
                # delimiters before each line end, without a running sum over every byte
                upto = np.searchsorted(marks, ends)
                per_line = np.diff(np.concatenate(([0], upto)))
                per_line[0] += open_delimiters
                lengths = np.diff(np.concatenate(([-1], ends)))
                lengths[0] += open_length
                widest = max(widest, int(per_line.max()))
                longest = int(np.argmax(lengths))
                if lengths[longest] > MAX_LINE_BYTES:
                    raise TooLarge("csv-line-too-long", name, MAX_LINE_BYTES, "", lines + longest + 1)
                open_length = data.size - 1 - int(ends[-1])
                open_delimiters = int(marks.size - upto[-1])
            else:
                open_length += data.size
                open_delimiters += int(marks.size)
            if open_length > MAX_LINE_BYTES:
                raise TooLarge("csv-line-too-long", name, MAX_LINE_BYTES, "", lines + ends.size + 1)
            widest = max(widest, open_delimiters)
            lines += ends.size
            # quoted line breaks inside answers make more lines than records: allow for them
            if lines > limits.max_rows * 4:
                raise TooLarge("too-many-rows", name, limits.max_rows, "LIWINDEX_MAX_ROWS")
            if widest > limits.max_columns * 4:
                raise TooLarge("too-many-columns", name, limits.max_columns, "LIWINDEX_MAX_COLUMNS")
    return widest + 1


# A survey export up to this size is parsed by the csv module (pandas' C parser into
# categories costs about 20 ms a file however small it is, and its import 0.5 s; it pays
# off for the large files it is kept for). Both give the same sheet (tested).
SMALL_CSV_BYTES = 1_000_000


def _records(path: Path, encoding: str, delimiter: str) -> list[list[str]]:
    # no field is longer than the file: the csv module's own bound (128 kB) would end a
    # long answer in an error instead of the located "cell too long" (limits.max_cell_chars)
    csv.field_size_limit(max(csv.field_size_limit(), path.stat().st_size + 1))
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


# the bytes Windows-1250 leaves undefined: a file holding one is in neither encoding read
_UNDEFINED_IN_CP1250 = re.compile(rb"[\x81\x83\x88\x90\x98]")


def _unknown_encoding(path: Path) -> TooLarge:
    """The refusal of a CSV file that is neither UTF-8 nor Windows-1250, at the line of the
    first byte Windows-1250 cannot read."""
    data = path.read_bytes()  # bounded: its shape was checked by scan_csv
    found = _UNDEFINED_IN_CP1250.search(data)
    at = found.start() if found else 0
    return TooLarge(
        "csv-unknown-encoding",
        path.stem,
        0,
        "",
        data.count(b"\n", 0, at) + 1,
        value=f"0x{data[at : at + 1].hex().upper()}",
    )


def read_csv(path: Path, report: Report, limits: Limits) -> Sheet:
    """A CSV file as one sheet: encoding UTF-8 (with or without BOM), else Windows-1250;
    delimiter sniffed among comma, semicolon and tab. Says which were assumed. The file's
    shape is checked first (:func:`scan_csv`), so no parser meets an unbounded line."""
    with path.open("rb") as fh:
        head = fh.read(65536)
    bom = head.startswith(b"\xef\xbb\xbf")
    encoding, label = "utf-8-sig", "UTF-8 (BOM)" if bom else "UTF-8"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            encoding, label = "cp1250", "Windows-1250"
    sample = head.decode(encoding, errors="replace")
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        delimiter = max(",;\t", key=first.count)
    fields = scan_csv(path, delimiter, limits)

    small = path.stat().st_size <= SMALL_CSV_BYTES

    def parse(encoding: str) -> Any:
        if small:
            return _records(path, encoding, delimiter)
        import pandas as pd

        try:
            # The C parser straight into categories: a million answers of a few distinct
            # labels take a few bytes each. Every value stays text ("NA" is not missing).
            # names: as many columns as the widest line can have, so that ragged rows
            # (fewer fields than others) stay in the C parser instead of lists of lists
            return pd.read_csv(
                path,
                encoding=encoding,
                sep=delimiter,
                header=None,
                names=range(fields),
                dtype="category",
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=False,
                engine="c",
            )
        except pd.errors.ParserError:
            # ragged rows (more fields than the first line): the csv module copes
            return _records(path, encoding, delimiter)

    try:
        table = parse(encoding)
    except UnicodeDecodeError:  # UTF-8 at the start, something else further on
        encoding, label = "cp1250", "Windows-1250"
        try:
            table = parse(encoding)
        except UnicodeDecodeError:
            raise _unknown_encoding(path) from None
    report.add("csv-read-as", Severity.NOTE, file=str(path), value=label, delimiter=NAMES[delimiter])
    # Records are numbered as a spreadsheet program opening the file shows them.
    return to_sheet(path.stem, table, limits)
