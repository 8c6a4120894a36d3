"""The pieces every terminal table is made of: text from files as plain data, results
tables whose names wrap instead of being cut, number columns, legends and marks."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from liwindex.api import ScoreResult
from liwindex.i18n import fmt_interval, t
from liwindex.text import visible


def thin_lines(result: ScoreResult, console: Console, lang: str) -> None:
    """Say on the page (not only among the warnings) that a group is missing or that some
    areas rest on too few answers."""
    for text in result.caveats(lang):
        console.print(plain("⚠ " + text[0].upper() + text[1:], style="yellow bold"))
    if any(a.provisional for a in result.areas):
        console.print(Text(t("provisional_mark", lang, n=result.min_group_n), style="yellow"))


def plain(value: str, style: str = "") -> Text:
    """Text from files and questionnaires as plain data: no markup, control characters
    shown as escapes."""
    return Text(visible(value), style=style)


def mark(provisional: bool) -> str:
    return " †" if provisional else ""


def interval(bounds: tuple[float | None, float | None] | None, lang: str, reason: str | None = None) -> str:
    """``[2,10; 2,55]``, or where there is none its reason (``— za mała grupa``)."""
    low, high = bounds or (None, None)
    if (low is None or high is None) and reason:
        return t(f"ci_reason_{reason.replace(' ', '_')}", lang)
    return fmt_interval(low, high, lang)


def interval_words(bounds: tuple[float | None, float | None] | None, lang: str, reason: str | None) -> str:
    """``95%: [2,10; 2,55]`` after a value, or ``bez przedziału — za mała grupa``; empty
    where no interval was asked for or there is no value."""
    low, high = bounds or (None, None)
    if low is not None and high is not None:
        return f"95%: {fmt_interval(low, high, lang)}"
    if reason in (None, "not computed", "no value"):
        return ""
    return f"{t('no_interval', lang)} {interval(None, lang, reason)}"


def results_table(title: str, first: str) -> Table:
    """A results table whose first (label) column takes the room the numbers leave; a long
    name (an area, a JST) continues on the next lines, never cut."""
    table = Table(title=plain(title), box=box.SIMPLE_HEAVY, title_justify="left", expand=True)
    table.add_column(first, ratio=1, overflow="fold", min_width=16)
    return table


def number_column(table: Table, header: str, style: str = "") -> None:
    table.add_column(plain(header), justify="right", no_wrap=True, min_width=max(4, len(header)), style=style)


def legend(console: Console, items: list[tuple[str, str]]) -> None:
    """Under a wide table that shows only codes: each code with its whole name."""
    for ident, label in items:
        console.print(plain(f"{ident} — {label}", style="dim"))
