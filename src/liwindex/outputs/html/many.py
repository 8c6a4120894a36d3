"""Pages for publication of ``trend`` (one local government's rounds) and ``benchmark``
(local governments side by side): the same document design as the report page — header
with date and author, findings in sentences, charts with whole labels, tables that become
cards on a phone, the caveats where the numbers are, "Jak czytać wyniki" and the method."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from itertools import pairwise

from liwindex.compare.comparison import round_label
from liwindex.compare.many import Benchmark, Trend
from liwindex.i18n import fmt, fmt_signed, t
from liwindex.outputs.html import charts
from liwindex.outputs.html.many_words import WORDS
from liwindex.outputs.html.parts import document, how_box, num_cell, table
from liwindex.outputs.words import w
from liwindex.problems import Problem
from liwindex.scoring.results import ScoreResult


def _w(key: str, lang: str) -> str:
    return WORDS["en" if lang == "en" else "pl"][key]


def _caveats(results: Sequence[ScoreResult], lang: str, by: str = "round") -> list[str]:
    """Missing groups and provisional areas of each round, said where the numbers are."""
    from liwindex.compare.many import jst_name

    lines = [
        f"{round_label(x, lang) if by == 'round' else jst_name(x)}: {text}"
        for x in results
        for text in x.caveats(lang)
    ]
    if not lines:
        return []
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return [
        f'<div class="caveat" role="note"><strong>{escape(w("caveats", lang))}</strong><ul>{items}</ul></div>'
    ]


def _list(items: Sequence[str], heading: str) -> list[str]:
    entries = "".join(f"<li>{escape(text)}</li>" for text in items)
    return [f"<section><h2>{escape(heading)}</h2><ul>{entries}</ul>"]


def _warnings(problems: Sequence[Problem], lang: str) -> list[str]:
    texts = [p.message(lang) for p in problems]
    if not texts:
        return []
    items = "".join(f"<li>{escape(text)}</li>" for text in texts)
    return [f'<p class="note">{escape(_w("warnings", lang))}:</p><ul class="note">{items}</ul>']


def _method(q_name: str, key: str, results: Sequence[ScoreResult], lang: str, by: str) -> list[str]:
    from liwindex import __version__
    from liwindex.compare.many import jst_name

    counts = "; ".join(
        f"{round_label(x, lang) if by == 'round' else jst_name(x)}: {x.respondents_line(lang)}"
        for x in results
    )
    return [
        f"<section><h2>{escape(w('method', lang))}</h2>",
        f"<p>{escape(_w(key, lang).format(q=q_name))}</p>",
        f"<p>{escape(_w('respondents', lang).format(list=counts))}</p></section>",
        f"<footer>{escape(_w('generated', lang).format(version=__version__))}</footer>",
    ]


def _q_name(result: ScoreResult, lang: str) -> str:
    q = result.questionnaire
    title = q.title.get(lang) if q is not None else result.questionnaire_id
    return f"{title} ({result.questionnaire_id} {result.questionnaire_version})"


# --- trend ---------------------------------------------------------------------------


def _from_to(before: float | None, after: float | None, lang: str) -> str:
    """``z 2,85 na 3,43``."""
    from liwindex.outputs.headline import WORDS as HEADLINE_WORDS

    words = HEADLINE_WORDS["en" if lang == "en" else "pl"]["from_to"]
    return words.format(before=fmt(before, lang), after=fmt(after, lang))


def _trend_findings(trend: Trend, lang: str) -> list[str]:
    from liwindex.compare.comparison import round_phrase
    from liwindex.outputs.headline import headline

    data = trend.to_dict(lang)
    labels = [round_phrase(x, lang, "gen") for x in trend.rounds]  # "od oceny wstępnej 2024"
    index = data["index"]
    official = headline(trend.rounds, None, lang)
    out = [
        _w("trend_index", lang).format(
            label=round_phrase(trend.rounds[-1], lang, "loc"),
            value=fmt(official.index, lang),
            source=official.source_words,
        )
    ]
    if len(index) > 1 and index[0] is not None and index[-1] is not None:
        delta = index[-1] - index[0]
        key = "trend_up" if delta > 0.005 else "trend_down" if delta < -0.005 else "trend_same"
        out.append(_w(f"{key}_{trend.basis}", lang).format(label=labels[0], delta=fmt(abs(delta), lang)))
        if len(index) > 2 and index[-2] is not None:
            out.append(
                _w("last_step", lang).format(label=labels[-2], delta=fmt_signed(index[-1] - index[-2], lang))
            )
    areas = data["areas"]
    changes = [
        (a, a["values"][-1] - a["values"][0])
        for a in areas
        if a["values"][0] is not None and a["values"][-1] is not None
    ]
    if len(labels) > 1 and changes:

        def name(a: dict[str, object]) -> str:
            return f"{a['id']} {a['label']}"

        best = max(changes, key=lambda c: c[1])
        worst = min(changes, key=lambda c: c[1])
        if best[1] > 0:
            out.append(
                _w("gain", lang).format(label=labels[0], area=name(best[0]), delta=fmt_signed(best[1], lang))
            )
        if worst[1] < 0:
            out.append(
                _w("drop", lang).format(
                    label=labels[0], area=name(worst[0]), delta=fmt_signed(worst[1], lang)
                )
            )
        else:
            out.append(_w("no_drop", lang).format(label=labels[0]))
    if len(labels) > 2:

        def steps(a: dict[str, object]) -> list[float] | None:
            values = a["values"]
            assert isinstance(values, list)
            if any(v is None for v in values):
                return None
            return [b - c for c, b in pairwise(values)]

        rose = [a["id"] for a in areas if (s := steps(a)) and all(d > 0 for d in s)]
        fell = [a["id"] for a in areas if (s := steps(a)) and all(d < 0 for d in s)]
        if rose:
            out.append(_w("rose_each", lang).format(list=", ".join(rose)))
        if fell:
            out.append(_w("fell_each", lang).format(list=", ".join(fell)))
    if any(x.thin for x in trend.rounds):
        out.append(_w("bench_thin", lang))
    return out


def _trend_tables(trend: Trend, lang: str) -> list[str]:
    data, labels = trend.to_dict(lang), trend.labels(lang)
    last = trend.rounds[-1]
    lo, hi = last.index_range
    survey = trend.basis == "survey"

    def row(head: str, values: Sequence[float | None], marks: Sequence[bool] | None = None) -> str:
        marks = marks or [False] * len(values)
        cells = "".join(num_cell(v, lang, mark=" †" if m else "") for v, m in zip(values, marks, strict=True))
        first, latest = values[0], values[-1]
        change = None if first is None or latest is None else latest - first
        return f'<tr><th scope="row">{escape(head)}</th>{cells}{num_cell(change, lang, signed=True)}</tr>'

    change_head = _w("change_all", lang).format(first=labels[0], last=labels[-1])
    index_marks = [survey and x.provisional for x in trend.rounds]
    rows = [row(w("index", lang), data["index"], index_marks)]
    rows += [row(f"{d['id']} {d['label']}", d["values"]) for d in data["dimensions"]]
    series = [(w("index", lang), data["index"])] + [
        (f"{d['id']} {d['label']}", d["values"]) for d in data["dimensions"]
    ]
    lines = [
        charts.trend_lines(
            labels, series, lo, hi, _w("chart_trend", lang), _w("chart_trend_desc", lang), lang, narrow=narrow
        )
        for narrow in (False, True)
    ]
    parts = [
        f"<section><h2>{escape(w('dimensions', lang))}</h2>",
        f'<figure class="line"><div class="wide">{lines[0]}</div><div class="narrow">{lines[1]}'
        f"</div><figcaption>{escape(_w('chart_trend_desc', lang))}</figcaption></figure>",
        table(_w("dims_table", lang), [_w("measure", lang), *labels, change_head], rows),
        "</section>",
    ]
    area_rows = [row(f"{a['id']} {a['label']}", a["values"], a["provisional"]) for a in data["areas"]]
    names = [f"{a['id']} {a['label']}" for a in data["areas"]]
    first_values = [a["values"][0] for a in data["areas"]]
    last_values = [a["values"][-1] for a in data["areas"]]
    from liwindex.compare.comparison import round_phrase

    desc = _w("chart_first_last_desc", lang).format(
        n=len(names),
        first=round_phrase(trend.rounds[0], lang, "loc"),
        last=round_phrase(trend.rounds[-1], lang, "loc"),
    )
    pair = (labels[0], labels[-1])
    bars = [
        charts.area_bars(
            names,
            first_values if len(labels) > 1 else None,
            last_values,
            pair,
            lo,
            hi,
            _w("chart_first_last", lang),
            desc,
            lang,
            narrow=narrow,
        )
        for narrow in (False, True)
    ]
    parts += [
        f"<section><h2>{escape(w('areas', lang))}</h2>",
        f'<figure><div class="wide">{bars[0]}</div><div class="narrow">{bars[1]}</div>'
        f"<figcaption>{escape(desc)}</figcaption></figure>",
        table(_w("areas_table", lang), [w("area", lang), *labels, change_head], area_rows),
    ]
    if any(any(a["provisional"]) for a in data["areas"]) or any(index_marks):
        parts.append(f'<p class="note">{escape(_w("dagger", lang).format(min=last.min_group_n))}</p>')
    parts.append("</section>")
    return parts


def trend_page(trend: Trend, lang: str = "pl", author: str | None = None) -> str:
    """One local government's rounds as a page for publication."""
    from liwindex.compare.comparison import jst_of

    labels, data = trend.labels(lang), trend.to_dict(lang)
    index = data["index"]
    jst = jst_of(trend.rounds)
    lines = [
        f"<strong>{escape(jst)}</strong> · {escape(_w('rounds', lang))}: {escape(' → '.join(labels))}"
        if jst
        else f"{escape(_w('rounds', lang))}: {escape(' → '.join(labels))}"
    ]
    delta = None if len(index) < 2 or None in (index[0], index[-1]) else index[-1] - index[0]
    css = "up" if (delta or 0) > 0 else "down" if (delta or 0) < 0 else ""
    from liwindex.compare.comparison import round_phrase
    from liwindex.outputs.headline import headline as official_headline

    # the latest round's LIJW index as score gives it; the change on the trend's basis
    official = official_headline(trend.rounds, None, lang)
    headline = [
        '<section class="headline"><div>',
        f'<div class="muted">{escape(official.label)}</div>',
        f'<div class="big" data-value="{official.index!r}">{escape(fmt(official.index, lang))}</div>',
        f'<div class="muted">{escape(w("of", lang))} · {escape(official.source_words)}</div></div>',
    ]
    if delta is not None:
        since = _w(f"since_{trend.basis}", lang).format(label=round_phrase(trend.rounds[0], lang, "gen"))
        headline += [
            f'<div><div class="muted">{escape(since)}'
            f'</div><div class="big {css}" data-value="{delta!r}">'
            f"{escape(fmt_signed(delta, lang))}</div>"
            f'<div class="muted">{escape(_from_to(index[0], index[-1], lang))}</div></div>'
        ]
    headline.append("</section>")
    body = headline + _caveats(trend.rounds, lang)
    body.append(f'<p class="note">{escape(_w("basis_" + trend.basis, lang))}</p>')
    if official.source != trend.basis:
        last = trend.rounds[-1]
        text = _w("trend_reconcile", lang).format(
            index=fmt(last.index.value, lang),
            survey=fmt(last.index.survey, lang),
            label=round_phrase(last, lang, "loc"),
        )
        body.append(f"<p>{escape(text)}</p>")
    body += _list(_trend_findings(trend, lang), w("findings", lang))
    body += [
        f'<p class="note">{escape(_w("no_ci", lang))}</p>',
        *how_box(lang, trend.rounds[-1].questionnaire, star=False),
        "</section>",
    ]
    from liwindex.outputs.html.page import indicators_section
    from liwindex.outputs.html.report_parts import Report

    body += _trend_tables(trend, lang) + indicators_section(Report(trend.rounds, None, [], lang))
    body += _warnings(trend.problems, lang)
    body += _method(_q_name(trend.rounds[-1], lang), "method_trend", trend.rounds, lang, "round")
    return document(lang, _w("trend_title", lang), jst or labels[-1], lines, body, author)


# --- benchmark -----------------------------------------------------------------------


def _ordered(bench: Benchmark) -> list[str]:
    """The local governments by their index rank (unranked last), then by name."""
    from liwindex.text import fold, strip_diacritics

    ranks = bench.index.ranks
    return sorted(bench.names, key=lambda j: (ranks[j] is None, ranks[j] or 0, strip_diacritics(fold(j))))


def _bench_findings(bench: Benchmark, lang: str) -> list[str]:
    index, basis = bench.index, bench.basis_words(lang)
    # the findings speak of the ranked set only (like for like)
    known = [(j, v) for j in _ordered(bench) if (v := index.values[j]) is not None and index.ranks[j]]
    out = []
    if known:
        (top, top_v), (low, low_v) = known[0], known[-1]
        out.append(
            _w("bench_top", lang).format(
                name=top,
                value=fmt(top_v, lang),
                low=low,
                low_value=fmt(low_v, lang),
                median=fmt(index.median, lang),
                basis=basis,
            )
        )
        above = sum(1 for _, v in known if index.median is not None and v > index.median)
        out.append(_w("bench_above", lang).format(above=above, n=len(known)))
    spreads = [
        (a, min(vs), max(vs))
        for a in bench.areas
        if len(vs := [v for v in a.values.values() if v is not None]) > 1
    ]
    if spreads:
        area, lo, hi = max(spreads, key=lambda s: s[2] - s[1])
        out.append(
            _w("bench_spread", lang).format(
                area=f"{area.id} {area.label[lang]}", low=fmt(lo, lang), high=fmt(hi, lang)
            )
        )
    medians = [a for a in bench.areas if a.median is not None]
    if len(medians) > 1:
        weak = min(medians, key=lambda a: a.median or 0)
        strong = max(medians, key=lambda a: a.median or 0)
        out.append(
            _w("bench_weak", lang).format(
                area=f"{weak.id} {weak.label[lang]}",
                value=fmt(weak.median, lang),
                high=f"{strong.id} {strong.label[lang]}",
                high_value=fmt(strong.median, lang),
            )
        )
    if any(x.thin for x in bench.results):
        out.append(_w("bench_thin", lang))
    return out


def _bench_tables(bench: Benchmark, lang: str) -> list[str]:
    from liwindex.compare.many import jst_name

    order = _ordered(bench)
    by_name = {jst_name(r): r for r in bench.results}
    survey = bench.basis == "survey"
    index = bench.index
    lo, hi = bench.results[0].index_range
    values = [index.values[j] for j in order]
    labels = [f"{index.ranks[j] or '—'}. {j}" for j in order]
    desc = _w("chart_bench_desc", lang).format(n=len(order))
    bars = [
        charts.area_bars(
            labels,
            None,
            values,
            ("", ""),
            lo,
            hi,
            _w("chart_bench", lang),
            desc,
            lang,
            narrow=narrow,
            reference=(index.median, _w("median_line", lang)),
        )
        for narrow in (False, True)
    ]
    rows = []
    for j in order:
        r = by_name[j]
        mark = " †" if survey and r.provisional else ""
        rows.append(
            f'<tr><th scope="row">{escape(j)}</th>'
            f'<td class="num">{index.ranks[j] or "—"}</td>'
            f"<td>{escape(round_label(r, lang))}</td>"
            f'<td class="num" data-value="{r.respondents_total}">{escape(r.respondents_short(lang))}</td>'
            f"{num_cell(index.values[j], lang, mark=mark)}"
            f"{num_cell(index.versus_median(j), lang, signed=True)}</tr>"
        )
    # the median the chart draws as a line, as the table's last row
    rows.append(
        f'<tr><th scope="row">{escape(_w("median", lang))}</th><td></td><td></td><td></td>'
        f"{num_cell(index.median, lang)}<td></td></tr>"
    )
    head = [_w(k, lang) for k in ("jst", "rank", "round", "n", "index", "vs_median")]
    parts = [
        f'<section aria-labelledby="b_index"><h2 id="b_index">{escape(_w("chart_bench", lang))}</h2>',
        f'<figure><div class="wide">{bars[0]}</div><div class="narrow">{bars[1]}</div>'
        f"<figcaption>{escape(desc)}</figcaption></figure>",
        table("", head, rows, numeric=[1, 3, 4, 5], labelledby="b_index"),
        "</section>",
    ]
    legend = "".join(f"<li><strong>{escape(a.id)}</strong> {escape(a.label[lang])}</li>" for a in bench.areas)
    area_rows = []
    for j in order:
        r = by_name[j]
        cells = "".join(
            num_cell(a.values[j], lang, mark=" †" if survey and r.area(a.id).provisional else "")
            for a in bench.areas
        )
        area_rows.append(f'<tr><th scope="row">{escape(j)}</th>{cells}</tr>')
    area_rows.append(
        f'<tr><th scope="row">{escape(_w("median", lang))}</th>'
        + "".join(num_cell(a.median, lang) for a in bench.areas)
        + "</tr>"
    )
    parts += [
        # the heading and the legend stay together: printed, the heading never ends a page
        f'<section aria-labelledby="b_areas"><div class="keep"><h2 id="b_areas">'
        f"{escape(_w('areas_bench', lang))}</h2>",
        f'<ul class="legend">{legend}</ul></div>',
        table("", [_w("jst", lang), *[a.id for a in bench.areas]], area_rows, labelledby="b_areas"),
    ]
    if any(survey and r.provisional for r in bench.results):
        min_n = bench.results[0].min_group_n
        parts.append(f'<p class="note">{escape(_w("dagger", lang).format(min=min_n))}</p>')
    if bench.unranked:
        items = "".join(
            f"<li>{escape(name)}: {escape(t(f'rank_reason_{reason}', lang))}</li>"
            for name, reason in bench.unranked.items()
        )
        parts.append(f'<ul class="note">{items}</ul>')
    parts.append("</section>")
    return parts


def benchmark_page(bench: Benchmark, lang: str = "pl", author: str | None = None) -> str:
    """Local governments side by side as a page for publication."""
    lines = [escape(_w("jst_count", lang).format(n=len(bench.names), basis=bench.basis_words(lang)))]
    body = [f'<p class="caveat" role="note">{escape(_w("caution", lang))}</p>']
    body += _caveats(bench.results, lang, by="jst")
    body += _list(_bench_findings(bench, lang), w("findings", lang))
    body += [*how_box(lang, bench.results[0].questionnaire, star=False), "</section>"]
    body += _bench_tables(bench, lang) + _warnings(bench.problems, lang)
    body += _method(_q_name(bench.results[0], lang), "method_bench", bench.results, lang, "jst")
    return document(lang, _w("bench_title", lang), _w("bench_title", lang), lines, body, author)


def page_for(kind: str, data: Trend | Benchmark, lang: str, author: str | None = None) -> str:
    """The page of ``trend`` or ``benchmark``."""
    if kind == "trend":
        assert isinstance(data, Trend)
        return trend_page(data, lang, author)
    assert isinstance(data, Benchmark)
    return benchmark_page(data, lang, author)
