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
from liwindex.outputs.sheet_words import METHOD
from liwindex.outputs.words import w
from liwindex.scoring.results import ScoreResult
from liwindex.text import visible

CSS = """
:root{--ink:#111;--muted:#555;--line:#ccc;--accent:#1f4e79;--up:#1b6b2f;--down:#9b1c1c}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 "DejaVu Sans",system-ui,sans-serif;color:var(--ink);background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.7rem;margin:.2rem 0}
h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;
break-after:avoid}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem;break-after:avoid}
.muted{color:var(--muted)}
.headline{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:center;margin:1rem 0;padding:1rem;
border:1px solid var(--line);border-radius:.5rem}
.big{font-size:3rem;font-weight:700;color:var(--accent)}
.up{color:var(--up)}.down{color:var(--down)}.scroll{overflow-x:auto}
.howto{border:1px solid var(--line);border-radius:.5rem;padding:.2rem 1rem;margin:1rem 0;
background:#f6f8fb;font-size:.9rem;break-inside:avoid}.howto h3{margin-top:.6rem}
.caveat{border-left:4px solid #b7791f;background:#fff8e6;padding:.5rem .8rem;margin:.6rem 0}
.note{font-size:.85rem;color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
caption{text-align:left;font-weight:700;padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}
td.num{text-align:right;white-space:nowrap}th.num{text-align:right}
thead th{border-bottom:2px solid var(--ink)}
th[scope=row]{min-width:12rem;font-weight:600}tr{break-inside:avoid}
figure{margin:1rem 0;break-inside:avoid}figcaption{font-size:.85rem;color:var(--muted)}
figure.radar svg{max-width:22rem;display:block;margin:0 auto}
figure.line svg{max-width:40rem;display:block}
ul.legend{columns:2 18rem;font-size:.85rem;padding-left:1.2rem}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:3px solid var(--line);white-space:pre-wrap}
footer{margin-top:3rem;font-size:.8rem;color:var(--muted)}
.narrow{display:none}
@media screen and (max-width:40rem){.wide{display:none}.narrow{display:block}
table.cards caption{display:block;width:100%}table.cards,table.cards tbody,table.cards tr,table.cards td,
table.cards th[scope=row]{display:block;width:100%}table.cards thead{display:none}
table.cards tr{border:1px solid var(--line);border-radius:.4rem;margin:.6rem 0;padding:.3rem .6rem}
table.cards td,table.cards th[scope=row]{border:0;padding:.15rem 0;text-align:left}
table.cards td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
table.cards th[scope=row]{font-size:1.05rem}}
@page{size:A4;margin:16mm 14mm 18mm;
@bottom-center{content:counter(page) " / " counter(pages);font-size:9pt}}
@media print{body{font-size:10pt}main{max-width:none;padding:0}.scroll{overflow:visible}
table{font-size:8.5pt}th[scope=row]{min-width:9rem}.summary-end{break-after:page}}
"""


def num_cell(value: float | None, lang: str, signed: bool = False, digits: int = 2, mark: str = "") -> str:
    """A numeric cell: the number as people read it (with ``mark``, e.g. " †"), the exact
    value in data-value."""
    shown = fmt_signed(value, lang, digits) if signed else fmt(value, lang, digits)
    data = "" if value is None else f' data-value="{value!r}"'
    return f'<td class="num"{data}>{escape(shown + mark)}</td>'


def table(
    caption: str, head: Sequence[str], rows: Sequence[str], numeric: Sequence[int] | None = None
) -> str:
    """A real table: caption, column headers; ``numeric`` columns are right-aligned (by
    default every column but the first). On a phone each row becomes a card."""
    numeric = range(1, len(head)) if numeric is None else numeric
    cells = "".join(
        f'<th scope="col"{" class=num" if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(head)
    )
    labelled = [_labelled(row, head) for row in rows]
    return (
        f'<div class="scroll"><table class="cards"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{cells}</tr></thead><tbody>{''.join(labelled)}</tbody></table></div>"
    )


def _labelled(row: str, head: Sequence[str]) -> str:
    """Each data cell of a row carries its column's header, shown before the value when a
    phone lays the row out as a card."""
    import re

    position = iter(range(len(head) + 1000))

    def label(found: re.Match[str]) -> str:
        k = next(position)
        if found.group(1) == "th" or k >= len(head):
            return found.group(0)
        return f'<td data-label="{escape(head[k])}"'

    return re.sub(r"<(td|th)(?=[\s>])", label, row)


def _row(head: str, *cells: str) -> str:
    return f'<tr><th scope="row">{escape(head)}</th>{"".join(cells)}</tr>'


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


def head(lang: str, title: str, subject: str, lines: Sequence[str], author: str | None = None) -> list[str]:
    """The start of a page: its title (``title — subject``), the header with the subtitle,
    ``lines`` (HTML, already escaped), the date and the author."""
    from liwindex.outputs.findings import WORDS, report_date

    words = WORDS["en" if lang == "en" else "pl"]
    prepared = [words["prepared"].format(date=report_date(lang))]
    if author:
        prepared.append(words["author"].format(author=author))
    full = f"{title} — {subject}" if subject and subject != title else title
    return [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(full)}</title><style>{CSS}</style></head><body><main>",
        f'<header><p class="muted">{escape(w("subtitle", lang))}</p><h1>{escape(title)}</h1>',
        *[f"<p>{line}</p>" for line in lines],
        f'<p class="muted">{escape(" · ".join(prepared))}</p></header>',
    ]


def document(
    lang: str, title: str, subject: str, lines: Sequence[str], body: Sequence[str], author: str | None = None
) -> str:
    """A whole self-contained page: :func:`head`, ``body`` and the end; no raw control
    character from a file reaches it (the template has none)."""
    parts = [*head(lang, title, subject, lines, author), *body, "</main></body></html>"]
    return visible("\n".join(parts)) + "\n"


def how_box(lang: str, questionnaire: Questionnaire | None, star: bool = True) -> list[str]:
    """The "Jak czytać wyniki" box: the scale, what a grade is, what † (and, where a page
    uses it, *) mean."""
    from liwindex.outputs.findings import WORDS, how_to_read

    words = WORDS["en" if lang == "en" else "pl"]
    how = "".join(f"<p>{escape(text)}</p>" for text in how_to_read(lang, questionnaire, star))
    return [
        f'<aside class="howto" aria-label="{escape(words["how_title"])}"><h3>'
        f"{escape(words['how_title'])}</h3>{how}</aside>"
    ]


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
            _row(
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
            _row(r.name(d.id, d.label), num_cell(d.value, lang), num_cell(d.survey, lang))
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
            _row(
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
            _row(
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
        _row(
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
