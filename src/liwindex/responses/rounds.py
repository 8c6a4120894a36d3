"""One assessment round read from a workbook: survey answers, grades and metadata."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.io.sheets import Sheet, Workbook
from liwindex.io.workbook import note_hidden, open_workbook
from liwindex.messages import did_you_mean
from liwindex.problems import InputError, Report, Severity
from liwindex.responses import indicators as numeric
from liwindex.responses.checks import check_answers
from liwindex.responses.data import SurveyData
from liwindex.responses.grades import (
    GRADES_SHEET,
    INSTRUCTION_SHEETS,
    META_SHEET,
    Grade,
    Meta,
    read_grades,
    read_meta,
)
from liwindex.responses.meta import META_FIELDS, sidecar_meta
from liwindex.responses.survey import read_survey
from liwindex.text import capped_list

if TYPE_CHECKING:
    import pandas as pd

    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.mapping import Mapping


@dataclass
class Round:
    """A validated round; ``report`` keeps the warnings and notes met while reading it."""

    source: str
    questionnaire: Questionnaire
    survey: SurveyData | None
    grades: dict[str, Grade] = field(default_factory=dict)
    meta: Meta = field(default_factory=Meta)
    report: Report = field(default_factory=Report)
    # the numeric data (dane liczbowe) by indicator id: shown beside the survey, never scored
    indicators: dict[str, numeric.IndicatorValue] = field(default_factory=dict)

    def point_matrix(self) -> Any:
        """Raw points of every scored answer (respondents × questions in questionnaire
        order, a numpy array); missing and ``nie wiem`` as NaN."""
        import numpy as np

        if self.survey is None:
            return np.empty((0, len(self.questionnaire.questions)))
        return self.questionnaire.tables.points_of(self.survey.code_matrix())

    def points(self) -> pd.DataFrame:
        """:meth:`point_matrix` as a frame: index the respondents' rows, columns the
        question ids."""
        import pandas as pd

        ids = [q.id for q in self.questionnaire.questions]
        if self.survey is None:
            return pd.DataFrame(columns=ids, dtype=float)
        return pd.DataFrame(self.point_matrix(), index=self.survey.rows, columns=ids)


def choose_survey_sheet(workbook: Workbook, sheet: str | None, report: Report) -> Sheet | None:
    """The responses sheet: the one named by ``--sheet`` (a missing name raises with the
    closest suggestion), else the first visible sheet other than ``oceny``, ``metryka``,
    ``dane`` and the instructions (``Instrukcja``)."""
    specials = (workbook.find(GRADES_SHEET), workbook.find(META_SHEET), numeric.find_data_sheet(workbook))
    special = {id(s) for s in specials if s}
    if sheet is not None:
        found = workbook.find(sheet)
        if found is None:
            names = workbook.sheet_names()
            close = difflib.get_close_matches(sheet, names, n=1, cutoff=0.5)
            report.add(
                "sheet-not-found",
                file=workbook.name,
                value=sheet,
                suggestion=did_you_mean(close[0] if close else None),
                known=capped_list(names),
            )
            raise InputError(report)
        return found
    candidates = [
        s for s in workbook.sheets if id(s) not in special and s.name.casefold() not in INSTRUCTION_SHEETS
    ]
    chosen = next((s for s in candidates if not s.hidden), None)
    if chosen is not None and any(s.hidden for s in candidates):
        note_hidden(workbook, report)
    return chosen or next(iter(candidates), None)


def _question_matches(sheet: Sheet, questionnaire: Questionnaire, mapping: Mapping | None) -> int:
    """How many columns of the sheet's header are questions of the questionnaire."""
    from liwindex.responses.header import find_header, question_column_count
    from liwindex.responses.matching import HeaderMatcher

    if sheet.is_empty:
        return 0
    matcher = HeaderMatcher.for_questionnaire(questionnaire, mapping)
    return question_column_count(sheet, matcher, find_header(sheet, matcher))


def _sheet_with_questions(
    workbook: Workbook, first: Sheet, questionnaire: Questionnaire, mapping: Mapping | None, report: Report
) -> Sheet:
    """The first sheet when its header has questions; otherwise the one other sheet that
    has (a note says which), or an error listing them when several have."""
    special = {GRADES_SHEET, META_SHEET, *INSTRUCTION_SHEETS}
    data = numeric.find_data_sheet(workbook)
    candidates = [
        s for s in workbook.sheets if s is not first and s.name.casefold() not in special and s is not data
    ]
    if not candidates or _question_matches(first, questionnaire, mapping):
        return first  # nothing else to choose from, or it has questions
    others = [s for s in candidates if _question_matches(s, questionnaire, mapping)]
    if not others:
        return first  # read_survey explains what the header lacks
    if len(others) == 1:
        report.add(
            "survey-sheet-found", Severity.NOTE, file=workbook.name, value=others[0].name, first=first.name
        )
        return others[0]
    report.add(
        "survey-sheets-many",
        file=workbook.name,
        first=first.name,
        value=capped_list([s.name for s in others]),
    )
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
    data_sheet = numeric.find_data_sheet(workbook)
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
    values = numeric.read_data_sheet(data_sheet, questionnaire, name, report) if data_sheet else {}
    if survey is None and not grades and report.valid:
        report.add("no-data", file=name)
    if survey is not None and report.valid:
        check_answers(survey, questionnaire, name, report)
    report.raise_if_invalid()
    return Round(
        source=name,
        questionnaire=questionnaire,
        survey=survey,
        grades=grades,
        meta=meta,
        report=report,
        indicators=values,
    )


@dataclass(frozen=True)
class RoundFiles:
    """What one round is read from: its files (a folder stands for the workbooks in it),
    the group of files without a group column, and metadata given on the command line.

    ``groups`` maps a file (its path as given or its name) to a group id; ``group`` is the
    group of every other file without one of its own.
    """

    paths: tuple[str, ...]
    group: str | None = None
    groups: tuple[tuple[str, str], ...] = ()
    meta: Meta = field(default_factory=Meta)

    @classmethod
    def of(
        cls,
        paths: str | Path | RoundFiles | list[str | Path] | tuple[str | Path, ...],
        group: str | None = None,
    ) -> RoundFiles:
        if isinstance(paths, RoundFiles):
            return paths
        if isinstance(paths, str | Path):
            paths = [paths]
        return cls(paths=tuple(str(p) for p in paths), group=group)

    @property
    def source(self) -> str:
        """The round's name in messages and ``meta.source``: the file or folder, or the
        files joined by " + "."""
        return " + ".join(self.paths)


def round_files(paths: tuple[str, ...], skipped: list[Path] | None = None) -> list[str]:
    """The files of a round: files as given and the workbooks inside a folder (files
    liwindex wrote go to ``skipped``)."""
    from liwindex.io.discovery import expand_paths

    return [str(p) for p in expand_paths(list(paths), skipped)]


def read_round_files(
    spec: RoundFiles,
    questionnaire: Questionnaire,
    sheet: str | None = None,
    mapping: Mapping | None = None,
) -> Round:
    """Read one round from one or several files (an NGO file and an administration file,
    partial exports), with its metadata from ``metryka`` sheets, a ``metryka.yaml`` beside
    the files and the command line, in that order of strength. Raises :class:`InputError`
    listing the problems of every file."""
    report = Report()
    skipped: list[Path] = []
    files = round_files(spec.paths, skipped)
    for path in skipped:
        report.add("own-output-skipped", Severity.NOTE, file=str(path))
    if not files:
        report.add("round-no-files", file=spec.source)
        raise InputError(report)
    _check_file_groups(spec, files, questionnaire, report)
    _check_distinct(files, report)
    report.raise_if_invalid()
    rounds: list[Round] = []
    for file in files:
        try:
            rounds.append(
                read_round(file, questionnaire, sheet=sheet, group=_group_of(spec, file), mapping=mapping)
            )
        except InputError as exc:
            report.extend(exc.report.problems)
    report.raise_if_invalid()
    combined = rounds[0] if len(rounds) == 1 else combine_rounds(rounds, spec.source, report)
    combined.meta = _round_meta(combined, files, spec, report)
    side, side_file = numeric.sidecar_data(files, questionnaire, report)
    if side_file is not None:
        combined.indicators = numeric.merge_values(
            [(combined.source, combined.indicators), (side_file, side)], combined.source, report
        )
    combined.report.extend(report.problems)
    combined.report.raise_if_invalid()
    return combined


def same_file(given: str, file: str) -> bool:
    """Whether ``given`` (a path, or a bare file name) names ``file``."""
    given_path, path = Path(given), Path(file)
    if given_path.name == given:  # a bare name matches the file of that name in any folder
        return path.name == given
    try:
        return given_path.resolve() == path.resolve()
    except OSError:
        return False


def _group_of(spec: RoundFiles, file: str) -> str | None:
    return next((g for f, g in spec.groups if same_file(f, file)), spec.group)


def _check_file_groups(spec: RoundFiles, files: list[str], q: Questionnaire, report: Report) -> None:
    """``--group FILE=ID``: the file must be one of the round's and ID a group."""
    from liwindex.responses.matching import GroupLookup

    allowed = GroupLookup.cached(q).allowed()
    for given, group in [*spec.groups, *([("", spec.group)] if spec.group else [])]:
        if given and not any(same_file(given, f) for f in files):
            report.add("group-file-unknown", value=given, known=capped_list([Path(f).name for f in files]))
        if group not in q.group_ids:
            report.add("unknown-group-option", value=group, allowed=allowed)


def _check_distinct(files: list[str], report: Report) -> None:
    """One file given twice would count its respondents twice."""
    seen: dict[object, str] = {}
    for file in files:
        try:
            stat = Path(file).stat()
        except OSError:
            continue  # read_round says the file is missing
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            report.add("round-file-twice", file=file, value=seen[key])
        seen.setdefault(key, file)


def combine_rounds(rounds: list[Round], source: str, report: Report) -> Round:
    """One round from the rounds read from its files: respondents put together, at most one
    set of grades, and metadata that must agree (differences are errors)."""
    surveys = [(r.source, r.survey) for r in rounds if r.survey is not None]
    # a grades sheet with the areas listed and nothing filled in (grading-pack's workbook
    # before the meeting) gives no grades
    graded = [r for r in rounds if any(_filled(g) for g in r.grades.values())]
    if len(graded) > 1 and any(_grade_values(r) != _grade_values(graded[0]) for r in graded[1:]):
        report.add("round-grades-twice", file=graded[1].source, value=graded[0].source)
    grades = graded[0].grades if graded else {}
    merged = Report()
    for r in rounds:
        merged.extend(r.report.problems)
    survey = None
    if len(surveys) == 1:
        survey = surveys[0][1]
    elif surveys:
        survey = _combine_surveys(surveys, rounds[0].questionnaire, merged)
    merged.add(
        "round-files",
        Severity.NOTE,
        file=source,
        count=len(rounds),
        value=", ".join(
            f"{Path(r.source).name}: {len(r.survey) if r.survey is not None else 0}" for r in rounds
        ),
    )
    return Round(
        source=source,
        questionnaire=rounds[0].questionnaire,
        survey=survey,
        grades=grades,
        meta=_agree([(r.source, r.meta) for r in rounds], report),
        report=merged,
        indicators=numeric.agree_values([(r.source, r.indicators) for r in rounds], report),
    )


def _filled(grade: Grade) -> bool:
    return grade.value is not None or bool(grade.justification or grade.recommendations)


def _grade_values(r: Round) -> dict[str, float | None]:
    return {a: g.value for a, g in r.grades.items()}


def _agree(metas: list[tuple[str, Meta]], report: Report) -> Meta:
    """The metadata of one round's files: each field from the files that give it; files
    that give different values are an error naming both."""
    found: dict[str, tuple[str, object]] = {}
    for source, meta in metas:
        for name in META_FIELDS:
            value = getattr(meta, name)
            if value is None:
                continue
            if name in found and found[name][1] != value:
                first, known = found[name]
                report.add(
                    "round-meta-differs",
                    file=source,
                    value=name,
                    first=first,
                    known=str(known),
                    found=str(value),
                )
            found.setdefault(name, (source, value))
    return Meta(**{name: value for name, (_, value) in found.items()})  # type: ignore[arg-type]


def _combine_surveys(surveys: list[tuple[str, SurveyData]], q: Questionnaire, report: Report) -> SurveyData:
    """The respondents of several files as one survey; rows that repeat a row of an
    earlier file (overlapping exports) are a warning."""
    import numpy as np

    from liwindex.responses.data import OpenAnswer

    parts = [s for _, s in surveys]
    total = sum(len(s) for s in parts)
    context: dict[str, list[Any]] = {}
    for ctx in q.context_questions:
        if any(ctx.id in s.context for s in parts):
            context[ctx.id] = [v for s in parts for v in s.context.get(ctx.id, [None] * len(s))]
    open_answers = [
        OpenAnswer(a.question, a.group, a.text, a.row, a.file or source)
        for source, s in surveys
        for a in s.open_answers
    ]
    columns: dict[str, str] = {}
    for s in parts:
        for key, letter in s.columns.items():
            columns.setdefault(key, letter)
    _check_overlap(surveys, report)
    first = parts[0]
    # respondents are numbered 0… across the files (their rows repeat between files)
    return SurveyData(
        sheet=first.sheet,
        header_row=first.header_row,
        rows=np.arange(total),
        matrix=np.asfortranarray(np.concatenate([s.matrix for s in parts])),
        group_index=np.concatenate([s.group_index for s in parts]),
        question_ids=first.question_ids,
        choices=first.choices,
        group_ids=first.group_ids,
        columns=columns,
        context=context,
        open_answers=open_answers,
    )


def _check_overlap(surveys: list[tuple[str, SurveyData]], report: Report) -> None:
    """Respondents (five answers or more) whose group and answers equal a row of an earlier
    file: the exports probably overlap; when every one of them does, and the files hold as
    many, one export was given twice (an .xlsx and a .csv download of one form): an error."""
    from liwindex.responses.checks import submission_keys

    seen: dict[int, tuple[str, int]] = {}
    keyed: dict[str, int] = {}  # per file, its respondents with enough answers for a key
    for source, s in surveys:
        keys = submission_keys(s)
        keyed[source] = len(keys)
        repeats = [(row, seen[k]) for row, k in keys if k in seen]
        earlier = {first for _, (first, _) in repeats}
        if (
            repeats
            and len(repeats) == len(keys)
            and len(earlier) == 1
            and keyed[next(iter(earlier))] == len(keys)
        ):
            # every respondent of this file is one of the other's: the same export twice
            report.add("export-given-twice", file=source, count=len(keys), value=next(iter(earlier)))
        elif repeats:
            (row, (first_file, first_row)) = repeats[0]
            report.add(
                "rows-in-two-files",
                Severity.WARNING,
                file=source,
                count=len(repeats),
                value=first_file,
                first=f"{row}={first_row}",
            )
        for row, k in keys:
            seen.setdefault(k, (source, row))


def _round_meta(round_: Round, files: list[str], spec: RoundFiles, report: Report) -> Meta:
    """The sheets' metadata, completed or overridden by ``metryka.yaml`` and the command
    line; an override that changes a value is a warning, and a name that looks like a year
    or stage is suggested (never used silently)."""
    meta = round_.meta
    side, side_file = sidecar_meta(files, report)
    for source, layer in ((side_file, side), ("--jst/--rok/--etap", spec.meta)):
        for name in META_FIELDS:
            value, old = getattr(layer, name), getattr(meta, name)
            if value is None:
                continue
            if old is not None and old != value:
                report.add(
                    "meta-overridden",
                    Severity.WARNING,
                    file=round_.source,
                    value=name,
                    known=str(old),
                    found=str(value),
                    first=source,
                )
            meta = replace(meta, **{name: value})
    if meta.rok is None or meta.etap is None:
        _suggest_from_name([*spec.paths, *files], meta, round_.source, report)
    return meta


def _suggest_from_name(paths: list[str], meta: Meta, source: str, report: Report) -> None:
    """A note when the names of the files or their folder hold a year or a stage."""
    import re

    from liwindex.responses.grades import ETAPS
    from liwindex.text import fold, strip_diacritics

    names = " ".join(strip_diacritics(fold(Path(p).stem)) for p in paths)
    hints = []
    year = re.search(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)", names)
    if meta.rok is None and year:
        hints.append(f"--rok {year.group(1)}")
    etap = next((e for e in ETAPS if strip_diacritics(e) in names), None)
    if meta.etap is None and etap:
        hints.append(f"--etap {etap}")
    if hints:
        report.add("meta-from-name", Severity.NOTE, file=source, value=" ".join(hints))
