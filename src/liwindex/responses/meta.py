"""A round's metadata from a ``metryka.yaml`` beside its files (the keys of the ``metryka``
sheet: jst, teryt, rok, etap, zaproszonych)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from liwindex.problems import Report, Severity
from liwindex.responses.grades import Meta

SIDECAR = "metryka.yaml"
META_FIELDS = tuple(f.name for f in fields(Meta))


def sidecar_meta(files: list[str], report: Report) -> tuple[Meta, str | None]:
    """Metadata from ``NAME.metryka.yaml`` beside a file or ``metryka.yaml`` in its folder
    (the first found), with the file it came from."""
    candidates: list[Path] = []
    for file in files:
        path = Path(file)
        candidates += [path.with_name(f"{path.stem}.{SIDECAR}"), path.with_name(SIDECAR)]
    found = next((c for c in dict.fromkeys(candidates) if c.is_file()), None)
    if found is None:
        return Meta(), None
    return read_meta_yaml(found, report), str(found)


def read_meta_yaml(path: str | Path, report: Report) -> Meta:
    """``metryka.yaml``: the keys of the ``metryka`` sheet (``jst``, ``rok``, ``etap``)."""
    from liwindex.io.yamldoc import parse_yaml, read_yaml_file
    from liwindex.responses.grades import meta_key, meta_value
    from liwindex.text import fold

    text = read_yaml_file(path, report)
    doc = parse_yaml(text, str(path), report, kind="metryka")
    found: dict[str, object] = {}
    for key, value in doc.data.items():
        name = meta_key(fold(key))
        if value is not None and not isinstance(value, str | dict | list):
            value = _raw_scalar(text, doc.line_of((key,)), value)
        if name is None:
            report.add("unknown-meta-key", Severity.NOTE, **doc.locate((key,)), value=str(key))
            continue
        parsed = meta_value(name, value, report, doc.locate((key,)))
        if parsed is not None:
            found[name] = parsed
    return Meta(**found)  # type: ignore[arg-type]


def _raw_scalar(text: str, line: int | None, value: object) -> object:
    """A number, date or yes/no as written on its line: YAML 1.1 reads ``teryt: 0201012``
    and ``zaproszonych: 0140`` as octal numbers (66058, 96); metryka's own parsing reads
    the text."""
    lines = text.splitlines()
    if line is None or not 1 <= line <= len(lines) or ":" not in lines[line - 1]:
        return value
    written = lines[line - 1].split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    return written or value
