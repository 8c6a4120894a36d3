"""Each respondent's group: from the group column, found by its values when it has no
recognised header, or given on the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from liwindex.messages import did_you_mean
from liwindex.problems import Report, Severity
from liwindex.responses.columns import Column
from liwindex.responses.matching import GroupLookup, Target
from liwindex.text import column_letter

if TYPE_CHECKING:
    from liwindex.io.sheets import Sheet
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.mapping import Mapping


def read_groups(
    rows: Any,
    cleaned: dict[int, Column],
    targets: dict[Target, int],
    questionnaire: Questionnaire,
    option: str | None,
    report: Report,
    where: dict[str, Any],
    mapping: Mapping | None,
) -> Any:
    """Each respondent's group as its position in the questionnaire's groups (-1: none)."""
    import numpy as np

    lookup = GroupLookup.cached(questionnaire, mapping)
    allowed = lookup.allowed()
    if option is not None and option not in questionnaire.group_ids:
        report.add("unknown-group-option", value=option, allowed=allowed)
        option = None
    position = next((i for t, i in targets.items() if t.kind == "group"), None)
    if position is None:
        if option is None and len(questionnaire.groups) == 1:
            option = questionnaire.group_ids[0]
        if option is None:
            option = group_of_columns(questionnaire, {t.id for t in targets if t.kind == "question"})
            if option is not None:
                label = next(g.label for g in questionnaire.groups if g.id == option)
                report.add(
                    "group-from-columns",
                    Severity.NOTE,
                    **where,
                    value=option,
                    label={lang: label.get(lang) for lang in ("pl", "en")},
                )
        if option is None:
            report.add("no-group-column", **where, allowed=allowed)
        position_of = questionnaire.group_ids.index(option) if option is not None else -1
        return np.full(len(rows), position_of, dtype=np.int64)

    letter = column_letter(position + 1)
    column = cleaned[position]
    ids = list(questionnaire.group_ids)
    positions = np.full(len(column.values) + 1, -1, dtype=np.int64)
    for i in column.used():
        found = lookup.group(column.values[i])
        if found is not None:
            positions[i] = ids.index(found)
    per_row = positions[column.codes]
    blank = ~column.filled
    if option is not None and blank.any():
        per_row[blank] = ids.index(option)
        report.add(
            "group-option-fills-blanks",
            Severity.NOTE,
            **where,
            column=letter,
            value=option,
            count=int(blank.sum()),
        )
    elif blank.any():
        for row in rows[blank]:
            report.add("missing-group", **where, row=int(row), column=letter, allowed=allowed)
    bad = column.filled & (per_row < 0)
    for row, code in zip(rows[bad], column.codes[bad], strict=True):
        report.add(
            "unknown-group",
            **where,
            row=int(row),
            column=letter,
            value=column.values[code],
            allowed=allowed,
            suggestion=did_you_mean(lookup.suggest(column.values[code])),
        )
    return per_row


def group_column_by_values(
    sheet: Sheet, start: int, columns: list[int], questionnaire: Questionnaire, mapping: Mapping | None
) -> int | None:
    """The one unrecognised column whose every value names a group ("Fundacja", "Urząd
    Gminy"): a group question asked in the form's own words."""
    lookup = GroupLookup.cached(questionnaire, mapping)
    found = []
    for index in columns:
        column = Column.of(sheet.columns[index], start + 1)
        # (the distinct values include the header's text: count the codes used below it)
        values = {column.values[c] for c in set(column.codes.tolist()) if c >= 0} - {""}
        if lookup.names_groups(values):
            found.append(index)
    return found[0] if len(found) == 1 else None


def group_of_columns(questionnaire: Questionnaire, present: set[str]) -> str | None:
    """The one group whose own questions a sheet without a group column has (a form sent
    only to NGOs has the shared questions and the NGO ones); None when the columns include
    questions of two groups or only shared ones."""
    own = {g for q in questionnaire.questions if q.id in present and q.groups is not None for g in q.groups}
    return next(iter(own)) if len(own) == 1 else None
