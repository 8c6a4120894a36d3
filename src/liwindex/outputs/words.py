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
        "change_vs": "zmiana względem etapu {label}",
        "survey_change": "Zmiana wyniku ankiety: {delta} (95% przedział: {ci}) — {verdict}.",
        "survey_change_plain": "Zmiana wyniku ankiety: {delta}.",
        "grades_change": "Zmiana ocen grupy roboczej: {delta}.",
        "basis_survey_note": "Zmiana liczona z wyników ankiety w obu etapach (ankieta z ankietą), bo "
        "oceny grupy roboczej nie obejmują wszystkich obszarów w obu etapach.",
        "basis_grades_note": "Zmiana liczona z ocen grupy roboczej w obu etapach; zmianę wyniku "
        "ankiety pokazano obok pod własną nazwą.",
        "star_note": "* zmiana wyniku ankiety istotna statystycznie (p < 0,05, z poprawką Holma na "
        "liczbę porównanych obszarów lub płaszczyzn). Przedział 95%: bootstrap z poprawką t dla małych "
        "grup; „—” — brak przedziału, bo grupa ma mniej niż {min} odpowiedzi albo odpowiedzi się nie "
        "różnią. † wynik orientacyjny: mniej niż {min} odpowiedzi w którejś grupie.",
        "gap_star_note": "* różnica istotna statystycznie (p < 0,05, z poprawką Holma na liczbę "
        "obszarów); „—” — brak przedziału, bo grupa ma mniej niż {min} odpowiedzi.",
        "caveats": "Ostrzeżenia o danych",
        "provisional": "wynik orientacyjny (mało odpowiedzi w grupie)",
        "survey_change_col": "Zmiana wyniku ankiety",
        "grades_change_col": "Zmiana ocen",
        "significant": "zmiana istotna",
        "not_significant": "zmiana mieści się w granicach błędu losowego",
        "source_grades": "Wartości końcowe to oceny grupy roboczej; wyniki ankiety pokazano obok.",
        "dimensions": "Płaszczyzny współpracy",
        "dimension": "Płaszczyzna",
        "areas": "Obszary współpracy",
        "area": "Obszar",
        "value": "Wartość",
        "before": "Przed",
        "after": "Po",
        "change": "Zmiana",
        "survey": "Ankieta",
        "grade": "Ocena grupy roboczej",
        "n": "Liczba odpowiedzi",
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
        "justification": "Uzasadnienie",
        "recommendations": "Rekomendacje",
        "open": "Odpowiedzi otwarte",
        "method": "Metoda",
        "respondents": "Respondenci",
        "questionnaire": "Kwestionariusz",
        "generated": "Raport przygotowany programem liwindex {version}.",
        "none": "brak",
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
        "change_vs": "change since {label}",
        "survey_change": "Change of the survey score: {delta} (95% interval: {ci}) — {verdict}.",
        "survey_change_plain": "Change of the survey score: {delta}.",
        "grades_change": "Change of the working group's grades: {delta}.",
        "basis_survey_note": "The change is computed from the survey scores of both rounds (survey "
        "against survey), because the working group's grades do not cover every area in both rounds.",
        "basis_grades_note": "The change is computed from the working group's grades of both rounds; "
        "the change of the survey score is shown beside it under its own name.",
        "star_note": "* a statistically significant change of the survey score (p < 0.05, Holm-corrected "
        "for the number of areas or dimensions compared). 95% interval: bootstrap with a t correction "
        "for small groups; '—': no interval, because a group has fewer than {min} answers or the answers "
        "do not vary. † provisional: fewer than {min} answers in a group.",
        "gap_star_note": "* a statistically significant difference (p < 0.05, Holm-corrected for the "
        "number of areas); '—': no interval, because a group has fewer than {min} answers.",
        "caveats": "Data caveats",
        "provisional": "provisional (few answers in a group)",
        "survey_change_col": "Change of the survey score",
        "grades_change_col": "Change of grades",
        "significant": "a significant change",
        "not_significant": "within the range of sampling error",
        "source_grades": "Final values are the working group's grades; survey scores are shown beside them.",
        "dimensions": "Dimensions of cooperation",
        "dimension": "Dimension",
        "areas": "Areas of cooperation",
        "area": "Area",
        "value": "Value",
        "before": "Before",
        "after": "After",
        "change": "Change",
        "survey": "Survey",
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
        "justification": "Justification",
        "recommendations": "Recommendations",
        "open": "Open answers",
        "method": "Method",
        "respondents": "Respondents",
        "questionnaire": "Questionnaire",
        "generated": "Report prepared with liwindex {version}.",
        "none": "none",
        "trend": "Rounds",
    },
}


def w(key: str, lang: str) -> str:
    """A report word in ``lang``."""
    return WORDS.get(lang, WORDS["pl"]).get(key) or WORDS["pl"][key]
