"""The library API: load a questionnaire, read a round, score it.

    >>> from liwindex.api import load_questionnaire, read_round, score_round
    >>> q = load_questionnaire()            # the standard LIJW questionnaire
    >>> result = score_round(read_round("examples/gmina-przykladowa-2024-wstepna.xlsx", q))
    >>> result.to_dict()["index"]["value"]  # doctest: +SKIP

Invalid input raises :class:`liwindex.problems.InputError`, whose ``report`` lists every
problem with its file, sheet, row and column.
"""

from pathlib import Path

from liwindex.comparison import Comparison, compare
from liwindex.problems import InputError, Problem, Report, Severity
from liwindex.questionnaire import Questionnaire
from liwindex.questionnaire_yaml import load_questionnaire, load_standard, parse_questionnaire
from liwindex.results import ScoreResult, score_round
from liwindex.rounds import Round, read_round


def score_file(
    path: str | Path,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
) -> ScoreResult:
    """Read and score one workbook; ``questionnaire`` is a path, a loaded one or None."""
    q = questionnaire if isinstance(questionnaire, Questionnaire) else load_questionnaire(questionnaire)
    return score_round(read_round(path, q, sheet=sheet, group=group))


def compare_files(
    before: str | Path,
    after: str | Path,
    questionnaire: str | Path | None = None,
    questionnaire_before: str | Path | None = None,
) -> Comparison:
    """Score and compare two workbooks. Problems of both files are reported together."""
    q_after = load_questionnaire(questionnaire)
    q_before = load_questionnaire(questionnaire_before) if questionnaire_before else q_after
    results: list[ScoreResult] = []
    report = Report()
    for path, q in ((before, q_before), (after, q_after)):
        try:
            results.append(score_file(path, q))
        except InputError as exc:
            report.extend(exc.report.problems)
    report.raise_if_invalid()
    return compare(results[0], results[1])


def export_report(
    files: list[str | Path],
    output: str | Path,
    fmt: str = "xlsx",
    force: bool = False,
    lang: str = "pl",
    questionnaire: str | Path | None = None,
    questionnaire_before: str | Path | None = None,
) -> Path:
    """Write the Excel report (``fmt="xlsx"``) or the CSV area table of one round or of two
    rounds compared. The output is checked before anything is read and written atomically.
    """
    from liwindex.export.csv_table import write_csv
    from liwindex.export.files import check_output, write_atomically
    from liwindex.export.xlsx import write_xlsx

    path = check_output(output, force, inputs=files)
    comparison: Comparison | None = None
    if len(files) == 2:
        comparison = compare_files(files[0], files[1], questionnaire, questionnaire_before)
        rounds = [comparison.before, comparison.after]
    else:
        rounds = [score_file(files[0], questionnaire)]
    writer = write_csv if fmt == "csv" else write_xlsx
    write_atomically(path, lambda tmp: writer(tmp, rounds, comparison, lang))
    return path


__all__ = [
    "Comparison",
    "InputError",
    "Problem",
    "Questionnaire",
    "Report",
    "Round",
    "ScoreResult",
    "Severity",
    "compare",
    "compare_files",
    "export_report",
    "load_questionnaire",
    "load_standard",
    "parse_questionnaire",
    "read_round",
    "score_file",
    "score_round",
]
