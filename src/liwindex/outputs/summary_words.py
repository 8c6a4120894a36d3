"""Words of the batch summary, shared by its page and its workbook."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from liwindex.compare.batch import BatchResult

HEAD = {
    "pl": [
        "Miejsce",
        "JST",
        "Etapy",
        "Indeks — pierwszy etap",
        "Indeks — ostatni etap",
        "Zmiana",
        "Podstawa",
        "Respondenci (ostatni etap)",
        "Uwagi",
        "Raport",
    ],
    "en": [
        "Rank",
        "Local government",
        "Rounds",
        "Index — first round",
        "Index — latest round",
        "Change",
        "Basis",
        "Respondents (latest round)",
        "Notes",
        "Report",
    ],
}


WORDS: dict[str, dict[str, Any]] = {
    "pl": {
        "title": "Lokalny Indeks Jakości Współpracy — zestawienie JST",
        "lead": "Indeks LIJW (skala 1–5) każdej JST w pierwszym i ostatnim etapie oceny. Zmiana "
        "liczona jest jak z jak — z ocen grupy roboczej, gdy oba etapy je mają, inaczej z "
        "wyników ankiety; przedziały ufności i istotność zmian są w raporcie każdej JST.",
        "caption": "Indeks LIJW w JST",
        "survey": "ankieta",
        "grades": "oceny grupy roboczej",
        "provisional": "† wynik orientacyjny: za mało respondentów jednej z grup (zob. raport JST).",
        "failed": "Nie przygotowano raportu (błędy w plikach)",
        "failed_h": "JST z błędami w plikach",
        "unassigned_h": "Pliki bez przypisanej JST",
        "unassigned": "Tych plików nie przypisano do żadnej JST: nie dało się ich odczytać albo "
        "nie podają nazwy JST (arkusz „metryka” lub metryka.yaml).",
        "rank_note": "Miejsce według indeksu w ostatnim etapie (1 = najwyższy), tylko wśród JST, "
        "których ostatni etap ma ten sam kwestionariusz, rok, rodzaj oceny i podstawę; wyniki "
        "orientacyjne (†) są bez miejsca. JST oceniały się same, różnymi grupami respondentów — "
        "porównuj ostrożnie.",
        "quality_h": "Jakość danych",
        "areas_h": "Obszary we wszystkich JST",
        "areas_lead": "Mediana wyników obszaru w JST z wynikiem (każda JST na podstawie swojego "
        "porównania: ankieta albo oceny grupy roboczej), w pierwszym i ostatnim etapie, oraz "
        "najniższy i najwyższy wynik w ostatnim etapie.",
        "areas_head": [
            "Obszar",
            "JST",
            "Mediana — pierwszy etap",
            "Mediana — ostatni etap",
            "Najniższy",
            "Najwyższy",
        ],
        "areas_first": "pierwszy etap (mediana)",
        "areas_latest": "ostatni etap (mediana)",
        "areas_chart": "Mediana wyników obszarów w JST",
        "quality": "Ostrzeżenia z odczytanych plików, a pod nimi informacje: każdy rodzaj raz, z "
        "liczbą podobnych (wszystkie są w raportach JST).",
        "similar": "{text} (i {n} podobnych)",
        "changes": "Zmiana indeksu od pierwszego etapu ({basis_note}): poprawa w {up}, bez zmian w {same}, "
        "spadek w {down} z {n} JST z dwoma etapami; mediana zmiany {median} pkt. „Bez zmian”: mniej "
        "niż 0,1 pkt w skali 1–5.",
        "page": "strona",
        "workbook": "Excel",
        "generated": "Przygotowano programem liwindex {version}.",
        "count": "JST w zestawieniu: {n}.",
    },
    "en": {
        "title": "Local Cooperation Quality Index — local governments side by side",
        "lead": "The LIJW index (1–5 scale) of each local government in its first and latest "
        "round. Changes are like for like — from the working group's grades when both "
        "rounds have them, else from the survey; intervals and significance are in each "
        "local government's report.",
        "caption": "LIJW index by local government",
        "survey": "survey",
        "grades": "working-group grades",
        "provisional": "† provisional: too few respondents of one group (see the report).",
        "failed": "No report (errors in the files)",
        "failed_h": "Local governments with errors in their files",
        "unassigned_h": "Files without a local government",
        "unassigned": "These files were not assigned to a local government: they could not be "
        "read or name none (a 'metryka' sheet or metryka.yaml).",
        "rank_note": "Rank by the latest round's index (1 = highest), only among local "
        "governments whose latest round has the same questionnaire, year, stage and basis; "
        "provisional values (†) have no rank. Each local government assessed itself with its "
        "own respondents — compare with care.",
        "quality_h": "Data quality",
        "areas_h": "Areas across local governments",
        "areas_lead": "The median of each area across the local governments with a value (each "
        "on its own comparison's basis: survey or working-group grades), in the first and the "
        "latest round, and the lowest and highest latest value.",
        "areas_head": ["Area", "JSTs", "Median — first round", "Median — latest round", "Lowest", "Highest"],
        "areas_first": "first round (median)",
        "areas_latest": "latest round (median)",
        "areas_chart": "Median of the areas across local governments",
        "quality": "Warnings from the files that were read, then notes: each kind once, with the "
        "number of similar ones (all are in each local government's report).",
        "similar": "{text} (and {n} similar)",
        "changes": "Change of the index since the first round ({basis_note}): up in {up}, unchanged in "
        "{same}, down in {down} of {n} local governments with two rounds; median change {median} "
        "points. 'Unchanged': less than 0.1 point on the 1–5 scale.",
        "page": "page",
        "workbook": "Excel",
        "generated": "Made with liwindex {version}.",
        "count": "Local governments: {n}.",
    },
}


def quality_lines(batch: BatchResult, lang: str) -> list[str]:
    """The summary's data-quality section: each warning once, then one line per kind of
    note (its first message and how many more)."""
    from liwindex.problems import Severity

    warnings = list(dict.fromkeys(p.message(lang) for p in batch.notes if p.severity is Severity.WARNING))
    kinds: dict[str, list[str]] = {}
    for p in batch.notes:
        if p.severity is not Severity.WARNING:
            kinds.setdefault(p.code, []).append(p.message(lang))
    notes = [
        texts[0] if len(texts) == 1 else WORDS[lang]["similar"].format(text=texts[0], n=len(texts) - 1)
        for texts in kinds.values()
    ]
    return warnings + notes


def changes_line(batch: BatchResult, lang: str) -> str:
    """How many JSTs rose, stayed or fell and the median change, in one sentence ("" when
    no JST has two rounds)."""
    from liwindex.i18n import fmt_signed

    found = batch.changes()
    if not found["n"]:
        return ""
    from liwindex.compare.many import VALUE_WORDS

    bases = sorted({r.basis or "" for r in batch.runs if r.delta is not None and not r.failed})
    basis_note = ", ".join(VALUE_WORDS[b][lang] if b in VALUE_WORDS else "—" for b in bases)
    return WORDS[lang]["changes"].format(
        basis_note=basis_note,
        median=fmt_signed(found["median"], lang),
        **{k: found[k] for k in ("up", "same", "down", "n")},
    )
