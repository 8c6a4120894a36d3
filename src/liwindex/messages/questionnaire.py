"""Messages about questionnaire YAML files."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- questionnaire YAML ------------------------------------------------------------
    "yaml-too-large": {
        "pl": "plik kwestionariusza jest zbyt duży (limit {limit} bajtów). Sprawdź, czy to właściwy plik.",
        "en": "the questionnaire file is too large (limit {limit} bytes). Check that it is the right file.",
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
        "en": "the scale '{value}' needs at least two different point values. Fix the points of its choices.",
    },
    "unknown-scale": {
        "pl": "nieznana skala „{value}”; znane: {known}. Popraw nazwę albo zdefiniuj skalę w „scales”.",
        "en": "unknown scale '{value}'; known: {known}. Fix the name or define the scale under 'scales'.",
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
    "bad-index-bounds": {
        "pl": "zakres indeksu {value} musi składać się z dwóch skończonych liczb między −{max} a {max}, "
        "np. [1, 5].",
        "en": "the index range {value} must be two finite numbers between −{max} and {max}, e.g. [1, 5].",
    },
    "too-many-grades": {
        "pl": "krok ocen {value} daje ponad {max} możliwych ocen w zakresie [{lo}, {hi}]. Użyj np. 0.5 "
        "albo 1.",
        "en": "the grade step {value} gives more than {max} possible grades in [{lo}, {hi}]. Use e.g. "
        "0.5 or 1.",
    },
    "too-many-items": {
        "pl": "kwestionariusz ma {value} {what}, a liwindex przyjmuje najwyżej {max}. Podziel go "
        "albo sprawdź, czy plik nie został wygenerowany przez pomyłkę.",
        "en": "the questionnaire has {value} {what}, and liwindex accepts at most {max}. Split it, "
        "or check that the file was not generated by mistake.",
    },
    "bad-grade-step": {
        "pl": "krok ocen {value} nie dzieli zakresu [{lo}, {hi}] na równe części. Użyj np. 0.5 albo 1.",
        "en": "the grade step {value} does not divide the range [{lo}, {hi}] evenly. Use e.g. 0.5 or 1.",
    },
}
