"""Terminal rendering of one round with rich: score and comparison tables, problem lists,
the questionnaire.

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
    Change,
    ComparedRow,
    Comparison,
    Problem,
    Questionnaire,
    ScoreResult,
    Severity,
    headline,
    jst_of,
    largest_gaps,
    round_label,
    settings_rows,
)
from liwindex.cli.terminal import (
    interval,
    interval_words,
    mark,
    number_column,
    plain,
    results_table,
    thin_lines,
)
from liwindex.i18n import fmt, fmt_amount, fmt_signed, t

if TYPE_CHECKING:
    pass

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


def render_score(result: ScoreResult, console: Console, lang: str) -> None:
    """Index, dimensions and areas of one round as rich tables."""
    groups = list(result.respondents_by_group)
    console.print(plain(round_title(result, lang), style="bold"))
    console.print(
        plain(
            f"{t('questionnaire', lang)}: {result.questionnaire_id} {result.questionnaire_version}"
            f" · {t('respondents', lang)}: {result.respondents_line(lang)}"
            f" · {result.meta['source']}"
        )
    )
    thin_lines(result, console, lang)
    index = result.index
    source = t(f"source_{index.source}", lang)
    line = Text()
    line.append(f"{t('index', lang)}: ", style="bold")
    line.append(f"{fmt(index.value, lang)} / {fmt(result.index_range[1], lang)}", style="bold cyan")
    line.append(f"  ({t('source', lang)}: {source})")
    survey_interval = interval_words(result.intervals.get("index"), lang, result.interval_reason("index"))
    if index.source == "grades":
        # the interval belongs to the survey score, so it stands beside it, not the grade
        line.append(f"; {t('survey_index', lang)}: {fmt(index.survey, lang)}")
        if result.provisional:
            line.append(" †", style="yellow")
        if survey_interval:
            line.append(f", {survey_interval}")
    else:
        if result.provisional:
            line.append(" †", style="yellow")
        if survey_interval:
            line.append(f"  {survey_interval}")
    console.print(line)

    has_grades = index.source == "grades"
    dims = results_table(t("dimensions", lang), t("dimension", lang))
    number_column(dims, t("value", lang), style="bold")
    number_column(dims, t("survey", lang))
    if has_grades:
        number_column(dims, t("grades", lang))
    for d in result.dimensions:
        dims.add_row(
            plain(f"{d.id} {d.label[lang]}"),
            fmt(d.value, lang),
            fmt(d.survey, lang) + mark(result.dimension_provisional(d.id)),
            *([fmt(d.grades, lang)] if has_grades else []),
        )
    console.print(dims)

    areas = results_table(t("areas", lang), t("area", lang))
    number_column(areas, t("value", lang), style="bold")
    number_column(areas, t("survey", lang))
    if result.intervals:
        number_column(areas, f"95% ({t('survey', lang).lower()})")
    for g in groups:
        number_column(areas, g.upper())
    if has_grades:
        number_column(areas, t("grade", lang))
    number_column(areas, t("n", lang))
    for a in result.areas:
        row: list[str | Text] = [
            plain(f"{a.id} {a.label[lang]}"),
            fmt(a.value, lang),
            fmt(a.survey, lang) + mark(a.provisional),
        ]
        if result.intervals:
            row.append(interval(result.intervals.get(a.id), lang, result.interval_reason(a.id)))
        row += [fmt(a.by_group.get(g), lang) for g in groups]
        if has_grades:
            row.append(fmt(a.grade, lang))
        row.append(str(a.n))
        areas.add_row(*row)
    console.print(areas)
    render_indicators(result, console, lang)
    render_gaps(result, console, lang)


def render_indicators(result: ScoreResult, console: Console, lang: str) -> None:
    """The round's numeric data per area, beside the survey (only when values exist)."""
    groups = result.indicators_by_place(lang)
    if not groups:
        return
    table = results_table(t("indicators", lang), t("indicator", lang))
    number_column(table, t("value", lang), style="bold")
    table.add_column(t("indicator_note", lang), ratio=1, overflow="fold")
    for place, _, found in groups:
        for i in found:
            label = i.label.get(lang) or i.label["pl"]
            table.add_row(plain(f"{place} {label}"), fmt_amount(i.value, i.unit, lang), plain(i.note))
    console.print(table)


def _change(change: Change, lang: str) -> Text:
    """``▲ +0,45`` in green, ``▼ −0,20`` in red, plain when there is no change."""
    delta = change.delta
    if delta is None:
        return Text("—")
    if round(delta, 2) > 0:
        return plain(f"▲ {fmt_signed(delta, lang)}", style="green")
    if round(delta, 2) < 0:
        return plain(f"▼ {fmt_signed(delta, lang)}", style="red")
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
    console.print(plain(title, style="bold"))
    console.print(
        plain(
            f"{t('before', lang)}: {b_label} ({before.meta['source']}) · "
            f"{t('after', lang)}: {a_label} ({after.meta['source']})"
        )
    )
    for result in (before, after):
        thin_lines(result, console, lang)
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
        star = lambda r: "*" if comparison.basis == "survey" and r.significant else ""  # noqa: E731
        listed = ", ".join(
            f"{r.id} {r.label[lang]} ({fmt_signed(r.value.delta, lang)}{star(r)})" for r in listed_rows
        )
        console.print(
            plain(f"{t(key, lang)} ({comparison.basis_words(lang)}): ", style="bold")
            + plain(listed or t("none", lang))
        )
    render_indicator_changes(comparison.indicators, [b_label, a_label], console, lang)
    render_gaps(after, console, lang)


def render_indicator_changes(series: list[Any], labels: list[str], console: Console, lang: str) -> None:
    """The numeric data of the rounds side by side and the change from the first to the
    last in units (a percentage in percentage points), when any round gives them."""
    if not series:
        return
    table = results_table(t("indicators", lang), t("indicator", lang))
    for label in labels:  # the headers may wrap; the values never do (no-break spaces)
        table.add_column(plain(label), justify="right", min_width=6)
    table.add_column(plain(t("indicator_change", lang)), justify="right", min_width=6, style="bold")
    for i in series:
        table.add_row(
            plain(f"{i.place} {i.label.get(lang) or i.label['pl']}"),
            *[fmt_amount(v, i.unit, lang) for v in i.values],
            fmt_amount(i.delta, i.unit, lang, signed=True),
        )
    console.print(table)


def _index_lines(comparison: Comparison, console: Console, lang: str) -> None:
    """The index's change on the comparison's basis, then the other kind's change."""
    by_grades = comparison.basis == "grades"
    index = comparison.index
    # the latest round's LIJW index as score gives it, then the change under its own name
    official = headline([comparison.before, comparison.after], comparison, lang)
    first = Text()
    first.append(f"{official.label}: ", style="bold")
    first.append(fmt(official.index, lang), style="bold cyan")
    first.append(f" ({official.source_words})")
    if official.thin:
        first.append(" †", style="yellow")
    console.print(first)
    line = Text()
    line.append(f"{official.change_label}: ", style="bold")
    line.append(
        f"{fmt(index.value.before, lang)}{mark(comparison.thin('index', 'before'))} → "
        f"{fmt(index.value.after, lang)}{mark(comparison.thin('index', 'after'))}  ",
        style="bold cyan",
    )
    line.append_text(_change(index.value, lang))
    if not by_grades:
        words = interval_words((index.ci_low, index.ci_high), lang, index.ci_reason)
        line.append(f"  {words}" + ("*" if index.significant else "") if words else "")
    console.print(line)
    if official.common_note:
        console.print(plain(official.common_note, style="yellow"))
    if official.explanation and official.source != comparison.basis:
        console.print(plain(official.explanation, style="dim"))
    other = Text()
    if by_grades:
        other.append(f"{t('survey_change', lang)}: {_survey_change(index, lang)}")
        if index.survey_left_out and index.survey.delta is not None:
            other.append(f" ({t('left_out', lang)}: {', '.join(index.survey_left_out)})")
        words = interval_words((index.ci_low, index.ci_high), lang, index.ci_reason)
        if words:
            other.append(f"  {words}")
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
    table = results_table(t(title_key, lang), t("dimension" if title_key == "dimensions" else "area", lang))
    for header in (t("before", lang), t("after", lang), t("change", lang)):
        number_column(table, header)
    if by_grades:
        number_column(table, f"Δ {t('survey', lang).lower()}")
    if show_ci:
        number_column(table, "95%")
    if other_grades:
        number_column(table, f"Δ {t('grades', lang).lower()}")
    for g in groups:
        number_column(table, f"Δ {g.upper()}")
    for row in rows:
        change = _change(row.value, lang)
        if not by_grades and row.significant:
            change.append("*")
        cells: list[str | Text] = [
            plain(f"{row.id} {row.label[lang]}"),
            fmt(row.value.before, lang) + mark(comparison.thin(row.id, "before")),
            fmt(row.value.after, lang) + mark(comparison.thin(row.id, "after")),
            change,
        ]
        if by_grades:
            cells.append(_survey_change(row, lang))
        if show_ci:
            cells.append(interval((row.ci_low, row.ci_high), lang, row.ci_reason))
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
            + plain(listed)
        )


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
                console.print(plain(f"{heads[sev]}: ", style=styles[sev]) + plain(problem.message(lang)))
            if len(items) > MAX_PER_CODE:
                console.print(Text(t("more", lang, n=len(items) - MAX_PER_CODE), style=styles[sev]))


def render_questionnaire(q: Questionnaire, console: Console, lang: str) -> None:
    """The whole questionnaire: settings, groups, scales, areas with their questions."""
    console.print(plain(f"{q.title.get(lang)} ({q.id} {q.version})", style="bold"))
    console.print(f"{t('settings', lang)}:")
    for name, value in settings_rows(q, lang):
        console.print(plain(f"  {name}: {value}"))
    console.print(
        plain(f"{t('groups', lang)}: " + ", ".join(f"{g.id} ({g.label.get(lang)})" for g in q.groups))
    )
    scales = Table(title=t("scales", lang), box=box.SIMPLE, title_justify="left")
    for key in ("scale", "code", "label", "points"):
        scales.add_column(t(key, lang))
    for scale in q.scales:
        for i, c in enumerate(scale.choices):
            points = t("na", lang) if c.na else ("" if c.points is None else f"{c.points:g}")
            scales.add_row(plain(scale.id if i == 0 else ""), plain(c.code), plain(c.label.get(lang)), points)
    console.print(scales)
    for d in q.dimensions:
        table = Table(title=plain(f"{d.id} {d.label.get(lang)}"), box=box.SIMPLE, title_justify="left")
        for key in ("area", "question", "scale", "groups", "weight"):
            table.add_column(t(key, lang), overflow="fold")
        for a in d.areas:
            for i, x in enumerate(a.questions):
                flags = [t("reverse", lang)] * x.reverse + [t("required", lang)] * x.required
                text = f"{x.id}: {x.text.get(lang)}" + (f" [{', '.join(flags)}]" if flags else "")
                table.add_row(
                    plain(a.id if i == 0 else ""),
                    plain(text),
                    plain(x.scale),
                    plain(", ".join(q.question_groups(x))),
                    f"{x.weight:g}",
                )
        console.print(table)
    if q.context_questions:
        table = Table(title=t("context", lang), box=box.SIMPLE, title_justify="left")
        for key in ("question", "type", "scale", "groups"):
            table.add_column(t(key, lang), overflow="fold")
        for ctx in q.context_questions:
            table.add_row(
                plain(f"{ctx.id}: {ctx.text.get(lang)}"),
                t(f"type_{ctx.type}", lang),
                plain(ctx.scale or ""),
                plain(", ".join(q.question_groups(ctx))),
            )
        console.print(table)
    if q.indicators:
        table = Table(title=t("indicators", lang), box=box.SIMPLE, title_justify="left")
        for key in ("indicator", "indicator_place", "indicator_unit"):
            table.add_column(t(key, lang), overflow="fold")
        for ind in q.indicators:
            more = "" if ind.higher_is_better is None else (" ↑" if ind.higher_is_better else " ↓")
            table.add_row(plain(f"{ind.id}: {ind.label.get(lang)}"), plain(ind.place), plain(ind.unit + more))
        console.print(table)
