"""The ``liwindex`` command group and its entry point; the commands live by family in
round_commands.py, many_commands.py and setup_commands.py, thin over :mod:`liwindex.api`.

Exit codes: 0 success, 1 invalid input or a failed run, 2 wrong usage. Heavy modules
(the library, pandas, rich) are imported inside commands so that ``--help`` is instant.
"""

from __future__ import annotations

import click

from liwindex import __version__
from liwindex.cli.app_command import app_command
from liwindex.cli.many_commands import batch_command, benchmark_command, dataset_command, trend_command
from liwindex.cli.round_commands import (
    analyze_command,
    annex_command,
    compare_command,
    export_command,
    grading_pack_command,
    report_command,
    score,
    validate_command,
)
from liwindex.cli.setup_commands import mapping, questionnaire, template_command, xlsform_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="liwindex")
@click.option("--debug", is_flag=True, help="Show tracebacks of program errors.")
def cli(debug: bool) -> None:
    """liwindex — Lokalny Indeks Jakości Współpracy (LIJW).

    Scores the self-assessment of cooperation between a local government (JST) and NGOs
    from survey workbooks, compares rounds and writes reports.
    """
    debug_notes(debug)


def debug_notes(on: bool) -> None:
    """With --debug, the library's debug notes (a cache entry ignored and rebuilt) go to
    stderr; without it, none (also when an earlier run in this process had --debug)."""
    import sys

    if not on and "logging" not in sys.modules:
        return  # nothing was ever switched on: no logging import for a plain run
    import logging

    class Echo(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            click.echo(f"liwindex: {record.getMessage()}", err=True)  # the current stderr

    logger = logging.getLogger("liwindex")
    for handler in [h for h in logger.handlers if type(h).__name__ == "Echo"]:
        logger.removeHandler(handler)
    if on:
        logger.addHandler(Echo())
    logger.setLevel(logging.DEBUG if on else logging.NOTSET)


for command in (
    score,
    compare_command,
    export_command,
    analyze_command,
    report_command,
    annex_command,
    grading_pack_command,
    validate_command,
    trend_command,
    benchmark_command,
    batch_command,
    dataset_command,
    mapping,
    template_command,
    xlsform_command,
    questionnaire,
    app_command,
):
    cli.add_command(command)


def main() -> None:
    """Entry point of the ``liwindex`` console script; help in Polish unless
    LIWINDEX_LANG=en."""
    from liwindex.cli import click_pl
    from liwindex.cli.help_texts import apply_help_language, help_language

    language = help_language()
    click_pl.install(language)
    apply_help_language(cli, language)
    cli(prog_name="liwindex")
