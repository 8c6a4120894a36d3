"""A deliberately plain, per-respondent implementation of SPEC §2, written from the
``questionnaire show --json`` structure alone. It is the oracle the vectorised engine is
checked against (and the baseline the benchmarks compare with)."""

from __future__ import annotations

import math
from statistics import mean
from typing import Any


def reference_scores(q: dict[str, Any], respondents: list[tuple[str, dict[str, str]]]) -> dict[str, Any]:
    """Area, dimension and index values from ``(group, {question id: code})`` pairs."""
    s = q["scoring"]
    lo, hi = s["index_range"]
    scales = {sc["id"]: sc for sc in q["scales"]}

    def value(question: dict[str, Any], code: str | None) -> float | None:
        if code is None:
            return None
        choices = scales[question["scale"]]["choices"]
        points = [c["points"] for c in choices if not c["na"]]
        choice = next(c for c in choices if c["code"] == code)
        if choice["na"]:
            return None
        p, pmin, pmax = choice["points"], min(points), max(points)
        if question["reverse"]:
            p = pmin + pmax - p
        return lo + (p - pmin) / (pmax - pmin) * (hi - lo)

    areas: dict[str, float | None] = {}
    by_group: dict[str, dict[str, float | None]] = {}
    area_dimension: dict[str, str] = {}
    for dim in q["dimensions"]:
        for area in dim["areas"]:
            area_dimension[area["id"]] = dim["id"]
            values_by_group: dict[str, list[float]] = {}
            all_values: list[float] = []
            for group, answers in respondents:
                asked = [x for x in area["questions"] if group in x["groups"]]
                if not asked:
                    continue
                pairs = [(value(x, answers.get(x["id"])), x["weight"]) for x in asked]
                pairs = [(v, w) for v, w in pairs if v is not None]
                needed = max(1, math.ceil(round(s["min_answered"] * len(asked), 9)))
                if len(pairs) < needed:
                    continue
                v = sum(v * w for v, w in pairs) / sum(w for _, w in pairs)
                values_by_group.setdefault(group, []).append(v)
                all_values.append(v)
            group_scores = {g: mean(vs) for g, vs in values_by_group.items()}
            by_group[area["id"]] = {g["id"]: group_scores.get(g["id"]) for g in q["groups"]}
            if not all_values:
                areas[area["id"]] = None
            elif s["group_weighting"] == "equal":
                areas[area["id"]] = mean(group_scores.values())
            else:
                areas[area["id"]] = mean(all_values)

    dimensions: dict[str, float | None] = {}
    for dim in q["dimensions"]:
        present = [areas[a["id"]] for a in dim["areas"] if areas[a["id"]] is not None]
        dimensions[dim["id"]] = mean(present) if present else None
    present_areas = [v for v in areas.values() if v is not None]
    index: float | None = None
    if present_areas and len(present_areas) / len(areas) >= s["min_area_coverage"] - 1e-9:
        if s["aggregation"] == "areas":
            index = mean(present_areas)
        else:
            index = mean(v for v in dimensions.values() if v is not None)
    return {"areas": areas, "by_group": by_group, "dimensions": dimensions, "index": index}
