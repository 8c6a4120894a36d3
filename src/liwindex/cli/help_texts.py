"""The command line's help in Polish (the default) or English (``LIWINDEX_LANG=en``).

The commands are written with English help in :mod:`liwindex.cli`; this table gives the
Polish text for each, and :func:`apply_help_language` switches between them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import click

POLISH: dict[str, str] = {
    "Open the local web app: score, compare and batch files in the browser, on this computer only.": "Otwórz aplikację w przeglądarce: ocena, porównanie i wiele JST naraz, tylko na tym komputerze.",
    "Port to listen on (0: a free one).": "Port serwera (0: dowolny wolny).",
    "Listen on this address instead of 127.0.0.1 (other computers can reach it).": "Słuchaj na tym adresie zamiast 127.0.0.1 (dostępne dla innych komputerów w sieci).",
    "Print the address instead of opening the browser.": "Wypisz adres zamiast otwierać przeglądarkę.",
    "Largest file that can be uploaded, in MB (all files together: four times as much, at least 200).": "Największy plik do przesłania w MB (wszystkie razem: cztery razy tyle, co najmniej 200).",
    "liwindex — Lokalny Indeks Jakości Współpracy (LIJW). Scores the self-assessment of cooperation between a local government (JST) and NGOs from survey workbooks, compares rounds and writes reports.": "liwindex — Lokalny Indeks Jakości Współpracy (LIJW).\n\nLiczy samoocenę współpracy samorządu "
    "(JST) z organizacjami pozarządowymi z plików z ankietami, porównuje etapy i przygotowuje raporty. "
    "Pomoc po angielsku: LIWINDEX_LANG=en.",
    "Show the version and exit.": "Pokaż wersję i zakończ.",
    "Show tracebacks of program errors.": "Pokazuj szczegóły (traceback) błędów programu.",
    "Beyond averages for FILES (one round): 95% intervals, reliability (Cronbach's alpha), the gap between NGOs and the administration, data quality and the sensitivity of the index.": "Więcej niż średnie dla PLIKÓW (jeden etap): 95% przedziały ufności, rzetelność (alfa "
    "Cronbacha), rozbieżność ocen organizacji i administracji, jakość danych i wrażliwość "
    "indeksu na ustawienia.",
    "Questionnaire YAML file (default: the standard LIJW questionnaire).": "Plik YAML kwestionariusza (domyślnie standardowy kwestionariusz LIJW).",
    "Sheet with the responses (default: the first).": "Arkusz z odpowiedziami (domyślnie pierwszy).",
    "Group of rows without a group column or cell.": "Grupa wierszy bez kolumny lub komórki grupy.",
    "Mapping file for exports nothing recognises (see 'liwindex mapping init').": "Plik mapowania dla eksportów, których liwindex nie rozpoznaje (zob. „liwindex mapping init”).",
    "Bootstrap resamples for 95% intervals of the survey scores (0: none).": "Liczba losowań bootstrap dla 95% przedziałów wyników ankiety (0: bez przedziałów).",
    "Seed of the bootstrap (same seed, same intervals).": "Ziarno losowań (to samo ziarno — te same przedziały).",
    "Also write the Excel report with the analysis.": "Zapisz też raport Excel z analizą.",
    "Replace the output file if it exists.": "Zastąp plik wynikowy, jeśli istnieje.",
    "Print JSON (SPEC §4) instead of tables.": "Wypisz JSON (SPEC §4) zamiast tabel.",
    "Language of labels and messages (also LIWINDEX_LANG).": "Język etykiet i komunikatów (także zmienna LIWINDEX_LANG).",
    "Local governments side by side: one round each (FILES or folders of them), ranked per area and on the index, each against the group's median.": "JST obok siebie: po jednym etapie każdej (PLIKI lub katalogi), miejsca w każdym obszarze "
    "i w indeksie, każda JST na tle mediany.",
    "Also write this file: .xlsx (a workbook with charts), .html (a page for publication) or "
    ".pdf (that page as PDF); repeat for several.": "Zapisz też ten plik: .xlsx (skoroszyt z wykresami), .html (strona do publikacji) albo "
    ".pdf (ta strona jako PDF); powtórz, by zapisać kilka.",
    "Worker processes reading the files (default: every core; 1: none).": "Liczba procesów czytających pliki (domyślnie: wszystkie rdzenie; 1: bez procesów).",
    "No progress bar.": "Bez paska postępu.",
    "Author or organisation named on the report, e.g. the support centre.": "Autor lub organizacja podani w raporcie, np. centrum wspierania organizacji.",
    "Show open answers with personal data unmasked (internal use only: never publish).": "Pokaż odpowiedzi otwarte bez ukrywania danych osobowych (tylko do użytku wewnętrznego: nie publikuj).",
    "The folder for the reports (created if missing).": "Folder na raporty (utworzony, jeśli go nie ma).",
    "Every JST under FOLDER at once: each JST's comparison (first round against the latest) as Excel and HTML, its trend when it has more rounds, and one summary of all JSTs (podsumowanie.html, podsumowanie.xlsx). Rounds are grouped by the JST their metryka names; a folder with a metryka.yaml is one round of all its files. A JST with broken files is reported and the others are done (exit 1 at the end).": "Wszystkie JST z FOLDERU naraz: porównanie każdej JST (pierwszy etap z ostatnim) w Excelu "
    "i HTML, jej trend przy większej liczbie etapów i jedno zestawienie wszystkich JST "
    "(podsumowanie.html, podsumowanie.xlsx). Etapy są grupowane według JST z metryki; folder "
    "z plikiem metryka.yaml to jeden etap ze wszystkich jego plików. JST z błędnymi plikami "
    "jest zgłaszana, a pozostałe są gotowe (na końcu kod wyjścia 1).",
    "Compare two rounds like for like: before, after, change and percent for the index, płaszczyzny and areas, on one basis (survey scores or working-group grades), with the other kind and each group's survey change beside it.": "Porównaj dwa etapy jak z jak: przed, po, zmiana i zmiana procentowa indeksu, płaszczyzn "
    "i obszarów na jednej podstawie (wyniki ankiety albo oceny grupy roboczej), obok druga "
    "miara i zmiana wyniku ankiety każdej grupy.",
    "Compare even when metryka names two different JSTs or puts BEFORE after AFTER.": "Porównaj mimo to, gdy metryka podaje dwie różne JST albo etap PRZED jest późniejszy niż PO.",
    "What the change is computed from: survey scores or working-group grades (default: grades when both rounds grade every area, else survey).": "Z czego liczyć zmianę: survey — wyniki ankiety, grades — oceny grupy roboczej (domyślnie "
    "oceny, gdy oba etapy mają oceny wszystkich obszarów, w przeciwnym razie ankieta).",
    "Questionnaire of the BEFORE round when it used another version.": "Kwestionariusz etapu PRZED, jeśli użyto innej wersji.",
    "Write the Excel report of one round (FILE) or a comparison of two (BEFORE AFTER).": "Zapisz raport Excel jednego etapu (PLIK) albo porównania dwóch (PRZED PO).",
    "The report file to write.": "Plik raportu do zapisania.",
    "xlsx: the full report (default); csv: the area table (default for *.csv).": "xlsx: pełny raport (domyślnie); csv: tabela obszarów (domyślnie dla *.csv).",
    "Questionnaire of the first round when it used another version.": "Kwestionariusz pierwszego etapu, jeśli użyto innej wersji.",
    "Mapping files for survey exports that nothing recognises.": "Pliki mapowania dla eksportów ankiet, których liwindex nie rozpoznaje.",
    'Propose a mapping of FILE\'s columns and answers onto the questionnaire; entries marked "?" must be checked (and the "?" removed) before the mapping can be used.': "Zaproponuj mapowanie kolumn i odpowiedzi PLIKU na kwestionariusz; pozycje oznaczone „?” "
    "trzeba sprawdzić (i usunąć „?”), zanim mapowania będzie można użyć.",
    "The mapping file to write.": "Plik mapowania do zapisania.",
    "The mapping file to check.": "Plik mapowania do sprawdzenia.",
    "Check a mapping against FILES without scoring: its own problems with their lines, every problem of the files read with it, and entries the files do not use. Exit 0 when the mapping reads the files without error, 1 otherwise.": "Sprawdź mapowanie na PLIKACH bez liczenia wyników: jego własne problemy z numerami linii, "
    "każdy problem plików odczytanych z nim i pozycje, których pliki nie używają.\n\nKod "
    "wyjścia 0, gdy mapowanie odczytuje pliki bez błędów, 1 w przeciwnym razie.",
    "Show, check, document and start questionnaire definitions (YAML).": "Pokaż, sprawdź, opisz i utwórz kwestionariusz (YAML).",
    "Check a questionnaire file and list every problem with its YAML path and line.": "Sprawdź plik kwestionariusza i wypisz każdy problem ze ścieżką YAML i numerem linii.",
    "The questionnaire PATH (default: the standard one) as a readable document: one part per respondent group for paper surveys, then areas and scales for the working group.": "Kwestionariusz ŚCIEŻKA (domyślnie standardowy) jako dokument do czytania i druku: część dla "
    "każdej grupy respondentów (ankiety papierowe), potem obszary i skale dla grupy roboczej.",
    "Markdown or a printable HTML page.": "Markdown albo strona HTML do druku.",
    "Write to FILE instead of the terminal.": "Zapisz do pliku zamiast wypisywać w terminalu.",
    "Only this group's part, e.g. ngo.": "Tylko część dla tej grupy, np. ngo.",
    "Copy the standard LIJW questionnaire to FILE as a starting point for a local one.": "Skopiuj standardowy kwestionariusz LIJW do pliku jako punkt wyjścia dla własnego.",
    "The new questionnaire file.": "Nowy plik kwestionariusza.",
    "The JSON Schema of the questionnaire format, for editors that complete and check YAML.": "Schemat JSON formatu kwestionariusza dla edytorów, które podpowiadają i sprawdzają YAML.",
    "Show the whole questionnaire PATH (default: the standard one), with scales and points.": "Pokaż cały kwestionariusz ŚCIEŻKA (domyślnie standardowy) ze skalami i punktami.",
    "The report for publication (BIP, the council): a self-contained HTML page with charts, readable on a phone and printable on A4, and optionally its PDF. Two or more FILES: the first round compared with the last.": "Raport do publikacji (BIP, rada): samodzielna strona HTML z wykresami, czytelna na telefonie "
    "i do druku na A4, opcjonalnie także PDF. Dwa lub więcej PLIKÓW: pierwszy etap porównany "
    "z ostatnim.",
    "The annex to the yearly report on the cooperation programme (sprawozdanie, art. 5a ust. 3): one or two pages in Word (.docx, headings and tables to edit) or HTML — who was asked, the LIJW index and płaszczyzny before and after, the areas, three findings, the working group's recommendations and a clause for the programme. Two or more FILES: the first round compared with the last.": "Załącznik do sprawozdania z realizacji programu współpracy (art. 5a ust. 3): jedna–dwie "
    "strony w Wordzie (.docx, nagłówki i tabele do edycji) albo HTML — kto odpowiadał, indeks "
    "LIJW i płaszczyzny przed i po, obszary, trzy wnioski, rekomendacje grupy roboczej i zapis "
    "do programu. Dwa lub więcej PLIKÓW: pierwszy etap porównany z ostatnim.",
    "The annex to write: .docx or .html.": "Załącznik do zapisania: .docx albo .html.",
    "The working group's meeting pack for the round in ROUND... (files or a folder): a cover and one printable A4 card per area (.html, .pdf) with the questions' answers per group, the NGO and administration means and the previous grade, and the grades workbook to fill (.xlsx), which put into the round's folder is read as its grades.": "Materiały na spotkanie grupy roboczej dla etapu ETAP... (pliki albo folder): strona "
    "tytułowa i karta A4 do druku dla każdego obszaru (.html, .pdf) z odpowiedziami na pytania "
    "w każdej grupie, średnimi organizacji i administracji i poprzednią oceną, oraz arkusz ocen "
    "do wypełnienia (.xlsx), który zapisany w folderze etapu jest czytany jako jego oceny.",
    "A file to write: .xlsx (the grades workbook to fill), .html or .pdf (the cards to print); give -o several times for several.": "Plik do zapisania: .xlsx (arkusz ocen do wypełnienia), .html "
    "albo .pdf (karty do druku); -o można podać kilka razy.",
    "The previous round (a file or folder): its grades and recommendations on the cards.": "Poprzedni etap (plik albo folder): jego oceny i rekomendacje na kartach.",
    "The HTML page to write.": "Strona HTML do zapisania.",
    "Also write the report as PDF (A4).": "Zapisz też raport jako PDF (A4).",
    "Replace the output files if they exist.": "Zastąp pliki wynikowe, jeśli istnieją.",
    "Score one round: index, płaszczyzny and areas from FILES (.xlsx, .xls, .ods, .csv); several files (an NGO file and an administration file) or a folder make one round.": "Policz wyniki etapu: indeks, płaszczyzny i obszary z PLIKÓW (.xlsx, .xls, .ods, .csv); "
    "kilka plików (np. plik organizacji i plik urzędu) albo folder to jeden etap.",
    "Group of rows without a group column or cell, e.g. ngo.": "Grupa wierszy bez kolumny lub komórki grupy, np. ngo.",
    "Write a workbook for typing in answers: dropdowns of the allowed answers, the oceny and metryka sheets and instructions. A filled template scores as it is.": "Zapisz skoroszyt do wpisywania odpowiedzi: listy rozwijane dozwolonych odpowiedzi, arkusze "
    "oceny i metryka oraz instrukcja. Wypełniony szablon liczy się bez zmian.",
    "The workbook to write (.xlsx).": "Skoroszyt do zapisania (.xlsx).",
    "Only this group's questions, e.g. ngo.": "Tylko pytania tej grupy, np. ngo.",
    "Each area, płaszczyzna and the index across the rounds in FILES (ordered by the year and round in their metryka).": "Każdy obszar, płaszczyzna i indeks w kolejnych etapach z PLIKÓW (w kolejności roku i etapu "
    "z metryki).",
    "Check FILES (one round) and list every problem (errors, warnings, notes) with its place and fix. Exit 0 when the files have no error, 1 otherwise.": "Sprawdź PLIKI (jeden etap) i wypisz wszystkie problemy (błędy, ostrzeżenia, informacje) "
    "z miejscem i sposobem poprawy.\n\nKod wyjścia 0, gdy pliki nie mają błędów, 1 w "
    "przeciwnym razie.",
    "The dataset to write: .csv, or .parquet (needs pyarrow).": "Plik zbioru danych: .csv albo .parquet (wymaga pyarrow).",
    "The open dataset of every round in FILES or folders (found as benchmark finds them): one row per JST, round, level (index, płaszczyzna, area) and group, with the survey score, the grade, the final value, respondents and the provisional mark (docs/dataset.md).": "Otwarty zbiór danych wszystkich etapów z PLIKÓW lub folderów (odnajdywanych jak w benchmark): "
    "wiersz na JST, etap, poziom (indeks, płaszczyzna, obszar) i grupę, z wynikiem ankiety, "
    "oceną grupy roboczej, wartością końcową, liczbą respondentów i oznaczeniem wyniku orientacyjnego "
    "(docs/dataset.md).",
    "The local government's name when no metryka gives it.": "Nazwa JST, gdy nie podaje jej metryka.",
    "The local government's TERC code (2, 4 or 7 digits) when no metryka gives it.": "Kod TERYT (TERC) JST — 2, 4 lub 7 cyfr — gdy nie podaje go metryka.",
    "A file of the AFTER round (repeat for each file).": "Plik etapu PO (powtórz dla każdego pliku).",
    "A file of the BEFORE round (repeat for each file).": "Plik etapu PRZED (powtórz dla każdego pliku).",
    "Group of the rows without a group column or cell (ID), or of one file (FILE=ID, e.g. urzad.csv=jst); repeatable.": "Grupa wierszy bez kolumny lub komórki grupy (ID) albo jednego pliku (PLIK=ID, np. "
    "urzad.csv=jst); można powtarzać.",
    "The stage when no metryka gives it.": "Etap oceny, gdy nie podaje go metryka.",
    "The stage when no metryka gives it. Once per round, in the order of the rounds.": "Etap oceny, gdy nie podaje go metryka. Raz dla każdego etapu, w kolejności etapów.",
    "The year assessed when no metryka gives it.": "Rok oceny, gdy nie podaje go metryka.",
    "The year assessed when no metryka gives it. Once per round, in the order of the rounds.": "Rok oceny, gdy nie podaje go metryka. Raz dla każdego etapu, w kolejności etapów.",
    "Write the questionnaire as an XLSForm to upload to KoboToolbox or ODK; the data they export scores with no mapping.": "Zapisz kwestionariusz jako XLSForm do KoboToolbox lub ODK; eksportowane z nich dane liczą się "
    "bez mapowania.",
    "The XLSForm to write (.xlsx).": "Plik XLSForm do zapisania (.xlsx).",
    "A form for one group only, e.g. ngo.": "Formularz tylko dla jednej grupy, np. ngo.",
}

_ORIGINAL: dict[int, str] = {}


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _texts(command: click.Command) -> Iterator[click.Command | click.Parameter]:
    yield command
    yield from command.params
    if isinstance(command, click.Group):
        for name in command.list_commands(click.Context(command)):
            sub = command.get_command(click.Context(command), name)
            if sub is not None:
                yield from _texts(sub)


def help_language() -> str:
    """ "en" when LIWINDEX_LANG asks for English, else "pl": a peek that picks the help's
    language before anything heavy is imported; liwindex.io.environment reads and checks
    the setting when a command runs."""
    return "en" if os.environ.get("LIWINDEX_LANG", "pl").strip().lower() == "en" else "pl"


# The usage line's placeholders, named as the Polish help texts name them.
METAVARS_PL = {
    "FILES": "PLIKI",
    "FILE": "PLIK",
    "FILES...": "PLIKI...",
    "FILE...": "PLIK...",
    "FILE [FILE]": "PLIK [PLIK]",
    "BEFORE AFTER": "PRZED PO",
    "BEFORE": "PRZED",
    "AFTER": "PO",
    "ROUND...": "ETAP...",
    "ROUND": "ETAP",
    "FOLDER": "FOLDER",
    "PATH": "ŚCIEŻKA",
}
_METAVARS: dict[int, str | None] = {}


def apply_help_language(command: click.Command, lang: str) -> None:
    """Show the help of ``command`` and everything below it in ``lang`` (the usage line's
    "[OPTIONS]" and argument names too)."""
    for item in _texts(command):
        if isinstance(item, click.Command):
            item.options_metavar = "[OPCJE]" if lang == "pl" else "[OPTIONS]"
            if hasattr(item, "_help_option"):  # click keeps the --help option it made, with
                item._help_option = None  # its text in the language of that moment
        if isinstance(item, click.Group):
            item.subcommand_metavar = "POLECENIE [ARGUMENTY]..." if lang == "pl" else "COMMAND [ARGS]..."
        elif isinstance(item, click.Argument):
            original_metavar = _METAVARS.setdefault(id(item), item.metavar)
            name = original_metavar or (item.name or "").upper()
            polish = METAVARS_PL.get(name, name)
            if item.nargs == -1 and not polish.endswith("..."):
                polish += "..."  # click adds the dots only to names it makes itself
            item.metavar = polish if lang == "pl" else original_metavar
        text = getattr(item, "help", None)
        if not text:
            continue
        original = _ORIGINAL.setdefault(id(item), text)
        item.help = POLISH.get(_key(original), original) if lang == "pl" else original
