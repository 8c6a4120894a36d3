"""Numeric data (dane liczbowe): the questionnaire's ``indicators:``, their values in a
``dane`` sheet or ``dane.yaml``, and where they are shown (never in the index)."""

from __future__ import annotations

import pytest

from liwindex.model.loading import load_standard, parse_questionnaire, standard_questionnaire_text
from liwindex.problems import InputError


def _errors(text: str) -> list[tuple[str, str | None]]:
    with pytest.raises(InputError) as info:
        parse_questionnaire(text, "q.yaml")
    return [(p.code, p.yaml_path) for p in info.value.report.problems]


def _with_indicators(block: str) -> str:
    text = standard_questionnaire_text()
    head = text.split("\nindicators:\n", 1)[0]
    return head + "\nindicators:\n" + block


def test_standard_questionnaire_ships_documented_indicators() -> None:
    q = load_standard()
    assert 12 <= len(q.indicators) <= 15
    areas = {a.id for a in q.areas} | {d.id for d in q.dimensions}
    assert all(i.place in areas for i in q.indicators)
    assert {i.unit for i in q.indicators} == {"count", "PLN", "percent"}
    assert {i.area for i in q.indicators} >= {"O2", "O3", "O5", "O6", "O8", "O10", "O11"}
    assert all(i.label.en for i in q.indicators)
    shown = q.to_dict()["indicators"]
    assert shown[0]["id"] == q.indicators[0].id and shown[0]["label"]["pl"]


def test_indicator_errors_are_located_at_their_yaml_path() -> None:
    block = """\
  - {id: a1, label: {pl: A}, unit: count, area: O99}
  - {id: a2, label: {pl: B}, unit: zł, area: O1}
  - {id: a3, label: {pl: C}, unit: count}
  - {id: a4, label: {pl: D}, unit: count, area: O1, dimension: P1}
  - {id: a5, label: {pl: E}, unit: percent, dimension: P9, min: 10, max: 5}
  - {id: a1, label: {pl: F}, unit: count, area: O1, higher_is_better: moze}
"""
    found = _errors(_with_indicators(block))
    assert ("unknown-area-ref", "indicators[0].area") in found
    assert ("yaml-invalid", "indicators[1].unit") in found
    assert ("indicator-no-place", "indicators[2]") in found
    assert ("indicator-two-places", "indicators[3].dimension") in found
    assert ("unknown-dimension-ref", "indicators[4].dimension") in found
    assert ("indicator-bad-bounds", "indicators[4].min") in found
    assert ("duplicate-id", "indicators[5].id") in found
    assert ("yaml-invalid", "indicators[5].higher_is_better") in found


def test_a_questionnaire_without_indicators_has_none() -> None:
    text = standard_questionnaire_text().split("\nindicators:\n", 1)[0]
    assert parse_questionnaire(text).indicators == ()


def test_json_schema_describes_indicators() -> None:
    from liwindex.model.questionnaire import json_schema

    schema = json_schema()
    unit = schema["$defs"]["Indicator"]["properties"]["unit"]
    assert set(unit["enum"]) == {"count", "PLN", "percent"}
