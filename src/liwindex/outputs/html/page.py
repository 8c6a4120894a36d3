"""The report page: one self-contained HTML document built from the result objects.

Every piece of text is escaped; numbers are shown in the reader's language and carry their
unrounded value in ``data-value`` so that tools (and tests) can read exactly what JSON gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from liwindex import __version__
from liwindex.analysis.analyze import Gap, largest_gaps
from liwindex.compare.comparison import ComparedRow, Comparison, jst_of, round_label
from liwindex.i18n import fmt, fmt_interval, fmt_signed
from liwindex.model.questionnaire import Questionnaire
from liwindex.outputs.html import charts
from liwindex.outputs.html.parts import document, how_box, num_cell, row, table
from liwindex.outputs.sheet_words import METHOD
from liwindex.outputs.words import w
from liwindex.scoring.results import ScoreResult


def _interval(low: float | None, high: float | None, lang: str, significant: bool | None = None) -> str:
    """An interval cell, ``*`` marking a significant change."""
    return f'<td class="num">{escape(fmt_interval(low, high, lang))}{" *" if significant else ""}</td>'


def _figure(svg: str, caption: str, css: str = "") -> str:
    return f"<figure{f' class={css}' if css else ''}>{svg}<figcaption>{escape(caption)}</figcaption></figure>"


@dataclass
class _Report:
    rounds: Sequence[ScoreResult]
    comparison: Comparison | None
    gaps: list[Gap]
    lang: str

    @property
    def last(self) -> ScoreResult:
        return self.rounds[-1]

    @property
    def q(self) -> Questionnaire:
        assert self.last.questionnaire is not None
        return self.last.questionnaire

    @property
    def labels(self) -> list[str]:
        return [round_label(r, self.lang) for r in self.rounds]

    def t(self, key: str) -> str:
        return escape(w(key, self.lang))

    def name(self, ident: str, label: dict[str, str]) -> str:
        return f"{ident} {label[self.lang]}"


def _findings(r: _Report) -> list[str]:
    """ "Najważniejsze wnioski" in plain sentences, and how to read the numbers."""
    from liwindex.outputs.findings import findings

    items = "".join(f"<li>{escape(text)}</li>" for text in findings(r.rounds, r.comparison, r.gaps, r.lang))
    # printed, the header, the headline and the findings are page 1: the one-page summary
    return [
        f'<section class="summary-end"><h2>{r.t("findings")}</h2><ul>{items}</ul></section>',
        *how_box(r.lang, r.q),
    ]


def _caveats(r: _Report) -> list[str]:
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


def _headline(r: _Report) -> list[str]:
    lang, last, comparison = r.lang, r.last, r.comparison
    value = comparison.index.value.after if comparison is not None else last.index.value
    kind = comparison.basis_words(lang) if comparison is not None else None
    parts = [
        f'<section class="headline" aria-label="{r.t("index")}"><div>',
        f'<div class="muted">{r.t("index")} · {escape(r.labels[-1])}</div>',
        f'<div class="big" data-value="{value!r}">{escape(fmt(value, lang))}</div>',
        f'<div class="muted">{r.t("of")}</div>',
    ]
    thin = (
        comparison.index.provisional
        if comparison is not None
        else last.index.source == "survey" and last.provisional
    )
    if thin:
        parts.append(f'<div class="muted">† {r.t("provisional")}</div>')
    parts.append("</div>")
    if comparison is not None:
        change = comparison.index
        delta = change.value.delta or 0
        css, arrow = ("up", "▲") if delta > 0 else ("down", "▼") if delta < 0 else ("", "")
        parts += [
            f'<div><div class="muted">{escape(kind or "")}</div>'
            f'<div class="big {css}" data-value="{change.value.delta!r}">'
            f"{arrow} {escape(fmt_signed(change.value.delta, lang))}"
            f"{' *' if comparison.basis == 'survey' and change.significant else ''}</div>",
            f'<div class="muted">{escape(fmt_signed(change.value.pct, lang, 1, "%"))} · '
            f"{escape(w('change_vs', lang).format(label=r.labels[0]))}</div></div>",
        ]
    parts.append("</section>")
    parts += _caveats(r)
    if comparison is not None:
        index = comparison.index
        parts.append(f'<p class="note">{r.t("basis_" + comparison.basis + "_note")}</p>')
        if index.survey_ci is not None:
            verdict = w("significant" if index.significant else "not_significant", lang)
            text = w("survey_change", lang).format(
                delta=fmt_signed(index.survey.delta, lang),
                ci=fmt_interval(index.ci_low, index.ci_high, lang),
                verdict=verdict,
            )
            parts.append(f"<p>{escape(text)}</p>")
        elif comparison.basis == "grades":
            text = w("survey_change_plain", lang).format(delta=fmt_signed(index.survey.delta, lang))
            parts.append(f"<p>{escape(text)}</p>")
        if comparison.basis == "survey" and index.grades is not None and index.grades.delta is not None:
            text = w("grades_change", lang).format(delta=fmt_signed(index.grades.delta, lang))
            parts.append(f"<p>{escape(text)}</p>")
    elif last.index.source == "grades":
        parts.append(f'<p class="muted">{r.t("source_grades")}</p>')
    return parts


def _star_note(r: _Report) -> str:
    return f'<p class="note">{escape(w("star_note", r.lang).format(min=r.last.min_group_n))}</p>'


def _dimensions(r: _Report) -> list[str]:
    from liwindex.compare.many import dimension_on

    lang, comparison = r.lang, r.comparison
    if comparison is not None:
        rows = [
            row(
                r.name(d.id, d.label),
                num_cell(d.value.before, lang),
                num_cell(d.value.after, lang),
                num_cell(d.value.delta, lang, signed=True),
                *_other_cells(r, d),
            )
            for d in comparison.dimensions
        ]
        head = [w(k, lang) for k in ("dimension", "before", "after", "change")] + _other_head(r)
        shown = r.rounds[-3:]
        series = [
            (round_label(x, lang), [dimension_on(x, d.id, comparison.basis) for d in x.dimensions])
            for x in shown
        ]
    else:
        rows = [
            row(r.name(d.id, d.label), num_cell(d.value, lang), num_cell(d.survey, lang))
            for d in r.last.dimensions
        ]
        head = [w(k, lang) for k in ("dimension", "value", "survey")]
        series = [(round_label(r.last, lang), [d.value for d in r.last.dimensions])]
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
    note = [_star_note(r)] if comparison is not None and comparison.resamples else []
    if len(head) > 4:
        # a wide table (changes and intervals) takes the full width, the chart goes below
        return [
            f"<section><h2>{r.t('dimensions')}</h2>",
            table(w("dimensions", lang), head, rows),
            *note,
            _figure(svg, w("chart_radar_desc", lang), "radar"),
            "</section>",
        ]
    return [
        f'<section><h2>{r.t("dimensions")}</h2><div class="cols"><div>',
        table(w("dimensions", lang), head, rows),
        *note,
        "</div><div>",
        _figure(svg, w("chart_radar_desc", lang), "radar"),
        "</div></div></section>",
    ]


def _other_head(r: _Report) -> list[str]:
    """Headers of the survey change beside a grades headline, or of its interval."""
    c = r.comparison
    assert c is not None
    head = []
    if c.basis == "grades":
        head.append(w("survey_change_col", r.lang))
    if c.resamples:
        head.append(w("interval", r.lang))
    if c.basis == "survey" and c.has_grades:
        head.append(w("grades_change_col", r.lang))
    return head


def _other_cells(r: _Report, row: ComparedRow) -> list[str]:
    """The cells under :func:`_other_head` for one row."""
    c, lang = r.comparison, r.lang
    assert c is not None
    cells = []
    if c.basis == "grades":
        cells.append(num_cell(row.survey.delta, lang, signed=True))
    if c.resamples:
        cells.append(_interval(row.ci_low, row.ci_high, lang, row.significant))
    if c.basis == "survey" and c.has_grades:
        cells.append(num_cell(row.grades.delta if row.grades else None, lang, signed=True))
    return cells


def _areas(r: _Report) -> list[str]:
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
    wide = charts.area_bars(
        labels, before, after, (r.labels[0], r.labels[-1]), lo, hi, w("chart_areas", lang), desc, lang
    )
    narrow = charts.area_bars(
        labels,
        before,
        after,
        (r.labels[0], r.labels[-1]),
        lo,
        hi,
        w("chart_areas", lang),
        desc,
        lang,
        narrow=True,
    )
    # one layout for screens and print, one for phones (CSS shows the fitting one)
    svg = f'<div class="wide">{wide}</div><div class="narrow">{narrow}</div>'
    note: list[str] = []
    if comparison is not None:
        rows = [
            row(
                r.name(a.id, a.label) + (" †" if a.provisional else ""),
                num_cell(a.value.before, lang),
                num_cell(a.value.after, lang),
                num_cell(a.value.delta, lang, signed=True),
                *_other_cells(r, a),
                num_cell(last.area(a.id).n, lang, digits=0),
            )
            for a in comparison.areas
        ]
        head = [w(k, lang) for k in ("area", "before", "after", "change")] + _other_head(r) + [w("n", lang)]
        if comparison.resamples:
            note.append(_star_note(r))
    else:
        rows = [
            row(
                r.name(a.id, a.label) + (" †" if a.provisional else ""),
                num_cell(a.value, lang),
                num_cell(a.survey, lang),
                num_cell(a.grade, lang),
                num_cell(a.n, lang, digits=0),
            )
            for a in last.areas
        ]
        head = [w(k, lang) for k in ("area", "value", "survey", "grade", "n")]
    return [
        f"<section><h2>{r.t('areas')}</h2>",
        _figure(svg, desc),
        table(w("areas", lang), head, rows),
        *note,
        "</section>",
    ]


def _highlights(r: _Report) -> list[str]:
    lang = r.lang
    basis = r.comparison.basis if r.comparison is not None else None
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
    parts = ['<section><div class="cols">']
    for title, items in lists:
        entries = (
            "".join(f"<li>{escape(name)} — <strong>{escape(value)}</strong></li>" for name, value in items)
            or f"<li>{r.t('none')}</li>"
        )
        parts.append(f"<div><h3>{escape(title)}</h3><ul>{entries}</ul></div>")
    parts.append("</div></section>")
    return parts


def _gap(r: _Report) -> list[str]:
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
    svg = charts.gap_dots(
        [g.area for g in gaps],
        [g.first for g in gaps],
        [g.second for g in gaps],
        names,
        lo,
        hi,
        w("chart_gap", lang),
        w("chart_gap_desc", lang),
        lang,
    )
    rows = [
        row(
            g.area,
            num_cell(g.first, lang),
            num_cell(g.second, lang),
            num_cell(g.difference, lang, signed=True),
            _interval(g.ci_low, g.ci_high, lang, g.significant),
        )
        for g in gaps
    ]
    head = [w("area", lang), names[0], names[1], w("difference", lang), w("interval", lang)]
    note = escape(w("gap_star_note", lang).format(min=r.last.min_group_n))
    return [
        f"<section><h2>{r.t('gap')}</h2><p>{escape(intro)}</p>",
        _figure(svg, w("chart_gap_desc", lang)),
        table(w("chart_gap", lang), head, rows),
        f'<p class="note">{note}</p>',
        "</section>",
    ]


def _grades(r: _Report) -> list[str]:
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
    rows = [
        f"<tr><td>{escape(round_label(x, lang))}</td>"
        f'<th scope="row">{escape(r.name(a.id, a.label))}</th>{num_cell(g.value, lang)}'
        f"<td>{escape(g.justification)}</td><td>{escape(g.recommendations)}</td></tr>"
        for x, a, g in graded
    ]
    head = [w(k, lang) for k in ("round", "area", "grade", "justification", "recommendations")]
    return [
        f"<section><h2>{r.t('grades')}</h2>",
        table(w("grades", lang), head, rows, numeric=[2]),
        "</section>",
    ]


def _open_answers(r: _Report) -> list[str]:
    answers = r.last.open_answers
    if not answers:
        return []
    parts = [f"<section><h2>{r.t('open')}</h2>"]
    for question in r.q.context_questions:
        for group in r.q.groups:
            texts = [a.text for a in answers if a.question == question.id and a.group == group.id]
            if texts:
                heading = f"{question.text.get(r.lang)} — {group.label.get(r.lang)} ({len(texts)})"
                parts.append(f"<h3>{escape(heading)}</h3>")
                parts += [f"<blockquote>{escape(text)}</blockquote>" for text in texts]
    parts.append("</section>")
    return parts


def _method(r: _Report) -> list[str]:
    q, s, lang = r.q, r.q.scoring, r.lang
    counts = "; ".join(f"{round_label(x, lang)}: {x.respondents_line(lang)}" for x in r.rounds)
    settings = (
        f"index_range [{s.lo:g}, {s.hi:g}], aggregation {s.aggregation}, group_weighting "
        f"{s.group_weighting}, min_answered {s.min_answered:g}, min_area_coverage "
        f"{s.min_area_coverage:.3g}"
    )
    summary = (
        f"{w('questionnaire', lang)}: {q.title.get(lang)} ({q.id} {q.version}). "
        f"{w('respondents', lang)}: {counts}. {settings}."
    )
    return (
        [f"<section><h2>{r.t('method')}</h2><p>{escape(summary)}</p>"]
        + [f"<p>{escape(p)}</p>" for p in METHOD.get(lang, METHOD["pl"])]
        + [f"</section><footer>{escape(w('generated', lang).format(version=__version__))}</footer>"]
    )


def build_page(
    rounds: Sequence[ScoreResult],
    comparison: Comparison | None,
    gaps: list[Gap],
    lang: str = "pl",
    author: str | None = None,
) -> str:
    """The whole report as HTML: headline, płaszczyzny, areas, highlights, the gap between
    groups, grades and recommendations, open answers and the method."""
    r = _Report(rounds, comparison, gaps, lang)
    jst = jst_of(r.rounds)
    line = f"<strong>{escape(jst)}</strong> · {r.t('rounds')}: {escape(' → '.join(r.labels))}"
    parts = _headline(r) + _findings(r) + _dimensions(r) + _areas(r)
    parts += _highlights(r) + _gap(r)
    parts += _grades(r) + _open_answers(r) + _method(r)
    return document(lang, w("title", lang), jst or r.labels[-1], [line], parts, author)
