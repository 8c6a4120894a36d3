"""The ``liwindex`` command line: thin commands over :mod:`liwindex.api`.

Exit codes: 0 success, 1 invalid input or a failed run, 2 wrong usage. Heavy modules
(pandas, rich, the library) are imported inside commands so that ``--help`` is instant.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from liwindex import __version__

F = TypeVar("F", bound=Callable[..., Any])

LANG = click.option(
    "--lang", type=click.Choice(["pl", "en"]), default="pl", envvar="LIWINDEX_LANG",
    show_default=True, help="Language of labels and messages (also LIWINDEX_LANG).",
)
JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON (SPEC §4) instead of tables.")
FORCE = click.option("--force", is_flag=True, help="Replace the output file if it exists.")
AUTHOR = click.option("--autor", "--author", "author", metavar="TEXT",
                      help="Author or organisation named on the report, e.g. the support centre.")
MAPPING = click.option(
    "--mapping", "mapping_path", metavar="PATH",
    help="Mapping file for exports nothing recognises (see 'liwindex mapping init').",
)

def bootstrap_option(default: int) -> Callable[[F], F]:
    """--bootstrap N and --seed, shared by the commands that compute intervals."""

    def decorate(func: F) -> F:
        func = click.option("--seed", type=click.IntRange(0, 2**32 - 1), default=2026, show_default=True,
                            help="Seed of the bootstrap (same seed, same intervals).")(func)
        return click.option(
            "--bootstrap", "resamples", type=click.IntRange(0, 100_000), default=default,
            show_default=True, metavar="N",
            help="Bootstrap resamples for 95% intervals of the survey scores (0: none).")(func)

    return decorate


def comparison_options(func: F) -> F:
    """--basis and --skip-round-check, shared by the commands that compare two rounds."""
    func = click.option(
        "--skip-round-check", is_flag=True,
        help="Compare even when metryka names two different JSTs or puts BEFORE after AFTER.")(func)
    return click.option(
        "--basis", type=click.Choice(["survey", "grades"]), default=None,
        help="What the change is computed from: survey scores or working-group grades "
        "(default: grades when both rounds grade every area, else survey).")(func)


ETAPS = ("wstępna", "powdrożeniowa", "roczna")  # liwindex.grades.ETAPS, without its imports


def round_options(several: bool) -> Callable[[F], F]:
    """--group (ID or FILE=ID), --jst, --rok and --etap for the commands that read rounds;
    with ``several`` rounds --rok and --etap are given once per round, in their order."""

    def decorate(func: F) -> F:
        per_round = " Once per round, in the order of the rounds." if several else ""
        for option in reversed([
            click.option("--group", "groups", multiple=True, metavar="ID|FILE=ID",
                         help="Group of the rows without a group column or cell (ID), or of "
                         "one file (FILE=ID, e.g. urzad.csv=jst); repeatable."),
            click.option("--jst", metavar="NAME",
                         help="The local government's name when no metryka gives it."),
            click.option("--rok", "years", type=click.IntRange(1990, 2100), multiple=several,
                         metavar="YEAR", help="The year assessed when no metryka gives it." + per_round),
            click.option("--etap", "stages", type=click.Choice(ETAPS, case_sensitive=False),
                         multiple=several,
                         help="The stage when no metryka gives it." + per_round),
        ]):
            func = option(func)
        return func

    return decorate


def before_after_options(func: F) -> F:
    """--before and --after: a round made of several files, given file by file."""
    func = click.option("--after", "after_files", multiple=True, metavar="PATH",
                        help="A file of the AFTER round (repeat for each file).")(func)
    return click.option("--before", "before_files", multiple=True, metavar="PATH",
                        help="A file of the BEFORE round (repeat for each file).")(func)


def _as_tuple(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, tuple | list) else (value,)


def make_rounds(rounds: list[tuple[str, ...]], groups: tuple[str, ...], jst: str | None,
                years: Any, stages: Any) -> list[Any]:
    """The RoundFiles of the command line: each round's files, the groups given per file
    (FILE=ID) or for all (ID), and the metadata given by hand, per round in order."""
    from liwindex.api import Meta, RoundFiles, round_files, same_file

    years, stages = _as_tuple(years), _as_tuple(stages)
    for name, values in (("--rok", years), ("--etap", stages)):
        if values and len(values) != len(rounds):
            raise click.UsageError(_t_usage("per_round", name=name, n=len(rounds)))
    default = [g for g in groups if "=" not in g]
    if len(default) > 1:
        raise click.UsageError(_t_usage("one_group", value=", ".join(default)))
    pairs = [tuple(g.rsplit("=", 1)) for g in groups if "=" in g]
    # the rounds' files are listed here only when a FILE=ID must find its round
    files_of = [round_files(r) for r in rounds] if pairs else [[] for _ in rounds]
    everywhere = [x for files in files_of for x in files]
    out = []
    for i, paths in enumerate(rounds):
        # a FILE=ID whose file is in no round goes to the first round, which reports it
        own = tuple((f, g) for f, g in pairs
                    if any(same_file(f, x) for x in files_of[i])
                    or (i == 0 and not any(same_file(f, x) for x in everywhere)))
        meta = Meta(jst=jst, rok=years[i] if years else None, etap=stages[i] if stages else None)
        out.append(RoundFiles(paths=paths, group=default[0] if default else None,
                              groups=own, meta=meta))
    return out


def rounds_of(positional: tuple[str, ...], before: tuple[str, ...], after: tuple[str, ...],
              counts: tuple[int, int]) -> list[tuple[str, ...]]:
    """Each positional argument is a round (a folder: the files in it), or --before and
    --after give the two rounds file by file."""
    if before or after:
        if positional or not (before and after):
            raise click.UsageError(_t_usage("before_after"))
        return [before, after]
    if not counts[0] <= len(positional) <= counts[1]:
        raise click.UsageError(_t_usage("rounds_count", low=counts[0], high=counts[1],
                                        n=len(positional)))
    return [(p,) for p in positional]


USAGE = {
    "per_round": {"pl": "{name} podaj raz dla każdego etapu ({n}), w kolejności etapów.",
                  "en": "give {name} once per round ({n}), in the order of the rounds."},
    "one_group": {"pl": "--group bez pliku może być tylko jedna (podano: {value}); dla "
                        "poszczególnych plików użyj --group PLIK=ID.",
                  "en": "only one --group without a file (given: {value}); for single files "
                        "use --group FILE=ID."},
    "before_after": {"pl": "podaj etapy jako argumenty PRZED PO albo oba przez --before i "
                           "--after, nie w obu formach naraz.",
                     "en": "give the rounds as BEFORE AFTER arguments or both with --before and "
                           "--after, not both ways at once."},
    "rounds_count": {"pl": "oczekiwano od {low} do {high} etapów, podano {n}. Etap z kilku "
                           "plików podaj jako folder albo przez --before/--after.",
                     "en": "expected {low} to {high} rounds, got {n}. Give a round made of "
                           "several files as a folder or with --before/--after."},
}


def _t_usage(key: str, **params: Any) -> str:
    lang = click.get_current_context().params.get("lang", "pl")
    return USAGE[key][lang].format(**params)


JOBS = click.option("--jobs", "-j", type=click.IntRange(1, 512), default=None, metavar="N",
                    help="Worker processes reading the files (default: every core; 1: none).")
QUIET = click.option("--quiet", is_flag=True, help="No progress bar.")

QUESTIONNAIRE = click.option(
    "--questionnaire", "-q", "questionnaire_path", metavar="PATH",
    help="Questionnaire YAML file (default: the standard LIJW questionnaire).",
)


def _json(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)


def _stderr() -> Any:
    from rich.console import Console

    # soft_wrap: messages stay one line each, so the terminal wraps them and grep finds them
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _stdout(soft_wrap: bool = False) -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=soft_wrap)


def _written(path: object, lang: str) -> None:
    """Say on stderr which file was written."""
    click.echo(("Zapisano: " if lang == "pl" else "Written: ") + str(path), err=True)


def handle_errors(func: F) -> F:
    """Turn invalid input into a list of problems and exit 1; never show a traceback
    unless ``--debug`` was given."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from liwindex.problems import InputError

        ctx = click.get_current_context()
        lang = ctx.params.get("lang", "pl")
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            from liwindex.cli.render import render_problems
            from liwindex.i18n import t

            console = _stderr()
            render_problems(exc.report.problems, console, lang)
            console.print(t("errors_found", lang, n=len(exc.report.errors)), style="red")
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if ctx.find_root().params.get("debug"):
                raise
            message = (
                f"Błąd programu: {type(exc).__name__}: {exc}. Uruchom z --debug, aby zobaczyć "
                "szczegóły, i zgłoś problem."
                if lang == "pl"
                else f"Program error: {type(exc).__name__}: {exc}. Run with --debug for "
                "details and report the problem."
            )
            click.echo(message, err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="liwindex")
@click.option("--debug", is_flag=True, help="Show tracebacks of program errors.")
def cli(debug: bool) -> None:
    """liwindex — Lokalny Indeks Jakości Współpracy (LIJW).

    Scores the self-assessment of cooperation between a local government (JST) and NGOs
    from survey workbooks, compares rounds and writes reports.
    """


@cli.command()
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
    files: tuple[str, ...], questionnaire_path: str | None, sheet: str | None,
    groups: tuple[str, ...], jst: str | None, years: int | None, stages: str | None,
    mapping_path: str | None, resamples: int, seed: int, as_json: bool, lang: str,
) -> None:
    """Score one round: index, płaszczyzny and areas from FILES (.xlsx, .xls, .ods, .csv);
    several files (an NGO file and an administration file) or a folder make one round."""
    from liwindex.api import score_file, with_intervals
    from liwindex.cli.render import render_problems, render_score

    [spec] = make_rounds([files], groups, jst, years, stages)
    result = score_file(spec, questionnaire_path, sheet=sheet, mapping=mapping_path)
    with_intervals(result, resamples, seed)
    if as_json:
        click.echo(_json(result.to_dict(lang)))
    else:
        render_score(result, _stdout(), lang)
    render_problems(result.problems, _stderr(), lang)


@cli.command("compare")
@click.argument("rounds", nargs=-1, metavar="BEFORE AFTER", type=click.Path(path_type=str))
@before_after_options
@QUESTIONNAIRE
@click.option("--questionnaire-before", "questionnaire_before", metavar="PATH",
              help="Questionnaire of the BEFORE round when it used another version.")
@round_options(several=True)
@MAPPING
@bootstrap_option(2000)
@comparison_options
@JSON
@LANG
@handle_errors
def compare_command(
    rounds: tuple[str, ...], before_files: tuple[str, ...], after_files: tuple[str, ...],
    questionnaire_path: str | None, questionnaire_before: str | None, groups: tuple[str, ...],
    jst: str | None, years: tuple[int, ...], stages: tuple[str, ...], mapping_path: str | None,
    resamples: int, seed: int, basis: str | None, skip_round_check: bool, as_json: bool, lang: str,
) -> None:
    """Compare two rounds like for like: before, after, change and percent for the index,
    płaszczyzny and areas, on one basis (survey scores or working-group grades), with the
    other kind and each group's survey change beside it."""
    from liwindex.api import compare_files
    from liwindex.cli.render import render_comparison, render_problems

    before, after = make_rounds(rounds_of(rounds, before_files, after_files, (2, 2)), groups, jst,
                                years, stages)
    comparison = compare_files(before, after, questionnaire_path, questionnaire_before,
                               mapping=mapping_path, resamples=resamples, seed=seed, basis=basis,
                               skip_round_check=skip_round_check)
    if as_json:
        click.echo(_json(comparison.to_dict(lang)))
    else:
        render_comparison(comparison, _stdout(), lang)
    render_problems([*comparison.before.problems, *comparison.after.problems,
                     *comparison.problems], _stderr(), lang)


@cli.command("export")
@click.argument("files", nargs=-1, metavar="FILE [FILE]", type=click.Path(path_type=str))
@before_after_options
@click.option("-o", "--output", required=True, metavar="PATH", help="The report file to write.")
@FORCE
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv"]), default=None,
              help="xlsx: the full report (default); csv: the area table (default for *.csv).")
@QUESTIONNAIRE
@click.option("--questionnaire-before", "questionnaire_before", metavar="PATH",
              help="Questionnaire of the first round when it used another version.")
@round_options(several=True)
@MAPPING
@bootstrap_option(2000)
@comparison_options
@LANG
@handle_errors
def export_command(
    files: tuple[str, ...], before_files: tuple[str, ...], after_files: tuple[str, ...],
    output: str, force: bool, fmt: str | None, questionnaire_path: str | None,
    questionnaire_before: str | None, groups: tuple[str, ...], jst: str | None,
    years: tuple[int, ...], stages: tuple[str, ...], mapping_path: str | None, resamples: int,
    seed: int, basis: str | None, skip_round_check: bool, lang: str,
) -> None:
    """Write the Excel report of one round (FILE) or a comparison of two (BEFORE AFTER)."""
    from liwindex.api import check_suffix, export_report

    specs = make_rounds(rounds_of(files, before_files, after_files, (1, 2)), groups, jst, years,
                        stages)
    check_suffix(output, (f".{fmt}",) if fmt else (".xlsx", ".csv"))
    fmt = fmt or ("csv" if output.lower().endswith(".csv") else "xlsx")
    path = export_report(specs, output, fmt, force, lang, questionnaire_path,
                         questionnaire_before, mapping=mapping_path, resamples=resamples, seed=seed,
                         basis=basis, skip_round_check=skip_round_check)
    _written(path, lang)


@cli.command("analyze")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@QUESTIONNAIRE
@click.option("--sheet", metavar="NAME", help="Sheet with the responses (default: the first).")
@round_options(several=False)
@MAPPING
@bootstrap_option(2000)
@click.option("-o", "--output", metavar="PATH", help="Also write the Excel report with the analysis.")
@FORCE
@JSON
@LANG
@handle_errors
def analyze_command(
    files: tuple[str, ...], questionnaire_path: str | None, sheet: str | None,
    groups: tuple[str, ...], jst: str | None, years: int | None, stages: str | None,
    mapping_path: str | None, resamples: int, seed: int, output: str | None, force: bool,
    as_json: bool, lang: str,
) -> None:
    """Beyond averages for FILES (one round): 95% intervals, reliability (Cronbach's alpha),
    the gap between NGOs and the administration, data quality and the sensitivity of the
    index."""
    from liwindex.api import analyze_file, check_suffix, write_analysis
    from liwindex.cli.render import render_analysis, render_problems

    if output:
        check_suffix(output, (".xlsx",))

    [spec] = make_rounds([files], groups, jst, years, stages)
    analysis = analyze_file(spec, questionnaire_path, sheet, None, mapping_path, resamples, seed)
    if output:
        _written(write_analysis(analysis, output, force, lang, list(files)), lang)
    if as_json:
        click.echo(_json(analysis.to_dict(lang)))
    else:
        render_analysis(analysis, _stdout(), lang)
    render_problems([*analysis.result.problems, *analysis.problems], _stderr(), lang)


@cli.command("report")
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
@LANG
@handle_errors
def report_command(files: tuple[str, ...], before_files: tuple[str, ...],
                   after_files: tuple[str, ...], output: str, pdf: str | None, force: bool,
                   author: str | None,
                   questionnaire_path: str | None, groups: tuple[str, ...], jst: str | None,
                   years: tuple[int, ...], stages: tuple[str, ...], mapping_path: str | None,
                   resamples: int, seed: int, basis: str | None, skip_round_check: bool,
                   lang: str) -> None:
    """The report for publication (BIP, the council): a self-contained HTML page with charts,
    readable on a phone and printable on A4, and optionally its PDF. Two or more FILES: the
    first round compared with the last."""
    from liwindex.api import check_suffix, write_report

    specs = make_rounds(rounds_of(files, before_files, after_files, (1, 1000)), groups, jst,
                        years, stages)
    check_suffix(output, (".html", ".htm", ".pdf"))
    if pdf is not None:
        check_suffix(pdf, (".pdf",))
    for path in write_report(specs, output, pdf, force, lang, questionnaire_path, mapping_path,
                             resamples, seed, basis=basis, skip_round_check=skip_round_check,
                             author=author):
        _written(path, lang)


def many_rounds_options(func: F) -> F:
    """Options shared by trend and benchmark."""
    for option in reversed([
        click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str)),
        click.option("-o", "--output", "outputs", metavar="PATH", multiple=True,
                     help="Also write this file: .xlsx (a workbook with charts), .html (a page for "
                     "publication) or .pdf (that page as PDF); repeat for several."),
        FORCE,
        AUTHOR,
        QUESTIONNAIRE, MAPPING, JOBS, QUIET, JSON, LANG,
    ]):
        func = option(func)
    return func


def _many_rounds(kind: str, files: tuple[str, ...], outputs: tuple[str, ...], force: bool,
                 author: str | None, questionnaire_path: str | None, mapping_path: str | None,
                 jobs: int | None, quiet: bool, as_json: bool, lang: str) -> None:
    from liwindex import api
    from liwindex.api import check_output, check_suffix
    from liwindex.cli.progress import Progress

    for output in outputs:  # every name checked before any work
        check_suffix(output, (".xlsx", ".html", ".htm", ".pdf"))
        check_output(output, force, inputs=list(files))
    read = api.trend_files if kind == "trend" else api.benchmark_files
    progress = Progress(lang, quiet)
    try:
        data = read(list(files), questionnaire_path, mapping_path, jobs, progress)
    finally:
        progress.close()
    for output in outputs:
        _written(api.write_multi(kind, data, output, force, lang, list(files), author), lang)
    if as_json:
        click.echo(_json(data.to_dict(lang)))
    else:
        from liwindex.cli import render

        show = render.render_trend if kind == "trend" else render.render_benchmark
        show(data, _stdout(), lang)  # type: ignore[arg-type]
    if data.problems:  # rich is imported only for something to show
        from liwindex.cli import render

        render.render_problems(data.problems, _stderr(), lang)


@cli.command("trend")
@many_rounds_options
@handle_errors
def trend_command(files: tuple[str, ...], outputs: tuple[str, ...], force: bool, author: str | None,
                  questionnaire_path: str | None, mapping_path: str | None, jobs: int | None,
                  quiet: bool, as_json: bool, lang: str) -> None:
    """Each area, płaszczyzna and the index across the rounds in FILES (ordered by the
    year and round in their metryka)."""
    _many_rounds("trend", files, outputs, force, author, questionnaire_path, mapping_path, jobs,
                 quiet, as_json, lang)


@cli.command("benchmark")
@many_rounds_options
@handle_errors
def benchmark_command(files: tuple[str, ...], outputs: tuple[str, ...], force: bool,
                      author: str | None, questionnaire_path: str | None, mapping_path: str | None,
                      jobs: int | None, quiet: bool, as_json: bool, lang: str) -> None:
    """Local governments side by side: one round each (FILES or folders of them), ranked
    per area and on the index, each against the group's median."""
    _many_rounds("benchmark", files, outputs, force, author, questionnaire_path, mapping_path, jobs,
                 quiet, as_json, lang)


@cli.command("batch")
@click.argument("folder", type=click.Path(path_type=str))
@click.option("-o", "--output", "outdir", required=True, metavar="FOLDER",
              help="The folder for the reports (created if missing).")
@click.option("--force", is_flag=True, help="Replace the output files if they exist.")
@QUESTIONNAIRE
@MAPPING
@bootstrap_option(2000)
@click.option("--basis", type=click.Choice(["survey", "grades"]), default=None,
              help="What the change is computed from: survey scores or working-group grades "
              "(default: grades when both rounds grade every area, else survey).")
@JOBS
@QUIET
@LANG
@handle_errors
def batch_command(folder: str, outdir: str, force: bool, questionnaire_path: str | None,
                  mapping_path: str | None, resamples: int, seed: int, basis: str | None,
                  jobs: int | None, quiet: bool, lang: str) -> None:
    """Every JST under FOLDER at once: each JST's comparison (first round against the
    latest) as Excel and HTML, its trend when it has more rounds, and one summary of all
    JSTs (podsumowanie.html, podsumowanie.xlsx). Rounds are grouped by the JST their
    metryka names; a folder with a metryka.yaml is one round of all its files. A JST with
    broken files is reported and the others are done (exit 1 at the end)."""
    from liwindex.api import load_mapping, load_questionnaire, run_batch
    from liwindex.cli.progress import Progress
    from liwindex.cli.render import render_batch, render_problems
    from liwindex.i18n import t

    q = load_questionnaire(questionnaire_path)
    loaded = load_mapping(mapping_path, q) if mapping_path else None
    progress = Progress(lang, quiet)
    try:
        result = run_batch(folder, outdir, q, loaded, force, lang, resamples, seed, basis, jobs,
                           progress)
    finally:
        progress.close()
    render_batch(result, _stdout(), lang)
    console = _stderr()
    for run in result.failed:
        console.print(f"{run.name}:", style="bold red")
        render_problems(run.problems, console, lang)
    render_problems(result.unassigned, console, lang)
    written = sum(len(r.written) for r in result.runs) + len(result.summary)
    click.echo(t("batch_written", lang, n=written, folder=outdir), err=True)
    if result.failed or result.unassigned:
        console.print(t("batch_failed", lang, n=len(result.failed), u=len(result.unassigned)),
                      style="red")
        sys.exit(1)


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@QUESTIONNAIRE
@click.option("--sheet", metavar="NAME", help="Sheet with the responses (default: the first).")
@round_options(several=False)
@MAPPING
@JSON
@LANG
@handle_errors
def validate_command(
    files: tuple[str, ...], questionnaire_path: str | None, sheet: str | None,
    groups: tuple[str, ...], jst: str | None, years: int | None, stages: str | None,
    mapping_path: str | None, as_json: bool, lang: str,
) -> None:
    """Check FILES (one round) and list every problem (errors, warnings, notes) with its
    place and fix.

    Exit 0 when the files have no error, 1 otherwise."""
    from liwindex.api import validate_file

    [spec] = make_rounds([files], groups, jst, years, stages)
    report = validate_file(spec, questionnaire_path, sheet=sheet, mapping=mapping_path)
    _print_report(report, spec.source, as_json, lang)


def _print_report(report: Any, file: str, as_json: bool, lang: str) -> None:
    """Every problem on stdout (or the JSON report) with the verdict line; exit 1 when
    there is an error (validate, mapping check)."""
    from liwindex.cli.render import render_problems
    from liwindex.i18n import t

    if as_json:
        click.echo(_json(report.to_dict(lang, file)))
    else:
        render_problems(report.problems, _stdout(soft_wrap=True), lang)
        key = "valid" if report.valid else "errors_found"
        click.echo(t(key, lang, n=len(report.errors), w=len(report.warnings)))
    if not report.valid:
        sys.exit(1)


@cli.group()
def mapping() -> None:
    """Mapping files for survey exports that nothing recognises."""


@mapping.command("init")
@click.argument("file", type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, metavar="PATH", help="The mapping file to write.")
@FORCE
@QUESTIONNAIRE
@click.option("--sheet", metavar="NAME", help="Sheet with the responses (default: the first).")
@LANG
@handle_errors
def mapping_init(file: str, output: str, force: bool, questionnaire_path: str | None,
                 sheet: str | None, lang: str) -> None:
    """Propose a mapping of FILE's columns and answers onto the questionnaire; entries
    marked "?" must be checked (and the "?" removed) before the mapping can be used."""
    from liwindex.api import check_suffix, write_mapping_proposal

    check_suffix(output, (".yaml", ".yml"))

    path, unsure = write_mapping_proposal(file, output, questionnaire_path, sheet=sheet, force=force)
    message = (f"Zapisano: {path}; do sprawdzenia (oznaczone „?”): {unsure}" if lang == "pl"
               else f"Written: {path}; to check (marked '?'): {unsure}")
    click.echo(message, err=True)


@mapping.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--mapping", "mapping_path", required=True, metavar="PATH", help="The mapping file to check.")
@QUESTIONNAIRE
@click.option("--sheet", metavar="NAME", help="Sheet with the responses (default: the first).")
@click.option("--group", metavar="ID", help="Group of rows without a group column or cell.")
@JSON
@LANG
@handle_errors
def mapping_check(files: tuple[str, ...], mapping_path: str, questionnaire_path: str | None,
                  sheet: str | None, group: str | None, as_json: bool, lang: str) -> None:
    """Check a mapping against FILES without scoring: its own problems with their lines,
    every problem of the files read with it, and entries the files do not use.

    Exit 0 when the mapping reads the files without error, 1 otherwise."""
    from liwindex.api import check_mapping_file

    report = check_mapping_file(list(files), mapping_path, questionnaire_path, sheet, group)
    _print_report(report, mapping_path, as_json, lang)


@cli.command("template")
@click.option("-o", "--output", required=True, metavar="PATH", help="The workbook to write (.xlsx).")
@FORCE
@QUESTIONNAIRE
@click.option("--group", metavar="ID", help="Only this group's questions, e.g. ngo.")
@LANG
@handle_errors
def template_command(output: str, force: bool, questionnaire_path: str | None, group: str | None,
                     lang: str) -> None:
    """Write a workbook for typing in answers: dropdowns of the allowed answers, the
    oceny and metryka sheets and instructions. A filled template scores as it is."""
    from liwindex.api import check_suffix, write_template

    check_suffix(output, (".xlsx",))

    _written(write_template(output, questionnaire_path, group, lang, force), lang)


@cli.command("xlsform")
@click.option("-o", "--output", required=True, metavar="PATH", help="The XLSForm to write (.xlsx).")
@FORCE
@QUESTIONNAIRE
@click.option("--group", metavar="ID", help="A form for one group only, e.g. ngo.")
@LANG
@handle_errors
def xlsform_command(output: str, force: bool, questionnaire_path: str | None, group: str | None,
                    lang: str) -> None:
    """Write the questionnaire as an XLSForm to upload to KoboToolbox or ODK; the data they
    export scores with no mapping."""
    from liwindex.api import check_suffix, write_xlsform

    check_suffix(output, (".xlsx",))

    _written(write_xlsform(output, questionnaire_path, group, force), lang)


@cli.group()
def questionnaire() -> None:
    """Show, check, document and start questionnaire definitions (YAML)."""


@questionnaire.command("show")
@click.argument("path", required=False)
@JSON
@LANG
@handle_errors
def questionnaire_show(path: str | None, as_json: bool, lang: str) -> None:
    """Show the whole questionnaire PATH (default: the standard one), with scales and points."""
    from liwindex.api import load_questionnaire
    from liwindex.cli.render import render_questionnaire

    q = load_questionnaire(path)
    if as_json:
        click.echo(_json(q.to_dict()))
    else:
        render_questionnaire(q, _stdout(), lang)


@questionnaire.command("check")
@click.argument("path")
@LANG
@handle_errors
def questionnaire_check(path: str, lang: str) -> None:
    """Check a questionnaire file and list every problem with its YAML path and line."""
    from liwindex.api import load_questionnaire
    from liwindex.i18n import t

    q = load_questionnaire(path)
    click.echo(t("questionnaire_ok", lang, id=q.id, version=q.version, dims=len(q.dimensions),
                 areas=len(q.areas), questions=len(q.questions)))


@questionnaire.command("docs")
@click.argument("path", required=False)
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True,
              help="Markdown or a printable HTML page.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of the terminal.")
@FORCE
@click.option("--group", metavar="ID", help="Only this group's part, e.g. ngo.")
@LANG
@handle_errors
def questionnaire_docs(path: str | None, fmt: str, output: str | None, force: bool,
                       group: str | None, lang: str) -> None:
    """The questionnaire PATH (default: the standard one) as a readable document: one part
    per respondent group for paper surveys, then areas and scales for the working group."""
    from liwindex.api import questionnaire_document

    if output is not None:
        from liwindex.api import check_suffix

        check_suffix(output, (".md",) if fmt == "md" else (".html", ".htm"))
    text = questionnaire_document(path, fmt, lang, group)
    if output is None:
        click.echo(text, nl=False)
    else:
        from liwindex.api import write_text_file

        _written(write_text_file(output, text, force, [path] if path else []), lang)


@questionnaire.command("schema")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of the terminal.")
@FORCE
@handle_errors
def questionnaire_schema_command(output: str | None, force: bool) -> None:
    """The JSON Schema of the questionnaire format, for editors that complete and check YAML."""
    from liwindex.api import questionnaire_schema

    text = _json(questionnaire_schema()) + "\n"
    if output is not None:
        from liwindex.api import check_suffix

        check_suffix(output, (".json",))
    if output is None:
        click.echo(text, nl=False)
    else:
        from liwindex.api import write_text_file

        _written(write_text_file(output, text, force, []), "pl")


@questionnaire.command("new")
@click.option("-o", "--output", required=True, metavar="FILE", help="The new questionnaire file.")
@FORCE
@LANG
@handle_errors
def questionnaire_new(output: str, force: bool, lang: str) -> None:
    """Copy the standard LIJW questionnaire to FILE as a starting point for a local one."""
    from liwindex.api import check_suffix, copy_standard

    check_suffix(output, (".yaml", ".yml"))

    _written(copy_standard(output, force), lang)


def main() -> None:
    """Entry point of the ``liwindex`` console script; help in Polish unless
    LIWINDEX_LANG=en."""
    from liwindex.api import install_signal_cleanup
    from liwindex.cli import click_pl
    from liwindex.cli.help_texts import apply_help_language, help_language

    install_signal_cleanup()
    language = help_language()
    click_pl.install(language)
    apply_help_language(cli, language)
    cli(prog_name="liwindex")
