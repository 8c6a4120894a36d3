"""Messages about scores, analyses, comparisons and output files."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "parquet-unavailable": {
        "pl": "do zapisu Parquet potrzebny jest pyarrow. Zainstaluj go (pip install "
        '"liwindex[parquet]") albo zapisz zbiór jako .csv.',
        "en": 'writing Parquet needs pyarrow. Install it (pip install "liwindex[parquet]") or '
        "write the dataset as .csv.",
    },
    "jst-names-alike": {
        "pl": "nazwy {value} różnią się tylko zapisem, więc uznano je za jedną JST. Jeśli to różne "
        "samorządy, dopisz kod TERYT w metryce (klucz teryt) każdego etapu.",
        "en": "the names {value} differ only in spelling, so they are taken as one local "
        "government. If they are different ones, add the TERYT code to each round's metryka "
        "(key teryt).",
    },
    "jst-spellings": {
        "pl": "jedna JST (ten sam kod TERYT) jest zapisana na kilka sposobów: {value}. Ujednolić "
        "nazwę w metryce, by raporty mówiły o niej jednakowo.",
        "en": "one local government (the same TERYT code) is spelled several ways: {value}. Use "
        "one name in the metryka so that the reports name it alike.",
    },
    "jst-file-name-taken": {
        "pl": "nazwa pliku tej JST była już zajęta przez raport innej JST, więc jej raporty "
        "zapisano jako {value}. Jeśli wolisz inną nazwę, zmień nazwę JST w metryce.",
        "en": "this local government's file name was already taken by another one's report, so "
        "its reports are written as {value}. For another name, change the name in the metryka.",
    },
    "jst-names-apart": {
        "pl": "nazwy {value} są bardzo podobne, ale mają etap z tego samego roku, więc to dwie "
        "różne JST. Jeśli to jedna JST, popraw nazwę; w każdym razie dopisz kod TERYT w metryce.",
        "en": "the names {value} are very alike but each has a round of the same year, so they "
        "are two local governments. If they are one, fix the name; either way add the TERYT "
        "code to the metryka.",
    },
    "round-unreadable": {
        "pl": "etapu {value} nie udało się odczytać ({detail}), więc ten raport go nie obejmuje. "
        "Popraw plik etapu i uruchom ponownie.",
        "en": "round {value} could not be read ({detail}), so this report leaves it out. Fix "
        "the round's file and run again.",
    },
    "worker-died": {
        "pl": "proces roboczy, który czytał ten etap, został nagle zakończony (sygnał {value}) — "
        "najczęściej system zabija go przy braku pamięci. Przebieg przerwano. Uruchom ponownie "
        "z mniejszą liczbą procesów (np. --jobs 1) albo z większym limitem pamięci.",
        "en": "the worker process reading this round was ended abruptly (signal {value}) — most "
        "often the system kills it when memory runs out. The run was stopped. Run again with "
        "fewer workers (e.g. --jobs 1) or a higher memory limit.",
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
        "pl": "oceny grupy roboczej nie obejmują obszarów {value}; ich wartością końcową jest wynik ankiety.",
        "en": "the working group's grades do not cover the areas {value}; their final value "
        "is the survey score.",
    },
    "group-missing": {
        "pl": "brak odpowiedzi {missing_gen} — wyniki ankiety odzwierciedlają tylko {present_acc}.",
        "en": "no answers from {missing_gen} — the survey scores reflect only {present_acc}.",
    },
    "areas-provisional": {
        "pl": "wyniki orientacyjne (mniej niż {min} odpowiedzi {groups}): obszary {value}; "
        "nie mają przedziału ani oznaczenia istotności. Zbierz więcej odpowiedzi tej grupy.",
        "en": "provisional scores (fewer than {min} answers from {groups}): areas {value}; "
        "they get no interval and no significance mark. Collect more answers from this group.",
    },
    "more-than-invited": {
        "pl": "respondentów jest więcej ({n}), niż według metryki zaproszono ({value}). Sprawdź "
        "liczbę zaproszonych albo czy pliki się nie powtarzają.",
        "en": "there are more respondents ({n}) than the metryka says were invited ({value}). "
        "Check the number invited, or whether files repeat.",
    },
    "bootstrap-too-large": {
        "pl": "--bootstrap {value} przy {n} respondentach to za dużo losowań (limit: 10⁹ razem). "
        "Użyj najwyżej --bootstrap {max} — przy tylu odpowiedziach przedziały i tak są wąskie.",
        "en": "--bootstrap {value} with {n} respondents is too many draws (limit: 10⁹ in all). Use "
        "at most --bootstrap {max} — with so many answers the intervals are narrow anyway.",
    },
    # --- analysis ---------------------------------------------------------------------------
    "alpha-low": {
        "pl": "obszar {area}, grupa {group}: alfa Cronbacha {alpha} jest niższa niż 0,6 — pytania "
        "obszaru mogą mierzyć różne rzeczy; przy interpretacji patrz na pytania osobno.",
        "en": "area {area}, group {group}: Cronbach's alpha {alpha} is below 0.6 — the area's "
        "questions may measure different things; read them one by one.",
    },
    "alpha-negative": {
        "pl": "obszar {area}, grupa {group}: alfa Cronbacha jest ujemna ({alpha}) — odpowiedzi na "
        "pytania obszaru idą w przeciwnych kierunkach (pytanie odwrócone bez „reverse”, "
        "pomyłka w kodach albo pytania o różne rzeczy); sprawdź pytania obszaru.",
        "en": "area {area}, group {group}: Cronbach's alpha is negative ({alpha}) — the answers to "
        "the area's questions go opposite ways (a reversed question without 'reverse', a coding "
        "error or questions about different things); check the area's questions.",
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
    "group-answers-alike": {
        "pl": "obszary {value}: wszyscy w jednej z grup odpowiedzieli tak samo, więc te wyniki i "
        "różnice między grupami nie mają przedziału ani gwiazdki. Sprawdź, czy plik nie powtarza "
        "jednej odpowiedzi.",
        "en": "areas {value}: everyone in one of the groups answered alike, so these scores and the "
        "gaps between groups have no interval and no star. Check that the file does not repeat "
        "one answer.",
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
    "basis-survey": {
        "pl": "oceny grupy roboczej nie obejmują wszystkich obszarów w obu etapach, więc zmiana jest "
        "liczona z wyników ankiety (ankieta z ankietą); oceny pokazano osobno pod własną nazwą. "
        "Aby porównać oceny, uzupełnij arkusz „oceny” obu etapów.",
        "en": "the working group's grades do not cover every area in both rounds, so the change "
        "is computed from the survey scores (survey against survey); grades are shown "
        "separately under their own name. To compare grades, complete the 'oceny' sheet of "
        "both rounds.",
    },
    "basis-grades-unavailable": {
        "pl": "nie można porównać ocen grupy roboczej: etap {round} nie ma ocen obszarów {value}. "
        "Uzupełnij arkusz „oceny” albo użyj --basis survey.",
        "en": "the working group's grades cannot be compared: round {round} has no grade for the "
        "areas {value}. Complete its 'oceny' sheet or use --basis survey.",
    },
    "basis-survey-unavailable": {
        "pl": "nie można porównać wyników ankiety: etap {round} nie ma danych z ankiety. "
        "Dodaj odpowiedzi ankiety albo porównaj oceny (--basis grades, jeśli oba etapy mają "
        "oceny wszystkich obszarów).",
        "en": "the survey scores cannot be compared: round {round} has no survey data. Add the "
        "survey answers, or compare grades (--basis grades, when both rounds grade every area).",
    },
    "rounds-reversed": {
        "pl": "etap PRZED ({before}) jest późniejszy niż etap PO ({after}) według arkuszy "
        "„metryka”. Podaj pliki w kolejności: najpierw wcześniejszy, potem późniejszy "
        "(albo dodaj --skip-round-check, jeśli metryka jest błędna).",
        "en": "the BEFORE round ({before}) is later than the AFTER round ({after}) by their "
        "'metryka' sheets. Give the earlier file first, then the later one (or add "
        "--skip-round-check if the metryka is wrong).",
    },
    "rounds-different-jst": {
        "pl": "etapy dotyczą różnych JST: „{before}” i „{after}” (arkusze „metryka”). Porównanie "
        "ma sens tylko dla jednej JST; do zestawienia różnych JST służy „liwindex benchmark” "
        "(albo dodaj --skip-round-check, jeśli to ta sama JST pod inną nazwą).",
        "en": "the rounds are of different local governments: '{before}' and '{after}' (their "
        "'metryka' sheets). A comparison is meaningful for one JST only; to set JSTs side by "
        "side use 'liwindex benchmark' (or add --skip-round-check if it is one JST under two "
        "names).",
    },
    "round-check-skipped": {
        "pl": "pominięto sprawdzenie etapów (--skip-round-check): {value}.",
        "en": "the round check was skipped (--skip-round-check): {value}.",
    },
    "areas-not-in-both": {
        "pl": "obszary obecne tylko w jednym etapie (nieporównane): {value}.",
        "en": "areas present in one round only (not compared): {value}.",
    },
    "change-common-areas": {
        "pl": "zmianę indeksu i płaszczyzn liczymy tylko na obszarach z wartością w obu etapach; "
        "pominięto: {value}. Indeks każdego etapu podany osobno liczy się ze wszystkich jego "
        "obszarów.",
        "en": "the change of the index and płaszczyzny is computed only over the areas with a "
        "value in both rounds; left out: {value}. Each round's own index, shown on its own, is "
        "of all its areas.",
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
        "pl": "to jeden z plików wejściowych; liwindex nigdy ich nie nadpisuje. Podaj inną nazwę raportu.",
        "en": "this is one of the input files; liwindex never overwrites them. Give another "
        "name for the report.",
    },
    "output-folder-missing": {
        "pl": "katalog „{value}” nie istnieje. Utwórz go albo podaj inną ścieżkę.",
        "en": "the folder '{value}' does not exist. Create it or give another path.",
    },
    "output-extension": {
        "pl": "to polecenie nie zapisuje plików z rozszerzeniem {value}. Podaj nazwę z jednym z "
        "rozszerzeń: {allowed} (format pliku wynika z rozszerzenia).",
        "en": "this command does not write files with the extension {value}. Give a name with "
        "one of: {allowed} (the format follows the extension).",
    },
    "output-special-file": {
        "pl": "pod nazwą pliku wynikowego nie ma zwykłego pliku, tylko {value} (potok, gniazdo, "
        "urządzenie albo dowiązanie do nieistniejącego pliku), więc niczego tu nie zapisano, także "
        "z --force. Podaj inną nazwę pliku albo usuń to, co jest pod tą nazwą.",
        "en": "the output's name holds no regular file but {value} (a pipe, socket, device or a "
        "link to a missing file), so nothing is written there, --force included. Give another "
        "file name or remove what is at that name.",
    },
    "output-disk-full": {
        "pl": "brak miejsca na dysku — raportu nie zapisano (poprzedni plik, jeśli był, został "
        "bez zmian). Zwolnij miejsce albo zapisz w innym miejscu.",
        "en": "the disk is full — the report was not written (an earlier file, if any, is "
        "unchanged). Free some space or write elsewhere.",
    },
    "output-no-permission": {
        "pl": "brak uprawnień do zapisu w „{value}”. Wybierz katalog, w którym możesz zapisywać "
        "(np. swój katalog domowy).",
        "en": "no permission to write in '{value}'. Choose a folder you can write to (e.g. your "
        "home folder).",
    },
    "output-not-writable": {
        "pl": "nie można zapisać pliku ({detail}). Zamknij go w Excelu lub innym programie "
        "i spróbuj ponownie.",
        "en": "the file cannot be written ({detail}). Close it in Excel or another program and try again.",
    },
    # --- many rounds and local governments -------------------------------------------------
    "mixed-questionnaires": {
        "pl": "pliki oceniono różnymi kwestionariuszami ({value}), więc nie da się ich zestawić. "
        "Oceń wszystkie tym samym kwestionariuszem (--questionnaire).",
        "en": "the files were scored with different questionnaires ({value}) and cannot be set "
        "side by side. Score them all with the same questionnaire (--questionnaire).",
    },
    "trend-many-jst": {
        "pl": "etapy pochodzą z różnych JST ({value}); do porównywania JST służy „liwindex benchmark”.",
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
    "batch-not-folder": {
        "pl": "to nie jest folder. Podaj folder z plikami etapów (może mieć podfoldery).",
        "en": "this is not a folder. Give the folder with the rounds' files (subfolders allowed).",
    },
    "batch-output-not-folder": {
        "pl": "to plik, a -o wskazuje folder na raporty. Podaj folder (zostanie utworzony, jeśli go nie ma).",
        "en": "this is a file, but -o names the folder for the reports. Give a folder (it is "
        "created if missing).",
    },
    "batch-no-rounds": {
        "pl": "w folderze (ani w podfolderach) nie ma plików z odpowiedziami (.xlsx, .xls, .ods, .csv).",
        "en": "the folder (and its subfolders) holds no response files (.xlsx, .xls, .ods, .csv).",
    },
    "batch-no-jst": {
        "pl": "etap nie podaje nazwy JST, więc nie wiadomo, do której JST należy. Dodaj arkusz "
        "„metryka” z wierszem jst albo plik metryka.yaml obok plików (nazwa pliku nie jest "
        "zgadywana).",
        "en": "the round names no local government, so it cannot be assigned to one. Add a "
        "'metryka' sheet with a jst row or a metryka.yaml beside the files (file names are not "
        "guessed).",
    },
    "batch-round-twice": {
        "pl": "JST ma dwa etapy o tym samym roku i etapie: {value} (pliki: {files}). Popraw "
        "metrykę albo usuń powtórzony plik; pliki jednego etapu umieść w folderze z "
        "metryka.yaml.",
        "en": "the local government has two rounds of the same year and stage: {value} (files: "
        "{files}). Fix the metryka or remove the repeated file; put the files of one round in a "
        "folder with a metryka.yaml.",
    },
    "no-files": {
        "pl": "nie podano żadnego pliku (albo katalog nie zawiera skoroszytów). Podaj pliki "
        ".xlsx, .xls, .ods lub .csv.",
        "en": "no file was given (or the folder holds no workbooks). Give .xlsx, .xls, .ods or .csv files.",
    },
    "many-basis-survey": {
        "pl": "nie wszystkie etapy mają oceny grupy roboczej wszystkich obszarów (oceny mają: "
        "{value}), więc zestawiono wyniki ankiety wszystkich etapów.",
        "en": "not every round has working-group grades for every area (graded: {value}), so "
        "the survey scores of all rounds are set side by side.",
    },
    "pdf-print-failed": {
        "pl": "Chromium nie wydrukował raportu do PDF (kod wyjścia {value}; komunikat: {detail}), "
        "więc PDF nie powstał. Sprawdź, czy Chromium uruchamia się w tym systemie (np. chromium "
        "--headless --version), zainstaluj WeasyPrint (pip install 'liwindex[pdf]') albo zapisz "
        "raport jako .html i wydrukuj go z przeglądarki.",
        "en": "Chromium did not print the report to PDF (exit code {value}; it said: {detail}), so "
        "no PDF was written. Check that Chromium starts on this system (e.g. chromium --headless "
        "--version), install WeasyPrint (pip install 'liwindex[pdf]') or write the report as "
        ".html and print it from a browser.",
    },
    "pdf-unavailable": {
        "pl": "nie ma tu programu do tworzenia PDF. Zainstaluj WeasyPrint (pip install "
        "'liwindex[pdf]', w Linuksie także pakiet libpango-1.0-0) albo przeglądarkę Microsoft "
        "Edge, Google Chrome lub Chromium (w Windows Edge zwykle już jest); raport HTML można "
        "też wydrukować do PDF z przeglądarki.",
        "en": "no PDF renderer is available here. Install WeasyPrint (pip install 'liwindex[pdf]', "
        "on Linux also the libpango-1.0-0 package) or Microsoft Edge, Google Chrome or Chromium "
        "(Windows usually has Edge already); the HTML report can also be printed to PDF from a "
        "browser.",
    },
}


# Standard groups in the case a sentence needs; other groups are named by their label.
_GROUP_FORMS = {
    "ngo": {
        "gen": {"pl": "organizacji pozarządowych", "en": "the NGOs"},
        "acc": {"pl": "organizacje pozarządowe", "en": "the NGOs"},
    },
    "jst": {
        "gen": {"pl": "administracji", "en": "the administration"},
        "acc": {"pl": "administrację", "en": "the administration"},
    },
}


def group_names(ids: list[str], q: object) -> dict[str, str]:
    """Groups by their labels for "fewer answers from …": ``grupy „Organizacja
    pozarządowa”``, ``grup „A” i „B”``; in English ``the group 'A'``."""
    labels = {g.id: g.label for g in getattr(q, "groups", [])}
    pl = [f"„{labels[g].get('pl') if g in labels else g}”" for g in ids]
    en = [f"'{labels[g].get('en') if g in labels else g}'" for g in ids]
    if len(ids) == 1:
        return {"pl": f"grupy {pl[0]}", "en": f"the group {en[0]}"}
    return {
        "pl": f"grup {', '.join(pl[:-1])} i {pl[-1]}",
        "en": f"the groups {', '.join(en[:-1])} and {en[-1]}",
    }


def group_words(missing: list[str], present: list[str], q: object) -> dict[str, dict[str, str]]:
    """``missing_gen`` and ``present_acc`` parameters naming groups in the right case."""
    labels = {g.id: g.label for g in getattr(q, "groups", [])}

    def name(ids: list[str], case: str) -> dict[str, str]:
        out = {}
        for lang in ("pl", "en"):
            words = []
            for g in ids:
                if g in _GROUP_FORMS:
                    words.append(_GROUP_FORMS[g][case][lang])
                else:
                    label = labels[g].get(lang) if g in labels else g
                    words.append(
                        f"grupy „{label}”"
                        if lang == "pl" and case == "gen"
                        else (f"grupę „{label}”" if lang == "pl" else f"the group '{label}'")
                    )
            out[lang] = " i ".join(words) if lang == "pl" else " and ".join(words)
        return out

    return {"missing_gen": name(missing, "gen"), "present_acc": name(present, "acc")}
