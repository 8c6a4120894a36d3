"""Sheet names, headers and the method text of the exported reports, in Polish and English."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "sheet_summary": "Podsumowanie",
        "sheet_areas": "Obszary",
        "sheet_questions": "Pytania",
        "sheet_open": "Odpowiedzi otwarte",
        "sheet_grades": "Oceny i rekomendacje",
        "sheet_indicators": "Dane liczbowe",
        "indicators_note": "Dane liczbowe z arkusza „dane” lub pliku dane.yaml etapu: pokazywane obok "
        "wyników ankiety, nie wchodzą do indeksu. Zmiana w jednostkach wskaźnika (procent: w punktach "
        "procentowych).",
        "indicator": "Wskaźnik",
        "indicator_name": "Nazwa wskaźnika",
        "indicator_place": "Obszar / płaszczyzna",
        "unit": "Jednostka",
        "indicator_value": "Wartość",
        "indicator_note": "Uwagi",
        "indicator_change": "Zmiana",
        "unit_count": "liczba",
        "unit_PLN": "zł",
        "unit_percent": "%",
        "sheet_notes": "Uwagi",
        "sheet_review": "Dane osobowe",
        "review_warning": "Arkusz do sprawdzenia przez osobę przygotowującą raport — zawiera dane "
        "osobowe i nie wolno go publikować. Każda odpowiedź, w której ukryto dane osobowe: tekst "
        "oryginalny, tekst w raporcie i co znaleziono. Sprawdź, czy ukryto wszystko i nic ponadto.",
        "found": "Znaleziono",
        "original": "Tekst oryginalny",
        "published": "Tekst w raporcie",
        "sheet_method": "Metodologia",
        "title": "Lokalny Indeks Jakości Współpracy — raport",
        "jst": "JST",
        "questionnaire": "Kwestionariusz",
        "rounds": "Etapy",
        "round": "Etap",
        "file": "Plik",
        "respondents": "Respondenci",
        "index": "Indeks LIJW",
        "value": "Wartość",
        "survey": "Ankieta",
        "grade": "Ocena grupy roboczej",
        "before": "Przed",
        "after": "Po",
        "change": "Zmiana",
        "change_pct": "Zmiana w % wartości przed",
        "strongest": "Najmocniejsze obszary",
        "weakest": "Najsłabsze obszary",
        "gains": "Największe wzrosty",
        "drops": "Największe spadki",
        "area": "Obszar",
        "name": "Nazwa",
        "dimension": "Płaszczyzna",
        "question": "Pytanie",
        "text": "Treść",
        "group": "Grupa",
        "n": "n",
        "mean": "Średnia",
        "scale": "Skala",
        "answer": "Odpowiedź",
        "row": "Wiersz w pliku",
        "justification": "Uzasadnienie",
        "recommendations": "Rekomendacje",
        "kind": "Rodzaj",
        "message": "Komunikat",
        "error": "błąd",
        "warning": "ostrzeżenie",
        "note": "informacja",
        "quality": "Jakość danych według obszarów i grup",
        "asked": "Pytania zadane (komórki)",
        "answered_share": "Udzielone odpowiedzi",
        "na_share": "Odpowiedzi „nie wiem”",
        "flag": "Uwaga",
        "flag_low": "mało odpowiedzi",
        "flag_na": "dużo „nie wiem”",
        "flag_none": "brak wyniku",
        "setting": "Ustawienie",
        "setting_value": "Wartość",
        "chart_areas": "Obszary: wartości końcowe",
        "chart_radar": "Profil obszarów",
        "no_notes": "Brak uwag.",
        "title_method": "Jak policzono wyniki",
        "sheet_analysis": "Analiza",
        "gap_title": "Rozbieżność ocen {first} − {second} (wyniki ankiety, przedział 95%)",
        "difference": "Różnica",
        "ci_low": "95% od",
        "ci_high": "95% do",
        "significant": "Przedział bez zera",
        "yes": "tak",
        "basis": "Podstawa porównania",
        "basis_survey": "ankieta",
        "basis_grades": "oceny GR",
        "survey_change": "Zmiana wyniku ankiety",
        "grades_change": "Zmiana ocen GR",
        "provisional": "Wynik orientacyjny",
        "caveats": "Ostrzeżenia o danych",
        "star_note": "„Przedział bez zera”: przedział 95% zmiany wyniku ankiety nie obejmuje zera — tak "
        "duża zmiana rzadko wynikałaby z samego przypadku w tym, kto odpowiedział (jak to liczymy: arkusz "
        "„Metodologia”); brak przedziału, gdy grupa ma mniej niż {min} odpowiedzi.",
        "reliability_title": "Rzetelność obszarów (alfa Cronbacha; poniżej 0,6 — ostrożnie)",
        "weakest_item": "Najsłabsze pytanie",
        "sensitivity_title": "Wrażliwość indeksu z ankiety na ustawienia liczenia",
        "alpha_too_few": "za mało odpowiedzi (n < 10)",
        "alpha_undefined": "nieokreślona",
        "rank_shift": "Największa zmiana miejsca",
        "sheet_trend": "Trend",
        "chart_trend_index": "Indeks i płaszczyzny w kolejnych etapach",
        "chart_trend_areas": "Obszary w kolejnych etapach",
        "sheet_benchmark": "Porównanie JST",
        "median": "Mediana",
        "rank": "Miejsce",
        "vs_median": "Różnica do mediany",
        "chart_benchmark": "Indeks LIJW w porównywanych JST",
    },
    "en": {
        "sheet_summary": "Summary",
        "sheet_areas": "Areas",
        "sheet_questions": "Questions",
        "sheet_open": "Open answers",
        "sheet_grades": "Grades and recommendations",
        "sheet_indicators": "Numeric data",
        "indicators_note": "Numeric data from the round's 'dane' sheet or dane.yaml: shown beside the "
        "survey results, never part of the index. Changes are in the indicator's unit (a percentage: "
        "in percentage points).",
        "indicator": "Indicator",
        "indicator_name": "Indicator name",
        "indicator_place": "Area / dimension",
        "unit": "Unit",
        "indicator_value": "Value",
        "indicator_note": "Notes",
        "indicator_change": "Change",
        "unit_count": "count",
        "unit_PLN": "PLN",
        "unit_percent": "%",
        "sheet_notes": "Notes",
        "sheet_review": "Personal data",
        "review_warning": "A sheet for whoever prepares the report to check — it holds personal data "
        "and must not be published. Every answer in which personal data was masked: the text as "
        "written, the text in the report and what was found. Check that all of it was masked and "
        "nothing more.",
        "found": "Found",
        "original": "Text as written",
        "published": "Text in the report",
        "sheet_method": "Method",
        "title": "Local Cooperation Quality Index — report",
        "jst": "Local government",
        "questionnaire": "Questionnaire",
        "rounds": "Rounds",
        "round": "Round",
        "file": "File",
        "respondents": "Respondents",
        "index": "LIJW index",
        "value": "Value",
        "survey": "Survey",
        "grade": "Working-group grade",
        "before": "Before",
        "after": "After",
        "change": "Change",
        "change_pct": "Change in % of the value before",
        "strongest": "Strongest areas",
        "weakest": "Weakest areas",
        "gains": "Largest gains",
        "drops": "Largest drops",
        "area": "Area",
        "name": "Name",
        "dimension": "Dimension",
        "question": "Question",
        "text": "Text",
        "group": "Group",
        "n": "n",
        "mean": "Mean",
        "scale": "Scale",
        "answer": "Answer",
        "row": "Row in the file",
        "justification": "Justification",
        "recommendations": "Recommendations",
        "kind": "Kind",
        "message": "Message",
        "error": "error",
        "warning": "warning",
        "note": "note",
        "quality": "Data quality by area and group",
        "asked": "Questions asked (cells)",
        "answered_share": "Answered",
        "na_share": "'Don't know' answers",
        "flag": "Flag",
        "flag_low": "few answers",
        "flag_na": "many 'don't know'",
        "flag_none": "no score",
        "setting": "Setting",
        "setting_value": "Value",
        "chart_areas": "Areas: final values",
        "chart_radar": "Area profile",
        "no_notes": "No notes.",
        "title_method": "How the results were computed",
        "sheet_analysis": "Analysis",
        "gap_title": "Gap {first} − {second} (survey scores, 95% interval)",
        "difference": "Difference",
        "ci_low": "95% from",
        "ci_high": "95% to",
        "significant": "Interval excludes zero",
        "yes": "yes",
        "basis": "Basis of the comparison",
        "basis_survey": "survey",
        "basis_grades": "WG grades",
        "survey_change": "Change of the survey score",
        "grades_change": "Change of WG grades",
        "provisional": "Indicative",
        "caveats": "Data caveats",
        "star_note": "'Interval excludes zero': the 95% interval of the survey change does not include "
        "zero — a change this large would rarely come from chance in who answered alone (how it is "
        "computed: the 'Method' sheet); no interval when a group has fewer than {min} answers.",
        "reliability_title": "Reliability of the areas (Cronbach's alpha; below 0.6 — with care)",
        "weakest_item": "Weakest question",
        "sensitivity_title": "Sensitivity of the survey index to the scoring settings",
        "alpha_too_few": "too few answers (n < 10)",
        "alpha_undefined": "undefined",
        "rank_shift": "Largest rank shift",
        "sheet_trend": "Trend",
        "chart_trend_index": "The index and dimensions across rounds",
        "chart_trend_areas": "Areas across rounds",
        "sheet_benchmark": "Local governments",
        "median": "Median",
        "rank": "Rank",
        "vs_median": "Versus median",
        "chart_benchmark": "LIJW index of the local governments",
    },
}

METHOD: dict[str, list[str]] = {
    "pl": [
        "Każdą odpowiedź zamieniamy na punkty: najgorsza odpowiedź skali to 1, najlepsza 5, a "
        "pośrednie są rozłożone po równo. Odpowiedź „nie wiem / trudno powiedzieć” i brak odpowiedzi "
        "nie liczą się ani jako zero, ani jako ocena. Pytania sformułowane odwrotnie (gdzie „tak” "
        "znaczy źle) liczymy w odwrotnej kolejności.",
        "Wynik obszaru liczymy dla respondenta, gdy odpowiedział na co najmniej {answered} pytań "
        "tego obszaru zadanych jego grupie; to średnia jego odpowiedzi.",
        "Wynik obszaru w grupie to średnia wyników jej respondentów. {weighting}",
        "Wynik płaszczyzny to średnia wyników jej obszarów, a indeks — średnia {index_of}. Indeks "
        "podajemy, gdy wynik ma co najmniej {coverage} obszarów.",
        "Gdy grupa robocza oceniła obszar, jej ocena jest wartością tego obszaru; gdy oceniła "
        "wszystkie obszary, indeks LIJW liczymy z jej ocen. Wynik ankiety pokazujemy obok.",
        "Zmiana to różnica punktów: wartość w późniejszej ocenie minus wartość we wcześniejszej. "
        "Wynik opierający się na mniej niż {min} odpowiedziach którejś grupy oznaczamy † jako "
        "orientacyjny.",
        "Liczymy w pełnej dokładności; w raporcie liczby mają dwa miejsca po przecinku.",
    ],
    "en": [
        "Every answer becomes points: a scale's worst answer is 1, its best 5, those between are "
        "spread evenly. 'Don't know' and no answer count neither as zero nor as a score. Questions "
        "worded the other way round (where 'yes' means poor) are counted in reverse.",
        "A respondent's area score exists when they answered at least {answered} of the area's "
        "questions asked of their group; it is the mean of their answers.",
        "An area's score in a group is the mean of its respondents' scores. {weighting}",
        "A płaszczyzna's score is the mean of its areas, and the index the mean of {index_of}. The "
        "index is given when at least {coverage} of the areas have a score.",
        "Where the working group graded an area, the grade is the area's value; where it graded "
        "every area, the LIJW index is computed from its grades. The survey score is shown beside.",
        "A change is a difference of points: the value in the later round minus that in the "
        "earlier one. A score resting on fewer than {min} answers of a group is marked † as "
        "indicative.",
        "Computation is in full precision; the report shows two decimals.",
    ],
}

STATISTICS: dict[str, str] = {
    "pl": "Przedziały 95% wyników i zmian ankiety liczymy metodą bootstrap: {resamples} razy losujemy "
    "respondentów z powtórzeniami w każdej grupie osobno (do każdej grupy dokładamy po 0,08 "
    "respondenta z najniższymi i z najwyższymi wynikami, co lekko przesuwa środek przedziału ku "
    "środkowi skali) i liczymy wynik od nowa. Przedział to ten środek ± kwantyl t Studenta "
    "(stopnie swobody najmniejszej grupy, n − 1) razy odchylenie standardowe losowań z poprawką "
    "na małe grupy, więc wynik oparty na kilku osobach dostaje szeroki przedział. "
    "Gwiazdka przy obszarach i płaszczyznach uwzględnia poprawkę Holma na liczbę porównań (poziom "
    "0,05). Przedział opisuje tylko przypadek w tym, kto z grupy odpowiedział: nie obejmuje błędu z "
    "tego, że ankietę wypełniają chętni, i nie dowodzi, że zmianę spowodował program współpracy.",
    "en": "The 95% intervals of survey scores and changes are bootstrap intervals: {resamples} times "
    "the respondents are drawn with replacement within each group (with 0.08 of a respondent at "
    "each end of the scale added to every group, which moves the interval's centre slightly "
    "towards the middle of the scale) and the score is computed again. The interval is that "
    "centre ± a Student t quantile (the smallest group's degrees of freedom, n − 1) times the "
    "standard deviation of the draws corrected for small groups, so a score resting on a few "
    "people gets a wide interval. The star by areas and płaszczyzny is Holm-corrected for the "
    "number of comparisons (level 0.05). An interval covers only chance in who of a group "
    "answered: not the error from respondents choosing to answer, and it does not prove that the "
    "cooperation programme caused a change.",
}

# The standard questionnaire's provenance, said wherever its results are published.
PROVENANCE: dict[str, str] = {
    "pl": "Kwestionariusz standardowy liwindex nie jest oficjalnym narzędziem z Niezbędnika LIJW: "
    "tylko trzy z dwunastu nazw obszarów pochodzą z opublikowanych raportów LIJW (Koszalin), "
    "pozostałe oparto na formach współpracy z art. 5 ust. 2 ustawy o działalności pożytku "
    "publicznego i o wolontariacie oraz na standardach Modelu współpracy.",
    "en": "The liwindex standard questionnaire is not the official LIJW (Niezbędnik) instrument: "
    "only three of its twelve area names come from published LIJW reports (Koszalin); the others "
    "are built on the forms of cooperation in art. 5(2) of the Act on public benefit activity "
    "and volunteering and on the standards of the Model współpracy.",
}


def method_paragraphs(lang: str, scoring: object) -> list[str]:
    """The method in words, with the questionnaire's settings said as numbers people use
    ("połowę", "dwie trzecie")."""
    from liwindex.i18n import fmt

    key = "en" if lang == "en" else "pl"
    answered = getattr(scoring, "min_answered", 0.5)
    coverage = getattr(scoring, "min_area_coverage", 2 / 3)
    words = {
        "pl": {0.5: "połowę", 2 / 3: "dwie trzecie", 1.0: "wszystkie"},
        "en": {0.5: "half", 2 / 3: "two thirds", 1.0: "all"},
    }[key]

    def share(value: float) -> str:
        named = next((name for v, name in words.items() if abs(v - value) < 0.002), None)
        return named or f"{fmt(100 * value, lang, 0)}%"

    weighting = {
        ("pl", "equal"): "Wynik obszaru to średnia wyników grup — organizacje i administracja liczą "
        "się po równo, niezależnie od tego, ile osób odpowiedziało w każdej z nich.",
        ("pl", "pooled"): "Wynik obszaru to średnia wyników wszystkich respondentów razem.",
        ("en", "equal"): "An area's score is the mean of the group scores — the NGOs and the "
        "administration count equally, however many answered in each.",
        ("en", "pooled"): "An area's score is the mean of all respondents together.",
    }[(key, getattr(scoring, "group_weighting", "equal"))]
    index_of = {
        ("pl", "areas"): "wszystkich obszarów",
        ("pl", "dimensions"): "płaszczyzn",
        ("en", "areas"): "all areas",
        ("en", "dimensions"): "the płaszczyzny",
    }[(key, getattr(scoring, "aggregation", "areas"))]
    return [
        text.format(
            answered=share(answered),
            weighting=weighting,
            index_of=index_of,
            coverage=share(coverage),
            min=getattr(scoring, "min_group_n", 5),
        )
        for text in METHOD[key]
    ]


def w(key: str, lang: str) -> str:
    """A report word in ``lang``."""
    return WORDS.get(lang, WORDS["pl"]).get(key) or WORDS["pl"][key]
