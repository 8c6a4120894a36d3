"""Words of the trend and benchmark pages, in Polish and English."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "trend_title": "Lokalny Indeks Jakości Współpracy — kolejne etapy oceny",
        "bench_title": "Lokalny Indeks Jakości Współpracy — porównanie samorządów",
        "rounds": "Etapy oceny",
        "index_in": "Indeks LIJW · {label}",
        "since": "od etapu {label}",
        "trend_index": "Indeks LIJW w etapie {label} wynosi {value} na 5 ({basis}).",
        "trend_up": "Od etapu {label} wzrósł o {delta}.",
        "trend_down": "Od etapu {label} spadł o {delta}.",
        "trend_same": "Od etapu {label} się nie zmienił.",
        "last_step": "W ostatnim kroku, od etapu {label}: {delta}.",
        "rose_each": "W każdym kolejnym etapie rosły: {list}.",
        "fell_each": "W każdym kolejnym etapie spadały: {list}.",
        "gain": "Największy wzrost od etapu {label}: {area} ({delta}).",
        "drop": "Największy spadek od etapu {label}: {area} ({delta}).",
        "no_drop": "Od etapu {label} żaden obszar nie stracił.",
        "no_ci": "Zmiany na tej stronie nie mają przedziałów ufności. Czy zmiana między dwoma "
        "etapami jest większa niż błąd losowy, pokazuje raport porównawczy "
        "(liwindex report PRZED PO).",
        "basis_survey": "Wszystkie wartości to wyniki ankiety (ankieta z ankietą), bo oceny grupy "
        "roboczej nie obejmują wszystkich obszarów w każdym etapie.",
        "basis_grades": "Wszystkie wartości to oceny grupy roboczej — są w każdym etapie dla "
        "każdego obszaru.",
        "chart_trend": "Indeks i płaszczyzny w kolejnych etapach",
        "chart_trend_desc": "Wykres liniowy indeksu LIJW i trzech płaszczyzn w kolejnych etapach "
        "oceny; liczby w tabeli poniżej.",
        "chart_first_last": "Obszary: pierwszy i ostatni etap",
        "chart_first_last_desc": "Wykres słupkowy wartości {n} obszarów w etapie {first} (jasne "
        "słupki) i {last} (ciemne); liczby w tabeli obszarów.",
        "dims_table": "Indeks i płaszczyzny w kolejnych etapach",
        "areas_table": "Obszary w kolejnych etapach",
        "measure": "Wskaźnik",
        "change_all": "Zmiana {first} → {last}",
        "dagger": "† wynik orientacyjny: mniej niż {min} odpowiedzi w którejś grupie.",
        "respondents": "Respondenci — {list}.",
        "jst_count": "Samorządy w porównaniu: {n} · wartości: {basis}.",
        "caution": "Każdy samorząd ocenia się sam, własnymi respondentami i w swoim czasie — "
        "miejsce w zestawieniu pokazuje, jak wypadł na tle innych, a nie ostateczną "
        "ocenę jakości współpracy. Porównuj ostrożnie.",
        "bench_top": "Najwyższy indeks: {name} ({value}); najniższy: {low} ({low_value}); "
        "mediana: {median} ({basis}).",
        "bench_above": "Powyżej mediany jest {above} z {n} samorządów.",
        "bench_spread": "Samorządy najbardziej różnią się w obszarze {area}: od {low} do {high}.",
        "bench_weak": "Najniższa mediana: {area} ({value}); najwyższa: {high} ({high_value}).",
        "bench_thin": "Niektóre wyniki opierają się na niewielu odpowiedziach — są oznaczone †.",
        "chart_bench": "Indeks LIJW w samorządach",
        "chart_bench_desc": "Wykres słupkowy indeksu LIJW każdego samorządu ({n}), od najwyższego; "
        "pionowa linia to mediana. Liczby w tabeli poniżej.",
        "rank_table": "Indeks LIJW w samorządach",
        "rank": "Miejsce",
        "jst": "Samorząd",
        "round": "Etap",
        "n": "Respondenci",
        "index": "Indeks LIJW",
        "vs_median": "Różnica od mediany",
        "areas_bench": "Obszary w samorządach",
        "median": "Mediana",
        "median_line": "mediana",
        "warnings": "Uwagi",
        "method_trend": "Kwestionariusz: {q}. Wszystkie etapy liczone są tak samo; zasady "
        "obliczeń opisuje ramka „Jak czytać wyniki”.",
        "method_bench": "Kwestionariusz: {q}. Każdy samorząd z ostatniego podanego etapu. Miejsce "
        "1 to najwyższa wartość; równe wartości dzielą miejsce. Mediana — wartość "
        "środkowa samorządów w zestawieniu.",
        "generated": "Przygotowano programem liwindex {version}.",
    },
    "en": {
        "trend_title": "Local Cooperation Quality Index — rounds of the assessment",
        "bench_title": "Local Cooperation Quality Index — local governments compared",
        "rounds": "Rounds",
        "index_in": "LIJW index · {label}",
        "since": "since {label}",
        "trend_index": "The LIJW index in the round {label} is {value} out of 5 ({basis}).",
        "trend_up": "Since {label} it rose by {delta}.",
        "trend_down": "Since {label} it fell by {delta}.",
        "trend_same": "It has not changed since {label}.",
        "last_step": "In the latest step, since {label}: {delta}.",
        "rose_each": "Rose in every round: {list}.",
        "fell_each": "Fell in every round: {list}.",
        "gain": "Largest rise since {label}: {area} ({delta}).",
        "drop": "Largest fall since {label}: {area} ({delta}).",
        "no_drop": "No area fell since {label}.",
        "no_ci": "The changes on this page have no confidence intervals. Whether a change between "
        "two rounds exceeds sampling error is shown by the comparison report "
        "(liwindex report BEFORE AFTER).",
        "basis_survey": "All values are survey scores (survey against survey), because the working "
        "group's grades do not cover every area in every round.",
        "basis_grades": "All values are the working group's grades — every round grades every area.",
        "chart_trend": "The index and the dimensions across rounds",
        "chart_trend_desc": "Line chart of the LIJW index and the three dimensions across the "
        "rounds; the numbers are in the table below.",
        "chart_first_last": "Areas: the first and the latest round",
        "chart_first_last_desc": "Bar chart of the values of {n} areas in {first} (light bars) "
        "and {last} (dark); the numbers are in the area table.",
        "dims_table": "The index and the dimensions across rounds",
        "areas_table": "Areas across rounds",
        "measure": "Measure",
        "change_all": "Change {first} → {last}",
        "dagger": "† provisional: fewer than {min} answers in a group.",
        "respondents": "Respondents — {list}.",
        "jst_count": "Local governments compared: {n} · values: {basis}.",
        "caution": "Each local government assesses itself, with its own respondents and at its "
        "own time — a rank shows how it did next to the others, not a final verdict "
        "on its cooperation. Compare with care.",
        "bench_top": "Highest index: {name} ({value}); lowest: {low} ({low_value}); median: "
        "{median} ({basis}).",
        "bench_above": "{above} of {n} local governments are above the median.",
        "bench_spread": "Local governments differ most on {area}: from {low} to {high}.",
        "bench_weak": "Lowest median: {area} ({value}); highest: {high} ({high_value}).",
        "bench_thin": "Some results rest on few answers — they are marked †.",
        "chart_bench": "LIJW index by local government",
        "chart_bench_desc": "Bar chart of each local government's LIJW index ({n}), highest "
        "first; the vertical line is the median. The numbers are in the "
        "table below.",
        "rank_table": "LIJW index by local government",
        "rank": "Rank",
        "jst": "Local government",
        "round": "Round",
        "n": "Respondents",
        "index": "LIJW index",
        "vs_median": "Difference from the median",
        "areas_bench": "Areas by local government",
        "median": "Median",
        "median_line": "median",
        "warnings": "Notes",
        "method_trend": "Questionnaire: {q}. Every round is computed alike; the box 'How to "
        "read the results' gives the rules.",
        "method_bench": "Questionnaire: {q}. Each local government by its latest round given. "
        "Rank 1 is the highest value; equal values share a rank. Median: the "
        "middle value of the local governments compared.",
        "generated": "Made with liwindex {version}.",
    },
}
