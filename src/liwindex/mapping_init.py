"""``liwindex mapping init``: propose a mapping file for an export nothing recognises.

Recognised columns are written as they are; near matches get a leading ``?`` and the
similarity in a comment, for the user to confirm; unknown answers and group values get the
closest choice as a proposal, also with ``?``.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from liwindex.matching import IGNORED, ChoiceLookup, GroupLookup, HeaderMatcher
from liwindex.problems import InputError, Report
from liwindex.questionnaire import Questionnaire
from liwindex.rounds import choose_survey_sheet
from liwindex.survey import find_header
from liwindex.text import clean_text, fold
from liwindex.workbook import open_workbook

PROPOSE_RATIO = 0.6


def similarity(a: str, b: str) -> float:
    """How alike two texts are once folded (0–1); containment counts as a strong match."""
    a, b = fold(a), fold(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 0.5 + 0.5 * min(len(a), len(b)) / max(len(a), len(b))
    return difflib.SequenceMatcher(None, a, b).ratio()


def best_match(text: str, candidates: dict[str, list[str]]) -> tuple[str | None, float]:
    """The candidate id whose texts are most like ``text``, and how alike (0–1)."""
    best, score = None, 0.0
    for ident, texts in candidates.items():
        for candidate in texts:
            ratio = similarity(text, candidate)
            if ratio > score:
                best, score = ident, ratio
    return best, score


def _quote(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def propose_mapping(path: str | Path, q: Questionnaire, sheet: str | None = None) -> str:
    """The proposed mapping file for the workbook at ``path``, as YAML text."""
    report = Report()
    workbook = open_workbook(path, report)
    if workbook is None:
        raise InputError(report)
    survey = choose_survey_sheet(workbook, sheet, report)
    if survey is None or survey.is_empty:
        report.add("empty-sheet", file=str(path), sheet=survey.name if survey else None)
        raise InputError(report)
    matcher = HeaderMatcher(q)
    start = find_header(survey, matcher)
    header_row, header = survey.head(start + 1)[start]
    data = survey.frame.iloc[start + 1:]

    candidates: dict[str, list[str]] = {x.id: [x.id, x.text.pl, x.text.en or ""] for x in q.questions}
    candidates.update({c.id: [c.id, c.text.pl, c.text.en or ""] for c in q.context_questions})
    group_texts = ["grupa", "group"]
    if q.group_question.text:
        group_texts += [q.group_question.text.pl, q.group_question.text.en or ""]
    candidates[q.group_question.id] = group_texts

    lines = [
        f"# liwindex: mapowanie kolumn i odpowiedzi dla {_comment(Path(path).name)} "
        f"(arkusz „{_comment(survey.name)}”, wiersz nagłówka {header_row})",
        "# Sprawdź pozycje z „?” i usuń znak zapytania, gdy dopasowanie jest dobre; null",
        "# przy kolumnie = pomiń ją, null przy odpowiedzi = traktuj jak pustą komórkę.",
        f"questionnaire: {q.id}",
        "columns:",
    ]
    columns: dict[int, str] = {}
    for index, title in enumerate(header):
        text = clean_text(title)
        if not text or matcher.is_platform_column(title):
            continue
        target = matcher.match(title)
        if target is not None and target is not IGNORED:
            lines.append(f"  {_quote(text)}: {target.id}")
            columns[index] = target.id
            continue
        ident, score = best_match(text, candidates)
        if ident is not None and score >= PROPOSE_RATIO:
            lines.append(f"  {_quote(text)}: \"?{ident}\"  # niepewne ({score:.0%})")
            columns[index] = ident
        else:
            lines.append(f"  {_quote(text)}: null  # nie rozpoznano: wpisz id pytania "
                         f"(np. {q.questions[0].id}), {q.group_question.id} albo zostaw null")

    answer_lines: dict[str, list[str]] = {}
    scale_of = {x.id: x.scale for x in q.questions}
    scale_of.update({c.id: c.scale for c in q.context_questions if c.scale and c.type == "single"})
    group_values: set[str] = set()
    for index, ident in columns.items():
        values = {clean_text(v) for v in data[index].unique()} - {""}
        if ident == q.group_question.id:
            group_values |= values
            continue
        if ident not in scale_of:
            continue
        scale = q.scale_by_id[scale_of[ident]]
        lookup = ChoiceLookup(scale)
        choices = {c.code: [c.code, c.label.pl, c.label.en or "", *c.aliases] for c in scale.choices}
        for value in sorted(values):
            if lookup.code(value) is not None:
                continue
            code, score = best_match(value, choices)
            proposal = f"\"?{code}\"  # niepewne ({score:.0%})" if code and score >= PROPOSE_RATIO \
                else '"?"  # wpisz kod odpowiedzi'
            entry = f"    {_quote(value)}: {proposal}"
            if entry not in answer_lines.setdefault(scale.id, []):
                answer_lines[scale.id].append(entry)
    lines.append("answers:" if answer_lines else "answers: {}")
    for scale_id, entries in answer_lines.items():
        lines.append(f"  {scale_id}:")
        lines.extend(entries)

    groups = GroupLookup(q)
    group_candidates = {g.id: [g.id, g.label.pl, g.label.en or "", *g.aliases] for g in q.groups}
    unknown_groups = sorted(v for v in group_values if groups.group(v) is None)
    lines.append("groups:" if unknown_groups else "groups: {}")
    for value in unknown_groups:
        ident, score = best_match(value, group_candidates)
        proposal = f"\"?{ident}\"  # niepewne ({score:.0%})" if ident and score >= PROPOSE_RATIO \
            else '"?"  # wpisz id grupy: ' + ", ".join(q.group_ids)
        lines.append(f"  {_quote(value)}: {proposal}")
    return "\n".join(lines) + "\n"


def _comment(text: str) -> str:
    """A file-derived name fit for a YAML comment: one line, no control characters."""
    from liwindex.text import visible

    return visible(" ".join(text.splitlines()))
