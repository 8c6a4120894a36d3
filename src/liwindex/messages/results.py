"""Messages about scores, analyses, comparisons and output files."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
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
        "pl": "obszary bez wartości {which}: {value}; ich zmiany nie da się obliczyć.",
        "en": "areas without a value {which}: {value}; their change cannot be computed.",
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
    # --- many rounds and local governments -------------------------------------------------
    "mixed-questionnaires": {
        "pl": "pliki oceniono różnymi kwestionariuszami ({value}), więc nie da się ich zestawić. "
        "Oceń wszystkie tym samym kwestionariuszem (--questionnaire).",
        "en": "the files were scored with different questionnaires ({value}) and cannot be set "
        "side by side. Score them all with the same questionnaire (--questionnaire).",
    },
    "trend-many-jst": {
        "pl": "etapy pochodzą z różnych JST ({value}); do porównywania JST służy "
        "„liwindex benchmark”.",
        "en": "the rounds come from different local governments ({value}); to compare local "
        "governments use 'liwindex benchmark'.",
    },
    "trend-undated": {
        "pl": "brak roku w arkuszu „metryka” plików {value}; ich kolejność ustalono po nazwie "
        "pliku. Uzupełnij „rok” w metryce.",
        "en": "no year in the 'metryka' sheet of {value}; they were ordered by file name. Fill "
        "in 'rok' in the metryka sheet.",
    },
    "benchmark-older-round": {
        "pl": "{value}: użyto najnowszego etapu ({newer}), pominięto {older}.",
        "en": "{value}: the latest round ({newer}) is used, {older} is left out.",
    },
    "no-files": {
        "pl": "nie podano żadnego pliku (albo katalog nie zawiera skoroszytów). Podaj pliki "
        ".xlsx, .xls, .ods lub .csv.",
        "en": "no file was given (or the folder holds no workbooks). Give .xlsx, .xls, .ods or "
        ".csv files.",
    },
    "benchmark-mixed-sources": {
        "pl": "wartości końcowe {value} to oceny grupy roboczej, pozostałych JST — wyniki ankiety; "
        "do porównania samych ankiet użyj --json (pole survey) albo plików bez arkusza „oceny”.",
        "en": "the final values of {value} are working-group grades, those of the others survey "
        "scores; to compare surveys only use --json (the survey field) or files without 'oceny'.",
    },
    "pdf-unavailable": {
        "pl": "nie ma tu programu do tworzenia PDF. Zainstaluj WeasyPrint (pip install "
        "'liwindex[pdf]', w Linuksie także pakiet libpango-1.0-0) albo przeglądarkę Chromium; "
        "raport HTML można też wydrukować do PDF z przeglądarki.",
        "en": "no PDF renderer is available here. Install WeasyPrint (pip install 'liwindex[pdf]', "
        "on Linux also the libpango-1.0-0 package) or Chromium; the HTML report can also be "
        "printed to PDF from a browser.",
    },
}
