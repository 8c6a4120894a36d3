"""Answers that are valid but will not count as the user may expect: not asked of the group,
required and blank, none at all, one submission given twice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from liwindex.problems import Report, Severity

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.data import SurveyData


def check_answers(data: SurveyData, questionnaire: Questionnaire, file: str, report: Report) -> None:
    """Warnings about answers that are valid but will not count as the user may expect."""
    import numpy as np

    where: dict[str, Any] = {"file": file, "sheet": data.sheet}
    if not len(data):
        return
    answered = data.answered()
    known = data.group_index >= 0
    applicable = np.asfortranarray(questionnaire.tables.asked_or_unknown[data.group_index])

    stray = answered & ~applicable & known[:, None]
    if stray.any():
        rows, cols = np.nonzero(stray)
        report.add(
            "answer-not-applicable",
            Severity.WARNING,
            **where,
            value=questionnaire.questions[cols[0]].id,
            first=int(data.rows[rows[0]]),
            count=int(stray.sum()),
        )

    missing_all = applicable & ~answered
    for j in np.flatnonzero(missing_all.any(axis=0)):
        question = questionnaire.questions[j]
        if not question.required or question.id not in data.columns:
            continue
        missing = missing_all[:, j]
        report.add(
            "required-unanswered",
            Severity.WARNING,
            **where,
            column=data.columns[question.id],
            value=question.id,
            count=int(missing.sum()),
            first=int(data.rows[np.argmax(missing)]),
        )

    check_duplicates(data, report, where)

    nothing = known & ~(answered & applicable).any(axis=1)
    if nothing.any():
        first = int(data.rows[np.argmax(nothing)])
        report.add("no-answers", Severity.WARNING, **where, count=int(nothing.sum()), first=first)


# Rows with fewer answers than this are never called one submission given twice.
DUPLICATE_MIN_ANSWERS = 5


def enough_for_a_key(matrix: Any) -> Any:
    """Per respondent: enough answers to tell a repeated submission from a coincidence."""
    return (matrix >= 0).sum(axis=1) >= DUPLICATE_MIN_ANSWERS


def submission_keys(data: SurveyData) -> list[tuple[int, int]]:
    """``(row, key)`` per respondent with at least five answers: a hash of their group and
    answers; two rows with one key are one submission given twice."""
    import numpy as np

    matrix = data.code_matrix()
    full = enough_for_a_key(matrix)
    # questions in a fixed order (by id) and named in the key, so that two files with the
    # same questions in different column orders give one key for one submission; the code
    # matrix holds each answer's position on its scale, the same in every file
    order = sorted(range(len(data.question_ids)), key=lambda j: data.question_ids[j])
    names = tuple(data.question_ids[j] for j in order)
    rows = np.ascontiguousarray(matrix[full][:, order])
    groups = np.array([*data.group_ids, ""], dtype=object)[data.group_index[full]]
    return [
        (row, hash((names, group, answers.tobytes())))
        for row, group, answers in zip(data.rows[full].tolist(), groups, rows, strict=True)
    ]


def check_duplicates(data: SurveyData, report: Report, where: dict[str, Any]) -> None:
    """Rows with the same group and the same answers (at least five) are probably one
    submission pasted or sent twice."""
    import numpy as np

    matrix = data.code_matrix()
    full = enough_for_a_key(matrix)
    if np.count_nonzero(full) < 2:
        return
    # one row of bytes per respondent (group, answers): equal bytes, one submission
    block = np.ascontiguousarray(np.column_stack([data.group_index[full], matrix[full]]), dtype=np.int64)
    keys = block.view(np.dtype((np.void, block.itemsize * block.shape[1]))).ravel()
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    firsts = first[inverse.ravel()]
    rows = data.rows[full].tolist()
    pairs = [f"{rows[firsts[i]]}={rows[i]}" for i in np.flatnonzero(firsts != np.arange(len(keys))).tolist()]
    if pairs:
        report.add("duplicate-rows", Severity.WARNING, **where, count=len(pairs), value=", ".join(pairs[:10]))
