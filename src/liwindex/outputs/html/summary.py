"""The summary of a batch run: every JST's index side by side, as an HTML page and a
workbook, each row linking to that JST's own report."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from liwindex import __version__
from liwindex.outputs.html.page import CSS
from liwindex.problems import Severity
from liwindex.text import visible

if TYPE_CHECKING:
    from liwindex.compare.batch import BatchResult, JstRun

HEAD = {
    "pl": ["Miejsce", "JST", "Etapy", "Indeks — pierwszy etap", "Indeks — ostatni etap", "Zmiana",
           "Podstawa", "Raport"],
    "en": ["Rank", "Local government", "Rounds", "Index — first round", "Index — latest round",
           "Change", "Basis", "Report"],
}
WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "title": "Lokalny Indeks Jakości Współpracy — zestawienie JST",
        "lead": "Indeks LIJW (skala 1–5) każdej JST w pierwszym i ostatnim etapie oceny. Zmiana "
                "liczona jest jak z jak — z ocen grupy roboczej, gdy oba etapy je mają, inaczej z "
                "wyników ankiety; przedziały ufności i istotność zmian są w raporcie każdej JST.",
        "caption": "Indeks LIJW w JST",
        "survey": "ankieta", "grades": "oceny grupy roboczej",
        "provisional": "† wynik wstępny: za mało respondentów jednej z grup (zob. raport JST).",
        "failed": "Nie przygotowano raportu (błędy w plikach)",
        "failed_h": "JST, których raportu nie przygotowano",
        "unassigned_h": "Pliki bez przypisanej JST",
        "unassigned": "Tych plików nie przypisano do żadnej JST: nie dało się ich odczytać albo "
                      "nie podają nazwy JST (arkusz „metryka” lub metryka.yaml).",
        "rank_note": "Miejsce według indeksu w ostatnim etapie (1 = najwyższy). JST oceniały się "
                     "same, różnymi grupami respondentów — porównuj ostrożnie.",
        "page": "strona", "workbook": "Excel",
        "generated": "Przygotowano programem liwindex {version}.",
        "count": "JST w zestawieniu: {n}.",
    },
    "en": {
        "title": "Local Cooperation Quality Index — local governments side by side",
        "lead": "The LIJW index (1–5 scale) of each local government in its first and latest "
                "round. Changes are like for like — from the working group's grades when both "
                "rounds have them, else from the survey; intervals and significance are in each "
                "local government's report.",
        "caption": "LIJW index by local government",
        "survey": "survey", "grades": "working-group grades",
        "provisional": "† provisional: too few respondents of one group (see the report).",
        "failed": "No report (errors in the files)",
        "failed_h": "Local governments without a report",
        "unassigned_h": "Files without a local government",
        "unassigned": "These files were not assigned to a local government: they could not be "
                      "read or name none (a 'metryka' sheet or metryka.yaml).",
        "rank_note": "Rank by the latest round's index (1 = highest). Each local government "
                     "assessed itself with its own respondents — compare with care.",
        "page": "page", "workbook": "Excel",
        "generated": "Made with liwindex {version}.",
        "count": "Local governments: {n}.",
    },
}


def _ordered(batch: BatchResult) -> list[JstRun]:
    """The JSTs with a report, by rank, then by name as Polish readers sort it."""
    from liwindex.text import fold, strip_diacritics

    return sorted((r for r in batch.runs if not r.failed),
                  key=lambda r: (r.rank is None, r.rank or 0, strip_diacritics(fold(r.name))))


def summary_page(batch: BatchResult, lang: str) -> str:
    """The summary as one self-contained HTML page."""
    words = WORDS[lang]
    ok = _ordered(batch)
    head = HEAD[lang]

    def td(i: int, value: str, numeric: bool = False, raw: bool = False) -> str:
        css = ' class="num"' if numeric else ""
        return f'<td{css} data-label="{escape(head[i])}">{value if raw else escape(value)}</td>'

    rows = []
    for run in ok:
        cells = run.cells(lang)
        links = (f'<a href="{escape(run.slug)}.html">{words["page"]}</a> · '
                 f'<a href="{escape(run.slug)}.xlsx">{words["workbook"]}</a>')
        rows.append("<tr>" + f'<th scope="row">{escape(cells[1])}</th>' + td(0, cells[0], True)
                    + td(2, cells[2]) + "".join(td(i, cells[i], True) for i in (3, 4, 5))
                    + td(6, cells[6]) + td(7, links, raw=True) + "</tr>")
    order = [1, 0, 2, 3, 4, 5, 6, 7]  # the JST's name first: it heads each card on a phone
    head_cells = "".join(f'<th scope="col"{" class=num" if i in (0, 3, 4, 5) else ""}>'
                         f"{escape(head[i])}</th>" for i in order)
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(words['title'])}</title><style>{CSS}</style></head><body><main>",
        f"<header><h1>{escape(words['title'])}</h1><p>{escape(words['lead'])}</p>",
        f"<p class=\"muted\">{escape(words['count'].format(n=len(ok)))}</p></header>",
        f'<div class="scroll"><table class="cards"><caption>{escape(words["caption"])}</caption>'
        f"<thead><tr>{head_cells}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>",
        f'<p class="note">{escape(words["rank_note"])}</p>',
    ]
    if any(r.provisional for r in ok):
        parts.append(f'<p class="note">{escape(words["provisional"])}</p>')
    failed = [r for r in batch.runs if r.failed]
    if failed:
        parts.append(f"<section><h2>{escape(words['failed_h'])}</h2><ul>")
        for run in failed:
            errors = [p.message(lang) for p in run.problems if p.severity is Severity.ERROR]
            parts.append(f"<li><strong>{escape(run.name)}</strong>: "
                         f"{escape(errors[0] if errors else words['failed'])}"
                         + (f" (+{len(errors) - 1})" if len(errors) > 1 else "") + "</li>")
        parts.append("</ul></section>")
    if batch.unassigned:
        parts.append(f"<section><h2>{escape(words['unassigned_h'])}</h2>"
                     f"<p>{escape(words['unassigned'])}</p><ul>")
        for problem in batch.unassigned:
            parts.append(f"<li>{escape(problem.location(lang))}: {escape(problem.message(lang))}</li>")
        parts.append("</ul></section>")
    parts.append(f"<footer>{escape(words['generated'].format(version=__version__))}</footer>"
                 "</main></body></html>")
    return visible("\n".join(parts)) + "\n"


def write_summary_xlsx(path: Path, batch: BatchResult, lang: str) -> None:
    """The summary as a workbook: one row per JST, numbers as numbers, links to its files."""
    from openpyxl import Workbook

    from liwindex.outputs.excel.round import DELTA, SCORE, header, layout, put

    words = WORDS[lang]
    wb = Workbook()
    ws = wb.active
    ws.title = "Zestawienie" if lang == "pl" else "Summary"
    header(ws, 1, HEAD[lang])
    ok = _ordered(batch)
    for row, run in enumerate(ok, 2):
        cells = run.cells(lang)
        put(ws, row, 1, run.rank)
        put(ws, row, 2, run.name)
        put(ws, row, 3, cells[2])
        put(ws, row, 4, run.before, SCORE)
        put(ws, row, 5, run.after, SCORE)
        put(ws, row, 6, run.delta, DELTA)
        put(ws, row, 7, cells[6] + (" †" if run.provisional else ""))
        link = ws.cell(row=row, column=8, value=f"{run.slug}.xlsx")
        link.hyperlink = f"{run.slug}.xlsx"
    last = len(ok) + 3
    put(ws, last, 1, words["rank_note"])
    if any(r.provisional for r in ok):
        put(ws, last + 1, 1, words["provisional"])
    for k, run in enumerate([r for r in batch.runs if r.failed], last + 3):
        put(ws, k, 2, run.name)
        put(ws, k, 3, words["failed"])
    layout(ws, [9, 34, 34, 14, 14, 10, 22, 28], landscape=True)
    wb.save(path)
