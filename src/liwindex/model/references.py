"""The questionnaire rules that need the whole document, one function per rule family.

They work on the raw (possibly malformed) YAML data, so that every problem is found in
one pass beside pydantic's, and each returns ``(path, code, params)`` triples that the
loader turns into located problems.
"""

from __future__ import annotations

import math
from typing import Any

from liwindex.io.yamldoc import YamlPath, format_path

Found = list[tuple[YamlPath, str, dict[str, Any]]]

# bounds that keep every computation finite and every enumeration of grades small
MAX_RANGE = 1_000_000
MAX_GRADES = 1000

# Documented limits (docs/questionnaire-format.md): far beyond any real questionnaire, small
# enough that every table, chart and form stays quick.
MAX_COUNTS = {
    "dimensions": 50,
    "areas": 500,
    "questions": 5000,
    "choices": 200,
    "groups": 50,
    "context_questions": 1000,
    "indicators": 500,
}
COUNT_WORDS = {
    "dimensions": {"pl": "płaszczyzn", "en": "dimensions"},
    "areas": {"pl": "obszarów", "en": "areas"},
    "questions": {"pl": "pytań", "en": "questions"},
    "choices": {"pl": "odpowiedzi w jednej skali", "en": "choices in one scale"},
    "groups": {"pl": "grup respondentów", "en": "respondent groups"},
    "context_questions": {"pl": "pytań kontekstowych", "en": "context questions"},
    "indicators": {"pl": "wskaźników liczbowych", "en": "numeric indicators"},
}


def check_references(data: dict[str, Any]) -> Found:
    """Rules that need the whole document: sizes, duplicate ids, scales without two
    different points, unknown scales and groups, empty dimensions and areas, a bad index
    range or grade step."""
    found = _sizes(data)
    if found:
        return found  # the other checks would walk the oversized lists
    scales = _items(data.get("scales"))
    _duplicates(scales, ("scales",), {}, found)
    found += _scale_rules(data)
    found += _reference_rules(data, [s for s in (_id(item) for _, item in scales) if s])
    found += _range_rules(data)
    found += _indicator_rules(data)
    return found


def _items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """The mapping items of a list, tolerating a malformed document."""
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _id(item: dict[str, Any]) -> str | None:
    value = item.get("id")
    return None if value is None else str(value)


def _counts(data: dict[str, Any]) -> dict[str, tuple[int, int, YamlPath]]:
    """How many of each kind the raw document holds, with the limit and where to look."""
    dims = [d for _, d in _items(data.get("dimensions"))]
    areas = [a for d in dims for _, a in _items(d.get("areas"))]
    questions = sum(len(_items(a.get("questions"))) for a in areas)
    choices = max((len(_items(s.get("choices"))) for _, s in _items(data.get("scales"))), default=0)
    raw = {
        "dimensions": (len(dims), ("dimensions",)),
        "areas": (len(areas), ("dimensions",)),
        "questions": (questions, ("dimensions",)),
        "choices": (choices, ("scales",)),
        "groups": (len(_items(data.get("groups"))), ("groups",)),
        "context_questions": (len(_items(data.get("context_questions"))), ("context_questions",)),
        "indicators": (len(_items(data.get("indicators"))), ("indicators",)),
    }
    return {k: (n, MAX_COUNTS[k], path) for k, (n, path) in raw.items()}


def _sizes(data: dict[str, Any]) -> Found:
    """More dimensions, areas, questions, choices, groups or context questions than allowed."""
    return [
        (path, "too-many-items", {"what": COUNT_WORDS[what], "value": count, "max": limit})
        for what, (count, limit, path) in _counts(data).items()
        if count > limit
    ]


def _duplicates(
    items: list[tuple[int, dict[str, Any]]], path: YamlPath, seen: dict[str, YamlPath], found: Found
) -> None:
    """An id given twice among ``items`` (or already in ``seen``, shared across lists)."""
    for i, item in items:
        ident = _id(item)
        if ident is None:
            continue
        if ident in seen:
            found.append(
                ((*path, i, "id"), "duplicate-id", {"value": ident, "first": format_path(seen[ident])})
            )
        else:
            seen[ident] = (*path, i, "id")


def _scale_rules(data: dict[str, Any]) -> Found:
    """Within each scale: codes and labels given twice; for scales that score a question,
    a choice without points and fewer than two different points."""
    found: Found = []
    scored_scales = {
        str(q.get("scale"))
        for _, dim in _items(data.get("dimensions"))
        for _, area in _items(dim.get("areas"))
        for _, q in _items(area.get("questions"))
    }
    for i, scale in _items(data.get("scales")):
        choices = _items(scale.get("choices"))
        codes: dict[str, YamlPath] = {}
        labels: dict[str, YamlPath] = {}
        for j, choice in choices:
            code = choice.get("code")
            if code is not None:
                key = str(code).strip().casefold()
                if key in codes:
                    found.append(
                        (
                            ("scales", i, "choices", j, "code"),
                            "duplicate-code",
                            {"value": code, "first": format_path(codes[key])},
                        )
                    )
                codes.setdefault(key, ("scales", i, "choices", j, "code"))
            label = choice.get("label")
            for lang_text in label.values() if isinstance(label, dict) else []:
                key = " ".join(str(lang_text).split()).casefold()
                if key in labels and labels[key][:4] != ("scales", i, "choices", j):
                    found.append(
                        (
                            ("scales", i, "choices", j, "label"),
                            "duplicate-label",
                            {"value": lang_text, "first": format_path(labels[key])},
                        )
                    )
                labels.setdefault(key, ("scales", i, "choices", j, "label"))
            if _id(scale) in scored_scales and not choice.get("na") and choice.get("points") is None:
                found.append((("scales", i, "choices", j), "choice-without-points", {"value": code}))
        points = {
            float(c["points"])
            for _, c in choices
            if not c.get("na")
            and isinstance(c.get("points"), int | float)
            and not isinstance(c.get("points"), bool)
            and math.isfinite(c["points"])
        }
        if choices and _id(scale) in scored_scales and len(points) < 2:
            found.append((("scales", i, "choices"), "scale-constant-points", {"value": _id(scale)}))
    return found


def _reference_rules(data: dict[str, Any], scale_ids: list[str]) -> Found:
    """Groups, dimensions, areas and questions: ids given twice (question ids across the
    whole document), empty dimensions and areas, unknown or missing scales, unknown or
    empty groups."""
    found: Found = []
    groups = _items(data.get("groups"))
    _duplicates(groups, ("groups",), {}, found)
    group_ids = [g for g in (_id(item) for _, item in groups) if g]

    def check_refs(item: dict[str, Any], path: YamlPath, need_scale: bool) -> None:
        scale = item.get("scale")
        if scale is not None and str(scale) not in scale_ids:
            found.append(
                (
                    (*path, "scale"),
                    "unknown-scale",
                    {"value": scale, "known": ", ".join(dict.fromkeys(scale_ids))},
                )
            )
        elif scale is None and need_scale:
            found.append(((*path, "scale"), "missing-scale", {}))
        question_groups = item.get("groups")
        if isinstance(question_groups, list):
            if not question_groups:
                found.append(((*path, "groups"), "empty-groups", {}))
            for k, gid in enumerate(question_groups):
                if str(gid) not in group_ids:
                    found.append(
                        (
                            (*path, "groups", k),
                            "unknown-group-ref",
                            {"value": gid, "known": ", ".join(dict.fromkeys(group_ids))},
                        )
                    )

    dims = _items(data.get("dimensions"))
    _duplicates(dims, ("dimensions",), {}, found)
    area_seen: dict[str, YamlPath] = {}
    question_seen: dict[str, YamlPath] = {}
    for d, dim in dims:
        areas = _items(dim.get("areas"))
        if not areas:
            found.append((("dimensions", d), "empty-dimension", {"value": _id(dim)}))
        _duplicates(areas, ("dimensions", d, "areas"), area_seen, found)
        for a, area in areas:
            path = ("dimensions", d, "areas", a)
            questions = _items(area.get("questions"))
            if not questions:
                found.append((path, "empty-area", {"value": _id(area)}))
            _duplicates(questions, (*path, "questions"), question_seen, found)
            for q, question in questions:
                check_refs(question, (*path, "questions", q), need_scale=False)
    context = _items(data.get("context_questions"))
    _duplicates(context, ("context_questions",), question_seen, found)
    for c, question in context:
        check_refs(question, ("context_questions", c), need_scale=question.get("type") in ("single", "multi"))
    return found


def _range_rules(data: dict[str, Any]) -> Found:
    """The index range: finite, bounded, low below high; the grade step divides it into at
    most :data:`MAX_GRADES` steps."""
    scoring = data.get("scoring")
    if not isinstance(scoring, dict):
        return []
    rng = scoring.get("index_range", [1, 5])
    if not (
        isinstance(rng, list)
        and len(rng) == 2
        and all(isinstance(x, int | float) and not isinstance(x, bool) for x in rng)
    ):
        return []
    lo, hi = rng
    if not all(math.isfinite(x) and abs(x) <= MAX_RANGE for x in rng):
        return [(("scoring", "index_range"), "bad-index-bounds", {"value": rng, "max": MAX_RANGE})]
    found: Found = []
    if lo >= hi:
        found.append((("scoring", "index_range"), "bad-index-range", {"value": rng}))
    step = scoring.get("grade_step", 0.5)
    try:  # PyYAML reads 1e-9 (no dot) as text; pydantic will take it as a number
        step = float(step)
    except (TypeError, ValueError):
        step = None
    if step is not None and step > 0 and lo < hi and math.isfinite(step):
        steps = (hi - lo) / step
        if steps > MAX_GRADES:
            found.append(
                (
                    ("scoring", "grade_step"),
                    "too-many-grades",
                    {"value": step, "lo": lo, "hi": hi, "max": MAX_GRADES},
                )
            )
        elif abs(steps - round(steps)) > 1e-9:
            found.append((("scoring", "grade_step"), "bad-grade-step", {"value": step, "lo": lo, "hi": hi}))
    return found


def _indicator_rules(data: dict[str, Any]) -> Found:
    """Numeric indicators: ids given twice, an unknown area or płaszczyzna, neither or both
    given, a lower bound above the upper one, a negative bound of a count."""
    found: Found = []
    indicators = _items(data.get("indicators"))
    _duplicates(indicators, ("indicators",), {}, found)
    dims = [d for _, d in _items(data.get("dimensions"))]
    dim_ids = [str(d["id"]) for d in dims if d.get("id") is not None]
    area_ids = [str(a["id"]) for d in dims for _, a in _items(d.get("areas")) if a.get("id") is not None]
    for i, item in indicators:
        path = ("indicators", i)
        area, dim = item.get("area"), item.get("dimension")
        if area is None and dim is None:
            found.append((path, "indicator-no-place", {"value": _id(item)}))
        elif area is not None and dim is not None:
            found.append(((*path, "dimension"), "indicator-two-places", {"value": _id(item)}))
        elif area is not None and str(area) not in area_ids:
            found.append(((*path, "area"), "unknown-area-ref", {"value": area, "known": ", ".join(area_ids)}))
        elif dim is not None and str(dim) not in dim_ids:
            found.append(
                ((*path, "dimension"), "unknown-dimension-ref", {"value": dim, "known": ", ".join(dim_ids)})
            )
        lo, hi = item.get("min"), item.get("max")
        numbers = [float(x) for x in (lo, hi) if isinstance(x, int | float) and not isinstance(x, bool)]
        if len(numbers) == 2 and numbers[0] > numbers[1]:
            found.append(((*path, "min"), "indicator-bad-bounds", {"lo": lo, "hi": hi}))
    return found
