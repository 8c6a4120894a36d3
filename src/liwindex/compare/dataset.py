"""The open dataset of many rounds (``liwindex dataset``, and beside every batch summary):
one row per JST × round × level (the index, a płaszczyzna, an area) × group (all
respondents, then each group), with a stable set of columns documented in
docs/dataset.md. Values are the same as ``score --json`` gives, unrounded."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from liwindex.scoring.results import ScoreResult

# The schema: names and order are stable; a new column is added at the end.
COLUMNS = (
    "teryt",
    "jst",
    "rok",
    "etap",
    "questionnaire_id",
    "questionnaire_version",
    "level",
    "id",
    "label",
    "group",
    "survey",
    "grade",
    "value",
    "n",
    "provisional",
    "source",
)
ALL = "all"


def dataset_rows(results: Iterable[ScoreResult], lang: str = "pl") -> list[dict[str, Any]]:
    """Every round's index, płaszczyzny and areas, for all respondents and per group; JSTs
    by name, each JST's rounds in chronological order (the same file for the same rounds)."""
    from liwindex.compare.identity import name_key
    from liwindex.compare.many import round_order

    rows: list[dict[str, Any]] = []
    for r in sorted(results, key=lambda r: (name_key(r.meta.get("jst") or ""), round_order(r))):
        groups = list(r.respondents_by_group)
        base = {
            "teryt": r.meta.get("teryt"),
            "jst": r.meta.get("jst"),
            "rok": r.meta.get("rok"),
            "etap": r.meta.get("etap"),
            "questionnaire_id": r.questionnaire_id,
            "questionnaire_version": r.questionnaire_version,
            "source": r.meta.get("source"),
        }
        thin = {g for a in r.areas for g, n in a.thin_groups.items()}
        label = {"pl": "Indeks LIJW", "en": "LIJW index"}
        index = r.index
        rows.append(
            base
            | _row(
                "index",
                "LIJW",
                label[lang],
                ALL,
                index.survey,
                index.grades,
                index.value,
                r.respondents_total,
                r.provisional,
            )
        )
        rows += [
            base
            | _row(
                "index",
                "LIJW",
                label[lang],
                g,
                index.by_group.get(g),
                None,
                None,
                r.respondents_by_group[g],
                g in thin,
            )
            for g in groups
        ]
        for d in r.dimensions:
            areas = [a for a in r.areas if a.dimension == d.id]
            rows.append(
                base
                | _row(
                    "dimension",
                    d.id,
                    d.label[lang],
                    ALL,
                    d.survey,
                    d.grades,
                    d.value,
                    r.respondents_total,
                    any(a.provisional for a in areas),
                )
            )
            rows += [
                base
                | _row(
                    "dimension",
                    d.id,
                    d.label[lang],
                    g,
                    d.by_group.get(g),
                    None,
                    None,
                    r.respondents_by_group[g],
                    any(g in a.thin_groups for a in areas),
                )
                for g in groups
            ]
        for a in r.areas:
            rows.append(
                base | _row("area", a.id, a.label[lang], ALL, a.survey, a.grade, a.value, a.n, a.provisional)
            )
            rows += [
                base
                | _row(
                    "area",
                    a.id,
                    a.label[lang],
                    g,
                    a.by_group.get(g),
                    None,
                    None,
                    a.n_by_group.get(g, 0),
                    g in a.thin_groups,
                )
                for g in groups
            ]
    return rows


def _row(
    level: str,
    ident: str,
    label: str,
    group: str,
    survey: float | None,
    grade: float | None,
    value: float | None,
    n: int,
    provisional: bool,
) -> dict[str, Any]:
    return {
        "level": level,
        "id": ident,
        "label": label,
        "group": group,
        "survey": survey,
        "grade": grade,
        "value": value,
        "n": n,
        "provisional": provisional,
    }
