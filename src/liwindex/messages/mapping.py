"""Messages about mapping files (``--mapping``, ``liwindex mapping init``/``check``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "mapping-too-large": {
        "pl": "plik mapowania jest zbyt duży ({size} bajtów; limit {limit}). Mapowanie ma po "
        "jednym wpisie na kolumnę, odpowiedź i grupę pliku ankiet — sprawdź, czy to właściwy "
        "plik, i usuń zbędne wpisy (najprościej: przygotuj je od nowa, liwindex mapping init).",
        "en": "the mapping file is too large ({size} bytes; limit {limit}). A mapping has one "
        "entry per column, answer and group of the survey file — check that it is the right "
        "file and remove the entries it does not need (simplest: make it again with liwindex "
        "mapping init).",
    },
    "mapping-too-many-entries": {
        "pl": "mapowanie ma ponad {limit} wpisów (limit przekroczono w tym wierszu). Mapowanie ma po "
        "jednym wpisie na kolumnę, odpowiedź i grupę pliku ankiet — usuń zbędne wpisy "
        "(najprościej: przygotuj je od nowa, liwindex mapping init).",
        "en": "the mapping has more than {limit} entries (the limit is passed at this line). A "
        "mapping has one entry per column, answer and group of the survey file — remove the "
        "entries it does not need (simplest: make it again with liwindex mapping init).",
    },
    "mapping-init-too-large": {
        "pl": "proponowane mapowanie miałoby {entries} wpisów i {size} bajtów, a plik mapowania "
        "może mieć najwyżej {limit_entries} wpisów i {limit} bajtów: plik ankiet ma zbyt wiele "
        "albo zbyt długie nagłówki lub odpowiedzi. Usuń z niego kolumny, które nie są pytaniami "
        "ankiety, i uruchom ponownie.",
        "en": "the proposed mapping would have {entries} entries and {size} bytes, but a mapping "
        "file may have at most {limit_entries} entries and {limit} bytes: the survey file has "
        "too many or too long headers or answers. Remove the columns that are not survey "
        "questions and run again.",
    },
    "mapping-unknown-key": {
        "pl": "nieznany klucz „{value}”; plik mapowania ma klucze questionnaire, columns, answers i groups.",
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
        "en": "unknown question '{value}'. Give a question id (e.g. {example}) or null to ignore the column.",
    },
    "mapping-not-a-mapping": {
        "pl": "tu powinna być lista par „tekst: wartość”. Popraw wcięcia.",
        "en": "a list of 'text: value' pairs belongs here. Fix the indentation.",
    },
    "mapping-unknown-code": {
        "pl": "nieznany kod odpowiedzi „{value}”; znane: {known}. Popraw kod albo wpisz null "
        "(odpowiedź pusta).",
        "en": "unknown answer code '{value}'; known: {known}. Fix the code or give null (a blank answer).",
    },
    "mapping-columns-unused": {
        "pl": "mapowanie przypisuje kolumny do pytań, których w tym pliku nie ma: {value} "
        "(nie przeszkadza, jeśli to inny wariant formularza).",
        "en": "the mapping assigns columns to questions this file does not have: {value} "
        "(no harm if it is another variant of the form).",
    },
    "mapping-questions-missing": {
        "pl": "{count:pl:pytanie nie ma|pytania nie mają|pytań nie ma} kolumny w pliku: {value}.",
        "en": "{count:en:question has|questions have} no column in the file: {value}.",
    },
    "mapping-fits": {
        "pl": "z mapowaniem plik ma kolumny {count} z {total} pytań kwestionariusza.",
        "en": "with the mapping the file has columns for {count} of the questionnaire's {total} questions.",
    },
    "mapping-unconfirmed": {
        "pl": "dopasowanie „{value}” nie jest potwierdzone. Sprawdź je i usuń znak „?” "
        "(albo popraw wartość).",
        "en": "the match '{value}' is not confirmed. Check it and remove the '?' (or fix the value).",
    },
}
