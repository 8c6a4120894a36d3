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
    from liwindex.compare.comparison import ComparedRow, Comparison
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
        "gain": "Największy wzrost: {area} ({delta}) — {verdict}.",
        "drop": "Największy spadek: {area} ({delta}) — {verdict}.",
        "gain_grades": "Największy wzrost oceny grupy roboczej: {area} ({delta}); wynik ankiety "
        "tego obszaru: {survey} — {verdict}.",
        "drop_grades": "Największy spadek oceny grupy roboczej: {area} ({delta}); wynik ankiety "
        "tego obszaru: {survey} — {verdict}.",
        "no_drop": "Żaden obszar nie stracił.",
        "gap": "Grupy respondentów najbardziej różnią się w ocenie obszaru {area}: wyżej ocenia "
        "go grupa „{higher}” (o {difference}) — {verdict}.",
        "survey_up": "Wynik ankiety w tym czasie wzrósł o {delta} ({from_to}) — {verdict}.",
        "survey_down": "Wynik ankiety w tym czasie spadł o {delta} ({from_to}) — {verdict}.",
        "survey_same": "Wynik ankiety w tym czasie się nie zmienił ({from_to}) — {verdict}.",
        "verdict_yes": "przedział 95% (od {low} do {high}) nie obejmuje zera: tak duża różnica "
        "rzadko wynikałaby z samego przypadku w tym, kto odpowiedział",
        "verdict_no": "przedział 95% (od {low} do {high}) obejmuje zero: to może wynikać z samego "
        "przypadku w tym, kto odpowiedział",
        "verdict_provisional": "za mało odpowiedzi, by ocenić, czy to więcej niż przypadek",
        "verdict_zero_variance": "nie da się ocenić, czy to więcej niż przypadek: w jednej z grup "
        "wszyscy odpowiedzieli tak samo",
        "verdict_not_computed": "bez sprawdzenia, czy to więcej niż przypadek",
        "no_verdict": "Nie da się ocenić, czy ta zmiana wyniku ankiety to więcej niż przypadek: {reason}.",
        "reason_provisional": "opiera się na zbyt małej liczbie odpowiedzi jednej z grup",
        "reason_zero_variance": "w jednej z grup wszyscy odpowiedzieli tak samo",
        "verdict_holm": "przy tylu porównanych obszarach nie można wykluczyć przypadku (95%: od "
        "{low} do {high})",
        "gain_grades_only": "Największy wzrost oceny grupy roboczej: {area} ({delta}).",
        "drop_grades_only": "Największy spadek oceny grupy roboczej: {area} ({delta}).",
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
        "gain": "Largest rise: {area} ({delta}) — {verdict}.",
        "drop": "Largest fall: {area} ({delta}) — {verdict}.",
        "gain_grades": "Largest rise of the working group's grade: {area} ({delta}); the survey "
        "score of that area: {survey} — {verdict}.",
        "drop_grades": "Largest fall of the working group's grade: {area} ({delta}); the survey "
        "score of that area: {survey} — {verdict}.",
        "no_drop": "No area fell.",
        "gap": "The respondent groups differ most on {area}: the group '{higher}' rates it "
        "higher (by {difference}) — {verdict}.",
        "survey_up": "The survey score rose by {delta} over the same time ({from_to}) — {verdict}.",
        "survey_down": "The survey score fell by {delta} over the same time ({from_to}) — {verdict}.",
        "survey_same": "The survey score did not change over the same time ({from_to}) — {verdict}.",
        "verdict_yes": "the 95% interval (from {low} to {high}) excludes zero: a difference this large "
        "would rarely come from chance in who answered alone",
        "verdict_no": "the 95% interval (from {low} to {high}) includes zero: this may come from chance "
        "in who answered alone",
        "verdict_provisional": "too few answers to tell whether it is more than chance",
        "verdict_zero_variance": "it cannot be told whether it is more than chance: everyone in "
        "one of the groups answered alike",
        "verdict_not_computed": "not checked against chance",
        "no_verdict": "Whether this change of the survey score is more than chance cannot be told: {reason}.",
        "reason_provisional": "it rests on too few answers of one group",
        "reason_zero_variance": "everyone in one of the groups answered alike",
        "verdict_holm": "with this many areas compared, chance cannot be ruled out (95%: from {low} "
        "to {high})",
        "gain_grades_only": "Largest rise of the working group's grade: {area} ({delta}).",
        "drop_grades_only": "Largest fall of the working group's grade: {area} ({delta}).",
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
        "* przy zmianie: przedział 95% zmiany wyniku ankiety nie obejmuje zera także po "
        "uwzględnieniu, że porównujemy naraz wiele obszarów (gdy nie obejmuje zera tylko bez tej "
        "poprawki, gwiazdki nie ma). Przedział pokazuje, "
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
        "* by a change: the 95% interval of the survey change does not include zero even allowing "
        "for comparing many areas at once (where it excludes zero only without that allowance, "
        "there is no star). The interval "
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
    from liwindex.outputs.headline import WORDS as HEADLINE_WORDS
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

    def verdict(low: float | None, high: float | None, significant: bool | None, reason: str | None) -> str:
        """Whether a change or a gap is more than chance, in words a councillor reads."""
        if low is not None and high is not None:
            # a star is Holm-corrected across the areas: an interval clear of zero without it
            # is not yet more than chance
            key = "verdict_yes" if significant else "verdict_holm" if low > 0 or high < 0 else "verdict_no"
            return words[key].format(low=signed(low), high=signed(high))
        key = {"zero variance": "verdict_zero_variance", "not computed": "verdict_not_computed"}.get(
            reason or "not computed", "verdict_provisional"
        )
        return words[key]

    def signed(value: float) -> str:
        return fmt(value, lang).replace("-", "−")

    def row_verdict(row: ComparedRow) -> str:
        return verdict(row.ci_low, row.ci_high, row.significant, row.ci_reason)

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
        survey = row.survey.delta
        if comparison.basis == "grades" and survey is not None:
            # the survey change under its own name, never as if it were the grades'
            key = "up" if survey > 0.005 else "down" if survey < -0.005 else "same"
            from_to = HEADLINE_WORDS["en" if lang == "en" else "pl"]["from_to"].format(
                before=fmt(row.survey.before, lang), after=fmt(row.survey.after, lang)
            )
            out.append(
                words[f"survey_{key}"].format(
                    delta=fmt(abs(survey), lang), from_to=from_to, verdict=row_verdict(row)
                )
            )
        elif comparison.basis == "survey" and survey is not None:
            if row.survey_ci is not None:
                key = "significant" if row.significant else "not_significant"
                out.append(words[key].format(low=signed(row.survey_ci.low), high=signed(row.survey_ci.high)))
            elif row.ci_reason not in (None, "not computed"):
                why = "reason_zero_variance" if row.ci_reason == "zero variance" else "reason_provisional"
                out.append(words["no_verdict"].format(reason=words[why]))
        gains, drops = comparison.largest(1)
        suffix = "_grades" if comparison.basis == "grades" else ""

        def moved(key: str, r: ComparedRow) -> str:
            if suffix and r.survey.delta is None:
                only = words[key + "_grades_only"]
                return only.format(area=name(r.id), delta=fmt_signed(r.value.delta, lang))
            return words[key + suffix].format(
                area=name(r.id),
                delta=fmt_signed(r.value.delta, lang),
                survey=fmt_signed(r.survey.delta, lang),
                verdict=row_verdict(r),
            )

        if gains:
            out.append(moved("gain", gains[0]))
        out.append(moved("drop", drops[0]) if drops else words["no_drop"])
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
        first_higher = top[0].difference > 0
        higher = groups[0] if first_higher else groups[1]
        # the interval of the gap as the sentence states it: the higher group's lead
        low, high = (
            (top[0].ci_low, top[0].ci_high)
            if first_higher
            else (
                None if top[0].ci_high is None else -top[0].ci_high,
                None if top[0].ci_low is None else -top[0].ci_low,
            )
        )
        out.append(
            words["gap"].format(
                area=name(top[0].area),
                higher=higher.label.get(lang),
                difference=fmt(abs(top[0].difference), lang),
                verdict=verdict(low, high, top[0].significant, top[0].reason),
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
