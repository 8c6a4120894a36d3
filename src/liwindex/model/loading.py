"""Loading questionnaires from YAML, with every problem reported at its YAML path and line.

The document is composed into nodes first (safe loader: no Python objects, no aliases to
expand into huge trees) so that each path like ``dimensions[0].areas[2].questions[1].scale``
knows its line; then pydantic checks the structure and :func:`check_references` the rules
that need the whole document. All problems from both are reported together.
"""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from liwindex.messages.fragments import PYDANTIC_DETAILS
from liwindex.problems import Report
from liwindex.model.questionnaire import Questionnaire
from liwindex.io.yamldoc import YamlPath, format_path, parse_yaml, read_yaml_file

STANDARD_NAME = "lijw-standard.yaml"
Path_ = YamlPath


# bounds that keep every computation finite and every enumeration of grades small
MAX_RANGE = 1_000_000
MAX_GRADES = 1000


def standard_questionnaire_text() -> str:
    """The YAML text of the standard LIJW questionnaire shipped with the package."""
    return resources.files("liwindex").joinpath(f"data/{STANDARD_NAME}").read_text("utf-8")


def load_standard() -> Questionnaire:
    """The standard LIJW questionnaire (the default everywhere)."""
    return parse_questionnaire(standard_questionnaire_text(), STANDARD_NAME)


def load_questionnaire(path: str | Path | None = None) -> Questionnaire:
    """Load and validate a questionnaire file; ``None`` gives the standard one.

    Raises :class:`InputError` listing every problem of the file.
    """
    if path is None:
        return load_standard()
    return parse_questionnaire(read_yaml_file(path, Report()), str(path))


def parse_questionnaire(text: str, name: str = "<questionnaire>") -> Questionnaire:
    """Validate YAML text as a questionnaire; raises :class:`InputError` with every problem.
    A text validated before is taken from the cache (:mod:`liwindex.io.cache`)."""
    from liwindex.io import cache

    entry = cache.key("questionnaire", text)
    cached = cache.load(entry)
    if isinstance(cached, Questionnaire):
        return cached
    report = Report()
    doc = parse_yaml(text, name, report)
    try:
        questionnaire: Questionnaire | None = Questionnaire.model_validate(doc.data)
    except ValidationError as exc:
        questionnaire = None
        errors = exc.errors()
        paths = [tuple(p for p in err["loc"] if isinstance(p, str | int)) for err in errors]
        for err, path in zip(errors, paths, strict=True):
            # pydantic counts only the valid items for min_length, so a list whose items
            # are broken is also reported as too short; the item errors say it better.
            if err["type"] == "too_short" and any(
                len(other) > len(path) and other[: len(path)] == path for other in paths
            ):
                continue
            report.add("yaml-invalid", **doc.locate(path), detail=pydantic_detail(err))
    for path, code, params in check_references(doc.data):
        report.add(code, **doc.locate(path), **params)
    report.raise_if_invalid()
    assert questionnaire is not None
    cache.store(entry, questionnaire)
    return questionnaire


def pydantic_detail(err: Any) -> Any:
    """A pydantic error in words, in both languages."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "literal_error":
        return {"pl": f"dozwolone wartości: {ctx.get('expected')}",
                "en": f"allowed values: {ctx.get('expected')}"}
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        sign = {"greater_than": ">", "greater_than_equal": "≥", "less_than": "<",
                "less_than_equal": "≤"}[kind]
        bound = next(iter(ctx.values()), "?")
        return {"pl": f"wartość musi być {sign} {bound}", "en": f"the value must be {sign} {bound}"}
    return PYDANTIC_DETAILS.get(kind, str(err["msg"]))


def _items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """The mapping items of a list, tolerating a malformed document."""
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _id(item: dict[str, Any]) -> str | None:
    value = item.get("id")
    return None if value is None else str(value)


# Documented limits (docs/questionnaire-format.md): far beyond any real questionnaire, small
# enough that every table, chart and form stays quick.
MAX_COUNTS = {"dimensions": 50, "areas": 500, "questions": 5000, "choices": 200, "groups": 50,
              "context_questions": 1000}
COUNT_WORDS = {
    "dimensions": {"pl": "płaszczyzn", "en": "dimensions"},
    "areas": {"pl": "obszarów", "en": "areas"},
    "questions": {"pl": "pytań", "en": "questions"},
    "choices": {"pl": "odpowiedzi w jednej skali", "en": "choices in one scale"},
    "groups": {"pl": "grup respondentów", "en": "respondent groups"},
    "context_questions": {"pl": "pytań kontekstowych", "en": "context questions"},
}


def _counts(data: dict[str, Any]) -> dict[str, tuple[int, int, Path_]]:
    """How many of each kind the raw document holds, with the limit and where to look."""
    dims = [d for _, d in _items(data.get("dimensions"))]
    areas = [a for d in dims for _, a in _items(d.get("areas"))]
    questions = sum(len(_items(a.get("questions"))) for a in areas)
    choices = max((len(_items(s.get("choices"))) for _, s in _items(data.get("scales"))), default=0)
    raw = {"dimensions": (len(dims), ("dimensions",)), "areas": (len(areas), ("dimensions",)),
           "questions": (questions, ("dimensions",)), "choices": (choices, ("scales",)),
           "groups": (len(_items(data.get("groups"))), ("groups",)),
           "context_questions": (len(_items(data.get("context_questions"))), ("context_questions",))}
    return {k: (n, MAX_COUNTS[k], path) for k, (n, path) in raw.items()}


def check_references(data: dict[str, Any]) -> list[tuple[Path_, str, dict[str, Any]]]:
    """Rules that need the whole document; works on raw (possibly malformed) data.

    Returns ``(path, code, params)`` triples: unknown scales and groups, duplicate ids,
    empty dimensions and areas, scales without two different points, a bad index range.
    """
    found: list[tuple[Path_, str, dict[str, Any]]] = []
    counts = _counts(data)
    for what, (count, limit, path) in counts.items():
        if count > limit:
            found.append((path, "too-many-items", {"what": COUNT_WORDS[what], "value": count, "max": limit}))
    if any(count > limit for count, limit, _ in counts.values()):
        return found  # the other checks would walk the oversized lists

    def duplicates(items: list[tuple[int, dict[str, Any]]], path: Path_, seen: dict[str, Path_]) -> None:
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

    scales = _items(data.get("scales"))
    duplicates(scales, ("scales",), {})
    scale_ids = [s for s in (_id(item) for _, item in scales) if s]
    dims = _items(data.get("dimensions"))
    scored_scales = {
        str(q.get("scale"))
        for _, dim in dims for _, area in _items(dim.get("areas"))
        for _, q in _items(area.get("questions"))
    }
    for i, scale in scales:
        choices = _items(scale.get("choices"))
        codes: dict[str, Path_] = {}
        labels: dict[str, Path_] = {}
        for j, choice in choices:
            code = choice.get("code")
            if code is not None:
                key = str(code).strip().casefold()
                if key in codes:
                    found.append(
                        (("scales", i, "choices", j, "code"), "duplicate-code",
                         {"value": code, "first": format_path(codes[key])})
                    )
                codes.setdefault(key, ("scales", i, "choices", j, "code"))
            label = choice.get("label")
            for lang_text in label.values() if isinstance(label, dict) else []:
                key = " ".join(str(lang_text).split()).casefold()
                if key in labels and labels[key][:4] != ("scales", i, "choices", j):
                    found.append(
                        (("scales", i, "choices", j, "label"), "duplicate-label",
                         {"value": lang_text, "first": format_path(labels[key])})
                    )
                labels.setdefault(key, ("scales", i, "choices", j, "label"))
            if _id(scale) in scored_scales and not choice.get("na") and choice.get("points") is None:
                found.append((("scales", i, "choices", j), "choice-without-points", {"value": code}))
        points = {
            float(c["points"]) for _, c in choices
            if not c.get("na") and isinstance(c.get("points"), int | float)
            and not isinstance(c.get("points"), bool) and math.isfinite(c["points"])
        }
        if choices and _id(scale) in scored_scales and len(points) < 2:
            found.append((("scales", i, "choices"), "scale-constant-points", {"value": _id(scale)}))

    groups = _items(data.get("groups"))
    duplicates(groups, ("groups",), {})
    group_ids = [g for g in (_id(item) for _, item in groups) if g]

    def check_refs(item: dict[str, Any], path: Path_, need_scale: bool) -> None:
        scale = item.get("scale")
        if scale is not None and str(scale) not in scale_ids:
            found.append(((*path, "scale"), "unknown-scale",
                          {"value": scale, "known": ", ".join(dict.fromkeys(scale_ids))}))
        elif scale is None and need_scale:
            found.append(((*path, "scale"), "missing-scale", {}))
        question_groups = item.get("groups")
        if isinstance(question_groups, list):
            if not question_groups:
                found.append(((*path, "groups"), "empty-groups", {}))
            for k, gid in enumerate(question_groups):
                if str(gid) not in group_ids:
                    found.append(((*path, "groups", k), "unknown-group-ref",
                                  {"value": gid, "known": ", ".join(dict.fromkeys(group_ids))}))

    duplicates(dims, ("dimensions",), {})
    area_seen: dict[str, Path_] = {}
    question_seen: dict[str, Path_] = {}
    for d, dim in dims:
        areas = _items(dim.get("areas"))
        if not areas:
            found.append((("dimensions", d), "empty-dimension", {"value": _id(dim)}))
        duplicates(areas, ("dimensions", d, "areas"), area_seen)
        for a, area in areas:
            path = ("dimensions", d, "areas", a)
            questions = _items(area.get("questions"))
            if not questions:
                found.append((path, "empty-area", {"value": _id(area)}))
            duplicates(questions, (*path, "questions"), question_seen)
            for q, question in questions:
                check_refs(question, (*path, "questions", q), need_scale=False)

    context = _items(data.get("context_questions"))
    duplicates(context, ("context_questions",), question_seen)
    for c, question in context:
        need_scale = question.get("type") in ("single", "multi")
        check_refs(question, ("context_questions", c), need_scale=need_scale)

    scoring = data.get("scoring")
    if isinstance(scoring, dict):
        rng = scoring.get("index_range", [1, 5])
        if (
            isinstance(rng, list) and len(rng) == 2
            and all(isinstance(x, int | float) and not isinstance(x, bool) for x in rng)
        ):
            lo, hi = rng
            if not all(math.isfinite(x) and abs(x) <= MAX_RANGE for x in rng):
                found.append((("scoring", "index_range"), "bad-index-bounds",
                              {"value": rng, "max": MAX_RANGE}))
                return found
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
                    found.append((("scoring", "grade_step"), "too-many-grades",
                                  {"value": step, "lo": lo, "hi": hi, "max": MAX_GRADES}))
                elif abs(steps - round(steps)) > 1e-9:
                    found.append((("scoring", "grade_step"), "bad-grade-step",
                                  {"value": step, "lo": lo, "hi": hi}))
    return found
