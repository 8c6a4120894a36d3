"""What the annex says: its words, its sections and tables, built once from the rounds
for both the Word and the HTML writer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from liwindex import __version__
from liwindex.analysis.analyze import Gap
from liwindex.compare.comparison import ComparedRow, Comparison, jst_of, round_label, round_phrase
from liwindex.i18n import fmt, fmt_signed
from liwindex.outputs.words import w
from liwindex.scoring.results import ScoreResult

WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "title": "Lokalny Indeks Jakości Współpracy — załącznik do sprawozdania z realizacji "
        "programu współpracy",
        "what": "Przedmiot i uczestnicy oceny",
        "what_text": "Współpracę samorządu z organizacjami pozarządowymi oceniono kwestionariuszem "
        "„{title}” ({id} {version}): {areas} obszarów w {dimensions} płaszczyznach współpracy.",
        "respondents": "{round}: {line}.",
        "graded": "Grupa robocza oceniła {graded} z {areas} obszarów w {round}.",
        "results": "Wyniki",
        "index_line": "Indeks LIJW w {round}: {value} na {top} ({source}).",
        "change_line": "{label}: {delta} ({from_to}).",
        "measure": "Wskaźnik",
        "value": "Wartość",
        "index_survey": "Indeks z ankiety",
        "index_grades": "Indeks LIJW (oceny grupy roboczej)",
        "values_are": "Wartości w tabelach: {kind}, w skali od {lo} do {hi}.",
        "areas": "Obszary współpracy",
        "findings": "Najważniejsze wnioski",
        "data": "Dane liczbowe, które zmieniły się najbardziej",
        "data_one": "Dane liczbowe",
        "indicator": "Wskaźnik",
        "data_note": "Zmiana w jednostkach wskaźnika (odsetki w punktach procentowych); dane "
        "liczbowe nie wchodzą do indeksu.",
        "recommendations": "Rekomendacje grupy roboczej",
        "no_recommendations": "Grupa robocza nie zapisała rekomendacji w {round}.",
        "clause": "Propozycja zapisu o sposobie oceny realizacji programu",
        "clause_text": "Ocena realizacji programu współpracy prowadzona jest z wykorzystaniem "
        "Lokalnego Indeksu Jakości Współpracy (LIJW): ankiety skierowanej do organizacji "
        "pozarządowych i do pracowników urzędu oraz oceny grupy roboczej złożonej z "
        "przedstawicieli samorządu i organizacji, w {areas} obszarach współpracy. Ocenę "
        "przeprowadza się na początku okresu obowiązywania programu (ocena wstępna) i po jego "
        "realizacji (ocena powdrożeniowa), a jej wyniki — indeks LIJW, wyniki w obszarach, ich "
        "zmiana i rekomendacje grupy roboczej — przedstawia się w sprawozdaniu z realizacji "
        "programu, o którym mowa w art. 5a ust. 3 ustawy z dnia 24 kwietnia 2003 r. o "
        "działalności pożytku publicznego i o wolontariacie.",
        "method": "Metoda: wynik obszaru to średnia odpowiedzi na jego pytania w skali od {lo} "
        "do {hi}, liczona osobno dla każdej grupy respondentów i uśredniana między grupami; "
        "indeks LIJW to średnia obszarów. Pełny opis metody zawiera raport z oceny.",
        "thin": "† — wynik orientacyjny: mniej niż {min} odpowiedzi w którejś grupie.",
        "generated": "Przygotowano programem liwindex {version}.",
        "masked": "Dane osobowe w tekstach grupy roboczej zastąpiono napisem „[dane osobowe]”.",
    },
    "en": {
        "title": "Local Cooperation Quality Index — annex to the report on the cooperation programme",
        "what": "What was assessed and by whom",
        "what_text": "The cooperation between the local government and NGOs was assessed with the "
        'questionnaire "{title}" ({id} {version}): {areas} areas in {dimensions} dimensions.',
        "respondents": "{round}: {line}.",
        "graded": "The working group graded {graded} of {areas} areas in {round}.",
        "results": "Results",
        "index_line": "LIJW index in {round}: {value} out of {top} ({source}).",
        "change_line": "{label}: {delta} ({from_to}).",
        "measure": "Measure",
        "value": "Value",
        "index_survey": "Survey index",
        "index_grades": "LIJW index (working-group grades)",
        "values_are": "Values in the tables: {kind}, on a scale from {lo} to {hi}.",
        "areas": "Areas of cooperation",
        "findings": "Key findings",
        "data": "The numeric data that changed most",
        "data_one": "Numeric data",
        "indicator": "Indicator",
        "data_note": "Changes in the indicator's unit (percentages in percentage points); numeric "
        "data never enter the index.",
        "recommendations": "The working group's recommendations",
        "no_recommendations": "The working group wrote no recommendations in {round}.",
        "clause": "A clause on how the programme's delivery is evaluated",
        "clause_text": "The delivery of the cooperation programme is evaluated with the Local "
        "Cooperation Quality Index (LIJW): a survey of NGOs and of the office's staff and the "
        "grades of a working group of local government and NGO representatives, in {areas} "
        "areas of cooperation. The assessment is made at the start of the programme (initial "
        "assessment) and after it (post-implementation assessment); its results — the LIJW "
        "index, the areas, their change and the working group's recommendations — are "
        "presented in the report on the programme's delivery (art. 5a(3) of the Act of 24 April "
        "2003 on public benefit activity and volunteering).",
        "method": "Method: an area's score is the mean answer to its questions on a scale from {lo} "
        "to {hi}, computed for each group of respondents and averaged over the groups; the LIJW "
        "index is the mean of the areas. The assessment report describes the method in full.",
        "thin": "† — indicative: fewer than {min} answers in a group.",
        "generated": "Prepared with liwindex {version}.",
        "masked": "Personal data in the working group's texts is replaced by “[personal data]”.",
    },
}

# characters Word cannot hold (XML 1.0 forbids them): shown as a space
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _NOT_IN_XML.sub(" ", text)


@dataclass
class Table:
    head: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # the columns of numbers (right-aligned)


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    table: Table | None = None
    notes: list[str] = field(default_factory=list)  # small print under the table


@dataclass
class Annex:
    lang: str
    title: str
    subtitle: str
    sections: list[Section]
    footer: list[str]


def annex_content(
    rounds: Sequence[ScoreResult],
    comparison: Comparison | None,
    gaps: list[Gap],
    lang: str = "pl",
    mask: bool = True,
) -> Annex:
    """What the annex says, in the reader's language, from the same values as the report."""
    from liwindex.outputs.findings import WORDS as FINDING_WORDS
    from liwindex.outputs.findings import findings
    from liwindex.outputs.headline import headline
    from liwindex.responses.screening import screen

    words = WORDS["en" if lang == "en" else "pl"]
    last = rounds[-1]
    q = last.questionnaire
    assert q is not None
    lo, hi = last.index_range

    def cap(text: str) -> str:
        return text[:1].upper() + text[1:]

    def name(ident: str, label: dict[str, str]) -> str:
        return f"{ident} {label[lang]}"

    masked = False

    def safe(text: str) -> str:
        nonlocal masked
        if not mask:
            return text
        screened = screen(text)
        masked = masked or screened.text != text
        return screened.text

    shown = [rounds[0], last] if comparison is not None else [last]
    what = Section(words["what"])
    what.paragraphs.append(
        words["what_text"].format(
            title=q.title.get(lang),
            id=q.id,
            version=q.version,
            areas=len(last.areas),
            dimensions=len(last.dimensions),
        )
    )
    for x in shown:
        what.paragraphs.append(
            words["respondents"].format(round=cap(round_phrase(x, lang)), line=x.respondents_line(lang))
        )
    for x in shown:
        graded = sum(1 for a in x.areas if a.grade is not None)
        if graded:
            what.paragraphs.append(
                words["graded"].format(graded=graded, areas=len(x.areas), round=round_phrase(x, lang, "loc"))
            )

    h = headline(rounds, comparison, lang)
    results = Section(words["results"])
    results.paragraphs.append(
        words["index_line"].format(
            round=round_phrase(last, lang, "loc"),
            value=fmt(h.index, lang) + (" †" if h.thin else ""),
            top=f"{hi:g}",
            source=h.source_words,
        )
    )
    if comparison is not None and h.change_label is not None:
        results.paragraphs.append(
            words["change_line"].format(
                label=h.change_label,
                delta=fmt_signed(h.change, lang) + (" †" if h.thin_change else ""),
                from_to=h.from_to(lang),
            )
        )
    if h.explanation:
        results.paragraphs.append(h.explanation)
    basis = comparison.basis if comparison is not None else last.index.source
    kind = w(f"kind_{basis}", lang)
    thin_used = False

    def marked(row: ComparedRow, side: str, value: float | None) -> str:
        nonlocal thin_used
        assert comparison is not None
        thin = comparison.thin(row.id, side)
        thin_used = thin_used or (thin and value is not None)
        return fmt(value, lang) + (" †" if thin and value is not None else "")

    if comparison is not None:
        labels = [round_label(comparison.before, lang), round_label(comparison.after, lang)]
        head = [words["measure"], *labels, w("change", lang)]
        compared = [comparison.index, *comparison.dimensions]
        # the index row is named by its basis: beside a grades headline the survey index is
        # not "Indeks LIJW"
        index_name = words["index_grades" if basis == "grades" else "index_survey"]
        results.table = Table(
            head,
            [
                [
                    index_name if r is comparison.index else name(r.id, r.label),
                    marked(r, "before", r.value.before),
                    marked(r, "after", r.value.after),
                    fmt_signed(r.value.delta, lang),
                ]
                for r in compared
            ],
            {1, 2, 3},
        )
        areas = Section(words["areas"])
        # beside survey values, the latest grades where the working group graded some areas
        grades = {a.id: a.grade for a in last.areas}
        graded = basis == "survey" and any(v is not None for v in grades.values())
        areas.table = Table(
            [w("area", lang), *labels, w("change", lang)] + ([w("grade", lang)] if graded else []),
            [
                [
                    name(r.id, r.label),
                    marked(r, "before", r.value.before),
                    marked(r, "after", r.value.after),
                    fmt_signed(r.value.delta, lang),
                ]
                + ([fmt(grades.get(r.id), lang)] if graded else [])
                for r in comparison.areas
            ],
            {1, 2, 3, 4},
        )
    else:
        results.table = Table(
            [words["measure"], words["value"]],
            [[words[f"index_{last.index.source}"], fmt(last.index.value, lang)]]
            + [[name(d.id, d.label), fmt(d.value, lang)] for d in last.dimensions],
            {1},
        )
        areas = Section(words["areas"])
        areas.table = Table(
            [w("area", lang), words["value"]],
            [
                [
                    name(a.id, a.label),
                    fmt(a.value, lang) + (" †" if a.provisional and a.grade is None else ""),
                ]
                for a in last.areas
            ],
            {1},
        )
        thin_used = any(a.provisional and a.grade is None for a in last.areas)
    results.notes.append(words["values_are"].format(kind=kind, lo=fmt(lo, lang), hi=fmt(hi, lang)))
    if thin_used:
        areas.notes.append(words["thin"].format(min=last.min_group_n))

    said = findings(rounds, comparison, gaps, lang)
    # the first findings repeat the index and change lines above, the last the respondents
    counts = FINDING_WORDS["en" if lang == "en" else "pl"]["respondents"].split("{", 1)[0]
    main = [s for s in said[2 if comparison is not None else 1 :] if not s.startswith(counts)][:3]
    found = Section(words["findings"], bullets=main)

    data = _numeric_data(comparison, last, words, lang)

    recs = Section(words["recommendations"])
    for a in last.areas:
        grade = last.grades.get(a.id)
        if grade is not None and grade.recommendations.strip():
            recs.bullets.append(f"{name(a.id, a.label)}: {safe(grade.recommendations.strip())}")
    if not recs.bullets:
        recs.paragraphs.append(words["no_recommendations"].format(round=round_phrase(last, lang, "loc")))

    clause = Section(words["clause"], [words["clause_text"].format(areas=len(last.areas))])
    footer = [words["method"].format(lo=fmt(lo, lang), hi=fmt(hi, lang))]
    if masked:
        footer.append(words["masked"])
    footer[-1] += " " + words["generated"].format(version=__version__)
    jst = jst_of(rounds)
    subtitle = " · ".join(p for p in (jst, " → ".join(round_label(x, lang) for x in shown)) if p)
    return Annex(
        lang,
        _clean(words["title"]),
        _clean(subtitle),
        [_cleaned(s) for s in (what, results, areas, found, *data, recs, clause)],
        [_clean(t) for t in footer],
    )


def _numeric_data(
    comparison: Comparison | None, last: ScoreResult, words: dict[str, str], lang: str, most: int = 3
) -> list[Section]:
    """The numeric data that changed most (by their change relative to the larger of the two
    values, so that złoty and counts compare), or the latest values of one round."""
    from liwindex.compare.indicators import IndicatorSeries, indicator_series
    from liwindex.i18n import fmt_amount

    def label(i: IndicatorSeries) -> str:
        text = i.label.get(lang) or i.label["pl"]
        return f"{i.place} {text}" if i.place else text

    if comparison is None:
        series = [i for i in indicator_series([last]) if i.after is not None]
        if not series:
            return []
        table = Table(
            [words["indicator"], words["value"]],
            [[label(i), fmt_amount(i.after, i.unit, lang)] for i in series],
            {1},
        )
        return [Section(words["data_one"], table=table)]

    def moved(i: IndicatorSeries) -> float:
        before, after = i.before or 0.0, i.after or 0.0
        top = max(abs(before), abs(after))
        return abs(after - before) / top if top else 0.0

    changed = sorted((i for i in comparison.indicators if i.delta), key=moved, reverse=True)[:most]
    if not changed:
        return []
    labels = [round_label(comparison.before, lang), round_label(comparison.after, lang)]
    table = Table(
        [words["indicator"], *labels, w("change", lang)],
        [
            [
                label(i),
                fmt_amount(i.before, i.unit, lang),
                fmt_amount(i.after, i.unit, lang),
                fmt_amount(i.delta, i.unit, lang, signed=True),
            ]
            for i in changed
        ],
        {1, 2, 3},
    )
    return [Section(words["data"], table=table, notes=[words["data_note"]])]


def _cleaned(section: Section) -> Section:
    table = section.table
    return Section(
        _clean(section.heading),
        [_clean(t) for t in section.paragraphs],
        [_clean(t) for t in section.bullets],
        Table([_clean(t) for t in table.head], [[_clean(c) for c in r] for r in table.rows], table.numeric)
        if table is not None
        else None,
        [_clean(t) for t in section.notes],
    )
