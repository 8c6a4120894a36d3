"""Commands on one round or a pair: score, compare, export, analyze, report, validate."""

from __future__ import annotations

import click

from liwindex.cli.options import (
    AUTHOR,
    FORCE,
    JSON,
    LANG,
    MAPPING,
    NO_MASKING,
    QUESTIONNAIRE,
    before_after_options,
    bootstrap_option,
    comparison_options,
    round_options,
)
from liwindex.cli.output import (
    handle_errors,
    masking_warning,
    print_report,
    say_written,
    stderr_console,
    stdout_console,
    to_json,
)
from liwindex.cli.rounds import make_rounds, rounds_of


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, path_type=str))
@QUESTIONNAIRE
@click.option("--sheet", metavar="NAME", help="Sheet with the responses (default: the first).")
@round_options(several=False)
@MAPPING
@bootstrap_option(0)
@JSON
@LANG
@handle_errors
def score(
    files: tuple[str, ...],
    questionnaire_path: str | None,
    sheet: str | None,
    groups: tuple[str, ...],
    jst: str | None,
    teryt: str | None,
    years: int | None,
    stages: str | None,
    mapping_path: str | None,
    resamples: int,
    seed: int,
    as_json: bool,
    lang: str,
) -> None:
    """Score one round: index, płaszczyzny and areas from FILES (.xlsx, .xls, .ods, .csv);
    several files (an NGO file and an administration file) or a folder make one round."""
    from liwindex.api import score_file, with_intervals
    from liwindex.cli.render import render_problems, render_score

    [spec] = make_rounds([files], groups, jst, years, stages, teryt)
    result = score_file(spec, questionnaire_path, sheet=sheet, mapping=mapping_path)
    with_intervals(result, resamples, seed)
    if as_json:
        click.echo(to_json(result.to_dict(lang)))
    else:
        render_score(result, stdout_console(), lang)
    render_problems(result.problems, stderr_console(), lang)


@click.command("compare")
@click.argument("rounds", nargs=-1, metavar="BEFORE AFTER", type=click.Path(path_type=str))
@before_after_options
@QUESTIONNAIRE
@click.option(
    "--questionnaire-before",
    "questionnaire_before",
    metavar="PATH",
    help="Questionnaire of the BEFORE round when it used another version.",
)
@round_options(several=True)
@MAPPING
@bootstrap_option(2000)
@comparison_options
@JSON
@LANG
@handle_errors
def compare_command(
    rounds: tuple[str, ...],
    before_files: tuple[str, ...],
    after_files: tuple[str, ...],
    questionnaire_path: str | None,
    questionnaire_before: str | None,
    groups: tuple[str, ...],
    jst: str | None,
    teryt: str | None,
    years: tuple[int, ...],
    stages: tuple[str, ...],
    mapping_path: str | None,
    resamples: int,
    seed: int,
    basis: str | None,
    skip_round_check: bool,
    as_json: bool,
    lang: str,
) -> None:
    """Compare two rounds like for like: before, after, change and percent for the index,
    płaszczyzny and areas, on one basis (survey scores or working-group grades), with the
    other kind and each group's survey change beside it."""
    from liwindex.api import compare_files
    from liwindex.cli.render import render_comparison, render_problems

    before, after = make_rounds(
        rounds_of(rounds, before_files, after_files, (2, 2)), groups, jst, years, stages, teryt
    )
    comparison = compare_files(
        before,
        after,
        questionnaire_path,
        questionnaire_before,
        mapping=mapping_path,
        resamples=resamples,
        seed=seed,
        basis=basis,
        skip_round_check=skip_round_check,
    )
    if as_json:
        click.echo(to_json(comparison.to_dict(lang)))
    else:
        render_comparison(comparison, stdout_console(), lang)
    render_problems(
        [*comparison.before.problems, *comparison.after.problems, *comparison.problems],
        stderr_console(),
        lang,
    )


@click.command("export")
@click.argument("files", nargs=-1, metavar="FILE [FILE]", type=click.Path(path_type=str))
@before_after_options
@click.option("-o", "--output", required=True, metavar="PATH", help="The report file to write.")
@FORCE
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "csv"]),
    default=None,
    help="xlsx: the full report (default); csv: the area table (default for *.csv).",
)
@QUESTIONNAIRE
@click.option(
    "--questionnaire-before",
    "questionnaire_before",
    metavar="PATH",
    help="Questionnaire of the first round when it used another version.",
)
@round_options(several=True)
@MAPPING
@bootstrap_option(2000)
@comparison_options
@NO_MASKING
@LANG
@handle_errors
def export_command(
    files: tuple[str, ...],
    before_files: tuple[str, ...],
    after_files: tuple[str, ...],
    output: str,
    force: bool,
    fmt: str | None,
    questionnaire_path: str | None,
    questionnaire_before: str | None,
    groups: tuple[str, ...],
    jst: str | None,
    teryt: str | None,
    years: tuple[int, ...],
    stages: tuple[str, ...],
    mapping_path: str | None,
    resamples: int,
    seed: int,
    basis: str | None,
    skip_round_check: bool,
    no_masking: bool,
    lang: str,
) -> None:
    """Write the Excel report of one round (FILE) or a comparison of two (BEFORE AFTER)."""
    from liwindex.api import check_suffix, export_report

    specs = make_rounds(
        rounds_of(files, before_files, after_files, (1, 2)), groups, jst, years, stages, teryt
    )
    check_suffix(output, (f".{fmt}",) if fmt else (".xlsx", ".csv"))
    fmt = fmt or ("csv" if output.lower().endswith(".csv") else "xlsx")
    path = export_report(
        specs,
        output,
        fmt,
        force,
        lang,
        questionnaire_path,
        questionnaire_before,
        mapping=mapping_path,
        resamples=resamples,
        seed=seed,
        basis=basis,
        skip_round_check=skip_round_check,
        mask=not no_masking,
    )
    say_written(path, lang)
    masking_warning(no_masking, lang)


@click.command("analyze")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@QUESTIONNAIRE
@click.option("--sheet", metavar="NAME", help="Sheet with the responses (default: the first).")
@round_options(several=False)
@MAPPING
@bootstrap_option(2000)
@click.option("-o", "--output", metavar="PATH", help="Also write the Excel report with the analysis.")
@FORCE
@NO_MASKING
@JSON
@LANG
@handle_errors
def analyze_command(
    files: tuple[str, ...],
    questionnaire_path: str | None,
    sheet: str | None,
    groups: tuple[str, ...],
    jst: str | None,
    teryt: str | None,
    years: int | None,
    stages: str | None,
    mapping_path: str | None,
    resamples: int,
    seed: int,
    output: str | None,
    force: bool,
    no_masking: bool,
    as_json: bool,
    lang: str,
) -> None:
    """Beyond averages for FILES (one round): 95% intervals, reliability (Cronbach's alpha),
    the gap between NGOs and the administration, data quality and the sensitivity of the
    index."""
    from liwindex.api import analyze_file, check_suffix, write_analysis
    from liwindex.cli.render import render_problems
    from liwindex.cli.render_many import render_analysis

    if output:
        check_suffix(output, (".xlsx",))

    [spec] = make_rounds([files], groups, jst, years, stages, teryt)
    analysis = analyze_file(spec, questionnaire_path, sheet, None, mapping_path, resamples, seed)
    if output:
        say_written(write_analysis(analysis, output, force, lang, list(files), not no_masking), lang)
        masking_warning(no_masking, lang)
    if as_json:
        click.echo(to_json(analysis.to_dict(lang)))
    else:
        render_analysis(analysis, stdout_console(), lang)
    render_problems([*analysis.result.problems, *analysis.problems], stderr_console(), lang)


@click.command("report")
@click.argument("files", nargs=-1, metavar="FILE...", type=click.Path(path_type=str))
@before_after_options
@click.option("-o", "--output", required=True, metavar="PATH", help="The HTML page to write.")
@click.option("--pdf", metavar="PATH", help="Also write the report as PDF (A4).")
@click.option("--force", is_flag=True, help="Replace the output files if they exist.")
@AUTHOR
@QUESTIONNAIRE
@round_options(several=True)
@MAPPING
@bootstrap_option(2000)
@comparison_options
@NO_MASKING
@LANG
@handle_errors
def report_command(
    files: tuple[str, ...],
    before_files: tuple[str, ...],
    after_files: tuple[str, ...],
    output: str,
    pdf: str | None,
    force: bool,
    author: str | None,
    questionnaire_path: str | None,
    groups: tuple[str, ...],
    jst: str | None,
    teryt: str | None,
    years: tuple[int, ...],
    stages: tuple[str, ...],
    mapping_path: str | None,
    resamples: int,
    seed: int,
    basis: str | None,
    skip_round_check: bool,
    no_masking: bool,
    lang: str,
) -> None:
    """The report for publication (BIP, the council): a self-contained HTML page with charts,
    readable on a phone and printable on A4, and optionally its PDF. Two or more FILES: the
    first round compared with the last."""
    from liwindex.api import check_suffix, write_report

    specs = make_rounds(
        rounds_of(files, before_files, after_files, (1, 1000)), groups, jst, years, stages, teryt
    )
    check_suffix(output, (".html", ".htm", ".pdf"))
    if pdf is not None:
        check_suffix(pdf, (".pdf",))
    for path in write_report(
        specs,
        output,
        pdf,
        force,
        lang,
        questionnaire_path,
        mapping_path,
        resamples,
        seed,
        basis=basis,
        skip_round_check=skip_round_check,
        author=author,
        mask=not no_masking,
    ):
        say_written(path, lang)
    masking_warning(no_masking, lang)


@click.command("annex")
@click.argument("files", nargs=-1, metavar="FILE...", type=click.Path(path_type=str))
@before_after_options
@click.option("-o", "--output", required=True, metavar="PATH", help="The annex to write: .docx or .html.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@AUTHOR
@QUESTIONNAIRE
@round_options(several=True)
@MAPPING
@bootstrap_option(2000)
@comparison_options
@NO_MASKING
@LANG
@handle_errors
def annex_command(
    files: tuple[str, ...],
    before_files: tuple[str, ...],
    after_files: tuple[str, ...],
    output: str,
    force: bool,
    author: str | None,
    questionnaire_path: str | None,
    groups: tuple[str, ...],
    jst: str | None,
    teryt: str | None,
    years: tuple[int, ...],
    stages: tuple[str, ...],
    mapping_path: str | None,
    resamples: int,
    seed: int,
    basis: str | None,
    skip_round_check: bool,
    no_masking: bool,
    lang: str,
) -> None:
    """The annex to the yearly report on the cooperation programme (sprawozdanie, art. 5a
    ust. 3): one or two pages in Word (.docx, headings and tables to edit) or HTML — who was
    asked, the LIJW index and płaszczyzny before and after, the areas, three findings, the
    working group's recommendations and a clause for the programme. Two or more FILES: the
    first round compared with the last."""
    from liwindex.api import check_suffix, write_annex

    specs = make_rounds(
        rounds_of(files, before_files, after_files, (1, 1000)), groups, jst, years, stages, teryt
    )
    check_suffix(output, (".docx", ".html", ".htm"))
    path = write_annex(
        specs,
        output,
        force,
        lang,
        questionnaire_path,
        mapping_path,
        resamples,
        seed,
        basis=basis,
        skip_round_check=skip_round_check,
        author=author,
        mask=not no_masking,
    )
    say_written(path, lang)
    masking_warning(no_masking, lang)


@click.command("grading-pack")
@click.argument("files", nargs=-1, required=True, metavar="ROUND...", type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    required=True,
    metavar="PATH",
    help="A file to write: .xlsx (the grades workbook to fill), .html or .pdf (the cards "
    "to print); give -o several times for several.",
)
@click.option(
    "--previous",
    metavar="ROUND",
    type=click.Path(path_type=str),
    help="The previous round (a file or folder): its grades and recommendations on the cards.",
)
@click.option("--force", is_flag=True, help="Replace the output files if they exist.")
@QUESTIONNAIRE
@click.option("--sheet", metavar="NAME", help="Sheet with the responses (default: the first).")
@round_options(several=False)
@MAPPING
@LANG
@handle_errors
def grading_pack_command(
    files: tuple[str, ...],
    outputs: tuple[str, ...],
    previous: str | None,
    force: bool,
    questionnaire_path: str | None,
    sheet: str | None,
    groups: tuple[str, ...],
    jst: str | None,
    teryt: str | None,
    years: int | None,
    stages: str | None,
    mapping_path: str | None,
    lang: str,
) -> None:
    """The working group's meeting pack for the round in ROUND... (files or a folder): a
    cover and one printable A4 card per area (.html, .pdf) with the questions' answers per
    group, the NGO and administration means and the previous grade, and the grades workbook
    to fill (.xlsx), which put into the round's folder is read as its grades."""
    from liwindex.api import check_suffix, write_grading_pack

    for output in outputs:
        check_suffix(output, (".xlsx", ".html", ".htm", ".pdf"))
    [spec] = make_rounds([files], groups, jst, years, stages, teryt)
    for path in write_grading_pack(
        spec, outputs, previous, force, lang, questionnaire_path, mapping_path, sheet
    ):
        say_written(path, lang)


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@QUESTIONNAIRE
@click.option("--sheet", metavar="NAME", help="Sheet with the responses (default: the first).")
@round_options(several=False)
@MAPPING
@JSON
@LANG
@handle_errors
def validate_command(
    files: tuple[str, ...],
    questionnaire_path: str | None,
    sheet: str | None,
    groups: tuple[str, ...],
    jst: str | None,
    teryt: str | None,
    years: int | None,
    stages: str | None,
    mapping_path: str | None,
    as_json: bool,
    lang: str,
) -> None:
    """Check FILES (one round) and list every problem (errors, warnings, notes) with its
    place and fix.

    Exit 0 when the files have no error, 1 otherwise."""
    from liwindex.api import validate_file

    [spec] = make_rounds([files], groups, jst, years, stages, teryt)
    report = validate_file(spec, questionnaire_path, sheet=sheet, mapping=mapping_path)
    print_report(report, spec.source, as_json, lang)
