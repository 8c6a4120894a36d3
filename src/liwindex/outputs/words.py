"""Words of the published report, in Polish and English."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "title": "Lokalny Indeks Jakości Współpracy",
        "subtitle": "Ocena współpracy samorządu z organizacjami pozarządowymi",
        "findings": "Najważniejsze wnioski",
        "rounds": "Etapy oceny",
        "round": "Etap",
        "index": "Indeks LIJW",
        "of": "na 5",
        "survey_change_plain": "Zmiana wyniku ankiety: {delta}.",
        "grades_change": "Zmiana ocen grupy roboczej: {delta}.",
        "star_note": "* przedział 95% zmiany wyniku ankiety nie obejmuje zera także po "
        "uwzględnieniu, że porównujemy naraz wiele obszarów — dlatego nie każdy przedział bez zera "
        "ma gwiazdkę (zob. „Jak czytać wyniki”); „—” — przedziału nie podano, bo w którejś "
        "grupie jest mniej niż {min} odpowiedzi albo odpowiedzi się nie różnią. † wynik "
        "orientacyjny: mniej niż {min} odpowiedzi w którejś grupie.",
        "thin_note": "† wynik orientacyjny: mniej niż {min} odpowiedzi w którejś grupie.",
        "gap_star_note": "* przedział 95% różnicy nie obejmuje zera; „—” — przedziału nie podano, bo "
        "w którejś grupie jest mniej niż {min} odpowiedzi.",
        "caveats": "Ostrzeżenia o danych",
        "provisional": "wynik orientacyjny (mało odpowiedzi w grupie)",
        "survey_change_col": "Zmiana wyniku ankiety",
        "grades_change_col": "Zmiana ocen",
        "source_grades": "Wartości końcowe to oceny grupy roboczej; wyniki ankiety pokazano obok.",
        "dimensions": "Płaszczyzny współpracy",
        "dimension": "Płaszczyzna",
        "areas": "Obszary współpracy",
        "area": "Obszar",
        "value": "Wartość",
        "before": "Przed",
        "after": "Po",
        "change": "Zmiana",
        "survey": "Wynik ankiety",
        "grade": "Ocena grupy roboczej",
        "n": "Odpowiedzi",
        "chart_areas": "Wartości obszarów",
        "chart_areas_desc": "Wykres słupkowy wartości {n} obszarów na skali od {lo} do {hi}; "
        "te same liczby zawiera tabela obszarów.",
        "chart_radar": "Płaszczyzny współpracy",
        "chart_radar_desc": "Wykres radarowy wartości trzech płaszczyzn; liczby w tabeli płaszczyzn.",
        "strong": "Najmocniejsze obszary",
        "weak": "Najsłabsze obszary",
        "gains": "Największe wzrosty",
        "drops": "Największe spadki",
        "gap": "Jak widzą współpracę organizacje i administracja",
        "gap_intro": "Wyniki ankiety w każdej grupie. Największe rozbieżności: {list}.",
        "chart_gap": "Rozbieżność ocen organizacji i administracji",
        "chart_gap_desc": "Wykres punktowy: dla każdego obszaru wynik organizacji (kółko) i administracji "
        "(romb); liczby w tabeli poniżej.",
        "difference": "Różnica",
        "interval": "95% przedział",
        "grades": "Oceny grupy roboczej i rekomendacje",
        "indicators": "Dane liczbowe",
        "indicators_intro": "Dane liczbowe (np. liczba konkursów, kwoty dotacji, skonsultowane "
        "projekty) przy obszarach, których dotyczą. Pokazujemy je obok wyników ankiety; nie "
        "wchodzą do indeksu.",
        "indicators_change": "Zmiana w jednostkach wskaźnika; zmiana odsetka w punktach procentowych (p.p.).",
        "indicator": "Wskaźnik",
        "indicator_place": "Obszar / płaszczyzna",
        "indicator_value": "Wartość",
        "indicator_change": "Zmiana",
        "indicator_note": "Uwagi",
        "justification": "Uzasadnienie",
        "recommendations": "Rekomendacje",
        "open": "Odpowiedzi otwarte",
        "open_note": "Pominięto odpowiedzi bez treści („nie wiem”, „brak”, „-”); powtórzone odpowiedzi "
        "podano raz, z liczbą (×).",
        "masked_note": "Dane osobowe (imiona i nazwiska, telefony, adresy e-mail, adresy, numery PESEL i "
        "NIP) zastąpiono napisem „[dane osobowe]”.",
        "unmasked_note": "Wersja wewnętrzna: odpowiedzi otwarte pokazano bez ukrywania danych "
        "osobowych — tej strony nie wolno publikować.",
        "method": "Metoda",
        "appendix": "Aneks: ustawienia i metody statystyczne",
        "settings": "Ustawienia obliczeń",
        "setting": "Ustawienie",
        "respondents": "Respondenci",
        "questionnaire": "Kwestionariusz",
        "generated": "Raport przygotowany programem liwindex {version}.",
        "none": "brak",
        "highlights_of": "Listy według tych samych wartości co tabela obszarów: {kind}.",
        "kind_survey": "wynik ankiety",
        "kind_grades": "oceny grupy roboczej",
        "trend": "Kolejne etapy",
    },
    "en": {
        "title": "Local Cooperation Quality Index",
        "subtitle": "Assessment of cooperation between the local government and NGOs",
        "findings": "Key findings",
        "rounds": "Rounds",
        "round": "Round",
        "index": "LIJW index",
        "of": "out of 5",
        "survey_change_plain": "Change of the survey score: {delta}.",
        "grades_change": "Change of the working group's grades: {delta}.",
        "star_note": "* the 95% interval of the survey change does not include zero even allowing "
        "for comparing many areas at once — so not every interval clear of zero has a star (see 'How "
        "to read the results'); '—': no interval, because a group has fewer than {min} answers "
        "or the answers do not vary. † indicative: fewer than {min} answers in a group.",
        "thin_note": "† indicative: fewer than {min} answers in a group.",
        "gap_star_note": "* the 95% interval of the difference does not include zero; '—': no interval, "
        "because a group has fewer than {min} answers.",
        "caveats": "Data caveats",
        "provisional": "indicative (few answers in a group)",
        "survey_change_col": "Change of the survey score",
        "grades_change_col": "Change of grades",
        "source_grades": "Final values are the working group's grades; survey scores are shown beside them.",
        "dimensions": "Dimensions of cooperation",
        "dimension": "Dimension",
        "areas": "Areas of cooperation",
        "area": "Area",
        "value": "Value",
        "before": "Before",
        "after": "After",
        "change": "Change",
        "survey": "Survey score",
        "grade": "Working-group grade",
        "n": "Answers",
        "chart_areas": "Area values",
        "chart_areas_desc": "Bar chart of the values of {n} areas on a scale from {lo} to {hi}; "
        "the area table holds the same numbers.",
        "chart_radar": "Dimensions of cooperation",
        "chart_radar_desc": "Radar chart of the three dimensions; the numbers are in the dimension table.",
        "strong": "Strongest areas",
        "weak": "Weakest areas",
        "gains": "Largest gains",
        "drops": "Largest drops",
        "gap": "How NGOs and the administration see cooperation",
        "gap_intro": "Survey scores of each group. The largest gaps: {list}.",
        "chart_gap": "Gap between the NGOs' and the administration's scores",
        "chart_gap_desc": "Dot chart: for each area the NGOs' score (circle) and the administration's "
        "(diamond); the numbers are in the table below.",
        "difference": "Difference",
        "interval": "95% interval",
        "grades": "Working-group grades and recommendations",
        "indicators": "Numeric data",
        "indicators_intro": "The numeric data (e.g. competitions held, grant amounts, drafts consulted) "
        "beside the areas they inform. They are shown beside the survey results and never enter the index.",
        "indicators_change": "Changes in the indicator's unit; a change of a percentage in percentage "
        "points (pp).",
        "indicator": "Indicator",
        "indicator_place": "Area / dimension",
        "indicator_value": "Value",
        "indicator_change": "Change",
        "indicator_note": "Notes",
        "justification": "Justification",
        "recommendations": "Recommendations",
        "open": "Open answers",
        "open_note": "Answers without content ('don't know', 'none', '-') are left out; repeated "
        "answers are given once, with their count (×).",
        "masked_note": "Personal data (names, phone numbers, e-mail and street addresses, PESEL and NIP "
        "numbers) is replaced by '[dane osobowe]'.",
        "unmasked_note": "Internal version: open answers are shown with personal data unmasked — "
        "this page must not be published.",
        "method": "Method",
        "appendix": "Appendix: settings and statistical methods",
        "settings": "Scoring settings",
        "setting": "Setting",
        "respondents": "Respondents",
        "questionnaire": "Questionnaire",
        "generated": "Report prepared with liwindex {version}.",
        "none": "none",
        "highlights_of": "Lists by the same values as the area table: {kind}.",
        "kind_survey": "survey score",
        "kind_grades": "working-group grades",
        "trend": "Rounds",
    },
}


# why an interval is missing (liwindex.analysis.intervals), as a table cell says it; the
# reasons not listed ("not computed", "no value") need no words beside a dash
REASONS: dict[str, dict[str, str]] = {
    "pl": {
        "provisional": "wynik orientacyjny",
        "small group": "za mała grupa",
        "zero variance": "odpowiedzi bez różnic",
        "few resamples": "za mało odpowiedzi",
    },
    "en": {
        "provisional": "provisional",
        "small group": "group too small",
        "zero variance": "answers all alike",
        "few resamples": "too few answers",
    },
}


def reason_words(reason: str | None, lang: str) -> str | None:
    """Why there is no interval, in words (None where a dash says enough)."""
    return REASONS["en" if lang == "en" else "pl"].get(reason or "")


def w(key: str, lang: str) -> str:
    """A report word in ``lang``."""
    return WORDS.get(lang, WORDS["pl"]).get(key) or WORDS["pl"][key]
