"""Words of the trend and benchmark pages, in Polish and English."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "trend_title": "Lokalny Indeks Jakości Współpracy — kolejne etapy oceny",
        "bench_title": "Lokalny Indeks Jakości Współpracy — porównanie samorządów",
        "rounds": "Etapy oceny",
        "trend_reconcile": "Indeks LIJW {index} to średnia ocen grupy roboczej; wynik ankiety w {label} "
        "to {survey} i to wyniki ankiety porównano na tej stronie.",
        "since_survey": "Zmiana wyniku ankiety od {label}",
        "since_grades": "Zmiana ocen grupy roboczej od {label}",
        "trend_index": "Indeks LIJW w {label} wynosi {value} na 5 ({source}).",
        "trend_up_survey": "Od {label} wynik ankiety wzrósł o {delta}.",
        "trend_down_survey": "Od {label} wynik ankiety spadł o {delta}.",
        "trend_same_survey": "Od {label} wynik ankiety się nie zmienił.",
        "trend_up_grades": "Od {label} średnia ocen grupy roboczej wzrosła o {delta}.",
        "trend_down_grades": "Od {label} średnia ocen grupy roboczej spadła o {delta}.",
        "trend_same_grades": "Od {label} średnia ocen grupy roboczej się nie zmieniła.",
        "last_step": "W ostatnim kroku, od {label}: {delta}.",
        "rose_each": "W każdym kolejnym etapie rosły: {list}.",
        "fell_each": "W każdym kolejnym etapie spadały: {list}.",
        "gain": "Największy wzrost od {label}: {area} ({delta}).",
        "drop": "Największy spadek od {label}: {area} ({delta}).",
        "no_drop": "Od {label} żaden obszar nie stracił.",
        "no_ci": "Zmiany na tej stronie podano bez przedziałów 95%. Jak duża jest niepewność "
        "zmiany między dwiema ocenami, pokazuje raport porównawczy (liwindex report PRZED PO).",
        "basis_survey": "Wszystkie wartości to wyniki ankiety (ankieta z ankietą), bo oceny grupy "
        "roboczej nie obejmują wszystkich obszarów w każdym etapie.",
        "basis_grades": "Wszystkie wartości to oceny grupy roboczej — są w każdym etapie dla "
        "każdego obszaru.",
        "chart_trend": "Indeks i płaszczyzny w kolejnych etapach",
        "chart_trend_desc": "Wykres liniowy indeksu LIJW i trzech płaszczyzn w kolejnych etapach "
        "oceny; liczby w tabeli poniżej.",
        "chart_first_last": "Obszary: pierwszy i ostatni etap",
        "chart_first_last_desc": "Wykres słupkowy wartości {n} obszarów w {first} (jasne "
        "słupki) i w {last} (ciemne); liczby w tabeli obszarów.",
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
        "trend_reconcile": "The LIJW index {index} is the mean of the working group's grades; the "
        "survey score in {label} is {survey}, and this page compares survey scores.",
        "since_survey": "Change of the survey score since {label}",
        "since_grades": "Change of the working group's grades since {label}",
        "trend_index": "The LIJW index in {label} is {value} out of 5 ({source}).",
        "trend_up_survey": "Since {label} the survey score rose by {delta}.",
        "trend_down_survey": "Since {label} the survey score fell by {delta}.",
        "trend_same_survey": "The survey score has not changed since {label}.",
        "trend_up_grades": "Since {label} the working group's mean grade rose by {delta}.",
        "trend_down_grades": "Since {label} the working group's mean grade fell by {delta}.",
        "trend_same_grades": "The working group's mean grade has not changed since {label}.",
        "last_step": "In the latest step, since {label}: {delta}.",
        "rose_each": "Rose in every round: {list}.",
        "fell_each": "Fell in every round: {list}.",
        "gain": "Largest rise since {label}: {area} ({delta}).",
        "drop": "Largest fall since {label}: {area} ({delta}).",
        "no_drop": "No area fell since {label}.",
        "no_ci": "The changes on this page are given without 95% intervals. How uncertain a change "
        "between two rounds is, the comparison report shows (liwindex report BEFORE AFTER).",
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
        "dagger": "† indicative: fewer than {min} answers in a group.",
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
