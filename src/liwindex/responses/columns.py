"""A responses column cleaned once: its distinct values, which rows hold one, and the copies of
one question merged (branching forms)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from liwindex.problems import Report, Severity
from liwindex.text import clean_text, column_letter

if TYPE_CHECKING:
    from liwindex.io.sheets import SheetColumn


# The last list of sheet values Column.of cleaned: [values, cleaned texts, blank remap]
_LAST_CLEANED: list[Any] = [None, None, None]


@dataclass
class Column:
    """One sheet column as distinct cleaned values and, per row, the index of its value
    (-1 for an empty cell): every lookup runs once per distinct value, not once per cell."""

    codes: Any  # numpy int array, one entry a row
    values: list[str]  # cleaned distinct values ("" for blank-looking ones)
    raw: list[Any]

    @classmethod
    def of(cls, column: SheetColumn, start: int = 0) -> Column:
        """A sheet column from its row ``start`` on (positions among the sheet's rows),
        its distinct values cleaned; whitespace-only cells become empty."""
        import numpy as np

        codes = column.codes[start:]
        uniques = column.values
        if _LAST_CLEANED[0] is uniques:  # the columns of a sheet share one list of values
            cleaned, remap = _LAST_CLEANED[1], _LAST_CLEANED[2]
        else:
            cleaned = [clean_text(u) for u in uniques]
            blank = [i for i, v in enumerate(cleaned) if not v]
            remap = None
            if blank:
                remap = np.arange(len(uniques) + 1, dtype=np.int32)
                remap[blank] = -1
                remap[-1] = -1
            _LAST_CLEANED[:] = [uniques, cleaned, remap]
        if remap is not None:
            codes = remap[codes]
        return cls(codes=codes, values=cleaned, raw=uniques)

    def used(self) -> list[int]:
        """The positions of the distinct values some row holds (a sheet's columns share one
        list of values, most of which a given column does not hold)."""
        import numpy as np

        codes = self.codes[self.codes >= 0]
        return np.flatnonzero(np.bincount(codes, minlength=len(self.values))).tolist()

    @property
    def filled(self) -> Any:
        """Per row: does the cell hold anything."""
        return self.codes >= 0

    def subset(self, mask: Any) -> Column:
        """The same column for the rows where ``mask`` is True."""
        return Column(codes=self.codes[mask], values=self.values, raw=self.raw)

    def translate(self, table: list[Any], missing: Any = None) -> Any:
        """Per row, ``table[i]`` for the row's distinct value ``i`` (``missing`` when empty)."""
        import numpy as np

        lookup = np.empty(len(table) + 1, dtype=object)
        lookup[: len(table)] = table
        lookup[-1] = missing
        return lookup[self.codes]


def merge_copies(
    cleaned: dict[int, Column],
    first: int,
    extra: list[int],
    ident: str,
    rows: Any,
    report: Report,
    where: dict[str, Any],
    header_row: int,
) -> None:
    """A form with sections repeats a question once per branch, each copy answered only by
    its branch: the copies become one column (a note names them). A row that answers two
    copies differently is an error at that row; the same answer twice is fine."""
    import numpy as np

    merged = cleaned[first]
    letters = [column_letter(first + 1)]
    for index in extra:
        other = cleaned[index]
        mine = np.array([*merged.values, None], dtype=object)[merged.codes]
        theirs = np.array([*other.values, None], dtype=object)[other.codes]
        both = merged.filled & other.filled
        clash = both & (np.char.lower(mine.astype(str)) != np.char.lower(theirs.astype(str)))
        for i in np.flatnonzero(clash):
            report.add(
                "duplicate-column-conflict",
                **where,
                row=int(rows[i]),
                column=column_letter(index + 1),
                value=ident,
                first=letters[0],
                a=str(mine[i]),
                b=str(theirs[i]),
            )
        merged = Column(
            codes=np.where(
                merged.filled, merged.codes, np.where(other.filled, other.codes + len(merged.values), -1)
            ),
            values=[*merged.values, *other.values],
            raw=[*merged.raw, *other.raw],
        )
        letters.append(column_letter(index + 1))
    cleaned[first] = merged
    report.add(
        "duplicate-columns-merged",
        Severity.NOTE,
        **where,
        row=header_row,
        value=ident,
        columns=", ".join(letters),
    )
