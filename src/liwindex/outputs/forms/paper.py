"""``liwindex questionnaire docs``: the questionnaire as a readable, printable document —
the group question first, then one part per respondent group (for paper surveys), then the
areas, settings and scales for the working group's handbook. Markdown or self-contained HTML
from the same content.

People build their Google or MS form by copying from this document (docs/przewodnik.md), so
a question's text is printed alone in its element, exactly as the questionnaire gives it —
the header matcher recognises it — and a hint such as "(można zaznaczyć kilka odpowiedzi)" is
a separate line (the matcher also accepts it copied after the text:
:mod:`liwindex.responses.hints`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from liwindex.model.questionnaire import Choice, Questionnaire
from liwindex.outputs.settings_words import settings_rows
from liwindex.responses.hints import PRINTED_HINTS

WORDS = {
    "pl": {
        "doc": "Kwestionariusz {id}, wersja {version}",
        "intro": "Prosimy o zaznaczenie jednej odpowiedzi przy każdym pytaniu, chyba że przy pytaniu "
        "napisano inaczej. Jeśli nie znają Państwo odpowiedzi, prosimy zaznaczyć „nie wiem / "
        "trudno powiedzieć”.",
        "route": "Następnie prosimy wypełnić część ankiety dla zaznaczonej grupy.",
        "part": "Ankieta — {group}",
        "part_for": "Tę część wypełniają osoby, które w pytaniu 1 zaznaczyły „{group}”.",
        "context": "Informacje o współpracy",
        "open_part": "Pytania otwarte",
        "handbook": "Dla grupy roboczej: obszary, pytania i skale",
        "settings": "Zasady liczenia wyników",
        "setting": "Ustawienie",
        "value": "Wartość",
        "scales": "Skale odpowiedzi",
        "scale": "Skala",
        "points": "Odpowiedzi: kod = etykieta (punkty)",
        "areas": "Obszary i ich pytania",
        "area": "Obszar",
        "questions": "Pytania: identyfikator (grupy, skala)",
        "na": "brak danych",
        "reverse": "pytanie odwrócone",
    },
    "en": {
        "doc": "Questionnaire {id}, version {version}",
        "intro": "Please mark one answer to each question unless the question says otherwise. If "
        "you do not know, please mark 'don't know / hard to say'.",
        "route": "Then please fill in the part of the questionnaire for the group you marked.",
        "part": "Questionnaire — {group}",
        "part_for": "This part is for those who marked '{group}' in question 1.",
        "context": "About the cooperation",
        "open_part": "Open questions",
        "handbook": "For the working group: areas, questions and scales",
        "settings": "How the scores are computed",
        "setting": "Setting",
        "value": "Value",
        "scales": "Answer scales",
        "scale": "Scale",
        "points": "Answers: code = label (points)",
        "areas": "Areas and their questions",
        "area": "Area",
        "questions": "Questions: id (groups, scale)",
        "na": "missing",
        "reverse": "reversed",
    },
}


@dataclass
class Block:
    """One piece of the document: a heading, a paragraph, a question with its options, or a
    table. ``new_page`` starts a printed page with it (a group's part, the handbook)."""

    kind: str  # "h1", "h2", "h3", "p", "question", "table"
    text: str = ""
    options: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    number: int = 0
    hint: str = ""
    new_page: bool = False
    group: bool = False  # the group question, framed: every respondent starts there


def document(q: Questionnaire, lang: str = "pl", group: str | None = None) -> list[Block]:
    """The document's blocks: the group question (when the document is for more than one
    group), a part per group, then the handbook appendix."""
    w = WORDS.get(lang, WORDS["pl"])
    multi = PRINTED_HINTS["multi"]["pl" if lang == "pl" else "en"]
    groups = [g for g in q.groups if group is None or g.id == group]
    from liwindex.outputs.sheet_words import PROVENANCE

    blocks = [
        Block("h1", q.title.get(lang)),
        Block("p", w["doc"].format(id=q.id, version=q.version)),
        Block("p", w["intro"]),
    ]
    if q.id == "lijw-standard":  # where the standard questionnaire comes from, in one sentence
        blocks.append(Block("p", PROVENANCE["en" if lang == "en" else "pl"]))
    first = 1
    if len(groups) > 1:
        options = tuple(g.label.get(lang) for g in groups)
        blocks += [
            Block("question", q.group_question.asked.get(lang), options, number=1, group=True),
            Block("p", w["route"]),
        ]
        first = 2
    for n, g in enumerate(groups):
        label = g.label.get(lang)
        blocks.append(Block("h2", w["part"].format(group=label), new_page=n > 0))
        if len(groups) > 1:
            blocks.append(Block("p", w["part_for"].format(group=label)))
        number = first - 1

        def ask(text: str, options: tuple[str, ...], hint: str = "") -> Block:
            nonlocal number
            number += 1
            return Block("question", text, options=options, number=number, hint=hint)

        context = [c for c in q.context_questions if g.id in q.question_groups(c) and c.type != "open"]
        if context:
            blocks.append(Block("h3", w["context"]))
            for c in context:
                scale = q.scale_by_id[c.scale] if c.scale else None
                options = tuple(ch.label.get(lang) for ch in scale.choices) if scale else ()
                blocks.append(ask(c.text.get(lang), options, f"({multi})" if c.type == "multi" else ""))
        for d in q.dimensions:
            for a in d.areas:
                asked = [x for x in a.questions if g.id in q.question_groups(x)]
                if not asked:
                    continue
                blocks.append(Block("h3", f"{a.id}. {a.label.get(lang)}"))
                for x in asked:
                    choices = q.scale_by_id[x.scale].choices
                    blocks.append(ask(x.text.get(lang), tuple(c.label.get(lang) for c in choices)))
        opened = [c for c in q.context_questions if g.id in q.question_groups(c) and c.type == "open"]
        if opened:
            blocks.append(Block("h3", w["open_part"]))
            blocks += [ask(c.text.get(lang), ()) for c in opened]
    return blocks + handbook(q, lang)


def handbook(q: Questionnaire, lang: str = "pl") -> list[Block]:
    """The working group's appendix: the scoring settings in words, each area's questions
    (ids as exports name them) and the scales with their points."""
    w = WORDS.get(lang, WORDS["pl"])
    settings = [(w["setting"], w["value"]), *settings_rows(q, lang)]
    rows = [(w["area"], w["questions"])]
    for d in q.dimensions:
        for a in d.areas:
            listed = ", ".join(
                f"{x.id} ({'/'.join(q.question_groups(x))}, {x.scale}"
                + (f", {w['reverse']}" if x.reverse else "")
                + ")"
                for x in a.questions
            )
            rows.append((f"{d.id} / {a.id} {a.label.get(lang)}", listed))

    def choice(c: Choice) -> str:
        points = w["na"] if c.na else "" if c.points is None else f"{c.points:g}"
        return f"{c.code} = {c.label.get(lang)}" + (f" ({points})" if points else "")

    scale_rows = [(w["scale"], w["points"])]
    scale_rows += [(sc.id, "; ".join(choice(c) for c in sc.choices)) for sc in q.scales]
    # the longest table last: where it is cut between pages, it leaves more than a row
    return [
        Block("h2", w["handbook"], new_page=True),
        Block("h3", w["settings"]),
        Block("table", rows=tuple(settings)),
        Block("h3", w["scales"]),
        Block("table", rows=tuple(scale_rows)),
        Block("h3", w["areas"]),
        Block("table", rows=tuple(rows)),
    ]


def to_markdown(blocks: list[Block]) -> str:
    """The document as Markdown (tick boxes as ☐); a question's hint is a paragraph of its
    own under the question's text."""
    out: list[str] = []
    for b in blocks:
        if b.kind in ("h1", "h2", "h3"):
            out += ["#" * int(b.kind[1]) + " " + b.text, ""]
        elif b.kind == "p":
            out += [b.text, ""]
        elif b.kind == "question":
            pad = " " * len(f"{b.number}. ")  # the item's paragraphs line up with its text
            out += [f"{b.number}. **{b.text}**", ""]
            if b.hint:
                out += [f"{pad}_{b.hint}_", ""]
            out += [pad + ("  ".join(f"☐ {o}" for o in b.options) if b.options else "_" * 60), ""]
        elif b.kind == "table":
            header, *rows = b.rows
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + " --- |" * len(header))
            out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


CSS = """body{font-family:"DejaVu Sans",system-ui,sans-serif;max-width:48rem;margin:2rem auto;
padding:0 1rem;line-height:1.4;color:#111}h1{font-size:1.6rem;margin:0 0 .4rem}
h2{margin:2rem 0 .6rem;border-bottom:2px solid #333;font-size:1.3rem}h3{margin:1.2rem 0 .3rem;
font-size:1.05rem}h2,h3{break-after:avoid;page-break-after:avoid}
.q{margin:.7rem 0;break-inside:avoid;page-break-inside:avoid}.qtext{margin:0;font-weight:bold}
.hint{margin:.1rem 0 0;font-style:italic;font-size:.9em}
.opts{list-style:none;margin:.3rem 0 0 1.4rem;padding:0}
.opts li{display:inline-block;margin:0 1.3rem .15rem 0}
.box{display:inline-block;width:.75em;height:.75em;border:1.5px solid #111;margin-right:.35em;
vertical-align:-.05em}.lines{margin:.4rem 0 0 1.4rem}.lines div{border-bottom:1px solid #555;height:1.7rem}
.newpage{break-before:page;page-break-before:always}.keep{break-inside:avoid;page-break-inside:avoid}
.group{border:1.5px solid #111;padding:.5rem .7rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;font-size:.85rem}td,th{border:1px solid #999;
padding:.25rem .35rem;vertical-align:top;text-align:left}thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
@page{size:A4;margin:15mm 16mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}h2{margin-top:0}}"""


def to_html(blocks: list[Block], lang: str = "pl") -> str:
    """The document as one self-contained HTML page, printable on A4: a question's text is
    alone in its paragraph, its hint in the next one, every part starts a page, and the
    headings and notes before a question are kept on its page."""
    e = html.escape
    title = next((b.text for b in blocks if b.kind == "h1"), "")
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{CSS}</style></head><body><main>",
    ]
    before: list[str] = []  # headings and paragraphs waiting for the question they introduce
    new_page = False
    for b in blocks:
        if b.kind in ("h1", "h2", "h3", "p"):
            tag = "p" if b.kind == "p" else b.kind
            before.append(f"<{tag}>{e(b.text)}</{tag}>")
            new_page = new_page or b.new_page
        elif b.kind == "question":
            css = "keep newpage" if new_page else "keep"
            out.append(f'<div class="{css}">' + "".join(before) + _question(b) + "</div>")
            before, new_page = [], False
        elif b.kind == "table":
            if before:
                out.append(f'<div class="newpage">{"".join(before)}</div>' if new_page else "".join(before))
            before, new_page = [], False
            header, *rows = b.rows
            cells = "".join(f'<th scope="col">{e(h)}</th>' for h in header)
            out.append(f"<table><thead><tr>{cells}</tr></thead><tbody>")
            out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows]
            out.append("</tbody></table>")
    out += [*before, "</main></body></html>"]
    return "\n".join(out) + "\n"


def _question(b: Block) -> str:
    """A question: its number and text, its hint on a line of its own, tick boxes or lines."""
    e = html.escape
    hint = f'<p class="hint">{e(b.hint)}</p>' if b.hint else ""
    box = '<span class="box" aria-hidden="true"></span>'
    options = (
        '<ul class="opts">' + "".join(f"<li>{box}{e(o)}</li>" for o in b.options) + "</ul>"
        if b.options
        else '<div class="lines"><div></div><div></div><div></div></div>'
    )
    css = "q group" if b.group else "q"
    return (
        f'<section class="{css}"><p class="qtext"><span class="num">{b.number}.</span> '
        f"{e(b.text)}</p>{hint}{options}</section>"
    )
