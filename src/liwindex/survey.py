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
from liwindex.messages import did_you_mean
from liwindex.problems import Report, Severity
from liwindex.text import clean_text, column_letter, fold, free_text

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
    file: str = ""  # set when a round is made of several files


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
    _matrix: Any = field(default=None, repr=False, compare=False)

    def code_matrix(self) -> Any:
        """Every answer's position on its scale (respondents × questions, in the order of
        ``codes``' columns; -1 for a blank), built once: scoring, item statistics and the
        checks all read it."""
        if self._matrix is None:
            import numpy as np

            matrix = np.empty(self.codes.shape, dtype=np.int16, order="F")
            for j, name in enumerate(self.codes.columns):
                matrix[:, j] = self.codes[name].cat.codes.to_numpy()
            self._matrix = matrix
        return self._matrix

    def answered(self) -> Any:
        """Per respondent and question: is there an answer (``nie wiem`` included)."""
        return self.code_matrix() >= 0


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
    import pandas as pd

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

    frame = sheet.frame.iloc[start + 1:]
    cleaned = {index: Column.of(frame[index])
               for index in [*targets.values(), *(i for extra in copies.values() for i in extra)]}
    # Rows where no recognised column holds anything (a stray timestamp, a note) are not
    # respondents.
    filled = np.zeros(len(frame), dtype=bool)
    for column in cleaned.values():
        filled |= column.filled
    frame = frame[filled]
    cleaned = {index: column.subset(filled) for index, column in cleaned.items()}
    rows = frame.index.to_numpy()
    for target, extra in copies.items():
        _merge_copies(cleaned, targets[target], extra, target.id, rows, report, where, header_row)

    groups = _read_groups(rows, cleaned, targets, questionnaire, group, report, where, mapping)

    codes: dict[str, pd.Categorical] = {}
    columns: dict[str, str] = {}
    for question in questionnaire.questions:
        scale = questionnaire.scale_by_id[question.scale]
        if question.id not in question_columns:
            codes[question.id] = pd.Categorical.from_codes(
                np.full(len(rows), -1), categories=[c.code for c in scale.choices])
            continue
        index = question_columns[question.id]
        columns[question.id] = column_letter(index + 1)
        lookup = ChoiceLookup.cached(scale, mapping)
        codes[question.id] = _map_choices(cleaned[index], rows, lookup, question.id,
                                          columns[question.id], report, where)

    context: dict[str, pd.Series] = {}
    open_answers: list[OpenAnswer] = []
    for ctx in questionnaire.context_questions:
        target = Target("context", ctx.id)
        if target not in targets:
            continue
        letter = column_letter(targets[target] + 1)
        columns[ctx.id] = letter
        if ctx.type == "open":
            column = cleaned[targets[target]]
            texts = column.translate([free_text(v) if isinstance(v, str) else clean_text(v)
                                      for v in column.raw], "")
            group_of = groups.astype(object).to_numpy()
            open_answers += [OpenAnswer(ctx.id, str(group_of[i] or ""), texts[i], int(rows[i]))
                             for i in np.flatnonzero(column.filled)]
            continue
        assert ctx.scale is not None
        lookup = ChoiceLookup.cached(questionnaire.scale_by_id[ctx.scale], mapping)
        context[ctx.id] = _map_context(cleaned[targets[target]], rows, lookup, ctx.type == "multi",
                                       ctx.id, letter, report, where)

    return SurveyData(
        sheet=sheet.name, header_row=header_row,
        codes=pd.DataFrame(codes, index=frame.index), groups=groups,
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
    header are common in exports pasted into a report template."""
    best, best_score = 0, (0, 0)
    for index, (_, values) in enumerate(sheet.head(HEADER_SEARCH_ROWS)):
        matches = sum(1 for v in values if v is not None and matcher.match(v) not in (None, IGNORED))
        # with no match anywhere, the row with most text cells is the likeliest header
        texts = sum(1 for v in values if isinstance(v, str) and v.strip())
        if (matches, texts) > best_score:
            best, best_score = index, (matches, texts)
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


@dataclass
class Column:
    """One sheet column as distinct cleaned values and, per row, the index of its value
    (-1 for an empty cell): every lookup runs once per distinct value, not once per cell."""

    codes: Any  # numpy int array, one entry a row
    values: list[str]  # cleaned distinct values ("" for blank-looking ones)
    raw: list[Any]

    @classmethod
    def of(cls, cells: pd.Series) -> Column:
        """Factorise a column (categorical columns come factorised already)."""
        import pandas as pd

        if isinstance(cells.dtype, pd.CategoricalDtype):  # what the readers give
            codes, uniques = cells.cat.codes.to_numpy(), list(cells.cat.categories)
        else:
            codes, found = pd.factorize(cells, use_na_sentinel=True)
            uniques = list(found)
        cleaned = [clean_text(u) for u in uniques]
        blank = [i for i, v in enumerate(cleaned) if not v]
        if blank:  # whitespace-only cells are empty
            import numpy as np

            codes = np.where(np.isin(codes, blank), -1, codes)
        return cls(codes=codes, values=cleaned, raw=uniques)

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
) -> pd.Series:
    import pandas as pd

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
        return pd.Series(pd.Categorical([option] * len(rows), categories=list(questionnaire.group_ids)),
                         index=rows)

    import numpy as np

    letter = column_letter(position + 1)
    column = cleaned[position]
    ids = list(questionnaire.group_ids)
    found = [lookup.group(v) for v in column.values]
    positions = np.array([ids.index(g) if g is not None else -1 for g in found] + [-1])
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
    # a categorical over the group ids: the scoring engine reads its codes directly
    return pd.Series(pd.Categorical.from_codes(per_row, categories=ids), index=rows)


def _group_column_by_values(sheet: Sheet, start: int, columns: list[int], questionnaire: Questionnaire,
                            mapping: Mapping | None) -> int | None:
    """The one unrecognised column whose every value names a group ("Fundacja", "Urząd
    Gminy"): a group question asked in the form's own words."""
    lookup = GroupLookup.cached(questionnaire, mapping)
    found = []
    for index in columns:
        column = Column.of(sheet.frame[index].iloc[start + 1:])
        # (a categorical keeps the header's text among its categories: count used codes)
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


def _map_choices(
    column: Column,
    rows: Any,
    lookup: ChoiceLookup,
    question: str,
    letter: str,
    report: Report,
    where: dict[str, Any],
) -> pd.Categorical:
    """Cells → choice codes (a categorical over the scale's codes); every cell that fits no
    choice is an error at its row."""
    import numpy as np
    import pandas as pd

    categories = [c.code for c in lookup.scale.choices]
    position = {code: i for i, code in enumerate(categories)}
    matched = [(None, None) if lookup.is_blank(raw) else lookup.match(value)
               for value, raw in zip(column.values, column.raw, strict=True)]
    blank_values = [i for i, raw in enumerate(column.raw) if lookup.is_blank(raw)]
    codes = np.array([position[code] if code is not None else -1 for code, _ in matched] + [-1])
    per_row = codes[column.codes]
    present = np.bincount(column.codes[column.filled], minlength=len(matched)) > 0
    by_value = {column.values[i]: code for i, (code, _) in enumerate(matched)}
    for how, note in (("number", "number-as-code"), ("code_label", "code-label-answers")):
        interpreted = sorted(column.values[i] for i, (_, flag) in enumerate(matched)
                             if flag == how and present[i])
        if interpreted:
            report.add(note, Severity.NOTE, **where, column=letter, question=question,
                       value=", ".join(f"{v} → {by_value[v]}" for v in interpreted[:10])
                       + (" …" if len(interpreted) > 10 else ""))
    bad = (per_row < 0) & column.filled & ~np.isin(column.codes, blank_values)
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
    return pd.Categorical.from_codes(per_row, categories=categories)


def _map_context(
    column: Column,
    rows: Any,
    lookup: ChoiceLookup,
    multi: bool,
    question: str,
    letter: str,
    report: Report,
    where: dict[str, Any],
) -> pd.Series:
    """Context answers do not enter the scores, so a value that does not fit is a warning."""
    import pandas as pd

    parsed: list[Any] = []
    problems: list[tuple[str, Any]] = []  # per distinct value: (code, parameter) or ("", None)
    for value, raw in zip(column.values, column.raw, strict=True):
        if lookup.is_blank(raw):
            parsed.append([] if multi else None)
            problems.append(("", None))
        elif multi:
            codes, unmatched = split_multi(value, lookup)
            parsed.append(tuple(codes))
            problems.append(("other-context-answer", ", ".join(unmatched)) if unmatched else ("", None))
        else:
            code = lookup.code(value)
            parsed.append(code)
            problems.append(("unknown-context-answer", value) if code is None else ("", None))
    for row, code in zip(rows[column.filled], column.codes[column.filled], strict=True):
        kind, value = problems[code]
        if kind == "other-context-answer":
            report.add(kind, Severity.NOTE, **where, row=int(row), column=letter, value=value,
                       question=question)
        elif kind:
            report.add(kind, Severity.WARNING, **where, row=int(row), column=letter, value=value,
                       question=question, allowed=lookup.allowed())
    empty: Any = () if multi else None
    values = [list(v) if multi and v is not None else v for v in column.translate(parsed, empty)]
    return pd.Series(values, index=rows, dtype=object)


def check_answers(
    data: SurveyData, questionnaire: Questionnaire, file: str, report: Report
) -> None:
    """Warnings about answers that are valid but will not count as the user may expect."""
    import numpy as np

    where: dict[str, Any] = {"file": file, "sheet": data.sheet}
    if data.codes.empty:
        return
    from liwindex.scoring import applicable as asked_of
    from liwindex.scoring import group_codes

    answered = data.answered()
    known = group_codes(data.groups, questionnaire) >= 0
    applicable = asked_of(data.groups, questionnaire)

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

    _check_duplicates(data, report, where)

    nothing = known & ~(answered & applicable).any(axis=1)
    if nothing.any():
        first = int(data.codes.index[np.argmax(nothing)])
        report.add("no-answers", Severity.WARNING, **where, count=int(nothing.sum()), first=first)


def submission_keys(data: SurveyData) -> pd.Series:
    """Per respondent with at least five answers (index: the rows), a hash of their group
    and answers: two rows with one key are one submission given twice."""
    import numpy as np
    import pandas as pd

    matrix = data.code_matrix()
    full = (matrix >= 0).sum(axis=1) >= 5
    # questions in a fixed order (by id) and named in the key, so that two files with the
    # same questions in different column orders give one key for one submission; the code
    # matrix holds each answer's position on its scale, the same in every file
    order = np.argsort(np.asarray(data.codes.columns, dtype=object).astype(str), kind="stable")
    names = tuple(str(data.codes.columns[j]) for j in order)
    rows = np.ascontiguousarray(matrix[full][:, order])
    groups = data.groups.astype(str).to_numpy()[full]
    keys = [hash((names, group, row.tobytes())) for group, row in zip(groups, rows, strict=True)]
    return pd.Series(keys, index=data.codes.index[full], dtype="int64")


def _check_duplicates(data: SurveyData, report: Report, where: dict[str, Any]) -> None:
    """Rows with the same group and the same answers (at least five) are probably one
    submission pasted or sent twice."""
    keys = submission_keys(data)
    repeated = keys.duplicated(keep="first")
    if repeated.any():
        first_row = dict(zip(keys[~repeated].to_numpy(), keys.index[~repeated], strict=True))
        pairs = [f"{first_row.get(keys[r], '?')}={r}" for r in keys.index[repeated]]
        report.add("duplicate-rows", Severity.WARNING, **where, count=int(repeated.sum()),
                   value=", ".join(pairs[:10]))
