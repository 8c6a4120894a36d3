"""What every page for publication shares: the stylesheet, the document's head and frame,
number cells that carry their exact value, tables that become cards on a phone, and the
"how to read" box."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from liwindex import __version__
from liwindex.i18n import fmt, fmt_signed
from liwindex.outputs.words import w
from liwindex.text import visible

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire

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
th[scope=rowgroup]{text-align:left;padding-top:.9rem;border-bottom:1px solid var(--ink)}
figure{margin:1rem 0;break-inside:avoid}figcaption{font-size:.85rem;color:var(--muted)}
figure.radar svg{max-width:22rem;display:block;margin:0 auto}
figure.line svg{max-width:40rem;display:block}.gap svg{max-width:32rem}
ul.legend{columns:2 18rem;font-size:.85rem;padding-left:1.2rem}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:3px solid var(--line);white-space:pre-wrap}
ul.answers{list-style:none;padding-left:0}ul.answers li{margin:.3rem 0;padding:.2rem .8rem;
border-left:3px solid var(--line);white-space:pre-wrap}
footer{margin-top:3rem;font-size:.8rem;color:var(--muted)}
.narrow{display:none}
@media screen and (max-width:40rem){.wide{display:none}.narrow{display:block}
table.cards caption{display:block;width:100%}table.cards,table.cards tbody,table.cards tr,table.cards td,
table.cards th[scope=row]{display:block;width:100%}table.cards thead{display:none}
table.cards tr{border:1px solid var(--line);border-radius:.4rem;margin:.6rem 0;padding:.3rem .6rem}
table.cards td,table.cards th[scope=row]{border:0;padding:.15rem 0;text-align:left}
table.cards td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
table.cards td:empty{display:none}
table.cards th[scope=row]{font-size:1.05rem}
table.cards th[scope=rowgroup]{display:block;width:100%}table.cards tr.group{border:0;padding:0}}
@page{size:A4;margin:16mm 14mm 18mm;
@bottom-center{content:counter(page) " / " counter(pages);font-size:9pt}}
@media print{body{font-size:10pt}main{max-width:none;padding:0}.scroll{overflow:visible}
table{font-size:8.5pt}th[scope=row]{min-width:9rem}h2{margin-top:1.2rem}
tbody.keep,div.keep,li,blockquote,.headline,.caveat{break-inside:avoid}p{orphans:3;widows:3}
h2,h3,h2+p,.highlights>p{break-after:avoid}}
"""


def num_cell(value: float | None, lang: str, signed: bool = False, digits: int = 2, mark: str = "") -> str:
    """A numeric cell: the number as people read it (with ``mark``, e.g. " †"), the exact
    value in data-value."""
    shown = fmt_signed(value, lang, digits) if signed else fmt(value, lang, digits)
    data = "" if value is None else f' data-value="{value!r}"'
    return f'<td class="num"{data}>{escape(shown + mark)}</td>'


def table(
    caption: str,
    head: Sequence[str],
    rows: Sequence[str],
    numeric: Sequence[int] | None = None,
    labelledby: str | None = None,
) -> str:
    """A real table: column headers and a name — ``caption``, or, where the section's
    heading already names it, ``labelledby`` (the heading's id) and no caption that would
    repeat it. ``numeric`` columns are right-aligned (by default every column but the
    first). On a phone each row becomes a card. Printed, the first two and the last two
    rows stay together, so that no row is left alone at the foot or the top of a page."""
    numeric = range(1, len(head)) if numeric is None else numeric
    cells = "".join(
        f'<th scope="col"{" class=num" if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(head)
    )
    labelled = [_labelled(line, head) for line in rows]
    if len(labelled) > 4:
        groups = [labelled[:2], labelled[2:-2], labelled[-2:]]
        body = "".join(
            f"<tbody{' class=keep' if k != 1 else ''}>{''.join(g)}</tbody>" for k, g in enumerate(groups) if g
        )
    else:
        body = f"<tbody class=keep>{''.join(labelled)}</tbody>"
    named = f' aria-labelledby="{escape(labelledby)}"' if labelledby else ""
    title = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (
        f'<div class="scroll"><table class="cards"{named}>{title}'
        f"<thead><tr>{cells}</tr></thead>{body}</table></div>"
    )


def _labelled(line: str, head: Sequence[str]) -> str:
    """Each data cell of a row carries its column's header, shown before the value when a
    phone lays the row out as a card."""
    import re

    position = iter(range(len(head) + 1000))

    def label(found: re.Match[str]) -> str:
        k = next(position)
        if found.group(1) == "th" or k >= len(head):
            return found.group(0)
        return f'<td data-label="{escape(head[k])}"'

    return re.sub(r"<(td|th)(?=[\s>])", label, line)


def row(head: str, *cells: str) -> str:
    """A table row headed by ``head`` (escaped) with ``cells`` (HTML)."""
    return f'<tr><th scope="row">{escape(head)}</th>{"".join(cells)}</tr>'


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
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="liwindex {__version__}">',
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
