"""The words of the app's pages, Polish and English; the words it shares with the terminal
(index, płaszczyzny, areas, rounds) come from :mod:`liwindex.i18n`, the messages about
files from the catalogue (:mod:`liwindex.messages`)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "app_title": {"pl": "LIJW — ocena współpracy", "en": "LIJW — cooperation score"},
    "skip": {"pl": "Przejdź do treści", "en": "Skip to content"},
    "nav": {"pl": "Ekrany", "en": "Screens"},
    "nav_score": {"pl": "Ocena", "en": "Score"},
    "nav_compare": {"pl": "Porównanie", "en": "Comparison"},
    "nav_batch": {"pl": "Wiele JST", "en": "Many JSTs"},
    "nav_tools": {"pl": "Narzędzia", "en": "Tools"},
    "other_lang": {"pl": "English", "en": "Polski"},
    "other_lang_code": {"pl": "en", "en": "pl"},
    "end_session": {"pl": "Zakończ i usuń przesłane pliki", "en": "End and delete the uploaded files"},
    "ended": {
        "pl": "Przesłane pliki i wyniki usunięto z komputera.",
        "en": "The uploaded files and results were deleted from this computer.",
    },
    "local_note": {
        "pl": "Aplikacja działa tylko na tym komputerze: pliki nie są nigdzie wysyłane.",
        "en": "The app runs on this computer only: files are not sent anywhere.",
    },
    "score_title": {"pl": "Ocena jednego etapu", "en": "Score one round"},
    "score_intro": {
        "pl": "Wybierz plik z odpowiedziami ankiety (z Excela, Formularzy Google, KoboToolbox) — "
        "albo kilka plików jednego etapu, np. osobno organizacji i urzędu. Program sprawdzi pliki "
        "i policzy indeks.",
        "en": "Choose the file of survey responses (from Excel, Google Forms, KoboToolbox) — or "
        "several files of one round, e.g. the NGOs' and the office's. The program checks the "
        "files and computes the index.",
    },
    "files_label": {
        "pl": "Pliki etapu (.xlsx, .xls, .ods, .csv)",
        "en": "The round's files (.xlsx, .xls, .ods, .csv)",
    },
    "files_hint": {
        "pl": "Można zaznaczyć kilka plików naraz (Ctrl + klik). Limit: {file} MB na plik, {total} MB razem.",
        "en": "You can select several files at once (Ctrl + click). "
        "Limit: {file} MB a file, {total} MB in all.",
    },
    "limit_hint": {"pl": "Limit: {limit} MB.", "en": "Limit: {limit} MB."},
    "meta_legend": {
        "pl": "Dane etapu (gdy pliki nie mają arkusza „metryka”)",
        "en": "About the round (when the files have no 'metryka' sheet)",
    },
    "meta_hint": {
        "pl": "Wypełnij tylko wtedy, gdy tych danych nie ma w plikach. Puste pola są pomijane.",
        "en": "Fill in only when the files lack these details. Empty fields are left out.",
    },
    "meta_missing": {
        "pl": "Pliki nie podają wszystkich danych etapu ({what}). Uzupełnij je, by raport nazywał "
        "JST i etap.",
        "en": "The files do not give all details of the round ({what}). Fill them in so that the "
        "report names the JST and the round.",
    },
    "meta_apply": {"pl": "Zastosuj dane etapu", "en": "Apply the details"},
    "jst": {"pl": "Nazwa JST (np. Gmina Przykładowa)", "en": "Name of the JST (e.g. Gmina Przykładowa)"},
    "teryt": {"pl": "Kod TERYT (TERC), np. 1261011", "en": "TERYT (TERC) code, e.g. 1261011"},
    "rok": {"pl": "Rok etapu", "en": "Year of the round"},
    "etap": {"pl": "Etap", "en": "Round"},
    "etap_none": {"pl": "— z pliku —", "en": "— from the file —"},
    "invited": {"pl": "Liczba zaproszonych do ankiety", "en": "Number invited to answer"},
    "send_score": {"pl": "Sprawdź i policz", "en": "Check and score"},
    "send_compare": {"pl": "Porównaj", "en": "Compare"},
    "send_batch": {"pl": "Policz wszystkie JST", "en": "Score every JST"},
    "working": {"pl": "Liczę…", "en": "Working…"},
    "refresh": {"pl": "Odśwież stan", "en": "Refresh the status"},
    "check_title": {"pl": "Sprawdzenie plików", "en": "Checking the files"},
    "check_ok": {
        "pl": "Pliki są poprawne. Ostrzeżeń: {w}, informacji: {n}.",
        "en": "The files are valid. Warnings: {w}, notes: {n}.",
    },
    "check_failed": {
        "pl": "W plikach są błędy ({n}), więc wyniku nie policzono. Przy każdym błędzie jest "
        "miejsce w pliku i sposób poprawy; popraw plik i prześlij go ponownie.",
        "en": "The files have errors ({n}), so no score was computed. Each error names its place "
        "in the file and the fix; correct the file and upload it again.",
    },
    "severity_error": {"pl": "Błąd", "en": "Error"},
    "severity_warning": {"pl": "Ostrzeżenie", "en": "Warning"},
    "severity_note": {"pl": "Informacja", "en": "Note"},
    "result_title": {"pl": "Wynik", "en": "Result"},
    "uploaded": {"pl": "Przesłane pliki", "en": "Uploaded files"},
    "by_groups": {"pl": "Według grup", "en": "By group"},
    "downloads": {"pl": "Pobierz raport", "en": "Download the report"},
    "dl_xlsx": {"pl": "Raport Excel (.xlsx)", "en": "Excel report (.xlsx)"},
    "dl_html": {"pl": "Raport do publikacji (.html)", "en": "Report for publication (.html)"},
    "dl_pdf": {"pl": "Raport PDF (.pdf)", "en": "PDF report (.pdf)"},
    "dl_docx": {
        "pl": "Załącznik do sprawozdania z realizacji programu współpracy (Word, .docx)",
        "en": "Annex to the report on the cooperation programme (Word, .docx)",
    },
    "dl_note": {
        "pl": "Raporty mają przedziały ufności (2000 losowań), więc przygotowanie trwa kilka sekund.",
        "en": "The reports carry confidence intervals (2000 resamples), so they take a few seconds.",
    },
    "pdf_missing": {"pl": "PDF niedostępny", "en": "PDF unavailable"},
    "again": {"pl": "Oceń inne pliki", "en": "Score other files"},
    "again_compare": {"pl": "Porównaj inne pliki", "en": "Compare other files"},
    "again_batch": {"pl": "Policz inne JST", "en": "Score other JSTs"},
    "compare_title": {"pl": "Porównanie dwóch etapów", "en": "Compare two rounds"},
    "compare_intro": {
        "pl": "Wybierz pliki etapu wcześniejszego (np. ocena wstępna) i późniejszego (np. ocena "
        "powdrożeniowa). Program porówna je tak samo jak polecenie liwindex compare.",
        "en": "Choose the files of the earlier round (e.g. the initial one) and of the later one "
        "(e.g. after implementation). The program compares them as liwindex compare does.",
    },
    "before_label": {"pl": "Pliki etapu wcześniejszego (przed)", "en": "Files of the earlier round (before)"},
    "after_label": {"pl": "Pliki etapu późniejszego (po)", "en": "Files of the later round (after)"},
    "before_meta": {"pl": "Dane etapu wcześniejszego", "en": "The earlier round"},
    "after_meta": {"pl": "Dane etapu późniejszego", "en": "The later round"},
    "significant": {"pl": "istotna statystycznie", "en": "statistically significant"},
    "not_significant": {"pl": "nieistotna statystycznie", "en": "not statistically significant"},
    "batch_title": {"pl": "Wiele JST naraz", "en": "Many JSTs at once"},
    "batch_intro": {
        "pl": "Spakuj foldery JST (każda JST w swoim folderze, w nim pliki jej etapów) do jednego "
        "pliku .zip i wybierz go tutaj albo wskaż folder z folderami JST. Program policzy "
        "każdą JST, zapisze jej raporty i zestawienie wszystkich.",
        "en": "Pack the JST folders (each JST in its folder, with its rounds' files) into one "
        ".zip file and choose it here, or choose the folder of JST folders. The program "
        "scores every JST, writes its reports and a summary of all.",
    },
    "zip_label": {"pl": "Archiwum .zip z folderami JST", "en": "The .zip archive of JST folders"},
    "folder_label": {
        "pl": "albo: folder, w którym są foldery JST",
        "en": "or: the folder that holds the JST folders",
    },
    "folder_hint": {
        "pl": "Przeglądarka zapyta, czy przesłać wszystkie pliki folderu — potwierdź. "
        "Przesyłane są tylko do tej aplikacji na tym komputerze.",
        "en": "The browser asks whether to upload every file of the folder — confirm. They "
        "go only to this app on this computer.",
    },
    "batch_running": {"pl": "Trwa liczenie: {done} z {total}", "en": "Working: {done} of {total}"},
    "batch_starting": {"pl": "Rozpakowuję i szukam etapów…", "en": "Unpacking and finding rounds…"},
    "batch_done": {"pl": "Gotowe: JST {n}, plików {files}.", "en": "Done: {n} JSTs, {files} files."},
    "batch_summary": {"pl": "Otwórz zestawienie (.html)", "en": "Open the summary (.html)"},
    "batch_zip": {"pl": "Pobierz wszystkie raporty (.zip)", "en": "Download every report (.zip)"},
    "batch_failed_n": {"pl": "JST z błędami: {n}", "en": "JSTs with errors: {n}"},
    "tools_title": {"pl": "Narzędzia", "en": "Tools"},
    "tools_intro": {
        "pl": "Formularze do zebrania odpowiedzi według standardowego kwestionariusza LIJW.",
        "en": "Forms for collecting the answers by the standard LIJW questionnaire.",
    },
    "tool_template": {
        "pl": "Arkusz do wpisywania odpowiedzi (.xlsx) — z listami dozwolonych odpowiedzi",
        "en": "A workbook for typing in answers (.xlsx) — with lists of the allowed answers",
    },
    "tool_xlsform": {
        "pl": "Formularz XLSForm (.xlsx) dla KoboToolbox i ODK",
        "en": "An XLSForm (.xlsx) for KoboToolbox and ODK",
    },
    "tool_paper": {
        "pl": "Kwestionariusz do druku (.html; w przeglądarce: Drukuj)",
        "en": "The printable questionnaire (.html; in the browser: Print)",
    },
    "problem_page": {"pl": "Nie udało się", "en": "That did not work"},
    "back": {"pl": "Wróć", "en": "Back"},
    "not_found": {
        "pl": "Tego wyniku już nie ma (sesję zakończono albo serwer uruchomiono ponownie). "
        "Prześlij pliki jeszcze raz.",
        "en": "This result is gone (the session ended or the server restarted). Upload the files again.",
    },
}


def w(key: str, lang: str = "pl", **params: object) -> str:
    """The page word ``key`` in ``lang``, its placeholders filled."""
    entry = WORDS[key]
    text = entry.get(lang) or entry["pl"]
    return text.format(**params) if params else text
