"""Answers to choices: every cell mapped onto its scale's codes, with a located problem for any
answer the scale does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from liwindex.messages import did_you_mean
from liwindex.problems import Report, Severity
from liwindex.responses.matching import ChoiceLookup, split_multi
from liwindex.text import fold

if TYPE_CHECKING:
    from liwindex.responses.columns import Column

    pass


def map_all_choices(matrix: Any, asked: list[tuple[int, Column, ChoiceLookup]]) -> set[int]:
    """Fill ``matrix[:, j]`` with each answer's position on its scale for every ``(j,
    column, lookup)``, at once for the columns that share a list of values (the columns of
    one sheet do: one table per scale of each value's position, one gather); returns the
    ``j`` whose column holds an answer that :func:`map_choices` must note or report (a
    number read as a code, an unknown answer)."""
    import numpy as np

    together: dict[int, list[tuple[int, Column, ChoiceLookup]]] = {}
    for j, column, lookup in asked:
        together.setdefault(id(column.values), []).append((j, column, lookup))
    flagged: set[int] = set()
    for members in together.values():
        values = members[0][1].values
        width = len(values) + 1  # a table's entry 0 is the empty cell, entry i + 1 value i
        scales = list({id(lookup): lookup for _, _, lookup in members}.values())
        which = np.array([scales.index(lookup) for _, _, lookup in members])
        # rows × members (np.array stacks the code arrays in C; column_stack loops over them)
        cells = np.array([column.codes for _, column, _ in members]).T + 1 + which * width
        positions = np.full(len(scales) * width, -1, dtype=np.int16)
        # a value to look at: a number or a "code - label" read as a code, or no choice
        # and not blank by the mapping
        odd = np.zeros(len(scales) * width, dtype=bool)
        # only the (scale, value) pairs the columns hold are looked up
        for cell in np.flatnonzero(np.bincount(cells.ravel(order="K"), minlength=len(positions))).tolist():
            scale, value = divmod(cell, width)
            if value:
                position, how, blank, _ = scales[scale].entry(values[value - 1])
                positions[cell], odd[cell] = position, how is not None or (position < 0 and not blank)
        js = [j for j, _, _ in members]
        matrix[:, js] = positions[cells]
        flagged.update(js[k] for k in np.flatnonzero(odd[cells].any(axis=0)))
    return flagged


def map_choices(
    column: Column,
    rows: Any,
    lookup: ChoiceLookup,
    question: str,
    letter: str,
    report: Report,
    where: dict[str, Any],
) -> Any:
    """Cells → each answer's position among the scale's choices (-1: blank); every cell
    that fits no choice is an error at its row. Lookups run once per distinct value (and
    once per process for a value met before: :meth:`ChoiceLookup.entry`)."""
    import numpy as np

    entries = [lookup.entry(value) for value in column.values]
    positions = np.array([e[0] for e in entries] + [-1], dtype=np.int16)
    per_row = positions[column.codes]
    if any(e[1] is not None for e in entries):
        present = np.bincount(column.codes[column.filled], minlength=len(entries)) > 0
        by_value = {column.values[i]: e[3] for i, e in enumerate(entries)}
        for how, note in (("number", "number-as-code"), ("code_label", "code-label-answers")):
            interpreted = sorted(
                column.values[i] for i, e in enumerate(entries) if e[1] == how and present[i]
            )
            if interpreted:
                report.add(
                    note,
                    Severity.NOTE,
                    **where,
                    column=letter,
                    question=question,
                    value=", ".join(f"{v} → {by_value[v]}" for v in interpreted[:10])
                    + (" …" if len(interpreted) > 10 else ""),
                )
    bad = (per_row < 0) & column.filled
    if bad.any():
        blank_values = [i for i, e in enumerate(entries) if e[2]]
        if blank_values:
            bad &= ~np.isin(column.codes, blank_values)
    if bad.any():
        allowed = lookup.allowed()
        for row, code in zip(rows[bad], column.codes[bad], strict=True):
            value = column.values[code]
            pair = lookup.code_and_label(fold(value))
            if pair is not None:  # "4 - raczej źle": the number and the words disagree
                report.add(
                    "answer-contradiction",
                    **where,
                    row=int(row),
                    column=letter,
                    value=value,
                    question=question,
                    by_code=pair[0],
                    by_label=pair[1],
                )
                continue
            report.add(
                "unknown-answer",
                **where,
                row=int(row),
                column=letter,
                value=value,
                question=question,
                allowed=allowed,
                suggestion=did_you_mean(lookup.suggest(value)),
            )
    return per_row


def map_context(
    column: Column,
    rows: Any,
    lookup: ChoiceLookup,
    multi: bool,
    question: str,
    letter: str,
    report: Report,
    where: dict[str, Any],
) -> list[Any]:
    """Context answers do not enter the scores, so a value that does not fit is a warning.
    One answer per respondent (a list of codes for a multiple choice)."""
    parsed: list[Any] = [None] * len(column.values)
    # per distinct value: (code, parameter) or ("", None)
    problems: list[tuple[str, Any]] = [("", None)] * len(column.values)
    for i in column.used():
        value, raw = column.values[i], column.raw[i]
        if lookup.is_blank(raw):
            parsed[i] = [] if multi else None
        elif multi:
            codes, unmatched = split_multi(value, lookup)
            parsed[i] = tuple(codes)
            if unmatched:
                problems[i] = ("other-context-answer", ", ".join(unmatched))
        else:
            code = lookup.code(value)
            parsed[i] = code
            if code is None:
                problems[i] = ("unknown-context-answer", value)
    for row, code in zip(rows[column.filled], column.codes[column.filled], strict=True):
        kind, value = problems[code]
        if kind == "other-context-answer":
            report.add(
                kind, Severity.NOTE, **where, row=int(row), column=letter, value=value, question=question
            )
        elif kind:
            report.add(
                kind,
                Severity.WARNING,
                **where,
                row=int(row),
                column=letter,
                value=value,
                question=question,
                allowed=lookup.allowed(),
            )
    empty: Any = () if multi else None
    return [list(v) if multi and v is not None else v for v in column.translate(parsed, empty)]
