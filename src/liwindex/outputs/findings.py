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
        "index": "Indeks LIJW w {round} wynosi {value} na 5 ({source}).",
        "up_survey": "Wynik ankiety wzrósł o {delta} względem {before} ({from_to}).",
        "down_survey": "Wynik ankiety spadł o {delta} względem {before} ({from_to}).",
        "same_survey": "Wynik ankiety nie zmienił się względem {before} ({from_to}).",
        "up_grades": "Średnia ocen grupy roboczej wzrosła o {delta} względem {before} ({from_to}).",
        "down_grades": "Średnia ocen grupy roboczej spadła o {delta} względem {before} ({from_to}).",
        "same_grades": "Średnia ocen grupy roboczej nie zmieniła się względem {before} ({from_to}).",
        "significant": "Przedział 95% tej zmiany wyniku ankiety, od {low} do {high}, nie obejmuje zera: "
        "tak duża zmiana rzadko wynikałaby z samego przypadku w tym, kto odpowiedział.",
        "not_significant": "Przedział 95% tej zmiany wyniku ankiety, od {low} do {high}, obejmuje zero: "
        "zmiana może wynikać z samego przypadku w tym, kto odpowiedział.",
        "strongest": "Najwyżej oceniony obszar ({kind}): {area} ({value}); najniżej oceniony: {low} "
        "({low_value}).",
        "gain": "Największy wzrost: {area} ({delta}).",
        "drop": "Największy spadek: {area} ({delta}).",
        "no_drop": "Żaden obszar nie stracił.",
        "gap": "Grupy respondentów najbardziej różnią się w ocenie obszaru {area}: wyżej ocenia "
        "go grupa „{higher}” (o {difference}).",
        "respondents": "Odpowiedzi w {round}: {line}.",
        "thin": "Część wyników opiera się na niewielu odpowiedziach — są oznaczone † (wynik "
        "orientacyjny) i opisane w ramce powyżej.",
        "kind_survey": "wynik ankiety",
        "kind_grades": "ocena grupy roboczej",
        "how_title": "Jak czytać wyniki",
        "prepared": "Przygotowano {date}",
        "author": "Autor: {author}",
    },
    "en": {
        "index": "The LIJW index in {round} is {value} out of 5 ({source}).",
        "up_survey": "The survey score rose by {delta} since {before} ({from_to}).",
        "down_survey": "The survey score fell by {delta} since {before} ({from_to}).",
        "same_survey": "The survey score did not change since {before} ({from_to}).",
        "up_grades": "The working group's mean grade rose by {delta} since {before} ({from_to}).",
        "down_grades": "The working group's mean grade fell by {delta} since {before} ({from_to}).",
        "same_grades": "The working group's mean grade did not change since {before} ({from_to}).",
        "significant": "The 95% interval of this survey change, from {low} to {high}, does not include "
        "zero: a change this large would rarely come from chance in who answered alone.",
        "not_significant": "The 95% interval of this survey change, from {low} to {high}, includes zero: "
        "the change may come from chance in who answered alone.",
        "strongest": "Highest rated area ({kind}): {area} ({value}); lowest rated: {low} ({low_value}).",
        "gain": "Largest rise: {area} ({delta}).",
        "drop": "Largest fall: {area} ({delta}).",
        "no_drop": "No area fell.",
        "gap": "The respondent groups differ most on {area}: the group '{higher}' rates it "
        "higher (by {difference}).",
        "respondents": "Answers in {round}: {line}.",
        "thin": "Some results rest on few answers — they are marked † (indicative) and described "
        "in the box above.",
        "kind_survey": "survey score",
        "kind_grades": "working-group grade",
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
        "samorządu i organizacji po omówieniu wyników ankiety (co 0,5 punktu); gdy grupa oceniła "
        "wszystkie obszary, indeks LIJW liczy się z jej ocen.",
        "* przy zmianie: przedział 95% zmiany wyniku ankiety nie obejmuje zera. Przedział pokazuje, "
        "o ile wynik mógłby się różnić, gdyby odpowiedziały inne osoby z tych samych grup. Nie "
        "uwzględnia tego, że ankietę wypełniają chętni (ci, którzy nie odpowiedzieli, mogą oceniać "
        "inaczej). Zmiana między ocenami sama nie dowodzi też, że spowodował ją program współpracy.",
        "† — wynik orientacyjny: za mało odpowiedzi jednej z grup.",
    ],
    "en": [
        "Scale 1–5: 1 — very poor, 3 — neither good nor poor, 5 — very good. An area's score "
        "is the mean answer to its questions{weighting}, a płaszczyzna's the mean of its "
        "areas, the index the mean of the {index_of}.",
        "The working group's grade is an area's grade agreed by a team of the local "
        "government and NGOs after discussing the survey (in steps of 0.5); where the group "
        "graded every area, the LIJW index is computed from its grades.",
        "* by a change: the 95% interval of the survey change does not include zero. The interval "
        "shows how much the score could differ had other people of the same groups answered. It "
        "does not cover that respondents choose to answer (those who did not may see things "
        "differently), and a change between rounds does not by itself prove that the cooperation "
        "programme caused it.",
        "† — indicative: too few answers of one group.",
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
    from liwindex.io import environment

    epoch = environment.number("SOURCE_DATE_EPOCH")
    day = dt.datetime.fromtimestamp(epoch, dt.UTC).date() if epoch is not None else dt.date.today()
    if lang == "pl":
        return f"{day.day} {MONTHS_PL[day.month - 1]} {day.year}"
    return day.strftime("%-d %B %Y") if os.name != "nt" else day.isoformat()


def findings(
    rounds: Sequence[ScoreResult], comparison: Comparison | None, gaps: list[Gap], lang: str
) -> list[str]:
    """The findings, one sentence (or two) each, from the numbers the tables show: the
    official index with its source, the change on the comparison's basis, and the
    strongest and weakest areas by the same kind of value as the area table."""
    from liwindex.analysis.analyze import largest_gaps
    from liwindex.compare.comparison import round_phrase
    from liwindex.outputs.headline import headline

    words = WORDS["en" if lang == "en" else "pl"]
    last = rounds[-1]

    def name(ident: str) -> str:
        area = next((a for a in last.areas if a.id == ident), None)
        return f"{ident} {area.label[lang]}" if area is not None else ident

    h = headline(rounds, comparison, lang)
    out = [
        words["index"].format(
            round=round_phrase(last, lang, "loc"), value=fmt(h.index, lang), source=h.source_words
        )
    ]
    basis = comparison.basis if comparison is not None else last.index.source
    if comparison is not None:
        row = comparison.index
        delta = row.value.delta
        if delta is not None:
            key = "up" if delta > 0.005 else "down" if delta < -0.005 else "same"
            out.append(
                words[f"{key}_{comparison.basis}"].format(
                    delta=fmt(abs(delta), lang),
                    before=round_phrase(comparison.before, lang, "gen"),
                    from_to=h.from_to(lang),
                )
            )
        if row.survey_ci is not None and row.ci_low is not None:
            key = "significant" if row.significant else "not_significant"
            out.append(words[key].format(low=fmt(row.ci_low, lang), high=fmt(row.ci_high, lang)))
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
    strongest, weakest = last.strongest_and_weakest(1, basis=basis)
    if strongest and weakest and strongest[0].id != weakest[0].id:
        out.append(
            words["strongest"].format(
                kind=words[f"kind_{basis}"],
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
        out.append(
            words["respondents"].format(
                round=round_phrase(last, lang, "loc"), line=last.respondents_line(lang)
            )
        )
    if any(r.thin for r in rounds):
        out.append(words["thin"])
    return out
