"""Mapping files: how an export that nothing recognises maps onto the questionnaire.

    questionnaire: lijw-standard
    columns:                      # column header → question id (null: ignore the column)
      "Pyt. 7 – konsultacje": o2_n1
      "Komentarz": null
    answers:                      # per scale id ("*": every scale) → answer text → code
      ocena5:
        "b. dobrze": "5"
        "n/d": null               # null: the answer counts as blank
    groups:                       # group cell text → group id
      "Urząd Gminy": jst

``liwindex mapping init`` proposes such a file; an entry it is unsure of carries a leading
``?`` ("?o2_n1") which the user removes after checking. A mapping with an unconfirmed entry
is refused, so nothing uncertain is ever scored by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.model.questionnaire import Questionnaire
from liwindex.problems import Report
from liwindex.text import fold

if TYPE_CHECKING:  # the YAML parser is imported only when a mapping file is read
    from liwindex.io.yamldoc import YamlDocument

UNSURE = "?"

# A mapping has an entry per column, answer and group of a survey file: far fewer than
# these. A larger file is refused by its size before it is read, and one of more entries
# while it is parsed (a 200,000-entry mapping took half a minute to be refused).
MAX_MAPPING_BYTES = 2_000_000
MAX_MAPPING_ENTRIES = 20_000
_SECTION_NODES = 1_000  # the sections and scales around the entries (key and value each)


@dataclass
class Mapping:
    """A validated mapping; keys are folded (case, spaces and punctuation ignored)."""

    source: str
    columns: dict[str, str | None] = field(default_factory=dict)
    answers: dict[str, dict[str, str | None]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)


def load_mapping(path: str | Path, questionnaire: Questionnaire) -> Mapping:
    """Read and check a mapping file against ``questionnaire``; every problem is reported
    with its YAML path and line (raises :class:`InputError`)."""
    from liwindex.io.yamldoc import parse_yaml, read_yaml_file

    report = Report()
    text = read_yaml_file(path, report, limit=MAX_MAPPING_BYTES, too_large="mapping-too-large")
    doc = parse_yaml(
        text,
        str(path),
        report,
        kind="mapping",
        max_nodes=2 * MAX_MAPPING_ENTRIES + _SECTION_NODES,
        too_many=("mapping-too-many-entries", MAX_MAPPING_ENTRIES),
    )
    mapping = check_mapping(doc, questionnaire, report)
    report.raise_if_invalid()
    return mapping


def check_mapping(doc: YamlDocument, q: Questionnaire, report: Report) -> Mapping:
    """Validate parsed mapping data; problems go to ``report``."""
    data = doc.data
    mapping = Mapping(source=doc.name)
    for key in data:
        if key not in ("questionnaire", "columns", "answers", "groups"):
            report.add("mapping-unknown-key", **doc.locate((key,)), value=key)
    if data.get("questionnaire") not in (None, q.id):
        report.add(
            "mapping-other-questionnaire",
            **doc.locate(("questionnaire",)),
            value=data["questionnaire"],
            expected=q.id,
        )

    targets = [x.id for x in q.questions] + [c.id for c in q.context_questions]
    targets.append(q.group_question.id)
    for header, target in _section(doc, "columns", report).items():
        path = ("columns", header)
        if target is None:
            mapping.columns[fold(header)] = None
        elif _unsure(target, doc, path, report) or str(target) not in targets:
            if not str(target).startswith(UNSURE):
                report.add(
                    "mapping-unknown-question",
                    **doc.locate(path),
                    value=target,
                    example=", ".join(targets[:3]),
                )
        else:
            mapping.columns[fold(header)] = str(target)

    scales = {s.id: s for s in q.scales}
    for scale_id, answers in _section(doc, "answers", report).items():
        path = ("answers", scale_id)
        if scale_id != "*" and scale_id not in scales:
            report.add("unknown-scale", **doc.locate(path), value=scale_id, known=", ".join(scales))
            continue
        if not isinstance(answers, dict):
            report.add("mapping-not-a-mapping", **doc.locate(path))
            continue
        codes = (
            {c.code for c in scales[scale_id].choices}
            if scale_id != "*"
            else {c.code for s in q.scales for c in s.choices}
        )
        table: dict[str, str | None] = {}
        for text, code in answers.items():
            if code is None:
                table[fold(text)] = None
            elif not _unsure(code, doc, (*path, text), report):
                if str(code) in codes:
                    table[fold(text)] = str(code)
                else:
                    report.add(
                        "mapping-unknown-code",
                        **doc.locate((*path, text)),
                        value=code,
                        known=", ".join(sorted(codes)),
                    )
        mapping.answers[scale_id] = table

    for text, group in _section(doc, "groups", report).items():
        path = ("groups", text)
        if not _unsure(group, doc, path, report):
            if str(group) in q.group_ids:
                mapping.groups[fold(text)] = str(group)
            else:
                report.add("unknown-group-ref", **doc.locate(path), value=group, known=", ".join(q.group_ids))
    return mapping


def _section(doc: YamlDocument, key: str, report: Report) -> dict[str, Any]:
    value = doc.data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        report.add("mapping-not-a-mapping", **doc.locate((key,)))
        return {}
    return {str(k): v for k, v in value.items()}


def _unsure(value: Any, doc: YamlDocument, path: tuple[str, ...], report: Report) -> bool:
    if isinstance(value, str) and value.startswith(UNSURE):
        report.add("mapping-unconfirmed", **doc.locate(path), value=value)
        return True
    return False
