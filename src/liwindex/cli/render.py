"""Terminal rendering with rich: score tables, problem lists, the questionnaire.

Only the CLI calls into this module; the library never prints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from liwindex.api import (
    BatchResult,
    Benchmark,
    Change,
    ComparedRow,
    Comparison,
    Problem,
    Questionnaire,
    ScoreResult,
    Severity,
    Trend,
    jst_of,
    largest_gaps,
    round_label,
)
from liwindex.i18n import fmt, fmt_interval, fmt_signed, t
from liwindex.text import visible

if TYPE_CHECKING:
    from liwindex.analysis.analyze import Analysis

MAX_PER_CODE = 15


def round_title(result: ScoreResult, lang: str) -> str:
    """``Gmina Przykładowa · 2024 · ocena wstępna`` from metadata, else the file name."""
    meta = result.meta
    parts = [str(meta["jst"])] if meta.get("jst") else []
    if meta.get("rok"):
        parts.append(str(meta["rok"]))
    if meta.get("etap"):
        parts.append(t(f"etap_{meta['etap']}", lang))
    return " · ".join(parts) if parts else str(meta.get("source"))


def _thin_lines(result: ScoreResult, console: Console, lang: str) -> None:
    """Say on the page (not only among the warnings) that a group is missing or that some
    areas rest on too few answers."""
    for text in result.caveats(lang):
        console.print(_text("⚠ " + text[0].upper() + text[1:], style="yellow bold"))
    if any(a.provisional for a in result.areas):
        console.print(Text(t("provisional_mark", lang, n=result.min_group_n), style="yellow"))


def _text(value: str, style: str = "") -> Text:
    """Text from files and questionnaires as plain data: no markup, control characters
    shown as escapes."""
    return Text(visible(value), style=style)


def _mark(provisional: bool) -> str:
    return " †" if provisional else ""


def render_score(result: ScoreResult, console: Console, lang: str) -> None:
    """Index, dimensions and areas of one round as rich tables."""
    groups = list(result.respondents_by_group)
    console.print(_text(round_title(result, lang), style="bold"))
    console.print(
        _text(
            f"{t('questionnaire', lang)}: {result.questionnaire_id} {result.questionnaire_version}"
            f" · {t('respondents', lang)}: {result.respondents_line(lang)}"
            f" · {result.meta['source']}"
        )
    )
    _thin_lines(result, console, lang)
    index = result.index
    source = t(f"source_{index.source}", lang)
    line = Text()
    line.append(f"{t('index', lang)}: ", style="bold")
    line.append(f"{fmt(index.value, lang)} / {fmt(result.index_range[1], lang)}", style="bold cyan")
    line.append(f"  ({t('source', lang)}: {source})")
    survey_interval = result.intervals.get("index", (None, None))
    if index.source == "grades":
        # the interval belongs to the survey score, so it stands beside it, not the grade
        line.append(f"; {t('survey_index', lang)}: {fmt(index.survey, lang)}")
        if survey_interval[0] is not None:
            line.append(f", 95%: {_interval(survey_interval, lang)}")
    elif survey_interval[0] is not None:
        line.append(f"  95%: {_interval(survey_interval, lang)}")
    if index.source == "survey" and result.provisional:
        line.append(" †", style="yellow")
    console.print(line)

    has_grades = index.source == "grades"
    dims = _table(t("dimensions", lang), t("dimension", lang))
    _number_column(dims, t("value", lang), style="bold")
    _number_column(dims, t("survey", lang))
    if has_grades:
        _number_column(dims, t("grades", lang))
    for d in result.dimensions:
        dims.add_row(
            _text(f"{d.id} {d.label[lang]}"),
            fmt(d.value, lang),
            fmt(d.survey, lang),
            *([fmt(d.grades, lang)] if has_grades else []),
        )
    console.print(dims)

    areas = _table(t("areas", lang), t("area", lang))
    _number_column(areas, t("value", lang), style="bold")
    _number_column(areas, t("survey", lang))
    if result.intervals:
        _number_column(areas, f"95% ({t('survey', lang).lower()})")
    for g in groups:
        _number_column(areas, g.upper())
    if has_grades:
        _number_column(areas, t("grade", lang))
    _number_column(areas, t("n", lang))
    for a in result.areas:
        row: list[str | Text] = [
            _text(f"{a.id} {a.label[lang]}"),
            fmt(a.value, lang),
            fmt(a.survey, lang) + _mark(a.provisional),
        ]
        if result.intervals:
            row.append(_interval(result.intervals.get(a.id), lang))
        row += [fmt(a.by_group.get(g), lang) for g in groups]
        if has_grades:
            row.append(fmt(a.grade, lang))
        row.append(str(a.n))
        areas.add_row(*row)
    console.print(areas)
    render_gaps(result, console, lang)


def _interval(bounds: tuple[float | None, float | None] | None, lang: str) -> str:
    return fmt_interval(*(bounds or (None, None)), lang)


def _change(change: Change, lang: str) -> Text:
    """``▲ +0,45`` in green, ``▼ −0,20`` in red, plain when there is no change."""
    delta = change.delta
    if delta is None:
        return Text("—")
    if round(delta, 2) > 0:
        return _text(f"▲ {fmt_signed(delta, lang)}", style="green")
    if round(delta, 2) < 0:
        return _text(f"▼ {fmt_signed(delta, lang)}", style="red")
    return Text(fmt_signed(delta, lang))


def _survey_change(row: ComparedRow, lang: str) -> str:
    """The survey change with its star (Holm-corrected) when significant."""
    return fmt_signed(row.survey.delta, lang) + ("*" if row.significant else "")


def render_comparison(comparison: Comparison, console: Console, lang: str) -> None:
    """Index, płaszczyzny and areas of two rounds with their changes, on one basis."""
    before, after = comparison.before, comparison.after
    b_label, a_label = round_label(before, lang), round_label(after, lang)
    jst = jst_of([before, after])
    title = f"{t('comparison', lang)}: " + (f"{jst} — " if jst else "") + f"{b_label} → {a_label}"
    console.print(_text(title, style="bold"))
    console.print(
        _text(
            f"{t('before', lang)}: {b_label} ({before.meta['source']}) · "
            f"{t('after', lang)}: {a_label} ({after.meta['source']})"
        )
    )
    for result in (before, after):
        _thin_lines(result, console, lang)
    _index_lines(comparison, console, lang)
    groups = list(dict.fromkeys([*before.respondents_by_group, *after.respondents_by_group]))
    for title_key, rows in (("dimensions", comparison.dimensions), ("areas", comparison.areas)):
        console.print(_change_table(comparison, title_key, rows, groups, lang))
    if comparison.resamples > 0:
        console.print(
            Text(t("significance_note", lang, n=comparison.resamples, min=after.min_group_n), style="dim")
        )
    gains, drops = comparison.largest()
    for key, listed_rows in (("gains", gains), ("drops", drops)):
        listed = ", ".join(f"{r.id} {r.label[lang]} ({fmt_signed(r.value.delta, lang)})" for r in listed_rows)
        console.print(
            _text(f"{t(key, lang)} ({comparison.basis_words(lang)}): ", style="bold")
            + _text(listed or t("none", lang))
        )
    render_gaps(after, console, lang)


def _index_lines(comparison: Comparison, console: Console, lang: str) -> None:
    """The index's change on the comparison's basis, then the other kind's change."""
    by_grades = comparison.basis == "grades"
    index = comparison.index
    line = Text()
    line.append(f"{t('index', lang)} — {comparison.basis_words(lang)}: ", style="bold")
    line.append(f"{fmt(index.value.before, lang)} → {fmt(index.value.after, lang)}  ", style="bold cyan")
    line.append_text(_change(index.value, lang))
    line.append(f" ({fmt_signed(index.value.pct, lang, 1, '%')})")
    if not by_grades:
        if index.survey_ci is not None:
            line.append(
                f"  95%: {fmt_interval(index.ci_low, index.ci_high, lang)}"
                + ("*" if index.significant else "")
            )
        if index.provisional:
            line.append(" †", style="yellow")
    console.print(line)
    other = Text()
    if by_grades:
        other.append(f"{t('survey_change', lang)}: {_survey_change(index, lang)}")
        if index.survey_ci is not None:
            other.append(f"  95%: {fmt_interval(index.ci_low, index.ci_high, lang)}")
    elif comparison.has_grades and index.grades is not None and index.grades.delta is not None:
        other.append(f"{t('grades_change', lang)}: {fmt_signed(index.grades.delta, lang)}")
    if other.plain:
        console.print(other)


def _change_table(
    comparison: Comparison, title_key: str, rows: list[ComparedRow], groups: list[str], lang: str
) -> Table:
    """The płaszczyzny or the areas: before, after, change and percent on the basis, the
    other kind's change, the interval and each group's survey change."""
    by_grades = comparison.basis == "grades"
    show_ci = comparison.resamples > 0
    other_grades = not by_grades and comparison.has_grades
    table = _table(t(title_key, lang), t("dimension" if title_key == "dimensions" else "area", lang))
    for header in (t("before", lang), t("after", lang), t("change", lang), "%"):
        _number_column(table, header)
    if by_grades:
        _number_column(table, f"Δ {t('survey', lang).lower()}")
    if show_ci:
        _number_column(table, "95%")
    if other_grades:
        _number_column(table, f"Δ {t('grades', lang).lower()}")
    for g in groups:
        _number_column(table, f"Δ {g.upper()}")
    for row in rows:
        change = _change(row.value, lang)
        if not by_grades and row.significant:
            change.append("*")
        cells: list[str | Text] = [
            _text(f"{row.id} {row.label[lang]}"),
            fmt(row.value.before, lang) + _mark(row.provisional),
            fmt(row.value.after, lang),
            change,
            fmt_signed(row.value.pct, lang, 1),
        ]
        if by_grades:
            cells.append(_survey_change(row, lang))
        if show_ci:
            cells.append(fmt_interval(row.ci_low, row.ci_high, lang))
        if other_grades:
            cells.append(fmt_signed(row.grades.delta if row.grades else None, lang))
        cells += [fmt_signed(row.by_group[g].delta, lang) for g in groups]
        table.add_row(*cells)
    return table


def render_gaps(result: ScoreResult, console: Console, lang: str, n: int = 3) -> None:
    """The areas where the first two groups (NGOs and the administration) disagree most."""
    top = largest_gaps(result, n)
    if top and result.questionnaire is not None:
        first, second = result.questionnaire.group_ids[:2]
        listed = ", ".join(
            f"{g.area} {result.area(g.area).label[lang]} ({fmt_signed(g.difference, lang)})" for g in top
        )
        console.print(
            Text(t("gaps", lang, first=first.upper(), second=second.upper()) + ": ", style="bold")
            + _text(listed)
        )


def _table(title: str, first: str) -> Table:
    """A results table whose first (label) column takes the room the numbers leave; a long
    name (an area, a JST) continues on the next lines, never cut."""
    table = Table(title=_text(title), box=box.SIMPLE_HEAVY, title_justify="left", expand=True)
    table.add_column(first, ratio=1, overflow="fold", min_width=16)
    return table


def _number_column(table: Table, header: str, style: str = "") -> None:
    table.add_column(_text(header), justify="right", no_wrap=True, min_width=max(4, len(header)), style=style)


def render_problems(problems: Iterable[Problem], console: Console, lang: str) -> None:
    """Problems grouped by code, errors first; long runs of one code are shortened."""
    styles = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.NOTE: "dim"}
    heads = {
        Severity.ERROR: t("error", lang),
        Severity.WARNING: t("warnings", lang),
        Severity.NOTE: t("notes", lang),
    }
    by_code: dict[tuple[Severity, str], list[Problem]] = defaultdict(list)
    order = [Severity.ERROR, Severity.WARNING, Severity.NOTE]
    for problem in problems:
        by_code[(problem.severity, problem.code)].append(problem)
    for severity in order:
        for (sev, _code), items in by_code.items():
            if sev is not severity:
                continue
            for problem in items[:MAX_PER_CODE]:
                console.print(_text(f"{heads[sev]}: ", style=styles[sev]) + _text(problem.message(lang)))
            if len(items) > MAX_PER_CODE:
                console.print(Text(t("more", lang, n=len(items) - MAX_PER_CODE), style=styles[sev]))


def render_questionnaire(q: Questionnaire, console: Console, lang: str) -> None:
    """The whole questionnaire: settings, groups, scales, areas with their questions."""
    s = q.scoring
    console.print(_text(f"{q.title.get(lang)} ({q.id} {q.version})", style="bold"))
    console.print(
        f"{t('settings', lang)}: index_range [{fmt(s.lo, lang, 0)}, {fmt(s.hi, lang, 0)}], "
        f"grade_step {s.grade_step:g}, aggregation {s.aggregation}, "
        f"group_weighting {s.group_weighting}, min_answered {s.min_answered:g}, "
        f"min_area_coverage {s.min_area_coverage:.4g}, min_group_n {s.min_group_n}"
    )
    console.print(
        _text(f"{t('groups', lang)}: " + ", ".join(f"{g.id} ({g.label.get(lang)})" for g in q.groups))
    )
    scales = Table(title=t("scales", lang), box=box.SIMPLE, title_justify="left")
    for key in ("scale", "code", "label", "points"):
        scales.add_column(t(key, lang))
    for scale in q.scales:
        for i, c in enumerate(scale.choices):
            points = t("na", lang) if c.na else ("" if c.points is None else f"{c.points:g}")
            scales.add_row(_text(scale.id if i == 0 else ""), _text(c.code), _text(c.label.get(lang)), points)
    console.print(scales)
    for d in q.dimensions:
        table = Table(title=_text(f"{d.id} {d.label.get(lang)}"), box=box.SIMPLE, title_justify="left")
        for key in ("area", "question", "scale", "groups", "weight"):
            table.add_column(t(key, lang), overflow="fold")
        for a in d.areas:
            for i, x in enumerate(a.questions):
                flags = [t("reverse", lang)] * x.reverse + [t("required", lang)] * x.required
                text = f"{x.id}: {x.text.get(lang)}" + (f" [{', '.join(flags)}]" if flags else "")
                table.add_row(
                    _text(a.id if i == 0 else ""),
                    _text(text),
                    _text(x.scale),
                    _text(", ".join(q.question_groups(x))),
                    f"{x.weight:g}",
                )
        console.print(table)
    if q.context_questions:
        table = Table(title=t("context", lang), box=box.SIMPLE, title_justify="left")
        for key in ("question", "type", "scale", "groups"):
            table.add_column(t(key, lang), overflow="fold")
        for ctx in q.context_questions:
            table.add_row(
                _text(f"{ctx.id}: {ctx.text.get(lang)}"),
                ctx.type,
                _text(ctx.scale or ""),
                _text(", ".join(q.question_groups(ctx))),
            )
        console.print(table)


def render_analysis(analysis: Analysis, console: Console, lang: str) -> None:
    """Intervals, data quality, reliability, the gap between groups and sensitivity."""
    result = analysis.result
    render_score(result, console, lang)
    if analysis.provisional:
        console.print(Text(t("provisional", lang), style="yellow bold"))

    quality = _table(t("quality", lang), t("area", lang))
    for key in ("group", "n", "answered", "na"):
        _number_column(quality, t(key, lang))
    for a in result.areas:
        for g, q in a.quality.items():
            if q.asked:
                share = lambda v: "—" if v is None else f"{fmt(v * 100, lang, 0)}%"  # noqa: E731
                quality.add_row(
                    _text(f"{a.id} {a.label[lang]}"),
                    _text(g),
                    str(a.n_by_group.get(g, 0)),
                    share(q.answered_share),
                    share(q.na_share),
                )
    console.print(quality)

    reliability = _table(t("reliability", lang), t("area", lang))
    for key in ("group", "n", "alpha", "weakest"):
        _number_column(reliability, t(key, lang))
    for r in analysis.reliability:
        weakest = min(
            (i for i in r.items if i.item_rest is not None), key=lambda i: i.item_rest or 0, default=None
        )
        alpha = Text(
            t(f"alpha_{r.status}", lang) if r.status in ("too_few", "undefined") else fmt(r.alpha, lang),
            style="yellow" if r.low else "",
        )
        reliability.add_row(
            _text(r.area),
            _text(r.group),
            str(r.n),
            alpha,
            _text(f"{weakest.id} ({fmt(weakest.item_rest, lang)})" if weakest else "—"),
        )
    console.print(reliability)

    if analysis.groups:
        first, second = (g.upper() for g in analysis.groups)
        gaps = _table(t("gap", lang, first=first, second=second), t("area", lang))
        for key in (first, second, t("difference", lang), "95%"):
            _number_column(gaps, key)
        for gap in analysis.gaps:
            mark = "*" if gap.significant else ""
            gaps.add_row(
                _text(gap.area),
                fmt(gap.first, lang),
                fmt(gap.second, lang),
                fmt_signed(gap.difference, lang) + mark,
                _interval((gap.ci_low, gap.ci_high), lang),
            )
        console.print(gaps)

    if analysis.sensitivity:
        table = _table(t("sensitivity", lang), t("setting", lang))
        for key in ("index", "spearman", "shift"):
            _number_column(table, t(key, lang))
        for v in analysis.sensitivity:
            table.add_row(
                _text(v.label(lang)),
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
        _text(f"{t('trend', lang)}: {jst}".rstrip(": ") + f" ({trend.basis_words(lang)})", style="bold")
    )
    table = _table("", t("area", lang))
    for label in trend.labels(lang):
        _number_column(table, label)
    table.add_row(Text(t("index", lang), style="bold"), *[fmt(v, lang) for v in data["index"]])
    rows = [*data["dimensions"], *data["areas"]]
    for row in rows:
        table.add_row(_text(row["id"]), *[fmt(v, lang) for v in row["values"]])
    console.print(table)
    _legend(console, [(row["id"], row["label"]) for row in rows])


def _legend(console: Console, items: list[tuple[str, str]]) -> None:
    """Under a wide table that shows only codes: each code with its whole name."""
    for ident, label in items:
        console.print(_text(f"{ident} — {label}", style="dim"))


def render_benchmark(bench: Benchmark, console: Console, lang: str) -> None:
    """Local governments side by side: value and rank per area, and the median."""
    table = _table(f"{t('benchmark', lang)} — {bench.basis_words(lang)}", t("area", lang))
    for name in bench.names:
        _number_column(table, name)
    _number_column(table, t("median", lang))

    def cells(measure: Any) -> list[str]:
        return [f"{fmt(measure.values[n], lang)} ({measure.ranks[n] or '—'})" for n in bench.names] + [
            fmt(measure.median, lang)
        ]

    table.add_row(_text(bench.index.label[lang], style="bold"), *cells(bench.index))
    for measure in bench.areas:
        table.add_row(_text(measure.id), *cells(measure))
    console.print(table)
    _legend(console, [(m.id, m.label[lang]) for m in bench.areas])
    console.print(Text(t("benchmark_note", lang), style="dim"))


def render_batch(batch: BatchResult, console: Console, lang: str) -> None:
    """Every JST of a batch: rounds, index first and last, change, rank and basis."""
    heads = {
        "pl": ("Etapy", "Pierwszy", "Ostatni", "Zmiana", "Miejsce", "Podstawa"),
        "en": ("Rounds", "First", "Latest", "Change", "Rank", "Basis"),
    }[lang]
    table = _table(t("batch_title", lang), "JST")
    table.add_column(_text(heads[0]), ratio=1, overflow="fold", min_width=12)
    for name in heads[1:5]:
        _number_column(table, name)
    table.add_column(_text(heads[5]), overflow="fold")
    for run in batch.runs:
        if run.failed:
            table.add_row(
                _text(run.name), "", "", "", "", "", _text(t("batch_status_failed", lang)), style="red"
            )
            continue
        cells = run.cells(lang)
        years = [r.meta.get("rok") for r in (run.results[0], run.results[-1])]
        if all(years) and len(run.results) > 1:  # the terminal is narrow: years say enough
            cells[2] = f"{years[0]} → {years[1]} ({len(run.results)})"
        table.add_row(
            _text(cells[1]), _text(cells[2]), cells[3], cells[4], cells[5], cells[0], _text(cells[6])
        )
    console.print(table)
