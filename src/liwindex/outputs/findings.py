""" "Najważniejsze wnioski": the report's numbers said in plain sentences, and the short
"Jak czytać wyniki" box. Every sentence is built from the result objects; phrasings avoid
declining the JST's or an area's name."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from liwindex.i18n import fmt, fmt_signed

if TYPE_CHECKING:
    from liwindex.analysis.analyze import Gap
    from liwindex.compare.comparison import Comparison
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.scoring.results import ScoreResult

MONTHS_PL = (
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
)

WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "index": "Indeks LIJW w etapie {label} wynosi {value} na 5.",
        "up": "To wzrost o {delta} względem etapu {label} ({basis}).",
        "down": "To spadek o {delta} względem etapu {label} ({basis}).",
        "same": "To tyle samo co w etapie {label} ({basis}).",
        "significant": "Zmiana wyniku ankiety jest istotna statystycznie (95% przedział: {ci}).",
        "not_significant": "Zmiana wyniku ankiety nie jest istotna statystycznie (95% przedział: "
        "{ci}) — może wynikać z doboru respondentów.",
        "strongest": "Najwyżej oceniony obszar: {area} ({value}); najniżej oceniony: {low} ({low_value}).",
        "gain": "Największy wzrost: {area} ({delta}).",
        "drop": "Największy spadek: {area} ({delta}).",
        "no_drop": "Żaden obszar nie stracił.",
        "gap": "Grupy respondentów najbardziej różnią się w ocenie obszaru {area}: wyżej ocenia "
        "go grupa „{higher}” (o {difference}).",
        "respondents": "Respondenci w etapie {label}: {line}.",
        "thin": "Część wyników opiera się na niewielu odpowiedziach — są oznaczone † i opisane "
        "w ramce powyżej.",
        "how_title": "Jak czytać wyniki",
        "prepared": "Przygotowano {date}",
        "author": "Autor: {author}",
    },
    "en": {
        "index": "The LIJW index in the round {label} is {value} out of 5.",
        "up": "That is a rise of {delta} since the round {label} ({basis}).",
        "down": "That is a fall of {delta} since the round {label} ({basis}).",
        "same": "That is the same as in the round {label} ({basis}).",
        "significant": "The change of the survey score is statistically significant (95% interval: {ci}).",
        "not_significant": "The change of the survey score is not statistically significant "
        "(95% interval: {ci}) — it may come from who answered.",
        "strongest": "Highest rated area: {area} ({value}); lowest rated: {low} ({low_value}).",
        "gain": "Largest rise: {area} ({delta}).",
        "drop": "Largest fall: {area} ({delta}).",
        "no_drop": "No area fell.",
        "gap": "The respondent groups differ most on {area}: the group '{higher}' rates it "
        "higher (by {difference}).",
        "respondents": "Respondents in the round {label}: {line}.",
        "thin": "Some results rest on few answers — they are marked † and described in the box above.",
        "how_title": "How to read the results",
        "prepared": "Prepared on {date}",
        "author": "Author: {author}",
    },
}


HOW: dict[str, list[str]] = {
    "pl": [
        "Skala 1–5: 1 — zdecydowanie źle, 3 — ani dobrze, ani źle, 5 — zdecydowanie dobrze. "
        "Wynik obszaru to średnia odpowiedzi na jego pytania{weighting}, płaszczyzny — "
        "średnia jej obszarów, indeks — średnia {index_of}.",
        "Ocena grupy roboczej to ocena obszaru uzgodniona przez zespół przedstawicieli "
        "samorządu i organizacji po omówieniu wyników ankiety (co 0,5 punktu); gdy jest, "
        "jest wartością końcową obszaru.",
        "* przy zmianie: zmiana wyniku ankiety większa, niż mógłby dać przypadkowy dobór "
        "respondentów (istotna statystycznie).",
        "† — wynik wstępny: za mało odpowiedzi jednej z grup.",
    ],
    "en": [
        "Scale 1–5: 1 — very poor, 3 — neither good nor poor, 5 — very good. An area's score "
        "is the mean answer to its questions{weighting}, a płaszczyzna's the mean of its "
        "areas, the index the mean of the {index_of}.",
        "The working group's grade is an area's grade agreed by a team of the local "
        "government and NGOs after discussing the survey (in steps of 0.5); where given, it "
        "is the area's final value.",
        "* by a change: a change of the survey score larger than the choice of respondents "
        "alone would give (statistically significant).",
        "† — provisional: too few answers of one group.",
    ],
}


INDEX_OF = {
    "pl": {"areas": "wszystkich obszarów", "dimensions": "płaszczyzn"},
    "en": {"areas": "areas", "dimensions": "płaszczyzny"},
}
WEIGHTING = {
    "pl": {"equal": " (organizacje i administracja liczą się po równo)", "pooled": ""},
    "en": {"equal": " (the NGOs and the administration count equally)", "pooled": ""},
}


def how_to_read(lang: str, questionnaire: Questionnaire | None = None, star: bool = True) -> list[str]:
    """The paragraphs of "Jak czytać wyniki": how an area's score weighs the groups and what
    the index is the mean of follow the questionnaire's settings; the star's line only
    where a page marks changes."""
    key = "en" if lang == "en" else "pl"
    scoring = questionnaire.scoring if questionnaire is not None else None
    aggregation = scoring.aggregation if scoring is not None else "areas"
    weighting = scoring.group_weighting if scoring is not None else "equal"
    two_groups = questionnaire is None or len(questionnaire.group_ids) == 2
    texts = [
        text.replace("{index_of}", INDEX_OF[key].get(aggregation, INDEX_OF[key]["areas"])).replace(
            "{weighting}", WEIGHTING[key].get(weighting, "") if two_groups else ""
        )
        for text in HOW[key]
    ]
    return texts if star else texts[:2] + texts[3:]


def report_date(lang: str) -> str:
    """Today (or SOURCE_DATE_EPOCH, for reproducible builds) as people write it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    day = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch.isdigit() else dt.date.today()
    if lang == "pl":
        return f"{day.day} {MONTHS_PL[day.month - 1]} {day.year}"
    return day.strftime("%-d %B %Y") if os.name != "nt" else day.isoformat()


def findings(
    rounds: Sequence[ScoreResult], comparison: Comparison | None, gaps: list[Gap], lang: str
) -> list[str]:
    """The findings, one sentence (or two) each, from the numbers."""
    from liwindex.analysis.analyze import largest_gaps
    from liwindex.compare.comparison import round_label

    words = WORDS["en" if lang == "en" else "pl"]
    last = rounds[-1]

    def name(ident: str) -> str:
        area = next((a for a in last.areas if a.id == ident), None)
        return f"{ident} {area.label[lang]}" if area is not None else ident

    out = []
    label = round_label(last, lang)
    if comparison is not None:
        row = comparison.index
        first = round_label(comparison.before, lang)
        out.append(words["index"].format(label=label, value=fmt(row.value.after, lang)))
        delta = row.value.delta
        if delta is not None:
            key = "up" if delta > 0.005 else "down" if delta < -0.005 else "same"
            out[-1] += " " + words[key].format(
                delta=fmt(abs(delta), lang), label=first, basis=comparison.basis_words(lang)
            )
        if row.survey_ci is not None and row.ci_low is not None:
            ci = f"[{fmt(row.ci_low, lang)}; {fmt(row.ci_high, lang)}]"
            out.append(words["significant" if row.significant else "not_significant"].format(ci=ci))
        gains, drops = comparison.largest(1)
        if gains:
            out.append(
                words["gain"].format(area=name(gains[0].id), delta=fmt_signed(gains[0].value.delta, lang))
            )
        out.append(
            words["drop"].format(area=name(drops[0].id), delta=fmt_signed(drops[0].value.delta, lang))
            if drops
            else words["no_drop"]
        )
        basis: str | None = comparison.basis
    else:
        out.append(words["index"].format(label=label, value=fmt(last.index.value, lang)))
        basis = None
    strongest, weakest = last.strongest_and_weakest(1, basis=basis)
    if strongest and weakest and strongest[0].id != weakest[0].id:
        out.append(
            words["strongest"].format(
                area=name(strongest[0].id),
                value=fmt(last.area_value(strongest[0].id, basis), lang),
                low=name(weakest[0].id),
                low_value=fmt(last.area_value(weakest[0].id, basis), lang),
            )
        )
    top = largest_gaps(gaps, 1)
    groups = last.questionnaire.groups if last.questionnaire is not None else ()
    if top and top[0].difference is not None and abs(top[0].difference) >= 0.25 and len(groups) >= 2:
        # a gap is the first group's score minus the second's
        higher = groups[0] if top[0].difference > 0 else groups[1]
        out.append(
            words["gap"].format(
                area=name(top[0].area),
                higher=higher.label.get(lang),
                difference=fmt(abs(top[0].difference), lang),
            )
        )
    if last.respondents_total:
        out.append(words["respondents"].format(label=label, line=last.respondents_line(lang)))
    if any(r.thin for r in rounds):
        out.append(words["thin"])
    return out
