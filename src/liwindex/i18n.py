"""Words of the user interface in Polish and English, and number formatting.

People see two decimals with a decimal comma in Polish and a point in English; JSON keeps
full precision and never passes through here.
"""

from __future__ import annotations

import math

UI: dict[str, dict[str, str]] = {
    "pl": {
        "index": "Indeks LIJW",
        "dimensions": "Płaszczyzny",
        "dimension": "Płaszczyzna",
        "areas": "Obszary",
        "indicators": "Dane liczbowe (poza indeksem)",
        "indicator": "Wskaźnik",
        "indicator_place": "Obszar / płaszczyzna",
        "indicator_unit": "Jednostka (↑ więcej znaczy lepiej)",
        "indicator_note": "Uwagi",
        "indicator_before": "Przed",
        "indicator_after": "Po",
        "indicator_change": "Zmiana",
        "area": "Obszar",
        "value": "Wartość",
        "survey": "Ankieta",
        "grade": "Ocena GR",
        "grades": "Oceny GR",
        "n": "n",
        "respondents": "Respondenci",
        "questionnaire": "Kwestionariusz",
        "source": "źródło",
        "source_survey": "ankieta",
        "source_grades": "oceny grupy roboczej",
        "warnings": "Uwagi",
        "notes": "Informacje",
        "error": "Błąd",
        "errors_found": "Znaleziono błędów: {n}. Popraw je i uruchom ponownie.",
        "batch_written": "Zapisano w {folder} — plików: {n}.",
        "jobs_capped": "Uwaga: --jobs {n} to więcej niż rdzeni dostępnych dla programu ({cores}); "
        "użyto {cores} procesów roboczych.",
        "batch_failed": "JST z błędami: {n}; plików bez JST: {u}. Raporty pozostałych JST są gotowe.",
        "batch_title": "Zestawienie JST",
        "batch_status_ok": "gotowe",
        "batch_status_failed": "błędy",
        "batch_jst_failed": "JST z błędami: {n}",
        "batch_failed_round": "nie odczytano etapu {label}: {reason}",
        "batch_missing_round": "nie odczytano etapu {label}",
        "batch_left_out": "zmiana liczona bez obszarów bez wartości w obu etapach: {areas}",
        "batch_unassigned": "Pliki bez JST: {n}",
        "batch_quiet_notes": "Informacje o danych ({n}) są w podsumowaniu (sekcja „Jakość danych”).",
        "rank_reason_failed": "bez miejsca: błędy w plikach",
        "rank_reason_no_index": "bez miejsca: brak indeksu",
        "rank_reason_provisional": "bez miejsca: wynik orientacyjny (za mało respondentów jednej z grup)",
        "rank_reason_other_round": "bez miejsca: ostatni etap inny niż u pozostałych",
        "rank_reason_other_questionnaire": "bez miejsca: inny kwestionariusz",
        "rank_reason_other_basis": "bez miejsca: inna podstawa (oceny grupy roboczej zamiast "
        "ankiety lub odwrotnie)",
        "valid": "Plik jest poprawny (ostrzeżeń: {w}).",
        "masking_off": "Uwaga: odpowiedzi otwarte zapisano bez ukrywania danych osobowych "
        "(--bez-maskowania). Tych plików nie wolno publikować.",
        "more": "… i {n} podobnych (pełna lista: --json)",
        "round": "Etap",
        "year": "rok",
        "etap_wstępna": "ocena wstępna",
        "etap_powdrożeniowa": "ocena powdrożeniowa",
        "etap_roczna": "ocena roczna",
        "etap_short_wstępna": "wstępna",
        "etap_short_powdrożeniowa": "powdrożeniowa",
        "etap_short_roczna": "roczna",
        # the round in a sentence: "w ocenie powdrożeniowej 2025", "względem oceny wstępnej 2024"
        "etap_loc_wstępna": "ocenie wstępnej",
        "etap_loc_powdrożeniowa": "ocenie powdrożeniowej",
        "etap_loc_roczna": "ocenie rocznej",
        "etap_gen_wstępna": "oceny wstępnej",
        "etap_gen_powdrożeniowa": "oceny powdrożeniowej",
        "etap_gen_roczna": "oceny rocznej",
        "round_nom": "ocena",
        "round_loc": "ocenie",
        "round_gen": "oceny",
        "round_year": "z {year}",
        "change": "Zmiana",
        "pct": "%",
        "before": "Przed",
        "after": "Po",
        "gains": "Największe wzrosty",
        "drops": "Największe spadki",
        "none": "brak",
        "comparison": "Porównanie",
        "survey_by_group": "Wyniki ankiety według grup",
        "significance_note": "* zmiana wyniku ankiety istotna statystycznie (p < 0,05; dla obszarów "
        "i płaszczyzn z poprawką Holma na liczbę porównań). 95% przedział: bootstrap ({n} losowań) "
        "z poprawką t dla małych grup; brak przedziału, gdy grupa ma mniej niż {min} odpowiedzi "
        "albo wszyscy w grupie odpowiedzieli tak samo.",
        "provisional_mark": "† wynik orientacyjny: mniej niż {n} odpowiedzi w którejś grupie "
        "(bez przedziału i bez oznaczenia istotności).",
        "ci_reason_provisional": "— wynik orientacyjny",
        "ci_reason_small_group": "— za mała grupa",
        "ci_reason_zero_variance": "— odpowiedzi bez różnic",
        "ci_reason_no_value": "—",
        "ci_reason_few_resamples": "— za mało odpowiedzi",
        "ci_reason_not_computed": "—",
        "no_interval": "bez przedziału",
        "left_out": "bez obszarów",
        "survey_index": "indeks z ankiety",
        "survey_change": "Zmiana wyniku ankiety",
        "grades_change": "Zmiana ocen grupy roboczej",
        "gaps": "Największe rozbieżności {first}–{second}",
        "provisional": "Indeks orientacyjny: za mało danych w części obszarów (szczegóły w uwagach).",
        "quality": "Jakość danych",
        "group": "Grupa",
        "answered": "Odpowiedzi",
        "reliability": "Rzetelność (alfa Cronbacha)",
        "alpha": "Alfa",
        "weakest": "Najsłabsze pytanie (r)",
        "gap": "Rozbieżność {first} − {second} (* istotna)",
        "difference": "Różnica",
        "sensitivity": "Wrażliwość indeksu z ankiety na ustawienia",
        "sensitivity_omitted": "Pominięto indeks ze średnich płaszczyzn: przy tej samej liczbie obszarów "
        "w każdej płaszczyźnie jest z definicji równy indeksowi ze średniej obszarów.",
        "sensitivity_grades": "Wartość końcowa tego etapu to oceny grupy roboczej: ustawienia liczenia "
        "ankiety jej nie zmieniają; tabela dotyczy indeksu z ankiety.",
        "alpha_too_few": "— (n < 10)",
        "alpha_undefined": "nieokreślona",
        "setting": "Ustawienie",
        "spearman": "Zgodność rang",
        "shift": "Maks. przesunięcie",
        "index_range": "Indeks z ankiety przy tych ustawieniach: od {low} do {high}.",
        "trend": "Trend",
        "benchmark": "Porównanie JST (w nawiasie miejsce)",
        "median": "Mediana",
        "benchmark_note": "Miejsce 1 = najwyższa wartość. Porównuj ostrożnie: JST oceniały się same, "
        "różnymi grupami respondentów.",
        "groups": "Grupy",
        "scales": "Skale",
        "code": "Kod",
        "label": "Etykieta",
        "points": "Punkty",
        "question": "Pytanie",
        "scale": "Skala",
        "weight": "Waga",
        "reverse": "odwr.",
        "required": "obow.",
        "context": "Pytania kontekstowe i otwarte",
        "type": "Typ",
        "type_single": "jednokrotny wybór",
        "type_multi": "wielokrotny wybór",
        "type_open": "otwarte",
        "settings": "Ustawienia",
        "na": "brak danych (nie wiem)",
        "questionnaire_ok": "Kwestionariusz {id} {version} jest poprawny: {dims} płaszczyzny, "
        "{areas} obszarów, {questions} pytań punktowanych.",
    },
    "en": {
        "index": "LIJW index",
        "dimensions": "Dimensions",
        "dimension": "Dimension",
        "areas": "Areas",
        "indicators": "Numeric data (not in the index)",
        "indicator": "Indicator",
        "indicator_place": "Area / dimension",
        "indicator_unit": "Unit (↑ more is better)",
        "indicator_note": "Notes",
        "indicator_before": "Before",
        "indicator_after": "After",
        "indicator_change": "Change",
        "area": "Area",
        "value": "Value",
        "survey": "Survey",
        "grade": "WG grade",
        "grades": "WG grades",
        "n": "n",
        "respondents": "Respondents",
        "questionnaire": "Questionnaire",
        "source": "source",
        "source_survey": "survey",
        "source_grades": "working-group grades",
        "warnings": "Warnings",
        "notes": "Notes",
        "error": "Error",
        "errors_found": "{n} errors found. Fix them and run again.",
        "batch_written": "Written to {folder} — files: {n}.",
        "jobs_capped": "Note: --jobs {n} is more than the cores this program may use ({cores}); "
        "{cores} worker processes are used.",
        "batch_failed": "Local governments with errors: {n}; files without one: {u}. The other "
        "reports are done.",
        "batch_title": "Local governments",
        "batch_status_ok": "done",
        "batch_status_failed": "errors",
        "batch_jst_failed": "Local governments with errors: {n}",
        "batch_failed_round": "round {label} could not be read: {reason}",
        "batch_missing_round": "round {label} could not be read",
        "batch_left_out": "change computed without the areas lacking a value in both rounds: {areas}",
        "batch_unassigned": "Files without a local government: {n}",
        "batch_quiet_notes": "Notes on the data ({n}) are in the summary (section 'Data quality').",
        "rank_reason_failed": "no rank: errors in the files",
        "rank_reason_no_index": "no rank: no index",
        "rank_reason_provisional": "no rank: provisional (too few respondents of one group)",
        "rank_reason_other_round": "no rank: the latest round differs from the others'",
        "rank_reason_other_questionnaire": "no rank: another questionnaire",
        "rank_reason_other_basis": "no rank: another basis (working-group grades instead of the "
        "survey, or back)",
        "valid": "The file is valid ({w} warnings).",
        "masking_off": "Note: open answers are written with personal data unmasked "
        "(--no-masking). These files must not be published.",
        "more": "… and {n} more like it (full list: --json)",
        "round": "Round",
        "year": "year",
        "etap_wstępna": "initial assessment",
        "etap_powdrożeniowa": "post-implementation assessment",
        "etap_roczna": "annual assessment",
        "etap_short_wstępna": "initial",
        "etap_short_powdrożeniowa": "post-implementation",
        "etap_short_roczna": "annual",
        "etap_loc_wstępna": "the initial assessment",
        "etap_loc_powdrożeniowa": "the post-implementation assessment",
        "etap_loc_roczna": "the annual assessment",
        "etap_gen_wstępna": "the initial assessment",
        "etap_gen_powdrożeniowa": "the post-implementation assessment",
        "etap_gen_roczna": "the annual assessment",
        "round_nom": "assessment",
        "round_loc": "the assessment",
        "round_gen": "the assessment",
        "round_year": "of {year}",
        "change": "Change",
        "pct": "%",
        "before": "Before",
        "after": "After",
        "gains": "Largest gains",
        "drops": "Largest drops",
        "none": "none",
        "comparison": "Comparison",
        "survey_by_group": "Survey scores by group",
        "significance_note": "* a statistically significant change of the survey score (p < 0.05; "
        "for areas and dimensions Holm-corrected for the number of comparisons). 95% interval: "
        "bootstrap ({n} resamples) with a t correction for small groups; no interval when a group "
        "has fewer than {min} answers or everyone in a group answered alike.",
        "provisional_mark": "† provisional: fewer than {n} answers in a group (no interval and no "
        "significance mark).",
        "ci_reason_provisional": "— provisional",
        "ci_reason_small_group": "— group too small",
        "ci_reason_zero_variance": "— answers all alike",
        "ci_reason_no_value": "—",
        "ci_reason_few_resamples": "— too few answers",
        "ci_reason_not_computed": "—",
        "no_interval": "no interval",
        "left_out": "without areas",
        "survey_index": "survey index",
        "survey_change": "Change of the survey score",
        "grades_change": "Change of the working group's grades",
        "gaps": "Largest gaps {first}–{second}",
        "provisional": "Provisional index: too little data in some areas (see the warnings).",
        "quality": "Data quality",
        "group": "Group",
        "answered": "Answered",
        "reliability": "Reliability (Cronbach's alpha)",
        "alpha": "Alpha",
        "weakest": "Weakest question (r)",
        "gap": "Gap {first} − {second} (* significant)",
        "difference": "Difference",
        "sensitivity": "Sensitivity of the survey index to the settings",
        "sensitivity_omitted": "The index from dimension means is left out: with the same number of "
        "areas in every dimension it equals the index from the area mean by definition.",
        "sensitivity_grades": "This round's final value is the working group's grades: survey settings "
        "do not move it; the table is about the survey index.",
        "alpha_too_few": "— (n < 10)",
        "alpha_undefined": "undefined",
        "setting": "Setting",
        "spearman": "Rank agreement",
        "shift": "Max. rank shift",
        "index_range": "The survey index under these settings: from {low} to {high}.",
        "trend": "Trend",
        "benchmark": "Local governments (rank in brackets)",
        "median": "Median",
        "benchmark_note": "Rank 1 = the highest value. Compare with care: each local government "
        "assessed itself, with its own respondents.",
        "groups": "Groups",
        "scales": "Scales",
        "code": "Code",
        "label": "Label",
        "points": "Points",
        "question": "Question",
        "scale": "Scale",
        "weight": "Weight",
        "reverse": "rev.",
        "required": "req.",
        "context": "Context and open questions",
        "type": "Type",
        "type_single": "single choice",
        "type_multi": "multiple choice",
        "type_open": "open",
        "settings": "Settings",
        "na": "missing (don't know)",
        "questionnaire_ok": "Questionnaire {id} {version} is valid: {dims} dimensions, "
        "{areas} areas, {questions} scored questions.",
    },
}


def t(key: str, lang: str = "pl", **params: object) -> str:
    """The interface word ``key`` in ``lang``."""
    text = UI.get(lang, UI["pl"]).get(key) or UI["pl"][key]
    return text.format(**params) if params else text


def fmt_signed(value: float | None, lang: str = "pl", digits: int = 2, suffix: str = "") -> str:
    """A change with its sign: ``+0,45``, ``−0,20`` (a real minus sign), ``—`` when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if round(abs(value), digits) == 0:
        return "±" + fmt(0.0, lang, digits) + suffix
    sign = "+" if value > 0 else "−"
    return sign + fmt(abs(value), lang, digits) + suffix


def fmt_amount(value: float | None, unit: str, lang: str = "pl", signed: bool = False) -> str:
    """A value of a numeric indicator in its unit: ``1 234`` (a count), ``1 234 500,50 zł``,
    ``12,5%``; with ``signed``, a change: ``+2``, ``−10 000 zł``, ``+1,5 p.p.`` (a change of
    a percentage is in percentage points, never a percent of a percent)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    digits = 0 if round(float(value), 2).is_integer() else 2
    text = f"{abs(value):,.{digits}f}"
    if unit != "PLN" and digits:  # 12,5% and 2,5 (a mean count), not 12,50%
        text = text.rstrip("0")
    text = text.replace(",", "\u00a0").replace(".", ",") if lang == "pl" else text
    if unit == "PLN":
        text += "\u00a0zł" if lang == "pl" else " PLN"
    elif unit == "percent":
        text += ("\u00a0p.p." if lang == "pl" else " pp") if signed else "%"
    if not signed:
        return ("−" if value < 0 else "") + text
    if round(value, digits) == 0:
        return "±" + text
    return ("+" if value > 0 else "−") + text


def fmt_interval(low: float | None, high: float | None, lang: str = "pl") -> str:
    """``[2,10; 2,55]`` in Polish, ``[2.10, 2.55]`` in English, with real minus signs."""
    if low is None or high is None:
        return "—"
    a, b = (fmt(v, lang).replace("-", "−") for v in (low, high))
    return f"[{a}; {b}]" if lang == "pl" else f"[{a}, {b}]"


def fmt(value: float | None, lang: str = "pl", digits: int = 2) -> str:
    """A number for people: ``3,25`` in Polish, ``3.25`` in English, ``—`` when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "pl" else text


# Polish nouns after a number: 1 odpowiedź, 2–4 odpowiedzi (not 12–14), 5 odpowiedzi.
PLURALS: dict[str, dict[str, tuple[str, ...]]] = {
    "answer": {"pl": ("odpowiedź", "odpowiedzi", "odpowiedzi"), "en": ("answer", "answers")},
    "area": {"pl": ("obszar", "obszary", "obszarów"), "en": ("area", "areas")},
    "resample": {"pl": ("losowanie", "losowania", "losowań"), "en": ("resample", "resamples")},
    "respondent": {"pl": ("osoba", "osoby", "osób"), "en": ("respondent", "respondents")},
}


def plural(n: int, word: str, lang: str = "pl") -> str:
    """``n`` with the right form of ``word``: ``1 odpowiedź``, ``3 odpowiedzi``,
    ``12 obszarów``; English ``1 answer``, ``3 answers``."""
    return with_form(n, PLURALS[word]["pl" if lang == "pl" else "en"], lang)


def with_form(n: int, forms: tuple[str, ...] | list[str], lang: str = "pl") -> str:
    """``n`` and the form for it: Polish forms are (1, 2–4 but not 12–14, the rest), English
    (1, the rest)."""
    if lang != "pl":
        form = forms[0] if n == 1 else forms[-1]
    elif n == 1:
        form = forms[0]
    elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        form = forms[1]
    else:
        form = forms[-1]
    number = str(n)
    if n >= 10_000:  # 12 345 in Polish (a no-break space), 12,345 in English
        number = f"{n:,}".replace(",", "\u00a0") if lang == "pl" else f"{n:,}"
    return f"{number} {form}"
