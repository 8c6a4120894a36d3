"""The annex as a self-contained HTML page."""

from __future__ import annotations

from html import escape

from liwindex.outputs.annex.content import Annex


def annex_html(annex: Annex) -> str:
    """The annex as a self-contained HTML page (the same words as the Word document)."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if annex.lang == "en" else "pl"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="liwindex">',
        f"<title>{escape(annex.title)}</title>",
        "<style>body{font-family:Calibri,Carlito,'Segoe UI',Arial,sans-serif;color:#1f1f1f;"
        "max-width:48rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45}"
        "h1{font-size:1.35rem}h2{font-size:1.1rem;margin-top:1.4rem}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;padding:.2rem .4rem;"
        "text-align:left;vertical-align:top}td.num,th.num{text-align:right}"
        "th[scope=row]{font-weight:normal}thead th{background:#e7e6e6}"
        ".scroll{overflow-x:auto}.note{font-size:.85rem}"
        "@media (max-width:600px){body{margin:.8rem auto;padding:0 .6rem}table{font-size:.8rem}"
        "th,td{padding:.15rem .25rem;hyphens:auto}}"
        "@page{size:A4;margin:2cm}</style></head><body><main>",
        f"<h1>{escape(annex.title)}</h1>",
        f"<p>{escape(annex.subtitle)}</p>",
    ]
    for n, part in enumerate(annex.sections):
        parts.append(f'<section aria-labelledby="a{n}"><h2 id="a{n}">{escape(part.heading)}</h2>')
        parts += [f"<p>{escape(text)}</p>" for text in part.paragraphs]
        if part.bullets:
            parts.append("<ul>" + "".join(f"<li>{escape(text)}</li>" for text in part.bullets) + "</ul>")
        if part.table is not None:
            t = part.table

            def css(i: int, numeric: set[int] = t.numeric) -> str:
                return ' class="num"' if i in numeric else ""

            head = "".join(f'<th scope="col"{css(i)}>{escape(h)}</th>' for i, h in enumerate(t.head))
            body = "".join(
                "<tr>"
                + "".join(
                    f'<th scope="row">{escape(c)}</th>' if i == 0 else f"<td{css(i)}>{escape(c)}</td>"
                    for i, c in enumerate(r)
                )
                + "</tr>"
                for r in t.rows
            )
            # a wide table scrolls inside its own box on a phone, never the page
            parts.append(
                f'<div class="scroll" role="region" aria-labelledby="a{n}" tabindex="0">'
                f'<table aria-labelledby="a{n}"><thead><tr>{head}</tr></thead>'
                f"<tbody>{body}</tbody></table></div>"
            )
        parts += [f'<p class="note">{escape(text)}</p>' for text in part.notes]
        parts.append("</section>")
    parts += [f'<p class="note">{escape(text)}</p>' for text in annex.footer]
    parts.append("</main></body></html>")
    return "\n".join(parts)
