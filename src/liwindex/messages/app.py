"""Messages of the local web app about what was uploaded (sizes, kinds, archives) and
the details typed into its forms."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "upload-file-too-large": {
        "pl": "plik jest większy niż {limit} MB, więc go nie przyjęto i nic z niego nie zapisano. "
        "Usuń z pliku zbędne arkusze albo uruchom aplikację z większym limitem "
        "(liwindex app --max-upload-mb {suggest}).",
        "en": "the file is larger than {limit} MB, so it was refused and nothing of it kept. "
        "Remove sheets it does not need or start the app with a higher limit "
        "(liwindex app --max-upload-mb {suggest}).",
    },
    "upload-total-too-large": {
        "pl": "przesłane pliki mają razem więcej niż {limit} MB, więc ich nie przyjęto i nic nie "
        "zapisano. Prześlij mniej plików naraz albo uruchom aplikację z większym limitem "
        "(liwindex app --max-upload-mb {suggest}).",
        "en": "the uploaded files are larger than {limit} MB together, so they were refused and "
        "nothing kept. Upload fewer files at once or start the app with a higher limit "
        "(liwindex app --max-upload-mb {suggest}).",
    },
    "upload-too-many-files": {
        "pl": "przesłano więcej niż {limit} plików naraz, więc ich nie przyjęto. Prześlij pliki "
        "jednego etapu albo spakuj foldery JST do jednego pliku .zip (ekran „Wiele JST”).",
        "en": "more than {limit} files were uploaded at once, so they were refused. Upload one "
        "round's files or pack the JST folders into one .zip file (the 'Many JSTs' screen).",
    },
    "upload-no-files": {
        "pl": "nie wybrano żadnego pliku. Wybierz plik z odpowiedziami (.xlsx, .xls, .ods albo "
        ".csv) i wyślij formularz ponownie.",
        "en": "no file was chosen. Choose a file of responses (.xlsx, .xls, .ods or .csv) and "
        "send the form again.",
    },
    "upload-bad-form": {
        "pl": "formularz nie dotarł w całości (przerwane przesyłanie?), więc nic nie zapisano. "
        "Odśwież stronę i wyślij pliki ponownie.",
        "en": "the form did not arrive whole (an interrupted upload?), so nothing was kept. "
        "Reload the page and send the files again.",
    },
    "upload-not-zip": {
        "pl": "plik nie jest archiwum .zip. Spakuj foldery JST (w Windows: zaznacz je, prawy "
        "przycisk myszy → Wyślij do → Folder skompresowany) i prześlij powstały plik .zip.",
        "en": "the file is not a .zip archive. Pack the JST folders (in Windows: select them, "
        "right click → Send to → Compressed folder) and upload the .zip file.",
    },
    "upload-zip-path": {
        "pl": "w archiwum jest ścieżka „{value}”, która wychodzi poza archiwum albo jest za "
        "długa; pominięto ją. Spakuj zwykłe foldery z plikami etapów.",
        "en": "the archive holds the path '{value}', which points outside the archive or is too "
        "long; it was skipped. Pack plain folders of round files.",
    },
    "upload-zip-too-large": {
        "pl": "po rozpakowaniu archiwum miałoby ponad {limit} MB, więc go nie rozpakowano. "
        "Podziel foldery JST na kilka archiwów albo uruchom aplikację z większym limitem "
        "(liwindex app --max-upload-mb).",
        "en": "unpacked, the archive would take over {limit} MB, so it was not unpacked. Split "
        "the JST folders into several archives or start the app with a higher limit "
        "(liwindex app --max-upload-mb).",
    },
    "upload-zip-empty": {
        "pl": "w archiwum nie ma plików etapów (.xlsx, .xls, .ods, .csv). Spakuj foldery JST "
        "z plikami ankiet i prześlij archiwum ponownie.",
        "en": "the archive holds no round files (.xlsx, .xls, .ods, .csv). Pack the JST folders "
        "with the survey files and upload the archive again.",
    },
    "form-bad-year": {
        "pl": "„{value}” nie jest rokiem. Wpisz rok etapu czterema cyframi, np. 2025.",
        "en": "'{value}' is not a year. Type the round's year in four digits, e.g. 2025.",
    },
    "form-bad-invited": {
        "pl": "„{value}” nie jest liczbą zaproszonych. Wpisz liczbę osób zaproszonych do ankiety, "
        "np. 120, albo zostaw pole puste.",
        "en": "'{value}' is not a number invited. Type how many people were invited to answer, "
        "e.g. 120, or leave the field empty.",
    },
    "app-program-error": {
        "pl": "wystąpił błąd programu ({value}). Zgłoś go autorom liwindex, opisując, co "
        "przesłano; pliki z danymi osobowymi zastąp przykładem.",
        "en": "a program error occurred ({value}). Report it to the liwindex authors, saying "
        "what was uploaded; replace files with personal data by an example.",
    },
}
