"""Sheet names, headers and the method text of the exported reports, in Polish and English."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "sheet_summary": "Podsumowanie",
        "sheet_areas": "Obszary",
        "sheet_questions": "Pytania",
        "sheet_open": "Odpowiedzi otwarte",
        "sheet_grades": "Oceny i rekomendacje",
        "sheet_notes": "Uwagi",
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
        "change_pct": "Zmiana %",
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
    },
    "en": {
        "sheet_summary": "Summary",
        "sheet_areas": "Areas",
        "sheet_questions": "Questions",
        "sheet_open": "Open answers",
        "sheet_grades": "Grades and recommendations",
        "sheet_notes": "Notes",
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
        "change_pct": "Change %",
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
    },
}

METHOD: dict[str, list[str]] = {
    "pl": [
        "Każda odpowiedź ma punkty ze swojej skali; odpowiedź „nie wiem / trudno powiedzieć” "
        "i pusta komórka to brak danych, a nie zero.",
        "Punkty przelicza się liniowo na zakres indeksu: v = lo + (p − pmin) / (pmax − pmin) · "
        "(hi − lo). Pytania odwrócone liczy się z pmin + pmax − p.",
        "Wartość obszaru dla respondenta to średnia ważona jego wartości z pytań obszaru "
        "zadanych jego grupie, jeśli odpowiedział na co najmniej ceil(min_answered · k) z nich.",
        "Wynik obszaru w grupie to średnia wartości respondentów tej grupy. Wynik obszaru to "
        "średnia wyników grup (group_weighting: equal) albo średnia wszystkich respondentów "
        "(pooled).",
        "Wynik płaszczyzny to średnia wyników jej obszarów. Indeks to średnia wyników obszarów "
        "(aggregation: areas) albo płaszczyzn (dimensions); podaje się go, gdy wynik ma co "
        "najmniej min_area_coverage obszarów.",
        "Gdy grupa robocza wystawiła ocenę obszaru, ocena jest jego wartością końcową; wynik "
        "ankiety pokazano obok. Płaszczyzny i indeks liczy się z wartości końcowych.",
        "Zmiana = po − przed; zmiana % = zmiana / przed · 100.",
        "Obliczenia są wykonywane w pełnej precyzji; liczby w raporcie pokazano z dwoma "
        "miejscami po przecinku.",
    ],
    "en": [
        "Every answer has the points of its scale; 'don't know' and blank cells are missing "
        "values, not zero.",
        "Points are mapped linearly onto the index range: v = lo + (p − pmin) / (pmax − pmin) · "
        "(hi − lo). Reverse-coded questions use pmin + pmax − p.",
        "A respondent's area value is the weighted mean of their values over the area's "
        "questions asked of their group, if they answered at least ceil(min_answered · k).",
        "An area's group score is the mean of that group's respondents. The area score is the "
        "mean of the group scores (group_weighting: equal) or of all respondents (pooled).",
        "A dimension score is the mean of its area scores. The index is the mean of the area "
        "scores (aggregation: areas) or of the dimension scores (dimensions); it is reported "
        "when at least min_area_coverage of the areas have a score.",
        "Where the working group graded an area, the grade is its final value; the survey score "
        "is shown beside it. Dimensions and the index use the final values.",
        "Change = after − before; change % = change / before · 100.",
        "Computation is in full precision; the report shows two decimals.",
    ],
}


def w(key: str, lang: str) -> str:
    """A report word in ``lang``."""
    return WORDS.get(lang, WORDS["pl"]).get(key) or WORDS["pl"][key]
