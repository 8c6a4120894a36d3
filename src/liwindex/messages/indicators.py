"""Messages about a round's numeric data (dane liczbowe): the ``dane`` sheet and ``dane.yaml``."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "data-missing-column": {
        "pl": "arkusz „dane” nie ma kolumny „{value}”. Dodaj nagłówki „wskaznik” i „wartosc” "
        "(i ewentualnie „uwagi”) w pierwszym wierszu.",
        "en": "the sheet 'dane' has no column '{value}'. Add the headers 'wskaznik' and 'wartosc' "
        "(and optionally 'uwagi') in the first row.",
    },
    "data-unknown-indicator": {
        "pl": "nieznany wskaźnik „{value}”{suggestion}. Znane: {known}. Wpisz identyfikator "
        "wskaźnika z kwestionariusza (indicators) albo usuń wiersz.",
        "en": "unknown indicator '{value}'{suggestion}. Known: {known}. Enter the id of an "
        "indicator of the questionnaire (indicators) or remove the row.",
    },
    "data-duplicate": {
        "pl": "wskaźnik „{value}” ma już wartość (w {first}). Zostaw jedną wartość na wskaźnik.",
        "en": "the indicator '{value}' already has a value (at {first}). Keep one value per indicator.",
    },
    "data-not-number": {
        "pl": "wartość „{value}” wskaźnika {id} nie jest liczbą. Wpisz liczbę ({unit}), np. 12, "
        "1 234,50 albo 12%.",
        "en": "the value '{value}' of the indicator {id} is not a number. Enter a number ({unit}), "
        "e.g. 12, 1234.50 or 12%.",
    },
    "data-wrong-unit": {
        "pl": "wartość „{value}” wskaźnika {id} ma inną jednostkę niż wskaźnik ({unit}). Wpisz "
        "samą liczbę w jednostce wskaźnika.",
        "en": "the value '{value}' of the indicator {id} has another unit than the indicator "
        "({unit}). Enter the number alone, in the indicator's unit.",
    },
    "data-unit-column": {
        "pl": "jednostka „{value}” wskaźnika {id} nie jest jego jednostką ({unit}), więc wartość "
        "byłaby odczytana źle. Przelicz wartość na {unit} i wpisz jednostkę „{unit}”.",
        "en": "the unit '{value}' of the indicator {id} is not its unit ({unit}), so the value "
        "would be misread. Convert the value to {unit} and write the unit '{unit}'.",
    },
    "data-negative": {
        "pl": "wartość {value} wskaźnika {id} jest ujemna, a liczba ani kwota nie może być ujemna. "
        "Popraw wartość.",
        "en": "the value {value} of the indicator {id} is negative; a count or an amount cannot be. "
        "Fix the value.",
    },
    "data-not-integer": {
        "pl": "wartość {value} wskaźnika {id} nie jest liczbą całkowitą, a wskaźnik liczy sztuki. "
        "Wpisz liczbę całkowitą.",
        "en": "the value {value} of the indicator {id} is not a whole number, and the indicator is "
        "a count. Enter a whole number.",
    },
    "data-out-of-range": {
        "pl": "wartość {value} wskaźnika {id} jest poza dozwolonym zakresem [{lo}, {hi}]. Popraw wartość.",
        "en": "the value {value} of the indicator {id} is outside the allowed range [{lo}, {hi}]. "
        "Fix the value.",
    },
    "data-yaml-key": {
        "pl": "nieznane pole „{value}”; wartość wskaźnika ma pola „wartosc” i „uwagi”. Popraw nazwę pola.",
        "en": "unknown field '{value}'; an indicator's value has the fields 'wartosc' and 'uwagi'. "
        "Fix the field name.",
    },
    "data-overridden": {
        "pl": "wskaźnik {value}: użyto {found} z {where} zamiast {known} z {first}.",
        "en": "indicator {value}: {found} from {where} is used instead of {known} from {first}.",
    },
    "data-twice": {
        "pl": "wskaźnik {value} ma w plikach etapu różne wartości ({known} w {first}, {found} tutaj). "
        "Zostaw jedną wartość.",
        "en": "the indicator {value} has different values in the round's files ({known} in {first}, "
        "{found} here). Keep one value.",
    },
}
