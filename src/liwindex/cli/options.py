"""Options shared by several commands, with their English help (help_texts.py holds the
Polish one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def _language(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """--lang as given, else LIWINDEX_LANG (read and checked by the library: a value not
    allowed is reported with the other settings, exit 1, and Polish is used meanwhile)."""
    if param.name and ctx.get_parameter_source(param.name) is not click.core.ParameterSource.DEFAULT:
        return value
    from liwindex.api import environment_language

    return environment_language()


LANG = click.option(
    "--lang",
    type=click.Choice(["pl", "en"]),
    default="pl",
    callback=_language,
    show_default=True,
    help="Language of labels and messages (also LIWINDEX_LANG).",
)


JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON (SPEC §4) instead of tables.")


FORCE = click.option("--force", is_flag=True, help="Replace the output file if it exists.")


AUTHOR = click.option(
    "--autor",
    "--author",
    "author",
    metavar="TEXT",
    help="Author or organisation named on the report, e.g. the support centre.",
)


NO_MASKING = click.option(
    "--bez-maskowania",
    "--no-masking",
    "no_masking",
    is_flag=True,
    help="Show open answers with personal data unmasked (internal use only: never publish).",
)


MAPPING = click.option(
    "--mapping",
    "mapping_path",
    metavar="PATH",
    help="Mapping file for exports nothing recognises (see 'liwindex mapping init').",
)


def bootstrap_option(default: int) -> Callable[[F], F]:
    """--bootstrap N and --seed, shared by the commands that compute intervals."""

    def decorate(func: F) -> F:
        func = click.option(
            "--seed",
            type=click.IntRange(0, 2**32 - 1),
            default=2026,
            show_default=True,
            help="Seed of the bootstrap (same seed, same intervals).",
        )(func)
        return click.option(
            "--bootstrap",
            "resamples",
            type=click.IntRange(0, 100_000),
            default=default,
            show_default=True,
            metavar="N",
            help="Bootstrap resamples for 95% intervals of the survey scores (0: none).",
        )(func)

    return decorate


def comparison_options(func: F) -> F:
    """--basis and --skip-round-check, shared by the commands that compare two rounds."""
    func = click.option(
        "--skip-round-check",
        is_flag=True,
        help="Compare even when metryka names two different JSTs or puts BEFORE after AFTER.",
    )(func)
    return click.option(
        "--basis",
        type=click.Choice(["survey", "grades"]),
        default=None,
        help="What the change is computed from: survey scores or working-group grades "
        "(default: grades when both rounds grade every area, else survey).",
    )(func)


ETAPS = ("wstępna", "powdrożeniowa", "roczna")  # liwindex.grades.ETAPS, without its imports


def round_options(several: bool) -> Callable[[F], F]:
    """--group (ID or FILE=ID), --jst, --rok and --etap for the commands that read rounds;
    with ``several`` rounds --rok and --etap are given once per round, in their order."""

    def decorate(func: F) -> F:
        per_round = " Once per round, in the order of the rounds." if several else ""
        for option in reversed(
            [
                click.option(
                    "--group",
                    "groups",
                    multiple=True,
                    metavar="ID|FILE=ID",
                    help="Group of the rows without a group column or cell (ID), or of "
                    "one file (FILE=ID, e.g. urzad.csv=jst); repeatable.",
                ),
                click.option(
                    "--jst", metavar="NAME", help="The local government's name when no metryka gives it."
                ),
                click.option(
                    "--teryt",
                    metavar="CODE",
                    help="The local government's TERC code (2, 4 or 7 digits) when no metryka gives it.",
                ),
                click.option(
                    "--rok",
                    "years",
                    type=click.IntRange(1990, 2100),
                    multiple=several,
                    metavar="YEAR",
                    help="The year assessed when no metryka gives it." + per_round,
                ),
                click.option(
                    "--etap",
                    "stages",
                    type=click.Choice(ETAPS, case_sensitive=False),
                    multiple=several,
                    help="The stage when no metryka gives it." + per_round,
                ),
            ]
        ):
            func = option(func)
        return func

    return decorate


def before_after_options(func: F) -> F:
    """--before and --after: a round made of several files, given file by file."""
    func = click.option(
        "--after",
        "after_files",
        multiple=True,
        metavar="PATH",
        help="A file of the AFTER round (repeat for each file).",
    )(func)
    return click.option(
        "--before",
        "before_files",
        multiple=True,
        metavar="PATH",
        help="A file of the BEFORE round (repeat for each file).",
    )(func)


JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 512),
    default=None,
    metavar="N",
    help="Worker processes reading the files (default: every core; 1: none).",
)


QUIET = click.option("--quiet", is_flag=True, help="No progress bar.")


QUESTIONNAIRE = click.option(
    "--questionnaire",
    "-q",
    "questionnaire_path",
    metavar="PATH",
    help="Questionnaire YAML file (default: the standard LIJW questionnaire).",
)


def many_rounds_options(func: F) -> F:
    """Options shared by trend and benchmark."""
    for option in reversed(
        [
            click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str)),
            click.option(
                "-o",
                "--output",
                "outputs",
                metavar="PATH",
                multiple=True,
                help="Also write this file: .xlsx (a workbook with charts), .html (a page for "
                "publication) or .pdf (that page as PDF); repeat for several.",
            ),
            FORCE,
            AUTHOR,
            QUESTIONNAIRE,
            MAPPING,
            JOBS,
            QUIET,
            JSON,
            LANG,
        ]
    ):
        func = option(func)
    return func
