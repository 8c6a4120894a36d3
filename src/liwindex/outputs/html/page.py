"""The report page: one self-contained HTML document built from the result objects.

Every piece of text is escaped; numbers are shown in the reader's language and carry their
unrounded value in ``data-value`` so that tools (and tests) can read exactly what JSON gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from liwindex import __version__
from liwindex.analysis.analyze import Gap, largest_gaps
from liwindex.compare.comparison import Comparison, jst_of, round_label, round_phrase
from liwindex.i18n import fmt, fmt_amount, fmt_signed
from liwindex.outputs.html import charts
from liwindex.outputs.html.context import context_section
from liwindex.outputs.html.parts import document, how_box, num_cell, row, table
from liwindex.outputs.html.report_parts import (
    Report,
    compared_rows,
    counts_cell,
    counts_head,
    figure,
    from_to,
    interval,
    section,
    star_note,
)
from liwindex.outputs.words import reason_words, w
from liwindex.scoring.results import ScoreResult


def _findings(r: Report) -> list[str]:
    """ "Najważniejsze wnioski" in plain sentences, and how to read the numbers."""
    from liwindex.outputs.findings import findings

    items = "".join(f"<li>{escape(text)}</li>" for text in findings(r.rounds, r.comparison, r.gaps, r.lang))
    return [
        f'<section aria-labelledby="s_findings"><h2 id="s_findings">{r.t("findings")}</h2><ul>{items}</ul>'
        "</section>"
    ]


def _caveats(r: Report) -> list[str]:
    """Missing groups and provisional areas, said where the headline is."""
    lines = [
        (f"{round_label(x, r.lang)}: " if len(r.rounds) > 1 else "") + text[0].upper() + text[1:]
        for x in r.rounds
        for text in x.caveats(r.lang)
    ]
    if not lines:
        return []
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return [f'<div class="caveat" role="note"><strong>{r.t("caveats")}</strong><ul>{items}</ul></div>']


def _headline(r: Report) -> list[str]:
    from liwindex.outputs.headline import headline

    lang, comparison = r.lang, r.comparison
    h = headline(r.rounds, comparison, lang)
    parts = [
        f'<section class="headline" aria-label="{r.t("index")}"><div>',
        f'<div class="muted">{escape(h.label)}</div>',
        f'<div class="big" data-value="{h.index!r}">{escape(fmt(h.index, lang))}</div>',
        f'<div class="muted">{r.t("of")} · {escape(h.source_words)}</div>',
    ]
    if h.thin:
        parts.append(f'<div class="muted">† {r.t("provisional")}</div>')
    parts.append("</div>")
    if comparison is not None and h.change_label is not None:
        delta = h.change or 0
        css, arrow = ("up", "▲") if delta > 0 else ("down", "▼") if delta < 0 else ("", "")
        parts += [
            f'<div><div class="muted">{escape(h.change_label)}</div>'
            f'<div class="big {css}" data-value="{h.change!r}">'
            f"{arrow} {escape(fmt_signed(h.change, lang))}{' *' if h.significant else ''}"
            f"{' †' if h.thin_change else ''}</div>",
            f'<div class="muted">{from_to(h, lang)}</div></div>',
        ]
    parts.append("</section>")
    parts += _caveats(r)
    if h.common_note:
        parts.append(f'<p class="note">{escape(h.common_note)}</p>')
    if h.explanation:
        parts.append(f"<p>{escape(h.explanation)}</p>")
    if comparison is not None:
        index = comparison.index
        if comparison.basis == "grades":
            star = " *" if index.significant else ""  # the survey change's own test
            text = w("survey_change_plain", lang).format(delta=fmt_signed(index.survey.delta, lang) + star)
            parts.append(f"<p>{escape(text)}</p>")
        elif index.grades is not None and index.grades.delta is not None:
            text = w("grades_change", lang).format(delta=fmt_signed(index.grades.delta, lang))
            parts.append(f"<p>{escape(text)}</p>")
    elif r.last.index.source == "grades":
        parts.append(f'<p class="muted">{r.t("source_grades")}</p>')
    return parts


def _dimensions(r: Report) -> list[str]:
    from liwindex.compare.many import dimension_on

    lang, comparison = r.lang, r.comparison
    if comparison is not None:
        head, rows = compared_rows(r, comparison.dimensions, "dimension", counts=False)
        shown = r.rounds[-3:]
        series = [
            (round_label(x, lang), [dimension_on(x, d.id, comparison.basis) for d in x.dimensions])
            for x in shown
        ]
    else:
        last = r.last
        graded = any(d.grades is not None for d in last.dimensions)

        def thin(ident: str) -> str:
            return " †" if any(a.provisional for a in last.areas if a.dimension == ident) else ""

        rows = [
            row(
                r.name(d.id, d.label),
                num_cell(d.value, lang, mark=thin(d.id) if d.grades is None else ""),
                *([num_cell(d.survey, lang, mark=thin(d.id))] if graded else []),
                *([num_cell(d.grades, lang)] if graded else []),
            )
            for d in last.dimensions
        ]
        head = [w(k, lang) for k in ("dimension", "value", "survey", "grade")[: 4 if graded else 2]]
        series = [(round_label(r.last, lang), [d.value for d in r.last.dimensions])]
    note = star_note(r, comparison.dimensions) if comparison is not None else []
    parts = [table("", head, rows, labelledby="s_dimensions"), *note]
    if len(r.last.dimensions) >= 5:
        # a radar earns its place only with enough axes; three make a triangle
        lo, hi = r.last.index_range
        svg = charts.radar(
            [d.id for d in r.last.dimensions],
            series,
            lo,
            hi,
            w("chart_radar", lang),
            w("chart_radar_desc", lang),
            lang,
        )
        parts.append(figure(svg, w("chart_radar_desc", lang), "radar"))
    return section(r, "dimensions", *parts)


def _areas(r: Report) -> list[str]:
    lang, last, comparison = r.lang, r.last, r.comparison
    lo, hi = last.index_range
    labels = [f"{a.id} {a.label[lang]}" for a in last.areas]  # whole: the chart wraps them
    if comparison is not None:
        rows_by_id = {row.id: row for row in comparison.areas}
        before = [rows_by_id[a.id].value.before if a.id in rows_by_id else None for a in last.areas]
        after = [rows_by_id[a.id].value.after if a.id in rows_by_id else None for a in last.areas]
    else:
        before, after = None, [a.value for a in last.areas]
    desc = w("chart_areas_desc", lang).format(n=len(last.areas), lo=f"{lo:g}", hi=f"{hi:g}")
    if comparison is not None:
        desc = f"{desc} ({w('kind_' + comparison.basis, lang)})"
    charts_for = [
        charts.area_bars(
            labels,
            before,
            after,
            (r.labels[0], r.labels[-1]),
            lo,
            hi,
            w("chart_areas", lang),
            desc,
            lang,
            narrow=narrow,
        )
        for narrow in (False, True)
    ]
    # one layout for screens and print, one for phones (CSS shows the fitting one)
    svg = f'<div class="wide">{charts_for[0]}</div><div class="narrow">{charts_for[1]}</div>'
    note: list[str] = []
    if comparison is not None:
        head, rows = compared_rows(r, comparison.areas, "area", counts=True)
        note = star_note(r, comparison.areas)
    else:
        rows = [
            row(
                r.name(a.id, a.label),
                num_cell(a.value, lang, mark=" †" if a.provisional and a.grade is None else ""),
                num_cell(a.survey, lang, mark=" †" if a.provisional else ""),
                num_cell(a.grade, lang),
                counts_cell(r, a.id),
            )
            for a in last.areas
        ]
        head = [w(k, lang) for k in ("area", "value", "survey", "grade")] + [counts_head(r)]
        if all(a.grade is None for a in last.areas):  # no grades: the value is the survey score
            head = [head[0], head[1], head[4]]
            rows = [
                row(
                    r.name(a.id, a.label),
                    num_cell(a.value, lang, mark=" †" if a.provisional else ""),
                    counts_cell(r, a.id),
                )
                for a in last.areas
            ]
        elif all(a.grade is not None for a in last.areas):  # the value is the grade
            head = [head[0], w("grade", lang), w("survey", lang), head[4]]
            rows = [
                row(
                    r.name(a.id, a.label),
                    num_cell(a.grade, lang),
                    num_cell(a.survey, lang, mark=" †" if a.provisional else ""),
                    counts_cell(r, a.id),
                )
                for a in last.areas
            ]
    return section(r, "areas", figure(svg, desc), table("", head, rows, labelledby="s_areas"), *note)


def _highlights(r: Report) -> list[str]:
    """Strongest and weakest areas (and the largest changes) by the same values as the
    area table, the kind of value said in each heading."""
    lang = r.lang
    basis = r.comparison.basis if r.comparison is not None else r.last.index.source
    strongest, weakest = r.last.strongest_and_weakest(basis=basis)
    lists = [
        (
            w("strong", lang),
            [(r.name(a.id, a.label), fmt(r.last.area_value(a.id, basis), lang)) for a in strongest],
        ),
        (
            w("weak", lang),
            [(r.name(a.id, a.label), fmt(r.last.area_value(a.id, basis), lang)) for a in weakest],
        ),
    ]
    if r.comparison is not None:
        for key, rows in zip(("gains", "drops"), r.comparison.largest(), strict=True):
            lists.append(
                (w(key, lang), [(r.name(a.id, a.label), fmt_signed(a.value.delta, lang)) for a in rows])
            )
    intro = w("highlights_of", lang).format(kind=w(f"kind_{basis}", lang))
    parts = [f'<section class="highlights"><p class="note">{escape(intro)}</p><div class="cols">']
    for title, items in lists:
        entries = (
            "".join(f"<li>{escape(name)} — <strong>{escape(value)}</strong></li>" for name, value in items)
            or f"<li>{r.t('none')}</li>"
        )
        parts.append(f"<div><h3>{escape(title)}</h3><ul>{entries}</ul></div>")
    parts.append("</div></section>")
    return parts


def _gap(r: Report) -> list[str]:
    lang, gaps = r.lang, r.gaps
    known = [g for g in gaps if g.difference is not None]
    if not known:
        return []
    names = (r.q.group_ids[0].upper(), r.q.group_ids[1].upper())
    top = largest_gaps(gaps)
    intro = w("gap_intro", lang).format(
        list=", ".join(f"{g.area} ({fmt_signed(g.difference, lang)})" for g in top)
    )
    lo, hi = r.last.index_range
    drawn = [
        charts.gap_dots(
            [g.area for g in gaps],
            [g.first for g in gaps],
            [g.second for g in gaps],
            names,
            lo,
            hi,
            w("chart_gap", lang),
            w("chart_gap_desc", lang),
            lang,
            narrow=narrow,
        )
        for narrow in (False, True)
    ]
    svg = f'<div class="wide gap">{drawn[0]}</div><div class="narrow">{drawn[1]}</div>'
    labels = {a.id: r.name(a.id, a.label) for a in r.last.areas}
    intervals = any(g.ci_low is not None or reason_words(g.reason, lang) for g in gaps)
    rows = [
        row(
            labels.get(g.area, g.area),
            num_cell(g.first, lang),
            num_cell(g.second, lang),
            num_cell(g.difference, lang, signed=True),
            *([interval(g.ci_low, g.ci_high, lang, g.significant, g.reason)] if intervals else []),
        )
        for g in gaps
    ]
    head = [w("area", lang), names[0], names[1], w("difference", lang)]
    if intervals:
        head.append(w("interval", lang))
    note = escape(w("gap_star_note", lang).format(min=r.last.min_group_n))
    return section(
        r,
        "gap",
        f"<p>{escape(intro)}</p>",
        figure(svg, w("chart_gap_desc", lang)),
        table("", head, rows, labelledby="s_gap"),
        *([f'<p class="note">{note}</p>'] if intervals else []),
    )


def _grades(r: Report) -> list[str]:
    """The working group's grades with the survey value beside each, the justification and
    the recommendations."""
    lang = r.lang
    # a row without a grade and without words (an empty template line) says nothing
    graded = [
        (x, a, x.grades[a.id])
        for x in r.rounds
        for a in x.areas
        if a.id in x.grades
        and (
            x.grades[a.id].value is not None or x.grades[a.id].justification or x.grades[a.id].recommendations
        )
    ]
    if not graded:
        return []
    several = len({id(x) for x, _, _ in graded}) > 1
    rows = [
        "<tr>"
        + (f"<td>{escape(round_label(x, lang))}</td>" if several else "")
        + f'<th scope="row">{escape(r.name(a.id, a.label))}</th>{num_cell(g.value, lang)}'
        + num_cell(a.survey, lang, mark=" †" if a.provisional else "")
        + f"<td>{escape(g.justification)}</td><td>{escape(g.recommendations)}</td></tr>"
        for x, a, g in graded
    ]
    head = [w(k, lang) for k in ("round", "area", "grade", "survey", "justification", "recommendations")]
    numeric = [2, 3]
    if not several:
        head, numeric = head[1:], [1, 2]
    return section(r, "grades", table("", head, rows, numeric=numeric, labelledby="s_grades"))


def indicators_section(r: Report) -> list[str]:
    """The numeric data grouped by area (a heading row per area or płaszczyzna), one value
    column per round and, for several rounds, the change in units (percentage points for a
    percent); never in the index."""
    from liwindex.compare.indicators import indicator_series

    lang = r.lang
    series = indicator_series(list(r.rounds))
    if not series:
        return []
    last = r.last
    places: dict[str, str] = {}
    for d in last.dimensions:
        places[d.id] = r.name(d.id, d.label)
        for a in last.areas:
            if a.dimension == d.id:
                places[a.id] = r.name(a.id, a.label)
    several = len(r.rounds) > 1
    values_head = r.labels if several else [w("indicator_value", lang)]
    head = [
        w("indicator", lang),
        *values_head,
        *([w("indicator_change", lang)] if several else []),
        w("indicator_note", lang),
    ]

    def cell(value: float | None, unit: str, signed: bool = False) -> str:
        data = "" if value is None else f' data-value="{value!r}"'
        return f'<td class="num"{data}>{escape(fmt_amount(value, unit, lang, signed))}</td>'

    rows = []
    for place in [*places, *dict.fromkeys(i.place for i in series if i.place not in places)]:
        found = [i for i in series if i.place == place]
        if not found:
            continue
        name = escape(places.get(place, place))
        rows.append(f'<tr class="group"><th scope="rowgroup" colspan="{len(head)}">{name}</th></tr>')
        for i in found:
            label = i.label.get(lang) or i.label["pl"]
            values = "".join(cell(v, i.unit) for v in i.values)
            change = cell(i.delta, i.unit, signed=True) if several else ""
            note = next((n for n in reversed(i.notes) if n), "")
            rows.append(
                f'<tr><th scope="row">{escape(label)}</th>{values}{change}<td>{escape(note)}</td></tr>'
            )
    numeric = list(range(1, len(head) - 1))
    intro = f'<p class="note">{r.t("indicators_intro")}</p>'
    after = [f'<p class="note">{r.t("indicators_change")}</p>'] if several else []
    body = table("", head, rows, numeric=numeric, labelledby="s_indicators")
    return section(r, "indicators", intro, body, *after)


def _open_answers(r: Report, mask: bool) -> list[str]:
    """The open answers without non-answers, identical ones merged with their count, most
    frequent first; personal data masked unless ``mask`` is off (then a banner says the
    page is not for publication)."""
    from liwindex.outputs.open_answers import answer_groups, masked_answers

    groups = answer_groups(r.last, mask)
    if not groups:
        return []
    texts = {c.id: c.text.get(r.lang) for c in r.q.context_questions}
    labels = r.q.group_labels(r.lang)
    found = masked_answers([r.last])
    parts = [f'<p class="note">{r.t("open_note")}{" " + r.t("masked_note") if found and mask else ""}</p>']
    if found and not mask:
        parts.append(f'<p class="caveat" role="note">{r.t("unmasked_note")}</p>')
    for g in groups:
        heading = f"{texts.get(g.question, g.question)} — {labels.get(g.group, g.group)} ({g.total})"
        parts.append(f"<h3>{escape(heading)}</h3><ul class=answers>")
        parts += [
            f"<li>{escape(text)}{f' <strong>×{n}</strong>' if n > 1 else ''}</li>" for text, n in g.answers
        ]
        parts.append("</ul>")
    return section(r, "open", *parts)


STANDARD_ID = "lijw-standard"  # the shipped questionnaire, whose provenance every report states


def _settings_table(r: Report) -> str:
    """The questionnaire's scoring settings under their Polish (or English) names."""
    from liwindex.outputs.settings_words import settings_rows

    rows = [
        f'<tr><th scope="row">{escape(name)}</th><td>{escape(value)}</td></tr>'
        for name, value in settings_rows(r.q, r.lang)
    ]
    return table("", [w("setting", r.lang), w("value", r.lang)], rows, numeric=[], labelledby="s_settings")


def _method(r: Report) -> list[str]:
    """The method in plain words; the questionnaire's settings and the statistical methods
    in an appendix at the end, where their technical names belong."""
    from liwindex.analysis.bootstrap import DEFAULT_RESAMPLES
    from liwindex.outputs.sheet_words import PROVENANCE, STATISTICS, method_paragraphs

    q, lang = r.q, r.lang
    counts = "; ".join(f"{round_phrase(x, lang)}: {x.respondents_line(lang)}" for x in r.rounds)
    summary = (
        f"{w('questionnaire', lang)}: {q.title.get(lang)} ({q.id} {q.version}). "
        f"{w('respondents', lang)} — {counts}."
    )
    parts = [f"<p>{escape(summary)}</p>"]
    if q.id == STANDARD_ID:
        parts.append(f"<p>{escape(PROVENANCE['en' if lang == 'en' else 'pl'])}</p>")
    parts += [f"<p>{escape(p)}</p>" for p in method_paragraphs(lang, q.scoring)]
    appendix = [f'<h3 id="s_settings">{r.t("settings")}</h3>', _settings_table(r)]
    resamples = r.comparison.resamples if r.comparison is not None else 0
    if resamples or any(g.ci_low is not None for g in r.gaps):
        draws = f"{resamples or DEFAULT_RESAMPLES:,}".replace(",", " " if lang != "en" else ",")
        text = STATISTICS["en" if lang == "en" else "pl"].format(resamples=draws)
        appendix.append(f"<p>{escape(text)}</p>")
    return [
        *section(r, "method", *parts),
        *section(r, "appendix", *appendix),
        f"<footer>{escape(w('generated', lang).format(version=__version__))}</footer>",
    ]


def build_page(
    rounds: Sequence[ScoreResult],
    comparison: Comparison | None,
    gaps: list[Gap],
    lang: str = "pl",
    author: str | None = None,
    mask: bool = True,
) -> str:
    """The whole report as HTML: headline, płaszczyzny, areas, highlights, the gap between
    groups, grades and recommendations, open answers and the method."""
    r = Report(rounds, comparison, gaps, lang)
    jst = jst_of(r.rounds)
    line = f"<strong>{escape(jst)}</strong> · {r.t('rounds')}: {escape(' → '.join(r.labels))}"
    # printed: the headline and the findings are page 1, the tables follow with the box
    # that explains their marks right after them
    parts = (
        _headline(r)
        + _findings(r)
        + _dimensions(r)
        + _areas(r)
        + how_box(r.lang, r.q, star=comparison is not None)
    )
    parts += _highlights(r) + _gap(r) + context_section(r.last, lang)
    parts += indicators_section(r) + _grades(r) + _open_answers(r, mask) + _method(r)
    return document(lang, w("title", lang), jst or r.labels[-1], [line], parts, author)
