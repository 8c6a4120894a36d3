"""Reading the responses sheet into validated answer codes, one row a respondent.

Respondents keep their Excel row numbers (``SurveyData.rows``) and every question keeps its
column letter, so that any problem found later can still point at the cell. The answers are
plain numpy arrays: one code matrix, respondents × questions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from liwindex.messages import did_you_mean
from liwindex.problems import Report, Severity
from liwindex.responses.matching import (
    IGNORED,
    ChoiceLookup,
    GroupLookup,
    HeaderMatcher,
    Target,
    split_multi,
)
from liwindex.text import clean_text, column_letter, fold, free_text

if TYPE_CHECKING:
    import pandas as pd

    from liwindex.io.sheets import Sheet, SheetColumn
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.mapping import Mapping


@dataclass
class OpenAnswer:
    """One respondent's answer to an open question."""

    question: str
    group: str
    text: str
    row: int
    file: str = ""  # set when a round is made of several files


@dataclass
class SurveyData:
    """Validated answers of one responses sheet, as arrays.

    ``matrix`` has one row per respondent and one column per scored question in
    questionnaire order (the answer's position among its scale's choices, -1 for a blank);
    ``rows`` holds each respondent's Excel row and ``group_index`` their group's position in
    the questionnaire's groups (-1: none). ``codes`` and ``groups`` label the same data as
    pandas objects for the statistics that want them (built on request).
    """

    sheet: str
    header_row: int
    rows: Any  # numpy int64, one per respondent
    matrix: Any  # numpy int16, respondents × questions, column-major
    group_index: Any  # numpy int64, one per respondent
    question_ids: Sequence[str]
    choices: Sequence[Sequence[str]]  # per question, its scale's choice codes
    group_ids: Sequence[str]
    columns: dict[str, str] = field(default_factory=dict)
    context: dict[str, list[Any]] = field(default_factory=dict)  # per respondent
    open_answers: list[OpenAnswer] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def codes(self) -> pd.DataFrame:
        """Respondents × questions: each answer's choice code (a categorical over the
        scale's codes), missing as NaN; index: the rows."""
        import pandas as pd

        return pd.DataFrame(
            {q: pd.Categorical.from_codes(self.matrix[:, j], categories=list(self.choices[j]))
             for j, q in enumerate(self.question_ids)},
            index=self.rows)

    @property
    def groups(self) -> pd.Series:
        """Each respondent's group id (a categorical over the group ids); index: the rows."""
        import pandas as pd

        return pd.Series(pd.Categorical.from_codes(self.group_index, categories=list(self.group_ids)),
                         index=self.rows)

    def code_matrix(self) -> Any:
        """Every answer's position on its scale (respondents × questions in questionnaire
        order; -1 for a blank): scoring, item statistics and the checks all read it."""
        return self.matrix

    def answered(self) -> Any:
        """Per respondent and question: is there an answer (``nie wiem`` included)."""
        return self.matrix >= 0


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
    import numpy as np

    where: dict[str, Any] = {"file": file, "sheet": sheet.name}
    if sheet.is_empty:
        report.add("empty-sheet", **where)
        return None
    matcher = HeaderMatcher.for_questionnaire(questionnaire, mapping)
    start = find_header(sheet, matcher)
    header_row, header = sheet.head(start + 1)[start][0], _merged_header(sheet, start)
    if start > 0:
        report.add("header-row", Severity.NOTE, **where, row=header_row, header=header_row,
                   value=", ".join(str(r) for r, _ in sheet.head(start)))

    targets: dict[Target, int] = {}
    copies: dict[Target, list[int]] = {}  # further columns of one question (branching forms)
    unknown: list[str] = []
    unknown_at: list[int] = []
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
            if bucket is unknown:
                unknown_at.append(index)
        elif target in targets and target.kind == "group":
            report.add("duplicate-group-column", **where, row=header_row, column=letter,
                       value=target.id, first=column_letter(targets[target] + 1))
        elif target in targets:
            copies.setdefault(target, []).append(index)
        else:
            targets[target] = index
    if group is None and len(questionnaire.groups) > 1 and not any(t.kind == "group" for t in targets):
        found = _group_column_by_values(sheet, start, unknown_at, questionnaire, mapping)
        if found is not None:
            targets[Target("group", questionnaire.group_question.id)] = found
            letter = column_letter(found + 1)
            unknown = [u for u in unknown if not u.startswith(f"{letter} (")]
            report.add("group-column-by-values", Severity.NOTE, **where, column=letter,
                       value=clean_text(header[found]))
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

    cleaned = {index: Column.of(sheet.columns[index], start + 1)
               for index in [*targets.values(), *(i for extra in copies.values() for i in extra)]}
    # Rows where no recognised column holds anything (a stray timestamp, a note) are not
    # respondents.
    filled = np.zeros(len(sheet.numbers) - start - 1, dtype=bool)
    for column in cleaned.values():
        filled |= column.filled
    rows = sheet.numbers[start + 1:][filled]
    if not filled.all():
        cleaned = {index: column.subset(filled) for index, column in cleaned.items()}
    for target, extra in copies.items():
        _merge_copies(cleaned, targets[target], extra, target.id, rows, report, where, header_row)

    group_index = _read_groups(rows, cleaned, targets, questionnaire, group, report, where, mapping)

    questions = questionnaire.questions
    matrix = np.full((len(rows), len(questions)), -1, dtype=np.int16, order="F")
    columns: dict[str, str] = {}
    asked = [(j, question, question_columns[question.id], ChoiceLookup.cached(
        questionnaire.scale_by_id[question.scale], mapping))
        for j, question in enumerate(questions) if question.id in question_columns]
    flagged = _map_all_choices(matrix, [(j, cleaned[index], lookup) for j, _, index, lookup in asked])
    for j, question, index, lookup in asked:
        columns[question.id] = column_letter(index + 1)
        if j in flagged:  # a column with an answer to note or to report: cell by cell
            matrix[:, j] = _map_choices(cleaned[index], rows, lookup, question.id,
                                        columns[question.id], report, where)

    context: dict[str, list[Any]] = {}
    open_answers: list[OpenAnswer] = []
    tables = questionnaire.tables
    group_ids = tables.group_ids
    for ctx in questionnaire.context_questions:
        target = Target("context", ctx.id)
        if target not in targets:
            continue
        letter = column_letter(targets[target] + 1)
        columns[ctx.id] = letter
        if ctx.type == "open":
            column = cleaned[targets[target]]
            table = [""] * len(column.raw)
            for i in column.used():
                value = column.raw[i]
                table[i] = free_text(value) if isinstance(value, str) else clean_text(value)
            texts = column.translate(table, "")
            group_of = np.array([*group_ids, ""], dtype=object)[group_index]
            open_answers += [OpenAnswer(ctx.id, group_of[i], texts[i], int(rows[i]))
                             for i in np.flatnonzero(column.filled)]
            continue
        assert ctx.scale is not None
        lookup = ChoiceLookup.cached(questionnaire.scale_by_id[ctx.scale], mapping)
        context[ctx.id] = _map_context(cleaned[targets[target]], rows, lookup, ctx.type == "multi",
                                       ctx.id, letter, report, where)

    return SurveyData(
        sheet=sheet.name, header_row=header_row, rows=rows, matrix=matrix,
        group_index=group_index, question_ids=tables.question_ids, choices=tables.choices,
        group_ids=group_ids,
        columns=columns, context=context, open_answers=open_answers,
    )


HEADER_SEARCH_ROWS = 30


def question_column_count(sheet: Sheet, matcher: HeaderMatcher, start: int) -> int:
    """Columns of the header row ``start`` that are scored questions."""
    header = _merged_header(sheet, start)
    return sum(1 for title in header if title is not None and clean_text(title)
               and getattr(matcher.match(title), "kind", None) == "question")


def find_header(sheet: Sheet, matcher: HeaderMatcher) -> int:
    """The index (in ``sheet.rows``) of the header row: among the first rows, the one where
    most cells are questions, context questions or the group column. Title rows above a
    header are common in exports pasted into a report template. Kept on the sheet per
    matcher (choosing the survey sheet and reading it both ask)."""
    known = sheet.found_headers.get(id(matcher))
    if known is not None and known[0] is matcher:
        return known[1]
    best, best_score = 0, (0, 0)
    match = matcher.match
    for index, (_, values) in enumerate(sheet.head(HEADER_SEARCH_ROWS)):
        matches = texts = 0
        left = len(values)
        for v in values:
            left -= 1
            if v is None:
                continue
            if match(v) not in (None, IGNORED):
                matches += 1
            elif matches + left < best_score[0]:
                break  # even if every cell left matched, this row could not win
            # with no match anywhere, the row with most text cells is the likeliest header
            if isinstance(v, str) and v.strip():
                texts += 1
        else:
            if (matches, texts) > best_score:
                best, best_score = index, (matches, texts)
    sheet.found_headers[id(matcher)] = (matcher, best)
    return best


def _merged_header(sheet: Sheet, start: int) -> tuple[Any, ...]:
    """The header row with cells merged vertically from a row above filled in (two-row
    headers where e.g. "grupa" spans both rows)."""
    rows = sheet.head(start + 1)
    row, values = rows[start]
    cells = list(values)
    by_row = dict(rows)
    for first, last, column in sheet.merged:
        if first < row <= last and column < len(cells) and cells[column] is None:
            above = by_row.get(first, ())
            if column < len(above):
                cells[column] = above[column]
    return tuple(cells)


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


def _merge_copies(cleaned: dict[int, Column], first: int, extra: list[int], ident: str, rows: Any,
                  report: Report, where: dict[str, Any], header_row: int) -> None:
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
            report.add("duplicate-column-conflict", **where, row=int(rows[i]),
                       column=column_letter(index + 1), value=ident, first=letters[0],
                       a=str(mine[i]), b=str(theirs[i]))
        merged = Column(codes=np.where(merged.filled, merged.codes,
                                       np.where(other.filled, other.codes + len(merged.values), -1)),
                        values=[*merged.values, *other.values], raw=[*merged.raw, *other.raw])
        letters.append(column_letter(index + 1))
    cleaned[first] = merged
    report.add("duplicate-columns-merged", Severity.NOTE, **where, row=header_row, value=ident,
               columns=", ".join(letters))


def _read_groups(
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
                report.add("group-from-columns", Severity.NOTE, **where, value=option,
                           label={lang: label.get(lang) for lang in ("pl", "en")})
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
        report.add("group-option-fills-blanks", Severity.NOTE, **where, column=letter,
                   value=option, count=int(blank.sum()))
    elif blank.any():
        for row in rows[blank]:
            report.add("missing-group", **where, row=int(row), column=letter, allowed=allowed)
    bad = column.filled & (per_row < 0)
    for row, code in zip(rows[bad], column.codes[bad], strict=True):
        report.add("unknown-group", **where, row=int(row), column=letter,
                   value=column.values[code], allowed=allowed,
                   suggestion=did_you_mean(lookup.suggest(column.values[code])))
    return per_row


def _group_column_by_values(sheet: Sheet, start: int, columns: list[int], questionnaire: Questionnaire,
                            mapping: Mapping | None) -> int | None:
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
    own = {g for q in questionnaire.questions if q.id in present and q.groups is not None
           for g in q.groups}
    return next(iter(own)) if len(own) == 1 else None


def _map_all_choices(matrix: Any, asked: list[tuple[int, Column, ChoiceLookup]]) -> set[int]:
    """Fill ``matrix[:, j]`` with each answer's position on its scale for every ``(j,
    column, lookup)``, at once for the columns that share a list of values (the columns of
    one sheet do: one table per scale of each value's position, one gather); returns the
    ``j`` whose column holds an answer that :func:`_map_choices` must note or report (a
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


def _map_choices(
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
            interpreted = sorted(column.values[i] for i, e in enumerate(entries)
                                 if e[1] == how and present[i])
            if interpreted:
                report.add(note, Severity.NOTE, **where, column=letter, question=question,
                           value=", ".join(f"{v} → {by_value[v]}" for v in interpreted[:10])
                           + (" …" if len(interpreted) > 10 else ""))
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
                report.add("answer-contradiction", **where, row=int(row), column=letter, value=value,
                           question=question, by_code=pair[0], by_label=pair[1])
                continue
            report.add("unknown-answer", **where, row=int(row), column=letter, value=value,
                       question=question, allowed=allowed,
                       suggestion=did_you_mean(lookup.suggest(value)))
    return per_row


def _map_context(
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
            report.add(kind, Severity.NOTE, **where, row=int(row), column=letter, value=value,
                       question=question)
        elif kind:
            report.add(kind, Severity.WARNING, **where, row=int(row), column=letter, value=value,
                       question=question, allowed=lookup.allowed())
    empty: Any = () if multi else None
    return [list(v) if multi and v is not None else v for v in column.translate(parsed, empty)]


def check_answers(
    data: SurveyData, questionnaire: Questionnaire, file: str, report: Report
) -> None:
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
        report.add("answer-not-applicable", Severity.WARNING, **where,
                   value=questionnaire.questions[cols[0]].id,
                   first=int(data.rows[rows[0]]), count=int(stray.sum()))

    missing_all = applicable & ~answered
    for j in np.flatnonzero(missing_all.any(axis=0)):
        question = questionnaire.questions[j]
        if not question.required or question.id not in data.columns:
            continue
        missing = missing_all[:, j]
        report.add("required-unanswered", Severity.WARNING, **where,
                   column=data.columns[question.id], value=question.id,
                   count=int(missing.sum()), first=int(data.rows[np.argmax(missing)]))

    _check_duplicates(data, report, where)

    nothing = known & ~(answered & applicable).any(axis=1)
    if nothing.any():
        first = int(data.rows[np.argmax(nothing)])
        report.add("no-answers", Severity.WARNING, **where, count=int(nothing.sum()), first=first)


# Rows with fewer answers than this are never called one submission given twice.
DUPLICATE_MIN_ANSWERS = 5


def _enough_for_a_key(matrix: Any) -> Any:
    """Per respondent: enough answers to tell a repeated submission from a coincidence."""
    return (matrix >= 0).sum(axis=1) >= DUPLICATE_MIN_ANSWERS


def submission_keys(data: SurveyData) -> list[tuple[int, int]]:
    """``(row, key)`` per respondent with at least five answers: a hash of their group and
    answers; two rows with one key are one submission given twice."""
    import numpy as np

    matrix = data.code_matrix()
    full = _enough_for_a_key(matrix)
    # questions in a fixed order (by id) and named in the key, so that two files with the
    # same questions in different column orders give one key for one submission; the code
    # matrix holds each answer's position on its scale, the same in every file
    order = sorted(range(len(data.question_ids)), key=lambda j: data.question_ids[j])
    names = tuple(data.question_ids[j] for j in order)
    rows = np.ascontiguousarray(matrix[full][:, order])
    groups = np.array([*data.group_ids, ""], dtype=object)[data.group_index[full]]
    return [(row, hash((names, group, answers.tobytes())))
            for row, group, answers in zip(data.rows[full].tolist(), groups, rows, strict=True)]


def _check_duplicates(data: SurveyData, report: Report, where: dict[str, Any]) -> None:
    """Rows with the same group and the same answers (at least five) are probably one
    submission pasted or sent twice."""
    import numpy as np

    matrix = data.code_matrix()
    full = _enough_for_a_key(matrix)
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
        report.add("duplicate-rows", Severity.WARNING, **where, count=len(pairs),
                   value=", ".join(pairs[:10]))
