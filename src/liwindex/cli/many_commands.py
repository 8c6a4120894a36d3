"""Commands on many rounds and many JSTs: trend, benchmark, batch."""

from __future__ import annotations

import sys
from typing import Any

import click

from liwindex.cli.options import (
    FORCE,
    JOBS,
    JSON,
    LANG,
    MAPPING,
    NO_MASKING,
    QUESTIONNAIRE,
    QUIET,
    bootstrap_option,
    many_rounds_options,
)
from liwindex.cli.output import (
    handle_errors,
    masking_warning,
    say_written,
    stderr_console,
    stdout_console,
    to_json,
    within_cores,
)


def _many_rounds(
    kind: str,
    files: tuple[str, ...],
    outputs: tuple[str, ...],
    force: bool,
    author: str | None,
    questionnaire_path: str | None,
    mapping_path: str | None,
    jobs: int | None,
    quiet: bool,
    as_json: bool,
    lang: str,
) -> None:
    """trend and benchmark: every output name checked before any work, the rounds read
    (on ``jobs`` workers), the files written, then the table or JSON and the problems."""
    from liwindex import api
    from liwindex.api import check_output, check_suffix
    from liwindex.cli.progress import Progress

    for output in outputs:  # every name checked before any work
        check_suffix(output, (".xlsx", ".html", ".htm", ".pdf"))
        check_output(output, force, inputs=list(files))
    read = api.trend_files if kind == "trend" else api.benchmark_files
    jobs = within_cores(jobs, lang)
    progress = Progress(lang, quiet)
    try:
        data = read(list(files), questionnaire_path, mapping_path, jobs, progress)
    finally:
        progress.close()
    for output in outputs:
        say_written(api.write_multi(kind, data, output, force, lang, list(files), author), lang)
    if as_json:
        click.echo(to_json(data.to_dict(lang)))
    else:
        from liwindex.cli.render_many import render_benchmark, render_trend

        if isinstance(data, api.Trend):
            render_trend(data, stdout_console(), lang)
        else:
            render_benchmark(data, stdout_console(), lang)
    if data.problems:  # rich is imported only for something to show
        from liwindex.cli import render

        render.render_problems(data.problems, stderr_console(), lang)


@click.command("trend")
@many_rounds_options
@handle_errors
def trend_command(**options: Any) -> None:
    """Each area, płaszczyzna and the index across the rounds in FILES (ordered by the
    year and round in their metryka)."""
    _many_rounds("trend", **options)


@click.command("benchmark")
@many_rounds_options
@handle_errors
def benchmark_command(**options: Any) -> None:
    """Local governments side by side: one round each (FILES or folders of them), ranked
    per area and on the index, each against the group's median."""
    _many_rounds("benchmark", **options)


@click.command("batch")
@click.argument("folder", type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    metavar="FOLDER",
    help="The folder for the reports (created if missing).",
)
@click.option("--force", is_flag=True, help="Replace the output files if they exist.")
@QUESTIONNAIRE
@MAPPING
@bootstrap_option(2000)
@click.option(
    "--basis",
    type=click.Choice(["survey", "grades"]),
    default=None,
    help="What the change is computed from: survey scores or working-group grades "
    "(default: grades when both rounds grade every area, else survey).",
)
@JOBS
@QUIET
@NO_MASKING
@JSON
@LANG
@handle_errors
def batch_command(
    folder: str,
    outdir: str,
    force: bool,
    questionnaire_path: str | None,
    mapping_path: str | None,
    resamples: int,
    seed: int,
    basis: str | None,
    jobs: int | None,
    quiet: bool,
    no_masking: bool,
    as_json: bool,
    lang: str,
) -> None:
    """Every JST under FOLDER at once: each JST's comparison (first round against the
    latest) as Excel and HTML, its trend when it has more rounds, and one summary of all
    JSTs (podsumowanie.html, podsumowanie.xlsx). Rounds are grouped by the JST their
    metryka names; a folder with a metryka.yaml is one round of all its files. A JST with
    broken files is reported and the others are done (exit 1 at the end)."""
    from liwindex.api import load_mapping, load_questionnaire, run_batch
    from liwindex.cli.progress import Progress
    from liwindex.cli.render import render_problems
    from liwindex.cli.render_many import render_batch
    from liwindex.cli.terminal import plain
    from liwindex.i18n import t

    q = load_questionnaire(questionnaire_path)
    loaded = load_mapping(mapping_path, q) if mapping_path else None
    jobs = within_cores(jobs, lang)
    progress = Progress(lang, quiet)
    try:
        result = run_batch(
            folder, outdir, q, loaded, force, lang, resamples, seed, basis, jobs, progress, not no_masking
        )
    finally:
        progress.close()
    console = stderr_console()
    if as_json:
        click.echo(to_json(result.to_dict(lang)))
    elif not quiet:
        render_batch(result, stdout_console(), lang)
    if not quiet:  # names taken as one JST or kept apart: said here, not only in the summary
        render_problems([p for p in result.notes if p.code.startswith("jst-")], console, lang)
    if result.failed:
        console.print(t("batch_jst_failed", lang, n=len(result.failed)), style="bold red")
        for run in result.failed:
            console.print(plain(f"{run.name} — {run.failure(lang)}"), style="red")
    if result.unassigned:
        console.print(t("batch_unassigned", lang, n=len(result.unassigned)), style="bold red")
        render_problems(result.unassigned, console, lang)
    written = sum(len(r.written) for r in result.runs) + len(result.summary)
    click.echo(t("batch_written", lang, n=written, folder=outdir), err=True)
    masking_warning(no_masking, lang)
    if result.failed or result.unassigned:
        console.print(t("batch_failed", lang, n=len(result.failed), u=len(result.unassigned)), style="red")
        sys.exit(1)


@click.command("dataset")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="PATH",
    help="The dataset to write: .csv, or .parquet (needs pyarrow).",
)
@FORCE
@QUESTIONNAIRE
@MAPPING
@JOBS
@QUIET
@LANG
@handle_errors
def dataset_command(
    files: tuple[str, ...],
    output: str,
    force: bool,
    questionnaire_path: str | None,
    mapping_path: str | None,
    jobs: int | None,
    quiet: bool,
    lang: str,
) -> None:
    """The open dataset of every round in FILES or folders (found as benchmark finds them):
    one row per JST, round, level (index, płaszczyzna, area) and group, with the survey
    score, the grade, the final value, respondents and the provisional mark
    (docs/dataset.md)."""
    from liwindex.api import check_suffix, write_dataset
    from liwindex.cli.progress import Progress
    from liwindex.cli.render import render_problems

    check_suffix(output, (".csv", ".parquet"))
    jobs = within_cores(jobs, lang)
    progress = Progress(lang, quiet)
    try:
        path, _, notes = write_dataset(
            list(files), output, force, lang, questionnaire_path, mapping_path, jobs, progress
        )
    finally:
        progress.close()
    if notes and not quiet:
        render_problems(notes, stderr_console(), lang)
    say_written(path, lang)
