"""``liwindex questionnaire docs``: the questionnaire as a readable, printable document —
one part per respondent group (for paper surveys), then the areas and scales for the
working group's handbook. Markdown or self-contained HTML from the same content."""

from __future__ import annotations

import html
from dataclasses import dataclass

from liwindex.model.questionnaire import Choice, Questionnaire

WORDS = {
    "pl": {
        "part": "Ankieta — {group}",
        "intro": "Prosimy o zaznaczenie jednej odpowiedzi przy każdym pytaniu. Jeśli nie znają "
        "Państwo odpowiedzi, prosimy zaznaczyć „nie wiem / trudno powiedzieć”.",
        "multi": "(można zaznaczyć kilka odpowiedzi)",
        "open": "Odpowiedź:",
        "context": "Informacje o współpracy",
        "open_part": "Pytania otwarte",
        "handbook": "Dla grupy roboczej: obszary, pytania i skale",
        "area": "Obszar",
        "questions": "Pytania",
        "scale": "Skala",
        "points": "punkty",
        "na": "brak danych",
        "settings": "Zasady liczenia: zakres indeksu {lo}–{hi}, krok ocen {step}, "
        "agregacja: {aggregation}, ważenie grup: {weighting}, minimum odpowiedzi w obszarze: "
        "{min_answered:.0%}, minimum obszarów dla indeksu: {coverage:.0%}.",
        "reverse": "pytanie odwrócone",
    },
    "en": {
        "part": "Questionnaire — {group}",
        "intro": "Please mark one answer to each question. If you do not know, please mark "
        "'don't know / hard to say'.",
        "multi": "(you may mark several answers)",
        "open": "Answer:",
        "context": "About the cooperation",
        "open_part": "Open questions",
        "handbook": "For the working group: areas, questions and scales",
        "area": "Area",
        "questions": "Questions",
        "scale": "Scale",
        "points": "points",
        "na": "missing",
        "settings": "Scoring: index range {lo}–{hi}, grade step {step}, aggregation: "
        "{aggregation}, group weighting: {weighting}, minimum answers in an area: "
        "{min_answered:.0%}, minimum areas for the index: {coverage:.0%}.",
        "reverse": "reversed",
    },
}


@dataclass
class Block:
    """One piece of the document: a heading, a paragraph, a question with its options, or a
    table."""

    kind: str  # "h1", "h2", "h3", "p", "question", "table"
    text: str = ""
    options: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    number: int = 0


def document(q: Questionnaire, lang: str = "pl", group: str | None = None) -> list[Block]:
    """The document's blocks: a part per group, then the handbook appendix."""
    w = WORDS.get(lang, WORDS["pl"])
    blocks = [Block("h1", q.title.get(lang)), Block("p", f"{q.id} {q.version}")]
    for g in q.groups:
        if group is not None and g.id != group:
            continue
        blocks += [Block("h2", w["part"].format(group=g.label.get(lang))), Block("p", w["intro"])]
        number = 0

        def ask(text: str, options: tuple[str, ...]) -> Block:
            nonlocal number
            number += 1
            return Block("question", text, options=options, number=number)

        context = [c for c in q.context_questions if g.id in q.question_groups(c) and c.type != "open"]
        if context:
            blocks.append(Block("h3", w["context"]))
            for c in context:
                scale = q.scale_by_id[c.scale] if c.scale else None
                suffix = f" {w['multi']}" if c.type == "multi" else ""
                blocks.append(
                    ask(
                        c.text.get(lang) + suffix,
                        tuple(ch.label.get(lang) for ch in scale.choices) if scale else (),
                    )
                )
        for d in q.dimensions:
            for a in d.areas:
                asked = [x for x in a.questions if g.id in q.question_groups(x)]
                if not asked:
                    continue
                blocks.append(Block("h3", f"{a.id}. {a.label.get(lang)}"))
                for x in asked:
                    blocks.append(
                        ask(
                            x.text.get(lang), tuple(c.label.get(lang) for c in q.scale_by_id[x.scale].choices)
                        )
                    )
        opened = [c for c in q.context_questions if g.id in q.question_groups(c) and c.type == "open"]
        if opened:
            blocks.append(Block("h3", w["open_part"]))
            blocks += [ask(c.text.get(lang), ()) for c in opened]

    s = q.scoring
    blocks += [
        Block("h2", w["handbook"]),
        Block(
            "p",
            w["settings"].format(
                lo=f"{s.lo:g}",
                hi=f"{s.hi:g}",
                step=f"{s.grade_step:g}",
                aggregation=s.aggregation,
                weighting=s.group_weighting,
                min_answered=s.min_answered,
                coverage=s.min_area_coverage,
            ),
        ),
    ]
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
    blocks.append(Block("table", rows=tuple(rows)))
    scale_rows = [(w["scale"], w["points"])]

    def points(choice: Choice) -> str:
        return w["na"] if choice.na else "" if choice.points is None else f"{choice.points:g}"

    for sc in q.scales:
        scale_rows.append(
            (sc.id, "; ".join(f"{c.code} = {c.label.get(lang)} ({points(c)})" for c in sc.choices))
        )
    blocks.append(Block("table", rows=tuple(scale_rows)))
    return blocks


def to_markdown(blocks: list[Block]) -> str:
    """The document as Markdown (tick boxes as ☐)."""
    out: list[str] = []
    for b in blocks:
        if b.kind in ("h1", "h2", "h3"):
            out += ["#" * int(b.kind[1]) + " " + b.text, ""]
        elif b.kind == "p":
            out += [b.text, ""]
        elif b.kind == "question":
            out.append(f"{b.number}. **{b.text}**")
            out.append("   " + ("  ".join(f"☐ {o}" for o in b.options) if b.options else "_" * 60))
            out.append("")
        elif b.kind == "table":
            header, *rows = b.rows
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + " --- |" * len(header))
            out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


CSS = """body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;
line-height:1.45;color:#111}h2{margin-top:2.5rem;border-bottom:2px solid #333}
h2,h3{break-after:avoid}.q{margin:.9rem 0;break-inside:avoid}.opts{margin:.3rem 0 0 1.2rem}
.opts span{display:inline-block;margin-right:1.2rem}.line{border-bottom:1px solid #555;height:3.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #999;padding:.3rem;
vertical-align:top;text-align:left}@page{size:A4;margin:18mm}"""


def to_html(blocks: list[Block], lang: str = "pl") -> str:
    """The document as one self-contained HTML page, printable on A4."""
    e = html.escape
    title = next((b.text for b in blocks if b.kind == "h1"), "")
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>",
    ]
    for b in blocks:
        if b.kind in ("h1", "h2", "h3"):
            out.append(f"<{b.kind}>{e(b.text)}</{b.kind}>")
        elif b.kind == "p":
            out.append(f"<p>{e(b.text)}</p>")
        elif b.kind == "question":
            options = (
                "".join(f"<span>☐ {e(o)}</span>" for o in b.options)
                if b.options
                else '<div class="line"></div>'
            )
            out.append(
                f'<div class="q"><strong>{b.number}. {e(b.text)}</strong>'
                f'<div class="opts">{options}</div></div>'
            )
        elif b.kind == "table":
            header, *rows = b.rows
            cells = "".join(f"<th>{e(h)}</th>" for h in header)
            out.append(f"<table><thead><tr>{cells}</tr></thead><tbody>")
            out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows]
            out.append("</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
