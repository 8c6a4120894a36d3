"""The summary of a batch run: every JST's index side by side, as an HTML page and a
workbook, each row linking to that JST's own report."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from liwindex import __version__
from liwindex.outputs.html.parts import CSS, num_cell, row, table
from liwindex.outputs.summary_words import HEAD, WORDS, changes_line, quality_lines
from liwindex.text import visible

if TYPE_CHECKING:
    from liwindex.compare.batch import BatchResult


def summary_page(batch: BatchResult, lang: str) -> str:
    """The summary as one self-contained HTML page."""
    words = WORDS[lang]
    ok = batch.ranked()
    head = HEAD[lang]

    def td(i: int, value: str, numeric: bool = False, raw: bool = False) -> str:
        css = ' class="num"' if numeric else ""
        return f'<td{css} data-label="{escape(head[i])}">{value if raw else escape(value)}</td>'

    rows = []
    for run in ok:
        cells = run.cells(lang)
        links = (
            f'<a href="{escape(run.slug)}.html">{words["page"]}</a> · '
            f'<a href="{escape(run.slug)}.xlsx">{words["workbook"]}</a>'
        )
        rows.append(
            "<tr>"
            + f'<th scope="row">{escape(cells[1])}</th>'
            + td(0, cells[0], True)
            + td(2, cells[2])
            + "".join(td(i, cells[i], True) for i in (3, 4, 5))
            + td(6, cells[6])
            + td(7, run.results[-1].respondents_short(lang))
            + td(8, run.note(lang))
            + td(9, links, raw=True)
            + "</tr>"
        )
    order = [1, 0, 2, 3, 4, 5, 6, 7, 8, 9]  # the JST's name first: it heads each card on a phone
    head_cells = "".join(
        f'<th scope="col"{" class=num" if i in (0, 3, 4, 5) else ""}>{escape(head[i])}</th>' for i in order
    )
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="liwindex {__version__}">',
        f"<title>{escape(words['title'])}</title><style>{CSS}main{{max-width:84rem}}</style></head><body><main>",
        f"<header><h1>{escape(words['title'])}</h1><p>{escape(words['lead'])}</p>",
        f'<p class="muted">{escape(words["count"].format(n=len(ok)))}</p></header>',
        f'<div class="scroll"><table class="cards"><caption>{escape(words["caption"])}</caption>'
        f"<thead><tr>{head_cells}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>",
        f'<p class="note">{escape(words["rank_note"])}</p>',
    ]
    change_line = changes_line(batch, lang)
    if change_line:
        parts.append(f"<p>{escape(change_line)}</p>")
    if any(r.provisional for r in ok):
        parts.append(f'<p class="note">{escape(words["provisional"])}</p>')
    parts += _areas_section(batch, lang)
    failed = [r for r in batch.runs if r.failed]
    if failed:
        parts.append(f"<section><h2>{escape(words['failed_h'])}</h2><ul>")
        for run in failed:
            parts.append(f"<li><strong>{escape(run.name)}</strong>: {escape(run.failure(lang))}</li>")
        parts.append("</ul></section>")
    if batch.unassigned:
        parts.append(
            f"<section><h2>{escape(words['unassigned_h'])}</h2><p>{escape(words['unassigned'])}</p><ul>"
        )
        for problem in batch.unassigned:
            parts.append(f"<li>{escape(problem.message(lang))}</li>")
        parts.append("</ul></section>")
    lines = quality_lines(batch, lang)
    if lines:
        parts.append(f"<section><h2>{escape(words['quality_h'])}</h2><p>{escape(words['quality'])}</p><ul>")
        parts += [f"<li>{escape(line)}</li>" for line in lines]
        parts.append("</ul></section>")
    parts.append(
        f"<footer>{escape(words['generated'].format(version=__version__))}</footer></main></body></html>"
    )
    return visible("\n".join(parts)) + "\n"


def _areas_section(batch: BatchResult, lang: str) -> list[str]:
    """Each area's median across the JSTs, first and latest, as a table and a chart."""
    from liwindex.outputs.html import charts

    areas = batch.areas_across(lang)
    if not areas or not any(a["n"] for a in areas):
        return []
    words = WORDS[lang]
    first = [a["median_first"] for a in areas]
    has_first = any(v is not None for v in first)
    lo, hi = next(r.results[-1].index_range for r in batch.runs if r.results)
    labels = [f"{a['id']} {a['label']}" for a in areas]
    args = (
        labels,
        first if has_first else None,
        [a["median_latest"] for a in areas],
        (words["areas_first"], words["areas_latest"]),
        lo,
        hi,
        words["areas_chart"],
        words["areas_lead"],
        lang,
    )
    rows = [
        row(
            f"{a['id']} {a['label']}",
            f'<td class="num">{a["n"]}</td>',
            num_cell(a["median_first"], lang),
            num_cell(a["median_latest"], lang),
            num_cell(a["lowest"], lang),
            num_cell(a["highest"], lang),
        )
        for a in areas
    ]
    return [
        f"<section><h2>{escape(words['areas_h'])}</h2><p>{escape(words['areas_lead'])}</p>",
        f'<figure><div class="wide">{charts.area_bars(*args)}</div>'
        f'<div class="narrow">{charts.area_bars(*args, narrow=True)}</div></figure>',
        table(words["areas_h"], words["areas_head"], rows),
        "</section>",
    ]
