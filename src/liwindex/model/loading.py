"""Loading questionnaires from YAML, with every problem reported at its YAML path and line.

The document is composed into nodes first (safe loader: no Python objects, no aliases to
expand into huge trees) so that each path like ``dimensions[0].areas[2].questions[1].scale``
knows its line; then pydantic checks the structure and :func:`check_references` the rules
that need the whole document. All problems from both are reported together.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from liwindex.io.yamldoc import parse_yaml, read_yaml_file
from liwindex.messages.fragments import PYDANTIC_DETAILS
from liwindex.model.questionnaire import Questionnaire
from liwindex.model.references import check_references
from liwindex.problems import Report

STANDARD_NAME = "lijw-standard.yaml"


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


def _versions() -> list[str]:
    """What a cached questionnaire depends on besides its text and the model sources."""
    import pydantic

    from liwindex import __version__

    return [__version__, pydantic.VERSION, sys.version]


# the modules whose code defines a validated questionnaire (a cache entry's key hashes them)
_SOURCES = [
    Path(__file__),
    Path(__file__).with_name("questionnaire.py"),
    Path(__file__).with_name("references.py"),
    Path(__file__).with_name("tables.py"),
]


def parse_questionnaire(text: str, name: str = "<questionnaire>") -> Questionnaire:
    """Validate YAML text as a questionnaire; raises :class:`InputError` with every problem.
    A text validated before is taken from the cache (:mod:`liwindex.io.cache`)."""
    from liwindex.io import cache

    entry = cache.key("questionnaire", text, _versions(), _SOURCES)
    cached = cache.load(entry, Questionnaire)
    if cached is not None:
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
        return {
            "pl": f"dozwolone wartości: {ctx.get('expected')}",
            "en": f"allowed values: {ctx.get('expected')}",
        }
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        sign = {"greater_than": ">", "greater_than_equal": "≥", "less_than": "<", "less_than_equal": "≤"}[
            kind
        ]
        bound = next(iter(ctx.values()), "?")
        return {"pl": f"wartość musi być {sign} {bound}", "en": f"the value must be {sign} {bound}"}
    return PYDANTIC_DETAILS.get(kind, str(err["msg"]))
