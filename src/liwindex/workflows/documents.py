"""Writing documents for the façade: the Excel report and CSV table, the page for
publication and its PDF, trend and benchmark files, forms and questionnaire documents.
Every output is checked before anything is read (no overwrite without ``force``, never
over an input) and written atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.compare.comparison import Comparison, compare
from liwindex.model.questionnaire import Questionnaire
from liwindex.problems import Problem
from liwindex.workflows.rounds import (
    RoundSource,
    analyze_round,
    check_group,
    questionnaire_of,
    read_and_score,
    read_pair,
    round_paths,
    score_files,
    score_many,
)

if TYPE_CHECKING:
    from liwindex.analysis.analyze import Analysis, Gap
    from liwindex.compare.many import Benchmark, Trend
    from liwindex.scoring.results import ScoreResult


def _write_output(
    output: str | Path, force: bool, inputs: list[str | Path], write: Callable[[Path], None]
) -> Path:
    """Check ``output`` (no overwrite without ``force``, never over an input), then let
    ``write`` fill it atomically."""
    from liwindex.outputs.files import check_output, write_atomically

    target = check_output(output, force, inputs=inputs)
    write_atomically(target, write)
    return target


def write_multi(
    kind: str,
    data: Trend | Benchmark,
    output: str | Path,
    force: bool,
    lang: str,
    inputs: list[str | Path],
    author: str | None = None,
) -> Path:
    """Write what ``output``'s extension names: the trend or benchmark workbook (.xlsx), its
    page for publication (.html, .htm) or that page as PDF (.pdf)."""
    from liwindex.outputs.excel.many import write_benchmark_xlsx, write_trend_xlsx

    suffix = Path(output).suffix.lower()
    if suffix in (".html", ".htm", ".pdf"):
        from liwindex.outputs.html.many import page_for

        html = page_for(kind, data, lang, author)
        if suffix == ".pdf":
            from liwindex.outputs.pdf import html_to_pdf

            return _write_output(output, force, inputs, lambda tmp: html_to_pdf(html, tmp, Path(output)))
        return _write_output(output, force, inputs, lambda tmp: _write_utf8(tmp, html))
    writer: Callable[[Path, Any, str], None] = write_trend_xlsx if kind == "trend" else write_benchmark_xlsx
    return _write_output(output, force, inputs, lambda tmp: writer(tmp, data, lang))


def write_analysis(
    analysis: Analysis,
    output: str | Path,
    force: bool,
    lang: str,
    inputs: list[str | Path],
    mask: bool = True,
) -> Path:
    """The one-round Excel report, with the analysis sheet."""
    from liwindex.outputs.excel.round import write_xlsx

    return _write_output(
        output, force, inputs, lambda tmp: write_xlsx(tmp, [analysis.result], None, lang, analysis, mask)
    )


def _published_rounds(
    files: Sequence[RoundSource],
    questionnaire: str | Path | None,
    mapping: str | Path | None,
    resamples: int,
    seed: int,
    basis: str | None,
    skip_round_check: bool,
) -> tuple[list[ScoreResult], Comparison | None, list[Gap]]:
    """The rounds a published document describes, ordered by their metryka: with two or
    more, the first compared with the last (like for like, see :func:`compare`); the gaps
    between the groups of the latest, with their intervals."""
    from liwindex.analysis.analyze import attach_intervals, draws_for, gaps_for
    from liwindex.compare.many import round_order

    results = sorted(score_files(list(files), questionnaire, mapping), key=round_order)
    comparison: Comparison | None = None
    if len(results) > 1:
        comparison = compare(results[0], results[-1], resamples, seed, basis, skip_round_check)
        draws = comparison.after_draws
    else:
        draws = draws_for(results[-1], resamples, seed)
        attach_intervals(results[-1], draws)
    return results, comparison, gaps_for(results[-1], draws)


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
    warnings: Sequence[Problem] = (),
    mask: bool = True,
) -> list[Path]:
    """The report for publication: a self-contained HTML page and optionally its PDF. One
    file: that round; two or more: rounds ordered by their metryka, the first compared with
    the last (like for like, see :func:`compare`). ``warnings`` (a round of the JST that
    could not be read) are said on the page with the latest round's. Open answers are
    published with personal data masked unless ``mask`` is off (internal use)."""
    from liwindex.outputs.files import check_output, write_atomically
    from liwindex.outputs.html.page import build_page
    from liwindex.outputs.pdf import html_to_pdf

    inputs = round_paths(files)
    if Path(output).suffix.lower() == ".pdf":  # -o raport.pdf: the PDF only
        html_target, pdf = None, output
    else:
        html_target = check_output(output, force, inputs=inputs)
    pdf_target = check_output(pdf, force, inputs=inputs) if pdf is not None else None
    results, comparison, gaps = _published_rounds(
        files, questionnaire, mapping, resamples, seed, basis, skip_round_check
    )
    results[-1].problems += warnings
    html = build_page(results, comparison, gaps, lang, author, mask)
    written = []
    if html_target is not None:
        write_atomically(html_target, lambda tmp: _write_utf8(tmp, html))
        written.append(html_target)
    if pdf_target is not None:
        write_atomically(pdf_target, lambda tmp: html_to_pdf(html, tmp, pdf_target))
        written.append(pdf_target)
    return written


def write_annex(
    files: Sequence[RoundSource],
    output: str | Path,
    force: bool = False,
    lang: str = "pl",
    questionnaire: str | Path | None = None,
    mapping: str | Path | None = None,
    resamples: int = 2000,
    seed: int = 2026,
    basis: str | None = None,
    skip_round_check: bool = False,
    author: str | None = None,
    mask: bool = True,
) -> Path:
    """The annex to the yearly report on the cooperation programme: ``.docx`` (Word, real
    headings and tables) or ``.html``. One file: that round; two or more: rounds ordered by
    their metryka, the first compared with the last, as in :func:`write_report`. The working
    group's recommendations are published with personal data masked unless ``mask`` is off."""
    from liwindex.outputs.annex import annex_content, annex_html, write_docx
    from liwindex.outputs.files import check_output, write_atomically

    target = check_output(output, force, inputs=round_paths(files))
    results, comparison, gaps = _published_rounds(
        files, questionnaire, mapping, resamples, seed, basis, skip_round_check
    )
    content = annex_content(results, comparison, gaps, lang, mask)
    if target.suffix.lower() == ".docx":
        write_atomically(target, lambda tmp: write_docx(content, tmp, author))
    else:
        html = annex_html(content)
        write_atomically(target, lambda tmp: _write_utf8(tmp, html))
    return target


def write_grading_pack(
    files: RoundSource,
    outputs: Sequence[str | Path],
    previous: RoundSource | None = None,
    force: bool = False,
    lang: str = "pl",
    questionnaire: str | Path | None = None,
    mapping: str | Path | None = None,
    sheet: str | None = None,
) -> list[Path]:
    """The working group's meeting pack of one round, one file per name in ``outputs``:
    ``.xlsx`` the grades workbook ready to fill (put into the round's folder it is read as
    the round's ``oceny``), ``.html`` the printable cards (a cover, one A4 card per area) and
    ``.pdf`` those cards as PDF. ``previous`` is the previous round, whose grades and
    recommendations are shown. Every output is checked before anything is read."""
    from liwindex.outputs.files import check_output, check_suffix, write_atomically
    from liwindex.outputs.grading_pack import pack_html, write_grades_workbook

    inputs = round_paths([files] + ([previous] if previous is not None else []))
    targets = []
    for output in outputs:
        check_suffix(output, (".xlsx", ".html", ".htm", ".pdf"))
        targets.append(check_output(output, force, inputs=inputs))
    _, result = read_and_score(files, questionnaire, sheet=sheet, mapping=mapping)
    before = read_and_score(previous, questionnaire, mapping=mapping)[1] if previous is not None else None
    written = []
    for target in targets:
        suffix = target.suffix.lower()
        if suffix == ".xlsx":
            write_atomically(target, lambda tmp: write_grades_workbook(tmp, result, before, lang))
        elif suffix == ".pdf":
            from liwindex.outputs.pdf import html_to_pdf

            html = pack_html(result, before, lang)
            write_atomically(target, partial(_print, html_to_pdf, html, target))
        else:
            write_atomically(target, partial(_write_html, pack_html(result, before, lang)))
        written.append(target)
    return written


def _print(to_pdf: Callable[[str, Path, Path], None], html: str, target: Path, tmp: Path) -> None:
    to_pdf(html, tmp, target)


def _write_html(html: str, tmp: Path) -> None:
    _write_utf8(tmp, html)


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
    text = propose_mapping(path, questionnaire_of(questionnaire), sheet)
    return write_text_file(output, text, force, [path]), text.count(': "?')


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
    warnings: Sequence[Problem] = (),
    mask: bool = True,
) -> Path:
    """Write the Excel report (``fmt="xlsx"``) or the CSV area table of one round or of two
    rounds compared. The output is checked before anything is read and written atomically;
    ``warnings`` are reported with the latest round's.
    """
    from liwindex.outputs.csv_table import write_csv
    from liwindex.outputs.excel.round import write_xlsx
    from liwindex.outputs.files import check_output, write_atomically

    path = check_output(output, force, inputs=round_paths(files))
    comparison: Comparison | None = None
    if len(files) == 2:
        pairs = read_pair(files[0], files[1], questionnaire, questionnaire_before, mapping)
        comparison = compare(pairs[0][1], pairs[1][1], resamples, seed, basis, skip_round_check)
        rounds = [comparison.before, comparison.after]
        # the analysis sheet describes the later round
        analysis = (
            analyze_round(*pairs[1], resamples, seed, comparison.after_draws) if fmt == "xlsx" else None
        )
    else:
        round_, result = read_and_score(files[0], questionnaire, mapping=mapping)
        rounds = [result]
        analysis = analyze_round(round_, result, resamples, seed) if fmt == "xlsx" else None
    rounds[-1].problems += warnings
    if fmt == "csv":
        write_atomically(path, lambda tmp: write_csv(tmp, rounds, comparison, lang))
    else:
        write_atomically(path, lambda tmp: write_xlsx(tmp, rounds, comparison, lang, analysis, mask))
    return path


def write_text_file(output: str | Path, text: str, force: bool, inputs: list[str | Path]) -> Path:
    """Write ``text`` to ``output`` atomically (no overwrite without ``force``, never over
    one of ``inputs``)."""
    return _write_output(output, force, inputs, lambda tmp: _write_utf8(tmp, text))


def _write_utf8(path: Path, text: str) -> None:
    from liwindex.text import encodable

    path.write_text(encodable(text), "utf-8")


def write_template(
    output: str | Path,
    questionnaire: str | Path | Questionnaire | None = None,
    group: str | None = None,
    lang: str = "pl",
    force: bool = False,
) -> Path:
    """Write a workbook for typing in answers, with dropdowns of the allowed answers."""
    from liwindex.outputs.forms.template import write_template as write

    q = questionnaire_of(questionnaire)
    check_group(q, group)
    return _write_output(output, force, [], lambda tmp: write(tmp, q, group, lang))


def write_xlsform(
    output: str | Path,
    questionnaire: str | Path | Questionnaire | None = None,
    group: str | None = None,
    force: bool = False,
) -> Path:
    """Write the questionnaire as an XLSForm for KoboToolbox and ODK."""
    from liwindex.outputs.forms.xlsform import write_xlsform as write

    q = questionnaire_of(questionnaire)
    check_group(q, group)
    return _write_output(output, force, [], lambda tmp: write(tmp, q, group))


def questionnaire_document(
    questionnaire: str | Path | Questionnaire | None = None,
    fmt: str = "md",
    lang: str = "pl",
    group: str | None = None,
) -> str:
    """The questionnaire as a printable document (Markdown or HTML)."""
    from liwindex.outputs.forms.paper import document, to_html, to_markdown

    q = questionnaire_of(questionnaire)
    check_group(q, group)
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


def write_dataset(
    items: list[str],
    output: str | Path,
    force: bool = False,
    lang: str = "pl",
    questionnaire: str | Path | None = None,
    mapping: str | Path | None = None,
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Path, int, list[Problem]]:
    """The open dataset of every round under ``items`` (folders give the rounds under them,
    as in ``benchmark``): ``.csv``, or ``.parquet`` with pyarrow. Returns the file, how many
    rounds it holds and the notes about files passed over."""
    from liwindex.compare.dataset import dataset_rows
    from liwindex.outputs.dataset import write_dataset as write
    from liwindex.outputs.files import check_output, check_suffix, write_atomically
    from liwindex.responses.discovery import find_rounds

    check_suffix(output, (".csv", ".parquet"))
    rounds, notes = find_rounds(items)
    target = check_output(output, force, inputs=round_paths(rounds))
    results = score_many(rounds, questionnaire, mapping, jobs, progress, compact=True)
    rows = dataset_rows(results, lang)
    write_atomically(target, lambda tmp: write(tmp, rows, target.suffix.lower() == ".parquet"))
    return target, len(results), notes


def pdf_engine() -> str | None:
    """The engine that would print a PDF here ("weasyprint", "chromium"), or None."""
    from liwindex.outputs.pdf import engine

    return engine()
