"""The CLI reference (docs/cli.md), generated from the commands' own --help.

    python -m liwindex.cli.reference > docs/cli.md

A test regenerates it and fails when docs/cli.md is out of date.
"""

from __future__ import annotations

import click

from liwindex.cli.group import cli

WIDTH = 90


def _walk(command: click.Command, name: str, parent: click.Context | None) -> list[tuple[str, str]]:
    """``(full command name, help text)`` for ``command`` and everything below it."""
    ctx = command.make_context(
        name, [], parent=parent, resilient_parsing=True, terminal_width=WIDTH, max_content_width=WIDTH
    )
    found = [(ctx.command_path, command.get_help(ctx))]
    if isinstance(command, click.Group):
        for sub_name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, sub_name)
            if sub is not None and not sub.hidden:
                found += _walk(sub, sub_name, ctx)
    return found


def reference(lang: str = "pl") -> str:
    """Markdown with the --help of every command, in a fixed width, in ``lang``."""
    from liwindex.cli import click_pl
    from liwindex.cli.help_texts import apply_help_language

    apply_help_language(cli, lang)
    click_pl.install(lang)  # "Użycie:", "Opcje:" as the Polish command line shows them
    try:
        return _reference(lang)
    finally:
        click_pl.install("en")
        apply_help_language(cli, "en" if lang == "en" else "pl")


def _reference(lang: str) -> str:
    out = [
        "# liwindex — polecenia" if lang == "pl" else "# liwindex command reference",
        "",
        "Generated from `--help` by `python -m liwindex.cli.reference`; do not edit by hand. "
        "English: `LIWINDEX_LANG=en liwindex --help`.",
        "",
    ]
    for path, text in _walk(cli, "liwindex", None):
        out += [f"## {path}", "", "```text", text, "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(reference(), end="")
