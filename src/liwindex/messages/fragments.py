"""Fragments inserted into messages: what a non-workbook file looks like, and pydantic's
validation errors in plain words."""

from __future__ import annotations

FILE_KINDS: dict[str, dict[str, str]] = {
    "xls": {
        "pl": "stary format .xls albo skoroszyt zaszyfrowany hasłem",
        "en": "the old .xls format or a password-protected workbook",
    },
    "pdf": {"pl": "to dokument PDF", "en": "it is a PDF document"},
    "html": {"pl": "to strona HTML", "en": "it is an HTML page"},
    "text": {"pl": "to plik tekstowy, np. CSV", "en": "it is a text file, e.g. CSV"},
    "broken": {"pl": "uszkodzone archiwum skoroszytu", "en": "a damaged workbook archive"},
    "dtd": {
        "pl": "arkusz zawiera deklarację DTD lub encje XML, których skoroszyty Excela nie "
        "używają — plik mógł zostać spreparowany",
        "en": "a sheet holds a DTD or XML entities, which Excel workbooks never use — the file "
        "may have been tampered with",
    },
    "broken_xls": {
        "pl": "uszkodzony plik .xls albo deklarujący ogromny zakres komórek",
        "en": "a damaged .xls file, or one that claims a huge range of cells",
    },
    "broken_ods": {
        "pl": "uszkodzony plik .ods albo deklarujący ogromny zakres komórek",
        "en": "a damaged .ods file, or one that claims a huge range of cells",
    },
    "unknown": {"pl": "nieznana zawartość", "en": "unknown content"},
}


# what a YAML file that is no mapping holds (``yaml-not-mapping``), and what it should hold
YAML_SHAPES: dict[str, dict[str, str]] = {
    "list": {"pl": "listę (linie zaczynające się od „-”)", "en": "a list (lines starting with '-')"},
    "text": {
        "pl": "sam tekst bez dwukropka (czy po nazwie pola brakuje „: ”?)",
        "en": "a text without a colon (is the ': ' after a field name missing?)",
    },
    "empty": {"pl": "nic (plik jest pusty)", "en": "nothing (the file is empty)"},
}
YAML_KINDS: dict[str, dict[str, str]] = {
    "questionnaire": {
        "pl": "najprościej zacznij od kopii kwestionariusza standardowego: liwindex questionnaire new",
        "en": "simplest: start from a copy of the standard questionnaire, liwindex questionnaire new",
    },
    "metryka": {
        "pl": "każde pole w osobnej linii, np. „jst: Gmina Przykładowa”, „rok: 2025”, „etap: wstępna”",
        "en": "each field on its own line, e.g. 'jst: Gmina Przykładowa', 'rok: 2025', 'etap: wstępna'",
    },
    "dane": {
        "pl": "każdy wskaźnik w osobnej linii, np. „konkursy_ofert: 12” albo "
        "„kwota_dotacji: {wartosc: 1234500, uwagi: z korektą}”",
        "en": "each indicator on its own line, e.g. 'konkursy_ofert: 12' or "
        "'kwota_dotacji: {wartosc: 1234500, uwagi: corrected}'",
    },
    "mapping": {
        "pl": "najprościej utwórz go od nowa: liwindex mapping init PLIK -o mapowanie.yaml",
        "en": "simplest: create it anew, liwindex mapping init FILE -o mapping.yaml",
    },
}


PYDANTIC_DETAILS: dict[str, dict[str, str]] = {
    "missing": {"pl": "brak wymaganego pola", "en": "a required field is missing"},
    "string_pattern_mismatch": {
        "pl": "identyfikator może mieć tylko litery bez polskich znaków, cyfry i „_”, zaczynać się "
        "literą i mieć najwyżej 64 znaki (np. o1_n1, O1, ngo)",
        "en": "an id may hold only letters without diacritics, digits and '_', start with a "
        "letter and have at most 64 characters (e.g. o1_n1, O1, ngo)",
    },
    "finite_number": {
        "pl": "potrzebna skończona liczba (nie .inf, .nan ani liczba poza zakresem, np. 1e400)",
        "en": "a finite number is needed (not .inf, .nan or an out-of-range number such as 1e400)",
    },
    "extra_forbidden": {
        "pl": "nieznane pole (sprawdź pisownię klucza)",
        "en": "unknown field (check the spelling of the key)",
    },
    "float_parsing": {"pl": "to nie jest liczba", "en": "not a number"},
    "float_type": {"pl": "to nie jest liczba", "en": "not a number"},
    "int_parsing": {"pl": "to nie jest liczba całkowita", "en": "not a whole number"},
    "bool_parsing": {"pl": "oczekiwano true albo false", "en": "expected true or false"},
    "bool_type": {"pl": "oczekiwano true albo false", "en": "expected true or false"},
    "string_type": {"pl": "oczekiwano tekstu", "en": "expected text"},
    "string_too_short": {"pl": "tekst nie może być pusty", "en": "the text must not be empty"},
    "dict_type": {"pl": "oczekiwano słownika (klucz: wartość)", "en": "expected a mapping (key: value)"},
    "model_type": {"pl": "oczekiwano słownika (klucz: wartość)", "en": "expected a mapping (key: value)"},
    "tuple_type": {"pl": "oczekiwano listy", "en": "expected a list"},
    "list_type": {"pl": "oczekiwano listy", "en": "expected a list"},
    "too_short": {"pl": "lista nie może być pusta", "en": "the list must not be empty"},
    "too_long": {"pl": "za dużo elementów", "en": "too many items"},
}
