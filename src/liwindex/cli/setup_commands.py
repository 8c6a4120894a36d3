"""Commands that prepare an assessment: mapping files, the typing-in template, the XLSForm
and the questionnaire itself."""

from __future__ import annotations

import click

from liwindex.cli.options import (
    FORCE,
    JSON,
    LANG,
    QUESTIONNAIRE,
)
from liwindex.cli.output import (
    handle_errors,
    print_report,
    say_written,
    stdout_console,
    to_json,
)


@click.group()
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
def mapping_init(
    file: str, output: str, force: bool, questionnaire_path: str | None, sheet: str | None, lang: str
) -> None:
    """Propose a mapping of FILE's columns and answers onto the questionnaire; entries
    marked "?" must be checked (and the "?" removed) before the mapping can be used."""
    from liwindex.api import check_suffix, write_mapping_proposal

    check_suffix(output, (".yaml", ".yml"))

    path, unsure = write_mapping_proposal(file, output, questionnaire_path, sheet=sheet, force=force)
    message = (
        f"Zapisano: {path}; do sprawdzenia (oznaczone „?”): {unsure}"
        if lang == "pl"
        else f"Written: {path}; to check (marked '?'): {unsure}"
    )
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
def mapping_check(
    files: tuple[str, ...],
    mapping_path: str,
    questionnaire_path: str | None,
    sheet: str | None,
    group: str | None,
    as_json: bool,
    lang: str,
) -> None:
    """Check a mapping against FILES without scoring: its own problems with their lines,
    every problem of the files read with it, and entries the files do not use.

    Exit 0 when the mapping reads the files without error, 1 otherwise."""
    from liwindex.api import check_mapping_file

    report = check_mapping_file(list(files), mapping_path, questionnaire_path, sheet, group)
    print_report(report, mapping_path, as_json, lang)


@click.command("template")
@click.option("-o", "--output", required=True, metavar="PATH", help="The workbook to write (.xlsx).")
@FORCE
@QUESTIONNAIRE
@click.option("--group", metavar="ID", help="Only this group's questions, e.g. ngo.")
@LANG
@handle_errors
def template_command(
    output: str, force: bool, questionnaire_path: str | None, group: str | None, lang: str
) -> None:
    """Write a workbook for typing in answers: dropdowns of the allowed answers, the
    oceny and metryka sheets and instructions. A filled template scores as it is."""
    from liwindex.api import check_suffix, write_template

    check_suffix(output, (".xlsx",))

    say_written(write_template(output, questionnaire_path, group, lang, force), lang)


@click.command("xlsform")
@click.option("-o", "--output", required=True, metavar="PATH", help="The XLSForm to write (.xlsx).")
@FORCE
@QUESTIONNAIRE
@click.option("--group", metavar="ID", help="A form for one group only, e.g. ngo.")
@LANG
@handle_errors
def xlsform_command(
    output: str, force: bool, questionnaire_path: str | None, group: str | None, lang: str
) -> None:
    """Write the questionnaire as an XLSForm to upload to KoboToolbox or ODK; the data they
    export scores with no mapping."""
    from liwindex.api import check_suffix, write_xlsform

    check_suffix(output, (".xlsx",))

    say_written(write_xlsform(output, questionnaire_path, group, force), lang)


@click.group()
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
        click.echo(to_json(q.to_dict()))
    else:
        render_questionnaire(q, stdout_console(), lang)


@questionnaire.command("check")
@click.argument("path")
@LANG
@handle_errors
def questionnaire_check(path: str, lang: str) -> None:
    """Check a questionnaire file and list every problem with its YAML path and line."""
    from liwindex.api import load_questionnaire
    from liwindex.i18n import t

    q = load_questionnaire(path)
    click.echo(
        t(
            "questionnaire_ok",
            lang,
            id=q.id,
            version=q.version,
            dims=len(q.dimensions),
            areas=len(q.areas),
            questions=len(q.questions),
        )
    )


@questionnaire.command("docs")
@click.argument("path", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html"]),
    default="md",
    show_default=True,
    help="Markdown or a printable HTML page.",
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of the terminal.")
@FORCE
@click.option("--group", metavar="ID", help="Only this group's part, e.g. ngo.")
@LANG
@handle_errors
def questionnaire_docs(
    path: str | None, fmt: str, output: str | None, force: bool, group: str | None, lang: str
) -> None:
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

        say_written(write_text_file(output, text, force, [path] if path else []), lang)


@questionnaire.command("schema")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of the terminal.")
@FORCE
@handle_errors
def questionnaire_schema_command(output: str | None, force: bool) -> None:
    """The JSON Schema of the questionnaire format, for editors that complete and check YAML."""
    from liwindex.api import questionnaire_schema

    text = to_json(questionnaire_schema()) + "\n"
    if output is not None:
        from liwindex.api import check_suffix

        check_suffix(output, (".json",))
    if output is None:
        click.echo(text, nl=False)
    else:
        from liwindex.api import write_text_file

        say_written(write_text_file(output, text, force, []), "pl")


@questionnaire.command("new")
@click.option("-o", "--output", required=True, metavar="FILE", help="The new questionnaire file.")
@FORCE
@LANG
@handle_errors
def questionnaire_new(output: str, force: bool, lang: str) -> None:
    """Copy the standard LIJW questionnaire to FILE as a starting point for a local one."""
    from liwindex.api import check_suffix, copy_standard

    check_suffix(output, (".yaml", ".yml"))

    say_written(copy_standard(output, force), lang)
