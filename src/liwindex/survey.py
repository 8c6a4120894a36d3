"""Reading the responses sheet into validated answer codes, one row a respondent.

Rows keep their Excel row numbers as the frame index and every question keeps its column
letter, so that any problem found later can still point at the cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from liwindex.matching import (
    IGNORED,
    ChoiceLookup,
    GroupLookup,
    HeaderMatcher,
    Target,
    split_multi,
)
from liwindex.problems import Report, Severity
from liwindex.text import clean_text, column_letter, free_text

if TYPE_CHECKING:
    import pandas as pd

    from liwindex.mapping import Mapping
    from liwindex.questionnaire import Questionnaire
    from liwindex.workbook import Sheet


@dataclass
class OpenAnswer:
    """One respondent's answer to an open question."""

    question: str
    group: str
    text: str
    row: int


@dataclass
class SurveyData:
    """Validated answers of one responses sheet.

    ``codes`` has one row per respondent (index: Excel row) and one column per scored
    question (choice codes, missing as None); ``groups`` holds each respondent's group id.
    """

    sheet: str
    header_row: int
    codes: pd.DataFrame
    groups: pd.Series
    columns: dict[str, str] = field(default_factory=dict)
    context: dict[str, pd.Series] = field(default_factory=dict)
    open_answers: list[OpenAnswer] = field(default_factory=list)


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
    import pandas as pd

    where: dict[str, Any] = {"file": file, "sheet": sheet.name}
    if sheet.is_empty:
        report.add("empty-sheet", **where)
        return None
    matcher = HeaderMatcher(questionnaire, mapping)
    start = find_header(sheet, matcher)
    header_row, header = sheet.rows[start][0], _merged_header(sheet, start)
    if start > 0:
        report.add("header-row", Severity.NOTE, **where, row=header_row, header=header_row,
                   value=", ".join(str(r) for r, _ in sheet.rows[:start]))
    width = max(len(values) for _, values in sheet.rows)

    targets: dict[Target, int] = {}
    unknown: list[str] = []
    platform: list[str] = []
    for index, title in enumerate(header):
        if title is None or not clean_text(title):
            continue
        target = matcher.match(title)
        letter = column_letter(index + 1)
        if target is IGNORED:
            continue
        if target is None:
            bucket = platform if matcher.is_platform_column(title) else unknown
            bucket.append(f"{letter} ({clean_text(title)})")
        elif target in targets:
            code = "duplicate-group-column" if target.kind == "group" else "duplicate-column"
            report.add(code, **where, row=header_row, column=letter, value=target.id,
                       first=column_letter(targets[target] + 1))
        else:
            targets[target] = index
    if platform:
        report.add("metadata-columns", Severity.NOTE, **where, value=", ".join(platform))
    if unknown:
        report.add("unknown-columns", Severity.NOTE, **where, value=", ".join(unknown))

    question_columns = {t.id: i for t, i in targets.items() if t.kind == "question"}
    if not question_columns:
        report.add(
            "no-question-columns", **where, header_row=header_row,
            questionnaire=questionnaire.id,
            example=", ".join(q.id for q in questionnaire.questions[:2]),
        )
        return None

    rows = [(r, values + (None,) * (width - len(values))) for r, values in sheet.rows[start + 1:]]
    frame = pd.DataFrame(
        [values for _, values in rows], index=[r for r, _ in rows], columns=range(width),
        dtype=object,
    )
    used = list(targets.values())
    # Rows where no recognised column holds anything (a stray timestamp, a note) are not
    # respondents.
    if len(frame):
        filled = frame[used].map(lambda v: bool(clean_text(v))).any(axis=1)
        frame = frame[filled]

    groups = _read_groups(frame, targets, questionnaire, group, report, where, mapping)

    codes = pd.DataFrame(index=frame.index, columns=[q.id for q in questionnaire.questions],
                         dtype=object)
    columns: dict[str, str] = {}
    for question in questionnaire.questions:
        if question.id not in question_columns:
            continue
        index = question_columns[question.id]
        columns[question.id] = column_letter(index + 1)
        lookup = ChoiceLookup(questionnaire.scale_by_id[question.scale], mapping)
        codes[question.id] = _map_choices(frame[index], lookup, question.id, columns[question.id],
                                          report, where)

    context: dict[str, pd.Series] = {}
    open_answers: list[OpenAnswer] = []
    for ctx in questionnaire.context_questions:
        target = Target("context", ctx.id)
        if target not in targets:
            continue
        letter = column_letter(targets[target] + 1)
        columns[ctx.id] = letter
        cells = frame[targets[target]]
        if ctx.type == "open":
            for row, value in cells.items():
                text = free_text(value)
                if text:
                    open_answers.append(OpenAnswer(ctx.id, str(groups.get(row, "")), text, int(row)))
            continue
        assert ctx.scale is not None
        lookup = ChoiceLookup(questionnaire.scale_by_id[ctx.scale], mapping)
        context[ctx.id] = _map_context(cells, lookup, ctx.type == "multi", ctx.id, letter,
                                       report, where)

    return SurveyData(
        sheet=sheet.name, header_row=header_row, codes=codes, groups=groups,
        columns=columns, context=context, open_answers=open_answers,
    )


HEADER_SEARCH_ROWS = 30


def find_header(sheet: Sheet, matcher: HeaderMatcher) -> int:
    """The index (in ``sheet.rows``) of the header row: among the first rows, the one where
    most cells are questions, context questions or the group column. Title rows above a
    header are common in exports pasted into a report template."""
    best, best_score = 0, (0, 0)
    for index, (_, values) in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        matches = sum(1 for v in values if v is not None and matcher.match(v) not in (None, IGNORED))
        # with no match anywhere, the row with most text cells is the likeliest header
        texts = sum(1 for v in values if isinstance(v, str) and v.strip())
        if (matches, texts) > best_score:
            best, best_score = index, (matches, texts)
    return best


def _merged_header(sheet: Sheet, start: int) -> tuple[Any, ...]:
    """The header row with cells merged vertically from a row above filled in (two-row
    headers where e.g. "grupa" spans both rows)."""
    row, values = sheet.rows[start]
    cells = list(values)
    by_row = dict(sheet.rows)
    for first, last, column in sheet.merged:
        if first < row <= last and column < len(cells) and cells[column] is None:
            above = by_row.get(first, ())
            if column < len(above):
                cells[column] = above[column]
    return tuple(cells)


def _read_groups(
    frame: pd.DataFrame,
    targets: dict[Target, int],
    questionnaire: Questionnaire,
    option: str | None,
    report: Report,
    where: dict[str, Any],
    mapping: Mapping | None,
) -> pd.Series:
    import pandas as pd

    lookup = GroupLookup(questionnaire, mapping)
    allowed = lookup.allowed()
    if option is not None and option not in questionnaire.group_ids:
        report.add("unknown-group-option", value=option, allowed=allowed)
        option = None
    column = next((i for t, i in targets.items() if t.kind == "group"), None)
    if column is None:
        if option is None and len(questionnaire.groups) == 1:
            option = questionnaire.group_ids[0]
        if option is None:
            report.add("no-group-column", **where, allowed=allowed)
        return pd.Series(option, index=frame.index, dtype=object)

    letter = column_letter(column + 1)
    cleaned = frame[column].map(clean_text)
    found = {value: lookup.group(value) for value in cleaned.unique() if value}
    groups = cleaned.map(lambda v: found.get(v) if v else None)
    blank = cleaned.eq("")
    if option is not None and blank.any():
        groups[blank] = option
        report.add("group-option-fills-blanks", Severity.NOTE, **where, column=letter,
                   value=option, count=int(blank.sum()))
        blank[:] = False
    for row in blank[blank].index:
        report.add("missing-group", **where, row=int(row), column=letter, allowed=allowed)
    bad = groups.isna() & ~cleaned.eq("")
    for row in bad[bad].index:
        report.add("unknown-group", **where, row=int(row), column=letter,
                   value=cleaned[row], allowed=allowed)
    return groups.astype(object)


def _map_choices(
    cells: pd.Series,
    lookup: ChoiceLookup,
    question: str,
    letter: str,
    report: Report,
    where: dict[str, Any],
) -> pd.Series:
    cleaned = cells.map(lambda v: "" if lookup.is_blank(v) else clean_text(v))
    matched = {value: lookup.match(value) for value in cleaned.unique() if value}
    codes = cleaned.map(lambda v: matched[v][0] if v else None)
    interpreted = sorted(v for v, (code, flag) in matched.items() if flag)
    if interpreted:
        report.add("number-as-code", Severity.NOTE, **where, column=letter, question=question,
                   value=", ".join(f"{v} → {matched[v][0]}" for v in interpreted))
    bad = codes.isna() & cleaned.ne("")
    if bad.any():
        allowed = lookup.allowed()
        for row in bad[bad].index:
            value = cleaned[row]
            hint = lookup.suggest(value)
            suggestion = (
                {"pl": f" (czy chodziło o „{hint}”?)", "en": f" (did you mean '{hint}'?)"}
                if hint else None
            )
            report.add("unknown-answer", **where, row=int(row), column=letter, value=value,
                       question=question, allowed=allowed, suggestion=suggestion)
    return codes.astype(object)


def _map_context(
    cells: pd.Series,
    lookup: ChoiceLookup,
    multi: bool,
    question: str,
    letter: str,
    report: Report,
    where: dict[str, Any],
) -> pd.Series:
    """Context answers do not enter the scores, so a value that does not fit is a warning."""
    result: dict[int, Any] = {}
    for row, value in cells.items():
        text = "" if lookup.is_blank(value) else clean_text(value)
        if not text:
            result[int(row)] = [] if multi else None
            continue
        if multi:
            codes, unmatched = split_multi(text, lookup)
            result[int(row)] = codes
            if unmatched:
                report.add("other-context-answer", Severity.NOTE, **where, row=int(row),
                           column=letter, value=", ".join(unmatched), question=question)
        else:
            code = lookup.code(text)
            result[int(row)] = code
            if code is None:
                report.add("unknown-context-answer", Severity.WARNING, **where, row=int(row),
                           column=letter, value=text, question=question,
                           allowed=lookup.allowed())
    import pandas as pd

    return pd.Series(result, dtype=object)


def check_answers(
    data: SurveyData, questionnaire: Questionnaire, file: str, report: Report
) -> None:
    """Warnings about answers that are valid but will not count as the user may expect."""
    import numpy as np

    where: dict[str, Any] = {"file": file, "sheet": data.sheet}
    if data.codes.empty:
        return
    answered = data.codes.notna().to_numpy()
    group_ids = list(questionnaire.group_ids)
    group_index = data.groups.map(lambda g: group_ids.index(g) if g in group_ids else -1)
    asked = np.array(questionnaire.asked, dtype=bool)
    known = group_index.to_numpy() >= 0
    applicable = np.zeros_like(answered)
    applicable[known] = asked[group_index.to_numpy()[known]]

    stray = answered & ~applicable & known[:, None]
    if stray.any():
        rows, cols = np.nonzero(stray)
        report.add("answer-not-applicable", Severity.WARNING, **where,
                   value=questionnaire.questions[cols[0]].id,
                   first=int(data.codes.index[rows[0]]), count=int(stray.sum()))

    for j, question in enumerate(questionnaire.questions):
        if not question.required or question.id not in data.columns:
            continue
        missing = applicable[:, j] & ~answered[:, j]
        if missing.any():
            first = int(data.codes.index[np.argmax(missing)])
            report.add("required-unanswered", Severity.WARNING, **where,
                       column=data.columns[question.id], value=question.id,
                       count=int(missing.sum()), first=first)

    _check_duplicates(data, answered, report, where)

    nothing = known & ~(answered & applicable).any(axis=1)
    if nothing.any():
        first = int(data.codes.index[np.argmax(nothing)])
        report.add("no-answers", Severity.WARNING, **where, count=int(nothing.sum()), first=first)


def _check_duplicates(data: SurveyData, answered: Any, report: Report, where: dict[str, Any]) -> None:
    """Rows with the same group and the same answers (at least five) are probably one
    submission pasted or sent twice."""
    full = answered.sum(axis=1) >= 5
    if not full.any():
        return
    import pandas as pd

    frame = data.codes[full].copy()
    frame["__group"] = data.groups[full]
    repeated = frame.duplicated(keep="first")
    if repeated.any():
        keys = pd.util.hash_pandas_object(frame.astype(str), index=False)
        first_row = dict(zip(keys[~repeated].to_numpy(), keys.index[~repeated], strict=True))
        pairs = [f"{first_row.get(keys[r], '?')}={r}" for r in frame.index[repeated]]
        report.add("duplicate-rows", Severity.WARNING, **where, count=int(repeated.sum()),
                   value=", ".join(pairs[:10]))
