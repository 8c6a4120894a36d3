"""One assessment round read from a workbook: survey answers, grades and metadata."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from liwindex.grades import GRADES_SHEET, META_SHEET, Grade, Meta, read_grades, read_meta
from liwindex.messages import did_you_mean
from liwindex.problems import InputError, Report, Severity
from liwindex.survey import SurveyData, check_answers, read_survey
from liwindex.text import capped_list
from liwindex.workbook import Sheet, Workbook, note_hidden, open_workbook

if TYPE_CHECKING:
    import pandas as pd

    from liwindex.mapping import Mapping
    from liwindex.questionnaire import Questionnaire


@dataclass
class Round:
    """A validated round; ``report`` keeps the warnings and notes met while reading it."""

    source: str
    questionnaire: Questionnaire
    survey: SurveyData | None
    grades: dict[str, Grade] = field(default_factory=dict)
    meta: Meta = field(default_factory=Meta)
    report: Report = field(default_factory=Report)

    def points(self) -> pd.DataFrame:
        """Raw points of every scored answer (respondents × questions); missing and
        ``nie wiem`` as NaN."""
        import numpy as np
        import pandas as pd

        questions = self.questionnaire.questions
        if self.survey is None:
            return pd.DataFrame(columns=[q.id for q in questions], dtype=float)
        codes = self.survey.codes
        out = np.full(codes.shape, np.nan, order="F")  # filled column by column
        for j, question in enumerate(questions):
            scale = self.questionnaire.scale_by_id[question.scale]
            # codes are categoricals over the scale's choices; -1 (blank) takes the last entry
            table = np.array([np.nan if c.na or c.points is None else c.points
                              for c in scale.choices] + [np.nan])
            out[:, j] = table[codes[question.id].cat.codes.to_numpy()]
        return pd.DataFrame(out, index=codes.index, columns=[q.id for q in questions])


def choose_survey_sheet(workbook: Workbook, sheet: str | None, report: Report) -> Sheet | None:
    """The responses sheet: the one named by ``--sheet`` (a missing name raises with the
    closest suggestion), else the first visible sheet other than ``oceny`` and ``metryka``."""
    special = {id(s) for s in (workbook.find(GRADES_SHEET), workbook.find(META_SHEET)) if s}
    if sheet is not None:
        found = workbook.find(sheet)
        if found is None:
            names = workbook.sheet_names()
            close = difflib.get_close_matches(sheet, names, n=1, cutoff=0.5)
            report.add("sheet-not-found", file=workbook.name, value=sheet,
                       suggestion=did_you_mean(close[0] if close else None),
                       known=capped_list(names))
            raise InputError(report)
        return found
    candidates = [s for s in workbook.sheets if id(s) not in special]
    chosen = next((s for s in candidates if not s.hidden), None)
    if chosen is not None and any(s.hidden for s in candidates):
        note_hidden(workbook, report)
    return chosen or next(iter(candidates), None)


def _question_matches(sheet: Sheet, questionnaire: Questionnaire, mapping: Mapping | None) -> int:
    """How many columns of the sheet's header are questions of the questionnaire."""
    from liwindex.matching import HeaderMatcher
    from liwindex.survey import find_header, question_column_count

    if sheet.is_empty:
        return 0
    matcher = HeaderMatcher.for_questionnaire(questionnaire, mapping)
    return question_column_count(sheet, matcher, find_header(sheet, matcher))


def _sheet_with_questions(workbook: Workbook, first: Sheet, questionnaire: Questionnaire,
                          mapping: Mapping | None, report: Report) -> Sheet:
    """The first sheet when its header has questions; otherwise the one other sheet that
    has (a note says which), or an error listing them when several have."""
    if _question_matches(first, questionnaire, mapping):
        return first
    special = {GRADES_SHEET, META_SHEET}
    others = [s for s in workbook.sheets
              if s is not first and s.name.casefold() not in special
              and _question_matches(s, questionnaire, mapping)]
    if not others:
        return first  # read_survey explains what the header lacks
    if len(others) == 1:
        report.add("survey-sheet-found", Severity.NOTE, file=workbook.name, value=others[0].name,
                   first=first.name)
        return others[0]
    report.add("survey-sheets-many", file=workbook.name, first=first.name,
               value=capped_list([s.name for s in others]))
    raise InputError(report)


def read_round(
    path: str | Path,
    questionnaire: Questionnaire,
    sheet: str | None = None,
    group: str | None = None,
    mapping: Mapping | None = None,
) -> Round:
    """Read and validate one workbook; raises :class:`InputError` listing every problem."""
    report = Report()
    name = str(path)
    workbook = open_workbook(path, report)
    if workbook is None:
        raise InputError(report)

    grades_sheet = workbook.find(GRADES_SHEET)
    meta_sheet = workbook.find(META_SHEET)
    survey_sheet = choose_survey_sheet(workbook, sheet, report)
    if sheet is None and survey_sheet is not None:
        survey_sheet = _sheet_with_questions(workbook, survey_sheet, questionnaire, mapping, report)

    survey = None
    if survey_sheet is not None and not (survey_sheet.is_empty and grades_sheet is not None):
        survey = read_survey(survey_sheet, questionnaire, name, report, group=group, mapping=mapping)
    elif grades_sheet is not None:
        report.add("no-survey-sheet", Severity.NOTE, file=name)

    grades = read_grades(grades_sheet, questionnaire, name, report) if grades_sheet else {}
    meta = read_meta(meta_sheet, name, report) if meta_sheet else Meta()
    if survey is None and not grades and report.valid:
        report.add("no-data", file=name)
    if survey is not None and report.valid:
        check_answers(survey, questionnaire, name, report)
    report.raise_if_invalid()
    return Round(source=name, questionnaire=questionnaire, survey=survey, grades=grades,
                 meta=meta, report=report)

