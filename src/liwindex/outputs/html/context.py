"""The report page's section on the context questions: per single or multiple choice
question a table of its answers, choices as rows and groups as columns, each cell the
count and the share of those who answered."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from liwindex.i18n import fmt
from liwindex.outputs.context_words import w
from liwindex.outputs.html.parts import num_cell, row, table

if TYPE_CHECKING:
    from liwindex.scoring.results import ContextCounts, ContextResult, ScoreResult


def context_section(result: ScoreResult, lang: str = "pl") -> list[str]:
    """The "Kontekst współpracy" section (HTML parts, every text escaped); nothing when the
    round has no single or multiple choice context question."""
    if not result.context:
        return []
    labels = result.questionnaire.group_labels(lang) if result.questionnaire is not None else {}
    parts = [
        f"<section><h2>{escape(w('section', lang))}</h2>",
        f'<p class="note">{escape(w("intro", lang))}</p>',
    ]
    for question in result.context:
        parts.append(f"<h3>{escape(_text(question.text, lang))}</h3>")
        if question.type == "multi":
            parts.append(f'<p class="note">{escape(w("multi", lang))}</p>')
        if not question.overall.answered:
            parts.append(f"<p>{escape(w('nobody', lang))}</p>")
            continue
        columns = _columns(question, labels, lang)
        head = [w("answer", lang), *(f"{name} (n\u00a0=\u00a0{counts.answered})" for name, counts in columns)]
        rows = [
            row(_text(choice.label, lang), *(_cell(counts, choice.code, lang) for _, counts in columns))
            for choice in question.choices
        ]
        parts.append(table(w("caption", lang), head, rows))
    parts.append("</section>")
    return parts


def _columns(question: ContextResult, labels: dict[str, str], lang: str) -> list[tuple[str, ContextCounts]]:
    """Each group asked, then everyone; a question asked of one group, whose overall
    counts are that group's, gets only the group's column."""
    columns = [(labels.get(g, g), counts) for g, counts in question.by_group.items()]
    if len(columns) == 1 and columns[0][1] == question.overall:
        return columns
    return [*columns, (w("overall", lang), question.overall)]


def _cell(counts: ContextCounts, code: str, lang: str) -> str:
    """``12 (21,4%)``: the count and its share of those who answered, the exact share in
    data-value; ``—`` when nobody in the column answered. The value itself never breaks,
    but the cell may wrap (a number cell does not), so that on a phone a long group name
    before it stays inside its card."""
    share = counts.share(code)
    if share is None:
        return num_cell(None, lang)
    shown = f"{counts.counts.get(code, 0)}\u00a0({fmt(100 * share, lang, 1)}%)"
    return f'<td class="num" style="white-space:normal" data-value="{share!r}">{escape(shown)}</td>'


def _text(text: dict[str, str], lang: str) -> str:
    """A question's or choice's text in ``lang``, Polish where there is no other."""
    return text.get(lang) or text["pl"]
