"""Messages about input files, sheets, cells, grades and metadata (mapping files: mapping.py)."""

from __future__ import annotations

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
    "not-a-regular-file": {
        "pl": "to nie jest zwykły plik (urządzenie, potok lub gniazdo), więc nie da się go "
        "bezpiecznie przeczytać. Podaj ścieżkę do pliku na dysku.",
        "en": "this is not a regular file (a device, pipe or socket) and cannot be read safely. "
        "Give the path of a file on disk.",
    },
    "file-empty": {
        "pl": "plik jest pusty (0 bajtów). Wyeksportuj odpowiedzi ponownie.",
        "en": "the file is empty (0 bytes). Export the responses again.",
    },
    "file-unreadable": {
        "pl": "nie można otworzyć pliku ({detail}). Zamknij go w innych programach i sprawdź uprawnienia.",
        "en": "the file cannot be opened ({detail}). Close it in other programs and check the permissions.",
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
        "pl": "plik nie jest poprawnym skoroszytem {format}, mimo rozszerzenia ({kind}). "
        "Otwórz go w Excelu lub LibreOffice i zapisz jako .xlsx.",
        "en": "the file is not a valid {format} workbook despite its extension ({kind}). "
        "Open it in Excel or LibreOffice and save it as .xlsx.",
    },
    "xlsx-named-xls": {
        "pl": "to skoroszyt w formacie .xlsx zapisany z rozszerzeniem {value}. Zmień rozszerzenie "
        "pliku na .xlsx i uruchom ponownie.",
        "en": "this is an .xlsx workbook saved with the extension {value}. Rename the file to .xlsx "
        "and run again.",
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
        "pl": "arkusz ma więcej niż {limit} kolumn. Usuń zbędne kolumny albo zwiększ limit zmienną {env}.",
        "en": "the sheet has more than {limit} columns. Remove the columns not needed or raise "
        "the limit with {env}.",
    },
    "csv-too-large": {
        "pl": "plik CSV ma ponad {limit} MB — więcej, niż liwindex wczytuje. Sprawdź, czy to na "
        "pewno eksport ankiety, albo zwiększ limit zmienną {env}.",
        "en": "the CSV file is larger than {limit} MB — more than liwindex reads. Check that it "
        "is really a survey export, or raise the limit with {env}.",
    },
    "csv-not-text": {
        "pl": "plik CSV nie jest plikiem tekstowym (zawiera bajty zerowe, jak dane binarne). "
        "Wyeksportuj odpowiedzi ponownie jako CSV albo .xlsx.",
        "en": "the CSV file is not a text file (it holds zero bytes, as binary data does). Export "
        "the responses again as CSV or .xlsx.",
    },
    "csv-unknown-encoding": {
        "pl": "plik CSV nie jest zapisany ani w UTF-8, ani w Windows-1250 (bajt {value} nie "
        "oznacza w nich żadnego znaku). Zapisz go ponownie jako „CSV UTF-8” albo .xlsx.",
        "en": "the CSV file is in neither UTF-8 nor Windows-1250 (byte {value} is no character in "
        "either). Save it again as 'CSV UTF-8' or .xlsx.",
    },
    "csv-line-too-long": {
        "pl": "wiersz pliku CSV jest dłuższy niż {limit} bajtów (zwykle brakuje znaku końca wiersza "
        "albo cudzysłów nie został zamknięty). Sprawdź plik w edytorze tekstu.",
        "en": "a line of the CSV file is longer than {limit} bytes (usually a missing line break or "
        "an unclosed quote). Check the file in a text editor.",
    },
    "sheet-mostly-empty": {
        "pl": "arkusz sięga komórki {value} ({cells} komórek), choć jego zapis ma tylko "
        "{size} kB danych: prawie cały ten obszar jest pusty. Zwykle to pojedyncza komórka "
        "lub formatowanie daleko za danymi: w Excelu Ctrl+End pokaże tę komórkę — usuń puste "
        "wiersze i kolumny za danymi i zapisz plik ponownie.",
        "en": "the sheet reaches cell {value} ({cells} cells), yet its XML holds only {size} kB "
        "of data: almost all of that range is empty. This is usually a single cell or "
        "formatting far beyond the data: Ctrl+End in Excel shows the cell — delete the empty "
        "rows and columns after the data and save again.",
    },
    "cell-beyond-limits": {
        "pl": "arkusz sięga komórki {value}, a liwindex czyta najwyżej {rows} wierszy i {columns} "
        "kolumn. Zwykle to pozostałość formatowania daleko poza danymi: w Excelu Ctrl+End "
        "pokaże tę komórkę — usuń puste wiersze i kolumny za danymi i zapisz plik ponownie "
        "(albo zwiększ limity zmiennymi LIWINDEX_MAX_ROWS i LIWINDEX_MAX_COLUMNS).",
        "en": "the sheet reaches cell {value}, and liwindex reads at most {rows} rows and {columns} "
        "columns. This is usually leftover formatting far beyond the data: Ctrl+End in Excel "
        "shows the cell — delete the empty rows and columns after the data and save again (or "
        "raise the limits with LIWINDEX_MAX_ROWS and LIWINDEX_MAX_COLUMNS).",
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
    "text-as-workbook": {
        "pl": "to plik tekstowy (np. CSV), choć ma rozszerzenie {value}. Zmień rozszerzenie na "
        ".csv albo otwórz go w Excelu i zapisz jako .xlsx.",
        "en": "this is a text file (e.g. CSV) although its extension is {value}. Rename it to "
        ".csv or open it in Excel and save it as .xlsx.",
    },
    # --- workbooks ---------------------------------------------------------------------
    "sheet-not-found": {
        "pl": "nie ma arkusza „{value}”{suggestion}; arkusze w pliku: {known}. Podaj jeden z nich w --sheet.",
        "en": "there is no sheet '{value}'{suggestion}; sheets in the file: {known}. Give one "
        "of them to --sheet.",
    },
    "empty-sheet": {
        "pl": "arkusz jest pusty. Sprawdź, czy to właściwy arkusz (opcja --sheet).",
        "en": "the sheet is empty. Check that it is the right sheet (option --sheet).",
    },
    "survey-sheet-found": {
        "pl": "pierwszy arkusz („{first}”) nie ma kolumn pytań; odpowiedzi odczytano z arkusza „{value}”.",
        "en": "the first sheet ('{first}') has no question columns; the answers were read from "
        "the sheet '{value}'.",
    },
    "survey-sheets-many": {
        "pl": "pierwszy arkusz („{first}”) nie ma kolumn pytań, a pytania mają kilka innych: "
        "{value}. Wskaż arkusz z odpowiedziami opcją --sheet NAZWA.",
        "en": "the first sheet ('{first}') has no question columns, and several others have: "
        "{value}. Name the responses sheet with --sheet NAME.",
    },
    "no-question-columns": {
        "pl": "żadna kolumna nagłówka (wiersz {header_row}) nie pasuje do pytań kwestionariusza "
        "„{questionnaire}”. Nagłówki muszą być identyfikatorami pytań (np. {example}) lub "
        "treścią pytań; sprawdź arkusz i kwestionariusz albo przygotuj mapowanie: liwindex "
        "mapping init PLIK -o mapowanie.yaml.",
        "en": "no header column (row {header_row}) matches a question of the questionnaire "
        "'{questionnaire}'. Headers must be question ids (e.g. {example}) or question "
        "texts; check the sheet and the questionnaire, or make a mapping: liwindex mapping "
        "init FILE -o mapping.yaml.",
    },
    "duplicate-columns-merged": {
        "pl": "pytanie „{value}” ma kilka kolumn ({columns}), jak w formularzu z sekcjami; scalono je "
        "w jedną (każdy wiersz odpowiada w jednej z nich).",
        "en": "the question '{value}' has several columns ({columns}), as in a form with sections; "
        "they were merged into one (each row answers in one of them).",
    },
    "duplicate-column-conflict": {
        "pl": "pytanie „{value}” ma w tym wierszu dwie różne odpowiedzi: „{a}” (kolumna {first}) "
        "i „{b}”. Zostaw jedną z nich.",
        "en": "the question '{value}' has two different answers in this row: '{a}' (column "
        "{first}) and '{b}'. Keep one of them.",
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
    "summary-row": {
        "pl": "wiersz wygląda na wiersz podsumowania („{value}”), więc nie jest liczony jako "
        "respondent — usuń go z arkusza.",
        "en": "the row looks like a summary row ('{value}'), so it is not counted as a "
        "respondent — remove it from the sheet.",
    },
    "summary-row-numbers": {
        "pl": "wiersz wygląda na wiersz podsumowania: liczby (np. {value}) tam, gdzie respondenci "
        "zaznaczali odpowiedzi słowami — usuń go z arkusza; jeśli to respondent, wpisz jego grupę "
        "i odpowiedzi z kwestionariusza.",
        "en": "the row looks like a summary row: numbers (e.g. {value}) where respondents chose "
        "answers in words — remove it from the sheet; if it is a respondent, fill in the group "
        "and answers from the questionnaire.",
    },
    "unknown-group": {
        "pl": "nieznana grupa respondenta „{value}”{suggestion}. Dozwolone: {allowed}. Popraw "
        "komórkę albo dodaj tę nazwę do „aliases” grupy w kwestionariuszu.",
        "en": "unknown respondent group '{value}'{suggestion}. Allowed: {allowed}. Fix the cell "
        "or add the name to the group's 'aliases' in the questionnaire.",
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
    "group-column-by-values": {
        "pl": "kolumnę „{value}” odczytano jako grupę respondenta, bo każda jej wartość to nazwa grupy.",
        "en": "the column '{value}' is read as the respondent group because each of its values "
        "names a group.",
    },
    "group-from-columns": {
        "pl": "brak kolumny z grupą, a pytania arkusza są zadawane tylko grupie {value} "
        "({label}): wszyscy respondenci liczeni są do tej grupy. Jeśli to błąd, podaj "
        "--group PLIK=ID.",
        "en": "there is no group column and the sheet's questions are asked only of the group "
        "{value} ({label}): every respondent counts in that group. If that is wrong, give "
        "--group FILE=ID.",
    },
    "unknown-group-option": {
        "pl": "nieznana grupa „{value}” w --group. Dozwolone: {allowed}.",
        "en": "unknown group '{value}' in --group. Allowed: {allowed}.",
    },
    "group-option-fills-blanks": {
        "pl": "--group {value} przypisano {count:pl:wierszowi|wierszom|wierszom} bez grupy.",
        "en": "--group {value} was given to {count:en:row|rows} without a group.",
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
        "pl": "{count:pl:odpowiedź|odpowiedzi|odpowiedzi} na pytania, których nie zadaje się grupie "
        "respondenta (np. {value} w wierszu {first}) — bez wpływu na wynik. Sprawdź kolumnę grupy.",
        "en": "{count:en:answer|answers} to questions not asked of the respondent's group "
        "(e.g. {value} in row {first}) — not counted. Check the group column.",
    },
    "required-unanswered": {
        "pl": "pytanie obowiązkowe {value} bez odpowiedzi w {count:pl:wierszu|wierszach|wierszach} "
        "(np. wiersz {first}).",
        "en": "the required question {value} is unanswered in {count:en:row|rows} (e.g. row {first}).",
    },
    "no-answers": {
        "pl": "{count:pl:respondent nie odpowiedział|respondentów nie odpowiedziało|respondentów nie "
        "odpowiedziało} na żadne pytanie punktowane (np. wiersz {first}).",
        "en": "{count:en:respondent|respondents} answered no scored question (e.g. row {first}).",
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
    "code-label-answers": {
        "pl": "w pytaniu {question} odpowiedzi zapisane kodem i etykietą odczytano jako kody: {value}.",
        "en": "in question {question} answers written as code and label were read as codes: {value}.",
    },
    "answer-contradiction": {
        "pl": "odpowiedź „{value}” na pytanie {question} jest sprzeczna: liczba wskazuje kod "
        "{by_code}, a słowa — kod {by_label}. Sprawdź w źródle, co wybrał respondent, i popraw "
        "komórkę.",
        "en": "the answer '{value}' to question {question} contradicts itself: the number means "
        "code {by_code}, the words code {by_label}. Check what the respondent chose and fix the "
        "cell.",
    },
    "number-as-code": {
        "pl": "w pytaniu {question} liczby zapisane z przecinkiem odczytano jako kody: {value}.",
        "en": "in question {question} numbers written with decimals were read as codes: {value}.",
    },
    "duplicate-rows": {
        "pl": "{count:pl:wiersz powtarza|wiersze powtarzają|wierszy powtarza} odpowiedzi "
        "wcześniejszego wiersza tej samej grupy "
        "(wiersz=powtórzenie: {value}); sprawdź, czy ankiety nie wysłano dwa razy. Wiersze "
        "są liczone.",
        "en": "{count:en:row repeats|rows repeat} the answers of an earlier row of the same group "
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
        "en": "the grade {value} is not on the step {step} (e.g. {near}). Round the grade to the step.",
    },
    "unknown-meta-key": {
        "pl": "nieznany klucz metryki „{value}” pominięto (znane: jst, rok, etap).",
        "en": "unknown metadata key '{value}' ignored (known: jst, rok, etap).",
    },
    "bad-etap": {
        "pl": "nieznany etap „{value}”{suggestion}. Dozwolone: wstępna, powdrożeniowa, roczna.",
        "en": "unknown round '{value}'{suggestion}. Allowed: wstępna, powdrożeniowa, roczna.",
    },
    "bad-invited": {
        "pl": "liczba zaproszonych „{value}” nie jest liczbą całkowitą dodatnią. Wpisz, ile osób "
        "zaproszono do ankiety, np. 120.",
        "en": "the number invited '{value}' is not a positive whole number. Enter how many "
        "people were invited to the survey, e.g. 120.",
    },
    "bad-teryt": {
        "pl": "„{value}” nie jest kodem TERYT (TERC): wpisz 2 cyfry dla województwa, 4 dla powiatu "
        "albo 7 dla gminy (np. 1261011), jak w rejestrze TERYT GUS; kod województwa jest parzysty "
        "(02–32), ostatnia cyfra kodu gminy to jej rodzaj (1–5, 8 lub 9).",
        "en": "'{value}' is not a TERYT (TERC) code: give 2 digits for a województwo, 4 for a "
        "powiat or 7 for a gmina (e.g. 1261011), as in the GUS TERYT register; a województwo "
        "code is even (02–32), a gmina code ends in its kind (1–5, 8 or 9).",
    },
    "bad-year": {
        "pl": "rok „{value}” nie jest rokiem. Wpisz rok, np. 2025.",
        "en": "the year '{value}' is not a year. Enter a year, e.g. 2025.",
    },
    "meta-overridden": {
        "pl": "{value}: użyto „{found}” z {first} zamiast „{known}” z arkusza „metryka”.",
        "en": "{value}: '{found}' from {first} is used instead of '{known}' from the 'metryka' sheet.",
    },
    "meta-from-name": {
        "pl": "etap nie ma roku lub etapu oceny (arkusz „metryka”, metryka.yaml); nazwa pliku "
        "sugeruje {value}. Podaj je w poleceniu albo w pliku metryka.yaml obok plików, by "
        "raporty nazywały etap.",
        "en": "the round has no year or stage (a 'metryka' sheet, metryka.yaml); the file name "
        "suggests {value}. Give them on the command line or in a metryka.yaml beside the "
        "files so that reports name the round.",
    },
    # --- rounds made of several files ------------------------------------------------------
    "own-output-skipped": {
        "pl": "pominięto: to plik zapisany przez liwindex (raport lub zestawienie), nie odpowiedzi. "
        "Trzymaj raporty poza folderami z odpowiedziami.",
        "en": "skipped: a file liwindex wrote (a report or a summary), not answers. Keep reports "
        "outside the folders of answers.",
    },
    "export-given-twice": {
        "pl": "to ten sam eksport co {value}: {count:pl:odpowiedź powtarza|odpowiedzi powtarzają|odpowiedzi "
        "powtarza} tamte co do jednej, więc ci sami respondenci byliby policzeni dwa razy. Zostaw w "
        "etapie jeden z tych plików (np. usuń drugi raz pobrany CSV).",
        "en": "the same export as {value}: all {count:en:answer|answers} repeat that file's, so the same "
        "respondents would be counted twice. Keep one of the two files in the round (e.g. remove "
        "the CSV downloaded a second time).",
    },
    "round-no-files": {
        "pl": "folder nie zawiera plików z odpowiedziami (.xlsx, .xls, .ods, .csv).",
        "en": "the folder holds no response files (.xlsx, .xls, .ods, .csv).",
    },
    "round-files": {
        "pl": "etap z {count:pl:pliku|plików|plików}; respondentów w każdym: {value}.",
        "en": "a round of {count:en:file|files}; respondents in each: {value}.",
    },
    "round-file-twice": {
        "pl": "ten sam plik co {value} podano drugi raz; jego respondenci liczyliby się "
        "podwójnie. Podaj każdy plik raz.",
        "en": "the same file as {value} is given a second time; its respondents would count "
        "twice. Give each file once.",
    },
    "group-file-unknown": {
        "pl": "--group {value}=…: takiego pliku nie ma w tym etapie (pliki: {known}).",
        "en": "--group {value}=…: no such file in this round (files: {known}).",
    },
    "round-grades-twice": {
        "pl": "oceny grupy roboczej są w dwóch plikach jednego etapu i się różnią (drugi: "
        "{value}). Zostaw arkusz „oceny” w jednym pliku.",
        "en": "two files of one round carry different working-group grades (the other: "
        "{value}). Keep the 'oceny' sheet in one file.",
    },
    "round-meta-differs": {
        "pl": "pliki jednego etapu różnią się metryką: {value} to „{known}” w {first} i "
        "„{found}” tutaj. Popraw arkusz „metryka” albo podaj pliki jako osobne etapy.",
        "en": "the files of one round disagree on their metryka: {value} is '{known}' in "
        "{first} and '{found}' here. Fix the 'metryka' sheet or give the files as separate "
        "rounds.",
    },
    "rows-in-two-files": {
        "pl": "{count:pl:wiersz powtarza|wiersze powtarzają|wierszy powtarza} odpowiedzi z "
        "pliku {value} (wiersz=wiersz tam: {first}); sprawdź, czy eksporty się nie nakładają. "
        "Wiersze są liczone.",
        "en": "{count:en:row repeats|rows repeat} answers from the file {value} (row=row "
        "there: {first}); check that the exports do not overlap. The rows are counted.",
    },
}
