"""The library API: load a questionnaire, read a round, score it.

    >>> from liwindex.api import load_questionnaire, read_round, score_round
    >>> q = load_questionnaire()            # the standard LIJW questionnaire
    >>> result = score_round(read_round("examples/gmina-przykladowa-2024-wstepna.xlsx", q))
    >>> result.to_dict()["index"]["value"]  # doctest: +SKIP

Invalid input raises :class:`liwindex.problems.InputError`, whose ``report`` lists every
problem with its file, sheet, row and column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.compare.comparison import Comparison, compare
from liwindex.model.loading import load_questionnaire, load_standard, parse_questionnaire
from liwindex.model.questionnaire import Questionnaire
from liwindex.problems import InputError, Problem, Report, Severity
from liwindex.responses.mapping import Mapping, load_mapping
from liwindex.responses.rounds import Round, RoundFiles, read_round, read_round_files
from liwindex.scoring.results import ScoreResult, score_round

if TYPE_CHECKING:
    from liwindex.analysis.analyze import Analysis
    from liwindex.compare.many import Benchmark, Trend


def _questionnaire(questionnaire: str | Path | Questionnaire | None) -> Questionnaire:
    if isinstance(questionnaire, Questionnaire):
        return questionnaire
    return load_questionnaire(questionnaire)


RoundSource = str | Path | RoundFiles | list[str | Path] | tuple[str | Path, ...]
"""One round: a file, a folder of its files, a list of files, or :class:`RoundFiles`."""


def _paths(rounds: Sequence[RoundSource]) -> list[str | Path]:
    """Every path the rounds name, for the check that no output replaces an input."""
    return [p for r in rounds for p in RoundFiles.of(r).paths]


def _mapping(mapping: str | Path | Mapping | None, q: Questionnaire) -> Mapping | None:
    if mapping is None or isinstance(mapping, Mapping):
        return mapping
    return load_mapping(mapping, q)


def score_file(
    path: RoundSource,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
    mapping: str | Path | Mapping | None = None,
) -> ScoreResult:
    """Read and score one round (one workbook, or several files of one round);
    ``questionnaire`` and ``mapping`` are paths or loaded."""
    return _read_and_score(path, questionnaire, sheet, group, mapping)[1]


def _read_and_score(
    path: RoundSource,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
    mapping: str | Path | Mapping | None = None,
) -> tuple[Round, ScoreResult]:
    q = _questionnaire(questionnaire)
    round_ = read_round_files(RoundFiles.of(path, group), q, sheet=sheet,
                              mapping=_mapping(mapping, q))
    return round_, score_round(round_)


def analyze_round(round_: Round, result: ScoreResult, resamples: int = 2000, seed: int = 2026,
                  draws: Any = None) -> Analysis:
    """Intervals, reliability, the gap between groups, data quality and sensitivity."""
    from liwindex.analysis.analyze import analyze

    return analyze(round_, result, resamples, seed, draws)


def analyze_file(
    path: RoundSource,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
    mapping: str | Path | Mapping | None = None,
    resamples: int = 2000,
    seed: int = 2026,
) -> Analysis:
    """Read, score and analyse one workbook."""
    round_, result = _read_and_score(path, questionnaire, sheet, group, mapping)
    return analyze_round(round_, result, resamples, seed)


def with_intervals(result: ScoreResult, resamples: int, seed: int = 2026) -> ScoreResult:
    """Add 95 % bootstrap intervals of the survey scores to ``result`` (in place)."""
    if resamples <= 0:  # nothing to add (and the statistics need not be imported)
        return result
    from liwindex.analysis.analyze import attach_intervals, draws_for

    attach_intervals(result, draws_for(result, resamples, seed))
    return result


def score_files(
    paths: Sequence[RoundSource],
    questionnaire: str | Path | Questionnaire | None = None,
    mapping: str | Path | Mapping | None = None,
) -> list[ScoreResult]:
    """Score several rounds in this process; the problems of all of them are reported
    together (:func:`score_many` with one job)."""
    return score_many(paths, questionnaire, mapping, jobs=1)


def _read_all(
    items: list[tuple[RoundSource, Questionnaire]], mapping: str | Path | Mapping | None
) -> list[tuple[Round, ScoreResult]]:
    """Read and score each file with its questionnaire; the problems of all files are
    reported together, and a mapping file is loaded once per questionnaire."""
    mappings: dict[int, Mapping | None] = {}
    pairs: list[tuple[Round, ScoreResult]] = []
    report = Report()
    for path, q in items:
        try:
            if id(q) not in mappings:
                mappings[id(q)] = _mapping(mapping, q)
            pairs.append(_read_and_score(path, q, mapping=mappings[id(q)]))
        except InputError as exc:
            report.extend(exc.report.problems)
    report.raise_if_invalid()
    return pairs


def score_many(
    rounds: Sequence[RoundSource],
    questionnaire: str | Path | Questionnaire | None = None,
    mapping: str | Path | Mapping | None = None,
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
    compact: bool = False,
) -> list[ScoreResult]:
    """Score many rounds on ``jobs`` worker processes (None: every core), in the given
    order; the problems of every invalid round are reported together. ``compact`` leaves
    out what only single-round reports read (:meth:`ScoreResult.compact`)."""
    from liwindex.workflows.parallel import score_rounds

    if not rounds:
        report = Report()
        report.add("no-files")
        raise InputError(report)
    q = _questionnaire(questionnaire)
    outcomes = score_rounds([RoundFiles.of(r) for r in rounds], q, _mapping(mapping, q), jobs,
                            progress, compact)
    report = Report()
    for outcome in outcomes:
        report.extend(outcome.problems)
    report.raise_if_invalid()
    return [o.result for o in outcomes if o.result is not None]


def trend_files(items: list[str], questionnaire: str | Path | None = None,
                mapping: str | Path | None = None, jobs: int | None = 1,
                progress: Callable[[int, int], None] | None = None) -> Trend:
    """One local government's rounds in chronological order (folders are expanded)."""
    from liwindex.compare.many import trend
    from liwindex.io.discovery import expand_paths

    return trend(score_many(list(expand_paths(items)), questionnaire, mapping, jobs, progress,
                            compact=True))


def benchmark_files(items: list[str], questionnaire: str | Path | None = None,
                    mapping: str | Path | None = None, jobs: int | None = 1,
                    progress: Callable[[int, int], None] | None = None) -> Benchmark:
    """One round per local government, ranked per area and on the index."""
    from liwindex.compare.many import benchmark
    from liwindex.io.discovery import expand_paths

    return benchmark(score_many(list(expand_paths(items)), questionnaire, mapping, jobs, progress,
                                compact=True))


def _write_output(output: str | Path, force: bool, inputs: list[str | Path],
                  write: Callable[[Path], None]) -> Path:
    """Check ``output`` (no overwrite without ``force``, never over an input), then let
    ``write`` fill it atomically."""
    from liwindex.outputs.files import check_output, write_atomically

    target = check_output(output, force, inputs=inputs)
    write_atomically(target, write)
    return target


def write_multi(kind: str, data: Trend | Benchmark, output: str | Path, force: bool, lang: str,
                inputs: list[str | Path], author: str | None = None) -> Path:
    """Write what ``output``'s extension names: the trend or benchmark workbook (.xlsx), its
    page for publication (.html, .htm) or that page as PDF (.pdf)."""
    from liwindex.outputs.excel.many import write_benchmark_xlsx, write_trend_xlsx

    suffix = Path(output).suffix.lower()
    if suffix in (".html", ".htm", ".pdf"):
        from liwindex.outputs.html.many import page_for

        html = page_for(kind, data, lang, author)
        if suffix == ".pdf":
            from liwindex.outputs.pdf import html_to_pdf

            return _write_output(output, force, inputs, lambda tmp: html_to_pdf(html, tmp))
        return _write_output(output, force, inputs, lambda tmp: _write_utf8(tmp, html))
    writer: Callable[[Path, Any, str], None] = write_trend_xlsx if kind == "trend" else write_benchmark_xlsx
    return _write_output(output, force, inputs, lambda tmp: writer(tmp, data, lang))


def write_analysis(analysis: Analysis, output: str | Path, force: bool, lang: str,
                   inputs: list[str | Path]) -> Path:
    """The one-round Excel report, with the analysis sheet."""
    from liwindex.outputs.excel.round import write_xlsx

    return _write_output(output, force, inputs,
                         lambda tmp: write_xlsx(tmp, [analysis.result], None, lang, analysis))


def write_report(
    files: Sequence[RoundSource],
    output: str | Path,
    pdf: str | Path | None = None,
    force: bool = False,
    lang: str = "pl",
    questionnaire: str | Path | None = None,
    mapping: str | Path | None = None,
    resamples: int = 2000,
    seed: int = 2026,
    basis: str | None = None,
    skip_round_check: bool = False,
    author: str | None = None,
) -> list[Path]:
    """The report for publication: a self-contained HTML page and optionally its PDF. One
    file: that round; two or more: rounds ordered by their metryka, the first compared with
    the last (like for like, see :func:`compare`)."""
    from liwindex.analysis.analyze import attach_intervals, draws_for, gaps_for
    from liwindex.compare.many import round_order
    from liwindex.outputs.files import check_output, write_atomically
    from liwindex.outputs.html.page import build_page
    from liwindex.outputs.pdf import html_to_pdf

    inputs = _paths(files)
    if Path(output).suffix.lower() == ".pdf":  # -o raport.pdf: the PDF only
        html_target, pdf = None, output
    else:
        html_target = check_output(output, force, inputs=inputs)
    pdf_target = check_output(pdf, force, inputs=inputs) if pdf is not None else None
    results = sorted(score_files(list(files), questionnaire, mapping), key=round_order)
    comparison: Comparison | None = None
    if len(results) > 1:
        comparison = compare(results[0], results[-1], resamples, seed, basis, skip_round_check)
        draws = comparison.after_draws
    else:
        draws = draws_for(results[-1], resamples, seed)
        attach_intervals(results[-1], draws)
    html = build_page(results, comparison, gaps_for(results[-1], draws), lang, author)
    written = []
    if html_target is not None:
        write_atomically(html_target, lambda tmp: _write_utf8(tmp, html))
        written.append(html_target)
    if pdf_target is not None:
        write_atomically(pdf_target, lambda tmp: html_to_pdf(html, tmp))
        written.append(pdf_target)
    return written


def validate_file(
    path: RoundSource,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
    mapping: str | Path | Mapping | None = None,
) -> Report:
    """Every problem of one workbook (and of the questionnaire or mapping it needs)."""
    try:
        q = _questionnaire(questionnaire)
        return read_round_files(RoundFiles.of(path, group), q, sheet=sheet,
                                mapping=_mapping(mapping, q)).report
    except InputError as exc:
        return exc.report


def check_mapping_file(
    path: RoundSource,
    mapping: str | Path,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
) -> Report:
    """Check a mapping file against the files it is meant for, without scoring: the
    mapping's own problems (with YAML lines), every problem of the files read with it, and
    notes on mapping entries the files do not use and questions they lack."""
    report = Report()
    q = _questionnaire(questionnaire)
    try:
        loaded = load_mapping(mapping, q)
    except InputError as exc:
        return exc.report
    try:
        round_ = read_round_files(RoundFiles.of(path, group), q, sheet=sheet, mapping=loaded)
    except InputError as exc:
        return exc.report
    report.extend(round_.report.problems)
    present = set(round_.survey.columns) if round_.survey is not None else set()
    unused = sorted({t for t in loaded.columns.values()
                     if t is not None and t not in present and t != q.group_question.id})
    if unused:
        report.add("mapping-columns-unused", Severity.NOTE, file=str(mapping),
                   value=", ".join(unused))
    missing = [x.id for x in q.questions if x.id not in present]
    if missing and round_.survey is not None:
        report.add("mapping-questions-missing", Severity.NOTE, file=round_.source,
                   count=len(missing), value=", ".join(missing[:12]) + (" …" if len(missing) > 12 else ""))
    scored = present & {x.id for x in q.questions}
    report.add("mapping-fits", Severity.NOTE, file=str(mapping), count=len(scored),
               total=len(q.questions))
    return report


def write_mapping_proposal(
    path: str | Path,
    output: str | Path,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    force: bool = False,
) -> tuple[Path, int]:
    """Write a proposed mapping file for ``path``; returns it and how many entries the user
    must confirm."""
    from liwindex.outputs.files import check_output
    from liwindex.responses.mapping_init import propose_mapping

    check_output(output, force, inputs=[path])  # refuse early, before reading the file
    text = propose_mapping(path, _questionnaire(questionnaire), sheet)
    return write_text_file(output, text, force, [path]), text.count(': "?')


def compare_files(
    before: RoundSource,
    after: RoundSource,
    questionnaire: str | Path | None = None,
    questionnaire_before: str | Path | None = None,
    mapping: str | Path | None = None,
    resamples: int = 0,
    seed: int = 2026,
    basis: str | None = None,
    skip_round_check: bool = False,
) -> Comparison:
    """Score and compare two rounds (each a workbook or several files) like for like.
    Problems of both rounds are reported together. With ``resamples`` > 0 every change of
    a survey score gets a 95 % interval."""
    pairs = _read_pair(before, after, questionnaire, questionnaire_before, mapping)
    return compare(pairs[0][1], pairs[1][1], resamples, seed, basis, skip_round_check)


def _read_pair(
    before: RoundSource,
    after: RoundSource,
    questionnaire: str | Path | None,
    questionnaire_before: str | Path | None,
    mapping: str | Path | None,
) -> list[tuple[Round, ScoreResult]]:
    """Read and score two rounds; the problems of both files are reported together."""
    q_after = _questionnaire(questionnaire)
    q_before = _questionnaire(questionnaire_before) if questionnaire_before else q_after
    return _read_all([(before, q_before), (after, q_after)], mapping)


def export_report(
    files: Sequence[RoundSource],
    output: str | Path,
    fmt: str = "xlsx",
    force: bool = False,
    lang: str = "pl",
    questionnaire: str | Path | None = None,
    questionnaire_before: str | Path | None = None,
    mapping: str | Path | None = None,
    resamples: int = 2000,
    seed: int = 2026,
    basis: str | None = None,
    skip_round_check: bool = False,
) -> Path:
    """Write the Excel report (``fmt="xlsx"``) or the CSV area table of one round or of two
    rounds compared. The output is checked before anything is read and written atomically.
    """
    from liwindex.outputs.csv_table import write_csv
    from liwindex.outputs.excel.round import write_xlsx
    from liwindex.outputs.files import check_output, write_atomically

    path = check_output(output, force, inputs=_paths(files))
    comparison: Comparison | None = None
    if len(files) == 2:
        pairs = _read_pair(files[0], files[1], questionnaire, questionnaire_before, mapping)
        comparison = compare(pairs[0][1], pairs[1][1], resamples, seed, basis, skip_round_check)
        rounds = [comparison.before, comparison.after]
        # the analysis sheet describes the later round
        analysis = (analyze_round(*pairs[1], resamples, seed, comparison.after_draws)
                    if fmt == "xlsx" else None)
    else:
        round_, result = _read_and_score(files[0], questionnaire, mapping=mapping)
        rounds = [result]
        analysis = analyze_round(round_, result, resamples, seed) if fmt == "xlsx" else None
    if fmt == "csv":
        write_atomically(path, lambda tmp: write_csv(tmp, rounds, comparison, lang))
    else:
        write_atomically(path, lambda tmp: write_xlsx(tmp, rounds, comparison, lang, analysis))
    return path


def write_text_file(output: str | Path, text: str, force: bool, inputs: list[str | Path]) -> Path:
    """Write ``text`` to ``output`` atomically (no overwrite without ``force``, never over
    one of ``inputs``)."""
    return _write_output(output, force, inputs, lambda tmp: _write_utf8(tmp, text))


def _write_utf8(path: Path, text: str) -> None:
    path.write_text(text, "utf-8")


def _check_group(q: Questionnaire, group: str | None) -> None:
    if group is not None and group not in q.group_ids:
        report = Report()
        report.add("unknown-group-option", value=group,
                   allowed=", ".join(f"{g.id} ({g.label.pl})" for g in q.groups))
        raise InputError(report)


def write_template(output: str | Path, questionnaire: str | Path | Questionnaire | None = None,
                   group: str | None = None, lang: str = "pl", force: bool = False) -> Path:
    """Write a workbook for typing in answers, with dropdowns of the allowed answers."""
    from liwindex.outputs.forms.template import write_template as write

    q = _questionnaire(questionnaire)
    _check_group(q, group)
    return _write_output(output, force, [], lambda tmp: write(tmp, q, group, lang))


def write_xlsform(output: str | Path, questionnaire: str | Path | Questionnaire | None = None,
                  group: str | None = None, force: bool = False) -> Path:
    """Write the questionnaire as an XLSForm for KoboToolbox and ODK."""
    from liwindex.outputs.forms.xlsform import write_xlsform as write

    q = _questionnaire(questionnaire)
    _check_group(q, group)
    return _write_output(output, force, [], lambda tmp: write(tmp, q, group))


def questionnaire_document(questionnaire: str | Path | Questionnaire | None = None,
                           fmt: str = "md", lang: str = "pl", group: str | None = None) -> str:
    """The questionnaire as a printable document (Markdown or HTML)."""
    from liwindex.outputs.forms.paper import document, to_html, to_markdown

    q = _questionnaire(questionnaire)
    _check_group(q, group)
    blocks = document(q, lang, group)
    return to_html(blocks, lang) if fmt == "html" else to_markdown(blocks)


def questionnaire_schema() -> dict[str, object]:
    """The JSON Schema of the questionnaire YAML format, for editors."""
    from liwindex.model.questionnaire import json_schema

    return json_schema()


def copy_standard(output: str | Path, force: bool = False) -> Path:
    """Copy the standard questionnaire as a starting point for a local one."""
    from liwindex.model.loading import standard_questionnaire_text

    return write_text_file(output, standard_questionnaire_text(), force, [])


__all__ = [
    "Comparison",
    "InputError",
    "Problem",
    "Questionnaire",
    "Report",
    "Round",
    "RoundFiles",
    "ScoreResult",
    "Severity",
    "analyze_file",
    "analyze_round",
    "benchmark_files",
    "check_mapping_file",
    "compare",
    "compare_files",
    "copy_standard",
    "export_report",
    "load_questionnaire",
    "load_standard",
    "parse_questionnaire",
    "questionnaire_document",
    "questionnaire_schema",
    "read_round",
    "read_round_files",
    "score_file",
    "score_files",
    "score_many",
    "score_round",
    "trend_files",
    "validate_file",
    "with_intervals",
    "write_analysis",
    "write_mapping_proposal",
    "write_report",
    "write_template",
    "write_text_file",
    "write_xlsform",
]
