"""Finding the header row of a responses sheet and matching its columns to questions, the group
and context questions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from liwindex.problems import Report, Severity
from liwindex.responses.matching import IGNORED, HeaderMatcher, Target
from liwindex.text import clean_text, column_letter

if TYPE_CHECKING:
    from liwindex.io.sheets import Sheet
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.mapping import Mapping


HEADER_SEARCH_ROWS = 30


def question_column_count(sheet: Sheet, matcher: HeaderMatcher, start: int) -> int:
    """Columns of the header row ``start`` that are scored questions."""
    header = merged_header(sheet, start)
    return sum(
        1
        for title in header
        if title is not None
        and clean_text(title)
        and getattr(matcher.match(title), "kind", None) == "question"
    )


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


def merged_header(sheet: Sheet, start: int) -> tuple[Any, ...]:
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
class Columns:
    """What the header names: each recognised target's column position, and further
    columns of one question (branching forms repeat a question in each branch)."""

    targets: dict[Target, int]
    copies: dict[Target, list[int]]


def match_columns(
    sheet: Sheet,
    start: int,
    header: Sequence[Any],
    header_row: int,
    matcher: HeaderMatcher,
    questionnaire: Questionnaire,
    group: str | None,
    mapping: Mapping | None,
    report: Report,
    where: dict[str, Any],
) -> Columns:
    """Match every header cell to a question, the group or a context question; a group
    column without a recognised header is found by its values. Notes list the survey
    platform's technical columns and the columns nothing recognises."""
    from liwindex.responses.groups import group_column_by_values

    targets: dict[Target, int] = {}
    copies: dict[Target, list[int]] = {}
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
            report.add(
                "duplicate-group-column",
                **where,
                row=header_row,
                column=letter,
                value=target.id,
                first=column_letter(targets[target] + 1),
            )
        elif target in targets:
            copies.setdefault(target, []).append(index)
        else:
            targets[target] = index
    if group is None and len(questionnaire.groups) > 1 and not any(t.kind == "group" for t in targets):
        found = group_column_by_values(sheet, start, unknown_at, questionnaire, mapping)
        if found is not None:
            targets[Target("group", questionnaire.group_question.id)] = found
            letter = column_letter(found + 1)
            unknown = [u for u in unknown if not u.startswith(f"{letter} (")]
            report.add(
                "group-column-by-values",
                Severity.NOTE,
                **where,
                column=letter,
                value=clean_text(header[found]),
            )
    if platform:
        report.add("metadata-columns", Severity.NOTE, **where, value=", ".join(platform))
    if unknown:
        report.add("unknown-columns", Severity.NOTE, **where, value=", ".join(unknown))
    return Columns(targets, copies)
