"""What commands print and how they end: JSON and tables on stdout, problems and progress
on stderr, exit 1 for invalid input or a failed run, never a traceback without --debug."""

from __future__ import annotations

import functools
import sys
from typing import Any

import click

from liwindex.cli.options import F


def to_json(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)


def stderr_console() -> Any:
    from rich.console import Console

    # soft_wrap: messages stay one line each, so the terminal wraps them and grep finds them
    return Console(stderr=True, highlight=False, soft_wrap=True)


def stdout_console(soft_wrap: bool = False) -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=soft_wrap)


def say_written(path: object, lang: str) -> None:
    """Say on stderr which file was written."""
    click.echo(("Zapisano: " if lang == "pl" else "Written: ") + str(path), err=True)


def within_cores(jobs: int | None, lang: str) -> int | None:
    """``--jobs`` capped at the cores this process may use, with a note when it was more."""
    from liwindex.api import usable_cores

    cores = usable_cores()
    if jobs is not None and jobs > cores:
        from liwindex.i18n import t

        click.echo(t("jobs_capped", lang, n=jobs, cores=cores), err=True)
        return cores
    return jobs


def handle_errors(func: F) -> F:
    """Turn invalid input into a list of problems and exit 1; never show a traceback
    unless ``--debug`` was given."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from liwindex.api import InputError, install_signal_cleanup, signalled

        install_signal_cleanup()  # before the command writes anything
        ctx = click.get_current_context()
        lang = ctx.params.get("lang", "pl")
        debug = bool(ctx.find_root().params.get("debug"))
        if not debug:
            # a library's object left half-closed by an error already reported (a zip
            # archive on a full disk) must not print "Exception ignored …" after the message
            sys.unraisablehook = _quiet_unraisable
        try:
            _check_environment(lang)
            return func(*args, **kwargs)
        except InputError as exc:
            from liwindex.cli.render import render_problems
            from liwindex.i18n import t

            console = stderr_console()
            render_problems(exc.report.problems, console, lang)
            console.print(t("errors_found", lang, n=len(exc.report.errors)), style="red")
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if debug:
                raise
            code = signalled()
            if code is not None:  # raised while unwinding from SIGTERM: that is the exit
                sys.exit(128 + code)
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


def _check_environment(lang: str) -> None:
    """Every LIWINDEX_* setting before the command starts: a value not allowed stops it
    (InputError), an unknown name is a warning on stderr."""
    from liwindex.api import check_environment

    warnings = check_environment()
    if warnings.problems:
        from liwindex.cli.render import render_problems

        render_problems(warnings.problems, stderr_console(), lang)


def _quiet_unraisable(unraisable: Any) -> None:
    """Exceptions Python cannot raise (in ``__del__``) are not shown to users."""


def print_report(report: Any, file: str, as_json: bool, lang: str) -> None:
    """Every problem on stdout (or the JSON report) with the verdict line; exit 1 when
    there is an error (validate, mapping check)."""
    from liwindex.cli.render import render_problems
    from liwindex.i18n import t

    if as_json:
        click.echo(to_json(report.to_dict(lang, file)))
    else:
        render_problems(report.problems, stdout_console(soft_wrap=True), lang)
        key = "valid" if report.valid else "errors_found"
        click.echo(t(key, lang, n=len(report.errors), w=len(report.warnings)))
    if not report.valid:
        sys.exit(1)


def masking_warning(no_masking: bool, lang: str) -> None:
    """Say on stderr that the documents hold personal data when masking is off."""
    if no_masking:
        from liwindex.i18n import t

        stderr_console().print(t("masking_off", lang), style="bold yellow")
