"""Reading the responses sheet into validated answer codes, one row a respondent.

Respondents keep their Excel row numbers (``SurveyData.rows``) and every question keeps its
column letter, so that any problem found later can still point at the cell. The answers are
plain numpy arrays: one code matrix, respondents × questions. The steps: the header and the
columns it names (:mod:`~liwindex.responses.header`), the respondents' rows and cleaned
columns (:mod:`~liwindex.responses.columns`), their groups
(:mod:`~liwindex.responses.groups`), the answers (:mod:`~liwindex.responses.answers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from liwindex.problems import Report, Severity
from liwindex.responses.answers import map_all_choices, map_choices, map_context
from liwindex.responses.columns import Column, merge_copies
from liwindex.responses.data import OpenAnswer, SurveyData
from liwindex.responses.groups import read_groups
from liwindex.responses.header import Columns, find_header, match_columns, merged_header
from liwindex.responses.matching import ChoiceLookup, HeaderMatcher, Target
from liwindex.responses.summary import find_summary_rows
from liwindex.text import clean_text, column_letter, free_text

if TYPE_CHECKING:
    from liwindex.io.sheets import Sheet
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.mapping import Mapping


def read_survey(
    sheet: Sheet,
    questionnaire: Questionnaire,
    file: str,
    report: Report,
    group: str | None = None,
    mapping: Mapping | None = None,
) -> SurveyData | None:
    """Validate a responses sheet; every problem goes to ``report``.

    ``group`` is the group given on the command line: it fills rows without a group, or
    every row when the sheet has no group column.
    """
    where: dict[str, Any] = {"file": file, "sheet": sheet.name}
    if sheet.is_empty:
        report.add("empty-sheet", **where)
        return None
    matcher = HeaderMatcher.for_questionnaire(questionnaire, mapping)
    start = find_header(sheet, matcher)
    header_row, header = sheet.head(start + 1)[start][0], merged_header(sheet, start)
    if start > 0:
        report.add(
            "header-row",
            Severity.NOTE,
            **where,
            row=header_row,
            header=header_row,
            value=", ".join(str(r) for r, _ in sheet.head(start)),
        )
    found = match_columns(
        sheet, start, header, header_row, matcher, questionnaire, group, mapping, report, where
    )
    if not any(t.kind == "question" for t in found.targets):
        report.add(
            "no-question-columns",
            **where,
            header_row=header_row,
            questionnaire=questionnaire.id,
            example=", ".join(q.id for q in questionnaire.questions[:2]),
        )
        return None
    rows, cleaned = _respondents(sheet, start, found, report, where, header_row)
    rows, cleaned = _without_summary_rows(sheet, rows, cleaned, found, questionnaire, mapping, report, where)
    group_index = read_groups(rows, cleaned, found.targets, questionnaire, group, report, where, mapping)
    matrix, columns = _answers(questionnaire, found, cleaned, rows, mapping, report, where)
    context, open_answers = _context_answers(
        questionnaire, found, cleaned, rows, group_index, columns, mapping, report, where
    )
    tables = questionnaire.tables
    return SurveyData(
        sheet=sheet.name,
        header_row=header_row,
        rows=rows,
        matrix=matrix,
        group_index=group_index,
        question_ids=tables.question_ids,
        choices=tables.choices,
        group_ids=tables.group_ids,
        columns=columns,
        context=context,
        open_answers=open_answers,
    )


def _respondents(
    sheet: Sheet, start: int, found: Columns, report: Report, where: dict[str, Any], header_row: int
) -> tuple[Any, dict[int, Column]]:
    """The respondents' rows and every recognised column cleaned over them, the further
    columns of one question merged into its first."""
    import numpy as np

    targets, copies = found.targets, found.copies
    cleaned = {
        index: Column.of(sheet.columns[index], start + 1)
        for index in [*targets.values(), *(i for extra in copies.values() for i in extra)]
    }
    # Rows where no recognised column holds anything (a stray timestamp, a note) are not
    # respondents.
    filled = np.zeros(len(sheet.numbers) - start - 1, dtype=bool)
    for column in cleaned.values():
        filled |= column.filled
    rows = sheet.numbers[start + 1 :][filled]
    if not filled.all():
        cleaned = {index: column.subset(filled) for index, column in cleaned.items()}
    for target, extra in copies.items():
        merge_copies(cleaned, targets[target], extra, target.id, rows, report, where, header_row)
    return rows, cleaned


def _without_summary_rows(
    sheet: Sheet,
    rows: Any,
    cleaned: dict[int, Column],
    found: Columns,
    questionnaire: Questionnaire,
    mapping: Mapping | None,
    report: Report,
    where: dict[str, Any],
) -> tuple[Any, dict[int, Column]]:
    """The respondents without the rows of totals someone added ("Razem", a row of sums): a
    labelled one is left out with a warning, a row of numbers is an error (it may be a
    respondent typed in without a group)."""
    import numpy as np

    positions = np.searchsorted(sheet.numbers, rows)
    summary = find_summary_rows(sheet, positions, cleaned, found.targets, questionnaire, mapping)
    if not summary:
        return rows, cleaned
    for row in summary:
        if row.label is not None:
            report.add("summary-row", Severity.WARNING, **where, row=int(rows[row.index]), value=row.label)
        else:
            report.add("summary-row-numbers", **where, row=int(rows[row.index]), value=row.number)
    keep = np.ones(len(rows), dtype=bool)
    keep[[row.index for row in summary]] = False
    return rows[keep], {index: column.subset(keep) for index, column in cleaned.items()}


def _answers(
    questionnaire: Questionnaire,
    found: Columns,
    cleaned: dict[int, Column],
    rows: Any,
    mapping: Mapping | None,
    report: Report,
    where: dict[str, Any],
) -> tuple[Any, dict[str, str]]:
    """The code matrix (respondents × scored questions) and each question's column letter."""
    import numpy as np

    question_columns = {t.id: i for t, i in found.targets.items() if t.kind == "question"}
    questions = questionnaire.questions
    matrix = np.full((len(rows), len(questions)), -1, dtype=np.int16, order="F")
    columns: dict[str, str] = {}
    asked = [
        (
            j,
            question,
            question_columns[question.id],
            ChoiceLookup.cached(questionnaire.scale_by_id[question.scale], mapping),
        )
        for j, question in enumerate(questions)
        if question.id in question_columns
    ]
    flagged = map_all_choices(matrix, [(j, cleaned[index], lookup) for j, _, index, lookup in asked])
    for j, question, index, lookup in asked:
        columns[question.id] = column_letter(index + 1)
        if j in flagged:  # a column with an answer to note or to report: cell by cell
            matrix[:, j] = map_choices(
                cleaned[index], rows, lookup, question.id, columns[question.id], report, where
            )
    return matrix, columns


def _context_answers(
    questionnaire: Questionnaire,
    found: Columns,
    cleaned: dict[int, Column],
    rows: Any,
    group_index: Any,
    columns: dict[str, str],
    mapping: Mapping | None,
    report: Report,
    where: dict[str, Any],
) -> tuple[dict[str, list[Any]], list[OpenAnswer]]:
    """Answers to the context questions (per respondent) and the open answers; each
    question's column letter is added to ``columns``."""
    import numpy as np

    context: dict[str, list[Any]] = {}
    open_answers: list[OpenAnswer] = []
    group_ids = questionnaire.tables.group_ids
    for ctx in questionnaire.context_questions:
        target = Target("context", ctx.id)
        if target not in found.targets:
            continue
        letter = column_letter(found.targets[target] + 1)
        columns[ctx.id] = letter
        if ctx.type == "open":
            column = cleaned[found.targets[target]]
            table = [""] * len(column.raw)
            for i in column.used():
                value = column.raw[i]
                table[i] = free_text(value) if isinstance(value, str) else clean_text(value)
            texts = column.translate(table, "")
            group_of = np.array([*group_ids, ""], dtype=object)[group_index]
            open_answers += [
                OpenAnswer(ctx.id, group_of[i], texts[i], int(rows[i])) for i in np.flatnonzero(column.filled)
            ]
            continue
        assert ctx.scale is not None
        lookup = ChoiceLookup.cached(questionnaire.scale_by_id[ctx.scale], mapping)
        context[ctx.id] = map_context(
            cleaned[found.targets[target]], rows, lookup, ctx.type == "multi", ctx.id, letter, report, where
        )
    return context, open_answers
