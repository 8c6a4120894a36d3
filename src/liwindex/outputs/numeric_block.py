"""The numeric data (dane liczbowe) of one area on a grading card: the round's values of the
indicators that inform the area or its płaszczyzna, beside the previous round's and the
change in units (a percentage in percentage points)."""

from __future__ import annotations

from html import escape

from liwindex.compare.indicators import indicator_series
from liwindex.i18n import fmt_amount
from liwindex.scoring.results import ScoreResult

WORDS = {
    "pl": {"heading": "Dane liczbowe", "indicator": "Wskaźnik", "value": "Wartość", "change": "Zmiana"},
    "en": {"heading": "Numeric data", "indicator": "Indicator", "value": "Value", "change": "Change"},
}


def area_data_block(result: ScoreResult, previous: ScoreResult | None, area_id: str, lang: str) -> list[str]:
    """A small table of the area's numeric data (nothing when the round gives none)."""
    from liwindex.compare.comparison import round_label

    words = WORDS["en" if lang == "en" else "pl"]
    dimension = next((a.dimension for a in result.areas if a.id == area_id), None)
    rounds = [previous, result] if previous is not None else [result]
    series = [i for i in indicator_series(rounds) if i.place in (area_id, dimension) and i.after is not None]
    if not series:
        return []
    heads = [round_label(r, lang) for r in rounds] if previous is not None else [words["value"]]
    heads += [words["change"]] if previous is not None else []
    out = [
        f"<h3>{escape(words['heading'])}</h3><table><thead><tr>"
        f'<th scope="col">{escape(words["indicator"])}</th>'
        + "".join(f'<th scope="col" class="num">{escape(h)}</th>' for h in heads)
        + "</tr></thead><tbody>"
    ]
    for i in series:
        cells = [fmt_amount(v, i.unit, lang) for v in i.values]
        cells += [fmt_amount(i.delta, i.unit, lang, signed=True)] if previous is not None else []
        label = f"{i.place} {i.label.get(lang) or i.label['pl']}" if i.place != area_id else i.label.get(lang)
        out.append(
            f'<tr><th scope="row">{escape(label or "")}</th>'
            + "".join(f'<td class="num">{escape(c)}</td>' for c in cells)
            + "</tr>"
        )
    out.append("</tbody></table>")
    return out
