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

