"""Rows of totals someone added to a responses sheet ("Razem", "Średnia", a row of sums
under the answers): never respondents.

Two signs, from the surest: a summary word in the row's group cell (anywhere in the data),
or in the first text cell of one of the last rows; and, in the last rows, numbers where the
respondents' answers are words (labels), in a row that either names no group or holds a
number no choice has (3,45; 42), so that a paper survey typed in with its codes under a
form's labels stays a respondent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from liwindex.responses.matching import ChoiceLookup, GroupLookup, Target
from liwindex.text import clean_text, fold, strip_diacritics

if TYPE_CHECKING:
    from liwindex.io.sheets import Sheet
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.columns import Column
    from liwindex.responses.mapping import Mapping

# a label of a summary row starts with one of these (folded, without Polish letters)
SUMMARY_WORDS = (
    "razem",
    "suma",
    "sumy",
    "ogolem",
    "lacznie",
    "w sumie",
    "srednia",
    "srednie",
    "srednio",
    "podsumowanie",
    "total",
    "totals",
    "grand total",
    "subtotal",
    "sum",
    "average",
    "mean",
)
MAX_LABEL_CHARS = 60  # "Średnia ocen (31 respondentów)"; longer texts are answers
MAX_LABEL_WORDS = 4
MAX_TRAILING = 10  # summary rows are looked for among this many last rows
MAX_NUMBER_CHARS = 24
_NUMBER_CHARS = frozenset("0123456789.,+- \u00a0%")
LABELLED_SHARE = 2 / 3  # a column whose filled cells are at least this share words


@dataclass(frozen=True)
class SummaryRow:
    """A summary row: its position among the respondents' rows, the label it carries (None
    for a row of numbers), and the number shown as an example."""

    index: int
    label: str | None
    number: float | None = None


def is_summary_label(value: object) -> bool:
    """True for "Razem", "Suma:", "Średnia ocen", "Ogółem (N=31)", "Total"."""
    if not isinstance(value, str) or len(value) > MAX_LABEL_CHARS:
        return False
    words = strip_diacritics(fold(value)).split()
    if not words or len(words) > MAX_LABEL_WORDS:
        return False
    text = " ".join(words)
    return any(text == w or text.startswith(w + " ") for w in SUMMARY_WORDS)


def as_number(value: object) -> float | None:
    """A cell that is a number, or a text that only writes one ("3,45", "42", "87%")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str) or not 0 < len(value) <= MAX_NUMBER_CHARS:
        return None
    if not set(value) <= _NUMBER_CHARS:
        return None
    try:
        return float(value.replace("\u00a0", "").replace(" ", "").rstrip("%").replace(",", "."))
    except ValueError:
        return None


def find_summary_rows(
    sheet: Sheet,
    positions: Any,
    cleaned: dict[int, Column],
    targets: dict[Target, int],
    questionnaire: Questionnaire,
    mapping: Mapping | None,
) -> list[SummaryRow]:
    """The summary rows among the respondents' rows (``positions``: their positions among
    the sheet's rows; ``cleaned``: the recognised columns over them)."""
    import numpy as np

    groups = GroupLookup.cached(questionnaire, mapping)
    group_at = next((i for t, i in targets.items() if t.kind == "group"), None)
    found: dict[int, SummaryRow] = {}
    if group_at is not None:  # a summary word in the group column, anywhere
        column = cleaned[group_at]
        labels = [
            v
            for v in column.used()
            if groups.group(column.values[v]) is None and is_summary_label(column.values[v])
        ]
        for i in np.flatnonzero(np.isin(column.codes, labels)).tolist():
            found[i] = SummaryRow(i, column.values[column.codes[i]])
    answers = _answer_columns(cleaned, targets, questionnaire, mapping)
    for i in range(len(positions) - 1, max(len(positions) - MAX_TRAILING, 0) - 1, -1):
        row = found.get(i) or _trailing_summary(
            sheet, int(positions[i]), i, cleaned, group_at, groups, answers
        )
        if row is None:
            break
        found[i] = row
    return sorted(found.values(), key=lambda r: r.index)


def _answer_columns(
    cleaned: dict[int, Column],
    targets: dict[Target, int],
    questionnaire: Questionnaire,
    mapping: Mapping | None,
) -> list[tuple[Column, ChoiceLookup]]:
    """Each answer column with the choices of its question."""
    scales = {q.id: q.scale for q in questionnaire.questions}
    scales.update({c.id: c.scale for c in questionnaire.context_questions if c.scale is not None})
    return [
        (cleaned[index], ChoiceLookup.cached(questionnaire.scale_by_id[scale], mapping))
        for target, index in targets.items()
        if target.kind != "group" and (scale := scales.get(target.id)) is not None
    ]


def _labelled(column: Column) -> bool:
    """Whether a column's answers are words (labels) rather than numbers."""
    import numpy as np

    used = column.used()
    numeric = np.zeros(len(column.values) + 1, dtype=bool)
    numeric[used] = [as_number(column.raw[v]) is not None for v in used]
    filled = column.filled
    words = int((filled & ~numeric[column.codes]).sum())
    return bool(filled.any()) and words >= LABELLED_SHARE * int(filled.sum())


def _trailing_summary(
    sheet: Sheet,
    position: int,
    index: int,
    cleaned: dict[int, Column],
    group_at: int | None,
    groups: GroupLookup,
    answers: list[tuple[Column, ChoiceLookup]],
) -> SummaryRow | None:
    """One of the last rows, when its first text cell is a summary label or it holds
    numbers where the respondents answered in words."""
    for cells in sheet.columns:
        code = int(cells.codes[position])
        value = cells.values[code] if code >= 0 else None
        if isinstance(value, str) and clean_text(value):
            if is_summary_label(value):
                return SummaryRow(index, clean_text(value))
            break
    numbers: list[tuple[float, bool, Column]] = []  # each number, is it a choice's code, its column
    for answer, lookup in answers:
        code = int(answer.codes[index])
        if code < 0:
            continue
        number = as_number(answer.raw[code])
        if number is None:
            return None
        numbers.append((number, lookup.code(answer.raw[code]) is not None, answer))
    if len(numbers) < 2 or 2 * sum(_labelled(column) for _, _, column in numbers) < len(numbers):
        return None
    named = False
    if group_at is not None:
        group = cleaned[group_at]
        code = int(group.codes[index])
        named = code >= 0 and groups.group(group.values[code]) is not None
    if named and all(valid for _, valid, _ in numbers):
        return None
    return SummaryRow(index, None, next((n for n, valid, _ in numbers if not valid), numbers[0][0]))
