"""The one catalogue of user-facing messages about input problems, in Polish and English.

Each message says what is wrong and ends with what to do about it. Placeholders are filled
from the problem record (``value``) and its parameters.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    # --- files -------------------------------------------------------------------------
    "file-not-found": {
        "pl": "plik nie istnieje. Sprawdź ścieżkę i nazwę pliku.",
        "en": "the file does not exist. Check the path and the file name.",
    },
    "file-is-directory": {
        "pl": "to jest katalog, nie plik. Podaj ścieżkę do pliku.",
        "en": "this is a directory, not a file. Give the path of a file.",
    },
    "file-empty": {
        "pl": "plik jest pusty (0 bajtów). Wyeksportuj odpowiedzi ponownie.",
        "en": "the file is empty (0 bytes). Export the responses again.",
    },
    "file-unreadable": {
        "pl": "nie można otworzyć pliku ({detail}). Zamknij go w innych programach "
        "i sprawdź uprawnienia.",
        "en": "the file cannot be opened ({detail}). Close it in other programs and check "
        "the permissions.",
    },
    "lock-file": {
        "pl": "to plik blokady, który Excel tworzy przy otwartym skoroszycie, a nie dane. "
        "Podaj plik bez przedrostka „~$”.",
        "en": "this is the lock file Excel creates while a workbook is open, not data. "
        "Give the file without the '~$' prefix.",
    },
    "unsupported-format": {
        "pl": "format „{value}” nie jest obsługiwany. Zapisz plik jako .xlsx "
        "(Plik → Zapisz jako → Skoroszyt programu Excel).",
        "en": "the format '{value}' is not supported. Save the file as .xlsx "
        "(File → Save as → Excel Workbook).",
    },
    "not-a-workbook": {
        "pl": "plik nie jest skoroszytem Excela (.xlsx), mimo rozszerzenia ({kind}). "
        "Otwórz go w Excelu lub LibreOffice i zapisz jako .xlsx.",
        "en": "the file is not an Excel workbook (.xlsx) despite its extension ({kind}). "
        "Open it in Excel or LibreOffice and save it as .xlsx.",
    },
    "password-protected": {
        "pl": "skoroszyt jest zabezpieczony hasłem. Otwórz go w Excelu, usuń hasło "
        "(Plik → Informacje → Chroń skoroszyt) i zapisz kopię bez hasła.",
        "en": "the workbook is password-protected. Open it in Excel, remove the password "
        "(File → Info → Protect Workbook) and save a copy without it.",
    },
    "zip-bomb": {
        "pl": "po rozpakowaniu plik miałby ok. {size} MB albo nietypowo wysoki stopień kompresji "
        "(limit {limit} MB); nie jest to zwykły eksport ankiety. Jeśli plik jest prawdziwy, "
        "zwiększ limit zmienną {env}.",
        "en": "unpacked, the file would take about {size} MB or has an abnormal compression "
        "ratio (limit {limit} MB); this is not an ordinary survey export. If the file is "
        "genuine, raise the limit with {env}.",
    },
    "too-many-rows": {
        "pl": "arkusz ma więcej niż {limit} niepustych wierszy. Usuń zbędne wiersze albo "
        "zwiększ limit zmienną {env}.",
        "en": "the sheet has more than {limit} non-empty rows. Remove the rows not needed or "
        "raise the limit with {env}.",
    },
    "too-many-columns": {
        "pl": "arkusz ma więcej niż {limit} kolumn. Usuń zbędne kolumny albo zwiększ limit "
        "zmienną {env}.",
        "en": "the sheet has more than {limit} columns. Remove the columns not needed or raise "
        "the limit with {env}.",
    },
    "cell-too-long": {
        "pl": "komórka ma więcej niż {limit} znaków (więcej, niż mieści Excel); plik jest "
        "uszkodzony albo to nie jest eksport ankiety (w CSV: sprawdź cudzysłowy).",
        "en": "the cell has more than {limit} characters (more than Excel holds); the file is "
        "damaged or not a survey export (in a CSV: check the quotes).",
    },
    "csv-read-as": {
        "pl": "plik CSV odczytano jako {value}, separator: {delimiter}.",
        "en": "the CSV file was read as {value}, delimiter: {delimiter}.",
    },
    "hidden-sheets": {
        "pl": "pominięto ukryte arkusze: {value}.",
        "en": "hidden sheets were passed over: {value}.",
    },
    # --- questionnaire YAML ------------------------------------------------------------
    "yaml-too-large": {
        "pl": "plik kwestionariusza jest zbyt duży (limit {limit} bajtów). "
        "Sprawdź, czy to właściwy plik.",
        "en": "the questionnaire file is too large (limit {limit} bytes). "
        "Check that it is the right file.",
    },
    "yaml-too-complex": {
        "pl": "dokument YAML po rozwinięciu aliasów (&, *) miałby ponad {limit} elementów. "
        "Usuń zagnieżdżone aliasy.",
        "en": "the YAML document would expand to more than {limit} items through its aliases "
        "(&, *). Remove the nested aliases.",
    },
    "yaml-not-utf8": {
        "pl": "plik nie jest zapisany w UTF-8. Zapisz go w edytorze z kodowaniem UTF-8.",
        "en": "the file is not UTF-8. Save it from your editor with UTF-8 encoding.",
    },
    "yaml-syntax": {
        "pl": "błąd składni YAML: {detail}. Popraw wcięcia, dwukropki i cudzysłowy w tym miejscu.",
        "en": "YAML syntax error: {detail}. Fix the indentation, colons and quotes there.",
    },
    "yaml-not-mapping": {
        "pl": "kwestionariusz musi być słownikiem YAML (klucze id, version, title, ...). "
        "Zacznij od kopii kwestionariusza standardowego.",
        "en": "a questionnaire must be a YAML mapping (keys id, version, title, ...). "
        "Start from a copy of the standard questionnaire.",
    },
    "yaml-invalid": {
        "pl": "nieprawidłowa wartość: {detail}. Popraw to pole zgodnie z opisem formatu "
        "(docs/questionnaire-format.md).",
        "en": "invalid value: {detail}. Fix this field as the format reference describes "
        "(docs/questionnaire-format.md).",
    },
    "yaml-duplicate-key": {
        "pl": "klucz „{value}” występuje dwa razy. Usuń jedno z wystąpień.",
        "en": "the key '{value}' appears twice. Remove one of them.",
    },
    "duplicate-id": {
        "pl": "identyfikator „{value}” jest już użyty w {first}. Nadaj unikalny identyfikator.",
        "en": "the id '{value}' is already used at {first}. Give a unique id.",
    },
    "duplicate-code": {
        "pl": "kod odpowiedzi „{value}” powtarza się w skali (pierwszy raz w {first}). "
        "Nadaj każdej odpowiedzi inny kod.",
        "en": "the answer code '{value}' repeats in the scale (first at {first}). "
        "Give every choice its own code.",
    },
    "duplicate-label": {
        "pl": "etykieta „{value}” powtarza się w skali (pierwszy raz w {first}), więc odpowiedzi "
        "nie da się rozróżnić. Zmień etykietę.",
        "en": "the label '{value}' repeats in the scale (first at {first}), so answers cannot "
        "be told apart. Change the label.",
    },
    "choice-without-points": {
        "pl": "odpowiedź „{value}” nie ma punktów. Dodaj „points: liczba” albo „na: true” "
        "dla odpowiedzi typu „nie wiem”.",
        "en": "the choice '{value}' has no points. Add 'points: number', or 'na: true' for a "
        "'don't know' choice.",
    },
    "scale-constant-points": {
        "pl": "skala „{value}” potrzebuje co najmniej dwóch różnych wartości punktów. "
        "Popraw punkty odpowiedzi.",
        "en": "the scale '{value}' needs at least two different point values. "
        "Fix the points of its choices.",
    },
    "unknown-scale": {
        "pl": "nieznana skala „{value}”; znane: {known}. Popraw nazwę albo zdefiniuj skalę w „scales”.",
        "en": "unknown scale '{value}'; known: {known}. Fix the name or define the scale under "
        "'scales'.",
    },
    "missing-scale": {
        "pl": "pytanie wyboru wymaga skali. Dodaj „scale: id_skali”.",
        "en": "a choice question needs a scale. Add 'scale: scale_id'.",
    },
    "empty-groups": {
        "pl": "lista grup jest pusta. Podaj grupy, którym zadaje się pytanie, albo usuń klucz.",
        "en": "the list of groups is empty. List the groups asked, or remove the key.",
    },
    "unknown-group-ref": {
        "pl": "nieznana grupa „{value}”; znane: {known}. Popraw identyfikator grupy.",
        "en": "unknown group '{value}'; known: {known}. Fix the group id.",
    },
    "empty-dimension": {
        "pl": "płaszczyzna „{value}” nie ma obszarów. Dodaj obszary albo usuń płaszczyznę.",
        "en": "the dimension '{value}' has no areas. Add areas or remove the dimension.",
    },
    "empty-area": {
        "pl": "obszar „{value}” nie ma pytań punktowanych. Dodaj pytania albo usuń obszar.",
        "en": "the area '{value}' has no scored questions. Add questions or remove the area.",
    },
    "bad-index-range": {
        "pl": "zakres indeksu {value} musi mieć dolną granicę mniejszą od górnej, np. [1, 5].",
        "en": "the index range {value} needs a lower bound below the upper one, e.g. [1, 5].",
    },
    "bad-grade-step": {
        "pl": "krok ocen {value} nie dzieli zakresu [{lo}, {hi}] na równe części. "
        "Użyj np. 0.5 albo 1.",
        "en": "the grade step {value} does not divide the range [{lo}, {hi}] evenly. "
        "Use e.g. 0.5 or 1.",
    },
    # --- workbooks ---------------------------------------------------------------------
    "sheet-not-found": {
        "pl": "nie ma arkusza „{value}”{suggestion}; arkusze w pliku: {known}. Podaj jeden "
        "z nich w --sheet.",
        "en": "there is no sheet '{value}'{suggestion}; sheets in the file: {known}. Give one "
        "of them to --sheet.",
    },
    "empty-sheet": {
        "pl": "arkusz jest pusty. Sprawdź, czy to właściwy arkusz (opcja --sheet).",
        "en": "the sheet is empty. Check that it is the right sheet (option --sheet).",
    },
    "no-question-columns": {
        "pl": "żadna kolumna nagłówka (wiersz {header_row}) nie pasuje do pytań kwestionariusza "
        "„{questionnaire}”. Nagłówki muszą być identyfikatorami pytań (np. {example}) lub "
        "treścią pytań; sprawdź arkusz i kwestionariusz.",
        "en": "no header column (row {header_row}) matches a question of the questionnaire "
        "'{questionnaire}'. Headers must be question ids (e.g. {example}) or question "
        "texts; check the sheet and the questionnaire.",
    },
    "duplicate-column": {
        "pl": "pytanie „{value}” ma drugą kolumnę (pierwsza: {first}). Usuń lub scal jedną z nich.",
        "en": "the question '{value}' has a second column (first: {first}). Remove or merge "
        "one of them.",
    },
    "duplicate-group-column": {
        "pl": "druga kolumna grupy respondenta (pierwsza: {first}). Zostaw jedną.",
        "en": "a second respondent group column (first: {first}). Keep one.",
    },
    "unknown-answer": {
        "pl": "odpowiedź „{value}” nie pasuje do pytania {question}{suggestion}. "
        "Dozwolone: {allowed}. Popraw komórkę.",
        "en": "the answer '{value}' does not fit question {question}{suggestion}. "
        "Allowed: {allowed}. Fix the cell.",
    },
    "unknown-group": {
        "pl": "nieznana grupa respondenta „{value}”. Dozwolone: {allowed}. Popraw komórkę.",
        "en": "unknown respondent group '{value}'. Allowed: {allowed}. Fix the cell.",
    },
    "missing-group": {
        "pl": "brak grupy respondenta. Uzupełnij komórkę ({allowed}) albo podaj --group dla "
        "wierszy bez grupy.",
        "en": "the respondent group is missing. Fill in the cell ({allowed}) or give --group "
        "for rows without a group.",
    },
    "no-group-column": {
        "pl": "brak kolumny z grupą respondenta. Dodaj kolumnę „grupa” ({allowed}) albo "
        "uruchom z --group ID, gdy wszyscy respondenci są z jednej grupy.",
        "en": "there is no respondent group column. Add a column 'grupa' ({allowed}) or run "
        "with --group ID when all respondents belong to one group.",
    },
    "unknown-group-option": {
        "pl": "nieznana grupa „{value}” w --group. Dozwolone: {allowed}.",
        "en": "unknown group '{value}' in --group. Allowed: {allowed}.",
    },
    "group-option-fills-blanks": {
        "pl": "--group {value} przypisano {count} wierszom bez grupy.",
        "en": "--group {value} was given to {count} rows without a group.",
    },
    "unknown-columns": {
        "pl": "pominięto kolumny, które nie są pytaniami kwestionariusza: {value}.",
        "en": "ignored columns that are not questions of the questionnaire: {value}.",
    },
    "metadata-columns": {
        "pl": "pominięto kolumny techniczne ankiety: {value}.",
        "en": "ignored survey platform columns: {value}.",
    },
    "answer-not-applicable": {
        "pl": "{count} odpowiedzi na pytania, których nie zadaje się grupie respondenta "
        "(np. {value} w wierszu {first}); nie są liczone. Sprawdź kolumnę grupy.",
        "en": "{count} answers to questions not asked of the respondent's group "
        "(e.g. {value} in row {first}); they are not counted. Check the group column.",
    },
    "required-unanswered": {
        "pl": "pytanie obowiązkowe {value} bez odpowiedzi w {count} wierszach (np. wiersz {first}).",
        "en": "the required question {value} is unanswered in {count} rows (e.g. row {first}).",
    },
    "no-answers": {
        "pl": "{count} respondentów nie odpowiedziało na żadne pytanie punktowane "
        "(np. wiersz {first}).",
        "en": "{count} respondents answered no scored question (e.g. row {first}).",
    },
    "no-survey-sheet": {
        "pl": "skoroszyt nie zawiera arkusza z ankietą; liczone są tylko oceny grupy roboczej.",
        "en": "the workbook has no survey sheet; only the working group's grades are used.",
    },
    "unknown-context-answer": {
        "pl": "odpowiedź „{value}” nie pasuje do pytania {question} (nie wpływa na wynik). "
        "Dozwolone: {allowed}.",
        "en": "the answer '{value}' does not fit question {question} (it does not affect the "
        "score). Allowed: {allowed}.",
    },
    "other-context-answer": {
        "pl": "odpowiedź spoza listy w pytaniu {question}: „{value}” (zapisana jako „inne”).",
        "en": "an answer outside the list in question {question}: '{value}' (kept as 'other').",
    },
    "no-data": {
        "pl": "plik nie zawiera ani odpowiedzi respondentów, ani ocen grupy roboczej (arkusz "
        "„oceny”). Sprawdź, czy to właściwy plik.",
        "en": "the file holds neither respondents' answers nor working-group grades (sheet "
        "'oceny'). Check that it is the right file.",
    },
    "header-row": {
        "pl": "nagłówek znaleziono w wierszu {header}; wiersze nad nim ({value}) pominięto.",
        "en": "the header was found in row {header}; the rows above it ({value}) were ignored.",
    },
    "number-as-code": {
        "pl": "w pytaniu {question} liczby zapisane z przecinkiem odczytano jako kody: {value}.",
        "en": "in question {question} numbers written with decimals were read as codes: {value}.",
    },
    "duplicate-rows": {
        "pl": "{count} wierszy powtarza odpowiedzi wcześniejszego wiersza tej samej grupy "
        "(wiersz=powtórzenie: {value}); sprawdź, czy ankiety nie wysłano dwa razy. Wiersze "
        "są liczone.",
        "en": "{count} rows repeat the answers of an earlier row of the same group "
        "(row=repeat: {value}); check that no survey was sent twice. The rows are counted.",
    },
    # --- oceny / metryka -----------------------------------------------------------------
    "grades-missing-column": {
        "pl": "arkusz „oceny” nie ma kolumny „{value}”. Dodaj nagłówki „obszar” i „ocena”.",
        "en": "the sheet 'oceny' has no column '{value}'. Add the headers 'obszar' and 'ocena'.",
    },
    "unknown-area": {
        "pl": "nieznany obszar „{value}”. Dozwolone: {allowed}. Popraw identyfikator obszaru.",
        "en": "unknown area '{value}'. Allowed: {allowed}. Fix the area id.",
    },
    "duplicate-grade": {
        "pl": "obszar „{value}” ma już ocenę w wierszu {first}. Zostaw jedną ocenę na obszar.",
        "en": "the area '{value}' already has a grade in row {first}. Keep one grade per area.",
    },
    "grade-not-number": {
        "pl": "ocena „{value}” nie jest liczbą. Wpisz liczbę z zakresu [{lo}, {hi}], np. 3,5.",
        "en": "the grade '{value}' is not a number. Enter a number in [{lo}, {hi}], e.g. 3.5.",
    },
    "grade-out-of-range": {
        "pl": "ocena {value} jest poza zakresem [{lo}, {hi}]. Popraw ocenę.",
        "en": "the grade {value} is outside [{lo}, {hi}]. Fix the grade.",
    },
    "grade-off-step": {
        "pl": "ocena {value} nie leży na kroku {step} (np. {near}). Zaokrąglij ocenę do kroku.",
        "en": "the grade {value} is not on the step {step} (e.g. {near}). Round the grade "
        "to the step.",
    },
    "unknown-meta-key": {
        "pl": "nieznany klucz metryki „{value}” pominięto (znane: jst, rok, etap).",
        "en": "unknown metadata key '{value}' ignored (known: jst, rok, etap).",
    },
    "bad-etap": {
        "pl": "nieznany etap „{value}”{suggestion}. Dozwolone: wstępna, powdrożeniowa, roczna.",
        "en": "unknown round '{value}'{suggestion}. Allowed: wstępna, powdrożeniowa, roczna.",
    },
    "bad-year": {
        "pl": "rok „{value}” nie jest rokiem. Wpisz rok, np. 2025.",
        "en": "the year '{value}' is not a year. Enter a year, e.g. 2025.",
    },
    # --- scoring -----------------------------------------------------------------------
    "index-coverage": {
        "pl": "indeks {which} nie jest podany: wynik ma tylko {have} z {total} obszarów "
        "(wymagane {need}). Brak danych dla: {value}.",
        "en": "the {which} index is not reported: only {have} of {total} areas have a score "
        "({need} required). No data for: {value}.",
    },
    "area-no-data": {
        "pl": "obszary bez wyniku ankiety: {value}.",
        "en": "areas without a survey score: {value}.",
    },
    "grades-partial": {
        "pl": "oceny grupy roboczej nie obejmują obszarów {value}; ich wartością końcową "
        "jest wynik ankiety.",
        "en": "the working group's grades do not cover the areas {value}; their final value "
        "is the survey score.",
    },
    # --- mapping files ---------------------------------------------------------------------
    "mapping-unknown-key": {
        "pl": "nieznany klucz „{value}”; plik mapowania ma klucze questionnaire, columns, "
        "answers i groups.",
        "en": "unknown key '{value}'; a mapping file has the keys questionnaire, columns, "
        "answers and groups.",
    },
    "mapping-other-questionnaire": {
        "pl": "mapowanie przygotowano dla kwestionariusza „{value}”, a używany jest „{expected}”. "
        "Podaj właściwy kwestionariusz (--questionnaire) albo przygotuj mapowanie od nowa.",
        "en": "the mapping was made for the questionnaire '{value}' but '{expected}' is used. "
        "Give the right questionnaire (--questionnaire) or make the mapping again.",
    },
    "mapping-unknown-question": {
        "pl": "nieznane pytanie „{value}”. Wpisz identyfikator pytania (np. {example}) albo "
        "null, aby pominąć kolumnę.",
        "en": "unknown question '{value}'. Give a question id (e.g. {example}) or null to "
        "ignore the column.",
    },
    "mapping-not-a-mapping": {
        "pl": "tu powinna być lista par „tekst: wartość”. Popraw wcięcia.",
        "en": "a list of 'text: value' pairs belongs here. Fix the indentation.",
    },
    "mapping-unknown-code": {
        "pl": "nieznany kod odpowiedzi „{value}”; znane: {known}. Popraw kod albo wpisz null "
        "(odpowiedź pusta).",
        "en": "unknown answer code '{value}'; known: {known}. Fix the code or give null "
        "(a blank answer).",
    },
    "mapping-unconfirmed": {
        "pl": "dopasowanie „{value}” nie jest potwierdzone. Sprawdź je i usuń znak „?” "
        "(albo popraw wartość).",
        "en": "the match '{value}' is not confirmed. Check it and remove the '?' (or fix "
        "the value).",
    },
    # --- analysis ---------------------------------------------------------------------------
    "alpha-low": {
        "pl": "obszar {area}, grupa {group}: alfa Cronbacha {alpha} jest niższa niż 0,6 — pytania "
        "obszaru mogą mierzyć różne rzeczy; przy interpretacji patrz na pytania osobno.",
        "en": "area {area}, group {group}: Cronbach's alpha {alpha} is below 0.6 — the area's "
        "questions may measure different things; read them one by one.",
    },
    "alpha-item": {
        "pl": "obszar {area}, grupa {group}: bez pytania {value} alfa Cronbacha wyraźnie by "
        "wzrosła; sprawdź jego brzmienie.",
        "en": "area {area}, group {group}: without question {value} Cronbach's alpha would rise "
        "clearly; check its wording.",
    },
    "index-provisional": {
        "pl": "indeks jest wstępny: obszary {value} nie mają wyniku ankiety albo mają go od mniej "
        "niż {min} respondentów którejś grupy.",
        "en": "the index is provisional: the areas {value} have no survey score or one from "
        "fewer than {min} respondents of a group.",
    },
    # --- comparison ----------------------------------------------------------------------
    "different-questionnaires": {
        "pl": "etapy użyły różnych kwestionariuszy („{before}” i „{value}”), więc nie da się ich "
        "porównać. Oceń oba etapy tym samym kwestionariuszem (--questionnaire).",
        "en": "the rounds used different questionnaires ('{before}' and '{value}') and cannot "
        "be compared. Score both with the same questionnaire (--questionnaire).",
    },
    "different-versions": {
        "pl": "etapy użyły różnych wersji kwestionariusza ({before} i {value}); porównano "
        "tylko obszary obecne w obu.",
        "en": "the rounds used different questionnaire versions ({before} and {value}); only "
        "the areas both have are compared.",
    },
    "mixed-sources": {
        "pl": "wartości końcowe jednego etapu to oceny grupy roboczej, a drugiego wyniki ankiety; "
        "porównując ankietę z ankietą, patrz kolumnę „Δ ankieta” (w JSON: „survey”).",
        "en": "one round's final values are working-group grades and the other's survey "
        "scores; to compare survey with survey see the 'Δ survey' column ('survey' in JSON).",
    },
    "areas-not-in-both": {
        "pl": "obszary obecne tylko w jednym etapie (nieporównane): {value}.",
        "en": "areas present in one round only (not compared): {value}.",
    },
    "area-missing-in-round": {
        "pl": "obszar {value} nie ma wyniku {which}; zmiany nie da się obliczyć.",
        "en": "the area {value} has no score {which}; its change cannot be computed.",
    },
    # --- outputs -------------------------------------------------------------------------
    "output-exists": {
        "pl": "plik już istnieje i nie został zmieniony. Podaj inną nazwę albo dodaj --force, "
        "aby go zastąpić.",
        "en": "the file already exists and was left unchanged. Give another name or add "
        "--force to replace it.",
    },
    "output-is-input": {
        "pl": "to jeden z plików wejściowych; liwindex nigdy ich nie nadpisuje. Podaj inną "
        "nazwę raportu.",
        "en": "this is one of the input files; liwindex never overwrites them. Give another "
        "name for the report.",
    },
    "output-folder-missing": {
        "pl": "katalog „{value}” nie istnieje. Utwórz go albo podaj inną ścieżkę.",
        "en": "the folder '{value}' does not exist. Create it or give another path.",
    },
    "output-not-writable": {
        "pl": "nie można zapisać pliku ({detail}). Zamknij go w Excelu lub innym programie "
        "i spróbuj ponownie.",
        "en": "the file cannot be written ({detail}). Close it in Excel or another program "
        "and try again.",
    },
}


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def _in_lang(value: Any, lang: str) -> Any:
    """Parameters may carry both languages as ``{"pl": ..., "en": ...}``."""
    if value is None:
        return ""
    if isinstance(value, dict) and "pl" in value:
        return value.get(lang) or value["pl"]
    return value


def describe(code: str, lang: str = "pl", **params: Any) -> str:
    """The message for ``code`` in ``lang`` with its placeholders filled."""
    entry = MESSAGES.get(code)
    if entry is None:
        return f"{code}: {params}"
    template = entry.get(lang) or entry["pl"]
    values = _Blank({k: _in_lang(v, lang) for k, v in params.items()})
    return template.format_map(values)
