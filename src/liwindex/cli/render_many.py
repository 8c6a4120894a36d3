"""Terminal rendering of many rounds: trend, benchmark and batch tables, and the analysis of
one round.

Only the CLI calls into this module; the library never prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from liwindex.api import BatchResult, Benchmark, Trend, jst_of
from liwindex.cli.render import render_indicator_changes, render_score
from liwindex.cli.terminal import interval, legend, number_column, plain, results_table
from liwindex.i18n import fmt, fmt_signed, t

if TYPE_CHECKING:
    from liwindex.analysis.analyze import Analysis


def render_analysis(analysis: Analysis, console: Console, lang: str) -> None:
    """Intervals, data quality, reliability, the gap between groups and sensitivity."""
    result = analysis.result
    render_score(result, console, lang)
    if analysis.provisional:
        console.print(Text(t("provisional", lang), style="yellow bold"))

    quality = results_table(t("quality", lang), t("area", lang))
    for key in ("group", "n", "answered", "na"):
        number_column(quality, t(key, lang))
    for a in result.areas:
        for g, q in a.quality.items():
            if q.asked:
                share = lambda v: "—" if v is None else f"{fmt(v * 100, lang, 0)}%"  # noqa: E731
                quality.add_row(
                    plain(f"{a.id} {a.label[lang]}"),
                    plain(g),
                    str(a.n_by_group.get(g, 0)),
                    share(q.answered_share),
                    share(q.na_share),
                )
    console.print(quality)

    reliability = results_table(t("reliability", lang), t("area", lang))
    for key in ("group", "n", "alpha", "weakest"):
        number_column(reliability, t(key, lang))
    for r in analysis.reliability:
        weakest = min(
            (i for i in r.items if i.item_rest is not None), key=lambda i: i.item_rest or 0, default=None
        )
        alpha = Text(
            t(f"alpha_{r.status}", lang) if r.status in ("too_few", "undefined") else fmt(r.alpha, lang),
            style="yellow" if r.low else "",
        )
        reliability.add_row(
            plain(r.area),
            plain(r.group),
            str(r.n),
            alpha,
            plain(f"{weakest.id} ({fmt(weakest.item_rest, lang)})" if weakest else "—"),
        )
    console.print(reliability)

    if analysis.groups:
        first, second = (g.upper() for g in analysis.groups)
        gaps = results_table(t("gap", lang, first=first, second=second), t("area", lang))
        for key in (first, second, t("difference", lang), "95%"):
            number_column(gaps, key)
        for gap in analysis.gaps:
            mark = "*" if gap.significant else ""
            gaps.add_row(
                plain(gap.area),
                fmt(gap.first, lang),
                fmt(gap.second, lang),
                fmt_signed(gap.difference, lang) + mark,
                interval((gap.ci_low, gap.ci_high), lang, gap.reason),
            )
        console.print(gaps)

    if analysis.sensitivity:
        table = results_table(t("sensitivity", lang), t("setting", lang))
        for key in ("index", "spearman", "shift"):
            number_column(table, t(key, lang))
        for v in analysis.sensitivity:
            table.add_row(
                plain(v.label(lang)),
                fmt(v.index, lang),
                fmt(v.rank_correlation, lang),
                "—" if v.largest_rank_shift is None else str(v.largest_rank_shift),
            )
        console.print(table)
        span = analysis.survey_index_range()
        if span:
            console.print(t("index_range", lang, low=fmt(span[0], lang), high=fmt(span[1], lang)))
        if analysis.sensitivity_omitted:
            console.print(Text(t("sensitivity_omitted", lang), style="dim"))
        if analysis.headline_from_grades:
            console.print(Text(t("sensitivity_grades", lang), style="dim"))


def render_trend(trend: Trend, console: Console, lang: str) -> None:
    """The index, płaszczyzny and areas, one column per round."""
    data = trend.to_dict(lang)
    jst = jst_of(trend.rounds)
    console.print(
        plain(f"{t('trend', lang)}: {jst}".rstrip(": ") + f" ({trend.basis_words(lang)})", style="bold")
    )
    table = results_table("", t("area", lang))
    for label in trend.labels(lang):
        number_column(table, label)
    table.add_row(Text(t("index", lang), style="bold"), *[fmt(v, lang) for v in data["index"]])
    rows = [*data["dimensions"], *data["areas"]]
    for row in rows:
        table.add_row(plain(row["id"]), *[fmt(v, lang) for v in row["values"]])
    console.print(table)
    legend(console, [(row["id"], row["label"]) for row in rows])
    render_indicator_changes(trend.indicators, trend.labels(lang), console, lang)


def render_benchmark(bench: Benchmark, console: Console, lang: str) -> None:
    """Local governments side by side: value and rank per area, and the median."""
    table = results_table(f"{t('benchmark', lang)} — {bench.basis_words(lang)}", t("area", lang))
    for name in bench.names:
        number_column(table, name)
    number_column(table, t("median", lang))

    def cells(measure: Any) -> list[str]:
        return [f"{fmt(measure.values[n], lang)} ({measure.ranks[n] or '—'})" for n in bench.names] + [
            fmt(measure.median, lang)
        ]

    table.add_row(plain(bench.index.label[lang], style="bold"), *cells(bench.index))
    for measure in bench.areas:
        table.add_row(plain(measure.id), *cells(measure))
    console.print(table)
    legend(console, [(m.id, m.label[lang]) for m in bench.areas])
    for name, reason in bench.unranked.items():
        console.print(plain(f"{name}: {t(f'rank_reason_{reason}', lang)}", style="yellow"))
    console.print(Text(t("benchmark_note", lang), style="dim"))


def render_batch(batch: BatchResult, console: Console, lang: str) -> None:
    """Every JST of a batch: rounds, index first and last, change, rank and basis."""
    heads = {
        "pl": ("Etapy", "Pierwszy", "Ostatni", "Zmiana", "Miejsce", "Podstawa"),
        "en": ("Rounds", "First", "Latest", "Change", "Rank", "Basis"),
    }[lang]
    table = results_table(t("batch_title", lang), "JST")
    table.add_column(plain(heads[0]), ratio=1, overflow="fold", min_width=12)
    for name in heads[1:5]:
        number_column(table, name)
    table.add_column(plain(heads[5]), overflow="fold")
    for run in batch.runs:
        if run.failed:
            table.add_row(
                plain(run.name), "", "", "", "", "", plain(t("batch_status_failed", lang)), style="red"
            )
            continue
        cells = run.cells(lang)
        years = [r.meta.get("rok") for r in (run.results[0], run.results[-1])]
        if all(years) and len(run.results) > 1:  # the terminal is narrow: years say enough
            cells[2] = f"{years[0]} → {years[1]} ({len(run.results)})"
        table.add_row(
            plain(cells[1]), plain(cells[2]), cells[3], cells[4], cells[5], cells[0], plain(cells[6])
        )
    console.print(table)
    for run in batch.runs:  # why a JST has no rank, under the table
        if not run.failed and ((run.rank is None and run.rank_reason) or run.left_out):
            console.print(plain(f"{run.name}: {run.note(lang)}", style="dim"))
